//! # fsqca: fuzzy-set Qualitative Comparative Analysis
//!
//! (The front page is written as the pipeline lands.)
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![forbid(unsafe_code)]

pub mod calibration;
pub mod data;
mod error;
pub mod expression;
pub mod fit;
pub mod minimize;
pub mod sets;
pub mod truth_table;

pub use crate::calibration::{
    CalibrationError, Crisp, Curve, DirectOptions, Direction, OrdinalCoding, Thresholds,
};
pub use crate::data::{DataError, Dataset, MissingValues};
pub use crate::error::{Error, Result};
pub use crate::expression::{Expression, ExpressionError, Literal, Relation, Statement};
pub use crate::fit::{FitError, Necessity, Sufficiency};
pub use crate::sets::{FuzzySet, SetError};
pub use crate::truth_table::{
    OutputValue, Row, SortKey, TruthTable, TruthTableError, TruthTableOptions,
};
