//! The crate-wide error type.

use crate::calibration::CalibrationError;
use crate::cluster::ClusterError;
use crate::counterfactual::CounterfactualError;
use crate::data::DataError;
use crate::diagnostics::DiagnosticsError;
use crate::expression::ExpressionError;
use crate::fit::FitError;
use crate::minimize::MinimizeError;
#[cfg(feature = "plot")]
use crate::plot::PlotError;
use crate::robustness::RobustnessError;
use crate::sets::SetError;
use crate::solution::SolutionError;
use crate::theory::TheoryError;
use crate::truth_table::TruthTableError;

/// Any error of this crate: one variant per concern, each wrapping that module's own error type.
///
/// Each stage returns its own error, which wraps the errors of the lower stages it can meet
/// (a [`TruthTableError`] holds the [`DataError`] of an unknown column): a signature says what
/// can fail. This type wraps them all, for callers who want one type: every stage's error
/// converts into it with `?`. No function of the library returns it.
///
/// # Example
/// ```
/// use fsqca::{DataError, Error, TruthTable, TruthTableError};
///
/// fn table(data: &fsqca::Dataset) -> fsqca::Result<TruthTable> {
///     Ok(TruthTable::new(data, "Y", &["B"])?)
/// }
/// let data = fsqca::Dataset::from_columns([("A", vec![0.5]), ("Y", vec![1.0])])?;
/// match table(&data) {
///     Err(Error::TruthTable(TruthTableError::Data(DataError::UnknownColumn { name, .. }))) => {
///         assert_eq!(name, "B")
///     }
///     other => panic!("unexpected {other:?}"),
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading or querying a data set failed.
    #[error(transparent)]
    Data(#[from] DataError),
    /// A membership vector is not a valid fuzzy set.
    #[error(transparent)]
    Set(#[from] SetError),
    /// An expression could not be parsed.
    #[error(transparent)]
    Expression(#[from] ExpressionError),
    /// Calibration was given invalid input.
    #[error(transparent)]
    Calibration(#[from] CalibrationError),
    /// A truth table could not be built.
    #[error(transparent)]
    TruthTable(#[from] TruthTableError),
    /// A parameter of fit or a super/subset search was given invalid input.
    #[error(transparent)]
    Fit(#[from] FitError),
    /// Boolean minimization failed.
    #[error(transparent)]
    Minimize(#[from] MinimizeError),
    /// A solution could not be derived from a truth table.
    #[error(transparent)]
    Solution(#[from] SolutionError),
    /// A robustness analysis or sweep was given invalid input.
    #[error(transparent)]
    Robustness(#[from] RobustnessError),
    /// An error of counterfactual analysis (exclusions, ESA, finding rows).
    #[error(transparent)]
    Counterfactual(#[from] CounterfactualError),
    /// The calibration diagnostics were given invalid input.
    #[error(transparent)]
    Diagnostics(#[from] DiagnosticsError),
    /// Panel cluster diagnostics were given invalid ids or data.
    #[error(transparent)]
    Cluster(#[from] ClusterError),
    /// A theory evaluation failed (an unknown condition, a model that does not exist).
    #[error(transparent)]
    Theory(#[from] TheoryError),
    /// A plot could not be drawn or written.
    #[cfg(feature = "plot")]
    #[cfg_attr(docsrs, doc(cfg(feature = "plot")))]
    #[error(transparent)]
    Plot(#[from] PlotError),
}

/// `Result` with this crate's [`Error`].
///
/// # Example
/// ```
/// use fsqca::Dataset;
/// fn n_cases(csv: &str) -> fsqca::Result<usize> {
///     Ok(Dataset::from_reader(csv.as_bytes())?.n_cases())
/// }
/// assert_eq!(n_cases("case,A\nx,1\ny,0\n")?, 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

    #[test]
    fn autotraits() {
        has_autotraits::<Error>();
    }
}
