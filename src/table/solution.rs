//! A model of a solution as researchers print it (SetMethods' `stargazerSol`).

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
/// assert!(table.render(TableFormat::Text, 2).contains("Solution  1.00  1.00  1.00"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn solution_table(model: &Model, caption: &str) -> Table {
    let mut table = Table::new(
        ["", "inclS", "PRI", "covS", "covU"],
        [Align::Left, Align::Right, Align::Right, Align::Right, Align::Right],
    )
    .expect("one alignment per column")
    .with_caption(caption);
    for term in model.terms() {
        table
            .push_row(vec![
                Cell::Text(term.expression().to_string()),
                Cell::Number(term.incl()),
                Cell::Number(term.pri()),
                Cell::Number(term.cov()),
                Cell::Number(term.cov_unique()),
            ])
            .expect("one cell per column");
    }
    let fit = model.fit();
    table
        .push_footer_row(vec![
            Cell::from("Solution"),
            Cell::Number(fit.incl),
            Cell::Number(fit.pri),
            Cell::Number(fit.cov),
            Cell::Empty,
        ])
        .expect("one cell per column");
    table
}
