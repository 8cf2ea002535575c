//! `fsqca robustness`: against the library, the sweep chart, bounded grids and bad input.

use super::*;

/// `fsqca robustness` of LF's SURV on DEV, LIT and STB at incl_cut 0.8, sweeping incl_cut
/// over 0.7 to 0.9 in 4 steps and n_cut over 1 and 2.
fn lf_args(csv: &str) -> Vec<&str> {
    vec![
        "robustness",
        csv,
        "-o",
        "SURV",
        "-c",
        "DEV,LIT,STB",
        "--incl-cut",
        "0.8",
        "--incl-sweep",
        "0.7,0.9",
        "--n-sweep",
        "1,2",
        "--steps",
        "4",
    ]
}

/// The sweep of [`lf_args`], by the library.
fn lf_sweep(csv: &str) -> fsqca::robustness::Sweep {
    let data = Dataset::from_path(csv).expect("LF");
    fsqca::robustness::Analysis::new(data, "SURV")
        .membership_condition("DEV")
        .membership_condition("LIT")
        .membership_condition("STB")
        .truth_table_options(TruthTableOptions::default().incl_cutoff(0.8))
        .sweep(&[
            fsqca::robustness::ParameterGrid::span(
                fsqca::robustness::Parameter::InclCut,
                0.7,
                0.9,
                5,
            )
            .expect("grid"),
            fsqca::robustness::ParameterGrid::new(
                fsqca::robustness::Parameter::NCut,
                vec![1.0, 2.0],
            )
            .expect("grid"),
        ])
        .expect("sweep")
}

#[test]
fn robustness_reports_ranges_and_json_matches_the_library() {
    let csv = csv_of("LF");
    let args = lf_args(&csv);
    let text = run_ok(&args);
    assert!(text.contains("robustness of SURV"), "{text}");
    assert!(text.contains("incl_cut (baseline 0.8)"), "{text}");
    assert!(text.contains("n_cut (baseline 1)"), "{text}");
    let v = json(&args);
    let variants = v["variants"].as_array().expect("variants");
    assert_eq!(variants.len(), 5 + 2);
    let sweep = lf_sweep(&csv);
    let summary = sweep.summary();
    assert_eq!(v["summary"]["same"].as_u64(), Some(summary.same as u64));
    assert_eq!(num(&v["summary"]["fit"]["rf_cov"]), summary.fit.rf_cov);
    assert_eq!(
        strings(&v["summary"]["baseline"]),
        summary
            .baseline
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    );
}

#[test]
fn robustness_with_calibration_writes_the_sweep_chart() {
    let dir = Scratch::new("cli-robustness");
    let file = dir.path("sweep.svg");
    let file_arg = file.to_string_lossy().into_owned();
    let args = khanal_robustness(&["--svg", &file_arg, "--chart", "university_rank.crossover"]);
    let text = run_ok(&strs(&args));
    assert!(
        text.contains("university_rank.crossover (baseline 14.5)"),
        "{text}"
    );
    let svg = std::fs::read_to_string(&file).expect("svg written");
    assert!(svg.contains("university_rank.crossover"));
}

#[test]
fn robustness_bad_input_is_one_line_error() {
    let csv = csv_of("LF");
    fails(
        &[
            "robustness",
            &csv,
            "-o",
            "SURV",
            "-c",
            "DEV,LIT",
            "--incl-sweep",
            "0.7,1.5",
        ],
        None,
        &["incl_cut = 1.02", "not a valid cut-off"],
        1,
    );
    fails(
        &[
            "robustness",
            &csv,
            "-o",
            "SURV",
            "-c",
            "DEV,LIT",
            "--calibrate",
            "DEV=1,2",
        ],
        None,
        &["--calibrate", "three thresholds"],
        1,
    );
    fails(
        &["robustness", &csv, "-o", "SURV", "-c", "DEV,LIT"],
        None,
        &["nothing to sweep"],
        1,
    );
}

#[test]
fn robustness_grids_are_bounded_before_they_are_made() {
    // These aborted on allocation (exit 134) before the limit.
    usage_error(
        &khanal_robustness(&["--steps", "1000000000"]),
        &[
            "--steps 1000000000",
            "6000000006 variants",
            "limit of 1000000",
        ],
    );
    usage_error(
        &khanal_robustness(&["--steps", &usize::MAX.to_string()]),
        &["--steps", "limit of 1000000"],
    );
    usage_error(
        &khanal_robustness(&["--n-sweep", "1,1000000000"]),
        &[
            "--n-sweep 1,1000000000",
            "1000000000 variants",
            "limit of 1000000",
        ],
    );
    usage_error(
        &khanal_robustness(&["--incl-sweep", "0.7,0.9", "--steps", "999999"]),
        &["--steps 999999", "limit of 1000000"],
    );
    // Each grid within the limit, all of them together over it.
    usage_error(
        &khanal_robustness(&["--incl-sweep", "0.7,0.9", "--steps", "149999"]),
        &["1050000 variants", "limit of 1000000", "lower --steps"],
    );
}

#[test]
fn robustness_range_overflow_is_named() {
    // It was "the grid of enterprise_rank.exclusion has a value that is not finite: NaN".
    for steps in ["20", "1000"] {
        usage_error(
            &khanal_robustness(&["--range", "1e308", "--steps", steps]),
            &[
                "--range",
                "the fraction of the range 1e308 times the range 20 of column `enterprise_rank` overflows",
            ],
        );
    }
    usage_error(
        &khanal_robustness(&["--range", "NaN"]),
        &["--range", "negative or not finite"],
    );
}

#[test]
fn robustness_reversed_ranges_are_refused_alike() {
    usage_error(
        &khanal_robustness(&["--incl-sweep", "0.9,0.7"]),
        &["--incl-sweep 0.9,0.7", "LO is above HI"],
    );
    usage_error(
        &khanal_robustness(&["--n-sweep", "3,1"]),
        &["--n-sweep 3,1", "LO is above HI"],
    );
    // A range of one value is a range.
    let v = json(&strs(&khanal_robustness(&["--n-sweep", "2,2"])));
    let n_cut: Vec<&Value> = v["variants"]
        .as_array()
        .expect("variants")
        .iter()
        .filter(|v| v["parameter"] == "n_cut")
        .collect();
    assert_eq!(n_cut.len(), 1);
    assert_eq!(n_cut[0]["value"].as_f64(), Some(2.0));
}

#[test]
fn robustness_refuses_a_condition_calibrated_twice() {
    let csv = khanal();
    let args: Vec<String> = [
        "robustness",
        &csv,
        "-o",
        "diffusion",
        "-c",
        "enterprise_rank",
        "--calibrate",
        "enterprise_rank=25,14.5,6",
        "--calibrate",
        "enterprise_rank=20,10,5",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    usage_error(
        &args,
        &["--calibrate", "condition `enterprise_rank` is given twice"],
    );
}

/// `--drop-missing` drops the cases missing the outcome's column also when the outcome is
/// negated and spaced (`" ~ Y"`): the column is the parsed outcome's name.
#[test]
fn robustness_drops_missing_outcome_values_of_a_spaced_negated_outcome() {
    let input = b"A,B,Y\n1,0,1\n0,1,0\n1,1,\n0,0,0\n1,0,1\n";
    let args = [
        "robustness",
        "-",
        "-o",
        " ~ Y",
        "-c",
        "A,B",
        "--drop-missing",
        "--incl-sweep",
        "0.7,0.9",
        "--steps",
        "2",
    ];
    let out = run_with(&args, Some(input));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.starts_with("robustness of ~Y: baseline solution ~A"),
        "{text}"
    );
}

/// `--cases` reports the case-oriented robustness as the library computes it, in text and
/// JSON; `--first-and-last` switches the reading; `--xyplot` writes an SVG that labels every
/// case; `--first-and-last` alone is a bad command line.
#[test]
fn cases_flags_report_the_library_case_robustness_and_draw_the_plot() {
    let csv = csv_of("LF");
    let base = lf_args(&csv);
    let sweep = lf_sweep(&csv);
    for (flag, reading) in [
        (None, fsqca::robustness::TestSetReading::AllTests),
        (
            Some("--first-and-last"),
            fsqca::robustness::TestSetReading::FirstAndLast,
        ),
    ] {
        let ours = sweep.case_robustness(reading).expect("cases");
        let mut args = base.clone();
        args.push("--cases");
        args.extend(flag);
        let text = run_ok(&args);
        assert!(text.contains(&ours.to_string()), "{text}");
        let v = json(&args);
        let cases = &v["cases"];
        assert_eq!(num(&cases["rcr_typ"]), ours.rcr_typ);
        assert_eq!(
            cases["rcc_rank"].as_u64(),
            Some(u64::from(ours.rcc_rank.number()))
        );
        assert_eq!(strings(&cases["tests_used"]), ours.tests_used);
        assert_eq!(
            strings(&cases["case_types"][0]["cases"]),
            ours.case_types[0].cases
        );
        assert_eq!(
            num(&cases["robust_core_fit"]["incl"]),
            ours.robust_core_fit.incl
        );
    }
    assert!(json(&base).get("cases").is_none());

    let dir = Scratch::new("robustness_xyplot");
    let file = dir.path("rob.svg");
    let file_arg = file.to_string_lossy().into_owned();
    let mut args = base.clone();
    args.extend(["--xyplot", &file_arg, "--xyplot-set", "min"]);
    run_ok(&args);
    let svg = std::fs::read_to_string(&file).expect("svg written");
    let doc = roxmltree::Document::parse(&svg).expect("XML");
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_owned())
        .collect();
    for case in sweep
        .case_robustness(Default::default())
        .expect("cases")
        .cases
    {
        assert!(texts.contains(&case), "{case} not labelled");
    }
    let mut args = base.clone();
    args.push("--first-and-last");
    bin::run(&args).expect_error(
        2,
        "--first-and-last reads the test set of --cases or --xyplot: give one of them",
    );
}
