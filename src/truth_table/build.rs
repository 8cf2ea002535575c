//! Building a truth table: validation, the one-pass row assignment and the per-row sums.
//!
//! A case's membership in configuration r is m_r = min over conditions of (X_j if r_j = 1 else
//! 1 - X_j) (a multi-value condition contributes 1 at the case's own level, else 0). Write
//! h_j = max(X_j, 1 - X_j) and l_j = min(X_j, 1 - X_j) <= 0.5 (l_j = 0 for crisp and multi-value
//! conditions). A case belongs to its own corner r* (each condition rounded), where
//! m = min_j h_j > 0.5; in any other corner, with D the set of conditions where r differs from
//! r*, m_r = min over j in D of l_j. So a case contributes to r != r* only when D lies within the
//! set P of its conditions with l_j > 0.
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
use std::sync::Arc;

use crate::data::Dataset;

use super::error::TruthTableError;
use super::index::RowIndex;
use super::options::{SortKey, TruthTableOptions};
use super::row::{OutputValue, Row};
use super::row_id::RowIds;
use super::TruthTable;
use crate::minimize::MAX_CONDITIONS;

/// The largest complete table (with remainders) that
/// [`TruthTableOptions::complete`] may build: 2^20 rows (20 binary conditions).
///
/// # Example
/// ```
/// use fsqca::truth_table::MAX_COMPLETE_ROWS;
/// // 20 binary conditions: 2^20 rows.
/// assert_eq!(MAX_COMPLETE_ROWS, 2u64.pow(20));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_COMPLETE_ROWS: u64 = 1 << 20;

/// Tolerance of comparisons with a cut-off (the square root of the machine epsilon, as R QCA).
pub(crate) const CUTOFF_TOLERANCE: f64 = 1.49e-8;

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

/// Splits `~Y` into (`Y`, negated).
pub(crate) fn parse_outcome(outcome: &str) -> Result<(String, bool), TruthTableError> {
    let trimmed = outcome.trim();
    let (name, negated) = match trimmed.strip_prefix('~') {
        Some(rest) => (rest.trim(), true),
        None => (trimmed, false),
    };
    if name.is_empty() {
        return Err(TruthTableError::EmptyOutcome {
            given: outcome.to_owned(),
        });
    }
    Ok((name.to_owned(), negated))
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
struct Slot {
    key: u64,
    members: Vec<u32>,
    /// Σ m, Σ min(m, Y), Σ min(m, Y, 1 - Y).
    sums: [f64; 3],
}

#[inline]
fn phis(m: f64, y: f64) -> [f64; 3] {
    let my = m.min(y);
    [m, my, my.min(1.0 - y)]
}

pub(crate) fn build<S: AsRef<str>>(
    options: &TruthTableOptions,
    data: &Dataset,
    outcome: &str,
    conditions: &[S],
    strategy: Strategy,
) -> crate::Result<TruthTable> {
    options.validate()?;
    let conditions: Vec<String> = conditions.iter().map(|c| c.as_ref().to_owned()).collect();
    if conditions.is_empty() {
        return Err(TruthTableError::NoConditions.into());
    }
    if conditions.len() > MAX_CONDITIONS {
        return Err(TruthTableError::TooManyConditions {
            n: conditions.len(),
            max: MAX_CONDITIONS,
        }
        .into());
    }
    let (outcome_name, negated) = parse_outcome(outcome)?;
    for (j, c) in conditions.iter().enumerate() {
        if conditions[..j].contains(c) {
            return Err(TruthTableError::DuplicateCondition { name: c.clone() }.into());
        }
        if *c == outcome_name {
            return Err(TruthTableError::OutcomeIsCondition { name: c.clone() }.into());
        }
    }
    let mut names = conditions.clone();
    names.push(outcome_name.clone());
    let selected = data.select(&names)?;
    let selected = if options.get_drop_missing() {
        selected.drop_missing(&names)?
    } else {
        selected.require_complete(&names)?;
        selected
    };

    let (rows, levels, half_cases) = tabulate(
        options,
        &selected,
        &conditions,
        &outcome_name,
        negated,
        strategy,
    )?;
    Ok(TruthTable {
        conditions,
        outcome: outcome_name,
        negated,
        levels,
        rows,
        options: options.clone(),
        half_cases,
        data: selected,
    })
}

/// The rows, the conditions' numbers of levels and the cases at 0.5.
type Tabulated = (Vec<Row>, Vec<u32>, Vec<String>);

fn tabulate(
    options: &TruthTableOptions,
    selected: &Dataset,
    conditions: &[String],
    outcome_name: &str,
    negated: bool,
    strategy: Strategy,
) -> crate::Result<Tabulated> {
    let k = conditions.len();
    let n = selected.n_cases();
    let mut cols: Vec<&[f64]> = Vec::with_capacity(k);
    let mut levels = Vec::with_capacity(k);
    for name in conditions {
        match selected.levels(name)? {
            Some(l) => {
                cols.push(selected.numbers(name)?);
                levels.push(u64::from(l));
            }
            None => {
                cols.push(selected.memberships(name)?);
                levels.push(2);
            }
        }
    }
    let outcome_values = selected.memberships(outcome_name)?;
    let labels = selected.case_labels();

    let multi: Vec<bool> = levels.iter().map(|&l| l > 2).collect();

    // Row ids: mixed radix, first condition most significant.
    let row_ids = RowIds::new(&levels.iter().map(|&l| l as u32).collect::<Vec<_>>())?;
    let weights = row_ids.weights();
    let product = row_ids.rows();
    if options.get_complete() && product > MAX_COMPLETE_ROWS {
        return Err(TruthTableError::CompleteTooLarge {
            rows: product,
            max: MAX_COMPLETE_ROWS,
        }
        .into());
    }

    let outcome_of = |i: usize| {
        let y = outcome_values[i];
        if negated {
            1.0 - y
        } else {
            y
        }
    };

    // Pass 1: each case's corner; the observed rows; the cases at 0.5.
    let mut index = RowIndex::new(product, n);
    let mut slots: Vec<Slot> = Vec::new();
    let mut keys: Vec<u64> = Vec::with_capacity(n);
    let mut fuzzy_counts: Vec<u8> = Vec::with_capacity(n);
    let mut half_cases = Vec::new();
    for i in 0..n {
        let mut key = 0u64;
        let mut half = false;
        let mut p = 0u8;
        for (j, col) in cols.iter().enumerate() {
            let x = col[i];
            let d = if multi[j] {
                x as u64
            } else {
                if x > 0.0 && x < 1.0 {
                    p += 1;
                }
                if x == 0.5 {
                    half = true;
                }
                u64::from(x >= 0.5)
            };
            key += d * weights[j];
        }
        keys.push(key);
        fuzzy_counts.push(p);
        if half {
            half_cases.push(i as u32);
            continue;
        }
        let (slot, inserted) = index.get_or_insert(key, slots.len() as u32);
        if inserted {
            slots.push(Slot {
                key,
                ..Slot::default()
            });
        }
        slots[slot as usize].members.push(i as u32);
    }

    // Pass 2: the sums over all cases for every observed row.
    let cube_cells = levels
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
    let ctx = Context {
        cols: &cols,
        outcome: outcome_values,
        k,
        multi: &multi,
        levels: &levels,
        weights,
        keys: &keys,
        negated,
    };
    if use_cube {
        ctx.sums_cube(&mut slots, cube_cells.unwrap_or(1));
    } else {
        ctx.sums_sparse(&mut slots, &index);
    }

    // Rows.
    slots.sort_unstable_by_key(|s| s.key);
    let (ic1, ic0) = options.get_incl_cutoffs();
    let decode = |key: u64| -> Vec<u8> { row_ids.digits(key).collect() };
    let make_row = |slot: &Slot| -> Row {
        let [s0, s1, s2] = slot.sums;
        let incl = (s0 > 0.0).then(|| (s1 / s0).clamp(0.0, 1.0));
        let pri = (s0 - s2 > 0.0).then(|| ((s1 - s2) / (s0 - s2)).clamp(0.0, 1.0));
        let n_members = slot.members.len();
        let reaches = |v: Option<f64>, cut: f64| v.is_some_and(|v| v + CUTOFF_TOLERANCE > cut);
        let out = if n_members < options.get_n_cutoff() {
            OutputValue::Remainder
        } else if reaches(incl, ic1) && reaches(pri, options.get_pri_cutoff()) {
            OutputValue::Positive
        } else if ic0 < ic1 && reaches(incl, ic0) {
            OutputValue::Contradiction
        } else {
            OutputValue::Negative
        };
        Row {
            id: slot.key + 1,
            values: decode(slot.key),
            out,
            n: n_members,
            incl,
            pri,
            labels: Arc::clone(labels),
            cases: slot.members.clone(),
            deviant_cases: slot
                .members
                .iter()
                .copied()
                .filter(|&i| outcome_of(i as usize) < 0.5)
                .collect(),
        }
    };
    let mut rows: Vec<Row> = if options.get_complete() {
        let mut next = 0usize;
        (0..product)
            .map(|key| match slots.get(next) {
                Some(s) if s.key == key => {
                    next += 1;
                    make_row(s)
                }
                _ => Row {
                    id: key + 1,
                    values: decode(key),
                    out: OutputValue::Remainder,
                    n: 0,
                    incl: None,
                    pri: None,
                    labels: Arc::clone(labels),
                    cases: Vec::new(),
                    deviant_cases: Vec::new(),
                },
            })
            .collect()
    } else {
        slots.iter().map(make_row).collect()
    };
    sort_rows(&mut rows, options.get_sort_by());
    let half_cases = half_cases
        .iter()
        .map(|&i| labels[i as usize].clone())
        .collect();
    Ok((rows, levels.iter().map(|&l| l as u32).collect(), half_cases))
}

/// Sorts by the keys (decreasing, stable on id order); remainders last. Values are compared
/// after rounding to 1e-10 so that float noise does not reorder ties.
pub(crate) fn sort_rows(rows: &mut [Row], keys: &[SortKey]) {
    if keys.is_empty() {
        return;
    }
    let q = |v: Option<f64>| v.map_or(i64::MIN, |v| (v * 1e10).round() as i64);
    rows.sort_by(|a, b| {
        let ra = a.out == OutputValue::Remainder;
        let rb = b.out == OutputValue::Remainder;
        ra.cmp(&rb).then_with(|| {
            for key in keys {
                let ord = match key {
                    SortKey::Incl => q(b.incl).cmp(&q(a.incl)),
                    SortKey::Pri => q(b.pri).cmp(&q(a.pri)),
                    SortKey::N => b.n.cmp(&a.n),
                };
                if ord.is_ne() {
                    return ord;
                }
            }
            a.id.cmp(&b.id)
        })
    });
}

/// The sums of one block of cases per observed row: from the enumeration branch, and from the
/// scan branch.
type BlockSums = (Vec<[f64; 3]>, Vec<[f64; 3]>);

/// What pass 2 needs about the data.
struct Context<'a> {
    cols: &'a [&'a [f64]],
    outcome: &'a [f64],
    k: usize,
    multi: &'a [bool],
    levels: &'a [u64],
    weights: &'a [u64],
    keys: &'a [u64],
    negated: bool,
}

impl Context<'_> {
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
