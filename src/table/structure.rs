//! The typed table: header, alignments, rows, footer, caption, legend and notes.

use super::cell::{Cell, Mark};
use super::error::TableError;
use super::format::TableFormat;

/// The alignment of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Align {
    /// Left-aligned (labels).
    Left,
    /// Centred (chart symbols).
    Center,
    /// Right-aligned (numbers).
    Right,
}

/// A table for a paper: header, body rows, footer rows, caption and notes.
///
/// # Example
/// ```
/// use fsqca::table::{Align, Cell, Table, TableFormat};
/// let mut table = Table::new(["", "1"], [Align::Left, Align::Center])?
///     .with_caption("Configurations for Y")
///     .with_note("Blank: don't care.");
/// table.push_row(vec![Cell::from("A"), Cell::Empty])?;
/// table.push_footer_row(vec![Cell::from("Consistency"), Cell::from(Some(0.9))])?;
/// assert_eq!(table.get_body().len(), 1);
/// assert_eq!(table.get_footer().len(), 1);
/// assert!(table.render(TableFormat::Latex, 3).contains("0.900"));
/// # Ok::<(), fsqca::table::TableError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Table {
    caption: Option<String>,
    header: Vec<String>,
    align: Vec<Align>,
    body: Vec<Vec<Cell>>,
    footer: Vec<Vec<Cell>>,
    legend: Vec<(Mark, String)>,
    notes: Vec<String>,
}

impl Table {
    /// A table with this header and one alignment per column; an error if the counts differ.
    ///
    /// # Example
    /// ```
    /// use fsqca::table::{Align, Table, TableError};
    /// assert!(Table::new(["a", "b"], [Align::Left, Align::Right]).is_ok());
    /// assert_eq!(
    ///     Table::new(["a", "b"], [Align::Left]).unwrap_err(),
    ///     TableError::AlignWidth { expected: 2, found: 1 }
    /// );
    /// ```
    pub fn new<S: Into<String>>(
        header: impl IntoIterator<Item = S>,
        align: impl IntoIterator<Item = Align>,
    ) -> Result<Self, TableError> {
        let header: Vec<String> = header.into_iter().map(Into::into).collect();
        let align: Vec<Align> = align.into_iter().collect();
        if header.len() != align.len() {
            return Err(TableError::AlignWidth {
                expected: header.len(),
                found: align.len(),
            });
        }
        Ok(Table {
            caption: None,
            header,
            align,
            body: Vec::new(),
            footer: Vec::new(),
            legend: Vec::new(),
            notes: Vec::new(),
        })
    }

    /// The table with a caption.
    ///
    /// # Example
    /// ```
    /// use fsqca::table::{Align, Table};
    /// let table = Table::new(["a"], [Align::Left])?.with_caption("Truth table");
    /// assert_eq!(table.get_caption(), Some("Truth table"));
    /// # Ok::<(), fsqca::table::TableError>(())
    /// ```
    pub fn with_caption(mut self, caption: impl Into<String>) -> Self {
        self.caption = Some(caption.into());
        self
    }

    /// The table with one more note (written below it).
    ///
    /// # Example
    /// ```
    /// use fsqca::table::{Align, Table};
    /// let table = Table::new(["a"], [Align::Left])?.with_note("n: number of cases.");
    /// assert_eq!(table.get_notes(), ["n: number of cases."]);
    /// # Ok::<(), fsqca::table::TableError>(())
    /// ```
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// The table with one more legend entry: a mark and its meaning, written below the table
    /// (before the notes) with the format's symbol.
    ///
    /// # Example
    /// ```
    /// use fsqca::table::{Align, Mark, Table, TableFormat};
    /// let table = Table::new(["a"], [Align::Left])?.with_legend(Mark::SmallFilled, "peripheral");
    /// assert!(table.render(TableFormat::Latex, 3).contains(r"$\bullet$ peripheral"));
    /// assert!(table.render(TableFormat::Text, 3).contains("• peripheral"));
    /// # Ok::<(), fsqca::table::TableError>(())
    /// ```
    pub fn with_legend(mut self, mark: Mark, meaning: impl Into<String>) -> Self {
        self.legend.push((mark, meaning.into()));
        self
    }

    /// Adds a body row; an error if it has another number of cells than the header.
    ///
    /// # Example
    /// ```
    /// use fsqca::table::{Align, Cell, Table, TableError};
    /// let mut table = Table::new(["a", "b"], [Align::Left, Align::Right])?;
    /// assert_eq!(
    ///     table.push_row(vec![Cell::Empty]),
    ///     Err(TableError::RowWidth { row: 0, expected: 2, found: 1 })
    /// );
    /// # Ok::<(), TableError>(())
    /// ```
    pub fn push_row(&mut self, cells: Vec<Cell>) -> Result<(), TableError> {
        self.check_width(&cells)?;
        self.body.push(cells);
        Ok(())
    }

    /// Adds a footer row (below a rule: the fit of a chart, the solution row of a table); an
    /// error if it has another number of cells than the header.
    ///
    /// # Example
    /// ```
    /// use fsqca::table::{Align, Cell, Table};
    /// let mut table = Table::new(["a"], [Align::Left])?;
    /// table.push_footer_row(vec![Cell::from("Solution")])?;
    /// assert_eq!(table.get_footer()[0], [Cell::from("Solution")]);
    /// # Ok::<(), fsqca::table::TableError>(())
    /// ```
    pub fn push_footer_row(&mut self, cells: Vec<Cell>) -> Result<(), TableError> {
        self.check_width(&cells)?;
        self.footer.push(cells);
        Ok(())
    }

    fn check_width(&self, cells: &[Cell]) -> Result<(), TableError> {
        if cells.len() == self.header.len() {
            Ok(())
        } else {
            Err(TableError::RowWidth {
                row: self.body.len() + self.footer.len(),
                expected: self.header.len(),
                found: cells.len(),
            })
        }
    }

    /// The caption, if any.
    ///
    /// # Example
    /// ```
    /// use fsqca::table::{Align, Table};
    /// assert_eq!(Table::new(["a"], [Align::Left])?.get_caption(), None);
    /// # Ok::<(), fsqca::table::TableError>(())
    /// ```
    pub fn get_caption(&self) -> Option<&str> {
        self.caption.as_deref()
    }

    /// The column headers.
    ///
    /// # Example
    /// ```
    /// use fsqca::table::{Align, Table};
    /// assert_eq!(Table::new(["a"], [Align::Left])?.get_header(), ["a"]);
    /// # Ok::<(), fsqca::table::TableError>(())
    /// ```
    pub fn get_header(&self) -> &[String] {
        &self.header
    }

    /// The alignment of each column.
    ///
    /// # Example
    /// ```
    /// use fsqca::table::{Align, Table};
    /// assert_eq!(Table::new(["a"], [Align::Right])?.get_align(), [Align::Right]);
    /// # Ok::<(), fsqca::table::TableError>(())
    /// ```
    pub fn get_align(&self) -> &[Align] {
        &self.align
    }

    /// The body rows.
    ///
    /// # Example
    /// ```
    /// use fsqca::table::{Align, Table};
    /// assert!(Table::new(["a"], [Align::Left])?.get_body().is_empty());
    /// # Ok::<(), fsqca::table::TableError>(())
    /// ```
    pub fn get_body(&self) -> &[Vec<Cell>] {
        &self.body
    }

    /// The footer rows.
    ///
    /// # Example
    /// ```
    /// use fsqca::table::{Align, Table};
    /// assert!(Table::new(["a"], [Align::Left])?.get_footer().is_empty());
    /// # Ok::<(), fsqca::table::TableError>(())
    /// ```
    pub fn get_footer(&self) -> &[Vec<Cell>] {
        &self.footer
    }

    /// The legend: each mark with its meaning.
    ///
    /// # Example
    /// ```
    /// use fsqca::table::{Align, Table};
    /// assert!(Table::new(["a"], [Align::Left])?.get_legend().is_empty());
    /// # Ok::<(), fsqca::table::TableError>(())
    /// ```
    pub fn get_legend(&self) -> &[(Mark, String)] {
        &self.legend
    }

    /// The lines below the table: the legend on one line (each mark written by `mark`,
    /// each meaning escaped by `escape`), if any, then the notes escaped by `escape`.
    pub(super) fn note_lines(
        &self,
        mark: impl Fn(Mark) -> String,
        escape: impl Fn(&str) -> String,
    ) -> Vec<String> {
        let legend = (!self.legend.is_empty()).then(|| {
            let entries: Vec<String> = self
                .legend
                .iter()
                .map(|(m, meaning)| format!("{} {}", mark(*m), escape(meaning)))
                .collect();
            format!("{}.", entries.join("; "))
        });
        legend
            .into_iter()
            .chain(self.notes.iter().map(|n| escape(n)))
            .collect()
    }

    /// The notes.
    ///
    /// # Example
    /// ```
    /// use fsqca::table::{Align, Table};
    /// assert!(Table::new(["a"], [Align::Left])?.get_notes().is_empty());
    /// # Ok::<(), fsqca::table::TableError>(())
    /// ```
    pub fn get_notes(&self) -> &[String] {
        &self.notes
    }

    /// The table written in `format`, numbers with `digits` decimals.
    ///
    /// # Example
    /// ```
    /// use fsqca::table::{Align, Cell, Table, TableFormat};
    /// let mut table = Table::new(["cond_1", "incl"], [Align::Left, Align::Right])?;
    /// table.push_row(vec![Cell::from("A_1 & B"), Cell::from(Some(0.8))])?;
    /// let latex = table.render(TableFormat::Latex, 2);
    /// assert!(latex.contains(r"cond\_1 & incl \\"));
    /// assert!(latex.contains(r"A\_1 \& B & 0.80 \\"));
    /// let html = table.render(TableFormat::Html, 2);
    /// assert!(html.contains("<td style=\"text-align: left\">A_1 &amp; B</td>"));
    /// # Ok::<(), fsqca::table::TableError>(())
    /// ```
    pub fn render(&self, format: TableFormat, digits: usize) -> String {
        match format {
            TableFormat::Text => super::text::render(self, digits),
            TableFormat::Markdown => super::markdown::render(self, digits),
            TableFormat::Latex => super::latex::render(self, digits),
            TableFormat::Html => super::html::render(self, digits),
        }
    }
}
