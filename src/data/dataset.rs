//! The data set: its named columns (numbers, multi-value levels or text) over labelled cases,
//! their missing values, and the operations on them.

use std::collections::HashSet;
use std::fmt;
use std::io;
use std::sync::Arc;

use ndarray::{Array1, Array2, ArrayView1};

use crate::sets::FuzzySet;
use crate::text::{pad_left, pad_right};

use super::DataError;

/// The largest number of levels of a multi-value condition (levels 0 to 254), the same for the
/// truth table, the minimization and the expressions.
///
/// # Example
/// ```
/// let data = fsqca::Dataset::from_columns([("M", vec![0.0, 255.0])])?;
/// assert!(data.with_multi_value(&["M"]).is_err());
/// assert_eq!(fsqca::data::MAX_LEVELS, 255);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_LEVELS: u32 = 255;

/// Missing values of one column, as reported by [`Dataset::missing`].
///
/// # Example
/// ```
/// let data = fsqca::Dataset::from_reader("case,A\nx,1\ny,\n".as_bytes())?;
/// let missing = &data.missing()[0];
/// assert_eq!(missing.column, "A");
/// assert_eq!(missing.cases, ["y"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct MissingValues {
    /// The column's name.
    pub column: String,
    /// Labels of the cases whose value is missing, in data order.
    pub cases: Vec<String>,
}

/// What a column holds; see [`Dataset::kind`].
///
/// # Example
/// ```
/// use fsqca::{ColumnKind, Dataset};
/// let data = Dataset::from_reader("case,A,M,name\nx,0.2,0,Oslo\ny,0.9,2,Rome\n".as_bytes())?
///     .with_multi_value(&["M"])?;
/// assert_eq!(data.kind("A")?, ColumnKind::Numbers);
/// assert_eq!(data.kind("M")?, ColumnKind::MultiValue { levels: 3 });
/// assert_eq!(data.kind("name")?, ColumnKind::Text);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum ColumnKind {
    /// Numbers: raw measures or set memberships.
    Numbers,
    /// A declared multi-value condition with levels `0..levels`.
    MultiValue {
        /// The number of levels (the largest level plus one, at least 2).
        levels: u32,
    },
    /// Text: some cell is not a number.
    Text,
}

/// One column's cells.
#[derive(Debug, Clone)]
pub(super) enum Column {
    Numbers {
        /// One value per case; NaN where missing.
        values: Vec<f64>,
        /// The cases (indices) whose value is missing, increasing.
        missing: Vec<usize>,
        /// `Some(levels)` for a declared multi-value condition.
        levels: Option<u32>,
    },
    Text {
        /// One cell per case (an empty string where missing).
        cells: Vec<String>,
        /// The first cell that is not a number: its line in the file (if read) and index.
        first_line: Option<u64>,
        first_case: usize,
    },
}

/// A table of named columns over labelled cases.
///
/// Cloning a data set, selecting columns and adding a column do not copy the other columns'
/// values: columns are shared.
///
/// # Example
///
/// ```
/// use fsqca::Dataset;
///
/// let data = Dataset::from_columns([
///     ("A", vec![0.9, 0.2, 0.7]),
///     ("Y", vec![0.8, 0.1, 0.6]),
/// ])?
/// .with_cases(["x", "y", "z"])?;
/// assert_eq!(data.n_cases(), 3);
/// assert_eq!(data.column("Y")?[2], 0.6);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "repr::DatasetRepr", into = "repr::DatasetRepr")
)]
pub struct Dataset {
    cases: Arc<Vec<String>>,
    names: Vec<String>,
    pub(super) columns: Vec<Arc<Column>>,
}

impl Dataset {
    /// Builds a data set from a cases x columns array and the column names.
    ///
    /// Cases are labelled `1`, `2`, ... until [`Dataset::with_cases`] names them.
    ///
    /// # Errors
    /// [`DataError::Empty`] for no rows or columns, [`DataError::UnequalLengths`] when the names do
    /// not match the columns, [`DataError::DuplicateColumn`] / [`DataError::EmptyColumnName`] for
    /// bad names, and [`DataError::NotFinite`] for NaN or infinite values.
    ///
    /// # Example
    /// ```
    /// use fsqca::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::from_array(["A", "B"], array![[0.1, 0.9], [0.6, 0.4]])?;
    /// assert_eq!(data.names(), ["A", "B"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_array<I, S>(names: I, values: Array2<f64>) -> Result<Self, DataError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let names: Vec<String> = names.into_iter().map(Into::into).collect();
        let (n, k) = values.dim();
        if names.len() != k {
            return Err(DataError::UnequalLengths {
                what: "the list of column names".into(),
                expected: k,
                found: names.len(),
            });
        }
        let columns = values
            .columns()
            .into_iter()
            .map(|c| Column::numbers(c.to_vec(), Vec::new()))
            .collect();
        Self::validated(numbered(n), names, columns, n)
    }

    /// Builds a data set from `(name, values)` pairs, one per column.
    ///
    /// # Errors
    /// As [`Dataset::from_array`], and [`DataError::UnequalLengths`] for columns of different
    /// lengths.
    ///
    /// # Example
    /// ```
    /// use fsqca::Dataset;
    ///
    /// let data = Dataset::from_columns([("A", vec![1.0, 0.0]), ("B", vec![0.5, 0.2])])?;
    /// assert_eq!(data.n_columns(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_columns<I, S>(columns: I) -> Result<Self, DataError>
    where
        I: IntoIterator<Item = (S, Vec<f64>)>,
        S: Into<String>,
    {
        let (names, columns): (Vec<String>, Vec<Column>) = columns
            .into_iter()
            .map(|(name, values)| (name.into(), Column::numbers(values, Vec::new())))
            .unzip();
        Self::from_parts(names, columns)
    }

    /// Builds a data set from `(name, values)` pairs where `None` marks a missing value.
    ///
    /// # Errors
    /// As [`Dataset::from_columns`].
    ///
    /// # Example
    /// ```
    /// use fsqca::Dataset;
    ///
    /// let data = Dataset::from_columns_with_missing([("A", vec![Some(1.0), None])])?;
    /// assert_eq!(data.missing()[0].cases, ["2"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_columns_with_missing<I, S>(columns: I) -> Result<Self, DataError>
    where
        I: IntoIterator<Item = (S, Vec<Option<f64>>)>,
        S: Into<String>,
    {
        let (names, columns): (Vec<String>, Vec<Column>) = columns
            .into_iter()
            .map(|(name, cells)| {
                let missing = (0..cells.len()).filter(|&i| cells[i].is_none()).collect();
                let values = cells.iter().map(|v| v.unwrap_or(f64::NAN)).collect();
                (name.into(), Column::numbers(values, missing))
            })
            .unzip();
        Self::from_parts(names, columns)
    }

    /// The columns given, the cases numbered.
    fn from_parts(names: Vec<String>, columns: Vec<Column>) -> Result<Self, DataError> {
        let n = columns.first().map_or(0, Column::len);
        Self::validated(numbered(n), names, columns, n)
    }

    /// Checks every invariant: shapes, names, finite values, levels, missing indices.
    pub(super) fn validated(
        cases: Vec<String>,
        names: Vec<String>,
        columns: Vec<Column>,
        n: usize,
    ) -> Result<Self, DataError> {
        let k = columns.len();
        if n == 0 || k == 0 {
            return Err(DataError::Empty {
                cases: n,
                columns: k,
            });
        }
        if names.len() != k {
            return Err(DataError::UnequalLengths {
                what: "the list of column names".into(),
                expected: k,
                found: names.len(),
            });
        }
        if cases.len() != n {
            return Err(DataError::UnequalLengths {
                what: "the list of case labels".into(),
                expected: n,
                found: cases.len(),
            });
        }
        check_names(&names)?;
        for (name, column) in names.iter().zip(&columns) {
            if column.len() != n {
                return Err(DataError::UnequalLengths {
                    what: format!("column `{name}`"),
                    expected: n,
                    found: column.len(),
                });
            }
            column.check(name, &cases)?;
        }
        Ok(Self {
            cases: Arc::new(cases),
            names,
            columns: columns.into_iter().map(Arc::new).collect(),
        })
    }

    /// Names the cases (rows), replacing the default labels `1`, `2`, ...
    ///
    /// # Errors
    /// [`DataError::UnequalLengths`] when the number of labels differs from the number of cases.
    ///
    /// # Example
    /// ```
    /// use fsqca::Dataset;
    ///
    /// let data = Dataset::from_columns([("A", vec![1.0, 0.0])])?.with_cases(["SE", "FI"])?;
    /// assert_eq!(data.cases(), ["SE", "FI"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_cases<I, S>(mut self, cases: I) -> Result<Self, DataError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let cases: Vec<String> = cases.into_iter().map(Into::into).collect();
        if cases.len() != self.n_cases() {
            return Err(DataError::UnequalLengths {
                what: "the list of case labels".into(),
                expected: self.n_cases(),
                found: cases.len(),
            });
        }
        self.cases = Arc::new(cases);
        Ok(self)
    }

    /// Number of cases (rows).
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0])])?;
    /// assert_eq!(data.n_cases(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn n_cases(&self) -> usize {
        self.cases.len()
    }

    /// Number of columns, of every kind.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0])])?;
    /// assert_eq!(data.n_columns(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn n_columns(&self) -> usize {
        self.columns.len()
    }

    /// The case labels, in data order.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0])])?;
    /// assert_eq!(data.cases(), ["1"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cases(&self) -> &[String] {
        &self.cases
    }

    /// The column names (of every kind), in data order.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("B", vec![0.0])])?;
    /// assert_eq!(data.names(), ["A", "B"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The names of the columns that hold numbers (plain or multi-value), in data order.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_reader("case,A,region,Y\nx,0.1,north,1\n".as_bytes())?;
    /// assert_eq!(data.numeric_names(), ["A", "Y"]);
    /// assert_eq!(data.text_names(), ["region"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn numeric_names(&self) -> Vec<&str> {
        self.names_where(|c| !c.is_text())
    }

    /// The names of the text columns, in data order.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_reader("case,A,region\nx,0.1,north\n".as_bytes())?;
    /// assert_eq!(data.text_names(), ["region"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text_names(&self) -> Vec<&str> {
        self.names_where(Column::is_text)
    }

    fn names_where(&self, keep: impl Fn(&Column) -> bool) -> Vec<&str> {
        self.names
            .iter()
            .zip(&self.columns)
            .filter(|(_, c)| keep(c))
            .map(|(n, _)| n.as_str())
            .collect()
    }

    /// The position of a column.
    ///
    /// # Errors
    /// [`DataError::UnknownColumn`] when there is no such column.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("B", vec![0.0])])?;
    /// assert_eq!(data.column_index("B")?, 1);
    /// assert!(data.column_index("C").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn column_index(&self, name: &str) -> Result<usize, DataError> {
        self.names
            .iter()
            .position(|n| n == name)
            .ok_or_else(|| DataError::UnknownColumn {
                name: name.to_owned(),
                available: self.names.clone(),
            })
    }

    /// What a column holds.
    ///
    /// # Errors
    /// [`DataError::UnknownColumn`] when there is no such column.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0])])?;
    /// assert_eq!(data.kind("A")?, fsqca::ColumnKind::Numbers);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self, name: &str) -> Result<ColumnKind, DataError> {
        Ok(match &*self.columns[self.column_index(name)?] {
            Column::Numbers {
                levels: Some(levels),
                ..
            } => ColumnKind::MultiValue { levels: *levels },
            Column::Numbers { .. } => ColumnKind::Numbers,
            Column::Text { .. } => ColumnKind::Text,
        })
    }

    /// The number of levels of a declared multi-value condition; `None` for a column of plain
    /// numbers (memberships).
    ///
    /// # Errors
    /// [`DataError::UnknownColumn`], and [`DataError::NotNumeric`] for a text column.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("M", vec![0.0, 2.0]), ("A", vec![0.2, 1.0])])?
    ///     .with_multi_value(&["M"])?;
    /// assert_eq!(data.levels("M")?, Some(3));
    /// assert_eq!(data.levels("A")?, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn levels(&self, name: &str) -> Result<Option<u32>, DataError> {
        let j = self.column_index(name)?;
        match &*self.columns[j] {
            Column::Numbers { levels, .. } => Ok(*levels),
            text => Err(self.not_numeric(j, text)),
        }
    }

    /// One column's values, by name (missing values are NaN here; see [`Dataset::missing`]).
    ///
    /// # Errors
    /// [`DataError::UnknownColumn`] when there is no such column, [`DataError::NotNumeric`] for a
    /// text column (naming its first cell that is not a number).
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.25])])?;
    /// assert_eq!(data.column("A")?.to_vec(), [1.0, 0.25]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn column(&self, name: &str) -> Result<ArrayView1<'_, f64>, DataError> {
        let j = self.column_index(name)?;
        match &*self.columns[j] {
            Column::Numbers { values, .. } => Ok(ArrayView1::from(values.as_slice())),
            text => Err(self.not_numeric(j, text)),
        }
    }

    /// The shared case labels (crate-internal: rows refer to them).
    pub(crate) fn case_labels(&self) -> &Arc<Vec<String>> {
        &self.cases
    }

    /// A numeric column's values as a slice (crate-internal: the columns are contiguous).
    pub(crate) fn numbers(&self, name: &str) -> Result<&[f64], DataError> {
        let j = self.column_index(name)?;
        match &*self.columns[j] {
            Column::Numbers { values, .. } => Ok(values),
            text => Err(self.not_numeric(j, text)),
        }
    }

    /// A column of memberships: its values, all in [0, 1] (crate-internal: the truth table and
    /// the expressions read plain conditions and outcomes through it).
    ///
    /// A value outside [0, 1] is [`DataError::NotAMembership`], which says whether the column
    /// holds whole numbers (an undeclared multi-value condition, or a typo such as `10` for `1`).
    pub(crate) fn memberships(&self, name: &str) -> Result<&[f64], DataError> {
        let values = self.numbers(name)?;
        let missing = self.columns[self.column_index(name)?].missing();
        let outside = values
            .iter()
            .enumerate()
            .position(|(i, v)| !(0.0..=1.0).contains(v) && missing.binary_search(&i).is_err());
        match outside {
            Some(i) => Err(DataError::NotAMembership {
                column: name.to_owned(),
                case: self.cases[i].clone(),
                value: values[i],
                whole_numbers: values
                    .iter()
                    .all(|&v| v.is_nan() || (v >= 0.0 && v.fract() == 0.0)),
            }),
            None => Ok(values),
        }
    }

    /// The cells of a column as text: a text column's cells, or the numbers in their shortest
    /// form (an empty string where missing).
    ///
    /// # Errors
    /// [`DataError::UnknownColumn`] when there is no such column.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_reader("case,A,region\nx,0.5,north\ny,,south\n".as_bytes())?;
    /// assert_eq!(data.column_text("region")?, ["north", "south"]);
    /// assert_eq!(data.column_text("A")?, ["0.5", ""]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn column_text(&self, name: &str) -> Result<Vec<String>, DataError> {
        let j = self.column_index(name)?;
        Ok((0..self.n_cases())
            .map(|i| self.columns[j].cell_text(i))
            .collect())
    }

    /// The error for a text column used as numbers.
    fn not_numeric(&self, j: usize, column: &Column) -> DataError {
        let (line, case) = match column {
            Column::Text {
                first_line,
                first_case,
                ..
            } => (*first_line, *first_case),
            Column::Numbers { .. } => (None, 0),
        };
        DataError::NotNumeric {
            column: self.names[j].clone(),
            line,
            case: self.cases[case].clone(),
            value: column.cell_text(case),
        }
    }

    /// One column as a validated fuzzy set (values in [0, 1]).
    ///
    /// # Errors
    /// [`DataError::UnknownColumn`], [`DataError::NotNumeric`] for a text column,
    /// [`DataError::Missing`] for missing values (naming the cases), and [`DataError::Set`]
    /// (wrapping [`SetError::OutOfRange`](crate::SetError::OutOfRange)) for values outside
    /// [0, 1].
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.25]), ("raw", vec![3.0, 7.0])])?;
    /// assert_eq!(data.fuzzy_set("A")?.name(), "A");
    /// assert!(data.fuzzy_set("raw").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fuzzy_set(&self, name: &str) -> Result<FuzzySet, DataError> {
        self.require_complete(&[name])?;
        let values = self.column(name)?.to_owned();
        Ok(FuzzySet::with_cases(name, values, &self.cases)?)
    }

    /// A new data set with only the named columns, in the order given (the columns are shared,
    /// not copied).
    ///
    /// # Errors
    /// [`DataError::UnknownColumn`] for a name the data set lacks, [`DataError::DuplicateColumn`]
    /// when a name is given twice.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("B", vec![0.0])])?;
    /// assert_eq!(data.select(&["B"])?.names(), ["B"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn select<S: AsRef<str>>(&self, names: &[S]) -> Result<Self, DataError> {
        let idx = names
            .iter()
            .map(|n| self.column_index(n.as_ref()))
            .collect::<Result<Vec<_>, _>>()?;
        let names: Vec<String> = idx.iter().map(|&j| self.names[j].clone()).collect();
        if names.is_empty() {
            return Err(DataError::Empty {
                cases: self.n_cases(),
                columns: 0,
            });
        }
        check_names(&names)?;
        Ok(Self {
            cases: Arc::clone(&self.cases),
            names,
            columns: idx.iter().map(|&j| Arc::clone(&self.columns[j])).collect(),
        })
    }

    /// A new data set with one more column of numbers (for example a calibrated one).
    ///
    /// # Errors
    /// [`DataError::DuplicateColumn`] when the name exists, [`DataError::EmptyColumnName`],
    /// [`DataError::UnequalLengths`] when the column's length differs from the number of cases,
    /// [`DataError::NotFinite`] for NaN values.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0])])?;
    /// let data = data.with_column("B", vec![0.3, 0.7])?;
    /// assert_eq!(data.names(), ["A", "B"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_column<V: Into<Array1<f64>>>(
        &self,
        name: impl Into<String>,
        values: V,
    ) -> Result<Self, DataError> {
        let values: Array1<f64> = values.into();
        self.with(name.into(), Column::numbers(values.to_vec(), Vec::new()))
    }

    /// A new data set with one more text column.
    ///
    /// # Errors
    /// As [`Dataset::with_column`].
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0])])?;
    /// let data = data.with_text_column("region", ["north", "south"])?;
    /// assert_eq!(data.text_names(), ["region"]);
    /// assert!(data.column("region").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_text_column<I, S>(
        &self,
        name: impl Into<String>,
        cells: I,
    ) -> Result<Self, DataError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let cells = cells.into_iter().map(Into::into).collect();
        self.with(name.into(), Column::text(cells))
    }

    fn with(&self, name: String, column: Column) -> Result<Self, DataError> {
        if column.len() != self.n_cases() {
            return Err(DataError::UnequalLengths {
                what: format!("column `{name}`"),
                expected: self.n_cases(),
                found: column.len(),
            });
        }
        let mut names = self.names.clone();
        names.push(name);
        check_names(&names)?;
        column.check(&names[names.len() - 1], &self.cases)?;
        let mut columns = self.columns.clone();
        columns.push(Arc::new(column));
        Ok(Self {
            cases: Arc::clone(&self.cases),
            names,
            columns,
        })
    }

    /// Declares columns as multi-value conditions: their values are the levels 0, 1, 2, ... of
    /// the condition, written `DEV[2]` in expressions. The number of levels is the largest
    /// value plus one (at least 2). Missing values stay missing.
    ///
    /// # Errors
    /// [`DataError::UnknownColumn`], [`DataError::TextNotMultiValue`] for a text column, and
    /// [`DataError::NotALevel`] for a value that is not a whole number from 0 to
    /// [`MAX_LEVELS`]` - 1`.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("DEV", vec![0.0, 1.0, 2.0])])?;
    /// let data = data.with_multi_value(&["DEV"])?;
    /// assert_eq!(data.levels("DEV")?, Some(3));
    /// assert!(fsqca::Dataset::from_columns([("A", vec![0.5])])?.with_multi_value(&["A"]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_multi_value<S: AsRef<str>>(&self, names: &[S]) -> Result<Self, DataError> {
        let mut out = self.clone();
        for name in names {
            let (j, column) = self.declared(name.as_ref(), None)?;
            out.columns[j] = Arc::new(column);
        }
        Ok(out)
    }

    /// Column `name` declared multi-value, with `levels` levels or as many as its largest
    /// value needs; and its position.
    fn declared(&self, name: &str, levels: Option<u32>) -> Result<(usize, Column), DataError> {
        let j = self.column_index(name)?;
        let Column::Numbers {
            values, missing, ..
        } = &*self.columns[j]
        else {
            return Err(DataError::TextNotMultiValue {
                column: name.to_owned(),
            });
        };
        let mut max = 0u32;
        for (i, &v) in values.iter().enumerate() {
            if missing.binary_search(&i).is_ok() {
                continue;
            }
            match as_level(v) {
                Some(l) => max = max.max(l),
                None => {
                    return Err(DataError::NotALevel {
                        column: name.to_owned(),
                        case: self.cases[i].clone(),
                        value: v,
                        max: MAX_LEVELS - 1,
                    })
                }
            }
        }
        let column = Column::Numbers {
            values: values.clone(),
            missing: missing.clone(),
            levels: Some(levels.unwrap_or((max + 1).max(2))),
        };
        column.check(name, &self.cases)?;
        Ok((j, column))
    }

    /// Declares one column a multi-value condition with `levels` levels (`0..levels`), for a
    /// condition whose highest levels are not observed in the data.
    ///
    /// # Errors
    /// As [`Dataset::with_multi_value`], and [`DataError::NotALevel`] when a value is not below
    /// `levels` or `levels` is not from 2 to [`MAX_LEVELS`].
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("M", vec![0.0, 1.0])])?.with_levels("M", 4)?;
    /// assert_eq!(data.levels("M")?, Some(4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_levels(&self, name: &str, levels: u32) -> Result<Self, DataError> {
        let (j, column) = self.declared(name, Some(levels))?;
        let mut out = self.clone();
        out.columns[j] = Arc::new(column);
        Ok(out)
    }

    /// Declares as multi-value those of the named columns that look like one by a narrow rule,
    /// and says which: a column of plain numbers whose values are all whole numbers, the largest
    /// at least 2 and at most 9, with every level from 0 to the largest observed. Percentages,
    /// ranks (no level 0), a typo such as `10` in a 0/1 column (levels 2 to 9 never observed)
    /// are not taken: such a column stays plain numbers, and an analysis then refuses its values
    /// outside [0, 1]. Columns already declared, and text columns, are left as they are.
    ///
    /// Prefer [`Dataset::with_multi_value`], which says what the data are; this is for callers
    /// (like the command-line tool) that must accept undeclared multi-value data, and it reports
    /// every column it declared so that the caller can warn.
    ///
    /// # Errors
    /// [`DataError::UnknownColumn`] for a name the data set lacks.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([
    ///     ("DEV", vec![0.0, 1.0, 2.0, 1.0]),
    ///     ("ES", vec![0.0, 1.0, 10.0, 1.0]),
    ///     ("A", vec![0.2, 0.9, 0.4, 1.0]),
    /// ])?;
    /// let (data, inferred) = data.infer_multi_value(&["DEV", "ES", "A"])?;
    /// assert_eq!(inferred, ["DEV"]);
    /// assert_eq!(data.levels("DEV")?, Some(3));
    /// assert_eq!(data.levels("ES")?, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn infer_multi_value<S: AsRef<str>>(
        &self,
        names: &[S],
    ) -> Result<(Self, Vec<String>), DataError> {
        let mut inferred = Vec::new();
        for name in names {
            let name = name.as_ref();
            let j = self.column_index(name)?;
            if let Column::Numbers {
                values,
                missing,
                levels: None,
            } = &*self.columns[j]
            {
                if looks_multi_value(values, missing) && !inferred.iter().any(|n| n == name) {
                    inferred.push(name.to_owned());
                }
            }
        }
        Ok((self.with_multi_value(&inferred)?, inferred))
    }

    /// The missing values of every column that has any, in column order.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_reader("case,A,B\nx,1,\ny,,0\n".as_bytes())?;
    /// let missing = data.missing();
    /// assert_eq!((missing[0].column.as_str(), missing[0].cases.clone()), ("A", vec!["y".to_string()]));
    /// assert_eq!((missing[1].column.as_str(), missing[1].cases.clone()), ("B", vec!["x".to_string()]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn missing(&self) -> Vec<MissingValues> {
        self.names
            .iter()
            .zip(&self.columns)
            .filter_map(|(name, column)| {
                let cases: Vec<String> = column
                    .missing()
                    .iter()
                    .map(|&i| self.cases[i].clone())
                    .collect();
                (!cases.is_empty()).then(|| MissingValues {
                    column: name.clone(),
                    cases,
                })
            })
            .collect()
    }

    /// Checks that the named columns exist, hold numbers and have no missing value.
    ///
    /// # Errors
    /// [`DataError::UnknownColumn`], [`DataError::NotNumeric`] for a text column, or
    /// [`DataError::Missing`] naming the first column with missing values and its cases.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_reader("case,A,B\nx,1,\ny,0,0\n".as_bytes())?;
    /// assert!(data.require_complete(&["A"]).is_ok());
    /// assert!(data.require_complete(&["A", "B"]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn require_complete<S: AsRef<str>>(&self, names: &[S]) -> Result<(), DataError> {
        for name in names {
            let j = self.column_index(name.as_ref())?;
            let column = &*self.columns[j];
            if column.is_text() {
                return Err(self.not_numeric(j, column));
            }
            let missing = column.missing();
            if !missing.is_empty() {
                return Err(DataError::Missing {
                    column: self.names[j].clone(),
                    cases: missing.iter().map(|&i| self.cases[i].clone()).collect(),
                });
            }
        }
        Ok(())
    }

    /// A new data set without the cases that miss a value in any of the named columns.
    ///
    /// # Errors
    /// [`DataError::UnknownColumn`] for an unknown name; [`DataError::Empty`] when no case is
    /// left.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_reader("case,A,B\nx,1,\ny,0,0\n".as_bytes())?;
    /// assert_eq!(data.drop_missing(&["A", "B"])?.cases(), ["y"]);
    /// assert_eq!(data.drop_missing(&["A"])?.n_cases(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn drop_missing<S: AsRef<str>>(&self, names: &[S]) -> Result<Self, DataError> {
        let cols = names
            .iter()
            .map(|n| self.column_index(n.as_ref()))
            .collect::<Result<Vec<_>, _>>()?;
        let mut dropped = vec![false; self.n_cases()];
        for &j in &cols {
            for &i in self.columns[j].missing() {
                dropped[i] = true;
            }
        }
        if !dropped.contains(&true) {
            return Ok(self.clone());
        }
        let keep: Vec<usize> = (0..self.n_cases()).filter(|&i| !dropped[i]).collect();
        let cases = keep.iter().map(|&i| self.cases[i].clone()).collect();
        let columns = self.columns.iter().map(|c| c.rows(&keep)).collect();
        Self::validated(cases, self.names.clone(), columns, keep.len())
    }

    /// Writes the data set as CSV: a header `case,NAME,...`, then one record per case, its label
    /// first; numbers in their shortest form that reads back as the same `f64`, a missing value
    /// as an empty cell. [`Dataset::from_reader`] reads the output back unchanged.
    ///
    /// # Errors
    /// [`DataError::Write`] when the writer fails.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_reader("case,A,region\nx,0.25,north\ny,,south\n".as_bytes())?;
    /// let mut out = Vec::new();
    /// data.write_csv(&mut out)?;
    /// assert_eq!(String::from_utf8(out)?, "case,A,region\nx,0.25,north\ny,,south\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv<W: io::Write>(&self, writer: W) -> Result<(), DataError> {
        let into_io = |e: ::csv::Error| match e.into_kind() {
            ::csv::ErrorKind::Io(e) => DataError::Write(e),
            other => DataError::Write(io::Error::other(format!("{other:?}"))),
        };
        let mut out = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::Any(b'\n'))
            .from_writer(writer);
        out.write_field("case").map_err(into_io)?;
        for name in &self.names {
            out.write_field(name).map_err(into_io)?;
        }
        out.write_record(None::<&[u8]>).map_err(into_io)?;
        let mut cell = String::new();
        for (i, case) in self.cases.iter().enumerate() {
            out.write_field(case).map_err(into_io)?;
            for column in &self.columns {
                cell.clear();
                column.push_cell_text(i, &mut cell);
                out.write_field(&cell).map_err(into_io)?;
            }
            out.write_record(None::<&[u8]>).map_err(into_io)?;
        }
        out.flush().map_err(DataError::Write)
    }
}

/// Labels `1`, `2`, ... for `n` cases.
pub(super) fn numbered(n: usize) -> Vec<String> {
    (1..=n).map(|i| i.to_string()).collect()
}

/// Refuses empty (1-based position) and duplicate names.
fn check_names(names: &[String]) -> Result<(), DataError> {
    let mut seen = HashSet::with_capacity(names.len());
    for (index, name) in names.iter().enumerate() {
        if name.trim().is_empty() {
            return Err(DataError::EmptyColumnName {
                position: index + 1,
            });
        }
        if !seen.insert(name.as_str()) {
            return Err(DataError::DuplicateColumn { name: name.clone() });
        }
    }
    Ok(())
}

/// The level a value names: a whole number from 0 to `MAX_LEVELS - 1`.
fn as_level(v: f64) -> Option<u32> {
    (v.fract() == 0.0 && (0.0..f64::from(MAX_LEVELS)).contains(&v)).then_some(v as u32)
}

/// The narrow rule of [`Dataset::infer_multi_value`].
fn looks_multi_value(values: &[f64], missing: &[usize]) -> bool {
    const MAX_INFERRED_LEVEL: u32 = 9;
    let mut seen = [false; MAX_INFERRED_LEVEL as usize + 1];
    for (i, &v) in values.iter().enumerate() {
        if missing.binary_search(&i).is_ok() {
            continue;
        }
        match as_level(v) {
            Some(l) if l <= MAX_INFERRED_LEVEL => seen[l as usize] = true,
            _ => return false,
        }
    }
    let top = seen.iter().rposition(|&s| s).unwrap_or(0);
    top >= 2 && seen[..=top].iter().all(|&s| s)
}

impl PartialEq for Column {
    /// Equal cells: missing where the other is missing, the same value elsewhere.
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (
                Column::Numbers {
                    values: a,
                    missing: ma,
                    levels: la,
                },
                Column::Numbers {
                    values: b,
                    missing: mb,
                    levels: lb,
                },
            ) => {
                ma == mb
                    && la == lb
                    && a.len() == b.len()
                    && a.iter()
                        .zip(b)
                        .all(|(x, y)| x == y || (x.is_nan() && y.is_nan()))
            }
            (
                Column::Text {
                    cells: a,
                    first_case: fa,
                    ..
                },
                Column::Text {
                    cells: b,
                    first_case: fb,
                    ..
                },
            ) => a == b && fa == fb,
            _ => false,
        }
    }
}

impl Column {
    pub(super) fn numbers(values: Vec<f64>, missing: Vec<usize>) -> Self {
        Column::Numbers {
            values,
            missing,
            levels: None,
        }
    }

    /// A text column built in memory: its first cell that is not a number is the one named
    /// when it is used as numbers.
    pub(super) fn text(cells: Vec<String>) -> Self {
        let first_case = cells
            .iter()
            .position(|c| {
                let c = c.trim();
                !c.is_empty() && c.parse::<f64>().is_err()
            })
            .unwrap_or(0);
        Column::Text {
            cells,
            first_line: None,
            first_case,
        }
    }

    fn len(&self) -> usize {
        match self {
            Column::Numbers { values, .. } => values.len(),
            Column::Text { cells, .. } => cells.len(),
        }
    }

    fn is_text(&self) -> bool {
        matches!(self, Column::Text { .. })
    }

    fn missing(&self) -> &[usize] {
        match self {
            Column::Numbers { missing, .. } => missing,
            Column::Text { .. } => &[],
        }
    }

    /// Checks finite values, missing indices, levels and the first text cell.
    fn check(&self, name: &str, cases: &[String]) -> Result<(), DataError> {
        match self {
            Column::Numbers {
                values,
                missing,
                levels,
            } => {
                if missing.windows(2).any(|w| w[0] >= w[1])
                    || missing.last().is_some_and(|&i| i >= values.len())
                {
                    return Err(DataError::UnequalLengths {
                        what: format!("the missing cases of column `{name}`"),
                        expected: values.len(),
                        found: missing.len(),
                    });
                }
                if levels.is_some_and(|l| !(2..=MAX_LEVELS).contains(&l)) {
                    return Err(DataError::NotALevel {
                        column: name.to_owned(),
                        case: cases.first().cloned().unwrap_or_default(),
                        value: f64::from(levels.unwrap_or(0)),
                        max: MAX_LEVELS - 1,
                    });
                }
                let mut next_missing = missing.iter().peekable();
                for (i, &v) in values.iter().enumerate() {
                    if next_missing.next_if_eq(&&i).is_some() {
                        continue;
                    }
                    if !v.is_finite() {
                        return Err(DataError::NotFinite {
                            column: name.to_owned(),
                            case: cases[i].clone(),
                            value: v,
                        });
                    }
                    if let Some(levels) = levels {
                        if as_level(v).is_none_or(|l| l >= *levels) {
                            return Err(DataError::NotALevel {
                                column: name.to_owned(),
                                case: cases[i].clone(),
                                value: v,
                                max: levels.saturating_sub(1).min(MAX_LEVELS - 1),
                            });
                        }
                    }
                }
                Ok(())
            }
            Column::Text {
                cells, first_case, ..
            } => {
                if *first_case >= cells.len() {
                    return Err(DataError::UnequalLengths {
                        what: format!("text column `{name}`"),
                        expected: *first_case + 1,
                        found: cells.len(),
                    });
                }
                Ok(())
            }
        }
    }

    /// The column restricted to the given cases (increasing indices).
    fn rows(&self, keep: &[usize]) -> Self {
        match self {
            Column::Numbers {
                values,
                missing,
                levels,
            } => Column::Numbers {
                values: keep.iter().map(|&i| values[i]).collect(),
                missing: keep
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| missing.binary_search(i).is_ok())
                    .map(|(r, _)| r)
                    .collect(),
                levels: *levels,
            },
            Column::Text {
                cells,
                first_line,
                first_case,
            } => {
                let first = keep.iter().position(|&i| i >= *first_case).unwrap_or(0);
                Column::Text {
                    cells: keep.iter().map(|&i| cells[i].clone()).collect(),
                    first_line: if keep.get(first) == Some(first_case) {
                        *first_line
                    } else {
                        None
                    },
                    first_case: first,
                }
            }
        }
    }

    fn cell_text(&self, i: usize) -> String {
        let mut s = String::new();
        self.push_cell_text(i, &mut s);
        s
    }

    fn push_cell_text(&self, i: usize, out: &mut String) {
        use std::fmt::Write as _;
        match self {
            Column::Numbers {
                values, missing, ..
            } => {
                if missing.binary_search(&i).is_err() {
                    let _ = write!(out, "{}", values[i]);
                }
            }
            Column::Text { cells, .. } => out.push_str(&cells[i]),
        }
    }
}

impl fmt::Display for Dataset {
    /// Prints the data set as an aligned text table, case labels first.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = |s: &str| s.chars().count();
        let label_width = self.cases.iter().map(|c| width(c)).max().unwrap_or(0);
        let cells: Vec<Vec<String>> = self
            .columns
            .iter()
            .map(|c| {
                (0..self.n_cases())
                    .map(|i| match c.missing().binary_search(&i) {
                        Ok(_) => "NA".to_owned(),
                        Err(_) => c.cell_text(i),
                    })
                    .collect()
            })
            .collect();
        let widths: Vec<usize> = self
            .names
            .iter()
            .zip(&cells)
            .map(|(n, col)| col.iter().map(|c| width(c)).fold(width(n), usize::max))
            .collect();
        pad_left(f, "", label_width)?;
        for (name, w) in self.names.iter().zip(&widths) {
            f.write_str("  ")?;
            pad_left(f, name, *w)?;
        }
        writeln!(f)?;
        for (i, case) in self.cases.iter().enumerate() {
            pad_right(f, case, label_width)?;
            for (col, w) in cells.iter().zip(&widths) {
                f.write_str("  ")?;
                pad_left(f, &col[i], *w)?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
mod repr {
    //! The serialised form of a [`Dataset`], validated on the way in.

    use super::{Column, DataError, Dataset};

    /// A data set as serialised: labels, then named columns.
    #[derive(serde::Serialize, serde::Deserialize)]
    pub(super) struct DatasetRepr {
        cases: Vec<String>,
        columns: Vec<ColumnRepr>,
    }

    /// One column as serialised.
    #[derive(serde::Serialize, serde::Deserialize)]
    struct ColumnRepr {
        name: String,
        #[serde(flatten)]
        cells: CellsRepr,
    }

    /// A column's cells: numbers (`null` where missing, with the levels of a multi-value
    /// condition) or text.
    #[derive(serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum CellsRepr {
        Numbers {
            values: Vec<Option<f64>>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            levels: Option<u32>,
        },
        Text {
            cells: Vec<String>,
            first_case: usize,
        },
    }

    impl From<Dataset> for DatasetRepr {
        fn from(data: Dataset) -> Self {
            let columns = data
                .names
                .iter()
                .zip(&data.columns)
                .map(|(name, column)| ColumnRepr {
                    name: name.clone(),
                    cells: match &**column {
                        Column::Numbers {
                            values,
                            missing,
                            levels,
                        } => CellsRepr::Numbers {
                            values: values
                                .iter()
                                .enumerate()
                                .map(|(i, &v)| missing.binary_search(&i).is_err().then_some(v))
                                .collect(),
                            levels: *levels,
                        },
                        Column::Text {
                            cells, first_case, ..
                        } => CellsRepr::Text {
                            cells: cells.clone(),
                            first_case: *first_case,
                        },
                    },
                })
                .collect();
            Self {
                cases: data.cases.to_vec(),
                columns,
            }
        }
    }

    impl TryFrom<DatasetRepr> for Dataset {
        type Error = DataError;

        fn try_from(repr: DatasetRepr) -> Result<Self, DataError> {
            let n = repr.cases.len();
            let (names, columns) = repr
                .columns
                .into_iter()
                .map(|c| {
                    let column = match c.cells {
                        CellsRepr::Numbers { values, levels } => Column::Numbers {
                            missing: (0..values.len()).filter(|&i| values[i].is_none()).collect(),
                            values: values.iter().map(|v| v.unwrap_or(f64::NAN)).collect(),
                            levels,
                        },
                        CellsRepr::Text { cells, first_case } => Column::Text {
                            cells,
                            first_line: None,
                            first_case,
                        },
                    };
                    (c.name, column)
                })
                .unzip();
            Dataset::validated(repr.cases, names, columns, n)
        }
    }
}
