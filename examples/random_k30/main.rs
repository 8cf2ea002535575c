//! Writes the 30-condition table of the README's speed section as CSV (600 cases by default):
//! columns `X1`..`X30` and the outcome `Y` (see `data.rs` for the rule), for timing the
//! command line on it.
//!
//! Run: `cargo run --release --example random_k30 [N] > random_k30.csv`, then e.g.
//! `fsqca minimize random_k30.csv --outcome Y --conditions X1,...,X30 --solution intermediate
//! --dir-exp 1,1,...,1`.

mod data;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n = match std::env::args().nth(1) {
        Some(text) => text.parse()?,
        None => 600,
    };
    data::dataset(n).write_csv(std::io::stdout().lock())?;
    Ok(())
}
