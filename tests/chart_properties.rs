//! Properties of configuration charts on random problems, and the structure of every output
//! format: LaTeX environments and braces balanced with `_ & % #` escaped, Markdown rows with
//! the header's column count, HTML and SVG that parse (roxmltree: a strict XML parser, so an
//! unbalanced or unescaped element fails where an HTML5 parser would repair it) and name every
//! condition.

use std::collections::BTreeSet;

use fsqca::chart::{configuration_charts, ConditionClass, ConfigurationChart};
use fsqca::solution::{SolutionOptions, SolutionType};
use fsqca::table::{Align, Cell, Mark, Table, TableFormat};
use fsqca::{Dataset, TruthTableOptions};
use proptest::prelude::*;

const NAMES: [&str; 5] = ["A_1", "B", "C", "D", "E"];

/// The charts of random data: `k` conditions, the outcome, expectations `A` or `~A`.
fn charts_of(
    k: usize,
    values: &[Vec<f64>],
    outcome: &[f64],
    signs: &[bool],
) -> Option<Vec<ConfigurationChart>> {
    let mut columns: Vec<(&str, Vec<f64>)> = NAMES[..k]
        .iter()
        .zip(values)
        .map(|(n, v)| (*n, v.clone()))
        .collect();
    columns.push(("Y", outcome.to_vec()));
    let data = Dataset::from_columns(columns).ok()?;
    let tt = TruthTableOptions::default()
        .incl_cutoff(0.75)
        .build(&data, "Y", &NAMES[..k])
        .ok()?;
    let expectations: Vec<String> = NAMES[..k]
        .iter()
        .zip(signs)
        .map(|(n, s)| if *s { (*n).to_owned() } else { format!("~{n}") })
        .collect();
    let intermediate = SolutionOptions::new(SolutionType::Intermediate)
        .directional_expectations(expectations.join(", ").parse().ok()?)
        .solve(&tt)
        .ok()?;
    let parsimonious = SolutionOptions::new(SolutionType::Parsimonious)
        .solve(&tt)
        .ok()?;
    Some(configuration_charts(&intermediate, &parsimonious).expect("a chart of one truth table"))
}

fn literals(term: &str) -> BTreeSet<String> {
    term.split('*').map(str::to_owned).collect()
}

fn literal(condition: &str, class: ConditionClass) -> String {
    match class {
        ConditionClass::CoreAbsent | ConditionClass::PeripheralAbsent => format!("~{condition}"),
        _ => condition.to_owned(),
    }
}

fn problem() -> impl Strategy<Value = (usize, Vec<Vec<f64>>, Vec<f64>, Vec<bool>)> {
    (3usize..=5, 6usize..=14).prop_flat_map(|(k, n)| {
        let member = prop::sample::select(vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        (
            Just(k),
            prop::collection::vec(prop::collection::vec(member.clone(), n), k),
            prop::collection::vec(member, n),
            prop::collection::vec(any::<bool>(), k),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A core condition is in a parsimonious term of the configuration's core (with its sign),
    /// and the conditions of the chart are exactly those of the intermediate term.
    #[test]
    fn core_conditions_are_parsimonious_and_all_are_intermediate((k, values, outcome, signs) in problem()) {
        let Some(charts) = charts_of(k, &values, &outcome, &signs) else { return Ok(()) };
        for chart in &charts {
            let parsimonious: Vec<BTreeSet<String>> =
                chart.parsimonious_expression.split(" + ").map(literals).collect();
            for c in &chart.configurations {
                let term = literals(&c.term);
                let mut in_chart = BTreeSet::new();
                for (condition, class) in chart.conditions.iter().zip(c.classes.iter().copied()) {
                    if !class.is_in_term() {
                        continue;
                    }
                    let lit = literal(condition, class);
                    if class.is_core() {
                        prop_assert!(c.core.iter().any(|p| literals(p).contains(&lit)),
                            "core {lit} of {} in none of {:?}", c.term, c.core);
                    }
                    in_chart.insert(lit);
                }
                prop_assert_eq!(&in_chart, &term);
                for core in &c.core {
                    let core = literals(core);
                    prop_assert!(parsimonious.contains(&core));
                    prop_assert!(core.is_subset(&term));
                }
            }
        }
    }
}

/// Checks that `\begin{x}` and `\end{x}` nest, that braces balance (escaped `\{ \}` aside),
/// and that `_ & % #` appear escaped or as column separators only.
fn check_latex(latex: &str, columns: usize) {
    let mut stack = Vec::new();
    let mut depth = 0i32;
    let mut prev = ' ';
    for c in latex.chars() {
        if prev == '\\' && "{}_&%#$".contains(c) {
            prev = ' ';
            continue;
        }
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        assert!(depth >= 0, "unbalanced braces in\n{latex}");
        prev = c;
    }
    assert_eq!(depth, 0, "unbalanced braces in\n{latex}");
    for line in latex.lines() {
        if let Some(rest) = line.strip_prefix("\\begin{") {
            stack.push(rest[..rest.find('}').unwrap()].to_owned());
        } else if let Some(rest) = line.strip_prefix("\\end{") {
            assert_eq!(
                stack.pop().as_deref(),
                Some(&rest[..rest.find('}').unwrap()])
            );
        }
        let mut prev = ' ';
        let mut separators = 0;
        for c in line.chars() {
            if "_%#".contains(c) {
                assert_eq!(prev, '\\', "unescaped {c} in {line}");
            }
            if c == '&' && prev != '\\' {
                separators += 1;
            }
            prev = c;
        }
        if line.ends_with("\\\\") {
            assert_eq!(separators, columns - 1, "{line}");
        }
    }
    assert!(stack.is_empty(), "unclosed environments {stack:?}");
    for rule in ["\\toprule", "\\midrule", "\\bottomrule"] {
        assert!(latex.contains(rule));
    }
}

/// Checks every row of a pipe table has `columns` cells (unescaped `|` separate them).
fn check_markdown(markdown: &str, columns: usize) {
    let rows: Vec<&str> = markdown.lines().filter(|l| l.starts_with('|')).collect();
    assert!(rows.len() >= 2);
    for row in rows {
        let mut bars = 0;
        let mut prev = ' ';
        for c in row.chars() {
            if c == '|' && prev != '\\' {
                bars += 1;
            }
            prev = if prev == '\\' { ' ' } else { c };
        }
        assert_eq!(bars, columns + 1, "{row}");
    }
}

/// The text content of an XML document (HTML table or SVG).
fn xml_text(document: &str) -> String {
    let doc = roxmltree::Document::parse(document).unwrap_or_else(|e| panic!("{e}:\n{document}"));
    doc.descendants()
        .filter(roxmltree::Node::is_text)
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("\n")
}

const AWKWARD: &str = "x_1 & 50% #2 $a {b} ~c ^d \\e |f *g* <h>";

#[test]
fn awkward_labels_are_escaped_in_every_format() {
    let mut table = Table::new([AWKWARD, "incl"], [Align::Left, Align::Right])
        .unwrap()
        .with_caption(AWKWARD)
        .with_note(AWKWARD);
    table
        .push_row(vec![Cell::from(AWKWARD), Cell::Number(Some(0.123456))])
        .unwrap();
    table
        .push_footer_row(vec![Cell::Mark(Mark::LargeCrossed), Cell::Number(None)])
        .unwrap();
    let latex = table.render(TableFormat::Latex, 2);
    check_latex(&latex, 2);
    assert!(latex.contains(
        r"x\_1 \& 50\% \#2 \$a \{b\} \textasciitilde{}c \textasciicircum{}d \textbackslash{}e |f *g* <h> & 0.12 \\"
    ));
    let markdown = table.render(TableFormat::Markdown, 2);
    check_markdown(&markdown, 2);
    assert!(markdown.contains(r"x\_1 & 50% #2 $a {b} \~c ^d \\e \|f \*g\* \<h\>"));
    let html = table.render(TableFormat::Html, 2);
    let text = xml_text(&html);
    assert_eq!(text.matches(AWKWARD).count(), 4, "{text}");
    assert!(text.contains("0.12"));
    let plain = table.render(TableFormat::Text, 2);
    assert_eq!(plain.matches(AWKWARD).count(), 4);
}

fn example_charts() -> Vec<ConfigurationChart> {
    let data = Dataset::from_columns([
        ("A_1", vec![1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0]),
        ("B", vec![1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0]),
        ("C", vec![1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0]),
        ("Y", vec![1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]),
    ])
    .unwrap();
    let tt = TruthTableOptions::default()
        .build(&data, "Y", &["A_1", "B", "C"])
        .unwrap();
    let intermediate = SolutionOptions::new(SolutionType::Intermediate)
        .directional_expectations("A_1, B, C".parse().unwrap())
        .solve(&tt)
        .unwrap();
    let parsimonious = SolutionOptions::new(SolutionType::Parsimonious)
        .solve(&tt)
        .unwrap();
    configuration_charts(&intermediate, &parsimonious).unwrap()
}

#[test]
fn chart_outputs_are_well_formed_and_name_every_condition() {
    for chart in example_charts() {
        let columns = chart.configurations.len() + 1;
        check_latex(&chart.render(TableFormat::Latex, 3), columns);
        check_markdown(&chart.render(TableFormat::Markdown, 3), columns);
        let html = xml_text(&chart.render(TableFormat::Html, 3));
        let svg = xml_text(&chart.svg(3).unwrap());
        for text in [&html, &svg] {
            for condition in &chart.conditions {
                assert!(
                    text.lines().any(|l| l == condition),
                    "{condition} missing in {text}"
                );
            }
            for c in &chart.configurations {
                assert!(text.lines().any(|l| l == c.label), "{} missing", c.label);
            }
            assert!(text.contains("Solution consistency"));
        }
    }
}

#[test]
fn solutions_of_different_outcomes_are_refused() {
    let data = Dataset::from_columns([
        ("A", vec![1.0, 1.0, 0.0, 0.0]),
        ("B", vec![1.0, 0.0, 1.0, 0.0]),
        ("Y", vec![1.0, 0.0, 0.0, 0.0]),
        ("Z", vec![1.0, 1.0, 0.0, 0.0]),
    ])
    .unwrap();
    let options = TruthTableOptions::default();
    let tt_y = options.clone().build(&data, "Y", &["A", "B"]).unwrap();
    let tt_z = options.build(&data, "Z", &["A", "B"]).unwrap();
    let intermediate = SolutionOptions::new(SolutionType::Intermediate)
        .directional_expectations("A, B".parse().unwrap())
        .solve(&tt_y)
        .unwrap();
    let parsimonious = SolutionOptions::new(SolutionType::Parsimonious)
        .solve(&tt_z)
        .unwrap();
    let err = configuration_charts(&intermediate, &parsimonious).unwrap_err();
    assert_eq!(
        err,
        fsqca::chart::ChartError::OutcomeMismatch {
            intermediate: "Y".into(),
            parsimonious: "Z".into()
        }
    );
}

#[test]
fn a_term_outside_the_parsimonious_model_is_named() {
    // Same outcome and conditions, different cut-offs: the intermediate solution of the
    // lenient table has a term the strict parsimonious model does not imply.
    let data = Dataset::from_columns([
        ("A", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
        ("B", vec![1.0, 0.0, 1.0, 0.0, 0.0]),
        ("Y", vec![1.0, 1.0, 1.0, 0.0, 0.0]),
    ])
    .unwrap();
    let lenient = TruthTableOptions::default()
        .incl_cutoff(0.5)
        .build(&data, "Y", &["A", "B"])
        .unwrap();
    let strict = TruthTableOptions::default()
        .build(&data, "Y", &["A", "B"])
        .unwrap();
    let intermediate = SolutionOptions::new(SolutionType::Intermediate)
        .directional_expectations("A, B".parse().unwrap())
        .solve(&lenient)
        .unwrap();
    let parsimonious = SolutionOptions::new(SolutionType::Parsimonious)
        .solve(&strict)
        .unwrap();
    let err = configuration_charts(&intermediate, &parsimonious).unwrap_err();
    assert!(
        matches!(&err, fsqca::chart::ChartError::NotSubsumed { term, .. } if term == "A"),
        "{err}: intermediate {:?}, parsimonious {:?}",
        intermediate.models()[0].expression().to_string(),
        parsimonious.models()[0].expression().to_string()
    );
}
