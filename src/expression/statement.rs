//! A set relation between an expression and an outcome: its direction ([`Relation`]) and the
//! [`Statement`] `X -> Y` or `X <- Y`.

use std::fmt;

use super::tree::Expression;

/// The direction of a set relation.
///
/// # Example
/// ```
/// let s: fsqca::Statement = "A + B <- Y".parse()?;
/// assert_eq!(s.relation, fsqca::Relation::Necessity);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Relation {
    /// `X -> Y`: X is a subset of Y (X is sufficient for Y).
    #[default]
    Sufficiency,
    /// `X <- Y`: Y is a subset of X (X is necessary for Y).
    Necessity,
}

/// A set relation between an expression and an outcome: `A*~B -> Y` or `A + B <- ~Y`.
///
/// # Example
/// ```
/// use fsqca::{Relation, Statement};
///
/// let s: Statement = "E*~U + G -> ~Y".parse()?;
/// assert_eq!(s.relation, Relation::Sufficiency);
/// assert_eq!(s.expression.to_string(), "E*~U + G");
/// assert_eq!(s.outcome.to_string(), "~Y");
/// assert_eq!(s.to_string(), "E*~U + G -> ~Y");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Statement {
    /// The left-hand side: the conditions.
    pub expression: Expression,
    /// Sufficiency (`->`) or necessity (`<-`).
    pub relation: Relation,
    /// The right-hand side: the outcome.
    pub outcome: Expression,
}

impl Statement {
    /// Creates a statement.
    ///
    /// # Example
    /// ```
    /// use fsqca::{Relation, Statement};
    ///
    /// let s = Statement::new("A*B".parse()?, Relation::Sufficiency, "Y".parse()?);
    /// assert_eq!(s.to_string(), "A*B -> Y");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(expression: Expression, relation: Relation, outcome: Expression) -> Self {
        Self {
            expression,
            relation,
            outcome,
        }
    }
}

impl fmt::Display for Statement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let arrow = match self.relation {
            Relation::Sufficiency => "->",
            Relation::Necessity => "<-",
        };
        write!(f, "{} {arrow} {}", self.expression, self.outcome)
    }
}
