//! Building and printing a truth table.
//!
//! The data are Lipset's conditions of the survival of democracy in inter-war Europe, in fuzzy
//! sets (Ragin 2009; the `LF` data of R's QCA package), inline: development (DEV),
//! urbanization (URB), literacy (LIT), industrialization (IND), government stability (STB) and
//! the outcome, survival (SURV), for 18 countries.
//!
//! A case belongs to the truth-table row (corner of the property space) where its membership is
//! above 0.5 in every condition's state. A row is positive (OUT 1) when its cases are
//! consistently a subset of the outcome: inclusion at least 0.8 here.
//!
//! Run: `cargo run --example truth_table`

use fsqca::{Dataset, OutputValue, SortKey, TruthTableOptions};

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
