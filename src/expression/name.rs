//! The names the expression grammar can write: what the parser reads as a name, and the check
//! every constructor of a condition or an outcome applies.

use super::error::ExpressionError;

pub(super) fn is_name_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

pub(super) fn is_name_char(c: char) -> bool {
    c == '_' || c == '.' || c.is_alphanumeric()
}

/// Checks that `name` is a name the expression grammar can write: a letter or `_`, then
/// letters, digits, `_` and `.` (Unicode letters and digits allowed). This is what the parser
/// reads as a name, so a condition with such a name prints unambiguously in a model and can be
/// written in an expression; a name with an operator (`*`, `+`, `~`, an arrow), a parenthesis,
/// a bracket, a comma or white space, or an empty name, is refused.
///
/// Truth tables, parameters of fit and the constructors of [`Literal`](super::Literal) refuse
/// condition and outcome names that fail this check.
///
/// # Errors
/// [`ExpressionError::InvalidName`], carrying the name and the reason.
///
/// # Example
/// ```
/// use fsqca::expression::check_name;
///
/// assert!(check_name("enterprise_rank").is_ok());
/// assert!(check_name("d.napoleon").is_ok());
/// let err = check_name("GDP pc").unwrap_err();
/// assert_eq!(err.to_string(), "invalid name `GDP pc`: it contains white space");
/// assert!(check_name("A*B").is_err());
/// assert!(check_name("").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_name(name: &str) -> Result<(), ExpressionError> {
    let invalid = |reason: String| ExpressionError::InvalidName {
        name: name.to_owned(),
        reason,
    };
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return Err(invalid("it is empty".into()));
    };
    let describe = |c: char| {
        if c.is_whitespace() {
            "it contains white space".to_owned()
        } else {
            format!("it contains `{c}`")
        }
    };
    if !is_name_start(first) {
        return Err(invalid(if is_name_char(first) {
            format!("it starts with `{first}`, not a letter or `_`")
        } else {
            describe(first)
        }));
    }
    match chars.find(|&c| !is_name_char(c)) {
        Some(c) => Err(invalid(describe(c))),
        None => Ok(()),
    }
}
