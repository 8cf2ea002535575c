//! The description of an analysis: raw data, calibration per condition, outcome, cut-offs and
//! solution type; its checks, its parameters' baseline values and grids, and its baseline run
//! ([`Analysis::solve`], and [`Prepared`], the analysis checked and calibrated once).
//!
//! The files of `robustness` build on each other, each importing only those before it:
//! `error` ← `grid` ← `test_set` ← `analysis` ← `sweep` ← `summary`. A method that computes a later
//! stage's result lives in that stage's file, with the algorithm: `Analysis::sweep` (and the
//! evaluation of one variant) in `sweep.rs`, `Sweep::summary` and the robust-core sets in
//! `summary.rs`.

use ndarray::{Array1, Array2};

use crate::calibration::{Anchor, DirectOptions, Thresholds};
use crate::solution::{DirectionalExpectations, SolutionOptions, SolutionType};
use crate::{Dataset, TruthTableOptions};

use crate::number::short;

use super::error::RobustnessError;
use super::grid::{check_variants, invalid_grid, Parameter, ParameterGrid};
use super::test_set::Alternative;

/// How a column of the raw data becomes a set.
///
/// # Example
/// ```
/// use fsqca::calibration::Thresholds;
/// use fsqca::robustness::Calibration;
///
/// let direct = Calibration::Direct(Thresholds::new(25.0, 14.5, 6.0)?);
/// assert!(matches!(direct, Calibration::Direct(_)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Calibration {
    /// The column holds memberships already (crisp, fuzzy or calibrated elsewhere): used as
    /// given, and no sweep can move it.
    Membership,
    /// The direct method on the raw column with these thresholds and the analysis's
    /// [`DirectOptions`].
    Direct(Thresholds),
}

/// One analysis to re-run under other parameters: raw data, a calibration per condition and for
/// the outcome, truth-table cut-offs and a solution type (with directional expectations for the
/// intermediate solution).
///
/// The data and the outcome are given to [`Analysis::new`]; the conditions are added one by one
/// ([`condition`](Self::condition), [`membership_condition`](Self::membership_condition)) and
/// read back with [`conditions`](Self::conditions) and [`calibration`](Self::calibration). The
/// options, their setters, their getters (an options type's getter is `get_` and its setter's
/// name) and their defaults:
///
/// | option | setter | getter | default |
/// | --- | --- | --- | --- |
/// | calibration of the outcome | [`outcome_thresholds`](Self::outcome_thresholds) | [`get_outcome_thresholds`](Self::get_outcome_thresholds) | `None`: used as given |
/// | direct calibration settings | [`direct_options`](Self::direct_options) | [`get_direct_options`](Self::get_direct_options) | [`DirectOptions::new`] (logistic, idm 0.95) |
/// | truth-table options | [`truth_table_options`](Self::truth_table_options) | [`get_truth_table_options`](Self::get_truth_table_options) | [`TruthTableOptions::new`] |
/// | solution options | [`solution_options`](Self::solution_options) | [`get_solution_options`](Self::get_solution_options) | [`SolutionOptions::default`] (conservative) |
///
/// [`validate`](Self::validate) checks the analysis before any column is calibrated; it runs
/// when the analysis runs ([`solve`](Self::solve), [`sweep`](Self::sweep)). No option is
/// changed silently. The analysis holds its data, so it has no [`Default`].
///
/// # Example
/// ```
/// use fsqca::calibration::Thresholds;
/// use fsqca::robustness::Analysis;
/// use fsqca::{Dataset, TruthTableOptions};
///
/// let data = Dataset::from_reader(
///     "case,gdp,DEM,Y\na,21000,1,0.9\nb,18500,1,0.8\nc,4000,1,0.3\nd,2500,0,0.1\ne,19500,0,0.4\n"
///         .as_bytes(),
/// )?;
/// let analysis = Analysis::new(data, "Y")
///     .condition("gdp", Thresholds::new(2500.0, 5000.0, 20000.0)?)
///     .membership_condition("DEM")
///     .truth_table_options(TruthTableOptions::default().incl_cutoff(0.8));
/// let baseline = analysis.solve()?;
/// assert_eq!(baseline.models()[0].expression().to_string(), "gdp*DEM");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Analysis {
    data: Dataset,
    conditions: Vec<(String, Calibration)>,
    outcome: String,
    outcome_calibration: Calibration,
    direct: DirectOptions,
    truth_table: TruthTableOptions,
    solution: SolutionOptions,
}

impl Analysis {
    /// An analysis of `outcome` (a column of `data`, used as given; `~Y` for its negation) with
    /// no condition yet.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::Analysis;
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let analysis = Analysis::new(data, "Y").membership_condition("A");
    /// assert_eq!(analysis.conditions(), ["A"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(data: Dataset, outcome: impl Into<String>) -> Self {
        Self {
            data,
            conditions: Vec::new(),
            outcome: outcome.into(),
            outcome_calibration: Calibration::Membership,
            direct: DirectOptions::default(),
            truth_table: TruthTableOptions::default(),
            solution: SolutionOptions::new(SolutionType::Conservative),
        }
    }

    /// Adds a condition: the raw column `name`, calibrated by the direct method with
    /// `thresholds`. The condition keeps the column's name.
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::Thresholds;
    /// use fsqca::robustness::{Analysis, Calibration};
    ///
    /// let data = fsqca::Dataset::from_columns([("x", vec![1.0, 9.0]), ("Y", vec![0.0, 1.0])])?;
    /// let analysis = Analysis::new(data, "Y").condition("x", Thresholds::new(2.0, 5.0, 8.0)?);
    /// assert!(matches!(analysis.calibration("x"), Some(Calibration::Direct(_))));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn condition(mut self, name: impl Into<String>, thresholds: Thresholds) -> Self {
        self.conditions
            .push((name.into(), Calibration::Direct(thresholds)));
        self
    }

    /// Adds a condition whose column holds memberships already.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Analysis, Calibration};
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let analysis = Analysis::new(data, "Y").membership_condition("A");
    /// assert_eq!(analysis.calibration("A"), Some(Calibration::Membership));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn membership_condition(mut self, name: impl Into<String>) -> Self {
        self.conditions.push((name.into(), Calibration::Membership));
        self
    }

    /// Calibrates the outcome's raw column by the direct method (by default it is used as
    /// given).
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::Thresholds;
    /// use fsqca::robustness::Analysis;
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("y", vec![90.0, 10.0])])?;
    /// let analysis = Analysis::new(data, "y")
    ///     .membership_condition("A")
    ///     .outcome_thresholds(Thresholds::new(20.0, 50.0, 80.0)?)
    ///     .truth_table_options(fsqca::TruthTableOptions::new().incl_cutoff(0.9));
    /// assert_eq!(analysis.get_outcome_thresholds(), Some(Thresholds::new(20.0, 50.0, 80.0)?));
    /// assert_eq!(analysis.solve()?.models()[0].expression().to_string(), "A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn outcome_thresholds(mut self, thresholds: Thresholds) -> Self {
        self.outcome_calibration = Calibration::Direct(thresholds);
        self
    }

    /// The curve of every direct calibration (default: [`DirectOptions::default`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::{Curve, DirectOptions};
    /// use fsqca::robustness::Analysis;
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("Y", vec![1.0])])?;
    /// let linear = Analysis::new(data, "Y").direct_options(DirectOptions::new().curve(Curve::Linear));
    /// assert_eq!(linear.get_direct_options().get_curve(), Curve::Linear);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn direct_options(mut self, options: DirectOptions) -> Self {
        self.direct = options;
        self
    }

    /// The truth-table options: cut-offs (default: [`TruthTableOptions::default`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::Analysis;
    /// use fsqca::TruthTableOptions;
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("Y", vec![1.0])])?;
    /// let a = Analysis::new(data, "Y").truth_table_options(TruthTableOptions::new().incl_cutoff(0.8));
    /// assert_eq!(a.get_truth_table_options().get_incl_cutoffs(), (0.8, 0.8));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn truth_table_options(mut self, options: TruthTableOptions) -> Self {
        self.truth_table = options;
        self
    }

    /// The solution options: type and directional expectations (default: conservative).
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::Analysis;
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("Y", vec![1.0])])?;
    /// let a = Analysis::new(data, "Y").solution_options(SolutionOptions::new(SolutionType::Parsimonious));
    /// assert_eq!(a.get_solution_options().get_solution_type(), SolutionType::Parsimonious);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn solution_options(mut self, options: SolutionOptions) -> Self {
        self.solution = options;
        self
    }

    /// The conditions, in the order added.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("Y", vec![1.0])])?;
    /// let a = fsqca::robustness::Analysis::new(data, "Y").membership_condition("A");
    /// assert_eq!(a.conditions(), ["A"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn conditions(&self) -> Vec<&str> {
        self.conditions.iter().map(|(n, _)| n.as_str()).collect()
    }

    /// The outcome as given (`Y` or `~Y`).
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("Y", vec![1.0])])?;
    /// assert_eq!(fsqca::robustness::Analysis::new(data, "~Y").outcome(), "~Y");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn outcome(&self) -> &str {
        &self.outcome
    }

    /// The calibration of a condition, `None` for a name that is not a condition.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("Y", vec![1.0])])?;
    /// let a = fsqca::robustness::Analysis::new(data, "Y").membership_condition("A");
    /// assert!(a.calibration("B").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn calibration(&self, condition: &str) -> Option<Calibration> {
        self.conditions
            .iter()
            .find(|(n, _)| n == condition)
            .map(|(_, c)| *c)
    }

    /// The thresholds of the outcome's direct calibration (see
    /// [`outcome_thresholds`](Self::outcome_thresholds)), `None` when the outcome is used as
    /// given.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("Y", vec![1.0])])?;
    /// let a = fsqca::robustness::Analysis::new(data, "Y");
    /// assert_eq!(a.get_outcome_thresholds(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_outcome_thresholds(&self) -> Option<Thresholds> {
        match self.outcome_calibration {
            Calibration::Direct(t) => Some(t),
            Calibration::Membership => None,
        }
    }

    /// The settings of every direct calibration (see [`direct_options`](Self::direct_options)).
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::DirectOptions;
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("Y", vec![1.0])])?;
    /// let a = fsqca::robustness::Analysis::new(data, "Y");
    /// assert_eq!(a.get_direct_options(), &DirectOptions::new());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_direct_options(&self) -> &DirectOptions {
        &self.direct
    }

    /// The truth-table options (see [`truth_table_options`](Self::truth_table_options)).
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("Y", vec![1.0])])?;
    /// let a = fsqca::robustness::Analysis::new(data, "Y");
    /// assert_eq!(a.get_truth_table_options().get_n_cutoff(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_truth_table_options(&self) -> &TruthTableOptions {
        &self.truth_table
    }

    /// The solution options (see [`solution_options`](Self::solution_options)).
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::SolutionType;
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0]), ("Y", vec![1.0])])?;
    /// let a = fsqca::robustness::Analysis::new(data, "Y");
    /// assert_eq!(a.get_solution_options().get_solution_type(), SolutionType::Conservative);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_solution_options(&self) -> &SolutionOptions {
        &self.solution
    }

    /// Checks the analysis before any column is calibrated: at least one condition, the
    /// solution options ([`SolutionOptions::validate`]), no column used twice (the outcome
    /// among the conditions included), no missing value in the columns used, and the direct
    /// calibration settings ([`DirectOptions::validate`]). [`solve`](Self::solve),
    /// [`calibrated_data`](Self::calibrated_data) and [`sweep`](Self::sweep) run this check
    /// first. The truth-table options are checked when a table is built
    /// ([`TruthTableOptions::validate`]).
    ///
    /// # Errors
    /// [`RobustnessError::NoConditions`], the solution options' errors,
    /// [`RobustnessError::DuplicateColumn`], the data's errors (an unknown column, a missing
    /// value), the calibration settings' errors; in that order.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::Analysis;
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// assert!(Analysis::new(data.clone(), "Y").validate().is_err());
    /// Analysis::new(data, "Y").membership_condition("A").validate()?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), RobustnessError> {
        self.column_names().map(|_| ())
    }

    /// The baseline value of a parameter: the anchor of a condition's thresholds, or a cut-off.
    ///
    /// # Errors
    /// [`RobustnessError::UnknownCondition`], or [`RobustnessError::NotCalibrated`] for a
    /// condition used as given.
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::Thresholds;
    /// use fsqca::robustness::{Analysis, Anchor, Parameter};
    ///
    /// let data = fsqca::Dataset::from_columns([("x", vec![1.0, 9.0]), ("Y", vec![0.0, 1.0])])?;
    /// let a = Analysis::new(data, "Y").condition("x", Thresholds::new(2.0, 5.0, 8.0)?);
    /// assert_eq!(a.value_of(&Parameter::threshold("x", Anchor::Crossover))?, 5.0);
    /// assert_eq!(a.value_of(&Parameter::InclCut)?, 1.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn value_of(&self, parameter: &Parameter) -> Result<f64, RobustnessError> {
        Ok(match parameter {
            Parameter::Threshold { condition, anchor } => {
                self.thresholds_of(condition)?.1.anchor(*anchor)
            }
            Parameter::InclCut => self.truth_table.get_incl_cutoffs().0,
            Parameter::NCut => self.truth_table.get_n_cutoff() as f64,
            Parameter::PriCut => self.truth_table.get_pri_cutoff(),
        })
    }

    /// A grid for one anchor of a condition: `points` values from the baseline anchor minus
    /// `fraction` of the range of the raw column (largest minus smallest value) to the baseline
    /// plus as much. `threshold_grid("E", Anchor::Crossover, 0.2, 21)` is "±20% of the range in
    /// 20 steps"; an odd number of points includes the baseline.
    ///
    /// # Errors
    /// [`RobustnessError::UnknownCondition`], [`RobustnessError::NotCalibrated`],
    /// [`RobustnessError::InvalidGrid`] for no point, a fraction that is negative or not
    /// finite, or a fraction so large that the grid's width (the fraction times the column's
    /// range) or bounds overflow; [`RobustnessError::TooManyVariants`] for more than
    /// [`MAX_VARIANTS`](super::MAX_VARIANTS) points; the data's errors for an unknown column.
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::Thresholds;
    /// use fsqca::robustness::{Analysis, Anchor};
    ///
    /// let data = fsqca::Dataset::from_columns([("x", vec![0.0, 10.0]), ("Y", vec![0.0, 1.0])])?;
    /// let a = Analysis::new(data, "Y").condition("x", Thresholds::new(2.0, 5.0, 8.0)?);
    /// let grid = a.threshold_grid("x", Anchor::Crossover, 0.2, 5)?;
    /// assert_eq!(grid.values(), [3.0, 4.0, 5.0, 6.0, 7.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn threshold_grid(
        &self,
        condition: &str,
        anchor: Anchor,
        fraction: f64,
        points: usize,
    ) -> Result<ParameterGrid, RobustnessError> {
        let (name, thresholds) = self.thresholds_of(condition)?;
        let parameter = Parameter::threshold(name, anchor);
        let invalid = |reason: String| invalid_grid(&parameter, reason);
        if !fraction.is_finite() || fraction < 0.0 {
            return Err(invalid(format!(
                "the fraction of the range {} is negative or not finite",
                short(&fraction)
            )));
        }
        let column = self.data.column(condition)?;
        let (low, high) = column
            .iter()
            .filter(|v| v.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                (lo.min(v), hi.max(v))
            });
        let range = if low <= high { high - low } else { 0.0 };
        let half_width = fraction * range;
        if !half_width.is_finite() {
            return Err(invalid(format!(
                "the fraction of the range {} times the range {} of column `{condition}` \
                 overflows",
                short(&fraction),
                short(&range)
            )));
        }
        let center = thresholds.anchor(anchor);
        ParameterGrid::around(parameter, center, half_width, points)
    }

    /// [`threshold_grid`](Self::threshold_grid) for every anchor of every condition calibrated
    /// by the direct method, conditions in order, anchors in the order exclusion, crossover,
    /// inclusion.
    ///
    /// # Errors
    /// As [`threshold_grid`](Self::threshold_grid); [`RobustnessError::TooManyVariants`] when
    /// the grids together would have more than [`MAX_VARIANTS`](super::MAX_VARIANTS) points
    /// (checked before any grid is made).
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::Thresholds;
    /// use fsqca::robustness::Analysis;
    ///
    /// let data = fsqca::Dataset::from_columns([("x", vec![0.0, 10.0]), ("Y", vec![0.0, 1.0])])?;
    /// let a = Analysis::new(data, "Y").condition("x", Thresholds::new(2.0, 5.0, 8.0)?);
    /// assert_eq!(a.threshold_grids(0.2, 21)?.len(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn threshold_grids(
        &self,
        fraction: f64,
        points: usize,
    ) -> Result<Vec<ParameterGrid>, RobustnessError> {
        let calibrated = self
            .conditions
            .iter()
            .filter(|(_, c)| matches!(c, Calibration::Direct(_)))
            .count();
        check_variants(
            calibrated
                .saturating_mul(Anchor::ALL.len())
                .saturating_mul(points),
        )?;
        let mut grids = Vec::new();
        for (name, calibration) in &self.conditions {
            if let Calibration::Direct(_) = calibration {
                for anchor in Anchor::ALL {
                    grids.push(self.threshold_grid(name, anchor, fraction, points)?);
                }
            }
        }
        Ok(grids)
    }

    /// Runs the analysis once, with its own parameters: calibration, truth table, solution.
    ///
    /// # Errors
    /// [`RobustnessError`] for an analysis without conditions or with a column used twice;
    /// the solution options' own errors (an intermediate solution without directional
    /// expectations, see [`SolutionOptions::validate`]); the data's, calibration's, truth table's
    /// and solution's errors otherwise (including "no positive rows to minimize").
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::Analysis;
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let solution = Analysis::new(data, "Y").membership_condition("A").solve()?;
    /// assert_eq!(solution.models()[0].expression().to_string(), "A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn solve(&self) -> Result<crate::solution::Solution, RobustnessError> {
        let prepared = self.prepare()?;
        let tt = self.truth_table.build(
            &prepared.dataset(&prepared.base)?,
            &self.outcome,
            &prepared.conditions,
        )?;
        Ok(self.solution.solve(&tt)?)
    }

    /// The calibrated data of the baseline: one column per condition, then the outcome, under
    /// their names (the outcome without a leading `~`).
    ///
    /// # Errors
    /// As [`solve`](Self::solve), for the data and calibration.
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::Thresholds;
    /// use fsqca::robustness::Analysis;
    ///
    /// let data = fsqca::Dataset::from_columns([("x", vec![5.0]), ("Y", vec![1.0])])?;
    /// let a = Analysis::new(data, "Y").condition("x", Thresholds::new(2.0, 5.0, 8.0)?);
    /// assert!((a.calibrated_data()?.column("x")?[0] - 0.5).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn calibrated_data(&self) -> Result<Dataset, RobustnessError> {
        let prepared = self.prepare()?;
        prepared.dataset(&prepared.base)
    }

    fn thresholds_of(&self, condition: &str) -> Result<(String, Thresholds), RobustnessError> {
        match self.conditions.iter().find(|(n, _)| n == condition) {
            Some((n, Calibration::Direct(t))) => Ok((n.clone(), *t)),
            Some((n, Calibration::Membership)) => {
                Err(RobustnessError::NotCalibrated { name: n.clone() })
            }
            None => Err(RobustnessError::UnknownCondition {
                name: condition.to_owned(),
                available: self.conditions().into_iter().map(str::to_owned).collect(),
            }),
        }
    }

    /// The checks of [`validate`](Self::validate); the names of the columns used: the
    /// conditions, then the outcome's column.
    fn column_names(&self) -> Result<Vec<String>, RobustnessError> {
        if self.conditions.is_empty() {
            return Err(RobustnessError::NoConditions);
        }
        self.solution.validate()?;
        let outcome: crate::expression::Outcome = self.outcome.parse()?;
        let outcome_column = outcome.name();
        let mut names: Vec<String> = Vec::with_capacity(self.conditions.len() + 1);
        for name in self
            .conditions
            .iter()
            .map(|(n, _)| n.as_str())
            .chain([outcome_column])
        {
            if names.iter().any(|n| n == name) {
                return Err(RobustnessError::DuplicateColumn {
                    name: name.to_owned(),
                });
            }
            names.push(name.to_owned());
        }
        self.data.require_complete(&names)?;
        self.direct.validate()?;
        Ok(names)
    }

    /// Checks the analysis ([`validate`](Self::validate)) and calibrates every column once.
    pub(super) fn prepare(&self) -> Result<Prepared, RobustnessError> {
        let names = self.column_names()?;
        let calibrations = self
            .conditions
            .iter()
            .map(|(_, c)| *c)
            .chain([self.outcome_calibration]);
        let mut base = Array2::zeros((self.data.n_cases(), names.len()));
        let mut raw = Vec::with_capacity(names.len());
        let mut multi_value = Vec::new();
        for (j, (name, calibration)) in names.iter().zip(calibrations).enumerate() {
            let column = self.data.column(name)?;
            let values = match calibration {
                Calibration::Membership => {
                    if self.data.levels(name)?.is_some() {
                        multi_value.push(name.clone());
                    }
                    column.to_owned()
                }
                Calibration::Direct(t) => self.direct.calibrate(column, t)?,
            };
            base.column_mut(j).assign(&values);
            raw.push(match calibration {
                Calibration::Direct(t) => Some((column.to_owned(), t)),
                Calibration::Membership => None,
            });
        }
        Ok(Prepared {
            cases: self.data.cases().to_vec(),
            conditions: names[..names.len() - 1].to_vec(),
            names,
            base,
            raw,
            multi_value,
        })
    }
}

/// The two analyses of an [`Alternative`]: `own` runs its minimization (its cases: the
/// baseline's less those dropped, plus those added); `comparison` has the baseline's cases with
/// the alternative's calibrations, on which its solution is evaluated for the comparison with
/// the baseline.
#[derive(Debug)]
pub(super) struct AlternativeAnalyses {
    pub(super) own: Analysis,
    pub(super) comparison: Analysis,
}

impl Analysis {
    /// The analyses of `alternative` (see [`AlternativeAnalyses`]), checked against this one;
    /// an error is wrapped in [`RobustnessError::InvalidAlternative`] naming the alternative.
    pub(super) fn alternative(
        &self,
        alternative: &Alternative,
    ) -> Result<AlternativeAnalyses, RobustnessError> {
        self.apply(alternative)
            .map_err(|e| RobustnessError::InvalidAlternative {
                name: alternative.get_name().to_owned(),
                source: Box::new(e),
            })
    }

    fn apply(&self, alternative: &Alternative) -> Result<AlternativeAnalyses, RobustnessError> {
        let names = self.column_names()?;
        // The sets (conditions, then the outcome's column), their calibrations and the raw
        // column each reads.
        let mut calibrations: Vec<Calibration> = self
            .conditions
            .iter()
            .map(|(_, c)| *c)
            .chain([self.outcome_calibration])
            .collect();
        let mut sources: Vec<String> = names.clone();
        let mut recalibrated = vec![false; names.len()];
        for r in alternative.get_recalibrate() {
            let j = names.iter().position(|n| n == r.get_set()).ok_or_else(|| {
                RobustnessError::UnknownSet {
                    name: r.get_set().to_owned(),
                    available: names.clone(),
                }
            })?;
            if std::mem::replace(&mut recalibrated[j], true) {
                return Err(RobustnessError::RecalibratedTwice {
                    set: names[j].clone(),
                });
            }
            let given = Anchor::ALL.map(|a| r.get_anchor(a));
            let [e, c, i] = match (r.get_column(), calibrations[j], given) {
                (None, Calibration::Direct(t), _) => {
                    Anchor::ALL.map(|a| r.get_anchor(a).unwrap_or(t.anchor(a)))
                }
                (_, _, [Some(e), Some(c), Some(i)]) => [e, c, i],
                (None, Calibration::Membership, _) => {
                    return Err(RobustnessError::NotCalibrated {
                        name: names[j].clone(),
                    })
                }
                (Some(column), _, _) => {
                    return Err(RobustnessError::IncompleteThresholds {
                        set: names[j].clone(),
                        column: column.to_owned(),
                    })
                }
            };
            calibrations[j] = Calibration::Direct(Thresholds::new(e, c, i)?);
            if let Some(column) = r.get_column() {
                sources[j] = column.to_owned();
            }
        }
        let (own_data, comparison_data) = self.alternative_data(alternative, &names, &sources)?;
        let (ic1, ic0) = self.truth_table.get_incl_cutoffs();
        let mut truth_table = self.truth_table.clone();
        match (alternative.get_incl_cut(), alternative.get_incl_cut0()) {
            (Some(v), None) if ic1 == ic0 => truth_table = truth_table.incl_cutoff(v),
            (v1, v0) if v1.is_some() || v0.is_some() => {
                truth_table = truth_table.incl_cutoffs(v1.unwrap_or(ic1), v0.unwrap_or(ic0));
            }
            _ => {}
        }
        if let Some(n) = alternative.get_n_cut() {
            truth_table = truth_table.n_cutoff(n);
        }
        if let Some(p) = alternative.get_pri_cut() {
            truth_table = truth_table.pri_cutoff(p);
        }
        truth_table.validate()?;
        let mut solution = self.solution.clone();
        if let Some(t) = alternative.get_solution() {
            solution = solution.solution_type(t);
            if t != SolutionType::Intermediate {
                solution = solution.directional_expectations(DirectionalExpectations::new());
            }
        }
        if let Some(text) = alternative.get_dir_exp() {
            let t = solution.get_solution_type();
            if t != SolutionType::Intermediate {
                return Err(RobustnessError::ExpectationsWithoutIntermediate {
                    dir_exp: text.to_owned(),
                    solution: t.to_string(),
                });
            }
            solution = solution.directional_expectations(text.parse()?);
        }
        let outcome_calibration = calibrations.pop().unwrap_or(Calibration::Membership);
        let conditions: Vec<(String, Calibration)> =
            names.iter().cloned().zip(calibrations).collect();
        let make = |data: Dataset| Analysis {
            data,
            conditions: conditions.clone(),
            outcome: self.outcome.clone(),
            outcome_calibration,
            direct: self.direct.clone(),
            truth_table: truth_table.clone(),
            solution: solution.clone(),
        };
        let own = make(own_data);
        own.validate()?;
        Ok(AlternativeAnalyses {
            own,
            comparison: make(comparison_data),
        })
    }

    /// The data of an alternative's own run and of its comparison: one column per set (named as
    /// the set, holding its raw column `sources[j]`), the own run without the dropped cases and
    /// with the added ones.
    fn alternative_data(
        &self,
        alternative: &Alternative,
        names: &[String],
        sources: &[String],
    ) -> Result<(Dataset, Dataset), RobustnessError> {
        let cases = self.data.cases();
        let mut keep = vec![true; cases.len()];
        for case in alternative.get_drop_cases() {
            let i = cases
                .iter()
                .position(|c| c == case)
                .ok_or_else(|| RobustnessError::UnknownCase { case: case.clone() })?;
            if !std::mem::replace(&mut keep[i], false) {
                return Err(RobustnessError::DuplicateCase {
                    case: case.clone(),
                    what: "dropped twice",
                });
            }
        }
        let mut read: Vec<&String> = sources.iter().collect();
        read.sort_unstable();
        read.dedup();
        let added = alternative.get_add_cases();
        for (k, add) in added.iter().enumerate() {
            let bad = |reason: String| RobustnessError::InvalidAddedCase {
                case: add.get_case().to_owned(),
                reason,
            };
            if cases.iter().any(|c| c == add.get_case()) {
                return Err(RobustnessError::DuplicateCase {
                    case: add.get_case().to_owned(),
                    what: "added, but the data already has it",
                });
            }
            if added[..k].iter().any(|a| a.get_case() == add.get_case()) {
                return Err(RobustnessError::DuplicateCase {
                    case: add.get_case().to_owned(),
                    what: "added twice",
                });
            }
            if let Some(missing) = read.iter().find(|c| !add.get_values().contains_key(**c)) {
                return Err(bad(format!("no value for column `{missing}`")));
            }
            if let Some(extra) = add.get_values().keys().find(|k| !read.contains(k)) {
                return Err(bad(format!(
                    "column `{extra}` is not read by the analysis (it reads: {})",
                    read.iter()
                        .map(|c| c.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
            if let Some((column, value)) = add.get_values().iter().find(|(_, v)| !v.is_finite()) {
                return Err(bad(format!(
                    "the value of `{column}` is not finite: {}",
                    short(value)
                )));
            }
        }
        let mut own = Vec::with_capacity(names.len());
        let mut all = Vec::with_capacity(names.len());
        for (name, source) in names.iter().zip(sources) {
            let raw = self.data.column(source)?;
            let mut values: Vec<f64> = raw
                .iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(v, _)| *v)
                .collect();
            values.extend(added.iter().map(|a| a.get_values()[source]));
            own.push((name.clone(), values));
            all.push((name.clone(), raw.to_vec()));
        }
        let own_cases: Vec<String> = cases
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(c, _)| c.clone())
            .chain(added.iter().map(|a| a.get_case().to_owned()))
            .collect();
        let multi_value: Vec<&String> = names
            .iter()
            .zip(sources)
            .filter(|(n, s)| n == s && matches!(self.data.levels(s), Ok(Some(_))))
            .map(|(n, _)| n)
            .collect();
        let make = |columns: Vec<(String, Vec<f64>)>, labels: Vec<String>| {
            Dataset::from_columns(columns)?
                .with_cases(labels)?
                .with_multi_value(&multi_value)
        };
        Ok((make(own, own_cases)?, make(all, cases.to_vec())?))
    }
}

/// An analysis checked and calibrated once: the baseline columns, and the raw column of each
/// condition calibrated by the direct method, to recalibrate it alone in a variant.
#[derive(Debug)]
pub(super) struct Prepared {
    pub(super) cases: Vec<String>,
    pub(super) conditions: Vec<String>,
    pub(super) names: Vec<String>,
    pub(super) base: Array2<f64>,
    pub(super) raw: Vec<Option<(Array1<f64>, Thresholds)>>,
    /// The membership conditions declared multi-value in the source data.
    pub(super) multi_value: Vec<String>,
}

impl Prepared {
    /// The calibrated data set with these columns.
    pub(super) fn dataset(&self, values: &Array2<f64>) -> Result<Dataset, RobustnessError> {
        Ok(Dataset::from_array(self.names.iter(), values.clone())?
            .with_cases(self.cases.clone())?
            .with_multi_value(&self.multi_value)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::robustness::MAX_VARIANTS;

    fn analysis() -> Analysis {
        let data = Dataset::from_columns([
            ("x", vec![1.0, 3.0, 6.0, 9.0]),
            ("Y", vec![0.0, 0.2, 0.9, 1.0]),
        ])
        .unwrap();
        Analysis::new(data, "Y").condition("x", Thresholds::new(2.0, 5.0, 8.0).unwrap())
    }

    /// Each setter is read back by `get_<setter>`: renaming a getter breaks this test.
    #[test]
    fn every_setter_is_read_back_by_its_get_getter() {
        use crate::calibration::Curve;
        let outcome = Thresholds::new(0.1, 0.5, 0.9).unwrap();
        let direct = DirectOptions::new().curve(Curve::Linear).idm(0.99);
        let truth_table = TruthTableOptions::new().incl_cutoffs(0.9, 0.7).n_cutoff(2);
        let solution = SolutionOptions::new(SolutionType::Parsimonious);
        let a = analysis()
            .membership_condition("Z")
            .outcome_thresholds(outcome)
            .direct_options(direct.clone())
            .truth_table_options(truth_table.clone())
            .solution_options(solution.clone());
        assert_eq!(a.get_outcome_thresholds(), Some(outcome));
        assert_eq!(a.get_direct_options(), &direct);
        assert_eq!(a.get_truth_table_options(), &truth_table);
        assert_eq!(a.get_solution_options(), &solution);
        assert_eq!(a.conditions(), ["x", "Z"]);
        assert_eq!(a.calibration("Z"), Some(Calibration::Membership));
        assert_eq!(a.outcome(), "Y");
        let a = analysis();
        assert_eq!(a.get_outcome_thresholds(), None);
        assert_eq!(a.get_direct_options(), &DirectOptions::new());
        assert_eq!(a.get_truth_table_options(), &TruthTableOptions::new());
        assert_eq!(a.get_solution_options(), &SolutionOptions::default());
        assert!(a.validate().is_ok());
    }

    /// `validate` refuses what `solve` refuses before calibrating, and keeps the values given.
    #[test]
    fn validate_refuses_invalid_direct_options_without_changing_them() {
        let a = analysis().direct_options(DirectOptions::new().idm(2.0));
        assert_eq!(a.get_direct_options().get_idm(), 2.0);
        let message = a.validate().unwrap_err().to_string();
        assert_eq!(a.solve().unwrap_err().to_string(), message);
        let data = Dataset::from_columns([("Y", vec![0.0, 1.0])]).unwrap();
        assert!(matches!(
            Analysis::new(data, "Y").validate(),
            Err(RobustnessError::NoConditions)
        ));
    }

    #[test]
    fn an_intermediate_solution_without_expectations_is_refused_before_the_sweep() {
        use crate::solution::{SolutionError, SolutionType};
        let bare = analysis().solution_options(SolutionOptions::new(SolutionType::Intermediate));
        let grid = ParameterGrid::new(Parameter::InclCut, vec![0.8]).unwrap();
        for err in [bare.solve().unwrap_err(), bare.sweep(&[grid]).unwrap_err()] {
            assert!(
                matches!(
                    err,
                    RobustnessError::Solution(SolutionError::NoDirectionalExpectations)
                ),
                "{err}"
            );
        }
    }

    #[test]
    fn a_fraction_whose_width_overflows_is_named() {
        let err = analysis()
            .threshold_grid("x", Anchor::Exclusion, 1e308, 21)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid grid for x.exclusion: the fraction of the range 1e308 times the range 8 of \
             column `x` overflows"
        );
        let err = analysis().threshold_grids(f64::NAN, 21).unwrap_err();
        assert!(matches!(err, RobustnessError::InvalidGrid { .. }), "{err}");
    }

    #[test]
    fn too_many_threshold_points_are_refused_before_allocating() {
        let err = analysis().threshold_grids(0.2, 1_000_000_001).unwrap_err();
        assert!(matches!(
            err,
            RobustnessError::TooManyVariants {
                requested: 3_000_000_003,
                ..
            }
        ));
        // Three anchors of 400,000 points each are more than the limit together.
        let err = analysis()
            .threshold_grids(0.2, MAX_VARIANTS / 3 + 1)
            .unwrap_err();
        assert!(matches!(err, RobustnessError::TooManyVariants { .. }));
    }

    #[test]
    fn a_sweep_over_the_limit_is_refused_before_running() {
        let half = ParameterGrid::span(Parameter::InclCut, 0.7, 0.9, MAX_VARIANTS / 2 + 1).unwrap();
        let err = analysis().sweep(&[half.clone(), half]).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "the sweep would run {} variants, more than the limit of {MAX_VARIANTS}",
                MAX_VARIANTS + 2
            )
        );
    }
}
