//! How the crate prints numbers.
//!
//! Text tables (truth tables, solutions, robustness summaries, plot titles, the command-line
//! tool) print a measure of fit through [`metric`]: 3 decimals, `-` when it is undefined.
//!
//! Rust's `Display` for `f64` never switches to exponent notation, so `1e308` prints as a
//! 309-digit integer and `1e-300` as 300 zeros after the point. Error messages print their
//! numbers in a short form instead: plain shortest form for everyday magnitudes, exponent
//! form (`1e308`, `2.5e-9`) for very large or very small ones.

use std::fmt;

/// A measure of fit (inclusion, PRI, coverage, ...) as the text tables print it: 3 decimals,
/// or `-` when the measure is undefined (`None`: its denominator is zero).
///
/// # Example
/// ```
/// use fsqca::number::metric;
///
/// assert_eq!(metric(Some(0.81234)), "0.812");
/// assert_eq!(metric(Some(1.0)), "1.000");
/// assert_eq!(metric(None), "-");
/// ```
pub fn metric(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"))
}

/// From this magnitude on, a number prints in exponent form.
const LARGE: f64 = 1e15;

/// Below this magnitude (and above zero), a number prints in exponent form.
const SMALL: f64 = 1e-6;

/// A number that displays in short form; made by [`short`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Short(f64);

/// `value` for a message: `{:e}` (`1e308`, `-2.5e-9`) when |value| ≥ 10^15 or
/// 0 < |value| < 10^-6, else the plain shortest form (`0.85`, `25`, `-3`); `NaN` and `inf` as
/// Rust writes them. Takes a reference so that `thiserror` messages can pass a field
/// (`#[error("value {value}", value = short(.value))]`).
pub(crate) fn short(value: &f64) -> Short {
    Short(*value)
}

impl fmt::Display for Short {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        let magnitude = v.abs();
        if v.is_finite() && (magnitude >= LARGE || (magnitude > 0.0 && magnitude < SMALL)) {
            write!(f, "{v:e}")
        } else {
            write!(f, "{v}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(v: f64) -> String {
        short(&v).to_string()
    }

    #[test]
    fn a_metric_has_three_decimals_or_a_dash() {
        assert_eq!(metric(Some(0.8125)), "0.812");
        assert_eq!(metric(Some(0.8126)), "0.813");
        assert_eq!(metric(Some(0.0)), "0.000");
        assert_eq!(metric(Some(-0.0004)), "-0.000");
        assert_eq!(metric(None), "-");
    }

    #[test]
    fn everyday_numbers_print_plain() {
        assert_eq!(shown(0.85), "0.85");
        assert_eq!(shown(25.0), "25");
        assert_eq!(shown(-14.5), "-14.5");
        assert_eq!(shown(0.0), "0");
        assert_eq!(shown(999_999_999_999_999.0), "999999999999999");
        assert_eq!(shown(0.000_001), "0.000001");
    }

    #[test]
    fn extreme_magnitudes_print_with_an_exponent() {
        assert_eq!(shown(1e308), "1e308");
        assert_eq!(shown(-1e308), "-1e308");
        assert_eq!(shown(1e15), "1e15");
        assert_eq!(shown(2.5e-9), "2.5e-9");
        assert_eq!(shown(f64::MAX), "1.7976931348623157e308");
        assert_eq!(shown(f64::MIN_POSITIVE), "2.2250738585072014e-308");
    }

    #[test]
    fn non_finite_values_print_as_rust_writes_them() {
        assert_eq!(shown(f64::NAN), "NaN");
        assert_eq!(shown(f64::INFINITY), "inf");
        assert_eq!(shown(f64::NEG_INFINITY), "-inf");
    }
}
