//! Errors of the plots.

use std::path::PathBuf;

use crate::data::DataError;
use crate::expression::ExpressionError;

/// Why a plot could not be drawn or written: its own errors, and those of the lower stages
/// a plot of an expression meets ([`xy_plot_of`](super::xy_plot_of)), each kept as the
/// [`source`](std::error::Error::source): the expression grammar's (an outcome that does not
/// parse) and the data's (an unknown column, a missing value).
///
/// # Example
/// ```
/// use fsqca::plot::{xy_plot, PlotError};
/// use fsqca::{FuzzySet, Relation};
///
/// let x = FuzzySet::new("X", vec![0.2, 0.8])?;
/// let y = FuzzySet::new("Y", vec![0.3])?;
/// let err = xy_plot(&x, &y, &["a".into(), "b".into()], Relation::Sufficiency).unwrap_err();
/// assert!(matches!(err, PlotError::UnequalLengths { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PlotError {
    /// The memberships and case labels differ in length.
    #[error("{x} memberships in X, {y} in Y and {cases} case labels: they must be as many")]
    UnequalLengths {
        /// Cases in X.
        x: usize,
        /// Cases in Y.
        y: usize,
        /// Case labels.
        cases: usize,
    },
    /// A sweep has no variant of the parameter asked for.
    #[error("the sweep has no variant of {parameter}")]
    UnknownParameter {
        /// The parameter.
        parameter: String,
    },
    /// A Venn diagram needs 2 to 7 sets.
    #[error("a Venn diagram draws 2 to 7 sets, not {count}")]
    VennSets {
        /// The number of sets (conditions) asked for.
        count: usize,
    },
    /// A Venn diagram needs binary conditions.
    #[error("a Venn diagram needs binary conditions; {condition} has {levels} values")]
    NotBinary {
        /// The condition.
        condition: String,
        /// Its number of values.
        levels: u32,
    },
    /// The drawing library failed.
    #[error("cannot draw the plot: {0}")]
    Drawing(String),
    /// The SVG file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// The outcome is not an expression.
    #[error("{0}")]
    Expression(#[from] ExpressionError),
    /// The expression or the outcome cannot be evaluated on the data.
    #[error("{0}")]
    Data(#[from] DataError),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

    #[test]
    fn autotraits() {
        has_autotraits::<PlotError>();
    }

    #[test]
    fn messages() {
        let e = PlotError::UnequalLengths {
            x: 2,
            y: 1,
            cases: 2,
        };
        assert_eq!(
            e.to_string(),
            "2 memberships in X, 1 in Y and 2 case labels: they must be as many"
        );
        let e = PlotError::UnknownParameter {
            parameter: "n_cut".into(),
        };
        assert_eq!(e.to_string(), "the sweep has no variant of n_cut");
        assert_eq!(
            PlotError::Drawing("x".into()).to_string(),
            "cannot draw the plot: x"
        );
        let e = PlotError::Io {
            path: "/nonexistent/a.svg".into(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "not found"),
        };
        assert_eq!(e.to_string(), "cannot write /nonexistent/a.svg: not found");
    }
}
