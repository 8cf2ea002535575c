//! Invariants of robustness sweeps, on random raw data: the robust core is in every variant's
//! solution; a sweep over a single point equals the plain analysis; parallel and serial sweeps
//! agree exactly.

use fsqca::calibration::Thresholds;
use fsqca::robustness::{Analysis, Anchor, Parameter, ParameterGrid, VariantResult};
use fsqca::{Dataset, TruthTableOptions};
use proptest::prelude::*;

/// Three raw conditions on 0..100 and a fuzzy outcome, 6 to 30 cases.
fn raw_data() -> impl Strategy<Value = Vec<[f64; 4]>> {
    let case = (0.0..100.0f64, 0.0..100.0f64, 0.0..100.0f64, 0.0..=1.0f64)
        .prop_map(|(a, b, c, y)| [a, b, c, y]);
    proptest::collection::vec(case, 6..30)
}

fn analysis(cases: &[[f64; 4]], incl: f64) -> Analysis {
    let column = |j: usize| cases.iter().map(|c| c[j]).collect::<Vec<f64>>();
    let data = Dataset::from_columns([
        ("A", column(0)),
        ("B", column(1)),
        ("C", column(2)),
        ("Y", column(3)),
    ])
    .expect("valid data");
    let th = Thresholds::new(20.0, 50.0, 80.0).expect("monotone");
    Analysis::new(data, "Y")
        .condition("A", th)
        .condition("B", th)
        .condition("C", th)
        .truth_table_options(TruthTableOptions::default().incl_cutoff(incl))
}

fn grids(a: &Analysis) -> Vec<ParameterGrid> {
    let mut grids = a.threshold_grids(0.2, 5).expect("grids");
    grids.push(ParameterGrid::span(Parameter::InclCut, 0.6, 0.9, 4).expect("grid"));
    grids.push(ParameterGrid::new(Parameter::NCut, vec![1.0, 2.0]).expect("grid"));
    grids
}

proptest! {
    // Fixed seed: the same cases on every run.
    #![proptest_config(ProptestConfig {
        cases: 40,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x726f_6275),
        ..ProptestConfig::default()
    })]

    #[test]
    fn core_is_in_every_variant_solution(cases in raw_data(), incl in 0.6..0.9f64) {
        let a = analysis(&cases, incl);
        let Ok(sweep) = a.sweep(&grids(&a)) else { return Ok(()) };
        let summary = sweep.summary();
        for v in sweep.variants().iter().chain(std::iter::empty()) {
            if let Some(models) = v.result().models() {
                for model in models {
                    for term in &summary.core {
                        prop_assert!(model.contains(term), "{term} not in {model:?} at {}", v.source());
                    }
                }
            }
        }
        if let Some(models) = sweep.baseline().models() {
            for model in models {
                for term in &summary.core {
                    prop_assert!(model.contains(term));
                }
            }
        }
        // The fuzzy robust core is below the initial solution and every test solution.
        let rc = sweep.robust_core();
        let ts_min = sweep.minimal_test_set();
        let ts_max = sweep.maximal_test_set();
        for ((r, lo), hi) in rc.values().iter().zip(ts_min.values()).zip(ts_max.values()) {
            prop_assert!(r <= lo && lo <= hi);
        }
    }

    #[test]
    fn a_single_point_sweep_is_the_plain_analysis(cases in raw_data(), incl in 0.6..0.9f64) {
        let a = analysis(&cases, incl);
        let Ok(plain) = a.solve() else { return Ok(()) };
        for grid in [
            ParameterGrid::new(Parameter::InclCut, vec![incl]).expect("grid"),
            ParameterGrid::new(Parameter::threshold("B", Anchor::Crossover), vec![50.0]).expect("grid"),
        ] {
            let sweep = a.sweep(&[grid]).expect("sweep");
            let expected = VariantResult::Solved {
                models: plain
                    .models()
                    .iter()
                    .map(|m| m.terms().iter().map(|t| t.expression().clone()).collect())
                    .collect(),
                fit: plain.models().iter().map(|m| *m.fit()).collect(),
            };
            prop_assert_eq!(sweep.baseline(), &expected);
            let v = &sweep.variants()[0];
            prop_assert_eq!(v.result(), &expected);
            prop_assert!(v.is_baseline_solution());
            let summary = sweep.summary();
            prop_assert_eq!(summary.ranges[0].low, summary.ranges[0].baseline);
            prop_assert_eq!(summary.ranges[0].high, summary.ranges[0].baseline);
        }
    }

    #[test]
    fn parallel_and_serial_sweeps_agree(cases in raw_data(), incl in 0.6..0.9f64) {
        let a = analysis(&cases, incl);
        let g = grids(&a);
        match (a.sweep(&g), a.sweep_serial(&g)) {
            (Ok(p), Ok(s)) => {
                prop_assert_eq!(p.summary(), s.summary());
                prop_assert_eq!(p, s);
            }
            (Err(p), Err(s)) => prop_assert_eq!(p.to_string(), s.to_string()),
            (p, s) => prop_assert!(false, "parallel {:?} vs serial {:?}", p.is_ok(), s.is_ok()),
        }
    }
}

#[test]
fn bad_grids_are_errors_not_panics() {
    let cases = [[10.0, 20.0, 30.0, 0.2], [90.0, 80.0, 70.0, 0.9]];
    let a = analysis(&cases, 0.8);
    let bad_incl = ParameterGrid::new(Parameter::InclCut, vec![0.8, 1.5]).expect("finite");
    assert!(a
        .sweep(&[bad_incl])
        .unwrap_err()
        .to_string()
        .contains("incl_cut = 1.5"));
    let bad_n = ParameterGrid::new(Parameter::NCut, vec![1.5]).expect("finite");
    assert!(a.sweep(&[bad_n]).is_err());
    let unknown = ParameterGrid::new(Parameter::threshold("Z", Anchor::Crossover), vec![1.0])
        .expect("finite");
    assert!(a
        .sweep(&[unknown])
        .unwrap_err()
        .to_string()
        .contains("unknown condition `Z`"));
    // A crossover moved past the inclusion anchor skips its variant.
    let past = ParameterGrid::new(Parameter::threshold("A", Anchor::Crossover), vec![90.0])
        .expect("finite");
    let sweep = a.sweep(&[past]).expect("sweep");
    assert!(matches!(
        sweep.variants()[0].result(),
        VariantResult::Skipped { .. }
    ));
}
