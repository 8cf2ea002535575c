//! `fsqca calibrate`: raw values to set memberships.

use std::io;

use clap::ValueEnum;
use fsqca::calibration::{calibrate_column, CalibrationError, Crisp, Curve, DirectOptions};
use fsqca::Thresholds;
use serde::Serialize;

use crate::common::{emit, emit_json, CliError, DataArgs, RawColumnArgs};

pub const AFTER_HELP: &str = "\
The direct method (default) takes exactly three thresholds E,C,I: full exclusion, crossover and
full inclusion. Increasing thresholds (E < C < I) calibrate an increasing set; give them in
decreasing order (E > C > I) for a decreasing one, e.g. ranks where 1 is best. The curve is the
logistic one with the inclusion degree of membership --idm (0.95), or piecewise linear with
--linear (exponents --below/--above), or the empirical distribution with --ecdf.
With --crisp the thresholds (one or more, increasing) cut the values into categories 0, 1, ..:
one threshold gives a crisp set, more a multi-value one.

The new column is named by --name, by default COLUMN_cal (e.g. gdppc_cal). The output is the
whole data set as CSV, the case labels first under the header `case` (--format csv, the
default, which `fsqca ... -` reads back), an aligned table (--format text), or
{\"column\": NAME, \"from\": COLUMN, \"cases\": [..], \"values\": [..]} (--format json).

Examples:
  fsqca calibrate data/khanal/table2_raw.csv --column gdppc --thresholds 6000,12000,20000 --name G
  fsqca calibrate data/khanal/table2_raw.csv --column enterprise_rank --thresholds 25,14.5,6 --name E
  fsqca calibrate raw.csv --column x --thresholds 0,5,10 --linear --format json
  fsqca calibrate raw.csv --column gdppc --thresholds 550 --crisp --name DEV
  fsqca calibrate raw.csv --column a --thresholds 25,14.5,6 --name A | fsqca calibrate - --column b --thresholds 25,14.5,6 --name B";

/// Output formats of `calibrate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalibrateFormat {
    /// The data set with the new column, as CSV.
    Csv,
    /// The data set with the new column, as an aligned table.
    Text,
    /// Only the new column, as JSON.
    Json,
}

/// The flags of `calibrate`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,

    #[command(flatten)]
    raw: RawColumnArgs,

    /// Piecewise linear curve instead of the logistic one (R QCA's `logistic = FALSE`).
    #[arg(long, conflicts_with_all = ["crisp", "ecdf"])]
    linear: bool,

    /// Empirical cumulative distribution of the values between E and I (R QCA's `ecdf = TRUE`).
    #[arg(long, conflicts_with = "crisp")]
    ecdf: bool,

    /// Inclusion degree of membership of the logistic curve, in (0.5, 1); default 0.95. E.g.
    /// `--idm 0.99`.
    #[arg(long, value_name = "IDM", conflicts_with_all = ["crisp", "linear", "ecdf"])]
    idm: Option<f64>,

    /// Exponent of the linear curve between E and C (default 1; above 1 concentrates).
    #[arg(long, value_name = "EXP", conflicts_with = "crisp")]
    below: Option<f64>,

    /// Exponent of the linear curve between C and I (default 1).
    #[arg(long, value_name = "EXP", conflicts_with = "crisp")]
    above: Option<f64>,

    /// Crisp calibration: the thresholds (increasing) cut the values into categories 0, 1, ...
    #[arg(long)]
    crisp: bool,

    /// Name of the new column (default: COLUMN_cal).
    #[arg(long, value_name = "NEW")]
    name: Option<String>,

    /// Output: csv (the data set, default), text (an aligned table) or json (the new column).
    #[arg(long, value_enum, default_value_t = CalibrateFormat::Csv)]
    format: CalibrateFormat,
}

/// The calibration the flags ask for.
enum Method {
    Direct(DirectOptions, Thresholds),
    Crisp(Crisp),
}

fn flag_error(e: &CalibrationError) -> CliError {
    let flag = match e {
        CalibrationError::Idm { .. } => "--idm".to_owned(),
        CalibrationError::Exponent { name, .. } => format!("--{name}"),
        _ => "--thresholds".to_owned(),
    };
    CliError::usage(format!("{flag}: {e}"))
}

fn method(args: &Args) -> Result<Method, CliError> {
    if args.crisp {
        return Crisp::new(args.raw.thresholds.clone())
            .map(Method::Crisp)
            .map_err(|e| flag_error(&e));
    }
    let &[e, c, i] = args.raw.thresholds.as_slice() else {
        return Err(CliError::usage(format!(
            "--thresholds: the direct method takes exactly 3 thresholds E,C,I, got {} \
             (use --crisp for cut points)",
            args.raw.thresholds.len()
        )));
    };
    if !args.linear {
        for (flag, given) in [("--below", args.below), ("--above", args.above)] {
            if given.is_some() {
                return Err(CliError::usage(format!(
                    "{flag} shapes the linear curve: add --linear"
                )));
            }
        }
    }
    let thresholds = Thresholds::new(e, c, i).map_err(|e| flag_error(&e))?;
    let mut options = DirectOptions::new();
    if args.linear {
        options = options.curve(Curve::Linear);
    }
    if args.ecdf {
        options = options.curve(Curve::Ecdf);
    }
    if let Some(idm) = args.idm {
        options = options.idm(idm);
    }
    if let Some(below) = args.below {
        options = options.below(below);
    }
    if let Some(above) = args.above {
        options = options.above(above);
    }
    options.validate().map_err(|e| flag_error(&e))?;
    Ok(Method::Direct(options, thresholds))
}

#[derive(Serialize)]
struct Output<'a> {
    column: &'a str,
    from: &'a str,
    cases: &'a [String],
    values: Vec<f64>,
}

/// Runs `fsqca calibrate`.
pub fn run(args: &Args) -> Result<(), CliError> {
    let method = method(args)?;
    let name = args
        .name
        .clone()
        .unwrap_or_else(|| format!("{}_cal", args.raw.column));
    // A name the expression grammar cannot write could not be used afterwards (D10).
    fsqca::expression::check_name(&name).map_err(|e| match args.name {
        Some(_) => CliError::usage(format!("--name: {e}")),
        None => CliError::usage(format!(
            "the default name of the new column: {e}; give --name"
        )),
    })?;
    let data = args.data.load()?;
    let data = calibrate_column(&data, &args.raw.column, &name, |x| match &method {
        Method::Direct(options, thresholds) => options.calibrate(x, *thresholds),
        Method::Crisp(crisp) => crisp.calibrate(x),
    })
    .map_err(|e| args.data.error(e))?;
    match args.format {
        CalibrateFormat::Json => {
            let values = data.column(&name).map_err(|e| args.data.error(e))?.to_vec();
            emit_json(&Output {
                column: &name,
                from: &args.raw.column,
                cases: data.cases(),
                values,
            })
        }
        CalibrateFormat::Text => emit(|out| write!(out, "{data}")),
        CalibrateFormat::Csv => emit(|out| data.write_csv(out).map_err(io::Error::other)),
    }
}
