//! The prime implicant chart: which prime implicant covers which positive configuration.

use super::bits::{diff, pack, with_planes, Planes, MAX_CONDITIONS};
use super::error::MinimizeError;
use super::implicant::Implicant;

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
    /// conditions, and [`MinimizeError::TooManyConditions`] above
    /// [`MAX_CONDITIONS`](crate::minimize::MAX_CONDITIONS) conditions.
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
        if expected > MAX_CONDITIONS {
            return Err(MinimizeError::TooManyConditions {
                n: expected,
                max: MAX_CONDITIONS,
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

    /// A chart of `words` words per row, from the rows' bits laid end to end.
    pub(crate) fn from_words(n_cols: usize, words: usize, bits: Vec<u64>) -> PiChart {
        PiChart {
            n_rows: bits.len() / words,
            n_cols,
            words,
            bits,
        }
    }

    /// The number of `u64` words per row.
    pub(crate) fn words(&self) -> usize {
        self.words
    }

    /// The columns of a row, as a bit set.
    pub(crate) fn row_bits(&self, row: usize) -> &[u64] {
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
