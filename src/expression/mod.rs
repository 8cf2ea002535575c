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

/// Gives a type that prints as its text and parses it back ([`Display`](std::fmt::Display) and
/// [`FromStr`](std::str::FromStr) with [`ExpressionError`]) the conversions of that text:
/// `TryFrom<String>` (documented by the doc comments given before the type's name), `From<T> for
/// String` and, with the `serde` feature, serialisation as the text, parsed back (and so checked)
/// on deserialisation.
macro_rules! text_form {
    ($(#[$try_from_doc:meta])* $type:ident) => {
        impl TryFrom<String> for $type {
            type Error = ExpressionError;

            $(#[$try_from_doc])*
            fn try_from(text: String) -> Result<Self, Self::Error> {
                text.parse()
            }
        }

        impl From<$type> for String {
            /// The text, as [`Display`](std::fmt::Display) prints it.
            fn from(value: $type) -> Self {
                value.to_string()
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $type {
            /// Serialises the text, as [`Display`](std::fmt::Display) prints it.
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $type {
            /// Parses a string, failing with the parse error's message.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <String as serde::Deserialize>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

mod error;
mod outcome;
mod parse;
mod set_ops;

use std::fmt;

use ndarray::{Array1, Zip};

use crate::data::{DataError, Dataset};
use crate::sets::FuzzySet;

pub use error::ExpressionError;
pub use outcome::Outcome;
pub use parse::check_name;

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

/// A condition as it appears in an expression: a name, possibly negated, possibly restricted to
/// some levels of a multi-value condition.
///
/// The name is one the expression grammar can write ([`check_name`]), and a level list is never
/// empty, so that every literal prints as text that parses back to it. With the `serde` feature a
/// literal serialises as that text (`"~DEV[1,2]"`).
///
/// # Example
/// ```
/// use fsqca::Literal;
///
/// let a = Literal::new("GDPpc")?.negate();
/// assert_eq!(a.to_string(), "~GDPpc");
/// assert_eq!(Literal::with_levels("DEV", [2])?.to_string(), "DEV[2]");
/// assert!(Literal::new("A*B").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Literal {
    name: String,
    negated: bool,
    levels: Option<Vec<u32>>,
}

impl Literal {
    /// The plain condition `name` (its fuzzy or crisp membership).
    ///
    /// # Errors
    /// [`ExpressionError::InvalidName`] when the grammar cannot write `name` ([`check_name`]):
    /// empty, or with an operator, a bracket, a comma or white space in it.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::Literal::new("A")?.name(), "A");
    /// assert!(fsqca::Literal::new("GDP pc").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(name: impl Into<String>) -> Result<Self, ExpressionError> {
        let name = name.into();
        check_name(&name)?;
        Ok(Self::checked(name))
    }

    /// The plain literal of a name that passed [`check_name`] already.
    fn checked(name: String) -> Self {
        Self {
            name,
            negated: false,
            levels: None,
        }
    }

    /// The multi-value condition `name` at one of `levels` (`A[1,2]`); levels are sorted and
    /// de-duplicated.
    ///
    /// # Errors
    /// [`ExpressionError::InvalidName`] as for [`Literal::new`], and
    /// [`ExpressionError::NoLevels`] when `levels` is empty.
    ///
    /// # Example
    /// ```
    /// let a = fsqca::Literal::with_levels("A", [2, 1, 2])?;
    /// assert_eq!(a.levels(), Some(&[1, 2][..]));
    /// assert!(fsqca::Literal::with_levels("A", []).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_levels(
        name: impl Into<String>,
        levels: impl IntoIterator<Item = u32>,
    ) -> Result<Self, ExpressionError> {
        let name = name.into();
        check_name(&name)?;
        let mut levels: Vec<u32> = levels.into_iter().collect();
        if levels.is_empty() {
            return Err(ExpressionError::NoLevels { name });
        }
        levels.sort_unstable();
        levels.dedup();
        Ok(Self {
            name,
            negated: false,
            levels: Some(levels),
        })
    }

    /// The same literal, negated (or un-negated, when it was negated).
    ///
    /// # Example
    /// ```
    /// let a = fsqca::Literal::new("A")?;
    /// assert!(a.clone().negate().is_negated());
    /// assert_eq!(a.clone().negate().negate(), a);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn negate(mut self) -> Self {
        self.negated = !self.negated;
        self
    }

    /// The condition's name.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::Literal::new("A")?.negate().name(), "A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// True for `~A`.
    ///
    /// # Example
    /// ```
    /// assert!(!fsqca::Literal::new("A")?.is_negated());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_negated(&self) -> bool {
        self.negated
    }

    /// The levels of a multi-value literal (`A[1,2]` gives `[1, 2]`), `None` for a plain one.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::Literal::new("A")?.levels(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
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

impl std::str::FromStr for Literal {
    type Err = ExpressionError;

    /// Parses one literal: `A`, `~A`, `DEV[1,2]`, `~DEV[2]` (double negations cancel).
    ///
    /// # Errors
    /// The parser's [`ExpressionError`], or [`ExpressionError::NotALiteral`] for a compound
    /// expression such as `A*B`.
    ///
    /// # Example
    /// ```
    /// let a: fsqca::Literal = "~DEV[2, 1]".parse()?;
    /// assert_eq!(a.to_string(), "~DEV[1,2]");
    /// assert!("A*B".parse::<fsqca::Literal>().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let expression: Expression = s.parse()?;
        match expression.kind {
            ExpressionKind::Literal(literal) => Ok(literal),
            _ => Err(ExpressionError::NotALiteral {
                found: s.to_owned(),
            }),
        }
    }
}

text_form! {
    /// Parses the text of a literal, as [`str::parse`] does.
    ///
    /// # Example
    /// ```
    /// let a = fsqca::Literal::try_from("~A".to_owned())?;
    /// assert!(a.is_negated());
    /// assert_eq!(String::from(a), "~A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Literal
}

/// A Boolean expression over named sets.
///
/// Build one by parsing (`"A*~B + C".parse()`) or with the constructors
/// ([`Expression::literal`], [`Expression::negate`], [`Expression::conjunction`],
/// [`Expression::disjunction`]), which keep it in the canonical form described in the
/// [module docs](self) and refuse nesting deeper than [`MAX_NESTING`]. The structure is read
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
    kind: ExpressionKind,
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
                match (&l.levels, data.levels(l.name())?) {
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
        Expression::literal(Literal::new(n).unwrap())
    }

    #[test]
    fn display_precedence() {
        let or = Expression::disjunction([lit("A"), lit("B")]).unwrap();
        let and = Expression::conjunction([or.clone(), lit("C").negate().unwrap()]).unwrap();
        assert_eq!(and.to_string(), "(A + B)*~C");
        assert_eq!(or.negate().unwrap().to_string(), "~(A + B)");
        let nested = Expression::conjunction([
            Expression::conjunction([lit("A"), lit("B")]).unwrap(),
            lit("C"),
        ])
        .unwrap();
        let ExpressionKind::And(items) = nested.kind() else {
            panic!("not a conjunction: {nested:?}");
        };
        assert_eq!(items, &[lit("A"), lit("B"), lit("C")]);
    }

    #[test]
    fn empty_conjunction_is_an_error() {
        assert_eq!(
            Expression::conjunction([]),
            Err(ExpressionError::NoOperands { operator: "*" })
        );
        assert_eq!(
            Expression::disjunction([]),
            Err(ExpressionError::NoOperands { operator: "+" })
        );
        assert_eq!(Expression::disjunction([lit("A")]), Ok(lit("A")));
    }

    #[test]
    fn multi_value_membership() {
        let data = Dataset::from_columns([("D", vec![0.0, 1.0, 2.0])])
            .unwrap()
            .with_multi_value(&["D"])
            .unwrap();
        let e = Expression::literal(Literal::with_levels("D", [1, 2]).unwrap());
        assert_eq!(
            e.evaluate(&data).unwrap().values().to_vec(),
            [0.0, 1.0, 1.0]
        );
        let e = Expression::literal(Literal::with_levels("D", [2]).unwrap().negate());
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
        assert!(
            e.to_string()
                .contains("is not a membership in [0, 1]; the column holds whole numbers"),
            "{e}"
        );
        // Levels need a multi-value (or crisp) column, and a level it has (report D8).
        let fuzzy = Dataset::from_columns([("F", vec![0.2, 1.0])]).unwrap();
        let e = Expression::literal(Literal::with_levels("F", [1]).unwrap())
            .evaluate(&fuzzy)
            .unwrap_err();
        assert!(matches!(e, DataError::NotMultiValue { .. }));
        let crisp = Dataset::from_columns([("C", vec![0.0, 1.0])]).unwrap();
        let c1 = Expression::literal(Literal::with_levels("C", [1]).unwrap());
        assert_eq!(c1.evaluate(&crisp).unwrap().values().to_vec(), [0.0, 1.0]);
        let e = Expression::literal(Literal::with_levels("C", [2]).unwrap())
            .evaluate(&crisp)
            .unwrap_err();
        assert!(matches!(
            e,
            DataError::NoSuchLevel {
                level: 2,
                levels: 2,
                ..
            }
        ));
        let m = data.with_multi_value(&["D"]).unwrap();
        let e = lit("D").evaluate(&m).unwrap_err();
        assert!(matches!(e, DataError::LevelsRequired { levels: 3, .. }));
    }

    #[test]
    fn malformed_literals_are_refused() {
        for name in [
            "", "A*B", "~A", "A+B", "GDP pc", "A[1]", "(A)", "A,B", "1A", "A->B", "A<-B",
        ] {
            assert!(
                matches!(Literal::new(name), Err(ExpressionError::InvalidName { .. })),
                "{name:?} accepted"
            );
        }
        for name in [
            "A",
            "d.napoleon",
            "enterprise_rank",
            "X1",
            "FSorLS",
            "_a",
            "Ü",
        ] {
            assert_eq!(
                Literal::new(name).map(|l| l.to_string()).as_deref(),
                Ok(name)
            );
        }
        assert_eq!(
            Literal::with_levels("M", []),
            Err(ExpressionError::NoLevels { name: "M".into() })
        );
    }

    #[test]
    fn literal_from_text() {
        let a: Literal = "~~DEV[2,1]".parse().unwrap();
        assert_eq!(a, Literal::with_levels("DEV", [1, 2]).unwrap());
        assert_eq!(
            "A*B".parse::<Literal>(),
            Err(ExpressionError::NotALiteral {
                found: "A*B".into()
            })
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serialises_as_text() {
        let e: Expression = "A*~B[1,2] + ~(C*D)".parse().unwrap();
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(json, r#""A*~B[1,2] + ~(C*D)""#);
        assert_eq!(serde_json::from_str::<Expression>(&json).unwrap(), e);
        assert!(serde_json::from_str::<Expression>(r#""A*""#).is_err());
        assert!(serde_json::from_str::<Expression>(r#"{"And": []}"#).is_err());
        let l: Literal = serde_json::from_str(r#""~M[2]""#).unwrap();
        assert_eq!(l, Literal::with_levels("M", [2]).unwrap().negate());
        assert_eq!(serde_json::to_string(&l).unwrap(), r#""~M[2]""#);
        assert!(serde_json::from_str::<Literal>(r#""A*B""#).is_err());
        assert!(serde_json::from_str::<Literal>(r#""M[]""#).is_err());
    }

    /// Hand-built nesting stops at [`MAX_NESTING`], and what is built prints as text that
    /// parses back to it (reliability report, 2a').
    #[test]
    fn constructors_cap_the_nesting() {
        let mut e = lit("A");
        let mut refused = None;
        for i in 0..20_000 {
            match Expression::conjunction([e.clone(), lit("B")]).and_then(Expression::negate) {
                Ok(next) => e = next,
                Err(err) => {
                    refused = Some((i, err));
                    break;
                }
            }
        }
        assert_eq!(
            refused,
            Some((
                MAX_NESTING,
                ExpressionError::NestingTooDeep { max: MAX_NESTING }
            ))
        );
        let data = Dataset::from_columns([("A", vec![0.2]), ("B", vec![0.7])]).unwrap();
        assert!(e.evaluate(&data).is_ok());
        assert_eq!(e.to_string().parse::<Expression>(), Ok(e.clone()));
        let or = Expression::disjunction([e.clone(), lit("C")]).unwrap();
        assert_eq!(
            Expression::conjunction([or, lit("D")]),
            Err(ExpressionError::NestingTooDeep { max: MAX_NESTING })
        );
    }
}
