//! The exclusions of the Enhanced Standard Analysis from the necessity analysis.

use crate::data::Dataset;
use crate::expression::Expression;
use crate::fit::{self, check_cutoffs, reaches, ConditionFit, IntoOutcome, Necessity};

use super::error::CounterfactualError;
use super::exclusion::Exclusions;
use super::exclusion_error::ExclusionError;

/// The Enhanced Standard Analysis (ESA; Schneider & Wagemann 2012, ch. 8; Oana, Schneider &
/// Thomann 2021): no simplifying assumption may contradict a necessary condition. For each
/// necessary condition NEC (inclusion of necessity and relevance of necessity at least the
/// cut-offs), the remainders on which NEC is false (`~NEC`) are excluded.
///
/// Unlike SetMethods' `esa()` (Oana & Schneider), observed rows are left as they are (an
/// observed positive row on which NEC is false stays positive: the data, not an assumption,
/// put it there), every expression the grammar reads can be necessary, and the exclusions
/// work at any number of conditions (SetMethods' change nothing from 8 conditions up).
///
/// Options, setters, getters and defaults:
///
/// | option | set with | read with | default |
/// | --- | --- | --- | --- |
/// | inclusion of necessity at least (inclN) | [`Esa::incl_cutoff`] | [`Esa::get_incl_cutoff`] | 0.9 (Schneider & Wagemann 2012) |
/// | relevance of necessity at least (RoN) | [`Esa::ron_cutoff`] | [`Esa::get_ron_cutoff`] | 0 (R QCA's `ron.cut`) |
///
/// # Example
/// ```
/// use fsqca::counterfactual::Esa;
/// use fsqca::Dataset;
///
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 1.0, 0.0, 1.0]),
///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
///     ("Y", vec![1.0, 1.0, 0.0, 0.0]),
/// ])?;
/// let esa = Esa::new().incl_cutoff(0.9).ron_cutoff(0.3);
/// // A is necessary for Y: the remainders with ~A are excluded.
/// assert_eq!(esa.exclusions(&data, "Y", &["A", "B"])?.to_string(), "~A");
/// // B is not.
/// assert!(esa.check(&data, "Y", &["B".parse()?]).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[must_use]
pub struct Esa {
    incl_cutoff: f64,
    ron_cutoff: f64,
}

impl Default for Esa {
    fn default() -> Self {
        Self::new()
    }
}

impl Esa {
    /// The default cut-offs: inclN 0.9, RoN 0.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::counterfactual::Esa::new().get_incl_cutoff(), 0.9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Self {
        Self {
            incl_cutoff: 0.9,
            ron_cutoff: 0.0,
        }
    }

    /// Sets the cut-off of inclusion of necessity.
    ///
    /// # Example
    /// ```
    /// let esa = fsqca::counterfactual::Esa::new().incl_cutoff(0.95);
    /// assert_eq!(esa.get_incl_cutoff(), 0.95);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn incl_cutoff(mut self, v: f64) -> Self {
        self.incl_cutoff = v;
        self
    }

    /// Sets the cut-off of relevance of necessity.
    ///
    /// # Example
    /// ```
    /// let esa = fsqca::counterfactual::Esa::new().ron_cutoff(0.6);
    /// assert_eq!(esa.get_ron_cutoff(), 0.6);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ron_cutoff(mut self, v: f64) -> Self {
        self.ron_cutoff = v;
        self
    }

    /// The cut-off of inclusion of necessity (see [`Esa::incl_cutoff`]).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::counterfactual::Esa::default().get_incl_cutoff(), 0.9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_incl_cutoff(&self) -> f64 {
        self.incl_cutoff
    }

    /// The cut-off of relevance of necessity (see [`Esa::ron_cutoff`]).
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::counterfactual::Esa::default().get_ron_cutoff(), 0.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get_ron_cutoff(&self) -> f64 {
        self.ron_cutoff
    }

    /// Checks that both cut-offs lie in [0, 1].
    ///
    /// # Errors
    /// [`CounterfactualError::Cutoff`] naming the first cut-off outside [0, 1].
    ///
    /// # Example
    /// ```
    /// use fsqca::counterfactual::Esa;
    /// assert!(Esa::new().validate().is_ok());
    /// assert!(Esa::new().ron_cutoff(1.5).validate().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), CounterfactualError> {
        check_cutoffs(&[("inclN", self.incl_cutoff), ("RoN", self.ron_cutoff)])?;
        Ok(())
    }

    fn is_necessary(&self, n: &Necessity) -> bool {
        reaches(n.incl, self.incl_cutoff) && reaches(n.ron, self.ron_cutoff)
    }

    /// The conditions (each condition and its negation, each level of a multi-value one, as
    /// in [`fit::necessity_table`]) that are necessary for the outcome at the cut-offs.
    ///
    /// # Errors
    /// [`CounterfactualError::Cutoff`]; [`CounterfactualError::Fit`] for an unknown or
    /// incomplete column.
    ///
    /// # Example
    /// ```
    /// use fsqca::{counterfactual::Esa, Dataset};
    /// let data = Dataset::from_columns([("A", vec![1.0, 0.2]), ("Y", vec![0.9, 0.1])])?;
    /// let found = Esa::new().necessary_conditions(&data, "Y", &["A"])?;
    /// assert_eq!(found[0].expression.to_string(), "A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn necessary_conditions<O: IntoOutcome + ?Sized, S: AsRef<str>>(
        &self,
        data: &Dataset,
        outcome: &O,
        conditions: &[S],
    ) -> Result<Vec<ConditionFit>, CounterfactualError> {
        self.validate()?;
        let table = fit::necessity_table(data, outcome, conditions)?;
        Ok(table
            .into_iter()
            .filter(|row| self.is_necessary(&row.necessity))
            .collect())
    }

    /// The ESA exclusions from the necessity analysis: `~NEC` for every condition found by
    /// [`Esa::necessary_conditions`]. Empty when no condition is necessary.
    ///
    /// # Errors
    /// As [`Esa::necessary_conditions`].
    ///
    /// # Example
    /// ```
    /// use fsqca::{counterfactual::Esa, Dataset};
    /// let data = Dataset::from_columns([("A", vec![1.0, 0.2]), ("Y", vec![0.9, 0.1])])?;
    /// assert_eq!(Esa::new().exclusions(&data, "Y", &["A"])?.to_string(), "~A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exclusions<O: IntoOutcome + ?Sized, S: AsRef<str>>(
        &self,
        data: &Dataset,
        outcome: &O,
        conditions: &[S],
    ) -> Result<Exclusions, CounterfactualError> {
        let found = self.necessary_conditions(data, outcome, conditions)?;
        negations(found.into_iter().map(|row| row.expression))
    }

    /// The ESA exclusions of expressions the researcher names as necessary (a condition, a
    /// conjunction, a disjunction: a SUIN condition), after checking that each is: `~NEC`
    /// for each.
    ///
    /// # Errors
    /// [`CounterfactualError::NotNecessary`] for the first expression below a cut-off, with
    /// its inclN and RoN; [`CounterfactualError::Cutoff`]; [`CounterfactualError::Fit`] when
    /// an expression names an unknown column.
    ///
    /// # Example
    /// ```
    /// use fsqca::counterfactual::{CounterfactualError, Esa};
    /// use fsqca::Dataset;
    /// let data = Dataset::from_columns([("A", vec![1.0, 0.2]), ("B", vec![0.0, 1.0]), ("Y", vec![0.9, 0.1])])?;
    /// assert_eq!(Esa::new().check(&data, "Y", &["A + B".parse()?])?.to_string(), "~(A + B)");
    /// let err = Esa::new().check(&data, "Y", &["B".parse()?]).unwrap_err();
    /// assert!(matches!(err, CounterfactualError::NotNecessary { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check<O: IntoOutcome + ?Sized>(
        &self,
        data: &Dataset,
        outcome: &O,
        necessary: &[Expression],
    ) -> Result<Exclusions, CounterfactualError> {
        self.validate()?;
        for e in necessary {
            let n = fit::necessity_of(e, data, outcome)?;
            if !self.is_necessary(&n) {
                return Err(CounterfactualError::NotNecessary {
                    expression: e.to_string(),
                    incl: n.incl.unwrap_or(f64::NAN),
                    ron: n.ron.unwrap_or(f64::NAN),
                    incl_cutoff: self.incl_cutoff,
                    ron_cutoff: self.ron_cutoff,
                });
            }
        }
        negations(necessary.iter().cloned())
    }
}

/// The exclusions `~e` of each expression.
fn negations(
    expressions: impl Iterator<Item = Expression>,
) -> Result<Exclusions, CounterfactualError> {
    let mut out = Exclusions::new();
    for e in expressions {
        let text = e.to_string();
        let negated = e
            .negate()
            .map_err(|source| ExclusionError::Syntax { text, source })?;
        out = out.with_expression(negated);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        Dataset::from_columns([
            ("A", vec![1.0, 1.0, 0.0, 1.0]),
            ("B", vec![1.0, 0.0, 1.0, 0.0]),
            ("Y", vec![1.0, 1.0, 0.0, 0.0]),
        ])
        .unwrap()
    }

    #[test]
    fn necessary_conditions_at_the_cutoffs() {
        let esa = Esa::new().incl_cutoff(1.0).ron_cutoff(0.0);
        let found = esa.necessary_conditions(&data(), "Y", &["A", "B"]).unwrap();
        let names: Vec<String> = found.iter().map(|f| f.expression.to_string()).collect();
        assert_eq!(names, ["A"]);
        // RoN of A: Σ(1 - A) / Σ(1 - min(A, Y)) = 1 / 2.
        let strict = esa.ron_cutoff(0.6);
        assert!(strict
            .exclusions(&data(), "Y", &["A", "B"])
            .unwrap()
            .is_empty());
    }

    #[test]
    fn a_named_condition_that_is_not_necessary_is_refused() {
        let err = Esa::new()
            .check(&data(), "Y", &["B".parse().unwrap()])
            .unwrap_err();
        match err {
            CounterfactualError::NotNecessary {
                expression, incl, ..
            } => {
                assert_eq!(expression, "B");
                assert!((incl - 0.5).abs() < 1e-12);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            Esa::new().incl_cutoff(-0.1).check(&data(), "Y", &[]),
            Err(CounterfactualError::Cutoff(_))
        ));
        assert!(matches!(
            Esa::new().check(&data(), "Y", &["Z".parse().unwrap()]),
            Err(CounterfactualError::Fit(_))
        ));
    }
}
