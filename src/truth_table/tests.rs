use super::build::build;
use super::sums::{Strategy, PARALLEL_BLOCK_CASES};
use super::*;
use crate::data::Dataset;

fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

#[test]
fn autotraits() {
    has_autotraits::<TruthTable>();
    has_autotraits::<TruthTableOptions>();
    has_autotraits::<TruthTableError>();
    has_autotraits::<Row>();
    has_autotraits::<OutputValue>();
}

fn data() -> Dataset {
    Dataset::from_columns([
        ("A", vec![0.9, 0.7, 0.2, 0.5]),
        ("B", vec![0.1, 0.3, 0.8, 0.6]),
        ("Y", vec![0.8, 0.9, 0.3, 0.7]),
    ])
    .unwrap()
}

fn tt_err(options: TruthTableOptions, outcome: &str, conditions: &[&str]) -> TruthTableError {
    options.build(&data(), outcome, conditions).unwrap_err()
}

#[test]
fn no_conditions() {
    let none: [&str; 0] = [];
    assert!(matches!(
        tt_err(TruthTableOptions::default(), "Y", &none),
        TruthTableError::NoConditions
    ));
}

#[test]
fn duplicate_condition() {
    let e = tt_err(TruthTableOptions::default(), "Y", &["A", "A"]);
    assert!(matches!(
        e,
        TruthTableError::DuplicateCondition { ref name } if name == "A"
    ));
    assert_eq!(e.to_string(), "condition `A` is given more than once");
}

#[test]
fn outcome_is_condition() {
    let e = tt_err(TruthTableOptions::default(), "~Y", &["A", "Y"]);
    assert!(matches!(
        e,
        TruthTableError::OutcomeIsCondition { ref name } if name == "Y"
    ));
}

#[test]
fn empty_outcome() {
    let e = tt_err(TruthTableOptions::default(), " ~ ", &["A"]);
    assert!(matches!(
        e,
        TruthTableError::InvalidName(crate::ExpressionError::EmptyOutcome { .. })
    ));
}

#[test]
fn unknown_column_is_a_data_error() {
    let e = TruthTableOptions::default()
        .build(&data(), "Y", &["A", "C"])
        .unwrap_err();
    assert!(
        matches!(e, TruthTableError::Data(crate::DataError::UnknownColumn { ref name, .. }) if name == "C")
    );
}

#[test]
fn out_of_range() {
    let d = Dataset::from_columns([("A", vec![0.2, 1.5]), ("Y", vec![0.1, 0.9])])
        .unwrap()
        .with_cases(["x", "y"])
        .unwrap();
    let e = TruthTableOptions::default()
        .build(&d, "Y", &["A"])
        .unwrap_err();
    assert!(matches!(
        e,
        TruthTableError::Data(crate::DataError::NotAMembership { ref column, ref case, value, whole_numbers: false })
            if column == "A" && case == "y" && value == 1.5
    ));
    // A multi-value outcome is refused.
    let d = Dataset::from_columns([("A", vec![0.2, 1.0]), ("Y", vec![0.0, 2.0])]).unwrap();
    let e = TruthTableOptions::default()
        .build(&d, "Y", &["A"])
        .unwrap_err();
    assert!(
        matches!(e, TruthTableError::Data(crate::DataError::NotAMembership { ref column, .. }) if column == "Y")
    );
    // Negative integers are not levels.
    let d = Dataset::from_columns([("A", vec![-1.0, 2.0]), ("Y", vec![0.0, 1.0])]).unwrap();
    let e = TruthTableOptions::default()
        .build(&d, "Y", &["A"])
        .unwrap_err();
    assert!(
        matches!(e, TruthTableError::Data(crate::DataError::NotAMembership { value, .. }) if value == -1.0)
    );
}

#[test]
fn whole_numbers_are_not_levels_unless_declared() {
    // A 0/1 column with a typo `10` for `1` (report D5): refused, with the hint.
    let d =
        Dataset::from_columns([("A", vec![0.0, 10.0, 1.0]), ("Y", vec![0.0, 1.0, 1.0])]).unwrap();
    let e = TruthTableOptions::default()
        .build(&d, "Y", &["A"])
        .unwrap_err();
    assert!(matches!(
        e,
        TruthTableError::Data(crate::DataError::NotAMembership { value, whole_numbers: true, .. }) if value == 10.0
    ));
    assert!(e.to_string().contains("declare it"));
    // Declared, it is a condition of 11 levels.
    let d = d.with_multi_value(&["A"]).unwrap();
    let tt = TruthTableOptions::default().build(&d, "Y", &["A"]).unwrap();
    assert_eq!(tt.levels(), [11]);
}

#[test]
fn too_many_levels() {
    let d = Dataset::from_columns([("A", vec![0.0, 300.0]), ("Y", vec![0.0, 1.0])]).unwrap();
    let e = d.with_multi_value(&["A"]).unwrap_err();
    assert!(matches!(
        e,
        crate::DataError::NotALevel { value, max: 254, .. } if value == 300.0
    ));
}

#[test]
fn invalid_cutoffs() {
    let e = tt_err(TruthTableOptions::default().incl_cutoff(1.2), "Y", &["A"]);
    assert!(matches!(
        e,
        TruthTableError::InvalidCutoff(crate::fit::CutoffError {
            name: "incl",
            value: 1.2
        })
    ));
    let e = tt_err(
        TruthTableOptions::default().pri_cutoff(f64::NAN),
        "Y",
        &["A"],
    );
    assert!(matches!(
        e,
        TruthTableError::InvalidCutoff(crate::fit::CutoffError { name: "PRI", .. })
    ));
}

#[test]
fn cutoff_order() {
    let e = tt_err(
        TruthTableOptions::default().incl_cutoffs(0.7, 0.8),
        "Y",
        &["A"],
    );
    assert!(matches!(
        e,
        TruthTableError::CutoffOrder { ic1: 0.7, ic0: 0.8 }
    ));
}

#[test]
fn invalid_frequency_cutoff() {
    let e = tt_err(TruthTableOptions::default().n_cutoff(0), "Y", &["A"]);
    assert!(matches!(
        e,
        TruthTableError::InvalidFrequencyCutoff { n_cut: 0 }
    ));
}

#[test]
fn too_many_conditions() {
    let cols: Vec<(String, Vec<f64>)> = (0..65).map(|j| (format!("X{j}"), vec![1.0])).collect();
    let d = Dataset::from_columns(cols).unwrap();
    let names: Vec<String> = (0..64).map(|j| format!("X{j}")).collect();
    let e = TruthTableOptions::default()
        .build(&d, "X64", &names)
        .unwrap_err();
    assert!(matches!(
        e,
        TruthTableError::TooManyConditions { n: 64, max: 63 }
    ));
    // 63 binary conditions are fine.
    let tt = TruthTableOptions::default()
        .build(&d, "X64", &names[..63])
        .unwrap();
    assert_eq!(tt.rows()[0].id(), 1u64 << 63);
}

#[test]
fn too_many_configurations() {
    let mut cols: Vec<(String, Vec<f64>)> =
        (0..40).map(|j| (format!("X{j}"), vec![0.0, 2.0])).collect();
    cols.push(("Y".into(), vec![0.0, 1.0]));
    let names: Vec<String> = (0..40).map(|j| format!("X{j}")).collect();
    let d = Dataset::from_columns(cols)
        .unwrap()
        .with_multi_value(&names)
        .unwrap();
    let e = TruthTableOptions::default()
        .build(&d, "Y", &names)
        .unwrap_err();
    assert!(matches!(
        e,
        TruthTableError::TooManyConfigurations { ref levels, .. } if levels.len() == 40
    ));
}

#[test]
fn complete_too_large() {
    let mut cols: Vec<(String, Vec<f64>)> =
        (0..21).map(|j| (format!("X{j}"), vec![0.0, 1.0])).collect();
    cols.push(("Y".into(), vec![0.0, 1.0]));
    let d = Dataset::from_columns(cols).unwrap();
    let names: Vec<String> = (0..21).map(|j| format!("X{j}")).collect();
    let e = TruthTableOptions::default()
        .complete(true)
        .build(&d, "Y", &names)
        .unwrap_err();
    assert!(matches!(
        e,
        TruthTableError::CompleteTooLarge {
            rows: 2_097_152,
            max: 1_048_576
        }
    ));
    assert!(TruthTableOptions::default().build(&d, "Y", &names).is_ok());
}

#[test]
fn missing_values() {
    let d = Dataset::from_columns_with_missing([
        ("A", vec![Some(0.9), None, Some(0.2)]),
        ("Y", vec![Some(1.0), Some(0.0), Some(0.0)]),
    ])
    .unwrap();
    let e = TruthTableOptions::default()
        .build(&d, "Y", &["A"])
        .unwrap_err();
    assert!(e.to_string().contains("cases: 2"));
    let tt = TruthTableOptions::default()
        .drop_missing(true)
        .build(&d, "Y", &["A"])
        .unwrap();
    assert_eq!(tt.data().n_cases(), 2);
}

#[test]
fn half_cases_reported_and_counted_in_sums() {
    let tt = TruthTableOptions::default()
        .incl_cutoff(0.8)
        .build(&data(), "Y", &["A", "B"])
        .unwrap();
    assert_eq!(tt.half_membership_cases(), ["4"]);
    let total: usize = tt.rows().iter().map(Row::n).sum();
    assert_eq!(total, 3);
    // Row A*~B (id 3): cases 1, 2; case 4 has m = min(0.5, 0.4) = 0.4 there.
    let r = tt.row(3).unwrap();
    let num = 0.8f64.min(0.9) + 0.7f64.min(0.9) + 0.2f64.min(0.3) + 0.4;
    let den = 0.9f64.min(0.9) + 0.7 + 0.2 + 0.4;
    assert!((r.incl().unwrap() - num / den).abs() < 1e-12);
}

#[test]
fn complete_table_lists_remainders() {
    let tt = TruthTableOptions::default()
        .complete(true)
        .build(&data(), "Y", &["A", "B"])
        .unwrap();
    let ids: Vec<u64> = tt.rows().iter().map(Row::id).collect();
    assert_eq!(ids, [1, 2, 3, 4]);
    assert_eq!(tt.rows()[0].out(), OutputValue::Remainder);
    assert_eq!(tt.rows()[0].incl(), None);
    let text = tt.to_string();
    assert!(text.contains("cases with a membership of 0.5 (in no row): 4"));
}

#[test]
fn multi_value_ids() {
    let d = Dataset::from_columns([
        ("D", vec![0.0, 1.0, 2.0, 2.0]),
        ("B", vec![1.0, 0.0, 1.0, 1.0]),
        ("Y", vec![0.0, 1.0, 1.0, 0.0]),
    ])
    .unwrap()
    .with_multi_value(&["D"])
    .unwrap();
    let tt = TruthTable::new(&d, "Y", &["D", "B"]).unwrap();
    assert_eq!(tt.levels(), [3, 2]);
    let ids: Vec<(u64, Vec<u8>, usize)> = tt
        .rows()
        .iter()
        .map(|r| (r.id(), r.values().to_vec(), r.n()))
        .collect();
    assert_eq!(
        ids,
        [(2, vec![0, 1], 1), (3, vec![1, 0], 1), (6, vec![2, 1], 2)]
    );
    assert_eq!(tt.row(6).unwrap().incl(), Some(0.5));
}

/// Naive sums: every case, every observed row, straight from the definition.
fn naive(
    d: &Dataset,
    outcome: &str,
    conds: &[&str],
    row: &Row,
    negated: bool,
    levels: &[u32],
) -> (f64, f64, f64) {
    let y = d.column(outcome).unwrap();
    let (mut s0, mut s1, mut s2) = (0.0, 0.0, 0.0);
    for i in 0..d.n_cases() {
        let yi = if negated { 1.0 - y[i] } else { y[i] };
        let mut m = 1.0f64;
        for (j, c) in conds.iter().enumerate() {
            let x = d.column(c).unwrap()[i];
            let v = if levels[j] > 2 {
                f64::from(u8::from(x == f64::from(row.values()[j])))
            } else if row.values()[j] == 1 {
                x
            } else {
                1.0 - x
            };
            m = m.min(v);
        }
        s0 += m;
        s1 += m.min(yi);
        s2 += m.min(yi).min(1.0 - yi);
    }
    (s0, s1, s2)
}

fn lcg(seed: &mut u64) -> f64 {
    *seed = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    ((*seed >> 11) as f64) / ((1u64 << 53) as f64)
}

#[test]
fn strategies_agree_with_the_definition() {
    let mut seed = 7u64;
    for trial in 0..30 {
        let k = 1 + trial % 6;
        let n = 5 + trial * 3;
        let names: Vec<String> = (0..k).map(|j| format!("X{j}")).collect();
        let mut cols: Vec<(String, Vec<f64>)> = names
            .iter()
            .enumerate()
            .map(|(j, nm)| {
                if j == 0 && trial % 3 == 0 {
                    // A multi-value condition with levels 0, 1, 2.
                    let v = (0..n)
                        .map(|_| (lcg(&mut seed) * 3.0).floor().min(2.0))
                        .collect();
                    return (nm.clone(), v);
                }
                let v = (0..n)
                    .map(|_| {
                        let u = lcg(&mut seed);
                        // Mix crisp values, 0.5 and fuzzy values.
                        if u < 0.15 {
                            0.0
                        } else if u < 0.3 {
                            1.0
                        } else if u < 0.35 {
                            0.5
                        } else {
                            (lcg(&mut seed) * 100.0).round() / 100.0
                        }
                    })
                    .collect();
                (nm.clone(), v)
            })
            .collect();
        cols.push(("Y".into(), (0..n).map(|_| lcg(&mut seed)).collect()));
        let mut d = Dataset::from_columns(cols).unwrap();
        if trial % 3 == 0 {
            d = d.with_levels("X0", 3).unwrap();
        }
        let conds: Vec<&str> = names.iter().map(String::as_str).collect();
        for outcome in ["Y", "~Y"] {
            let opts = TruthTableOptions::default().incl_cutoff(0.7);
            let a = build(
                &opts,
                &d,
                &outcome.parse().unwrap(),
                &conds,
                Strategy::Sparse,
            )
            .unwrap();
            let b = build(&opts, &d, &outcome.parse().unwrap(), &conds, Strategy::Cube).unwrap();
            assert_eq!(a.rows().len(), b.rows().len());
            for (ra, rb) in a.rows().iter().zip(b.rows()) {
                assert_eq!(ra.id(), rb.id());
                assert_eq!(ra.cases(), rb.cases());
                let (s0, s1, s2) = naive(&d, "Y", &conds, ra, outcome == "~Y", a.levels());
                let incl = s1 / s0;
                let pri = (s1 - s2) / (s0 - s2);
                for r in [ra, rb] {
                    assert!((r.incl().unwrap() - incl).abs() < 1e-12, "incl {trial}");
                    assert!((r.pri().unwrap() - pri).abs() < 1e-12, "pri {trial}");
                }
            }
        }
    }
}

#[test]
fn parallel_blocks_agree_with_the_definition() {
    // More cases than one block: the sums are taken per block of cases, in parallel, and added
    // in block order; both strategies still give the definition's sums.
    let mut seed = 11u64;
    let n = PARALLEL_BLOCK_CASES * 2 + 1_234;
    let names = ["A", "B", "C"];
    let mut cols: Vec<(String, Vec<f64>)> = names
        .iter()
        .map(|nm| {
            let v = (0..n)
                .map(|_| (lcg(&mut seed) * 100.0).round() / 100.0)
                .collect();
            (nm.to_string(), v)
        })
        .collect();
    cols.push(("Y".into(), (0..n).map(|_| lcg(&mut seed)).collect()));
    let d = Dataset::from_columns(cols).unwrap();
    let opts = TruthTableOptions::default().incl_cutoff(0.7);
    let a = build(&opts, &d, &"Y".parse().unwrap(), &names, Strategy::Sparse).unwrap();
    let b = build(&opts, &d, &"Y".parse().unwrap(), &names, Strategy::Cube).unwrap();
    assert_eq!(a.rows().len(), 8);
    for (ra, rb) in a.rows().iter().zip(b.rows()) {
        assert_eq!(ra.case_indices(), rb.case_indices());
        let (s0, s1, s2) = naive(&d, "Y", &names, ra, false, a.levels());
        for r in [ra, rb] {
            assert!((r.incl().unwrap() - s1 / s0).abs() < 1e-12);
            assert!((r.pri().unwrap() - (s1 - s2) / (s0 - s2)).abs() < 1e-12);
        }
    }
    // The same table again, on one thread: the same bits (without the `parallel` feature
    // every build runs on one thread).
    #[cfg(feature = "parallel")]
    {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let c = pool
            .install(|| build(&opts, &d, &"Y".parse().unwrap(), &names, Strategy::Cube).unwrap());
        assert_eq!(b, c);
    }
}

#[test]
fn display_has_header_and_rows() {
    let tt = TruthTableOptions::default()
        .incl_cutoff(0.8)
        .build(&data(), "Y", &["A", "B"])
        .unwrap();
    let text = tt.to_string();
    assert!(
        text.contains("   A B  OUT  n  incl   PRI    cases\n"),
        "{text}"
    );
    assert!(
        text.contains("\n3  1 0    1  2  0.955  0.929  1,2\n"),
        "{text}"
    );
}

/// Names the expression grammar cannot write are refused as conditions and as the outcome
/// (reliability report, D10); dotted, underscored and numbered names stay valid.
#[test]
fn names_the_grammar_cannot_write_are_refused() {
    let bad = [
        "A*B", "GDP pc", "~C", "A+B", "(D)", "E[1]", "F,G", "H->I", "J<-K", " L",
    ];
    let mut columns: Vec<(&str, Vec<f64>)> = bad.iter().map(|&n| (n, vec![0.9, 0.1])).collect();
    columns.extend([
        ("d.napoleon", vec![0.8, 0.2]),
        ("enterprise_rank", vec![0.7, 0.4]),
        ("X1", vec![0.6, 0.3]),
        ("Y", vec![0.9, 0.2]),
        ("Y Z", vec![0.9, 0.2]),
    ]);
    let data = Dataset::from_columns(columns).unwrap();
    for name in bad {
        let err = TruthTable::new(&data, "Y", &[name, "X1"]).unwrap_err();
        assert!(
            matches!(
                &err,
                TruthTableError::InvalidName(
                    crate::ExpressionError::InvalidName { name: n, .. }
                ) if n == name
            ),
            "{name:?}: {err:?}"
        );
        if name == "~C" || name == " L" {
            continue; // an outcome `~C` is the negation of `C`; an outcome is trimmed
        }
        let outcome = TruthTableOptions::default().build(&data, name, &["X1"]);
        assert!(
            matches!(outcome, Err(TruthTableError::InvalidName(_))),
            "outcome {name:?}: {outcome:?}"
        );
    }
    let err = TruthTable::new(&data, "~Y Z", &["X1"]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid name `Y Z`: it contains white space"
    );
    let tt = TruthTable::new(&data, "~Y", &["d.napoleon", "enterprise_rank", "X1"]).unwrap();
    assert_eq!(tt.conditions().len(), 3);
}
