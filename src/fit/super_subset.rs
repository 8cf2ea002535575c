//! The search for necessary disjunctions or sufficient conjunctions, like R QCA's
//! `superSubset()`.

use std::collections::HashSet;

use ndarray::{Array1, ArrayView1, Zip};

use super::error::{check_cutoffs, FitError};
use super::measures::{reaches, sums, Sums};
use super::necessity_table::{condition_literals, ConditionFit};
use super::outcome::{outcome_set, IntoOutcome};
use crate::data::Dataset;
use crate::expression::{Expression, Relation};
use crate::sets::FuzzySet;

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
    /// use fsqca::fit::{CutoffError, FitError, SuperSubsetOptions};
    /// SuperSubsetOptions::new().validate()?;
    /// assert!(matches!(
    ///     SuperSubsetOptions::new().cov_cutoff(1.5).validate(),
    ///     Err(FitError::InvalidCutoff(CutoffError { name: "cov", value: 1.5 }))
    /// ));
    /// assert!(matches!(
    ///     SuperSubsetOptions::new().depth(0).validate(),
    ///     Err(FitError::InvalidDepth { depth: 0 })
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), FitError> {
        check_cutoffs(&[
            ("incl", self.incl_cut),
            ("cov", self.cov_cut),
            ("RoN", self.ron_cut),
            ("PRI", self.pri_cut),
        ])?;
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
    /// of [`sufficiency_of`](super::sufficiency_of).
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
    ) -> Result<Vec<ConditionFit>, FitError> {
        self.validate()?;
        if conditions.is_empty() {
            return Err(FitError::NoConditions);
        }
        // At least 1: `validate` refuses 0, and the default is the (non-zero) number of
        // conditions.
        let depth = self.depth.unwrap_or(conditions.len()).min(conditions.len());
        let y = outcome_set(data, outcome)?;
        let literals = conditions
            .iter()
            .map(|c| condition_literals(data, c.as_ref(), true))
            .collect::<Result<Vec<_>, _>>()?;
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
            });
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
                    .collect::<Result<Vec<_>, _>>()
            })
            .collect::<Result<Vec<_>, _>>()?;

        let necessity = self.relation == Relation::Necessity;
        let mut walk = Walk {
            options: self,
            memberships: &memberships,
            y: y.values(),
            depth,
            necessity,
            stack: Vec::with_capacity(depth),
            passing: Vec::new(),
        };
        walk.visit(0, None);
        let mut kept = minimal(walk.passing);
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
                // A key has at least one literal, and literals nest no parentheses: the
                // constructors cannot fail here.
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

/// A candidate of the search: its (condition, literal) choices, in increasing condition order.
type Key = Vec<(usize, usize)>;

/// The depth-first walk over the candidates of a search: every combination of at most `depth`
/// conditions, one literal each; records every candidate that reaches the cut-offs.
struct Walk<'a> {
    options: &'a SuperSubsetOptions,
    /// Per condition, the membership of each of its literals.
    memberships: &'a [Vec<Array1<f64>>],
    /// The outcome's memberships.
    y: ArrayView1<'a, f64>,
    depth: usize,
    /// Disjunctions (necessity) or conjunctions (sufficiency).
    necessity: bool,
    /// The current candidate.
    stack: Key,
    /// The candidates that reach the cut-offs, with their sums.
    passing: Vec<(Key, Sums)>,
}

impl Walk<'_> {
    /// Whether a candidate with these sums reaches every cut-off of its relation.
    fn passes(&self, s: &Sums) -> bool {
        let o = self.options;
        if self.necessity {
            let n = s.necessity();
            reaches(n.incl, o.incl_cut) && reaches(n.cov, o.cov_cut) && reaches(n.ron, o.ron_cut)
        } else {
            let f = s.sufficiency();
            reaches(f.incl, o.incl_cut) && reaches(f.cov, o.cov_cut) && reaches(f.pri, o.pri_cut)
        }
    }

    /// Extends the current candidate (of membership `current`, `None` when empty) by one
    /// literal of each condition from `start` on, and recurses while below the depth.
    fn visit(&mut self, start: usize, current: Option<&Array1<f64>>) {
        let memberships = self.memberships;
        for (c, literals) in memberships.iter().enumerate().skip(start) {
            for (l, m) in literals.iter().enumerate() {
                let next = match current {
                    None => m.clone(),
                    Some(current) if self.necessity => {
                        Zip::from(current).and(m).map_collect(|&a, &b| a.max(b))
                    }
                    Some(current) => Zip::from(current).and(m).map_collect(|&a, &b| a.min(b)),
                };
                self.stack.push((c, l));
                let s = sums(next.view(), self.y);
                if self.passes(&s) {
                    self.passing.push((self.stack.clone(), s));
                }
                if self.stack.len() < self.depth {
                    self.visit(c + 1, Some(&next));
                }
                self.stack.pop();
            }
        }
    }
}

/// The passing candidates none of whose proper sub-candidates passes (`A + B` is dropped when
/// `A` passes).
///
/// A key has at most 25 literals, so its proper sub-candidates are the masks of a `u64`:
/// `search` refuses more than [`MAX_SEARCH_CANDIDATES`] (5e7 < 2^26) candidates, and a depth
/// of d over conditions of at least one literal each means at least 2^d - 1 candidates.
fn minimal(passing: Vec<(Key, Sums)>) -> Vec<(Key, Sums)> {
    let passed: HashSet<Key> = passing.iter().map(|(k, _)| k.clone()).collect();
    let is_minimal = |key: &[(usize, usize)]| {
        let d = key.len();
        (1..(1u64 << d) - 1).all(|mask| {
            let sub: Key = (0..d)
                .filter(|&i| mask & (1 << i) != 0)
                .map(|i| key[i])
                .collect();
            !passed.contains(&sub)
        })
    };
    passing.into_iter().filter(|(k, _)| is_minimal(k)).collect()
}
