//! The solutions of a truth table: models, their terms and their fit.

use std::fmt;
use std::sync::Arc;

use crate::expression::Expression;
use crate::fit::Sufficiency;
use crate::minimize::Implicant;
use crate::number::metric;
use crate::text::pad_right;

use super::counterfactuals::Counterfactuals;
use super::solution_type::SolutionType;
use super::warning::SolutionWarning;

/// One term (prime implicant) of a model, with its fit and the cases it covers.
///
/// The models of a solution share their terms: what does not depend on the model (the
/// expression, inclusion, PRI, raw coverage, cases) is held once per solution, however many
/// models use the term; a `Term` adds its unique coverage within its model. With the `serde`
/// feature it serialises as `{expression, incl, pri, cov, cov_unique, cases}`.
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
pub struct Term {
    pub(crate) shared: Arc<SharedTerm>,
    pub(crate) cov_unique: Option<f64>,
}

/// What a term is whatever the model: held once per solution and shared by its models.
#[derive(Debug, PartialEq)]
pub(crate) struct SharedTerm {
    /// The prime implicant, for the model's simplifying assumptions.
    pub(crate) implicant: Implicant,
    pub(crate) expression: Expression,
    /// The expression written (`A*~B`), once: every model's output writes it.
    pub(crate) text: String,
    pub(crate) incl: Option<f64>,
    pub(crate) pri: Option<f64>,
    pub(crate) cov: Option<f64>,
    pub(crate) incl_h: Option<f64>,
    pub(crate) product: Option<f64>,
    pub(crate) cases: Vec<String>,
}

#[cfg(feature = "serde")]
impl serde::Serialize for Term {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Term", 8)?;
        out.serialize_field("expression", &self.shared.text)?;
        out.serialize_field("incl", &self.shared.incl)?;
        out.serialize_field("pri", &self.shared.pri)?;
        out.serialize_field("cov", &self.shared.cov)?;
        out.serialize_field("cov_unique", &self.cov_unique)?;
        out.serialize_field("incl_h", &self.shared.incl_h)?;
        out.serialize_field("product", &self.shared.product)?;
        out.serialize_field("cases", &self.shared.cases)?;
        out.end()
    }
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
        &self.shared.expression
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
        self.shared.incl
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
        self.shared.pri
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
        self.shared.cov
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
        self.shared.incl_h
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
        self.shared.product
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
        &self.shared.cases
    }
}

impl fmt::Display for Term {
    /// Prints the term's expression, `A*~B` (written once per solution).
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// assert_eq!(solution.models()[0].terms()[0].to_string(), "A*B");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shared.text)
    }
}

/// One model: a minimal disjunction of prime implicants that covers every positive row.
///
/// A model holds its [terms](Self::terms) (shared with the solution's other models), its fit,
/// the number of its simplifying assumptions and its counterfactuals; its
/// [expression](Self::expression) and [simplifying assumptions](Self::simplifying_assumptions)
/// are made from the terms when asked for, so that a solution of thousands of models of
/// hundreds of terms each holds each term once. With the `serde` feature it serialises as
/// `{expression, terms, fit, simplifying_assumptions, easy_counterfactuals,
/// difficult_counterfactuals, origin}`.
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
pub struct Model {
    /// Never empty (a model without terms would be a tautology, which is an error).
    pub(crate) terms: Vec<Term>,
    pub(crate) fit: Sufficiency,
    /// The number of remainders in the terms (the simplifying assumptions, whose cubes are
    /// the terms), `None` for a model that uses no remainder (a conservative one).
    pub(crate) assumed: Option<u64>,
    pub(crate) easy_counterfactuals: Counterfactuals,
    pub(crate) difficult_counterfactuals: Counterfactuals,
    pub(crate) origin: Option<ModelOrigin>,
}

#[cfg(feature = "serde")]
impl serde::Serialize for Model {
    /// `{expression, terms, fit, simplifying_assumptions, easy_counterfactuals,
    /// difficult_counterfactuals, origin}`, each set of counterfactuals as
    /// [`Counterfactuals`] serialises.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Model", 7)?;
        out.serialize_field("expression", &self.text())?;
        out.serialize_field("terms", &self.terms)?;
        out.serialize_field("fit", &self.fit)?;
        out.serialize_field("simplifying_assumptions", &self.simplifying_assumptions())?;
        out.serialize_field("easy_counterfactuals", &self.easy_counterfactuals)?;
        out.serialize_field("difficult_counterfactuals", &self.difficult_counterfactuals)?;
        out.serialize_field("origin", &self.origin)?;
        out.end()
    }
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
    ///
    /// # Complexity
    /// Built from the [terms](Self::terms) on each call, in time linear in their literals:
    /// the models of a solution share their terms, so that thousands of models of hundreds
    /// of terms each (an intermediate solution on 30 conditions) hold each term once.
    pub fn expression(&self) -> Expression {
        Expression::disjunction(self.terms.iter().map(|t| t.expression().clone()))
            .expect("a model has at least one term")
    }

    /// The model written, `A*~B + C`: [`Model::expression`]'s text, from the terms' own.
    fn text(&self) -> String {
        let terms: Vec<&str> = self.terms.iter().map(|t| t.shared.text.as_str()).collect();
        terms.join(" + ")
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
    /// conservative model. The set is made from the terms on each call (its count is
    /// computed once, when the solution is derived): the models share their terms.
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
    pub fn simplifying_assumptions(&self) -> Counterfactuals {
        let set = &self.easy_counterfactuals;
        match self.assumed {
            Some(count) => set.with_terms(
                self.terms
                    .iter()
                    .map(|t| (&t.shared.implicant, t.shared.text.as_str())),
                count,
            ),
            None => set.with_terms([], 0),
        }
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
            self.text(),
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
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
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
            writeln!(f, "{label}{} -> {}", model.text(), self.outcome)?;
            let width = model
                .terms
                .iter()
                .map(|t| t.shared.text.chars().count())
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
                pad_right(f, &term.shared.text, width)?;
                writeln!(
                    f,
                    "  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}  {}",
                    metric(term.incl()),
                    metric(term.pri()),
                    metric(term.cov()),
                    metric(term.cov_unique),
                    metric(term.incl_h()),
                    metric(term.product()),
                    term.cases().join(", ")
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
