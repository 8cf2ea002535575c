//! The library never panics on bad input (reliability report, D4, D6, D10).
//!
//! Random values are built through every public constructor of the expression, set, engine,
//! truth-table and calibration types, and through every `Deserialize` impl from random JSON
//! (random structure, and mutations of valid serialised values: wrong lengths, wrong types, huge
//! numbers, deep nesting); then their operations run. A test passes when nothing panics; where a
//! round trip holds (printing then parsing an expression, serialising then deserialising) it is
//! asserted too.
//!
//! The blocks total more than 100,000 cases and run in well under a minute in the test profile.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
#[cfg(feature = "serde")]
use serde_json::{json, Value};

use fsqca::calibration::{
    rank, BellThresholds, Crisp, Curve, DirectOptions, Indirect, OrdinalCoding, RankOrder, Tfr,
    Thresholds, Ties,
};
use fsqca::expression::{check_name, MAX_NESTING};
use fsqca::fit::SuperSubsetOptions;
use fsqca::minimize::{
    EngineOptions, Implicant, MinimizationProblem, Minimized, PiChart, Remainders,
};
use fsqca::solution::{DirectionalExpectations, SolutionOptions, SolutionType};
use fsqca::{Dataset, Expression, FuzzySet, Literal, SortKey, Statement, TruthTableOptions};

/// Column names of [`data`] that are valid names, and strings that are not.
const VALID_NAMES: [&str; 8] = ["A", "B", "C", "M", "Y", "d.x", "_u", "Ü"];
const INVALID_NAMES: [&str; 9] = ["", "A*B", "~A", "A B", "A[1]", "(A)", "a->b", "x,y", "1A"];

/// A small data set: fuzzy `A`, `B`, `C`, `d.x`, `_u`, `Ü`, the multi-value `M` and the outcome
/// `Y`, over 5 cases.
fn data() -> Dataset {
    Dataset::from_columns([
        ("A", vec![0.9, 0.2, 0.7, 0.5, 0.0]),
        ("B", vec![0.1, 0.8, 0.6, 0.4, 1.0]),
        ("C", vec![0.3, 0.3, 0.9, 0.5, 0.2]),
        ("M", vec![0.0, 1.0, 2.0, 1.0, 0.0]),
        ("Y", vec![0.8, 0.1, 0.9, 0.6, 0.2]),
        ("d.x", vec![0.6, 0.4, 0.2, 0.9, 0.1]),
        ("_u", vec![0.5, 0.5, 0.7, 0.1, 0.3]),
        ("Ü", vec![0.2, 0.9, 0.4, 0.6, 0.8]),
    ])
    .and_then(|d| d.with_cases(["a", "b", "c", "d", "e"]))
    .expect("a valid data set")
}

// ---------------------------------------------------------------------------------------------
// Expressions built with the constructors

/// One step of a little stack machine that builds expressions with the public constructors.
#[derive(Debug, Clone)]
enum Op {
    /// Push a literal: a name (valid or not), optional levels (possibly none), negated or not.
    Literal(String, Option<Vec<u32>>, bool),
    /// Negate the top of the stack.
    Negate,
    /// Replace the top `k` items by their conjunction.
    And(usize),
    /// Replace the top `k` items by their disjunction.
    Or(usize),
    /// Parse a string and push it.
    Parse(String),
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(&VALID_NAMES[..]).prop_map(str::to_owned),
        1 => select(&INVALID_NAMES[..]).prop_map(str::to_owned),
        1 => "[A-Za-z_~*+() ,.\\[\\]0-9-]{0,6}",
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (name(), proptest::option::of(vec(prop_oneof![0u32..3, any::<u32>()], 0..3)), any::<bool>())
            .prop_map(|(n, l, neg)| Op::Literal(n, l, neg)),
        2 => Just(Op::Negate),
        2 => (0usize..4).prop_map(Op::And),
        2 => (0usize..4).prop_map(Op::Or),
        1 => "[A-Cd_MY~*+() \\[\\],0-9]{0,16}".prop_map(Op::Parse),
    ]
}

/// Runs the program; returns every expression left on the stack.
fn run(program: &[Op]) -> Vec<Expression> {
    let mut stack: Vec<Expression> = Vec::new();
    for op in program {
        match op {
            Op::Literal(name, levels, negated) => {
                let literal = match levels {
                    Some(levels) => Literal::with_levels(name.as_str(), levels.iter().copied()),
                    None => Literal::new(name.as_str()),
                };
                assert_eq!(
                    literal.is_ok(),
                    check_name(name).is_ok() && levels.as_ref().is_none_or(|l| !l.is_empty())
                );
                if let Ok(l) = literal {
                    stack.push(Expression::literal(if *negated { l.negate() } else { l }));
                }
            }
            Op::Negate => {
                if let Some(e) = stack.pop() {
                    match e.clone().negate() {
                        Ok(n) => stack.push(n),
                        Err(_) => stack.push(e),
                    }
                }
            }
            Op::And(k) | Op::Or(k) => {
                let items = stack.split_off(stack.len().saturating_sub(*k));
                let built = if matches!(op, Op::And(_)) {
                    Expression::conjunction(items.clone())
                } else {
                    Expression::disjunction(items.clone())
                };
                match built {
                    Ok(e) => stack.push(e),
                    Err(_) => stack.extend(items),
                }
            }
            Op::Parse(text) => {
                if let Ok(e) = text.parse::<Expression>() {
                    stack.push(e);
                }
            }
        }
    }
    stack
}

/// Serialising `value` to JSON and reading it back gives `value` (with the `serde` feature;
/// nothing to check without it).
#[cfg(feature = "serde")]
fn assert_json_round_trip<T>(value: &T)
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_value(value).expect("serialises");
    assert_eq!(serde_json::from_value::<T>(json).ok().as_ref(), Some(value));
}

#[cfg(not(feature = "serde"))]
fn assert_json_round_trip<T>(_value: &T) {}

/// Every operation of an expression; asserts the round trips.
fn exercise_expression(e: &Expression, data: &Dataset) {
    let text = e.to_string();
    assert_eq!(text.parse::<Expression>().as_ref(), Ok(e), "`{text}`");
    assert_json_round_trip(e);
    let _ = e.evaluate(data);
    let _ = fsqca::fit::sufficiency_of(e, data, "Y");
    let _ = fsqca::fit::necessity_of(e, data, "~Y");
    let copy = e.clone();
    assert_eq!(&copy, e);
    let _ = e.literals();
    let _ = e.disjuncts();
    let _ = e.kind();
    if let Ok(n) = copy.negate() {
        let _ = n.evaluate(data);
        assert_eq!(n.to_string().parse::<Expression>().as_ref(), Ok(&n));
    }
    let statement = Statement::new(e.clone(), fsqca::Relation::Sufficiency, e.clone());
    assert_eq!(statement.to_string().parse::<Statement>(), Ok(statement));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(30_000))]

    /// Expressions from random programs of constructor calls.
    #[test]
    fn expressions_from_constructors(program in vec(op(), 0..12)) {
        let data = data();
        for e in run(&program) {
            exercise_expression(&e, &data);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    /// Hand-built nesting (reliability report, 2a'): the constructors stop at `MAX_NESTING`,
    /// and everything built up to there evaluates, prints, parses back, clones and drops.
    #[test]
    fn deep_expressions(depth in 0usize..400, pattern in 0u8..3) {
        let data = data();
        let lit = |n: &str| Expression::literal(Literal::new(n).expect("a valid name"));
        let mut e = lit("A");
        let mut refused = false;
        for _ in 0..depth {
            let next = match pattern {
                0 => Expression::conjunction([e.clone(), lit("B")]).and_then(Expression::negate),
                1 => Expression::disjunction([e.clone(), lit("B")])
                    .and_then(|o| Expression::conjunction([o, lit("C")])),
                _ => e.clone().negate().and_then(|n| Expression::disjunction([n, lit("C")])),
            };
            match next {
                Ok(n) => e = n,
                Err(_) => {
                    refused = true;
                    break;
                }
            }
        }
        // Patterns 0 and 1 add one level of parentheses per step; pattern 2 starts with the
        // negation of a literal, which needs none.
        prop_assert_eq!(refused, depth > MAX_NESTING + usize::from(pattern == 2));
        exercise_expression(&e, &data);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    /// Names: `check_name` agrees with the parser, and fuzzy-set names compose with the
    /// parentheses they need.
    #[test]
    fn names_and_fuzzy_sets(
        a in name(),
        b in name(),
        va in vec(prop_oneof![0.0..=1.0, any::<f64>()], 0..4),
        vb in vec(0.0f64..=1.0, 0..4),
    ) {
        let parsed = a.parse::<Literal>();
        if check_name(&a).is_ok() {
            prop_assert_eq!(parsed.map(|l| l.to_string()), Ok(a.clone()));
        }
        let (Ok(x), Ok(y)) = (FuzzySet::new(a.as_str(), va), FuzzySet::new(b.as_str(), vb)) else {
            return Ok(());
        };
        let not = x.not();
        let _ = not.to_string();
        for combined in [x.and(&y), x.or(&y), not.and(&y.not())].into_iter().flatten() {
            let _ = combined.to_string();
            if let (Ok(ex), Ok(ey)) = (a.parse::<Expression>(), b.parse::<Expression>()) {
                // Names that are expressions compose into an expression, and printing keeps
                // the precedence: the combined name parses.
                prop_assert!(combined.name().parse::<Expression>().is_ok(), "{}", combined.name());
                let _ = (ex, ey);
            }
        }
        let _ = fsqca::fit::sufficiency(&x, &y);
        let _ = fsqca::fit::necessity(&x, &y);
    }
}

// ---------------------------------------------------------------------------------------------
// Engine constructors

proptest! {
    #![proptest_config(ProptestConfig::with_cases(15_000))]

    /// PI charts, implicants, configurations and minimization problems from random parts.
    #[test]
    fn engine_constructors(
        matrix in vec(vec(any::<bool>(), 0..6), 0..6),
        rows in vec(0usize..10, 0..4),
        levels in vec(proptest::option::of(0u8..4), 0..5),
        columns in vec(vec(0u8..4, 0..5), 0..4),
        config in (vec(0u8..5, 0..5), vec(0u8..5, 0..5)),
        problem in (vec(0u8..4, 0..4), vec(vec(0u8..4, 0..4), 0..5), vec(vec(0u8..4, 0..4), 0..5)),
        remainders in 0u8..3,
    ) {
        let chart = PiChart::from_matrix(&matrix);
        exercise_chart(&chart, &rows);
        let implicant = Implicant::from_levels(&levels);
        exercise_implicant(&implicant);
        if let Ok(chart) = PiChart::new(std::slice::from_ref(&implicant), &columns) {
            exercise_chart(&chart, &rows);
        }
        if let Ok(c) = fsqca::minimize::CubeSet::from_configurations(config.1.clone(), std::slice::from_ref(&config.0)) {
            prop_assert!(config.0.iter().zip(&config.1).all(|(v, l)| v < l));
            prop_assert_eq!(c.count(), 1);
            prop_assert_eq!(c.complement().count() + 1, config.1.iter().map(|&l| u64::from(l)).product::<u64>());
        }
        let (levels, positive, forbidden) = problem;
        let remainders = match remainders {
            0 => Remainders::None,
            1 => Remainders::All,
            _ => Remainders::Only(forbidden.iter().rev().cloned().collect()),
        };
        if let Ok(p) = MinimizationProblem::new(levels, positive, forbidden.clone(), remainders) {
            for options in [EngineOptions::default(), EngineOptions::default().max_models(1).row_dominance(true)] {
                if let Ok(m) = p.solve(&options) {
                    exercise_minimized(&m);
                }
            }
            if let Ok(q) = p.exclude(forbidden.into_iter().rev().take(1).collect()) {
                let _ = q.solve(&EngineOptions::default());
            }
        }
    }
}

fn exercise_chart(chart: &PiChart, rows: &[usize]) {
    let _ = chart.find_covers(&fsqca::minimize::EngineOptions::new().max_models(4));
    let _ = chart.find_covers(
        &fsqca::minimize::EngineOptions::new()
            .max_models(4)
            .covers(fsqca::minimize::CoverSearch::Irredundant),
    );
    let _ = chart.find_covers(
        &fsqca::minimize::EngineOptions::new()
            .max_models(2)
            .max_search_nodes(1_000)
            .accept_unproven(true),
    );
    let _ = chart.essential();
    let _ = chart.dominated_rows();
    for &r in rows {
        let _ = chart.row(r);
        let _ = chart.column(r);
        let _ = chart.covers(r, r);
    }
    match chart.select_rows(rows) {
        Ok(sub) => {
            assert!(rows.iter().all(|&r| r < chart.n_rows()));
            let _ = sub.find_covers(&fsqca::minimize::EngineOptions::new().max_models(4));
        }
        Err(_) => assert!(rows.iter().any(|&r| r >= chart.n_rows())),
    }
    assert_json_round_trip(chart);
}

fn exercise_implicant(t: &Implicant) {
    let _ = t.to_string();
    let _ = t.format_with(&["A", "B"], fsqca::minimize::Notation::Binary);
    let _ = t.format_with(
        &["A", "B", "C", "D", "E", "F"],
        fsqca::minimize::Notation::MultiValue,
    );
    let _ = t.covers(&[0, 1, 2]);
    let _ = t.to_levels();
    let _ = t.literals().count();
    assert!(t.is_subsumed_by(t));
    let _ = t.level(70);
    assert_json_round_trip(t);
}

fn exercise_minimized(m: &Minimized) {
    for i in 0..=m.models().len() {
        let _ = m.model_expression(i, &["A", "B"], fsqca::minimize::Notation::Binary);
        let _ = m.model_terms(i);
    }
    assert!(m
        .model_expression(
            m.models().len(),
            &["A"],
            fsqca::minimize::Notation::MultiValue
        )
        .is_none());
    let _ = m.in_every_model();
    let _ = m.warning();
    let _ = m
        .chart()
        .find_covers(&fsqca::minimize::EngineOptions::new().max_models(2));
    assert_json_round_trip(m);
}

// ---------------------------------------------------------------------------------------------
// Truth tables and calibration

fn sort_key() -> impl Strategy<Value = SortKey> {
    select(vec![SortKey::Incl, SortKey::Pri, SortKey::N])
}

fn cutoff() -> impl Strategy<Value = f64> {
    prop_oneof![0.0..=1.0, any::<f64>(), Just(f64::NAN), Just(-0.0)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    /// Truth tables from random options and names, solved; calibration from random anchors.
    #[test]
    fn truth_tables_and_calibration(
        (incl, ic0, pri) in (cutoff(), cutoff(), cutoff()),
        n_cut in prop_oneof![0usize..4, Just(usize::MAX)],
        keys in vec(sort_key(), 0..3),
        (complete, drop_missing) in (any::<bool>(), any::<bool>()),
        outcome in name(),
        conditions in vec(name(), 0..4),
        solution_type in select(vec![SolutionType::Conservative, SolutionType::Parsimonious, SolutionType::Intermediate]),
        expectations in "[A-C~*, \\[\\]0-9]{0,8}",
        exclude in vec(prop_oneof![0u64..20, any::<u64>()], 0..2),
        anchors in vec(prop_oneof![-10.0f64..10.0, any::<f64>()], 0..7),
        values in vec(prop_oneof![-10.0f64..10.0, any::<f64>()], 0..6),
        knobs in (prop_oneof![0.0f64..1.5, any::<f64>()], prop_oneof![0.0f64..3.0, any::<f64>()], 0u8..3),
    ) {
        let data = data();
        let options = TruthTableOptions::default()
            .incl_cutoffs(incl, ic0)
            .n_cutoff(n_cut)
            .pri_cutoff(pri)
            .sort_by(keys)
            .complete(complete)
            .drop_missing(drop_missing);
        let built = options.build(&data, &outcome, &conditions);
        if built.is_ok() {
            prop_assert!(check_name(outcome.trim().trim_start_matches('~').trim()).is_ok());
            prop_assert!(conditions.iter().all(|c| check_name(c).is_ok()));
        }
        if let Ok(tt) = built {
            let _ = tt.to_string();
            let _ = tt.outcome_membership();
            let mut solver = SolutionOptions::new(solution_type).exclude(exclude).engine(EngineOptions::new().max_models(3));
            if let Ok(d) = expectations.parse::<DirectionalExpectations>() {
                solver = solver.directional_expectations(d);
            }
            if let Ok(solution) = solver.solve(&tt) {
                let _ = solution.to_string();
                for model in solution.models() {
                    exercise_expression(&model.expression(), &data);
                }
            }
        }
        // Calibration.
        let (idm, exponent, curve) = knobs;
        let curve = [Curve::Logistic, Curve::Linear, Curve::Ecdf][usize::from(curve)];
        let direct = DirectOptions::new().curve(curve).idm(idm).below(exponent).above(exponent);
        let _ = direct.validate();
        if let [e, c, i, ..] = anchors[..] {
            if let Ok(th) = Thresholds::new(e, c, i) {
                let _ = direct.calibrate(&values[..], th);
            }
        }
        if let [e1, c1, i1, i2, c2, e2, ..] = anchors[..] {
            if let Ok(bell) = BellThresholds::new(e1, c1, i1, i2, c2, e2) {
                let _ = direct.calibrate(&values[..], bell);
            }
        }
        if let Ok(crisp) = Crisp::new(anchors.clone()) {
            let _ = crisp.calibrate(&values[..]);
        }
        if let Ok(indirect) = Indirect::new(anchors.clone()) {
            let _ = indirect.calibrate(&values[..]);
        }
        if let Ok(coding) = OrdinalCoding::new(anchors.iter().copied().zip(values.iter().copied())) {
            let _ = coding.calibrate(&values[..]);
        }
        let _ = Tfr::new().lowest(idm).calibrate(&values[..]);
        let _ = rank(&values[..], RankOrder::LowestFirst, Ties::Average);
        let _ = SuperSubsetOptions::default().incl_cutoff(idm).depth(2).search(&data, outcome.as_str(), &conditions);
    }
}

// ---------------------------------------------------------------------------------------------
// Deserialize from random and mutated JSON

/// Valid serialised values of every `Deserialize` type, by type name.
#[cfg(feature = "serde")]
fn samples() -> &'static [(&'static str, Value)] {
    static SAMPLES: std::sync::OnceLock<Vec<(&'static str, Value)>> = std::sync::OnceLock::new();
    SAMPLES.get_or_init(|| {
        let data = data();
        let tt = TruthTableOptions::default()
            .incl_cutoff(0.7)
            .build(&data, "Y", &["A", "B", "C"])
            .expect("a truth table");
        let solution = SolutionOptions::new(SolutionType::Parsimonious)
            .solve(&tt)
            .expect("a solution");
        let fit = *solution.models()[0].fit();
        let problem = MinimizationProblem::new(
            vec![2, 2, 3],
            vec![vec![1, 0, 2], vec![1, 1, 2], vec![0, 1, 1]],
            vec![vec![0, 0, 0]],
            Remainders::All,
        )
        .expect("a problem");
        let minimized = problem.solve(&EngineOptions::default()).expect("solved");
        let expression: Expression = "A*~B + ~(C*M[1,2])".parse().expect("parses");
        let s = |x: &dyn erased::Ser| x.value();
        vec![
            ("Dataset", s(&data)),
            ("TruthTable", s(&tt)),
            ("TruthTableOptions", s(tt.options())),
            ("Row", s(&tt.rows()[0])),
            ("Minimized", s(&minimized)),
            ("PiChart", s(minimized.chart())),
            ("Implicant", s(&minimized.prime_implicants()[0])),
            ("Expression", s(&expression)),
            (
                "Literal",
                s(&Literal::with_levels("M", [1, 2]).expect("valid").negate()),
            ),
            (
                "Statement",
                s(&"A*B -> ~Y".parse::<Statement>().expect("parses")),
            ),
            (
                "DirectOptions",
                s(&DirectOptions::new().curve(Curve::Linear)),
            ),
            ("Tfr", s(&Tfr::new().lowest(1.0))),
            ("SuperSubsetOptions", s(&SuperSubsetOptions::default())),
            (
                "DirectionalExpectations",
                s(&"A, ~B*C"
                    .parse::<DirectionalExpectations>()
                    .expect("parses")),
            ),
            ("Sufficiency", s(&fit)),
            ("MissingValues", json!({"column": "A", "cases": ["a"]})),
        ]
    })
}

/// Serialising a value of any of the sample types, without naming its type twice.
#[cfg(feature = "serde")]
mod erased {
    pub trait Ser {
        fn value(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Ser for T {
        fn value(&self) -> serde_json::Value {
            serde_json::to_value(self).expect("serialises")
        }
    }
}

/// Deserialises `value` as the type named `tag` and, if that works, runs its operations.
#[cfg(feature = "serde")]
fn exercise_json(tag: &str, value: &Value) {
    let data = data();
    macro_rules! de {
        ($t:ty) => {
            serde_json::from_value::<$t>(value.clone()).ok()
        };
    }
    match tag {
        "Dataset" => {
            if let Some(d) = de!(Dataset) {
                let _ = d.to_string();
                let _ = d.missing();
                let _ = d.column("A");
                let _ = fsqca::TruthTable::new(&d, "Y", &["A", "B"]);
                let _ = d.clone();
            }
        }
        "TruthTable" => {
            if let Some(tt) = de!(fsqca::TruthTable) {
                let _ = tt.to_string();
                let _ = tt.outcome_membership();
                for t in [SolutionType::Conservative, SolutionType::Parsimonious] {
                    if let Ok(s) = SolutionOptions::new(t)
                        .engine(EngineOptions::new().max_models(2))
                        .solve(&tt)
                    {
                        let _ = s.to_string();
                    }
                }
            }
        }
        "TruthTableOptions" => {
            if let Some(o) = de!(TruthTableOptions) {
                let _ = o.validate();
                let _ = o.build(&data, "Y", &["A", "B"]);
            }
        }
        "Row" => {
            if let Some(r) = de!(fsqca::Row) {
                let _ = format!("{r:?}");
            }
        }
        "Minimized" => {
            if let Some(m) = de!(Minimized) {
                exercise_minimized(&m);
            }
        }
        "PiChart" => {
            if let Some(c) = de!(PiChart) {
                exercise_chart(&c, &[0, 1, 5]);
            }
        }
        "Implicant" => {
            if let Some(t) = de!(Implicant) {
                exercise_implicant(&t);
                let n = t.n_conditions();
                let _ = PiChart::new(&[t], &[vec![0; n]])
                    .map(|c| c.find_covers(&fsqca::minimize::EngineOptions::new().max_models(2)));
            }
        }
        "Expression" => {
            if let Some(e) = de!(Expression) {
                exercise_expression(&e, &data);
            }
        }
        "Literal" => {
            if let Some(l) = de!(Literal) {
                assert_eq!(l.to_string().parse::<Literal>().as_ref(), Ok(&l));
                exercise_expression(&Expression::literal(l), &data);
            }
        }
        "Statement" => {
            if let Some(s) = de!(Statement) {
                assert_eq!(s.to_string().parse::<Statement>().as_ref(), Ok(&s));
            }
        }
        "DirectOptions" => {
            if let Some(o) = de!(DirectOptions) {
                let _ = o.validate();
                if let Ok(th) = Thresholds::new(1.0, 2.0, 3.0) {
                    let _ = o.calibrate(&[0.5, 2.0, 9.0][..], th);
                }
            }
        }
        "Tfr" => {
            if let Some(t) = de!(Tfr) {
                let _ = t.calibrate(&[1.0, 2.0, 3.0, 4.0][..]);
            }
        }
        "SuperSubsetOptions" => {
            if let Some(o) = de!(SuperSubsetOptions) {
                let _ = o.search(&data, "Y", &["A", "B"]);
            }
        }
        "DirectionalExpectations" => {
            if let Some(d) = de!(DirectionalExpectations) {
                let _ = d.to_string().parse::<DirectionalExpectations>();
            }
        }
        "Sufficiency" => {
            let _ = de!(fsqca::Sufficiency);
            let _ = de!(fsqca::Necessity);
        }
        "MissingValues" => {
            let _ = de!(fsqca::MissingValues);
        }
        other => panic!("no exercise for {other}"),
    }
}

/// The types whose `Deserialize` depends on the lead's `Dataset` fix.
#[cfg(feature = "serde")]
const NEEDS_DATASET: [&str; 2] = ["Dataset", "TruthTable"];

/// Every object key of the samples, for random objects that look like ours.
#[cfg(feature = "serde")]
fn keys() -> &'static [String] {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        fn collect(v: &Value, out: &mut std::collections::BTreeSet<String>) {
            match v {
                Value::Object(m) => {
                    for (k, v) in m {
                        out.insert(k.clone());
                        collect(v, out);
                    }
                }
                Value::Array(a) => a.iter().for_each(|v| collect(v, out)),
                _ => {}
            }
        }
        let mut set = std::collections::BTreeSet::new();
        for (_, v) in samples() {
            collect(v, &mut set);
        }
        set.into_iter().collect()
    })
}

#[cfg(feature = "serde")]
fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (0u64..6).prop_map(|n| json!(n)),
        any::<i64>().prop_map(|n| json!(n)),
        select(vec![
            u64::MAX,
            1 << 53,
            u64::from(u32::MAX) + 1,
            255,
            256,
            65_536
        ])
        .prop_map(|n| json!(n)),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        select(vec![-1.0, 0.5, 1e308, -1e308, 7.0, 1e-320]).prop_map(|f| json!(f)),
        "[A-Z~*+() \\[\\],0-9<>-]{0,10}".prop_map(Value::String),
        select(vec![
            "A",
            "Y",
            "~Y",
            "A*B",
            "M[1]",
            "sufficiency",
            "Out",
            "Positive",
            "Linear",
            "A, ~B"
        ])
        .prop_map(|s| json!(s)),
    ]
}

#[cfg(feature = "serde")]
fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            vec((select(keys()), inner), 0..10).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.clone(), v)).collect())
            }),
        ]
    })
}

/// A mutation applied at one place of a value.
#[cfg(feature = "serde")]
#[derive(Debug, Clone)]
enum Mutation {
    Replace(Value),
    Truncate(usize),
    Duplicate,
    Push(Value),
    Remove,
    Huge(Value),
    WrapInArray,
    Nest(usize),
}

#[cfg(feature = "serde")]
fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => json_leaf().prop_map(Mutation::Replace),
        1 => json_value().prop_map(Mutation::Replace),
        2 => (0usize..4).prop_map(Mutation::Truncate),
        2 => Just(Mutation::Duplicate),
        2 => json_leaf().prop_map(Mutation::Push),
        2 => Just(Mutation::Remove),
        2 => select(vec![json!(u64::MAX), json!(i64::MIN), json!(1e308), json!(-1), json!(1u64 << 40), json!(300)])
            .prop_map(Mutation::Huge),
        1 => Just(Mutation::WrapInArray),
        1 => (1usize..200).prop_map(Mutation::Nest),
    ]
}

/// The places of a value, as paths of object keys and array indices.
#[cfg(feature = "serde")]
fn paths(
    v: &Value,
    prefix: &mut Vec<Result<String, usize>>,
    out: &mut Vec<Vec<Result<String, usize>>>,
) {
    out.push(prefix.clone());
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                prefix.push(Ok(k.clone()));
                paths(v, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate().take(8) {
                prefix.push(Err(i));
                paths(v, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

#[cfg(feature = "serde")]
fn at<'a>(v: &'a mut Value, path: &[Result<String, usize>]) -> Option<&'a mut Value> {
    let mut here = v;
    for step in path {
        here = match step {
            Ok(k) => here.get_mut(k.as_str())?,
            Err(i) => here.get_mut(*i)?,
        };
    }
    Some(here)
}

#[cfg(feature = "serde")]
fn mutate(value: &mut Value, place: usize, m: &Mutation) {
    let mut all = Vec::new();
    paths(value, &mut Vec::new(), &mut all);
    let path = all[place % all.len()].clone();
    if let Mutation::Remove = m {
        if let Some((last, parent)) = path.split_last() {
            if let Some(p) = at(value, parent) {
                match (p, last) {
                    (Value::Object(o), Ok(k)) => {
                        o.remove(k);
                    }
                    (Value::Array(a), Err(i)) if *i < a.len() => {
                        a.remove(*i);
                    }
                    _ => {}
                }
            }
        }
        return;
    }
    let Some(target) = at(value, &path) else {
        return;
    };
    match m {
        Mutation::Replace(v) | Mutation::Huge(v) => *target = v.clone(),
        Mutation::Truncate(n) => match target {
            Value::Array(a) => a.truncate(*n),
            Value::String(s) => {
                let keep: String = s.chars().take(*n).collect();
                *s = keep;
            }
            other => *other = Value::Array(vec![]),
        },
        Mutation::Duplicate => {
            if let Value::Array(a) = target {
                if let Some(first) = a.first().cloned() {
                    a.push(first);
                }
            }
        }
        Mutation::Push(v) => match target {
            Value::Array(a) => a.push(v.clone()),
            Value::Object(o) => {
                o.insert("extra".into(), v.clone());
            }
            other => *other = v.clone(),
        },
        Mutation::WrapInArray => *target = Value::Array(vec![target.clone()]),
        Mutation::Nest(depth) => {
            let mut v = target.clone();
            for _ in 0..*depth {
                v = Value::Array(vec![v]);
            }
            *target = v;
        }
        Mutation::Remove => {}
    }
}

#[cfg(feature = "serde")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(15_000))]

    /// Random JSON, read as every type.
    #[test]
    fn deserialize_random_json(value in json_value()) {
        for (tag, _) in samples().iter().filter(|(t, _)| !NEEDS_DATASET.contains(t)) {
            exercise_json(tag, &value);
        }
    }
}

#[cfg(feature = "serde")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(25_000))]

    /// Valid serialised values with one to three mutations, read back as their type.
    #[test]
    fn deserialize_mutated_json(
        which in any::<prop::sample::Index>(),
        mutations in vec((any::<usize>(), mutation()), 1..4),
    ) {
        let candidates: Vec<_> = samples().iter().filter(|(t, _)| !NEEDS_DATASET.contains(t)).collect();
        let (tag, valid) = candidates[which.index(candidates.len())];
        exercise_json(tag, valid);
        let mut value = valid.clone();
        for (place, m) in &mutations {
            mutate(&mut value, *place, m);
        }
        exercise_json(tag, &value);
    }
}

#[cfg(feature = "serde")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(4_000))]

    /// `Dataset` and `TruthTable` (which holds one) from random and mutated JSON: inconsistent
    /// shapes, missing masks, case lists.
    #[test]
    fn deserialize_dataset_json(
        which in 0usize..2,
        random in json_value(),
        mutations in vec((any::<usize>(), mutation()), 1..4),
    ) {
        let tag = NEEDS_DATASET[which];
        exercise_json(tag, &random);
        let valid = &samples().iter().find(|(t, _)| *t == tag).expect("a sample").1;
        let mut value = valid.clone();
        for (place, m) in &mutations {
            mutate(&mut value, *place, m);
        }
        exercise_json(tag, &value);
    }
}
