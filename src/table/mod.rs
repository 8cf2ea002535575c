//! Publication tables: one typed table written as text, Markdown, LaTeX or HTML.
//!
//! Researchers copy truth tables, solutions, necessity tables and configuration charts into
//! papers. A [`Table`] holds a header, body rows, optional footer rows (fit below a rule, as
//! configuration charts have), a caption and notes; [`Table::render`] writes it in a
//! [`TableFormat`] with numbers rounded to the given digits and text escaped for the format:
//!
//! - text: aligned columns;
//! - Markdown: a GitHub-flavoured pipe table, with `|` and the characters Markdown would read
//!   as emphasis, strike-through, code or links (`\ * _ ~ ` [ ] < >`) escaped by a backslash;
//! - LaTeX: a `table` with a booktabs `tabular` (`\toprule`, `\midrule`, `\bottomrule`), with
//!   `\ _ & % # $ { } ~ ^` escaped;
//! - HTML: a `<table>` with `<thead>`, `<tbody>` and `<tfoot>`, text escaped by the
//!   `html-escape` crate.
//!
//! [`truth_table_table`], [`solution_table`], [`fit_table`] and [`necessity_table`] give the tables
//! researchers print for the crate's results.
//!
//! # Example
//! ```
//! use fsqca::table::{Align, Cell, Table, TableFormat};
//! let mut table = Table::new(["term", "inclS"], [Align::Left, Align::Right])?;
//! table.push_row(vec![Cell::from("A*~B"), Cell::from(Some(0.91234))])?;
//! let markdown = table.render(TableFormat::Markdown, 2);
//! assert_eq!(markdown, "| term | inclS |\n| :--- | ---: |\n| A\\*\\~B | 0.91 |\n");
//! # Ok::<(), fsqca::table::TableError>(())
//! ```

mod cell;
mod error;
mod format;
mod html;
mod latex;
mod markdown;
mod necessity;
mod solution;
mod structure;
mod text;
mod truth_table;

pub use cell::{Cell, Mark};
pub use error::TableError;
pub use format::TableFormat;
pub use necessity::necessity_table;
pub use solution::{fit_table, solution_table};
pub use structure::{Align, Table};
pub use truth_table::truth_table_table;

#[cfg(test)]
mod tests;
