//! Agreement with R QCA on every calibration in `tests/fixtures/calibrate.json`.
//!
//! The fixture holds, for each case, the exact R call and R's output. This harness reads the call
//! (`calibrate(x, type = .., method = .., thresholds = .., logistic = .., idm = .., ecdf = ..,
//! below = .., above = ..)`), builds the same calibration with this crate's API and compares every
//! value. A call it cannot translate fails the test, so no fixture is skipped silently.

use std::collections::BTreeMap;

use fsqca::calibration::{BellThresholds, Crisp, Curve, DirectOptions, Indirect, Tfr, Thresholds};
use serde_json::Value;

/// Largest accepted |ours - R| on any value. Reference: R 4.2.2, package QCA 3.25.1 (Dușa),
/// admisc 0.39.1, as recorded in the fixture's `session`. The indirect method's outputs are
/// rounded by R to 6 decimals; ours are rounded the same way, so they agree to this tolerance too
/// (the IRLS starting values and stopping rule are R's; the last iteration changes the deviance
/// by 6e-11 relative, and the fitted value closest to a rounding boundary is 4.5e-8 from it, far
/// more than the fit's remaining error, so R's convergence tolerance cannot flip a rounded digit).
const TOL: f64 = 1e-9;

fn fixture() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/calibrate.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture readable"))
        .expect("fixture is JSON")
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect()
}

/// Splits at commas that are outside quotes and parentheses.
fn split_top(s: &str) -> Vec<String> {
    let (mut out, mut cur, mut depth, mut quoted) = (Vec::new(), String::new(), 0, false);
    for ch in s.chars() {
        match ch {
            '"' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                out.push(cur.trim().to_string());
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(ch);
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

/// A parsed `calibrate(...)` call: the input's name and the named arguments.
struct Call {
    input: String,
    args: BTreeMap<String, String>,
}

fn parse_call(call: &str) -> Call {
    let call = call.split('#').next().unwrap_or_default().trim();
    let inner = call
        .strip_prefix("calibrate(")
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or_else(|| panic!("not a calibrate() call: {call}"));
    let mut parts = split_top(inner).into_iter();
    let input = parts.next().expect("an input");
    let args = parts
        .map(|a| {
            let (k, v) = a
                .split_once('=')
                .unwrap_or_else(|| panic!("not named: {a}"));
            (k.trim().to_string(), v.trim().trim_matches('"').to_string())
        })
        .collect();
    Call { input, args }
}

/// Thresholds as `(name, value)`: `"e=1, c=2"`, `c(1, 2)`, `1`.
fn parse_thresholds(s: &str) -> Vec<(Option<String>, f64)> {
    let body = s
        .strip_prefix("c(")
        .and_then(|b| b.strip_suffix(')'))
        .unwrap_or(s);
    body.split(',')
        .map(|t| match t.split_once('=') {
            Some((n, v)) => (
                Some(n.trim().to_string()),
                v.trim().parse().expect("number"),
            ),
            None => (None, t.trim().parse().expect("number")),
        })
        .collect()
}

/// Orders named thresholds by R QCA's names; unnamed ones stay in the order given.
fn ordered(th: &[(Option<String>, f64)], names: &[&str]) -> Vec<f64> {
    if th.iter().all(|(n, _)| n.is_some()) {
        names
            .iter()
            .map(|want| {
                th.iter()
                    .find(|(n, _)| n.as_deref() == Some(*want))
                    .unwrap_or_else(|| panic!("threshold {want} missing"))
                    .1
            })
            .collect()
    } else {
        th.iter().map(|(_, v)| *v).collect()
    }
}

fn flag(args: &BTreeMap<String, String>, key: &str, default: bool) -> bool {
    match args.get(key).map(String::as_str) {
        None => default,
        Some("TRUE") => true,
        Some("FALSE") => false,
        Some(other) => panic!("{key} = {other}"),
    }
}

fn num(args: &BTreeMap<String, String>, key: &str, default: f64) -> f64 {
    args.get(key)
        .map(|v| v.parse().expect("number"))
        .unwrap_or(default)
}

/// Runs the call with this crate.
fn run(call: &Call, x: &[f64]) -> Vec<f64> {
    let a = &call.args;
    let known = [
        "type",
        "method",
        "thresholds",
        "logistic",
        "idm",
        "ecdf",
        "below",
        "above",
    ];
    for k in a.keys() {
        assert!(known.contains(&k.as_str()), "argument {k} not translated");
    }
    let th = a.get("thresholds").map(|t| parse_thresholds(t));
    let values: Vec<f64> = th.iter().flatten().map(|(_, v)| *v).collect();
    let out = match (
        a.get("type").map_or("fuzzy", String::as_str),
        a.get("method").map_or("direct", String::as_str),
    ) {
        ("crisp", _) => Crisp::new(values).and_then(|c| c.calibrate(x)),
        ("fuzzy", "indirect") => Indirect::new(values).and_then(|c| c.calibrate(x)),
        ("fuzzy", "TFR") => Tfr::new().calibrate(x),
        ("fuzzy", "direct") => {
            let th = th.expect("thresholds");
            let curve = if flag(a, "ecdf", false) {
                assert!(!flag(a, "logistic", true), "R ignores ecdf when logistic");
                Curve::Ecdf
            } else if flag(a, "logistic", true) {
                Curve::Logistic
            } else {
                Curve::Linear
            };
            let options = DirectOptions::new()
                .curve(curve)
                .idm(num(a, "idm", 0.95))
                .below(num(a, "below", 1.0))
                .above(num(a, "above", 1.0));
            match th.len() {
                3 => {
                    let t = ordered(&th, &["e", "c", "i"]);
                    Thresholds::new(t[0], t[1], t[2]).and_then(|t| options.calibrate(x, t))
                }
                6 => {
                    let t = ordered(&th, &["e1", "c1", "i1", "i2", "c2", "e2"]);
                    BellThresholds::new(t[0], t[1], t[2], t[3], t[4], t[5])
                        .and_then(|t| options.calibrate(x, t))
                }
                n => panic!("{n} thresholds"),
            }
        }
        (t, m) => panic!("type {t}, method {m}"),
    };
    out.unwrap_or_else(|e| panic!("calibration failed: {e}"))
        .to_vec()
}

/// Compares and returns the number of values checked.
fn compare(id: &str, ours: &[f64], theirs: &[f64]) -> usize {
    assert_eq!(ours.len(), theirs.len(), "{id}: lengths");
    for (k, (o, t)) in ours.iter().zip(theirs).enumerate() {
        assert!(
            (o - t).abs() <= TOL,
            "{id}, value {k}: ours {o:.15}, R {t:.15}, difference {:.3e}",
            (o - t).abs()
        );
    }
    ours.len()
}

#[test]
fn fixture_is_r_qca_3_25_1() {
    let f = fixture();
    assert_eq!(f["session"]["QCA_version"], "3.25.1");
    assert!(f["session"]["R_version"]
        .as_str()
        .is_some_and(|v| v.starts_with("R version 4.2.2")));
}

#[test]
fn every_calibrate_result_agrees_with_r_qca() {
    let f = fixture();
    let results = f["results"].as_array().expect("results");
    let mut checked = 0;
    let mut kinds = BTreeMap::new();
    for r in results {
        let id = r["id"].as_str().expect("id");
        let call = parse_call(r["call"].as_str().expect("call"));
        assert_eq!(call.input, r["input"].as_str().expect("input"), "{id}");
        let x = numbers(&f["inputs"][&call.input]);
        let ours = run(&call, &x);
        checked += compare(id, &ours, &numbers(&r["output"]));
        *kinds.entry(id.split('/').next().unwrap_or(id)).or_insert(0) += 1;
    }
    assert_eq!(kinds.len(), 21, "variants: {kinds:?}");
    assert_eq!(results.len(), 38);
    // 17 variants on `heights` (100) and on `grid` (141), three on `inc` (24), TFR on `categ` (100)
    assert_eq!(checked, 17 * 100 + 17 * 141 + 3 * 24 + 100);
    println!(
        "{checked} values in {} results agree to {TOL:e}",
        results.len()
    );
}

#[test]
fn lipset_raw_to_crisp_agrees_with_r_qca() {
    let f = fixture();
    let block = &f["lipset_raw_to_crisp"];
    let mut checked = 0;
    for c in block["calls"].as_array().expect("calls") {
        let text = c.as_str().expect("call");
        let (negated, rest) = match text.strip_prefix("1 - ") {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let call = parse_call(rest);
        let column = call.input.strip_prefix("LR$").expect("an LR column");
        let expected = if text.contains("# LM$DEV") {
            numbers(&block["LM_DEV"])
        } else {
            numbers(&block["crisp"][column])
        };
        let x = numbers(&block["raw"][column]);
        let mut ours = run(&call, &x);
        if negated {
            ours.iter_mut().for_each(|v| *v = 1.0 - *v);
        }
        checked += compare(text, &ours, &expected);
    }
    assert_eq!(checked, 7 * 18);
    assert_eq!(block["crisp_matches_LC"], true);
}
