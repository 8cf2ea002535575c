//! Contradictory simplifying assumptions (R QCA's `findRows` type 2): the remainders that the
//! parsimonious solutions of the outcome and of its negation both assume, each pooled over
//! all its minimum models, deciding which prime implicants are in some minimum model only
//! where the answer can change the result.

use crate::minimize::{
    CubeSet, EngineOptions, Implicant, MinimizationProblem, Relevance, Remainders,
};
use crate::solution::SolutionError;
use crate::truth_table::TruthTable;

use super::cubes::TableSpace;
use super::error::CounterfactualError;

/// The remainders that the parsimonious solutions of both tables assume (the outcome's and
/// its negation's, over the same configurations), each side pooled over all its minimum
/// models: a remainder is in the result when, on each side, some prime implicant of some
/// minimum model covers it. Nothing when a side has no positive row.
///
/// Method (exact): each side's prime implicants and chart first. The side with fewer prime
/// implicants goes first: its classes of implicants (same positive configurations) are
/// decided against the remainders the other side's implicants reach, and the second side's
/// only against what the first assumes, so the larger chart, where the tests cost most,
/// gets the smaller target. On each side a class is tested for membership in some minimum
/// model (the test of
/// [`PiChart::rows_in_minimum_covers`](crate::minimize::PiChart::rows_in_minimum_covers))
/// only while one of its implicants meets the part of the target that the implicants
/// confirmed so far leave ([`Assumed`]); a class never tested is one whose answer cannot
/// change the result, and a block of the chart with no such class needs no proof of its
/// minimum.
///
/// # Errors
/// [`SolutionError::Tautology`] when a side has positive rows and no negative one (every
/// configuration positive); the engine's errors, among them
/// [`MinimizeError::MinimumNotProven`](crate::minimize::MinimizeError::MinimumNotProven) and
/// [`MinimizeError::MembershipNotDecided`](crate::minimize::MinimizeError::MembershipNotDecided)
/// when the node limit stops a proof or a test that is needed: never a partial result.
pub(crate) fn contradictory_assumptions(
    tables: [&TruthTable; 2],
    space: &TableSpace,
    engine: &EngineOptions,
) -> Result<CubeSet, CounterfactualError> {
    let problems = tables.map(TruthTable::positive_and_forbidden);
    for (positive, forbidden) in &problems {
        // The term without literal would be the only prime implicant (R QCA stops too).
        if !positive.is_empty() && forbidden.is_empty() {
            return Err(SolutionError::Tautology.into());
        }
    }
    let nothing = CubeSet::empty(space.levels.clone())?;
    // No positive row: no solution, so no simplifying assumption on that side.
    if problems.iter().any(|(positive, _)| positive.is_empty()) {
        return Ok(nothing);
    }
    let [outcome, negation] = problems;
    let chart = |(positive, forbidden): (Vec<Vec<u8>>, Vec<Vec<u8>>)| {
        MinimizationProblem::new(space.levels.clone(), positive, forbidden, Remainders::All)?
            .minimum_model_chart(engine)
    };
    let (outcome, negation) = (chart(outcome)?, chart(negation)?);
    let ((first, first_chart), (second, second_chart)) = if negation.0.len() < outcome.0.len() {
        (negation, outcome)
    } else {
        (outcome, negation)
    };
    let mut assumed = Assumed::new(&first, space.remainders.clone());
    assumed.reach = Some(Reach {
        other: &second,
        remainders: &space.remainders,
        known: vec![None; first.len()],
    });
    first_chart.rows_in_minimum_covers_asked(engine, &mut assumed)?;
    let target = assumed.assumed()?;
    if target.is_empty() {
        return Ok(nothing);
    }
    let mut assumed = Assumed::new(&second, target);
    second_chart.rows_in_minimum_covers_asked(engine, &mut assumed)?;
    assumed.assumed()
}

/// The part of a target set of configurations that one side's minimum models assume, found
/// as the side's classes of prime implicants are confirmed in some minimum model: the
/// [`Relevance`] of
/// [`PiChart::rows_in_minimum_covers_asked`](crate::minimize::PiChart::rows_in_minimum_covers_asked)
/// over the side's implicants.
///
/// Invariant: `remaining` is `target` without the implicants confirmed so far. A class is
/// asked only if one of its implicants meets `remaining` (and, on the first side, reaches a
/// remainder of the other side's implicants, [`Reach`]): otherwise whatever it adds to the
/// target is already in, or is never in the other side's assumptions.
struct Assumed<'a> {
    /// The side's prime implicants, by row of its chart.
    primes: &'a [Implicant],
    target: CubeSet,
    remaining: CubeSet,
    reach: Option<Reach<'a>>,
    /// The implicants that took configurations out of `remaining`, in order.
    removed: Vec<Implicant>,
    /// Per row, the last answer and how many implicants `removed` held then: a row that
    /// meets none of those removed since still meets `remaining` as it did.
    known: Vec<Option<(bool, usize)>>,
}

impl<'a> Assumed<'a> {
    fn new(primes: &'a [Implicant], target: CubeSet) -> Self {
        Self {
            primes,
            remaining: target.clone(),
            target,
            reach: None,
            removed: Vec::new(),
            known: vec![None; primes.len()],
        }
    }

    /// The target's configurations in the implicants confirmed.
    fn assumed(&self) -> Result<CubeSet, CounterfactualError> {
        Ok(self.target.difference(&self.remaining)?)
    }

    /// Whether the implicant of `row` meets `remaining` and, on the first side, reaches a
    /// remainder of the other side's implicants.
    fn row_needed(&mut self, row: usize) -> bool {
        let prime = &self.primes[row];
        match self.known[row] {
            Some((false, _)) => return false, // `remaining` only shrinks
            Some((true, at)) if !self.removed[at..].iter().any(|p| p.meets(prime)) => {
                self.known[row] = Some((true, self.removed.len()));
                return true;
            }
            _ => {}
        }
        let answer = self.remaining.meets(prime)
            && self
                .reach
                .as_mut()
                .is_none_or(|reach| reach.reaches(row, prime));
        self.known[row] = Some((answer, self.removed.len()));
        answer
    }
}

impl Relevance for Assumed<'_> {
    fn needed(&mut self, rows: &[usize]) -> bool {
        rows.iter().any(|&r| self.row_needed(r))
    }

    fn confirmed(&mut self, rows: &[usize]) {
        let new: Vec<Implicant> = rows
            .iter()
            .map(|&r| &self.primes[r])
            .filter(|p| self.remaining.meets(p))
            .cloned()
            .collect();
        if !new.is_empty() {
            self.remaining = self.remaining.without_cubes(&new);
            self.removed.extend(new);
        }
    }
}

/// Whether an implicant of the first side reaches a remainder that some implicant of the
/// other side covers (only those remainders can be contradictory), each answer kept.
struct Reach<'a> {
    other: &'a [Implicant],
    remainders: &'a CubeSet,
    known: Vec<Option<bool>>,
}

impl Reach<'_> {
    fn reaches(&mut self, row: usize, prime: &Implicant) -> bool {
        let (other, remainders) = (self.other, self.remainders);
        *self.known[row].get_or_insert_with(|| {
            other.iter().any(|q| {
                prime
                    .intersection(q)
                    .is_some_and(|both| remainders.meets(&both))
            })
        })
    }
}
