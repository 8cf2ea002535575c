//! Pictures as SVG: the XY plot of an expression against the outcome, the chart of a
//! robustness sweep, the robustness XY plot of the case types ([`robustness_plot`]), and the cluster plot of panel diagnostics ([`cluster_plot`]).
//!
//! The XY plot is the standard picture of a set relation (Ragin 2008; Schneider & Wagemann
//! 2012): each case a point at (membership in X, membership in Y), the diagonal X = Y, cases
//! above it consistent with sufficiency, cases below it with necessity; the title gives the fit
//! (inclS, covS for sufficiency; inclN, RoN, covN for necessity). The sweep chart puts a
//! parameter on the x axis and the fit of each variant's solution on the y axis, marking the
//! variants whose solution differs from the baseline's.
//!
//! The pictures of a paper (issue 19): XY plots mark each case's [`CaseZone`] (typical, deviant
//! in degree, deviant consistency, deviant coverage or relevance, irrelevant) and draw the 0.5
//! guides; [`pimplot`] draws every prime implicant of a model and the model (SetMethods'
//! `pimplot`); [`distribution_plot`] puts a raw column's cases against its calibration anchors;
//! [`venn_diagram`] draws the Venn diagram of a truth table of 2 to 7 binary conditions, its
//! zones coloured by output value with their case counts, on shapes built here
//! ([`VennLayout`]: circles for 2 and 3 sets, Edwards' construction for 4 to 7).
//!
//! Every function returns the SVG document as a `String`; [`write_svg`] writes it to a file.
//! Drawing uses the `plotters` crate's SVG backend.
//!
//! # Example
//! ```
//! use fsqca::plot::xy_plot_of;
//! use fsqca::{Dataset, Relation};
//!
//! let data = Dataset::from_reader("case,A,Y\na,0.9,0.8\nb,0.2,0.4\n".as_bytes())?;
//! let svg = xy_plot_of(&"A".parse()?, &data, "Y", Relation::Sufficiency)?;
//! assert!(svg.starts_with("<svg") && svg.contains("inclS"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod case_zone;
mod cluster_plot;
mod distribution;
mod error;
mod pimplot;
mod robustness_plot;
mod svg;
mod sweep_chart;
mod venn;
mod xy;

pub use cluster_plot::{cluster_plot, ClusterGroups};
pub use error::PlotError;
pub use robustness_plot::{robustness_plot, TestSetAxis};
pub use svg::write_svg;
pub use sweep_chart::sweep_chart;
pub use xy::{xy_plot, xy_plot_of};

pub use case_zone::CaseZone;
pub use distribution::distribution_plot;
pub use pimplot::{pimplot, PimPanel};
pub use venn::{venn_diagram, VennLayout, VennSet, VennZone};
