//! The 30-condition crisp table of the README's speed section and of the benches: `n` cases of
//! a reproducible xorshift64 stream, one bit per condition, outcome the rule
//! `X1*~X4*X7 + ~X2*X12*X20 + X15*~X25*X30`.

use fsqca::Dataset;

/// The cases: the 30 conditions' values (0 or 1) and the outcome's.
pub fn rows(n: usize) -> Vec<(Vec<u8>, u8)> {
    let mut state = 0x853c_49e6_748f_ea9b_u64;
    let mut rows = Vec::with_capacity(n);
    for _ in 0..n {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let conditions: Vec<u8> = (0..30).map(|j| ((state >> j) & 1) as u8).collect();
        let c = |j: usize| conditions[j] == 1;
        let y = (c(0) && !c(3) && c(6)) || (!c(1) && c(11) && c(19)) || (c(14) && !c(24) && c(29));
        rows.push((conditions, u8::from(y)));
    }
    rows
}

/// The same cases as a data set: columns `X1`..`X30` and `Y`.
pub fn dataset(n: usize) -> Dataset {
    let rows = rows(n);
    let mut columns: Vec<(String, Vec<f64>)> = (0..30)
        .map(|j| {
            let values = rows.iter().map(|r| f64::from(r.0[j])).collect();
            (format!("X{}", j + 1), values)
        })
        .collect();
    columns.push((
        "Y".to_owned(),
        rows.iter().map(|r| f64::from(r.1)).collect(),
    ));
    Dataset::from_columns(columns).expect("30 complete columns of equal length")
}
