//! The errors of configuration charts.

use thiserror::Error;

/// Why a configuration chart cannot be drawn from two solutions.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ChartError {
    /// The first solution is not an intermediate one.
    #[error("the chart needs an intermediate solution, got a {0} solution")]
    NotIntermediate(String),
    /// The second solution is not a parsimonious one.
    #[error("the chart needs the parsimonious solution the intermediate one rests on, got a {0} solution")]
    NotParsimonious(String),
    /// The two solutions are for different outcomes.
    #[error("the intermediate solution is for outcome `{intermediate}`, the parsimonious one for `{parsimonious}`")]
    OutcomeMismatch {
        /// The intermediate solution's outcome.
        intermediate: String,
        /// The parsimonious solution's outcome.
        parsimonious: String,
    },
    /// The two solutions have different conditions (from different truth tables).
    #[error("the intermediate solution has conditions {intermediate:?}, the parsimonious one {parsimonious:?}")]
    ConditionMismatch {
        /// The intermediate solution's conditions.
        intermediate: Vec<String>,
        /// The parsimonious solution's conditions.
        parsimonious: Vec<String>,
    },
    /// An intermediate term implies neither a term of the parsimonious model it rests on nor
    /// the model as a whole.
    #[error("intermediate term `{term}` (model {model}) implies neither a term of parsimonious model {parsimonious_model} nor that model: the two solutions do not come from the same truth table and options")]
    NotSubsumed {
        /// The intermediate term.
        term: String,
        /// Its intermediate model (from 1).
        model: usize,
        /// The parsimonious model (from 1).
        parsimonious_model: usize,
    },
    /// An intermediate model rests on a parsimonious model the parsimonious solution lacks.
    #[error("intermediate model {model} rests on parsimonious model {parsimonious_model}, which the parsimonious solution ({count} models) lacks")]
    MissingParsimoniousModel {
        /// The intermediate model (from 1).
        model: usize,
        /// The parsimonious model it rests on (from 1).
        parsimonious_model: usize,
        /// The number of models of the parsimonious solution.
        count: usize,
    },
    /// A term has a level above 1 of a multi-value condition: a chart shows presence and
    /// absence only.
    #[error("term `{term}` has level {level} of condition `{condition}`: a configuration chart shows binary conditions only")]
    MultiValue {
        /// The term.
        term: String,
        /// The condition.
        condition: String,
        /// Its level in the term.
        level: u8,
    },
    /// The solution has no model (nothing to chart).
    #[error("the intermediate solution has no model")]
    NoModel,
    /// The SVG could not be drawn.
    #[error("cannot draw the chart: {0}")]
    Drawing(String),
}
