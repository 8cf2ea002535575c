//! The robustness XY plot (Oana & Schneider 2024; SetMethods' `rob.xyplot`): the initial
//! solution against the test sets, the case types marked.

use plotters::prelude::*;

use super::svg::{drawing, unit_square_chart};
use super::PlotError;
use crate::number::metric;
use crate::robustness::{CaseRobustness, CaseType};

/// Width and height of the plot, in pixels.
const SIZE: u32 = 700;

/// Which test set the vertical axis of [`robustness_plot`] shows.
///
/// # Example
/// ```
/// use fsqca::plot::TestSetAxis;
///
/// assert_eq!(TestSetAxis::default(), TestSetAxis::ByInitialSolution);
/// assert_eq!(TestSetAxis::ByInitialSolution.value(0.8, 0.3, 0.9), 0.3);
/// assert_eq!(TestSetAxis::ByInitialSolution.value(0.2, 0.3, 0.9), 0.9);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum TestSetAxis {
    /// TS_min for a case in the initial solution (IS > 0.5), TS_max otherwise: the set its
    /// case type is read from (as `rob.xyplot`).
    #[default]
    ByInitialSolution,
    /// TS_min for every case.
    Minimal,
    /// TS_max for every case.
    Maximal,
}

impl TestSetAxis {
    /// The vertical coordinate of a case with IS membership `is` and test-set memberships
    /// `ts_min`, `ts_max`.
    ///
    /// # Example
    /// See [`TestSetAxis`].
    pub fn value(self, is: f64, ts_min: f64, ts_max: f64) -> f64 {
        match self {
            TestSetAxis::ByInitialSolution if is > 0.5 => ts_min,
            TestSetAxis::ByInitialSolution | TestSetAxis::Maximal => ts_max,
            TestSetAxis::Minimal => ts_min,
        }
    }

    fn label(self) -> &'static str {
        match self {
            TestSetAxis::ByInitialSolution => "TS_min if IS > 0.5, else TS_max",
            TestSetAxis::Minimal => "TS_min",
            TestSetAxis::Maximal => "TS_max",
        }
    }
}

/// The colour of a case type: one per intersection, typical filled and deviant hollow.
fn color(t: Option<CaseType>) -> RGBColor {
    match t.map(|t| t as usize / 2) {
        Some(0) => RGBColor(0, 114, 178),
        Some(1) => RGBColor(213, 94, 0),
        Some(2) => RGBColor(0, 158, 115),
        Some(3) => RGBColor(120, 120, 120),
        _ => RGBColor(200, 200, 200),
    }
}

/// The style of a case type's marker: filled for typical cases, hollow for the others.
fn style(t: Option<CaseType>) -> ShapeStyle {
    let c = color(t);
    match t {
        Some(t) if t.is_typical() => c.filled(),
        Some(_) => c.stroke_width(2),
        None => c.filled(),
    }
}

/// Draws the cases of one type with their marker and legend entry: a circle for robust, a
/// triangle for shaky, a square for possible, a cross for the rest, a small dot for a case in
/// no type.
fn draw_type(
    chart: &mut super::svg::Chart<'_, '_>,
    t: Option<CaseType>,
    points: &[(f64, f64)],
) -> Result<(), PlotError> {
    let label = t.map_or_else(|| "in no type (at 0.5)".to_owned(), |t| t.to_string());
    let st = style(t);
    let series = match t.map(|t| t as usize / 2) {
        Some(0) => chart
            .draw_series(points.iter().map(|&p| Circle::new(p, 5, st)))
            .map_err(drawing)?
            .legend(move |p| Circle::new(p, 5, st)),
        Some(1) => chart
            .draw_series(points.iter().map(|&p| TriangleMarker::new(p, 6, st)))
            .map_err(drawing)?
            .legend(move |p| TriangleMarker::new(p, 6, st)),
        Some(2) => chart
            .draw_series(
                points
                    .iter()
                    .map(|&p| EmptyElement::at(p) + Rectangle::new([(-5, -5), (5, 5)], st)),
            )
            .map_err(drawing)?
            .legend(move |(x, y)| Rectangle::new([(x - 5, y - 5), (x + 5, y + 5)], st)),
        Some(_) => chart
            .draw_series(points.iter().map(|&p| Cross::new(p, 5, st)))
            .map_err(drawing)?
            .legend(move |p| Cross::new(p, 5, st)),
        None => chart
            .draw_series(points.iter().map(|&p| Circle::new(p, 2, st)))
            .map_err(drawing)?
            .legend(move |p| Circle::new(p, 2, st)),
    };
    series.label(label);
    Ok(())
}

/// The robustness XY plot of a [`CaseRobustness`]: each case a point at (IS, test set) as
/// `axis` says (by default TS_min for a case in IS, TS_max otherwise, as SetMethods'
/// `rob.xyplot`), marked by its [`CaseType`] (robust: circle, shaky: triangle, possible:
/// square, extreme deviant coverage and irrelevant: cross; filled when typical, hollow when
/// deviant; a small dot for a case in no type) with a legend, every case labelled, the
/// quadrants of IS and the test set above 0.5 shaded, and a subtitle with RF_cons, RF_cov,
/// RF_SC_minTS, RF_SC_maxTS, RCR_typ, RCR_dev and RCC_Rank.
///
/// # Errors
/// [`PlotError::Drawing`] if the drawing fails.
///
/// # Example
/// ```
/// use fsqca::plot::{robustness_plot, TestSetAxis};
/// use fsqca::robustness::{CaseRobustness, SolutionSet, TestSetReading};
///
/// let cases: Vec<String> = vec!["Austria".into(), "Chad".into(), "Peru".into()];
/// let is = SolutionSet::new("IS", "A".parse()?, vec![0.9, 0.1, 0.7]);
/// let ts = SolutionSet::new("TS1", "A*B".parse()?, vec![0.8, 0.1, 0.2]);
/// let r = CaseRobustness::new(&cases, &[0.9, 0.2, 0.8], &is, &[ts], TestSetReading::AllTests)?;
/// let svg = robustness_plot(&r, TestSetAxis::default())?;
/// assert!(svg.contains("Peru") && svg.contains("RCC_Rank 3") && svg.contains("shaky typical"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn robustness_plot(r: &CaseRobustness, axis: TestSetAxis) -> Result<String, PlotError> {
    let types = r.case_type_of_each();
    let points: Vec<(f64, f64)> = (0..r.cases.len())
        .map(|i| {
            let x = r.initial_membership[i];
            (
                x,
                axis.value(x, r.minimal_test_set[i], r.maximal_test_set[i]),
            )
        })
        .collect();
    let subtitle = format!(
        "RF_cons {}  RF_cov {}  RF_SC_minTS {}  RF_SC_maxTS {}  RCR_typ {}  RCR_dev {}  RCC_Rank {}",
        metric(r.fit.rf_cons),
        metric(r.fit.rf_cov),
        metric(r.fit.rf_sc_min),
        metric(r.fit.rf_sc_max),
        metric(r.rcr_typ),
        metric(r.rcr_dev),
        r.rcc_rank.number()
    );
    let initial = r
        .initial
        .as_ref()
        .map_or_else(|| "no solution".to_owned(), ToString::to_string);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (SIZE, SIZE)).into_drawing_area();
        root.fill(&WHITE).map_err(drawing)?;
        let (top, bottom) = root.split_vertically(48);
        let title = format!("Robustness: IS = {initial} against the test sets");
        top.draw(&Text::new(title, (20, 10), ("sans-serif", 16)))
            .map_err(drawing)?;
        top.draw(&Text::new(subtitle, (20, 32), ("sans-serif", 12)))
            .map_err(drawing)?;
        let mut chart = unit_square_chart(&bottom, "", "IS (initial solution)", axis.label())?;
        // Translucent, so that the diagonal shows through.
        let shade = BLACK.mix(0.07).filled();
        chart
            .draw_series([
                Rectangle::new([(0.5, 0.5), (1.0, 1.0)], shade),
                Rectangle::new([(0.0, 0.0), (0.5, 0.5)], shade),
            ])
            .map_err(drawing)?;
        let kinds = CaseType::ALL.iter().map(|&t| Some(t)).chain([None]);
        for kind in kinds {
            let mine: Vec<(f64, f64)> = points
                .iter()
                .zip(&types)
                .filter(|(_, t)| **t == kind)
                .map(|(p, _)| *p)
                .collect();
            if mine.is_empty() {
                continue;
            }
            draw_type(&mut chart, kind, &mine)?;
        }
        chart
            .draw_series(points.iter().zip(&r.cases).map(|(&p, case)| {
                EmptyElement::at(p) + Text::new(case.clone(), (6, -14), ("sans-serif", 10))
            }))
            .map_err(drawing)?;
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .label_font(("sans-serif", 11))
            .draw()
            .map_err(drawing)?;
        root.present().map_err(drawing)?;
    }
    Ok(svg)
}
