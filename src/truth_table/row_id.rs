//! R QCA's row ids: the numbering of every configuration of the conditions.

use super::error::TruthTableError;

/// The numbering of a truth table's configurations by R QCA row id.
///
/// R QCA numbers the rows of the complete truth table from 1, counting in mixed radix over
/// the conditions' numbers of levels with the **first condition most significant**: with two
/// binary conditions `A, B`, the ids 1, 2, 3, 4 are `~A*~B`, `~A*B`, `A*~B`, `A*B`; with
/// `A` of 3 levels and `B` binary, the configuration `A = 2, B = 0` is row
/// 2 × 2 + 0 + 1 = 5. [`Row::id`](super::Row::id) and
/// [`Counterfactuals::rows`](crate::solution::Counterfactuals::rows) give such ids, and
/// [`SolutionOptions::exclude`](crate::solution::SolutionOptions::exclude) takes them.
///
/// Both directions check their input: [`RowIds::id`] refuses a configuration of another
/// length or with a value at or above its condition's number of levels, and
/// [`RowIds::configuration`] an id outside `1..=rows`.
///
/// # Example
/// ```
/// use fsqca::truth_table::RowIds;
///
/// let ids = RowIds::new(&[3, 2])?;
/// assert_eq!(ids.rows(), 6);
/// assert_eq!(ids.id(&[2, 0]), Some(5));
/// assert_eq!(ids.configuration(5), Some(vec![2, 0]));
/// assert_eq!(ids.id(&[0, 2]), None); // B has levels 0 and 1
/// assert_eq!(ids.configuration(7), None); // there are 6 rows
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowIds {
    levels: Vec<u32>,
    /// The place value of each condition: the product of the later conditions' levels.
    weights: Vec<u64>,
    rows: u64,
}

impl RowIds {
    /// The numbering of the configurations of conditions with these numbers of levels.
    ///
    /// # Errors
    /// [`TruthTableError::TooManyConfigurations`] when there are more than 2^63
    /// configurations (the truth table's row index; every id then fits a `u64`).
    ///
    /// # Example
    /// ```
    /// use fsqca::truth_table::{RowIds, TruthTableError};
    ///
    /// assert_eq!(RowIds::new(&[2; 63])?.rows(), 1 << 63);
    /// assert!(matches!(
    ///     RowIds::new(&[2; 64]),
    ///     Err(TruthTableError::TooManyConfigurations { .. })
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(levels: &[u32]) -> Result<Self, TruthTableError> {
        let mut weights = vec![0u64; levels.len()];
        let mut rows: u64 = 1;
        for (weight, &l) in weights.iter_mut().zip(levels).rev() {
            *weight = rows;
            rows = rows
                .checked_mul(u64::from(l))
                .filter(|&r| r <= 1 << 63)
                .ok_or_else(|| TruthTableError::TooManyConfigurations {
                    levels: levels.to_vec(),
                    log2: levels.iter().map(|&l| f64::from(l).log2()).sum(),
                })?;
        }
        Ok(Self {
            levels: levels.to_vec(),
            weights,
            rows,
        })
    }

    /// The conditions' numbers of levels.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::truth_table::RowIds::new(&[3, 2])?.levels(), [3, 2]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn levels(&self) -> &[u32] {
        &self.levels
    }

    /// The number of configurations, the largest id: the product of the numbers of levels.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::truth_table::RowIds::new(&[3, 2, 2])?.rows(), 12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// The row id of a configuration (one value per condition), `None` when it has another
    /// length than the levels or a value at or above its condition's number of levels.
    ///
    /// # Example
    /// ```
    /// let ids = fsqca::truth_table::RowIds::new(&[2, 2, 2])?;
    /// assert_eq!(ids.id(&[0, 0, 0]), Some(1));
    /// assert_eq!(ids.id(&[1, 0, 1]), Some(6));
    /// assert_eq!(ids.id(&[1, 0]), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self, values: &[u8]) -> Option<u64> {
        if values.len() != self.levels.len() {
            return None;
        }
        let mut key = 0;
        for ((&v, &l), &w) in values.iter().zip(&self.levels).zip(&self.weights) {
            if u32::from(v) >= l {
                return None;
            }
            key += u64::from(v) * w;
        }
        Some(key + 1)
    }

    /// The configuration of a row id, `None` for an id outside `1..=`[`rows`](Self::rows).
    ///
    /// # Example
    /// ```
    /// let ids = fsqca::truth_table::RowIds::new(&[2, 2])?;
    /// assert_eq!(ids.configuration(3), Some(vec![1, 0]));
    /// assert_eq!(ids.configuration(0), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn configuration(&self, id: u64) -> Option<Vec<u8>> {
        (1..=self.rows)
            .contains(&id)
            .then(|| self.digits(id - 1).collect())
    }

    /// The place value of each condition in a 0-based row index (the id minus 1).
    pub(crate) fn weights(&self) -> &[u64] {
        &self.weights
    }

    /// The values of the configuration with 0-based index `key` (below [`rows`](Self::rows)).
    pub(crate) fn digits(&self, key: u64) -> impl Iterator<Item = u8> + '_ {
        self.weights
            .iter()
            .zip(&self.levels)
            .map(move |(&w, &l)| ((key / w) % u64::from(l)) as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn autotraits() {
        fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}
        has_autotraits::<RowIds>();
    }

    /// Every id of a mixed-radix table decodes to a configuration that encodes back to it,
    /// in R's order: the last condition changes fastest.
    #[test]
    fn ids_and_configurations_round_trip_in_r_order() {
        let ids = RowIds::new(&[3, 2, 2]).unwrap();
        let all: Vec<Vec<u8>> = (1..=ids.rows())
            .map(|id| ids.configuration(id).unwrap())
            .collect();
        assert_eq!(all[..3], [vec![0, 0, 0], vec![0, 0, 1], vec![0, 1, 0]]);
        assert_eq!(all[11], [2, 1, 1]);
        for (id, values) in (1..).zip(&all) {
            assert_eq!(ids.id(values), Some(id));
        }
    }

    #[test]
    fn refuses_what_is_no_configuration_or_id() {
        let ids = RowIds::new(&[3, 2]).unwrap();
        assert_eq!(ids.id(&[3, 0]), None);
        assert_eq!(ids.id(&[0, 0, 0]), None);
        assert_eq!(ids.configuration(0), None);
        assert_eq!(ids.configuration(7), None);
        assert_eq!(ids.configuration(u64::MAX), None);
        // A condition without levels has no configuration, and nothing is divided by 0.
        let none = RowIds::new(&[2, 0]).unwrap();
        assert_eq!(
            (none.rows(), none.configuration(1), none.id(&[0, 0])),
            (0, None, None)
        );
    }

    /// The truth table numbers its rows with this codec: every row of a complete mixed
    /// table (a 3-level condition first) has the id of its configuration.
    #[test]
    fn the_truth_table_numbers_its_rows_so() {
        use crate::{Dataset, TruthTableOptions};
        let data = Dataset::from_columns([
            ("A", vec![0.0, 2.0, 1.0]),
            ("B", vec![1.0, 0.0, 0.2]),
            ("Y", vec![1.0, 0.0, 1.0]),
        ])
        .unwrap()
        .with_multi_value(&["A"])
        .unwrap();
        let tt = TruthTableOptions::new()
            .complete(true)
            .build(&data, "Y", &["A", "B"])
            .unwrap();
        let ids = RowIds::new(tt.levels()).unwrap();
        assert_eq!(tt.rows().len() as u64, ids.rows());
        for row in tt.rows() {
            assert_eq!(ids.id(row.values()), Some(row.id()));
            assert_eq!(ids.configuration(row.id()).as_deref(), Some(row.values()));
        }
        assert_eq!(tt.row(5).map(|r| r.values()), Some(&[2, 0][..]));
    }

    #[test]
    fn no_conditions_have_one_empty_configuration() {
        let ids = RowIds::new(&[]).unwrap();
        assert_eq!(ids.rows(), 1);
        assert_eq!(ids.configuration(1), Some(vec![]));
        assert_eq!(ids.id(&[]), Some(1));
    }

    #[test]
    fn too_many_configurations_are_refused() {
        assert!(RowIds::new(&[2; 63]).is_ok());
        assert!(matches!(
            RowIds::new(&[256; 8]),
            Err(TruthTableError::TooManyConfigurations { levels, log2 })
                if levels == [256; 8] && log2 == 64.0
        ));
    }
}
