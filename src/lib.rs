//! # fsqca: fuzzy-set Qualitative Comparative Analysis
//!
//! Qualitative Comparative Analysis (QCA; Ragin 1987, 2000, 2008) asks which *combinations* of
//! conditions are necessary or sufficient for an outcome, across a small or medium number of
//! cases. It works with sets: every case has a degree of membership in every condition and in
//! the outcome, from 0 (fully out) through 0.5 (neither in nor out) to 1 (fully in). This crate
//! implements the whole fuzzy-set QCA pipeline, and checks its numbers against the reference
//! implementation, Dușa's R package QCA (3.25).
//!
//! ## Contents
//! 1. [The method in five steps](#the-method-in-five-steps)
//! 2. [An end-to-end example](#an-end-to-end-example)
//! 3. [Counterfactuals and the Enhanced Standard Analysis](#counterfactuals-and-the-enhanced-standard-analysis)
//! 4. [Robustness and plots](#robustness-and-plots)
//! 5. [Case selection](#case-selection)
//! 6. [Which API should I use?](#which-api-should-i-use)
//! 7. [API themes](#api-themes)
//! 8. [Crate features](#crate-features)
//!
//! ## The method in five steps
//!
//! 1. **Data** ([`Dataset`]): one row per case, one column per raw measure or set. Read it
//!    from CSV ([`Dataset::from_path`], or [`CsvOptions`] for another delimiter, missing-value
//!    tokens or label column) or build it from columns. The reader refuses damaged files with
//!    the line, keeps text columns for what they are, and takes no column as a multi-value
//!    condition unless told ([`Dataset::with_multi_value`]).
//! 2. **Calibration** ([`calibration`]): raw values become memberships with qualitative
//!    anchors. The *direct method* (Ragin 2008) places full exclusion `e`, the crossover `c`
//!    and full inclusion `i` on the raw scale and fits a logistic (or linear) curve through
//!    them; crisp sets use thresholds; ordinal codings use a table.
//! 3. **Truth table** ([`TruthTableOptions`], [`TruthTable`]): with k conditions there are
//!    2^k configurations (corners of the property space). Each case belongs to the corner
//!    where its membership is above 0.5. For each observed corner the table gives the number of
//!    cases `n`, its *consistency* with the outcome (sufficiency inclusion, `incl`) and `PRI`
//!    (proportional reduction in inconsistency). A cut-off on `incl` (and `n`, `PRI`) makes a
//!    row positive (`1`), negative (`0`), a contradiction (`C`) or a remainder (`?`).
//! 4. **Minimization** ([`solution`], engine in [`minimize`]): the disjunction of the
//!    positive rows is rewritten as the shortest equivalent sums of products (Quine 1952;
//!    McCluskey 1956; Dușa 2018). The *conservative* solution uses no remainder, the
//!    *parsimonious* one any remainder that simplifies, the *intermediate* one only the
//!    remainders consistent with the researcher's directional expectations. Every equally
//!    short model is returned.
//! 5. **Parameters of fit** ([`fit`]): how well an expression such as `E*~U + G`
//!    ([`Expression`]) is a subset (sufficiency: inclusion, PRI, coverage, unique coverage,
//!    Haesebrouck's consistency and PRODUCT) or a superset (necessity: inclusion, relevance,
//!    coverage) of the outcome.
//!
//! ## An end-to-end example
//!
//! ```
//! use fsqca::{
//!     fit, Dataset, DirectOptions, Expression, SolutionOptions, SolutionType, Thresholds,
//!     TruthTableOptions,
//! };
//!
//! // 1. Raw data: GDP per capita, a crisp democracy indicator and the outcome.
//! let data = Dataset::from_reader(
//!     "case,gdp,DEM,Y
//!      a,21000,1,0.9
//!      b,18500,1,0.8
//!      c,4000,1,0.3
//!      d,2500,0,0.1
//!      e,19500,0,0.4
//!      f,3000,0,0.2"
//!         .as_bytes(),
//! )?;
//! // 2. Calibrate GDP: fully out at 2,500, crossover 5,000, fully in at 20,000 (Ragin 2008).
//! let rich = DirectOptions::new().calibrate(data.column("gdp")?, Thresholds::new(2500.0, 5000.0, 20000.0)?)?;
//! let data = data.with_column("RICH", rich)?;
//! // 3. The truth table of RICH and DEM for Y, with an inclusion cut-off of 0.8.
//! let tt = TruthTableOptions::default().incl_cutoff(0.8).build(&data, "Y", &["RICH", "DEM"])?;
//! println!("{tt}");
//! // 4. The conservative solution.
//! let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
//! let model = &solution.models()[0];
//! assert_eq!(model.expression().to_string(), "RICH*DEM");
//! // 5. Its fit, and that of any other expression.
//! assert!(model.fit().incl.is_some_and(|incl| incl > 0.8));
//! let other: Expression = "RICH + DEM".parse()?;
//! let suff = fit::sufficiency_of(&other, &data, "Y")?;
//! assert!(suff.incl.is_some_and(|incl| incl < 0.8));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Counterfactuals and the Enhanced Standard Analysis
//!
//! Social data are limited in diversity: most of the 2^k configurations of k conditions have
//! no case. These configurations are the **remainders** (`?` rows of the truth table). The
//! parsimonious solution lets the minimization assume any remainder positive when that makes
//! a model shorter; the remainders a model so assumes are its **simplifying assumptions**
//! (counterfactuals: claims about cases nobody observed). The intermediate solution (Ragin &
//! Sonnett 2005; Ragin 2008) keeps only the **easy counterfactuals**, the simplifying
//! assumptions in line with the researcher's directional expectations (`A` present leads to
//! the outcome); the others are **difficult counterfactuals**. Schneider & Wagemann (2012,
//! ch. 8; 2013) show that a counterfactual can be a poor claim however easy it looks, and ask
//! the researcher to keep three kinds out of the minimization, the **Enhanced Standard
//! Analysis** (ESA):
//!
//! - **untenable** assumptions: remainders that cannot exist or make no sense (`A*~B` when
//!   `A` implies `B`), and remainders that contradict a **necessary condition** (`~NEC`: if
//!   the outcome needs `NEC`, no configuration without it can be sufficient);
//! - **contradictory simplifying assumptions** (CSA): the same remainder assumed positive in
//!   the parsimonious solution of the outcome and in that of its negation;
//! - observed rows that the researcher rules out, such as **simultaneous subset relations**
//!   (SSR: rows consistent with the outcome and with its negation).
//!
//! Dușa's R package QCA finds these rows with `findRows` (types 1, 2, 3 and 0 for all three)
//! and drops them with `exclude` (Dușa 2019); SetMethods builds the ESA exclusions from the
//! necessary conditions (`esa`) and intersects the counterfactuals of two solutions
//! (`LR.intersect`; Oana, Schneider & Thomann 2021). In fsqca:
//!
//! - every set of rows (the remainders, a model's simplifying assumptions, an intermediate
//!   model's easy and difficult counterfactuals, the rows a search finds) is a
//!   [`solution::Counterfactuals`]: a union of cubes (implicants, `A*~B`) with its exact
//!   count, whose R QCA row ids are listed on request up to a limit. Nothing is enumerated
//!   row by row, so memory grows with the cubes, never with the 2^k configurations, and the
//!   intermediate solution and the searches work for every number of conditions the
//!   parsimonious solution does;
//! - [`counterfactual::FindRows`] finds the rows ([`counterfactual::RowType`]: remainders
//!   matching an expression, CSA, SSR, all), [`counterfactual::common_counterfactuals`] the
//!   counterfactuals two solutions share (`LR.intersect`);
//! - remainders are excluded by expression ([`SolutionOptions::exclude_expressions`]: `~NEC`,
//!   `A*~B`) and by row id ([`SolutionOptions::exclude`], what a search found), observed rows
//!   are set negative explicitly ([`SolutionOptions::negative_rows`]), and
//!   [`counterfactual::Esa`] gives the ESA exclusions of the conditions necessary at the
//!   researcher's inclN and RoN cut-offs ([`counterfactual::Exclusions`] reads a list such as
//!   `"~NEC, A*~B, 12"`). Excluding every remainder gives the conservative solution.
//!
//! fsqca does not reproduce the known failures of the R packages (listed in the
//! [counterfactual module's differences](counterfactual#differences-from-r-qca-and-setmethods)):
//! SetMethods' `esa` sets observed rows negative, ignores some expressions and, from 8
//! conditions up, excludes no remainder at all, without a word (its bug SM3 in fsqca's
//! reference data); its `LR.intersect` fails with 10 or more models (SM11); R QCA's
//! `findRows` type 1 leaves out the rows with fewer cases than the frequency cut-off, which
//! the minimization nevertheless uses as remainders.
//!
//! **Example: Khanal et al.** The replication in `examples/khanal` explains the diffusion,
//! intensity and breadth of a policy across 30 Chinese provinces by enterprise capacity (`E`),
//! universities (`U`), GDP per capita (`G`) and political power (`P`), calibrated from the
//! ranks of the paper's Table 2 (inclusion cut-off 0.85). Do its parsimonious paths rest on
//! contradictory simplifying assumptions? For diffusion and breadth, no. For intensity, yes,
//! each model on one: the parsimonious models are `E*~U*G + U*G*~P` (M1) and
//! `~U*G*P + U*G*~P` (M2), and the solution of the negated intensity assumes two of their
//! remainders too, row 4 (`~E*~U*G*P`), on which M2's path `~U*G*P` rests, and row 11
//! (`E*~U*G*~P`), on which M1's path `E*~U*G` rests; the common path `U*G*~P` and the
//! conservative solution rest on none. The example prints these rows (`cargo run --example
//! khanal`). With the condition memberships printed in the paper's Appendix A (which differ
//! from Table 2's ranks) the answer differs: both models rest on row 12, as the
//! [counterfactual module's example](counterfactual#example-do-khanal-et-als-parsimonious-paths-rest-on-contradictory-assumptions)
//! shows.
//!
//! ```
//! use fsqca::counterfactual::{Esa, FindRows, RowType};
//! use fsqca::{Dataset, SolutionOptions, SolutionType, TruthTableOptions};
//!
//! // A*B is positive, ~A*~B negative; ~A*B (row 2) and A*~B (row 3) are remainders.
//! let data = Dataset::from_columns([
//!     ("A", vec![1.0, 0.0]),
//!     ("B", vec![0.6, 0.0]),
//!     ("Y", vec![1.0, 0.0]),
//! ])?;
//! let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
//! let parsimonious = SolutionOptions::new(SolutionType::Parsimonious);
//! let models = parsimonious.solve(&tt)?;
//! // `A` assumes row 3 and `B` row 2; the negation's `~A` and `~B` assume them too.
//! let sa = models.models()[0].simplifying_assumptions();
//! assert_eq!((sa.count(), sa.rows()), (1, vec![3]));
//! let csa = FindRows::new().find(&tt, RowType::Csa)?;
//! assert_eq!(csa.rows(), [2, 3]);
//! // Without the contradictory assumptions: the conservative model.
//! let without = parsimonious.clone().exclude(csa.rows()).solve(&tt)?;
//! assert_eq!(without.models()[0].expression().to_string(), "A*B");
//! // ESA: A is necessary for Y (B is not: inclN 0.6), so the remainders with ~A (row 2)
//! // are untenable.
//! let esa = Esa::new().exclusions(&data, "Y", &["A", "B"])?;
//! assert_eq!(esa.to_string(), "~A");
//! let with_esa = parsimonious.exclude_expressions(esa.expressions().to_vec()).solve(&tt)?;
//! assert_eq!(with_esa.models().len(), 1);
//! assert_eq!(with_esa.models()[0].expression().to_string(), "A");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Robustness and plots
//!
//! QCA results hinge on calibration thresholds and cut-offs. [`robustness`] re-runs an
//! [`robustness::Analysis`] over grids of those parameters, one at a time and in parallel, and
//! summarises how stable the solution is: the sensitivity range of each parameter, the robust
//! core, and the robustness fit parameters of Oana & Schneider (2024), whose protocol the R
//! package SetMethods implements, and the case-oriented robustness of the protocol
//! ([`robustness::CaseRobustness`]: robust, shaky and possible cases). `plot` (feature `plot`)
//! draws, as SVG, the XY plot of any expression against the outcome, the chart of a sweep and
//! the robustness XY plot.
//!
//! For papers, [`table`] writes truth tables, solutions, fit and necessity tables as Markdown,
//! LaTeX (booktabs) or HTML, and [`chart`] builds the configuration chart of Fiss (2011) from
//! an intermediate and a parsimonious solution: core and peripheral conditions, as text,
//! Markdown, LaTeX, HTML or SVG.
//!
//! ## Case selection
//!
//! After the analysis, [`cases`] selects the cases to study in depth (set-theoretic
//! multi-method research, Schneider & Rohlfing 2013, 2016; Schneider 2024): typical, deviant
//! and individually irrelevant cases of a solution or a necessary condition, and pairs of them
//! for comparison, ranked as the R package SetMethods ranks them.
//!
//! ## Which API should I use?
//!
//! - **The pipeline** (the crate root): for a QCA study. Read or build a [`Dataset`],
//!   calibrate ([`DirectOptions`], [`Crisp`], [`calibration`]), build a [`TruthTable`] with
//!   [`TruthTableOptions`], solve it with [`SolutionOptions`] (conservative, parsimonious or
//!   intermediate, as [`SolutionType`]), and measure any [`Expression`] with [`fit`]. Every
//!   type a study needs is re-exported at the root: one `use fsqca::{..}` is enough.
//! - **The engine** ([`minimize`]): for exact Boolean minimization without a truth table, on
//!   configurations you give ([`minimize::MinimizationProblem`]), or to tune the search
//!   ([`minimize::EngineOptions`], which a [`SolutionOptions`] also takes through
//!   [`SolutionOptions::engine`]). Its types stay under `fsqca::minimize`.
//! - **Robustness** ([`robustness`]) and **plots** (`plot`, with the `plot` feature) build on
//!   the pipeline.
//! - **Calibration diagnostics** ([`diagnostics`]): after calibrating, how skewed each set
//!   is and which cases sit at exactly 0.5 (SetMethods' `skew.check` and `ambig.cases`).
//! - **Panel data** ([`cluster`]): whether a solution found on pooled cases holds within each
//!   unit and in each period (SetMethods' `cluster()`).
//!
//! ## API themes
//!
//! - **Validate once, at the boundary.** Constructors and option values check their input
//!   ([`FuzzySet::new`], [`calibration::Thresholds::new`], [`TruthTableOptions::build`]); what
//!   they return is valid, and the operations on it do not fail on membership values.
//! - **Options values with documented defaults.** [`TruthTableOptions`],
//!   [`calibration::DirectOptions`], [`solution::SolutionOptions`] take by-value setters and
//!   end in a terminal call (`build`, `calibrate`, `solve`) that borrows them, so one options
//!   value serves many analyses. Defaults are those of R QCA. Options that wrap others compose
//!   them instead of copying their knobs: the engine's limits, row dominance and R's `all.sol`
//!   ([`minimize::CoverSearch::Irredundant`]) are given to a solution as one
//!   [`minimize::EngineOptions`] through [`solution::SolutionOptions::engine`]. Every options
//!   type (those, [`fit::SuperSubsetOptions`] and [`robustness::Analysis`]) reads each option
//!   back with `get_` and its setter's name (`max_models` / `get_max_models`), lists its
//!   options in a table, and checks them with one verb, `validate`, which its terminal call runs
//!   first; no value is changed silently.
//! - **Errors, never panics.** Every fallible function returns a `Result`; each concern has its
//!   own error type ([`DataError`], [`SetError`], [`CalibrationError`], [`ExpressionError`],
//!   [`TruthTableError`], [`FitError`], [`minimize::MinimizeError`],
//!   [`solution::SolutionError`], [`robustness::RobustnessError`],
//!   [`diagnostics::DiagnosticsError`], and `plot::PlotError`
//!   with the `plot` feature) carrying the offending value, and [`Error`] wraps them all.
//!   Errors are layered: a stage's function returns its own error, which wraps exactly the
//!   lower stages' errors it can meet and keeps them as its
//!   [`source`](std::error::Error::source) (`TruthTableOptions::build` returns a
//!   [`TruthTableError`], whose `Data` variant holds the [`DataError`] of an unknown column;
//!   `Expression::evaluate` returns the [`DataError`] alone, the only kind it can meet;
//!   `SolutionOptions::solve` returns a [`solution::SolutionError`], whose `Minimize` variant
//!   holds the engine's [`minimize::MinimizeError`]; every function of [`robustness`] returns
//!   a [`robustness::RobustnessError`], wrapping the data's, calibration's, truth table's and
//!   solution's errors). A wrapping variant prints the lower error's message unchanged and
//!   returns it as its `source()`. No library module returns [`Error`]: it is for callers who
//!   want one type, and every stage's error converts into it with `?`.
//! - **Undefined is not a number.** A measure whose denominator is zero is `None`, never NaN.
//! - **Results expose the intermediate work**: truth-table rows with their cases, prime
//!   implicants, essential ones, simplifying assumptions and counterfactuals.
//! - **Expressions read and print as users write them**: `A*~B + C`, `DEV[2]`, `A*B -> Y`.
//!
//! ## Crate features
//!
//! All on by default but `serde`; the analysis itself (data, calibration, truth tables,
//! minimization, fit, robustness) needs none of them:
//! `fsqca = { version = "0.1", default-features = false }` builds it alone.
//!
//! - `plot` (default): the `plot` module, SVG pictures of set relations and sweeps
//!   (plotters), and the `Error::Plot` variant.
//! - `parallel` (default): robustness sweeps ([`robustness::Analysis::sweep`]), the blocks of
//!   large CSV files and the per-row sums of large truth tables run on several threads
//!   (rayon). Without it they run on the calling thread; the results are the same, to the bit.
//! - `cli` (default): the `fsqca` command-line tool (clap, serde_json); implies `serde`,
//!   `plot` and `parallel`.
//! - `serde`: `Serialize` / `Deserialize` for the data and result types (a solution, its
//!   models, terms and counterfactuals are `Serialize` only: their JSON lists the sets up to
//!   their limits, a report that is not read back).
//!
//! ## References
//! - Beasley, J. E. (1987). An algorithm for set covering problem. *European Journal of
//!   Operational Research* 31(1). (Lagrangian bounds for the minimum cover search.)
//! - Beasley, J. E. (1990). A Lagrangian heuristic for set-covering problems. *Naval Research
//!   Logistics* 37(1). (The Lagrangian dives that give the search its first cover.)
//! - Caprara, A., Fischetti, M. & Toth, P. (1999). A heuristic method for the set covering
//!   problem. *Operations Research* 47(5). (The pricing core of the subgradient iterations.)
//! - Held, M., Wolfe, P. & Crowder, H. P. (1974). Validation of subgradient optimization.
//!   *Mathematical Programming* 6.
//! - Murakami, K. & Uno, T. (2014). Efficient algorithms for dualizing large-scale
//!   hypergraphs. *Discrete Applied Mathematics* 170.
//! - Oana, I.-E., Schneider, C. Q. & Thomann, E. (2021). *Qualitative Comparative Analysis
//!   Using R: A Beginner's Guide*. Cambridge University Press.
//! - Oana, I.-E. & Schneider, C. Q. (2024). A Robustness Test Protocol for Applied QCA: Theory
//!   and R Software Application. *Sociological Methods & Research* 53(1).
//! - Dușa, A. (2018). Consistency Cubes: a fast, efficient method for exact Boolean
//!   minimization. *The R Journal* 10(2).
//! - Dușa, A. (2019). *QCA with R. A Comprehensive Resource*. Springer.
//! - McCluskey, E. J. (1956). Minimization of Boolean functions. *Bell System Technical
//!   Journal* 35(6).
//! - Quine, W. V. (1952). The problem of simplifying truth functions. *American Mathematical
//!   Monthly* 59(8).
//! - Ragin, C. C. (2008). *Redesigning Social Inquiry: Fuzzy Sets and Beyond*. University of
//!   Chicago Press.
//! - Ragin, C. C. & Sonnett, J. (2005). Between complexity and parsimony: limited diversity,
//!   counterfactual cases, and comparative analysis.
//! - Schneider, C. Q. (2024). *Set-Theoretic Multi-Method Research: A Guide to Combining QCA
//!   and Case Studies*. Cambridge University Press.
//! - Schneider, C. Q. & Rohlfing, I. (2013). Combining QCA and process tracing in
//!   set-theoretic multi-method research. *Sociological Methods & Research* 42(4).
//! - Schneider, C. Q. & Rohlfing, I. (2016). Case studies nested in fuzzy-set QCA on
//!   sufficiency: formalizing case selection and causal inference. *Sociological Methods &
//!   Research* 45(3).
//! - Schneider, C. Q. & Wagemann, C. (2012). *Set-Theoretic Methods for the Social Sciences*.
//!   Cambridge University Press.
//! - Schneider, C. Q. & Wagemann, C. (2013). Doing justice to logical remainders in QCA:
//!   moving beyond the Standard Analysis. *Political Research Quarterly* 66(1).
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![forbid(unsafe_code)]

pub mod calibration;
pub mod cases;
pub mod chart;
pub mod cluster;
pub mod counterfactual;
pub mod data;
pub mod diagnostics;
mod error;
pub mod expression;
pub mod fit;
pub mod minimize;
pub mod number;
mod parallel;
#[cfg(feature = "plot")]
#[cfg_attr(docsrs, doc(cfg(feature = "plot")))]
pub mod plot;
pub mod robustness;
pub mod sets;
pub mod solution;
pub mod table;
pub(crate) mod text;
pub mod theory;
pub mod truth_table;

pub use crate::calibration::{
    CalibrationError, Crisp, Curve, DirectOptions, Direction, OrdinalCoding, Thresholds,
};
pub use crate::data::{
    ColumnKind, CsvOptions, DataError, Dataset, Labels, MissingValues, ReadNote,
};
pub use crate::error::{Error, Result};
pub use crate::expression::{Expression, ExpressionError, Literal, Relation, Statement};
pub use crate::fit::{ConditionFit, FitError, Necessity, SolutionFit, Sufficiency};
pub use crate::minimize::MinimizeError;
pub use crate::sets::{FuzzySet, SetError};
pub use crate::solution::{
    DirectionalExpectations, Model, Solution, SolutionError, SolutionOptions, SolutionType,
};
pub use crate::truth_table::{
    OutputValue, Row, SortKey, TruthTable, TruthTableError, TruthTableOptions,
};

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
