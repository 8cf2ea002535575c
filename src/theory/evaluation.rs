//! The four intersections of a theory and a solution, their fit and the cases in each.

use std::fmt;

use ndarray::{Array1, Zip};

use super::error::TheoryError;
use super::model_choice::ModelChoice;
use crate::data::Dataset;
use crate::expression::{Expression, SumOfProducts};
use crate::fit::{self, IntoOutcome, Sufficiency};
use crate::sets::FuzzySet;
use crate::solution::Solution;
use crate::truth_table::TruthTable;

/// One of the four intersections of the theory T and the solution S.
///
/// # Example
/// ```
/// use fsqca::theory::IntersectionKind;
///
/// assert_eq!(IntersectionKind::NotTheoryAndSolution.to_string(), "~T*S");
/// assert_eq!(IntersectionKind::ALL.len(), 4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum IntersectionKind {
    /// `T*S`: the solution confirms the theory.
    TheoryAndSolution,
    /// `~T*S`: the solution goes beyond the theory.
    NotTheoryAndSolution,
    /// `T*~S`: the theory that the solution does not support.
    TheoryAndNotSolution,
    /// `~T*~S`: neither.
    NotTheoryAndNotSolution,
}

impl IntersectionKind {
    /// The four, in SetMethods' order: `T*S`, `~T*S`, `T*~S`, `~T*~S`.
    pub const ALL: [Self; 4] = [
        Self::TheoryAndSolution,
        Self::NotTheoryAndSolution,
        Self::TheoryAndNotSolution,
        Self::NotTheoryAndNotSolution,
    ];

    /// Whether the theory, and the solution, enter negated.
    fn negations(self) -> (bool, bool) {
        match self {
            Self::TheoryAndSolution => (false, false),
            Self::NotTheoryAndSolution => (true, false),
            Self::TheoryAndNotSolution => (false, true),
            Self::NotTheoryAndNotSolution => (true, true),
        }
    }

    /// The names of the case groups with the outcome above and below 0.5 (Schneider &
    /// Wagemann 2012, ch. 11.3).
    fn group_names(self) -> (&'static str, &'static str) {
        match self {
            Self::TheoryAndSolution => ("Covered Most Likely", "Inconsistent Most Likely"),
            Self::NotTheoryAndSolution => ("Covered Least Likely", "Inconsistent Least Likely"),
            Self::TheoryAndNotSolution => ("Uncovered Most Likely", "Consistent Most Likely"),
            Self::NotTheoryAndNotSolution => ("Uncovered Least Likely", "Consistent Least Likely"),
        }
    }
}

impl fmt::Display for IntersectionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::TheoryAndSolution => "T*S",
            Self::NotTheoryAndSolution => "~T*S",
            Self::TheoryAndNotSolution => "T*~S",
            Self::NotTheoryAndNotSolution => "~T*~S",
        })
    }
}

/// The cases of an intersection (membership above 0.5) with the outcome above, or below, 0.5.
///
/// # Example
/// ```
/// use fsqca::theory::TheoryEvaluation;
/// use fsqca::Dataset;
///
/// let data = Dataset::from_columns([("A", vec![0.9, 0.8, 0.2]), ("Y", vec![0.7, 0.3, 0.9])])?
///     .with_cases(["a", "b", "c"])?;
/// let e = TheoryEvaluation::new(&data, "Y", &["A"], &"A".parse()?, &"A".parse()?)?;
/// let inconsistent = &e.intersections[0].outcome_absent;
/// assert_eq!(inconsistent.name, "Inconsistent Most Likely");
/// assert_eq!(inconsistent.cases, ["b"]);
/// assert!((inconsistent.percent_of_cases.ok_or("no cases")? - 100.0 / 3.0).abs() < 1e-12);
/// assert_eq!(inconsistent.percent_of_outcome_group, Some(100.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CaseGroup {
    /// The group's name, as SetMethods prints it (`Covered Most Likely`, ...).
    pub name: String,
    /// The case labels, in data order.
    pub cases: Vec<String>,
    /// The number of cases with the outcome on this side of 0.5.
    pub outcome_group_size: usize,
    /// The share of all cases, in percent (`None` without cases).
    pub percent_of_cases: Option<f64>,
    /// The share of the cases with the outcome on this side of 0.5, in percent (`None` when
    /// there is none).
    pub percent_of_outcome_group: Option<f64>,
}

/// One intersection of the theory and the solution: as sums of products, its membership, fit
/// and cases.
///
/// # Example
/// ```
/// use fsqca::theory::{IntersectionKind, TheoryEvaluation};
/// use fsqca::Dataset;
///
/// let data = Dataset::from_columns([("A", vec![0.5, 1.0]), ("Y", vec![0.5, 1.0])])?;
/// let e = TheoryEvaluation::new(&data, "Y", &["A"], &"A".parse()?, &"A".parse()?)?;
/// let t_not_s = &e.intersections[2];
/// assert_eq!(t_not_s.kind, IntersectionKind::TheoryAndNotSolution);
/// assert_eq!(t_not_s.fuzzy.to_string(), "A*~A");
/// assert_eq!(t_not_s.boolean.to_string(), "0");
/// assert_eq!(t_not_s.membership, [0.5, 0.0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Intersection {
    /// Which intersection.
    pub kind: IntersectionKind,
    /// The sum of products simplified by the laws of fuzzy sets only: on every data set its
    /// membership is [`membership`](Self::membership).
    pub fuzzy: SumOfProducts,
    /// The Boolean minimization of [`fuzzy`](Self::fuzzy) (what SetMethods prints): equal to
    /// it on crisp data only.
    pub boolean: SumOfProducts,
    /// The membership of every case: the min of T (or 1 - T) and S (or 1 - S).
    pub membership: Vec<f64>,
    /// Its sufficiency for the outcome.
    pub fit: Sufficiency,
    /// Its cases (membership above 0.5) with the outcome above 0.5.
    pub outcome_present: CaseGroup,
    /// Its cases with the outcome below 0.5.
    pub outcome_absent: CaseGroup,
}

/// The fit of a set (a term of the solution, the solution, the theory).
///
/// # Example
/// ```
/// use fsqca::theory::TheoryEvaluation;
/// use fsqca::Dataset;
///
/// let data = Dataset::from_columns([("A", vec![0.9, 0.2]), ("Y", vec![0.8, 0.1])])?;
/// let e = TheoryEvaluation::new(&data, "Y", &["A"], &"A".parse()?, &"A".parse()?)?;
/// assert_eq!(e.solution_terms[0].expression.to_string(), "A");
/// assert!((e.solution_terms[0].fit.incl.ok_or("undefined")? - 0.9 / 1.1).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct SetFit {
    /// The set.
    pub expression: Expression,
    /// Its sufficiency for the outcome.
    pub fit: Sufficiency,
}

/// Theory evaluation (Ragin 1987; Schneider & Wagemann 2012, ch. 11.3): how a solution S
/// relates to the theory T the researcher started from, through the four intersections `T*S`,
/// `~T*S`, `T*~S`, `~T*~S`.
///
/// Definitions as SetMethods' `theory.evaluation` (Oana & Schneider): T and S are evaluated on
/// the data (`*` min, `+` max, `~` 1 - x); the intersections' memberships are the min of T (or
/// 1 - T) and S (or 1 - S); the fit of each set is its sufficiency for the outcome (inclS, PRI,
/// covS); the cases of an intersection are those with membership above 0.5, in two groups by
/// outcome above or below 0.5. Each intersection is also written as a sum of products twice:
/// exact for fuzzy sets ([`Intersection::fuzzy`]), and Boolean-minimized as SetMethods prints
/// it ([`Intersection::boolean`], exact on crisp data only; see [`SumOfProducts`]).
///
/// Differences from SetMethods 4.0: SetMethods never lists the cases of "Inconsistent Most
/// Likely" (`T*S` with the outcome below 0.5; it reads a column that does not exist); here they
/// are listed. R QCA's `modelFit` computes the fit of the Boolean-minimized intersections,
/// which differs from these on fuzzy data (on LF: inclS 0.688 for `model*~theory` against
/// 0.660 here and in SetMethods).
///
/// # Example
/// SetMethods' example on its data set JOBF (theory `HS*PP + FS*LS`, the first intermediate
/// model of C1P1 at inclusion cut-off 0.8):
/// ```
/// use fsqca::theory::{ModelChoice, TheoryEvaluation};
/// use fsqca::{Dataset, SolutionOptions, SolutionType, TruthTableOptions};
///
/// let data = Dataset::from_path("tests/fixtures/setmethods/JOBF.csv")?;
/// let tt = TruthTableOptions::default()
///     .incl_cutoff(0.8)
///     .build(&data, "HM", &["HS", "FS", "LS", "LJS", "PP"])?;
/// let solution = SolutionOptions::new(SolutionType::Intermediate)
///     .directional_expectations("HS, FS, LS, LJS, PP".parse()?)
///     .solve(&tt)?;
/// let theory = "HS*PP + FS*LS".parse()?;
/// let e = TheoryEvaluation::of_model(&tt, &solution, ModelChoice::Model(1), &theory)?;
/// let ts = &e.intersections[0];
/// assert_eq!(ts.boolean.to_string(), "HS*FS*LS + HS*FS*PP + HS*LS*LJS*PP + FS*LS*LJS*PP");
/// assert_eq!(ts.outcome_present.cases.len(), 17);
/// // SetMethods lists no case here (its bug SM2).
/// assert_eq!(ts.outcome_absent.cases, ["E23", "E27", "E31"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct TheoryEvaluation {
    /// The outcome, as written (`Y` or `~Y`).
    pub outcome: String,
    /// The theory T.
    pub theory: Expression,
    /// The solution S.
    pub solution: Expression,
    /// The case labels.
    pub cases: Vec<String>,
    /// The outcome's memberships.
    pub outcome_membership: Vec<f64>,
    /// T's memberships.
    pub theory_membership: Vec<f64>,
    /// S's memberships.
    pub solution_membership: Vec<f64>,
    /// The fit of each term of S.
    pub solution_terms: Vec<SetFit>,
    /// The fit of S.
    pub solution_fit: Sufficiency,
    /// The fit of T.
    pub theory_fit: Sufficiency,
    /// `T*S`, `~T*S`, `T*~S`, `~T*~S`, in this order.
    pub intersections: Vec<Intersection>,
}

impl TheoryEvaluation {
    /// Evaluates `theory` against `solution` (any expression) for `outcome`, on `data`. Both
    /// may name only `conditions`, which also give the order of the literals in the printed
    /// intersections.
    ///
    /// # Errors
    /// [`TheoryError::UnknownCondition`] for a name that is not in `conditions`;
    /// [`TheoryError::Data`] for the data's errors (an unknown column, missing values, values
    /// outside [0, 1]); [`TheoryError::Expression`] for an outcome that is not a column name or
    /// an intersection with too many products; [`TheoryError::Minimize`] when the Boolean
    /// minimization of an intersection fails.
    ///
    /// # Example
    /// ```
    /// use fsqca::theory::TheoryEvaluation;
    /// use fsqca::Dataset;
    ///
    /// let data = Dataset::from_columns([
    ///     ("A", vec![0.75, 0.75, 0.125]),
    ///     ("B", vec![0.75, 0.25, 0.5]),
    ///     ("Y", vec![0.8, 0.9, 0.2]),
    /// ])?;
    /// let e = TheoryEvaluation::new(&data, "Y", &["A", "B"], &"A*B".parse()?, &"A".parse()?)?;
    /// let [ts, not_t_s, ..] = &e.intersections[..] else { return Err("four".into()) };
    /// assert_eq!(ts.fuzzy.to_string(), "A*B");
    /// assert_eq!(not_t_s.fuzzy.to_string(), "A*~B + A*~A");
    /// assert_eq!(not_t_s.boolean.to_string(), "A*~B");
    /// assert_eq!(not_t_s.membership, [0.25, 0.75, 0.125]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<O, S>(
        data: &Dataset,
        outcome: &O,
        conditions: &[S],
        theory: &Expression,
        solution: &Expression,
    ) -> Result<Self, TheoryError>
    where
        O: IntoOutcome + ?Sized,
        S: AsRef<str>,
    {
        check_names("theory", theory, conditions)?;
        check_names("solution", solution, conditions)?;
        let outcome = outcome.outcome_expression()?;
        let y = outcome.evaluate(data)?;
        let t = theory.evaluate(data)?;
        let s = solution.evaluate(data)?;
        let sufficiency = |x: &FuzzySet| fit::sufficiency(x, &y).unwrap_or_default();
        let solution_terms = solution
            .disjuncts()
            .iter()
            .map(|term| {
                Ok(SetFit {
                    expression: term.clone(),
                    fit: sufficiency(&term.evaluate(data)?),
                })
            })
            .collect::<Result<Vec<_>, TheoryError>>()?;
        let t_sop = SumOfProducts::from_expression(theory)?;
        let s_sop = SumOfProducts::from_expression(solution)?;
        let not_t_sop = t_sop.negate()?;
        let not_s_sop = s_sop.negate()?;
        let cases = data.cases().to_vec();
        let yv = y.values();
        let intersections = IntersectionKind::ALL
            .into_iter()
            .map(|kind| {
                let (not_t, not_s) = kind.negations();
                let left = if not_t { &not_t_sop } else { &t_sop };
                let right = if not_s { &not_s_sop } else { &s_sop };
                let fuzzy = left.and(right)?.with_condition_order(conditions);
                let boolean = fuzzy.boolean_minimized()?.with_condition_order(conditions);
                let side = |v: f64, negated: bool| if negated { 1.0 - v } else { v };
                let membership: Array1<f64> = Zip::from(t.values())
                    .and(s.values())
                    .map_collect(|&tv, &sv| side(tv, not_t).min(side(sv, not_s)));
                let set = FuzzySet::from_derived(kind.to_string(), membership);
                let (present, absent) = kind.group_names();
                let group = |name: &str, above: bool| {
                    let on_side = |v: f64| if above { v > 0.5 } else { v < 0.5 };
                    let size = yv.iter().filter(|&&v| on_side(v)).count();
                    let members: Vec<String> = set
                        .values()
                        .iter()
                        .zip(yv)
                        .zip(&cases)
                        .filter(|((&x, &y), _)| x > 0.5 && on_side(y))
                        .map(|(_, c)| c.clone())
                        .collect();
                    let percent = |total: usize| {
                        (total > 0).then(|| members.len() as f64 / total as f64 * 100.0)
                    };
                    CaseGroup {
                        name: name.to_owned(),
                        percent_of_cases: percent(cases.len()),
                        percent_of_outcome_group: percent(size),
                        outcome_group_size: size,
                        cases: members,
                    }
                };
                Ok(Intersection {
                    kind,
                    fuzzy,
                    boolean,
                    fit: sufficiency(&set),
                    outcome_present: group(present, true),
                    outcome_absent: group(absent, false),
                    membership: set.values().to_vec(),
                })
            })
            .collect::<Result<Vec<_>, TheoryError>>()?;
        Ok(Self {
            outcome: outcome.to_string(),
            theory: theory.clone(),
            solution: solution.clone(),
            cases,
            outcome_membership: yv.to_vec(),
            theory_fit: sufficiency(&t),
            solution_fit: sufficiency(&s),
            theory_membership: t.values().to_vec(),
            solution_membership: s.values().to_vec(),
            solution_terms,
            intersections,
        })
    }

    /// Evaluates `theory` against a model of a solution of `truth_table`, for the table's
    /// outcome and on its data and conditions: SetMethods' `theory.evaluation(theory,
    /// empirics, outcome, sol)`.
    ///
    /// # Errors
    /// [`TheoryError::NoSuchModel`] and [`TheoryError::NotIntermediate`] as
    /// [`ModelChoice::select`], and the errors of [`TheoryEvaluation::new`].
    ///
    /// # Example
    /// ```
    /// use fsqca::theory::{ModelChoice, TheoryError, TheoryEvaluation};
    /// use fsqca::{Dataset, SolutionOptions, SolutionType, TruthTableOptions};
    ///
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// let e = TheoryEvaluation::of_model(&tt, &solution, ModelChoice::Model(1), &"A".parse()?)?;
    /// assert_eq!(e.intersections[0].fuzzy.to_string(), "A*B");
    /// let err = TheoryEvaluation::of_model(&tt, &solution, ModelChoice::Model(3), &"A".parse()?);
    /// assert!(matches!(err, Err(TheoryError::NoSuchModel { available: 1, .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of_model(
        truth_table: &TruthTable,
        solution: &Solution,
        model: ModelChoice,
        theory: &Expression,
    ) -> Result<Self, TheoryError> {
        let chosen = model.select(solution)?;
        Self::new(
            truth_table.data(),
            truth_table.outcome_label().as_str(),
            truth_table.conditions(),
            theory,
            &chosen.expression(),
        )
    }
}

/// Checks that every literal of `expression` names one of `conditions`.
fn check_names<S: AsRef<str>>(
    role: &'static str,
    expression: &Expression,
    conditions: &[S],
) -> Result<(), TheoryError> {
    match expression
        .literals()
        .into_iter()
        .find(|l| !conditions.iter().any(|c| c.as_ref() == l.name()))
    {
        Some(l) => Err(TheoryError::UnknownCondition {
            role,
            name: l.name().to_owned(),
            conditions: conditions.iter().map(|c| c.as_ref().to_owned()).collect(),
        }),
        None => Ok(()),
    }
}
