//! The panel: which unit and which cluster each case is, checked once; and the diagnostics of
//! expressions, sets and solutions over it.

use std::collections::HashMap;

use super::convention::RatioConvention;
use super::error::ClusterError;
use super::measures::{cluster_fit, Cells, ClusterFit, ExpressionClusterFit, SolutionClusterFit};
use crate::data::Dataset;
use crate::expression::{Expression, Relation};
use crate::fit::IntoOutcome;
use crate::sets::FuzzySet;

/// The unit and the cluster of every case of a data set (a country and a year, a firm and a
/// region), read from two id columns and checked: no missing id, and each (unit, cluster) pair
/// at most once.
///
/// A pair may be absent (an unbalanced panel: a unit not observed in some cluster): it simply
/// adds nothing to that unit's or that cluster's sums.
///
/// The ratios are exact by default; [`Panel::convention`] switches to SetMethods' ε
/// convention to replicate its numbers.
///
/// # Example
/// ```
/// use fsqca::cluster::Panel;
/// use fsqca::Dataset;
///
/// let data = Dataset::from_reader(
///     "case,country,year,X,Y\na,fr,1990,0.2,0.4\nb,fr,1995,0.6,0.7\nc,de,1995,0.9,0.8\n".as_bytes(),
/// )?;
/// let panel = Panel::from_columns(&data, "country", "year")?;
/// assert_eq!(panel.units(), ["fr", "de"]);
/// assert_eq!(panel.clusters(), ["1990", "1995"]);
/// assert_eq!(panel.n_cases(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// The columns the ids come from.
    unit_column: String,
    cluster_column: String,
    /// The case labels of the data set the panel was read from.
    cases: Vec<String>,
    /// Distinct ids, in order of first appearance.
    units: Vec<String>,
    clusters: Vec<String>,
    /// Per case, the index of its unit and of its cluster.
    cells: Vec<(usize, usize)>,
    /// How the ratios are computed.
    convention: RatioConvention,
}

/// Index of `id` in `ids`, added at the end if new.
fn intern(id: &str, ids: &mut Vec<String>, index: &mut HashMap<String, usize>) -> usize {
    *index.entry(id.to_owned()).or_insert_with(|| {
        ids.push(id.to_owned());
        ids.len() - 1
    })
}

impl Panel {
    /// Reads the unit and the cluster of every case from two columns of `data` (text or
    /// numbers; a number is its shortest form, `1990`). Ids are trimmed.
    ///
    /// To take them from the case labels instead (`"fr 1990"`), add them as columns first
    /// ([`Dataset::with_text_column`]).
    ///
    /// # Errors
    /// [`ClusterError::SameColumn`] when both names are one column;
    /// [`ClusterError::Data`] (wrapping [`DataError::UnknownColumn`](crate::DataError::UnknownColumn))
    /// for an unknown column; [`ClusterError::MissingId`] for empty or missing ids, naming the
    /// cases; [`ClusterError::DuplicateCell`] when two cases are the same unit in the same
    /// cluster (R's `xtabs`, which SetMethods uses, would add their memberships up into one
    /// cell of more than 1, a value no membership can have).
    ///
    /// # Example
    /// ```
    /// use fsqca::cluster::{ClusterError, Panel};
    /// use fsqca::Dataset;
    ///
    /// let data = Dataset::from_reader("case,country,year\na,fr,1990\nb,fr,1990\n".as_bytes())?;
    /// let err = Panel::from_columns(&data, "country", "year").unwrap_err();
    /// assert!(matches!(err, ClusterError::DuplicateCell { ref first, ref second, .. } if first == "a" && second == "b"));
    /// assert!(Panel::from_columns(&data, "country", "region").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_columns(data: &Dataset, unit: &str, cluster: &str) -> Result<Self, ClusterError> {
        if unit == cluster {
            return Err(ClusterError::SameColumn {
                column: unit.to_owned(),
            });
        }
        let unit_ids = ids(data, unit)?;
        let cluster_ids = ids(data, cluster)?;
        let (mut units, mut clusters) = (Vec::new(), Vec::new());
        let (mut unit_index, mut cluster_index) = (HashMap::new(), HashMap::new());
        let mut first_case: HashMap<(usize, usize), usize> = HashMap::new();
        let mut cells = Vec::with_capacity(data.n_cases());
        for (case, (u, c)) in unit_ids.iter().zip(&cluster_ids).enumerate() {
            let cell = (
                intern(u, &mut units, &mut unit_index),
                intern(c, &mut clusters, &mut cluster_index),
            );
            if let Some(&first) = first_case.get(&cell) {
                return Err(ClusterError::DuplicateCell {
                    unit: u.clone(),
                    cluster: c.clone(),
                    first: data.cases()[first].clone(),
                    second: data.cases()[case].clone(),
                });
            }
            first_case.insert(cell, case);
            cells.push(cell);
        }
        Ok(Self {
            unit_column: unit.to_owned(),
            cluster_column: cluster.to_owned(),
            cases: data.cases().to_vec(),
            units,
            clusters,
            cells,
            convention: RatioConvention::default(),
        })
    }

    /// How the diagnostics compute their ratios: [`RatioConvention::Exact`] (the default;
    /// an empty group is undefined and left out of the distances) or
    /// [`RatioConvention::SetMethods`] (SetMethods' ε: an empty group is 1 and counts in the
    /// distances), to replicate SetMethods' `cluster()` to the last digit.
    ///
    /// # Example
    /// PAYF (SetMethods' pay-inequality data), `HW` necessary for `HL` per country: 21 of the
    /// 131 countries have no membership in `HL`.
    /// ```
    /// use fsqca::cluster::{Panel, RatioConvention};
    /// use fsqca::{Dataset, Expression, Relation};
    ///
    /// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/setmethods/PAYF.csv");
    /// let data = Dataset::from_path(path)?;
    /// let hw: Expression = "HW".parse()?;
    /// let exact = Panel::from_columns(&data, "COUNTRY", "REGION")?;
    /// let fit = exact.fit(&hw, &data, "HL", Relation::Necessity)?;
    /// assert_eq!(fit.within.iter().filter(|u| u.measures.consistency.is_none()).count(), 21);
    /// assert!((fit.within_distance.unwrap() - 0.0257196416828242).abs() < 1e-9);
    /// // SetMethods counts the 21 as fully consistent: dWP 0.0215799194605413.
    /// let replica = exact.convention(RatioConvention::SetMethods);
    /// let fit = replica.fit(&hw, &data, "HL", Relation::Necessity)?;
    /// assert!(fit.within.iter().all(|u| u.measures.consistency.is_some()));
    /// assert!((fit.within_distance.unwrap() - 0.0215799194605413).abs() < 1e-9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn convention(mut self, convention: RatioConvention) -> Self {
        self.convention = convention;
        self
    }

    /// The convention set by [`Panel::convention`].
    ///
    /// # Example
    /// ```
    /// use fsqca::cluster::{Panel, RatioConvention};
    ///
    /// let data = fsqca::Dataset::from_reader("case,country,year\na,fr,1990\n".as_bytes())?;
    /// let panel = Panel::from_columns(&data, "country", "year")?;
    /// assert_eq!(panel.get_convention(), RatioConvention::Exact);
    /// let panel = panel.convention(RatioConvention::SetMethods);
    /// assert_eq!(panel.get_convention(), RatioConvention::SetMethods);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_convention(&self) -> RatioConvention {
        self.convention
    }

    /// The column of the unit ids.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_reader("case,country,year\na,fr,1990\n".as_bytes())?;
    /// let panel = fsqca::cluster::Panel::from_columns(&data, "country", "year")?;
    /// assert_eq!((panel.unit_column(), panel.cluster_column()), ("country", "year"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unit_column(&self) -> &str {
        &self.unit_column
    }

    /// The column of the cluster ids.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_reader("case,country,year\na,fr,1990\n".as_bytes())?;
    /// let panel = fsqca::cluster::Panel::from_columns(&data, "country", "year")?;
    /// assert_eq!(panel.cluster_column(), "year");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cluster_column(&self) -> &str {
        &self.cluster_column
    }

    /// The number of cases.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_reader("case,country,year\na,fr,1990\nb,de,1990\n".as_bytes())?;
    /// assert_eq!(fsqca::cluster::Panel::from_columns(&data, "country", "year")?.n_cases(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn n_cases(&self) -> usize {
        self.cells.len()
    }

    /// The distinct units, in the order they first appear.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_reader("case,country,year\na,fr,1990\nb,de,1990\nc,fr,1995\n".as_bytes())?;
    /// assert_eq!(fsqca::cluster::Panel::from_columns(&data, "country", "year")?.units(), ["fr", "de"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn units(&self) -> &[String] {
        &self.units
    }

    /// The distinct clusters, in the order they first appear.
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_reader("case,country,year\na,fr,1995\nb,de,1990\n".as_bytes())?;
    /// assert_eq!(fsqca::cluster::Panel::from_columns(&data, "country", "year")?.clusters(), ["1995", "1990"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn clusters(&self) -> &[String] {
        &self.clusters
    }

    /// What the sums need: the ids, each case's unit and cluster, and the convention.
    fn cells(&self) -> Cells<'_> {
        Cells {
            units: &self.units,
            clusters: &self.clusters,
            cells: &self.cells,
            convention: self.convention,
        }
    }

    /// Cluster diagnostics of membership sets: `x` (the expression, a condition) against `y`
    /// (the outcome), one value per case of the panel, in its order.
    ///
    /// # Errors
    /// [`ClusterError::CaseCount`] when a set does not have one value per case.
    ///
    /// # Example
    /// ```
    /// use fsqca::cluster::Panel;
    /// use fsqca::{Dataset, FuzzySet, Relation};
    ///
    /// let data = Dataset::from_reader("case,country,year\na,fr,1990\nb,fr,1995\n".as_bytes())?;
    /// let panel = Panel::from_columns(&data, "country", "year")?;
    /// let x = FuzzySet::new("X", vec![0.4, 0.8])?;
    /// let y = FuzzySet::new("Y", vec![0.6, 0.7])?;
    /// let fit = panel.fit_sets(&x, &y, Relation::Sufficiency)?;
    /// assert!((fit.pooled.consistency.unwrap() - 1.1 / 1.2).abs() < 1e-12);
    /// // One unit: its within consistency is the pooled one.
    /// assert_eq!(fit.within[0].measures.consistency, fit.pooled.consistency);
    /// assert_eq!(fit.within_distance, Some(0.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fit_sets(
        &self,
        x: &FuzzySet,
        y: &FuzzySet,
        relation: Relation,
    ) -> Result<ClusterFit, ClusterError> {
        for set in [x, y] {
            if set.len() != self.n_cases() {
                return Err(ClusterError::CaseCount {
                    panel: self.n_cases(),
                    data: set.len(),
                });
            }
        }
        Ok(cluster_fit(&self.cells(), x.values(), y.values(), relation))
    }

    /// Cluster diagnostics of an expression (a condition, a term, a whole solution) for an
    /// outcome, both evaluated on `data`, which must be the data set the panel was read from
    /// (same cases, same order).
    ///
    /// # Errors
    /// [`ClusterError::CaseCount`] and [`ClusterError::CaseMismatch`] for another data set;
    /// [`ClusterError::Expression`] for an outcome given as text that is not an
    /// [`Outcome`](crate::expression::Outcome); [`ClusterError::Data`] for the errors of
    /// [`Expression::evaluate`] (unknown columns, missing values, memberships outside [0, 1]).
    ///
    /// # Example
    /// ```
    /// use fsqca::cluster::Panel;
    /// use fsqca::{Dataset, Expression, Relation};
    ///
    /// let data = Dataset::from_reader("case,country,year,A,Y\na,fr,1990,0.4,0.6\nb,fr,1995,0.8,0.7\n".as_bytes())?;
    /// let panel = Panel::from_columns(&data, "country", "year")?;
    /// let a: Expression = "A".parse()?;
    /// let fit = panel.fit(&a, &data, "~Y", Relation::Sufficiency)?;
    /// assert!((fit.pooled.consistency.unwrap() - 0.7 / 1.2).abs() < 1e-12);
    /// assert!(panel.fit(&"B".parse()?, &data, "Y", Relation::Sufficiency).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fit<O: IntoOutcome + ?Sized>(
        &self,
        expression: &Expression,
        data: &Dataset,
        outcome: &O,
        relation: Relation,
    ) -> Result<ClusterFit, ClusterError> {
        self.check_cases(data)?;
        let y = outcome.outcome_expression()?.evaluate(data)?;
        let x = expression.evaluate(data)?;
        Ok(cluster_fit(&self.cells(), x.values(), y.values(), relation))
    }

    /// Cluster diagnostics of a solution given as its terms (use [`Expression::disjuncts`] to
    /// split a sum of products, or a [`Model`](crate::Model)'s expression): each term's and
    /// the whole solution's, for sufficiency or necessity.
    ///
    /// # Errors
    /// [`ClusterError::EmptySolution`] for no term, and those of [`Panel::fit`].
    ///
    /// # Example
    /// ```
    /// use fsqca::cluster::Panel;
    /// use fsqca::{Dataset, Expression, Relation};
    ///
    /// let data = Dataset::from_reader(
    ///     "case,country,year,A,B,Y\na,fr,1990,0.9,0.1,0.8\nb,fr,1995,0.1,0.9,0.9\n".as_bytes(),
    /// )?;
    /// let panel = Panel::from_columns(&data, "country", "year")?;
    /// let solution: Expression = "A + B".parse()?;
    /// let fits = panel.solution(solution.disjuncts(), &data, "Y", Relation::Sufficiency)?;
    /// assert_eq!(fits.terms.len(), 2);
    /// // Each term covers one year; the solution both.
    /// assert!((fits.terms[0].fit.pooled.coverage.unwrap() - 0.9 / 1.7).abs() < 1e-12);
    /// assert!((fits.solution.fit.pooled.coverage.unwrap() - 1.0).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn solution<O: IntoOutcome + ?Sized>(
        &self,
        terms: &[Expression],
        data: &Dataset,
        outcome: &O,
        relation: Relation,
    ) -> Result<SolutionClusterFit, ClusterError> {
        let whole = Expression::disjunction(terms.iter().cloned())
            .map_err(|_| ClusterError::EmptySolution)?;
        let one = |expression: &Expression| -> Result<ExpressionClusterFit, ClusterError> {
            Ok(ExpressionClusterFit {
                expression: expression.clone(),
                fit: self.fit(expression, data, outcome, relation)?,
            })
        };
        Ok(SolutionClusterFit {
            terms: terms.iter().map(one).collect::<Result<_, _>>()?,
            solution: one(&whole)?,
        })
    }

    /// Checks that `data` has the panel's cases, in its order.
    fn check_cases(&self, data: &Dataset) -> Result<(), ClusterError> {
        if data.n_cases() != self.n_cases() {
            return Err(ClusterError::CaseCount {
                panel: self.n_cases(),
                data: data.n_cases(),
            });
        }
        match self
            .cases
            .iter()
            .zip(data.cases())
            .position(|(a, b)| a != b)
        {
            Some(i) => Err(ClusterError::CaseMismatch {
                position: i + 1,
                panel: self.cases[i].clone(),
                data: data.cases()[i].clone(),
            }),
            None => Ok(()),
        }
    }
}

/// The trimmed ids of a column, refusing missing ones.
fn ids(data: &Dataset, column: &str) -> Result<Vec<String>, ClusterError> {
    let ids: Vec<String> = data
        .column_text(column)?
        .into_iter()
        .map(|id| id.trim().to_owned())
        .collect();
    let missing: Vec<String> = ids
        .iter()
        .zip(data.cases())
        .filter(|(id, _)| id.is_empty())
        .map(|(_, case)| case.clone())
        .collect();
    if missing.is_empty() {
        Ok(ids)
    } else {
        Err(ClusterError::MissingId {
            column: column.to_owned(),
            cases: missing,
        })
    }
}
