//! The XY plot of a set relation.

use plotters::prelude::*;

use super::svg::{chart_frame, drawing, Chart};
use super::{CaseZone, PlotError};
use crate::number::metric;
use crate::{fit, Dataset, Expression, FuzzySet, Relation};

/// Width and height of the XY plot, in pixels.
const SIZE: u32 = 640;

/// The XY plot of `x` (an expression or condition, on the horizontal axis) against the outcome
/// `y` (vertical axis), on the unit square: the diagonal, the 0.5 guides on both axes, one
/// marker per case labelled with its case, its shape and colour telling the case's
/// [`CaseZone`] (a legend names the zones present), and the fit of the relation in the title
/// (inclS, PRI and covS for [`Relation::Sufficiency`]; inclN, RoN and covN for
/// [`Relation::Necessity`]). For necessity, `x` is the (candidate) necessary condition and the
/// deviant cases are those in Y but not in X (deviant consistency) and in X but not in Y
/// (deviant relevance).
///
/// # Errors
/// [`PlotError::UnequalLengths`] when `x`, `y` and `cases` differ in length;
/// [`PlotError::Drawing`] if the drawing fails.
///
/// # Example
/// ```
/// use fsqca::plot::xy_plot;
/// use fsqca::{FuzzySet, Relation};
///
/// let x = FuzzySet::new("E*P", vec![0.9, 0.2, 0.7])?;
/// let y = FuzzySet::new("Y", vec![1.0, 0.6, 0.8])?;
/// let cases = ["Beijing".to_string(), "Gansu".into(), "Hubei".into()];
/// let svg = xy_plot(&x, &y, &cases, Relation::Sufficiency)?;
/// assert!(svg.contains("Gansu") && svg.contains("inclS 1.000, PRI 1.000"));
/// assert!(svg.contains("typical") && svg.contains("deviant coverage"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn xy_plot(
    x: &FuzzySet,
    y: &FuzzySet,
    cases: &[String],
    relation: Relation,
) -> Result<String, PlotError> {
    let unequal = || PlotError::UnequalLengths {
        x: x.len(),
        y: y.len(),
        cases: cases.len(),
    };
    if x.len() != y.len() || x.len() != cases.len() {
        return Err(unequal());
    }
    let title = match relation {
        Relation::Sufficiency => {
            let s = fit::sufficiency(x, y).map_err(|_| unequal())?;
            format!(
                "{} -> {}: inclS {}, PRI {}, covS {}",
                x.name(),
                y.name(),
                metric(s.incl),
                metric(s.pri),
                metric(s.cov)
            )
        }
        Relation::Necessity => {
            let n = fit::necessity(x, y).map_err(|_| unequal())?;
            format!(
                "{} <- {}: inclN {}, RoN {}, covN {}",
                x.name(),
                y.name(),
                metric(n.incl),
                metric(n.ron),
                metric(n.cov)
            )
        }
    };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (SIZE, SIZE)).into_drawing_area();
        // A little room around the unit square, so that points on its edges and their labels
        // stay clear of the axes and the title.
        let mut chart = chart_frame(&root, &title, -0.02..1.02, -0.02..1.07)?;
        chart
            .configure_mesh()
            .x_desc(x.name())
            .y_desc(y.name())
            .x_labels(6)
            .y_labels(6)
            .disable_x_mesh()
            .disable_y_mesh()
            .draw()
            .map_err(drawing)?;
        let guide = BLACK.mix(0.35).stroke_width(1);
        for line in [[(0.5, 0.0), (0.5, 1.0)], [(0.0, 0.5), (1.0, 0.5)]] {
            chart
                .draw_series(LineSeries::new(line, guide))
                .map_err(drawing)?;
        }
        chart
            .draw_series(LineSeries::new(
                [(0.0, 0.0), (1.0, 1.0)],
                BLACK.stroke_width(1),
            ))
            .map_err(drawing)?;
        let points: Vec<(f64, f64)> = x
            .values()
            .iter()
            .copied()
            .zip(y.values().iter().copied())
            .collect();
        for zone in CaseZone::ALL {
            let in_zone: Vec<(f64, f64)> = points
                .iter()
                .copied()
                .filter(|&(px, py)| CaseZone::of(px, py, relation) == zone)
                .collect();
            if !in_zone.is_empty() {
                draw_zone(&mut chart, &in_zone, zone)?;
            }
        }
        chart
            .draw_series(points.iter().zip(cases).map(|(&p, case)| {
                EmptyElement::at(p) + Text::new(case.clone(), (6, -14), ("sans-serif", 11))
            }))
            .map_err(drawing)?;
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK.mix(0.5))
            .position(SeriesLabelPosition::LowerRight)
            .draw()
            .map_err(drawing)?;
        root.present().map_err(drawing)?;
    }
    Ok(svg)
}

/// Draws the cases of one zone with the zone's marker, and its legend entry.
fn draw_zone(chart: &mut Chart, points: &[(f64, f64)], zone: CaseZone) -> Result<(), PlotError> {
    let green = RGBColor(46, 139, 87);
    let orange = RGBColor(230, 140, 0);
    let red = RGBColor(200, 30, 30);
    let blue = RGBColor(30, 90, 200);
    let purple = RGBColor(130, 50, 160);
    let grey = RGBColor(120, 120, 120);
    let diamond = |c: RGBColor| {
        move |(x, y): (i32, i32)| {
            Polygon::new(
                vec![(x, y - 6), (x + 6, y), (x, y + 6), (x - 6, y)],
                c.filled(),
            )
        }
    };
    let annotation = match zone {
        CaseZone::Typical => chart
            .draw_series(points.iter().map(|&p| Circle::new(p, 5, green.filled())))
            .map_err(drawing)?
            .legend(move |(x, y)| Circle::new((x + 8, y), 5, green.filled())),
        CaseZone::DeviantInDegree => chart
            .draw_series(
                points
                    .iter()
                    .map(|&p| Circle::new(p, 5, orange.stroke_width(2))),
            )
            .map_err(drawing)?
            .legend(move |(x, y)| Circle::new((x + 8, y), 5, orange.stroke_width(2))),
        CaseZone::DeviantConsistency => chart
            .draw_series(points.iter().map(|&p| {
                EmptyElement::at(p)
                    + Polygon::new(vec![(0, -6), (6, 0), (0, 6), (-6, 0)], red.filled())
            }))
            .map_err(drawing)?
            .legend(move |(x, y)| diamond(red)((x + 8, y))),
        CaseZone::DeviantCoverage => chart
            .draw_series(
                points.iter().map(|&p| {
                    EmptyElement::at(p) + Rectangle::new([(-5, -5), (5, 5)], blue.filled())
                }),
            )
            .map_err(drawing)?
            .legend(move |(x, y)| Rectangle::new([(x + 3, y - 5), (x + 13, y + 5)], blue.filled())),
        CaseZone::DeviantRelevance => chart
            .draw_series(
                points
                    .iter()
                    .map(|&p| Cross::new(p, 5, purple.stroke_width(3))),
            )
            .map_err(drawing)?
            .legend(move |(x, y)| Cross::new((x + 8, y), 5, purple.stroke_width(3))),
        CaseZone::Irrelevant => chart
            .draw_series(
                points
                    .iter()
                    .map(|&p| TriangleMarker::new(p, 5, grey.filled())),
            )
            .map_err(drawing)?
            .legend(move |(x, y)| TriangleMarker::new((x + 8, y), 5, grey.filled())),
        CaseZone::Crossover => chart
            .draw_series(points.iter().map(|&p| {
                EmptyElement::at(p) + Rectangle::new([(-5, -5), (5, 5)], BLACK.stroke_width(2))
            }))
            .map_err(drawing)?
            .legend(move |(x, y)| {
                Rectangle::new([(x + 3, y - 5), (x + 13, y + 5)], BLACK.stroke_width(2))
            }),
    };
    annotation.label(format!("{} ({})", zone.name(), points.len()));
    Ok(())
}

/// [`xy_plot`] of an expression against an outcome (`Y` or `~Y`), both evaluated on `data`,
/// the points labelled by the data's cases.
///
/// # Errors
/// [`PlotError::Data`] for unknown columns, missing values or memberships outside [0, 1],
/// [`PlotError::Expression`] for an outcome that is not an expression,
/// [`PlotError::Drawing`] if the drawing fails.
///
/// # Example
/// ```
/// use fsqca::plot::xy_plot_of;
/// use fsqca::{Dataset, Relation};
///
/// let data = Dataset::from_reader("case,A,B,Y\na,0.9,0.1,0.8\nb,0.2,0.6,0.4\n".as_bytes())?;
/// let svg = xy_plot_of(&"A + B".parse()?, &data, "Y", Relation::Necessity)?;
/// assert!(svg.contains("inclN") && svg.contains("RoN"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn xy_plot_of(
    expression: &Expression,
    data: &Dataset,
    outcome: &str,
    relation: Relation,
) -> Result<String, PlotError> {
    let x = expression.evaluate(data)?.renamed(expression.to_string());
    let y_expression: Expression = outcome.parse()?;
    let y = y_expression.evaluate(data)?.renamed(outcome);
    xy_plot(&x, &y, data.cases(), relation)
}
