//! Properties of the panel cluster diagnostics on random panels: with one cluster the between
//! consistency is the pooled one, with one unit the within consistency is; the groups'
//! sums add up to the pooled sums; the pooled consistency lies between the groups'; necessity
//! consistency is sufficiency coverage; duplicate (unit, cluster) pairs are refused. Under
//! SetMethods' ε convention every ratio is defined and an empty group is 1; where every
//! group's denominators are at least 0.1 the two conventions agree to 1e-8.

use fsqca::cluster::{ClusterError, ClusterFit, Measures, Panel, RatioConvention};
use fsqca::{Dataset, FuzzySet, Relation};
use proptest::prelude::*;

/// A panel: units × clusters with some pairs absent, and memberships X, Y per present pair.
#[derive(Debug, Clone)]
struct RandomPanel {
    units: Vec<String>,
    clusters: Vec<String>,
    x: Vec<f64>,
    y: Vec<f64>,
}

fn membership() -> impl Strategy<Value = f64> {
    // Exact zeros and ones often, so that empty groups occur.
    prop_oneof![
        Just(0.0),
        Just(1.0),
        (0u32..=100).prop_map(|v| f64::from(v) / 100.0)
    ]
}

/// Memberships of at least `LOW`, so that every group's sums are at least `LOW`.
fn bounded_membership() -> impl Strategy<Value = f64> {
    (10u32..=100).prop_map(|v| f64::from(v) / 100.0)
}
const LOW: f64 = 0.1;

fn panel(max_units: usize, max_clusters: usize) -> impl Strategy<Value = RandomPanel> {
    panel_of(max_units, max_clusters, membership)
}

fn panel_of<S: Strategy<Value = f64>>(
    max_units: usize,
    max_clusters: usize,
    membership: fn() -> S,
) -> impl Strategy<Value = RandomPanel> {
    (1..=max_units, 1..=max_clusters)
        .prop_flat_map(move |(n_units, n_clusters)| {
            let cells = n_units * n_clusters;
            (
                Just((n_units, n_clusters)),
                proptest::collection::vec((any::<bool>(), membership(), membership()), cells),
            )
        })
        .prop_filter_map("at least one case", |((_, n_clusters), cells)| {
            let mut p = RandomPanel {
                units: vec![],
                clusters: vec![],
                x: vec![],
                y: vec![],
            };
            for (i, &(present, x, y)) in cells.iter().enumerate() {
                if present || i == 0 {
                    p.units.push(format!("u{}", i / n_clusters));
                    p.clusters.push(format!("{}", 1990 + i % n_clusters));
                    p.x.push(x);
                    p.y.push(y);
                }
            }
            (!p.x.is_empty()).then_some(p)
        })
}

fn data(p: &RandomPanel) -> Dataset {
    Dataset::from_columns([("X", p.x.clone()), ("Y", p.y.clone())])
        .unwrap()
        .with_text_column("unit", p.units.clone())
        .unwrap()
        .with_text_column("period", p.clusters.clone())
        .unwrap()
}

fn fit(p: &RandomPanel, relation: Relation) -> ClusterFit {
    fit_with(p, relation, RatioConvention::Exact)
}

fn fit_with(p: &RandomPanel, relation: Relation, convention: RatioConvention) -> ClusterFit {
    let data = data(p);
    let panel = Panel::from_columns(&data, "unit", "period")
        .unwrap()
        .convention(convention);
    let x = FuzzySet::new("X", p.x.clone()).unwrap();
    let y = FuzzySet::new("Y", p.y.clone()).unwrap();
    panel.fit_sets(&x, &y, relation).unwrap()
}

fn relation() -> impl Strategy<Value = Relation> {
    prop_oneof![Just(Relation::Sufficiency), Just(Relation::Necessity)]
}

/// Every (measures, measures) pair of two fits: pooled, then between, then within.
fn pairs<'a>(a: &'a ClusterFit, b: &'a ClusterFit) -> Vec<(&'a Measures, &'a Measures)> {
    let groups = |f: &'a ClusterFit| {
        std::iter::once(&f.pooled).chain(f.between.iter().chain(&f.within).map(|g| &g.measures))
    };
    groups(a).zip(groups(b)).collect()
}

/// The consistency's and the coverage's denominators.
fn denominators(m: &Measures, relation: Relation) -> (f64, f64) {
    match relation {
        Relation::Sufficiency => (m.condition_sum, m.outcome_sum),
        Relation::Necessity => (m.outcome_sum, m.condition_sum),
    }
}

proptest! {
    #[test]
    fn one_cluster_between_is_pooled(p in panel(6, 1), relation in relation()) {
        let f = fit(&p, relation);
        prop_assert_eq!(f.between.len(), 1);
        prop_assert_eq!(f.between[0].measures, f.pooled);
        let expected = f.pooled.consistency.filter(|&c| c > 0.0).map(|_| 0.0);
        prop_assert_eq!(f.between_distance, expected);
    }

    #[test]
    fn one_unit_within_is_pooled(p in panel(1, 6), relation in relation()) {
        let f = fit(&p, relation);
        prop_assert_eq!(f.within.len(), 1);
        prop_assert_eq!(f.within[0].measures, f.pooled);
        let expected = f.pooled.consistency.filter(|&c| c > 0.0).map(|_| 0.0);
        prop_assert_eq!(f.within_distance, expected);
    }

    #[test]
    fn one_case_every_group_is_pooled(p in panel(1, 1), relation in relation()) {
        let f = fit(&p, relation);
        prop_assert_eq!(f.pooled.cases, 1);
        prop_assert_eq!(f.between[0].measures, f.pooled);
        prop_assert_eq!(f.within[0].measures, f.pooled);
    }

    #[test]
    fn groups_add_up_and_bracket_the_pooled_consistency(p in panel(5, 5), relation in relation()) {
        let f = fit(&p, relation);
        for groups in [&f.between, &f.within] {
            let cases: usize = groups.iter().map(|g| g.measures.cases).sum();
            prop_assert_eq!(cases, f.pooled.cases);
            for (sum, pooled) in [
                (groups.iter().map(|g| g.measures.condition_sum).sum::<f64>(), f.pooled.condition_sum),
                (groups.iter().map(|g| g.measures.outcome_sum).sum::<f64>(), f.pooled.outcome_sum),
                (groups.iter().map(|g| g.measures.intersection_sum).sum::<f64>(), f.pooled.intersection_sum),
            ] {
                prop_assert!((sum - pooled).abs() < 1e-9);
            }
            // The pooled consistency is a weighted mean of the defined group consistencies.
            let defined: Vec<f64> = groups.iter().filter_map(|g| g.measures.consistency).collect();
            match f.pooled.consistency {
                None => prop_assert!(defined.is_empty()),
                Some(pooled) => {
                    let lo = defined.iter().copied().fold(f64::INFINITY, f64::min);
                    let hi = defined.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    prop_assert!(lo - 1e-12 <= pooled && pooled <= hi + 1e-12);
                }
            }
        }
        for (distance, groups) in [(f.between_distance, &f.between), (f.within_distance, &f.within)] {
            let defined = groups.iter().filter(|g| g.measures.consistency.is_some()).count();
            if let Some(d) = distance {
                // 0 for equal consistencies; at most √(1 − 1/J), all in one group.
                prop_assert!(d >= 0.0);
                prop_assert!(d <= (1.0 - 1.0 / defined as f64).sqrt() + 1e-12);
            }
        }
    }

    #[test]
    fn necessity_consistency_is_sufficiency_coverage(p in panel(4, 4)) {
        let suf = fit(&p, Relation::Sufficiency);
        let nec = fit(&p, Relation::Necessity);
        let pairs = suf.between.iter().chain(&suf.within).zip(nec.between.iter().chain(&nec.within));
        for (s, n) in pairs {
            prop_assert_eq!(s.measures.coverage, n.measures.consistency);
            prop_assert_eq!(s.measures.consistency, n.measures.coverage);
        }
    }

    #[test]
    fn setmethods_convention_is_defined_and_an_empty_group_is_one(
        p in panel(5, 5),
        relation in relation(),
    ) {
        let exact = fit(&p, relation);
        let smoothed = fit_with(&p, relation, RatioConvention::SetMethods);
        prop_assert_eq!(smoothed.convention, RatioConvention::SetMethods);
        for (e, s) in pairs(&exact, &smoothed) {
            // The sums do not depend on the convention.
            prop_assert_eq!(
                (e.cases, e.condition_sum, e.outcome_sum, e.intersection_sum),
                (s.cases, s.condition_sum, s.outcome_sum, s.intersection_sum)
            );
            let (cons_den, cov_den) = denominators(s, relation);
            for (exact, smoothed, den) in [
                (e.consistency, s.consistency, cons_den),
                (e.coverage, s.coverage, cov_den),
            ] {
                let v = smoothed.expect("defined under the ε");
                prop_assert!((0.0..=1.0).contains(&v));
                match exact {
                    // 0/0 is (0 + ε) / (0 + ε) = 1.
                    None => prop_assert_eq!(v, 1.0),
                    // The ε moves a ratio by at most ε / den.
                    Some(x) => prop_assert!(
                        (x - v).abs() <= RatioConvention::EPSILON / den * (1.0 + 1e-9) + 1e-15
                    ),
                }
            }
        }
        for (distance, groups) in [
            (smoothed.between_distance, &smoothed.between),
            (smoothed.within_distance, &smoothed.within),
        ] {
            // Over every group: in [0, √(1 − 1/J)].
            let d = distance.expect("defined under the ε");
            prop_assert!(d >= 0.0);
            prop_assert!(d <= (1.0 - 1.0 / groups.len() as f64).sqrt() + 1e-12);
        }
    }

    #[test]
    fn conventions_agree_when_every_denominator_is_bounded(
        p in panel_of(5, 5, bounded_membership),
        relation in relation(),
    ) {
        let exact = fit(&p, relation);
        let smoothed = fit_with(&p, relation, RatioConvention::SetMethods);
        for (e, s) in pairs(&exact, &smoothed) {
            let (cons_den, cov_den) = denominators(e, relation);
            prop_assert!(cons_den >= LOW - 1e-12 && cov_den >= LOW - 1e-12);
            for (a, b) in [(e.consistency, s.consistency), (e.coverage, s.coverage)] {
                prop_assert!((a.unwrap() - b.unwrap()).abs() <= 1e-8);
            }
        }
        for (a, b) in [
            (exact.between_distance, smoothed.between_distance),
            (exact.within_distance, smoothed.within_distance),
        ] {
            prop_assert!((a.unwrap() - b.unwrap()).abs() <= 1e-8);
        }
    }

    #[test]
    fn a_repeated_pair_is_refused(p in panel(4, 4), pick in any::<prop::sample::Index>()) {
        let i = pick.index(p.x.len());
        let mut q = p.clone();
        q.units.push(p.units[i].clone());
        q.clusters.push(p.clusters[i].clone());
        q.x.push(0.5);
        q.y.push(0.5);
        let err = Panel::from_columns(&data(&q), "unit", "period").unwrap_err();
        let is_duplicate = matches!(
            err,
            ClusterError::DuplicateCell { ref unit, ref cluster, .. }
                if *unit == p.units[i] && *cluster == p.clusters[i]
        );
        prop_assert!(is_duplicate);
    }
}
