//! Errors of a robustness sweep.

use crate::calibration::CalibrationError;
use crate::data::DataError;
use crate::expression::ExpressionError;
use crate::number::short;
use crate::sets::SetError;
use crate::solution::SolutionError;
use crate::truth_table::TruthTableError;

/// Why a robustness analysis or sweep was refused: its own errors, and those of the lower
/// stages it runs, each kept as the [`source`](std::error::Error::source): the data's
/// ([`RobustnessError::Data`]), the outcome's grammar ([`RobustnessError::Expression`]),
/// the calibration's ([`RobustnessError::Calibration`]), the truth table's
/// ([`RobustnessError::TruthTable`]), the solution's ([`RobustnessError::Solution`], which
/// holds the minimization engine's) and the fit's of the robust core
/// ([`RobustnessError::Set`]).
///
/// Every variant carries the offending value. A threshold grid point that makes a condition's
/// thresholds non-monotone is *not* an error: that variant is skipped with its reason (see
/// [`VariantResult::Skipped`](super::VariantResult::Skipped)), since a wide grid around a
/// crossover is expected to run into the neighbouring anchors.
///
/// # Example
/// ```
/// use fsqca::robustness::{Parameter, ParameterGrid, RobustnessError};
///
/// let err = ParameterGrid::new(Parameter::InclCut, vec![]).unwrap_err();
/// assert!(matches!(err, RobustnessError::EmptyGrid { .. }));
/// assert_eq!(err.to_string(), "the grid of incl_cut has no value");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RobustnessError {
    /// A grid without any value.
    #[error("the grid of {parameter} has no value")]
    EmptyGrid {
        /// The parameter, e.g. `E.crossover`.
        parameter: String,
    },
    /// A grid value that is NaN or infinite.
    #[error(
        "the grid of {parameter} has a value that is not finite: {value}",
        value = short(.value)
    )]
    NonFiniteValue {
        /// The parameter.
        parameter: String,
        /// The value.
        value: f64,
    },
    /// A cut-off value that the truth table's options refuse: inclusion and PRI outside
    /// [0, 1], or an inclusion cut-off below the lower one, `ic0` (the source says which).
    #[error(
        "{parameter} = {value} is not a valid cut-off: {source}",
        value = short(.value)
    )]
    InvalidCutoff {
        /// The parameter.
        parameter: String,
        /// The value.
        value: f64,
        /// Why the truth table's options refuse it.
        #[source]
        source: TruthTableError,
    },
    /// A frequency cut-off value that is not a whole number of at least 1 (the grid's values
    /// are real numbers; the truth table's `n_cut` is a count).
    #[error(
        "{parameter} = {value} is not a valid cut-off: not a whole number of at least 1",
        value = short(.value)
    )]
    InvalidFrequencyCutoff {
        /// The parameter, `n_cut`.
        parameter: String,
        /// The value.
        value: f64,
    },
    /// A grid with fewer than one point, or a relative width that is negative or not finite.
    #[error("invalid grid for {parameter}: {reason}")]
    InvalidGrid {
        /// The parameter.
        parameter: String,
        /// What is wrong.
        reason: String,
    },
    /// A condition that is not one of the analysis.
    #[error("unknown condition `{name}` (the conditions are: {})", .available.join(", "))]
    UnknownCondition {
        /// The name given.
        name: String,
        /// The analysis's conditions, in order.
        available: Vec<String>,
    },
    /// A threshold sweep on a condition that is used as given, without calibration thresholds.
    #[error("condition `{name}` has no calibration thresholds to move")]
    NotCalibrated {
        /// The condition.
        name: String,
    },
    /// A condition given twice, or the outcome among the conditions.
    #[error("column `{name}` is used twice in the analysis")]
    DuplicateColumn {
        /// The column.
        name: String,
    },
    /// An analysis without conditions.
    #[error("the analysis has no condition")]
    NoConditions,
    /// A grid, or a sweep, with more variants than [`MAX_VARIANTS`](super::MAX_VARIANTS).
    #[error("the sweep would run {requested} variants, more than the limit of {max}")]
    TooManyVariants {
        /// The variants asked for: the grid's points, or the values of all the sweep's grids.
        requested: usize,
        /// The limit, [`MAX_VARIANTS`](super::MAX_VARIANTS).
        max: usize,
    },
    /// A chosen test set without any alternative.
    #[error("the test set `{name}` has no alternative")]
    EmptyTestSet {
        /// The test set's name.
        name: String,
    },
    /// Two alternatives of a test set with the same name.
    #[error("the alternative `{name}` is named twice in the test set")]
    DuplicateAlternative {
        /// The name.
        name: String,
    },
    /// A test-set file that cannot be read as a test set: the parser's message, which names
    /// the offending key and value.
    #[error("this {format} is not a test set: {message}")]
    TestSetFile {
        /// `TOML` or `JSON`.
        format: &'static str,
        /// The parser's message.
        message: String,
    },
    /// An alternative of a test set that the analysis refuses; the source says why.
    #[error("alternative `{name}`: {source}")]
    InvalidAlternative {
        /// The alternative's name.
        name: String,
        /// Why it is refused.
        #[source]
        source: Box<RobustnessError>,
    },
    /// A recalibration of a set that is neither a condition nor the outcome.
    #[error(
        "`{name}` is neither a condition nor the outcome (the sets are: {})",
        .available.join(", ")
    )]
    UnknownSet {
        /// The name given.
        name: String,
        /// The conditions, then the outcome's column.
        available: Vec<String>,
    },
    /// A set recalibrated twice by one alternative.
    #[error("`{set}` is recalibrated twice")]
    RecalibratedTwice {
        /// The set.
        set: String,
    },
    /// A recalibration that lacks an anchor: from another column, or of a set used as given,
    /// all three anchors are needed.
    #[error("recalibrating `{set}` from column `{column}` needs all three anchors (exclusion, crossover, inclusion)")]
    IncompleteThresholds {
        /// The set.
        set: String,
        /// The raw column.
        column: String,
    },
    /// A dropped case that is not in the data.
    #[error("case `{case}` is not in the data (cases are named by their labels)")]
    UnknownCase {
        /// The label given.
        case: String,
    },
    /// A case dropped twice, or added with the label of a case in the data or added before.
    #[error("case `{case}` is {what}")]
    DuplicateCase {
        /// The label.
        case: String,
        /// `dropped twice` or `added, but the data already has it`.
        what: &'static str,
    },
    /// An added case whose values do not match the columns the analysis reads.
    #[error("added case `{case}`: {reason}")]
    InvalidAddedCase {
        /// The label.
        case: String,
        /// What is wrong, naming the column.
        reason: String,
    },
    /// Directional expectations for a solution that is not intermediate.
    #[error("dir_exp `{dir_exp}` is only used by an intermediate solution, not a {solution} one")]
    ExpectationsWithoutIntermediate {
        /// The expectations given.
        dir_exp: String,
        /// The solution type.
        solution: String,
    },
    /// The data set cannot give a column: an unknown column, a missing value, a calibrated
    /// data set that cannot be made.
    #[error("{0}")]
    Data(#[from] DataError),
    /// The outcome is not an [`Outcome`](crate::expression::Outcome), or the robust core
    /// cannot be written as an expression.
    #[error("{0}")]
    Expression(#[from] ExpressionError),
    /// The direct calibration's options are invalid, or a variant's thresholds are not
    /// monotone.
    #[error("{0}")]
    Calibration(#[from] CalibrationError),
    /// The truth table of the calibrated data cannot be built.
    #[error("{0}")]
    TruthTable(#[from] TruthTableError),
    /// The solution options are invalid, or the solution cannot be derived (including the
    /// engine's errors, [`SolutionError::Minimize`]).
    #[error("{0}")]
    Solution(#[from] SolutionError),
    /// The fit of the robust core cannot be computed (memberships of different lengths; not
    /// expected, both come from the baseline's data).
    #[error("{0}")]
    Set(#[from] SetError),
}

/// Why a case-oriented robustness analysis ([`CaseRobustness`](super::CaseRobustness)) was
/// refused: inputs of different lengths, a membership that is not one, no test solution.
///
/// # Example
/// ```
/// use fsqca::robustness::{CaseRobustness, CaseRobustnessError, SolutionSet, TestSetReading};
///
/// let is = SolutionSet::new("IS", "A".parse()?, vec![0.8, f64::NAN]);
/// let ts = SolutionSet::new("TS1", "A".parse()?, vec![0.8, 0.2]);
/// let err = CaseRobustness::new(&["a".into(), "b".into()], &[1.0, 0.0], &is, &[ts], TestSetReading::AllTests)
///     .unwrap_err();
/// assert!(matches!(err, CaseRobustnessError::InvalidMembership { ref case, .. } if case == "b"));
/// assert_eq!(err.to_string(), "membership NaN of case `b` in IS is not a number in [0, 1]");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CaseRobustnessError {
    /// No test solution was given.
    #[error("no test solution: the case-oriented robustness compares the initial solution with at least one test")]
    NoTests,
    /// Every test solution is empty (no positive row): there is no test set to compare with.
    #[error("no test solution has a solution (no positive row in: {})", .no_solution.join(", "))]
    NoTestWithSolution {
        /// The tests without a solution.
        no_solution: Vec<String>,
    },
    /// A membership vector, or the outcome, with another number of cases than the case labels.
    #[error("{what} has {found} memberships for {expected} cases")]
    UnequalLengths {
        /// The set (`IS`, a test's name, `the outcome`).
        what: String,
        /// The number of case labels.
        expected: usize,
        /// The number of memberships.
        found: usize,
    },
    /// A membership that is NaN or outside [0, 1].
    #[error("membership {value} of case `{case}` in {what} is not a number in [0, 1]", value = short(.value))]
    InvalidMembership {
        /// The set (`IS`, a test's name, `the outcome`).
        what: String,
        /// The case's label.
        case: String,
        /// The value.
        value: f64,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

    #[test]
    fn autotraits() {
        has_autotraits::<RobustnessError>();
        has_autotraits::<CaseRobustnessError>();
    }

    #[test]
    fn messages_name_the_value() {
        let cases = [
            (
                RobustnessError::EmptyGrid {
                    parameter: "n_cut".into(),
                },
                "the grid of n_cut has no value",
            ),
            (
                RobustnessError::NonFiniteValue {
                    parameter: "E.crossover".into(),
                    value: f64::NAN,
                },
                "the grid of E.crossover has a value that is not finite: NaN",
            ),
            (
                RobustnessError::InvalidCutoff {
                    parameter: "incl_cut".into(),
                    value: 1.5,
                    source: TruthTableError::InvalidCutoff(crate::fit::CutoffError {
                        name: "incl",
                        value: 1.5,
                    }),
                },
                "incl_cut = 1.5 is not a valid cut-off: incl cut-off 1.5 is outside [0, 1]",
            ),
            (
                RobustnessError::InvalidFrequencyCutoff {
                    parameter: "n_cut".into(),
                    value: 2.5,
                },
                "n_cut = 2.5 is not a valid cut-off: not a whole number of at least 1",
            ),
            (
                RobustnessError::InvalidGrid {
                    parameter: "E.inclusion".into(),
                    reason: "no point".into(),
                },
                "invalid grid for E.inclusion: no point",
            ),
            (
                RobustnessError::UnknownCondition {
                    name: "X".into(),
                    available: vec!["A".into(), "B".into()],
                },
                "unknown condition `X` (the conditions are: A, B)",
            ),
            (
                RobustnessError::NotCalibrated { name: "A".into() },
                "condition `A` has no calibration thresholds to move",
            ),
            (
                RobustnessError::DuplicateColumn { name: "A".into() },
                "column `A` is used twice in the analysis",
            ),
            (
                RobustnessError::NoConditions,
                "the analysis has no condition",
            ),
            (
                RobustnessError::TooManyVariants {
                    requested: 1_000_000_000,
                    max: 1_000_000,
                },
                "the sweep would run 1000000000 variants, more than the limit of 1000000",
            ),
            (
                RobustnessError::InvalidCutoff {
                    parameter: "incl_cut".into(),
                    value: 1e308,
                    source: TruthTableError::InvalidCutoff(crate::fit::CutoffError {
                        name: "incl",
                        value: 1e308,
                    }),
                },
                "incl_cut = 1e308 is not a valid cut-off: incl cut-off 1e308 is outside [0, 1]",
            ),
        ];
        for (err, message) in cases {
            assert_eq!(err.to_string(), message);
        }
    }
}
