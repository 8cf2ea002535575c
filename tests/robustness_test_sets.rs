//! Chosen robustness test sets (issue 18) against SetMethods 4.0's `rob.fit` on PAYF
//! (`tests/fixtures/robustness/`, extracted from `../shared/fixtures/setmethods/PAYF.json`):
//! the test sets `TS` (TS1: incl.cut 0.7, TS2: n.cut 1) and `TS3set` (TS plus TS3: HW
//! recalibrated from the raw WEAL with the crossover at 7000), read from fsqca test-set files.
//!
//! How the values are compared: `rob_fit` is rounded to 3 decimals after SetMethods rounded
//! each consistency to 3 significant digits (bug SM4), so fsqca's unrounded value must round
//! to the printed one only where that double rounding cannot move it; the fixture's
//! `recomputed` values are unrounded and are compared to 1e-9.

#![cfg(feature = "serde")]

use std::collections::BTreeSet;
use std::path::PathBuf;

use fsqca::robustness::{Analysis, RobustnessFit, Sweep, TestSet, VariantResult};
use fsqca::solution::{SolutionOptions, SolutionType};
use fsqca::{Dataset, Expression, TruthTableOptions};
use serde_json::Value;

const TOL: f64 = 1e-9;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/robustness")
}

fn fixture() -> Value {
    let text = std::fs::read_to_string(dir().join("PAYF.json")).expect("PAYF.json");
    serde_json::from_str(&text).expect("PAYF.json is JSON")
}

fn test_set(file: &str) -> TestSet {
    let text = std::fs::read_to_string(dir().join(file)).expect("test-set file");
    if file.ends_with(".json") {
        TestSet::from_json(&text).expect("a test set")
    } else {
        TestSet::from_toml(&text).expect("a test set")
    }
}

/// The initial solution IS: `minimize(PAYF, outcome = "HL", conditions = HE, GG, AH, HI, HW,
/// incl.cut = 0.87, n.cut = 2, include = "?")`, the memberships as PAYF gives them.
fn analysis(json: &Value) -> Analysis {
    let data = Dataset::from_path(dir().join("PAYF_WEAL.csv")).expect("PAYF_WEAL.csv");
    let mut analysis = Analysis::new(data, json["outcome"].as_str().expect("outcome"));
    for c in json["conditions"].as_array().expect("conditions") {
        analysis = analysis.membership_condition(c.as_str().expect("a name"));
    }
    let n_cut = json["n.cut"].as_u64().expect("n.cut") as usize;
    analysis
        .truth_table_options(
            TruthTableOptions::new()
                .incl_cutoff(json["incl.cut"].as_f64().expect("incl.cut"))
                .n_cutoff(n_cut),
        )
        .solution_options(SolutionOptions::new(SolutionType::Parsimonious))
}

/// A model's terms as a set of texts (the order of terms and literals aside).
fn terms(expression: &Expression) -> BTreeSet<String> {
    expression
        .to_string()
        .split(" + ")
        .map(|t| {
            let term: Expression = t.parse().expect("a term");
            let mut literals: Vec<String> =
                term.to_string().split('*').map(str::to_owned).collect();
            literals.sort();
            literals.join("*")
        })
        .collect()
}

fn recorded(json: &Value, test: &str) -> BTreeSet<String> {
    let text = json["tests"][test]["models"][0]["expression"]
        .as_str()
        .expect("a model");
    terms(&text.parse().expect("an expression"))
}

fn first_model(result: &VariantResult) -> Expression {
    let models = result.models().expect("solved");
    assert_eq!(models.len(), 1, "one model, as SetMethods records");
    Expression::disjunction(models[0].clone()).expect("terms")
}

fn sweep(file: &str) -> (Value, Sweep) {
    let json = fixture();
    let sweep = analysis(&json)
        .sweep_test_set(&test_set(file))
        .expect("sweep");
    (json, sweep)
}

fn assert_close(ours: Option<f64>, theirs: &Value, what: &str) {
    let theirs = theirs
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: {theirs}"));
    let ours = ours.unwrap_or_else(|| panic!("{what}: undefined"));
    assert!(
        (ours - theirs).abs() < TOL,
        "{what}: ours {ours}, recomputed {theirs}"
    );
}

fn assert_recomputed(fit: &RobustnessFit, recomputed: &Value) {
    assert_close(fit.rf_cov, &recomputed["RF_cov"], "RF_cov");
    assert_close(fit.rf_cons, &recomputed["RF_cons"], "RF_cons");
    assert_close(fit.rf_sc_min, &recomputed["RF_SC_minTS"], "RF_SC_minTS");
    assert_close(fit.rf_sc_max, &recomputed["RF_SC_maxTS"], "RF_SC_maxTS");
}

/// SetMethods' printed `rob.fit`, 3 decimals: fsqca's value rounded to 3 decimals.
fn assert_rob_fit(fit: &RobustnessFit, rob_fit: &Value) {
    let columns = &rob_fit["result"]["columns"];
    for (ours, key) in [
        (fit.rf_cov, "RF_cov"),
        (fit.rf_cons, "RF_cons"),
        (fit.rf_sc_min, "RF_SC_minTS"),
        (fit.rf_sc_max, "RF_SC_maxTS"),
    ] {
        let theirs = columns[key][0].as_f64().expect("a value");
        let ours = ours.expect("defined");
        assert_eq!(
            (ours * 1000.0).round() / 1000.0,
            theirs,
            "{key}: ours {ours}"
        );
    }
}

#[test]
fn every_alternative_gives_the_recorded_solution() {
    let (json, sweep) = sweep("PAYF_TS3set.toml");
    let baseline = sweep.baseline().models().expect("solved");
    assert_eq!(
        terms(&Expression::disjunction(baseline[0].clone()).expect("terms")),
        recorded(&json, "IS")
    );
    let names: Vec<&str> = sweep
        .variants()
        .iter()
        .map(|v| v.alternative().expect("an alternative"))
        .collect();
    assert_eq!(names, ["TS1", "TS2", "TS3"]);
    for v in sweep.variants() {
        let name = v.alternative().expect("an alternative");
        assert_eq!(
            terms(&first_model(v.result())),
            recorded(&json, name),
            "{name}"
        );
        // The fit of the alternative's own run equals R's (TS3: on its own calibration).
        let VariantResult::Solved { fit, .. } = v.result() else {
            unreachable!()
        };
        let model = &json["tests"][name]["models"][0];
        assert_close(fit[0].incl, &model["inclS"], &format!("{name} inclS"));
        assert_close(fit[0].pri, &model["PRI"], &format!("{name} PRI"));
        assert_close(fit[0].cov, &model["covS"], &format!("{name} covS"));
    }
}

#[test]
fn the_two_test_set_gives_setmethods_robustness_fit() {
    let (json, sweep) = sweep("PAYF_TS.toml");
    let fit = sweep.summary().fit;
    // Two tests: SetMethods' first-and-last reading is every test, so rob.fit is the protocol.
    assert_recomputed(&fit, &json["TS"]["recomputed"]["all_tests"]);
    assert_recomputed(&fit, &json["TS"]["recomputed"]["first_and_last"]);
    assert_rob_fit(&fit, &json["TS"]["rob_fit"]);
}

#[test]
fn the_three_test_set_gives_the_protocols_robustness_fit() {
    let (json, sweep) = sweep("PAYF_TS3set.toml");
    let fit = sweep.summary().fit;
    let recomputed = &json["TS3set"]["recomputed"];
    assert_recomputed(&fit, &recomputed["all_tests"]);
    // SetMethods' rob.fit builds minTS from TS1 and TS3 only (bug SM1): RF_SC_minTS
    // 0.870310245310245 (printed 0.87), where the intersection of all three tests gives
    // 0.886586284853052. RF_cov, RF_cons and RF_SC_maxTS agree.
    let setmethods = recomputed["first_and_last"]["RF_SC_minTS"]
        .as_f64()
        .expect("a value");
    assert!((setmethods - 0.870310245310245).abs() < TOL);
    let ours = fit.rf_sc_min.expect("defined");
    assert!((ours - 0.886586284853052).abs() < TOL, "{ours}");
    let printed = &json["TS3set"]["rob_fit"]["result"]["columns"];
    assert_eq!(printed["RF_SC_minTS"][0].as_f64(), Some(0.87));
    assert_eq!(printed["RF_SC_maxTS"][0].as_f64(), Some(0.724));
    assert_eq!(
        (fit.rf_sc_max.expect("defined") * 1000.0).round() / 1000.0,
        0.724
    );
    // RF_cov: SetMethods prints 0.917 where the exact 0.917920068758058 rounds to 0.918: it
    // divides coverages already rounded to 3 digits (bug SM4). Both from fsqca's own values:
    let round3 = |x: f64| (x * 1000.0).round() / 1000.0;
    let cov_is = json["tests"]["IS"]["models"][0]["covS"]
        .as_f64()
        .expect("covS");
    let rf_cov = fit.rf_cov.expect("defined");
    assert_eq!(round3(rf_cov), 0.918);
    assert_eq!(round3(round3(rf_cov * cov_is) / round3(cov_is)), 0.917);
    assert_eq!(printed["RF_cov"][0].as_f64(), Some(0.917));
    assert_eq!(round3(fit.rf_cons.expect("defined")), 0.966);
    assert_eq!(printed["RF_cons"][0].as_f64(), Some(0.966));
}

#[test]
fn toml_and_json_files_give_the_same_sweep() {
    let (_, from_toml) = sweep("PAYF_TS3set.toml");
    let (_, from_json) = sweep("PAYF_TS3set.json");
    assert_eq!(from_toml, from_json);
    assert_eq!(from_toml.chosen_test_set(), Some("PAYF TS3set"));
    let text = from_toml.summary().to_string();
    assert!(
        text.contains("test set: chosen test set `PAYF TS3set`: TS1, TS2, TS3"),
        "{text}"
    );
}
