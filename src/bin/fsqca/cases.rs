//! `fsqca cases`: case selection for set-theoretic multi-method research (SetMethods'
//! `smmr()`), through `fsqca::cases`.

use clap::ValueEnum;
use fsqca::cases::{
    CaseList, CaseMemberships, CaseType, CoverageIrrelevantPair, DeviantCase, FocalConjunctCase,
    NecessityDeviantCase, NecessityDeviantPair, NecessityIrrelevantPair, NecessityTypicalPair,
    PairFlag, RowCase, SelectionOptions, TermPair, TypicalCase, TypicalIrrelevantPair, TypicalPair,
    TypicalRelevancePair,
};
use fsqca::number::metric;
use fsqca::{Expression, Literal};
use serde::Serialize;

use crate::common::{emit, emit_json, parse_expression, CliError, Format, TextTable};
use crate::minimize;

pub const AFTER_HELP: &str = "\
Derives the solution as `fsqca minimize` does (same flags) and selects, for model --model
(default 1), the cases to study in depth (Schneider & Rohlfing 2013, 2016; Schneider 2024), as
the R package SetMethods ranks them (smmr()). X is a term's membership, S the solution's, Y the
outcome's, w the case's membership in its truth-table row; `best` is the score each type is
ranked by, smaller first.

Single cases (default), --type:
  typical              X > .5, Y > .5, X <= Y, per term; best = 2(Y - X) + (1 - X)
  focal-conjunct       the typical cases of term --term, per focal conjunct (at most --max-pairs)
  deviant-consistency  X > .5, Y < .5, per term; best = 1 - (X - Y) + (1 - X)
  deviant-coverage     S < .5, Y > .5, by truth-table row; best = 1 - w
  irrelevant           S < .5, Y < .5, by truth-table row
  all                  all five (the default)
Pairs (--pairs), at most --max-pairs per list, --type:
  typical (two typical cases, per focal conjunct of --term), typical-irrelevant (per focal
  conjunct of --term), typical-deviant (per term), coverage-irrelevant (same truth-table row),
  typical-term and typical-irrelevant-term (per term), all.
Necessity (--necessity EXPR on the conditions and the outcome: a literal, a conjunction, or a
disjunction of them, each disjunct examined too), --type: typical (N > .5, Y > .5, N >= Y), deviant-consistency (N < .5, Y > .5,
w > .5), deviant-relevance (N > .5, Y < .5), all; with --pairs: deviant-relevance (typical and
deviant relevance pairs), deviant-consistency (deviant consistency and typical cases in the
same truth-table row of the conditions outside N), typical (pairs of typical cases),
irrelevant (typical and irrelevant cases, N < .5, Y < .5, N >= Y), all.

An empty list is printed with the reason it is empty.

JSON (--format json): {\"outcome\", \"model\", \"necessary\": null or the expression, \"lists\":
[{\"case_type\", \"subject\", \"cases\": [..], \"explanation\"}]}, the fields of each case as the
library's types (fsqca::cases) name them.

Examples:
  fsqca cases tests/fixtures/setmethods/LIPF.csv --outcome SURVIVED --conditions DEVELOPED,URBAN,LITERATE,INDUSTRIAL,STABLE --incl-cut 0.8 --solution parsimonious
  fsqca cases tests/fixtures/setmethods/LIPF.csv --outcome SURVIVED --conditions DEVELOPED,URBAN,LITERATE,INDUSTRIAL,STABLE --incl-cut 0.8 --solution parsimonious --type focal-conjunct --term 1
  fsqca cases tests/fixtures/setmethods/LIPF.csv --outcome SURVIVED --conditions DEVELOPED,URBAN,LITERATE,INDUSTRIAL,STABLE --incl-cut 0.8 --solution parsimonious --pairs --type typical-irrelevant --format json
  fsqca cases tests/fixtures/setmethods/JOBF.csv --outcome HM --conditions HS,FS,LS,LJS,PP --incl-cut 0.8 --solution parsimonious --necessity \"FS + LS\"";

/// A case type, or pair type, of `--type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TypeArg {
    /// Typical cases (or, with --pairs, pairs of typical cases per focal conjunct).
    Typical,
    /// Typical cases per focal conjunct of --term.
    FocalConjunct,
    /// Deviant cases consistency.
    DeviantConsistency,
    /// Deviant cases coverage.
    DeviantCoverage,
    /// Individually irrelevant cases.
    Irrelevant,
    /// Deviant cases relevance (necessity).
    DeviantRelevance,
    /// Pairs: typical and individually irrelevant, per focal conjunct.
    TypicalIrrelevant,
    /// Pairs: typical and deviant consistency, per term.
    TypicalDeviant,
    /// Pairs: deviant coverage and individually irrelevant, same truth-table row.
    CoverageIrrelevant,
    /// Pairs: two typical cases, per term.
    TypicalTerm,
    /// Pairs: typical and individually irrelevant, per term.
    TypicalIrrelevantTerm,
    /// Every type of the mode.
    All,
}

/// The flags of `cases` (its own group id: it contains `minimize`'s flags, whose struct is
/// also named `Args`).
#[derive(Debug, Clone, clap::Args)]
#[group(id = "cases_args")]
pub struct Args {
    #[command(flatten)]
    solve: minimize::Args,

    /// The model of the solution to select cases for (counted from 1).
    #[arg(long, value_name = "N", default_value_t = 1)]
    model: usize,

    /// The case type (see below).
    #[arg(long = "type", value_enum, value_name = "TYPE", default_value_t = TypeArg::All)]
    case_type: TypeArg,

    /// Pairs of cases for comparison instead of single cases.
    #[arg(long)]
    pairs: bool,

    /// Select for this necessary condition instead of the sufficient solution, e.g.
    /// `--necessity "A + B"`.
    #[arg(long, value_name = "EXPR")]
    necessity: Option<String>,

    /// The term (counted from 1, in the model's order) whose focal conjuncts are examined.
    #[arg(long, value_name = "N", default_value_t = 1)]
    term: usize,

    /// At most N cases per focal conjunct, or N pairs per list (default 5).
    #[arg(long, value_name = "N", default_value_t = 5)]
    max_pairs: usize,

    /// Conjuncts of --term that are necessary conditions, comma-separated (SetMethods'
    /// nec.cond): ranked and flagged the other way round.
    #[arg(long, value_name = "LITERALS", value_delimiter = ',')]
    necessary_conjuncts: Vec<String>,
}

/// One list of any type, serialised as the library's [`CaseList`].
#[derive(Serialize)]
#[serde(untagged)]
enum Selection {
    Typical(CaseList<TypicalCase>),
    Focal(CaseList<FocalConjunctCase>),
    Deviant(CaseList<DeviantCase>),
    Row(CaseList<RowCase>),
    NecDeviant(CaseList<NecessityDeviantCase>),
    Pair(CaseList<TypicalPair>),
    IrrelevantPair(CaseList<TypicalIrrelevantPair>),
    Term(CaseList<TermPair>),
    CoveragePair(CaseList<CoverageIrrelevantPair>),
    RelevancePair(CaseList<TypicalRelevancePair>),
    NecPair(CaseList<NecessityTypicalPair>),
    NecIrrelevantPair(CaseList<NecessityIrrelevantPair>),
    NecDeviantPair(CaseList<NecessityDeviantPair>),
}

/// The JSON object of `cases`.
#[derive(Serialize)]
struct Output<'a> {
    outcome: &'a str,
    model: &'a Expression,
    necessary: Option<&'a Expression>,
    lists: Vec<Selection>,
}

fn wrap<T>(lists: Vec<CaseList<T>>, f: fn(CaseList<T>) -> Selection) -> Vec<Selection> {
    lists.into_iter().map(f).collect()
}

fn usage(err: fsqca::cases::CaseSelectionError) -> CliError {
    use fsqca::cases::CaseSelectionError as E;
    match err {
        E::TermOutOfRange { .. } | E::NotAConjunct { .. } | E::ZeroMaxPairs => {
            CliError::usage(err.to_string())
        }
        E::ModelOutOfRange { .. } => CliError::usage(format!("--model: {err}")),
        other => CliError::input(other.to_string()),
    }
}

/// What selects the lists of one case type.
type Selector<'a> = Box<dyn Fn() -> Result<Vec<Selection>, fsqca::cases::CaseSelectionError> + 'a>;

/// Selects the lists the flags ask for.
fn select(
    args: &Args,
    cases: &CaseMemberships,
    necessary: Option<&Expression>,
) -> Result<Vec<Selection>, CliError> {
    use TypeArg as T;
    let literals = args
        .necessary_conjuncts
        .iter()
        .map(|l| {
            l.trim()
                .parse::<Literal>()
                .map_err(|e| CliError::usage(format!("--necessary-conjuncts: {e}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let options = SelectionOptions::new()
        .term(args.term)
        .max_pairs(args.max_pairs)
        .necessary_conjuncts(literals);
    options.validate().map_err(usage)?;
    let all = args.case_type == T::All;
    let wants = |t: TypeArg| all || args.case_type == t;
    let not_for = |mode: &str| {
        CliError::usage(format!(
            "--type {} is not a type of {mode} (see `fsqca cases --help`)",
            args.case_type
                .to_possible_value()
                .map_or_else(String::new, |v| v.get_name().to_owned())
        ))
    };
    let max = args.max_pairs;
    // The types of each mode, in the order of `--help`, each with what selects its lists.
    let (mode, types): (&str, Vec<(TypeArg, Selector)>) = match (necessary, args.pairs) {
        (Some(n), false) => (
            "necessity",
            vec![
                (
                    T::Typical,
                    Box::new(|| Ok(wrap(cases.necessity_typical(n)?, Selection::Typical))),
                ),
                (
                    T::DeviantConsistency,
                    Box::new(|| {
                        Ok(wrap(
                            cases.necessity_deviant_consistency(n)?,
                            Selection::NecDeviant,
                        ))
                    }),
                ),
                (
                    T::DeviantRelevance,
                    Box::new(|| {
                        Ok(wrap(
                            cases.necessity_deviant_relevance(n)?,
                            Selection::Deviant,
                        ))
                    }),
                ),
            ],
        ),
        (Some(n), true) => (
            "necessity pairs",
            vec![
                (
                    T::DeviantRelevance,
                    Box::new(|| {
                        Ok(wrap(
                            cases.necessity_typical_relevance_pairs(n, max)?,
                            Selection::RelevancePair,
                        ))
                    }),
                ),
                (
                    T::DeviantConsistency,
                    Box::new(|| {
                        Ok(wrap(
                            cases.necessity_deviant_pairs(n, max)?,
                            Selection::NecDeviantPair,
                        ))
                    }),
                ),
                (
                    T::Typical,
                    Box::new(|| {
                        Ok(wrap(
                            cases.necessity_typical_pairs(n, max)?,
                            Selection::NecPair,
                        ))
                    }),
                ),
                (
                    T::Irrelevant,
                    Box::new(|| {
                        Ok(wrap(
                            cases.necessity_irrelevant_pairs(n, max)?,
                            Selection::NecIrrelevantPair,
                        ))
                    }),
                ),
            ],
        ),
        (None, false) => (
            "single cases",
            vec![
                (
                    T::Typical,
                    Box::new(|| Ok(wrap(cases.typical(), Selection::Typical))),
                ),
                (
                    T::FocalConjunct,
                    Box::new(|| {
                        Ok(wrap(
                            cases.typical_focal_conjuncts(&options)?,
                            Selection::Focal,
                        ))
                    }),
                ),
                (
                    T::DeviantConsistency,
                    Box::new(|| Ok(wrap(cases.deviant_consistency(), Selection::Deviant))),
                ),
                (
                    T::DeviantCoverage,
                    Box::new(|| Ok(vec![Selection::Row(cases.deviant_coverage())])),
                ),
                (
                    T::Irrelevant,
                    Box::new(|| Ok(vec![Selection::Row(cases.individually_irrelevant())])),
                ),
            ],
        ),
        (None, true) => (
            "pairs",
            vec![
                (
                    T::Typical,
                    Box::new(|| Ok(wrap(cases.typical_pairs(&options)?, Selection::Pair))),
                ),
                (
                    T::TypicalIrrelevant,
                    Box::new(|| {
                        Ok(wrap(
                            cases.typical_irrelevant_pairs(&options)?,
                            Selection::IrrelevantPair,
                        ))
                    }),
                ),
                (
                    T::TypicalDeviant,
                    Box::new(|| Ok(wrap(cases.typical_deviant_pairs(max)?, Selection::Term))),
                ),
                (
                    T::CoverageIrrelevant,
                    Box::new(|| {
                        Ok(vec![Selection::CoveragePair(
                            cases.coverage_irrelevant_pairs(max)?,
                        )])
                    }),
                ),
                (
                    T::TypicalTerm,
                    Box::new(|| Ok(wrap(cases.typical_pairs_per_term(max)?, Selection::Term))),
                ),
                (
                    T::TypicalIrrelevantTerm,
                    Box::new(|| {
                        Ok(wrap(
                            cases.typical_irrelevant_pairs_per_term(max)?,
                            Selection::Term,
                        ))
                    }),
                ),
            ],
        ),
    };
    if !all && types.iter().all(|(t, _)| *t != args.case_type) {
        return Err(not_for(mode));
    }
    let mut out = Vec::new();
    for (t, selector) in types {
        if wants(t) {
            out.extend(selector().map_err(usage)?);
        }
    }
    Ok(out)
}

/// Runs `fsqca cases`.
pub fn run(args: &Args) -> Result<(), CliError> {
    let necessary = args
        .necessity
        .as_deref()
        .map(|text| parse_expression("--necessity", text))
        .transpose()?;
    let (table, solution) = minimize::solve_table(&args.solve)?;
    let cases = CaseMemberships::from_model(table.data(), &solution, args.model).map_err(usage)?;
    let model = solution.models()[args.model - 1].expression();
    let lists = select(args, &cases, necessary.as_ref())?;
    let output = Output {
        outcome: solution.outcome(),
        model: &model,
        necessary: necessary.as_ref(),
        lists,
    };
    match args.solve.output.format.text_or_json("cases")? {
        Format::Json => emit_json(&output),
        Format::Text => emit(|out| {
            writeln!(
                out,
                "outcome {}, model M{}: {}",
                output.outcome, args.model, output.model
            )?;
            if let Some(n) = output.necessary {
                writeln!(out, "necessary condition: {n}")?;
            }
            for list in &output.lists {
                writeln!(out)?;
                write_list(out, list)?;
            }
            Ok(())
        }),
    }
}

fn yes(b: bool) -> String {
    if b { "yes" } else { "-" }.to_owned()
}

fn num(x: f64) -> String {
    metric(Some(x))
}

fn pair(flag: PairFlag) -> String {
    match flag {
        PairFlag::Both => "both",
        PairFlag::First => "first",
        PairFlag::Second => "second",
        PairFlag::Neither => "none",
    }
    .to_owned()
}

fn row(row: &Option<Vec<u8>>) -> String {
    row.as_ref().map_or_else(
        || "at 0.5".to_owned(),
        |r| r.iter().map(u8::to_string).collect::<String>(),
    )
}

/// A row on some of the conditions, each named: `A=1 B=0`.
fn row_on(conditions: &[String], row: &[u8]) -> String {
    conditions
        .iter()
        .zip(row)
        .map(|(c, v)| format!("{c}={v}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The header of a column of memberships in the list's set ([`TypicalCase::membership`],
/// [`DeviantCase::membership`]): [`set_symbol`] replaces it.
const SET: &str = "set";

/// The symbol of a list's set: N for a necessary condition, X for a term.
fn set_symbol(case_type: CaseType) -> &'static str {
    match case_type {
        CaseType::NecessityTypical | CaseType::NecessityDeviantRelevance => "N",
        _ => "X",
    }
}

/// One case or pair of a list as a row of the text table: the column headers, how many
/// columns (the case names) are aligned left, and the row's cells.
trait TextRow {
    const HEADER: &'static [&'static str];
    const LEFT: usize;
    fn cells(&self) -> Vec<String>;
}

/// Implements [`TextRow`] for a case or pair type: how many leading columns (the case names)
/// are aligned left, and each column's header and cell.
macro_rules! text_row {
    ($type:ty, $left:literal, |$r:ident| [$($header:expr => $cell:expr),+ $(,)?]) => {
        impl TextRow for $type {
            const HEADER: &'static [&'static str] = &[$($header),+];
            const LEFT: usize = $left;
            fn cells(&self) -> Vec<String> {
                let $r = self;
                vec![$($cell),+]
            }
        }
    };
}

text_row!(TypicalCase, 1, |r| [
    "case" => r.case.clone(),
    SET => num(r.membership),
    "Y" => num(r.outcome),
    "uniq.cov" => yes(r.unique_coverage),
    "best" => num(r.best),
    "most typ." => yes(r.most_typical),
]);

text_row!(FocalConjunctCase, 1, |r| [
    "case" => r.case.clone(),
    "FC" => num(r.focal_conjunct),
    "Y" => num(r.outcome),
    "CC min" => metric(r.complement_min),
    "term" => num(r.term_membership),
    "rank" => r.rank.map_or_else(|| "-".to_owned(), |r| r.to_string()),
    "clean" => r.clean_correspondence.map_or_else(|| "-".to_owned(), yes),
    "FC vs Y" => yes(r.focal_consistent),
    "uniq.cov" => yes(r.unique_coverage),
    "best" => num(r.best),
    "most typ. FC" => yes(r.most_typical_focal),
    "most typ. term" => yes(r.most_typical_term),
]);

text_row!(NecessityDeviantCase, 1, |r| [
    "case" => r.case.clone(),
    "N" => num(r.membership),
    "row" => row(&r.row),
    "w" => num(r.row_membership),
    "Y" => num(r.outcome),
    "glob.uncov" => r.globally_uncovered.map_or_else(|| "-".to_owned(), yes),
    "w<=Y" => yes(r.row_consistent),
    "best" => num(r.best),
    "most dev." => yes(r.most_deviant),
]);

text_row!(TypicalPair, 2, |r| [
    "first" => r.first.clone(),
    "second" => r.second.clone(),
    "rank" => r.pair_rank.map_or_else(|| "-".to_owned(), |r| r.to_string()),
    "clean" => pair(r.clean_correspondence),
    "FC vs Y" => pair(r.focal_consistent),
    "uniq.cov" => pair(r.unique_coverage),
    "best" => num(r.best),
    "most typ. FC" => pair(r.most_typical_focal),
    "most typ. term" => pair(r.most_typical_term),
]);

text_row!(TypicalIrrelevantPair, 2, |r| [
    "typical" => r.typical.clone(),
    "irrelevant" => r.irrelevant.clone(),
    "rank" => r.pair_rank.map_or_else(|| "-".to_owned(), |r| r.to_string()),
    "clean" => pair(r.clean_correspondence),
    "FC vs Y" => pair(r.focal_consistent),
    "uniq.cov" => yes(r.unique_coverage),
    "glob.uncov" => yes(r.globally_uncovered),
    "best" => num(r.best),
    "most typ. FC" => yes(r.most_typical_focal),
    "most typ. term" => yes(r.most_typical_term),
]);

text_row!(TermPair, 2, |r| [
    "typical" => r.typical.clone(),
    "other" => r.other.clone(),
    "best" => num(r.best),
    "most typ." => yes(r.most_typical_term),
    "most dev." => yes(r.most_deviant),
]);

text_row!(CoverageIrrelevantPair, 2, |r| [
    "deviant" => r.deviant.clone(),
    "irrelevant" => r.irrelevant.clone(),
    "row" => row(&r.row),
    "w<=Y" => yes(r.row_consistent),
    "best" => num(r.best),
]);

text_row!(TypicalRelevancePair, 2, |r| [
    "typical" => r.typical.clone(),
    "deviant" => r.deviant.clone(),
    "uniq.cov" => r.unique_coverage.map_or_else(|| "-".to_owned(), yes),
    "best" => num(r.best),
    "most typ." => yes(r.most_typical),
    "most dev." => yes(r.most_deviant),
]);

text_row!(NecessityTypicalPair, 2, |r| [
    "first" => r.first.clone(),
    "second" => r.second.clone(),
    "uniq.cov" => pair(r.unique_coverage),
    "best" => num(r.best),
    "most typ." => pair(r.most_typical),
]);

text_row!(NecessityIrrelevantPair, 2, |r| [
    "typical" => r.typical.clone(),
    "irrelevant" => r.irrelevant.clone(),
    "uniq.cov" => yes(r.unique_coverage),
    "glob.uncov" => yes(r.globally_uncovered),
    "best" => num(r.best),
    "most typ." => yes(r.most_typical),
]);

text_row!(DeviantCase, 1, |r| [
    "case" => r.case.clone(),
    SET => num(r.membership),
    "Y" => num(r.outcome),
    "best" => num(r.best),
    "most dev." => yes(r.most_deviant),
]);

text_row!(RowCase, 1, |r| [
    "case" => r.case.clone(),
    "S" => num(r.solution),
    "row" => row(&r.row),
    "w" => num(r.row_membership),
    "Y" => num(r.outcome),
    "w<=Y" => yes(r.row_consistent),
    "best" => metric(r.best),
    "most dev." => yes(r.most_deviant),
]);

text_row!(NecessityDeviantPair, 2, |r| [
    "deviant" => r.deviant.clone(),
    "typical" => r.typical.clone(),
    "row" => row_on(&r.row_conditions, &r.row),
    "uniq.cov" => r.unique_coverage.map_or_else(|| "-".to_owned(), yes),
    "glob.uncov" => r.globally_uncovered.map_or_else(|| "-".to_owned(), yes),
    "best" => num(r.best),
    "most typ." => yes(r.most_typical),
    "most dev." => yes(r.most_deviant),
]);
/// Writes one list: its title, then its table or the reason it is empty.
fn write_list(out: &mut dyn std::io::Write, list: &Selection) -> std::io::Result<()> {
    fn table<T: TextRow>(out: &mut dyn std::io::Write, list: &CaseList<T>) -> std::io::Result<()> {
        match &list.subject {
            Some(s) => writeln!(out, "{}: {s}", list.case_type)?,
            None => writeln!(out, "{}", list.case_type)?,
        }
        if let Some(why) = &list.explanation {
            return writeln!(out, "  {why}");
        }
        let header: Vec<&str> = T::HEADER
            .iter()
            .map(|&h| {
                if h == SET {
                    set_symbol(list.case_type)
                } else {
                    h
                }
            })
            .collect();
        let mut t = TextTable::new(&header, T::LEFT);
        for c in &list.cases {
            t.row(c.cells());
        }
        t.write(out)
    }
    match list {
        Selection::Typical(l) => table(out, l),
        Selection::Deviant(l) => table(out, l),
        Selection::Focal(l) => table(out, l),
        Selection::Row(l) => table(out, l),
        Selection::NecDeviant(l) => table(out, l),
        Selection::Pair(l) => table(out, l),
        Selection::IrrelevantPair(l) => table(out, l),
        Selection::Term(l) => table(out, l),
        Selection::CoveragePair(l) => table(out, l),
        Selection::RelevancePair(l) => table(out, l),
        Selection::NecPair(l) => table(out, l),
        Selection::NecIrrelevantPair(l) => table(out, l),
        Selection::NecDeviantPair(l) => table(out, l),
    }
}
