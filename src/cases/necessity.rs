//! Case selection for a necessary condition (Schneider & Rohlfing 2013, 2016): typical cases,
//! deviant cases consistency and deviant cases relevance, as SetMethods 4.0's
//! `smmr(necessity = TRUE, match = FALSE, cases = 1..4)`, and their pairs, as
//! `smmr(necessity = TRUE, match = TRUE, cases = 1..4)`.
//!
//! A necessary condition N is a single literal, a conjunction of literals, or a disjunction of
//! such (a SUIN condition). For a disjunction every disjunct gets its own list, then the whole;
//! otherwise the condition gets one list.

use super::memberships::conjuncts;
use super::order::{collate, first, mark_min_per_row, rank, row, top, Exact, First, Ranked, Score};
use super::pairs::cross;
use super::{
    CaseList, CaseMemberships, CaseSelectionError, CaseType, DeviantCase, PairFlag, TypicalCase,
};
use crate::expression::{Expression, ExpressionKind};

/// A deviant case consistency of a necessary condition: N < 0.5, Y > 0.5, in a truth-table
/// row it belongs to (w > 0.5).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct NecessityDeviantCase {
    /// The case label.
    pub case: String,
    /// Its membership N in the necessary condition (or disjunct).
    pub membership: f64,
    /// Its truth-table row (see [`CaseMemberships::rows`]).
    pub row: Option<Vec<u8>>,
    /// Its membership w in that row.
    pub row_membership: f64,
    /// Its membership Y in the outcome.
    pub outcome: f64,
    /// For a disjunct: whether every other disjunct is below 0.5 too (`None` for the whole).
    pub globally_uncovered: Option<bool>,
    /// w ≤ Y.
    pub row_consistent: bool,
    /// 1 − (Y − N): smaller is more deviant.
    pub best: f64,
    /// Whether its `best` is the smallest of its row.
    pub most_deviant: bool,
}

/// A typical case of a necessary condition paired with a deviant case relevance.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TypicalRelevancePair {
    /// The typical case.
    pub typical: String,
    /// The deviant case relevance.
    pub deviant: String,
    /// For a disjunct: whether the typical case has every other disjunct below 0.5; `None`
    /// for the whole condition.
    pub unique_coverage: Option<bool>,
    /// (1 − N₁) + (1 − N₂) + |1 − (Y₁ − Y₂)| + |N₁ − N₂|: smaller is better.
    pub best: f64,
    /// Whether the typical case is the most typical.
    pub most_typical: bool,
    /// Whether the deviant case is the most deviant.
    pub most_deviant: bool,
}

/// A typical case of a necessary condition paired with an individually irrelevant case
/// (N < 0.5, Y < 0.5, N ≥ Y: consistent with the necessity).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct NecessityIrrelevantPair {
    /// The typical case.
    pub typical: String,
    /// The individually irrelevant case.
    pub irrelevant: String,
    /// Whether the typical case has every other disjunct below 0.5 (always for the whole).
    pub unique_coverage: bool,
    /// Whether the irrelevant case has every other disjunct below 0.5 (always for the whole).
    pub globally_uncovered: bool,
    /// (1 − (N₁ − N₂)) + (1 − (Y₁ − Y₂)) + 2|N₁ − Y₁| + |N₂ − Y₂|: smaller is better.
    pub best: f64,
    /// Whether the typical case is the most typical.
    pub most_typical: bool,
}

/// A pair of typical cases of a necessary condition.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct NecessityTypicalPair {
    /// The first case, at least as typical as the second (2|N − Y| + (1 − N) no larger).
    pub first: String,
    /// The second case.
    pub second: String,
    /// Which cases have unique coverage (for a disjunct: every other disjunct below 0.5;
    /// always both for the whole condition).
    pub unique_coverage: PairFlag,
    /// (0.5 − (N₁ − N₂)) + (0.5 − (Y₁ − Y₂)) + 2(N₁ − Y₁) + 2(N₂ − Y₂): smaller is better.
    pub best: f64,
    /// Which cases are the most typical.
    pub most_typical: PairFlag,
}

/// A deviant case consistency of a necessary condition paired with a typical case in the same
/// truth-table row of the conditions outside the necessary condition (or disjunct).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct NecessityDeviantPair {
    /// The deviant case consistency.
    pub deviant: String,
    /// The typical case.
    pub typical: String,
    /// The conditions of their row: the conditions outside the necessary condition (or
    /// disjunct), in the order of the conditions.
    pub row_conditions: Vec<String>,
    /// Their truth-table row on `row_conditions` (1 above 0.5, 0 below).
    pub row: Vec<u8>,
    /// For a disjunct: whether the typical case's membership in the disjunct is above its
    /// membership in every other disjunct (as SetMethods flags unique coverage for this pair
    /// type); `None` for the whole condition.
    pub unique_coverage: Option<bool>,
    /// For a disjunct: whether the deviant case has every other disjunct below 0.5 too
    /// (as [`NecessityDeviantCase::globally_uncovered`]); `None` for the whole condition.
    pub globally_uncovered: Option<bool>,
    /// (1 − (N_t − N_d)) + |Y_t − Y_d|, t the typical case and d the deviant one: smaller is
    /// better.
    pub best: f64,
    /// Whether the typical case is the most typical.
    pub most_typical: bool,
    /// Whether the deviant case is the most deviant of its row.
    pub most_deviant: bool,
}

/// One part of a necessary condition examined on its own: a disjunct, or the whole.
struct Part {
    /// The disjunct or the whole condition.
    subject: Expression,
    /// Its memberships.
    values: Vec<f64>,
    /// For a disjunct, the memberships of the other disjuncts; `None` for the whole.
    others: Option<Vec<Vec<f64>>>,
}

impl Part {
    /// For a disjunct, whether every other disjunct is below 0.5 for case `i`; `None` for
    /// the whole condition.
    fn others_below_half(&self, i: usize) -> Option<bool> {
        self.others.as_ref().map(|o| o.iter().all(|v| v[i] < 0.5))
    }

    /// Whether case `i` is in this part alone: every other disjunct below 0.5 (always for
    /// the whole condition).
    fn alone(&self, i: usize) -> bool {
        self.others_below_half(i).unwrap_or(true)
    }
}

/// What a pair selection sees of one part of a necessary condition.
#[derive(Clone, Copy)]
struct PartPairs<'a> {
    /// The part's index among the parts, as in the lists of the single-case selections.
    index: usize,
    /// The part.
    part: &'a Part,
    /// Its memberships N.
    n: &'a [f64],
    /// The outcome memberships Y.
    y: &'a [f64],
    /// Its typical cases ([`CaseMemberships::necessity_typical`]) in the data's order, each as
    /// its index and whether it is most typical.
    typical: &'a [(usize, bool)],
}

impl CaseMemberships {
    /// The parts of a necessary condition examined one by one: each disjunct of a
    /// disjunction, then the whole.
    fn necessity_parts(&self, necessary: &Expression) -> Result<Vec<Part>, CaseSelectionError> {
        const EXPECTED: &str = "literal, a conjunction of literals or a disjunction of them";
        let disjuncts: Vec<Expression> = match necessary.kind() {
            ExpressionKind::Or(items) => items.clone(),
            _ => Vec::new(),
        };
        for d in disjuncts
            .iter()
            .chain(std::iter::once(necessary).filter(|_| disjuncts.is_empty()))
        {
            conjuncts(d, EXPECTED)?;
        }
        let values = disjuncts
            .iter()
            .map(|d| self.evaluate(d))
            .collect::<Result<Vec<_>, _>>()?;
        let mut parts: Vec<Part> = disjuncts
            .iter()
            .enumerate()
            .map(|(k, d)| {
                let others = (0..values.len())
                    .filter(|&o| o != k)
                    .map(|o| values[o].clone())
                    .collect();
                Part {
                    subject: d.clone(),
                    values: values[k].clone(),
                    others: Some(others),
                }
            })
            .collect();
        parts.push(Part {
            subject: necessary.clone(),
            values: self.evaluate(necessary)?,
            others: None,
        });
        Ok(parts)
    }

    /// One list of `case_type` for each part of a necessary condition: the cases (or pairs)
    /// `select` finds for the part, given with its index among the parts.
    fn per_part<T>(
        &self,
        necessary: &Expression,
        case_type: CaseType,
        mut select: impl FnMut(usize, &Part) -> Result<Vec<T>, CaseSelectionError>,
    ) -> Result<Vec<CaseList<T>>, CaseSelectionError> {
        self.necessity_parts(necessary)?
            .into_iter()
            .enumerate()
            .map(|(k, part)| {
                let cases = select(k, &part)?;
                Ok(CaseList::new(case_type, Some(part.subject), cases))
            })
            .collect()
    }

    /// One list of `case_type` pairs for each part of a necessary condition: the pairs
    /// `select` finds for the part ([`PartPairs`]), ranked, the first `max_pairs` of them.
    fn pairs_per_part<P: Ranked>(
        &self,
        necessary: &Expression,
        max_pairs: usize,
        case_type: CaseType,
        mut select: impl FnMut(PartPairs) -> Result<Vec<P>, CaseSelectionError>,
    ) -> Result<Vec<CaseList<P>>, CaseSelectionError> {
        if max_pairs == 0 {
            return Err(CaseSelectionError::ZeroMaxPairs);
        }
        let typical = self.necessity_typical(necessary)?;
        let y = self.outcome_memberships();
        self.per_part(necessary, case_type, |index, part| {
            let typical =
                self.in_data_order(&typical[index].cases, |c| &c.case, |c| c.most_typical);
            let n = &part.values;
            let pairs = select(PartPairs {
                index,
                part,
                n,
                y,
                typical: &typical,
            })?;
            Ok(top(pairs, max_pairs))
        })
    }

    /// The cases of a list in the data's order, each as its index in the data and `what` of it.
    fn in_data_order<'a, C, T>(
        &self,
        cases: &'a [C],
        label: impl Fn(&C) -> &String,
        what: impl Fn(&'a C) -> T,
    ) -> Vec<(usize, T)> {
        let mut indexed: Vec<(usize, T)> = cases
            .iter()
            .filter_map(|c| {
                let i = self.cases().iter().position(|name| name == label(c))?;
                Some((i, what(c)))
            })
            .collect();
        indexed.sort_by_key(|&(i, _)| i);
        indexed
    }

    /// Typical cases of a necessary condition (SetMethods' `smmr(necessity = TRUE, cases = 1)`):
    /// N > 0.5, Y > 0.5 and N ≥ Y, `best` = 2|N − Y| + (1 − N), ranked by unique coverage
    /// (for a disjunct: the other disjuncts below 0.5), `best`, N and most typical first.
    ///
    /// # Errors
    /// [`CaseSelectionError::NotASimpleExpression`] for a condition that is not a literal, a
    /// conjunction of literals or a disjunction of them, and [`CaseSelectionError::Data`] for
    /// a column that is not in the data.
    ///
    /// # Example
    /// ```
    /// use fsqca::{cases::CaseMemberships, Dataset};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![0.9, 0.8]), ("B", vec![0.1, 0.9]), ("Y", vec![0.7, 0.6]),
    /// ])?;
    /// let cases = CaseMemberships::new(&data, "Y", &["A", "B"], &["A".parse()?])?;
    /// let lists = cases.necessity_typical(&"A + B".parse()?)?;
    /// assert_eq!(lists.len(), 3); // A, B, A + B
    /// assert!(lists[0].cases[0].unique_coverage); // case 1: B below 0.5
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn necessity_typical(
        &self,
        necessary: &Expression,
    ) -> Result<Vec<CaseList<TypicalCase>>, CaseSelectionError> {
        let y = self.outcome_memberships();
        self.per_part(necessary, CaseType::NecessityTypical, |_, part| {
            let n = &part.values;
            let mut cases: Vec<TypicalCase> = (0..self.n_cases())
                .filter(|&i| n[i] > 0.5 && y[i] > 0.5 && n[i] >= y[i])
                .map(|i| {
                    TypicalCase::new(
                        self.cases()[i].clone(),
                        n[i],
                        y[i],
                        part.alone(i),
                        2.0 * (n[i] - y[i]).abs() + (1.0 - n[i]),
                    )
                })
                .collect();
            TypicalCase::mark_and_rank(&mut cases);
            Ok(cases)
        })
    }

    /// Deviant cases consistency of a necessary condition (SetMethods'
    /// `smmr(necessity = TRUE, cases = 2)`): N < 0.5, Y > 0.5 and w > 0.5, `best` =
    /// 1 − (Y − N), ranked by truth-table row, then (for a disjunct) globally uncovered first,
    /// then w ≤ Y first, then `best`; the most deviant case is the smallest `best` of its row.
    ///
    /// # Errors
    /// As [`necessity_typical`](Self::necessity_typical).
    ///
    /// # Example
    /// ```
    /// use fsqca::{cases::CaseMemberships, Dataset};
    /// let data = Dataset::from_columns([("A", vec![0.9, 0.2]), ("Y", vec![0.7, 0.8])])?;
    /// let lists = CaseMemberships::new(&data, "Y", &["A"], &["A".parse()?])?.necessity_deviant_consistency(&"A".parse()?)?;
    /// assert_eq!(lists[0].cases[0].case, "2");
    /// assert!((lists[0].cases[0].best - 0.4).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn necessity_deviant_consistency(
        &self,
        necessary: &Expression,
    ) -> Result<Vec<CaseList<NecessityDeviantCase>>, CaseSelectionError> {
        let y = self.outcome_memberships();
        let w = self.row_memberships();
        self.per_part(
            necessary,
            CaseType::NecessityDeviantConsistency,
            |_, part| {
                let n = &part.values;
                let mut cases: Vec<NecessityDeviantCase> = (0..self.n_cases())
                    .filter(|&i| n[i] < 0.5 && y[i] > 0.5 && w[i] > 0.5)
                    .map(|i| NecessityDeviantCase {
                        case: self.cases()[i].clone(),
                        membership: n[i],
                        row: self.rows()[i].clone(),
                        row_membership: w[i],
                        outcome: y[i],
                        globally_uncovered: part.others_below_half(i),
                        row_consistent: w[i] <= y[i],
                        best: 1.0 - (y[i] - n[i]),
                        most_deviant: false,
                    })
                    .collect();
                mark_min_per_row(
                    &mut cases,
                    |c| &c.row,
                    |c| c.best,
                    |c| c.most_deviant = true,
                );
                cases.sort_by(|a, b| collate(&a.case, &b.case));
                rank(&mut cases);
                Ok(cases)
            },
        )
    }

    /// Deviant cases relevance of a necessary condition (SetMethods'
    /// `smmr(necessity = TRUE, cases = 3)`): N > 0.5 and Y < 0.5, `best` =
    /// (1 − (N − Y)) + (1 − N), ranked by `best`.
    ///
    /// # Errors
    /// As [`necessity_typical`](Self::necessity_typical).
    ///
    /// # Example
    /// ```
    /// use fsqca::{cases::CaseMemberships, Dataset};
    /// let data = Dataset::from_columns([("A", vec![0.9, 0.6]), ("Y", vec![0.1, 0.3])])?;
    /// let lists = CaseMemberships::new(&data, "Y", &["A"], &["A".parse()?])?.necessity_deviant_relevance(&"A".parse()?)?;
    /// let names: Vec<&str> = lists[0].cases.iter().map(|c| c.case.as_str()).collect();
    /// assert_eq!(names, ["1", "2"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn necessity_deviant_relevance(
        &self,
        necessary: &Expression,
    ) -> Result<Vec<CaseList<DeviantCase>>, CaseSelectionError> {
        self.per_part(necessary, CaseType::NecessityDeviantRelevance, |_, part| {
            let mut cases = self.deviant_cases(&part.values);
            // the most deviant cases have the smallest `best`: ranked first already
            cases.sort_by_key(|c| Exact(c.best));
            Ok(cases)
        })
    }

    /// Pairs of a typical case and a deviant case relevance of a necessary condition
    /// (SetMethods' `smmr(necessity = TRUE, match = TRUE, cases = 1)`), for each disjunct and
    /// the whole as [`necessity_typical`](Self::necessity_typical): `best` = (1 − N₁) +
    /// (1 − N₂) + |1 − (Y₁ − Y₂)| + |N₁ − N₂|, ranked (for a disjunct) by the typical case's
    /// unique coverage, then `best` (compared rounded to 9 decimals), most typical and most
    /// deviant first; the first `max_pairs` per list.
    ///
    /// # Errors
    /// [`CaseSelectionError::ZeroMaxPairs`], and as [`necessity_typical`](Self::necessity_typical).
    ///
    /// # Example
    /// ```
    /// use fsqca::{cases::CaseMemberships, Dataset};
    /// let data = Dataset::from_columns([("A", vec![0.9, 0.8]), ("Y", vec![0.7, 0.2])])?;
    /// let lists = CaseMemberships::new(&data, "Y", &["A"], &["A".parse()?])?
    ///     .necessity_typical_relevance_pairs(&"A".parse()?, 5)?;
    /// assert_eq!((lists[0].cases[0].typical.as_str(), lists[0].cases[0].deviant.as_str()), ("1", "2"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn necessity_typical_relevance_pairs(
        &self,
        necessary: &Expression,
        max_pairs: usize,
    ) -> Result<Vec<CaseList<TypicalRelevancePair>>, CaseSelectionError> {
        let relevance = self.necessity_deviant_relevance(necessary)?;
        let case_type = CaseType::NecessityTypicalRelevancePairs;
        self.pairs_per_part(necessary, max_pairs, case_type, |p| {
            let PartPairs { n, y, .. } = p;
            let deviant = &relevance[p.index].cases;
            let deviant = self.in_data_order(deviant, |c| &c.case, |c| c.most_deviant);
            Ok(cross(
                &deviant,
                p.typical,
                |(j, most_deviant), (i, most_typical)| {
                    Some(TypicalRelevancePair {
                        typical: self.cases()[i].clone(),
                        deviant: self.cases()[j].clone(),
                        unique_coverage: p.part.others_below_half(i),
                        best: (1.0 - n[i])
                            + (1.0 - n[j])
                            + (1.0 - (y[i] - y[j])).abs()
                            + (n[i] - n[j]).abs(),
                        most_typical,
                        most_deviant,
                    })
                },
            ))
        })
    }

    /// Pairs of typical cases of a necessary condition (SetMethods'
    /// `smmr(necessity = TRUE, match = TRUE, cases = 4)`), for each disjunct and the whole as
    /// [`necessity_typical`](Self::necessity_typical): every ordered pair of distinct typical
    /// cases whose first is at least as typical, `best` = (0.5 − (N₁ − N₂)) +
    /// (0.5 − (Y₁ − Y₂)) + 2(N₁ − Y₁) + 2(N₂ − Y₂), ranked by unique coverage (both, the
    /// first, the second, neither), `best` (compared rounded to 9 decimals), most typical; the
    /// first `max_pairs` per list.
    ///
    /// # Errors
    /// [`CaseSelectionError::ZeroMaxPairs`], and as [`necessity_typical`](Self::necessity_typical).
    ///
    /// # Example
    /// ```
    /// use fsqca::{cases::CaseMemberships, Dataset};
    /// let data = Dataset::from_columns([("A", vec![0.9, 0.8]), ("Y", vec![0.85, 0.6])])?;
    /// let lists = CaseMemberships::new(&data, "Y", &["A"], &["A".parse()?])?
    ///     .necessity_typical_pairs(&"A".parse()?, 5)?;
    /// assert_eq!((lists[0].cases[0].first.as_str(), lists[0].cases[0].second.as_str()), ("1", "2"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn necessity_typical_pairs(
        &self,
        necessary: &Expression,
        max_pairs: usize,
    ) -> Result<Vec<CaseList<NecessityTypicalPair>>, CaseSelectionError> {
        self.pairs_per_part(necessary, max_pairs, CaseType::NecessityTypicalPairs, |p| {
            let PartPairs { part, n, y, .. } = p;
            let typicality = |i: usize| 2.0 * (n[i] - y[i]).abs() + (1.0 - n[i]);
            Ok(cross(p.typical, p.typical, |(j, most_j), (i, most_i)| {
                (i != j && typicality(i) <= typicality(j)).then(|| NecessityTypicalPair {
                    first: self.cases()[i].clone(),
                    second: self.cases()[j].clone(),
                    unique_coverage: PairFlag::of(part.alone(i), part.alone(j)),
                    best: (0.5 - (n[i] - n[j]))
                        + (0.5 - (y[i] - y[j]))
                        + 2.0 * (n[i] - y[i])
                        + 2.0 * (n[j] - y[j]),
                    most_typical: PairFlag::of(most_i, most_j),
                })
            }))
        })
    }

    /// Pairs of a typical case and an individually irrelevant case (N < 0.5, Y < 0.5, N ≥ Y,
    /// as SetMethods 4.0 selects them on the reference data) of a necessary condition (SetMethods' `smmr(necessity = TRUE, match = TRUE, cases = 3)`),
    /// for each disjunct and the whole as [`necessity_typical`](Self::necessity_typical):
    /// `best` = (1 − (N₁ − N₂)) + (1 − (Y₁ − Y₂)) + 2|N₁ − Y₁| + |N₂ − Y₂|, ranked by the
    /// typical case's unique coverage, the irrelevant case's global uncoverage, `best` (compared
    /// rounded to 9 decimals) and most typical; the first `max_pairs` per list.
    ///
    /// # Errors
    /// [`CaseSelectionError::ZeroMaxPairs`], and as [`necessity_typical`](Self::necessity_typical).
    ///
    /// # Example
    /// ```
    /// use fsqca::{cases::CaseMemberships, Dataset};
    /// let data = Dataset::from_columns([("A", vec![0.9, 0.1]), ("Y", vec![0.85, 0.05])])?;
    /// let lists = CaseMemberships::new(&data, "Y", &["A"], &["A".parse()?])?
    ///     .necessity_irrelevant_pairs(&"A".parse()?, 5)?;
    /// assert_eq!((lists[0].cases[0].typical.as_str(), lists[0].cases[0].irrelevant.as_str()), ("1", "2"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn necessity_irrelevant_pairs(
        &self,
        necessary: &Expression,
        max_pairs: usize,
    ) -> Result<Vec<CaseList<NecessityIrrelevantPair>>, CaseSelectionError> {
        self.pairs_per_part(
            necessary,
            max_pairs,
            CaseType::NecessityIrrelevantPairs,
            |p| {
                let PartPairs { part, n, y, .. } = p;
                let irrelevant: Vec<usize> = (0..self.n_cases())
                    .filter(|&j| n[j] < 0.5 && y[j] < 0.5 && n[j] >= y[j])
                    .collect();
                Ok(cross(&irrelevant, p.typical, |j, (i, most_typical)| {
                    Some(NecessityIrrelevantPair {
                        typical: self.cases()[i].clone(),
                        irrelevant: self.cases()[j].clone(),
                        unique_coverage: part.alone(i),
                        globally_uncovered: part.alone(j),
                        best: (1.0 - (n[i] - n[j]))
                            + (1.0 - (y[i] - y[j]))
                            + 2.0 * (n[i] - y[i]).abs()
                            + (n[j] - y[j]).abs(),
                        most_typical,
                    })
                }))
            },
        )
    }

    /// Pairs of a deviant case consistency and a typical case of a necessary condition
    /// (SetMethods' `smmr(necessity = TRUE, match = TRUE, cases = 2)`), for each disjunct and
    /// the whole as [`necessity_typical`](Self::necessity_typical): every deviant case of
    /// [`necessity_deviant_consistency`](Self::necessity_deviant_consistency) with every
    /// typical case of [`necessity_typical`](Self::necessity_typical) in the same truth-table
    /// row of the conditions outside the disjunct (or the whole condition), `best` =
    /// (1 − (N_t − N_d)) + |Y_t − Y_d|. Ranked by that row, then (for a disjunct) the typical
    /// case's unique coverage — its membership in the disjunct above its membership in every
    /// other disjunct, as SetMethods flags it for this pair type — and the deviant case's
    /// global uncoverage, `best` (compared rounded to 9 decimals), most typical and most
    /// deviant first, then the typical case's and the deviant case's place in the data; the
    /// first `max_pairs` per list.
    ///
    /// # Errors
    /// [`CaseSelectionError::ZeroMaxPairs`], and as [`necessity_typical`](Self::necessity_typical).
    ///
    /// # Example
    /// ```
    /// use fsqca::{cases::CaseMemberships, Dataset};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![0.9, 0.2, 0.8]), ("B", vec![0.7, 0.8, 0.1]), ("Y", vec![0.8, 0.6, 0.7]),
    /// ])?;
    /// let lists = CaseMemberships::new(&data, "Y", &["A", "B"], &["B".parse()?])?
    ///     .necessity_deviant_pairs(&"A".parse()?, 5)?;
    /// // case 2 is deviant (A < 0.5, Y > 0.5) and shares row B = 1 with case 1 only
    /// let pair = &lists[0].cases[0];
    /// assert_eq!((pair.deviant.as_str(), pair.typical.as_str()), ("2", "1"));
    /// assert_eq!(lists[0].cases.len(), 1);
    /// assert!((pair.best - 0.5).abs() < 1e-12); // (1 - (0.9 - 0.2)) + |0.8 - 0.6|
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn necessity_deviant_pairs(
        &self,
        necessary: &Expression,
        max_pairs: usize,
    ) -> Result<Vec<CaseList<NecessityDeviantPair>>, CaseSelectionError> {
        let deviant = self.necessity_deviant_consistency(necessary)?;
        self.pairs_per_part(necessary, max_pairs, CaseType::NecessityDeviantPairs, |p| {
            let PartPairs { part, n, y, .. } = p;
            let names: Vec<&str> = part.subject.literals().iter().map(|l| l.name()).collect();
            let row_conditions: Vec<String> = self
                .conditions()
                .iter()
                .filter(|c| !names.contains(&c.as_str()))
                .cloned()
                .collect();
            let rows = self.rows_on(&row_conditions)?;
            let deviant = self.in_data_order(&deviant[p.index].cases, |c| &c.case, |c| c);
            Ok(cross(p.typical, &deviant, |(i, most_typical), (j, dc)| {
                let row = rows[i]
                    .as_ref()
                    .filter(|&row| rows[j].as_ref() == Some(row))?;
                Some(NecessityDeviantPair {
                    deviant: self.cases()[j].clone(),
                    typical: self.cases()[i].clone(),
                    row_conditions: row_conditions.clone(),
                    row: row.clone(),
                    unique_coverage: part.others.as_ref().map(|o| o.iter().all(|v| v[i] < n[i])),
                    globally_uncovered: dc.globally_uncovered,
                    best: (1.0 - (n[i] - n[j])) + (y[i] - y[j]).abs(),
                    most_typical,
                    most_deviant: dc.most_deviant,
                })
            }))
        })
    }
}

/// As SetMethods ranks them: by truth-table row, then (for a disjunct) globally uncovered
/// first, then w ≤ Y first, then `best`.
impl Ranked for NecessityDeviantCase {
    type Key = ((bool, Option<Vec<u8>>), First, First, Exact);

    fn rank_key(&self) -> Self::Key {
        (
            row(&self.row),
            first(self.globally_uncovered.unwrap_or(false)),
            first(self.row_consistent),
            Exact(self.best),
        )
    }
}

/// As SetMethods ranks them: (for a disjunct) the typical case's unique coverage first, then
/// `best`, then the most typical and the most deviant first.
impl Ranked for TypicalRelevancePair {
    type Key = (First, Score, First, First);

    fn rank_key(&self) -> Self::Key {
        (
            first(self.unique_coverage.unwrap_or(false)),
            Score::of(self.best),
            first(self.most_typical),
            first(self.most_deviant),
        )
    }
}

/// As SetMethods ranks them: unique coverage (both, the first, the second, neither), `best`,
/// most typical (likewise).
impl Ranked for NecessityTypicalPair {
    type Key = (PairFlag, Score, PairFlag);

    fn rank_key(&self) -> Self::Key {
        (
            self.unique_coverage,
            Score::of(self.best),
            self.most_typical,
        )
    }
}

/// As SetMethods ranks them: by row, then (for a disjunct) the typical case's unique coverage
/// and the deviant case's global uncoverage first, then `best`, then the most typical and the
/// most deviant first.
impl Ranked for NecessityDeviantPair {
    type Key = (Vec<u8>, First, First, Score, First, First);

    fn rank_key(&self) -> Self::Key {
        (
            self.row.clone(),
            first(self.unique_coverage.unwrap_or(false)),
            first(self.globally_uncovered.unwrap_or(false)),
            Score::of(self.best),
            first(self.most_typical),
            first(self.most_deviant),
        )
    }
}

/// As SetMethods ranks them: the typical case's unique coverage first, the irrelevant case's
/// global uncoverage first, `best`, the most typical first.
impl Ranked for NecessityIrrelevantPair {
    type Key = (First, First, Score, First);

    fn rank_key(&self) -> Self::Key {
        (
            first(self.unique_coverage),
            first(self.globally_uncovered),
            Score::of(self.best),
            first(self.most_typical),
        )
    }
}
