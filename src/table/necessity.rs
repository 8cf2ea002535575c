//! A necessity table as researchers print it.

use crate::expression::Expression;
use crate::fit::Necessity;

use super::{Align, Cell, Table};

/// The necessity of expressions (e.g. the rows of
/// [`fit::necessity_table`](crate::fit::necessity_table)) as a table: one row per expression
/// with inclN, RoN and covN.
///
/// # Example
/// ```
/// use fsqca::{fit, table::{necessity_table, TableFormat}, Dataset};
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
///     ("Y", vec![1.0, 1.0, 0.0, 0.0]),
/// ])?;
/// let rows = fit::necessity_table(&data, "Y", &["A"])?;
/// let table = necessity_table(rows.iter().map(|r| (&r.expression, &r.necessity)), "Necessity for Y");
/// assert_eq!(table.get_header(), ["", "inclN", "RoN", "covN"]);
/// assert!(table.render(TableFormat::Markdown, 2).contains("| A | 1.00 | 1.00 | 1.00 |"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn necessity_table<'a>(
    rows: impl IntoIterator<Item = (&'a Expression, &'a Necessity)>,
    caption: &str,
) -> Table {
    let mut table = Table::new(
        ["", "inclN", "RoN", "covN"],
        [Align::Left, Align::Right, Align::Right, Align::Right],
    )
    .expect("one alignment per column")
    .with_caption(caption);
    for (expression, necessity) in rows {
        table
            .push_row(vec![
                Cell::Text(expression.to_string()),
                Cell::Number(necessity.incl),
                Cell::Number(necessity.ron),
                Cell::Number(necessity.cov),
            ])
            .expect("one cell per column");
    }
    table
}
