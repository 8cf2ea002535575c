//! Property tests of expressions: printing then parsing is the identity, and evaluation obeys
//! the laws of fuzzy-set algebra (min for `*`, max for `+`, `1 - x` for `~`, De Morgan, double
//! negation).

use fsqca::{Dataset, Expression, Literal, Relation, Statement};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;

/// Tolerance for memberships computed along different routes: `1 - (1 - x)` need not be `x`
/// exactly in floating point.
const TOLERANCE: f64 = 1e-12;

/// Names as users write them: one letter, ASCII words with digits, `_` and `.`, and words in
/// other alphabets.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z]",
        "[A-Za-z_][A-Za-z0-9_.]{1,10}",
        "[ÄÖÜÉßΩΔЖжאñ_][a-zäöüéωж0-9_.]{0,5}",
    ]
}

fn literal() -> impl Strategy<Value = Literal> {
    let levels = vec(prop_oneof![0u32..5, any::<u32>()], 1..4);
    (name(), any::<bool>(), proptest::option::of(levels)).prop_map(|(name, negated, levels)| {
        let literal = match levels {
            Some(levels) => Literal::with_levels(name, levels),
            None => Literal::new(name),
        }
        .expect("a valid name and levels");
        if negated {
            literal.negate()
        } else {
            literal
        }
    })
}

/// Expressions built from `leaf` with the canonical constructors, nested up to 5 deep.
fn expression_from(leaf: BoxedStrategy<Expression>) -> impl Strategy<Value = Expression> {
    leaf.prop_recursive(5, 64, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 2..5)
                .prop_map(|items| { Expression::conjunction(items).expect("two or more items") }),
            vec(inner.clone(), 2..5)
                .prop_map(|items| { Expression::disjunction(items).expect("two or more items") }),
            inner.prop_map(|e| e.negate().expect("shallow")),
        ]
    })
}

/// The negation of a shallow expression (the strategies nest far less than the limit).
fn neg(e: &Expression) -> Expression {
    e.clone().negate().expect("shallow")
}

fn expression() -> impl Strategy<Value = Expression> {
    expression_from(literal().prop_map(Expression::literal).boxed())
}

fn relation() -> impl Strategy<Value = Relation> {
    prop_oneof![Just(Relation::Sufficiency), Just(Relation::Necessity)]
}

/// Plain conditions of [`dataset`].
const FUZZY: [&str; 4] = ["A", "B", "C", "D"];

/// Expressions over the columns of [`dataset`]: fuzzy `A`..`D`, and the multi-value `M` only
/// with levels.
fn expression_over_data() -> impl Strategy<Value = Expression> {
    let fuzzy = (select(&FUZZY[..]), any::<bool>()).prop_map(|(n, neg)| {
        let l = Literal::new(n).expect("a valid name");
        Expression::literal(if neg { l.negate() } else { l })
    });
    let multi = (vec(0u32..4, 1..3), any::<bool>()).prop_map(|(levels, neg)| {
        let l = Literal::with_levels("M", levels).expect("one or more levels");
        Expression::literal(if neg { l.negate() } else { l })
    });
    expression_from(prop_oneof![4 => fuzzy, 1 => multi].boxed())
}

/// Fuzzy memberships, with the crossover and the bounds over-represented.
fn membership() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(0.5),
        Just(1.0),
        0.0..=1.0f64,
        0.0..=1.0f64,
        0.0..=1.0f64,
    ]
}

/// A data set of 1 to 12 cases: fuzzy columns `A`..`D` and a multi-value column `M` in 0..=3.
fn dataset() -> impl Strategy<Value = Dataset> {
    (1usize..=12).prop_flat_map(|n| {
        (
            vec(vec(membership(), n), FUZZY.len()),
            vec((0u32..4).prop_map(f64::from), n),
        )
            .prop_map(|(fuzzy, multi)| {
                let mut columns: Vec<(String, Vec<f64>)> =
                    FUZZY.iter().map(|s| s.to_string()).zip(fuzzy).collect();
                columns.push(("M".into(), multi));
                Dataset::from_columns(columns)
                    .and_then(|d| d.with_levels("M", 4))
                    .expect("a valid data set")
            })
    })
}

fn values(e: &Expression, data: &Dataset) -> Result<Vec<f64>, TestCaseError> {
    e.evaluate(data)
        .map(|set| set.values().to_vec())
        .map_err(|err| TestCaseError::fail(format!("evaluating `{e}`: {err}")))
}

fn assert_close(left: &[f64], right: &[f64], what: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(left.len(), right.len());
    for (case, (l, r)) in left.iter().zip(right).enumerate() {
        prop_assert!(
            (l - r).abs() <= TOLERANCE,
            "{}: case {}: {} != {}",
            what,
            case,
            l,
            r
        );
    }
    Ok(())
}

fn parse(s: &str) -> Result<Expression, TestCaseError> {
    s.parse()
        .map_err(|err: fsqca::ExpressionError| TestCaseError::fail(err.display_with(s)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn display_then_parse_is_identity(e in expression()) {
        let printed = e.to_string();
        prop_assert_eq!(parse(&printed)?, e);
    }

    #[test]
    fn white_space_does_not_change_the_parse(e in expression()) {
        let printed = e.to_string();
        let spaced = format!(
            " \t{}\n ",
            printed
                .replace('*', " *  ")
                .replace('~', "~ ")
                .replace('(', "( ")
                .replace(')', " )")
                .replace('[', " [ ")
                .replace(',', " ,\t")
                .replace(']', " ]")
        );
        prop_assert_eq!(parse(&spaced)?, e);
    }

    #[test]
    fn statement_display_then_parse_is_identity(
        lhs in expression(),
        relation in relation(),
        rhs in expression(),
    ) {
        let s = Statement::new(lhs, relation, rhs);
        let printed = s.to_string();
        let back: Statement = printed
            .parse()
            .map_err(|err: fsqca::ExpressionError| TestCaseError::fail(err.display_with(&printed)))?;
        prop_assert_eq!(back, s);
    }

    #[test]
    fn de_morgan_on_conditions(data in dataset()) {
        let pairs = [
            ("~(A*B)", "~A + ~B"),
            ("~(A + B)", "~A*~B"),
            ("~(A*~B*C)", "~A + B + ~C"),
            ("~(A + M[1,2])", "~A*~M[1,2]"),
        ];
        for (left, right) in pairs {
            assert_close(
                &values(&parse(left)?, &data)?,
                &values(&parse(right)?, &data)?,
                &format!("`{left}` vs `{right}`"),
            )?;
        }
    }

    #[test]
    fn de_morgan_on_subexpressions(
        data in dataset(),
        x in expression_over_data(),
        y in expression_over_data(),
    ) {
        let and = Expression::conjunction([x.clone(), y.clone()]).expect("two items");
        let or = Expression::disjunction([x.clone(), y.clone()]).expect("two items");
        let not_x_or_not_y =
            Expression::disjunction([neg(&x), neg(&y)]).expect("two items");
        let not_x_and_not_y =
            Expression::conjunction([neg(&x), neg(&y)]).expect("two items");
        assert_close(
            &values(&neg(&and), &data)?,
            &values(&not_x_or_not_y, &data)?,
            &format!("~({and}) vs {not_x_or_not_y}"),
        )?;
        assert_close(
            &values(&neg(&or), &data)?,
            &values(&not_x_and_not_y, &data)?,
            &format!("~({or}) vs {not_x_and_not_y}"),
        )?;
        // The same laws, through the parser.
        let text_and = parse(&format!("~(({x})*({y}))"))?;
        let text_or = parse(&format!("~({x}) + ~({y})"))?;
        assert_close(
            &values(&text_and, &data)?,
            &values(&text_or, &data)?,
            &format!("`{text_and}` vs `{text_or}`"),
        )?;
    }

    #[test]
    fn double_negation(data in dataset(), x in expression_over_data()) {
        prop_assert_eq!(neg(&neg(&x)), x.clone());
        prop_assert_eq!(parse(&format!("~~({x})"))?, x.clone());
        prop_assert_eq!(parse(&format!("~(~({x}))"))?, x.clone());
        let direct = values(&x, &data)?;
        let negated = values(&neg(&x), &data)?;
        let twice: Vec<f64> = negated.iter().map(|v| 1.0 - v).collect();
        assert_close(&direct, &twice, "1 - ~X vs X")?;
        for (case, (v, n)) in direct.iter().zip(&negated).enumerate() {
            prop_assert!((v + n - 1.0).abs() <= TOLERANCE, "case {}: X + ~X != 1", case);
        }
    }

    #[test]
    fn and_is_min_or_is_max(
        data in dataset(),
        x in expression_over_data(),
        y in expression_over_data(),
    ) {
        let vx = values(&x, &data)?;
        let vy = values(&y, &data)?;
        let and = Expression::conjunction([x.clone(), y.clone()]).expect("two items");
        let or = Expression::disjunction([x, y]).expect("two items");
        let min: Vec<f64> = vx.iter().zip(&vy).map(|(a, b)| a.min(*b)).collect();
        let max: Vec<f64> = vx.iter().zip(&vy).map(|(a, b)| a.max(*b)).collect();
        assert_close(&values(&and, &data)?, &min, &format!("{and} vs min"))?;
        assert_close(&values(&or, &data)?, &max, &format!("{or} vs max"))?;
        for v in values(&and, &data)?.into_iter().chain(values(&or, &data)?) {
            prop_assert!((0.0..=1.0).contains(&v));
        }
    }
}

#[test]
fn known_values() -> Result<(), Box<dyn std::error::Error>> {
    let data = Dataset::from_columns([
        ("A", vec![0.9, 0.2, 0.6]),
        ("B", vec![0.3, 0.8, 0.6]),
        ("M", vec![0.0, 1.0, 2.0]),
    ])?
    .with_multi_value(&["M"])?;
    let cases = [
        ("A*B", [0.3, 0.2, 0.6]),
        ("A + B", [0.9, 0.8, 0.6]),
        ("~A*B + M[0]", [1.0, 0.8, 0.4]),
        ("~(A*B)", [0.7, 0.8, 0.4]),
        ("A*~M[1,2]", [0.9, 0.0, 0.0]),
    ];
    for (text, expected) in cases {
        let got = text.parse::<Expression>()?.evaluate(&data)?;
        for (g, e) in got.values().iter().zip(expected) {
            assert!((g - e).abs() <= TOLERANCE, "`{text}`: {g} != {e}");
        }
    }
    Ok(())
}
