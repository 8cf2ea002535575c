//! The errors of the calibration diagnostics.

use crate::data::DataError;

/// An error of the calibration diagnostics ([`DiagnoseOptions`](super::DiagnoseOptions)).
///
/// # Example
/// ```
/// use fsqca::{diagnostics::{DiagnoseOptions, DiagnosticsError}, DataError, Dataset, SetError};
///
/// let data = Dataset::from_columns([("raw", vec![0.5, 12.0])])?;
/// let err = DiagnoseOptions::new().diagnose(&data, &["raw"]).unwrap_err();
/// assert!(matches!(
///     err,
///     DiagnosticsError::Data(DataError::Set(SetError::OutOfRange { value, .. })) if value == 12.0
/// ));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DiagnosticsError {
    /// A set is not a column of the data set, has missing values or a membership outside
    /// [0, 1] (a [`DataError::Set`] wrapping
    /// [`SetError::OutOfRange`](crate::SetError::OutOfRange) with the case and the value).
    #[error(transparent)]
    Data(#[from] DataError),
    /// The skew threshold is not a share from 0 to 0.5.
    #[error(
        "skew threshold {value} is not a share from 0 to 0.5 (a set is flagged when fewer than \
         that share of its cases, or more than 1 minus it, are above 0.5)",
        value = crate::number::short(.value)
    )]
    InvalidSkewThreshold {
        /// The threshold given.
        value: f64,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_send_sync_and_name_the_value() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<DiagnosticsError>();
        let e = DiagnosticsError::InvalidSkewThreshold { value: 0.7 };
        assert!(e
            .to_string()
            .starts_with("skew threshold 0.7 is not a share"));
        let e = DiagnosticsError::from(DataError::UnknownColumn {
            name: "Z".to_owned(),
            available: vec!["A".to_owned()],
        });
        assert_eq!(e.to_string(), "unknown column `Z` (columns are: A)");
    }
}
