//! Single-case selection for a sufficient solution (Schneider & Rohlfing 2013; Schneider
//! 2024): typical cases per term and per focal conjunct, deviant cases consistency and
//! coverage, individually irrelevant cases. Definitions and rankings as SetMethods 4.0's
//! `smmr(match = FALSE, cases = 1..5)`.

use super::memberships::conjuncts;
use super::order::{collate, first, mark_min_per_row, row, top, Exact, First, Ranked};
use super::{
    CaseList, CaseMemberships, CaseSelectionError, CaseType, DeviantCase, SelectionOptions,
    TypicalCase,
};
use crate::expression::{Expression, Literal};

/// A typical case of a term examined for one focal conjunct FC, against the complement CC of
/// the term's other conjuncts (their minimum; their maximum for a conjunct declared necessary).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct FocalConjunctCase {
    /// The case label.
    pub case: String,
    /// Its membership in the focal conjunct.
    pub focal_conjunct: f64,
    /// Its membership Y in the outcome.
    pub outcome: f64,
    /// CC_Min, the minimum of the term's other conjuncts; `None` for a term of a single
    /// literal.
    pub complement_min: Option<f64>,
    /// CC_Max, the maximum of the term's other conjuncts; `None` for a term of a single
    /// literal.
    pub complement_max: Option<f64>,
    /// Whether the focal conjunct was declared necessary ([`SelectionOptions::necessary_conjuncts`]).
    pub necessary: bool,
    /// Its membership in the term, min(FC, CC_Min).
    pub term_membership: f64,
    /// 1 when the focal conjunct drives the term (FC < CC_Min; for a necessary conjunct
    /// FC ≥ CC_Max), else 2; `None` for a term of a single literal.
    pub rank: Option<u8>,
    /// Clean correspondence: the complement does not lie between FC and Y (see
    /// [`CaseMemberships::typical_focal_conjuncts`]); `None` for a term of a single literal.
    pub clean_correspondence: Option<bool>,
    /// FC ≤ Y (FC ≥ Y for a necessary conjunct).
    pub focal_consistent: bool,
    /// Whether no other term of the solution has membership above 0.5.
    pub unique_coverage: bool,
    /// 2|Y − FC| + (1 − term): smaller is more typical.
    pub best: f64,
    /// Whether its `best` is the smallest for this focal conjunct.
    pub most_typical_focal: bool,
    /// Whether it is among the most typical cases of the term ([`TypicalCase::most_typical`]).
    pub most_typical_term: bool,
}

/// As SetMethods ranks the typical cases of a focal conjunct: rank, clean correspondence,
/// FC ≤ Y (FC ≥ Y), unique coverage, `best`, most typical for the conjunct, most typical for
/// the term.
impl Ranked for FocalConjunctCase {
    type Key = (Option<u8>, First, First, First, Exact, First, First);

    fn rank_key(&self) -> Self::Key {
        (
            self.rank,
            first(self.clean_correspondence.unwrap_or(false)),
            first(self.focal_consistent),
            first(self.unique_coverage),
            Exact(self.best),
            first(self.most_typical_focal),
            first(self.most_typical_term),
        )
    }
}

/// A case of the solution's truth-table rows: deviant coverage (S < 0.5, Y > 0.5) or
/// individually irrelevant (S < 0.5, Y < 0.5).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct RowCase {
    /// The case label.
    pub case: String,
    /// Its membership S in the solution.
    pub solution: f64,
    /// Its truth-table row (see [`CaseMemberships::rows`]).
    pub row: Option<Vec<u8>>,
    /// Its membership w in that row.
    pub row_membership: f64,
    /// Its membership Y in the outcome.
    pub outcome: f64,
    /// w ≤ Y: the row is a consistent subset of the outcome for this case.
    pub row_consistent: bool,
    /// 1 − w: smaller is more deviant (deviant coverage only; `None` for irrelevant cases).
    pub best: Option<f64>,
    /// Whether its `best` is the smallest of its row (deviant coverage only).
    pub most_deviant: bool,
}

/// Every case examined for one focal conjunct (in the data's order), and which are typical
/// cases of the term.
pub(crate) struct FocalProfile {
    /// The focal conjunct.
    pub(crate) literal: Literal,
    /// Every case, with its values and flags for this conjunct.
    pub(crate) cases: Vec<FocalConjunctCase>,
    /// Whether each case is a typical case of the term.
    pub(crate) typical: Vec<bool>,
}

/// Orders cases by the collated name of their subject, as SetMethods' one table per type.
fn by_term(lists: &mut [(usize, Expression)]) {
    lists.sort_by(|a, b| collate(&a.1.to_string(), &b.1.to_string()));
}

impl CaseMemberships {
    /// The terms in SetMethods' order of its tables: by their collated text.
    fn terms_in_table_order(&self) -> Vec<(usize, Expression)> {
        let mut terms: Vec<(usize, Expression)> =
            self.terms().iter().cloned().enumerate().collect();
        by_term(&mut terms);
        terms
    }

    /// Whether case `i` is a typical case (X > 0.5, Y > 0.5, X ≤ Y) of exactly one term.
    pub(crate) fn typical_in_one_term(&self, i: usize) -> bool {
        let y = self.outcome_memberships()[i];
        (0..self.terms().len())
            .filter(|&t| {
                self.term_memberships(t)
                    .is_some_and(|x| x[i] > 0.5 && y > 0.5 && x[i] <= y)
            })
            .count()
            == 1
    }

    /// Whether case `i` has membership above 0.5 in a term other than `term`.
    fn covered_elsewhere(&self, i: usize, term: usize) -> bool {
        (0..self.terms().len())
            .filter(|&t| t != term)
            .any(|t| self.term_memberships(t).is_some_and(|x| x[i] > 0.5))
    }

    /// Typical cases of each term (SetMethods' `smmr(cases = 1)`): X > 0.5, Y > 0.5, X ≤ Y,
    /// ranked per term by unique coverage first (typical for no other term), then `best` = 2(Y − X) + (1 − X), then X.
    /// One list per term, the terms in the order of their collated text.
    ///
    /// # Example
    /// ```
    /// use fsqca::cases::CaseMemberships;
    /// use fsqca::{Dataset, Expression};
    ///
    /// let data = Dataset::from_columns([("A", vec![0.9, 0.6, 0.8]), ("Y", vec![0.95, 0.9, 0.2])])?;
    /// let terms: Vec<Expression> = vec!["A".parse()?];
    /// let lists = CaseMemberships::new(&data, "Y", &["A"], &terms)?.typical();
    /// let names: Vec<&str> = lists[0].cases.iter().map(|c| c.case.as_str()).collect();
    /// assert_eq!(names, ["1", "2"]);
    /// assert!(lists[0].cases[0].most_typical);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn typical(&self) -> Vec<CaseList<TypicalCase>> {
        let y = self.outcome_memberships();
        let typical = |x: &[f64], i: usize| x[i] > 0.5 && y[i] > 0.5 && x[i] <= y[i];
        self.terms_in_table_order()
            .into_iter()
            .map(|(t, term)| {
                let x = self.term_memberships(t).unwrap_or_default();
                let mut cases: Vec<TypicalCase> = (0..self.n_cases())
                    .filter(|&i| typical(x, i))
                    .map(|i| {
                        TypicalCase::new(
                            self.cases()[i].clone(),
                            x[i],
                            y[i],
                            self.typical_in_one_term(i),
                            2.0 * (y[i] - x[i]) + (1.0 - x[i]),
                        )
                    })
                    .collect();
                TypicalCase::mark_and_rank(&mut cases);
                CaseList::new(CaseType::Typical, Some(term), cases)
            })
            .collect()
    }

    /// Typical cases of term `options.get_term()` for each of its focal conjuncts
    /// (SetMethods' `smmr(cases = 2)`), one list per conjunct in the term's order, each cut to
    /// `options.get_max_pairs()` cases.
    ///
    /// For a focal conjunct FC, CC_Min and CC_Max are the minimum and maximum of the other
    /// conjuncts and the term is min(FC, CC_Min). The cases are the term's typical cases
    /// (term > 0.5, Y > 0.5, term ≤ Y). Rank 1 when FC < CC_Min (FC ≥ CC_Max for a conjunct
    /// declared necessary), else 2; `best` = 2|Y − FC| + (1 − term). Clean correspondence: if
    /// FC ≤ Y, CC_Min < FC or CC_Min > Y, otherwise CC_Min > FC or CC_Min < Y (CC_Min is not
    /// in the closed interval between FC and Y). For a necessary conjunct, with CC_Max: if
    /// FC ≥ Y, CC_Max is not in [Y, FC) (as SetMethods 4.0 decides on the reference data);
    /// otherwise, by symmetry, not in (FC, Y]. Ranked by rank, clean correspondence, FC ≤ Y (FC ≥ Y), unique coverage,
    /// `best`, most typical for the conjunct, most typical for the term.
    ///
    /// A term of one literal gives one list: the typical cases, with `best` = 2|Y − X| +
    /// (1 − X), ranked by unique coverage and `best`.
    ///
    /// # Errors
    /// [`CaseSelectionError::ZeroMaxPairs`], [`CaseSelectionError::TermOutOfRange`], and
    /// [`CaseSelectionError::NotAConjunct`] for a necessary conjunct not in the term.
    ///
    /// # Example
    /// ```
    /// use fsqca::cases::{CaseMemberships, SelectionOptions};
    /// use fsqca::{Dataset, Expression};
    ///
    /// let data = Dataset::from_columns([
    ///     ("A", vec![0.6, 0.9]), ("B", vec![0.9, 0.7]), ("Y", vec![0.8, 0.9]),
    /// ])?;
    /// let terms: Vec<Expression> = vec!["A*B".parse()?];
    /// let lists = CaseMemberships::new(&data, "Y", &["A", "B"], &terms)?
    ///     .typical_focal_conjuncts(&SelectionOptions::new())?;
    /// assert_eq!(lists.len(), 2);
    /// // For focal conjunct A, case 1 (A = 0.6 < B = 0.9) has rank 1.
    /// assert_eq!(lists[0].cases[0].case, "1");
    /// assert_eq!(lists[0].cases[0].rank, Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn typical_focal_conjuncts(
        &self,
        options: &SelectionOptions,
    ) -> Result<Vec<CaseList<FocalConjunctCase>>, CaseSelectionError> {
        Ok(self
            .focal_profiles(options)?
            .into_iter()
            .map(|profile| {
                let cases: Vec<FocalConjunctCase> = profile
                    .cases
                    .into_iter()
                    .zip(&profile.typical)
                    .filter(|(_, &typical)| typical)
                    .map(|(c, _)| c)
                    .collect();
                CaseList::new(
                    CaseType::TypicalFocalConjunct,
                    Some(Expression::literal(profile.literal)),
                    top(cases, options.get_max_pairs()),
                )
            })
            .collect())
    }

    /// The names of the most typical cases of term `t` (index from 0).
    pub(crate) fn most_typical_of_term(&self, t: usize) -> Vec<String> {
        let term = &self.terms()[t];
        self.typical()
            .into_iter()
            .find(|l| l.subject.as_ref() == Some(term))
            .map(|l| {
                l.cases
                    .into_iter()
                    .filter(|c| c.most_typical)
                    .map(|c| c.case)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every case examined for each focal conjunct of term `options.get_term()`: its values
    /// and flags as a [`FocalConjunctCase`], whether it is a typical case of the term, and
    /// (for the typical ones) the most typical marked.
    pub(crate) fn focal_profiles(
        &self,
        options: &SelectionOptions,
    ) -> Result<Vec<FocalProfile>, CaseSelectionError> {
        options.validate()?;
        let t = self.term_index(options.get_term())?;
        let term = &self.terms()[t];
        let literals = conjuncts(term, "conjunction of literals")?;
        for nec in options.get_necessary_conjuncts() {
            if !literals.contains(&nec) {
                return Err(CaseSelectionError::NotAConjunct {
                    conjunct: nec.to_string(),
                    term: term.to_string(),
                });
            }
        }
        let most_typical_term = self.most_typical_of_term(t);
        let values = literals
            .iter()
            .map(|l| self.evaluate(&Expression::literal((*l).clone())))
            .collect::<Result<Vec<_>, _>>()?;
        let y = self.outcome_memberships();
        let mut profiles = Vec::new();
        for (f, literal) in literals.iter().enumerate() {
            let fc = &values[f];
            let necessary = options.get_necessary_conjuncts().contains(literal);
            let others: Vec<&Vec<f64>> = (0..literals.len())
                .filter(|&o| o != f)
                .map(|o| &values[o])
                .collect();
            let mut cases = Vec::new();
            let mut typical = Vec::new();
            for i in 0..self.n_cases() {
                let cc_min = others.iter().map(|v| v[i]).reduce(f64::min);
                let cc_max = others.iter().map(|v| v[i]).reduce(f64::max);
                let term_x = cc_min.map_or(fc[i], |cc| cc.min(fc[i]));
                typical.push(term_x > 0.5 && y[i] > 0.5 && term_x <= y[i]);
                let (rank, clean) = match (cc_min, cc_max) {
                    (Some(_), Some(cc_max)) if necessary => {
                        let rank = if fc[i] >= cc_max { 1 } else { 2 };
                        let clean = if fc[i] >= y[i] {
                            !(cc_max >= y[i] && cc_max < fc[i])
                        } else {
                            !(cc_max > fc[i] && cc_max <= y[i])
                        };
                        (Some(rank), Some(clean))
                    }
                    (Some(cc_min), Some(_)) => {
                        let rank = if fc[i] < cc_min { 1 } else { 2 };
                        let clean = if fc[i] <= y[i] {
                            cc_min < fc[i] || cc_min > y[i]
                        } else {
                            cc_min > fc[i] || cc_min < y[i]
                        };
                        (Some(rank), Some(clean))
                    }
                    _ => (None, None),
                };
                cases.push(FocalConjunctCase {
                    case: self.cases()[i].clone(),
                    focal_conjunct: fc[i],
                    outcome: y[i],
                    complement_min: cc_min,
                    complement_max: cc_max,
                    necessary,
                    term_membership: term_x,
                    rank,
                    clean_correspondence: clean,
                    focal_consistent: if necessary {
                        fc[i] >= y[i]
                    } else {
                        fc[i] <= y[i]
                    },
                    unique_coverage: !self.covered_elsewhere(i, t),
                    best: 2.0 * (y[i] - fc[i]).abs() + (1.0 - term_x),
                    most_typical_focal: false,
                    most_typical_term: most_typical_term.contains(&self.cases()[i]),
                });
            }
            let min = cases
                .iter()
                .zip(&typical)
                .filter(|(_, &t)| t)
                .map(|(c, _)| c.best)
                .fold(f64::INFINITY, f64::min);
            for (c, &t) in cases.iter_mut().zip(&typical) {
                c.most_typical_focal = t && c.best == min;
            }
            profiles.push(FocalProfile {
                literal: (*literal).clone(),
                cases,
                typical,
            });
        }
        Ok(profiles)
    }

    /// The index (from 0) of term `term` (counted from 1).
    pub(crate) fn term_index(&self, term: usize) -> Result<usize, CaseSelectionError> {
        let n_terms = self.terms().len();
        if term == 0 || term > n_terms {
            return Err(CaseSelectionError::TermOutOfRange { term, n_terms });
        }
        Ok(term - 1)
    }

    /// Deviant cases consistency of each term (SetMethods' `smmr(cases = 3)`): X > 0.5 and
    /// Y < 0.5, ranked per term by `best` = 1 − (X − Y) + (1 − X), then X. One list per term,
    /// the terms in the order of their collated text.
    ///
    /// # Example
    /// ```
    /// use fsqca::cases::CaseMemberships;
    /// use fsqca::{Dataset, Expression};
    ///
    /// let data = Dataset::from_columns([("A", vec![0.9, 0.6]), ("Y", vec![0.2, 0.4])])?;
    /// let terms: Vec<Expression> = vec!["A".parse()?];
    /// let lists = CaseMemberships::new(&data, "Y", &["A"], &terms)?.deviant_consistency();
    /// assert_eq!(lists[0].cases[0].case, "1");
    /// assert!((lists[0].cases[0].best - 0.4).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deviant_consistency(&self) -> Vec<CaseList<DeviantCase>> {
        self.terms_in_table_order()
            .into_iter()
            .map(|(t, term)| {
                let x = self.term_memberships(t).unwrap_or_default();
                let mut cases = self.deviant_cases(x);
                cases.sort_by_key(|c| (Exact(c.best), Exact(c.membership)));
                CaseList::new(CaseType::DeviantConsistency, Some(term), cases)
            })
            .collect()
    }

    /// The cases with S < 0.5 whose outcome is on the given side, ordered by label as
    /// SetMethods' merge with the truth-table rows leaves them.
    fn row_cases(&self, outcome_above: bool) -> Vec<RowCase> {
        let y = self.outcome_memberships();
        let s = self.solution_memberships();
        let w = self.row_memberships();
        let mut cases: Vec<RowCase> = (0..self.n_cases())
            .filter(|&i| {
                s[i] < 0.5
                    && if outcome_above {
                        y[i] > 0.5
                    } else {
                        y[i] < 0.5
                    }
            })
            .map(|i| RowCase {
                case: self.cases()[i].clone(),
                solution: s[i],
                row: self.rows()[i].clone(),
                row_membership: w[i],
                outcome: y[i],
                row_consistent: w[i] <= y[i],
                best: None,
                most_deviant: false,
            })
            .collect();
        cases.sort_by(|a, b| collate(&a.case, &b.case));
        cases
    }

    /// Deviant cases coverage of the solution (SetMethods' `smmr(cases = 4)`): S < 0.5 and
    /// Y > 0.5, with `best` = 1 − w, ranked by truth-table row, then w ≤ Y first, then `best`;
    /// the most deviant case is the smallest `best` of its row.
    ///
    /// # Example
    /// ```
    /// use fsqca::cases::CaseMemberships;
    /// use fsqca::{Dataset, Expression};
    ///
    /// let data = Dataset::from_columns([
    ///     ("A", vec![0.9, 0.2, 0.4]), ("B", vec![0.8, 0.9, 0.1]), ("Y", vec![0.9, 0.8, 0.7]),
    /// ])?;
    /// let terms: Vec<Expression> = vec!["A*B".parse()?];
    /// let list = CaseMemberships::new(&data, "Y", &["A", "B"], &terms)?.deviant_coverage();
    /// let names: Vec<&str> = list.cases.iter().map(|c| c.case.as_str()).collect();
    /// assert_eq!(names, ["3", "2"]); // rows (0, 0) before (0, 1)
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deviant_coverage(&self) -> CaseList<RowCase> {
        let mut cases = self.row_cases(true);
        for c in &mut cases {
            c.best = Some(1.0 - c.row_membership);
        }
        mark_min_per_row(
            &mut cases,
            |c| &c.row,
            |c| c.best.unwrap_or(f64::INFINITY),
            |c| c.most_deviant = true,
        );
        cases.sort_by_cached_key(|c| {
            (
                row(&c.row),
                first(c.row_consistent),
                Exact(c.best.unwrap_or(0.0)),
            )
        });
        CaseList::new(CaseType::DeviantCoverage, None, cases)
    }

    /// Individually irrelevant cases of the solution (SetMethods' `smmr(cases = 5)`): S < 0.5
    /// and Y < 0.5, listed by truth-table row.
    ///
    /// # Example
    /// ```
    /// use fsqca::cases::CaseMemberships;
    /// use fsqca::{Dataset, Expression};
    ///
    /// let data = Dataset::from_columns([("A", vec![0.9, 0.2, 0.1]), ("Y", vec![0.9, 0.3, 0.8])])?;
    /// let terms: Vec<Expression> = vec!["A".parse()?];
    /// let list = CaseMemberships::new(&data, "Y", &["A"], &terms)?.individually_irrelevant();
    /// assert_eq!(list.cases.len(), 1);
    /// assert_eq!(list.cases[0].case, "2");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn individually_irrelevant(&self) -> CaseList<RowCase> {
        let mut cases = self.row_cases(false);
        cases.sort_by_cached_key(|c| row(&c.row));
        CaseList::new(CaseType::IndividuallyIrrelevant, None, cases)
    }
}
