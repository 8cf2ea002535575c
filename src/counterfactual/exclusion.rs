//! [`Exclusions`]: remainders kept out of the minimization, by expression and by row id.

use std::fmt;
use std::str::FromStr;

use crate::expression::Expression;

use super::exclusion_error::ExclusionError;

/// Remainders that may not be used as simplifying assumptions or counterfactuals: untenable
/// or impossible combinations, remainders on which a necessary condition is false (the
/// Enhanced Standard Analysis of Schneider & Wagemann 2012, ch. 8), contradictory
/// simplifying assumptions. R QCA's `exclude` argument (Dușa 2019), given as Boolean
/// expressions (`~NEC`, `A*~B`), as row ids (R QCA's numbering, first condition most
/// significant) or both.
///
/// Give the expressions to
/// [`SolutionOptions::exclude_expressions`](crate::solution::SolutionOptions::exclude_expressions)
/// and the row ids to [`SolutionOptions::exclude`](crate::solution::SolutionOptions::exclude).
/// An exclusion concerns remainders only: an expression that is also true on observed rows
/// leaves those rows as they are (to set observed rows negative, see
/// [`SolutionOptions::negative_rows`](crate::solution::SolutionOptions::negative_rows)).
///
/// It reads from text as a comma-separated list, each item an expression or a row id (a
/// name starts with a letter or `_`, so a number is always a row id); commas inside
/// brackets (`A[1,2]`) belong to the expression. It prints back in the same form.
///
/// # Example
/// ```
/// use fsqca::counterfactual::Exclusions;
///
/// let ex: Exclusions = "~NEC, A*~B, 12, 40".parse()?;
/// assert_eq!(ex.expressions().len(), 2);
/// assert_eq!(ex.rows(), [12, 40]);
/// assert_eq!(ex.to_string(), "~NEC, A*~B, 12, 40");
/// let same = Exclusions::new().with_expression("~NEC".parse()?).with_expression("A*~B".parse()?).with_rows([12, 40]);
/// assert_eq!(ex, same);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[must_use]
pub struct Exclusions {
    expressions: Vec<Expression>,
    rows: Vec<u64>,
}

impl Exclusions {
    /// No exclusion.
    ///
    /// # Example
    /// ```
    /// assert!(fsqca::counterfactual::Exclusions::new().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the remainders on which `expression` is true.
    ///
    /// # Example
    /// ```
    /// let ex = fsqca::counterfactual::Exclusions::new().with_expression("A*~B".parse()?);
    /// assert_eq!(ex.expressions()[0].to_string(), "A*~B");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_expression(mut self, expression: Expression) -> Self {
        self.expressions.push(expression);
        self
    }

    /// Adds remainders by row id.
    ///
    /// # Example
    /// ```
    /// let ex = fsqca::counterfactual::Exclusions::new().with_rows([3, 7]).with_rows([9]);
    /// assert_eq!(ex.rows(), [3, 7, 9]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_rows(mut self, ids: impl IntoIterator<Item = u64>) -> Self {
        self.rows.extend(ids);
        self
    }

    /// Adds every exclusion of `other`.
    ///
    /// # Example
    /// ```
    /// use fsqca::counterfactual::Exclusions;
    /// let ex = Exclusions::new().with_rows([1]).merge("~A".parse::<Exclusions>()?);
    /// assert_eq!(ex.to_string(), "~A, 1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn merge(mut self, other: Exclusions) -> Self {
        self.expressions.extend(other.expressions);
        self.rows.extend(other.rows);
        self
    }

    /// The expressions, in the order given.
    ///
    /// # Example
    /// ```
    /// let ex: fsqca::counterfactual::Exclusions = "A, 2".parse()?;
    /// assert_eq!(ex.expressions().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn expressions(&self) -> &[Expression] {
        &self.expressions
    }

    /// The row ids, in the order given.
    ///
    /// # Example
    /// ```
    /// let ex: fsqca::counterfactual::Exclusions = "A, 2".parse()?;
    /// assert_eq!(ex.rows(), [2]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rows(&self) -> &[u64] {
        &self.rows
    }

    /// Whether nothing is excluded.
    ///
    /// # Example
    /// ```
    /// let ex: fsqca::counterfactual::Exclusions = "".parse()?;
    /// assert!(ex.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.expressions.is_empty() && self.rows.is_empty()
    }
}

/// Splits a comma-separated list at the commas outside brackets and parentheses (`A[1,2]`
/// is one item); shared by the lists users write (exclusions, directional expectations).
pub(crate) fn split_items(text: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                items.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&text[start..]);
    items
}

impl FromStr for Exclusions {
    type Err = ExclusionError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut out = Exclusions::new();
        for item in split_items(text).into_iter().map(str::trim) {
            if item.is_empty() {
                continue;
            }
            if item.bytes().all(|b| b.is_ascii_digit()) {
                // Digits only: a row id (a name starts with a letter or `_`).
                let id = item.parse().map_err(|_| ExclusionError::InvalidRowId {
                    text: item.to_owned(),
                })?;
                out.rows.push(id);
            } else {
                let expression = item.parse().map_err(|source| ExclusionError::Syntax {
                    text: item.to_owned(),
                    source,
                })?;
                out.expressions.push(expression);
            }
        }
        Ok(out)
    }
}

impl fmt::Display for Exclusions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let items = self
            .expressions
            .iter()
            .map(ToString::to_string)
            .chain(self.rows.iter().map(ToString::to_string));
        for (i, item) in items.enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(&item)?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Exclusions {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_expressions_and_rows() {
        let ex: Exclusions = "M[1,2], ~(A + B), 7".parse().unwrap();
        assert_eq!(ex.expressions().len(), 2);
        assert_eq!(ex.rows(), [7]);
        assert_eq!(ex.to_string(), "M[1,2], ~(A + B), 7");
        assert!(matches!(
            "A, B*".parse::<Exclusions>(),
            Err(ExclusionError::Syntax { text, .. }) if text == "B*"
        ));
    }
}
