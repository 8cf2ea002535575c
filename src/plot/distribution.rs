//! The distribution of a raw column against its calibration anchors.

use plotters::prelude::*;

use super::svg::{chart_frame, drawing};
use super::PlotError;
use crate::calibration::{Anchor, Anchors};
use crate::Dataset;

/// The anchors of a calibration as (name, value), in increasing order of name position:
/// exclusion, crossover, inclusion; or the six of a bell-shaped calibration.
fn named_anchors(anchors: &Anchors) -> Vec<(String, f64)> {
    match anchors {
        Anchors::SShaped(th) => Anchor::ALL
            .iter()
            .map(|&a| (a.to_string(), th.anchor(a)))
            .collect(),
        Anchors::Bell(th) => ["e1", "c1", "i1", "i2", "c2", "e2"]
            .iter()
            .zip(th.thresholds())
            .map(|(name, v)| ((*name).to_owned(), v))
            .collect(),
    }
}

/// The one-dimensional distribution of the raw column `column` of `data` against the anchors
/// of its calibration, to check the anchors against the data (Ragin 2008, ch. 5; Schneider &
/// Wagemann 2012, ch. 1.2: anchors belong in gaps of the data, and a case right on or next to
/// the crossover is a warning). A dot plot: one row per case, sorted by value, the case's dot at
/// its raw value and labelled with its case; a rug of every value along the bottom; one
/// vertical line per anchor, labelled with its name and value (exclusion, crossover,
/// inclusion; or e1, c1, i1, i2, c2, e2 for a bell-shaped calibration).
///
/// # Errors
/// [`PlotError::Data`] for an unknown or text column or missing values in it;
/// [`PlotError::Drawing`] if the drawing fails.
///
/// # Example
/// ```
/// use fsqca::calibration::Thresholds;
/// use fsqca::plot::distribution_plot;
/// use fsqca::Dataset;
///
/// let data = Dataset::from_reader("case,GDP\nat,38000\nbg,4200\npt,18000\nro,5100\n".as_bytes())?;
/// let svg = distribution_plot(&data, "GDP", Thresholds::new(2500.0, 5000.0, 20000.0)?)?;
/// assert!(svg.contains("crossover 5000") && svg.contains("ro"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn distribution_plot(
    data: &Dataset,
    column: &str,
    anchors: impl Into<Anchors>,
) -> Result<String, PlotError> {
    data.require_complete(&[column])?;
    let values = data.column(column)?;
    let anchors = named_anchors(&anchors.into());
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let all = values.iter().chain(anchors.iter().map(|(_, v)| v));
    let (low, high) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &v| {
        (l.min(v), h.max(v))
    });
    let pad = if high > low { (high - low) * 0.08 } else { 1.0 };
    let n = order.len();
    // Rows 0..n-1 for the cases; the rug at -1; two rows above for the anchors' labels.
    let top = n as f64 + 1.5;
    let title = format!("{column}: {n} cases and the calibration anchors");
    let mut svg = String::new();
    {
        let height = (140 + 18 * n).clamp(360, 6000) as u32;
        let root = SVGBackend::with_string(&mut svg, (800, height)).into_drawing_area();
        let mut chart = chart_frame(&root, &title, (low - pad)..(high + pad), -1.8..top)?;
        chart
            .configure_mesh()
            .x_desc(column)
            .y_labels(0)
            .disable_x_mesh()
            .disable_y_mesh()
            .draw()
            .map_err(drawing)?;
        let colours = [
            RGBColor(200, 30, 30),
            RGBColor(30, 90, 200),
            RGBColor(46, 139, 87),
        ];
        for (k, (name, v)) in anchors.iter().enumerate() {
            let colour = colours[k % colours.len()];
            chart
                .draw_series(LineSeries::new(
                    [(*v, -1.6), (*v, n as f64)],
                    colour.stroke_width(2),
                ))
                .map_err(drawing)?;
            // Alternate the labels' heights so that close anchors stay legible.
            let row = n as f64 + if k % 2 == 0 { 0.4 } else { 1.0 };
            chart
                .draw_series(std::iter::once(Text::new(
                    format!("{name} {v}"),
                    (*v, row),
                    ("sans-serif", 12).into_font().color(&colour),
                )))
                .map_err(drawing)?;
        }
        chart
            .draw_series(
                values
                    .iter()
                    .map(|&v| PathElement::new([(v, -1.5), (v, -0.9)], BLACK.stroke_width(1))),
            )
            .map_err(drawing)?;
        chart
            .draw_series(
                order
                    .iter()
                    .enumerate()
                    .map(|(row, &i)| Circle::new((values[i], row as f64), 4, BLACK.filled())),
            )
            .map_err(drawing)?;
        chart
            .draw_series(order.iter().enumerate().map(|(row, &i)| {
                EmptyElement::at((values[i], row as f64))
                    + Text::new(data.cases()[i].clone(), (7, -6), ("sans-serif", 11))
            }))
            .map_err(drawing)?;
        root.present().map_err(drawing)?;
    }
    Ok(svg)
}
