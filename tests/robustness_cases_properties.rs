//! Invariants of the case-oriented robustness, on random memberships (values on a 0.1 grid,
//! so that 0.5 occurs): the eight case types partition the cases with a membership above 0.5
//! in their intersection and an outcome off 0.5 (a case at exactly 0.5 is in no type); with
//! every test equal to the initial solution every case in it is robust and RF_cov = RF_cons =
//! 1; adding a test solution never enlarges the robust core. And bad input is a typed error.

use fsqca::robustness::{
    CaseRobustness, CaseRobustnessError, CaseType, SolutionSet, TestSetReading,
};
use fsqca::Expression;
use proptest::prelude::*;

fn membership(n: usize) -> impl Strategy<Value = Vec<f64>> {
    proptest::collection::vec((0u8..=10).prop_map(|k| f64::from(k) / 10.0), n)
}

/// The outcome, the initial solution and 1 to 4 tests over 1 to 25 cases.
fn inputs() -> impl Strategy<Value = (Vec<f64>, Vec<f64>, Vec<Vec<f64>>)> {
    (1usize..25).prop_flat_map(|n| {
        (
            membership(n),
            membership(n),
            proptest::collection::vec(membership(n), 1..5),
        )
    })
}

fn labels(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("c{i}")).collect()
}

fn set(name: &str, expression: &str, m: &[f64]) -> SolutionSet {
    let e: Expression = expression.parse().expect("an expression");
    SolutionSet::new(name, e, m.to_vec())
}

fn run(y: &[f64], is: &[f64], tests: &[Vec<f64>], reading: TestSetReading) -> CaseRobustness {
    let tests: Vec<SolutionSet> = tests
        .iter()
        .enumerate()
        .map(|(i, m)| set(&format!("TS{i}"), ["A*B", "A + C", "B*~C", "A"][i % 4], m))
        .collect();
    CaseRobustness::new(&labels(y.len()), y, &set("IS", "A", is), &tests, reading)
        .expect("valid input")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn the_case_types_partition_the_cases_above_half(
        (y, is, tests) in inputs(),
        first_and_last in any::<bool>(),
    ) {
        let reading = if first_and_last { TestSetReading::FirstAndLast } else { TestSetReading::AllTests };
        let r = run(&y, &is, &tests, reading);
        let used = reading.pick(&tests);
        for (i, case) in r.cases.iter().enumerate() {
            let lo = used.iter().map(|t| t[i]).fold(1.0, f64::min);
            let hi = used.iter().map(|t| t[i]).fold(0.0, f64::max);
            let x = is[i];
            let intersections = [x.min(lo), x.min(1.0 - lo), (1.0 - x).min(hi), (1.0 - x).min(1.0 - hi)];
            let above: Vec<usize> = (0..4).filter(|&k| intersections[k] > 0.5).collect();
            prop_assert!(above.len() <= 1);
            let groups: Vec<CaseType> = r
                .case_types
                .iter()
                .filter(|g| g.cases.contains(case))
                .map(|g| g.case_type)
                .collect();
            match (above.first(), y[i] != 0.5) {
                (Some(&k), true) => {
                    let expected = CaseType::ALL[2 * k + usize::from(y[i] < 0.5)];
                    prop_assert_eq!(groups, vec![expected]);
                }
                _ => prop_assert!(groups.is_empty(), "case {} at 0.5 is in {:?}", case, groups),
            }
        }
        let total: usize = r.case_types.iter().map(|g| g.count).sum();
        prop_assert_eq!(total, r.case_type_of_each().iter().flatten().count());
    }

    #[test]
    fn tests_equal_to_the_initial_solution_make_every_case_robust(
        (y, is, tests) in inputs(),
    ) {
        let copies = vec![is.clone(); tests.len()];
        let r = run(&y, &is, &copies, TestSetReading::AllTests);
        for (i, t) in r.case_type_of_each().into_iter().enumerate() {
            if is[i] > 0.5 && y[i] != 0.5 {
                prop_assert!(matches!(t, Some(CaseType::RobustTypical | CaseType::RobustDeviant)));
            }
            prop_assert!(!matches!(t, Some(CaseType::ShakyTypical | CaseType::ShakyDeviant
                | CaseType::PossibleTypical | CaseType::PossibleDeviant)));
        }
        let is_y: f64 = is.iter().zip(&y).map(|(a, b)| a.min(*b)).sum();
        if is_y > 0.0 {
            prop_assert_eq!(r.fit.rf_cov, Some(1.0));
            prop_assert_eq!(r.fit.rf_cons, Some(1.0));
        }
        prop_assert_eq!(r.fit.rf_sc_min.filter(|_| is.iter().any(|&v| v > 0.0)).unwrap_or(1.0), 1.0);
    }

    #[test]
    fn adding_a_test_never_enlarges_the_core(
        (y, is, tests) in inputs(),
        extra in proptest::collection::vec((0u8..=10).prop_map(|k| f64::from(k) / 10.0), 25),
    ) {
        let extra = extra[..y.len()].to_vec();
        let before = run(&y, &is, &tests, TestSetReading::AllTests);
        let mut more = tests.clone();
        more.push(extra);
        let after = run(&y, &is, &more, TestSetReading::AllTests);
        let core = |r: &CaseRobustness| -> Vec<f64> {
            r.initial_membership.iter().zip(&r.minimal_test_set).map(|(a, b)| a.min(*b)).collect()
        };
        for (a, b) in core(&after).iter().zip(core(&before)) {
            prop_assert!(*a <= b);
        }
        let robust = |r: &CaseRobustness| r.group(CaseType::RobustTypical).count + r.group(CaseType::RobustDeviant).count;
        prop_assert!(robust(&after) <= robust(&before));
        prop_assert!(after.robust_core_fit.cov.unwrap_or(0.0) <= before.robust_core_fit.cov.unwrap_or(0.0));
    }
}

#[test]
fn bad_input_is_a_typed_error_carrying_the_value() {
    let cases = labels(2);
    let is = set("IS", "A", &[0.8, 0.2]);
    let ts = set("TS1", "A", &[0.8, 0.2]);
    let new = |y: &[f64], is: &SolutionSet, tests: &[SolutionSet]| {
        CaseRobustness::new(&cases, y, is, tests, TestSetReading::AllTests).unwrap_err()
    };
    assert_eq!(new(&[1.0, 0.0], &is, &[]), CaseRobustnessError::NoTests);
    assert_eq!(
        new(&[1.0], &is, std::slice::from_ref(&ts)),
        CaseRobustnessError::UnequalLengths {
            what: "the outcome".into(),
            expected: 2,
            found: 1
        }
    );
    assert_eq!(
        new(&[1.0, 0.0], &is, &[set("TS1", "A", &[0.8, 0.2, 0.1])]),
        CaseRobustnessError::UnequalLengths {
            what: "TS1".into(),
            expected: 2,
            found: 3
        }
    );
    let err = new(
        &[1.0, 0.0],
        &set("IS", "A", &[f64::NAN, 0.2]),
        std::slice::from_ref(&ts),
    );
    let CaseRobustnessError::InvalidMembership { what, case, value } = &err else {
        panic!("{err:?}")
    };
    assert_eq!((what.as_str(), case.as_str()), ("IS", "c0"));
    assert!(value.is_nan());
    assert_eq!(
        new(&[1.0, 1.5], &is, std::slice::from_ref(&ts)).to_string(),
        "membership 1.5 of case `c1` in the outcome is not a number in [0, 1]"
    );
    assert_eq!(
        new(&[1.0, 0.0], &is, &[SolutionSet::no_solution("n_cut=3")]),
        CaseRobustnessError::NoTestWithSolution {
            no_solution: vec!["n_cut=3".into()]
        }
    );
}
