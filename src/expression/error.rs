//! Errors of the expression parser.

/// Errors raised when an expression or statement cannot be parsed.
///
/// Every variant carries the 0-based character position of the problem in the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExpressionError {
    /// The input is empty or only white space.
    #[error("empty expression")]
    Empty,
    /// A character that has no meaning in an expression.
    #[error("unexpected character `{found}` at position {position}")]
    UnexpectedChar {
        /// 0-based character position.
        position: usize,
        /// The character found.
        found: char,
    },
}
