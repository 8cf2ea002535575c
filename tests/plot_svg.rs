//! The SVG plots parse as XML and show what they should: one marker per case, the diagonal,
//! every case label, the fit in the title; the sweep chart its parameter, fit lines and legend.
#![cfg(feature = "plot")]

#[path = "common/svg.rs"]
mod svg_check;

use fsqca::plot::{sweep_chart, xy_plot, xy_plot_of};
use fsqca::robustness::{Analysis, Parameter, ParameterGrid};
use fsqca::{fit, Dataset, Expression, FuzzySet, Relation};

fn lf() -> Dataset {
    Dataset::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/datasets/LF.csv"
    ))
    .expect("LF data")
}

fn texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_owned())
        .collect()
}

/// The polylines' points, in pixels, of the polylines `keep` keeps.
fn polylines(
    doc: &roxmltree::Document,
    keep: impl Fn(&roxmltree::Node) -> bool,
) -> Vec<Vec<(f64, f64)>> {
    doc.descendants()
        .filter(|n| n.has_tag_name("polyline") && keep(n))
        .map(|n| {
            n.attribute("points")
                .unwrap_or("")
                .split_whitespace()
                .filter_map(|p| {
                    let (x, y) = p.split_once(',')?;
                    Some((x.parse().ok()?, y.parse().ok()?))
                })
                .collect()
        })
        .collect()
}

#[test]
fn xy_plot_shows_points_diagonal_labels_and_fit() {
    let data = lf();
    let expression: Expression = "DEV*LIT*STB".parse().expect("expression");
    let svg = xy_plot_of(&expression, &data, "SURV", Relation::Sufficiency).expect("plot");
    let doc = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let texts = texts(&doc);
    for case in data.cases() {
        assert!(texts.contains(case), "label {case} missing");
    }
    assert_eq!(legend_total(&texts), data.n_cases(), "one marker per case");
    let s = fit::sufficiency_of(&expression, &data, "SURV").expect("fit");
    let title = svg_check::sufficiency_title("DEV*LIT*STB", "SURV", &s);
    assert!(texts.contains(&title), "title {title} missing in {texts:?}");
    // The diagonal: one line from the bottom left to the top right of the plot area.
    let diagonal = polylines(&doc, |_| true)
        .into_iter()
        .any(|p| p.len() == 2 && p[1].0 - p[0].0 > 300.0 && p[0].1 - p[1].1 > 300.0);
    assert!(diagonal, "no diagonal line");
    // The 0.5 guides: a faint vertical and a faint horizontal line crossing in the middle.
    let guides = polylines(&doc, |n| n.attribute("opacity") == Some("0.35"));
    assert_eq!(guides.len(), 2);
    assert!(guides[0][0].0 == guides[0][1].0 && guides[1][0].1 == guides[1][1].1);
}

/// The number of cases the legend of an XY plot counts over its zones (`typical (5)`, ..).
fn legend_total(texts: &[String]) -> usize {
    texts
        .iter()
        .filter_map(|t| {
            t.strip_suffix(')')?
                .rsplit_once(" (")?
                .1
                .parse::<usize>()
                .ok()
        })
        .sum()
}

#[test]
fn necessity_title_has_inclusion_relevance_and_coverage() {
    let x = FuzzySet::new("LIT", vec![0.9, 0.8, 0.2]).expect("set");
    let y = FuzzySet::new("Y", vec![0.7, 0.9, 0.1]).expect("set");
    let cases = ["a".to_string(), "b".into(), "c".into()];
    let svg = xy_plot(&x, &y, &cases, Relation::Necessity).expect("plot");
    let doc = roxmltree::Document::parse(&svg).expect("XML");
    let n = fit::necessity(&x, &y).expect("fit");
    let title = format!(
        "LIT <- Y: inclN {:.3}, RoN {:.3}, covN {:.3}",
        n.incl.expect("defined"),
        n.ron.expect("defined"),
        n.cov.expect("defined")
    );
    assert!(texts(&doc).contains(&title));
}

#[test]
fn sweep_chart_shows_parameter_lines_and_markers() {
    let data = lf();
    let analysis = Analysis::new(data, "SURV")
        .membership_condition("DEV")
        .membership_condition("LIT")
        .membership_condition("STB")
        .truth_table_options(fsqca::TruthTableOptions::default().incl_cutoff(0.8));
    let sweep = analysis
        .sweep(&[ParameterGrid::span(Parameter::InclCut, 0.6, 0.95, 8).expect("grid")])
        .expect("sweep");
    let svg = sweep_chart(&sweep, &Parameter::InclCut).expect("chart");
    let doc = roxmltree::Document::parse(&svg).expect("XML");
    let texts = texts(&doc);
    for label in [
        "incl_cut",
        "inclS",
        "covS",
        "baseline solution",
        "other solution",
    ] {
        assert!(texts.iter().any(|t| t == label), "{label} missing");
    }
    let same = sweep
        .variants()
        .iter()
        .filter(|v| v.is_baseline_solution())
        .count();
    // One green dot per variant with the baseline solution, plus the legend's.
    let circles = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .count();
    assert_eq!(circles, same + 1);
    assert!(sweep_chart(&sweep, &Parameter::NCut).is_err());
}

#[test]
fn the_readme_picture_is_valid_svg() {
    let svg = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/khanal_xy.svg"))
        .expect("docs/khanal_xy.svg");
    let doc = roxmltree::Document::parse(&svg).expect("XML");
    let texts = texts(&doc);
    assert_eq!(legend_total(&texts), 30);
    assert!(texts
        .iter()
        .any(|t| t.starts_with("U + E*P -> diffusion: inclS")));
}
