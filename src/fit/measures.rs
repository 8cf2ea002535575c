//! The parameters of fit of sufficiency and necessity, from the sums every measure is made of:
//! of two sets, or of an expression and an outcome evaluated on a data set.

use ndarray::{ArrayView1, Zip};

use super::error::FitError;
use super::outcome::{outcome_set, IntoOutcome};
use crate::data::Dataset;
use crate::expression::Expression;
use crate::sets::{FuzzySet, SetError};

/// Parameters of fit of a sufficiency relation X -> Y.
///
/// Beside Ragin's inclusion, PRI and coverage, two measures that weigh how far the cases that
/// contradict the relation lie off the diagonal:
///
/// - **Haesebrouck's consistency** (Haesebrouck 2015; SetMethods' `Cons.Suf(H)`, Oana &
///   Schneider): Σ min(X, Y) / Σ [min(X, Y) + √(max(X − Y, 0) · X)]. Ragin's inclusion charges
///   a case above the diagonal X − Y; Haesebrouck charges √((X − Y) · X), never less, and the
///   more the higher the case's membership in X: an inconsistent case that is clearly in X
///   weighs more than one barely in it.
/// - **PRODUCT** (SetMethods' `PRODUCT`): inclusion × PRI, one number that is high only when
///   both are.
///
/// SetMethods' `QCAfit` prints these rounded to three significant digits (its bug SM4 in the
/// reference fixtures); the values here are exact.
///
/// # Example
/// ```
/// use fsqca::{fit, FuzzySet};
///
/// let x = FuzzySet::new("X", vec![0.2, 0.8, 0.6])?;
/// let y = FuzzySet::new("Y", vec![0.3, 0.9, 0.4])?;
/// let s = fit::sufficiency(&x, &y)?;
/// assert!((s.incl.ok_or("undefined")? - 1.4 / 1.6).abs() < 1e-12);
/// assert!((s.cov.ok_or("undefined")? - 1.4 / 1.6).abs() < 1e-12);
/// // The third case lies 0.2 above the diagonal: Haesebrouck charges √(0.2 · 0.6), not 0.2.
/// let h = 1.4 / (1.4 + (0.2_f64 * 0.6).sqrt());
/// assert!((s.incl_h.ok_or("undefined")? - h).abs() < 1e-12);
/// assert_eq!(s.product, Some(s.incl.ok_or("undefined")? * s.pri.ok_or("undefined")?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Sufficiency {
    /// Inclusion (consistency): Σ min(X, Y) / Σ X.
    pub incl: Option<f64>,
    /// Proportional reduction in inconsistency.
    pub pri: Option<f64>,
    /// Coverage: Σ min(X, Y) / Σ Y.
    pub cov: Option<f64>,
    /// Haesebrouck's consistency (2015): Σ min(X, Y) / Σ [min(X, Y) + √(max(X − Y, 0) · X)]
    /// (SetMethods' `Cons.Suf(H)`); undefined when Σ X = 0.
    #[cfg_attr(feature = "serde", serde(default))]
    pub incl_h: Option<f64>,
    /// PRODUCT: inclusion × PRI (SetMethods' `PRODUCT`); undefined when either is.
    #[cfg_attr(feature = "serde", serde(default))]
    pub product: Option<f64>,
}

/// Parameters of fit of a necessity relation X <- Y.
///
/// SetMethods' `QCAfit` reports for necessity inclusion, coverage and RoN only: Haesebrouck's
/// consistency and PRODUCT are sufficiency measures ([`Sufficiency`]), and there is no
/// necessity counterpart of them to report.
///
/// # Example
/// ```
/// use fsqca::{fit, FuzzySet};
///
/// let x = FuzzySet::new("X", vec![0.9, 0.8, 0.1])?;
/// let y = FuzzySet::new("Y", vec![0.7, 0.9, 0.0])?;
/// let n = fit::necessity(&x, &y)?;
/// assert!((n.incl.ok_or("undefined")? - 1.5 / 1.6).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Necessity {
    /// Inclusion (consistency): Σ min(X, Y) / Σ Y.
    pub incl: Option<f64>,
    /// Relevance of necessity: Σ (1 - X) / Σ (1 - min(X, Y)).
    pub ron: Option<f64>,
    /// Coverage: Σ min(X, Y) / Σ X.
    pub cov: Option<f64>,
}

/// Tolerance of comparisons with a cut-off, as R QCA's: a measure reaches a cut-off when it is
/// less than this below it, so that float noise (0.8 computed as 0.79999999999) does not turn a
/// row or a candidate away. The value is R QCA's rounded square root of the machine epsilon; it
/// is not [`f64::EPSILON`]`.sqrt()` written out (calibration's `all.equal` tolerance is), and
/// changing it would change which rows reach a cut-off.
pub(crate) const CUTOFF_TOLERANCE: f64 = 1.49e-8;

/// Whether a measure reaches a cut-off (within [`CUTOFF_TOLERANCE`]); an undefined measure
/// reaches none. The truth table's output values and the super/subset search both decide
/// with this.
pub(crate) fn reaches(value: Option<f64>, cut: f64) -> bool {
    value.is_some_and(|v| v + CUTOFF_TOLERANCE > cut)
}

/// The sums every measure is made of (over the cases: X and Y the memberships).
///
/// The truth table has the first three for each of its rows ([`Sums::of_inclusion`]) and takes the row's inclusion
/// and PRI from [`incl`](Self::incl) and [`pri`](Self::pri): one formula for both.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Sums {
    /// Σ X.
    x: f64,
    /// Σ min(X, Y).
    xy: f64,
    /// Σ min(X, Y, 1 - Y).
    xy_not_y: f64,
    /// Σ Y.
    y: f64,
    /// Σ (1 - X).
    not_x: f64,
    /// Σ (1 - min(X, Y)).
    not_xy: f64,
    /// Σ √(max(X − Y, 0) · X): Haesebrouck's charge for the cases above the diagonal.
    excess: f64,
}

pub(super) fn sums(x: ArrayView1<'_, f64>, y: ArrayView1<'_, f64>) -> Sums {
    let mut s = Sums::default();
    Zip::from(x).and(y).for_each(|&x, &y| {
        let xy = x.min(y);
        s.x += x;
        s.y += y;
        s.xy += xy;
        s.xy_not_y += xy.min(1.0 - y);
        s.not_x += 1.0 - x;
        s.not_xy += 1.0 - xy;
        if x > y {
            s.excess += ((x - y) * x).sqrt();
        }
    });
    s
}

fn ratio(num: f64, den: f64) -> Option<f64> {
    (den > 0.0).then(|| (num / den).clamp(0.0, 1.0))
}

impl Sums {
    /// The sums inclusion and PRI need: Σ X, Σ min(X, Y) and Σ min(X, Y, 1 - Y) (the others
    /// are 0).
    pub(crate) fn of_inclusion(x: f64, xy: f64, xy_not_y: f64) -> Self {
        Self {
            x,
            xy,
            xy_not_y,
            ..Self::default()
        }
    }

    /// Σ min(X, Y).
    pub(super) fn xy(&self) -> f64 {
        self.xy
    }

    /// The sufficiency coverage of a set with Σ min(X, Y) = `xy` for the same Y: `xy` / Σ Y.
    pub(super) fn coverage_of(&self, xy: f64) -> Option<f64> {
        ratio(xy, self.y)
    }

    /// Sufficiency inclusion: Σ min(X, Y) / Σ X.
    pub(crate) fn incl(&self) -> Option<f64> {
        ratio(self.xy, self.x)
    }

    /// PRI: (Σ min(X, Y) - Σ min(X, Y, 1 - Y)) / (Σ X - Σ min(X, Y, 1 - Y)).
    pub(crate) fn pri(&self) -> Option<f64> {
        ratio(self.xy - self.xy_not_y, self.x - self.xy_not_y)
    }

    /// Haesebrouck's consistency: Σ min(X, Y) / Σ [min(X, Y) + √(max(X − Y, 0) · X)]. Its
    /// denominator is 0 only when Σ X is (each case adds at least min(X, Y), and X when X > Y).
    fn incl_h(&self) -> Option<f64> {
        ratio(self.xy, self.xy + self.excess)
    }

    pub(super) fn sufficiency(&self) -> Sufficiency {
        let (incl, pri) = (self.incl(), self.pri());
        Sufficiency {
            incl,
            pri,
            cov: ratio(self.xy, self.y),
            incl_h: self.incl_h(),
            product: incl.zip(pri).map(|(i, p)| i * p),
        }
    }

    pub(super) fn necessity(&self) -> Necessity {
        Necessity {
            incl: ratio(self.xy, self.y),
            ron: ratio(self.not_x, self.not_xy),
            cov: ratio(self.xy, self.x),
        }
    }
}

/// Sufficiency of `x` for `y`: inclusion, PRI and coverage.
///
/// # Errors
/// [`SetError::UnequalLengths`] when the sets have different numbers of cases.
///
/// # Example
/// ```
/// use fsqca::{fit, FuzzySet};
///
/// let x = FuzzySet::new("X", vec![0.0, 0.0])?;
/// let y = FuzzySet::new("Y", vec![0.3, 0.9])?;
/// assert_eq!(fit::sufficiency(&x, &y)?.incl, None); // Σ X = 0: undefined
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sufficiency(x: &FuzzySet, y: &FuzzySet) -> Result<Sufficiency, SetError> {
    x.check_same_cases(y)?;
    Ok(sums(x.values(), y.values()).sufficiency())
}

/// Necessity of `x` for `y`: inclusion, relevance (RoN) and coverage.
///
/// # Errors
/// [`SetError::UnequalLengths`] when the sets have different numbers of cases.
///
/// # Example
/// ```
/// use fsqca::{fit, FuzzySet};
///
/// let x = FuzzySet::new("X", vec![1.0, 1.0])?;
/// let y = FuzzySet::new("Y", vec![0.3, 0.9])?;
/// let n = fit::necessity(&x, &y)?;
/// assert_eq!((n.incl, n.ron), (Some(1.0), Some(0.0)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn necessity(x: &FuzzySet, y: &FuzzySet) -> Result<Necessity, SetError> {
    x.check_same_cases(y)?;
    Ok(sums(x.values(), y.values()).necessity())
}

/// The sums of `expression` against `outcome`, both evaluated on `data` (so over the same
/// cases: no length check is needed).
fn sums_of<O: IntoOutcome + ?Sized>(
    expression: &Expression,
    data: &Dataset,
    outcome: &O,
) -> Result<Sums, FitError> {
    let x = expression.evaluate(data)?;
    let y = outcome_set(data, outcome)?;
    Ok(sums(x.values(), y.values()))
}

/// Sufficiency of an expression for an outcome, both evaluated on `data`.
///
/// # Errors
/// [`FitError::Expression`] for an outcome given as text that is not an
/// [`Outcome`](crate::expression::Outcome);
/// [`FitError::Data`] for unknown columns, missing values, memberships outside [0, 1] or
/// levels a column does not have (the errors of [`Expression::evaluate`]).
///
/// # Example
/// ```
/// use fsqca::{fit, fit::FitError, Dataset, DataError, Expression, Literal};
///
/// let data = Dataset::from_columns([("A", vec![0.2, 0.8]), ("Y", vec![0.3, 0.9])])?;
/// let a = Expression::literal(Literal::new("A")?);
/// assert_eq!(fit::sufficiency_of(&a, &data, "Y")?.incl, Some(1.0));
/// let err = fit::sufficiency_of(&a, &data, "Z").unwrap_err();
/// assert!(matches!(err, FitError::Data(DataError::UnknownColumn { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sufficiency_of<O: IntoOutcome + ?Sized>(
    expression: &Expression,
    data: &Dataset,
    outcome: &O,
) -> Result<Sufficiency, FitError> {
    Ok(sums_of(expression, data, outcome)?.sufficiency())
}

/// Necessity of an expression for an outcome, both evaluated on `data`.
///
/// # Errors
/// As [`sufficiency_of`].
///
/// # Example
/// ```
/// use fsqca::{fit, Dataset, Expression, Literal};
///
/// let data = Dataset::from_columns([("A", vec![0.2, 0.8]), ("Y", vec![0.3, 0.9])])?;
/// let a = Expression::literal(Literal::new("A")?);
/// let n = fit::necessity_of(&a, &data, "~Y")?;
/// assert!((n.incl.ok_or("undefined")? - 0.3 / 0.8).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn necessity_of<O: IntoOutcome + ?Sized>(
    expression: &Expression,
    data: &Dataset,
    outcome: &O,
) -> Result<Necessity, FitError> {
    Ok(sums_of(expression, data, outcome)?.necessity())
}
