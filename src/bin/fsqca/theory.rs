//! `fsqca theory`: theory evaluation (SetMethods' `theory.evaluation`), through
//! `fsqca::theory`.

use fsqca::number::metric;
use fsqca::theory::{ModelChoice, TheoryEvaluation};

use crate::common::{emit, emit_json, parse_expression, CliError, Format, TextTable};
use crate::minimize;

pub const AFTER_HELP: &str = "\
Evaluates a theory T against a solution S: the four intersections T*S, ~T*S, T*~S and ~T*~S,
each as a sum of products twice (`fuzzy`: simplified by the laws of fuzzy sets only, so its
membership is exactly min(T or ~T, S or ~S) on these data; `boolean`: Boolean-minimized, as
SetMethods prints it, equal on crisp data only), the fit (inclS, PRI, covS) of every term of S,
of S, T and each intersection, and the cases of each intersection (membership above 0.5) with
the outcome above 0.5 (covered, uncovered) and below 0.5 (inconsistent, consistent). S is
--expression, or a model of the solution derived with the flags of `fsqca minimize` (--solution,
--dir-exp, --exclude, ...) chosen by --model: its number, or `c1p1i2` for an intermediate model
(the number alone picks among C1P1's models, as SetMethods' sol).

JSON (--format json): the library's TheoryEvaluation: {\"outcome\", \"theory\", \"solution\",
\"cases\", \"outcome_membership\", \"theory_membership\", \"solution_membership\",
\"solution_terms\": [{\"expression\", \"fit\": {\"incl\", \"pri\", \"cov\"}}], \"solution_fit\",
\"theory_fit\", \"intersections\": [{\"kind\", \"fuzzy\", \"boolean\", \"membership\", \"fit\",
\"outcome_present\": {\"name\", \"cases\", \"outcome_group_size\", \"percent_of_cases\",
\"percent_of_outcome_group\"}, \"outcome_absent\": {..}}]}.

Examples:
  fsqca theory tests/fixtures/setmethods/JOBF.csv --outcome HM --conditions HS,FS,LS,LJS,PP --incl-cut 0.8 --solution intermediate --dir-exp HS,FS,LS,LJS,PP --theory \"HS*PP + FS*LS\"
  fsqca theory tests/fixtures/setmethods/JOBF.csv --outcome HM --conditions HS,FS,LS,LJS,PP --theory \"HS*PP + FS*LS\" --expression \"HS*FS + FS*LJS*PP\"";

/// The flags of `theory` (its group named apart from the flattened `minimize::Args`).
#[derive(Debug, Clone, clap::Args)]
#[group(id = "TheoryArgs")]
pub struct Args {
    #[command(flatten)]
    solve: minimize::Args,

    /// The theory, an expression over the conditions, e.g. `--theory "A*B + C"`.
    #[arg(long, value_name = "EXPR")]
    theory: String,

    /// The solution as an expression over the conditions, instead of a derived solution
    /// (--solution and the other flags of `fsqca minimize`).
    #[arg(long, short = 'e', value_name = "EXPR",
          conflicts_with_all = minimize::SOLUTION_FLAGS, conflicts_with = "model")]
    expression: Option<String>,

    /// The model of the solution: its number from 1 (default 1), or `c1p1i2` for the second
    /// intermediate model of conservative model 1 and parsimonious model 1.
    #[arg(long, value_name = "N|cXpYiZ", default_value = "1")]
    model: String,
}

/// Runs `fsqca theory`.
pub fn run(args: &Args) -> Result<(), CliError> {
    let theory = parse_expression("--theory", &args.theory)?;
    let table = &args.solve.table;
    let evaluation = match &args.expression {
        Some(text) => {
            let solution = parse_expression("--expression", text)?;
            let tt = table.build(&table.options()?)?;
            TheoryEvaluation::new(
                tt.data(),
                tt.outcome_label().as_str(),
                tt.conditions(),
                &theory,
                &solution,
            )
        }
        // clap requires --solution without --expression (and minimize checks it again).
        None => {
            let model: ModelChoice = args
                .model
                .parse()
                .map_err(|e| CliError::usage(format!("--model: {e}")))?;
            let (tt, solved) = minimize::solve_table(&args.solve)?;
            TheoryEvaluation::of_model(&tt, &solved, model, &theory)
        }
    }
    .map_err(|e| CliError::input(format!("{}: {e}", table.data)))?;
    match args.solve.output.format.text_or_json("theory")? {
        Format::Json => emit_json(&evaluation),
        Format::Text => emit(|out| {
            writeln!(out, "theory evaluation for outcome {}", evaluation.outcome)?;
            writeln!(out, "T: {}", evaluation.theory)?;
            writeln!(out, "S: {}", evaluation.solution)?;
            writeln!(out)?;
            let mut t = TextTable::new(&["", "inclS", "PRI", "covS"], 1);
            let mut row = |label: String, fit: &fsqca::Sufficiency| {
                t.row(vec![
                    label,
                    metric(fit.incl),
                    metric(fit.pri),
                    metric(fit.cov),
                ]);
            };
            for term in &evaluation.solution_terms {
                row(term.expression.to_string(), &term.fit);
            }
            row("S".to_owned(), &evaluation.solution_fit);
            row("T".to_owned(), &evaluation.theory_fit);
            for i in &evaluation.intersections {
                row(i.kind.to_string(), &i.fit);
            }
            t.write(out)?;
            for i in &evaluation.intersections {
                writeln!(out)?;
                writeln!(out, "{}", i.kind)?;
                writeln!(out, "  fuzzy:   {}", i.fuzzy)?;
                writeln!(out, "  boolean: {}", i.boolean)?;
                for (group, side) in [
                    (&i.outcome_present, "Y > 0.5"),
                    (&i.outcome_absent, "Y < 0.5"),
                ] {
                    let cases = if group.cases.is_empty() {
                        "no cases".to_owned()
                    } else {
                        group.cases.join(", ")
                    };
                    writeln!(
                        out,
                        "  {} ({side}): {} of {} cases ({}%), of {} with {side} ({}%): {cases}",
                        group.name,
                        group.cases.len(),
                        evaluation.cases.len(),
                        percent(group.percent_of_cases),
                        group.outcome_group_size,
                        percent(group.percent_of_outcome_group),
                    )?;
                }
            }
            Ok(())
        }),
    }
}

fn percent(p: Option<f64>) -> String {
    p.map_or_else(|| "-".to_owned(), |p| format!("{p:.2}"))
}
