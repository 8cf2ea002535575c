//! `fsqca fit`: sufficiency and necessity against R QCA and the library, undefined measures.

use fsqca::fit;

use super::*;

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
                same(&got["solution"]["incl_h"], lib.solution.incl_h, &what);
                same(&got["solution"]["product"], lib.solution.product, &what);
                let terms = got["terms"].as_array().expect("terms");
                assert_eq!(terms.len(), lib.terms.len());
                for (g, l) in terms.iter().zip(&lib.terms) {
                    assert_eq!(g["expression"], l.expression.to_string());
                    same(&g["incl"], l.incl, &what);
                    same(&g["pri"], l.pri, &what);
                    same(&g["cov"], l.cov, &what);
                    same(&g["cov_unique"], l.cov_unique, &what);
                    same(&g["incl_h"], l.incl_h, &what);
                    same(&g["product"], l.product, &what);
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
    let text = run_ok(&["fit", &csv, "-o", "SURV", "-e", "LIT + STB*~URB"]);
    assert!(text.contains("covU") && text.contains("STB*~URB"), "{text}");
}

#[test]
fn fit_reports_undefined_measures_as_null() {
    let input = b"case,A,Y\nx,0,0.3\ny,0,0.9\n";
    let got: Value = serde_json::from_str(&run_ok_with(
        &["fit", "-", "-o", "Y", "-e", "A", "--format", "json"],
        Some(input),
    ))
    .expect("JSON");
    assert!(got["solution"]["incl"].is_null());
    assert!(got["terms"][0]["incl"].is_null());
    let text = run_ok_with(&["fit", "-", "-o", "Y", "-e", "A"], Some(input));
    assert!(text.contains(" -"), "{text}");
}

/// Haesebrouck's consistency and PRODUCT of SetMethods' `QCAfit` (SetMethods 4.0), exact values
/// (`unrounded`): JOBF's conservative solution, per term and for the solution, in JSON and text.
#[test]
fn fit_reports_haesebrouck_and_product_as_setmethods_qcafit() {
    let path = root().join("tests/fixtures/setmethods/diagnostics/JOBF.json");
    let fx: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("JSON");
    let rows = fx["QCAfit"]["solutions"]["conservative"]["sufficiency"]["unrounded"]
        .as_array()
        .expect("rows");
    let (whole, terms) = rows.split_last().expect("rows");
    let expression = terms
        .iter()
        .map(|r| r["row"].as_str().expect("term"))
        .collect::<Vec<_>>()
        .join(" + ");
    let csv = root()
        .join("tests/fixtures/setmethods/JOBF.csv")
        .to_string_lossy()
        .into_owned();
    let args = ["fit", &csv, "--outcome", "HM", "--expression", &expression];
    let got = json(&args);
    for (g, r) in got["terms"].as_array().expect("terms").iter().zip(terms) {
        let what = format!("JOBF {}", r["row"]);
        close(num(&g["incl_h"]), num(&r["Cons.Suf(H)"]), &what);
        close(num(&g["product"]), num(&r["PRODUCT"]), &what);
    }
    close(
        num(&got["solution"]["incl_h"]),
        num(&whole["Cons.Suf(H)"]),
        "JOBF solution",
    );
    close(
        num(&got["solution"]["product"]),
        num(&whole["PRODUCT"]),
        "JOBF solution",
    );
    let text = run_ok(&args);
    let header = text.lines().nth(3).expect("header");
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        ["inclS", "PRI", "covS", "covU", "inclH", "PROD"]
    );
    let solution_line = text.lines().last().expect("M row");
    let cells: Vec<&str> = solution_line.split_whitespace().collect();
    let h = num(&got["solution"]["incl_h"]).expect("defined");
    let p = num(&got["solution"]["product"]).expect("defined");
    assert_eq!(cells[0], "M");
    assert_eq!(
        cells[cells.len() - 2..],
        [format!("{h:.3}"), format!("{p:.3}")]
    );
}
