//! The Lagrangian lower bound of a node: multipliers on the uncovered elements improved by
//! subgradient steps over a pricing core (Held, Wolfe & Crowder 1974; Caprara, Fischetti &
//! Toth 1999).

use super::family::SetFamily;
use crate::minimize::bits::ones;

/// Slack on floating-point bounds: a bound prunes only if it exceeds the budget by more.
pub(super) const TOLERANCE: f64 = 1e-7;
/// Subgradient iterations at the root and at each later node.
pub(super) const ROOT_ITERATIONS: usize = 300;
pub(super) const NODE_ITERATIONS: usize = 100;
/// Sets per element in the pricing core of the subgradient iterations, and the rounds of
/// pricing on all sets.
const CORE_PER_ELEMENT: usize = 5;
const PRICING_ROUNDS: usize = 3;

/// `u_e = min over sets S containing e of 1 / |S|`: a feasible dual solution.
pub(super) fn initial_multipliers(family: &SetFamily) -> Vec<f64> {
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

/// The active sets of a node restricted to its uncovered elements, renumbered `0..m`:
/// a compact copy the subgradient iterations run over.
pub(super) struct Restricted {
    /// Local index -> element.
    pub(super) elements: Vec<u32>,
    /// Set `i`'s local elements are `flat[start[i]..start[i + 1]]`.
    start: Vec<usize>,
    flat: Vec<u32>,
}

impl Restricted {
    pub(super) fn new(family: &SetFamily, uncovered: &[u64], active: &[u32]) -> Restricted {
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

    pub(super) fn set(&self, i: usize) -> &[u32] {
        &self.flat[self.start[i]..self.start[i + 1]]
    }

    /// The multipliers of the local elements, from `u` indexed by element.
    pub(super) fn local(&self, u: &[f64]) -> Vec<f64> {
        self.elements.iter().map(|&e| u[e as usize]).collect()
    }

    /// Writes the local multipliers `local` back into `u`, indexed by element.
    pub(super) fn write_back(&self, local: &[f64], u: &mut [f64]) {
        for (&e, &v) in self.elements.iter().zip(local) {
            u[e as usize] = v;
        }
    }

    /// The sets of `candidates` that no other candidate contains (of equal ones, the first
    /// in order of size then index), in their original order.
    pub(super) fn undominated(&self, mut candidates: Vec<usize>) -> Vec<usize> {
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
    pub(super) fn evaluate(&self, u: &[f64], reduced: &mut [f64]) -> f64 {
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
            *r = 1.0 - sum_at(u, self.set(i));
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
    pub(super) fn ascend(
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
    pub(super) fn subgradient(
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

/// `u[e]` summed over the elements `e` of `set`, in order: the same additions as
/// `set.iter().map(|&e| u[e as usize]).sum::<f64>()`, so the same value, four elements per
/// loop iteration.
///
/// This is the innermost loop of the bound. As a one-element loop (a few instructions and a
/// taken branch per element) its speed depends on where the compiler happens to place it,
/// whether it straddles a 64-byte fetch line: the same machine code at another address made
/// `minimize_parsimonious_pruned/crisp_k10` 8% slower when unrelated code moved. Four
/// elements per iteration take a quarter of the branches and are less sensitive to that.
///
/// Always inlined: the sets are short (on `crisp_noisy_k12`, 1 to 6 elements for nine calls
/// in ten), so a call per set costs as much as the sum. With the four-wide body the compiler
/// no longer inlined it on its own, and the call made the noisy parsimonious benchmarks
/// 8-16% slower (CPU time) than with the sum written inline.
#[inline(always)]
fn sum_at(u: &[f64], set: &[u32]) -> f64 {
    let mut chunks = set.chunks_exact(4);
    let mut sum = -0.0;
    for c in &mut chunks {
        sum = sum + u[c[0] as usize] + u[c[1] as usize] + u[c[2] as usize] + u[c[3] as usize];
    }
    for &e in chunks.remainder() {
        sum += u[e as usize];
    }
    sum
}
