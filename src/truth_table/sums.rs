//! The per-row sums of a truth table: Σ φ(m_r) for every observed row r.
//!
//! (See the notation of the parent `build` module: m_r, h_j, l_j, r*, D and P.)
//!
//! The sums Σ φ(m_r) (φ = identity, min(·, Y), min(·, Y, 1 - Y), all non-decreasing) are
//! accumulated for the observed rows with one of two exact strategies:
//! - *sparse*: per case, enumerate the 2^|P| corners it touches (or scan the observed rows when
//!   there are fewer), looking each up among the observed rows;
//! - *cube*: since φ(min_D l) = min_D φ(l), sort P by l and write
//!   min_{j in D} w_j = Σ_t (w_(t) - w_(t-1)) [D ⊆ {σ(t), ..., σ(p)}]: each term adds a constant on
//!   a sub-cube of the configuration space (the conditions outside the suffix fixed at r*). The
//!   sub-cubes live in a (levels + 1)-ary array (the extra digit is "free"), pushed down to the
//!   configurations by one pass per condition: O(cases × k log k + k × Π(levels + 1)).

use std::ops::Range;

use super::index::RowIndex;

/// Cases per block of the parallel sums (fixed, so that the sums do not depend on the number
/// of threads).
pub(crate) const PARALLEL_BLOCK_CASES: usize = 1 << 16;
/// At most this many blocks (each has its own array of sums).
const MAX_PARALLEL_BLOCKS: usize = 8;

/// Largest (levels + 1)-ary array of the cube strategy (entries of three f64).
const MAX_CUBE_CELLS: u64 = 1 << 21;

/// Which exact algorithm computes the per-row sums: chosen by cost, or (in tests) forced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strategy {
    Auto,
    #[cfg(test)]
    Sparse,
    #[cfg(test)]
    Cube,
}

/// Relative cost of scanning every observed row for one case (bit masks when all conditions
/// are binary, digit comparisons otherwise).
fn scan_cost(rows: usize, k: usize, all_binary: bool) -> u64 {
    let per_row = if all_binary { 2 } else { k as u64 };
    (rows as u64 * per_row).max(1)
}

/// Relative cost of enumerating the 2^p corners a case with p fuzzy conditions touches.
fn enumeration_cost(p: u8) -> u64 {
    if p >= 60 {
        u64::MAX
    } else {
        4 << p
    }
}

/// Per-row accumulators.
#[derive(Debug, Clone, Default)]
pub(super) struct Slot {
    pub(super) key: u64,
    pub(super) members: Vec<u32>,
    /// Σ m, Σ min(m, Y), Σ min(m, Y, 1 - Y).
    pub(super) sums: [f64; 3],
}

#[inline]
fn phis(m: f64, y: f64) -> [f64; 3] {
    let my = m.min(y);
    [m, my, my.min(1.0 - y)]
}

/// The sums of one block of cases per observed row: from the enumeration branch, and from the
/// scan branch.
type BlockSums = (Vec<[f64; 3]>, Vec<[f64; 3]>);

/// What pass 2 needs about the data.
pub(super) struct Context<'a> {
    pub(super) cols: &'a [&'a [f64]],
    pub(super) outcome: &'a [f64],
    pub(super) k: usize,
    pub(super) multi: &'a [bool],
    pub(super) levels: &'a [u64],
    pub(super) weights: &'a [u64],
    pub(super) keys: &'a [u64],
    pub(super) negated: bool,
}

impl Context<'_> {
    /// Accumulates the sums of every observed row into `slots`, with the cheaper exact
    /// strategy (or the one a test forces). `fuzzy_counts` holds, per case, its number of
    /// conditions strictly between 0 and 1.
    pub(super) fn accumulate(
        &self,
        slots: &mut [Slot],
        index: &RowIndex,
        fuzzy_counts: &[u8],
        strategy: Strategy,
    ) {
        let (k, multi) = (self.k, self.multi);
        let cube_cells = self
            .levels
            .iter()
            .try_fold(1u64, |acc, &l| acc.checked_mul(l + 1))
            .filter(|&c| c <= MAX_CUBE_CELLS);
        let use_cube = match strategy {
            #[cfg(test)]
            Strategy::Cube => cube_cells.is_some(),
            #[cfg(test)]
            Strategy::Sparse => false,
            Strategy::Auto => cube_cells.is_some_and(|cells| {
                let scan = scan_cost(slots.len(), k, multi.iter().all(|&m| !m));
                let sparse: u64 = fuzzy_counts
                    .iter()
                    .map(|&p| enumeration_cost(p).min(scan))
                    .sum();
                let cube: u64 = fuzzy_counts
                    .iter()
                    .map(|&p| 4 + 2 * u64::from(p))
                    .sum::<u64>()
                    + 3 * k as u64 * cells;
                cube < sparse
            }),
        };
        if use_cube {
            self.sums_cube(slots, cube_cells.unwrap_or(1));
        } else {
            self.sums_sparse(slots, index);
        }
    }

    fn y(&self, i: usize) -> f64 {
        let y = self.outcome[i];
        if self.negated {
            1.0 - y
        } else {
            y
        }
    }

    /// min_j h_j (the membership in the case's own corner), the conditions with l_j > 0 as
    /// (condition, l_j), and the corner's digits.
    fn corner(&self, i: usize, fuzzy: &mut Vec<(usize, f64)>, digits: &mut [u8]) -> f64 {
        fuzzy.clear();
        let mut hmin = 1.0f64;
        for (j, col) in self.cols.iter().enumerate() {
            let x = col[i];
            if self.multi[j] {
                digits[j] = x as u8;
                continue;
            }
            digits[j] = u8::from(x >= 0.5);
            let l = x.min(1.0 - x);
            hmin = hmin.min(x.max(1.0 - x));
            if l > 0.0 {
                fuzzy.push((j, l));
            }
        }
        hmin
    }

    fn sums_sparse(&self, slots: &mut [Slot], index: &RowIndex) {
        let n = self.keys.len();
        let blocks = (n / PARALLEL_BLOCK_CASES)
            .min(MAX_PARALLEL_BLOCKS)
            .min(MAX_CUBE_CELLS as usize / (3 * slots.len()).max(1))
            .max(1);
        let size = n.div_ceil(blocks);
        let slot_keys: Vec<u64> = slots.iter().map(|s| s.key).collect();
        let partial: Vec<BlockSums> = crate::parallel::map_range(0..blocks, |b| {
            self.sparse_block(b * size..((b + 1) * size).min(n), &slot_keys, index)
        });
        // Enumerated sums in block order, then the scanned ones (as one block would).
        for (enumerated, _) in &partial {
            for (slot, v) in slots.iter_mut().zip(enumerated) {
                add(&mut slot.sums, *v);
            }
        }
        for (_, scanned) in &partial {
            for (slot, v) in slots.iter_mut().zip(scanned) {
                add(&mut slot.sums, *v);
            }
        }
    }

    /// The sums of the cases in `range`: those of the enumeration branch and those of the
    /// scan branch, per observed row.
    fn sparse_block(&self, range: Range<usize>, slot_keys: &[u64], index: &RowIndex) -> BlockSums {
        let r = slot_keys.len();
        let mut sums = vec![[0.0f64; 3]; r];
        let all_binary = self.multi.iter().all(|&m| !m);
        let scan = scan_cost(r, self.k, all_binary);
        // Configurations of the observed rows, for the scan branch.
        let slot_digits: Vec<u8> = slot_keys
            .iter()
            .flat_map(|&key| {
                (0..self.k).map(move |j| ((key / self.weights[j]) % self.levels[j]) as u8)
            })
            .collect();
        let mut fuzzy = Vec::with_capacity(self.k);
        let mut sub_keys: Vec<u64> = Vec::new();
        let mut sub_min: Vec<f64> = Vec::new();
        let mut own = vec![0u8; self.k];
        let mut lvec = vec![0.0f64; self.k];
        // The scan branch accumulates here (contiguous), added to the slots at the end.
        let mut scan_sums = vec![[0.0f64; 3]; r];
        let mut ranked: Vec<(u64, [f64; 3])> = Vec::with_capacity(self.k);
        for i in range {
            let y = self.y(i);
            let key = self.keys[i];
            let hmin = self.corner(i, &mut fuzzy, &mut own);
            let p = fuzzy.len();
            if p == 0 {
                if let Some(s) = index.get(key) {
                    add(&mut sums[s as usize], phis(hmin, y));
                }
                continue;
            }
            if enumeration_cost(p as u8) <= scan {
                // Enumerate the corners the case touches.
                let size = 1usize << p;
                sub_keys.clear();
                sub_min.clear();
                sub_keys.push(key);
                sub_min.push(f64::INFINITY);
                for mask in 1..size {
                    let low = mask.trailing_zeros() as usize;
                    let rest = mask & (mask - 1);
                    let (j, l) = fuzzy[low];
                    let w = self.weights[j];
                    let own_one = own[j] == 1;
                    let kk = if own_one {
                        sub_keys[rest] - w
                    } else {
                        sub_keys[rest] + w
                    };
                    sub_keys.push(kk);
                    sub_min.push(sub_min[rest].min(l));
                }
                for mask in 0..size {
                    if let Some(s) = index.get(sub_keys[mask]) {
                        let m = if mask == 0 { hmin } else { sub_min[mask] };
                        add(&mut sums[s as usize], phis(m, y));
                    }
                }
            } else {
                // Scan the observed rows.
                if all_binary {
                    // Keys are bit masks: D = row ^ corner. The membership is the smallest l
                    // over D, i.e. that of the first condition of D in increasing order of l.
                    fuzzy.sort_unstable_by(|a, b| a.1.total_cmp(&b.1));
                    let fuzzy_bits: u64 = fuzzy.iter().map(|&(j, _)| self.weights[j]).sum();
                    ranked.clear();
                    ranked.extend(fuzzy.iter().map(|&(j, l)| (self.weights[j], phis(l, y))));
                    let own_phi = phis(hmin, y);
                    for (acc, &row_key) in scan_sums.iter_mut().zip(slot_keys) {
                        let d = row_key ^ key;
                        if d == 0 {
                            add(acc, own_phi);
                        } else if d & !fuzzy_bits == 0 {
                            if let Some(&(_, v)) = ranked.iter().find(|&&(bit, _)| d & bit != 0) {
                                add(acc, v);
                            }
                        }
                    }
                    continue;
                }
                lvec.iter_mut().for_each(|l| *l = 0.0);
                for &(j, l) in &fuzzy {
                    lvec[j] = l;
                }
                for (s, acc) in scan_sums.iter_mut().enumerate() {
                    let digits = &slot_digits[s * self.k..(s + 1) * self.k];
                    let mut m = f64::INFINITY;
                    let mut differs = false;
                    for j in 0..self.k {
                        if digits[j] != own[j] {
                            differs = true;
                            m = m.min(lvec[j]);
                            if m == 0.0 {
                                break;
                            }
                        }
                    }
                    let m = if differs { m } else { hmin };
                    if m > 0.0 {
                        add(acc, phis(m, y));
                    }
                }
            }
        }
        (sums, scan_sums)
    }

    /// The (levels + 1)-ary array of the cases in `range`, before the push-down.
    fn cube_block(&self, range: Range<usize>, cube_w: &[usize], cells: u64) -> Vec<[f64; 3]> {
        let mut cube = vec![[0.0f64; 3]; cells as usize];
        let mut fuzzy = Vec::with_capacity(self.k);
        let mut digits = vec![0u8; self.k];
        for i in range {
            let y = self.y(i);
            let hmin = self.corner(i, &mut fuzzy, &mut digits);
            let base: usize = digits
                .iter()
                .zip(cube_w)
                .map(|(&d, &w)| usize::from(d) * w)
                .sum();
            let mut prev = [0.0f64; 3];
            if !fuzzy.is_empty() {
                // l is in (0, 0.5]: the bits of a non-negative f64 order as its value.
                fuzzy.sort_unstable_by_key(|&(_, l)| l.to_bits());
                // All fuzzy conditions free: binary digit 2.
                let mut idx = base;
                for &(j, _) in &fuzzy {
                    idx += (2 - usize::from(digits[j])) * cube_w[j];
                }
                for &(j, l) in &fuzzy {
                    let w = phis(l, y);
                    let cell = &mut cube[idx];
                    for a in 0..3 {
                        cell[a] += w[a] - prev[a];
                    }
                    prev = w;
                    idx -= (2 - usize::from(digits[j])) * cube_w[j];
                }
            }
            let own = phis(hmin, y);
            let cell = &mut cube[base];
            for a in 0..3 {
                cell[a] += own[a] - prev[a];
            }
        }
        cube
    }

    fn sums_cube(&self, slots: &mut [Slot], cells: u64) {
        let k = self.k;
        // Strides of the (levels + 1)-ary array; digit `levels[j]` means "free".
        let mut cube_w = vec![1usize; k];
        for j in (0..k.saturating_sub(1)).rev() {
            cube_w[j] = cube_w[j + 1] * (self.levels[j + 1] as usize + 1);
        }
        // Blocks of cases, each into its own array, added in block order: the same sums
        // whatever the number of threads.
        let n = self.keys.len();
        let blocks = (n / PARALLEL_BLOCK_CASES)
            .min(MAX_PARALLEL_BLOCKS)
            .min((MAX_CUBE_CELLS as usize * 2) / (cells as usize).max(1))
            .max(1);
        let size = n.div_ceil(blocks);
        let partial: Vec<Vec<[f64; 3]>> = crate::parallel::map_range(0..blocks, |b| {
            self.cube_block(b * size..((b + 1) * size).min(n), &cube_w, cells)
        });
        let mut partial = partial.into_iter();
        let mut cube = partial
            .next()
            .unwrap_or_else(|| vec![[0.0; 3]; cells as usize]);
        for block in partial {
            for (acc, v) in cube.iter_mut().zip(block) {
                add(acc, v);
            }
        }
        // Push the free digits down, one condition at a time.
        for (&stride, &levels) in cube_w.iter().zip(self.levels) {
            let lv = levels as usize;
            let block = stride * (lv + 1);
            let mut b = 0;
            while b < cube.len() {
                for inner in 0..stride {
                    let v = cube[b + lv * stride + inner];
                    if v != [0.0; 3] {
                        for d in 0..lv {
                            add(&mut cube[b + d * stride + inner], v);
                        }
                    }
                }
                b += block;
            }
        }
        for slot in slots.iter_mut() {
            let idx: usize = (0..k)
                .map(|j| ((slot.key / self.weights[j]) % self.levels[j]) as usize * cube_w[j])
                .sum();
            slot.sums = cube[idx];
        }
    }
}

#[inline]
fn add(acc: &mut [f64; 3], v: [f64; 3]) {
    acc[0] += v[0];
    acc[1] += v[1];
    acc[2] += v[2];
}
