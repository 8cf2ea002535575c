//! The chart reduced for the cover searches: essential rows taken, dominated columns and
//! useless rows dropped.

use crate::minimize::pi_chart::PiChart;

/// The chart after essential rows, column dominance and useless rows are taken out.
pub(super) struct Reduced {
    pub(super) essential: Vec<usize>,
    /// Original index of each remaining row, ascending.
    pub(super) rows: Vec<usize>,
    /// Remaining rows as bit sets over the remaining columns.
    pub(super) row_bits: Vec<u64>,
    pub(super) words: usize,
    /// Remaining column -> remaining rows covering it, ascending.
    pub(super) col_rows: Vec<Vec<u32>>,
}

impl Reduced {
    pub(super) fn new(chart: &PiChart) -> Option<Reduced> {
        let columns: Vec<Vec<usize>> = (0..chart.n_cols()).map(|c| chart.column(c)).collect();
        if columns.iter().any(Vec::is_empty) {
            return None;
        }
        let essential = chart.essential();
        let mut covered = vec![0u64; chart.words()];
        for &r in &essential {
            for (c, w) in covered.iter_mut().zip(chart.row_bits(r)) {
                *c |= w;
            }
        }
        let mut open: Vec<usize> = (0..chart.n_cols())
            .filter(|&c| covered[c / 64] >> (c % 64) & 1 == 0)
            .collect();
        open.sort_by_key(|&c| (columns[c].len(), c));
        // Column dominance: drop a column whose rows include all the rows of a kept one.
        let mut kept: Vec<usize> = Vec::new();
        for &c in &open {
            let dominated = kept
                .iter()
                .any(|&k| columns[k].iter().all(|&r| chart.covers(r, c)));
            if !dominated {
                kept.push(c);
            }
        }
        let mut rows: Vec<usize> = kept
            .iter()
            .flat_map(|&c| columns[c].iter().copied())
            .collect();
        rows.sort_unstable();
        rows.dedup();
        let words = kept.len().div_ceil(64).max(1);
        let mut row_bits = vec![0u64; rows.len() * words];
        let mut col_rows = vec![Vec::new(); kept.len()];
        for (i, &r) in rows.iter().enumerate() {
            for (j, &c) in kept.iter().enumerate() {
                if chart.covers(r, c) {
                    row_bits[i * words + j / 64] |= 1 << (j % 64);
                    col_rows[j].push(i as u32);
                }
            }
        }
        Some(Reduced {
            essential,
            rows,
            row_bits,
            words,
            col_rows,
        })
    }

    pub(super) fn as_chart(&self) -> PiChart {
        PiChart::from_words(self.col_rows.len(), self.words, self.row_bits.clone())
    }

    pub(super) fn all_columns(&self) -> Vec<u64> {
        let mut all = vec![0u64; self.words];
        for j in 0..self.col_rows.len() {
            all[j / 64] |= 1 << (j % 64);
        }
        all
    }

    pub(super) fn row(&self, r: usize) -> &[u64] {
        &self.row_bits[r * self.words..(r + 1) * self.words]
    }

    /// For each of the given rows (`tops`), the rows whose columns are a subset of its
    /// columns (itself included), ascending.
    pub(super) fn rows_within(&self, tops: &[usize]) -> Vec<Vec<usize>> {
        let n_cols = self.col_rows.len();
        let mut col_tops: Vec<Vec<usize>> = vec![Vec::new(); n_cols];
        for (t, &r) in tops.iter().enumerate() {
            for (c, list) in col_tops.iter_mut().enumerate() {
                if self.row(r)[c / 64] >> (c % 64) & 1 == 1 {
                    list.push(t);
                }
            }
        }
        let mut within = vec![Vec::new(); tops.len()];
        for r in 0..self.rows.len() {
            let bits = self.row(r);
            let rarest = (0..n_cols)
                .filter(|&c| bits[c / 64] >> (c % 64) & 1 == 1)
                .min_by_key(|&c| col_tops[c].len())
                .expect("every remaining row covers a remaining column");
            for &t in &col_tops[rarest] {
                if bits.iter().zip(self.row(tops[t])).all(|(a, b)| a & !b == 0) {
                    within[t].push(r);
                }
            }
        }
        within
    }

    /// Calls `emit` with every list of rows, one within each of `cover`'s core rows
    /// (`cover` indexes `tops`; `within` from [`Reduced::rows_within`]), that covers every
    /// column; `emit` returns `false` to stop, and so does this.
    pub(super) fn replacements(
        &self,
        cover: &[usize],
        tops: &[usize],
        within: &[Vec<usize>],
        emit: &mut dyn FnMut(&[usize]) -> bool,
    ) -> bool {
        // suffix[i]: the columns of cover[i..]'s core rows.
        let words = self.words;
        let mut suffix = vec![0u64; (cover.len() + 1) * words];
        for i in (0..cover.len()).rev() {
            for w in 0..words {
                suffix[i * words + w] = suffix[(i + 1) * words + w] | self.row(tops[cover[i]])[w];
            }
        }
        let mut chosen = Vec::with_capacity(cover.len());
        self.replace_from(
            0,
            &self.all_columns(),
            cover,
            within,
            &suffix,
            &mut chosen,
            emit,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn replace_from(
        &self,
        i: usize,
        uncovered: &[u64],
        cover: &[usize],
        within: &[Vec<usize>],
        suffix: &[u64],
        chosen: &mut Vec<usize>,
        emit: &mut dyn FnMut(&[usize]) -> bool,
    ) -> bool {
        if i == cover.len() {
            // Always covered here: each position took the columns only it could cover.
            debug_assert!(uncovered.iter().all(|&w| w == 0));
            return emit(chosen);
        }
        let words = self.words;
        // Columns that only this position can still cover must be in the chosen row.
        let later = &suffix[(i + 1) * words..(i + 2) * words];
        let needed: Vec<u64> = uncovered.iter().zip(later).map(|(u, l)| u & !l).collect();
        let mut next = vec![0u64; words];
        for &r in &within[cover[i]] {
            let bits = self.row(r);
            if needed.iter().zip(bits).any(|(n, b)| n & !b != 0) {
                continue;
            }
            for ((n, u), b) in next.iter_mut().zip(uncovered).zip(bits) {
                *n = u & !b;
            }
            chosen.push(r);
            let go_on = self.replace_from(i + 1, &next, cover, within, suffix, chosen, emit);
            chosen.pop();
            if !go_on {
                return false;
            }
        }
        true
    }
}
