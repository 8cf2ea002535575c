//! Khanal, Zhang & Taeihagh: truth tables A1, A3, A4 and necessity tables A5, A7, A8, rebuilt from
//! the paper's raw Table 2 as `data/khanal/NOTES.md` describes, and compared with the printed
//! values cell by cell (within 0.0005, the printed 3 decimals).
//!
//! Tables A2 and A6 (the speed analysis) are not reproducible: they use a recalibration on the
//! 24 adopting provinces that the paper does not describe, and a Power coding that cannot come
//! from Table 2 (see NOTES.md). They are skipped.
//!
//! The misprints NOTES.md lists are asserted to still differ from our (true) values: the code
//! never bends to a misprint.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use common::PRINTED_TOL;
use fsqca::{fit, Dataset, SortKey, TruthTableOptions};
use serde_json::Value;

fn khanal_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/khanal")
}

/// Rank with 1 = best, ties at their highest position: the number of values at least as good.
fn rank(values: &[f64], lower_is_better: bool) -> Vec<f64> {
    values
        .iter()
        .map(|&v| {
            values
                .iter()
                .filter(|&&w| if lower_is_better { w <= v } else { w >= v })
                .count() as f64
        })
        .collect()
}

/// The direct (logistic) method for a decreasing set, thresholds e = 25 > c = 14.5 > i = 6,
/// idm 0.95, as METHODS.md states it: swap e and i, compute the increasing logistic, return
/// 1 - f; then values below 1e-4 become 0, above 0.9999 become 1; rounded to 5 decimals.
fn calibrate_rank(x: f64) -> f64 {
    let (e, c, i) = (6.0, 14.5, 25.0); // swapped
    let l = (0.95f64 / 0.05).ln();
    let f = if x >= c {
        1.0 / (1.0 + (-l * (x - c) / (i - c)).exp())
    } else {
        1.0 / (1.0 + (-l * (x - c) / (c - e)).exp())
    };
    let mut m = 1.0 - f;
    if m < 1e-4 {
        m = 0.0;
    }
    if m > 0.9999 {
        m = 1.0;
    }
    (m * 1e5).round() / 1e5
}

fn breadth_code(count: f64) -> f64 {
    match count as i64 {
        0..=1 => 0.0,
        2 => 0.33,
        3 => 0.67,
        4 => 0.9,
        _ => 1.0,
    }
}

fn khanal_data() -> Dataset {
    let raw = Dataset::from_path(khanal_dir().join("table2_raw.csv")).expect("table2_raw.csv");
    let printed =
        Dataset::from_path(khanal_dir().join("appendix_a_printed.csv")).expect("appendix");
    assert_eq!(
        raw.cases(),
        printed.cases(),
        "same provinces in the same order"
    );
    let col = |d: &Dataset, name: &str| d.column(name).expect(name).to_vec();
    let calibrated = |values: Vec<f64>, lower_is_better: bool| -> Vec<f64> {
        rank(&values, lower_is_better)
            .into_iter()
            .map(calibrate_rank)
            .collect()
    };
    Dataset::from_columns([
        ("E", calibrated(col(&raw, "enterprise_rank"), true)),
        ("U", calibrated(col(&raw, "university_rank"), true)),
        ("G", calibrated(col(&raw, "gdppc"), false)),
        ("P", calibrated(col(&raw, "power_rank"), true)),
        ("diffusion", col(&raw, "diffusion")),
        ("intensity", col(&printed, "policy_intensity")),
        (
            "breadth",
            col(&raw, "instrument_breadth")
                .into_iter()
                .map(breadth_code)
                .collect(),
        ),
    ])
    .expect("data")
    .with_cases(raw.cases().to_vec())
    .expect("labels")
}

fn paper() -> Value {
    let text = std::fs::read_to_string(khanal_dir().join("paper_tables.json")).expect("json");
    serde_json::from_str(&text).expect("json")
}

/// A misprint: table, row (configuration or condition), measure, printed and true value.
#[derive(serde::Deserialize)]
struct Misprint {
    table: String,
    row: String,
    measure: String,
    printed: f64,
    true_value: f64,
}

/// The misprints listed in data/khanal/NOTES.md, from `data/khanal/misprints.json` (which the
/// Khanal example reads too).
fn misprints() -> &'static [Misprint] {
    static MISPRINTS: OnceLock<Vec<Misprint>> = OnceLock::new();
    MISPRINTS.get_or_init(|| {
        let text =
            std::fs::read_to_string(khanal_dir().join("misprints.json")).expect("misprints.json");
        serde_json::from_str(&text).expect("misprints.json")
    })
}

/// Compares one cell; returns whether it is a listed misprint.
fn cell(table: &str, row: &str, measure: &str, ours: f64, printed: f64, tol: f64) -> bool {
    let diff = ours - printed;
    let misprint = misprints()
        .iter()
        .find(|m| m.table == table && m.row == row && m.measure == measure);
    println!(
        "{table} {row:>24} {measure:>5}: ours {ours:>8.4}  printed {printed:>6.3}  diff {diff:>+8.4}{}",
        if misprint.is_some() { "  MISPRINT" } else { "" }
    );
    match misprint {
        Some(m) => {
            assert_eq!(
                m.printed, printed,
                "{table} {row} {measure}: the misprint as listed"
            );
            assert!(
                (ours - m.true_value).abs() <= tol,
                "{table} {row} {measure}: true value {} but ours {ours}",
                m.true_value
            );
            assert!(
                (ours - printed).abs() > tol,
                "{table} {row} {measure}: the listed misprint now agrees"
            );
            true
        }
        None => {
            assert!(
                diff.abs() <= tol,
                "{table} {row} {measure}: ours {ours} vs printed {printed}"
            );
            false
        }
    }
}

fn check_truth_table(data: &Dataset, table: &str, paper: &Value) -> usize {
    let t = &paper["truth_tables"][table];
    let outcome = t["outcome"]
        .as_str()
        .expect("outcome")
        .split(' ')
        .next()
        .expect("name");
    let tt = TruthTableOptions::default()
        .incl_cutoff(0.85)
        .n_cutoff(1)
        .sort_by([SortKey::Incl])
        .build(data, outcome, &["E", "U", "G", "P"])
        .expect("truth table");
    let printed = t["rows"].as_array().expect("rows");
    assert_eq!(tt.rows().len(), printed.len(), "{table}: number of rows");
    let mut misprints = 0;
    for p in printed {
        let values: Vec<u8> = p["values"]
            .as_array()
            .expect("values")
            .iter()
            .map(|v| v.as_u64().expect("value") as u8)
            .collect();
        let label: String = values.iter().map(|v| v.to_string()).collect();
        let row = tt
            .rows()
            .iter()
            .find(|r| r.values() == values)
            .unwrap_or_else(|| panic!("{table}: no row {label}"));
        let mut ours_cases = row.cases().to_vec();
        let mut their_cases: Vec<String> = p["cases"]
            .as_array()
            .expect("cases")
            .iter()
            .map(|c| c.as_str().expect("case").to_owned())
            .collect();
        ours_cases.sort();
        their_cases.sort();
        assert_eq!(ours_cases, their_cases, "{table} {label}: cases");
        let out = p["out"].as_u64().expect("out").to_string();
        assert_eq!(row.out().symbol(), out, "{table} {label}: OUT");
        let n_printed = p["n"].as_f64().expect("n");
        misprints += usize::from(cell(table, &label, "n", row.n() as f64, n_printed, 0.0));
        for (measure, ours, key) in [("incl", row.incl(), "incl"), ("PRI", row.pri(), "pri")] {
            let ours = ours.expect("defined");
            let printed = p[key].as_f64().expect("printed");
            misprints += usize::from(cell(table, &label, measure, ours, printed, PRINTED_TOL));
        }
    }
    misprints
}

fn check_necessity(data: &Dataset, table: &str, paper: &Value) -> usize {
    let t = &paper["necessity"][table];
    let outcome = t["outcome"].as_str().expect("outcome");
    let ours = fit::necessity_table(data, outcome, &["E", "U", "G", "P"]).expect("necessity");
    let name_of = |printed: &str| -> String {
        let (neg, base) = match printed.strip_prefix('~') {
            Some(b) => ("~", b),
            None => ("", printed),
        };
        let short = match base {
            "Enterprise capacity" => "E",
            "University capacity" => "U",
            "GDPpc" => "G",
            "Power" => "P",
            other => panic!("unknown condition {other}"),
        };
        format!("{neg}{short}")
    };
    let mut misprints = 0;
    let rows = t["rows"].as_object().expect("rows");
    assert_eq!(rows.len(), ours.len(), "{table}: rows");
    for (printed_name, values) in rows {
        let name = name_of(printed_name);
        let row = ours
            .iter()
            .find(|r| r.expression.to_string() == name)
            .unwrap_or_else(|| panic!("{table}: no row {name}"));
        let v: Vec<f64> = values
            .as_array()
            .expect("values")
            .iter()
            .map(|x| x.as_f64().expect("number"))
            .collect();
        let measures = [
            ("inclN", row.necessity.incl),
            ("RoN", row.necessity.ron),
            ("covN", row.necessity.cov),
        ];
        for ((measure, ours), printed) in measures.into_iter().zip(v) {
            let ours = ours.expect("defined");
            misprints += usize::from(cell(
                table,
                printed_name,
                measure,
                ours,
                printed,
                PRINTED_TOL,
            ));
        }
    }
    misprints
}

#[test]
fn truth_tables_a1_a3_a4_match_the_paper() {
    let data = khanal_data();
    let paper = paper();
    assert_eq!(check_truth_table(&data, "A1", &paper), 0);
    assert_eq!(check_truth_table(&data, "A3", &paper), 3);
    assert_eq!(check_truth_table(&data, "A4", &paper), 1);
    // A2 (speed) is not reproducible from the printed data: skipped (see the module docs).
}

#[test]
fn necessity_tables_a5_a7_a8_match_the_paper() {
    let data = khanal_data();
    let paper = paper();
    assert_eq!(check_necessity(&data, "A5", &paper), 0);
    assert_eq!(check_necessity(&data, "A7", &paper), 0);
    assert_eq!(check_necessity(&data, "A8", &paper), 1);
    // A6 (speed) is not reproducible from the printed data: skipped (see the module docs).
}

/// Every listed misprint of the appendix tables is met; those of the solution tables (Table 5)
/// are checked with the Khanal example (`tests/examples.rs`).
#[test]
fn every_listed_misprint_is_checked() {
    let data = khanal_data();
    let paper = paper();
    let total = check_truth_table(&data, "A3", &paper)
        + check_truth_table(&data, "A4", &paper)
        + check_necessity(&data, "A8", &paper);
    let appendix = misprints()
        .iter()
        .filter(|m| m.table.starts_with('A'))
        .count();
    assert_eq!(appendix, 5);
    assert_eq!(total, appendix);
}
