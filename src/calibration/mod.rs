//! Calibration: from raw values to set memberships (being written).

/// Errors raised by calibration.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CalibrationError {
    /// A value to calibrate is NaN.
    #[error("value {index} is NaN")]
    NaN {
        /// 0-based position.
        index: usize,
    },
}
