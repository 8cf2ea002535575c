//! Tables as HTML.
//!
//! Text is escaped by the `html-escape` crate (its `encode_text` for element content: `&`,
//! `<`, `>`; quotes need no escaping there, and no attribute carries text of the table), not by
//! hand.

use html_escape::encode_text;

use super::{Align, Cell, Table};

fn style(align: Align) -> &'static str {
    match align {
        Align::Left => "text-align: left",
        Align::Center => "text-align: center",
        Align::Right => "text-align: right",
    }
}

fn cell(cell: &Cell, digits: usize) -> String {
    match cell {
        Cell::Text(text) => encode_text(text).into_owned(),
        Cell::Mark(mark) if mark.is_large() => {
            format!("<span style=\"font-size: 1.5em\">{}</span>", mark.unicode())
        }
        other => encode_text(&other.plain(digits)).into_owned(),
    }
}

/// The table as one `<table>` element: caption, `<thead>`, `<tbody>`, the footer rows in a
/// second `<tbody>`, notes in `<tfoot>`.
pub(super) fn render(table: &Table, digits: usize) -> String {
    let align = table.get_align();
    let mut out = String::from("<table>\n");
    if let Some(caption) = table.get_caption() {
        out.push_str(&format!("<caption>{}</caption>\n", encode_text(caption)));
    }
    out.push_str("<thead>\n<tr>");
    for (h, a) in table.get_header().iter().zip(align) {
        out.push_str(&format!(
            "<th style=\"{}\">{}</th>",
            style(*a),
            encode_text(h)
        ));
    }
    out.push_str("</tr>\n</thead>\n");
    for rows in [table.get_body(), table.get_footer()] {
        if rows.is_empty() {
            continue;
        }
        out.push_str("<tbody>\n");
        for row in rows {
            out.push_str("<tr>");
            for (c, a) in row.iter().zip(align) {
                out.push_str(&format!(
                    "<td style=\"{}\">{}</td>",
                    style(*a),
                    cell(c, digits)
                ));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n");
    }
    let escape = |text: &str| encode_text(text).into_owned();
    let notes = table.note_lines(|m| m.unicode().to_owned(), escape);
    if !notes.is_empty() {
        out.push_str(&format!(
            "<tfoot>\n<tr><td colspan=\"{}\">",
            table.get_header().len()
        ));
        out.push_str(&notes.join("<br/>"));
        out.push_str("</td></tr>\n</tfoot>\n");
    }
    out.push_str("</table>\n");
    out
}
