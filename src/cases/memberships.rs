//! The memberships case selection reads: each case's outcome, term, solution and truth-table
//! row membership, and the crisp truth-table row it belongs to.

use super::CaseSelectionError;
use crate::data::Dataset;
use crate::expression::{Expression, ExpressionKind, Literal};
use crate::fit::IntoOutcome;
use crate::solution::Solution;

/// Every membership case selection needs, computed once from the data and a solution's terms:
/// per case the outcome Y, each term's membership, the solution's S (the maximum over the
/// terms), the membership w in its truth-table row (the minimum over the conditions of
/// max(x, 1 − x)) and the row itself (each condition 1 above 0.5, 0 below).
///
/// The selections (typical, deviant, irrelevant cases; necessity) are its methods.
///
/// # Example
/// ```
/// use fsqca::cases::CaseMemberships;
/// use fsqca::{Dataset, Expression};
///
/// let data = Dataset::from_columns([
///     ("A", vec![0.8, 0.3, 0.6]),
///     ("B", vec![0.9, 0.2, 0.4]),
///     ("Y", vec![0.9, 0.1, 0.7]),
/// ])?;
/// let terms: Vec<Expression> = vec!["A*B".parse()?];
/// let cases = CaseMemberships::new(&data, "Y", &["A", "B"], &terms)?;
/// assert_eq!(cases.solution_memberships(), [0.8, 0.2, 0.4]);
/// assert_eq!(cases.row_memberships(), [0.8, 0.7, 0.6]);
/// assert_eq!(cases.rows()[2].as_deref(), Some(&[1, 0][..]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CaseMemberships {
    data: Dataset,
    conditions: Vec<String>,
    outcome: Vec<f64>,
    terms: Vec<Expression>,
    term_memberships: Vec<Vec<f64>>,
    solution: Vec<f64>,
    row_memberships: Vec<f64>,
    rows: Vec<Option<Vec<u8>>>,
}

impl CaseMemberships {
    /// The memberships of the cases of `data` in `outcome`, in each term (a conjunction of
    /// literals, e.g. a model's terms, [`Expression::disjuncts`]) and in the truth-table rows
    /// of `conditions`.
    ///
    /// # Errors
    /// [`CaseSelectionError::NoTerms`] for no term, [`CaseSelectionError::NotASimpleExpression`]
    /// for a term that is not a conjunction of literals,
    /// [`CaseSelectionError::UnknownCondition`] for a term naming a condition outside
    /// `conditions`, [`CaseSelectionError::Expression`] for an outcome that does not parse and
    /// [`CaseSelectionError::Data`] for a column that is missing, has missing values or is not
    /// a membership.
    ///
    /// # Example
    /// ```
    /// use fsqca::cases::{CaseMemberships, CaseSelectionError};
    /// use fsqca::{Dataset, Expression};
    ///
    /// let data = Dataset::from_columns([("A", vec![0.8]), ("Y", vec![0.9])])?;
    /// let terms: Vec<Expression> = vec!["A + Y".parse()?];
    /// let err = CaseMemberships::new(&data, "Y", &["A"], &terms).unwrap_err();
    /// assert!(matches!(err, CaseSelectionError::NotASimpleExpression { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<O: IntoOutcome + ?Sized, S: AsRef<str>>(
        data: &Dataset,
        outcome: &O,
        conditions: &[S],
        terms: &[Expression],
    ) -> Result<Self, CaseSelectionError> {
        if terms.is_empty() {
            return Err(CaseSelectionError::NoTerms);
        }
        let conditions: Vec<String> = conditions.iter().map(|c| c.as_ref().to_owned()).collect();
        for term in terms {
            for literal in conjuncts(term, "conjunction of literals")? {
                check_condition(literal.name(), &conditions)?;
            }
        }
        let outcome = outcome
            .outcome_expression()?
            .evaluate(data)?
            .into_values()
            .to_vec();
        let term_memberships = terms
            .iter()
            .map(|t| Ok(t.evaluate(data)?.into_values().to_vec()))
            .collect::<Result<Vec<_>, CaseSelectionError>>()?;
        let n = data.n_cases();
        let solution = (0..n)
            .map(|i| {
                term_memberships
                    .iter()
                    .map(|t| t[i])
                    .fold(f64::NEG_INFINITY, f64::max)
            })
            .collect();
        let columns = conditions
            .iter()
            .map(|c| Ok(data.fuzzy_set(c)?.into_values().to_vec()))
            .collect::<Result<Vec<_>, CaseSelectionError>>()?;
        let row_memberships = (0..n)
            .map(|i| {
                columns
                    .iter()
                    .map(|c| c[i].max(1.0 - c[i]))
                    .fold(1.0, f64::min)
            })
            .collect();
        let rows = crisp_rows(&columns, n);
        Ok(Self {
            data: data.clone(),
            conditions,
            outcome,
            terms: terms.to_vec(),
            term_memberships,
            solution,
            row_memberships,
            rows,
        })
    }

    /// The memberships for model `model` (counted from 1) of `solution`, found on `data`: its
    /// outcome, conditions and terms.
    ///
    /// # Errors
    /// [`CaseSelectionError::ModelOutOfRange`] for a model that does not exist, else those of
    /// [`new`](Self::new).
    ///
    /// # Example
    /// ```
    /// use fsqca::cases::CaseMemberships;
    /// use fsqca::{Dataset, SolutionOptions, SolutionType, TruthTableOptions};
    ///
    /// let data = Dataset::from_path("tests/fixtures/setmethods/LIPF.csv")?;
    /// let conditions = ["DEVELOPED", "URBAN", "LITERATE", "INDUSTRIAL", "STABLE"];
    /// let tt = TruthTableOptions::new().incl_cutoff(0.8).build(&data, "SURVIVED", &conditions)?;
    /// let solution = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// let cases = CaseMemberships::from_model(&data, &solution, 1)?;
    /// assert_eq!(cases.terms().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_model(
        data: &Dataset,
        solution: &Solution,
        model: usize,
    ) -> Result<Self, CaseSelectionError> {
        let models = solution.models();
        let chosen = model.checked_sub(1).and_then(|m| models.get(m)).ok_or(
            CaseSelectionError::ModelOutOfRange {
                model,
                n_models: models.len(),
            },
        )?;
        let terms: Vec<Expression> = chosen
            .terms()
            .iter()
            .map(|t| t.expression().clone())
            .collect();
        Self::new(data, solution.outcome(), solution.conditions(), &terms)
    }

    /// The case labels.
    pub fn cases(&self) -> &[String] {
        self.data.cases()
    }

    /// The conditions the truth-table rows are built on.
    pub fn conditions(&self) -> &[String] {
        &self.conditions
    }

    /// The outcome memberships Y.
    pub fn outcome_memberships(&self) -> &[f64] {
        &self.outcome
    }

    /// The terms, in the order given.
    pub fn terms(&self) -> &[Expression] {
        &self.terms
    }

    /// The memberships in term `index` (counted from 0), or `None` beyond the terms.
    pub fn term_memberships(&self, index: usize) -> Option<&[f64]> {
        self.term_memberships.get(index).map(Vec::as_slice)
    }

    /// The solution memberships S, the maximum over the terms.
    pub fn solution_memberships(&self) -> &[f64] {
        &self.solution
    }

    /// The membership w of each case in its truth-table row: the minimum over the conditions
    /// of max(x, 1 − x).
    pub fn row_memberships(&self) -> &[f64] {
        &self.row_memberships
    }

    /// The crisp truth-table row of each case (1 above 0.5, 0 below, in the order of the
    /// conditions); `None` for a case at exactly 0.5 in some condition, which is in no row.
    pub fn rows(&self) -> &[Option<Vec<u8>>] {
        &self.rows
    }

    /// The crisp truth-table row of each case on `conditions` (some of the data's columns, in
    /// that order), as [`rows`](Self::rows) gives them on all the conditions.
    pub(crate) fn rows_on(
        &self,
        conditions: &[String],
    ) -> Result<Vec<Option<Vec<u8>>>, CaseSelectionError> {
        let columns = conditions
            .iter()
            .map(|c| Ok(self.data.fuzzy_set(c)?.into_values().to_vec()))
            .collect::<Result<Vec<_>, CaseSelectionError>>()?;
        Ok(crisp_rows(&columns, self.n_cases()))
    }

    /// The number of cases.
    pub(crate) fn n_cases(&self) -> usize {
        self.outcome.len()
    }

    /// The membership of every case in `expression`, evaluated on the data.
    pub(crate) fn evaluate(&self, expression: &Expression) -> Result<Vec<f64>, CaseSelectionError> {
        Ok(expression.evaluate(&self.data)?.into_values().to_vec())
    }
}

/// The crisp row of each of `n` cases on `columns`: 1 above 0.5, 0 below; `None` for a case
/// at exactly 0.5 in some column.
fn crisp_rows(columns: &[Vec<f64>], n: usize) -> Vec<Option<Vec<u8>>> {
    (0..n)
        .map(|i| {
            columns
                .iter()
                .map(|c| match c[i] {
                    x if x > 0.5 => Some(1),
                    x if x < 0.5 => Some(0),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

/// The literals of a conjunction of literals (a single literal is one), or the error that
/// names what was expected.
pub(crate) fn conjuncts<'a>(
    expression: &'a Expression,
    expected: &'static str,
) -> Result<Vec<&'a Literal>, CaseSelectionError> {
    let not_simple = || CaseSelectionError::NotASimpleExpression {
        expression: expression.to_string(),
        expected,
    };
    match expression.kind() {
        ExpressionKind::Literal(l) => Ok(vec![l]),
        ExpressionKind::And(items) => items
            .iter()
            .map(|item| match item.kind() {
                ExpressionKind::Literal(l) => Ok(l),
                _ => Err(not_simple()),
            })
            .collect(),
        _ => Err(not_simple()),
    }
}

/// Checks that `name` is one of the conditions.
pub(crate) fn check_condition(name: &str, conditions: &[String]) -> Result<(), CaseSelectionError> {
    if conditions.iter().any(|c| c == name) {
        Ok(())
    } else {
        Err(CaseSelectionError::UnknownCondition {
            name: name.to_owned(),
            conditions: conditions.to_vec(),
        })
    }
}
