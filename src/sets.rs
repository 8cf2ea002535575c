//! Fuzzy sets: validated membership vectors and their operations.
//!
//! In fuzzy-set QCA (Ragin 2000, 2008) every case has a degree of membership in every set, a
//! number in [0, 1]: 1 is full membership, 0 full non-membership and 0.5 the point of maximum
//! ambiguity. The logical operations are the standard (Zadeh) ones: negation `~A = 1 - A`,
//! intersection `A*B = min(A, B)` and union `A + B = max(A, B)`.

use std::fmt;

use ndarray::{Array1, ArrayView1};

/// Errors raised when a membership vector is not a valid fuzzy set.
///
/// # Example
/// ```
/// use fsqca::{FuzzySet, SetError};
/// let bad = FuzzySet::new("A", vec![0.5, 1.5]);
/// assert!(matches!(bad, Err(SetError::OutOfRange { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SetError {
    /// A membership is NaN or lies outside [0, 1].
    #[error(
        "set `{set}`, case `{case}`: membership {value} is outside [0, 1]",
        value = crate::number::short(.value)
    )]
    OutOfRange {
        /// The set's name.
        set: String,
        /// The case's label (its 1-based position when the set has no labels).
        case: String,
        /// The offending value.
        value: f64,
    },
    /// Two sets combined by `and` / `or` have different numbers of cases.
    #[error("sets `{left}` and `{right}` have {left_len} and {right_len} cases")]
    UnequalLengths {
        /// The first set's name.
        left: String,
        /// The second set's name.
        right: String,
        /// Cases in the first set.
        left_len: usize,
        /// Cases in the second set.
        right_len: usize,
    },
}

/// A named fuzzy set: one membership score in [0, 1] per case.
///
/// The constructor validates once; afterwards every operation is infallible on memberships.
///
/// # Example
///
/// ```
/// use fsqca::FuzzySet;
///
/// let a = FuzzySet::new("A", vec![0.2, 0.9, 0.6])?;
/// let b = FuzzySet::new("B", vec![0.7, 0.4, 0.6])?;
/// assert_eq!(a.and(&b)?.values().to_vec(), [0.2, 0.4, 0.6]);
/// assert_eq!(a.not().name(), "~A");
/// assert!(FuzzySet::new("C", vec![1.7]).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FuzzySet {
    name: String,
    values: Array1<f64>,
}

impl FuzzySet {
    /// Creates a fuzzy set, checking that every membership lies in [0, 1].
    ///
    /// # Errors
    /// [`SetError::OutOfRange`] for NaN or a value outside [0, 1], naming the case by its
    /// 1-based position.
    ///
    /// # Example
    /// ```
    /// let a = fsqca::FuzzySet::new("A", vec![0.0, 0.5, 1.0])?;
    /// assert_eq!(a.len(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<V: Into<Array1<f64>>>(name: impl Into<String>, values: V) -> Result<Self, SetError> {
        let values = values.into();
        let labels: Vec<String> = (1..=values.len()).map(|i| i.to_string()).collect();
        Self::with_cases(name, values, &labels)
    }

    /// A set from memberships the caller derived from valid ones (by min and max), so in
    /// [0, 1] already; a value outside is clamped, NaN becomes 0.
    pub(crate) fn from_derived(name: impl Into<String>, values: Array1<f64>) -> Self {
        let values = values.mapv(|v| if v.is_nan() { 0.0 } else { v.clamp(0.0, 1.0) });
        Self {
            name: name.into(),
            values,
        }
    }

    /// As [`FuzzySet::new`], naming an offending case by its label.
    pub(crate) fn with_cases(
        name: impl Into<String>,
        values: Array1<f64>,
        cases: &[String],
    ) -> Result<Self, SetError> {
        let name = name.into();
        if let Some((i, &value)) = values
            .iter()
            .enumerate()
            .find(|(_, v)| !(0.0..=1.0).contains(*v))
        {
            return Err(SetError::OutOfRange {
                set: name,
                case: cases.get(i).cloned().unwrap_or_else(|| (i + 1).to_string()),
                value,
            });
        }
        Ok(Self { name, values })
    }

    /// The set's name.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::FuzzySet::new("A", vec![1.0])?.name(), "A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The memberships, in case order.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::FuzzySet::new("A", vec![0.3])?.values()[0], 0.3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn values(&self) -> ArrayView1<'_, f64> {
        self.values.view()
    }

    /// Consumes the set and returns its memberships.
    ///
    /// # Example
    /// ```
    /// let v = fsqca::FuzzySet::new("A", vec![0.3])?.into_values();
    /// assert_eq!(v.to_vec(), [0.3]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_values(self) -> Array1<f64> {
        self.values
    }

    /// Number of cases.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::FuzzySet::new("A", vec![0.3, 0.1])?.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// True when the set has no case.
    ///
    /// # Example
    /// ```
    /// assert!(fsqca::FuzzySet::new("A", Vec::new())?.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Renames the set.
    ///
    /// # Example
    /// ```
    /// let a = fsqca::FuzzySet::new("A", vec![0.3])?.renamed("rich");
    /// assert_eq!(a.name(), "rich");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn renamed(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// Refuses two sets with different numbers of cases ([`SetError::UnequalLengths`]): the
    /// check of every operation on two sets (`and`, `or`, and the parameters of fit).
    pub(crate) fn check_same_cases(&self, other: &Self) -> Result<(), SetError> {
        if self.len() != other.len() {
            return Err(SetError::UnequalLengths {
                left: self.name.clone(),
                right: other.name.clone(),
                left_len: self.len(),
                right_len: other.len(),
            });
        }
        Ok(())
    }
}

impl fmt::Display for FuzzySet {
    /// Prints `name: [v1, v2, ...]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: [", self.name)?;
        for (i, v) in self.values.iter().enumerate() {
            if i > 0 {
                write!(f, ", ")?;
            }
            write!(f, "{v}")?;
        }
        write!(f, "]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_autotraits<T: Send + Sync + Sized + Unpin>() {}

    #[test]
    fn autotraits() {
        has_autotraits::<FuzzySet>();
        has_autotraits::<SetError>();
    }

    #[test]
    fn a_huge_membership_prints_short() {
        let err = FuzzySet::new("A", vec![0.5, 1e308]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "set `A`, case `2`: membership 1e308 is outside [0, 1]"
        );
    }

    #[test]
    fn rejects_out_of_range_and_nan() {
        let e = FuzzySet::new("A", vec![0.1, 1.7]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "set `A`, case `2`: membership 1.7 is outside [0, 1]"
        );
        assert!(FuzzySet::new("A", vec![-0.01]).is_err());
        assert!(matches!(
            FuzzySet::new("A", vec![f64::NAN]).unwrap_err(),
            SetError::OutOfRange { .. }
        ));
    }

    #[test]
    fn rejects_unequal_lengths() {
        let a = FuzzySet::new("A", vec![0.1, 0.2]).unwrap();
        let b = FuzzySet::new("B", vec![0.1]).unwrap();
        assert!(matches!(
            a.and(&b).unwrap_err(),
            SetError::UnequalLengths {
                left_len: 2,
                right_len: 1,
                ..
            }
        ));
        assert!(a.or(&b).is_err());
    }
}
