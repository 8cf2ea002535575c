//! Minimizing a truth table: the conservative, parsimonious and intermediate solutions.
//!
//! Data: Lipset's conditions of the survival of democracy in inter-war Europe, in fuzzy sets
//! (Ragin 2009; R QCA's `LF`), inline. The truth table's positive rows (inclusion at least 0.8)
//! are minimized three ways:
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

const LF: &str = "\
case,DEV,URB,LIT,IND,STB,SURV
AU,0.81,0.12,0.99,0.73,0.43,0.05
BE,0.99,0.89,0.98,1,0.98,0.95
CZ,0.58,0.98,0.98,0.9,0.91,0.89
EE,0.16,0.07,0.98,0.01,0.91,0.12
FI,0.58,0.03,0.99,0.08,0.58,0.77
FR,0.98,0.03,0.99,0.81,0.95,0.95
DE,0.89,0.79,0.99,0.96,0.31,0.05
GR,0.04,0.09,0.13,0.36,0.43,0.06
HU,0.07,0.16,0.88,0.07,0.13,0.42
IE,0.72,0.05,0.98,0.01,0.95,0.92
IT,0.34,0.1,0.41,0.47,0.58,0.05
NL,0.98,1,0.99,0.94,0.99,0.95
PL,0.02,0.17,0.59,0,0,0.12
PT,0.01,0.02,0.01,0.11,0.01,0.05
RO,0.01,0.03,0.17,0,0.84,0.21
ES,0.03,0.3,0.09,0.21,0.2,0.06
SE,0.95,0.13,0.99,0.67,0.91,0.95
UK,0.98,0.99,0.99,1,0.98,0.95
";

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
        model.simplifying_assumptions().len()
    );
    let model = &intermediate.models()[0];
    let easy: Vec<String> = model
        .easy_counterfactuals()
        .iter()
        .map(|c| format!("{:?}", c.values()))
        .collect();
    println!(
        "{} uses the easy counterfactuals {}",
        model.expression(),
        easy.join(" ")
    );
    Ok(())
}
