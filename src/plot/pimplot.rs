//! Every prime implicant of a model and the model itself, each in its XY plot.

use super::{xy_plot_of, PlotError};
use crate::{Dataset, Expression, Model, Relation};

/// One panel of a [`pimplot`]: the expression plotted (a term of the model, or the model) and
/// its XY plot.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PimPanel {
    /// The term, or the whole model for the last panel.
    pub expression: Expression,
    /// `true` for the model's panel, `false` for a term's.
    pub is_model: bool,
    /// The sufficiency XY plot of the expression against the outcome, as SVG.
    pub svg: String,
}

/// The sufficiency XY plots of every term (prime implicant) of `model` and of the model
/// itself, against `outcome` (`Y` or `~Y`), evaluated on `data` (SetMethods' `pimplot`,
/// Oana, Schneider & Thomann 2021): one SVG per term, in the model's order, then one for the
/// model. Each is an [`xy_plot`](super::xy_plot) with the zones, the guides and PRI in the title.
///
/// One SVG per panel rather than one grid of panels, so that each picture keeps the size and
/// the legibility of an XY plot and goes into a paper on its own. Unlike SetMethods, which
/// labels only the cases with X > 0.5 in a term's plot and only those with X < 0.5 in the
/// solution's, every panel labels every case: the zone markers already tell the cases apart,
/// and a reader looking for one case finds it in every panel.
///
/// # Errors
/// [`PlotError::Data`] when a term or the outcome cannot be evaluated on `data` (an unknown
/// column, a missing value); [`PlotError::Expression`] for an outcome that does not parse;
/// [`PlotError::Drawing`] if the drawing fails.
///
/// # Example
/// ```
/// use fsqca::plot::pimplot;
/// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
///
/// let data = Dataset::from_reader(
///     "case,A,B,Y\na,0.9,0.1,0.8\nb,0.2,0.8,0.9\nc,0.1,0.2,0.1\nd,0.8,0.7,0.9\n".as_bytes(),
/// )?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
/// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
/// let model = &solution.models()[0];
/// let panels = pimplot(model, &data, "Y")?;
/// assert_eq!(panels.len(), model.terms().len() + 1);
/// let title = format!("{} -&gt; Y: inclS", model.expression());
/// assert!(panels.last().is_some_and(|p| p.is_model && p.svg.contains(&title)));
/// assert!(panels.iter().all(|p| p.svg.contains("\nd\n")), "case d labelled in every panel");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn pimplot(model: &Model, data: &Dataset, outcome: &str) -> Result<Vec<PimPanel>, PlotError> {
    let terms = model
        .terms()
        .iter()
        .map(|t| (t.expression().clone(), false));
    terms
        .chain(std::iter::once((model.expression(), true)))
        .map(|(expression, is_model)| {
            let svg = xy_plot_of(&expression, data, outcome, Relation::Sufficiency)?;
            Ok(PimPanel {
                expression,
                is_model,
                svg,
            })
        })
        .collect()
}
