//! Building a truth table: validation, the one-pass row assignment and the per-row sums.
//!
//! A case's membership in configuration r is m_r = min over conditions of (X_j if r_j = 1 else
//! 1 - X_j) (a multi-value condition contributes 1 at the case's own level, else 0). Write
//! h_j = max(X_j, 1 - X_j) and l_j = min(X_j, 1 - X_j) <= 0.5 (l_j = 0 for crisp and multi-value
//! conditions). A case belongs to its own corner r* (each condition rounded), where
//! m = min_j h_j > 0.5; in any other corner, with D the set of conditions where r differs from
//! r*, m_r = min over j in D of l_j. So a case contributes to r != r* only when D lies within the
//! set P of its conditions with l_j > 0.

use std::sync::Arc;

use crate::data::Dataset;
use crate::expression::{check_name, Outcome};
use crate::fit::{reaches, Sums};

use super::error::TruthTableError;
use super::index::RowIndex;
use super::options::{SortKey, TruthTableOptions};
use super::row::{OutputValue, Row};
use super::row_id::RowIds;
use super::sums::{Context, Slot, Strategy};
use super::table::TruthTable;
use crate::minimize::MAX_CONDITIONS;

/// The largest complete table (with remainders) that
/// [`TruthTableOptions::complete`] may build: 2^20 rows (20 binary conditions).
///
/// # Example
/// ```
/// use fsqca::truth_table::MAX_COMPLETE_ROWS;
/// // 20 binary conditions: 2^20 rows.
/// assert_eq!(MAX_COMPLETE_ROWS, 2u64.pow(20));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_COMPLETE_ROWS: u64 = 1 << 20;

impl TruthTableOptions {
    /// Builds the truth table of `outcome` (a column name, or `~name` for the negated outcome)
    /// on `conditions` (column names) from `data`, after checking the options.
    ///
    /// Conditions may be crisp (0/1), fuzzy ([0, 1]) or multi-value (non-negative integers, some
    /// above 1: levels 0 to the largest value). Cases are assigned to rows in one pass (each
    /// condition rounded: the row where the case's membership exceeds 0.5), accumulated by row
    /// index in a map; the 2^k complete table is never allocated unless
    /// [`complete`](Self::complete) asks for it. The inclusion and PRI sums run over all cases,
    /// as R QCA's: a case contributes to a row other than its own only through its conditions
    /// strictly between 0 and 1, so it either enumerates the rows it touches or, for many fuzzy
    /// cases, adds its contributions to sub-cubes of a (levels + 1)-ary array that one pass per
    /// condition pushes down to the rows; the cheaper exact method is chosen.
    ///
    /// # Errors
    /// [`TruthTableError`] for invalid options (see [`validate`](Self::validate)), a condition or
    /// outcome name the expression grammar cannot write ([`TruthTableError::InvalidName`], see
    /// [`check_name`](crate::expression::check_name)), no, duplicate or too many conditions, the outcome among the conditions, a value outside [0, 1] that is not a
    /// multi-value level, too many levels or configurations, or a complete table above
    /// [`MAX_COMPLETE_ROWS`]; [`DataError`](crate::DataError) for unknown columns and for
    /// missing values (naming the cases) unless [`drop_missing`](Self::drop_missing) is set.
    ///
    /// # Complexity
    /// O(cases × k) for the row assignment; the sums cost
    /// O(Σ over cases of min(2^p, rows × k)) where p is the number of the case's conditions
    /// strictly between 0 and 1, or O(cases × k log k + k × 3^k) for binary conditions
    /// (available up to 13 binary conditions), whichever is smaller. Crisp data cost
    /// O(cases × k) in all; fully fuzzy data with many conditions and as many distinct rows as
    /// cases approach O(cases × rows × k).
    ///
    /// # Example
    /// ```
    /// use fsqca::{Dataset, OutputValue, TruthTableOptions};
    ///
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 1.0, 0.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().incl_cutoffs(0.8, 0.5).build(&data, "Y", &["A"])?;
    /// assert_eq!(tt.rows()[1].out(), OutputValue::Contradiction);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn build<O, S>(
        &self,
        data: &Dataset,
        outcome: O,
        conditions: &[S],
    ) -> Result<TruthTable, TruthTableError>
    where
        O: TryInto<Outcome>,
        TruthTableError: From<O::Error>,
        S: AsRef<str>,
    {
        let outcome = outcome.try_into()?;
        for condition in conditions {
            check_name(condition.as_ref())?;
        }
        build(self, data, &outcome, conditions, Strategy::Auto)
    }
}

pub(crate) fn build<S: AsRef<str>>(
    options: &TruthTableOptions,
    data: &Dataset,
    outcome: &Outcome,
    conditions: &[S],
    strategy: Strategy,
) -> Result<TruthTable, TruthTableError> {
    options.validate()?;
    let conditions: Vec<String> = conditions.iter().map(|c| c.as_ref().to_owned()).collect();
    if conditions.is_empty() {
        return Err(TruthTableError::NoConditions);
    }
    if conditions.len() > MAX_CONDITIONS {
        return Err(TruthTableError::TooManyConditions {
            n: conditions.len(),
            max: MAX_CONDITIONS,
        });
    }
    let (outcome_name, negated) = (outcome.name().to_owned(), outcome.is_negated());
    for (j, c) in conditions.iter().enumerate() {
        if conditions[..j].contains(c) {
            return Err(TruthTableError::DuplicateCondition { name: c.clone() });
        }
        if *c == outcome_name {
            return Err(TruthTableError::OutcomeIsCondition { name: c.clone() });
        }
    }
    let mut names = conditions.clone();
    names.push(outcome_name.clone());
    let selected = data.select(&names)?;
    let selected = if options.get_drop_missing() {
        selected.drop_missing(&names)?
    } else {
        selected.require_complete(&names)?;
        selected
    };

    let (rows, levels, half_cases) = tabulate(
        options,
        &selected,
        &conditions,
        &outcome_name,
        negated,
        strategy,
    )?;
    let outcome_values = selected.memberships(&outcome_name)?.to_vec();
    Ok(TruthTable {
        conditions,
        outcome_values,
        outcome: outcome_name,
        negated,
        levels,
        rows,
        options: options.clone(),
        half_cases,
        data: selected,
    })
}

/// The rows, the conditions' numbers of levels and the cases at 0.5.
type Tabulated = (Vec<Row>, Vec<u32>, Vec<String>);

fn tabulate(
    options: &TruthTableOptions,
    selected: &Dataset,
    conditions: &[String],
    outcome_name: &str,
    negated: bool,
    strategy: Strategy,
) -> Result<Tabulated, TruthTableError> {
    let k = conditions.len();
    let n = selected.n_cases();
    let mut cols: Vec<&[f64]> = Vec::with_capacity(k);
    let mut levels = Vec::with_capacity(k);
    for name in conditions {
        match selected.levels(name)? {
            Some(l) => {
                cols.push(selected.numbers(name)?);
                levels.push(u64::from(l));
            }
            None => {
                cols.push(selected.memberships(name)?);
                levels.push(2);
            }
        }
    }
    let outcome_values = selected.memberships(outcome_name)?;
    let labels = selected.case_labels();

    let multi: Vec<bool> = levels.iter().map(|&l| l > 2).collect();

    // Row ids: mixed radix, first condition most significant.
    let row_ids = RowIds::new(&levels.iter().map(|&l| l as u32).collect::<Vec<_>>())?;
    let weights = row_ids.weights();
    let product = row_ids.rows();
    if options.get_complete() && product > MAX_COMPLETE_ROWS {
        return Err(TruthTableError::CompleteTooLarge {
            rows: product,
            max: MAX_COMPLETE_ROWS,
        });
    }

    let outcome_of = |i: usize| {
        let y = outcome_values[i];
        if negated {
            1.0 - y
        } else {
            y
        }
    };

    // Pass 1: each case's corner; the observed rows; the cases at 0.5.
    let mut index = RowIndex::new(product, n);
    let mut slots: Vec<Slot> = Vec::new();
    let mut keys: Vec<u64> = Vec::with_capacity(n);
    let mut fuzzy_counts: Vec<u8> = Vec::with_capacity(n);
    let mut half_cases = Vec::new();
    for i in 0..n {
        let mut key = 0u64;
        let mut half = false;
        let mut p = 0u8;
        for (j, col) in cols.iter().enumerate() {
            let x = col[i];
            let d = if multi[j] {
                x as u64
            } else {
                if x > 0.0 && x < 1.0 {
                    p += 1;
                }
                if x == 0.5 {
                    half = true;
                }
                u64::from(x >= 0.5)
            };
            key += d * weights[j];
        }
        keys.push(key);
        fuzzy_counts.push(p);
        if half {
            half_cases.push(i as u32);
            continue;
        }
        let (slot, inserted) = index.get_or_insert(key, slots.len() as u32);
        if inserted {
            slots.push(Slot {
                key,
                ..Slot::default()
            });
        }
        slots[slot as usize].members.push(i as u32);
    }

    // Pass 2: the sums over all cases for every observed row.
    let ctx = Context {
        cols: &cols,
        outcome: outcome_values,
        k,
        multi: &multi,
        levels: &levels,
        weights,
        keys: &keys,
        negated,
    };
    ctx.accumulate(&mut slots, &index, &fuzzy_counts, strategy);

    // Rows.
    slots.sort_unstable_by_key(|s| s.key);
    let (ic1, ic0) = options.get_incl_cutoffs();
    let decode = |key: u64| -> Vec<u8> { row_ids.digits(key).collect() };
    let make_row = |slot: &Slot| -> Row {
        let [x, xy, xy_not_y] = slot.sums;
        let sums = Sums::of_inclusion(x, xy, xy_not_y);
        let (incl, pri) = (sums.incl(), sums.pri());
        let n_members = slot.members.len();
        let out = if n_members < options.get_n_cutoff() {
            OutputValue::Remainder
        } else if reaches(incl, ic1) && reaches(pri, options.get_pri_cutoff()) {
            OutputValue::Positive
        } else if ic0 < ic1 && reaches(incl, ic0) {
            OutputValue::Contradiction
        } else {
            OutputValue::Negative
        };
        Row {
            id: slot.key + 1,
            values: decode(slot.key),
            out,
            n: n_members,
            incl,
            pri,
            labels: Arc::clone(labels),
            cases: slot.members.clone(),
            deviant_cases: slot
                .members
                .iter()
                .copied()
                .filter(|&i| outcome_of(i as usize) < 0.5)
                .collect(),
        }
    };
    let mut rows: Vec<Row> = if options.get_complete() {
        let mut next = 0usize;
        (0..product)
            .map(|key| match slots.get(next) {
                Some(s) if s.key == key => {
                    next += 1;
                    make_row(s)
                }
                _ => Row {
                    id: key + 1,
                    values: decode(key),
                    out: OutputValue::Remainder,
                    n: 0,
                    incl: None,
                    pri: None,
                    labels: Arc::clone(labels),
                    cases: Vec::new(),
                    deviant_cases: Vec::new(),
                },
            })
            .collect()
    } else {
        slots.iter().map(make_row).collect()
    };
    sort_rows(&mut rows, options.get_sort_by());
    let half_cases = half_cases
        .iter()
        .map(|&i| labels[i as usize].clone())
        .collect();
    Ok((rows, levels.iter().map(|&l| l as u32).collect(), half_cases))
}

/// Sorts by the keys (decreasing, stable on id order); remainders last. Values are compared
/// after rounding to 1e-10 so that float noise does not reorder ties.
pub(crate) fn sort_rows(rows: &mut [Row], keys: &[SortKey]) {
    if keys.is_empty() {
        return;
    }
    let q = |v: Option<f64>| v.map_or(i64::MIN, |v| (v * 1e10).round() as i64);
    rows.sort_by(|a, b| {
        let ra = a.out == OutputValue::Remainder;
        let rb = b.out == OutputValue::Remainder;
        ra.cmp(&rb).then_with(|| {
            for key in keys {
                let ord = match key {
                    SortKey::Incl => q(b.incl).cmp(&q(a.incl)),
                    SortKey::Pri => q(b.pri).cmp(&q(a.pri)),
                    SortKey::N => b.n.cmp(&a.n),
                };
                if ord.is_ne() {
                    return ord;
                }
            }
            a.id.cmp(&b.id)
        })
    });
}
