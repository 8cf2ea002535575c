//! The XY plot of a set relation.

use plotters::prelude::*;

use super::svg::{drawing, unit_square_chart};
use super::PlotError;
use crate::number::metric;
use crate::{fit, Dataset, Expression, FuzzySet, Relation};

/// Width and height of the XY plot, in pixels.
const SIZE: u32 = 640;

/// The XY plot of `x` (an expression or condition, on the horizontal axis) against the outcome
/// `y` (vertical axis): one circle per case labelled with its case, the diagonal, and the fit of
/// the relation in the title (inclS and covS for [`Relation::Sufficiency`]; inclN, RoN and covN
/// for [`Relation::Necessity`]), on the unit square.
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
/// assert!(svg.contains("Gansu") && svg.contains("inclS 1.000"));
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
                "{} -> {}: inclS {}, covS {}",
                x.name(),
                y.name(),
                metric(s.incl),
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
        let mut chart = unit_square_chart(&root, &title, x.name(), y.name())?;
        let points: Vec<(f64, f64)> = x
            .values()
            .iter()
            .copied()
            .zip(y.values().iter().copied())
            .collect();
        chart
            .draw_series(
                points
                    .iter()
                    .map(|&p| Circle::new(p, 4, BLUE.mix(0.8).filled())),
            )
            .map_err(drawing)?;
        chart
            .draw_series(points.iter().zip(cases).map(|(&p, case)| {
                EmptyElement::at(p) + Text::new(case.clone(), (6, -14), ("sans-serif", 11))
            }))
            .map_err(drawing)?;
        root.present().map_err(drawing)?;
    }
    Ok(svg)
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
