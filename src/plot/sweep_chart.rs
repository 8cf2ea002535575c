//! The chart of a robustness sweep over one parameter.

use plotters::prelude::*;

use super::svg::{chart_frame, drawing};
use super::PlotError;
use crate::robustness::{Parameter, Sweep, Variant, VariantResult};

/// The chart of the variants of one parameter of a sweep: the parameter's value on the x axis;
/// the inclusion (inclS) and coverage (covS) of each variant's solution (first model) as two
/// lines; a green dot on the bottom rule where the solution is the baseline's, a red cross
/// where it differs (or the variant was skipped); a dashed vertical line at the baseline value.
///
/// # Errors
/// [`PlotError::UnknownParameter`] when the sweep has no variant of `parameter`;
/// [`PlotError::Drawing`] if the drawing fails.
///
/// # Example
/// ```
/// use fsqca::plot::sweep_chart;
/// use fsqca::robustness::{Analysis, Parameter, ParameterGrid};
///
/// let data = fsqca::Dataset::from_columns([
///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
///     ("Y", vec![1.0, 0.7, 0.2, 0.0]),
/// ])?;
/// let sweep = Analysis::new(data, "Y")
///     .membership_condition("A")
///     .membership_condition("B")
///     .sweep(&[ParameterGrid::span(Parameter::InclCut, 0.6, 1.0, 9)?])?;
/// let svg = sweep_chart(&sweep, &Parameter::InclCut)?;
/// assert!(svg.contains("incl_cut") && svg.contains("covS"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sweep_chart(sweep: &Sweep, parameter: &Parameter) -> Result<String, PlotError> {
    // The grid points of `parameter`, each with its value.
    let mut variants: Vec<(f64, &Variant)> = sweep
        .variants_of(parameter)
        .filter_map(|v| v.value().map(|x| (x, v)))
        .collect();
    if variants.is_empty() {
        return Err(PlotError::UnknownParameter {
            parameter: parameter.to_string(),
        });
    }
    variants.sort_by(|a, b| a.0.total_cmp(&b.0));
    let baseline = sweep
        .grids()
        .iter()
        .find(|(g, _)| g.parameter() == parameter)
        .map(|(_, b)| *b);
    let mut low = variants[0].0;
    let mut high = variants[variants.len() - 1].0;
    if let Some(b) = baseline {
        low = low.min(b);
        high = high.max(b);
    }
    if high - low < 1e-12 {
        low -= 0.5;
        high += 0.5;
    }
    let pad = (high - low) * 0.03;
    let fit_of = |r: &VariantResult, pick: fn(&crate::Sufficiency) -> Option<f64>| match r {
        VariantResult::Solved { fit, .. } => fit.first().and_then(pick),
        _ => None,
    };
    let series = |pick: fn(&crate::Sufficiency) -> Option<f64>| -> Vec<(f64, f64)> {
        variants
            .iter()
            .filter_map(|(x, v)| fit_of(v.result(), pick).map(|f| (*x, f)))
            .collect()
    };
    let incl = series(|s| s.incl);
    let cov = series(|s| s.cov);
    let title = format!("{}: solution and fit over {}", sweep.outcome(), parameter);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (800, 480)).into_drawing_area();
        let mut chart = chart_frame(&root, &title, (low - pad)..(high + pad), -0.05..1.05)?;
        chart
            .configure_mesh()
            .x_desc(parameter.to_string())
            .y_desc("fit of the solution")
            .disable_x_mesh()
            .disable_y_mesh()
            .draw()
            .map_err(drawing)?;
        chart
            .draw_series(LineSeries::new(incl, BLUE.stroke_width(2)))
            .map_err(drawing)?
            .label("inclS")
            .legend(|(x, y)| PathElement::new([(x, y), (x + 20, y)], BLUE.stroke_width(2)));
        chart
            .draw_series(LineSeries::new(cov, GREEN.stroke_width(2)))
            .map_err(drawing)?
            .label("covS")
            .legend(|(x, y)| PathElement::new([(x, y), (x + 20, y)], GREEN.stroke_width(2)));
        if let Some(b) = baseline {
            chart
                .draw_series(DashedLineSeries::new(
                    [(b, -0.05), (b, 1.05)],
                    6,
                    4,
                    BLACK.stroke_width(1),
                ))
                .map_err(drawing)?
                .label("baseline")
                .legend(|(x, y)| PathElement::new([(x, y), (x + 20, y)], BLACK.stroke_width(1)));
        }
        chart
            .draw_series(
                variants
                    .iter()
                    .filter(|(_, v)| v.is_baseline_solution())
                    .map(|(x, _)| Circle::new((*x, 0.0), 4, GREEN.filled())),
            )
            .map_err(drawing)?
            .label("baseline solution")
            .legend(|(x, y)| Circle::new((x + 10, y), 4, GREEN.filled()));
        chart
            .draw_series(
                variants
                    .iter()
                    .filter(|(_, v)| !v.is_baseline_solution())
                    .map(|(x, _)| Cross::new((*x, 0.0), 4, RED.stroke_width(2))),
            )
            .map_err(drawing)?
            .label("other solution")
            .legend(|(x, y)| Cross::new((x + 10, y), 4, RED.stroke_width(2)));
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .position(SeriesLabelPosition::UpperRight)
            .draw()
            .map_err(drawing)?;
        root.present().map_err(drawing)?;
    }
    Ok(svg)
}
