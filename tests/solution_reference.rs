//! Conservative, parsimonious (also with R's `all.sol = TRUE` and `row.dom = TRUE`) and
//! intermediate solutions against R QCA 3.25.1 on every data set in `tests/fixtures/datasets`: each model as a set of terms (every model when ambiguous), the
//! fit of each model and term to 1e-9, the prime implicants, the essential ones, the
//! simplifying assumptions and the easy and difficult counterfactuals.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{load_data, load_json, num, options_of, outcome_of, strings, FIT_TOL, SOURCE};
use fsqca::minimize::{CoverSearch, EngineOptions};
use fsqca::solution::{DirectionalExpectations, Model, Solution, SolutionOptions, SolutionType};
use fsqca::TruthTable;
use serde_json::Value;

/// A model as R prints it, made order-independent: the set of its terms, each written with
/// its literals in condition order (as both R and this crate write them).
fn term_set(terms: impl IntoIterator<Item = String>) -> BTreeSet<String> {
    terms.into_iter().map(|t| t.replace(' ', "")).collect()
}

fn our_models(solution: &Solution) -> BTreeMap<BTreeSet<String>, &Model> {
    solution
        .models()
        .iter()
        .map(|m| {
            let terms = term_set(m.terms().iter().map(|t| t.expression().to_string()));
            (terms, m)
        })
        .collect()
}

fn close(ours: Option<f64>, reference: &Value, what: &str) {
    let want = num(reference);
    match (ours, want) {
        (Some(a), Some(b)) => assert!(
            (a - b).abs() <= FIT_TOL,
            "{what}: ours {a}, {SOURCE} {b}, difference {}",
            a - b
        ),
        (None, None) => {}
        (a, b) => panic!("{what}: ours {a:?}, {SOURCE} {b:?}"),
    }
}

fn ids(v: &Value) -> Vec<u64> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default()
}

/// R's `dir.exp` argument, from the stored call.
fn dir_exp(call: &str) -> DirectionalExpectations {
    let text = if let Some(start) = call.find("dir.exp = c(") {
        let rest = &call[start + "dir.exp = c(".len()..];
        rest[..rest.find(')').expect("closing parenthesis")].to_string()
    } else {
        let start = call.find("dir.exp = \"").expect("dir.exp") + "dir.exp = \"".len();
        let rest = &call[start..];
        rest[..rest.find('"').expect("closing quote")].to_string()
    };
    text.parse().expect("R's dir.exp parses")
}

fn check_models(name: &str, label: &str, ours: &Solution, reference: &Value) {
    let want: BTreeMap<BTreeSet<String>, &Value> = reference["models"]
        .as_array()
        .expect("models")
        .iter()
        .map(|m| (term_set(strings(&m["terms"])), m))
        .collect();
    let got = our_models(ours);
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>(),
        "{name} {label}: models differ from {SOURCE}"
    );
    for (terms, model) in &got {
        let r = want[terms];
        let what = format!("{name} {label} {}", model.expression());
        close(model.fit().incl, &r["inclS"], &format!("{what} inclS"));
        close(model.fit().pri, &r["PRI"], &format!("{what} PRI"));
        close(model.fit().cov, &r["covS"], &format!("{what} covS"));
    }
}

/// Term fit: R's `terms` entries give inclS, PRI, covS for every prime implicant used, and
/// `covU_within_model` per model.
fn check_terms(name: &str, label: &str, ours: &Solution, reference: &Value) {
    let Some(terms) = reference["terms"].as_array() else {
        return;
    };
    let by_term: BTreeMap<String, &Value> = terms
        .iter()
        .filter_map(|t| Some((t["term"].as_str()?.replace(' ', ""), t)))
        .collect();
    let names: Vec<String> = reference["models"]
        .as_array()
        .expect("models")
        .iter()
        .map(|m| m["name"].as_str().unwrap_or("M1").to_string())
        .collect();
    let want_models: Vec<BTreeSet<String>> = reference["models"]
        .as_array()
        .expect("models")
        .iter()
        .map(|m| term_set(strings(&m["terms"])))
        .collect();
    for model in ours.models() {
        let key = term_set(model.terms().iter().map(|t| t.expression().to_string()));
        let Some(index) = want_models.iter().position(|w| *w == key) else {
            continue;
        };
        for term in model.terms() {
            let text = term.expression().to_string();
            let Some(r) = by_term.get(&text) else {
                panic!("{name} {label}: term {text} not in R's term table");
            };
            let what = format!("{name} {label} {text}");
            close(term.incl(), &r["inclS"], &format!("{what} inclS"));
            close(term.pri(), &r["PRI"], &format!("{what} PRI"));
            close(term.cov(), &r["covS"], &format!("{what} covS"));
            // R leaves covU empty for a model of one term; ours is then the term's coverage.
            let within = &r["covU_within_model"][&names[index]];
            if model.terms().len() > 1 && !within.is_null() {
                close(term.cov_unique(), within, &format!("{what} covU"));
            }
        }
    }
}

fn solve(tt: &TruthTable, options: SolutionOptions) -> Solution {
    options.solve(tt).expect("the solution exists")
}

#[test]
fn solutions_match_r_qca_on_every_fixture() {
    let mut checked = 0;
    let mut all_sol_checked = 0;
    for name in common::dataset_names() {
        let json = load_json(&name);
        let data = load_data(&name);
        for part in ["main", "negated_outcome"] {
            let Some(block) = json.get(part) else {
                continue;
            };
            let tt_ref = &block["truth_table"];
            let conditions = strings(&tt_ref["conditions"]);
            let tt = options_of(tt_ref)
                .build(&data, outcome_of(tt_ref), &conditions)
                .expect("truth table");
            let all_sol = EngineOptions::new().covers(CoverSearch::Irredundant);
            let row_dom = EngineOptions::new().row_dominance(true);
            for (label, kind, engine) in [
                (
                    "conservative",
                    SolutionType::Conservative,
                    EngineOptions::new(),
                ),
                (
                    "parsimonious",
                    SolutionType::Parsimonious,
                    EngineOptions::new(),
                ),
                ("parsimonious_all_sol", SolutionType::Parsimonious, all_sol),
                ("parsimonious_row_dom", SolutionType::Parsimonious, row_dom),
            ] {
                let Some(reference) = block.get(label) else {
                    continue;
                };
                let row_dom = engine.get_row_dominance();
                let ours = solve(&tt, SolutionOptions::new(kind).engine(engine));
                let what = format!("{name} {part}");
                check_models(&what, label, &ours, reference);
                check_terms(&what, label, &ours, reference);
                let pis: BTreeSet<String> = ours
                    .prime_implicants()
                    .iter()
                    .map(|e| e.to_string())
                    .collect();
                if !row_dom {
                    assert_eq!(
                        pis,
                        term_set(strings(&reference["prime_implicants"])),
                        "{what} {label}: prime implicants"
                    );
                }
                let essential: BTreeSet<String> =
                    ours.essential().iter().map(|e| e.to_string()).collect();
                assert_eq!(
                    essential,
                    term_set(strings(&reference["essential"])),
                    "{what} {label}: essential prime implicants"
                );
                // Simplifying assumptions per model (R names models M1, M2, ... in our order).
                if let Some(sa) = reference["simplifying_assumptions"].as_object() {
                    for (i, model) in ours.models().iter().enumerate() {
                        if let Some(r) = sa.get(&format!("M{}", i + 1)) {
                            let sa = model.simplifying_assumptions();
                            let want = ids(&r["ids"]);
                            assert!(sa.is_complete(), "{what} {label} M{} SA", i + 1);
                            assert_eq!(sa.count(), want.len() as u64);
                            assert_eq!(sa.rows(), want, "{what} {label} M{} SA", i + 1);
                        }
                    }
                }
                checked += 1;
                all_sol_checked += usize::from(label == "parsimonious_all_sol");
            }
            for label in ["intermediate", "intermediate_conjunctural"] {
                let Some(reference) = block.get(label) else {
                    continue;
                };
                let options = SolutionOptions::new(SolutionType::Intermediate)
                    .directional_expectations(dir_exp(reference["call"].as_str().expect("call")));
                let ours = solve(&tt, options);
                let pairs = reference["intermediate"].as_object().expect("pairs");
                for (pair, r) in pairs {
                    // `CxPy`: conservative model x, parsimonious model y (1-based).
                    let (c, p) = pair[1..].split_once('P').expect("CxPy");
                    let origin = (
                        c.parse::<usize>().unwrap() - 1,
                        p.parse::<usize>().unwrap() - 1,
                    );
                    let mine: Vec<&Model> = ours
                        .models()
                        .iter()
                        .filter(|m| {
                            m.origin().map(|o| (o.conservative, o.parsimonious)) == Some(origin)
                        })
                        .collect();
                    let what = format!("{name} {part} {label} {pair}");
                    assert_eq!(mine.len(), r["models"].as_array().unwrap().len(), "{what}");
                    for m in &mine {
                        let (easy, difficult) =
                            (m.easy_counterfactuals(), m.difficult_counterfactuals());
                        let want_easy = ids(&r["easy_counterfactuals"]);
                        let want_difficult = ids(&r["difficult_counterfactuals"]);
                        assert!(easy.is_complete() && difficult.is_complete(), "{what}");
                        assert_eq!(easy.count(), want_easy.len() as u64, "{what} easy");
                        assert_eq!(easy.rows(), want_easy, "{what} easy");
                        assert_eq!(difficult.count(), want_difficult.len() as u64);
                        assert_eq!(difficult.rows(), want_difficult, "{what} difficult");
                    }
                    let got: BTreeSet<BTreeSet<String>> = mine
                        .iter()
                        .map(|m| term_set(m.terms().iter().map(|t| t.expression().to_string())))
                        .collect();
                    let want: BTreeSet<BTreeSet<String>> = r["models"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|m| term_set(strings(&m["terms"])))
                        .collect();
                    assert_eq!(got, want, "{what}: models");
                    for m in &mine {
                        let key = term_set(m.terms().iter().map(|t| t.expression().to_string()));
                        let rm = r["models"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .find(|x| term_set(strings(&x["terms"])) == key)
                            .unwrap();
                        close(m.fit().incl, &rm["inclS"], &format!("{what} inclS"));
                        close(m.fit().pri, &rm["PRI"], &format!("{what} PRI"));
                        close(m.fit().cov, &rm["covS"], &format!("{what} covS"));
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 35, "only {checked} solutions checked");
    // R's `all.sol = TRUE` solution: for the outcome of every fixture, and for the negated
    // outcome of CVF, LF and LM (on d.napoleon it adds three models to the minimal one).
    assert_eq!(all_sol_checked, 9, "all.sol solutions checked");
}
