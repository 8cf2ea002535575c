//! Case-oriented robustness against SetMethods 4.0's `rob.fit`, `rob.corefit`, `rob.cases` and
//! `rob.singletest` on its own PAYF example (`tests/fixtures/setmethods/robustness/PAYF.json`,
//! extracted from `../shared/fixtures/setmethods/PAYF.json`).
//!
//! IS, TS1, TS2 and TS3 are the fixture's models evaluated on the data (IS, TS1 and TS2 are
//! also re-derived by our minimization with the recorded options; TS3 was minimized on HW
//! recalibrated from raw data that the fixture does not hold, but its model has no HW).
//! Unrounded values (`recomputed`) are compared to 1e-9; SetMethods' printed values, rounded
//! to 3 decimals (`rob.fit`, `rob.corefit`, `rob.cases`, `rob.singletest`) and its percentages
//! (2 decimals), after rounding ours the same way; case lists exactly; the Boolean
//! expressions of the intersections as Boolean functions (equal on all 32 crisp
//! configurations: a minimal sum of products need not be unique).
//!
//! With TS3set = {TS1, TS2, TS3}, SetMethods builds TS_min and TS_max from TS1 and TS3 only
//! (bug SM1): `first_and_last_reproduces_setmethods_and_the_default_gives_the_protocol`
//! states both values.

use std::path::PathBuf;

use fsqca::expression::SumOfProducts;
use fsqca::robustness::{CaseRobustness, CaseType, SolutionSet, TestSetReading};
use fsqca::solution::{SolutionOptions, SolutionType};
use fsqca::{Dataset, Expression, TruthTableOptions};
use serde_json::Value;

const TOL: f64 = 1e-9;

mod common;
use common::strings;

fn fixture() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/setmethods/robustness/PAYF.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_f64().unwrap())
        .collect()
}

fn conditions(json: &Value) -> Vec<String> {
    strings(&json["conditions"])
}

fn data(json: &Value) -> Dataset {
    let mut columns: Vec<(String, Vec<f64>)> = conditions(json)
        .into_iter()
        .map(|c| {
            let values = numbers(&json["data"][&c]);
            (c, values)
        })
        .collect();
    let outcome = json["outcome"].as_str().unwrap().to_owned();
    columns.push((outcome.clone(), numbers(&json["data"][&outcome])));
    Dataset::from_columns(columns)
        .unwrap()
        .with_cases(strings(&json["data"]["case"]))
        .unwrap()
}

fn model(json: &Value, test: &str) -> Expression {
    json["tests"][test]["models"][0]["expression"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

fn solution(json: &Value, test: &str) -> SolutionSet {
    let e = model(json, test);
    let membership = e.evaluate(&data(json)).unwrap().values().to_vec();
    SolutionSet::new(test, e, membership)
}

fn robustness(json: &Value, tests: &[&str], reading: TestSetReading) -> CaseRobustness {
    let data = data(json);
    let y = data.column("HL").unwrap().to_vec();
    let tests: Vec<SolutionSet> = tests.iter().map(|t| solution(json, t)).collect();
    CaseRobustness::new(data.cases(), &y, &solution(json, "IS"), &tests, reading).unwrap()
}

fn round(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

fn close(ours: Option<f64>, reference: &Value, what: &str) {
    let ours = ours.unwrap_or_else(|| panic!("{what}: undefined"));
    let reference = reference.as_f64().unwrap();
    assert!(
        (ours - reference).abs() < TOL,
        "{what}: ours {ours}, SetMethods (unrounded) {reference}"
    );
}

const KEYS: [(&str, CaseType); 8] = [
    ("S1S2Y", CaseType::RobustTypical),
    ("S1S2y", CaseType::RobustDeviant),
    ("S1s2Y", CaseType::ShakyTypical),
    ("S1s2y", CaseType::ShakyDeviant),
    ("s1S2Y", CaseType::PossibleTypical),
    ("s1S2y", CaseType::PossibleDeviant),
    ("s1s2Y", CaseType::ExtremeDeviantCoverage),
    ("s1s2y", CaseType::Irrelevant),
];

/// Every crisp configuration of the conditions.
fn crisp(conditions: &[String]) -> Dataset {
    let k = conditions.len();
    let columns = conditions.iter().enumerate().map(|(j, c)| {
        let values = (0..1u32 << k)
            .map(|row| f64::from((row >> (k - 1 - j)) & 1))
            .collect::<Vec<f64>>();
        (c.clone(), values)
    });
    Dataset::from_columns(columns).unwrap()
}

/// `rob.cases`: every case type's cases, counts, percentages and Boolean expression (the
/// expressions from `expressions`).
fn check_cases(json: &Value, set: &str, r: &CaseRobustness, expressions: &CaseRobustness) {
    let types = &json[set]["rob_cases"]["result"]["CaseTypes"];
    let crisp = crisp(&conditions(json));
    for (key, case_type) in KEYS {
        let reference = &types[key];
        let group = r.group(case_type);
        assert_eq!(
            group.cases,
            strings(&reference["case_names"]),
            "{set} {key}"
        );
        // The count, the total it is a share of, and the share in percent (2 decimals).
        let check = |part: &Value, total: usize, share: Option<f64>| {
            let count = part["count"].as_u64().unwrap();
            assert_eq!(group.count as u64, count, "{set} {key}");
            assert_eq!(total as u64, part["total"].as_u64().unwrap(), "{set} {key}");
            let percent = round(100.0 * share.unwrap(), 2);
            assert_eq!(percent, part["percent"].as_f64().unwrap(), "{set} {key}");
        };
        check(
            &reference["cases_over_all"],
            r.cases.len(),
            group.share_of_cases,
        );
        check(
            &reference["cases_over_outcome_group"],
            group.outcome_group_size,
            group.share_of_outcome_group,
        );
        let theirs: SumOfProducts = reference["boolean"].as_str().unwrap().parse().unwrap();
        let ours = expressions
            .group(case_type)
            .expression
            .as_ref()
            .expect("the expression");
        assert_eq!(
            ours.evaluate(&crisp).unwrap().values(),
            theirs.evaluate(&crisp).unwrap().values(),
            "{set} {key}: ours {ours}, SetMethods {theirs}"
        );
    }
}

/// `rob.fit`, `rob.corefit`, `rob.cases`' ratios, `rob.singletest`: SetMethods' printed
/// values, ours rounded to 3 decimals. SetMethods' RF_cov and RF_cons divide fit values that
/// `QCAfit` has already rounded to 3 significant digits (bug SM4): those two are compared
/// after rounding our inclS and covS of IS and of the core the same way (all are in [0.1, 1),
/// so 3 significant digits are 3 decimals); our unrounded ratios are checked to 1e-9 against
/// `recomputed` in `check_recomputed`.
fn check_printed(json: &Value, set: &str, r: &CaseRobustness) {
    let fit = &json[set]["rob_fit"]["result"]["columns"];
    let is = fsqca::fit::sufficiency(
        &fsqca::FuzzySet::new("IS", r.initial_membership.clone()).unwrap(),
        &fsqca::FuzzySet::new("Y", r.outcome.clone()).unwrap(),
    )
    .unwrap();
    let rc = r.robust_core_fit;
    let sm4 = |a: Option<f64>, b: Option<f64>| Some(round(a.unwrap(), 3) / round(b.unwrap(), 3));
    let ours = [
        ("RF_cov", sm4(rc.cov, is.cov)),
        ("RF_cons", sm4(is.incl, rc.incl)),
        ("RF_SC_minTS", r.fit.rf_sc_min),
        ("RF_SC_maxTS", r.fit.rf_sc_max),
    ];
    for (name, value) in ours {
        assert_eq!(
            round(value.unwrap(), 3),
            fit[name][0].as_f64().unwrap(),
            "{set} {name}"
        );
    }
    let core = numbers(&json[set]["rob_corefit"]["result"]["value"]);
    let f = r.robust_core_fit;
    let ours = [f.incl.unwrap(), f.cov.unwrap(), f.pri.unwrap()].map(|x| round(x, 3));
    assert_eq!(ours.to_vec(), core, "{set} rob.corefit (inclS, covS, PRI)");
    let ratios = &json[set]["rob_cases"]["result"]["CaseParameters"]["columns"];
    assert_eq!(
        round(r.rcr_typ.unwrap(), 3),
        ratios["RCR_typ"][0].as_f64().unwrap()
    );
    assert_eq!(
        round(r.rcr_dev.unwrap(), 3),
        ratios["RCR_dev"][0].as_f64().unwrap()
    );
    assert_eq!(
        u64::from(r.rcc_rank.number()),
        ratios["RCC_Rank"][0].as_u64().unwrap()
    );
    let single = &json[set]["rob_singletest"]["result"];
    let order: Vec<String> = strings(&single["row_names"])
        .iter()
        .map(|i| format!("TS{i}"))
        .collect();
    let names: Vec<String> = r.single_tests.iter().map(|t| t.name.clone()).collect();
    assert_eq!(names, order, "{set} rob.singletest order");
    let columns = &single["columns"];
    for (i, t) in r.single_tests.iter().enumerate() {
        assert_eq!(
            u64::from(t.rcc_rank.number()),
            columns["RCC_Rank"][i].as_u64().unwrap(),
            "{set} {}",
            t.name
        );
        assert_eq!(
            round(t.coincidence.unwrap(), 3),
            columns["SC"][i].as_f64().unwrap(),
            "{set} {}",
            t.name
        );
        let theirs: SumOfProducts = columns["Model"][i].as_str().unwrap().parse().unwrap();
        let ours = SumOfProducts::from_expression(t.expression.as_ref().unwrap()).unwrap();
        assert_eq!(ours, theirs, "{set} {}", t.name);
    }
}

/// The unrounded re-computation of the fixture (`recomputed.all_tests` or `.first_and_last`).
fn check_recomputed(json: &Value, set: &str, reading: &str, r: &CaseRobustness) {
    let rec = &json[set]["recomputed"][reading];
    let what = |n: &str| format!("{set} {reading} {n}");
    close(r.fit.rf_cov, &rec["RF_cov"], &what("RF_cov"));
    close(r.fit.rf_cons, &rec["RF_cons"], &what("RF_cons"));
    close(r.fit.rf_sc_min, &rec["RF_SC_minTS"], &what("RF_SC_minTS"));
    close(r.fit.rf_sc_max, &rec["RF_SC_maxTS"], &what("RF_SC_maxTS"));
    let core = &rec["core_fit"];
    close(
        r.robust_core_fit.incl,
        &core["Cons.Suf"],
        &what("core inclS"),
    );
    close(r.robust_core_fit.cov, &core["Cov.Suf"], &what("core covS"));
    close(r.robust_core_fit.pri, &core["PRI"], &what("core PRI"));
    close(r.rcr_typ, &rec["RCR_typ"], &what("RCR_typ"));
    close(r.rcr_dev, &rec["RCR_dev"], &what("RCR_dev"));
    assert_eq!(
        u64::from(r.rcc_rank.number()),
        rec["RCC_Rank"].as_u64().unwrap(),
        "{}",
        what("RCC_Rank")
    );
    let used: Vec<String> = rec["tests_used"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| format!("TS{}", i.as_u64().unwrap()))
        .collect();
    assert_eq!(r.tests_used, used, "{}", what("tests used"));
}

#[test]
fn our_minimization_gives_the_recorded_models() {
    let json = fixture();
    let data = data(&json);
    let conditions = conditions(&json);
    for (test, incl, n) in [("IS", 0.87, 2), ("TS1", 0.7, 2), ("TS2", 0.87, 1)] {
        let tt = TruthTableOptions::default()
            .incl_cutoff(incl)
            .n_cutoff(n)
            .build(&data, "HL", &conditions)
            .unwrap();
        let solution = SolutionOptions::new(SolutionType::Parsimonious)
            .solve(&tt)
            .unwrap();
        assert_eq!(solution.models().len(), 1, "{test}");
        let ours = SumOfProducts::from_expression(&solution.models()[0].expression()).unwrap();
        let theirs = SumOfProducts::from_expression(&model(&json, test)).unwrap();
        assert_eq!(ours, theirs, "{test}");
    }
}

/// TS = {TS1, TS2}: with two tests both readings are the protocol's, and every value is
/// SetMethods'.
#[test]
fn two_tests_equal_setmethods() {
    let json = fixture();
    for reading in [TestSetReading::AllTests, TestSetReading::FirstAndLast] {
        let r = robustness(&json, &["TS1", "TS2"], reading);
        check_cases(&json, "TS", &r, &r);
        check_printed(&json, "TS", &r);
        check_recomputed(&json, "TS", "all_tests", &r);
        check_recomputed(&json, "TS", "first_and_last", &r);
        assert!(r.no_solution.is_empty());
        assert_eq!(r.fit, r.fit_with_no_solution);
    }
}

/// TS3set = {TS1, TS2, TS3}. SetMethods' loop `for (i in length(test_sol))` builds TS_min and
/// TS_max from TS1 and TS3 only (bug SM1): its RF_SC_minTS is 0.870 (unrounded
/// 0.870310245310245) and its RCR_dev 0.259 (7 robust deviant cases, GEO among them, of 27);
/// over every test, as the protocol defines TS_min, RF_SC_minTS is 0.886586284853052 and
/// RCR_dev 0.222 (6 of 27: GEO is out of TS2). The replication reading reproduces SetMethods
/// (every printed value and case list); the default gives the protocol's values. RF_cov,
/// RF_cons and the core's fit use every test in both (as `rob.corefit` does).
#[test]
fn first_and_last_reproduces_setmethods_and_the_default_gives_the_protocol() {
    let json = fixture();
    let tests = ["TS1", "TS2", "TS3"];
    let setmethods = robustness(&json, &tests, TestSetReading::FirstAndLast);
    let protocol = robustness(&json, &tests, TestSetReading::default());
    // SetMethods prints the Boolean expressions of the intersections over every test (its
    // `rob.cases` builds them in another loop), while its cases follow SM1: its robust
    // typical expression `AH*GG*HE + AH*~GG*HE*HI*HW` is IS*TS1*TS2*TS3, and the cases are
    // those of IS*TS1*TS3, whose expression is `GG*AH*HE + GG*AH*HI + AH*HE*HI*HW`. Our
    // replication reading keeps each expression with its cases (first and last).
    check_cases(&json, "TS3set", &setmethods, &protocol);
    let robust_typical = setmethods
        .group(CaseType::RobustTypical)
        .expression
        .as_ref();
    assert_eq!(
        robust_typical.map(ToString::to_string).as_deref(),
        Some("GG*AH*HE + GG*AH*HI + AH*HE*HI*HW")
    );
    check_printed(&json, "TS3set", &setmethods);
    check_recomputed(&json, "TS3set", "first_and_last", &setmethods);
    assert!((setmethods.fit.rf_sc_min.unwrap() - 0.870310245310245).abs() < TOL);

    check_recomputed(&json, "TS3set", "all_tests", &protocol);
    assert!((protocol.fit.rf_sc_min.unwrap() - 0.886586284853052).abs() < TOL);
    assert_eq!(round(protocol.rcr_dev.unwrap(), 3), 0.222);
    assert!(!protocol
        .group(CaseType::RobustDeviant)
        .cases
        .contains(&"GEO".to_owned()));
    // Not SetMethods' printed value: the protocol's differs where SM1 applies.
    let printed = json["TS3set"]["rob_fit"]["result"]["columns"]["RF_SC_minTS"][0]
        .as_f64()
        .unwrap();
    assert_ne!(round(protocol.fit.rf_sc_min.unwrap(), 3), printed);
    // What does not depend on the reading.
    assert_eq!(protocol.robust_core_fit, setmethods.robust_core_fit);
    assert_eq!(protocol.single_tests, setmethods.single_tests);
    assert_eq!(protocol.fit.rf_cov, setmethods.fit.rf_cov);
    assert_eq!(protocol.fit.rf_cons, setmethods.fit.rf_cons);
}

/// A test without a solution is named, left out of the test sets, and enters the fit reported
/// with the tests without a solution as the empty set.
#[test]
fn a_test_without_a_solution_is_named_and_reported_apart() {
    let json = fixture();
    let data = data(&json);
    let y = data.column("HL").unwrap().to_vec();
    let tests = [
        solution(&json, "TS1"),
        SolutionSet::no_solution("empty"),
        solution(&json, "TS2"),
    ];
    let r = CaseRobustness::new(
        data.cases(),
        &y,
        &solution(&json, "IS"),
        &tests,
        TestSetReading::AllTests,
    )
    .unwrap();
    assert_eq!(r.no_solution, ["empty"]);
    assert_eq!(r.tests_used, ["TS1", "TS2"]);
    check_recomputed(&json, "TS", "all_tests", &r);
    assert_eq!(r.fit_with_no_solution.rf_cov, Some(0.0));
    assert_eq!(r.fit_with_no_solution.rf_sc_min, Some(0.0));
    assert_eq!(r.fit_with_no_solution.rf_cons, None);
    assert_eq!(r.tests.len(), 3);
    assert_eq!(r.single_tests.len(), 3);
}

/// The robustness XY plot of PAYF's TS3set parses as SVG, labels every case in a text
/// element of its own, and gives the fit and the case ratios in its subtitle.
#[cfg(feature = "plot")]
#[test]
fn the_robustness_plot_parses_and_labels_every_case() {
    use fsqca::plot::{robustness_plot, TestSetAxis};
    let json = fixture();
    let r = robustness(&json, &["TS1", "TS2", "TS3"], TestSetReading::AllTests);
    for axis in [
        TestSetAxis::ByInitialSolution,
        TestSetAxis::Minimal,
        TestSetAxis::Maximal,
    ] {
        let svg = robustness_plot(&r, axis).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let texts: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .map(str::trim)
            .collect();
        for case in &r.cases {
            assert!(texts.contains(&case.as_str()), "{case} is not labelled");
        }
        let subtitle = texts
            .iter()
            .find(|t| t.starts_with("RF_cons"))
            .expect("the subtitle");
        assert_eq!(
            *subtitle,
            "RF_cons 0.966  RF_cov 0.918  RF_SC_minTS 0.887  RF_SC_maxTS 0.724  RCR_typ 0.787  RCR_dev 0.222  RCC_Rank 4"
        );
        for t in [
            "robust typical",
            "shaky deviant",
            "possible typical",
            "irrelevant",
        ] {
            assert!(texts.contains(&t), "legend entry {t}");
        }
    }
}
