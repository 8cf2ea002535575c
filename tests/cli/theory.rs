//! `fsqca theory`: JSON equal to the library's evaluation, SetMethods' case groups without its
//! bug SM2, and typed errors for an unknown condition and a model out of range.

use fsqca::theory::{ModelChoice, TheoryEvaluation};
use fsqca::{SolutionOptions, SolutionType};

use super::*;

const JOBF: [&str; 8] = [
    "--outcome",
    "HM",
    "--conditions",
    "HS,FS,LS,LJS,PP",
    "--incl-cut",
    "0.8",
    "--theory",
    "HS*PP + FS*LS",
];

fn jobf() -> String {
    root()
        .join("tests/fixtures/setmethods/JOBF.csv")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn theory_json_is_the_library_evaluation() {
    let csv = jobf();
    let mut args = vec!["theory", csv.as_str()];
    args.extend(JOBF);
    args.extend(["--solution", "intermediate", "--dir-exp", "HS,FS,LS,LJS,PP"]);
    let got = json(&args);
    let data = Dataset::from_path(&csv).unwrap();
    let tt = TruthTableOptions::default()
        .incl_cutoff(0.8)
        .build(&data, "HM", &["HS", "FS", "LS", "LJS", "PP"])
        .unwrap();
    let solution = SolutionOptions::new(SolutionType::Intermediate)
        .directional_expectations("HS,FS,LS,LJS,PP".parse().unwrap())
        .solve(&tt)
        .unwrap();
    let lib = TheoryEvaluation::of_model(
        &tt,
        &solution,
        ModelChoice::Model(1),
        &"HS*PP + FS*LS".parse().unwrap(),
    )
    .unwrap();
    assert_eq!(got, serde_json::to_value(&lib).unwrap());
    // SetMethods lists no "Inconsistent Most Likely" case (SM2); these three are.
    assert_eq!(
        got["intersections"][0]["outcome_absent"]["cases"],
        serde_json::json!(["E23", "E27", "E31"])
    );
    // The same evaluation from the model's expression.
    let mut args = vec!["theory", csv.as_str()];
    args.extend(JOBF);
    args.extend(["--expression", "HS*FS + FS*LJS*PP + HS*LS*LJS*PP"]);
    assert_eq!(json(&args), got);
}

#[test]
fn theory_bad_input_is_a_clear_error() {
    let csv = jobf();
    let base = [
        "theory",
        csv.as_str(),
        "--outcome",
        "HM",
        "--conditions",
        "HS,FS,LS,LJS,PP",
        "--incl-cut",
        "0.8",
    ];
    let cases: [(&[&str], &str); 4] = [
        (
            &["--theory", "HS*XX", "--expression", "HS"],
            "`XX`, which is not a condition",
        ),
        (
            &[
                "--theory",
                "HS",
                "--solution",
                "parsimonious",
                "--model",
                "9",
            ],
            "has no model 9",
        ),
        (
            &[
                "--theory",
                "HS",
                "--solution",
                "parsimonious",
                "--model",
                "c1p1i1",
            ],
            "is an intermediate model",
        ),
        (
            &["--theory", "HS"],
            "required arguments were not provided: --solution",
        ),
    ];
    for (extra, message) in cases {
        let mut args = base.to_vec();
        args.extend(extra);
        let out = run(&args);
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
}
