//! Validated anchors of the direct method: three (s-shaped) or six (bell-shaped).

use std::fmt;

use super::CalibrationError;

/// Whether membership rises or falls with the raw value.
///
/// # Example
/// ```
/// use fsqca::calibration::{Direction, Thresholds};
///
/// assert_eq!(Thresholds::new(165.0, 175.0, 185.0)?.direction(), Direction::Increasing);
/// assert_eq!(Thresholds::new(185.0, 175.0, 165.0)?.direction(), Direction::Decreasing);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Direction {
    /// Higher raw values give higher membership (`e < c < i`).
    Increasing,
    /// Higher raw values give lower membership (`e > c > i`).
    Decreasing,
}

/// One of the three anchors of an s-shaped direct calibration (Ragin 2008): which value of a
/// [`Thresholds`] ([`Thresholds::anchor`], [`Thresholds::with_anchor`]). Also re-exported as
/// `fsqca::robustness::Anchor`, where a sweep moves one anchor at a time.
///
/// # Example
/// ```
/// use fsqca::calibration::{Anchor, Thresholds};
///
/// assert_eq!(Anchor::Crossover.to_string(), "crossover");
/// assert_eq!(Anchor::ALL.len(), 3);
/// let th = Thresholds::new(1.0, 2.0, 3.0)?;
/// assert_eq!(Anchor::ALL.map(|a| th.anchor(a)), [1.0, 2.0, 3.0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Anchor {
    /// Full exclusion (membership 0.05 on the logistic curve).
    Exclusion,
    /// The crossover (membership 0.5).
    Crossover,
    /// Full inclusion (membership 0.95 on the logistic curve).
    Inclusion,
}

impl Anchor {
    /// The three anchors, in the order exclusion, crossover, inclusion.
    pub const ALL: [Anchor; 3] = [Anchor::Exclusion, Anchor::Crossover, Anchor::Inclusion];
}

impl fmt::Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Anchor::Exclusion => "exclusion",
            Anchor::Crossover => "crossover",
            Anchor::Inclusion => "inclusion",
        })
    }
}

/// The three anchors of an s-shaped direct calibration: full exclusion `e`, crossover `c` and
/// full inclusion `i` (Ragin 2008, ch. 5; the names follow Dușa's QCA).
///
/// The order of the values gives the direction: `e < c < i` is an increasing set, `e > c > i` a
/// decreasing one ([`Direction`]).
///
/// # Example
/// ```
/// use fsqca::calibration::Thresholds;
///
/// let th = Thresholds::new(165.0, 175.0, 185.0)?;
/// assert_eq!((th.exclusion(), th.crossover(), th.inclusion()), (165.0, 175.0, 185.0));
/// assert!(Thresholds::new(165.0, 165.0, 185.0).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Thresholds {
    e: f64,
    c: f64,
    i: f64,
}

impl Thresholds {
    /// Checks and stores the anchors `e` (exclusion), `c` (crossover), `i` (inclusion).
    ///
    /// # Errors
    /// [`CalibrationError::ThresholdNotFinite`] for a NaN or infinite anchor;
    /// [`CalibrationError::NotMonotone`] unless `e < c < i` or `e > c > i`.
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::Thresholds;
    ///
    /// let gdp = Thresholds::new(2500.0, 5000.0, 20000.0)?; // Ragin (2008), per capita income
    /// assert_eq!(gdp.crossover(), 5000.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(e: f64, c: f64, i: f64) -> Result<Self, CalibrationError> {
        check_finite(&[e, c, i])?;
        if (e < c && c < i) || (e > c && c > i) {
            Ok(Self { e, c, i })
        } else {
            Err(CalibrationError::NotMonotone {
                exclusion: e,
                crossover: c,
                inclusion: i,
            })
        }
    }

    /// The full exclusion anchor `e`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::calibration::Thresholds::new(1.0, 2.0, 3.0)?.exclusion(), 1.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exclusion(&self) -> f64 {
        self.e
    }

    /// The crossover anchor `c` (membership 0.5).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::calibration::Thresholds::new(1.0, 2.0, 3.0)?.crossover(), 2.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn crossover(&self) -> f64 {
        self.c
    }

    /// The full inclusion anchor `i`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::calibration::Thresholds::new(1.0, 2.0, 3.0)?.inclusion(), 3.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn inclusion(&self) -> f64 {
        self.i
    }

    /// The value of one anchor: [`exclusion`](Self::exclusion),
    /// [`crossover`](Self::crossover) or [`inclusion`](Self::inclusion).
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::{Anchor, Thresholds};
    /// assert_eq!(Thresholds::new(1.0, 2.0, 3.0)?.anchor(Anchor::Inclusion), 3.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn anchor(&self, anchor: Anchor) -> f64 {
        match anchor {
            Anchor::Exclusion => self.e,
            Anchor::Crossover => self.c,
            Anchor::Inclusion => self.i,
        }
    }

    /// These thresholds with one anchor moved to `value`, checked as by [`Thresholds::new`].
    ///
    /// # Errors
    /// As [`Thresholds::new`]: [`CalibrationError::ThresholdNotFinite`] for a NaN or infinite
    /// value, [`CalibrationError::NotMonotone`] when the moved anchor breaks the order.
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::{Anchor, Thresholds};
    ///
    /// let th = Thresholds::new(1.0, 2.0, 3.0)?;
    /// assert_eq!(th.with_anchor(Anchor::Crossover, 2.5)?, Thresholds::new(1.0, 2.5, 3.0)?);
    /// assert!(th.with_anchor(Anchor::Crossover, 3.5).is_err()); // past the inclusion anchor
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_anchor(&self, anchor: Anchor, value: f64) -> Result<Self, CalibrationError> {
        let (mut e, mut c, mut i) = (self.e, self.c, self.i);
        match anchor {
            Anchor::Exclusion => e = value,
            Anchor::Crossover => c = value,
            Anchor::Inclusion => i = value,
        }
        Self::new(e, c, i)
    }

    /// Increasing when `e < c < i`, decreasing when `e > c > i`.
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::{Direction, Thresholds};
    /// assert_eq!(Thresholds::new(3.0, 2.0, 1.0)?.direction(), Direction::Decreasing);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn direction(&self) -> Direction {
        if self.e < self.i {
            Direction::Increasing
        } else {
            Direction::Decreasing
        }
    }
}

/// Which of the two six-anchor shapes a [`BellThresholds`] describes.
///
/// # Example
/// ```
/// use fsqca::calibration::{BellShape, BellThresholds};
///
/// let bell = BellThresholds::new(155.0, 165.0, 175.0, 175.0, 185.0, 195.0)?;
/// assert_eq!(bell.shape(), BellShape::Bell);
/// let inverse = BellThresholds::new(175.0, 165.0, 155.0, 195.0, 185.0, 175.0)?;
/// assert_eq!(inverse.shape(), BellShape::InverseBell);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum BellShape {
    /// Membership rises to 1 in the middle (a triangle when `i1 == i2`, else a trapezoid).
    Bell,
    /// Membership falls to 0 in the middle.
    InverseBell,
}

/// The six anchors of a bell-shaped direct calibration, named as in Dușa's QCA:
/// `e1, c1, i1` (the rising side) and `i2, c2, e2` (the falling side).
///
/// A bell has `e1 < c1 < i1 <= i2 < c2 < e2` (full membership between `i1` and `i2`); an inverse
/// bell has the same names with `i1 < c1 < e1 <= e2 < c2 < i2` (full non-membership between `e1`
/// and `e2`).
///
/// # Example
/// ```
/// use fsqca::calibration::{BellShape, BellThresholds};
///
/// let trapezoid = BellThresholds::new(155.0, 165.0, 172.0, 179.0, 187.0, 195.0)?;
/// assert_eq!(trapezoid.shape(), BellShape::Bell);
/// assert!(BellThresholds::new(155.0, 165.0, 175.0, 170.0, 185.0, 195.0).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct BellThresholds {
    th: [f64; 6],
    shape: BellShape,
}

impl BellThresholds {
    /// Checks and stores the anchors, given in the order `e1, c1, i1, i2, c2, e2`.
    ///
    /// # Errors
    /// [`CalibrationError::ThresholdNotFinite`] for a NaN or infinite anchor;
    /// [`CalibrationError::NotBell`] when the values describe neither a bell nor an inverse bell.
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::BellThresholds;
    /// let triangle = BellThresholds::new(155.0, 165.0, 175.0, 175.0, 185.0, 195.0)?;
    /// assert_eq!(triangle.thresholds()[2], 175.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        e1: f64,
        c1: f64,
        i1: f64,
        i2: f64,
        c2: f64,
        e2: f64,
    ) -> Result<Self, CalibrationError> {
        let th = [e1, c1, i1, i2, c2, e2];
        check_finite(&th)?;
        let shape = if e1 < c1 && c1 < i1 && i1 <= i2 && i2 < c2 && c2 < e2 {
            BellShape::Bell
        } else if i1 < c1 && c1 < e1 && e1 <= e2 && e2 < c2 && c2 < i2 {
            BellShape::InverseBell
        } else {
            return Err(CalibrationError::NotBell { thresholds: th });
        };
        Ok(Self { th, shape })
    }

    /// The anchors in the order `e1, c1, i1, i2, c2, e2`.
    ///
    /// # Example
    /// ```
    /// let b = fsqca::calibration::BellThresholds::new(1.0, 2.0, 3.0, 4.0, 5.0, 6.0)?;
    /// assert_eq!(b.thresholds(), [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn thresholds(&self) -> [f64; 6] {
        self.th
    }

    /// Bell or inverse bell.
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::{BellShape, BellThresholds};
    /// let b = BellThresholds::new(1.0, 2.0, 3.0, 4.0, 5.0, 6.0)?;
    /// assert_eq!(b.shape(), BellShape::Bell);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn shape(&self) -> BellShape {
        self.shape
    }
}

/// The anchors of a direct calibration: three for an s-shaped set, six for a bell.
///
/// Both threshold types convert into this with `into()`, so
/// [`DirectOptions::calibrate`](super::DirectOptions::calibrate) accepts either.
///
/// # Example
/// ```
/// use fsqca::calibration::{Anchors, Thresholds};
///
/// let anchors: Anchors = Thresholds::new(1.0, 2.0, 3.0)?.into();
/// assert!(matches!(anchors, Anchors::SShaped(_)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Anchors {
    /// Exclusion, crossover, inclusion.
    SShaped(Thresholds),
    /// `e1, c1, i1, i2, c2, e2`.
    Bell(BellThresholds),
}

impl From<Thresholds> for Anchors {
    fn from(t: Thresholds) -> Self {
        Anchors::SShaped(t)
    }
}

impl From<BellThresholds> for Anchors {
    fn from(t: BellThresholds) -> Self {
        Anchors::Bell(t)
    }
}

/// Rejects NaN and infinite thresholds, naming the first one.
pub(super) fn check_finite(th: &[f64]) -> Result<(), CalibrationError> {
    match th.iter().position(|t| !t.is_finite()) {
        Some(position) => Err(CalibrationError::ThresholdNotFinite {
            position,
            value: th[position],
        }),
        None => Ok(()),
    }
}

/// Rejects an empty list and one that is not strictly increasing.
pub(super) fn check_increasing(th: &[f64]) -> Result<(), CalibrationError> {
    if th.is_empty() {
        return Err(CalibrationError::NoThresholds);
    }
    check_finite(th)?;
    for (position, w) in th.windows(2).enumerate() {
        if w[1] <= w[0] {
            return Err(CalibrationError::NotIncreasing {
                position: position + 1,
                previous: w[0],
                value: w[1],
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

    #[test]
    fn autotraits() {
        has_autotraits::<Thresholds>();
        has_autotraits::<BellThresholds>();
        has_autotraits::<Anchors>();
        has_autotraits::<Direction>();
        has_autotraits::<BellShape>();
        has_autotraits::<Anchor>();
    }

    #[test]
    fn anchors_read_and_move_one_value() {
        let th = Thresholds::new(1.0, 2.0, 3.0).unwrap();
        for (anchor, value) in Anchor::ALL.into_iter().zip([1.0, 2.0, 3.0]) {
            assert_eq!(th.anchor(anchor), value);
            assert_eq!(th.with_anchor(anchor, value), Ok(th));
        }
        assert_eq!(
            th.with_anchor(Anchor::Exclusion, 0.5),
            Thresholds::new(0.5, 2.0, 3.0)
        );
        assert_eq!(
            th.with_anchor(Anchor::Inclusion, 1.5),
            Err(CalibrationError::NotMonotone {
                exclusion: 1.0,
                crossover: 2.0,
                inclusion: 1.5
            })
        );
        assert!(matches!(
            th.with_anchor(Anchor::Crossover, f64::NAN),
            Err(CalibrationError::ThresholdNotFinite { position: 1, .. })
        ));
    }

    #[test]
    fn rejects_nan_threshold() {
        assert!(matches!(
            Thresholds::new(1.0, f64::NAN, 3.0),
            Err(CalibrationError::ThresholdNotFinite { position: 1, .. })
        ));
    }

    #[test]
    fn rejects_infinite_threshold() {
        assert!(matches!(
            Thresholds::new(1.0, 2.0, f64::INFINITY),
            Err(CalibrationError::ThresholdNotFinite { position: 2, .. })
        ));
        assert!(matches!(
            BellThresholds::new(1.0, 2.0, 3.0, 4.0, 5.0, f64::NEG_INFINITY),
            Err(CalibrationError::ThresholdNotFinite { position: 5, .. })
        ));
    }

    #[test]
    fn rejects_equal_thresholds() {
        assert_eq!(
            Thresholds::new(2.0, 2.0, 3.0),
            Err(CalibrationError::NotMonotone {
                exclusion: 2.0,
                crossover: 2.0,
                inclusion: 3.0
            })
        );
    }

    #[test]
    fn rejects_non_monotone_thresholds() {
        assert!(matches!(
            Thresholds::new(1.0, 3.0, 2.0),
            Err(CalibrationError::NotMonotone { .. })
        ));
    }

    #[test]
    fn rejects_bad_bell() {
        assert!(matches!(
            BellThresholds::new(1.0, 2.0, 3.0, 2.5, 5.0, 6.0),
            Err(CalibrationError::NotBell { .. })
        ));
        // equal crossovers: a bell with no room for its top
        assert!(matches!(
            BellThresholds::new(1.0, 2.0, 2.0, 2.0, 2.0, 6.0),
            Err(CalibrationError::NotBell { .. })
        ));
    }

    #[test]
    fn increasing_list_checks() {
        assert_eq!(check_increasing(&[]), Err(CalibrationError::NoThresholds));
        assert_eq!(
            check_increasing(&[1.0, 3.0, 3.0]),
            Err(CalibrationError::NotIncreasing {
                position: 2,
                previous: 3.0,
                value: 3.0
            })
        );
        assert!(check_increasing(&[1.0, 2.0]).is_ok());
    }

    #[test]
    fn directions() {
        assert_eq!(
            Thresholds::new(1.0, 2.0, 3.0).map(|t| t.direction()),
            Ok(Direction::Increasing)
        );
        assert_eq!(
            Thresholds::new(3.0, 2.0, 1.0).map(|t| t.direction()),
            Ok(Direction::Decreasing)
        );
    }
}
