//! How the cluster diagnostics divide: exact ratios, or SetMethods' ε-smoothed ones.

/// How the consistencies, coverages and distances of the cluster diagnostics are computed.
///
/// - [`Exact`](Self::Exact) (the default): `num / den`; a ratio whose denominator is zero (a
///   group with no membership in the consistency's set) is undefined, `None`, and is left
///   out of the distances dBP and dWP.
/// - [`SetMethods`](Self::SetMethods): SetMethods' `cluster()` convention, for replicating
///   its numbers: ε = 10⁻¹⁰ ([`RatioConvention::EPSILON`]) is added to every numerator and
///   denominator, `(num + ε) / (den + ε)`, so an empty group's 0/0 is 1 (vacuously
///   consistent) and counts in the distances, which run over all J groups:
///   dBP = √ Σⱼ ((cⱼ + ε) / (Σₖ cₖ + ε) − 1/J)². A ratio with a small denominator moves by up
///   to ε / den (3.3·10⁻⁹ for a unit with Σ X = 0.03 and no intersection).
///
/// Where every group's denominators are at least 0.1 the two agree to about 10⁻⁹; they
/// differ visibly only where some group is empty (see the [module documentation](super)).
///
/// # Example
/// ```
/// use fsqca::cluster::RatioConvention;
///
/// assert_eq!(RatioConvention::default(), RatioConvention::Exact);
/// assert_eq!(RatioConvention::Exact.ratio(0.0, 0.0), None);
/// assert_eq!(RatioConvention::SetMethods.ratio(0.0, 0.0), Some(1.0));
/// let moved = RatioConvention::SetMethods.ratio(0.0, 0.03).unwrap();
/// assert!((moved - 1e-10 / (0.03 + 1e-10)).abs() < 1e-20);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum RatioConvention {
    /// Exact ratios; undefined (`None`) on a zero denominator, left out of the distances.
    #[default]
    Exact,
    /// SetMethods' `(num + ε) / (den + ε)`, with ε = 10⁻¹⁰: never undefined, an empty group
    /// is 1; the distances run over every group.
    SetMethods,
}

impl RatioConvention {
    /// SetMethods' ε, added to every numerator and denominator under
    /// [`SetMethods`](Self::SetMethods).
    ///
    /// # Example
    /// ```
    /// use fsqca::cluster::RatioConvention;
    ///
    /// let (num, den) = (0.2, 0.5);
    /// let expected = (num + RatioConvention::EPSILON) / (den + RatioConvention::EPSILON);
    /// assert_eq!(RatioConvention::SetMethods.ratio(num, den), Some(expected));
    /// ```
    pub const EPSILON: f64 = 1e-10;

    /// `num / den` under this convention, for `0 ≤ num ≤ den` (a sum of minima over the sum
    /// of one of its sets, or a group's consistency over the groups' total): exact and
    /// undefined when `den` is zero, or SetMethods' `(num + ε) / (den + ε)`. Summation order
    /// can take `num` above `den` by an ulp; the result is clamped to 1.
    ///
    /// # Example
    /// ```
    /// use fsqca::cluster::RatioConvention;
    ///
    /// assert_eq!(RatioConvention::Exact.ratio(0.8, 1.0), Some(0.8));
    /// let smoothed = RatioConvention::SetMethods.ratio(0.8, 1.0).unwrap();
    /// assert!((smoothed - 0.8).abs() < 1e-10);
    /// ```
    pub fn ratio(self, num: f64, den: f64) -> Option<f64> {
        match self {
            Self::Exact => (den > 0.0).then(|| (num / den).min(1.0)),
            Self::SetMethods => Some(((num + Self::EPSILON) / (den + Self::EPSILON)).min(1.0)),
        }
    }
}
