//! Options of a minimization, and the derivation of the solutions from a truth table.

use std::collections::{BTreeMap, BTreeSet};

use ndarray::Array1;
use std::fmt;
use std::str::FromStr;

use crate::expression::{Expression, Literal};
use crate::fit::{self, IntoOutcome};
#[cfg(doc)]
use crate::minimize::{CoverSearch, PrimeMethod};
use crate::minimize::{EngineOptions, Implicant, MinimizationProblem, Minimized, Remainders};
use crate::truth_table::{OutputValue, TruthTable};

use super::error::SolutionError;
use super::expectations::{expectation_cube, DirectionalExpectations, ExpectationGroup};
use super::result::{Configuration, Model, Solution, Term};
use super::warning::SolutionWarning;

/// The most configurations listed as simplifying assumptions of one solution, over all its
/// models, and as counterfactuals of one pair of models.
///
/// The simplifying assumptions are listed model by model, in the models' order, while they
/// fit within this limit; the models after that list none, and the solution's
/// [`warning`](Solution::warning) says for how many models they are listed. (With many
/// conditions and thousands of models, listing every model's assumptions would take memory
/// exponential in the number of conditions.) An intermediate solution whose counterfactuals
/// exceed the limit fails with [`SolutionError::TooManyCounterfactuals`].
///
/// # Example
/// ```
/// use fsqca::solution::MAX_COUNTERFACTUALS;
/// assert_eq!(MAX_COUNTERFACTUALS, 1 << 20);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_COUNTERFACTUALS: usize = 1 << 20;

/// Which remainders a solution may use.
///
/// # Example
/// ```
/// use fsqca::solution::SolutionType;
///
/// let t: SolutionType = "parsimonious".parse()?;
/// assert_eq!(t, SolutionType::Parsimonious);
/// assert_eq!(t.to_string(), "parsimonious");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum SolutionType {
    /// No remainder is used (the complex solution).
    #[default]
    Conservative,
    /// Any remainder may be used.
    Parsimonious,
    /// Only remainders consistent with directional expectations (easy counterfactuals).
    Intermediate,
}

impl fmt::Display for SolutionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Conservative => "conservative",
            Self::Parsimonious => "parsimonious",
            Self::Intermediate => "intermediate",
        })
    }
}

impl FromStr for SolutionType {
    type Err = String;

    /// Accepts `conservative` (or `complex`), `parsimonious`, `intermediate`, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "conservative" | "complex" => Ok(Self::Conservative),
            "parsimonious" => Ok(Self::Parsimonious),
            "intermediate" => Ok(Self::Intermediate),
            other => Err(format!(
                "unknown solution type `{other}` (expected conservative, parsimonious or intermediate)"
            )),
        }
    }
}

/// How to minimize a truth table, and the terminal [`SolutionOptions::solve`].
///
/// The engine's knobs (model and search limits, row dominance, prime implicant method, which
/// covers are models) are not copied here: they live in one [`EngineOptions`] value, given
/// with [`SolutionOptions::engine`] and read back with [`SolutionOptions::get_engine`]. That
/// engine serves every minimization behind the solution (the conservative and parsimonious
/// ones, and each intermediate one).
///
/// Every option, its setter and its getter (an options type's getter is `get_` and its
/// setter's name):
///
/// | option | set with | read with | default |
/// | --- | --- | --- | --- |
/// | solution type | [`SolutionOptions::new`], [`SolutionOptions::solution_type`] | [`SolutionOptions::get_solution_type`] | [`SolutionType::Conservative`] ([`Default`]) |
/// | directional expectations | [`SolutionOptions::directional_expectations`] | [`SolutionOptions::get_directional_expectations`] | none |
/// | excluded remainders (row ids) | [`SolutionOptions::exclude`] | [`SolutionOptions::get_exclude`] | none |
/// | engine options | [`SolutionOptions::engine`] | [`SolutionOptions::get_engine`] | [`EngineOptions::new`] |
/// | models at most | [`EngineOptions::max_models`] | [`EngineOptions::get_max_models`] | 10,000 |
/// | row dominance (R's `row.dom`) | [`EngineOptions::row_dominance`] | [`EngineOptions::get_row_dominance`] | `false` |
/// | minimum or every irredundant model (R's `all.sol`) | [`EngineOptions::covers`] | [`EngineOptions::get_covers`] | [`CoverSearch::Minimum`] |
/// | prime implicant method | [`EngineOptions::method`] | [`EngineOptions::get_method`] | [`PrimeMethod::Fast`] |
/// | prime implicants at most | [`EngineOptions::max_prime_implicants`] | [`EngineOptions::get_max_prime_implicants`] | 2,000,000 |
/// | search nodes at most | [`EngineOptions::max_search_nodes`] | [`EngineOptions::get_max_search_nodes`] | 100,000 |
/// | accept an unproven minimum | [`EngineOptions::accept_unproven`] | [`EngineOptions::get_accept_unproven`] | `false` |
///
/// The defaults are R QCA's `minimize()` defaults:
/// - directional expectations: none, which only the conservative and parsimonious solutions
///   accept: an intermediate solution needs some ([`SolutionError::NoDirectionalExpectations`];
///   R QCA, likewise, gives an intermediate solution only with `dir.exp`);
/// - excluded rows: none;
/// - the engine's (see [`EngineOptions`]): every minimal model (`all.sol = FALSE`), row
///   dominance off (`row.dom = FALSE`), at most 10,000 models; beyond, the solution lists the
///   first ones and says so in its [`warning`](Solution::warning).
///
/// One options value serves any number of truth tables; [`SolutionOptions::validate`] checks
/// what can be checked without one.
///
/// # Example
/// ```
/// use fsqca::minimize::{CoverSearch, EngineOptions};
/// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
///
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
///     ("Y", vec![1.0, 1.0, 0.0, 0.0]),
/// ])?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
/// // Every irredundant model, as R QCA's `all.sol = TRUE`.
/// let options = SolutionOptions::new(SolutionType::Parsimonious)
///     .engine(EngineOptions::new().covers(CoverSearch::Irredundant).max_models(100));
/// assert_eq!(options.get_engine().get_max_models(), 100);
/// let solution = options.solve(&tt)?;
/// assert_eq!(solution.models()[0].expression().to_string(), "A");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct SolutionOptions {
    solution_type: SolutionType,
    expectations: DirectionalExpectations,
    exclude: Vec<u64>,
    engine: EngineOptions,
}

impl Default for SolutionOptions {
    fn default() -> Self {
        Self::new(SolutionType::Conservative)
    }
}

impl SolutionOptions {
    /// Options for the given solution type, the rest at their defaults.
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// let o = SolutionOptions::new(SolutionType::Intermediate);
    /// assert_eq!(o.get_solution_type(), SolutionType::Intermediate);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(solution_type: SolutionType) -> Self {
        Self {
            solution_type,
            expectations: DirectionalExpectations::new(),
            exclude: Vec::new(),
            engine: EngineOptions::new(),
        }
    }

    /// Sets the solution type (also given to [`SolutionOptions::new`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// let o = SolutionOptions::default().solution_type(SolutionType::Parsimonious);
    /// assert_eq!(o.get_solution_type(), SolutionType::Parsimonious);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn solution_type(mut self, solution_type: SolutionType) -> Self {
        self.solution_type = solution_type;
        self
    }

    /// Sets the directional expectations of an intermediate solution, which needs at least
    /// one (see [`SolutionOptions::validate`]); the other types ignore them, so that one
    /// options value can serve every type.
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// let o = SolutionOptions::new(SolutionType::Intermediate).directional_expectations("A, ~B".parse()?);
    /// assert_eq!(o.get_directional_expectations().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn directional_expectations(mut self, expectations: DirectionalExpectations) -> Self {
        self.expectations = expectations;
        self
    }

    /// Excludes remainders, by R QCA row id (untenable or impossible assumptions): they are
    /// never used as simplifying assumptions or counterfactuals. The conservative solution,
    /// which uses no remainder, ignores them (as it ignores directional expectations), but
    /// still checks that each id is a remainder of the table: an id that is no row, or an
    /// observed row (positive, negative or contradiction), fails [`SolutionOptions::solve`].
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// let o = SolutionOptions::new(SolutionType::Parsimonious).exclude([3, 7]);
    /// assert_eq!(o.get_exclude(), [3, 7]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exclude(mut self, ids: impl IntoIterator<Item = u64>) -> Self {
        self.exclude = ids.into_iter().collect();
        self
    }

    /// Sets the options of the minimization engine behind every minimization of the
    /// solution: limits on models, prime implicants and search nodes, row dominance (R QCA's
    /// `row.dom`), the prime implicant method, whether an unproven minimum is accepted, and
    /// which covers are models ([`CoverSearch::Irredundant`] gives every irredundant model,
    /// not only the minimal ones: R QCA's `all.sol = TRUE`). See [`EngineOptions`] for each
    /// and its default.
    ///
    /// With [`EngineOptions::accept_unproven`], a search stopped by its node limit gives the
    /// smallest model found, with [`Solution::is_minimum_proven`] `false` and a
    /// [`Solution::warning`] that gives the proven lower bound. With
    /// [`PrimeMethod::Pruned`], the solution's prime implicant list is the shorter list of
    /// those that can be in a minimum model.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CoverSearch, EngineOptions, PrimeMethod};
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    ///
    /// let all_sol = SolutionOptions::new(SolutionType::Parsimonious)
    ///     .engine(EngineOptions::new().covers(CoverSearch::Irredundant));
    /// assert_eq!(all_sol.get_engine().get_covers(), CoverSearch::Irredundant);
    /// let pruned = SolutionOptions::new(SolutionType::Parsimonious)
    ///     .engine(EngineOptions::new().method(PrimeMethod::Pruned).max_search_nodes(1_000_000));
    /// assert_eq!(pruned.get_engine().get_method(), PrimeMethod::Pruned);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn engine(mut self, engine: EngineOptions) -> Self {
        self.engine = engine;
        self
    }

    /// The solution type (see [`SolutionOptions::solution_type`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// let o = SolutionOptions::new(SolutionType::Parsimonious);
    /// assert_eq!(o.get_solution_type(), SolutionType::Parsimonious);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_solution_type(&self) -> SolutionType {
        self.solution_type
    }

    /// The directional expectations (see [`SolutionOptions::directional_expectations`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// let o = SolutionOptions::new(SolutionType::Intermediate);
    /// assert!(o.get_directional_expectations().is_empty());
    /// let o = o.directional_expectations("A".parse()?);
    /// assert_eq!(o.get_directional_expectations().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_directional_expectations(&self) -> &DirectionalExpectations {
        &self.expectations
    }

    /// The excluded row ids (see [`SolutionOptions::exclude`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// let o = SolutionOptions::new(SolutionType::Parsimonious);
    /// assert!(o.get_exclude().is_empty());
    /// assert_eq!(o.exclude([2]).get_exclude(), [2]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_exclude(&self) -> &[u64] {
        &self.exclude
    }

    /// The engine's options (see [`SolutionOptions::engine`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// use fsqca::solution::SolutionOptions;
    /// assert_eq!(SolutionOptions::default().get_engine(), &EngineOptions::new());
    /// assert_eq!(SolutionOptions::default().get_engine().get_max_models(), 10_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_engine(&self) -> &EngineOptions {
        &self.engine
    }

    /// Checks what the options can tell without a truth table: an intermediate solution needs
    /// directional expectations, and the engine's options must be valid
    /// ([`EngineOptions::validate`]). [`SolutionOptions::solve`] runs this check first; call
    /// it earlier to refuse the options before any data is read.
    ///
    /// # Errors
    /// [`crate::Error::Solution`] with [`SolutionError::NoDirectionalExpectations`] for an
    /// intermediate solution without directional expectations (it would silently be the
    /// conservative solution); [`crate::Error::Minimize`] with
    /// [`MinimizeError::InvalidLimit`](crate::minimize::MinimizeError::InvalidLimit) for an
    /// engine limit of 0.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, MinimizeError};
    /// use fsqca::solution::{SolutionError, SolutionOptions, SolutionType};
    /// use fsqca::Error;
    ///
    /// let bare = SolutionOptions::new(SolutionType::Intermediate);
    /// assert!(matches!(
    ///     bare.validate(),
    ///     Err(Error::Solution(SolutionError::NoDirectionalExpectations))
    /// ));
    /// bare.directional_expectations("A, ~B".parse()?).validate()?;
    /// let no_models = SolutionOptions::new(SolutionType::Conservative)
    ///     .engine(EngineOptions::new().max_models(0));
    /// assert!(matches!(
    ///     no_models.validate(),
    ///     Err(Error::Minimize(MinimizeError::InvalidLimit { option: "max_models", value: 0 }))
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> crate::Result<()> {
        if self.solution_type == SolutionType::Intermediate && self.expectations.is_empty() {
            return Err(SolutionError::NoDirectionalExpectations.into());
        }
        self.engine.validate()?;
        Ok(())
    }

    /// Minimizes the truth table: every minimal model of the requested type (every
    /// irredundant one with [`CoverSearch::Irredundant`]), with its fit.
    ///
    /// Positive rows (`1`) are covered; negative rows and contradictions are never covered;
    /// remainders (`?`) are used as the solution type allows.
    ///
    /// # Errors
    /// The errors of [`SolutionOptions::validate`], which runs first (an intermediate
    /// solution without directional expectations, an engine limit of 0);
    /// [`crate::Error::Minimize`] when there is no positive row
    /// ([`MinimizeError::NoPositiveRows`](crate::minimize::MinimizeError::NoPositiveRows)) or
    /// the engine's limits are hit; [`crate::Error::Solution`] for an expectation on an unknown condition, an excluded row that is not a
    /// remainder ([`SolutionError::UnknownRow`], [`SolutionError::ExcludedPositiveRow`],
    /// [`SolutionError::ExcludedObservedRow`]), too many counterfactuals, or a parsimonious
    /// solution that is a tautology (no row is negative, so the outcome would need no
    /// condition at all: [`SolutionError::Tautology`]).
    ///
    /// # Complexity
    /// Exponential in the number of conditions in the worst case (prime implicants and
    /// minimum covers are NP-hard problems); see [`crate::minimize`].
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    ///
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0]),
    ///     ("Y", vec![0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A"])?;
    /// let err = SolutionOptions::new(SolutionType::Conservative).solve(&tt).unwrap_err();
    /// assert_eq!(err.to_string(), "no positive rows to minimize");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn solve(&self, tt: &TruthTable) -> crate::Result<Solution> {
        self.validate()?;
        let context = Context::new(tt)?;
        let excluded = context.excluded_configurations(&self.exclude)?;
        let engine = &self.engine;
        let mut notes = Notes::default();
        let (prime_implicants, essential, models) = match self.solution_type {
            SolutionType::Conservative => {
                let m = context.minimize(Remainders::None, &[], engine)?;
                notes.record(&m);
                let models = context.models(&m, None)?;
                (
                    context.terms(m.prime_implicants()),
                    context.essential(&m),
                    models,
                )
            }
            SolutionType::Parsimonious => {
                let m = context.minimize(Remainders::All, &excluded, engine)?;
                notes.record(&m);
                let mut models = context.models(&m, None)?;
                let mut budget = AssumptionBudget::new();
                for (model, chosen) in models.iter_mut().zip(m.models()) {
                    let terms: Vec<&Implicant> =
                        chosen.iter().map(|&i| &m.prime_implicants()[i]).collect();
                    model.simplifying_assumptions = budget.list(&context, &terms);
                }
                notes.warnings.extend(budget.warning());
                (
                    context.terms(m.prime_implicants()),
                    context.essential(&m),
                    models,
                )
            }
            SolutionType::Intermediate => {
                self.intermediate(&context, &excluded, engine, &mut notes)?
            }
        };
        let Notes {
            mut warnings,
            unproven,
        } = notes;
        warnings.dedup();
        Ok(Solution {
            solution_type: self.solution_type,
            outcome: tt.outcome_label(),
            conditions: tt.conditions().to_vec(),
            prime_implicants,
            essential,
            models,
            warnings,
            minimum_proven: !unproven,
        })
    }

    /// The intermediate models of every (conservative, parsimonious) pair.
    #[allow(clippy::type_complexity)]
    fn intermediate(
        &self,
        context: &Context<'_>,
        excluded: &[Vec<u8>],
        engine: &EngineOptions,
        notes: &mut Notes,
    ) -> crate::Result<(Vec<Expression>, Vec<Expression>, Vec<Model>)> {
        let groups = self
            .expectations
            .resolve(context.tt.conditions(), &context.levels)?;
        let conservative = context.minimize(Remainders::None, &[], engine)?;
        let parsimonious = context.minimize(Remainders::All, excluded, engine)?;
        notes.record(&conservative);
        notes.record(&parsimonious);
        let mut prime_implicants: Vec<Expression> = Vec::new();
        let mut essential: Vec<Expression> = Vec::new();
        let mut models = Vec::new();
        let mut budget = AssumptionBudget::new();
        for (ci, c_model) in conservative.models().iter().enumerate() {
            for (pi, p_model) in parsimonious.models().iter().enumerate() {
                let c_terms: Vec<&Implicant> = c_model
                    .iter()
                    .map(|&i| &conservative.prime_implicants()[i])
                    .collect();
                let p_terms: Vec<&Implicant> = p_model
                    .iter()
                    .map(|&i| &parsimonious.prime_implicants()[i])
                    .collect();
                let easy = context.easy_counterfactuals(&c_terms, &p_terms, &groups)?;
                let assumptions = context.remainders_in(&p_terms, MAX_COUNTERFACTUALS).ok_or(
                    SolutionError::TooManyCounterfactuals {
                        max: MAX_COUNTERFACTUALS,
                    },
                )?;
                let easy_set: BTreeSet<&Configuration> = easy.iter().collect();
                let difficult: Vec<Configuration> = assumptions
                    .iter()
                    .filter(|c| !easy_set.contains(c))
                    .cloned()
                    .collect();
                let easy_values: Vec<Vec<u8>> = easy.iter().map(|c| c.values().to_vec()).collect();
                let m = context.minimize(Remainders::Only(easy_values), &[], engine)?;
                notes.record(&m);
                for pi_expr in context.terms(m.prime_implicants()) {
                    if !prime_implicants.contains(&pi_expr) {
                        prime_implicants.push(pi_expr);
                    }
                }
                for e in context.essential(&m) {
                    if !essential.contains(&e) {
                        essential.push(e);
                    }
                }
                let mut pair_models = context.models(&m, Some((ci, pi)))?;
                for (model, chosen) in pair_models.iter_mut().zip(m.models()) {
                    let terms: Vec<&Implicant> =
                        chosen.iter().map(|&i| &m.prime_implicants()[i]).collect();
                    model.simplifying_assumptions = budget.list(context, &terms);
                    model.easy_counterfactuals = easy.clone();
                    model.difficult_counterfactuals = difficult.clone();
                }
                models.extend(pair_models);
            }
        }
        notes.warnings.extend(budget.warning());
        Ok((prime_implicants, essential, models))
    }
}

/// What the minimizations behind a solution reported: their warnings, and whether any
/// minimum was left unproven.
#[derive(Default)]
struct Notes {
    warnings: Vec<SolutionWarning>,
    unproven: bool,
}

impl Notes {
    fn record(&mut self, minimized: &Minimized) {
        self.warnings
            .extend(SolutionWarning::of_minimized(minimized));
        self.unproven |= minimized.lower_bound().is_some();
    }
}

/// What every solution type needs from the truth table, computed once.
struct Context<'a> {
    tt: &'a TruthTable,
    levels: Vec<u8>,
    positive: Vec<Vec<u8>>,
    positive_set: BTreeSet<Vec<u8>>,
    forbidden: Vec<Vec<u8>>,
    /// Whether literals are written with levels (`A[1]`): as R QCA does as soon as one
    /// condition is multi-value, for every crisp condition.
    bracketed: Vec<bool>,
}

impl<'a> Context<'a> {
    fn new(tt: &'a TruthTable) -> crate::Result<Self> {
        let mut levels = Vec::with_capacity(tt.levels().len());
        for (name, &l) in tt.conditions().iter().zip(tt.levels()) {
            let l = u8::try_from(l).map_err(|_| SolutionError::TooManyLevels {
                name: name.clone(),
                levels: l,
                max: u32::from(u8::MAX),
            })?;
            levels.push(l);
        }
        let mut positive = Vec::new();
        let mut forbidden = Vec::new();
        for row in tt.rows() {
            match row.out() {
                OutputValue::Positive => positive.push(row.values().to_vec()),
                OutputValue::Negative | OutputValue::Contradiction => {
                    forbidden.push(row.values().to_vec());
                }
                _ => {}
            }
        }
        let any_multi_value = levels.iter().any(|&l| l > 2);
        let data = tt.data();
        let bracketed = tt
            .conditions()
            .iter()
            .zip(&levels)
            .map(|(name, &l)| {
                l > 2
                    || (any_multi_value
                        && data
                            .column(name)
                            .is_ok_and(|c| c.iter().all(|&v| v == 0.0 || v == 1.0)))
            })
            .collect();
        let positive_set = positive.iter().cloned().collect();
        Ok(Self {
            tt,
            levels,
            positive,
            positive_set,
            forbidden,
            bracketed,
        })
    }

    fn total_rows(&self) -> u64 {
        self.levels
            .iter()
            .try_fold(1u64, |acc, &l| acc.checked_mul(u64::from(l)))
            .unwrap_or(u64::MAX)
    }

    fn excluded_configurations(&self, ids: &[u64]) -> Result<Vec<Vec<u8>>, SolutionError> {
        let max = self.total_rows();
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            if id == 0 || id > max {
                return Err(SolutionError::UnknownRow { id, max });
            }
            let mut rest = id - 1;
            let mut values = vec![0u8; self.levels.len()];
            for (v, &l) in values.iter_mut().zip(&self.levels).rev() {
                *v = (rest % u64::from(l)) as u8;
                rest /= u64::from(l);
            }
            let observed = self.tt.rows().iter().find(|r| r.values() == values);
            match observed.map(|r| r.out()) {
                Some(OutputValue::Positive) => {
                    return Err(SolutionError::ExcludedPositiveRow { id });
                }
                Some(output @ (OutputValue::Negative | OutputValue::Contradiction)) => {
                    return Err(SolutionError::ExcludedObservedRow { id, output });
                }
                Some(OutputValue::Remainder) | None => {}
            }
            out.push(values);
        }
        Ok(out)
    }

    fn minimize(
        &self,
        remainders: Remainders,
        excluded: &[Vec<u8>],
        engine: &EngineOptions,
    ) -> crate::Result<Minimized> {
        let mut problem = MinimizationProblem::new(
            self.levels.clone(),
            self.positive.clone(),
            self.forbidden.clone(),
            remainders,
        )?;
        // Remainders only: `excluded_configurations` refuses observed rows.
        if !excluded.is_empty() {
            problem = problem.exclude(excluded.to_vec())?;
        }
        Ok(problem.solve(engine)?)
    }

    /// A prime implicant as an expression, literals in condition order.
    fn term(&self, implicant: &Implicant) -> Result<Expression, SolutionError> {
        let conditions = self.tt.conditions();
        let literals = implicant.literals().map(|(j, v)| {
            let name = conditions[j].as_str();
            let literal = if self.bracketed[j] {
                Literal::with_levels(name, [u32::from(v)])
            } else if v == 1 {
                Literal::new(name)
            } else {
                Literal::new(name).map(Literal::negate)
            };
            literal.map(Expression::literal)
        });
        let literals = literals.collect::<Result<Vec<_>, _>>()?;
        if literals.is_empty() {
            return Err(SolutionError::Tautology);
        }
        Ok(Expression::conjunction(literals)?)
    }

    fn terms(&self, implicants: &[Implicant]) -> Vec<Expression> {
        implicants
            .iter()
            .filter_map(|i| self.term(i).ok())
            .collect()
    }

    fn essential(&self, m: &Minimized) -> Vec<Expression> {
        m.in_every_model()
            .iter()
            .filter_map(|&i| self.term(&m.prime_implicants()[i]).ok())
            .collect()
    }

    /// The models of a minimization, each with its fit and its terms' cases.
    fn models(&self, m: &Minimized, origin: Option<(usize, usize)>) -> crate::Result<Vec<Model>> {
        let outcome = self
            .tt
            .outcome_label()
            .as_str()
            .outcome_expression()?
            .evaluate(self.tt.data())?;
        // Each prime implicant in some model, evaluated once: its expression, membership
        // values and cases (models share terms; there can be thousands of models).
        let mut evaluated: BTreeMap<usize, (Expression, Array1<f64>, Vec<String>)> =
            BTreeMap::new();
        for &i in m.models().iter().flatten() {
            if let std::collections::btree_map::Entry::Vacant(slot) = evaluated.entry(i) {
                let expression = self.term(&m.prime_implicants()[i])?;
                let membership = expression.evaluate(self.tt.data())?.into_values();
                let cases = membership
                    .iter()
                    .zip(self.tt.data().cases())
                    .filter(|(&x, _)| x > 0.5)
                    .map(|(_, c)| c.clone())
                    .collect();
                slot.insert((expression, membership, cases));
            }
        }
        let mut out = Vec::with_capacity(m.models().len());
        for chosen in m.models() {
            let exprs: Vec<Expression> = chosen.iter().map(|i| evaluated[i].0.clone()).collect();
            let sets: Vec<&Array1<f64>> = chosen.iter().map(|i| &evaluated[i].1).collect();
            let fitted = fit::solution_of_sets(&exprs, &sets, outcome.values());
            let terms = fitted
                .terms
                .into_iter()
                .zip(chosen)
                .map(|(t, i)| Term {
                    expression: t.expression,
                    incl: t.incl,
                    pri: t.pri,
                    cov: t.cov,
                    cov_unique: t.cov_unique,
                    cases: evaluated[i].2.clone(),
                })
                .collect();
            if exprs.is_empty() {
                return Err(SolutionError::Tautology.into());
            }
            let expression = Expression::disjunction(exprs)?;
            out.push(Model {
                expression,
                terms,
                fit: fitted.solution,
                simplifying_assumptions: Vec::new(),
                easy_counterfactuals: Vec::new(),
                difficult_counterfactuals: Vec::new(),
                origin,
            });
        }
        Ok(out)
    }

    /// The remainders (configurations that are not positive rows) inside any of the cubes,
    /// sorted by row id; `None` when they could be more than `limit` (the cubes' sizes add up
    /// to more).
    fn remainders_in_cubes(
        &self,
        cubes: &[Vec<Option<u8>>],
        limit: usize,
    ) -> Option<Vec<Configuration>> {
        let mut total = 0u64;
        for cube in cubes {
            let size = cube
                .iter()
                .zip(&self.levels)
                .filter(|(v, _)| v.is_none())
                .try_fold(1u64, |acc, (_, &l)| acc.checked_mul(u64::from(l)))?;
            total = total.checked_add(size)?;
        }
        if total > limit as u64 {
            return None;
        }
        let mut found = BTreeSet::new();
        for cube in cubes {
            let free: Vec<usize> = (0..cube.len()).filter(|&j| cube[j].is_none()).collect();
            let mut config: Vec<u8> = cube.iter().map(|v| v.unwrap_or(0)).collect();
            loop {
                if !self.positive_set.contains(&config) {
                    // Each value is below its number of levels (the loop counts within them),
                    // so the configuration is valid.
                    if let Ok(c) = Configuration::new(config.clone(), &self.levels) {
                        found.insert(c);
                    }
                }
                // Next configuration of the cube: count over the free positions, last fastest.
                let mut advanced = false;
                for &j in free.iter().rev() {
                    config[j] += 1;
                    if config[j] < self.levels[j] {
                        advanced = true;
                        break;
                    }
                    config[j] = 0;
                }
                if !advanced {
                    break;
                }
            }
        }
        Some(found.into_iter().collect())
    }

    fn remainders_in(&self, terms: &[&Implicant], limit: usize) -> Option<Vec<Configuration>> {
        let cubes: Vec<Vec<Option<u8>>> = terms.iter().map(|t| t.to_levels()).collect();
        self.remainders_in_cubes(&cubes, limit)
    }

    /// The easy counterfactuals of one (conservative, parsimonious) pair of models.
    fn easy_counterfactuals(
        &self,
        conservative: &[&Implicant],
        parsimonious: &[&Implicant],
        groups: &[ExpectationGroup],
    ) -> Result<Vec<Configuration>, SolutionError> {
        let mut cubes = Vec::new();
        for c in conservative {
            let relaxed = expectation_cube(c, groups);
            for p in parsimonious.iter().filter(|p| c.is_subsumed_by(p)) {
                // The relaxed cube within p: p's literals win (c is inside p, so they agree).
                let cube: Vec<Option<u8>> = relaxed
                    .iter()
                    .enumerate()
                    .map(|(j, &v)| p.level(j).or(v))
                    .collect();
                cubes.push(cube);
            }
        }
        self.remainders_in_cubes(&cubes, MAX_COUNTERFACTUALS).ok_or(
            SolutionError::TooManyCounterfactuals {
                max: MAX_COUNTERFACTUALS,
            },
        )
    }
}

/// What is left of [`MAX_COUNTERFACTUALS`] for listing the models' simplifying assumptions.
struct AssumptionBudget {
    left: usize,
    /// Models whose assumptions were listed, and models after the budget ran out.
    listed: usize,
    unlisted: usize,
}

impl AssumptionBudget {
    fn new() -> Self {
        AssumptionBudget {
            left: MAX_COUNTERFACTUALS,
            listed: 0,
            unlisted: 0,
        }
    }

    /// The remainders in `terms` if they still fit (and nothing once one model did not).
    fn list(&mut self, context: &Context<'_>, terms: &[&Implicant]) -> Vec<Configuration> {
        let found = if self.unlisted == 0 {
            context.remainders_in(terms, self.left)
        } else {
            None
        };
        match found {
            Some(list) => {
                self.left -= list.len();
                self.listed += 1;
                list
            }
            None => {
                self.unlisted += 1;
                Vec::new()
            }
        }
    }

    /// The warning when some models have no list.
    fn warning(&self) -> Option<SolutionWarning> {
        (self.unlisted > 0).then(|| SolutionWarning::AssumptionsListedForFirst {
            listed: self.listed,
            models: self.listed + self.unlisted,
            max: MAX_COUNTERFACTUALS,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Dataset, Error, TruthTableOptions};

    /// Rows by id (A most significant): 1 = (0,0) negative, 2 = (0,1) remainder,
    /// 3 = (1,0) contradiction, 4 = (1,1) positive.
    fn table() -> TruthTable {
        let data = Dataset::from_columns([
            ("A", vec![0.0, 1.0, 1.0]),
            ("B", vec![0.0, 0.0, 1.0]),
            ("Y", vec![0.0, 0.6, 1.0]),
        ])
        .unwrap();
        let tt = TruthTableOptions::default()
            .incl_cutoffs(0.8, 0.4)
            .build(&data, "Y", &["A", "B"])
            .unwrap();
        let outs: Vec<(u64, OutputValue)> = tt.rows().iter().map(|r| (r.id(), r.out())).collect();
        assert_eq!(
            outs,
            [
                (1, OutputValue::Negative),
                (3, OutputValue::Contradiction),
                (4, OutputValue::Positive)
            ]
        );
        tt
    }

    const TYPES: [SolutionType; 3] = [
        SolutionType::Conservative,
        SolutionType::Parsimonious,
        SolutionType::Intermediate,
    ];

    /// The models of the solution, as printed.
    fn model_strings(options: &SolutionOptions, tt: &TruthTable) -> Vec<String> {
        options
            .solve(tt)
            .unwrap()
            .models()
            .iter()
            .map(|m| m.expression().to_string())
            .collect()
    }

    fn solution_error(options: &SolutionOptions) -> SolutionError {
        match options.solve(&table()) {
            Err(Error::Solution(e)) => e,
            other => panic!("expected a solution error, got {other:?}"),
        }
    }

    #[test]
    fn intermediate_without_expectations_is_refused() {
        let bare = SolutionOptions::new(SolutionType::Intermediate);
        assert!(matches!(
            bare.validate(),
            Err(Error::Solution(SolutionError::NoDirectionalExpectations))
        ));
        assert_eq!(
            solution_error(&bare),
            SolutionError::NoDirectionalExpectations
        );
        let empty = bare.directional_expectations("".parse().unwrap());
        assert_eq!(
            solution_error(&empty),
            SolutionError::NoDirectionalExpectations
        );
        let expected = empty.directional_expectations("A, B".parse().unwrap());
        assert!(expected.solve(&table()).is_ok());
        // The other types need none.
        for t in [SolutionType::Conservative, SolutionType::Parsimonious] {
            assert!(SolutionOptions::new(t).validate().is_ok());
        }
    }

    #[test]
    fn excluding_an_observed_row_is_refused() {
        for t in TYPES {
            let options = SolutionOptions::new(t).directional_expectations("A, B".parse().unwrap());
            assert_eq!(
                solution_error(&options.clone().exclude([1])),
                SolutionError::ExcludedObservedRow {
                    id: 1,
                    output: OutputValue::Negative
                },
                "{t}"
            );
            assert_eq!(
                solution_error(&options.clone().exclude([2, 3])),
                SolutionError::ExcludedObservedRow {
                    id: 3,
                    output: OutputValue::Contradiction
                },
                "{t}"
            );
            assert_eq!(
                solution_error(&options.clone().exclude([4])),
                SolutionError::ExcludedPositiveRow { id: 4 },
                "{t}"
            );
        }
    }

    #[test]
    fn excluding_a_remainder_works_and_the_conservative_solution_ignores_it() {
        let tt = table();
        let parsimonious = SolutionOptions::new(SolutionType::Parsimonious);
        let models = |o: &SolutionOptions| model_strings(o, &tt);
        assert_eq!(models(&parsimonious), ["B"]);
        assert_eq!(models(&parsimonious.exclude([2])), ["A*B"]);
        let conservative = SolutionOptions::new(SolutionType::Conservative);
        assert_eq!(
            models(&conservative.clone().exclude([2])),
            models(&conservative)
        );
    }

    /// Each setter of `SolutionOptions`, and each engine setter reached through
    /// `SolutionOptions::engine`, is read back by `get_<setter>`: renaming a getter (or
    /// copying an engine knob back into `SolutionOptions`) breaks this test.
    #[test]
    fn every_setter_is_read_back_by_its_get_getter() {
        use crate::minimize::{CoverSearch, PrimeMethod};
        let engine = EngineOptions::new()
            .covers(CoverSearch::Irredundant)
            .method(PrimeMethod::Pruned)
            .max_models(7);
        let o = SolutionOptions::new(SolutionType::Conservative)
            .solution_type(SolutionType::Intermediate)
            .directional_expectations("A, ~B".parse().unwrap())
            .exclude([2, 5])
            .engine(engine.clone());
        assert_eq!(o.get_solution_type(), SolutionType::Intermediate);
        assert_eq!(
            o.get_directional_expectations(),
            &"A, ~B".parse::<DirectionalExpectations>().unwrap()
        );
        assert_eq!(o.get_exclude(), [2, 5]);
        // Each engine getter is tested in `minimize::options`; here, that they are reached.
        assert_eq!(o.get_engine(), &engine);
        assert_eq!(o.get_engine().get_covers(), CoverSearch::Irredundant);
        assert!(o.validate().is_ok());
        // The defaults are the engine's own.
        assert_eq!(
            SolutionOptions::default().get_engine(),
            &EngineOptions::new()
        );
        assert_eq!(
            SolutionOptions::default(),
            SolutionOptions::new(SolutionType::Conservative)
        );
    }

    /// An engine limit of 0 is refused before the table is looked at, for every type.
    #[test]
    fn zero_engine_limits_are_refused() {
        for t in TYPES {
            let base = SolutionOptions::new(t).directional_expectations("A, B".parse().unwrap());
            for (engine, name) in [
                (EngineOptions::new().max_models(0), "max_models"),
                (EngineOptions::new().max_search_nodes(0), "max_search_nodes"),
                (
                    EngineOptions::new().max_prime_implicants(0),
                    "max_prime_implicants",
                ),
            ] {
                let options = base.clone().engine(engine);
                for result in [
                    options.validate().map(|_| ()),
                    options.solve(&table()).map(|_| ()),
                ] {
                    match result {
                        Err(Error::Minimize(crate::minimize::MinimizeError::InvalidLimit {
                            option,
                            value: 0,
                        })) => assert_eq!(option, name, "{t}"),
                        other => panic!("{t} {name}: {other:?}"),
                    }
                }
            }
        }
    }

    /// Irredundant covers reach the solution: with positive rows `A*B*~C` and `A*~B*C`, and
    /// negative rows `~A*B*C` and `~A*~B*~C`, the minimum model is `A`, and `B*~C + ~B*C`
    /// is a second, larger irredundant model (R QCA's `all.sol = TRUE`).
    #[test]
    fn irredundant_covers_give_every_irredundant_model() {
        use crate::minimize::CoverSearch;
        let data = Dataset::from_columns([
            ("A", vec![1.0, 1.0, 0.0, 0.0]),
            ("B", vec![1.0, 0.0, 1.0, 0.0]),
            ("C", vec![0.0, 1.0, 1.0, 0.0]),
            ("Y", vec![1.0, 1.0, 0.0, 0.0]),
        ])
        .unwrap();
        let tt = TruthTableOptions::default()
            .build(&data, "Y", &["A", "B", "C"])
            .unwrap();
        let parsimonious = SolutionOptions::new(SolutionType::Parsimonious);
        assert_eq!(model_strings(&parsimonious, &tt), ["A"]);
        let all_sol = parsimonious.engine(EngineOptions::new().covers(CoverSearch::Irredundant));
        assert_eq!(model_strings(&all_sol, &tt), ["A", "~B*C + B*~C"]);
    }
}
