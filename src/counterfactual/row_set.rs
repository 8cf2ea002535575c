//! [`RowSet`]: a set of truth table rows found by a search, as cubes with its exact count
//! and its row ids listed up to a limit.

use std::fmt;

use crate::minimize::CubeSet;

use super::cubes::TableSpace;

/// A set of configurations of a truth table (remainders or observed rows), held
/// symbolically: the cubes whose union it is, in R QCA's notation (`A*~B`; `1` for the
/// whole space), its exact number of configurations, and its R QCA row ids in ascending
/// order, listed up to a limit ([`RowSet::is_complete`] says whether every id is listed).
/// The ids feed [`Exclusions`](super::Exclusions) and the command line's `--exclude`.
///
/// With the `serde` feature it serialises as `{cubes, count, rows, complete}`.
///
/// # Example
/// ```
/// use fsqca::counterfactual::{FindRows, RowType};
/// use fsqca::{Dataset, TruthTableOptions};
///
/// let data = Dataset::from_columns([("A", vec![1.0]), ("B", vec![1.0]), ("Y", vec![1.0])])?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
/// // Every remainder: rows 1 to 3 (row 4, A*B, is observed).
/// let found = FindRows::new().limit(2).find(&tt, RowType::Remainders)?;
/// assert_eq!(found.count(), 3);
/// assert_eq!(found.rows(), [1, 2]);
/// assert!(!found.is_complete());
/// assert_eq!(found.cubes(), ["~A", "~B"]);
/// assert_eq!(found.to_string(), "~A + ~B");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RowSet {
    cubes: Vec<String>,
    count: u64,
    rows: Vec<u64>,
    complete: bool,
}

impl RowSet {
    /// The set `set` of the table's space, with at most `limit` row ids listed.
    pub(crate) fn new(space: &TableSpace, set: &CubeSet, limit: usize) -> Self {
        let count = set.count();
        let rows: Vec<u64> = set
            .configurations()
            .take(limit)
            .filter_map(|c| space.row_ids.id(&c))
            .collect();
        RowSet {
            cubes: set.cubes().iter().map(|c| space.cube_text(c)).collect(),
            complete: rows.len() as u64 == count,
            count,
            rows,
        }
    }

    /// The cubes whose union the set is, in R QCA's notation.
    ///
    /// # Example
    /// ```
    /// use fsqca::counterfactual::{FindRows, RowType};
    /// use fsqca::{Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([("A", vec![1.0]), ("Y", vec![1.0])])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A"])?;
    /// assert_eq!(FindRows::new().find(&tt, RowType::Remainders)?.cubes(), ["~A"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cubes(&self) -> &[String] {
        &self.cubes
    }

    /// The exact number of configurations in the set.
    ///
    /// # Example
    /// ```
    /// use fsqca::counterfactual::{FindRows, RowType};
    /// use fsqca::{Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([("A", vec![1.0]), ("Y", vec![1.0])])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A"])?;
    /// assert_eq!(FindRows::new().find(&tt, RowType::Remainders)?.count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn count(&self) -> u64 {
        self.count
    }

    /// The row ids, ascending, up to the limit of the search.
    ///
    /// # Example
    /// ```
    /// use fsqca::counterfactual::{FindRows, RowType};
    /// use fsqca::{Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([("A", vec![1.0]), ("Y", vec![1.0])])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A"])?;
    /// assert_eq!(FindRows::new().find(&tt, RowType::Remainders)?.rows(), [1]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rows(&self) -> &[u64] {
        &self.rows
    }

    /// Whether every row id of the set is listed.
    ///
    /// # Example
    /// ```
    /// use fsqca::counterfactual::{FindRows, RowType};
    /// use fsqca::{Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([("A", vec![1.0]), ("Y", vec![1.0])])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A"])?;
    /// assert!(FindRows::new().find(&tt, RowType::Remainders)?.is_complete());
    /// assert!(!FindRows::new().limit(0).find(&tt, RowType::Remainders)?.is_complete());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_complete(&self) -> bool {
        self.complete
    }
}

/// The cubes joined by ` + `, or `none` for the empty set.
impl fmt::Display for RowSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.cubes.is_empty() {
            f.write_str("none")
        } else {
            f.write_str(&self.cubes.join(" + "))
        }
    }
}
