//! Ranking raw values (1 = best), for calibrating on ranks.

use ndarray::{Array1, AsArray};

use super::direct::checked_values;
use super::CalibrationError;

/// Which raw value gets rank 1.
///
/// # Example
/// ```
/// use fsqca::calibration::{rank, RankOrder, Ties};
/// assert_eq!(rank(&[10.0, 30.0, 20.0], RankOrder::HighestFirst, Ties::Min)?.to_vec(), [3.0, 1.0, 2.0]);
/// assert_eq!(rank(&[10.0, 30.0, 20.0], RankOrder::LowestFirst, Ties::Min)?.to_vec(), [1.0, 3.0, 2.0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum RankOrder {
    /// The highest value is rank 1 (for example GDP per capita).
    #[default]
    HighestFirst,
    /// The lowest value is rank 1 (for example days until adoption, or a column of ranks).
    LowestFirst,
}

/// How tied values share ranks: for a tie over positions `p..=q`, each variant says what the
/// tied values get.
///
/// # Example
/// ```
/// use fsqca::calibration::{rank, RankOrder, Ties};
/// let x = [5.0, 7.0, 7.0, 9.0];
/// let r = |t| rank(&x, RankOrder::LowestFirst, t).map(|r| r.to_vec());
/// assert_eq!(r(Ties::Min)?, [1.0, 2.0, 2.0, 4.0]);
/// assert_eq!(r(Ties::Max)?, [1.0, 3.0, 3.0, 4.0]);
/// assert_eq!(r(Ties::Average)?, [1.0, 2.5, 2.5, 4.0]);
/// assert_eq!(r(Ties::First)?, [1.0, 2.0, 3.0, 4.0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Ties {
    /// All get `p`, the best position ("competition" ranking, 1224).
    #[default]
    Min,
    /// All get `q`, the highest position number (1334).
    Max,
    /// All get `(p + q) / 2`, R's default.
    Average,
    /// Positions in order of appearance in the data.
    First,
}

/// Ranks raw values: 1 is the best, `n` the worst, ties as chosen.
///
/// Ranking a column that is already a ranking with [`RankOrder::LowestFirst`] and
/// [`Ties::Max`] moves tied ranks to their highest position (ten provinces tied at 19 become
/// 28), as Khanal, Zhang & Taeihagh's Appendix A requires.
///
/// # Errors
/// [`CalibrationError::Empty`], [`CalibrationError::NotFinite`].
///
/// # Example
/// ```
/// use fsqca::calibration::{rank, RankOrder, Ties};
/// let r = rank(&[1.0, 19.0, 19.0, 19.0, 2.0], RankOrder::LowestFirst, Ties::Max)?;
/// assert_eq!(r.to_vec(), [1.0, 5.0, 5.0, 5.0, 2.0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rank<'a, V: AsArray<'a, f64>>(
    x: V,
    order: RankOrder,
    ties: Ties,
) -> Result<Array1<f64>, CalibrationError> {
    let x = checked_values(x)?;
    let mut idx: Vec<usize> = (0..x.len()).collect();
    // A stable sort keeps ties in order of appearance, which `Ties::First` needs.
    match order {
        RankOrder::HighestFirst => idx.sort_by(|&a, &b| x[b].total_cmp(&x[a])),
        RankOrder::LowestFirst => idx.sort_by(|&a, &b| x[a].total_cmp(&x[b])),
    }
    let mut out = Array1::zeros(x.len());
    let mut start = 0;
    while start < idx.len() {
        let mut end = start + 1;
        while end < idx.len() && x[idx[end]] == x[idx[start]] {
            end += 1;
        }
        // positions start+1 ..= end (1-based)
        let (p, q) = ((start + 1) as f64, end as f64);
        for (k, &i) in idx[start..end].iter().enumerate() {
            out[i] = match ties {
                Ties::Min => p,
                Ties::Max => q,
                Ties::Average => (p + q) / 2.0,
                Ties::First => p + k as f64,
            };
        }
        start = end;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

    #[test]
    fn autotraits() {
        has_autotraits::<RankOrder>();
        has_autotraits::<Ties>();
    }

    #[test]
    fn rejects_empty() {
        assert_eq!(
            rank(&[0.0; 0], RankOrder::HighestFirst, Ties::Min),
            Err(CalibrationError::Empty)
        );
    }

    #[test]
    fn rejects_nan() {
        assert!(matches!(
            rank(&[1.0, f64::NAN], RankOrder::HighestFirst, Ties::Min),
            Err(CalibrationError::NotFinite { index: 1, .. })
        ));
    }

    #[test]
    fn first_keeps_data_order_for_highest_first() {
        let r = rank(&[2.0, 3.0, 2.0, 1.0], RankOrder::HighestFirst, Ties::First).unwrap();
        assert_eq!(r.to_vec(), [2.0, 1.0, 3.0, 4.0]);
    }

    #[test]
    fn ranks_sum_to_triangle_number() {
        let x = [3.0, 1.0, 3.0, 2.0, 3.0, 1.0];
        for ties in [Ties::Average, Ties::First] {
            let s: f64 = rank(&x, RankOrder::LowestFirst, ties).unwrap().sum();
            assert_eq!(s, 21.0);
        }
    }
}
