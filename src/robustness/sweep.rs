//! A sweep's results ([`Sweep`], [`Variant`], [`VariantSource`], [`VariantResult`],
//! [`SkipReason`]) and the sweep algorithms that make them: [`Analysis::sweep`] runs one
//! variant per grid value, in parallel, in grid order, each recalibrating only the condition it
//! moves; [`Analysis::sweep_test_set`] one per alternative of a chosen test set.

use std::sync::Arc;

use ndarray::Array2;

use crate::fit::{self, Sufficiency};
use crate::minimize::MinimizeError;
use crate::solution::SolutionError;
use crate::{Expression, FuzzySet, TruthTableOptions};

use super::analysis::{AlternativeAnalyses, Analysis, Prepared};
use super::error::RobustnessError;
use super::grid::{check_variants, Parameter, ParameterGrid};
use super::test_set::{Alternative, TestSet};

/// What one variant gave.
///
/// # Example
/// ```
/// use fsqca::minimize::MinimizeError;
/// use fsqca::robustness::{SkipReason, VariantResult};
///
/// let skipped = VariantResult::Skipped {
///     reason: SkipReason::EngineLimit(MinimizeError::NoPositiveRows),
/// };
/// assert!(skipped.models().is_none());
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "result", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum VariantResult {
    /// The analysis ran. No model at all means the truth table had no positive row: the
    /// solution is the empty set.
    Solved {
        /// Every minimal model, as its terms (`E*P`), in the solver's order.
        models: Vec<Vec<Expression>>,
        /// The sufficiency fit of each model (inclS, PRI, covS) on the variant's data.
        fit: Vec<Sufficiency>,
    },
    /// The variant could not run: it is invalid (a moved anchor that makes the thresholds
    /// non-monotone, a solution that cannot be derived), or the minimization engine reached
    /// one of its limits ([`SkipReason`]). Serialised as the reason's message.
    Skipped {
        /// Why.
        reason: SkipReason,
    },
}

/// Why a variant of a sweep was skipped: the variant itself is invalid, or the minimization
/// engine reached one of its limits (so that raising the limit could solve it). `Display`
/// gives the error's message; with the `serde` feature the reason serialises as that message.
///
/// # Example
/// ```
/// use std::error::Error as _;
/// use fsqca::robustness::{Analysis, Anchor, Parameter, ParameterGrid, SkipReason, VariantResult};
///
/// let data = fsqca::Dataset::from_columns([
///     ("x", vec![1.0, 3.0, 6.0, 9.0]),
///     ("Y", vec![0.0, 0.2, 0.9, 1.0]),
/// ])?;
/// let analysis = Analysis::new(data, "Y").condition("x", fsqca::calibration::Thresholds::new(2.0, 5.0, 8.0)?);
/// // A crossover past the inclusion anchor: the thresholds are no longer monotone.
/// let grid = ParameterGrid::new(Parameter::threshold("x", Anchor::Crossover), vec![9.0])?;
/// let sweep = analysis.sweep(&[grid])?;
/// let VariantResult::Skipped { reason } = sweep.variants()[0].result() else { panic!() };
/// assert!(matches!(reason, SkipReason::InvalidVariant(_)));
/// assert!(!reason.is_engine_limit());
/// assert!(reason.to_string().contains("neither strictly increasing"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum SkipReason {
    /// The variant is invalid: thresholds made non-monotone, a solution that cannot be
    /// derived (a tautology, too many counterfactuals), or any other error of the analysis
    /// but the engine's.
    #[error(transparent)]
    InvalidVariant(Arc<RobustnessError>),
    /// The minimization engine reached a limit: the minimum is not proven within the search
    /// node limit, too many prime implicants, a search limit, a problem too large for the
    /// method ([`MinimizeError`]).
    #[error(transparent)]
    EngineLimit(MinimizeError),
}

impl SkipReason {
    /// The reason for the error a variant's analysis returned: an engine error
    /// ([`RobustnessError::Solution`] holding a [`SolutionError::Minimize`]) is an
    /// [`EngineLimit`](Self::EngineLimit), any other error an
    /// [`InvalidVariant`](Self::InvalidVariant).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::MinimizeError;
    /// use fsqca::robustness::{RobustnessError, SkipReason};
    /// use fsqca::solution::SolutionError;
    ///
    /// let limit = MinimizeError::MinimumNotProven { nodes: 10, lower_bound: 3, best: 4 };
    /// let error = RobustnessError::from(SolutionError::from(limit));
    /// assert!(SkipReason::from_error(error).is_engine_limit());
    /// let error = RobustnessError::NoConditions;
    /// assert!(!SkipReason::from_error(error).is_engine_limit());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_error(error: RobustnessError) -> Self {
        match error {
            RobustnessError::Solution(SolutionError::Minimize(e)) => SkipReason::EngineLimit(e),
            other => SkipReason::InvalidVariant(Arc::new(other)),
        }
    }

    /// Whether the engine's limits stopped the variant (raising them may solve it).
    ///
    /// # Example
    /// See [`SkipReason::from_error`].
    pub fn is_engine_limit(&self) -> bool {
        matches!(self, SkipReason::EngineLimit(_))
    }
}

/// Engine limits compare as errors; invalid variants by their message (the analysis's
/// [`RobustnessError`] has no `PartialEq`: it can hold an I/O error).
impl PartialEq for SkipReason {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (SkipReason::EngineLimit(a), SkipReason::EngineLimit(b)) => a == b,
            (SkipReason::InvalidVariant(a), SkipReason::InvalidVariant(b)) => {
                Arc::ptr_eq(a, b) || a.to_string() == b.to_string()
            }
            _ => false,
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for SkipReason {
    /// The reason's message.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl VariantResult {
    /// The models, `None` for a skipped variant.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::VariantResult;
    ///
    /// let r = VariantResult::Solved { models: vec![vec!["A".parse()?]], fit: vec![Default::default()] };
    /// assert_eq!(r.models().map(|m| m.len()), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn models(&self) -> Option<&[Vec<Expression>]> {
        match self {
            VariantResult::Solved { models, .. } => Some(models),
            VariantResult::Skipped { .. } => None,
        }
    }

    /// The terms in every model (in the first model's order); `None` for a skipped variant.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::VariantResult;
    ///
    /// let r = VariantResult::Solved {
    ///     models: vec![vec!["A".parse()?, "B".parse()?], vec!["A".parse()?, "C".parse()?]],
    ///     fit: vec![Default::default(); 2],
    /// };
    /// assert_eq!(r.common_terms(), Some(vec![&"A".parse()?]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn common_terms(&self) -> Option<Vec<&Expression>> {
        let models = self.models()?;
        Some(match models.split_first() {
            None => Vec::new(),
            Some((first, rest)) => first
                .iter()
                .filter(|t| rest.iter().all(|m| m.contains(t)))
                .collect(),
        })
    }

    /// Whether two results are the same solution: the same models, each the same set of terms,
    /// whatever the order. A skipped variant equals no solution.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::VariantResult;
    ///
    /// let a = VariantResult::Solved { models: vec![vec!["A".parse()?, "B".parse()?]], fit: vec![Default::default()] };
    /// let b = VariantResult::Solved { models: vec![vec!["B".parse()?, "A".parse()?]], fit: vec![Default::default()] };
    /// assert!(a.same_solution(&b));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn same_solution(&self, other: &VariantResult) -> bool {
        match (self.models(), other.models()) {
            (Some(a), Some(b)) => normalized(a) == normalized(b),
            _ => false,
        }
    }
}

/// The models as sorted lists of their terms' texts, sorted.
fn normalized(models: &[Vec<Expression>]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = models
        .iter()
        .map(|m| {
            let mut t: Vec<String> = m.iter().map(ToString::to_string).collect();
            t.sort_unstable();
            t
        })
        .collect();
    out.sort();
    out
}

/// Where a variant comes from: a point of a one-at-a-time grid, or a named alternative of a
/// chosen test set. With the `serde` feature it serialises into the variant's object as
/// `"parameter"` and `"value"`, or as `"alternative"`.
///
/// # Example
/// ```
/// use fsqca::robustness::{Parameter, VariantSource};
///
/// let point = VariantSource::GridPoint { parameter: Parameter::InclCut, value: 0.8 };
/// assert_eq!(point.to_string(), "incl_cut = 0.8");
/// let alternative = VariantSource::Alternative { alternative: "TS1".into() };
/// assert_eq!(alternative.to_string(), "TS1");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
#[non_exhaustive]
pub enum VariantSource {
    /// A value of one parameter's grid, the others at their baseline.
    GridPoint {
        /// The parameter moved.
        parameter: Parameter,
        /// Its value.
        value: f64,
    },
    /// An alternative of a chosen [`TestSet`](super::TestSet).
    Alternative {
        /// The alternative's name.
        alternative: String,
    },
}

/// `E.crossover = 15` for a grid point, the name for an alternative.
impl std::fmt::Display for VariantSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VariantSource::GridPoint { parameter, value } => {
                write!(f, "{parameter} = {}", crate::number::short(value))
            }
            VariantSource::Alternative { alternative } => f.write_str(alternative),
        }
    }
}

/// One variant of a sweep: where it comes from (a grid's parameter and value, or an
/// alternative of a test set), and what the analysis gave.
///
/// # Example
/// ```
/// use fsqca::robustness::{Analysis, Parameter, ParameterGrid};
///
/// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
/// let sweep = Analysis::new(data, "Y")
///     .membership_condition("A")
///     .sweep(&[ParameterGrid::new(Parameter::InclCut, vec![0.9])?])?;
/// let v = &sweep.variants()[0];
/// assert_eq!((v.parameter(), v.value()), (Some(&Parameter::InclCut), Some(0.9)));
/// assert!(v.is_baseline_solution());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Variant {
    #[cfg_attr(feature = "serde", serde(flatten))]
    source: VariantSource,
    result: VariantResult,
    same_as_baseline: bool,
    coincidence: Option<f64>,
    #[cfg_attr(feature = "serde", serde(skip))]
    membership: Option<Vec<f64>>,
}

impl Variant {
    /// Where the variant comes from.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Alternative, Analysis, TestSet, VariantSource};
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let set = TestSet::new("one", vec![Alternative::new("strict").incl_cut(0.95)])?;
    /// let sweep = Analysis::new(data, "Y").membership_condition("A").sweep_test_set(&set)?;
    /// let v = &sweep.variants()[0];
    /// assert!(matches!(v.source(), VariantSource::Alternative { .. }));
    /// assert_eq!((v.alternative(), v.parameter(), v.value()), (Some("strict"), None, None));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn source(&self) -> &VariantSource {
        &self.source
    }

    /// The parameter this grid point moves (the others are at their baseline); `None` for an
    /// alternative of a test set.
    ///
    /// # Example
    /// See [`Variant`].
    pub fn parameter(&self) -> Option<&Parameter> {
        match &self.source {
            VariantSource::GridPoint { parameter, .. } => Some(parameter),
            VariantSource::Alternative { .. } => None,
        }
    }

    /// The value of the grid point's parameter; `None` for an alternative of a test set.
    ///
    /// # Example
    /// See [`Variant`].
    pub fn value(&self) -> Option<f64> {
        match self.source {
            VariantSource::GridPoint { value, .. } => Some(value),
            VariantSource::Alternative { .. } => None,
        }
    }

    /// The name of the test set's alternative; `None` for a grid point.
    ///
    /// # Example
    /// See [`Variant::source`].
    pub fn alternative(&self) -> Option<&str> {
        match &self.source {
            VariantSource::Alternative { alternative } => Some(alternative),
            VariantSource::GridPoint { .. } => None,
        }
    }

    /// The solution, or why there is none.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Analysis, Parameter, ParameterGrid};
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let sweep = Analysis::new(data, "Y")
    ///     .membership_condition("A")
    ///     .sweep(&[ParameterGrid::new(Parameter::NCut, vec![1.0, 2.0])?])?;
    /// assert_eq!(sweep.variants()[0].result().models().map(|m| m.len()), Some(1));
    /// assert_eq!(sweep.variants()[1].result().models().map(|m| m.len()), Some(0)); // no row has 2 cases
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn result(&self) -> &VariantResult {
        &self.result
    }

    /// Whether the variant gives the baseline's solution.
    ///
    /// # Example
    /// See [`Variant`].
    pub fn is_baseline_solution(&self) -> bool {
        self.same_as_baseline
    }

    /// Set coincidence of the variant's solution (first model) with the baseline's (first
    /// model): Σ min / Σ max of the two memberships over the cases (Oana & Schneider's SC of a
    /// single test solution); `None` for a skipped variant or two empty solutions.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Analysis, Parameter, ParameterGrid};
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let sweep = Analysis::new(data, "Y")
    ///     .membership_condition("A")
    ///     .sweep(&[ParameterGrid::new(Parameter::InclCut, vec![0.9])?])?;
    /// assert_eq!(sweep.variants()[0].coincidence(), Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn coincidence(&self) -> Option<f64> {
        self.coincidence
    }

    /// The variant's name: for a grid point `parameter=value` (`incl_cut=0.8`,
    /// `E.crossover=12.5`), the value to 10 decimals without trailing zeros (a grid's
    /// `0.8200000000000001` is `0.82`); for an alternative of a test set, its name.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Analysis, Parameter, ParameterGrid};
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let sweep = Analysis::new(data, "Y")
    ///     .membership_condition("A")
    ///     .sweep(&[ParameterGrid::new(Parameter::InclCut, vec![0.9])?])?;
    /// assert_eq!(sweep.variants()[0].name(), "incl_cut=0.9");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> String {
        match &self.source {
            VariantSource::GridPoint { parameter, value } => {
                let value = format!("{value:.10}");
                let value = value.trim_end_matches('0').trim_end_matches('.');
                format!("{parameter}={value}")
            }
            VariantSource::Alternative { alternative } => alternative.clone(),
        }
    }

    pub(super) fn membership(&self) -> Option<&[f64]> {
        self.membership.as_deref()
    }
}

/// A robustness sweep: the baseline analysis and one [`Variant`] per grid value, in the order
/// of the grids and of their values.
///
/// Made by [`Analysis::sweep`]; [`summary`](Self::summary) gives the stability summary.
///
/// # Example
/// ```
/// use fsqca::robustness::{Analysis, Parameter, ParameterGrid};
///
/// let data = fsqca::Dataset::from_columns([
///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
///     ("Y", vec![1.0, 0.7, 0.2, 0.0]),
/// ])?;
/// let sweep = Analysis::new(data, "Y")
///     .membership_condition("A")
///     .membership_condition("B")
///     .sweep(&[ParameterGrid::span(Parameter::InclCut, 0.6, 1.0, 5)?])?;
/// assert_eq!(sweep.variants().len(), 5);
/// assert_eq!(sweep.baseline().models(), Some(&[vec!["A*B".parse()?]][..]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Sweep {
    outcome: String,
    baseline: VariantResult,
    grids: Vec<(ParameterGrid, f64)>,
    /// The name of the chosen test set; `None` for grids.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    test_set: Option<String>,
    variants: Vec<Variant>,
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(super) baseline_membership: Vec<f64>,
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(super) outcome_membership: Vec<f64>,
    /// The baseline's models, each as one expression (`A*B + C`).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(super) baseline_models: Vec<Expression>,
    /// The terms in every model of the baseline and of every solved variant.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(super) core: Vec<Expression>,
    /// The sufficiency of the core's disjunction on the baseline data (`None`: empty core).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(super) common_terms_fit: Option<Sufficiency>,
    /// The case labels.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(super) cases: Vec<String>,
}

impl Sweep {
    /// The outcome, as the analysis names it.
    ///
    /// # Example
    /// See [`Sweep::summary`].
    pub fn outcome(&self) -> &str {
        &self.outcome
    }

    /// The solution of the analysis with its own parameters.
    ///
    /// # Example
    /// See [`Sweep`].
    pub fn baseline(&self) -> &VariantResult {
        &self.baseline
    }

    /// The grids swept, each with the parameter's baseline value.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Analysis, Parameter, ParameterGrid};
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let sweep = Analysis::new(data, "Y")
    ///     .membership_condition("A")
    ///     .sweep(&[ParameterGrid::new(Parameter::InclCut, vec![0.9])?])?;
    /// assert_eq!(sweep.grids()[0].1, 1.0); // the default inclusion cut-off
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn grids(&self) -> &[(ParameterGrid, f64)] {
        &self.grids
    }

    /// The name of the chosen test set the sweep ran
    /// ([`Analysis::sweep_test_set`]); `None` for a sweep of grids.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Alternative, Analysis, TestSet};
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let set = TestSet::new("cuts", vec![Alternative::new("n2").n_cut(2)])?;
    /// let sweep = Analysis::new(data, "Y").membership_condition("A").sweep_test_set(&set)?;
    /// assert_eq!(sweep.chosen_test_set(), Some("cuts"));
    /// assert!(sweep.grids().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn chosen_test_set(&self) -> Option<&str> {
        self.test_set.as_deref()
    }

    /// Every variant, grid by grid, in the order of each grid's values (for a test set: in
    /// the order of its alternatives).
    ///
    /// # Example
    /// See [`Sweep`].
    pub fn variants(&self) -> &[Variant] {
        &self.variants
    }

    /// The variants of one parameter, in grid order.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Analysis, Parameter, ParameterGrid};
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let sweep = Analysis::new(data, "Y")
    ///     .membership_condition("A")
    ///     .sweep(&[ParameterGrid::new(Parameter::InclCut, vec![0.9, 0.8])?])?;
    /// assert_eq!(sweep.variants_of(&Parameter::InclCut).count(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn variants_of<'a>(
        &'a self,
        parameter: &'a Parameter,
    ) -> impl Iterator<Item = &'a Variant> + 'a {
        self.variants
            .iter()
            .filter(move |v| v.parameter() == Some(parameter))
    }
}

impl Analysis {
    /// Re-runs the analysis once per value of each grid, the other parameters at their baseline
    /// (one at a time), in parallel over the variants (rayon; on the calling thread without the
    /// `parallel` feature). The variants come in the order of the grids and their values, and
    /// are the same as [`sweep_serial`](Self::sweep_serial)'s.
    ///
    /// Each variant recalibrates only the condition it moves and reuses the other columns.
    ///
    /// # Errors
    /// The analysis's own errors (see [`solve`](Self::solve); the baseline must run, though it
    /// may have no positive row); [`RobustnessError`](super::RobustnessError) for a grid on an
    /// unknown or uncalibrated condition, a cut-off value out of range (every value is
    /// checked before any variant runs), or more than [`MAX_VARIANTS`](super::MAX_VARIANTS)
    /// values in all the grids together
    /// ([`RobustnessError::TooManyVariants`](super::RobustnessError::TooManyVariants)); an
    /// error evaluating the robust core on the baseline data (not expected: its terms are the
    /// baseline's). A variant that fails does not fail the sweep: a threshold that makes a
    /// condition's anchors non-monotone skips it with [`SkipReason::InvalidVariant`], an
    /// engine limit with [`SkipReason::EngineLimit`] ([`VariantResult::Skipped`]).
    ///
    /// # Complexity
    /// One calibration of n cases, one truth table and one minimization per variant.
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::Thresholds;
    /// use fsqca::robustness::{Analysis, Anchor};
    /// use fsqca::{Dataset, TruthTableOptions};
    ///
    /// let data = Dataset::from_columns([
    ///     ("x", vec![1.0, 3.0, 6.0, 9.0]),
    ///     ("Y", vec![0.0, 0.2, 0.9, 1.0]),
    /// ])?;
    /// let analysis = Analysis::new(data, "Y")
    ///     .condition("x", Thresholds::new(2.0, 5.0, 8.0)?)
    ///     .truth_table_options(TruthTableOptions::default().incl_cutoff(0.8));
    /// let grid = analysis.threshold_grid("x", Anchor::Crossover, 0.2, 11)?;
    /// let sweep = analysis.sweep(&[grid])?;
    /// assert_eq!(sweep.variants().len(), 11);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sweep(&self, grids: &[ParameterGrid]) -> Result<Sweep, RobustnessError> {
        self.run_sweep(grids, true)
    }

    /// [`sweep`](Self::sweep) on the calling thread only.
    ///
    /// # Errors
    /// As [`sweep`](Self::sweep).
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Analysis, Parameter, ParameterGrid};
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let a = Analysis::new(data, "Y").membership_condition("A");
    /// let grids = [ParameterGrid::new(Parameter::InclCut, vec![0.9, 0.8])?];
    /// assert_eq!(a.sweep_serial(&grids)?, a.sweep(&grids)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sweep_serial(&self, grids: &[ParameterGrid]) -> Result<Sweep, RobustnessError> {
        self.run_sweep(grids, false)
    }

    fn run_sweep(&self, grids: &[ParameterGrid], parallel: bool) -> Result<Sweep, RobustnessError> {
        check_variants(
            grids
                .iter()
                .fold(0usize, |n, g| n.saturating_add(g.values().len())),
        )?;
        let prepared = self.prepare()?;
        let mut checked = Vec::with_capacity(grids.len());
        for grid in grids {
            let baseline = self.value_of(grid.parameter())?;
            if !matches!(grid.parameter(), Parameter::Threshold { .. }) {
                // Only the check: each variant builds its options again when it runs.
                for &v in grid.values() {
                    let _checked = self.cutoff_options(grid.parameter(), v)?;
                }
            }
            checked.push((grid.clone(), baseline));
        }
        let (base, baseline_data) = self.solve_baseline(&prepared)?;
        let jobs: Vec<(&Parameter, f64)> = grids
            .iter()
            .flat_map(|g| g.values().iter().map(move |&v| (g.parameter(), v)))
            .collect();
        let run = |&(parameter, value): &(&Parameter, f64)| {
            let solved = self.solve_variant(&prepared, parameter, value);
            let source = VariantSource::GridPoint {
                parameter: parameter.clone(),
                value,
            };
            variant(source, solved, &base)
        };
        let variants = run_jobs(&jobs, parallel, run);
        self.finish(base, &baseline_data, checked, None, variants)
    }

    /// Re-runs the analysis once per alternative of a chosen test set, in parallel (as
    /// [`sweep`](Self::sweep)), the variants in the order of the alternatives. Every
    /// alternative is checked against the analysis before any runs.
    ///
    /// # Cases dropped or added
    /// The robustness measures compare the initial solution (IS) and the test solutions (TS)
    /// case by case, over the baseline's cases. An alternative's solution is minimized on its
    /// own cases (the baseline's less those dropped, plus those added), and its models and their
    /// fit are that run's. Its TS membership is then the first model evaluated on the
    /// baseline's cases, calibrated as the alternative calibrates (its anchors, its raw
    /// columns), so that
    ///
    /// - a dropped case is still a case of the comparison: the alternative's solution says how
    ///   far it belongs to the solution even though the minimization did not see it (the
    ///   question a test asks is whether the *solution* would change, and for which cases);
    /// - an added case is not: it has no IS membership and no baseline outcome, and enters
    ///   the comparison only through the solution its presence gave.
    ///
    /// N of the comparison is therefore always the baseline's, and the outcome Y of RF_cov and
    /// RF_cons is the baseline's. A threshold grid point is compared the same way (on its own
    /// calibration of the baseline's cases), so grids and test sets give the same measures for
    /// the same variant. SetMethods' `rob.fit` takes each test solution's membership from the
    /// data it was run on, which for a dropped or added case gives vectors of another length.
    ///
    /// # Errors
    /// The analysis's own errors (see [`solve`](Self::solve)); [`TestSet::validate`]'s;
    /// [`RobustnessError::InvalidAlternative`] naming the first alternative that the analysis
    /// refuses (an unknown set, column or case, incomplete or non-monotone thresholds, a
    /// cut-off out of range, directional expectations without an intermediate solution, an
    /// added case with missing or extra columns). An alternative whose run fails (an engine
    /// limit, a solution that cannot be derived) is skipped ([`VariantResult::Skipped`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Alternative, Analysis, TestSet};
    /// use fsqca::TruthTableOptions;
    ///
    /// let data = fsqca::Dataset::from_columns([
    ///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
    ///     ("Y", vec![1.0, 0.7, 0.2, 0.0]),
    /// ])?;
    /// let analysis = Analysis::new(data, "Y")
    ///     .membership_condition("A")
    ///     .membership_condition("B")
    ///     .truth_table_options(TruthTableOptions::new().incl_cutoff(0.8));
    /// let set = TestSet::new("plausible", vec![
    ///     Alternative::new("lenient").incl_cut(0.7),
    ///     Alternative::new("without case 2").drop_cases(["2"]),
    /// ])?;
    /// let sweep = analysis.sweep_test_set(&set)?;
    /// assert_eq!(sweep.variants()[0].result().models(), Some(&[vec!["A".parse()?]][..]));
    /// assert!(sweep.variants()[1].is_baseline_solution());
    /// let summary = sweep.summary();
    /// assert!(summary.to_string().contains("chosen test set `plausible`"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sweep_test_set(&self, test_set: &TestSet) -> Result<Sweep, RobustnessError> {
        self.run_test_set(test_set, true)
    }

    /// [`sweep_test_set`](Self::sweep_test_set) on the calling thread only.
    ///
    /// # Errors
    /// As [`sweep_test_set`](Self::sweep_test_set).
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Alternative, Analysis, TestSet};
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let a = Analysis::new(data, "Y").membership_condition("A");
    /// let set = TestSet::new("cuts", vec![Alternative::new("n2").n_cut(2)])?;
    /// assert_eq!(a.sweep_test_set_serial(&set)?, a.sweep_test_set(&set)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sweep_test_set_serial(&self, test_set: &TestSet) -> Result<Sweep, RobustnessError> {
        self.run_test_set(test_set, false)
    }

    fn run_test_set(&self, test_set: &TestSet, parallel: bool) -> Result<Sweep, RobustnessError> {
        test_set.validate()?;
        check_variants(test_set.alternatives().len())?;
        let prepared = self.prepare()?;
        let jobs: Vec<(&Alternative, AlternativeAnalyses)> = test_set
            .alternatives()
            .iter()
            .map(|a| Ok((a, self.alternative(a)?)))
            .collect::<Result<_, RobustnessError>>()?;
        let (base, baseline_data) = self.solve_baseline(&prepared)?;
        let run = |(alternative, analyses): &(&Alternative, AlternativeAnalyses)| {
            let source = VariantSource::Alternative {
                alternative: alternative.get_name().to_owned(),
            };
            variant(source, solve_alternative(analyses), &base)
        };
        let variants = run_jobs(&jobs, parallel, run);
        let name = test_set.get_name().to_owned();
        self.finish(base, &baseline_data, Vec::new(), Some(name), variants)
    }

    /// The baseline's solution and its calibrated data.
    fn solve_baseline(
        &self,
        prepared: &Prepared,
    ) -> Result<(Solved, crate::Dataset), RobustnessError> {
        let base = solve_values(
            self,
            prepared,
            &prepared.base,
            self.get_truth_table_options(),
        )?;
        Ok((base, prepared.dataset(&prepared.base)?))
    }

    /// The sweep of `variants` against the baseline `base`: the robust core and its fit.
    fn finish(
        &self,
        base: Solved,
        baseline_data: &crate::Dataset,
        grids: Vec<(ParameterGrid, f64)>,
        test_set: Option<String>,
        variants: Vec<Variant>,
    ) -> Result<Sweep, RobustnessError> {
        let baseline = result_of(&base);
        let core = core_terms(&baseline, &variants);
        let common_terms_fit = if core.is_empty() {
            None
        } else {
            let x = Expression::disjunction(core.clone())?.evaluate(baseline_data)?;
            let y = FuzzySet::from_derived("Y", base.outcome.clone().into());
            Some(fit::sufficiency(&x, &y)?)
        };
        Ok(Sweep {
            outcome: self.outcome().to_owned(),
            baseline,
            grids,
            test_set,
            variants,
            baseline_membership: base.membership,
            outcome_membership: base.outcome,
            baseline_models: base.expressions,
            core,
            common_terms_fit,
            cases: baseline_data.cases().to_vec(),
        })
    }

    /// Solves the variant that gives `parameter` the value `value` (checked by the caller),
    /// recalibrating only the condition it moves.
    fn solve_variant(
        &self,
        prepared: &Prepared,
        parameter: &Parameter,
        value: f64,
    ) -> Result<Solved, RobustnessError> {
        match parameter {
            Parameter::Threshold { condition, anchor } => {
                let j = prepared
                    .conditions
                    .iter()
                    .position(|c| c == condition)
                    .ok_or_else(|| RobustnessError::UnknownCondition {
                        name: condition.clone(),
                        available: prepared.conditions.clone(),
                    })?;
                let (raw, thresholds) =
                    prepared.raw[j]
                        .as_ref()
                        .ok_or_else(|| RobustnessError::NotCalibrated {
                            name: condition.clone(),
                        })?;
                let thresholds = thresholds.with_anchor(*anchor, value)?;
                let mut values = prepared.base.clone();
                values
                    .column_mut(j)
                    .assign(&self.get_direct_options().calibrate(raw, thresholds)?);
                solve_values(self, prepared, &values, self.get_truth_table_options())
            }
            _ => {
                let options = self.cutoff_options(parameter, value)?;
                solve_values(self, prepared, &prepared.base, &options)
            }
        }
    }

    /// The options of a variant that moves a cut-off to `value`, checked.
    fn cutoff_options(
        &self,
        parameter: &Parameter,
        value: f64,
    ) -> Result<TruthTableOptions, RobustnessError> {
        let base = self.get_truth_table_options().clone();
        let options = match parameter {
            Parameter::InclCut => {
                let (ic1, ic0) = base.get_incl_cutoffs();
                if ic1 == ic0 {
                    base.incl_cutoff(value)
                } else {
                    base.incl_cutoffs(value, ic0)
                }
            }
            Parameter::NCut => {
                if value < 1.0 || value.fract() != 0.0 || value > u32::MAX as f64 {
                    return Err(RobustnessError::InvalidFrequencyCutoff {
                        parameter: parameter.to_string(),
                        value,
                    });
                }
                base.n_cutoff(value as usize)
            }
            Parameter::PriCut => base.pri_cutoff(value),
            Parameter::Threshold { .. } => base,
        };
        options
            .validate()
            .map_err(|source| RobustnessError::InvalidCutoff {
                parameter: parameter.to_string(),
                value,
                source,
            })?;
        Ok(options)
    }
}

/// The solutions of one variant, and the membership of its first model.
#[derive(Debug, Clone)]
pub(super) struct Solved {
    pub(super) models: Vec<Vec<Expression>>,
    /// Each model as one expression.
    pub(super) expressions: Vec<Expression>,
    pub(super) fit: Vec<Sufficiency>,
    pub(super) membership: Vec<f64>,
    pub(super) outcome: Vec<f64>,
}

/// One variant per job, in the jobs' order: in parallel or on the calling thread.
fn run_jobs<J: Sync>(
    jobs: &[J],
    parallel: bool,
    run: impl Fn(&J) -> Variant + Sync + Send,
) -> Vec<Variant> {
    if parallel {
        crate::parallel::map_slice(jobs, run)
    } else {
        jobs.iter().map(run).collect()
    }
}

/// Solves an alternative on its own cases; its membership is its first model on the
/// comparison's data (the baseline's cases, the alternative's calibration).
fn solve_alternative(analyses: &AlternativeAnalyses) -> Result<Solved, RobustnessError> {
    let own = analyses.own.prepare()?;
    let mut solved = solve_values(
        &analyses.own,
        &own,
        &own.base,
        analyses.own.get_truth_table_options(),
    )?;
    let data = analyses.comparison.calibrated_data()?;
    solved.membership = match solved.expressions.first() {
        Some(model) => model.evaluate(&data)?.into_values().to_vec(),
        None => vec![0.0; data.n_cases()],
    };
    Ok(solved)
}

/// Runs truth table and solution on calibrated `values`; no positive row gives no model (the
/// empty set).
pub(super) fn solve_values(
    analysis: &Analysis,
    prepared: &Prepared,
    values: &Array2<f64>,
    options: &TruthTableOptions,
) -> Result<Solved, RobustnessError> {
    let data = prepared.dataset(values)?;
    let tt = options.build(&data, analysis.outcome(), &prepared.conditions)?;
    let outcome = tt.outcome_membership().into_values().to_vec();
    let solution = match analysis.get_solution_options().solve(&tt) {
        Ok(s) => s,
        Err(SolutionError::Minimize(MinimizeError::NoPositiveRows)) => {
            return Ok(Solved {
                models: Vec::new(),
                expressions: Vec::new(),
                fit: Vec::new(),
                membership: vec![0.0; data.n_cases()],
                outcome,
            })
        }
        Err(e) => return Err(e.into()),
    };
    let mut models = Vec::with_capacity(solution.models().len());
    let mut fit = Vec::with_capacity(solution.models().len());
    let mut expressions = Vec::with_capacity(solution.models().len());
    for m in solution.models() {
        models.push(m.terms().iter().map(|t| t.expression().clone()).collect());
        expressions.push(m.expression().clone());
        fit.push(*m.fit());
    }
    let membership = match solution.models().first() {
        Some(m) => m.expression().evaluate(&data)?.into_values().to_vec(),
        None => vec![0.0; data.n_cases()],
    };
    Ok(Solved {
        models,
        expressions,
        fit,
        membership,
        outcome,
    })
}

/// The terms in every model of the baseline and of every solved variant, in the order of the
/// baseline's first model.
fn core_terms(baseline: &VariantResult, variants: &[Variant]) -> Vec<Expression> {
    let mut core: Vec<Expression> = baseline
        .common_terms()
        .unwrap_or_default()
        .into_iter()
        .cloned()
        .collect();
    for v in variants {
        if let Some(terms) = v.result().common_terms() {
            core.retain(|t| terms.contains(&t));
        }
    }
    core
}

fn result_of(s: &Solved) -> VariantResult {
    VariantResult::Solved {
        models: s.models.clone(),
        fit: s.fit.clone(),
    }
}

fn variant(
    source: VariantSource,
    solved: Result<Solved, RobustnessError>,
    base: &Solved,
) -> Variant {
    match solved {
        Ok(s) => {
            let result = result_of(&s);
            Variant {
                source,
                same_as_baseline: result.same_solution(&result_of(base)),
                coincidence: coincidence(&base.membership, &s.membership),
                result,
                membership: Some(s.membership),
            }
        }
        Err(e) => Variant {
            source,
            result: VariantResult::Skipped {
                reason: SkipReason::from_error(e),
            },
            same_as_baseline: false,
            coincidence: None,
            membership: None,
        },
    }
}

/// Σ min(a, b) / Σ max(a, b); `None` when both are empty.
pub(super) fn coincidence(a: &[f64], b: &[f64]) -> Option<f64> {
    let (min, max) = a.iter().zip(b).fold((0.0, 0.0), |(lo, hi), (x, y)| {
        (lo + x.min(*y), hi + x.max(*y))
    });
    (max > 0.0).then(|| min / max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calibration::Thresholds;
    use crate::minimize::EngineOptions;
    use crate::robustness::{Anchor, ParameterGrid};
    use crate::solution::{SolutionOptions, SolutionType};
    use crate::Dataset;

    /// Crisp A, B and a raw C calibrated at 2, 5, 8. Y is 1 on A*B*C and 0.6 on A*B*~C and
    /// ~A*B*C: at inclusion cut-off 1 one row is positive (one prime implicant), at 0.5 three
    /// are (two prime implicants).
    fn analysis() -> Analysis {
        let data = Dataset::from_columns([
            ("A", vec![1.0, 1.0, 0.0, 0.0]),
            ("B", vec![1.0, 1.0, 1.0, 0.0]),
            ("C", vec![9.0, 1.0, 9.0, 1.0]),
            ("Y", vec![1.0, 0.6, 0.6, 0.0]),
        ])
        .unwrap();
        Analysis::new(data, "Y")
            .membership_condition("A")
            .membership_condition("B")
            .condition("C", Thresholds::new(2.0, 5.0, 8.0).unwrap())
            .solution_options(
                SolutionOptions::new(SolutionType::Conservative)
                    .engine(EngineOptions::new().max_prime_implicants(1)),
            )
    }

    #[test]
    fn an_engine_limit_and_an_invalid_variant_are_told_apart() {
        let a = analysis();
        let sweep = a
            .sweep_serial(&[
                ParameterGrid::new(Parameter::InclCut, vec![0.5]).unwrap(),
                ParameterGrid::new(Parameter::threshold("C", Anchor::Crossover), vec![8.5])
                    .unwrap(),
            ])
            .unwrap();
        assert_eq!(
            sweep.baseline().models().unwrap(),
            [vec!["A*B*C".parse::<Expression>().unwrap()]]
        );
        let VariantResult::Skipped { reason: limit } = sweep.variants()[0].result() else {
            panic!("{:?}", sweep.variants()[0]);
        };
        assert!(limit.is_engine_limit(), "{limit:?}");
        assert!(matches!(
            limit,
            SkipReason::EngineLimit(MinimizeError::TooManyPrimeImplicants { .. })
        ));
        // The message is the engine error's, with nothing added.
        let SkipReason::EngineLimit(e) = limit else {
            unreachable!()
        };
        assert_eq!(limit.to_string(), e.to_string());

        let VariantResult::Skipped { reason: invalid } = sweep.variants()[1].result() else {
            panic!("{:?}", sweep.variants()[1]);
        };
        assert!(!invalid.is_engine_limit(), "{invalid:?}");
        let SkipReason::InvalidVariant(e) = invalid else {
            unreachable!()
        };
        assert!(matches!(**e, RobustnessError::Calibration(_)), "{e:?}");
        assert_eq!(invalid.to_string(), e.to_string());

        let summary = sweep.summary();
        assert_eq!(summary.skipped, 2);
        assert_eq!(summary.baseline, ["A*B*C".parse::<Expression>().unwrap()]);
        assert_eq!(summary.core, summary.baseline);
        assert_eq!(summary.common_terms_fit.and_then(|f| f.incl), Some(1.0));
    }

    /// A cut-off the truth table refuses keeps the truth table's error as its source; a
    /// frequency cut-off that is no count is its own variant.
    #[test]
    fn invalid_cutoffs_keep_their_cause() {
        use crate::truth_table::TruthTableError;
        let a = analysis();
        let err = a
            .sweep(&[ParameterGrid::new(Parameter::InclCut, vec![0.8, 1.5]).unwrap()])
            .unwrap_err();
        let e = &err;
        assert!(matches!(
            e,
            RobustnessError::InvalidCutoff {
                parameter,
                value,
                source: TruthTableError::InvalidCutoff(crate::fit::CutoffError {
                    name: "incl",
                    value: source_value
                }),
            } if parameter == "incl_cut" && *value == 1.5 && *source_value == 1.5
        ));
        let source = std::error::Error::source(e).map(ToString::to_string);
        assert_eq!(
            source.as_deref(),
            Some("incl cut-off 1.5 is outside [0, 1]")
        );
        let err = a
            .sweep(&[ParameterGrid::new(Parameter::NCut, vec![2.5]).unwrap()])
            .unwrap_err();
        assert!(
            matches!(
                err,
                RobustnessError::InvalidFrequencyCutoff { value, .. } if value == 2.5
            ),
            "{err:?}"
        );
        // A threshold on an unknown condition names the conditions, as a list.
        let err = a
            .sweep(&[
                ParameterGrid::new(Parameter::threshold("Z", Anchor::Crossover), vec![1.0])
                    .unwrap(),
            ])
            .unwrap_err();
        let RobustnessError::UnknownCondition { available, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(available, &["A", "B", "C"]);
    }

    #[test]
    fn skip_reasons_compare_and_convert() {
        let limit =
            SkipReason::from_error(SolutionError::from(MinimizeError::NoPositiveRows).into());
        assert_eq!(
            limit,
            SkipReason::EngineLimit(MinimizeError::NoPositiveRows)
        );
        let tautology = RobustnessError::from(SolutionError::Tautology);
        let message = tautology.to_string();
        let invalid = SkipReason::from_error(tautology);
        assert_eq!(invalid.to_string(), message);
        assert_eq!(invalid.clone(), invalid);
        assert_ne!(invalid, limit);
        // The source chain is the error's own: the solution's error, which has no source.
        let source = std::error::Error::source(&invalid).expect("the solution's error");
        assert!(matches!(
            source.downcast_ref::<SolutionError>(),
            Some(SolutionError::Tautology)
        ));
        assert!(source.source().is_none());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn a_skip_reason_serialises_as_its_message() {
        let reason = SkipReason::EngineLimit(MinimizeError::NoPositiveRows);
        let json = serde_json::to_string(&VariantResult::Skipped { reason }).unwrap();
        assert_eq!(
            json,
            r#"{"result":"skipped","reason":"no positive rows to minimize"}"#
        );
    }
}
