//! The options of the focal-conjunct and pair selections.

use super::CaseSelectionError;
use crate::expression::Literal;

/// Options of the selections that focus on one term: which term, how many cases (or pairs) to
/// keep, and which of its conjuncts are necessary conditions (SetMethods' `term`, `max_pairs`
/// and `nec.cond`).
///
/// | option | default | meaning |
/// |---|---|---|
/// | `term` | 1 | the term (counted from 1, in the model's order) whose focal conjuncts are examined |
/// | `max_pairs` | 5 | at most this many cases per focal conjunct |
/// | `necessary_conjuncts` | none | conjuncts that are necessary conditions: ranked and flagged the other way round |
///
/// # Example
/// ```
/// use fsqca::cases::SelectionOptions;
/// use fsqca::Literal;
///
/// let options = SelectionOptions::new().term(2).max_pairs(3).necessary_conjuncts(vec![Literal::new("STOCK")?]);
/// assert_eq!(options.get_term(), 2);
/// assert_eq!(options.get_max_pairs(), 3);
/// assert_eq!(options.get_necessary_conjuncts()[0].name(), "STOCK");
/// assert!(options.validate().is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SelectionOptions {
    term: usize,
    max_pairs: usize,
    necessary_conjuncts: Vec<Literal>,
}

impl Default for SelectionOptions {
    fn default() -> Self {
        Self {
            term: 1,
            max_pairs: 5,
            necessary_conjuncts: Vec::new(),
        }
    }
}

impl SelectionOptions {
    /// The defaults: term 1, at most 5 cases, no necessary conjunct.
    pub fn new() -> Self {
        Self::default()
    }

    /// The term to examine, counted from 1.
    pub fn term(mut self, term: usize) -> Self {
        self.term = term;
        self
    }

    /// At most this many cases per focal conjunct (at least 1).
    pub fn max_pairs(mut self, max_pairs: usize) -> Self {
        self.max_pairs = max_pairs;
        self
    }

    /// Conjuncts of the term that are necessary conditions (SetMethods' `nec.cond`).
    pub fn necessary_conjuncts(mut self, literals: Vec<Literal>) -> Self {
        self.necessary_conjuncts = literals;
        self
    }

    /// The term to examine, counted from 1.
    pub fn get_term(&self) -> usize {
        self.term
    }

    /// At most this many cases per focal conjunct.
    pub fn get_max_pairs(&self) -> usize {
        self.max_pairs
    }

    /// The conjuncts declared necessary.
    pub fn get_necessary_conjuncts(&self) -> &[Literal] {
        &self.necessary_conjuncts
    }

    /// Checks the options that do not depend on the solution.
    ///
    /// # Errors
    /// [`CaseSelectionError::ZeroMaxPairs`] when `max_pairs` is 0; the term index is checked
    /// against the solution by the selection itself
    /// ([`CaseSelectionError::TermOutOfRange`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::cases::{CaseSelectionError, SelectionOptions};
    /// let err = SelectionOptions::new().max_pairs(0).validate().unwrap_err();
    /// assert!(matches!(err, CaseSelectionError::ZeroMaxPairs));
    /// ```
    pub fn validate(&self) -> Result<(), CaseSelectionError> {
        if self.max_pairs == 0 {
            return Err(CaseSelectionError::ZeroMaxPairs);
        }
        Ok(())
    }
}
