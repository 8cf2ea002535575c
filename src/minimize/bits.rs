//! Bit sets and bit-sliced configurations: the word-level codec the engine's searches run
//! on.
//!
//! A configuration of up to 64 conditions is stored as bit planes (plane `k` holds bit `k` of
//! every condition's level), so that comparing two configurations, or testing whether a term
//! contains one, takes a few word operations whatever the number of conditions. Sets of
//! columns or elements are `u64` words, element `e` at bit `e % 64` of word `e / 64`.

/// The largest number of conditions, for the whole pipeline: the engine
/// ([`MinimizationProblem::new`](crate::minimize::MinimizationProblem::new),
/// [`PiChart::new`](crate::minimize::PiChart::new)) and the truth table
/// ([`fsqca::truth_table::MAX_CONDITIONS`](crate::truth_table::MAX_CONDITIONS) is this
/// constant).
///
/// Why 63: the engine keeps a term's literal positions in one `u64` (one bit per condition:
/// room for 64), and a truth table numbers its configurations as R QCA does, from 1 to the
/// product of the levels, in a `u64`: 64 binary conditions would need the number 2^64, one
/// beyond `u64::MAX`, while 63 need at most 2^63.
///
/// # Example
/// ```
/// use fsqca::minimize::{MinimizationProblem, MinimizeError, Remainders, MAX_CONDITIONS};
/// use fsqca::truth_table::TruthTableError;
/// use fsqca::{Dataset, TruthTableOptions};
/// assert_eq!(MAX_CONDITIONS, 63);
/// let levels = vec![2; MAX_CONDITIONS + 1];
/// let too_many = MinimizationProblem::new(levels, vec![], vec![], Remainders::None);
/// assert_eq!(too_many, Err(MinimizeError::TooManyConditions { n: 64, max: 63 }));
/// # let data = Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
/// let too_many = vec!["A"; MAX_CONDITIONS + 1];
/// let err = TruthTableOptions::default().build(&data, "Y", &too_many);
/// assert!(matches!(err, Err(TruthTableError::TooManyConditions { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_CONDITIONS: usize = 63;

/// Bit-sliced configurations: plane `k` holds bit `k` of every condition's level, condition
/// `j` at bit `j`. Two configurations differ at the positions
/// `OR_k (a[k] ^ b[k])`; a term with literal positions `mask` and levels `v` contains `c` iff
/// `OR_k (c[k] ^ v[k]) & mask == 0`.
pub(crate) type Planes<const B: usize> = [u64; B];

/// The number of bit planes needed for the largest level of `levels`.
pub(crate) fn planes_needed(levels: &[u8]) -> usize {
    let max = levels.iter().copied().max().unwrap_or(2).saturating_sub(1);
    (8 - max.leading_zeros() as usize).max(1)
}

/// The planes of one configuration.
pub(crate) fn pack<const B: usize>(config: &[u8]) -> Planes<B> {
    let mut planes = [0u64; B];
    for (j, &v) in config.iter().enumerate() {
        for (k, plane) in planes.iter_mut().enumerate() {
            *plane |= u64::from((v >> k) & 1) << j;
        }
    }
    planes
}

/// The configuration of `n` conditions held in `planes` (the inverse of [`pack`]).
pub(crate) fn unpack<const B: usize>(planes: &Planes<B>, n: usize) -> Vec<u8> {
    (0..n)
        .map(|j| {
            planes
                .iter()
                .enumerate()
                .fold(0u8, |acc, (k, p)| acc | ((((p >> j) & 1) as u8) << k))
        })
        .collect()
}

/// The positions where two configurations differ.
#[inline]
pub(crate) fn diff<const B: usize>(a: &Planes<B>, b: &Planes<B>) -> u64 {
    let mut d = 0;
    for k in 0..B {
        d |= a[k] ^ b[k];
    }
    d
}

/// The planes with every position outside `mask` cleared.
#[inline]
pub(crate) fn masked<const B: usize>(a: &Planes<B>, mask: u64) -> Planes<B> {
    let mut out = *a;
    for p in out.iter_mut() {
        *p &= mask;
    }
    out
}

/// Calls `$body` with the const `B` set to enough bit planes for `$levels`.
macro_rules! with_planes {
    ($levels:expr, $f:ident ( $($arg:expr),* )) => {
        match $crate::minimize::bits::planes_needed($levels) {
            1 => $f::<1>($($arg),*),
            2 => $f::<2>($($arg),*),
            3 => $f::<3>($($arg),*),
            4 => $f::<4>($($arg),*),
            _ => $f::<8>($($arg),*),
        }
    };
}
pub(crate) use with_planes;

/// The iterator over the set bits of a bit set.
pub(crate) fn ones(bits: &[u64]) -> impl Iterator<Item = usize> + '_ {
    bits.iter().enumerate().flat_map(|(w, &word)| {
        let mut rest = word;
        std::iter::from_fn(move || {
            (rest != 0).then(|| {
                let b = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                w * 64 + b
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_round_trips() {
        let levels = [3u8, 2, 16, 2];
        assert_eq!(planes_needed(&levels), 4);
        assert_eq!(planes_needed(&[2, 2]), 1);
        assert_eq!(planes_needed(&[255]), 8);
        let c = vec![2u8, 1, 13, 0];
        let p = pack::<4>(&c);
        assert_eq!(unpack::<4>(&p, 4), c);
        let d = pack::<4>(&[2, 0, 13, 1]);
        assert_eq!(diff(&p, &d), 0b1010);
    }

    #[test]
    fn ones_lists_the_set_bits() {
        let bits = [0b1010u64, 1 << 63, 0, 1];
        assert_eq!(ones(&bits).collect::<Vec<_>>(), [1, 3, 127, 192]);
        assert_eq!(ones(&[]).count(), 0);
    }
}
