use super::*;
use crate::data::{DataError, Dataset};

fn lit(n: &str) -> Expression {
    Expression::literal(Literal::new(n).unwrap())
}

#[test]
fn display_precedence() {
    let or = Expression::disjunction([lit("A"), lit("B")]).unwrap();
    let and = Expression::conjunction([or.clone(), lit("C").negate().unwrap()]).unwrap();
    assert_eq!(and.to_string(), "(A + B)*~C");
    assert_eq!(or.negate().unwrap().to_string(), "~(A + B)");
    let nested = Expression::conjunction([
        Expression::conjunction([lit("A"), lit("B")]).unwrap(),
        lit("C"),
    ])
    .unwrap();
    let ExpressionKind::And(items) = nested.kind() else {
        panic!("not a conjunction: {nested:?}");
    };
    assert_eq!(items, &[lit("A"), lit("B"), lit("C")]);
}

#[test]
fn empty_conjunction_is_an_error() {
    assert_eq!(
        Expression::conjunction([]),
        Err(ExpressionError::NoOperands { operator: "*" })
    );
    assert_eq!(
        Expression::disjunction([]),
        Err(ExpressionError::NoOperands { operator: "+" })
    );
    assert_eq!(Expression::disjunction([lit("A")]), Ok(lit("A")));
}

#[test]
fn multi_value_membership() {
    let data = Dataset::from_columns([("D", vec![0.0, 1.0, 2.0])])
        .unwrap()
        .with_multi_value(&["D"])
        .unwrap();
    let e = Expression::literal(Literal::with_levels("D", [1, 2]).unwrap());
    assert_eq!(
        e.evaluate(&data).unwrap().values().to_vec(),
        [0.0, 1.0, 1.0]
    );
    let e = Expression::literal(Literal::with_levels("D", [2]).unwrap().negate());
    assert_eq!(
        e.evaluate(&data).unwrap().values().to_vec(),
        [1.0, 1.0, 0.0]
    );
}

#[test]
fn evaluation_errors() {
    let data = Dataset::from_columns([("D", vec![0.0, 2.0])]).unwrap();
    let e = lit("X").evaluate(&data).unwrap_err();
    assert!(e.to_string().contains("unknown column `X`"));
    let e = lit("D").evaluate(&data).unwrap_err();
    assert!(
        e.to_string()
            .contains("is not a membership in [0, 1]; the column holds whole numbers"),
        "{e}"
    );
    // Levels need a multi-value (or crisp) column, and a level it has (report D8).
    let fuzzy = Dataset::from_columns([("F", vec![0.2, 1.0])]).unwrap();
    let e = Expression::literal(Literal::with_levels("F", [1]).unwrap())
        .evaluate(&fuzzy)
        .unwrap_err();
    assert!(matches!(e, DataError::NotMultiValue { .. }));
    let crisp = Dataset::from_columns([("C", vec![0.0, 1.0])]).unwrap();
    let c1 = Expression::literal(Literal::with_levels("C", [1]).unwrap());
    assert_eq!(c1.evaluate(&crisp).unwrap().values().to_vec(), [0.0, 1.0]);
    let e = Expression::literal(Literal::with_levels("C", [2]).unwrap())
        .evaluate(&crisp)
        .unwrap_err();
    assert!(matches!(
        e,
        DataError::NoSuchLevel {
            level: 2,
            levels: 2,
            ..
        }
    ));
    let m = data.with_multi_value(&["D"]).unwrap();
    let e = lit("D").evaluate(&m).unwrap_err();
    assert!(matches!(e, DataError::LevelsRequired { levels: 3, .. }));
}

#[test]
fn malformed_literals_are_refused() {
    for name in [
        "", "A*B", "~A", "A+B", "GDP pc", "A[1]", "(A)", "A,B", "1A", "A->B", "A<-B",
    ] {
        assert!(
            matches!(Literal::new(name), Err(ExpressionError::InvalidName { .. })),
            "{name:?} accepted"
        );
    }
    for name in [
        "A",
        "d.napoleon",
        "enterprise_rank",
        "X1",
        "FSorLS",
        "_a",
        "Ü",
    ] {
        assert_eq!(
            Literal::new(name).map(|l| l.to_string()).as_deref(),
            Ok(name)
        );
    }
    assert_eq!(
        Literal::with_levels("M", []),
        Err(ExpressionError::NoLevels { name: "M".into() })
    );
}

#[test]
fn literal_from_text() {
    let a: Literal = "~~DEV[2,1]".parse().unwrap();
    assert_eq!(a, Literal::with_levels("DEV", [1, 2]).unwrap());
    assert_eq!(
        "A*B".parse::<Literal>(),
        Err(ExpressionError::NotALiteral {
            found: "A*B".into()
        })
    );
}

#[cfg(feature = "serde")]
#[test]
fn serialises_as_text() {
    let e: Expression = "A*~B[1,2] + ~(C*D)".parse().unwrap();
    let json = serde_json::to_string(&e).unwrap();
    assert_eq!(json, r#""A*~B[1,2] + ~(C*D)""#);
    assert_eq!(serde_json::from_str::<Expression>(&json).unwrap(), e);
    assert!(serde_json::from_str::<Expression>(r#""A*""#).is_err());
    assert!(serde_json::from_str::<Expression>(r#"{"And": []}"#).is_err());
    let l: Literal = serde_json::from_str(r#""~M[2]""#).unwrap();
    assert_eq!(l, Literal::with_levels("M", [2]).unwrap().negate());
    assert_eq!(serde_json::to_string(&l).unwrap(), r#""~M[2]""#);
    assert!(serde_json::from_str::<Literal>(r#""A*B""#).is_err());
    assert!(serde_json::from_str::<Literal>(r#""M[]""#).is_err());
}

/// Hand-built nesting stops at [`MAX_NESTING`], and what is built prints as text that
/// parses back to it (reliability report, 2a').
#[test]
fn constructors_cap_the_nesting() {
    let mut e = lit("A");
    let mut refused = None;
    for i in 0..20_000 {
        match Expression::conjunction([e.clone(), lit("B")]).and_then(Expression::negate) {
            Ok(next) => e = next,
            Err(err) => {
                refused = Some((i, err));
                break;
            }
        }
    }
    assert_eq!(
        refused,
        Some((
            MAX_NESTING,
            ExpressionError::NestingTooDeep { max: MAX_NESTING }
        ))
    );
    let data = Dataset::from_columns([("A", vec![0.2]), ("B", vec![0.7])]).unwrap();
    assert!(e.evaluate(&data).is_ok());
    assert_eq!(e.to_string().parse::<Expression>(), Ok(e.clone()));
    let or = Expression::disjunction([e.clone(), lit("C")]).unwrap();
    assert_eq!(
        Expression::conjunction([or, lit("D")]),
        Err(ExpressionError::NestingTooDeep { max: MAX_NESTING })
    );
}

/// Distributing a negation may multiply the number of products: past
/// [`MAX_PRODUCTS`](super::MAX_PRODUCTS) the sum of products is refused, not built. The
/// negation of a sum of `k` products of 30 literals each has 30^k products: 900 for two,
/// 27,000 for three.
#[test]
fn sums_of_products_refuse_more_products_than_the_limit() {
    let sum = |terms: usize| -> SumOfProducts {
        (0..terms)
            .map(|t| {
                (0..30)
                    .map(|c| format!("C{t}x{c}"))
                    .collect::<Vec<_>>()
                    .join("*")
            })
            .collect::<Vec<_>>()
            .join(" + ")
            .parse()
            .unwrap()
    };
    assert_eq!(
        sum(2).negate().unwrap().to_string().split(" + ").count(),
        900
    );
    let refused = Err(ExpressionError::TooManyProducts {
        limit: super::MAX_PRODUCTS,
    });
    assert_eq!(sum(3).negate(), refused);
    // The intersection of two sums of 900 products each would have 810,000.
    let wide = sum(2).negate().unwrap();
    assert_eq!(wide.and(&wide), refused);
}
