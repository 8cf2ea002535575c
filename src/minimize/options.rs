//! The engine's options.

/// Which covers of the prime implicant chart are returned as models.
///
/// Default: [`CoverSearch::Minimum`].
///
/// # Example
/// ```
/// use fsqca::minimize::{CoverSearch, EngineOptions};
/// let o = EngineOptions::default().covers(CoverSearch::Irredundant);
/// assert_eq!(o.cover_search(), CoverSearch::Irredundant);
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
/// let o = EngineOptions::default().method(PrimeMethod::QuineMcCluskey);
/// assert_eq!(o.prime_method(), PrimeMethod::QuineMcCluskey);
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
/// Defaults:
/// - `max_models`: 10,000 models at most; beyond, the result says it is truncated;
/// - `row_dominance`: `false` (R QCA's `row.dom = FALSE`): every minimum cover is kept;
/// - `covers`: [`CoverSearch::Minimum`];
/// - `method`: [`PrimeMethod::Fast`];
/// - `max_prime_implicants`: 2,000,000; beyond, solving fails with
///   [`MinimizeError::TooManyPrimeImplicants`](crate::minimize::MinimizeError::TooManyPrimeImplicants)
///   ([`MinimizeError::TooManyUsefulPrimeImplicants`](crate::minimize::MinimizeError::TooManyUsefulPrimeImplicants)
///   with the pruned method);
/// - `max_search_nodes`: 100,000 nodes of the cover search (a node takes microseconds on
///   small charts, up to about 1 ms on charts of thousands of implicant classes); reached
///   before the minimum size is proven, solving fails with
///   [`MinimizeError::MinimumNotProven`](crate::minimize::MinimizeError::MinimumNotProven),
///   which gives the size of the smallest model found and a lower bound (unless
///   `accept_unproven` is set); reached while listing the minimum models, the models found
///   are returned, marked truncated. With [`CoverSearch::Irredundant`], reached before any
///   model is found, solving fails with
///   [`MinimizeError::SearchLimit`](crate::minimize::MinimizeError::SearchLimit);
/// - `accept_unproven`: `false`: see [`EngineOptions::accept_unproven`].
///
/// # Example
/// ```
/// use fsqca::minimize::EngineOptions;
/// let o = EngineOptions::default().max_models(10).row_dominance(true);
/// assert_eq!(o.model_limit(), 10);
/// assert!(o.uses_row_dominance());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
}

impl EngineOptions {
    /// The largest number of models returned (at least 1 is used).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert_eq!(EngineOptions::default().max_models(3).model_limit(), 3);
    /// assert_eq!(EngineOptions::default().max_models(0).model_limit(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn max_models(mut self, n: usize) -> Self {
        self.max_models = n.max(1);
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
    /// assert!(EngineOptions::default().row_dominance(true).uses_row_dominance());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn row_dominance(mut self, on: bool) -> Self {
        self.row_dominance = on;
        self
    }

    /// Which covers to return.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CoverSearch, EngineOptions};
    /// let o = EngineOptions::default().covers(CoverSearch::Irredundant);
    /// assert_eq!(o.cover_search(), CoverSearch::Irredundant);
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
    /// let o = EngineOptions::default().method(PrimeMethod::QuineMcCluskey);
    /// assert_eq!(o.prime_method(), PrimeMethod::QuineMcCluskey);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn method(mut self, method: PrimeMethod) -> Self {
        self.method = method;
        self
    }

    /// The largest number of prime implicants before solving gives up.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert_eq!(EngineOptions::default().max_prime_implicants(500).prime_implicant_limit(), 500);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn max_prime_implicants(mut self, n: usize) -> Self {
        self.max_prime_implicants = n;
        self
    }

    /// The largest number of nodes of the cover search.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert_eq!(EngineOptions::default().max_search_nodes(1_000).search_node_limit(), 1_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn max_search_nodes(mut self, n: u64) -> Self {
        self.max_search_nodes = n;
        self
    }

    /// What to do when the node limit stops the cover search before the minimum model size
    /// is proven: fail with
    /// [`MinimizeError::MinimumNotProven`](crate::minimize::MinimizeError::MinimumNotProven)
    /// (`false`, the default), or return the smallest model found (`true`), flagged by
    /// [`Minimized::lower_bound`](crate::minimize::Minimized::lower_bound) and
    /// [`Minimized::warning`](crate::minimize::Minimized::warning). That model covers every
    /// positive configuration and no forbidden one, but a model with fewer prime implicants
    /// may exist: it is not a parsimonious solution in the strict sense, and must be
    /// reported as such. Only [`CoverSearch::Minimum`] has a minimum to prove.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert!(EngineOptions::default().accept_unproven(true).accepts_unproven());
    /// assert!(!EngineOptions::default().accepts_unproven());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn accept_unproven(mut self, on: bool) -> Self {
        self.accept_unproven = on;
        self
    }

    /// Whether the smallest model found is returned when the minimum is not proven (see
    /// [`EngineOptions::accept_unproven`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert!(!EngineOptions::default().accepts_unproven());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn accepts_unproven(&self) -> bool {
        self.accept_unproven
    }

    /// The search node limit.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert_eq!(EngineOptions::default().search_node_limit(), 100_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn search_node_limit(&self) -> u64 {
        self.max_search_nodes
    }

    /// The model cap.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert_eq!(EngineOptions::default().model_limit(), 10_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn model_limit(&self) -> usize {
        self.max_models
    }

    /// Whether row dominance is applied.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert!(!EngineOptions::default().uses_row_dominance());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn uses_row_dominance(&self) -> bool {
        self.row_dominance
    }

    /// Which covers are returned.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CoverSearch, EngineOptions};
    /// assert_eq!(EngineOptions::default().cover_search(), CoverSearch::Minimum);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cover_search(&self) -> CoverSearch {
        self.covers
    }

    /// The prime implicant method.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, PrimeMethod};
    /// assert_eq!(EngineOptions::default().prime_method(), PrimeMethod::Fast);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prime_method(&self) -> PrimeMethod {
        self.method
    }

    /// The prime implicant cap.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert_eq!(EngineOptions::default().prime_implicant_limit(), 2_000_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prime_implicant_limit(&self) -> usize {
        self.max_prime_implicants
    }
}
