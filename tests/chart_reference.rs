//! Configuration charts of the eight SetMethods data sets (R 4.2.2, QCA 3.25.1, SetMethods
//! 4.0; `tests/fixtures/setmethods/charts/`): each condition's class, derived here from R's
//! recorded parsimonious model (`p.sol`) and intermediate model of every `CxPy` pair, string by
//! string and without the chart code, equals the class of fsqca's chart.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use fsqca::chart::{configuration_charts, ConditionClass, ConfigurationChart};
use fsqca::solution::{DirectionalExpectations, SolutionOptions, SolutionType};
use fsqca::{Dataset, TruthTableOptions};
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/setmethods")
}

/// A term as its set of literals (`A`, `~B`).
fn literals(term: &str) -> BTreeSet<String> {
    term.split('*').map(|l| l.trim().to_owned()).collect()
}

/// The classes R's models give the literals of `term`: core when the literal is in a
/// parsimonious term whose literals are all in `term`.
fn expected_classes(term: &str, p_sol: &[String], conditions: &[String]) -> Vec<ConditionClass> {
    let lits = literals(term);
    let cores: Vec<BTreeSet<String>> = p_sol
        .iter()
        .map(|p| literals(p))
        .filter(|p| p.is_subset(&lits))
        .collect();
    conditions
        .iter()
        .map(|c| {
            let negated = format!("~{c}");
            let (literal, present) = if lits.contains(c) {
                (c.clone(), true)
            } else if lits.contains(&negated) {
                (negated, false)
            } else {
                return ConditionClass::DontCare;
            };
            let core = cores.iter().any(|p| p.contains(&literal));
            match (present, core) {
                (true, true) => ConditionClass::CorePresent,
                (true, false) => ConditionClass::PeripheralPresent,
                (false, true) => ConditionClass::CoreAbsent,
                (false, false) => ConditionClass::PeripheralAbsent,
            }
        })
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

fn charts(name: &str) -> (Value, Vec<ConfigurationChart>) {
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(dir().join(format!("charts/{name}.json"))).unwrap(),
    )
    .unwrap();
    let data = Dataset::from_path(dir().join(format!("{name}.csv"))).unwrap();
    let conditions = strings(&json["conditions"]);
    let tt = TruthTableOptions::default()
        .incl_cutoff(json["incl.cut"].as_f64().unwrap())
        .n_cutoff(usize::try_from(json["n.cut"].as_u64().unwrap()).unwrap())
        .build(&data, json["outcome"].as_str().unwrap(), &conditions)
        .unwrap();
    let call = json["call"].as_str().unwrap();
    let start = call.find("dir.exp = c(").unwrap() + "dir.exp = c(".len();
    let text = &call[start..start + call[start..].find(')').unwrap()];
    let expectations = if DirectionalExpectations::is_numeric(text) {
        DirectionalExpectations::numeric(text, &conditions).unwrap()
    } else {
        text.parse().unwrap()
    };
    let intermediate = SolutionOptions::new(SolutionType::Intermediate)
        .directional_expectations(expectations)
        .solve(&tt)
        .unwrap();
    let parsimonious = SolutionOptions::new(SolutionType::Parsimonious)
        .solve(&tt)
        .unwrap();
    let charts = configuration_charts(&intermediate, &parsimonious).unwrap();
    (json, charts)
}

/// A model as its set of terms, each a set of literals.
fn model_key<S: AsRef<str>>(terms: &[S]) -> BTreeSet<BTreeSet<String>> {
    terms.iter().map(|t| literals(t.as_ref())).collect()
}

#[test]
fn every_chart_classes_conditions_as_the_reference_models_give_them() {
    for name in [
        "JOBF", "KAF", "LIPF", "PAYF", "SAMF", "SCHLF", "STUF", "THOF",
    ] {
        let (json, charts) = charts(name);
        let conditions = strings(&json["conditions"]);
        // Every (parsimonious model, intermediate model) pair of R, by content.
        let mut reference: BTreeMap<_, Vec<String>> = BTreeMap::new();
        for pair in json["intermediate"].as_object().unwrap().values() {
            let p_sol = strings(&pair["p.sol"]);
            for model in pair["models"].as_array().unwrap() {
                let terms = strings(&model["terms"]);
                reference.insert((model_key(&p_sol), model_key(&terms)), p_sol.clone());
            }
        }
        let mut seen = BTreeSet::new();
        for chart in &charts {
            let p_terms: Vec<&str> = chart.parsimonious_expression.split(" + ").collect();
            let i_terms: Vec<&str> = chart
                .configurations
                .iter()
                .map(|c| c.term.as_str())
                .collect();
            let key = (model_key(&p_terms), model_key(&i_terms));
            let p_sol = reference.get(&key).unwrap_or_else(|| {
                panic!(
                    "{name}: chart of {} on {} is no pair of R's",
                    chart.intermediate_expression, chart.parsimonious_expression
                )
            });
            seen.insert(key);
            for configuration in &chart.configurations {
                assert_eq!(
                    configuration.classes,
                    expected_classes(&configuration.term, p_sol, &conditions),
                    "{name}: configuration {} ({})",
                    configuration.label,
                    configuration.term
                );
            }
        }
        let missing: Vec<_> = reference.keys().filter(|k| !seen.contains(*k)).collect();
        assert!(
            missing.is_empty(),
            "{name}: R pairs without a chart: {missing:?}"
        );
    }
}
