//! The fit of a solution: each term's inclusion, PRI, raw and unique coverage, Haesebrouck's
//! consistency and PRODUCT, and the solution's.

use ndarray::{Array1, ArrayView1};

use super::error::FitError;
use super::measures::{coverage, sums, Sufficiency};
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
    let (whole, unique) = model_of_sets(sets, y);
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

/// The fit of a model from its terms' membership values (one array per term) and the
/// outcome's: the disjunction's sufficiency and each term's unique coverage (the model's
/// coverage minus that of the model without the term).
///
/// # Complexity
/// O(terms × cases).
pub(crate) fn model_of_sets(
    sets: &[&Array1<f64>],
    y: ArrayView1<'_, f64>,
) -> (Sufficiency, Vec<Option<f64>>) {
    // Per case, the largest membership over the terms, which term has it, and the largest
    // over the other terms: the union without term j is the second where j has the first.
    let n = y.len();
    let mut first = Array1::<f64>::zeros(n);
    let mut second = vec![0.0; n];
    let mut owner = vec![usize::MAX; n];
    for (j, set) in sets.iter().enumerate() {
        let cases = first
            .iter_mut()
            .zip(second.iter_mut())
            .zip(owner.iter_mut())
            .zip(set.iter());
        for (((first, second), owner), &v) in cases {
            if v > *first {
                *second = *first;
                *first = v;
                *owner = j;
            } else if v > *second {
                *second = v;
            }
        }
    }
    let whole = sums(first.view(), y).sufficiency();
    // The cases each term owns, to build the union without it from the whole one.
    let mut owned: Vec<Vec<usize>> = vec![Vec::new(); sets.len()];
    for (i, &j) in owner.iter().enumerate() {
        if let Some(cases) = owned.get_mut(j) {
            cases.push(i);
        }
    }
    let mut without = first.clone();
    let unique = owned
        .iter()
        .map(|cases| {
            let whole = whole.cov?;
            if cases.is_empty() {
                // Without the term, the union is the whole one.
                return Some(0.0);
            }
            for &i in cases {
                without[i] = second[i];
            }
            let cov = coverage(without.view(), y);
            for &i in cases {
                without[i] = first[i];
            }
            cov.map(|b| (whole - b).max(0.0))
        })
        .collect();
    (whole, unique)
}
