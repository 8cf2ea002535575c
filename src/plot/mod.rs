//! Pictures as SVG: the XY plot of an expression against the outcome, and the chart of a
//! robustness sweep.
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

mod error;
mod sweep_chart;
mod xy;

use std::ops::Range;
use std::path::Path;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

pub use error::PlotError;
pub use sweep_chart::sweep_chart;
pub use xy::{xy_plot, xy_plot_of};

/// Writes an SVG document to `path`.
///
/// # Errors
/// [`PlotError::Io`] when the file cannot be written.
///
/// # Example
/// ```
/// let path = std::env::temp_dir().join("fsqca_write_svg_example.svg");
/// fsqca::plot::write_svg(&path, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")?;
/// assert!(std::fs::read_to_string(&path)?.starts_with("<svg"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_svg<P: AsRef<Path>>(path: P, svg: &str) -> Result<(), PlotError> {
    std::fs::write(path.as_ref(), svg).map_err(|source| PlotError::Io {
        path: path.as_ref().to_path_buf(),
        source,
    })
}

fn drawing<E: std::fmt::Display>(e: E) -> PlotError {
    PlotError::Drawing(e.to_string())
}

/// The coordinates of every chart: `f64` on both axes.
type Chart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Paints `root` white and sets up the chart every plot shares: `title` as its caption, the
/// same margin and label areas, and the ranges `x` and `y`.
fn chart_frame<'a, 'b>(
    root: &'a DrawingArea<SVGBackend<'b>, Shift>,
    title: &str,
    x: Range<f64>,
    y: Range<f64>,
) -> Result<Chart<'a, 'b>, PlotError> {
    root.fill(&WHITE).map_err(drawing)?;
    ChartBuilder::on(root)
        .caption(title, ("sans-serif", 18))
        .margin(20)
        .x_label_area_size(45)
        .y_label_area_size(50)
        .build_cartesian_2d(x, y)
        .map_err(drawing)
}
