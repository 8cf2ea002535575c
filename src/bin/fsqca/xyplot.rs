//! `fsqca xyplot`: the XY plot of an expression against the outcome, as SVG.

use crate::common::{CliError, ExprArgs};

pub const AFTER_HELP: &str = "\
Draws the XY plot of the expression (x axis) against the outcome (y axis) on the unit square:
one point per case labelled with the case and marked by its zone, the diagonal, the 0.5 guides,
and the fit in the title (inclS, PRI and covS for sufficiency; inclN, RoN and covN for
necessity); the same as `fsqca plot xy` (see `fsqca plot --help` for the other pictures). Cases above the diagonal are
consistent with sufficiency, cases below it with necessity. The SVG opens in a browser.

Examples:
  fsqca xyplot tests/fixtures/datasets/LF.csv --outcome SURV --expression \"DEV*LIT*STB\" --svg xy.svg
  fsqca xyplot tests/fixtures/datasets/LF.csv --outcome SURV --expression \"LIT\" --relation necessity --svg lit.svg";

/// The flags of `xyplot`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: ExprArgs,

    /// The SVG file to write, e.g. `--svg xy.svg`.
    #[arg(long, value_name = "FILE")]
    svg: String,
}

/// Runs `fsqca xyplot`.
pub fn run(args: &Args) -> Result<(), CliError> {
    crate::plot::xy(&args.input, &args.svg)
}
