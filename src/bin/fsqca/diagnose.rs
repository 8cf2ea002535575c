//! `fsqca diagnose`: calibration diagnostics (SetMethods' `skew.check` and `ambig.cases`).

use fsqca::diagnostics::{DiagnoseOptions, Skew, DEFAULT_SKEW_THRESHOLD};
use fsqca::Dataset;

use crate::common::{
    emit, emit_json, names, numeric_columns, warn, CliError, DataArgs, Format, TextTable,
};

pub const AFTER_HELP: &str = "\
For every set (a calibrated column, memberships in [0, 1]): the number and share of cases with a
membership above 0.5 (strictly), and the cases at exactly 0.5 (SetMethods' skew.check and
ambig.cases). A set is flagged `mostly out` when fewer than --skew-threshold of its cases are
above 0.5, `mostly in` when fewer than that share are not (default 0.2: below 20% or above
80%). A condition at exactly 0.5 puts a case in no truth-table row: recalibrate it. Without
--sets, every numeric column with values in [0, 1] is diagnosed (the others are named in a
warning); a set given with --sets that has a value outside [0, 1] is an error naming the case.

JSON (--format json): {\"skew_threshold\", \"sets\": [{\"set\", \"n_cases\", \"n_above_half\",
\"share_above_half\", \"at_half\": [{\"row\" (from 0), \"case\"}], \"skew\": \"mostly_out\",
\"mostly_in\" or null}]}

Examples:
  fsqca diagnose tests/fixtures/setmethods/SCHLF.csv --sets EMP,BARGAIN,UNI,OCCUP,STOCK,MA,EXPORT
  fsqca diagnose tests/fixtures/setmethods/JOBF.csv --skew-threshold 0.3 --format json";

/// The flags of `diagnose`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,

    /// The sets, comma-separated (default: every numeric column), e.g. `--sets HS,FS,HM`.
    #[arg(long, short = 's', value_name = "A,B,..", value_delimiter = ',')]
    sets: Vec<String>,

    /// Flag a set when fewer than this share of its cases, or fewer than this share not, are
    /// above 0.5 (from 0, never, to 0.5).
    #[arg(long, value_name = "SHARE", default_value_t = DEFAULT_SKEW_THRESHOLD)]
    skew_threshold: f64,

    /// Output: text (an aligned table) or json (full precision).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// The sets diagnosed by default: every numeric column whose values lie in [0, 1] (missing
/// values aside, which the diagnosis refuses), with a warning naming the numeric columns left
/// out as not calibrated (an identifier such as a year, or a raw measure).
fn default_sets(path: &str, data: &Dataset) -> Vec<String> {
    let (sets, raw): (Vec<String>, Vec<String>) =
        numeric_columns(path, data).into_iter().partition(|name| {
            data.column(name)
                .is_ok_and(|values| values.iter().all(|v| v.is_nan() || (0.0..=1.0).contains(v)))
        });
    if !raw.is_empty() {
        warn(
            path,
            format_args!(
                "left out the columns with values outside [0, 1] (not calibrated): {}",
                raw.iter()
                    .map(|name| format!("`{name}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
    sets
}

/// Runs `fsqca diagnose`.
pub fn run(args: &Args) -> Result<(), CliError> {
    let given = names("--sets", &args.sets)?;
    let data = args.data.load()?;
    let sets = if given.is_empty() {
        default_sets(&args.data.data, &data)
    } else {
        given
    };
    let options = DiagnoseOptions::new().skew_threshold(args.skew_threshold);
    options
        .validate()
        .map_err(|e| CliError::usage(format!("--skew-threshold: {e}")))?;
    let report = options
        .diagnose(&data, &sets)
        .map_err(|e| args.data.error(e))?;
    match args.format {
        Format::Json => emit_json(&report),
        Format::Text => {
            let mut t = TextTable::new(&["set", "> 0.5", "cases", "share", "at 0.5", "skew"], 1);
            for s in &report.sets {
                t.row(vec![
                    s.set.clone(),
                    s.n_above_half.to_string(),
                    s.n_cases.to_string(),
                    format!("{:.2}%", 100.0 * s.share_above_half),
                    s.at_half.len().to_string(),
                    match s.skew {
                        Some(Skew::MostlyOut) => "mostly out",
                        Some(Skew::MostlyIn) => "mostly in",
                        None => "",
                    }
                    .to_owned(),
                ]);
            }
            let percent = 100.0 * report.skew_threshold;
            emit(|out| {
                writeln!(
                    out,
                    "calibration diagnostics: cases above 0.5 per set; skewed below {percent}% or above {}%",
                    100.0 - percent
                )?;
                writeln!(out)?;
                t.write(out)?;
                writeln!(out)?;
                let at_half: Vec<_> = report
                    .sets
                    .iter()
                    .filter(|s| !s.at_half.is_empty())
                    .collect();
                if at_half.is_empty() {
                    return writeln!(out, "no case has a membership of exactly 0.5");
                }
                writeln!(out, "cases at exactly 0.5:")?;
                for s in at_half {
                    let cases: Vec<&str> = s.at_half.iter().map(|c| c.case.as_str()).collect();
                    writeln!(out, "  {}: {}", s.set, cases.join(", "))?;
                }
                Ok(())
            })
        }
    }
}
