//! The errors of case selection.

use crate::data::DataError;
use crate::expression::ExpressionError;

/// Why a case selection could not be made. An empty case type is not an error: it is an empty
/// [`CaseList`](super::CaseList) with its explanation.
///
/// # Example
/// ```
/// use fsqca::cases::{CaseMemberships, CaseSelectionError, SelectionOptions};
/// use fsqca::{Dataset, Expression};
///
/// let data = Dataset::from_columns([("A", vec![0.8, 0.2]), ("B", vec![0.9, 0.1]), ("Y", vec![0.9, 0.3])])?;
/// let terms: Vec<Expression> = vec!["A*B".parse()?];
/// let cases = CaseMemberships::new(&data, "Y", &["A", "B"], &terms)?;
/// let err = cases.typical_focal_conjuncts(&SelectionOptions::new().term(2)).unwrap_err();
/// assert!(matches!(err, CaseSelectionError::TermOutOfRange { term: 2, n_terms: 1 }));
/// assert_eq!(err.to_string(), "term 2 does not exist: the solution has 1 term (count from 1)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CaseSelectionError {
    /// No term was given: case selection needs a sufficient term or solution.
    #[error("no term given: case selection needs the terms of a sufficient solution")]
    NoTerms,
    /// A term index (1-based) beyond the solution's terms, or 0.
    #[error("term {term} does not exist: the solution has {n_terms} term{s} (count from 1)", s = if *.n_terms == 1 { "" } else { "s" })]
    TermOutOfRange {
        /// The index asked for.
        term: usize,
        /// How many terms there are.
        n_terms: usize,
    },
    /// A model index (1-based) beyond the solution's models, or 0.
    #[error("model {model} does not exist: the solution has {n_models} model{s} (count from 1)", s = if *.n_models == 1 { "" } else { "s" })]
    ModelOutOfRange {
        /// The index asked for.
        model: usize,
        /// How many models there are.
        n_models: usize,
    },
    /// A term (or necessary condition) that is not a conjunction of literals (a sufficient
    /// term), or not a disjunction or conjunction of literals (a necessary condition).
    #[error("`{expression}` is not a {expected}")]
    NotASimpleExpression {
        /// The expression.
        expression: String,
        /// What was expected.
        expected: &'static str,
    },
    /// A condition declared necessary (`nec.cond`) that is not a conjunct of the focal term.
    #[error("`{conjunct}` is not a conjunct of the term `{term}`")]
    NotAConjunct {
        /// The conjunct given.
        conjunct: String,
        /// The term.
        term: String,
    },
    /// `max_pairs` of 0: nothing would be listed.
    #[error("max_pairs must be at least 1")]
    ZeroMaxPairs,
    /// A condition that is not in the conditions the truth-table rows are built on.
    #[error("`{name}` is not one of the conditions {conditions:?}")]
    UnknownCondition {
        /// The name.
        name: String,
        /// The conditions.
        conditions: Vec<String>,
    },
    /// The outcome could not be read as an expression.
    #[error(transparent)]
    Expression(#[from] ExpressionError),
    /// A column is missing, has missing values or is not a membership.
    #[error(transparent)]
    Data(#[from] DataError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_value() {
        let e = CaseSelectionError::TermOutOfRange {
            term: 3,
            n_terms: 2,
        };
        assert_eq!(
            e.to_string(),
            "term 3 does not exist: the solution has 2 terms (count from 1)"
        );
        let e = CaseSelectionError::ModelOutOfRange {
            model: 0,
            n_models: 1,
        };
        assert_eq!(
            e.to_string(),
            "model 0 does not exist: the solution has 1 model (count from 1)"
        );
        let e = CaseSelectionError::NotASimpleExpression {
            expression: "A + B".into(),
            expected: "conjunction of literals",
        };
        assert_eq!(e.to_string(), "`A + B` is not a conjunction of literals");
        let e = CaseSelectionError::NotAConjunct {
            conjunct: "C".into(),
            term: "A*B".into(),
        };
        assert_eq!(e.to_string(), "`C` is not a conjunct of the term `A*B`");
        assert_eq!(
            CaseSelectionError::ZeroMaxPairs.to_string(),
            "max_pairs must be at least 1"
        );
        assert!(CaseSelectionError::NoTerms
            .to_string()
            .starts_with("no term"));
        let e = CaseSelectionError::UnknownCondition {
            name: "Z".into(),
            conditions: vec!["A".into()],
        };
        assert_eq!(e.to_string(), "`Z` is not one of the conditions [\"A\"]");
    }

    #[test]
    fn is_send_sync() {
        fn check<T: Send + Sync + std::error::Error + 'static>() {}
        check::<CaseSelectionError>();
    }
}
