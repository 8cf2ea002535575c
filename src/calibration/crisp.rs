//! Crisp (binary or multi-value) calibration by thresholds.

use ndarray::{Array1, AsArray};

use super::direct::checked_values;
use super::thresholds::check_increasing;
use super::CalibrationError;

/// Crisp calibration: `k` increasing thresholds cut the raw values into the categories
/// `0, 1, ..., k` (R QCA's `calibrate(x, type = "crisp", thresholds)`).
///
/// A value's category is the number of thresholds less than or equal to it, so a value equal to
/// a threshold goes to the upper category. The comparison is exact, as in R (`findInterval`).
/// One threshold gives a binary crisp set; more give a multi-value set.
///
/// # Example
/// ```
/// use fsqca::calibration::Crisp;
///
/// let crisp = Crisp::new([170.0, 180.0])?;
/// assert_eq!(crisp.calibrate(&[160.0, 170.0, 175.0, 180.0, 190.0])?.to_vec(), [0.0, 1.0, 1.0, 2.0, 2.0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Crisp {
    thresholds: Vec<f64>,
}

impl Crisp {
    /// Checks and stores the thresholds, which must be finite and strictly increasing.
    ///
    /// # Errors
    /// [`CalibrationError::NoThresholds`], [`CalibrationError::ThresholdNotFinite`],
    /// [`CalibrationError::NotIncreasing`].
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::Crisp;
    /// assert!(Crisp::new([550.0]).is_ok());
    /// assert!(Crisp::new([850.0, 550.0]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(thresholds: impl Into<Vec<f64>>) -> Result<Self, CalibrationError> {
        increasing(thresholds).map(|thresholds| Self { thresholds })
    }

    /// The thresholds, increasing.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::calibration::Crisp::new([1.0, 2.0])?.thresholds(), [1.0, 2.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn thresholds(&self) -> &[f64] {
        &self.thresholds
    }

    /// The category `0..=k` of each raw value.
    ///
    /// # Errors
    /// [`CalibrationError::Empty`], [`CalibrationError::NotFinite`].
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::Crisp;
    /// let dev = Crisp::new([550.0])?; // Lipset: developed from 550 USD per capita
    /// assert_eq!(dev.calibrate(&[720.0, 549.0, 550.0])?.to_vec(), [1.0, 0.0, 1.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn calibrate<'a, V: AsArray<'a, f64>>(
        &self,
        x: V,
    ) -> Result<Array1<f64>, CalibrationError> {
        let x = checked_values(x)?;
        Ok(x.mapv(|v| self.thresholds.partition_point(|&t| t <= v) as f64))
    }
}

/// Checks that `new` refuses every list of thresholds that [`check_increasing`] refuses, with
/// its error: none, a decrease, a repeat, a non-finite value. For the tests of each calibration
/// that takes a list of thresholds.
/// A list of thresholds, checked: at least one, finite and strictly increasing (for [`Crisp`]
/// and [`super::Indirect`]).
pub(super) fn increasing(thresholds: impl Into<Vec<f64>>) -> Result<Vec<f64>, CalibrationError> {
    let thresholds = thresholds.into();
    check_increasing(&thresholds)?;
    Ok(thresholds)
}

#[cfg(test)]
pub(super) fn assert_checks_thresholds<T: std::fmt::Debug + PartialEq>(
    new: impl Fn(Vec<f64>) -> Result<T, CalibrationError>,
) {
    assert_eq!(new(vec![]), Err(CalibrationError::NoThresholds));
    assert_eq!(
        new(vec![2.0, 1.0]),
        Err(CalibrationError::NotIncreasing {
            position: 1,
            previous: 2.0,
            value: 1.0
        })
    );
    assert!(matches!(
        new(vec![1.0, 1.0]),
        Err(CalibrationError::NotIncreasing { position: 1, .. })
    ));
    assert!(matches!(
        new(vec![f64::NAN]),
        Err(CalibrationError::ThresholdNotFinite { position: 0, .. })
    ));
    assert!(matches!(
        new(vec![1.0, f64::INFINITY]),
        Err(CalibrationError::ThresholdNotFinite { position: 1, .. })
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

    #[test]
    fn autotraits() {
        has_autotraits::<Crisp>();
    }

    #[test]
    fn rejects_bad_thresholds() {
        assert_checks_thresholds(Crisp::new);
    }

    #[test]
    fn rejects_empty_and_nan_input() {
        let crisp = Crisp::new([1.0]).unwrap();
        assert_eq!(crisp.calibrate(&[0.0; 0]), Err(CalibrationError::Empty));
        assert!(matches!(
            crisp.calibrate(&[0.0, f64::NAN]),
            Err(CalibrationError::NotFinite { index: 1, .. })
        ));
    }

    #[test]
    fn equal_goes_up() {
        let crisp = Crisp::new([1.0, 2.0, 3.0]).unwrap();
        assert_eq!(
            crisp
                .calibrate(&[0.5, 1.0, 2.0, 3.0, 9.0])
                .unwrap()
                .to_vec(),
            [0.0, 1.0, 2.0, 3.0, 3.0]
        );
    }
}
