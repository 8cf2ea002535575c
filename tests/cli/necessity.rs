//! `fsqca necessity`: against R QCA and the library, default conditions, multi-value conditions.

use fsqca::fit;

use super::*;

#[test]
fn necessity_matches_r_reference_and_library_on_every_fixture() {
    let mut checked = 0;
    for name in fixture_names() {
        let fx = json_of(&name);
        let csv = csv_of(&name);
        let data = data_of(&name);
        let tt = &fx["main"]["truth_table"];
        let outcome = tt["outcome"].as_str().expect("outcome");
        let conditions = conditions_of(tt);
        let joined = conditions.join(",");
        let mut args = vec![
            "necessity",
            &csv,
            "--outcome",
            outcome,
            "--conditions",
            &joined,
        ];
        args.extend(read_flags(&name));
        let got = json(&args);
        assert_eq!(got["outcome"], outcome);
        let rows = got["rows"].as_array().expect("rows");
        let lib = fit::necessity_table(&data, outcome, &conditions).expect("library");
        assert_eq!(rows.len(), lib.len(), "{name}");
        for (g, l) in rows.iter().zip(&lib) {
            assert_eq!(g["expression"], l.expression.to_string());
            same(&g["incl"], l.necessity.incl, &name);
            same(&g["ron"], l.necessity.ron, &name);
            same(&g["cov"], l.necessity.cov, &name);
        }
        for reference in fx["necessity"]["rows"].as_array().expect("rows") {
            let condition = reference["condition"].as_str().expect("condition");
            let base = condition
                .trim_start_matches('~')
                .split('[')
                .next()
                .unwrap_or("");
            if !conditions.iter().any(|c| c == base) {
                continue;
            }
            let what = format!("{name} necessity {condition}");
            let row = rows
                .iter()
                .find(|r| r["expression"] == condition)
                .unwrap_or_else(|| panic!("{what} missing"));
            close(num(&row["incl"]), num(&reference["inclN"]), &what);
            close(num(&row["ron"]), num(&reference["RoN"]), &what);
            close(num(&row["cov"]), num(&reference["covN"]), &what);
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} reference rows checked");
}

#[test]
fn necessity_defaults_to_every_other_column_and_takes_a_negated_outcome() {
    let csv = csv_of("LF");
    let data = Dataset::from_path(&csv).expect("data");
    let got = json(&["necessity", &csv, "--outcome", "~SURV"]);
    assert_eq!(got["outcome"], "~SURV");
    let lib = fit::necessity_table(&data, "~SURV", &["DEV", "URB", "LIT", "IND", "STB"])
        .expect("library");
    let rows = got["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 10);
    for (g, l) in rows.iter().zip(&lib) {
        assert_eq!(g["expression"], l.expression.to_string());
        same(&g["incl"], l.necessity.incl, "incl");
        same(&g["ron"], l.necessity.ron, "ron");
        same(&g["cov"], l.necessity.cov, "cov");
    }
    let text = run_ok(&["necessity", &csv, "--outcome", "SURV"]);
    assert!(text.contains("inclN") && text.contains("~STB"), "{text}");
    assert!(text.contains("0.831"), "3 decimals: {text}");
}

#[test]
fn necessity_of_multi_value_conditions_has_one_row_per_level() {
    let csv = csv_of("LM");
    let got = json(&[
        "necessity",
        &csv,
        "-o",
        "SURV",
        "-c",
        "DEV,URB",
        "--multi-value",
        "DEV",
    ]);
    let names: Vec<&str> = got["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["expression"].as_str().expect("expression"))
        .collect();
    assert_eq!(names, ["DEV[0]", "DEV[1]", "DEV[2]", "URB", "~URB"]);
}
