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

mod cluster_plot;
mod error;
mod robustness_plot;
mod svg;
mod sweep_chart;
mod xy;

pub use cluster_plot::{cluster_plot, ClusterGroups};
pub use error::PlotError;
pub use robustness_plot::{robustness_plot, TestSetAxis};
pub use svg::write_svg;
pub use sweep_chart::sweep_chart;
pub use xy::{xy_plot, xy_plot_of};
