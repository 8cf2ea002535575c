//! The derivation of a solution from a truth table: the truth table's rows become a
//! [`MinimizationProblem`] per minimization (conservative, parsimonious, one per intermediate
//! pair), whose models become [`Model`]s with their fit, simplifying assumptions and
//! counterfactuals. [`SolutionOptions::solve`](super::SolutionOptions::solve) is the entry
//! point; this file holds the algorithm it runs.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::sync::Arc;

use ndarray::Array1;

use crate::counterfactual::TableSpace;
use crate::expression::Expression;
use crate::fit::{self, IntoOutcome, TermUnion};
use crate::minimize::{
    CoverSearch, CubeSet, EngineOptions, EngineWarning, Implicant, MinimizationProblem, Minimized,
    PrimeMethod, Remainders,
};
use crate::truth_table::{OutputValue, RowIds, TruthTable};

use super::counterfactuals::{Counterfactuals, Limits, Names};
use super::error::SolutionError;
use super::expectations::{expectation_cube, DirectionalExpectations, ExpectationGroup};
use super::options::{Exclusions, SolutionOptions};
use super::result::{Model, ModelOrigin, SharedTerm, Solution, Term};
use super::solution_type::SolutionType;
use super::warning::SolutionWarning;

impl SolutionOptions {
    /// Minimizes the truth table: every minimal model of the requested type (every
    /// irredundant one with [`CoverSearch::Irredundant`]), with its fit.
    ///
    /// Positive rows (`1`) are covered; negative rows and contradictions are never covered;
    /// remainders (`?`) are used as the solution type allows.
    ///
    /// # Errors
    /// The errors of [`SolutionOptions::validate`], which runs first (an intermediate
    /// solution without directional expectations, an engine limit of 0);
    /// [`SolutionError::Minimize`] when there is no positive row
    /// ([`MinimizeError::NoPositiveRows`](crate::minimize::MinimizeError::NoPositiveRows)) or
    /// the engine's limits are hit; [`SolutionError::UnknownCondition`] for an expectation on
    /// an unknown condition; an excluded row that is not a remainder ([`SolutionError::UnknownRow`], [`SolutionError::ExcludedPositiveRow`],
    /// [`SolutionError::ExcludedObservedRow`]), or a parsimonious
    /// solution that is a tautology (no row is negative, so the outcome would need no
    /// condition at all: [`SolutionError::Tautology`]).
    ///
    /// # Complexity
    /// Exponential in the number of conditions in the worst case (prime implicants and
    /// minimum covers are NP-hard problems); see [`crate::minimize`].
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::MinimizeError;
    /// use fsqca::solution::{SolutionError, SolutionOptions, SolutionType};
    /// use fsqca::{Dataset, TruthTableOptions};
    ///
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0]),
    ///     ("Y", vec![0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A"])?;
    /// let err = SolutionOptions::new(SolutionType::Conservative).solve(&tt).unwrap_err();
    /// assert!(matches!(err, SolutionError::Minimize(MinimizeError::NoPositiveRows)));
    /// assert_eq!(err.to_string(), "no positive rows to minimize");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn solve(&self, tt: &TruthTable) -> Result<Solution, SolutionError> {
        self.validate()?;
        if self.get_exclude_expressions().is_empty() {
            return derive(tt, self);
        }
        // The expressions as cubes of remainders over this table.
        let space = TableSpace::new(tt)?;
        let mut excluded = space.remainders_where_any(self.get_exclude_expressions())?;
        if let Some(given) = &self.exclusions.remainders {
            excluded = excluded.union(given)?;
        }
        let mut resolved = self.clone();
        resolved.exclusions.remainders = Some(excluded);
        derive(tt, &resolved)
    }
}

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
    let limits = Limits {
        rows: options.get_row_limit(),
        cubes: options.get_cube_limit(),
    };
    let mut context = Context::new(tt, limits)?;
    context.set_negative(&options.exclusions)?;
    let excluded = context.excluded(options.get_exclude(), &options.exclusions)?;
    let mut notes = Notes::default();
    let (prime_implicants, essential, models) = match solution_type {
        SolutionType::Conservative => {
            let m = context.minimize(Remainders::None, None, engine)?;
            notes.record(&m);
            let models = context.models(&m, None, usize::MAX, &mut Evaluated::new())?;
            (
                context.terms(m.prime_implicants()),
                context.essential(&m),
                models,
            )
        }
        SolutionType::Parsimonious => {
            let m = context.minimize(Remainders::All, Some(&excluded), engine)?;
            notes.record(&m);
            let mut models = context.models(&m, None, usize::MAX, &mut Evaluated::new())?;
            for (model, count) in models.iter_mut().zip(context.assumed(&m, usize::MAX)?) {
                model.assumed = Some(count);
            }
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

/// A prime implicant of some model, evaluated on the data: the term its models share
/// (expression, fit, cases) and its membership values.
struct EvaluatedTerm {
    shared: Arc<SharedTerm>,
    membership: Array1<f64>,
}

/// The terms of a solution's models, each evaluated once.
type Evaluated = HashMap<Implicant, EvaluatedTerm>;

/// The intermediate minimization of an easy region: its result, the number of simplifying
/// assumptions of its first models (as many as the model cap left room for when it was
/// solved; the models themselves are built per pair, never held twice) and the region's
/// easy counterfactuals.
struct Solved {
    minimized: Minimized,
    assumed: Vec<u64>,
    easy: Counterfactuals,
}

/// A term of some models of a minimization outside the terms every model has (the core):
/// its intersection with the core, as cubes, and the other terms outside the core whose
/// intersection with it is not all in the core.
struct TermPart {
    in_core: Vec<Implicant>,
    meets: Vec<usize>,
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
    forbidden: Vec<Vec<u8>>,
    /// How terms are written (shared with every set of counterfactuals).
    names: Arc<Names>,
    /// The row ids of the positive rows, sorted (shared likewise).
    positive_ids: Arc<Vec<u64>>,
    limits: Limits,
}

impl<'a> Context<'a> {
    fn new(tt: &'a TruthTable, limits: Limits) -> Result<Self, SolutionError> {
        let mut levels = Vec::with_capacity(tt.levels().len());
        for (name, &l) in tt.conditions().iter().zip(tt.levels()) {
            let l = u8::try_from(l).map_err(|_| SolutionError::TooManyLevels {
                name: name.clone(),
                levels: l,
                max: u32::from(u8::MAX),
            })?;
            levels.push(l);
        }
        let (positive, forbidden) = tt.positive_and_forbidden();
        let names = Arc::new(Names::of(tt));
        let mut context = Self {
            tt,
            levels,
            row_ids: RowIds::new(tt.levels())?,
            positive,
            forbidden,
            names,
            positive_ids: Arc::new(Vec::new()),
            limits,
        };
        context.number_positive();
        Ok(context)
    }

    /// Numbers the positive rows (after a change of them).
    fn number_positive(&mut self) {
        let mut ids: Vec<u64> = self
            .positive
            .iter()
            .filter_map(|c| self.row_ids.id(c))
            .collect();
        ids.sort_unstable();
        self.positive_ids = Arc::new(ids);
    }

    /// The counterfactuals inside `region`.
    fn counterfactuals(&self, region: CubeSet) -> Result<Counterfactuals, SolutionError> {
        Counterfactuals::new(
            self.names.clone(),
            self.positive_ids.clone(),
            region,
            self.limits,
        )
    }

    /// The simplifying assumptions of the model `chosen` of `m`: the remainders in its
    /// terms.
    fn assumptions(
        &self,
        m: &Minimized,
        chosen: &[usize],
    ) -> Result<Counterfactuals, SolutionError> {
        let terms = chosen
            .iter()
            .map(|&i| m.prime_implicants()[i].clone())
            .collect();
        self.counterfactuals(CubeSet::new(self.levels.clone(), terms)?)
    }

    /// The number of simplifying assumptions (remainders in the terms) of each of the first
    /// `limit` models of `m`.
    ///
    /// The models of a minimization share most of their terms (on a 30-condition table,
    /// thousands of models share 200 of their 210 terms), so the union of the terms in all of
    /// them (the core) is counted once, and each model adds, term by term, the configurations
    /// of the term outside the core and the terms before it: the count of the term's few
    /// intersections, not of the whole union again. Consecutive models differ in their last
    /// terms (the models are listed in order), so a model starts from the count of the terms
    /// it shares with the one before. What a term adds depends only on the terms before it
    /// that it meets outside the core (on random_k30, 28 terms outside the core make 10,000
    /// models), so it is counted once per such set of terms.
    fn assumed(&self, m: &Minimized, limit: usize) -> Result<Vec<u64>, SolutionError> {
        let listed = &m.models()[..m.models().len().min(limit)];
        let Some(first) = listed.first() else {
            return Ok(Vec::new());
        };
        let pis = m.prime_implicants();
        let is_core = in_every(listed, pis.len());
        let core: Vec<usize> = first.iter().copied().filter(|&i| is_core[i]).collect();
        let mut outside_core: Vec<usize> = listed.iter().flatten().copied().collect();
        outside_core.sort_unstable();
        outside_core.dedup();
        outside_core.retain(|&i| !is_core[i]);
        let core_cubes: Vec<Implicant> = core.iter().map(|&i| pis[i].clone()).collect();
        let core_count = CubeSet::new(self.levels.clone(), core_cubes.clone())?.count();
        // The observed positive rows are not assumptions: those in the core once, the others
        // per model.
        let (in_core, outside): (Vec<&Vec<u8>>, Vec<&Vec<u8>>) = self
            .positive
            .iter()
            .partition(|c| core_cubes.iter().any(|u| u.covers(c)));
        // Per term outside the core, once: its intersection with the core as cubes, and the
        // other terms outside the core it meets outside the core (only those change how many
        // of its configurations a model adds).
        let mut parts: HashMap<usize, TermPart> = HashMap::new();
        // The configurations term `i` adds outside the core and the terms of `.1`, which are
        // those before it in a model that it meets outside the core.
        let mut added: HashMap<(usize, Vec<usize>), u64> = HashMap::new();
        let mut counts = Vec::with_capacity(listed.len());
        // The terms of the previous model outside the core, and the count of the core and
        // each prefix of them.
        let mut previous: Vec<usize> = Vec::new();
        let mut prefix_counts: Vec<u64> = Vec::new();
        for chosen in listed {
            let extra: Vec<usize> = chosen.iter().copied().filter(|&i| !is_core[i]).collect();
            let shared = previous
                .iter()
                .zip(&extra)
                .take_while(|(a, b)| a == b)
                .count();
            prefix_counts.truncate(shared);
            for (j, &i) in extra.iter().enumerate().skip(shared) {
                let term = &pis[i];
                let part = match parts.entry(i) {
                    Entry::Occupied(slot) => slot.into_mut(),
                    Entry::Vacant(slot) => {
                        slot.insert(self.term_part(term, &core_cubes, pis, &outside_core)?)
                    }
                };
                let meets: Vec<usize> = extra[..j]
                    .iter()
                    .copied()
                    .filter(|l| part.meets.contains(l))
                    .collect();
                let outside_before = match added.entry((i, meets)) {
                    Entry::Occupied(slot) => *slot.get(),
                    Entry::Vacant(slot) => {
                        let before = slot
                            .key()
                            .1
                            .iter()
                            .filter_map(|&l| term.intersection(&pis[l]));
                        let inside: Vec<Implicant> =
                            part.in_core.iter().cloned().chain(before).collect();
                        let whole = CubeSet::new(self.levels.clone(), vec![term.clone()])?.count();
                        *slot.insert(whole - CubeSet::new(self.levels.clone(), inside)?.count())
                    }
                };
                let count = prefix_counts.last().copied().unwrap_or(core_count);
                prefix_counts.push(count + outside_before);
            }
            let union = prefix_counts.last().copied().unwrap_or(core_count);
            let observed = in_core.len()
                + outside
                    .iter()
                    .filter(|c| extra.iter().any(|&i| pis[i].covers(c)))
                    .count();
            counts.push(union - observed as u64);
            previous = extra;
        }
        Ok(counts)
    }

    /// A term of some models outside the `core` (the terms in every model; `outside_core`
    /// indexes the others among `pis`): its intersection with the core, and the other terms
    /// outside the core it meets outside the core.
    fn term_part(
        &self,
        term: &Implicant,
        core: &[Implicant],
        pis: &[Implicant],
        outside_core: &[usize],
    ) -> Result<TermPart, SolutionError> {
        let in_core: Vec<Implicant> = core.iter().filter_map(|u| term.intersection(u)).collect();
        let in_core = CubeSet::new(self.levels.clone(), in_core)?.cubes().to_vec();
        let mut meets = Vec::new();
        for &l in outside_core {
            let Some(both) = term.intersection(&pis[l]) else {
                continue;
            };
            let both_in_core = in_core
                .iter()
                .filter_map(|u| both.intersection(u))
                .collect();
            let whole = CubeSet::new(self.levels.clone(), vec![both])?.count();
            if CubeSet::new(self.levels.clone(), both_in_core)?.count() < whole {
                meets.push(l);
            }
        }
        Ok(TermPart { in_core, meets })
    }

    /// Moves the rows of `exclusions.negative_rows` to the forbidden ones: a positive row
    /// stops being positive, a remainder is never used, a negative row or contradiction
    /// stays as it is.
    fn set_negative(&mut self, exclusions: &Exclusions) -> Result<(), SolutionError> {
        for &id in &exclusions.negative_rows {
            let values = self.configuration(id)?;
            self.positive.retain(|c| *c != values);
            if !self.forbidden.contains(&values) {
                self.forbidden.push(values);
            }
        }
        self.number_positive();
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
        self.names.term(implicant)
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

    /// The first `limit` models of a minimization, each with its fit and its terms' cases,
    /// without counterfactuals (the caller adds them). Each term is evaluated and fitted once
    /// per solution (`evaluated`) and shared by the models that use it: models share terms,
    /// within a minimization and across the pairs of an intermediate solution. The union of
    /// the terms every listed model has is made once ([`TermUnion`]); each model adds its
    /// other terms to a copy of it.
    fn models(
        &self,
        m: &Minimized,
        origin: Option<ModelOrigin>,
        limit: usize,
        evaluated: &mut Evaluated,
    ) -> Result<Vec<Model>, SolutionError> {
        let outcome = self
            .tt
            .outcome_label()
            .as_str()
            .outcome_expression()?
            .evaluate(self.tt.data())?;
        let y = outcome.values();
        let listed = &m.models()[..m.models().len().min(limit)];
        for &i in listed.iter().flatten() {
            let implicant = &m.prime_implicants()[i];
            if !evaluated.contains_key(implicant) {
                let expression = self.term(implicant)?;
                let membership = expression.evaluate(self.tt.data())?.into_values();
                let cases = membership
                    .iter()
                    .zip(self.tt.data().cases())
                    .filter(|(&x, _)| x > 0.5)
                    .map(|(_, c)| c.clone())
                    .collect();
                let own = fit::term_of_set(&membership, y);
                let shared = SharedTerm {
                    implicant: implicant.clone(),
                    text: expression.to_string(),
                    expression,
                    incl: own.incl,
                    pri: own.pri,
                    cov: own.cov,
                    incl_h: own.incl_h,
                    product: own.product,
                    cases,
                };
                evaluated.insert(
                    implicant.clone(),
                    EvaluatedTerm {
                        shared: Arc::new(shared),
                        membership,
                    },
                );
            }
        }
        let empty = self.counterfactuals(CubeSet::empty(self.levels.clone())?)?;
        let membership = |i: usize| evaluated[&m.prime_implicants()[i]].membership.view();
        // The union of the terms in every listed model, once; each model adds its own.
        let in_core = in_every(listed, m.prime_implicants().len());
        let mut core = TermUnion::new(y.len());
        for (i, _) in in_core.iter().enumerate().filter(|(_, &c)| c) {
            core.add(i, membership(i));
        }
        let mut out = Vec::with_capacity(listed.len());
        for chosen in listed {
            if chosen.is_empty() {
                return Err(SolutionError::Tautology);
            }
            let mut union = core.clone();
            for &i in chosen.iter().filter(|&&i| !in_core[i]) {
                union.add(i, membership(i));
            }
            let (fit, unique) = union.fit(chosen, y);
            let terms = chosen
                .iter()
                .zip(unique)
                .map(|(&i, cov_unique)| Term {
                    shared: evaluated[&m.prime_implicants()[i]].shared.clone(),
                    cov_unique,
                })
                .collect();
            out.push(Model {
                terms,
                fit,
                assumed: None,
                easy_counterfactuals: empty.clone(),
                difficult_counterfactuals: empty.clone(),
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
        // Only the parsimonious models matter here (their prime implicants are not reported):
        // with minimum covers, the prime implicants that can be in one give the same models
        // in the same order, for less work. When the listing is cut (model cap, node
        // limit), the first models found may differ: then the options as given decide, so
        // the pairs refer to the parsimonious solution's own models.
        let parsimonious = match (engine.get_covers(), engine.get_method()) {
            (CoverSearch::Minimum, PrimeMethod::Fast) => {
                let pruned = engine.clone().method(PrimeMethod::Pruned);
                match self.minimize(Remainders::All, Some(excluded), &pruned) {
                    Ok(m) if !m.is_truncated() && m.lower_bound().is_none() => m,
                    _ => self.minimize(Remainders::All, Some(excluded), engine)?,
                }
            }
            _ => self.minimize(Remainders::All, Some(excluded), engine)?,
        };
        notes.record(&conservative);
        notes.record(&parsimonious);
        let cap = engine.get_max_models();
        let mut prime_implicants: Vec<Expression> = Vec::new();
        let mut essential: Vec<Expression> = Vec::new();
        let mut models = Vec::new();
        let mut evaluated = Evaluated::new();
        // The minimization of a pair depends only on its easy region: each distinct region is
        // solved once, with its models (fit, terms, simplifying assumptions) and its easy
        // counterfactuals; the difficult ones once per (parsimonious model, region).
        let mut solved: HashMap<CubeSet, Solved> = HashMap::new();
        let mut difficult_of: HashMap<(usize, CubeSet), Counterfactuals> = HashMap::new();
        // The parsimonious models' simplifying assumptions, each computed once.
        let mut assumed: Vec<Option<Counterfactuals>> = vec![None; parsimonious.models().len()];
        let mut capped = false;
        'pairs: for (ci, c_model) in conservative.models().iter().enumerate() {
            for (pi, p_model) in parsimonious.models().iter().enumerate() {
                // The model cap bounds the whole solution: every pair has a model.
                let remaining = cap - models.len();
                if remaining == 0 {
                    capped = true;
                    break 'pairs;
                }
                let c_terms: Vec<&Implicant> = c_model
                    .iter()
                    .map(|&i| &conservative.prime_implicants()[i])
                    .collect();
                let p_terms: Vec<&Implicant> = p_model
                    .iter()
                    .map(|&i| &parsimonious.prime_implicants()[i])
                    .collect();
                let region = self.easy_region(&c_terms, &p_terms, &groups)?;
                let assumptions = match &assumed[pi] {
                    Some(a) => a.clone(),
                    None => {
                        let a = self.assumptions(&parsimonious, p_model)?;
                        assumed[pi] = Some(a.clone());
                        a
                    }
                };
                let pair = match solved.entry(region.clone()) {
                    Entry::Occupied(slot) => slot.into_mut(),
                    Entry::Vacant(slot) => {
                        let easy = self.counterfactuals(region.clone())?;
                        let m = self.minimize(Remainders::Within(region.clone()), None, engine)?;
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
                        let assumed = self.assumed(&m, remaining)?;
                        slot.insert(Solved {
                            minimized: m,
                            assumed,
                            easy,
                        })
                    }
                };
                notes.record(&pair.minimized);
                let difficult = match difficult_of.entry((pi, region)) {
                    Entry::Occupied(slot) => slot.get().clone(),
                    Entry::Vacant(slot) => slot.insert(assumptions.difference(&pair.easy)?).clone(),
                };
                let origin = ModelOrigin {
                    conservative: ci,
                    parsimonious: pi,
                };
                let mut listed =
                    self.models(&pair.minimized, Some(origin), remaining, &mut evaluated)?;
                for (model, &assumed) in listed.iter_mut().zip(&pair.assumed) {
                    model.assumed = Some(assumed);
                    model.easy_counterfactuals = pair.easy.clone();
                    model.difficult_counterfactuals = difficult.clone();
                }
                models.extend(listed);
                capped |= pair.minimized.models().len() > remaining;
            }
        }
        if capped {
            notes
                .warnings
                .push(SolutionWarning::from(EngineWarning::ModelCap {
                    listed: models.len(),
                }));
        }
        Ok((prime_implicants, essential, models))
    }

    /// The region of the easy counterfactuals of one (conservative, parsimonious) pair of
    /// models, as cubes: for each conservative term `c` and each parsimonious term `p` that
    /// contains it, `c` relaxed by the directional expectations, within `p`. Its remainders
    /// are the easy counterfactuals; it holds no negative or excluded row (`p` holds none).
    fn easy_region(
        &self,
        conservative: &[&Implicant],
        parsimonious: &[&Implicant],
        groups: &[ExpectationGroup],
    ) -> Result<CubeSet, SolutionError> {
        let mut cubes = Vec::new();
        for c in conservative {
            let relaxed = Implicant::from_levels(&expectation_cube(c, groups));
            for p in parsimonious.iter().filter(|p| c.is_subsumed_by(p)) {
                cubes.extend(relaxed.intersection(p));
            }
        }
        Ok(CubeSet::new(self.levels.clone(), cubes)?)
    }
}

/// Which of `terms` prime implicants are in every one of `models` (none when there is no
/// model).
fn in_every(models: &[Vec<usize>], terms: usize) -> Vec<bool> {
    let mut count = vec![0_usize; terms];
    for &i in models.iter().flatten() {
        count[i] += 1;
    }
    count
        .into_iter()
        .map(|c| !models.is_empty() && c == models.len())
        .collect()
}
