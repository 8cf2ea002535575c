//! The README's "JSON output" section is the schema of `--format json`: every field it
//! documents, with its type, is in each command's output.

use super::*;

/// The README's field tables, per command: (command, [(path, type)]). A path is dotted, `[]`
/// marking an array whose every element has the rest (`models[].terms[].cases`); a row naming
/// several fields (`models[].incl`, `.pri`, `.cov`) gives one path each, the short ones
/// relative to the first one's parent.
fn documented() -> Vec<(String, Vec<(String, String)>)> {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let section = readme
        .split("\n### JSON output\n")
        .nth(1)
        .expect("a JSON output section")
        .split("\n### ")
        .next()
        .unwrap_or("");
    let mut commands: Vec<(String, Vec<(String, String)>)> = Vec::new();
    // Set under fit's "With `"relation": "sufficiency"` ..., `terms[]` and `solution` have:".
    let mut parents: Vec<&str> = Vec::new();
    for line in section.lines() {
        if let Some(command) = line
            .strip_prefix('`')
            .and_then(|l| l.split_once(" --format json`"))
            .map(|(c, _)| c)
        {
            commands.push((command.to_owned(), Vec::new()));
            parents.clear();
            continue;
        }
        if line.starts_with("With `\"relation\": \"sufficiency\"`") {
            parents = vec!["terms[]", "solution"];
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let [_, fields, kind, meaning, _] = cells[..] else {
            assert!(!line.starts_with("| `"), "README: a row not read: {line}");
            continue;
        };
        if !fields.starts_with('`') {
            continue;
        }
        let (_, fields_list) = commands.last_mut().expect("a table under a command");
        let names: Vec<&str> = fields.split(", ").map(|f| f.trim_matches('`')).collect();
        let first = names[0];
        let parent = first.rsplit_once('.').map_or("", |(p, _)| p);
        for name in names {
            let path = match name.strip_prefix('.') {
                Some(rest) => format!("{parent}.{rest}"),
                None => name.to_owned(),
            };
            if parents.is_empty() {
                fields_list.push((path, kind.to_owned()));
            } else {
                for p in &parents {
                    let only = meaning.contains("(`terms[]` only)");
                    if !only || *p == "terms[]" {
                        fields_list.push((format!("{p}.{path}"), kind.to_owned()));
                    }
                }
            }
        }
    }
    commands
}

/// Whether `value` has the README's `kind`: `string`, `integer`, `number or null`, `array of
/// arrays of integers`, `object or null`, ... (plurals allowed).
fn has_kind(value: &Value, kind: &str) -> bool {
    kind.split(" or ").any(|alternative| {
        let alternative = alternative.trim();
        if let Some(items) = alternative
            .strip_prefix("array of ")
            .or_else(|| alternative.strip_prefix("arrays of "))
        {
            return value
                .as_array()
                .is_some_and(|a| a.iter().all(|v| has_kind(v, items)));
        }
        match alternative.trim_end_matches('s') {
            "string" => value.is_string(),
            "number" => value.is_number(),
            "integer" => value.is_u64(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            "object" => value.is_object(),
            "array" => value.is_array(),
            other => panic!("README: unknown type `{other}`"),
        }
    })
}

/// Checks `path` (see [`documented`]) in `value`: each field is there and has `kind`, and
/// each array on the way is non-empty, so that no check is vacuous.
fn check(value: &Value, path: &str, kind: &str, what: &str) {
    let (head, rest) = path.split_once('.').unwrap_or((path, ""));
    let (key, array) = match head.strip_suffix("[]") {
        Some(key) => (key, true),
        None => (head, false),
    };
    let field = value
        .get(key)
        .unwrap_or_else(|| panic!("{what}: no `{key}` in {value}"));
    if array {
        let items = field
            .as_array()
            .unwrap_or_else(|| panic!("{what}: `{key}` is not an array"));
        assert!(!items.is_empty(), "{what}: `{key}` is empty");
        if rest.is_empty() {
            assert!(has_kind(field, kind), "{what}: `{key}` is not {kind}");
        }
        for item in items {
            if !rest.is_empty() {
                check(item, rest, kind, what);
            }
        }
    } else if rest.is_empty() {
        assert!(
            has_kind(field, kind),
            "{what}: `{key}` = {field} is not {kind}"
        );
    } else {
        check(field, rest, kind, what);
    }
}

/// A run that gives every documented field a value (and every array an element).
fn run_of(command: &str) -> Vec<String> {
    let lf = csv_of("LF");
    let owned = |args: &[&str]| -> Vec<String> { args.iter().map(|s| s.to_string()).collect() };
    match command {
        "calibrate" => khanal_calibrate(&[]),
        "necessity" => owned(&["necessity", &lf, "-o", "SURV"]),
        // SCHLF's EXPORT has a case at exactly 0.5, so `at_half` has an element.
        "diagnose" => owned(&[
            "diagnose",
            &root()
                .join("tests/fixtures/setmethods/SCHLF.csv")
                .to_string_lossy(),
            "--sets",
            "EXPORT",
        ]),
        "fit" => owned(&["fit", &lf, "-o", "SURV", "-e", "DEV*STB + LIT"]),
        "truth-table" => lf_truth_table(&[]),
        "minimize" => lf_minimize(&[
            "--solution",
            "intermediate",
            "--dir-exp",
            "DEV,URB,LIT,IND,STB",
        ]),
        "robustness" => khanal_robustness(&["--incl-sweep", "0.8,0.9", "--cases"]),
        "find-rows" => owned(&[
            "find-rows",
            &lf,
            "-o",
            "SURV",
            "-c",
            "DEV,URB,LIT,IND,STB",
            "--incl-cut",
            "0.8",
            "--type",
            "csa",
        ]),
        "cluster" => {
            let schlf = root().join("tests/fixtures/setmethods/SCHLF.csv");
            owned(&[
                "cluster",
                &schlf.to_string_lossy(),
                "-o",
                "EXPORT",
                "-c",
                "EMP,BARGAIN,UNI,OCCUP,STOCK,MA",
                "--unit",
                "COUNTRY",
                "--cluster",
                "YEAR",
                "--incl-cut",
                "0.9",
                "--solution",
                "parsimonious",
            ])
        }
        "cases" => owned(&[
            "cases",
            &lf,
            "-o",
            "SURV",
            "-c",
            "DEV,URB,LIT,IND,STB",
            "--incl-cut",
            "0.8",
            "--solution",
            "parsimonious",
            "--necessity",
            "LIT",
        ]),
        other => panic!("README documents the JSON of `{other}`: add a run here"),
    }
}

#[test]
fn every_documented_json_field_is_in_the_output() {
    let commands = documented();
    let names: Vec<&str> = commands.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        names,
        [
            "calibrate",
            "necessity",
            "diagnose",
            "fit",
            "truth-table",
            "minimize",
            "find-rows",
            "robustness",
            "cluster",
            "cases"
        ]
    );
    for (command, fields) in &commands {
        assert!(fields.len() >= 4, "{command}: {fields:?}");
        let output = json(&strs(&run_of(command)));
        for (path, kind) in fields {
            check(&output, path, kind, &format!("{command} {path}"));
        }
    }
}

#[test]
fn the_readme_schema_reader_sees_every_table_row() {
    let commands = documented();
    let fields = |command: &str| -> Vec<String> {
        commands
            .iter()
            .find(|(c, _)| c == command)
            .map(|(_, f)| f.iter().map(|(p, _)| p.clone()).collect())
            .unwrap_or_default()
    };
    let fit = fields("fit");
    for path in ["terms[].cov_unique", "solution.pri", "solution.expression"] {
        assert!(fit.contains(&path.to_owned()), "{fit:?}");
    }
    assert!(!fit.contains(&"solution.cov_unique".to_owned()), "{fit:?}");
    let minimize = fields("minimize");
    for path in [
        "models[].pri",
        "models[].terms[].cov",
        "models[].simplifying_assumptions.rows",
        "models[].easy_counterfactuals.cubes",
        "models[].difficult_counterfactuals.complete",
        "warning",
    ] {
        assert!(minimize.contains(&path.to_owned()), "{minimize:?}");
    }
    assert!(fields("robustness").contains(&"summary.skipped".to_owned()));
}
