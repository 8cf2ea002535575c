//! The result of a minimization: prime implicants, chart, essential implicants and models.

use super::covers::Covers;
use std::fmt;

#[cfg(feature = "serde")]
use super::error::MinimizeError;
use super::implicant::{Implicant, Notation};
use super::pi_chart::PiChart;

/// The exact minimization of a [`MinimizationProblem`](crate::minimize::MinimizationProblem): the prime implicants, the PI chart,
/// the essential implicants and every model (cover) requested.
///
/// Orders: prime implicants in [`Implicant`]'s order (R QCA's: fewest literals first); chart
/// columns are [`MinimizationProblem::positive`](crate::minimize::MinimizationProblem::positive) in its (sorted) order; each model is a list
/// of prime implicant indices, ascending, and models are sorted by size, then
/// lexicographically on those indices (R QCA's `M1`, `M2`, ... order on the fixtures).
///
/// # Example
/// ```
/// use fsqca::minimize::{EngineOptions, MinimizationProblem, Notation, Remainders};
/// // f(A,B,C) = Σ m(0, 1, 2, 5, 6, 7): a cyclic chart with two minimum models.
/// let bits = |m: u8| vec![(m >> 2) & 1, (m >> 1) & 1, m & 1];
/// let problem = MinimizationProblem::new(
///     vec![2; 3],
///     [0, 1, 2, 5, 6, 7].into_iter().map(bits).collect(),
///     [3, 4].into_iter().map(bits).collect(),
///     Remainders::None,
/// )?;
/// let solution = problem.solve(&EngineOptions::default())?;
/// assert_eq!(solution.prime_implicants().len(), 6);
/// assert!(solution.essential().is_empty());
/// let names = ["A", "B", "C"];
/// let models: Vec<String> = (0..solution.models().len())
///     .filter_map(|i| solution.model_expression(i, &names, Notation::Binary))
///     .collect();
/// assert_eq!(models, ["~A*~B + A*C + B*~C", "~A*~C + A*B + ~B*C"]);
/// assert!(!solution.is_truncated());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "Parts")
)]
pub struct Minimized(Parts);

/// The fields of a [`Minimized`]: with the `serde` feature, also its serialised form (a
/// `Minimized` serialises as its parts), checked by `TryFrom` on deserialisation.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
struct Parts {
    prime_implicants: Vec<Implicant>,
    chart: PiChart,
    essential: Vec<usize>,
    models: Vec<Vec<usize>>,
    truncated: bool,
    lower_bound: Option<usize>,
    max_models: usize,
}

#[cfg(feature = "serde")]
impl TryFrom<Parts> for Minimized {
    type Error = MinimizeError;

    /// Accepts the fields when the chart has one row per prime implicant, the prime implicants
    /// are over one number of conditions, and every index names a prime implicant.
    fn try_from(data: Parts) -> Result<Self, Self::Error> {
        let inconsistent = |reason: String| MinimizeError::Inconsistent {
            what: "minimization",
            reason,
        };
        let n = data.prime_implicants.len();
        if data.chart.n_rows() != n {
            return Err(inconsistent(format!(
                "the chart has {} rows for {n} prime implicants",
                data.chart.n_rows()
            )));
        }
        let conditions = data.prime_implicants.first().map(Implicant::n_conditions);
        if let Some(i) = data
            .prime_implicants
            .iter()
            .position(|p| Some(p.n_conditions()) != conditions)
        {
            return Err(inconsistent(format!(
                "prime implicant {i} has {} conditions, the first {}",
                data.prime_implicants[i].n_conditions(),
                conditions.unwrap_or(0)
            )));
        }
        let indices = data.essential.iter().chain(data.models.iter().flatten());
        if let Some(&i) = indices.into_iter().find(|&&i| i >= n) {
            return Err(inconsistent(format!(
                "index {i} names no prime implicant (there are {n})"
            )));
        }
        Ok(Minimized(data))
    }
}

impl Minimized {
    /// The result of solving: the prime implicants, their chart (one row each), the covers
    /// found, and the model cap they were listed under.
    pub(crate) fn new(
        prime_implicants: Vec<Implicant>,
        chart: PiChart,
        covers: Covers,
        max_models: usize,
    ) -> Self {
        Minimized(Parts {
            essential: chart.essential(),
            prime_implicants,
            chart,
            models: covers.models,
            truncated: covers.truncated,
            lower_bound: covers.lower_bound,
            max_models,
        })
    }

    /// The prime implicants covering at least one positive configuration (after row
    /// dominance, if it was requested); with
    /// [`PrimeMethod::Pruned`](crate::minimize::PrimeMethod::Pruned), only those that can be
    /// in a minimum model.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, MinimizationProblem, Notation, Remainders};
    /// # // Conditions A, B. Positive: A*~B, A*B; negative: ~A*~B.
    /// let problem = MinimizationProblem::new(
    ///     vec![2, 2],
    ///     vec![vec![1, 0], vec![1, 1]],
    ///     vec![vec![0, 0]],
    ///     Remainders::None,
    /// )?;
    /// let solution = problem.solve(&EngineOptions::default())?;
    /// assert_eq!(solution.prime_implicants().len(), 1);
    /// assert_eq!(solution.prime_implicants()[0].format_with(&["A", "B"], Notation::Binary), "A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prime_implicants(&self) -> &[Implicant] {
        &self.0.prime_implicants
    }

    /// The PI chart: rows are [`Minimized::prime_implicants`], columns the positive
    /// configurations in [`MinimizationProblem::positive`](crate::minimize::MinimizationProblem::positive)'s order.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, MinimizationProblem, Remainders};
    /// # // Conditions A, B. Positive: A*~B, A*B; negative: ~A*~B.
    /// let problem = MinimizationProblem::new(
    ///     vec![2, 2],
    ///     vec![vec![1, 0], vec![1, 1]],
    ///     vec![vec![0, 0]],
    ///     Remainders::None,
    /// )?;
    /// let solution = problem.solve(&EngineOptions::default())?;
    /// let chart = solution.chart();
    /// assert_eq!((chart.n_rows(), chart.n_cols()), (1, 2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn chart(&self) -> &PiChart {
        &self.0.chart
    }

    /// The essential prime implicants (indices): each is the only one covering some positive
    /// configuration, so every model contains it.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, MinimizationProblem, Remainders};
    /// # // Conditions A, B. Positive: A*~B, A*B; negative: ~A*~B.
    /// let problem = MinimizationProblem::new(
    ///     vec![2, 2],
    ///     vec![vec![1, 0], vec![1, 1]],
    ///     vec![vec![0, 0]],
    ///     Remainders::None,
    /// )?;
    /// let solution = problem.solve(&EngineOptions::default())?;
    /// assert_eq!(solution.essential(), [0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn essential(&self) -> &[usize] {
        &self.0.essential
    }

    /// The prime implicants (indices) common to every returned model. This is what R QCA
    /// prints as "essential": with a single minimum model it lists the whole model.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, MinimizationProblem, Remainders};
    /// # // Conditions A, B. Positive: A*~B, A*B; negative: ~A*~B.
    /// let problem = MinimizationProblem::new(
    ///     vec![2, 2],
    ///     vec![vec![1, 0], vec![1, 1]],
    ///     vec![vec![0, 0]],
    ///     Remainders::None,
    /// )?;
    /// let solution = problem.solve(&EngineOptions::default())?;
    /// assert_eq!(solution.in_every_model(), vec![0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn in_every_model(&self) -> Vec<usize> {
        let Some(first) = self.0.models.first() else {
            return Vec::new();
        };
        first
            .iter()
            .copied()
            .filter(|i| self.0.models.iter().all(|m| m.contains(i)))
            .collect()
    }

    /// The models: each a sorted list of prime implicant indices.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, MinimizationProblem, Remainders};
    /// # // Conditions A, B. Positive: A*~B, A*B; negative: ~A*~B.
    /// let problem = MinimizationProblem::new(
    ///     vec![2, 2],
    ///     vec![vec![1, 0], vec![1, 1]],
    ///     vec![vec![0, 0]],
    ///     Remainders::None,
    /// )?;
    /// let solution = problem.solve(&EngineOptions::default())?;
    /// assert_eq!(solution.models(), [vec![0]]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn models(&self) -> &[Vec<usize>] {
        &self.0.models
    }

    /// The terms of model `i` (empty if out of range).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, MinimizationProblem, Remainders};
    /// # // Conditions A, B. Positive: A*~B, A*B; negative: ~A*~B.
    /// let problem = MinimizationProblem::new(
    ///     vec![2, 2],
    ///     vec![vec![1, 0], vec![1, 1]],
    ///     vec![vec![0, 0]],
    ///     Remainders::None,
    /// )?;
    /// let solution = problem.solve(&EngineOptions::default())?;
    /// assert_eq!(solution.model_terms(0).len(), 1);
    /// assert!(solution.model_terms(1).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn model_terms(&self, i: usize) -> Vec<&Implicant> {
        self.0
            .models
            .get(i)
            .map(|m| {
                m.iter()
                    .filter_map(|&j| self.0.prime_implicants.get(j))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Model `i` written as a sum of products in `notation`, `A*~B + C` (see
    /// [`Implicant::format_with`]); `None` if there is no model `i`.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, MinimizationProblem, Notation, Remainders};
    /// # // Conditions A, B. Positive: A*~B, A*B; negative: ~A*~B.
    /// let problem = MinimizationProblem::new(
    ///     vec![2, 2],
    ///     vec![vec![1, 0], vec![1, 1]],
    ///     vec![vec![0, 0]],
    ///     Remainders::None,
    /// )?;
    /// let solution = problem.solve(&EngineOptions::default())?;
    /// assert_eq!(solution.model_expression(0, &["A", "B"], Notation::Binary).as_deref(), Some("A"));
    /// assert_eq!(solution.model_expression(0, &["A", "B"], Notation::MultiValue).as_deref(), Some("A[1]"));
    /// assert_eq!(solution.model_expression(99, &["A", "B"], Notation::Binary), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn model_expression<S: AsRef<str>>(
        &self,
        i: usize,
        names: &[S],
        notation: Notation,
    ) -> Option<String> {
        self.0.models.get(i)?;
        Some(
            self.model_terms(i)
                .iter()
                .map(|t| t.format_with(names, notation))
                .collect::<Vec<_>>()
                .join(" + "),
        )
    }

    /// Whether more models exist than the cap allowed to list.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, MinimizationProblem, Remainders};
    /// # // Conditions A, B. Positive: A*~B, A*B; negative: ~A*~B.
    /// let problem = MinimizationProblem::new(
    ///     vec![2, 2],
    ///     vec![vec![1, 0], vec![1, 1]],
    ///     vec![vec![0, 0]],
    ///     Remainders::None,
    /// )?;
    /// let solution = problem.solve(&EngineOptions::default())?;
    /// assert!(!solution.is_truncated());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_truncated(&self) -> bool {
        self.0.truncated
    }

    /// `Some(bound)` when the minimum model size is not proven: the node limit stopped the
    /// cover search, and [`EngineOptions::accept_unproven`](crate::minimize::EngineOptions::accept_unproven) asked for the smallest model
    /// found, which is then the one model returned. No model has fewer than `bound` prime
    /// implicants, but one smaller than the model returned may exist. `None` when the models
    /// are proven minimum (or are the irredundant covers asked for).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, MinimizationProblem, Remainders};
    /// # // Conditions A, B. Positive: A*~B, A*B; negative: ~A*~B.
    /// let problem = MinimizationProblem::new(
    ///     vec![2, 2],
    ///     vec![vec![1, 0], vec![1, 1]],
    ///     vec![vec![0, 0]],
    ///     Remainders::None,
    /// )?;
    /// let solution = problem.solve(&EngineOptions::default().accept_unproven(true))?;
    /// assert_eq!(solution.lower_bound(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lower_bound(&self) -> Option<usize> {
        self.0.lower_bound
    }

    /// Why the models are not the complete list of proven minimum models, if they are not:
    /// the minimum is not proven ([`EngineWarning::MinimumNotProven`], which comes with one
    /// model only), or the listing was cut by the model cap or the node limit. Its `Display`
    /// is the message to show the user.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, EngineWarning, MinimizationProblem, Remainders};
    /// // Σ m(0, 1, 2, 5, 6, 7) over A, B, C: two minimum models; list one.
    /// let bits = |m: u8| vec![(m >> 2) & 1, (m >> 1) & 1, m & 1];
    /// let problem = MinimizationProblem::new(
    ///     vec![2; 3],
    ///     [0, 1, 2, 5, 6, 7].into_iter().map(bits).collect(),
    ///     [3, 4].into_iter().map(bits).collect(),
    ///     Remainders::None,
    /// )?;
    /// assert_eq!(problem.solve(&EngineOptions::default())?.warning(), None);
    /// let one = problem.solve(&EngineOptions::default().max_models(1))?;
    /// assert_eq!(one.warning(), Some(EngineWarning::ModelCap { listed: 1 }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn warning(&self) -> Option<EngineWarning> {
        if let Some(lower_bound) = self.0.lower_bound {
            let size = self.0.models.first().map_or(0, Vec::len);
            return Some(EngineWarning::MinimumNotProven { size, lower_bound });
        }
        let listed = self.0.models.len();
        self.0.truncated.then_some(if listed >= self.0.max_models {
            EngineWarning::ModelCap { listed }
        } else {
            EngineWarning::NodeLimit { listed }
        })
    }
}

/// Why the models of a [`Minimized`] are not the complete list of proven minimum models
/// ([`Minimized::warning`]). Its `Display` is the message shown to the user (the same for a
/// [`Solution`](crate::solution::Solution)'s warnings).
///
/// # Example
/// ```
/// use fsqca::minimize::EngineWarning;
/// assert_eq!(
///     EngineWarning::ModelCap { listed: 2 }.to_string(),
///     "model cap reached: the first 2 minimum models are listed, and there are more \
///      (raise max_models to list more)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum EngineWarning {
    /// The model cap ([`EngineOptions::max_models`](crate::minimize::EngineOptions::max_models))
    /// stopped the listing: `listed` minimum models are listed, and there are more.
    ModelCap {
        /// The number of models listed.
        listed: usize,
    },
    /// The search node limit
    /// ([`EngineOptions::max_search_nodes`](crate::minimize::EngineOptions::max_search_nodes))
    /// stopped the listing: the `listed` minimum models are not all of them.
    NodeLimit {
        /// The number of models listed.
        listed: usize,
    },
    /// The minimum is not proven: the node limit stopped the cover search and
    /// [`EngineOptions::accept_unproven`](crate::minimize::EngineOptions::accept_unproven)
    /// asked for the smallest model found, with `size` prime implicants; no model has fewer
    /// than `lower_bound`.
    MinimumNotProven {
        /// The number of prime implicants of the model given.
        size: usize,
        /// The proven lower bound on a model's number of prime implicants.
        lower_bound: usize,
    },
}

impl fmt::Display for EngineWarning {
    /// The message shown to the user.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ModelCap { listed } => write!(
                f,
                "model cap reached: the first {listed} minimum models are listed, and there \
                 are more (raise max_models to list more)"
            ),
            Self::NodeLimit { listed } => write!(
                f,
                "the search node limit stopped the listing: the {listed} minimum models listed \
                 are not all of them (raise max_search_nodes to list more)"
            ),
            Self::MinimumNotProven { size, lower_bound } => write!(
                f,
                "the minimum model size is not proven: the search node limit stopped the \
                 search, and the model given is the smallest found, with {size} prime \
                 implicants; no model has fewer than {lower_bound} (raise max_search_nodes to \
                 prove the minimum)"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minimize::{EngineOptions, MinimizationProblem, Remainders};

    #[test]
    fn tautology_is_the_trivial_solution() {
        let p = MinimizationProblem::new(vec![2], vec![vec![0], vec![1]], vec![], Remainders::None)
            .unwrap();
        let s = p.solve(&EngineOptions::default()).unwrap();
        assert_eq!(s.models(), &[vec![0]]);
        assert_eq!(
            s.model_expression(0, &["A"], Notation::Binary).as_deref(),
            Some("1")
        );
        assert_eq!(s.model_expression(1, &["A"], Notation::Binary), None);
    }

    /// Three conditions, four positive configurations in a cycle of six prime implicants: two
    /// minimum models.
    fn cyclic_problem() -> MinimizationProblem {
        let bits = |m: u8| vec![(m >> 2) & 1, (m >> 1) & 1, m & 1];
        MinimizationProblem::new(
            vec![2; 3],
            [0, 1, 2, 5, 6, 7].into_iter().map(bits).collect(),
            [3, 4].into_iter().map(bits).collect(),
            Remainders::None,
        )
        .unwrap()
    }

    #[test]
    fn truncation_is_flagged() {
        // Two minimum models; cap at 1.
        let p = cyclic_problem();
        let s = p.solve(&EngineOptions::default().max_models(1)).unwrap();
        assert_eq!(s.models().len(), 1);
        assert!(s.is_truncated());
        assert_eq!(s.warning(), Some(EngineWarning::ModelCap { listed: 1 }));
        assert!(s
            .warning()
            .unwrap()
            .to_string()
            .starts_with("model cap reached: the first 1 minimum models are listed"));
        let all = p.solve(&EngineOptions::default()).unwrap();
        assert_eq!((all.models().len(), all.warning()), (2, None));
    }
}
