//! The cells of a table: text, numbers rounded when written, and the marks of charts.

/// One cell of a [`Table`](super::Table).
///
/// Text is escaped for the output format when written; a number is rounded to the table's
/// digits then (`None`, an undefined measure, is written `-`); a [`Mark`] is written with the
/// format's own symbol.
///
/// # Example
/// ```
/// use fsqca::table::{Cell, Mark};
/// assert_eq!(Cell::from("A*B"), Cell::Text("A*B".to_owned()));
/// assert_eq!(Cell::from(Some(0.5)), Cell::Number(Some(0.5)));
/// assert_eq!(Cell::Number(Some(0.81234)).plain(2), "0.81");
/// assert_eq!(Cell::Mark(Mark::LargeFilled).plain(2), "●");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Cell {
    /// Text, escaped when written.
    Text(String),
    /// A measure, rounded when written; `None` (undefined) is written `-`.
    Number(Option<f64>),
    /// A chart symbol.
    Mark(Mark),
    /// Nothing (a blank cell).
    Empty,
}

/// The symbols of configuration charts (Ragin & Fiss 2008; Fiss 2011).
///
/// # Example
/// ```
/// use fsqca::table::Mark;
/// assert_eq!(Mark::SmallCrossed.unicode(), "⊗");
/// assert_eq!(Mark::LargeCrossed.latex(), r"{\Large$\otimes$}");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Mark {
    /// A large filled circle: a core condition present.
    LargeFilled,
    /// A small filled circle: a peripheral condition present.
    SmallFilled,
    /// A large crossed circle: a core condition absent.
    LargeCrossed,
    /// A small crossed circle: a peripheral condition absent.
    SmallCrossed,
}

impl Mark {
    /// The symbol in plain text, Markdown and HTML.
    ///
    /// # Example
    /// ```
    /// use fsqca::table::Mark;
    /// assert_eq!(Mark::LargeFilled.unicode(), "●");
    /// assert_eq!(Mark::SmallFilled.unicode(), "•");
    /// ```
    pub fn unicode(self) -> &'static str {
        match self {
            Mark::LargeFilled => "●",
            Mark::SmallFilled => "•",
            Mark::LargeCrossed => "⨂",
            Mark::SmallCrossed => "⊗",
        }
    }

    /// The symbol in LaTeX (standard commands only: no package beyond booktabs).
    ///
    /// # Example
    /// ```
    /// use fsqca::table::Mark;
    /// assert_eq!(Mark::SmallFilled.latex(), r"$\bullet$");
    /// ```
    pub fn latex(self) -> &'static str {
        match self {
            Mark::LargeFilled => r"{\Large$\bullet$}",
            Mark::SmallFilled => r"$\bullet$",
            Mark::LargeCrossed => r"{\Large$\otimes$}",
            Mark::SmallCrossed => r"$\otimes$",
        }
    }

    /// Whether the symbol is the large one (a core condition).
    ///
    /// # Example
    /// ```
    /// use fsqca::table::Mark;
    /// assert!(Mark::LargeCrossed.is_large());
    /// assert!(!Mark::SmallFilled.is_large());
    /// ```
    pub fn is_large(self) -> bool {
        matches!(self, Mark::LargeFilled | Mark::LargeCrossed)
    }
}

impl Cell {
    /// The cell as plain (unescaped) text: numbers with `digits` decimals, marks as Unicode.
    ///
    /// # Example
    /// ```
    /// use fsqca::table::Cell;
    /// assert_eq!(Cell::Number(None).plain(3), "-");
    /// assert_eq!(Cell::Number(Some(2.0 / 3.0)).plain(3), "0.667");
    /// assert_eq!(Cell::Empty.plain(3), "");
    /// ```
    pub fn plain(&self, digits: usize) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Number(Some(value)) => format!("{value:.digits$}"),
            Cell::Number(None) => "-".to_owned(),
            Cell::Mark(mark) => mark.unicode().to_owned(),
            Cell::Empty => String::new(),
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

impl From<Option<f64>> for Cell {
    fn from(value: Option<f64>) -> Self {
        Cell::Number(value)
    }
}

impl From<Mark> for Cell {
    fn from(mark: Mark) -> Self {
        Cell::Mark(mark)
    }
}
