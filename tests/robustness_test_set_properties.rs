//! Invariants of chosen test sets (issue 18), on random raw data: a test set whose
//! alternatives equal the baseline leaves every case robust (RF_cov = RF_cons = 1); the sweep of
//! a test set equals re-running each alternative as an analysis of its own.

use fsqca::calibration::Thresholds;
use fsqca::minimize::MinimizeError;
use fsqca::robustness::{Alternative, Analysis, Anchor, Recalibration, RobustnessError, TestSet};
use fsqca::solution::{SolutionError, SolutionOptions, SolutionType};
use fsqca::{Dataset, Expression, TruthTableOptions};
use proptest::prelude::*;

/// Three raw conditions on 0..100 and a fuzzy outcome, 6 to 20 cases.
fn raw_data() -> impl Strategy<Value = Vec<[f64; 4]>> {
    let case = (0.0..100.0f64, 0.0..100.0f64, 0.0..100.0f64, 0.0..=1.0f64)
        .prop_map(|(a, b, c, y)| [a, b, c, y]);
    proptest::collection::vec(case, 6..20)
}

const THRESHOLDS: [f64; 3] = [20.0, 50.0, 80.0];

/// The cases whose index `keep` accepts, labelled `c0`, `c1`, ... by their index.
fn data(cases: &[[f64; 4]], keep: impl Fn(usize) -> bool) -> Dataset {
    let kept: Vec<usize> = (0..cases.len()).filter(|&i| keep(i)).collect();
    let column = |j: usize| kept.iter().map(|&i| cases[i][j]).collect::<Vec<f64>>();
    Dataset::from_columns([
        ("A", column(0)),
        ("B", column(1)),
        ("C", column(2)),
        ("Y", column(3)),
    ])
    .expect("valid data")
    .with_cases(kept.iter().map(|i| format!("c{i}")))
    .expect("labels")
}

fn analysis(data: Dataset, crossover_a: f64, incl: f64, n_cut: usize, t: SolutionType) -> Analysis {
    let [e, c, i] = THRESHOLDS;
    let th = Thresholds::new(e, c, i).expect("monotone");
    Analysis::new(data, "Y")
        .condition("A", Thresholds::new(e, crossover_a, i).expect("monotone"))
        .condition("B", th)
        .condition("C", th)
        .truth_table_options(
            TruthTableOptions::default()
                .incl_cutoff(incl)
                .n_cutoff(n_cut),
        )
        .solution_options(SolutionOptions::new(t))
}

/// The analysis's models, none when no row is positive (as a sweep records it); `None` when
/// the analysis fails (a tautology: a sweep skips that variant).
fn models(a: &Analysis) -> Option<Vec<Vec<Expression>>> {
    match a.solve() {
        Ok(s) => Some(
            s.models()
                .iter()
                .map(|m| m.terms().iter().map(|t| t.expression().clone()).collect())
                .collect(),
        ),
        Err(RobustnessError::Solution(SolutionError::Minimize(MinimizeError::NoPositiveRows))) => {
            Some(Vec::new())
        }
        Err(_) => None,
    }
}

/// The first model of `models` on the analysis's calibrated data; none when there is none.
fn membership(a: &Analysis, models: &[Vec<Expression>]) -> Vec<f64> {
    let data = a.calibrated_data().expect("data");
    match models.first() {
        Some(m) => Expression::disjunction(m.clone())
            .expect("terms")
            .evaluate(&data)
            .expect("evaluated")
            .values()
            .to_vec(),
        None => vec![0.0; data.n_cases()],
    }
}

fn solution_type() -> impl Strategy<Value = SolutionType> {
    prop_oneof![
        Just(SolutionType::Conservative),
        Just(SolutionType::Parsimonious)
    ]
}

/// An alternative's choices: crossover of A, inclusion cut-off, frequency cut-off, solution
/// type, and which cases it drops (a bit per case).
type Choices = (f64, f64, usize, SolutionType, u32);

fn choices() -> impl Strategy<Value = Choices> {
    (
        30.0..70.0f64,
        0.6..1.0f64,
        1usize..3,
        solution_type(),
        any::<u32>(),
    )
}

proptest! {
    // Fixed seed: the same cases on every run.
    #![proptest_config(ProptestConfig {
        cases: 40,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x7465_7374),
        ..ProptestConfig::default()
    })]

    /// Alternatives that repeat the baseline, with nothing or with its own values given: each
    /// gives the baseline's solution, the robust core is the initial solution (every case
    /// robust) and RF_cov = RF_cons = RF_SC = 1 wherever they are defined.
    #[test]
    fn a_test_set_equal_to_the_baseline_leaves_every_case_robust(
        cases in raw_data(),
        incl in 0.6..1.0f64,
        t in solution_type(),
    ) {
        let a = analysis(data(&cases, |_| true), THRESHOLDS[1], incl, 1, t);
        prop_assume!(models(&a).is_some(), "the baseline must run");
        let set = TestSet::new("baseline", vec![
            Alternative::new("nothing changed"),
            Alternative::new("the baseline's own values")
                .incl_cut(incl)
                .n_cut(1)
                .solution(t)
                .recalibrate(Recalibration::new("A").anchor(Anchor::Crossover, THRESHOLDS[1])),
        ]).expect("a test set");
        let sweep = a.sweep_test_set(&set).expect("sweep");
        for v in sweep.variants() {
            prop_assert!(v.is_baseline_solution(), "{:?}", v);
        }
        let is = membership(&a, sweep.baseline().models().expect("solved"));
        prop_assert_eq!(sweep.robust_core().values().to_vec(), is.clone());
        let fit = sweep.summary().fit;
        let covered = fit.rf_cov.is_some();
        for value in [fit.rf_cov, fit.rf_cons, fit.rf_sc_min, fit.rf_sc_max].into_iter().flatten() {
            prop_assert!((value - 1.0).abs() < 1e-12, "{fit:?}");
        }
        // RF_cov is undefined only when the initial solution covers nothing of Y.
        let overlap: f64 = is.iter().zip(&cases).map(|(m, c)| m.min(c[3])).sum();
        prop_assert_eq!(covered, overlap > 0.0);
    }

    /// Each variant of a test set is the analysis the alternative describes, run on its own:
    /// the same models; its membership (and so its coincidence with the initial solution) is
    /// its first model on every baseline case, dropped ones included.
    #[test]
    fn a_test_set_sweep_equals_the_individual_runs(
        cases in raw_data(),
        incl in 0.6..1.0f64,
        alternatives in proptest::collection::vec(choices(), 1..5),
    ) {
        let base = analysis(data(&cases, |_| true), THRESHOLDS[1], incl, 1, SolutionType::Conservative);
        prop_assume!(models(&base).is_some(), "the baseline must run");
        let named: Vec<Alternative> = alternatives
            .iter()
            .enumerate()
            .map(|(k, &(crossover, incl, n_cut, t, drop))| {
                let dropped = (0..cases.len()).filter(|i| drop >> (i % 32) & 1 == 1 && i % 3 == 0);
                Alternative::new(format!("alternative {k}"))
                    .recalibrate(Recalibration::new("A").anchor(Anchor::Crossover, crossover))
                    .incl_cut(incl)
                    .n_cut(n_cut)
                    .solution(t)
                    .drop_cases(dropped.map(|i| format!("c{i}")))
            })
            .collect();
        let set = TestSet::new("random", named).expect("a test set");
        let sweep = base.sweep_test_set(&set).expect("sweep");
        prop_assert_eq!(&sweep, &base.sweep_test_set_serial(&set).expect("serial"));
        prop_assert_eq!(sweep.variants().len(), alternatives.len());
        let is = membership(&base, sweep.baseline().models().expect("solved"));
        for (v, &(crossover, incl, n_cut, t, drop)) in sweep.variants().iter().zip(&alternatives) {
            let kept = |i: usize| !(drop >> (i % 32) & 1 == 1 && i % 3 == 0);
            let own = analysis(data(&cases, kept), crossover, incl, n_cut, t);
            let expected = models(&own);
            prop_assert_eq!(v.result().models(), expected.as_deref());
            let Some(expected) = expected else {
                prop_assert_eq!(v.coincidence(), None);
                continue;
            };
            let all = analysis(data(&cases, |_| true), crossover, incl, n_cut, t);
            let ts = membership(&all, &expected);
            let (min, max) = is.iter().zip(&ts).fold((0.0, 0.0), |(lo, hi), (x, y)| {
                (lo + x.min(*y), hi + x.max(*y))
            });
            let coincidence = (max > 0.0).then(|| min / max);
            prop_assert_eq!(v.coincidence(), coincidence);
        }
    }
}
