//! Khanal, Zhang & Taeihagh, Appendix A: which printed memberships follow from Table 2.
//!
//! `data/khanal/NOTES.md` describes the calibration that reproduces Appendix A (it is not the
//! one the paper's text states). This test recomputes every column the printed numbers allow,
//! compares each row at the printed precision, and lists the rows that no monotone calibration
//! of Table 2 can produce, with the size of the difference. It never bends the computation to a
//! misprint: Beijing's diffusion days are moved only in a second, clearly labelled computation.

use std::collections::{BTreeMap, BTreeSet};

use fsqca::calibration::{rank, DirectOptions, OrdinalCoding, RankOrder, Thresholds, Ties};
use fsqca::Dataset;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/khanal");

/// Appendix A prints 5 decimals (8 for diffusion days); trailing zeros are dropped (`0.05`), so
/// a value is known to half a unit of its last printed digit, and to no better than 5e-6.
fn printed_tolerance(text: &str) -> f64 {
    let decimals = text.split_once('.').map_or(0, |(_, d)| d.len()).max(5);
    0.5 * 10f64.powi(-(decimals as i32))
}

/// One printed column: province -> (value, tolerance), blanks left out.
type Printed = BTreeMap<String, (f64, f64)>;

fn printed() -> BTreeMap<String, Printed> {
    let text = std::fs::read_to_string(format!("{DIR}/appendix_a_printed.csv")).expect("csv");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let mut out: BTreeMap<String, Printed> = BTreeMap::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split(',').collect();
        for (name, cell) in header.iter().zip(&cells).skip(1) {
            if !cell.is_empty() {
                let v: f64 = cell.parse().expect("number");
                out.entry(name.to_string())
                    .or_default()
                    .insert(cells[0].to_string(), (v, printed_tolerance(cell)));
            }
        }
    }
    out
}

fn raw() -> Dataset {
    Dataset::from_path(format!("{DIR}/table2_raw.csv")).expect("table 2")
}

fn logistic(x: &[f64], e: f64, c: f64, i: f64) -> Vec<f64> {
    let th = Thresholds::new(e, c, i).expect("thresholds");
    DirectOptions::new()
        .calibrate(x, th)
        .expect("calibration")
        .to_vec()
}

/// Rows where ours and the printed value differ beyond the printed precision, with the
/// difference (printed - ours).
fn mismatches(cases: &[String], ours: &[f64], printed: &Printed) -> BTreeMap<String, f64> {
    assert_eq!(cases.len(), ours.len());
    assert_eq!(printed.len(), ours.len(), "every row printed");
    cases
        .iter()
        .zip(ours)
        .filter_map(|(case, &o)| {
            let (p, tol) = printed[case];
            ((p - o).abs() > tol).then(|| (case.clone(), p - o))
        })
        .collect()
}

/// Pairs of provinces whose raw order contradicts their printed order: `a` is better than `b`
/// on the raw scale (or equal) but printed lower (or different). No monotone calibration, in the
/// given direction, can produce such a pair.
fn violations(
    cases: &[String],
    raw: &[f64],
    printed: &Printed,
    increasing: bool,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for a in 0..cases.len() {
        for b in 0..cases.len() {
            let (pa, ta) = printed[&cases[a]];
            let (pb, tb) = printed[&cases[b]];
            let tol = ta + tb;
            let better = if increasing {
                raw[a] > raw[b]
            } else {
                raw[a] < raw[b]
            };
            if (better && pa < pb - tol) || (raw[a] == raw[b] && a < b && (pa - pb).abs() > tol) {
                out.push((cases[a].clone(), cases[b].clone()));
            }
        }
    }
    out
}

/// The fewest rows to remove so that the rest could come from a monotone calibration (the
/// complement of a longest chain ordered by raw value and printed membership).
fn fewest_to_remove(raw: &[f64], printed: &[(f64, f64)], increasing: bool) -> usize {
    let n = raw.len();
    let key = |k: usize| if increasing { raw[k] } else { -raw[k] };
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| {
        key(a)
            .total_cmp(&key(b))
            .then(printed[a].0.total_cmp(&printed[b].0))
    });
    let fits = |i: usize, j: usize| {
        let tol = printed[i].1 + printed[j].1;
        if key(i) == key(j) {
            (printed[i].0 - printed[j].0).abs() <= tol
        } else {
            printed[i].0 <= printed[j].0 + tol
        }
    };
    let mut best = vec![1usize; n];
    for j in 0..n {
        for i in 0..j {
            if fits(idx[i], idx[j]) {
                best[j] = best[j].max(best[i] + 1);
            }
        }
    }
    n - best.into_iter().max().unwrap_or(0)
}

fn involved(pairs: &[(String, String)]) -> BTreeSet<String> {
    pairs
        .iter()
        .flat_map(|(a, b)| [a.clone(), b.clone()])
        .collect()
}

fn show(what: &str, rows: &BTreeMap<String, f64>) {
    println!("{what}: {} rows", rows.len());
    for (case, diff) in rows {
        println!("  {case:<15} printed - computed = {diff:+.5}");
    }
}

fn column(data: &Dataset, name: &str) -> Vec<f64> {
    data.column(name).expect("column").to_vec()
}

#[test]
fn enterprise_and_university_follow_ranks_with_ties_at_their_highest_position() {
    let (data, printed) = (raw(), printed());
    for (raw_name, printed_name) in [
        ("enterprise_rank", "enterprise"),
        ("university_rank", "university"),
    ] {
        let r = rank(&column(&data, raw_name), RankOrder::LowestFirst, Ties::Max).expect("rank");
        let ours = logistic(r.as_slice().expect("contiguous"), 28.0, 14.5, 6.0);
        let bad = mismatches(data.cases(), &ours, &printed[printed_name]);
        show(printed_name, &bad);
        assert!(bad.is_empty(), "{printed_name}: {bad:?}");
        let raw_values = column(&data, raw_name);
        assert!(violations(data.cases(), &raw_values, &printed[printed_name], false).is_empty());
    }
}

#[test]
fn gdp_per_capita_follows_the_raw_values() {
    let (data, printed) = (raw(), printed());
    let gdp = column(&data, "gdppc");
    let ours = logistic(&gdp, 6000.0, 12000.0, 20000.0);
    let bad = mismatches(data.cases(), &ours, &printed["gdppc"]);
    show("gdppc", &bad);
    assert!(bad.is_empty(), "{bad:?}");
    assert!(violations(data.cases(), &gdp, &printed["gdppc"], true).is_empty());
}

#[test]
fn power_follows_the_rank_increasing() {
    // NOTES.md: "Power on rank, increasing (rank 1 gets 0.038: the printed column is
    // reversed)"; the anchors are those of policy intensity (e = 2, c = 12.5, i = 25): rank 2
    // (Shanghai) is printed 0.05 exactly, the membership at e.
    let (data, printed) = (raw(), printed());
    let power = column(&data, "power_rank");
    let r = rank(&power, RankOrder::LowestFirst, Ties::Max).expect("rank");
    assert_eq!(r.to_vec(), power, "no ties in power ranks");
    let ours = logistic(&power, 2.0, 12.5, 25.0);
    let bad = mismatches(data.cases(), &ours, &printed["power"]);
    show("power", &bad);
    // One misprint: Zhejiang (rank 5) is printed 0.1087; the calibration gives 0.108790, printed
    // as 0.10879 for Shanxi's policy intensity of 5 with the same anchors. A digit is missing;
    // the value is still in order, so it is not a monotonicity violation.
    assert_eq!(bad.keys().collect::<Vec<_>>(), ["Zhejiang"]);
    assert!((bad["Zhejiang"] + 0.000_089).abs() < 1e-6);
    assert!(violations(data.cases(), &power, &printed["power"], true).is_empty());
}

#[test]
fn policy_intensity_follows_the_raw_count() {
    let (data, printed) = (raw(), printed());
    let intensity = column(&data, "policy_intensity");
    let ours = logistic(&intensity, 2.0, 12.5, 25.0);
    let bad = mismatches(data.cases(), &ours, &printed["policy_intensity"]);
    show("policy_intensity", &bad);
    assert!(bad.is_empty(), "{bad:?}");
    assert!(violations(data.cases(), &intensity, &printed["policy_intensity"], true).is_empty());
}

#[test]
fn diffusion_days_fit_only_with_beijing_ranked_eighteenth() {
    let (data, printed) = (raw(), printed());
    let adopters = data.drop_missing(&["diffusion_days"]).expect("adopters");
    assert_eq!(adopters.n_cases(), 24);
    let cases = adopters.cases().to_vec();
    let days = column(&adopters, "diffusion_days");
    let calibrate = |days: &[f64]| {
        let r = rank(days, RankOrder::LowestFirst, Ties::Max).expect("rank");
        logistic(r.as_slice().expect("contiguous"), 23.0, 13.5, 3.0)
    };

    // Table 2 as printed: Beijing (2,123 days, the longest) and the six provinces ranked after
    // its printed position are one rank off.
    let as_printed = mismatches(&cases, &calibrate(&days), &printed["diffusion_days"]);
    show("diffusion_days from Table 2", &as_printed);
    let expected: BTreeSet<&str> = [
        "Beijing", "Anhui", "Henan", "Shaanxi", "Yunnan", "Tianjin", "Hubei",
    ]
    .into();
    assert_eq!(
        as_printed
            .keys()
            .map(String::as_str)
            .collect::<BTreeSet<_>>(),
        expected
    );

    // Beijing placed 18th, between Hunan (575 days) and Anhui (623): every row agrees.
    let beijing = cases.iter().position(|c| c == "Beijing").expect("Beijing");
    let mut moved = days.clone();
    moved[beijing] = 600.0;
    let bad = mismatches(&cases, &calibrate(&moved), &printed["diffusion_days"]);
    assert!(bad.is_empty(), "{bad:?}");

    // No monotone calibration gives Beijing, with the most days, more than six provinces with
    // fewer days: Beijing is the one row to remove.
    let pairs = violations(&cases, &days, &printed["diffusion_days"], false);
    for (a, b) in &pairs {
        println!("  diffusion_days: {a} has fewer days than {b} but a lower printed membership");
    }
    assert!(pairs.iter().all(|(_, b)| b == "Beijing"));
    assert_eq!(involved(&pairs), {
        let mut s: BTreeSet<String> = expected.iter().map(|s| s.to_string()).collect();
        s.insert("Beijing".into());
        s
    });
    let printed_rows: Vec<(f64, f64)> =
        cases.iter().map(|c| printed["diffusion_days"][c]).collect();
    assert_eq!(fewest_to_remove(&days, &printed_rows, false), 1);
}

#[test]
fn instrument_breadth_follows_no_monotone_calibration() {
    let (data, printed) = (raw(), printed());
    let cases = data.cases().to_vec();
    let breadth = column(&data, "instrument_breadth");
    let stated = OrdinalCoding::new([
        (0.0, 0.0),
        (1.0, 0.0),
        (2.0, 0.33),
        (3.0, 0.67),
        (4.0, 0.9),
        (5.0, 1.0),
    ])
    .expect("coding");
    let ours = stated.calibrate(&breadth).expect("codes 0..5").to_vec();
    let bad = mismatches(&cases, &ours, &printed["instrument_breadth"]);
    show("instrument_breadth, stated coding", &bad);
    let expected: BTreeSet<&str> = EXPECTED_BREADTH_MISMATCHES.into();
    assert_eq!(
        bad.keys().map(String::as_str).collect::<BTreeSet<_>>(),
        expected
    );

    let pairs = violations(&cases, &breadth, &printed["instrument_breadth"], true);
    println!("instrument_breadth: {} contradicting pairs", pairs.len());
    assert_eq!(pairs.len(), EXPECTED_BREADTH_PAIRS);
    for (a, b) in &pairs {
        println!("  {a} is above or equal to {b} in Table 2 but not in Appendix A");
    }
    let printed_rows: Vec<(f64, f64)> = cases
        .iter()
        .map(|c| printed["instrument_breadth"][c])
        .collect();
    let remove = fewest_to_remove(&breadth, &printed_rows, true);
    println!("instrument_breadth: at least {remove} rows must change for any monotone calibration");
    assert_eq!(remove, EXPECTED_BREADTH_REMOVE);
    assert_eq!(
        involved(&pairs).len(),
        EXPECTED_BREADTH_INVOLVED,
        "{:?}",
        involved(&pairs)
    );
}

/// Rows whose printed breadth differs from the stated coding of Table 2's count.
/// 18 of 30; 17 of the 28 with a count of 1 to 5 (NOTES.md), plus Xinjiang (count 0, printed 0.9).
const EXPECTED_BREADTH_MISMATCHES: [&str; 18] = [
    "Hainan",
    "Heilongjiang",
    "Henan",
    "Hubei",
    "Inner Mongolia",
    "Jiangsu",
    "Jiangxi",
    "Jilin",
    "Liaoning",
    "Ningxia",
    "Qinghai",
    "Shaanxi",
    "Shandong",
    "Shanghai",
    "Shanxi",
    "Sichuan",
    "Xinjiang",
    "Zhejiang",
];
/// The fewest rows whose printed breadth must change before a monotone coding can fit (checked
/// independently by enumerating every non-decreasing assignment of printed values to counts).
const EXPECTED_BREADTH_REMOVE: usize = 14;
/// Provinces in at least one pair whose printed order contradicts their raw order: all of them.
const EXPECTED_BREADTH_INVOLVED: usize = 30;
/// Pairs whose printed order contradicts their raw order.
const EXPECTED_BREADTH_PAIRS: usize = 144;

#[test]
fn only_diffusion_days_and_instrument_breadth_contradict_their_raw_order() {
    let (data, printed) = (raw(), printed());
    // (raw column, printed column, membership rises with the raw value)
    let columns = [
        ("enterprise_rank", "enterprise", false),
        ("university_rank", "university", false),
        ("gdppc", "gdppc", true),
        ("power_rank", "power", true),
        ("diffusion", "diffusion", true),
        ("diffusion_days", "diffusion_days", false),
        ("instrument_breadth", "instrument_breadth", true),
        ("policy_intensity", "policy_intensity", true),
    ];
    let mut found = BTreeMap::new();
    for (raw_name, printed_name, increasing) in columns {
        let data = data.drop_missing(&[raw_name]).expect("complete rows");
        let cases = data.cases().to_vec();
        let x = column(&data, raw_name);
        let p = &printed[printed_name];
        let rows: Vec<(f64, f64)> = cases.iter().map(|c| p[c]).collect();
        let remove = fewest_to_remove(&x, &rows, increasing);
        let pairs = violations(&cases, &x, p, increasing);
        println!(
            "{printed_name:<20} {:>3} contradicting pairs, at least {remove} rows to change",
            pairs.len()
        );
        if remove > 0 {
            found.insert(printed_name, remove);
        }
    }
    assert_eq!(
        found,
        BTreeMap::from([("diffusion_days", 1), ("instrument_breadth", 14)])
    );
}
