//! The prime implicant chart and the exact enumeration of its covers.

use std::collections::{HashMap, HashSet};

use super::bits::{diff, pack, with_planes, Planes};
use super::error::MinimizeError;
use super::implicant::Implicant;
use super::set_cover::SetFamily;

/// The prime implicant chart: one row per prime implicant, one column per positive
/// configuration, a mark where the implicant covers the configuration.
///
/// Rows are stored as bit sets over the columns (`u64` words), so covering tests are word
/// operations.
///
/// # Example
/// ```
/// use fsqca::minimize::{Implicant, PiChart};
/// let a = Implicant::from_levels(&[Some(1), None]);
/// let b = Implicant::from_levels(&[None, Some(1)]);
/// let chart = PiChart::new(&[a, b], &[vec![1, 0], vec![1, 1], vec![0, 1]])?;
/// assert_eq!(chart.row(0), vec![0, 1]);
/// assert_eq!(chart.column(1), vec![0, 1]);
/// assert_eq!(chart.essential(), vec![0, 1]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "PiChartData")
)]
pub struct PiChart {
    n_rows: usize,
    n_cols: usize,
    words: usize,
    bits: Vec<u64>,
}

/// The serialised fields of a [`PiChart`], checked by `TryFrom` on deserialization.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct PiChartData {
    n_rows: usize,
    n_cols: usize,
    words: usize,
    bits: Vec<u64>,
}

#[cfg(feature = "serde")]
impl TryFrom<PiChartData> for PiChart {
    type Error = MinimizeError;

    /// Accepts the fields when `words` fits `n_cols`, there are `n_rows × words` words of
    /// bits, and no bit is set beyond the last column.
    fn try_from(data: PiChartData) -> Result<Self, Self::Error> {
        let PiChartData {
            n_rows,
            n_cols,
            words,
            bits,
        } = data;
        let inconsistent = |reason: String| MinimizeError::Inconsistent {
            what: "prime implicant chart",
            reason,
        };
        let expected_words = n_cols.div_ceil(64).max(1);
        if words != expected_words {
            return Err(inconsistent(format!(
                "{words} words per row for {n_cols} columns, expected {expected_words}"
            )));
        }
        if n_rows.checked_mul(words) != Some(bits.len()) {
            return Err(inconsistent(format!(
                "{} words of bits for {n_rows} rows of {words} words",
                bits.len()
            )));
        }
        // The bits of the last word of each row beyond the last column must be clear.
        let used = n_cols - (words - 1) * 64;
        let padding = if used >= 64 { 0 } else { !0u64 << used };
        if let Some(row) = (0..n_rows).find(|r| bits[r * words + words - 1] & padding != 0) {
            return Err(inconsistent(format!(
                "row {row} has a mark beyond the last column ({n_cols} columns)"
            )));
        }
        Ok(PiChart {
            n_rows,
            n_cols,
            words,
            bits,
        })
    }
}

/// Covers found in a [`PiChart`]: each a sorted list of row (prime implicant) indices.
///
/// # Example
/// ```
/// use fsqca::minimize::PiChart;
/// let chart = PiChart::from_matrix(&[vec![true, false], vec![false, true], vec![true, true]]);
/// let covers = chart.minimum_covers(10);
/// assert_eq!(covers.models, vec![vec![2]]);
/// assert!(!covers.truncated);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Covers {
    /// The covers, each sorted by row index; sorted by size, then lexicographically. Empty if
    /// some column has no mark (no cover exists).
    pub models: Vec<Vec<usize>>,
    /// Whether the enumeration stopped at the cap: more covers exist than are listed. The
    /// listed ones are then the first found by the search, not a documented subset.
    pub truncated: bool,
    /// `Some(bound)` when the search stopped before proving the minimum size and the
    /// smallest cover it found is returned instead ([`PiChart::best_covers_within`]): that
    /// cover may not be minimum, but no cover has fewer than `bound` rows. `None` when the
    /// covers are proven minimum (or irredundant, as asked).
    pub lower_bound: Option<usize>,
}

fn cover_planes<const B: usize>(
    implicants: &[Implicant],
    columns: &[Vec<u8>],
    words: usize,
) -> Vec<u64> {
    let cols: Vec<Planes<B>> = columns.iter().map(|c| pack::<B>(c)).collect();
    let mut bits = vec![0u64; implicants.len() * words];
    for (r, imp) in implicants.iter().enumerate() {
        let mask = imp.mask();
        let planes: Planes<B> = imp.planes::<B>();
        let row = &mut bits[r * words..(r + 1) * words];
        for (c, col) in cols.iter().enumerate() {
            if diff(col, &planes) & mask == 0 {
                row[c / 64] |= 1 << (c % 64);
            }
        }
    }
    bits
}

impl PiChart {
    /// The chart of `implicants` (rows) against `columns` (configurations, one level per
    /// condition).
    ///
    /// # Errors
    /// [`MinimizeError::UnequalLengths`] when the columns do not all have as many values as the
    /// first, [`MinimizeError::ImplicantLength`] when an implicant is over another number of
    /// conditions, and [`MinimizeError::TooManyConditions`] above 64 conditions.
    ///
    /// # Complexity
    /// `O(r c)` word operations for `r` implicants and `c` columns.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{Implicant, PiChart};
    /// let a = Implicant::from_levels(&[Some(1), None]);
    /// let chart = PiChart::new(&[a.clone()], &[vec![1, 0], vec![0, 1]])?;
    /// assert!(chart.covers(0, 0) && !chart.covers(0, 1));
    /// assert!(PiChart::new(&[a], &[vec![1, 0, 1]]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(implicants: &[Implicant], columns: &[Vec<u8>]) -> Result<Self, MinimizeError> {
        let expected = columns
            .first()
            .map(Vec::len)
            .or_else(|| implicants.first().map(Implicant::n_conditions))
            .unwrap_or(0);
        if expected > 64 {
            return Err(MinimizeError::TooManyConditions {
                n: expected,
                max: 64,
            });
        }
        if let Some((index, c)) = columns
            .iter()
            .enumerate()
            .find(|(_, c)| c.len() != expected)
        {
            return Err(MinimizeError::UnequalLengths {
                set: super::ConfigurationSet::Positive,
                index,
                expected,
                len: c.len(),
            });
        }
        if let Some((index, i)) = implicants
            .iter()
            .enumerate()
            .find(|(_, i)| i.n_conditions() != expected)
        {
            return Err(MinimizeError::ImplicantLength {
                index,
                expected,
                len: i.n_conditions(),
            });
        }
        let words = columns.len().div_ceil(64).max(1);
        let max_level = columns
            .iter()
            .flatten()
            .copied()
            .chain(implicants.iter().flat_map(|i| i.literals().map(|(_, v)| v)))
            .max()
            .unwrap_or(1);
        let levels = [max_level.saturating_add(1)];
        let bits = with_planes!(&levels, cover_planes(implicants, columns, words));
        Ok(PiChart {
            n_rows: implicants.len(),
            n_cols: columns.len(),
            words,
            bits,
        })
    }

    /// A chart from a matrix of marks, one `Vec` per row (shorter rows are padded with
    /// `false`).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::PiChart;
    /// let chart = PiChart::from_matrix(&[vec![true, false, true], vec![true]]);
    /// assert_eq!((chart.n_rows(), chart.n_cols()), (2, 3));
    /// assert!(!chart.covers(1, 2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_matrix(rows: &[Vec<bool>]) -> Self {
        let n_cols = rows.iter().map(Vec::len).max().unwrap_or(0);
        let words = n_cols.div_ceil(64).max(1);
        let mut bits = vec![0u64; rows.len() * words];
        for (r, row) in rows.iter().enumerate() {
            for (c, &m) in row.iter().enumerate() {
                if m {
                    bits[r * words + c / 64] |= 1 << (c % 64);
                }
            }
        }
        PiChart {
            n_rows: rows.len(),
            n_cols,
            words,
            bits,
        }
    }

    /// The number of rows (prime implicants).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::PiChart;
    /// assert_eq!(PiChart::from_matrix(&[vec![true], vec![false]]).n_rows(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn n_rows(&self) -> usize {
        self.n_rows
    }

    /// The number of columns (positive configurations).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::PiChart;
    /// assert_eq!(PiChart::from_matrix(&[vec![true, false, true]]).n_cols(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn n_cols(&self) -> usize {
        self.n_cols
    }

    fn row_bits(&self, row: usize) -> &[u64] {
        &self.bits[row * self.words..(row + 1) * self.words]
    }

    /// Whether row `row` covers column `col` (`false` out of range).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::PiChart;
    /// let chart = PiChart::from_matrix(&[vec![true, false]]);
    /// assert!(chart.covers(0, 0));
    /// assert!(!chart.covers(0, 1));
    /// assert!(!chart.covers(3, 0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn covers(&self, row: usize, col: usize) -> bool {
        row < self.n_rows
            && col < self.n_cols
            && self.row_bits(row)[col / 64] >> (col % 64) & 1 == 1
    }

    /// The columns covered by a row, ascending.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::PiChart;
    /// let chart = PiChart::from_matrix(&[vec![true, false, true]]);
    /// assert_eq!(chart.row(0), vec![0, 2]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn row(&self, row: usize) -> Vec<usize> {
        (0..self.n_cols).filter(|&c| self.covers(row, c)).collect()
    }

    /// The rows covering a column, ascending.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::PiChart;
    /// let chart = PiChart::from_matrix(&[vec![true], vec![false], vec![true]]);
    /// assert_eq!(chart.column(0), vec![0, 2]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn column(&self, col: usize) -> Vec<usize> {
        (0..self.n_rows).filter(|&r| self.covers(r, col)).collect()
    }

    /// The chart restricted to the given rows, in the given order.
    ///
    /// # Errors
    /// [`MinimizeError::RowOutOfRange`] for an index that is not a row of the chart.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::PiChart;
    /// let chart = PiChart::from_matrix(&[vec![true, false], vec![false, true]]);
    /// let sub = chart.select_rows(&[1])?;
    /// assert_eq!(sub.n_rows(), 1);
    /// assert_eq!(sub.row(0), vec![1]);
    /// assert!(chart.select_rows(&[99]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn select_rows(&self, rows: &[usize]) -> Result<PiChart, MinimizeError> {
        if let Some(&row) = rows.iter().find(|&&r| r >= self.n_rows) {
            return Err(MinimizeError::RowOutOfRange {
                row,
                n_rows: self.n_rows,
            });
        }
        let mut bits = Vec::with_capacity(rows.len().saturating_mul(self.words));
        for &r in rows {
            bits.extend_from_slice(self.row_bits(r));
        }
        Ok(PiChart {
            n_rows: rows.len(),
            n_cols: self.n_cols,
            words: self.words,
            bits,
        })
    }

    /// The essential rows: those that alone cover some column, ascending.
    ///
    /// (R QCA reports as "essential" the implicants common to all the models it returns;
    /// that is [`Minimized::in_every_model`](crate::minimize::Minimized::in_every_model).)
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::PiChart;
    /// // Column 0 is covered by row 0 only; column 1 by rows 1 and 2.
    /// let chart = PiChart::from_matrix(&[vec![true, false], vec![false, true], vec![false, true]]);
    /// assert_eq!(chart.essential(), vec![0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn essential(&self) -> Vec<usize> {
        let mut out: Vec<usize> = (0..self.n_cols)
            .filter_map(|c| {
                let rows = self.column(c);
                (rows.len() == 1).then(|| rows[0])
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The rows that row dominance removes: a row whose covered columns are a proper subset
    /// of another row's, or the same set as an earlier row's. Ascending.
    ///
    /// Removing them keeps the minimum cover size but can remove alternative minimum covers
    /// (R QCA's `row.dom = TRUE`).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::PiChart;
    /// // Row 1 covers a subset of row 0's columns.
    /// let chart = PiChart::from_matrix(&[vec![true, true], vec![true, false]]);
    /// assert_eq!(chart.dominated_rows(), vec![1]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dominated_rows(&self) -> Vec<usize> {
        let subset = |a: &[u64], b: &[u64]| a.iter().zip(b).all(|(x, y)| x & !y == 0);
        let columns: Vec<Vec<usize>> = (0..self.n_cols).map(|c| self.column(c)).collect();
        (0..self.n_rows)
            .filter(|&r| {
                let a = self.row_bits(r);
                // A dominating row covers every column of r: look among the rows of r's
                // rarest column (all rows if r covers nothing).
                let rarest = (0..self.n_cols)
                    .filter(|&c| self.covers(r, c))
                    .min_by_key(|&c| columns[c].len());
                let others: Box<dyn Iterator<Item = usize>> = match rarest {
                    Some(c) => Box::new(columns[c].iter().copied()),
                    None => Box::new(0..self.n_rows),
                };
                others.into_iter().any(|o| {
                    o != r && subset(a, self.row_bits(o)) && (o < r || !subset(self.row_bits(o), a))
                })
            })
            .collect()
    }

    /// Every cover of minimum cardinality, exactly, up to `max_models` of them.
    ///
    /// Method:
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
    /// # Example
    /// ```
    /// use fsqca::minimize::PiChart;
    /// // A cyclic chart: 3 columns, each covered by 2 of 3 rows.
    /// let chart = PiChart::from_matrix(&[
    ///     vec![true, true, false],
    ///     vec![false, true, true],
    ///     vec![true, false, true],
    /// ]);
    /// let covers = chart.minimum_covers(100);
    /// assert_eq!(covers.models, vec![vec![0, 1], vec![0, 2], vec![1, 2]]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn minimum_covers(&self, max_models: usize) -> Covers {
        self.minimum_covers_of_classes(max_models, u64::MAX, false)
            .unwrap_or_else(|_| unreachable!("no node limit"))
    }

    /// [`PiChart::minimum_covers`] with a limit on the nodes of the branch and bound search.
    ///
    /// The limit applies to the proof of the minimum size, then again to the listing of the
    /// minimum covers. If it stops the listing, the covers found are returned with
    /// `truncated` set (at least one: the cover found by the proof).
    ///
    /// # Errors
    /// [`MinimizeError::MinimumNotProven`] if the limit is reached before the minimum size is
    /// proven (the error gives the size of the smallest cover found and a lower bound; see
    /// [`PiChart::best_covers_within`] to get that cover instead).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::PiChart;
    /// let chart = PiChart::from_matrix(&[vec![true, false], vec![false, true]]);
    /// assert_eq!(chart.minimum_covers_within(10, 1_000)?.models, vec![vec![0, 1]]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn minimum_covers_within(
        &self,
        max_models: usize,
        max_nodes: u64,
    ) -> Result<Covers, MinimizeError> {
        self.minimum_covers_of_classes(max_models, max_nodes, false)
    }

    /// [`PiChart::minimum_covers_within`], except when the node limit stops the search
    /// before the minimum size is proven: then the smallest cover found is returned, alone,
    /// with [`Covers::lower_bound`] set to the size below which no cover exists. That cover
    /// covers every column, but a smaller one may exist, so it must be reported as such.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::PiChart;
    /// // The columns are the 15 nonzero vectors x of GF(2)^4, and each nonzero a gives the
    /// // row {x : a.x = 1}: the minimum cover has 4 rows, far above the linear bound 15/8,
    /// // and one search node cannot prove it.
    /// let rows: Vec<Vec<bool>> = (1..16u32)
    ///     .map(|a| (1..16u32).map(|x| (a & x).count_ones() % 2 == 1).collect())
    ///     .collect();
    /// let chart = PiChart::from_matrix(&rows);
    /// let best = chart.best_covers_within(10, 1);
    /// assert_eq!(best.models.len(), 1);
    /// assert_eq!(best.models[0].len(), 4);
    /// assert!(best.lower_bound.is_some_and(|b| b < 4));
    /// // Given enough nodes, the same call proves the minimum and lists every minimum cover.
    /// let proven = chart.best_covers_within(1_000, 100_000);
    /// assert_eq!(proven.lower_bound, None);
    /// assert!(proven.models.iter().all(|m| m.len() == 4));
    /// ```
    pub fn best_covers_within(&self, max_models: usize, max_nodes: u64) -> Covers {
        self.minimum_covers_of_classes(max_models, max_nodes, true)
            .unwrap_or_else(|_| unreachable!("the best cover found is returned"))
    }

    /// Every irredundant cover (no row can be dropped), of any size, up to `max_models`:
    /// what R QCA returns with `all.sol = TRUE`.
    ///
    /// Same reductions and branching as [`PiChart::minimum_covers`], without the size bound;
    /// a branch stops as soon as a chosen row has no column that only it covers among the
    /// chosen rows.
    ///
    /// # Complexity
    /// Exponential: the number of irredundant covers itself can be.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::PiChart;
    /// let chart = PiChart::from_matrix(&[vec![true, true], vec![true, false], vec![false, true]]);
    /// assert_eq!(chart.irredundant_covers(10).models, vec![vec![0], vec![1, 2]]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn irredundant_covers(&self, max_models: usize) -> Covers {
        self.irredundant_covers_with(max_models, u64::MAX)
            .unwrap_or_else(|_| unreachable!("no node limit"))
    }

    /// [`PiChart::irredundant_covers`] with a limit on the search nodes: when it is reached,
    /// the covers found so far are returned with `truncated` set.
    ///
    /// # Errors
    /// [`MinimizeError::SearchLimit`] if the limit is reached before any cover is found.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::PiChart;
    /// let chart = PiChart::from_matrix(&[vec![true, true], vec![true, false], vec![false, true]]);
    /// let covers = chart.irredundant_covers_within(10, 1_000)?;
    /// assert_eq!(covers.models, vec![vec![0], vec![1, 2]]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn irredundant_covers_within(
        &self,
        max_models: usize,
        max_nodes: u64,
    ) -> Result<Covers, MinimizeError> {
        self.irredundant_covers_with(max_models, max_nodes)
    }

    fn irredundant_covers_with(
        &self,
        max_models: usize,
        max_nodes: u64,
    ) -> Result<Covers, MinimizeError> {
        let Some(reduced) = Reduced::new(self) else {
            return Ok(Covers {
                models: Vec::new(),
                truncated: false,
                lower_bound: None,
            });
        };
        let mut search = Search::new(&reduced, max_models);
        search.node_limit = max_nodes;
        search.irredundant(&reduced.all_columns());
        if search.exhausted {
            if search.found.is_empty() {
                return Err(MinimizeError::SearchLimit { nodes: max_nodes });
            }
            search.truncated = true;
        }
        let mut models: Vec<Vec<usize>> = search
            .found
            .iter()
            .map(|m| {
                let mut model: Vec<usize> = reduced
                    .essential
                    .iter()
                    .copied()
                    .chain(m.iter().map(|&r| reduced.rows[r as usize]))
                    .collect();
                model.sort_unstable();
                model
            })
            .collect();
        sort_models(&mut models);
        Ok(Covers {
            models,
            truncated: search.truncated,
            lower_bound: None,
        })
    }

    /// The rows grouped by the columns they cover: a chart with one row per distinct set of
    /// columns (in order of first occurrence), and each class's rows, ascending.
    fn row_classes(&self) -> (PiChart, Vec<Vec<usize>>) {
        let mut index: HashMap<&[u64], usize> = HashMap::new();
        let mut members: Vec<Vec<usize>> = Vec::new();
        let mut bits = Vec::new();
        for r in 0..self.n_rows {
            let row = self.row_bits(r);
            let class = *index.entry(row).or_insert_with(|| {
                members.push(Vec::new());
                bits.extend_from_slice(row);
                members.len() - 1
            });
            members[class].push(r);
        }
        let chart = PiChart {
            n_rows: members.len(),
            n_cols: self.n_cols,
            words: self.words,
            bits,
        };
        (chart, members)
    }

    /// Every minimum cover, exactly.
    ///
    /// Rows with the same columns are solved as one class (a cover of classes stands for
    /// every choice of one row per class). After essential classes and column dominance, the
    /// classes that no other class contains form the core; every minimum cover of the core
    /// is listed by [`SetFamily`]'s branch and bound. Every minimum cover of the whole chart
    /// comes from one of the core: replace each of its classes by a containing core class,
    /// and the result still covers with as many classes, so it is a minimum cover of the
    /// core. So the minimum covers of the chart are found by replacing, in each minimum
    /// cover of the core, each class by one it contains, keeping the choices that still
    /// cover (duplicates, reached from two core covers, are listed once).
    fn minimum_covers_of_classes(
        &self,
        max_models: usize,
        max_nodes: u64,
        best_effort: bool,
    ) -> Result<Covers, MinimizeError> {
        let (classes, members) = self.row_classes();
        let Some(reduced) = Reduced::new(&classes) else {
            return Ok(Covers {
                models: Vec::new(),
                truncated: false,
                lower_bound: None,
            });
        };
        let dominated = reduced.as_chart().dominated_rows();
        let core_rows: Vec<usize> = (0..reduced.rows.len())
            .filter(|r| dominated.binary_search(r).is_err())
            .collect();
        let core = SetFamily::new(
            reduced.col_rows.len(),
            core_rows.iter().map(|&r| reduced.row(r).to_vec()),
        );
        let within = reduced.rows_within(&core_rows);
        // The covers of the whole chart that a cover of the core stands for, through `emit`
        // (which stops them by returning `false`): each core class replaced by a class it
        // contains (`rows`), then with the essential classes, the rows of each (`chosen`).
        let classes_of = |cover: &[u32], emit: &mut ChoiceSink<'_>| {
            let tops: Vec<usize> = cover.iter().map(|&c| c as usize).collect();
            reduced.replacements(&tops, &core_rows, &within, &mut |rows| {
                let chosen: Vec<&[usize]> = reduced
                    .essential
                    .iter()
                    .copied()
                    .chain(rows.iter().map(|&r| reduced.rows[r]))
                    .map(|class| members[class].as_slice())
                    .collect();
                emit(rows, &chosen)
            });
        };
        // The first model a cover of the core stands for.
        let first_model = |cover: &[u32]| {
            let mut models = Vec::new();
            classes_of(cover, &mut |_, chosen| expand(chosen, &mut models, 1));
            models
        };
        let fixed = reduced.essential.len();
        let minimum = match core.minimum_size(max_nodes) {
            Ok(minimum) => minimum.expect("every column of the reduced chart has a row"),
            Err(unproven) if best_effort => {
                return Ok(Covers {
                    models: first_model(&unproven.best),
                    truncated: false,
                    lower_bound: Some(fixed + unproven.lower_bound),
                });
            }
            Err(unproven) => {
                return Err(MinimizeError::MinimumNotProven {
                    nodes: max_nodes,
                    best: fixed + unproven.best.len(),
                    lower_bound: fixed + unproven.lower_bound,
                })
            }
        };
        let mut seen: HashSet<Vec<usize>> = HashSet::new();
        let mut models: Vec<Vec<usize>> = Vec::new();
        let mut truncated = false;
        let listed = core.enumerate(&minimum, max_nodes, &mut |cover| {
            let mut complete = true;
            classes_of(cover, &mut |rows, chosen| {
                let mut key = rows.to_vec();
                key.sort_unstable();
                if !seen.insert(key) {
                    return true;
                }
                complete = expand(chosen, &mut models, max_models);
                complete
            });
            truncated |= !complete;
            complete
        });
        if listed.is_err() {
            if models.is_empty() {
                // The proof's own cover is a minimum one.
                models = first_model(&minimum.cover);
            }
            truncated = true;
        }
        sort_models(&mut models);
        Ok(Covers {
            models,
            truncated,
            lower_bound: None,
        })
    }
}

/// Receives the covers of a chart that one cover of its core stands for: the reduced-chart
/// rows chosen, then the chart's rows of every class chosen (essential ones first); returns
/// `false` to stop.
type ChoiceSink<'a> = dyn FnMut(&[usize], &[&[usize]]) -> bool + 'a;

/// Pushes every choice of one row per class onto `models` (an odometer over the classes);
/// `false` if `max_models` was reached first.
fn expand(classes: &[&[usize]], models: &mut Vec<Vec<usize>>, max_models: usize) -> bool {
    let mut pick = vec![0usize; classes.len()];
    loop {
        if models.len() == max_models {
            return false;
        }
        let mut model: Vec<usize> = classes
            .iter()
            .zip(&pick)
            .map(|(rows, &i)| rows[i])
            .collect();
        model.sort_unstable();
        models.push(model);
        let mut d = 0;
        while d < pick.len() {
            pick[d] += 1;
            if pick[d] < classes[d].len() {
                break;
            }
            pick[d] = 0;
            d += 1;
        }
        if d == pick.len() {
            return true;
        }
    }
}

/// Models by size, then lexicographically.
fn sort_models(models: &mut [Vec<usize>]) {
    models.sort_unstable_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
}

/// The chart after essential rows, column dominance and useless rows are taken out.
struct Reduced {
    essential: Vec<usize>,
    /// Original index of each remaining row, ascending.
    rows: Vec<usize>,
    /// Remaining rows as bit sets over the remaining columns.
    row_bits: Vec<u64>,
    words: usize,
    /// Remaining column -> remaining rows covering it, ascending.
    col_rows: Vec<Vec<u32>>,
}

impl Reduced {
    fn new(chart: &PiChart) -> Option<Reduced> {
        let columns: Vec<Vec<usize>> = (0..chart.n_cols).map(|c| chart.column(c)).collect();
        if columns.iter().any(Vec::is_empty) {
            return None;
        }
        let essential = chart.essential();
        let mut covered = vec![0u64; chart.words];
        for &r in &essential {
            for (c, w) in covered.iter_mut().zip(chart.row_bits(r)) {
                *c |= w;
            }
        }
        let mut open: Vec<usize> = (0..chart.n_cols)
            .filter(|&c| covered[c / 64] >> (c % 64) & 1 == 0)
            .collect();
        open.sort_by_key(|&c| (columns[c].len(), c));
        // Column dominance: drop a column whose rows include all the rows of a kept one.
        let mut kept: Vec<usize> = Vec::new();
        for &c in &open {
            let dominated = kept
                .iter()
                .any(|&k| columns[k].iter().all(|&r| chart.covers(r, c)));
            if !dominated {
                kept.push(c);
            }
        }
        let mut rows: Vec<usize> = kept
            .iter()
            .flat_map(|&c| columns[c].iter().copied())
            .collect();
        rows.sort_unstable();
        rows.dedup();
        let words = kept.len().div_ceil(64).max(1);
        let mut row_bits = vec![0u64; rows.len() * words];
        let mut col_rows = vec![Vec::new(); kept.len()];
        for (i, &r) in rows.iter().enumerate() {
            for (j, &c) in kept.iter().enumerate() {
                if chart.covers(r, c) {
                    row_bits[i * words + j / 64] |= 1 << (j % 64);
                    col_rows[j].push(i as u32);
                }
            }
        }
        Some(Reduced {
            essential,
            rows,
            row_bits,
            words,
            col_rows,
        })
    }

    fn as_chart(&self) -> PiChart {
        PiChart {
            n_rows: self.rows.len(),
            n_cols: self.col_rows.len(),
            words: self.words,
            bits: self.row_bits.clone(),
        }
    }

    fn all_columns(&self) -> Vec<u64> {
        let mut all = vec![0u64; self.words];
        for j in 0..self.col_rows.len() {
            all[j / 64] |= 1 << (j % 64);
        }
        all
    }

    fn row(&self, r: usize) -> &[u64] {
        &self.row_bits[r * self.words..(r + 1) * self.words]
    }

    /// For each of the given rows (`tops`), the rows whose columns are a subset of its
    /// columns (itself included), ascending.
    fn rows_within(&self, tops: &[usize]) -> Vec<Vec<usize>> {
        let n_cols = self.col_rows.len();
        let mut col_tops: Vec<Vec<usize>> = vec![Vec::new(); n_cols];
        for (t, &r) in tops.iter().enumerate() {
            for (c, list) in col_tops.iter_mut().enumerate() {
                if self.row(r)[c / 64] >> (c % 64) & 1 == 1 {
                    list.push(t);
                }
            }
        }
        let mut within = vec![Vec::new(); tops.len()];
        for r in 0..self.rows.len() {
            let bits = self.row(r);
            let rarest = (0..n_cols)
                .filter(|&c| bits[c / 64] >> (c % 64) & 1 == 1)
                .min_by_key(|&c| col_tops[c].len())
                .expect("every remaining row covers a remaining column");
            for &t in &col_tops[rarest] {
                if bits.iter().zip(self.row(tops[t])).all(|(a, b)| a & !b == 0) {
                    within[t].push(r);
                }
            }
        }
        within
    }

    /// Calls `emit` with every list of rows, one within each of `cover`'s core rows
    /// (`cover` indexes `tops`; `within` from [`Reduced::rows_within`]), that covers every
    /// column; `emit` returns `false` to stop, and so does this.
    fn replacements(
        &self,
        cover: &[usize],
        tops: &[usize],
        within: &[Vec<usize>],
        emit: &mut dyn FnMut(&[usize]) -> bool,
    ) -> bool {
        // suffix[i]: the columns of cover[i..]'s core rows.
        let words = self.words;
        let mut suffix = vec![0u64; (cover.len() + 1) * words];
        for i in (0..cover.len()).rev() {
            for w in 0..words {
                suffix[i * words + w] = suffix[(i + 1) * words + w] | self.row(tops[cover[i]])[w];
            }
        }
        let mut chosen = Vec::with_capacity(cover.len());
        self.replace_from(
            0,
            &self.all_columns(),
            cover,
            within,
            &suffix,
            &mut chosen,
            emit,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn replace_from(
        &self,
        i: usize,
        uncovered: &[u64],
        cover: &[usize],
        within: &[Vec<usize>],
        suffix: &[u64],
        chosen: &mut Vec<usize>,
        emit: &mut dyn FnMut(&[usize]) -> bool,
    ) -> bool {
        if i == cover.len() {
            // Always covered here: each position took the columns only it could cover.
            debug_assert!(uncovered.iter().all(|&w| w == 0));
            return emit(chosen);
        }
        let words = self.words;
        // Columns that only this position can still cover must be in the chosen row.
        let later = &suffix[(i + 1) * words..(i + 2) * words];
        let needed: Vec<u64> = uncovered.iter().zip(later).map(|(u, l)| u & !l).collect();
        let mut next = vec![0u64; words];
        for &r in &within[cover[i]] {
            let bits = self.row(r);
            if needed.iter().zip(bits).any(|(n, b)| n & !b != 0) {
                continue;
            }
            for ((n, u), b) in next.iter_mut().zip(uncovered).zip(bits) {
                *n = u & !b;
            }
            chosen.push(r);
            let go_on = self.replace_from(i + 1, &next, cover, within, suffix, chosen, emit);
            chosen.pop();
            if !go_on {
                return false;
            }
        }
        true
    }
}

struct Search<'a> {
    red: &'a Reduced,
    banned: Vec<bool>,
    chosen: Vec<u32>,
    found: Vec<Vec<u32>>,
    max: usize,
    truncated: bool,
    nodes: u64,
    node_limit: u64,
    exhausted: bool,
}

impl<'a> Search<'a> {
    fn new(red: &'a Reduced, max: usize) -> Self {
        Search {
            red,
            banned: vec![false; red.rows.len()],
            chosen: Vec::new(),
            found: Vec::new(),
            max,
            truncated: false,
            nodes: 0,
            node_limit: u64::MAX,
            exhausted: false,
        }
    }

    fn record(&mut self) {
        if self.found.len() >= self.max {
            self.truncated = true;
        } else {
            self.found.push(self.chosen.clone());
        }
    }

    /// The uncovered column with the fewest available rows, or `None` if some uncovered
    /// column has no row left.
    fn branching_column(&self, uncovered: &[u64]) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None; // (degree, column)
        for (w, &word) in uncovered.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let c = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let degree = self.red.col_rows[c]
                    .iter()
                    .filter(|&&r| !self.banned[r as usize])
                    .count();
                if degree == 0 {
                    return None;
                }
                if !matches!(best, Some((d, _)) if d <= degree) {
                    best = Some((degree, c));
                }
            }
        }
        best.map(|(_, c)| c)
    }

    /// Counts a node; false when the node limit is reached.
    fn tick(&mut self) -> bool {
        self.nodes += 1;
        if self.nodes > self.node_limit {
            self.exhausted = true;
        }
        !self.exhausted
    }

    fn irredundant(&mut self, uncovered: &[u64]) {
        if self.truncated || !self.tick() {
            return;
        }
        if uncovered.iter().all(|&w| w == 0) {
            self.record();
            return;
        }
        let Some(col) = self.branching_column(uncovered) else {
            return;
        };
        self.branch(uncovered, col, |s, next| {
            if s.chosen_irredundant() {
                s.irredundant(next);
            }
        });
    }

    /// Whether every chosen row covers a column no other chosen row covers.
    fn chosen_irredundant(&self) -> bool {
        let n = self.chosen.len();
        let words = self.red.words;
        let mut prefix = vec![0u64; (n + 1) * words];
        for (i, &r) in self.chosen.iter().enumerate() {
            for w in 0..words {
                prefix[(i + 1) * words + w] = prefix[i * words + w] | self.red.row(r as usize)[w];
            }
        }
        let mut suffix = vec![0u64; words];
        for i in (0..n).rev() {
            let row = self.red.row(self.chosen[i] as usize);
            let private = (0..words).any(|w| row[w] & !(prefix[i * words + w] | suffix[w]) != 0);
            if !private {
                return false;
            }
            for w in 0..words {
                suffix[w] |= row[w];
            }
        }
        true
    }

    fn branch(
        &mut self,
        uncovered: &[u64],
        col: usize,
        mut recurse: impl FnMut(&mut Self, &[u64]),
    ) {
        let candidates: Vec<u32> = self.red.col_rows[col]
            .iter()
            .copied()
            .filter(|&r| !self.banned[r as usize])
            .collect();
        let mut next = vec![0u64; uncovered.len()];
        for &r in &candidates {
            for ((n, u), w) in next.iter_mut().zip(uncovered).zip(self.red.row(r as usize)) {
                *n = u & !w;
            }
            self.chosen.push(r);
            recurse(self, &next);
            self.chosen.pop();
            self.banned[r as usize] = true;
            if self.truncated || self.exhausted {
                break;
            }
        }
        for &r in &candidates {
            self.banned[r as usize] = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(chart: &PiChart, minimum: bool) -> Vec<Vec<usize>> {
        let n = chart.n_rows();
        let covers_all = |s: u32| {
            (0..chart.n_cols()).all(|c| (0..n).any(|r| s >> r & 1 == 1 && chart.covers(r, c)))
        };
        let covers: Vec<u32> = (0..1u32 << n).filter(|&s| covers_all(s)).collect();
        let keep: Vec<u32> = if minimum {
            let k = covers.iter().map(|s| s.count_ones()).min().unwrap_or(0);
            covers.into_iter().filter(|s| s.count_ones() == k).collect()
        } else {
            covers
                .iter()
                .copied()
                .filter(|&s| (0..n).all(|r| s >> r & 1 == 0 || !covers_all(s & !(1 << r))))
                .collect()
        };
        let mut out: Vec<Vec<usize>> = keep
            .into_iter()
            .map(|s| (0..n).filter(|&r| s >> r & 1 == 1).collect())
            .collect();
        out.sort_unstable_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
        out
    }

    #[test]
    fn covers_match_brute_force() {
        let mut seed = 0x2545f4914f6cdd1du64;
        for _ in 0..300 {
            let mut next = || {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed
            };
            let n_rows = 1 + (next() % 10) as usize;
            let n_cols = 1 + (next() % 9) as usize;
            let density = 2 + next() % 4;
            let rows: Vec<Vec<bool>> = (0..n_rows)
                .map(|_| (0..n_cols).map(|_| next() % density == 0).collect())
                .collect();
            let mut chart = PiChart::from_matrix(&rows);
            chart.n_cols = n_cols;
            assert_eq!(
                chart.minimum_covers(usize::MAX).models,
                brute(&chart, true),
                "{rows:?}"
            );
            assert_eq!(
                chart.irredundant_covers(usize::MAX).models,
                brute(&chart, false),
                "{rows:?}"
            );
        }
    }

    #[test]
    fn cap_is_reported() {
        let chart = PiChart::from_matrix(&[vec![true], vec![true], vec![true]]);
        let covers = chart.minimum_covers(2);
        assert_eq!(covers.models.len(), 2);
        assert!(covers.truncated);
        assert!(!chart.minimum_covers(3).truncated);
    }

    #[test]
    fn listing_stopped_before_a_model_gives_the_proofs_cover() {
        // Five columns in a cycle, each row covering two neighbours: the minimum, 3, is the
        // root bound (5/2 rounded up), so the proof takes no search node, but one node is
        // not enough for the listing to reach a cover of 3 rows.
        let rows: Vec<Vec<bool>> = (0..5)
            .map(|r| (0..5).map(|c| c == r || c == (r + 1) % 5).collect())
            .collect();
        let chart = PiChart::from_matrix(&rows);
        let all = brute(&chart, true);
        assert_eq!(all.len(), 5);
        let one_node = chart.minimum_covers_within(10, 1).unwrap();
        assert!(one_node.truncated);
        assert_eq!(one_node.models.len(), 1);
        assert!(all.contains(&one_node.models[0]), "{one_node:?}");
        assert_eq!(one_node.lower_bound, None);
        assert_eq!(chart.minimum_covers_within(10, 1_000).unwrap().models, all);
    }

    #[test]
    fn dominated_rows() {
        let chart = PiChart::from_matrix(&[
            vec![true, false, false],
            vec![true, true, false],
            vec![true, true, false],
            vec![false, false, true],
        ]);
        assert_eq!(chart.dominated_rows(), vec![0, 2]);
    }
}
