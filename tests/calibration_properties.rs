//! Invariants of calibration, checked on random thresholds and values with proptest.

use fsqca::calibration::{
    rank, BellThresholds, Clamp, Crisp, Curve, DirectOptions, RankOrder, Thresholds, Ties,
};
use proptest::prelude::*;

/// Floating-point slack for comparisons between memberships computed by different branches.
const EPS: f64 = 1e-12;

/// Increasing anchors `e < c < i` from a crossover and two positive gaps.
fn anchors() -> impl Strategy<Value = (f64, f64, f64)> {
    (-1e3..1e3f64, 1e-2..1e3f64, 1e-2..1e3f64).prop_map(|(c, lo, hi)| (c - lo, c, c + hi))
}

fn values() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(-3e3..3e3f64, 1..60)
}

/// Checks that `m` is non-decreasing (or non-increasing) in `x`.
fn assert_monotone(x: &[f64], m: &[f64], increasing: bool) -> Result<(), TestCaseError> {
    let mut pairs: Vec<(f64, f64)> = x.iter().copied().zip(m.iter().copied()).collect();
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    for w in pairs.windows(2) {
        let (lo, hi) = if increasing {
            (w[0].1, w[1].1)
        } else {
            (w[1].1, w[0].1)
        };
        prop_assert!(lo <= hi + EPS, "not monotone at {:?}", w);
    }
    Ok(())
}

fn assert_unit(m: &[f64]) -> Result<(), TestCaseError> {
    for &v in m {
        prop_assert!((0.0..=1.0).contains(&v), "{v} outside [0, 1]");
    }
    Ok(())
}

fn curve() -> impl Strategy<Value = Curve> {
    prop_oneof![
        Just(Curve::Logistic),
        Just(Curve::Linear),
        Just(Curve::Ecdf)
    ]
}

fn clamp() -> impl Strategy<Value = Clamp> {
    prop_oneof![Just(Clamp::Qca), Just(Clamp::Off)]
}

proptest! {
    #[test]
    fn direct_is_monotone_and_in_unit_interval(
        (e, c, i) in anchors(),
        x in values(),
        curve in curve(),
        clamp in clamp(),
        idm in 0.5001..0.9999f64,
        below in 0.1..5.0f64,
        above in 0.1..5.0f64,
        decreasing in any::<bool>(),
    ) {
        let th = if decreasing { Thresholds::new(i, c, e) } else { Thresholds::new(e, c, i) };
        let options = DirectOptions::new().curve(curve).clamp(clamp).idm(idm).below(below).above(above);
        let m = options.calibrate(&x, th?)?.to_vec();
        assert_unit(&m)?;
        assert_monotone(&x, &m, !decreasing)?;
    }

    #[test]
    fn logistic_hits_its_anchors_before_clamping(
        (e, c, i) in anchors(),
        idm in 0.5001..0.99999f64,
        decreasing in any::<bool>(),
    ) {
        // `e < c < i` here; the decreasing set has its inclusion anchor at the low end
        let th = if decreasing { Thresholds::new(i, c, e)? } else { Thresholds::new(e, c, i)? };
        let m = DirectOptions::new().idm(idm).clamp(Clamp::Off).calibrate(&[e, c, i], th)?;
        let (at_low, at_high) = if decreasing { (idm, 1.0 - idm) } else { (1.0 - idm, idm) };
        prop_assert!((m[0] - at_low).abs() < 1e-9, "{} vs {}", m[0], at_low);
        prop_assert!((m[1] - 0.5).abs() < 1e-12);
        prop_assert!((m[2] - at_high).abs() < 1e-9, "{} vs {}", m[2], at_high);
    }

    #[test]
    fn clamping_leaves_memberships_away_from_the_ends_alone(
        (e, c, i) in anchors(),
        idm in 0.51..0.99f64,
        x in values(),
    ) {
        let th = Thresholds::new(e, c, i)?;
        let raw = DirectOptions::new().idm(idm).clamp(Clamp::Off).calibrate(&x, th)?;
        let clamped = DirectOptions::new().idm(idm).calibrate(&x, th)?;
        for (r, k) in raw.iter().zip(&clamped) {
            if (1e-4..=0.9999).contains(r) {
                prop_assert_eq!(r, k);
            } else {
                prop_assert!(*k == 0.0 || *k == 1.0);
            }
        }
        // idm within (1e-4, 0.9999): the anchors survive clamping
        let m = DirectOptions::new().idm(idm).calibrate(&[e, c, i], th)?;
        prop_assert!((m[0] - (1.0 - idm)).abs() < 1e-9);
        prop_assert!((m[2] - idm).abs() < 1e-9);
    }

    #[test]
    fn linear_hits_its_anchors(
        (e, c, i) in anchors(),
        below in 0.1..5.0f64,
        above in 0.1..5.0f64,
        decreasing in any::<bool>(),
    ) {
        let th = if decreasing { Thresholds::new(i, c, e)? } else { Thresholds::new(e, c, i)? };
        let options = DirectOptions::new().curve(Curve::Linear).below(below).above(above);
        let m = options.calibrate(&[e, c, i], th)?;
        let (at_e, at_i) = if decreasing { (1.0, 0.0) } else { (0.0, 1.0) };
        prop_assert_eq!(m[0], at_e);
        prop_assert!((m[1] - 0.5).abs() < 1e-12);
        prop_assert_eq!(m[2], at_i);
    }

    #[test]
    fn bell_rises_then_falls(
        (e1, c1, i1) in anchors(),
        plateau in 0.0..100.0f64,
        gap1 in 1e-2..1e3f64,
        gap2 in 1e-2..1e3f64,
        x in values(),
        inverse in any::<bool>(),
    ) {
        let (i2, c2, e2) = (i1 + plateau, i1 + plateau + gap1, i1 + plateau + gap1 + gap2);
        let th = if inverse {
            // the same points with inclusion and exclusion exchanged
            BellThresholds::new(i1, c1, e1, e2, c2, i2)
        } else {
            BellThresholds::new(e1, c1, i1, i2, c2, e2)
        }?;
        let m = DirectOptions::new().calibrate(&x, th)?.to_vec();
        assert_unit(&m)?;
        let (left, right): (Vec<usize>, Vec<usize>) = (0..x.len()).partition(|&k| x[k] <= i1);
        let pick = |ix: &[usize], v: &[f64]| ix.iter().map(|&k| v[k]).collect::<Vec<_>>();
        assert_monotone(&pick(&left, &x), &pick(&left, &m), !inverse)?;
        let right: Vec<usize> = right.into_iter().filter(|&k| x[k] >= i2).collect();
        assert_monotone(&pick(&right, &x), &pick(&right, &m), inverse)?;
    }

    #[test]
    fn crisp_is_monotone_and_counts_thresholds(
        mut th in prop::collection::vec(-1e3..1e3f64, 1..6),
        x in values(),
    ) {
        th.sort_by(f64::total_cmp);
        th.dedup();
        let crisp = Crisp::new(th.clone())?;
        let m = crisp.calibrate(&x)?.to_vec();
        assert_monotone(&x, &m, true)?;
        for (&v, &k) in x.iter().zip(&m) {
            prop_assert_eq!(k, th.iter().filter(|&&t| t <= v).count() as f64);
        }
        // a value equal to a threshold goes up
        let at = crisp.calibrate(&th)?;
        for (j, &k) in at.iter().enumerate() {
            prop_assert_eq!(k, (j + 1) as f64);
        }
    }

    #[test]
    fn ranks_are_a_ranking(x in prop::collection::vec(-5i32..5, 1..40)) {
        let x: Vec<f64> = x.into_iter().map(f64::from).collect();
        let n = x.len() as f64;
        let first = rank(&x, RankOrder::HighestFirst, Ties::First)?;
        let mut sorted = first.to_vec();
        sorted.sort_by(f64::total_cmp);
        prop_assert_eq!(sorted, (1..=x.len()).map(|k| k as f64).collect::<Vec<_>>());
        let avg = rank(&x, RankOrder::HighestFirst, Ties::Average)?;
        prop_assert!((avg.sum() - n * (n + 1.0) / 2.0).abs() < 1e-9);
        let (min, max) = (
            rank(&x, RankOrder::HighestFirst, Ties::Min)?,
            rank(&x, RankOrder::HighestFirst, Ties::Max)?,
        );
        let low = rank(&x, RankOrder::LowestFirst, Ties::Min)?;
        for k in 0..x.len() {
            prop_assert!(min[k] <= avg[k] && avg[k] <= max[k]);
            // reversing the order mirrors the positions
            prop_assert_eq!(low[k], n + 1.0 - max[k]);
            for j in 0..x.len() {
                if x[k] > x[j] {
                    prop_assert!(min[k] < min[j]);
                }
            }
        }
    }
}
