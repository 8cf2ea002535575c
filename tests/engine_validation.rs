//! The engine types refuse invalid input with an error instead of panicking or computing
//! something silently wrong (reliability report, D6 and 2a).

use fsqca::minimize::{
    EngineOptions, Implicant, MinimizationProblem, MinimizeError, Minimized, PiChart, Remainders,
};
use fsqca::solution::{Configuration, SolutionError};

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
fn configuration_new_refuses_values_that_do_not_fit() {
    assert_eq!(
        Configuration::new(vec![1, 0], &[2]),
        Err(SolutionError::InvalidConfiguration {
            values: vec![1, 0],
            levels: vec![2]
        })
    );
    assert!(Configuration::new(vec![2, 0], &[2, 2]).is_err());
    assert_eq!(
        Configuration::new(vec![1, 1], &[2, 3]).map(|c| c.id()),
        Ok(5)
    );
}

#[test]
fn model_expression_of_a_missing_model_is_none() {
    let s = solved();
    assert_eq!(
        s.model_expression(0, &["A", "B"], false).as_deref(),
        Some("A")
    );
    assert_eq!(s.model_expression(99, &["A", "B"], false), None);
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
