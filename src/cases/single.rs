//! The single cases that sufficiency and necessity select alike: typical cases of a set (a
//! term, or a necessary condition or one of its disjuncts) and deviant cases, in the set but
//! not in the outcome (Schneider & Rohlfing 2013).

use super::order::{first, mark_min, rank, Exact, First, Ranked};
use super::CaseMemberships;

/// A typical case of a set: of a term (X > 0.5, Y > 0.5 and X ≤ Y; SetMethods'
/// `smmr(cases = 1)`) or of a necessary condition or one of its disjuncts (N > 0.5, Y > 0.5
/// and N ≥ Y; `smmr(necessity = TRUE, cases = 1)`). The list's
/// [`case_type`](super::CaseList::case_type) says which.
///
/// # Example
/// ```
/// use fsqca::{cases::CaseMemberships, Dataset};
/// let data = Dataset::from_columns([("A", vec![0.6, 0.9]), ("Y", vec![0.8, 0.95])])?;
/// let lists = CaseMemberships::new(&data, "Y", &["A"], &["A".parse()?])?.typical();
/// let case = &lists[0].cases[0];
/// assert_eq!((case.case.as_str(), case.membership, case.outcome), ("2", 0.9, 0.95));
/// assert!(case.most_typical);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TypicalCase {
    /// The case label.
    pub case: String,
    /// Its membership in the set: X in the term, N in the necessary condition (or disjunct).
    pub membership: f64,
    /// Its membership Y in the outcome.
    pub outcome: f64,
    /// For a term: whether it is a typical case of this term only (SetMethods' `UniqCov` of
    /// this table: a case with X > 0.5 in another term where X > Y, so not typical there,
    /// still counts as uniquely covered). For a disjunct of a necessary condition: whether
    /// every other disjunct is below 0.5; always true for the whole condition.
    pub unique_coverage: bool,
    /// 2(Y − X) + (1 − X) for a term, 2|N − Y| + (1 − N) for a necessary condition: smaller
    /// is more typical.
    pub best: f64,
    /// Whether its `best` is the smallest of the list.
    pub most_typical: bool,
}

/// A deviant case of a set, in it but not in the outcome: a deviant case consistency of a
/// term (X > 0.5 and Y < 0.5; SetMethods' `smmr(cases = 3)`) or a deviant case relevance of a
/// necessary condition or one of its disjuncts (N > 0.5 and Y < 0.5;
/// `smmr(necessity = TRUE, cases = 3)`). The list's
/// [`case_type`](super::CaseList::case_type) says which.
///
/// # Example
/// ```
/// use fsqca::{cases::CaseMemberships, Dataset};
/// let data = Dataset::from_columns([("A", vec![0.9, 0.6]), ("Y", vec![0.1, 0.3])])?;
/// let lists = CaseMemberships::new(&data, "Y", &["A"], &["A".parse()?])?.deviant_consistency();
/// let case = &lists[0].cases[0];
/// assert_eq!(case.case, "1");
/// assert!((case.best - 0.3).abs() < 1e-12); // (1 - (0.9 - 0.1)) + (1 - 0.9)
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct DeviantCase {
    /// The case label.
    pub case: String,
    /// Its membership in the set: X in the term, N in the necessary condition (or disjunct).
    pub membership: f64,
    /// Its membership Y in the outcome.
    pub outcome: f64,
    /// (1 − (X − Y)) + (1 − X): smaller is more deviant.
    pub best: f64,
    /// Whether its `best` is the smallest of the list.
    pub most_deviant: bool,
}

impl TypicalCase {
    /// A typical case, not yet marked most typical.
    pub(crate) fn new(
        case: String,
        membership: f64,
        outcome: f64,
        unique_coverage: bool,
        best: f64,
    ) -> Self {
        Self {
            case,
            membership,
            outcome,
            unique_coverage,
            best,
            most_typical: false,
        }
    }

    /// Marks the most typical cases (the smallest `best`) and ranks the cases.
    pub(crate) fn mark_and_rank(cases: &mut [Self]) {
        mark_min(cases, |c| c.best, |c| c.most_typical = true);
        rank(cases);
    }
}

/// As SetMethods ranks typical cases of terms and of necessary conditions alike: unique
/// coverage first, then `best`, then the membership in the set.
impl Ranked for TypicalCase {
    type Key = (First, Exact, Exact);

    fn rank_key(&self) -> Self::Key {
        (
            first(self.unique_coverage),
            Exact(self.best),
            Exact(self.membership),
        )
    }
}

impl CaseMemberships {
    /// The deviant cases of a set with memberships `x` (X > 0.5 and Y < 0.5), in the data's
    /// order, the most deviant marked.
    pub(crate) fn deviant_cases(&self, x: &[f64]) -> Vec<DeviantCase> {
        let y = self.outcome_memberships();
        let mut cases: Vec<DeviantCase> = (0..self.n_cases())
            .filter(|&i| x[i] > 0.5 && y[i] < 0.5)
            .map(|i| DeviantCase {
                case: self.cases()[i].clone(),
                membership: x[i],
                outcome: y[i],
                best: (1.0 - (x[i] - y[i])) + (1.0 - x[i]),
                most_deviant: false,
            })
            .collect();
        mark_min(&mut cases, |c| c.best, |c| c.most_deviant = true);
        cases
    }
}
