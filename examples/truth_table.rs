//! Building and printing a truth table.
//!
//! The data are Lipset's conditions of the survival of democracy in inter-war Europe, in fuzzy
//! sets (Ragin 2009; the `LF` data of R's QCA package, copied in `tests/fixtures`): development
//! (DEV), urbanization (URB), literacy (LIT), industrialization (IND), government stability (STB) and
//! the outcome, survival (SURV), for 18 countries.
//!
//! A case belongs to the truth-table row (corner of the property space) where its membership is
//! above 0.5 in every condition's state. A row is positive (OUT 1) when its cases are
//! consistently a subset of the outcome: inclusion at least 0.8 here.
//!
//! Run: `cargo run --example truth_table`

use fsqca::{Dataset, OutputValue, SortKey, TruthTableOptions};

/// The Lipset data (Dușa's QCA package, `LF`): fuzzy conditions of 18 European democracies
/// between the world wars and their survival, as shipped with the crate's reference tests.
const LF: &str = include_str!("../tests/fixtures/datasets/LF.csv");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = Dataset::from_reader(LF.as_bytes())?;
    let tt = TruthTableOptions::default()
        .incl_cutoff(0.8)
        .sort_by([SortKey::Incl, SortKey::N])
        .build(&data, "SURV", &["DEV", "URB", "LIT", "IND", "STB"])?;
    println!("{tt}");

    // Rows are values too: the positive configurations and their cases.
    for row in tt
        .rows()
        .iter()
        .filter(|r| r.out() == OutputValue::Positive)
    {
        println!(
            "positive row {:?}: {}",
            row.values(),
            row.cases().join(", ")
        );
    }
    Ok(())
}
