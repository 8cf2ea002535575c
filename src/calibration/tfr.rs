//! The totally fuzzy and relative method (Cheli & Lemmi 1995), R QCA's `method = "TFR"`.

use ndarray::{Array1, AsArray};

use super::direct::checked_values;
use super::thresholds::check_finite;
use super::CalibrationError;

/// The totally fuzzy and relative (TFR) calibration of categorical or ordinal data
/// (Cheli & Lemmi 1995), as in R QCA's `calibrate(x, method = "TFR")`.
///
/// With `F` the empirical cumulative distribution function of the raw values and `l` the
/// lowest category, a value's membership is `max(0, (F(x) - F(l)) / (1 - F(l)))`: the lowest
/// category gets 0, the highest 1, and the steps between follow the share of cases.
///
/// Default: `l` is the smallest observed value. R QCA 3.25 evaluates `F` at the value 1
/// (scales coded from 1), which is the same whenever the smallest observed value is 1; set
/// [`Tfr::lowest`] to `1.0` to reproduce R on other data.
///
/// # Example
/// ```
/// use fsqca::calibration::Tfr;
///
/// let m = Tfr::new().calibrate(&[1.0, 2.0, 2.0, 3.0])?;
/// assert_eq!(m.to_vec(), [0.0, 2.0 / 3.0, 2.0 / 3.0, 1.0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Tfr {
    lowest: Option<f64>,
}

impl Tfr {
    /// The default: the lowest category is the smallest observed value.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::calibration::Tfr::new(), fsqca::calibration::Tfr::default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the lowest category explicitly (R QCA uses 1).
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::Tfr;
    /// let m = Tfr::new().lowest(1.0).calibrate(&[2.0, 3.0])?;
    /// assert_eq!(m.to_vec(), [0.5, 1.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lowest(mut self, lowest: f64) -> Self {
        self.lowest = Some(lowest);
        self
    }

    /// Calibrates the raw values.
    ///
    /// # Errors
    /// [`CalibrationError::Empty`], [`CalibrationError::NotFinite`];
    /// [`CalibrationError::ThresholdNotFinite`] for a NaN or infinite lowest category;
    /// [`CalibrationError::NoVariation`] when no value exceeds the lowest category.
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::Tfr;
    /// assert!(Tfr::new().calibrate(&[4.0, 4.0]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn calibrate<'a, V: AsArray<'a, f64>>(
        &self,
        x: V,
    ) -> Result<Array1<f64>, CalibrationError> {
        if let Some(l) = self.lowest {
            check_finite(&[l])?;
        }
        let x = checked_values(x)?;
        let mut sorted = x.to_vec();
        sorted.sort_by(f64::total_cmp);
        let lowest = self.lowest.unwrap_or(sorted[0]);
        let n = sorted.len() as f64;
        let f = |v: f64| sorted.partition_point(|&s| s <= v) as f64 / n;
        let fl = f(lowest);
        if fl >= 1.0 {
            return Err(CalibrationError::NoVariation { lowest });
        }
        Ok(x.mapv(|v| ((f(v) - fl) / (1.0 - fl)).max(0.0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

    #[test]
    fn autotraits() {
        has_autotraits::<Tfr>();
    }

    #[test]
    fn rejects_constant_input() {
        assert_eq!(
            Tfr::new().calibrate(&[2.0, 2.0]),
            Err(CalibrationError::NoVariation { lowest: 2.0 })
        );
    }

    #[test]
    fn rejects_nothing_above_explicit_lowest() {
        assert_eq!(
            Tfr::new().lowest(5.0).calibrate(&[2.0, 3.0]),
            Err(CalibrationError::NoVariation { lowest: 5.0 })
        );
    }

    #[test]
    fn rejects_nan_lowest() {
        assert!(matches!(
            Tfr::new().lowest(f64::NAN).calibrate(&[2.0, 3.0]),
            Err(CalibrationError::ThresholdNotFinite { position: 0, .. })
        ));
    }

    #[test]
    fn rejects_empty_and_nan_input() {
        assert_eq!(
            Tfr::new().calibrate(&[0.0; 0]),
            Err(CalibrationError::Empty)
        );
        assert!(matches!(
            Tfr::new().calibrate(&[1.0, f64::NEG_INFINITY]),
            Err(CalibrationError::NotFinite { index: 1, .. })
        ));
    }

    #[test]
    fn below_explicit_lowest_is_zero() {
        let m = Tfr::new().lowest(2.0).calibrate(&[1.0, 2.0, 3.0]).unwrap();
        assert_eq!(m.to_vec(), [0.0, 0.0, 1.0]);
    }
}
