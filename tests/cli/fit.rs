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
