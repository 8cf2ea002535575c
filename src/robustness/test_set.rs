//! A chosen test set: the plausible alternative analyses a researcher names
//! ([`TestSet`], [`Alternative`], [`Recalibration`], [`AddedCase`]), and its file format
//! (TOML or JSON, with the `serde` feature).
//!
//! Oana & Schneider (2024) build the test set from a few *conceptually plausible* alternative
//! analyses: other calibration anchors, other cut-offs, another solution type, a case dropped or
//! added. A [`ParameterGrid`](super::ParameterGrid) moves one parameter over many values; a
//! [`TestSet`] lists the alternatives one by one, each changing any number of the baseline's
//! choices at once. [`Analysis::sweep_test_set`](super::Analysis::sweep_test_set) runs them.

use std::collections::BTreeMap;

use crate::calibration::Anchor;
use crate::solution::SolutionType;

use super::error::RobustnessError;

/// A new calibration of one set of the analysis (a condition or the outcome) in an
/// [`Alternative`]: other anchors for its direct calibration, or a calibration from another raw
/// column.
///
/// Without [`column`](Self::column) the set's own raw column is recalibrated: the set must be
/// calibrated by the direct method in the baseline, and the anchors not given keep their
/// baseline values. With a column (e.g. `HW` recalibrated from the raw `WEAL`) the set's
/// memberships are replaced by the direct calibration of that column, and all three anchors
/// must be given.
///
/// File form (TOML): `{ set = "HW", column = "WEAL", exclusion = 3130, crossover = 7000,
/// inclusion = 28200 }`.
///
/// # Example
/// ```
/// use fsqca::robustness::{Anchor, Recalibration};
///
/// let r = Recalibration::new("E").anchor(Anchor::Crossover, 15.0);
/// assert_eq!(r.get_set(), "E");
/// assert_eq!(r.get_anchor(Anchor::Crossover), Some(15.0));
/// assert_eq!(r.get_anchor(Anchor::Inclusion), None);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Recalibration {
    set: String,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    column: Option<String>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    exclusion: Option<f64>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    crossover: Option<f64>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    inclusion: Option<f64>,
}

impl Recalibration {
    /// A recalibration of `set` (a condition, or the outcome's column) that changes nothing
    /// yet.
    ///
    /// # Example
    /// See [`Recalibration`].
    pub fn new(set: impl Into<String>) -> Self {
        Self {
            set: set.into(),
            column: None,
            exclusion: None,
            crossover: None,
            inclusion: None,
        }
    }

    /// Calibrates the set from this raw column instead of its own (all three anchors needed).
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::Recalibration;
    ///
    /// let r = Recalibration::new("HW").column("WEAL");
    /// assert_eq!(r.get_column(), Some("WEAL"));
    /// ```
    pub fn column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }

    /// Gives `anchor` the raw value `value`.
    ///
    /// # Example
    /// See [`Recalibration`].
    pub fn anchor(mut self, anchor: Anchor, value: f64) -> Self {
        *self.slot(anchor) = Some(value);
        self
    }

    /// The set recalibrated.
    ///
    /// # Example
    /// See [`Recalibration`].
    pub fn get_set(&self) -> &str {
        &self.set
    }

    /// The raw column, `None` for the set's own.
    ///
    /// # Example
    /// See [`Recalibration::column`].
    pub fn get_column(&self) -> Option<&str> {
        self.column.as_deref()
    }

    /// The value given to `anchor`, `None` when it keeps the baseline's.
    ///
    /// # Example
    /// See [`Recalibration`].
    pub fn get_anchor(&self, anchor: Anchor) -> Option<f64> {
        match anchor {
            Anchor::Exclusion => self.exclusion,
            Anchor::Crossover => self.crossover,
            Anchor::Inclusion => self.inclusion,
        }
    }

    fn slot(&mut self, anchor: Anchor) -> &mut Option<f64> {
        match anchor {
            Anchor::Exclusion => &mut self.exclusion,
            Anchor::Crossover => &mut self.crossover,
            Anchor::Inclusion => &mut self.inclusion,
        }
    }
}

/// A case an [`Alternative`] adds: its label and its raw value in every column the analysis
/// reads (the conditions', the outcome's and those of the recalibrations).
///
/// File form (TOML): `{ case = "NEW", values = { A = 1, B = 0.3, Y = 0.8 } }`.
///
/// # Example
/// ```
/// use fsqca::robustness::AddedCase;
///
/// let c = AddedCase::new("NEW", [("A", 1.0), ("Y", 0.8)]);
/// assert_eq!(c.get_case(), "NEW");
/// assert_eq!(c.get_values()["Y"], 0.8);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AddedCase {
    case: String,
    values: BTreeMap<String, f64>,
}

impl AddedCase {
    /// The case `case` with these values, one per column.
    ///
    /// # Example
    /// See [`AddedCase`].
    pub fn new<I, S>(case: impl Into<String>, values: I) -> Self
    where
        I: IntoIterator<Item = (S, f64)>,
        S: Into<String>,
    {
        Self {
            case: case.into(),
            values: values.into_iter().map(|(k, v)| (k.into(), v)).collect(),
        }
    }

    /// The case's label.
    ///
    /// # Example
    /// See [`AddedCase`].
    pub fn get_case(&self) -> &str {
        &self.case
    }

    /// The values, by column.
    ///
    /// # Example
    /// See [`AddedCase`].
    pub fn get_values(&self) -> &BTreeMap<String, f64> {
        &self.values
    }
}

/// One plausible alternative analysis: a name and the choices in which it differs from the
/// baseline [`Analysis`](super::Analysis); every choice not given keeps the baseline's.
///
/// | choice | setter | getter | file key |
/// | --- | --- | --- | --- |
/// | calibration of a set | [`recalibrate`](Self::recalibrate) | [`get_recalibrate`](Self::get_recalibrate) | `recalibrate = [{ set, column, exclusion, crossover, inclusion }]` |
/// | inclusion cut-off (`ic1`) | [`incl_cut`](Self::incl_cut) | [`get_incl_cut`](Self::get_incl_cut) | `incl_cut` |
/// | lower inclusion cut-off (`ic0`) | [`incl_cut0`](Self::incl_cut0) | [`get_incl_cut0`](Self::get_incl_cut0) | `incl_cut0` |
/// | frequency cut-off | [`n_cut`](Self::n_cut) | [`get_n_cut`](Self::get_n_cut) | `n_cut` |
/// | PRI cut-off | [`pri_cut`](Self::pri_cut) | [`get_pri_cut`](Self::get_pri_cut) | `pri_cut` |
/// | solution type | [`solution`](Self::solution) | [`get_solution`](Self::get_solution) | `solution` (`conservative`, `parsimonious`, `intermediate`) |
/// | directional expectations | [`dir_exp`](Self::dir_exp) | [`get_dir_exp`](Self::get_dir_exp) | `dir_exp` (`"A, ~B"`) |
/// | cases dropped | [`drop_cases`](Self::drop_cases) | [`get_drop_cases`](Self::get_drop_cases) | `drop_cases = ["ARG"]` |
/// | cases added | [`add_case`](Self::add_case) | [`get_add_cases`](Self::get_add_cases) | `add_cases = [{ case, values }]` |
///
/// `incl_cut` alone moves the upper cut-off as a grid does: both when the baseline's are
/// equal, else `ic1` only. Directional expectations are only accepted for an intermediate
/// solution (the alternative's or the baseline's type). The alternative is checked against the
/// analysis when the test set runs: an unknown set, column or case, a case dropped that does
/// not exist or added twice, thresholds that are not monotone or incomplete, a cut-off out of
/// range refuse the whole test set with an error naming the alternative.
///
/// # Example
/// ```
/// use fsqca::robustness::{Alternative, Anchor, Recalibration};
/// use fsqca::solution::SolutionType;
///
/// let alt = Alternative::new("lenient, without Chile")
///     .incl_cut(0.75)
///     .solution(SolutionType::Parsimonious)
///     .drop_cases(["CHL"])
///     .recalibrate(Recalibration::new("E").anchor(Anchor::Crossover, 15.0));
/// assert_eq!(alt.get_name(), "lenient, without Chile");
/// assert_eq!(alt.get_incl_cut(), Some(0.75));
/// assert_eq!(alt.get_drop_cases(), ["CHL"]);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Alternative {
    name: String,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    recalibrate: Vec<Recalibration>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    incl_cut: Option<f64>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    incl_cut0: Option<f64>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    n_cut: Option<usize>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pri_cut: Option<f64>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    solution: Option<SolutionType>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    dir_exp: Option<String>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    drop_cases: Vec<String>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    add_cases: Vec<AddedCase>,
}

impl Alternative {
    /// An alternative named `name` that changes nothing yet (it re-runs the baseline).
    ///
    /// # Example
    /// See [`Alternative`].
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            recalibrate: Vec::new(),
            incl_cut: None,
            incl_cut0: None,
            n_cut: None,
            pri_cut: None,
            solution: None,
            dir_exp: None,
            drop_cases: Vec::new(),
            add_cases: Vec::new(),
        }
    }

    /// Adds a recalibration of one set (at most one per set).
    ///
    /// # Example
    /// See [`Alternative`].
    pub fn recalibrate(mut self, recalibration: Recalibration) -> Self {
        self.recalibrate.push(recalibration);
        self
    }

    /// The inclusion cut-off `ic1` (see [`Alternative`] for the lower one).
    ///
    /// # Example
    /// See [`Alternative`].
    pub fn incl_cut(mut self, value: f64) -> Self {
        self.incl_cut = Some(value);
        self
    }

    /// The lower inclusion cut-off `ic0`.
    ///
    /// # Example
    /// ```
    /// let alt = fsqca::robustness::Alternative::new("a").incl_cut(0.9).incl_cut0(0.6);
    /// assert_eq!((alt.get_incl_cut(), alt.get_incl_cut0()), (Some(0.9), Some(0.6)));
    /// ```
    pub fn incl_cut0(mut self, value: f64) -> Self {
        self.incl_cut0 = Some(value);
        self
    }

    /// The frequency cut-off.
    ///
    /// # Example
    /// ```
    /// let alt = fsqca::robustness::Alternative::new("a").n_cut(2);
    /// assert_eq!(alt.get_n_cut(), Some(2));
    /// ```
    pub fn n_cut(mut self, value: usize) -> Self {
        self.n_cut = Some(value);
        self
    }

    /// The PRI cut-off.
    ///
    /// # Example
    /// ```
    /// let alt = fsqca::robustness::Alternative::new("a").pri_cut(0.5);
    /// assert_eq!(alt.get_pri_cut(), Some(0.5));
    /// ```
    pub fn pri_cut(mut self, value: f64) -> Self {
        self.pri_cut = Some(value);
        self
    }

    /// The solution type.
    ///
    /// # Example
    /// See [`Alternative`].
    pub fn solution(mut self, solution: SolutionType) -> Self {
        self.solution = Some(solution);
        self
    }

    /// The directional expectations of an intermediate solution, as
    /// [`DirectionalExpectations`](crate::solution::DirectionalExpectations) parses them
    /// (`"A, ~B"`); checked when the test set runs.
    ///
    /// # Example
    /// ```
    /// use fsqca::solution::SolutionType;
    ///
    /// let alt = fsqca::robustness::Alternative::new("a")
    ///     .solution(SolutionType::Intermediate)
    ///     .dir_exp("A, ~B");
    /// assert_eq!(alt.get_dir_exp(), Some("A, ~B"));
    /// ```
    pub fn dir_exp(mut self, expectations: impl Into<String>) -> Self {
        self.dir_exp = Some(expectations.into());
        self
    }

    /// Drops these cases (by label) from the alternative's minimization.
    ///
    /// # Example
    /// See [`Alternative`].
    pub fn drop_cases<I, S>(mut self, cases: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.drop_cases.extend(cases.into_iter().map(Into::into));
        self
    }

    /// Adds a case to the alternative's minimization.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{AddedCase, Alternative};
    ///
    /// let alt = Alternative::new("a").add_case(AddedCase::new("NEW", [("A", 1.0)]));
    /// assert_eq!(alt.get_add_cases()[0].get_case(), "NEW");
    /// ```
    pub fn add_case(mut self, case: AddedCase) -> Self {
        self.add_cases.push(case);
        self
    }

    /// The alternative's name.
    ///
    /// # Example
    /// See [`Alternative`].
    pub fn get_name(&self) -> &str {
        &self.name
    }

    /// The recalibrations, in the order given.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Alternative, Recalibration};
    ///
    /// let alt = Alternative::new("a").recalibrate(Recalibration::new("E"));
    /// assert_eq!(alt.get_recalibrate()[0].get_set(), "E");
    /// ```
    pub fn get_recalibrate(&self) -> &[Recalibration] {
        &self.recalibrate
    }

    /// The inclusion cut-off `ic1`, `None` for the baseline's.
    ///
    /// # Example
    /// See [`Alternative`].
    pub fn get_incl_cut(&self) -> Option<f64> {
        self.incl_cut
    }

    /// The lower inclusion cut-off `ic0`, `None` for the baseline's.
    ///
    /// # Example
    /// See [`Alternative::incl_cut0`].
    pub fn get_incl_cut0(&self) -> Option<f64> {
        self.incl_cut0
    }

    /// The frequency cut-off, `None` for the baseline's.
    ///
    /// # Example
    /// See [`Alternative::n_cut`].
    pub fn get_n_cut(&self) -> Option<usize> {
        self.n_cut
    }

    /// The PRI cut-off, `None` for the baseline's.
    ///
    /// # Example
    /// See [`Alternative::pri_cut`].
    pub fn get_pri_cut(&self) -> Option<f64> {
        self.pri_cut
    }

    /// The solution type, `None` for the baseline's.
    ///
    /// # Example
    /// ```
    /// let alt = fsqca::robustness::Alternative::new("a");
    /// assert_eq!(alt.get_solution(), None);
    /// ```
    pub fn get_solution(&self) -> Option<SolutionType> {
        self.solution
    }

    /// The directional expectations, `None` for the baseline's.
    ///
    /// # Example
    /// See [`Alternative::dir_exp`].
    pub fn get_dir_exp(&self) -> Option<&str> {
        self.dir_exp.as_deref()
    }

    /// The cases dropped.
    ///
    /// # Example
    /// See [`Alternative`].
    pub fn get_drop_cases(&self) -> &[String] {
        &self.drop_cases
    }

    /// The cases added.
    ///
    /// # Example
    /// See [`Alternative::add_case`].
    pub fn get_add_cases(&self) -> &[AddedCase] {
        &self.add_cases
    }
}

/// A chosen test set: a name and the plausible alternative analyses, in order (the variants of
/// its sweep come in this order).
///
/// # File format
/// With the `serde` feature a test set reads from TOML ([`from_toml`](Self::from_toml)) or JSON
/// ([`from_json`](Self::from_json)): a `name` and one `alternative` per analysis, each with a
/// `name` and the keys of [`Alternative`]'s table; unknown keys are refused.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// let text = r#"
/// name = "PAYF: cut-offs and the calibration of HW"
///
/// [[alternative]]
/// name = "TS1"
/// incl_cut = 0.7
///
/// [[alternative]]
/// name = "TS2"
/// n_cut = 1
///
/// [[alternative]]
/// name = "TS3"
/// recalibrate = [{ set = "HW", column = "WEAL", exclusion = 3130, crossover = 7000, inclusion = 28200 }]
///
/// [[alternative]]
/// name = "parsimonious without Argentina"
/// solution = "parsimonious"
/// drop_cases = ["ARG"]
/// add_cases = [{ case = "NEW", values = { HE = 0.4, GG = 0.7, AH = 0.6, HI = 0.2, HW = 0.9, HL = 0.8 } }]
/// "#;
/// let set = fsqca::robustness::TestSet::from_toml(text)?;
/// assert_eq!(set.alternatives().len(), 4);
/// assert_eq!(set.alternatives()[3].get_drop_cases(), ["ARG"]);
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// The same in JSON: `{"name": "...", "alternative": [{"name": "TS1", "incl_cut": 0.7}, ...]}`.
///
/// # Example
/// ```
/// use fsqca::robustness::{Alternative, TestSet};
///
/// let set = TestSet::new("cut-offs", vec![
///     Alternative::new("TS1").incl_cut(0.7),
///     Alternative::new("TS2").n_cut(1),
/// ])?;
/// assert_eq!(set.get_name(), "cut-offs");
/// assert_eq!(set.alternatives().len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TestSet {
    name: String,
    #[cfg_attr(feature = "serde", serde(rename = "alternative"))]
    alternatives: Vec<Alternative>,
}

impl TestSet {
    /// The test set `name` of these alternatives.
    ///
    /// # Errors
    /// [`RobustnessError::EmptyTestSet`] for no alternative,
    /// [`RobustnessError::DuplicateAlternative`] for a name given twice.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Alternative, RobustnessError, TestSet};
    ///
    /// assert!(matches!(TestSet::new("none", vec![]), Err(RobustnessError::EmptyTestSet { .. })));
    /// let twice = vec![Alternative::new("a"), Alternative::new("a")];
    /// assert!(matches!(
    ///     TestSet::new("twice", twice),
    ///     Err(RobustnessError::DuplicateAlternative { .. })
    /// ));
    /// ```
    pub fn new(
        name: impl Into<String>,
        alternatives: Vec<Alternative>,
    ) -> Result<Self, RobustnessError> {
        let set = Self {
            name: name.into(),
            alternatives,
        };
        set.validate()?;
        Ok(set)
    }

    /// The test set's name.
    ///
    /// # Example
    /// See [`TestSet`].
    pub fn get_name(&self) -> &str {
        &self.name
    }

    /// The alternatives, in order.
    ///
    /// # Example
    /// See [`TestSet`].
    pub fn alternatives(&self) -> &[Alternative] {
        &self.alternatives
    }

    /// Checks what does not depend on the analysis: at least one alternative, unique names.
    ///
    /// # Errors
    /// As [`TestSet::new`].
    ///
    /// # Example
    /// See [`TestSet::new`].
    pub fn validate(&self) -> Result<(), RobustnessError> {
        if self.alternatives.is_empty() {
            return Err(RobustnessError::EmptyTestSet {
                name: self.name.clone(),
            });
        }
        for (i, a) in self.alternatives.iter().enumerate() {
            if self.alternatives[..i].iter().any(|b| b.name == a.name) {
                return Err(RobustnessError::DuplicateAlternative {
                    name: a.name.clone(),
                });
            }
        }
        Ok(())
    }

    /// Reads a test set from TOML (see [`TestSet`] for the format) and checks it
    /// ([`validate`](Self::validate)).
    ///
    /// # Errors
    /// [`RobustnessError::TestSetFile`] for text that is not a test set (the parser's message
    /// names the key and the value), and the errors of [`TestSet::new`].
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::TestSet;
    ///
    /// let set = TestSet::from_toml("name = \"cuts\"\n[[alternative]]\nname = \"TS1\"\nincl_cut = 0.7\n")?;
    /// assert_eq!(set.alternatives()[0].get_incl_cut(), Some(0.7));
    /// let err = TestSet::from_toml("name = \"cuts\"\n[[alternative]]\nname = \"TS1\"\nincl = 0.7\n")
    ///     .unwrap_err();
    /// assert!(err.to_string().contains("unknown field `incl`"), "{err}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "serde")]
    pub fn from_toml(text: &str) -> Result<Self, RobustnessError> {
        let set: Self = toml::from_str(text).map_err(|e| RobustnessError::TestSetFile {
            format: "TOML",
            message: e.to_string().trim_end().to_owned(),
        })?;
        set.validate()?;
        Ok(set)
    }

    /// Reads a test set from JSON (see [`TestSet`] for the format) and checks it.
    ///
    /// # Errors
    /// As [`from_toml`](Self::from_toml).
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::TestSet;
    ///
    /// let set = TestSet::from_json(r#"{"name": "cuts", "alternative": [{"name": "TS2", "n_cut": 1}]}"#)?;
    /// assert_eq!(set.alternatives()[0].get_n_cut(), Some(1));
    /// let err = TestSet::from_json(r#"{"name": "cuts", "alternative": [{"name": "TS2", "n_cut": -1}]}"#)
    ///     .unwrap_err();
    /// assert!(err.to_string().contains("-1"), "{err}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "serde")]
    pub fn from_json(text: &str) -> Result<Self, RobustnessError> {
        let set: Self = serde_json::from_str(text).map_err(|e| RobustnessError::TestSetFile {
            format: "JSON",
            message: e.to_string(),
        })?;
        set.validate()?;
        Ok(set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calibration::Thresholds;
    use crate::robustness::Analysis;
    use crate::{Dataset, TruthTableOptions};

    /// Crisp A, raw x calibrated at 2, 5, 8 (raw z holds another scale of x), Y; cases a-d.
    fn analysis() -> Analysis {
        let data = Dataset::from_columns([
            ("A", vec![1.0, 1.0, 0.0, 0.0]),
            ("x", vec![9.0, 1.0, 9.0, 1.0]),
            ("z", vec![90.0, 10.0, 90.0, 10.0]),
            ("Y", vec![1.0, 0.6, 0.6, 0.0]),
        ])
        .unwrap()
        .with_cases(["a", "b", "c", "d"])
        .unwrap();
        Analysis::new(data, "Y")
            .membership_condition("A")
            .condition("x", Thresholds::new(2.0, 5.0, 8.0).unwrap())
            .truth_table_options(TruthTableOptions::new().incl_cutoff(0.9))
    }

    fn refused(alternative: Alternative) -> String {
        let set = TestSet::new("s", vec![alternative]).unwrap();
        let err = analysis().sweep_test_set(&set).unwrap_err();
        assert!(
            matches!(err, RobustnessError::InvalidAlternative { .. }),
            "{err}"
        );
        err.to_string()
    }

    #[test]
    fn contradictions_are_refused_naming_the_alternative_and_the_value() {
        let cases = [
            (
                Alternative::new("a").recalibrate(Recalibration::new("Q")),
                "alternative `a`: `Q` is neither a condition nor the outcome (the sets are: A, x, Y)",
            ),
            (
                Alternative::new("a")
                    .recalibrate(Recalibration::new("x"))
                    .recalibrate(Recalibration::new("x")),
                "alternative `a`: `x` is recalibrated twice",
            ),
            (
                Alternative::new("a").recalibrate(
                    Recalibration::new("x").column("z").anchor(Anchor::Crossover, 50.0),
                ),
                "alternative `a`: recalibrating `x` from column `z` needs all three anchors \
                 (exclusion, crossover, inclusion)",
            ),
            (
                Alternative::new("a").recalibrate(Recalibration::new("A").anchor(Anchor::Crossover, 0.5)),
                "alternative `a`: condition `A` has no calibration thresholds to move",
            ),
            (
                Alternative::new("a").drop_cases(["e"]),
                "alternative `a`: case `e` is not in the data (cases are named by their labels)",
            ),
            (
                Alternative::new("a").drop_cases(["b", "b"]),
                "alternative `a`: case `b` is dropped twice",
            ),
            (
                Alternative::new("a").add_case(AddedCase::new("b", [("A", 1.0)])),
                "alternative `a`: case `b` is added, but the data already has it",
            ),
            (
                Alternative::new("a")
                    .add_case(AddedCase::new("e", [("A", 1.0), ("x", 1.0), ("Y", 1.0)]))
                    .add_case(AddedCase::new("e", [("A", 1.0), ("x", 1.0), ("Y", 1.0)])),
                "alternative `a`: case `e` is added twice",
            ),
            (
                Alternative::new("a").add_case(AddedCase::new("e", [("A", 1.0), ("Y", 1.0)])),
                "alternative `a`: added case `e`: no value for column `x`",
            ),
            (
                Alternative::new("a").add_case(AddedCase::new(
                    "e",
                    [("A", 1.0), ("x", 1.0), ("Y", 1.0), ("z", 3.0)],
                )),
                "alternative `a`: added case `e`: column `z` is not read by the analysis (it \
                 reads: A, Y, x)",
            ),
            (
                Alternative::new("a").add_case(AddedCase::new(
                    "e",
                    [("A", 1.0), ("x", f64::NAN), ("Y", 1.0)],
                )),
                "alternative `a`: added case `e`: the value of `x` is not finite: NaN",
            ),
            (
                Alternative::new("a").dir_exp("A"),
                "alternative `a`: dir_exp `A` is only used by an intermediate solution, not a \
                 conservative one",
            ),
            (
                Alternative::new("a").incl_cut(0.5).incl_cut0(0.7),
                "alternative `a`: ",
            ),
            (Alternative::new("a").n_cut(0), "alternative `a`: "),
        ];
        for (alternative, message) in cases {
            let text = refused(alternative);
            assert!(text.starts_with(message), "{text}");
        }
        // Non-monotone thresholds are the calibration's error, kept as the source.
        let set = TestSet::new(
            "s",
            vec![Alternative::new("a")
                .recalibrate(Recalibration::new("x").anchor(Anchor::Crossover, 9.0))],
        )
        .unwrap();
        let err = analysis().sweep_test_set(&set).unwrap_err();
        let RobustnessError::InvalidAlternative { source, .. } = &err else {
            panic!("{err}")
        };
        assert!(
            matches!(**source, RobustnessError::Calibration(_)),
            "{source}"
        );
    }

    /// A dropped case stays a case of the comparison; an added one changes the minimization
    /// but not N; a recalibration from another column uses that column's scale.
    #[test]
    fn dropped_and_added_cases_keep_the_baselines_cases() {
        let a = analysis();
        let baseline = a.solve().unwrap();
        assert_eq!(baseline.models()[0].expression().to_string(), "A*x");
        let set = TestSet::new(
            "cases",
            vec![
                // Without b (A*~x, Y 0.6) nothing changes: A*x is positive either way.
                Alternative::new("without b").drop_cases(["b"]),
                // A new case on ~A*x with Y = 1 lifts row ~A*x's consistency from 0.58 to
                // 0.79: positive at incl_cut 0.75, and the solution becomes x.
                Alternative::new("with e")
                    .add_case(AddedCase::new("e", [("A", 0.0), ("x", 9.0), ("Y", 1.0)]))
                    .incl_cut(0.75),
                Alternative::new("x from z").recalibrate(
                    Recalibration::new("x")
                        .column("z")
                        .anchor(Anchor::Exclusion, 20.0)
                        .anchor(Anchor::Crossover, 50.0)
                        .anchor(Anchor::Inclusion, 80.0),
                ),
                // The outcome calibrated from z (high for a and c): both rows with x are
                // consistent, and the solution becomes x.
                Alternative::new("Y from z").recalibrate(
                    Recalibration::new("Y")
                        .column("z")
                        .anchor(Anchor::Exclusion, 20.0)
                        .anchor(Anchor::Crossover, 50.0)
                        .anchor(Anchor::Inclusion, 80.0),
                ),
            ],
        )
        .unwrap();
        let sweep = a.sweep_test_set(&set).unwrap();
        let v = sweep.variants();
        assert_eq!(
            v[3].result().models(),
            Some(&[vec!["x".parse().unwrap()]][..])
        );
        assert!(v[0].is_baseline_solution());
        assert_eq!(
            v[1].result().models(),
            Some(&[vec!["x".parse().unwrap()]][..])
        );
        assert!(v[2].is_baseline_solution());
        // TS of "with e" is x on the four baseline cases: 0.98.. for a and c, 0.05.. for b, d.
        let ts_max = sweep.maximal_test_set();
        assert_eq!(ts_max.values().len(), 4);
        let is = baseline.models()[0]
            .expression()
            .evaluate(&a.calibrated_data().unwrap())
            .unwrap();
        assert!(ts_max.values()[2] > 0.9 && is.values()[2] < 0.1);
        assert_eq!(sweep.robust_core().values().to_vec(), is.values().to_vec());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn toml_and_json_read_the_same_set() {
        let toml = r#"
name = "all keys"

[[alternative]]
name = "every choice"
recalibrate = [
  { set = "E", crossover = 15 },
  { set = "HW", column = "WEAL", exclusion = 3130, crossover = 7000, inclusion = 28200 },
]
incl_cut = 0.9
incl_cut0 = 0.6
n_cut = 2
pri_cut = 0.5
solution = "intermediate"
dir_exp = "A, ~B"
drop_cases = ["a", "b"]
add_cases = [{ case = "new", values = { A = 1, Y = 0.5 } }]
"#;
        let from_toml = TestSet::from_toml(toml).unwrap();
        let json = serde_json::to_string(&from_toml).unwrap();
        assert_eq!(TestSet::from_json(&json).unwrap(), from_toml);
        let expected = Alternative::new("every choice")
            .recalibrate(Recalibration::new("E").anchor(Anchor::Crossover, 15.0))
            .recalibrate(
                Recalibration::new("HW")
                    .column("WEAL")
                    .anchor(Anchor::Exclusion, 3130.0)
                    .anchor(Anchor::Crossover, 7000.0)
                    .anchor(Anchor::Inclusion, 28200.0),
            )
            .incl_cut(0.9)
            .incl_cut0(0.6)
            .n_cut(2)
            .pri_cut(0.5)
            .solution(SolutionType::Intermediate)
            .dir_exp("A, ~B")
            .drop_cases(["a", "b"])
            .add_case(AddedCase::new("new", [("A", 1.0), ("Y", 0.5)]));
        assert_eq!(from_toml.alternatives(), [expected]);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn bad_files_name_the_key_and_the_value() {
        let cases = [
            ("name = \"s\"\n[[alternative]]\nname = \"a\"\nn_cut = \"two\"\n", "two"),
            ("name = \"s\"\n[[alternative]]\nname = \"a\"\nsolution = \"widest\"\n", "widest"),
            ("name = \"s\"\n[[alternative]]\nname = \"a\"\ncut = 1\n", "unknown field `cut`"),
            ("name = \"s\"\n[[alternative]]\nincl_cut = 0.7\n", "missing field `name`"),
            (
                "name = \"s\"\n[[alternative]]\nname = \"a\"\nrecalibrate = [{ set = \"E\", cross = 1 }]\n",
                "unknown field `cross`",
            ),
        ];
        for (text, needle) in cases {
            let err = TestSet::from_toml(text).unwrap_err();
            assert!(matches!(
                err,
                RobustnessError::TestSetFile { format: "TOML", .. }
            ));
            assert!(err.to_string().contains(needle), "{err}");
        }
        let err = TestSet::from_toml("name = \"s\"\nalternative = []\n").unwrap_err();
        assert_eq!(err.to_string(), "the test set `s` has no alternative");
        let err =
            TestSet::from_json(r#"{"name": "s", "alternative": [{"name": "a"}, {"name": "a"}]}"#)
                .unwrap_err();
        assert_eq!(
            err.to_string(),
            "the alternative `a` is named twice in the test set"
        );
    }
}
