//! Tables as LaTeX booktabs tables.

use super::{Align, Cell, Table};

/// `text` with LaTeX's special characters escaped (`\ _ & % # $ { } ~ ^`).
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str(r"\textbackslash{}"),
            '~' => out.push_str(r"\textasciitilde{}"),
            '^' => out.push_str(r"\textasciicircum{}"),
            '_' | '&' | '%' | '#' | '$' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            other => out.push(other),
        }
    }
    out
}

fn cell(cell: &Cell, digits: usize) -> String {
    match cell {
        Cell::Text(text) => escape(text),
        Cell::Mark(mark) => mark.latex().to_owned(),
        other => other.plain(digits),
    }
}

/// The table as a floating `table` with a booktabs `tabular`; notes in a footnote-size
/// paragraph below the tabular.
pub(super) fn render(table: &Table, digits: usize) -> String {
    let spec: String = table
        .get_align()
        .iter()
        .map(|a| match a {
            Align::Left => 'l',
            Align::Center => 'c',
            Align::Right => 'r',
        })
        .collect();
    let mut out = String::from("\\begin{table}[htbp]\n\\centering\n");
    if let Some(caption) = table.get_caption() {
        out.push_str(&format!("\\caption{{{}}}\n", escape(caption)));
    }
    out.push_str(&format!("\\begin{{tabular}}{{{spec}}}\n\\toprule\n"));
    let header: Vec<String> = table.get_header().iter().map(|h| escape(h)).collect();
    push_row(&mut out, &header);
    out.push_str("\\midrule\n");
    for row in table.get_body() {
        push_row(
            &mut out,
            &row.iter().map(|c| cell(c, digits)).collect::<Vec<_>>(),
        );
    }
    if !table.get_footer().is_empty() {
        out.push_str("\\midrule\n");
        for row in table.get_footer() {
            push_row(
                &mut out,
                &row.iter().map(|c| cell(c, digits)).collect::<Vec<_>>(),
            );
        }
    }
    out.push_str("\\bottomrule\n\\end{tabular}\n");
    let notes = table.note_lines(|m| m.latex().to_owned(), escape);
    if !notes.is_empty() {
        out.push_str(&format!(
            "\\par\\smallskip{{\\footnotesize {}}}\n",
            notes.join(" ")
        ));
    }
    out.push_str("\\end{table}\n");
    out
}

fn push_row(out: &mut String, cells: &[String]) {
    out.push_str(&cells.join(" & "));
    out.push_str(" \\\\\n");
}
