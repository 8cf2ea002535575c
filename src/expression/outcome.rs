//! The outcome of an analysis: a column, or its negation.

use std::fmt;
use std::str::FromStr;

use super::error::ExpressionError;
use super::literal::Literal;
use super::name::check_name;
use super::tree::Expression;

/// The outcome of a truth table or of a parameter of fit: a column `Y`, or its negation `~Y`.
///
/// Parsed from text (`"Y"`, `"~Y"`; white space around the name and after the `~` is
/// trimmed), it prints back as `Y` or `~Y`. With the `serde` feature it serialises as that text.
/// Every function that takes an outcome accepts the text too (`"~Y"`), which it parses as here.
///
/// # Example
/// ```
/// use fsqca::expression::Outcome;
///
/// let y: Outcome = " ~ Y ".parse()?;
/// assert_eq!((y.name(), y.is_negated()), ("Y", true));
/// assert_eq!(y.to_string(), "~Y");
/// assert!("~".parse::<Outcome>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Outcome {
    name: String,
    negated: bool,
}

impl Outcome {
    /// The column's name, without the `~`.
    ///
    /// # Example
    /// ```
    /// let y: fsqca::expression::Outcome = "~Y".parse()?;
    /// assert_eq!(y.name(), "Y");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// True for the negated outcome `~Y`.
    ///
    /// # Example
    /// ```
    /// let y: fsqca::expression::Outcome = "Y".parse()?;
    /// assert!(!y.is_negated());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_negated(&self) -> bool {
        self.negated
    }

    /// The outcome as an expression (the literal `Y` or `~Y`).
    ///
    /// # Example
    /// ```
    /// let y: fsqca::expression::Outcome = "~Y".parse()?;
    /// assert_eq!(y.to_expression(), "~Y".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_expression(&self) -> Expression {
        let literal = Literal::checked(self.name.clone());
        Expression::literal(if self.negated {
            literal.negate()
        } else {
            literal
        })
    }
}

impl FromStr for Outcome {
    type Err = ExpressionError;

    /// Parses `Y` or `~Y`, trimming white space around the name and after the `~`.
    ///
    /// # Errors
    /// [`ExpressionError::EmptyOutcome`] (carrying the text) for an empty name, and
    /// [`ExpressionError::InvalidName`] for a name the expression grammar cannot write
    /// ([`check_name`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::{expression::Outcome, ExpressionError};
    ///
    /// assert_eq!(
    ///     " ~ ".parse::<Outcome>(),
    ///     Err(ExpressionError::EmptyOutcome { given: " ~ ".into() })
    /// );
    /// assert!(matches!("GDP pc".parse::<Outcome>(), Err(ExpressionError::InvalidName { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        let (name, negated) = match trimmed.strip_prefix('~') {
            Some(rest) => (rest.trim(), true),
            None => (trimmed, false),
        };
        if name.is_empty() {
            return Err(ExpressionError::EmptyOutcome {
                given: text.to_owned(),
            });
        }
        check_name(name)?;
        Ok(Self {
            name: name.to_owned(),
            negated,
        })
    }
}

impl TryFrom<&str> for Outcome {
    type Error = ExpressionError;

    /// Parses the text, as [`str::parse`] does.
    ///
    /// # Example
    /// ```
    /// let y = fsqca::expression::Outcome::try_from("~Y")?;
    /// assert!(y.is_negated());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn try_from(text: &str) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl TryFrom<&String> for Outcome {
    type Error = ExpressionError;

    /// Parses the text, as [`str::parse`] does.
    ///
    /// # Example
    /// ```
    /// let y = fsqca::expression::Outcome::try_from(&"Y".to_owned())?;
    /// assert_eq!(y.name(), "Y");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn try_from(text: &String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

text_form! {
    /// Parses the text, as [`str::parse`] does.
    ///
    /// # Example
    /// ```
    /// let y = fsqca::expression::Outcome::try_from("~Y".to_owned())?;
    /// assert_eq!(y.name(), "Y");
    /// assert_eq!(String::from(y), "~Y");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Outcome
}

impl From<&Outcome> for Outcome {
    /// A copy: lets a function that takes an outcome by value be given a reference.
    fn from(outcome: &Outcome) -> Self {
        outcome.clone()
    }
}

impl fmt::Display for Outcome {
    /// `Y`, or `~Y` for the negation.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negated {
            write!(f, "~")?;
        }
        write!(f, "{}", self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_trims_and_prints_back() {
        for (text, name, negated, printed) in [
            ("Y", "Y", false, "Y"),
            ("~Y", "Y", true, "~Y"),
            ("  ~  Y\t", "Y", true, "~Y"),
            (" Y ", "Y", false, "Y"),
        ] {
            let y: Outcome = text.parse().unwrap();
            assert_eq!((y.name(), y.is_negated()), (name, negated), "{text:?}");
            assert_eq!(y.to_string(), printed);
            assert_eq!(y.to_string().parse::<Outcome>().unwrap(), y);
        }
    }

    #[test]
    fn empty_and_invalid_names_are_refused_with_the_text() {
        for text in ["", " ", "~", " ~ "] {
            assert_eq!(
                text.parse::<Outcome>(),
                Err(ExpressionError::EmptyOutcome {
                    given: text.to_owned()
                })
            );
        }
        assert_eq!(
            "~".parse::<Outcome>().unwrap_err().to_string(),
            "empty outcome name `~`"
        );
        // A double negation is not an outcome: `~Y` is not a name.
        assert!(matches!(
            "~~Y".parse::<Outcome>(),
            Err(ExpressionError::InvalidName { ref name, .. }) if name == "~Y"
        ));
        assert!(matches!(
            "A*B".parse::<Outcome>(),
            Err(ExpressionError::InvalidName { .. })
        ));
    }

    #[test]
    fn converts_to_its_literal_expression() {
        let y: Outcome = "~Y".parse().unwrap();
        assert_eq!(y.to_expression().to_string(), "~Y");
        assert_eq!(Outcome::from(&y), y);
        assert_eq!(String::from(y), "~Y");
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serialises_as_its_text() {
        let y: Outcome = "~Y".parse().unwrap();
        let json = serde_json::to_string(&y).unwrap();
        assert_eq!(json, "\"~Y\"");
        assert_eq!(serde_json::from_str::<Outcome>(&json).unwrap(), y);
        assert!(serde_json::from_str::<Outcome>("\"~\"").is_err());
    }
}
