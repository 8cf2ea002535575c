//! Tables as GitHub-flavoured Markdown pipe tables.

use super::{Align, Cell, Table};

/// The characters Markdown reads as table syntax, emphasis, strike-through, code, links or
/// HTML: a backslash before each keeps them literal.
const SPECIAL: &[char] = &['\\', '|', '*', '_', '~', '`', '[', ']', '<', '>'];

/// `text` with Markdown's special characters escaped and line breaks made spaces.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
            out.push(c);
        } else if c == '\n' || c == '\r' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

fn cell(cell: &Cell, digits: usize) -> String {
    match cell {
        Cell::Text(text) => escape(text),
        other => other.plain(digits),
    }
}

/// The table as a pipe table; the caption in bold above it, footer rows after the body (a
/// pipe table has one body), notes below it.
pub(super) fn render(table: &Table, digits: usize) -> String {
    let mut out = String::new();
    if let Some(caption) = table.get_caption() {
        out.push_str(&format!("**{}**\n\n", escape(caption)));
    }
    let header: Vec<String> = table.get_header().iter().map(|h| escape(h)).collect();
    push_row(&mut out, &header);
    let rule: Vec<String> = table
        .get_align()
        .iter()
        .map(|a| {
            match a {
                Align::Left => ":---",
                Align::Center => ":---:",
                Align::Right => "---:",
            }
            .to_owned()
        })
        .collect();
    push_row(&mut out, &rule);
    for row in table.get_body().iter().chain(table.get_footer()) {
        let cells: Vec<String> = row.iter().map(|c| cell(c, digits)).collect();
        push_row(&mut out, &cells);
    }
    let notes = table.note_lines(|m| m.unicode().to_owned(), escape);
    if !notes.is_empty() {
        out.push('\n');
        for note in notes {
            out.push_str(&note);
            out.push_str("  \n");
        }
    }
    out
}

fn push_row(out: &mut String, cells: &[String]) {
    out.push('|');
    for c in cells {
        out.push(' ');
        out.push_str(c);
        out.push_str(" |");
    }
    out.push('\n');
}
