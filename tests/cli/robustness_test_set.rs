//! `fsqca robustness --test-set FILE`: a chosen test set from TOML or JSON, against the
//! library; bad files and flags that do not apply.

use super::*;

fn robustness_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/robustness")
}

fn payf() -> String {
    robustness_dir()
        .join("PAYF_WEAL.csv")
        .to_string_lossy()
        .into_owned()
}

fn set_file(name: &str) -> String {
    robustness_dir().join(name).to_string_lossy().into_owned()
}

/// The PAYF baseline of SetMethods' robustness example, with `extra` flags.
fn payf_args<'a>(data: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "robustness",
        data,
        "-o",
        "HL",
        "-c",
        "HE,GG,AH,HI,HW",
        "--incl-cut",
        "0.87",
        "--n-cut",
        "2",
        "--solution",
        "parsimonious",
    ];
    args.extend_from_slice(extra);
    args
}

#[test]
fn a_test_set_file_runs_its_alternatives_as_the_library_does() {
    let data = payf();
    let toml = set_file("PAYF_TS3set.toml");
    let json_file = set_file("PAYF_TS3set.json");
    let text = run_ok(&payf_args(&data, &["--test-set", &toml]));
    assert!(
        text.contains("test set: chosen test set `PAYF TS3set`: TS1, TS2, TS3"),
        "{text}"
    );
    assert!(!text.contains("sensitivity ranges"), "{text}");
    let from_toml = json(&payf_args(&data, &["--test-set", &toml]));
    let from_json = json(&payf_args(&data, &["--test-set", &json_file]));
    assert_eq!(from_toml, from_json);
    let set = fsqca::robustness::TestSet::from_toml(&std::fs::read_to_string(&toml).expect("file"))
        .expect("a test set");
    let mut analysis =
        fsqca::robustness::Analysis::new(Dataset::from_path(&data).expect("PAYF"), "HL");
    for c in ["HE", "GG", "AH", "HI", "HW"] {
        analysis = analysis.membership_condition(c);
    }
    let sweep = analysis
        .truth_table_options(TruthTableOptions::new().incl_cutoff(0.87).n_cutoff(2))
        .solution_options(fsqca::solution::SolutionOptions::new(
            fsqca::solution::SolutionType::Parsimonious,
        ))
        .sweep_test_set(&set)
        .expect("sweep");
    let summary = sweep.summary();
    assert_eq!(
        from_toml["summary"]["test_set"],
        serde_json::json!({"kind": "chosen", "name": "PAYF TS3set", "alternatives": ["TS1", "TS2", "TS3"]})
    );
    assert_eq!(
        num(&from_toml["summary"]["fit"]["rf_sc_min"]),
        summary.fit.rf_sc_min
    );
    assert_eq!(
        num(&from_toml["summary"]["fit"]["rf_cov"]),
        summary.fit.rf_cov
    );
    let names: Vec<&str> = from_toml["variants"]
        .as_array()
        .expect("variants")
        .iter()
        .map(|v| v["alternative"].as_str().expect("a name"))
        .collect();
    assert_eq!(names, ["TS1", "TS2", "TS3"]);
}

#[test]
fn a_grid_sweep_names_its_grids_as_its_test_set() {
    let args = khanal_robustness(&["--incl-sweep", "0.8,0.9", "--steps", "4"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let text = run_ok(&args);
    assert!(
        text.contains(
            "test set: one-at-a-time grids: enterprise_rank.exclusion 21 to 29 (5 values, \
             baseline 25), "
        ),
        "{text}"
    );
    assert!(
        text.contains(", incl_cut 0.8 to 0.9 (5 values, baseline 0.85)\n"),
        "{text}"
    );
    let v = json(&args);
    assert_eq!(v["summary"]["test_set"]["kind"], "grids");
    let grids = v["summary"]["test_set"]["grids"].as_array().expect("grids");
    assert_eq!(grids.len(), 2 * 3 + 1);
    assert_eq!(grids[6]["points"], 5);
    assert_eq!(grids[6]["parameter"], "incl_cut");
}

#[test]
fn bad_test_set_files_name_the_key_and_the_value() {
    let data = payf();
    let dir = Scratch::new("cli-test-set");
    let cases = [
        (
            "value.toml",
            "name = \"s\"\n[[alternative]]\nname = \"a\"\nn_cut = \"two\"\n",
            vec!["this TOML is not a test set", "n_cut", "\"two\""],
        ),
        (
            "key.toml",
            "name = \"s\"\n[[alternative]]\nname = \"a\"\nincl = 0.7\n",
            vec!["unknown field `incl`"],
        ),
        (
            "key.json",
            r#"{"name": "s", "alternative": [{"name": "a", "ncut": 1}]}"#,
            vec!["this JSON is not a test set", "unknown field `ncut`"],
        ),
        (
            "empty.toml",
            "name = \"s\"\nalternative = []\n",
            vec!["the test set `s` has no alternative"],
        ),
        (
            "twice.json",
            r#"{"name": "s", "alternative": [{"name": "a"}, {"name": "a"}]}"#,
            vec!["the alternative `a` is named twice"],
        ),
        (
            "case.toml",
            "name = \"s\"\n[[alternative]]\nname = \"a\"\ndrop_cases = [\"XXX\"]\n",
            vec!["alternative `a`: case `XXX` is not in the data"],
        ),
        (
            "set.toml",
            "name = \"s\"\n[[alternative]]\nname = \"a\"\nrecalibrate = [{ set = \"Q\", crossover = 1 }]\n",
            vec!["alternative `a`", "`Q` is neither a condition nor the outcome"],
        ),
        (
            "anchors.toml",
            "name = \"s\"\n[[alternative]]\nname = \"a\"\nrecalibrate = [{ set = \"HW\", column = \"WEAL\", crossover = 7000 }]\n",
            vec!["recalibrating `HW` from column `WEAL` needs all three anchors"],
        ),
        (
            "cut.toml",
            "name = \"s\"\n[[alternative]]\nname = \"a\"\nincl_cut = 1.5\n",
            vec!["alternative `a`", "1.5"],
        ),
    ];
    for (name, contents, parts) in cases {
        let file = dir.file(name, contents);
        bin::run(&payf_args(&data, &["--test-set", &file])).expect_error_containing(
            1,
            &format!("--test-set {file}: "),
            &parts,
        );
    }
    let missing = dir.path("missing.toml").to_string_lossy().into_owned();
    bin::run(&payf_args(&data, &["--test-set", &missing])).expect_error_containing(
        1,
        &format!("--test-set {missing}: "),
        &[],
    );
    let other = dir.file("set.yaml", "name: s");
    bin::run(&payf_args(&data, &["--test-set", &other])).expect_error(
        2,
        &format!("--test-set {other}: name the file .toml or .json to say its format"),
    );
}

#[test]
fn a_test_set_replaces_the_grids() {
    let data = payf();
    let toml = set_file("PAYF_TS.toml");
    for flag in [
        ["--incl-sweep", "0.7,0.9"],
        ["--n-sweep", "1,2"],
        ["--steps", "4"],
        ["--svg", "x.svg"],
    ] {
        bin::run(&payf_args(&data, &["--test-set", &toml, flag[0], flag[1]]))
            .expect_first_line(2, |line| {
                line.contains("'--test-set <FILE>' cannot be used with")
            });
    }
}
