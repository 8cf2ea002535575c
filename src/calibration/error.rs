//! The error type of the calibration module.

use crate::data::DataError;
use crate::number::short;
use crate::sets::SetError;

/// Errors raised by calibration: invalid settings, thresholds or raw values.
///
/// Every variant carries the offending value and, where it has one, its position (0-based). All
/// checks run before any value is computed, so a calibration either fails as a whole or returns a
/// complete vector. Calibrating a column of a data set ([`calibrate_column`](super::calibrate_column))
/// can also meet the data's errors ([`CalibrationError::Data`]), and naming the result as a fuzzy
/// set ([`DirectOptions::fuzzy_set`](super::DirectOptions::fuzzy_set)) the set's
/// ([`CalibrationError::Set`]); either is kept as the [`source`](std::error::Error::source).
///
/// # Example
/// ```
/// use fsqca::calibration::{CalibrationError, Thresholds};
///
/// let err = Thresholds::new(175.0, 165.0, 185.0).unwrap_err();
/// assert!(matches!(err, CalibrationError::NotMonotone { .. }));
/// assert_eq!(
///     err.to_string(),
///     "thresholds e = 175, c = 165, i = 185 are neither strictly increasing nor strictly decreasing"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CalibrationError {
    /// There are no values to calibrate.
    #[error("no values to calibrate")]
    Empty,
    /// A value to calibrate is NaN or infinite.
    #[error("value {index} is {value}, not a finite number", value = short(.value))]
    NotFinite {
        /// 0-based position of the value.
        index: usize,
        /// The offending value.
        value: f64,
    },
    /// A threshold (or ordinal code, or membership of a code) is NaN or infinite.
    #[error("threshold {position} is {value}, not a finite number", value = short(.value))]
    ThresholdNotFinite {
        /// 0-based position of the threshold in the order given.
        position: usize,
        /// The offending threshold.
        value: f64,
    },
    /// Three anchors are neither `e < c < i` (increasing) nor `e > c > i` (decreasing); equal
    /// anchors fall here too.
    #[error(
        "thresholds e = {exclusion}, c = {crossover}, i = {inclusion} are neither strictly \
         increasing nor strictly decreasing",
        exclusion = short(.exclusion),
        crossover = short(.crossover),
        inclusion = short(.inclusion)
    )]
    NotMonotone {
        /// Full exclusion anchor `e`.
        exclusion: f64,
        /// Crossover anchor `c`.
        crossover: f64,
        /// Full inclusion anchor `i`.
        inclusion: f64,
    },
    /// Six anchors `(e1, c1, i1, i2, c2, e2)` are neither a bell (`e1 < c1 < i1 <= i2 < c2 < e2`)
    /// nor an inverse bell (`i1 < c1 < e1 <= e2 < c2 < i2`).
    #[error(
        "thresholds (e1, c1, i1, i2, c2, e2) = {thresholds:?} describe neither a bell nor an \
         inverse bell"
    )]
    NotBell {
        /// The six anchors in the order `e1, c1, i1, i2, c2, e2`.
        thresholds: [f64; 6],
    },
    /// A list of thresholds (crisp, indirect) is not strictly increasing.
    #[error(
        "threshold {position} ({value}) is not greater than the one before it ({previous})",
        value = short(.value),
        previous = short(.previous)
    )]
    NotIncreasing {
        /// 0-based position of the offending threshold.
        position: usize,
        /// The threshold before it.
        previous: f64,
        /// The offending threshold.
        value: f64,
    },
    /// A list of thresholds (crisp, indirect) is empty.
    #[error("no thresholds given")]
    NoThresholds,
    /// The inclusion degree of membership lies outside the open interval (0.5, 1).
    #[error("idm {idm} is outside (0.5, 1)", idm = short(.idm))]
    Idm {
        /// The offending `idm`.
        idm: f64,
    },
    /// A shape exponent (`below` or `above`) is not a positive finite number.
    #[error("exponent `{name}` is {value}, not a positive finite number", value = short(.value))]
    Exponent {
        /// Which exponent: `"below"` or `"above"`.
        name: &'static str,
        /// The offending exponent.
        value: f64,
    },
    /// An ordinal coding has no entries.
    #[error("the ordinal coding is empty")]
    EmptyCoding,
    /// An ordinal coding lists the same raw code twice.
    #[error("code {code} appears twice in the ordinal coding", code = short(.code))]
    DuplicateCode {
        /// The repeated raw code.
        code: f64,
    },
    /// An ordinal coding maps a code to a membership outside [0, 1].
    #[error(
        "code {code} maps to membership {membership}, outside [0, 1]",
        code = short(.code),
        membership = short(.membership)
    )]
    MembershipOutOfRange {
        /// The raw code.
        code: f64,
        /// The offending membership.
        membership: f64,
    },
    /// A value to calibrate is not in the ordinal coding.
    #[error("value {index} ({value}) is not a code of the ordinal coding", value = short(.value))]
    UnknownCode {
        /// 0-based position of the value.
        index: usize,
        /// The offending value.
        value: f64,
    },
    /// The indirect method takes logarithms: a raw value is negative.
    #[error("value {index} is {value}: the indirect method needs values >= 0", value = short(.value))]
    Negative {
        /// 0-based position of the value.
        index: usize,
        /// The offending value.
        value: f64,
    },
    /// The indirect method's regression has five coefficients and needs as many distinct values.
    #[error("the indirect method needs {required} distinct values, found {distinct}")]
    TooFewDistinct {
        /// Distinct raw values found.
        distinct: usize,
        /// Distinct raw values needed.
        required: usize,
    },
    /// The indirect method's regression did not converge (or its design is numerically singular).
    #[error("the indirect method's regression failed after {iterations} iterations")]
    FitFailed {
        /// Iterations run.
        iterations: usize,
    },
    /// The totally fuzzy and relative method found no value above the lowest category, so the
    /// membership function is 0 / 0.
    #[error("no value is above the lowest category {lowest}", lowest = short(.lowest))]
    NoVariation {
        /// The lowest category used.
        lowest: f64,
    },
    /// The data set cannot give or take the column: an unknown, text or incomplete column to
    /// calibrate, or a name for the result that is taken or empty.
    #[error("{0}")]
    Data(#[from] DataError),
    /// The calibrated values do not make a fuzzy set (a membership NaN or outside [0, 1]).
    #[error("{0}")]
    Set(#[from] SetError),
}

impl PartialEq for CalibrationError {
    /// Variant by variant, field by field, as a derived `PartialEq` would; except that two
    /// [`CalibrationError::Data`] are never equal: a [`DataError`] may hold an I/O error, which
    /// has no equality.
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Empty, Self::Empty) => true,
            (
                Self::NotFinite {
                    index: a_index,
                    value: a_value,
                },
                Self::NotFinite {
                    index: b_index,
                    value: b_value,
                },
            ) => a_index == b_index && a_value == b_value,
            (
                Self::ThresholdNotFinite {
                    position: a_position,
                    value: a_value,
                },
                Self::ThresholdNotFinite {
                    position: b_position,
                    value: b_value,
                },
            ) => a_position == b_position && a_value == b_value,
            (
                Self::NotMonotone {
                    exclusion: a_exclusion,
                    crossover: a_crossover,
                    inclusion: a_inclusion,
                },
                Self::NotMonotone {
                    exclusion: b_exclusion,
                    crossover: b_crossover,
                    inclusion: b_inclusion,
                },
            ) => {
                a_exclusion == b_exclusion
                    && a_crossover == b_crossover
                    && a_inclusion == b_inclusion
            }
            (
                Self::NotBell {
                    thresholds: a_thresholds,
                },
                Self::NotBell {
                    thresholds: b_thresholds,
                },
            ) => a_thresholds == b_thresholds,
            (
                Self::NotIncreasing {
                    position: a_position,
                    previous: a_previous,
                    value: a_value,
                },
                Self::NotIncreasing {
                    position: b_position,
                    previous: b_previous,
                    value: b_value,
                },
            ) => a_position == b_position && a_previous == b_previous && a_value == b_value,
            (Self::NoThresholds, Self::NoThresholds) => true,
            (Self::Idm { idm: a_idm }, Self::Idm { idm: b_idm }) => a_idm == b_idm,
            (
                Self::Exponent {
                    name: a_name,
                    value: a_value,
                },
                Self::Exponent {
                    name: b_name,
                    value: b_value,
                },
            ) => a_name == b_name && a_value == b_value,
            (Self::EmptyCoding, Self::EmptyCoding) => true,
            (Self::DuplicateCode { code: a_code }, Self::DuplicateCode { code: b_code }) => {
                a_code == b_code
            }
            (
                Self::MembershipOutOfRange {
                    code: a_code,
                    membership: a_membership,
                },
                Self::MembershipOutOfRange {
                    code: b_code,
                    membership: b_membership,
                },
            ) => a_code == b_code && a_membership == b_membership,
            (
                Self::UnknownCode {
                    index: a_index,
                    value: a_value,
                },
                Self::UnknownCode {
                    index: b_index,
                    value: b_value,
                },
            ) => a_index == b_index && a_value == b_value,
            (
                Self::Negative {
                    index: a_index,
                    value: a_value,
                },
                Self::Negative {
                    index: b_index,
                    value: b_value,
                },
            ) => a_index == b_index && a_value == b_value,
            (
                Self::TooFewDistinct {
                    distinct: a_distinct,
                    required: a_required,
                },
                Self::TooFewDistinct {
                    distinct: b_distinct,
                    required: b_required,
                },
            ) => a_distinct == b_distinct && a_required == b_required,
            (
                Self::FitFailed {
                    iterations: a_iterations,
                },
                Self::FitFailed {
                    iterations: b_iterations,
                },
            ) => a_iterations == b_iterations,
            (Self::NoVariation { lowest: a_lowest }, Self::NoVariation { lowest: b_lowest }) => {
                a_lowest == b_lowest
            }
            (Self::Set(a), Self::Set(b)) => a == b,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + std::fmt::Debug + 'static>() {}

    #[test]
    fn autotraits() {
        has_autotraits::<CalibrationError>();
    }

    #[test]
    fn messages_are_lowercase_without_period() {
        let all = [
            CalibrationError::Empty,
            CalibrationError::NotFinite {
                index: 0,
                value: f64::NAN,
            },
            CalibrationError::Idm { idm: 2.0 },
            CalibrationError::NoThresholds,
            CalibrationError::EmptyCoding,
            CalibrationError::FitFailed { iterations: 3 },
        ];
        for e in all {
            let s = e.to_string();
            assert!(!s.ends_with('.'), "{s}");
            assert!(s.chars().next().is_some_and(|c| !c.is_uppercase()), "{s}");
        }
    }

    #[test]
    fn extreme_values_print_short() {
        let e = CalibrationError::NotMonotone {
            exclusion: 1e308,
            crossover: 5.0,
            inclusion: 1e-300,
        };
        assert_eq!(
            e.to_string(),
            "thresholds e = 1e308, c = 5, i = 1e-300 are neither strictly increasing nor \
             strictly decreasing"
        );
        let e = CalibrationError::Negative {
            index: 2,
            value: -1e20,
        };
        assert_eq!(
            e.to_string(),
            "value 2 is -1e20: the indirect method needs values >= 0"
        );
    }
}
