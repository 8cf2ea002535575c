//! Skew and cases at the crossover of calibrated sets (SetMethods' `skew.check` and
//! `ambig.cases`), with a threshold that flags skewed sets.

use super::error::DiagnosticsError;
use crate::data::Dataset;

/// The default skew threshold: a set is flagged when fewer than 20% or more than 80% of its
/// cases are above 0.5.
///
/// SetMethods prints the share and leaves the verdict to the reader, and no cut-off is
/// standard. 20% is this crate's convention, not a published rule: the smaller side of the
/// crossover holds fewer than one case in five, so a relation with the set is judged on a
/// handful of cases. Set your own with [`DiagnoseOptions::skew_threshold`] (0 never flags).
///
/// # Example
/// ```
/// use fsqca::diagnostics::{DiagnoseOptions, DEFAULT_SKEW_THRESHOLD};
/// assert_eq!(DiagnoseOptions::new().get_skew_threshold(), DEFAULT_SKEW_THRESHOLD);
/// ```
pub const DEFAULT_SKEW_THRESHOLD: f64 = 0.2;

/// Options of the calibration diagnostics: the share of cases above 0.5 under which (or above
/// one minus which) a set is flagged as skewed.
///
/// | option | default | meaning |
/// |---|---|---|
/// | [`skew_threshold`](Self::skew_threshold) | [`DEFAULT_SKEW_THRESHOLD`] (0.2) | flag a set when fewer than this share of its cases, or fewer than this share not, are above 0.5; from 0 to 0.5 |
///
/// # Example
/// ```
/// use fsqca::{diagnostics::{DiagnoseOptions, Skew}, Dataset};
///
/// // JOBF (SetMethods): 13 of the 51 workers are in LJS, low job security.
/// let data = Dataset::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/setmethods/JOBF.csv"))?;
/// let report = DiagnoseOptions::new().diagnose(&data, &["LJS", "HM"])?;
/// let ljs = &report.sets[0];
/// assert_eq!((ljs.n_above_half, ljs.n_cases), (13, 51));
/// assert_eq!(ljs.skew, None); // 25.5% is within 20% .. 80%
/// let strict = DiagnoseOptions::new().skew_threshold(0.3).diagnose(&data, &["LJS"])?;
/// assert_eq!(strict.sets[0].skew, Some(Skew::MostlyOut));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DiagnoseOptions {
    skew_threshold: f64,
}

impl Default for DiagnoseOptions {
    fn default() -> Self {
        Self {
            skew_threshold: DEFAULT_SKEW_THRESHOLD,
        }
    }
}

/// Which way a flagged set is skewed.
///
/// # Example
/// ```
/// use fsqca::{diagnostics::{DiagnoseOptions, Skew}, Dataset};
///
/// let data = Dataset::from_columns([("A", vec![0.9, 0.8, 0.7, 0.6, 0.95])])?;
/// let report = DiagnoseOptions::new().diagnose(&data, &["A"])?;
/// assert_eq!(report.sets[0].skew, Some(Skew::MostlyIn));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Skew {
    /// Fewer cases than the threshold's share are above 0.5: most cases are out of the set.
    MostlyOut,
    /// More cases than one minus the threshold's share are above 0.5: most are in the set.
    MostlyIn,
}

/// A case with a membership of exactly 0.5 in a set (SetMethods' `ambig.cases`).
///
/// # Example
/// ```
/// use fsqca::{diagnostics::DiagnoseOptions, Dataset};
///
/// let data = Dataset::from_columns([("A", vec![0.9, 0.5])])?.with_cases(["x", "y"])?;
/// let report = DiagnoseOptions::new().diagnose(&data, &["A"])?;
/// assert_eq!((report.sets[0].at_half[0].row, report.sets[0].at_half[0].case.as_str()), (1, "y"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct AmbiguousCase {
    /// The case's position in the data set, from 0 (SetMethods gives it from 1).
    pub row: usize,
    /// The case's label.
    pub case: String,
}

/// The diagnostics of one set.
///
/// # Example
/// ```
/// use fsqca::{diagnostics::DiagnoseOptions, Dataset};
///
/// let data = Dataset::from_columns([("A", vec![0.9, 0.5, 0.2, 0.7])])?;
/// let a = &DiagnoseOptions::new().diagnose(&data, &["A"])?.sets[0];
/// assert_eq!((a.n_above_half, a.n_cases, a.share_above_half), (2, 4, 0.5));
/// assert_eq!(a.at_half.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct SetDiagnostics {
    /// The set (a column of the data set).
    pub set: String,
    /// The number of cases.
    pub n_cases: usize,
    /// The number of cases with a membership strictly above 0.5.
    pub n_above_half: usize,
    /// `n_above_half / n_cases`, exact (SetMethods prints it as a percentage rounded to two
    /// decimals).
    pub share_above_half: f64,
    /// The cases with a membership of exactly 0.5, in data order.
    pub at_half: Vec<AmbiguousCase>,
    /// Whether the share is outside the threshold's band, and which way; `None` if not. The
    /// upper side is decided as "the cases not above 0.5 are fewer than the threshold's
    /// share", so that 80% of the cases is not flagged at the default 20% by a rounding of
    /// 1 - 0.2.
    pub skew: Option<Skew>,
}

/// The calibration diagnostics of some sets, with the threshold that flagged them.
///
/// # Example
/// ```
/// use fsqca::{diagnostics::DiagnoseOptions, Dataset};
///
/// let data = Dataset::from_columns([("A", vec![0.9, 0.1]), ("B", vec![0.5, 0.5])])?;
/// let report = DiagnoseOptions::new().diagnose(&data, &["A", "B"])?;
/// assert_eq!(report.skew_threshold, 0.2);
/// assert_eq!(report.at_half().count(), 2); // both cases of B
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Diagnostics {
    /// The skew threshold used.
    pub skew_threshold: f64,
    /// Each set's diagnostics, in the order asked for.
    pub sets: Vec<SetDiagnostics>,
}

impl Diagnostics {
    /// Every (set, case) pair at exactly 0.5, set by set (SetMethods' `ambig.cases` lists
    /// them as row and column positions).
    ///
    /// # Example
    /// ```
    /// use fsqca::{diagnostics::DiagnoseOptions, Dataset};
    ///
    /// let data = Dataset::from_columns([("A", vec![0.5, 0.1]), ("B", vec![0.3, 0.5])])?;
    /// let report = DiagnoseOptions::new().diagnose(&data, &["A", "B"])?;
    /// let pairs: Vec<(&str, usize)> = report.at_half().map(|(s, c)| (s, c.row)).collect();
    /// assert_eq!(pairs, [("A", 0), ("B", 1)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn at_half(&self) -> impl Iterator<Item = (&str, &AmbiguousCase)> {
        self.sets
            .iter()
            .flat_map(|s| s.at_half.iter().map(move |c| (s.set.as_str(), c)))
    }
}

impl DiagnoseOptions {
    /// The default options (see the type's docs).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::diagnostics::DiagnoseOptions::new().get_skew_threshold(), 0.2);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the skew threshold: a set is flagged when the share of its cases above 0.5 is
    /// below `share` or above `1 - share`. From 0 (never flag) to 0.5; checked by
    /// [`validate`](Self::validate), which [`diagnose`](Self::diagnose) runs first.
    ///
    /// # Example
    /// ```
    /// let options = fsqca::diagnostics::DiagnoseOptions::new().skew_threshold(0.1);
    /// assert_eq!(options.get_skew_threshold(), 0.1);
    /// ```
    pub fn skew_threshold(mut self, share: f64) -> Self {
        self.skew_threshold = share;
        self
    }

    /// The skew threshold.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::diagnostics::DiagnoseOptions::default().get_skew_threshold(), 0.2);
    /// ```
    pub fn get_skew_threshold(&self) -> f64 {
        self.skew_threshold
    }

    /// Checks the options: the skew threshold is a share from 0 to 0.5.
    ///
    /// # Errors
    /// [`DiagnosticsError::InvalidSkewThreshold`] otherwise (NaN included).
    ///
    /// # Example
    /// ```
    /// use fsqca::diagnostics::{DiagnoseOptions, DiagnosticsError};
    /// let err = DiagnoseOptions::new().skew_threshold(0.6).validate().unwrap_err();
    /// assert!(matches!(err, DiagnosticsError::InvalidSkewThreshold { value } if value == 0.6));
    /// ```
    pub fn validate(&self) -> Result<(), DiagnosticsError> {
        if (0.0..=0.5).contains(&self.skew_threshold) {
            Ok(())
        } else {
            Err(DiagnosticsError::InvalidSkewThreshold {
                value: self.skew_threshold,
            })
        }
    }

    /// The diagnostics of the named sets (columns of `data`), in the order given: per set the
    /// cases above 0.5 and their share, the cases at exactly 0.5, and whether it is skewed.
    ///
    /// # Errors
    /// [`DiagnosticsError::InvalidSkewThreshold`] for a threshold that is not a share from 0
    /// to 0.5 ([`validate`](Self::validate) runs first); [`DiagnosticsError::Data`] for an unknown column, missing values, or a value
    /// outside [0, 1] (as SetMethods, which stops on uncalibrated values), naming the case
    /// and the value.
    ///
    /// # Complexity
    /// O(sets × cases).
    ///
    /// # Example
    /// ```
    /// use fsqca::{diagnostics::DiagnoseOptions, Dataset};
    ///
    /// // SCHLF (SetMethods): Austria's 2003 export membership sits at the crossover.
    /// let data = Dataset::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/setmethods/SCHLF.csv"))?;
    /// let report = DiagnoseOptions::new().diagnose(&data, &["EMP", "EXPORT"])?;
    /// let at_half: Vec<(&str, &str)> = report.at_half().map(|(s, c)| (s, c.case.as_str())).collect();
    /// assert_eq!(at_half, [("EXPORT", "Austria_03")]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn diagnose<S: AsRef<str>>(
        &self,
        data: &Dataset,
        sets: &[S],
    ) -> Result<Diagnostics, DiagnosticsError> {
        self.validate()?;
        let threshold = self.skew_threshold;
        let sets = sets
            .iter()
            .map(|name| {
                let set = data.fuzzy_set(name.as_ref())?;
                let values = set.values();
                let n_cases = values.len();
                let n_above_half = values.iter().filter(|&&v| v > 0.5).count();
                // A data set has at least one case.
                let share_above_half = n_above_half as f64 / n_cases as f64;
                // "Above 1 - threshold" as "the others below threshold": the same exact
                // division on both sides, with no rounding of 1 - threshold.
                let share_others = (n_cases - n_above_half) as f64 / n_cases as f64;
                let skew = if share_above_half < threshold {
                    Some(Skew::MostlyOut)
                } else if share_others < threshold {
                    Some(Skew::MostlyIn)
                } else {
                    None
                };
                let at_half = values
                    .iter()
                    .zip(data.cases())
                    .enumerate()
                    .filter(|(_, (&v, _))| v == 0.5)
                    .map(|(row, (_, case))| AmbiguousCase {
                        row,
                        case: case.clone(),
                    })
                    .collect();
                Ok(SetDiagnostics {
                    set: set.name().to_owned(),
                    n_cases,
                    n_above_half,
                    share_above_half,
                    at_half,
                    skew,
                })
            })
            .collect::<Result<_, DiagnosticsError>>()?;
        Ok(Diagnostics {
            skew_threshold: threshold,
            sets,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::DataError;
    use crate::sets::SetError;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

    #[test]
    fn autotraits() {
        has_autotraits::<DiagnoseOptions>();
        has_autotraits::<Diagnostics>();
        has_autotraits::<DiagnosticsError>();
    }

    fn five() -> Dataset {
        // A: 1 of 5 above 0.5 (20%); B: 4 of 5 (80%); C: 0 of 5, one at 0.5.
        Dataset::from_columns([
            ("A", vec![0.9, 0.1, 0.2, 0.3, 0.4]),
            ("B", vec![0.9, 0.6, 0.7, 0.8, 0.1]),
            ("C", vec![0.5, 0.1, 0.2, 0.3, 0.4]),
        ])
        .unwrap()
    }

    fn skews(threshold: f64) -> Vec<Option<Skew>> {
        DiagnoseOptions::new()
            .skew_threshold(threshold)
            .diagnose(&five(), &["A", "B", "C"])
            .unwrap()
            .sets
            .into_iter()
            .map(|s| s.skew)
            .collect()
    }

    #[test]
    fn a_share_on_the_threshold_is_not_flagged() {
        assert_eq!(skews(0.2), [None, None, Some(Skew::MostlyOut)]);
        assert_eq!(
            skews(0.21),
            [
                Some(Skew::MostlyOut),
                Some(Skew::MostlyIn),
                Some(Skew::MostlyOut)
            ]
        );
        assert_eq!(skews(0.0), [None, None, None]);
    }

    #[test]
    fn thresholds_outside_zero_to_half_are_refused() {
        for bad in [-0.1, 0.51, 1.0, f64::NAN, f64::INFINITY] {
            let err = DiagnoseOptions::new()
                .skew_threshold(bad)
                .diagnose(&five(), &["A"])
                .unwrap_err();
            assert!(
                matches!(err, DiagnosticsError::InvalidSkewThreshold { value } if value.is_nan() == bad.is_nan() && (bad.is_nan() || value == bad)),
                "{bad}: {err:?}"
            );
        }
        assert!(DiagnoseOptions::new()
            .skew_threshold(0.5)
            .validate()
            .is_ok());
    }

    #[test]
    fn bad_sets_are_data_errors_naming_the_case_and_value() {
        let data = Dataset::from_columns_with_missing([
            ("A", vec![Some(0.2), Some(1.2)]),
            ("M", vec![Some(0.2), None]),
        ])
        .unwrap()
        .with_cases(["x", "y"])
        .unwrap();
        let o = DiagnoseOptions::new();
        match o.diagnose(&data, &["A"]).unwrap_err() {
            DiagnosticsError::Data(DataError::Set(SetError::OutOfRange { set, case, value })) => {
                assert_eq!((set.as_str(), case.as_str(), value), ("A", "y", 1.2));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            o.diagnose(&data, &["M"]).unwrap_err(),
            DiagnosticsError::Data(DataError::Missing { .. })
        ));
        assert!(matches!(
            o.diagnose(&data, &["Z"]).unwrap_err(),
            DiagnosticsError::Data(DataError::UnknownColumn { .. })
        ));
        assert!(o.diagnose(&data, &[] as &[&str]).unwrap().sets.is_empty());
    }
}
