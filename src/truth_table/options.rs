//! The options of a truth table.

use super::error::TruthTableError;

/// A key to sort the rows of a truth table by (always in decreasing order).
///
/// # Example
/// ```
/// use fsqca::{SortKey, TruthTableOptions};
///
/// let options = TruthTableOptions::default().sort_by([SortKey::Incl, SortKey::N]);
/// assert_eq!(options.sort_keys(), [SortKey::Incl, SortKey::N]);
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
/// Argument names follow R QCA's `truthTable()` (Dușa 2019). Defaults:
///
/// | option | default | R QCA |
/// |---|---|---|
/// | [`incl_cutoff`](Self::incl_cutoff) (ic1 = ic0) | 1 | `incl.cut = 1` |
/// | [`n_cutoff`](Self::n_cutoff) | 1 | `n.cut = 1` |
/// | [`pri_cutoff`](Self::pri_cutoff) | 0 | `pri.cut = 0` |
/// | [`sort_by`](Self::sort_by) | none: rows in id order | `sort.by = ""` |
/// | [`complete`](Self::complete) | false: observed rows only | `complete = FALSE` |
/// | [`drop_missing`](Self::drop_missing) | false: missing values are an error | |
///
/// A row is a remainder (`?`) when fewer than `n_cutoff` cases belong to it; otherwise it is
/// positive (`1`) when its inclusion reaches ic1 and its PRI reaches the PRI cut-off, a
/// contradiction (`C`) when its inclusion lies in [ic0, ic1), and negative (`0`) otherwise. With a
/// single inclusion cut-off (ic0 = ic1) there are no contradictions. Comparisons with cut-offs
/// tolerate a difference of 1.49e-8 (the square root of the machine epsilon), as R QCA does.
///
/// One options value serves any number of tables: [`build`](Self::build) borrows it.
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
/// let options = TruthTableOptions::default()
///     .incl_cutoff(0.8)
///     .sort_by([SortKey::Incl, SortKey::N]);
/// let tt = options.build(&data, "Y", &["A", "B"])?;
/// assert_eq!(tt.rows()[0].values(), [1, 1]);
/// assert_eq!(tt.rows()[0].out(), OutputValue::Positive);
/// assert_eq!(tt.rows()[0].n(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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
}

impl TruthTableOptions {
    /// One inclusion cut-off: rows at or above it are positive, rows below negative (no
    /// contradictions). R QCA: `incl.cut = v`.
    ///
    /// # Example
    /// ```
    /// let o = fsqca::TruthTableOptions::default().incl_cutoff(0.8);
    /// assert_eq!(o.inclusion_cutoffs(), (0.8, 0.8));
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
    /// let o = fsqca::TruthTableOptions::default().incl_cutoffs(0.8, 0.75);
    /// assert_eq!(o.inclusion_cutoffs(), (0.8, 0.75));
    /// ```
    pub fn incl_cutoffs(mut self, ic1: f64, ic0: f64) -> Self {
        self.ic1 = ic1;
        self.ic0 = ic0;
        self
    }

    /// The frequency cut-off: rows with fewer cases are remainders. R QCA: `n.cut`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::TruthTableOptions::default().n_cutoff(2).frequency_cutoff(), 2);
    /// ```
    pub fn n_cutoff(mut self, n: usize) -> Self {
        self.n_cut = n;
        self
    }

    /// The PRI cut-off a positive row must also reach. R QCA: `pri.cut`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::TruthTableOptions::default().pri_cutoff(0.5).pri_threshold(), 0.5);
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
    /// assert_eq!(TruthTableOptions::default().sort_by([SortKey::Pri]).sort_keys(), [SortKey::Pri]);
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
    /// assert!(fsqca::TruthTableOptions::default().complete(true).is_complete());
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
    /// assert!(fsqca::TruthTableOptions::default().drop_missing(true).drops_missing());
    /// ```
    pub fn drop_missing(mut self, yes: bool) -> Self {
        self.drop_missing = yes;
        self
    }

    /// The inclusion cut-offs `(ic1, ic0)`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::TruthTableOptions::default().inclusion_cutoffs(), (1.0, 1.0));
    /// ```
    pub fn inclusion_cutoffs(&self) -> (f64, f64) {
        (self.ic1, self.ic0)
    }

    /// The frequency cut-off.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::TruthTableOptions::default().frequency_cutoff(), 1);
    /// ```
    pub fn frequency_cutoff(&self) -> usize {
        self.n_cut
    }

    /// The PRI cut-off.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::TruthTableOptions::default().pri_threshold(), 0.0);
    /// ```
    pub fn pri_threshold(&self) -> f64 {
        self.pri_cut
    }

    /// The sort keys.
    ///
    /// # Example
    /// ```
    /// assert!(fsqca::TruthTableOptions::default().sort_keys().is_empty());
    /// ```
    pub fn sort_keys(&self) -> &[SortKey] {
        &self.sort_by
    }

    /// Whether remainders are listed.
    ///
    /// # Example
    /// ```
    /// assert!(!fsqca::TruthTableOptions::default().is_complete());
    /// ```
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// Whether cases with missing values are dropped.
    ///
    /// # Example
    /// ```
    /// assert!(!fsqca::TruthTableOptions::default().drops_missing());
    /// ```
    pub fn drops_missing(&self) -> bool {
        self.drop_missing
    }

    /// Checks the cut-offs.
    ///
    /// # Errors
    /// [`TruthTableError::InvalidCutoff`] for a cut-off that is NaN or outside [0, 1],
    /// [`TruthTableError::CutoffOrder`] when ic0 > ic1, and
    /// [`TruthTableError::InvalidFrequencyCutoff`] for a frequency cut-off of 0.
    ///
    /// # Example
    /// ```
    /// assert!(fsqca::TruthTableOptions::default().incl_cutoff(1.2).check().is_err());
    /// ```
    pub fn check(&self) -> Result<(), TruthTableError> {
        for (name, value) in [
            ("incl", self.ic1),
            ("incl (ic0)", self.ic0),
            ("PRI", self.pri_cut),
        ] {
            if !(0.0..=1.0).contains(&value) {
                return Err(TruthTableError::InvalidCutoff { name, value });
            }
        }
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
