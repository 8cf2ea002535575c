//! Every irredundant cover of a chart (R QCA's `all.sol = TRUE`).

use super::reduce::Reduced;
use super::{sort_models, Covers};
use crate::minimize::error::MinimizeError;
use crate::minimize::pi_chart::PiChart;

/// Every irredundant cover (no row can be dropped), of any size, up to `max_models`, within
/// `max_nodes` search nodes: when the limit is reached, the covers found so far with
/// `truncated` set; [`MinimizeError::SearchLimit`] if none was found.
pub(crate) fn irredundant_covers(
    chart: &PiChart,
    max_models: usize,
    max_nodes: u64,
) -> Result<Covers, MinimizeError> {
    let Some(reduced) = Reduced::new(chart) else {
        return Ok(Covers::none());
    };
    let mut search = Search::new(&reduced, max_models);
    search.node_limit = max_nodes;
    search.irredundant(&reduced.all_columns());
    if search.exhausted {
        if search.found.is_empty() {
            return Err(MinimizeError::SearchLimit { nodes: max_nodes });
        }
        search.truncated = true;
    }
    let mut models: Vec<Vec<usize>> = search
        .found
        .iter()
        .map(|m| {
            let mut model: Vec<usize> = reduced
                .essential
                .iter()
                .copied()
                .chain(m.iter().map(|&r| reduced.rows[r as usize]))
                .collect();
            model.sort_unstable();
            model
        })
        .collect();
    sort_models(&mut models);
    Ok(Covers {
        models,
        truncated: search.truncated,
        lower_bound: None,
    })
}

/// The depth-first search for irredundant covers on a reduced chart.
struct Search<'a> {
    red: &'a Reduced,
    banned: Vec<bool>,
    chosen: Vec<u32>,
    found: Vec<Vec<u32>>,
    max: usize,
    truncated: bool,
    nodes: u64,
    node_limit: u64,
    exhausted: bool,
}

impl<'a> Search<'a> {
    fn new(red: &'a Reduced, max: usize) -> Self {
        Search {
            red,
            banned: vec![false; red.rows.len()],
            chosen: Vec::new(),
            found: Vec::new(),
            max,
            truncated: false,
            nodes: 0,
            node_limit: u64::MAX,
            exhausted: false,
        }
    }

    fn record(&mut self) {
        if self.found.len() >= self.max {
            self.truncated = true;
        } else {
            self.found.push(self.chosen.clone());
        }
    }

    /// The uncovered column with the fewest available rows, or `None` if some uncovered
    /// column has no row left.
    fn branching_column(&self, uncovered: &[u64]) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None; // (degree, column)
        for (w, &word) in uncovered.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let c = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let degree = self.red.col_rows[c]
                    .iter()
                    .filter(|&&r| !self.banned[r as usize])
                    .count();
                if degree == 0 {
                    return None;
                }
                if !matches!(best, Some((d, _)) if d <= degree) {
                    best = Some((degree, c));
                }
            }
        }
        best.map(|(_, c)| c)
    }

    /// Counts a node; false when the node limit is reached.
    fn tick(&mut self) -> bool {
        self.nodes += 1;
        if self.nodes > self.node_limit {
            self.exhausted = true;
        }
        !self.exhausted
    }

    /// Lists the irredundant covers below this node: branches on the uncovered column with
    /// the fewest rows left; each row tried is banned in the later branches, so each cover is
    /// found once, and a branch stops as soon as a chosen row is redundant.
    fn irredundant(&mut self, uncovered: &[u64]) {
        if self.truncated || !self.tick() {
            return;
        }
        if uncovered.iter().all(|&w| w == 0) {
            self.record();
            return;
        }
        let Some(col) = self.branching_column(uncovered) else {
            return;
        };
        let candidates: Vec<u32> = self.red.col_rows[col]
            .iter()
            .copied()
            .filter(|&r| !self.banned[r as usize])
            .collect();
        let mut next = vec![0u64; uncovered.len()];
        for &r in &candidates {
            for ((n, u), w) in next.iter_mut().zip(uncovered).zip(self.red.row(r as usize)) {
                *n = u & !w;
            }
            self.chosen.push(r);
            if self.chosen_irredundant() {
                self.irredundant(&next);
            }
            self.chosen.pop();
            self.banned[r as usize] = true;
            if self.truncated || self.exhausted {
                break;
            }
        }
        for &r in &candidates {
            self.banned[r as usize] = false;
        }
    }

    /// Whether every chosen row covers a column no other chosen row covers.
    fn chosen_irredundant(&self) -> bool {
        let n = self.chosen.len();
        let words = self.red.words;
        let mut prefix = vec![0u64; (n + 1) * words];
        for (i, &r) in self.chosen.iter().enumerate() {
            for w in 0..words {
                prefix[(i + 1) * words + w] = prefix[i * words + w] | self.red.row(r as usize)[w];
            }
        }
        let mut suffix = vec![0u64; words];
        for i in (0..n).rev() {
            let row = self.red.row(self.chosen[i] as usize);
            let private = (0..words).any(|w| row[w] & !(prefix[i * words + w] | suffix[w]) != 0);
            if !private {
                return false;
            }
            for w in 0..words {
                suffix[w] |= row[w];
            }
        }
        true
    }
}
