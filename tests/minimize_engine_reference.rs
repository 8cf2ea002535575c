//! The minimization engine against R QCA 3.25.1 (Dușa; R 4.2.2, admisc 0.39.1): prime
//! implicants, PI chart, essential implicants and models of the conservative and parsimonious
//! solutions stored in `tests/fixtures/datasets/*.json` (each with the R call that made it).
//!
//! The problems are built from the fixtures' complete truth tables (`all_rows`: OUT `1` is
//! positive, `0` and `C` are forbidden, `?` is a remainder).

use std::path::PathBuf;

use fsqca::minimize::{
    CoverSearch, EngineOptions, MinimizationProblem, Minimized, Notation, PrimeMethod, Remainders,
};
use serde_json::Value;

fn fixtures() -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/datasets");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("fixtures directory") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).expect("readable fixture");
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            out.push((name, serde_json::from_str(&text).expect("valid JSON")));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(!out.is_empty());
    out
}

struct Table {
    names: Vec<String>,
    levels: Vec<u8>,
    positive: Vec<Vec<u8>>,
    forbidden: Vec<Vec<u8>>,
}

fn table(fixture: &Value) -> Table {
    let tt = &fixture["main"]["truth_table"];
    let names: Vec<String> = tt["conditions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let levels: Vec<u8> = tt["noflevels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as u8)
        .collect();
    let mut positive = Vec::new();
    let mut forbidden = Vec::new();
    for row in tt["all_rows"].as_array().unwrap() {
        let config: Vec<u8> = names
            .iter()
            .map(|n| row[n].as_u64().unwrap() as u8)
            .collect();
        match row["OUT"].as_str().unwrap() {
            "1" => positive.push(config),
            "0" | "C" => forbidden.push(config),
            _ => {}
        }
    }
    Table {
        names,
        levels,
        positive,
        forbidden,
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

/// Compares a solution with R's. `same_order`: whether R's order of prime implicants is
/// expected to be ours (true of every parsimonious analysis in the fixtures; R QCA 3.25 orders
/// some equally long conservative implicants differently, see the module docs of
/// `fsqca::minimize`), otherwise the sets are compared.
fn check(
    name: &str,
    label: &str,
    t: &Table,
    expected: &Value,
    solution: &Minimized,
    same_order: bool,
) {
    let notation = if t.levels.iter().any(|&l| l > 2) {
        Notation::MultiValue
    } else {
        Notation::Binary
    };
    let term = |i: usize| solution.prime_implicants()[i].format_with(&t.names, notation);
    let pis: Vec<String> = (0..solution.prime_implicants().len()).map(term).collect();
    let r_pis = strings(&expected["prime_implicants"]);
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    if same_order {
        assert_eq!(pis, r_pis, "{name} {label}: prime implicants");
    } else {
        assert_eq!(
            sorted(pis.clone()),
            sorted(r_pis.clone()),
            "{name} {label}: prime implicants"
        );
    }
    // R's chart, rows permuted into our order.
    let matrix: Vec<Vec<bool>> = expected["PIchart"]["matrix"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            row.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_u64() == Some(1))
                .collect()
        })
        .collect();
    let chart = solution.chart();
    assert_eq!(chart.n_cols(), t.positive.len());
    for (r, pi) in pis.iter().enumerate() {
        let theirs = &matrix[r_pis.iter().position(|p| p == pi).unwrap()];
        let ours: Vec<bool> = (0..chart.n_cols()).map(|c| chart.covers(r, c)).collect();
        assert_eq!(&ours, theirs, "{name} {label}: PI chart row {pi}");
    }
    let models: Vec<Vec<String>> = solution
        .models()
        .iter()
        .map(|m| m.iter().map(|&i| term(i)).collect())
        .collect();
    let r_models: Vec<Vec<String>> = expected["models"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| strings(&m["terms"]))
        .collect();
    if same_order {
        assert_eq!(models, r_models, "{name} {label}: models");
    } else {
        let canon =
            |v: Vec<Vec<String>>| sorted(v.into_iter().map(|m| sorted(m).join(" + ")).collect());
        assert_eq!(canon(models), canon(r_models), "{name} {label}: models");
    }
    let common: Vec<String> = solution.in_every_model().into_iter().map(term).collect();
    assert_eq!(
        sorted(common),
        sorted(strings(&expected["essential"])),
        "{name} {label}: essential"
    );
    assert!(!solution.is_truncated());
}

#[test]
fn conservative_and_parsimonious_match_r_qca() {
    let mut checked = 0;
    for (name, fixture) in fixtures() {
        let t = table(&fixture);
        let main = &fixture["main"];
        let cases: [(&str, Remainders, EngineOptions); 4] = [
            ("conservative", Remainders::None, EngineOptions::default()),
            ("parsimonious", Remainders::All, EngineOptions::default()),
            (
                "parsimonious_all_sol",
                Remainders::All,
                EngineOptions::default().covers(CoverSearch::Irredundant),
            ),
            (
                "parsimonious_row_dom",
                Remainders::All,
                EngineOptions::default().row_dominance(true),
            ),
        ];
        for (label, remainders, options) in cases {
            let expected = &main[label];
            if expected.is_null() {
                continue;
            }
            let problem = MinimizationProblem::new(
                t.levels.clone(),
                t.positive.clone(),
                t.forbidden.clone(),
                remainders,
            )
            .expect("valid problem");
            for method in [PrimeMethod::Fast, PrimeMethod::QuineMcCluskey] {
                let solution = problem
                    .solve(&options.clone().method(method))
                    .expect("solved");
                check(
                    &name,
                    label,
                    &t,
                    expected,
                    &solution,
                    label != "conservative",
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 19, "checked {checked} analyses");
}
