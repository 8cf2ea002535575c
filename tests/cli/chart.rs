//! `fsqca chart` and the table formats of the other commands: the output is the library's.

use fsqca::chart::configuration_charts;
use fsqca::solution::{SolutionOptions, SolutionType};
use fsqca::table::{truth_table_table, TableFormat};
use fsqca::TruthTableOptions;

use super::*;

const JOBF: [&str; 10] = [
    "--outcome",
    "HM",
    "--conditions",
    "HS,FS,LS,LJS,PP",
    "--incl-cut",
    "0.8",
    "--solution",
    "intermediate",
    "--dir-exp",
    "HS,FS,LS,LJS,PP",
];

/// `base` followed by `extra`.
fn joined<'a>(base: &[&'a str], extra: &[&'a str]) -> Vec<&'a str> {
    base.iter().chain(extra).copied().collect()
}

fn jobf_csv() -> String {
    root()
        .join("tests/fixtures/setmethods/JOBF.csv")
        .to_string_lossy()
        .into_owned()
}

fn jobf_charts() -> Vec<fsqca::chart::ConfigurationChart> {
    let data = fsqca::Dataset::from_path(jobf_csv()).expect("JOBF");
    let tt = TruthTableOptions::default()
        .incl_cutoff(0.8)
        .build(&data, "HM", &["HS", "FS", "LS", "LJS", "PP"])
        .expect("truth table");
    let intermediate = SolutionOptions::new(SolutionType::Intermediate)
        .directional_expectations("HS, FS, LS, LJS, PP".parse().expect("expectations"))
        .solve(&tt)
        .expect("intermediate");
    let parsimonious = SolutionOptions::new(SolutionType::Parsimonious)
        .solve(&tt)
        .expect("parsimonious");
    configuration_charts(&intermediate, &parsimonious).expect("charts")
}

#[test]
fn chart_outputs_are_the_librarys() {
    let csv = jobf_csv();
    let charts = jobf_charts();
    for (flag, format) in [
        ("text", TableFormat::Text),
        ("markdown", TableFormat::Markdown),
        ("latex", TableFormat::Latex),
        ("html", TableFormat::Html),
    ] {
        let args = joined(
            &joined(&["chart", &csv], &JOBF),
            &["--format", flag, "--digits", "2"],
        );
        let want: Vec<String> = charts.iter().map(|c| c.render(format, 2)).collect();
        assert_eq!(
            run_ok(&args).trim_end(),
            want.join("\n").trim_end(),
            "{flag}"
        );
    }
    let args = joined(&["chart", &csv], &JOBF);
    let got = json(&args);
    assert_eq!(got, serde_json::to_value(&charts).expect("JSON"));
    assert_eq!(got[0]["configurations"][0]["classes"][0], "core_present");
    let args = joined(&args, &["--format", "svg"]);
    assert_eq!(
        run_ok(&args).trim_end(),
        charts[0].svg(3).expect("svg").trim_end()
    );
}

#[test]
fn chart_needs_the_intermediate_solution() {
    let csv = jobf_csv();
    let args = joined(
        &joined(&["chart", &csv], &JOBF[..6]),
        &["--solution", "parsimonious"],
    );
    let out = run(&args);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs --solution intermediate"));
}

#[test]
fn truth_table_markdown_is_the_librarys_and_svg_is_refused() {
    let csv = jobf_csv();
    let base = [
        "truth-table",
        csv.as_str(),
        "--outcome",
        "HM",
        "--conditions",
        "HS,FS,LS,LJS,PP",
        "--incl-cut",
        "0.8",
    ];
    let args = joined(&base, &["--format", "markdown"]);
    let data = fsqca::Dataset::from_path(&csv).expect("JOBF");
    let tt = TruthTableOptions::default()
        .incl_cutoff(0.8)
        .build(&data, "HM", &["HS", "FS", "LS", "LJS", "PP"])
        .expect("truth table");
    let want = truth_table_table(&tt).render(TableFormat::Markdown, 3);
    assert_eq!(run_ok(&args).trim_end(), want.trim_end());
    let args = joined(&base, &["--format", "svg"]);
    let out = run(&args);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format svg is for `fsqca chart` only"));
}

#[test]
fn minimize_necessity_and_fit_write_latex_tables() {
    let csv = jobf_csv();
    for args in [
        vec![
            "minimize",
            csv.as_str(),
            "--outcome",
            "HM",
            "--conditions",
            "HS,FS,LS,LJS,PP",
            "--incl-cut",
            "0.8",
            "--solution",
            "parsimonious",
        ],
        vec![
            "necessity",
            csv.as_str(),
            "--outcome",
            "HM",
            "--conditions",
            "HS,FS",
        ],
        vec![
            "fit",
            csv.as_str(),
            "--outcome",
            "HM",
            "--expression",
            "HS*FS + LJS*PP",
        ],
        vec![
            "fit",
            csv.as_str(),
            "--outcome",
            "HM",
            "--expression",
            "HS + FS",
            "--relation",
            "necessity",
        ],
    ] {
        let out = run_ok(&joined(&args, &["--format", "latex"]));
        assert!(out.starts_with("\\begin{table}"), "{args:?}: {out}");
        assert!(
            out.contains("\\toprule") && out.contains("\\bottomrule"),
            "{args:?}"
        );
    }
}
