//! The validated input of the minimization engine.

use std::collections::HashSet;

use super::cubes::{check_conditions, CubeSet};
use super::error::{ConfigurationSet, MinimizeError};
use super::implicant::Implicant;

/// Which remainders (configurations that are neither positive nor forbidden) a prime
/// implicant may cover: the don't-care policy that distinguishes the solution types.
///
/// Default: [`Remainders::None`].
///
/// # Example
/// ```
/// use fsqca::minimize::Remainders;
/// use fsqca::minimize::CubeSet;
/// let intermediate = Remainders::Only(vec![vec![1, 0, 1]]);
/// assert_ne!(intermediate, Remainders::default());
/// let symbolic = Remainders::Within(CubeSet::from_configurations(vec![2, 2, 2], &[vec![1, 0, 1]])?);
/// assert_ne!(symbolic, intermediate);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Remainders {
    /// No remainder: an implicant may contain only positive configurations (the conservative
    /// or complex solution).
    #[default]
    None,
    /// Every configuration that is not forbidden may be used (the parsimonious solution). The
    /// remainders are implicit and never enumerated.
    All,
    /// The positive configurations plus the listed remainders (e.g. the easy counterfactuals
    /// of an intermediate solution).
    Only(Vec<Vec<u8>>),
    /// The positive configurations plus the remainders inside the given cubes (e.g. the easy
    /// counterfactuals of an intermediate solution, held symbolically): the same prime
    /// implicants and models as [`Remainders::Only`] with the configurations of the cubes
    /// that are not positive, without listing them. The cubes may hold positive
    /// configurations, not forbidden ones.
    Within(CubeSet),
}

/// A validated minimization problem: the number of levels of each condition, the positive
/// configurations to cover, the forbidden configurations never to cover, and the don't-care
/// policy for everything else.
///
/// A configuration is one level per condition (`0..levels[j]`; `0` and `1` for a binary
/// condition). Construction checks the input once ([`MinimizationProblem::new`]); solving a
/// valid problem ([`MinimizationProblem::solve`]) cannot fail on it. Duplicate configurations
/// are merged, and each list is kept sorted (lexicographically, first condition most
/// significant: the order of R QCA's truth-table row numbers), so the positive configurations
/// are the columns of the PI chart in that order.
///
/// # Example
/// ```
/// use fsqca::minimize::{EngineOptions, MinimizationProblem, Remainders};
/// // Two binary conditions A, B: A*B and A*~B are positive, ~A*B is negative.
/// let problem = MinimizationProblem::new(
///     vec![2, 2],
///     vec![vec![1, 1], vec![1, 0]],
///     vec![vec![0, 1]],
///     Remainders::All,
/// )?;
/// let solution = problem.solve(&EngineOptions::default())?;
/// assert_eq!(solution.models().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinimizationProblem {
    levels: Vec<u8>,
    positive: Vec<Vec<u8>>,
    forbidden: Vec<Vec<u8>>,
    remainders: Remainders,
    excluded: Vec<Vec<u8>>,
    excluded_cubes: Vec<Implicant>,
}

fn check_list(levels: &[u8], set: ConfigurationSet, list: &[Vec<u8>]) -> Result<(), MinimizeError> {
    for (index, config) in list.iter().enumerate() {
        if config.len() != levels.len() {
            return Err(MinimizeError::UnequalLengths {
                set,
                index,
                expected: levels.len(),
                len: config.len(),
            });
        }
        for (condition, (&value, &l)) in config.iter().zip(levels).enumerate() {
            if value >= l {
                return Err(MinimizeError::LevelOutOfRange {
                    set,
                    index,
                    condition,
                    value,
                    levels: l,
                });
            }
        }
    }
    Ok(())
}

fn sorted_unique(mut list: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    list.sort_unstable();
    list.dedup();
    list
}

fn check_disjoint(
    a: &[Vec<u8>],
    a_set: ConfigurationSet,
    b: &[Vec<u8>],
    b_set: ConfigurationSet,
) -> Result<(), MinimizeError> {
    let lookup: HashSet<&[u8]> = a.iter().map(Vec::as_slice).collect();
    match b.iter().find(|c| lookup.contains(c.as_slice())) {
        Some(c) => Err(MinimizeError::Conflict {
            configuration: c.clone(),
            first: a_set,
            second: b_set,
        }),
        None => Ok(()),
    }
}

impl MinimizationProblem {
    /// Checks and builds a problem.
    ///
    /// `levels[j]` is the number of levels of condition `j` (2 for a binary condition; at
    /// most 255); every configuration has one level per condition. Duplicates are merged.
    ///
    /// # Errors
    /// - [`MinimizeError::NoConditions`] if `levels` is empty,
    ///   [`MinimizeError::TooManyConditions`] beyond
    ///   [`MAX_CONDITIONS`](crate::minimize::MAX_CONDITIONS),
    ///   [`MinimizeError::InvalidLevels`] for a condition with fewer than 2 levels;
    /// - [`MinimizeError::UnequalLengths`] or [`MinimizeError::LevelOutOfRange`] for a
    ///   malformed configuration in any list;
    /// - [`MinimizeError::Conflict`] if a configuration is in two of the lists;
    /// - [`MinimizeError::NoPositiveRows`] if `positive` is empty.
    ///
    /// A problem whose every configuration is positive is valid: its only prime implicant is
    /// the empty term (the tautology), and that is its solution.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{MinimizationProblem, MinimizeError, Remainders};
    /// let bad = MinimizationProblem::new(vec![2, 2], vec![], vec![], Remainders::All);
    /// assert_eq!(bad, Err(MinimizeError::NoPositiveRows));
    /// let ok = MinimizationProblem::new(vec![3, 2], vec![vec![2, 1]], vec![], Remainders::None)?;
    /// assert_eq!(ok.n_conditions(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        levels: Vec<u8>,
        positive: Vec<Vec<u8>>,
        forbidden: Vec<Vec<u8>>,
        remainders: Remainders,
    ) -> Result<Self, MinimizeError> {
        check_conditions(&levels)?;
        check_list(&levels, ConfigurationSet::Positive, &positive)?;
        check_list(&levels, ConfigurationSet::Forbidden, &forbidden)?;
        let positive = sorted_unique(positive);
        let forbidden = sorted_unique(forbidden);
        check_disjoint(
            &positive,
            ConfigurationSet::Positive,
            &forbidden,
            ConfigurationSet::Forbidden,
        )?;
        let remainders = match remainders {
            Remainders::Only(list) => {
                check_list(&levels, ConfigurationSet::Remainder, &list)?;
                let list = sorted_unique(list);
                check_disjoint(
                    &positive,
                    ConfigurationSet::Positive,
                    &list,
                    ConfigurationSet::Remainder,
                )?;
                check_disjoint(
                    &forbidden,
                    ConfigurationSet::Forbidden,
                    &list,
                    ConfigurationSet::Remainder,
                )?;
                Remainders::Only(list)
            }
            Remainders::Within(set) => {
                if set.levels() != levels.as_slice() {
                    return Err(MinimizeError::LevelsDiffer {
                        left: levels,
                        right: set.levels().to_vec(),
                    });
                }
                if let Some(f) = forbidden.iter().find(|f| set.contains(f)) {
                    return Err(MinimizeError::Conflict {
                        configuration: f.clone(),
                        first: ConfigurationSet::Forbidden,
                        second: ConfigurationSet::Remainder,
                    });
                }
                Remainders::Within(set)
            }
            other => other,
        };
        if positive.is_empty() {
            return Err(MinimizeError::NoPositiveRows);
        }
        Ok(MinimizationProblem {
            levels,
            positive,
            forbidden,
            remainders,
            excluded: Vec::new(),
            excluded_cubes: Vec::new(),
        })
    }

    /// Removes configurations from the usable remainders (untenable or implausible
    /// counterfactuals, R QCA's `exclude`).
    ///
    /// With [`Remainders::All`] the excluded configurations become forbidden; with
    /// [`Remainders::Only`] and [`Remainders::Within`] they are dropped from the remainders;
    /// with [`Remainders::None`] they change nothing. Excluding a forbidden configuration is harmless.
    ///
    /// # Errors
    /// [`MinimizeError::UnequalLengths`] or [`MinimizeError::LevelOutOfRange`] for a malformed
    /// configuration; [`MinimizeError::Conflict`] if a positive configuration is excluded.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{MinimizationProblem, Remainders};
    /// let p = MinimizationProblem::new(vec![2, 2], vec![vec![1, 1]], vec![vec![0, 0]], Remainders::All)?
    ///     .exclude(vec![vec![1, 0]])?;
    /// assert_eq!(p.forbidden().len(), 2);
    /// assert_eq!(p.excluded(), &[vec![1, 0]]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exclude(mut self, excluded: Vec<Vec<u8>>) -> Result<Self, MinimizeError> {
        check_list(&self.levels, ConfigurationSet::Excluded, &excluded)?;
        let excluded = sorted_unique(excluded);
        check_disjoint(
            &self.positive,
            ConfigurationSet::Positive,
            &excluded,
            ConfigurationSet::Excluded,
        )?;
        match &mut self.remainders {
            Remainders::None => {}
            Remainders::All => {
                let mut forbidden = std::mem::take(&mut self.forbidden);
                forbidden.extend(excluded.iter().cloned());
                self.forbidden = sorted_unique(forbidden);
            }
            Remainders::Only(list) => {
                let drop: HashSet<&[u8]> = excluded.iter().map(Vec::as_slice).collect();
                list.retain(|c| !drop.contains(c.as_slice()));
            }
            Remainders::Within(set) => {
                let drop = CubeSet::from_configurations(self.levels.clone(), &excluded)?;
                *set = set.difference(&drop)?;
            }
        }
        let mut all = std::mem::take(&mut self.excluded);
        all.extend(excluded);
        self.excluded = sorted_unique(all);
        Ok(self)
    }

    /// Removes the configurations of `excluded` from the usable remainders, given as cubes
    /// (an untenable combination `A*~B`, the negation of a necessary condition), without
    /// listing them: [`MinimizationProblem::exclude`] for sets of any size.
    ///
    /// With [`Remainders::All`] the cubes become forbidden: the prime implicant search
    /// treats a forbidden cube `(T, c)` (literals on the conditions `T`, levels `c`) as the
    /// difference set `{j in T : p_j != c_j}` of each positive configuration `p`, as it
    /// treats a forbidden row, so nothing is enumerated. With [`Remainders::Only`] and
    /// [`Remainders::Within`] they are dropped from the remainders; with
    /// [`Remainders::None`] they change nothing. Forbidden configurations inside the cubes
    /// are harmless; positive ones are an error, so a caller that excludes by expression
    /// subtracts the observed positive rows first.
    ///
    /// # Errors
    /// [`MinimizeError::LevelsDiffer`] if `excluded` is not over the problem's levels;
    /// [`MinimizeError::Conflict`] (first [`ConfigurationSet::Positive`], second
    /// [`ConfigurationSet::Excluded`]) with the first positive configuration inside a cube.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CubeSet, EngineOptions, Implicant, MinimizationProblem, Notation, Remainders};
    /// // A*B positive, ~A*~B negative: the parsimonious models are A and B, unless the
    /// // remainders of ~A may not be assumed: then A alone.
    /// let p = MinimizationProblem::new(vec![2, 2], vec![vec![1, 1]], vec![vec![0, 0]], Remainders::All)?;
    /// assert_eq!(p.solve(&EngineOptions::default())?.models().len(), 2);
    /// let not_a = CubeSet::new(vec![2, 2], vec![Implicant::from_levels(&[Some(0), None])])?;
    /// let p = p.exclude_cubes(&not_a)?;
    /// assert_eq!(p.excluded_cubes(), not_a.cubes());
    /// let m = p.solve(&EngineOptions::default())?;
    /// assert_eq!(m.models().len(), 1);
    /// assert_eq!(m.model_expression(0, &["A", "B"], Notation::Binary).as_deref(), Some("A"));
    /// let b = CubeSet::new(vec![2, 2], vec![Implicant::from_levels(&[None, Some(1)])])?;
    /// assert!(p.exclude_cubes(&b).is_err()); // A*B is positive
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exclude_cubes(mut self, excluded: &CubeSet) -> Result<Self, MinimizeError> {
        if excluded.levels() != self.levels.as_slice() {
            return Err(MinimizeError::LevelsDiffer {
                left: self.levels.clone(),
                right: excluded.levels().to_vec(),
            });
        }
        if let Some(c) = self.positive.iter().find(|c| excluded.contains(c)) {
            return Err(MinimizeError::Conflict {
                configuration: c.clone(),
                first: ConfigurationSet::Positive,
                second: ConfigurationSet::Excluded,
            });
        }
        match &mut self.remainders {
            Remainders::None | Remainders::All => {}
            Remainders::Only(list) => list.retain(|c| !excluded.contains(c)),
            Remainders::Within(set) => *set = set.difference(excluded)?,
        }
        let mut cubes = std::mem::take(&mut self.excluded_cubes);
        cubes.extend(excluded.cubes().iter().cloned());
        self.excluded_cubes = CubeSet::new(self.levels.clone(), cubes)?.cubes().to_vec();
        Ok(self)
    }

    /// The cubes passed to [`MinimizationProblem::exclude_cubes`] (none contained in
    /// another). With [`Remainders::All`], a prime implicant never meets them.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{MinimizationProblem, Remainders};
    /// let p = MinimizationProblem::new(vec![2, 2], vec![vec![1, 1]], vec![], Remainders::All)?;
    /// assert!(p.excluded_cubes().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn excluded_cubes(&self) -> &[Implicant] {
        &self.excluded_cubes
    }

    /// The number of levels of each condition.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{MinimizationProblem, Remainders};
    /// let p = MinimizationProblem::new(vec![3, 2], vec![vec![2, 1]], vec![], Remainders::None)?;
    /// assert_eq!(p.levels(), [3, 2]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn levels(&self) -> &[u8] {
        &self.levels
    }

    /// The number of conditions.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{MinimizationProblem, Remainders};
    /// let p = MinimizationProblem::new(vec![2, 2, 2], vec![vec![1, 0, 1]], vec![], Remainders::None)?;
    /// assert_eq!(p.n_conditions(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn n_conditions(&self) -> usize {
        self.levels.len()
    }

    /// The positive configurations, sorted and without duplicates.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{MinimizationProblem, Remainders};
    /// let positive = vec![vec![1, 1], vec![0, 1], vec![1, 1]];
    /// let p = MinimizationProblem::new(vec![2, 2], positive, vec![], Remainders::None)?;
    /// assert_eq!(p.positive(), [vec![0, 1], vec![1, 1]]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn positive(&self) -> &[Vec<u8>] {
        &self.positive
    }

    /// The forbidden configurations, sorted and without duplicates (with
    /// [`Remainders::All`], including the excluded ones).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{MinimizationProblem, Remainders};
    /// let p = MinimizationProblem::new(vec![2, 2], vec![vec![1, 1]], vec![vec![0, 0]], Remainders::All)?;
    /// assert_eq!(p.forbidden(), [vec![0, 0]]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn forbidden(&self) -> &[Vec<u8>] {
        &self.forbidden
    }

    /// The don't-care policy (with [`Remainders::Only`], the excluded configurations are
    /// already removed from the list).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{MinimizationProblem, Remainders};
    /// let only = Remainders::Only(vec![vec![1, 0]]);
    /// let p = MinimizationProblem::new(vec![2, 2], vec![vec![1, 1]], vec![], only)?
    ///     .exclude(vec![vec![1, 0]])?;
    /// assert_eq!(p.remainders(), &Remainders::Only(vec![]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn remainders(&self) -> &Remainders {
        &self.remainders
    }

    /// The configurations passed to [`MinimizationProblem::exclude`].
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{MinimizationProblem, Remainders};
    /// let p = MinimizationProblem::new(vec![2, 2], vec![vec![1, 1]], vec![], Remainders::All)?;
    /// assert!(p.excluded().is_empty());
    /// let p = p.exclude(vec![vec![0, 0]])?;
    /// assert_eq!(p.excluded(), [vec![0, 0]]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn excluded(&self) -> &[Vec<u8>] {
        &self.excluded
    }

    /// The number of configurations of the full space (the product of the levels), saturating
    /// at `u64::MAX`.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{MinimizationProblem, Remainders};
    /// let p = MinimizationProblem::new(vec![3, 2, 2], vec![vec![2, 1, 0]], vec![], Remainders::None)?;
    /// assert_eq!(p.n_configurations(), 12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn n_configurations(&self) -> u64 {
        self.levels
            .iter()
            .fold(1u64, |acc, &l| acc.saturating_mul(u64::from(l)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(
        levels: Vec<u8>,
        positive: Vec<Vec<u8>>,
        forbidden: Vec<Vec<u8>>,
        remainders: Remainders,
    ) -> Result<MinimizationProblem, MinimizeError> {
        MinimizationProblem::new(levels, positive, forbidden, remainders)
    }

    #[test]
    fn no_conditions() {
        assert_eq!(
            problem(vec![], vec![vec![]], vec![], Remainders::None),
            Err(MinimizeError::NoConditions)
        );
    }

    #[test]
    fn too_many_conditions() {
        assert_eq!(
            problem(vec![2; 64], vec![vec![0; 64]], vec![], Remainders::None),
            Err(MinimizeError::TooManyConditions { n: 64, max: 63 })
        );
    }

    #[test]
    fn invalid_levels() {
        assert_eq!(
            problem(vec![2, 1], vec![vec![0, 0]], vec![], Remainders::None),
            Err(MinimizeError::InvalidLevels {
                condition: 1,
                levels: 1
            })
        );
    }

    #[test]
    fn no_positive_rows() {
        assert_eq!(
            problem(vec![2, 2], vec![], vec![vec![0, 0]], Remainders::All),
            Err(MinimizeError::NoPositiveRows)
        );
    }

    #[test]
    fn unequal_lengths() {
        assert_eq!(
            problem(vec![2, 2], vec![vec![0, 0]], vec![vec![1]], Remainders::All),
            Err(MinimizeError::UnequalLengths {
                set: ConfigurationSet::Forbidden,
                index: 0,
                expected: 2,
                len: 1
            })
        );
    }

    #[test]
    fn level_out_of_range() {
        assert_eq!(
            problem(
                vec![2, 3],
                vec![vec![0, 2]],
                vec![],
                Remainders::Only(vec![vec![1, 3]])
            ),
            Err(MinimizeError::LevelOutOfRange {
                set: ConfigurationSet::Remainder,
                index: 0,
                condition: 1,
                value: 3,
                levels: 3
            })
        );
    }

    #[test]
    fn conflicts() {
        assert!(matches!(
            problem(vec![2], vec![vec![0]], vec![vec![0]], Remainders::All),
            Err(MinimizeError::Conflict { .. })
        ));
        assert!(matches!(
            problem(
                vec![2],
                vec![vec![0]],
                vec![vec![1]],
                Remainders::Only(vec![vec![1]])
            ),
            Err(MinimizeError::Conflict { .. })
        ));
        let p = problem(vec![2], vec![vec![0]], vec![], Remainders::All).unwrap();
        assert!(matches!(
            p.exclude(vec![vec![0]]),
            Err(MinimizeError::Conflict {
                second: ConfigurationSet::Excluded,
                ..
            })
        ));
    }

    #[test]
    fn cube_errors() {
        let within =
            CubeSet::new(vec![2, 2], vec![Implicant::from_levels(&[Some(0), None])]).unwrap();
        assert_eq!(
            problem(
                vec![2, 2],
                vec![vec![1, 1]],
                vec![vec![0, 1]],
                Remainders::Within(within.clone())
            ),
            Err(MinimizeError::Conflict {
                configuration: vec![0, 1],
                first: ConfigurationSet::Forbidden,
                second: ConfigurationSet::Remainder
            })
        );
        assert!(matches!(
            problem(
                vec![2, 3],
                vec![vec![1, 1]],
                vec![],
                Remainders::Within(within.clone())
            ),
            Err(MinimizeError::LevelsDiffer { .. })
        ));
        let p = problem(vec![2, 2], vec![vec![0, 1]], vec![], Remainders::All).unwrap();
        assert_eq!(
            p.clone().exclude_cubes(&within),
            Err(MinimizeError::Conflict {
                configuration: vec![0, 1],
                first: ConfigurationSet::Positive,
                second: ConfigurationSet::Excluded
            })
        );
        assert!(matches!(
            p.exclude_cubes(&CubeSet::universe(vec![2, 2, 2]).unwrap()),
            Err(MinimizeError::LevelsDiffer { .. })
        ));
        // Excluding rows and cubes shrinks a Within policy.
        let p = problem(
            vec![2, 2],
            vec![vec![1, 1]],
            vec![],
            Remainders::Within(within),
        )
        .unwrap()
        .exclude(vec![vec![0, 0]])
        .unwrap();
        let Remainders::Within(left) = p.remainders() else {
            panic!("policy changed")
        };
        assert_eq!(left.configurations().collect::<Vec<_>>(), [vec![0, 1]]);
    }

    #[test]
    fn exclude_by_policy() {
        let only = problem(
            vec![2, 2],
            vec![vec![1, 1]],
            vec![],
            Remainders::Only(vec![vec![1, 0], vec![0, 1]]),
        )
        .unwrap()
        .exclude(vec![vec![0, 1]])
        .unwrap();
        assert_eq!(only.remainders(), &Remainders::Only(vec![vec![1, 0]]));
        let all = problem(vec![2, 2], vec![vec![1, 1]], vec![], Remainders::All)
            .unwrap()
            .exclude(vec![vec![0, 1]])
            .unwrap();
        assert_eq!(all.forbidden(), &[vec![0, 1]]);
    }
}
