//! Property tests of the minimization engine on random truth tables (up to 8 binary
//! conditions, or up to 5 conditions with 2 to 4 levels, and up to 12 binary conditions for
//! the prime implicant comparison), for the three remainder policies:
//!
//! - the fast prime implicant generator equals plain Quine-McCluskey, and the pruned one
//!   keeps a subset of them that gives the same models;
//! - every prime implicant is allowed and prime, checked against the full configuration space;
//! - every model covers every positive configuration and no forbidden one;
//! - the models are exactly the minimum covers, by an exhaustive search without bounds (up
//!   to 8 binary conditions); irredundant covers likewise by brute force over subsets of
//!   prime implicants; row dominance keeps the minimum size.

use fsqca::minimize::{
    fast_prime_implicants, quine_mccluskey, CoverSearch, CubeSet, EngineOptions, Implicant,
    MinimizationProblem, Minimized, Remainders,
};
use fsqca::truth_table::OutputValue;
use proptest::prelude::*;
use std::collections::{BTreeSet, HashSet};

#[path = "../examples/random_k30/data.rs"]
mod random_k30;

/// Every configuration of the space, lexicographic.
fn space(levels: &[u8]) -> Vec<Vec<u8>> {
    let mut out = vec![vec![]];
    for &l in levels {
        out = out
            .into_iter()
            .flat_map(|p: Vec<u8>| {
                (0..l).map(move |v| {
                    let mut c = p.clone();
                    c.push(v);
                    c
                })
            })
            .collect();
    }
    out
}

/// The configurations that may be covered under the problem's policy.
fn allowed_set(problem: &MinimizationProblem) -> HashSet<Vec<u8>> {
    let mut set: HashSet<Vec<u8>> = problem.positive().iter().cloned().collect();
    match problem.remainders() {
        Remainders::None => {}
        Remainders::All => {
            let forbidden: HashSet<&Vec<u8>> = problem.forbidden().iter().collect();
            set.extend(
                space(problem.levels())
                    .into_iter()
                    .filter(|c| !forbidden.contains(c)),
            );
        }
        Remainders::Only(list) => set.extend(list.iter().cloned()),
        Remainders::Within(cubes) => set.extend(cubes.configurations()),
        _ => unreachable!("a policy the tests do not generate"),
    }
    if matches!(problem.remainders(), Remainders::All) {
        set.retain(|c| !problem.excluded_cubes().iter().any(|t| t.covers(c)));
    }
    set
}

fn covers_all(terms: &[&Implicant], configs: &[Vec<u8>]) -> bool {
    configs.iter().all(|c| terms.iter().any(|t| t.covers(c)))
}

/// The shared checker: prime implicants are allowed and prime and cover a positive
/// configuration; the chart matches them; essential implicants are those alone on a column;
/// every model covers every positive configuration and no forbidden one, with models of equal
/// (minimum) size, sorted and distinct.
fn assert_valid_solution(problem: &MinimizationProblem, solution: &Minimized) {
    let all = space(problem.levels());
    let allowed_configs = allowed_set(problem);
    let allowed = |_: &MinimizationProblem, c: &[u8]| allowed_configs.contains(c);
    let pis = solution.prime_implicants();
    for pi in pis {
        let inside: Vec<&Vec<u8>> = all.iter().filter(|c| pi.covers(c)).collect();
        assert!(
            inside.iter().all(|c| allowed(problem, c)),
            "{pi} covers a disallowed configuration"
        );
        assert!(
            problem.positive().iter().any(|c| pi.covers(c)),
            "{pi} covers no positive"
        );
        for (j, _) in pi.literals() {
            let mut levels = pi.to_levels();
            levels[j] = None;
            let bigger = Implicant::from_levels(&levels);
            assert!(
                all.iter().any(|c| bigger.covers(c) && !allowed(problem, c)),
                "{pi} is not prime: {bigger} is allowed"
            );
        }
    }
    let chart = solution.chart();
    assert_eq!(chart.n_rows(), pis.len());
    assert_eq!(chart.n_cols(), problem.positive().len());
    for (r, pi) in pis.iter().enumerate() {
        for (c, config) in problem.positive().iter().enumerate() {
            assert_eq!(chart.covers(r, c), pi.covers(config));
        }
    }
    let essential: Vec<usize> = (0..pis.len())
        .filter(|&r| (0..chart.n_cols()).any(|c| chart.covers(r, c) && chart.column(c) == vec![r]))
        .collect();
    assert_eq!(solution.essential(), essential.as_slice());
    assert!(!solution.models().is_empty());
    for model in solution.models() {
        let terms: Vec<&Implicant> = model.iter().map(|&i| &pis[i]).collect();
        assert!(
            covers_all(&terms, problem.positive()),
            "model {model:?} misses a positive"
        );
        for f in problem.forbidden() {
            assert!(
                !terms.iter().any(|t| t.covers(f)),
                "model {model:?} covers forbidden {f:?}"
            );
        }
        assert!(model.windows(2).all(|w| w[0] < w[1]));
        for e in &essential {
            assert!(model.contains(e), "essential {e} missing from {model:?}");
        }
    }
    assert!(solution
        .models()
        .windows(2)
        .all(|w| (w[0].len(), &w[0]) < (w[1].len(), &w[1])));
}

/// All minimum covers (or all irredundant covers) by brute force over subsets of the chart's
/// rows, or `None` when that would take too long.
fn brute_covers(solution: &Minimized, irredundant: bool) -> Option<Vec<Vec<usize>>> {
    let chart = solution.chart();
    let n = chart.n_rows();
    if chart.n_cols() > 128 || n > 16 {
        return None;
    }
    let rows: Vec<u128> = (0..n)
        .map(|r| {
            (0..chart.n_cols())
                .filter(|&c| chart.covers(r, c))
                .fold(0, |a, c| a | 1 << c)
        })
        .collect();
    let full: u128 = if chart.n_cols() == 128 {
        u128::MAX
    } else {
        (1 << chart.n_cols()) - 1
    };
    let union = |s: u32| {
        (0..n)
            .filter(|&r| s >> r & 1 == 1)
            .fold(0u128, |a, r| a | rows[r])
    };
    let covers: Vec<u32> = (0..1u32 << n).filter(|&s| union(s) == full).collect();
    let keep: Vec<u32> = if irredundant {
        covers
            .into_iter()
            .filter(|&s| (0..n).all(|r| s >> r & 1 == 0 || union(s & !(1 << r)) != full))
            .collect()
    } else {
        let k = covers.iter().map(|s| s.count_ones()).min()?;
        covers.into_iter().filter(|s| s.count_ones() == k).collect()
    };
    let mut out: Vec<Vec<usize>> = keep
        .into_iter()
        .map(|s| (0..n).filter(|&r| s >> r & 1 == 1).collect())
        .collect();
    out.sort_by(|a, b| (a.len(), a).cmp(&(b.len(), b)));
    Some(out)
}

/// Every minimum cover by exhaustive search, independent of the engine's bounds: for
/// `k = 0, 1, ...`, every choice of `k` rows made by taking, for the lowest uncovered
/// column, each row that covers it (every cover of size `k` is reached this way); the first
/// `k` with a cover is the minimum. `None` beyond `max_nodes` search nodes.
fn exhaustive_minimum_covers(solution: &Minimized, max_nodes: u64) -> Option<Vec<Vec<usize>>> {
    type Bits = [u64; 4];
    let chart = solution.chart();
    assert!(chart.n_cols() <= 256, "8 binary conditions at most");
    let mut rows: Vec<Bits> = vec![[0; 4]; chart.n_rows()];
    for (r, bits) in rows.iter_mut().enumerate() {
        for c in chart.row(r) {
            bits[c / 64] |= 1 << (c % 64);
        }
    }
    let columns: Vec<Vec<usize>> = (0..chart.n_cols()).map(|c| chart.column(c)).collect();
    let mut all: Bits = [0; 4];
    for c in 0..chart.n_cols() {
        all[c / 64] |= 1 << (c % 64);
    }
    struct Search<'a> {
        rows: &'a [Bits],
        columns: &'a [Vec<usize>],
        chosen: Vec<usize>,
        nodes: u64,
        found: BTreeSet<Vec<usize>>,
    }
    impl Search<'_> {
        fn run(&mut self, uncovered: Bits, depth: usize) {
            if self.nodes == 0 {
                return;
            }
            self.nodes -= 1;
            let Some(w) = uncovered.iter().position(|&x| x != 0) else {
                let mut cover = self.chosen.clone();
                cover.sort_unstable();
                self.found.insert(cover);
                return;
            };
            if depth == 0 {
                return;
            }
            let c = w * 64 + uncovered[w].trailing_zeros() as usize;
            for &r in &self.columns[c] {
                let mut next = uncovered;
                for (n, b) in next.iter_mut().zip(&self.rows[r]) {
                    *n &= !b;
                }
                self.chosen.push(r);
                self.run(next, depth - 1);
                self.chosen.pop();
            }
        }
    }
    let mut search = Search {
        rows: &rows,
        columns: &columns,
        chosen: Vec::new(),
        nodes: max_nodes,
        found: BTreeSet::new(),
    };
    for k in 0..=chart.n_rows() {
        search.run(all, k);
        if search.nodes == 0 {
            return None;
        }
        if !search.found.is_empty() {
            return Some(search.found.into_iter().collect());
        }
    }
    Some(Vec::new())
}

/// A random problem: levels, then a class per configuration (0, 1: positive, 2, 3:
/// forbidden, else remainder), the policy, the listed remainders and the excluded ones.
fn problems(max_binary: usize) -> impl Strategy<Value = MinimizationProblem> {
    let levels = prop_oneof![
        3 => (1..=max_binary).prop_map(|k| vec![2u8; k]),
        1 => prop::collection::vec(2u8..=4, 1..=5),
    ];
    levels
        .prop_flat_map(|levels| {
            let n = space(&levels).len();
            (
                Just(levels),
                prop::collection::vec(0u8..8, n),
                0u8..4,
                prop::collection::vec(any::<bool>(), n),
                prop::collection::vec(0u8..6, n),
            )
        })
        .prop_filter_map(
            "needs a positive configuration",
            |(levels, class, policy, listed, excl)| {
                let all = space(&levels);
                let pick = |f: &dyn Fn(usize) -> bool| -> Vec<Vec<u8>> {
                    all.iter()
                        .enumerate()
                        .filter(|(i, _)| f(*i))
                        .map(|(_, c)| c.clone())
                        .collect()
                };
                let positive = pick(&|i| class[i] <= 1);
                let forbidden = pick(&|i| (2..=3).contains(&class[i]));
                let remainders = match policy {
                    0 => Remainders::None,
                    1 => Remainders::All,
                    2 => Remainders::Only(pick(&|i| class[i] >= 4 && listed[i])),
                    _ => Remainders::Within(
                        CubeSet::from_configurations(
                            levels.clone(),
                            &pick(&|i| class[i] >= 4 && listed[i]),
                        )
                        .ok()?,
                    ),
                };
                let excluded = pick(&|i| class[i] >= 4 && excl[i] == 0);
                MinimizationProblem::new(levels, positive, forbidden, remainders)
                    .ok()?
                    .exclude(excluded)
                    .ok()
            },
        )
}

/// A fixed seed keeps the run time of these suites the same from run to run (CI budget);
/// `PROPTEST_RNG_SEED` and `PROPTEST_CASES` explore further.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x5153_4341),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(150))]

    #[test]
    fn fast_primes_equal_quine_mccluskey(problem in problems(12)) {
        let fast = fast_prime_implicants(&problem, usize::MAX).unwrap();
        let qmc = quine_mccluskey(&problem).unwrap();
        prop_assert_eq!(fast, qmc);
    }
}

#[test]
fn solutions_are_valid_and_exactly_minimum() {
    // Up to 8 binary conditions; the exhaustive search gives up on a few of the largest
    // charts, so the test also requires that it checked most problems.
    let checked = std::cell::Cell::new(0usize);
    let mut runner = proptest::test_runner::TestRunner::new(config(150));
    let result = runner.run(&problems(8), |problem| {
        let solution = problem
            .solve(&EngineOptions::default().max_models(20_000))
            .unwrap();
        assert_valid_solution(&problem, &solution);
        let size = solution.models()[0].len();
        prop_assert!(solution.models().iter().all(|m| m.len() == size));
        if let Some(all) = exhaustive_minimum_covers(&solution, 5_000_000) {
            prop_assert_eq!(all[0].len(), size);
            if solution.is_truncated() {
                prop_assert!(all.len() > solution.models().len());
            } else {
                prop_assert_eq!(solution.models(), all.as_slice());
            }
            checked.set(checked.get() + 1);
        }
        // Irredundant covers can number millions on larger charts: small ones only.
        if solution.prime_implicants().len() <= 16 {
            let irredundant = problem
                .solve(
                    &EngineOptions::default()
                        .max_models(usize::MAX)
                        .covers(CoverSearch::Irredundant),
                )
                .unwrap();
            assert_valid_solution(&problem, &irredundant);
            prop_assert!(irredundant.models().iter().any(|m| m.len() == size));
            if let Some(brute) = brute_covers(&irredundant, true) {
                prop_assert_eq!(irredundant.models(), brute.as_slice());
            }
        }
        let dominated = problem
            .solve(&EngineOptions::default().row_dominance(true))
            .unwrap();
        prop_assert_eq!(dominated.models()[0].len(), size);
        for m in dominated.models() {
            let terms: Vec<&Implicant> = m
                .iter()
                .map(|&i| &dominated.prime_implicants()[i])
                .collect();
            prop_assert!(covers_all(&terms, problem.positive()));
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(
        checked.get() >= 130,
        "only {} of 150 problems checked exhaustively",
        checked.get()
    );
}

proptest! {
    #![proptest_config(config(150))]

    #[test]
    fn quine_mccluskey_solutions_equal_fast_ones(problem in problems(8)) {
        // Some random 8-condition charts have millions of minimum models (one has
        // 13,550,496); the same chart gives the same search, so a cap compares them as well.
        let options = EngineOptions::default().max_models(100_000);
        let fast = problem.solve(&options).unwrap();
        let qmc = problem
            .solve(&options.clone().method(fsqca::minimize::PrimeMethod::QuineMcCluskey))
            .unwrap();
        prop_assert_eq!(fast, qmc);
    }
}

proptest! {
    #![proptest_config(config(150))]

    /// Pruned prime implicants give the same models, as sets of implicants.
    #[test]
    fn pruned_prime_implicants_give_the_same_models(problem in problems(9)) {
        let options = EngineOptions::default().max_models(5_000);
        pruned_gives_the_same_models(&problem, &options)?;
    }
}

/// The pruned prime implicants are among the fast ones, and give the same models, as sets
/// of implicants.
fn pruned_gives_the_same_models(
    problem: &MinimizationProblem,
    options: &EngineOptions,
) -> Result<(), TestCaseError> {
    let fast = problem.solve(options).unwrap();
    let pruned = problem
        .solve(&options.clone().method(fsqca::minimize::PrimeMethod::Pruned))
        .unwrap();
    prop_assert!(pruned
        .prime_implicants()
        .iter()
        .all(|pi| fast.prime_implicants().contains(pi)));
    prop_assert_eq!(fast.is_truncated(), pruned.is_truncated());
    if !fast.is_truncated() {
        prop_assert_eq!(model_terms(&fast), model_terms(&pruned));
    }
    Ok(())
}

/// A random problem with cubes: levels (up to 10 binary conditions, or up to 6 with 2 to 3
/// levels), a class per configuration (positive, forbidden or remainder), random cubes `W`
/// (the remainders allowed) and `E` (excluded). Forbidden configurations inside `W` become
/// remainders, positive ones inside `E` become remainders, so the problem is valid.
#[derive(Debug, Clone)]
struct CubeProblem {
    levels: Vec<u8>,
    positive: Vec<Vec<u8>>,
    forbidden: Vec<Vec<u8>>,
    within: CubeSet,
    excluded: CubeSet,
}

fn cube(levels: &[u8]) -> impl Strategy<Value = Implicant> {
    let parts: Vec<_> = levels
        .iter()
        .map(|&l| prop_oneof![2 => Just(None), 1 => (0..l).prop_map(Some)])
        .collect();
    parts.prop_map(|lv| Implicant::from_levels(&lv))
}

fn cube_problems() -> impl Strategy<Value = CubeProblem> {
    let levels = prop_oneof![
        3 => (1..=10usize).prop_map(|k| vec![2u8; k]),
        1 => prop::collection::vec(2u8..=3, 1..=6),
    ];
    levels
        .prop_flat_map(|levels| {
            let n = space(&levels).len();
            (
                Just(levels.clone()),
                prop::collection::vec(0u8..8, n),
                prop::collection::vec(cube(&levels), 0..4),
                prop::collection::vec(cube(&levels), 0..3),
            )
        })
        .prop_filter_map("needs a positive configuration", |(levels, class, w, e)| {
            let within = CubeSet::new(levels.clone(), w).ok()?;
            let excluded = CubeSet::new(levels.clone(), e).ok()?;
            let all = space(&levels);
            let positive: Vec<Vec<u8>> = all
                .iter()
                .zip(&class)
                .filter(|(c, &k)| k <= 1 && !excluded.contains(c))
                .map(|(c, _)| c.clone())
                .collect();
            let forbidden: Vec<Vec<u8>> = all
                .iter()
                .zip(&class)
                .filter(|(c, &k)| (2..=3).contains(&k) && !within.contains(c))
                .map(|(c, _)| c.clone())
                .collect();
            (!positive.is_empty()).then_some(CubeProblem {
                levels,
                positive,
                forbidden,
                within,
                excluded,
            })
        })
}

impl CubeProblem {
    fn with(&self, remainders: Remainders) -> MinimizationProblem {
        MinimizationProblem::new(
            self.levels.clone(),
            self.positive.clone(),
            self.forbidden.clone(),
            remainders,
        )
        .unwrap()
    }

    /// The configurations of a cube set, enumerated by brute force over the space.
    fn listed(&self, set: &CubeSet) -> Vec<Vec<u8>> {
        space(&self.levels)
            .into_iter()
            .filter(|c| set.cubes().iter().any(|t| t.covers(c)))
            .collect()
    }
}

proptest! {
    #![proptest_config(config(200))]

    /// Cubes give the same prime implicants and models as the rows they hold: forbidden
    /// cubes (`exclude_cubes`) as excluded rows under `Remainders::All`, and
    /// `Remainders::Within` as `Remainders::Only`; every model covers every positive
    /// configuration and nothing excluded.
    #[test]
    fn cubes_equal_their_rows(p in cube_problems()) {
        let options = EngineOptions::default().max_models(2_000);
        let excluded_rows: Vec<Vec<u8>> = p
            .listed(&p.excluded)
            .into_iter()
            .filter(|c| !p.forbidden.contains(c))
            .collect();
        let symbolic = p.with(Remainders::All).exclude_cubes(&p.excluded).unwrap();
        let rows = p.with(Remainders::All).exclude(excluded_rows.clone()).unwrap();
        prop_assert_eq!(
            fast_prime_implicants(&symbolic, usize::MAX).unwrap(),
            fast_prime_implicants(&rows, usize::MAX).unwrap()
        );
        let solved = symbolic.solve(&options).unwrap();
        prop_assert_eq!(&solved, &rows.solve(&options).unwrap());
        assert_valid_solution(&symbolic, &solved);
        for m in solved.models() {
            for c in &excluded_rows {
                prop_assert!(m.iter().all(|&i| !solved.prime_implicants()[i].covers(c)));
            }
        }

        let remainders: Vec<Vec<u8>> = p
            .listed(&p.within)
            .into_iter()
            .filter(|c| !p.positive.contains(c))
            .collect();
        let within = p
            .with(Remainders::Within(p.within.clone()))
            .exclude_cubes(&p.excluded)
            .unwrap();
        let only = p
            .with(Remainders::Only(remainders))
            .exclude(excluded_rows)
            .unwrap();
        prop_assert_eq!(
            fast_prime_implicants(&within, usize::MAX).unwrap(),
            fast_prime_implicants(&only, usize::MAX).unwrap()
        );
        prop_assert_eq!(within.solve(&options).unwrap(), only.solve(&options).unwrap());
        if p.levels.iter().map(|&l| l as usize).product::<usize>() <= 1 << 16 {
            prop_assert_eq!(
                quine_mccluskey(&within).unwrap(),
                fast_prime_implicants(&within, usize::MAX).unwrap()
            );
        }
    }
}

proptest! {
    #![proptest_config(config(200))]

    /// With excluded cubes and the symbolic remainders of intermediate solutions, pruned
    /// prime implicants give the same models too, as sets of implicants: every implicant of
    /// every minimum model passes the bounds of both weightings (`1 / M_e` and the column
    /// generation's), which exclusions make differ most.
    #[test]
    fn pruned_prime_implicants_give_the_same_models_with_cubes(p in cube_problems()) {
        let options = EngineOptions::default().max_models(2_000);
        for problem in [
            p.with(Remainders::All).exclude_cubes(&p.excluded).unwrap(),
            p.with(Remainders::Within(p.within.clone())).exclude_cubes(&p.excluded).unwrap(),
        ] {
            pruned_gives_the_same_models(&problem, &options)?;
        }
    }
}

/// The models of a solution as sets of implicants.
fn model_terms(s: &Minimized) -> BTreeSet<BTreeSet<Implicant>> {
    s.models()
        .iter()
        .map(|m| m.iter().map(|&i| s.prime_implicants()[i].clone()).collect())
        .collect()
}

/// The README's 30-condition table with the remainders of `X1*X2*X3` excluded: the cube
/// splits the rule's term `X1*~X4*X7`, and the positive rows inside it are covered only by
/// implicants of one positive row each. The weights `1 / M_e` then leave a slack of 2.6
/// below the smallest cover (32) and keep every one of more than 100,000 prime implicants;
/// the column generation's weights reach the minimum, and few are kept.
#[test]
fn an_exclusion_at_30_conditions_keeps_few_pruned_prime_implicants() {
    let data = random_k30::dataset(600);
    let conditions: Vec<String> = (1..=30).map(|j| format!("X{j}")).collect();
    let tt = fsqca::TruthTableOptions::default()
        .build(&data, "Y", &conditions)
        .unwrap();
    let with_output = |out: OutputValue| -> Vec<Vec<u8>> {
        tt.rows()
            .iter()
            .filter(|r| r.out() == out)
            .map(|r| r.values().to_vec())
            .collect()
    };
    let (positive, negative) = (
        with_output(OutputValue::Positive),
        with_output(OutputValue::Negative),
    );
    assert_eq!(positive.len() + negative.len(), 600);
    let levels = vec![2u8; 30];
    let x1x2x3: Vec<Option<u8>> = (0..30).map(|j| (j < 3).then_some(1)).collect();
    let excluded = CubeSet::new(levels.clone(), vec![Implicant::from_levels(&x1x2x3)])
        .unwrap()
        .difference(&CubeSet::from_configurations(levels.clone(), &positive).unwrap())
        .unwrap();
    let problem =
        MinimizationProblem::new(levels, positive.clone(), negative.clone(), Remainders::All)
            .unwrap()
            .exclude_cubes(&excluded)
            .unwrap();
    assert!(fast_prime_implicants(&problem, 100_000).is_err());
    let solved = problem
        .solve(&EngineOptions::default().method(fsqca::minimize::PrimeMethod::Pruned))
        .unwrap();
    assert!(solved.prime_implicants().len() < 100);
    assert!(!solved.models().is_empty());
    for model in solved.models() {
        let terms: Vec<&Implicant> = model
            .iter()
            .map(|&i| &solved.prime_implicants()[i])
            .collect();
        assert!(covers_all(&terms, &positive));
        assert!(negative.iter().all(|c| terms.iter().all(|t| !t.covers(c))));
        assert!(terms
            .iter()
            .all(|t| excluded.cubes().iter().all(|e| t.intersection(e).is_none())));
    }
}

#[test]
fn bad_input_is_an_error_never_a_panic() {
    use fsqca::minimize::MinimizeError;
    let new = MinimizationProblem::new;
    assert_eq!(
        new(vec![2, 2], vec![], vec![], Remainders::All),
        Err(MinimizeError::NoPositiveRows)
    );
    assert!(matches!(
        new(vec![2, 2], vec![vec![0, 5]], vec![], Remainders::All),
        Err(MinimizeError::LevelOutOfRange {
            condition: 1,
            value: 5,
            ..
        })
    ));
    assert!(matches!(
        new(vec![2, 2], vec![vec![0, 1, 1]], vec![], Remainders::All),
        Err(MinimizeError::UnequalLengths {
            len: 3,
            expected: 2,
            ..
        })
    ));
    assert!(matches!(
        new(vec![2; 70], vec![vec![0; 70]], vec![], Remainders::All),
        Err(MinimizeError::TooManyConditions { n: 70, max: 63 })
    ));
    // Every configuration positive: the documented trivial solution, the empty term.
    let p = new(vec![2, 2], space(&[2, 2]), vec![], Remainders::None).unwrap();
    let s = p.solve(&EngineOptions::default()).unwrap();
    assert_eq!(s.prime_implicants().len(), 1);
    assert!(s.prime_implicants()[0].is_empty());
    assert_eq!(
        s.model_expression(0, &["A", "B"], fsqca::minimize::Notation::Binary)
            .as_deref(),
        Some("1")
    );
}

#[test]
fn many_conditions_without_enumerating_remainders() {
    // 63 binary conditions (MAX_CONDITIONS): the parsimonious solution of two positive and
    // two negative rows.
    let mut p1 = vec![0u8; 63];
    p1[0] = 1;
    let mut p2 = p1.clone();
    p2[62] = 1;
    let mut f2 = vec![1u8; 63];
    f2[0] = 0;
    let problem = MinimizationProblem::new(
        vec![2; 63],
        vec![p1, p2],
        vec![vec![0; 63], f2],
        Remainders::All,
    )
    .unwrap();
    let s = problem.solve(&EngineOptions::default()).unwrap();
    assert_eq!(s.models(), &[vec![0]]);
    assert_eq!(
        s.prime_implicants()[0].literals().collect::<Vec<_>>(),
        vec![(0, 1)]
    );
}
