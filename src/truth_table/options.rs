//! The options of a truth table.

use super::error::TruthTableError;
use crate::fit::check_cutoffs;

/// A key to sort the rows of a truth table by (always in decreasing order).
///
/// # Example
/// ```
/// use fsqca::{SortKey, TruthTableOptions};
///
/// let options = TruthTableOptions::default().sort_by([SortKey::Incl, SortKey::N]);
/// assert_eq!(options.get_sort_by(), [SortKey::Incl, SortKey::N]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum SortKey {
    /// Sufficiency inclusion (consistency) of the row.
    Incl,
    /// Proportional reduction in inconsistency of the row.
    Pri,
    /// Number of cases in the row.
    N,
}

/// The options of a truth table, and its builder.
///
/// Argument names follow R QCA's `truthTable()` (Dușa 2019). Every option, its setter, its
/// getter (an options type's getter is `get_` and its setter's name) and its default:
///
/// | option | setter | getter | default | R QCA |
/// | --- | --- | --- | --- | --- |
/// | inclusion cut-offs (ic1, ic0) | [`incl_cutoff`](Self::incl_cutoff) (ic1 = ic0), [`incl_cutoffs`](Self::incl_cutoffs) | [`get_incl_cutoffs`](Self::get_incl_cutoffs) | (1, 1) | `incl.cut = 1` |
/// | frequency cut-off | [`n_cutoff`](Self::n_cutoff) | [`get_n_cutoff`](Self::get_n_cutoff) | 1 | `n.cut = 1` |
/// | PRI cut-off | [`pri_cutoff`](Self::pri_cutoff) | [`get_pri_cutoff`](Self::get_pri_cutoff) | 0 | `pri.cut = 0` |
/// | sort keys | [`sort_by`](Self::sort_by) | [`get_sort_by`](Self::get_sort_by) | none: rows in id order | `sort.by = ""` |
/// | remainders listed | [`complete`](Self::complete) | [`get_complete`](Self::get_complete) | `false`: observed rows only | `complete = FALSE` |
/// | cases with missing values dropped | [`drop_missing`](Self::drop_missing) | [`get_drop_missing`](Self::get_drop_missing) | `false`: missing values are an error | |
///
/// A row is a remainder (`?`) when fewer than `n_cutoff` cases belong to it; otherwise it is
/// positive (`1`) when its inclusion reaches ic1 and its PRI reaches the PRI cut-off, a
/// contradiction (`C`) when its inclusion lies in [ic0, ic1), and negative (`0`) otherwise. With a
/// single inclusion cut-off (ic0 = ic1) there are no contradictions. Comparisons with cut-offs
/// tolerate a difference of 1.49e-8 (the square root of the machine epsilon), as R QCA does.
///
/// The cut-offs are checked by [`validate`](Self::validate), which [`build`](Self::build) runs
/// first; no value is changed silently. One options value serves any number of tables:
/// [`build`](Self::build) borrows it.
///
/// # Example
/// ```
/// use fsqca::{Dataset, OutputValue, SortKey, TruthTableOptions};
///
/// let data = Dataset::from_columns([
///     ("A", vec![0.9, 0.8, 0.2, 0.1]),
///     ("B", vec![0.7, 0.9, 0.3, 0.6]),
///     ("Y", vec![0.8, 0.9, 0.1, 0.4]),
/// ])?;
/// let options = TruthTableOptions::new()
///     .incl_cutoff(0.8)
///     .sort_by([SortKey::Incl, SortKey::N]);
/// assert_eq!(options.get_incl_cutoffs(), (0.8, 0.8));
/// let tt = options.build(&data, "Y", &["A", "B"])?;
/// assert_eq!(tt.rows()[0].values(), [1, 1]);
/// assert_eq!(tt.rows()[0].out(), OutputValue::Positive);
/// assert_eq!(tt.rows()[0].n(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[must_use]
pub struct TruthTableOptions {
    ic1: f64,
    ic0: f64,
    n_cut: usize,
    pri_cut: f64,
    sort_by: Vec<SortKey>,
    complete: bool,
    drop_missing: bool,
}

impl Default for TruthTableOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl TruthTableOptions {
    /// The default options (see the table of [`TruthTableOptions`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::TruthTableOptions;
    /// let o = TruthTableOptions::new();
    /// assert_eq!(o.get_incl_cutoffs(), (1.0, 1.0));
    /// assert_eq!(o, TruthTableOptions::default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Self {
        Self {
            ic1: 1.0,
            ic0: 1.0,
            n_cut: 1,
            pri_cut: 0.0,
            sort_by: Vec::new(),
            complete: false,
            drop_missing: false,
        }
    }

    /// One inclusion cut-off: rows at or above it are positive, rows below negative (no
    /// contradictions). R QCA: `incl.cut = v`. Read back (as `(v, v)`) with
    /// [`get_incl_cutoffs`](Self::get_incl_cutoffs).
    ///
    /// # Example
    /// ```
    /// let o = fsqca::TruthTableOptions::new().incl_cutoff(0.8);
    /// assert_eq!(o.get_incl_cutoffs(), (0.8, 0.8));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn incl_cutoff(mut self, v: f64) -> Self {
        self.ic1 = v;
        self.ic0 = v;
        self
    }

    /// Two inclusion cut-offs: rows at or above `ic1` are positive, rows in [`ic0`, `ic1`)
    /// contradictions, rows below `ic0` negative. R QCA: `incl.cut = c(ic1, ic0)`.
    ///
    /// # Example
    /// ```
    /// let o = fsqca::TruthTableOptions::new().incl_cutoffs(0.8, 0.75);
    /// assert_eq!(o.get_incl_cutoffs(), (0.8, 0.75));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn incl_cutoffs(mut self, ic1: f64, ic0: f64) -> Self {
        self.ic1 = ic1;
        self.ic0 = ic0;
        self
    }

    /// The frequency cut-off: rows with fewer cases are remainders. R QCA: `n.cut`. At least 1
    /// (0 fails [`validate`](Self::validate)).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::TruthTableOptions::new().n_cutoff(2).get_n_cutoff(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn n_cutoff(mut self, n: usize) -> Self {
        self.n_cut = n;
        self
    }

    /// The PRI cut-off a positive row must also reach. R QCA: `pri.cut`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::TruthTableOptions::new().pri_cutoff(0.5).get_pri_cutoff(), 0.5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pri_cutoff(mut self, v: f64) -> Self {
        self.pri_cut = v;
        self
    }

    /// Sorts the rows by these keys, each in decreasing order, ties kept in id order. Rows that
    /// are remainders because of the frequency cut-off come last. An empty list keeps id order.
    ///
    /// # Example
    /// ```
    /// use fsqca::{SortKey, TruthTableOptions};
    /// assert_eq!(TruthTableOptions::new().sort_by([SortKey::Pri]).get_sort_by(), [SortKey::Pri]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sort_by(mut self, keys: impl IntoIterator<Item = SortKey>) -> Self {
        self.sort_by = keys.into_iter().collect();
        self
    }

    /// Lists every configuration, remainders included (`true`), or only the observed ones
    /// (`false`, the default). The complete table may have at most
    /// [`MAX_COMPLETE_ROWS`](crate::truth_table::MAX_COMPLETE_ROWS) rows.
    ///
    /// # Example
    /// ```
    /// assert!(fsqca::TruthTableOptions::new().complete(true).get_complete());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn complete(mut self, yes: bool) -> Self {
        self.complete = yes;
        self
    }

    /// Drops the cases with a missing value in the outcome or a condition (`true`) instead of
    /// refusing them (`false`, the default).
    ///
    /// # Example
    /// ```
    /// assert!(fsqca::TruthTableOptions::new().drop_missing(true).get_drop_missing());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn drop_missing(mut self, yes: bool) -> Self {
        self.drop_missing = yes;
        self
    }

    /// The inclusion cut-offs `(ic1, ic0)` (see [`incl_cutoff`](Self::incl_cutoff) and
    /// [`incl_cutoffs`](Self::incl_cutoffs)).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::TruthTableOptions::new().get_incl_cutoffs(), (1.0, 1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_incl_cutoffs(&self) -> (f64, f64) {
        (self.ic1, self.ic0)
    }

    /// The frequency cut-off (see [`n_cutoff`](Self::n_cutoff)).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::TruthTableOptions::new().get_n_cutoff(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_n_cutoff(&self) -> usize {
        self.n_cut
    }

    /// The PRI cut-off (see [`pri_cutoff`](Self::pri_cutoff)).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::TruthTableOptions::new().get_pri_cutoff(), 0.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_pri_cutoff(&self) -> f64 {
        self.pri_cut
    }

    /// The sort keys (see [`sort_by`](Self::sort_by)).
    ///
    /// # Example
    /// ```
    /// assert!(fsqca::TruthTableOptions::new().get_sort_by().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_sort_by(&self) -> &[SortKey] {
        &self.sort_by
    }

    /// Whether remainders are listed (see [`complete`](Self::complete)).
    ///
    /// # Example
    /// ```
    /// assert!(!fsqca::TruthTableOptions::new().get_complete());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_complete(&self) -> bool {
        self.complete
    }

    /// Whether cases with missing values are dropped (see [`drop_missing`](Self::drop_missing)).
    ///
    /// # Example
    /// ```
    /// assert!(!fsqca::TruthTableOptions::new().get_drop_missing());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_drop_missing(&self) -> bool {
        self.drop_missing
    }

    /// Checks the cut-offs. [`build`](Self::build) runs this check first; call it earlier to
    /// refuse the options before any data is read.
    ///
    /// # Errors
    /// [`TruthTableError::InvalidCutoff`] for a cut-off that is NaN or outside [0, 1],
    /// [`TruthTableError::CutoffOrder`] when ic0 > ic1, and
    /// [`TruthTableError::InvalidFrequencyCutoff`] for a frequency cut-off of 0.
    ///
    /// # Example
    /// ```
    /// use fsqca::TruthTableOptions;
    /// TruthTableOptions::new().validate()?;
    /// assert!(TruthTableOptions::new().incl_cutoff(1.2).validate().is_err());
    /// assert!(TruthTableOptions::new().n_cutoff(0).validate().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), TruthTableError> {
        check_cutoffs(&[
            ("incl", self.ic1),
            ("incl (ic0)", self.ic0),
            ("PRI", self.pri_cut),
        ])?;
        if self.ic0 > self.ic1 {
            return Err(TruthTableError::CutoffOrder {
                ic1: self.ic1,
                ic0: self.ic0,
            });
        }
        if self.n_cut == 0 {
            return Err(TruthTableError::InvalidFrequencyCutoff { n_cut: self.n_cut });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each setter is read back by `get_<setter>`: renaming a getter breaks this test.
    #[test]
    fn every_setter_is_read_back_by_its_get_getter() {
        let o = TruthTableOptions::new()
            .incl_cutoff(0.7)
            .n_cutoff(3)
            .pri_cutoff(0.4)
            .sort_by([SortKey::N, SortKey::Incl])
            .complete(true)
            .drop_missing(true);
        assert_eq!(o.get_incl_cutoffs(), (0.7, 0.7));
        assert_eq!(o.get_n_cutoff(), 3);
        assert_eq!(o.get_pri_cutoff(), 0.4);
        assert_eq!(o.get_sort_by(), [SortKey::N, SortKey::Incl]);
        assert!(o.get_complete());
        assert!(o.get_drop_missing());
        assert!(matches!(o.validate(), Ok(())));
        let o = o.incl_cutoffs(0.9, 0.6);
        assert_eq!(o.get_incl_cutoffs(), (0.9, 0.6));
        assert!(matches!(o.validate(), Ok(())));
        assert_eq!(TruthTableOptions::new(), TruthTableOptions::default());
    }

    /// Invalid values are refused by `validate`, kept as given, never clamped.
    #[test]
    fn invalid_values_are_refused_not_clamped() {
        let o = TruthTableOptions::new().n_cutoff(0);
        assert_eq!(o.get_n_cutoff(), 0);
        assert!(matches!(
            o.validate(),
            Err(TruthTableError::InvalidFrequencyCutoff { n_cut: 0 })
        ));
        let o = TruthTableOptions::new().pri_cutoff(1.5);
        assert_eq!(o.get_pri_cutoff(), 1.5);
        assert!(matches!(
            o.validate(),
            Err(TruthTableError::InvalidCutoff(crate::fit::CutoffError {
                name: "PRI",
                value: 1.5
            }))
        ));
        let o = TruthTableOptions::new().incl_cutoffs(0.6, 0.9);
        assert_eq!(o.get_incl_cutoffs(), (0.6, 0.9));
        assert!(matches!(
            o.validate(),
            Err(TruthTableError::CutoffOrder { ic1: 0.6, ic0: 0.9 })
        ));
    }
}
