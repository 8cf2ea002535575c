//! Properties of SMMR case selection on random data: every listed case satisfies its type's
//! definition, every case that satisfies it is listed (where the list is not cut), scores are
//! the definitions', and empty types are explained; plus the bad input of acceptance point 3.

use fsqca::cases::{CaseMemberships, CaseSelectionError, SelectionOptions};
use fsqca::{Dataset, Expression};
use proptest::prelude::*;

const NAMES: [&str; 3] = ["A", "B", "C"];

/// Memberships on a 0.05 grid (so values at exactly 0.5 occur), 3 conditions and Y.
fn data() -> impl Strategy<Value = Dataset> {
    (2usize..14).prop_flat_map(|n| {
        proptest::collection::vec(proptest::collection::vec(0u8..=20, n), 4).prop_map(|cols| {
            let columns: Vec<(&str, Vec<f64>)> = NAMES
                .iter()
                .copied()
                .chain(["Y"])
                .zip(cols)
                .map(|(name, c)| (name, c.into_iter().map(|v| f64::from(v) / 20.0).collect()))
                .collect();
            Dataset::from_columns(columns).unwrap()
        })
    })
}

/// One or two terms: conjunctions of 1-3 literals, each condition present or negated.
fn terms() -> impl Strategy<Value = Vec<Expression>> {
    let term = proptest::collection::vec((0usize..3, any::<bool>()), 1..=3).prop_map(|lits| {
        let mut seen = Vec::new();
        let text: Vec<String> = lits
            .into_iter()
            .filter(|(c, _)| {
                let new = !seen.contains(c);
                seen.push(*c);
                new
            })
            .map(|(c, neg)| format!("{}{}", if neg { "~" } else { "" }, NAMES[c]))
            .collect();
        text.join("*").parse::<Expression>().unwrap()
    });
    proptest::collection::vec(term, 1..=2)
}

fn column(data: &Dataset, e: &Expression) -> Vec<f64> {
    e.evaluate(data).unwrap().into_values().to_vec()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        rng_seed: proptest::test_runner::RngSeed::Fixed(17),
        ..ProptestConfig::default()
    })]

    #[test]
    fn typical_and_deviant_cases_satisfy_their_definitions(data in data(), terms in terms()) {
        let cases = CaseMemberships::new(&data, "Y", &NAMES, &terms).unwrap();
        let y = data.column("Y").unwrap().to_vec();
        let labels = data.cases();
        let index = |name: &str| labels.iter().position(|l| l == name).unwrap();
        let s: Vec<f64> = (0..y.len())
            .map(|i| terms.iter().map(|t| column(&data, t)[i]).fold(0.0, f64::max))
            .collect();
        for list in cases.typical() {
            let term = list.subject.clone().unwrap();
            let x = column(&data, &term);
            let listed: Vec<usize> = list.cases.iter().map(|c| index(&c.case)).collect();
            for i in 0..y.len() {
                let typical = x[i] > 0.5 && y[i] > 0.5 && x[i] <= y[i];
                prop_assert_eq!(listed.contains(&i), typical, "{} case {}", term, i);
            }
            for c in &list.cases {
                let i = index(&c.case);
                prop_assert!((c.best - (2.0 * (y[i] - x[i]) + (1.0 - x[i]))).abs() < 1e-12);
            }
            prop_assert_eq!(list.cases.is_empty(), list.explanation.is_some());
            let min = list.cases.iter().map(|c| c.best).fold(f64::INFINITY, f64::min);
            for c in &list.cases {
                prop_assert_eq!(c.most_typical, c.best == min);
            }
        }
        for list in cases.deviant_consistency() {
            let x = column(&data, list.subject.as_ref().unwrap());
            let listed: Vec<usize> = list.cases.iter().map(|c| index(&c.case)).collect();
            for i in 0..y.len() {
                prop_assert_eq!(listed.contains(&i), x[i] > 0.5 && y[i] < 0.5);
            }
        }
        let coverage: Vec<usize> = cases.deviant_coverage().cases.iter().map(|c| index(&c.case)).collect();
        let irrelevant: Vec<usize> = cases.individually_irrelevant().cases.iter().map(|c| index(&c.case)).collect();
        for i in 0..y.len() {
            prop_assert_eq!(coverage.contains(&i), s[i] < 0.5 && y[i] > 0.5);
            prop_assert_eq!(irrelevant.contains(&i), s[i] < 0.5 && y[i] < 0.5);
        }
        // Deviant coverage comes by truth-table row, and its best is 1 - w.
        let list = cases.deviant_coverage();
        for pair in list.cases.windows(2) {
            prop_assert!(pair[0].row.is_none() || pair[1].row.is_none() || pair[0].row <= pair[1].row);
        }
        for c in &list.cases {
            prop_assert_eq!(c.best, Some(1.0 - c.row_membership));
        }
        // Every case typical for a focal conjunct is a typical case of the term.
        let options = SelectionOptions::new().max_pairs(usize::MAX);
        let x = column(&data, &terms[0]);
        for list in cases.typical_focal_conjuncts(&options).unwrap() {
            for c in &list.cases {
                let i = index(&c.case);
                prop_assert!(x[i] > 0.5 && y[i] > 0.5 && x[i] <= y[i]);
                prop_assert!((c.term_membership - x[i]).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn necessity_cases_satisfy_their_definitions(data in data(), terms in terms(), k in 0usize..3) {
        let cases = CaseMemberships::new(&data, "Y", &NAMES, &terms).unwrap();
        let y = data.column("Y").unwrap().to_vec();
        let w = cases.row_memberships().to_vec();
        let labels = data.cases();
        let index = |name: &str| labels.iter().position(|l| l == name).unwrap();
        let necessary: Expression = format!("{} + {}", NAMES[k], NAMES[(k + 1) % 3]).parse().unwrap();
        let typical = cases.necessity_typical(&necessary).unwrap();
        let deviant = cases.necessity_deviant_consistency(&necessary).unwrap();
        let relevance = cases.necessity_deviant_relevance(&necessary).unwrap();
        prop_assert_eq!(typical.len(), 3);
        for ((t, d), r) in typical.iter().zip(&deviant).zip(&relevance) {
            let n = column(&data, t.subject.as_ref().unwrap());
            let in_list = |cases: Vec<&str>, i: usize| cases.iter().any(|c| index(c) == i);
            for i in 0..y.len() {
                prop_assert_eq!(in_list(t.cases.iter().map(|c| c.case.as_str()).collect(), i), n[i] > 0.5 && y[i] > 0.5 && n[i] >= y[i]);
                prop_assert_eq!(in_list(d.cases.iter().map(|c| c.case.as_str()).collect(), i), n[i] < 0.5 && y[i] > 0.5 && w[i] > 0.5);
                prop_assert_eq!(in_list(r.cases.iter().map(|c| c.case.as_str()).collect(), i), n[i] > 0.5 && y[i] < 0.5);
            }
        }
    }

    #[test]
    fn necessity_deviant_pairs_share_a_row_outside_the_condition(
        data in data(),
        terms in terms(),
        k in 0usize..3,
        max in 1usize..4,
    ) {
        let cases = CaseMemberships::new(&data, "Y", &NAMES, &terms).unwrap();
        let y = data.column("Y").unwrap().to_vec();
        let labels = data.cases();
        let index = |name: &str| labels.iter().position(|l| l == name).unwrap();
        let necessary: Expression = format!("{} + {}", NAMES[k], NAMES[(k + 1) % 3]).parse().unwrap();
        let typical = cases.necessity_typical(&necessary).unwrap();
        let deviant = cases.necessity_deviant_consistency(&necessary).unwrap();
        let all = cases.necessity_deviant_pairs(&necessary, usize::MAX).unwrap();
        let cut = cases.necessity_deviant_pairs(&necessary, max).unwrap();
        prop_assert_eq!(all.len(), 3);
        for (((list, cut), t), d) in all.iter().zip(&cut).zip(&typical).zip(&deviant) {
            let subject = list.subject.clone().unwrap();
            let n = column(&data, &subject);
            let outside: Vec<&str> = NAMES
                .iter()
                .copied()
                .filter(|c| subject.literals().iter().all(|l| l.name() != *c))
                .collect();
            // the crisp row on the conditions outside the subject, None at 0.5
            let row = |i: usize| -> Option<Vec<u8>> {
                outside
                    .iter()
                    .map(|c| {
                        let v = data.column(c).unwrap()[i];
                        (v != 0.5).then_some(u8::from(v > 0.5))
                    })
                    .collect()
            };
            let mut expected = 0;
            for tc in &t.cases {
                for dc in &d.cases {
                    let (i, j) = (index(&tc.case), index(&dc.case));
                    if row(i).is_some() && row(i) == row(j) {
                        expected += 1;
                    }
                }
            }
            prop_assert_eq!(list.cases.len(), expected, "{}", subject);
            prop_assert_eq!(list.cases.is_empty(), list.explanation.is_some());
            for p in &list.cases {
                let (i, j) = (index(&p.typical), index(&p.deviant));
                prop_assert!(t.cases.iter().any(|c| c.case == p.typical));
                prop_assert!(d.cases.iter().any(|c| c.case == p.deviant));
                prop_assert_eq!(Some(p.row.clone()), row(i));
                prop_assert_eq!(&p.row_conditions, &outside);
                prop_assert!((p.best - ((1.0 - (n[i] - n[j])) + (y[i] - y[j]).abs())).abs() < 1e-12);
            }
            prop_assert!(list.cases.windows(2).all(|w| w[0].row <= w[1].row));
            prop_assert_eq!(&cut.cases[..], &list.cases[..max.min(list.cases.len())]);
        }
    }
}

fn small() -> (Dataset, Vec<Expression>) {
    let data = Dataset::from_columns([
        ("A", vec![0.8, 0.3, 0.9]),
        ("B", vec![0.7, 0.2, 0.6]),
        ("Y", vec![0.4, 0.1, 0.2]),
    ])
    .unwrap();
    (data, vec!["A*B".parse().unwrap()])
}

#[test]
fn no_typical_case_is_an_empty_explained_list() {
    // SM9: SetMethods stops with an R error for some empty case types; here every Y > 0.5 is
    // missing, so there is no typical case, and the lists are empty with their reason.
    let (data, terms) = small();
    let cases = CaseMemberships::new(&data, "Y", &["A", "B"], &terms).unwrap();
    let typical = cases.typical();
    assert!(typical[0].cases.is_empty());
    assert_eq!(
        typical[0].explanation.as_deref(),
        Some("no typical cases for A*B: no case has X > 0.5, Y > 0.5 and X <= Y")
    );
    for list in cases
        .typical_focal_conjuncts(&SelectionOptions::new())
        .unwrap()
    {
        assert!(list.cases.is_empty() && list.explanation.is_some());
    }
    for list in cases.typical_pairs(&SelectionOptions::new()).unwrap() {
        assert!(list.cases.is_empty());
        assert!(list
            .explanation
            .as_deref()
            .is_some_and(|e| e.contains("a pair needs")));
    }
    assert_eq!(cases.deviant_consistency()[0].cases.len(), 2);
}

#[test]
fn a_term_index_out_of_range_is_an_error() {
    let (data, terms) = small();
    let cases = CaseMemberships::new(&data, "Y", &["A", "B"], &terms).unwrap();
    for term in [0, 2] {
        let err = cases
            .typical_focal_conjuncts(&SelectionOptions::new().term(term))
            .unwrap_err();
        assert!(
            matches!(err, CaseSelectionError::TermOutOfRange { term: t, n_terms: 1 } if t == term)
        );
        assert!(cases
            .typical_irrelevant_pairs(&SelectionOptions::new().term(term))
            .is_err());
    }
    assert!(matches!(
        cases.typical_deviant_pairs(0).unwrap_err(),
        CaseSelectionError::ZeroMaxPairs
    ));
    assert!(matches!(
        cases
            .necessity_deviant_pairs(&"A".parse().unwrap(), 0)
            .unwrap_err(),
        CaseSelectionError::ZeroMaxPairs
    ));
}

#[test]
fn bad_terms_and_conditions_are_errors() {
    let (data, _) = small();
    let not_a_term: Vec<Expression> = vec!["A + B".parse().unwrap()];
    assert!(matches!(
        CaseMemberships::new(&data, "Y", &["A", "B"], &not_a_term).unwrap_err(),
        CaseSelectionError::NotASimpleExpression { .. }
    ));
    let unknown: Vec<Expression> = vec!["A*C".parse().unwrap()];
    assert!(matches!(
        CaseMemberships::new(&data, "Y", &["A", "B"], &unknown).unwrap_err(),
        CaseSelectionError::UnknownCondition { name, .. } if name == "C"
    ));
    assert!(matches!(
        CaseMemberships::new(&data, "Y", &["A", "B"], &[]).unwrap_err(),
        CaseSelectionError::NoTerms
    ));
    let terms: Vec<Expression> = vec!["A".parse().unwrap()];
    let cases = CaseMemberships::new(&data, "Y", &["A", "B"], &terms).unwrap();
    assert!(matches!(
        cases
            .necessity_typical(&"~(A*B)".parse().unwrap())
            .unwrap_err(),
        CaseSelectionError::NotASimpleExpression { .. }
    ));
    assert!(matches!(
        cases.necessity_typical(&"Z".parse().unwrap()).unwrap_err(),
        CaseSelectionError::Data(_)
    ));
}

#[test]
fn a_single_negated_literal_is_a_term_where_setmethods_fails_sm8() {
    // SM8: SetMethods 4.0's smmr(cases = 2) fails for a term of a single negated literal
    // (`~A`): it strips the tilde only when the term has several conjuncts. Here `~A` is a
    // term like any other: its typical cases are those with 1 - A > 0.5, Y > 0.5, 1 - A <= Y.
    let data =
        Dataset::from_columns([("A", vec![0.2, 0.1, 0.7]), ("Y", vec![0.9, 0.95, 0.3])]).unwrap();
    let terms: Vec<Expression> = vec!["~A".parse().unwrap()];
    let cases = CaseMemberships::new(&data, "Y", &["A"], &terms).unwrap();
    let lists = cases
        .typical_focal_conjuncts(&SelectionOptions::new())
        .unwrap();
    assert_eq!(lists.len(), 1);
    let names: Vec<&str> = lists[0].cases.iter().map(|c| c.case.as_str()).collect();
    assert_eq!(names, ["2", "1"]);
    assert!((lists[0].cases[0].focal_conjunct - 0.9).abs() < 1e-12);
    assert!((lists[0].cases[0].best - (2.0 * (0.95_f64 - 0.9).abs() + 0.1)).abs() < 1e-12);
    assert_eq!(lists[0].cases[0].rank, None);
}
