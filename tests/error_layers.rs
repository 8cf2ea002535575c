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

/// A truth table of `data()` with A as its only condition.
fn table() -> TruthTable {
    TruthTable::new(&data(), "Y", &["A"]).unwrap()
}

#[test]
fn solution_wraps_the_engine_error() {
    use fsqca::minimize::{EngineOptions, MinimizeError};
    use fsqca::solution::{SolutionError, SolutionOptions, SolutionType};

    let no_models =
        SolutionOptions::new(SolutionType::Conservative).engine(EngineOptions::new().max_models(0));
    let err = no_models.validate().unwrap_err();
    assert!(matches!(
        err,
        SolutionError::Minimize(MinimizeError::InvalidLimit { .. })
    ));
    assert!(source_is::<MinimizeError>(&err));
    // No positive row: the engine's error, its message unchanged.
    let negative = TruthTableOptions::default()
        .build(
            &Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![0.0, 0.0])]).unwrap(),
            "Y",
            &["A"],
        )
        .unwrap();
    let err = SolutionOptions::new(SolutionType::Conservative)
        .solve(&negative)
        .unwrap_err();
    assert!(matches!(
        err,
        SolutionError::Minimize(MinimizeError::NoPositiveRows)
    ));
    assert!(source_is::<MinimizeError>(&err));
    assert_eq!(err.to_string(), "no positive rows to minimize");
    // The solution's own errors have no source.
    let err = SolutionOptions::new(SolutionType::Parsimonious)
        .exclude([9])
        .solve(&table())
        .unwrap_err();
    assert!(matches!(err, SolutionError::UnknownRow { id: 9, max: 2 }));
    assert!(err.source().is_none());
}

#[test]
fn robustness_wraps_the_lower_stages_errors() {
    use fsqca::robustness::{Analysis, RobustnessError};
    use fsqca::solution::{SolutionError, SolutionOptions, SolutionType};

    // The data's.
    let err = Analysis::new(data(), "Y")
        .membership_condition("B")
        .validate()
        .unwrap_err();
    assert!(matches!(
        err,
        RobustnessError::Data(DataError::UnknownColumn { .. })
    ));
    assert!(source_is::<DataError>(&err));
    // The outcome's grammar.
    let err = Analysis::new(data(), "")
        .membership_condition("A")
        .validate()
        .unwrap_err();
    assert!(matches!(err, RobustnessError::Expression(_)), "{err:?}");
    assert!(source_is::<ExpressionError>(&err));
    // The calibration's.
    let th = Thresholds::new(1.0, 2.0, 3.0).unwrap();
    let err = Analysis::new(data(), "Y")
        .condition("raw", th)
        .direct_options(DirectOptions::new().idm(2.0))
        .validate()
        .unwrap_err();
    assert!(matches!(err, RobustnessError::Calibration(_)), "{err:?}");
    assert!(source_is::<CalibrationError>(&err));
    // The truth table's.
    let err = Analysis::new(data(), "Y")
        .membership_condition("A")
        .truth_table_options(TruthTableOptions::default().n_cutoff(0))
        .solve()
        .unwrap_err();
    assert!(
        matches!(
            err,
            RobustnessError::TruthTable(TruthTableError::InvalidFrequencyCutoff { n_cut: 0 })
        ),
        "{err:?}"
    );
    assert!(source_is::<TruthTableError>(&err));
    // The solution's.
    let err = Analysis::new(data(), "Y")
        .membership_condition("A")
        .solution_options(SolutionOptions::new(SolutionType::Intermediate))
        .validate()
        .unwrap_err();
    assert!(matches!(
        err,
        RobustnessError::Solution(SolutionError::NoDirectionalExpectations)
    ));
    assert!(source_is::<SolutionError>(&err));
    // Its own, without a source.
    let err = Analysis::new(data(), "Y").validate().unwrap_err();
    assert!(matches!(err, RobustnessError::NoConditions));
    assert!(err.source().is_none());
}

#[test]
fn a_skipped_variant_keeps_the_typed_error() {
    use fsqca::calibration::CalibrationError;
    use fsqca::robustness::{
        Analysis, Anchor, Parameter, ParameterGrid, RobustnessError, SkipReason, VariantResult,
    };

    let th = Thresholds::new(2.0, 5.0, 8.0).unwrap();
    let data = Dataset::from_columns([
        ("x", vec![1.0, 3.0, 6.0, 9.0]),
        ("Y", vec![0.0, 0.2, 0.9, 1.0]),
    ])
    .unwrap();
    let grid = ParameterGrid::new(Parameter::threshold("x", Anchor::Crossover), vec![9.0]).unwrap();
    let sweep = Analysis::new(data, "Y")
        .condition("x", th)
        .sweep(&[grid])
        .unwrap();
    let VariantResult::Skipped {
        reason: SkipReason::InvalidVariant(e),
    } = sweep.variants()[0].result()
    else {
        panic!("{:?}", sweep.variants()[0]);
    };
    assert!(matches!(**e, RobustnessError::Calibration(_)), "{e:?}");
    assert!(source_is::<CalibrationError>(&**e));
}

#[cfg(feature = "plot")]
#[test]
fn plot_wraps_the_data_and_expression_errors() {
    use fsqca::plot::{xy_plot_of, PlotError};
    use fsqca::Relation;

    let a: Expression = "A".parse().unwrap();
    let err = xy_plot_of(&a, &data(), "B", Relation::Sufficiency).unwrap_err();
    assert!(matches!(
        err,
        PlotError::Data(DataError::UnknownColumn { .. })
    ));
    assert!(source_is::<DataError>(&err));
    let err = xy_plot_of(&a, &data(), "Y*", Relation::Sufficiency).unwrap_err();
    assert!(matches!(err, PlotError::Expression(_)), "{err:?}");
    assert!(source_is::<ExpressionError>(&err));
}

#[test]
fn the_crate_error_converts_from_the_upper_stages_errors() {
    use fsqca::robustness::{Analysis, RobustnessError};
    use fsqca::solution::{Solution, SolutionError, SolutionOptions, SolutionType};

    fn solve(tt: &TruthTable) -> fsqca::Result<Solution> {
        Ok(SolutionOptions::new(SolutionType::Intermediate).solve(tt)?)
    }
    assert!(matches!(
        solve(&table()),
        Err(fsqca::Error::Solution(
            SolutionError::NoDirectionalExpectations
        ))
    ));
    fn validate() -> fsqca::Result<()> {
        Ok(Analysis::new(data(), "Y").validate()?)
    }
    assert!(matches!(
        validate(),
        Err(fsqca::Error::Robustness(RobustnessError::NoConditions))
    ));
    #[cfg(feature = "plot")]
    {
        fn plot() -> fsqca::Result<String> {
            let a: Expression = "A".parse().unwrap();
            Ok(fsqca::plot::xy_plot_of(
                &a,
                &data(),
                "B",
                fsqca::Relation::Sufficiency,
            )?)
        }
        assert!(matches!(
            plot(),
            Err(fsqca::Error::Plot(fsqca::plot::PlotError::Data(_)))
        ));
    }
}

/// A deserialised truth table is checked: a tampered one is refused when it is read, instead
/// of making `SolutionOptions::solve` panic later (API review §6.2 item 2).
#[cfg(feature = "serde")]
#[test]
fn a_tampered_truth_table_is_refused_when_deserialised() {
    use fsqca::solution::{SolutionOptions, SolutionType};

    let tt = TruthTable::new(
        &Dataset::from_columns([
            ("A", vec![0.9, 0.1, 0.8]),
            ("B", vec![0.7, 0.2, 0.3]),
            ("Y", vec![0.9, 0.1, 0.7]),
        ])
        .unwrap(),
        "Y",
        &["A", "B"],
    )
    .unwrap();
    let json = serde_json::to_value(&tt).unwrap();
    let back: TruthTable = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(serde_json::to_value(&back).unwrap(), json);
    SolutionOptions::new(SolutionType::Parsimonious)
        .solve(&back)
        .unwrap();

    let refused = |tamper: &dyn Fn(&mut serde_json::Value), expected: &str| {
        let mut v = json.clone();
        tamper(&mut v);
        let err = serde_json::from_value::<TruthTable>(v).expect_err(expected);
        assert!(err.to_string().contains(expected), "{err}");
    };
    // A value outside its condition's levels, a configuration of another length, an id that
    // is not the configuration's.
    refused(
        &|v| v["rows"][0]["values"] = serde_json::json!([5, 0]),
        "inconsistent truth table: row",
    );
    refused(
        &|v| v["rows"][0]["values"] = serde_json::json!([1, 0, 1]),
        "inconsistent truth table: row",
    );
    refused(
        &|v| v["rows"][0]["id"] = serde_json::json!(2),
        "inconsistent truth table: row 2 has the configuration [0, 0], which is not row 2",
    );
    // Levels that are not one per condition.
    refused(
        &|v| v["levels"] = serde_json::json!([2]),
        "inconsistent truth table: 2 conditions but 1 numbers of levels",
    );
    // A condition that is not a column of the data.
    refused(
        &|v| v["conditions"][1] = serde_json::json!("C"),
        "unknown column",
    );
    // Outcome memberships that are not one per case.
    refused(
        &|v| v["outcome_values"] = serde_json::json!([0.9]),
        "inconsistent truth table: 1 outcome memberships for 3 cases",
    );
    // No condition, invalid options.
    refused(
        &|v| {
            v["conditions"] = serde_json::json!([]);
            v["levels"] = serde_json::json!([]);
        },
        "no conditions given",
    );
    refused(
        &|v| v["options"]["pri_cut"] = serde_json::json!(2.0),
        "PRI cut-off 2 is outside [0, 1]",
    );
}
