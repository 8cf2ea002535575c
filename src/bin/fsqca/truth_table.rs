//! `fsqca truth-table`: R QCA's `truthTable()`.

use fsqca::TruthTable;
use serde::Serialize;

use crate::common::{emit, emit_json, CliError, Format, SortArg, TableArgs};

pub const AFTER_HELP: &str = "\
Every case belongs to the configuration where its membership exceeds 0.5 (a case at exactly 0.5
in some condition belongs to none and is listed apart). n counts a row's cases; incl (sufficiency
inclusion) and PRI are computed over all cases, as R QCA does. The output value OUT is `?` when
n < --n-cut, else `1` when incl >= IC1 and PRI >= --pri-cut, `C` when incl >= IC0 (with two
inclusion cut-offs), else `0`. Row ids: 1-based position in the complete table, first condition
most significant.

JSON (--format json): {\"outcome\": \"Y\", \"conditions\": [..], \"rows\": [{\"id\", \"values\": [1, 0, ..],
\"out\": \"1\"|\"0\"|\"C\"|\"?\", \"n\", \"incl\", \"pri\", \"cases\": [..], \"deviant_cases\": [..]}, ..],
\"half_membership_cases\": [..]}; incl and pri are null for a row without cases.

Examples:
  fsqca truth-table tests/fixtures/datasets/LF.csv --outcome SURV --conditions DEV,URB,LIT,IND,STB --incl-cut 0.8 --sort incl,n
  fsqca truth-table tests/fixtures/datasets/CVF.csv --outcome PROTEST --conditions DEMOC,ETHFRACT,GEOCON,POLDIS,NATPRIDE --incl-cut 0.8,0.75 --format json
  fsqca truth-table tests/fixtures/datasets/LM.csv --outcome '~SURV' --conditions DEV,URB,LIT,IND --complete";

/// The flags of `truth-table`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(flatten)]
    table: TableArgs,

    /// List every configuration, remainders included (R QCA's `complete = TRUE`).
    #[arg(long)]
    complete: bool,

    /// Sort the rows by these keys, each decreasing, e.g. `--sort incl,n` (default: by id).
    #[arg(long, value_enum, value_name = "KEYS", value_delimiter = ',')]
    sort: Vec<SortArg>,

    /// Output: text (the table as R QCA prints it, 3 decimals) or json (full precision).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Serialize)]
struct Output<'a> {
    outcome: String,
    conditions: &'a [String],
    rows: Vec<Row<'a>>,
    half_membership_cases: &'a [String],
}

#[derive(Serialize)]
struct Row<'a> {
    id: u64,
    values: &'a [u8],
    out: &'static str,
    n: usize,
    incl: Option<f64>,
    pri: Option<f64>,
    cases: Cases<'a>,
    deviant_cases: Cases<'a>,
}

/// A row's cases (or deviant cases), listed only while they are written: a table of a million
/// cases is not copied into lists of labels first.
struct Cases<'a> {
    row: &'a fsqca::Row,
    deviant: bool,
}

impl Serialize for Cases<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let labels = if self.deviant {
            self.row.deviant_cases()
        } else {
            self.row.cases()
        };
        serializer.collect_seq(labels)
    }
}

/// The JSON object of a truth table.
fn output(tt: &TruthTable) -> Output<'_> {
    Output {
        outcome: tt.outcome_label(),
        conditions: tt.conditions(),
        rows: tt
            .rows()
            .iter()
            .map(|r| Row {
                id: r.id(),
                values: r.values(),
                out: r.out().symbol(),
                n: r.n(),
                incl: r.incl(),
                pri: r.pri(),
                cases: Cases {
                    row: r,
                    deviant: false,
                },
                deviant_cases: Cases {
                    row: r,
                    deviant: true,
                },
            })
            .collect(),
        half_membership_cases: tt.half_membership_cases(),
    }
}

/// Runs `fsqca truth-table`.
pub fn run(args: &Args) -> Result<(), CliError> {
    let options = args
        .table
        .options()?
        .complete(args.complete)
        .sort_by(args.sort.iter().map(|&k| k.into()));
    let tt = args.table.build(&options)?;
    match args.format {
        Format::Json => emit_json(&output(&tt)),
        Format::Text => emit(|out| write!(out, "{tt}")),
    }
}
