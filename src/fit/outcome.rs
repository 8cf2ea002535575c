//! What the fit functions accept as an outcome ([`IntoOutcome`]), and its membership on a
//! data set.

use super::error::FitError;
use crate::data::Dataset;
use crate::expression::{Expression, ExpressionError, Literal, Outcome};
use crate::sets::FuzzySet;

/// What the fit functions accept as an outcome: a column name (`"Y"`, or `"~Y"` for its
/// negation, parsed as an [`Outcome`]), an [`Outcome`], a [`Literal`] or a whole
/// [`Expression`].
///
/// The trait is sealed: it cannot be implemented outside this crate. A truth table takes only
/// a column as its outcome ([`Outcome`]); a parameter of fit takes any set, hence this trait
/// rather than `Outcome` alone.
///
/// # Example
/// ```
/// use fsqca::fit::IntoOutcome;
///
/// assert_eq!("~Y".outcome_expression()?.to_string(), "~Y");
/// assert!("~".outcome_expression().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait IntoOutcome: sealed::Sealed {
    /// The outcome as an expression.
    ///
    /// # Errors
    /// For text, the errors of parsing an [`Outcome`]: [`ExpressionError::EmptyOutcome`] and
    /// [`ExpressionError::InvalidName`]; the other outcomes never fail.
    fn outcome_expression(&self) -> Result<Expression, ExpressionError>;
}

mod sealed {
    /// Seals [`IntoOutcome`](super::IntoOutcome).
    pub trait Sealed {}
    impl Sealed for str {}
    impl Sealed for String {}
    impl Sealed for crate::expression::Outcome {}
    impl Sealed for crate::expression::Literal {}
    impl Sealed for crate::expression::Expression {}
}

impl IntoOutcome for str {
    fn outcome_expression(&self) -> Result<Expression, ExpressionError> {
        Ok(self.parse::<Outcome>()?.to_expression())
    }
}

impl IntoOutcome for String {
    fn outcome_expression(&self) -> Result<Expression, ExpressionError> {
        self.as_str().outcome_expression()
    }
}

impl IntoOutcome for Outcome {
    fn outcome_expression(&self) -> Result<Expression, ExpressionError> {
        Ok(self.to_expression())
    }
}

impl IntoOutcome for Literal {
    fn outcome_expression(&self) -> Result<Expression, ExpressionError> {
        Ok(Expression::literal(self.clone()))
    }
}

impl IntoOutcome for Expression {
    fn outcome_expression(&self) -> Result<Expression, ExpressionError> {
        Ok(self.clone())
    }
}

pub(super) fn outcome_set<O: IntoOutcome + ?Sized>(
    data: &Dataset,
    outcome: &O,
) -> Result<FuzzySet, FitError> {
    Ok(outcome.outcome_expression()?.evaluate(data)?)
}
