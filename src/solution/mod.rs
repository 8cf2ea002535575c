//! QCA solutions: conservative, parsimonious and intermediate, from a truth table.
//!
//! A truth table's positive rows are the configurations sufficient for the outcome; Boolean
//! minimization rewrites their disjunction as a shorter, equivalent expression (Ragin 1987;
//! Quine 1952; McCluskey 1956). The solution types differ in what they assume about the
//! remainders, the configurations without enough cases (Ragin 2008; Schneider & Wagemann
//! 2012):
//!
//! - **conservative** (complex): no remainder is used;
//! - **parsimonious**: any remainder may be used where it simplifies (the remainders used are
//!   the model's *simplifying assumptions*);
//! - **intermediate**: only the *easy counterfactuals*, remainders consistent with the
//!   researcher's [`DirectionalExpectations`] (Ragin & Sonnett 2005).
//!
//! Every minimal model is returned (model ambiguity), with its fit and the cases each term
//! covers. The Boolean work is done by the exact engine in [`crate::minimize`].
//!
//! # Intermediate solutions
//! As in R QCA (Dușa 2019), an intermediate model is derived for every pair of a conservative
//! model C and a parsimonious model P. For each term c of C and each term p of P that contains
//! it, the expectations that c does not already satisfy are relaxed (their conditions freed);
//! the remainders inside that relaxed cube and inside p are the easy counterfactuals. The
//! positive rows plus the easy counterfactuals are minimized, and the prime implicant chart is
//! solved against the positive rows. The parsimonious model's other simplifying assumptions
//! are the difficult counterfactuals.
//!
//! Nothing is enumerated: the easy counterfactuals are held as those cubes
//! ([`Counterfactuals`], a [`CubeSet`](crate::minimize::CubeSet)), and the minimization
//! allows the remainders inside them
//! ([`Remainders::Within`](crate::minimize::Remainders::Within)), so an intermediate solution
//! works for every number of conditions the parsimonious one does. Simplifying assumptions,
//! easy and difficult counterfactuals give their cubes and row ids up to limits
//! ([`SolutionOptions::cube_limit`], [`SolutionOptions::row_limit`]) and the exact number of
//! each. The models of a solution share their terms (each term's expression, fit and cases
//! are held once), so that thousands of models of hundreds of terms fit in memory.
//!
//! # Example
//! ```
//! use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
//!
//! let data = Dataset::from_columns([
//!     ("A", vec![1.0, 1.0, 0.0, 1.0, 0.0]),
//!     ("B", vec![1.0, 1.0, 1.0, 0.0, 0.0]),
//!     ("C", vec![1.0, 0.0, 1.0, 1.0, 0.0]),
//!     ("Y", vec![1.0, 1.0, 0.0, 0.0, 0.0]),
//! ])?;
//! let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B", "C"])?;
//! let conservative = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
//! assert_eq!(conservative.models()[0].expression().to_string(), "A*B");
//! let intermediate = SolutionOptions::new(SolutionType::Intermediate)
//!     .directional_expectations("A, B, C".parse()?)
//!     .solve(&tt)?;
//! assert_eq!(intermediate.models()[0].expression().to_string(), "A*B");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod counterfactuals;
mod derive;
mod error;
mod expectations;
mod options;
mod result;
mod solution_type;
mod warning;

pub(crate) use counterfactuals::Limits;
pub use counterfactuals::{Counterfactuals, DEFAULT_CUBE_LIMIT, DEFAULT_ROW_LIMIT};
pub use error::SolutionError;
pub use expectations::DirectionalExpectations;
pub use options::SolutionOptions;
pub use result::{Model, ModelOrigin, Solution, Term};
pub use solution_type::SolutionType;
pub use warning::SolutionWarning;
