//! The engine's pipeline, [`MinimizationProblem::solve`]: prime implicants, the prime
//! implicant chart, optional row dominance, then the covers.

use super::error::MinimizeError;
use super::implicant::Implicant;
use super::minimized::Minimized;
use super::options::{CoverSearch, EngineOptions, PrimeMethod};
use super::pi_chart::PiChart;
use super::prime_implicants::{fast_prime_implicants, useful_prime_implicants};
use super::problem::MinimizationProblem;
use super::quine_mccluskey::quine_mccluskey;

impl MinimizationProblem {
    /// Minimizes the problem exactly: prime implicants, PI chart, essential implicants, and
    /// every minimum (or irredundant, per [`EngineOptions::covers`]) cover of the positive
    /// configurations, with no external solver.
    ///
    /// Steps: prime implicants ([`fast_prime_implicants`] or
    /// [`quine_mccluskey`]), the chart ([`PiChart::new`]), optional row dominance
    /// ([`PiChart::dominated_rows`]), then the covers ([`PiChart::find_covers`]).
    ///
    /// # Errors
    /// [`MinimizeError::InvalidLimit`] for a limit of 0 ([`EngineOptions::validate`]);
    /// [`MinimizeError::TooManyPrimeImplicants`] (or, with [`PrimeMethod::Pruned`],
    /// [`MinimizeError::TooManyUsefulPrimeImplicants`]) beyond
    /// [`EngineOptions::max_prime_implicants`]; [`MinimizeError::MinimumNotProven`] when the
    /// cover search reaches [`EngineOptions::max_search_nodes`] before proving the minimum
    /// (unless [`EngineOptions::accept_unproven`] is set), [`MinimizeError::SearchLimit`]
    /// when the search for irredundant covers reaches it before finding a model;
    /// [`MinimizeError::TooLarge`] for
    /// [`PrimeMethod::QuineMcCluskey`] on a large space.
    ///
    /// # Complexity
    /// Exponential in the number of conditions in the worst case (the number of prime
    /// implicants and of minimum covers can be); see [`fast_prime_implicants`] and
    /// [`PiChart::find_covers`]. Memory is proportional to the configurations given, the
    /// prime implicants and the chart, never to the `prod(levels)` configurations.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, MinimizationProblem, Notation, Remainders};
    /// // A three-level condition D and a binary one I: D[2] and D[1]*I[0] are positive.
    /// let problem = MinimizationProblem::new(
    ///     vec![3, 2],
    ///     vec![vec![2, 0], vec![2, 1], vec![1, 0]],
    ///     vec![vec![1, 1], vec![0, 0]],
    ///     Remainders::All,
    /// )?;
    /// let solution = problem.solve(&EngineOptions::default())?;
    /// let model = solution.model_expression(0, &["D", "I"], Notation::MultiValue);
    /// assert_eq!(model.as_deref(), Some("D[2] + D[1]*I[0]"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn solve(&self, options: &EngineOptions) -> Result<Minimized, MinimizeError> {
        options.validate()?;
        let mut primes = self.prime_implicants(options)?;
        let mut chart = PiChart::new(&primes, self.positive())?;
        if options.get_row_dominance() {
            let dominated = chart.dominated_rows();
            if !dominated.is_empty() {
                let keep: Vec<usize> = (0..primes.len())
                    .filter(|r| dominated.binary_search(r).is_err())
                    .collect();
                chart = chart.select_rows(&keep)?;
                let mut i = 0;
                primes.retain(|_| {
                    i += 1;
                    dominated.binary_search(&(i - 1)).is_err()
                });
            }
        }
        let covers = chart.find_covers(options)?;
        Ok(Minimized::new(
            primes,
            chart,
            covers,
            options.get_max_models(),
        ))
    }
}

impl MinimizationProblem {
    /// The prime implicants that are in at least one minimum model, in [`Implicant`]'s
    /// order, found without listing the models: the union of the terms of every minimum
    /// model, which is what R QCA's `findRows(type = 2)` pools over the models of a
    /// parsimonious solution (the simplifying assumptions of all models are the remainders
    /// in these implicants). Where the models run into millions, listing them would be out
    /// of reach; this is exact at the cost of one bounded search per minimum model found
    /// with an implicant not yet in one, and one that rules out all the others together
    /// (see [`PiChart::rows_in_minimum_covers`]).
    ///
    /// Uses [`EngineOptions::method`], [`EngineOptions::max_prime_implicants`] and
    /// [`EngineOptions::max_search_nodes`] as [`MinimizationProblem::solve`] does
    /// ([`PrimeMethod::Pruned`] keeps every implicant of every minimum model, so the result
    /// is the same); the model cap, row dominance and the cover search are not used, and an
    /// unproven minimum is never accepted (see [`PiChart::rows_in_minimum_covers`]). Every
    /// implicant is decided; [`FindRows`](crate::counterfactual::FindRows) decides only those
    /// whose answer can change the contradictory simplifying assumptions.
    ///
    /// # Errors
    /// As [`MinimizationProblem::solve`], and
    /// [`MinimizeError::MembershipNotDecided`] when the node limit stops both the listing of
    /// the minimum models and the tests of the implicants. Never a partial answer.
    ///
    /// # Complexity
    /// The prime implicants as for [`MinimizationProblem::solve`], then
    /// [`PiChart::rows_in_minimum_covers`].
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, MinimizationProblem, Notation, Remainders};
    /// // Positive A*~B and ~A*B, negative ~A*~B: the one minimum model is A + B.
    /// let problem = MinimizationProblem::new(
    ///     vec![2, 2],
    ///     vec![vec![1, 0], vec![0, 1]],
    ///     vec![vec![0, 0]],
    ///     Remainders::All,
    /// )?;
    /// let used = problem.implicants_in_minimum_models(&EngineOptions::new())?;
    /// let names = ["A", "B"];
    /// let terms: Vec<String> = used.iter().map(|t| t.format_with(&names, Notation::Binary)).collect();
    /// assert_eq!(terms, ["A", "B"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn implicants_in_minimum_models(
        &self,
        options: &EngineOptions,
    ) -> Result<Vec<Implicant>, MinimizeError> {
        let (primes, chart) = self.minimum_model_chart(options)?;
        let rows = chart.rows_in_minimum_covers(options)?;
        Ok(rows.into_iter().map(|r| primes[r].clone()).collect())
    }

    /// The prime implicants that minimum models can be made of, by the method and limit of
    /// `options` (as [`MinimizationProblem::implicants_in_minimum_models`] takes them), and
    /// their chart over the positive configurations.
    pub(crate) fn minimum_model_chart(
        &self,
        options: &EngineOptions,
    ) -> Result<(Vec<Implicant>, PiChart), MinimizeError> {
        options.validate()?;
        let options = options.clone().covers(CoverSearch::Minimum);
        let primes = self.prime_implicants(&options)?;
        let chart = PiChart::new(&primes, self.positive())?;
        Ok((primes, chart))
    }

    /// The prime implicants by the method of `options`, at most
    /// [`EngineOptions::max_prime_implicants`] of them.
    fn prime_implicants(&self, options: &EngineOptions) -> Result<Vec<Implicant>, MinimizeError> {
        let limit = options.get_max_prime_implicants();
        match options.get_method() {
            PrimeMethod::Pruned if options.get_covers() == CoverSearch::Minimum => {
                useful_prime_implicants(self, limit)
            }
            PrimeMethod::Fast | PrimeMethod::Pruned => fast_prime_implicants(self, limit),
            PrimeMethod::QuineMcCluskey => {
                let p = quine_mccluskey(self)?;
                if p.len() > limit {
                    return Err(MinimizeError::TooManyPrimeImplicants { max: limit });
                }
                Ok(p)
            }
        }
    }
}

/// Test data: 300 cases of 12 crisp conditions (the configuration) and their outcome,
/// `X1*X2 + X3*~X4*X5` with one case in eight flipped, from a fixed pseudo-random sequence: a
/// chart whose minimum one search node cannot prove.
#[cfg(test)]
pub(crate) fn noisy_cases() -> Vec<(Vec<u8>, bool)> {
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    (0..300)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let x: Vec<u8> = (0..12).map(|j| (seed >> j & 1) as u8).collect();
            let rule = (x[0] & x[1]) | (x[2] & (1 - x[3]) & x[4]) == 1;
            (x, rule ^ (seed >> 40 & 7 == 0))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minimize::{EngineWarning, Implicant, Remainders};

    /// The configurations of [`noisy_cases`], positive where every case with it is.
    fn noisy_problem() -> MinimizationProblem {
        let mut outcomes: std::collections::BTreeMap<Vec<u8>, Vec<bool>> = Default::default();
        for (x, y) in noisy_cases() {
            outcomes.entry(x).or_default().push(y);
        }
        let (positive, forbidden): (Vec<_>, Vec<_>) = outcomes
            .into_iter()
            .partition(|(_, ys)| ys.iter().all(|&y| y));
        let configs = |list: Vec<(Vec<u8>, Vec<bool>)>| list.into_iter().map(|(x, _)| x).collect();
        MinimizationProblem::new(
            vec![2; 12],
            configs(positive),
            configs(forbidden),
            Remainders::All,
        )
        .unwrap()
    }

    #[test]
    fn unproven_minimum_fails_or_gives_the_smallest_model_found() {
        let problem = noisy_problem();
        let one_node = EngineOptions::default().max_search_nodes(1);
        let Err(MinimizeError::MinimumNotProven {
            best, lower_bound, ..
        }) = problem.solve(&one_node)
        else {
            panic!("one node proves the minimum: the test needs a harder chart");
        };
        assert!(lower_bound < best);

        let accepted = problem.solve(&one_node.accept_unproven(true)).unwrap();
        assert_eq!(accepted.lower_bound(), Some(lower_bound));
        assert_eq!(accepted.models().len(), 1);
        let model = &accepted.models()[0];
        assert_eq!(model.len(), best);
        let terms: Vec<&Implicant> = model
            .iter()
            .map(|&i| &accepted.prime_implicants()[i])
            .collect();
        for p in problem.positive() {
            assert!(terms.iter().any(|t| t.covers(p)), "{p:?} is not covered");
        }
        for f in problem.forbidden() {
            assert!(!terms.iter().any(|t| t.covers(f)), "{f:?} is covered");
        }
        assert_eq!(
            accepted.warning(),
            Some(EngineWarning::MinimumNotProven {
                size: best,
                lower_bound
            })
        );
        let warning = accepted.warning().unwrap().to_string();
        assert!(
            warning.starts_with("the minimum model size is not proven")
                && warning.contains(&format!(
                    "with {best} prime implicants; no model has fewer than {lower_bound}"
                )),
            "{warning}"
        );

        // Given the nodes, the same options prove the minimum, which lies between the bounds.
        let proven = problem
            .solve(
                &EngineOptions::default()
                    .max_search_nodes(1_000_000)
                    .accept_unproven(true),
            )
            .unwrap();
        assert_eq!(proven.lower_bound(), None);
        let size = proven.models()[0].len();
        assert!(
            (lower_bound..=best).contains(&size),
            "{lower_bound} <= {size} <= {best}"
        );
    }
}
