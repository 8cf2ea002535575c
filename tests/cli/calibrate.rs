//! `fsqca calibrate`: every method against the library, the CSV output read back, a pipeline through standard input.

use fsqca::fit;

use super::*;

/// Values read back from JSON equal the library's exactly (see [`same`]).
fn same_values(got: &[f64], want: &[f64], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}");
    for (g, w) in got.iter().zip(want) {
        same(&Value::from(*g), Some(*w), what);
    }
}

fn khanal_data() -> Dataset {
    Dataset::from_path(khanal()).expect("Khanal data")
}

fn calibrate_json(args: &[&str]) -> (String, Vec<String>, Vec<f64>) {
    let got = json(args);
    let values = got["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| v.as_f64().expect("number"))
        .collect();
    (
        got["column"].as_str().expect("column").to_owned(),
        strings(&got["cases"]),
        values,
    )
}

#[test]
fn calibrate_direct_on_khanal_agrees_with_library() {
    let k = khanal();
    let data = khanal_data();
    let th = Thresholds::new(6000.0, 12000.0, 20000.0).expect("thresholds");
    let want = DirectOptions::new()
        .calibrate(data.column("gdppc").expect("gdppc"), th)
        .expect("calibration");
    let (column, cases, values) = calibrate_json(&[
        "calibrate",
        &k,
        "--column",
        "gdppc",
        "--thresholds",
        "6000,12000,20000",
    ]);
    assert_eq!(column, "gdppc_cal");
    assert_eq!(cases, data.cases());
    same_values(&values, &want.to_vec(), "calibrated");

    // Decreasing (ranks: 1 is best), named, idm.
    let th = Thresholds::new(25.0, 14.5, 6.0).expect("thresholds");
    let want = DirectOptions::new()
        .idm(0.99)
        .calibrate(data.column("enterprise_rank").expect("column"), th)
        .expect("calibration");
    let (column, _, values) = calibrate_json(&[
        "calibrate",
        &k,
        "--column",
        "enterprise_rank",
        "--thresholds",
        "25,14.5,6",
        "--idm",
        "0.99",
        "--name",
        "E",
    ]);
    assert_eq!(column, "E");
    same_values(&values, &want.to_vec(), "calibrated");
    assert!(values[1] > 0.99, "Beijing, rank 1, is in");
}

#[test]
fn calibrate_linear_ecdf_and_crisp_agree_with_library() {
    let k = khanal();
    let data = khanal_data();
    let x = data.column("policy_intensity").expect("column");
    let th = Thresholds::new(2.0, 12.5, 25.0).expect("thresholds");
    let linear = DirectOptions::new()
        .curve(Curve::Linear)
        .below(2.0)
        .calibrate(x, th)
        .expect("linear");
    let (_, _, got) = calibrate_json(&[
        "calibrate",
        &k,
        "--column",
        "policy_intensity",
        "--thresholds",
        "2,12.5,25",
        "--linear",
        "--below",
        "2",
    ]);
    same_values(&got, &linear.to_vec(), "linear");
    let ecdf = DirectOptions::new()
        .curve(Curve::Ecdf)
        .calibrate(x, th)
        .expect("ecdf");
    let (_, _, got) = calibrate_json(&[
        "calibrate",
        &k,
        "--column",
        "policy_intensity",
        "--thresholds",
        "2,12.5,25",
        "--ecdf",
    ]);
    same_values(&got, &ecdf.to_vec(), "ecdf");
    let crisp = Crisp::new([3.0, 5.0])
        .expect("crisp")
        .calibrate(data.column("instrument_breadth").expect("column"))
        .expect("crisp");
    let (_, _, got) = calibrate_json(&[
        "calibrate",
        &k,
        "--column",
        "instrument_breadth",
        "--thresholds",
        "3,5",
        "--crisp",
    ]);
    assert_eq!(got, crisp.to_vec());
}

#[test]
fn calibrate_csv_output_reads_back_as_the_library_data_set() {
    let k = khanal();
    let data = khanal_data();
    let th = Thresholds::new(6000.0, 12000.0, 20000.0).expect("thresholds");
    let want = calibrate_column(&data, "gdppc", "G", |x| {
        DirectOptions::new().calibrate(x, th)
    })
    .expect("library");
    let csv = run_ok(&[
        "calibrate",
        &k,
        "--column",
        "gdppc",
        "--thresholds",
        "6000,12000,20000",
        "--name",
        "G",
    ]);
    assert!(csv.starts_with("case,enterprise_rank,"), "{csv}");
    let back = Dataset::from_reader(csv.as_bytes()).expect("CSV output reads back");
    assert_eq!(back.names(), want.names());
    assert_eq!(back.cases(), want.cases());
    assert_eq!(
        back.missing(),
        want.missing(),
        "missing values (diffusion_days) survive"
    );
    for name in want.names() {
        assert_eq!(
            back.column_text(name).expect("column"),
            want.column_text(name).expect("column"),
            "column {name} survives"
        );
    }
    let text = run_ok(&[
        "calibrate",
        &k,
        "--column",
        "gdppc",
        "--thresholds",
        "6000,12000,20000",
        "--format",
        "text",
    ]);
    assert!(
        text.contains("gdppc_cal") && text.contains("Beijing"),
        "{text}"
    );
}

/// The Khanal et al. pipeline on the raw Table 2: four conditions calibrated on ranks through
/// pipes, then the truth table of diffusion, compared with the same steps in the library.
#[test]
fn khanal_pipeline_through_standard_input() {
    let k = khanal();
    let steps: [(&str, &str, &str); 3] = [
        ("enterprise_rank", "25,14.5,6", "E"),
        ("university_rank", "25,14.5,6", "U"),
        ("power_rank", "25,14.5,6", "P"),
    ];
    let mut csv = run_ok(&[
        "calibrate",
        &k,
        "--column",
        "gdppc",
        "--thresholds",
        "6000,12000,20000",
        "--name",
        "G",
    ]);
    let mut data = khanal_data();
    let th = Thresholds::new(6000.0, 12000.0, 20000.0).expect("thresholds");
    data = calibrate_column(&data, "gdppc", "G", |x| {
        DirectOptions::new().calibrate(x, th)
    })
    .expect("G");
    for (column, thresholds, name) in steps {
        csv = run_ok_with(
            &[
                "calibrate",
                "-",
                "--column",
                column,
                "--thresholds",
                thresholds,
                "--name",
                name,
            ],
            Some(csv.as_bytes()),
        );
        let th = Thresholds::new(25.0, 14.5, 6.0).expect("thresholds");
        data = calibrate_column(&data, column, name, |x| {
            DirectOptions::new().calibrate(x, th)
        })
        .expect("calibration");
    }
    let got: Value = serde_json::from_str(&run_ok_with(
        &[
            "truth-table",
            "-",
            "--outcome",
            "diffusion",
            "--conditions",
            "E,U,G,P",
            "--incl-cut",
            "0.85",
            "--sort",
            "incl",
            "--format",
            "json",
        ],
        Some(csv.as_bytes()),
    ))
    .expect("JSON");
    let lib = TruthTableOptions::default()
        .incl_cutoff(0.85)
        .sort_by([SortKey::Incl])
        .build(&data, "diffusion", &["E", "U", "G", "P"])
        .expect("library");
    assert_table_json(&got, &lib);
    let nec: Value = serde_json::from_str(&run_ok_with(
        &[
            "necessity",
            "-",
            "-o",
            "diffusion",
            "-c",
            "E,U,G,P",
            "--format",
            "json",
        ],
        Some(csv.as_bytes()),
    ))
    .expect("JSON");
    let lib = fit::necessity_table(&data, "diffusion", &["E", "U", "G", "P"]).expect("library");
    let rows = nec["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), lib.len());
    for (g, l) in rows.iter().zip(&lib) {
        assert_eq!(g["expression"], l.expression.to_string());
        same(&g["incl"], l.necessity.incl, "incl");
        same(&g["ron"], l.necessity.ron, "ron");
        same(&g["cov"], l.necessity.cov, "cov");
    }
}
