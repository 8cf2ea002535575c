//! Parameters of fit against R QCA (R 4.2.2, QCA 3.25.1): the necessity tables, the fit of every
//! term and model of R's solutions (computed here from R's printed terms) and `superSubset()`.

mod common;

use common::{expression, load_data, load_json, num, strings, FIT_TOL};
use fsqca::fit::{self, SuperSubsetOptions};
use fsqca::Expression;
use serde_json::Value;

fn assert_close(what: &str, ours: Option<f64>, theirs: &Value) {
    match (ours, num(theirs)) {
        (Some(a), Some(b)) => assert!((a - b).abs() <= FIT_TOL, "{what}: {a} vs R {b}"),
        (None, None) => {}
        (a, _) => panic!("{what}: {a:?} vs R {theirs}"),
    }
}

#[test]
fn necessity_tables_match_r_qca() {
    let mut rows = 0;
    for name in common::dataset_names() {
        let json = load_json(&name);
        let data = load_data(&name);
        let outcome = json["outcome"].as_str().expect("outcome");
        let conditions = strings(&json["conditions"]);
        let table = fit::necessity_table(&data, outcome, &conditions).expect("necessity table");
        let theirs = json["necessity"]["rows"].as_array().expect("rows");
        assert_eq!(table.len(), theirs.len(), "{name}: number of rows");
        for (ours, r) in table.iter().zip(theirs) {
            let cond = r["condition"].as_str().expect("condition");
            assert_eq!(ours.expression.to_string(), cond, "{name}: row order");
            let what = format!("{name} {cond}");
            assert_close(&format!("{what} inclN"), ours.necessity.incl, &r["inclN"]);
            assert_close(&format!("{what} RoN"), ours.necessity.ron, &r["RoN"]);
            assert_close(&format!("{what} covN"), ours.necessity.cov, &r["covN"]);
            assert_close(&format!("{what} inclS"), ours.sufficiency.incl, &r["inclS"]);
            assert_close(&format!("{what} PRI"), ours.sufficiency.pri, &r["PRI"]);
            assert_close(&format!("{what} covS"), ours.sufficiency.cov, &r["covS"]);
            rows += 1;
        }
    }
    println!("{rows} necessity rows agree with R QCA");
    assert!(rows > 50);
}

/// Checks one minimization result (`models` and `terms`) of R against our fit of its terms.
fn check_solution(what: &str, data: &fsqca::Dataset, outcome: &str, sol: &Value) -> usize {
    let mut checked = 0;
    let models = sol["models"].as_array().cloned().unwrap_or_default();
    for m in &models {
        let terms: Vec<Expression> = strings(&m["terms"]).iter().map(|t| expression(t)).collect();
        if terms.is_empty() {
            continue;
        }
        let name = m["name"].as_str().unwrap_or("M");
        let f = fit::solution(&terms, data, outcome).expect("fit");
        let w = format!("{what} {name} {}", m["expression"]);
        assert_close(&format!("{w} inclS"), f.solution.incl, &m["inclS"]);
        assert_close(&format!("{w} PRI"), f.solution.pri, &m["PRI"]);
        assert_close(&format!("{w} covS"), f.solution.cov, &m["covS"]);
        checked += 1;
        // Unique coverage within this model.
        for tf in &f.terms {
            let t = tf.expression.to_string();
            let r = sol["terms"]
                .as_array()
                .and_then(|a| a.iter().find(|r| r["term"].as_str() == Some(t.as_str())));
            if let Some(r) = r {
                if let Some(cu) = r["covU_within_model"].get(name) {
                    if cu.is_null() && f.terms.len() == 1 {
                        // R QCA does not report unique coverage for a one-term solution; by
                        // the definition it is the term's whole coverage.
                        assert_eq!(tf.cov_unique, tf.cov, "{w} {t}: covU of a lone term");
                        continue;
                    }
                    assert_close(&format!("{w} {t} covU in {name}"), tf.cov_unique, cu);
                    checked += 1;
                }
            }
        }
    }
    // Every term: inclS, PRI, covS; covU over the union of all the models' terms.
    let rows = sol["terms"].as_array().cloned().unwrap_or_default();
    let all: Vec<Expression> = rows
        .iter()
        .map(|r| expression(r["term"].as_str().expect("term")))
        .collect();
    if !all.is_empty() {
        let f = fit::solution(&all, data, outcome).expect("fit");
        for (tf, r) in f.terms.iter().zip(&rows) {
            let w = format!("{what} term {}", r["term"]);
            assert_close(&format!("{w} inclS"), tf.incl, &r["inclS"]);
            assert_close(&format!("{w} PRI"), tf.pri, &r["PRI"]);
            assert_close(&format!("{w} covS"), tf.cov, &r["covS"]);
            if r["covU"].is_null() && f.terms.len() == 1 {
                // As above: R leaves a lone term's unique coverage out.
                assert_eq!(tf.cov_unique, tf.cov, "{w}: covU of a lone term");
            } else {
                assert_close(&format!("{w} covU"), tf.cov_unique, &r["covU"]);
            }
            checked += 1;
        }
    }
    checked
}

#[test]
fn solution_terms_and_models_match_r_qca() {
    let mut checked = 0;
    for name in common::dataset_names() {
        let json = load_json(&name);
        let data = load_data(&name);
        for part in ["main", "negated_outcome"] {
            let Some(section) = json.get(part).and_then(Value::as_object) else {
                continue;
            };
            let tt = &section["truth_table"];
            let outcome = common::outcome_of(tt);
            for (label, sol) in section {
                if label == "truth_table" || !sol.is_object() {
                    continue;
                }
                let what = format!("{name} {part}.{label}");
                checked += check_solution(&what, &data, &outcome, sol);
                if let Some(inter) = sol.get("intermediate").and_then(Value::as_object) {
                    for (pair, isol) in inter {
                        checked += check_solution(&format!("{what}.{pair}"), &data, &outcome, isol);
                    }
                }
            }
        }
    }
    println!("{checked} model and term fits agree with R QCA");
    assert!(checked > 100, "only {checked} checked");
}

#[test]
fn super_subset_matches_r_qca() {
    let mut found_any = false;
    for name in common::dataset_names() {
        let json = load_json(&name);
        let Some(ss) = json.get("superSubset") else {
            continue;
        };
        found_any = true;
        let call = ss["call"].as_str().expect("call");
        // superSubset(CVF, outcome = "PROTEST", incl.cut = 0.90, cov.cut = 0.6)
        let arg = |key: &str| -> Option<f64> {
            let start = call.find(key)? + key.len();
            let rest = call[start..].trim_start().strip_prefix('=')?.trim_start();
            let end = rest.find([',', ')']).unwrap_or(rest.len());
            rest[..end].trim().parse().ok()
        };
        let mut options = SuperSubsetOptions::default();
        if let Some(v) = arg("incl.cut") {
            options = options.incl_cutoff(v);
        }
        if let Some(v) = arg("cov.cut") {
            options = options.cov_cutoff(v);
        }
        if let Some(v) = arg("ron.cut") {
            options = options.ron_cutoff(v);
        }
        assert!(
            !call.contains("relation"),
            "only necessity searches are in the fixtures"
        );
        let data = load_data(&name);
        let outcome = json["outcome"].as_str().expect("outcome");
        let conditions = strings(&json["conditions"]);
        let ours = options.search(&data, outcome, &conditions).expect("search");
        let theirs = ss["rows"].as_array().expect("rows");
        let ours_names: Vec<String> = ours.iter().map(|f| f.expression.to_string()).collect();
        let their_names: Vec<String> = theirs
            .iter()
            .map(|r| r["expression"].as_str().expect("expression").to_owned())
            .collect();
        assert_eq!(ours_names, their_names, "{name}: {call}");
        for (o, r) in ours.iter().zip(theirs) {
            let w = format!("{name} superSubset {}", r["expression"]);
            assert_close(&format!("{w} inclN"), o.necessity.incl, &r["inclN"]);
            assert_close(&format!("{w} RoN"), o.necessity.ron, &r["RoN"]);
            assert_close(&format!("{w} covN"), o.necessity.cov, &r["covN"]);
        }
        println!(
            "{name}: {} superSubset expressions agree with R QCA",
            ours.len()
        );
    }
    assert!(found_any);
}
