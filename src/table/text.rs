//! Tables as aligned text.

use std::fmt::Write;

use crate::text::{pad_left, pad_right};

use super::{Align, Table};

/// The table as aligned columns: caption, header, a rule, body, a rule and footer, notes.
pub(super) fn render(table: &Table, digits: usize) -> String {
    let header = table.get_header().to_vec();
    let body = plain_rows(table.get_body(), digits);
    let footer = plain_rows(table.get_footer(), digits);
    let widths: Vec<usize> = (0..header.len())
        .map(|j| {
            std::iter::once(&header)
                .chain(&body)
                .chain(&footer)
                .map(|row| row[j].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let rule = "-".repeat(widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1));
    let mut out = String::new();
    if let Some(caption) = table.get_caption() {
        out.push_str(caption);
        out.push('\n');
    }
    write_row(&mut out, &header, &widths, table.get_align());
    out.push_str(&rule);
    out.push('\n');
    for row in &body {
        write_row(&mut out, row, &widths, table.get_align());
    }
    if !footer.is_empty() {
        out.push_str(&rule);
        out.push('\n');
        for row in &footer {
            write_row(&mut out, row, &widths, table.get_align());
        }
    }
    for note in table.note_lines(|m| m.unicode().to_owned(), str::to_owned) {
        out.push_str(&note);
        out.push('\n');
    }
    out
}

fn plain_rows(rows: &[Vec<super::Cell>], digits: usize) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(|c| c.plain(digits)).collect())
        .collect()
}

fn write_row(out: &mut String, cells: &[String], widths: &[usize], align: &[Align]) {
    let mut line = String::new();
    for (j, cell) in cells.iter().enumerate() {
        if j > 0 {
            line.push_str("  ");
        }
        // Writing to a String cannot fail.
        let _ = match align[j] {
            Align::Left => pad_right(&mut line, cell, widths[j]),
            Align::Right => pad_left(&mut line, cell, widths[j]),
            Align::Center => {
                let left = (widths[j] - cell.chars().count()) / 2;
                pad_left(&mut line, cell, left + cell.chars().count()).and_then(|()| {
                    pad_right(&mut line, "", widths[j] - left - cell.chars().count())
                })
            }
        };
    }
    let _ = writeln!(out, "{}", line.trim_end());
}
