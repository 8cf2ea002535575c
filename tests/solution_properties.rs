//! Invariants of the solutions on random crisp data: every model covers every positive row and
//! no negative row or contradiction; the conservative models use no remainder; every
//! intermediate model lies between its conservative and its parsimonious model (C ⊆ I ⊆ P as
//! sets of configurations); all models of one solution have the same, minimal, number of terms.

use fsqca::solution::{Solution, SolutionOptions, SolutionType};
use fsqca::{Dataset, Expression, OutputValue, TruthTable, TruthTableOptions};
use proptest::prelude::*;

mod common;

use common::all_configurations;

const NAMES: [&str; 6] = ["A", "B", "C", "D", "E", "F"];

/// The configurations (as row indices, first condition most significant) inside an expression.
fn covered(expr: &Expression, configs: &Dataset) -> Vec<bool> {
    let m = expr.evaluate(configs).expect("evaluates");
    m.values().iter().map(|&v| v > 0.5).collect()
}

fn index(values: &[u8]) -> usize {
    values.iter().fold(0, |acc, &v| acc * 2 + usize::from(v))
}

fn check_covers(tt: &TruthTable, solution: &Solution, configs: &Dataset) {
    for model in solution.models() {
        let inside = covered(model.expression(), configs);
        for row in tt.rows() {
            let i = index(row.values());
            match row.out() {
                OutputValue::Positive => {
                    assert!(
                        inside[i],
                        "{} misses positive row {}",
                        model.expression(),
                        row.id()
                    );
                }
                OutputValue::Negative | OutputValue::Contradiction => {
                    assert!(
                        !inside[i],
                        "{} covers negative row {}",
                        model.expression(),
                        row.id()
                    );
                }
                _ => {}
            }
        }
    }
    let sizes: Vec<usize> = solution.models().iter().map(|m| m.terms().len()).collect();
    if solution.solution_type() != SolutionType::Intermediate {
        assert!(
            sizes.windows(2).all(|w| w[0] == w[1]),
            "model sizes {sizes:?}"
        );
    }
}

fn crisp_data() -> impl Strategy<Value = (usize, Vec<Vec<u8>>)> {
    (2usize..=6).prop_flat_map(|k| {
        let case = proptest::collection::vec(0u8..=1, k + 1);
        (Just(k), proptest::collection::vec(case, 4..40))
    })
}

proptest! {
    // A fixed seed keeps CI deterministic; change it locally to explore.
    #![proptest_config(ProptestConfig {
        cases: 200,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x4b68_616e),
        ..ProptestConfig::default()
    })]

    #[test]
    fn models_respect_the_truth_table((k, cases) in crisp_data()) {
        let mut columns: Vec<(String, Vec<f64>)> = NAMES[..k]
            .iter()
            .enumerate()
            .map(|(j, n)| (n.to_string(), cases.iter().map(|c| f64::from(c[j])).collect()))
            .collect();
        columns.push(("Y".into(), cases.iter().map(|c| f64::from(c[k])).collect()));
        let data = Dataset::from_columns(columns).unwrap();
        let tt = TruthTableOptions::default()
            .incl_cutoffs(1.0, 0.5)
            .build(&data, "Y", &NAMES[..k])
            .unwrap();
        let configs = all_configurations(&NAMES[..k]);
        let solve = |t: SolutionType| {
            SolutionOptions::new(t)
                .directional_expectations("A, ~B".parse().unwrap())
                .solve(&tt)
        };
        let has_positive = tt.rows().iter().any(|r| r.out() == OutputValue::Positive);
        let conservative = solve(SolutionType::Conservative);
        prop_assert_eq!(conservative.is_ok(), has_positive);
        let Ok(conservative) = conservative else { return Ok(()); };
        check_covers(&tt, &conservative, &configs);
        for model in conservative.models() {
            prop_assert!(model.simplifying_assumptions().is_empty());
        }
        let has_forbidden = tt.rows().iter().any(|r| {
            matches!(r.out(), OutputValue::Negative | OutputValue::Contradiction)
        });
        let parsimonious = solve(SolutionType::Parsimonious);
        if !has_forbidden {
            // Nothing forbids any configuration: the parsimonious solution is the tautology.
            prop_assert!(parsimonious.is_err());
            return Ok(());
        }
        let parsimonious = parsimonious.unwrap();
        check_covers(&tt, &parsimonious, &configs);
        let intermediate = solve(SolutionType::Intermediate).unwrap();
        check_covers(&tt, &intermediate, &configs);
        for model in intermediate.models() {
            let origin = model.origin().expect("intermediate models name their origin");
            let (c, p) = (origin.conservative, origin.parsimonious);
            let inside = covered(model.expression(), &configs);
            let c_inside = covered(conservative.models()[c].expression(), &configs);
            let p_inside = covered(parsimonious.models()[p].expression(), &configs);
            for i in 0..inside.len() {
                prop_assert!(!c_inside[i] || inside[i], "C not within I at {}", i);
                prop_assert!(!inside[i] || p_inside[i], "I not within P at {}", i);
            }
            let easy: Vec<u64> = model.easy_counterfactuals().iter().map(|c| c.id()).collect();
            for sa in model.simplifying_assumptions() {
                prop_assert!(easy.contains(&sa.id()), "an intermediate model uses only easy counterfactuals");
            }
        }
    }
}

/// With 22 conditions, one positive and one negative case, every single literal is a model,
/// and each would take 2^21 configurations as simplifying assumptions: none is listed, the
/// warning says so, and the memory stays small.
#[test]
fn simplifying_assumptions_stop_at_the_solution_limit() {
    let names: Vec<String> = (1..=22).map(|j| format!("X{j}")).collect();
    let mut columns: Vec<(&str, Vec<f64>)> =
        names.iter().map(|n| (n.as_str(), vec![1.0, 0.0])).collect();
    columns.push(("Y", vec![1.0, 0.0]));
    let data = Dataset::from_columns(columns).unwrap();
    let conditions: Vec<&str> = names.iter().map(String::as_str).collect();
    let tt = TruthTableOptions::default()
        .build(&data, "Y", &conditions)
        .unwrap();
    let solution = SolutionOptions::new(SolutionType::Parsimonious)
        .solve(&tt)
        .unwrap();
    assert_eq!(solution.models().len(), 22);
    assert!(solution
        .models()
        .iter()
        .all(|m| m.simplifying_assumptions().is_empty()));
    assert_eq!(
        solution.warning().as_deref(),
        Some(
            "simplifying assumptions are listed for the first 0 of 22 models only: \
             all of them would be more than 1048576 configurations"
        )
    );
}
