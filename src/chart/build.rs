//! Configuration charts from an intermediate solution and the parsimonious one it rests on.

use crate::minimize::Implicant;
use crate::solution::{Model, Solution, SolutionType, Term};

use super::class::ConditionClass;
use super::configuration::Configuration;
use super::error::ChartError;

/// The configuration chart of one intermediate model with the parsimonious model it rests on
/// (Ragin & Fiss 2008; Fiss 2011; Ragin & Fiss 2017).
///
/// One configuration per intermediate term, grouped by core: configurations that imply the
/// same parsimonious terms share a number and are told apart by a letter (Fiss's neutral
/// permutations, `1a`, `1b`). Below them, the fit of each configuration and of the solution.
/// [`render`](Self::render) writes it as a table, `svg` (feature `plot`) draws it.
///
/// # Example
/// ```
/// use fsqca::chart::configuration_charts;
/// use fsqca::solution::{SolutionOptions, SolutionType};
/// use fsqca::{Dataset, TruthTableOptions};
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
///     ("B", vec![1.0, 0.0, 1.0, 0.0, 1.0]),
///     ("C", vec![1.0, 1.0, 0.0, 0.0, 0.0]),
///     ("Y", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
/// ])?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B", "C"])?;
/// let intermediate = SolutionOptions::new(SolutionType::Intermediate)
///     .directional_expectations("A, B, C".parse()?)
///     .solve(&tt)?;
/// let parsimonious = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
/// let charts = configuration_charts(&intermediate, &parsimonious)?;
/// assert_eq!(charts.len(), 1);
/// let chart = &charts[0];
/// assert_eq!(chart.conditions, ["A", "B", "C"]);
/// assert_eq!(chart.parsimonious_expression, "A");
/// assert_eq!(chart.intermediate_expression, "A*B + A*C");
/// // Both terms rest on A: one core, two configurations (neutral permutations).
/// let labels: Vec<&str> = chart.configurations.iter().map(|c| c.label.as_str()).collect();
/// assert_eq!(labels, ["1a", "1b"]);
/// assert_eq!(chart.incl, Some(1.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ConfigurationChart {
    /// The outcome, e.g. `Y` or `~Y`.
    pub outcome: String,
    /// The conditions (the rows of the chart), in the truth table's order.
    pub conditions: Vec<String>,
    /// The intermediate model charted (from 1).
    pub intermediate_model: usize,
    /// The number of models of the intermediate solution.
    pub intermediate_models: usize,
    /// The parsimonious model the intermediate model rests on (from 1).
    pub parsimonious_model: usize,
    /// The number of models of the parsimonious solution.
    pub parsimonious_models: usize,
    /// The intermediate model, e.g. `A*B + ~C*D`.
    pub intermediate_expression: String,
    /// The parsimonious model, e.g. `A + ~C`.
    pub parsimonious_expression: String,
    /// The configurations (the columns), grouped by core.
    pub configurations: Vec<Configuration>,
    /// Solution consistency (inclusion of the intermediate model); `None` when undefined.
    pub incl: Option<f64>,
    /// Solution PRI; `None` when undefined.
    pub pri: Option<f64>,
    /// Solution coverage; `None` when undefined.
    pub cov: Option<f64>,
}

impl ConfigurationChart {
    /// Whether either solution has several models: the chart is then one of several, and its
    /// outputs say which.
    ///
    /// # Example
    /// ```
    /// # use fsqca::chart::configuration_charts;
    /// # use fsqca::solution::{SolutionOptions, SolutionType};
    /// # use fsqca::{Dataset, TruthTableOptions};
    /// # let data = Dataset::from_columns([
    /// #     ("A", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// #     ("B", vec![1.0, 0.0, 1.0, 0.0, 1.0]),
    /// #     ("C", vec![1.0, 1.0, 0.0, 0.0, 0.0]),
    /// #     ("Y", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
    /// # ])?;
    /// # let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B", "C"])?;
    /// # let intermediate = SolutionOptions::new(SolutionType::Intermediate)
    /// #     .directional_expectations("A, B, C".parse()?)
    /// #     .solve(&tt)?;
    /// # let parsimonious = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// // The chart of A*B + A*C (intermediate) on A (parsimonious).
    /// let chart = &configuration_charts(&intermediate, &parsimonious)?[0];
    /// assert!(!chart.is_ambiguous());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_ambiguous(&self) -> bool {
        self.intermediate_models > 1 || self.parsimonious_models > 1
    }

    /// The title: the outcome, and the models charted when there are several.
    pub(super) fn title(&self) -> String {
        let mut title = format!("Configurations for {}", self.outcome);
        if self.is_ambiguous() {
            title.push_str(&format!(
                " (intermediate model {} of {}, parsimonious model {} of {})",
                self.intermediate_model,
                self.intermediate_models,
                self.parsimonious_model,
                self.parsimonious_models
            ));
        }
        title
    }
}

/// One chart per intermediate model, with the parsimonious model it rests on.
///
/// `intermediate` must be an intermediate solution and `parsimonious` the parsimonious
/// solution of the same truth table (same outcome and conditions) and options. Each
/// intermediate model is paired with the parsimonious model it was derived from (its
/// [`origin`](crate::solution::Model::origin)); several models give several charts, never a
/// silent choice. Every intermediate term must imply a term of that parsimonious model;
/// otherwise the error names the term.
///
/// # Errors
/// [`ChartError`] when the solutions are not an intermediate and a parsimonious one of the
/// same outcome and conditions, when a term is subsumed by no parsimonious term, or when a
/// term holds a level above 1 of a multi-value condition.
///
/// # Example
/// ```
/// use fsqca::chart::{configuration_charts, ChartError};
/// use fsqca::solution::{SolutionOptions, SolutionType};
/// use fsqca::{Dataset, TruthTableOptions};
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
///     ("Y", vec![1.0, 1.0, 0.0, 0.0]),
/// ])?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
/// let parsimonious = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
/// assert!(matches!(
///     configuration_charts(&parsimonious, &parsimonious),
///     Err(ChartError::NotIntermediate(_))
/// ));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn configuration_charts(
    intermediate: &Solution,
    parsimonious: &Solution,
) -> Result<Vec<ConfigurationChart>, ChartError> {
    if intermediate.solution_type() != SolutionType::Intermediate {
        return Err(ChartError::NotIntermediate(
            intermediate.solution_type().to_string(),
        ));
    }
    if parsimonious.solution_type() != SolutionType::Parsimonious {
        return Err(ChartError::NotParsimonious(
            parsimonious.solution_type().to_string(),
        ));
    }
    if intermediate.outcome() != parsimonious.outcome() {
        return Err(ChartError::OutcomeMismatch {
            intermediate: intermediate.outcome().to_owned(),
            parsimonious: parsimonious.outcome().to_owned(),
        });
    }
    if intermediate.conditions() != parsimonious.conditions() {
        return Err(ChartError::ConditionMismatch {
            intermediate: intermediate.conditions().to_vec(),
            parsimonious: parsimonious.conditions().to_vec(),
        });
    }
    if intermediate.models().is_empty() {
        return Err(ChartError::NoModel);
    }
    intermediate
        .models()
        .iter()
        .enumerate()
        .map(|(i, model)| {
            let p = model.origin().map_or(0, |origin| origin.parsimonious);
            let base =
                parsimonious
                    .models()
                    .get(p)
                    .ok_or(ChartError::MissingParsimoniousModel {
                        model: i + 1,
                        parsimonious_model: p + 1,
                        count: parsimonious.models().len(),
                    })?;
            chart(intermediate, parsimonious, (i, model), (p, base))
        })
        .collect()
}

fn model_text(model: &Model) -> String {
    let terms: Vec<&str> = model.terms().iter().map(term_text).collect();
    terms.join(" + ")
}

fn term_text(term: &Term) -> &str {
    &term.shared.text
}

fn implicant(term: &Term) -> &Implicant {
    &term.shared.implicant
}

fn chart(
    intermediate: &Solution,
    parsimonious: &Solution,
    (i, model): (usize, &Model),
    (p, base): (usize, &Model),
) -> Result<ConfigurationChart, ChartError> {
    let conditions = intermediate.conditions();
    // Each term with the parsimonious terms it implies (their indices in `base`).
    let mut columns: Vec<(Vec<usize>, &Term)> = Vec::with_capacity(model.terms().len());
    for term in model.terms() {
        let cores: Vec<usize> = base
            .terms()
            .iter()
            .enumerate()
            .filter(|(_, core)| implicant(term).is_subsumed_by(implicant(core)))
            .map(|(k, _)| k)
            .collect();
        if cores.is_empty() && !jointly_covered(implicant(term).clone(), base) {
            return Err(ChartError::NotSubsumed {
                term: term_text(term).to_owned(),
                model: i + 1,
                parsimonious_model: p + 1,
            });
        }
        columns.push((cores, term));
    }
    // Groups of configurations sharing a core, in the order of their first term.
    let mut groups: Vec<(Vec<usize>, Vec<&Term>)> = Vec::new();
    for (cores, term) in columns {
        // A term without core shares it with no other: each is its own configuration.
        match groups
            .iter_mut()
            .find(|(c, _)| !cores.is_empty() && *c == cores)
        {
            Some((_, terms)) => terms.push(term),
            None => groups.push((cores, vec![term])),
        }
    }
    let mut configurations = Vec::with_capacity(model.terms().len());
    for (g, (cores, terms)) in groups.iter().enumerate() {
        let core_terms: Vec<&Term> = cores.iter().map(|&k| &base.terms()[k]).collect();
        for (t, term) in terms.iter().enumerate() {
            let label = if terms.len() > 1 {
                format!("{}{}", g + 1, letters(t))
            } else {
                (g + 1).to_string()
            };
            configurations.push(Configuration {
                label,
                term: term_text(term).to_owned(),
                core: core_terms.iter().map(|c| term_text(c).to_owned()).collect(),
                classes: classes(term, &core_terms, conditions)?,
                incl: term.incl(),
                pri: term.pri(),
                cov: term.cov(),
                cov_unique: term.cov_unique(),
            });
        }
    }
    let fit = model.fit();
    Ok(ConfigurationChart {
        outcome: intermediate.outcome().to_owned(),
        conditions: conditions.to_vec(),
        intermediate_model: i + 1,
        intermediate_models: intermediate.models().len(),
        parsimonious_model: p + 1,
        parsimonious_models: parsimonious.models().len(),
        intermediate_expression: model_text(model),
        parsimonious_expression: model_text(base),
        configurations,
        incl: fit.incl,
        pri: fit.pri,
        cov: fit.cov,
    })
}

/// Whether the parsimonious model `base` covers every configuration of `term`, although no
/// single one of its terms does (an intermediate term may rest on two parsimonious terms
/// together: `A*B` on `A*D + B*~D`). The term is split on a condition of an overlapping
/// parsimonious term until each part is subsumed by one, or overlaps none.
fn jointly_covered(term: Implicant, base: &Model) -> bool {
    let terms: Vec<&Implicant> = base.terms().iter().map(implicant).collect();
    // Splitting on levels 0 and 1 covers a binary condition only.
    if terms.iter().any(|p| p.literals().any(|(_, v)| v > 1)) {
        return false;
    }
    let mut pending = vec![term];
    while let Some(part) = pending.pop() {
        if terms.iter().any(|p| part.is_subsumed_by(p)) {
            continue;
        }
        let Some(split) = terms.iter().find_map(|p| {
            part.intersection(p)?;
            p.literals().find(|&(j, _)| part.level(j).is_none())
        }) else {
            return false;
        };
        let levels = part.to_levels();
        for value in [0, 1] {
            let mut half = levels.clone();
            half[split.0] = Some(value);
            pending.push(Implicant::from_levels(&half));
        }
    }
    true
}

/// `a` for 0, ..., `z` for 25, `aa` for 26, ...
fn letters(index: usize) -> String {
    let mut out = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        n -= 1;
        out.push(char::from(b'a' + u8::try_from(n % 26).expect("below 26")));
        n /= 26;
    }
    out.iter().rev().collect()
}

/// The class of every condition in `term`, whose core is the parsimonious terms `cores`
/// (none: every condition is peripheral).
fn classes(
    term: &Term,
    cores: &[&Term],
    conditions: &[String],
) -> Result<Vec<ConditionClass>, ChartError> {
    (0..conditions.len())
        .map(|j| {
            let Some(level) = implicant(term).level(j) else {
                return Ok(ConditionClass::DontCare);
            };
            let core = cores.iter().any(|c| implicant(c).level(j) == Some(level));
            match (level, core) {
                (1, true) => Ok(ConditionClass::CorePresent),
                (1, false) => Ok(ConditionClass::PeripheralPresent),
                (0, true) => Ok(ConditionClass::CoreAbsent),
                (0, false) => Ok(ConditionClass::PeripheralAbsent),
                (level, _) => Err(ChartError::MultiValue {
                    term: term_text(term).to_owned(),
                    condition: conditions[j].clone(),
                    level,
                }),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::letters;

    #[test]
    fn letters_count_like_spreadsheet_columns() {
        assert_eq!(letters(0), "a");
        assert_eq!(letters(25), "z");
        assert_eq!(letters(26), "aa");
        assert_eq!(letters(27), "ab");
    }
}
