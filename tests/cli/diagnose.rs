//! `fsqca diagnose`: against the library and SetMethods' `skew.check` / `ambig.cases`, text
//! output, bad input.

use fsqca::diagnostics::DiagnoseOptions;

use super::*;

fn setmethods(name: &str) -> String {
    root()
        .join(format!("tests/fixtures/setmethods/{name}.csv"))
        .to_string_lossy()
        .into_owned()
}

#[test]
fn diagnose_json_is_the_library_result_and_matches_setmethods() {
    let csv = setmethods("SCHLF");
    let sets = "EMP,BARGAIN,UNI,OCCUP,STOCK,MA,EXPORT";
    let got = json(&["diagnose", &csv, "--sets", sets]);
    let data = Dataset::from_path(&csv).expect("data");
    let names: Vec<&str> = sets.split(',').collect();
    let lib = DiagnoseOptions::new()
        .diagnose(&data, &names)
        .expect("library");
    assert_eq!(got, serde_json::to_value(&lib).expect("serde"));
    // SetMethods: ambig.cases gives row 59, column 7 (EXPORT), case Austria_03.
    let export = &got["sets"][6];
    assert_eq!(export["set"], "EXPORT");
    assert_eq!(export["at_half"][0]["case"], "Austria_03");
    assert_eq!(export["at_half"][0]["row"], 58);
    assert_eq!(got["skew_threshold"], 0.2);
}

#[test]
fn diagnose_text_lists_shares_skew_and_cases_at_half() {
    let csv = setmethods("SCHLF");
    let out = run_ok(&[
        "diagnose",
        &csv,
        "--sets",
        "EMP,EXPORT",
        "--skew-threshold",
        "0.45",
    ]);
    assert!(
        out.starts_with(
            "calibration diagnostics: cases above 0.5 per set; skewed below 45% or above 55%"
        ),
        "{out}"
    );
    let data = Dataset::from_path(&csv).expect("data");
    let lib = DiagnoseOptions::new()
        .skew_threshold(0.45)
        .diagnose(&data, &["EMP", "EXPORT"])
        .expect("library");
    for s in &lib.sets {
        let line = out
            .lines()
            .find(|l| l.split_whitespace().next() == Some(s.set.as_str()))
            .expect("a row per set");
        let cells: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cells[1], s.n_above_half.to_string(), "{line}");
        assert_eq!(cells[2], s.n_cases.to_string(), "{line}");
        assert_eq!(
            cells[3],
            format!("{:.2}%", 100.0 * s.share_above_half),
            "{line}"
        );
        assert_eq!(cells[4], s.at_half.len().to_string(), "{line}");
        let flag = cells[5..].join(" ");
        let want = match s.skew {
            Some(fsqca::diagnostics::Skew::MostlyOut) => "mostly out",
            Some(fsqca::diagnostics::Skew::MostlyIn) => "mostly in",
            None => "",
        };
        assert_eq!(flag, want, "{line}");
    }
    assert!(
        lib.sets.iter().any(|s| s.skew.is_some()),
        "a set is flagged at 45%"
    );
    assert!(
        out.contains("cases at exactly 0.5:\n  EXPORT: Austria_03\n"),
        "{out}"
    );
    // By default every calibrated column: the text column COUNTRY and the numeric YEAR are
    // left out, each with a warning.
    let all = run(&["diagnose", &csv, "--format", "json"]);
    assert!(all.status.success());
    let err = String::from_utf8_lossy(&all.stderr);
    assert!(
        err.contains("left out the columns that are not numeric: `COUNTRY`"),
        "{err}"
    );
    assert!(
        err.contains("left out the columns with values outside [0, 1] (not calibrated): `YEAR`"),
        "{err}"
    );
    let got: Value = serde_json::from_slice(&all.stdout).expect("JSON");
    let sets: Vec<&str> = got["sets"]
        .as_array()
        .expect("sets")
        .iter()
        .map(|s| s["set"].as_str().expect("set"))
        .collect();
    assert_eq!(
        sets,
        ["EMP", "BARGAIN", "UNI", "OCCUP", "STOCK", "MA", "EXPORT"]
    );
    let none = run_ok(&["diagnose", &setmethods("JOBF")]);
    assert!(
        none.ends_with("no case has a membership of exactly 0.5\n"),
        "{none}"
    );
}

#[test]
fn diagnose_refuses_uncalibrated_values_and_bad_thresholds() {
    let raw = b"case,A,raw\na,0.2,0.3\nb,0.9,12.5\n";
    let first = fails(
        &["diagnose", "-", "--sets", "A,raw"],
        Some(raw),
        &["`raw`", "12.5", "outside [0, 1]"],
        1,
    );
    assert!(first.contains("case `b`"), "{first}");
    fails(
        &["diagnose", "-", "--sets", "A", "--skew-threshold", "0.7"],
        Some(raw),
        &["--skew-threshold", "0.7", "from 0 to 0.5"],
        1,
    );
    fails(
        &["diagnose", "-", "--sets", "A,Z"],
        Some(raw),
        &["unknown column `Z`"],
        1,
    );
    let missing = b"case,A\na,0.2\nb,\n";
    fails(
        &["diagnose", "-"],
        Some(missing),
        &["missing values", "`A`"],
        1,
    );
    assert_eq!(
        exit_code(&["diagnose", "-", "--skew-threshold", "x"]),
        Some(2)
    );
}
