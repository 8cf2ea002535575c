//! Exact minimum set cover: branch and bound with Lagrangian lower bounds.
//!
//! The prime implicant chart is a set cover problem: the positive configurations are the
//! elements, each prime implicant (or each class of implicants with the same columns) a set.
//! This module finds the minimum number of sets that cover every element, and lists every
//! cover of that size, without an external solver.
//!
//! Method (the standard exact approach to set covering, e.g. Beasley, "An algorithm for set
//! covering problem", European Journal of Operational Research 31, 1987; Balas & Carrera,
//! Operations Research 44, 1996):
//! - **Bound.** For multipliers `u >= 0` on the uncovered elements, the Lagrangian
//!   `L(u) = sum_e u_e + sum_S min(0, 1 - sum_{e in S} u_e)` is a lower bound on the size of
//!   any cover (relax "every element covered" into the objective). The multipliers are
//!   improved by subgradient steps (Held, Wolfe & Crowder, Mathematical Programming 6, 1974),
//!   warm-started from the parent node, so `L` approaches the linear-programming bound. Any
//!   `u` gives a valid bound, so the search stays exact whatever the step sizes.
//! - **Reduced-cost fixing.** A set whose reduced cost `1 - sum_{e in S} u_e` is positive
//!   raises the bound by that cost when it is taken; if that pushes the bound past the
//!   budget, the set is in no cover of the subtree and is dropped there.
//! - **Branching.** On the uncovered element with the fewest remaining sets; its sets are
//!   tried in order of reduced cost, and each set tried is excluded from the later branches.
//!   Only sets that no other set contains on the uncovered elements are branched on: a
//!   dominated set can be swapped for its dominator. When covers are listed, each cover
//!   reached stands for its variants, where each chosen set is replaced by a set it
//!   dominated at its node, kept if they still cover (see `Search::emit_variants` for why
//!   this lists every minimum cover; duplicates are dropped).
//! - **Pricing core.** The subgradient iterations run over a few sets per element, those of
//!   lowest reduced cost, and the result is priced on every set (Caprara, Fischetti & Toth,
//!   Operations Research 47, 1999): on charts of thousands of implicant classes this makes a
//!   node about three times cheaper.
//!
//! - **First cover.** A greedy cover, then Lagrangian dives (take the set of lowest reduced
//!   cost, re-optimize the multipliers on what is left, repeat; Beasley, "A Lagrangian
//!   heuristic for set-covering problems", Naval Research Logistics 37, 1990). The search
//!   only prunes against the best cover known, so where the linear bound is far below the
//!   minimum a good first cover decides whether the minimum is proven at all.
//!
//! Two stages: [`minimum_size`] proves the minimum (from the root bound upwards,
//! one size at a time: each pass either finds a cover of that size, which is then minimum,
//! or rules the size out; where the first cover meets the bound, no pass is needed), then
//! [`enumerate`] lists every cover of that size, going first towards the minimum
//! cover the proof found, so that the first covers come at once.
//!
//! Files: [`family`] (the sets as bit sets), [`lagrangian`] (the bound and the pricing
//! core), [`heuristic`] (the first cover), [`search`] (the branch and bound), [`core_sets`]
//! (the sets no other contains, and the sets in some minimum cover read off their minimum
//! covers, for [`in_minimum_covers`]).

mod core_sets;
mod family;
mod heuristic;
mod lagrangian;
mod search;

use core_sets::Core;
use family::contains;
pub(crate) use family::SetFamily;
use heuristic::{dives, greedy_cover};
use lagrangian::{initial_multipliers, Restricted, ROOT_ITERATIONS, TOLERANCE};
use search::{Mode, Search};

/// Where the first cover is two or more above the root bound, the share of the node limit
/// (one in `IMPROVE_SHARE`) spent looking for a smaller one before the proof goes up from
/// the bound.
const IMPROVE_SHARE: u64 = 8;

/// Why a search stopped early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NodeLimitReached;

/// [`minimum_size`] reached its node limit: what it had established.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unproven {
    /// The smallest cover found.
    pub best: Vec<u32>,
    /// No cover is smaller (the root bound rounded up, or the sizes ruled out).
    pub lower_bound: usize,
}

/// The outcome of [`minimum_size`]: the size, one cover of that size, and the
/// multipliers of the root bound (the cover guides [`enumerate`], the
/// multipliers warm-start it).
#[derive(Debug, Clone)]
pub(crate) struct Minimum {
    pub size: usize,
    pub cover: Vec<u32>,
    pub multipliers: Vec<f64>,
}

/// The minimum number of sets covering every element (`None` if some element is in no
/// set), proven by branch and bound.
///
/// The proof goes up one size at a time from the root bound: each pass looks for a cover
/// of at most `floor` sets, and either finds one (then it is minimum) or shows there is
/// none (then `floor + 1` is proven). Where the first cover is already one above the
/// root bound, as the dives usually make it, this is one pass. Where it is further
/// above, a search stopped by the node limit still reports the sizes it ruled out, and
/// a pass only prunes against its own, smaller, budget; before the passes, one search
/// on a share of the nodes (`IMPROVE_SHARE`) looks for any cover smaller than the first.
pub(crate) fn minimum_size(
    family: &SetFamily,
    node_limit: u64,
) -> Result<Option<Minimum>, Unproven> {
    let Some(greedy) = greedy_cover(family) else {
        return Ok(None);
    };
    let all = family.all_elements();
    let active: Vec<u32> = (0..family.len() as u32).collect();
    let mut u = initial_multipliers(family);
    let (cover, bound) = dives(family, (&all, &active), &mut u, greedy);
    let mut search = Search::new(family, Mode::Optimize { best: cover.len() }, node_limit);
    search.best_cover = cover;
    search.root_bound = bound;
    search.root_multipliers = u;
    let first = search.best_cover.len();
    if first > search.lower_bound() + 1 {
        // First, on a share of the nodes, any cover smaller than the first: if the node
        // limit stops the proof, the best cover is then closer to the minimum. Run to the
        // end, this pass alone proves the minimum.
        search.node_limit = node_limit / IMPROVE_SHARE;
        search.pass(&all, &active, first);
        search.node_limit = node_limit;
        if !search.exhausted && !search.stopped {
            search.floor = search.best_cover.len();
        }
        search.exhausted = search.nodes >= node_limit;
    }
    // Then from the bound up: a cover of at most `floor` sets, or the proof that there
    // is none.
    while !search.exhausted && !search.stopped {
        let floor = search.lower_bound();
        if search.best_cover.len() <= floor {
            break;
        }
        search.pass(&all, &active, floor + 1);
        if !search.exhausted && !search.stopped {
            search.floor = floor + 1;
        }
    }
    let lower_bound = search.lower_bound();
    let size = search.best_cover.len();
    if size > lower_bound {
        return Err(Unproven {
            best: search.best_cover,
            lower_bound,
        });
    }
    Ok(Some(Minimum {
        size,
        cover: search.best_cover,
        multipliers: search.root_multipliers,
    }))
}

/// Multipliers `u >= 0` on the elements of `family` that raise its Lagrangian bound
/// `L(u)`, by the subgradient steps of the root of [`minimum_size`] from `start` (one per
/// element), aimed at `target` (the size of a known cover). Where `start` is already
/// optimal on a part of the family, the steps leave it nearly unchanged there.
pub(crate) fn lagrangian_multipliers(family: &SetFamily, start: &[f64], target: f64) -> Vec<f64> {
    let all = family.all_elements();
    let active: Vec<u32> = (0..family.len() as u32).collect();
    let root = Restricted::new(family, &all, &active);
    let mut local = root.local(start);
    let mut reduced = vec![0.0; active.len()];
    root.ascend(
        &mut local,
        &mut reduced,
        (target, f64::INFINITY),
        ROOT_ITERATIONS,
    );
    let mut u = start.to_vec();
    root.write_back(&local, &mut u);
    u
}

/// Calls `emit` with every cover of `minimum.size` sets (each a list of set indices, in
/// the order chosen); `emit` returns `false` to stop. The search goes first towards
/// `minimum.cover`, so the first covers are found at once even where minimum covers are
/// rare among the partial covers the bound cannot rule out; `minimum.multipliers`
/// warm-starts the root bound (any non-negative values are valid).
///
/// Returns `Err` if the node limit is reached first.
pub(crate) fn enumerate(
    family: &SetFamily,
    minimum: &Minimum,
    node_limit: u64,
    emit: &mut dyn FnMut(&[u32]) -> bool,
) -> Result<(), NodeLimitReached> {
    let size = minimum.size;
    let mut search = Search::new(family, Mode::Enumerate { size }, node_limit);
    search.best_cover = minimum.cover.clone();
    let all = family.all_elements();
    let active: Vec<u32> = (0..family.len() as u32).collect();
    let mut u = if minimum.multipliers.len() == family.n {
        minimum.multipliers.clone()
    } else {
        initial_multipliers(family)
    };
    search.node(&all, &active, &mut u, ROOT_ITERATIONS, emit);
    if search.exhausted {
        Err(NodeLimitReached)
    } else {
        Ok(())
    }
}

/// A cover of at most `size` sets, if there is one (`None` if there is none), by the
/// branch and bound of [`minimum_size`] with `size` as its budget, and the search nodes it
/// took: it stops at the first cover found.
///
/// Returns `Err` if the node limit is reached first.
pub(crate) fn cover_within(
    family: &SetFamily,
    size: usize,
    node_limit: u64,
) -> Result<(Option<Vec<u32>>, u64), NodeLimitReached> {
    let Some(greedy) = greedy_cover(family) else {
        return Ok((None, 0));
    };
    if greedy.len() <= size {
        return Ok((Some(greedy), 0));
    }
    let all = family.all_elements();
    let active: Vec<u32> = (0..family.len() as u32).collect();
    let mut search = Search::new(family, Mode::Optimize { best: size + 1 }, node_limit);
    search.root_multipliers = initial_multipliers(family);
    // A cover of `size` sets is as small as asked: the search stops there.
    search.floor = size;
    search.pass(&all, &active, size + 1);
    if !search.best_cover.is_empty() {
        Ok((Some(search.best_cover), search.nodes))
    } else if search.exhausted {
        Err(NodeLimitReached)
    } else {
        Ok((None, search.nodes))
    }
}

/// Which sets' membership in some minimum cover is asked, told as the tests of
/// [`in_minimum_covers`] go: the caller can stop asking about a set once the sets
/// confirmed so far make its answer irrelevant to what it computes.
pub(crate) trait Relevance {
    /// Whether it is still asked if any of `sets` is in some minimum cover (asked before
    /// each test). Once `false` for some sets, it must stay `false` for them: they are not
    /// asked about again.
    fn needed(&mut self, sets: &[usize]) -> bool;
    /// `sets` are in some minimum cover.
    fn confirmed(&mut self, sets: &[usize]);
}

/// Every set is asked: [`in_minimum_covers`] decides them all.
pub(crate) struct EverySet;

impl Relevance for EverySet {
    fn needed(&mut self, _: &[usize]) -> bool {
        true
    }

    fn confirmed(&mut self, _: &[usize]) {}
}

/// Which sets are in some cover of `minimum.size` sets (a minimum cover, from
/// [`minimum_size`]), without listing the covers of the family: `true` at the index of each
/// such set found, each also told to `relevance` ([`Relevance::confirmed`]).
///
/// A set `T` is in some minimum cover exactly when `m - 1` sets cover the elements outside
/// `T`; so a set containing one in some minimum cover is in one too, and each set found
/// marks the sets containing it.
///
/// The Lagrangian bound of `minimum.multipliers` first rules sets out
/// (`L(u) + max(0, 1 - u(S))` is a lower bound on any cover holding `S`; above `m`, `S` is
/// in none). Then the minimum covers of the core are listed ([`Core::members_shown`]): where
/// the list ends within `node_limit` nodes, or once no set is left asked about
/// ([`Relevance::needed`]: not ruled out, not yet found), it decides every set asked,
/// however many the minimum covers of the whole family (the covers of the core are far
/// fewer). Otherwise the sets it found stay found, and the sets still asked about are
/// tested together: one more element, held by exactly those sets, is added to the family,
/// and a cover of `m` sets of that family is a minimum cover holding one of them
/// ([`cover_within`]). Each cover found marks all its sets (at least one of them new) and
/// the test repeats on the sets left; when there is none, no set left is in a minimum
/// cover. One search proves that for all of them at once, where a test per set repeated
/// nearly the same proof for each. With [`EverySet`] every set is decided; otherwise
/// `false` is "in no minimum cover, or not asked".
///
/// Returns `Err` if the tests together reach the node limit (`node_limit` nodes for the
/// listing, and as many for all the tests).
pub(crate) fn in_minimum_covers(
    family: &SetFamily,
    minimum: &Minimum,
    node_limit: u64,
    relevance: &mut dyn Relevance,
) -> Result<Vec<bool>, NodeLimitReached> {
    members_within(family, minimum, [node_limit; 2], relevance)
}

/// [`in_minimum_covers`] with a node limit for the listing of the core's covers and one for
/// the tests together: `[list, test]`.
fn members_within(
    family: &SetFamily,
    minimum: &Minimum,
    [list_nodes, test_nodes]: [u64; 2],
    relevance: &mut dyn Relevance,
) -> Result<Vec<bool>, NodeLimitReached> {
    let size = minimum.size;
    let mut member = vec![false; family.len()];
    if size == 0 {
        return Ok(member); // no element: the empty cover only
    }
    let first = with_supersets(
        family,
        &mut member,
        minimum.cover.iter().map(|&s| s as usize).collect(),
    );
    relevance.confirmed(&first);
    let u = if minimum.multipliers.len() == family.n {
        minimum.multipliers.clone()
    } else {
        initial_multipliers(family)
    };
    let reduced: Vec<f64> = family
        .members
        .iter()
        .map(|set| 1.0 - set.iter().map(|&e| u[e as usize]).sum::<f64>())
        .collect();
    let bound = u.iter().sum::<f64>() + reduced.iter().filter(|&&r| r < 0.0).sum::<f64>();
    let ruled_out = |s: usize| reduced[s] > 0.0 && bound + reduced[s] > size as f64 + TOLERANCE;
    // The sets still asked about: not ruled out, not yet found, and still needed. A set no
    // longer asked about is never asked again (see `Relevance::needed`).
    let mut asked: Vec<bool> = (0..family.len()).map(|s| !ruled_out(s)).collect();
    let any_asked = |asked: &mut [bool], member: &[bool], relevance: &mut dyn Relevance| {
        for (s, a) in asked.iter_mut().enumerate() {
            *a = *a && !member[s] && relevance.needed(&[s]);
        }
        asked.contains(&true)
    };
    if !any_asked(&mut asked, &member, relevance) {
        return Ok(member);
    }
    // First the minimum covers of the core, listed (the core has the same minimum): where
    // the list ends, or leaves no set asked about, it decides every set asked (see
    // `core_sets`).
    let core = Core::new(family);
    let start = Minimum {
        size,
        cover: core.to_core(&minimum.cover),
        multipliers: minimum.multipliers.clone(),
    };
    let listed = enumerate(core.family(), &start, list_nodes, &mut |cover| {
        let new = core.members_shown(family, cover, &member);
        let found = with_supersets(family, &mut member, new);
        if found.is_empty() {
            return true;
        }
        relevance.confirmed(&found);
        any_asked(&mut asked, &member, relevance)
    });
    if listed.is_ok() {
        return Ok(member); // every minimum cover of the core listed, or none needed
    }
    // One more element, `n`, held by the sets still asked about: a cover of `size` sets of
    // that family is a minimum cover holding one of them.
    let n = family.n;
    let words = (n + 1).div_ceil(64);
    let mut nodes_left = test_nodes;
    loop {
        if !any_asked(&mut asked, &member, relevance) {
            break;
        }
        let augmented = SetFamily::new(
            n + 1,
            (0..family.len()).map(|t| {
                let mut bits = vec![0u64; words];
                bits[..family.words].copy_from_slice(family.set(t));
                if asked[t] {
                    bits[n / 64] |= 1 << (n % 64);
                }
                bits
            }),
        );
        if nodes_left == 0 {
            return Err(NodeLimitReached);
        }
        let (cover, nodes) = cover_within(&augmented, size, nodes_left)?;
        nodes_left -= nodes;
        let Some(cover) = cover else {
            break; // no set asked about is in a minimum cover
        };
        let found = with_supersets(
            family,
            &mut member,
            cover.iter().map(|&c| c as usize).collect(),
        );
        relevance.confirmed(&found);
    }
    Ok(member)
}

/// Marks in `member` the sets `found` (in some minimum cover) and every set that contains
/// one of them, and returns those newly marked. A set `T` is in some minimum cover exactly
/// when `m - 1` sets cover the elements outside `T` (those sets and `T` are a cover of `m`
/// sets, the minimum), and a set containing `T` leaves no more elements outside.
fn with_supersets(family: &SetFamily, member: &mut [bool], found: Vec<usize>) -> Vec<usize> {
    let found: Vec<usize> = found.into_iter().filter(|&t| !member[t]).collect();
    if found.is_empty() {
        return found;
    }
    for &t in &found {
        member[t] = true;
    }
    let mut new = found.clone();
    for (s, m) in member.iter_mut().enumerate() {
        let set = family.set(s);
        if !*m && found.iter().any(|&t| contains(set, family.set(t))) {
            *m = true;
            new.push(s);
        }
    }
    new
}

#[cfg(test)]
mod tests {
    use super::lagrangian::TOLERANCE;
    use super::*;

    fn family(n: usize, sets: &[&[usize]]) -> SetFamily {
        SetFamily::new(
            n,
            sets.iter().map(|s| {
                let mut bits = vec![0u64; n.div_ceil(64).max(1)];
                for &e in s.iter() {
                    bits[e / 64] |= 1 << (e % 64);
                }
                bits
            }),
        )
    }

    /// Whether the sets `cover` of `f` hold every element.
    fn covers_all(f: &SetFamily, cover: &[u32]) -> bool {
        (0..f.n).all(|e| {
            cover
                .iter()
                .any(|&s| f.set(s as usize)[e / 64] >> (e % 64) & 1 == 1)
        })
    }

    fn all_minimum(f: &SetFamily) -> (usize, Vec<Vec<u32>>) {
        let m = minimum_size(f, u64::MAX).unwrap().unwrap();
        let mut out = Vec::new();
        enumerate(f, &m, u64::MAX, &mut |c| {
            let mut c = c.to_vec();
            c.sort_unstable();
            out.push(c);
            true
        })
        .unwrap();
        out.sort();
        (m.size, out)
    }

    #[test]
    fn cycle_has_three_minimum_covers() {
        let f = family(3, &[&[0, 1], &[1, 2], &[0, 2]]);
        assert_eq!(
            all_minimum(&f),
            (2, vec![vec![0, 1], vec![0, 2], vec![1, 2]])
        );
    }

    #[test]
    fn uncoverable_element() {
        let f = family(2, &[&[0]]);
        assert!(minimum_size(&f, 100).unwrap().is_none());
    }

    /// A xorshift generator from `seed`.
    fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        }
    }

    /// A random family of up to `max_sets` sets over up to `max_elements` elements (each
    /// element in a set with probability 1/2 to 1/`max_density`), its sets as lists, and
    /// every cover as a bit mask of sets.
    fn random_family(
        next: &mut impl FnMut() -> u64,
        max_elements: u64,
        max_sets: u64,
        max_density: u64,
    ) -> (Vec<Vec<usize>>, SetFamily, Vec<u32>) {
        let n = 1 + (next() % max_elements) as usize;
        let m = 1 + (next() % max_sets) as usize;
        let density = 2 + next() % (max_density - 1);
        let sets: Vec<Vec<usize>> = (0..m)
            .map(|_| (0..n).filter(|_| next() % density == 0).collect())
            .collect();
        let refs: Vec<&[usize]> = sets.iter().map(Vec::as_slice).collect();
        let f = family(n, &refs);
        let covers =
            |mask: u32| (0..n).all(|e| (0..m).any(|s| mask >> s & 1 == 1 && sets[s].contains(&e)));
        let all: Vec<u32> = (0..1u32 << m).filter(|&mask| covers(mask)).collect();
        (sets, f, all)
    }

    #[test]
    fn matches_brute_force_on_random_families() {
        let mut next = xorshift(0x243f6a8885a308d3);
        for _ in 0..400 {
            let (sets, f, all) = random_family(&mut next, 12, 14, 5);
            let Some(k) = all.iter().map(|s| s.count_ones()).min() else {
                assert!(minimum_size(&f, u64::MAX).unwrap().is_none(), "{sets:?}");
                continue;
            };
            let mut expected: Vec<Vec<u32>> = all
                .iter()
                .filter(|s| s.count_ones() == k)
                .map(|&s| {
                    (0..sets.len() as u32)
                        .filter(|&i| s >> i & 1 == 1)
                        .collect()
                })
                .collect();
            expected.sort();
            assert_eq!(all_minimum(&f), (k as usize, expected), "{sets:?}");
        }
    }

    /// Asks about the sets marked `true` only.
    struct Only(Vec<bool>);

    impl Relevance for Only {
        fn needed(&mut self, sets: &[usize]) -> bool {
            sets.iter().any(|&s| self.0[s])
        }

        fn confirmed(&mut self, _: &[usize]) {}
    }

    #[test]
    fn members_match_brute_force_whether_listed_or_tested() {
        let mut next = xorshift(0x9e3779b97f4a7c15);
        let mut tested = 0;
        for _ in 0..300 {
            let (sets, f, all) = random_family(&mut next, 10, 13, 4);
            let Some(k) = all.iter().map(|s| s.count_ones()).min() else {
                continue;
            };
            let union = all
                .iter()
                .filter(|s| s.count_ones() == k)
                .fold(0, |acc, s| acc | s);
            let expected: Vec<bool> = (0..sets.len()).map(|s| union >> s & 1 == 1).collect();
            let minimum = minimum_size(&f, u64::MAX).unwrap().unwrap();
            assert_eq!(minimum.size, k as usize, "{sets:?}");
            // Listed in full, listed in part then tested, and tested only; every set asked,
            // or only some: then those are decided, and no other is found wrongly.
            let some: Vec<bool> = (0..sets.len()).map(|_| next() % 3 == 0).collect();
            for list_nodes in [u64::MAX, 2, 0] {
                let member =
                    members_within(&f, &minimum, [list_nodes, u64::MAX], &mut EverySet).unwrap();
                assert_eq!(member, expected, "{sets:?}, listing {list_nodes} nodes");
                let mut only = Only(some.clone());
                let member =
                    members_within(&f, &minimum, [list_nodes, u64::MAX], &mut only).unwrap();
                for (s, (&found, &is)) in member.iter().zip(&expected).enumerate() {
                    assert!(
                        !found || is,
                        "{sets:?}, set {s}, listing {list_nodes} nodes"
                    );
                    assert!(found == is || !some[s], "{sets:?}, set {s} asked");
                }
            }
            tested += 1;
        }
        assert!(tested > 150, "{tested}");
    }

    /// The elements are the nonzero vectors x of GF(2)^k, and each nonzero a gives the set
    /// {x : a.x = 1}, of 2^(k-1) elements. Fewer than k sets leave some x with a.x = 0 for
    /// all of them (the chosen a must span the space), so the minimum is k, while the
    /// linear bound is (2^k - 1) / 2^(k-1), below 2.
    fn parity_family(k: u32) -> SetFamily {
        let nonzero = 1..1usize << k;
        let sets: Vec<Vec<usize>> = nonzero
            .clone()
            .map(|a| {
                nonzero
                    .clone()
                    .filter(|&x| (a & x).count_ones() % 2 == 1)
                    .map(|x| x - 1)
                    .collect()
            })
            .collect();
        let refs: Vec<&[usize]> = sets.iter().map(Vec::as_slice).collect();
        family(nonzero.len(), &refs)
    }

    #[test]
    fn node_limit_while_optimizing_reports_best_and_bound() {
        // Minimum 4, linear bound 15/8.
        let f = parity_family(4);
        let unproven = minimum_size(&f, 1).unwrap_err();
        assert_eq!(unproven.best.len(), 4);
        assert!(covers_all(&f, &unproven.best), "{unproven:?}");
        assert!((1..=2).contains(&unproven.lower_bound), "{unproven:?}");
        assert_eq!(minimum_size(&f, 10_000).unwrap().unwrap().size, 4);
    }

    #[test]
    fn node_limit_reports_the_sizes_ruled_out() {
        // Minimum 5, linear bound 31/16. The proof rules out 2, 3, then 4 sets in turn, and
        // a search stopped on the way says how far it got.
        let f = parity_family(5);
        let mut bounds = Vec::new();
        for limit in [1, 10, 30, 100, 300, 1_000, 3_000, 10_000, 100_000] {
            match minimum_size(&f, limit) {
                Ok(minimum) => {
                    assert_eq!(minimum.unwrap().size, 5);
                    bounds.push(5);
                    break;
                }
                Err(unproven) => {
                    assert_eq!(unproven.best.len(), 5);
                    assert!(covers_all(&f, &unproven.best));
                    bounds.push(unproven.lower_bound);
                }
            }
        }
        assert_eq!(bounds.first(), Some(&2), "{bounds:?}");
        assert_eq!(bounds.last(), Some(&5), "{bounds:?}");
        assert!(bounds.windows(2).all(|w| w[0] <= w[1]), "{bounds:?}");
        assert!(bounds.contains(&3) && bounds.contains(&4), "{bounds:?}");
    }

    #[test]
    fn dives_improve_on_greedy() {
        // Greedy takes {0, 1, 3, 4} first and needs three sets; {0, 1, 2} and {3, 4, 5}
        // suffice.
        let f = family(6, &[&[0, 1, 2], &[3, 4, 5], &[0, 1, 3, 4], &[2], &[5]]);
        let greedy = greedy_cover(&f).unwrap();
        assert_eq!(greedy.len(), 3);
        let mut u = initial_multipliers(&f);
        let all = f.all_elements();
        let active: Vec<u32> = (0..f.len() as u32).collect();
        let (mut cover, bound) = dives(&f, (&all, &active), &mut u, greedy);
        cover.sort_unstable();
        assert_eq!(cover, vec![0, 1]);
        assert!(bound <= 2.0 + TOLERANCE, "{bound}");
    }

    #[test]
    fn node_limit_is_reported() {
        let sets: Vec<Vec<usize>> = (0..12).map(|i| vec![i, (i + 1) % 12]).collect();
        let refs: Vec<&[usize]> = sets.iter().map(Vec::as_slice).collect();
        let f = family(12, &refs);
        let minimum = Minimum {
            size: 6,
            cover: Vec::new(),
            multipliers: Vec::new(),
        };
        assert_eq!(
            enumerate(&f, &minimum, 1, &mut |_| true),
            Err(NodeLimitReached)
        );
    }
}
