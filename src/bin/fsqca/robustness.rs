//! `fsqca robustness`: re-runs a minimization over grids of calibration thresholds and
//! cut-offs, and reports how stable the solution is.

use fsqca::plot::{robustness_plot, sweep_chart, write_svg, TestSetAxis};
use fsqca::robustness::{
    Analysis, CaseRobustness, Parameter, ParameterGrid, RobustnessError, Summary, Sweep, TestSet,
    TestSetReading,
};
use fsqca::Thresholds;
use serde::Serialize;

use crate::common::{
    data_error, emit, emit_json, infer_levels, load_data, CliError, Format, TableArgs,
};
use crate::minimize::{solution_options, SolutionArg};

pub const AFTER_HELP: &str = "\
Runs the analysis of `minimize` once with the given parameters (the baseline), then once per
grid value of each parameter, the others at their baseline (one at a time): each anchor
(exclusion, crossover, inclusion) of each condition given with --calibrate moved over ± the
--range share of the column's range in --steps steps, and the inclusion (--incl-sweep) and
frequency (--n-sweep) cut-offs over their ranges. Conditions without --calibrate are used as
memberships. It reports, per parameter, the sensitivity range (the values around the baseline
over which the solution stays the same), the robust core (the terms in every variant's
solution), Oana & Schneider's robustness fit (RF_cov, RF_cons, RF_SC) and how often each
baseline term survives. A moved anchor that passes a neighbouring one skips its variant.

Limits: a sweep runs at most 1,000,000 variants (the library's MAX_VARIANTS), counted before
any grid is made: 3 x (--steps + 1) per calibrated condition, --steps + 1 for --incl-sweep and
HI - LO + 1 for --n-sweep. A larger request, a reversed range (LO above HI), a condition given
twice to --calibrate, or a --range whose grid overflows is a bad command line (exit 2).

--test-set FILE runs a chosen test set instead of the grids (Oana & Schneider's plausible
alternative analyses): a TOML (.toml) or JSON (.json) file with a `name` and one
`alternative` per analysis, each a `name` and what it changes: `recalibrate` (a list of
{set, column, exclusion, crossover, inclusion}: other anchors for a condition or the
outcome, or its calibration from another raw column), `incl_cut`, `incl_cut0`, `n_cut`,
`pri_cut`, `solution` (conservative, parsimonious, intermediate), `dir_exp`, `drop_cases`
(labels), `add_cases` (a list of {case, values = {COLUMN = value}}). --calibrate still sets
the baseline's calibration; --incl-sweep, --n-sweep, --range, --steps and --svg do not apply.
The measures compare the baseline's cases: an alternative's solution is evaluated on them
with its calibration, a dropped case included. Example file:
  name = \"cut-offs\"
  [[alternative]]
  name = \"TS1\"
  incl_cut = 0.7
  [[alternative]]
  name = \"without ARG\"
  drop_cases = [\"ARG\"]

--svg FILE draws the sweep of --chart (default: incl_cut when swept, else the first grid):
the fit of each variant's solution and where the solution differs from the baseline.

--cases adds Oana & Schneider's case-oriented robustness (SetMethods' rob.cases, rob.corefit,
rob.singletest): the baseline's first model (IS) against every variant's first model (the
test set), the eight case types (robust, shaky, possible typical and deviant, extreme deviant
coverage, irrelevant) with their cases and Boolean expressions, RCR_typ, RCR_dev, RCC_Rank,
each variant alone, and the fit of the robust core min(IS, every test). TS_min and TS_max
take every variant; --first-and-last takes the first and the last only, as SetMethods 4.0's
code does (for replication; with more than two tests its values differ from the protocol's).
Variants without a solution are named and left out of the test sets; the robustness fit is
reported with and without them. --xyplot FILE draws the robustness XY plot (IS against
TS_min for cases in IS and TS_max for the others, or --xyplot-set min / max) as SVG.

JSON (--format json): {\"outcome\", \"summary\": {\"baseline\", \"test_set\": {\"kind\": \"grids\",
\"grids\": [{\"parameter\", \"baseline\", \"low\", \"high\", \"points\"}]} or {\"kind\": \"chosen\", \"name\",
\"alternatives\"}, \"variants\", \"same\", \"skipped\",
\"ranges\": [{\"parameter\", \"baseline\", \"low\", \"high\", \"grid_low\", \"grid_high\"}], \"core\",
\"common_terms_fit\", \"no_solution\", \"fit\": {\"rf_cov\", \"rf_cons\", \"rf_sc_min\", \"rf_sc_max\"},
\"fit_without_no_solution\", \"terms\"}, with --cases \"cases\": {\"reading\", \"initial\", \"tests\",
\"no_solution\", \"tests_used\", \"case_types\": [{\"case_type\", \"expression\", \"cases\", \"count\",
\"share_of_cases\", \"outcome_group_size\", \"share_of_outcome_group\"}], \"rcr_typ\", \"rcr_dev\",
\"rcc_rank\", \"single_tests\": [{\"name\", \"expression\", \"rcc_rank\", \"coincidence\"}],
\"robust_core_fit\", \"fit\", \"fit_with_no_solution\", memberships},
\"variants\": [{\"parameter\", \"value\" (a test set: \"alternative\"), \"result\": {\"result\": \"solved\", \"models\", \"fit\"} or
{\"result\": \"skipped\", \"reason\"}, \"same_as_baseline\", \"coincidence\"}]}.

Examples:
  fsqca robustness data.csv --outcome Y --conditions E,U,G,P --calibrate E=25,14.5,6 \\
    --calibrate U=25,14.5,6 --incl-cut 0.85 --solution conservative --incl-sweep 0.75,0.95 --svg sweep.svg
  fsqca robustness tests/fixtures/datasets/LF.csv --outcome SURV --conditions DEV,URB,LIT,IND,STB \\
    --incl-cut 0.8 --incl-sweep 0.7,0.9 --n-sweep 1,3 --format json
  fsqca robustness tests/fixtures/datasets/LF.csv --outcome SURV --conditions DEV,URB,LIT,IND,STB \\
    --incl-cut 0.8 --incl-sweep 0.7,0.9 --cases --xyplot robustness.svg
  fsqca robustness tests/fixtures/robustness/PAYF_WEAL.csv --outcome HL --conditions HE,GG,AH,HI,HW \\
    --incl-cut 0.87 --n-cut 2 --solution parsimonious --test-set tests/fixtures/robustness/PAYF_TS3set.toml";

/// The flags of `robustness`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub table: TableArgs,

    /// A condition to calibrate from its raw column by the direct method, with its thresholds
    /// `NAME=E,C,I` as `calibrate --thresholds` takes them (decreasing for a decreasing set),
    /// e.g. `--calibrate E=25,14.5,6`. Repeat for each; a condition given twice is an error.
    #[arg(long, value_name = "NAME=E,C,I", allow_negative_numbers = true)]
    pub calibrate: Vec<String>,

    /// The solution type (default conservative).
    #[arg(long, value_enum, value_name = "TYPE", default_value = "conservative")]
    pub solution: SolutionArg,

    /// Directional expectations for the intermediate solution, as `minimize --dir-exp`:
    /// required by, and only accepted with, --solution intermediate.
    #[arg(long, value_name = "EXPS")]
    pub dir_exp: Option<String>,

    /// Each threshold grid spans the baseline anchor ± this share of the column's range
    /// (largest minus smallest value): finite, at least 0, and small enough that the grid's
    /// bounds do not overflow. Default 0.2.
    #[arg(long, value_name = "SHARE", default_value_t = 0.2)]
    pub range: f64,

    /// Steps of each threshold and inclusion grid (steps + 1 values); the sweep runs at most
    /// 1,000,000 variants in all. Default 20.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub steps: usize,

    /// Sweep the inclusion cut-off from LO to HI (LO <= HI) in --steps steps, e.g.
    /// `--incl-sweep 0.75,0.95`.
    #[arg(long, value_name = "LO,HI", value_delimiter = ',')]
    pub incl_sweep: Vec<f64>,

    /// Sweep the frequency cut-off over every whole number from LO to HI (1 <= LO <= HI), e.g.
    /// `--n-sweep 1,3`.
    #[arg(long, value_name = "LO,HI", value_delimiter = ',')]
    pub n_sweep: Vec<usize>,

    /// Write the chart of one parameter's sweep as SVG.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<String>,

    /// Run the chosen test set of this TOML (.toml) or JSON (.json) file instead of the grids
    /// (see below).
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with_all = ["incl_sweep", "n_sweep", "range", "steps", "svg"]
    )]
    pub test_set: Option<String>,

    /// The parameter the chart shows, e.g. `E.crossover` or `incl_cut`.
    #[arg(long, value_name = "PARAMETER", requires = "svg")]
    pub chart: Option<String>,

    /// Add the case-oriented robustness (case types, RCR_typ, RCR_dev, RCC_Rank, each variant
    /// alone, the robust core's fit).
    #[arg(long)]
    pub cases: bool,

    /// Build TS_min and TS_max from the first and the last variant only, as SetMethods 4.0
    /// does (for replication; the protocol takes every variant).
    #[arg(long)]
    pub first_and_last: bool,

    /// Write the robustness XY plot of the case types as SVG.
    #[arg(long, value_name = "FILE")]
    pub xyplot: Option<String>,

    /// The test set on the XY plot's vertical axis: by-is (TS_min for cases in IS, TS_max for
    /// the others; default), min or max.
    #[arg(
        long,
        value_enum,
        value_name = "SET",
        requires = "xyplot",
        default_value = "by-is"
    )]
    pub xyplot_set: XyPlotSet,

    /// Output: text or json.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// The test set on the vertical axis of `--xyplot`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum XyPlotSet {
    /// TS_min for cases in IS, TS_max for the others.
    ByIs,
    /// TS_min.
    Min,
    /// TS_max.
    Max,
}

/// `NAME=E,C,I`.
fn calibration(flag: &str) -> Result<(String, Thresholds), CliError> {
    let bad = |why: &str| CliError::usage(format!("--calibrate `{flag}`: {why}"));
    let (name, values) = flag
        .split_once('=')
        .ok_or_else(|| bad("expected NAME=E,C,I"))?;
    let values: Vec<f64> = values
        .split(',')
        .map(|v| v.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| bad("the thresholds must be numbers"))?;
    let [e, c, i] = values[..] else {
        return Err(bad("expected exactly three thresholds E,C,I"));
    };
    let thresholds = Thresholds::new(e, c, i).map_err(|err| bad(&err.to_string()))?;
    Ok((name.trim().to_owned(), thresholds))
}

/// `LO,HI` of a sweep flag; a reversed range is refused, as it would be read as no range at
/// all for whole numbers and as a descending one for cut-offs.
fn range_pair<T: Copy + PartialOrd + std::fmt::Debug>(
    flag: &str,
    values: &[T],
) -> Result<Option<(T, T)>, CliError> {
    match values {
        [] => Ok(None),
        [lo, hi] if lo > hi => Err(CliError::usage(format!(
            "{flag} {lo:?},{hi:?}: LO is above HI (give the range as LO,HI with LO <= HI)"
        ))),
        [lo, hi] => Ok(Some((*lo, *hi))),
        _ => Err(CliError::usage(format!("{flag} takes two values LO,HI"))),
    }
}

/// The conditions of `--calibrate`, each at most once.
fn calibrations(flags: &[String]) -> Result<Vec<(String, Thresholds)>, CliError> {
    let mut out: Vec<(String, Thresholds)> = Vec::with_capacity(flags.len());
    for flag in flags {
        let (name, thresholds) = calibration(flag)?;
        if out.iter().any(|(n, _)| *n == name) {
            return Err(CliError::usage(format!(
                "--calibrate: condition `{name}` is given twice"
            )));
        }
        out.push((name, thresholds));
    }
    Ok(out)
}

/// A robustness error of the grid made from `flag`, as a bad command line naming the flag.
fn grid_error(flag: &str, err: RobustnessError) -> CliError {
    CliError::usage(format!("{flag}: {err}"))
}

/// Whether the error is one of a lower stage that the analysis ran (data, calibration, truth
/// table, solution...), rather than the analysis's own (a bad grid or analysis).
fn is_lower_stage(err: &RobustnessError) -> bool {
    matches!(
        err,
        RobustnessError::Data(_)
            | RobustnessError::Expression(_)
            | RobustnessError::Calibration(_)
            | RobustnessError::TruthTable(_)
            | RobustnessError::Solution(_)
            | RobustnessError::Set(_)
    )
}

fn analysis(args: &Args) -> Result<(Analysis, Vec<ParameterGrid>), CliError> {
    let options = args.table.options()?;
    let conditions = args.table.condition_names()?;
    let calibrations = calibrations(&args.calibrate)?;
    if let Some((name, _)) = calibrations.iter().find(|(n, _)| !conditions.contains(n)) {
        return Err(CliError::usage(format!(
            "--calibrate: `{name}` is not among --conditions"
        )));
    }
    if args.steps == 0 {
        return Err(CliError::usage("--steps must be at least 1"));
    }
    let solution_options = solution_options(args.solution, args.dir_exp.as_deref(), &conditions)?;
    let incl = range_pair("--incl-sweep", &args.incl_sweep)?;
    let n = range_pair("--n-sweep", &args.n_sweep)?;
    let data = load_data(&args.table.data, &args.table.read)?;
    let memberships: Vec<&String> = conditions
        .iter()
        .filter(|c| !calibrations.iter().any(|(n, _)| n == *c))
        .collect();
    let data = infer_levels(&args.table.data, data, &memberships)?;
    let data = if options.get_drop_missing() {
        let mut columns = conditions.clone();
        columns.push(args.table.outcome.outcome.name().to_owned());
        data.drop_missing(&columns)
            .map_err(|e| data_error(&args.table.data, e))?
    } else {
        data
    };
    let mut analysis = Analysis::new(data, args.table.outcome.outcome.clone())
        .truth_table_options(options)
        .solution_options(solution_options);
    for name in &conditions {
        analysis = match calibrations.iter().find(|(n, _)| n == name) {
            Some((_, t)) => analysis.condition(name.clone(), *t),
            None => analysis.membership_condition(name.clone()),
        };
    }
    if args.test_set.is_some() {
        return Ok((analysis, Vec::new()));
    }
    // Every grid is checked against the library's MAX_VARIANTS before it is made.
    let points = args.steps.saturating_add(1);
    let steps = format!("--steps {}", args.steps);
    let mut grids = analysis
        .threshold_grids(args.range, points)
        .map_err(|e| match e {
            RobustnessError::TooManyVariants { .. } => grid_error(&steps, e),
            RobustnessError::InvalidGrid { .. } => {
                // The library's message gives the value.
                grid_error("--range", e)
            }
            other => data_error(&args.table.data, other),
        })?;
    if let Some((lo, hi)) = incl {
        let grid = ParameterGrid::span(Parameter::InclCut, lo, hi, points).map_err(|e| {
            let flag = match e {
                RobustnessError::TooManyVariants { .. } => steps.clone(),
                _ => format!("--incl-sweep {lo:?},{hi:?}"),
            };
            grid_error(&flag, e)
        })?;
        grids.push(grid);
    }
    if let Some((lo, hi)) = n {
        // Every whole number from LO to HI (LO <= HI).
        let count = (hi - lo).saturating_add(1);
        let grid = ParameterGrid::span(Parameter::NCut, lo as f64, hi as f64, count)
            .map_err(|e| grid_error(&format!("--n-sweep {lo},{hi}"), e))?;
        grids.push(grid);
    }
    if grids.is_empty() {
        return Err(CliError::usage(
            "nothing to sweep: give --calibrate, --incl-sweep or --n-sweep",
        ));
    }
    Ok((analysis, grids))
}

#[derive(Serialize)]
struct Output<'a> {
    outcome: &'a str,
    summary: &'a Summary,
    #[serde(skip_serializing_if = "Option::is_none")]
    cases: Option<&'a CaseRobustness>,
    variants: &'a [fsqca::robustness::Variant],
}

/// The case-oriented robustness, when --cases or --xyplot asks for it.
fn case_robustness(args: &Args, sweep: &Sweep) -> Result<Option<CaseRobustness>, CliError> {
    if !args.cases && args.xyplot.is_none() {
        if args.first_and_last {
            return Err(CliError::usage(
                "--first-and-last reads the test set of --cases or --xyplot: give one of them",
            ));
        }
        return Ok(None);
    }
    let reading = if args.first_and_last {
        TestSetReading::FirstAndLast
    } else {
        TestSetReading::AllTests
    };
    let r = sweep
        .case_robustness(reading)
        .map_err(|e| CliError::input(format!("case-oriented robustness: {e}")))?;
    if let Some(file) = &args.xyplot {
        let axis = match args.xyplot_set {
            XyPlotSet::ByIs => TestSetAxis::ByInitialSolution,
            XyPlotSet::Min => TestSetAxis::Minimal,
            XyPlotSet::Max => TestSetAxis::Maximal,
        };
        let svg = robustness_plot(&r, axis).map_err(|e| CliError::input(e.to_string()))?;
        write_svg(file, &svg).map_err(|e| CliError::input(e.to_string()))?;
    }
    Ok(args.cases.then_some(r))
}

fn chart(args: &Args, sweep: &Sweep, file: &str) -> Result<(), CliError> {
    let parameter = match &args.chart {
        Some(name) => sweep
            .grids()
            .iter()
            .map(|(g, _)| g.parameter())
            .find(|p| p.to_string() == *name)
            .ok_or_else(|| CliError::usage(format!("--chart: `{name}` was not swept")))?,
        None => sweep
            .grids()
            .iter()
            .map(|(g, _)| g.parameter())
            .find(|p| **p == Parameter::InclCut)
            .or_else(|| sweep.grids().first().map(|(g, _)| g.parameter()))
            .ok_or_else(|| CliError::usage("nothing was swept"))?,
    };
    let svg = sweep_chart(sweep, parameter).map_err(|e| CliError::input(e.to_string()))?;
    write_svg(file, &svg).map_err(|e| CliError::input(e.to_string()))
}

/// The test set of `--test-set FILE`, read as TOML or JSON by the file's extension.
fn read_test_set(file: &str) -> Result<TestSet, CliError> {
    let bad = |e: &dyn std::fmt::Display| CliError::input(format!("--test-set {file}: {e}"));
    let lower = file.to_ascii_lowercase();
    let json = if lower.ends_with(".json") {
        true
    } else if lower.ends_with(".toml") {
        false
    } else {
        return Err(CliError::usage(format!(
            "--test-set {file}: name the file .toml or .json to say its format"
        )));
    };
    let text = std::fs::read_to_string(file).map_err(|e| bad(&e))?;
    let set = if json {
        TestSet::from_json(&text)
    } else {
        TestSet::from_toml(&text)
    };
    set.map_err(|e| bad(&e))
}

/// Runs `fsqca robustness`.
pub fn run(args: &Args) -> Result<(), CliError> {
    let (analysis, grids) = analysis(args)?;
    let sweep = match &args.test_set {
        Some(file) => {
            let set = read_test_set(file)?;
            analysis.sweep_test_set(&set).map_err(|e| match e {
                e @ RobustnessError::InvalidAlternative { .. } => {
                    CliError::input(format!("--test-set {file}: {e}"))
                }
                e => data_error(&args.table.data, e),
            })?
        }
        None => sweep_grids(args, &analysis, &grids)?,
    };
    let summary = sweep.summary();
    if let Some(file) = &args.svg {
        chart(args, &sweep, file)?;
    }
    let cases = case_robustness(args, &sweep)?;
    match args.format {
        Format::Json => emit_json(&Output {
            outcome: sweep.outcome(),
            summary: &summary,
            cases: cases.as_ref(),
            variants: sweep.variants(),
        }),
        Format::Text => emit(|out| {
            write!(out, "{summary}")?;
            match &cases {
                Some(c) => write!(out, "{c}"),
                None => Ok(()),
            }
        }),
    }
}

fn sweep_grids(
    args: &Args,
    analysis: &Analysis,
    grids: &[ParameterGrid],
) -> Result<Sweep, CliError> {
    analysis.sweep(grids).map_err(|e| match e {
        e @ RobustnessError::TooManyVariants { .. } => CliError::usage(format!(
            "{e} (lower --steps, narrow --n-sweep or calibrate fewer conditions)"
        )),
        e if is_lower_stage(&e) => data_error(&args.table.data, e),
        e => CliError::usage(e.to_string()),
    })
}
