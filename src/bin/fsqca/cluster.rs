//! `fsqca cluster`: panel cluster diagnostics (SetMethods' `cluster()`) of a solution or an
//! expression, through `fsqca::cluster`.

use clap::ValueEnum;
use fsqca::cluster::{
    ClusterFit, ExpressionClusterFit, GroupFit, Measures, Panel, RatioConvention,
};
use fsqca::number::metric;
use fsqca::plot::{cluster_plot, write_svg, ClusterGroups};
use fsqca::{Dataset, Expression, Relation};
use serde::Serialize;

use crate::common::{
    data_error, emit, emit_json, infer_levels, load_data, parse_expression, CliError, Format,
    TextTable,
};
use crate::minimize;

pub const AFTER_HELP: &str = "\
For pooled panel data (units observed in several periods or other clusters): the consistency
and coverage of each term of a solution and of the whole solution over all cases (pooled),
per cluster (between) and per unit (within), and the distances of the between and within
consistencies from the pooled one, dBP and dWP (Garcia-Castro & Arino 2016):
d = sqrt(sum_j (c_j / sum_k c_k - 1/J)^2), 0 when every group is equally consistent. With
--necessity the consistency is that of necessity (sum min(X, Y) / sum Y) and the coverage
sum min(X, Y) / sum X.

The solution is either derived here, with the flags of `fsqca minimize` (--solution, --dir-exp,
--exclude, ...; --model N picks the model, default 1), or given with --expression (its terms
are the disjuncts; its conditions must be among --conditions). --unit and --cluster name the
id columns (text or numbers); a missing id, or two cases with the same unit and cluster, is an
error. To take the ids from the case labels, add them as columns first.

A group with no membership in the consistency's denominator (no X for sufficiency, no Y for
necessity) has an undefined consistency: `-` in text, null in JSON; it is left out of the
distance. SetMethods adds 1e-10 to every sum and prints 1 there, and so may differ (see the
documentation of the library's cluster module); --convention setmethods computes every ratio
and distance as SetMethods does, (num + 1e-10) / (den + 1e-10) with the distances over all
groups, to replicate its numbers exactly. Text shows the pooled fit and distances, the
between consistencies and coverages, and with --within the within ones; JSON always has
everything. --svg FILE also draws the whole solution's consistency per cluster (per unit with
--within) against the pooled one (SetMethods' cluster.plot).

JSON (--format json): {\"outcome\", \"relation\", \"convention\" (\"exact\" or \"setmethods\"),
\"unit_column\", \"cluster_column\", \"model\" (the model number, null with --expression),
\"terms\": [fit, ..], \"solution\": fit}, where a fit is
{\"expression\", \"relation\", \"convention\", \"pooled\": measures, \"between\": [{\"id\", ..measures}],
\"within\": [{\"id\", ..measures}], \"between_distance\", \"within_distance\"} and measures are
{\"cases\", \"consistency\", \"coverage\", \"condition_sum\", \"outcome_sum\", \"intersection_sum\"}.

Examples:
  fsqca cluster tests/fixtures/setmethods/SCHLF.csv --outcome EXPORT --conditions EMP,BARGAIN,UNI,OCCUP,STOCK,MA --unit COUNTRY --cluster YEAR --incl-cut 0.9 --solution intermediate --dir-exp 0,0,0,0,0,0
  fsqca cluster tests/fixtures/setmethods/PAYF.csv --outcome HL --conditions HE,GG,AH,HI,HW --unit COUNTRY --cluster REGION --expression HW --necessity --format json
  fsqca cluster tests/fixtures/setmethods/PAYF.csv --outcome HL --conditions HE,GG,AH,HI,HW --unit COUNTRY --cluster REGION --expression HW --necessity --convention setmethods
  fsqca cluster tests/fixtures/setmethods/SCHLF.csv --outcome EXPORT --conditions EMP,MA,STOCK --unit COUNTRY --cluster YEAR --expression \"EMP*~MA*STOCK\" --within --svg within.svg";

/// The flags of `cluster` (its group named apart from the flattened `minimize::Args`).
#[derive(Debug, Clone, clap::Args)]
#[group(id = "ClusterArgs")]
pub struct Args {
    #[command(flatten)]
    solve: minimize::Args,

    /// The column of the unit ids (a country, a firm), e.g. `--unit COUNTRY`.
    #[arg(long, value_name = "COL")]
    unit: String,

    /// The column of the cluster ids (a year, a region), e.g. `--cluster YEAR`.
    #[arg(long, value_name = "COL")]
    cluster: String,

    /// An expression instead of a derived solution, e.g. `--expression "A*~B + C"`: its
    /// terms are its disjuncts. Replaces --solution and the other minimization flags, and the
    /// truth table's cut-offs.
    #[arg(long, short = 'e', value_name = "EXPR", conflicts_with_all = minimize::SOLUTION_FLAGS, conflicts_with = "model",
          conflicts_with_all = ["incl_cut", "n_cut", "pri_cut"])]
    expression: Option<String>,

    /// Which model of the derived solution (1-based, default 1).
    #[arg(long, value_name = "N")]
    model: Option<usize>,

    /// The necessity of the terms and the solution for the outcome, instead of their
    /// sufficiency.
    #[arg(long)]
    necessity: bool,

    /// Also print the within (per unit) consistencies and coverages in the text output.
    #[arg(long)]
    within: bool,

    /// How ratios are computed: `exact` (default; a group with no membership in the
    /// consistency's denominator is undefined and left out of dBP and dWP) or `setmethods`
    /// (SetMethods' (num + 1e-10) / (den + 1e-10): such a group is 1 and counts), to replicate
    /// SetMethods' cluster() exactly.
    #[arg(long, value_enum, value_name = "CONV", default_value = "exact")]
    convention: ConventionArg,

    /// Draw the cluster plot of the whole solution as SVG, e.g. `--svg clusters.svg`: its
    /// consistency per cluster (per unit with --within) and the pooled one.
    #[arg(long, value_name = "FILE")]
    svg: Option<String>,
}

/// The ratio convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConventionArg {
    /// Exact ratios; an empty group is undefined and left out of the distances.
    Exact,
    /// SetMethods' ratios, with 1e-10 added to every numerator and denominator.
    Setmethods,
}

impl From<ConventionArg> for RatioConvention {
    fn from(arg: ConventionArg) -> Self {
        match arg {
            ConventionArg::Exact => Self::Exact,
            ConventionArg::Setmethods => Self::SetMethods,
        }
    }
}

/// The JSON object of `cluster`: the library's fits, with what they are of.
#[derive(Serialize)]
struct Output<'a> {
    outcome: &'a Expression,
    relation: Relation,
    convention: RatioConvention,
    unit_column: &'a str,
    cluster_column: &'a str,
    model: Option<usize>,
    terms: &'a [ExpressionClusterFit],
    solution: &'a ExpressionClusterFit,
}

/// The data (read once; without the cases missing a condition or the outcome with
/// --drop-missing), the terms to diagnose and the number of the model they come from (`None`
/// for --expression).
fn terms_and_data(args: &Args) -> Result<(Vec<Expression>, Dataset, Option<usize>), CliError> {
    let table = &args.solve.table;
    let conditions = table.condition_names()?;
    let expression = match &args.expression {
        Some(text) => {
            let expression = parse_expression("--expression", text)?;
            if let Some(unknown) = expression
                .literals()
                .iter()
                .find(|l| !conditions.iter().any(|c| c == l.name()))
            {
                return Err(CliError::usage(format!(
                    "--expression uses `{}`, which is not among --conditions ({})",
                    unknown.name(),
                    conditions.join(", ")
                )));
            }
            Some(expression)
        }
        None => None,
    };
    let number = args.model.unwrap_or(1);
    if number == 0 {
        return Err(CliError::usage("--model counts from 1"));
    }
    let data = load_data(&table.data, &table.read)?;
    let mut data = infer_levels(&table.data, data, &conditions)?;
    let outcome = &table.outcome.outcome;
    if table.drop_missing {
        let mut used = conditions.clone();
        used.push(outcome.name().to_owned());
        data = data
            .drop_missing(&used)
            .map_err(|e| data_error(&table.data, e))?;
    }
    if let Some(expression) = expression {
        return Ok((expression.disjuncts().to_vec(), data, None));
    }
    let solution = minimize::solve_with(&args.solve, |options| {
        options
            .build(&data, outcome, &conditions)
            .map_err(|e| data_error(&table.data, e))
    })?
    .1;
    let models = solution.models();
    let model = models.get(number - 1).ok_or_else(|| {
        CliError::input(format!(
            "--model {number}: the solution has {} model{}",
            models.len(),
            if models.len() == 1 { "" } else { "s" }
        ))
    })?;
    let terms = model.expression().disjuncts().to_vec();
    Ok((terms, data, Some(number)))
}

/// Runs `fsqca cluster`.
pub fn run(args: &Args) -> Result<(), CliError> {
    let (terms, data, model) = terms_and_data(args)?;
    let path = &args.solve.table.data;
    let convention = RatioConvention::from(args.convention);
    let panel = Panel::from_columns(&data, &args.unit, &args.cluster)
        .map_err(|e| data_error(path, e))?
        .convention(convention);
    let outcome = args.solve.table.outcome.outcome.to_expression();
    let relation = if args.necessity {
        Relation::Necessity
    } else {
        Relation::Sufficiency
    };
    let fits = panel
        .solution(&terms, &data, &outcome, relation)
        .map_err(|e| data_error(path, e))?;
    if let Some(file) = &args.svg {
        let groups = if args.within {
            ClusterGroups::Within
        } else {
            ClusterGroups::Between
        };
        let svg =
            cluster_plot(&fits.solution.fit, groups).map_err(|e| CliError::input(e.to_string()))?;
        write_svg(file, &svg).map_err(|e| CliError::input(e.to_string()))?;
    }
    let output = Output {
        outcome: &outcome,
        relation,
        convention,
        unit_column: &args.unit,
        cluster_column: &args.cluster,
        model,
        terms: &fits.terms,
        solution: &fits.solution,
    };
    match args.solve.output.format.text_or_json("cluster")? {
        Format::Json => emit_json(&output),
        Format::Text => emit(|out| {
            let relation_name = match relation {
                Relation::Sufficiency => "sufficiency",
                Relation::Necessity => "necessity",
            };
            writeln!(
                out,
                "cluster diagnostics: {relation_name} for outcome {outcome}"
            )?;
            let label = model.map_or_else(|| "M".to_owned(), |n| format!("M{n}"));
            writeln!(out, "{label}: {}", fits.solution.expression)?;
            let whole = &fits.solution.fit;
            writeln!(
                out,
                "{} ({}), {} ({}), {}",
                count(whole.within.len(), "unit"),
                args.unit,
                count(whole.between.len(), "cluster"),
                args.cluster,
                count(whole.pooled.cases, "case")
            )?;
            writeln!(out)?;
            let fits: Vec<(String, &ClusterFit)> = output
                .terms
                .iter()
                .enumerate()
                .map(|(i, t)| ((i + 1).to_string(), &t.fit))
                .chain([(label.clone(), whole)])
                .collect();
            pooled_table(&output, &fits, &label).write(out)?;
            for (title, groups, shown) in [
                ("between", cluster_groups as Groups, true),
                ("within", unit_groups as Groups, args.within),
            ] {
                if !shown {
                    continue;
                }
                for (measure, value) in [
                    ("consistency", consistency as Value),
                    ("coverage", coverage as Value),
                ] {
                    writeln!(out)?;
                    let column = if title == "between" {
                        &args.cluster
                    } else {
                        &args.unit
                    };
                    writeln!(out, "{title} {measure} (per {column}):")?;
                    group_table(&fits, groups, value).write(out)?;
                }
            }
            for note in notes(whole, relation, convention) {
                writeln!(out)?;
                writeln!(out, "{note}")?;
            }
            Ok(())
        }),
    }
}

/// `n` and `noun`, plural unless `n` is 1: `1 cluster`, `4 clusters`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The groups of one kind of a fit.
type Groups = fn(&ClusterFit) -> &[GroupFit];
/// One measure of a group.
type Value = fn(&Measures) -> Option<f64>;

fn cluster_groups(fit: &ClusterFit) -> &[GroupFit] {
    &fit.between
}

fn unit_groups(fit: &ClusterFit) -> &[GroupFit] {
    &fit.within
}

fn consistency(m: &Measures) -> Option<f64> {
    m.consistency
}

fn coverage(m: &Measures) -> Option<f64> {
    m.coverage
}

/// Pooled consistency and coverage and the distances, one row per term and one for the whole.
fn pooled_table(output: &Output<'_>, fits: &[(String, &ClusterFit)], label: &str) -> TextTable {
    let mut t = TextTable::new(&["", "", "cons", "cov", "dBP", "dWP"], 2);
    for (i, (row, fit)) in fits.iter().enumerate() {
        if row == label {
            t.rule();
        }
        let expression = output
            .terms
            .get(i)
            .map_or_else(String::new, |t| t.expression.to_string());
        t.row(vec![
            row.clone(),
            expression,
            metric(fit.pooled.consistency),
            metric(fit.pooled.coverage),
            metric(fit.between_distance),
            metric(fit.within_distance),
        ]);
    }
    t
}

/// One measure per group (rows) and per term and the whole (columns).
fn group_table(fits: &[(String, &ClusterFit)], groups: Groups, value: Value) -> TextTable {
    let mut header: Vec<&str> = vec!["", "n"];
    header.extend(fits.iter().map(|(label, _)| label.as_str()));
    let mut t = TextTable::new(&header, 1);
    let Some((_, first)) = fits.first() else {
        return t;
    };
    for (g, group) in groups(first).iter().enumerate() {
        let mut cells = vec![group.id.clone(), group.measures.cases.to_string()];
        cells.extend(
            fits.iter()
                .map(|(_, fit)| metric(value(&groups(fit)[g].measures))),
        );
        t.row(cells);
    }
    t
}

/// What the reader should know about this panel: one cluster or one unit, groups without
/// membership in the consistency's denominator (undefined, or 1 under SetMethods' convention).
fn notes(whole: &ClusterFit, relation: Relation, convention: RatioConvention) -> Vec<String> {
    let mut notes = Vec::new();
    if whole.between.len() == 1 {
        notes.push("note: one cluster: its consistency is the pooled one and dBP is 0.".to_owned());
    }
    if whole.within.len() == 1 {
        notes.push("note: one unit: its consistency is the pooled one and dWP is 0.".to_owned());
    }
    let denominator = |m: &Measures| match relation {
        Relation::Sufficiency => m.condition_sum,
        Relation::Necessity => m.outcome_sum,
    };
    let empty = |groups: &[GroupFit]| {
        groups
            .iter()
            .filter(|g| denominator(&g.measures) == 0.0)
            .count()
    };
    let (between, within) = (empty(&whole.between), empty(&whole.within));
    let set = match relation {
        Relation::Sufficiency => "the solution",
        Relation::Necessity => "the outcome",
    };
    let groups = format!("{between} cluster(s) and {within} unit(s) (for the whole solution)");
    match convention {
        RatioConvention::SetMethods => notes.push(format!(
            "note: SetMethods' convention: every ratio is (num + 1e-10) / (den + 1e-10); \
             no membership in {set} in {groups}: consistency 1, counted in dBP and dWP."
        )),
        _ if between + within > 0 => notes.push(format!(
            "note: `-`: no membership in {set} in {groups}: consistency undefined, left out \
             of dBP and dWP."
        )),
        _ => {}
    }
    notes
}
