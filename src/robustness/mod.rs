//! Robustness sweeps: how stable is a solution under the researcher's choices?
//!
//! QCA results hinge on choices: calibration thresholds, the inclusion and frequency cut-offs.
//! A robustness test re-runs the analysis under other plausible choices and compares the
//! solutions (Oana & Schneider 2024; the R package SetMethods' `rob.*` functions). Here an
//! [`Analysis`] (raw data, a calibration per condition, outcome, cut-offs, solution type) is
//! re-run over [`ParameterGrid`]s, one parameter at a time: each anchor of each condition's
//! thresholds moved over a grid ([`Analysis::threshold_grid`]: e.g. ±20% of the raw range in
//! 20 steps), the inclusion, frequency or PRI cut-off over a range. The variants run in
//! parallel (rayon, with the `parallel` feature) and come back in grid order, identical to a
//! serial run.
//!
//! Oana & Schneider build the test set from a few *plausible* alternative analyses: a
//! [`TestSet`] names them, each an [`Alternative`] that changes any of the baseline's choices
//! (anchors or the raw column of a calibration, cut-offs, solution type, cases dropped or
//! added), and [`Analysis::sweep_test_set`] runs them in parallel, in order; with the `serde`
//! feature a test set reads from a TOML or JSON file ([`TestSet::from_toml`]). The measures
//! always compare the baseline's cases (see [`Analysis::sweep_test_set`] for dropped and added
//! cases), and the [`Summary`] says which test set it used ([`TestSetUsed`]).
//!
//! The [`Sweep`] holds every [`Variant`]'s solution and fit; its [`Summary`] gives
//!
//! - per parameter the **sensitivity range**: the values around the baseline over which the
//!   solution stays the baseline's ([`SensitivityRange`]);
//! - the **robust core** as terms: the terms in every model of every variant's solution; and
//!   as Oana & Schneider's fuzzy set RC = IS ∩ TS_min ([`Sweep::robust_core`]), with the
//!   minimal and maximal test sets ([`Sweep::minimal_test_set`], [`Sweep::maximal_test_set`]);
//! - Oana & Schneider's **robustness fit** parameters RF_cov, RF_cons, RF_SC
//!   ([`RobustnessFit`]), and how each baseline term fares ([`TermRobustness`]).
//!
//! The **case-oriented robustness** of the protocol ([`CaseRobustness`], SetMethods'
//! `rob.cases`, `rob.corefit`, `rob.singletest`) works from any initial solution and test
//! solutions given as memberships ([`CaseRobustness::new`]), or from a sweep
//! ([`Sweep::case_robustness`]): the eight [`CaseType`]s, the robust case ratios and
//! [`RccRank`], each test alone ([`SingleTest`]) and the fit of the robust core.
//! [`TestSetReading`] chooses every test (the protocol) or, for replication, SetMethods'
//! first and last.
//!
//! # Example
//! ```
//! use fsqca::calibration::Thresholds;
//! use fsqca::robustness::{Analysis, Parameter, ParameterGrid};
//! use fsqca::{Dataset, TruthTableOptions};
//!
//! let data = Dataset::from_reader(
//!     "case,gdp,DEM,Y\na,21000,1,0.9\nb,18500,1,0.8\nc,4000,1,0.3\nd,2500,0,0.1\ne,19500,0,0.4\n"
//!         .as_bytes(),
//! )?;
//! let analysis = Analysis::new(data, "Y")
//!     .condition("gdp", Thresholds::new(2500.0, 5000.0, 20000.0)?)
//!     .membership_condition("DEM")
//!     .truth_table_options(TruthTableOptions::default().incl_cutoff(0.8));
//! let mut grids = analysis.threshold_grids(0.2, 21)?;
//! grids.push(ParameterGrid::span(Parameter::InclCut, 0.7, 0.95, 11)?);
//! let sweep = analysis.sweep(&grids)?;
//! assert_eq!(sweep.variants().len(), 3 * 21 + 11);
//! let summary = sweep.summary();
//! assert_eq!(summary.baseline, ["gdp*DEM".parse()?]);
//! println!("{summary}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Reference
//! Oana, I.-E. & Schneider, C. Q. (2024). A Robustness Test Protocol for Applied QCA: Theory
//! and R Software Application. *Sociological Methods & Research* 53(1), 57–88. The method
//! follows the paper; SetMethods (Oana & Schneider) is credited for its R implementation, whose
//! code is not used here.

mod analysis;
mod cases;
mod error;
mod grid;
mod summary;
mod sweep;
mod test_set;

pub use crate::calibration::Anchor;
pub use analysis::{Analysis, Calibration};
pub use cases::{
    CaseRobustness, CaseType, CaseTypeGroup, RccRank, SingleTest, SolutionSet, TestSetReading,
};
pub use error::{CaseRobustnessError, RobustnessError};
pub use grid::{Parameter, ParameterGrid, MAX_VARIANTS};
pub use summary::{
    GridUsed, RobustnessFit, SensitivityRange, Summary, TermRobustness, TestSetUsed,
};
pub use sweep::{SkipReason, Sweep, Variant, VariantResult, VariantSource};
pub use test_set::{AddedCase, Alternative, Recalibration, TestSet};
