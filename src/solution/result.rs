//! The solutions of a truth table: models, their terms and their fit.

use std::fmt;

use crate::expression::Expression;
use crate::fit::Sufficiency;
use crate::number::metric;
use crate::text::pad_right;

use super::counterfactuals::Counterfactuals;
use super::solution_type::SolutionType;
use super::warning::SolutionWarning;

/// One term (prime implicant) of a model, with its fit and the cases it covers.
///
/// # Example
/// ```
/// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
///
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
///     ("Y", vec![1.0, 1.0, 0.0, 0.0]),
/// ])?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
/// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
/// let term = &solution.models()[0].terms()[0];
/// assert_eq!(term.expression().to_string(), "A");
/// assert_eq!(term.cases(), ["1", "2"]);
/// assert_eq!(term.incl(), Some(1.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Term {
    pub(crate) expression: Expression,
    pub(crate) incl: Option<f64>,
    pub(crate) pri: Option<f64>,
    pub(crate) cov: Option<f64>,
    pub(crate) cov_unique: Option<f64>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(crate) incl_h: Option<f64>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(crate) product: Option<f64>,
    pub(crate) cases: Vec<String>,
}

impl Term {
    /// The term, literals in the order of the conditions.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0, 0.0]),
    /// #     ("Y", vec![1.0, 1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// let term = &solution.models()[0].terms()[0]; // the term A
    /// assert_eq!(term.expression().to_string(), "A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn expression(&self) -> &Expression {
        &self.expression
    }

    /// Sufficiency inclusion (consistency) of the term; `None` when undefined.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0, 0.0]),
    /// #     ("Y", vec![1.0, 1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// let term = &solution.models()[0].terms()[0]; // the term A
    /// assert_eq!(term.incl(), Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn incl(&self) -> Option<f64> {
        self.incl
    }

    /// PRI of the term; `None` when undefined.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0, 0.0]),
    /// #     ("Y", vec![1.0, 1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// let term = &solution.models()[0].terms()[0]; // the term A
    /// assert_eq!(term.pri(), Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pri(&self) -> Option<f64> {
        self.pri
    }

    /// Raw coverage of the term; `None` when undefined.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0, 0.0]),
    /// #     ("Y", vec![1.0, 1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// let term = &solution.models()[0].terms()[0]; // the term A
    /// assert_eq!(term.cov(), Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cov(&self) -> Option<f64> {
        self.cov
    }

    /// Unique coverage of the term within its model; `None` when undefined.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0, 0.0]),
    /// #     ("Y", vec![1.0, 1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// let term = &solution.models()[0].terms()[0]; // the term A
    /// assert_eq!(term.cov_unique(), Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cov_unique(&self) -> Option<f64> {
        self.cov_unique
    }

    /// Haesebrouck's consistency of the term (Haesebrouck 2015; see
    /// [`Sufficiency::incl_h`](crate::fit::Sufficiency::incl_h)); `None` when undefined.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0, 0.0]),
    /// #     ("Y", vec![1.0, 1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// let term = &solution.models()[0].terms()[0]; // the term A, a perfect subset of Y
    /// assert_eq!(term.incl_h(), Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn incl_h(&self) -> Option<f64> {
        self.incl_h
    }

    /// PRODUCT of the term: inclusion × PRI (see
    /// [`Sufficiency::product`](crate::fit::Sufficiency::product)); `None` when undefined.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0, 0.0]),
    /// #     ("Y", vec![1.0, 1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// let term = &solution.models()[0].terms()[0]; // the term A
    /// assert_eq!(term.product(), Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn product(&self) -> Option<f64> {
        self.product
    }

    /// The cases with a membership above 0.5 in the term, in data order.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0, 0.0]),
    /// #     ("Y", vec![1.0, 1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// let term = &solution.models()[0].terms()[0]; // the term A
    /// assert_eq!(term.cases(), ["1", "2"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cases(&self) -> &[String] {
        &self.cases
    }
}

/// One model: a minimal disjunction of prime implicants that covers every positive row.
///
/// # Example
/// ```
/// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
///
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 1.0, 0.0]),
///     ("B", vec![1.0, 0.0, 1.0]),
///     ("Y", vec![1.0, 1.0, 0.0]),
/// ])?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
/// let solution = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
/// let model = &solution.models()[0];
/// assert_eq!(model.expression().to_string(), "A");
/// // ~A*~B (row 1) is a remainder the model does not cover; A*~B and A*B are observed.
/// assert!(model.simplifying_assumptions().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Model {
    pub(crate) expression: Expression,
    pub(crate) terms: Vec<Term>,
    pub(crate) fit: Sufficiency,
    pub(crate) simplifying_assumptions: Counterfactuals,
    pub(crate) easy_counterfactuals: Counterfactuals,
    pub(crate) difficult_counterfactuals: Counterfactuals,
    pub(crate) origin: Option<ModelOrigin>,
}

/// The (conservative, parsimonious) pair of models an intermediate model was derived from:
/// their 0-based indices in the conservative and parsimonious solutions (R QCA's `C1P2` is
/// `conservative: 0, parsimonious: 1`).
///
/// # Example
/// ```
/// use fsqca::solution::{ModelOrigin, SolutionOptions, SolutionType};
/// use fsqca::{Dataset, TruthTableOptions};
///
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 0.0, 0.0]),
///     ("B", vec![1.0, 0.0, 1.0]),
///     ("Y", vec![1.0, 0.0, 0.0]),
/// ])?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
/// let solution = SolutionOptions::new(SolutionType::Intermediate)
///     .directional_expectations("A, B".parse()?)
///     .solve(&tt)?;
/// let origin: ModelOrigin = solution.models()[0].origin().unwrap();
/// assert_eq!((origin.conservative, origin.parsimonious), (0, 0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ModelOrigin {
    /// The index of the conservative model in the conservative solution's models.
    pub conservative: usize,
    /// The index of the parsimonious model in the parsimonious solution's models.
    pub parsimonious: usize,
}

impl Model {
    /// The model as an expression: `A*~B + C`.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// let model = &solution.models()[0];
    /// assert_eq!(model.expression().to_string(), "A*B");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn expression(&self) -> &Expression {
        &self.expression
    }

    /// The terms, in the order of the prime implicants (fewest literals first).
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// let model = &solution.models()[0];
    /// assert_eq!(model.terms().len(), 1);
    /// assert_eq!(model.terms()[0].expression().to_string(), "A*B");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The fit of the whole model (inclusion, PRI, coverage).
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// let model = &solution.models()[0];
    /// assert_eq!(model.fit().incl, Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fit(&self) -> &Sufficiency {
        &self.fit
    }

    /// The remainders the model covers (the simplifying assumptions it makes): the model's
    /// terms as cubes, the exact count and the row ids (up to the row limit). Empty for a
    /// conservative model.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// let model = &solution.models()[0];
    /// assert_eq!(model.expression().to_string(), "A");
    /// // The remainder A*~B is row 3.
    /// assert_eq!(model.simplifying_assumptions().rows(), [3]);
    /// assert_eq!(model.simplifying_assumptions().count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn simplifying_assumptions(&self) -> &Counterfactuals {
        &self.simplifying_assumptions
    }

    /// Intermediate models: the remainders used as easy counterfactuals (consistent with the
    /// directional expectations), as cubes with their count and row ids. Empty for the other
    /// solution types.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Intermediate)
    ///     .directional_expectations("A, ~B".parse()?)
    ///     .solve(&tt)?;
    /// let model = &solution.models()[0];
    /// assert_eq!(model.expression().to_string(), "A");
    /// assert_eq!(model.easy_counterfactuals().rows(), [3]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn easy_counterfactuals(&self) -> &Counterfactuals {
        &self.easy_counterfactuals
    }

    /// Intermediate models: the parsimonious model's simplifying assumptions that are not
    /// easy (difficult counterfactuals, not used), as cubes with their count and row ids.
    /// Empty for the other solution types.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Intermediate)
    ///     .directional_expectations("A, B".parse()?)
    ///     .solve(&tt)?;
    /// let model = &solution.models()[0];
    /// assert_eq!(model.expression().to_string(), "A*B");
    /// assert_eq!(model.difficult_counterfactuals().rows(), [3]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn difficult_counterfactuals(&self) -> &Counterfactuals {
        &self.difficult_counterfactuals
    }

    /// Intermediate models: the conservative and parsimonious models this one was derived
    /// from, by 0-based index ([`ModelOrigin`]; R QCA's `C1P1` is both at 0); `None` for the
    /// other solution types.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Intermediate)
    ///     .directional_expectations("A, B".parse()?)
    ///     .solve(&tt)?;
    /// let model = &solution.models()[0];
    /// let origin = model.origin().unwrap();
    /// assert_eq!((origin.conservative, origin.parsimonious), (0, 0));
    /// # let conservative = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// assert_eq!(conservative.models()[0].origin(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn origin(&self) -> Option<ModelOrigin> {
        self.origin
    }
}

impl fmt::Display for Model {
    /// Prints the model and its fit: `A*~B + C  (incl 0.912, PRI 0.870, cov 0.650)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}  (incl {}, PRI {}, cov {})",
            self.expression,
            metric(self.fit.incl),
            metric(self.fit.pri),
            metric(self.fit.cov)
        )
    }
}

/// The result of minimizing a truth table: every minimal model with its fit, and the
/// intermediate work (prime implicants, essential ones).
///
/// # Example
/// ```
/// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
///
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
///     ("Y", vec![1.0, 1.0, 1.0, 0.0]),
/// ])?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
/// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
/// assert_eq!(solution.models()[0].expression().to_string(), "A + B");
/// assert_eq!(solution.essential().len(), 2);
/// println!("{solution}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Solution {
    pub(crate) solution_type: SolutionType,
    pub(crate) outcome: String,
    pub(crate) conditions: Vec<String>,
    pub(crate) prime_implicants: Vec<Expression>,
    pub(crate) essential: Vec<Expression>,
    pub(crate) models: Vec<Model>,
    pub(crate) warnings: Vec<SolutionWarning>,
    pub(crate) minimum_proven: bool,
}

impl Solution {
    /// The kind of solution.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// let model = &solution.models()[0];
    /// assert_eq!(solution.solution_type(), SolutionType::Parsimonious);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn solution_type(&self) -> SolutionType {
        self.solution_type
    }

    /// The outcome, `~Y` when negated.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// let model = &solution.models()[0];
    /// assert_eq!(solution.outcome(), "Y");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn outcome(&self) -> &str {
        &self.outcome
    }

    /// The conditions, in the truth table's order.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// let model = &solution.models()[0];
    /// assert_eq!(solution.conditions(), ["A", "B"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn conditions(&self) -> &[String] {
        &self.conditions
    }

    /// The prime implicants (for an intermediate solution: those of every conservative /
    /// parsimonious pair, without repetition), fewest literals first.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// let model = &solution.models()[0];
    /// assert_eq!(solution.prime_implicants()[0].to_string(), "A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prime_implicants(&self) -> &[Expression] {
        &self.prime_implicants
    }

    /// The prime implicants that appear in every model listed, as R QCA reports its
    /// "essential" ones. They include every prime implicant that is the only cover of some
    /// positive row; with a single model, they are the whole model.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// let model = &solution.models()[0];
    /// assert_eq!(solution.essential()[0].to_string(), "A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn essential(&self) -> &[Expression] {
        &self.essential
    }

    /// Every model of minimum size (model ambiguity: more than one), in a deterministic
    /// order: by size, then by the prime implicants' order. For an intermediate solution, the
    /// models of each (conservative, parsimonious) pair in turn.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// let model = &solution.models()[0];
    /// assert_eq!(solution.models().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn models(&self) -> &[Model] {
        &self.models
    }

    /// The messages of [`Solution::warnings`] joined with `"; "`, or `None` when there is no
    /// warning: not every model is listed (the model cap or the search node limit was
    /// reached), or the minimum is not proven ([`Solution::is_minimum_proven`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// assert_eq!(solution.warning(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn warning(&self) -> Option<String> {
        (!self.warnings.is_empty()).then(|| {
            self.warnings
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        })
    }

    /// The warnings, as typed values, in the order the minimizations reported them (see
    /// [`SolutionWarning`] for an example of each).
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// assert!(solution.warnings().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn warnings(&self) -> &[SolutionWarning] {
        &self.warnings
    }

    /// Whether the listing of models is incomplete: the model cap
    /// ([`EngineOptions::max_models`](crate::minimize::EngineOptions::max_models)) or the
    /// search node limit stopped it, so more minimum models exist than
    /// [`Solution::models`] lists.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// assert!(!solution.is_truncated());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_truncated(&self) -> bool {
        self.warnings.iter().any(SolutionWarning::is_truncation)
    }

    /// The proven lower bound on a model's number of prime implicants when the minimum is not
    /// proven ([`Solution::is_minimum_proven`] is `false`), `None` otherwise. With several
    /// minimizations behind the solution (an intermediate one), the bound of the first one
    /// left unproven (conservative, then parsimonious, then each pair).
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// assert_eq!(solution.lower_bound(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lower_bound(&self) -> Option<usize> {
        self.warnings.iter().find_map(|w| match w {
            SolutionWarning::Engine(crate::minimize::EngineWarning::MinimumNotProven {
                lower_bound,
                ..
            }) => Some(*lower_bound),
            _ => None,
        })
    }

    /// Whether every model is proven to have the fewest prime implicants: `false` only when
    /// [`EngineOptions::accept_unproven`](crate::minimize::EngineOptions::accept_unproven)
    /// (given with
    /// [`SolutionOptions::engine`](crate::solution::SolutionOptions::engine)) gave the smallest model found by a search its node limit stopped (the
    /// [`warning`](Solution::warning) then gives the proven lower bound).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 0.0, 0.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0]),
    /// #     ("Y", vec![1.0, 0.0, 0.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Parsimonious)
    ///     .engine(EngineOptions::new().accept_unproven(true))
    ///     .solve(&tt)?;
    /// assert!(solution.is_minimum_proven());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_minimum_proven(&self) -> bool {
        self.minimum_proven
    }
}

impl fmt::Display for Solution {
    /// Prints every model with its fit and a table of its terms, as R QCA users read them:
    /// inclS, PRI, covS, covU, then Haesebrouck's consistency (inclH) and PRODUCT (PROD =
    /// inclS × PRI) as SetMethods' `QCAfit` adds them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let multiple = self.models.len() > 1;
        for (m, model) in self.models.iter().enumerate() {
            let label = match (multiple, model.origin) {
                (true, Some(o)) => format!(
                    "M{} (C{}P{}): ",
                    m + 1,
                    o.conservative + 1,
                    o.parsimonious + 1
                ),
                (true, None) => format!("M{}: ", m + 1),
                (false, _) => String::new(),
            };
            writeln!(f, "{label}{} -> {}", model.expression, self.outcome)?;
            let width = model
                .terms
                .iter()
                .map(|t| t.expression.to_string().chars().count())
                .max()
                .unwrap_or(0)
                .max(2);
            // Padded by hand: a format width above 65,535 panics (a long condition name).
            f.write_str("  ")?;
            pad_right(f, "", width)?;
            writeln!(
                f,
                "  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}  cases",
                "inclS", "PRI", "covS", "covU", "inclH", "PROD"
            )?;
            for term in &model.terms {
                f.write_str("  ")?;
                pad_right(f, &term.expression.to_string(), width)?;
                writeln!(
                    f,
                    "  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}  {}",
                    metric(term.incl),
                    metric(term.pri),
                    metric(term.cov),
                    metric(term.cov_unique),
                    metric(term.incl_h),
                    metric(term.product),
                    term.cases.join(", ")
                )?;
            }
            f.write_str("  ")?;
            pad_right(f, &format!("M{}", m + 1), width)?;
            writeln!(
                f,
                "  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}",
                metric(model.fit.incl),
                metric(model.fit.pri),
                metric(model.fit.cov),
                "",
                metric(model.fit.incl_h),
                metric(model.fit.product)
            )?;
        }
        if let Some(w) = self.warning() {
            writeln!(f, "warning: {w}")?;
        }
        Ok(())
    }
}
