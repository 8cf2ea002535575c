//! The options of a solution: [`SolutionOptions`], its setters, getters and checks. The
//! terminal [`SolutionOptions::solve`] is defined beside the derivation it runs, in
//! `derive.rs`.

use crate::expression::Expression;
#[cfg(doc)]
use crate::minimize::{CoverSearch, PrimeMethod};
use crate::minimize::{CubeSet, EngineOptions};

use super::counterfactuals::{DEFAULT_CUBE_LIMIT, DEFAULT_ROW_LIMIT};
use super::error::SolutionError;
use super::expectations::DirectionalExpectations;
#[cfg(doc)]
use super::result::Solution;
use super::solution_type::SolutionType;

/// How to minimize a truth table, and the terminal [`SolutionOptions::solve`].
///
/// The engine's knobs (model and search limits, row dominance, prime implicant method, which
/// covers are models) are not copied here: they live in one [`EngineOptions`] value, given
/// with [`SolutionOptions::engine`] and read back with [`SolutionOptions::get_engine`]. That
/// engine serves every minimization behind the solution (the conservative and parsimonious
/// ones, and each intermediate one).
///
/// Every option, its setter and its getter (an options type's getter is `get_` and its
/// setter's name):
///
/// | option | set with | read with | default |
/// | --- | --- | --- | --- |
/// | solution type | [`SolutionOptions::new`], [`SolutionOptions::solution_type`] | [`SolutionOptions::get_solution_type`] | [`SolutionType::Conservative`] ([`Default`]) |
/// | directional expectations | [`SolutionOptions::directional_expectations`] | [`SolutionOptions::get_directional_expectations`] | none |
/// | excluded remainders (row ids) | [`SolutionOptions::exclude`] | [`SolutionOptions::get_exclude`] | none |
/// | excluded remainders (expressions) | [`SolutionOptions::exclude_expressions`] | [`SolutionOptions::get_exclude_expressions`] | none |
/// | observed rows set negative (row ids) | [`SolutionOptions::negative_rows`] | [`SolutionOptions::get_negative_rows`] | none |
/// | row ids listed per set of counterfactuals | [`SolutionOptions::row_limit`] | [`SolutionOptions::get_row_limit`] | [`DEFAULT_ROW_LIMIT`] (1,000) |
/// | cubes listed per set of counterfactuals | [`SolutionOptions::cube_limit`] | [`SolutionOptions::get_cube_limit`] | [`DEFAULT_CUBE_LIMIT`] (1,000) |
/// | engine options | [`SolutionOptions::engine`] | [`SolutionOptions::get_engine`] | [`EngineOptions::new`] |
/// | models at most | [`EngineOptions::max_models`] | [`EngineOptions::get_max_models`] | 10,000 |
/// | row dominance (R's `row.dom`) | [`EngineOptions::row_dominance`] | [`EngineOptions::get_row_dominance`] | `false` |
/// | minimum or every irredundant model (R's `all.sol`) | [`EngineOptions::covers`] | [`EngineOptions::get_covers`] | [`CoverSearch::Minimum`] |
/// | prime implicant method | [`EngineOptions::method`] | [`EngineOptions::get_method`] | [`PrimeMethod::Fast`] |
/// | prime implicants at most | [`EngineOptions::max_prime_implicants`] | [`EngineOptions::get_max_prime_implicants`] | 2,000,000 |
/// | search nodes at most | [`EngineOptions::max_search_nodes`] | [`EngineOptions::get_max_search_nodes`] | 100,000 |
/// | accept an unproven minimum | [`EngineOptions::accept_unproven`] | [`EngineOptions::get_accept_unproven`] | `false` |
///
/// The defaults are R QCA's `minimize()` defaults:
/// - directional expectations: none, which only the conservative and parsimonious solutions
///   accept: an intermediate solution needs some ([`SolutionError::NoDirectionalExpectations`];
///   R QCA, likewise, gives an intermediate solution only with `dir.exp`);
/// - excluded remainders and observed rows set negative: none (see
///   [`crate::counterfactual`] for the Enhanced Standard Analysis and for finding the rows);
/// - the engine's (see [`EngineOptions`]): every minimal model (`all.sol = FALSE`), row
///   dominance off (`row.dom = FALSE`), at most 10,000 models; beyond, the solution lists the
///   first ones and says so in its [`warning`](Solution::warning).
///
/// One options value serves any number of truth tables; [`SolutionOptions::validate`] checks
/// what can be checked without one.
///
/// # Example
/// ```
/// use fsqca::minimize::{CoverSearch, EngineOptions};
/// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
///
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
///     ("Y", vec![1.0, 1.0, 0.0, 0.0]),
/// ])?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
/// // Every irredundant model, as R QCA's `all.sol = TRUE`.
/// let options = SolutionOptions::new(SolutionType::Parsimonious)
///     .engine(EngineOptions::new().covers(CoverSearch::Irredundant).max_models(100));
/// assert_eq!(options.get_engine().get_max_models(), 100);
/// let solution = options.solve(&tt)?;
/// assert_eq!(solution.models()[0].expression().to_string(), "A");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct SolutionOptions {
    solution_type: SolutionType,
    expectations: DirectionalExpectations,
    exclude: Vec<u64>,
    exclude_expressions: Vec<Expression>,
    pub(crate) exclusions: Exclusions,
    row_limit: usize,
    cube_limit: usize,
    engine: EngineOptions,
}

/// What the derivation excludes beyond [`SolutionOptions::exclude`]'s row ids: the crate's
/// hook for the setters that exclude by expression and set observed rows negative.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Exclusions {
    /// Configurations never used as simplifying assumptions, as cubes over the truth table's
    /// conditions. Observed rows inside keep their output: the positive ones stay positive
    /// (they are taken out of the exclusion), the negative ones are never covered anyway.
    pub(crate) remainders: Option<CubeSet>,
    /// Row ids (R QCA's) set negative: a positive row becomes a row no model covers, as R
    /// QCA's `exclude` on an observed row and SetMethods' `contrad_rows` do; a negative row
    /// or contradiction stays as it is; a remainder is never used.
    pub(crate) negative_rows: Vec<u64>,
}

impl Default for SolutionOptions {
    fn default() -> Self {
        Self::new(SolutionType::Conservative)
    }
}

impl SolutionOptions {
    /// Options for the given solution type, the rest at their defaults.
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// let o = SolutionOptions::new(SolutionType::Intermediate);
    /// assert_eq!(o.get_solution_type(), SolutionType::Intermediate);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(solution_type: SolutionType) -> Self {
        Self {
            solution_type,
            expectations: DirectionalExpectations::new(),
            exclude: Vec::new(),
            exclude_expressions: Vec::new(),
            exclusions: Exclusions::default(),
            row_limit: DEFAULT_ROW_LIMIT,
            cube_limit: DEFAULT_CUBE_LIMIT,
            engine: EngineOptions::new(),
        }
    }

    /// Sets the solution type (also given to [`SolutionOptions::new`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// let o = SolutionOptions::default().solution_type(SolutionType::Parsimonious);
    /// assert_eq!(o.get_solution_type(), SolutionType::Parsimonious);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn solution_type(mut self, solution_type: SolutionType) -> Self {
        self.solution_type = solution_type;
        self
    }

    /// Sets the directional expectations of an intermediate solution, which needs at least
    /// one (see [`SolutionOptions::validate`]); the other types ignore them, so that one
    /// options value can serve every type.
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// let o = SolutionOptions::new(SolutionType::Intermediate).directional_expectations("A, ~B".parse()?);
    /// assert_eq!(o.get_directional_expectations().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn directional_expectations(mut self, expectations: DirectionalExpectations) -> Self {
        self.expectations = expectations;
        self
    }

    /// Excludes remainders, by R QCA row id (untenable or impossible assumptions): they are
    /// never used as simplifying assumptions or counterfactuals. The conservative solution,
    /// which uses no remainder, ignores them (as it ignores directional expectations), but
    /// still checks that each id is a remainder of the table: an id that is no row, or an
    /// observed row (positive, negative or contradiction), fails [`SolutionOptions::solve`].
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// let o = SolutionOptions::new(SolutionType::Parsimonious).exclude([3, 7]);
    /// assert_eq!(o.get_exclude(), [3, 7]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exclude(mut self, ids: impl IntoIterator<Item = u64>) -> Self {
        self.exclude = ids.into_iter().collect();
        self
    }

    /// Excludes the remainders on which any of `expressions` is true: untenable or
    /// impossible combinations (`A*~B`), remainders that contradict a necessary condition
    /// (`~NEC`: the Enhanced Standard Analysis, Schneider & Wagemann 2012, ch. 8; see
    /// [`Esa`](crate::counterfactual::Esa)). They are never used as simplifying assumptions
    /// or counterfactuals. R QCA's `exclude` with an expression (Dușa 2019). Observed rows on
    /// which an expression is true keep their output (unlike SetMethods' `esa()`, which sets
    /// them negative); to set observed rows negative, see [`SolutionOptions::negative_rows`].
    ///
    /// The expressions are resolved against the truth table as cubes, never row by row, so
    /// they work at any number of conditions. Excluding every remainder (e.g. `A + ~A`)
    /// leaves nothing to simplify with: the parsimonious and intermediate solutions are then
    /// the conservative one. The conservative solution ignores exclusions, but
    /// [`SolutionOptions::solve`] still checks that the expressions fit the table.
    ///
    /// [`Exclusions`](crate::counterfactual::Exclusions) reads a list such as
    /// `"~NEC, A*~B, 12"` from text: give its expressions here and its row ids to
    /// [`SolutionOptions::exclude`].
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// use fsqca::{Dataset, TruthTableOptions};
    ///
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0]),
    ///     ("B", vec![1.0, 0.0]),
    ///     ("Y", vec![1.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let parsimonious = SolutionOptions::new(SolutionType::Parsimonious);
    /// assert_eq!(parsimonious.solve(&tt)?.models()[0].expression().to_string(), "A");
    /// // A*~B is untenable: A alone would assume it.
    /// let esa = parsimonious.exclude_expressions(["A*~B".parse()?]);
    /// assert_eq!(esa.get_exclude_expressions().len(), 1);
    /// let models: Vec<String> =
    ///     esa.solve(&tt)?.models().iter().map(|m| m.expression().to_string()).collect();
    /// assert_eq!(models, ["B"]);
    /// // Every remainder excluded: the conservative solution.
    /// let none_left = SolutionOptions::new(SolutionType::Parsimonious)
    ///     .exclude_expressions(["A + ~A".parse()?]);
    /// assert_eq!(none_left.solve(&tt)?.models()[0].expression().to_string(), "A*B");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exclude_expressions(
        mut self,
        expressions: impl IntoIterator<Item = Expression>,
    ) -> Self {
        self.exclude_expressions = expressions.into_iter().collect();
        self
    }

    /// Sets observed rows negative, by R QCA row id: rows the researcher rules out, such as
    /// contradictory rows or simultaneous subset relations
    /// ([`RowType::Ssr`](crate::counterfactual::RowType::Ssr)). A positive row set negative
    /// is no longer explained by any model; a negative row or contradiction stays as it is;
    /// a remainder is never used. R QCA's `exclude` on observed rows, SetMethods'
    /// `contrad_rows` (Oana & Schneider). An id that is no row fails
    /// [`SolutionOptions::solve`] ([`SolutionError::UnknownRow`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// use fsqca::{Dataset, TruthTableOptions};
    ///
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 1.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 0.0]),
    ///     ("Y", vec![1.0, 1.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let options = SolutionOptions::new(SolutionType::Conservative);
    /// assert_eq!(options.solve(&tt)?.models()[0].expression().to_string(), "A");
    /// // Row 3 (A*~B) is ruled out.
    /// let options = options.negative_rows([3]);
    /// assert_eq!(options.get_negative_rows(), [3]);
    /// assert_eq!(options.solve(&tt)?.models()[0].expression().to_string(), "A*B");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn negative_rows(mut self, ids: impl IntoIterator<Item = u64>) -> Self {
        self.exclusions.negative_rows = ids.into_iter().collect();
        self
    }

    /// Sets the most row ids listed per set of counterfactuals
    /// ([`Counterfactuals::rows`](crate::solution::Counterfactuals::rows)): simplifying
    /// assumptions, easy and difficult counterfactuals. Their cubes and counts are exact
    /// whatever the limit; [`Counterfactuals::is_complete`](crate::solution::Counterfactuals::is_complete)
    /// says whether the rows are all listed. Default [`DEFAULT_ROW_LIMIT`].
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// let o = SolutionOptions::new(SolutionType::Parsimonious).row_limit(20);
    /// assert_eq!(o.get_row_limit(), 20);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn row_limit(mut self, limit: usize) -> Self {
        self.row_limit = limit;
        self
    }

    /// Sets the most cubes listed per set of counterfactuals
    /// ([`Counterfactuals::cubes`](crate::solution::Counterfactuals::cubes)), a sibling of
    /// [`SolutionOptions::row_limit`]: rows and cubes are two listings of one set, and either
    /// can be long without the other (a few cubes hold millions of rows; the difficult
    /// counterfactuals of a 30-condition table are a hundred thousand cubes).
    /// [`Counterfactuals::cube_count`](crate::solution::Counterfactuals::cube_count) and
    /// [`Counterfactuals::cube_set`](crate::solution::Counterfactuals::cube_set) give them
    /// all whatever the limit. Default [`DEFAULT_CUBE_LIMIT`].
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// let o = SolutionOptions::new(SolutionType::Parsimonious).cube_limit(20);
    /// assert_eq!(o.get_cube_limit(), 20);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cube_limit(mut self, limit: usize) -> Self {
        self.cube_limit = limit;
        self
    }

    /// Sets the options of the minimization engine behind every minimization of the
    /// solution: limits on models, prime implicants and search nodes, row dominance (R QCA's
    /// `row.dom`), the prime implicant method, whether an unproven minimum is accepted, and
    /// which covers are models ([`CoverSearch::Irredundant`] gives every irredundant model,
    /// not only the minimal ones: R QCA's `all.sol = TRUE`). See [`EngineOptions`] for each
    /// and its default.
    ///
    /// With [`EngineOptions::accept_unproven`], a search stopped by its node limit gives the
    /// smallest model found, with [`Solution::is_minimum_proven`] `false` and a
    /// [`Solution::warning`] that gives the proven lower bound. With
    /// [`PrimeMethod::Pruned`], the solution's prime implicant list is the shorter list of
    /// those that can be in a minimum model.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{CoverSearch, EngineOptions, PrimeMethod};
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    ///
    /// let all_sol = SolutionOptions::new(SolutionType::Parsimonious)
    ///     .engine(EngineOptions::new().covers(CoverSearch::Irredundant));
    /// assert_eq!(all_sol.get_engine().get_covers(), CoverSearch::Irredundant);
    /// let pruned = SolutionOptions::new(SolutionType::Parsimonious)
    ///     .engine(EngineOptions::new().method(PrimeMethod::Pruned).max_search_nodes(1_000_000));
    /// assert_eq!(pruned.get_engine().get_method(), PrimeMethod::Pruned);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn engine(mut self, engine: EngineOptions) -> Self {
        self.engine = engine;
        self
    }

    /// The solution type (see [`SolutionOptions::solution_type`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// let o = SolutionOptions::new(SolutionType::Parsimonious);
    /// assert_eq!(o.get_solution_type(), SolutionType::Parsimonious);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_solution_type(&self) -> SolutionType {
        self.solution_type
    }

    /// The directional expectations (see [`SolutionOptions::directional_expectations`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// let o = SolutionOptions::new(SolutionType::Intermediate);
    /// assert!(o.get_directional_expectations().is_empty());
    /// let o = o.directional_expectations("A".parse()?);
    /// assert_eq!(o.get_directional_expectations().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_directional_expectations(&self) -> &DirectionalExpectations {
        &self.expectations
    }

    /// The excluded row ids (see [`SolutionOptions::exclude`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// let o = SolutionOptions::new(SolutionType::Parsimonious);
    /// assert!(o.get_exclude().is_empty());
    /// assert_eq!(o.exclude([2]).get_exclude(), [2]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_exclude(&self) -> &[u64] {
        &self.exclude
    }

    /// The most row ids listed per set of counterfactuals (see
    /// [`SolutionOptions::row_limit`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, DEFAULT_ROW_LIMIT};
    /// assert_eq!(SolutionOptions::default().get_row_limit(), DEFAULT_ROW_LIMIT);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_row_limit(&self) -> usize {
        self.row_limit
    }

    /// The most cubes listed per set of counterfactuals (see [`SolutionOptions::cube_limit`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::{SolutionOptions, DEFAULT_CUBE_LIMIT};
    /// assert_eq!(SolutionOptions::default().get_cube_limit(), DEFAULT_CUBE_LIMIT);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_cube_limit(&self) -> usize {
        self.cube_limit
    }

    /// The expressions of excluded remainders (see [`SolutionOptions::exclude_expressions`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::SolutionOptions;
    /// assert!(SolutionOptions::default().get_exclude_expressions().is_empty());
    /// let o = SolutionOptions::default().exclude_expressions(["~NEC".parse()?]);
    /// assert_eq!(o.get_exclude_expressions()[0].to_string(), "~NEC");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_exclude_expressions(&self) -> &[Expression] {
        &self.exclude_expressions
    }

    /// The observed rows set negative (see [`SolutionOptions::negative_rows`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::SolutionOptions;
    /// assert!(SolutionOptions::default().get_negative_rows().is_empty());
    /// assert_eq!(SolutionOptions::default().negative_rows([2]).get_negative_rows(), [2]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_negative_rows(&self) -> &[u64] {
        &self.exclusions.negative_rows
    }

    /// The engine's options (see [`SolutionOptions::engine`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// use fsqca::solution::SolutionOptions;
    /// assert_eq!(SolutionOptions::default().get_engine(), &EngineOptions::new());
    /// assert_eq!(SolutionOptions::default().get_engine().get_max_models(), 10_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_engine(&self) -> &EngineOptions {
        &self.engine
    }

    /// Checks what the options can tell without a truth table: an intermediate solution needs
    /// directional expectations, and the engine's options must be valid
    /// ([`EngineOptions::validate`]). [`SolutionOptions::solve`] runs this check first; call
    /// it earlier to refuse the options before any data is read.
    ///
    /// # Errors
    /// [`SolutionError::NoDirectionalExpectations`] for an intermediate solution without
    /// directional expectations (it would silently be the conservative solution);
    /// [`SolutionError::Minimize`] with
    /// [`MinimizeError::InvalidLimit`](crate::minimize::MinimizeError::InvalidLimit) for an
    /// engine limit of 0.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{EngineOptions, MinimizeError};
    /// use fsqca::solution::{SolutionError, SolutionOptions, SolutionType};
    ///
    /// let bare = SolutionOptions::new(SolutionType::Intermediate);
    /// assert!(matches!(bare.validate(), Err(SolutionError::NoDirectionalExpectations)));
    /// bare.directional_expectations("A, ~B".parse()?).validate()?;
    /// let no_models = SolutionOptions::new(SolutionType::Conservative)
    ///     .engine(EngineOptions::new().max_models(0));
    /// assert!(matches!(
    ///     no_models.validate(),
    ///     Err(SolutionError::Minimize(MinimizeError::InvalidLimit { option: "max_models", value: 0 }))
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), SolutionError> {
        if self.solution_type == SolutionType::Intermediate && self.expectations.is_empty() {
            return Err(SolutionError::NoDirectionalExpectations);
        }
        self.engine.validate()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minimize::MinimizeError;
    use crate::truth_table::{OutputValue, TruthTable};
    use crate::{Dataset, TruthTableOptions};

    /// Rows by id (A most significant): 1 = (0,0) negative, 2 = (0,1) remainder,
    /// 3 = (1,0) contradiction, 4 = (1,1) positive.
    fn table() -> TruthTable {
        let data = Dataset::from_columns([
            ("A", vec![0.0, 1.0, 1.0]),
            ("B", vec![0.0, 0.0, 1.0]),
            ("Y", vec![0.0, 0.6, 1.0]),
        ])
        .unwrap();
        let tt = TruthTableOptions::default()
            .incl_cutoffs(0.8, 0.4)
            .build(&data, "Y", &["A", "B"])
            .unwrap();
        let outs: Vec<(u64, OutputValue)> = tt.rows().iter().map(|r| (r.id(), r.out())).collect();
        assert_eq!(
            outs,
            [
                (1, OutputValue::Negative),
                (3, OutputValue::Contradiction),
                (4, OutputValue::Positive)
            ]
        );
        tt
    }

    const TYPES: [SolutionType; 3] = [
        SolutionType::Conservative,
        SolutionType::Parsimonious,
        SolutionType::Intermediate,
    ];

    /// The models of the solution, as printed.
    fn model_strings(options: &SolutionOptions, tt: &TruthTable) -> Vec<String> {
        options
            .solve(tt)
            .unwrap()
            .models()
            .iter()
            .map(|m| m.expression().to_string())
            .collect()
    }

    fn solution_error(options: &SolutionOptions) -> SolutionError {
        options.solve(&table()).unwrap_err()
    }

    #[test]
    fn intermediate_without_expectations_is_refused() {
        let bare = SolutionOptions::new(SolutionType::Intermediate);
        assert!(matches!(
            bare.validate(),
            Err(SolutionError::NoDirectionalExpectations)
        ));
        assert!(matches!(
            solution_error(&bare),
            SolutionError::NoDirectionalExpectations
        ));
        let empty = bare.directional_expectations("".parse().unwrap());
        assert!(matches!(
            solution_error(&empty),
            SolutionError::NoDirectionalExpectations
        ));
        let expected = empty.directional_expectations("A, B".parse().unwrap());
        assert!(expected.solve(&table()).is_ok());
        // The other types need none.
        for t in [SolutionType::Conservative, SolutionType::Parsimonious] {
            assert!(SolutionOptions::new(t).validate().is_ok());
        }
    }

    #[test]
    fn excluding_an_observed_row_is_refused() {
        for t in TYPES {
            let options = SolutionOptions::new(t).directional_expectations("A, B".parse().unwrap());
            assert!(
                matches!(
                    solution_error(&options.clone().exclude([1])),
                    SolutionError::ExcludedObservedRow {
                        id: 1,
                        output: OutputValue::Negative
                    }
                ),
                "{t}"
            );
            assert!(
                matches!(
                    solution_error(&options.clone().exclude([2, 3])),
                    SolutionError::ExcludedObservedRow {
                        id: 3,
                        output: OutputValue::Contradiction
                    }
                ),
                "{t}"
            );
            assert!(
                matches!(
                    solution_error(&options.clone().exclude([4])),
                    SolutionError::ExcludedPositiveRow { id: 4 }
                ),
                "{t}"
            );
        }
    }

    #[test]
    fn excluding_a_remainder_works_and_the_conservative_solution_ignores_it() {
        let tt = table();
        let parsimonious = SolutionOptions::new(SolutionType::Parsimonious);
        let models = |o: &SolutionOptions| model_strings(o, &tt);
        assert_eq!(models(&parsimonious), ["B"]);
        assert_eq!(models(&parsimonious.exclude([2])), ["A*B"]);
        let conservative = SolutionOptions::new(SolutionType::Conservative);
        assert_eq!(
            models(&conservative.clone().exclude([2])),
            models(&conservative)
        );
    }

    /// The crate's exclusion hook: cubes exclude remainders (observed rows inside keep their
    /// output), rows set negative are never covered.
    #[test]
    fn exclusions_hook() {
        use crate::minimize::Implicant;
        let tt = table();
        let with = |remainders: Option<CubeSet>, negative_rows: Vec<u64>| {
            let mut o = SolutionOptions::new(SolutionType::Parsimonious);
            o.exclusions = Exclusions {
                remainders,
                negative_rows,
            };
            o
        };
        let cube = |levels: [Option<u8>; 2]| {
            CubeSet::new(vec![2, 2], vec![Implicant::from_levels(&levels)]).unwrap()
        };
        // ~A holds row 1 (negative) and row 2 (the remainder B used).
        assert_eq!(
            model_strings(&with(Some(cube([Some(0), None])), vec![]), &tt),
            ["A*B"]
        );
        // B holds row 2 and row 4, which is positive and stays so.
        assert_eq!(
            model_strings(&with(Some(cube([None, Some(1)])), vec![]), &tt),
            ["A*B"]
        );
        // Row 2 set negative is never used; row 4 set negative leaves nothing to cover.
        assert_eq!(model_strings(&with(None, vec![2]), &tt), ["A*B"]);
        assert!(matches!(
            with(None, vec![4]).solve(&tt),
            Err(SolutionError::Minimize(MinimizeError::NoPositiveRows))
        ));
        assert!(matches!(
            with(None, vec![5]).solve(&tt),
            Err(SolutionError::UnknownRow { id: 5, max: 4 })
        ));
        assert!(matches!(
            with(Some(CubeSet::universe(vec![2, 3]).unwrap()), vec![]).solve(&tt),
            Err(SolutionError::Minimize(MinimizeError::LevelsDiffer { .. }))
        ));
    }

    /// Expressions exclude remainders only, are checked against the table, and excluding
    /// every remainder gives the conservative solution.
    #[test]
    fn excluded_expressions() {
        use crate::counterfactual::ExclusionError;
        let tt = table();
        let parsimonious = SolutionOptions::new(SolutionType::Parsimonious);
        let with = |text: &str| {
            parsimonious
                .clone()
                .exclude_expressions([text.parse().unwrap()])
        };
        // `B` holds the remainder 2 and the positive row 4, which stays positive.
        assert_eq!(model_strings(&with("B"), &tt), ["A*B"]);
        assert_eq!(
            model_strings(&with("A + ~A"), &tt),
            model_strings(&SolutionOptions::new(SolutionType::Conservative), &tt)
        );
        for t in TYPES {
            let options = SolutionOptions::new(t)
                .directional_expectations("A, B".parse().unwrap())
                .exclude_expressions(["A*C".parse().unwrap()]);
            assert!(
                matches!(
                    solution_error(&options),
                    SolutionError::Exclusion(ExclusionError::UnknownCondition { ref name, .. })
                        if name == "C"
                ),
                "{t}"
            );
        }
    }

    /// Each setter of `SolutionOptions`, and each engine setter reached through
    /// `SolutionOptions::engine`, is read back by `get_<setter>`: renaming a getter (or
    /// copying an engine knob back into `SolutionOptions`) breaks this test.
    #[test]
    fn every_setter_is_read_back_by_its_get_getter() {
        use crate::minimize::{CoverSearch, PrimeMethod};
        let engine = EngineOptions::new()
            .covers(CoverSearch::Irredundant)
            .method(PrimeMethod::Pruned)
            .max_models(7);
        let o = SolutionOptions::new(SolutionType::Conservative)
            .solution_type(SolutionType::Intermediate)
            .directional_expectations("A, ~B".parse().unwrap())
            .exclude([2, 5])
            .exclude_expressions(["A*~B".parse().unwrap()])
            .negative_rows([4])
            .row_limit(9)
            .engine(engine.clone());
        assert_eq!(o.get_solution_type(), SolutionType::Intermediate);
        assert_eq!(o.get_exclude_expressions()[0].to_string(), "A*~B");
        assert_eq!(o.get_negative_rows(), [4]);
        assert_eq!(
            o.get_directional_expectations(),
            &"A, ~B".parse::<DirectionalExpectations>().unwrap()
        );
        assert_eq!(o.get_exclude(), [2, 5]);
        assert_eq!(o.get_row_limit(), 9);
        // Each engine getter is tested in `minimize::options`; here, that they are reached.
        assert_eq!(o.get_engine(), &engine);
        assert_eq!(o.get_engine().get_covers(), CoverSearch::Irredundant);
        assert!(o.validate().is_ok());
        // The defaults are the engine's own.
        assert_eq!(
            SolutionOptions::default().get_engine(),
            &EngineOptions::new()
        );
        assert_eq!(
            SolutionOptions::default(),
            SolutionOptions::new(SolutionType::Conservative)
        );
    }

    /// An engine limit of 0 is refused before the table is looked at, for every type.
    #[test]
    fn zero_engine_limits_are_refused() {
        for t in TYPES {
            let base = SolutionOptions::new(t).directional_expectations("A, B".parse().unwrap());
            for (engine, name) in [
                (EngineOptions::new().max_models(0), "max_models"),
                (EngineOptions::new().max_search_nodes(0), "max_search_nodes"),
                (
                    EngineOptions::new().max_prime_implicants(0),
                    "max_prime_implicants",
                ),
            ] {
                let options = base.clone().engine(engine);
                for result in [
                    options.validate().map(|_| ()),
                    options.solve(&table()).map(|_| ()),
                ] {
                    match result {
                        Err(SolutionError::Minimize(MinimizeError::InvalidLimit {
                            option,
                            value: 0,
                        })) => assert_eq!(option, name, "{t}"),
                        other => panic!("{t} {name}: {other:?}"),
                    }
                }
            }
        }
    }

    /// Irredundant covers reach the solution: with positive rows `A*B*~C` and `A*~B*C`, and
    /// negative rows `~A*B*C` and `~A*~B*~C`, the minimum model is `A`, and `B*~C + ~B*C`
    /// is a second, larger irredundant model (R QCA's `all.sol = TRUE`).
    #[test]
    fn irredundant_covers_give_every_irredundant_model() {
        use crate::minimize::CoverSearch;
        let data = Dataset::from_columns([
            ("A", vec![1.0, 1.0, 0.0, 0.0]),
            ("B", vec![1.0, 0.0, 1.0, 0.0]),
            ("C", vec![0.0, 1.0, 1.0, 0.0]),
            ("Y", vec![1.0, 1.0, 0.0, 0.0]),
        ])
        .unwrap();
        let tt = TruthTableOptions::default()
            .build(&data, "Y", &["A", "B", "C"])
            .unwrap();
        let parsimonious = SolutionOptions::new(SolutionType::Parsimonious);
        assert_eq!(model_strings(&parsimonious, &tt), ["A"]);
        let all_sol = parsimonious.engine(EngineOptions::new().covers(CoverSearch::Irredundant));
        assert_eq!(model_strings(&all_sol, &tt), ["A", "~B*C + B*~C"]);
    }
}
