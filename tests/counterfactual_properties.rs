//! Invariants of exclusions and found rows on random crisp tables (up to 10 conditions): the
//! remainders an expression excludes, found symbolically, are those a direct evaluation of
//! every configuration finds; excluded remainders are never simplifying assumptions or easy
//! counterfactuals; every model still covers every positive row and no negative row,
//! contradiction or excluded remainder; rows set negative are never covered.

use fsqca::counterfactual::{CounterfactualError, FindRows, RowType};
use fsqca::solution::{DirectionalExpectations, SolutionError, SolutionOptions, SolutionType};
use fsqca::{Dataset, Expression, OutputValue, TruthTable, TruthTableOptions};
use proptest::prelude::*;

mod common;

use common::all_configurations;

const NAMES: [&str; 10] = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];

/// Whether each configuration (by row id - 1) makes `expr` true.
fn truth(expr: &Expression, configs: &Dataset) -> Vec<bool> {
    let m = expr.evaluate(configs).expect("evaluates");
    m.values().iter().map(|&v| v > 0.5).collect()
}

/// An expression over the first `k` conditions: a disjunction of conjunctions, some negated.
fn expression(k: usize) -> impl Strategy<Value = Expression> {
    let literal = (0..k, any::<bool>())
        .prop_map(|(j, neg)| format!("{}{}", if neg { "~" } else { "" }, NAMES[j]));
    let term = proptest::collection::vec(literal, 1..=3).prop_map(|l| l.join("*"));
    (proptest::collection::vec(term, 1..=3), any::<bool>()).prop_map(|(terms, negate)| {
        let sum = terms.join(" + ");
        let text = if negate { format!("~({sum})") } else { sum };
        text.parse().expect("a valid expression")
    })
}

fn table() -> impl Strategy<Value = (usize, Vec<Vec<u8>>)> {
    (2usize..=10).prop_flat_map(|k| {
        let case = proptest::collection::vec(0u8..=1, k + 1);
        (Just(k), proptest::collection::vec(case, 4..40))
    })
}

/// The cases as data: conditions `A`.. and the outcome `Y`, the last value of each case.
fn data(k: usize, cases: &[Vec<u8>]) -> Dataset {
    let mut columns: Vec<(&str, Vec<f64>)> = NAMES[..k].iter().map(|n| (*n, Vec::new())).collect();
    columns.push(("Y", Vec::new()));
    for case in cases {
        for (column, &v) in columns.iter_mut().zip(case) {
            column.1.push(f64::from(v));
        }
    }
    Dataset::from_columns(columns).expect("data")
}

fn build(k: usize, cases: &[Vec<u8>]) -> TruthTable {
    let data = data(k, cases);
    TruthTableOptions::default()
        .incl_cutoffs(0.8, 0.6)
        .build(&data, "Y", &NAMES[..k])
        .expect("table")
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 80,
        rng_seed: proptest::test_runner::RngSeed::Fixed(16),
        ..ProptestConfig::default()
    })]

    #[test]
    fn exclusions_are_never_assumed_and_models_stay_valid(
        ((k, cases), expr, negative_pick) in table().prop_flat_map(|(k, cases)| {
            (Just((k, cases)), expression(k), any::<u64>())
        })
    ) {
        let tt = build(k, &cases);
        let configs = all_configurations(&NAMES[..k]);
        let inside = truth(&expr, &configs);
        let observed: Vec<bool> = {
            let mut o = vec![false; 1 << k];
            for r in tt.rows() {
                if r.out() != OutputValue::Remainder {
                    o[usize::try_from(r.id()).unwrap() - 1] = true;
                }
            }
            o
        };
        // Symbolic rows against a direct evaluation of every configuration.
        let found = FindRows::new()
            .expression(expr.clone())
            .row_limit(1 << k)
            .find(&tt, RowType::Remainders)
            .expect("found");
        let direct: Vec<u64> = (0..1usize << k)
            .filter(|&i| inside[i] && !observed[i])
            .map(|i| i as u64 + 1)
            .collect();
        prop_assert_eq!(found.rows(), &direct[..]);
        prop_assert_eq!(found.count(), direct.len() as u64);

        // One observed row set negative, picked at random.
        let observed_ids: Vec<u64> = tt
            .rows()
            .iter()
            .filter(|r| r.out() != OutputValue::Remainder)
            .map(|r| r.id())
            .collect();
        let negative = observed_ids[usize::try_from(negative_pick % observed_ids.len() as u64).unwrap()];
        let expectations: DirectionalExpectations = NAMES[..k].join(", ").parse().expect("expectations");
        for solution_type in [SolutionType::Parsimonious, SolutionType::Intermediate] {
            let options = SolutionOptions::new(solution_type)
                .row_limit(1 << k)
                .directional_expectations(expectations.clone())
                .exclude_expressions([expr.clone()])
                .negative_rows([negative]);
            let solution = match options.solve(&tt) {
                Ok(s) => s,
                // No positive row left, or no negative one: nothing to check.
                Err(_) => continue,
            };
            for model in solution.models() {
                let mut used = model.simplifying_assumptions().rows();
                used.extend(model.easy_counterfactuals().rows());
                for id in used {
                    prop_assert!(
                        !direct.contains(&id),
                        "{} assumes excluded row {}",
                        model.expression(),
                        id
                    );
                }
                let covered = truth(&model.expression(), &configs);
                for r in tt.rows() {
                    let i = usize::try_from(r.id()).unwrap() - 1;
                    if r.id() == negative {
                        prop_assert!(!covered[i], "{} covers row {} set negative", model.expression(), r.id());
                        continue;
                    }
                    match r.out() {
                        OutputValue::Positive => prop_assert!(covered[i], "{} misses row {}", model.expression(), r.id()),
                        OutputValue::Negative | OutputValue::Contradiction => {
                            prop_assert!(!covered[i], "{} covers negative row {}", model.expression(), r.id());
                        }
                        OutputValue::Remainder => {}
                    }
                }
                for &id in &direct {
                    prop_assert!(!covered[usize::try_from(id).unwrap() - 1], "{} covers excluded row {}", model.expression(), id);
                }
            }
        }
    }
}

/// The simplifying assumptions of every model of the parsimonious solution of `tt`, pooled
/// by listing the models (none without a positive row).
fn pooled_assumptions(tt: &TruthTable, k: usize) -> std::collections::BTreeSet<u64> {
    let options = SolutionOptions::new(SolutionType::Parsimonious)
        .row_limit(1 << k)
        .engine(fsqca::minimize::EngineOptions::new().max_models(1_000_000));
    match options.solve(tt) {
        Ok(solution) => {
            assert!(!solution.is_truncated(), "every model is listed");
            solution
                .models()
                .iter()
                .flat_map(|m| m.simplifying_assumptions().rows())
                .collect()
        }
        Err(SolutionError::Minimize(fsqca::minimize::MinimizeError::NoPositiveRows)) => {
            Default::default()
        }
        Err(e) => panic!("{e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 120,
        rng_seed: proptest::test_runner::RngSeed::Fixed(1602),
        ..ProptestConfig::default()
    })]

    /// Contradictory simplifying assumptions, found from the prime implicants in some
    /// minimum model (no model listed), equal the intersection of the assumptions pooled over
    /// every listed model of the outcome's and of its negation's parsimonious solutions.
    #[test]
    fn csa_equals_the_assumptions_pooled_over_every_listed_model((k, cases) in table()) {
        let data = data(k, &cases);
        let options = TruthTableOptions::default().incl_cutoff(0.8);
        let tt = options.build(&data, "Y", &NAMES[..k]).expect("table");
        let negated = options.build(&data, "~Y", &NAMES[..k]).expect("table of ~Y");
        let found = match FindRows::new().row_limit(1 << k).find(&tt, RowType::Csa) {
            Ok(found) => found,
            // Every configuration positive on one side (a tautology): R QCA stops too.
            Err(CounterfactualError::Solution(SolutionError::Tautology)) => return Ok(()),
            Err(e) => panic!("{e}"),
        };
        let listed: Vec<u64> = pooled_assumptions(&tt, k)
            .intersection(&pooled_assumptions(&negated, k))
            .copied()
            .collect();
        prop_assert_eq!(found.rows(), listed);
    }
}

/// Denser tables than [`table`]: 3 to 8 conditions, up to 120 cases, so that both sides
/// have several classes of prime implicants and the filter of `FindRows` skips some.
fn dense_table() -> impl Strategy<Value = (usize, Vec<Vec<u8>>)> {
    (3usize..=8).prop_flat_map(|k| {
        let case = proptest::collection::vec(0u8..=1, k + 1);
        (Just(k), proptest::collection::vec(case, 10..120))
    })
}

/// The remainders (row ids) in the prime implicants of some minimum model of `tt`'s
/// parsimonious solution, every implicant decided (no filter); `None` for a tautology.
fn assumed_unfiltered(tt: &TruthTable, k: usize) -> Option<std::collections::BTreeSet<u64>> {
    use fsqca::minimize::{EngineOptions, MinimizationProblem, Remainders};
    let (mut positive, mut forbidden) = (Vec::new(), Vec::new());
    for row in tt.rows() {
        match row.out() {
            OutputValue::Positive => positive.push(row.values().to_vec()),
            OutputValue::Negative | OutputValue::Contradiction => {
                forbidden.push(row.values().to_vec());
            }
            OutputValue::Remainder => {}
        }
    }
    if positive.is_empty() {
        return Some(Default::default());
    }
    if forbidden.is_empty() {
        return None;
    }
    let used = MinimizationProblem::new(vec![2; k], positive, forbidden, Remainders::All)
        .expect("problem")
        .implicants_in_minimum_models(&EngineOptions::new())
        .expect("decided");
    Some(
        (0..1u64 << k)
            .filter_map(|i| {
                let config: Vec<u8> = (0..k).map(|j| (i >> (k - 1 - j) & 1) as u8).collect();
                let id = i + 1;
                let remainder = tt.row(id).is_none_or(|r| r.out() == OutputValue::Remainder);
                (remainder && used.iter().any(|p| p.covers(&config))).then_some(id)
            })
            .collect(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 150,
        rng_seed: proptest::test_runner::RngSeed::Fixed(1603),
        ..ProptestConfig::default()
    })]

    /// `FindRows` decides only the classes of prime implicants whose answer can change the
    /// contradictory simplifying assumptions; the result equals, row for row, the
    /// intersection of both sides' assumptions with every class decided, whichever of the
    /// outcome and its negation the table is built for.
    #[test]
    fn filtered_csa_equals_every_class_decided((k, cases) in dense_table()) {
        let data = data(k, &cases);
        let options = TruthTableOptions::default().incl_cutoff(0.8);
        let tt = options.build(&data, "Y", &NAMES[..k]).expect("table");
        let negated = options.build(&data, "~Y", &NAMES[..k]).expect("table of ~Y");
        let (Some(yes), Some(no)) = (assumed_unfiltered(&tt, k), assumed_unfiltered(&negated, k)) else {
            for table in [&tt, &negated] {
                prop_assert!(matches!(
                    FindRows::new().find(table, RowType::Csa),
                    Err(CounterfactualError::Solution(SolutionError::Tautology))
                ));
            }
            return Ok(());
        };
        let expected: Vec<u64> = yes.intersection(&no).copied().collect();
        for table in [&tt, &negated] {
            let found = FindRows::new().row_limit(1 << k).find(table, RowType::Csa).expect("found");
            prop_assert_eq!(found.rows(), expected.as_slice());
        }
    }
}
