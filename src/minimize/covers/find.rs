//! [`PiChart::find_covers`]: the cover search the engine options ask for.

use super::irredundant::irredundant_covers;
use super::minimum::minimum_covers;
use super::Covers;
use crate::minimize::error::MinimizeError;
use crate::minimize::options::{CoverSearch, EngineOptions};
use crate::minimize::pi_chart::PiChart;

impl PiChart {
    /// The covers `options` asks for, exactly: every minimum cover
    /// ([`CoverSearch::Minimum`], the default; R QCA's) or every irredundant cover, of any
    /// size ([`CoverSearch::Irredundant`], R QCA's `all.sol = TRUE`), up to
    /// [`EngineOptions::max_models`] of them, each sorted by row index, sorted by size, then
    /// lexicographically. The other options (prime implicants, row dominance) are those of
    /// [`MinimizationProblem::solve`](crate::minimize::MinimizationProblem::solve), which
    /// calls this, and are not used here.
    ///
    /// Minimum covers, method:
    /// 1. Rows that cover the same columns form one class; the search runs on classes and
    ///    each cover of classes stands for every choice of one row per class.
    /// 2. Essential classes are taken; the columns they cover are dropped, then every column
    ///    whose rows include all the rows of another column (column dominance: covering the
    ///    other covers it, so the set of covers is unchanged), then classes that cover no
    ///    remaining column (redundant in any cover).
    /// 3. The core: the classes no other class contains. The minimum size is proven on it
    ///    by branch and bound with Lagrangian lower bounds and reduced-cost fixing, and every
    ///    cover of that size is listed (the method of the crate's `set_cover` module, after
    ///    Beasley 1987 and Held, Wolfe & Crowder 1974). Branching is on the uncovered column
    ///    with the fewest rows; each tried row is forbidden in the later branches, so each
    ///    cover is found once.
    /// 4. Every minimum cover of the whole chart is a minimum cover of the core with some of
    ///    its classes replaced by classes they contain (replace each class of a minimum
    ///    cover by a containing core class: it still covers, with as many classes). These
    ///    replacements are listed for each core cover, keeping those that still cover.
    ///
    /// Row dominance is not used for the models, so no alternative minimum cover is lost.
    /// Petrick's method (1956) gives the same covers by expanding a product of sums; this
    /// search avoids the expansion.
    ///
    /// # Complexity
    /// Exponential in the worst case (minimum set cover is NP-hard). The bound is close to
    /// the linear-programming bound, so charts whose minimum is within about one of it
    /// (clean data) take milliseconds; noisy charts with a larger gap take seconds at 100
    /// positive configurations and more beyond. Memory is `O(rows × columns)` bits.
    ///
    ///
    /// Irredundant covers (no row can be dropped): the same reductions and branching,
    /// without the size bound; a branch stops as soon as a chosen row has no column that only
    /// it covers among the chosen rows.
    ///
    /// Limits: [`EngineOptions::max_search_nodes`] bounds the nodes of the search. For
    /// minimum covers it applies to the proof of the minimum size, then again to the listing;
    /// if it stops the listing, the covers found are returned with [`Covers::truncated`] set
    /// (at least one: the cover found by the proof). If it stops the proof, the call fails,
    /// unless [`EngineOptions::accept_unproven`] is set: then the smallest cover found is
    /// returned, alone, with [`Covers::lower_bound`] set to the size below which no cover
    /// exists (it covers every column, but a smaller cover may exist). For irredundant
    /// covers, the covers found so far are returned with `truncated` set.
    ///
    /// # Errors
    /// [`MinimizeError::InvalidLimit`] for a limit of 0 ([`EngineOptions::validate`]);
    /// [`MinimizeError::MinimumNotProven`] when the node limit stops the proof of the minimum
    /// size (unless [`EngineOptions::accept_unproven`]), with the size of the smallest cover
    /// found and a lower bound; [`MinimizeError::SearchLimit`] when it stops the search for
    /// irredundant covers before any is found.
    ///
    /// # Complexity
    /// Exponential in the worst case (minimum set cover is NP-hard; the number of
    /// irredundant covers itself can be exponential). The bound is close to the
    /// linear-programming bound, so charts whose minimum is within about one of it (clean
    /// data) take milliseconds; noisy charts with a larger gap take seconds at 100 positive
    /// configurations and more beyond. Memory is `O(rows × columns)` bits.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CoverSearch, EngineOptions, PiChart};
    /// // A cyclic chart: 3 columns, each covered by 2 of 3 rows.
    /// let chart = PiChart::from_matrix(&[
    ///     vec![true, true, false],
    ///     vec![false, true, true],
    ///     vec![true, false, true],
    /// ]);
    /// let covers = chart.find_covers(&EngineOptions::new())?;
    /// assert_eq!(covers.models, vec![vec![0, 1], vec![0, 2], vec![1, 2]]);
    /// let chart = PiChart::from_matrix(&[vec![true, true], vec![true, false], vec![false, true]]);
    /// let irredundant = EngineOptions::new().covers(CoverSearch::Irredundant);
    /// assert_eq!(chart.find_covers(&irredundant)?.models, vec![vec![0], vec![1, 2]]);
    ///
    /// // The columns are the 15 nonzero vectors x of GF(2)^4, and each nonzero a gives the
    /// // row {x : a.x = 1}: the minimum cover has 4 rows, far above the linear bound 15/8,
    /// // and one search node cannot prove it.
    /// let rows: Vec<Vec<bool>> = (1..16u32)
    ///     .map(|a| (1..16u32).map(|x| (a & x).count_ones() % 2 == 1).collect())
    ///     .collect();
    /// let chart = PiChart::from_matrix(&rows);
    /// let one_node = EngineOptions::new().max_search_nodes(1);
    /// assert!(chart.find_covers(&one_node).is_err());
    /// let best = chart.find_covers(&one_node.accept_unproven(true))?;
    /// assert_eq!(best.models.len(), 1);
    /// assert_eq!(best.models[0].len(), 4);
    /// assert!(best.lower_bound.is_some_and(|b| b < 4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn find_covers(&self, options: &EngineOptions) -> Result<Covers, MinimizeError> {
        options.validate()?;
        let max_models = options.get_max_models();
        let max_nodes = options.get_max_search_nodes();
        match options.get_covers() {
            CoverSearch::Minimum => {
                minimum_covers(self, max_models, max_nodes, options.get_accept_unproven())
            }
            CoverSearch::Irredundant => irredundant_covers(self, max_models, max_nodes),
        }
    }
}
