//! The fit of a solution: each term's inclusion, PRI, raw and unique coverage, Haesebrouck's
//! consistency and PRODUCT, and the solution's.

use std::collections::HashMap;

use ndarray::{Array1, ArrayView1};

use super::error::FitError;
use super::measures::{sums, Sufficiency};
use super::outcome::{outcome_set, IntoOutcome};
use crate::data::Dataset;
use crate::expression::Expression;
use crate::sets::FuzzySet;

/// The fit of one term of a solution.
///
/// # Example
/// ```
/// use fsqca::{fit, Dataset, Expression, Literal};
///
/// let data = Dataset::from_columns([("A", vec![0.9, 0.1]), ("Y", vec![0.8, 0.2])])?;
/// let a = Expression::literal(Literal::new("A")?);
/// let f = fit::solution(&[a], &data, "Y")?;
/// assert_eq!(f.terms[0].cov_unique, f.terms[0].cov); // a single term covers uniquely
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct TermFit {
    /// The term.
    pub expression: Expression,
    /// Sufficiency inclusion of the term.
    pub incl: Option<f64>,
    /// PRI of the term.
    pub pri: Option<f64>,
    /// Raw coverage of the term.
    pub cov: Option<f64>,
    /// Unique coverage: cov(solution) - cov(solution without this term).
    pub cov_unique: Option<f64>,
    /// Haesebrouck's consistency of the term (see [`Sufficiency::incl_h`]).
    #[cfg_attr(feature = "serde", serde(default))]
    pub incl_h: Option<f64>,
    /// PRODUCT of the term: inclusion × PRI (see [`Sufficiency::product`]).
    #[cfg_attr(feature = "serde", serde(default))]
    pub product: Option<f64>,
}

/// The fit of a solution: each term's, and the whole disjunction's.
///
/// # Example
/// ```
/// use fsqca::{fit, Dataset, Expression, Literal};
///
/// let data = Dataset::from_columns([
///     ("A", vec![0.9, 0.1, 0.2]),
///     ("B", vec![0.1, 0.8, 0.3]),
///     ("Y", vec![0.8, 0.9, 0.1]),
/// ])?;
/// let terms = [Literal::new("A")?, Literal::new("B")?].map(Expression::literal);
/// let f = fit::solution(&terms, &data, "Y")?;
/// assert_eq!(f.terms.len(), 2);
/// assert!((f.solution.incl.ok_or("undefined")? - 0.85).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct SolutionFit {
    /// Per-term fit, in the order given.
    pub terms: Vec<TermFit>,
    /// Fit of the disjunction of all terms.
    pub solution: Sufficiency,
}

/// The fit of a solution given as its terms (use [`Expression::disjuncts`] to split a sum of
/// products): each term's inclusion, PRI, raw and unique coverage, Haesebrouck's consistency
/// and PRODUCT, and the solution's sufficiency (Ragin 2006; R QCA's `pof()`; Haesebrouck 2015
/// and SetMethods' `QCAfit`).
///
/// To reproduce R QCA's unique coverage over several equally good models, pass the union of
/// their terms.
///
/// # Errors
/// [`FitError::EmptySolution`] for no term, and those of [`sufficiency_of`](super::sufficiency_of).
///
/// # Complexity
/// O(terms × cases).
///
/// # Example
/// ```
/// use fsqca::{fit, Dataset, Expression, Literal};
///
/// let data = Dataset::from_columns([("A", vec![0.9, 0.1]), ("B", vec![0.6, 0.1]), ("Y", vec![0.8, 0.2])])?;
/// let terms = [Literal::new("A")?, Literal::new("B")?].map(Expression::literal);
/// let f = fit::solution(&terms, &data, "Y")?;
/// assert_eq!(f.terms[1].cov_unique, Some(0.0)); // B is within A
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn solution<O: IntoOutcome + ?Sized>(
    terms: &[Expression],
    data: &Dataset,
    outcome: &O,
) -> Result<SolutionFit, FitError> {
    if terms.is_empty() {
        return Err(FitError::EmptySolution);
    }
    let y = outcome_set(data, outcome)?;
    let sets = terms
        .iter()
        .map(|t| t.evaluate(data).map(FuzzySet::into_values))
        .collect::<Result<Vec<_>, _>>()?;
    let sets: Vec<&Array1<f64>> = sets.iter().collect();
    Ok(solution_of_sets(terms, &sets, y.values()))
}

/// [`solution`] from the terms' membership values, already evaluated (one array per term,
/// in the terms' order) and the outcome's.
fn solution_of_sets(
    terms: &[Expression],
    sets: &[&Array1<f64>],
    y: ArrayView1<'_, f64>,
) -> SolutionFit {
    let mut union = TermUnion::new(y.len());
    for (key, set) in sets.iter().enumerate() {
        union.add(key, set.view());
    }
    let keys: Vec<usize> = (0..sets.len()).collect();
    let (whole, unique) = union.fit(&keys, y);
    let terms = terms
        .iter()
        .zip(sets)
        .zip(unique)
        .map(|((t, s), cov_unique)| {
            let own = term_of_set(s, y);
            TermFit {
                expression: t.clone(),
                incl: own.incl,
                pri: own.pri,
                cov: own.cov,
                cov_unique,
                incl_h: own.incl_h,
                product: own.product,
            }
        })
        .collect();
    SolutionFit {
        terms,
        solution: whole,
    }
}

/// The sufficiency of one term from its membership values and the outcome's: what does not
/// depend on the other terms of a model, so that a caller fitting many models made of the
/// same terms computes it once per term.
pub(crate) fn term_of_set(set: &Array1<f64>, y: ArrayView1<'_, f64>) -> Sufficiency {
    sums(set.view(), y).sufficiency()
}

/// The union of a model's terms, case by case, built one term at a time, so that the models
/// of a minimization, which share most of their terms, start from the union of the terms they
/// all share and add only their own.
///
/// Per case it keeps the largest membership over the terms added, the second largest (equal
/// to the largest when two terms share it) and the term that has the largest: the union
/// without term `j` differs from the whole one only where `j` alone has the largest
/// membership, and there it is the second largest. Both values do not depend on the order in
/// which the terms are added, nor does the owner where the largest is unique.
#[derive(Debug, Clone)]
pub(crate) struct TermUnion {
    first: Vec<f64>,
    second: Vec<f64>,
    /// The key of a term with the largest membership (`usize::MAX` before any is added).
    owner: Vec<usize>,
    /// Whether every membership added is a multiple of 2^-[`DYADIC_BITS`] (crisp sets are).
    dyadic: bool,
}

/// The sums of coverage are exact, in any order, when every term is a multiple of 2^-32 and
/// the total is below 2^(53 - 32) (f64 has 53 significant bits): [`MAX_DYADIC_CASES`] cases of
/// memberships up to 1.
const DYADIC_BITS: i32 = 32;

/// See [`DYADIC_BITS`].
const MAX_DYADIC_CASES: usize = 1 << (53 - DYADIC_BITS);

fn is_dyadic(v: f64) -> bool {
    (v * 2f64.powi(DYADIC_BITS)).fract() == 0.0
}

impl TermUnion {
    /// The union of no term over `cases` cases.
    pub(crate) fn new(cases: usize) -> Self {
        Self {
            first: vec![0.0; cases],
            second: vec![0.0; cases],
            owner: vec![usize::MAX; cases],
            dyadic: cases < MAX_DYADIC_CASES,
        }
    }

    /// Adds a term: its key (how [`fit`](Self::fit) names it) and its membership values, one
    /// per case.
    pub(crate) fn add(&mut self, key: usize, set: ArrayView1<'_, f64>) {
        let mut dyadic = self.dyadic;
        let cases = self
            .first
            .iter_mut()
            .zip(self.second.iter_mut())
            .zip(self.owner.iter_mut())
            .zip(set.iter());
        for (((first, second), owner), &v) in cases {
            dyadic &= is_dyadic(v);
            if v > *first {
                *second = *first;
                *first = v;
                *owner = key;
            } else if v > *second {
                *second = v;
            }
        }
        self.dyadic = dyadic;
    }

    /// The fit of the model of the terms added with `keys` (in the model's order; every term
    /// added must be among them): the union's sufficiency and each term's unique coverage
    /// (the model's coverage minus that of the model without the term).
    ///
    /// The coverage without a term is the same value as the sum over the union without it,
    /// case by case in order: when every membership is dyadic ([`DYADIC_BITS`]) the sums are
    /// exact, so it is the whole sum minus what the term alone adds; otherwise the sum is
    /// taken again from the first case the term changes.
    ///
    /// # Complexity
    /// O(cases) when the memberships are dyadic, O(terms × cases) otherwise.
    pub(crate) fn fit(
        &self,
        keys: &[usize],
        y: ArrayView1<'_, f64>,
    ) -> (Sufficiency, Vec<Option<f64>>) {
        let whole_sums = sums(ArrayView1::from(&self.first[..]), y);
        let whole = whole_sums.sufficiency();
        let Some(whole_cov) = whole.cov else {
            return (whole, vec![None; keys.len()]);
        };
        let position: HashMap<usize, usize> =
            keys.iter().enumerate().map(|(p, &k)| (k, p)).collect();
        // The cases each term alone has the largest membership of.
        let mut owned: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
        for (i, ((&first, &second), owner)) in self
            .first
            .iter()
            .zip(&self.second)
            .zip(&self.owner)
            .enumerate()
        {
            if first > second {
                if let Some(&p) = position.get(owner) {
                    owned[p].push(i);
                }
            }
        }
        let exact = self.dyadic && y.iter().all(|&v| is_dyadic(v));
        // The running sums of min(X, Y) over the whole union, for the inexact case.
        let prefix: Vec<f64> = if exact {
            Vec::new()
        } else {
            std::iter::once(0.0)
                .chain(self.first.iter().zip(y).scan(0.0, |s, (&x, &y)| {
                    *s += x.min(y);
                    Some(*s)
                }))
                .collect()
        };
        let unique = owned
            .iter()
            .map(|cases| {
                let Some(&start) = cases.first() else {
                    // Without the term, the union is the whole one.
                    return Some(0.0);
                };
                let xy = if exact {
                    let removed: f64 = cases
                        .iter()
                        .map(|&i| self.first[i].min(y[i]) - self.second[i].min(y[i]))
                        .sum();
                    whole_sums.xy() - removed
                } else {
                    let mut xy = prefix[start];
                    let mut next = cases.iter().peekable();
                    for i in start..self.first.len() {
                        let x = if next.next_if_eq(&&i).is_some() {
                            self.second[i]
                        } else {
                            self.first[i]
                        };
                        xy += x.min(y[i]);
                    }
                    xy
                };
                whole_sums
                    .coverage_of(xy)
                    .map(|without| (whole_cov - without).max(0.0))
            })
            .collect();
        (whole, unique)
    }
}
