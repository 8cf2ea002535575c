//! Unit tests of the fit module.

use super::*;
use crate::data::Dataset;
use crate::expression::{Expression, Literal, Relation};
use crate::sets::{FuzzySet, SetError};

fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

#[test]
fn autotraits() {
    has_autotraits::<FitError>();
    has_autotraits::<Sufficiency>();
    has_autotraits::<Necessity>();
    has_autotraits::<SolutionFit>();
    has_autotraits::<ConditionFit>();
    has_autotraits::<SuperSubsetOptions>();
}

fn data() -> Dataset {
    Dataset::from_columns([
        ("A", vec![0.9, 0.2, 0.8, 0.1]),
        ("B", vec![0.1, 0.9, 0.3, 0.2]),
        ("Y", vec![0.8, 0.7, 0.6, 0.1]),
    ])
    .unwrap()
}

fn lit(n: &str) -> Expression {
    Expression::literal(Literal::new(n).unwrap())
}

#[test]
fn empty_solution() {
    let e = solution(&[], &data(), "Y").unwrap_err();
    assert!(matches!(e, FitError::EmptySolution));
    assert_eq!(e.to_string(), "a solution needs at least one term");
}

#[test]
fn invalid_cutoff() {
    let e = SuperSubsetOptions::default()
        .cov_cutoff(-0.1)
        .search(&data(), "Y", &["A"])
        .unwrap_err();
    assert!(matches!(
        e,
        FitError::InvalidCutoff(CutoffError {
            name: "cov",
            value: -0.1
        })
    ));
}

/// Each setter is read back by `get_<setter>`: renaming a getter breaks this test.
#[test]
fn every_super_subset_setter_is_read_back_by_its_get_getter() {
    let o = SuperSubsetOptions::new()
        .relation(Relation::Sufficiency)
        .incl_cutoff(0.9)
        .cov_cutoff(0.6)
        .ron_cutoff(0.5)
        .pri_cutoff(0.4)
        .depth(3);
    assert_eq!(o.get_relation(), Relation::Sufficiency);
    assert_eq!(o.get_incl_cutoff(), 0.9);
    assert_eq!(o.get_cov_cutoff(), 0.6);
    assert_eq!(o.get_ron_cutoff(), 0.5);
    assert_eq!(o.get_pri_cutoff(), 0.4);
    assert_eq!(o.get_depth(), Some(3));
    assert!(matches!(o.validate(), Ok(())));
    assert_eq!(SuperSubsetOptions::new(), SuperSubsetOptions::default());
    assert_eq!(SuperSubsetOptions::new().get_depth(), None);
}

/// Invalid values are refused by `validate`, kept as given, never clamped.
#[test]
fn invalid_super_subset_options_are_refused_not_clamped() {
    let o = SuperSubsetOptions::new().ron_cutoff(1.5).depth(0);
    assert_eq!(o.get_ron_cutoff(), 1.5);
    assert_eq!(o.get_depth(), Some(0));
    assert!(matches!(
        o.validate(),
        Err(FitError::InvalidCutoff(CutoffError {
            name: "RoN",
            value: 1.5
        }))
    ));
    assert!(matches!(
        o.ron_cutoff(0.5).validate(),
        Err(FitError::InvalidDepth { depth: 0 })
    ));
    assert!(SuperSubsetOptions::new()
        .incl_cutoff(f64::NAN)
        .validate()
        .is_err());
}

#[test]
fn invalid_depth() {
    let e = SuperSubsetOptions::default()
        .depth(0)
        .search(&data(), "Y", &["A"])
        .unwrap_err();
    assert!(matches!(e, FitError::InvalidDepth { depth: 0 }));
}

#[test]
fn no_conditions() {
    let none: [&str; 0] = [];
    let e = SuperSubsetOptions::default()
        .search(&data(), "Y", &none)
        .unwrap_err();
    assert!(matches!(e, FitError::NoConditions));
}

#[test]
fn search_too_large() {
    let cols: Vec<(String, Vec<f64>)> = (0..20)
        .map(|j| (format!("X{j}"), vec![0.3]))
        .chain([("Y".to_string(), vec![0.4])])
        .collect();
    let d = Dataset::from_columns(cols).unwrap();
    let names: Vec<String> = (0..20).map(|j| format!("X{j}")).collect();
    let e = SuperSubsetOptions::default()
        .search(&d, "Y", &names)
        .unwrap_err();
    assert!(matches!(e, FitError::SearchTooLarge { .. }));
    // A depth limit makes it feasible.
    assert!(SuperSubsetOptions::default()
        .depth(2)
        .search(&d, "Y", &names)
        .is_ok());
}

#[test]
fn unequal_lengths() {
    let x = FuzzySet::new("X", vec![0.1, 0.2]).unwrap();
    let y = FuzzySet::new("Y", vec![0.1]).unwrap();
    assert!(matches!(
        sufficiency(&x, &y).unwrap_err(),
        SetError::UnequalLengths { .. }
    ));
    assert!(necessity(&x, &y).is_err());
}

#[test]
fn undefined_is_none_never_nan() {
    let x = FuzzySet::new("X", vec![0.0, 0.0]).unwrap();
    let y = FuzzySet::new("Y", vec![0.0, 0.0]).unwrap();
    let s = sufficiency(&x, &y).unwrap();
    assert_eq!((s.incl, s.pri, s.cov), (None, None, None));
    let n = necessity(&x, &y).unwrap();
    assert_eq!((n.incl, n.cov), (None, None));
    assert_eq!(n.ron, Some(1.0));
    let one = FuzzySet::new("X", vec![1.0, 1.0]).unwrap();
    assert_eq!(necessity(&one, &one).unwrap().ron, None);
}

#[test]
fn formulas() {
    let d = data();
    let s = sufficiency_of(&lit("A"), &d, "Y").unwrap();
    let (x, y) = ([0.9, 0.2, 0.8, 0.1], [0.8, 0.7, 0.6, 0.1]);
    let xy: f64 = x.iter().zip(&y).map(|(a, b)| f64::min(*a, *b)).sum();
    let xyny: f64 = x.iter().zip(&y).map(|(a, b)| a.min(*b).min(1.0 - b)).sum();
    let sx: f64 = x.iter().sum();
    let sy: f64 = y.iter().sum();
    assert!((s.incl.unwrap() - xy / sx).abs() < 1e-12);
    assert!((s.pri.unwrap() - (xy - xyny) / (sx - xyny)).abs() < 1e-12);
    assert!((s.cov.unwrap() - xy / sy).abs() < 1e-12);
    let n = necessity_of(&lit("A"), &d, "Y").unwrap();
    let ron = x.iter().map(|a| 1.0 - a).sum::<f64>()
        / x.iter().zip(&y).map(|(a, b)| 1.0 - a.min(*b)).sum::<f64>();
    assert!((n.ron.unwrap() - ron).abs() < 1e-12);
    // A negated outcome as a string and as an expression agree.
    let a = sufficiency_of(&lit("A"), &d, "~Y").unwrap();
    let b = sufficiency_of(&lit("A"), &d, &lit("Y").negate().unwrap()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn unique_coverage() {
    let d = data();
    let f = solution(&[lit("A"), lit("B")], &d, "Y").unwrap();
    let whole = f.solution.cov.unwrap();
    let a = sufficiency_of(&lit("A"), &d, "Y").unwrap().cov.unwrap();
    let b = sufficiency_of(&lit("B"), &d, "Y").unwrap().cov.unwrap();
    assert!((f.terms[0].cov_unique.unwrap() - (whole - b)).abs() < 1e-12);
    assert!((f.terms[1].cov_unique.unwrap() - (whole - a)).abs() < 1e-12);
}

#[test]
fn sufficiency_search_keeps_minimal_conjunctions() {
    let found = SuperSubsetOptions::default()
        .relation(Relation::Sufficiency)
        .incl_cutoff(0.85)
        .search(&data(), "Y", &["A", "B"])
        .unwrap();
    for f in &found {
        assert!(f.sufficiency.incl.unwrap() + 1e-9 >= 0.85);
    }
    let names: Vec<String> = found.iter().map(|f| f.expression.to_string()).collect();
    // `A` passes, so no conjunction containing `A` is reported.
    assert!(names.contains(&"A".to_string()));
    assert!(!names
        .iter()
        .any(|n| n.contains("*A") || n.starts_with("A*")));
}

/// Haesebrouck's consistency by hand: A = (0.9, 0.2, 0.8, 0.1), Y = (0.8, 0.7, 0.6, 0.1).
/// Σ min = 0.8 + 0.2 + 0.6 + 0.1 = 1.7; the cases above the diagonal charge
/// √(0.1 · 0.9) and √(0.2 · 0.8).
#[test]
fn haesebrouck_consistency_and_product_by_hand() {
    let s = sufficiency_of(&lit("A"), &data(), "Y").unwrap();
    let charge = (0.1_f64 * 0.9).sqrt() + (0.2_f64 * 0.8).sqrt();
    let h = 1.7 / (1.7 + charge);
    assert!((s.incl_h.unwrap() - h).abs() < 1e-12);
    assert!(s.incl_h.unwrap() < s.incl.unwrap());
    assert_eq!(s.product, Some(s.incl.unwrap() * s.pri.unwrap()));
    // Σ X = 0: every sufficiency measure is undefined, PRODUCT too.
    let zero = FuzzySet::new("Z", vec![0.0, 0.0]).unwrap();
    let y = FuzzySet::new("Y", vec![0.4, 0.9]).unwrap();
    let s = sufficiency(&zero, &y).unwrap();
    assert_eq!((s.incl_h, s.product), (None, None));
    // PRI undefined (X within Y and within ~Y: Σ X = Σ min(X, Y, 1 - Y)) makes PRODUCT
    // undefined while inclusion and Haesebrouck's consistency are 1.
    let x = FuzzySet::new("X", vec![0.3]).unwrap();
    let y = FuzzySet::new("Y", vec![0.5]).unwrap();
    let s = sufficiency(&x, &y).unwrap();
    assert_eq!(
        (s.incl, s.incl_h, s.pri, s.product),
        (Some(1.0), Some(1.0), None, None)
    );
}

#[test]
fn solution_terms_carry_haesebrouck_and_product() {
    let f = solution(&[lit("A"), lit("B")], &data(), "Y").unwrap();
    for (t, e) in f.terms.iter().zip(["A", "B"]) {
        let own = sufficiency_of(&lit(e), &data(), "Y").unwrap();
        assert_eq!((t.incl_h, t.product), (own.incl_h, own.product), "{e}");
    }
    let whole: Expression = "A + B".parse().unwrap();
    let s = sufficiency_of(&whole, &data(), "Y").unwrap();
    assert_eq!(
        (f.solution.incl_h, f.solution.product),
        (s.incl_h, s.product)
    );
}

/// Unique coverage recomputed from scratch: the union of the other terms, summed case by case
/// in order.
fn unique_coverage_recomputed(sets: &[Vec<f64>], y: &[f64]) -> Vec<Option<f64>> {
    let cov = |union: &[f64]| {
        let (mut xy, mut total) = (0.0, 0.0);
        for (&x, &y) in union.iter().zip(y) {
            xy += f64::min(x, y);
            total += y;
        }
        (total > 0.0).then(|| f64::clamp(xy / total, 0.0, 1.0))
    };
    let union_of = |skip: Option<usize>| -> Vec<f64> {
        (0..y.len())
            .map(|i| {
                sets.iter()
                    .enumerate()
                    .filter(|&(j, _)| Some(j) != skip)
                    .map(|(_, s)| s[i])
                    .fold(0.0, f64::max)
            })
            .collect()
    };
    let whole = cov(&union_of(None));
    (0..sets.len())
        .map(|j| Some((whole? - cov(&union_of(Some(j)))?).max(0.0)))
        .collect()
}

mod term_union {
    use super::*;
    use ndarray::ArrayView1;
    use proptest::prelude::*;

    /// Memberships in steps of `1 / steps`: dyadic steps (crisp, quarters) take the exact
    /// sums, others (hundredths) the sums again.
    fn model(steps: u32) -> impl Strategy<Value = (Vec<Vec<f64>>, Vec<f64>)> {
        let value = move || (0..=steps).prop_map(move |v| f64::from(v) / f64::from(steps));
        (1usize..12).prop_flat_map(move |n| {
            (
                prop::collection::vec(prop::collection::vec(value(), n), 1..8),
                prop::collection::vec(value(), n),
            )
        })
    }

    fn check(sets: &[Vec<f64>], y: &[f64], core: usize) -> Result<(), TestCaseError> {
        let y = ArrayView1::from(y);
        // The first `core` terms as a shared union, the others added to a copy of it.
        let mut union = TermUnion::new(y.len());
        for (key, set) in sets.iter().enumerate().take(core) {
            union.add(key, ArrayView1::from(set));
        }
        let mut union = union.clone();
        for (key, set) in sets.iter().enumerate().skip(core) {
            union.add(key, ArrayView1::from(set));
        }
        let keys: Vec<usize> = (0..sets.len()).collect();
        let (whole, unique) = union.fit(&keys, y);
        let expected = unique_coverage_recomputed(sets, y.as_slice().unwrap_or_default());
        // Bit for bit: the same sums, whichever way they are taken.
        prop_assert_eq!(
            unique
                .iter()
                .map(|u| u.map(f64::to_bits))
                .collect::<Vec<_>>(),
            expected
                .iter()
                .map(|u| u.map(f64::to_bits))
                .collect::<Vec<_>>()
        );
        let first: Vec<f64> = (0..y.len())
            .map(|i| sets.iter().map(|s| s[i]).fold(0.0, f64::max))
            .collect();
        prop_assert_eq!(
            whole,
            sufficiency(
                &FuzzySet::new("X", first).unwrap(),
                &FuzzySet::new("Y", y.to_vec()).unwrap()
            )
            .unwrap()
        );
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn crisp_fit_equals_recomputed((sets, y) in model(1), core in 0usize..8) {
            check(&sets, &y, core)?;
        }

        #[test]
        fn quarter_fit_equals_recomputed((sets, y) in model(4), core in 0usize..8) {
            check(&sets, &y, core)?;
        }

        #[test]
        fn fuzzy_fit_equals_recomputed((sets, y) in model(100), core in 0usize..8) {
            check(&sets, &y, core)?;
        }
    }
}
