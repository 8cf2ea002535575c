//! The output formats of publication tables.

use std::fmt;
use std::str::FromStr;

use super::error::TableError;

/// How a [`Table`](super::Table) is written.
///
/// # Example
/// ```
/// use fsqca::table::TableFormat;
/// let format: TableFormat = "latex".parse()?;
/// assert_eq!(format, TableFormat::Latex);
/// assert_eq!(TableFormat::Markdown.to_string(), "markdown");
/// assert!("docx".parse::<TableFormat>().is_err());
/// # Ok::<(), fsqca::table::TableError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum TableFormat {
    /// Aligned columns for a terminal.
    Text,
    /// A GitHub-flavoured Markdown pipe table.
    Markdown,
    /// A LaTeX `table` with a booktabs `tabular` (`\toprule`, `\midrule`, `\bottomrule`).
    Latex,
    /// An HTML `<table>`.
    Html,
}

impl TableFormat {
    /// Every format, in the order of the documentation.
    pub const ALL: [TableFormat; 4] = [
        TableFormat::Text,
        TableFormat::Markdown,
        TableFormat::Latex,
        TableFormat::Html,
    ];
}

impl fmt::Display for TableFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TableFormat::Text => "text",
            TableFormat::Markdown => "markdown",
            TableFormat::Latex => "latex",
            TableFormat::Html => "html",
        })
    }
}

impl FromStr for TableFormat {
    type Err = TableError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TableFormat::ALL
            .into_iter()
            .find(|f| f.to_string() == s)
            .ok_or_else(|| TableError::UnknownFormat(s.to_owned()))
    }
}
