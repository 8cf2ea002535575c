//! The validated input of the minimization engine.

use std::collections::HashSet;

use super::bits::MAX_CONDITIONS;
use super::error::{ConfigurationSet, MinimizeError};

/// Which remainders (configurations that are neither positive nor forbidden) a prime
/// implicant may cover: the don't-care policy that distinguishes the solution types.
///
/// Default: [`Remainders::None`].
///
/// # Example
/// ```
/// use fsqca::minimize::Remainders;
/// let intermediate = Remainders::Only(vec![vec![1, 0, 1]]);
/// assert_ne!(intermediate, Remainders::default());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
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

/// Checks the levels of a problem or cube set: at least one condition, at most
/// [`MAX_CONDITIONS`], each with at least 2 levels.
pub(super) fn check_conditions(levels: &[u8]) -> Result<(), MinimizeError> {
    if levels.is_empty() {
        return Err(MinimizeError::NoConditions);
    }
    if levels.len() > MAX_CONDITIONS {
        return Err(MinimizeError::TooManyConditions {
            n: levels.len(),
            max: MAX_CONDITIONS,
        });
    }
    if let Some((condition, &l)) = levels.iter().enumerate().find(|(_, &l)| l < 2) {
        return Err(MinimizeError::InvalidLevels {
            condition,
            levels: l,
        });
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
        })
    }

    /// Removes configurations from the usable remainders (untenable or implausible
    /// counterfactuals, R QCA's `exclude`).
    ///
    /// With [`Remainders::All`] the excluded configurations become forbidden; with
    /// [`Remainders::Only`] they are dropped from the list; with [`Remainders::None`] they
    /// change nothing. Excluding a forbidden configuration is harmless.
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
        }
        let mut all = std::mem::take(&mut self.excluded);
        all.extend(excluded);
        self.excluded = sorted_unique(all);
        Ok(self)
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
