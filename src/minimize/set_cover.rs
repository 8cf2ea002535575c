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
//! Two stages: [`SetFamily::minimum_size`] proves the minimum (from the root bound upwards,
//! one size at a time: each pass either finds a cover of that size, which is then minimum,
//! or rules the size out; where the first cover meets the bound, no pass is needed), then
//! [`SetFamily::enumerate`] lists every cover of that size, going first towards the minimum
//! cover the proof found, so that the first covers come at once.

use std::collections::HashSet;

use super::bits::ones;

/// Slack on floating-point bounds: a bound prunes only if it exceeds the budget by more.
const TOLERANCE: f64 = 1e-7;
/// Subgradient iterations at the root and at each later node.
const ROOT_ITERATIONS: usize = 300;
const NODE_ITERATIONS: usize = 100;
/// Sets per element in the pricing core of the subgradient iterations, and the rounds of
/// pricing on all sets.
const CORE_PER_ELEMENT: usize = 5;
const PRICING_ROUNDS: usize = 3;
/// Where the first cover is two or more above the root bound, the share of the node limit
/// (one in `IMPROVE_SHARE`) spent looking for a smaller one before the proof goes up from
/// the bound.
const IMPROVE_SHARE: u64 = 8;
/// The dives for a first cover, by how far below the sets left their steps aim.
const DIVE_SLACKS: &[f64] = &[0.0, 0.5, 1.0, 1.5, 2.0];

/// A family of sets over the elements `0..n`, each stored as a bit set and a member list.
#[derive(Debug, Clone)]
pub(crate) struct SetFamily {
    n: usize,
    words: usize,
    bits: Vec<u64>,
    members: Vec<Vec<u32>>,
}

/// Why a search stopped early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NodeLimitReached;

/// [`SetFamily::minimum_size`] reached its node limit: what it had established.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unproven {
    /// The smallest cover found.
    pub best: Vec<u32>,
    /// No cover is smaller (the root bound rounded up, or the sizes ruled out).
    pub lower_bound: usize,
}

/// The outcome of [`SetFamily::minimum_size`]: the size, one cover of that size, and the
/// multipliers of the root bound (the cover guides [`SetFamily::enumerate`], the
/// multipliers warm-start it).
#[derive(Debug, Clone)]
pub(crate) struct Minimum {
    pub size: usize,
    pub cover: Vec<u32>,
    pub multipliers: Vec<f64>,
}

impl SetFamily {
    /// A family from bit sets over `n` elements (`words` = `n.div_ceil(64)` per set).
    pub(crate) fn new(n: usize, sets: impl IntoIterator<Item = Vec<u64>>) -> SetFamily {
        let words = n.div_ceil(64).max(1);
        let mut bits = Vec::new();
        let mut members = Vec::new();
        for set in sets {
            debug_assert_eq!(set.len(), words);
            members.push(ones(&set).map(|e| e as u32).collect());
            bits.extend_from_slice(&set);
        }
        SetFamily {
            n,
            words,
            bits,
            members,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.members.len()
    }

    fn set(&self, s: usize) -> &[u64] {
        &self.bits[s * self.words..(s + 1) * self.words]
    }

    fn all_elements(&self) -> Vec<u64> {
        let mut all = vec![0u64; self.words];
        for e in 0..self.n {
            all[e / 64] |= 1 << (e % 64);
        }
        all
    }

    /// A greedy cover (most new elements first), or `None` if some element is in no set.
    fn greedy_cover(&self) -> Option<Vec<u32>> {
        let mut uncovered = self.all_elements();
        let mut cover = Vec::new();
        while uncovered.iter().any(|&w| w != 0) {
            let (best, gain) = (0..self.len())
                .map(|s| (s, overlap(self.set(s), &uncovered)))
                .max_by_key(|&(s, gain)| (gain, std::cmp::Reverse(s)))?;
            if gain == 0 {
                return None;
            }
            for (u, w) in uncovered.iter_mut().zip(self.set(best)) {
                *u &= !w;
            }
            cover.push(best as u32);
        }
        Some(cover)
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
    pub(crate) fn minimum_size(&self, node_limit: u64) -> Result<Option<Minimum>, Unproven> {
        let Some(greedy) = self.greedy_cover() else {
            return Ok(None);
        };
        let all = self.all_elements();
        let active: Vec<u32> = (0..self.len() as u32).collect();
        let mut u = initial_multipliers(self);
        let (cover, bound) = self.dives((&all, &active), &mut u, greedy);
        let mut search = Search::new(self, Mode::Optimize { best: cover.len() }, node_limit);
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
    fn dives(
        &self,
        (all, active): (&[u64], &[u32]),
        u: &mut [f64],
        mut best: Vec<u32>,
    ) -> (Vec<u32>, f64) {
        let root = Restricted::new(self, all, active);
        let mut reduced = vec![0.0; active.len()];
        let bound = root.ascend(
            u,
            &mut reduced,
            (best.len() as f64, f64::INFINITY),
            ROOT_ITERATIONS,
        );
        for &slack in DIVE_SLACKS {
            if let Some(cover) = self.dive((all, active), u, best.len(), slack) {
                if cover.len() < best.len() {
                    best = cover;
                }
            }
        }
        (best, bound)
    }

    /// One dive from the multipliers `u` (see [`SetFamily::dives`]), its steps aimed at
    /// `slack` below the sets `best` leaves for what is uncovered: the cover found, or `None`
    /// once it cannot have fewer than `best` sets.
    fn dive(
        &self,
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
            let restricted = Restricted::new(self, &uncovered, &active);
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
            for (w, b) in uncovered.iter_mut().zip(self.set(s as usize)) {
                *w &= !b;
            }
            chosen.push(s);
            active.retain(|&t| t != s && overlap(self.set(t as usize), &uncovered) > 0);
        }
        Some(self.without_redundant(chosen))
    }

    /// `cover` less the sets the others make redundant, smallest sets dropped first.
    fn without_redundant(&self, mut cover: Vec<u32>) -> Vec<u32> {
        let mut count = vec![0u32; self.n];
        for &s in &cover {
            self.members[s as usize]
                .iter()
                .for_each(|&e| count[e as usize] += 1);
        }
        cover.sort_by_key(|&s| (self.members[s as usize].len(), s));
        cover.retain(|&s| {
            let members = &self.members[s as usize];
            let redundant = members.iter().all(|&e| count[e as usize] > 1);
            if redundant {
                members.iter().for_each(|&e| count[e as usize] -= 1);
            }
            !redundant
        });
        cover
    }

    /// Calls `emit` with every cover of `minimum.size` sets (each a list of set indices, in
    /// the order chosen); `emit` returns `false` to stop. The search goes first towards
    /// `minimum.cover`, so the first covers are found at once even where minimum covers are
    /// rare among the partial covers the bound cannot rule out; `minimum.multipliers`
    /// warm-starts the root bound (any non-negative values are valid).
    ///
    /// Returns `Err` if the node limit is reached first.
    pub(crate) fn enumerate(
        &self,
        minimum: &Minimum,
        node_limit: u64,
        emit: &mut dyn FnMut(&[u32]) -> bool,
    ) -> Result<(), NodeLimitReached> {
        let size = minimum.size;
        let mut search = Search::new(self, Mode::Enumerate { size }, node_limit);
        search.best_cover = minimum.cover.clone();
        let all = self.all_elements();
        let active: Vec<u32> = (0..self.len() as u32).collect();
        let mut u = if minimum.multipliers.len() == self.n {
            minimum.multipliers.clone()
        } else {
            initial_multipliers(self)
        };
        search.node(&all, &active, &mut u, ROOT_ITERATIONS, emit);
        if search.exhausted {
            Err(NodeLimitReached)
        } else {
            Ok(())
        }
    }
}

fn overlap(a: &[u64], b: &[u64]) -> u32 {
    a.iter().zip(b).map(|(x, y)| (x & y).count_ones()).sum()
}

/// `u_e = min over sets S containing e of 1 / |S|`: a feasible dual solution.
fn initial_multipliers(family: &SetFamily) -> Vec<f64> {
    let mut u = vec![f64::INFINITY; family.n];
    for members in &family.members {
        let v = 1.0 / members.len() as f64;
        for &e in members {
            u[e as usize] = u[e as usize].min(v);
        }
    }
    u.iter_mut()
        .filter(|x| x.is_infinite())
        .for_each(|x| *x = 0.0);
    u
}

#[derive(Debug, Clone, Copy)]
enum Mode {
    /// Look for covers strictly smaller than `best`.
    Optimize { best: usize },
    /// Every cover of `size` sets.
    Enumerate { size: usize },
}

struct Search<'a> {
    family: &'a SetFamily,
    mode: Mode,
    banned: Vec<bool>,
    chosen: Vec<u32>,
    /// Optimizing: the smallest cover found. Enumerating: a minimum cover the search goes
    /// towards first.
    best_cover: Vec<u32>,
    /// Enumerating: the nodes on the path, one per chosen set.
    levels: Vec<Level>,
    /// Enumerating: the covers already emitted, sorted.
    emitted: HashSet<Vec<u32>>,
    nodes: u64,
    node_limit: u64,
    exhausted: bool,
    stopped: bool,
    root_multipliers: Vec<f64>,
    root_bound: f64,
    /// Optimizing: no cover has fewer sets (shown by the passes before).
    floor: usize,
}

/// A node on the path of the cover enumeration.
struct Level {
    /// Its uncovered elements.
    uncovered: Vec<u64>,
    /// Its sets after reduced-cost fixing.
    candidates: Vec<u32>,
    /// The set chosen there when last asked, and the candidates within it (see
    /// `Search::within_on`).
    within: Option<(u32, Vec<u32>)>,
}

/// The active sets of a node restricted to its uncovered elements, renumbered `0..m`:
/// a compact copy the subgradient iterations run over.
struct Restricted {
    /// Local index -> element.
    elements: Vec<u32>,
    /// Set `i`'s local elements are `flat[start[i]..start[i + 1]]`.
    start: Vec<usize>,
    flat: Vec<u32>,
}

impl Restricted {
    fn new(family: &SetFamily, uncovered: &[u64], active: &[u32]) -> Restricted {
        let elements: Vec<u32> = ones(uncovered).map(|e| e as u32).collect();
        let mut local = vec![u32::MAX; family.n];
        for (i, &e) in elements.iter().enumerate() {
            local[e as usize] = i as u32;
        }
        let mut start = Vec::with_capacity(active.len() + 1);
        let mut flat = Vec::new();
        start.push(0);
        for &s in active {
            flat.extend(
                family.members[s as usize]
                    .iter()
                    .map(|&e| local[e as usize])
                    .filter(|&l| l != u32::MAX),
            );
            start.push(flat.len());
        }
        Restricted {
            elements,
            start,
            flat,
        }
    }

    fn set(&self, i: usize) -> &[u32] {
        &self.flat[self.start[i]..self.start[i + 1]]
    }

    /// The multipliers of the local elements, from `u` indexed by element.
    fn local(&self, u: &[f64]) -> Vec<f64> {
        self.elements.iter().map(|&e| u[e as usize]).collect()
    }

    /// Writes the local multipliers `local` back into `u`, indexed by element.
    fn write_back(&self, local: &[f64], u: &mut [f64]) {
        for (&e, &v) in self.elements.iter().zip(local) {
            u[e as usize] = v;
        }
    }

    /// The sets of `candidates` that no other candidate contains (of equal ones, the first
    /// in order of size then index), in their original order.
    fn undominated(&self, mut candidates: Vec<usize>) -> Vec<usize> {
        let words = self.elements.len().div_ceil(64).max(1);
        let bits = |i: usize| {
            let mut b = vec![0u64; words];
            for &e in self.set(i) {
                b[e as usize / 64] |= 1 << (e % 64);
            }
            b
        };
        candidates.sort_by_key(|&i| (std::cmp::Reverse(self.set(i).len()), i));
        let mut kept: Vec<(usize, Vec<u64>)> = Vec::with_capacity(candidates.len());
        let mut containing: Vec<Vec<u32>> = vec![Vec::new(); self.elements.len()];
        for i in candidates {
            let own = bits(i);
            let Some(&rarest) = self
                .set(i)
                .iter()
                .min_by_key(|&&e| containing[e as usize].len())
            else {
                continue;
            };
            let dominated = containing[rarest as usize].iter().any(|&k| {
                own.iter()
                    .zip(&kept[k as usize].1)
                    .all(|(a, b)| a & !b == 0)
            });
            if !dominated {
                for &e in self.set(i) {
                    containing[e as usize].push(kept.len() as u32);
                }
                kept.push((i, own));
            }
        }
        let mut out: Vec<usize> = kept.into_iter().map(|(i, _)| i).collect();
        out.sort_unstable();
        out
    }

    /// `L(u)` and the reduced costs of the sets.
    fn evaluate(&self, u: &[f64], reduced: &mut [f64]) -> f64 {
        self.evaluate_on(0..reduced.len(), u, reduced)
    }

    /// `L(u)` over the given sets only, and their reduced costs (`reduced[k]` for the `k`-th).
    fn evaluate_on(
        &self,
        sets: impl Iterator<Item = usize>,
        u: &[f64],
        reduced: &mut [f64],
    ) -> f64 {
        let mut value: f64 = u.iter().sum();
        for (r, i) in reduced.iter_mut().zip(sets) {
            *r = 1.0 - self.set(i).iter().map(|&e| u[e as usize]).sum::<f64>();
            if *r < 0.0 {
                value += *r;
            }
        }
        value
    }

    /// Subgradient ascent on `L` from `u` (local indices), with steps aimed at `target`,
    /// stopping as soon as `L` exceeds `enough`; returns the best `L` found and leaves its
    /// multipliers in `u` and its reduced costs in `reduced`.
    ///
    /// The iterations run on a pricing core: for each element, the few sets of lowest
    /// reduced cost that contain it (Caprara, Fischetti & Toth, "A heuristic method for the
    /// set covering problem", Operations Research 47, 1999). `L` on the core is at least `L`
    /// on all sets, so after each round the multipliers are priced on every set; sets of
    /// negative reduced cost left out join the core for the next round. The value returned
    /// is always `L` over every set, so it is a valid bound.
    fn ascend(
        &self,
        u: &mut [f64],
        reduced: &mut [f64],
        (target, enough): (f64, f64),
        iterations: usize,
    ) -> f64 {
        let mut best = self.evaluate(u, reduced);
        if iterations == 0 || best > enough {
            return best;
        }
        let mut best_u = u.to_vec();
        let mut in_core = vec![false; reduced.len()];
        let mut core = self.pricing_core(reduced, &mut in_core);
        // Whether `reduced` holds the reduced costs of `best_u`.
        let mut reduced_of_best = true;
        for _ in 0..PRICING_ROUNDS {
            self.subgradient(&core, u, (target, enough), iterations);
            let value = self.evaluate(u, reduced);
            reduced_of_best = value > best;
            if reduced_of_best {
                best = value;
                best_u.copy_from_slice(u);
            }
            if best > enough {
                break;
            }
            let missing: Vec<usize> = (0..reduced.len())
                .filter(|&i| !in_core[i] && reduced[i] < 0.0)
                .collect();
            if missing.is_empty() {
                break;
            }
            for i in missing {
                in_core[i] = true;
                core.push(i);
            }
        }
        u.copy_from_slice(&best_u);
        if reduced_of_best {
            best
        } else {
            self.evaluate(u, reduced)
        }
    }

    /// The sets of lowest reduced cost, until each element is in `CORE_PER_ELEMENT` of them
    /// (or in all its sets); marks them in `in_core`.
    ///
    /// Only the lowest reduced costs are sorted at first (a few times `CORE_PER_ELEMENT` per
    /// element); the rest are sorted only if some element, or a negative reduced cost, still
    /// needs them, so the core is the same as from a full sort.
    fn pricing_core(&self, reduced: &[f64], in_core: &mut [bool]) -> Vec<usize> {
        let order_by = |a: &usize, b: &usize| reduced[*a].total_cmp(&reduced[*b]).then(a.cmp(b));
        let mut order: Vec<usize> = (0..reduced.len()).collect();
        let head = (4 * CORE_PER_ELEMENT * self.elements.len()).min(order.len());
        if head < order.len() {
            order.select_nth_unstable_by(head, order_by);
        }
        order[..head].sort_unstable_by(order_by);
        let mut count = vec![0usize; self.elements.len()];
        let mut core = Vec::new();
        let mut consider = |i: usize, count: &mut [usize]| {
            let set = self.set(i);
            if reduced[i] < 0.0 || set.iter().any(|&e| count[e as usize] < CORE_PER_ELEMENT) {
                set.iter().for_each(|&e| count[e as usize] += 1);
                in_core[i] = true;
                core.push(i);
            }
        };
        for &i in &order[..head] {
            consider(i, &mut count);
        }
        let tail_needed = order[head..].iter().any(|&i| {
            reduced[i] < 0.0
                || self
                    .set(i)
                    .iter()
                    .any(|&e| count[e as usize] < CORE_PER_ELEMENT)
        });
        if tail_needed {
            order[head..].sort_unstable_by(order_by);
            for &i in &order[head..] {
                consider(i, &mut count);
            }
        }
        core
    }

    /// Subgradient steps on `L` restricted to the sets `core`, from `u` (aimed at `target`,
    /// stopping above `enough`); leaves the best multipliers found in `u`.
    fn subgradient(
        &self,
        core: &[usize],
        u: &mut [f64],
        (target, enough): (f64, f64),
        iterations: usize,
    ) {
        let mut reduced = vec![0.0f64; core.len()];
        let evaluate =
            |u: &[f64], reduced: &mut [f64]| self.evaluate_on(core.iter().copied(), u, reduced);
        let mut value = evaluate(u, &mut reduced);
        let mut best = value;
        let mut best_u = u.to_vec();
        let mut g = vec![0.0f64; u.len()];
        let mut step_scale = 1.0;
        let mut stale = 0;
        for _ in 0..iterations {
            g.iter_mut().for_each(|x| *x = 1.0);
            for (&r, &i) in reduced.iter().zip(core) {
                if r < 0.0 {
                    for &e in self.set(i) {
                        g[e as usize] -= 1.0;
                    }
                }
            }
            // Components that would only push a zero multiplier below zero do not move.
            for (gi, ui) in g.iter_mut().zip(u.iter()) {
                if *ui <= 0.0 && *gi < 0.0 {
                    *gi = 0.0;
                }
            }
            let norm: f64 = g.iter().map(|x| x * x).sum();
            if norm == 0.0 {
                break; // u is optimal for the relaxation on the core
            }
            let step = step_scale * (target - value).max(0.05) / norm;
            for (ui, gi) in u.iter_mut().zip(&g) {
                *ui = (*ui + step * gi).max(0.0);
            }
            value = evaluate(u, &mut reduced);
            if value > best + 1e-9 {
                best = value;
                best_u.copy_from_slice(u);
                stale = 0;
                if best > enough {
                    break;
                }
            } else {
                stale += 1;
                if stale >= 5 {
                    step_scale *= 0.5;
                    stale = 0;
                    if step_scale < 1e-3 {
                        break;
                    }
                }
            }
        }
        u.copy_from_slice(&best_u);
    }
}

impl<'a> Search<'a> {
    fn new(family: &'a SetFamily, mode: Mode, node_limit: u64) -> Self {
        Search {
            family,
            mode,
            banned: vec![false; family.len()],
            chosen: Vec::new(),
            best_cover: Vec::new(),
            levels: Vec::new(),
            emitted: HashSet::new(),
            nodes: 0,
            node_limit,
            exhausted: false,
            stopped: false,
            root_multipliers: Vec::new(),
            root_bound: 0.0,
            floor: 0,
        }
    }

    /// The sets of `candidates` whose elements in `uncovered` are all in set `s` (`s` itself
    /// among them: the chosen set of a node is one of its candidates).
    fn within_on(&self, s: u32, uncovered: &[u64], candidates: &[u32]) -> Vec<u32> {
        let own: Vec<u64> = self
            .family
            .set(s as usize)
            .iter()
            .zip(uncovered)
            .map(|(a, b)| a & b)
            .collect();
        candidates
            .iter()
            .copied()
            .filter(|&t| {
                self.family
                    .set(t as usize)
                    .iter()
                    .zip(uncovered)
                    .zip(&own)
                    .all(|((t, u), o)| t & u & !o == 0)
            })
            .collect()
    }

    /// Emits every cover made of one set within each chosen set (on the uncovered elements of
    /// its node), once over the whole search; `false` if `emit` asked to stop.
    ///
    /// Why this lists every minimum cover: take one, `C`. At each node on the way down, the
    /// uncovered elements are covered by the sets of `C` not matched yet; one of them, `T`,
    /// has the branching element, and an undominated set `S` branched on there has all of
    /// `T`'s uncovered elements (take the first such branch: no set of `C` is excluded in it,
    /// and `C`'s remaining sets survive reduced-cost fixing, since they cover what is left
    /// within the budget). Matching `T` to `S` and going on reaches a leaf where each set of
    /// `C` is within the chosen set of its node.
    fn emit_variants(&mut self, emit: &mut dyn FnMut(&[u32]) -> bool) -> bool {
        let words = self.family.words;
        let covered = vec![0u64; words];
        let mut cover = vec![0u32; self.chosen.len()];
        self.variant_from(self.chosen.len(), &covered, &mut cover, emit)
    }

    /// Chooses the set within position `i - 1`'s chosen set, deepest position first: what
    /// the chosen set covered at its node and no later choice covers must be in it.
    fn variant_from(
        &mut self,
        i: usize,
        covered: &[u64],
        cover: &mut [u32],
        emit: &mut dyn FnMut(&[u32]) -> bool,
    ) -> bool {
        if i == 0 {
            let mut key = cover.to_vec();
            key.sort_unstable();
            if !self.emitted.insert(key) {
                return true;
            }
            return emit(cover);
        }
        let p = i - 1;
        let s = self.chosen[p];
        // The elements position p's set had to cover: those of the chosen set still uncovered
        // at its node, less what deeper choices cover.
        let needed: Vec<u64> = self
            .family
            .set(s as usize)
            .iter()
            .zip(&self.levels[p].uncovered)
            .zip(covered.iter())
            .map(|((a, u), c)| a & u & !c)
            .collect();
        let candidates = match self.levels[p].within.take() {
            Some((chosen, within)) if chosen == s => within,
            _ => {
                let level = &self.levels[p];
                self.within_on(s, &level.uncovered, &level.candidates)
            }
        };
        let mut go_on = true;
        let mut next = vec![0u64; covered.len()];
        for &t in &candidates {
            let set = self.family.set(t as usize);
            if needed.iter().zip(set).any(|(n, b)| n & !b != 0) {
                continue;
            }
            for ((n, c), b) in next.iter_mut().zip(covered.iter()).zip(set) {
                *n = c | b;
            }
            cover[p] = t;
            go_on = self.variant_from(p, &next, cover, emit);
            if !go_on {
                break;
            }
        }
        self.levels[p].within = Some((s, candidates));
        go_on
    }

    /// One search from the root for a cover of fewer than `best` sets, warm-started from the
    /// root multipliers.
    fn pass(&mut self, all: &[u64], active: &[u32], best: usize) {
        self.mode = Mode::Optimize { best };
        let mut u = self.root_multipliers.clone();
        self.node(all, active, &mut u, ROOT_ITERATIONS, &mut |_| true);
    }

    /// The proven lower bound on the size of a cover: the root bound rounded up, or the
    /// sizes the passes before ruled out (at least 1 if there are elements).
    fn lower_bound(&self) -> usize {
        ((self.root_bound - TOLERANCE).ceil().max(0.0) as usize)
            .max(usize::from(self.family.n > 0))
            .max(self.floor)
    }

    /// The number of further sets a cover may take below this node, or `None` if none.
    fn budget(&self) -> Option<usize> {
        let depth = self.chosen.len();
        match self.mode {
            Mode::Optimize { best } => best.checked_sub(depth + 1),
            Mode::Enumerate { size } => size.checked_sub(depth),
        }
    }

    /// One node: `uncovered` elements, `active` candidate sets (not banned, meeting
    /// `uncovered`), `u` multipliers indexed by element.
    fn node(
        &mut self,
        uncovered: &[u64],
        active: &[u32],
        u: &mut [f64],
        iterations: usize,
        emit: &mut dyn FnMut(&[u32]) -> bool,
    ) {
        if self.stopped || self.exhausted {
            return;
        }
        self.nodes += 1;
        if self.nodes > self.node_limit {
            self.exhausted = true;
            return;
        }
        if uncovered.iter().all(|&w| w == 0) {
            match &mut self.mode {
                Mode::Optimize { best } => {
                    *best = self.chosen.len();
                    self.best_cover = self.chosen.clone();
                    // Nothing smaller exists if the root bound says so.
                    if *best <= self.lower_bound() {
                        self.stopped = true;
                    }
                }
                Mode::Enumerate { .. } => {
                    if !self.emit_variants(emit) {
                        self.stopped = true;
                    }
                }
            }
            return;
        }
        let Some(budget) = self.budget().filter(|&b| b > 0) else {
            return;
        };
        let restricted = Restricted::new(self.family, uncovered, active);
        let mut local_u = restricted.local(u);
        let mut reduced = vec![0.0; active.len()];
        let limit = budget as f64 + TOLERANCE;
        // Steps aim one above the budget; the ascent stops once the node is pruned.
        let bound = restricted.ascend(
            &mut local_u,
            &mut reduced,
            (budget as f64 + 1.0, limit),
            iterations,
        );
        restricted.write_back(&local_u, u);
        if self.chosen.is_empty() && bound > self.root_bound {
            self.root_multipliers = u.to_vec();
            self.root_bound = bound;
        }
        if bound > limit {
            return;
        }
        // Reduced-cost fixing: sets that cannot be in a cover within the budget.
        let kept: Vec<usize> = (0..active.len())
            .filter(|&i| reduced[i] <= 0.0 || bound + reduced[i] <= limit)
            .collect();
        // A set whose uncovered elements another set also has can be swapped for it: branch
        // on the undominated sets only. While listing covers, each cover found stands for
        // its variants with dominated sets, listed at the leaf (`emit_variants`).
        let after_fixing: Vec<u32> = match self.mode {
            Mode::Optimize { .. } => Vec::new(),
            Mode::Enumerate { .. } => kept.iter().map(|&i| active[i]).collect(),
        };
        let kept = restricted.undominated(kept);
        // Branch on the uncovered element with the fewest kept sets.
        let mut degree = vec![0u32; restricted.elements.len()];
        for &i in &kept {
            for &e in restricted.set(i) {
                degree[e as usize] += 1;
            }
        }
        let Some((pivot, &d)) = degree.iter().enumerate().min_by_key(|&(_, d)| *d) else {
            return;
        };
        if d == 0 {
            return;
        }
        let mut children: Vec<usize> = kept
            .iter()
            .copied()
            .filter(|&i| restricted.set(i).contains(&(pivot as u32)))
            .collect();
        // While listing, the children towards the known minimum cover come first: those
        // holding every uncovered element of one of its sets that has the pivot. Then the
        // children in order of reduced cost.
        let e = restricted.elements[pivot] as usize;
        let towards: Vec<&[u64]> = match self.mode {
            Mode::Optimize { .. } => Vec::new(),
            Mode::Enumerate { .. } => self
                .best_cover
                .iter()
                .map(|&g| self.family.set(g as usize))
                .filter(|g| g[e / 64] >> (e % 64) & 1 == 1)
                .collect(),
        };
        let guided = |i: usize| {
            let set = self.family.set(active[i] as usize);
            towards.iter().any(|g| {
                g.iter()
                    .zip(uncovered)
                    .zip(set)
                    .all(|((g, u), s)| g & u & !s == 0)
            })
        };
        let mut first = vec![false; active.len()];
        for &i in &children {
            first[i] = guided(i);
        }
        children.sort_by(|&a, &b| {
            first[b]
                .cmp(&first[a])
                .then(reduced[a].total_cmp(&reduced[b]))
                .then(a.cmp(&b))
        });
        // The sets passed down: while listing, the dominated ones too, as the sets of a cover
        // being matched (see `emit_variants`).
        let kept_sets: Vec<u32> = match self.mode {
            Mode::Optimize { .. } => kept.iter().map(|&i| active[i]).collect(),
            Mode::Enumerate { .. } => {
                self.levels.push(Level {
                    uncovered: uncovered.to_vec(),
                    candidates: after_fixing.clone(),
                    within: None,
                });
                after_fixing
            }
        };
        let mut next = vec![0u64; uncovered.len()];
        let mut tried = Vec::with_capacity(children.len());
        for &child in &children {
            let s = active[child];
            for ((n, a), b) in next
                .iter_mut()
                .zip(uncovered)
                .zip(self.family.set(s as usize))
            {
                *n = a & !b;
            }
            let next_active: Vec<u32> = kept_sets
                .iter()
                .copied()
                .filter(|&t| {
                    t != s
                        && !self.banned[t as usize]
                        && overlap(self.family.set(t as usize), &next) > 0
                })
                .collect();
            self.chosen.push(s);
            let mut child_u = u.to_vec();
            self.node(&next, &next_active, &mut child_u, NODE_ITERATIONS, emit);
            self.chosen.pop();
            self.banned[s as usize] = true;
            tried.push(s);
            if self.stopped || self.exhausted {
                break;
            }
            if self.budget().is_none_or(|b| b == 0) {
                break; // optimizing: a better cover was found and nothing smaller fits here
            }
        }
        for s in tried {
            self.banned[s as usize] = false;
        }
        if let Mode::Enumerate { .. } = self.mode {
            self.levels.pop();
        }
    }
}

#[cfg(test)]
mod tests {
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

    impl SetFamily {
        /// Whether the sets `cover` hold every element.
        fn covers_all(&self, cover: &[u32]) -> bool {
            (0..self.n).all(|e| {
                cover
                    .iter()
                    .any(|&s| self.set(s as usize)[e / 64] >> (e % 64) & 1 == 1)
            })
        }
    }

    fn all_minimum(f: &SetFamily) -> (usize, Vec<Vec<u32>>) {
        let m = f.minimum_size(u64::MAX).unwrap().unwrap();
        let mut out = Vec::new();
        f.enumerate(&m, u64::MAX, &mut |c| {
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
        assert!(f.minimum_size(100).unwrap().is_none());
    }

    #[test]
    fn matches_brute_force_on_random_families() {
        let mut seed = 0x243f6a8885a308d3u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..400 {
            let n = 1 + (next() % 12) as usize;
            let m = 1 + (next() % 14) as usize;
            let density = 2 + next() % 4;
            let sets: Vec<Vec<usize>> = (0..m)
                .map(|_| (0..n).filter(|_| next() % density == 0).collect())
                .collect();
            let refs: Vec<&[usize]> = sets.iter().map(Vec::as_slice).collect();
            let f = family(n, &refs);
            let covers = |mask: u32| {
                (0..n).all(|e| (0..m).any(|s| mask >> s & 1 == 1 && sets[s].contains(&e)))
            };
            let all: Vec<u32> = (0..1u32 << m).filter(|&mask| covers(mask)).collect();
            let Some(k) = all.iter().map(|s| s.count_ones()).min() else {
                assert!(f.minimum_size(u64::MAX).unwrap().is_none(), "{sets:?}");
                continue;
            };
            let expected: Vec<Vec<u32>> = all
                .iter()
                .filter(|s| s.count_ones() == k)
                .map(|&s| (0..m as u32).filter(|&i| s >> i & 1 == 1).collect())
                .collect();
            let mut expected = expected;
            expected.sort();
            assert_eq!(all_minimum(&f), (k as usize, expected), "{sets:?}");
        }
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
        let unproven = f.minimum_size(1).unwrap_err();
        assert_eq!(unproven.best.len(), 4);
        assert!(f.covers_all(&unproven.best), "{unproven:?}");
        assert!((1..=2).contains(&unproven.lower_bound), "{unproven:?}");
        assert_eq!(f.minimum_size(10_000).unwrap().unwrap().size, 4);
    }

    #[test]
    fn node_limit_reports_the_sizes_ruled_out() {
        // Minimum 5, linear bound 31/16. The proof rules out 2, 3, then 4 sets in turn, and
        // a search stopped on the way says how far it got.
        let f = parity_family(5);
        let mut bounds = Vec::new();
        for limit in [1, 10, 30, 100, 300, 1_000, 3_000, 10_000, 100_000] {
            match f.minimum_size(limit) {
                Ok(minimum) => {
                    assert_eq!(minimum.unwrap().size, 5);
                    bounds.push(5);
                    break;
                }
                Err(unproven) => {
                    assert_eq!(unproven.best.len(), 5);
                    assert!(f.covers_all(&unproven.best));
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
        let greedy = f.greedy_cover().unwrap();
        assert_eq!(greedy.len(), 3);
        let mut u = initial_multipliers(&f);
        let all = f.all_elements();
        let active: Vec<u32> = (0..f.len() as u32).collect();
        let (mut cover, bound) = f.dives((&all, &active), &mut u, greedy);
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
            f.enumerate(&minimum, 1, &mut |_| true),
            Err(NodeLimitReached)
        );
    }
}
