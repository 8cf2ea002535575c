//! Errors of the solution layer.

use crate::counterfactual::ExclusionError;
use crate::data::DataError;
use crate::expression::ExpressionError;
use crate::minimize::MinimizeError;
use crate::truth_table::{OutputValue, TruthTableError};

/// `a negative row`, `a contradiction row`, for [`SolutionError::ExcludedObservedRow`].
fn observed_row(output: &OutputValue) -> &'static str {
    match output {
        OutputValue::Positive => "a positive",
        OutputValue::Negative => "a negative",
        OutputValue::Contradiction => "a contradiction",
        OutputValue::Remainder => "a remainder",
    }
}

/// Errors raised when solutions are derived from a truth table: their own (directional
/// expectations, excluded rows, the size of what would have to be listed), and those of the
/// lower stages the derivation can meet, each kept as the
/// [`source`](std::error::Error::source): the minimization engine's
/// ([`SolutionError::Minimize`]: no positive row, an engine limit), the expression grammar's
/// and the data's when a term is written and evaluated ([`SolutionError::Expression`],
/// [`SolutionError::Data`]) and the row numbering's ([`SolutionError::TruthTable`]).
///
/// Every variant carries the offending value.
///
/// # Example
/// ```
/// use fsqca::solution::{DirectionalExpectations, SolutionError};
///
/// let err = "A, ~B*".parse::<DirectionalExpectations>().unwrap_err();
/// assert!(matches!(err, SolutionError::ExpectationSyntax { .. }));
/// let err = "A, B + C".parse::<DirectionalExpectations>().unwrap_err();
/// assert!(matches!(err, SolutionError::InvalidExpectation { .. }));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SolutionError {
    /// A directional expectation does not parse, or is not a literal or a conjunction of
    /// literals.
    #[error("directional expectation `{text}`: {reason}")]
    InvalidExpectation {
        /// The expectation as written.
        text: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A directional expectation that is not an expression (the source says why).
    #[error("directional expectation `{text}`: {source}")]
    ExpectationSyntax {
        /// The expectation as written.
        text: String,
        /// Why it does not parse.
        #[source]
        source: ExpressionError,
    },
    /// A directional expectation names a condition that is not in the truth table.
    #[error(
        "directional expectation on unknown condition `{name}` (conditions are: {})",
        .available.join(", ")
    )]
    UnknownCondition {
        /// The name used.
        name: String,
        /// The truth table's conditions, in order.
        available: Vec<String>,
    },
    /// A directional expectation gives a level that the condition does not have.
    #[error("directional expectation `{text}`: condition `{name}` has no level {level}")]
    UnknownLevel {
        /// The expectation as written.
        text: String,
        /// The condition.
        name: String,
        /// The level asked for.
        level: u32,
    },
    /// Two expectations concern the same condition.
    #[error("condition `{name}` has more than one directional expectation")]
    DuplicateExpectation {
        /// The condition.
        name: String,
    },
    /// An excluded row id is not a configuration of the truth table.
    #[error("excluded row {id} is not a row of the truth table (ids run from 1 to {max})")]
    UnknownRow {
        /// The id given.
        id: u64,
        /// The largest row id.
        max: u64,
    },
    /// An excluded row is an observed positive row, which cannot be an untenable remainder.
    #[error("excluded row {id} is a positive row of the truth table, not a remainder")]
    ExcludedPositiveRow {
        /// The id given.
        id: u64,
    },
    /// An excluded row is an observed negative row or contradiction. Such a row is never
    /// used as a remainder, so excluding it would silently change nothing: the id is likely
    /// wrong (or the row's output changed with the cut-offs).
    #[error(
        "excluded row {id} is {} row of the truth table, not a remainder: it is never used, \
         so excluding it would change nothing",
        observed_row(.output)
    )]
    ExcludedObservedRow {
        /// The id given.
        id: u64,
        /// The row's output value: [`OutputValue::Negative`] or
        /// [`OutputValue::Contradiction`].
        output: OutputValue,
    },
    /// An intermediate solution was asked for without directional expectations. With none,
    /// no remainder is an easy counterfactual and the intermediate solution would silently
    /// equal the conservative one (R QCA has no intermediate solution without `dir.exp`).
    #[error(
        "the intermediate solution needs directional expectations: give them, or ask for the \
         conservative solution (which it would equal without them)"
    )]
    NoDirectionalExpectations,
    /// A condition has more levels than the minimization engine supports.
    #[error("condition `{name}` has {levels} levels (at most {max})")]
    TooManyLevels {
        /// The condition.
        name: String,
        /// Its number of levels.
        levels: u32,
        /// The largest number supported.
        max: u32,
    },
    /// No row is negative and every configuration may be used: the parsimonious solution is
    /// the tautology (the outcome would need no condition at all), which has no terms.
    #[error(
        "the solution is a tautology: no row is negative, so every configuration may be \
         positive and the outcome needs no condition"
    )]
    Tautology,
    /// Two sets of counterfactuals over different conditions were combined
    /// ([`Counterfactuals::intersection`](crate::solution::Counterfactuals::intersection)).
    #[error("counterfactuals over different conditions: {left:?} and {right:?}")]
    DifferentConditions {
        /// The conditions of the set the operation was called on.
        left: Vec<String>,
        /// The conditions of the other set.
        right: Vec<String>,
    },
    /// A term cannot be written as an expression: a condition name the grammar cannot write
    /// (possible only in a truth table that was deserialized, as [`TruthTable::new`] refuses
    /// such names).
    ///
    /// [`TruthTable::new`]: crate::TruthTable::new
    #[error("{0}")]
    Expression(#[from] ExpressionError),
    /// The minimization engine failed: no positive row to minimize
    /// ([`MinimizeError::NoPositiveRows`]), or one of its limits was reached (see
    /// [`EngineOptions`](crate::minimize::EngineOptions)).
    #[error("{0}")]
    Minimize(#[from] MinimizeError),
    /// A term or the outcome could not be evaluated on the truth table's data (possible only
    /// in a truth table that was deserialized with data that do not match it).
    #[error("{0}")]
    Data(#[from] DataError),
    /// The truth table's configurations cannot be numbered by row id
    /// ([`TruthTableError::TooManyConfigurations`], see
    /// [`RowIds::new`](crate::truth_table::RowIds::new)).
    #[error("{0}")]
    TruthTable(#[from] TruthTableError),
    /// An excluded expression does not fit the truth table (an unknown condition or level).
    #[error(transparent)]
    Exclusion(#[from] ExclusionError),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

    #[test]
    fn autotraits() {
        has_autotraits::<SolutionError>();
    }

    #[test]
    fn messages_name_the_offending_value() {
        let e = SolutionError::UnknownCondition {
            name: "X".into(),
            available: vec!["A".into(), "B".into()],
        };
        assert_eq!(
            e.to_string(),
            "directional expectation on unknown condition `X` (conditions are: A, B)"
        );
        let e = SolutionError::UnknownRow { id: 40, max: 32 };
        assert_eq!(
            e.to_string(),
            "excluded row 40 is not a row of the truth table (ids run from 1 to 32)"
        );
        let e = SolutionError::ExcludedObservedRow {
            id: 1,
            output: OutputValue::Negative,
        };
        assert_eq!(
            e.to_string(),
            "excluded row 1 is a negative row of the truth table, not a remainder: it is never \
             used, so excluding it would change nothing"
        );
        let e = SolutionError::ExcludedObservedRow {
            id: 5,
            output: OutputValue::Contradiction,
        };
        assert!(e
            .to_string()
            .starts_with("excluded row 5 is a contradiction row"));
        assert_eq!(
            SolutionError::NoDirectionalExpectations.to_string(),
            "the intermediate solution needs directional expectations: give them, or ask for the \
             conservative solution (which it would equal without them)"
        );
        let e = SolutionError::ExpectationSyntax {
            text: " ".into(),
            source: ExpressionError::Empty { position: 0 },
        };
        assert_eq!(
            e.to_string(),
            "directional expectation ` `: empty expression"
        );
        assert!(std::error::Error::source(&e).is_some());
        let e = SolutionError::from(ExpressionError::InvalidName {
            name: "A B".into(),
            reason: "it contains white space".into(),
        });
        assert_eq!(e.to_string(), "invalid name `A B`: it contains white space");
    }
}
