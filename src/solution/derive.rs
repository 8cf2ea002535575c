//! The derivation of a solution from a truth table: the truth table's rows become a
//! [`MinimizationProblem`] per minimization (conservative, parsimonious, one per intermediate
//! pair), whose models become [`Model`]s with their fit, simplifying assumptions and
//! counterfactuals. [`SolutionOptions::solve`](super::SolutionOptions::solve) is the entry
//! point; this file holds the algorithm it runs.

use std::collections::{BTreeMap, BTreeSet};

use ndarray::Array1;

use crate::expression::{Expression, Literal};
use crate::fit::{self, IntoOutcome};
use crate::minimize::{
    CubeSet, EngineOptions, Implicant, MinimizationProblem, Minimized, Remainders,
};
use crate::truth_table::{OutputValue, RowIds, TruthTable};

use super::error::SolutionError;
use super::expectations::{expectation_cube, DirectionalExpectations, ExpectationGroup};
use super::options::{Exclusions, SolutionOptions};
use super::result::{Configuration, Model, ModelOrigin, Solution, Term};
use super::solution_type::SolutionType;
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

/// The prime implicants, the essential ones and the models of a solution.
type Derived = (Vec<Expression>, Vec<Expression>, Vec<Model>);

/// The solution of `tt` with `options` (checked by their `validate` before this runs).
pub(super) fn derive(
    tt: &TruthTable,
    options: &SolutionOptions,
) -> Result<Solution, SolutionError> {
    let solution_type = options.get_solution_type();
    let expectations = options.get_directional_expectations();
    let engine = options.get_engine();
    let mut context = Context::new(tt)?;
    context.set_negative(&options.exclusions)?;
    let excluded = context.excluded(options.get_exclude(), &options.exclusions)?;
    let mut notes = Notes::default();
    let (prime_implicants, essential, models) = match solution_type {
        SolutionType::Conservative => {
            let m = context.minimize(Remainders::None, None, engine)?;
            notes.record(&m);
            let models = context.models(&m, None)?;
            (
                context.terms(m.prime_implicants()),
                context.essential(&m),
                models,
            )
        }
        SolutionType::Parsimonious => {
            let m = context.minimize(Remainders::All, Some(&excluded), engine)?;
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
            context.intermediate(expectations, &excluded, engine, &mut notes)?
        }
    };
    let Notes {
        mut warnings,
        unproven,
    } = notes;
    warnings.dedup();
    Ok(Solution {
        solution_type,
        outcome: tt.outcome_label(),
        conditions: tt.conditions().to_vec(),
        prime_implicants,
        essential,
        models,
        warnings,
        minimum_proven: !unproven,
    })
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
    row_ids: RowIds,
    positive: Vec<Vec<u8>>,
    positive_set: BTreeSet<Vec<u8>>,
    forbidden: Vec<Vec<u8>>,
    /// Whether literals are written with levels (`A[1]`): as R QCA does as soon as one
    /// condition is multi-value, for every crisp condition.
    bracketed: Vec<bool>,
}

impl<'a> Context<'a> {
    fn new(tt: &'a TruthTable) -> Result<Self, SolutionError> {
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
            row_ids: RowIds::new(tt.levels())?,
            positive,
            positive_set,
            forbidden,
            bracketed,
        })
    }

    /// Moves the rows of `exclusions.negative_rows` to the forbidden ones: a positive row
    /// stops being positive, a remainder is never used, a negative row or contradiction
    /// stays as it is.
    fn set_negative(&mut self, exclusions: &Exclusions) -> Result<(), SolutionError> {
        for &id in &exclusions.negative_rows {
            let values = self.configuration(id)?;
            if self.positive_set.remove(&values) {
                self.positive.retain(|c| *c != values);
            }
            if !self.forbidden.contains(&values) {
                self.forbidden.push(values);
            }
        }
        Ok(())
    }

    fn configuration(&self, id: u64) -> Result<Vec<u8>, SolutionError> {
        self.row_ids
            .configuration(id)
            .ok_or_else(|| SolutionError::UnknownRow {
                id,
                max: self.row_ids.rows(),
            })
    }

    /// The configurations never used as simplifying assumptions, as cubes: the excluded
    /// row ids (which must be remainders) and the excluded cubes of `exclusions`, without
    /// the positive rows (observed rows keep their output).
    fn excluded(&self, ids: &[u64], exclusions: &Exclusions) -> Result<CubeSet, SolutionError> {
        let rows =
            CubeSet::from_configurations(self.levels.clone(), &self.excluded_configurations(ids)?)?;
        let all = match &exclusions.remainders {
            Some(cubes) => rows.union(cubes)?,
            None => rows,
        };
        let positive = CubeSet::from_configurations(self.levels.clone(), &self.positive)?;
        Ok(all.difference(&positive)?)
    }

    fn excluded_configurations(&self, ids: &[u64]) -> Result<Vec<Vec<u8>>, SolutionError> {
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            let values = self.configuration(id)?;
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
        excluded: Option<&CubeSet>,
        engine: &EngineOptions,
    ) -> Result<Minimized, SolutionError> {
        let mut problem = MinimizationProblem::new(
            self.levels.clone(),
            self.positive.clone(),
            self.forbidden.clone(),
            remainders,
        )?;
        // Without positive rows (`excluded` subtracts them).
        if let Some(excluded) = excluded.filter(|e| !e.is_empty()) {
            problem = problem.exclude_cubes(excluded)?;
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
    fn models(
        &self,
        m: &Minimized,
        origin: Option<ModelOrigin>,
    ) -> Result<Vec<Model>, SolutionError> {
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
                return Err(SolutionError::Tautology);
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

    /// The intermediate models of every (conservative, parsimonious) pair.
    fn intermediate(
        &self,
        expectations: &DirectionalExpectations,
        excluded: &CubeSet,
        engine: &EngineOptions,
        notes: &mut Notes,
    ) -> Result<Derived, SolutionError> {
        let groups = expectations.resolve(self.tt.conditions(), &self.levels)?;
        let conservative = self.minimize(Remainders::None, None, engine)?;
        let parsimonious = self.minimize(Remainders::All, Some(excluded), engine)?;
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
                let easy = self.easy_counterfactuals(&c_terms, &p_terms, &groups)?;
                let assumptions = self.remainders_in(&p_terms, MAX_COUNTERFACTUALS).ok_or(
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
                let m = self.minimize(Remainders::Only(easy_values), None, engine)?;
                notes.record(&m);
                for pi_expr in self.terms(m.prime_implicants()) {
                    if !prime_implicants.contains(&pi_expr) {
                        prime_implicants.push(pi_expr);
                    }
                }
                for e in self.essential(&m) {
                    if !essential.contains(&e) {
                        essential.push(e);
                    }
                }
                let origin = ModelOrigin {
                    conservative: ci,
                    parsimonious: pi,
                };
                let mut pair_models = self.models(&m, Some(origin))?;
                for (model, chosen) in pair_models.iter_mut().zip(m.models()) {
                    let terms: Vec<&Implicant> =
                        chosen.iter().map(|&i| &m.prime_implicants()[i]).collect();
                    model.simplifying_assumptions = budget.list(self, &terms);
                    model.easy_counterfactuals = easy.clone();
                    model.difficult_counterfactuals = difficult.clone();
                }
                models.extend(pair_models);
            }
        }
        notes.warnings.extend(budget.warning());
        Ok((prime_implicants, essential, models))
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
                    // so the configuration is numbered.
                    found.extend(Configuration::numbered(&self.row_ids, config.clone()));
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
