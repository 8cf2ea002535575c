//! A family of sets over `0..n`, stored as bit sets and member lists.

use crate::minimize::bits::ones;

/// A family of sets over the elements `0..n`, each stored as a bit set and a member list.
#[derive(Debug, Clone)]
pub(crate) struct SetFamily {
    pub(super) n: usize,
    pub(super) words: usize,
    bits: Vec<u64>,
    pub(super) members: Vec<Vec<u32>>,
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

    pub(super) fn set(&self, s: usize) -> &[u64] {
        &self.bits[s * self.words..(s + 1) * self.words]
    }

    pub(super) fn all_elements(&self) -> Vec<u64> {
        let mut all = vec![0u64; self.words];
        for e in 0..self.n {
            all[e / 64] |= 1 << (e % 64);
        }
        all
    }
}

/// The number of elements two bit sets share.
pub(super) fn overlap(a: &[u64], b: &[u64]) -> u32 {
    a.iter().zip(b).map(|(x, y)| (x & y).count_ones()).sum()
}

/// Whether the bit set `outer` holds every element of `inner`.
pub(super) fn contains(outer: &[u64], inner: &[u64]) -> bool {
    outer.iter().zip(inner).all(|(o, i)| i & !o == 0)
}
