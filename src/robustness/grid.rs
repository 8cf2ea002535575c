//! What a sweep moves: a parameter of the analysis and the values it takes.

use std::fmt;

use crate::calibration::Anchor;
use crate::number::short;

use super::error::RobustnessError;

/// The most variants one sweep may run: the values of one [`ParameterGrid`], and of all the
/// grids of a sweep together ([`Analysis::sweep`](super::Analysis::sweep)).
///
/// Each variant keeps its solution, fit and memberships (about 700 bytes on a small data set)
/// and costs one truth table and one minimization, so a grid of a billion points would exhaust
/// memory before the first variant ran. Larger requests fail with
/// [`RobustnessError::TooManyVariants`] before anything is allocated.
///
/// # Example
/// ```
/// use fsqca::robustness::{Parameter, ParameterGrid, RobustnessError, MAX_VARIANTS};
///
/// assert_eq!(MAX_VARIANTS, 1_000_000);
/// let err = ParameterGrid::span(Parameter::InclCut, 0.7, 0.9, MAX_VARIANTS + 1).unwrap_err();
/// assert!(matches!(err, RobustnessError::TooManyVariants { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_VARIANTS: usize = 1_000_000;

/// [`RobustnessError::InvalidGrid`] for `parameter`.
pub(super) fn invalid_grid(parameter: &Parameter, reason: String) -> RobustnessError {
    RobustnessError::InvalidGrid {
        parameter: parameter.to_string(),
        reason,
    }
}

/// [`RobustnessError::TooManyVariants`] when `requested` exceeds [`MAX_VARIANTS`].
pub(super) fn check_variants(requested: usize) -> Result<(), RobustnessError> {
    if requested > MAX_VARIANTS {
        return Err(RobustnessError::TooManyVariants {
            requested,
            max: MAX_VARIANTS,
        });
    }
    Ok(())
}

/// A parameter of an analysis that a sweep can move.
///
/// Displays as `E.crossover`, `incl_cut`, `n_cut` or `pri_cut`.
///
/// # Example
/// ```
/// use fsqca::robustness::{Anchor, Parameter};
///
/// let p = Parameter::threshold("E", Anchor::Inclusion);
/// assert_eq!(p.to_string(), "E.inclusion");
/// assert_eq!(Parameter::InclCut.to_string(), "incl_cut");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Parameter {
    /// One calibration anchor of one condition, on the raw scale.
    Threshold {
        /// The condition (a column calibrated by the direct method).
        condition: String,
        /// Which anchor.
        anchor: Anchor,
    },
    /// The inclusion cut-off of the truth table (`incl.cut`; the upper one, `ic1`).
    InclCut,
    /// The frequency cut-off of the truth table (`n.cut`).
    NCut,
    /// The PRI cut-off of the truth table (`pri.cut`).
    PriCut,
}

impl Parameter {
    /// The anchor `anchor` of `condition`'s calibration.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Anchor, Parameter};
    ///
    /// assert!(matches!(Parameter::threshold("G", Anchor::Exclusion), Parameter::Threshold { .. }));
    /// ```
    pub fn threshold(condition: impl Into<String>, anchor: Anchor) -> Self {
        Parameter::Threshold {
            condition: condition.into(),
            anchor,
        }
    }
}

impl fmt::Display for Parameter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Parameter::Threshold { condition, anchor } => write!(f, "{condition}.{anchor}"),
            Parameter::InclCut => f.write_str("incl_cut"),
            Parameter::NCut => f.write_str("n_cut"),
            Parameter::PriCut => f.write_str("pri_cut"),
        }
    }
}

/// A parameter and the values a sweep gives it, one variant per value, the other parameters at
/// their baseline (a one-at-a-time sweep, as in Oana & Schneider's robustness protocol).
///
/// The values are finite; whether they suit the parameter (a cut-off in [0, 1], a whole
/// frequency cut-off) is checked against the analysis when the sweep runs
/// ([`Analysis::sweep`](super::Analysis::sweep)).
///
/// # Example
/// ```
/// use fsqca::robustness::{Parameter, ParameterGrid};
///
/// let grid = ParameterGrid::span(Parameter::InclCut, 0.75, 0.95, 5)?;
/// assert_eq!(grid.values().len(), 5);
/// assert!((grid.values()[1] - 0.8).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ParameterGrid {
    parameter: Parameter,
    values: Vec<f64>,
}

impl ParameterGrid {
    /// A grid of the given values, in the order given (the variants come in this order).
    ///
    /// # Errors
    /// [`RobustnessError::EmptyGrid`] for no value, [`RobustnessError::NonFiniteValue`] for NaN
    /// or an infinite value, [`RobustnessError::TooManyVariants`] for more than
    /// [`MAX_VARIANTS`] values.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Parameter, ParameterGrid};
    ///
    /// let grid = ParameterGrid::new(Parameter::NCut, vec![1.0, 2.0, 3.0])?;
    /// assert_eq!(grid.parameter(), &Parameter::NCut);
    /// assert!(ParameterGrid::new(Parameter::NCut, vec![f64::NAN]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(parameter: Parameter, values: Vec<f64>) -> Result<Self, RobustnessError> {
        if values.is_empty() {
            return Err(RobustnessError::EmptyGrid {
                parameter: parameter.to_string(),
            });
        }
        check_variants(values.len())?;
        if let Some(&value) = values.iter().find(|v| !v.is_finite()) {
            return Err(RobustnessError::NonFiniteValue {
                parameter: parameter.to_string(),
                value,
            });
        }
        Ok(Self { parameter, values })
    }

    /// `points` evenly spaced values from `low` to `high`, both included (one point: `low`).
    ///
    /// # Errors
    /// [`RobustnessError::InvalidGrid`] for `points` = 0, or bounds so far apart that their
    /// distance overflows; [`RobustnessError::NonFiniteValue`] for a bound that is not finite;
    /// [`RobustnessError::TooManyVariants`] for more than [`MAX_VARIANTS`] points (checked
    /// before any value is computed).
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Parameter, ParameterGrid};
    ///
    /// let grid = ParameterGrid::span(Parameter::NCut, 1.0, 3.0, 3)?;
    /// assert_eq!(grid.values(), [1.0, 2.0, 3.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn span(
        parameter: Parameter,
        low: f64,
        high: f64,
        points: usize,
    ) -> Result<Self, RobustnessError> {
        if points == 0 {
            return Err(invalid_grid(
                &parameter,
                "a grid needs at least one point".into(),
            ));
        }
        check_variants(points)?;
        if let Some(value) = [low, high].into_iter().find(|v| !v.is_finite()) {
            return Err(RobustnessError::NonFiniteValue {
                parameter: parameter.to_string(),
                value,
            });
        }
        if !(high - low).is_finite() {
            return Err(invalid_grid(
                &parameter,
                format!(
                    "the distance from {} to {} overflows",
                    short(&low),
                    short(&high)
                ),
            ));
        }
        let step = if points == 1 {
            0.0
        } else {
            (high - low) / (points - 1) as f64
        };
        let values = (0..points)
            .map(|k| {
                if k + 1 == points && points > 1 {
                    high
                } else {
                    low + step * k as f64
                }
            })
            .collect();
        Self::new(parameter, values)
    }

    /// `points` evenly spaced values from `center − half_width` to `center + half_width`; an odd
    /// number of points includes `center` itself.
    ///
    /// # Errors
    /// [`RobustnessError::InvalidGrid`] for `points` = 0, a `half_width` that is negative or
    /// not finite, or bounds `center ± half_width` that overflow;
    /// [`RobustnessError::NonFiniteValue`] for a `center` that is not finite;
    /// [`RobustnessError::TooManyVariants`] for more than [`MAX_VARIANTS`] points.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Parameter, ParameterGrid};
    ///
    /// let grid = ParameterGrid::around(Parameter::InclCut, 0.85, 0.05, 3)?;
    /// assert_eq!(grid.values().len(), 3);
    /// assert!((grid.values()[1] - 0.85).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn around(
        parameter: Parameter,
        center: f64,
        half_width: f64,
        points: usize,
    ) -> Result<Self, RobustnessError> {
        let invalid = |reason: String| invalid_grid(&parameter, reason);
        if !half_width.is_finite() || half_width < 0.0 {
            return Err(invalid(format!(
                "the half-width {} is negative or not finite",
                short(&half_width)
            )));
        }
        let (low, high) = (center - half_width, center + half_width);
        if center.is_finite() && !(low.is_finite() && high.is_finite()) {
            return Err(invalid(format!(
                "the bounds {} ± {} overflow",
                short(&center),
                short(&half_width)
            )));
        }
        Self::span(parameter, low, high, points)
    }

    /// The parameter this grid moves.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Parameter, ParameterGrid};
    ///
    /// let grid = ParameterGrid::new(Parameter::PriCut, vec![0.5])?;
    /// assert_eq!(grid.parameter().to_string(), "pri_cut");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parameter(&self) -> &Parameter {
        &self.parameter
    }

    /// The values, in sweep order.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Parameter, ParameterGrid};
    ///
    /// let grid = ParameterGrid::new(Parameter::PriCut, vec![0.6, 0.5])?;
    /// assert_eq!(grid.values(), [0.6, 0.5]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn values(&self) -> &[f64] {
        &self.values
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_grid_is_refused() {
        assert!(matches!(
            ParameterGrid::new(Parameter::InclCut, vec![]),
            Err(RobustnessError::EmptyGrid { .. })
        ));
    }

    #[test]
    fn infinite_value_is_refused() {
        assert!(matches!(
            ParameterGrid::new(Parameter::InclCut, vec![0.8, f64::INFINITY]),
            Err(RobustnessError::NonFiniteValue { .. })
        ));
    }

    #[test]
    fn zero_points_are_refused() {
        assert!(matches!(
            ParameterGrid::span(Parameter::InclCut, 0.7, 0.9, 0),
            Err(RobustnessError::InvalidGrid { .. })
        ));
    }

    #[test]
    fn negative_half_width_is_refused() {
        assert!(matches!(
            ParameterGrid::around(Parameter::InclCut, 0.8, -0.1, 3),
            Err(RobustnessError::InvalidGrid { .. })
        ));
    }

    #[test]
    fn too_many_points_are_refused_before_allocating() {
        let err = ParameterGrid::span(Parameter::InclCut, 0.7, 0.9, 1_000_000_000).unwrap_err();
        assert!(matches!(
            err,
            RobustnessError::TooManyVariants {
                requested: 1_000_000_000,
                max: MAX_VARIANTS
            }
        ));
        assert!(matches!(
            ParameterGrid::around(Parameter::NCut, 1.0, 1.0, usize::MAX),
            Err(RobustnessError::TooManyVariants { .. })
        ));
        assert!(matches!(
            ParameterGrid::new(Parameter::NCut, vec![1.0; MAX_VARIANTS + 1]),
            Err(RobustnessError::TooManyVariants { .. })
        ));
        assert_eq!(
            ParameterGrid::span(Parameter::NCut, 1.0, 1e6, MAX_VARIANTS)
                .unwrap()
                .values()
                .len(),
            MAX_VARIANTS
        );
    }

    #[test]
    fn overflowing_bounds_are_refused_by_name() {
        let err = ParameterGrid::around(Parameter::InclCut, 1e308, 1e308, 3).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid grid for incl_cut: the bounds 1e308 ± 1e308 overflow"
        );
        let err = ParameterGrid::around(Parameter::InclCut, 25.0, 1e308, 3).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid grid for incl_cut: the distance from -1e308 to 1e308 overflows"
        );
        let err = ParameterGrid::span(Parameter::InclCut, -1e308, 1e308, 3).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid grid for incl_cut: the distance from -1e308 to 1e308 overflows"
        );
        let err = ParameterGrid::around(Parameter::InclCut, 0.8, f64::INFINITY, 3).unwrap_err();
        assert!(matches!(err, RobustnessError::InvalidGrid { .. }));
        let err = ParameterGrid::span(Parameter::InclCut, f64::NAN, 0.9, 3).unwrap_err();
        assert!(matches!(err, RobustnessError::NonFiniteValue { .. }));
    }

    #[test]
    fn span_ends_on_its_bounds() {
        let g = ParameterGrid::span(Parameter::InclCut, 0.7, 0.9, 21).unwrap();
        assert_eq!(g.values()[0], 0.7);
        assert_eq!(g.values()[20], 0.9);
        let one = ParameterGrid::span(Parameter::InclCut, 0.7, 0.9, 1).unwrap();
        assert_eq!(one.values(), [0.7]);
    }
}
