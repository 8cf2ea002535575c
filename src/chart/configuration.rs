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
/// let configuration = &charts[0].get_configurations()[0];
/// assert_eq!(configuration.get_term(), "A*B");
/// assert_eq!(configuration.get_label(), "1");
/// assert_eq!(configuration.get_classes(), [ConditionClass::CorePresent, ConditionClass::CorePresent]);
/// assert_eq!(configuration.get_incl(), Some(1.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Configuration {
    pub(super) label: String,
    pub(super) term: String,
    pub(super) core: Vec<String>,
    pub(super) classes: Vec<ConditionClass>,
    pub(super) incl: Option<f64>,
    pub(super) pri: Option<f64>,
    pub(super) cov: Option<f64>,
    pub(super) cov_unique: Option<f64>,
}

impl Configuration {
    /// The label: the number of its group of configurations sharing a core, with a letter
    /// when the group has several (Fiss's neutral permutations `1a`, `1b`).
    ///
    /// # Example
    /// ```
    /// # use fsqca::chart::configuration_charts;
    /// # use fsqca::solution::{SolutionOptions, SolutionType};
    /// # use fsqca::{Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0, 0.0, 1.0]),
    /// #     ("C", vec![1.0, 1.0, 0.0, 0.0, 0.0]),
    /// #     ("Y", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B", "C"])?;
    /// # let intermediate = SolutionOptions::new(SolutionType::Intermediate)
    /// #     .directional_expectations("A, B, C".parse()?)
    /// #     .solve(&tt)?;
    /// # let parsimonious = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// // The chart of A*B + A*C (intermediate) on A (parsimonious).
    /// let chart = &configuration_charts(&intermediate, &parsimonious)?[0];
    /// let c = &chart.get_configurations()[1];
    /// assert_eq!(c.get_label(), "1b");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_label(&self) -> &str {
        &self.label
    }

    /// The intermediate term, e.g. `A*~B*C`.
    ///
    /// # Example
    /// ```
    /// # use fsqca::chart::configuration_charts;
    /// # use fsqca::solution::{SolutionOptions, SolutionType};
    /// # use fsqca::{Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0, 0.0, 1.0]),
    /// #     ("C", vec![1.0, 1.0, 0.0, 0.0, 0.0]),
    /// #     ("Y", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B", "C"])?;
    /// # let intermediate = SolutionOptions::new(SolutionType::Intermediate)
    /// #     .directional_expectations("A, B, C".parse()?)
    /// #     .solve(&tt)?;
    /// # let parsimonious = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// // The chart of A*B + A*C (intermediate) on A (parsimonious).
    /// let chart = &configuration_charts(&intermediate, &parsimonious)?[0];
    /// let c = &chart.get_configurations()[1];
    /// assert_eq!(c.get_term(), "A*C");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_term(&self) -> &str {
        &self.term
    }

    /// The parsimonious terms the intermediate term implies (its core).
    ///
    /// # Example
    /// ```
    /// # use fsqca::chart::configuration_charts;
    /// # use fsqca::solution::{SolutionOptions, SolutionType};
    /// # use fsqca::{Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0, 0.0, 1.0]),
    /// #     ("C", vec![1.0, 1.0, 0.0, 0.0, 0.0]),
    /// #     ("Y", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B", "C"])?;
    /// # let intermediate = SolutionOptions::new(SolutionType::Intermediate)
    /// #     .directional_expectations("A, B, C".parse()?)
    /// #     .solve(&tt)?;
    /// # let parsimonious = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// // The chart of A*B + A*C (intermediate) on A (parsimonious).
    /// let chart = &configuration_charts(&intermediate, &parsimonious)?[0];
    /// let c = &chart.get_configurations()[1];
    /// assert_eq!(c.get_core(), ["A"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_core(&self) -> &[String] {
        &self.core
    }

    /// The class of each condition, in the order of the chart's conditions.
    ///
    /// # Example
    /// ```
    /// # use fsqca::chart::configuration_charts;
    /// # use fsqca::solution::{SolutionOptions, SolutionType};
    /// # use fsqca::{Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0, 0.0, 1.0]),
    /// #     ("C", vec![1.0, 1.0, 0.0, 0.0, 0.0]),
    /// #     ("Y", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B", "C"])?;
    /// # let intermediate = SolutionOptions::new(SolutionType::Intermediate)
    /// #     .directional_expectations("A, B, C".parse()?)
    /// #     .solve(&tt)?;
    /// # let parsimonious = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// // The chart of A*B + A*C (intermediate) on A (parsimonious).
    /// let chart = &configuration_charts(&intermediate, &parsimonious)?[0];
    /// # use fsqca::chart::ConditionClass;
    /// let c = &chart.get_configurations()[1];
    /// assert_eq!(c.get_classes(), [ConditionClass::CorePresent, ConditionClass::DontCare, ConditionClass::PeripheralPresent]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_classes(&self) -> &[ConditionClass] {
        &self.classes
    }

    /// Raw consistency (sufficiency inclusion) of the term; `None` when undefined.
    ///
    /// # Example
    /// ```
    /// # use fsqca::chart::configuration_charts;
    /// # use fsqca::solution::{SolutionOptions, SolutionType};
    /// # use fsqca::{Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0, 0.0, 1.0]),
    /// #     ("C", vec![1.0, 1.0, 0.0, 0.0, 0.0]),
    /// #     ("Y", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B", "C"])?;
    /// # let intermediate = SolutionOptions::new(SolutionType::Intermediate)
    /// #     .directional_expectations("A, B, C".parse()?)
    /// #     .solve(&tt)?;
    /// # let parsimonious = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// // The chart of A*B + A*C (intermediate) on A (parsimonious).
    /// let chart = &configuration_charts(&intermediate, &parsimonious)?[0];
    /// let c = &chart.get_configurations()[1];
    /// assert_eq!(c.get_incl(), Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_incl(&self) -> Option<f64> {
        self.incl
    }

    /// PRI of the term; `None` when undefined.
    ///
    /// # Example
    /// ```
    /// # use fsqca::chart::configuration_charts;
    /// # use fsqca::solution::{SolutionOptions, SolutionType};
    /// # use fsqca::{Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0, 0.0, 1.0]),
    /// #     ("C", vec![1.0, 1.0, 0.0, 0.0, 0.0]),
    /// #     ("Y", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B", "C"])?;
    /// # let intermediate = SolutionOptions::new(SolutionType::Intermediate)
    /// #     .directional_expectations("A, B, C".parse()?)
    /// #     .solve(&tt)?;
    /// # let parsimonious = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// // The chart of A*B + A*C (intermediate) on A (parsimonious).
    /// let chart = &configuration_charts(&intermediate, &parsimonious)?[0];
    /// let c = &chart.get_configurations()[1];
    /// assert_eq!(c.get_pri(), Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_pri(&self) -> Option<f64> {
        self.pri
    }

    /// Raw coverage of the term; `None` when undefined.
    ///
    /// # Example
    /// ```
    /// # use fsqca::chart::configuration_charts;
    /// # use fsqca::solution::{SolutionOptions, SolutionType};
    /// # use fsqca::{Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0, 0.0, 1.0]),
    /// #     ("C", vec![1.0, 1.0, 0.0, 0.0, 0.0]),
    /// #     ("Y", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B", "C"])?;
    /// # let intermediate = SolutionOptions::new(SolutionType::Intermediate)
    /// #     .directional_expectations("A, B, C".parse()?)
    /// #     .solve(&tt)?;
    /// # let parsimonious = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// // The chart of A*B + A*C (intermediate) on A (parsimonious).
    /// let chart = &configuration_charts(&intermediate, &parsimonious)?[0];
    /// let c = &chart.get_configurations()[1];
    /// assert!(c.get_cov().is_some_and(|v| (v - 2.0 / 3.0).abs() < 1e-12));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_cov(&self) -> Option<f64> {
        self.cov
    }

    /// Unique coverage of the term within its model; `None` when undefined.
    ///
    /// # Example
    /// ```
    /// # use fsqca::chart::configuration_charts;
    /// # use fsqca::solution::{SolutionOptions, SolutionType};
    /// # use fsqca::{Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0, 0.0, 1.0]),
    /// #     ("C", vec![1.0, 1.0, 0.0, 0.0, 0.0]),
    /// #     ("Y", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B", "C"])?;
    /// # let intermediate = SolutionOptions::new(SolutionType::Intermediate)
    /// #     .directional_expectations("A, B, C".parse()?)
    /// #     .solve(&tt)?;
    /// # let parsimonious = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// // The chart of A*B + A*C (intermediate) on A (parsimonious).
    /// let chart = &configuration_charts(&intermediate, &parsimonious)?[0];
    /// let c = &chart.get_configurations()[1];
    /// assert!(c.get_cov_unique().is_some_and(|v| (v - 1.0 / 3.0).abs() < 1e-12));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_cov_unique(&self) -> Option<f64> {
        self.cov_unique
    }
}
