//! The engine types refuse invalid input with an error instead of panicking or computing
//! something silently wrong (reliability report, D6 and 2a).

use fsqca::minimize::{
    ConfigurationSet, CubeSet, EngineOptions, Implicant, MinimizationProblem, MinimizeError,
    Minimized, Notation, PiChart, Remainders,
};

fn solved() -> Minimized {
    let problem = MinimizationProblem::new(
        vec![2, 2],
        vec![vec![1, 0], vec![1, 1]],
        vec![vec![0, 0]],
        Remainders::None,
    )
    .expect("a valid problem");
    problem.solve(&EngineOptions::default()).expect("solvable")
}

#[test]
fn select_rows_out_of_range_is_an_error() {
    let chart = PiChart::from_matrix(&[vec![true, false], vec![false, true]]);
    assert_eq!(
        chart.select_rows(&[99]),
        Err(MinimizeError::RowOutOfRange { row: 99, n_rows: 2 })
    );
    assert_eq!(chart.select_rows(&[1, 0]).map(|c| c.row(0)), Ok(vec![1]));
}

#[test]
fn pi_chart_new_refuses_mismatched_lengths() {
    let a = Implicant::from_levels(&[Some(1), None]);
    assert_eq!(
        PiChart::new(std::slice::from_ref(&a), &[vec![1, 0, 1]]),
        Err(MinimizeError::ImplicantLength {
            index: 0,
            expected: 3,
            len: 2
        })
    );
    assert!(matches!(
        PiChart::new(std::slice::from_ref(&a), &[vec![1, 0], vec![1]]),
        Err(MinimizeError::UnequalLengths {
            index: 1,
            expected: 2,
            len: 1,
            ..
        })
    ));
    assert!(PiChart::new(&[a], &[vec![1, 0]]).is_ok());
}

#[test]
fn cube_sets_refuse_configurations_that_do_not_fit() {
    assert_eq!(
        CubeSet::from_configurations(vec![2], &[vec![1, 0]]),
        Err(MinimizeError::UnequalLengths {
            set: ConfigurationSet::Cubes,
            index: 0,
            expected: 1,
            len: 2
        })
    );
    assert!(CubeSet::from_configurations(vec![2, 2], &[vec![2, 0]]).is_err());
    let set = CubeSet::from_configurations(vec![2, 3], &[vec![1, 1]]).unwrap();
    assert_eq!(set.count(), 1);
    assert!(set.contains(&[1, 1]) && !set.contains(&[1, 2]));
}

#[test]
fn model_expression_of_a_missing_model_is_none() {
    let s = solved();
    assert_eq!(
        s.model_expression(0, &["A", "B"], Notation::Binary)
            .as_deref(),
        Some("A")
    );
    assert_eq!(s.model_expression(99, &["A", "B"], Notation::Binary), None);
}

#[test]
#[cfg(feature = "serde")]
fn deserialized_pi_chart_with_short_bits_is_refused() {
    let json = r#"{"n_rows": 2, "n_cols": 2, "words": 1, "bits": [3]}"#;
    let err = serde_json::from_str::<PiChart>(json).unwrap_err();
    assert!(
        err.to_string().contains("1 words of bits for 2 rows"),
        "{err}"
    );
    let json = r#"{"n_rows": 1, "n_cols": 2, "words": 2, "bits": [3, 0]}"#;
    assert!(serde_json::from_str::<PiChart>(json).is_err());
    let json = r#"{"n_rows": 1, "n_cols": 2, "words": 1, "bits": [4]}"#;
    assert!(serde_json::from_str::<PiChart>(json).is_err());
    let json = r#"{"n_rows": 2, "n_cols": 2, "words": 1, "bits": [1, 2]}"#;
    let chart: PiChart = serde_json::from_str(json).expect("a valid chart");
    let covers = chart.find_covers(&EngineOptions::new()).expect("covers");
    assert_eq!(covers.models, vec![vec![0, 1]]);
    let back = serde_json::to_string(&chart).expect("serialises");
    assert_eq!(serde_json::from_str::<PiChart>(&back).ok(), Some(chart));
}

#[test]
#[cfg(feature = "serde")]
fn deserialized_inconsistent_implicant_is_refused() {
    for json in [
        r#"{"mask": 1099511627776, "values": [1]}"#,
        r#"{"mask": 0, "values": [1]}"#,
        r#"{"mask": 1, "values": []}"#,
    ] {
        let err = serde_json::from_str::<Implicant>(json).unwrap_err();
        assert!(
            err.to_string().contains("inconsistent implicant"),
            "{json}: {err}"
        );
    }
    let t = Implicant::from_levels(&[Some(1), None, Some(0)]);
    let json = serde_json::to_string(&t).expect("serialises");
    assert_eq!(serde_json::from_str::<Implicant>(&json).ok(), Some(t));
}

#[test]
#[cfg(feature = "serde")]
fn deserialized_inconsistent_minimization_is_refused() {
    let s = solved();
    let value = serde_json::to_value(&s).expect("serialises");
    assert_eq!(
        serde_json::from_value::<Minimized>(value.clone()).ok(),
        Some(s)
    );
    for (key, bad) in [
        ("models", serde_json::json!([[7]])),
        ("essential", serde_json::json!([3])),
        ("prime_implicants", serde_json::json!([])),
    ] {
        let mut v = value.clone();
        v[key] = bad;
        let err = serde_json::from_value::<Minimized>(v).unwrap_err();
        assert!(
            err.to_string().contains("inconsistent minimization"),
            "{key}: {err}"
        );
    }
}

/// One limit for the pipeline: a truth table of `MAX_CONDITIONS` conditions builds and its
/// solution is found, the engine solves a problem of that size, and both refuse one more
/// condition with their typed error.
#[test]
fn the_truth_table_and_the_engine_agree_on_the_condition_limit() {
    use fsqca::solution::{SolutionOptions, SolutionType};
    use fsqca::truth_table::{TruthTableError, MAX_CONDITIONS as TABLE_MAX};
    use fsqca::{Dataset, TruthTableOptions};
    const MAX: usize = fsqca::minimize::MAX_CONDITIONS;
    assert_eq!(TABLE_MAX, MAX);

    // Two cases: X1 (and every other condition) present with the outcome, absent without it.
    let names: Vec<String> = (1..=MAX + 1).map(|j| format!("X{j}")).collect();
    let columns = names
        .iter()
        .map(|n| (n.clone(), vec![1.0, 0.0]))
        .chain([("Y".to_owned(), vec![1.0, 0.0])]);
    let data = Dataset::from_columns(columns).expect("data");
    let table = TruthTableOptions::default()
        .build(&data, "Y", &names[..MAX])
        .expect("a table of MAX_CONDITIONS conditions");
    let solution = SolutionOptions::new(SolutionType::Parsimonious)
        .solve(&table)
        .expect("its solution");
    assert_eq!(solution.models().len(), MAX, "one model per condition");
    assert!(matches!(
        TruthTableOptions::default().build(&data, "Y", &names),
        Err(TruthTableError::TooManyConditions { n, max })
            if n == MAX + 1 && max == MAX
    ));

    let problem = |n: usize| {
        MinimizationProblem::new(
            vec![2; n],
            vec![vec![1; n]],
            vec![vec![0; n]],
            Remainders::All,
        )
    };
    let solved = problem(MAX)
        .expect("a problem of MAX_CONDITIONS conditions")
        .solve(&EngineOptions::default())
        .expect("solved");
    assert_eq!(solved.prime_implicants().len(), MAX);
    assert_eq!(
        problem(MAX + 1),
        Err(MinimizeError::TooManyConditions {
            n: MAX + 1,
            max: MAX
        })
    );
    let terms = [Implicant::from_levels(&[Some(1); MAX + 1])];
    assert_eq!(
        PiChart::new(&terms, &[vec![1; MAX + 1]]),
        Err(MinimizeError::TooManyConditions {
            n: MAX + 1,
            max: MAX
        })
    );
}
