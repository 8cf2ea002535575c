//! Errors of exclusions: an expression or a row id that does not fit the truth table.

use crate::expression::ExpressionError;
use crate::minimize::MinimizeError;

/// Errors raised when [`Exclusions`](super::Exclusions) are read from text or resolved
/// against a truth table, and when rows to set negative are checked.
///
/// Every variant carries the offending value.
///
/// # Example
/// ```
/// use fsqca::counterfactual::{ExclusionError, Exclusions};
///
/// let err = "A*~".parse::<Exclusions>().unwrap_err();
/// assert!(matches!(err, ExclusionError::Syntax { .. }));
/// assert!(err.to_string().starts_with("exclusion `A*~`"));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExclusionError {
    /// An exclusion (or the expression of a search) is not an expression.
    #[error("exclusion `{text}`: {source}")]
    Syntax {
        /// The text as written.
        text: String,
        /// Why it does not parse.
        #[source]
        source: ExpressionError,
    },
    /// An expression names a condition that is not in the truth table.
    #[error(
        "`{expression}` names `{name}`, which is not a condition of the truth table (conditions are: {})",
        .available.join(", ")
    )]
    UnknownCondition {
        /// The expression.
        expression: String,
        /// The name used.
        name: String,
        /// The truth table's conditions, in order.
        available: Vec<String>,
    },
    /// An expression gives a level that the condition does not have.
    #[error("`{expression}`: condition `{name}` has no level {level} (it has {levels})")]
    UnknownLevel {
        /// The expression.
        expression: String,
        /// The condition.
        name: String,
        /// The level asked for.
        level: u32,
        /// The condition's number of levels.
        levels: u32,
    },
    /// A multi-value condition is named without levels (`A` instead of `A[1]`).
    #[error(
        "`{expression}`: condition `{name}` has {levels} levels: name them, as in `{name}[1]`"
    )]
    LevelsRequired {
        /// The expression.
        expression: String,
        /// The condition.
        name: String,
        /// Its number of levels.
        levels: u32,
    },
    /// A row id too large to be a number.
    #[error("row id `{text}` is too large")]
    InvalidRowId {
        /// The id as written.
        text: String,
    },
    /// A condition has more levels than a configuration can hold.
    #[error("condition `{name}` has {levels} levels; at most 255 are supported")]
    TooManyLevels {
        /// The condition.
        name: String,
        /// Its number of levels.
        levels: u32,
    },
    /// A set of configurations could not be built (a configuration space over 2^63).
    #[error(transparent)]
    Minimize(#[from] MinimizeError),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minimize::MinimizeError;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

    #[test]
    fn every_variant_names_the_offending_value() {
        has_autotraits::<ExclusionError>();
        let syntax = "A*".parse::<crate::Expression>().unwrap_err();
        let cases = [
            (
                ExclusionError::Syntax {
                    text: "A*".into(),
                    source: syntax,
                },
                "`A*`",
            ),
            (
                ExclusionError::UnknownCondition {
                    expression: "X*A".into(),
                    name: "X".into(),
                    available: vec!["A".into(), "B".into()],
                },
                "`X`, which is not a condition of the truth table (conditions are: A, B)",
            ),
            (
                ExclusionError::UnknownLevel {
                    expression: "M[4]".into(),
                    name: "M".into(),
                    level: 4,
                    levels: 3,
                },
                "has no level 4 (it has 3)",
            ),
            (
                ExclusionError::LevelsRequired {
                    expression: "M".into(),
                    name: "M".into(),
                    levels: 3,
                },
                "`M[1]`",
            ),
            (
                ExclusionError::InvalidRowId {
                    text: "99999999999999999999999".into(),
                },
                "99999999999999999999999",
            ),
            (
                ExclusionError::TooManyLevels {
                    name: "M".into(),
                    levels: 300,
                },
                "300 levels",
            ),
            (
                ExclusionError::Minimize(MinimizeError::SpaceTooLarge {
                    levels: vec![3; 40],
                }),
                "2^63",
            ),
        ];
        for (error, words) in cases {
            assert!(error.to_string().contains(words), "{error}");
        }
    }
}
