//! `fsqca minimize`: the library's solution, R's `all.sol` models, the engine's flags and limits.

use super::*;

/// `minimize` on every fixture, for each solution type R was asked for: the JSON models are the
/// library's, expression by expression and fit by fit (R agreement itself is checked in
/// `tests/solution_reference.rs` and by `../shared/tools/check_fixtures.py`).
#[test]
fn minimize_json_is_the_library_solution() {
    use fsqca::solution::{SolutionOptions, SolutionType};
    for (name, solution, dir_exp) in [
        ("LF", "conservative", None),
        ("LF", "parsimonious", None),
        ("LF", "intermediate", Some("DEV, STB, ~LIT*IND")),
        (
            "CVF",
            "intermediate",
            Some("DEMOC,ETHFRACT,GEOCON,POLDIS,~NATPRIDE"),
        ),
        ("LM", "intermediate", Some("DEV[1,2], URB[1],LIT[1],IND[1]")),
        ("Krook", "parsimonious", None),
    ] {
        let fx = json_of(name);
        let tt_ref = &fx["main"]["truth_table"];
        let conditions: Vec<String> = tt_ref["conditions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_string())
            .collect();
        let incl = tt_ref["incl.cut"][0].as_f64().unwrap();
        let csv = csv_of(name);
        let conds = conditions.join(",");
        let outcome = fx["outcome"].as_str().unwrap();
        let incl_text = incl.to_string();
        let mut args = vec![
            "minimize",
            &csv,
            "--outcome",
            outcome,
            "--conditions",
            &conds,
            "--incl-cut",
            &incl_text,
            "--solution",
            solution,
        ];
        if let Some(d) = dir_exp {
            args.extend(["--dir-exp", d]);
        }
        args.extend(read_flags(name));
        let got = json(&args);
        let data = data_of(name);
        let tt = TruthTableOptions::default()
            .incl_cutoff(incl)
            .build(&data, outcome, &conditions)
            .unwrap();
        let kind: SolutionType = solution.parse().unwrap();
        let mut options = SolutionOptions::new(kind);
        if let Some(d) = dir_exp {
            options = options.directional_expectations(d.parse().unwrap());
        }
        let want = options.solve(&tt).unwrap();
        let models = got["models"].as_array().unwrap();
        assert_eq!(models.len(), want.models().len(), "{name} {solution}");
        for (g, w) in models.iter().zip(want.models()) {
            assert_eq!(
                g["expression"],
                w.expression().to_string(),
                "{name} {solution}"
            );
            assert_eq!(num(&g["incl"]), w.fit().incl);
            assert_eq!(num(&g["cov"]), w.fit().cov);
            let terms = g["terms"].as_array().unwrap();
            assert_eq!(terms.len(), w.terms().len());
            for (gt, wt) in terms.iter().zip(w.terms()) {
                assert_eq!(gt["expression"], wt.expression().to_string());
                assert_eq!(num(&gt["cov_unique"]), wt.cov_unique());
                let cases: Vec<&str> = gt["cases"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_str().unwrap())
                    .collect();
                assert_eq!(cases, wt.cases());
            }
            for (key, want) in [
                ("simplifying_assumptions", w.simplifying_assumptions()),
                ("easy_counterfactuals", w.easy_counterfactuals().clone()),
                (
                    "difficult_counterfactuals",
                    w.difficult_counterfactuals().clone(),
                ),
            ] {
                let set = &g[key];
                assert_eq!(set["count"].as_u64(), Some(want.count()), "{key}");
                let rows: Vec<u64> = set["rows"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r.as_u64().unwrap())
                    .collect();
                assert_eq!(rows, want.rows(), "{key}");
                let cubes: Vec<String> = want.cubes().iter().map(|c| c.to_string()).collect();
                assert_eq!(set["cubes"], serde_json::json!(cubes), "{key}");
                assert_eq!(set["complete"], true, "{key}");
            }
        }
        assert_eq!(got["solution_type"], solution);
    }
    let text = run_ok(&[
        "minimize",
        &csv_of("LF"),
        "-o",
        "SURV",
        "-c",
        "DEV,URB,LIT,IND,STB",
        "--incl-cut",
        "0.8",
        "--solution",
        "parsimonious",
    ]);
    assert!(text.contains("DEV*~IND + URB*STB -> SURV"), "{text}");
}

#[test]
fn minimize_errors() {
    let csv = csv_of("LF");
    let with = lf_minimize;
    let cases: [(&[&str], &str); 5] = [
        (
            &["--solution", "intermediate", "--dir-exp", "DEV*"],
            "--dir-exp",
        ),
        (
            &["--solution", "intermediate", "--dir-exp", "DEV, XYZ"],
            "unknown condition `XYZ`",
        ),
        (
            &["--solution", "parsimonious", "--exclude", "99"],
            "excluded row 99",
        ),
        (
            &["--solution", "parsimonious", "--dir-exp", "DEV"],
            "--dir-exp",
        ),
        (&["--solution", "best"], "--solution"),
    ];
    for (extra, words) in cases {
        let args = with(extra);
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        fails(&refs, None, &[words], 1);
    }
    // A truth table with no positive row: a clear message, not a panic.
    fails(
        &[
            "minimize",
            &csv,
            "-o",
            "SURV",
            "-c",
            "DEV,URB",
            "--incl-cut",
            "1",
            "--solution",
            "conservative",
        ],
        None,
        &["no positive rows"],
        1,
    );
}

#[test]
fn minimize_refuses_options_that_would_silently_do_nothing() {
    let with = lf_minimize;
    // Intermediate without expectations was the conservative solution, without a word.
    usage_error(
        &with(&["--solution", "intermediate"]),
        &["--solution intermediate needs --dir-exp", "conservative"],
    );
    usage_error(
        &with(&["--solution", "intermediate", "--dir-exp", ""]),
        &["--dir-exp is empty"],
    );
    usage_error(
        &with(&["--solution", "intermediate", "--dir-exp", " "]),
        &["--dir-exp is empty"],
    );
    // Excluding from the conservative solution, which uses no remainder, did nothing.
    usage_error(
        &with(&["--solution", "conservative", "--exclude", "2"]),
        &["--exclude is only used by --solution parsimonious or intermediate"],
    );
    // Row 1 is negative (GR, PT, ES): it is never used, so excluding it did nothing.
    let args = with(&["--solution", "parsimonious", "--exclude", "1"]);
    let refs = strs(&args);
    fails(
        &refs,
        None,
        &["excluded row 1 is a negative row", "not a remainder"],
        1,
    );
    assert_eq!(exit_code(&refs), Some(1));
    // A remainder is still excluded.
    run_ok(
        &refs[..refs.len() - 1]
            .iter()
            .copied()
            .chain(["3"])
            .collect::<Vec<_>>(),
    );
    // robustness shares the solution flags.
    usage_error(
        &khanal_robustness(&["--solution", "intermediate"]),
        &["--solution intermediate needs --dir-exp"],
    );
    let v = json(&strs(&khanal_robustness(&[
        "--solution",
        "intermediate",
        "--dir-exp",
        "enterprise_rank,university_rank",
    ])));
    assert!(v["summary"]["variants"].as_u64().is_some_and(|n| n > 0));
}

/// A model as a set of terms, spaces removed (R prints `DEV[1]*URB`, as the tool does).
fn term_set(terms: &[String]) -> std::collections::BTreeSet<String> {
    terms.iter().map(|t| t.replace(' ', "")).collect()
}

/// `minimize --all-sol` (R QCA's `all.sol = TRUE`) on every fixture that has R's solution:
/// R's models, each as a set of terms, with R's fit to `R_TOL`, and exactly the library's
/// solution through `SolutionOptions::engine(EngineOptions::new().covers(Irredundant))`.
#[test]
fn minimize_all_sol_gives_r_all_sol_models() {
    use fsqca::minimize::{CoverSearch, EngineOptions};
    use fsqca::solution::{SolutionOptions, SolutionType};
    let mut checked = 0;
    let mut more_than_minimal = 0;
    for name in fixture_names() {
        let fx = json_of(name.as_str());
        for part in ["main", "negated_outcome"] {
            let Some(reference) = fx.get(part).and_then(|p| p.get("parsimonious_all_sol")) else {
                continue;
            };
            let tt_ref = &fx[part]["truth_table"];
            let csv = csv_of(&name);
            let mut args: Vec<String> = vec!["minimize".into(), csv];
            args.extend(flags_of(tt_ref));
            args.extend(["--solution", "parsimonious", "--all-sol"].map(String::from));
            args.extend(read_flags(&name).into_iter().map(String::from));
            let got = json(&strs(&args));
            let what = format!("{name} {part} all.sol");

            // R's models, as sets of terms, with their fit.
            let models = got["models"].as_array().expect("models");
            let r_models = reference["models"].as_array().expect("R's models");
            let ours: Vec<_> = models
                .iter()
                .map(|m| {
                    let terms: Vec<String> = m["terms"]
                        .as_array()
                        .expect("terms")
                        .iter()
                        .map(|t| t["expression"].as_str().expect("term").to_owned())
                        .collect();
                    term_set(&terms)
                })
                .collect();
            let theirs: Vec<_> = r_models
                .iter()
                .map(|m| term_set(&strings(&m["terms"])))
                .collect();
            let sorted = |mut v: Vec<std::collections::BTreeSet<String>>| {
                v.sort();
                v
            };
            assert_eq!(
                sorted(ours.clone()),
                sorted(theirs.clone()),
                "{what}: models"
            );
            for (m, key) in models.iter().zip(&ours) {
                let r = &r_models[theirs.iter().position(|t| t == key).expect("R's model")];
                close(
                    num(&m["incl"]),
                    num(&r["inclS"]),
                    &format!("{what} {key:?} inclS"),
                );
                close(
                    num(&m["pri"]),
                    num(&r["PRI"]),
                    &format!("{what} {key:?} PRI"),
                );
                close(
                    num(&m["cov"]),
                    num(&r["covS"]),
                    &format!("{what} {key:?} covS"),
                );
            }
            assert_eq!(got["minimum_proven"], Value::Bool(true), "{what}");
            assert!(got["warning"].is_null(), "{what}");

            // The library's solution, exactly.
            let tt = options_of(tt_ref)
                .build(&data_of(&name), outcome_of(tt_ref), &conditions_of(tt_ref))
                .expect("truth table");
            let want = SolutionOptions::new(SolutionType::Parsimonious)
                .engine(EngineOptions::new().covers(CoverSearch::Irredundant))
                .solve(&tt)
                .expect("solution");
            assert_eq!(models.len(), want.models().len(), "{what}");
            for (g, w) in models.iter().zip(want.models()) {
                assert_eq!(g["expression"], w.expression().to_string(), "{what}");
                same(&g["incl"], w.fit().incl, &what);
                same(&g["pri"], w.fit().pri, &what);
                same(&g["cov"], w.fit().cov, &what);
            }
            let minimal = SolutionOptions::new(SolutionType::Parsimonious)
                .solve(&tt)
                .expect("solution");
            more_than_minimal += usize::from(want.models().len() > minimal.models().len());
            checked += 1;
        }
    }
    assert_eq!(checked, 9, "all.sol solutions checked");
    // d.napoleon: R's minimal model `L`, and three larger irredundant ones.
    assert_eq!(more_than_minimal, 1);
}

#[test]
fn minimize_engine_flags_are_checked() {
    let with = lf_minimize;
    for (flag, words) in [
        ("--max-models", "--max-models must be at least 1"),
        ("--max-nodes", "--max-nodes must be at least 1"),
        (
            "--max-prime-implicants",
            "--max-prime-implicants must be at least 1",
        ),
    ] {
        usage_error(&with(&["--solution", "parsimonious", flag, "0"]), &[words]);
        run_ok(&strs(&with(&["--solution", "parsimonious", flag, "1000"])));
    }
    // Options that --all-sol would silently ignore.
    usage_error(
        &with(&["--solution", "parsimonious", "--all-sol", "--pruned"]),
        &["--pruned is not used with --all-sol"],
    );
    usage_error(
        &with(&[
            "--solution",
            "parsimonious",
            "--all-sol",
            "--accept-unproven",
        ]),
        &["--accept-unproven is not used with --all-sol"],
    );
    // --all-sol serves every solution type; LF has one irredundant model of each.
    for solution in ["conservative", "parsimonious"] {
        let all = json(&strs(&with(&["--solution", solution, "--all-sol"])));
        let minimal = json(&strs(&with(&["--solution", solution])));
        assert_eq!(all["models"], minimal["models"], "{solution}");
    }
}

/// Noisy crisp data on 10 conditions (a rule of two terms, one outcome in eight flipped): a
/// parsimonious chart whose minimum needs a search.
/// `rows` cases on 12 crisp conditions: a two-term rule with one outcome in eight flipped.
fn noisy_crisp_csv(rows: usize) -> String {
    let mut seed = 0x9e3779b97f4a7c15u64;
    let mut text = String::from("X1,X2,X3,X4,X5,X6,X7,X8,X9,X10,X11,X12,Y\n");
    for _ in 0..rows {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let x: Vec<u64> = (0..12).map(|j| seed >> j & 1).collect();
        let rule = (x[0] & x[1]) | (x[2] & (1 - x[3]) & x[4]);
        let y = rule ^ u64::from(seed >> 40 & 7 == 0);
        let cells: Vec<String> = x.iter().chain([&y]).map(u64::to_string).collect();
        text.push_str(&cells.join(","));
        text.push('\n');
    }
    text
}

#[test]
fn error_model_search_node_limit_gives_what_it_established() {
    // A chart whose first cover is not proven minimum by the root bound alone.
    let csv = noisy_crisp_csv(300);
    let args = |nodes: &'static str| {
        vec![
            "minimize",
            "-",
            "--outcome",
            "Y",
            "--conditions",
            "X1,X2,X3,X4,X5,X6,X7,X8,X9,X10,X11,X12",
            "--solution",
            "parsimonious",
            "--max-models",
            "10",
            "--max-nodes",
            nodes,
        ]
    };
    let first = fails(
        &args("1"),
        Some(csv.as_bytes()),
        &[
            "gave up after 1 nodes without a proven minimum",
            "the smallest model found has",
            "--max-nodes",
        ],
        1,
    );
    // The bounds it reports hold: the proven minimum lies between them.
    let number_after = |words: &str| -> usize {
        let rest = &first[first.find(words).expect(words) + words.len()..];
        let digits: String = rest
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().expect("a number")
    };
    let best = number_after("the smallest model found has");
    let lower = number_after("none has fewer than");
    assert!(lower < best, "{first}");
    let solved = run_ok_with(&args("1000000"), Some(csv.as_bytes()));
    let size = solved
        .lines()
        .find_map(|l| l.strip_prefix("M1: "))
        .expect("a first model")
        .split(" + ")
        .count();
    assert!(lower <= size && size <= best, "{lower} <= {size} <= {best}");

    // Accepted unproven, the smallest model found is given, flagged, with the same bounds.
    let mut accepted = args("1");
    accepted.extend(["--accept-unproven", "--format", "json"]);
    let json: Value = serde_json::from_str(&run_ok_with(&accepted, Some(csv.as_bytes()))).unwrap();
    assert_eq!(json["minimum_proven"], Value::Bool(false));
    let models = json["models"].as_array().unwrap();
    assert_eq!(models.len(), 1);
    assert_eq!(models[0]["terms"].as_array().unwrap().len(), best);
    let warning = json["warning"].as_str().unwrap();
    assert!(
        warning.contains(&format!("no model has fewer than {lower}")),
        "{warning}"
    );
    let mut proven = args("1000000");
    proven.extend(["--accept-unproven", "--format", "json"]);
    let json: Value = serde_json::from_str(&run_ok_with(&proven, Some(csv.as_bytes()))).unwrap();
    assert_eq!(json["minimum_proven"], Value::Bool(true));
}

/// `--rows N` limits the row ids listed per set of counterfactuals; the count and the cubes
/// stay exact, and the rows listed feed `--exclude`.
#[test]
fn minimize_lists_rows_up_to_the_limit() {
    let args = lf_minimize(&["--solution", "parsimonious", "--rows", "2"]);
    let text = run_ok(&strs(&args));
    assert!(
        text.contains(
            "M1: simplifying assumptions: 12 rows in DEV*~IND, URB*STB; the first 2: 10, 12"
        ),
        "{text}"
    );
    let out = json(&strs(&args));
    let sa = &out["models"][0]["simplifying_assumptions"];
    assert_eq!(sa["count"], 12);
    assert_eq!(sa["rows"], serde_json::json!([10, 12]));
    assert_eq!(sa["cubes"], serde_json::json!(["DEV*~IND", "URB*STB"]));
    assert_eq!(sa["complete"], false);
    // The rows found feed --exclude.
    let excluded = lf_minimize(&["--solution", "parsimonious", "--exclude", "10,12"]);
    let out = json(&strs(&excluded));
    for model in out["models"].as_array().unwrap() {
        let rows = model["simplifying_assumptions"]["rows"].as_array().unwrap();
        assert!(!rows.contains(&serde_json::json!(10)) && !rows.contains(&serde_json::json!(12)));
    }
}
