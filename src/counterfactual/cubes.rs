//! Boolean expressions over a truth table's conditions as [`CubeSet`]s: the configurations on
//! which the expression is true, held as a union of cubes.

use crate::expression::{Expression, ExpressionKind, Literal};
use crate::minimize::{CubeSet, Implicant};
use crate::truth_table::{OutputValue, TruthTable};

use super::exclusion_error::ExclusionError;

/// The conditions and their numbers of levels that an expression is read against.
pub(crate) struct Space<'a> {
    pub(crate) conditions: &'a [String],
    pub(crate) levels: &'a [u8],
}

impl Space<'_> {
    /// The configurations on which `expression` is true, as cubes (its sum of products over
    /// the conditions): a literal is one cube per level it allows (the negation of a
    /// multi-value literal `A[1]` is the union of the condition's other levels), a
    /// disjunction the union, a conjunction the intersection, a negated compound the
    /// complement.
    pub(crate) fn cubes(&self, expression: &Expression) -> Result<CubeSet, ExclusionError> {
        self.set(expression, &expression.to_string())
    }

    fn set(&self, expression: &Expression, text: &str) -> Result<CubeSet, ExclusionError> {
        Ok(match expression.kind() {
            ExpressionKind::Literal(l) => self.literal(l, text)?,
            ExpressionKind::Not(inner) => self.set(inner, text)?.complement(),
            ExpressionKind::Or(items) => {
                let mut out = CubeSet::empty(self.levels.to_vec())?;
                for item in items {
                    out = out.union(&self.set(item, text)?)?;
                }
                out
            }
            ExpressionKind::And(items) => {
                let mut out = CubeSet::universe(self.levels.to_vec())?;
                for item in items {
                    out = out.intersection(&self.set(item, text)?)?;
                }
                out
            }
        })
    }

    /// The cubes of one literal: one per level it allows.
    fn literal(&self, literal: &Literal, text: &str) -> Result<CubeSet, ExclusionError> {
        let name = literal.name();
        let j = self
            .conditions
            .iter()
            .position(|c| c == name)
            .ok_or_else(|| ExclusionError::UnknownCondition {
                expression: text.to_owned(),
                name: name.to_owned(),
                available: self.conditions.to_vec(),
            })?;
        let levels = self.levels[j];
        let mut allowed = vec![false; usize::from(levels)];
        match literal.levels() {
            Some(asked) => {
                for &level in asked {
                    let slot = usize::try_from(level)
                        .ok()
                        .and_then(|l| allowed.get_mut(l))
                        .ok_or_else(|| ExclusionError::UnknownLevel {
                            expression: text.to_owned(),
                            name: name.to_owned(),
                            level,
                            levels: u32::from(levels),
                        })?;
                    *slot = true;
                }
            }
            None if levels > 2 => {
                return Err(ExclusionError::LevelsRequired {
                    expression: text.to_owned(),
                    name: name.to_owned(),
                    levels: u32::from(levels),
                })
            }
            None => allowed[1] = true,
        }
        // A negated literal allows the other levels.
        let keep = !literal.is_negated();
        let cubes = (0..levels)
            .filter(|&level| allowed[usize::from(level)] == keep)
            .map(|level| {
                let mut cube = vec![None; self.conditions.len()];
                cube[j] = Some(level);
                Implicant::from_levels(&cube)
            })
            .collect();
        Ok(CubeSet::new(self.levels.to_vec(), cubes)?)
    }
}

/// A truth table's configuration space: its conditions, levels, and its
/// observed rows and remainders as cube sets.
pub(crate) struct TableSpace {
    pub(crate) conditions: Vec<String>,
    pub(crate) levels: Vec<u8>,
    pub(crate) observed: CubeSet,
    pub(crate) remainders: CubeSet,
}

impl TableSpace {
    pub(crate) fn new(tt: &TruthTable) -> Result<Self, ExclusionError> {
        let mut levels = Vec::with_capacity(tt.levels().len());
        for (name, &l) in tt.conditions().iter().zip(tt.levels()) {
            levels.push(u8::try_from(l).map_err(|_| ExclusionError::TooManyLevels {
                name: name.clone(),
                levels: l,
            })?);
        }
        let observed: Vec<Vec<u8>> = tt
            .rows()
            .iter()
            .filter(|r| r.out() != OutputValue::Remainder)
            .map(|r| r.values().to_vec())
            .collect();
        let observed = CubeSet::from_configurations(levels.clone(), &observed)?;
        Ok(Self {
            conditions: tt.conditions().to_vec(),
            remainders: observed.complement(),
            observed,
            levels,
        })
    }

    /// The expression reader over this space.
    pub(crate) fn space(&self) -> Space<'_> {
        Space {
            conditions: &self.conditions,
            levels: &self.levels,
        }
    }

    /// The remainders on which `expression` is true.
    pub(crate) fn remainders_where(
        &self,
        expression: &Expression,
    ) -> Result<CubeSet, ExclusionError> {
        Ok(self.space().cubes(expression)?.difference(&self.observed)?)
    }

    /// The remainders on which some of `expressions` is true.
    pub(crate) fn remainders_where_any(
        &self,
        expressions: &[Expression],
    ) -> Result<CubeSet, ExclusionError> {
        let mut out = CubeSet::empty(self.levels.clone())?;
        for e in expressions {
            out = out.union(&self.remainders_where(e)?)?;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: &[&str]) -> Vec<String> {
        n.iter().map(|s| (*s).to_owned()).collect()
    }

    /// Every configuration of the levels, first condition most significant.
    fn all(levels: &[u8]) -> Vec<Vec<u8>> {
        let mut out = vec![vec![]];
        for &l in levels {
            out = out
                .into_iter()
                .flat_map(|c: Vec<u8>| {
                    (0..l).map(move |v| {
                        let mut c = c.clone();
                        c.push(v);
                        c
                    })
                })
                .collect();
        }
        out
    }

    #[test]
    fn cubes_agree_with_a_direct_evaluation() {
        let conditions = names(&["A", "B", "C"]);
        let levels = [2, 3, 2];
        let s = Space {
            conditions: &conditions,
            levels: &levels,
        };
        // Each expression with its truth as a function of (a, b, c).
        type Rule = fn(u8, u8, u8) -> bool;
        let cases: [(&str, Rule); 7] = [
            ("A[1]*~C[1]", |a, _, c| a == 1 && c == 0),
            ("~B[1]", |_, b, _| b != 1),
            ("~(A[1]*B[0,2])", |a, b, _| !(a == 1 && b != 1)),
            ("~(A[0] + C[1])*B[2]", |a, b, c| a == 1 && c == 0 && b == 2),
            ("A[1] + ~A[1]", |_, _, _| true),
            ("A[1]*A[0]", |_, _, _| false),
            ("~(A[1]*~(B[1] + C[0]))", |a, b, c| {
                !(a == 1 && !(b == 1 || c == 0))
            }),
        ];
        for (text, rule) in cases {
            let set = s.cubes(&text.parse().unwrap()).unwrap();
            let mut count = 0;
            for config in all(&levels) {
                let truth = rule(config[0], config[1], config[2]);
                count += u64::from(truth);
                assert_eq!(set.contains(&config), truth, "{text} at {config:?}");
            }
            assert_eq!(set.count(), count, "{text}");
        }
    }

    #[test]
    fn crisp_literals() {
        let conditions = names(&["A", "B"]);
        let s = Space {
            conditions: &conditions,
            levels: &[2, 2],
        };
        let set = s.cubes(&"A*~B + A".parse().unwrap()).unwrap();
        assert_eq!(set.cubes(), [Implicant::from_levels(&[Some(1), None])]);
        let set = s.cubes(&"~(A + B)".parse().unwrap()).unwrap();
        let listed: Vec<Vec<u8>> = set.configurations().collect();
        assert_eq!(listed, [vec![0, 0]]);
    }

    #[test]
    fn bad_names_and_levels_are_refused() {
        let conditions = names(&["A", "M"]);
        let s = Space {
            conditions: &conditions,
            levels: &[2, 3],
        };
        let err = s.cubes(&"A*X".parse().unwrap()).unwrap_err();
        assert!(
            matches!(&err, ExclusionError::UnknownCondition { name, .. } if name == "X"),
            "{err}"
        );
        let err = s.cubes(&"M[3]".parse().unwrap()).unwrap_err();
        assert!(matches!(
            err,
            ExclusionError::UnknownLevel {
                level: 3,
                levels: 3,
                ..
            }
        ));
        let err = s.cubes(&"~M".parse().unwrap()).unwrap_err();
        assert!(matches!(
            err,
            ExclusionError::LevelsRequired { levels: 3, .. }
        ));
    }
}
