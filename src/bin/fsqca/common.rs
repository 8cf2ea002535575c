//! What every subcommand shares: errors and their one-line report, reading the data, the
//! truth-table flags, and writing text or JSON to standard output.

use std::fmt::{self, Display};
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::ValueEnum;
use fsqca::expression::Outcome;
use fsqca::fit::Necessity;
use fsqca::number::metric;
use fsqca::table::TableFormat;
use fsqca::{
    ColumnKind, CsvOptions, Dataset, Labels, ReadNote, Relation, SortKey, TruthTable,
    TruthTableError, TruthTableOptions,
};

/// An error to report: one line of message, optional context lines, and the exit code.
#[derive(Debug)]
pub struct CliError {
    message: String,
    detail: Option<String>,
    code: u8,
}

impl CliError {
    /// A bad command line (exit code 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            detail: None,
            code: 2,
        }
    }

    /// Bad data or a failed analysis (exit code 1).
    pub fn input(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            detail: None,
            code: 1,
        }
    }

    /// Adds lines printed after the message (an expression with a caret under the problem).
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}

impl Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Prints `fsqca: error: MESSAGE` (and any context lines, indented) on standard error and
/// returns the exit code. Every error of the tool goes through here.
pub fn report(err: &CliError) -> ExitCode {
    let mut stderr = io::stderr().lock();
    // Nothing sensible is left to do when standard error itself fails.
    let _ = writeln!(stderr, "fsqca: error: {}", one_line(&err.message));
    if let Some(detail) = &err.detail {
        for line in detail.lines() {
            let _ = writeln!(stderr, "    {line}");
        }
    }
    ExitCode::from(err.code)
}

/// Reports a command-line parsing error of clap on one line, or prints the help or version
/// that clap produced in its place.
pub fn report_clap(err: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // Help goes to standard output; a failure to print it leaves nothing to report.
            let _ = err.print();
            if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
        _ => {
            // clap's message: "error: WHAT\n  detail\n\n  tip: ...\n\nUsage: ...". Keep the first
            // paragraph (what is wrong, with the flag), on one line.
            let text = err.to_string();
            let first = text.split("\n\n").next().unwrap_or("");
            let first = first.trim().trim_start_matches("error:").trim();
            let command = std::env::args()
                .nth(1)
                .filter(|a| COMMANDS.contains(&a.as_str()))
                .map_or_else(String::new, |c| format!("{c} "));
            report(&CliError::usage(format!(
                "{} (see `fsqca {command}--help`)",
                one_line(first)
            )))
        }
    }
}

/// The subcommands, for the hint after a command-line error.
const COMMANDS: &[&str] = &[
    "calibrate",
    "diagnose",
    "necessity",
    "fit",
    "truth-table",
    "minimize",
    "find-rows",
    "xyplot",
    "robustness",
    "theory",
    "cluster",
    "cases",
];

/// Joins the lines of `text` with single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The output format of the analysis commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned tables for a terminal, 3 decimals.
    Text,
    /// One JSON object, full-precision numbers, `null` for undefined measures.
    Json,
}

/// The output format of the commands that also print publication tables (`truth-table`,
/// `necessity`, `fit`, `minimize`, `chart`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperFormat {
    /// Aligned tables for a terminal, 3 decimals.
    Text,
    /// One JSON object, full-precision numbers, `null` for undefined measures.
    Json,
    /// GitHub-flavoured Markdown pipe tables, --digits decimals.
    Markdown,
    /// LaTeX booktabs tables, --digits decimals.
    Latex,
    /// HTML tables, --digits decimals.
    Html,
    /// An SVG picture: `fsqca chart` only.
    Svg,
}

impl PaperFormat {
    /// The publication-table format (Markdown, LaTeX, HTML), or `None` for text and JSON;
    /// SVG is a usage error (only `fsqca chart` draws).
    pub fn table(self, command: &str) -> Result<Option<TableFormat>, CliError> {
        match self {
            PaperFormat::Text | PaperFormat::Json => Ok(None),
            PaperFormat::Markdown => Ok(Some(TableFormat::Markdown)),
            PaperFormat::Latex => Ok(Some(TableFormat::Latex)),
            PaperFormat::Html => Ok(Some(TableFormat::Html)),
            PaperFormat::Svg => Err(CliError::usage(format!(
                "--format svg is for `fsqca chart` only, not `fsqca {command}`"
            ))),
        }
    }

    /// Text or JSON, for the commands that print no publication table (`theory`, `cluster`,
    /// which share the flags of `minimize`); the other formats are a usage error.
    pub fn text_or_json(self, command: &str) -> Result<Format, CliError> {
        match self {
            PaperFormat::Text => Ok(Format::Text),
            PaperFormat::Json => Ok(Format::Json),
            other => Err(CliError::usage(format!(
                "`fsqca {command}` writes text or json, not --format {}",
                other
                    .to_possible_value()
                    .map_or_else(String::new, |v| v.get_name().to_owned())
            ))),
        }
    }
}

/// The output flags of the commands that also print publication tables.
#[derive(Debug, Clone, clap::Args)]
pub struct PaperArgs {
    /// Output: text, json, or a table for a paper: markdown (GitHub pipe table), latex
    /// (booktabs) or html; svg is for `fsqca chart` only.
    #[arg(long, value_enum, default_value_t = PaperFormat::Text)]
    pub format: PaperFormat,

    /// Decimals of the markdown, latex, html and svg outputs (text has 3, json all).
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub digits: usize,
}

/// How the data file is named in messages.
pub fn source_name(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

/// How to read the data file: the flags every subcommand shares.
#[derive(Debug, Clone, clap::Args)]
pub struct ReadArgs {
    /// The character between fields: `,` (default), `;`, `tab`, `|` or any other single
    /// character, e.g. `--delimiter ';'`.
    #[arg(long, value_name = "C", default_value = ",", value_parser = parse_delimiter)]
    pub delimiter: u8,

    /// The cell texts that mean a missing value, comma-separated, besides the empty cell
    /// (default `NA`), e.g. `--na NA,.,-99`.
    #[arg(long = "na", value_name = "TOKENS", value_delimiter = ',')]
    pub na: Vec<String>,

    /// Where the case labels are: `auto` (default: the first column when its header is empty or
    /// `case`, or when most of its cells are not numbers), `first`, `none`, or a column's name.
    #[arg(long, value_name = "COLUMN", default_value = "auto")]
    pub labels: String,

    /// Declare multi-value conditions (whole numbers 0, 1, 2, .. naming levels, `DEV[2]` in
    /// expressions), comma-separated. Without it, a condition column of whole numbers is taken
    /// as multi-value only when its values are every level from 0 to a largest of 2 to 9, with a
    /// warning; any other column must hold memberships in [0, 1].
    #[arg(long, value_name = "A,B,..", value_delimiter = ',')]
    pub multi_value: Vec<String>,

    /// Accept quoted fields that hold line breaks (by default they are refused, since a quote
    /// that lost its partner would merge two records).
    #[arg(long)]
    pub line_breaks: bool,
}

/// Parses `--delimiter`.
fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ if s.len() == 1 && s.is_ascii() && !matches!(s, "\"" | "\n" | "\r") => {
            Ok(s.as_bytes()[0])
        }
        _ => Err(format!(
            "`{s}` is not a delimiter: give one character such as `,`, `;` or `|`, or `tab`"
        )),
    }
}

impl ReadArgs {
    /// The library's reader options.
    fn csv_options(&self) -> CsvOptions {
        let mut missing = vec![String::new()];
        if self.na.is_empty() {
            missing.push("NA".to_owned());
        }
        missing.extend(self.na.iter().map(|t| t.trim().to_owned()));
        let labels = match self.labels.trim() {
            "auto" => Labels::Auto,
            "first" => Labels::FirstColumn,
            "none" => Labels::None,
            name => Labels::Column(name.to_owned()),
        };
        CsvOptions::new()
            .delimiter(self.delimiter)
            .missing_values(missing)
            .labels(labels)
            .line_breaks_in_fields(self.line_breaks)
    }
}

/// The data file and how to read it: the first flags of `calibrate`, `necessity`, `fit` and
/// `xyplot`.
#[derive(Debug, Clone, clap::Args)]
pub struct DataArgs {
    /// The data: a CSV file, or `-` for standard input.
    #[arg(value_name = "DATA")]
    pub data: String,

    #[command(flatten)]
    pub read: ReadArgs,
}

impl DataArgs {
    /// Reads the data set (see [`load_data`]).
    pub fn load(&self) -> Result<Dataset, CliError> {
        load_data(&self.data, &self.read)
    }

    /// An error of an analysis on this data (see [`data_error`]).
    pub fn error(&self, err: impl Display) -> CliError {
        data_error(&self.data, err)
    }
}

/// `--outcome`, shared by every command that has an outcome.
#[derive(Debug, Clone, clap::Args)]
pub struct OutcomeArg {
    /// The outcome column; `~Y` for its negation (e.g. `--outcome SURV` or `--outcome '~SURV'`).
    #[arg(long, short = 'o', value_name = "Y")]
    pub outcome: Outcome,
}

/// The relation whose fit is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RelationArg {
    /// The expression is sufficient for the outcome (X -> Y).
    Sufficiency,
    /// The expression is necessary for the outcome (X <- Y).
    Necessity,
}

impl From<RelationArg> for Relation {
    fn from(relation: RelationArg) -> Self {
        match relation {
            RelationArg::Sufficiency => Relation::Sufficiency,
            RelationArg::Necessity => Relation::Necessity,
        }
    }
}

/// An expression to set against an outcome in some data: the first flags of `fit` and `xyplot`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExprArgs {
    #[command(flatten)]
    pub data: DataArgs,

    #[command(flatten)]
    pub outcome: OutcomeArg,

    /// The expression, e.g. `--expression "A*~B + C"` or a single condition (`~` not, `*` and,
    /// `+` or, `A[2]` a level of a multi-value condition, parentheses allowed).
    #[arg(long, short = 'e', value_name = "EXPR")]
    pub expression: String,

    /// The relation whose fit is computed: sufficiency (default) or necessity.
    #[arg(long, value_enum, default_value_t = RelationArg::Sufficiency)]
    pub relation: RelationArg,
}

impl ExprArgs {
    /// Parses `--expression`, then reads the data, taking as multi-value (with a warning) the
    /// conditions of the expression that look so.
    pub fn load(&self) -> Result<(fsqca::Expression, Dataset), CliError> {
        let expression = parse_expression("--expression", &self.expression)?;
        let data = self.data.load()?;
        let used: Vec<&str> = expression.literals().iter().map(|l| l.name()).collect();
        let data = infer_levels(&self.data.data, data, &used)?;
        Ok((expression, data))
    }
}

/// Prints a warning on standard error.
pub fn warn(path: &str, message: impl Display) {
    eprintln!("fsqca: warning: {}: {message}", source_name(path));
}

/// The numeric columns of `data` (read from `path`), with a warning naming the text columns
/// left out: the default columns of a command that takes every column.
pub fn numeric_columns(path: &str, data: &Dataset) -> Vec<String> {
    let text = data.text_names();
    if !text.is_empty() {
        warn(
            path,
            format_args!(
                "left out the columns that are not numeric: {}",
                text.iter()
                    .map(|name| match data.column(name) {
                        Err(fsqca::DataError::NotNumeric { line, value, .. }) => format!(
                            "`{name}` ({}`{value}`)",
                            line.map_or(String::new(), |l| format!("line {l}: "))
                        ),
                        _ => format!("`{name}`"),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
    data.numeric_names()
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// Reads the data set from `path`, or from standard input for `-`, with the flags of `read`;
/// prints the reader's notes as warnings and declares the `--multi-value` columns.
pub fn load_data(path: &str, read: &ReadArgs) -> Result<Dataset, CliError> {
    let options = read.csv_options();
    let result = if path == "-" {
        options.read_with_notes(io::stdin().lock())
    } else {
        options.read_path_with_notes(path)
    };
    let (data, notes) = result.map_err(|e| match e {
        // The message names the file already.
        fsqca::DataError::Io { .. } if path != "-" => CliError::input(e.to_string()),
        other => CliError::input(format!("{}: {other}", source_name(path))),
    })?;
    for note in notes {
        let ReadNote::NumberedCases { first_column } = &note else {
            warn(path, &note);
            continue;
        };
        warn(
            path,
            format_args!(
                "the first column `{first_column}` holds distinct whole numbers but is read as \
                 data, and the cases are numbered 1, 2, ...; give `--labels {first_column}` if it \
                 labels the cases"
            ),
        );
    }
    let declared = names("--multi-value", &read.multi_value)?;
    data.with_multi_value(&declared)
        .map_err(|e| data_error(path, format_args!("--multi-value: {e}")))
}

/// Takes as multi-value, with a warning, those of `columns` that hold every level from 0 to a
/// largest of 2 to 9 and were not declared with `--multi-value`.
pub fn infer_levels<S: AsRef<str>>(
    path: &str,
    data: Dataset,
    columns: &[S],
) -> Result<Dataset, CliError> {
    let known: Vec<&str> = columns
        .iter()
        .map(AsRef::as_ref)
        .filter(|c| data.kind(c).is_ok_and(|k| k == ColumnKind::Numbers))
        .collect();
    let (data, inferred) = data
        .infer_multi_value(&known)
        .map_err(|e| data_error(path, e))?;
    for name in inferred {
        let levels = data.levels(&name).ok().flatten().unwrap_or(2);
        warn(
            path,
            format_args!(
                "column `{name}` holds the whole numbers 0 to {} and is read as a multi-value \
                 condition with {levels} levels (say so with `--multi-value {name}` to silence this)",
                levels - 1
            ),
        );
    }
    Ok(data)
}

/// An error of an analysis on the data read from `path`.
pub fn data_error(path: &str, err: impl Display) -> CliError {
    CliError::input(format!("{}: {err}", source_name(path)))
}

/// Column names given as `A,B,C` (split by clap), trimmed; empty names are refused.
pub fn names(flag: &str, given: &[String]) -> Result<Vec<String>, CliError> {
    given
        .iter()
        .map(|n| {
            let n = n.trim();
            if n.is_empty() {
                Err(CliError::usage(format!(
                    "{flag}: empty column name in the list"
                )))
            } else {
                Ok(n.to_owned())
            }
        })
        .collect()
}

/// Parses an expression given on the command line; the error shows the input with a caret
/// under the problem.
pub fn parse_expression(flag: &str, input: &str) -> Result<fsqca::Expression, CliError> {
    input.parse().map_err(|e: fsqca::ExpressionError| {
        CliError::usage(format!("{flag} `{}`: {e}", one_line(input)))
            .with_detail(e.display_with(input))
    })
}

/// A sort key of `--sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Sufficiency inclusion, decreasing.
    Incl,
    /// PRI, decreasing.
    Pri,
    /// Number of cases, decreasing.
    N,
}

impl From<SortArg> for SortKey {
    fn from(key: SortArg) -> Self {
        match key {
            SortArg::Incl => SortKey::Incl,
            SortArg::Pri => SortKey::Pri,
            SortArg::N => SortKey::N,
        }
    }
}

/// The flags that build a truth table, shared by `truth-table` and `minimize`.
#[derive(Debug, Clone, clap::Args)]
pub struct TableArgs {
    /// The data: a CSV file, or `-` for standard input.
    #[arg(value_name = "DATA")]
    pub data: String,

    #[command(flatten)]
    pub outcome: OutcomeArg,

    /// The conditions, comma-separated, e.g. `--conditions DEV,URB,LIT`. Crisp (0/1), fuzzy
    /// ([0, 1]) or multi-value (levels 0, 1, 2, ...) columns.
    #[arg(
        long,
        short = 'c',
        value_name = "A,B,..",
        value_delimiter = ',',
        required = true
    )]
    pub conditions: Vec<String>,

    /// Inclusion cut-off for a positive row (`ic1`), optionally followed by a lower one (`ic0`):
    /// rows with inclusion in [ic0, ic1) are contradictions (`C`). E.g. `--incl-cut 0.8` or
    /// `--incl-cut 0.8,0.75`. Default 1.
    #[arg(
        long,
        value_name = "IC1[,IC0]",
        value_delimiter = ',',
        allow_negative_numbers = true
    )]
    pub incl_cut: Vec<f64>,

    /// Frequency cut-off: rows with fewer cases are remainders (`?`). E.g. `--n-cut 2`.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub n_cut: usize,

    /// PRI cut-off: a row is positive only if its PRI also reaches it. E.g. `--pri-cut 0.5`.
    #[arg(
        long,
        value_name = "P",
        default_value_t = 0.0,
        allow_negative_numbers = true
    )]
    pub pri_cut: f64,

    /// Drop the cases that miss a value in the outcome or a condition (by default missing
    /// values are an error naming the cases).
    #[arg(long)]
    pub drop_missing: bool,

    #[command(flatten)]
    pub read: ReadArgs,
}

impl TableArgs {
    /// The library options from the flags, checked (before any data is read).
    pub fn options(&self) -> Result<TruthTableOptions, CliError> {
        let options = match self.incl_cut.as_slice() {
            [] => TruthTableOptions::default(),
            [ic1] => TruthTableOptions::default().incl_cutoff(*ic1),
            [ic1, ic0] => TruthTableOptions::default().incl_cutoffs(*ic1, *ic0),
            more => {
                return Err(CliError::usage(format!(
                    "--incl-cut takes one or two cut-offs (IC1 or IC1,IC0), got {}",
                    more.len()
                )))
            }
        };
        let options = options
            .n_cutoff(self.n_cut)
            .pri_cutoff(self.pri_cut)
            .drop_missing(self.drop_missing);
        options.validate().map_err(|e| {
            let flag = match &e {
                TruthTableError::InvalidCutoff(fsqca::fit::CutoffError { name: "PRI", .. }) => {
                    "--pri-cut"
                }
                TruthTableError::InvalidFrequencyCutoff { .. } => "--n-cut",
                _ => "--incl-cut",
            };
            CliError::usage(format!("{flag}: {e}"))
        })?;
        Ok(options)
    }

    /// The conditions, trimmed.
    pub fn condition_names(&self) -> Result<Vec<String>, CliError> {
        names("--conditions", &self.conditions)
    }

    /// Reads the data and builds the truth table with `options` (from [`TableArgs::options`],
    /// possibly with more settings).
    pub fn build(&self, options: &TruthTableOptions) -> Result<TruthTable, CliError> {
        let conditions = self.condition_names()?;
        let data = load_data(&self.data, &self.read)?;
        let data = infer_levels(&self.data, data, &conditions)?;
        options
            .build(&data, &self.outcome.outcome, &conditions)
            .map_err(|e| data_error(&self.data, e))
    }
}

/// Writes to standard output through `write`, ending the output with exactly one line feed
/// (whether `write` ends it with none, one or several); a closed pipe (`fsqca ... | head`) is
/// not an error, and a closed standard output (`>&-`) gives a warning.
pub fn emit<F>(write: F) -> Result<(), CliError>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    crate::stdout::ensure_open()?;
    let stdout = io::stdout();
    let mut out = OneFinalNewline::new(BufWriter::new(stdout.lock()));
    let result = write(&mut out)
        .and_then(|()| out.finish())
        .and_then(|()| out.flush());
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::input(format!("cannot write the output: {e}"))),
    }
}

/// A writer that passes its bytes on but holds back the line feeds at the end of what it has
/// been given, so that [`finish`](Self::finish) ends a non-empty output with exactly one.
struct OneFinalNewline<W: Write> {
    inner: W,
    /// Line feeds written to this writer and not yet passed on.
    held: usize,
    /// Whether anything was written.
    any: bool,
}

impl<W: Write> OneFinalNewline<W> {
    fn new(inner: W) -> Self {
        Self {
            inner,
            held: 0,
            any: false,
        }
    }

    /// Ends the output with one line feed, unless nothing was written.
    fn finish(&mut self) -> io::Result<()> {
        if self.any {
            self.inner.write_all(b"\n")?;
        }
        self.held = 0;
        Ok(())
    }
}

impl<W: Write> Write for OneFinalNewline<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let feeds = buf.iter().rev().take_while(|&&b| b == b'\n').count();
        let body = &buf[..buf.len() - feeds];
        if !body.is_empty() {
            for _ in 0..self.held {
                self.inner.write_all(b"\n")?;
            }
            self.held = 0;
            self.inner.write_all(body)?;
        }
        self.held += feeds;
        self.any |= !buf.is_empty();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Prints `value` as JSON on one line.
pub fn emit_json<T: serde::Serialize>(value: &T) -> Result<(), CliError> {
    emit(|out| {
        serde_json::to_writer(&mut *out, value).map_err(io::Error::from)?;
        writeln!(out)
    })
}

/// An expression with the library's fit of it, as the commands print it: JSON
/// `{"expression", ..}` followed by the fit's own fields (`"incl", "ron", "cov"` for necessity,
/// `"incl", "pri", "cov"` for sufficiency).
#[derive(serde::Serialize)]
pub struct Fitted<'a, F> {
    pub expression: &'a fsqca::Expression,
    #[serde(flatten)]
    pub fit: F,
}

impl Fitted<'_, Necessity> {
    /// The text table's column headers (row label, expression, measures).
    pub const HEADERS: [&'static str; 5] = ["", "", "inclN", "RoN", "covN"];

    /// The text-table cells, after a row label (a number, or `M` for the whole expression).
    pub fn cells(&self, label: String) -> Vec<String> {
        vec![
            label,
            self.expression.to_string(),
            metric(self.fit.incl),
            metric(self.fit.ron),
            metric(self.fit.cov),
        ]
    }
}

/// A plain text table: a header and rows of cells, the first `left` columns left-aligned and
/// the others right-aligned, two spaces apart, with a rule under the header.
#[derive(Debug, Default)]
pub struct TextTable {
    header: Vec<String>,
    rows: Vec<Option<Vec<String>>>,
    left: usize,
}

impl TextTable {
    /// A table with these column titles; the first `left` columns are left-aligned.
    pub fn new(header: &[&str], left: usize) -> Self {
        Self {
            header: header.iter().map(|s| (*s).to_owned()).collect(),
            rows: Vec::new(),
            left,
        }
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(Some(cells));
    }

    /// Adds a horizontal rule.
    pub fn rule(&mut self) {
        self.rows.push(None);
    }

    /// Writes the table.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for cells in self.rows.iter().flatten() {
            for (j, c) in cells.iter().enumerate() {
                if j < widths.len() {
                    widths[j] = widths[j].max(c.chars().count());
                }
            }
        }
        let total = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
        let line = |out: &mut dyn Write, cells: &[String]| -> io::Result<()> {
            let mut text = String::new();
            for (j, w) in widths.iter().enumerate() {
                let c = cells.get(j).map_or("", String::as_str);
                if j > 0 {
                    text.push_str("  ");
                }
                // Padded by hand: a format width above 65,535 panics (a long name).
                let padded = if j < self.left {
                    crate::text::pad_right(&mut text, c, *w)
                } else {
                    crate::text::pad_left(&mut text, c, *w)
                };
                padded.map_err(io::Error::other)?;
            }
            writeln!(out, "{}", text.trim_end())
        };
        line(out, &self.header)?;
        writeln!(out, "{}", "-".repeat(total))?;
        for row in &self.rows {
            match row {
                Some(cells) => line(out, cells)?,
                None => writeln!(out, "{}", "-".repeat(total))?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(pieces: &[&str]) -> String {
        let mut out = OneFinalNewline::new(Vec::new());
        for p in pieces {
            out.write_all(p.as_bytes()).unwrap();
        }
        out.finish().unwrap();
        String::from_utf8(out.inner).unwrap()
    }

    #[test]
    fn output_ends_with_exactly_one_line_feed() {
        assert_eq!(through(&["a b"]), "a b\n");
        assert_eq!(through(&["a b\n"]), "a b\n");
        assert_eq!(through(&["a\n\n", "\n"]), "a\n");
        // Line feeds inside the output are kept, however they arrive.
        assert_eq!(through(&["a\n", "\n", "b"]), "a\n\nb\n");
        assert_eq!(through(&["a", "\n\n", "b\n\n"]), "a\n\nb\n");
        assert_eq!(through(&["\n"]), "\n");
        assert_eq!(through(&[]), "");
    }
}

/// A raw column and its calibration anchors: the flags `calibrate` and `plot distribution`
/// share.
#[derive(Debug, Clone, clap::Args)]
pub struct RawColumnArgs {
    /// The raw column, e.g. `--column gdppc`.
    #[arg(long, value_name = "COLUMN")]
    pub column: String,

    /// The anchors, comma-separated: E,C,I (exclusion, crossover, inclusion) for the direct
    /// method (e.g. `6000,12000,20000`, or `25,14.5,6` for a decreasing set); for `calibrate
    /// --crisp` any number of increasing thresholds; for `plot distribution` also the six
    /// E1,C1,I1,I2,C2,E2 of a bell-shaped set.
    #[arg(
        long,
        value_name = "E,C,I",
        value_delimiter = ',',
        required = true,
        allow_negative_numbers = true
    )]
    pub thresholds: Vec<f64>,
}
