//! Lookup from a configuration's mixed-radix index to the slot of an observed row.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A fast hasher for `u64` keys (a multiplicative mix; the keys are not adversarial).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b) ^ self.0.rotate_left(8));
        }
    }

    fn write_u64(&mut self, v: u64) {
        let h = (v ^ self.0).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = h ^ (h >> 32);
    }
}

/// Slots of observed rows: a dense vector when the configuration space is small, else a hash map.
#[derive(Debug)]
pub(crate) enum RowIndex {
    Dense(Vec<u32>),
    Sparse(HashMap<u64, u32, BuildHasherDefault<KeyHasher>>),
}

const NONE: u32 = u32::MAX;

impl RowIndex {
    /// An empty index for `configurations` possible keys and `n_cases` cases.
    pub(crate) fn new(configurations: u64, n_cases: usize) -> Self {
        let dense_limit = (1u64 << 22).min(16 * n_cases as u64 + (1 << 16));
        if configurations <= dense_limit {
            Self::Dense(vec![NONE; configurations as usize])
        } else {
            Self::Sparse(HashMap::default())
        }
    }

    pub(crate) fn get(&self, key: u64) -> Option<u32> {
        match self {
            Self::Dense(v) => v.get(key as usize).copied().filter(|&s| s != NONE),
            Self::Sparse(m) => m.get(&key).copied(),
        }
    }

    /// The slot of `key`, inserting `next` when the key is new; returns (slot, inserted).
    pub(crate) fn get_or_insert(&mut self, key: u64, next: u32) -> (u32, bool) {
        match self {
            Self::Dense(v) => {
                let s = &mut v[key as usize];
                if *s == NONE {
                    *s = next;
                    (next, true)
                } else {
                    (*s, false)
                }
            }
            Self::Sparse(m) => {
                let mut inserted = false;
                let s = *m.entry(key).or_insert_with(|| {
                    inserted = true;
                    next
                });
                (s, inserted)
            }
        }
    }
}
