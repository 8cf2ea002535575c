//! `fsqca plot`: the standard pictures as SVG (XY plots, pimplot, distribution, Venn).

use std::path::Path;

use fsqca::calibration::{Anchors, BellThresholds, Thresholds};
use fsqca::plot::{distribution_plot, pimplot, venn_diagram, write_svg, xy_plot_of};
use serde::Serialize;

use crate::common::{
    emit, emit_json, CliError, DataArgs, ExprArgs, Format, OutcomeArg, RawColumnArgs, RelationArg,
    TableArgs,
};
use crate::minimize;

pub const AFTER_HELP: &str = "\
Pictures as SVG files (they open in a browser):
  xy            the XY plot of an expression against the outcome: the diagonal, the 0.5 guides,
                each case labelled and marked by its zone (typical, deviant in degree, deviant
                consistency, deviant coverage, irrelevant), inclS, PRI and covS in the title
  necessity     the XY plot of a necessary condition: inclN, RoN and covN in the title, the deviant
                cases for necessity (deviant consistency: Y without X; deviant relevance: X
                without Y) marked
  pimplot       the XY plot of every prime implicant of a solution model and of the model, one
                file per plot in the directory --output (pi1.svg, pi2.svg, .., solution.svg); the
                files and their expressions are printed
  distribution  a raw column's cases on one axis with the calibration anchors E,C,I (or the six
                of a bell-shaped calibration) drawn, to check the anchors against gaps in the data
  venn          the Venn diagram of a truth table of 2 to 7 binary conditions, each zone a row
                coloured by its output value (1 green, 0 yellow, C blue, ? white) with its number
                of cases

Examples:
  fsqca plot xy tests/fixtures/datasets/LF.csv --outcome SURV --expression \"DEV*LIT*STB\" --output xy.svg
  fsqca plot necessity tests/fixtures/datasets/LF.csv --outcome SURV --expression LIT --output lit.svg
  fsqca plot pimplot tests/fixtures/datasets/LF.csv --outcome SURV --conditions DEV,URB,LIT,IND,STB --incl-cut 0.8 --solution conservative --output pims/
  fsqca plot distribution raw.csv --column gdppc --thresholds 2500,5000,20000 --output gdppc.svg
  fsqca plot venn tests/fixtures/datasets/LF.csv --outcome SURV --conditions DEV,URB,LIT,IND,STB --incl-cut 0.8 --output venn.svg

`fsqca xyplot ... --svg FILE` is the same as `fsqca plot xy ... --output FILE`.";

/// The flags of `plot`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    kind: Kind,
}

/// The kinds of picture.
#[derive(Debug, Clone, clap::Subcommand)]
enum Kind {
    /// The XY plot of an expression against the outcome (sufficiency by default).
    Xy(XyArgs),
    /// The XY plot of a necessary condition against the outcome.
    Necessity(NecessityArgs),
    /// The XY plots of every prime implicant of a solution model and of the model.
    Pimplot(Box<PimplotArgs>),
    /// A raw column's distribution with its calibration anchors.
    Distribution(DistributionArgs),
    /// The Venn diagram of a truth table (2 to 7 binary conditions).
    Venn(VennArgs),
}

#[derive(Debug, Clone, clap::Args)]
struct XyArgs {
    #[command(flatten)]
    input: ExprArgs,

    /// The SVG file to write, e.g. `--output xy.svg`.
    #[arg(long, value_name = "FILE")]
    output: String,
}

#[derive(Debug, Clone, clap::Args)]
struct NecessityArgs {
    #[command(flatten)]
    data: DataArgs,

    #[command(flatten)]
    outcome: OutcomeArg,

    /// The necessary condition (a condition, or a disjunction such as `A + ~B`).
    #[arg(long, short = 'e', value_name = "EXPR")]
    expression: String,

    /// The SVG file to write, e.g. `--output nec.svg`.
    #[arg(long, value_name = "FILE")]
    output: String,
}

#[derive(Debug, Clone, clap::Args)]
struct PimplotArgs {
    #[command(flatten)]
    solve: minimize::Args,

    /// The model to plot, 1 for the first (default), when the solution has several.
    #[arg(long, value_name = "N", default_value_t = 1)]
    model: usize,

    /// The directory to write the SVG files into (created if missing).
    #[arg(long, value_name = "DIR")]
    output: String,
}

#[derive(Debug, Clone, clap::Args)]
struct DistributionArgs {
    #[command(flatten)]
    data: DataArgs,

    #[command(flatten)]
    raw: RawColumnArgs,

    /// The SVG file to write, e.g. `--output gdppc.svg`.
    #[arg(long, value_name = "FILE")]
    output: String,
}

#[derive(Debug, Clone, clap::Args)]
struct VennArgs {
    #[command(flatten)]
    table: TableArgs,

    /// The SVG file to write, e.g. `--output venn.svg`.
    #[arg(long, value_name = "FILE")]
    output: String,
}

/// One file written by `plot pimplot`.
#[derive(Serialize)]
struct Panel {
    file: String,
    expression: String,
    is_model: bool,
}

/// Writes `svg` to `path`.
fn write(path: impl AsRef<Path>, svg: &str) -> Result<(), CliError> {
    write_svg(path, svg).map_err(|e| CliError::input(e.to_string()))
}

/// Runs `fsqca plot`.
pub fn run(args: &Args) -> Result<(), CliError> {
    match &args.kind {
        Kind::Xy(a) => xy(&a.input, &a.output),
        Kind::Necessity(a) => {
            let input = ExprArgs {
                data: a.data.clone(),
                outcome: a.outcome.clone(),
                expression: a.expression.clone(),
                relation: RelationArg::Necessity,
            };
            xy(&input, &a.output)
        }
        Kind::Pimplot(a) => run_pimplot(a),
        Kind::Distribution(a) => {
            let anchors: Anchors = match a.raw.thresholds.as_slice() {
                &[e, c, i] => Thresholds::new(e, c, i).map(Anchors::from),
                &[e1, c1, i1, i2, c2, e2] => {
                    BellThresholds::new(e1, c1, i1, i2, c2, e2).map(Anchors::from)
                }
                other => {
                    return Err(CliError::usage(format!(
                        "--thresholds: give 3 anchors E,C,I or 6 E1,C1,I1,I2,C2,E2, got {}",
                        other.len()
                    )))
                }
            }
            .map_err(|e| CliError::usage(format!("--thresholds: {e}")))?;
            let data = a.data.load()?;
            let svg =
                distribution_plot(&data, &a.raw.column, anchors).map_err(|e| a.data.error(e))?;
            write(&a.output, &svg)
        }
        Kind::Venn(a) => {
            let tt = a.table.build(&a.table.options()?)?;
            let svg = venn_diagram(&tt).map_err(|e| CliError::input(e.to_string()))?;
            write(&a.output, &svg)
        }
    }
}

/// Writes the XY plot of `input` to `output` (`plot xy`, `plot necessity`, `xyplot`).
pub fn xy(input: &ExprArgs, output: &str) -> Result<(), CliError> {
    let (expression, data) = input.load()?;
    let outcome = input.outcome.outcome.to_string();
    let svg = xy_plot_of(&expression, &data, &outcome, input.relation.into())
        .map_err(|e| input.data.error(e))?;
    write(output, &svg)
}

/// `plot pimplot`: one file per term and one for the model.
fn run_pimplot(a: &PimplotArgs) -> Result<(), CliError> {
    let (tt, solution) = minimize::solve_table(&a.solve)?;
    let models = solution.models();
    let model = a
        .model
        .checked_sub(1)
        .and_then(|i| models.get(i))
        .ok_or_else(|| {
            CliError::usage(format!(
                "--model {}: the solution has {} model(s), numbered from 1",
                a.model,
                models.len()
            ))
        })?;
    let outcome = a.solve.table.outcome.outcome.to_string();
    let panels = pimplot(model, tt.data(), &outcome).map_err(|e| CliError::input(e.to_string()))?;
    let dir = Path::new(&a.output);
    std::fs::create_dir_all(dir)
        .map_err(|e| CliError::input(format!("cannot create {}: {e}", dir.display())))?;
    let mut written = Vec::with_capacity(panels.len());
    for (i, panel) in panels.iter().enumerate() {
        let name = if panel.is_model {
            "solution.svg".to_owned()
        } else {
            format!("pi{}.svg", i + 1)
        };
        let path = dir.join(&name);
        write(&path, &panel.svg)?;
        written.push(Panel {
            file: path.display().to_string(),
            expression: panel.expression.to_string(),
            is_model: panel.is_model,
        });
    }
    match a.solve.output.format.text_or_json("plot pimplot")? {
        Format::Json => emit_json(&written),
        Format::Text => emit(|out| {
            for p in &written {
                writeln!(out, "{}  {}", p.file, p.expression)?;
            }
            Ok(())
        }),
    }
}
