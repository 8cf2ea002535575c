//! The counterfactuals two solutions share (SetMethods' `LR.intersect`).

use crate::minimize::CubeSet;
use crate::solution::{Counterfactuals, Limits, Model, Solution, SolutionType, DEFAULT_CUBE_LIMIT};
use crate::truth_table::TruthTable;

use super::cubes::TableSpace;
use super::error::CounterfactualError;

/// The counterfactuals that two solutions of the same truth table's conditions share, as
/// SetMethods' `LR.intersect` (Oana & Schneider) gives them, normally for the outcome and its
/// negation: remainders assumed positive for both are contradictory assumptions.
///
/// Which counterfactuals of a model count depends on its solution's type:
/// - parsimonious: its simplifying assumptions (the remainders it covers);
/// - intermediate: its easy counterfactuals (those of its pair CxPy: model 0 is R's `C1P1`);
/// - conservative: none.
///
/// `first` and `second` are 0-based model indices. Unlike SetMethods 4.0, any model can be
/// chosen and 10 or more models work (SetMethods fails there, its bug SM11). The remainders
/// are those of `tt` (the truth table of either solution: both have the same observed
/// configurations when built on the same data, conditions and frequency cut-off). At most
/// `limit` row ids are listed, and [`DEFAULT_CUBE_LIMIT`] cubes.
///
/// # Errors
/// [`CounterfactualError::UnknownModel`] for an index out of range;
/// [`CounterfactualError::DifferentConditions`] when the solutions or the table are over
/// different conditions.
///
/// # Example
/// ```
/// use fsqca::counterfactual::common_counterfactuals;
/// use fsqca::solution::{SolutionOptions, SolutionType};
/// use fsqca::{Dataset, TruthTableOptions};
///
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 0.0, 1.0]),
///     ("B", vec![1.0, 0.0, 0.0]),
///     ("C", vec![1.0, 0.0, 1.0]),
///     ("Y", vec![1.0, 0.0, 0.0]),
/// ])?;
/// let options = TruthTableOptions::default();
/// let tt = options.build(&data, "Y", &["A", "B", "C"])?;
/// let tt_neg = options.build(&data, "~Y", &["A", "B", "C"])?;
/// let parsimonious = SolutionOptions::new(SolutionType::Parsimonious);
/// let y = parsimonious.solve(&tt)?;
/// let not_y = parsimonious.solve(&tt_neg)?;
/// let common = common_counterfactuals(&tt, (&y, 0), (&not_y, 0), 100)?;
/// assert_eq!(common.count(), common.rows().len() as u64);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn common_counterfactuals(
    tt: &TruthTable,
    first: (&Solution, usize),
    second: (&Solution, usize),
    limit: usize,
) -> Result<Counterfactuals, CounterfactualError> {
    let space = TableSpace::new(tt)?;
    let mut sets = Vec::with_capacity(2);
    for (solution, index) in [first, second] {
        if solution.conditions() != tt.conditions() {
            return Err(CounterfactualError::DifferentConditions {
                left: tt.conditions().to_vec(),
                right: solution.conditions().to_vec(),
            });
        }
        let model = solution
            .models()
            .get(index)
            .ok_or(CounterfactualError::UnknownModel {
                index,
                models: solution.models().len(),
            })?;
        sets.push(counterfactuals_of(&space, solution.solution_type(), model)?);
    }
    let common = sets[0].intersection(&sets[1])?;
    let limits = Limits {
        rows: limit,
        cubes: DEFAULT_CUBE_LIMIT,
    };
    Ok(Counterfactuals::found(tt, common, limits)?)
}

/// The counterfactuals of one model that count for an intersection.
fn counterfactuals_of(
    space: &TableSpace,
    solution_type: SolutionType,
    model: &Model,
) -> Result<CubeSet, CounterfactualError> {
    Ok(match solution_type {
        SolutionType::Parsimonious => space.remainders_where(&model.expression())?,
        // The region of the pair's easy counterfactuals, without observed rows.
        SolutionType::Intermediate => model
            .easy_counterfactuals()
            .cube_set()
            .difference(&space.observed)?,
        SolutionType::Conservative => CubeSet::empty(space.levels.clone())?,
    })
}
