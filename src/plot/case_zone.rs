//! The zones of an XY plot: where a case stands in the relation between X and Y.

use crate::Relation;

/// Where a case stands in the XY plot of a set relation, from its membership `x` in the
/// condition (or term, solution, necessary condition) and `y` in the outcome. The zones follow
/// the case types of set-theoretic multi-method research (Schneider & Rohlfing 2013; Schneider
/// & Wagemann 2012, ch. 11) and the five zones of Dușa's enhanced XY plot, with membership
/// strictly above 0.5 counting as "in". A membership of exactly 0.5 is neither in nor out:
/// such a case is [`CaseZone::Crossover`], never forced into a zone.
///
/// # Example
/// ```
/// use fsqca::plot::CaseZone;
/// use fsqca::Relation;
///
/// assert_eq!(CaseZone::of(0.8, 0.9, Relation::Sufficiency), CaseZone::Typical);
/// assert_eq!(CaseZone::of(0.8, 0.2, Relation::Sufficiency), CaseZone::DeviantConsistency);
/// assert_eq!(CaseZone::of(0.2, 0.8, Relation::Necessity), CaseZone::DeviantConsistency);
/// assert_eq!(CaseZone::of(0.5, 0.8, Relation::Sufficiency), CaseZone::Crossover);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CaseZone {
    /// In X and in Y, consistent with the relation in degree (x ≤ y for sufficiency,
    /// x ≥ y for necessity).
    Typical,
    /// In X and in Y but inconsistent in degree (x > y for sufficiency, x < y for necessity).
    DeviantInDegree,
    /// Contradicts the relation in kind: in X, out of Y (sufficiency); out of X, in Y
    /// (necessity).
    DeviantConsistency,
    /// Sufficiency only: out of X, in Y; the outcome occurs without the term.
    DeviantCoverage,
    /// Necessity only: in X, out of Y; the condition is there without the outcome.
    DeviantRelevance,
    /// Out of X and out of Y.
    Irrelevant,
    /// A membership of exactly 0.5 in X or Y: neither in nor out.
    Crossover,
}

impl CaseZone {
    /// The zone of a case with membership `x` in the condition and `y` in the outcome.
    ///
    /// # Example
    /// ```
    /// use fsqca::plot::CaseZone;
    /// use fsqca::Relation;
    ///
    /// assert_eq!(CaseZone::of(0.9, 0.7, Relation::Sufficiency), CaseZone::DeviantInDegree);
    /// assert_eq!(CaseZone::of(0.2, 0.8, Relation::Sufficiency), CaseZone::DeviantCoverage);
    /// assert_eq!(CaseZone::of(0.8, 0.2, Relation::Necessity), CaseZone::DeviantRelevance);
    /// assert_eq!(CaseZone::of(0.1, 0.2, Relation::Necessity), CaseZone::Irrelevant);
    /// ```
    pub fn of(x: f64, y: f64, relation: Relation) -> Self {
        if x == 0.5 || y == 0.5 {
            return Self::Crossover;
        }
        match (x > 0.5, y > 0.5, relation) {
            (true, true, Relation::Sufficiency) if x <= y => Self::Typical,
            (true, true, Relation::Necessity) if x >= y => Self::Typical,
            (true, true, _) => Self::DeviantInDegree,
            (true, false, Relation::Sufficiency) => Self::DeviantConsistency,
            (true, false, Relation::Necessity) => Self::DeviantRelevance,
            (false, true, Relation::Sufficiency) => Self::DeviantCoverage,
            (false, true, Relation::Necessity) => Self::DeviantConsistency,
            (false, false, _) => Self::Irrelevant,
        }
    }

    /// The zone's name as the plots' legends print it.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::plot::CaseZone::DeviantCoverage.name(), "deviant coverage");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Self::Typical => "typical",
            Self::DeviantInDegree => "deviant in degree",
            Self::DeviantConsistency => "deviant consistency",
            Self::DeviantCoverage => "deviant coverage",
            Self::DeviantRelevance => "deviant relevance",
            Self::Irrelevant => "irrelevant",
            Self::Crossover => "on a crossover (0.5)",
        }
    }

    /// Every zone, in the legends' order.
    pub(super) const ALL: [CaseZone; 7] = [
        Self::Typical,
        Self::DeviantInDegree,
        Self::DeviantConsistency,
        Self::DeviantCoverage,
        Self::DeviantRelevance,
        Self::Irrelevant,
        Self::Crossover,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_quadrant_and_the_crossover_lines() {
        use CaseZone::*;
        let s = Relation::Sufficiency;
        let n = Relation::Necessity;
        let cases = [
            ((0.6, 0.6), Typical, Typical),
            ((0.9, 0.6), DeviantInDegree, Typical),
            ((0.6, 0.9), Typical, DeviantInDegree),
            ((0.9, 0.1), DeviantConsistency, DeviantRelevance),
            ((0.1, 0.9), DeviantCoverage, DeviantConsistency),
            ((0.1, 0.2), Irrelevant, Irrelevant),
            ((0.5, 0.9), Crossover, Crossover),
            ((0.9, 0.5), Crossover, Crossover),
        ];
        for ((x, y), suf, nec) in cases {
            assert_eq!(CaseZone::of(x, y, s), suf, "sufficiency {x} {y}");
            assert_eq!(CaseZone::of(x, y, n), nec, "necessity {x} {y}");
        }
    }
}
