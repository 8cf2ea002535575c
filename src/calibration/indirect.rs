//! The indirect method of calibration (Ragin 2008, ch. 5), as computed by Dușa's QCA.

use ndarray::{Array1, ArrayView1, AsArray};

use super::crisp::increasing;
use super::direct::{checked_values, clamp_qca};
use super::CalibrationError;

/// Coefficients of the regression: intercept, `ln x`, `sqrt x`, `x`, `x^2`.
const N_COEF: usize = 5;
/// R's `glm.control(epsilon = 1e-8)`: convergence on the relative change of the deviance.
const EPSILON: f64 = 1e-8;
/// More than R's default of 25, so that slow (separated) fits still end.
const MAX_ITER: usize = 100;
/// R's logit link clamps the linear predictor beyond +-30 (`THRESH` in `family.c`).
const ETA_LIMIT: f64 = 30.0;
/// A zero raw value becomes this before the logarithm, as in R QCA.
const ZERO_SUBSTITUTE: f64 = 1e-5;

/// The indirect method of calibration (Ragin 2008, ch. 5) with R QCA's model
/// (`calibrate(x, method = "indirect", thresholds)`).
///
/// `k` increasing thresholds sort the cases into `k + 1` groups, whose qualitative target
/// memberships are `0, 1/k, ..., 1` (rounded to 3 decimals); a value belongs to the group after
/// the last threshold it strictly exceeds. A fractional-logit (quasi-binomial) regression of the
/// targets on `ln x`, `sqrt x`, `x` and `x^2` is fitted by iteratively reweighted least squares
/// with R's starting values and stopping rule, and each case's fitted value, rounded to 6
/// decimals and clamped like the direct method (below 1e-4 to 0, above 0.9999 to 1), is its
/// membership. A raw value of 0 is replaced by 1e-5 before the regression (R QCA does so for
/// the logarithm), and counts as that value.
///
/// # Example
/// ```
/// use fsqca::calibration::Indirect;
///
/// // Ragin (2008): per capita income, six qualitative groups
/// let inc = [40110.0, 34400.0, 25200.0, 24920.0, 20060.0, 17090.0, 15320.0, 13680.0,
///     11720.0, 11290.0, 10940.0, 9800.0, 7470.0, 4670.0, 4100.0, 4070.0, 3740.0, 3690.0,
///     3590.0, 2980.0, 1000.0, 650.0, 450.0, 110.0];
/// let m = Indirect::new([1000.0, 4000.0, 5000.0, 10000.0, 20000.0])?.calibrate(&inc)?;
/// assert_eq!((m[0], m[23]), (1.0, 0.0));
/// assert!((m[12] - 0.649139).abs() < 1e-9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Indirect {
    thresholds: Vec<f64>,
}

impl Indirect {
    /// Checks and stores the thresholds, which must be finite and strictly increasing.
    ///
    /// # Errors
    /// [`CalibrationError::NoThresholds`], [`CalibrationError::ThresholdNotFinite`],
    /// [`CalibrationError::NotIncreasing`].
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::Indirect;
    /// assert!(Indirect::new([1000.0, 4000.0]).is_ok());
    /// assert!(Indirect::new([4000.0, 1000.0]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(thresholds: impl Into<Vec<f64>>) -> Result<Self, CalibrationError> {
        increasing(thresholds).map(|thresholds| Self { thresholds })
    }

    /// The thresholds, increasing: a value's target is the share of them it strictly exceeds
    /// (see [`Indirect::targets`]).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::calibration::Indirect::new([1.0, 2.0])?.thresholds(), [1.0, 2.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn thresholds(&self) -> &[f64] {
        &self.thresholds
    }

    /// Each value's qualitative target: `j / k` (to 3 decimals) where `j` counts the thresholds
    /// the value strictly exceeds.
    ///
    /// # Errors
    /// [`CalibrationError::Empty`], [`CalibrationError::NotFinite`].
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::Indirect;
    /// let ind = Indirect::new([10.0, 20.0, 30.0])?;
    /// assert_eq!(ind.targets(&[5.0, 10.0, 15.0, 35.0])?.to_vec(), [0.0, 0.0, 0.333, 1.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn targets<'a, V: AsArray<'a, f64>>(&self, x: V) -> Result<Array1<f64>, CalibrationError> {
        let x = checked_values(x)?;
        let k = self.thresholds.len() as f64;
        Ok(x.mapv(|v| {
            let j = self.thresholds.partition_point(|&t| t < v) as f64;
            (j / k * 1000.0).round() / 1000.0
        }))
    }

    /// Calibrates the raw values.
    ///
    /// # Errors
    /// [`CalibrationError::Empty`], [`CalibrationError::NotFinite`],
    /// [`CalibrationError::Negative`] (the model takes `ln x`),
    /// [`CalibrationError::TooFewDistinct`] for fewer than five distinct values (the model has
    /// five coefficients), [`CalibrationError::FitFailed`] when the regression does not converge
    /// or is numerically singular.
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::Indirect;
    /// let ind = Indirect::new([2.0, 4.0])?;
    /// let m = ind.calibrate(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0])?;
    /// assert!(m.iter().all(|&v| (0.0..=1.0).contains(&v)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn calibrate<'a, V: AsArray<'a, f64>>(
        &self,
        x: V,
    ) -> Result<Array1<f64>, CalibrationError> {
        let x: ArrayView1<'a, f64> = x.into();
        let y = self.targets(x)?;
        if let Some(index) = x.iter().position(|&v| v < 0.0) {
            return Err(CalibrationError::Negative {
                index,
                value: x[index],
            });
        }
        // R QCA replaces 0 by 1e-5 before taking logarithms; count distinct values after that.
        let x: Vec<f64> = x
            .iter()
            .map(|&v| if v == 0.0 { ZERO_SUBSTITUTE } else { v })
            .collect();
        let mut distinct = x.clone();
        distinct.sort_by(f64::total_cmp);
        distinct.dedup();
        if distinct.len() < N_COEF {
            return Err(CalibrationError::TooFewDistinct {
                distinct: distinct.len(),
                required: N_COEF,
            });
        }
        let design: Vec<[f64; N_COEF]> = x
            .iter()
            .map(|&v| [1.0, v.ln(), v.sqrt(), v, v * v])
            .collect();
        let mu = fit_fractional_logit(&design, &y.to_vec())?;
        Ok(mu.mapv(|m| clamp_qca((m * 1e6).round() / 1e6)))
    }
}

/// Inverse logit with R's clamping of the linear predictor.
fn linkinv(eta: f64) -> f64 {
    let t = if eta < -ETA_LIMIT {
        f64::EPSILON
    } else if eta > ETA_LIMIT {
        1.0 / f64::EPSILON
    } else {
        eta.exp()
    };
    t / (1.0 + t)
}

/// d mu / d eta, floored at the machine epsilon as in R.
fn mu_eta(eta: f64) -> f64 {
    if eta.abs() > ETA_LIMIT {
        f64::EPSILON
    } else {
        let o = 1.0 + eta.exp();
        eta.exp() / (o * o)
    }
}

/// `y ln(y / mu)`, 0 for `y = 0`.
fn y_log_y(y: f64, mu: f64) -> f64 {
    if y > 0.0 {
        y * (y / mu).ln()
    } else {
        0.0
    }
}

fn deviance(y: &[f64], mu: &[f64]) -> f64 {
    y.iter()
        .zip(mu)
        .map(|(&y, &m)| 2.0 * (y_log_y(y, m) + y_log_y(1.0 - y, 1.0 - m)))
        .sum()
}

/// Fits `logit(E y) = X b` by IRLS (quasi-binomial: the dispersion does not change the fit) and
/// returns the fitted means. Starting values and stopping rule are R's `glm.fit`: `mu = (y +
/// 1/2) / 2`, stop when `|dev - dev_old| / (|dev| + 0.1) < 1e-8`.
fn fit_fractional_logit(
    design: &[[f64; N_COEF]],
    y: &[f64],
) -> Result<Array1<f64>, CalibrationError> {
    let n = y.len();
    let mut mu: Vec<f64> = y.iter().map(|&y| (y + 0.5) / 2.0).collect();
    let mut eta: Vec<f64> = mu.iter().map(|&m| (m / (1.0 - m)).ln()).collect();
    let mut dev_old = deviance(y, &mu);
    for iteration in 1..=MAX_ITER {
        let mut a = vec![[0.0; N_COEF]; n];
        let mut b = vec![0.0; n];
        for k in 0..n {
            let d = mu_eta(eta[k]);
            let z = eta[k] + (y[k] - mu[k]) / d;
            let w = (d * d / (mu[k] * (1.0 - mu[k]))).sqrt();
            for j in 0..N_COEF {
                a[k][j] = design[k][j] * w;
            }
            b[k] = z * w;
        }
        let coef = least_squares(a, b).ok_or(CalibrationError::FitFailed {
            iterations: iteration,
        })?;
        for k in 0..n {
            eta[k] = (0..N_COEF).map(|j| design[k][j] * coef[j]).sum();
            mu[k] = linkinv(eta[k]);
        }
        let dev = deviance(y, &mu);
        if !dev.is_finite() {
            return Err(CalibrationError::FitFailed {
                iterations: iteration,
            });
        }
        if (dev - dev_old).abs() / (dev.abs() + 0.1) < EPSILON {
            return Ok(Array1::from(mu));
        }
        dev_old = dev;
    }
    Err(CalibrationError::FitFailed {
        iterations: MAX_ITER,
    })
}

/// Least squares `min |A b - y|` by Householder QR (numerically sound for the badly scaled
/// columns `1 .. x^2`); `None` when a column is (numerically) a combination of the others,
/// judged as R's `dqrdc2` does, relative to the column's own norm with tolerance 1e-11.
fn least_squares(mut a: Vec<[f64; N_COEF]>, mut y: Vec<f64>) -> Option<[f64; N_COEF]> {
    let n = a.len();
    if n < N_COEF {
        return None;
    }
    let norms: Vec<f64> = (0..N_COEF)
        .map(|j| a.iter().map(|r| r[j] * r[j]).sum::<f64>().sqrt())
        .collect();
    let mut diag = [0.0; N_COEF];
    for j in 0..N_COEF {
        let norm = (j..n).map(|k| a[k][j] * a[k][j]).sum::<f64>().sqrt();
        if norm.is_nan() || norm <= 1e-11 * norms[j] {
            return None;
        }
        let alpha = if a[j][j] > 0.0 { -norm } else { norm };
        // v = a[j.., j] - alpha e1, stored in place
        a[j][j] -= alpha;
        let vnorm2: f64 = (j..n).map(|k| a[k][j] * a[k][j]).sum();
        if vnorm2 > 0.0 {
            for col in j + 1..N_COEF {
                let s: f64 = (j..n).map(|k| a[k][j] * a[k][col]).sum::<f64>() * 2.0 / vnorm2;
                for row in a[j..].iter_mut() {
                    row[col] -= s * row[j];
                }
            }
            let s: f64 = (j..n).map(|k| a[k][j] * y[k]).sum::<f64>() * 2.0 / vnorm2;
            for k in j..n {
                y[k] -= s * a[k][j];
            }
        }
        diag[j] = alpha;
    }
    let mut coef = [0.0; N_COEF];
    for j in (0..N_COEF).rev() {
        let s: f64 = (j + 1..N_COEF).map(|c| a[j][c] * coef[c]).sum();
        coef[j] = (y[j] - s) / diag[j];
    }
    coef.iter().all(|c| c.is_finite()).then_some(coef)
}

#[cfg(test)]
mod tests {
    use super::super::crisp::assert_checks_thresholds;
    use super::*;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

    #[test]
    fn autotraits() {
        has_autotraits::<Indirect>();
    }

    #[test]
    fn rejects_bad_thresholds() {
        assert_checks_thresholds(Indirect::new);
    }

    #[test]
    fn rejects_negative_value() {
        let ind = Indirect::new([1.0]).unwrap();
        assert_eq!(
            ind.calibrate(&[1.0, 2.0, -3.0, 4.0, 5.0]),
            Err(CalibrationError::Negative {
                index: 2,
                value: -3.0
            })
        );
    }

    #[test]
    fn rejects_too_few_distinct_values() {
        let ind = Indirect::new([1.5]).unwrap();
        assert_eq!(
            ind.calibrate(&[1.0, 2.0, 1.0, 2.0, 3.0, 3.0]),
            Err(CalibrationError::TooFewDistinct {
                distinct: 3,
                required: 5
            })
        );
    }

    #[test]
    fn rejects_empty_and_nan_input() {
        let ind = Indirect::new([1.0]).unwrap();
        assert_eq!(ind.calibrate(&[0.0; 0]), Err(CalibrationError::Empty));
        assert!(matches!(
            ind.calibrate(&[f64::NAN]),
            Err(CalibrationError::NotFinite { index: 0, .. })
        ));
    }

    #[test]
    fn least_squares_recovers_exact_fit() {
        let rows: Vec<[f64; N_COEF]> = (1..=8)
            .map(|v| {
                let v = v as f64;
                [1.0, v.ln(), v.sqrt(), v, v * v]
            })
            .collect();
        let truth = [0.5, -1.0, 2.0, 0.25, -0.01];
        let y: Vec<f64> = rows
            .iter()
            .map(|r| r.iter().zip(truth).map(|(a, b)| a * b).sum())
            .collect();
        let coef = least_squares(rows, y).unwrap();
        for (c, t) in coef.iter().zip(truth) {
            assert!((c - t).abs() < 1e-8, "{c} vs {t}");
        }
    }

    #[test]
    fn singular_design_is_detected() {
        let rows = vec![[1.0, 0.0, 0.0, 0.0, 0.0]; 6];
        assert!(least_squares(rows, vec![1.0; 6]).is_none());
    }

    #[test]
    fn zero_counts_as_its_substitute() {
        let ind = Indirect::new([1.5]).unwrap();
        assert_eq!(
            ind.calibrate(&[0.0, 1e-5, 1.0, 2.0, 3.0]),
            Err(CalibrationError::TooFewDistinct {
                distinct: 4,
                required: 5
            })
        );
    }

    #[test]
    fn rejects_a_design_that_overflows() {
        let ind = Indirect::new([2.5]).unwrap();
        assert_eq!(
            ind.calibrate(&[1.0, 2.0, 3.0, 4.0, 1e200]),
            Err(CalibrationError::FitFailed { iterations: 1 })
        );
    }

    #[test]
    fn zero_is_allowed() {
        let ind = Indirect::new([1.0, 3.0]).unwrap();
        let m = ind.calibrate(&[0.0, 1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
        assert!(m.iter().all(|&v| (0.0..=1.0).contains(&v)));
    }
}
