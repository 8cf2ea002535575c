//! The errors of the panel cluster diagnostics.

use crate::data::DataError;
use crate::expression::ExpressionError;

/// Errors raised while building a [`Panel`](super::Panel) or computing its cluster
/// diagnostics: their own, and the lower stages' they can meet (the data's, an outcome's text),
/// each kept as the [`source`](std::error::Error::source).
///
/// # Example
/// ```
/// use fsqca::cluster::{ClusterError, Panel};
/// use fsqca::Dataset;
///
/// let data = Dataset::from_reader("case,unit,year,X,Y\na,fr,1990,0.2,0.4\nb,,1990,0.6,0.7\n".as_bytes())?;
/// let err = Panel::from_columns(&data, "unit", "year").unwrap_err();
/// assert!(matches!(&err, ClusterError::MissingId { column, cases } if column == "unit" && cases == &["b"]));
/// assert_eq!(err.to_string(), "id column `unit` has missing values (cases: b)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ClusterError {
    /// The unit id and the cluster id are the same column.
    #[error("the unit id and the cluster id are the same column `{column}`")]
    SameColumn {
        /// The column given twice.
        column: String,
    },
    /// An id column has missing (empty or `NA`) cells.
    #[error("id column `{column}` has missing values (cases: {})", cases.join(", "))]
    MissingId {
        /// The id column.
        column: String,
        /// The cases whose id is missing.
        cases: Vec<String>,
    },
    /// Two cases share one (unit, cluster) pair: the panel holds a unit twice in one cluster
    /// (SetMethods' `xtabs` would silently add their memberships up).
    #[error(
        "cases `{first}` and `{second}` are both unit `{unit}` in cluster `{cluster}`: \
         each (unit, cluster) pair must be one case"
    )]
    DuplicateCell {
        /// The unit id.
        unit: String,
        /// The cluster id.
        cluster: String,
        /// The first case with this pair.
        first: String,
        /// The next case with this pair.
        second: String,
    },
    /// The sets or the data set have a different number of cases than the panel.
    #[error("the panel has {panel} cases, the data {data}")]
    CaseCount {
        /// Cases of the panel.
        panel: usize,
        /// Cases of the data set or sets.
        data: usize,
    },
    /// The data set's cases are not the panel's (same number, another label or order).
    #[error("case {position} is `{panel}` in the panel but `{data}` in the data")]
    CaseMismatch {
        /// 1-based position of the first differing case.
        position: usize,
        /// The panel's label there.
        panel: String,
        /// The data set's label there.
        data: String,
    },
    /// A solution without any term.
    #[error("a solution needs at least one term")]
    EmptySolution,
    /// The outcome given as text is not an [`Outcome`](crate::expression::Outcome).
    #[error("{0}")]
    Expression(#[from] ExpressionError),
    /// Reading an id column or evaluating an expression or the outcome on the data failed:
    /// an unknown column, missing values, memberships outside [0, 1].
    #[error("{0}")]
    Data(#[from] DataError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_names_its_value() {
        let cases = [
            (
                ClusterError::SameColumn {
                    column: "ID".into(),
                },
                "the unit id and the cluster id are the same column `ID`",
            ),
            (
                ClusterError::MissingId {
                    column: "unit".into(),
                    cases: vec!["a".into(), "c".into()],
                },
                "id column `unit` has missing values (cases: a, c)",
            ),
            (
                ClusterError::DuplicateCell {
                    unit: "fr".into(),
                    cluster: "1990".into(),
                    first: "a".into(),
                    second: "b".into(),
                },
                "cases `a` and `b` are both unit `fr` in cluster `1990`: each (unit, cluster) \
                 pair must be one case",
            ),
            (
                ClusterError::CaseCount { panel: 3, data: 2 },
                "the panel has 3 cases, the data 2",
            ),
            (
                ClusterError::CaseMismatch {
                    position: 2,
                    panel: "b".into(),
                    data: "c".into(),
                },
                "case 2 is `b` in the panel but `c` in the data",
            ),
            (
                ClusterError::EmptySolution,
                "a solution needs at least one term",
            ),
            (
                ClusterError::Data(DataError::DuplicateColumn { name: "A".into() }),
                "duplicate column name `A`",
            ),
        ];
        for (err, message) in cases {
            assert_eq!(err.to_string(), message);
        }
        let parse = "~".parse::<crate::expression::Outcome>().unwrap_err();
        let text = parse.to_string();
        assert_eq!(ClusterError::from(parse).to_string(), text);
    }

    #[test]
    fn errors_are_send_and_sync() {
        fn check<T: Send + Sync + std::error::Error>() {}
        check::<ClusterError>();
    }
}
