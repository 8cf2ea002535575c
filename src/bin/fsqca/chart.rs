//! `fsqca chart`: configuration charts (Fiss 2011; Ragin & Fiss 2017), through
//! `fsqca::chart`.

use fsqca::chart::{configuration_charts, ConfigurationChart};
use fsqca::table::TableFormat;

use crate::common::{emit, emit_json, CliError, PaperFormat};
use crate::minimize::{self, SolutionArg};

pub const AFTER_HELP: &str = "\
Draws the configuration chart of an intermediate solution (Ragin & Fiss 2008; Fiss 2011): one
column per term (configuration), one row per condition; a large filled circle (●) for a core
condition present, a small one (•) for a peripheral condition present, large and small crossed
circles (⨂, ⊗) for absence, blank for \"don't care\". A condition is core when it is, with the
same sign, in a term of the parsimonious solution that the intermediate term implies. Terms
implying the same parsimonious terms share a number (1a, 1b: neutral permutations). Below: the
consistency, PRI, raw and unique coverage of each configuration, and the solution's.

Takes the flags of `fsqca minimize` with --solution intermediate and --dir-exp; the
parsimonious solution is derived from the same truth table with the same exclusions. One chart
per intermediate model, each with the parsimonious model it rests on (several models: several
charts, each saying which). --format text|markdown|latex|html|svg|json, --digits N, --output
FILE (default standard output; svg with several models writes FILE-1.svg, FILE-2.svg, ...).

JSON (--format json): [{\"outcome\", \"conditions\", \"intermediate_model\",
\"intermediate_models\", \"parsimonious_model\", \"parsimonious_models\",
\"intermediate_expression\", \"parsimonious_expression\", \"configurations\": [{\"label\",
\"term\", \"core\": [..], \"classes\": [\"core_present\"|\"peripheral_present\"|\"core_absent\"|
\"peripheral_absent\"|\"dont_care\", ..], \"incl\", \"pri\", \"cov\", \"cov_unique\"}], \"incl\",
\"pri\", \"cov\"}, ..].

Examples:
  fsqca chart tests/fixtures/setmethods/JOBF.csv --outcome HM --conditions HS,FS,LS,LJS,PP --incl-cut 0.8 --solution intermediate --dir-exp HS,FS,LS,LJS,PP
  fsqca chart tests/fixtures/setmethods/JOBF.csv --outcome HM --conditions HS,FS,LS,LJS,PP --incl-cut 0.8 --solution intermediate --dir-exp HS,FS,LS,LJS,PP --format svg --output chart.svg";

/// The flags of `chart`: those of `minimize`, and where to write.
#[derive(Debug, Clone, clap::Args)]
#[group(id = "ChartArgs")]
pub struct Args {
    #[command(flatten)]
    solve: minimize::Args,

    /// Write the chart to FILE instead of standard output (svg with several charts:
    /// FILE-1.svg, FILE-2.svg, ...).
    #[arg(long, value_name = "FILE")]
    output: Option<String>,
}

/// Runs `fsqca chart`.
pub fn run(args: &Args) -> Result<(), CliError> {
    if args.solve.solution != Some(SolutionArg::Intermediate) {
        return Err(CliError::usage(
            "a configuration chart needs --solution intermediate (with --dir-exp): its core \
             conditions come from the parsimonious solution, its peripheral ones from the \
             intermediate solution",
        ));
    }
    let (tt, intermediate) = minimize::solve_table(&args.solve)?;
    let mut parsimonious_args = args.solve.clone();
    parsimonious_args.solution = Some(SolutionArg::Parsimonious);
    parsimonious_args.dir_exp = None;
    let (_, parsimonious) = minimize::solve_with(&parsimonious_args, |_| Ok(tt.clone()))?;
    let charts = configuration_charts(&intermediate, &parsimonious)
        .map_err(|e| CliError::input(format!("{}: {e}", args.solve.table.data)))?;
    let digits = args.solve.output.digits;
    let format = args.solve.output.format;
    if format == PaperFormat::Svg {
        return write_svgs(&charts, digits, args.output.as_deref());
    }
    let text = match format {
        PaperFormat::Json => {
            if args.output.is_none() {
                return emit_json(&charts);
            }
            serde_json::to_string(&charts)
                .map_err(|e| CliError::input(format!("cannot write the JSON: {e}")))?
        }
        other => {
            let table = other.table("chart")?.unwrap_or(TableFormat::Text);
            let parts: Vec<String> = charts.iter().map(|c| c.render(table, digits)).collect();
            parts.join("\n")
        }
    };
    match &args.output {
        Some(path) => write_file(path, &text),
        None => emit(|out| write!(out, "{text}")),
    }
}

fn write_file(path: &str, text: &str) -> Result<(), CliError> {
    std::fs::write(path, text).map_err(|e| CliError::input(format!("cannot write {path}: {e}")))
}

/// One SVG per chart: to `path` for one chart, `path-1.svg`, ... for several, to standard
/// output without `path`.
fn write_svgs(
    charts: &[ConfigurationChart],
    digits: usize,
    path: Option<&str>,
) -> Result<(), CliError> {
    let svgs = charts
        .iter()
        .map(|c| c.svg(digits))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| CliError::input(e.to_string()))?;
    match path {
        None => emit(|out| write!(out, "{}", svgs.join("\n"))),
        Some(path) if svgs.len() == 1 => write_file(path, &svgs[0]),
        Some(path) => {
            let stem = path.strip_suffix(".svg").unwrap_or(path);
            for (i, svg) in svgs.iter().enumerate() {
                write_file(&format!("{stem}-{}.svg", i + 1), svg)?;
            }
            Ok(())
        }
    }
}
