//! The searches for covers of a prime implicant chart (see
//! [`PiChart::find_covers`](crate::minimize::PiChart::find_covers)): every minimum cover
//! ([`minimum`]) and every irredundant cover ([`irredundant`]), both on the chart reduced by
//! essential rows and column dominance ([`reduce`]).

mod find;
mod in_minimum;
pub(crate) mod irredundant;
pub(crate) mod minimum;
mod reduce;

/// Covers found in a [`PiChart`](crate::minimize::PiChart): each a sorted list of row (prime implicant) indices.
///
/// # Example
/// ```
/// use fsqca::minimize::{EngineOptions, PiChart};
/// let chart = PiChart::from_matrix(&[vec![true, false], vec![false, true], vec![true, true]]);
/// let covers = chart.find_covers(&EngineOptions::new())?;
/// assert_eq!(covers.models, vec![vec![2]]);
/// assert!(!covers.truncated);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Covers {
    /// The covers, each sorted by row index; sorted by size, then lexicographically. Empty if
    /// some column has no mark (no cover exists).
    pub models: Vec<Vec<usize>>,
    /// Whether the enumeration stopped at the cap: more covers exist than are listed. The
    /// listed ones are then the first found by the search, not a documented subset.
    pub truncated: bool,
    /// `Some(bound)` when the search stopped before proving the minimum size and the
    /// smallest cover it found is returned instead
    /// ([`EngineOptions::accept_unproven`](crate::minimize::EngineOptions::accept_unproven)): that
    /// cover may not be minimum, but no cover has fewer than `bound` rows. `None` when the
    /// covers are proven minimum (or irredundant, as asked).
    pub lower_bound: Option<usize>,
}

impl Covers {
    /// No cover: some column has no mark.
    fn none() -> Covers {
        Covers {
            models: Vec::new(),
            truncated: false,
            lower_bound: None,
        }
    }
}

/// Models by size, then lexicographically.
fn sort_models(models: &mut [Vec<usize>]) {
    models.sort_unstable_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
}

#[cfg(test)]
mod tests {
    use crate::minimize::{CoverSearch, EngineOptions, PiChart};

    /// Up to `max_models` minimum covers, with no node limit.
    fn unlimited(max_models: usize) -> EngineOptions {
        EngineOptions::new()
            .max_models(max_models)
            .max_search_nodes(u64::MAX)
    }

    fn brute(chart: &PiChart, minimum: bool) -> Vec<Vec<usize>> {
        let n = chart.n_rows();
        let covers_all = |s: u32| {
            (0..chart.n_cols()).all(|c| (0..n).any(|r| s >> r & 1 == 1 && chart.covers(r, c)))
        };
        let covers: Vec<u32> = (0..1u32 << n).filter(|&s| covers_all(s)).collect();
        let keep: Vec<u32> = if minimum {
            let k = covers.iter().map(|s| s.count_ones()).min().unwrap_or(0);
            covers.into_iter().filter(|s| s.count_ones() == k).collect()
        } else {
            covers
                .iter()
                .copied()
                .filter(|&s| (0..n).all(|r| s >> r & 1 == 0 || !covers_all(s & !(1 << r))))
                .collect()
        };
        let mut out: Vec<Vec<usize>> = keep
            .into_iter()
            .map(|s| (0..n).filter(|&r| s >> r & 1 == 1).collect())
            .collect();
        out.sort_unstable_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
        out
    }

    #[test]
    fn covers_match_brute_force() {
        let mut seed = 0x2545f4914f6cdd1du64;
        for _ in 0..300 {
            let mut next = || {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed
            };
            let n_rows = 1 + (next() % 10) as usize;
            let n_cols = 1 + (next() % 9) as usize;
            let density = 2 + next() % 4;
            let rows: Vec<Vec<bool>> = (0..n_rows)
                .map(|_| (0..n_cols).map(|_| next() % density == 0).collect())
                .collect();
            let chart = PiChart::from_matrix(&rows);
            assert_eq!(
                chart.find_covers(&unlimited(usize::MAX)).unwrap().models,
                brute(&chart, true),
                "{rows:?}"
            );
            assert_eq!(
                chart
                    .find_covers(&unlimited(usize::MAX).covers(CoverSearch::Irredundant))
                    .unwrap()
                    .models,
                brute(&chart, false),
                "{rows:?}"
            );
        }
    }

    #[test]
    fn cap_is_reported() {
        let chart = PiChart::from_matrix(&[vec![true], vec![true], vec![true]]);
        let covers = chart.find_covers(&unlimited(2)).unwrap();
        assert_eq!(covers.models.len(), 2);
        assert!(covers.truncated);
        assert!(!chart.find_covers(&unlimited(3)).unwrap().truncated);
    }

    #[test]
    fn listing_stopped_before_a_model_gives_the_proofs_cover() {
        // Five columns in a cycle, each row covering two neighbours: the minimum, 3, is the
        // root bound (5/2 rounded up), so the proof takes no search node, but one node is
        // not enough for the listing to reach a cover of 3 rows.
        let rows: Vec<Vec<bool>> = (0..5)
            .map(|r| (0..5).map(|c| c == r || c == (r + 1) % 5).collect())
            .collect();
        let chart = PiChart::from_matrix(&rows);
        let all = brute(&chart, true);
        assert_eq!(all.len(), 5);
        let one_node = chart
            .find_covers(&EngineOptions::new().max_models(10).max_search_nodes(1))
            .unwrap();
        assert!(one_node.truncated);
        assert_eq!(one_node.models.len(), 1);
        assert!(all.contains(&one_node.models[0]), "{one_node:?}");
        assert_eq!(one_node.lower_bound, None);
        assert_eq!(
            chart
                .find_covers(&EngineOptions::new().max_models(10).max_search_nodes(1_000))
                .unwrap()
                .models,
            all
        );
    }
}
