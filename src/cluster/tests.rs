//! Bad input and edge cases of the panel cluster diagnostics.

use super::{ClusterError, Panel, RatioConvention};
use crate::data::{DataError, Dataset};
use crate::expression::{Expression, Relation};
use crate::sets::FuzzySet;

fn read(csv: &str) -> Dataset {
    Dataset::from_reader(csv.as_bytes()).unwrap()
}

#[test]
fn missing_ids_are_named_in_text_and_number_columns() {
    let data = read("case,unit,year,X,Y\na,fr,1990,0.2,0.4\nb,NA,1990,0.6,0.7\nc,de,,0.1,0.2\n");
    let err = Panel::from_columns(&data, "unit", "year").unwrap_err();
    assert!(
        matches!(err, ClusterError::MissingId { ref column, ref cases } if column == "unit" && cases == &["b"])
    );
    let err = Panel::from_columns(&data, "X", "year").unwrap_err();
    assert!(
        matches!(err, ClusterError::MissingId { ref column, ref cases } if column == "year" && cases == &["c"])
    );
}

#[test]
fn unknown_and_repeated_columns_are_refused() {
    let data = read("case,unit,year\na,fr,1990\n");
    let err = Panel::from_columns(&data, "unit", "period").unwrap_err();
    assert!(
        matches!(err, ClusterError::Data(DataError::UnknownColumn { ref name, .. }) if name == "period")
    );
    let err = Panel::from_columns(&data, "unit", "unit").unwrap_err();
    assert!(matches!(err, ClusterError::SameColumn { ref column } if column == "unit"));
}

#[test]
fn number_ids_are_their_shortest_form_and_trimmed() {
    let data = read("case,unit,year\na, fr ,1990\nb,fr,1995.0\n");
    let panel = Panel::from_columns(&data, "unit", "year").unwrap();
    assert_eq!(panel.units(), ["fr"]);
    assert_eq!(panel.clusters(), ["1990", "1995"]);
}

#[test]
fn one_cluster_is_an_explained_result_not_an_error() {
    let data = read("case,unit,year,X,Y\na,fr,1990,0.8,0.6\nb,de,1990,0.4,0.7\n");
    let panel = Panel::from_columns(&data, "unit", "year").unwrap();
    let x: Expression = "X".parse().unwrap();
    let fit = panel.fit(&x, &data, "Y", Relation::Sufficiency).unwrap();
    assert_eq!(fit.between.len(), 1);
    assert_eq!(fit.between[0].measures, fit.pooled);
    assert_eq!(fit.between_distance, Some(0.0));
    assert_eq!(fit.within.len(), 2);
}

#[test]
fn empty_groups_are_undefined_and_left_out_of_the_distance() {
    // Unit `de` never shows X: its within consistency is undefined; the distance is over
    // `fr` and `it` alone.
    let data = read(
        "case,unit,year,X,Y\na,fr,1990,0.8,0.8\nb,fr,1995,0.4,0.4\nc,de,1990,0,0.7\nd,it,1990,0.5,0.25\n",
    );
    let panel = Panel::from_columns(&data, "unit", "year").unwrap();
    let x: Expression = "X".parse().unwrap();
    let fit = panel.fit(&x, &data, "Y", Relation::Sufficiency).unwrap();
    assert_eq!(fit.within[1].id, "de");
    assert_eq!(fit.within[1].measures.consistency, None);
    assert_eq!(fit.within[1].measures.coverage, Some(0.0));
    let (fr, it) = (1.0, 0.5);
    let total = fr + it;
    let expected = ((fr / total - 0.5f64).powi(2) + (it / total - 0.5f64).powi(2)).sqrt();
    assert!((fit.within_distance.unwrap() - expected).abs() < 1e-15);
    // No unit with a positive consistency: no distance.
    let zero = FuzzySet::new("Z", vec![0.0; 4]).unwrap();
    let y = data.fuzzy_set("Y").unwrap();
    let fit = panel.fit_sets(&zero, &y, Relation::Sufficiency).unwrap();
    assert_eq!((fit.within_distance, fit.between_distance), (None, None));
}

#[test]
fn setmethods_convention_counts_an_empty_group_as_one() {
    // The panel above under SetMethods' ε: `de` (Σ X = 0) is 1 and enters the distance over
    // all three units.
    let data = read(
        "case,unit,year,X,Y\na,fr,1990,0.8,0.8\nb,fr,1995,0.4,0.4\nc,de,1990,0,0.7\nd,it,1990,0.5,0.25\n",
    );
    let panel = Panel::from_columns(&data, "unit", "year")
        .unwrap()
        .convention(RatioConvention::SetMethods);
    let x: Expression = "X".parse().unwrap();
    let fit = panel.fit(&x, &data, "Y", Relation::Sufficiency).unwrap();
    assert_eq!(fit.convention, RatioConvention::SetMethods);
    assert_eq!(fit.within[1].measures.consistency, Some(1.0));
    let eps = RatioConvention::EPSILON;
    let it = (0.25 + eps) / (0.5 + eps);
    let consistencies = [1.0, 1.0, it];
    let total: f64 = consistencies.iter().sum();
    let expected = consistencies
        .iter()
        .map(|c| ((c + eps) / (total + eps) - 1.0 / 3.0).powi(2))
        .sum::<f64>()
        .sqrt();
    assert!((fit.within_distance.unwrap() - expected).abs() < 1e-15);
    // No membership anywhere: every group is 1, and the distance is that of J equal groups,
    // not exactly 0 but √J · |(1 + ε) / (J + ε) − 1/J| (the ε in the shares).
    let zero = FuzzySet::new("Z", vec![0.0; 4]).unwrap();
    let y = data.fuzzy_set("Y").unwrap();
    let fit = panel.fit_sets(&zero, &y, Relation::Sufficiency).unwrap();
    for (distance, groups) in [(fit.within_distance, 3.0_f64), (fit.between_distance, 2.0)] {
        let equal = groups.sqrt() * ((1.0 + eps) / (groups + eps) - 1.0 / groups).abs();
        assert!((distance.unwrap() - equal).abs() < 1e-20);
        assert!(distance.unwrap() < 1e-10);
    }
}

#[test]
fn another_data_set_is_refused() {
    let data = read("case,unit,year,X,Y\na,fr,1990,0.8,0.6\nb,de,1990,0.4,0.7\n");
    let panel = Panel::from_columns(&data, "unit", "year").unwrap();
    let x: Expression = "X".parse().unwrap();
    let other = read("case,unit,year,X,Y\na,fr,1990,0.8,0.6\n");
    let err = panel
        .fit(&x, &other, "Y", Relation::Sufficiency)
        .unwrap_err();
    assert!(matches!(err, ClusterError::CaseCount { panel: 2, data: 1 }));
    let reordered = read("case,unit,year,X,Y\nb,de,1990,0.4,0.7\na,fr,1990,0.8,0.6\n");
    let err = panel
        .fit(&x, &reordered, "Y", Relation::Sufficiency)
        .unwrap_err();
    assert!(
        matches!(err, ClusterError::CaseMismatch { position: 1, ref panel, ref data } if panel == "a" && data == "b")
    );
    let short = FuzzySet::new("X", vec![0.1]).unwrap();
    let y = data.fuzzy_set("Y").unwrap();
    assert!(matches!(
        panel.fit_sets(&short, &y, Relation::Necessity),
        Err(ClusterError::CaseCount { panel: 2, data: 1 })
    ));
}

#[test]
fn an_empty_solution_and_bad_expressions_are_errors() {
    let data = read("case,unit,year,X,Y\na,fr,1990,0.8,0.6\n");
    let panel = Panel::from_columns(&data, "unit", "year").unwrap();
    let err = panel
        .solution(&[], &data, "Y", Relation::Sufficiency)
        .unwrap_err();
    assert!(matches!(err, ClusterError::EmptySolution));
    let b: Expression = "B".parse().unwrap();
    let err = panel
        .fit(&b, &data, "Y", Relation::Sufficiency)
        .unwrap_err();
    assert!(matches!(
        err,
        ClusterError::Data(DataError::UnknownColumn { .. })
    ));
    let x: Expression = "X".parse().unwrap();
    let err = panel
        .fit(&x, &data, "~", Relation::Sufficiency)
        .unwrap_err();
    assert!(matches!(err, ClusterError::Expression(_)));
    // An id column used as a condition is not a membership.
    let unit: Expression = "year".parse().unwrap();
    assert!(panel.fit(&unit, &data, "Y", Relation::Sufficiency).is_err());
}
