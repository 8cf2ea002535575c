//! Each lower stage returns its own error, which wraps exactly the lower stages' errors it can
//! meet and keeps them as `source()` (API review §5.3, §7 item 5).

use std::error::Error as _;

use fsqca::calibration::{calibrate_column, CalibrationError, Crisp, DirectOptions, Thresholds};
use fsqca::expression::Outcome;
use fsqca::fit::{self, FitError, SuperSubsetOptions};
use fsqca::{
    DataError, Dataset, Expression, ExpressionError, SetError, TruthTable, TruthTableError,
    TruthTableOptions,
};

fn data() -> Dataset {
    Dataset::from_columns([
        ("A", vec![0.2, 0.8]),
        ("raw", vec![3.0, 7.0]),
        ("Y", vec![0.3, 0.9]),
    ])
    .unwrap()
}

/// The source of `err`, downcast to the lower error `E`.
fn source_is<E: std::error::Error + 'static>(err: &(dyn std::error::Error + 'static)) -> bool {
    err.source().is_some_and(|s| s.is::<E>())
}

#[test]
fn dataset_fuzzy_set_returns_a_data_error_wrapping_the_set_error() {
    let err = data().fuzzy_set("raw").unwrap_err();
    assert!(matches!(err, DataError::Set(SetError::OutOfRange { .. })));
    assert!(source_is::<SetError>(&err));
    assert_eq!(
        err.to_string(),
        "set `raw`, case `1`: membership 3 is outside [0, 1]"
    );
    assert!(matches!(
        data().fuzzy_set("B"),
        Err(DataError::UnknownColumn { .. })
    ));
}

#[test]
fn evaluate_returns_the_data_error() {
    let e: Expression = "B".parse().unwrap();
    assert!(matches!(
        e.evaluate(&data()),
        Err(DataError::UnknownColumn { .. })
    ));
    let e: Expression = "raw".parse().unwrap();
    assert!(matches!(
        e.evaluate(&data()),
        Err(DataError::NotAMembership { .. })
    ));
}

#[test]
fn calibration_wraps_the_data_error() {
    let crisp = Crisp::new([0.5]).unwrap();
    let err = calibrate_column(&data(), "B", "C", |x| crisp.calibrate(x)).unwrap_err();
    assert!(matches!(
        err,
        CalibrationError::Data(DataError::UnknownColumn { .. })
    ));
    assert!(source_is::<DataError>(&err));
    let err = calibrate_column(&data(), "raw", "A", |x| crisp.calibrate(x)).unwrap_err();
    assert!(matches!(
        err,
        CalibrationError::Data(DataError::DuplicateColumn { .. })
    ));
    // The calibration's own errors stay unwrapped, without a source.
    let th = Thresholds::new(1.0, 2.0, 3.0).unwrap();
    let err = DirectOptions::new()
        .fuzzy_set("R", &[f64::NAN], th)
        .unwrap_err();
    assert!(matches!(err, CalibrationError::NotFinite { .. }));
    assert!(err.source().is_none());
}

#[test]
fn truth_table_wraps_the_data_and_expression_errors() {
    let options = TruthTableOptions::default();
    let err = options.build(&data(), "Y", &["B"]).unwrap_err();
    assert!(matches!(
        err,
        TruthTableError::Data(DataError::UnknownColumn { .. })
    ));
    assert!(source_is::<DataError>(&err));
    let err = options.build(&data(), "~", &["A"]).unwrap_err();
    assert!(matches!(
        err,
        TruthTableError::InvalidName(ExpressionError::EmptyOutcome { .. })
    ));
    assert!(source_is::<ExpressionError>(&err));
    assert_eq!(err.to_string(), "empty outcome name `~`");
    let err = options.build(&data(), "Y", &["A B"]).unwrap_err();
    assert!(matches!(
        err,
        TruthTableError::InvalidName(ExpressionError::InvalidName { .. })
    ));
    let err = options.build(&data(), "Y", &["raw"]).unwrap_err();
    assert!(matches!(
        err,
        TruthTableError::Data(DataError::NotAMembership { .. })
    ));
    // The table's own errors have no source.
    let err = options.build(&data(), "Y", &["A", "A"]).unwrap_err();
    assert!(err.source().is_none());
}

#[test]
fn truth_table_takes_text_or_an_outcome() {
    let y: Outcome = " ~ Y ".parse().unwrap();
    let by_text = TruthTable::new(&data(), "~Y", &["A"]).unwrap();
    let by_outcome = TruthTable::new(&data(), &y, &["A"]).unwrap();
    let owned = TruthTable::new(&data(), y.clone(), &["A"]).unwrap();
    let text = "~Y".to_owned();
    let string = TruthTable::new(&data(), text.clone(), &["A"]).unwrap();
    let borrowed = TruthTable::new(&data(), &text, &["A"]).unwrap();
    assert_eq!(by_text, by_outcome);
    assert_eq!(by_text, owned);
    assert_eq!(by_text, string);
    assert_eq!(by_text, borrowed);
    // Infallible: checked at build.
    let m = by_text.outcome_membership();
    assert_eq!(m.name(), "~Y");
    assert_eq!(m.values().to_vec(), [1.0 - 0.3, 1.0 - 0.9]);
}

#[test]
fn fit_wraps_the_data_and_expression_errors() {
    let a: Expression = "A".parse().unwrap();
    let err = fit::sufficiency_of(&a, &data(), "Z").unwrap_err();
    assert!(matches!(
        err,
        FitError::Data(DataError::UnknownColumn { .. })
    ));
    assert!(source_is::<DataError>(&err));
    let err = fit::necessity_of(&a, &data(), "~").unwrap_err();
    assert!(matches!(
        err,
        FitError::Expression(ExpressionError::EmptyOutcome { .. })
    ));
    assert!(source_is::<ExpressionError>(&err));
    let err = fit::solution(&["raw".parse().unwrap()], &data(), "Y").unwrap_err();
    assert!(matches!(
        err,
        FitError::Data(DataError::NotAMembership { .. })
    ));
    let err = fit::necessity_table(&data(), "Y", &["B"]).unwrap_err();
    assert!(matches!(
        err,
        FitError::Data(DataError::UnknownColumn { .. })
    ));
    let err = SuperSubsetOptions::new()
        .search(&data(), "Y", &["B"])
        .unwrap_err();
    assert!(matches!(
        err,
        FitError::Data(DataError::UnknownColumn { .. })
    ));
    let err = SuperSubsetOptions::new()
        .search(&data(), "Y", &[""; 0])
        .unwrap_err();
    assert!(matches!(err, FitError::NoConditions));
    assert!(err.source().is_none());
    // An outcome given as an Outcome, a Literal or an Expression never fails to convert.
    let y: Outcome = "~Y".parse().unwrap();
    let by_outcome = fit::sufficiency_of(&a, &data(), &y).unwrap();
    let by_text = fit::sufficiency_of(&a, &data(), "~Y").unwrap();
    assert_eq!(by_outcome, by_text);
}

#[test]
fn the_crate_error_still_wraps_every_stage_error() {
    fn build() -> fsqca::Result<TruthTable> {
        Ok(TruthTable::new(&data(), "Y", &["B"])?)
    }
    assert!(matches!(
        build(),
        Err(fsqca::Error::TruthTable(TruthTableError::Data(_)))
    ));
}
