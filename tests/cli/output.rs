//! Standard output: closed pipes, closed standard output, one final line feed.

use super::*;

#[test]
fn a_closed_pipe_is_not_an_error() {
    let csv = csv_of("LF");
    let mut child = Command::new(BIN)
        .args(["necessity", &csv, "-o", "SURV", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("output");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
}

/// Runs `necessity` on LF through `sh -c`, standard output redirected by `redirect`.
#[cfg(target_os = "linux")]
fn necessity_redirected(redirect: &str) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("\"$0\" necessity \"$1\" --outcome SURV {redirect}"))
        .arg(BIN)
        .arg(csv_of("LF"))
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("run sh")
}

#[cfg(target_os = "linux")]
#[test]
fn a_closed_standard_output_is_stated() {
    // It exited 0, wrote nothing and said nothing (report S07). Closed, the descriptor is
    // reopened on /dev/null by Rust's runtime, which a parent's /dev/null (read-write) cannot
    // be told from: a warning, not an error.
    let out = necessity_redirected(">&-");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.starts_with("fsqca: warning: standard output is closed (`>&-`)"),
        "{err}"
    );
    // Discarding the output on purpose is not an error.
    let out = necessity_redirected("> /dev/null");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    let out = Command::new(BIN)
        .args(["necessity", &csv_of("LF"), "-o", "SURV"])
        .stdout(Stdio::null())
        .output()
        .expect("run");
    assert!(out.status.success());
}

/// Every subcommand's output, in every format, ends with exactly one line feed, so that a shell
/// prompt or the next command's output starts on a line of its own (`minimize` text output
/// ended without one). `xyplot` writes its SVG to a file and prints nothing.
#[test]
fn every_output_ends_with_exactly_one_line_feed() {
    let lf = csv_of("LF");
    let dir = Scratch::new("cli-newline");
    let svg = dir.path("plot.svg").to_string_lossy().into_owned();
    let owned = |args: &[&str]| -> Vec<String> { args.iter().map(|s| s.to_string()).collect() };
    let commands: Vec<Vec<String>> = vec![
        khanal_calibrate(&[]),
        owned(&["necessity", &lf, "-o", "SURV"]),
        owned(&["fit", &lf, "-o", "SURV", "-e", "DEV*STB + LIT"]),
        owned(&[
            "fit",
            &lf,
            "-o",
            "SURV",
            "-e",
            "LIT",
            "--relation",
            "necessity",
        ]),
        lf_truth_table(&[]),
        lf_minimize(&["--solution", "conservative"]),
        lf_minimize(&["--solution", "parsimonious"]),
        lf_minimize(&[
            "--solution",
            "intermediate",
            "--dir-exp",
            "DEV,URB,LIT,IND,STB",
        ]),
        khanal_robustness(&["--svg", &svg]),
    ];
    let mut runs = Vec::new();
    for command in &commands {
        for format in ["text", "json"] {
            runs.push([command.clone(), owned(&["--format", format])].concat());
        }
    }
    runs.push(khanal_calibrate(&["--format", "csv"]));
    for args in &runs {
        let args = strs(args);
        let out = run_ok(&args);
        assert!(out.len() > 1, "fsqca {args:?} printed nothing");
        assert!(
            out.ends_with('\n'),
            "no final line feed: fsqca {args:?}\n{out:?}"
        );
        assert!(
            !out.ends_with("\n\n"),
            "a blank line at the end: fsqca {args:?}\n{out:?}"
        );
    }
    let out = run_ok(&["xyplot", &lf, "-o", "SURV", "-e", "DEV*STB", "--svg", &svg]);
    assert!(out.is_empty(), "xyplot printed {out:?}");
}
