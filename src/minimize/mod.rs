//! Boolean minimization (being written).

/// Errors raised by minimization.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum MinimizeError {
    /// The truth table has no positive row.
    #[error("no positive rows to minimize")]
    NoPositiveRows,
}
