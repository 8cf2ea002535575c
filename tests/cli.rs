//! Integration tests of the `fsqca` command-line tool: each subcommand is run as a process and
//! its JSON compared with direct library calls (exactly: JSON numbers round-trip f64) and with
//! the reference outputs of R 4.2.2, QCA 3.25.1 in `tests/fixtures/datasets` (to `R_TOL`).
#![cfg(feature = "cli")]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use fsqca::calibration::{calibrate_column, Crisp, Curve, DirectOptions};
use fsqca::{fit, Dataset, Expression, SortKey, Thresholds, TruthTable, TruthTableOptions};
use serde_json::Value;

/// Tolerance against R 4.2.2, QCA 3.25.1, which stores 15 significant digits in the fixtures.
const R_TOL: f64 = 1e-9;

const BIN: &str = env!("CARGO_BIN_EXE_fsqca");

#[path = "common/bin.rs"]
mod bin;

use bin::khanal_robustness;

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

/// Runs the tool, expects success and returns standard output.
fn ok(args: &[&str]) -> String {
    ok_with(args, None)
}

fn ok_with(args: &[&str], stdin: Option<&[u8]>) -> String {
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
    serde_json::from_str(&ok(&all)).expect("JSON output")
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

/// Values read back from JSON equal the library's exactly (see [`same`]).
fn same_values(got: &[f64], want: &[f64], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}");
    for (g, w) in got.iter().zip(want) {
        same(&Value::from(*g), Some(*w), what);
    }
}

/// Every truth table of a reference file with the outcome as the tool takes it.
fn reference_tables(fx: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for part in ["main", "negated_outcome"] {
        if let Some(tt) = fx.get(part).and_then(|p| p.get("truth_table")) {
            out.push((part.to_owned(), tt.clone()));
        }
    }
    if let Some(extra) = fx.get("extra_truth_tables").and_then(Value::as_object) {
        for (k, v) in extra {
            out.push((k.clone(), v.clone()));
        }
    }
    out
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

// ---------------------------------------------------------------- truth-table

#[test]
fn truth_table_matches_r_reference_and_library_on_every_fixture() {
    let mut checked = 0;
    for name in fixture_names() {
        let fx = json_of(&name);
        let csv = csv_of(&name);
        let data = data_of(&name);
        for (label, tt) in reference_tables(&fx) {
            let flags = flags_of(&tt);
            let mut args: Vec<&str> = vec!["truth-table", &csv];
            args.extend(flags.iter().map(String::as_str));
            args.extend(read_flags(&name));
            let got = json(&args);
            let lib = options_of(&tt)
                .build(&data, outcome_of(&tt), &conditions_of(&tt))
                .expect("library truth table");
            assert_table_json(&got, &lib);
            let rows = got["rows"].as_array().expect("rows");
            let conditions = conditions_of(&tt);
            for reference in tt["observed_rows_sorted"].as_array().expect("rows") {
                if reference["n"].as_u64() == Some(0) {
                    continue; // R lists configurations touched only by 0.5 memberships
                }
                let id = reference["id"].as_u64().expect("id");
                let what = format!("{name} {label} row {id}");
                let row = rows
                    .iter()
                    .find(|r| r["id"].as_u64() == Some(id))
                    .unwrap_or_else(|| panic!("{what} missing"));
                let values: Vec<u64> = conditions
                    .iter()
                    .map(|c| reference[c.as_str()].as_u64().expect("value"))
                    .collect();
                let got_values: Vec<u64> = row["values"]
                    .as_array()
                    .expect("values")
                    .iter()
                    .map(|v| v.as_u64().expect("value"))
                    .collect();
                assert_eq!(got_values, values, "{what}");
                assert_eq!(row["out"], reference["OUT"], "{what}");
                assert_eq!(row["n"], reference["n"], "{what}");
                close(num(&row["incl"]), num(&reference["incl"]), &what);
                close(num(&row["pri"]), num(&reference["PRI"]), &what);
                let cases: Vec<String> = reference["cases"]
                    .as_str()
                    .expect("cases")
                    .split(',')
                    .map(str::to_owned)
                    .collect();
                assert_eq!(strings(&row["cases"]), cases, "{what}");
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "only {checked} reference rows checked");
}

#[test]
fn truth_table_flags_reach_the_library() {
    let csv = csv_of("CVF");
    let conditions = ["DEMOC", "ETHFRACT", "GEOCON", "POLDIS", "NATPRIDE"];
    let data = Dataset::from_path(&csv).expect("data");
    let got = json(&[
        "truth-table",
        &csv,
        "--outcome",
        "~PROTEST",
        "--conditions",
        "DEMOC, ETHFRACT,GEOCON,POLDIS,NATPRIDE",
        "--incl-cut",
        "0.8,0.7",
        "--n-cut",
        "2",
        "--pri-cut",
        "0.1",
        "--sort",
        "incl,n",
        "--complete",
    ]);
    let lib = TruthTableOptions::default()
        .incl_cutoffs(0.8, 0.7)
        .n_cutoff(2)
        .pri_cutoff(0.1)
        .sort_by([SortKey::Incl, SortKey::N])
        .complete(true)
        .build(&data, "~PROTEST", &conditions)
        .expect("library");
    assert_eq!(lib.rows().len(), 32);
    assert_table_json(&got, &lib);
}

#[test]
fn truth_table_half_memberships_and_text_output() {
    let csv = csv_of("d.napoleon");
    let conditions = ["D", "C", "F", "I", "L", "N", "A"];
    let data = Dataset::from_path(&csv).expect("data");
    let lib = TruthTableOptions::default()
        .incl_cutoff(0.8)
        .build(&data, "O", &conditions)
        .expect("library");
    assert!(!lib.half_membership_cases().is_empty());
    let args = [
        "truth-table",
        &csv,
        "-o",
        "O",
        "-c",
        "D,C,F,I,L,N,A",
        "--incl-cut",
        "0.8",
    ];
    assert_table_json(&json(&args), &lib);
    assert_eq!(ok(&args), lib.to_string());
}

#[test]
fn truth_table_drop_missing() {
    let input = b"case,A,B,Y\nx,0.9,0.2,1\ny,,0.8,0\nz,0.1,0.7,0.2\n";
    let out = run_with(&["truth-table", "-", "-o", "Y", "-c", "A,B"], Some(input));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing values") && err.contains('y'), "{err}");
    let got: Value = serde_json::from_str(&ok_with(
        &[
            "truth-table",
            "-",
            "-o",
            "Y",
            "-c",
            "A,B",
            "--drop-missing",
            "--format",
            "json",
        ],
        Some(input),
    ))
    .expect("JSON");
    let data = Dataset::from_reader(&input[..]).expect("data");
    let lib = TruthTableOptions::default()
        .drop_missing(true)
        .build(&data, "Y", &["A", "B"])
        .expect("library");
    assert_table_json(&got, &lib);
}

#[test]
fn data_from_standard_input_equals_file() {
    let csv = csv_of("LF");
    let bytes = std::fs::read(&csv).expect("read");
    let args = |d: &'static str| {
        vec![
            "truth-table",
            d,
            "--outcome",
            "SURV",
            "--conditions",
            "DEV,URB,LIT,IND,STB",
            "--incl-cut",
            "0.8",
            "--format",
            "json",
        ]
    };
    let from_file = {
        let mut a = args("FILE");
        a[1] = &csv;
        ok(&a)
    };
    assert_eq!(ok_with(&args("-"), Some(&bytes)), from_file);
}

// ---------------------------------------------------------------- necessity

#[test]
fn necessity_matches_r_reference_and_library_on_every_fixture() {
    let mut checked = 0;
    for name in fixture_names() {
        let fx = json_of(&name);
        let csv = csv_of(&name);
        let data = data_of(&name);
        let tt = &fx["main"]["truth_table"];
        let outcome = tt["outcome"].as_str().expect("outcome");
        let conditions = conditions_of(tt);
        let joined = conditions.join(",");
        let mut args = vec![
            "necessity",
            &csv,
            "--outcome",
            outcome,
            "--conditions",
            &joined,
        ];
        args.extend(read_flags(&name));
        let got = json(&args);
        assert_eq!(got["outcome"], outcome);
        let rows = got["rows"].as_array().expect("rows");
        let lib = fit::necessity_table(&data, outcome, &conditions).expect("library");
        assert_eq!(rows.len(), lib.len(), "{name}");
        for (g, l) in rows.iter().zip(&lib) {
            assert_eq!(g["expression"], l.expression.to_string());
            same(&g["incl"], l.necessity.incl, &name);
            same(&g["ron"], l.necessity.ron, &name);
            same(&g["cov"], l.necessity.cov, &name);
        }
        for reference in fx["necessity"]["rows"].as_array().expect("rows") {
            let condition = reference["condition"].as_str().expect("condition");
            let base = condition
                .trim_start_matches('~')
                .split('[')
                .next()
                .unwrap_or("");
            if !conditions.iter().any(|c| c == base) {
                continue;
            }
            let what = format!("{name} necessity {condition}");
            let row = rows
                .iter()
                .find(|r| r["expression"] == condition)
                .unwrap_or_else(|| panic!("{what} missing"));
            close(num(&row["incl"]), num(&reference["inclN"]), &what);
            close(num(&row["ron"]), num(&reference["RoN"]), &what);
            close(num(&row["cov"]), num(&reference["covN"]), &what);
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} reference rows checked");
}

#[test]
fn necessity_defaults_to_every_other_column_and_takes_a_negated_outcome() {
    let csv = csv_of("LF");
    let data = Dataset::from_path(&csv).expect("data");
    let got = json(&["necessity", &csv, "--outcome", "~SURV"]);
    assert_eq!(got["outcome"], "~SURV");
    let lib = fit::necessity_table(&data, "~SURV", &["DEV", "URB", "LIT", "IND", "STB"])
        .expect("library");
    let rows = got["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 10);
    for (g, l) in rows.iter().zip(&lib) {
        assert_eq!(g["expression"], l.expression.to_string());
        same(&g["incl"], l.necessity.incl, "incl");
        same(&g["ron"], l.necessity.ron, "ron");
        same(&g["cov"], l.necessity.cov, "cov");
    }
    let text = ok(&["necessity", &csv, "--outcome", "SURV"]);
    assert!(text.contains("inclN") && text.contains("~STB"), "{text}");
    assert!(text.contains("0.831"), "3 decimals: {text}");
}

#[test]
fn necessity_of_multi_value_conditions_has_one_row_per_level() {
    let csv = csv_of("LM");
    let got = json(&[
        "necessity",
        &csv,
        "-o",
        "SURV",
        "-c",
        "DEV,URB",
        "--multi-value",
        "DEV",
    ]);
    let names: Vec<&str> = got["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["expression"].as_str().expect("expression"))
        .collect();
    assert_eq!(names, ["DEV[0]", "DEV[1]", "DEV[2]", "URB", "~URB"]);
}

// ---------------------------------------------------------------- fit

#[test]
fn fit_matches_r_models_and_library() {
    let mut checked = 0;
    for name in fixture_names() {
        let fx = json_of(&name);
        let csv = csv_of(&name);
        let data = data_of(&name);
        let outcome = outcome_of(&fx["main"]["truth_table"]);
        for kind in ["conservative", "parsimonious"] {
            let Some(solution) = fx["main"].get(kind) else {
                continue;
            };
            let models = solution["models"].as_array().expect("models");
            for model in models {
                let expr = model["expression"].as_str().expect("expression");
                let what = format!("{name} {kind} {expr}");
                let mut args = vec!["fit", &csv, "--outcome", &outcome, "--expression", expr];
                args.extend(read_flags(&name));
                let got = json(&args);
                let parsed: Expression = expr.parse().expect("expression");
                let lib = fit::solution(parsed.disjuncts(), &data, outcome.as_str())
                    .expect("library fit");
                assert_eq!(got["relation"], "sufficiency");
                assert_eq!(got["solution"]["expression"], parsed.to_string());
                same(&got["solution"]["incl"], lib.solution.incl, &what);
                same(&got["solution"]["pri"], lib.solution.pri, &what);
                same(&got["solution"]["cov"], lib.solution.cov, &what);
                let terms = got["terms"].as_array().expect("terms");
                assert_eq!(terms.len(), lib.terms.len());
                for (g, l) in terms.iter().zip(&lib.terms) {
                    assert_eq!(g["expression"], l.expression.to_string());
                    same(&g["incl"], l.incl, &what);
                    same(&g["pri"], l.pri, &what);
                    same(&g["cov"], l.cov, &what);
                    same(&g["cov_unique"], l.cov_unique, &what);
                }
                close(num(&got["solution"]["incl"]), num(&model["inclS"]), &what);
                close(num(&got["solution"]["pri"]), num(&model["PRI"]), &what);
                close(num(&got["solution"]["cov"]), num(&model["covS"]), &what);
                if models.len() == 1 {
                    // With a single model, R's covU is the unique coverage within it.
                    for reference in solution["terms"].as_array().expect("terms") {
                        let term: Expression = reference["term"]
                            .as_str()
                            .expect("term")
                            .parse()
                            .expect("term");
                        let Some(g) = terms.iter().find(|g| g["expression"] == term.to_string())
                        else {
                            continue;
                        };
                        close(num(&g["incl"]), num(&reference["inclS"]), &what);
                        close(num(&g["pri"]), num(&reference["PRI"]), &what);
                        close(num(&g["cov"]), num(&reference["covS"]), &what);
                        // R leaves covU undefined for a one-term solution; the library
                        // gives the term's coverage, all of which is unique.
                        if !reference["covU"].is_null() {
                            close(num(&g["cov_unique"]), num(&reference["covU"]), &what);
                        }
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 6, "only {checked} models checked");
}

#[test]
fn fit_necessity_relation_agrees_with_library() {
    let csv = csv_of("LF");
    let data = Dataset::from_path(&csv).expect("data");
    let got = json(&[
        "fit",
        &csv,
        "-o",
        "SURV",
        "-e",
        "LIT + STB*~URB",
        "--relation",
        "necessity",
    ]);
    assert_eq!(got["relation"], "necessity");
    let whole: Expression = "LIT + STB*~URB".parse().expect("expression");
    let n = fit::necessity_of(&whole, &data, "SURV").expect("library");
    assert_eq!(got["solution"]["expression"], "LIT + STB*~URB");
    same(&got["solution"]["incl"], n.incl, "incl");
    same(&got["solution"]["ron"], n.ron, "ron");
    same(&got["solution"]["cov"], n.cov, "cov");
    let terms = got["terms"].as_array().expect("terms");
    assert_eq!(terms.len(), 2);
    for (g, term) in terms.iter().zip(whole.disjuncts()) {
        let n = fit::necessity_of(term, &data, "SURV").expect("library");
        assert_eq!(g["expression"], term.to_string());
        same(&g["incl"], n.incl, "incl");
        same(&g["ron"], n.ron, "ron");
        same(&g["cov"], n.cov, "cov");
        assert!(g.get("pri").is_none());
    }
    let text = ok(&["fit", &csv, "-o", "SURV", "-e", "LIT + STB*~URB"]);
    assert!(text.contains("covU") && text.contains("STB*~URB"), "{text}");
}

#[test]
fn fit_reports_undefined_measures_as_null() {
    let input = b"case,A,Y\nx,0,0.3\ny,0,0.9\n";
    let got: Value = serde_json::from_str(&ok_with(
        &["fit", "-", "-o", "Y", "-e", "A", "--format", "json"],
        Some(input),
    ))
    .expect("JSON");
    assert!(got["solution"]["incl"].is_null());
    assert!(got["terms"][0]["incl"].is_null());
    let text = ok_with(&["fit", "-", "-o", "Y", "-e", "A"], Some(input));
    assert!(text.contains(" -"), "{text}");
}

// ---------------------------------------------------------------- calibrate

fn khanal_data() -> Dataset {
    Dataset::from_path(khanal()).expect("Khanal data")
}

fn calibrate_json(args: &[&str]) -> (String, Vec<String>, Vec<f64>) {
    let got = json(args);
    let values = got["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| v.as_f64().expect("number"))
        .collect();
    (
        got["column"].as_str().expect("column").to_owned(),
        strings(&got["cases"]),
        values,
    )
}

#[test]
fn calibrate_direct_on_khanal_agrees_with_library() {
    let k = khanal();
    let data = khanal_data();
    let th = Thresholds::new(6000.0, 12000.0, 20000.0).expect("thresholds");
    let want = DirectOptions::new()
        .calibrate(data.column("gdppc").expect("gdppc"), th)
        .expect("calibration");
    let (column, cases, values) = calibrate_json(&[
        "calibrate",
        &k,
        "--column",
        "gdppc",
        "--thresholds",
        "6000,12000,20000",
    ]);
    assert_eq!(column, "gdppc_cal");
    assert_eq!(cases, data.cases());
    same_values(&values, &want.to_vec(), "calibrated");

    // Decreasing (ranks: 1 is best), named, idm.
    let th = Thresholds::new(25.0, 14.5, 6.0).expect("thresholds");
    let want = DirectOptions::new()
        .idm(0.99)
        .calibrate(data.column("enterprise_rank").expect("column"), th)
        .expect("calibration");
    let (column, _, values) = calibrate_json(&[
        "calibrate",
        &k,
        "--column",
        "enterprise_rank",
        "--thresholds",
        "25,14.5,6",
        "--idm",
        "0.99",
        "--name",
        "E",
    ]);
    assert_eq!(column, "E");
    same_values(&values, &want.to_vec(), "calibrated");
    assert!(values[1] > 0.99, "Beijing, rank 1, is in");
}

#[test]
fn calibrate_linear_ecdf_and_crisp_agree_with_library() {
    let k = khanal();
    let data = khanal_data();
    let x = data.column("policy_intensity").expect("column");
    let th = Thresholds::new(2.0, 12.5, 25.0).expect("thresholds");
    let linear = DirectOptions::new()
        .curve(Curve::Linear)
        .below(2.0)
        .calibrate(x, th)
        .expect("linear");
    let (_, _, got) = calibrate_json(&[
        "calibrate",
        &k,
        "--column",
        "policy_intensity",
        "--thresholds",
        "2,12.5,25",
        "--linear",
        "--below",
        "2",
    ]);
    same_values(&got, &linear.to_vec(), "linear");
    let ecdf = DirectOptions::new()
        .curve(Curve::Ecdf)
        .calibrate(x, th)
        .expect("ecdf");
    let (_, _, got) = calibrate_json(&[
        "calibrate",
        &k,
        "--column",
        "policy_intensity",
        "--thresholds",
        "2,12.5,25",
        "--ecdf",
    ]);
    same_values(&got, &ecdf.to_vec(), "ecdf");
    let crisp = Crisp::new([3.0, 5.0])
        .expect("crisp")
        .calibrate(data.column("instrument_breadth").expect("column"))
        .expect("crisp");
    let (_, _, got) = calibrate_json(&[
        "calibrate",
        &k,
        "--column",
        "instrument_breadth",
        "--thresholds",
        "3,5",
        "--crisp",
    ]);
    assert_eq!(got, crisp.to_vec());
}

#[test]
fn calibrate_csv_output_reads_back_as_the_library_data_set() {
    let k = khanal();
    let data = khanal_data();
    let th = Thresholds::new(6000.0, 12000.0, 20000.0).expect("thresholds");
    let want = calibrate_column(&data, "gdppc", "G", |x| {
        DirectOptions::new().calibrate(x, th)
    })
    .expect("library");
    let csv = ok(&[
        "calibrate",
        &k,
        "--column",
        "gdppc",
        "--thresholds",
        "6000,12000,20000",
        "--name",
        "G",
    ]);
    assert!(csv.starts_with("case,enterprise_rank,"), "{csv}");
    let back = Dataset::from_reader(csv.as_bytes()).expect("CSV output reads back");
    assert_eq!(back.names(), want.names());
    assert_eq!(back.cases(), want.cases());
    assert_eq!(
        back.missing(),
        want.missing(),
        "missing values (diffusion_days) survive"
    );
    for name in want.names() {
        assert_eq!(
            back.column_text(name).expect("column"),
            want.column_text(name).expect("column"),
            "column {name} survives"
        );
    }
    let text = ok(&[
        "calibrate",
        &k,
        "--column",
        "gdppc",
        "--thresholds",
        "6000,12000,20000",
        "--format",
        "text",
    ]);
    assert!(
        text.contains("gdppc_cal") && text.contains("Beijing"),
        "{text}"
    );
}

/// The Khanal et al. pipeline on the raw Table 2: four conditions calibrated on ranks through
/// pipes, then the truth table of diffusion, compared with the same steps in the library.
#[test]
fn khanal_pipeline_through_standard_input() {
    let k = khanal();
    let steps: [(&str, &str, &str); 3] = [
        ("enterprise_rank", "25,14.5,6", "E"),
        ("university_rank", "25,14.5,6", "U"),
        ("power_rank", "25,14.5,6", "P"),
    ];
    let mut csv = ok(&[
        "calibrate",
        &k,
        "--column",
        "gdppc",
        "--thresholds",
        "6000,12000,20000",
        "--name",
        "G",
    ]);
    let mut data = khanal_data();
    let th = Thresholds::new(6000.0, 12000.0, 20000.0).expect("thresholds");
    data = calibrate_column(&data, "gdppc", "G", |x| {
        DirectOptions::new().calibrate(x, th)
    })
    .expect("G");
    for (column, thresholds, name) in steps {
        csv = ok_with(
            &[
                "calibrate",
                "-",
                "--column",
                column,
                "--thresholds",
                thresholds,
                "--name",
                name,
            ],
            Some(csv.as_bytes()),
        );
        let th = Thresholds::new(25.0, 14.5, 6.0).expect("thresholds");
        data = calibrate_column(&data, column, name, |x| {
            DirectOptions::new().calibrate(x, th)
        })
        .expect("calibration");
    }
    let got: Value = serde_json::from_str(&ok_with(
        &[
            "truth-table",
            "-",
            "--outcome",
            "diffusion",
            "--conditions",
            "E,U,G,P",
            "--incl-cut",
            "0.85",
            "--sort",
            "incl",
            "--format",
            "json",
        ],
        Some(csv.as_bytes()),
    ))
    .expect("JSON");
    let lib = TruthTableOptions::default()
        .incl_cutoff(0.85)
        .sort_by([SortKey::Incl])
        .build(&data, "diffusion", &["E", "U", "G", "P"])
        .expect("library");
    assert_table_json(&got, &lib);
    let nec: Value = serde_json::from_str(&ok_with(
        &[
            "necessity",
            "-",
            "-o",
            "diffusion",
            "-c",
            "E,U,G,P",
            "--format",
            "json",
        ],
        Some(csv.as_bytes()),
    ))
    .expect("JSON");
    let lib = fit::necessity_table(&data, "diffusion", &["E", "U", "G", "P"]).expect("library");
    let rows = nec["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), lib.len());
    for (g, l) in rows.iter().zip(&lib) {
        assert_eq!(g["expression"], l.expression.to_string());
        same(&g["incl"], l.necessity.incl, "incl");
        same(&g["ron"], l.necessity.ron, "ron");
        same(&g["cov"], l.necessity.cov, "cov");
    }
}

// ---------------------------------------------------------------- help

#[test]
fn help_explains_every_command_with_examples() {
    let main = ok(&["--help"]);
    for cmd in ["calibrate", "necessity", "fit", "truth-table", "minimize"] {
        assert!(main.contains(cmd), "{cmd} missing from --help");
        let help = ok(&[cmd, "--help"]);
        assert!(help.contains("Examples:"), "{cmd} --help has no example");
        assert!(help.contains("--format"), "{cmd} --help lacks --format");
    }
    let tt = ok(&["truth-table", "--help"]);
    for flag in [
        "--outcome",
        "--conditions",
        "--incl-cut",
        "--n-cut",
        "--pri-cut",
        "--complete",
        "--sort",
        "--drop-missing",
    ] {
        assert!(tt.contains(flag), "truth-table --help lacks {flag}");
    }
    let min = ok(&["minimize", "--help"]);
    for flag in [
        "--solution",
        "--dir-exp",
        "--exclude",
        "--row-dom",
        "--max-models",
        "--max-nodes",
        "--max-prime-implicants",
    ] {
        assert!(min.contains(flag), "minimize --help lacks {flag}");
    }
}

// ---------------------------------------------------------------- bad input

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

#[test]
fn error_missing_file() {
    fails(
        &["truth-table", "/nonexistent/data.csv", "-o", "Y", "-c", "A"],
        None,
        &["/nonexistent/data.csv"],
        1,
    );
    assert_eq!(
        exit_code(&["necessity", "/nonexistent/data.csv", "-o", "Y"]),
        Some(1)
    );
}

#[test]
fn error_unknown_column() {
    let csv = csv_of("LF");
    for args in [
        vec!["truth-table", &csv, "-o", "SURV", "-c", "DEV,NOPE"],
        vec!["necessity", &csv, "-o", "NOPE"],
        vec!["fit", &csv, "-o", "SURV", "-e", "DEV*NOPE"],
        vec![
            "calibrate",
            &csv,
            "--column",
            "NOPE",
            "--thresholds",
            "1,2,3",
        ],
    ] {
        fails(&args, None, &["unknown column", "NOPE", "LF.csv"], 1);
    }
}

#[test]
fn error_non_numeric_cell() {
    let input = b"case,A,B,Y\nx,0.2,0.9,1\ny,0.4,abc,0\n";
    fails(
        &["truth-table", "-", "-o", "Y", "-c", "A,B"],
        Some(input),
        &["<stdin>", "line 3", "`B`", "abc"],
        1,
    );
}

#[test]
fn error_membership_outside_the_unit_interval() {
    let input = b"case,A,B,Y\nx,0.2,0.9,1\ny,1.7,0.1,0\n";
    for args in [
        vec!["truth-table", "-", "-o", "Y", "-c", "A,B"],
        vec!["necessity", "-", "-o", "Y"],
        vec!["fit", "-", "-o", "Y", "-e", "A*B"],
    ] {
        fails(&args, Some(input), &["`A`", "`y`", "1.7"], 1);
    }
}

#[test]
fn error_thresholds() {
    let k = khanal();
    // Neither increasing nor decreasing.
    fails(
        &[
            "calibrate",
            &k,
            "--column",
            "gdppc",
            "--thresholds",
            "12000,6000,20000",
        ],
        None,
        &["--thresholds", "12000"],
        1,
    );
    // Crisp thresholds must increase.
    fails(
        &[
            "calibrate",
            &k,
            "--column",
            "gdppc",
            "--thresholds",
            "20000,6000",
            "--crisp",
        ],
        None,
        &["--thresholds", "not greater"],
        1,
    );
    // The direct method takes three.
    fails(
        &[
            "calibrate",
            &k,
            "--column",
            "gdppc",
            "--thresholds",
            "6000,20000",
        ],
        None,
        &["--thresholds", "exactly 3"],
        1,
    );
    fails(
        &[
            "calibrate",
            &k,
            "--column",
            "gdppc",
            "--thresholds",
            "6000,x,20000",
        ],
        None,
        &["--thresholds", "'x'"],
        1,
    );
    fails(
        &[
            "calibrate",
            &k,
            "--column",
            "gdppc",
            "--thresholds",
            "6000,12000,20000",
            "--idm",
            "0.4",
        ],
        None,
        &["--idm", "0.4"],
        1,
    );
    assert_eq!(
        exit_code(&[
            "calibrate",
            &k,
            "--column",
            "gdppc",
            "--thresholds",
            "3,2,9"
        ]),
        Some(2)
    );
}

#[test]
fn error_calibrating_a_column_with_missing_values() {
    fails(
        &[
            "calibrate",
            &khanal(),
            "--column",
            "diffusion_days",
            "--thresholds",
            "23,13.5,3",
        ],
        None,
        &["diffusion_days", "missing", "Hainan"],
        1,
    );
}

#[test]
fn error_expression_shows_a_caret() {
    let csv = csv_of("LF");
    let first = fails(
        &["fit", &csv, "-o", "SURV", "-e", "DEV*~URB + "],
        None,
        &["--expression", "position"],
        3,
    );
    assert!(first.contains("DEV*~URB"), "{first}");
    let out = run(&["fit", &csv, "-o", "SURV", "-e", "DEV*(URB + LIT"]);
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert_eq!(lines[1].trim_start(), "DEV*(URB + LIT");
    let caret = lines[2].find('^').expect("caret");
    let input = lines[1].find('D').expect("input");
    assert_eq!(
        caret - input,
        4,
        "the caret points at the unclosed `(`: {err}"
    );
}

#[test]
fn error_conflicting_and_bad_flags() {
    let k = khanal();
    let base = [
        "calibrate",
        k.as_str(),
        "--column",
        "gdppc",
        "--thresholds",
        "6000,12000,20000",
    ];
    let with = |extra: &[&'static str]| {
        let mut v: Vec<&str> = base.to_vec();
        v.extend_from_slice(extra);
        v
    };
    fails(
        &with(&["--crisp", "--linear"]),
        None,
        &["--crisp", "--linear"],
        1,
    );
    fails(
        &with(&["--crisp", "--idm", "0.9"]),
        None,
        &["--crisp", "--idm"],
        1,
    );
    fails(
        &with(&["--linear", "--idm", "0.9"]),
        None,
        &["--linear", "--idm"],
        1,
    );
    fails(&with(&["--below", "2"]), None, &["--below", "--linear"], 1);
    fails(&with(&["--above", "0", "--linear"]), None, &["--above"], 1);
    fails(&with(&["--format", "xml"]), None, &["--format", "xml"], 1);
    let csv = csv_of("LF");
    fails(
        &[
            "truth-table",
            &csv,
            "-o",
            "SURV",
            "-c",
            "DEV",
            "--incl-cut",
            "1.5",
        ],
        None,
        &["--incl-cut", "1.5"],
        1,
    );
    fails(
        &[
            "truth-table",
            &csv,
            "-o",
            "SURV",
            "-c",
            "DEV",
            "--incl-cut",
            "0.7,0.8",
        ],
        None,
        &["--incl-cut", "0.8"],
        1,
    );
    fails(
        &[
            "truth-table",
            &csv,
            "-o",
            "SURV",
            "-c",
            "DEV",
            "--incl-cut",
            "0.9,0.8,0.7",
        ],
        None,
        &["--incl-cut", "3"],
        1,
    );
    fails(
        &[
            "truth-table",
            &csv,
            "-o",
            "SURV",
            "-c",
            "DEV",
            "--n-cut",
            "0",
        ],
        None,
        &["--n-cut"],
        1,
    );
    fails(
        &[
            "truth-table",
            &csv,
            "-o",
            "SURV",
            "-c",
            "DEV",
            "--pri-cut",
            "-1",
        ],
        None,
        &["--pri-cut"],
        1,
    );
    fails(
        &["truth-table", &csv, "-o", "SURV"],
        None,
        &["--conditions"],
        1,
    );
    fails(
        &["truth-table", &csv, "-o", "SURV", "-c", "DEV,SURV"],
        None,
        &["SURV", "outcome"],
        1,
    );
    fails(
        &["fit", &csv, "-o", "SURV", "-e", "DEV", "--relation", "x"],
        None,
        &["--relation"],
        1,
    );
    fails(&["necessity", &csv, "-o", "~"], None, &["--outcome"], 1);
    fails(&["frobnicate"], None, &["frobnicate"], 1);
    let first = fails(&["fit", &csv, "-o", "SURV"], None, &["--expression"], 1);
    assert!(first.ends_with("(see `fsqca fit --help`)"), "{first}");
    assert_eq!(
        exit_code(&[
            "calibrate",
            &k,
            "--column",
            "gdppc",
            "--thresholds",
            "1,2,3",
            "--crisp",
            "--linear"
        ]),
        Some(2)
    );
}

/// `minimize` on every fixture, for each solution type R was asked for: the JSON models are the
/// library's, expression by expression and fit by fit (R agreement itself is checked in
/// `tests/solution_reference.rs` and by `../shared/tools/check_fixtures.py`).
#[test]
fn minimize_json_is_the_library_solution() {
    use fsqca::solution::{SolutionOptions, SolutionType};
    for (name, solution, dir_exp) in [
        ("LF", "conservative", None),
        ("LF", "parsimonious", None),
        ("LF", "intermediate", Some("DEV, STB, ~LIT*IND")),
        (
            "CVF",
            "intermediate",
            Some("DEMOC,ETHFRACT,GEOCON,POLDIS,~NATPRIDE"),
        ),
        ("LM", "intermediate", Some("DEV[1,2], URB[1],LIT[1],IND[1]")),
        ("Krook", "parsimonious", None),
    ] {
        let fx = json_of(name);
        let tt_ref = &fx["main"]["truth_table"];
        let conditions: Vec<String> = tt_ref["conditions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_string())
            .collect();
        let incl = tt_ref["incl.cut"][0].as_f64().unwrap();
        let csv = csv_of(name);
        let conds = conditions.join(",");
        let outcome = fx["outcome"].as_str().unwrap();
        let incl_text = incl.to_string();
        let mut args = vec![
            "minimize",
            &csv,
            "--outcome",
            outcome,
            "--conditions",
            &conds,
            "--incl-cut",
            &incl_text,
            "--solution",
            solution,
        ];
        if let Some(d) = dir_exp {
            args.extend(["--dir-exp", d]);
        }
        args.extend(read_flags(name));
        let got = json(&args);
        let data = data_of(name);
        let tt = TruthTableOptions::default()
            .incl_cutoff(incl)
            .build(&data, outcome, &conditions)
            .unwrap();
        let kind: SolutionType = solution.parse().unwrap();
        let mut options = SolutionOptions::new(kind);
        if let Some(d) = dir_exp {
            options = options.directional_expectations(d.parse().unwrap());
        }
        let want = options.solve(&tt).unwrap();
        let models = got["models"].as_array().unwrap();
        assert_eq!(models.len(), want.models().len(), "{name} {solution}");
        for (g, w) in models.iter().zip(want.models()) {
            assert_eq!(
                g["expression"],
                w.expression().to_string(),
                "{name} {solution}"
            );
            assert_eq!(num(&g["incl"]), w.fit().incl);
            assert_eq!(num(&g["cov"]), w.fit().cov);
            let terms = g["terms"].as_array().unwrap();
            assert_eq!(terms.len(), w.terms().len());
            for (gt, wt) in terms.iter().zip(w.terms()) {
                assert_eq!(gt["expression"], wt.expression().to_string());
                assert_eq!(num(&gt["cov_unique"]), wt.cov_unique());
                let cases: Vec<&str> = gt["cases"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_str().unwrap())
                    .collect();
                assert_eq!(cases, wt.cases());
            }
            let easy = g["easy_counterfactuals"].as_array().unwrap();
            assert_eq!(easy.len(), w.easy_counterfactuals().len());
        }
        assert_eq!(got["solution_type"], solution);
    }
    let text = ok(&[
        "minimize",
        &csv_of("LF"),
        "-o",
        "SURV",
        "-c",
        "DEV,URB,LIT,IND,STB",
        "--incl-cut",
        "0.8",
        "--solution",
        "parsimonious",
    ]);
    assert!(text.contains("DEV*~IND + URB*STB -> SURV"), "{text}");
}

/// `minimize` on LF (the report's `$C5 --incl-cut 0.8`) with `extra` flags.
fn lf_minimize(extra: &[&str]) -> Vec<String> {
    let csv = csv_of("LF");
    [
        "minimize",
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

#[test]
fn minimize_errors() {
    let csv = csv_of("LF");
    let with = lf_minimize;
    let cases: [(&[&str], &str); 5] = [
        (
            &["--solution", "intermediate", "--dir-exp", "DEV*"],
            "--dir-exp",
        ),
        (
            &["--solution", "intermediate", "--dir-exp", "DEV, XYZ"],
            "unknown condition `XYZ`",
        ),
        (
            &["--solution", "parsimonious", "--exclude", "99"],
            "excluded row 99",
        ),
        (
            &["--solution", "parsimonious", "--dir-exp", "DEV"],
            "--dir-exp",
        ),
        (&["--solution", "best"], "--solution"),
    ];
    for (extra, words) in cases {
        let args = with(extra);
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        fails(&refs, None, &[words], 1);
    }
    // A truth table with no positive row: a clear message, not a panic.
    fails(
        &[
            "minimize",
            &csv,
            "-o",
            "SURV",
            "-c",
            "DEV,URB",
            "--incl-cut",
            "1",
            "--solution",
            "conservative",
        ],
        None,
        &["no positive rows"],
        1,
    );
}

#[test]
fn minimize_refuses_options_that_would_silently_do_nothing() {
    let with = lf_minimize;
    // Intermediate without expectations was the conservative solution, without a word.
    usage_error(
        &with(&["--solution", "intermediate"]),
        &["--solution intermediate needs --dir-exp", "conservative"],
    );
    usage_error(
        &with(&["--solution", "intermediate", "--dir-exp", ""]),
        &["--dir-exp is empty"],
    );
    usage_error(
        &with(&["--solution", "intermediate", "--dir-exp", " "]),
        &["--dir-exp is empty"],
    );
    // Excluding from the conservative solution, which uses no remainder, did nothing.
    usage_error(
        &with(&["--solution", "conservative", "--exclude", "2"]),
        &["--exclude is only used by --solution parsimonious or intermediate"],
    );
    // Row 1 is negative (GR, PT, ES): it is never used, so excluding it did nothing.
    let args = with(&["--solution", "parsimonious", "--exclude", "1"]);
    let refs = strs(&args);
    fails(
        &refs,
        None,
        &["excluded row 1 is a negative row", "not a remainder"],
        1,
    );
    assert_eq!(exit_code(&refs), Some(1));
    // A remainder is still excluded.
    ok(&refs[..refs.len() - 1]
        .iter()
        .copied()
        .chain(["3"])
        .collect::<Vec<_>>());
    // robustness shares the solution flags.
    usage_error(
        &khanal_robustness(&["--solution", "intermediate"]),
        &["--solution intermediate needs --dir-exp"],
    );
    let v = json(&strs(&khanal_robustness(&[
        "--solution",
        "intermediate",
        "--dir-exp",
        "enterprise_rank,university_rank",
    ])));
    assert!(v["summary"]["variants"].as_u64().is_some_and(|n| n > 0));
}

/// A model as a set of terms, spaces removed (R prints `DEV[1]*URB`, as the tool does).
fn term_set(terms: &[String]) -> std::collections::BTreeSet<String> {
    terms.iter().map(|t| t.replace(' ', "")).collect()
}

/// `minimize --all-sol` (R QCA's `all.sol = TRUE`) on every fixture that has R's solution:
/// R's models, each as a set of terms, with R's fit to `R_TOL`, and exactly the library's
/// solution through `SolutionOptions::engine(EngineOptions::new().covers(Irredundant))`.
#[test]
fn minimize_all_sol_gives_r_all_sol_models() {
    use fsqca::minimize::{CoverSearch, EngineOptions};
    use fsqca::solution::{SolutionOptions, SolutionType};
    let mut checked = 0;
    let mut more_than_minimal = 0;
    for name in fixture_names() {
        let fx = json_of(name.as_str());
        for part in ["main", "negated_outcome"] {
            let Some(reference) = fx.get(part).and_then(|p| p.get("parsimonious_all_sol")) else {
                continue;
            };
            let tt_ref = &fx[part]["truth_table"];
            let csv = csv_of(&name);
            let mut args: Vec<String> = vec!["minimize".into(), csv];
            args.extend(flags_of(tt_ref));
            args.extend(["--solution", "parsimonious", "--all-sol"].map(String::from));
            args.extend(read_flags(&name).into_iter().map(String::from));
            let got = json(&strs(&args));
            let what = format!("{name} {part} all.sol");

            // R's models, as sets of terms, with their fit.
            let models = got["models"].as_array().expect("models");
            let r_models = reference["models"].as_array().expect("R's models");
            let ours: Vec<_> = models
                .iter()
                .map(|m| {
                    let terms: Vec<String> = m["terms"]
                        .as_array()
                        .expect("terms")
                        .iter()
                        .map(|t| t["expression"].as_str().expect("term").to_owned())
                        .collect();
                    term_set(&terms)
                })
                .collect();
            let theirs: Vec<_> = r_models
                .iter()
                .map(|m| term_set(&strings(&m["terms"])))
                .collect();
            let sorted = |mut v: Vec<std::collections::BTreeSet<String>>| {
                v.sort();
                v
            };
            assert_eq!(
                sorted(ours.clone()),
                sorted(theirs.clone()),
                "{what}: models"
            );
            for (m, key) in models.iter().zip(&ours) {
                let r = &r_models[theirs.iter().position(|t| t == key).expect("R's model")];
                close(
                    num(&m["incl"]),
                    num(&r["inclS"]),
                    &format!("{what} {key:?} inclS"),
                );
                close(
                    num(&m["pri"]),
                    num(&r["PRI"]),
                    &format!("{what} {key:?} PRI"),
                );
                close(
                    num(&m["cov"]),
                    num(&r["covS"]),
                    &format!("{what} {key:?} covS"),
                );
            }
            assert_eq!(got["minimum_proven"], Value::Bool(true), "{what}");
            assert!(got["warning"].is_null(), "{what}");

            // The library's solution, exactly.
            let tt = options_of(tt_ref)
                .build(&data_of(&name), outcome_of(tt_ref), &conditions_of(tt_ref))
                .expect("truth table");
            let want = SolutionOptions::new(SolutionType::Parsimonious)
                .engine(EngineOptions::new().covers(CoverSearch::Irredundant))
                .solve(&tt)
                .expect("solution");
            assert_eq!(models.len(), want.models().len(), "{what}");
            for (g, w) in models.iter().zip(want.models()) {
                assert_eq!(g["expression"], w.expression().to_string(), "{what}");
                same(&g["incl"], w.fit().incl, &what);
                same(&g["pri"], w.fit().pri, &what);
                same(&g["cov"], w.fit().cov, &what);
            }
            let minimal = SolutionOptions::new(SolutionType::Parsimonious)
                .solve(&tt)
                .expect("solution");
            more_than_minimal += usize::from(want.models().len() > minimal.models().len());
            checked += 1;
        }
    }
    assert_eq!(checked, 9, "all.sol solutions checked");
    // d.napoleon: R's minimal model `L`, and three larger irredundant ones.
    assert_eq!(more_than_minimal, 1);
}

#[test]
fn minimize_engine_flags_are_checked() {
    let with = lf_minimize;
    for (flag, words) in [
        ("--max-models", "--max-models must be at least 1"),
        ("--max-nodes", "--max-nodes must be at least 1"),
        (
            "--max-prime-implicants",
            "--max-prime-implicants must be at least 1",
        ),
    ] {
        usage_error(&with(&["--solution", "parsimonious", flag, "0"]), &[words]);
        ok(&strs(&with(&["--solution", "parsimonious", flag, "1000"])));
    }
    // Options that --all-sol would silently ignore.
    usage_error(
        &with(&["--solution", "parsimonious", "--all-sol", "--pruned"]),
        &["--pruned is not used with --all-sol"],
    );
    usage_error(
        &with(&[
            "--solution",
            "parsimonious",
            "--all-sol",
            "--accept-unproven",
        ]),
        &["--accept-unproven is not used with --all-sol"],
    );
    // --all-sol serves every solution type; LF has one irredundant model of each.
    for solution in ["conservative", "parsimonious"] {
        let all = json(&strs(&with(&["--solution", solution, "--all-sol"])));
        let minimal = json(&strs(&with(&["--solution", solution])));
        assert_eq!(all["models"], minimal["models"], "{solution}");
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let csv = csv_of("LF");
    let mut child = Command::new(BIN)
        .args(["necessity", &csv, "-o", "SURV", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("output");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
}

/// Runs `necessity` on LF through `sh -c`, standard output redirected by `redirect`.
#[cfg(target_os = "linux")]
fn necessity_redirected(redirect: &str) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("\"$0\" necessity \"$1\" --outcome SURV {redirect}"))
        .arg(BIN)
        .arg(csv_of("LF"))
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("run sh")
}

#[cfg(target_os = "linux")]
#[test]
fn a_closed_standard_output_is_stated() {
    // It exited 0, wrote nothing and said nothing (report S07). Closed, the descriptor is
    // reopened on /dev/null by Rust's runtime, which a parent's /dev/null (read-write) cannot
    // be told from: a warning, not an error.
    let out = necessity_redirected(">&-");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.starts_with("fsqca: warning: standard output is closed (`>&-`)"),
        "{err}"
    );
    // Discarding the output on purpose is not an error.
    let out = necessity_redirected("> /dev/null");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    let out = Command::new(BIN)
        .args(["necessity", &csv_of("LF"), "-o", "SURV"])
        .stdout(Stdio::null())
        .output()
        .expect("run");
    assert!(out.status.success());
}

#[test]
fn xyplot_writes_an_svg_with_every_case() {
    let dir = std::env::temp_dir().join(format!("fsqca-cli-xyplot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("xy.svg");
    let file_arg = file.to_string_lossy().into_owned();
    let csv = csv_of("LF");
    let out = ok(&[
        "xyplot",
        &csv,
        "-o",
        "SURV",
        "-e",
        "DEV*STB",
        "--relation",
        "necessity",
        "--svg",
        &file_arg,
    ]);
    assert!(out.is_empty());
    let svg = std::fs::read_to_string(&file).expect("svg written");
    let data = Dataset::from_path(&csv).expect("LF");
    assert_eq!(svg.matches("<circle").count(), data.n_cases());
    assert!(svg.contains("DEV*STB &lt;- SURV: inclN"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn xyplot_bad_expression_is_one_line_error() {
    let csv = csv_of("LF");
    fails(
        &[
            "xyplot",
            &csv,
            "-o",
            "SURV",
            "-e",
            "DEV*NOPE",
            "--svg",
            "/tmp/never.svg",
        ],
        None,
        &["unknown column", "NOPE"],
        1,
    );
}

#[test]
fn robustness_reports_ranges_and_json_matches_the_library() {
    let csv = csv_of("LF");
    let args = [
        "robustness",
        &csv,
        "-o",
        "SURV",
        "-c",
        "DEV,LIT,STB",
        "--incl-cut",
        "0.8",
        "--incl-sweep",
        "0.7,0.9",
        "--n-sweep",
        "1,2",
        "--steps",
        "4",
    ];
    let text = ok(&args);
    assert!(text.contains("robustness of SURV"), "{text}");
    assert!(text.contains("incl_cut (baseline 0.8)"), "{text}");
    assert!(text.contains("n_cut (baseline 1)"), "{text}");
    let v = json(&args);
    let variants = v["variants"].as_array().expect("variants");
    assert_eq!(variants.len(), 5 + 2);
    let data = Dataset::from_path(&csv).expect("LF");
    let analysis = fsqca::robustness::Analysis::new(data, "SURV")
        .membership_condition("DEV")
        .membership_condition("LIT")
        .membership_condition("STB")
        .truth_table_options(TruthTableOptions::default().incl_cutoff(0.8));
    let sweep = analysis
        .sweep(&[
            fsqca::robustness::ParameterGrid::span(
                fsqca::robustness::Parameter::InclCut,
                0.7,
                0.9,
                5,
            )
            .expect("grid"),
            fsqca::robustness::ParameterGrid::new(
                fsqca::robustness::Parameter::NCut,
                vec![1.0, 2.0],
            )
            .expect("grid"),
        ])
        .expect("sweep");
    let summary = sweep.summary();
    assert_eq!(v["summary"]["same"].as_u64(), Some(summary.same as u64));
    assert_eq!(num(&v["summary"]["fit"]["rf_cov"]), summary.fit.rf_cov);
    assert_eq!(
        strings(&v["summary"]["baseline"]),
        summary
            .baseline
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    );
}

#[test]
fn robustness_with_calibration_writes_the_sweep_chart() {
    let dir = std::env::temp_dir().join(format!("fsqca-cli-rob-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("sweep.svg");
    let file_arg = file.to_string_lossy().into_owned();
    let args = khanal_robustness(&["--svg", &file_arg, "--chart", "university_rank.crossover"]);
    let text = ok(&strs(&args));
    assert!(
        text.contains("university_rank.crossover (baseline 14.5)"),
        "{text}"
    );
    let svg = std::fs::read_to_string(&file).expect("svg written");
    assert!(svg.contains("university_rank.crossover"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn robustness_bad_input_is_one_line_error() {
    let csv = csv_of("LF");
    fails(
        &[
            "robustness",
            &csv,
            "-o",
            "SURV",
            "-c",
            "DEV,LIT",
            "--incl-sweep",
            "0.7,1.5",
        ],
        None,
        &["incl_cut = 1.02", "not a valid cut-off"],
        1,
    );
    fails(
        &[
            "robustness",
            &csv,
            "-o",
            "SURV",
            "-c",
            "DEV,LIT",
            "--calibrate",
            "DEV=1,2",
        ],
        None,
        &["--calibrate", "three thresholds"],
        1,
    );
    fails(
        &["robustness", &csv, "-o", "SURV", "-c", "DEV,LIT"],
        None,
        &["nothing to sweep"],
        1,
    );
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

#[test]
fn robustness_grids_are_bounded_before_they_are_made() {
    // These aborted on allocation (exit 134) before the limit.
    usage_error(
        &khanal_robustness(&["--steps", "1000000000"]),
        &[
            "--steps 1000000000",
            "6000000006 variants",
            "limit of 1000000",
        ],
    );
    usage_error(
        &khanal_robustness(&["--steps", &usize::MAX.to_string()]),
        &["--steps", "limit of 1000000"],
    );
    usage_error(
        &khanal_robustness(&["--n-sweep", "1,1000000000"]),
        &[
            "--n-sweep 1,1000000000",
            "1000000000 variants",
            "limit of 1000000",
        ],
    );
    usage_error(
        &khanal_robustness(&["--incl-sweep", "0.7,0.9", "--steps", "999999"]),
        &["--steps 999999", "limit of 1000000"],
    );
    // Each grid within the limit, all of them together over it.
    usage_error(
        &khanal_robustness(&["--incl-sweep", "0.7,0.9", "--steps", "149999"]),
        &["1050000 variants", "limit of 1000000", "lower --steps"],
    );
}

#[test]
fn robustness_range_overflow_is_named() {
    // It was "the grid of enterprise_rank.exclusion has a value that is not finite: NaN".
    for steps in ["20", "1000"] {
        usage_error(
            &khanal_robustness(&["--range", "1e308", "--steps", steps]),
            &[
                "--range",
                "the fraction of the range 1e308 times the range 20 of column `enterprise_rank` overflows",
            ],
        );
    }
    usage_error(
        &khanal_robustness(&["--range", "NaN"]),
        &["--range", "negative or not finite"],
    );
}

#[test]
fn robustness_reversed_ranges_are_refused_alike() {
    usage_error(
        &khanal_robustness(&["--incl-sweep", "0.9,0.7"]),
        &["--incl-sweep 0.9,0.7", "LO is above HI"],
    );
    usage_error(
        &khanal_robustness(&["--n-sweep", "3,1"]),
        &["--n-sweep 3,1", "LO is above HI"],
    );
    // A range of one value is a range.
    let v = json(&strs(&khanal_robustness(&["--n-sweep", "2,2"])));
    let n_cut: Vec<&Value> = v["variants"]
        .as_array()
        .expect("variants")
        .iter()
        .filter(|v| v["parameter"] == "n_cut")
        .collect();
    assert_eq!(n_cut.len(), 1);
    assert_eq!(n_cut[0]["value"].as_f64(), Some(2.0));
}

#[test]
fn robustness_refuses_a_condition_calibrated_twice() {
    let csv = khanal();
    let args: Vec<String> = [
        "robustness",
        &csv,
        "-o",
        "diffusion",
        "-c",
        "enterprise_rank",
        "--calibrate",
        "enterprise_rank=25,14.5,6",
        "--calibrate",
        "enterprise_rank=20,10,5",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    usage_error(
        &args,
        &["--calibrate", "condition `enterprise_rank` is given twice"],
    );
}

/// Noisy crisp data on 10 conditions (a rule of two terms, one outcome in eight flipped): a
/// parsimonious chart whose minimum needs a search.
/// `rows` cases on 12 crisp conditions: a two-term rule with one outcome in eight flipped.
fn noisy_crisp_csv(rows: usize) -> String {
    let mut seed = 0x9e3779b97f4a7c15u64;
    let mut text = String::from("X1,X2,X3,X4,X5,X6,X7,X8,X9,X10,X11,X12,Y\n");
    for _ in 0..rows {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let x: Vec<u64> = (0..12).map(|j| seed >> j & 1).collect();
        let rule = (x[0] & x[1]) | (x[2] & (1 - x[3]) & x[4]);
        let y = rule ^ u64::from(seed >> 40 & 7 == 0);
        let cells: Vec<String> = x.iter().chain([&y]).map(u64::to_string).collect();
        text.push_str(&cells.join(","));
        text.push('\n');
    }
    text
}

#[test]
fn error_model_search_node_limit_gives_what_it_established() {
    // A chart whose first cover is not proven minimum by the root bound alone.
    let csv = noisy_crisp_csv(300);
    let args = |nodes: &'static str| {
        vec![
            "minimize",
            "-",
            "--outcome",
            "Y",
            "--conditions",
            "X1,X2,X3,X4,X5,X6,X7,X8,X9,X10,X11,X12",
            "--solution",
            "parsimonious",
            "--max-models",
            "10",
            "--max-nodes",
            nodes,
        ]
    };
    let first = fails(
        &args("1"),
        Some(csv.as_bytes()),
        &[
            "gave up after 1 nodes without a proven minimum",
            "the smallest model found has",
            "--max-nodes",
        ],
        1,
    );
    // The bounds it reports hold: the proven minimum lies between them.
    let number_after = |words: &str| -> usize {
        let rest = &first[first.find(words).expect(words) + words.len()..];
        let digits: String = rest
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().expect("a number")
    };
    let best = number_after("the smallest model found has");
    let lower = number_after("none has fewer than");
    assert!(lower < best, "{first}");
    let solved = ok_with(&args("1000000"), Some(csv.as_bytes()));
    let size = solved
        .lines()
        .find_map(|l| l.strip_prefix("M1: "))
        .expect("a first model")
        .split(" + ")
        .count();
    assert!(lower <= size && size <= best, "{lower} <= {size} <= {best}");

    // Accepted unproven, the smallest model found is given, flagged, with the same bounds.
    let mut accepted = args("1");
    accepted.extend(["--accept-unproven", "--format", "json"]);
    let json: Value = serde_json::from_str(&ok_with(&accepted, Some(csv.as_bytes()))).unwrap();
    assert_eq!(json["minimum_proven"], Value::Bool(false));
    let models = json["models"].as_array().unwrap();
    assert_eq!(models.len(), 1);
    assert_eq!(models[0]["terms"].as_array().unwrap().len(), best);
    let warning = json["warning"].as_str().unwrap();
    assert!(
        warning.contains(&format!("no model has fewer than {lower}")),
        "{warning}"
    );
    let mut proven = args("1000000");
    proven.extend(["--accept-unproven", "--format", "json"]);
    let json: Value = serde_json::from_str(&ok_with(&proven, Some(csv.as_bytes()))).unwrap();
    assert_eq!(json["minimum_proven"], Value::Bool(true));
}

/// Every subcommand's output, in every format, ends with exactly one line feed, so that a shell
/// prompt or the next command's output starts on a line of its own (`minimize` text output
/// ended without one). `xyplot` writes its SVG to a file and prints nothing.
#[test]
fn every_output_ends_with_exactly_one_line_feed() {
    let lf = csv_of("LF");
    let k = khanal();
    let dir = std::env::temp_dir().join(format!("fsqca-cli-newline-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let svg = dir.join("plot.svg").to_string_lossy().into_owned();
    let owned = |args: &[&str]| -> Vec<String> { args.iter().map(|s| s.to_string()).collect() };
    // The truth table that `lf_minimize` minimizes.
    let mut truth_table = lf_minimize(&[]);
    truth_table[0] = "truth-table".to_owned();
    let calibrate = [
        "calibrate",
        &k,
        "--column",
        "gdppc",
        "--thresholds",
        "6000,12000,20000",
    ];
    let commands: Vec<Vec<String>> = vec![
        owned(&calibrate),
        owned(&["necessity", &lf, "-o", "SURV"]),
        owned(&["fit", &lf, "-o", "SURV", "-e", "DEV*STB + LIT"]),
        owned(&[
            "fit",
            &lf,
            "-o",
            "SURV",
            "-e",
            "LIT",
            "--relation",
            "necessity",
        ]),
        truth_table,
        lf_minimize(&["--solution", "conservative"]),
        lf_minimize(&["--solution", "parsimonious"]),
        lf_minimize(&[
            "--solution",
            "intermediate",
            "--dir-exp",
            "DEV,URB,LIT,IND,STB",
        ]),
        khanal_robustness(&["--svg", &svg]),
    ];
    let mut runs = Vec::new();
    for command in &commands {
        for format in ["text", "json"] {
            runs.push([command.clone(), owned(&["--format", format])].concat());
        }
    }
    runs.push([owned(&calibrate), owned(&["--format", "csv"])].concat());
    for args in &runs {
        let args = strs(args);
        let out = ok(&args);
        assert!(out.len() > 1, "fsqca {args:?} printed nothing");
        assert!(
            out.ends_with('\n'),
            "no final line feed: fsqca {args:?}\n{out:?}"
        );
        assert!(
            !out.ends_with("\n\n"),
            "a blank line at the end: fsqca {args:?}\n{out:?}"
        );
    }
    let out = ok(&["xyplot", &lf, "-o", "SURV", "-e", "DEV*STB", "--svg", &svg]);
    assert!(out.is_empty(), "xyplot printed {out:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
