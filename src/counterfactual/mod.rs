//! Counterfactual analysis: which remainders a solution may assume positive, and which it
//! may not.
//!
//! Every parsimonious or intermediate solution rests on counterfactuals, the remainders the
//! minimization assumes positive (its simplifying assumptions). Good practice (Schneider &
//! Wagemann 2012, ch. 8; Oana, Schneider & Thomann 2021) keeps out untenable and impossible
//! remainders, remainders that contradict a necessary condition and contradictory simplifying
//! assumptions (the same remainder assumed for the outcome and for its negation): the
//! Enhanced Standard Analysis (ESA). This module gives:
//!
//! - [`Exclusions`]: remainders kept out of the minimization, by Boolean expression
//!   (`~NEC`, `A*~B`) and by row id (R QCA's `exclude`, Dușa 2019);
//! - [`Esa`]: the exclusions of the ESA from the necessity analysis.
//!
//! # Example
//! ```
//! use fsqca::counterfactual::{Esa, Exclusions};
//! use fsqca::Dataset;
//!
//! let data = Dataset::from_columns([
//!     ("A", vec![1.0, 1.0, 0.0]),
//!     ("B", vec![1.0, 0.0, 1.0]),
//!     ("Y", vec![1.0, 1.0, 0.0]),
//! ])?;
//! // A is necessary for Y: ESA excludes the remainders with ~A, and A*~B is untenable.
//! let exclusions = Esa::new()
//!     .exclusions(&data, "Y", &["A", "B"])?
//!     .merge("A*~B".parse::<Exclusions>()?);
//! assert_eq!(exclusions.to_string(), "~A, A*~B");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cubes;
mod error;
mod esa;
mod exclusion;
mod exclusion_error;
mod find_rows;
mod intersect;
mod row_set;

pub use error::CounterfactualError;
pub use esa::Esa;
pub(crate) use exclusion::split_items;
pub use exclusion::Exclusions;
pub use exclusion_error::ExclusionError;
pub use find_rows::{FindRows, RowType};
pub use intersect::common_counterfactuals;
pub use row_set::RowSet;
