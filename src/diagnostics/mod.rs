//! Calibration diagnostics: how skewed each calibrated set is, and which cases sit at the
//! crossover 0.5.
//!
//! After calibration and before the truth table, two checks tell whether the sets can carry
//! an analysis (Schneider & Wagemann 2012 on skewed membership scores; Oana & Schneider's R
//! package SetMethods offers both, as `skew.check` and `ambig.cases`):
//!
//! - **Skew**: the share of cases with a membership strictly above 0.5. A set almost every case
//!   is in (or out of) makes consistency and coverage of the relations it enters trivially
//!   high or low, and leaves few cases on one side to compare. The share is exact here;
//!   SetMethods prints it as a percentage rounded to two decimals. A set is flagged when the
//!   share is below the threshold or above one minus it ([`DEFAULT_SKEW_THRESHOLD`], 20%,
//!   unless set: see [`DiagnoseOptions`]).
//! - **Cases at 0.5**: a condition membership of exactly 0.5 puts a case in no truth-table
//!   row (no corner of the property space holds it above 0.5), and an outcome membership of
//!   0.5 makes it neither an instance nor a non-instance; such cases are listed to be
//!   recalibrated.
//!
//! ```
//! use fsqca::{diagnostics::{DiagnoseOptions, Skew}, Dataset};
//!
//! let data = Dataset::from_columns([
//!     ("A", vec![0.9, 0.8, 0.2, 0.1, 0.6]),
//!     ("B", vec![0.9, 0.8, 0.7, 0.6, 0.5]),
//! ])?;
//! let report = DiagnoseOptions::new().diagnose(&data, &["A", "B"])?;
//! assert_eq!(report.sets[0].n_above_half, 3);
//! assert_eq!(report.sets[0].skew, None);
//! // B: 4 of 5 cases above 0.5 is not more than 80%; case 5 sits at 0.5.
//! assert_eq!(report.sets[1].share_above_half, 0.8);
//! assert_eq!(report.sets[1].at_half[0].case, "5");
//! let strict = DiagnoseOptions::new().skew_threshold(0.25).diagnose(&data, &["B"])?;
//! assert_eq!(strict.sets[0].skew, Some(Skew::MostlyIn));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;
mod membership;

pub use error::DiagnosticsError;
pub use membership::{
    AmbiguousCase, DiagnoseOptions, Diagnostics, SetDiagnostics, Skew, DEFAULT_SKEW_THRESHOLD,
};
