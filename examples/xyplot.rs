//! Draws the XY plot of Khanal et al.'s diffusion paths `U + E*P` against AI-plan diffusion
//! (30 provinces, the calibration the paper's tables imply) and the chart of a sweep of the
//! inclusion cut-off, as SVG files.
//!
//! ```text
//! cargo run --example xyplot                # writes docs/khanal_xy.svg and docs/khanal_sweep.svg
//! cargo run --example xyplot -- OUT_DIR     # writes them into OUT_DIR
//! ```

#[allow(dead_code)]
#[path = "khanal/report.rs"]
mod report;

use std::path::PathBuf;

use fsqca::plot::{sweep_chart, write_svg, xy_plot_of};
use fsqca::robustness::{Parameter, ParameterGrid};
use fsqca::Relation;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "docs".to_owned()));
    std::fs::create_dir_all(&dir)?;
    let data = report::khanal_data(report::IMPLIED)?;
    let xy = xy_plot_of(
        &"U + E*P".parse()?,
        &data,
        "diffusion",
        Relation::Sufficiency,
    )?;
    write_svg(dir.join("khanal_xy.svg"), &xy)?;
    let analysis = report::analysis(report::rank_data()?, "diffusion")?;
    let (lo, hi, n) = report::INCL_SWEEP;
    let sweep = analysis.sweep(&[ParameterGrid::span(Parameter::InclCut, lo, hi, n)?])?;
    write_svg(
        dir.join("khanal_sweep.svg"),
        &sweep_chart(&sweep, &Parameter::InclCut)?,
    )?;
    println!(
        "wrote {} and {}",
        dir.join("khanal_xy.svg").display(),
        dir.join("khanal_sweep.svg").display()
    );
    Ok(())
}
