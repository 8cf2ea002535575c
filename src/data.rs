//! Data sets: named columns of numbers over labelled cases.
//!
//! A [`Dataset`] is the raw or calibrated data of a QCA study: one row per case (a country, a
//! province, an organisation), one column per condition or outcome. It is built from an
//! [`ndarray::Array2`], from named columns, or read from CSV.
//!
//! Missing values (empty CSV cells, or `None` given to [`Dataset::from_columns_with_missing`]) are
//! kept and reported per column by [`Dataset::missing`]; every analysis that meets one refuses
//! with an error that names the cases, unless the data are first passed through
//! [`Dataset::drop_missing`].

use std::collections::HashSet;
use std::fmt;
use std::io;
use std::path::Path;

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};

use crate::sets::FuzzySet;

/// Errors raised while building, reading or querying a [`Dataset`].
///
/// # Example
/// ```
/// use fsqca::{DataError, Dataset};
/// let data = Dataset::from_columns([("A", vec![0.2, 0.8])])?;
/// assert!(matches!(data.column("B"), Err(DataError::UnknownColumn { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DataError {
    /// The data set has no case or no column.
    #[error("the data set is empty ({cases} cases, {columns} columns)")]
    Empty {
        /// Number of cases found.
        cases: usize,
        /// Number of columns found.
        columns: usize,
    },
    /// A column name was asked for that the data set does not have.
    #[error("unknown column `{name}` (columns are: {available})")]
    UnknownColumn {
        /// The name asked for.
        name: String,
        /// The columns that exist, comma-separated.
        available: String,
    },
    /// Two columns share one name.
    #[error("duplicate column name `{name}`")]
    DuplicateColumn {
        /// The repeated name.
        name: String,
    },
    /// A column name is empty.
    #[error("column {index} has an empty name")]
    EmptyColumnName {
        /// 0-based position of the column.
        index: usize,
    },
    /// Columns (or names and columns, or case labels and rows) differ in length.
    #[error("unequal lengths: {what} has {found} entries, expected {expected}")]
    UnequalLengths {
        /// What has the wrong length.
        what: String,
        /// The expected length.
        expected: usize,
        /// The length found.
        found: usize,
    },
    /// A value is NaN or infinite.
    #[error("column `{column}`, case `{case}`: value {value} is not a finite number")]
    NotFinite {
        /// Column name.
        column: String,
        /// Case label.
        case: String,
        /// The offending value.
        value: f64,
    },
    /// A CSV record has a different number of fields than the header.
    #[error("line {line}: {found} fields, but the header has {expected}")]
    RaggedRow {
        /// 1-based line number in the file.
        line: u64,
        /// Number of fields in the header.
        expected: usize,
        /// Number of fields on this line.
        found: usize,
    },
    /// A CSV cell is not a number.
    #[error("line {line}, column `{column}`: `{value}` is not a number")]
    NotNumeric {
        /// 1-based line number in the file.
        line: u64,
        /// Column name.
        column: String,
        /// The cell's text.
        value: String,
    },
    /// Some cases have missing values in columns that an analysis needs.
    #[error("missing values in column `{column}` for cases: {cases}")]
    Missing {
        /// Column name.
        column: String,
        /// The cases with a missing value, comma-separated.
        cases: String,
    },
    /// The CSV reader failed (malformed quoting, invalid UTF-8, ...).
    #[error("CSV error: {0}")]
    Csv(#[from] csv::Error),
    /// The file could not be opened or read.
    #[error("cannot read `{path}`: {source}")]
    Io {
        /// The path given.
        path: String,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
}

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

/// A table of numeric columns over labelled cases.
///
/// Values are stored as an `Array2<f64>` with one row per case and one column per variable. All
/// values are finite; a missing value (only possible through CSV empty cells or
/// [`Dataset::from_columns_with_missing`]) is remembered and reported by [`Dataset::missing`].
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
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Dataset {
    cases: Vec<String>,
    names: Vec<String>,
    /// Cases x columns; a missing value is stored as NaN and flagged in `missing`.
    values: Array2<f64>,
    /// `missing[[case, column]]` is true where the value is missing.
    missing: Array2<bool>,
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
        let cases = (1..=n).map(|i| i.to_string()).collect();
        let missing = Array2::from_elem((n, k), false);
        Self::validated(cases, names, values, missing)
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
        Self::from_columns_with_missing(
            columns
                .into_iter()
                .map(|(name, values)| (name, values.into_iter().map(Some).collect())),
        )
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
        let columns: Vec<(String, Vec<Option<f64>>)> = columns
            .into_iter()
            .map(|(name, values)| (name.into(), values))
            .collect();
        let n = columns.first().map_or(0, |(_, v)| v.len());
        if let Some((name, col)) = columns.iter().find(|(_, v)| v.len() != n) {
            return Err(DataError::UnequalLengths {
                what: format!("column `{name}`"),
                expected: n,
                found: col.len(),
            });
        }
        let k = columns.len();
        let mut values = Array2::zeros((n, k));
        let mut missing = Array2::from_elem((n, k), false);
        for (j, (_, col)) in columns.iter().enumerate() {
            for (i, v) in col.iter().enumerate() {
                match v {
                    Some(x) => values[[i, j]] = *x,
                    None => {
                        values[[i, j]] = f64::NAN;
                        missing[[i, j]] = true;
                    }
                }
            }
        }
        let names = columns.into_iter().map(|(name, _)| name).collect();
        let cases = (1..=n).map(|i| i.to_string()).collect();
        Self::validated(cases, names, values, missing)
    }

    fn validated(
        cases: Vec<String>,
        names: Vec<String>,
        values: Array2<f64>,
        missing: Array2<bool>,
    ) -> Result<Self, DataError> {
        let (n, k) = values.dim();
        if n == 0 || k == 0 {
            return Err(DataError::Empty {
                cases: n,
                columns: k,
            });
        }
        let mut seen = HashSet::new();
        for (index, name) in names.iter().enumerate() {
            if name.trim().is_empty() {
                return Err(DataError::EmptyColumnName { index });
            }
            if !seen.insert(name.as_str()) {
                return Err(DataError::DuplicateColumn { name: name.clone() });
            }
        }
        for ((i, j), &v) in values.indexed_iter() {
            if !v.is_finite() && !missing[[i, j]] {
                return Err(DataError::NotFinite {
                    column: names[j].clone(),
                    case: cases[i].clone(),
                    value: v,
                });
            }
        }
        Ok(Self {
            cases,
            names,
            values,
            missing,
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
        self.cases = cases;
        Ok(self)
    }

    /// Reads a data set from CSV with a header row.
    ///
    /// The first column holds case labels when its header is empty or `case` (any case), or when
    /// any of its cells is not a number; otherwise cases are numbered `1`, `2`, .... Every other
    /// cell must be a number; an empty cell (or `NA`) is a missing value.
    ///
    /// # Errors
    /// [`DataError::Csv`] for malformed CSV, [`DataError::RaggedRow`] for a line with the wrong
    /// number of fields, [`DataError::NotNumeric`] for a cell that is not a number (including
    /// `NaN` and `inf`), and the errors of [`Dataset::from_array`].
    ///
    /// # Example
    /// ```
    /// use fsqca::Dataset;
    ///
    /// let csv = "case,A,Y\nSE,0.9,1\nFI,0.2,\n";
    /// let data = Dataset::from_reader(csv.as_bytes())?;
    /// assert_eq!(data.cases(), ["SE", "FI"]);
    /// assert_eq!(data.missing()[0].column, "Y");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_reader<R: io::Read>(reader: R) -> Result<Self, DataError> {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(reader);
        let header: Vec<String> = rdr.headers()?.iter().map(str::to_owned).collect();
        let width = header.len();
        // The first column holds labels when its header says so, or as soon as one of its
        // cells is not a number; until then it is kept both as text and as numbers. The
        // other columns are parsed as they are read (one pass, no copy of the records).
        let mut first_is_label = header
            .first()
            .is_some_and(|h| h.is_empty() || h.eq_ignore_ascii_case("case"));
        let mut first_text: Vec<String> = Vec::new();
        let mut first_values: Vec<Option<f64>> = Vec::new();
        let rest = width.saturating_sub(1);
        let mut values: Vec<f64> = Vec::new();
        let mut missing: Vec<bool> = Vec::new();
        let mut record = csv::StringRecord::new();
        while rdr.read_record(&mut record)? {
            let line = record.position().map_or(0, |p| p.line());
            if record.len() != width {
                return Err(DataError::RaggedRow {
                    line,
                    expected: width,
                    found: record.len(),
                });
            }
            let first = &record[0];
            if !first_is_label {
                match parse_cell(first) {
                    Ok(v) => first_values.push(v),
                    Err(()) => first_is_label = true,
                }
            }
            first_text.push(first.to_owned());
            for (j, cell) in record.iter().enumerate().skip(1) {
                match parse_cell(cell) {
                    Ok(Some(v)) => {
                        values.push(v);
                        missing.push(false);
                    }
                    Ok(None) => {
                        values.push(f64::NAN);
                        missing.push(true);
                    }
                    Err(()) => {
                        return Err(DataError::NotNumeric {
                            line,
                            column: header[j].clone(),
                            value: cell.to_owned(),
                        })
                    }
                }
            }
        }
        let n = first_text.len();
        if first_is_label {
            // Every record has `width` fields, so the shapes always agree.
            let found = values.len();
            let shape_error = |_| DataError::UnequalLengths {
                what: "the table".into(),
                expected: n * rest,
                found,
            };
            let values = Array2::from_shape_vec((n, rest), values).map_err(shape_error)?;
            let missing = Array2::from_shape_vec((n, rest), missing).map_err(shape_error)?;
            return Self::validated(first_text, header[1..].to_vec(), values, missing);
        }
        let mut all = Array2::zeros((n, width));
        let mut all_missing = Array2::from_elem((n, width), false);
        for (i, v) in first_values.iter().enumerate() {
            match v {
                Some(x) => all[[i, 0]] = *x,
                None => {
                    all[[i, 0]] = f64::NAN;
                    all_missing[[i, 0]] = true;
                }
            }
            for j in 0..rest {
                all[[i, j + 1]] = values[i * rest + j];
                all_missing[[i, j + 1]] = missing[i * rest + j];
            }
        }
        let cases = (1..=n).map(|i| i.to_string()).collect();
        Self::validated(cases, header, all, all_missing)
    }

    /// Reads a CSV file; see [`Dataset::from_reader`] for the format.
    ///
    /// # Errors
    /// [`DataError::Io`] when the file cannot be opened, and those of [`Dataset::from_reader`].
    ///
    /// # Example
    /// ```no_run
    /// let data = fsqca::Dataset::from_path("study.csv")?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_path<P: AsRef<Path>>(path: P) -> Result<Self, DataError> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|source| DataError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::from_reader(io::BufReader::new(file))
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
        self.values.nrows()
    }

    /// Number of columns.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0])])?;
    /// assert_eq!(data.n_columns(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn n_columns(&self) -> usize {
        self.values.ncols()
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

    /// The column names, in data order.
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

    /// All values as a cases x columns view (missing values are NaN here).
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.5])])?;
    /// assert_eq!(data.values().dim(), (2, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn values(&self) -> ArrayView2<'_, f64> {
        self.values.view()
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
                available: self.names.join(", "),
            })
    }

    /// One column's values, by name (missing values are NaN here; see [`Dataset::missing`]).
    ///
    /// # Errors
    /// [`DataError::UnknownColumn`] when there is no such column.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.25])])?;
    /// assert_eq!(data.column("A")?.to_vec(), [1.0, 0.25]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn column(&self, name: &str) -> Result<ArrayView1<'_, f64>, DataError> {
        Ok(self.values.column(self.column_index(name)?))
    }

    /// One column as a validated fuzzy set (values in [0, 1]).
    ///
    /// # Errors
    /// [`crate::Error::Data`] for an unknown column or missing values (naming the cases), and
    /// [`crate::Error::Set`] for values outside [0, 1].
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.25]), ("raw", vec![3.0, 7.0])])?;
    /// assert_eq!(data.fuzzy_set("A")?.name(), "A");
    /// assert!(data.fuzzy_set("raw").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fuzzy_set(&self, name: &str) -> crate::Result<FuzzySet> {
        self.require_complete(&[name])?;
        let values = self.column(name)?.to_owned();
        Ok(FuzzySet::with_cases(name, values, &self.cases)?)
    }

    /// A new data set with only the named columns, in the order given.
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
        let values = self.values.select(Axis(1), &idx);
        let missing = self.missing.select(Axis(1), &idx);
        let names = idx.iter().map(|&j| self.names[j].clone()).collect();
        Self::validated(self.cases.clone(), names, values, missing)
    }

    /// A new data set with one more column (for example a calibrated one).
    ///
    /// # Errors
    /// [`DataError::DuplicateColumn`] when the name exists, [`DataError::UnequalLengths`] when the
    /// column's length differs from the number of cases, [`DataError::NotFinite`] for NaN values.
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
        let name = name.into();
        let values: Array1<f64> = values.into();
        if values.len() != self.n_cases() {
            return Err(DataError::UnequalLengths {
                what: format!("column `{name}`"),
                expected: self.n_cases(),
                found: values.len(),
            });
        }
        let mut all = self.values.clone();
        all.push_column(values.view())
            .map_err(|_| DataError::UnequalLengths {
                what: format!("column `{name}`"),
                expected: self.n_cases(),
                found: values.len(),
            })?;
        let mut missing = self.missing.clone();
        missing
            .push_column(Array1::from_elem(self.n_cases(), false).view())
            .map_err(|_| DataError::UnequalLengths {
                what: format!("column `{name}`"),
                expected: self.n_cases(),
                found: values.len(),
            })?;
        let mut names = self.names.clone();
        names.push(name);
        Self::validated(self.cases.clone(), names, all, missing)
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
            .enumerate()
            .filter_map(|(j, name)| {
                let cases: Vec<String> = self
                    .missing
                    .column(j)
                    .iter()
                    .zip(&self.cases)
                    .filter(|(&m, _)| m)
                    .map(|(_, c)| c.clone())
                    .collect();
                (!cases.is_empty()).then(|| MissingValues {
                    column: name.clone(),
                    cases,
                })
            })
            .collect()
    }

    /// Checks that the named columns exist and have no missing value.
    ///
    /// # Errors
    /// [`DataError::UnknownColumn`], or [`DataError::Missing`] naming the first column with
    /// missing values and its cases.
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
            let cases: Vec<&str> = self
                .missing
                .column(j)
                .iter()
                .zip(&self.cases)
                .filter(|(&m, _)| m)
                .map(|(_, c)| c.as_str())
                .collect();
            if !cases.is_empty() {
                return Err(DataError::Missing {
                    column: self.names[j].clone(),
                    cases: cases.join(", "),
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
        let keep: Vec<usize> = (0..self.n_cases())
            .filter(|&i| cols.iter().all(|&j| !self.missing[[i, j]]))
            .collect();
        let values = self.values.select(Axis(0), &keep);
        let missing = self.missing.select(Axis(0), &keep);
        let cases = keep.iter().map(|&i| self.cases[i].clone()).collect();
        Self::validated(cases, self.names.clone(), values, missing)
    }
}

/// Parses one CSV cell: `Ok(None)` for a missing value, `Err(())` for text that is no number.
fn parse_cell(cell: &str) -> Result<Option<f64>, ()> {
    if cell.is_empty() || cell == "NA" {
        return Ok(None);
    }
    match cell.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(()),
    }
}

impl fmt::Display for Dataset {
    /// Prints the data set as an aligned text table, case labels first.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label_width = self.cases.iter().map(String::len).max().unwrap_or(0);
        let cells: Vec<Vec<String>> = self
            .values
            .outer_iter()
            .enumerate()
            .map(|(i, row)| {
                row.iter()
                    .enumerate()
                    .map(|(j, v)| {
                        if self.missing[[i, j]] {
                            "NA".to_owned()
                        } else {
                            format!("{v}")
                        }
                    })
                    .collect()
            })
            .collect();
        let widths: Vec<usize> = self
            .names
            .iter()
            .enumerate()
            .map(|(j, n)| cells.iter().map(|r| r[j].len()).fold(n.len(), usize::max))
            .collect();
        write!(f, "{:label_width$}", "")?;
        for (name, w) in self.names.iter().zip(&widths) {
            write!(f, "  {name:>w$}")?;
        }
        writeln!(f)?;
        for (case, row) in self.cases.iter().zip(&cells) {
            write!(f, "{case:label_width$}")?;
            for (cell, w) in row.iter().zip(&widths) {
                write!(f, "  {cell:>w$}")?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    fn has_autotraits<T: Send + Sync + Sized + Unpin>() {}

    #[test]
    fn autotraits() {
        has_autotraits::<Dataset>();
        has_autotraits::<DataError>();
    }

    #[test]
    fn rejects_empty() {
        let e = Dataset::from_array(Vec::<String>::new(), Array2::zeros((3, 0))).unwrap_err();
        assert!(matches!(
            e,
            DataError::Empty {
                cases: 3,
                columns: 0
            }
        ));
        let e = Dataset::from_reader("A,B\n".as_bytes()).unwrap_err();
        assert!(matches!(e, DataError::Empty { cases: 0, .. }));
    }

    #[test]
    fn rejects_nan_and_infinity() {
        let e = Dataset::from_array(["A"], array![[0.1], [f64::NAN]]).unwrap_err();
        assert!(matches!(e, DataError::NotFinite { ref case, .. } if case == "2"));
        let e = Dataset::from_columns([("A", vec![f64::INFINITY])]).unwrap_err();
        assert!(matches!(e, DataError::NotFinite { .. }));
    }

    #[test]
    fn rejects_bad_names() {
        let e = Dataset::from_array(["A", "A"], array![[0.1, 0.2]]).unwrap_err();
        assert!(matches!(e, DataError::DuplicateColumn { ref name } if name == "A"));
        let e = Dataset::from_array(["A", " "], array![[0.1, 0.2]]).unwrap_err();
        assert!(matches!(e, DataError::EmptyColumnName { index: 1 }));
        let e = Dataset::from_array(["A"], array![[0.1, 0.2]]).unwrap_err();
        assert!(matches!(
            e,
            DataError::UnequalLengths {
                expected: 2,
                found: 1,
                ..
            }
        ));
    }

    #[test]
    fn rejects_unequal_columns_and_labels() {
        let e = Dataset::from_columns([("A", vec![0.1, 0.2]), ("B", vec![0.3])]).unwrap_err();
        assert!(matches!(
            e,
            DataError::UnequalLengths {
                expected: 2,
                found: 1,
                ..
            }
        ));
        let d = Dataset::from_columns([("A", vec![0.1, 0.2])]).unwrap();
        assert!(matches!(
            d.with_cases(["x"]).unwrap_err(),
            DataError::UnequalLengths { .. }
        ));
    }

    #[test]
    fn unknown_column_lists_the_known_ones() {
        let d = Dataset::from_columns([("A", vec![0.1]), ("B", vec![0.2])]).unwrap();
        let e = d.column("C").unwrap_err();
        assert_eq!(e.to_string(), "unknown column `C` (columns are: A, B)");
    }

    #[test]
    fn csv_labels_detected() {
        let d = Dataset::from_reader("case,A\nx,1\ny,0\n".as_bytes()).unwrap();
        assert_eq!(d.cases(), ["x", "y"]);
        let d = Dataset::from_reader(",A\nx,1\ny,0\n".as_bytes()).unwrap();
        assert_eq!(d.cases(), ["x", "y"]);
        let d = Dataset::from_reader("name,A\nx,1\ny,0\n".as_bytes()).unwrap();
        assert_eq!(d.cases(), ["x", "y"]);
        assert_eq!(d.names(), ["A"]);
        let d = Dataset::from_reader("A,B\n1,0\n0,1\n".as_bytes()).unwrap();
        assert_eq!(d.cases(), ["1", "2"]);
        assert_eq!(d.names(), ["A", "B"]);
    }

    #[test]
    fn csv_quoted_fields_and_spaces() {
        let d = Dataset::from_reader("\"case\",\"A\"\n\"New York\", 0.5\n".as_bytes()).unwrap();
        assert_eq!(d.cases(), ["New York"]);
        assert_eq!(d.column("A").unwrap()[0], 0.5);
    }

    #[test]
    fn csv_ragged_row() {
        let e = Dataset::from_reader("case,A,B\nx,1,0\ny,1\n".as_bytes()).unwrap_err();
        assert!(matches!(
            e,
            DataError::RaggedRow {
                line: 3,
                expected: 3,
                found: 2
            }
        ));
    }

    #[test]
    fn csv_non_numeric_cell() {
        let e = Dataset::from_reader("case,A\nx,1\ny,high\n".as_bytes()).unwrap_err();
        assert_eq!(e.to_string(), "line 3, column `A`: `high` is not a number");
        let e = Dataset::from_reader("case,A\nx,NaN\n".as_bytes()).unwrap_err();
        assert!(matches!(e, DataError::NotNumeric { ref value, .. } if value == "NaN"));
    }

    #[test]
    fn csv_duplicate_header() {
        let e = Dataset::from_reader("case,A,A\nx,1,0\n".as_bytes()).unwrap_err();
        assert!(matches!(e, DataError::DuplicateColumn { .. }));
    }

    #[test]
    fn csv_invalid_utf8() {
        let e = Dataset::from_reader(&b"case,A\n\xff\xfe,1\n"[..]).unwrap_err();
        assert!(matches!(e, DataError::Csv(_)));
    }

    #[test]
    fn missing_file() {
        let e = Dataset::from_path("/no/such/file.csv").unwrap_err();
        assert!(e.to_string().starts_with("cannot read `/no/such/file.csv`"));
    }

    #[test]
    fn missing_values_are_reported_and_dropped() {
        let d = Dataset::from_reader("case,A,B\nx,1,\ny,NA,0\nz,1,1\n".as_bytes()).unwrap();
        let m = d.missing();
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].cases, ["y"]);
        let e = d.require_complete(&["A", "B"]).unwrap_err();
        assert_eq!(e.to_string(), "missing values in column `A` for cases: y");
        let e = d.fuzzy_set("B").unwrap_err();
        assert!(e.to_string().contains("cases: x"));
        let kept = d.drop_missing(&["A", "B"]).unwrap();
        assert_eq!(kept.cases(), ["z"]);
        assert!(kept.missing().is_empty());
        let e = Dataset::from_reader("case,A\nx,\n".as_bytes())
            .unwrap()
            .drop_missing(&["A"])
            .unwrap_err();
        assert!(matches!(e, DataError::Empty { cases: 0, .. }));
    }

    #[test]
    fn select_and_with_column() {
        let d = Dataset::from_columns([("A", vec![0.1, 0.2]), ("B", vec![0.3, 0.4])]).unwrap();
        let s = d.select(&["B", "A"]).unwrap();
        assert_eq!(s.names(), ["B", "A"]);
        assert_eq!(s.values()[[1, 1]], 0.2);
        assert!(matches!(
            d.select(&["A", "A"]).unwrap_err(),
            DataError::DuplicateColumn { .. }
        ));
        let w = d.with_column("C", vec![1.0, 0.0]).unwrap();
        assert_eq!(w.column("C").unwrap().to_vec(), [1.0, 0.0]);
        assert!(matches!(
            d.with_column("C", vec![1.0]).unwrap_err(),
            DataError::UnequalLengths { .. }
        ));
        assert!(matches!(
            d.with_column("A", vec![1.0, 0.0]).unwrap_err(),
            DataError::DuplicateColumn { .. }
        ));
    }

    #[test]
    fn display_is_aligned() {
        let d = Dataset::from_reader("case,A,Bee\nx,1,\nlong,0.25,0\n".as_bytes()).unwrap();
        let text = d.to_string();
        assert_eq!(text, "         A  Bee\nx        1   NA\nlong  0.25    0\n");
    }
}
