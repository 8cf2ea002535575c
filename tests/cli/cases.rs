//! `fsqca cases`: SMMR case selection, its JSON equal to the library's serde output, its text,
//! and bad input.

use fsqca::cases::{CaseMemberships, SelectionOptions};
use fsqca::solution::{SolutionOptions, SolutionType};

use super::*;

const CONDITIONS: &str = "DEVELOPED,URBAN,LITERATE,INDUSTRIAL,STABLE";

fn lipf() -> String {
    root()
        .join("tests/fixtures/setmethods/LIPF.csv")
        .to_string_lossy()
        .into_owned()
}

fn args<'a>(csv: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec![
        "cases",
        csv,
        "--outcome",
        "SURVIVED",
        "--conditions",
        CONDITIONS,
        "--incl-cut",
        "0.8",
        "--solution",
        "parsimonious",
    ];
    all.extend(more);
    all
}

/// The library's memberships for model 1 of LIPF's parsimonious solution.
fn library() -> CaseMemberships {
    let data = Dataset::from_path(lipf()).unwrap();
    let conditions: Vec<&str> = CONDITIONS.split(',').collect();
    let tt = TruthTableOptions::default()
        .incl_cutoff(0.8)
        .build(&data, "SURVIVED", &conditions)
        .unwrap();
    let solution = SolutionOptions::new(SolutionType::Parsimonious)
        .solve(&tt)
        .unwrap();
    CaseMemberships::from_model(&data, &solution, 1).unwrap()
}

fn lists(got: &Value) -> Vec<Value> {
    got["lists"].as_array().expect("lists").clone()
}

fn to_values<T: serde::Serialize>(lists: &[T]) -> Vec<Value> {
    lists
        .iter()
        .map(|l| serde_json::to_value(l).unwrap())
        .collect()
}

#[test]
fn cases_json_is_the_library_serde_output() {
    let csv = lipf();
    let cases = library();
    let options = SelectionOptions::new();
    let got = json(&args(&csv, &[]));
    assert_eq!(got["outcome"], "SURVIVED");
    assert_eq!(got["model"], "DEVELOPED*~INDUSTRIAL + URBAN*STABLE");
    assert_eq!(got["necessary"], Value::Null);
    let mut want = to_values(&cases.typical());
    want.extend(to_values(&cases.typical_focal_conjuncts(&options).unwrap()));
    want.extend(to_values(&cases.deviant_consistency()));
    want.push(serde_json::to_value(cases.deviant_coverage()).unwrap());
    want.push(serde_json::to_value(cases.individually_irrelevant()).unwrap());
    assert_eq!(lists(&got), want);

    let got = json(&args(
        &csv,
        &[
            "--pairs",
            "--type",
            "typical-irrelevant",
            "--max-pairs",
            "3",
        ],
    ));
    let want = to_values(
        &cases
            .typical_irrelevant_pairs(&options.clone().max_pairs(3))
            .unwrap(),
    );
    assert_eq!(lists(&got), want);
    assert_eq!(lists(&got)[0]["cases"].as_array().unwrap().len(), 3);

    let got = json(&args(&csv, &["--necessity", "LITERATE"]));
    let n: Expression = "LITERATE".parse().unwrap();
    let mut want = to_values(&cases.necessity_typical(&n).unwrap());
    want.extend(to_values(&cases.necessity_deviant_consistency(&n).unwrap()));
    want.extend(to_values(&cases.necessity_deviant_relevance(&n).unwrap()));
    assert_eq!(lists(&got), want);
    assert_eq!(got["necessary"], "LITERATE");

    let got = json(&args(&csv, &["--necessity", "LITERATE", "--pairs"]));
    let mut want = to_values(&cases.necessity_typical_relevance_pairs(&n, 5).unwrap());
    want.extend(to_values(&cases.necessity_deviant_pairs(&n, 5).unwrap()));
    want.extend(to_values(&cases.necessity_typical_pairs(&n, 5).unwrap()));
    want.extend(to_values(&cases.necessity_irrelevant_pairs(&n, 5).unwrap()));
    assert_eq!(lists(&got), want);
}

#[test]
fn cases_json_matches_setmethods_on_lipf() {
    // SetMethods 4.0, smmr(sol_p, "SURVIVED", match = FALSE, cases = 1): Ireland, Finland
    // (DEVELOPED*~INDUSTRIAL), Belgium (URBAN*STABLE), Best 0.68, 0.8, 0.23.
    let csv = lipf();
    let got = json(&args(&csv, &["--type", "typical"]));
    let names: Vec<String> = lists(&got)
        .iter()
        .flat_map(|l| {
            l["cases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["case"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(names, ["Ireland", "Finland", "Belgium"]);
    let best: Vec<f64> = lists(&got)
        .iter()
        .flat_map(|l| {
            l["cases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["best"].as_f64().unwrap())
                .collect::<Vec<_>>()
        })
        .collect();
    for (b, want) in best.iter().zip([0.68, 0.8, 0.23]) {
        assert!((b - want).abs() < 1e-9, "{b} {want}");
    }
}

#[test]
fn cases_text_lists_and_explains_empty_types() {
    let csv = lipf();
    let out = run_ok(&args(&csv, &["--type", "deviant-consistency"]));
    assert!(
        out.starts_with("outcome SURVIVED, model M1: DEVELOPED*~INDUSTRIAL + URBAN*STABLE\n"),
        "{out}"
    );
    assert!(out.contains("deviant cases consistency: URBAN*STABLE\n  no deviant cases consistency for URBAN*STABLE: no case has X > 0.5 and Y < 0.5"), "{out}");
    let out = run_ok(&args(&csv, &["--type", "typical"]));
    assert!(
        out.contains("typical cases: DEVELOPED*~INDUSTRIAL"),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("Ireland") && l.contains("0.680")),
        "{out}"
    );
}

#[test]
fn necessity_deviant_consistency_pairs_text_names_the_row() {
    // SetMethods 4.0, smmr(sol_p, "HM", match = TRUE, cases = 2, nec.cond = "FS+LS",
    // necessity = TRUE) on JOBF: for FS, deviant E32 with typical E20 first (Best 0.26), in
    // the row HS = 1, LS = 1, LJS = 0, PP = 1; none for LS nor for FS+LS.
    let csv = root()
        .join("tests/fixtures/setmethods/JOBF.csv")
        .to_string_lossy()
        .into_owned();
    let out = run_ok(&[
        "cases",
        &csv,
        "--outcome",
        "HM",
        "--conditions",
        "HS,FS,LS,LJS,PP",
        "--incl-cut",
        "0.8",
        "--solution",
        "parsimonious",
        "--necessity",
        "FS + LS",
        "--pairs",
        "--type",
        "deviant-consistency",
    ]);
    assert!(
        out.contains("pairs of typical and deviant cases consistency (necessity): FS\n"),
        "{out}"
    );
    let first = out
        .lines()
        .find(|l| l.starts_with("E32"))
        .unwrap_or_else(|| panic!("{out}"));
    for cell in ["E20", "HS=1 LS=1 LJS=0 PP=1", "0.260"] {
        assert!(first.contains(cell), "{first}");
    }
    assert!(
        out.contains(
            "no pairs of typical and deviant cases consistency (necessity) for LS: a pair needs"
        ),
        "{out}"
    );
}

#[test]
fn cases_rejects_bad_input() {
    let csv = lipf();
    let owned = |more: &[&str]| -> Vec<String> {
        args(&csv, more).into_iter().map(str::to_owned).collect()
    };
    usage_error(
        &owned(&["--type", "focal-conjunct", "--term", "3"]),
        &["term 3", "2 terms"],
    );
    usage_error(&owned(&["--term", "0"]), &["term 0"]);
    usage_error(&owned(&["--max-pairs", "0"]), &["max_pairs"]);
    usage_error(&owned(&["--model", "2"]), &["--model", "model 2"]);
    usage_error(
        &owned(&["--type", "irrelevant", "--necessity", "LITERATE"]),
        &["irrelevant", "necessity"],
    );
    usage_error(
        &owned(&["--type", "focal-conjunct", "--pairs"]),
        &["focal-conjunct", "pairs"],
    );
    usage_error(
        &owned(&[
            "--type",
            "focal-conjunct",
            "--necessary-conjuncts",
            "STABLE",
        ]),
        &["STABLE", "DEVELOPED*~INDUSTRIAL"],
    );
    let out = run(&args(&csv, &["--necessity", "NOPE"]));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("NOPE"));
}
