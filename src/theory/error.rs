//! Errors of theory evaluation.

use crate::data::DataError;
use crate::expression::ExpressionError;
use crate::minimize::MinimizeError;

/// Errors of [`TheoryEvaluation`](super::TheoryEvaluation): a theory or solution naming a
/// set that is not a condition of the analysis, a model that the solution does not have, and
/// the errors of the data, of the expressions and of Boolean minimization.
///
/// # Example
/// ```
/// use fsqca::theory::{TheoryError, TheoryEvaluation};
/// use fsqca::Dataset;
///
/// let data = Dataset::from_columns([("A", vec![0.9, 0.2]), ("Y", vec![0.8, 0.1])])?;
/// let err = TheoryEvaluation::new(&data, "Y", &["A"], &"A*B".parse()?, &"A".parse()?).unwrap_err();
/// assert!(matches!(err, TheoryError::UnknownCondition { ref name, .. } if name == "B"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TheoryError {
    /// The theory or the solution names a set that is not one of the conditions.
    #[error("the {role} names `{name}`, which is not a condition of the analysis ({})", conditions.join(", "))]
    UnknownCondition {
        /// `theory` or `solution`.
        role: &'static str,
        /// The unknown name.
        name: String,
        /// The conditions of the analysis.
        conditions: Vec<String>,
    },
    /// The solution has no such model.
    #[error("the solution has no model {choice}: it has {available}")]
    NoSuchModel {
        /// The model asked for, as written (`2`, `c1p1i2`).
        choice: String,
        /// The models there are (of that conservative and parsimonious pair, for an
        /// intermediate model).
        available: usize,
    },
    /// A model written `cXpYiZ` asked of a solution that is not intermediate.
    #[error("model {choice} is an intermediate model, but the solution is {solution_type}")]
    NotIntermediate {
        /// The model asked for.
        choice: String,
        /// The type of the solution.
        solution_type: crate::solution::SolutionType,
    },
    /// Text that is not a model: a number from 1 or `cXpYiZ`.
    #[error(
        "`{given}` is not a model: give its number (1, 2, ..) or an intermediate model as `c1p1i2`"
    )]
    InvalidModel {
        /// The text given.
        given: String,
    },
    /// The data's errors (unknown columns, missing values, memberships outside [0, 1]).
    #[error(transparent)]
    Data(#[from] DataError),
    /// The expressions' errors (an outcome that is not a column name, too many products).
    #[error(transparent)]
    Expression(#[from] ExpressionError),
    /// The Boolean minimization of an intersection failed (too many conditions, search
    /// limits).
    #[error(transparent)]
    Minimize(#[from] MinimizeError),
}
