//! Rows of a truth table and their output values.

use std::fmt;
use std::sync::Arc;

/// The output value of a truth table row. With the `serde` feature it serialises as its
/// [symbol](OutputValue::symbol), `"1"`, `"0"`, `"C"` or `"?"`.
///
/// # Example
/// ```
/// use fsqca::OutputValue;
///
/// assert_eq!(OutputValue::Contradiction.to_string(), "C");
/// assert_eq!(OutputValue::Remainder.to_string(), "?");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum OutputValue {
    /// `1`: the configuration is consistently sufficient for the outcome.
    #[cfg_attr(feature = "serde", serde(rename = "1"))]
    Positive,
    /// `0`: it is not.
    #[cfg_attr(feature = "serde", serde(rename = "0"))]
    Negative,
    /// `C`: its inclusion lies between the two inclusion cut-offs.
    #[cfg_attr(feature = "serde", serde(rename = "C"))]
    Contradiction,
    /// `?`: too few cases (fewer than the frequency cut-off) to say.
    #[cfg_attr(feature = "serde", serde(rename = "?"))]
    Remainder,
}

impl OutputValue {
    /// The symbol R QCA prints: `1`, `0`, `C` or `?`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::OutputValue::Positive.symbol(), "1");
    /// ```
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Positive => "1",
            Self::Negative => "0",
            Self::Contradiction => "C",
            Self::Remainder => "?",
        }
    }
}

impl fmt::Display for OutputValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.symbol())
    }
}

/// One row (configuration) of a truth table. With the `serde` feature it serialises as
/// `{"id", "values", "out", "n", "incl", "pri", "cases", "deviant_cases"}`, the cases by label
/// (the JSON rows of `fsqca truth-table`).
///
/// # Example
/// ```
/// use fsqca::{Dataset, TruthTableOptions};
///
/// let data = Dataset::from_columns([("A", vec![0.9, 0.2]), ("Y", vec![0.3, 0.1])])?
///     .with_cases(["x", "y"])?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A"])?;
/// let row = &tt.rows()[1];
/// assert_eq!((row.id(), row.values(), row.n()), (2, &[1][..], 1));
/// assert_eq!(row.cases(), ["x"]);
/// assert_eq!(row.deviant_cases(), ["x"]);
/// // Sums over all cases: memberships in A are 0.9 and 0.2.
/// assert!((row.incl().unwrap_or(0.0) - 0.4 / 1.1).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize),
    serde(try_from = "repr::RowRepr")
)]
pub struct Row {
    pub(crate) id: u64,
    pub(crate) values: Vec<u8>,
    pub(crate) out: OutputValue,
    pub(crate) n: usize,
    pub(crate) incl: Option<f64>,
    pub(crate) pri: Option<f64>,
    /// The labels of the table's cases (shared with its data set).
    pub(crate) labels: Arc<Vec<String>>,
    /// The row's cases, as indices into `labels`, increasing.
    pub(crate) cases: Vec<u32>,
    /// The deviant ones among them.
    pub(crate) deviant_cases: Vec<u32>,
}

impl Row {
    /// The row's id as in R QCA: its 1-based position in the complete table, the first condition
    /// most significant (a mixed-radix number over the conditions' levels).
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("B", vec![0.0]), ("Y", vec![1.0])])?;
    /// let tt = fsqca::TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// assert_eq!(tt.rows()[0].id(), 3); // A = 1, B = 0: binary 10 = 2, plus 1
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The configuration: one value per condition (0 or 1, or a level of a multi-value
    /// condition).
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.8]), ("B", vec![0.1]), ("Y", vec![1.0])])?;
    /// let tt = fsqca::TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// assert_eq!(tt.rows()[0].values(), [1, 0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn values(&self) -> &[u8] {
        &self.values
    }

    /// The output value.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.8]), ("Y", vec![1.0])])?;
    /// let tt = fsqca::TruthTableOptions::default().build(&data, "Y", &["A"])?;
    /// assert_eq!(tt.rows()[0].out(), fsqca::OutputValue::Positive);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn out(&self) -> OutputValue {
        self.out
    }

    /// The number of cases with a membership above 0.5 in the configuration.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.8, 0.9]), ("Y", vec![1.0, 0.0])])?;
    /// let tt = fsqca::TruthTableOptions::default().build(&data, "Y", &["A"])?;
    /// assert_eq!(tt.rows()[0].n(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn n(&self) -> usize {
        self.n
    }

    /// Sufficiency inclusion of the configuration: Σ min(m, Y) / Σ m over all cases, where m is
    /// a case's membership in the configuration. `None` for a row without cases.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.8, 0.9]), ("Y", vec![1.0, 0.0])])?;
    /// let tt = fsqca::TruthTableOptions::default().build(&data, "Y", &["A"])?;
    /// let incl = tt.rows()[0].incl().ok_or("undefined")?;
    /// assert!((incl - 0.8 / 1.7).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn incl(&self) -> Option<f64> {
        self.incl
    }

    /// Proportional reduction in inconsistency:
    /// (Σ min(m, Y) - Σ min(m, Y, 1 - Y)) / (Σ m - Σ min(m, Y, 1 - Y)). `None` for a row without
    /// cases or a zero denominator.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.8]), ("Y", vec![1.0])])?;
    /// let tt = fsqca::TruthTableOptions::default().build(&data, "Y", &["A"])?;
    /// assert_eq!(tt.rows()[0].pri(), Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pri(&self) -> Option<f64> {
        self.pri
    }

    /// The labels of the cases that belong to the row (membership above 0.5), in data order.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.8, 0.1]), ("Y", vec![1.0, 0.0])])?
    ///     .with_cases(["x", "y"])?;
    /// let tt = fsqca::TruthTableOptions::default().build(&data, "Y", &["A"])?;
    /// assert_eq!(tt.rows()[0].cases(), ["y"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cases(&self) -> Vec<&str> {
        self.labels_of(&self.cases)
    }

    /// The row's deviant cases: its cases whose outcome membership is below 0.5.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.8, 0.9]), ("Y", vec![1.0, 0.2])])?
    ///     .with_cases(["x", "y"])?;
    /// let tt = fsqca::TruthTableOptions::default().build(&data, "Y", &["A"])?;
    /// assert_eq!(tt.rows()[0].deviant_cases(), ["y"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deviant_cases(&self) -> Vec<&str> {
        self.labels_of(&self.deviant_cases)
    }

    /// The positions of the row's cases in the truth table's data set ([`crate::TruthTable::data`]),
    /// increasing.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.8, 0.1, 0.9]), ("Y", vec![1.0, 0.0, 1.0])])?;
    /// let tt = fsqca::TruthTableOptions::default().build(&data, "Y", &["A"])?;
    /// assert_eq!(tt.rows()[1].case_indices(), [0, 2]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn case_indices(&self) -> &[u32] {
        &self.cases
    }

    fn labels_of(&self, indices: &[u32]) -> Vec<&str> {
        indices
            .iter()
            .map(|&i| self.labels[i as usize].as_str())
            .collect()
    }
}

#[cfg(feature = "serde")]
mod repr {
    //! A row as serialised: its cases by label.

    use std::sync::Arc;

    use super::{OutputValue, Row};

    #[derive(serde::Deserialize)]
    pub(super) struct RowRepr {
        id: u64,
        values: Vec<u8>,
        out: OutputValue,
        n: usize,
        incl: Option<f64>,
        pri: Option<f64>,
        cases: Vec<String>,
        deviant_cases: Vec<String>,
    }

    /// The same fields, borrowed from the row: the labels are written as they are listed,
    /// without copying the cases of a large table first.
    #[derive(serde::Serialize)]
    struct RowRef<'a> {
        id: u64,
        values: &'a [u8],
        out: OutputValue,
        n: usize,
        incl: Option<f64>,
        pri: Option<f64>,
        cases: Labels<'a>,
        deviant_cases: Labels<'a>,
    }

    /// Case indices written as their labels.
    struct Labels<'a> {
        labels: &'a [String],
        indices: &'a [u32],
    }

    impl serde::Serialize for Labels<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.indices.iter().map(|&i| &self.labels[i as usize]))
        }
    }

    impl serde::Serialize for Row {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let labels = |indices| Labels {
                labels: &self.labels,
                indices,
            };
            RowRef {
                id: self.id,
                values: &self.values,
                out: self.out,
                n: self.n,
                incl: self.incl,
                pri: self.pri,
                cases: labels(&self.cases),
                deviant_cases: labels(&self.deviant_cases),
            }
            .serialize(serializer)
        }
    }

    impl TryFrom<RowRepr> for Row {
        type Error = String;

        fn try_from(repr: RowRepr) -> Result<Self, String> {
            let deviant_cases = repr
                .deviant_cases
                .iter()
                .map(|d| {
                    repr.cases
                        .iter()
                        .position(|c| c == d)
                        .map(|i| i as u32)
                        .ok_or_else(|| format!("deviant case `{d}` is not among the row's cases"))
                })
                .collect::<Result<Vec<u32>, String>>()?;
            if repr.n != repr.cases.len() {
                return Err(format!(
                    "row {}: n = {} but {} cases are listed",
                    repr.id,
                    repr.n,
                    repr.cases.len()
                ));
            }
            let bad = |v: Option<f64>| v.is_some_and(|v| !(0.0..=1.0).contains(&v));
            if bad(repr.incl) || bad(repr.pri) {
                return Err(format!("row {}: incl or PRI outside [0, 1]", repr.id));
            }
            Ok(Row {
                id: repr.id,
                values: repr.values,
                out: repr.out,
                n: repr.n,
                incl: repr.incl,
                pri: repr.pri,
                cases: (0..repr.cases.len() as u32).collect(),
                deviant_cases,
                labels: Arc::new(repr.cases),
            })
        }
    }
}

#[cfg(all(test, feature = "serde"))]
mod serde_tests {
    use crate::{Dataset, OutputValue, Row, TruthTableOptions};

    #[test]
    fn a_row_serialises_with_its_symbol_and_labels_and_reads_back() {
        let data = Dataset::from_columns([("A", vec![0.9, 0.8, 0.1]), ("Y", vec![1.0, 0.2, 0.0])])
            .unwrap()
            .with_cases(["x", "y", "z"])
            .unwrap();
        let tt = TruthTableOptions::default()
            .incl_cutoff(0.5)
            .build(&data, "Y", &["A"])
            .unwrap();
        let row = &tt.rows()[1];
        let json = serde_json::to_value(row).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "id": 2, "values": [1], "out": "1", "n": 2,
                "incl": row.incl(), "pri": row.pri(),
                "cases": ["x", "y"], "deviant_cases": ["y"]
            })
        );
        let back: Row = serde_json::from_value(json).unwrap();
        assert_eq!(
            (back.id(), back.out(), back.cases(), back.deviant_cases()),
            (2, row.out(), vec!["x", "y"], vec!["y"])
        );
        for out in [
            OutputValue::Positive,
            OutputValue::Negative,
            OutputValue::Contradiction,
            OutputValue::Remainder,
        ] {
            let json = serde_json::to_value(out).unwrap();
            assert_eq!(json, out.symbol());
            assert_eq!(serde_json::from_value::<OutputValue>(json).unwrap(), out);
        }
    }
}
