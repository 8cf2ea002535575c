//! The truth table itself: its rows, the options and data it was built from, and what later
//! steps read from it.

use crate::data::Dataset;
use crate::expression::Outcome;
use crate::sets::FuzzySet;

use super::error::TruthTableError;
use super::options::TruthTableOptions;
use super::row::{OutputValue, Row};

/// A truth table, built by [`TruthTableOptions::build`] (or [`TruthTable::new`] with the
/// default options).
///
/// It keeps what later steps need: the rows (configuration, output value, n, id), the options
/// used, and a copy of the selected columns (conditions, then the outcome as given, not
/// negated) for computing the fit of solutions.
///
/// # Example
/// ```
/// use fsqca::{Dataset, OutputValue, TruthTableOptions};
///
/// let data = Dataset::from_columns([
///     ("A", vec![0.9, 0.7, 0.2, 0.5]),
///     ("B", vec![0.1, 0.3, 0.8, 0.6]),
///     ("Y", vec![0.8, 0.9, 0.3, 0.7]),
/// ])?
/// .with_cases(["w", "x", "y", "z"])?;
/// let tt = TruthTableOptions::default().incl_cutoff(0.8).build(&data, "Y", &["A", "B"])?;
/// assert_eq!(tt.rows().len(), 2);
/// let row = &tt.rows()[1]; // id 3: A = 1, B = 0
/// assert_eq!((row.id(), row.out(), row.cases()), (3, OutputValue::Positive, vec!["w", "x"]));
/// assert_eq!(tt.half_membership_cases(), ["z"]);
/// println!("{tt}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "super::repr::TruthTableRepr")
)]
pub struct TruthTable {
    pub(super) conditions: Vec<String>,
    pub(super) outcome: String,
    pub(super) negated: bool,
    pub(super) levels: Vec<u32>,
    pub(super) rows: Vec<Row>,
    pub(super) options: TruthTableOptions,
    pub(super) half_cases: Vec<String>,
    pub(super) data: Dataset,
    /// The outcome's memberships as given (not negated), checked by `build`.
    pub(super) outcome_values: Vec<f64>,
}

impl TruthTable {
    /// The truth table with the default options (see [`TruthTableOptions`]).
    ///
    /// # Errors
    /// As [`TruthTableOptions::build`].
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let tt = fsqca::TruthTable::new(&data, "Y", &["A"])?;
    /// assert_eq!(tt.rows().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<O, S>(data: &Dataset, outcome: O, conditions: &[S]) -> Result<Self, TruthTableError>
    where
        O: TryInto<Outcome>,
        TruthTableError: From<O::Error>,
        S: AsRef<str>,
    {
        TruthTableOptions::default().build(data, outcome, conditions)
    }

    /// The conditions, in the order given.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("B", vec![0.0]), ("Y", vec![1.0])])?;
    /// let tt = fsqca::TruthTable::new(&data, "Y", &["B", "A"])?;
    /// assert_eq!(tt.conditions(), ["B", "A"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn conditions(&self) -> &[String] {
        &self.conditions
    }

    /// The outcome's name, without the `~` of a negated outcome.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("Y", vec![1.0])])?;
    /// let tt = fsqca::TruthTable::new(&data, "~Y", &["A"])?;
    /// assert_eq!((tt.outcome(), tt.is_outcome_negated()), ("Y", true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn outcome(&self) -> &str {
        &self.outcome
    }

    /// True when the table was built for the negated outcome `~Y`.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("Y", vec![1.0])])?;
    /// assert!(!fsqca::TruthTable::new(&data, "Y", &["A"])?.is_outcome_negated());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_outcome_negated(&self) -> bool {
        self.negated
    }

    /// The outcome as written: `Y` or `~Y`.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("Y", vec![1.0])])?;
    /// assert_eq!(fsqca::TruthTable::new(&data, "~Y", &["A"])?.outcome_label(), "~Y");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn outcome_label(&self) -> String {
        if self.negated {
            format!("~{}", self.outcome)
        } else {
            self.outcome.clone()
        }
    }

    /// The number of levels of each condition: 2 for crisp and fuzzy conditions, that of the
    /// data set for a declared multi-value condition ([`Dataset::with_multi_value`]).
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.0, 2.0]), ("Y", vec![1.0, 0.0])])?
    ///     .with_multi_value(&["A"])?;
    /// assert_eq!(fsqca::TruthTable::new(&data, "Y", &["A"])?.levels(), [3]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn levels(&self) -> &[u32] {
        &self.levels
    }

    /// True when condition `j` is multi-value (more than 2 levels).
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.0, 2.0]), ("Y", vec![1.0, 0.0])])?
    ///     .with_multi_value(&["A"])?;
    /// assert!(fsqca::TruthTable::new(&data, "Y", &["A"])?.is_multi_value(0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_multi_value(&self, j: usize) -> bool {
        self.levels.get(j).is_some_and(|&l| l > 2)
    }

    /// The rows: the observed configurations (or all of them with
    /// [`TruthTableOptions::complete`]), in id order or sorted as the options ask.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.9, 0.1]), ("Y", vec![1.0, 0.0])])?;
    /// let tt = fsqca::TruthTable::new(&data, "Y", &["A"])?;
    /// let ids: Vec<u64> = tt.rows().iter().map(|r| r.id()).collect();
    /// assert_eq!(ids, [1, 2]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The configurations of the positive rows, and those of the negative and
    /// contradictory rows (which a minimization must not cover), each in the rows' order.
    pub(crate) fn positive_and_forbidden(&self) -> (Vec<Vec<u8>>, Vec<Vec<u8>>) {
        let mut positive = Vec::new();
        let mut forbidden = Vec::new();
        for row in &self.rows {
            match row.out() {
                OutputValue::Positive => positive.push(row.values().to_vec()),
                OutputValue::Negative | OutputValue::Contradiction => {
                    forbidden.push(row.values().to_vec());
                }
                OutputValue::Remainder => {}
            }
        }
        (positive, forbidden)
    }

    /// The row with this id, if listed.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.9]), ("Y", vec![1.0])])?;
    /// let tt = fsqca::TruthTable::new(&data, "Y", &["A"])?;
    /// assert_eq!(tt.row(2).map(|r| r.n()), Some(1));
    /// assert!(tt.row(1).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn row(&self, id: u64) -> Option<&Row> {
        self.rows.iter().find(|r| r.id() == id)
    }

    /// The options the table was built with.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.9]), ("Y", vec![1.0])])?;
    /// let tt = fsqca::TruthTableOptions::default().n_cutoff(2).build(&data, "Y", &["A"])?;
    /// assert_eq!(tt.options().get_n_cutoff(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn options(&self) -> &TruthTableOptions {
        &self.options
    }

    /// The cases with a membership of exactly 0.5 in some condition: they belong to no row
    /// (but, as in R QCA, still count in every row's inclusion and PRI sums).
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.5, 0.9]), ("Y", vec![1.0, 1.0])])?
    ///     .with_cases(["x", "y"])?;
    /// let tt = fsqca::TruthTable::new(&data, "Y", &["A"])?;
    /// assert_eq!(tt.half_membership_cases(), ["x"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn half_membership_cases(&self) -> &[String] {
        &self.half_cases
    }

    /// The selected columns (the conditions, then the outcome, as given: not negated), after
    /// dropping cases with missing values if the options asked for it.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.9]), ("B", vec![0.2]), ("Y", vec![1.0])])?;
    /// let tt = fsqca::TruthTable::new(&data, "Y", &["A"])?;
    /// assert_eq!(tt.data().names(), ["A", "Y"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// The outcome's memberships, negated for `~Y`, named as [`outcome_label`](Self::outcome_label).
    ///
    /// The memberships were checked (in [0, 1], none missing) when the table was built, so this
    /// cannot fail.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.9]), ("Y", vec![0.25])])?;
    /// let y = fsqca::TruthTable::new(&data, "~Y", &["A"])?.outcome_membership();
    /// assert_eq!((y.name(), y.values()[0]), ("~Y", 0.75));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn outcome_membership(&self) -> FuzzySet {
        let values: ndarray::Array1<f64> = if self.negated {
            self.outcome_values.iter().map(|y| 1.0 - y).collect()
        } else {
            self.outcome_values.iter().copied().collect()
        };
        FuzzySet::from_derived(self.outcome_label(), values)
    }
}
