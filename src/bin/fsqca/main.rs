//! `fsqca`: fuzzy-set Qualitative Comparative Analysis from the command line.
//!
//! A thin layer over the `fsqca` library: every subcommand reads a CSV data set (or standard
//! input for `-`), calls the library and prints an aligned text table (the default) or JSON
//! (`--format json`). Errors end with one line on standard error, `fsqca: error: ...`, and a
//! non-zero exit code: 2 for a bad command line, 1 for bad data or a failed analysis.

mod calibrate;
mod cases;
mod chart;
mod cluster;
mod common;
mod diagnose;
mod find_rows;
mod fit;
mod minimize;
mod necessity;
mod plot;
mod robustness;
mod stdout;
/// Padding by hand, shared with the library (`src/text.rs`).
#[path = "../../text.rs"]
mod text;
mod theory;
mod truth_table;
mod xyplot;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::common::CliError;

const MAIN_AFTER_HELP: &str = "\
Data: a CSV file with a header row; the first column holds the case labels when its header is
empty or `case`, or when most of its cells are not numbers (--labels). Empty cells and `NA` are
missing values (--na). Columns with text are kept; a command refuses them only if it uses them.
Multi-value conditions are declared with --multi-value (see `fsqca truth-table --help`). Give
`-` as DATA to read standard input.

Expressions use the notation of R's QCA package: `~` negation, `*` and, ` + ` or, `A[2]` for
level 2 of a multi-value condition, e.g. \"E*~U + G\".

Examples:
  fsqca calibrate raw.csv --column gdppc --thresholds 6000,12000,20000 --name G > cal.csv
  fsqca diagnose cal.csv --sets E,U,G,P,Y
  fsqca necessity cal.csv --outcome Y --conditions E,U,G,P
  fsqca fit cal.csv --outcome Y --expression \"E*~U + G\"
  fsqca truth-table cal.csv --outcome Y --conditions E,U,G,P --incl-cut 0.85 --format json
  fsqca calibrate raw.csv --column u_rank --thresholds 25,14.5,6 --name U | fsqca truth-table - --outcome Y --conditions U,G
  fsqca xyplot cal.csv --outcome Y --expression \"E*P\" --svg xy.svg
  fsqca plot venn cal.csv --outcome Y --conditions E,U,G,P --incl-cut 0.85 --output venn.svg
  fsqca cluster panel.csv --outcome Y --conditions A,B --unit COUNTRY --cluster YEAR --expression \"A*~B\"
  fsqca cases cal.csv --outcome Y --conditions E,U,G,P --incl-cut 0.8 --solution parsimonious --type typical
  fsqca chart cal.csv --outcome Y --conditions E,U,G,P --incl-cut 0.8 --solution intermediate --dir-exp E,U,G,P --format markdown
  fsqca robustness raw.csv --outcome Y --conditions E,U --calibrate E=25,14.5,6 --calibrate U=25,14.5,6 --incl-cut 0.85 --svg sweep.svg

Exit status: 0 on success, 1 for bad data or a failed analysis, 2 for a bad command line.
A closed output pipe (`| head`) is not an error; a closed standard output (`>&-`) gives a
warning, and so does /dev/null opened read-write (Python's subprocess.DEVNULL), which looks the
same: `> /dev/null` discards the output without one.";

/// Fuzzy-set Qualitative Comparative Analysis (QCA): calibration, necessity, parameters of fit
/// and truth tables, computed as R's QCA package does.
#[derive(Debug, Parser)]
#[command(name = "fsqca", version, after_help = MAIN_AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Calibrate a raw column into set memberships (direct method or crisp thresholds) and print
    /// the data set with the new column.
    #[command(after_help = calibrate::AFTER_HELP)]
    Calibrate(calibrate::Args),
    /// Calibration diagnostics: per set the cases above 0.5 and their share (flagging skewed
    /// sets), and the cases at exactly 0.5.
    #[command(after_help = diagnose::AFTER_HELP)]
    Diagnose(diagnose::Args),
    /// Necessity of every condition and of its negation (each level of a multi-value
    /// condition) for an outcome: inclusion, relevance (RoN) and coverage.
    #[command(after_help = necessity::AFTER_HELP)]
    Necessity(necessity::Args),
    /// Parameters of fit of an expression for an outcome: per term and for the whole.
    #[command(after_help = fit::AFTER_HELP)]
    Fit(fit::Args),
    /// The truth table of an outcome on some conditions: n, inclusion, PRI, output value and
    /// cases of every configuration.
    #[command(name = "truth-table", after_help = truth_table::AFTER_HELP)]
    TruthTable(truth_table::Args),
    /// Boolean minimization of a truth table: conservative, parsimonious or intermediate
    /// solution, with every minimal model and its fit.
    #[command(after_help = minimize::AFTER_HELP)]
    Minimize(minimize::Args),
    /// Rows to keep out of a minimization (R QCA's findRows): remainders matching an
    /// expression, contradictory simplifying assumptions, simultaneous subset relations.
    #[command(name = "find-rows", after_help = find_rows::AFTER_HELP)]
    FindRows(find_rows::Args),
    /// The XY plot of an expression against the outcome, with the diagonal, case labels and
    /// fit, as SVG.
    #[command(after_help = xyplot::AFTER_HELP)]
    Xyplot(xyplot::Args),
    /// Pictures as SVG: XY plots (sufficiency, necessity), every prime implicant of a model
    /// (pimplot), a raw column's distribution with its anchors, the Venn diagram of a truth
    /// table.
    #[command(after_help = plot::AFTER_HELP)]
    Plot(plot::Args),
    /// Panel cluster diagnostics: pooled, between (per cluster) and within (per unit)
    /// consistency and coverage of a solution's terms and of the whole, and their distances.
    #[command(after_help = cluster::AFTER_HELP)]
    Cluster(cluster::Args),
    /// Robustness of a solution: re-runs the analysis over grids of calibration thresholds and
    /// cut-offs and reports sensitivity ranges, robust core and robustness fit.
    #[command(after_help = robustness::AFTER_HELP)]
    Robustness(robustness::Args),
    /// Theory evaluation: the intersections of a theory and a solution (T*S, ~T*S, T*~S,
    /// ~T*~S) as sums of products, their fit and their cases.
    #[command(after_help = theory::AFTER_HELP)]
    Theory(theory::Args),
    /// Case selection for set-theoretic multi-method research (SetMethods' smmr): typical,
    /// deviant and irrelevant cases of a solution or a necessary condition, and pairs of them.
    #[command(after_help = cases::AFTER_HELP)]
    Cases(cases::Args),
    /// Configuration chart (Fiss 2011): the terms of an intermediate solution with their core
    /// and peripheral conditions and their fit, as text, Markdown, LaTeX, HTML, SVG or JSON.
    #[command(after_help = chart::AFTER_HELP)]
    Chart(chart::Args),
}

fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Calibrate(args) => calibrate::run(&args),
        Command::Diagnose(args) => diagnose::run(&args),
        Command::Necessity(args) => necessity::run(&args),
        Command::Fit(args) => fit::run(&args),
        Command::TruthTable(args) => truth_table::run(&args),
        Command::Minimize(args) => minimize::run(&args),
        Command::FindRows(args) => find_rows::run(&args),
        Command::Xyplot(args) => xyplot::run(&args),
        Command::Plot(args) => plot::run(&args),
        Command::Robustness(args) => robustness::run(&args),
        Command::Theory(args) => theory::run(&args),
        Command::Cluster(args) => cluster::run(&args),
        Command::Cases(args) => cases::run(&args),
        Command::Chart(args) => chart::run(&args),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return common::report_clap(&err),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => common::report(&err),
    }
}
