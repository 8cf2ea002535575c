//! Properties of symbolic sums of products and of theory evaluation (issue 17, acceptance
//! point 2): each intersection printed as a sum of products, evaluated on random fuzzy data,
//! equals its definition (min and max of T, S and their negations); the Boolean form equals it
//! on crisp data; the rule that drops contradictory products is exactly the Kleene-algebra
//! entailment, checked against the three values {0, 1/2, 1}; on crisp data the four
//! intersections partition the cases.

use fsqca::expression::SumOfProducts;
use fsqca::theory::TheoryEvaluation;
use fsqca::{Dataset, Expression};
use proptest::collection::vec;
use proptest::prelude::*;

const NAMES: [&str; 4] = ["A", "B", "C", "D"];

/// A random sum of products over A..D (1 to 4 products of 1 to 3 literals).
fn sop_text() -> impl Strategy<Value = String> {
    let literal = (0..4usize, any::<bool>())
        .prop_map(|(i, neg)| format!("{}{}", if neg { "~" } else { "" }, NAMES[i]));
    let product = vec(literal, 1..4).prop_map(|ls| ls.join("*"));
    vec(product, 1..5).prop_map(|ps| ps.join(" + "))
}

fn data(values: &[[f64; 4]]) -> Dataset {
    Dataset::from_columns(
        NAMES
            .iter()
            .enumerate()
            .map(|(j, n)| (*n, values.iter().map(|row| row[j]).collect::<Vec<f64>>()))
            .chain(std::iter::once((
                "Y",
                values.iter().map(|r| r[0] * 0.5 + r[3] * 0.5).collect(),
            ))),
    )
    .unwrap()
}

fn fuzzy_rows() -> impl Strategy<Value = Vec<[f64; 4]>> {
    // Values on a grid with 0.5 and the crisp ends, where the Kleene laws bite.
    let value = prop_oneof![
        Just(0.0),
        Just(0.5),
        Just(1.0),
        (0..=20u32).prop_map(|i| f64::from(i) / 20.0)
    ];
    vec([value.clone(), value.clone(), value.clone(), value], 1..30)
}

fn crisp_rows() -> impl Strategy<Value = Vec<[f64; 4]>> {
    let value = prop_oneof![Just(0.0), Just(1.0)];
    vec([value.clone(), value.clone(), value.clone(), value], 1..30)
}

/// Equal up to the rounding of `1 - (1 - x)`.
fn same(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-12)
}

fn values(sop: &SumOfProducts, data: &Dataset) -> Vec<f64> {
    sop.evaluate(data).unwrap().values().to_vec()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Each intersection's fuzzy sum of products evaluates to min(T or 1 - T, S or 1 - S); its
    /// Boolean form does on crisp data.
    #[test]
    fn printed_intersections_equal_their_definition(
        t in sop_text(), s in sop_text(), rows in fuzzy_rows(), crisp in crisp_rows()
    ) {
        let theory: Expression = t.parse().unwrap();
        let solution: Expression = s.parse().unwrap();
        for (rows, is_crisp) in [(&rows, false), (&crisp, true)] {
            let data = data(rows);
            let e = TheoryEvaluation::new(&data, "Y", &NAMES, &theory, &solution).unwrap();
            for i in &e.intersections {
                let fuzzy = values(&i.fuzzy, &data);
                prop_assert!(same(&fuzzy, &i.membership), "{} = {}: {:?} vs {:?}", i.kind, i.fuzzy, fuzzy, i.membership);
                if is_crisp {
                    prop_assert!(same(&values(&i.boolean, &data), &i.membership), "{} = {}", i.kind, i.boolean);
                }
                // Printing and parsing back gives the same sum of products.
                let reparsed: SumOfProducts = i.fuzzy.to_string().parse().unwrap();
                prop_assert_eq!(&reparsed, &i.fuzzy);
            }
        }
    }

    /// On crisp data every case is in exactly one of the four intersections.
    #[test]
    fn crisp_intersections_partition_the_cases(t in sop_text(), s in sop_text(), rows in crisp_rows()) {
        let data = data(&rows);
        let e = TheoryEvaluation::new(&data, "Y", &NAMES, &t.parse().unwrap(), &s.parse().unwrap()).unwrap();
        for case in 0..data.n_cases() {
            let memberships: Vec<f64> = e.intersections.iter().map(|i| i.membership[case]).collect();
            prop_assert_eq!(memberships.iter().filter(|&&m| m == 1.0).count(), 1);
            prop_assert_eq!(memberships.iter().filter(|&&m| m == 0.0).count(), 3);
            let groups = e.intersections.iter().filter(|i| {
                let label = &data.cases()[case];
                i.outcome_present.cases.contains(label) || i.outcome_absent.cases.contains(label)
            });
            // Y is 0, 0.5 or 1 here: a case is in one group unless Y = 0.5.
            let y = e.outcome_membership[case];
            prop_assert_eq!(groups.count(), usize::from(y != 0.5));
        }
    }

    /// Negation, intersection and union are exact on fuzzy data, and the simplification drops
    /// a product exactly when the three-valued Kleene algebra says it may: the sum of products
    /// of `E` equals E on all 81 assignments of {0, 1/2, 1} (which decide every identity of
    /// fuzzy sets, Kalman 1958), and no remaining product is contained in the others there.
    #[test]
    fn simplification_is_exact_and_irredundant(a in sop_text(), b in sop_text()) {
        let three = [0.0, 0.5, 1.0];
        let mut rows = Vec::new();
        for i in 0..81usize {
            rows.push([three[i % 3], three[i / 3 % 3], three[i / 9 % 3], three[i / 27]]);
        }
        let data = data(&rows);
        let ea: Expression = a.parse().unwrap();
        let eb: Expression = b.parse().unwrap();
        let sa = SumOfProducts::from_expression(&ea).unwrap();
        let sb = SumOfProducts::from_expression(&eb).unwrap();
        let eval = |e: &Expression| e.evaluate(&data).unwrap().values().to_vec();
        let combined = [
            (sa.negate().unwrap(), ea.clone().negate().unwrap()),
            (sa.and(&sb).unwrap(), Expression::conjunction([ea.clone(), eb.clone()]).unwrap()),
            (sa.or(&sb), Expression::disjunction([ea.clone(), eb.clone()]).unwrap()),
            (sa.negate().unwrap().and(&sb.negate().unwrap()).unwrap(),
             Expression::conjunction([ea.clone().negate().unwrap(), eb.clone().negate().unwrap()]).unwrap()),
        ];
        for (sop, expression) in combined {
            prop_assert!(same(&values(&sop, &data), &eval(&expression)), "{} vs {}", sop, expression);
            // Irredundant: dropping any product changes the value somewhere.
            let products = sop.products().unwrap();
            if products.len() > 1 {
                for skip in 0..products.len() {
                    let rest = Expression::disjunction(
                        products.iter().enumerate().filter(|(j, _)| *j != skip).map(|(_, p)| p.clone()),
                    ).unwrap();
                    prop_assert!(!same(&eval(&rest), &values(&sop, &data)), "{} is redundant in {}", products[skip], sop);
                }
            }
        }
    }
}
