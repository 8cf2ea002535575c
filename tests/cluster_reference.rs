//! Panel cluster diagnostics against SetMethods 4.0's `cluster()` (R 4.2.2, QCA 3.25.1) on
//! PAYF, SAMF, SCHLF and THOF: every entry of each fixture's `cluster` section
//! (`tests/fixtures/setmethods/cluster/`, extracted from `../shared/fixtures/setmethods/`).
//!
//! Each test runs under both ratio conventions of `fsqca::cluster::RatioConvention`:
//!
//! - `SetMethods` (SetMethods' ε = 1e-10 on every numerator and denominator): every value
//!   equals SetMethods' to 1e-9, with no exemption, empty groups included.
//! - `Exact` (the default; see `fsqca::cluster`'s "Differences from SetMethods"): every value
//!   is compared to 1e-9; where it differs by more, the test shows that the whole difference
//!   is SetMethods' ε: its value is the ε formula applied to fsqca's own sums (an empty group:
//!   0/0, which the ε turns into 1 and fsqca leaves undefined), and it counts these cases so
//!   that none passes unseen.

use std::path::PathBuf;

use fsqca::cluster::{ClusterFit, GroupFit, Panel, RatioConvention};
use fsqca::solution::{DirectionalExpectations, SolutionOptions, SolutionType};
use fsqca::{fit, Dataset, Expression, FuzzySet, Relation, TruthTableOptions};
use serde_json::Value;

/// SetMethods' guard, added to every numerator and denominator.
const EPSILON: f64 = 1e-10;
const TOL: f64 = 1e-9;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/setmethods")
}

struct Case {
    json: Value,
    data: Dataset,
    panel: Panel,
}

/// Unit and cluster ids from the case labels, as the fixture's `objects` make them: SAMF's
/// unit is the label up to its first space and its cluster the case's rank within its unit;
/// THOF's unit is the label without its last two characters, which are its cluster.
fn ids_from_labels(name: &str, labels: &[String]) -> (Vec<String>, Vec<String>) {
    match name {
        "SAMF" => {
            let units: Vec<String> = labels
                .iter()
                .map(|l| l.split(' ').next().unwrap().to_owned())
                .collect();
            let clusters = (0..units.len())
                .map(|i| {
                    let rank = units[..=i].iter().filter(|u| **u == units[i]).count();
                    rank.to_string()
                })
                .collect();
            (units, clusters)
        }
        "THOF" => labels
            .iter()
            .map(|l| {
                let (unit, cluster) = l.split_at(l.len() - 2);
                (unit.to_owned(), cluster.to_owned())
            })
            .unzip(),
        other => panic!("{other} has id columns"),
    }
}

fn load(name: &'static str, convention: RatioConvention) -> Case {
    let text = std::fs::read_to_string(dir().join(format!("cluster/{name}.json"))).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    let mut data = Dataset::from_path(dir().join(format!("{name}.csv"))).unwrap();
    let section = &json["cluster"];
    let (unit, cluster) = (
        section["unit_id"].as_str().unwrap(),
        section["cluster_id"].as_str().unwrap(),
    );
    if matches!(name, "SAMF" | "THOF") {
        let code = json["objects"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == format!("{name}_panel"))
            .expect("the panel object")["code"]
            .as_str()
            .unwrap();
        assert!(
            code.contains("rownames"),
            "{name}: ids come from the labels"
        );
        let (units, clusters) = ids_from_labels(name, data.cases());
        data = data
            .with_text_column(unit, units)
            .unwrap()
            .with_text_column(cluster, clusters)
            .unwrap();
    }
    let panel = Panel::from_columns(&data, unit, cluster)
        .unwrap()
        .convention(convention);
    Case { json, data, panel }
}

impl Case {
    /// The fixture's `cluster` section.
    fn section(&self) -> &Value {
        &self.json["cluster"]
    }

    fn outcome(&self) -> &str {
        self.json["outcome"].as_str().unwrap()
    }
}

const NAMES: [&str; 4] = ["PAYF", "SAMF", "SCHLF", "THOF"];
const CONVENTIONS: [RatioConvention; 2] = [RatioConvention::Exact, RatioConvention::SetMethods];

/// SetMethods' ratio: (num + ε) / (den + ε).
fn smoothed(num: f64, den: f64) -> f64 {
    (num + EPSILON) / (den + EPSILON)
}

/// How many values matched to 1e-9, how many differ only by SetMethods' ε (exact ratios), and
/// how many of the matched ones are of empty groups (SetMethods' convention).
#[derive(Default, Debug)]
struct Tally {
    equal: usize,
    epsilon: usize,
    empty: usize,
    empty_equal: usize,
}

impl Tally {
    /// What each convention must show over a whole test: under SetMethods' every value equal
    /// and no exemption; under exact ratios at least `min_equal` equal.
    fn check(&self, convention: RatioConvention, min_equal: usize) {
        eprintln!("{convention:?}: {self:?}");
        assert!(self.equal > min_equal, "{convention:?}: {self:?}");
        if convention == RatioConvention::SetMethods {
            assert_eq!((self.epsilon, self.empty), (0, 0), "no exemption: {self:?}");
        }
    }
}

/// Compares one of fsqca's ratios with SetMethods'. Under SetMethods' convention: equal to
/// 1e-9. Under exact ratios: equal to 1e-9, or the difference is the ε (SetMethods' value is
/// the ε formula on fsqca's sums; an empty group is 1 in SetMethods).
fn check_ratio(
    convention: RatioConvention,
    (ours, num, den): (Option<f64>, f64, f64),
    setmethods: f64,
    what: &str,
    t: &mut Tally,
) {
    if convention == RatioConvention::SetMethods {
        let v = ours.unwrap_or_else(|| panic!("{what}: always defined with the ε"));
        assert!(
            (v - setmethods).abs() <= TOL,
            "{what}: fsqca {v}, SetMethods {setmethods}"
        );
        t.equal += 1;
        if den == 0.0 {
            t.empty_equal += 1;
        }
        return;
    }
    match ours {
        None => {
            assert_eq!(den, 0.0, "{what}: undefined only when empty");
            assert!(
                (setmethods - 1.0).abs() < TOL,
                "{what}: SetMethods' 0/0 is 1, got {setmethods}"
            );
            t.empty += 1;
        }
        Some(v) if (v - setmethods).abs() <= TOL => t.equal += 1,
        Some(v) => {
            assert!(
                (smoothed(num, den) - setmethods).abs() <= 1e-12,
                "{what}: fsqca {v}, SetMethods {setmethods}, not explained by ε"
            );
            assert!(
                den < 0.1,
                "{what}: ε moves a ratio by > 1e-9 only on a small denominator"
            );
            t.epsilon += 1;
        }
    }
}

/// The consistencies and coverages SetMethods computes for a group (its ε ratios).
fn setmethods_consistency(g: &GroupFit, relation: Relation) -> f64 {
    let m = &g.measures;
    let den = match relation {
        Relation::Sufficiency => m.condition_sum,
        Relation::Necessity => m.outcome_sum,
    };
    smoothed(m.intersection_sum, den)
}

/// SetMethods' distance, from its ε consistencies of fsqca's groups.
fn setmethods_distance(groups: &[GroupFit], relation: Relation) -> f64 {
    let c: Vec<f64> = groups
        .iter()
        .map(|g| setmethods_consistency(g, relation))
        .collect();
    let total: f64 = c.iter().sum();
    let uniform = 1.0 / c.len() as f64;
    c.iter()
        .map(|v| ((v + EPSILON) / (total + EPSILON) - uniform).powi(2))
        .sum::<f64>()
        .sqrt()
}

/// `"1990 (19)"` -> ("1990", 19).
fn printed(id: &Value) -> (String, usize) {
    let text = id.as_str().unwrap();
    let (name, count) = text.rsplit_once(" (").unwrap();
    (
        name.to_owned(),
        count.trim_end_matches(')').parse().unwrap(),
    )
}

/// Compares every value of one SetMethods result with fsqca's fit of the same relation.
fn compare(ours: &ClusterFit, values: &Value, what: &str) -> Tally {
    let mut t = Tally::default();
    let (relation, convention) = (ours.relation, ours.convention);
    let what = format!("{what} ({convention:?})");
    // A ratio of fsqca with its numerator and the consistency's or the coverage's denominator.
    let consistency = |m: &fsqca::cluster::Measures| match relation {
        Relation::Sufficiency => (m.consistency, m.intersection_sum, m.condition_sum),
        Relation::Necessity => (m.consistency, m.intersection_sum, m.outcome_sum),
    };
    let coverage = |m: &fsqca::cluster::Measures| match relation {
        Relation::Sufficiency => (m.coverage, m.intersection_sum, m.outcome_sum),
        Relation::Necessity => (m.coverage, m.intersection_sum, m.condition_sum),
    };
    let sm = |k: &str| values[k].as_f64().unwrap();
    let p = &ours.pooled;
    let pooled = [(consistency(p), "POCOS"), (coverage(p), "coverage_pooled")];
    for (ratio, key) in pooled {
        check_ratio(convention, ratio, sm(key), &format!("{what} {key}"), &mut t);
    }
    for (groups, cons_key, cov_key, printed_key, distance, sm_distance) in [
        (
            &ours.between,
            "BECOS",
            "coverage_between",
            "cluster_ids_printed",
            ours.between_distance,
            "dBP",
        ),
        (
            &ours.within,
            "WICONS",
            "coverage_within",
            "unit_ids_printed",
            ours.within_distance,
            "dWP",
        ),
    ] {
        // Every group, with SetMethods' case count.
        let mut listed: Vec<(String, usize)> = values[printed_key]
            .as_array()
            .unwrap()
            .iter()
            .map(printed)
            .collect();
        let mut mine: Vec<(String, usize)> = groups
            .iter()
            .map(|g| (g.id.clone(), g.measures.cases))
            .collect();
        listed.sort();
        mine.sort();
        assert_eq!(mine, listed, "{what} {printed_key}");
        let mut family = Tally::default();
        for g in groups {
            let m = &g.measures;
            let w = format!("{what} {cons_key}[{}]", g.id);
            let reference = |key: &str| values[key][&g.id].as_f64().unwrap();
            check_ratio(
                convention,
                consistency(m),
                reference(cons_key),
                &w,
                &mut family,
            );
            check_ratio(
                convention,
                coverage(m),
                reference(cov_key),
                &format!("{w} coverage"),
                &mut family,
            );
        }
        let sm_d = sm(sm_distance);
        assert!(
            (setmethods_distance(groups, relation) - sm_d).abs() <= TOL,
            "{what} {sm_distance}: SetMethods' formula on fsqca's sums gives SetMethods' value"
        );
        let d = distance.expect("defined distance");
        if (d - sm_d).abs() > TOL {
            // Differs only where some group is empty or moved by the ε: SetMethods counts
            // an empty group as fully consistent, fsqca leaves it out.
            assert!(
                convention == RatioConvention::Exact && family.empty + family.epsilon > 0,
                "{what} {sm_distance}: fsqca {d}, SetMethods {sm_d}"
            );
            t.epsilon += 1;
        } else {
            t.equal += 1;
        }
        t.equal += family.equal;
        t.epsilon += family.epsilon;
        t.empty += family.empty;
        t.empty_equal += family.empty_equal;
    }
    t
}

fn add(total: &mut Tally, t: Tally) {
    total.equal += t.equal;
    total.epsilon += t.epsilon;
    total.empty += t.empty;
    total.empty_equal += t.empty_equal;
}

/// `results` given as an expression: `solution_expression_*` and `nec_cond_necessity`, the
/// relation from the call.
#[test]
fn expressions_equal_setmethods() {
    for convention in CONVENTIONS {
        expressions_equal_setmethods_with(convention);
    }
}

fn expressions_equal_setmethods_with(convention: RatioConvention) {
    let mut total = Tally::default();
    for name in NAMES {
        let case = load(name, convention);
        let (section, outcome) = (case.section(), case.outcome());
        for key in [
            "solution_expression_sufficiency",
            "solution_expression_necessity",
            "nec_cond_necessity",
        ] {
            let entry = &section[key];
            let call = entry["call"].as_str().unwrap();
            let expression: Expression = call.split('"').nth(1).unwrap().parse().unwrap();
            let relation = if call.contains("necessity = TRUE") {
                Relation::Necessity
            } else {
                Relation::Sufficiency
            };
            assert_eq!(entry["result"]["kind"], "single_expression");
            let ours = case
                .panel
                .fit(&expression, &case.data, outcome, relation)
                .unwrap();
            add(
                &mut total,
                compare(&ours, &entry["result"]["values"], &format!("{name} {key}")),
            );
        }
    }
    // 12 results, each with a pooled pair, two distances and every group's pair.
    total.check(convention, 1000);
    // The empty groups and the ε-moved ratios are exercised in both conventions.
    match convention {
        RatioConvention::Exact => assert!(
            total.empty > 0 && total.epsilon > 0,
            "the ε cases are exercised: {total:?}"
        ),
        _ => assert!(total.empty_equal > 0, "empty groups exercised: {total:?}"),
    }
}

/// A JSON array of strings.
fn strings(v: &Value) -> Vec<String> {
    let items = v.as_array().unwrap();
    items
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

/// The directional expectations of the fixture's `sol_i`.
fn dir_exp(case: &Case, conditions: &[String]) -> DirectionalExpectations {
    let code = case.json["objects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "sol_i")
        .unwrap()["code"]
        .as_str()
        .unwrap();
    let inside = code
        .split("dir.exp = c(")
        .nth(1)
        .unwrap()
        .split(')')
        .next()
        .unwrap()
        .replace(' ', "");
    if DirectionalExpectations::is_numeric(&inside) {
        DirectionalExpectations::numeric(&inside, conditions).unwrap()
    } else {
        inside.parse().unwrap()
    }
}

/// The terms of model 1 of the fixture's parsimonious or intermediate solution, derived by
/// fsqca from the truth table of the fixture's `tt`.
fn model_terms(case: &Case, solution: SolutionType) -> Vec<Expression> {
    let conditions = strings(&case.json["conditions"]);
    let tt = TruthTableOptions::default()
        .incl_cutoff(case.json["incl.cut"].as_f64().unwrap())
        .n_cutoff(case.json["n.cut"].as_u64().unwrap() as usize)
        .build(
            &case.data,
            case.json["outcome"].as_str().unwrap(),
            &conditions,
        )
        .unwrap();
    let mut options = SolutionOptions::new(solution);
    if solution == SolutionType::Intermediate {
        options = options.directional_expectations(dir_exp(case, &conditions));
    }
    let solved = options.solve(&tt).unwrap();
    solved.models()[0].expression().disjuncts().to_vec()
}

/// Compares fsqca's per-term fits with a `per_prime_implicant` result (SetMethods' keys are
/// the terms).
fn compare_terms(
    terms: &[fsqca::cluster::ExpressionClusterFit],
    result: &Value,
    what: &str,
    total: &mut Tally,
) {
    assert_eq!(result["kind"], "per_prime_implicant");
    let reference = result["terms"].as_object().unwrap();
    let mut names: Vec<String> = terms.iter().map(|t| t.expression.to_string()).collect();
    let mut expected: Vec<String> = reference.keys().cloned().collect();
    names.sort();
    expected.sort();
    assert_eq!(names, expected, "{what}: the model's terms");
    for term in terms {
        let key = term.expression.to_string();
        add(
            total,
            compare(&term.fit, &reference[&key], &format!("{what} {key}")),
        );
    }
}

/// `results` given as a `minimize()` result: one entry per term of model 1; fsqca derives the
/// model itself from the truth table. The whole solution, which SetMethods does not give for a
/// `minimize()` result (SM5), equals SetMethods' value for the same solution given as text.
#[test]
fn solution_terms_equal_setmethods() {
    for convention in CONVENTIONS {
        let mut total = Tally::default();
        for name in NAMES {
            solution_terms_equal_setmethods_on(&load(name, convention), name, &mut total);
        }
        total.check(convention, 1000);
    }
}

fn solution_terms_equal_setmethods_on(case: &Case, name: &str, total: &mut Tally) {
    let (section, outcome) = (case.section(), case.outcome());
    for (key, solution) in [
        ("intermediate_sufficiency", SolutionType::Intermediate),
        ("parsimonious_sufficiency", SolutionType::Parsimonious),
    ] {
        let terms = model_terms(case, solution);
        let fits = case
            .panel
            .solution(&terms, &case.data, outcome, Relation::Sufficiency)
            .unwrap();
        compare_terms(
            &fits.terms,
            &section[key]["result"],
            &format!("{name} {key}"),
            total,
        );
        if solution == SolutionType::Intermediate {
            assert_eq!(
                fits.solution.expression.to_string(),
                section["solution_expression"].as_str().unwrap()
            );
            let whole = &section["solution_expression_sufficiency"]["result"]["values"];
            add(
                total,
                compare(
                    &fits.solution.fit,
                    whole,
                    &format!("{name} whole intermediate solution"),
                ),
            );
        }
    }
}

/// SM5: SetMethods ignores `necessity = TRUE` for a `minimize()` result: its
/// `intermediate_necessity_TRUE` repeats the terms' sufficiency. fsqca gives their necessity,
/// which is R QCA's inclN / covN pooled, and the solution's, which is SetMethods' own value for
/// the solution given as text (`solution_expression_necessity`). Under both conventions: SM5 is
/// a bug, not a convention.
#[test]
fn necessity_of_a_solution_is_not_setmethods_sm5() {
    for (convention, name) in CONVENTIONS
        .into_iter()
        .flat_map(|c| NAMES.map(|name| (c, name)))
    {
        let case = load(name, convention);
        let (section, outcome) = (case.section(), case.outcome());
        let buggy = &section["intermediate_necessity_TRUE"];
        assert_eq!(buggy["known_bugs"][0]["id"], "SM5");
        assert_eq!(
            buggy["result"], section["intermediate_sufficiency"]["result"],
            "{name}: SetMethods repeats sufficiency"
        );
        let terms = model_terms(&case, SolutionType::Intermediate);
        let necessity = case
            .panel
            .solution(&terms, &case.data, outcome, Relation::Necessity)
            .unwrap();
        let sufficiency = case
            .panel
            .solution(&terms, &case.data, outcome, Relation::Sufficiency)
            .unwrap();
        for (nec, suf) in necessity.terms.iter().zip(&sufficiency.terms) {
            let key = nec.expression.to_string();
            let setmethods = buggy["result"]["terms"][&key]["POCOS"].as_f64().unwrap();
            let ours = nec.fit.pooled.consistency.unwrap();
            if convention == RatioConvention::Exact {
                // R QCA's exact ratios (no ε).
                let pof = fit::necessity_of(&nec.expression, &case.data, outcome).unwrap();
                assert!(
                    (ours - pof.incl.unwrap()).abs() < 1e-12,
                    "{name} {key}: inclN"
                );
                assert!(
                    (nec.fit.pooled.coverage.unwrap() - pof.cov.unwrap()).abs() < 1e-12,
                    "{name} {key}: covN"
                );
            }
            // SetMethods' value is the sufficiency consistency, not the necessity one.
            assert!((suf.fit.pooled.consistency.unwrap() - setmethods).abs() < TOL);
            assert!(
                (ours - setmethods).abs() > 1e-3,
                "{name} {key}: necessity {ours} vs SetMethods {setmethods}"
            );
            // Within and between, necessity consistency is sufficiency coverage.
            for (n, s) in nec
                .fit
                .within
                .iter()
                .chain(&nec.fit.between)
                .zip(suf.fit.within.iter().chain(&suf.fit.between))
            {
                assert_eq!(n.measures.consistency, s.measures.coverage);
            }
        }
        let whole = &section["solution_expression_necessity"]["result"]["values"];
        let t = compare(
            &necessity.solution.fit,
            whole,
            &format!("{name} whole solution, necessity"),
        );
        assert!(t.equal > 0);
    }
}

/// SetMethods' help examples on SCHLF (conditions and their negations as text or as numeric
/// vectors, a negated outcome, `sol = "c1p1i1"`) and PAYF's `cluster.plot` example.
#[test]
fn help_examples_equal_setmethods() {
    for convention in CONVENTIONS {
        help_examples_equal_setmethods_with(convention);
    }
}

fn help_examples_equal_setmethods_with(convention: RatioConvention) {
    let mut total = Tally::default();
    let case = load("SCHLF", convention);
    let examples = case.json["cluster"]["help_examples"].as_array().unwrap();
    assert_eq!(examples.len(), 7);
    let emp = case.data.fuzzy_set("EMP").unwrap();
    let export = case.data.fuzzy_set("EXPORT").unwrap();
    let not_emp = FuzzySet::new("~EMP", emp.values().mapv(|v| 1.0 - v)).unwrap();
    for example in examples {
        let call = example["call"].as_str().unwrap();
        let result = &example["result"];
        let relation = if call.contains("necessity = TRUE") {
            Relation::Necessity
        } else {
            Relation::Sufficiency
        };
        let ours = if call.contains("sol = \"c1p1i1\"") {
            let terms = model_terms(&case, SolutionType::Intermediate);
            let fits = case
                .panel
                .solution(&terms, &case.data, "EXPORT", relation)
                .unwrap();
            compare_terms(&fits.terms, result, call, &mut total);
            continue;
        } else if call.contains("results = SCHLF$EMP") {
            case.panel.fit_sets(&emp, &export, relation).unwrap()
        } else if call.contains("results = 1 - SCHLF$EMP") {
            case.panel.fit_sets(&not_emp, &export, relation).unwrap()
        } else {
            let quoted: Vec<&str> = call.split('"').collect();
            let (expression, outcome) = (quoted[1], quoted[3]);
            case.panel
                .fit(&expression.parse().unwrap(), &case.data, outcome, relation)
                .unwrap()
        };
        add(&mut total, compare(&ours, &result["values"], call));
    }
    let payf = load("PAYF", convention);
    let example = &payf.json["cluster"]["cluster_plot_example"];
    let expected = strings(&example["PS"]["models"][0]["terms"]);
    let conditions = strings(&payf.json["conditions"]);
    // PS: minimize(PAYF, "HL", conditions, incl.cut = 0.9, n.cut = 2, include = "?").
    let tt = TruthTableOptions::default()
        .incl_cutoff(0.9)
        .n_cutoff(2)
        .build(&payf.data, "HL", &conditions)
        .unwrap();
    let ps = SolutionOptions::new(SolutionType::Parsimonious)
        .solve(&tt)
        .unwrap();
    let terms = ps.models()[0].expression().disjuncts().to_vec();
    assert_eq!(
        terms.iter().map(ToString::to_string).collect::<Vec<_>>(),
        expected
    );
    let fits = payf
        .panel
        .solution(&terms, &payf.data, "HL", Relation::Sufficiency)
        .unwrap();
    compare_terms(
        &fits.terms,
        &example["CB"]["result"],
        "PAYF cluster.plot",
        &mut total,
    );
    total.check(convention, 100);
}

/// The default exact ratios, where SetMethods' ε matters: PAYF, `HW` necessary for `HL`
/// (`nec_cond_necessity`). 21 of the 131 countries have no membership in `HL`, so their
/// necessity consistency Σ min(HW, HL) / Σ HL is 0/0. SetMethods' ε makes it 1 and counts these
/// countries as perfectly consistent in dWP: 0.0215799194605413. fsqca leaves them out, since
/// a country without `HL` neither supports nor contradicts "`HL` needs `HW`": dWP
/// 0.0257196416828242, the same distance over the 110 other countries. Under SetMethods'
/// convention fsqca gives SetMethods' value.
#[test]
fn payf_empty_countries_dwp_exact_is_not_setmethods() {
    let exact = load("PAYF", RatioConvention::Exact);
    let entry = &exact.section()["nec_cond_necessity"];
    assert!(entry["call"].as_str().unwrap().contains("\"HW\""));
    let setmethods_dwp = entry["result"]["values"]["dWP"].as_f64().unwrap();
    assert!((setmethods_dwp - 0.0215799194605413).abs() < 1e-15);
    let hw: Expression = "HW".parse().unwrap();
    let ours = exact
        .panel
        .fit(&hw, &exact.data, "HL", Relation::Necessity)
        .unwrap();
    let empty: Vec<&GroupFit> = ours
        .within
        .iter()
        .filter(|u| u.measures.consistency.is_none())
        .collect();
    assert_eq!((empty.len(), ours.within.len()), (21, 131));
    assert!(empty.iter().all(|u| u.measures.outcome_sum == 0.0));
    let dwp = ours.within_distance.unwrap();
    assert!((dwp - 0.0257196416828242).abs() < TOL, "{dwp}");
    assert!((dwp - setmethods_dwp).abs() > 4e-3);
    // fsqca's value is the distance over the 110 countries with `HL`.
    let defined: Vec<f64> = ours
        .within
        .iter()
        .filter_map(|u| u.measures.consistency)
        .collect();
    let total: f64 = defined.iter().sum();
    let over_110 = defined
        .iter()
        .map(|c| (c / total - 1.0 / 110.0).powi(2))
        .sum::<f64>()
        .sqrt();
    assert_eq!(defined.len(), 110);
    assert!((dwp - over_110).abs() < 1e-15);
    // SetMethods' convention: the 21 are 1 and dWP is SetMethods'.
    let replica = load("PAYF", RatioConvention::SetMethods);
    let theirs = replica
        .panel
        .fit(&hw, &replica.data, "HL", Relation::Necessity)
        .unwrap();
    for u in &empty {
        let same = theirs.within.iter().find(|t| t.id == u.id).unwrap();
        assert_eq!(same.measures.consistency, Some(1.0), "{}", u.id);
    }
    assert!((theirs.within_distance.unwrap() - setmethods_dwp).abs() < TOL);
}
