//! Explicit ordinal coding: a table from raw codes to memberships.

use ndarray::{Array1, AsArray};

use super::direct::checked_values;
use super::thresholds::check_finite;
use super::CalibrationError;

/// An explicit table from raw codes to memberships, for ordinal data whose calibration is a
/// qualitative decision rather than a formula (for example Khanal, Zhang & Taeihagh's
/// instrument breadth: 1 → 0, 2 → 0.33, 3 → 0.67, 4 → 0.9, 5 → 1, and 0 → 0).
///
/// Codes match exactly (they are categories, not measurements); a value that is not a code is
/// an error, never a silent default.
///
/// # Example
/// ```
/// use fsqca::calibration::OrdinalCoding;
///
/// let breadth = OrdinalCoding::new([(0.0, 0.0), (1.0, 0.0), (2.0, 0.33), (3.0, 0.67), (4.0, 0.9), (5.0, 1.0)])?;
/// assert_eq!(breadth.calibrate(&[5.0, 2.0, 0.0])?.to_vec(), [1.0, 0.33, 0.0]);
/// assert!(breadth.calibrate(&[6.0]).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct OrdinalCoding {
    /// Sorted by code.
    table: Vec<(f64, f64)>,
}

impl OrdinalCoding {
    /// Checks and stores `(code, membership)` pairs.
    ///
    /// # Errors
    /// [`CalibrationError::EmptyCoding`] for no pairs; [`CalibrationError::ThresholdNotFinite`]
    /// for a NaN or infinite code or membership (positions count codes and memberships in pair
    /// order: `2 k` for the k-th code, `2 k + 1` for its membership);
    /// [`CalibrationError::MembershipOutOfRange`]; [`CalibrationError::DuplicateCode`].
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::OrdinalCoding;
    /// assert!(OrdinalCoding::new([(1.0, 0.0), (2.0, 1.0)]).is_ok());
    /// assert!(OrdinalCoding::new([(1.0, 0.0), (1.0, 1.0)]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(pairs: impl IntoIterator<Item = (f64, f64)>) -> Result<Self, CalibrationError> {
        let mut table: Vec<(f64, f64)> = pairs.into_iter().collect();
        if table.is_empty() {
            return Err(CalibrationError::EmptyCoding);
        }
        let flat: Vec<f64> = table.iter().flat_map(|&(c, m)| [c, m]).collect();
        check_finite(&flat)?;
        if let Some(&(code, membership)) = table.iter().find(|(_, m)| !(0.0..=1.0).contains(m)) {
            return Err(CalibrationError::MembershipOutOfRange { code, membership });
        }
        table.sort_by(|a, b| a.0.total_cmp(&b.0));
        if let Some(w) = table.windows(2).find(|w| w[0].0 == w[1].0) {
            return Err(CalibrationError::DuplicateCode { code: w[0].0 });
        }
        Ok(Self { table })
    }

    /// The `(code, membership)` pairs, sorted by code.
    ///
    /// # Example
    /// ```
    /// let c = fsqca::calibration::OrdinalCoding::new([(2.0, 1.0), (1.0, 0.0)])?;
    /// assert_eq!(c.pairs(), [(1.0, 0.0), (2.0, 1.0)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pairs(&self) -> &[(f64, f64)] {
        &self.table
    }

    /// The membership of one code, if it is in the table.
    ///
    /// # Example
    /// ```
    /// let c = fsqca::calibration::OrdinalCoding::new([(1.0, 0.0), (2.0, 1.0)])?;
    /// assert_eq!(c.membership(2.0), Some(1.0));
    /// assert_eq!(c.membership(3.0), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn membership(&self, code: f64) -> Option<f64> {
        self.table
            .binary_search_by(|(c, _)| c.total_cmp(&code))
            .ok()
            .map(|k| self.table[k].1)
    }

    /// The membership of every raw value.
    ///
    /// # Errors
    /// [`CalibrationError::Empty`], [`CalibrationError::NotFinite`], and
    /// [`CalibrationError::UnknownCode`] for the first value that is not a code.
    ///
    /// # Example
    /// ```
    /// let c = fsqca::calibration::OrdinalCoding::new([(1.0, 0.0), (2.0, 0.5), (3.0, 1.0)])?;
    /// assert_eq!(c.calibrate(&[3.0, 1.0, 2.0])?.to_vec(), [1.0, 0.0, 0.5]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn calibrate<'a, V: AsArray<'a, f64>>(
        &self,
        x: V,
    ) -> Result<Array1<f64>, CalibrationError> {
        let x = checked_values(x)?;
        x.iter()
            .enumerate()
            .map(|(index, &value)| {
                // -0.0 and 0.0 are the same code
                let value = if value == 0.0 { 0.0 } else { value };
                self.membership(value)
                    .ok_or(CalibrationError::UnknownCode { index, value })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

    #[test]
    fn autotraits() {
        has_autotraits::<OrdinalCoding>();
    }

    #[test]
    fn rejects_empty_coding() {
        assert_eq!(OrdinalCoding::new([]), Err(CalibrationError::EmptyCoding));
    }

    #[test]
    fn rejects_duplicate_code() {
        assert_eq!(
            OrdinalCoding::new([(1.0, 0.0), (2.0, 0.5), (1.0, 1.0)]),
            Err(CalibrationError::DuplicateCode { code: 1.0 })
        );
    }

    #[test]
    fn rejects_membership_out_of_range() {
        assert_eq!(
            OrdinalCoding::new([(1.0, 1.5)]),
            Err(CalibrationError::MembershipOutOfRange {
                code: 1.0,
                membership: 1.5
            })
        );
    }

    #[test]
    fn rejects_nan_code_and_membership() {
        assert!(matches!(
            OrdinalCoding::new([(f64::NAN, 0.0)]),
            Err(CalibrationError::ThresholdNotFinite { position: 0, .. })
        ));
        assert!(matches!(
            OrdinalCoding::new([(1.0, 0.0), (2.0, f64::NAN)]),
            Err(CalibrationError::ThresholdNotFinite { position: 3, .. })
        ));
    }

    #[test]
    fn rejects_unknown_code() {
        let c = OrdinalCoding::new([(1.0, 0.0), (2.0, 1.0)]).unwrap();
        assert_eq!(
            c.calibrate(&[1.0, 2.5]),
            Err(CalibrationError::UnknownCode {
                index: 1,
                value: 2.5
            })
        );
    }

    #[test]
    fn rejects_empty_and_nan_input() {
        let c = OrdinalCoding::new([(1.0, 0.0)]).unwrap();
        assert_eq!(c.calibrate(&[0.0; 0]), Err(CalibrationError::Empty));
        assert!(matches!(
            c.calibrate(&[f64::NAN]),
            Err(CalibrationError::NotFinite { index: 0, .. })
        ));
    }

    #[test]
    fn negative_zero_is_zero() {
        let c = OrdinalCoding::new([(0.0, 0.25)]).unwrap();
        assert_eq!(c.calibrate(&[-0.0]).unwrap().to_vec(), [0.25]);
    }
}
