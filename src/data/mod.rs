//! Data sets: named columns over labelled cases, and how they are read from CSV.
//!
//! A [`Dataset`] is the raw or calibrated data of a QCA study: one row per case (a country, a
//! province, an organisation), one column per condition, outcome or descriptive variable. It is
//! built from an [`ndarray::Array2`], from named columns, or read from CSV ([`CsvOptions`]).
//!
//! Columns are of three kinds ([`ColumnKind`]):
//! - **numbers**: raw measures or set memberships (a membership is a number in [0, 1]);
//! - **multi-value** conditions, declared with [`Dataset::with_multi_value`]: whole numbers
//!   0, 1, 2, ... that name the levels of a condition (`DEV[2]`). A column is never taken as
//!   multi-value because its values happen to be integers: a typo (`10` for `1`), a percentage
//!   or a rank would otherwise change the analysis without a word. [`Dataset::infer_multi_value`]
//!   applies a narrow, documented rule for callers who want inference, and says what it inferred;
//! - **text**: a column with a cell that is not a number (a country name, a region). Text
//!   columns are kept (and written back by [`Dataset::write_csv`]), and an analysis that uses
//!   one fails with an error naming the first such cell.
//!
//! Missing values (empty CSV cells and `NA` by default, or `None` given to
//! [`Dataset::from_columns_with_missing`]) are kept and reported per column by
//! [`Dataset::missing`]; every analysis that meets one refuses with an error that names the
//! cases, unless the data are first passed through [`Dataset::drop_missing`].

mod dataset;
mod error;
mod reader;

pub use self::dataset::{ColumnKind, Dataset, MissingValues, MAX_LEVELS};
pub use self::error::DataError;
pub use self::reader::{CsvOptions, Labels, ReadNote};

#[cfg(test)]
mod tests;
