//! The direct method of calibration (Ragin 2008, ch. 5), as computed by Dușa's QCA.

use ndarray::{Array1, ArrayView1, AsArray};

use super::thresholds::{Anchors, BellShape, BellThresholds, Direction, Thresholds};
use super::CalibrationError;
use crate::sets::FuzzySet;

/// The relative tolerance of R's `all.equal` (the square root of the f64 machine epsilon), used
/// by R QCA to let a value equal to a threshold fall on the threshold's side of a branch.
pub(super) const TOLERANCE: f64 = 1.490_116_119_384_765_6e-8;

/// Memberships below this become 0 (R QCA's clamping of direct and indirect calibrations).
pub(super) const CLAMP_LOW: f64 = 1e-4;
/// Memberships above this become 1.
pub(super) const CLAMP_HIGH: f64 = 0.9999;

/// The curve between the three anchors of an s-shaped direct calibration.
///
/// Six anchors (bells) always use the piecewise power function of [`Curve::Linear`], whatever
/// this is set to: so does R QCA, where `logistic` and `ecdf` only apply to three thresholds.
///
/// # Example
/// ```
/// use fsqca::calibration::{Curve, DirectOptions, Thresholds};
///
/// let th = Thresholds::new(165.0, 175.0, 185.0)?;
/// let linear = DirectOptions::new().curve(Curve::Linear).calibrate(&[180.0], th)?;
/// assert!((linear[0] - 0.75).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Curve {
    /// The logistic function through `(e, 1 - idm)`, `(c, 0.5)`, `(i, idm)` (Ragin 2008),
    /// R QCA's `logistic = TRUE`.
    #[default]
    Logistic,
    /// Piecewise power functions, linear with the default exponents `below = above = 1`;
    /// R QCA's `logistic = FALSE`.
    Linear,
    /// The empirical cumulative distribution function of the raw values that lie between `e`
    /// and `i`, rescaled to 0.5 at `c`; R QCA's `logistic = FALSE, ecdf = TRUE`. (R QCA 3.25
    /// fails when no raw value lies outside `[e, i]` on one side; this crate does not.)
    Ecdf,
}

/// What happens to memberships very close to 0 or 1.
///
/// # Example
/// ```
/// use fsqca::calibration::{Clamp, DirectOptions, Thresholds};
///
/// let th = Thresholds::new(165.0, 175.0, 185.0)?;
/// assert_eq!(DirectOptions::new().calibrate(&[140.0], th)?[0], 0.0);
/// let raw = DirectOptions::new().clamp(Clamp::Off).calibrate(&[140.0], th)?;
/// assert!(raw[0] > 0.0 && raw[0] < 1e-4);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Clamp {
    /// As R QCA: memberships below 0.0001 become 0 and above 0.9999 become 1.
    #[default]
    Qca,
    /// Return the function's value unchanged.
    Off,
}

/// Settings of the direct method of calibration (Ragin 2008, ch. 5), with the argument names of
/// Dușa's QCA (`calibrate(x, thresholds, logistic, idm, ecdf, below, above)`).
///
/// Every setting, its setter, its getter (an options type's getter is `get_` and its setter's
/// name) and its default:
///
/// | setting | setter | getter | default | R QCA |
/// | --- | --- | --- | --- | --- |
/// | curve between three anchors | [`curve`](Self::curve) | [`get_curve`](Self::get_curve) | [`Curve::Logistic`] | `logistic = TRUE` |
/// | inclusion degree of membership | [`idm`](Self::idm) | [`get_idm`](Self::get_idm) | 0.95 | `idm = 0.95` |
/// | exponent between exclusion and crossover | [`below`](Self::below) | [`get_below`](Self::get_below) | 1 | `below = 1` |
/// | exponent between crossover and inclusion | [`above`](Self::above) | [`get_above`](Self::get_above) | 1 | `above = 1` |
/// | memberships within 1e-4 of 0 or 1 | [`clamp`](Self::clamp) | [`get_clamp`](Self::get_clamp) | [`Clamp::Qca`] | |
///
/// Setters take and return the value; [`DirectOptions::validate`], which
/// [`DirectOptions::calibrate`] runs before it reads any raw value, refuses an `idm` outside
/// (0.5, 1) and an exponent that is not positive and finite; no setting is changed silently
/// ([`Clamp`] is about memberships, not settings). One options value serves any number of
/// calibrations.
///
/// Formulas, for an increasing set (`e < c < i`); a decreasing one mirrors them:
/// - logistic: `L = ln(idm / (1 - idm))`; `1 / (1 + exp(-L (x - c) / (i - c)))` for `x >= c` and
///   `1 / (1 + exp(-L (x - c) / (c - e)))` below, so that `e`, `c`, `i` get `1 - idm`, 0.5, `idm`
///   (the decreasing case swaps `e` and `i` and returns one minus the result);
/// - linear: 0 up to `e`, `((e - x) / (e - c))^below / 2` up to `c`,
///   `1 - ((i - x) / (i - c))^above / 2` up to `i`, then 1;
/// - ecdf: with `F` the empirical distribution function of the raw values in `[e, i]`,
///   `F(x) / F(c) / 2` up to `c` and `1 - (1 - F(x)) / (1 - F(c)) / 2` up to `i`.
///
/// "Up to" includes the threshold, with the relative tolerance of R's `all.equal` (1.49e-8).
/// [`Clamp::Qca`] applies to every curve and shape, as in R QCA (a power curve with an exponent
/// above 1 gives memberships below 1e-4 near its anchors).
/// Six anchors ([`BellThresholds`]) join a rising and a falling linear side (or the reverse, for
/// an inverse bell).
///
/// # Example
/// ```
/// use fsqca::calibration::{DirectOptions, Thresholds};
///
/// let th = Thresholds::new(165.0, 175.0, 185.0)?;
/// let m = DirectOptions::new().calibrate(&[165.0, 175.0, 185.0], th)?;
/// assert!((m[0] - 0.05).abs() < 1e-12 && (m[1] - 0.5).abs() < 1e-12 && (m[2] - 0.95).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[must_use]
pub struct DirectOptions {
    curve: Curve,
    idm: f64,
    below: f64,
    above: f64,
    clamp: Clamp,
}

impl Default for DirectOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl DirectOptions {
    /// The default settings (see the table of [`DirectOptions`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::{Curve, DirectOptions};
    /// assert_eq!(DirectOptions::new().get_curve(), Curve::Logistic);
    /// assert_eq!(DirectOptions::new(), DirectOptions::default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Self {
        Self {
            curve: Curve::Logistic,
            idm: 0.95,
            below: 1.0,
            above: 1.0,
            clamp: Clamp::Qca,
        }
    }

    /// The curve between three anchors (default [`Curve::Logistic`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::{Curve, DirectOptions};
    /// let options = DirectOptions::new().curve(Curve::Linear);
    /// assert_eq!(options.get_curve(), Curve::Linear);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn curve(mut self, curve: Curve) -> Self {
        self.curve = curve;
        self
    }

    /// The inclusion degree of membership: the logistic membership at the inclusion anchor
    /// (default 0.95; must lie in (0.5, 1)). Only the logistic curve uses it.
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::{Clamp, DirectOptions, Thresholds};
    /// let th = Thresholds::new(165.0, 175.0, 185.0)?;
    /// let m = DirectOptions::new().idm(0.99).calibrate(&[185.0], th)?;
    /// assert!((m[0] - 0.99).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn idm(mut self, idm: f64) -> Self {
        self.idm = idm;
        self
    }

    /// The exponent of the power function between exclusion and crossover (default 1, linear;
    /// must be positive). Above 1 concentrates, below 1 dilates.
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::{Curve, DirectOptions, Thresholds};
    /// let th = Thresholds::new(0.0, 10.0, 20.0)?;
    /// let m = DirectOptions::new().curve(Curve::Linear).below(2.0).calibrate(&[5.0], th)?;
    /// assert!((m[0] - 0.125).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn below(mut self, below: f64) -> Self {
        self.below = below;
        self
    }

    /// The exponent of the power function between crossover and inclusion (default 1, linear;
    /// must be positive).
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::{Curve, DirectOptions, Thresholds};
    /// let th = Thresholds::new(0.0, 10.0, 20.0)?;
    /// let m = DirectOptions::new().curve(Curve::Linear).above(2.0).calibrate(&[15.0], th)?;
    /// assert!((m[0] - 0.875).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn above(mut self, above: f64) -> Self {
        self.above = above;
        self
    }

    /// What to do with memberships within 1e-4 of 0 or 1 (default [`Clamp::Qca`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::{Clamp, DirectOptions};
    /// let options = DirectOptions::new().clamp(Clamp::Off);
    /// assert_eq!(options.get_clamp(), Clamp::Off);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn clamp(mut self, clamp: Clamp) -> Self {
        self.clamp = clamp;
        self
    }

    /// The curve (see [`DirectOptions::curve`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::{Curve, DirectOptions};
    /// assert_eq!(DirectOptions::new().get_curve(), Curve::Logistic);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_curve(&self) -> Curve {
        self.curve
    }

    /// The inclusion degree of membership (see [`DirectOptions::idm`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::DirectOptions;
    /// assert_eq!(DirectOptions::new().get_idm(), 0.95);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_idm(&self) -> f64 {
        self.idm
    }

    /// The exponent between exclusion and crossover (see [`DirectOptions::below`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::DirectOptions;
    /// assert_eq!(DirectOptions::new().get_below(), 1.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_below(&self) -> f64 {
        self.below
    }

    /// The exponent between crossover and inclusion (see [`DirectOptions::above`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::DirectOptions;
    /// assert_eq!(DirectOptions::new().get_above(), 1.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_above(&self) -> f64 {
        self.above
    }

    /// What is done with memberships within 1e-4 of 0 or 1 (see [`DirectOptions::clamp`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::{Clamp, DirectOptions};
    /// assert_eq!(DirectOptions::new().get_clamp(), Clamp::Qca);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_clamp(&self) -> Clamp {
        self.clamp
    }

    /// Checks the settings: `idm` in (0.5, 1), exponents positive and finite.
    ///
    /// # Errors
    /// [`CalibrationError::Idm`], [`CalibrationError::Exponent`].
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::DirectOptions;
    /// assert!(DirectOptions::new().validate().is_ok());
    /// assert!(DirectOptions::new().idm(0.5).validate().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), CalibrationError> {
        // Written so that NaN fails too.
        if !(self.idm > 0.5 && self.idm < 1.0) {
            return Err(CalibrationError::Idm { idm: self.idm });
        }
        for (name, value) in [("below", self.below), ("above", self.above)] {
            if !(value > 0.0 && value.is_finite()) {
                return Err(CalibrationError::Exponent { name, value });
            }
        }
        Ok(())
    }

    /// Calibrates raw values with the direct method.
    ///
    /// `x` is anything that views as a 1-D array of `f64`: `&Array1<f64>`, an `ArrayView1`, a
    /// slice, `&Vec<f64>` or `&[f64; N]`. The result has one membership per value, in order.
    ///
    /// # Errors
    /// The settings' errors ([`DirectOptions::validate`]), then
    /// [`CalibrationError::Empty`] for no values and [`CalibrationError::NotFinite`] for the first
    /// NaN or infinite value.
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::{DirectOptions, Thresholds};
    ///
    /// // Ragin (2008): GNP per capita, fully out at 2,500, crossover 5,000, fully in at 20,000
    /// let th = Thresholds::new(2500.0, 5000.0, 20000.0)?;
    /// let m = DirectOptions::new().calibrate(&vec![40110.0, 5000.0, 1000.0], th)?;
    /// assert!(m[0] > 0.99 && (m[1] - 0.5).abs() < 1e-12 && m[2] < 0.01);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn calibrate<'a, V: AsArray<'a, f64>>(
        &self,
        x: V,
        anchors: impl Into<Anchors>,
    ) -> Result<Array1<f64>, CalibrationError> {
        self.validate()?;
        let x = checked_values(x)?;
        let mut out = match anchors.into() {
            Anchors::SShaped(th) => match self.curve {
                Curve::Logistic => x.mapv(|v| logistic(v, &th, self.idm)),
                Curve::Linear => x.mapv(|v| linear(v, &th, self.below, self.above)),
                Curve::Ecdf => ecdf(x, &th),
            },
            Anchors::Bell(th) => x.mapv(|v| bell(v, &th, self.below, self.above)),
        };
        if self.clamp == Clamp::Qca {
            out.mapv_inplace(clamp_qca);
        }
        Ok(out)
    }
}

impl DirectOptions {
    /// Calibrates like [`DirectOptions::calibrate`] and wraps the result as a named
    /// [`FuzzySet`].
    ///
    /// # Errors
    /// The errors of [`DirectOptions::calibrate`].
    ///
    /// # Example
    /// ```
    /// use fsqca::calibration::{DirectOptions, Thresholds};
    /// let th = Thresholds::new(165.0, 175.0, 185.0)?;
    /// let tall = DirectOptions::new().fuzzy_set("TALL", &[160.0, 190.0], th)?;
    /// assert_eq!(tall.name(), "TALL");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fuzzy_set<'a, V: AsArray<'a, f64>>(
        &self,
        name: impl Into<String>,
        x: V,
        anchors: impl Into<Anchors>,
    ) -> Result<FuzzySet, CalibrationError> {
        let values = self.calibrate(x, anchors)?;
        Ok(FuzzySet::new(name, values)?)
    }
}

/// R QCA's clamping: below 1e-4 to 0, above 0.9999 to 1.
pub(super) fn clamp_qca(m: f64) -> f64 {
    if m < CLAMP_LOW {
        0.0
    } else if m > CLAMP_HIGH {
        1.0
    } else {
        m
    }
}

/// The raw values every calibration takes, as a view: an empty input is refused, and so is
/// the first value that is NaN or infinite, by its position.
pub(super) fn checked_values<'a, V: AsArray<'a, f64>>(
    x: V,
) -> Result<ArrayView1<'a, f64>, CalibrationError> {
    let x: ArrayView1<'a, f64> = x.into();
    if x.is_empty() {
        return Err(CalibrationError::Empty);
    }
    match x.iter().position(|v| !v.is_finite()) {
        Some(index) => Err(CalibrationError::NotFinite {
            index,
            value: x[index],
        }),
        None => Ok(x),
    }
}

/// `x == t` within the relative tolerance of R's `all.equal(x, t)`.
fn near(x: f64, t: f64) -> bool {
    let diff = (x - t).abs();
    if x.abs() > TOLERANCE {
        diff / x.abs() <= TOLERANCE
    } else {
        diff <= TOLERANCE
    }
}

/// The tolerant `x <= t` of R QCA's branches.
fn le(x: f64, t: f64) -> bool {
    x < t || near(x, t)
}

fn logistic(x: f64, th: &Thresholds, idm: f64) -> f64 {
    let l = (idm / (1.0 - idm)).ln();
    let (e, c, i) = match th.direction() {
        Direction::Increasing => (th.exclusion(), th.crossover(), th.inclusion()),
        Direction::Decreasing => (th.inclusion(), th.crossover(), th.exclusion()),
    };
    let m = if x < c {
        1.0 / (1.0 + (l * (x - c) / (e - c)).exp())
    } else {
        1.0 / (1.0 + (-l * (x - c) / (i - c)).exp())
    };
    match th.direction() {
        Direction::Increasing => m,
        Direction::Decreasing => 1.0 - m,
    }
}

/// The rising power piece from `(e, 0)` through `(c, 0.5)`.
fn low_piece(x: f64, e: f64, c: f64, below: f64) -> f64 {
    power((e - x) / (e - c), below) / 2.0
}

/// The piece from `(c, 0.5)` to `(i, 1)`.
fn high_piece(x: f64, i: f64, c: f64, above: f64) -> f64 {
    1.0 - power((i - x) / (i - c), above) / 2.0
}

/// `base^exponent`, skipping `powf` for the default exponent 1 (same value, twice as fast).
fn power(base: f64, exponent: f64) -> f64 {
    if exponent == 1.0 {
        base
    } else {
        base.powf(exponent)
    }
}

fn linear(x: f64, th: &Thresholds, below: f64, above: f64) -> f64 {
    let (e, c, i) = (th.exclusion(), th.crossover(), th.inclusion());
    match th.direction() {
        Direction::Increasing => {
            if le(x, e) {
                0.0
            } else if le(x, c) {
                low_piece(x, e, c, below)
            } else if le(x, i) {
                high_piece(x, i, c, above)
            } else {
                1.0
            }
        }
        Direction::Decreasing => {
            if le(x, i) {
                1.0
            } else if le(x, c) {
                high_piece(x, i, c, above)
            } else if le(x, e) {
                low_piece(x, e, c, below)
            } else {
                0.0
            }
        }
    }
}

fn bell(x: f64, th: &BellThresholds, below: f64, above: f64) -> f64 {
    let [e1, c1, i1, i2, c2, e2] = th.thresholds();
    match th.shape() {
        BellShape::Bell => {
            if le(x, e1) {
                0.0
            } else if le(x, c1) {
                low_piece(x, e1, c1, below)
            } else if x < i1 {
                high_piece(x, i1, c1, above)
            } else if le(x, i2) {
                1.0
            } else if le(x, c2) {
                high_piece(x, i2, c2, above)
            } else if le(x, e2) {
                low_piece(x, e2, c2, below)
            } else {
                0.0
            }
        }
        BellShape::InverseBell => {
            if le(x, i1) {
                1.0
            } else if le(x, c1) {
                high_piece(x, i1, c1, above)
            } else if x < e1 {
                low_piece(x, e1, c1, below)
            } else if le(x, e2) {
                0.0
            } else if le(x, c2) {
                low_piece(x, e2, c2, below)
            } else if le(x, i2) {
                high_piece(x, i2, c2, above)
            } else {
                1.0
            }
        }
    }
}

/// The ecdf variant: `F` is the empirical distribution of the values within `[e, i]` (both
/// ends included, whatever the direction).
fn ecdf(x: ArrayView1<'_, f64>, th: &Thresholds) -> Array1<f64> {
    let (e, c, i) = (th.exclusion(), th.crossover(), th.inclusion());
    let (lo, hi) = (e.min(i), e.max(i));
    // R takes the values within [e, i] exactly; the tolerant ends here (same values unless one
    // lies within 1.5e-8 of an end) put every value that the middle branches see in the sample.
    let mut sample: Vec<f64> = x
        .iter()
        .copied()
        .filter(|&v| (lo < v || near(v, lo)) && le(v, hi))
        .collect();
    sample.sort_by(f64::total_cmp);
    let n = sample.len() as f64;
    let f = |v: f64| sample.partition_point(|&s| s <= v) as f64 / n;
    let fc = f(c);
    // With the sample drawn from `x` itself, `F(c)` is 0 (or 1) only when a value lies beyond `c`
    // by less than the tolerance: such a value sits at the crossover.
    let lower = |v: f64| if fc > 0.0 { f(v) / fc / 2.0 } else { 0.5 };
    let upper = |v: f64| {
        if fc < 1.0 {
            (1.0 - f(v)) / (1.0 - fc) / 2.0
        } else {
            0.5
        }
    };
    x.mapv(|v| match th.direction() {
        Direction::Increasing => {
            if le(v, e) {
                0.0
            } else if le(v, c) {
                lower(v)
            } else if le(v, i) {
                1.0 - upper(v)
            } else {
                1.0
            }
        }
        Direction::Decreasing => {
            if le(v, i) {
                1.0
            } else if le(v, c) {
                1.0 - lower(v)
            } else if le(v, e) {
                upper(v)
            } else {
                0.0
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

    fn th() -> Thresholds {
        Thresholds::new(165.0, 175.0, 185.0).unwrap()
    }

    /// Each setter is read back by `get_<setter>`: renaming a getter breaks this test.
    #[test]
    fn every_setter_is_read_back_by_its_get_getter() {
        let o = DirectOptions::new()
            .curve(Curve::Ecdf)
            .idm(0.99)
            .below(2.0)
            .above(0.5)
            .clamp(Clamp::Off);
        assert_eq!(o.get_curve(), Curve::Ecdf);
        assert_eq!(o.get_idm(), 0.99);
        assert_eq!(o.get_below(), 2.0);
        assert_eq!(o.get_above(), 0.5);
        assert_eq!(o.get_clamp(), Clamp::Off);
        assert_eq!(o.validate(), Ok(()));
        assert_eq!(DirectOptions::new(), DirectOptions::default());
    }

    /// Invalid settings are refused by `validate`, kept as given, never clamped.
    #[test]
    fn invalid_settings_are_refused_not_clamped() {
        let o = DirectOptions::new().idm(1.0);
        assert_eq!(o.get_idm(), 1.0);
        assert_eq!(o.validate(), Err(CalibrationError::Idm { idm: 1.0 }));
        let o = DirectOptions::new().above(-1.0);
        assert_eq!(o.get_above(), -1.0);
        assert_eq!(
            o.validate(),
            Err(CalibrationError::Exponent {
                name: "above",
                value: -1.0
            })
        );
    }

    #[test]
    fn autotraits() {
        has_autotraits::<DirectOptions>();
        has_autotraits::<Curve>();
        has_autotraits::<Clamp>();
    }

    #[test]
    fn rejects_idm_at_half() {
        assert_eq!(
            DirectOptions::new().idm(0.5).calibrate(&[1.0], th()),
            Err(CalibrationError::Idm { idm: 0.5 })
        );
    }

    #[test]
    fn rejects_idm_at_one_and_nan() {
        assert_eq!(
            DirectOptions::new().idm(1.0).calibrate(&[1.0], th()),
            Err(CalibrationError::Idm { idm: 1.0 })
        );
        assert!(matches!(
            DirectOptions::new().idm(f64::NAN).calibrate(&[1.0], th()),
            Err(CalibrationError::Idm { .. })
        ));
    }

    #[test]
    fn rejects_non_positive_below() {
        assert_eq!(
            DirectOptions::new().below(0.0).calibrate(&[1.0], th()),
            Err(CalibrationError::Exponent {
                name: "below",
                value: 0.0
            })
        );
    }

    #[test]
    fn rejects_negative_or_infinite_above() {
        assert_eq!(
            DirectOptions::new().above(-1.0).calibrate(&[1.0], th()),
            Err(CalibrationError::Exponent {
                name: "above",
                value: -1.0
            })
        );
        assert!(matches!(
            DirectOptions::new()
                .above(f64::INFINITY)
                .calibrate(&[1.0], th()),
            Err(CalibrationError::Exponent { name: "above", .. })
        ));
    }

    #[test]
    fn rejects_empty_input() {
        let x: [f64; 0] = [];
        assert_eq!(
            DirectOptions::new().calibrate(&x, th()),
            Err(CalibrationError::Empty)
        );
    }

    #[test]
    fn rejects_nan_input() {
        assert!(matches!(
            DirectOptions::new().calibrate(&[170.0, f64::NAN], th()),
            Err(CalibrationError::NotFinite { index: 1, .. })
        ));
    }

    #[test]
    fn rejects_infinite_input() {
        assert_eq!(
            DirectOptions::new().calibrate(&[f64::INFINITY], th()),
            Err(CalibrationError::NotFinite {
                index: 0,
                value: f64::INFINITY
            })
        );
    }

    #[test]
    fn logistic_anchors() {
        let m = DirectOptions::new()
            .calibrate(&[165.0, 175.0, 185.0], th())
            .unwrap();
        assert_abs_diff_eq!(m[0], 0.05, epsilon = 1e-12);
        assert_abs_diff_eq!(m[1], 0.5, epsilon = 1e-12);
        assert_abs_diff_eq!(m[2], 0.95, epsilon = 1e-12);
        let dec = Thresholds::new(185.0, 175.0, 165.0).unwrap();
        let m = DirectOptions::new()
            .calibrate(&[165.0, 175.0, 185.0], dec)
            .unwrap();
        assert_abs_diff_eq!(m[0], 0.95, epsilon = 1e-12);
        assert_abs_diff_eq!(m[2], 0.05, epsilon = 1e-12);
    }

    #[test]
    fn linear_tolerant_at_threshold() {
        let lin = DirectOptions::new().curve(Curve::Linear);
        let m = lin.calibrate(&[165.0, 175.0 + 1e-12, 185.0], th()).unwrap();
        assert_eq!(m[0], 0.0);
        assert_abs_diff_eq!(m[1], 0.5, epsilon = 1e-9);
        assert_eq!(m[2], 1.0);
    }

    #[test]
    fn bell_and_inverse() {
        let b = BellThresholds::new(0.0, 1.0, 2.0, 3.0, 4.0, 5.0).unwrap();
        let m = DirectOptions::new()
            .calibrate(&[0.0, 0.5, 1.0, 2.5, 4.0, 4.5, 6.0], b)
            .unwrap();
        assert_eq!(m.to_vec(), [0.0, 0.25, 0.5, 1.0, 0.5, 0.25, 0.0]);
        let ib = BellThresholds::new(2.0, 1.0, 0.0, 5.0, 4.0, 3.0).unwrap();
        let m = DirectOptions::new()
            .calibrate(&[0.0, 0.5, 1.0, 2.5, 4.0, 4.5, 6.0], ib)
            .unwrap();
        assert_eq!(m.to_vec(), [1.0, 0.75, 0.5, 0.0, 0.5, 0.75, 1.0]);
    }

    #[test]
    fn ecdf_decreasing_mirrors() {
        let th = Thresholds::new(10.0, 5.0, 0.0).unwrap();
        let x = [-1.0, 1.0, 2.0, 5.0, 7.0, 10.0, 11.0];
        let m = DirectOptions::new()
            .curve(Curve::Ecdf)
            .calibrate(&x, th)
            .unwrap();
        let expected = [1.0, 1.0 - 1.0 / 6.0, 1.0 - 2.0 / 6.0, 0.5, 0.25, 0.0, 0.0];
        for (a, b) in m.iter().zip(expected) {
            assert_abs_diff_eq!(*a, b, epsilon = 1e-15);
        }
    }

    #[test]
    fn ecdf_value_just_beyond_inclusion_is_in_the_sample() {
        let th = Thresholds::new(0.0, 5.0, 10.0).unwrap();
        let m = DirectOptions::new()
            .curve(Curve::Ecdf)
            .calibrate(&[-1.0, 10.0 * (1.0 + 1e-10)], th)
            .unwrap();
        assert_eq!(m.to_vec(), [0.0, 1.0]);
    }

    #[test]
    fn ecdf_rescales_at_crossover() {
        let th = Thresholds::new(0.0, 5.0, 10.0).unwrap();
        let x = [-1.0, 1.0, 2.0, 5.0, 7.0, 10.0, 11.0];
        let m = DirectOptions::new()
            .curve(Curve::Ecdf)
            .calibrate(&x, th)
            .unwrap();
        let expected = [0.0, 1.0 / 6.0, 2.0 / 6.0, 0.5, 0.75, 1.0, 1.0];
        for (a, b) in m.iter().zip(expected) {
            assert_abs_diff_eq!(*a, b, epsilon = 1e-15);
        }
    }
}
