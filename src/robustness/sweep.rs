//! Running a sweep: one variant per grid value, in parallel, in grid order.

use crate::fit::Sufficiency;
use crate::Dataset;

use super::analysis::{solve_values, Solved};
use super::grid::check_variants;
use super::{Analysis, Parameter, ParameterGrid};

/// What one variant gave.
///
/// # Example
/// ```
/// use fsqca::robustness::VariantResult;
///
/// let skipped = VariantResult::Skipped { reason: "thresholds not monotone".into() };
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
        models: Vec<Vec<String>>,
        /// The sufficiency fit of each model (inclS, PRI, covS) on the variant's data.
        fit: Vec<Sufficiency>,
    },
    /// The variant could not run: a moved anchor that makes the thresholds non-monotone (it
    /// passed a neighbouring anchor), or a solution that cannot be derived (a tautology, too
    /// many counterfactuals). The reason is the error's message.
    Skipped {
        /// Why.
        reason: String,
    },
}

impl VariantResult {
    /// The models, `None` for a skipped variant.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::VariantResult;
    ///
    /// let r = VariantResult::Solved { models: vec![vec!["A".into()]], fit: vec![Default::default()] };
    /// assert_eq!(r.models().map(|m| m.len()), Some(1));
    /// ```
    pub fn models(&self) -> Option<&[Vec<String>]> {
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
    ///     models: vec![vec!["A".into(), "B".into()], vec!["A".into(), "C".into()]],
    ///     fit: vec![Default::default(); 2],
    /// };
    /// assert_eq!(r.common_terms(), Some(vec!["A"]));
    /// ```
    pub fn common_terms(&self) -> Option<Vec<&str>> {
        let models = self.models()?;
        Some(match models.split_first() {
            None => Vec::new(),
            Some((first, rest)) => first
                .iter()
                .filter(|t| rest.iter().all(|m| m.contains(t)))
                .map(String::as_str)
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
    /// let a = VariantResult::Solved { models: vec![vec!["A".into(), "B".into()]], fit: vec![Default::default()] };
    /// let b = VariantResult::Solved { models: vec![vec!["B".into(), "A".into()]], fit: vec![Default::default()] };
    /// assert!(a.same_solution(&b));
    /// ```
    pub fn same_solution(&self, other: &VariantResult) -> bool {
        match (self.models(), other.models()) {
            (Some(a), Some(b)) => normalized(a) == normalized(b),
            _ => false,
        }
    }
}

fn normalized(models: &[Vec<String>]) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = models
        .iter()
        .map(|m| {
            let mut t: Vec<&str> = m.iter().map(String::as_str).collect();
            t.sort_unstable();
            t
        })
        .collect();
    out.sort();
    out
}

/// One variant of a sweep: the parameter moved, its value, and what the analysis gave.
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
/// assert_eq!((v.parameter(), v.value()), (&Parameter::InclCut, 0.9));
/// assert!(v.is_baseline_solution());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Variant {
    parameter: Parameter,
    value: f64,
    result: VariantResult,
    same_as_baseline: bool,
    coincidence: Option<f64>,
    #[cfg_attr(feature = "serde", serde(skip))]
    membership: Option<Vec<f64>>,
}

impl Variant {
    /// The parameter this variant moves (the others are at their baseline).
    ///
    /// # Example
    /// See [`Variant`].
    pub fn parameter(&self) -> &Parameter {
        &self.parameter
    }

    /// The value of the parameter.
    ///
    /// # Example
    /// See [`Variant`].
    pub fn value(&self) -> f64 {
        self.value
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
/// assert_eq!(sweep.baseline().models(), Some(&[vec!["A*B".to_string()]][..]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Sweep {
    outcome: String,
    baseline: VariantResult,
    grids: Vec<(ParameterGrid, f64)>,
    variants: Vec<Variant>,
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(super) baseline_data: Dataset,
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(super) baseline_membership: Vec<f64>,
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(super) outcome_membership: Vec<f64>,
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

    /// Every variant, grid by grid, in the order of each grid's values.
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
            .filter(move |v| v.parameter() == parameter)
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
    /// ([`RobustnessError::TooManyVariants`](super::RobustnessError::TooManyVariants)). A threshold that makes a condition's anchors
    /// non-monotone skips its variant ([`VariantResult::Skipped`]).
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
    pub fn sweep(&self, grids: &[ParameterGrid]) -> crate::Result<Sweep> {
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
    pub fn sweep_serial(&self, grids: &[ParameterGrid]) -> crate::Result<Sweep> {
        self.run_sweep(grids, false)
    }

    fn run_sweep(&self, grids: &[ParameterGrid], parallel: bool) -> crate::Result<Sweep> {
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
        let base = solve_values(
            self,
            &prepared,
            &prepared.base,
            self.get_truth_table_options(),
        )?;
        let baseline_data = prepared.dataset(&prepared.base)?;
        let jobs: Vec<(&Parameter, f64)> = grids
            .iter()
            .flat_map(|g| g.values().iter().map(move |&v| (g.parameter(), v)))
            .collect();
        let run = |&(parameter, value): &(&Parameter, f64)| {
            let solved = self.solve_variant(&prepared, parameter, value);
            variant(parameter, value, solved, &base)
        };
        let variants: Vec<Variant> = if parallel {
            crate::parallel::map_slice(&jobs, run)
        } else {
            jobs.iter().map(run).collect()
        };
        Ok(Sweep {
            outcome: self.outcome().to_owned(),
            baseline: result_of(&base),
            grids: checked,
            variants,
            baseline_data,
            baseline_membership: base.membership,
            outcome_membership: base.outcome,
        })
    }
}

fn result_of(s: &Solved) -> VariantResult {
    VariantResult::Solved {
        models: s.models.clone(),
        fit: s.fit.clone(),
    }
}

fn variant(
    parameter: &Parameter,
    value: f64,
    solved: crate::Result<Solved>,
    base: &Solved,
) -> Variant {
    match solved {
        Ok(s) => {
            let result = result_of(&s);
            Variant {
                parameter: parameter.clone(),
                value,
                same_as_baseline: result.same_solution(&result_of(base)),
                coincidence: coincidence(&base.membership, &s.membership),
                result,
                membership: Some(s.membership),
            }
        }
        Err(e) => Variant {
            parameter: parameter.clone(),
            value,
            result: VariantResult::Skipped {
                reason: e.to_string(),
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
