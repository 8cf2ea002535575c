//! The rows of a chart that are in some minimum cover, found without listing the covers.

use super::minimum::row_classes;
use super::reduce::Reduced;
use crate::minimize::bits::ones;
use crate::minimize::error::MinimizeError;
use crate::minimize::options::EngineOptions;
use crate::minimize::pi_chart::PiChart;
use crate::minimize::set_cover::{in_minimum_covers, minimum_size, EverySet, Relevance, SetFamily};

impl PiChart {
    /// The rows (prime implicants) that are in at least one minimum cover, ascending, found
    /// without listing the covers (there can be millions); none if some column has no row.
    /// The union of the rows of every minimum cover: what R QCA's `findRows(type = 2)`
    /// pools over all the models of a parsimonious solution.
    ///
    /// Only [`EngineOptions::max_search_nodes`] is used: it bounds the search nodes of the
    /// proof of the minimum of each independent block of the chart, those of the listing
    /// of the block's minimum covers, and those of the tests of the block's rows together.
    /// Every row is decided here; the crate's search for contradictory simplifying
    /// assumptions ([`FindRows`](crate::counterfactual::FindRows)) uses a variant that
    /// decides only the classes of rows whose answer can change its result, and proves the
    /// minimum only of the blocks that hold one.
    ///
    /// Method: see [`PiChart::find_covers`] for the reductions and the bound; the chart
    /// is split into blocks that no row spans, each solved alone. In a block of minimum
    /// `m`, a row is in some minimum cover exactly when `m - 1` rows cover the columns it
    /// leaves. First the minimum covers of the classes of rows that no other contains are
    /// listed: each cover `C` and class `c` in it show in a minimum cover every row inside
    /// `c` that holds the columns only `c` covers in `C`, and where the list ends, every
    /// row is decided, however many the minimum covers of the whole chart. Otherwise the
    /// rows not yet known to be in a minimum cover are tested together: with one more
    /// column, covered by exactly those rows, a cover of `m` rows is a minimum cover
    /// holding one of them, and where there is none, none of them is in a minimum cover.
    ///
    /// # Errors
    /// [`MinimizeError::InvalidLimit`] for a limit of 0; [`MinimizeError::MinimumNotProven`]
    /// when the node limit stops the proof of a block's minimum (the bounds are the whole
    /// chart's); [`MinimizeError::MembershipNotDecided`] when it stops both the listing and
    /// the tests of the rows.
    /// Never a partial answer.
    ///
    /// # Complexity
    /// One proof of the minimum per block and one listing of its minimum covers; where the
    /// listing does not end, one bounded search per minimum cover found with a class of
    /// rows not yet in one (each settles all its rows at once), and a last one that rules
    /// out all the classes left together; the Lagrangian bound rules out some classes
    /// before any search. Memory is `O(rows × columns)` bits.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, PiChart};
    /// // Rows 0 and 1 are the only minimum cover; a cover with row 2, 3 or 4 needs three.
    /// let chart = PiChart::from_matrix(&[
    ///     vec![true, true, false, false],
    ///     vec![false, false, true, true],
    ///     vec![false, true, true, false],
    ///     vec![true, false, false, false],
    ///     vec![false, false, false, true],
    /// ]);
    /// let rows = chart.rows_in_minimum_covers(&EngineOptions::new())?;
    /// assert_eq!(rows, [0, 1]);
    /// let every: Vec<usize> = {
    ///     let mut r: Vec<usize> =
    ///         chart.find_covers(&EngineOptions::new())?.models.concat();
    ///     r.sort_unstable();
    ///     r.dedup();
    ///     r
    /// };
    /// assert_eq!(rows, every);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rows_in_minimum_covers(
        &self,
        options: &EngineOptions,
    ) -> Result<Vec<usize>, MinimizeError> {
        self.rows_in_minimum_covers_asked(options, &mut EverySet)
    }

    /// [`PiChart::rows_in_minimum_covers`] deciding only the classes of rows that
    /// `relevance` asks about, as the tests go (see [`Relevance`]): the rows returned are
    /// in some minimum cover, the others are in none or were not asked. A block of the
    /// chart with no class asked needs no proof of its minimum. Same errors, never a
    /// partial answer about a class asked.
    pub(crate) fn rows_in_minimum_covers_asked(
        &self,
        options: &EngineOptions,
        relevance: &mut dyn Relevance,
    ) -> Result<Vec<usize>, MinimizeError> {
        options.validate()?;
        rows_in_minimum_covers(self, options.get_max_search_nodes(), relevance)
    }
}

/// The rows in at least one minimum cover, ascending (none if some column has no row).
///
/// Method: rows with the same columns form one class, and are all in some minimum cover
/// or all in none. Essential classes are in every cover. After column dominance (which
/// keeps the covers) the remaining columns split into blocks that no class spans (the
/// connected components of the columns, two columns joined when a class has both): a
/// minimum cover is a minimum cover of each block, so its size is the sum of the blocks'
/// minima, and a class is in some minimum cover exactly when it is in some minimum cover of
/// its block. Per block, the minimum is proven by branch and bound, then the minimum covers
/// of the classes that no other contains are listed, and where the list does not end within
/// the node limit, the classes left are tested together ([`in_minimum_covers`]). A class that covers no remaining column is in no
/// minimum cover (dropping it leaves a cover).
///
/// `relevance` is asked, over the chart's rows, which classes are to be decided
/// ([`Relevance::needed`], with the rows of one class) and told those found in some
/// minimum cover ([`Relevance::confirmed`]: the essential classes first). A block none of
/// whose classes is asked when its turn comes needs no proof of its minimum and no test.
/// With [`EverySet`] every class is decided; otherwise a row left out is in no minimum
/// cover or was not asked.
///
/// `max_nodes` bounds the search nodes of the proof of each block's minimum
/// ([`MinimizeError::MinimumNotProven`], giving the whole chart's bounds), those of the
/// listing of its minimum covers, and those of the tests of its classes together
/// ([`MinimizeError::MembershipNotDecided`]).
pub(crate) fn rows_in_minimum_covers(
    chart: &PiChart,
    max_nodes: u64,
    relevance: &mut dyn Relevance,
) -> Result<Vec<usize>, MinimizeError> {
    let (classes, members) = row_classes(chart);
    let Some(reduced) = Reduced::new(&classes) else {
        return Ok(Vec::new());
    };
    let blocks = blocks(&reduced);
    let mut in_some: Vec<usize> = reduced.essential.clone();
    let essential: Vec<usize> = in_some
        .iter()
        .flat_map(|&class| members[class].iter().copied())
        .collect();
    relevance.confirmed(&essential);
    // Per block searched: its smallest cover and its lower bound (equal when proven).
    let mut bounds: Vec<Option<(usize, usize)>> = vec![None; blocks.len()];
    for (b, block) in blocks.iter().enumerate() {
        // The rows of the chart behind each set of the block.
        let rows_of = |sets: &[usize]| -> Vec<usize> {
            sets.iter()
                .flat_map(|&s| members[reduced.rows[block.rows[s]]].iter().copied())
                .collect()
        };
        let all: Vec<usize> = (0..block.rows.len()).collect();
        if !relevance.needed(&rows_of(&all)) {
            continue;
        }
        let minimum = match minimum_size(&block.family, max_nodes) {
            Ok(minimum) => minimum.expect("every column of a block has a class"),
            Err(unproven) => {
                bounds[b] = Some((unproven.best.len(), unproven.lower_bound));
                return Err(unproven_chart(&reduced, &blocks, bounds, max_nodes));
            }
        };
        let mut classes = ClassRelevance {
            rows_of: &rows_of,
            inner: &mut *relevance,
        };
        let member = in_minimum_covers(&block.family, &minimum, max_nodes, &mut classes)
            .map_err(|_| MinimizeError::MembershipNotDecided { nodes: max_nodes })?;
        bounds[b] = Some((minimum.size, minimum.size));
        in_some.extend(
            block
                .rows
                .iter()
                .zip(member)
                .filter(|(_, m)| *m)
                .map(|(&r, _)| reduced.rows[r]),
        );
    }
    let mut rows: Vec<usize> = in_some
        .into_iter()
        .flat_map(|class| members[class].iter().copied())
        .collect();
    rows.sort_unstable();
    Ok(rows)
}

/// [`MinimizeError::MinimumNotProven`] with the bounds of the whole chart: the essential
/// classes, and per block its smallest cover and lower bound (`bounds`, where known, equal
/// for a proven minimum; the other blocks are searched now, within `max_nodes` each).
fn unproven_chart(
    reduced: &Reduced,
    blocks: &[Block],
    bounds: Vec<Option<(usize, usize)>>,
    max_nodes: u64,
) -> MinimizeError {
    let fixed = reduced.essential.len();
    let (best, lower_bound) =
        blocks
            .iter()
            .zip(bounds)
            .fold((fixed, fixed), |(best, lower), (block, known)| {
                let (b, l) =
                    known.unwrap_or_else(|| match minimum_size(&block.family, max_nodes) {
                        Ok(minimum) => {
                            let size = minimum.expect("every column of a block has a class").size;
                            (size, size)
                        }
                        Err(unproven) => (unproven.best.len(), unproven.lower_bound),
                    });
                (best + b, lower + l)
            });
    MinimizeError::MinimumNotProven {
        nodes: max_nodes,
        best,
        lower_bound,
    }
}

/// A [`Relevance`] over the chart's rows seen from one block: its sets are classes, each
/// asked and confirmed as the rows of the class.
struct ClassRelevance<'a> {
    rows_of: &'a dyn Fn(&[usize]) -> Vec<usize>,
    inner: &'a mut dyn Relevance,
}

impl Relevance for ClassRelevance<'_> {
    fn needed(&mut self, sets: &[usize]) -> bool {
        self.inner.needed(&(self.rows_of)(sets))
    }

    fn confirmed(&mut self, sets: &[usize]) {
        self.inner.confirmed(&(self.rows_of)(sets));
    }
}

/// A block of the reduced chart: its rows (indices into [`Reduced::rows`]) and the family
/// of their sets over the block's columns.
struct Block {
    rows: Vec<usize>,
    family: SetFamily,
}

/// The blocks of the reduced chart: the connected components of its columns, two columns
/// joined when a row covers both, each with the rows that cover its columns.
fn blocks(reduced: &Reduced) -> Vec<Block> {
    let n_cols = reduced.col_rows.len();
    let mut parent: Vec<usize> = (0..n_cols).collect();
    fn root(parent: &mut [usize], mut c: usize) -> usize {
        while parent[c] != c {
            parent[c] = parent[parent[c]];
            c = parent[c];
        }
        c
    }
    for r in 0..reduced.rows.len() {
        let mut cols = ones(reduced.row(r));
        if let Some(first) = cols.next() {
            let a = root(&mut parent, first);
            for c in cols {
                let b = root(&mut parent, c);
                parent[b] = a;
            }
        }
    }
    // Block of each root, numbered in order of first column; position of each column in
    // its block.
    let mut block_of = vec![usize::MAX; n_cols];
    let mut position = vec![0usize; n_cols];
    let mut sizes: Vec<usize> = Vec::new();
    for c in 0..n_cols {
        let r = root(&mut parent, c);
        if block_of[r] == usize::MAX {
            block_of[r] = sizes.len();
            sizes.push(0);
        }
        let b = block_of[r];
        block_of[c] = b;
        position[c] = sizes[b];
        sizes[b] += 1;
    }
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); sizes.len()];
    for r in 0..reduced.rows.len() {
        if let Some(c) = ones(reduced.row(r)).next() {
            rows[block_of[c]].push(r);
        }
    }
    rows.into_iter()
        .zip(sizes)
        .map(|(rows, n)| {
            let words = n.div_ceil(64).max(1);
            let family = SetFamily::new(
                n,
                rows.iter().map(|&r| {
                    let mut bits = vec![0u64; words];
                    for c in ones(reduced.row(r)) {
                        bits[position[c] / 64] |= 1 << (position[c] % 64);
                    }
                    bits
                }),
            );
            Block { rows, family }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The rows of every minimum cover, by trying every subset of rows.
    fn brute(rows: &[Vec<bool>], n_cols: usize) -> Vec<usize> {
        let n = rows.len();
        let covers = |s: u32| (0..n_cols).all(|c| (0..n).any(|r| s >> r & 1 == 1 && rows[r][c]));
        let all: Vec<u32> = (0..1u32 << n).filter(|&s| covers(s)).collect();
        let Some(size) = all.iter().map(|s| s.count_ones()).min() else {
            return Vec::new();
        };
        let union = all
            .iter()
            .filter(|s| s.count_ones() == size)
            .fold(0u32, |a, &s| a | s);
        (0..n).filter(|&r| union >> r & 1 == 1).collect()
    }

    /// A chart of up to three blocks side by side (each row within one block), and now and
    /// then a row that spans two blocks.
    fn chart() -> impl Strategy<Value = (Vec<Vec<bool>>, usize)> {
        let block = (1usize..=4, 1usize..=5).prop_flat_map(|(cols, rows)| {
            (
                Just(cols),
                proptest::collection::vec(proptest::collection::vec(any::<bool>(), cols), rows),
            )
        });
        (proptest::collection::vec(block, 1..=3), any::<bool>()).prop_map(|(blocks, span)| {
            let n_cols: usize = blocks.iter().map(|(c, _)| c).sum();
            let mut rows = Vec::new();
            let mut offset = 0;
            for (cols, block_rows) in &blocks {
                for r in block_rows {
                    let mut row = vec![false; n_cols];
                    row[offset..offset + cols].copy_from_slice(r);
                    rows.push(row);
                }
                offset += cols;
            }
            if span && n_cols > 1 {
                let mut row = vec![false; n_cols];
                row[0] = true;
                row[n_cols - 1] = true;
                rows.push(row);
            }
            (rows, n_cols)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 400,
            rng_seed: proptest::test_runner::RngSeed::Fixed(16),
            ..ProptestConfig::default()
        })]

        /// The rows in some minimum cover, found per block without listing covers, are the
        /// union of every minimum cover found by brute force, and of every cover
        /// [`PiChart::find_covers`] lists.
        #[test]
        fn rows_in_minimum_covers_equal_brute_force((rows, n_cols) in chart()) {
            let chart = PiChart::from_matrix(&rows);
            let found = chart.rows_in_minimum_covers(&EngineOptions::new()).unwrap();
            prop_assert_eq!(&found, &brute(&rows, n_cols));
            let mut listed: Vec<usize> = chart
                .find_covers(&EngineOptions::new().max_models(usize::MAX))
                .unwrap()
                .models
                .concat();
            listed.sort_unstable();
            listed.dedup();
            prop_assert_eq!(found, listed);
        }
    }

    /// Asks about the rows of `asked` only, and records the rows confirmed.
    struct Asked {
        asked: Vec<bool>,
        confirmed: Vec<usize>,
    }

    impl Relevance for Asked {
        fn needed(&mut self, rows: &[usize]) -> bool {
            rows.iter().any(|&r| self.asked[r])
        }

        fn confirmed(&mut self, rows: &[usize]) {
            self.confirmed.extend_from_slice(rows);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 300,
            rng_seed: proptest::test_runner::RngSeed::Fixed(17),
            ..ProptestConfig::default()
        })]

        /// Deciding only the classes asked about: every row returned, and every row told
        /// confirmed, is in some minimum cover, and every row asked about that is in one is
        /// returned.
        #[test]
        fn rows_asked_are_decided_exactly(
            ((rows, n_cols), asked) in chart().prop_flat_map(|(rows, n_cols)| {
                let n = rows.len();
                (Just((rows, n_cols)), proptest::collection::vec(any::<bool>(), n))
            })
        ) {
            let chart = PiChart::from_matrix(&rows);
            let every = brute(&rows, n_cols);
            let mut relevance = Asked { asked: asked.clone(), confirmed: Vec::new() };
            let found = chart
                .rows_in_minimum_covers_asked(&EngineOptions::new(), &mut relevance)
                .unwrap();
            prop_assert!(found.iter().all(|r| every.contains(r)), "{found:?} {every:?}");
            prop_assert!(relevance.confirmed.iter().all(|r| every.contains(r)));
            for r in every.iter().filter(|&&r| asked[r]) {
                prop_assert!(found.contains(r), "row {r}: {found:?}");
            }
        }
    }

    /// The parity chart of [`PiChart::find_covers`]: minimum 4, far above the linear bound.
    fn parity_chart() -> PiChart {
        let rows: Vec<Vec<bool>> = (1..16u32)
            .map(|a| (1..16u32).map(|x| (a & x).count_ones() % 2 == 1).collect())
            .collect();
        PiChart::from_matrix(&rows)
    }

    #[test]
    fn a_block_with_no_row_asked_needs_no_proof() {
        // One node cannot prove the minimum of the parity chart, but with no row asked
        // about there is nothing to prove.
        let chart = parity_chart();
        let one_node = EngineOptions::new().max_search_nodes(1);
        let mut nothing = Asked {
            asked: vec![false; 15],
            confirmed: Vec::new(),
        };
        assert_eq!(
            chart.rows_in_minimum_covers_asked(&one_node, &mut nothing),
            Ok(Vec::new())
        );
        let mut one = Asked {
            asked: (0..15).map(|r| r == 3).collect(),
            confirmed: Vec::new(),
        };
        assert!(matches!(
            chart.rows_in_minimum_covers_asked(&one_node, &mut one),
            Err(MinimizeError::MinimumNotProven { nodes: 1, .. })
        ));
    }

    #[test]
    fn a_block_split_gives_the_sum_of_the_minima() {
        // Two blocks: columns {0, 1} (rows 0, 1, 2; minimum 1: row 2) and {2, 3} (rows 3,
        // 4; minimum 2).
        let rows = [
            vec![true, false, false, false],
            vec![false, true, false, false],
            vec![true, true, false, false],
            vec![false, false, true, false],
            vec![false, false, false, true],
        ];
        let chart = PiChart::from_matrix(&rows);
        let (classes, _) = row_classes(&chart);
        let reduced = Reduced::new(&classes).unwrap();
        // Rows 3 and 4 are essential; the first block is left.
        assert_eq!(reduced.essential, [3, 4]);
        assert_eq!(blocks(&reduced).len(), 1);
        assert_eq!(
            chart.rows_in_minimum_covers(&EngineOptions::new()).unwrap(),
            [2, 3, 4]
        );
    }

    #[test]
    fn the_node_limit_is_an_error_never_a_partial_answer() {
        let chart = parity_chart();
        let one_node = EngineOptions::new().max_search_nodes(1);
        assert!(matches!(
            chart.rows_in_minimum_covers(&one_node),
            Err(MinimizeError::MinimumNotProven { nodes: 1, .. })
        ));
        // Every row is in a minimum cover (any basis of the space).
        assert_eq!(
            chart.rows_in_minimum_covers(&EngineOptions::new()).unwrap(),
            (0..15).collect::<Vec<_>>()
        );
    }
}
