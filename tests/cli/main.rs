//! Integration tests of the `fsqca` command-line tool: each subcommand is run as a process and
//! its JSON compared with direct library calls (exactly: JSON numbers round-trip f64) and with
//! the reference outputs of R 4.2.2, QCA 3.25.1 in `tests/fixtures/datasets` (to `R_TOL`). One
//! module per subcommand, one test binary; the shared helpers are here.
#![cfg(feature = "cli")]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use fsqca::calibration::{calibrate_column, Crisp, Curve, DirectOptions};
use fsqca::{Dataset, Expression, SortKey, Thresholds, TruthTable, TruthTableOptions};
use serde_json::Value;

#[path = "../common/bin.rs"]
mod bin;

mod calibrate;
mod cases;
mod chart;
mod cluster;
mod counterfactual;
mod diagnose;
mod errors;
mod fit;
mod minimize;
mod necessity;
mod output;
mod plot;
mod readme;
mod robustness;
mod robustness_test_set;
mod theory;
mod truth_table;
mod xyplot;

use bin::{khanal_robustness, Scratch};

/// Tolerance against R 4.2.2, QCA 3.25.1, which stores 15 significant digits in the fixtures.
const R_TOL: f64 = 1e-9;

const BIN: &str = env!("CARGO_BIN_EXE_fsqca");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> PathBuf {
    root().join("tests/fixtures/datasets")
}

fn khanal() -> String {
    root()
        .join("data/khanal/table2_raw.csv")
        .to_string_lossy()
        .into_owned()
}

fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .expect("fixture directory")
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "json")
                .then(|| p.file_stem().map(|s| s.to_string_lossy().into_owned()))?
        })
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no fixtures found");
    names
}

/// The multi-value conditions of the reference data sets, declared to the tool and the library.
const MULTI_VALUE: &[(&str, &str)] = &[("LM", "DEV")];

/// `--multi-value` for a reference data set, if it has multi-value conditions.
fn read_flags(name: &str) -> Vec<&'static str> {
    MULTI_VALUE
        .iter()
        .filter(|(n, _)| *n == name)
        .flat_map(|(_, columns)| ["--multi-value", *columns])
        .collect()
}

/// A reference data set, its multi-value conditions declared.
fn data_of(name: &str) -> Dataset {
    let columns: Vec<&str> = MULTI_VALUE
        .iter()
        .filter(|(n, _)| *n == name)
        .map(|(_, c)| *c)
        .collect();
    Dataset::from_path(csv_of(name))
        .and_then(|d| d.with_multi_value(&columns))
        .expect("data")
}

fn csv_of(name: &str) -> String {
    fixtures()
        .join(format!("{name}.csv"))
        .to_string_lossy()
        .into_owned()
}

fn json_of(name: &str) -> Value {
    let text = std::fs::read_to_string(fixtures().join(format!("{name}.json"))).expect("fixture");
    serde_json::from_str(&text).expect("fixture JSON")
}

/// Runs the tool with `args`, feeding `stdin` if given.
fn run_with(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env("RUST_BACKTRACE", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run fsqca");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(input).expect("write stdin");
    }
    child.wait_with_output().expect("fsqca output")
}

fn run(args: &[&str]) -> Output {
    run_with(args, None)
}

/// Runs the tool, expects success and nothing on standard error, and returns standard output.
fn run_ok(args: &[&str]) -> String {
    run_ok_with(args, None)
}

fn run_ok_with(args: &[&str], stdin: Option<&[u8]>) -> String {
    let out = run_with(args, stdin);
    assert!(
        out.status.success(),
        "fsqca {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "stderr not empty for {args:?}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn json(args: &[&str]) -> Value {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&run_ok(&all)).expect("JSON output")
}

fn num(v: &Value) -> Option<f64> {
    v.as_f64()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|s| s.as_str().expect("string").to_owned())
        .collect()
}

fn close(got: Option<f64>, want: Option<f64>, what: &str) {
    match (got, want) {
        (Some(a), Some(b)) => assert!((a - b).abs() <= R_TOL, "{what}: {a} vs reference {b}"),
        (None, None) => {}
        _ => panic!("{what}: {got:?} vs reference {want:?}"),
    }
}

/// The JSON of an `Option<f64>` metric is exactly the library's value: the tool prints the
/// shortest representation that round-trips, and the tests read it with serde_json's
/// `float_roundtrip` feature.
fn same(got: &Value, want: Option<f64>, what: &str) {
    match want {
        Some(w) => {
            let g = got
                .as_f64()
                .unwrap_or_else(|| panic!("{what}: {got} is not a number"));
            assert_eq!(g.to_bits(), w.to_bits(), "{what}: {g} vs library {w}");
        }
        None => assert!(got.is_null(), "{what}: {got} should be null"),
    }
}

fn outcome_of(tt: &Value) -> String {
    let o = tt["outcome"].as_str().expect("outcome");
    if tt["neg.out"].as_bool() == Some(true) {
        format!("~{o}")
    } else {
        o.to_owned()
    }
}

/// The command-line flags of R's truth table call.
fn flags_of(tt: &Value) -> Vec<String> {
    let cuts: Vec<String> = tt["incl.cut"]
        .as_array()
        .expect("incl.cut")
        .iter()
        .map(|v| v.as_f64().expect("cut").to_string())
        .collect();
    let conditions: Vec<&str> = tt["conditions"]
        .as_array()
        .expect("conditions")
        .iter()
        .map(|c| c.as_str().expect("condition"))
        .collect();
    vec![
        "--outcome".into(),
        outcome_of(tt),
        "--conditions".into(),
        conditions.join(","),
        "--incl-cut".into(),
        cuts.join(","),
        "--n-cut".into(),
        tt["n.cut"].as_u64().expect("n.cut").to_string(),
        "--pri-cut".into(),
        tt["pri.cut"].as_f64().expect("pri.cut").to_string(),
    ]
}

fn options_of(tt: &Value) -> TruthTableOptions {
    let cuts: Vec<f64> = tt["incl.cut"]
        .as_array()
        .expect("incl.cut")
        .iter()
        .filter_map(Value::as_f64)
        .collect();
    let options = match cuts.as_slice() {
        [ic1, ic0] => TruthTableOptions::default().incl_cutoffs(*ic1, *ic0),
        [ic1] => TruthTableOptions::default().incl_cutoff(*ic1),
        _ => TruthTableOptions::default(),
    };
    options
        .n_cutoff(tt["n.cut"].as_u64().expect("n.cut") as usize)
        .pri_cutoff(tt["pri.cut"].as_f64().expect("pri.cut"))
}

fn conditions_of(tt: &Value) -> Vec<String> {
    strings(&tt["conditions"])
}

/// The tool's truth table JSON equals the library's table field by field.
fn assert_table_json(got: &Value, tt: &TruthTable) {
    assert_eq!(got["outcome"], tt.outcome_label());
    assert_eq!(strings(&got["conditions"]), tt.conditions());
    assert_eq!(
        strings(&got["half_membership_cases"]),
        tt.half_membership_cases()
    );
    let rows = got["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), tt.rows().len());
    for (g, r) in rows.iter().zip(tt.rows()) {
        let what = format!("row {}", r.id());
        assert_eq!(g["id"].as_u64(), Some(r.id()), "{what}");
        let values: Vec<u8> = g["values"]
            .as_array()
            .expect("values")
            .iter()
            .map(|v| u8::try_from(v.as_u64().expect("integer value")).expect("u8"))
            .collect();
        assert_eq!(values, r.values(), "{what}");
        assert_eq!(g["out"], r.out().symbol(), "{what}");
        assert_eq!(g["n"].as_u64(), Some(r.n() as u64), "{what}");
        same(&g["incl"], r.incl(), &what);
        same(&g["pri"], r.pri(), &what);
        assert_eq!(strings(&g["cases"]), r.cases(), "{what}");
        assert_eq!(strings(&g["deviant_cases"]), r.deviant_cases(), "{what}");
    }
}

/// Runs the tool with bad input: a non-zero exit, `fsqca: error:` and the expected words on the
/// first line of standard error, `lines` lines in all, nothing on standard output, no panic.
fn fails(args: &[&str], stdin: Option<&[u8]>, words: &[&str], lines: usize) -> String {
    let out = run_with(args, stdin);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "fsqca {args:?} succeeded");
    assert!(
        out.stdout.is_empty(),
        "stdout for {args:?}: {:?}",
        out.stdout
    );
    assert!(
        !err.contains("panicked")
            && !err.contains("RUST_BACKTRACE")
            && !err.contains("stack backtrace"),
        "{err}"
    );
    assert_eq!(err.lines().count(), lines, "{args:?}: {err}");
    let first = err.lines().next().unwrap_or("");
    assert!(first.starts_with("fsqca: error: "), "{first}");
    for w in words {
        assert!(first.contains(w), "{args:?}: `{w}` not in `{first}`");
    }
    first.to_owned()
}

fn exit_code(args: &[&str]) -> Option<i32> {
    run(args).status.code()
}

/// `minimize` on LF (the report's `$C5 --incl-cut 0.8`) with `extra` flags.
fn lf_minimize(extra: &[&str]) -> Vec<String> {
    on_lf_table("minimize", extra)
}

/// `truth-table` of LF, the table that [`lf_minimize`] minimizes, with `extra` flags.
fn lf_truth_table(extra: &[&str]) -> Vec<String> {
    on_lf_table("truth-table", extra)
}

fn on_lf_table(command: &str, extra: &[&str]) -> Vec<String> {
    let csv = csv_of("LF");
    [
        command,
        &csv,
        "-o",
        "SURV",
        "-c",
        "DEV,URB,LIT,IND,STB",
        "--incl-cut",
        "0.8",
    ]
    .iter()
    .chain(extra)
    .map(|s| s.to_string())
    .collect()
}

/// `calibrate` of the Khanal data's GDP per capita (6000, 12000, 20000) with `extra` flags.
fn khanal_calibrate(extra: &[&str]) -> Vec<String> {
    [
        "calibrate",
        &khanal(),
        "--column",
        "gdppc",
        "--thresholds",
        "6000,12000,20000",
    ]
    .iter()
    .chain(extra)
    .map(|s| s.to_string())
    .collect()
}

/// The arguments as `&str`.
fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

/// A bad command line (exit 2) with one error line holding `words`.
fn usage_error(args: &[String], words: &[&str]) {
    let refs = strs(args);
    fails(&refs, None, words, 1);
    assert_eq!(exit_code(&refs), Some(2), "{args:?}");
}
