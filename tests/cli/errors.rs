//! Help and bad input: every error is one line on standard error with a non-zero exit code.

use super::*;

#[test]
fn help_explains_every_command_with_examples() {
    let main = run_ok(&["--help"]);
    for cmd in [
        "calibrate",
        "necessity",
        "fit",
        "truth-table",
        "minimize",
        "find-rows",
    ] {
        assert!(main.contains(cmd), "{cmd} missing from --help");
        let help = run_ok(&[cmd, "--help"]);
        assert!(help.contains("Examples:"), "{cmd} --help has no example");
        assert!(help.contains("--format"), "{cmd} --help lacks --format");
    }
    let tt = run_ok(&["truth-table", "--help"]);
    for flag in [
        "--outcome",
        "--conditions",
        "--incl-cut",
        "--n-cut",
        "--pri-cut",
        "--complete",
        "--sort",
        "--drop-missing",
    ] {
        assert!(tt.contains(flag), "truth-table --help lacks {flag}");
    }
    let min = run_ok(&["minimize", "--help"]);
    for flag in [
        "--solution",
        "--dir-exp",
        "--exclude",
        "--negative-rows",
        "--esa-necessary",
        "--row-dom",
        "--max-models",
        "--max-nodes",
        "--max-prime-implicants",
    ] {
        assert!(min.contains(flag), "minimize --help lacks {flag}");
    }
}

#[test]
fn error_missing_file() {
    fails(
        &["truth-table", "/nonexistent/data.csv", "-o", "Y", "-c", "A"],
        None,
        &["/nonexistent/data.csv"],
        1,
    );
    assert_eq!(
        exit_code(&["necessity", "/nonexistent/data.csv", "-o", "Y"]),
        Some(1)
    );
}

#[test]
fn error_unknown_column() {
    let csv = csv_of("LF");
    for args in [
        vec!["truth-table", &csv, "-o", "SURV", "-c", "DEV,NOPE"],
        vec!["necessity", &csv, "-o", "NOPE"],
        vec!["fit", &csv, "-o", "SURV", "-e", "DEV*NOPE"],
        vec![
            "calibrate",
            &csv,
            "--column",
            "NOPE",
            "--thresholds",
            "1,2,3",
        ],
    ] {
        fails(&args, None, &["unknown column", "NOPE", "LF.csv"], 1);
    }
}

#[test]
fn error_non_numeric_cell() {
    let input = b"case,A,B,Y\nx,0.2,0.9,1\ny,0.4,abc,0\n";
    fails(
        &["truth-table", "-", "-o", "Y", "-c", "A,B"],
        Some(input),
        &["<stdin>", "line 3", "`B`", "abc"],
        1,
    );
}

#[test]
fn error_membership_outside_the_unit_interval() {
    let input = b"case,A,B,Y\nx,0.2,0.9,1\ny,1.7,0.1,0\n";
    for args in [
        vec!["truth-table", "-", "-o", "Y", "-c", "A,B"],
        vec!["necessity", "-", "-o", "Y"],
        vec!["fit", "-", "-o", "Y", "-e", "A*B"],
    ] {
        fails(&args, Some(input), &["`A`", "`y`", "1.7"], 1);
    }
}

#[test]
fn error_thresholds() {
    let k = khanal();
    // Neither increasing nor decreasing.
    fails(
        &[
            "calibrate",
            &k,
            "--column",
            "gdppc",
            "--thresholds",
            "12000,6000,20000",
        ],
        None,
        &["--thresholds", "12000"],
        1,
    );
    // Crisp thresholds must increase.
    fails(
        &[
            "calibrate",
            &k,
            "--column",
            "gdppc",
            "--thresholds",
            "20000,6000",
            "--crisp",
        ],
        None,
        &["--thresholds", "not greater"],
        1,
    );
    // The direct method takes three.
    fails(
        &[
            "calibrate",
            &k,
            "--column",
            "gdppc",
            "--thresholds",
            "6000,20000",
        ],
        None,
        &["--thresholds", "exactly 3"],
        1,
    );
    fails(
        &[
            "calibrate",
            &k,
            "--column",
            "gdppc",
            "--thresholds",
            "6000,x,20000",
        ],
        None,
        &["--thresholds", "'x'"],
        1,
    );
    fails(
        &[
            "calibrate",
            &k,
            "--column",
            "gdppc",
            "--thresholds",
            "6000,12000,20000",
            "--idm",
            "0.4",
        ],
        None,
        &["--idm", "0.4"],
        1,
    );
    assert_eq!(
        exit_code(&[
            "calibrate",
            &k,
            "--column",
            "gdppc",
            "--thresholds",
            "3,2,9"
        ]),
        Some(2)
    );
}

#[test]
fn error_calibrating_a_column_with_missing_values() {
    fails(
        &[
            "calibrate",
            &khanal(),
            "--column",
            "diffusion_days",
            "--thresholds",
            "23,13.5,3",
        ],
        None,
        &["diffusion_days", "missing", "Hainan"],
        1,
    );
}

#[test]
fn error_expression_shows_a_caret() {
    let csv = csv_of("LF");
    let first = fails(
        &["fit", &csv, "-o", "SURV", "-e", "DEV*~URB + "],
        None,
        &["--expression", "position"],
        3,
    );
    assert!(first.contains("DEV*~URB"), "{first}");
    let out = run(&["fit", &csv, "-o", "SURV", "-e", "DEV*(URB + LIT"]);
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert_eq!(lines[1].trim_start(), "DEV*(URB + LIT");
    let caret = lines[2].find('^').expect("caret");
    let input = lines[1].find('D').expect("input");
    assert_eq!(
        caret - input,
        4,
        "the caret points at the unclosed `(`: {err}"
    );
}

#[test]
fn error_conflicting_and_bad_flags() {
    let k = khanal();
    let base = [
        "calibrate",
        k.as_str(),
        "--column",
        "gdppc",
        "--thresholds",
        "6000,12000,20000",
    ];
    let with = |extra: &[&'static str]| {
        let mut v: Vec<&str> = base.to_vec();
        v.extend_from_slice(extra);
        v
    };
    fails(
        &with(&["--crisp", "--linear"]),
        None,
        &["--crisp", "--linear"],
        1,
    );
    fails(
        &with(&["--crisp", "--idm", "0.9"]),
        None,
        &["--crisp", "--idm"],
        1,
    );
    fails(
        &with(&["--linear", "--idm", "0.9"]),
        None,
        &["--linear", "--idm"],
        1,
    );
    fails(&with(&["--below", "2"]), None, &["--below", "--linear"], 1);
    fails(&with(&["--above", "0", "--linear"]), None, &["--above"], 1);
    fails(&with(&["--format", "xml"]), None, &["--format", "xml"], 1);
    let csv = csv_of("LF");
    fails(
        &[
            "truth-table",
            &csv,
            "-o",
            "SURV",
            "-c",
            "DEV",
            "--incl-cut",
            "1.5",
        ],
        None,
        &["--incl-cut", "1.5"],
        1,
    );
    fails(
        &[
            "truth-table",
            &csv,
            "-o",
            "SURV",
            "-c",
            "DEV",
            "--incl-cut",
            "0.7,0.8",
        ],
        None,
        &["--incl-cut", "0.8"],
        1,
    );
    fails(
        &[
            "truth-table",
            &csv,
            "-o",
            "SURV",
            "-c",
            "DEV",
            "--incl-cut",
            "0.9,0.8,0.7",
        ],
        None,
        &["--incl-cut", "3"],
        1,
    );
    fails(
        &[
            "truth-table",
            &csv,
            "-o",
            "SURV",
            "-c",
            "DEV",
            "--n-cut",
            "0",
        ],
        None,
        &["--n-cut"],
        1,
    );
    fails(
        &[
            "truth-table",
            &csv,
            "-o",
            "SURV",
            "-c",
            "DEV",
            "--pri-cut",
            "-1",
        ],
        None,
        &["--pri-cut"],
        1,
    );
    fails(
        &["truth-table", &csv, "-o", "SURV"],
        None,
        &["--conditions"],
        1,
    );
    fails(
        &["truth-table", &csv, "-o", "SURV", "-c", "DEV,SURV"],
        None,
        &["SURV", "outcome"],
        1,
    );
    fails(
        &["fit", &csv, "-o", "SURV", "-e", "DEV", "--relation", "x"],
        None,
        &["--relation"],
        1,
    );
    fails(&["necessity", &csv, "-o", "~"], None, &["--outcome"], 1);
    // Every command parses its outcome as the library's `Outcome`: a usage error naming it.
    for command in [
        vec!["truth-table", &csv, "-c", "DEV"],
        vec!["fit", &csv, "-e", "DEV"],
        vec!["xyplot", &csv, "-e", "DEV", "--svg", "unused.svg"],
        vec!["minimize", &csv, "-c", "DEV"],
        vec!["robustness", &csv, "-c", "DEV", "--incl-sweep", "0.7,0.9"],
    ] {
        let mut args = command.clone();
        args.extend(["-o", "A*B"]);
        fails(&args, None, &["--outcome", "invalid name `A*B`"], 1);
        assert_eq!(exit_code(&args), Some(2), "{args:?}");
    }
    fails(&["frobnicate"], None, &["frobnicate"], 1);
    let first = fails(&["fit", &csv, "-o", "SURV"], None, &["--expression"], 1);
    assert!(first.ends_with("(see `fsqca fit --help`)"), "{first}");
    assert_eq!(
        exit_code(&[
            "calibrate",
            &k,
            "--column",
            "gdppc",
            "--thresholds",
            "1,2,3",
            "--crisp",
            "--linear"
        ]),
        Some(2)
    );
}
