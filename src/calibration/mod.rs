//! Calibration: from raw values to set memberships.
//!
//! Set-theoretic methods need every case's degree of membership in every set. Calibration turns
//! raw measurements into such memberships using qualitative anchors chosen from substantive
//! knowledge (Ragin 2008, *Redesigning Social Inquiry*, ch. 5). This module reproduces the
//! calibrations of Dușa's R package QCA (`calibrate()`, whose argument names it keeps) to 1e-9,
//! and adds the two helpers that published analyses often use by hand:
//!
//! | R QCA                                                | here                               |
//! |------------------------------------------------------|------------------------------------|
//! | `calibrate(x, thresholds = "e, c, i")`               | [`DirectOptions`] + [`Thresholds`] |
//! | `logistic = FALSE`, `below`, `above`, `ecdf = TRUE`  | [`Curve`], [`DirectOptions::below`] |
//! | six thresholds `e1, c1, i1, i2, c2, e2`              | [`BellThresholds`]                 |
//! | `type = "crisp"`                                     | [`Crisp`]                          |
//! | `method = "indirect"`                                | [`Indirect`]                       |
//! | `method = "TFR"`                                     | [`Tfr`]                            |
//! | (a recode table)                                     | [`OrdinalCoding`]                  |
//! | `rank()`                                             | [`rank`] with [`RankOrder`], [`Ties`] |
//!
//! Settings and thresholds are validated when they are built or before any value is read; bad
//! input is a [`CalibrationError`], never a panic. Every calibration accepts anything that views
//! as a 1-D array (`&Array1<f64>`, `ArrayView1`, slices, `&Vec<f64>`) and returns an
//! `Array1<f64>`; [`calibrate_column`] adds the result to a [`Dataset`](crate::Dataset).
//!
//! # Example
//! ```
//! use fsqca::calibration::{Curve, DirectOptions, Thresholds};
//!
//! let heights = [160.0, 175.0, 190.0];
//! let tall = Thresholds::new(165.0, 175.0, 185.0)?;
//! let short = Thresholds::new(185.0, 175.0, 165.0)?; // decreasing: e > c > i
//! let m = DirectOptions::new().calibrate(&heights, tall)?;
//! assert!(m[0] < 0.05 && m[1] == 0.5 && m[2] > 0.95);
//! let s = DirectOptions::new().curve(Curve::Linear).calibrate(&heights, short)?;
//! assert_eq!(s.to_vec(), [1.0, 0.5, 0.0]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod column;
mod crisp;
mod direct;
mod error;
mod indirect;
mod ordinal;
mod rank;
mod tfr;
mod thresholds;

pub use self::column::calibrate_column;
pub use self::crisp::Crisp;
pub use self::direct::{Clamp, Curve, DirectOptions};
pub use self::error::CalibrationError;
pub use self::indirect::Indirect;
pub use self::ordinal::OrdinalCoding;
pub use self::rank::{rank, RankOrder, Ties};
pub use self::tfr::Tfr;
pub use self::thresholds::{Anchor, Anchors, BellShape, BellThresholds, Direction, Thresholds};
