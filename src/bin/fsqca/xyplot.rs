//! `fsqca xyplot`: the XY plot of an expression against the outcome, as SVG.

use fsqca::plot::{write_svg, xy_plot_of};
use fsqca::Relation;

use crate::common::{data_error, infer_levels, load_data, parse_expression, CliError, ReadArgs};
use crate::fit::RelationArg;

pub const AFTER_HELP: &str = "\
Draws the XY plot of the expression (x axis) against the outcome (y axis) on the unit square:
one point per case labelled with the case, the diagonal, and the fit in the title (inclS and
covS for sufficiency; inclN, RoN and covN for necessity). Cases above the diagonal are
consistent with sufficiency, cases below it with necessity. The SVG opens in a browser.

Examples:
  fsqca xyplot tests/fixtures/datasets/LF.csv --outcome SURV --expression \"DEV*LIT*STB\" --svg xy.svg
  fsqca xyplot tests/fixtures/datasets/LF.csv --outcome SURV --expression \"LIT\" --relation necessity --svg lit.svg";

/// The flags of `xyplot`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The data: a CSV file, or `-` for standard input.
    #[arg(value_name = "DATA")]
    data: String,

    #[command(flatten)]
    read: ReadArgs,

    /// The outcome column; `~Y` for its negation.
    #[arg(long, short = 'o', value_name = "Y")]
    outcome: String,

    /// The expression on the x axis, e.g. `--expression "E*~U + G"` or a single condition.
    #[arg(long, short = 'e', value_name = "EXPR")]
    expression: String,

    /// The relation whose fit the title gives: sufficiency (default) or necessity.
    #[arg(long, value_enum, default_value_t = RelationArg::Sufficiency)]
    relation: RelationArg,

    /// The SVG file to write, e.g. `--svg xy.svg`.
    #[arg(long, value_name = "FILE")]
    svg: String,
}

/// Runs `fsqca xyplot`.
pub fn run(args: &Args) -> Result<(), CliError> {
    let expression = parse_expression("--expression", &args.expression)?;
    let data = load_data(&args.data, &args.read)?;
    let used: Vec<&str> = expression.literals().iter().map(|l| l.name()).collect();
    let data = infer_levels(&args.data, data, &used)?;
    let relation = match args.relation {
        RelationArg::Sufficiency => Relation::Sufficiency,
        RelationArg::Necessity => Relation::Necessity,
    };
    let svg = xy_plot_of(&expression, &data, &args.outcome, relation)
        .map_err(|e| data_error(&args.data, e))?;
    write_svg(&args.svg, &svg).map_err(|e| CliError::input(e.to_string()))
}
