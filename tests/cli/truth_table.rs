//! `fsqca truth-table`: against R QCA and the library, flags, half memberships, missing values, standard input.

use super::*;

/// Every truth table of a reference file with the outcome as the tool takes it.
fn reference_tables(fx: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for part in ["main", "negated_outcome"] {
        if let Some(tt) = fx.get(part).and_then(|p| p.get("truth_table")) {
            out.push((part.to_owned(), tt.clone()));
        }
    }
    if let Some(extra) = fx.get("extra_truth_tables").and_then(Value::as_object) {
        for (k, v) in extra {
            out.push((k.clone(), v.clone()));
        }
    }
    out
}

#[test]
fn truth_table_matches_r_reference_and_library_on_every_fixture() {
    let mut checked = 0;
    for name in fixture_names() {
        let fx = json_of(&name);
        let csv = csv_of(&name);
        let data = data_of(&name);
        for (label, tt) in reference_tables(&fx) {
            let flags = flags_of(&tt);
            let mut args: Vec<&str> = vec!["truth-table", &csv];
            args.extend(flags.iter().map(String::as_str));
            args.extend(read_flags(&name));
            let got = json(&args);
            let lib = options_of(&tt)
                .build(&data, outcome_of(&tt), &conditions_of(&tt))
                .expect("library truth table");
            assert_table_json(&got, &lib);
            let rows = got["rows"].as_array().expect("rows");
            let conditions = conditions_of(&tt);
            for reference in tt["observed_rows_sorted"].as_array().expect("rows") {
                if reference["n"].as_u64() == Some(0) {
                    continue; // R lists configurations touched only by 0.5 memberships
                }
                let id = reference["id"].as_u64().expect("id");
                let what = format!("{name} {label} row {id}");
                let row = rows
                    .iter()
                    .find(|r| r["id"].as_u64() == Some(id))
                    .unwrap_or_else(|| panic!("{what} missing"));
                let values: Vec<u64> = conditions
                    .iter()
                    .map(|c| reference[c.as_str()].as_u64().expect("value"))
                    .collect();
                let got_values: Vec<u64> = row["values"]
                    .as_array()
                    .expect("values")
                    .iter()
                    .map(|v| v.as_u64().expect("value"))
                    .collect();
                assert_eq!(got_values, values, "{what}");
                assert_eq!(row["out"], reference["OUT"], "{what}");
                assert_eq!(row["n"], reference["n"], "{what}");
                close(num(&row["incl"]), num(&reference["incl"]), &what);
                close(num(&row["pri"]), num(&reference["PRI"]), &what);
                let cases: Vec<String> = reference["cases"]
                    .as_str()
                    .expect("cases")
                    .split(',')
                    .map(str::to_owned)
                    .collect();
                assert_eq!(strings(&row["cases"]), cases, "{what}");
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "only {checked} reference rows checked");
}

#[test]
fn truth_table_flags_reach_the_library() {
    let csv = csv_of("CVF");
    let conditions = ["DEMOC", "ETHFRACT", "GEOCON", "POLDIS", "NATPRIDE"];
    let data = Dataset::from_path(&csv).expect("data");
    let got = json(&[
        "truth-table",
        &csv,
        "--outcome",
        "~PROTEST",
        "--conditions",
        "DEMOC, ETHFRACT,GEOCON,POLDIS,NATPRIDE",
        "--incl-cut",
        "0.8,0.7",
        "--n-cut",
        "2",
        "--pri-cut",
        "0.1",
        "--sort",
        "incl,n",
        "--complete",
    ]);
    let lib = TruthTableOptions::default()
        .incl_cutoffs(0.8, 0.7)
        .n_cutoff(2)
        .pri_cutoff(0.1)
        .sort_by([SortKey::Incl, SortKey::N])
        .complete(true)
        .build(&data, "~PROTEST", &conditions)
        .expect("library");
    assert_eq!(lib.rows().len(), 32);
    assert_table_json(&got, &lib);
}

#[test]
fn truth_table_half_memberships_and_text_output() {
    let csv = csv_of("d.napoleon");
    let conditions = ["D", "C", "F", "I", "L", "N", "A"];
    let data = Dataset::from_path(&csv).expect("data");
    let lib = TruthTableOptions::default()
        .incl_cutoff(0.8)
        .build(&data, "O", &conditions)
        .expect("library");
    assert!(!lib.half_membership_cases().is_empty());
    let args = [
        "truth-table",
        &csv,
        "-o",
        "O",
        "-c",
        "D,C,F,I,L,N,A",
        "--incl-cut",
        "0.8",
    ];
    assert_table_json(&json(&args), &lib);
    assert_eq!(run_ok(&args), lib.to_string());
}

#[test]
fn truth_table_drop_missing() {
    let input = b"case,A,B,Y\nx,0.9,0.2,1\ny,,0.8,0\nz,0.1,0.7,0.2\n";
    let out = run_with(&["truth-table", "-", "-o", "Y", "-c", "A,B"], Some(input));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing values") && err.contains('y'), "{err}");
    let got: Value = serde_json::from_str(&run_ok_with(
        &[
            "truth-table",
            "-",
            "-o",
            "Y",
            "-c",
            "A,B",
            "--drop-missing",
            "--format",
            "json",
        ],
        Some(input),
    ))
    .expect("JSON");
    let data = Dataset::from_reader(&input[..]).expect("data");
    let lib = TruthTableOptions::default()
        .drop_missing(true)
        .build(&data, "Y", &["A", "B"])
        .expect("library");
    assert_table_json(&got, &lib);
}

#[test]
fn data_from_standard_input_equals_file() {
    let csv = csv_of("LF");
    let bytes = std::fs::read(&csv).expect("read");
    let args = |d: &'static str| {
        vec![
            "truth-table",
            d,
            "--outcome",
            "SURV",
            "--conditions",
            "DEV,URB,LIT,IND,STB",
            "--incl-cut",
            "0.8",
            "--format",
            "json",
        ]
    };
    let from_file = {
        let mut a = args("FILE");
        a[1] = &csv;
        run_ok(&a)
    };
    assert_eq!(run_ok_with(&args("-"), Some(&bytes)), from_file);
}
