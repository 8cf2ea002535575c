//! R QCA's necessity table: every condition and its negation (or every level of a multi-value
//! condition) with its necessity and sufficiency.

use super::error::FitError;
use super::measures::{sums, Necessity, Sufficiency};
use super::outcome::{outcome_set, IntoOutcome};
use crate::data::{DataError, Dataset};
use crate::expression::{Expression, Literal};

/// The necessity and sufficiency of one expression (a row of a necessity table or of a
/// super/subset search).
///
/// # Example
/// ```
/// use fsqca::{fit, Dataset};
///
/// let data = Dataset::from_columns([("A", vec![0.9, 0.6]), ("Y", vec![0.8, 0.2])])?;
/// let table = fit::necessity_table(&data, "Y", &["A"])?;
/// assert_eq!(table[0].expression.to_string(), "A");
/// assert_eq!(table[0].necessity.incl, Some(1.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ConditionFit {
    /// The expression (a literal, a conjunction or a disjunction).
    pub expression: Expression,
    /// Its necessity for the outcome.
    pub necessity: Necessity,
    /// Its sufficiency for the outcome.
    pub sufficiency: Sufficiency,
}

/// The levels of a condition declared multi-value in the data set, else `None`: the data
/// module's declaration ([`Dataset::with_multi_value`]) is the one rule, as for the truth table.
fn multi_value_levels(data: &Dataset, name: &str) -> Result<Option<u32>, DataError> {
    data.require_complete(&[name])?;
    data.levels(name)
}

/// The literals of one condition: `A`, `~A` for a binary one, `A[0]`, `A[1]`, ... for a
/// multi-value one.
pub(super) fn condition_literals(
    data: &Dataset,
    name: &str,
    negated_first: bool,
) -> Result<Vec<Literal>, FitError> {
    Ok(match multi_value_levels(data, name)? {
        Some(levels) => (0..levels)
            .map(|l| Literal::with_levels(name, [l]))
            .collect::<Result<_, _>>()?,
        None => {
            let plain = Literal::new(name)?;
            if negated_first {
                vec![plain.clone().negate(), plain]
            } else {
                vec![plain.clone(), plain.negate()]
            }
        }
    })
}

/// R QCA's necessity table: for every condition, the condition and its negation (a multi-value
/// condition: each level `A[0]`, `A[1]`, ..., without negations), with their necessity and
/// sufficiency for the outcome.
///
/// # Errors
/// As [`sufficiency_of`](super::sufficiency_of).
///
/// # Example
/// ```
/// use fsqca::{fit, Dataset};
///
/// let data = Dataset::from_columns([("A", vec![0.9, 0.6]), ("D", vec![0.0, 2.0]), ("Y", vec![0.8, 0.2])])?
///     .with_multi_value(&["D"])?;
/// let table = fit::necessity_table(&data, "Y", &["A", "D"])?;
/// let names: Vec<String> = table.iter().map(|r| r.expression.to_string()).collect();
/// assert_eq!(names, ["A", "~A", "D[0]", "D[1]", "D[2]"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn necessity_table<O: IntoOutcome + ?Sized, S: AsRef<str>>(
    data: &Dataset,
    outcome: &O,
    conditions: &[S],
) -> Result<Vec<ConditionFit>, FitError> {
    let y = outcome_set(data, outcome)?;
    let mut rows = Vec::new();
    for c in conditions {
        for lit in condition_literals(data, c.as_ref(), false)? {
            let expression = Expression::literal(lit);
            let x = expression.evaluate(data)?;
            let s = sums(x.values(), y.values());
            rows.push(ConditionFit {
                expression,
                necessity: s.necessity(),
                sufficiency: s.sufficiency(),
            });
        }
    }
    Ok(rows)
}
