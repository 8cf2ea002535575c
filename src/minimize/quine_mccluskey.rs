//! Plain Quine-McCluskey over the full configuration space: the reference implementation.

use std::collections::HashSet;

use super::error::MinimizeError;
use super::implicant::Implicant;
use super::problem::{MinimizationProblem, Remainders};

/// The largest configuration space [`quine_mccluskey`] accepts (2^16 configurations: 16
/// binary conditions, or 10 three-level ones).
///
/// # Example
/// ```
/// use fsqca::minimize::{MinimizationProblem, Remainders, QMC_MAX_CONFIGURATIONS};
/// let p = MinimizationProblem::new(vec![2; 16], vec![vec![1; 16]], vec![], Remainders::None)?;
/// assert!(p.n_configurations() <= QMC_MAX_CONFIGURATIONS);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const QMC_MAX_CONFIGURATIONS: u64 = 1 << 16;

/// Every configuration of the space, in lexicographic order (first condition most
/// significant).
pub(super) fn all_configurations(levels: &[u8]) -> Vec<Vec<u8>> {
    let mut out = vec![Vec::with_capacity(levels.len())];
    for &l in levels {
        out = out
            .into_iter()
            .flat_map(|prefix| {
                (0..l).map(move |v| {
                    let mut c = prefix.clone();
                    c.push(v);
                    c
                })
            })
            .collect();
    }
    out
}

/// The prime implicants of a problem by plain Quine-McCluskey, enumerating every
/// configuration of the space: the reference the fast method is tested against.
///
/// Every configuration is classified as allowed (positive, or a remainder the policy
/// permits) or not. Starting from the allowed configurations, each round frees one more
/// condition: a term `t` with a literal on condition `j` is merged into `t` without that
/// literal when the terms for *every* level of `j` are in the current round (for binary
/// conditions, the classic merge of two adjacent terms; for multi-value ones, McCluskey's
/// generalisation). Terms never merged are prime; those covering at least one positive
/// configuration are returned, in [`Implicant`]'s order.
///
/// Quine, "The problem of simplifying truth functions" (1952); McCluskey, "Minimization of
/// Boolean functions" (1956).
///
/// # Errors
/// [`MinimizeError::TooLarge`] if the space has more than [`QMC_MAX_CONFIGURATIONS`]
/// configurations.
///
/// # Complexity
/// Time and memory proportional to the number of implicants of the allowed set times the
/// number of conditions: up to `O(3^k k)` for `k` binary conditions. Use
/// [`fast_prime_implicants`](crate::minimize::fast_prime_implicants) beyond a dozen conditions.
///
/// # Example
/// ```
/// use fsqca::minimize::{quine_mccluskey, MinimizationProblem, Notation, Remainders};
/// let p = MinimizationProblem::new(
///     vec![2, 2, 2],
///     vec![vec![1, 1, 0], vec![1, 1, 1]],
///     vec![vec![0, 0, 0]],
///     Remainders::None,
/// )?;
/// let pis = quine_mccluskey(&p)?;
/// assert_eq!(pis.len(), 1);
/// assert_eq!(pis[0].format_with(&["A", "B", "C"], Notation::Binary), "A*B");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn quine_mccluskey(problem: &MinimizationProblem) -> Result<Vec<Implicant>, MinimizeError> {
    let n_configs = problem.n_configurations();
    if n_configs > QMC_MAX_CONFIGURATIONS {
        return Err(MinimizeError::TooLarge {
            configurations: n_configs,
            max: QMC_MAX_CONFIGURATIONS,
        });
    }
    let levels = problem.levels();
    let positive: HashSet<&[u8]> = problem.positive().iter().map(Vec::as_slice).collect();
    let forbidden: HashSet<&[u8]> = problem.forbidden().iter().map(Vec::as_slice).collect();
    let listed: HashSet<&[u8]> = match problem.remainders() {
        Remainders::Only(list) => list.iter().map(Vec::as_slice).collect(),
        _ => HashSet::new(),
    };
    let excluded = |c: &[u8]| problem.excluded_cubes().iter().any(|t| t.covers(c));
    let allowed = |c: &[u8]| match problem.remainders() {
        Remainders::None => positive.contains(c),
        Remainders::All => !forbidden.contains(c) && !excluded(c),
        Remainders::Only(_) => positive.contains(c) || listed.contains(c),
        Remainders::Within(set) => positive.contains(c) || set.contains(c),
    };
    // A term: one Option<u8> per condition.
    let mut current: HashSet<Vec<Option<u8>>> = all_configurations(levels)
        .into_iter()
        .filter(|c| allowed(c))
        .map(|c| c.into_iter().map(Some).collect())
        .collect();
    let mut primes: Vec<Vec<Option<u8>>> = Vec::new();
    while !current.is_empty() {
        let mut next: HashSet<Vec<Option<u8>>> = HashSet::new();
        let mut merged: HashSet<Vec<Option<u8>>> = HashSet::new();
        for term in &current {
            for (j, &l) in levels.iter().enumerate() {
                if term[j].is_none() {
                    continue;
                }
                let sibling = |v: u8| {
                    let mut s = term.clone();
                    s[j] = Some(v);
                    s
                };
                if (0..l).all(|v| current.contains(&sibling(v))) {
                    for v in 0..l {
                        merged.insert(sibling(v));
                    }
                    let mut bigger = term.clone();
                    bigger[j] = None;
                    next.insert(bigger);
                }
            }
        }
        primes.extend(current.into_iter().filter(|t| !merged.contains(t)));
        current = next;
    }
    let mut out: Vec<Implicant> = primes
        .iter()
        .map(|t| Implicant::from_levels(t))
        .filter(|t| problem.positive().iter().any(|c| t.covers(c)))
        .collect();
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textbook_example() {
        // The cyclic chart f(A,B,C) = Σ m(0, 1, 2, 5, 6, 7): six prime implicants of two
        // literals each.
        let bits = |m: u8| vec![(m >> 2) & 1, (m >> 1) & 1, m & 1];
        let pos = [0u8, 1, 2, 5, 6, 7].iter().map(|&m| bits(m)).collect();
        let neg = [3u8, 4].iter().map(|&m| bits(m)).collect();
        let p = MinimizationProblem::new(vec![2; 3], pos, neg, Remainders::None).unwrap();
        let pis: Vec<String> = quine_mccluskey(&p)
            .unwrap()
            .iter()
            .map(|t| t.format_with(&["A", "B", "C"], crate::minimize::Notation::Binary))
            .collect();
        assert_eq!(pis, ["~A*~B", "~A*~C", "A*B", "A*C", "~B*C", "B*~C"]);
    }

    #[test]
    fn too_large() {
        let p = MinimizationProblem::new(vec![2; 17], vec![vec![0; 17]], vec![], Remainders::All)
            .unwrap();
        assert_eq!(
            quine_mccluskey(&p),
            Err(MinimizeError::TooLarge {
                configurations: 1 << 17,
                max: 1 << 16
            })
        );
    }

    #[test]
    fn tautology() {
        let p = MinimizationProblem::new(
            vec![3],
            vec![vec![0], vec![1], vec![2]],
            vec![],
            Remainders::None,
        )
        .unwrap();
        let pis = quine_mccluskey(&p).unwrap();
        assert_eq!(pis.len(), 1);
        assert!(pis[0].is_empty());
    }
}
