//! `fsqca fit`: parameters of fit of an expression (R QCA's `pof()`).

use fsqca::fit;
use serde::Serialize;

use crate::common::{
    emit, emit_json, fmt3, CliError, ExprArgs, Format, NecessityRow, RelationArg, TextTable,
};

pub const AFTER_HELP: &str = "\
The expression is split into its terms at the top-level ` + `. For sufficiency (default), each
term gets inclusion (inclS = sum min(X, Y) / sum X), PRI, raw coverage (covS = sum min(X, Y) /
sum Y) and unique coverage (covU: the solution's coverage minus that of the other terms), and
the whole expression gets inclS, PRI and covS. For necessity (--relation necessity), each term
and the whole get inclusion (inclN = sum min(X, Y) / sum Y), relevance (RoN) and coverage
(covN = sum min(X, Y) / sum X). Undefined measures (denominator 0): `-` in text, null in JSON.

JSON (--format json):
  sufficiency: {\"outcome\", \"relation\": \"sufficiency\", \"terms\": [{\"expression\", \"incl\", \"pri\", \"cov\", \"cov_unique\"}, ..],
                \"solution\": {\"expression\", \"incl\", \"pri\", \"cov\"}}
  necessity:   {\"outcome\", \"relation\": \"necessity\", \"terms\": [{\"expression\", \"incl\", \"ron\", \"cov\"}, ..],
                \"solution\": {\"expression\", \"incl\", \"ron\", \"cov\"}}

Examples:
  fsqca fit tests/fixtures/datasets/LF.csv --outcome SURV --expression \"DEV*~URB*LIT*STB + DEV*LIT*IND*STB\"
  fsqca fit tests/fixtures/datasets/LF.csv --outcome SURV --expression \"LIT + STB\" --relation necessity --format json
  fsqca fit tests/fixtures/datasets/LM.csv --outcome SURV --expression \"DEV[2]*LIT\"";

/// The flags of `fit`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: ExprArgs,

    /// Output: text (an aligned table, 3 decimals) or json (full precision).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Serialize)]
struct SufficiencyTerm {
    expression: String,
    incl: Option<f64>,
    pri: Option<f64>,
    cov: Option<f64>,
    cov_unique: Option<f64>,
}

#[derive(Serialize)]
struct SufficiencyWhole {
    expression: String,
    incl: Option<f64>,
    pri: Option<f64>,
    cov: Option<f64>,
}

#[derive(Serialize)]
struct Output<T, W> {
    outcome: String,
    relation: &'static str,
    terms: Vec<T>,
    solution: W,
}

/// Runs `fsqca fit`.
pub fn run(args: &Args) -> Result<(), CliError> {
    let outcome = args.input.outcome.expression()?;
    let (expression, data) = args.input.load()?;
    let terms = expression.disjuncts();
    match args.input.relation {
        RelationArg::Sufficiency => {
            let f = fit::solution(terms, &data, &outcome).map_err(|e| args.input.data.error(e))?;
            let output = Output {
                outcome: outcome.to_string(),
                relation: "sufficiency",
                terms: f
                    .terms
                    .iter()
                    .map(|t| SufficiencyTerm {
                        expression: t.expression.to_string(),
                        incl: t.incl,
                        pri: t.pri,
                        cov: t.cov,
                        cov_unique: t.cov_unique,
                    })
                    .collect(),
                solution: SufficiencyWhole {
                    expression: expression.to_string(),
                    incl: f.solution.incl,
                    pri: f.solution.pri,
                    cov: f.solution.cov,
                },
            };
            match args.format {
                Format::Json => emit_json(&output),
                Format::Text => {
                    let mut t = TextTable::new(&["", "", "inclS", "PRI", "covS", "covU"], 2);
                    for (i, term) in output.terms.iter().enumerate() {
                        t.row(vec![
                            (i + 1).to_string(),
                            term.expression.clone(),
                            fmt3(term.incl),
                            fmt3(term.pri),
                            fmt3(term.cov),
                            fmt3(term.cov_unique),
                        ]);
                    }
                    t.rule();
                    let s = &output.solution;
                    t.row(vec![
                        "M".to_owned(),
                        String::new(),
                        fmt3(s.incl),
                        fmt3(s.pri),
                        fmt3(s.cov),
                        String::new(),
                    ]);
                    emit(|out| {
                        writeln!(out, "sufficiency for outcome {}", output.outcome)?;
                        writeln!(out, "M: {}", s.expression)?;
                        writeln!(out)?;
                        t.write(out)
                    })
                }
            }
        }
        RelationArg::Necessity => {
            let one = |e: &fsqca::Expression| -> Result<NecessityRow, CliError> {
                let n = fit::necessity_of(e, &data, &outcome)
                    .map_err(|err| args.input.data.error(err))?;
                Ok(NecessityRow::new(e.to_string(), &n))
            };
            let output = Output {
                outcome: outcome.to_string(),
                relation: "necessity",
                terms: terms.iter().map(one).collect::<Result<Vec<_>, _>>()?,
                solution: one(&expression)?,
            };
            match args.format {
                Format::Json => emit_json(&output),
                Format::Text => {
                    let mut t = TextTable::new(&NecessityRow::HEADERS, 2);
                    for (i, term) in output.terms.iter().enumerate() {
                        t.row(term.cells((i + 1).to_string()));
                    }
                    t.rule();
                    let mut whole = output.solution.cells("M".to_owned());
                    whole[1].clear();
                    t.row(whole);
                    emit(|out| {
                        writeln!(out, "necessity for outcome {}", output.outcome)?;
                        writeln!(out, "M: {}", output.solution.expression)?;
                        writeln!(out)?;
                        t.write(out)
                    })
                }
            }
        }
    }
}
