//! The branch and bound search over covers: optimizing (a cover smaller than the best
//! known) or enumerating (every cover of a given size, with the variants of each).

use std::collections::HashSet;

use super::family::{overlap, SetFamily};
use super::lagrangian::{Restricted, NODE_ITERATIONS, ROOT_ITERATIONS, TOLERANCE};

#[derive(Debug, Clone, Copy)]
pub(super) enum Mode {
    /// Look for covers strictly smaller than `best`.
    Optimize { best: usize },
    /// Every cover of `size` sets.
    Enumerate { size: usize },
}

pub(super) struct Search<'a> {
    family: &'a SetFamily,
    mode: Mode,
    banned: Vec<bool>,
    chosen: Vec<u32>,
    /// Optimizing: the smallest cover found. Enumerating: a minimum cover the search goes
    /// towards first.
    pub(super) best_cover: Vec<u32>,
    /// Enumerating: the nodes on the path, one per chosen set.
    levels: Vec<Level>,
    /// Enumerating: the covers already emitted, sorted.
    emitted: HashSet<Vec<u32>>,
    pub(super) nodes: u64,
    pub(super) node_limit: u64,
    pub(super) exhausted: bool,
    pub(super) stopped: bool,
    pub(super) root_multipliers: Vec<f64>,
    pub(super) root_bound: f64,
    /// Optimizing: no cover has fewer sets (shown by the passes before).
    pub(super) floor: usize,
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

impl<'a> Search<'a> {
    pub(super) fn new(family: &'a SetFamily, mode: Mode, node_limit: u64) -> Self {
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
    pub(super) fn pass(&mut self, all: &[u64], active: &[u32], best: usize) {
        self.mode = Mode::Optimize { best };
        let mut u = self.root_multipliers.clone();
        self.node(all, active, &mut u, ROOT_ITERATIONS, &mut |_| true);
    }

    /// The proven lower bound on the size of a cover: the root bound rounded up, or the
    /// sizes the passes before ruled out (at least 1 if there are elements).
    pub(super) fn lower_bound(&self) -> usize {
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
    pub(super) fn node(
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
