//! Configuration charts (Ragin & Fiss 2008; Fiss 2011; Ragin & Fiss 2017).
//!
//! Most fsQCA papers in management and policy print their solution as a configuration chart:
//! one column per configuration (term of the intermediate solution), one row per condition,
//! a large filled circle for a *core* condition present, a small one for a *peripheral*
//! condition present, large and small crossed circles for absence, a blank for "don't care",
//! and the fit of each configuration and of the solution underneath.
//!
//! A condition of an intermediate term is core when it appears with the same sign in a term
//! of the parsimonious solution that the intermediate term implies: it survives every
//! simplifying assumption, so the evidence for it is strongest. Peripheral conditions are in
//! the intermediate term only. Configurations that imply the same parsimonious terms share a
//! core and are numbered together (`1a`, `1b`: Fiss's neutral permutations).
//!
//! [`configuration_charts`] gives one [`ConfigurationChart`] per intermediate model, with the
//! parsimonious model it rests on (several models are several charts, each saying so);
//! [`ConfigurationChart::render`] writes it as text, Markdown, LaTeX or HTML and, with the
//! `plot` feature, `ConfigurationChart::svg` draws it.
//!
//! # Example
//! ```
//! use fsqca::chart::{configuration_charts, ConditionClass};
//! use fsqca::solution::{SolutionOptions, SolutionType};
//! use fsqca::table::TableFormat;
//! use fsqca::{Dataset, TruthTableOptions};
//! let data = Dataset::from_columns([
//!     ("A", vec![1.0, 1.0, 1.0, 0.0, 0.0, 0.0]),
//!     ("B", vec![1.0, 1.0, 0.0, 1.0, 0.0, 0.0]),
//!     ("C", vec![1.0, 0.0, 1.0, 0.0, 1.0, 0.0]),
//!     ("Y", vec![1.0, 1.0, 0.0, 0.0, 0.0, 0.0]),
//! ])?;
//! let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B", "C"])?;
//! let intermediate = SolutionOptions::new(SolutionType::Intermediate)
//!     .directional_expectations("A, B, C".parse()?)
//!     .solve(&tt)?;
//! let parsimonious = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
//! let chart = &configuration_charts(&intermediate, &parsimonious)?[0];
//! let configuration = &chart.configurations[0];
//! assert_eq!(configuration.term, "A*B");
//! assert!(configuration.classes.iter().all(|c| *c != ConditionClass::PeripheralAbsent));
//! println!("{}", chart.render(TableFormat::Markdown, 3));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod build;
mod class;
mod configuration;
mod error;
mod render;
#[cfg(feature = "plot")]
mod svg;

pub use build::{configuration_charts, ConfigurationChart};
pub use class::ConditionClass;
pub use configuration::Configuration;
pub use error::ChartError;
