//! The first cover: greedy, then Lagrangian dives (Beasley, "A Lagrangian heuristic for
//! set-covering problems", Naval Research Logistics 37, 1990).

use super::family::{overlap, SetFamily};
use super::lagrangian::{Restricted, NODE_ITERATIONS, ROOT_ITERATIONS};

/// The dives for a first cover, by how far below the sets left their steps aim.
const DIVE_SLACKS: &[f64] = &[0.0, 0.5, 1.0, 1.5, 2.0];

/// A greedy cover (most new elements first), or `None` if some element is in no set.
pub(super) fn greedy_cover(family: &SetFamily) -> Option<Vec<u32>> {
    let mut uncovered = family.all_elements();
    let mut cover = Vec::new();
    while uncovered.iter().any(|&w| w != 0) {
        let (best, gain) = (0..family.len())
            .map(|s| (s, overlap(family.set(s), &uncovered)))
            .max_by_key(|&(s, gain)| (gain, std::cmp::Reverse(s)))?;
        if gain == 0 {
            return None;
        }
        for (u, w) in uncovered.iter_mut().zip(family.set(best)) {
            *u &= !w;
        }
        cover.push(best as u32);
    }
    Some(cover)
}

/// The smallest cover found by Lagrangian dives, or `best` if none is smaller, and the
/// root bound; leaves the root multipliers in `u`.
///
/// A dive takes, one at a time, the set of lowest reduced cost, re-optimizing the
/// multipliers on what is still uncovered after each choice, then drops the sets the
/// others make redundant (Beasley, 1990; Caprara, Fischetti & Toth, 1999). Dives differ
/// in where their subgradient steps aim (`DIVE_SLACKS`), which changes the multipliers
/// and so the sets taken. A smaller first cover lets the exact search prune earlier and
/// guides the listing of covers: where the linear bound is far below the minimum, the
/// search alone may not reach a minimum cover within its node limit.
///
/// `all` is every element, `active` every set.
pub(super) fn dives(
    family: &SetFamily,
    (all, active): (&[u64], &[u32]),
    u: &mut [f64],
    mut best: Vec<u32>,
) -> (Vec<u32>, f64) {
    let root = Restricted::new(family, all, active);
    let mut reduced = vec![0.0; active.len()];
    let bound = root.ascend(
        u,
        &mut reduced,
        (best.len() as f64, f64::INFINITY),
        ROOT_ITERATIONS,
    );
    for &slack in DIVE_SLACKS {
        if let Some(cover) = dive(family, (all, active), u, best.len(), slack) {
            if cover.len() < best.len() {
                best = cover;
            }
        }
    }
    (best, bound)
}

/// One dive from the multipliers `u` (see [`dives`]), its steps aimed at
/// `slack` below the sets `best` leaves for what is uncovered: the cover found, or `None`
/// once it cannot have fewer than `best` sets.
fn dive(
    family: &SetFamily,
    (all, active): (&[u64], &[u32]),
    u: &[f64],
    best: usize,
    slack: f64,
) -> Option<Vec<u32>> {
    let mut uncovered = all.to_vec();
    let mut active = active.to_vec();
    let mut u = u.to_vec();
    let mut chosen: Vec<u32> = Vec::new();
    while uncovered.iter().any(|&w| w != 0) {
        if chosen.len() + 1 >= best {
            return None;
        }
        let restricted = Restricted::new(family, &uncovered, &active);
        let mut local_u = restricted.local(&u);
        let mut reduced = vec![0.0; active.len()];
        // Over every set, not a pricing core: the choice needs every reduced cost right.
        let every: Vec<usize> = (0..active.len()).collect();
        let target = (best - chosen.len()) as f64 - slack;
        restricted.subgradient(
            &every,
            &mut local_u,
            (target, f64::INFINITY),
            NODE_ITERATIONS,
        );
        restricted.evaluate(&local_u, &mut reduced);
        restricted.write_back(&local_u, &mut u);
        let pick = (0..active.len()).min_by(|&a, &b| {
            reduced[a]
                .total_cmp(&reduced[b])
                .then_with(|| restricted.set(b).len().cmp(&restricted.set(a).len()))
        })?;
        let s = active[pick];
        for (w, b) in uncovered.iter_mut().zip(family.set(s as usize)) {
            *w &= !b;
        }
        chosen.push(s);
        active.retain(|&t| t != s && overlap(family.set(t as usize), &uncovered) > 0);
    }
    Some(without_redundant(family, chosen))
}

/// `cover` less the sets the others make redundant, smallest sets dropped first.
pub(super) fn without_redundant(family: &SetFamily, mut cover: Vec<u32>) -> Vec<u32> {
    let mut count = vec![0u32; family.n];
    for &s in &cover {
        family.members[s as usize]
            .iter()
            .for_each(|&e| count[e as usize] += 1);
    }
    cover.sort_by_key(|&s| (family.members[s as usize].len(), s));
    cover.retain(|&s| {
        let members = &family.members[s as usize];
        let redundant = members.iter().all(|&e| count[e as usize] > 1);
        if redundant {
            members.iter().for_each(|&e| count[e as usize] -= 1);
        }
        !redundant
    });
    cover
}
