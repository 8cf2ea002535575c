//! `fsqca minimize`: R QCA's `minimize()`: the conservative, parsimonious or intermediate
//! solution of a truth table, through `fsqca::solution`.

use clap::ValueEnum;
use fsqca::counterfactual::{Esa, Exclusions};
use fsqca::fit::Sufficiency;
use fsqca::minimize::{CoverSearch, EngineOptions, MinimizeError, PrimeMethod};
use fsqca::solution::{
    Counterfactuals, DirectionalExpectations, Model, Solution, SolutionError, SolutionOptions,
    SolutionType, Term, DEFAULT_CUBE_LIMIT, DEFAULT_ROW_LIMIT,
};
use fsqca::table::solution_table;
use fsqca::{Expression, TruthTable, TruthTableOptions};
use serde::Serialize;

use crate::common::{data_error, emit, emit_json, CliError, Format, PaperArgs, TableArgs};

pub const AFTER_HELP: &str = "\
Minimizes the truth table exactly and prints every minimal model with its fit (inclS, PRI,
covS, Haesebrouck's consistency inclH and PROD = inclS * PRI as SetMethods' QCAfit gives them;
per term also covU and the cases it covers). Positive rows are covered, negative rows and
contradictions never; remainders as the solution type allows. Intermediate models are derived
for every pair of conservative and parsimonious models, with their easy and difficult
counterfactuals. Simplifying assumptions and counterfactuals are held as cubes, never listed
row by row: each set gives its exact count of rows and of cubes, its cubes up to --cubes
(default 1000), and its row ids in ascending order up to --rows (default 1000), which feed
--exclude. The intermediate solution needs --dir-exp: without directional
expectations it would silently be the conservative one, so that is an error. --exclude takes
expressions (the remainders where they are true) and row ids of remainders (an observed row is
an error: set it negative with --negative-rows), and only with the parsimonious or
intermediate solution; --esa-necessary excludes the remainders where a necessary condition is
false (Enhanced Standard Analysis), after checking it is necessary at --esa-incl-cut and
--esa-ron-cut. Excluding every remainder gives the conservative solution. --all-sol lists every
irredundant model (no term can be dropped), of any size, fewest terms first, as R QCA's
all.sol = TRUE; it proves no minimum and may use any prime implicant, so --accept-unproven and
--pruned, which would do nothing with it, are refused.

JSON (--format json): {\"outcome\", \"solution_type\", \"conditions\", \"prime_implicants\": [..],
\"essential\": [..], \"models\": [{\"expression\", \"incl\", \"pri\", \"cov\", \"incl_h\", \"product\", \"terms\":
[{\"expression\", \"incl\", \"pri\", \"cov\", \"cov_unique\", \"incl_h\", \"product\", \"cases\"}], \"simplifying_assumptions\": {\"count\",
\"cube_count\", \"cubes\": [\"A*~B\", ..], \"rows\": [ids..], \"complete\"}, \"easy_counterfactuals\": {..},
\"difficult_counterfactuals\": {..}, \"origin\": {\"conservative\", \"parsimonious\"} or null}],
\"minimum_proven\": true or false, \"warning\": null or a message}.

Examples:
  fsqca minimize tests/fixtures/datasets/LF.csv --outcome SURV --conditions DEV,URB,LIT,IND,STB --incl-cut 0.8 --solution conservative
  fsqca minimize tests/fixtures/datasets/LF.csv --outcome SURV --conditions DEV,URB,LIT,IND,STB --incl-cut 0.8 --solution intermediate --dir-exp \"DEV,URB,LIT,IND,STB\"
  fsqca minimize tests/fixtures/datasets/d.napoleon.csv --outcome O --conditions D,C,F,I,L,N,A --incl-cut 0.8 --solution parsimonious --all-sol
  fsqca minimize tests/fixtures/datasets/LM.csv --outcome SURV --conditions DEV,URB,LIT,IND --solution intermediate --dir-exp \"DEV[1,2],URB[1],LIT[1],IND[1]\"
  fsqca minimize data.csv --outcome Y --conditions A,B,C,D --solution intermediate --dir-exp \"A,~B,C*~D\" --exclude 3,7
  fsqca minimize data.csv --outcome Y --conditions A,B,C,D --solution intermediate --dir-exp 1,0,-,1 --esa-necessary A --exclude \"B*~C, 12\" --negative-rows 5";

/// The flags that derive a solution, which `--expression` replaces in the commands that
/// flatten these [`Args`] (`cluster`, `theory`).
pub const SOLUTION_FLAGS: [&str; 15] = [
    "solution",
    "dir_exp",
    "exclude",
    "negative_rows",
    "esa_necessary",
    "esa_incl_cut",
    "esa_ron_cut",
    "rows",
    "row_dom",
    "all_sol",
    "pruned",
    "max_models",
    "max_nodes",
    "accept_unproven",
    "max_prime_implicants",
];

/// The solution type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SolutionArg {
    /// No remainder is used (the complex solution).
    Conservative,
    /// Any remainder that simplifies the solution is used.
    Parsimonious,
    /// Only the remainders consistent with the directional expectations (--dir-exp, required).
    Intermediate,
}

/// The flags of `minimize`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub table: TableArgs,

    /// The solution type: conservative, parsimonious or intermediate.
    #[arg(long, value_enum, value_name = "TYPE", required = true)]
    pub solution: Option<SolutionArg>,

    /// Directional expectations for the intermediate solution, comma-separated: `A` (present),
    /// `~B` (absent), a conjunction `C*~D`, levels of a multi-value condition `DEV[1,2]` (commas
    /// inside brackets do not separate); e.g. `--dir-exp "A,~B,C*~D"`. Or SetMethods' numeric
    /// form, one entry per condition in order: `1` present, `0` absent, `-` none, e.g.
    /// `--dir-exp "1,0,-"`. Required by, and only accepted with, --solution intermediate; an
    /// empty list is an error.
    #[arg(long, value_name = "EXPS")]
    pub dir_exp: Option<String>,

    /// Remainders never to use as simplifying assumptions, comma-separated: Boolean
    /// expressions (the remainders where they are true: untenable combinations `A*~B`,
    /// `~NEC` for a necessary condition) and truth table row ids, e.g.
    /// `--exclude "~NEC, A*~B, 12, 40"` (commas inside brackets do not separate; the flag
    /// may be repeated). A row id must be a remainder (an observed row is an error: see
    /// --negative-rows); observed rows where an expression is true keep their output. Only
    /// with --solution parsimonious or intermediate.
    #[arg(long, value_name = "EXPRS,ROWS")]
    pub exclude: Vec<String>,

    /// Observed rows (ids) to set negative, e.g. contradictions or simultaneous subset
    /// relations (`fsqca find-rows --type ssr`): R QCA's exclude on observed rows,
    /// SetMethods' contrad_rows. A positive row set negative is no longer explained.
    #[arg(long, value_name = "ROWS", value_delimiter = ',')]
    pub negative_rows: Vec<u64>,

    /// Enhanced Standard Analysis: conditions (or expressions) necessary for the outcome,
    /// comma-separated, e.g. `--esa-necessary "NEC1, A + B"`. Each is checked against
    /// --esa-incl-cut and --esa-ron-cut (an error if it does not reach them), and the
    /// remainders where it is false are excluded (observed rows keep their output).
    #[arg(long, value_name = "EXPRS")]
    pub esa_necessary: Option<String>,

    /// Inclusion of necessity a condition of --esa-necessary must reach (default 0.9).
    #[arg(
        long,
        value_name = "X",
        default_value_t = 0.9,
        allow_negative_numbers = true
    )]
    pub esa_incl_cut: f64,

    /// Relevance of necessity a condition of --esa-necessary must reach (default 0).
    #[arg(
        long,
        value_name = "X",
        default_value_t = 0.0,
        allow_negative_numbers = true
    )]
    pub esa_ron_cut: f64,

    /// List at most N row ids per set of simplifying assumptions or counterfactuals (default
    /// 1000); their counts are exact whatever N.
    #[arg(long, value_name = "N")]
    pub rows: Option<usize>,

    /// List at most N cubes per set of simplifying assumptions or counterfactuals in the
    /// JSON output (default 1000; the text output writes 20 at most); their number is
    /// exact whatever N.
    #[arg(long, value_name = "N")]
    pub cubes: Option<usize>,

    /// Drop the prime implicants dominated by others before covering (R QCA's `row.dom`).
    #[arg(long)]
    pub row_dom: bool,

    /// Every irredundant model (no term can be dropped), of any size, not only the minimal
    /// ones (R QCA's `all.sol = TRUE`); the minimal models come first.
    #[arg(long)]
    pub all_sol: bool,

    /// Generate only the prime implicants that can be in a minimum model (same models; the
    /// listed prime implicants are those): for tables with many conditions.
    #[arg(long)]
    pub pruned: bool,

    /// Report at most N models (default 10000; at least 1).
    #[arg(long, value_name = "N")]
    pub max_models: Option<usize>,

    /// Stop the model search after N nodes (default 100000; at least 1): hard charts may need
    /// more to prove the minimum.
    #[arg(long, value_name = "N")]
    pub max_nodes: Option<u64>,

    /// When the node limit stops the search before the minimum is proven, give the smallest
    /// model found (with a warning and its lower bound) instead of failing.
    #[arg(long)]
    pub accept_unproven: bool,

    /// Give up beyond N prime implicants (default 2000000; at least 1).
    #[arg(long, value_name = "N")]
    pub max_prime_implicants: Option<usize>,

    #[command(flatten)]
    pub output: PaperArgs,
}

impl From<SolutionArg> for SolutionType {
    fn from(arg: SolutionArg) -> Self {
        match arg {
            SolutionArg::Conservative => SolutionType::Conservative,
            SolutionArg::Parsimonious => SolutionType::Parsimonious,
            SolutionArg::Intermediate => SolutionType::Intermediate,
        }
    }
}

/// The solution type with its directional expectations (`--dir-exp`, only for the
/// intermediate solution, which needs them), checked.
pub fn solution_options(
    solution: SolutionArg,
    dir_exp: Option<&str>,
    conditions: &[String],
) -> Result<SolutionOptions, CliError> {
    if solution != SolutionArg::Intermediate && dir_exp.is_some() {
        return Err(CliError::usage(
            "--dir-exp is only used by --solution intermediate",
        ));
    }
    if dir_exp.is_some_and(|d| d.trim().is_empty()) {
        return Err(CliError::usage(
            "--dir-exp is empty: give the directional expectations, e.g. `--dir-exp \"A,~B\"`",
        ));
    }
    let text = dir_exp.unwrap_or("");
    let expectations = if DirectionalExpectations::is_numeric(text) {
        DirectionalExpectations::numeric(text, conditions)
    } else {
        text.parse()
    }
    .map_err(|e| CliError::usage(format!("--dir-exp: {e}")))?;
    let options = SolutionOptions::new(solution.into()).directional_expectations(expectations);
    options.validate().map_err(|e| match e {
        SolutionError::NoDirectionalExpectations => CliError::usage(
            "--solution intermediate needs --dir-exp (e.g. `--dir-exp \"A,~B\"`): without \
             directional expectations it would be the conservative solution; ask for \
             --solution conservative instead",
        ),
        other => CliError::usage(other.to_string()),
    })?;
    Ok(options)
}

/// The engine's options from the flags, checked: a limit of 0 is a usage error that names its
/// flag.
fn engine_options(args: &Args) -> Result<EngineOptions, CliError> {
    if args.all_sol && args.accept_unproven {
        return Err(CliError::usage(
            "--accept-unproven is not used with --all-sol: every irredundant model is listed, \
             and no minimum is proven",
        ));
    }
    if args.all_sol && args.pruned {
        return Err(CliError::usage(
            "--pruned is not used with --all-sol: it keeps only the prime implicants that can \
             be in a minimum model, and an irredundant model can use any",
        ));
    }
    let mut engine = EngineOptions::new()
        .row_dominance(args.row_dom)
        .accept_unproven(args.accept_unproven);
    if args.all_sol {
        engine = engine.covers(CoverSearch::Irredundant);
    }
    if args.pruned {
        engine = engine.method(PrimeMethod::Pruned);
    }
    if let Some(n) = args.max_prime_implicants {
        engine = engine.max_prime_implicants(n);
    }
    if let Some(n) = args.max_nodes {
        engine = engine.max_search_nodes(n);
    }
    if let Some(n) = args.max_models {
        engine = engine.max_models(n);
    }
    engine.validate().map_err(|e| match e {
        MinimizeError::InvalidLimit { option, .. } => {
            let flag = match option {
                "max_models" => "--max-models",
                "max_search_nodes" => "--max-nodes",
                "max_prime_implicants" => "--max-prime-implicants",
                other => other,
            };
            CliError::usage(format!("{flag} must be at least 1"))
        }
        other => CliError::usage(other.to_string()),
    })?;
    Ok(engine)
}

/// Checks the flags, reads the data, builds the truth table and derives the solution.
pub fn solve(args: &Args) -> Result<Solution, CliError> {
    Ok(solve_table(args)?.1)
}

/// As [`solve`], also returning the truth table (whose data the solution was derived from).
pub fn solve_table(args: &Args) -> Result<(TruthTable, Solution), CliError> {
    solve_with(args, |options| args.table.build(options))
}

/// As [`solve_table`], with the truth table built by `build` from the checked options
/// (`cluster` builds it on the data it has read).
pub fn solve_with(
    args: &Args,
    build: impl FnOnce(&TruthTableOptions) -> Result<TruthTable, CliError>,
) -> Result<(TruthTable, Solution), CliError> {
    let options = args.table.options()?;
    let engine = engine_options(args)?;
    let conditions = args.table.condition_names()?;
    let solution = args
        .solution
        .ok_or_else(|| CliError::usage("--solution is required"))?;
    let solution_options = solution_options(solution, args.dir_exp.as_deref(), &conditions)?;
    let mut exclusions = Exclusions::new();
    for text in &args.exclude {
        let parsed: Exclusions = text
            .parse()
            .map_err(|e| CliError::usage(format!("--exclude: {e}")))?;
        exclusions = exclusions.merge(parsed);
    }
    let necessary: Vec<Expression> = match &args.esa_necessary {
        Some(text) => {
            let parsed: Exclusions = text
                .parse()
                .map_err(|e| CliError::usage(format!("--esa-necessary: {e}")))?;
            if !parsed.rows().is_empty() || parsed.is_empty() {
                return Err(CliError::usage(
                    "--esa-necessary takes conditions or expressions, e.g. \
                     `--esa-necessary \"A, B + C\"`",
                ));
            }
            parsed.expressions().to_vec()
        }
        None => Vec::new(),
    };
    let esa = Esa::new()
        .incl_cutoff(args.esa_incl_cut)
        .ron_cutoff(args.esa_ron_cut);
    esa.validate()
        .map_err(|e| CliError::usage(format!("--esa-incl-cut/--esa-ron-cut: {e}")))?;
    if solution == SolutionArg::Conservative {
        let flag = if !exclusions.is_empty() {
            Some("--exclude")
        } else if !necessary.is_empty() {
            Some("--esa-necessary")
        } else {
            None
        };
        if let Some(flag) = flag {
            return Err(CliError::usage(format!(
                "{flag} is only used by --solution parsimonious or intermediate (the \
                 conservative solution uses no remainder)"
            )));
        }
    }
    let truth_table = build(&options)?;
    if !necessary.is_empty() {
        let esa_exclusions = esa
            .check(
                truth_table.data(),
                truth_table.outcome_label().as_str(),
                &necessary,
            )
            .map_err(|e| data_error(&args.table.data, e))?;
        exclusions = exclusions.merge(esa_exclusions);
    }
    let solution = solution_options
        .exclude(exclusions.rows().to_vec())
        .exclude_expressions(exclusions.expressions().to_vec())
        .negative_rows(args.negative_rows.iter().copied())
        .row_limit(args.rows.unwrap_or(DEFAULT_ROW_LIMIT))
        .cube_limit(args.cubes.unwrap_or(DEFAULT_CUBE_LIMIT))
        .engine(engine)
        .solve(&truth_table)
        .map_err(|e| data_error(&args.table.data, e))?;
    Ok((truth_table, solution))
}

/// The JSON object of `minimize`: the library's expressions, fit and terms, with the
/// configurations as their values and the origin of an intermediate model 1-based, as the
/// text output numbers models.
#[derive(Serialize)]
struct Output<'a> {
    outcome: &'a str,
    solution_type: SolutionType,
    conditions: &'a [String],
    prime_implicants: &'a [Expression],
    essential: &'a [Expression],
    models: Vec<ModelOut<'a>>,
    minimum_proven: bool,
    warning: Option<String>,
}

/// A model of the JSON output, written when it is serialised: its expression and
/// simplifying assumptions are made from its terms then, one model at a time (a solution can
/// have thousands of models of hundreds of terms).
struct ModelOut<'a>(&'a Model);

#[derive(Serialize)]
struct ModelJson<'a> {
    expression: String,
    #[serde(flatten)]
    fit: &'a Sufficiency,
    terms: &'a [Term],
    simplifying_assumptions: Counterfactuals,
    easy_counterfactuals: &'a Counterfactuals,
    difficult_counterfactuals: &'a Counterfactuals,
    origin: Option<Origin>,
}

#[derive(Serialize)]
struct Origin {
    conservative: usize,
    parsimonious: usize,
}

impl Serialize for ModelOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let m = self.0;
        ModelJson {
            expression: m
                .terms()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" + "),
            fit: m.fit(),
            terms: m.terms(),
            simplifying_assumptions: m.simplifying_assumptions(),
            easy_counterfactuals: m.easy_counterfactuals(),
            difficult_counterfactuals: m.difficult_counterfactuals(),
            origin: m.origin().map(|o| Origin {
                conservative: o.conservative + 1,
                parsimonious: o.parsimonious + 1,
            }),
        }
        .serialize(serializer)
    }
}

impl<'a> From<&'a Solution> for Output<'a> {
    fn from(solution: &'a Solution) -> Self {
        Output {
            outcome: solution.outcome(),
            solution_type: solution.solution_type(),
            conditions: solution.conditions(),
            prime_implicants: solution.prime_implicants(),
            essential: solution.essential(),
            models: solution.models().iter().map(ModelOut).collect(),
            minimum_proven: solution.is_minimum_proven(),
            warning: solution.warning(),
        }
    }
}

/// The most cubes the text output writes per set of counterfactuals (JSON gives them up to
/// --cubes).
const MAX_CUBES_SHOWN: usize = 20;

/// A set of counterfactuals in the text output: `none`, or the count, the cubes and the
/// row ids (the first ones, when they are more than the row limit).
fn describe(c: &Counterfactuals) -> String {
    if c.is_empty() {
        return "none".to_owned();
    }
    let join = |items: Vec<String>| items.join(", ");
    // The first cubes only: a difference of cubes can hold many thousands.
    let shown = c.cubes_up_to(MAX_CUBES_SHOWN.min(c.cube_limit()));
    let mut cubes = join(shown.iter().map(ToString::to_string).collect());
    if c.cube_count() > shown.len() {
        let more = c.cube_count() - shown.len();
        if shown.is_empty() {
            cubes = format!("{more} cubes");
        } else {
            cubes.push_str(&format!(" and {more} more cubes"));
        }
    }
    let rows = join(c.rows().iter().map(ToString::to_string).collect());
    let plural = if c.count() == 1 { "" } else { "s" };
    if c.is_complete() {
        format!("{} row{plural} in {cubes}: {rows}", c.count())
    } else if rows.is_empty() {
        format!("{} row{plural} in {cubes}", c.count())
    } else {
        format!(
            "{} row{plural} in {cubes}; the first {}: {rows}",
            c.count(),
            c.row_limit()
        )
    }
}

/// Runs `fsqca minimize`.
pub fn run(args: &Args) -> Result<(), CliError> {
    let table_format = args.output.format.table("minimize")?;
    let solution = solve(args)?;
    if let Some(format) = table_format {
        let models = solution.models();
        return emit(|out| {
            for (i, model) in models.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                let caption = format!(
                    "Model {} of {}: {} solution for {}",
                    i + 1,
                    models.len(),
                    solution.solution_type(),
                    solution.outcome()
                );
                write!(
                    out,
                    "{}",
                    solution_table(model, &caption).render(format, args.output.digits)
                )?;
            }
            Ok(())
        });
    }
    match args.output.format.text_or_json("minimize")? {
        Format::Json => emit_json(&Output::from(&solution)),
        Format::Text => emit(|out| {
            writeln!(out, "{} solution", solution.solution_type())?;
            write!(out, "{solution}")?;
            for (i, m) in solution.models().iter().enumerate() {
                let label = format!("M{}", i + 1);
                if let Some(o) = m.origin() {
                    writeln!(
                        out,
                        "{label}: from conservative M{} and parsimonious M{}",
                        o.conservative + 1,
                        o.parsimonious + 1
                    )?;
                    writeln!(
                        out,
                        "  easy counterfactuals: {}",
                        describe(m.easy_counterfactuals())
                    )?;
                    writeln!(
                        out,
                        "  difficult counterfactuals: {}",
                        describe(m.difficult_counterfactuals())
                    )?;
                } else if solution.solution_type() == SolutionType::Parsimonious {
                    writeln!(
                        out,
                        "{label}: simplifying assumptions: {}",
                        describe(&m.simplifying_assumptions())
                    )?;
                }
            }
            Ok(())
        }),
    }
}
