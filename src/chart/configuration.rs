//! One configuration (column) of a chart.

use super::class::ConditionClass;

/// One configuration of a chart: an intermediate term, its conditions classed, and its fit.
///
/// # Example
/// ```
/// use fsqca::chart::{configuration_charts, ConditionClass};
/// use fsqca::solution::{SolutionOptions, SolutionType};
/// use fsqca::{Dataset, TruthTableOptions};
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
///     ("Y", vec![1.0, 0.0, 0.0, 0.0]),
/// ])?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
/// let intermediate = SolutionOptions::new(SolutionType::Intermediate)
///     .directional_expectations("A, B".parse()?)
///     .solve(&tt)?;
/// let parsimonious = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
/// let charts = configuration_charts(&intermediate, &parsimonious)?;
/// let configuration = &charts[0].configurations[0];
/// assert_eq!(configuration.term, "A*B");
/// assert_eq!(configuration.label, "1");
/// assert_eq!(configuration.classes, [ConditionClass::CorePresent, ConditionClass::CorePresent]);
/// assert_eq!(configuration.incl, Some(1.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Configuration {
    /// The label: the number of its group of configurations sharing a core, with a letter
    /// when the group has several (Fiss's neutral permutations `1a`, `1b`).
    pub label: String,
    /// The intermediate term, e.g. `A*~B*C`.
    pub term: String,
    /// The parsimonious terms the intermediate term implies (its core).
    pub core: Vec<String>,
    /// The class of each condition, in the order of the chart's conditions.
    pub classes: Vec<ConditionClass>,
    /// Raw consistency (sufficiency inclusion) of the term; `None` when undefined.
    pub incl: Option<f64>,
    /// PRI of the term; `None` when undefined.
    pub pri: Option<f64>,
    /// Raw coverage of the term; `None` when undefined.
    pub cov: Option<f64>,
    /// Unique coverage of the term within its model; `None` when undefined.
    pub cov_unique: Option<f64>,
}
