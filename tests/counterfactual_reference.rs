//! Counterfactual analysis against R QCA 3.25.1 and SetMethods 4.0 (R 4.2.2): `findRows`
//! types 0-3, solutions with exclusions, ESA and `LR.intersect`, on the SetMethods data sets
//! of `tests/fixtures/setmethods/` (extracted from `../shared/fixtures/setmethods/`).

use std::collections::BTreeSet;
use std::path::PathBuf;

use fsqca::counterfactual::{common_counterfactuals, Esa, FindRows, RowType};
use fsqca::solution::{DirectionalExpectations, Model, Solution, SolutionOptions, SolutionType};
use fsqca::{Dataset, OutputValue, TruthTable, TruthTableOptions};
use serde_json::Value;

/// Source of every reference value here.
const SOURCE: &str = "R 4.2.2, QCA 3.25.1, SetMethods 4.0";

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/setmethods")
}

/// The data sets with a `counterfactuals` section, sorted.
fn names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("fixture directory")
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "json").then(|| p.file_stem().unwrap().to_string_lossy().into())
        })
        .collect();
    names.sort();
    assert_eq!(names.len(), 8, "the eight SetMethods data sets");
    names
}

struct Case {
    name: String,
    json: Value,
    data: Dataset,
}

impl Case {
    fn load(name: &str) -> Case {
        let text = std::fs::read_to_string(dir().join(format!("{name}.json"))).unwrap();
        let json: Value = serde_json::from_str(&text).unwrap();
        let data = Dataset::from_path(dir().join(format!("{name}.csv"))).unwrap();
        Case {
            name: name.to_owned(),
            json,
            data,
        }
    }

    fn conditions(&self) -> Vec<String> {
        self.json["conditions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_owned())
            .collect()
    }

    fn options(&self) -> TruthTableOptions {
        let incl = self.json["incl.cut"].as_f64().unwrap();
        let n = self.json["n.cut"].as_u64().unwrap();
        TruthTableOptions::default()
            .incl_cutoff(incl)
            .n_cutoff(usize::try_from(n).unwrap())
    }

    fn table(&self) -> TruthTable {
        let outcome = self.json["outcome"].as_str().unwrap();
        self.options()
            .build(&self.data, outcome, &self.conditions())
            .unwrap()
    }

    fn counterfactuals(&self) -> &Value {
        &self.json["counterfactuals"]
    }
}

fn ids(v: &Value) -> Vec<u64> {
    v.as_array()
        .unwrap_or_else(|| panic!("not a list of ids: {v}"))
        .iter()
        .map(|x| x.as_u64().unwrap())
        .collect()
}

/// The remainders with some cases (fewer than n.cut) on which the untenable expression is
/// true, by a direct evaluation of each row.
fn low_frequency_matches(tt: &TruthTable, expression: &Value) -> Vec<u64> {
    let expression: fsqca::Expression = expression.as_str().unwrap().parse().unwrap();
    let conditions = tt.conditions();
    tt.rows()
        .iter()
        .filter(|r| r.out() == OutputValue::Remainder && r.n() > 0)
        .filter(|r| {
            // Crisp conditions: the row's values as a one-case data set.
            let columns: Vec<(&str, Vec<f64>)> = conditions
                .iter()
                .zip(r.values())
                .map(|(c, &v)| (c.as_str(), vec![f64::from(v)]))
                .collect();
            let row = Dataset::from_columns(columns).unwrap();
            expression.evaluate(&row).unwrap().values()[0] > 0.5
        })
        .map(|r| r.id())
        .collect()
}

/// findRows types 1, 2, 3 and 0, on every data set; where R stops with an error, fsqca's
/// answer is checked against the reason (see each case).
#[test]
fn find_rows_equals_r_qca() {
    for name in names() {
        let case = Case::load(&name);
        let tt = case.table();
        let c = case.counterfactuals();
        let expression = c["untenable_expression"].as_str().unwrap().parse().unwrap();
        let finder = FindRows::new().expression(expression);
        for (key, kind) in [
            ("type1", RowType::Remainders),
            ("type2", RowType::Csa),
            ("type3", RowType::Ssr),
            ("type0", RowType::All),
        ] {
            let reference = &c["findRows"][key];
            let found = finder.find(&tt, kind);
            match (&reference["result"], found) {
                (Value::Array(_), Ok(found)) => {
                    let mut expected = ids(&reference["result"]);
                    if matches!(kind, RowType::Remainders | RowType::All) {
                        // R QCA's findRows type 1 takes the configurations without any case;
                        // fsqca takes every remainder, which includes the rows with fewer
                        // cases than n.cut: minimize() uses those as remainders too, so an
                        // untenable one must be found (PAYF, n.cut = 2: rows 13, 15, 21).
                        expected.extend(low_frequency_matches(&tt, &c["untenable_expression"]));
                        expected.sort_unstable();
                        expected.dedup();
                    }
                    assert_eq!(found.rows(), expected, "{name} {key} ({SOURCE})");
                    assert!(found.is_complete());
                    assert_eq!(found.count(), found.rows().len() as u64);
                }
                (_, found) => {
                    // SAMF: no remainder satisfies `~G*~H` (R stops instead of returning no
                    // id: a quirk, fsqca returns the empty set); the parsimonious solution of
                    // ~Y uses every configuration (R: "all conditions are minimized";
                    // fsqca: a tautology error), so types 2 and 0 fail in both.
                    assert_eq!(name, "SAMF", "{key}: {reference}");
                    match key {
                        "type1" => assert_eq!(found.unwrap().count(), 0),
                        _ => assert!(found.is_err(), "{key}"),
                    }
                }
            }
        }
    }
}

/// The `dir.exp` of an R object's code (`dir.exp = c(A, ~B)`), as fsqca reads it.
fn dir_exp(case: &Case, object: &str) -> DirectionalExpectations {
    let code = case.json["objects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == object)
        .unwrap_or_else(|| panic!("{}: no object {object}", case.name))["code"]
        .as_str()
        .unwrap();
    let start = code.find("dir.exp = c(").unwrap() + "dir.exp = c(".len();
    let end = start + code[start..].find(')').unwrap();
    let text = &code[start..end];
    if DirectionalExpectations::is_numeric(text) {
        // SetMethods' numeric form, `c(0,0,0,0,0,0)`: one entry per condition.
        DirectionalExpectations::numeric(text, &case.conditions()).unwrap()
    } else {
        text.parse().unwrap()
    }
}

/// The simplifying assumptions of parsimonious model 1 of a section (`main` or
/// `negated_outcome`), by row id (R names the models M1.. or, from 10 models, M01..).
fn first_model_sas(case: &Case, section: &str) -> Vec<u64> {
    let sas = case.json[section]["parsimonious"]["simplifying_assumptions"]
        .as_object()
        .unwrap();
    let first = sas.get("M1").or_else(|| sas.get("M01")).unwrap();
    ids(&first["ids"])
}

/// SetMethods' `LR.intersect` of the Y and ~Y solutions: parsimonious (model 1 of each) and
/// intermediate (C1P1's easy counterfactuals).
#[test]
fn lr_intersect_equals_setmethods() {
    for name in names() {
        let case = Case::load(&name);
        let reference = &case.counterfactuals()["LR_intersect"];
        let tt = case.table();
        let outcome = case.json["outcome"].as_str().unwrap();
        let tt_neg = case
            .options()
            .build(
                &case.data,
                format!("~{outcome}").as_str(),
                &case.conditions(),
            )
            .unwrap();
        let parsimonious = SolutionOptions::new(SolutionType::Parsimonious);
        let (y, not_y) = match (parsimonious.solve(&tt), parsimonious.solve(&tt_neg)) {
            (Ok(y), Ok(not_y)) => (y, not_y),
            (_, Err(e)) => {
                // SAMF: ~Y has no parsimonious solution (R: no `sol_p_neg` object).
                assert_eq!(name, "SAMF", "{e}");
                assert!(reference["parsimonious"]["error"].is_string());
                continue;
            }
            (Err(e), _) => panic!("{name}: {e}"),
        };
        let common = common_counterfactuals(&tt, (&y, 0), (&not_y, 0), 1 << 20).unwrap();
        match &reference["parsimonious"]["result"] {
            Value::Array(_) => {
                assert_eq!(
                    common.rows(),
                    ids(&reference["parsimonious"]["result"]),
                    "{name} parsimonious ({SOURCE})"
                );
            }
            _ => {
                // THOF, SetMethods' bug SM11: with 10 or more models (~Y has 30) R names
                // them M01.. and LR.intersect fails looking up `M1`. The correct value is
                // the intersection of R's own SAs of model 1 of each side.
                assert_eq!(name, "THOF");
                let mut expected: Vec<u64> = first_model_sas(&case, "main")
                    .into_iter()
                    .filter(|id| first_model_sas(&case, "negated_outcome").contains(id))
                    .collect();
                expected.sort_unstable();
                assert_eq!(common.rows(), expected, "{name}: SM11, the correct value");
            }
        }
        let intermediate = |object: &str| {
            SolutionOptions::new(SolutionType::Intermediate)
                .directional_expectations(dir_exp(&case, object))
        };
        let y_i = intermediate("sol_i").solve(&tt).unwrap();
        let not_y_i = intermediate("sol_i_neg").solve(&tt_neg).unwrap();
        let common = common_counterfactuals(&tt, (&y_i, 0), (&not_y_i, 0), 1 << 20).unwrap();
        assert_eq!(
            common.rows(),
            ids(&reference["intermediate"]["result"]),
            "{name} intermediate ({SOURCE})"
        );
    }
}

/// Tolerance for inclusion, PRI and coverage against R QCA (15 significant digits stored).
const FIT_TOL: f64 = 1e-9;

fn close(ours: Option<f64>, reference: &Value, what: &str) {
    match (ours, reference.as_f64()) {
        (Some(a), Some(b)) => assert!((a - b).abs() <= FIT_TOL, "{what}: ours {a}, {SOURCE} {b}"),
        (None, None) => {}
        (a, b) => panic!("{what}: ours {a:?}, {SOURCE} {b:?}"),
    }
}

/// A model as a set of terms (order-independent).
fn term_set(terms: impl IntoIterator<Item = String>) -> BTreeSet<String> {
    terms.into_iter().map(|t| t.replace(' ', "")).collect()
}

fn model_terms(model: &Model) -> BTreeSet<String> {
    term_set(model.terms().iter().map(|t| t.expression().to_string()))
}

fn reference_terms(model: &Value) -> BTreeSet<String> {
    term_set(
        model["terms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap().to_owned()),
    )
}

/// The simplifying assumptions of a model, by row id.
fn sa_ids(model: &Model) -> Vec<u64> {
    model.simplifying_assumptions().rows()
}

/// The easy counterfactuals of a model, by row id.
fn ec_ids(model: &Model) -> Vec<u64> {
    model.easy_counterfactuals().rows()
}

/// Every model of a parsimonious solution against R's: the same models, each with its fit
/// to 1e-9 and its simplifying assumptions.
fn check_parsimonious(what: &str, ours: &Solution, reference: &Value) {
    let want = reference["models"].as_array().unwrap();
    assert_eq!(ours.models().len(), want.len(), "{what}: number of models");
    let sas = reference["simplifying_assumptions"].as_object();
    for (i, r) in want.iter().enumerate() {
        let model = ours
            .models()
            .iter()
            .find(|m| model_terms(m) == reference_terms(r))
            .unwrap_or_else(|| panic!("{what}: no model {}", r["expression"]));
        close(model.fit().incl, &r["inclS"], &format!("{what} {i} inclS"));
        close(model.fit().pri, &r["PRI"], &format!("{what} {i} PRI"));
        close(model.fit().cov, &r["covS"], &format!("{what} {i} covS"));
        if let Some(sa) = sas.and_then(|s| s.get(r["name"].as_str().unwrap())) {
            assert_eq!(sa_ids(model), ids(&sa["ids"]), "{what} {} SAs", r["name"]);
        }
    }
}

/// Every CxPy pair of an intermediate solution against R's: models, fit, easy
/// counterfactuals.
fn check_intermediate(what: &str, ours: &Solution, reference: &Value) {
    for (pair, r) in reference["intermediate"].as_object().unwrap() {
        let (c, p) = pair[1..].split_once('P').unwrap();
        let origin = (
            c.parse::<usize>().unwrap() - 1,
            p.parse::<usize>().unwrap() - 1,
        );
        let mine: Vec<&Model> = ours
            .models()
            .iter()
            .filter(|m| m.origin().map(|o| (o.conservative, o.parsimonious)) == Some(origin))
            .collect();
        let want = r["models"].as_array().unwrap();
        assert_eq!(mine.len(), want.len(), "{what} {pair}: number of models");
        for w in want {
            let model = mine
                .iter()
                .find(|m| model_terms(m) == reference_terms(w))
                .unwrap_or_else(|| panic!("{what} {pair}: no model {}", w["expression"]));
            close(
                model.fit().incl,
                &w["inclS"],
                &format!("{what} {pair} inclS"),
            );
            close(model.fit().pri, &w["PRI"], &format!("{what} {pair} PRI"));
            close(model.fit().cov, &w["covS"], &format!("{what} {pair} covS"));
            assert_eq!(
                ec_ids(model),
                ids(&r["easy_counterfactuals"]),
                "{what} {pair} ECs"
            );
        }
    }
}

/// R QCA's `minimize(exclude = ids)`: the remainders among the ids are excluded and the
/// observed ones (SSR rows from findRows type 3) set negative, which fsqca asks for
/// explicitly ([`SolutionOptions::negative_rows`]). Parsimonious and intermediate, with
/// every id and with the remainders only.
#[test]
fn solutions_with_exclusions_equal_r_qca() {
    let mut checked = 0;
    for name in names() {
        let case = Case::load(&name);
        let c = case.counterfactuals();
        let Some(exclude) = c.get("exclude") else {
            continue;
        };
        let tt = case.table();
        let intermediate_call = exclude["intermediate"]["call"].as_str().unwrap();
        let start = intermediate_call.find("dir.exp = c(").unwrap() + "dir.exp = c(".len();
        let end = start + intermediate_call[start..].find(')').unwrap();
        let text = &intermediate_call[start..end];
        let expectations: DirectionalExpectations = if DirectionalExpectations::is_numeric(text) {
            DirectionalExpectations::numeric(text, &case.conditions()).unwrap()
        } else {
            text.parse().unwrap()
        };
        for (ids_key, suffix) in [
            ("exclude_ids", ""),
            ("exclude_ids_remainders_only", "_remainders_only"),
        ] {
            let (observed, remainders): (Vec<u64>, Vec<u64>) =
                ids(&c[ids_key]).into_iter().partition(|&id| {
                    tt.row(id)
                        .is_some_and(|r| r.out() != OutputValue::Remainder)
                });
            let base = SolutionOptions::new(SolutionType::Parsimonious)
                .exclude(remainders)
                .negative_rows(observed);
            let what = format!("{name} exclude{suffix}");
            let parsimonious = base.clone().solve(&tt).unwrap();
            check_parsimonious(
                &format!("{what} parsimonious"),
                &parsimonious,
                &exclude[format!("parsimonious{suffix}")],
            );
            let intermediate = base
                .solution_type(SolutionType::Intermediate)
                .directional_expectations(expectations.clone())
                .solve(&tt)
                .unwrap();
            check_intermediate(
                &format!("{what} intermediate"),
                &intermediate,
                &exclude[format!("intermediate{suffix}")],
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 14, "seven data sets, two exclusions each");
}

/// The strings of an R argument: `name = "A"` or `name = c("A", "B")`.
fn r_strings(call: &str, name: &str) -> Vec<String> {
    let Some(start) = call.find(&format!("{name} = ")) else {
        return Vec::new();
    };
    let rest = &call[start + name.len() + 3..];
    let end = if rest.starts_with("c(") {
        rest.find(')').unwrap()
    } else {
        rest[1..].find('"').unwrap() + 2
    };
    rest[..end]
        .trim_start_matches("c(")
        .split(',')
        .map(|s| s.trim().trim_matches('"').to_owned())
        .collect()
}

/// Whether an expression is true on a configuration (crisp values), by evaluation.
fn is_true_on(expression: &fsqca::Expression, conditions: &[String], values: &[u8]) -> bool {
    let columns: Vec<(&str, Vec<f64>)> = conditions
        .iter()
        .zip(values)
        .map(|(c, &v)| (c.as_str(), vec![f64::from(v)]))
        .collect();
    let row = Dataset::from_columns(columns).unwrap();
    expression.evaluate(&row).unwrap().values()[0] > 0.5
}

/// SetMethods' `esa(oldtt, nec_cond, untenable_LR, contrad_rows)` done as fsqca does it:
/// the remainders where a necessary condition is false or an untenable conjunction is true
/// are excluded, the `contrad_rows` set negative. Where SetMethods changes only remainders
/// and the contrad_rows, the solutions are R's (JOBF, LIPF, PAYF, STUF). Where it also sets
/// observed rows negative because a necessary condition is false on them (its bug SM3: KAF,
/// SCHLF, THOF), fsqca leaves them: the test states SetMethods' rows, ours, and checks that
/// every model of ours still covers the positive ones among them.
#[test]
fn esa_is_setmethods_without_its_bug_sm3() {
    let mut equal = Vec::new();
    let mut sm3 = Vec::new();
    for name in names() {
        let case = Case::load(&name);
        let esa = &case.counterfactuals()["esa"];
        let call = esa["call"].as_str().unwrap();
        let necessary: Vec<fsqca::Expression> = r_strings(call, "nec_cond")
            .iter()
            .map(|e| e.parse().unwrap())
            .collect();
        let untenable: Vec<fsqca::Expression> = r_strings(call, "untenable_LR")
            .iter()
            .map(|e| e.parse().unwrap())
            .collect();
        let contrad: Vec<u64> = r_strings(call, "contrad_rows")
            .iter()
            .map(|id| id.parse().unwrap())
            .collect();
        let tt = case.table();
        let mut expressions: Vec<fsqca::Expression> = necessary
            .iter()
            .map(|e| e.clone().negate().unwrap())
            .collect();
        expressions.extend(untenable);
        // The rows SetMethods changed, and those it should not have (observed, not listed).
        let changed = esa["result"]["changed_rows"].as_array().unwrap();
        let wrongly_changed: Vec<u64> = changed
            .iter()
            .filter(|r| r["remainder_before"] == false)
            .map(|r| r["id"].as_u64().unwrap())
            .filter(|id| !contrad.contains(id))
            .collect();
        // Ours: the remainders of the exclusions, plus the contrad_rows.
        let exclusion = expressions
            .iter()
            .cloned()
            .reduce(|a, b| fsqca::Expression::disjunction([a, b]).unwrap())
            .unwrap();
        let mut ours = FindRows::new()
            .expression(exclusion)
            .find(&tt, RowType::Remainders)
            .unwrap()
            .rows()
            .to_vec();
        ours.extend(&contrad);
        ours.sort_unstable();
        ours.dedup();
        let mut setmethods: Vec<u64> = changed.iter().map(|r| r["id"].as_u64().unwrap()).collect();
        setmethods.retain(|id| !wrongly_changed.contains(id));
        // Rows already 0 are not "changed" in SetMethods' list: compare on the rows that
        // were not negative before.
        ours.retain(|&id| tt.row(id).is_none_or(|r| r.out() != OutputValue::Negative));
        assert_eq!(
            ours, setmethods,
            "{name}: the rows ESA changes ({SOURCE}, without SM3)"
        );
        for &id in &wrongly_changed {
            let row = tt.row(id).unwrap();
            assert!(
                necessary
                    .iter()
                    .any(|e| !is_true_on(e, tt.conditions(), row.values())),
                "{name}: SetMethods set observed row {id} negative, where a necessary condition is false"
            );
        }
        let options = SolutionOptions::new(SolutionType::Parsimonious)
            .exclude_expressions(expressions)
            .negative_rows(contrad);
        let parsimonious = options.solve(&tt);
        match &esa["parsimonious"]["models"] {
            Value::Array(_) if wrongly_changed.is_empty() => {
                check_parsimonious(
                    &format!("{name} esa"),
                    &parsimonious.unwrap(),
                    &esa["parsimonious"],
                );
                let intermediate = options
                    .clone()
                    .solution_type(SolutionType::Intermediate)
                    .directional_expectations(dir_exp(&case, "sol_i"))
                    .solve(&tt)
                    .unwrap();
                check_intermediate(&format!("{name} esa"), &intermediate, &esa["intermediate"]);
                equal.push(name.clone());
            }
            Value::Array(_) => {
                // SM3: SetMethods' solutions rest on a table without the positive rows among
                // `wrongly_changed`; ours keep explaining them.
                let parsimonious = parsimonious.unwrap();
                for &id in &wrongly_changed {
                    let row = tt.row(id).unwrap();
                    if row.out() != OutputValue::Positive {
                        continue;
                    }
                    for model in parsimonious.models() {
                        assert!(
                            is_true_on(&model.expression(), tt.conditions(), row.values()),
                            "{name}: our model {} covers positive row {id}, which SetMethods \
                             set negative (SM3)",
                            model.expression()
                        );
                    }
                }
                sm3.push(name.clone());
            }
            _ => {
                // SAMF: the only positive row is a contrad_row, so nothing is left to
                // explain, in R ("None of the values in OUT is explained") and here.
                assert_eq!(name, "SAMF");
                assert!(parsimonious.is_err());
            }
        }
    }
    assert_eq!(equal, ["JOBF", "LIPF", "PAYF", "STUF"]);
    assert_eq!(sm3, ["KAF", "SCHLF", "THOF"]);
}

/// Eight conditions, where SetMethods' `esa()` changes no remainder (QCA's `tt$tt` then holds
/// only the observed rows: METHODS-SETMETHODS §P1, bug SM3), so `esa(tt, nec_cond = "A")`
/// gives the plain parsimonious solution, whose simplifying assumptions include remainders
/// with ~A although A is necessary. fsqca excludes them at any size.
#[test]
fn esa_works_from_eight_conditions_where_setmethods_excludes_nothing() {
    let names = ["A", "B", "C", "D", "E", "F", "G", "H"];
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut columns: Vec<Vec<f64>> = vec![Vec::new(); 9];
    for _ in 0..60 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let x: Vec<bool> = (0..8).map(|j| (seed >> (3 * j)) & 1 == 1).collect();
        // Y = A*(B + C*~D): A is necessary.
        let y = x[0] && (x[1] || (x[2] && !x[3]));
        for (j, &v) in x.iter().enumerate() {
            columns[j].push(f64::from(u8::from(v)));
        }
        columns[8].push(f64::from(u8::from(y)));
    }
    let data = Dataset::from_columns(
        names
            .iter()
            .copied()
            .chain(["Y"])
            .zip(columns)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let tt = TruthTableOptions::default()
        .build(&data, "Y", &names)
        .unwrap();
    let exclusions = Esa::new()
        .check(&data, "Y", &["A".parse().unwrap()])
        .unwrap();
    assert_eq!(exclusions.to_string(), "~A");
    let with_a_absent = |s: &Solution| -> usize {
        s.models()
            .iter()
            .map(|m| {
                m.simplifying_assumptions()
                    .configurations()
                    .filter(|c| c[0] == 0)
                    .count()
            })
            .sum()
    };
    let parsimonious = SolutionOptions::new(SolutionType::Parsimonious);
    // What SetMethods' esa() gives here: the table unchanged, the plain solution.
    let setmethods = parsimonious.solve(&tt).unwrap();
    assert!(
        with_a_absent(&setmethods) > 0,
        "the plain parsimonious solution assumes remainders with ~A"
    );
    let ours = parsimonious
        .exclude_expressions(exclusions.expressions().to_vec())
        .solve(&tt)
        .unwrap();
    assert_eq!(with_a_absent(&ours), 0, "ESA: no assumption contradicts A");
    for model in ours.models() {
        for row in tt
            .rows()
            .iter()
            .filter(|r| r.out() == OutputValue::Positive)
        {
            assert!(is_true_on(
                &model.expression(),
                tt.conditions(),
                row.values()
            ));
        }
    }
}
