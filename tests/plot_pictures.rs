//! The pictures of issue 19: the Venn layouts' zones, the zones of the XY plots, pimplot's
//! panels and the distribution plot, checked on their SVG and geometry.
#![cfg(feature = "plot")]

mod common;
#[path = "common/svg.rs"]
mod svg_check;

use fsqca::calibration::{BellThresholds, Thresholds};
use fsqca::plot::{distribution_plot, pimplot, venn_diagram, xy_plot, PlotError, VennLayout};
use fsqca::solution::{SolutionOptions, SolutionType};
use fsqca::{fit, Dataset, FuzzySet, OutputValue, Relation, TruthTableOptions};

fn lf() -> Dataset {
    common::load_data("LF")
}

/// The trimmed texts of the `<text>` elements.
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_owned())
        .collect()
}

/// The elements named `tag` with the attribute `fill` equal to `colour`.
fn filled(svg: &str, tag: &str, colour: &str) -> usize {
    let doc = roxmltree::Document::parse(svg).expect("XML");
    doc.descendants()
        .filter(|n| n.has_tag_name(tag) && n.attribute("fill") == Some(colour))
        .count()
}

/// Checks that the legend of an XY plot lists `entries` and no zone starting with `absent`.
fn assert_legend(texts: &[String], entries: &[&str], absent: &str) {
    for entry in entries {
        assert!(
            texts.iter().any(|t| t == entry),
            "legend {entry} in {texts:?}"
        );
    }
    assert!(!texts.iter().any(|t| t.starts_with(absent)), "{absent}");
}

/// LF's parsimonious solution at inclusion cut-off 0.8, with the data.
fn lf_parsimonious() -> (Dataset, fsqca::Solution) {
    let data = lf();
    let tt = TruthTableOptions::default()
        .incl_cutoff(0.8)
        .build(&data, "SURV", &["DEV", "URB", "LIT", "IND", "STB"])
        .expect("truth table");
    let solution = SolutionOptions::new(SolutionType::Parsimonious)
        .solve(&tt)
        .expect("solution");
    (data, solution)
}

/// A crisp data set of `k` conditions `C1`..: 3 · 2^k cases cycling through the
/// configurations, some missing so that the diagram has remainders; the outcome is 1 where
/// C1 and C2 agree, 0 elsewhere, but 1, 0, 1 in its three cases of configuration 1 (a
/// contradiction).
fn crisp_data(k: usize) -> Dataset {
    let rows: Vec<usize> = (0..3usize << k)
        .map(|i| (i * 7) % (1 << k))
        .filter(|r| r % 5 != 3)
        .collect();
    let mut columns: Vec<(String, Vec<f64>)> = (0..k)
        .map(|j| {
            let v = rows.iter().map(|r| ((r >> j) & 1) as f64).collect();
            (format!("C{}", j + 1), v)
        })
        .collect();
    let y = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let agree = (r & 1) == ((r >> 1) & 1);
            f64::from(u8::from(if *r == 1 { (i >> k) % 2 == 0 } else { agree }))
        })
        .collect();
    columns.push(("Y".to_owned(), y));
    Dataset::from_columns(columns).expect("data")
}

/// The conditions of [`crisp_data`].
fn crisp_conditions(k: usize) -> Vec<String> {
    (1..=k).map(|j| format!("C{j}")).collect()
}

/// Whether `p` lies inside the closed polygon `poly` (even-odd rule).
fn inside(p: (f64, f64), poly: &[(f64, f64)]) -> bool {
    let mut inside = false;
    let mut j = poly.len() - 1;
    for i in 0..poly.len() {
        let (a, b) = (poly[i], poly[j]);
        if (a.1 > p.1) != (b.1 > p.1) && p.0 < (b.0 - a.0) * (p.1 - a.1) / (b.1 - a.1) + a.0 {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// The signed area of a polygon (shoelace).
fn area(poly: &[(f64, f64)]) -> f64 {
    let n = poly.len();
    (0..n)
        .map(|i| {
            let (a, b) = (poly[i], poly[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum::<f64>()
        / 2.0
}

#[test]
fn every_venn_zone_is_one_region_with_its_label_inside_exactly_its_sets() {
    for k in 2..=7 {
        let venn = VennLayout::new(k).expect("2 to 7 sets");
        assert_eq!(venn.sets().len(), k);
        assert_eq!(venn.zones().len(), 1 << k);
        for (bits, zone) in venn.zones().iter().enumerate() {
            let expected: Vec<bool> = (0..k).map(|j| bits & (1 << j) != 0).collect();
            assert_eq!(zone.members, expected, "k {k}: zone {bits} in order");
            assert_eq!(zone.polygons.len(), 1, "k {k}: zone {bits} is one region");
            assert!(
                area(&zone.polygons[0]).abs() > 1e-5,
                "k {k}: zone {bits} not empty"
            );
            // The label point, against the sets' drawn outlines (not the construction's
            // formulas): inside exactly the zone's sets, and inside the zone's own polygon.
            for (j, set) in venn.sets().iter().enumerate() {
                assert_eq!(
                    inside(zone.label_at, &set.outline),
                    zone.members[j],
                    "k {k}: label of zone {bits:b} at {:?}, set {j}",
                    zone.label_at
                );
            }
            assert!(
                inside(zone.label_at, &zone.polygons[0]),
                "k {k} zone {bits}"
            );
        }
    }
}

#[test]
fn venn_layout_refuses_fewer_than_two_or_more_than_seven_sets() {
    for k in [0, 1, 8, 20] {
        assert!(matches!(
            VennLayout::new(k),
            Err(fsqca::plot::PlotError::VennSets { count }) if count == k
        ));
    }
}

#[test]
fn xy_plot_marks_each_zone_and_counts_it_in_the_legend() {
    // One case per zone of sufficiency, and one on the crossover.
    let x = FuzzySet::new("X", vec![0.7, 0.9, 0.8, 0.2, 0.1, 0.5, 0.6]).expect("set");
    let y = FuzzySet::new("Y", vec![0.9, 0.7, 0.2, 0.8, 0.2, 0.6, 0.95]).expect("set");
    let cases: Vec<String> = ["typ", "deg", "dcons", "dcov", "irr", "half", "typ2"]
        .map(String::from)
        .to_vec();
    let svg = xy_plot(&x, &y, &cases, Relation::Sufficiency).expect("plot");
    let texts = texts(&svg);
    assert_legend(
        &texts,
        &[
            "typical (2)",
            "deviant in degree (1)",
            "deviant consistency (1)",
            "deviant coverage (1)",
            "irrelevant (1)",
            "on a crossover (0.5) (1)",
        ],
        "deviant relevance",
    );
    for case in &cases {
        assert!(texts.contains(case), "label {case}");
    }
    // Two typical cases and the legend's marker, in green; the deviant in degree hollow.
    assert_eq!(filled(&svg, "circle", "#2E8B57"), 3);
    assert_eq!(filled(&svg, "circle", "none"), 2);
    let s = fit::sufficiency(&x, &y).expect("fit");
    let title = svg_check::sufficiency_title("X", "Y", &s);
    assert!(texts.contains(&title), "{title}");
}

#[test]
fn necessity_plot_marks_its_deviant_cases() {
    let x = FuzzySet::new("N", vec![0.9, 0.3, 0.8, 0.2]).expect("set");
    let y = FuzzySet::new("Y", vec![0.6, 0.8, 0.2, 0.1]).expect("set");
    let cases: Vec<String> = ["t", "dc", "dr", "i"].map(String::from).to_vec();
    let svg = xy_plot(&x, &y, &cases, Relation::Necessity).expect("plot");
    let texts = texts(&svg);
    assert_legend(
        &texts,
        &[
            "typical (1)",
            "deviant consistency (1)",
            "deviant relevance (1)",
            "irrelevant (1)",
        ],
        "deviant coverage",
    );
    assert!(texts.iter().any(|t| t.starts_with("N <- Y: inclN")));
}

#[test]
fn pimplot_draws_every_term_and_the_model_with_every_case() {
    let (data, solution) = lf_parsimonious();
    let model = &solution.models()[0];
    let panels = pimplot(model, &data, "SURV").expect("pimplot");
    assert_eq!(panels.len(), model.terms().len() + 1);
    let expressions = model
        .terms()
        .iter()
        .map(|t| t.expression().clone())
        .chain([model.expression()]);
    for (panel, expression) in panels.iter().zip(expressions) {
        assert_eq!(panel.expression, expression);
        let texts = texts(&panel.svg);
        let s = fit::sufficiency_of(&expression, &data, "SURV").expect("fit");
        let title = svg_check::sufficiency_title(&expression.to_string(), "SURV", &s);
        assert!(texts.contains(&title), "{title}");
        for case in data.cases() {
            assert!(texts.contains(case), "{expression}: label {case}");
        }
    }
    assert!(panels.last().is_some_and(|p| p.is_model));
    assert!(panels[..panels.len() - 1].iter().all(|p| !p.is_model));
}

#[test]
fn distribution_plot_draws_the_anchors_and_every_case_in_order() {
    let data = Dataset::from_reader(
        "case,GDP\nat,38000\nbg,4200\npt,18000\nro,5100\nse,41000\n".as_bytes(),
    )
    .expect("data");
    let svg = distribution_plot(
        &data,
        "GDP",
        Thresholds::new(2500.0, 5000.0, 20000.0).unwrap(),
    )
    .expect("plot");
    let texts = texts(&svg);
    for label in ["exclusion 2500", "crossover 5000", "inclusion 20000"] {
        assert!(texts.iter().any(|t| t == label), "{label}");
    }
    for case in data.cases() {
        assert!(texts.contains(case), "label {case}");
    }
    // One row per case, sorted by value: the dots go up (SVG y falls) as x grows.
    let doc = roxmltree::Document::parse(&svg).expect("XML");
    let dots: Vec<(f64, f64)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .map(|n| {
            let at = |a: &str| {
                n.attribute(a)
                    .and_then(|v| v.parse().ok())
                    .expect("coordinate")
            };
            (at("cx"), at("cy"))
        })
        .collect();
    assert_eq!(dots.len(), 5);
    assert!(dots.windows(2).all(|w| w[1].0 > w[0].0 && w[1].1 < w[0].1));
    let bell = BellThresholds::new(1000.0, 3000.0, 5000.0, 20000.0, 30000.0, 40000.0).unwrap();
    let texts = self::texts(&distribution_plot(&data, "GDP", bell).expect("plot"));
    for label in [
        "e1 1000", "c1 3000", "i1 5000", "i2 20000", "c2 30000", "e2 40000",
    ] {
        assert!(texts.iter().any(|t| t == label), "{label}");
    }
    assert!(matches!(
        distribution_plot(&data, "GNP", Thresholds::new(1.0, 2.0, 3.0).unwrap()),
        Err(PlotError::Data(_))
    ));
}

#[test]
fn venn_diagram_colours_each_zone_by_its_row_and_counts_its_cases() {
    for k in [2, 3, 5] {
        let data = crisp_data(k);
        let tt = TruthTableOptions::default()
            .incl_cutoffs(0.9, 0.4)
            .build(&data, "Y", &crisp_conditions(k))
            .expect("truth table");
        let svg = venn_diagram(&tt).expect("venn");
        let out_count = |out: OutputValue| {
            tt.rows()
                .iter()
                .filter(|r| r.out() == out && r.n() > 0)
                .count()
        };
        // One polygon per zone, filled by the row's output value.
        let positive = out_count(OutputValue::Positive);
        let negative = out_count(OutputValue::Negative);
        let contradiction = out_count(OutputValue::Contradiction);
        assert!(positive > 0 && negative > 0 && contradiction > 0, "k {k}");
        // Each colour also fills the legend's box.
        assert_eq!(
            filled(&svg, "polygon", "#96BC72") + filled(&svg, "rect", "#96BC72"),
            positive + 1
        );
        assert_eq!(
            filled(&svg, "polygon", "#FFD885") + filled(&svg, "rect", "#FFD885"),
            negative + 1
        );
        assert_eq!(
            filled(&svg, "polygon", "#1C8AC9") + filled(&svg, "rect", "#1C8AC9"),
            contradiction + 1
        );
        // The counts: one number per zone, the rows' n and 0 for the unobserved rows.
        let mut counts: Vec<usize> = texts(&svg).iter().filter_map(|t| t.parse().ok()).collect();
        let mut expected: Vec<usize> = tt.rows().iter().map(|r| r.n()).filter(|&n| n > 0).collect();
        expected.resize(1 << k, 0);
        counts.sort_unstable();
        expected.sort_unstable();
        assert_eq!(counts, expected, "k {k}");
    }
}

#[test]
fn venn_diagram_refuses_multi_value_and_too_few_or_many_conditions() {
    let data = Dataset::from_columns([
        ("A", vec![0.0, 1.0, 2.0, 1.0]),
        ("B", vec![1.0, 0.0, 1.0, 0.0]),
        ("Y", vec![1.0, 0.0, 1.0, 0.0]),
    ])
    .and_then(|d| d.with_multi_value(&["A"]))
    .expect("data");
    let tt = TruthTableOptions::default()
        .build(&data, "Y", &["A", "B"])
        .expect("tt");
    assert!(matches!(
        venn_diagram(&tt),
        Err(PlotError::NotBinary { condition, levels: 3 }) if condition == "A"
    ));
    let tt = TruthTableOptions::default()
        .build(&data, "Y", &["B"])
        .expect("tt");
    assert!(matches!(
        venn_diagram(&tt),
        Err(PlotError::VennSets { count: 1 })
    ));
    let data = crisp_data(8);
    let tt = TruthTableOptions::default()
        .build(&data, "Y", &crisp_conditions(8))
        .expect("tt");
    assert!(matches!(
        venn_diagram(&tt),
        Err(PlotError::VennSets { count: 8 })
    ));
}

/// Issue 19, acceptance point 2: every picture parses, holds every label and, rendered by
/// headless Chromium (one run for the whole batch), is not blank.
#[test]
fn every_picture_parses_and_renders() {
    let data = lf();
    let cases: Vec<&str> = data.cases().iter().map(String::as_str).collect();
    let mut pictures: Vec<(String, String, Vec<&str>)> = Vec::new();
    for (name, relation, expression) in [
        ("xy", Relation::Sufficiency, "DEV*LIT*STB"),
        ("necessity", Relation::Necessity, "LIT"),
    ] {
        let svg = fsqca::plot::xy_plot_of(
            &expression.parse().expect("expression"),
            &data,
            "SURV",
            relation,
        )
        .expect("plot");
        pictures.push((name.to_owned(), svg, cases.clone()));
    }
    let (_, solution) = lf_parsimonious();
    for (i, panel) in pimplot(&solution.models()[0], &data, "SURV")
        .expect("pimplot")
        .into_iter()
        .enumerate()
    {
        pictures.push((format!("pimplot {i}"), panel.svg, cases.clone()));
    }
    let svg =
        distribution_plot(&data, "DEV", Thresholds::new(0.2, 0.5, 0.8).unwrap()).expect("plot");
    pictures.push(("distribution".to_owned(), svg, cases.clone()));
    let names: Vec<Vec<String>> = (2..=7).map(crisp_conditions).collect();
    for k in 2..=7 {
        let tt = TruthTableOptions::default()
            .incl_cutoffs(0.9, 0.4)
            .build(&crisp_data(k), "Y", &crisp_conditions(k))
            .expect("truth table");
        let labels = names[k - 2].iter().map(String::as_str).collect();
        pictures.push((
            format!("venn {k}"),
            venn_diagram(&tt).expect("venn"),
            labels,
        ));
    }
    // The README's pictures (examples/xyplot.rs).
    for (file, labels) in [
        (
            "khanal_xy.svg",
            vec!["typical (18)", "deviant coverage (6)", "irrelevant (6)"],
        ),
        ("khanal_sweep.svg", vec!["incl_cut", "inclS", "covS"]),
    ] {
        let path = format!("{}/docs/{file}", env!("CARGO_MANIFEST_DIR"));
        let svg = std::fs::read_to_string(&path).expect("README picture");
        pictures.push((file.to_owned(), svg, labels));
    }
    // The Khanal configuration charts (examples/khanal), each naming every condition and
    // the fit rows.
    for outcome in [
        "diffusion",
        "intensity_chart_1",
        "intensity_chart_2",
        "breadth_chart_1",
        "breadth_chart_2",
    ] {
        let file = if outcome == "diffusion" {
            "diffusion_chart.svg".to_owned()
        } else {
            format!("{outcome}.svg")
        };
        let path = format!("{}/docs/khanal/{file}", env!("CARGO_MANIFEST_DIR"));
        let svg = std::fs::read_to_string(&path).expect("Khanal chart");
        let labels = vec![
            "E",
            "U",
            "G",
            "P",
            "Consistency",
            "Raw coverage",
            "Unique coverage",
        ];
        pictures.push((file, svg, labels));
    }
    // The robustness XY plot of an incl.cut sweep of LF.
    let mut analysis = fsqca::robustness::Analysis::new(data.clone(), "SURV")
        .truth_table_options(TruthTableOptions::default().incl_cutoff(0.8));
    for c in ["DEV", "URB", "LIT", "IND", "STB"] {
        analysis = analysis.membership_condition(c);
    }
    let sweep = analysis
        .sweep(&[fsqca::robustness::ParameterGrid::new(
            fsqca::robustness::Parameter::InclCut,
            vec![0.7, 0.75, 0.85, 0.9],
        )
        .expect("grid")])
        .expect("sweep");
    let robustness = sweep
        .case_robustness(fsqca::robustness::TestSetReading::AllTests)
        .expect("case robustness");
    let svg =
        fsqca::plot::robustness_plot(&robustness, fsqca::plot::TestSetAxis::ByInitialSolution)
            .expect("robustness plot");
    pictures.push(("robustness".to_owned(), svg, cases.clone()));
    let batch: Vec<(&str, &str, &[&str])> = pictures
        .iter()
        .map(|(n, s, l)| (n.as_str(), s.as_str(), l.as_slice()))
        .collect();
    svg_check::assert_svgs_render(&batch);
}

/// The rendering check is not vacuous: a picture whose plot area is empty fails it (where
/// Chromium runs at all).
#[test]
fn a_blank_picture_fails_the_rendering_check() {
    let blank = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"400\">\
                 <text x=\"5\" y=\"15\">title</text></svg>";
    let result = std::panic::catch_unwind(|| svg_check::assert_svg_renders(blank, &["title"]));
    if std::path::Path::new(svg_check::CHROMIUM).exists() {
        let message = result.expect_err("a blank picture must fail");
        let message = message
            .downcast_ref::<String>()
            .cloned()
            .unwrap_or_default();
        assert!(message.contains("blank"), "{message}");
    } else {
        eprintln!("skipping: {} is not installed", svg_check::CHROMIUM);
    }
}

/// Nor is the label check: a label placed outside the picture is in the SVG's text but not
/// drawn in it, and fails (where Chromium runs at all).
#[test]
fn a_label_outside_the_picture_fails_the_rendering_check() {
    let outside = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"400\">\
                   <rect x=\"50\" y=\"50\" width=\"300\" height=\"300\" fill=\"black\"/>\
                   <text x=\"5\" y=\"15\">title</text>\
                   <text x=\"900\" y=\"15\">far away</text></svg>";
    let result =
        std::panic::catch_unwind(|| svg_check::assert_svg_renders(outside, &["title", "far away"]));
    if std::path::Path::new(svg_check::CHROMIUM).exists() {
        let message = result.expect_err("a label outside the picture must fail");
        let message = message
            .downcast_ref::<String>()
            .cloned()
            .unwrap_or_default();
        assert!(message.contains("\"far away\" is not drawn"), "{message}");
        svg_check::assert_svg_renders(outside, &["title"]);
    } else {
        eprintln!("skipping: {} is not installed", svg_check::CHROMIUM);
    }
}

/// Connectedness seen from outside the construction: a grid over the square, each point's
/// zone found from the drawn outlines, and each zone's points joined by 4-neighbours. All of a
/// zone's points but a few at its thin tips (where the grid is coarser than the zone) are in
/// one component: a zone in two parts, or pinched to a point, would split it in halves.
#[test]
fn every_venn_zone_is_one_piece_on_a_grid() {
    const N: usize = 400;
    for k in 2..=7 {
        let venn = VennLayout::new(k).expect("layout");
        let at = |i: usize| -1.4 + 2.8 * (i as f64 + 0.5) / N as f64;
        let zone: Vec<usize> = (0..N * N)
            .map(|c| {
                let p = (at(c % N), at(c / N));
                (0..k)
                    .filter(|&j| inside(p, &venn.sets()[j].outline))
                    .map(|j| 1 << j)
                    .sum()
            })
            .collect();
        let mut component = vec![usize::MAX; N * N];
        let mut sizes: Vec<(usize, usize)> = Vec::new(); // (zone, size) per component
        for start in 0..N * N {
            if component[start] != usize::MAX {
                continue;
            }
            let id = sizes.len();
            let mut stack = vec![start];
            component[start] = id;
            let mut size = 0;
            while let Some(c) = stack.pop() {
                size += 1;
                let (x, y) = (c % N, c / N);
                let neighbours = [
                    (x > 0).then(|| c - 1),
                    (x + 1 < N).then(|| c + 1),
                    (y > 0).then(|| c - N),
                    (y + 1 < N).then(|| c + N),
                ];
                for n in neighbours.into_iter().flatten() {
                    if component[n] == usize::MAX && zone[n] == zone[c] {
                        component[n] = id;
                        stack.push(n);
                    }
                }
            }
            sizes.push((zone[start], size));
        }
        for z in 0..1usize << k {
            let parts: Vec<usize> = sizes.iter().filter(|s| s.0 == z).map(|s| s.1).collect();
            let total: usize = parts.iter().sum();
            let largest = parts.iter().copied().max().unwrap_or(0);
            assert!(total > 0, "k {k}: zone {z:b} has no grid point");
            assert!(
                largest * 100 >= total * 95,
                "k {k}: zone {z:b} in pieces {parts:?}"
            );
        }
    }
}

/// Cases at the same point get their labels one line apart, not on top of each other.
#[test]
fn labels_of_cases_at_one_point_do_not_overlap() {
    let x = FuzzySet::new("X", vec![0.9, 0.9, 0.9, 0.2]).expect("set");
    let y = FuzzySet::new("Y", vec![0.95, 0.95, 0.95, 0.1]).expect("set");
    let cases: Vec<String> = ["one", "two", "three", "far"].map(String::from).to_vec();
    let svg = xy_plot(&x, &y, &cases, Relation::Sufficiency).expect("plot");
    let doc = roxmltree::Document::parse(&svg).expect("XML");
    let mut rows: Vec<i64> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter(|n| matches!(n.text().map(str::trim), Some("one" | "two" | "three")))
        .map(|n| n.attribute("y").and_then(|v| v.parse().ok()).expect("y"))
        .collect();
    rows.sort_unstable();
    assert_eq!(rows.len(), 3);
    assert!(rows.windows(2).all(|w| w[1] - w[0] >= 12), "{rows:?}");
}
