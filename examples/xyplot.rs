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

#[path = "khanal/readme_pictures.rs"]
mod readme_pictures;

use std::path::PathBuf;

use fsqca::plot::write_svg;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "docs".to_owned()));
    std::fs::create_dir_all(&dir)?;
    for (name, svg) in readme_pictures::pictures()? {
        write_svg(dir.join(name), &svg)?;
        println!("wrote {}", dir.join(name).display());
    }
    Ok(())
}
