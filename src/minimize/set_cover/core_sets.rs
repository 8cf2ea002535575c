//! The sets of a family that no other set contains (its core), and which sets are in some
//! minimum cover, read off the minimum covers of the core.
//!
//! Every minimum cover comes from a minimum cover of the core: replace each of its sets by
//! a core set containing it; the result still covers, and its sets are distinct (two equal
//! would leave a smaller cover), so it is a minimum cover of the core. Hence a set `D` is
//! in some minimum cover exactly when some minimum cover `C` of the core has a set `c`
//! with `unique(c) ⊆ D ⊆ c`, where `unique(c)` is what `c` alone covers in `C`: then
//! `C - c + D` is a minimum cover, and conversely the sets replacing the others of a
//! minimum cover holding `D` cover everything outside `D`. The core is usually a fraction
//! of the family, and the covers of the core far fewer than those of the family.

use super::family::{contains, SetFamily};

/// The core of a family: the sets no other set contains (of equal sets, the first).
pub(super) struct Core {
    /// Per core set (same order), the non-empty sets of the family inside it, itself
    /// among them.
    within: Vec<Vec<usize>>,
    /// The core sets as a family of their own.
    family: SetFamily,
}

impl Core {
    /// The core of `family`.
    pub(super) fn new(family: &SetFamily) -> Core {
        let mut holders: Vec<Vec<usize>> = vec![Vec::new(); family.n];
        for (s, members) in family.members.iter().enumerate() {
            for &e in members {
                holders[e as usize].push(s);
            }
        }
        // A set's containers all hold its element of fewest holders.
        let rarest = |s: usize| {
            family.members[s]
                .iter()
                .map(|&e| &holders[e as usize])
                .min_by_key(|h| h.len())
        };
        let inside = |t: usize, s: usize| {
            t != s
                && contains(family.set(t), family.set(s))
                && (t < s || family.set(t) != family.set(s))
        };
        let is_core: Vec<bool> = (0..family.len())
            .map(|s| rarest(s).is_some_and(|h| !h.iter().any(|&t| inside(t, s))))
            .collect();
        let sets: Vec<usize> = (0..family.len()).filter(|&s| is_core[s]).collect();
        let mut position = vec![usize::MAX; family.len()];
        for (i, &c) in sets.iter().enumerate() {
            position[c] = i;
        }
        let mut within = vec![Vec::new(); sets.len()];
        for s in 0..family.len() {
            for &c in rarest(s).into_iter().flatten() {
                if is_core[c] && contains(family.set(c), family.set(s)) {
                    within[position[c]].push(s);
                }
            }
        }
        let core_family = SetFamily::new(family.n, sets.iter().map(|&c| family.set(c).to_vec()));
        Core {
            within,
            family: core_family,
        }
    }

    /// The core sets as a family of their own (same elements, same minimum).
    pub(super) fn family(&self) -> &SetFamily {
        &self.family
    }

    /// `cover`, a cover of the family, with each set replaced by a core set containing it,
    /// by its index in the core (empty sets dropped): a minimum cover stays minimum.
    pub(super) fn to_core(&self, cover: &[u32]) -> Vec<u32> {
        cover
            .iter()
            .filter_map(|&s| self.container(s as usize))
            .map(|c| c as u32)
            .collect()
    }

    /// The sets of `family` (whose core this is), not yet marked in `member`, that the
    /// minimum cover `cover` of the core (by core indices) shows in a minimum cover: inside
    /// one of its sets `c`, and holding what only `c` covers in `cover`; ascending.
    pub(super) fn members_shown(
        &self,
        family: &SetFamily,
        cover: &[u32],
        member: &[bool],
    ) -> Vec<usize> {
        let mut new = Vec::new();
        for (i, &c) in cover.iter().enumerate() {
            let mut others = vec![0u64; family.words];
            for (j, &d) in cover.iter().enumerate() {
                if j != i {
                    for (o, b) in others.iter_mut().zip(self.family.set(d as usize)) {
                        *o |= b;
                    }
                }
            }
            let unique: Vec<u64> = self
                .family
                .set(c as usize)
                .iter()
                .zip(&others)
                .map(|(a, o)| a & !o)
                .collect();
            new.extend(
                self.within[c as usize]
                    .iter()
                    .filter(|&&s| !member[s] && contains(family.set(s), &unique)),
            );
        }
        new.sort_unstable();
        new.dedup();
        new
    }

    /// The position in the core of a core set containing the family's set `s`, if any
    /// (none for an empty set).
    fn container(&self, s: usize) -> Option<usize> {
        self.within.iter().position(|inside| inside.contains(&s))
    }
}
