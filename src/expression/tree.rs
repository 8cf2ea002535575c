//! The Boolean expression over named sets, kept in canonical form by its constructors, and
//! its membership on a data set.

use std::fmt;

use ndarray::{Array1, Zip};

use super::error::ExpressionError;
use super::literal::Literal;
use crate::data::{DataError, Dataset};
use crate::sets::FuzzySet;

/// The deepest nesting of parentheses an [`Expression`] may need when printed.
///
/// The parser refuses input nested deeper ([`ExpressionError::TooDeep`]), and the constructors
/// ([`Expression::negate`], [`Expression::conjunction`]) refuse to build a value nested deeper
/// ([`ExpressionError::NestingTooDeep`]), so that every expression prints as text that parses
/// back, and evaluating, printing, comparing, cloning and dropping one recurse a bounded number of
/// times. A negation of a compound (`~(A*B)`) adds one level, and so does a disjunction inside a
/// conjunction (`(A + B)*C`).
///
/// # Example
/// ```
/// use fsqca::expression::MAX_NESTING;
/// use fsqca::Expression;
///
/// let mut e: Expression = "A*B".parse()?;
/// for _ in 0..MAX_NESTING {
///     e = Expression::conjunction([e, "C".parse()?])?.negate()?;
/// }
/// assert!(Expression::conjunction([e, "C".parse()?])?.negate().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_NESTING: usize = 256;

/// A Boolean expression over named sets.
///
/// Build one by parsing (`"A*~B + C".parse()`) or with the constructors
/// ([`Expression::literal`], [`Expression::negate`], [`Expression::conjunction`],
/// [`Expression::disjunction`]), which keep it in the canonical form described in the
/// [module docs](super) and refuse nesting deeper than [`MAX_NESTING`]. The structure is read
/// through [`Expression::kind`]. With the `serde` feature an expression serialises as its text
/// (`"A*~B + C"`).
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
pub struct Expression {
    pub(super) kind: ExpressionKind,
    /// The nesting of parentheses the printed expression needs, at most [`MAX_NESTING`].
    nesting: usize,
}

/// The structure of an [`Expression`], read through [`Expression::kind`].
///
/// A value of this type is only a view: an expression is built with the constructors of
/// [`Expression`], which keep the canonical form (a conjunction or disjunction has two or more
/// items, none of them of its own kind; a negated compound is never a literal nor a negation).
///
/// # Example
/// ```
/// use fsqca::expression::ExpressionKind;
/// use fsqca::Expression;
///
/// let e: Expression = "A*~B".parse()?;
/// let ExpressionKind::And(items) = e.kind() else {
///     return Err("`A*~B` should be a conjunction".into());
/// };
/// assert_eq!(items.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ExpressionKind {
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
    /// let a = fsqca::Expression::literal(fsqca::Literal::new("A")?);
    /// assert_eq!(a.to_string(), "A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn literal(literal: Literal) -> Self {
        Self {
            kind: ExpressionKind::Literal(literal),
            nesting: 0,
        }
    }

    /// The structure of the expression: a literal, a negated compound, a conjunction or a
    /// disjunction.
    ///
    /// # Example
    /// ```
    /// use fsqca::expression::ExpressionKind;
    ///
    /// let e: fsqca::Expression = "~(A + B)".parse()?;
    /// assert!(matches!(e.kind(), ExpressionKind::Not(_)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> &ExpressionKind {
        &self.kind
    }

    /// The negation of `self`, in canonical form (`~A` negates the literal; `~~X` is `X`).
    ///
    /// # Errors
    /// [`ExpressionError::NestingTooDeep`] when negating a compound would nest it deeper than
    /// [`MAX_NESTING`].
    ///
    /// # Example
    /// ```
    /// let e: fsqca::Expression = "A*B".parse()?;
    /// assert_eq!(e.clone().negate()?.to_string(), "~(A*B)");
    /// assert_eq!(e.clone().negate()?.negate()?, e);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn negate(self) -> Result<Self, ExpressionError> {
        match self.kind {
            ExpressionKind::Literal(l) => Ok(Self::literal(l.negate())),
            ExpressionKind::Not(inner) => Ok(*inner),
            kind => {
                let nesting = self.nesting + 1;
                check_nesting(nesting)?;
                let inner = Self {
                    kind,
                    nesting: self.nesting,
                };
                Ok(Self {
                    kind: ExpressionKind::Not(Box::new(inner)),
                    nesting,
                })
            }
        }
    }

    /// The conjunction of the items, flattened; a single item is returned as it is.
    ///
    /// # Errors
    /// [`ExpressionError::NoOperands`] when there is no item, and
    /// [`ExpressionError::NestingTooDeep`] when the result would be nested deeper than
    /// [`MAX_NESTING`] (a disjunction inside a conjunction needs parentheses).
    ///
    /// # Example
    /// ```
    /// use fsqca::{Expression, Literal};
    ///
    /// let a = Expression::literal(Literal::new("A")?);
    /// let b = Expression::literal(Literal::new("B")?);
    /// assert_eq!(Expression::conjunction([a, b])?.to_string(), "A*B");
    /// assert!(Expression::conjunction([]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn conjunction(
        items: impl IntoIterator<Item = Expression>,
    ) -> Result<Self, ExpressionError> {
        Self::flatten(items, true)
    }

    /// The disjunction of the items, flattened; a single item is returned as it is.
    ///
    /// # Errors
    /// [`ExpressionError::NoOperands`] when there is no item.
    ///
    /// # Example
    /// ```
    /// use fsqca::{Expression, Literal};
    ///
    /// let a = Expression::literal(Literal::new("A")?);
    /// let b = Expression::literal(Literal::new("B")?);
    /// assert_eq!(Expression::disjunction([a, b])?.to_string(), "A + B");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn disjunction(
        items: impl IntoIterator<Item = Expression>,
    ) -> Result<Self, ExpressionError> {
        Self::flatten(items, false)
    }

    fn flatten(
        items: impl IntoIterator<Item = Expression>,
        and: bool,
    ) -> Result<Self, ExpressionError> {
        let mut out = Vec::new();
        let mut nesting = 0;
        for item in items {
            // A disjunction inside a conjunction is printed in parentheses.
            let extra = usize::from(and && matches!(item.kind, ExpressionKind::Or(_)));
            nesting = nesting.max(item.nesting + extra);
            match (item.kind, and) {
                (ExpressionKind::And(inner), true) | (ExpressionKind::Or(inner), false) => {
                    out.extend(inner);
                }
                (kind, _) => out.push(Self {
                    kind,
                    nesting: item.nesting,
                }),
            }
        }
        match out.len() {
            0 => Err(ExpressionError::NoOperands {
                operator: if and { "*" } else { "+" },
            }),
            1 => Ok(out.swap_remove(0)),
            _ => {
                check_nesting(nesting)?;
                let kind = if and {
                    ExpressionKind::And(out)
                } else {
                    ExpressionKind::Or(out)
                };
                Ok(Self { kind, nesting })
            }
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
        match &self.kind {
            ExpressionKind::Or(items) => items,
            _ => std::slice::from_ref(self),
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
        match &self.kind {
            ExpressionKind::Literal(l) => out.push(l),
            ExpressionKind::Not(inner) => inner.collect_literals(out),
            ExpressionKind::And(items) | ExpressionKind::Or(items) => {
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
    /// Only the data's errors: [`DataError::UnknownColumn`] for a condition that is not a
    /// column of `data`, [`DataError::Missing`] for missing values (naming the cases),
    /// [`DataError::NotAMembership`] when a plain literal's column has a value outside [0, 1],
    /// and [`DataError::NotMultiValue`], [`DataError::NoSuchLevel`] or
    /// [`DataError::LevelsRequired`] for a literal that does not fit its column's levels. Every
    /// column is checked before it is used, so the membership computed is always a valid fuzzy
    /// set: evaluation adds no error of its own.
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
    pub fn evaluate(&self, data: &Dataset) -> Result<FuzzySet, DataError> {
        // Memberships of checked columns (or 0/1 levels), and their min, max and 1 - x: in
        // [0, 1] already.
        Ok(FuzzySet::from_derived(
            self.to_string(),
            self.evaluate_values(data)?,
        ))
    }

    fn evaluate_values(&self, data: &Dataset) -> Result<Array1<f64>, DataError> {
        match &self.kind {
            ExpressionKind::Literal(l) => {
                data.require_complete(&[l.name()])?;
                let column = data.column(l.name())?;
                match (l.levels(), data.levels(l.name())?) {
                    (None, None) => {
                        data.memberships(l.name())?;
                    }
                    (None, Some(levels)) if levels > 2 => {
                        return Err(DataError::LevelsRequired {
                            literal: l.to_string(),
                            name: l.name().to_owned(),
                            levels,
                        })
                    }
                    (None, Some(_)) => {}
                    (Some(_), None) if !column.iter().all(|&x| x == 0.0 || x == 1.0) => {
                        return Err(DataError::NotMultiValue {
                            literal: l.to_string(),
                            name: l.name().to_owned(),
                        })
                    }
                    // A crisp column is a condition of two levels (`LIT[1]`, as R QCA writes it
                    // beside multi-value conditions).
                    (Some(asked), levels) => {
                        let levels = levels.unwrap_or(2);
                        if let Some(&level) = asked.iter().find(|&&a| a >= levels) {
                            return Err(DataError::NoSuchLevel {
                                literal: l.to_string(),
                                name: l.name().to_owned(),
                                level,
                                levels,
                            });
                        }
                    }
                }
                Ok(column.mapv(|x| l.membership(x)))
            }
            ExpressionKind::Not(inner) => Ok(inner.evaluate_values(data)?.mapv(|x| 1.0 - x)),
            ExpressionKind::And(items) | ExpressionKind::Or(items) => {
                let and = matches!(self.kind, ExpressionKind::And(_));
                // The constructors give two or more items; an empty list would be the
                // neutral element (1 for `*`, 0 for `+`).
                let mut acc: Option<Array1<f64>> = None;
                for item in items {
                    let next = item.evaluate_values(data)?;
                    match acc.as_mut() {
                        None => acc = Some(next),
                        Some(acc) => Zip::from(acc).and(&next).for_each(|a, &b| {
                            *a = if and { a.min(b) } else { a.max(b) };
                        }),
                    }
                }
                Ok(acc.unwrap_or_else(|| {
                    Array1::from_elem(data.n_cases(), if and { 1.0 } else { 0.0 })
                }))
            }
        }
    }

    fn fmt_prec(&self, f: &mut fmt::Formatter<'_>, parent_is_and: bool) -> fmt::Result {
        match &self.kind {
            ExpressionKind::Literal(l) => write!(f, "{l}"),
            ExpressionKind::Not(inner) => {
                write!(f, "~(")?;
                inner.fmt_prec(f, false)?;
                write!(f, ")")
            }
            ExpressionKind::And(items) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        write!(f, "*")?;
                    }
                    item.fmt_prec(f, true)?;
                }
                Ok(())
            }
            ExpressionKind::Or(items) => {
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

fn check_nesting(nesting: usize) -> Result<(), ExpressionError> {
    if nesting > MAX_NESTING {
        return Err(ExpressionError::NestingTooDeep { max: MAX_NESTING });
    }
    Ok(())
}

text_form! {
    /// Parses the text of an expression, as [`str::parse`] does.
    ///
    /// # Example
    /// ```
    /// let e = fsqca::Expression::try_from("A*~B".to_owned())?;
    /// assert_eq!(String::from(e), "A*~B");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Expression
}

impl From<Literal> for Expression {
    fn from(literal: Literal) -> Self {
        Self::literal(literal)
    }
}

impl fmt::Display for Expression {
    /// Prints in QCA notation: `A*~B + C`, `~(A*B)`, `(A + B)*C`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_prec(f, false)
    }
}
