//! Parameters of fit: how well a set relation holds.
//!
//! For a condition (or any expression) X and an outcome Y, both membership vectors over the
//! same cases (Ragin 2006, 2008; Schneider & Wagemann 2012; definitions as R QCA's `pof()`,
//! Dușa 2019):
//!
//! | measure | formula |
//! |---|---|
//! | sufficiency inclusion (consistency) | Σ min(X, Y) / Σ X |
//! | PRI | (Σ min(X, Y) - Σ min(X, Y, 1 - Y)) / (Σ X - Σ min(X, Y, 1 - Y)) |
//! | sufficiency coverage | Σ min(X, Y) / Σ Y |
//! | necessity inclusion | Σ min(X, Y) / Σ Y |
//! | relevance of necessity (RoN) | Σ (1 - X) / Σ (1 - min(X, Y)) |
//! | necessity coverage | Σ min(X, Y) / Σ X |
//! | unique coverage of a solution's term j | cov(solution) - cov(solution without term j) |
//!
//! A measure whose denominator is zero is undefined: `None`, never NaN.
//!
//! The module also builds R QCA's necessity table (every condition and its negation, or every
//! level of a multi-value condition) and searches for necessary disjunctions or sufficient
//! conjunctions like R QCA's `superSubset()` ([`SuperSubsetOptions`]).

use std::collections::HashSet;

use ndarray::{Array1, ArrayView1, Zip};

use crate::data::Dataset;
use crate::expression::{Expression, Literal, Relation};
use crate::sets::{FuzzySet, SetError};
use crate::truth_table::{parse_outcome, CUTOFF_TOLERANCE};

/// Errors raised by the fit functions beyond those of the data and the sets.
///
/// # Example
/// ```
/// use fsqca::{fit, Dataset, Error};
///
/// let data = Dataset::from_columns([("A", vec![0.2]), ("Y", vec![0.9])])?;
/// let err = fit::solution(&[], &data, "Y").unwrap_err();
/// assert!(matches!(err, Error::Fit(fit::FitError::EmptySolution)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum FitError {
    /// A solution without any term.
    #[error("a solution needs at least one term")]
    EmptySolution,
    /// A cut-off is NaN or outside [0, 1].
    #[error("{name} cut-off {value} is outside [0, 1]")]
    InvalidCutoff {
        /// Which cut-off.
        name: &'static str,
        /// The offending value.
        value: f64,
    },
    /// A search depth of zero.
    #[error("the search depth must be at least 1, got {depth}")]
    InvalidDepth {
        /// The offending depth.
        depth: usize,
    },
    /// No condition to search over.
    #[error("no conditions given")]
    NoConditions,
    /// The search would evaluate more expressions than allowed.
    #[error("the search would evaluate about {candidates} expressions, at most {max} are allowed (lower the depth)")]
    SearchTooLarge {
        /// Number of expressions the search would evaluate.
        candidates: f64,
        /// The limit.
        max: f64,
    },
}

/// Parameters of fit of a sufficiency relation X -> Y.
///
/// # Example
/// ```
/// use fsqca::{fit, FuzzySet};
///
/// let x = FuzzySet::new("X", vec![0.2, 0.8, 0.6])?;
/// let y = FuzzySet::new("Y", vec![0.3, 0.9, 0.4])?;
/// let s = fit::sufficiency(&x, &y)?;
/// assert!((s.incl.ok_or("undefined")? - 1.4 / 1.6).abs() < 1e-12);
/// assert!((s.cov.ok_or("undefined")? - 1.4 / 1.6).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Sufficiency {
    /// Inclusion (consistency): Σ min(X, Y) / Σ X.
    pub incl: Option<f64>,
    /// Proportional reduction in inconsistency.
    pub pri: Option<f64>,
    /// Coverage: Σ min(X, Y) / Σ Y.
    pub cov: Option<f64>,
}

/// Parameters of fit of a necessity relation X <- Y.
///
/// # Example
/// ```
/// use fsqca::{fit, FuzzySet};
///
/// let x = FuzzySet::new("X", vec![0.9, 0.8, 0.1])?;
/// let y = FuzzySet::new("Y", vec![0.7, 0.9, 0.0])?;
/// let n = fit::necessity(&x, &y)?;
/// assert!((n.incl.ok_or("undefined")? - 1.5 / 1.6).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Necessity {
    /// Inclusion (consistency): Σ min(X, Y) / Σ Y.
    pub incl: Option<f64>,
    /// Relevance of necessity: Σ (1 - X) / Σ (1 - min(X, Y)).
    pub ron: Option<f64>,
    /// Coverage: Σ min(X, Y) / Σ X.
    pub cov: Option<f64>,
}

/// The sums every measure is made of.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    x: f64,
    y: f64,
    xy: f64,
    xy_not_y: f64,
    not_x: f64,
    not_xy: f64,
}

fn sums(x: ArrayView1<'_, f64>, y: ArrayView1<'_, f64>) -> Sums {
    let mut s = Sums::default();
    Zip::from(x).and(y).for_each(|&x, &y| {
        let xy = x.min(y);
        s.x += x;
        s.y += y;
        s.xy += xy;
        s.xy_not_y += xy.min(1.0 - y);
        s.not_x += 1.0 - x;
        s.not_xy += 1.0 - xy;
    });
    s
}

fn ratio(num: f64, den: f64) -> Option<f64> {
    (den > 0.0).then(|| (num / den).clamp(0.0, 1.0))
}

impl Sums {
    fn sufficiency(&self) -> Sufficiency {
        Sufficiency {
            incl: ratio(self.xy, self.x),
            pri: ratio(self.xy - self.xy_not_y, self.x - self.xy_not_y),
            cov: ratio(self.xy, self.y),
        }
    }

    fn necessity(&self) -> Necessity {
        Necessity {
            incl: ratio(self.xy, self.y),
            ron: ratio(self.not_x, self.not_xy),
            cov: ratio(self.xy, self.x),
        }
    }
}

fn check_lengths(x: &FuzzySet, y: &FuzzySet) -> Result<(), SetError> {
    if x.len() != y.len() {
        return Err(SetError::UnequalLengths {
            left: x.name().to_owned(),
            right: y.name().to_owned(),
            left_len: x.len(),
            right_len: y.len(),
        });
    }
    Ok(())
}

/// Sufficiency of `x` for `y`: inclusion, PRI and coverage.
///
/// # Errors
/// [`SetError::UnequalLengths`] when the sets have different numbers of cases.
///
/// # Example
/// ```
/// use fsqca::{fit, FuzzySet};
///
/// let x = FuzzySet::new("X", vec![0.0, 0.0])?;
/// let y = FuzzySet::new("Y", vec![0.3, 0.9])?;
/// assert_eq!(fit::sufficiency(&x, &y)?.incl, None); // Σ X = 0: undefined
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sufficiency(x: &FuzzySet, y: &FuzzySet) -> Result<Sufficiency, SetError> {
    check_lengths(x, y)?;
    Ok(sums(x.values(), y.values()).sufficiency())
}

/// Necessity of `x` for `y`: inclusion, relevance (RoN) and coverage.
///
/// # Errors
/// [`SetError::UnequalLengths`] when the sets have different numbers of cases.
///
/// # Example
/// ```
/// use fsqca::{fit, FuzzySet};
///
/// let x = FuzzySet::new("X", vec![1.0, 1.0])?;
/// let y = FuzzySet::new("Y", vec![0.3, 0.9])?;
/// let n = fit::necessity(&x, &y)?;
/// assert_eq!((n.incl, n.ron), (Some(1.0), Some(0.0)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn necessity(x: &FuzzySet, y: &FuzzySet) -> Result<Necessity, SetError> {
    check_lengths(x, y)?;
    Ok(sums(x.values(), y.values()).necessity())
}

/// An outcome given as a column name (`"Y"`, or `"~Y"` for its negation), a [`Literal`] or an
/// [`Expression`].
///
/// # Example
/// ```
/// use fsqca::fit::IntoOutcome;
///
/// assert_eq!("~Y".outcome_expression()?.to_string(), "~Y");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait IntoOutcome {
    /// The outcome as an expression.
    ///
    /// # Errors
    /// [`crate::TruthTableError::EmptyOutcome`] for an empty name.
    fn outcome_expression(&self) -> crate::Result<Expression>;
}

impl IntoOutcome for str {
    fn outcome_expression(&self) -> crate::Result<Expression> {
        let (name, negated) = parse_outcome(self)?;
        let lit = Literal::new(name)?;
        Ok(Expression::literal(if negated {
            lit.negate()
        } else {
            lit
        }))
    }
}

impl IntoOutcome for String {
    fn outcome_expression(&self) -> crate::Result<Expression> {
        self.as_str().outcome_expression()
    }
}

impl IntoOutcome for Literal {
    fn outcome_expression(&self) -> crate::Result<Expression> {
        Ok(Expression::literal(self.clone()))
    }
}

impl IntoOutcome for Expression {
    fn outcome_expression(&self) -> crate::Result<Expression> {
        Ok(self.clone())
    }
}

fn outcome_set<O: IntoOutcome + ?Sized>(data: &Dataset, outcome: &O) -> crate::Result<FuzzySet> {
    outcome.outcome_expression()?.evaluate(data)
}

/// Sufficiency of an expression for an outcome, both evaluated on `data`.
///
/// # Errors
/// [`crate::Error::Data`] for unknown columns or missing values, [`crate::Error::Set`] for
/// memberships outside [0, 1].
///
/// # Example
/// ```
/// use fsqca::{fit, Dataset, Expression, Literal};
///
/// let data = Dataset::from_columns([("A", vec![0.2, 0.8]), ("Y", vec![0.3, 0.9])])?;
/// let a = Expression::literal(Literal::new("A")?);
/// assert_eq!(fit::sufficiency_of(&a, &data, "Y")?.incl, Some(1.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sufficiency_of<O: IntoOutcome + ?Sized>(
    expression: &Expression,
    data: &Dataset,
    outcome: &O,
) -> crate::Result<Sufficiency> {
    let x = expression.evaluate(data)?;
    let y = outcome_set(data, outcome)?;
    Ok(sufficiency(&x, &y)?)
}

/// Necessity of an expression for an outcome, both evaluated on `data`.
///
/// # Errors
/// As [`sufficiency_of`].
///
/// # Example
/// ```
/// use fsqca::{fit, Dataset, Expression, Literal};
///
/// let data = Dataset::from_columns([("A", vec![0.2, 0.8]), ("Y", vec![0.3, 0.9])])?;
/// let a = Expression::literal(Literal::new("A")?);
/// let n = fit::necessity_of(&a, &data, "~Y")?;
/// assert!((n.incl.ok_or("undefined")? - 0.3 / 0.8).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn necessity_of<O: IntoOutcome + ?Sized>(
    expression: &Expression,
    data: &Dataset,
    outcome: &O,
) -> crate::Result<Necessity> {
    let x = expression.evaluate(data)?;
    let y = outcome_set(data, outcome)?;
    Ok(necessity(&x, &y)?)
}

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
/// products): each term's inclusion, PRI, raw and unique coverage, and the solution's
/// sufficiency (Ragin 2006; R QCA's `pof()`).
///
/// To reproduce R QCA's unique coverage over several equally good models, pass the union of
/// their terms.
///
/// # Errors
/// [`FitError::EmptySolution`] for no term, and those of [`sufficiency_of`].
///
/// # Complexity
/// O(terms² × cases).
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
) -> crate::Result<SolutionFit> {
    if terms.is_empty() {
        return Err(FitError::EmptySolution.into());
    }
    let y = outcome_set(data, outcome)?;
    let sets = terms
        .iter()
        .map(|t| t.evaluate(data).map(FuzzySet::into_values))
        .collect::<crate::Result<Vec<_>>>()?;
    let sets: Vec<&Array1<f64>> = sets.iter().collect();
    Ok(solution_of_sets(terms, &sets, y.values()))
}

/// [`solution`] from the terms' membership values, already evaluated (one array per term,
/// in the terms' order) and the outcome's: lets a caller that fits many models made of the
/// same terms evaluate each term once.
pub(crate) fn solution_of_sets(
    terms: &[Expression],
    sets: &[&Array1<f64>],
    y: ArrayView1<'_, f64>,
) -> SolutionFit {
    // Per case, the largest membership over the terms, which term has it, and the largest
    // over the other terms: the union without term j is the second where j has the first.
    let n = y.len();
    let mut first = Array1::<f64>::zeros(n);
    let mut second = Array1::<f64>::zeros(n);
    let mut owner = vec![usize::MAX; n];
    for (j, set) in sets.iter().enumerate() {
        for (i, &v) in set.iter().enumerate() {
            if v > first[i] {
                second[i] = first[i];
                first[i] = v;
                owner[i] = j;
            } else if v > second[i] {
                second[i] = v;
            }
        }
    }
    let union = |skip: Option<usize>| -> Array1<f64> {
        match skip {
            None => first.clone(),
            Some(j) => {
                Array1::from_iter((0..n).map(|i| if owner[i] == j { second[i] } else { first[i] }))
            }
        }
    };
    let whole = sums(union(None).view(), y).sufficiency();
    let terms = terms
        .iter()
        .zip(sets)
        .enumerate()
        .map(|(j, (t, s))| {
            let own = sums(s.view(), y).sufficiency();
            let without = sums(union(Some(j)).view(), y).sufficiency();
            let cov_unique = match (whole.cov, without.cov) {
                (Some(a), Some(b)) => Some((a - b).max(0.0)),
                _ => None,
            };
            TermFit {
                expression: t.clone(),
                incl: own.incl,
                pri: own.pri,
                cov: own.cov,
                cov_unique,
            }
        })
        .collect();
    SolutionFit {
        terms,
        solution: whole,
    }
}

/// The necessity and sufficiency of one expression (a row of a necessity table or of a
/// super/subset search).
///
/// # Example
/// ```
/// use fsqca::{fit, Dataset};
///
/// let data = Dataset::from_columns([("A", vec![0.9, 0.6]), ("Y", vec![0.8, 0.2])])?;
/// let table = fit::necessity_table(&data, "Y", &["A"])?;
/// assert_eq!(table[0].expression.to_string(), "A");
/// assert_eq!(table[0].necessity.incl, Some(1.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ConditionFit {
    /// The expression (a literal, a conjunction or a disjunction).
    pub expression: Expression,
    /// Its necessity for the outcome.
    pub necessity: Necessity,
    /// Its sufficiency for the outcome.
    pub sufficiency: Sufficiency,
}

/// The levels of a declared multi-value column, else `None`.
fn multi_value_levels(data: &Dataset, name: &str) -> crate::Result<Option<u32>> {
    data.require_complete(&[name])?;
    Ok(data.levels(name)?)
}

/// The literals of one condition: `A`, `~A` for a binary one, `A[0]`, `A[1]`, ... for a
/// multi-value one.
fn condition_literals(
    data: &Dataset,
    name: &str,
    negated_first: bool,
) -> crate::Result<Vec<Literal>> {
    Ok(match multi_value_levels(data, name)? {
        Some(levels) => (0..levels)
            .map(|l| Literal::with_levels(name, [l]))
            .collect::<Result<_, _>>()?,
        None => {
            let plain = Literal::new(name)?;
            if negated_first {
                vec![plain.clone().negate(), plain]
            } else {
                vec![plain.clone(), plain.negate()]
            }
        }
    })
}

/// R QCA's necessity table: for every condition, the condition and its negation (a multi-value
/// condition: each level `A[0]`, `A[1]`, ..., without negations), with their necessity and
/// sufficiency for the outcome.
///
/// # Errors
/// As [`sufficiency_of`].
///
/// # Example
/// ```
/// use fsqca::{fit, Dataset};
///
/// let data = Dataset::from_columns([("A", vec![0.9, 0.6]), ("D", vec![0.0, 2.0]), ("Y", vec![0.8, 0.2])])?
///     .with_multi_value(&["D"])?;
/// let table = fit::necessity_table(&data, "Y", &["A", "D"])?;
/// let names: Vec<String> = table.iter().map(|r| r.expression.to_string()).collect();
/// assert_eq!(names, ["A", "~A", "D[0]", "D[1]", "D[2]"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn necessity_table<O: IntoOutcome + ?Sized, S: AsRef<str>>(
    data: &Dataset,
    outcome: &O,
    conditions: &[S],
) -> crate::Result<Vec<ConditionFit>> {
    let y = outcome_set(data, outcome)?;
    let mut rows = Vec::new();
    for c in conditions {
        for lit in condition_literals(data, c.as_ref(), false)? {
            let expression = Expression::literal(lit);
            let x = expression.evaluate(data)?;
            let s = sums(x.values(), y.values());
            rows.push(ConditionFit {
                expression,
                necessity: s.necessity(),
                sufficiency: s.sufficiency(),
            });
        }
    }
    Ok(rows)
}

/// Options of a search for necessary disjunctions or sufficient conjunctions, like R QCA's
/// `superSubset()` (Dușa 2019), and its runner [`search`](Self::search).
///
/// Every option, its setter, its getter (an options type's getter is `get_` and its setter's
/// name) and its default (R's):
///
/// | option | setter | getter | default |
/// | --- | --- | --- | --- |
/// | relation searched | [`relation`](Self::relation) | [`get_relation`](Self::get_relation) | [`Relation::Necessity`] |
/// | inclusion cut-off (R's `incl.cut`) | [`incl_cutoff`](Self::incl_cutoff) | [`get_incl_cutoff`](Self::get_incl_cutoff) | 1 |
/// | coverage cut-off (R's `cov.cut`) | [`cov_cutoff`](Self::cov_cutoff) | [`get_cov_cutoff`](Self::get_cov_cutoff) | 0 |
/// | relevance of necessity cut-off (R's `ron.cut`; necessity only) | [`ron_cutoff`](Self::ron_cutoff) | [`get_ron_cutoff`](Self::get_ron_cutoff) | 0 |
/// | PRI cut-off (R's `pri.cut`; sufficiency only) | [`pri_cutoff`](Self::pri_cutoff) | [`get_pri_cutoff`](Self::get_pri_cutoff) | 0 |
/// | literals at most (R's `depth`) | [`depth`](Self::depth) | [`get_depth`](Self::get_depth) | `None`: the number of conditions |
///
/// The cut-offs must lie in [0, 1] and the depth must be at least 1:
/// [`validate`](Self::validate), which [`search`](Self::search) runs first, refuses other
/// values; no value is changed silently.
///
/// The candidates combine at most `depth` conditions, one literal each (a condition or its
/// negation, or one level of a multi-value condition): disjunctions for necessity (a single
/// literal included), conjunctions for sufficiency. A candidate is kept when it reaches every
/// cut-off and none of the expressions made of a proper subset of its literals does
/// (minimality: `A + B` is not reported when `A` is necessary). Results are ordered by number of
/// literals, then by the conditions' order, a negated literal before the plain one.
///
/// # Example
/// ```
/// use fsqca::{fit::SuperSubsetOptions, Dataset};
///
/// let data = Dataset::from_columns([
///     ("A", vec![0.9, 0.2, 0.8]),
///     ("B", vec![0.1, 0.9, 0.3]),
///     ("Y", vec![0.8, 0.7, 0.6]),
/// ])?;
/// let found = SuperSubsetOptions::default().incl_cutoff(0.9).search(&data, "Y", &["A", "B"])?;
/// let names: Vec<String> = found.iter().map(|f| f.expression.to_string()).collect();
/// assert_eq!(names, ["~A + ~B", "A + B"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[must_use]
pub struct SuperSubsetOptions {
    relation: Relation,
    incl_cut: f64,
    cov_cut: f64,
    ron_cut: f64,
    pri_cut: f64,
    depth: Option<usize>,
}

impl Default for SuperSubsetOptions {
    fn default() -> Self {
        Self::new()
    }
}

/// The largest number of candidate expressions a search evaluates.
///
/// # Example
/// ```
/// use fsqca::fit::MAX_SEARCH_CANDIDATES;
/// // 3^k - 1 candidates for k binary conditions: 16 conditions fit, 17 do not.
/// assert!(3f64.powi(16) - 1.0 <= MAX_SEARCH_CANDIDATES);
/// assert!(3f64.powi(17) - 1.0 > MAX_SEARCH_CANDIDATES);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_SEARCH_CANDIDATES: f64 = 5e7;

impl SuperSubsetOptions {
    /// The default options (see the table of [`SuperSubsetOptions`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::{fit::SuperSubsetOptions, Relation};
    /// let o = SuperSubsetOptions::new();
    /// assert_eq!(o.get_relation(), Relation::Necessity);
    /// assert_eq!(o, SuperSubsetOptions::default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Self {
        Self {
            relation: Relation::Necessity,
            incl_cut: 1.0,
            cov_cut: 0.0,
            ron_cut: 0.0,
            pri_cut: 0.0,
            depth: None,
        }
    }

    /// Searches necessary disjunctions ([`Relation::Necessity`]) or sufficient conjunctions.
    ///
    /// # Example
    /// ```
    /// use fsqca::{fit::SuperSubsetOptions, Relation};
    /// let o = SuperSubsetOptions::new().relation(Relation::Sufficiency);
    /// assert_eq!(o.get_relation(), Relation::Sufficiency);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn relation(mut self, relation: Relation) -> Self {
        self.relation = relation;
        self
    }

    /// The inclusion cut-off (R: `incl.cut`).
    ///
    /// # Example
    /// ```
    /// let o = fsqca::fit::SuperSubsetOptions::new().incl_cutoff(0.9);
    /// assert_eq!(o.get_incl_cutoff(), 0.9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn incl_cutoff(mut self, v: f64) -> Self {
        self.incl_cut = v;
        self
    }

    /// The coverage cut-off (R: `cov.cut`).
    ///
    /// # Example
    /// ```
    /// let o = fsqca::fit::SuperSubsetOptions::new().cov_cutoff(0.6);
    /// assert_eq!(o.get_cov_cutoff(), 0.6);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cov_cutoff(mut self, v: f64) -> Self {
        self.cov_cut = v;
        self
    }

    /// The relevance of necessity cut-off (R: `ron.cut`; necessity only).
    ///
    /// # Example
    /// ```
    /// let o = fsqca::fit::SuperSubsetOptions::new().ron_cutoff(0.5);
    /// assert_eq!(o.get_ron_cutoff(), 0.5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ron_cutoff(mut self, v: f64) -> Self {
        self.ron_cut = v;
        self
    }

    /// The PRI cut-off (R: `pri.cut`; sufficiency only).
    ///
    /// # Example
    /// ```
    /// let o = fsqca::fit::SuperSubsetOptions::new().pri_cutoff(0.5);
    /// assert_eq!(o.get_pri_cutoff(), 0.5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pri_cutoff(mut self, v: f64) -> Self {
        self.pri_cut = v;
        self
    }

    /// The largest number of literals in an expression (R: `depth`; by default the number of
    /// conditions). At least 1 (0 fails [`validate`](Self::validate)); a depth above the number
    /// of conditions searches every combination.
    ///
    /// # Example
    /// ```
    /// let o = fsqca::fit::SuperSubsetOptions::new().depth(2);
    /// assert_eq!(o.get_depth(), Some(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn depth(mut self, depth: usize) -> Self {
        self.depth = Some(depth);
        self
    }

    /// The relation searched (see [`relation`](Self::relation)).
    ///
    /// # Example
    /// ```
    /// use fsqca::{fit::SuperSubsetOptions, Relation};
    /// assert_eq!(SuperSubsetOptions::new().get_relation(), Relation::Necessity);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_relation(&self) -> Relation {
        self.relation
    }

    /// The inclusion cut-off (see [`incl_cutoff`](Self::incl_cutoff)).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::fit::SuperSubsetOptions::new().get_incl_cutoff(), 1.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_incl_cutoff(&self) -> f64 {
        self.incl_cut
    }

    /// The coverage cut-off (see [`cov_cutoff`](Self::cov_cutoff)).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::fit::SuperSubsetOptions::new().get_cov_cutoff(), 0.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_cov_cutoff(&self) -> f64 {
        self.cov_cut
    }

    /// The relevance of necessity cut-off (see [`ron_cutoff`](Self::ron_cutoff)).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::fit::SuperSubsetOptions::new().get_ron_cutoff(), 0.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_ron_cutoff(&self) -> f64 {
        self.ron_cut
    }

    /// The PRI cut-off (see [`pri_cutoff`](Self::pri_cutoff)).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::fit::SuperSubsetOptions::new().get_pri_cutoff(), 0.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_pri_cutoff(&self) -> f64 {
        self.pri_cut
    }

    /// The depth set with [`depth`](Self::depth), `None` for the default (the number of
    /// conditions searched).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::fit::SuperSubsetOptions::new().get_depth(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_depth(&self) -> Option<usize> {
        self.depth
    }

    /// Checks the options: every cut-off in [0, 1] (NaN fails), a depth of at least 1.
    /// [`search`](Self::search) runs this check first; call it earlier to refuse the options
    /// before any data is read.
    ///
    /// # Errors
    /// [`FitError::InvalidCutoff`] naming the first cut-off outside [0, 1] (`incl`, `cov`,
    /// `RoN`, `PRI`), then [`FitError::InvalidDepth`] for a depth of 0.
    ///
    /// # Example
    /// ```
    /// use fsqca::fit::{FitError, SuperSubsetOptions};
    /// SuperSubsetOptions::new().validate()?;
    /// assert_eq!(
    ///     SuperSubsetOptions::new().cov_cutoff(1.5).validate(),
    ///     Err(FitError::InvalidCutoff { name: "cov", value: 1.5 })
    /// );
    /// assert_eq!(
    ///     SuperSubsetOptions::new().depth(0).validate(),
    ///     Err(FitError::InvalidDepth { depth: 0 })
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), FitError> {
        for (name, value) in [
            ("incl", self.incl_cut),
            ("cov", self.cov_cut),
            ("RoN", self.ron_cut),
            ("PRI", self.pri_cut),
        ] {
            if !(0.0..=1.0).contains(&value) {
                return Err(FitError::InvalidCutoff { name, value });
            }
        }
        if self.depth == Some(0) {
            return Err(FitError::InvalidDepth { depth: 0 });
        }
        Ok(())
    }

    /// Runs the search on `conditions` of `data` for `outcome`.
    ///
    /// # Errors
    /// The options' errors ([`validate`](Self::validate): [`FitError::InvalidCutoff`],
    /// [`FitError::InvalidDepth`]), then [`FitError::NoConditions`],
    /// [`FitError::SearchTooLarge`] (more than [`MAX_SEARCH_CANDIDATES`] candidates), and those
    /// of [`sufficiency_of`].
    ///
    /// # Complexity
    /// O(candidates × cases): with k binary conditions and no depth limit, 3^k - 1 candidates.
    ///
    /// # Example
    /// ```
    /// use fsqca::{fit::SuperSubsetOptions, Dataset, Relation};
    ///
    /// let data = Dataset::from_columns([("A", vec![0.9, 0.2]), ("B", vec![0.8, 0.6]), ("Y", vec![0.8, 0.1])])?;
    /// let found = SuperSubsetOptions::default()
    ///     .relation(Relation::Sufficiency)
    ///     .incl_cutoff(0.8)
    ///     .search(&data, "Y", &["A", "B"])?;
    /// let names: Vec<String> = found.iter().map(|f| f.expression.to_string()).collect();
    /// assert_eq!(names, ["A"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn search<O: IntoOutcome + ?Sized, S: AsRef<str>>(
        &self,
        data: &Dataset,
        outcome: &O,
        conditions: &[S],
    ) -> crate::Result<Vec<ConditionFit>> {
        self.validate()?;
        if conditions.is_empty() {
            return Err(FitError::NoConditions.into());
        }
        // At least 1: `validate` refuses 0, and the default is the (non-zero) number of
        // conditions.
        let depth = self.depth.unwrap_or(conditions.len()).min(conditions.len());
        let y = outcome_set(data, outcome)?;
        let literals = conditions
            .iter()
            .map(|c| condition_literals(data, c.as_ref(), true))
            .collect::<crate::Result<Vec<_>>>()?;
        // Number of candidates: Σ over subsets of size <= depth of Π(literals).
        let mut by_size = vec![0.0f64; depth + 1];
        by_size[0] = 1.0;
        for lits in &literals {
            for d in (1..=depth).rev() {
                by_size[d] += by_size[d - 1] * lits.len() as f64;
            }
        }
        let candidates: f64 = by_size[1..].iter().sum();
        if candidates > MAX_SEARCH_CANDIDATES {
            return Err(FitError::SearchTooLarge {
                candidates,
                max: MAX_SEARCH_CANDIDATES,
            }
            .into());
        }
        let memberships = literals
            .iter()
            .map(|lits| {
                lits.iter()
                    .map(|l| {
                        Expression::literal(l.clone())
                            .evaluate(data)
                            .map(FuzzySet::into_values)
                    })
                    .collect::<crate::Result<Vec<_>>>()
            })
            .collect::<crate::Result<Vec<_>>>()?;

        let necessity = self.relation == Relation::Necessity;
        let reaches = |v: Option<f64>, cut: f64| v.is_some_and(|v| v + CUTOFF_TOLERANCE > cut);
        let passes = |s: &Sums| {
            if necessity {
                let n = s.necessity();
                reaches(n.incl, self.incl_cut)
                    && reaches(n.cov, self.cov_cut)
                    && reaches(n.ron, self.ron_cut)
            } else {
                let f = s.sufficiency();
                reaches(f.incl, self.incl_cut)
                    && reaches(f.cov, self.cov_cut)
                    && reaches(f.pri, self.pri_cut)
            }
        };
        // Depth-first over (condition, literal) choices; record every passing candidate.
        let mut passing: Vec<(Vec<(usize, usize)>, Sums)> = Vec::new();
        let mut stack: Vec<(usize, usize)> = Vec::new();
        let n = y.len();
        #[allow(clippy::too_many_arguments)]
        fn walk(
            start: usize,
            current: &Array1<f64>,
            stack: &mut Vec<(usize, usize)>,
            depth: usize,
            memberships: &[Vec<Array1<f64>>],
            necessity: bool,
            y: ArrayView1<'_, f64>,
            passing: &mut Vec<(Vec<(usize, usize)>, Sums)>,
            passes: &dyn Fn(&Sums) -> bool,
        ) {
            for c in start..memberships.len() {
                for (l, m) in memberships[c].iter().enumerate() {
                    let next = if stack.is_empty() {
                        m.clone()
                    } else if necessity {
                        Zip::from(current).and(m).map_collect(|&a, &b| a.max(b))
                    } else {
                        Zip::from(current).and(m).map_collect(|&a, &b| a.min(b))
                    };
                    stack.push((c, l));
                    let s = sums(next.view(), y);
                    if passes(&s) {
                        passing.push((stack.clone(), s));
                    }
                    if stack.len() < depth {
                        walk(
                            c + 1,
                            &next,
                            stack,
                            depth,
                            memberships,
                            necessity,
                            y,
                            passing,
                            passes,
                        );
                    }
                    stack.pop();
                }
            }
        }
        walk(
            0,
            &Array1::zeros(n),
            &mut stack,
            depth,
            &memberships,
            necessity,
            y.values(),
            &mut passing,
            &passes,
        );
        let passed: HashSet<Vec<(usize, usize)>> = passing.iter().map(|(k, _)| k.clone()).collect();
        let minimal = |key: &[(usize, usize)]| {
            let d = key.len();
            (1..(1u64 << d) - 1).all(|mask| {
                let sub: Vec<(usize, usize)> = (0..d)
                    .filter(|&i| mask & (1 << i) != 0)
                    .map(|i| key[i])
                    .collect();
                !passed.contains(&sub)
            })
        };
        let mut kept: Vec<(Vec<(usize, usize)>, Sums)> = passing
            .into_iter()
            .filter(|(k, _)| k.len() < 64 && minimal(k))
            .collect();
        kept.sort_by(|(a, _), (b, _)| {
            a.len().cmp(&b.len()).then_with(|| {
                let ca: Vec<usize> = a.iter().map(|p| p.0).collect();
                let cb: Vec<usize> = b.iter().map(|p| p.0).collect();
                ca.cmp(&cb).then_with(|| a.cmp(b))
            })
        });
        kept.into_iter()
            .map(|(key, s)| {
                let items = key
                    .iter()
                    .map(|&(c, l)| Expression::literal(literals[c][l].clone()));
                // A key has at least one literal, and literals nest no parentheses.
                let expression = if necessity {
                    Expression::disjunction(items)
                } else {
                    Expression::conjunction(items)
                }?;
                Ok(ConditionFit {
                    expression,
                    necessity: s.necessity(),
                    sufficiency: s.sufficiency(),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

    #[test]
    fn autotraits() {
        has_autotraits::<FitError>();
        has_autotraits::<Sufficiency>();
        has_autotraits::<Necessity>();
        has_autotraits::<SolutionFit>();
        has_autotraits::<ConditionFit>();
        has_autotraits::<SuperSubsetOptions>();
    }

    fn data() -> Dataset {
        Dataset::from_columns([
            ("A", vec![0.9, 0.2, 0.8, 0.1]),
            ("B", vec![0.1, 0.9, 0.3, 0.2]),
            ("Y", vec![0.8, 0.7, 0.6, 0.1]),
        ])
        .unwrap()
    }

    fn lit(n: &str) -> Expression {
        Expression::literal(Literal::new(n).unwrap())
    }

    fn fit_err(e: Error) -> FitError {
        match e {
            Error::Fit(e) => e,
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn empty_solution() {
        let e = fit_err(solution(&[], &data(), "Y").unwrap_err());
        assert_eq!(e, FitError::EmptySolution);
        assert_eq!(e.to_string(), "a solution needs at least one term");
    }

    #[test]
    fn invalid_cutoff() {
        let e = SuperSubsetOptions::default()
            .cov_cutoff(-0.1)
            .search(&data(), "Y", &["A"])
            .unwrap_err();
        assert_eq!(
            fit_err(e),
            FitError::InvalidCutoff {
                name: "cov",
                value: -0.1
            }
        );
    }

    /// Each setter is read back by `get_<setter>`: renaming a getter breaks this test.
    #[test]
    fn every_super_subset_setter_is_read_back_by_its_get_getter() {
        let o = SuperSubsetOptions::new()
            .relation(Relation::Sufficiency)
            .incl_cutoff(0.9)
            .cov_cutoff(0.6)
            .ron_cutoff(0.5)
            .pri_cutoff(0.4)
            .depth(3);
        assert_eq!(o.get_relation(), Relation::Sufficiency);
        assert_eq!(o.get_incl_cutoff(), 0.9);
        assert_eq!(o.get_cov_cutoff(), 0.6);
        assert_eq!(o.get_ron_cutoff(), 0.5);
        assert_eq!(o.get_pri_cutoff(), 0.4);
        assert_eq!(o.get_depth(), Some(3));
        assert_eq!(o.validate(), Ok(()));
        assert_eq!(SuperSubsetOptions::new(), SuperSubsetOptions::default());
        assert_eq!(SuperSubsetOptions::new().get_depth(), None);
    }

    /// Invalid values are refused by `validate`, kept as given, never clamped.
    #[test]
    fn invalid_super_subset_options_are_refused_not_clamped() {
        let o = SuperSubsetOptions::new().ron_cutoff(1.5).depth(0);
        assert_eq!(o.get_ron_cutoff(), 1.5);
        assert_eq!(o.get_depth(), Some(0));
        assert_eq!(
            o.validate(),
            Err(FitError::InvalidCutoff {
                name: "RoN",
                value: 1.5
            })
        );
        assert_eq!(
            o.ron_cutoff(0.5).validate(),
            Err(FitError::InvalidDepth { depth: 0 })
        );
        assert!(SuperSubsetOptions::new()
            .incl_cutoff(f64::NAN)
            .validate()
            .is_err());
    }

    #[test]
    fn invalid_depth() {
        let e = SuperSubsetOptions::default()
            .depth(0)
            .search(&data(), "Y", &["A"])
            .unwrap_err();
        assert_eq!(fit_err(e), FitError::InvalidDepth { depth: 0 });
    }

    #[test]
    fn no_conditions() {
        let none: [&str; 0] = [];
        let e = SuperSubsetOptions::default()
            .search(&data(), "Y", &none)
            .unwrap_err();
        assert_eq!(fit_err(e), FitError::NoConditions);
    }

    #[test]
    fn search_too_large() {
        let cols: Vec<(String, Vec<f64>)> = (0..20)
            .map(|j| (format!("X{j}"), vec![0.3]))
            .chain([("Y".to_string(), vec![0.4])])
            .collect();
        let d = Dataset::from_columns(cols).unwrap();
        let names: Vec<String> = (0..20).map(|j| format!("X{j}")).collect();
        let e = SuperSubsetOptions::default()
            .search(&d, "Y", &names)
            .unwrap_err();
        assert!(matches!(fit_err(e), FitError::SearchTooLarge { .. }));
        // A depth limit makes it feasible.
        assert!(SuperSubsetOptions::default()
            .depth(2)
            .search(&d, "Y", &names)
            .is_ok());
    }

    #[test]
    fn unequal_lengths() {
        let x = FuzzySet::new("X", vec![0.1, 0.2]).unwrap();
        let y = FuzzySet::new("Y", vec![0.1]).unwrap();
        assert!(matches!(
            sufficiency(&x, &y).unwrap_err(),
            SetError::UnequalLengths { .. }
        ));
        assert!(necessity(&x, &y).is_err());
    }

    #[test]
    fn undefined_is_none_never_nan() {
        let x = FuzzySet::new("X", vec![0.0, 0.0]).unwrap();
        let y = FuzzySet::new("Y", vec![0.0, 0.0]).unwrap();
        let s = sufficiency(&x, &y).unwrap();
        assert_eq!((s.incl, s.pri, s.cov), (None, None, None));
        let n = necessity(&x, &y).unwrap();
        assert_eq!((n.incl, n.cov), (None, None));
        assert_eq!(n.ron, Some(1.0));
        let one = FuzzySet::new("X", vec![1.0, 1.0]).unwrap();
        assert_eq!(necessity(&one, &one).unwrap().ron, None);
    }

    #[test]
    fn formulas() {
        let d = data();
        let s = sufficiency_of(&lit("A"), &d, "Y").unwrap();
        let (x, y) = ([0.9, 0.2, 0.8, 0.1], [0.8, 0.7, 0.6, 0.1]);
        let xy: f64 = x.iter().zip(&y).map(|(a, b)| f64::min(*a, *b)).sum();
        let xyny: f64 = x.iter().zip(&y).map(|(a, b)| a.min(*b).min(1.0 - b)).sum();
        let sx: f64 = x.iter().sum();
        let sy: f64 = y.iter().sum();
        assert!((s.incl.unwrap() - xy / sx).abs() < 1e-12);
        assert!((s.pri.unwrap() - (xy - xyny) / (sx - xyny)).abs() < 1e-12);
        assert!((s.cov.unwrap() - xy / sy).abs() < 1e-12);
        let n = necessity_of(&lit("A"), &d, "Y").unwrap();
        let ron = x.iter().map(|a| 1.0 - a).sum::<f64>()
            / x.iter().zip(&y).map(|(a, b)| 1.0 - a.min(*b)).sum::<f64>();
        assert!((n.ron.unwrap() - ron).abs() < 1e-12);
        // A negated outcome as a string and as an expression agree.
        let a = sufficiency_of(&lit("A"), &d, "~Y").unwrap();
        let b = sufficiency_of(&lit("A"), &d, &lit("Y").negate().unwrap()).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn unique_coverage() {
        let d = data();
        let f = solution(&[lit("A"), lit("B")], &d, "Y").unwrap();
        let whole = f.solution.cov.unwrap();
        let a = sufficiency_of(&lit("A"), &d, "Y").unwrap().cov.unwrap();
        let b = sufficiency_of(&lit("B"), &d, "Y").unwrap().cov.unwrap();
        assert!((f.terms[0].cov_unique.unwrap() - (whole - b)).abs() < 1e-12);
        assert!((f.terms[1].cov_unique.unwrap() - (whole - a)).abs() < 1e-12);
    }

    #[test]
    fn sufficiency_search_keeps_minimal_conjunctions() {
        let found = SuperSubsetOptions::default()
            .relation(Relation::Sufficiency)
            .incl_cutoff(0.85)
            .search(&data(), "Y", &["A", "B"])
            .unwrap();
        for f in &found {
            assert!(f.sufficiency.incl.unwrap() + 1e-9 >= 0.85);
        }
        let names: Vec<String> = found.iter().map(|f| f.expression.to_string()).collect();
        // `A` passes, so no conjunction containing `A` is reported.
        assert!(names.contains(&"A".to_string()));
        assert!(!names
            .iter()
            .any(|n| n.contains("*A") || n.starts_with("A*")));
    }
}
