//! Errors of the expression parser and of the expression constructors.

use std::fmt::Write as _;

/// Errors raised when an [`Expression`](super::Expression) or a [`Statement`](super::Statement)
/// cannot be parsed, or when a constructor is given a value it cannot represent (a name the
/// grammar cannot write, an empty level list, no operand, nesting too deep).
///
/// Every parser variant carries the 0-based position of the problem, counted in characters (not
/// bytes) from the start of the input, so that [`ExpressionError::display_with`] can point at
/// it; the constructor variants ([`InvalidName`](Self::InvalidName),
/// [`NoLevels`](Self::NoLevels), [`NoOperands`](Self::NoOperands),
/// [`NestingTooDeep`](Self::NestingTooDeep), [`NotALiteral`](Self::NotALiteral)) and the
/// outcome's [`EmptyOutcome`](Self::EmptyOutcome) have position 0.
///
/// # Example
/// ```
/// use fsqca::{Expression, ExpressionError};
///
/// let Err(err) = "A + ".parse::<Expression>() else {
///     return Err("`A + ` should not parse".into());
/// };
/// assert_eq!(err, ExpressionError::MissingOperand { position: 2, operator: "+" });
/// assert_eq!(err.position(), 2);
/// assert_eq!(err.to_string(), "`+` at position 2 is missing an operand");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExpressionError {
    /// The input is empty or only white space.
    #[error("empty expression")]
    Empty {
        /// Always 0: where the expression should start.
        position: usize,
    },
    /// A character that starts no token of the grammar (`#`, `&`, a lone `-` or `<`, ...).
    #[error("unexpected character `{found}` at position {position}")]
    UnexpectedChar {
        /// 0-based character position.
        position: usize,
        /// The character found.
        found: char,
    },
    /// A token that is valid somewhere, but not here (`A*1`, `()`, `(A B)`).
    #[error("unexpected `{found}` at position {position}, expected {expected}")]
    UnexpectedToken {
        /// 0-based character position of the token.
        position: usize,
        /// The token found.
        found: String,
        /// What the grammar allows at this point.
        expected: &'static str,
    },
    /// The input ends where more is needed (`A[1`, or a statement without an arrow).
    #[error("unexpected end of input at position {position}, expected {expected}")]
    UnexpectedEnd {
        /// 0-based character position: the length of the input.
        position: usize,
        /// What the grammar needs at this point.
        expected: &'static str,
    },
    /// A `(` that is never closed (`(A + B`).
    #[error("the parenthesis opened at position {position} is never closed")]
    UnclosedParenthesis {
        /// 0-based character position of the unclosed `(`.
        position: usize,
    },
    /// A `)` without a matching `(` (`A)`).
    #[error("unmatched `)` at position {position}")]
    UnmatchedParenthesis {
        /// 0-based character position of the `)`.
        position: usize,
    },
    /// An operator without one of its operands (`A + `, `*B`, `A*~`, `-> Y`).
    #[error("`{operator}` at position {position} is missing an operand")]
    MissingOperand {
        /// 0-based character position of the operator.
        position: usize,
        /// The operator: `+`, `*`, `~` or an arrow.
        operator: &'static str,
    },
    /// A level list with no level (`A[]`).
    #[error("empty level list at position {position}: write the levels, as in `A[1,2]`")]
    EmptyLevels {
        /// 0-based character position of the `[`.
        position: usize,
    },
    /// A level that is not a non-negative integer (`A[x]`, `A[-1]`, `A[1.5]`, `A[1,]`).
    #[error("expected a level (a non-negative integer) at position {position}, found `{found}`")]
    InvalidLevel {
        /// 0-based character position of the offending text.
        position: usize,
        /// The offending text.
        found: String,
    },
    /// A level larger than [`u32::MAX`].
    #[error("level `{found}` at position {position} is too large (the maximum is 4294967295)")]
    LevelTooLarge {
        /// 0-based character position of the level.
        position: usize,
        /// The level as written.
        found: String,
    },
    /// An arrow in an input parsed as an [`Expression`](super::Expression).
    #[error(
        "unexpected `{arrow}` at position {position}: an expression has no arrow, \
         parse the input as a `Statement`"
    )]
    ArrowInExpression {
        /// 0-based character position of the arrow.
        position: usize,
        /// The arrow: `->`, `<-`, `=>` or `<=`.
        arrow: &'static str,
    },
    /// A second arrow in a [`Statement`](super::Statement) (`A -> B -> C`).
    #[error(
        "second arrow `{arrow}` at position {position} (the first is at position {first}): \
         a statement has exactly one"
    )]
    TwoArrows {
        /// 0-based character position of the second arrow.
        position: usize,
        /// 0-based character position of the first arrow.
        first: usize,
        /// The second arrow.
        arrow: &'static str,
    },
    /// Input left over after a complete expression (`A B`, `A(B)`, `A[1]]`).
    #[error(
        "unexpected `{found}` at position {position} after a complete expression, \
         expected `*`, `+` or the end"
    )]
    TrailingInput {
        /// 0-based character position of the first left-over token.
        position: usize,
        /// The first left-over token.
        found: String,
    },
    /// Parentheses nested deeper than the parser allows.
    #[error("parentheses nested more than {max} deep at position {position}")]
    TooDeep {
        /// 0-based character position of the first `(` beyond the limit.
        position: usize,
        /// The deepest nesting allowed.
        max: usize,
    },
    /// A name that the grammar cannot write back: empty, not starting with a letter or `_`, or
    /// with a character other than letters, digits, `_` and `.` (an operator, a bracket, a
    /// comma, white space). Such a name cannot be a condition or an outcome.
    #[error("invalid name `{name}`: {reason}")]
    InvalidName {
        /// The name as given.
        name: String,
        /// Why it is refused.
        reason: String,
    },
    /// A multi-value literal built with no level (`M[]`).
    #[error("`{name}[]`: a multi-value literal needs at least one level")]
    NoLevels {
        /// The condition's name.
        name: String,
    },
    /// A conjunction or disjunction built from no item.
    #[error("`{operator}` needs at least one operand")]
    NoOperands {
        /// `*` or `+`.
        operator: &'static str,
    },
    /// An expression built with the constructors that would print with parentheses nested more
    /// than [`MAX_NESTING`](super::MAX_NESTING) deep.
    #[error("the expression would be nested more than {max} deep")]
    NestingTooDeep {
        /// The deepest nesting allowed.
        max: usize,
    },
    /// Text parsed as a [`Literal`](super::Literal) that is a compound expression (`A*B`).
    #[error("`{found}` is not a single literal")]
    NotALiteral {
        /// The text.
        found: String,
    },
    /// Text parsed as an [`Outcome`](super::Outcome) with an empty name (`""`, `"~"`).
    #[error("empty outcome name `{given}`")]
    EmptyOutcome {
        /// The text given as outcome.
        given: String,
    },
    /// Writing an expression as a [`SumOfProducts`](super::SumOfProducts) (distributing `*`
    /// over `+`) would give more products than the limit.
    #[error("the sum of products would have more than {limit} products")]
    TooManyProducts {
        /// The most products allowed
        /// ([`MAX_PRODUCTS`](super::MAX_PRODUCTS)).
        limit: usize,
    },
}

impl ExpressionError {
    /// The 0-based character position of the problem in the input (0 for the errors of the
    /// constructors, which have no input).
    ///
    /// # Example
    /// ```
    /// let Err(err) = "A * (B + C".parse::<fsqca::Expression>() else {
    ///     return Err("an unclosed parenthesis should not parse".into());
    /// };
    /// assert_eq!(err.position(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn position(&self) -> usize {
        match *self {
            Self::Empty { position }
            | Self::UnexpectedChar { position, .. }
            | Self::UnexpectedToken { position, .. }
            | Self::UnexpectedEnd { position, .. }
            | Self::UnclosedParenthesis { position }
            | Self::UnmatchedParenthesis { position }
            | Self::MissingOperand { position, .. }
            | Self::EmptyLevels { position }
            | Self::InvalidLevel { position, .. }
            | Self::LevelTooLarge { position, .. }
            | Self::ArrowInExpression { position, .. }
            | Self::TwoArrows { position, .. }
            | Self::TrailingInput { position, .. }
            | Self::TooDeep { position, .. } => position,
            Self::InvalidName { .. }
            | Self::NoLevels { .. }
            | Self::NoOperands { .. }
            | Self::NestingTooDeep { .. }
            | Self::NotALiteral { .. }
            | Self::EmptyOutcome { .. }
            | Self::TooManyProducts { .. } => 0,
        }
    }

    /// The input on one line, a caret under the problem, and the message: for messages to users.
    ///
    /// `input` should be the string that was parsed. White space (tabs, line breaks) is shown as
    /// plain spaces so that the caret lines up; characters that take two columns in a terminal
    /// (as in Chinese) shift the caret.
    ///
    /// # Example
    /// ```
    /// let input = "A*B + ~";
    /// let Err(err) = input.parse::<fsqca::Expression>() else {
    ///     return Err("a dangling `~` should not parse".into());
    /// };
    /// assert_eq!(
    ///     err.display_with(input),
    ///     "A*B + ~\n      ^ `~` at position 6 is missing an operand",
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn display_with(&self, input: &str) -> String {
        let mut out: String = input
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', self.position()));
        // Writing to a `String` cannot fail.
        let _ = write!(out, "^ {self}");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

    #[test]
    fn autotraits() {
        has_autotraits::<ExpressionError>();
    }

    #[test]
    fn constructor_errors() {
        let cases = [
            (
                ExpressionError::InvalidName {
                    name: "A*B".into(),
                    reason: "it contains `*`".into(),
                },
                "invalid name `A*B`: it contains `*`",
            ),
            (
                ExpressionError::NoLevels { name: "M".into() },
                "`M[]`: a multi-value literal needs at least one level",
            ),
            (
                ExpressionError::NoOperands { operator: "*" },
                "`*` needs at least one operand",
            ),
            (
                ExpressionError::NestingTooDeep { max: 256 },
                "the expression would be nested more than 256 deep",
            ),
            (
                ExpressionError::NotALiteral {
                    found: "A*B".into(),
                },
                "`A*B` is not a single literal",
            ),
        ];
        for (err, message) in cases {
            assert_eq!(err.to_string(), message);
            assert_eq!(err.position(), 0);
        }
    }

    #[test]
    fn caret_at_end_of_input() {
        let err = ExpressionError::UnexpectedEnd {
            position: 3,
            expected: "`]`",
        };
        assert_eq!(
            err.display_with("A[1"),
            "A[1\n   ^ unexpected end of input at position 3, expected `]`"
        );
    }

    #[test]
    fn caret_counts_characters_not_bytes() {
        let err = ExpressionError::UnexpectedChar {
            position: 3,
            found: '#',
        };
        assert_eq!(
            err.display_with("Ü*\t#"),
            "Ü* #\n   ^ unexpected character `#` at position 3"
        );
    }
}
