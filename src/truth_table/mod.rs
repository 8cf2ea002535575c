//! Truth tables (being written).

/// Errors raised while building a truth table.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum TruthTableError {
    /// No condition was given.
    #[error("no conditions given")]
    NoConditions,
}
