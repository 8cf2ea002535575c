//! Calibrating a column of a [`Dataset`].

use ndarray::{Array1, ArrayView1};

use super::CalibrationError;
use crate::data::Dataset;

/// Calibrates the raw column `from` of `data` with `calibration` and returns a new data set with
/// the result added as column `to`.
///
/// `calibration` receives the column as an `ArrayView1<f64>`; every calibration of this module
/// accepts one, so a closure such as `|x| options.calibrate(x, thresholds)` fits.
///
/// # Errors
/// [`CalibrationError::Data`] for an unknown or text column, a column with missing values or
/// an existing name `to`; the calibration's own errors as they are.
///
/// # Example
/// ```
/// use fsqca::calibration::{calibrate_column, DirectOptions, Thresholds};
/// use fsqca::Dataset;
///
/// let data = Dataset::from_columns([("gdppc", vec![28294.0, 10943.0, 4000.0])])?;
/// let th = Thresholds::new(6000.0, 12000.0, 20000.0)?;
/// let data = calibrate_column(&data, "gdppc", "G", |x| DirectOptions::new().calibrate(x, th))?;
/// assert_eq!(data.names(), ["gdppc", "G"]);
/// assert!(data.fuzzy_set("G")?.values()[0] > 0.95);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn calibrate_column<F>(
    data: &Dataset,
    from: &str,
    to: &str,
    calibration: F,
) -> Result<Dataset, CalibrationError>
where
    F: FnOnce(ArrayView1<'_, f64>) -> Result<Array1<f64>, CalibrationError>,
{
    data.require_complete(&[from])?;
    let values = calibration(data.column(from)?)?;
    Ok(data.with_column(to, values)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calibration::Crisp;

    #[test]
    fn missing_column_is_a_data_error() {
        let data = Dataset::from_columns([("A", vec![1.0])]).unwrap();
        let crisp = Crisp::new([0.5]).unwrap();
        assert!(matches!(
            calibrate_column(&data, "B", "C", |x| crisp.calibrate(x)),
            Err(CalibrationError::Data(_))
        ));
    }

    #[test]
    fn calibration_error_passes_through() {
        let data = Dataset::from_columns([("A", vec![1.0, 2.0])]).unwrap();
        assert!(matches!(
            calibrate_column(&data, "A", "B", |x| crate::calibration::Tfr::new()
                .lowest(5.0)
                .calibrate(x)),
            Err(CalibrationError::NoVariation { .. })
        ));
    }

    #[test]
    fn adds_the_column() {
        let data = Dataset::from_columns([("A", vec![1.0, 2.0])]).unwrap();
        let crisp = Crisp::new([1.5]).unwrap();
        let out = calibrate_column(&data, "A", "cA", |x| crisp.calibrate(x)).unwrap();
        assert_eq!(out.column("cA").unwrap().to_vec(), [0.0, 1.0]);
    }
}
