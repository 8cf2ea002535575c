//! A truth table as deserialised: its fields, checked before they become a [`TruthTable`].

use std::collections::BTreeSet;

use super::table::TruthTable;
use super::{RowIds, TruthTableError, TruthTableOptions};
use crate::data::Dataset;
use crate::truth_table::Row;

/// The fields of a [`TruthTable`], as serialised.
#[derive(serde::Deserialize)]
pub(super) struct TruthTableRepr {
    conditions: Vec<String>,
    outcome: String,
    negated: bool,
    levels: Vec<u32>,
    rows: Vec<Row>,
    options: TruthTableOptions,
    half_cases: Vec<String>,
    data: Dataset,
    outcome_values: Vec<f64>,
}

/// [`TruthTableError::Inconsistent`] with this reason.
fn inconsistent(reason: String) -> TruthTableError {
    TruthTableError::Inconsistent { reason }
}

impl TryFrom<TruthTableRepr> for TruthTable {
    type Error = TruthTableError;

    /// Checks what [`TruthTableOptions::build`] guarantees and the later stages rely on: valid
    /// options, at least one condition, one number of levels per condition, every row's
    /// configuration within the levels and its id the configuration's, no row twice, the
    /// conditions and the outcome among the data's columns, and one outcome membership in
    /// [0, 1] per case.
    fn try_from(repr: TruthTableRepr) -> Result<Self, TruthTableError> {
        repr.options.validate()?;
        if repr.conditions.is_empty() {
            return Err(TruthTableError::NoConditions);
        }
        if repr.levels.len() != repr.conditions.len() {
            return Err(inconsistent(format!(
                "{} conditions but {} numbers of levels",
                repr.conditions.len(),
                repr.levels.len()
            )));
        }
        let ids = RowIds::new(&repr.levels)?;
        let mut seen = BTreeSet::new();
        for row in &repr.rows {
            if ids.id(row.values()) != Some(row.id()) {
                return Err(inconsistent(format!(
                    "row {} has the configuration {:?}, which is not row {} of conditions with \
                     {:?} levels",
                    row.id(),
                    row.values(),
                    row.id(),
                    repr.levels
                )));
            }
            if !seen.insert(row.id()) {
                return Err(inconsistent(format!("row {} is listed twice", row.id())));
            }
        }
        for name in repr.conditions.iter().chain([&repr.outcome]) {
            repr.data.column(name)?;
        }
        let n_cases = repr.data.n_cases();
        if repr.outcome_values.len() != n_cases {
            return Err(inconsistent(format!(
                "{} outcome memberships for {n_cases} cases",
                repr.outcome_values.len()
            )));
        }
        if let Some(y) = repr
            .outcome_values
            .iter()
            .find(|y| !(0.0..=1.0).contains(*y))
        {
            return Err(inconsistent(format!(
                "outcome membership {} is outside [0, 1]",
                crate::number::short(y)
            )));
        }
        Ok(TruthTable {
            conditions: repr.conditions,
            outcome: repr.outcome,
            negated: repr.negated,
            levels: repr.levels,
            rows: repr.rows,
            options: repr.options,
            half_cases: repr.half_cases,
            data: repr.data,
            outcome_values: repr.outcome_values,
        })
    }
}
