//! The engine's options.

use super::MinimizeError;

/// Which covers of the prime implicant chart are returned as models.
///
/// Default: [`CoverSearch::Minimum`].
///
/// # Example
/// ```
/// use fsqca::minimize::{CoverSearch, EngineOptions};
/// let o = EngineOptions::new().covers(CoverSearch::Irredundant);
/// assert_eq!(o.get_covers(), CoverSearch::Irredundant);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum CoverSearch {
    /// Every cover with the fewest prime implicants (R QCA's default).
    #[default]
    Minimum,
    /// Every irredundant cover, of any size (R QCA's `all.sol = TRUE`).
    Irredundant,
}

/// How prime implicants are generated.
///
/// Default: [`PrimeMethod::Fast`].
///
/// # Example
/// ```
/// use fsqca::minimize::{EngineOptions, PrimeMethod};
/// let o = EngineOptions::new().method(PrimeMethod::QuineMcCluskey);
/// assert_eq!(o.get_method(), PrimeMethod::QuineMcCluskey);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum PrimeMethod {
    /// [`fast_prime_implicants`](crate::minimize::fast_prime_implicants): never enumerates
    /// the remainders; any number of conditions.
    #[default]
    Fast,
    /// [`quine_mccluskey`](crate::minimize::quine_mccluskey): the plain reference, for small
    /// problems only.
    QuineMcCluskey,
    /// [`useful_prime_implicants`](crate::minimize::useful_prime_implicants): for the
    /// parsimonious solution, only the prime implicants that a bound cannot rule out of a
    /// minimum cover. The minimum models are the same as with [`PrimeMethod::Fast`], but
    /// [`Minimized::prime_implicants`](crate::minimize::Minimized::prime_implicants) and the
    /// chart list only those implicants (so "essential" is relative to them). For problems
    /// with millions of prime implicants (many conditions, few observed configurations).
    /// With [`CoverSearch::Irredundant`], which can use any prime implicant,
    /// [`PrimeMethod::Fast`] is used instead.
    Pruned,
}

/// Options of [`MinimizationProblem::solve`](crate::minimize::MinimizationProblem::solve).
///
/// | option | setter | getter | default |
/// | --- | --- | --- | --- |
/// | models at most | [`max_models`](Self::max_models) | [`get_max_models`](Self::get_max_models) | 10,000 |
/// | row dominance (R's `row.dom`) | [`row_dominance`](Self::row_dominance) | [`get_row_dominance`](Self::get_row_dominance) | `false` |
/// | covers returned (R's `all.sol`) | [`covers`](Self::covers) | [`get_covers`](Self::get_covers) | [`CoverSearch::Minimum`] |
/// | prime implicant method | [`method`](Self::method) | [`get_method`](Self::get_method) | [`PrimeMethod::Fast`] |
/// | prime implicants at most | [`max_prime_implicants`](Self::max_prime_implicants) | [`get_max_prime_implicants`](Self::get_max_prime_implicants) | 2,000,000 |
/// | search nodes at most | [`max_search_nodes`](Self::max_search_nodes) | [`get_max_search_nodes`](Self::get_max_search_nodes) | 100,000 |
/// | accept an unproven minimum | [`accept_unproven`](Self::accept_unproven) | [`get_accept_unproven`](Self::get_accept_unproven) | `false` |
///
/// What the defaults mean:
/// - `max_models`: beyond 10,000 models, the result says it is truncated;
/// - `row_dominance`: `false` (R QCA's `row.dom = FALSE`): every minimum cover is kept;
/// - `max_prime_implicants`: beyond, solving fails with
///   [`MinimizeError::TooManyPrimeImplicants`]
///   ([`MinimizeError::TooManyUsefulPrimeImplicants`] with the pruned method);
/// - `max_search_nodes`: nodes of the cover search (a node takes microseconds on small
///   charts, up to about 1 ms on charts of thousands of implicant classes); reached before the
///   minimum size is proven, solving fails with [`MinimizeError::MinimumNotProven`], which
///   gives the size of the smallest model found and a lower bound (unless `accept_unproven`
///   is set); reached while listing the minimum models, the models found are returned, marked
///   truncated. With [`CoverSearch::Irredundant`], reached before any model is found, solving
///   fails with [`MinimizeError::SearchLimit`];
/// - `accept_unproven`: see [`EngineOptions::accept_unproven`].
///
/// The three limits must be at least 1: [`EngineOptions::validate`] (which
/// [`MinimizationProblem::solve`](crate::minimize::MinimizationProblem::solve) runs first)
/// refuses 0 with [`MinimizeError::InvalidLimit`]; no value is changed silently.
///
/// # Example
/// ```
/// use fsqca::minimize::EngineOptions;
/// let o = EngineOptions::new().max_models(10).row_dominance(true);
/// assert_eq!(o.get_max_models(), 10);
/// assert!(o.get_row_dominance());
/// assert_eq!(o, EngineOptions::default().max_models(10).row_dominance(true));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[must_use]
pub struct EngineOptions {
    max_models: usize,
    row_dominance: bool,
    covers: CoverSearch,
    method: PrimeMethod,
    max_prime_implicants: usize,
    max_search_nodes: u64,
    accept_unproven: bool,
}

impl Default for EngineOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl EngineOptions {
    /// The default options (see the table of [`EngineOptions`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CoverSearch, EngineOptions};
    /// let o = EngineOptions::new();
    /// assert_eq!(o.get_covers(), CoverSearch::Minimum);
    /// assert_eq!(o, EngineOptions::default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Self {
        EngineOptions {
            max_models: 10_000,
            row_dominance: false,
            covers: CoverSearch::Minimum,
            method: PrimeMethod::Fast,
            max_prime_implicants: 2_000_000,
            max_search_nodes: 100_000,
            accept_unproven: false,
        }
    }

    /// The largest number of models returned; at least 1 (0 fails
    /// [`EngineOptions::validate`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, MinimizeError};
    /// assert_eq!(EngineOptions::new().max_models(3).get_max_models(), 3);
    /// assert_eq!(
    ///     EngineOptions::new().max_models(0).validate(),
    ///     Err(MinimizeError::InvalidLimit { option: "max_models", value: 0 })
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn max_models(mut self, n: usize) -> Self {
        self.max_models = n;
        self
    }

    /// Whether to drop dominated prime implicants before solving the chart (R QCA's
    /// `row.dom`): an implicant whose covered positive configurations are a proper subset of
    /// another's (or the same set as an earlier one's). This can remove alternative minimum
    /// models.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert!(EngineOptions::new().row_dominance(true).get_row_dominance());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn row_dominance(mut self, on: bool) -> Self {
        self.row_dominance = on;
        self
    }

    /// Which covers to return: the minimum ones (R QCA's default) or every irredundant one
    /// ([`CoverSearch::Irredundant`], R QCA's `all.sol = TRUE`).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CoverSearch, EngineOptions};
    /// let o = EngineOptions::new().covers(CoverSearch::Irredundant);
    /// assert_eq!(o.get_covers(), CoverSearch::Irredundant);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn covers(mut self, covers: CoverSearch) -> Self {
        self.covers = covers;
        self
    }

    /// How to generate the prime implicants.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, PrimeMethod};
    /// let o = EngineOptions::new().method(PrimeMethod::QuineMcCluskey);
    /// assert_eq!(o.get_method(), PrimeMethod::QuineMcCluskey);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn method(mut self, method: PrimeMethod) -> Self {
        self.method = method;
        self
    }

    /// The largest number of prime implicants before solving gives up; at least 1 (0 fails
    /// [`EngineOptions::validate`]: a problem with a positive configuration has a prime
    /// implicant).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// let o = EngineOptions::new().max_prime_implicants(500);
    /// assert_eq!(o.get_max_prime_implicants(), 500);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn max_prime_implicants(mut self, n: usize) -> Self {
        self.max_prime_implicants = n;
        self
    }

    /// The largest number of nodes of the cover search; at least 1 (0 fails
    /// [`EngineOptions::validate`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert_eq!(EngineOptions::new().max_search_nodes(1_000).get_max_search_nodes(), 1_000);
    /// assert!(EngineOptions::new().max_search_nodes(0).validate().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn max_search_nodes(mut self, n: u64) -> Self {
        self.max_search_nodes = n;
        self
    }

    /// What to do when the node limit stops the cover search before the minimum model size
    /// is proven: fail with [`MinimizeError::MinimumNotProven`] (`false`, the default), or
    /// return the smallest model found (`true`), flagged by
    /// [`Minimized::lower_bound`](crate::minimize::Minimized::lower_bound) and
    /// [`Minimized::warning`](crate::minimize::Minimized::warning). That model covers every
    /// positive configuration and no forbidden one, but a model with fewer prime implicants
    /// may exist: it is not a parsimonious solution in the strict sense, and must be
    /// reported as such. Only [`CoverSearch::Minimum`] has a minimum to prove.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert!(EngineOptions::new().accept_unproven(true).get_accept_unproven());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn accept_unproven(mut self, on: bool) -> Self {
        self.accept_unproven = on;
        self
    }

    /// The model limit (see [`EngineOptions::max_models`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert_eq!(EngineOptions::new().get_max_models(), 10_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_max_models(&self) -> usize {
        self.max_models
    }

    /// Whether row dominance is applied (see [`EngineOptions::row_dominance`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert!(!EngineOptions::new().get_row_dominance());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_row_dominance(&self) -> bool {
        self.row_dominance
    }

    /// Which covers are returned (see [`EngineOptions::covers`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CoverSearch, EngineOptions};
    /// assert_eq!(EngineOptions::new().get_covers(), CoverSearch::Minimum);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_covers(&self) -> CoverSearch {
        self.covers
    }

    /// The prime implicant method (see [`EngineOptions::method`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, PrimeMethod};
    /// assert_eq!(EngineOptions::new().get_method(), PrimeMethod::Fast);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_method(&self) -> PrimeMethod {
        self.method
    }

    /// The prime implicant limit (see [`EngineOptions::max_prime_implicants`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert_eq!(EngineOptions::new().get_max_prime_implicants(), 2_000_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_max_prime_implicants(&self) -> usize {
        self.max_prime_implicants
    }

    /// The search node limit (see [`EngineOptions::max_search_nodes`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert_eq!(EngineOptions::new().get_max_search_nodes(), 100_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_max_search_nodes(&self) -> u64 {
        self.max_search_nodes
    }

    /// Whether the smallest model found is returned when the minimum is not proven (see
    /// [`EngineOptions::accept_unproven`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert!(!EngineOptions::new().get_accept_unproven());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_accept_unproven(&self) -> bool {
        self.accept_unproven
    }

    /// Checks the options: each limit (`max_models`, `max_prime_implicants`,
    /// `max_search_nodes`) is at least 1.
    /// [`MinimizationProblem::solve`](crate::minimize::MinimizationProblem::solve) runs this
    /// check first; call it earlier to refuse the options before any data is read.
    ///
    /// # Errors
    /// [`MinimizeError::InvalidLimit`], naming the first limit that is 0.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, MinimizeError};
    /// EngineOptions::new().validate()?;
    /// let err = EngineOptions::new().max_search_nodes(0).validate().unwrap_err();
    /// assert_eq!(err, MinimizeError::InvalidLimit { option: "max_search_nodes", value: 0 });
    /// assert_eq!(err.to_string(), "max_search_nodes is 0: it must be at least 1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), MinimizeError> {
        let limits = [
            ("max_models", self.max_models as u64),
            ("max_prime_implicants", self.max_prime_implicants as u64),
            ("max_search_nodes", self.max_search_nodes),
        ];
        match limits.into_iter().find(|&(_, value)| value == 0) {
            Some((option, value)) => Err(MinimizeError::InvalidLimit { option, value }),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each setter is read back by `get_<setter>`: renaming a getter breaks this test.
    #[test]
    fn every_setter_is_read_back_by_its_get_getter() {
        let o = EngineOptions::new()
            .max_models(7)
            .row_dominance(true)
            .covers(CoverSearch::Irredundant)
            .method(PrimeMethod::QuineMcCluskey)
            .max_prime_implicants(11)
            .max_search_nodes(13)
            .accept_unproven(true);
        assert_eq!(o.get_max_models(), 7);
        assert!(o.get_row_dominance());
        assert_eq!(o.get_covers(), CoverSearch::Irredundant);
        assert_eq!(o.get_method(), PrimeMethod::QuineMcCluskey);
        assert_eq!(o.get_max_prime_implicants(), 11);
        assert_eq!(o.get_max_search_nodes(), 13);
        assert!(o.get_accept_unproven());
        assert_eq!(o.validate(), Ok(()));
        assert_eq!(EngineOptions::new(), EngineOptions::default());
    }

    /// Zero limits are refused by name, never raised to 1 behind the caller's back.
    #[test]
    fn zero_limits_are_refused_not_clamped() {
        let refused = |o: EngineOptions| o.validate().unwrap_err();
        assert_eq!(
            refused(EngineOptions::new().max_models(0)),
            MinimizeError::InvalidLimit {
                option: "max_models",
                value: 0
            }
        );
        assert_eq!(EngineOptions::new().max_models(0).get_max_models(), 0);
        assert_eq!(
            refused(EngineOptions::new().max_prime_implicants(0)),
            MinimizeError::InvalidLimit {
                option: "max_prime_implicants",
                value: 0
            }
        );
        assert_eq!(
            refused(EngineOptions::new().max_search_nodes(0)),
            MinimizeError::InvalidLimit {
                option: "max_search_nodes",
                value: 0
            }
        );
        for one in [
            EngineOptions::new().max_models(1),
            EngineOptions::new().max_prime_implicants(1),
            EngineOptions::new().max_search_nodes(1),
        ] {
            assert_eq!(one.validate(), Ok(()));
        }
    }
}
