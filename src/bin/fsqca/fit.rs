//! `fsqca fit`: parameters of fit of an expression (R QCA's `pof()`).

use fsqca::fit::{self, Necessity};
use fsqca::number::metric;
use fsqca::table::{fit_table, necessity_table};
use fsqca::{Expression, Relation};
use serde::Serialize;

use crate::common::{emit, emit_json, CliError, ExprArgs, Fitted, Format, PaperArgs, TextTable};

pub const AFTER_HELP: &str = "\
The expression is split into its terms at the top-level ` + `. For sufficiency (default), each
term gets inclusion (inclS = sum min(X, Y) / sum X), PRI, raw coverage (covS = sum min(X, Y) /
sum Y), unique coverage (covU: the solution's coverage minus that of the other terms),
Haesebrouck's consistency (inclH = sum min(X, Y) / sum [min(X, Y) + sqrt(max(X - Y, 0) * X)],
SetMethods' Cons.Suf(H)) and PROD = inclS * PRI (SetMethods' PRODUCT); the whole expression gets
the same but covU. For necessity (--relation necessity), each term
and the whole get inclusion (inclN = sum min(X, Y) / sum Y), relevance (RoN) and coverage
(covN = sum min(X, Y) / sum X): SetMethods' QCAfit has no Haesebrouck or PRODUCT measure of
necessity. Undefined measures (denominator 0): `-` in text, null in JSON.

JSON (--format json):
  sufficiency: {\"outcome\", \"relation\": \"sufficiency\", \"terms\": [{\"expression\", \"incl\", \"pri\", \"cov\", \"cov_unique\", \"incl_h\", \"product\"}, ..],
                \"solution\": {\"expression\", \"incl\", \"pri\", \"cov\", \"incl_h\", \"product\"}}
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

    #[command(flatten)]
    output: PaperArgs,
}

/// The JSON object of `fit`: the library's fit of each term and of the whole expression.
#[derive(Serialize)]
struct Output<'a, T, F> {
    outcome: &'a Expression,
    relation: Relation,
    terms: &'a [T],
    solution: Fitted<'a, F>,
}

/// Runs `fsqca fit`.
pub fn run(args: &Args) -> Result<(), CliError> {
    let outcome = args.input.outcome.outcome.to_expression();
    let table_format = args.output.format.table("fit")?;
    let (expression, data) = args.input.load()?;
    let terms = expression.disjuncts();
    let relation = args.input.relation.into();
    match relation {
        Relation::Sufficiency => {
            let f = fit::solution(terms, &data, &outcome).map_err(|e| args.input.data.error(e))?;
            if let Some(format) = table_format {
                let caption = format!("Sufficiency of {expression} for {outcome}");
                let text = fit_table(&f, &caption).render(format, args.output.digits);
                return emit(|out| write!(out, "{text}"));
            }
            let output = Output {
                outcome: &outcome,
                relation,
                terms: &f.terms,
                solution: Fitted {
                    expression: &expression,
                    fit: f.solution,
                },
            };
            match args.output.format.text_or_json("fit")? {
                Format::Json => emit_json(&output),
                Format::Text => {
                    let mut t = TextTable::new(
                        &["", "", "inclS", "PRI", "covS", "covU", "inclH", "PROD"],
                        2,
                    );
                    for (i, term) in output.terms.iter().enumerate() {
                        t.row(vec![
                            (i + 1).to_string(),
                            term.expression.to_string(),
                            metric(term.incl),
                            metric(term.pri),
                            metric(term.cov),
                            metric(term.cov_unique),
                            metric(term.incl_h),
                            metric(term.product),
                        ]);
                    }
                    t.rule();
                    let s = &output.solution.fit;
                    t.row(vec![
                        "M".to_owned(),
                        String::new(),
                        metric(s.incl),
                        metric(s.pri),
                        metric(s.cov),
                        String::new(),
                        metric(s.incl_h),
                        metric(s.product),
                    ]);
                    emit(|out| {
                        writeln!(out, "sufficiency for outcome {outcome}")?;
                        writeln!(out, "M: {expression}")?;
                        writeln!(out)?;
                        t.write(out)
                    })
                }
            }
        }
        Relation::Necessity => {
            let one = |e| -> Result<Fitted<'_, Necessity>, CliError> {
                let fit = fit::necessity_of(e, &data, &outcome)
                    .map_err(|err| args.input.data.error(err))?;
                Ok(Fitted { expression: e, fit })
            };
            let output = Output {
                outcome: &outcome,
                relation,
                terms: &terms.iter().map(one).collect::<Result<Vec<_>, _>>()?,
                solution: one(&expression)?,
            };
            if let Some(format) = table_format {
                let rows = output
                    .terms
                    .iter()
                    .chain([&output.solution])
                    .map(|f| (f.expression, &f.fit));
                let caption = format!("Necessity of {expression} for {outcome}");
                let text = necessity_table(rows, &caption).render(format, args.output.digits);
                return emit(|out| write!(out, "{text}"));
            }
            match args.output.format.text_or_json("fit")? {
                Format::Json => emit_json(&output),
                Format::Text => {
                    let mut t = TextTable::new(&Fitted::HEADERS, 2);
                    for (i, term) in output.terms.iter().enumerate() {
                        t.row(term.cells((i + 1).to_string()));
                    }
                    t.rule();
                    let mut whole = output.solution.cells("M".to_owned());
                    whole[1].clear();
                    t.row(whole);
                    emit(|out| {
                        writeln!(out, "necessity for outcome {outcome}")?;
                        writeln!(out, "M: {expression}")?;
                        writeln!(out)?;
                        t.write(out)
                    })
                }
            }
        }
    }
}
