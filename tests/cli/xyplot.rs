//! `fsqca xyplot`: the SVG file and its errors.

use super::*;

#[test]
fn xyplot_writes_an_svg_with_every_case() {
    let dir = Scratch::new("cli-xyplot");
    let file = dir.path("xy.svg");
    let file_arg = file.to_string_lossy().into_owned();
    let csv = csv_of("LF");
    let out = run_ok(&[
        "xyplot",
        &csv,
        "-o",
        "SURV",
        "-e",
        "DEV*STB",
        "--relation",
        "necessity",
        "--svg",
        &file_arg,
    ]);
    assert!(out.is_empty());
    let svg = std::fs::read_to_string(&file).expect("svg written");
    let data = Dataset::from_path(&csv).expect("LF");
    for case in data.cases() {
        assert!(svg.contains(&format!(">\n{case}\n</text>")), "label {case}");
    }
    assert!(svg.contains("DEV*STB &lt;- SURV: inclN"));
}

#[test]
fn xyplot_bad_expression_is_one_line_error() {
    let csv = csv_of("LF");
    fails(
        &[
            "xyplot",
            &csv,
            "-o",
            "SURV",
            "-e",
            "DEV*NOPE",
            "--svg",
            "/tmp/never.svg",
        ],
        None,
        &["unknown column", "NOPE"],
        1,
    );
}
