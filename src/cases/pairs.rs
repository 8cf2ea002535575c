//! Pairs of cases for comparison in a sufficient solution (Schneider & Rohlfing 2013, 2016;
//! Schneider 2024): typical–typical and typical–individually irrelevant per focal conjunct,
//! typical–deviant consistency per term, deviant coverage–individually irrelevant in the same
//! truth-table row, and typical–typical and typical–irrelevant per term. Definitions and
//! rankings as SetMethods 4.0's `smmr(match = TRUE, cases = 1..6)`.

use super::order::{first, rank, row, top, Exact, First, Ranked, Score};
use super::sufficiency::FocalProfile;
use super::{
    CaseList, CaseMemberships, CaseSelectionError, CaseType, FocalConjunctCase, SelectionOptions,
};
use crate::expression::Expression;

/// Which case of a pair has a property: both, the first, the second or neither (SetMethods
/// prints `both`, `typ1`/`typ`, `typ2`/`iir`, `none`). Ordered as SetMethods ranks pairs:
/// both first, neither last.
///
/// # Example
/// ```
/// use fsqca::cases::PairFlag;
/// assert_eq!(PairFlag::of(true, false), PairFlag::First);
/// assert!(PairFlag::Both < PairFlag::Neither);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PairFlag {
    /// Both cases.
    Both,
    /// The first case only.
    First,
    /// The second case only.
    Second,
    /// Neither case.
    Neither,
}

impl PairFlag {
    /// The flag of a pair from each case's.
    pub fn of(first: bool, second: bool) -> Self {
        match (first, second) {
            (true, true) => Self::Both,
            (true, false) => Self::First,
            (false, true) => Self::Second,
            (false, false) => Self::Neither,
        }
    }
}

/// A pair of typical cases of a term, compared on one focal conjunct.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TypicalPair {
    /// The first case, at least as typical of the term as the second.
    pub first: String,
    /// The second case.
    pub second: String,
    /// 1 when both cases have the focal conjunct below the complement (rank 1 as a single
    /// case), 2 when only the first, 3 when only the second, 4 when neither; `None` for a term
    /// of a single literal.
    pub pair_rank: Option<u8>,
    /// Which cases have clean correspondence.
    pub clean_correspondence: PairFlag,
    /// Which cases have FC ≤ Y (FC ≥ Y for a necessary conjunct).
    pub focal_consistent: PairFlag,
    /// Which cases are typical cases of this term only.
    pub unique_coverage: PairFlag,
    /// (0.5 − (FC₁ − FC₂)) + (0.5 − (Y₁ − Y₂)) + |CC₁ − CC₂| + 2|Y₁ − FC₁| + 2|Y₂ − FC₂|,
    /// with CC the complement's minimum: smaller is better.
    pub best: f64,
    /// Which cases are the most typical for the focal conjunct.
    pub most_typical_focal: PairFlag,
    /// Which cases are the most typical for the term.
    pub most_typical_term: PairFlag,
}

/// A typical case of a term paired with an individually irrelevant case (term < 0.5,
/// Y < 0.5), compared on one focal conjunct.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TypicalIrrelevantPair {
    /// The typical case.
    pub typical: String,
    /// The individually irrelevant case.
    pub irrelevant: String,
    /// 1 to 8 (`None` for a term of a single literal), from the typical case's FC against
    /// its complement CC and the irrelevant case's FC and CC against 0.5 and each other: with
    /// FC < CC for the typical case, 1 when the irrelevant case has FC < 0.5 ≤ CC, 3 when
    /// FC < CC < 0.5, 4 when CC ≤ FC < 0.5, 7 when CC < 0.5 ≤ FC; with FC ≥ CC, 2, 5, 6
    /// and 8 in the same cases.
    pub pair_rank: Option<u8>,
    /// Which cases have clean correspondence (first: the typical case).
    pub clean_correspondence: PairFlag,
    /// Which cases have FC ≤ Y (FC ≥ Y for a necessary conjunct).
    pub focal_consistent: PairFlag,
    /// Whether the typical case is a typical case of this term only.
    pub unique_coverage: bool,
    /// Whether the irrelevant case is outside the whole solution (S < 0.5).
    pub globally_uncovered: bool,
    /// (1 − (FC₁ − FC₂)) + (1 − (Y₁ − Y₂)) + |CC₁ − CC₂| + 2|Y₁ − FC₁| + |Y₂ − FC₂|: smaller
    /// is better.
    pub best: f64,
    /// Whether the typical case is the most typical for the focal conjunct.
    pub most_typical_focal: bool,
    /// Whether the typical case is the most typical for the term.
    pub most_typical_term: bool,
}

/// A typical case of a term paired with a deviant case consistency of the same term, or with
/// another typical case or an individually irrelevant case (the pairs per term).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TermPair {
    /// The typical case.
    pub typical: String,
    /// The other case: deviant consistency, typical or individually irrelevant.
    pub other: String,
    /// The pair's score (see the selecting method): smaller is better.
    pub best: f64,
    /// Whether the typical case is the most typical for the term.
    pub most_typical_term: bool,
    /// Whether the other case is the most deviant (deviant consistency pairs only).
    pub most_deviant: bool,
}

/// A deviant case coverage paired with an individually irrelevant case of the same
/// truth-table row.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CoverageIrrelevantPair {
    /// The deviant case coverage.
    pub deviant: String,
    /// The individually irrelevant case.
    pub irrelevant: String,
    /// Their truth-table row.
    pub row: Option<Vec<u8>>,
    /// Whether the deviant case has w ≤ Y.
    pub row_consistent: bool,
    /// |w₁ − w₂| + (1 − (Y₁ − Y₂)) + (1 − w₁) + (1 − w₂): smaller is better.
    pub best: f64,
}

/// Every pair `pair` makes of an item of `outer` with an item of `inner` (`None`: no pair),
/// the outer item varying slowest: the order ties keep when the pairs are ranked.
pub(crate) fn cross<A: Copy, B: Copy, P>(
    outer: &[A],
    inner: &[B],
    mut pair: impl FnMut(A, B) -> Option<P>,
) -> Vec<P> {
    let mut pairs = Vec::new();
    for &a in outer {
        for &b in inner {
            pairs.extend(pair(a, b));
        }
    }
    pairs
}

/// Rank of a typical–irrelevant pair (SetMethods' table of eight).
fn typical_irrelevant_rank(x_i: f64, cc_i: f64, x_j: f64, cc_j: f64) -> Option<u8> {
    let first = x_i < cc_i;
    let pick = |a: u8, b: u8| Some(if first { a } else { b });
    if x_j < 0.5 && cc_j >= 0.5 {
        pick(1, 2)
    } else if x_j < 0.5 && cc_j < 0.5 && cc_j > x_j {
        pick(3, 5)
    } else if x_j < 0.5 && cc_j < 0.5 {
        pick(4, 6)
    } else if cc_j < 0.5 && x_j >= 0.5 {
        pick(7, 8)
    } else {
        None
    }
}

/// The complement CC of a focal conjunct's case for pair scores: its minimum, 0 for a term of
/// a single literal.
fn complement(case: &FocalConjunctCase) -> f64 {
    case.complement_min.unwrap_or(0.0)
}

impl CaseMemberships {
    /// One list of `case_type` pairs for each focal conjunct of term `options.get_term()`: the
    /// pairs `select` makes of the conjunct's profile and the term's typical cases (their
    /// indices, in the data's order), ranked, the first `options.get_max_pairs()` of them.
    fn focal_pairs<P: Ranked>(
        &self,
        options: &SelectionOptions,
        case_type: CaseType,
        select: impl Fn(&FocalProfile, &[usize]) -> Vec<P>,
    ) -> Result<Vec<CaseList<P>>, CaseSelectionError> {
        Ok(self
            .focal_profiles(options)?
            .into_iter()
            .map(|p| {
                let typical: Vec<usize> = (0..self.n_cases()).filter(|&i| p.typical[i]).collect();
                let pairs = top(select(&p, &typical), options.get_max_pairs());
                CaseList::new(case_type, Some(Expression::literal(p.literal)), pairs)
            })
            .collect())
    }

    /// Pairs of typical cases of term `options.get_term()` for each focal conjunct
    /// (SetMethods' `smmr(match = TRUE, cases = 1)`): every ordered pair of distinct typical
    /// cases whose first is at least as typical of the term (2(Y − X) + (1 − X) no larger),
    /// ranked by pair rank, clean correspondence, FC ≤ Y, unique coverage (each: both cases,
    /// the first, the second, neither), `best`, most typical for the conjunct and for the
    /// term; the first `options.get_max_pairs()` per conjunct.
    ///
    /// # Errors
    /// As [`typical_focal_conjuncts`](Self::typical_focal_conjuncts).
    ///
    /// # Example
    /// ```
    /// use fsqca::cases::{CaseMemberships, SelectionOptions};
    /// use fsqca::{Dataset, Expression};
    ///
    /// let data = Dataset::from_columns([
    ///     ("A", vec![0.6, 0.9, 0.8]), ("B", vec![0.9, 0.7, 0.9]), ("Y", vec![0.8, 0.9, 0.85]),
    /// ])?;
    /// let terms: Vec<Expression> = vec!["A*B".parse()?];
    /// let lists = CaseMemberships::new(&data, "Y", &["A", "B"], &terms)?
    ///     .typical_pairs(&SelectionOptions::new())?;
    /// assert_eq!(lists.len(), 2);
    /// assert!(lists[0].cases.iter().all(|p| p.first != p.second));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn typical_pairs(
        &self,
        options: &SelectionOptions,
    ) -> Result<Vec<CaseList<TypicalPair>>, CaseSelectionError> {
        let term_x = self
            .term_memberships(self.term_index(options.get_term())?)
            .unwrap_or_default()
            .to_vec();
        let y = self.outcome_memberships();
        let typicality = |i: usize| 2.0 * (y[i] - term_x[i]) + (1.0 - term_x[i]);
        self.focal_pairs(options, CaseType::TypicalPairs, |p, typical| {
            cross(typical, typical, |j, i| {
                if i == j || typicality(i) > typicality(j) {
                    return None;
                }
                let (a, b) = (&p.cases[i], &p.cases[j]);
                Some(TypicalPair {
                    first: a.case.clone(),
                    second: b.case.clone(),
                    pair_rank: a.rank.zip(b.rank).map(|ranks| match ranks {
                        (1, 1) => 1,
                        (1, _) => 2,
                        (_, 1) => 3,
                        _ => 4,
                    }),
                    clean_correspondence: PairFlag::of(
                        a.clean_correspondence.unwrap_or(false),
                        b.clean_correspondence.unwrap_or(false),
                    ),
                    focal_consistent: PairFlag::of(a.focal_consistent, b.focal_consistent),
                    unique_coverage: PairFlag::of(
                        self.typical_in_one_term(i),
                        self.typical_in_one_term(j),
                    ),
                    best: (0.5 - (a.focal_conjunct - b.focal_conjunct))
                        + (0.5 - (a.outcome - b.outcome))
                        + (complement(a) - complement(b)).abs()
                        + 2.0 * (a.outcome - a.focal_conjunct).abs()
                        + 2.0 * (b.outcome - b.focal_conjunct).abs(),
                    most_typical_focal: PairFlag::of(a.most_typical_focal, b.most_typical_focal),
                    most_typical_term: PairFlag::of(a.most_typical_term, b.most_typical_term),
                })
            })
        })
    }

    /// Pairs of a typical case and an individually irrelevant case (term < 0.5, Y < 0.5) of
    /// term `options.get_term()`, for each focal conjunct (SetMethods'
    /// `smmr(match = TRUE, cases = 2)`), ranked by pair rank, clean correspondence, FC ≤ Y,
    /// unique coverage of the typical case, the irrelevant case outside the solution, `best`,
    /// most typical for the conjunct and for the term; the first `options.get_max_pairs()`
    /// per conjunct.
    ///
    /// # Errors
    /// As [`typical_focal_conjuncts`](Self::typical_focal_conjuncts).
    ///
    /// # Example
    /// ```
    /// use fsqca::cases::{CaseMemberships, SelectionOptions};
    /// use fsqca::{Dataset, Expression};
    ///
    /// let data = Dataset::from_columns([
    ///     ("A", vec![0.6, 0.2]), ("B", vec![0.9, 0.7]), ("Y", vec![0.8, 0.1]),
    /// ])?;
    /// let terms: Vec<Expression> = vec!["A*B".parse()?];
    /// let lists = CaseMemberships::new(&data, "Y", &["A", "B"], &terms)?
    ///     .typical_irrelevant_pairs(&SelectionOptions::new())?;
    /// assert_eq!(lists[0].cases[0].typical, "1");
    /// assert_eq!(lists[0].cases[0].irrelevant, "2");
    /// assert_eq!(lists[0].cases[0].pair_rank, Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn typical_irrelevant_pairs(
        &self,
        options: &SelectionOptions,
    ) -> Result<Vec<CaseList<TypicalIrrelevantPair>>, CaseSelectionError> {
        let y = self.outcome_memberships();
        let s = self.solution_memberships();
        self.focal_pairs(options, CaseType::TypicalIrrelevantPairs, |p, typical| {
            let irrelevant: Vec<usize> = (0..self.n_cases())
                .filter(|&j| p.cases[j].term_membership < 0.5 && y[j] < 0.5)
                .collect();
            cross(&irrelevant, typical, |j, i| {
                let (a, b) = (&p.cases[i], &p.cases[j]);
                let pair_rank = a
                    .complement_min
                    .zip(b.complement_min)
                    .and_then(|(cc_a, cc_b)| {
                        typical_irrelevant_rank(a.focal_conjunct, cc_a, b.focal_conjunct, cc_b)
                    });
                Some(TypicalIrrelevantPair {
                    typical: a.case.clone(),
                    irrelevant: b.case.clone(),
                    pair_rank,
                    clean_correspondence: PairFlag::of(
                        a.clean_correspondence.unwrap_or(false),
                        b.clean_correspondence.unwrap_or(false),
                    ),
                    focal_consistent: PairFlag::of(a.focal_consistent, b.focal_consistent),
                    unique_coverage: self.typical_in_one_term(i),
                    globally_uncovered: s[j] < 0.5,
                    best: (1.0 - (a.focal_conjunct - b.focal_conjunct))
                        + (1.0 - (a.outcome - b.outcome))
                        + (complement(a) - complement(b)).abs()
                        + 2.0 * (a.outcome - a.focal_conjunct).abs()
                        + (b.outcome - b.focal_conjunct).abs(),
                    most_typical_focal: a.most_typical_focal,
                    most_typical_term: a.most_typical_term,
                })
            })
        })
    }

    /// Pairs per term, for every term in the model's order: each typical case (X > 0.5,
    /// Y > 0.5, X ≤ Y) with each other case `other` selects, scored by `score(typical, other)`,
    /// ranked, the first `max_pairs` per term.
    fn term_pairs(
        &self,
        max_pairs: usize,
        case_type: CaseType,
        other: impl Fn(f64, f64) -> bool,
        score: impl Fn(f64, f64, f64, f64) -> f64,
        most_deviant: &[Vec<String>],
    ) -> Result<Vec<CaseList<TermPair>>, CaseSelectionError> {
        if max_pairs == 0 {
            return Err(CaseSelectionError::ZeroMaxPairs);
        }
        let y = self.outcome_memberships();
        Ok(self
            .terms()
            .iter()
            .enumerate()
            .map(|(t, term)| {
                let x = self.term_memberships(t).unwrap_or_default();
                let most_typical = self.most_typical_of_term(t);
                let typical: Vec<usize> = (0..self.n_cases())
                    .filter(|&i| x[i] > 0.5 && y[i] > 0.5 && x[i] <= y[i])
                    .collect();
                let others: Vec<usize> =
                    (0..self.n_cases()).filter(|&j| other(x[j], y[j])).collect();
                let pairs = cross(&others, &typical, |j, i| {
                    (i != j).then(|| TermPair {
                        typical: self.cases()[i].clone(),
                        other: self.cases()[j].clone(),
                        best: score(x[i], y[i], x[j], y[j]),
                        most_typical_term: most_typical.contains(&self.cases()[i]),
                        most_deviant: most_deviant
                            .get(t)
                            .is_some_and(|m| m.contains(&self.cases()[j])),
                    })
                });
                CaseList::new(case_type, Some(term.clone()), top(pairs, max_pairs))
            })
            .collect())
    }

    /// Pairs of a typical case and a deviant case consistency of the same term, for every
    /// term in the model's order (SetMethods' `smmr(match = TRUE, cases = 3)`): `best` =
    /// |X₁ − X₂| + (1 − (Y₁ − Y₂)) + (1 − X₁) + (1 − X₂), ranked by `best` (compared rounded
    /// to 9 decimals), the most typical and the most deviant first; the first `max_pairs` per
    /// term.
    ///
    /// # Errors
    /// [`CaseSelectionError::ZeroMaxPairs`].
    ///
    /// # Example
    /// ```
    /// use fsqca::cases::CaseMemberships;
    /// use fsqca::{Dataset, Expression};
    ///
    /// let data = Dataset::from_columns([("A", vec![0.9, 0.8]), ("Y", vec![0.95, 0.2])])?;
    /// let terms: Vec<Expression> = vec!["A".parse()?];
    /// let lists = CaseMemberships::new(&data, "Y", &["A"], &terms)?.typical_deviant_pairs(5)?;
    /// assert_eq!((lists[0].cases[0].typical.as_str(), lists[0].cases[0].other.as_str()), ("1", "2"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn typical_deviant_pairs(
        &self,
        max_pairs: usize,
    ) -> Result<Vec<CaseList<TermPair>>, CaseSelectionError> {
        let deviant = self.deviant_consistency();
        let most_deviant: Vec<Vec<String>> = self
            .terms()
            .iter()
            .map(|term| {
                deviant
                    .iter()
                    .find(|l| l.subject.as_ref() == Some(term))
                    .map(|l| {
                        l.cases
                            .iter()
                            .filter(|c| c.most_deviant)
                            .map(|c| c.case.clone())
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect();
        self.term_pairs(
            max_pairs,
            CaseType::TypicalDeviantPairs,
            |x, y| x > 0.5 && y < 0.5,
            |xi, yi, xj, yj| (xi - xj).abs() + (1.0 - (yi - yj)) + (1.0 - xi) + (1.0 - xj),
            &most_deviant,
        )
    }

    /// Pairs of typical cases of the same term, for every term (SetMethods'
    /// `smmr(match = TRUE, cases = 5)`): `best` = (0.5 − (X₁ − X₂)) + (0.5 − (Y₁ − Y₂)) +
    /// 2|Y₁ − X₁| + 2|Y₂ − X₂|, ranked by `best`; the first `max_pairs` per term.
    ///
    /// # Errors
    /// [`CaseSelectionError::ZeroMaxPairs`].
    ///
    /// # Example
    /// ```
    /// use fsqca::cases::CaseMemberships;
    /// use fsqca::{Dataset, Expression};
    ///
    /// let data = Dataset::from_columns([("A", vec![0.9, 0.7]), ("Y", vec![0.95, 0.8])])?;
    /// let terms: Vec<Expression> = vec!["A".parse()?];
    /// let lists = CaseMemberships::new(&data, "Y", &["A"], &terms)?.typical_pairs_per_term(5)?;
    /// assert_eq!(lists[0].cases.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn typical_pairs_per_term(
        &self,
        max_pairs: usize,
    ) -> Result<Vec<CaseList<TermPair>>, CaseSelectionError> {
        self.term_pairs(
            max_pairs,
            CaseType::TypicalPairsPerTerm,
            |x, y| x > 0.5 && y > 0.5 && x <= y,
            |xi, yi, xj, yj| {
                (0.5 - (xi - xj))
                    + (0.5 - (yi - yj))
                    + 2.0 * (yi - xi).abs()
                    + 2.0 * (yj - xj).abs()
            },
            &[],
        )
    }

    /// Pairs of a typical case and an individually irrelevant case (X < 0.5, Y < 0.5) of the
    /// same term, for every term (SetMethods' `smmr(match = TRUE, cases = 6)`): `best` =
    /// (1 − (X₁ − X₂)) + (1 − (Y₁ − Y₂)) + 2|Y₁ − X₁| + 2|Y₂ − X₂|, ranked by `best`; the
    /// first `max_pairs` per term.
    ///
    /// # Errors
    /// [`CaseSelectionError::ZeroMaxPairs`].
    ///
    /// # Example
    /// ```
    /// use fsqca::cases::CaseMemberships;
    /// use fsqca::{Dataset, Expression};
    ///
    /// let data = Dataset::from_columns([("A", vec![0.9, 0.1]), ("Y", vec![0.95, 0.2])])?;
    /// let terms: Vec<Expression> = vec!["A".parse()?];
    /// let lists = CaseMemberships::new(&data, "Y", &["A"], &terms)?.typical_irrelevant_pairs_per_term(5)?;
    /// assert_eq!(lists[0].cases[0].other, "2");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn typical_irrelevant_pairs_per_term(
        &self,
        max_pairs: usize,
    ) -> Result<Vec<CaseList<TermPair>>, CaseSelectionError> {
        self.term_pairs(
            max_pairs,
            CaseType::TypicalIrrelevantPairsPerTerm,
            |x, y| x < 0.5 && y < 0.5,
            |xi, yi, xj, yj| {
                (1.0 - (xi - xj))
                    + (1.0 - (yi - yj))
                    + 2.0 * (yi - xi).abs()
                    + 2.0 * (yj - xj).abs()
            },
            &[],
        )
    }

    /// Pairs of a deviant case coverage and an individually irrelevant case in the same
    /// truth-table row (SetMethods' `smmr(match = TRUE, cases = 4)`): `best` = |w₁ − w₂| +
    /// (1 − (Y₁ − Y₂)) + (1 − w₁) + (1 − w₂); by row, then the deviant case with w ≤ Y
    /// first, then `best`; the first `max_pairs` per row.
    ///
    /// `best` is compared exactly, as SetMethods compares it (unrounded), so the pairs come in
    /// SetMethods' order wherever their scores differ, if only by rounding error. Pairs with
    /// equal scores keep the order of the deviant cases, then of the irrelevant cases, in the
    /// data. SetMethods leaves such ties in an order that depends on the case labels (the same
    /// data labelled otherwise gives another order), so it may list other pairs of a tie that
    /// `max_pairs` cuts.
    ///
    /// # Errors
    /// [`CaseSelectionError::ZeroMaxPairs`].
    ///
    /// # Example
    /// ```
    /// use fsqca::cases::CaseMemberships;
    /// use fsqca::{Dataset, Expression};
    ///
    /// let data = Dataset::from_columns([
    ///     ("A", vec![0.9, 0.2, 0.3]), ("B", vec![0.8, 0.9, 0.7]), ("Y", vec![0.9, 0.8, 0.1]),
    /// ])?;
    /// let terms: Vec<Expression> = vec!["A*B".parse()?];
    /// let list = CaseMemberships::new(&data, "Y", &["A", "B"], &terms)?.coverage_irrelevant_pairs(5)?;
    /// assert_eq!((list.cases[0].deviant.as_str(), list.cases[0].irrelevant.as_str()), ("2", "3"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn coverage_irrelevant_pairs(
        &self,
        max_pairs: usize,
    ) -> Result<CaseList<CoverageIrrelevantPair>, CaseSelectionError> {
        if max_pairs == 0 {
            return Err(CaseSelectionError::ZeroMaxPairs);
        }
        let y = self.outcome_memberships();
        let s = self.solution_memberships();
        let w = self.row_memberships();
        let rows = self.rows();
        let deviant: Vec<usize> = (0..self.n_cases())
            .filter(|&i| s[i] < 0.5 && y[i] > 0.5)
            .collect();
        let irrelevant: Vec<usize> = (0..self.n_cases())
            .filter(|&j| s[j] < 0.5 && y[j] < 0.5)
            .collect();
        let mut pairs = cross(&deviant, &irrelevant, |i, j| {
            (rows[i].is_some() && rows[i] == rows[j]).then(|| CoverageIrrelevantPair {
                deviant: self.cases()[i].clone(),
                irrelevant: self.cases()[j].clone(),
                row: rows[i].clone(),
                row_consistent: w[i] <= y[i],
                best: (w[i] - w[j]).abs() + (1.0 - (y[i] - y[j])) + (1.0 - w[i]) + (1.0 - w[j]),
            })
        });
        rank(&mut pairs);
        let mut kept: Vec<CoverageIrrelevantPair> = Vec::new();
        for pair in pairs {
            if kept.iter().filter(|k| k.row == pair.row).count() < max_pairs {
                kept.push(pair);
            }
        }
        Ok(CaseList::new(CaseType::CoverageIrrelevantPairs, None, kept))
    }
}

/// As SetMethods ranks them: pair rank, clean correspondence, FC ≤ Y, unique coverage (each:
/// both cases, the first, the second, neither), `best`, most typical for the conjunct and for
/// the term.
impl Ranked for TypicalPair {
    type Key = (
        Option<u8>,
        PairFlag,
        PairFlag,
        PairFlag,
        Score,
        PairFlag,
        PairFlag,
    );

    fn rank_key(&self) -> Self::Key {
        (
            self.pair_rank,
            self.clean_correspondence,
            self.focal_consistent,
            self.unique_coverage,
            Score::of(self.best),
            self.most_typical_focal,
            self.most_typical_term,
        )
    }
}

/// As SetMethods ranks them: pair rank, clean correspondence, FC ≤ Y, unique coverage of the
/// typical case, the irrelevant case outside the solution, `best`, most typical for the
/// conjunct and for the term.
impl Ranked for TypicalIrrelevantPair {
    type Key = (
        Option<u8>,
        PairFlag,
        PairFlag,
        First,
        First,
        Score,
        First,
        First,
    );

    fn rank_key(&self) -> Self::Key {
        (
            self.pair_rank,
            self.clean_correspondence,
            self.focal_consistent,
            first(self.unique_coverage),
            first(self.globally_uncovered),
            Score::of(self.best),
            first(self.most_typical_focal),
            first(self.most_typical_term),
        )
    }
}

/// As SetMethods ranks them: `best`, then the most typical and the most deviant first.
impl Ranked for TermPair {
    type Key = (Score, First, First);

    fn rank_key(&self) -> Self::Key {
        (
            Score::of(self.best),
            first(self.most_typical_term),
            first(self.most_deviant),
        )
    }
}

/// As SetMethods ranks them: by row, then the deviant case with w ≤ Y first, then `best`
/// compared exactly (SetMethods ranks the unrounded sums).
impl Ranked for CoverageIrrelevantPair {
    type Key = ((bool, Option<Vec<u8>>), First, Exact);

    fn rank_key(&self) -> Self::Key {
        (row(&self.row), first(self.row_consistent), Exact(self.best))
    }
}
