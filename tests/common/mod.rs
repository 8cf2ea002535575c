//! Shared fixture harness: loads the R QCA reference outputs in `tests/fixtures/datasets` and
//! their data, and turns R's printed expressions into [`Expression`]s.
//!
//! Each `NAME.json` was produced with R 4.2.2, package QCA 3.25.1 (Dușa), admisc 0.39.1; each
//! R object is stored beside the exact call that produced it (see `tests/fixtures/README.md`).
#![allow(dead_code)]

use std::path::PathBuf;

use fsqca::{Dataset, Expression, Literal, SortKey, TruthTableOptions};
use serde_json::Value;

/// Tolerance for inclusion, PRI, coverage and RoN against R 4.2.2, QCA 3.25.1 (which stores
/// 15 significant digits in the fixtures).
pub const FIT_TOL: f64 = 1e-9;

/// Tolerance for a printed value with 3 decimals (the Khanal et al. tables).
pub const PRINTED_TOL: f64 = 0.0005;

/// Source of every reference value loaded here.
pub const SOURCE: &str = "R 4.2.2, QCA 3.25.1";

/// The fixture directory.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/datasets")
}

/// Names of the data sets with a reference file (`CVF`, `LM`, ...), sorted.
pub fn dataset_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures_dir())
        .expect("fixture directory")
        .filter_map(|e| {
            let p = e.ok()?.path();
            if p.extension()? != "json" {
                return None;
            }
            Some(p.file_stem()?.to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    names
}

/// The reference outputs of one data set.
pub fn load_json(name: &str) -> Value {
    let path = fixtures_dir().join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

/// The multi-value conditions of the reference data sets (R QCA infers them; fsqca is told).
pub const MULTI_VALUE: &[(&str, &[&str])] = &[("LM", &["DEV"])];

/// The data of one data set (its CSV: case labels, then the columns), its multi-value
/// conditions declared.
pub fn load_data(name: &str) -> Dataset {
    let path = fixtures_dir().join(format!("{name}.csv"));
    let multi_value = MULTI_VALUE
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(&[][..], |(_, c)| *c);
    Dataset::from_path(&path)
        .and_then(|d| d.with_multi_value(multi_value))
        .unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

/// A number of the JSON (or `None` for `null`).
pub fn num(v: &Value) -> Option<f64> {
    v.as_f64()
}

/// A list of strings of the JSON.
pub fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Every truth table of a reference file: (label, object).
pub fn truth_tables(json: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for part in ["main", "negated_outcome"] {
        if let Some(tt) = json.get(part).and_then(|p| p.get("truth_table")) {
            out.push((format!("{part}.truth_table"), tt.clone()));
        }
    }
    if let Some(extra) = json.get("extra_truth_tables").and_then(Value::as_object) {
        for (k, v) in extra {
            out.push((format!("extra_truth_tables.{k}"), v.clone()));
        }
    }
    out
}

/// The outcome of a truth table object as our API takes it (`Y` or `~Y`).
pub fn outcome_of(tt: &Value) -> String {
    let outcome = tt["outcome"].as_str().expect("outcome").to_owned();
    if tt["neg.out"].as_bool() == Some(true) {
        format!("~{outcome}")
    } else {
        outcome
    }
}

/// The options of R's call recorded in a truth table object.
pub fn options_of(tt: &Value) -> TruthTableOptions {
    let cuts: Vec<f64> = tt["incl.cut"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    let mut options = match cuts.as_slice() {
        [ic1, ic0] => TruthTableOptions::default().incl_cutoffs(*ic1, *ic0),
        [ic1] => TruthTableOptions::default().incl_cutoff(*ic1),
        _ => TruthTableOptions::default(),
    };
    if let Some(n) = tt["n.cut"].as_u64() {
        options = options.n_cutoff(n as usize);
    }
    if let Some(p) = tt["pri.cut"].as_f64() {
        options = options.pri_cutoff(p);
    }
    options.sort_by(sort_keys_of(tt["call"].as_str().unwrap_or("")))
}

/// The `sort.by` keys of an R call, e.g. `sort.by = "incl, n"`.
pub fn sort_keys_of(call: &str) -> Vec<SortKey> {
    let Some(start) = call.find("sort.by") else {
        return Vec::new();
    };
    let rest = &call[start..];
    let Some(open) = rest.find('"') else {
        return Vec::new();
    };
    let rest = &rest[open + 1..];
    let close = rest.find('"').unwrap_or(rest.len());
    rest[..close]
        .split(',')
        .filter_map(|k| match k.trim() {
            "incl" => Some(SortKey::Incl),
            "PRI" | "pri" => Some(SortKey::Pri),
            "n" => Some(SortKey::N),
            _ => None,
        })
        .collect()
}

/// One literal as R prints it: `A`, `~A`, `A[2]`, `A{2}`.
pub fn literal(text: &str) -> Literal {
    let text = text.trim();
    let (negated, text) = match text.strip_prefix('~') {
        Some(rest) => (true, rest.trim()),
        None => (false, text),
    };
    let lit = match text.find(['[', '{']) {
        Some(open) => {
            let name = &text[..open];
            let levels = text[open + 1..text.len() - 1]
                .split(',')
                .map(|l| l.trim().parse::<u32>().expect("level"));
            Literal::with_levels(name, levels).expect("a valid literal")
        }
        None => Literal::new(text).expect("a valid name"),
    };
    if negated {
        lit.negate()
    } else {
        lit
    }
}

/// A sum of products as R prints it (`A*~B + C`), built with the constructors (the parser is
/// written elsewhere).
pub fn expression(text: &str) -> Expression {
    let terms = text.split('+').map(|term| {
        Expression::conjunction(term.split('*').map(|l| Expression::literal(literal(l))))
            .expect("non-empty term")
    });
    Expression::disjunction(terms).expect("non-empty expression")
}

/// Every configuration of the binary conditions `names` as a data set, one case per
/// configuration, in row id order (first condition most significant).
pub fn all_configurations(names: &[&str]) -> Dataset {
    let k = names.len();
    let columns: Vec<(&str, Vec<f64>)> = names
        .iter()
        .enumerate()
        .map(|(j, &name)| {
            let values = (0..1u32 << k)
                .map(|i| f64::from((i >> (k - 1 - j)) & 1))
                .collect();
            (name, values)
        })
        .collect();
    Dataset::from_columns(columns).expect("configurations")
}
