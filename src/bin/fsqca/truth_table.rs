//! `fsqca truth-table`: R QCA's `truthTable()`.

use fsqca::table::truth_table_table;
use fsqca::{Row, TruthTable};
use serde::Serialize;

use crate::common::{emit, emit_json, CliError, Format, PaperArgs, SortArg, TableArgs};

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

    #[command(flatten)]
    output: PaperArgs,
}

/// The JSON object of a truth table: its rows as the library serialises them.
#[derive(Serialize)]
struct Output<'a> {
    outcome: String,
    conditions: &'a [String],
    rows: &'a [Row],
    half_membership_cases: &'a [String],
}

impl<'a> From<&'a TruthTable> for Output<'a> {
    fn from(tt: &'a TruthTable) -> Self {
        Output {
            outcome: tt.outcome_label(),
            conditions: tt.conditions(),
            rows: tt.rows(),
            half_membership_cases: tt.half_membership_cases(),
        }
    }
}

/// Runs `fsqca truth-table`.
pub fn run(args: &Args) -> Result<(), CliError> {
    let options = args
        .table
        .options()?
        .complete(args.complete)
        .sort_by(args.sort.iter().map(|&k| k.into()));
    let table_format = args.output.format.table("truth-table")?;
    let tt = args.table.build(&options)?;
    if let Some(format) = table_format {
        let table = truth_table_table(&tt).render(format, args.output.digits);
        return emit(|out| write!(out, "{table}"));
    }
    match args.output.format.text_or_json("truth-table")? {
        Format::Json => emit_json(&Output::from(&tt)),
        Format::Text => emit(|out| write!(out, "{tt}")),
    }
}
