//! Minimizing a truth table: the conservative, parsimonious and intermediate solutions.
//!
//! Data: Lipset's conditions of the survival of democracy in inter-war Europe, in fuzzy sets
//! (Ragin 2009; R QCA's `LF`), as the crate ships it in `tests/fixtures`. The truth table's
//! positive rows (inclusion at least 0.8) are minimized three ways:
//!
//! - conservative: no remainder (unobserved configuration) is assumed to lead to survival;
//! - parsimonious: any remainder that shortens the solution may be assumed (the simplifying
//!   assumptions are listed);
//! - intermediate: only remainders that agree with directional expectations, here that each
//!   condition, when present, contributes to survival (the easy counterfactuals).
//!
//! Run: `cargo run --example minimize`

use fsqca::solution::{SolutionOptions, SolutionType};
use fsqca::{Dataset, TruthTableOptions};

/// The Lipset data (Dușa's QCA package, `LF`): fuzzy conditions of 18 European democracies
/// between the world wars and their survival, as shipped with the crate's reference tests.
const LF: &str = include_str!("../tests/fixtures/datasets/LF.csv");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = Dataset::from_reader(LF.as_bytes())?;
    let tt = TruthTableOptions::default().incl_cutoff(0.8).build(
        &data,
        "SURV",
        &["DEV", "URB", "LIT", "IND", "STB"],
    )?;

    // One options value per solution type; `solve` borrows the truth table.
    let conservative = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    let parsimonious = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    let intermediate = SolutionOptions::new(SolutionType::Intermediate)
        .directional_expectations("DEV, URB, LIT, IND, STB".parse()?)
        .solve(&tt)?;

    for (name, solution) in [
        ("Conservative", &conservative),
        ("Parsimonious", &parsimonious),
        ("Intermediate", &intermediate),
    ] {
        // Display prints every model with the fit of each term and the cases it covers.
        println!("== {name} ==\n{solution}");
    }

    // The assumptions behind the shorter solutions, as configurations of the conditions.
    let model = &parsimonious.models()[0];
    println!(
        "{} rests on {} simplifying assumptions",
        model.expression(),
        model.simplifying_assumptions().count()
    );
    let model = &intermediate.models()[0];
    let easy: Vec<String> = model
        .easy_counterfactuals()
        .configurations()
        .map(|c| format!("{c:?}"))
        .collect();
    println!(
        "{} uses the easy counterfactuals {}",
        model.expression(),
        easy.join(" ")
    );
    Ok(())
}
