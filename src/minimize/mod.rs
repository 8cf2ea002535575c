//! Exact Boolean minimization: prime implicants, the prime implicant chart, and every minimal
//! model.
//!
//! The engine works on configurations, independent of truth tables: a
//! [`MinimizationProblem`] lists the positive configurations (to cover), the forbidden ones
//! (never to cover: negative rows and contradictions) and the don't-care policy for the
//! remainders ([`Remainders`]: none for the conservative solution, all for the parsimonious
//! one, a list for an intermediate one). [`MinimizationProblem::solve`] returns a
//! [`Minimized`]: the prime implicants, the [`PiChart`], the essential implicants and every
//! minimum cover (model), exactly, without an external solver.
//!
//! Methods: Quine (1952) and McCluskey (1956) for prime implicants and their chart
//! ([`quine_mccluskey`], the reference); a fast exact generator that never enumerates the
//! remainders ([`fast_prime_implicants`]), in the spirit of Dușa's consistency cubes
//! ("Consistency Cubes: a fast, efficient method for exact Boolean minimization", R Journal
//! 10(2), 2018); branch and bound for the covers, which give the same models as Petrick's
//! method (1956).
//!
//! # Conventions (checked against R QCA 3.25.1 on the reference data sets)
//! - Models: by default every cover of minimum size, as R QCA's `minimize()`;
//!   [`CoverSearch::Irredundant`] gives every irredundant cover of any size, as R's
//!   `all.sol = TRUE` (on `d.napoleon`, R's default returns `L` only and `all.sol` adds
//!   `C + ~A`, `~I + ~A`, `~N + ~A`). Row dominance is off by default, as R's `row.dom`.
//! - [`Minimized::essential`] lists the implicants that alone cover some positive
//!   configuration; R prints as "essential" the implicants common to all returned models,
//!   which is [`Minimized::in_every_model`] (they differ when one model is returned although
//!   no implicant is essential).
//! - Order: prime implicants by number of literals, then condition by condition on the level
//!   with a missing literal last (`~A < A < (no A)`); models by size, then lexicographically
//!   on their implicants' indices. This is R's order on every parsimonious solution of the
//!   reference data; on conservative solutions R orders some implicants of equal length
//!   differently (e.g. full-length terms), so compare those as sets.
//!
//! # Limits
//! Finding a minimum cover is NP-hard, and on charts with many thousands of implicant
//! classes whose minimum lies far above the linear-programming bound (noisy data with more
//! than about 20 conditions) no exact method finishes quickly. The engine never guesses
//! there: every limit ([`EngineOptions`]: models, prime implicants, search nodes) either
//! marks the result (truncated listing, [`Minimized::warning`]) or fails with a
//! [`MinimizeError`] that gives what was established (the size of the smallest model found
//! and the sizes ruled out). With [`EngineOptions::accept_unproven`], the smallest model
//! found is returned instead, flagged by [`Minimized::lower_bound`].
//!
//! # Example
//! ```
//! use fsqca::minimize::{EngineOptions, MinimizationProblem, Notation, Remainders};
//! // Conditions A, B, C. Positive: A*B*~C, A*B*C, ~A*B*C; negative: ~A*~B*~C, A*~B*~C.
//! let problem = MinimizationProblem::new(
//!     vec![2, 2, 2],
//!     vec![vec![1, 1, 0], vec![1, 1, 1], vec![0, 1, 1]],
//!     vec![vec![0, 0, 0], vec![1, 0, 0]],
//!     Remainders::All,
//! )?;
//! let solution = problem.solve(&EngineOptions::default())?;
//! assert_eq!(solution.model_expression(0, &["A", "B", "C"], Notation::Binary).as_deref(), Some("B"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
mod bits;
mod covers;
mod cubes;
mod error;
mod implicant;
mod minimized;
mod options;
mod pi_chart;
mod prime_implicants;
mod problem;
mod quine_mccluskey;
mod set_cover;
mod solve;

pub use bits::MAX_CONDITIONS;
pub use covers::Covers;
pub use cubes::CubeSet;
pub use error::{ConfigurationSet, MinimizeError};
pub use implicant::{Implicant, Notation};
pub use minimized::{EngineWarning, Minimized};
pub use options::{CoverSearch, EngineOptions, PrimeMethod};
pub use pi_chart::PiChart;
pub use prime_implicants::{fast_prime_implicants, useful_prime_implicants};
pub use problem::{MinimizationProblem, Remainders};
pub use quine_mccluskey::{quine_mccluskey, QMC_MAX_CONFIGURATIONS};
pub(crate) use set_cover::Relevance;
#[cfg(test)]
pub(crate) use solve::noisy_cases;
