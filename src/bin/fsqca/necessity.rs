//! `fsqca necessity`: the necessity table of R QCA (`pof(..., relation = "necessity")` per
//! condition and negation).

use fsqca::fit::{self, Necessity};
use fsqca::table::necessity_table;
use fsqca::Expression;
use serde::Serialize;

use crate::common::{
    emit, emit_json, infer_levels, names, numeric_columns, CliError, DataArgs, Fitted, Format,
    OutcomeArg, PaperArgs, TextTable,
};

pub const AFTER_HELP: &str = "\
For every condition, the condition and its negation (a multi-value condition: each level DEV[0],
DEV[1], ..) with its necessity inclusion (inclN = sum min(X, Y) / sum Y), relevance of necessity
(RoN = sum (1 - X) / sum (1 - min(X, Y))) and necessity coverage (covN = sum min(X, Y) / sum X).
A measure whose denominator is 0 is undefined: `-` in text, null in JSON.

JSON (--format json): {\"outcome\": \"Y\", \"rows\": [{\"expression\": \"A\", \"incl\": .., \"ron\": .., \"cov\": ..}, ..]}

Examples:
  fsqca necessity tests/fixtures/datasets/LF.csv --outcome SURV
  fsqca necessity tests/fixtures/datasets/LF.csv --outcome '~SURV' --conditions DEV,URB --format json";

/// The flags of `necessity`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,

    #[command(flatten)]
    outcome: OutcomeArg,

    /// The conditions, comma-separated (default: every column but the outcome), e.g.
    /// `--conditions DEV,URB,LIT`.
    #[arg(long, short = 'c', value_name = "A,B,..", value_delimiter = ',')]
    conditions: Vec<String>,

    #[command(flatten)]
    output: PaperArgs,
}

#[derive(Serialize)]
struct Output<'a> {
    outcome: Expression,
    rows: Vec<Fitted<'a, Necessity>>,
}

/// Runs `fsqca necessity`.
pub fn run(args: &Args) -> Result<(), CliError> {
    let outcome = args.outcome.outcome.to_expression();
    let outcome_name = args.outcome.outcome.name();
    let given = names("--conditions", &args.conditions)?;
    let table_format = args.output.format.table("necessity")?;
    let data = args.data.load()?;
    let conditions: Vec<String> = if given.is_empty() {
        numeric_columns(&args.data.data, &data)
            .into_iter()
            .filter(|n| *n != outcome_name)
            .collect()
    } else {
        given
    };
    let data = infer_levels(&args.data.data, data, &conditions)?;
    let table =
        fit::necessity_table(&data, &outcome, &conditions).map_err(|e| args.data.error(e))?;
    if let Some(format) = table_format {
        let rows = table.iter().map(|r| (&r.expression, &r.necessity));
        let caption = format!("Necessity for {outcome}");
        let text = necessity_table(rows, &caption).render(format, args.output.digits);
        return emit(|out| write!(out, "{text}"));
    }
    let rows = table
        .iter()
        .map(|r| Fitted {
            expression: &r.expression,
            fit: r.necessity,
        })
        .collect();
    let output = Output { outcome, rows };
    match args.output.format.text_or_json("necessity")? {
        Format::Json => emit_json(&output),
        Format::Text => {
            let mut t = TextTable::new(&Fitted::HEADERS, 2);
            for (i, r) in output.rows.iter().enumerate() {
                t.row(r.cells((i + 1).to_string()));
            }
            emit(|out| {
                writeln!(out, "necessity for outcome {}", output.outcome)?;
                writeln!(out)?;
                t.write(out)
            })
        }
    }
}
