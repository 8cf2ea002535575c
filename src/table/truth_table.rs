//! The truth table as researchers print it (SetMethods' `stargazerTT`).

use std::cmp::Ordering;

use crate::truth_table::{OutputValue, Row, TruthTable};

use super::{Align, Cell, Table};

/// The rank of an output value in the printed order: positive rows first, then
/// contradictions, negative rows and remainders.
fn out_rank(out: OutputValue) -> u8 {
    match out {
        OutputValue::Positive => 0,
        OutputValue::Contradiction => 1,
        OutputValue::Negative => 2,
        OutputValue::Remainder => 3,
    }
}

/// Descending order of a measure, undefined last.
fn descending(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.total_cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The truth table's rows (those it holds) as a table: row id, one column per condition, OUT,
/// n, incl, PRI and cases; sorted as SetMethods' `stargazerTT` sorts them: by OUT (positive,
/// contradiction, negative, remainder), then incl, n and PRI, all descending, ties by row id.
/// Remainders print OUT as `?`.
///
/// # Example
/// ```
/// use fsqca::{table::{truth_table_table, TableFormat}, Dataset, TruthTableOptions};
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
///     ("Y", vec![1.0, 1.0, 0.0, 0.0]),
/// ])?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
/// let table = truth_table_table(&tt);
/// assert_eq!(table.get_header(), ["row", "A", "B", "OUT", "n", "incl", "PRI", "cases"]);
/// // Caption, blank line, header, alignment row, then the rows.
/// let first = table.render(TableFormat::Markdown, 3).lines().nth(4).unwrap().to_owned();
/// // Positive rows first; ties in incl, n and PRI by row id.
/// assert!(first.starts_with("| 3 | 1 | 0 | 1 | 1 | 1.000 |"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn truth_table_table(tt: &TruthTable) -> Table {
    let mut header = vec!["row".to_owned()];
    header.extend(tt.conditions().iter().cloned());
    header.extend(["OUT", "n", "incl", "PRI", "cases"].map(str::to_owned));
    let mut align = vec![Align::Right; header.len()];
    if let Some(last) = align.last_mut() {
        *last = Align::Left;
    }
    let mut rows: Vec<&Row> = tt.rows().iter().collect();
    rows.sort_by(|a, b| {
        out_rank(a.out())
            .cmp(&out_rank(b.out()))
            .then_with(|| descending(a.incl(), b.incl()))
            .then_with(|| b.n().cmp(&a.n()))
            .then_with(|| descending(a.pri(), b.pri()))
            .then_with(|| a.id().cmp(&b.id()))
    });
    let mut table = Table::new(header, align)
        .expect("one alignment per column")
        .with_caption(format!("Truth table for {}", tt.outcome_label()));
    for row in rows {
        let mut cells = vec![Cell::Text(row.id().to_string())];
        cells.extend(row.values().iter().map(|v| Cell::Text(v.to_string())));
        cells.push(Cell::Text(row.out().symbol().to_owned()));
        cells.push(Cell::Text(row.n().to_string()));
        cells.push(Cell::Number(row.incl()));
        cells.push(Cell::Number(row.pri()));
        cells.push(Cell::Text(row.cases().join(", ")));
        table.push_row(cells).expect("one cell per column");
    }
    table
}
