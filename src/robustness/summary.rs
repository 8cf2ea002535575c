//! The stability summary of a sweep: sensitivity ranges, the robust core and the robustness
//! fit of Oana & Schneider; [`Sweep::summary`] and the robust-core sets
//! ([`Sweep::robust_core`] and the test sets) are computed here.

use std::fmt;

use crate::fit::Sufficiency;
use crate::number::{metric, short};
use crate::{Expression, FuzzySet};

use super::grid::Parameter;
use super::sweep::{coincidence, Sweep, Variant};

/// The values of one parameter over which something (the solution, or a term) stays as at the
/// baseline: the contiguous run of grid values around the baseline value.
///
/// `low` and `high` are grid values (or the baseline value itself when its nearest grid
/// neighbour already differs); the range ends at the grid's end when `low == grid_low` or
/// `high == grid_high`, and the true range may reach further.
///
/// # Example
/// ```
/// use fsqca::robustness::{Analysis, Parameter, ParameterGrid};
///
/// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
/// let sweep = Analysis::new(data, "Y")
///     .membership_condition("A")
///     .sweep(&[ParameterGrid::span(Parameter::InclCut, 0.5, 1.0, 6)?])?;
/// let range = &sweep.summary().ranges[0];
/// assert_eq!((range.low, range.high), (0.5, 1.0));
/// assert!(range.covers_grid());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct SensitivityRange {
    /// The parameter.
    pub parameter: Parameter,
    /// Its baseline value.
    pub baseline: f64,
    /// The lowest value of the run.
    pub low: f64,
    /// The highest value of the run.
    pub high: f64,
    /// The lowest grid value.
    pub grid_low: f64,
    /// The highest grid value.
    pub grid_high: f64,
}

impl SensitivityRange {
    /// Whether the run covers the whole grid.
    ///
    /// # Example
    /// See [`SensitivityRange`].
    pub fn covers_grid(&self) -> bool {
        self.low <= self.grid_low && self.high >= self.grid_high
    }
}

/// Oana & Schneider's robustness fit parameters of the initial solution IS (the baseline's
/// first model) against the test solutions TS (every solved variant's first model).
///
/// With TS_min = ∩ TS (minimum over test solutions), TS_max = ∪ TS (maximum) and the robust
/// core RC = IS ∩ TS_min, on the cases' memberships and the outcome Y:
///
/// - `rf_cov` = covS(RC) / covS(IS) = Σ min(RC, Y) / Σ min(IS, Y): the share of the initial
///   solution's coverage that every test keeps;
/// - `rf_cons` = inclS(IS) / inclS(RC): how much consistency the initial solution loses
///   against the core;
/// - `rf_sc_min` = Σ min(IS, TS_min) / Σ max(IS, TS_min) and `rf_sc_max` = Σ min(IS, TS_max) /
///   Σ max(IS, TS_max): the set coincidence of IS with the minimal and the maximal test set.
///
/// Values near 1 mean robust. A ratio with a zero denominator is `None`.
///
/// Source: Oana, I.-E. & Schneider, C. Q. (2024). A Robustness Test Protocol for Applied QCA:
/// Theory and R Software Application. *Sociological Methods & Research* 53(1), 57–88 (first
/// online 2021); the R package SetMethods (`rob.fit`, `rob.corefit`) implements the same
/// method. Computed here from those definitions.
///
/// # Example
/// ```
/// use fsqca::robustness::{Analysis, Parameter, ParameterGrid};
///
/// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
/// let sweep = Analysis::new(data, "Y")
///     .membership_condition("A")
///     .sweep(&[ParameterGrid::new(Parameter::InclCut, vec![0.8])?])?;
/// let rf = sweep.summary().fit;
/// assert_eq!((rf.rf_cov, rf.rf_cons, rf.rf_sc_min), (Some(1.0), Some(1.0), Some(1.0)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct RobustnessFit {
    /// RF_cov = covS(RC) / covS(IS).
    pub rf_cov: Option<f64>,
    /// RF_cons = inclS(IS) / inclS(RC).
    pub rf_cons: Option<f64>,
    /// RF_SC_minTS: set coincidence of IS and TS_min.
    pub rf_sc_min: Option<f64>,
    /// RF_SC_maxTS: set coincidence of IS and TS_max.
    pub rf_sc_max: Option<f64>,
}

/// One grid of a sweep, as the summary reports it: the parameter, its baseline value, the
/// lowest and highest grid values and the number of values.
///
/// # Example
/// See [`TestSetUsed`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct GridUsed {
    /// The parameter.
    pub parameter: Parameter,
    /// Its baseline value.
    pub baseline: f64,
    /// The lowest grid value.
    pub low: f64,
    /// The highest grid value.
    pub high: f64,
    /// The number of values.
    pub points: usize,
}

/// The test set a sweep used: one-at-a-time grids, or a chosen set of named alternatives
/// ([`Analysis::sweep_test_set`](super::Analysis::sweep_test_set)). With the `serde` feature it
/// serialises with `"kind": "grids"` or `"kind": "chosen"`.
///
/// # Example
/// ```
/// use fsqca::robustness::{Alternative, Analysis, Parameter, ParameterGrid, TestSet, TestSetUsed};
///
/// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
/// let a = Analysis::new(data, "Y").membership_condition("A");
/// let grids = a.sweep(&[ParameterGrid::span(Parameter::InclCut, 0.7, 0.9, 3)?])?.summary();
/// let TestSetUsed::Grids { grids } = &grids.test_set else { panic!() };
/// assert_eq!((grids[0].low, grids[0].high, grids[0].points), (0.7, 0.9, 3));
/// let set = TestSet::new("cuts", vec![Alternative::new("n2").n_cut(2)])?;
/// let chosen = a.sweep_test_set(&set)?.summary();
/// assert_eq!(
///     chosen.test_set,
///     TestSetUsed::Chosen { name: "cuts".into(), alternatives: vec!["n2".into()] }
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TestSetUsed {
    /// One-at-a-time grids.
    Grids {
        /// The grids, in order.
        grids: Vec<GridUsed>,
    },
    /// A chosen test set.
    Chosen {
        /// Its name.
        name: String,
        /// Its alternatives' names, in order.
        alternatives: Vec<String>,
    },
}

/// How one term of the baseline solution fares across the variants.
///
/// # Example
/// See [`Summary`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TermRobustness {
    /// The term, as in the baseline solution (`E*P`).
    pub term: Expression,
    /// Share of the solved variants with the term in every model.
    pub share: f64,
    /// Per parameter, the values over which the term stays in the solution.
    pub ranges: Vec<SensitivityRange>,
}

/// The stability summary of a [`Sweep`].
///
/// `Display` writes it in plain words.
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
/// let summary = sweep.summary();
/// // At incl_cut 0.6 and 0.7 the solution is A: the baseline's A*B is not robust.
/// assert!(summary.core.is_empty());
/// assert_eq!(summary.terms[0].term.to_string(), "A*B");
/// assert_eq!(summary.ranges[0].low, 0.8);
/// assert!(summary.to_string().contains("robust core"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Summary {
    /// The outcome.
    pub outcome: String,
    /// The baseline models, each one expression (`A*B + C`).
    pub baseline: Vec<Expression>,
    /// The test set the sweep used: grids or a chosen set.
    pub test_set: TestSetUsed,
    /// Number of variants.
    pub variants: usize,
    /// Variants that give the baseline's solution.
    pub same: usize,
    /// Variants skipped (see [`VariantResult::Skipped`](super::VariantResult::Skipped)).
    pub skipped: usize,
    /// Per grid, the values over which the solution stays the baseline's.
    pub ranges: Vec<SensitivityRange>,
    /// The terms present in every model of the baseline and of every solved variant.
    pub core: Vec<Expression>,
    /// The sufficiency of the disjunction of the core terms (the terms common to every
    /// variant, not Oana & Schneider's robust core; for the fit of that fuzzy set see
    /// [`CaseRobustness::robust_core_fit`](super::CaseRobustness)) on the baseline data; `None`
    /// when no term is common.
    pub common_terms_fit: Option<Sufficiency>,
    /// The variants whose analysis has no solution (no positive row), by name
    /// ([`Variant::name`]).
    pub no_solution: Vec<String>,
    /// Oana & Schneider's robustness fit parameters over every solved variant, those without a
    /// solution as empty sets (then RF_cov = RF_SC_minTS = 0 and RF_cons is undefined).
    pub fit: RobustnessFit,
    /// The same over the variants with a solution only, as a SetMethods user (who cannot pass
    /// an empty solution) computes it; equal to [`fit`](Self::fit) when every variant has one.
    pub fit_without_no_solution: RobustnessFit,
    /// Each term of the baseline's first model, with its stability.
    pub terms: Vec<TermRobustness>,
}

impl Sweep {
    /// The stability summary: sensitivity ranges, robust core (as terms and as Oana &
    /// Schneider's fuzzy set), robustness fit, and the stability of each baseline term.
    ///
    /// # Example
    /// See [`Summary`].
    pub fn summary(&self) -> Summary {
        let baseline = self.baseline().clone();
        let ranges = self
            .grids()
            .iter()
            .map(|(g, b)| range(self, g.parameter(), *b, |v| v.is_baseline_solution()))
            .collect();
        let first: Vec<Expression> = baseline
            .models()
            .and_then(|m| m.first().cloned())
            .unwrap_or_default();
        let solved: Vec<&Variant> = self
            .variants()
            .iter()
            .filter(|v| v.result().models().is_some())
            .collect();
        let terms = first
            .iter()
            .map(|term| {
                let has =
                    |v: &Variant| v.result().common_terms().is_some_and(|t| t.contains(&term));
                let with = solved.iter().filter(|v| has(v)).count();
                TermRobustness {
                    term: term.clone(),
                    share: if solved.is_empty() {
                        1.0
                    } else {
                        with as f64 / solved.len() as f64
                    },
                    ranges: self
                        .grids()
                        .iter()
                        .map(|(g, b)| range(self, g.parameter(), *b, has))
                        .collect(),
                }
            })
            .collect();
        Summary {
            outcome: self.outcome().to_owned(),
            baseline: self.baseline_models.clone(),
            test_set: self.test_set_used(),
            variants: self.variants().len(),
            same: self
                .variants()
                .iter()
                .filter(|v| v.is_baseline_solution())
                .count(),
            skipped: self.variants().len() - solved.len(),
            ranges,
            core: self.core.clone(),
            common_terms_fit: self.common_terms_fit,
            no_solution: solved
                .iter()
                .filter(|v| v.result().models().is_some_and(|m| m.is_empty()))
                .map(|v| v.name())
                .collect(),
            fit: self.robustness_fit(|_| true),
            fit_without_no_solution: self
                .robustness_fit(|v| v.result().models().is_some_and(|m| !m.is_empty())),
            terms,
        }
    }

    fn test_set_used(&self) -> TestSetUsed {
        match self.chosen_test_set() {
            Some(name) => TestSetUsed::Chosen {
                name: name.to_owned(),
                alternatives: self
                    .variants()
                    .iter()
                    .filter_map(|v| v.alternative().map(str::to_owned))
                    .collect(),
            },
            None => TestSetUsed::Grids {
                grids: self
                    .grids()
                    .iter()
                    .map(|(g, baseline)| GridUsed {
                        parameter: g.parameter().clone(),
                        baseline: *baseline,
                        low: g.values().iter().copied().fold(f64::INFINITY, f64::min),
                        high: g.values().iter().copied().fold(f64::NEG_INFINITY, f64::max),
                        points: g.values().len(),
                    })
                    .collect(),
            },
        }
    }

    /// TS_min, the intersection (minimum) of every solved variant's first model; the
    /// baseline's when no variant was solved.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Analysis, Parameter, ParameterGrid};
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let sweep = Analysis::new(data, "Y")
    ///     .membership_condition("A")
    ///     .sweep(&[ParameterGrid::new(Parameter::InclCut, vec![0.8])?])?;
    /// assert_eq!(sweep.minimal_test_set().values().to_vec(), [1.0, 0.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn minimal_test_set(&self) -> FuzzySet {
        self.test_set("TS_min", f64::min)
    }

    /// TS_max, the union (maximum) of every solved variant's first model; the baseline's when
    /// no variant was solved.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Analysis, Parameter, ParameterGrid};
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let sweep = Analysis::new(data, "Y")
    ///     .membership_condition("A")
    ///     .sweep(&[ParameterGrid::new(Parameter::InclCut, vec![0.8])?])?;
    /// assert_eq!(sweep.maximal_test_set().values().to_vec(), [1.0, 0.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn maximal_test_set(&self) -> FuzzySet {
        self.test_set("TS_max", f64::max)
    }

    /// Oana & Schneider's robust core RC = IS ∩ TS_min, as a fuzzy set over the cases.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Analysis, Parameter, ParameterGrid};
    ///
    /// let data = fsqca::Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let sweep = Analysis::new(data, "Y")
    ///     .membership_condition("A")
    ///     .sweep(&[ParameterGrid::new(Parameter::InclCut, vec![0.8])?])?;
    /// assert_eq!(sweep.robust_core().values().to_vec(), [1.0, 0.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn robust_core(&self) -> FuzzySet {
        let ts_min = self.minimal_test_set();
        let values: Vec<f64> = self
            .baseline_membership
            .iter()
            .zip(ts_min.values())
            .map(|(a, b)| a.min(*b))
            .collect();
        membership_set("RC", values)
    }

    fn test_set(&self, name: &str, combine: fn(f64, f64) -> f64) -> FuzzySet {
        membership_set(name, self.fold_tests(|_| true, combine))
    }

    /// The fold of the memberships of the solved variants that `keep` keeps; the baseline's
    /// when there is none.
    fn fold_tests(
        &self,
        keep: impl Fn(&Variant) -> bool,
        combine: fn(f64, f64) -> f64,
    ) -> Vec<f64> {
        let mut sets = self
            .variants()
            .iter()
            .filter(|v| keep(v))
            .filter_map(Variant::membership);
        match sets.next() {
            None => self.baseline_membership.clone(),
            Some(first) => sets.fold(first.to_vec(), |mut acc, m| {
                for (a, b) in acc.iter_mut().zip(m) {
                    *a = combine(*a, *b);
                }
                acc
            }),
        }
    }

    fn robustness_fit(&self, keep: impl Fn(&Variant) -> bool + Copy) -> RobustnessFit {
        let ts_min = self.fold_tests(keep, f64::min);
        let ts_max = self.fold_tests(keep, f64::max);
        RobustnessFit::from_test_sets(
            &self.baseline_membership,
            &self.outcome_membership,
            &ts_min,
            &ts_min,
            &ts_max,
        )
    }
}

impl RobustnessFit {
    /// The fit of `is` for the outcome `y` against the test memberships: RF_cov and RF_cons
    /// over `core_tests`, the coincidences over `coincidence_tests` (both non-empty).
    pub(super) fn from_memberships(
        is: &[f64],
        y: &[f64],
        core_tests: &[&[f64]],
        coincidence_tests: &[&[f64]],
    ) -> Self {
        Self::from_test_sets(
            is,
            y,
            &fold(core_tests, f64::min),
            &fold(coincidence_tests, f64::min),
            &fold(coincidence_tests, f64::max),
        )
    }

    /// The fit from the minimal test set of the core (`core_min`) and the minimal and maximal
    /// test sets of the coincidences.
    fn from_test_sets(
        is: &[f64],
        y: &[f64],
        core_min: &[f64],
        ts_min: &[f64],
        ts_max: &[f64],
    ) -> Self {
        let rc: Vec<f64> = is.iter().zip(core_min).map(|(a, b)| a.min(*b)).collect();
        let sum_min = |a: &[f64]| a.iter().zip(y).map(|(a, b)| a.min(*b)).sum::<f64>();
        let is_y = sum_min(is);
        let rc_y = sum_min(&rc);
        let is_sum: f64 = is.iter().sum();
        let rc_sum: f64 = rc.iter().sum();
        let ratio = |n: f64, d: f64| (d > 0.0).then(|| n / d);
        let incl_is = ratio(is_y, is_sum);
        let incl_rc = ratio(rc_y, rc_sum);
        RobustnessFit {
            rf_cov: ratio(rc_y, is_y),
            rf_cons: incl_is.zip(incl_rc).and_then(|(a, b)| ratio(a, b)),
            rf_sc_min: coincidence(is, ts_min),
            rf_sc_max: coincidence(is, ts_max),
        }
    }
}

/// The element-wise fold of equally long memberships (at least one).
pub(super) fn fold(sets: &[&[f64]], f: fn(f64, f64) -> f64) -> Vec<f64> {
    let mut out = sets[0].to_vec();
    for s in &sets[1..] {
        for (a, b) in out.iter_mut().zip(s.iter()) {
            *a = f(*a, *b);
        }
    }
    out
}

/// Memberships computed from valid memberships by min and max are valid.
fn membership_set(name: &str, values: Vec<f64>) -> FuzzySet {
    FuzzySet::from_derived(name, values.into())
}

/// The run of grid values of `parameter` around `baseline` where `keep` holds.
fn range(
    sweep: &Sweep,
    parameter: &Parameter,
    baseline: f64,
    keep: impl Fn(&Variant) -> bool,
) -> SensitivityRange {
    let mut points: Vec<(f64, bool)> = sweep
        .variants_of(parameter)
        .filter_map(|v| v.value().map(|x| (x, keep(v))))
        .collect();
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    let grid_low = points.first().map_or(baseline, |p| p.0);
    let grid_high = points.last().map_or(baseline, |p| p.0);
    let mut low = baseline;
    for &(v, ok) in points.iter().rev().filter(|p| p.0 < baseline) {
        if !ok {
            break;
        }
        low = v;
    }
    let mut high = baseline;
    for &(v, ok) in points.iter().filter(|p| p.0 > baseline) {
        if !ok {
            break;
        }
        high = v;
    }
    SensitivityRange {
        parameter: parameter.clone(),
        baseline,
        low,
        high,
        grid_low,
        grid_high,
    }
}

/// The expressions' texts joined with `separator`.
fn join(expressions: &[Expression], separator: &str) -> String {
    expressions
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(separator)
}

impl fmt::Display for SensitivityRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let g = |x: f64| {
            format!("{x:.4}")
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_owned()
        };
        write!(
            f,
            "{} (baseline {}): {} to {} of the grid {} to {}",
            self.parameter,
            g(self.baseline),
            g(self.low),
            g(self.high),
            g(self.grid_low),
            g(self.grid_high)
        )?;
        if self.covers_grid() {
            f.write_str(", the whole grid")?;
        }
        Ok(())
    }
}

/// `test set: one-at-a-time grids: incl_cut 0.7 to 0.9 (5 values, baseline 0.8)`, or
/// `test set: chosen test set `NAME`: TS1, TS2`.
impl fmt::Display for TestSetUsed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TestSetUsed::Grids { grids } => {
                f.write_str("test set: one-at-a-time grids: ")?;
                let parts: Vec<String> = grids
                    .iter()
                    .map(|g| {
                        format!(
                            "{} {} to {} ({} values, baseline {})",
                            g.parameter,
                            short(&g.low),
                            short(&g.high),
                            g.points,
                            short(&g.baseline)
                        )
                    })
                    .collect();
                f.write_str(&parts.join(", "))
            }
            TestSetUsed::Chosen { name, alternatives } => {
                write!(
                    f,
                    "test set: chosen test set `{name}`: {}",
                    alternatives.join(", ")
                )
            }
        }
    }
}

/// `RF_cov 0.812  RF_cons 1.004  RF_SC_minTS 0.790  RF_SC_maxTS 0.951`, 3 decimals, `-` when
/// undefined.
impl fmt::Display for RobustnessFit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "RF_cov {}  RF_cons {}  RF_SC_minTS {}  RF_SC_maxTS {}",
            metric(self.rf_cov),
            metric(self.rf_cons),
            metric(self.rf_sc_min),
            metric(self.rf_sc_max)
        )
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let baseline = if self.baseline.is_empty() {
            "no solution (no positive row)".to_owned()
        } else {
            join(&self.baseline, " | ")
        };
        writeln!(
            f,
            "robustness of {}: baseline solution {baseline}",
            self.outcome
        )?;
        writeln!(
            f,
            "  {} variants: {} give the baseline solution, {} another, {} skipped",
            self.variants,
            self.same,
            self.variants - self.same - self.skipped,
            self.skipped
        )?;
        writeln!(f, "  {}", self.test_set)?;
        if let TestSetUsed::Grids { .. } = self.test_set {
            writeln!(f, "  sensitivity ranges (the solution stays the same):")?;
            for r in &self.ranges {
                writeln!(f, "    {r}")?;
            }
        }
        if self.core.is_empty() {
            writeln!(f, "  robust core: no term is in every variant's solution")?;
        } else {
            let fit = self.common_terms_fit.unwrap_or_default();
            writeln!(
                f,
                "  robust core (terms in every variant's solution): {}  (inclS {}, covS {})",
                join(&self.core, " + "),
                metric(fit.incl),
                metric(fit.cov)
            )?;
        }
        writeln!(f, "  robustness fit (Oana & Schneider): {}", self.fit)?;
        if !self.no_solution.is_empty() {
            writeln!(
                f,
                "  {} variant(s) without a solution (counted above as empty sets): {}",
                self.no_solution.len(),
                self.no_solution.join(", ")
            )?;
            writeln!(
                f,
                "  robustness fit without them: {}",
                self.fit_without_no_solution
            )?;
        }
        for t in &self.terms {
            writeln!(
                f,
                "  term {}: in {:.0}% of the solved variants",
                t.term,
                100.0 * t.share
            )?;
        }
        Ok(())
    }
}
