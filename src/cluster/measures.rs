//! The cluster diagnostics' result types, and the pooled, between and within sums and ratios
//! they are made of.

use ndarray::ArrayView1;

use super::convention::RatioConvention;
use crate::expression::{Expression, Relation};

/// Consistency and coverage of one relation over a group of cases (all of them, one cluster or
/// one unit), with the sums they are made of.
///
/// For sufficiency (X → Y) the consistency is Σ min(X, Y) / Σ X and the coverage
/// Σ min(X, Y) / Σ Y; for necessity (X ← Y) the roles swap: consistency Σ min(X, Y) / Σ Y,
/// coverage Σ min(X, Y) / Σ X. A ratio whose denominator is zero (no membership in X, or in
/// Y, in the group) is undefined: `None` (under the default [`RatioConvention::Exact`];
/// SetMethods' convention makes it 1).
///
/// # Example
/// ```
/// use fsqca::cluster::Panel;
/// use fsqca::{Dataset, Expression, Relation};
///
/// let data = Dataset::from_reader(
///     "case,unit,year,X,Y\na,fr,1990,0.8,0.6\nb,fr,1995,0.2,0.4\nc,de,1990,0.0,0.9\n".as_bytes(),
/// )?;
/// let panel = Panel::from_columns(&data, "unit", "year")?;
/// let x: Expression = "X".parse()?;
/// let fit = panel.fit(&x, &data, "Y", Relation::Sufficiency)?;
/// assert_eq!(fit.pooled.cases, 3);
/// assert_eq!((fit.pooled.intersection_sum, fit.pooled.condition_sum), (0.8, 1.0));
/// assert_eq!(fit.pooled.consistency, Some(0.8));
/// // Unit `de` has no membership in X: its consistency is undefined.
/// assert_eq!(fit.within[1].measures.consistency, None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Measures {
    /// Number of cases in the group.
    pub cases: usize,
    /// Consistency of the relation (sufficiency or necessity inclusion).
    pub consistency: Option<f64>,
    /// Coverage of the relation.
    pub coverage: Option<f64>,
    /// Σ X, the memberships in the expression.
    pub condition_sum: f64,
    /// Σ Y, the memberships in the outcome.
    pub outcome_sum: f64,
    /// Σ min(X, Y).
    pub intersection_sum: f64,
}

/// The [`Measures`] of one cluster (between) or one unit (within), with its id.
///
/// # Example
/// ```
/// use fsqca::cluster::Panel;
/// use fsqca::{Dataset, Expression, Relation};
///
/// let data = Dataset::from_reader("case,unit,year,X,Y\na,fr,1990,0.8,0.6\nb,de,1990,0.2,0.4\n".as_bytes())?;
/// let panel = Panel::from_columns(&data, "unit", "year")?;
/// let fit = panel.fit(&"X".parse::<Expression>()?, &data, "Y", Relation::Sufficiency)?;
/// assert_eq!(fit.between[0].id, "1990");
/// assert_eq!(fit.between[0].measures.cases, 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct GroupFit {
    /// The cluster's or the unit's id.
    pub id: String,
    /// Its consistency, coverage and sums.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub measures: Measures,
}

/// Pooled, between (per cluster) and within (per unit) consistency and coverage of one
/// relation, and the distances of the between and within consistencies from the pooled one
/// (Garcia-Castro & Ariño 2016): see the [module documentation](super).
///
/// # Example
/// ```
/// use fsqca::cluster::Panel;
/// use fsqca::{Dataset, Expression, Relation};
///
/// // Two countries over two years; X -> Y holds in 1990 and fails in 1995.
/// let data = Dataset::from_reader(
///     "case,unit,year,X,Y\na,fr,1990,0.8,0.9\nb,fr,1995,0.8,0.2\nc,de,1990,0.6,0.7\nd,de,1995,0.6,0.3\n"
///         .as_bytes(),
/// )?;
/// let panel = Panel::from_columns(&data, "unit", "year")?;
/// let fit = panel.fit(&"X".parse::<Expression>()?, &data, "Y", Relation::Sufficiency)?;
/// assert_eq!(fit.between[0].measures.consistency, Some(1.0));
/// assert!((fit.between[1].measures.consistency.unwrap() - 0.5 / 1.4).abs() < 1e-12);
/// assert!(fit.between_distance.unwrap() > fit.within_distance.unwrap());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ClusterFit {
    /// Sufficiency or necessity: which ratio is the consistency.
    pub relation: Relation,
    /// How the ratios were computed: exact (the default) or with SetMethods' ε.
    pub convention: RatioConvention,
    /// Over all cases (POCOS and the pooled coverage).
    pub pooled: Measures,
    /// Per cluster, in the order the clusters first appear in the data (BECOS).
    pub between: Vec<GroupFit>,
    /// Per unit, in the order the units first appear in the data (WICONS).
    pub within: Vec<GroupFit>,
    /// dBP: the distance of the between consistencies from the pooled one, over the clusters
    /// whose consistency is defined; `None` when no cluster has a positive one. Under
    /// [`RatioConvention::SetMethods`], over every cluster, never `None`.
    pub between_distance: Option<f64>,
    /// dWP: the distance of the within consistencies from the pooled one, over the units
    /// whose consistency is defined; `None` when no unit has a positive one. Under
    /// [`RatioConvention::SetMethods`], over every unit, never `None`.
    pub within_distance: Option<f64>,
}

/// The cluster diagnostics of one term of a solution, or of the whole solution.
///
/// # Example
/// ```
/// use fsqca::cluster::Panel;
/// use fsqca::{Dataset, Expression, Relation};
///
/// let data = Dataset::from_reader("case,unit,year,A,B,Y\na,fr,1990,0.8,0.1,0.9\nb,de,1990,0.2,0.7,0.6\n".as_bytes())?;
/// let panel = Panel::from_columns(&data, "unit", "year")?;
/// let terms: Vec<Expression> = vec!["A".parse()?, "B".parse()?];
/// let fits = panel.solution(&terms, &data, "Y", Relation::Sufficiency)?;
/// assert_eq!(fits.terms[1].expression.to_string(), "B");
/// assert_eq!(fits.solution.expression.to_string(), "A + B");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ExpressionClusterFit {
    /// The term, or the solution (the disjunction of its terms).
    pub expression: Expression,
    /// Its diagnostics.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub fit: ClusterFit,
}

/// The cluster diagnostics of a solution: of each term, and of the solution as a whole (which
/// SetMethods' `cluster()` does not give for a `minimize()` result).
///
/// # Example
/// ```
/// use fsqca::cluster::Panel;
/// use fsqca::{Dataset, Expression, Relation};
///
/// let data = Dataset::from_reader("case,unit,year,A,B,Y\na,fr,1990,0.8,0.1,0.9\nb,de,1990,0.2,0.7,0.6\n".as_bytes())?;
/// let panel = Panel::from_columns(&data, "unit", "year")?;
/// let terms: Vec<Expression> = vec!["A".parse()?, "B".parse()?];
/// let fits = panel.solution(&terms, &data, "Y", Relation::Necessity)?;
/// // Necessity: consistency is Σ min(X, Y) / Σ Y, here (0.8 + 0.6) / 1.5 for A + B.
/// let whole = fits.solution.fit.pooled.consistency.unwrap();
/// assert!((whole - 1.4 / 1.5).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct SolutionClusterFit {
    /// Per term, in the order given.
    pub terms: Vec<ExpressionClusterFit>,
    /// The solution: the disjunction of the terms.
    pub solution: ExpressionClusterFit,
}

/// Running sums of one group.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    cases: usize,
    x: f64,
    y: f64,
    xy: f64,
}

impl Sums {
    fn add(&mut self, x: f64, y: f64) {
        self.cases += 1;
        self.x += x;
        self.y += y;
        self.xy += x.min(y);
    }

    fn measures(&self, relation: Relation, convention: RatioConvention) -> Measures {
        let (consistency_den, coverage_den) = match relation {
            Relation::Sufficiency => (self.x, self.y),
            Relation::Necessity => (self.y, self.x),
        };
        Measures {
            cases: self.cases,
            consistency: convention.ratio(self.xy, consistency_den),
            coverage: convention.ratio(self.xy, coverage_den),
            condition_sum: self.x,
            outcome_sum: self.y,
            intersection_sum: self.xy,
        }
    }
}

/// The distance of group consistencies from the pooled one (Garcia-Castro & Ariño 2016):
/// √ Σⱼ (cⱼ / Σ c − 1/J)² over the J groups whose consistency is defined (every group under
/// SetMethods' convention, whose shares are its ε ratios): 0 when they are all equal, larger
/// as the consistency concentrates in some groups. Undefined (`None`) when no group has a
/// positive consistency (exact ratios) or there is no group.
fn distance(groups: &[GroupFit], convention: RatioConvention) -> Option<f64> {
    let defined: Vec<f64> = groups
        .iter()
        .filter_map(|g| g.measures.consistency)
        .collect();
    if defined.is_empty() {
        return None;
    }
    let total: f64 = defined.iter().sum();
    let uniform = 1.0 / defined.len() as f64;
    let squares = defined
        .iter()
        .map(|&c| {
            convention
                .ratio(c, total)
                .map(|share| (share - uniform).powi(2))
        })
        .sum::<Option<f64>>()?;
    Some(squares.sqrt())
}

/// The cases of a panel: the distinct unit and cluster ids, per case the index of its unit and
/// of its cluster, and how the ratios are computed.
pub(super) struct Cells<'a> {
    pub(super) units: &'a [String],
    pub(super) clusters: &'a [String],
    pub(super) cells: &'a [(usize, usize)],
    pub(super) convention: RatioConvention,
}

/// The diagnostics of memberships `x` (the expression) and `y` (the outcome), one per case
/// (the caller checks the lengths).
pub(super) fn cluster_fit(
    panel: &Cells<'_>,
    x: ArrayView1<'_, f64>,
    y: ArrayView1<'_, f64>,
    relation: Relation,
) -> ClusterFit {
    let convention = panel.convention;
    let mut pooled = Sums::default();
    let mut clusters = vec![Sums::default(); panel.clusters.len()];
    let mut units = vec![Sums::default(); panel.units.len()];
    for (&(unit, cluster), (&x, &y)) in panel.cells.iter().zip(x.iter().zip(y.iter())) {
        pooled.add(x, y);
        clusters[cluster].add(x, y);
        units[unit].add(x, y);
    }
    let groups = |ids: &[String], sums: &[Sums]| -> Vec<GroupFit> {
        ids.iter()
            .zip(sums)
            .map(|(id, s)| GroupFit {
                id: id.clone(),
                measures: s.measures(relation, convention),
            })
            .collect()
    };
    let between = groups(panel.clusters, &clusters);
    let within = groups(panel.units, &units);
    ClusterFit {
        relation,
        convention,
        pooled: pooled.measures(relation, convention),
        between_distance: distance(&between, convention),
        within_distance: distance(&within, convention),
        between,
        within,
    }
}
