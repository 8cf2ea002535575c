//! Which model of a solution a theory is evaluated against.

use std::fmt;
use std::str::FromStr;

use super::error::TheoryError;
use crate::solution::{Model, Solution, SolutionType};

/// A model of a solution, numbered from 1 as R QCA and SetMethods number them.
///
/// `Model(n)` is the n-th model; for an intermediate solution, the n-th model derived from the
/// first conservative and the first parsimonious model (R's `C1P1`), as SetMethods' `sol = n`.
/// `Intermediate` is R's `cXpYiZ`: the Z-th intermediate model derived from conservative model
/// X and parsimonious model Y. Parses from `2` or `c1p1i2` (any case).
///
/// # Example
/// ```
/// use fsqca::theory::ModelChoice;
///
/// assert_eq!("2".parse::<ModelChoice>()?, ModelChoice::Model(2));
/// let c = "C1P2I1".parse::<ModelChoice>()?;
/// assert_eq!(c, ModelChoice::Intermediate { conservative: 1, parsimonious: 2, model: 1 });
/// assert_eq!(c.to_string(), "c1p2i1");
/// assert!("0".parse::<ModelChoice>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ModelChoice {
    /// The n-th model (from 1); of `C1P1` for an intermediate solution.
    Model(usize),
    /// R's `cXpYiZ`, numbered from 1.
    Intermediate {
        /// The conservative model X.
        conservative: usize,
        /// The parsimonious model Y.
        parsimonious: usize,
        /// The intermediate model Z of that pair.
        model: usize,
    },
}

impl Default for ModelChoice {
    /// The first model.
    fn default() -> Self {
        Self::Model(1)
    }
}

impl fmt::Display for ModelChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Model(n) => write!(f, "{n}"),
            Self::Intermediate {
                conservative,
                parsimonious,
                model,
            } => write!(f, "c{conservative}p{parsimonious}i{model}"),
        }
    }
}

impl FromStr for ModelChoice {
    type Err = TheoryError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || TheoryError::InvalidModel {
            given: s.to_owned(),
        };
        let text = s.trim().to_ascii_lowercase();
        let number = |t: &str| match t.parse::<usize>() {
            Ok(n) if n >= 1 && t.bytes().all(|b| b.is_ascii_digit()) => Ok(n),
            _ => Err(invalid()),
        };
        let Some(rest) = text.strip_prefix('c') else {
            return Ok(Self::Model(number(&text)?));
        };
        let (c, rest) = rest.split_once('p').ok_or_else(invalid)?;
        let (p, i) = rest.split_once('i').ok_or_else(invalid)?;
        Ok(Self::Intermediate {
            conservative: number(c)?,
            parsimonious: number(p)?,
            model: number(i)?,
        })
    }
}

impl ModelChoice {
    /// The model of `solution` this choice names.
    ///
    /// # Errors
    /// [`TheoryError::NoSuchModel`] when the solution (or the conservative and parsimonious
    /// pair) has fewer models, [`TheoryError::NotIntermediate`] for `cXpYiZ` asked of a
    /// solution that is not intermediate.
    ///
    /// # Example
    /// ```
    /// use fsqca::theory::ModelChoice;
    /// use fsqca::{Dataset, SolutionOptions, SolutionType, TruthTableOptions};
    ///
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// assert_eq!(ModelChoice::Model(1).select(&solution)?.expression().to_string(), "A*B");
    /// assert!(ModelChoice::Model(2).select(&solution).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn select<'a>(&self, solution: &'a Solution) -> Result<&'a Model, TheoryError> {
        let intermediate = solution.solution_type() == SolutionType::Intermediate;
        let (pair, index) = match *self {
            Self::Model(n) if intermediate => (Some((1, 1)), n),
            Self::Model(n) => (None, n),
            Self::Intermediate { .. } if !intermediate => {
                return Err(TheoryError::NotIntermediate {
                    choice: self.to_string(),
                    solution_type: solution.solution_type(),
                })
            }
            Self::Intermediate {
                conservative,
                parsimonious,
                model,
            } => (Some((conservative, parsimonious)), model),
        };
        let models: Vec<&Model> = solution
            .models()
            .iter()
            .filter(|m| {
                pair.is_none_or(|(c, p)| {
                    m.origin()
                        .is_some_and(|o| o.conservative + 1 == c && o.parsimonious + 1 == p)
                })
            })
            .collect();
        models
            .get(index.wrapping_sub(1))
            .copied()
            .ok_or_else(|| TheoryError::NoSuchModel {
                choice: self.to_string(),
                available: models.len(),
            })
    }
}
