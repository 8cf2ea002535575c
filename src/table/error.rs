//! The errors of publication tables.

use thiserror::Error;

/// A table that cannot be built or a format that does not exist.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum TableError {
    /// A row has another number of cells than the header has columns.
    #[error("row {row} has {found} cells, the header has {expected} columns")]
    RowWidth {
        /// The row's index (from 0, body rows then footer rows).
        row: usize,
        /// The number of columns of the header.
        expected: usize,
        /// The number of cells of the row.
        found: usize,
    },
    /// The alignments are not one per column.
    #[error("{found} alignments for {expected} columns")]
    AlignWidth {
        /// The number of columns of the header.
        expected: usize,
        /// The number of alignments given.
        found: usize,
    },
    /// An output format name that is none of `text`, `markdown`, `latex`, `html`.
    #[error("unknown table format `{0}` (expected text, markdown, latex or html)")]
    UnknownFormat(String),
}
