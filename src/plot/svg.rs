//! The SVG side every picture shares: writing a document to a file, the white frame and
//! axes of a chart, and drawing errors as [`PlotError::Drawing`].

use std::ops::Range;
use std::path::Path;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::PlotError;

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

pub(super) fn drawing<E: std::fmt::Display>(e: E) -> PlotError {
    PlotError::Drawing(e.to_string())
}

/// The coordinates of every chart: `f64` on both axes.
pub(super) type Chart<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Paints `root` white and sets up the chart every plot shares: `title` as its caption, the
/// same margin and label areas, and the ranges `x` and `y`.
pub(super) fn chart_frame<'a, 'b>(
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

/// The chart of a plot of memberships: [`chart_frame`] over the unit square with a little
/// room around it (so that points on its edges and their labels stay clear of the axes and the
/// title), the axes described by `x_desc` and `y_desc`, and the diagonal.
pub(super) fn unit_square_chart<'a, 'b>(
    root: &'a DrawingArea<SVGBackend<'b>, Shift>,
    title: &str,
    x_desc: &str,
    y_desc: &str,
) -> Result<Chart<'a, 'b>, PlotError> {
    let mut chart = chart_frame(root, title, -0.02..1.02, -0.02..1.07)?;
    chart
        .configure_mesh()
        .x_desc(x_desc)
        .y_desc(y_desc)
        .x_labels(6)
        .y_labels(6)
        .disable_x_mesh()
        .disable_y_mesh()
        .draw()
        .map_err(drawing)?;
    chart
        .draw_series(LineSeries::new(
            [(0.0, 0.0), (1.0, 1.0)],
            BLACK.stroke_width(1),
        ))
        .map_err(drawing)?;
    Ok(chart)
}
