//! Finding rows (R QCA's `findRows`): untenable remainders, contradictory simplifying
//! assumptions, simultaneous subset relations.

use std::fmt;
use std::str::FromStr;

use crate::expression::Expression;
use crate::minimize::{CubeSet, EngineOptions};
use crate::solution::{Counterfactuals, Limits, DEFAULT_CUBE_LIMIT, DEFAULT_ROW_LIMIT};
use crate::truth_table::{OutputValue, TruthTable};

use super::csa::contradictory_assumptions;
use super::cubes::TableSpace;
use super::error::CounterfactualError;

/// The kind of rows to find: R QCA's `findRows` types (Dușa 2019).
///
/// Reads from (and prints as) `remainders` (alias `untenable`, R's type 1), `csa` (2), `ssr`
/// (3) and `all` (0); R's numbers are read too.
///
/// # Example
/// ```
/// use fsqca::counterfactual::RowType;
/// assert_eq!("untenable".parse::<RowType>()?, RowType::Remainders);
/// assert_eq!("2".parse::<RowType>()?, RowType::Csa);
/// assert_eq!(RowType::Ssr.to_string(), "ssr");
/// assert!("some".parse::<RowType>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum RowType {
    /// Type 1: the remainders on which an expression is true (untenable or impossible
    /// combinations); every remainder without an expression.
    Remainders,
    /// Type 2: contradictory simplifying assumptions, the remainders that the parsimonious
    /// solutions of the outcome and of its negation both assume (every model of each).
    Csa,
    /// Type 3: simultaneous subset relations, observed rows positive for the outcome and for
    /// its negation.
    Ssr,
    /// Type 0: the union of the three; needs an expression.
    All,
}

impl fmt::Display for RowType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RowType::Remainders => "remainders",
            RowType::Csa => "csa",
            RowType::Ssr => "ssr",
            RowType::All => "all",
        })
    }
}

impl FromStr for RowType {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "remainders" | "untenable" | "1" => Ok(RowType::Remainders),
            "csa" | "2" => Ok(RowType::Csa),
            "ssr" | "3" => Ok(RowType::Ssr),
            "all" | "0" => Ok(RowType::All),
            other => Err(format!(
                "unknown row type `{other}`: use remainders (untenable), csa, ssr or all"
            )),
        }
    }
}

/// Options of a search for rows, R QCA's `findRows(obj, expression, type)` (Dușa 2019), and
/// its runner [`FindRows::find`].
///
/// | option | set with | read with | default |
/// | --- | --- | --- | --- |
/// | expression of untenable combinations | [`FindRows::expression`] | [`FindRows::get_expression`] | none |
/// | engine of the parsimonious solutions (CSA) | [`FindRows::engine`] | [`FindRows::get_engine`] | [`EngineOptions::new`] |
/// | row ids listed at most | [`FindRows::row_limit`] | [`FindRows::get_row_limit`] | [`DEFAULT_ROW_LIMIT`](crate::solution::DEFAULT_ROW_LIMIT) (1000) |
/// | cubes listed at most | [`FindRows::cube_limit`] | [`FindRows::get_cube_limit`] | [`DEFAULT_CUBE_LIMIT`](crate::solution::DEFAULT_CUBE_LIMIT) (1000) |
///
/// The rows are found symbolically, as cubes, and counted exactly: memory grows with the
/// cubes, not with the number of configurations. Row ids and cubes are listed up to their
/// limits.
///
/// For contradictory simplifying assumptions ([`RowType::Csa`]), the truth table of the
/// negated outcome is built from the same data, conditions and options, with the two
/// inclusion cut-offs swapped (`c(ic1, ic0)` becomes `c(ic0, ic1)`, as R QCA does); the
/// simplifying assumptions of every minimum model of each parsimonious solution are pooled,
/// and the result is what both sides assume (nothing when a side has no positive row). The
/// models are not listed (they can run into millions): the pool is the remainders in the
/// prime implicants that are in some minimum model
/// ([`MinimizationProblem::implicants_in_minimum_models`](crate::minimize::MinimizationProblem::implicants_in_minimum_models)),
/// the same rows, never cut short by a model cap.
///
/// Only the implicants whose answer can change the result are decided (a relevance filter,
/// exact): the side with fewer prime implicants goes first, and a class of its implicants
/// (the implicants with the same positive configurations, all in some minimum model or all
/// in none) is tested only if it reaches a remainder that some implicant of the other side
/// covers; the other side's classes are tested only against the remainders the first side
/// assumes. On both sides a class is skipped once the classes confirmed so far (each cover
/// found confirms all of its classes) already hold all it could add, and a block of the
/// chart none of whose classes is left needs no proof of its minimum; when the first side
/// assumes nothing the other could, the other side is not searched at all. Where the
/// engine's node limit stops a proof or a test that is needed, the search fails with a
/// typed error; it never returns a partial pool.
///
/// # Example
/// ```
/// use fsqca::counterfactual::{FindRows, RowType};
/// use fsqca::{Dataset, TruthTableOptions};
///
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 0.0, 1.0]),
///     ("B", vec![1.0, 0.0, 0.0]),
///     ("C", vec![1.0, 0.0, 1.0]),
///     ("Y", vec![1.0, 0.0, 0.0]),
/// ])?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B", "C"])?;
/// let untenable = FindRows::new().expression("A*~C".parse()?).find(&tt, RowType::Remainders)?;
/// assert_eq!(untenable.rows(), [5, 7]);
/// let csa = FindRows::new().find(&tt, RowType::Csa)?;
/// assert_eq!(csa.count(), csa.rows().len() as u64);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct FindRows {
    expression: Option<Expression>,
    engine: EngineOptions,
    limit: usize,
    cube_limit: usize,
}

impl Default for FindRows {
    fn default() -> Self {
        Self::new()
    }
}

impl FindRows {
    /// The defaults: no expression, the engine's defaults, [`DEFAULT_ROW_LIMIT`](crate::solution::DEFAULT_ROW_LIMIT) row ids and
    /// [`DEFAULT_CUBE_LIMIT`](crate::solution::DEFAULT_CUBE_LIMIT) cubes listed.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::counterfactual::FindRows::new().get_row_limit(), fsqca::solution::DEFAULT_ROW_LIMIT);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Self {
        Self {
            expression: None,
            engine: EngineOptions::new(),
            limit: DEFAULT_ROW_LIMIT,
            cube_limit: DEFAULT_CUBE_LIMIT,
        }
    }

    /// Sets the expression of untenable combinations (types 1 and 0).
    ///
    /// # Example
    /// ```
    /// let f = fsqca::counterfactual::FindRows::new().expression("A*~B".parse()?);
    /// assert_eq!(f.get_expression().map(ToString::to_string).as_deref(), Some("A*~B"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn expression(mut self, expression: Expression) -> Self {
        self.expression = Some(expression);
        self
    }

    /// Sets the options of the engine behind the parsimonious solutions of type 2: the
    /// prime implicant method and limit, and the node limit (see
    /// [`MinimizationProblem::implicants_in_minimum_models`](crate::minimize::MinimizationProblem::implicants_in_minimum_models));
    /// no model is listed, so the model cap is not used.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// let f = fsqca::counterfactual::FindRows::new().engine(EngineOptions::new().max_models(5));
    /// assert_eq!(f.get_engine().get_max_models(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn engine(mut self, engine: EngineOptions) -> Self {
        self.engine = engine;
        self
    }

    /// Sets how many row ids are listed at most (the count is always exact).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::counterfactual::FindRows::new().row_limit(3).get_row_limit(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn row_limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    /// Sets how many cubes are listed at most ([`Counterfactuals::cubes`]; their number,
    /// [`Counterfactuals::cube_count`], is always exact).
    ///
    /// # Example
    /// ```
    /// use fsqca::counterfactual::{FindRows, RowType};
    /// use fsqca::{Dataset, TruthTableOptions};
    ///
    /// let data = Dataset::from_columns([("A", vec![1.0, 0.0]), ("B", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let found = FindRows::new().cube_limit(1).find(&tt, RowType::Remainders)?;
    /// assert_eq!((found.cube_count(), found.cubes().len(), found.count()), (2, 1, 2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cube_limit(mut self, limit: usize) -> Self {
        self.cube_limit = limit;
        self
    }

    /// The expression (see [`FindRows::expression`]).
    ///
    /// # Example
    /// ```
    /// assert!(fsqca::counterfactual::FindRows::new().get_expression().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_expression(&self) -> Option<&Expression> {
        self.expression.as_ref()
    }

    /// The engine's options (see [`FindRows::engine`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineOptions;
    /// assert_eq!(fsqca::counterfactual::FindRows::new().get_engine(), &EngineOptions::new());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_engine(&self) -> &EngineOptions {
        &self.engine
    }

    /// The number of row ids listed at most (see [`FindRows::row_limit`]).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::counterfactual::FindRows::default().get_row_limit(), 1000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_row_limit(&self) -> usize {
        self.limit
    }

    /// The number of cubes listed at most (see [`FindRows::cube_limit`]).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::counterfactual::FindRows::default().get_cube_limit(), 1000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_cube_limit(&self) -> usize {
        self.cube_limit
    }

    /// The rows of the given type.
    ///
    /// # Errors
    /// [`CounterfactualError::ExpressionRequired`] for [`RowType::All`] without an
    /// expression; [`CounterfactualError::Exclusion`] for an expression naming an unknown
    /// condition or level; [`CounterfactualError::TruthTable`] when the table of the negated
    /// outcome fails; [`CounterfactualError::Solution`] with
    /// [`SolutionError::Tautology`](crate::solution::SolutionError::Tautology) when every
    /// configuration is positive on one side (R QCA stops too);
    /// [`CounterfactualError::Minimize`] when the engine reaches a limit of
    /// [`FindRows::engine`] (too many prime implicants, a minimum not proven, or
    /// [`MinimizeError::MembershipNotDecided`](crate::minimize::MinimizeError::MembershipNotDecided)).
    ///
    /// # Complexity
    /// Type 2: the prime implicants of both sides, then, for the classes of implicants the
    /// filter above leaves, the proof of the minimum of their blocks, the listing of the
    /// minimum covers of the classes no other contains, and, where that list does not end,
    /// the tests of the classes together (see
    /// [`PiChart::rows_in_minimum_covers`](crate::minimize::PiChart::rows_in_minimum_covers));
    /// the set operations grow with the cubes. The charts of `~Y` are the cost: each is an
    /// exact minimum set cover (NP-hard), and on the benchmark tables of PERF.md its minimum
    /// is far above its linear bound from 14 conditions up. `crisp_k12` and `crisp_k16`
    /// take under a second, `crisp_k14` about 20 s; on `crisp_k18` and `crisp_k20` the
    /// default 100,000 search nodes do not decide them. On `crisp_k20` the chart of `~Y`
    /// has 90,095 classes (37,002 that no other contains) over 277 configurations, with a
    /// minimum of 14 against a linear bound of 11.98: proving that minimum alone takes the
    /// HiGHS 1.16 MIP solver 84 s.
    ///
    /// # Example
    /// ```
    /// use fsqca::counterfactual::{CounterfactualError, FindRows, RowType};
    /// use fsqca::{Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([("A", vec![1.0, 0.0]), ("Y", vec![1.0, 0.0])])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A"])?;
    /// assert!(matches!(
    ///     FindRows::new().find(&tt, RowType::All),
    ///     Err(CounterfactualError::ExpressionRequired { .. })
    /// ));
    /// assert_eq!(FindRows::new().find(&tt, RowType::Ssr)?.count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn find(
        &self,
        tt: &TruthTable,
        kind: RowType,
    ) -> Result<Counterfactuals, CounterfactualError> {
        let space = TableSpace::new(tt)?;
        let set = match kind {
            RowType::Remainders => self.remainders(&space)?,
            RowType::Csa => self.csa(tt, &space)?,
            RowType::Ssr => ssr(tt, &negated_table(tt)?, &space)?,
            RowType::All => {
                if self.expression.is_none() {
                    return Err(CounterfactualError::ExpressionRequired { kind: "all" });
                }
                let negated = negated_table(tt)?;
                self.remainders(&space)?
                    .union(&contradictory_assumptions(
                        [tt, &negated],
                        &space,
                        &self.engine,
                    )?)?
                    .union(&ssr(tt, &negated, &space)?)?
            }
        };
        let limits = Limits {
            rows: self.limit,
            cubes: self.cube_limit,
        };
        Ok(Counterfactuals::found(tt, set, limits)?)
    }

    fn remainders(&self, space: &TableSpace) -> Result<CubeSet, CounterfactualError> {
        match &self.expression {
            Some(e) => Ok(space.remainders_where(e)?),
            None => Ok(space.remainders.clone()),
        }
    }

    fn csa(&self, tt: &TruthTable, space: &TableSpace) -> Result<CubeSet, CounterfactualError> {
        contradictory_assumptions([tt, &negated_table(tt)?], space, &self.engine)
    }
}

/// The truth table of the negated outcome, with the inclusion cut-offs swapped.
fn negated_table(tt: &TruthTable) -> Result<TruthTable, CounterfactualError> {
    let (ic1, ic0) = tt.options().get_incl_cutoffs();
    let options = tt.options().clone().incl_cutoffs(ic0, ic1);
    let outcome = if tt.is_outcome_negated() {
        tt.outcome().to_owned()
    } else {
        format!("~{}", tt.outcome())
    };
    Ok(options.build(tt.data(), outcome.as_str(), tt.conditions())?)
}

/// Observed rows positive in both tables.
fn ssr(
    tt: &TruthTable,
    negated: &TruthTable,
    space: &TableSpace,
) -> Result<CubeSet, CounterfactualError> {
    let both: Vec<Vec<u8>> = tt
        .rows()
        .iter()
        .filter(|r| r.out() == OutputValue::Positive)
        .filter(|r| {
            negated
                .row(r.id())
                .is_some_and(|n| n.out() == OutputValue::Positive)
        })
        .map(|r| r.values().to_vec())
        .collect();
    Ok(CubeSet::from_configurations(space.levels.clone(), &both)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Dataset, TruthTableOptions};

    /// With every row under the frequency cut-off, every configuration is a remainder: the
    /// whole space, written as `A + ~A` (a cube without literal cannot be written).
    #[test]
    fn a_table_without_observed_rows_has_every_configuration_as_remainder() {
        let data = Dataset::from_columns([
            ("A", vec![1.0, 0.0]),
            ("B", vec![1.0, 0.0]),
            ("Y", vec![1.0, 0.0]),
        ])
        .unwrap();
        let tt = TruthTableOptions::default()
            .n_cutoff(5)
            .build(&data, "Y", &["A", "B"])
            .unwrap();
        let found = FindRows::new().find(&tt, RowType::Remainders).unwrap();
        assert_eq!(found.count(), 4);
        assert_eq!(found.rows(), [1, 2, 3, 4]);
        let cubes: Vec<String> = found.cubes().iter().map(ToString::to_string).collect();
        assert_eq!(cubes, ["~A", "A"]);
        assert!(found.is_complete());
    }
}
