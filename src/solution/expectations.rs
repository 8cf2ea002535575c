//! Directional expectations and the easy counterfactuals they allow.

use std::fmt;
use std::str::FromStr;

use crate::counterfactual::split_items;
use crate::expression::{Expression, ExpressionKind, Literal};
use crate::minimize::Implicant;

use super::error::SolutionError;

/// Directional expectations for an intermediate solution (Ragin & Sonnett 2005; Ragin 2008,
/// ch. 9): for some conditions, the state in which they are expected to contribute to the
/// outcome.
///
/// Written as R QCA's `dir.exp`: a comma-separated list of expectations, each a literal (`A`:
/// expected present; `~B`: expected absent; `DEV[1,2]`: a multi-value condition expected at
/// level 1 or 2) or a conjunction of literals (`C*~D`: the combination expected to
/// contribute, Dușa 2019). Conditions without an expectation are "don't care".
///
/// # Example
/// ```
/// use fsqca::solution::DirectionalExpectations;
///
/// let d: DirectionalExpectations = "A, ~B, C*~D".parse()?;
/// assert_eq!(d.len(), 3);
/// assert_eq!(d.to_string(), "A, ~B, C*~D");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DirectionalExpectations {
    expectations: Vec<Vec<Literal>>,
}

impl DirectionalExpectations {
    /// No expectation at all (every condition "don't care"). An intermediate solution needs
    /// at least one ([`SolutionError::NoDirectionalExpectations`]); add them with
    /// [`DirectionalExpectations::with`] or parse them.
    ///
    /// # Example
    /// ```
    /// assert!(fsqca::solution::DirectionalExpectations::new().is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one expectation: a conjunction of literals (a single literal for the usual case).
    ///
    /// # Errors
    /// [`SolutionError::InvalidExpectation`] for an empty conjunction.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::DirectionalExpectations, Literal};
    ///
    /// let d = DirectionalExpectations::new()
    ///     .with([Literal::new("A")?])?
    ///     .with([Literal::new("C")?, Literal::new("D")?.negate()])?;
    /// assert_eq!(d.to_string(), "A, C*~D");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with(
        mut self,
        conjunction: impl IntoIterator<Item = Literal>,
    ) -> Result<Self, SolutionError> {
        let literals: Vec<Literal> = conjunction.into_iter().collect();
        if literals.is_empty() {
            return Err(SolutionError::InvalidExpectation {
                text: String::new(),
                reason: "an expectation needs at least one literal".into(),
            });
        }
        self.expectations.push(literals);
        Ok(self)
    }

    /// The expectations, each a conjunction of literals.
    ///
    /// # Example
    /// ```
    /// let d: fsqca::solution::DirectionalExpectations = "A, ~B".parse()?;
    /// assert!(d.expectations()[1][0].is_negated());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn expectations(&self) -> &[Vec<Literal>] {
        &self.expectations
    }

    /// Number of expectations.
    ///
    /// # Example
    /// ```
    /// let d: fsqca::solution::DirectionalExpectations = "A, ~B".parse()?;
    /// assert_eq!(d.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn len(&self) -> usize {
        self.expectations.len()
    }

    /// True when there is no expectation.
    ///
    /// # Example
    /// ```
    /// let d: fsqca::solution::DirectionalExpectations = "A".parse()?;
    /// assert!(!d.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.expectations.is_empty()
    }

    /// Expectations in SetMethods' numeric form (Oana & Schneider): one entry per condition,
    /// in the order of `conditions`: `1` expected present, `0` expected absent, `-` no
    /// expectation. Written `0,0,1,-` or as R's vector `c(0, 0, 1, "-")`.
    ///
    /// # Errors
    /// [`SolutionError::InvalidExpectation`] for an entry that is not `1`, `0` or `-`, or a
    /// number of entries other than the number of conditions; a condition name the grammar
    /// cannot write gives [`SolutionError::ExpectationSyntax`].
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::DirectionalExpectations;
    ///
    /// let d = DirectionalExpectations::numeric("0,0,1,-", &["A", "B", "C", "D"])?;
    /// assert_eq!(d.to_string(), "~A, ~B, C");
    /// let r = DirectionalExpectations::numeric(r#"c(1, 0, "-")"#, &["A", "B", "C"])?;
    /// assert_eq!(r.to_string(), "A, ~B");
    /// assert!(DirectionalExpectations::numeric("1,0", &["A", "B", "C"]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn numeric<S: AsRef<str>>(text: &str, conditions: &[S]) -> Result<Self, SolutionError> {
        let invalid = |reason: String| SolutionError::InvalidExpectation {
            text: text.to_owned(),
            reason,
        };
        let entries = numeric_entries(text).ok_or_else(|| {
            invalid("each entry must be 1 (present), 0 (absent) or - (none)".into())
        })?;
        if entries.len() != conditions.len() {
            return Err(invalid(format!(
                "{} entries for {} conditions: give one per condition, in order",
                entries.len(),
                conditions.len()
            )));
        }
        let mut out = Self::new();
        for (entry, name) in entries.into_iter().zip(conditions) {
            let Some(present) = entry else { continue };
            let literal =
                Literal::new(name.as_ref()).map_err(|source| SolutionError::ExpectationSyntax {
                    text: name.as_ref().to_owned(),
                    source,
                })?;
            out = out.with([if present { literal } else { literal.negate() }])?;
        }
        Ok(out)
    }

    /// Whether `text` is in SetMethods' numeric form (every entry `1`, `0` or `-`, as read by
    /// [`DirectionalExpectations::numeric`]) rather than a list of literals.
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::DirectionalExpectations;
    /// assert!(DirectionalExpectations::is_numeric("1, 0, -"));
    /// assert!(DirectionalExpectations::is_numeric(r#"c(1, "-")"#));
    /// assert!(!DirectionalExpectations::is_numeric("A, ~B"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_numeric(text: &str) -> bool {
        numeric_entries(text).is_some_and(|e| !e.is_empty())
    }

    /// Resolves the expectations against a truth table's conditions: for each expectation, the
    /// expected levels of each condition it names.
    pub(crate) fn resolve(
        &self,
        conditions: &[String],
        levels: &[u8],
    ) -> Result<Vec<ExpectationGroup>, SolutionError> {
        let mut seen = vec![false; conditions.len()];
        let mut groups = Vec::with_capacity(self.expectations.len());
        for conjunction in &self.expectations {
            let text = join(conjunction);
            let mut group = ExpectationGroup {
                positions: Vec::new(),
            };
            for literal in conjunction {
                let j = conditions
                    .iter()
                    .position(|c| c == literal.name())
                    .ok_or_else(|| SolutionError::UnknownCondition {
                        name: literal.name().to_owned(),
                        available: conditions.to_vec(),
                    })?;
                if std::mem::replace(&mut seen[j], true) {
                    return Err(SolutionError::DuplicateExpectation {
                        name: literal.name().to_owned(),
                    });
                }
                let expected = expected_levels(literal, levels[j], &text)?;
                group.positions.push((j, expected));
            }
            groups.push(group);
        }
        Ok(groups)
    }
}

/// The levels of a condition that a literal expects (`A` -> {1}, `~A` -> {0}, `D[1,2]` ->
/// {1, 2}, `~D[2]` -> every level but 2).
fn expected_levels(literal: &Literal, n_levels: u8, text: &str) -> Result<Vec<u8>, SolutionError> {
    let named: Vec<u8> = match literal.levels() {
        None => vec![1],
        Some(levels) => {
            let mut out = Vec::with_capacity(levels.len());
            for &level in levels {
                if level >= u32::from(n_levels) {
                    return Err(SolutionError::UnknownLevel {
                        text: text.to_owned(),
                        name: literal.name().to_owned(),
                        level,
                    });
                }
                out.push(level as u8);
            }
            out
        }
    };
    if n_levels > 2 && literal.levels().is_none() {
        return Err(SolutionError::InvalidExpectation {
            text: text.to_owned(),
            reason: format!(
                "`{}` is a multi-value condition: name its expected levels, as `{}[1]`",
                literal.name(),
                literal.name()
            ),
        });
    }
    Ok(if literal.is_negated() {
        (0..n_levels).filter(|l| !named.contains(l)).collect()
    } else {
        named
    })
}

fn join(conjunction: &[Literal]) -> String {
    conjunction
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("*")
}

/// One resolved expectation: the conditions it concerns, each with its expected levels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ExpectationGroup {
    positions: Vec<(usize, Vec<u8>)>,
}

/// The cube of easy counterfactuals around a conservative term: for every expectation that
/// the term does not already satisfy, the conditions of that expectation are freed (an
/// observed positive configuration is expected to stay positive when a condition moves to its
/// expected state); literals on conditions without expectation stay.
pub(crate) fn expectation_cube(term: &Implicant, groups: &[ExpectationGroup]) -> Vec<Option<u8>> {
    let mut cube = term.to_levels();
    for group in groups {
        let satisfied = group
            .positions
            .iter()
            .all(|(j, expected)| cube[*j].is_none_or(|v| expected.contains(&v)));
        if !satisfied {
            for (j, _) in &group.positions {
                cube[*j] = None;
            }
        }
    }
    cube
}

impl FromStr for DirectionalExpectations {
    type Err = SolutionError;

    /// Parses `A, ~B, C*~D, DEV[1,2]` (commas inside brackets belong to the levels).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut out = Self::new();
        let items = split_items(s);
        for item in items {
            let text = item.trim();
            if text.is_empty() {
                if s.trim().is_empty() {
                    continue;
                }
                return Err(SolutionError::InvalidExpectation {
                    text: s.to_owned(),
                    reason: "an empty item between commas".into(),
                });
            }
            let expr: Expression =
                text.parse()
                    .map_err(|source| SolutionError::ExpectationSyntax {
                        text: text.to_owned(),
                        source,
                    })?;
            let literals: Vec<Literal> = match expr.kind() {
                ExpressionKind::Literal(l) => vec![l.clone()],
                ExpressionKind::And(items) => items
                    .iter()
                    .map(|e| match e.kind() {
                        ExpressionKind::Literal(l) => Ok(l.clone()),
                        _ => Err(()),
                    })
                    .collect::<Result<_, ()>>()
                    .map_err(|()| SolutionError::InvalidExpectation {
                        text: text.to_owned(),
                        reason: "a conjunction may hold only literals".into(),
                    })?,
                _ => {
                    return Err(SolutionError::InvalidExpectation {
                        text: text.to_owned(),
                        reason: "write a literal or a conjunction of literals".into(),
                    })
                }
            };
            out = out.with(literals)?;
        }
        Ok(out)
    }
}

/// The entries of SetMethods' numeric form: `Some(true)` for `1`, `Some(false)` for `0`,
/// `None` for `-`; `None` overall when an entry is something else.
fn numeric_entries(text: &str) -> Option<Vec<Option<bool>>> {
    let mut inner = text.trim();
    if let Some(rest) = inner.strip_prefix("c(") {
        inner = rest.strip_suffix(')')?;
    }
    if inner.trim().is_empty() {
        return Some(Vec::new());
    }
    inner
        .split(',')
        .map(|e| match e.trim().trim_matches(|c| c == '"' || c == '\'') {
            "1" => Some(Some(true)),
            "0" => Some(Some(false)),
            "-" => Some(None),
            _ => None,
        })
        .collect()
}

impl fmt::Display for DirectionalExpectations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let items: Vec<String> = self.expectations.iter().map(|c| join(c)).collect();
        f.write_str(&items.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_r_notation() {
        let d: DirectionalExpectations = "DEV[1,2], URB[1], ~LIT*IND".parse().unwrap();
        assert_eq!(d.len(), 3);
        assert_eq!(d.expectations()[0][0].levels(), Some(&[1, 2][..]));
        assert_eq!(d.expectations()[2].len(), 2);
        assert!("".parse::<DirectionalExpectations>().unwrap().is_empty());
    }

    #[test]
    fn rejects_bad_items() {
        for bad in ["A,,B", "A + B", "~(A*B)", "(A+B)*C"] {
            assert!(
                matches!(
                    bad.parse::<DirectionalExpectations>(),
                    Err(SolutionError::InvalidExpectation { .. })
                ),
                "{bad}"
            );
        }
        // A syntax error keeps the expression's error as its source.
        let expected = "B*".parse::<Expression>().unwrap_err();
        assert!(matches!(
            "A, B*".parse::<DirectionalExpectations>(),
            Err(SolutionError::ExpectationSyntax { text, source })
                if text == "B*" && source == expected
        ));
    }

    #[test]
    fn resolution_errors() {
        let conds = names(&["A", "B", "D"]);
        let d: DirectionalExpectations = "A, X".parse().unwrap();
        assert!(matches!(
            d.resolve(&conds, &[2, 2, 3]),
            Err(SolutionError::UnknownCondition { ref name, .. }) if name == "X"
        ));
        let d: DirectionalExpectations = "A, ~A".parse().unwrap();
        assert!(matches!(
            d.resolve(&conds, &[2, 2, 3]),
            Err(SolutionError::DuplicateExpectation { .. })
        ));
        let d: DirectionalExpectations = "D[3]".parse().unwrap();
        assert!(matches!(
            d.resolve(&conds, &[2, 2, 3]),
            Err(SolutionError::UnknownLevel { level: 3, .. })
        ));
        let d: DirectionalExpectations = "D".parse().unwrap();
        assert!(matches!(
            d.resolve(&conds, &[2, 2, 3]),
            Err(SolutionError::InvalidExpectation { .. })
        ));
        assert!(DirectionalExpectations::new().with([]).is_err());
    }

    #[test]
    fn cube_frees_unmet_expectations_only() {
        let conds = names(&["A", "B", "C", "D"]);
        // A present, B absent, C*~D together; the term is A*B*C*D.
        let d: DirectionalExpectations = "A, ~B, C*~D".parse().unwrap();
        let groups = d.resolve(&conds, &[2; 4]).unwrap();
        let term = Implicant::from_levels(&[Some(1), Some(1), Some(1), Some(1)]);
        assert_eq!(
            expectation_cube(&term, &groups),
            [Some(1), None, None, None]
        );
        let term = Implicant::from_levels(&[Some(0), Some(0), Some(1), Some(0)]);
        assert_eq!(
            expectation_cube(&term, &groups),
            [None, Some(0), Some(1), Some(0)]
        );
    }
}
