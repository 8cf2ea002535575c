//! Invariants of truth tables and parameters of fit, checked with proptest against brute-force
//! oracles written from the definitions (METHODS.md).

use fsqca::{fit, Dataset, FuzzySet, TruthTableOptions};
use proptest::prelude::*;

/// A membership: crisp 0 or 1, exactly 0.5, or a fuzzy value with 2 decimals.
fn membership() -> impl Strategy<Value = f64> {
    prop_oneof![
        1 => Just(0.0),
        1 => Just(1.0),
        1 => Just(0.5),
        5 => (0u32..=100).prop_map(|v| f64::from(v) / 100.0),
    ]
}

/// k conditions and an outcome over n cases: rows of k + 1 values.
fn dataset(max_k: usize, crisp: bool) -> impl Strategy<Value = (usize, Vec<Vec<f64>>)> {
    (1usize..=max_k, 1usize..=40).prop_flat_map(move |(k, n)| {
        let value = if crisp {
            prop_oneof![Just(0.0), Just(1.0)].boxed()
        } else {
            membership().boxed()
        };
        (
            Just(k),
            prop::collection::vec(prop::collection::vec(value, k + 1), n),
        )
    })
}

fn to_dataset(k: usize, rows: &[Vec<f64>]) -> (Dataset, Vec<String>) {
    let names: Vec<String> = (0..k).map(|j| format!("X{j}")).collect();
    let mut columns: Vec<(String, Vec<f64>)> = names
        .iter()
        .enumerate()
        .map(|(j, name)| (name.clone(), rows.iter().map(|r| r[j]).collect()))
        .collect();
    columns.push(("Y".into(), rows.iter().map(|r| r[k]).collect()));
    (Dataset::from_columns(columns).expect("valid"), names)
}

fn in_unit(v: Option<f64>) -> bool {
    v.is_none_or(|v| (0.0..=1.0).contains(&v))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn metrics_lie_in_the_unit_interval((k, rows) in dataset(5, false)) {
        let (data, names) = to_dataset(k, &rows);
        let tt = TruthTableOptions::default().incl_cutoff(0.8).complete(true).build(&data, "Y", &names).unwrap();
        for r in tt.rows() {
            prop_assert!(in_unit(r.incl()) && in_unit(r.pri()));
        }
        let y = data.fuzzy_set("Y").unwrap();
        for name in &names {
            let x = data.fuzzy_set(name).unwrap();
            let s = fit::sufficiency(&x, &y).unwrap();
            let n = fit::necessity(&x, &y).unwrap();
            prop_assert!(in_unit(s.incl) && in_unit(s.pri) && in_unit(s.cov));
            prop_assert!(in_unit(n.incl) && in_unit(n.ron) && in_unit(n.cov));
        }
    }

    #[test]
    fn sufficiency_of_x_is_necessity_with_roles_swapped(
        xs in prop::collection::vec(membership(), 1..40),
        seed in 0u64..1000,
    ) {
        let ys: Vec<f64> = xs.iter().enumerate()
            .map(|(i, _)| ((i as u64 * 37 + seed) % 101) as f64 / 100.0)
            .collect();
        let x = FuzzySet::new("X", xs).unwrap();
        let y = FuzzySet::new("Y", ys).unwrap();
        let s = fit::sufficiency(&x, &y).unwrap();
        let swapped = fit::necessity(&y, &x).unwrap();
        // inclS(X -> Y) = Σmin/ΣX = inclN of Y as condition for X as outcome; covS likewise.
        prop_assert_eq!(s.incl, swapped.incl);
        prop_assert_eq!(s.cov, swapped.cov);
        let n = fit::necessity(&x, &y).unwrap();
        prop_assert_eq!(s.incl, n.cov);
        prop_assert_eq!(s.cov, n.incl);
    }

    #[test]
    fn crisp_row_incl_is_the_share_of_positive_cases((k, rows) in dataset(5, true)) {
        let (data, names) = to_dataset(k, &rows);
        let tt = TruthTableOptions::default().build(&data, "Y", &names).unwrap();
        let y = data.column("Y").unwrap();
        for r in tt.rows() {
            let positive = r.cases().iter()
                .filter(|c| y[c.parse::<usize>().unwrap() - 1] == 1.0)
                .count();
            let share = positive as f64 / r.n() as f64;
            prop_assert!((r.incl().unwrap() - share).abs() < 1e-12);
        }
    }

    #[test]
    fn row_sizes_add_up_to_the_cases_without_a_half((k, rows) in dataset(6, false)) {
        let (data, names) = to_dataset(k, &rows);
        let tt = TruthTableOptions::default().build(&data, "Y", &names).unwrap();
        let total: usize = tt.rows().iter().map(|r| r.n()).sum();
        let without_half = rows.iter().filter(|r| r[..k].iter().all(|&v| v != 0.5)).count();
        prop_assert_eq!(total, without_half);
        prop_assert_eq!(tt.half_membership_cases().len(), rows.len() - without_half);
    }

    #[test]
    fn one_pass_assignment_matches_the_naive_table((k, rows) in dataset(5, false)) {
        let (data, names) = to_dataset(k, &rows);
        let tt = TruthTableOptions::default().incl_cutoff(0.8).complete(true).build(&data, "~Y", &names).unwrap();
        prop_assert_eq!(tt.rows().len(), 1 << k);
        for (index, r) in tt.rows().iter().enumerate() {
            // The configuration of row `index`, first condition most significant.
            let config: Vec<u8> = (0..k).map(|j| ((index >> (k - 1 - j)) & 1) as u8).collect();
            prop_assert_eq!(r.values(), &config[..]);
            prop_assert_eq!(r.id(), index as u64 + 1);
            let (mut s0, mut s1, mut s2) = (0.0, 0.0, 0.0);
            let mut members = Vec::new();
            for (i, case) in rows.iter().enumerate() {
                let y = 1.0 - case[k];
                let m = (0..k)
                    .map(|j| if config[j] == 1 { case[j] } else { 1.0 - case[j] })
                    .fold(1.0f64, f64::min);
                if m > 0.5 {
                    members.push((i + 1).to_string());
                }
                s0 += m;
                s1 += m.min(y);
                s2 += m.min(y).min(1.0 - y);
            }
            prop_assert_eq!(r.cases(), &members[..]);
            prop_assert_eq!(r.n(), members.len());
            if members.is_empty() {
                prop_assert_eq!(r.incl(), None);
            } else {
                prop_assert!((r.incl().unwrap() - s1 / s0).abs() < 1e-12);
                prop_assert!((r.pri().unwrap() - (s1 - s2) / (s0 - s2)).abs() < 1e-12);
            }
        }
    }
}
