//! `find-rows` and the counterfactual flags of `minimize` (`--exclude` with expressions and
//! row ids, `--negative-rows`, `--esa-necessary`, numeric `--dir-exp`): output equal to the
//! library's, and every bad input an error with its exit code, never a panic.

use fsqca::counterfactual::{Esa, FindRows, RowType};
use fsqca::solution::{SolutionOptions, SolutionType};

use super::*;

/// LIPF (SetMethods 4.0) with the analysis of its reference file.
fn lipf() -> (String, Vec<&'static str>) {
    let path = root()
        .join("tests/fixtures/setmethods/LIPF.csv")
        .to_string_lossy()
        .into_owned();
    let flags = vec![
        "-o",
        "SURVIVED",
        "-c",
        "DEVELOPED,URBAN,LITERATE,INDUSTRIAL,STABLE",
        "--incl-cut",
        "0.8",
    ];
    (path, flags)
}

fn lipf_table() -> TruthTable {
    let (path, _) = lipf();
    let data = Dataset::from_path(path).unwrap();
    TruthTableOptions::default()
        .incl_cutoff(0.8)
        .build(
            &data,
            "SURVIVED",
            &["DEVELOPED", "URBAN", "LITERATE", "INDUSTRIAL", "STABLE"],
        )
        .unwrap()
}

fn args<'a>(path: &'a str, flags: &[&'a str], command: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec![command, path];
    all.extend(flags);
    all.extend(extra);
    all
}

fn id_list(v: &Value) -> Vec<u64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap())
        .collect()
}

#[test]
fn find_rows_json_is_the_library_result() {
    let (path, flags) = lipf();
    let tt = lipf_table();
    for (kind, row_type, expression) in [
        (
            "untenable",
            RowType::Remainders,
            Some("~LITERATE*INDUSTRIAL"),
        ),
        ("remainders", RowType::Remainders, None),
        ("csa", RowType::Csa, None),
        ("ssr", RowType::Ssr, None),
        ("all", RowType::All, Some("~LITERATE*INDUSTRIAL")),
    ] {
        let mut extra = vec!["--type", kind];
        let mut finder = FindRows::new();
        if let Some(e) = expression {
            extra.extend(["--expression", e]);
            finder = finder.expression(e.parse().unwrap());
        }
        let got = json(&args(&path, &flags, "find-rows", &extra));
        let want = finder.find(&tt, row_type).unwrap();
        assert_eq!(id_list(&got["rows"]), want.rows(), "{kind}");
        assert_eq!(got["count"].as_u64(), Some(want.count()), "{kind}");
        let cubes: Vec<String> = want.cubes().iter().map(ToString::to_string).collect();
        assert_eq!(strings(&got["cubes"]), cubes, "{kind}");
        assert_eq!(got["complete"], true);
        let text = run_ok(&args(&path, &flags, "find-rows", &extra));
        assert!(text.contains(&format!("count: {}", want.count())), "{text}");
        let joined = if cubes.is_empty() {
            "none".to_owned()
        } else {
            cubes.join(" + ")
        };
        assert!(text.contains(&format!("cubes: {joined}")), "{text}");
    }
    // --rows lists fewer ids, the count stays exact.
    let got = json(&args(
        &path,
        &flags,
        "find-rows",
        &["--type", "csa", "--rows", "2"],
    ));
    assert_eq!(id_list(&got["rows"]).len(), 2);
    assert_eq!(got["count"].as_u64(), Some(8));
    assert_eq!(got["complete"], false);
    // --cubes lists fewer cubes, their number and the rows stay exact: the library's
    // cube limit.
    let want = FindRows::new()
        .cube_limit(1)
        .find(&tt, RowType::Remainders)
        .unwrap();
    assert!(want.cube_count() > 1);
    let got = json(&args(
        &path,
        &flags,
        "find-rows",
        &["--type", "remainders", "--cubes", "1"],
    ));
    let cubes: Vec<String> = want.cubes().iter().map(ToString::to_string).collect();
    assert_eq!(strings(&got["cubes"]), cubes);
    assert_eq!(cubes.len(), 1);
    assert_eq!(got["cube_count"].as_u64(), Some(want.cube_count() as u64));
    assert_eq!(id_list(&got["rows"]), want.rows());
    let text = run_ok(&args(
        &path,
        &flags,
        "find-rows",
        &["--type", "remainders", "--cubes", "1"],
    ));
    let listed = format!("(1 listed of {} cubes; raise --cubes)", want.cube_count());
    assert!(text.contains(&listed), "{text}");
}

#[test]
fn minimize_exclusions_are_the_library_options() {
    let (path, flags) = lipf();
    let tt = lipf_table();
    let got = json(&args(
        &path,
        &flags,
        "minimize",
        &[
            "--solution",
            "intermediate",
            "--dir-exp",
            "1,1,1,1,-",
            "--exclude",
            "~LITERATE*INDUSTRIAL, 10",
            "--esa-necessary",
            "LITERATE",
            "--esa-incl-cut",
            "0.5",
        ],
    ));
    let necessary = Esa::new()
        .incl_cutoff(0.5)
        .check(tt.data(), "SURVIVED", &["LITERATE".parse().unwrap()])
        .unwrap();
    let mut expressions = vec!["~LITERATE*INDUSTRIAL".parse().unwrap()];
    expressions.extend(necessary.expressions().iter().cloned());
    let want = SolutionOptions::new(SolutionType::Intermediate)
        .directional_expectations("DEVELOPED, URBAN, LITERATE, INDUSTRIAL".parse().unwrap())
        .exclude([10])
        .exclude_expressions(expressions)
        .solve(&tt)
        .unwrap();
    let models = got["models"].as_array().unwrap();
    assert_eq!(models.len(), want.models().len());
    for (g, w) in models.iter().zip(want.models()) {
        assert_eq!(g["expression"], w.expression().to_string());
    }
    // Setting the positive row 32 negative leaves row 22 to explain.
    let got = json(&args(
        &path,
        &flags,
        "minimize",
        &["--solution", "conservative", "--negative-rows", "32"],
    ));
    assert_eq!(
        got["models"][0]["expression"],
        "DEVELOPED*~URBAN*LITERATE*~INDUSTRIAL*STABLE"
    );
}

#[test]
fn excluding_every_remainder_gives_the_conservative_solution() {
    let (path, flags) = lipf();
    let conservative = json(&args(
        &path,
        &flags,
        "minimize",
        &["--solution", "conservative"],
    ));
    let none_left = json(&args(
        &path,
        &flags,
        "minimize",
        &[
            "--solution",
            "parsimonious",
            "--exclude",
            "STABLE + ~STABLE",
        ],
    ));
    assert_eq!(
        conservative["models"][0]["expression"],
        none_left["models"][0]["expression"]
    );
}

#[test]
fn bad_counterfactual_input_is_an_error_never_a_panic() {
    let (path, flags) = lipf();
    let min = |extra: &[&'static str]| {
        let mut a = args(&path, &flags, "minimize", &["--solution", "parsimonious"]);
        a.extend(extra);
        a.iter().map(|s| (*s).to_owned()).collect::<Vec<String>>()
    };
    let check = |a: Vec<String>, words: &[&str], code: i32| {
        let refs: Vec<&str> = a.iter().map(String::as_str).collect();
        fails(&refs, None, words, 1);
        assert_eq!(exit_code(&refs), Some(code), "{refs:?}");
    };
    // An unknown condition, a malformed expression, a row id out of range.
    check(
        min(&["--exclude", "~LITERATE*INDUSTRAL"]),
        &["INDUSTRAL", "not a condition"],
        1,
    );
    let malformed = min(&["--exclude", "A*"]);
    let refs: Vec<&str> = malformed.iter().map(String::as_str).collect();
    fails(&refs, None, &["--exclude", "missing an operand"], 1);
    assert_eq!(exit_code(&refs), Some(2));
    check(min(&["--exclude", "99"]), &["99", "1 to 32"], 1);
    check(min(&["--negative-rows", "40"]), &["40", "1 to 32"], 1);
    // An observed row given as an exclusion.
    check(min(&["--exclude", "32"]), &["32", "not a remainder"], 1);
    // A condition that is not necessary at the cut-offs, and bad cut-offs.
    check(
        min(&["--esa-necessary", "URBAN"]),
        &["URBAN", "not necessary", "inclN"],
        1,
    );
    check(
        min(&["--esa-necessary", "URBAN", "--esa-incl-cut", "1.5"]),
        &["--esa-incl-cut"],
        2,
    );
    check(min(&["--esa-necessary", "12"]), &["--esa-necessary"], 2);
    // Exclusions with the conservative solution, a numeric --dir-exp of the wrong length.
    let mut conservative = args(&path, &flags, "minimize", &["--solution", "conservative"]);
    conservative.extend(["--exclude", "URBAN"]);
    fails(&conservative, None, &["--exclude"], 1);
    let mut dir = args(&path, &flags, "minimize", &["--solution", "intermediate"]);
    dir.extend(["--dir-exp", "1,0"]);
    fails(&dir, None, &["--dir-exp", "2 entries for 5 conditions"], 1);
    // find-rows: an expression needed, not used, unknown, malformed.
    let fr = |extra: &[&'static str]| args(&path, &flags, "find-rows", extra);
    fails(&fr(&["--type", "all"]), None, &["--expression"], 1);
    fails(&fr(&["--type", "untenable"]), None, &["--expression"], 1);
    fails(
        &fr(&["--type", "csa", "--expression", "URBAN"]),
        None,
        &["--expression"],
        1,
    );
    fails(
        &fr(&["--type", "untenable", "--expression", "X"]),
        None,
        &["`X`", "not a condition"],
        1,
    );
    let caret = fr(&["--type", "untenable", "--expression", "(A"]);
    fails(&caret, None, &["--expression", "never closed"], 3);
    assert_eq!(exit_code(&caret), Some(2));
    fails(&fr(&["--type", "maybe"]), None, &["maybe"], 1);
    // find-rows: engine limits of 0.
    fails(
        &fr(&["--type", "csa", "--max-nodes", "0"]),
        None,
        &["--max-nodes"],
        1,
    );
    fails(
        &fr(&["--type", "csa", "--max-prime-implicants", "0"]),
        None,
        &["--max-prime-implicants"],
        1,
    );
    // A limit reached is an error that names the flag to raise, never a partial answer.
    fails(
        &fr(&["--type", "csa", "--max-prime-implicants", "1"]),
        None,
        &["prime implicants", "--max-prime-implicants"],
        1,
    );
}

#[test]
fn find_rows_engine_flags_keep_the_rows() {
    let (path, flags) = lipf();
    let tt = lipf_table();
    let want = FindRows::new().find(&tt, RowType::Csa).unwrap();
    for extra in [
        &["--type", "csa", "--pruned"][..],
        &["--type", "csa", "--max-nodes", "1000"][..],
        &[
            "--type",
            "csa",
            "--pruned",
            "--max-prime-implicants",
            "1000",
        ][..],
    ] {
        let got = json(&args(&path, &flags, "find-rows", extra));
        assert_eq!(id_list(&got["rows"]), want.rows(), "{extra:?}");
        assert_eq!(got["count"].as_u64(), Some(want.count()), "{extra:?}");
    }
}
