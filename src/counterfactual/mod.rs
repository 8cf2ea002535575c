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
//!   (`~NEC`, `A*~B`) and by row id (R QCA's `exclude`, Dușa 2019), read from text as
//!   `"~NEC, A*~B, 12"`;
//! - [`Esa`]: the exclusions of the ESA from the necessity analysis (`~NEC` for each
//!   necessary condition at the researcher's inclN and RoN cut-offs), or for the conditions
//!   the researcher names, checked;
//! - [`FindRows`]: R QCA's `findRows`: remainders matching an expression (untenable
//!   combinations, type 1), contradictory simplifying assumptions (CSA, type 2),
//!   simultaneous subset relations (SSR, type 3), all three (type 0);
//! - [`common_counterfactuals`]: the simplifying assumptions or easy counterfactuals two
//!   solutions share (SetMethods' `LR.intersect`, Oana & Schneider).
//!
//! Every set of rows is held symbolically, as cubes ([`CubeSet`](crate::minimize::CubeSet)),
//! and counted exactly: memory grows with the cubes, never with the 2^k configurations.
//! Row ids (R QCA's numbering, first condition most significant) are listed on request up
//! to a limit: what a search finds is a [`Counterfactuals`](crate::solution::Counterfactuals),
//! the type of a model's simplifying assumptions too. The ids feed the next step's
//! exclusions.
//!
//! # Differences from R QCA and SetMethods
//! - SetMethods' `esa()` also sets *observed* rows negative when a necessary condition is
//!   false on them, ignores mixed-sign conjunctions of three literals, and changes no
//!   remainder from 8 conditions up (its `tt$tt` then holds only the observed rows). [`Esa`]
//!   excludes remainders only, reads every expression, and works at any size; observed rows
//!   are set negative only when asked for (R QCA's `exclude` on observed rows, SetMethods'
//!   `contrad_rows`).
//! - R QCA's `findRows` type 1 returns the configurations without any case; fsqca returns
//!   every remainder, including rows with fewer cases than the frequency cut-off, which the
//!   minimization uses as remainders too.
//! - SetMethods' `LR.intersect` fails when a solution has 10 or more models; here any model
//!   of any solution can be chosen.
//!
//! # Example: do Khanal et al.'s parsimonious paths rest on contradictory assumptions?
//! Khanal et al. (the replication in `examples/khanal`) explain the intensity of a policy
//! across 30 Chinese provinces by enterprise capacity, universities, GDP per capita and
//! political power. With the memberships printed in their Appendix A and an inclusion
//! cut-off of 0.85, both parsimonious models of the intensity rest on the remainder
//! `enterprise*~university*gdppc*power` (row 12), and the parsimonious solution of its
//! negation assumes the same remainder: a contradictory simplifying assumption. Excluding
//! it (ESA) leaves one model. The replication's own conditions, calibrated from the ranks
//! of the paper's Table 2, give another answer (rows 4 and 11, one under each model): see
//! the [crate documentation](crate#counterfactuals-and-the-enhanced-standard-analysis) and
//! the example's output.
//!
//! ```
//! use fsqca::counterfactual::{FindRows, RowType};
//! use fsqca::solution::{SolutionOptions, SolutionType};
//! use fsqca::{Dataset, TruthTableOptions};
//!
//! let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/khanal/appendix_a_printed.csv");
//! let data = Dataset::from_path(path)?;
//! let conditions = ["enterprise", "university", "gdppc", "power"];
//! let tt = TruthTableOptions::default()
//!     .incl_cutoff(0.85)
//!     .build(&data, "policy_intensity", &conditions)?;
//! let csa = FindRows::new().find(&tt, RowType::Csa)?;
//! assert_eq!(csa.rows(), [12]);
//! assert_eq!(csa.cubes()[0].to_string(), "enterprise*~university*gdppc*power");
//!
//! let parsimonious = SolutionOptions::new(SolutionType::Parsimonious);
//! let before = parsimonious.solve(&tt)?;
//! assert_eq!(before.models().len(), 2);
//! for model in before.models() {
//!     // Each model assumes row 12.
//!     assert!(model.simplifying_assumptions().rows().contains(&12));
//! }
//! let after = parsimonious.exclude(csa.rows().to_vec()).solve(&tt)?;
//! assert_eq!(after.models().len(), 1);
//! assert!(!after.models()[0].simplifying_assumptions().rows().contains(&12));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: ESA and untenable combinations
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

mod csa;
mod cubes;
mod error;
mod esa;
mod exclusion;
mod exclusion_error;
mod find_rows;
mod intersect;

pub(crate) use cubes::TableSpace;
pub use error::CounterfactualError;
pub use esa::Esa;
pub(crate) use exclusion::split_items;
pub use exclusion::Exclusions;
pub use exclusion_error::ExclusionError;
pub use find_rows::{FindRows, RowType};
pub use intersect::common_counterfactuals;
