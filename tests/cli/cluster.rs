//! `fsqca cluster`: its JSON is the library's, equal to SetMethods' `cluster()` where
//! SetMethods is right; bad input is one error line.

use fsqca::cluster::{Panel, RatioConvention};
use fsqca::Relation;

use super::*;

fn setmethods_csv(name: &str) -> String {
    root()
        .join(format!("tests/fixtures/setmethods/{name}.csv"))
        .to_string_lossy()
        .into_owned()
}

fn setmethods_cluster(name: &str) -> Value {
    let path = root().join(format!("tests/fixtures/setmethods/cluster/{name}.json"));
    let text = std::fs::read_to_string(path).expect("fixture");
    serde_json::from_str::<Value>(&text).expect("fixture JSON")["cluster"].clone()
}

const SCHLF: [&str; 8] = [
    "--outcome",
    "EXPORT",
    "--conditions",
    "EMP,BARGAIN,UNI,OCCUP,STOCK,MA",
    "--unit",
    "COUNTRY",
    "--cluster",
    "YEAR",
];

/// The tool's `path` in `fit` against SetMethods' `key` in `reference`, to `R_TOL`.
fn close_to(fit: &Value, path: &[&str], reference: &Value, key: &str) {
    let got = path.iter().fold(fit, |v, field| &v[*field]);
    close(num(got), num(&reference[key]), key);
}

/// Every number of one fit in the tool's JSON is the library's, to the bit.
fn same_fit(got: &Value, lib: &fsqca::cluster::ClusterFit, what: &str) {
    let measures = |g: &Value, m: &fsqca::cluster::Measures, what: &str| {
        assert_eq!(g["cases"].as_u64(), Some(m.cases as u64), "{what}");
        same(&g["consistency"], m.consistency, what);
        same(&g["coverage"], m.coverage, what);
        same(&g["condition_sum"], Some(m.condition_sum), what);
        same(&g["outcome_sum"], Some(m.outcome_sum), what);
        same(&g["intersection_sum"], Some(m.intersection_sum), what);
    };
    measures(&got["pooled"], &lib.pooled, what);
    for (key, groups) in [("between", &lib.between), ("within", &lib.within)] {
        let listed = got[key].as_array().expect(key);
        assert_eq!(listed.len(), groups.len(), "{what} {key}");
        for (g, l) in listed.iter().zip(groups) {
            assert_eq!(g["id"], l.id.as_str());
            measures(g, &l.measures, &format!("{what} {key} {}", l.id));
        }
    }
    same(&got["between_distance"], lib.between_distance, what);
    same(&got["within_distance"], lib.within_distance, what);
}

#[test]
fn derived_solution_is_the_library_fit_and_setmethods() {
    let csv = setmethods_csv("SCHLF");
    let mut args = vec!["cluster", &csv];
    args.extend(SCHLF);
    args.extend([
        "--incl-cut",
        "0.9",
        "--solution",
        "intermediate",
        "--dir-exp",
        "0,0,0,0,0,0",
    ]);
    let got = json(&args);
    assert_eq!(got["relation"], "sufficiency");
    assert_eq!(got["model"], 1);
    assert_eq!(
        (got["unit_column"].as_str(), got["cluster_column"].as_str()),
        (Some("COUNTRY"), Some("YEAR"))
    );
    let section = setmethods_cluster("SCHLF");
    let expression: Expression = section["solution_expression"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(got["solution"]["expression"], expression.to_string());
    let data = Dataset::from_path(&csv).unwrap();
    let panel = Panel::from_columns(&data, "COUNTRY", "YEAR").unwrap();
    let lib = panel
        .solution(
            expression.disjuncts(),
            &data,
            "EXPORT",
            Relation::Sufficiency,
        )
        .unwrap();
    for (g, l) in got["terms"].as_array().unwrap().iter().zip(&lib.terms) {
        assert_eq!(g["expression"], l.expression.to_string());
        same_fit(g, &l.fit, &l.expression.to_string());
        // SetMethods' per-term values (no group of SCHLF is empty).
        let reference =
            &section["intermediate_sufficiency"]["result"]["terms"][l.expression.to_string()];
        close_to(g, &["pooled", "consistency"], reference, "POCOS");
        close_to(g, &["between_distance"], reference, "dBP");
    }
    same_fit(&got["solution"], &lib.solution.fit, "solution");
    let whole = &section["solution_expression_sufficiency"]["result"]["values"];
    close_to(&got["solution"], &["pooled", "consistency"], whole, "POCOS");
    close_to(&got["solution"], &["within_distance"], whole, "dWP");
    // The text output has the pooled table and the between tables, not the within ones.
    let mut text_args = args.clone();
    text_args.push("--within");
    let text = run_ok(&text_args);
    assert!(text.contains("M1: ~EMP*~BARGAIN*OCCUP + BARGAIN*UNI*STOCK"));
    assert!(text.contains("19 units (COUNTRY), 4 clusters (YEAR), 76 cases"));
    assert!(text.contains("within consistency (per COUNTRY):"));
    assert!(!run_ok(&args).contains("within consistency"));
}

/// PAYF: `HW` necessary for `HL`, per country (unit) and region (cluster).
const PAYF_HW_NECESSARY: [&str; 11] = [
    "--outcome",
    "HL",
    "--conditions",
    "HE,GG,AH,HI,HW",
    "--unit",
    "COUNTRY",
    "--cluster",
    "REGION",
    "--expression",
    "HW",
    "--necessity",
];

#[test]
fn expression_necessity_with_empty_units() {
    // PAYF: HW necessary for HL; 21 countries have no membership in HL.
    let csv = setmethods_csv("PAYF");
    let mut args = vec!["cluster", &csv];
    args.extend(PAYF_HW_NECESSARY);
    let got = json(&args);
    assert_eq!(got["relation"], "necessity");
    assert_eq!(got["convention"], "exact");
    assert!(got["model"].is_null());
    let within = got["solution"]["within"].as_array().unwrap();
    let empty = within.iter().filter(|u| u["consistency"].is_null()).count();
    assert_eq!(empty, 21);
    let reference = &setmethods_cluster("PAYF")["nec_cond_necessity"]["result"]["values"];
    close_to(
        &got["solution"],
        &["pooled", "consistency"],
        reference,
        "POCOS",
    );
    close_to(&got["solution"], &["between_distance"], reference, "dBP");
    // SetMethods counts the 21 as fully consistent: dWP 0.0216; without them 0.0257.
    let dwp = num(&got["solution"]["within_distance"]).unwrap();
    assert!((dwp - 0.0257196416828242).abs() < 1e-9, "{dwp}");
    assert!((num(&reference["dWP"]).unwrap() - 0.0215799194605413).abs() < 1e-12);
    let text = run_ok(&args);
    assert!(text.contains("no membership in the outcome in 0 cluster(s) and 21 unit(s)"));
}

#[test]
fn setmethods_convention_is_the_library_fit_and_every_setmethods_value() {
    let csv = setmethods_csv("PAYF");
    let mut args = vec!["cluster", &csv];
    args.extend(PAYF_HW_NECESSARY);
    args.extend(["--convention", "setmethods"]);
    let got = json(&args);
    assert_eq!(got["convention"], "setmethods");
    let solution = &got["solution"];
    assert_eq!(solution["convention"], "setmethods");
    let data = Dataset::from_path(&csv).unwrap();
    let panel = Panel::from_columns(&data, "COUNTRY", "REGION")
        .unwrap()
        .convention(RatioConvention::SetMethods);
    let hw: Expression = "HW".parse().unwrap();
    let lib = panel.fit(&hw, &data, "HL", Relation::Necessity).unwrap();
    same_fit(solution, &lib, "HW");
    // Every value of SetMethods' result, the 21 countries without HL (1) included.
    let reference = &setmethods_cluster("PAYF")["nec_cond_necessity"]["result"]["values"];
    close_to(solution, &["pooled", "consistency"], reference, "POCOS");
    close_to(
        solution,
        &["pooled", "coverage"],
        reference,
        "coverage_pooled",
    );
    close_to(solution, &["between_distance"], reference, "dBP");
    close_to(solution, &["within_distance"], reference, "dWP");
    for (groups, cons_key, cov_key) in [
        ("between", "BECOS", "coverage_between"),
        ("within", "WICONS", "coverage_within"),
    ] {
        for g in solution[groups].as_array().unwrap() {
            let id = g["id"].as_str().unwrap();
            close_to(g, &["consistency"], &reference[cons_key], id);
            close_to(g, &["coverage"], &reference[cov_key], id);
        }
    }
    let text = run_ok(&args);
    assert!(text.contains(
        "note: SetMethods' convention: every ratio is (num + 1e-10) / (den + 1e-10); no \
         membership in the outcome in 0 cluster(s) and 21 unit(s) (for the whole solution): \
         consistency 1, counted in dBP and dWP."
    ));
    assert!(!text.contains("`-`"));
    let mut bad = vec!["cluster", &csv];
    bad.extend(PAYF_HW_NECESSARY);
    bad.extend(["--convention", "epsilon"]);
    refused(&bad, 2, &["epsilon", "--convention"]);
}

#[test]
fn one_cluster_is_explained() {
    let dir = Scratch::new("cli-cluster-one");
    let csv = dir.file(
        "one.csv",
        "case,unit,year,A,Y\na,fr,1990,0.8,0.9\nb,de,1990,0.3,0.2\n",
    );
    let owned = panel_args(&csv, &["-e", "A"]);
    let args: Vec<&str> = owned.iter().map(String::as_str).collect();
    let text = run_ok(&args);
    assert!(text.contains("2 units (unit), 1 cluster (year), 2 cases"));
    assert!(text.contains("note: one cluster: its consistency is the pooled one and dBP is 0."));
    let got = json(&args);
    assert_eq!(got["solution"]["between_distance"].as_f64(), Some(0.0));
}

/// `cluster CSV -o Y -c A --unit unit --cluster year EXTRA..`.
fn panel_args(csv: &str, extra: &[&str]) -> Vec<String> {
    let flags = ["-o", "Y", "-c", "A", "--unit", "unit", "--cluster", "year"];
    let all = ["cluster", csv]
        .into_iter()
        .chain(flags)
        .chain(extra.iter().copied());
    all.map(ToString::to_string).collect()
}

/// Exit `code` and the one line `fsqca: error: ...` holding each of `parts`.
fn refused(args: &[&str], code: i32, parts: &[&str]) {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty());
    let line = stderr.trim_end();
    assert!(
        !line.contains('\n') && line.starts_with("fsqca: error: "),
        "{stderr}"
    );
    for part in parts {
        assert!(line.contains(part), "{line} lacks {part}");
    }
}

#[test]
fn bad_input_is_one_error_line() {
    let dir = Scratch::new("cli-cluster-bad");
    let missing = dir.file(
        "missing.csv",
        "case,unit,year,A,Y\na,fr,1990,0.8,0.9\nb,NA,1990,0.3,0.2\n",
    );
    let twice = dir.file(
        "twice.csv",
        "case,unit,year,A,Y\na,fr,1990,0.8,0.9\nb,fr,1990,0.3,0.2\n",
    );
    let base = panel_args;
    let check = |args: Vec<String>, code: i32, parts: &[&str]| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        refused(&args, code, parts);
    };
    check(
        base(&missing, &["-e", "A"]),
        1,
        &["id column `unit` has missing values (cases: b)"],
    );
    check(
        base(&twice, &["-e", "A"]),
        1,
        &["cases `a` and `b` are both unit `fr` in cluster `1990`"],
    );
    let mut unknown = base(&twice, &["-e", "A"]);
    unknown[7] = "country".into();
    check(unknown, 1, &["unknown column `country`"]);
    check(base(&missing, &[]), 2, &["--solution"]);
    // With --drop-missing the case missing a membership is left out; without, an error.
    let gap = dir.file(
        "gap.csv",
        "case,unit,year,A,Y\na,fr,1990,0.8,0.9\nb,fr,1995,,0.2\n",
    );
    check(
        base(&gap, &["-e", "A"]),
        1,
        &["missing values in column `A` for cases: b"],
    );
    let kept = json(&strs(&base(&gap, &["-e", "A", "--drop-missing"])));
    assert_eq!(kept["solution"]["pooled"]["cases"], 1);
    check(
        base(&missing, &["-e", "A", "--solution", "conservative"]),
        2,
        &["--expression", "--solution"],
    );
    check(
        base(&missing, &["-e", "A", "--incl-cut", "0.8"]),
        2,
        &["--expression", "--incl-cut"],
    );
    check(
        base(&missing, &["-e", "B"]),
        2,
        &["--expression uses `B`, which is not among --conditions (A)"],
    );
    let ok = dir.file(
        "ok.csv",
        "case,unit,year,A,Y\na,fr,1990,0.8,0.9\nb,fr,1995,0.3,0.2\n",
    );
    check(
        base(&ok, &["--solution", "conservative", "--model", "0"]),
        2,
        &["--model counts from 1"],
    );
    check(
        base(
            &ok,
            &[
                "--incl-cut",
                "0.5",
                "--solution",
                "conservative",
                "--model",
                "3",
            ],
        ),
        1,
        &["--model 3: the solution has 1 model"],
    );
}

#[test]
fn svg_is_the_cluster_plot_of_the_solution() {
    let dir = Scratch::new("cli-cluster-svg");
    let file = dir.path("clusters.svg");
    let csv = setmethods_csv("SCHLF");
    let mut args = vec!["cluster", &csv];
    args.extend(SCHLF);
    let file_text = file.to_string_lossy().into_owned();
    args.extend(["-e", "EMP*~MA*STOCK", "--svg", &file_text]);
    run_ok(&args);
    let svg = std::fs::read_to_string(&file).expect("the SVG file");
    let doc = roxmltree::Document::parse(&svg).expect("valid SVG");
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    for year in ["1990", "1995", "1999", "2003"] {
        assert!(texts.iter().any(|t| t.trim() == year), "{year} labelled");
    }
    assert!(texts
        .iter()
        .any(|t| t.contains("sufficiency consistency per cluster; dBP")));
}
