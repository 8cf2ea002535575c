//! Parameters of fit: how well a set relation holds.
//!
//! For a condition (or any expression) X and an outcome Y, both membership vectors over the
//! same cases (Ragin 2006, 2008; Schneider & Wagemann 2012; definitions as R QCA's `pof()`,
//! Dușa 2019):
//!
//! | measure | formula |
//! |---|---|
//! | sufficiency inclusion (consistency) | Σ min(X, Y) / Σ X |
//! | PRI | (Σ min(X, Y) - Σ min(X, Y, 1 - Y)) / (Σ X - Σ min(X, Y, 1 - Y)) |
//! | sufficiency coverage | Σ min(X, Y) / Σ Y |
//! | necessity inclusion | Σ min(X, Y) / Σ Y |
//! | relevance of necessity (RoN) | Σ (1 - X) / Σ (1 - min(X, Y)) |
//! | necessity coverage | Σ min(X, Y) / Σ X |
//! | unique coverage of a solution's term j | cov(solution) - cov(solution without term j) |
//!
//! A measure whose denominator is zero is undefined: `None`, never NaN.
//!
//! The module also builds R QCA's necessity table (every condition and its negation, or every
//! level of a multi-value condition) and searches for necessary disjunctions or sufficient
//! conjunctions like R QCA's `superSubset()` ([`SuperSubsetOptions`]).

mod error;
mod measures;
mod necessity_table;
mod outcome;
mod solution;
mod super_subset;

pub(crate) use error::check_cutoffs;
pub use error::{CutoffError, FitError};
pub use measures::{necessity, necessity_of, sufficiency, sufficiency_of, Necessity, Sufficiency};
pub(crate) use measures::{reaches, Sums};
pub use necessity_table::{necessity_table, ConditionFit};
pub use outcome::IntoOutcome;
pub use solution::{solution, SolutionFit, TermFit};
pub(crate) use solution::{term_of_set, TermUnion};
pub use super_subset::{SuperSubsetOptions, MAX_SEARCH_CANDIDATES};

#[cfg(test)]
mod tests;
