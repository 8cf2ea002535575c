//! The README's pictures of the Khanal analysis (written by `examples/xyplot.rs` to `docs/`,
//! checked against `docs/` by `tests/khanal_docs.rs`): the XY plot of the diffusion paths
//! `U + E*P` (the calibration the paper's tables imply) and the chart of a sweep of the
//! inclusion cut-off.

use fsqca::plot::{sweep_chart, xy_plot_of};
use fsqca::robustness::{Parameter, ParameterGrid};
use fsqca::Relation;

use crate::report::{self, BoxResult};

/// The file names under `docs/` and the SVG documents.
pub fn pictures() -> BoxResult<[(&'static str, String); 2]> {
    let data = report::khanal_data(report::IMPLIED)?;
    let xy = xy_plot_of(
        &"U + E*P".parse()?,
        &data,
        "diffusion",
        Relation::Sufficiency,
    )?;
    let analysis = report::analysis(report::rank_data()?, "diffusion")?;
    let (lo, hi, n) = report::INCL_SWEEP;
    let sweep = analysis.sweep(&[ParameterGrid::span(Parameter::InclCut, lo, hi, n)?])?;
    let chart = sweep_chart(&sweep, &Parameter::InclCut)?;
    Ok([("khanal_xy.svg", xy), ("khanal_sweep.svg", chart)])
}
