//! The tables and configuration charts of the Khanal replication, for `docs/khanal/`: per
//! outcome (diffusion, intensity, breadth) the truth table and the necessity table (Markdown
//! and LaTeX), and the configuration chart of the intermediate solution (E, U, G, P expected
//! present) on the parsimonious one (Markdown, LaTeX, SVG). `cargo run --release --example
//! khanal` writes them; `tests/khanal_docs.rs` regenerates them in memory and fails if the
//! files drift.

use fsqca::chart::configuration_charts;
use fsqca::fit;
use fsqca::table::{necessity_table, truth_table_table, TableFormat};
use fsqca::SolutionType;

use crate::report::{khanal_data, solve, truth_table, BoxResult, IMPLIED};

/// Where the documents go, relative to the crate root.
pub const DIR: &str = "docs/khanal";

/// Decimals of the documents.
const DIGITS: usize = 3;

/// Every document: its file name in [`DIR`] and its content.
pub fn documents() -> BoxResult<Vec<(String, String)>> {
    let data = khanal_data(IMPLIED)?;
    let mut out = Vec::new();
    for outcome in ["diffusion", "intensity", "breadth"] {
        let tt = truth_table(&data, outcome)?;
        let table = truth_table_table(&tt);
        out.push((
            format!("{outcome}_truth_table.md"),
            table.render(TableFormat::Markdown, DIGITS),
        ));
        out.push((
            format!("{outcome}_truth_table.tex"),
            table.render(TableFormat::Latex, DIGITS),
        ));
        let rows = fit::necessity_table(&data, outcome, tt.conditions())?;
        let necessity = necessity_table(
            rows.iter().map(|r| (&r.expression, &r.necessity)),
            &format!("Necessity for {outcome}"),
        );
        out.push((
            format!("{outcome}_necessity.md"),
            necessity.render(TableFormat::Markdown, DIGITS),
        ));
        out.push((
            format!("{outcome}_necessity.tex"),
            necessity.render(TableFormat::Latex, DIGITS),
        ));
        let intermediate = solve(&tt, SolutionType::Intermediate)?;
        let parsimonious = solve(&tt, SolutionType::Parsimonious)?;
        let charts = configuration_charts(&intermediate, &parsimonious)?;
        for chart in &charts {
            let name = if charts.len() == 1 {
                format!("{outcome}_chart")
            } else {
                format!("{outcome}_chart_{}", chart.intermediate_model)
            };
            out.push((
                format!("{name}.md"),
                chart.render(TableFormat::Markdown, DIGITS),
            ));
            out.push((
                format!("{name}.tex"),
                chart.render(TableFormat::Latex, DIGITS),
            ));
            out.push((format!("{name}.svg"), chart.svg(DIGITS)?));
        }
    }
    Ok(out)
}
