//! The errors of the fit functions, and the one check of a cut-off that every stage taking
//! cut-offs shares.

use crate::data::DataError;
use crate::expression::ExpressionError;
use crate::number::short;

/// A cut-off (of inclusion, PRI, coverage, relevance) that is NaN or outside [0, 1]: one check
/// and one message for every stage that takes cut-offs (the truth table's
/// [`TruthTableError::InvalidCutoff`](crate::truth_table::TruthTableError::InvalidCutoff)
/// and [`FitError::InvalidCutoff`] wrap it).
///
/// # Example
/// ```
/// use fsqca::fit::{CutoffError, FitError, SuperSubsetOptions};
/// let err = SuperSubsetOptions::new().incl_cutoff(1.5).validate().unwrap_err();
/// assert!(matches!(err, FitError::InvalidCutoff(CutoffError { name: "incl", value }) if value == 1.5));
/// assert_eq!(err.to_string(), "incl cut-off 1.5 is outside [0, 1]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[error("{name} cut-off {value} is outside [0, 1]", value = short(.value))]
pub struct CutoffError {
    /// Which cut-off (`incl`, `incl (ic0)`, `PRI`, `cov`, `RoN`).
    pub name: &'static str,
    /// The offending value.
    pub value: f64,
}

/// Checks that each named cut-off is a number in [0, 1]; the first that is not is the error.
pub(crate) fn check_cutoffs(cutoffs: &[(&'static str, f64)]) -> Result<(), CutoffError> {
    match cutoffs.iter().find(|(_, v)| !(0.0..=1.0).contains(v)) {
        Some(&(name, value)) => Err(CutoffError { name, value }),
        None => Ok(()),
    }
}

/// Errors raised by the fit functions that evaluate expressions on a data set: their own, and
/// the lower stages' they can meet, each kept as the [`source`](std::error::Error::source)
/// (the data's errors while evaluating, an outcome's or a condition's name that the grammar
/// cannot write). The measures of two sets ([`sufficiency`](super::sufficiency),
/// [`necessity`](super::necessity)) can only fail on sets of different lengths and return
/// [`SetError`](crate::sets::SetError).
///
/// # Example
/// ```
/// use fsqca::{fit, Dataset, DataError, ExpressionError};
///
/// let data = Dataset::from_columns([("A", vec![0.2]), ("Y", vec![0.9])])?;
/// let err = fit::solution(&[], &data, "Y").unwrap_err();
/// assert!(matches!(err, fit::FitError::EmptySolution));
/// let err = fit::necessity_table(&data, "~", &["A"]).unwrap_err();
/// assert!(matches!(err, fit::FitError::Expression(ExpressionError::EmptyOutcome { .. })));
/// let err = fit::necessity_table(&data, "Y", &["B"]).unwrap_err();
/// assert!(matches!(err, fit::FitError::Data(DataError::UnknownColumn { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FitError {
    /// A solution without any term.
    #[error("a solution needs at least one term")]
    EmptySolution,
    /// A cut-off is NaN or outside [0, 1].
    #[error("{0}")]
    InvalidCutoff(#[from] CutoffError),
    /// A search depth of zero.
    #[error("the search depth must be at least 1, got {depth}")]
    InvalidDepth {
        /// The offending depth.
        depth: usize,
    },
    /// No condition to search over.
    #[error("no conditions given")]
    NoConditions,
    /// The search would evaluate more expressions than allowed.
    #[error("the search would evaluate about {candidates} expressions, at most {max} are allowed (lower the depth)")]
    SearchTooLarge {
        /// Number of expressions the search would evaluate.
        candidates: f64,
        /// The limit.
        max: f64,
    },
    /// The outcome given as text is not an [`Outcome`](crate::expression::Outcome), or a condition's name is one the
    /// expression grammar cannot write.
    #[error("{0}")]
    Expression(#[from] ExpressionError),
    /// Evaluating an expression, the outcome or a condition on the data failed: an unknown
    /// column, missing values, memberships outside [0, 1], levels the column does not have.
    #[error("{0}")]
    Data(#[from] DataError),
}
