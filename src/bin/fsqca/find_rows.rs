//! `fsqca find-rows`: R QCA's `findRows()`: untenable remainders, contradictory simplifying
//! assumptions, simultaneous subset relations, through `fsqca::counterfactual`.

use clap::ValueEnum;
use fsqca::counterfactual::{FindRows, RowType};
use fsqca::minimize::{EngineOptions, PrimeMethod};
use fsqca::solution::{Counterfactuals, DEFAULT_CUBE_LIMIT, DEFAULT_ROW_LIMIT};
use serde::Serialize;

use crate::common::{data_error, emit, emit_json, parse_expression, CliError, Format, TableArgs};

pub const AFTER_HELP: &str = "\
Finds truth table rows to keep out of a minimization, as R QCA's findRows():
  remainders (or untenable, R's type 1): the remainders on which --expression is true (every
      remainder without --expression); remainders are the rows with fewer cases than --n-cut;
  csa (type 2): contradictory simplifying assumptions, the remainders that the parsimonious
      solutions of the outcome and of its negation both use (every model of each); the table
      of the negation is built with the same flags, the two inclusion cut-offs swapped;
  ssr (type 3): simultaneous subset relations, observed rows positive for the outcome and for
      its negation;
  all (type 0): the union of the three; needs --expression.
The rows are found as cubes and counted exactly, at any number of conditions; row ids are
listed up to --rows, cubes up to --cubes. csa pools the simplifying assumptions of every minimum model of each
side without listing the models (the prime implicants in some minimum model); --pruned,
--max-nodes and --max-prime-implicants tune that engine, and a limit reached is an error,
never a partial answer. Feed them to `fsqca minimize --exclude` (remainders) or
`--negative-rows` (observed rows).

JSON (--format json): {\"type\", \"outcome\", \"conditions\", \"count\", \"cube_count\", \"cubes\":
[\"A*~B\", ..], \"rows\": [ids], \"complete\": true when every id is listed}.

Examples:
  fsqca find-rows tests/fixtures/datasets/LF.csv --outcome SURV --conditions DEV,URB,LIT,IND,STB --incl-cut 0.8 --type csa
  fsqca find-rows tests/fixtures/datasets/LF.csv --outcome SURV --conditions DEV,URB,LIT,IND,STB --incl-cut 0.8 --type untenable --expression \"~LIT*IND\"";

/// The kind of rows (R QCA's findRows types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TypeArg {
    /// Type 1: remainders on which --expression is true (every remainder without it).
    Remainders,
    /// Type 1, with --expression required.
    Untenable,
    /// Type 2: contradictory simplifying assumptions.
    Csa,
    /// Type 3: simultaneous subset relations.
    Ssr,
    /// Type 0: the union of types 1 to 3 (needs --expression).
    All,
}

/// The flags of `find-rows`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(flatten)]
    table: TableArgs,

    /// Which rows: remainders, untenable, csa, ssr or all.
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    kind: TypeArg,

    /// The untenable combinations, e.g. `--expression "~LIT*IND"` (types remainders,
    /// untenable and all).
    #[arg(long, short = 'e', value_name = "EXPR")]
    expression: Option<String>,

    /// csa: generate only the prime implicants that can be in a minimum model (the same
    /// rows are found): for tables with many conditions.
    #[arg(long)]
    pruned: bool,

    /// csa: stop the engine's searches after N nodes (default 100000; at least 1): each
    /// proof of a minimum, and the tests of which implicants are in some minimum model.
    /// Reached, find-rows fails and says which; it never gives a partial answer.
    #[arg(long, value_name = "N")]
    max_nodes: Option<u64>,

    /// csa: give up beyond N prime implicants (default 2000000; at least 1).
    #[arg(long, value_name = "N")]
    max_prime_implicants: Option<usize>,

    /// List at most N row ids (the count is always exact).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_ROW_LIMIT)]
    rows: usize,

    /// List at most N cubes (default 1000); their number is exact whatever N.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_CUBE_LIMIT)]
    cubes: usize,

    /// Output: text or json.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// The JSON object of `find-rows`.
#[derive(Serialize)]
struct Output<'a> {
    #[serde(rename = "type")]
    kind: RowType,
    outcome: String,
    conditions: &'a [String],
    #[serde(flatten)]
    rows: &'a Counterfactuals,
}

/// The engine's options from the flags (used by csa and all), checked: a limit of 0 is a
/// usage error that names its flag.
fn engine_options(args: &Args) -> Result<EngineOptions, CliError> {
    let mut engine = EngineOptions::new();
    if args.pruned {
        engine = engine.method(PrimeMethod::Pruned);
    }
    if let Some(n) = args.max_nodes {
        if n == 0 {
            return Err(CliError::usage("--max-nodes must be at least 1"));
        }
        engine = engine.max_search_nodes(n);
    }
    if let Some(n) = args.max_prime_implicants {
        if n == 0 {
            return Err(CliError::usage("--max-prime-implicants must be at least 1"));
        }
        engine = engine.max_prime_implicants(n);
    }
    Ok(engine)
}

/// Runs `fsqca find-rows`.
pub fn run(args: &Args) -> Result<(), CliError> {
    let kind = match args.kind {
        TypeArg::Remainders | TypeArg::Untenable => RowType::Remainders,
        TypeArg::Csa => RowType::Csa,
        TypeArg::Ssr => RowType::Ssr,
        TypeArg::All => RowType::All,
    };
    let needs_expression = matches!(args.kind, TypeArg::Untenable | TypeArg::All);
    let mut finder = FindRows::new()
        .row_limit(args.rows)
        .cube_limit(args.cubes)
        .engine(engine_options(args)?);
    match &args.expression {
        Some(text) => {
            if matches!(kind, RowType::Csa | RowType::Ssr) {
                return Err(CliError::usage(format!(
                    "--expression is not used with --type {kind}"
                )));
            }
            finder = finder.expression(parse_expression("--expression", text)?);
        }
        None if needs_expression => {
            return Err(CliError::usage(
                "this --type needs --expression: the untenable combinations, e.g. \
                 `--expression \"~A*B\"`",
            ))
        }
        None => {}
    }
    let options = args.table.options()?;
    let tt = args.table.build(&options)?;
    let found = finder
        .find(&tt, kind)
        .map_err(|e| data_error(&args.table.data, e))?;
    let output = Output {
        kind,
        outcome: tt.outcome_label(),
        conditions: tt.conditions(),
        rows: &found,
    };
    match args.format {
        Format::Json => emit_json(&output),
        Format::Text => emit(|out| {
            writeln!(
                out,
                "{kind} rows of {} on {}",
                output.outcome,
                output.conditions.join(", ")
            )?;
            writeln!(out, "count: {}", found.count())?;
            let cubes: Vec<String> = found.cubes().iter().map(ToString::to_string).collect();
            let mut cubes = if cubes.is_empty() {
                "none".to_owned()
            } else {
                cubes.join(" + ")
            };
            if found.cube_count() > found.cube_limit() {
                cubes.push_str(&format!(
                    " ... ({} listed of {} cubes; raise --cubes)",
                    found.cube_limit(),
                    found.cube_count()
                ));
            }
            writeln!(out, "cubes: {cubes}")?;
            let rows = found.rows();
            let ids: Vec<String> = rows.iter().map(ToString::to_string).collect();
            let more = if found.is_complete() {
                String::new()
            } else {
                format!(
                    " ... ({} listed of {}; raise --rows)",
                    rows.len(),
                    found.count()
                )
            };
            writeln!(out, "rows: {}{more}", ids.join(","))?;
            Ok(())
        }),
    }
}
