//! Errors of counterfactual analysis: exclusions, ESA, finding rows, intersections.

use super::exclusion_error::ExclusionError;
use crate::fit::{CutoffError, FitError};
use crate::minimize::MinimizeError;
use crate::solution::SolutionError;
use crate::truth_table::TruthTableError;

/// Errors raised when exclusions are read or resolved against a truth table, when the
/// exclusions of the Enhanced Standard Analysis are built, and when rows are found.
///
/// Every variant carries the offending value; the lower stages' errors are kept as the
/// [`source`](std::error::Error::source).
///
/// # Example
/// ```
/// use fsqca::counterfactual::{CounterfactualError, Esa};
/// use fsqca::Dataset;
///
/// let data = Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![0.0, 1.0])])?;
/// let err = Esa::new().check(&data, "Y", &["A".parse()?]).unwrap_err();
/// assert!(matches!(err, CounterfactualError::NotNecessary { .. }));
/// assert!(err.to_string().starts_with("`A` is not necessary"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CounterfactualError {
    /// An exclusion does not fit the truth table (the source says why).
    #[error(transparent)]
    Exclusion(#[from] ExclusionError),
    /// A condition named as necessary (for the Enhanced Standard Analysis) does not reach the
    /// cut-offs of necessity.
    #[error(
        "`{expression}` is not necessary at inclN >= {incl_cutoff} and RoN >= {ron_cutoff}: \
         its inclN is {incl} and its RoN {ron}"
    )]
    NotNecessary {
        /// The expression.
        expression: String,
        /// Its inclusion (consistency) of necessity, `NaN` when undefined.
        incl: f64,
        /// Its relevance of necessity, `NaN` when undefined.
        ron: f64,
        /// The inclusion cut-off.
        incl_cutoff: f64,
        /// The relevance cut-off.
        ron_cutoff: f64,
    },
    /// A cut-off outside [0, 1].
    #[error(transparent)]
    Cutoff(#[from] CutoffError),
    /// Finding rows of type 1 or 0 (untenable combinations) needs an expression.
    #[error("finding {kind} rows needs an expression of the untenable combinations")]
    ExpressionRequired {
        /// The kind of rows asked for.
        kind: &'static str,
    },
    /// A model number that the solution does not have.
    #[error(
        "model index {index} is out of range: the solution has {models} model(s), indexed from 0"
    )]
    UnknownModel {
        /// The 0-based model index asked for.
        index: usize,
        /// The number of models.
        models: usize,
    },
    /// An intersection of counterfactuals was asked of two solutions over different
    /// conditions.
    #[error("the solutions are over different conditions: {} and {}", .left.join(", "), .right.join(", "))]
    DifferentConditions {
        /// The first solution's conditions.
        left: Vec<String>,
        /// The second solution's conditions.
        right: Vec<String>,
    },
    /// The truth table of the negated outcome failed.
    #[error(transparent)]
    TruthTable(#[from] TruthTableError),
    /// A set of configurations could not be combined.
    #[error(transparent)]
    Minimize(#[from] MinimizeError),
    /// A solution behind the search failed.
    #[error(transparent)]
    Solution(#[from] SolutionError),
    /// The necessity analysis failed.
    #[error(transparent)]
    Fit(#[from] FitError),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

    #[test]
    fn every_variant_names_the_offending_value() {
        has_autotraits::<CounterfactualError>();
        let cases = [
            (
                CounterfactualError::NotNecessary {
                    expression: "B".into(),
                    incl: 0.5,
                    ron: 0.75,
                    incl_cutoff: 0.9,
                    ron_cutoff: 0.0,
                },
                "`B` is not necessary at inclN >= 0.9 and RoN >= 0: its inclN is 0.5 and its RoN 0.75",
            ),
            (
                CounterfactualError::ExpressionRequired { kind: "all" },
                "finding all rows needs an expression",
            ),
            (
                CounterfactualError::UnknownModel { index: 3, models: 2 },
                "model index 3 is out of range: the solution has 2 model(s)",
            ),
            (
                CounterfactualError::DifferentConditions {
                    left: vec!["A".into()],
                    right: vec!["B".into()],
                },
                "different conditions: A and B",
            ),
            (
                CounterfactualError::Cutoff(CutoffError {
                    name: "RoN",
                    value: 2.0,
                }),
                "RoN cut-off 2",
            ),
            (
                CounterfactualError::Exclusion(ExclusionError::InvalidRowId { text: "9".into() }),
                "row id `9`",
            ),
            (
                CounterfactualError::Minimize(MinimizeError::NoPositiveRows),
                "no positive rows",
            ),
            (
                CounterfactualError::Solution(SolutionError::Tautology),
                "tautology",
            ),
            (
                CounterfactualError::Fit(FitError::NoConditions),
                "condition",
            ),
        ];
        for (error, words) in cases {
            assert!(error.to_string().contains(words), "{error}");
        }
    }
}
