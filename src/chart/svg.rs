//! Configuration charts as SVG (plotters).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::build::ConfigurationChart;
use super::class::ConditionClass;
use super::error::ChartError;

/// Width of a configuration column, in pixels.
const COLUMN: i32 = 72;
/// Height of a condition row, in pixels.
const ROW: i32 = 34;
/// Height of a fit row, in pixels.
const FIT_ROW: i32 = 24;
/// Margin around the chart, in pixels.
const MARGIN: i32 = 20;
/// Radius of the large (core) circles.
const LARGE: i32 = 10;
/// Radius of the small (peripheral) circles.
const SMALL: i32 = 6;
/// Approximate width of a character of the 14-pixel font, for the label column.
const CHAR: i32 = 8;
/// Approximate width of a character of the 12-pixel font of the notes.
const NOTE_CHAR: i32 = 7;

fn drawing<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError::Drawing(e.to_string())
}

fn px(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX / 4)
}

impl ConfigurationChart {
    /// The chart as an SVG document: a large filled circle for a core condition present, a
    /// small filled circle for a peripheral one, large and small crossed circles for absence,
    /// blank for "don't care"; every condition and configuration labelled, the fit of each
    /// configuration and of the solution underneath, and the legend.
    ///
    /// # Errors
    /// [`ChartError::Drawing`] if plotters fails to draw.
    ///
    /// # Example
    /// ```
    /// use fsqca::chart::configuration_charts;
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// use fsqca::{Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let intermediate = SolutionOptions::new(SolutionType::Intermediate)
    ///     .directional_expectations("A, B".parse()?)
    ///     .solve(&tt)?;
    /// let parsimonious = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// let svg = configuration_charts(&intermediate, &parsimonious)?[0].svg(3)?;
    /// assert!(svg.starts_with("<svg"));
    /// assert!(svg.contains("Consistency"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn svg(&self, digits: usize) -> Result<String, ChartError> {
        let table = self.to_table();
        let configurations = &self.configurations;
        let footer = table.get_footer();
        let label_width = footer
            .iter()
            .map(|row| row[0].plain(digits))
            .chain(self.conditions.iter().cloned())
            .map(|l| px(l.chars().count()))
            .max()
            .unwrap_or(0)
            * CHAR
            + 2 * MARGIN;
        let title = self.title();
        let notes = table.get_notes();
        let left = MARGIN + label_width;
        let width = (left + px(configurations.len()) * COLUMN + MARGIN)
            .max(px(title.chars().count()) * CHAR + 2 * MARGIN)
            .max(
                notes
                    .iter()
                    .map(|n| px(n.chars().count()) * NOTE_CHAR)
                    .max()
                    .unwrap_or(0)
                    + 2 * MARGIN,
            )
            .max(600);
        let header_y = MARGIN + 40;
        let rows_y = header_y + ROW;
        let fit_y = rows_y + px(self.conditions.len()) * ROW + 8;
        let notes_y = fit_y + px(footer.len()) * FIT_ROW + 16;
        let legend = ConditionClass::MARKED;
        let legend_y = notes_y;
        let notes_y = legend_y + px(legend.len()) * ROW;
        let height = notes_y + px(notes.len()) * 18 + MARGIN;
        let size = (
            u32::try_from(width).map_err(drawing)?,
            u32::try_from(height).map_err(drawing)?,
        );
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
            root.fill(&WHITE).map_err(drawing)?;
            let font = ("sans-serif", 14).into_font().color(&BLACK);
            let centred = font.pos(Pos::new(HPos::Center, VPos::Center));
            let leftward = font.pos(Pos::new(HPos::Left, VPos::Center));
            root.draw(&Text::new(
                title.clone(),
                (MARGIN, MARGIN + 8),
                ("sans-serif", 16)
                    .into_font()
                    .color(&BLACK)
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(drawing)?;
            let centre_x = |k: usize| left + px(k) * COLUMN + COLUMN / 2;
            for (k, c) in configurations.iter().enumerate() {
                root.draw(&Text::new(
                    c.label.to_owned(),
                    (centre_x(k), header_y),
                    centred.clone(),
                ))
                .map_err(drawing)?;
            }
            let rule = |y: i32| {
                PathElement::new(
                    vec![(MARGIN, y), (width - MARGIN, y)],
                    BLACK.stroke_width(1),
                )
            };
            root.draw(&rule(header_y + ROW / 2)).map_err(drawing)?;
            for (j, condition) in self.conditions.iter().enumerate() {
                let y = rows_y + px(j) * ROW + ROW / 2;
                root.draw(&Text::new(condition.clone(), (MARGIN, y), leftward.clone()))
                    .map_err(drawing)?;
                for (k, c) in configurations.iter().enumerate() {
                    mark(&root, (centre_x(k), y), c.classes[j])?;
                }
            }
            root.draw(&rule(fit_y - 4)).map_err(drawing)?;
            for (r, row) in footer.iter().enumerate() {
                let y = fit_y + px(r) * FIT_ROW + FIT_ROW / 2;
                root.draw(&Text::new(
                    row[0].plain(digits),
                    (MARGIN, y),
                    leftward.clone(),
                ))
                .map_err(drawing)?;
                for (k, cell) in row[1..].iter().enumerate() {
                    root.draw(&Text::new(
                        cell.plain(digits),
                        (centre_x(k), y),
                        centred.clone(),
                    ))
                    .map_err(drawing)?;
                }
            }
            root.draw(&rule(legend_y - 8)).map_err(drawing)?;
            for (r, class) in legend.iter().enumerate() {
                let y = legend_y + px(r) * ROW + ROW / 2;
                mark(&root, (MARGIN + LARGE, y), *class)?;
                root.draw(&Text::new(
                    class.meaning().to_owned(),
                    (MARGIN + 3 * LARGE, y),
                    leftward.clone(),
                ))
                .map_err(drawing)?;
            }
            let small = ("sans-serif", 12)
                .into_font()
                .color(&BLACK)
                .pos(Pos::new(HPos::Left, VPos::Center));
            for (r, note) in notes.iter().enumerate() {
                root.draw(&Text::new(
                    note.clone(),
                    (MARGIN, notes_y + px(r) * 18 + 9),
                    small.clone(),
                ))
                .map_err(drawing)?;
            }
            root.present().map_err(drawing)?;
        }
        Ok(svg)
    }
}

/// Draws the symbol of `class` centred on `at`.
fn mark<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    at: (i32, i32),
    class: ConditionClass,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let Some(symbol) = class.mark() else {
        return Ok(());
    };
    let radius = if symbol.is_large() { LARGE } else { SMALL };
    match class {
        ConditionClass::CorePresent | ConditionClass::PeripheralPresent => root
            .draw(&Circle::new(at, radius, BLACK.filled()))
            .map_err(drawing),
        _ => {
            root.draw(&Circle::new(at, radius, BLACK.stroke_width(2)))
                .map_err(drawing)?;
            // The cross inside the circle, along its diagonals.
            let d = radius * 707 / 1000;
            for (from, to) in [
                ((at.0 - d, at.1 - d), (at.0 + d, at.1 + d)),
                ((at.0 - d, at.1 + d), (at.0 + d, at.1 - d)),
            ] {
                root.draw(&PathElement::new(vec![from, to], BLACK.stroke_width(2)))
                    .map_err(drawing)?;
            }
            Ok(())
        }
    }
}
