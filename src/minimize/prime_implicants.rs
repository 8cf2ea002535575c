//! The fast exact prime implicant generator: it never enumerates the remainders.

use std::collections::{HashMap, HashSet};

use super::bits::{diff, masked, ones, pack, unpack, with_planes, Planes};
use super::cubes::CubeSet;
use super::error::MinimizeError;
use super::implicant::Implicant;
use super::problem::{MinimizationProblem, Remainders};
use super::set_cover::{lagrangian_multipliers, minimum_size, SetFamily};

/// The prime implicants of a problem, exactly, without enumerating the configuration space.
///
/// A term is written `(S, v)`: literals on the set of conditions `S`, with levels `v`. Like
/// Dușa's consistency cubes (R Journal 10(2), 2018), the search only builds terms that are
/// sub-cubes of a positive configuration, so its work grows with the observed
/// configurations, not with the `prod(levels)` possible ones. Two exact methods, by policy:
///
/// - [`Remainders::All`] (parsimonious): for a positive configuration `p`, the term
///   `(S, p|S)` covers a forbidden configuration `f` iff `S` avoids every condition where `p`
///   and `f` differ, the set `D(p, f)`. So `(S, p|S)` is an implicant iff `S` meets every
///   `D(p, f)` (a *transversal* of the hypergraph `{D(p, f)}`), and a prime implicant iff
///   `S` is a *minimal* transversal: dropping any literal makes it cover a forbidden
///   configuration. Every prime implicant covering `p` has this form, so the union over the
///   positive configurations of their minimal transversals is exactly the set of prime
///   implicants that cover a positive configuration. Minimal transversals are enumerated by
///   depth-first search (the "minimal hitting set" scheme of Murakami & Uno, Discrete
///   Applied Mathematics 170, 2014: branch on the elements of an uncovered edge with fewest
///   candidates, keep only elements with a critical edge), with conditions and
///   configurations as bit sets (`u64` per configuration, bit-sliced for multi-value
///   conditions). Edges that contain another edge are dropped first (they do not change the
///   transversals).
///   Forbidden cubes ([`MinimizationProblem::exclude_cubes`]) take part the same way: a
///   cube with literals on `T` and levels `c` gives the edge `{j in T : p_j != c_j}` (a
///   forbidden configuration is the cube with every condition), so excluded sets of any
///   size cost one edge per cube, never per configuration.
/// - [`Remainders::Within`] (intermediate, symbolic): the same search, with the complement
///   of the positive configurations and the given cubes as the forbidden cubes
///   ([`CubeSet::complement`]).
/// - [`Remainders::None`] and [`Remainders::Only`] (conservative, intermediate): the allowed
///   set is the finite list of positive configurations plus the listed remainders.
///   Implicants are grown from it level by level as in McCluskey (1956): a term with free
///   conditions `F ∪ {j}`, `j` below every condition of `F`, is an implicant iff the terms
///   with free conditions `F` for each of the levels of `j` all are (counted by hashing). An
///   implicant that is in no larger implicant is prime; primes covering no positive
///   configuration are dropped.
///
/// The result is in [`Implicant`]'s order (R QCA's) and does not depend on hashing.
///
/// # Errors
/// [`MinimizeError::TooManyPrimeImplicants`] when more than `max_prime_implicants` are found.
///
/// # Complexity
/// Parsimonious: `O(P F)` to build the difference sets of the `P` positive and `F` forbidden
/// configurations, plus the transversal search, whose time is roughly proportional to the
/// number of (prime implicant, positive configuration it covers) pairs. Conservative and
/// intermediate: `O(I k)` hash operations for the `I` implicants of the allowed set and `k`
/// conditions. Memory is proportional to the configurations given and the prime implicants,
/// never to `2^k`. The number of prime implicants itself can grow exponentially with `k`.
///
/// # Example
/// ```
/// use fsqca::minimize::{fast_prime_implicants, MinimizationProblem, Notation, Remainders};
/// // 30 binary conditions X1..X30: two positive and two negative rows.
/// let mut p1 = vec![0u8; 30];
/// p1[0] = 1; // X1 only
/// let mut p2 = p1.clone();
/// p2[29] = 1; // X1 and X30
/// let f1 = vec![0u8; 30]; // nothing
/// let mut f2 = vec![1u8; 30];
/// f2[0] = 0;
/// f2[29] = 0; // all but X1 and X30
/// let problem = MinimizationProblem::new(vec![2; 30], vec![p1, p2], vec![f1, f2], Remainders::All)?;
/// let pis = fast_prime_implicants(&problem, 1_000_000)?;
/// let names: Vec<String> = (1..=30).map(|j| format!("X{j}")).collect();
/// let pis: Vec<String> = pis.iter().map(|t| t.format_with(&names, Notation::Binary)).collect();
/// assert_eq!(pis, ["X1", "X30"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn fast_prime_implicants(
    problem: &MinimizationProblem,
    max_prime_implicants: usize,
) -> Result<Vec<Implicant>, MinimizeError> {
    let mut out = match problem.remainders() {
        Remainders::All | Remainders::Within(_) => {
            with_planes!(problem.levels(), primes_all(problem, max_prime_implicants))?
        }
        _ => with_planes!(
            problem.levels(),
            primes_listed(problem, max_prime_implicants)
        )?,
    };
    out.sort_unstable();
    Ok(out)
}

fn full_mask(k: usize) -> u64 {
    if k >= 64 {
        u64::MAX
    } else {
        (1u64 << k) - 1
    }
}

/// Drops duplicate edges and edges that contain another edge; the rest in ascending order
/// of (size, mask). The edges are first grouped by size (a counting sort): an edge can only
/// contain a smaller one, so each group is checked against the edges kept before it, and
/// only the survivors are sorted (with a large forbidden region, most edges contain a small
/// one, and sorting them all dominated).
fn minimal_edges(edges: &mut Vec<u64>) {
    let mut start = [0usize; 66];
    for e in edges.iter() {
        start[e.count_ones() as usize + 1] += 1;
    }
    for size in 1..66 {
        start[size] += start[size - 1];
    }
    let mut grouped = vec![0u64; edges.len()];
    let mut next = start;
    for &e in edges.iter() {
        let size = e.count_ones() as usize;
        grouped[next[size]] = e;
        next[size] += 1;
    }
    edges.clear();
    for size in 0..65 {
        let first = edges.len();
        for &e in &grouped[start[size]..start[size + 1]] {
            if !edges[..first].iter().any(|&k| k & !e == 0) {
                edges.push(e);
            }
        }
        edges[first..].sort_unstable();
        let mut kept = first;
        for i in first..edges.len() {
            if kept == first || edges[kept - 1] != edges[i] {
                edges[kept] = edges[i];
                kept += 1;
            }
        }
        edges.truncate(kept);
    }
}

/// A forbidden cube: the conditions with a literal, and the levels (0 elsewhere).
type Cube<const B: usize> = (u64, Planes<B>);

/// The conditions of the edge of positive configuration `p` for the forbidden cube
/// `(mask, levels)`: those of the cube's literals that `p` does not meet.
#[inline]
fn cube_diff<const B: usize>(p: &Planes<B>, (mask, levels): &Cube<B>) -> u64 {
    diff(p, levels) & mask
}

/// What a prime implicant may not meet, as cubes: the forbidden configurations (a cube with
/// every condition) and the excluded cubes; for [`Remainders::Within`], the complement of
/// the positive configurations and the given cubes instead (it holds the forbidden and the
/// excluded configurations, which are outside those cubes).
fn forbidden_cubes<const B: usize>(
    problem: &MinimizationProblem,
) -> Result<Vec<Cube<B>>, MinimizeError> {
    let full = full_mask(problem.n_conditions());
    let planes = |t: &Implicant| {
        let values: Vec<u8> = t.to_levels().iter().map(|l| l.unwrap_or(0)).collect();
        (t.mask(), pack::<B>(&values))
    };
    Ok(match problem.remainders() {
        Remainders::Within(set) => {
            let positive =
                CubeSet::from_configurations(problem.levels().to_vec(), problem.positive())?;
            positive
                .union(set)?
                .complement()
                .cubes()
                .iter()
                .map(planes)
                .collect()
        }
        _ => problem
            .forbidden()
            .iter()
            .map(|c| (full, pack::<B>(c)))
            .chain(problem.excluded_cubes().iter().map(planes))
            .collect(),
    })
}

fn primes_all<const B: usize>(
    problem: &MinimizationProblem,
    max: usize,
) -> Result<Vec<Implicant>, MinimizeError> {
    let positive: Vec<Planes<B>> = problem.positive().iter().map(|c| pack::<B>(c)).collect();
    let forbidden = forbidden_cubes::<B>(problem)?;
    let mut seen: HashSet<(u64, Planes<B>)> = HashSet::new();
    let mut found: Vec<(u64, usize)> = Vec::new();
    let mut edges: Vec<u64> = Vec::with_capacity(forbidden.len());
    let mut overflow = false;
    for (index, p) in positive.iter().enumerate() {
        edges.clear();
        edges.extend(forbidden.iter().map(|f| cube_diff(p, f)));
        minimal_edges(&mut edges);
        let mut search = Transversals::new(&edges, problem.n_conditions());
        search.run(&mut |s: u64| {
            if seen.insert((s, masked(p, s))) {
                found.push((s, index));
                if found.len() > max {
                    overflow = true;
                    return false;
                }
            }
            true
        });
        if overflow {
            return Err(MinimizeError::TooManyPrimeImplicants { max });
        }
    }
    Ok(implicants(problem, found))
}

/// The implicants `(conditions, the levels of a positive configuration on them)`.
fn implicants(problem: &MinimizationProblem, found: Vec<(u64, usize)>) -> Vec<Implicant> {
    found
        .into_iter()
        .map(|(mask, index)| Implicant::from_mask(mask, &problem.positive()[index]))
        .collect()
}

/// The prime implicants that can be in a minimum cover, for [`Remainders::All`]: a subset
/// of [`fast_prime_implicants`] that contains every implicant of every minimum cover of the
/// positive configurations, so minimum covers (models) are the same over it. With other
/// policies, all prime implicants (they are few: they are built from the listed
/// configurations).
///
/// Method: for each positive configuration `e`, a branch-and-bound search over the prime
/// implicants containing it finds the largest number `M_e` of positive configurations one
/// of them covers. The weights `y_e = 1 / M_e` give every prime implicant a total weight of
/// at most 1 over what it covers, so (linear-programming duality, as in the bound of
/// [`PiChart::find_covers`](crate::minimize::PiChart::find_covers)) no `j` implicants
/// cover positive configurations of total weight above `j`. An upper bound `u` on the
/// minimum comes from covering with those largest implicants. An implicant `P` in a
/// minimum cover leaves the rest, of weight `W - y(P)` (`W` the total), to at most `u - 1`
/// others, so `y(P) >= W - u + 1`. The transversal search of [`fast_prime_implicants`]
/// keeps only implicants that pass this test, pruning a branch as soon as the positive
/// configurations still covered weigh less; each implicant is built once, from the first
/// positive configuration it covers.
///
/// The test holds for every feasible weighting, and the implicants kept pass it for two:
/// `1 / M_e`, and a second one found by column generation (below), whose total is close to
/// the linear-programming bound. The first is strong where one large implicant covers
/// each part of the data; it is weak where an exclusion leaves many configurations that only
/// tiny implicants cover (the slack of each adds up: on the README's 30-condition table with
/// `X1*X2*X3` excluded, its total is 2.6 below the smallest cover, and it would keep more
/// than two million implicants), and there the second keeps a few dozen. Column
/// generation: Lagrangian multipliers `u` on the implicants known (at first the largest
/// of each configuration), then for each configuration `e` the heaviest implicant through
/// it, `h_e`, by a branch and bound over the implicants containing `e`; `u_e / h_e` is
/// feasible, and the implicants heavier than 1 join the known ones for the next round.
/// When both bounds are weak the test keeps every prime implicant, and the result equals
/// [`fast_prime_implicants`].
///
/// # Errors
/// [`MinimizeError::TooManyUsefulPrimeImplicants`] when more than `max_prime_implicants`
/// pass.
///
/// # Complexity
/// Two transversal searches per positive configuration, both pruned, and up to
/// `DUAL_ROUNDS` (12) more for the column generation, skipped where the first bound
/// already meets the smallest cover; memory proportional to the configurations and the
/// implicants kept.
///
/// # Example
/// ```
/// use fsqca::minimize::{
///     fast_prime_implicants, useful_prime_implicants, MinimizationProblem, Remainders,
/// };
/// // A*B or C: positive A*B*~C, A*B*C, ~A*~B*C; negative ~A*~B*~C, A*~B*~C.
/// let problem = MinimizationProblem::new(
///     vec![2, 2, 2],
///     vec![vec![1, 1, 0], vec![1, 1, 1], vec![0, 0, 1]],
///     vec![vec![0, 0, 0], vec![1, 0, 0]],
///     Remainders::All,
/// )?;
/// let all = fast_prime_implicants(&problem, 100)?;
/// let useful = useful_prime_implicants(&problem, 100)?;
/// assert!(useful.len() <= all.len());
/// assert!(useful.iter().all(|pi| all.contains(pi)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn useful_prime_implicants(
    problem: &MinimizationProblem,
    max_prime_implicants: usize,
) -> Result<Vec<Implicant>, MinimizeError> {
    if !matches!(
        problem.remainders(),
        Remainders::All | Remainders::Within(_)
    ) {
        return fast_prime_implicants(problem, max_prime_implicants);
    }
    let mut out = with_planes!(
        problem.levels(),
        primes_useful(problem, max_prime_implicants)
    )?;
    out.sort_unstable();
    Ok(out)
}

/// Per positive configuration: its minimal difference sets to the forbidden ones, and per
/// condition the positive configurations that differ from it there.
struct Neighbourhood {
    edges: Vec<u64>,
    differ: Vec<Vec<u64>>,
}

impl Neighbourhood {
    fn new<const B: usize>(
        index: usize,
        positive: &[Planes<B>],
        forbidden: &[Cube<B>],
        k: usize,
    ) -> Self {
        let full = full_mask(k);
        let p = &positive[index];
        let mut edges: Vec<u64> = forbidden.iter().map(|f| cube_diff(p, f)).collect();
        minimal_edges(&mut edges);
        // Every positive configuration keeps its edges: without the room of the dropped
        // ones (a forbidden cube each; 139,244 for a 30-condition intermediate solution).
        edges.shrink_to_fit();
        let words = positive.len().div_ceil(64);
        let mut differ = vec![vec![0u64; words]; k];
        for (j, q) in positive.iter().enumerate() {
            let mut d = diff(p, q) & full;
            while d != 0 {
                let v = d.trailing_zeros() as usize;
                d &= d - 1;
                differ[v][j / 64] |= 1 << (j % 64);
            }
        }
        Neighbourhood { edges, differ }
    }

    /// The positive configurations covered by the term on the conditions `chosen`.
    fn covered(&self, chosen: u64, all: &[u64], out: &mut [u64]) {
        out.copy_from_slice(all);
        let mut bits = chosen;
        while bits != 0 {
            let v = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            for (o, d) in out.iter_mut().zip(&self.differ[v]) {
                *o &= !d;
            }
        }
    }
}

fn count(bits: &[u64]) -> u32 {
    bits.iter().map(|w| w.count_ones()).sum()
}

fn weight(bits: &[u64], y: &[f64]) -> f64 {
    ones(bits).map(|e| y[e]).sum()
}

fn primes_useful<const B: usize>(
    problem: &MinimizationProblem,
    max: usize,
) -> Result<Vec<Implicant>, MinimizeError> {
    let k = problem.n_conditions();
    let positive: Vec<Planes<B>> = problem.positive().iter().map(|c| pack::<B>(c)).collect();
    let forbidden = forbidden_cubes::<B>(problem)?;
    let n = positive.len();
    let words = n.div_ceil(64).max(1);
    let mut all = vec![0u64; words];
    for e in 0..n {
        all[e / 64] |= 1 << (e % 64);
    }
    let mut scratch = vec![0u64; words];
    let hoods: Vec<Neighbourhood> = (0..n)
        .map(|index| Neighbourhood::new(index, &positive, &forbidden, k))
        .collect();
    // Pass 1: the largest coverage of a prime implicant through each positive configuration
    // (the heaviest, every configuration weighing 1).
    let ones_weights = vec![1.0; n];
    let largest: Vec<Vec<u64>> = hoods
        .iter()
        .map(|hood| heaviest_through(hood, &all, &ones_weights, (0.0, vec![0u64; words])).1)
        .collect();
    let y: Vec<f64> = largest.iter().map(|c| 1.0 / f64::from(count(c))).collect();
    let (dual, upper) = column_generation(&hoods, &all, largest, &y);
    // One threshold per weighting: an implicant of a minimum cover passes both.
    let tests: Vec<(&[f64], f64)> = [y.as_slice(), dual.as_slice()]
        .into_iter()
        .map(|w| (w, w.iter().sum::<f64>() - (upper as f64 - 1.0) - 1e-9))
        .collect();
    let passes = |cov: &[u64]| tests.iter().all(|&(w, t)| weight(cov, w) >= t);
    // Pass 2: every prime implicant whose covered configurations weigh at least the threshold.
    let mut found: Vec<(u64, usize)> = Vec::new();
    for (index, hood) in hoods.iter().enumerate() {
        let mut cov = vec![0u64; words];
        let mut overflow = false;
        Transversals::new(&hood.edges, k).run_pruned(
            &mut |s| {
                hood.covered(s, &all, &mut cov);
                let first = cov
                    .iter()
                    .position(|&w| w != 0)
                    .map(|w| w * 64 + cov[w].trailing_zeros() as usize);
                if first == Some(index) && passes(&cov) {
                    found.push((s, index));
                    if found.len() > max {
                        overflow = true;
                        return false;
                    }
                }
                true
            },
            &mut |s| {
                hood.covered(s, &all, &mut scratch);
                !passes(&scratch)
            },
        );
        if overflow {
            return Err(MinimizeError::TooManyUsefulPrimeImplicants { max });
        }
    }
    Ok(implicants(problem, found))
}

/// Rounds of [`column_generation`] at most.
const DUAL_ROUNDS: usize = 12;

/// A second dual-feasible weighting of the positive configurations for the test of
/// [`useful_prime_implicants`], and an upper bound on the minimum, by column generation
/// (Gilmore & Gomory, Operations Research 9, 1961) over the prime implicants, which are
/// never all listed.
///
/// The weights `y_e = 1 / M_e` of pass 1 are feasible (no implicant weighs more than 1),
/// but their total can be far below the minimum: where an exclusion splits the
/// configurations into many that only a tiny implicant covers, the slack of every part
/// adds up and the test keeps every implicant. Here, starting from `y` and the largest
/// implicant of each configuration (`columns`), Lagrangian multipliers `u` are optimized
/// on the implicants known ([`lagrangian_multipliers`]), then priced on every prime
/// implicant: per configuration with `u_e > 0`, a branch and bound over the implicants
/// containing it finds the heaviest, `u` being additive and shrinking as literals are
/// added. The weights `u_e / h_e`, `h_e` the heaviest through `e`, are feasible (an
/// implicant `P` through `e` weighs `u(P) <= h_e`, so `P` weighs at most 1 under them),
/// so (as for `y`) an implicant in a minimum cover weighs at least their total minus the
/// upper bound plus one. Implicants heavier than 1 join the known ones and the next round
/// starts from the feasible weights; the rounds stop when no new implicant is heavier
/// than 1 (the weights are then optimal for the linear relaxation, as far as the
/// subgradient steps reach), when the total meets the upper bound, or when twice the last
/// round's gain would not lift the total above the upper bound less one, where the test
/// starts to prune (on noisy tables the bound stays weak, and the rounds only cost time). The upper bound is
/// the smallest cover of the implicants known. The best total of the rounds is kept.
fn column_generation(
    hoods: &[Neighbourhood],
    all: &[u64],
    mut columns: Vec<Vec<u64>>,
    y: &[f64],
) -> (Vec<f64>, usize) {
    let n = hoods.len();
    columns.sort_unstable();
    columns.dedup();
    let smallest_cover = |columns: &[Vec<u64>]| {
        let family = SetFamily::new(n, columns.iter().cloned());
        match minimum_size(&family, 100_000) {
            Ok(Some(m)) => m.size,
            Err(unproven) => unproven.best.len(),
            Ok(None) => n, // not reached: each configuration is in its own largest implicant
        }
    };
    let mut upper = smallest_cover(&columns);
    let mut best = (y.to_vec(), y.iter().sum::<f64>());
    if best.1 >= upper as f64 - 1e-9 {
        return (best.0, upper);
    }
    let mut u = y.to_vec();
    for _ in 0..DUAL_ROUNDS {
        let family = SetFamily::new(n, columns.iter().cloned());
        u = lagrangian_multipliers(&family, &u, upper as f64);
        // The heaviest implicant through each configuration (`h_e`, exact): `u_e / h_e` is
        // feasible, since an implicant `P` through `e` weighs `u(P) <= h_e`.
        // The search through `e` starts from the heaviest known implicant through `e`.
        let mut known: Vec<Option<(f64, usize)>> = vec![None; n];
        for (c, column) in columns.iter().enumerate() {
            let w = weight(column, &u);
            for e in ones(column) {
                if known[e].is_none_or(|(best, _)| w > best) {
                    known[e] = Some((w, c));
                }
            }
        }
        let mut feasible = vec![0.0f64; n];
        let mut added = Vec::new();
        for (e, hood) in hoods.iter().enumerate() {
            if u[e] <= 0.0 {
                continue;
            }
            let start = known[e].map_or((0.0, Vec::new()), |(w, c)| (w, columns[c].clone()));
            let (heaviest, column) = heaviest_through(hood, all, &u, start);
            feasible[e] = u[e] / heaviest;
            if heaviest > 1.0 + 1e-9 {
                added.push(column);
            }
        }
        let total = feasible.iter().sum::<f64>();
        let gain = total - best.1;
        if total > best.1 {
            best = (feasible.clone(), total);
        }
        u = feasible;
        if best.1 >= upper as f64 - 1e-9 {
            break; // the bound meets the upper bound: no weighting does better
        }
        let before = columns.len();
        columns.extend(added);
        columns.sort_unstable();
        columns.dedup();
        if columns.len() == before {
            break; // no implicant outside the known ones is heavier than 1
        }
        upper = upper.min(smallest_cover(&columns));
        if best.1 + 2.0 * gain < upper as f64 - 1.0 {
            // The gains shrink from round to round: at this pace the test would stay void
            // (it prunes only above `upper - 1`), so the rounds would cost without pruning.
            break;
        }
    }
    (best.0, upper)
}

/// The heaviest prime implicant through the positive configuration of `hood`, under
/// `weights` (one per positive configuration, none negative), as its weight and the
/// configurations it covers: a branch and bound over the implicants containing it, pruned
/// where the configurations still covered weigh no more than the best so far (adding
/// literals only drops configurations). `start` is a known implicant through it, or
/// `(0.0, _)`.
fn heaviest_through(
    hood: &Neighbourhood,
    all: &[u64],
    weights: &[f64],
    start: (f64, Vec<u64>),
) -> (f64, Vec<u64>) {
    let best = std::cell::RefCell::new(start);
    let (mut cov, mut scratch) = (vec![0u64; all.len()], vec![0u64; all.len()]);
    Transversals::new(&hood.edges, hood.differ.len()).run_pruned(
        &mut |s| {
            hood.covered(s, all, &mut cov);
            let w = weight(&cov, weights);
            let mut best = best.borrow_mut();
            if w > best.0 {
                *best = (w, cov.clone());
            }
            true
        },
        &mut |s| {
            hood.covered(s, all, &mut scratch);
            weight(&scratch, weights) <= best.borrow().0
        },
    );
    best.into_inner()
}

/// Depth-first enumeration of the minimal transversals of a hypergraph whose vertices are
/// bits of a `u64` and whose edges are given as masks (none empty, none containing another).
struct Transversals<'a> {
    edges: &'a [u64],
    /// Per vertex, the set of edges containing it (bit set over edges).
    occurs: Vec<Vec<u64>>,
    words: usize,
    stopped: bool,
}

impl<'a> Transversals<'a> {
    fn new(edges: &'a [u64], n_vertices: usize) -> Self {
        let words = edges.len().div_ceil(64).max(1);
        let mut occurs = vec![vec![0u64; words]; n_vertices];
        for (e, &edge) in edges.iter().enumerate() {
            let mut bits = edge;
            while bits != 0 {
                let v = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                occurs[v][e / 64] |= 1 << (e % 64);
            }
        }
        Transversals {
            edges,
            occurs,
            words,
            stopped: false,
        }
    }

    /// Calls `emit` once per minimal transversal; `emit` returns `false` to stop.
    fn run(&mut self, emit: &mut dyn FnMut(u64) -> bool) {
        self.run_pruned(emit, &mut |_| false);
    }

    /// [`Transversals::run`], skipping every transversal that contains a set of vertices
    /// for which `prune` returns `true` (it is asked about each partial choice).
    fn run_pruned(
        &mut self,
        emit: &mut dyn FnMut(u64) -> bool,
        prune: &mut dyn FnMut(u64) -> bool,
    ) {
        let mut uncovered = vec![0u64; self.words];
        for e in 0..self.edges.len() {
            uncovered[e / 64] |= 1 << (e % 64);
        }
        let all_vertices = self.edges.iter().fold(0u64, |a, &e| a | e);
        self.search(0, all_vertices, &uncovered, &[], emit, prune);
    }

    fn search(
        &mut self,
        chosen: u64,
        candidates: u64,
        uncovered: &[u64],
        critical: &[(usize, Vec<u64>)],
        emit: &mut dyn FnMut(u64) -> bool,
        prune: &mut dyn FnMut(u64) -> bool,
    ) {
        if self.stopped || prune(chosen) {
            return;
        }
        // The uncovered edge with the fewest candidate vertices.
        let mut best: Option<(u32, u64)> = None;
        for (w, &word) in uncovered.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let e = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let c = self.edges[e] & candidates;
                let n = c.count_ones();
                if n == 0 {
                    return; // this edge can no longer be hit
                }
                if !matches!(best, Some((m, _)) if m <= n) {
                    best = Some((n, c));
                }
            }
        }
        let Some((_, branch)) = best else {
            if !emit(chosen) {
                self.stopped = true;
            }
            return;
        };
        let mut candidates = candidates & !branch;
        let mut bits = branch;
        let mut next_uncovered = vec![0u64; self.words];
        while bits != 0 {
            let v = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let occ = &self.occurs[v];
            // v must not take away the last critical edge of a chosen vertex.
            let mut next_critical: Vec<(usize, Vec<u64>)> = Vec::with_capacity(critical.len() + 1);
            let mut ok = true;
            for (u, crit) in critical {
                let c: Vec<u64> = crit.iter().zip(occ).map(|(a, b)| a & !b).collect();
                if c.iter().all(|&x| x == 0) {
                    ok = false;
                    break;
                }
                next_critical.push((*u, c));
            }
            if ok {
                let own: Vec<u64> = uncovered.iter().zip(occ).map(|(a, b)| a & b).collect();
                next_critical.push((v, own));
                for ((n, a), b) in next_uncovered.iter_mut().zip(uncovered).zip(occ) {
                    *n = a & !b;
                }
                let nu = next_uncovered.clone();
                self.search(
                    chosen | 1 << v,
                    candidates,
                    &nu,
                    &next_critical,
                    emit,
                    prune,
                );
                if self.stopped {
                    return;
                }
            }
            candidates |= 1 << v;
        }
    }
}

fn primes_listed<const B: usize>(
    problem: &MinimizationProblem,
    max: usize,
) -> Result<Vec<Implicant>, MinimizeError> {
    let k = problem.n_conditions();
    let levels = problem.levels();
    let full = full_mask(k);
    let mut current: Vec<(u64, Planes<B>)> = problem
        .positive()
        .iter()
        .map(|c| (0u64, pack::<B>(c)))
        .collect();
    let listed = matches!(problem.remainders(), Remainders::Only(_));
    if let Remainders::Only(list) = problem.remainders() {
        current.extend(list.iter().map(|c| (0u64, pack::<B>(c))));
    }
    let clear = |planes: &Planes<B>, j: usize| masked(planes, !(1u64 << j));
    let mut primes: Vec<(u64, Planes<B>)> = Vec::new();
    while !current.is_empty() {
        // Count, for each larger term, its sub-terms at its lowest free condition.
        let mut counts: HashMap<(u64, Planes<B>), u32> = HashMap::with_capacity(current.len());
        for (free, planes) in &current {
            let lowest = if *free == 0 {
                k
            } else {
                free.trailing_zeros() as usize
            };
            for j in 0..lowest {
                *counts.entry((free | 1 << j, clear(planes, j))).or_insert(0) += 1;
            }
        }
        let next: HashSet<(u64, Planes<B>)> = counts
            .into_iter()
            .filter(|((free, _), n)| *n == u32::from(levels[free.trailing_zeros() as usize]))
            .map(|(key, _)| key)
            .collect();
        for (free, planes) in &current {
            let mut fixed = full & !free;
            let mut prime = true;
            while fixed != 0 {
                let j = fixed.trailing_zeros() as usize;
                fixed &= fixed - 1;
                if next.contains(&(free | 1 << j, clear(planes, j))) {
                    prime = false;
                    break;
                }
            }
            if prime {
                primes.push((*free, *planes));
                if primes.len() > max {
                    return Err(MinimizeError::TooManyPrimeImplicants { max });
                }
            }
        }
        current = next.into_iter().collect();
    }
    let positive: Vec<Planes<B>> = problem.positive().iter().map(|c| pack::<B>(c)).collect();
    Ok(primes
        .into_iter()
        .filter(|(free, planes)| {
            !listed || positive.iter().any(|p| diff(p, planes) & full & !free == 0)
        })
        .map(|(free, planes)| Implicant::from_mask(full & !free, &unpack(&planes, k)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute_transversals(edges: &[u64], n: usize) -> Vec<u64> {
        let hits = |s: u64| edges.iter().all(|&e| e & s != 0);
        let mut out: Vec<u64> = (0..1u64 << n)
            .filter(|&s| hits(s) && (0..n).all(|v| s >> v & 1 == 0 || !hits(s & !(1 << v))))
            .collect();
        out.sort_unstable();
        out
    }

    /// The definition: sorted by (size, mask), without duplicates, none containing another.
    fn minimal_edges_by_definition(edges: &[u64]) -> Vec<u64> {
        let mut out: Vec<u64> = edges
            .iter()
            .copied()
            .filter(|&e| !edges.iter().any(|&k| k != e && k & !e == 0))
            .collect();
        out.sort_unstable_by_key(|e| (e.count_ones(), *e));
        out.dedup();
        out
    }

    #[test]
    fn minimal_edges_match_their_definition() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for round in 0..300 {
            let mut edges = Vec::new();
            for _ in 0..(round % 40) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                // Few conditions in the early rounds (many duplicates and containments),
                // all 64 later; an empty edge now and then.
                let width = if round < 150 { 6 } else { 64 };
                let e = if width == 64 {
                    seed
                } else {
                    seed & ((1 << width) - 1)
                };
                edges.push(if seed % 97 == 0 { 0 } else { e });
            }
            let expected = minimal_edges_by_definition(&edges);
            minimal_edges(&mut edges);
            assert_eq!(edges, expected);
        }
    }

    #[test]
    fn transversals_match_brute_force() {
        let mut seed = 0x9e3779b97f4a7c15u64;
        for _ in 0..200 {
            let mut edges = Vec::new();
            let n_edges = (seed % 9) as usize;
            for _ in 0..n_edges {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let e = seed & 0xff;
                if e != 0 {
                    edges.push(e);
                }
            }
            minimal_edges(&mut edges);
            let mut got = Vec::new();
            Transversals::new(&edges, 8).run(&mut |s| {
                got.push(s);
                true
            });
            got.sort_unstable();
            assert_eq!(got, brute_transversals(&edges, 8), "{edges:?}");
        }
    }

    #[test]
    fn tautology_when_nothing_is_forbidden() {
        let p = MinimizationProblem::new(vec![2, 3], vec![vec![1, 2]], vec![], Remainders::All)
            .unwrap();
        let pis = fast_prime_implicants(&p, 10).unwrap();
        assert_eq!(pis.len(), 1);
        assert!(pis[0].is_empty());
    }

    #[test]
    fn prime_limit() {
        let p = MinimizationProblem::new(
            vec![2, 2, 2],
            vec![vec![0, 0, 0]],
            vec![vec![1, 1, 1]],
            Remainders::All,
        )
        .unwrap();
        assert_eq!(
            fast_prime_implicants(&p, 2),
            Err(MinimizeError::TooManyPrimeImplicants { max: 2 })
        );
        assert_eq!(fast_prime_implicants(&p, 3).unwrap().len(), 3);
        // Each of ~A, ~B, ~C alone is a minimum model, so the pruned method keeps all three.
        assert_eq!(
            useful_prime_implicants(&p, 2),
            Err(MinimizeError::TooManyUsefulPrimeImplicants { max: 2 })
        );
        assert_eq!(useful_prime_implicants(&p, 3).unwrap().len(), 3);
    }
}
