//! Sets of configurations held symbolically, as unions of cubes.

use std::collections::HashSet;

use super::bits::MAX_CONDITIONS;
use super::error::{ConfigurationSet, MinimizeError};
use super::implicant::Implicant;

/// A set of configurations held as a union of cubes ([`Implicant`]s) over given levels.
///
/// Memory grows with the number of cubes, never with the configuration space: the
/// remainders of a 30-condition truth table, or the easy counterfactuals of an intermediate
/// solution, are a few cubes where a list would hold up to `2^30` rows. The operations work
/// on the cubes:
///
/// - [`union`](Self::union) and [`intersection`](Self::intersection) combine cubes pairwise;
/// - [`complement`](Self::complement) and [`difference`](Self::difference) use Shannon's
///   expansion (Shannon 1949; Brayton et al., *Logic Minimization Algorithms for VLSI
///   Synthesis*, 1984, for the recursive complement of a cover): the set is split on one
///   condition's levels (its cofactors), each part is complemented recursively, and a cube is
///   lifted out of the split when it is in every part. A set without cube has the whole space
///   as complement, a set with the empty cube (no literal) has nothing. This works for
///   multi-value conditions alike;
/// - [`count`](Self::count) splits the same way until a part is a single cube or holds the
///   empty cube, whose sizes are products of levels: exact, never enumerating;
/// - [`configurations`](Self::configurations) lists the configurations in ascending order,
///   lazily.
///
/// Every result drops the cubes contained in another cube of the same set (single-cube
/// containment; for [`difference`](Self::difference), up to a size), so results stay small;
/// the cubes of a set need not be disjoint, and the
/// same set of configurations can be held by different lists of cubes (compare with
/// [`count`](Self::count), [`contains`](Self::contains) or
/// [`configurations`](Self::configurations), not with `==` on the cubes).
///
/// The configuration space has at most 2^63 configurations (checked on construction), so
/// counts and R QCA's row numbers (1 to the product of the levels) fit a `u64`.
///
/// # Example
/// ```
/// use fsqca::minimize::{CubeSet, Implicant};
/// // Three binary conditions A, B, C; the set A + ~B*C.
/// let a = Implicant::from_levels(&[Some(1), None, None]);
/// let not_b_c = Implicant::from_levels(&[None, Some(0), Some(1)]);
/// let set = CubeSet::new(vec![2, 2, 2], vec![a, not_b_c])?;
/// assert_eq!(set.count(), 5);
/// assert!(set.contains(&[0, 0, 1]) && !set.contains(&[0, 1, 1]));
/// assert_eq!(set.complement().count(), 3);
/// let first: Vec<Vec<u8>> = set.configurations().take(2).collect();
/// assert_eq!(first, [vec![0, 0, 1], vec![1, 0, 0]]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "CubeSetData")
)]
pub struct CubeSet {
    levels: Vec<u8>,
    cubes: Vec<Implicant>,
}

/// The serialised fields of a [`CubeSet`], checked by [`CubeSet::new`] on deserialization.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct CubeSetData {
    levels: Vec<u8>,
    cubes: Vec<Implicant>,
}

#[cfg(feature = "serde")]
impl TryFrom<CubeSetData> for CubeSet {
    type Error = MinimizeError;

    fn try_from(data: CubeSetData) -> Result<Self, Self::Error> {
        CubeSet::new(data.levels, data.cubes)
    }
}

fn check_levels(levels: &[u8]) -> Result<(), MinimizeError> {
    check_conditions(levels)?;
    let mut size: u128 = 1;
    for &l in levels {
        size *= u128::from(l);
        if size > 1u128 << 63 {
            return Err(MinimizeError::SpaceTooLarge {
                levels: levels.to_vec(),
            });
        }
    }
    Ok(())
}

/// The most cubes a [`CubeSet::difference`] result is cleared of contained cubes for.
const ABSORB_MAX: usize = 4096;

/// Keeps one cube of each set of equal cubes and drops every cube contained in another.
fn absorb(mut cubes: Vec<Implicant>) -> Vec<Implicant> {
    cubes.sort_unstable();
    cubes.dedup();
    let mut kept: Vec<Implicant> = Vec::with_capacity(cubes.len());
    for cube in cubes {
        // Sorted by number of literals: a cube can only be contained in one kept before it.
        if !kept.iter().any(|k| cube.is_subsumed_by(k)) {
            kept.push(cube);
        }
    }
    kept
}

/// The cubes of `cubes` that allow level `level` of `condition`, without their literal there.
fn cofactor(cubes: &[Implicant], condition: usize, level: u8) -> Vec<Implicant> {
    cubes
        .iter()
        .filter(|c| c.level(condition).is_none_or(|v| v == level))
        .map(|c| c.without(condition))
        .collect()
}

/// The condition on which most cubes have a literal (`None` if no cube has one).
fn most_used(cubes: &[Implicant], n: usize) -> Option<usize> {
    let mut uses = vec![0usize; n];
    for cube in cubes {
        for (j, _) in cube.literals() {
            uses[j] += 1;
        }
    }
    let (j, &most) = uses.iter().enumerate().rev().max_by_key(|(_, &u)| u)?;
    (most > 0).then_some(j)
}

/// The product of the levels of the conditions in `free`.
fn size(levels: &[u8], free: u64) -> u64 {
    levels
        .iter()
        .enumerate()
        .filter(|(j, _)| free >> j & 1 == 1)
        .map(|(_, &l)| u64::from(l))
        .product()
}

/// The complement of the union of `cubes` (none with a literal outside `0..levels.len()`).
fn complement_cubes(cubes: &[Implicant], levels: &[u8]) -> Vec<Implicant> {
    let n = levels.len();
    if cubes.is_empty() {
        return vec![Implicant::from_levels(&vec![None; n])];
    }
    if cubes.iter().any(Implicant::is_empty) {
        return Vec::new();
    }
    if let [single] = cubes {
        // De Morgan: outside the cube iff some literal fails (one-literal cubes, none
        // containing another).
        return single
            .literals()
            .flat_map(|(j, v)| {
                (0..levels[j])
                    .filter(move |&l| l != v)
                    .map(move |l| Implicant::from_levels(&vec![None; n]).with_literal(j, l))
            })
            .collect();
    }
    let Some(j) = most_used(cubes, n) else {
        return Vec::new();
    };
    let parts: Vec<Vec<Implicant>> = (0..levels[j])
        .map(|l| complement_cubes(&cofactor(cubes, j, l), levels))
        .collect();
    let lookup: Vec<HashSet<&Implicant>> = parts.iter().map(|p| p.iter().collect()).collect();
    // Each part is free of contained cubes; a cube of part `l` (literal j = l added) can
    // only be contained in a cube lifted out of every part, which part `l` then holds too.
    // So lifting the common cubes keeps the result free of contained cubes.
    let mut out = Vec::new();
    for (l, part) in parts.iter().enumerate() {
        for cube in part {
            let everywhere = lookup.iter().all(|p| p.contains(cube));
            if !everywhere {
                out.push(cube.with_literal(j, l as u8));
            } else if l == 0 {
                out.push(cube.clone());
            }
        }
    }
    out
}

/// [`count_cubes`] for binary conditions, each cube as bit sets `(conditions with a
/// literal, their levels)`: the same expansion without an allocation per cube.
fn count_binary(cubes: &[(u64, u64)], free: u64) -> u64 {
    let size = |conditions: u64| 1u64 << conditions.count_ones();
    match cubes {
        [] => 0,
        [(mask, _)] => size(free & !mask),
        _ if cubes.iter().any(|&(mask, _)| mask == 0) => size(free),
        _ => {
            let masks: Vec<u64> = cubes.iter().map(|&(mask, _)| mask).collect();
            let groups = component_masks(&masks);
            if groups.len() > 1 {
                let used = groups.iter().fold(0, |a, &g| a | g);
                let outside = groups.iter().fold(size(free & !used), |out, &g| {
                    let part: Vec<(u64, u64)> = cubes
                        .iter()
                        .copied()
                        .filter(|&(mask, _)| mask & g != 0)
                        .collect();
                    out * (size(g) - count_binary(&part, g))
                });
                return size(free) - outside;
            }
            let mut uses = [0usize; 64];
            for &mask in &masks {
                let mut bits = mask;
                while bits != 0 {
                    uses[bits.trailing_zeros() as usize] += 1;
                    bits &= bits - 1;
                }
            }
            let j = (0..64).rev().max_by_key(|&j| uses[j]).unwrap_or(0);
            let bit = 1u64 << j;
            (0..2u64)
                .map(|level| {
                    let part: Vec<(u64, u64)> = cubes
                        .iter()
                        .filter(|&&(mask, values)| mask & bit == 0 || (values >> j) & 1 == level)
                        .map(|&(mask, values)| (mask & !bit, values & !bit))
                        .collect();
                    count_binary(&part, free & !bit)
                })
                .sum()
        }
    }
}

/// The connected components of cubes given by the conditions they have a literal on (none
/// empty): two cubes are connected when they share a condition. Each component as its
/// conditions.
fn component_masks(masks: &[u64]) -> Vec<u64> {
    let mut groups: Vec<u64> = Vec::new();
    for &mask in masks {
        // The groups are disjoint: one that misses the cube misses what it is merged with.
        let mut merged = mask;
        groups.retain(|&g| {
            let apart = g & merged == 0;
            if !apart {
                merged |= g;
            }
            apart
        });
        groups.push(merged);
    }
    groups
}

/// The number of configurations over the conditions `free` in the union of `cubes`
/// (literals only on `free`): by Shannon expansion on the most used condition, and, when
/// the cubes fall into groups on disjoint conditions, as the product of the groups'
/// complements (a configuration is outside the union iff it is outside every group's).
fn count_cubes(cubes: &[Implicant], levels: &[u8], free: u64) -> u64 {
    match cubes {
        [] => 0,
        [single] => size(levels, free & !single.mask()),
        _ if cubes.iter().any(Implicant::is_empty) => size(levels, free),
        _ => {
            let masks: Vec<u64> = cubes.iter().map(Implicant::mask).collect();
            let groups = component_masks(&masks);
            if groups.len() > 1 {
                let used = groups.iter().fold(0, |a, &g| a | g);
                let outside = groups.iter().fold(size(levels, free & !used), |out, &g| {
                    let part: Vec<Implicant> = cubes
                        .iter()
                        .filter(|c| c.mask() & g != 0)
                        .cloned()
                        .collect();
                    out * (size(levels, g) - count_cubes(&part, levels, g))
                });
                return size(levels, free) - outside;
            }
            match most_used(cubes, levels.len()) {
                Some(j) => (0..levels[j])
                    .map(|l| count_cubes(&cofactor(cubes, j, l), levels, free & !(1u64 << j)))
                    .sum(),
                None => size(levels, free),
            }
        }
    }
}

impl CubeSet {
    /// Checks and builds a set from its cubes (duplicates and cubes contained in another
    /// are dropped).
    ///
    /// # Errors
    /// - [`MinimizeError::NoConditions`] if `levels` is empty,
    ///   [`MinimizeError::TooManyConditions`] beyond
    ///   [`MAX_CONDITIONS`](crate::minimize::MAX_CONDITIONS),
    ///   [`MinimizeError::InvalidLevels`] for a condition with fewer than 2 levels,
    ///   [`MinimizeError::SpaceTooLarge`] if the product of the levels exceeds 2^63;
    /// - [`MinimizeError::ImplicantLength`] for a cube not over `levels.len()` conditions,
    ///   [`MinimizeError::LevelOutOfRange`] (set [`ConfigurationSet::Cubes`]) for a literal
    ///   outside its condition's levels.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CubeSet, Implicant, MinimizeError};
    /// let a = Implicant::from_levels(&[Some(1), None]);
    /// let ab = Implicant::from_levels(&[Some(1), Some(1)]);
    /// let set = CubeSet::new(vec![2, 2], vec![ab, a.clone()])?;
    /// assert_eq!(set.cubes(), [a]); // A*B is inside A
    /// let bad = CubeSet::new(vec![2, 2], vec![Implicant::from_levels(&[Some(2), None])]);
    /// assert!(matches!(bad, Err(MinimizeError::LevelOutOfRange { value: 2, .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(levels: Vec<u8>, cubes: Vec<Implicant>) -> Result<Self, MinimizeError> {
        check_levels(&levels)?;
        for (index, cube) in cubes.iter().enumerate() {
            if cube.n_conditions() != levels.len() {
                return Err(MinimizeError::ImplicantLength {
                    index,
                    expected: levels.len(),
                    len: cube.n_conditions(),
                });
            }
            if let Some((condition, value)) = cube.literals().find(|&(j, v)| v >= levels[j]) {
                return Err(MinimizeError::LevelOutOfRange {
                    set: ConfigurationSet::Cubes,
                    index,
                    condition,
                    value,
                    levels: levels[condition],
                });
            }
        }
        Ok(CubeSet {
            levels,
            cubes: absorb(cubes),
        })
    }

    /// The empty set over `levels`.
    ///
    /// # Errors
    /// As [`CubeSet::new`], for the levels.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::CubeSet;
    /// let none = CubeSet::empty(vec![2, 3])?;
    /// assert!(none.is_empty());
    /// assert_eq!(none.count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn empty(levels: Vec<u8>) -> Result<Self, MinimizeError> {
        CubeSet::new(levels, Vec::new())
    }

    /// Every configuration over `levels` (one cube without literal).
    ///
    /// # Errors
    /// As [`CubeSet::new`], for the levels.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CubeSet, MinimizeError};
    /// assert_eq!(CubeSet::universe(vec![2, 3])?.count(), 6);
    /// assert_eq!(CubeSet::universe(vec![2; 63])?.count(), 1 << 63);
    /// let too_big = CubeSet::universe(vec![3; 40]);
    /// assert!(matches!(too_big, Err(MinimizeError::SpaceTooLarge { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn universe(levels: Vec<u8>) -> Result<Self, MinimizeError> {
        let everything = Implicant::from_levels(&vec![None; levels.len()]);
        CubeSet::new(levels, vec![everything])
    }

    /// The set of the given configurations (one full cube each; duplicates merged).
    ///
    /// # Errors
    /// As [`CubeSet::new`] for the levels;
    /// [`MinimizeError::UnequalLengths`] or [`MinimizeError::LevelOutOfRange`] (set
    /// [`ConfigurationSet::Cubes`]) for a malformed configuration.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CubeSet, MinimizeError};
    /// let set = CubeSet::from_configurations(vec![2, 2], &[vec![1, 0], vec![0, 1], vec![1, 0]])?;
    /// assert_eq!(set.count(), 2);
    /// let short = CubeSet::from_configurations(vec![2, 2], &[vec![1]]);
    /// assert!(matches!(short, Err(MinimizeError::UnequalLengths { len: 1, .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_configurations(
        levels: Vec<u8>,
        configs: &[Vec<u8>],
    ) -> Result<Self, MinimizeError> {
        check_levels(&levels)?;
        let full = if levels.len() >= 64 {
            u64::MAX
        } else {
            (1u64 << levels.len()) - 1
        };
        let mut cubes = Vec::with_capacity(configs.len());
        for (index, config) in configs.iter().enumerate() {
            if config.len() != levels.len() {
                return Err(MinimizeError::UnequalLengths {
                    set: ConfigurationSet::Cubes,
                    index,
                    expected: levels.len(),
                    len: config.len(),
                });
            }
            if let Some((condition, (&value, &l))) = config
                .iter()
                .zip(&levels)
                .enumerate()
                .find(|(_, (&v, &l))| v >= l)
            {
                return Err(MinimizeError::LevelOutOfRange {
                    set: ConfigurationSet::Cubes,
                    index,
                    condition,
                    value,
                    levels: l,
                });
            }
            cubes.push(Implicant::from_mask(full, config));
        }
        cubes.sort_unstable();
        cubes.dedup();
        Ok(CubeSet { levels, cubes })
    }

    /// The number of levels of each condition.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::CubeSet;
    /// assert_eq!(CubeSet::empty(vec![2, 3])?.levels(), [2, 3]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn levels(&self) -> &[u8] {
        &self.levels
    }

    /// The cubes, in [`Implicant`]'s order, none contained in another (except in a large
    /// [`difference`](Self::difference)).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CubeSet, Implicant};
    /// let set = CubeSet::universe(vec![2, 2])?;
    /// assert_eq!(set.cubes(), [Implicant::from_levels(&[None, None])]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cubes(&self) -> &[Implicant] {
        &self.cubes
    }

    /// Whether the set holds no configuration.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::CubeSet;
    /// assert!(CubeSet::universe(vec![2, 2])?.complement().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.cubes.is_empty()
    }

    /// Whether `config` (one level per condition) is in the set; `false` for a
    /// configuration that does not have one value per condition.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CubeSet, Implicant};
    /// let a = CubeSet::new(vec![2, 2], vec![Implicant::from_levels(&[Some(1), None])])?;
    /// assert!(a.contains(&[1, 0]) && !a.contains(&[0, 1]) && !a.contains(&[1]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains(&self, config: &[u8]) -> bool {
        config.len() == self.levels.len() && self.cubes.iter().any(|c| c.covers(config))
    }

    /// The exact number of distinct configurations in the set, computed on the cubes
    /// (never by enumeration).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CubeSet, Implicant};
    /// // A + B over 40 binary conditions: 3/4 of 2^40.
    /// let mut a = vec![None; 40];
    /// a[0] = Some(1);
    /// let mut b = vec![None; 40];
    /// b[1] = Some(1);
    /// let set = CubeSet::new(vec![2; 40], vec![Implicant::from_levels(&a), Implicant::from_levels(&b)])?;
    /// assert_eq!(set.count(), 3 << 38);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn count(&self) -> u64 {
        let n = self.levels.len();
        let free = if n >= 64 { u64::MAX } else { (1u64 << n) - 1 };
        if self.levels.iter().all(|&l| l == 2) {
            let cubes: Vec<(u64, u64)> = self
                .cubes
                .iter()
                .map(|c| {
                    let values = c.literals().fold(0u64, |v, (j, l)| v | u64::from(l) << j);
                    (c.mask(), values)
                })
                .collect();
            return count_binary(&cubes, free);
        }
        count_cubes(&self.cubes, &self.levels, free)
    }

    fn same_levels(&self, other: &CubeSet) -> Result<(), MinimizeError> {
        if self.levels == other.levels {
            Ok(())
        } else {
            Err(MinimizeError::LevelsDiffer {
                left: self.levels.clone(),
                right: other.levels.clone(),
            })
        }
    }

    /// The configurations in either set.
    ///
    /// # Errors
    /// [`MinimizeError::LevelsDiffer`] if the sets are over different levels.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::CubeSet;
    /// let a = CubeSet::from_configurations(vec![2, 2], &[vec![1, 0]])?;
    /// let b = CubeSet::from_configurations(vec![2, 2], &[vec![1, 1]])?;
    /// let both = a.union(&b)?;
    /// assert_eq!(both.count(), 2);
    /// assert_eq!(both.cubes().len(), 2);
    /// assert!(a.union(&CubeSet::empty(vec![2, 3])?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn union(&self, other: &CubeSet) -> Result<CubeSet, MinimizeError> {
        self.same_levels(other)?;
        let cubes = self.cubes.iter().chain(&other.cubes).cloned().collect();
        Ok(CubeSet {
            levels: self.levels.clone(),
            cubes: absorb(cubes),
        })
    }

    /// The configurations in both sets.
    ///
    /// # Errors
    /// [`MinimizeError::LevelsDiffer`] if the sets are over different levels.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CubeSet, Implicant};
    /// let a = CubeSet::new(vec![2, 2], vec![Implicant::from_levels(&[Some(1), None])])?;
    /// let b = CubeSet::new(vec![2, 2], vec![Implicant::from_levels(&[None, Some(0)])])?;
    /// let ab = a.intersection(&b)?;
    /// assert_eq!(ab.cubes(), [Implicant::from_levels(&[Some(1), Some(0)])]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn intersection(&self, other: &CubeSet) -> Result<CubeSet, MinimizeError> {
        self.same_levels(other)?;
        let cubes = self
            .cubes
            .iter()
            .flat_map(|a| other.cubes.iter().filter_map(move |b| a.intersection(b)))
            .collect();
        Ok(CubeSet {
            levels: self.levels.clone(),
            cubes: absorb(cubes),
        })
    }

    /// The configurations of `self` that are not in `other`: for each cube of `self`, the
    /// complement of `other` within that cube (only the cubes of `other` that meet it take
    /// part), without the pieces inside an earlier cube of `self`. Results of more than 4,096
    /// cubes are not cleared of cubes contained in another (that takes time quadratic in
    /// their number); the set is the same, and [`count`](Self::count) exact.
    ///
    /// # Errors
    /// [`MinimizeError::LevelsDiffer`] if the sets are over different levels.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CubeSet, Implicant};
    /// let all = CubeSet::universe(vec![2, 2, 2])?;
    /// let a = CubeSet::new(vec![2, 2, 2], vec![Implicant::from_levels(&[Some(1), None, None])])?;
    /// let rest = all.difference(&a)?;
    /// assert_eq!(rest.cubes(), [Implicant::from_levels(&[Some(0), None, None])]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn difference(&self, other: &CubeSet) -> Result<CubeSet, MinimizeError> {
        self.same_levels(other)?;
        Ok(self.without_cubes(&other.cubes))
    }

    /// [`CubeSet::difference`] with the cubes to take out given as a list, over the same
    /// levels as `self` (not checked: for the crate's own sets).
    pub(crate) fn without_cubes(&self, other: &[Implicant]) -> CubeSet {
        let mut cubes = Vec::new();
        for (i, a) in self.cubes.iter().enumerate() {
            let within: Vec<Implicant> = other
                .iter()
                .filter_map(|b| b.intersection(a))
                .map(|b| a.literals().fold(b, |b, (j, _)| b.without(j)))
                .collect();
            // A piece inside an earlier cube of `self` is covered by that cube's pieces (it
            // is outside `other`), so it is dropped: the union stays the same.
            let earlier = &self.cubes[..i];
            cubes.extend(
                complement_cubes(&within, &self.levels)
                    .into_iter()
                    .filter_map(|c| c.intersection(a))
                    .filter(|piece| !earlier.iter().any(|e| piece.is_subsumed_by(e))),
            );
        }
        // The pieces of one cube contain none another; across cubes they may, and dropping
        // those takes time quadratic in their number: done for small results only.
        if cubes.len() <= ABSORB_MAX {
            cubes = absorb(cubes);
        } else {
            cubes.sort_unstable();
        }
        CubeSet {
            levels: self.levels.clone(),
            cubes,
        }
    }

    /// Whether `cube` shares a configuration with the set.
    pub(crate) fn meets(&self, cube: &Implicant) -> bool {
        self.cubes.iter().any(|c| c.meets(cube))
    }

    /// The configurations not in the set.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CubeSet, Implicant};
    /// // Over a 3-level condition A and a binary B: not A[2]*B is A[0] + A[1] + ~B.
    /// let set = CubeSet::new(vec![3, 2], vec![Implicant::from_levels(&[Some(2), Some(1)])])?;
    /// let not = set.complement();
    /// assert_eq!(not.count(), 5);
    /// assert_eq!(not.cubes().len(), 3);
    /// assert!(!not.contains(&[2, 1]) && not.contains(&[2, 0]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn complement(&self) -> CubeSet {
        let mut cubes = complement_cubes(&self.cubes, &self.levels);
        cubes.sort_unstable();
        CubeSet {
            levels: self.levels.clone(),
            cubes,
        }
    }

    /// The configurations of the set, distinct, in ascending lexicographic order (first
    /// condition most significant: the order of R QCA's truth-table row numbers), computed
    /// lazily: taking the first `n` costs about `n` steps of the number of conditions times
    /// the cubes, whatever the size of the set.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CubeSet, Implicant};
    /// let mut first = vec![Some(1)];
    /// first.extend(vec![None; 39]);
    /// let set = CubeSet::new(vec![2; 40], vec![Implicant::from_levels(&first)])?;
    /// let some: Vec<Vec<u8>> = set.configurations().take(3).collect();
    /// assert_eq!(some[0][0], 1);
    /// assert_eq!(some[2][38..], [1, 0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn configurations(&self) -> impl Iterator<Item = Vec<u8>> + '_ {
        Configurations {
            set: self,
            config: vec![0; self.levels.len()],
            active: Vec::new(),
            started: false,
        }
    }
}

/// The lazy, ordered listing behind [`CubeSet::configurations`]: a depth-first walk over
/// the conditions, taking the levels in ascending order and entering a level only when some
/// cube allows it, so every branch entered ends in a configuration.
struct Configurations<'a> {
    set: &'a CubeSet,
    config: Vec<u8>,
    /// `active[j]`: the indices of the cubes that cover `config[..j]`.
    active: Vec<Vec<usize>>,
    started: bool,
}

impl Configurations<'_> {
    /// The cubes of `active[depth]` that allow `level` at condition `depth`.
    fn allowing(&self, depth: usize, level: u8) -> Vec<usize> {
        self.active[depth]
            .iter()
            .copied()
            .filter(|&i| self.set.cubes[i].level(depth).is_none_or(|v| v == level))
            .collect()
    }

    /// Fills `config[depth..]` with the smallest levels some active cube allows.
    fn descend(&mut self, from: usize) {
        for depth in from..self.set.levels.len() {
            for level in 0..self.set.levels[depth] {
                let next = self.allowing(depth, level);
                if !next.is_empty() {
                    self.config[depth] = level;
                    self.active.push(next);
                    break;
                }
            }
        }
    }
}

impl Iterator for Configurations<'_> {
    type Item = Vec<u8>;

    fn next(&mut self) -> Option<Vec<u8>> {
        let n = self.set.levels.len();
        if !self.started {
            self.started = true;
            if self.set.cubes.is_empty() {
                return None;
            }
            self.active.push((0..self.set.cubes.len()).collect());
            self.descend(0);
            return Some(self.config.clone());
        }
        // Backtrack to the deepest condition with a larger level some cube allows.
        for depth in (0..n).rev() {
            self.active.truncate(depth + 1);
            for level in self.config[depth] + 1..self.set.levels[depth] {
                let next = self.allowing(depth, level);
                if !next.is_empty() {
                    self.config[depth] = level;
                    self.active.push(next);
                    self.descend(depth + 1);
                    return Some(self.config.clone());
                }
            }
        }
        self.active.clear();
        None
    }
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

#[cfg(test)]
mod tests {
    use super::super::quine_mccluskey::all_configurations as space;
    use super::*;
    use proptest::prelude::*;

    fn members(set: &CubeSet) -> Vec<Vec<u8>> {
        space(set.levels())
            .into_iter()
            .filter(|c| set.cubes().iter().any(|t| t.covers(c)))
            .collect()
    }

    fn cube_strategy(levels: Vec<u8>) -> impl Strategy<Value = Implicant> {
        let parts: Vec<_> = levels
            .iter()
            .map(|&l| prop_oneof![Just(None), (0..l).prop_map(Some)])
            .collect();
        parts.prop_map(|lv| Implicant::from_levels(&lv))
    }

    fn two_sets() -> impl Strategy<Value = (CubeSet, CubeSet)> {
        prop::collection::vec(2u8..=3, 1..=8).prop_flat_map(|levels| {
            let a = prop::collection::vec(cube_strategy(levels.clone()), 0..6);
            let b = prop::collection::vec(cube_strategy(levels.clone()), 0..6);
            (Just(levels), a, b).prop_map(|(levels, a, b)| {
                (
                    CubeSet::new(levels.clone(), a).unwrap(),
                    CubeSet::new(levels, b).unwrap(),
                )
            })
        })
    }

    fn binary_set() -> impl Strategy<Value = CubeSet> {
        (1usize..=10).prop_flat_map(|k| {
            prop::collection::vec(cube_strategy(vec![2; k]), 0..14)
                .prop_map(move |cubes| CubeSet::new(vec![2; k], cubes).unwrap())
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// The binary count (bit sets) equals the general expansion and the enumeration.
        #[test]
        fn binary_count_matches_brute_force(set in binary_set()) {
            let free = (1u64 << set.levels().len()) - 1;
            prop_assert_eq!(set.count(), members(&set).len() as u64);
            prop_assert_eq!(set.count(), count_cubes(set.cubes(), set.levels(), free));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn operations_match_brute_force((a, b) in two_sets()) {
            let all = space(a.levels());
            let ma = members(&a);
            let mb = members(&b);
            prop_assert_eq!(a.count(), ma.len() as u64);
            prop_assert_eq!(a.configurations().collect::<Vec<_>>(), ma.clone());
            for c in &all {
                prop_assert_eq!(a.contains(c), ma.contains(c));
            }
            let check = |set: &CubeSet, want: &dyn Fn(&Vec<u8>) -> bool| -> Result<(), TestCaseError> {
                let expected: Vec<Vec<u8>> = all.iter().filter(|c| want(c)).cloned().collect();
                prop_assert_eq!(members(set), expected.clone());
                prop_assert_eq!(set.count(), expected.len() as u64);
                prop_assert_eq!(set.configurations().collect::<Vec<_>>(), expected);
                for (i, x) in set.cubes().iter().enumerate() {
                    for (j, y) in set.cubes().iter().enumerate() {
                        prop_assert!(i == j || !x.is_subsumed_by(y));
                    }
                }
                Ok(())
            };
            check(&a.union(&b).unwrap(), &|c| ma.contains(c) || mb.contains(c))?;
            check(&a.intersection(&b).unwrap(), &|c| ma.contains(c) && mb.contains(c))?;
            check(&a.difference(&b).unwrap(), &|c| ma.contains(c) && !mb.contains(c))?;
            check(&a.complement(), &|c| !ma.contains(c))?;
        }
    }

    #[test]
    fn invalid_input() {
        assert_eq!(CubeSet::empty(vec![]), Err(MinimizeError::NoConditions));
        assert_eq!(
            CubeSet::empty(vec![2, 1]),
            Err(MinimizeError::InvalidLevels {
                condition: 1,
                levels: 1
            })
        );
        assert!(matches!(
            CubeSet::empty(vec![2; 64]),
            Err(MinimizeError::TooManyConditions { n: 64, .. })
        ));
        assert!(CubeSet::empty(vec![2; 63]).is_ok());
        assert!(matches!(
            CubeSet::empty(vec![255; 8]),
            Err(MinimizeError::SpaceTooLarge { .. })
        ));
        assert_eq!(
            CubeSet::new(vec![2, 2], vec![Implicant::from_levels(&[None])]),
            Err(MinimizeError::ImplicantLength {
                index: 0,
                expected: 2,
                len: 1
            })
        );
        assert_eq!(
            CubeSet::from_configurations(vec![2, 3], &[vec![0, 0], vec![1, 3]]),
            Err(MinimizeError::LevelOutOfRange {
                set: ConfigurationSet::Cubes,
                index: 1,
                condition: 1,
                value: 3,
                levels: 3
            })
        );
        let a = CubeSet::universe(vec![2, 2]).unwrap();
        let b = CubeSet::universe(vec![2, 3]).unwrap();
        let differ = Err(MinimizeError::LevelsDiffer {
            left: vec![2, 2],
            right: vec![2, 3],
        });
        assert_eq!(a.union(&b), differ);
        assert_eq!(a.intersection(&b), differ);
        assert_eq!(a.difference(&b), differ);
    }

    #[test]
    fn large_spaces_are_not_enumerated() {
        // The complement of 30 minterms over 63 conditions: counted exactly.
        let levels = vec![2u8; 63];
        let configs: Vec<Vec<u8>> = (0..30u64)
            .map(|i| {
                (0..63)
                    .map(|j| (((i * 0x9e37_79b9) >> (j % 40)) & 1) as u8)
                    .collect()
            })
            .collect();
        let set = CubeSet::from_configurations(levels, &configs).unwrap();
        let distinct = set.cubes().len() as u64;
        let rest = set.complement();
        assert_eq!(rest.count(), (1u64 << 63) - distinct);
        assert_eq!(rest.configurations().take(5).count(), 5);
        assert!(configs.iter().all(|c| !rest.contains(c)));
    }
}
