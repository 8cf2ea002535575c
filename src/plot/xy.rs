//! The XY plot of a set relation.

use plotters::prelude::*;

use super::svg::{drawing, unit_square_chart};
use super::{CaseZone, PlotError};
use crate::number::metric;
use crate::{fit, Dataset, Expression, FuzzySet, Relation};

/// Width and height of the XY plot, in pixels.
const SIZE: u32 = 640;

/// Width of the legend beside it, in pixels.
const LEGEND: u32 = 210;

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
        let root = SVGBackend::with_string(&mut svg, (SIZE + LEGEND, SIZE)).into_drawing_area();
        root.fill(&WHITE).map_err(drawing)?;
        // The legend beside the plot, never over a case.
        let (plot_area, legend_area) = root.split_horizontally(SIZE);
        let mut chart = unit_square_chart(&plot_area, &title, x.name(), y.name())?;
        let guide = BLACK.mix(0.35).stroke_width(1);
        for line in [[(0.5, 0.0), (0.5, 1.0)], [(0.0, 0.5), (1.0, 0.5)]] {
            chart
                .draw_series(LineSeries::new(line, guide))
                .map_err(drawing)?;
        }
        let points: Vec<(f64, f64)> = x
            .values()
            .iter()
            .copied()
            .zip(y.values().iter().copied())
            .collect();
        let mut legend_y = 80;
        for zone in CaseZone::ALL {
            let in_zone: Vec<(f64, f64)> = points
                .iter()
                .copied()
                .filter(|&(px, py)| CaseZone::of(px, py, relation) == zone)
                .collect();
            if in_zone.is_empty() {
                continue;
            }
            chart
                .draw_series(
                    in_zone
                        .iter()
                        .map(|&p| EmptyElement::at(p) + marker(zone, (0, 0))),
                )
                .map_err(drawing)?;
            legend_area
                .draw(&marker(zone, (14, legend_y)))
                .map_err(drawing)?;
            let entry = format!("{} ({})", zone.name(), in_zone.len());
            legend_area
                .draw(&Text::new(entry, (28, legend_y - 7), ("sans-serif", 13)))
                .map_err(drawing)?;
            legend_y += 24;
        }
        let anchors: Vec<(i32, i32)> = points.iter().map(|p| chart.backend_coord(p)).collect();
        let offsets = label_offsets(&anchors, cases);
        chart
            .draw_series(
                points
                    .iter()
                    .zip(cases)
                    .zip(offsets)
                    .map(|((&p, case), at)| {
                        EmptyElement::at(p) + Text::new(case.clone(), at, ("sans-serif", 11))
                    }),
            )
            .map_err(drawing)?;
        root.present().map_err(drawing)?;
    }
    Ok(svg)
}

/// Where each case's label goes, relative to its point (in pixels): up and to the right, or
/// moved up or down in steps of a line until it overlaps no label placed before it (tried up
/// to eight lines away; past that it keeps the first place). Cases at the same point then get
/// their labels in a column instead of on top of each other.
fn label_offsets(anchors: &[(i32, i32)], cases: &[String]) -> Vec<(i32, i32)> {
    const LINE: i32 = 12;
    const CHAR: i32 = 6;
    let mut placed: Vec<(i32, i32, i32)> = Vec::with_capacity(anchors.len()); // x, y, width
    let mut offsets = Vec::with_capacity(anchors.len());
    for (&(x, y), case) in anchors.iter().zip(cases) {
        let width = CHAR * case.chars().count() as i32;
        let free = |dy: i32| {
            let (lx, ly) = (x + 6, y - 14 + dy);
            placed
                .iter()
                .all(|&(px, py, pw)| (ly - py).abs() >= LINE || lx >= px + pw || px >= lx + width)
        };
        let dy = (0..=16)
            .map(|i| {
                if i % 2 == 0 {
                    i / 2 * LINE
                } else {
                    -(i + 1) / 2 * LINE
                }
            })
            .find(|&dy| free(dy))
            .unwrap_or(0);
        placed.push((x + 6, y - 14 + dy, width));
        offsets.push((6, -14 + dy));
    }
    offsets
}

/// The marker of a zone's cases, centred on `(x, y)` in pixels: a filled green circle for a
/// typical case, a hollow orange one for a case deviant in degree, a red diamond (deviant
/// consistency), a blue square (deviant coverage), a purple cross (deviant relevance), a grey
/// triangle (irrelevant), a hollow black square (on a crossover).
fn marker<DB: DrawingBackend>(
    zone: CaseZone,
    (x, y): (i32, i32),
) -> DynElement<'static, DB, (i32, i32)> {
    match zone {
        CaseZone::Typical => Circle::new((x, y), 5, RGBColor(46, 139, 87).filled()).into_dyn(),
        CaseZone::DeviantInDegree => {
            Circle::new((x, y), 5, RGBColor(230, 140, 0).stroke_width(2)).into_dyn()
        }
        CaseZone::DeviantConsistency => Polygon::new(
            vec![(x, y - 6), (x + 6, y), (x, y + 6), (x - 6, y)],
            RGBColor(200, 30, 30).filled(),
        )
        .into_dyn(),
        CaseZone::DeviantCoverage => Rectangle::new(
            [(x - 5, y - 5), (x + 5, y + 5)],
            RGBColor(30, 90, 200).filled(),
        )
        .into_dyn(),
        CaseZone::DeviantRelevance => {
            Cross::new((x, y), 5, RGBColor(130, 50, 160).stroke_width(3)).into_dyn()
        }
        CaseZone::Irrelevant => {
            TriangleMarker::new((x, y), 5, RGBColor(120, 120, 120).filled()).into_dyn()
        }
        CaseZone::Crossover => {
            Rectangle::new([(x - 5, y - 5), (x + 5, y + 5)], BLACK.stroke_width(2)).into_dyn()
        }
    }
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
