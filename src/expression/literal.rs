//! A condition as an expression names it: a name, possibly negated, possibly restricted to
//! some levels of a multi-value condition.

use std::fmt;

use super::error::ExpressionError;
use super::name::check_name;

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
    pub(super) fn checked(name: String) -> Self {
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
    pub(super) fn membership(&self, value: f64) -> f64 {
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
