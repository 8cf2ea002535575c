//! Errors raised while building a truth table.

use std::convert::Infallible;

use crate::data::DataError;
use crate::expression::ExpressionError;
use crate::fit::CutoffError;
use crate::number::short;

/// Errors raised while building a truth table: its own, and those of the lower stages it can
/// meet, each kept as the [`source`](std::error::Error::source): the data's
/// ([`TruthTableError::Data`]: unknown columns, missing values, values that are neither
/// memberships nor levels) and the expression grammar's ([`TruthTableError::InvalidName`]: an
/// outcome or a condition it cannot write).
///
/// Every variant carries the offending value.
///
/// # Example
/// ```
/// use fsqca::{Dataset, DataError, TruthTableError, TruthTableOptions};
///
/// let data = Dataset::from_columns([("A", vec![0.2, 0.8]), ("Y", vec![0.1, 0.9])])?;
/// let err = TruthTableOptions::default()
///     .build(&data, "Y", &["A", "A"])
///     .unwrap_err();
/// assert!(matches!(err, TruthTableError::DuplicateCondition { .. }));
/// let err = TruthTableOptions::default().build(&data, "Y", &["B"]).unwrap_err();
/// assert!(matches!(err, TruthTableError::Data(DataError::UnknownColumn { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TruthTableError {
    /// No condition was given.
    #[error("no conditions given")]
    NoConditions,
    /// A condition was given twice.
    #[error("condition `{name}` is given more than once")]
    DuplicateCondition {
        /// The repeated condition.
        name: String,
    },
    /// The outcome is also one of the conditions.
    #[error("the outcome `{name}` is also among the conditions")]
    OutcomeIsCondition {
        /// The outcome's name.
        name: String,
    },
    /// An inclusion or PRI cut-off (`incl`, `incl (ic0)` or `PRI`) is NaN or outside [0, 1].
    #[error("{0}")]
    InvalidCutoff(#[from] CutoffError),
    /// The lower inclusion cut-off (ic0, below which a row is negative) is above the upper one.
    #[error("inclusion cut-offs: ic0 = {ic0} is above ic1 = {ic1}", ic0 = short(.ic0), ic1 = short(.ic1))]
    CutoffOrder {
        /// The upper cut-off (positive rows).
        ic1: f64,
        /// The lower cut-off (contradictions).
        ic0: f64,
    },
    /// The frequency cut-off is zero (a row needs at least one case to be observed).
    #[error("the frequency cut-off must be at least 1, got {n_cut}")]
    InvalidFrequencyCutoff {
        /// The offending value.
        n_cut: usize,
    },
    /// More conditions than a configuration can be indexed with.
    #[error("{n} conditions given, at most {max} are supported")]
    TooManyConditions {
        /// Number of conditions given.
        n: usize,
        /// The largest number supported.
        max: usize,
    },
    /// The number of configurations (the product of the conditions' numbers of levels) does not
    /// fit the row index.
    #[error("the conditions have {levels:?} levels: their {log2:.1}-bit configuration space exceeds the 63-bit row index")]
    TooManyConfigurations {
        /// The number of levels of each condition.
        levels: Vec<u32>,
        /// log2 of the number of configurations.
        log2: f64,
    },
    /// The complete table (with every remainder) was asked for but has too many rows.
    #[error("the complete truth table would have {rows} rows, at most {max} are allowed")]
    CompleteTooLarge {
        /// Number of rows of the complete table.
        rows: u64,
        /// The limit, [`MAX_COMPLETE_ROWS`](crate::truth_table::MAX_COMPLETE_ROWS).
        max: u64,
    },
    /// An outcome given as text that is not an [`Outcome`](crate::expression::Outcome) (an
    /// empty name: [`ExpressionError::EmptyOutcome`]), or a condition or outcome whose name the
    /// expression grammar cannot write ([`check_name`](crate::expression::check_name)): a model
    /// or an expression could not name it unambiguously (`A*B`, `GDP pc`).
    #[error("{0}")]
    InvalidName(#[from] ExpressionError),
    /// The data set cannot give the columns: an unknown column, missing values (unless
    /// [`drop_missing`](crate::TruthTableOptions::drop_missing)), a value that is neither a
    /// membership nor a level of a declared multi-value condition, too many levels.
    #[error("{0}")]
    Data(#[from] DataError),
    /// A deserialised truth table whose parts do not fit together (with the `serde` feature):
    /// a row whose configuration is not within the levels or whose id is not its
    /// configuration's, a row listed twice, numbers of levels that are not one per condition,
    /// outcome memberships that are not one per case or not in [0, 1]. A table built by
    /// [`TruthTableOptions::build`](crate::TruthTableOptions::build) is always consistent.
    #[error("inconsistent truth table: {reason}")]
    Inconsistent {
        /// What does not fit, with the offending values.
        reason: String,
    },
}

impl From<Infallible> for TruthTableError {
    /// Lets [`TruthTableOptions::build`](crate::TruthTableOptions::build) take an outcome
    /// that converts without failing (an [`Outcome`](crate::expression::Outcome) or a
    /// reference to one).
    fn from(never: Infallible) -> Self {
        match never {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extreme_values_print_short() {
        let e = TruthTableError::InvalidCutoff(CutoffError {
            name: "PRI",
            value: -1e-9,
        });
        assert_eq!(e.to_string(), "PRI cut-off -1e-9 is outside [0, 1]");
        let e = TruthTableError::CutoffOrder {
            ic1: 0.8,
            ic0: 1e300,
        };
        assert_eq!(
            e.to_string(),
            "inclusion cut-offs: ic0 = 1e300 is above ic1 = 0.8"
        );
    }
}
