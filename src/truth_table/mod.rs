//! Truth tables: configurations of conditions, their cases and their consistency with an outcome.
//!
//! A truth table (Ragin 1987, 2008) lists the configurations (corners of the property space) of
//! k conditions: 2^k for binary conditions, the product of the numbers of levels with
//! multi-value ones. Every case belongs to the one configuration where its membership exceeds
//! 0.5; a case with a membership of exactly 0.5 in some condition belongs to none and is
//! reported by [`TruthTable::half_membership_cases`]. Each row gets its number of cases `n`, its
//! sufficiency inclusion `incl` and its PRI, computed over *all* cases as R QCA's
//! `truthTable()` does (Dușa 2019), and an output value from the cut-offs of
//! [`TruthTableOptions`].
//!
//! Row ids follow R QCA: the 1-based row number of the configuration in the complete table,
//! first condition most significant.

mod build;
mod display;
mod error;
mod index;
mod options;
#[cfg(feature = "serde")]
mod repr;
mod row;
mod row_id;
mod sums;
mod table;

pub use crate::data::MAX_LEVELS;
pub use crate::minimize::MAX_CONDITIONS;
pub use build::MAX_COMPLETE_ROWS;
pub use error::TruthTableError;
pub use options::{SortKey, TruthTableOptions};
pub use row::{OutputValue, Row};
pub use row_id::RowIds;
pub use table::TruthTable;

#[cfg(test)]
mod tests;
