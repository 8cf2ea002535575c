//! Invariants of the calibration diagnostics and of Haesebrouck's consistency and PRODUCT on
//! random memberships (memberships on a 0.05 grid, so that 0.5 occurs).

use fsqca::diagnostics::{DiagnoseOptions, Skew};
use fsqca::{fit, Dataset, FuzzySet};
use proptest::prelude::*;

/// Memberships on a grid of 0.05 (0.5 included), 1 to 40 cases.
fn memberships(len: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec((0u32..=20).prop_map(|k| f64::from(k) / 20.0), len)
}

fn pairs() -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
    (1usize..=40).prop_flat_map(|n| (memberships(n..=n), memberships(n..=n)))
}

proptest! {
    /// Haesebrouck's consistency is its definition, lies in [0, 1], never exceeds inclusion
    /// (√((X − Y) · X) ≥ X − Y) and is 1 exactly when inclusion is; PRODUCT is inclusion × PRI.
    #[test]
    fn haesebrouck_and_product_meet_their_definitions((x, y) in pairs()) {
        let s = fit::sufficiency(
            &FuzzySet::new("X", x.clone()).unwrap(),
            &FuzzySet::new("Y", y.clone()).unwrap(),
        ).unwrap();
        let num: f64 = x.iter().zip(&y).map(|(a, b)| a.min(*b)).sum();
        let den: f64 = x.iter().zip(&y).map(|(a, b)| a.min(*b) + ((a - b).max(0.0) * a).sqrt()).sum();
        match s.incl_h {
            None => prop_assert_eq!(x.iter().sum::<f64>(), 0.0),
            Some(h) => {
                prop_assert!((h - num / den).abs() < 1e-12);
                prop_assert!((0.0..=1.0).contains(&h));
                let incl = s.incl.unwrap();
                prop_assert!(h <= incl + 1e-12, "H {} > incl {}", h, incl);
                prop_assert_eq!(h >= 1.0 - 1e-12, incl >= 1.0 - 1e-12);
            }
        }
        prop_assert_eq!(s.product, s.incl.zip(s.pri).map(|(i, p)| i * p));
        if let (Some(p), Some(i), Some(pri)) = (s.product, s.incl, s.pri) {
            prop_assert!(p <= i.min(pri) + 1e-12);
        }
    }

    /// On crisp sets a case above the diagonal is X = 1, Y = 0, charged √(1 · 1) = 1 = X − Y:
    /// Haesebrouck's consistency equals inclusion.
    #[test]
    fn haesebrouck_equals_inclusion_on_crisp_sets(
        (x, y) in (1usize..=40).prop_flat_map(|n| (
            prop::collection::vec(prop::bool::ANY, n),
            prop::collection::vec(prop::bool::ANY, n),
        ))
    ) {
        let crisp = |v: &[bool]| v.iter().map(|&b| f64::from(u8::from(b))).collect::<Vec<_>>();
        let s = fit::sufficiency(
            &FuzzySet::new("X", crisp(&x)).unwrap(),
            &FuzzySet::new("Y", crisp(&y)).unwrap(),
        ).unwrap();
        match (s.incl, s.incl_h) {
            (Some(i), Some(h)) => prop_assert!((i - h).abs() < 1e-12),
            (i, h) => prop_assert_eq!(i, h),
        }
    }

    /// Every case is above, at or below 0.5; the cases at 0.5 are exactly those listed; the flag
    /// follows the threshold on both sides; and a set's negation (1 − x) swaps the cases above
    /// and below, keeps those at 0.5 and mirrors the flag.
    #[test]
    fn skew_counts_and_flags_meet_their_definitions(
        x in memberships(1..=40),
        threshold in (0u32..=10).prop_map(|k| f64::from(k) / 20.0),
    ) {
        let negated: Vec<f64> = x.iter().map(|v| 1.0 - v).collect();
        let data = Dataset::from_columns([("A", x.clone()), ("N", negated)]).unwrap();
        let report = DiagnoseOptions::new()
            .skew_threshold(threshold)
            .diagnose(&data, &["A", "N"])
            .unwrap();
        let (a, n) = (&report.sets[0], &report.sets[1]);
        let n_cases = x.len();
        let above = x.iter().filter(|&&v| v > 0.5).count();
        let at_half: Vec<usize> = (0..n_cases).filter(|&i| x[i] == 0.5).collect();
        prop_assert_eq!(a.n_cases, n_cases);
        prop_assert_eq!(a.n_above_half, above);
        prop_assert_eq!(a.share_above_half, above as f64 / n_cases as f64);
        prop_assert_eq!(a.at_half.iter().map(|c| c.row).collect::<Vec<_>>(), at_half.clone());
        let below = n_cases - above - at_half.len();
        prop_assert_eq!(n.n_above_half, below);
        prop_assert_eq!(n.at_half.len(), at_half.len());
        let want = if (above as f64) < threshold * n_cases as f64 {
            Some(Skew::MostlyOut)
        } else if ((n_cases - above) as f64) < threshold * n_cases as f64 {
            Some(Skew::MostlyIn)
        } else {
            None
        };
        // Counts compared with threshold × n: the same decision as the shares, away from ties
        // of the float product (threshold is a multiple of 0.05, n at most 40).
        let tie = |k: usize| ((k as f64) - threshold * n_cases as f64).abs() < 1e-9;
        if !tie(above) && !tie(n_cases - above) {
            prop_assert_eq!(a.skew, want);
        }
        if at_half.is_empty() {
            let mirrored = a.skew.map(|s| match s {
                Skew::MostlyOut => Skew::MostlyIn,
                Skew::MostlyIn => Skew::MostlyOut,
            });
            prop_assert_eq!(n.skew, mirrored);
        }
    }
}
