//! A model of a solution as researchers print it (SetMethods' `stargazerSol`).

use crate::expression::Expression;
use crate::fit::{SolutionFit, Sufficiency};
use crate::solution::Model;

use super::{Align, Cell, Table};

/// One model as a table: one row per term with inclS, PRI, covS and covU, then a `Solution`
/// row with the model's inclS, PRI and covS (covU blank), as SetMethods' `stargazerSol`.
///
/// # Example
/// ```
/// use fsqca::{solution::{SolutionOptions, SolutionType}, table::{solution_table, TableFormat}};
/// use fsqca::{Dataset, TruthTableOptions};
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
///     ("Y", vec![1.0, 1.0, 0.0, 0.0]),
/// ])?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
/// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
/// let table = solution_table(&solution.models()[0], "Model 1 for Y");
/// assert_eq!(table.get_header(), ["", "inclS", "PRI", "covS", "covU"]);
/// let markdown = table.render(TableFormat::Markdown, 2);
/// assert!(markdown.contains("| Solution | 1.00 | 1.00 | 1.00 |  |"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn solution_table(model: &Model, caption: &str) -> Table {
    sufficiency_table(
        model.terms().iter().map(|t| {
            let measures = [t.incl(), t.pri(), t.cov(), t.cov_unique()];
            (t.expression(), measures)
        }),
        model.fit(),
        caption,
    )
}

/// The fit of a sum of products (from [`fit::solution`](crate::fit::solution)) as a table, as
/// [`solution_table`]: one row per term with inclS, PRI, covS and covU, then a `Solution` row.
///
/// # Example
/// ```
/// use fsqca::{fit, table::{fit_table, TableFormat}, Dataset, Expression};
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
///     ("Y", vec![1.0, 1.0, 0.0, 0.0]),
/// ])?;
/// let expression: Expression = "A + B".parse()?;
/// let outcome: Expression = "Y".parse()?;
/// let f = fit::solution(expression.disjuncts(), &data, &outcome)?;
/// let table = fit_table(&f, "Fit of A + B");
/// assert_eq!(table.get_body().len(), 2);
/// assert!(table.render(TableFormat::Markdown, 2).contains("| Solution | 0.67 | 0.67 | 1.00 |  |"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn fit_table(fit: &SolutionFit, caption: &str) -> Table {
    sufficiency_table(
        fit.terms
            .iter()
            .map(|t| (&t.expression, [t.incl, t.pri, t.cov, t.cov_unique])),
        &fit.solution,
        caption,
    )
}

/// Terms with their inclS, PRI, covS and covU, then the `Solution` row.
fn sufficiency_table<'a>(
    terms: impl Iterator<Item = (&'a Expression, [Option<f64>; 4])>,
    solution: &Sufficiency,
    caption: &str,
) -> Table {
    let mut table = Table::new(
        ["", "inclS", "PRI", "covS", "covU"],
        [
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
        ],
    )
    .expect("one alignment per column")
    .with_caption(caption);
    for (expression, measures) in terms {
        let mut row = vec![Cell::Text(expression.to_string())];
        row.extend(measures.map(Cell::Number));
        table.push_row(row).expect("one cell per column");
    }
    table
        .push_footer_row(vec![
            Cell::from("Solution"),
            Cell::Number(solution.incl),
            Cell::Number(solution.pri),
            Cell::Number(solution.cov),
            Cell::Empty,
        ])
        .expect("one cell per column");
    table
}
