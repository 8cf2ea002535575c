//! Calibrating a raw column: the direct method, crisp thresholds and ranks.
//!
//! The raw column is GDP per capita (yuan) of 30 Chinese provinces, from Table 2 of Khanal,
//! Zhang & Taeihagh (embedded). Three ways to turn it into a set "rich province":
//!
//! 1. the direct method (Ragin 2008): a logistic curve through full exclusion (6,000 yuan),
//!    the crossover (12,000) and full inclusion (20,000); these are the anchors of the paper's
//!    Appendix A, whose printed column this reproduces;
//! 2. a crisp set: in from 12,000 yuan;
//! 3. ranks first (1 = richest), then the direct method on the ranks: a decreasing set, since
//!    a low rank is good (exclusion 25 > crossover 14.5 > inclusion 6).
//!
//! Run: `cargo run --example calibrate`

use fsqca::calibration::{rank, Crisp, DirectOptions, RankOrder, Thresholds, Ties};
use fsqca::Dataset;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let raw = Dataset::from_reader(include_str!("../data/khanal/table2_raw.csv").as_bytes())?;
    let printed =
        Dataset::from_reader(include_str!("../data/khanal/appendix_a_printed.csv").as_bytes())?;
    let gdp = raw.column("gdppc")?;

    // 1. Direct method on the raw values: e < c < i, an increasing set.
    let direct = DirectOptions::new().calibrate(gdp, Thresholds::new(6000.0, 12000.0, 20000.0)?)?;
    // 2. Crisp: one threshold, value >= 12,000 is in.
    let crisp = Crisp::new([12000.0])?.calibrate(gdp)?;
    // 3. Ranks (ties at their highest position), then a decreasing direct calibration.
    let ranks = rank(gdp, RankOrder::HighestFirst, Ties::Max)?;
    let on_ranks = DirectOptions::new().calibrate(&ranks, Thresholds::new(25.0, 14.5, 6.0)?)?;

    let appendix = printed.column("gdppc")?;
    println!("province         GDPpc  direct  (Appendix A)  crisp  rank  on rank");
    for (k, case) in raw.cases().iter().enumerate() {
        println!(
            "{case:<15} {:>6}  {:.3}   ({:.3})        {}      {:>2}    {:.3}",
            gdp[k], direct[k], appendix[k], crisp[k], ranks[k], on_ranks[k]
        );
    }
    let worst = direct
        .iter()
        .zip(appendix.iter())
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max);
    println!("\nlargest difference from Appendix A's printed GDPpc column: {worst:.6}");
    Ok(())
}
