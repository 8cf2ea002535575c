//! `fsqca plot`: each kind of picture written where `--output` says, and its errors.

use super::*;

/// The `<text>` contents of an SVG file.
fn svg_texts(path: &std::path::Path) -> Vec<String> {
    let svg = std::fs::read_to_string(path).expect("svg written");
    let doc = roxmltree::Document::parse(&svg).expect("XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_owned())
        .collect()
}

#[test]
fn plot_xy_is_xyplot_and_necessity_sets_the_relation() {
    let dir = Scratch::new("cli-plot-xy");
    let csv = csv_of("LF");
    let (plot, alias, nec) = (
        dir.path("xy.svg"),
        dir.path("alias.svg"),
        dir.path("nec.svg"),
    );
    let base = ["-o", "SURV", "-e", "DEV*STB"];
    let arg = |p: &std::path::Path| p.to_string_lossy().into_owned();
    run_ok(&[&["plot", "xy", &csv][..], &base, &["--output", &arg(&plot)]].concat());
    run_ok(&[&["xyplot", &csv][..], &base, &["--svg", &arg(&alias)]].concat());
    assert_eq!(
        std::fs::read_to_string(&plot).expect("plot"),
        std::fs::read_to_string(&alias).expect("alias")
    );
    let texts = svg_texts(&plot);
    assert!(texts
        .iter()
        .any(|t| t.starts_with("DEV*STB -> SURV: inclS") && t.contains("PRI")));
    run_ok(
        &[
            &["plot", "necessity", &csv][..],
            &base,
            &["--output", &arg(&nec)],
        ]
        .concat(),
    );
    let texts = svg_texts(&nec);
    assert!(texts
        .iter()
        .any(|t| t.starts_with("DEV*STB <- SURV: inclN")));
    let data = Dataset::from_path(&csv).expect("LF");
    for case in data.cases() {
        assert!(texts.contains(case), "{case}");
    }
}

#[test]
fn plot_pimplot_writes_one_file_per_term_and_the_solution() {
    let dir = Scratch::new("cli-plot-pimplot");
    let out_dir = dir.path("pims");
    let out_arg = out_dir.to_string_lossy().into_owned();
    let csv = csv_of("LF");
    let args = [
        "plot",
        "pimplot",
        &csv,
        "-o",
        "SURV",
        "-c",
        "DEV,URB,LIT,IND,STB",
        "--incl-cut",
        "0.8",
        "--solution",
        "parsimonious",
        "--output",
        &out_arg,
        "--format",
        "json",
    ];
    let listed: Value = serde_json::from_str(&run_ok(&args)).expect("JSON");
    let listed = listed.as_array().expect("a list");
    let data = Dataset::from_path(&csv).expect("LF");
    let tt = TruthTableOptions::default()
        .incl_cutoff(0.8)
        .build(&data, "SURV", &["DEV", "URB", "LIT", "IND", "STB"])
        .expect("tt");
    let solution =
        fsqca::solution::SolutionOptions::new(fsqca::solution::SolutionType::Parsimonious)
            .solve(&tt)
            .expect("solution");
    let model = &solution.models()[0];
    assert_eq!(listed.len(), model.terms().len() + 1);
    for (i, (entry, term)) in listed.iter().zip(model.terms()).enumerate() {
        assert_eq!(entry["expression"], term.expression().to_string());
        assert_eq!(entry["is_model"], false);
        let file = out_dir.join(format!("pi{}.svg", i + 1));
        assert_eq!(entry["file"], file.to_string_lossy().as_ref());
        assert!(svg_texts(&file)
            .iter()
            .any(|t| t.starts_with(&format!("{} -> SURV", term.expression()))));
    }
    let last = listed.last().expect("solution entry");
    assert_eq!(last["expression"], model.expression().to_string());
    assert!(out_dir.join("solution.svg").exists());
    let mut bad = args.to_vec();
    bad.extend(["--model", "9"]);
    fails(&bad, None, &["--model 9", "model(s)"], 1);
}

#[test]
fn plot_distribution_takes_three_or_six_anchors() {
    let dir = Scratch::new("cli-plot-distribution");
    let csv = dir.file("raw.csv", "case,GDP\nat,38000\nbg,4200\nro,5100\n");
    let out = dir.path("gdp.svg");
    let out_arg = out.to_string_lossy().into_owned();
    let base = [
        "plot",
        "distribution",
        &csv,
        "--column",
        "GDP",
        "--output",
        &out_arg,
    ];
    run_ok(&[&base[..], &["--thresholds", "2500,5000,20000"]].concat());
    let texts = svg_texts(&out);
    assert!(texts.iter().any(|t| t == "crossover 5000"));
    run_ok(&[&base[..], &["--thresholds", "1,2,3,4,5,6"]].concat());
    assert!(svg_texts(&out).iter().any(|t| t == "i2 4"));
    fails(
        &[&base[..], &["--thresholds", "1,2,3,4"]].concat(),
        None,
        &["--thresholds", "got 4"],
        1,
    );
    fails(
        &[&base[..], &["--thresholds", "3,3,3"]].concat(),
        None,
        &["--thresholds"],
        1,
    );
}

#[test]
fn plot_venn_writes_the_diagram_and_refuses_one_condition() {
    let dir = Scratch::new("cli-plot-venn");
    let out = dir.path("venn.svg");
    let out_arg = out.to_string_lossy().into_owned();
    let csv = csv_of("LF");
    let base = [
        "plot",
        "venn",
        &csv,
        "-o",
        "SURV",
        "--incl-cut",
        "0.8",
        "--output",
        &out_arg,
    ];
    run_ok(&[&base[..], &["-c", "DEV,URB,LIT,IND,STB"]].concat());
    let texts = svg_texts(&out);
    for c in ["DEV", "URB", "LIT", "IND", "STB"] {
        assert!(texts.iter().any(|t| t == c), "{c}");
    }
    let counts: usize = texts.iter().filter_map(|t| t.parse::<usize>().ok()).sum();
    assert_eq!(counts, 18, "every case counted in its zone");
    fails(
        &[&base[..], &["-c", "DEV"]].concat(),
        None,
        &["2 to 7 sets", "not 1"],
        1,
    );
}
