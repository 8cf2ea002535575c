//! The errors of the data module.

use std::io;

use crate::sets::SetError;

/// Errors raised while building, reading or querying a [`Dataset`](crate::Dataset).
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
    #[error("unknown column `{name}` (columns are: {})", available.join(", "))]
    UnknownColumn {
        /// The name asked for.
        name: String,
        /// The columns that exist.
        available: Vec<String>,
    },
    /// Two columns share one name.
    #[error("duplicate column name `{name}`")]
    DuplicateColumn {
        /// The repeated name.
        name: String,
    },
    /// A column name is empty.
    #[error("column {position} has an empty name")]
    EmptyColumnName {
        /// 1-based position of the column (in a CSV file: the field of the header row).
        position: usize,
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
    /// A column that an analysis uses holds a cell that is not a number.
    #[error("column `{column}` is not numeric: {} holds `{value}`", place(.line, .case))]
    NotNumeric {
        /// Column name.
        column: String,
        /// 1-based line of the first such cell in the file (`None` for a column built in memory).
        line: Option<u64>,
        /// Label of the case of that cell.
        case: String,
        /// The cell's text.
        value: String,
    },
    /// A membership lies outside [0, 1] in a column that is not a declared multi-value
    /// condition.
    #[error(
        "column `{column}`, case `{case}`: value {value} is not a membership in [0, 1]{hint}",
        value = crate::number::short(.value),
        hint = if *.whole_numbers {
            "; the column holds whole numbers: if it is a multi-value condition, declare it \
             (`--multi-value NAME` on the command line, `Dataset::with_multi_value` in Rust)"
        } else {
            "; calibrate the column first"
        }
    )]
    NotAMembership {
        /// The column (condition or outcome).
        column: String,
        /// The case's label.
        case: String,
        /// The offending value.
        value: f64,
        /// Whether every value of the column is a whole number from 0 (a multi-value
        /// condition not declared, or a typo such as `10` for `1`).
        whole_numbers: bool,
    },
    /// A column declared multi-value holds a value that is not a level (a whole number from 0).
    #[error("column `{column}`, case `{case}`: value {value} is not a multi-value level (a whole number from 0 to {max})")]
    NotALevel {
        /// Column name.
        column: String,
        /// Case label.
        case: String,
        /// The offending value.
        value: f64,
        /// The largest level allowed.
        max: u32,
    },
    /// A text column cannot be declared multi-value.
    #[error("column `{column}` is text, not a multi-value condition")]
    TextNotMultiValue {
        /// Column name.
        column: String,
    },
    /// A level literal (`DEV[1]`) names a condition that is neither a declared multi-value one
    /// nor crisp (0 or 1).
    #[error("`{literal}`: condition `{name}` is neither multi-value nor crisp (declare it multi-value, or write `{name}` or `~{name}`)")]
    NotMultiValue {
        /// The literal as written.
        literal: String,
        /// The condition.
        name: String,
    },
    /// A level literal names a level the multi-value condition does not have.
    #[error("`{literal}`: condition `{name}` has no level {level} (its levels are 0 to {})", .levels - 1)]
    NoSuchLevel {
        /// The literal as written.
        literal: String,
        /// The condition.
        name: String,
        /// The level asked for.
        level: u32,
        /// The condition's number of levels.
        levels: u32,
    },
    /// A plain literal (`DEV`) names a multi-value condition with more than two levels.
    #[error("`{literal}`: condition `{name}` is multi-value with {levels} levels: name its levels, as `{name}[1]`")]
    LevelsRequired {
        /// The literal as written.
        literal: String,
        /// The condition.
        name: String,
        /// The condition's number of levels.
        levels: u32,
    },
    /// Some cases have missing values in columns that an analysis needs.
    #[error("missing values in column `{column}` for cases: {}", cases.join(", "))]
    Missing {
        /// Column name.
        column: String,
        /// The cases with a missing value.
        cases: Vec<String>,
    },
    /// A field of a CSV record is not valid UTF-8.
    #[error("line {line}, field {field}: the text is not valid UTF-8 (save the file as UTF-8)")]
    InvalidUtf8 {
        /// 1-based line number in the file.
        line: u64,
        /// 1-based field number on that line.
        field: usize,
    },
    /// A quoted CSV field holds a line break: most often a quote that lost its partner, which
    /// would merge two records into one.
    #[error("line {line}, field {field}: a quoted field runs across a line break (a missing closing quote?)")]
    LineBreakInField {
        /// 1-based line number where the record starts.
        line: u64,
        /// 1-based field number in the record.
        field: usize,
    },
    /// A field or record is longer than the reader's limit.
    #[error("line {line}: {what} is longer than {limit} bytes")]
    TooLong {
        /// 1-based line number where the record starts.
        line: u64,
        /// `"a field"` or `"a record"`.
        what: &'static str,
        /// The limit in bytes.
        limit: usize,
    },
    /// The header is one field holding another delimiter: the file is separated by it.
    #[error(
        "the header is the single field `{header}`: the file looks separated by {}, not {} \
         (set the delimiter: `--delimiter` on the command line, `CsvOptions::delimiter` in Rust)",
        delimiter_name(*.found),
        delimiter_name(*.expected)
    )]
    WrongDelimiter {
        /// The header's only field (shortened).
        header: String,
        /// The delimiter that the header holds.
        found: char,
        /// The delimiter the reader used.
        expected: char,
    },
    /// A column read as a fuzzy set ([`Dataset::fuzzy_set`](crate::Dataset::fuzzy_set)) holds
    /// a value outside [0, 1]: the set's error, kept as the [`source`](std::error::Error::source).
    #[error("{0}")]
    Set(#[from] SetError),
    /// The CSV reader failed on malformed input.
    #[error("CSV error: {0}")]
    Csv(#[from] csv::Error),
    /// A CSV file could not be written.
    #[error("cannot write CSV: {0}")]
    Write(#[source] io::Error),
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

/// A delimiter as a message names it: `;`, or "a tab" (a tab would print as white space).
fn delimiter_name(c: char) -> String {
    match c {
        '\t' => "a tab".to_owned(),
        ' ' => "a space".to_owned(),
        c => format!("`{c}`"),
    }
}

/// Where a cell is: its line in the file when known, else its case.
fn place(line: &Option<u64>, case: &str) -> String {
    match line {
        Some(line) => format!("line {line}"),
        None => format!("case `{case}`"),
    }
}
