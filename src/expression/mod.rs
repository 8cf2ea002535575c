//! Boolean expressions over sets, written as QCA users write them.
//!
//! The notation is the one of R's QCA package (Dușa 2019) and of most of the QCA literature:
//!
//! | written | meaning | membership |
//! |---|---|---|
//! | `A` | the condition A | `A` |
//! | `~A` | the negation of A | `1 - A` |
//! | `A*B` | A and B (intersection) | `min(A, B)` |
//! | `A + B` | A or B (union) | `max(A, B)` |
//! | `~(A*B)` | negation of a compound | `1 - min(A, B)` |
//! | `A[2]`, `A[1,2]` | a multi-value condition at level 2 (or 1 or 2) | 1 if A is at one of the levels, else 0 |
//! | `A*~B -> Y` | `A*~B` is sufficient for Y | (a [`Statement`]) |
//! | `A + B <- Y` | `A + B` is necessary for Y | (a [`Statement`]) |
//!
//! `*` binds tighter than `+`; spaces are allowed anywhere; names are made of letters, digits,
//! `_` and `.`, and start with a letter or `_` (`GDPpc`, `Enterprise_capacity`).
//!
//! [`Expression`] and [`Statement`] implement [`FromStr`](std::str::FromStr) and
//! [`Display`](std::fmt::Display); printing then parsing gives back the same value. Expressions
//! built with the constructors here are kept in a canonical form (nested conjunctions and
//! disjunctions are flattened, a negated literal is a [`Literal`] with `negated = true`, double
//! negations cancel), so that this round trip is the identity.

mod error;
mod parse;

use std::fmt;

use ndarray::{Array1, Zip};

use crate::data::Dataset;
use crate::sets::FuzzySet;

pub use error::ExpressionError;

/// A condition as it appears in an expression: a name, possibly negated, possibly restricted to
/// some levels of a multi-value condition.
///
/// # Example
/// ```
/// use fsqca::Literal;
///
/// let a = Literal::new("GDPpc").negate();
/// assert_eq!(a.to_string(), "~GDPpc");
/// assert_eq!(Literal::with_levels("DEV", [2]).to_string(), "DEV[2]");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Literal {
    name: String,
    negated: bool,
    levels: Option<Vec<u32>>,
}

impl Literal {
    /// The plain condition `name` (its fuzzy or crisp membership).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::Literal::new("A").name(), "A");
    /// ```
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            negated: false,
            levels: None,
        }
    }

    /// The multi-value condition `name` at one of `levels` (`A[1,2]`); levels are sorted and
    /// de-duplicated.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::Literal::with_levels("A", [2, 1, 2]).levels(), Some(&[1, 2][..]));
    /// ```
    pub fn with_levels(name: impl Into<String>, levels: impl IntoIterator<Item = u32>) -> Self {
        let mut levels: Vec<u32> = levels.into_iter().collect();
        levels.sort_unstable();
        levels.dedup();
        Self {
            name: name.into(),
            negated: false,
            levels: Some(levels),
        }
    }

    /// The same literal, negated (or un-negated, when it was negated).
    ///
    /// # Example
    /// ```
    /// let a = fsqca::Literal::new("A");
    /// assert!(a.clone().negate().is_negated());
    /// assert_eq!(a.clone().negate().negate(), a);
    /// ```
    pub fn negate(mut self) -> Self {
        self.negated = !self.negated;
        self
    }

    /// The condition's name.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::Literal::new("A").negate().name(), "A");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// True for `~A`.
    ///
    /// # Example
    /// ```
    /// assert!(!fsqca::Literal::new("A").is_negated());
    /// ```
    pub fn is_negated(&self) -> bool {
        self.negated
    }

    /// The levels of a multi-value literal (`A[1,2]` gives `[1, 2]`), `None` for a plain one.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::Literal::new("A").levels(), None);
    /// ```
    pub fn levels(&self) -> Option<&[u32]> {
        self.levels.as_deref()
    }

    /// The literal's membership for one raw value of its condition.
    ///
    /// A plain literal is the value itself (or `1 - value`), which must lie in [0, 1]; a
    /// multi-value literal is 1 when the value equals one of its levels, else 0.
    fn membership(&self, value: f64) -> f64 {
        let m = match &self.levels {
            None => value,
            Some(levels) => {
                let hit = levels.iter().any(|&l| (value - f64::from(l)).abs() < 1e-9);
                if hit {
                    1.0
                } else {
                    0.0
                }
            }
        };
        if self.negated {
            1.0 - m
        } else {
            m
        }
    }
}

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negated {
            write!(f, "~")?;
        }
        write!(f, "{}", self.name)?;
        if let Some(levels) = &self.levels {
            write!(f, "[")?;
            for (i, l) in levels.iter().enumerate() {
                if i > 0 {
                    write!(f, ",")?;
                }
                write!(f, "{l}")?;
            }
            write!(f, "]")?;
        }
        Ok(())
    }
}

/// A Boolean expression over named sets.
///
/// Build one by parsing (`"A*~B + C".parse()`) or with the constructors, which keep it in the
/// canonical form described in the [module docs](self).
///
/// # Example
/// ```
/// use fsqca::{Dataset, Expression};
///
/// let expr: Expression = "A*~B + C".parse()?;
/// assert_eq!(expr.to_string(), "A*~B + C");
///
/// let data = Dataset::from_columns([
///     ("A", vec![0.9, 0.2]),
///     ("B", vec![0.3, 0.1]),
///     ("C", vec![0.1, 0.6]),
/// ])?;
/// let x = expr.evaluate(&data)?;
/// assert_eq!(x.values().to_vec(), [0.7, 0.6]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Expression {
    /// A single (possibly negated) condition.
    Literal(Literal),
    /// The negation of a compound expression, `~(A*B)`.
    Not(Box<Expression>),
    /// A conjunction `A*B*C` of two or more expressions.
    And(Vec<Expression>),
    /// A disjunction `A + B + C` of two or more expressions.
    Or(Vec<Expression>),
}

impl Expression {
    /// A single condition.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::Expression::literal(fsqca::Literal::new("A")).to_string(), "A");
    /// ```
    pub fn literal(literal: Literal) -> Self {
        Self::Literal(literal)
    }

    /// The negation of `self`, in canonical form (`~A` negates the literal; `~~X` is `X`).
    ///
    /// # Example
    /// ```
    /// let e: fsqca::Expression = "A*B".parse()?;
    /// assert_eq!(e.clone().negate().to_string(), "~(A*B)");
    /// assert_eq!(e.clone().negate().negate(), e);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn negate(self) -> Self {
        match self {
            Self::Literal(l) => Self::Literal(l.negate()),
            Self::Not(inner) => *inner,
            other => Self::Not(Box::new(other)),
        }
    }

    /// The conjunction of the items, flattened; `None` when there is no item.
    ///
    /// # Example
    /// ```
    /// use fsqca::{Expression, Literal};
    ///
    /// let e = Expression::conjunction(["A", "B"].map(|n| Expression::literal(Literal::new(n))));
    /// assert_eq!(e.map(|e| e.to_string()).as_deref(), Some("A*B"));
    /// ```
    pub fn conjunction(items: impl IntoIterator<Item = Expression>) -> Option<Self> {
        Self::flatten(items, true)
    }

    /// The disjunction of the items, flattened; `None` when there is no item.
    ///
    /// # Example
    /// ```
    /// use fsqca::{Expression, Literal};
    ///
    /// let e = Expression::disjunction(["A", "B"].map(|n| Expression::literal(Literal::new(n))));
    /// assert_eq!(e.map(|e| e.to_string()).as_deref(), Some("A + B"));
    /// ```
    pub fn disjunction(items: impl IntoIterator<Item = Expression>) -> Option<Self> {
        Self::flatten(items, false)
    }

    fn flatten(items: impl IntoIterator<Item = Expression>, and: bool) -> Option<Self> {
        let mut out = Vec::new();
        for item in items {
            match (item, and) {
                (Self::And(inner), true) | (Self::Or(inner), false) => out.extend(inner),
                (other, _) => out.push(other),
            }
        }
        match out.len() {
            0 => None,
            1 => out.pop(),
            _ if and => Some(Self::And(out)),
            _ => Some(Self::Or(out)),
        }
    }

    /// The disjuncts of a top-level `+` (the terms of a solution), or the expression itself.
    ///
    /// # Example
    /// ```
    /// let e: fsqca::Expression = "A*B + ~C".parse()?;
    /// let terms: Vec<String> = e.disjuncts().iter().map(|t| t.to_string()).collect();
    /// assert_eq!(terms, ["A*B", "~C"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn disjuncts(&self) -> &[Expression] {
        match self {
            Self::Or(items) => items,
            other => std::slice::from_ref(other),
        }
    }

    /// Every literal in the expression, left to right.
    ///
    /// # Example
    /// ```
    /// let e: fsqca::Expression = "A*~B + A".parse()?;
    /// let names: Vec<&str> = e.literals().iter().map(|l| l.name()).collect();
    /// assert_eq!(names, ["A", "B", "A"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn literals(&self) -> Vec<&Literal> {
        let mut out = Vec::new();
        self.collect_literals(&mut out);
        out
    }

    fn collect_literals<'a>(&'a self, out: &mut Vec<&'a Literal>) {
        match self {
            Self::Literal(l) => out.push(l),
            Self::Not(inner) => inner.collect_literals(out),
            Self::And(items) | Self::Or(items) => {
                for item in items {
                    item.collect_literals(out);
                }
            }
        }
    }

    /// The membership of every case of `data` in the expression: `min` for `*`, `max` for `+`,
    /// `1 - x` for `~`.
    ///
    /// # Errors
    /// [`crate::Error::Data`] for a condition that is not a column of `data` or that has missing
    /// values (naming the cases), and [`crate::Error::Set`] when a plain literal's column has a
    /// value outside [0, 1].
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.8, 0.3]), ("B", vec![0.4, 0.9])])?;
    /// let e: fsqca::Expression = "~(A*B)".parse()?;
    /// let v = e.evaluate(&data)?;
    /// assert!((v.values()[0] - 0.6).abs() < 1e-12);
    /// assert_eq!(v.name(), "~(A*B)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn evaluate(&self, data: &Dataset) -> crate::Result<FuzzySet> {
        let values = self.evaluate_values(data)?;
        Ok(FuzzySet::with_cases(
            self.to_string(),
            values,
            data.cases(),
        )?)
    }

    fn evaluate_values(&self, data: &Dataset) -> crate::Result<Array1<f64>> {
        match self {
            Self::Literal(l) => {
                data.require_complete(&[l.name()])?;
                let column = data.column(l.name())?;
                match (&l.levels, data.levels(l.name())?) {
                    (None, None) => {
                        FuzzySet::with_cases(l.name(), column.to_owned(), data.cases())?;
                    }
                    (None, Some(levels)) if levels > 2 => {
                        return Err(crate::DataError::LevelsRequired {
                            literal: l.to_string(),
                            name: l.name().to_owned(),
                            levels,
                        }
                        .into())
                    }
                    (None, Some(_)) => {}
                    (Some(_), None) if !column.iter().all(|&x| x == 0.0 || x == 1.0) => {
                        return Err(crate::DataError::NotMultiValue {
                            literal: l.to_string(),
                            name: l.name().to_owned(),
                        }
                        .into())
                    }
                    // A crisp column is a condition of two levels (`LIT[1]`, as R QCA writes it
                    // beside multi-value conditions).
                    (Some(asked), levels) => {
                        let levels = levels.unwrap_or(2);
                        if let Some(&level) = asked.iter().find(|&&a| a >= levels) {
                            return Err(crate::DataError::NoSuchLevel {
                                literal: l.to_string(),
                                name: l.name().to_owned(),
                                level,
                                levels,
                            }
                            .into());
                        }
                    }
                }
                Ok(column.mapv(|x| l.membership(x)))
            }
            Self::Not(inner) => Ok(inner.evaluate_values(data)?.mapv(|x| 1.0 - x)),
            Self::And(items) | Self::Or(items) => {
                let and = matches!(self, Self::And(_));
                let mut acc = items[0].evaluate_values(data)?;
                for item in &items[1..] {
                    let next = item.evaluate_values(data)?;
                    Zip::from(&mut acc).and(&next).for_each(|a, &b| {
                        *a = if and { a.min(b) } else { a.max(b) };
                    });
                }
                Ok(acc)
            }
        }
    }

    fn fmt_prec(&self, f: &mut fmt::Formatter<'_>, parent_is_and: bool) -> fmt::Result {
        match self {
            Self::Literal(l) => write!(f, "{l}"),
            Self::Not(inner) => {
                write!(f, "~(")?;
                inner.fmt_prec(f, false)?;
                write!(f, ")")
            }
            Self::And(items) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        write!(f, "*")?;
                    }
                    item.fmt_prec(f, true)?;
                }
                Ok(())
            }
            Self::Or(items) => {
                if parent_is_and {
                    write!(f, "(")?;
                }
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        write!(f, " + ")?;
                    }
                    item.fmt_prec(f, false)?;
                }
                if parent_is_and {
                    write!(f, ")")?;
                }
                Ok(())
            }
        }
    }
}

impl From<Literal> for Expression {
    fn from(literal: Literal) -> Self {
        Self::Literal(literal)
    }
}

impl fmt::Display for Expression {
    /// Prints in QCA notation: `A*~B + C`, `~(A*B)`, `(A + B)*C`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_prec(f, false)
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(n: &str) -> Expression {
        Expression::literal(Literal::new(n))
    }

    #[test]
    fn display_precedence() {
        let or = Expression::disjunction([lit("A"), lit("B")]).unwrap();
        let and = Expression::conjunction([or.clone(), lit("C").negate()]).unwrap();
        assert_eq!(and.to_string(), "(A + B)*~C");
        assert_eq!(or.negate().to_string(), "~(A + B)");
        let nested = Expression::conjunction([
            Expression::conjunction([lit("A"), lit("B")]).unwrap(),
            lit("C"),
        ])
        .unwrap();
        assert_eq!(nested, Expression::And(vec![lit("A"), lit("B"), lit("C")]));
    }

    #[test]
    fn empty_conjunction_is_none() {
        assert!(Expression::conjunction([]).is_none());
        assert_eq!(Expression::disjunction([lit("A")]), Some(lit("A")));
    }

    #[test]
    fn multi_value_membership() {
        let data = Dataset::from_columns([("D", vec![0.0, 1.0, 2.0])])
            .unwrap()
            .with_multi_value(&["D"])
            .unwrap();
        let e = Expression::literal(Literal::with_levels("D", [1, 2]));
        assert_eq!(
            e.evaluate(&data).unwrap().values().to_vec(),
            [0.0, 1.0, 1.0]
        );
        let e = Expression::literal(Literal::with_levels("D", [2]).negate());
        assert_eq!(
            e.evaluate(&data).unwrap().values().to_vec(),
            [1.0, 1.0, 0.0]
        );
    }

    #[test]
    fn evaluation_errors() {
        let data = Dataset::from_columns([("D", vec![0.0, 2.0])]).unwrap();
        let e = lit("X").evaluate(&data).unwrap_err();
        assert!(e.to_string().contains("unknown column `X`"));
        let e = lit("D").evaluate(&data).unwrap_err();
        assert!(e.to_string().contains("outside [0, 1]"));
    }
}
