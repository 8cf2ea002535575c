//! Regression tests for the reliability report (`RELIABILITY-REPORT.md`, 2026-12): one test per
//! defect D1 to D15 and per part-1 case that panicked, aborted, was silently wrong, questionable,
//! unclear or named a wrong line. Each test is named after the report's ids; its comment says
//! what the tested revision (`23b0264`) did.
//!
//! The tests run the `fsqca` binary on inputs written here (or call the library where the
//! report's case was a library call) and check the exit code, the first line of standard error
//! and, for the silently wrong cases, that the wrong result no longer comes out.
#![cfg(feature = "cli")]

#[path = "common/bin.rs"]
mod bin;

use std::process::Stdio;
use std::time::Duration;

use bin::{
    file_refused, fixture, khanal, khanal_robustness, run, run_closed_stdout, run_for, run_stdin,
    Run, Scratch,
};
use fsqca::{CsvOptions, DataError, Dataset, Expression, Literal, TruthTable};

/// `$C5` of the report: the LF problem with five conditions.
const C5: &[&str] = &["--outcome", "SURV", "--conditions", "DEV,URB,LIT,IND,STB"];

/// `$KC` of the report: the Krook problem.
const KC: &[&str] = &["--outcome", "WNP", "--conditions", "ES,QU,WS,WM,LP"];

/// `fsqca SUBCOMMAND FILE ARGS..`.
fn on(subcommand: &str, file: &str, args: &[&str]) -> Run {
    let mut all = vec![subcommand, file];
    all.extend_from_slice(args);
    run(&all)
}

/// `fsqca minimize LF.csv $C5 --incl-cut 0.8 ARGS..`.
fn lf_minimize(args: &[&str]) -> Run {
    let mut all = C5.to_vec();
    all.extend_from_slice(&["--incl-cut", "0.8"]);
    all.extend_from_slice(args);
    on("minimize", &fixture("LF"), &all)
}

/// The report's LF file with the closing quote of the label `"CZ"` (line 4) removed.
fn lf_quote_lost() -> Vec<u8> {
    let lf = std::fs::read_to_string(fixture("LF")).expect("LF.csv");
    assert!(lf.contains("\n\"CZ\","), "LF.csv has no quoted label CZ");
    lf.replacen("\n\"CZ\",", "\n\"CZ,", 1).into_bytes()
}

/// The Krook data with the typo `10` for `1` in the first case's ES.
fn krook_typo() -> Vec<u8> {
    let krook = std::fs::read_to_string(fixture("Krook")).expect("Krook.csv");
    assert!(krook.contains("\n\"SE\",1,"), "Krook.csv changed");
    krook
        .replacen("\n\"SE\",1,", "\n\"SE\",10,", 1)
        .into_bytes()
}

/// `--outcome Y --conditions A`.
const ONLY_A: &[&str] = &["--outcome", "Y", "--conditions", "A"];

/// A file whose first data column `A` has one mistyped cell on line 4.
const FIRST_COLUMN_TYPO: &str = "A,B,Y\n0.2,0.8,0.9\n0.7,0.1,0.3\n0.9o,0.9,0.8\n0.1,0.3,0.2\n";

/// Numeric year identifiers under the header `year`.
const YEAR_IDS: &str =
    "year,A,B,Y\n1990,0.2,0.8,0.9\n1991,0.7,0.1,0.3\n1992,0.9,0.9,0.8\n1993,0.1,0.3,0.2\n";

/// The warning for a first column of distinct whole numbers read as data.
fn numbered_cases_warning(path: &str, column: &str) -> String {
    format!(
        "fsqca: warning: {path}: the first column `{column}` holds distinct whole numbers but is \
         read as data, and the cases are numbered 1, 2, ...; give `--labels {column}` if it \
         labels the cases"
    )
}

/// The refusal of a whole-number column that is neither a membership nor declared multi-value.
fn whole_numbers_error(path: &str, column: &str, case: &str, value: u32) -> String {
    format!(
        "{path}: column `{column}`, case `{case}`: value {value} is not a membership in [0, 1]; \
         the column holds whole numbers: if it is a multi-value condition, declare it \
         (`--multi-value NAME` on the command line, `Dataset::with_multi_value` in Rust)"
    )
}

/// A multi-value column `M` with levels 0 to `levels - 1`, a crisp `B` and outcome `Y`.
fn multi_value_csv(levels: usize) -> String {
    let mut csv = String::from("case,M,B,Y\n");
    for i in 0..levels {
        csv.push_str(&format!("r{i},{i},{},{}\n", i % 2, (i / 2) % 2));
    }
    csv
}

// ---------------------------------------------------------------------------------------------
// D1: a label that lost its closing quote.

/// D1, C03: `necessity` merged the rows CZ and EE into one case (17 of 18), exit 0, other numbers.
#[test]
fn d1_c03_necessity_refuses_a_label_without_its_closing_quote() {
    let dir = Scratch::new("d1_c03");
    let bad = dir.file("quote_open.csv", lf_quote_lost());
    on("necessity", &bad, &["--outcome", "SURV"]).expect_error(
        1,
        &format!(
            "{bad}: line 4, field 1: a quoted field runs across a line break (a missing closing \
             quote?)"
        ),
    );
}

/// C103: `calibrate --format json` printed 17 cases, one labelled `CZ,0.58,...\nEE"`.
#[test]
fn c103_calibrate_refuses_a_label_without_its_closing_quote() {
    let dir = Scratch::new("c103");
    let bad = dir.file("quote_open.csv", lf_quote_lost());
    let out = on(
        "calibrate",
        &bad,
        &[
            "--column",
            "DEV",
            "--thresholds",
            "0.1,0.5,0.9",
            "--format",
            "json",
        ],
    );
    out.expect_error(
        1,
        &format!(
            "{bad}: line 4, field 1: a quoted field runs across a line break (a missing closing \
             quote?)"
        ),
    );
    assert!(!out.stdout.contains("EE\\\""), "the merged label came out");
}

/// D1 in the library: `Dataset::from_reader` read the file with a case lost.
#[test]
fn d1_library_reader_refuses_a_label_without_its_closing_quote() {
    let err = Dataset::from_reader(lf_quote_lost().as_slice()).unwrap_err();
    assert!(
        matches!(err, DataError::LineBreakInField { line: 4, field: 1 }),
        "{err:?}"
    );
    // The opt-in keeps line breaks in quoted fields, and a well-formed file reads intact.
    let ok = CsvOptions::new()
        .line_breaks_in_fields(true)
        .read("case,A\n\"two\nlines\",0.5\nb,0.2\n".as_bytes())
        .expect("line breaks allowed");
    assert_eq!(ok.cases(), ["two\nlines", "b"]);
    let lf = Dataset::from_path(fixture("LF")).expect("LF");
    assert_eq!(lf.n_cases(), 18);
}

// ---------------------------------------------------------------------------------------------
// D2: one bad cell in the first data column.

/// D2, C58: `truth-table` said "unknown column `A` (columns are: B, Y)", not naming `0.9o`.
#[test]
fn d2_c58_truth_table_names_the_bad_cell_of_the_first_column() {
    file_refused(
        "firstcol_typo.csv",
        FIRST_COLUMN_TYPO,
        "truth-table",
        &["--outcome", "Y", "--conditions", "A,B"],
        "column `A` is not numeric: line 4 holds `0.9o`",
    );
}

/// C59: `necessity` dropped condition `A` without a word (it became the case labels), exit 0.
#[test]
fn c59_necessity_says_that_it_leaves_out_the_column_with_a_typo() {
    let dir = Scratch::new("c59");
    let file = dir.file("firstcol_typo.csv", FIRST_COLUMN_TYPO);
    let out = on("necessity", &file, &["--outcome", "Y"]);
    out.expect_success_warning(&format!(
        "fsqca: warning: {file}: left out the columns that are not numeric: `A` (line 4: `0.9o`)"
    ));
    // Asked for by name, the column is refused with the cell.
    on("necessity", &file, &["--outcome", "Y", "--conditions", "A"]).expect_error(
        1,
        &format!("{file}: column `A` is not numeric: line 4 holds `0.9o`"),
    );
    // The library keeps `A` as a text column and numbers the cases.
    let data = Dataset::from_reader(FIRST_COLUMN_TYPO.as_bytes()).expect("data");
    assert_eq!(data.cases(), ["1", "2", "3", "4"]);
    assert_eq!(data.text_names(), ["A"]);
    let err = data.column("A").unwrap_err();
    assert!(
        matches!(&err, DataError::NotNumeric { line: Some(4), value, .. } if value == "0.9o"),
        "{err:?}"
    );
}

/// C61: a decimal comma `"0,9"` in the first data column dropped `A` silently, exit 0.
#[test]
fn c61_necessity_says_that_it_leaves_out_the_column_with_a_decimal_comma() {
    let dir = Scratch::new("c61");
    let file = dir.file(
        "firstcol_comma.csv",
        "A,B,Y\n0.2,0.8,0.9\n0.7,0.1,0.3\n\"0,9\",0.9,0.8\n0.1,0.3,0.2\n",
    );
    on("necessity", &file, &["--outcome", "Y"]).expect_success_warning(&format!(
        "fsqca: warning: {file}: left out the columns that are not numeric: `A` (line 4: `0,9`)"
    ));
    on("fit", &file, &["--outcome", "Y", "--expression", "A*B"]).expect_error(
        1,
        &format!("{file}: column `A` is not numeric: line 4 holds `0,9`"),
    );
}

// ---------------------------------------------------------------------------------------------
// D3: unbounded sweeps.

/// D3, R02: `robustness --steps 1000000000` aborted allocating 8 GB (exit 134).
#[test]
fn d3_r02_steps_beyond_the_variant_limit_are_refused_at_once() {
    let args = khanal_robustness(&["--steps", "1000000000"]);
    let out = run(&args);
    out.expect_error_no_prefix(
        2,
        "fsqca: error: --steps 1000000000: the sweep would run 6000000006 variants, more than the \
         limit of 1000000",
    );
    out.assert_quick(Duration::from_secs(5));
}

/// R09: `robustness --n-sweep 1,1000000000` aborted allocating 8 GB (exit 134).
#[test]
fn r09_n_sweep_beyond_the_variant_limit_is_refused_at_once() {
    let args = khanal_robustness(&["--n-sweep", "1,1000000000"]);
    let out = run(&args);
    out.expect_error_no_prefix(
        2,
        "fsqca: error: --n-sweep 1,1000000000: the sweep would run 1000000000 variants, more \
         than the limit of 1000000",
    );
    out.assert_quick(Duration::from_secs(5));
    let mut lf = vec!["robustness".to_owned(), fixture("LF")];
    lf.extend(C5.iter().map(|s| s.to_string()));
    lf.extend(["--incl-cut", "0.8", "--n-sweep", "1,1000000000"].map(String::from));
    let out = run(&lf);
    assert_eq!(out.code, Some(2), "{out:?}");
    out.assert_quick(Duration::from_secs(5));
}

// ---------------------------------------------------------------------------------------------
// D4: padded text wider than 65,535 characters (fixed on the no-panic branch).

/// Stands for the 70,000-character name in the arguments of [`long_name_prints`].
const NAME: &str = "{name}";

/// Writes a file whose column (or, with `label`, case label) is a 70,000-character name, runs
/// `fsqca SUBCOMMAND FILE ARGS..` ([`NAME`] in `args` replaced by the name) and expects success
/// with `{prefix}{name}` in the output.
fn long_name_prints(label: bool, subcommand: &str, args: &[&str], prefix: &str) {
    let name = "X".repeat(70_000);
    let csv = if label {
        format!("case,A,Y\n{name},0.2,0.3\nb,0.9,0.8\n")
    } else {
        format!("case,{name},Y\na,0.2,0.3\nb,0.9,0.8\n")
    };
    let dir = Scratch::new(subcommand);
    let file = dir.file("long_name.csv", csv);
    let args: Vec<&str> = args
        .iter()
        .map(|&a| if a == NAME { name.as_str() } else { a })
        .collect();
    let out = on(subcommand, &file, &args);
    out.expect_success();
    assert!(
        out.stdout.contains(&format!("{prefix}{name}")),
        "the name is lost"
    );
}

/// `fit` on LF with a huge expression succeeds and prints it once, above the table (the term
/// rows were padded to the width of a model row holding the whole expression: 16,000 terms
/// made 2.5 GB of output).
fn fit_lf_long(expression: &str) {
    let args = [
        "fit",
        &fixture("LF"),
        "--outcome",
        "SURV",
        "--expression",
        expression,
    ];
    let out = run_for(&args, Stdio::null(), Duration::from_secs(120));
    out.expect_success();
    assert!(out.stdout.contains("sufficiency for outcome SURV"));
    assert!(out.stdout_len > expression.len() as u64);
    // The expression once, and one short row per term.
    assert!(out.stdout_len < 4 * expression.len() as u64 + 64 * 16_400);
}

/// D4, P01: `fit` with a 16,400-term expression panicked "Formatting argument out of range".
#[test]
fn d4_p01_fit_prints_a_65600_character_expression() {
    fit_lf_long(&vec!["DEV"; 16_400].join("+"));
}

/// E10: `fit` with a 128 kB expression (16,000 terms) panicked in the padded table.
#[test]
fn e10_fit_prints_a_128_kb_expression() {
    fit_lf_long(&vec!["DEV*URB"; 16_000].join("+"));
}

/// P02: `necessity` with a 70,000-character column name panicked.
#[test]
fn p02_necessity_prints_a_70000_character_column_name() {
    long_name_prints(false, "necessity", &["--outcome", "Y"], "~");
}

/// P03: `truth-table` with a 70,000-character condition name panicked.
#[test]
fn p03_truth_table_prints_a_70000_character_condition() {
    let args = ["--outcome", "Y", "--conditions", NAME];
    long_name_prints(false, "truth-table", &args, "");
}

/// P04: `minimize` with a 70,000-character condition name panicked.
#[test]
fn p04_minimize_prints_a_70000_character_condition() {
    let args = [
        "--outcome",
        "Y",
        "--conditions",
        NAME,
        "--incl-cut",
        "0.5",
        "--solution",
        "conservative",
    ];
    long_name_prints(false, "minimize", &args, "");
}

/// P05: `calibrate --format text` with a 70,000-character case label panicked (the rewritten
/// `Dataset: Display` pads by hand).
#[test]
fn p05_calibrate_text_prints_a_70000_character_label() {
    let args = [
        "--column",
        "A",
        "--thresholds",
        "0.1,0.5,0.9",
        "--format",
        "text",
    ];
    long_name_prints(true, "calibrate", &args, "");
}

/// P06: `fit` with a 70,000-character column name as the expression panicked.
#[test]
fn p06_fit_prints_a_70000_character_condition() {
    let args = ["--outcome", "Y", "--expression", NAME];
    long_name_prints(false, "fit", &args, "");
}

/// D4 in the library: `Display` of a data set with a 70,000-character label panicked.
#[test]
fn d4_library_display_of_a_70000_character_label() {
    let label = "L".repeat(70_000);
    let data = Dataset::from_columns([("A", vec![0.1])])
        .and_then(|d| d.with_cases([label.clone()]))
        .expect("data");
    assert!(data.to_string().contains(&label));
}

// ---------------------------------------------------------------------------------------------
// D5: whole-number columns silently read as multi-value conditions.

/// D5, C46: a crisp column with a typo `10` became an 11-level condition in `truth-table`.
#[test]
fn d5_c46_truth_table_refuses_a_typo_10_in_a_crisp_column() {
    let dir = Scratch::new("d5_c46");
    let file = dir.file("crisp_typo10.csv", krook_typo());
    let out = on("truth-table", &file, KC);
    out.expect_error(1, &whole_numbers_error(&file, "ES", "SE", 10));
    assert!(
        !out.stdout.contains("10"),
        "a table came out: {}",
        out.stdout
    );
}

/// C47: `minimize` printed models with `ES[0]`, `ES[1]` and `ES[10]` for that typo.
#[test]
fn c47_minimize_refuses_a_typo_10_in_a_crisp_column() {
    let dir = Scratch::new("c47");
    let file = dir.file("crisp_typo10.csv", krook_typo());
    let mut args = KC.to_vec();
    args.extend(["--solution", "conservative"]);
    let out = on("minimize", &file, &args);
    out.expect_error(1, &whole_numbers_error(&file, "ES", "SE", 10));
    assert!(!out.stdout.contains("ES[10]"));
}

/// C93: integer percentages 0 to 100 were read as a 101-level condition by `truth-table`.
#[test]
fn c93_truth_table_refuses_integer_percentages() {
    let dir = Scratch::new("c93");
    let mut csv = String::from("case,A,B,Y\n");
    for (i, (a, b)) in [(17, 80), (0, 100), (55, 3), (100, 42), (64, 0)]
        .iter()
        .enumerate()
    {
        csv.push_str(&format!("r{i},{a},{b},{}\n", i % 2));
    }
    let file = dir.file("pct_int.csv", csv);
    on(
        "truth-table",
        &file,
        &["--outcome", "Y", "--conditions", "A,B"],
    )
    .expect_error(1, &whole_numbers_error(&file, "A", "r0", 17));
}

/// C94: raw ranks 1 to 30 became multi-value conditions in `truth-table`, exit 0.
#[test]
fn c94_truth_table_refuses_raw_ranks() {
    let k = khanal();
    on(
        "truth-table",
        &k,
        &[
            "--outcome",
            "diffusion",
            "--conditions",
            "enterprise_rank,university_rank",
        ],
    )
    .expect_error(1, &whole_numbers_error(&k, "enterprise_rank", "Anhui", 6));
}

/// C95: `necessity` on a raw rank column gave a table for `enterprise_rank[0..30]`, exit 0.
#[test]
fn c95_necessity_refuses_raw_ranks() {
    let k = khanal();
    let out = on(
        "necessity",
        &k,
        &["--outcome", "diffusion", "--conditions", "enterprise_rank"],
    );
    // The wording is being unified with `truth-table`'s (C76); the column, case and value stay.
    out.expect_error_containing(
        1,
        &format!("{k}: "),
        &["`enterprise_rank`, case `Anhui`", " 6 ", "[0, 1]"],
    );
}

/// C99: `minimize --solution parsimonious` on raw ranks printed 26 MB of `enterprise_rank[1] + ...`.
#[test]
fn c99_minimize_refuses_raw_ranks() {
    let k = khanal();
    let out = on(
        "minimize",
        &k,
        &[
            "--outcome",
            "diffusion",
            "--conditions",
            "enterprise_rank,university_rank",
            "--solution",
            "parsimonious",
            "--incl-cut",
            "0.8",
        ],
    );
    out.expect_error(1, &whole_numbers_error(&k, "enterprise_rank", "Anhui", 6));
    assert!(out.stdout.is_empty());
}

/// D5: inference keeps only the complete levels 0..k (k from 2 to 9), and says so; sparse levels
/// (0, 1, 3) are refused. Before, both were read as multi-value without a word.
#[test]
fn d5_multi_value_inferred_only_for_complete_levels_with_a_warning() {
    let lm = fixture("LM");
    let out = on(
        "necessity",
        &lm,
        &["--outcome", "SURV", "--conditions", "DEV"],
    );
    out.expect_success_warning(&format!(
        "fsqca: warning: {lm}: column `DEV` holds the whole numbers 0 to 2 and is read as a \
         multi-value condition with 3 levels (say so with `--multi-value DEV` to silence this)"
    ));
    assert!(out.stdout.contains("DEV[2]"));
    // Declared, there is no warning.
    on(
        "necessity",
        &lm,
        &[
            "--outcome",
            "SURV",
            "--conditions",
            "DEV",
            "--multi-value",
            "DEV",
        ],
    )
    .expect_success();
    let dir = Scratch::new("d5_sparse");
    let file = dir.file(
        "sparse.csv",
        "case,A,B,Y\na,0,1,1\nb,1,0,0\nc,3,1,1\nd,1,1,0\n",
    );
    on(
        "truth-table",
        &file,
        &["--outcome", "Y", "--conditions", "A,B"],
    )
    .expect_error(1, &whole_numbers_error(&file, "A", "c", 3));
}

// ---------------------------------------------------------------------------------------------
// D6: library panics and aborts.

/// A small fuzzy data set for the library cases.
fn abc() -> Dataset {
    Dataset::from_columns([
        ("A", vec![0.9, 0.2, 0.7, 0.4]),
        ("B", vec![0.1, 0.8, 0.6, 0.3]),
        ("Y", vec![0.8, 0.3, 0.6, 0.2]),
    ])
    .expect("data")
}

/// Runs `f` and fails the test with the panic's message if it panics.
fn no_panic<R>(what: &str, f: impl FnOnce() -> R) -> R {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .unwrap_or_else(|_| panic!("{what} panicked"))
}

/// A constructor's result as an `Option`: the value, or `None` when the constructor refused.
/// The expression constructors return the value or an `Option` on this branch and a `Result`
/// on the no-panic branch (D6, D10); these tests compile against both.
trait Built<T> {
    fn built(self) -> Option<T>;
}

impl Built<Expression> for Expression {
    fn built(self) -> Option<Expression> {
        Some(self)
    }
}

impl Built<Expression> for Option<Expression> {
    fn built(self) -> Option<Expression> {
        self
    }
}

impl<E> Built<Expression> for Result<Expression, E> {
    fn built(self) -> Option<Expression> {
        self.ok()
    }
}

impl Built<Literal> for Literal {
    fn built(self) -> Option<Literal> {
        Some(self)
    }
}

impl<E> Built<Literal> for Result<Literal, E> {
    fn built(self) -> Option<Literal> {
        self.ok()
    }
}

/// The literal `name` as an expression.
fn literal(name: &str) -> Expression {
    Expression::literal(Literal::new(name).built().expect("a valid name"))
}

/// D6: `Expression::And(vec![])` / `Or(vec![])` panicked in `evaluate`, `sufficiency_of` and
/// `xy_plot_of` (index out of bounds). Such a value comes from the public variants or from
/// JSON; the constructors refuse an empty list.
#[test]
fn d6_empty_conjunction_and_disjunction_do_not_panic() {
    let data = abc();
    assert!(Expression::conjunction([]).built().is_none());
    assert!(Expression::disjunction([]).built().is_none());
    for json in [r#"{"And":[]}"#, r#"{"Or":[]}"#] {
        let Ok(e) = serde_json::from_str::<Expression>(json) else {
            continue;
        };
        let _ = no_panic("evaluate", || e.evaluate(&data));
        let _ = no_panic("sufficiency_of", || {
            fsqca::fit::sufficiency_of(&e, &data, "Y")
        });
        let _ = no_panic("xy_plot_of", || {
            fsqca::plot::xy_plot_of(&e, &data, "Y", fsqca::Relation::Sufficiency)
        });
    }
}

/// D6: `PiChart::select_rows(&[99])` panicked (slice index), and a deserialized chart with too
/// few bits panicked in `minimum_covers` (now `find_covers`).
#[test]
fn d6_pi_chart_out_of_range_rows_do_not_panic() {
    use fsqca::minimize::PiChart;
    let chart = PiChart::from_matrix(&[vec![true, false], vec![false, true]]);
    let _ = no_panic("select_rows", || chart.select_rows(&[99]));
    let mut json = serde_json::to_value(&chart).expect("serialize");
    json["bits"] = serde_json::json!([1]);
    json["n_rows"] = serde_json::json!(4);
    if let Ok(short) = serde_json::from_value::<PiChart>(json) {
        let _ = no_panic("find_covers", || {
            short.find_covers(&fsqca::minimize::EngineOptions::new())
        });
    }
}

/// D6: an expression nested 20,000 deep with the public constructors overflowed the stack in
/// `evaluate` (an abort that no test can catch); the parser caps nesting at 256. The test runs
/// itself in a child process, so that an overflow fails this test alone.
#[test]
fn d6_deeply_nested_expression_does_not_overflow_the_stack() {
    const NAME: &str = "d6_deeply_nested_expression_does_not_overflow_the_stack";
    if std::env::var_os("FSQCA_DEEP_CHILD").is_some() {
        // The main thread's 8 MiB stack, as in the report.
        let worker = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(|| {
                let data = abc();
                let mut e = literal("A");
                for _ in 0..20_000 {
                    // A constructor may refuse such depth: that is a clean end too.
                    let Some(next) = Expression::conjunction([e, literal("B")])
                        .built()
                        .and_then(|c| c.negate().built())
                    else {
                        return;
                    };
                    e = next;
                }
                let _ = e.evaluate(&data);
                let _ = e.clone();
            })
            .expect("thread");
        worker.join().expect("no panic");
        return;
    }
    let status = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args([NAME, "--exact", "--include-ignored", "--test-threads=1"])
        .env("FSQCA_DEEP_CHILD", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run the test binary");
    assert!(status.success(), "the nested expression failed: {status}");
}

/// D6: a deserialized `Dataset` skipped every check (cases shorter than the rows panicked in
/// `TruthTable::new`; a short missing mask panicked in `missing()`; duplicate names passed).
#[test]
fn d6_deserialized_dataset_is_validated() {
    let good = serde_json::to_value(abc()).expect("serialize");
    assert!(serde_json::from_value::<Dataset>(good.clone()).is_ok());
    let mut short_cases = good.clone();
    short_cases["cases"] = serde_json::json!(["1"]);
    let mut short_column = good.clone();
    short_column["columns"][0]["numbers"]["values"] = serde_json::json!([0.5]);
    let mut duplicate = good.clone();
    duplicate["columns"][1]["name"] = serde_json::json!("A");
    let mut empty_name = good;
    empty_name["columns"][1]["name"] = serde_json::json!("");
    for (what, json) in [
        ("cases shorter than the rows", short_cases),
        ("a column shorter than the cases", short_column),
        ("two columns named A", duplicate),
        ("an empty column name", empty_name),
    ] {
        let text = json.to_string();
        let result = serde_json::from_str::<Dataset>(&text);
        assert!(result.is_err(), "{what} accepted: {text}");
    }
}

/// D6 control: the validated data set builds a truth table (the call that used to panic).
#[test]
fn d6_truth_table_of_a_round_tripped_dataset() {
    let text = serde_json::to_string(&abc()).expect("serialize");
    let data: Dataset = serde_json::from_str(&text).expect("deserialize");
    let table = TruthTable::new(&data, "Y", &["A", "B"]);
    assert!(table.is_ok(), "{table:?}");
}

// ---------------------------------------------------------------------------------------------
// D7: `--calibrate` given twice.

/// D7, R15: the second `--calibrate` of a condition was silently ignored (the first won), exit 0.
#[test]
fn d7_r15_robustness_refuses_a_condition_calibrated_twice() {
    on(
        "robustness",
        &khanal(),
        &[
            "--outcome",
            "diffusion",
            "--conditions",
            "enterprise_rank",
            "--calibrate",
            "enterprise_rank=25,14.5,6",
            "--calibrate",
            "enterprise_rank=20,10,5",
        ],
    )
    .expect_error_no_prefix(
        2,
        "fsqca: error: --calibrate: condition `enterprise_rank` is given twice",
    );
}

// ---------------------------------------------------------------------------------------------
// D8: level literals on columns that are not multi-value.

/// D8, E15: `fit --expression "DEV[1]"` on fuzzy DEV gave covS 0 and exit 0.
#[test]
fn d8_e15_level_literal_on_a_fuzzy_column_is_refused() {
    let lf = fixture("LF");
    let out = on("fit", &lf, &["--outcome", "SURV", "--expression", "DEV[1]"]);
    out.expect_error(
        1,
        &format!(
            "{lf}: `DEV[1]`: condition `DEV` is neither multi-value nor crisp (declare it \
             multi-value, or write `DEV` or `~DEV`)"
        ),
    );
    assert!(out.stdout.is_empty());
}

/// D8: a level that does not exist (`DEV[7]` on levels 0 to 2) gave coverage 0 and exit 0; a
/// level on a crisp 0/1 column stays fine.
#[test]
fn d8_absent_level_is_refused_and_crisp_level_accepted() {
    let lm = fixture("LM");
    on(
        "fit",
        &lm,
        &[
            "--outcome",
            "SURV",
            "--multi-value",
            "DEV",
            "--expression",
            "DEV[7]",
        ],
    )
    .expect_error(
        1,
        &format!("{lm}: `DEV[7]`: condition `DEV` has no level 7 (its levels are 0 to 2)"),
    );
    let out = on(
        "fit",
        &fixture("Krook"),
        &["--outcome", "WNP", "--expression", "ES[1]"],
    );
    out.expect_success();
    assert!(out.stdout.contains("ES[1]"));
    // The library refuses the same literal on a fuzzy column.
    let e: Expression = "A[1]".parse().expect("a level literal");
    assert!(e.evaluate(&abc()).is_err(), "A[1] on a fuzzy column");
}

// ---------------------------------------------------------------------------------------------
// D9: line numbers.

/// D9, C104: a CRLF file with a bad cell on line 4 was reported as line 3.
#[test]
fn d9_c104_crlf_bad_cell_line() {
    file_refused(
        "crlf_nan.csv",
        "case,A,Y\r\na,0.2,0.8\r\nb,0.7,0.1\r\nc,x,0.9\r\nd,0.1,0.3\r\n",
        "necessity",
        ONLY_A,
        "column `A` is not numeric: line 4 holds `x`",
    );
}

/// C105: a CRLF file with a ragged row on line 4 was reported as line 3.
#[test]
fn c105_crlf_ragged_row_line() {
    file_refused(
        "crlf_ragged.csv",
        "case,A,Y\r\na,0.2,0.8\r\nb,0.7,0.1\r\nc,0.9\r\nd,0.1,0.3\r\n",
        "necessity",
        &["--outcome", "Y"],
        "line 4: 2 fields, but the header has 3",
    );
}

/// C106: a CR-only file with a bad cell on line 4 was reported as line 1.
#[test]
fn c106_cr_only_bad_cell_line() {
    file_refused(
        "cr_nan.csv",
        "case,A,Y\ra,0.2,0.8\rb,0.7,0.1\rc,x,0.9\rd,0.1,0.3\r",
        "necessity",
        ONLY_A,
        "column `A` is not numeric: line 4 holds `x`",
    );
}

/// C107: after a blank line 3, a bad cell on line 4 was reported as line 3.
#[test]
fn c107_blank_line_then_bad_cell_line() {
    file_refused(
        "bl_nan.csv",
        "case,A,Y\na,0.2,0.8\n\nc,x,0.9\nd,0.1,0.3\n",
        "necessity",
        ONLY_A,
        "column `A` is not numeric: line 4 holds `x`",
    );
}

/// C108: a 20-line CRLF file with a bad cell on line 16 was reported as line 15.
#[test]
fn c108_crlf_twenty_lines_bad_cell_line() {
    let mut csv = String::from("case,A,Y\r\n");
    for i in 2..=20 {
        let a = if i == 16 {
            "x".to_owned()
        } else {
            format!("0.{i}")
        };
        csv.push_str(&format!("r{i},{a},0.5\r\n"));
    }
    file_refused(
        "crlf20.csv",
        csv,
        "necessity",
        ONLY_A,
        "column `A` is not numeric: line 16 holds `x`",
    );
}

/// C19: a whitespace-only line 5 after a blank line 4 was reported as line 4.
#[test]
fn c19_whitespace_line_after_blank_line() {
    file_refused(
        "blank_lines.csv",
        "case,A,Y\na,0.2,0.3\nb,0.9,0.8\n\n   \nc,0.1,0.2\n",
        "necessity",
        &["--outcome", "Y"],
        "line 5: 1 fields, but the header has 3",
    );
}

// ---------------------------------------------------------------------------------------------
// D10: names with operators or spaces (fixed on the no-panic branch).

/// A file with columns named `A*B`, `~C` and `GDP pc`.
fn operator_names(dir: &Scratch) -> String {
    dir.file(
        "opnames.csv",
        "case,A*B,~C,GDP pc,Y\na,0.2,0.3,0.1,0.3\nb,0.9,0.8,0.7,0.8\nc,0.1,0.9,0.8,0.2\n\
         d,0.7,0.2,0.3,0.9\n",
    )
}

/// D10, C83: `truth-table` accepted conditions named `A*B` and `~C`, which no expression can name.
#[test]
fn d10_c83_truth_table_refuses_operator_names() {
    let dir = Scratch::new("d10_c83");
    let file = operator_names(&dir);
    let out = on(
        "truth-table",
        &file,
        &["--outcome", "Y", "--conditions", "A*B,~C"],
    );
    out.expect_clean_error_naming("A*B");
}

/// C84: `minimize` printed the model `~A*B*~GDP pc` for columns `A*B` and `GDP pc`, exit 0.
#[test]
fn c84_minimize_refuses_operator_and_space_names() {
    let dir = Scratch::new("c84");
    let file = operator_names(&dir);
    let out = on(
        "minimize",
        &file,
        &[
            "--outcome",
            "Y",
            "--conditions",
            "A*B,GDP pc",
            "--solution",
            "conservative",
        ],
    );
    out.expect_clean_error_naming("A*B");
    assert!(!out.stdout.contains("~A*B"));
}

/// K35: `calibrate --name "A*B"` made a column that no `--expression` could name afterwards.
#[test]
fn k35_calibrate_refuses_an_operator_name() {
    on(
        "calibrate",
        &khanal(),
        &[
            "--column",
            "gdppc",
            "--thresholds",
            "6000,12000,20000",
            "--name",
            "A*B",
        ],
    )
    .expect_clean_error_naming("A*B");
}

// ---------------------------------------------------------------------------------------------
// D11: numeric identifiers under a header other than `case`.

/// D11, C101: `truth-table` relabelled the cases 1..4 without a word (the years became data).
#[test]
fn d11_c101_truth_table_warns_about_numeric_ids() {
    let dir = Scratch::new("d11_c101");
    let file = dir.file("year_ids.csv", YEAR_IDS);
    let args = ["--outcome", "Y", "--conditions", "A,B", "--format", "json"];
    let out = on("truth-table", &file, &args);
    let warning = numbered_cases_warning(&file, "year");
    out.expect_first_line(0, |line| line == warning);
    // Told, the years label the cases.
    let mut labelled = args.to_vec();
    labelled.extend(["--labels", "year"]);
    let out = on("truth-table", &file, &labelled);
    out.expect_success();
    for year in ["1990", "1991", "1992", "1993"] {
        assert!(
            out.stdout.contains(&format!("\"{year}\"")),
            "{}",
            out.stdout
        );
    }
}

/// C100: `necessity` said "set `year`, case `1`: membership 1990 is outside [0, 1]" and no more.
#[test]
fn c100_necessity_explains_numeric_ids_first() {
    let dir = Scratch::new("c100");
    let file = dir.file("year_ids.csv", YEAR_IDS);
    let out = on("necessity", &file, &["--outcome", "Y"]);
    assert_eq!(out.code, Some(1), "{out:?}");
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{out:?}");
    assert_eq!(lines[0], numbered_cases_warning(&file, "year"));
    let error = format!("fsqca: error: {file}: ");
    assert!(
        lines[1].starts_with(&error)
            && ["`year`, case `1`", " 1990 ", "[0, 1]"]
                .iter()
                .all(|part| lines[1].contains(part)),
        "{out:?}"
    );
    on("necessity", &file, &["--outcome", "Y", "--labels", "year"]).expect_success();
}

/// C62: small numeric ids under `id` were silently added as conditions `id[0]` to `id[4]`.
#[test]
fn c62_necessity_does_not_use_an_id_column_as_a_condition() {
    let dir = Scratch::new("c62");
    let file = dir.file(
        "numeric_ids.csv",
        "id,A,Y\n1,0.2,0.3\n2,0.9,0.8\n3,0.4,0.1\n4,0.6,0.7\n",
    );
    let out = on("necessity", &file, &["--outcome", "Y"]);
    let warning = numbered_cases_warning(&file, "id");
    out.expect_first_line(1, |line| line == warning);
    assert!(!out.stdout.contains("id["), "{}", out.stdout);
}

// ---------------------------------------------------------------------------------------------
// D12: one limit and one message for multi-value conditions.

/// D12: `truth-table` accepted 256 levels while `minimize` refused them, and `fit` accepted
/// `M[299]`. Now every subcommand allows levels 0 to 254.
#[test]
fn d12_one_level_limit_for_all_subcommands() {
    let dir = Scratch::new("d12");
    let over = dir.file("mv256.csv", multi_value_csv(256));
    let at = dir.file("mv255.csv", multi_value_csv(255));
    let conditions = [
        "--outcome",
        "Y",
        "--conditions",
        "M,B",
        "--multi-value",
        "M",
    ];
    let refusal = format!(
        "{over}: --multi-value: column `M`, case `r255`: value 255 is not a multi-value level (a \
         whole number from 0 to 254)"
    );
    let mut minimize = conditions.to_vec();
    minimize.extend(["--solution", "parsimonious", "--incl-cut", "0.8"]);
    on("truth-table", &over, &conditions).expect_error(1, &refusal);
    on("minimize", &over, &minimize).expect_error(1, &refusal);
    on(
        "fit",
        &over,
        &[
            "--outcome",
            "Y",
            "--multi-value",
            "M",
            "--expression",
            "M[255]",
        ],
    )
    .expect_error(1, &refusal);
    on("truth-table", &at, &conditions).expect_success();
    on(
        "fit",
        &at,
        &[
            "--outcome",
            "Y",
            "--multi-value",
            "M",
            "--expression",
            "M[254]",
        ],
    )
    .expect_success();
    // Undeclared, a 300-level column is not silently a condition of `fit` either.
    let big = dir.file("mv300.csv", multi_value_csv(300));
    on("fit", &big, &["--outcome", "Y", "--expression", "M[299]"]).expect_error(
        1,
        &format!(
            "{big}: `M[299]`: condition `M` is neither multi-value nor crisp (declare it \
             multi-value, or write `M` or `~M`)"
        ),
    );
}

/// C76: `necessity` on a 300-level column said "membership 2 is outside [0, 1]" while
/// `truth-table` said "300 levels, at most 256".
#[test]
fn c76_necessity_gives_the_truth_table_message_for_whole_numbers() {
    let dir = Scratch::new("c76");
    let file = dir.file("mv300.csv", multi_value_csv(300));
    on("necessity", &file, &["--outcome", "Y", "--conditions", "M"])
        .expect_error(1, &whole_numbers_error(&file, "M", "r2", 2));
}

// ---------------------------------------------------------------------------------------------
// D13: empty header names.

/// D13, C15: an empty 5th header field was reported as "column 3" (0-based among data columns).
#[test]
fn d13_c15_empty_header_by_its_position_in_the_file() {
    let lf = std::fs::read_to_string(fixture("LF")).expect("LF");
    file_refused(
        "empty_header.csv",
        lf.replacen("\"IND\"", "", 1),
        "truth-table",
        &["--outcome", "SURV", "--conditions", "DEV,URB"],
        "column 5 has an empty name",
    );
}

/// C92: a trailing comma on every line was reported as "column 2" (the 4th field).
#[test]
fn c92_trailing_comma_by_its_position_in_the_file() {
    file_refused(
        "trailing_comma.csv",
        "case,A,Y,\na,0.2,0.3,\nb,0.9,0.8,\n",
        "necessity",
        &["--outcome", "Y"],
        "column 4 has an empty name",
    );
}

/// K23: `calibrate --name ""` was reported as "column 8" (0-based). Now it says the name is
/// empty ("column 9", the new column's 1-based position, or the `--name` flag itself).
#[test]
fn k23_calibrate_empty_name_is_reported_as_empty() {
    let out = on(
        "calibrate",
        &khanal(),
        &[
            "--column",
            "gdppc",
            "--thresholds",
            "6000,12000,20000",
            "--name",
            "",
        ],
    );
    assert!(matches!(out.code, Some(1 | 2)), "{out:?}");
    let line = out.stderr.trim_end();
    assert!(
        line.starts_with("fsqca: error: ") && line.contains("empty") && !line.contains("column 8"),
        "{out:?}"
    );
    assert!(out.stdout.is_empty());
}

// ---------------------------------------------------------------------------------------------
// D14: a closed standard output.

/// D14, S07: `necessity ... >&-` exited 0, wrote nothing and said nothing.
#[test]
fn d14_s07_closed_stdout_is_reported() {
    let out = run_closed_stdout(&["necessity", &fixture("LF"), "--outcome", "SURV"]);
    out.expect_first_line(0, |line| {
        line.starts_with("fsqca: warning: standard output is closed")
    });
}

// ---------------------------------------------------------------------------------------------
// D15: endless or huge fields.

/// D15, C91: `necessity /dev/zero` grew until "memory allocation of 8589934592 bytes failed"
/// (exit 134 after 12 s).
#[test]
fn d15_c91_dev_zero_ends_in_an_error() {
    let out = run(&["necessity", "/dev/zero", "--outcome", "SURV"]);
    out.expect_error(1, "/dev/zero: line 1: a line is longer than 16777216 bytes");
    out.assert_quick(Duration::from_secs(10));
    let zero = std::fs::File::open("/dev/zero").expect("/dev/zero");
    let out = run_stdin(&["necessity", "-", "--outcome", "SURV"], zero.into());
    out.expect_error(1, "<stdin>: line 1: a line is longer than 16777216 bytes");
    out.assert_quick(Duration::from_secs(10));
}

/// D15 in the library: a field over 1 MiB and a line over 16 MiB are errors, not allocations.
#[test]
fn d15_library_field_and_line_limits() {
    let mut field = b"case,A\nx,".to_vec();
    field.extend(std::iter::repeat_n(b'7', (1 << 20) + 1));
    field.push(b'\n');
    let err = Dataset::from_reader(field.as_slice()).unwrap_err();
    assert!(
        matches!(err, DataError::TooLong { line: 2, what: "a field", limit } if limit == 1 << 20),
        "{err:?}"
    );
    let mut line = b"case,A\n".to_vec();
    for _ in 0..17 {
        line.extend(std::iter::repeat_n(b'7', 1 << 20));
        line.push(b',');
    }
    let err = CsvOptions::new().read(line.as_slice()).unwrap_err();
    assert!(matches!(err, DataError::TooLong { line: 2, .. }), "{err:?}");
}

// ---------------------------------------------------------------------------------------------
// The other part-1 cases.

/// C10: a `;`-separated file said "the data set is empty (18 cases, 0 columns)".
#[test]
fn c10_semicolon_file_names_the_delimiter() {
    let dir = Scratch::new("c10");
    let lf = std::fs::read_to_string(fixture("LF")).expect("LF");
    let file = dir.file("semicolon.csv", lf.replace(',', ";"));
    let out = on("necessity", &file, &["--outcome", "SURV"]);
    out.expect_first_line(1, |line| {
        line.ends_with(
            "the file looks separated by `;`, not `,` (set the delimiter: `--delimiter` on the \
             command line, `CsvOptions::delimiter` in Rust)",
        )
    });
    on(
        "necessity",
        &file,
        &["--outcome", "SURV", "--delimiter", ";"],
    )
    .expect_success();
}

/// C12: a tab-separated file said "the data set is empty (18 cases, 0 columns)".
#[test]
fn c12_tab_file_is_refused_with_a_delimiter_hint() {
    let dir = Scratch::new("c12");
    let lf = std::fs::read_to_string(fixture("LF")).expect("LF");
    let file = dir.file("tab.csv", lf.replace(',', "\t"));
    let out = on("necessity", &file, &["--outcome", "SURV"]);
    let start = format!("fsqca: error: {file}: the header is the single field `case");
    out.expect_first_line(1, |line| {
        line.starts_with(&start) && line.contains("separated by a tab, not `,` (set the delimiter")
    });
    // The delimiter the message names must be recognisable as a tab, not a space.
    out.expect_first_line(1, |line| {
        !line.contains("separated by ` `") && line.contains("tab")
    });
    on(
        "necessity",
        &file,
        &["--outcome", "SURV", "--delimiter", "tab"],
    )
    .expect_success();
}

/// C23: 1e308 in a condition was printed as a 309-digit integer.
#[test]
fn c23_huge_value_printed_short() {
    let dir = Scratch::new("c23");
    let lf = std::fs::read_to_string(fixture("LF")).expect("LF");
    let file = dir.file("huge.csv", lf.replacen("\"AU\",0.81,", "\"AU\",1e308,", 1));
    on("truth-table", &file, C5).expect_error(
        1,
        &format!(
            "{file}: column `DEV`, case `AU`: value 1e308 is not a membership in [0, 1]; \
             calibrate the column first"
        ),
    );
}

/// C96: a quoted line break in a header name was accepted, and tables printed it on two lines.
/// `--line-breaks` allows line breaks in quoted fields (here a label).
#[test]
fn c96_quoted_line_break_in_a_header_is_refused() {
    let dir = Scratch::new("c96");
    let file = dir.file(
        "quoted_newline_header.csv",
        "case,\"A\nB\",Y\na,0.2,0.3\nb,0.9,0.8\n",
    );
    on("necessity", &file, &["--outcome", "Y"]).expect_error(
        1,
        &format!(
            "{file}: line 1, field 2: a quoted field runs across a line break (a missing closing \
             quote?)"
        ),
    );
    let labels = dir.file(
        "quoted_newline_label.csv",
        "case,A,Y\n\"two\nlines\",0.2,0.3\nb,0.9,0.8\n",
    );
    on("necessity", &labels, &["--outcome", "Y"]).expect_error(
        1,
        &format!(
            "{labels}: line 2, field 1: a quoted field runs across a line break (a missing \
             closing quote?)"
        ),
    );
    on("necessity", &labels, &["--outcome", "Y", "--line-breaks"]).expect_success();
}

/// M02: `minimize --solution intermediate` without `--dir-exp` gave the conservative models
/// without a note.
#[test]
fn m02_intermediate_without_dir_exp_is_refused() {
    lf_minimize(&["--solution", "intermediate"]).expect_error_no_prefix(
        2,
        "fsqca: error: --solution intermediate needs --dir-exp (e.g. `--dir-exp \"A,~B\"`): \
         without directional expectations it would be the conservative solution; ask for \
         --solution conservative instead",
    );
}

/// R23: `robustness --solution intermediate` without `--dir-exp`: the same, silently.
#[test]
fn r23_robustness_intermediate_without_dir_exp_is_refused() {
    let args = khanal_robustness(&["--solution", "intermediate"]);
    run(&args).expect_first_line(2, |line| {
        line.starts_with("fsqca: error: --solution intermediate needs --dir-exp")
    });
}

/// M20: `--dir-exp ""` was accepted as no expectations.
#[test]
fn m20_empty_dir_exp_is_refused() {
    lf_minimize(&["--solution", "intermediate", "--dir-exp", ""]).expect_error_no_prefix(
        2,
        "fsqca: error: --dir-exp is empty: give the directional expectations, e.g. `--dir-exp \
         \"A,~B\"`",
    );
}

/// M29: `--exclude` of a negative row was a silent no-op.
#[test]
fn m29_exclude_of_a_negative_row_is_refused() {
    lf_minimize(&["--solution", "parsimonious", "--exclude", "1"]).expect_error(
        1,
        &format!(
            "{}: excluded row 1 is a negative row of the truth table, not a remainder: it is \
             never used, so excluding it would change nothing",
            fixture("LF")
        ),
    );
}

/// M30: `--exclude` with `--solution conservative` was a silent no-op.
#[test]
fn m30_exclude_with_conservative_is_refused() {
    lf_minimize(&["--solution", "conservative", "--exclude", "2"]).expect_error_no_prefix(
        2,
        "fsqca: error: --exclude is only used by --solution parsimonious or intermediate (the \
         conservative solution uses no remainder)",
    );
}

/// R05: `--range 1e308` was reported as "a value that is not finite: NaN".
#[test]
fn r05_range_overflow_is_named() {
    let args = khanal_robustness(&["--range", "1e308"]);
    run(&args).expect_error_no_prefix(
        2,
        "fsqca: error: --range: invalid grid for enterprise_rank.exclusion: the fraction of the \
         range 1e308 times the range 20 of column `enterprise_rank` overflows",
    );
}

/// R25: `--range 1e308 --steps 1000`: the same unclear NaN.
#[test]
fn r25_range_overflow_with_steps_is_named() {
    let args = khanal_robustness(&["--range", "1e308", "--steps", "1000"]);
    let out = run(&args);
    out.expect_first_line(2, |line| line.ends_with("overflows"));
    assert!(!out.stderr.contains("NaN"), "{out:?}");
}

/// R06: a reversed `--incl-sweep 0.9,0.7` was silently normalised to 0.7..0.9.
#[test]
fn r06_reversed_incl_sweep_is_refused() {
    let args = khanal_robustness(&["--incl-sweep", "0.9,0.7"]);
    run(&args).expect_error_no_prefix(
        2,
        "fsqca: error: --incl-sweep 0.9,0.7: LO is above HI (give the range as LO,HI with LO <= \
         HI)",
    );
}
