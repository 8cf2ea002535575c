//! Case-oriented robustness (Oana & Schneider 2024): the eight case types of an initial
//! solution against the minimal and maximal test sets, the robustness case ratios and rank,
//! each test alone, and the fit of the robust core, computed from memberships
//! ([`CaseRobustness::new`]) or from a [`Sweep`] ([`Sweep::case_robustness`]).

use std::fmt;

use crate::expression::SumOfProducts;
use crate::fit::{self, Sufficiency};
use crate::number::metric;
use crate::{Expression, FuzzySet};

use super::error::CaseRobustnessError;
use super::summary::{fold, RobustnessFit};
use super::sweep::Sweep;

/// Which test solutions enter the minimal and maximal test sets (TS_min, TS_max) of the
/// coincidences RF_SC_minTS / RF_SC_maxTS, the case types, the case ratios and the
/// robustness XY plot.
///
/// The protocol of Oana & Schneider (2024) takes every test solution: that is the default.
/// SetMethods 4.0 (`rob.fit`, `rob.cases`, `rob.xyplot`) loops `for (i in length(test_sol))`,
/// which visits the last index only, so its TS_min and TS_max are built from the first and
/// the last test solution: with two tests that is every test, with three the middle one is
/// ignored. [`FirstAndLast`](Self::FirstAndLast) reproduces that reading, for replication
/// only. RF_cov, RF_cons and the robust core's fit always use every test (as SetMethods'
/// `rob.corefit` does); each test alone ([`SingleTest`]) does not depend on the reading.
///
/// # Example
/// ```
/// use fsqca::robustness::TestSetReading;
///
/// assert_eq!(TestSetReading::default(), TestSetReading::AllTests);
/// assert_eq!(TestSetReading::FirstAndLast.pick(&[1, 2, 3]), [1, 3]);
/// assert_eq!(TestSetReading::AllTests.pick(&[1, 2, 3]), [1, 2, 3]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TestSetReading {
    /// Every test solution (the protocol).
    #[default]
    AllTests,
    /// The first and the last test solution only (SetMethods 4.0's code, bug SM1).
    FirstAndLast,
}

impl TestSetReading {
    /// The items of `tests` this reading uses, in order: all of them, or the first and the
    /// last (the only one when there is one).
    ///
    /// # Example
    /// See [`TestSetReading`].
    pub fn pick<T: Clone>(self, tests: &[T]) -> Vec<T> {
        match (self, tests) {
            (TestSetReading::FirstAndLast, [first, .., last]) => vec![first.clone(), last.clone()],
            _ => tests.to_vec(),
        }
    }
}

impl fmt::Display for TestSetReading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TestSetReading::AllTests => "every test solution",
            TestSetReading::FirstAndLast => "the first and the last test solution (SetMethods)",
        })
    }
}

/// A solution as the case-oriented robustness needs it: a name, the model's expression and
/// its membership of every case; or a solution that does not exist (no positive row), an empty
/// set that is counted and named apart.
///
/// # Example
/// ```
/// use fsqca::robustness::SolutionSet;
///
/// let ts = SolutionSet::new("incl_cut=0.8", "A*B".parse()?, vec![0.7, 0.1]);
/// assert_eq!(ts.name(), "incl_cut=0.8");
/// assert!(ts.has_solution());
/// assert!(!SolutionSet::no_solution("n_cut=3").has_solution());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SolutionSet {
    name: String,
    solution: Option<(Expression, Vec<f64>)>,
}

impl SolutionSet {
    /// A solution: its model's expression and the membership of every case in it.
    ///
    /// # Example
    /// See [`SolutionSet`].
    pub fn new(name: impl Into<String>, expression: Expression, membership: Vec<f64>) -> Self {
        Self {
            name: name.into(),
            solution: Some((expression, membership)),
        }
    }

    /// A test whose analysis has no solution (no positive row): the empty set.
    ///
    /// # Example
    /// See [`SolutionSet`].
    pub fn no_solution(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            solution: None,
        }
    }

    /// The name.
    ///
    /// # Example
    /// See [`SolutionSet`].
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether there is a solution.
    ///
    /// # Example
    /// See [`SolutionSet`].
    pub fn has_solution(&self) -> bool {
        self.solution.is_some()
    }

    fn expression(&self) -> Option<&Expression> {
        self.solution.as_ref().map(|(e, _)| e)
    }

    /// The memberships, checked against the case labels; the empty set for no solution.
    fn checked(&self, cases: &[String]) -> Result<Vec<f64>, CaseRobustnessError> {
        match &self.solution {
            None => Ok(vec![0.0; cases.len()]),
            Some((_, m)) => {
                checked_membership(&self.name, cases, m)?;
                Ok(m.clone())
            }
        }
    }
}

fn checked_membership(
    what: &str,
    cases: &[String],
    values: &[f64],
) -> Result<(), CaseRobustnessError> {
    if values.len() != cases.len() {
        return Err(CaseRobustnessError::UnequalLengths {
            what: what.to_owned(),
            expected: cases.len(),
            found: values.len(),
        });
    }
    match values
        .iter()
        .zip(cases)
        .find(|(v, _)| !(0.0..=1.0).contains(*v))
    {
        Some((&value, case)) => Err(CaseRobustnessError::InvalidMembership {
            what: what.to_owned(),
            case: case.clone(),
            value,
        }),
        None => Ok(()),
    }
}

/// One of the eight case types: a case's membership above 0.5 in one of the four
/// intersections of the initial solution IS with the minimal test set TS_min (for cases in
/// IS) or the maximal test set TS_max (for cases out of IS), with the outcome above (typical)
/// or below (deviant) 0.5.
///
/// | intersection | Y > 0.5 | Y < 0.5 |
/// |---|---|---|
/// | IS*TS_min | robust typical | robust deviant |
/// | IS*~TS_min | shaky typical | shaky deviant |
/// | ~IS*TS_max | possible typical | possible deviant |
/// | ~IS*~TS_max | extreme deviant coverage | irrelevant |
///
/// At most one of the four intersections is above 0.5 for a case, so the types never
/// overlap. A case at exactly 0.5 in its intersections (IS = 0.5, or IS above 0.5 and TS_min
/// = 0.5, ...), or with the outcome at exactly 0.5, is in no type.
///
/// # Example
/// ```
/// use fsqca::robustness::CaseType;
///
/// assert_eq!(CaseType::ALL.len(), 8);
/// assert_eq!(CaseType::ShakyTypical.to_string(), "shaky typical");
/// assert_eq!(CaseType::ShakyTypical.intersection(), "IS*~TS_min");
/// assert!(CaseType::ShakyTypical.is_typical());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CaseType {
    /// IS*TS_min, Y > 0.5.
    RobustTypical,
    /// IS*TS_min, Y < 0.5.
    RobustDeviant,
    /// IS*~TS_min, Y > 0.5.
    ShakyTypical,
    /// IS*~TS_min, Y < 0.5.
    ShakyDeviant,
    /// ~IS*TS_max, Y > 0.5.
    PossibleTypical,
    /// ~IS*TS_max, Y < 0.5.
    PossibleDeviant,
    /// ~IS*~TS_max, Y > 0.5.
    ExtremeDeviantCoverage,
    /// ~IS*~TS_max, Y < 0.5.
    Irrelevant,
}

impl CaseType {
    /// The eight types, in the order of the table of [`CaseType`].
    pub const ALL: [CaseType; 8] = [
        CaseType::RobustTypical,
        CaseType::RobustDeviant,
        CaseType::ShakyTypical,
        CaseType::ShakyDeviant,
        CaseType::PossibleTypical,
        CaseType::PossibleDeviant,
        CaseType::ExtremeDeviantCoverage,
        CaseType::Irrelevant,
    ];

    /// Whether the type is of the cases with the outcome above 0.5.
    ///
    /// # Example
    /// See [`CaseType`].
    pub fn is_typical(self) -> bool {
        (self as usize) % 2 == 0
    }

    /// The intersection, as `IS*~TS_min`.
    ///
    /// # Example
    /// See [`CaseType`].
    pub fn intersection(self) -> &'static str {
        ["IS*TS_min", "IS*~TS_min", "~IS*TS_max", "~IS*~TS_max"][self as usize / 2]
    }
}

impl fmt::Display for CaseType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CaseType::RobustTypical => "robust typical",
            CaseType::RobustDeviant => "robust deviant",
            CaseType::ShakyTypical => "shaky typical",
            CaseType::ShakyDeviant => "shaky deviant",
            CaseType::PossibleTypical => "possible typical",
            CaseType::PossibleDeviant => "possible deviant",
            CaseType::ExtremeDeviantCoverage => "extreme deviant coverage",
            CaseType::Irrelevant => "irrelevant",
        })
    }
}

/// The cases of one [`CaseType`].
///
/// # Example
/// See [`CaseRobustness`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CaseTypeGroup {
    /// The type.
    pub case_type: CaseType,
    /// The intersection's Boolean expression, minimized as SetMethods prints it (exact on
    /// crisp data only; the cases come from the memberships). `None` when it is too large to
    /// expand ([`MAX_PRODUCTS`](crate::expression::MAX_PRODUCTS) products, or more than
    /// [`MAX_BOOLEAN_CONDITIONS`](crate::expression::MAX_BOOLEAN_CONDITIONS) conditions).
    pub expression: Option<SumOfProducts>,
    /// The cases, in the data's order.
    pub cases: Vec<String>,
    /// Their number.
    pub count: usize,
    /// count / number of cases (`None` without cases).
    pub share_of_cases: Option<f64>,
    /// The number of cases with the outcome on this type's side of 0.5.
    pub outcome_group_size: usize,
    /// count / outcome_group_size (`None` when the group is empty).
    pub share_of_outcome_group: Option<f64>,
}

/// The robustness case coverage rank (Oana & Schneider's RCC_Rank): whether any case is shaky
/// (in IS but not in TS_min) or possible (in TS_max but not in IS), whatever its outcome.
///
/// # Example
/// ```
/// use fsqca::robustness::RccRank;
///
/// assert_eq!(RccRank::from_counts(0, 0), RccRank::NoShakyNoPossible);
/// assert_eq!(RccRank::from_counts(2, 1).number(), 4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(into = "u8"))]
#[non_exhaustive]
pub enum RccRank {
    /// 1: no shaky and no possible case.
    NoShakyNoPossible,
    /// 2: possible cases only.
    PossibleOnly,
    /// 3: shaky cases only.
    ShakyOnly,
    /// 4: shaky and possible cases.
    ShakyAndPossible,
}

impl RccRank {
    /// The rank of `shaky` shaky and `possible` possible cases.
    ///
    /// # Example
    /// See [`RccRank`].
    pub fn from_counts(shaky: usize, possible: usize) -> Self {
        match (shaky > 0, possible > 0) {
            (false, false) => RccRank::NoShakyNoPossible,
            (false, true) => RccRank::PossibleOnly,
            (true, false) => RccRank::ShakyOnly,
            (true, true) => RccRank::ShakyAndPossible,
        }
    }

    /// The rank as Oana & Schneider number it, 1 to 4.
    ///
    /// # Example
    /// See [`RccRank`].
    pub fn number(self) -> u8 {
        self as u8 + 1
    }
}

impl From<RccRank> for u8 {
    fn from(rank: RccRank) -> u8 {
        rank.number()
    }
}

impl fmt::Display for RccRank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = match self {
            RccRank::NoShakyNoPossible => "no shaky and no possible case",
            RccRank::PossibleOnly => "possible cases only",
            RccRank::ShakyOnly => "shaky cases only",
            RccRank::ShakyAndPossible => "shaky and possible cases",
        };
        write!(f, "{} ({words})", self.number())
    }
}

/// One test solution alone against the initial solution (SetMethods' `rob.singletest`).
///
/// # Example
/// See [`CaseRobustness`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct SingleTest {
    /// The test's name.
    pub name: String,
    /// Its model, `None` for a test without a solution.
    pub expression: Option<Expression>,
    /// RCC_Rank with this test as the whole test set.
    pub rcc_rank: RccRank,
    /// RF_SC_minTS with this test alone: Σ min(IS, TS) / Σ max(IS, TS).
    pub coincidence: Option<f64>,
}

/// The case-oriented robustness of an initial solution IS against test solutions TS_1..TS_m
/// (Oana & Schneider 2024; SetMethods' `rob.cases`, `rob.corefit`, `rob.singletest`,
/// `rob.fit`).
///
/// TS_min is the minimum and TS_max the maximum of the test solutions' memberships, over the
/// tests with a solution that the [`TestSetReading`] picks. The eight [`CaseType`]s split the
/// cases by their membership above 0.5 in IS*TS_min, IS*~TS_min, ~IS*TS_max and ~IS*~TS_max and
/// by the outcome; a case exactly at 0.5 is in none. Then, counting cases:
///
/// - RCR_typ = robust typical / (robust typical + shaky typical + possible typical);
/// - RCR_dev = the same for the deviant types;
/// - RCC_Rank ([`RccRank`]) from the shaky and possible cases of either outcome.
///
/// The robust core RC = min(IS, every test with a solution) and its sufficiency fit for the
/// outcome are [`robust_core_fit`](Self::robust_core_fit) (`rob.corefit`: not the fit of the
/// terms common to all variants, [`Summary::common_terms_fit`](super::Summary)).
///
/// Tests without a solution are counted and named ([`no_solution`](Self::no_solution)); they
/// are left out of TS_min, TS_max, the case types, the ratios and the core (an empty test
/// would make the core empty), as a SetMethods user, who cannot pass them, leaves them out.
/// The robustness fit is given both ways: [`fit`](Self::fit) without them,
/// [`fit_with_no_solution`](Self::fit_with_no_solution) with them as empty sets.
///
/// # Example
/// ```
/// use fsqca::robustness::{CaseRobustness, CaseType, RccRank, SolutionSet, TestSetReading};
///
/// let cases: Vec<String> = ["a", "b", "c", "d"].map(String::from).into();
/// let y = [0.9, 0.8, 0.2, 0.7];
/// let is = SolutionSet::new("IS", "A".parse()?, vec![0.9, 0.8, 0.7, 0.1]);
/// let ts = SolutionSet::new("TS1", "A*B".parse()?, vec![0.9, 0.3, 0.6, 0.1]);
/// let r = CaseRobustness::new(&cases, &y, &is, &[ts], TestSetReading::AllTests)?;
/// let robust = r.group(CaseType::RobustTypical);
/// assert_eq!(robust.cases, ["a"]);
/// assert_eq!(robust.expression.as_ref().map(ToString::to_string).as_deref(), Some("A*B"));
/// assert_eq!(r.group(CaseType::ShakyTypical).cases, ["b"]);
/// assert_eq!(r.group(CaseType::ExtremeDeviantCoverage).cases, ["d"]);
/// assert_eq!(r.rcr_typ, Some(0.5));
/// assert_eq!(r.rcc_rank, RccRank::ShakyOnly);
/// let sc = r.single_tests[0].coincidence.ok_or("defined")?;
/// assert!((sc - 1.9 / 2.5).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CaseRobustness {
    /// Which tests enter TS_min and TS_max.
    pub reading: TestSetReading,
    /// The initial solution's model (`None`: no solution).
    pub initial: Option<Expression>,
    /// Every test's name, in the order given.
    pub tests: Vec<String>,
    /// The tests without a solution (the empty set), by name.
    pub no_solution: Vec<String>,
    /// The tests that enter TS_min and TS_max (with a solution, as the reading picks).
    pub tests_used: Vec<String>,
    /// The eight case types, in the order of [`CaseType::ALL`].
    pub case_types: Vec<CaseTypeGroup>,
    /// RCR_typ (`None` when no case is robust, shaky or possible typical).
    pub rcr_typ: Option<f64>,
    /// RCR_dev (`None` when no case is robust, shaky or possible deviant).
    pub rcr_dev: Option<f64>,
    /// RCC_Rank.
    pub rcc_rank: RccRank,
    /// Each test alone, sorted by RCC_Rank from 4 down, then by coincidence rising (as
    /// SetMethods' `rob.singletest`; ties keep the order given).
    pub single_tests: Vec<SingleTest>,
    /// The sufficiency (inclS, PRI, covS, ...) of the robust core RC = min(IS, every test with
    /// a solution) for the outcome: SetMethods' `rob.corefit`.
    pub robust_core_fit: Sufficiency,
    /// RF_cov, RF_cons (every test with a solution) and RF_SC_minTS / maxTS (the tests the
    /// reading picks among those with a solution).
    pub fit: RobustnessFit,
    /// The same with the tests without a solution as empty sets (RF_cov and RF_SC_minTS are
    /// then 0, RF_cons undefined); equal to [`fit`](Self::fit) when every test has one.
    pub fit_with_no_solution: RobustnessFit,
    /// The case labels.
    pub cases: Vec<String>,
    /// The outcome's membership of every case.
    pub outcome: Vec<f64>,
    /// IS's membership of every case.
    pub initial_membership: Vec<f64>,
    /// TS_min's membership of every case.
    pub minimal_test_set: Vec<f64>,
    /// TS_max's membership of every case.
    pub maximal_test_set: Vec<f64>,
}

impl CaseRobustness {
    /// The case-oriented robustness of `initial` against `tests`, for the outcome memberships
    /// `outcome` of the cases labelled `cases`.
    ///
    /// # Errors
    /// [`CaseRobustnessError::NoTests`] without tests,
    /// [`CaseRobustnessError::NoTestWithSolution`] when no test has a solution,
    /// [`CaseRobustnessError::UnequalLengths`] for memberships of another length than
    /// `cases`, [`CaseRobustnessError::InvalidMembership`] for a NaN or a value outside
    /// [0, 1].
    ///
    /// # Complexity
    /// O(n·m) for n cases and m tests, and the Boolean minimization of the intersections' sums
    /// of products over the distinct models.
    ///
    /// # Example
    /// See [`CaseRobustness`].
    pub fn new(
        cases: &[String],
        outcome: &[f64],
        initial: &SolutionSet,
        tests: &[SolutionSet],
        reading: TestSetReading,
    ) -> Result<Self, CaseRobustnessError> {
        if tests.is_empty() {
            return Err(CaseRobustnessError::NoTests);
        }
        checked_membership("the outcome", cases, outcome)?;
        let is = initial.checked(cases)?;
        let all: Vec<Vec<f64>> = tests
            .iter()
            .map(|t| t.checked(cases))
            .collect::<Result<_, _>>()?;
        let solved: Vec<usize> = (0..tests.len())
            .filter(|&i| tests[i].has_solution())
            .collect();
        let no_solution: Vec<String> = tests
            .iter()
            .filter(|t| !t.has_solution())
            .map(|t| t.name.clone())
            .collect();
        if solved.is_empty() {
            return Err(CaseRobustnessError::NoTestWithSolution { no_solution });
        }
        let used = reading.pick(&solved);
        let pick = |ids: &[usize]| ids.iter().map(|&i| all[i].as_slice()).collect::<Vec<_>>();
        let every: Vec<usize> = (0..tests.len()).collect();
        let fit = RobustnessFit::from_memberships(&is, outcome, &pick(&solved), &pick(&used));
        let fit_with_no_solution = RobustnessFit::from_memberships(
            &is,
            outcome,
            &pick(&every),
            &pick(&reading.pick(&every)),
        );
        let ts_min = fold(&pick(&used), f64::min);
        let ts_max = fold(&pick(&used), f64::max);
        let core = fold(&[is.as_slice(), &fold(&pick(&solved), f64::min)], f64::min);
        let robust_core_fit = fit::sufficiency(
            &FuzzySet::from_derived("RC", core.into()),
            &FuzzySet::from_derived("Y", outcome.to_vec().into()),
        )
        .unwrap_or_default();
        let types = classify(&is, &ts_min, &ts_max, outcome);
        let expressions = Intersections::of(
            initial.expression(),
            &used
                .iter()
                .filter_map(|&i| tests[i].expression())
                .collect::<Vec<_>>(),
        );
        let case_types = CaseType::ALL
            .iter()
            .map(|&t| group(t, &types, cases, outcome, expressions.get(t)))
            .collect::<Vec<_>>();
        let count = |t: CaseType| case_types[t as usize].count;
        let ratio = |r: CaseType, s: CaseType, p: CaseType| {
            let d = count(r) + count(s) + count(p);
            (d > 0).then(|| count(r) as f64 / d as f64)
        };
        let mut single_tests: Vec<SingleTest> = tests
            .iter()
            .zip(&all)
            .map(|(t, m)| SingleTest {
                name: t.name.clone(),
                expression: t.expression().cloned(),
                rcc_rank: rank_of(&classify(&is, m, m, outcome)),
                coincidence: super::sweep::coincidence(&is, m),
            })
            .collect();
        single_tests.sort_by(|a, b| {
            b.rcc_rank.cmp(&a.rcc_rank).then(
                a.coincidence
                    .unwrap_or(f64::NEG_INFINITY)
                    .total_cmp(&b.coincidence.unwrap_or(f64::NEG_INFINITY)),
            )
        });
        Ok(Self {
            reading,
            initial: initial.expression().cloned(),
            tests: tests.iter().map(|t| t.name.clone()).collect(),
            no_solution,
            tests_used: used.iter().map(|&i| tests[i].name.clone()).collect(),
            rcr_typ: ratio(
                CaseType::RobustTypical,
                CaseType::ShakyTypical,
                CaseType::PossibleTypical,
            ),
            rcr_dev: ratio(
                CaseType::RobustDeviant,
                CaseType::ShakyDeviant,
                CaseType::PossibleDeviant,
            ),
            rcc_rank: rank_of(&types),
            case_types,
            single_tests,
            robust_core_fit,
            fit,
            fit_with_no_solution,
            cases: cases.to_vec(),
            outcome: outcome.to_vec(),
            initial_membership: is,
            minimal_test_set: ts_min,
            maximal_test_set: ts_max,
        })
    }

    /// The group of one case type.
    ///
    /// # Example
    /// See [`CaseRobustness`].
    pub fn group(&self, case_type: CaseType) -> &CaseTypeGroup {
        &self.case_types[case_type as usize]
    }

    /// The type of every case (`None`: in no type), in the data's order.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{CaseRobustness, CaseType, SolutionSet, TestSetReading};
    ///
    /// let cases: Vec<String> = vec!["a".into(), "b".into()];
    /// let is = SolutionSet::new("IS", "A".parse()?, vec![0.9, 0.5]);
    /// let ts = SolutionSet::new("TS", "A".parse()?, vec![0.9, 0.5]);
    /// let r = CaseRobustness::new(&cases, &[0.8, 0.9], &is, &[ts], TestSetReading::AllTests)?;
    /// assert_eq!(r.case_type_of_each(), [Some(CaseType::RobustTypical), None]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn case_type_of_each(&self) -> Vec<Option<CaseType>> {
        classify(
            &self.initial_membership,
            &self.minimal_test_set,
            &self.maximal_test_set,
            &self.outcome,
        )
    }
}

/// The case type of every case.
fn classify(is: &[f64], ts_min: &[f64], ts_max: &[f64], y: &[f64]) -> Vec<Option<CaseType>> {
    (0..is.len())
        .map(|i| {
            let (x, lo, hi) = (is[i], ts_min[i], ts_max[i]);
            let pair = if x.min(lo) > 0.5 {
                0
            } else if x.min(1.0 - lo) > 0.5 {
                1
            } else if (1.0 - x).min(hi) > 0.5 {
                2
            } else if (1.0 - x).min(1.0 - hi) > 0.5 {
                3
            } else {
                return None;
            };
            let side = if y[i] > 0.5 {
                0
            } else if y[i] < 0.5 {
                1
            } else {
                return None;
            };
            Some(CaseType::ALL[2 * pair + side])
        })
        .collect()
}

fn rank_of(types: &[Option<CaseType>]) -> RccRank {
    let count = |a: CaseType, b: CaseType| {
        types
            .iter()
            .filter(|t| **t == Some(a) || **t == Some(b))
            .count()
    };
    RccRank::from_counts(
        count(CaseType::ShakyTypical, CaseType::ShakyDeviant),
        count(CaseType::PossibleTypical, CaseType::PossibleDeviant),
    )
}

fn group(
    case_type: CaseType,
    types: &[Option<CaseType>],
    cases: &[String],
    y: &[f64],
    expression: Option<SumOfProducts>,
) -> CaseTypeGroup {
    let members: Vec<String> = types
        .iter()
        .zip(cases)
        .filter(|(t, _)| **t == Some(case_type))
        .map(|(_, c)| c.clone())
        .collect();
    let outcome_group_size = y
        .iter()
        .filter(|&&v| {
            if case_type.is_typical() {
                v > 0.5
            } else {
                v < 0.5
            }
        })
        .count();
    let share = |total: usize| (total > 0).then(|| members.len() as f64 / total as f64);
    CaseTypeGroup {
        case_type,
        expression,
        count: members.len(),
        share_of_cases: share(cases.len()),
        outcome_group_size,
        share_of_outcome_group: share(outcome_group_size),
        cases: members,
    }
}

/// The Boolean expressions of the four intersections (`None` where too large).
struct Intersections([Option<SumOfProducts>; 4]);

impl Intersections {
    /// Built symbolically from the models, each step Boolean-minimized (the result is the
    /// Boolean minimization of the intersection, as SetMethods prints it); a test's model is
    /// used once however many tests share it.
    fn of(initial: Option<&Expression>, tests: &[&Expression]) -> Self {
        let mut distinct: Vec<&Expression> = Vec::new();
        for t in tests {
            if !distinct.contains(t) {
                distinct.push(t);
            }
        }
        let sop = |e: Option<&Expression>| match e {
            Some(e) => SumOfProducts::from_expression(e).ok(),
            None => "0".parse().ok(),
        };
        let min = |s: SumOfProducts| s.boolean_minimized().ok();
        let is = sop(initial).and_then(min);
        let not_is = is.as_ref().and_then(|s| s.negate().ok()).and_then(min);
        let models: Option<Vec<SumOfProducts>> = distinct
            .iter()
            .map(|e| sop(Some(e)).and_then(min))
            .collect();
        let negated: Option<Vec<SumOfProducts>> = models
            .as_ref()
            .and_then(|m| m.iter().map(|s| s.negate().ok().and_then(min)).collect());
        let and_all = |sets: &[SumOfProducts]| {
            let (first, rest) = sets.split_first()?;
            rest.iter()
                .try_fold(first.clone(), |acc, s| acc.and(s).ok().and_then(min))
        };
        let or_all = |sets: &[SumOfProducts]| {
            let (first, rest) = sets.split_first()?;
            min(rest.iter().fold(first.clone(), |acc, s| acc.or(s)))
        };
        let ts_min = models.as_deref().and_then(and_all);
        let not_ts_min = negated.as_deref().and_then(or_all);
        let ts_max = models.as_deref().and_then(or_all);
        let not_ts_max = negated.as_deref().and_then(and_all);
        let both = |a: &Option<SumOfProducts>, b: Option<SumOfProducts>| {
            a.as_ref()?.and(&b?).ok().and_then(min)
        };
        Self([
            both(&is, ts_min),
            both(&is, not_ts_min),
            both(&not_is, ts_max),
            both(&not_is, not_ts_max),
        ])
    }

    fn get(&self, case_type: CaseType) -> Option<SumOfProducts> {
        self.0[case_type as usize / 2].clone()
    }
}

impl fmt::Display for CaseRobustness {
    /// The case types with their counts, shares and cases, the ratios and rank, each test
    /// alone and the robust core's fit, in plain text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let used = if self.tests_used.len() <= 4 {
            self.tests_used.join(", ")
        } else {
            format!("{} tests", self.tests_used.len())
        };
        writeln!(
            f,
            "case-oriented robustness (Oana & Schneider), TS_min and TS_max over {}: {used}",
            self.reading,
        )?;
        if !self.no_solution.is_empty() {
            writeln!(
                f,
                "  {} test(s) without a solution, left out of the test sets: {}",
                self.no_solution.len(),
                self.no_solution.join(", ")
            )?;
        }
        let percent =
            |s: Option<f64>| s.map_or_else(|| "-".to_owned(), |v| format!("{:.2}%", 100.0 * v));
        for g in &self.case_types {
            let expression = g
                .expression
                .as_ref()
                .map_or_else(|| "(too large to expand)".to_owned(), ToString::to_string);
            writeln!(
                f,
                "  {} ({} = {expression}): {} of {} cases ({}), {} of {} with Y {} 0.5 ({}){}{}",
                g.case_type,
                g.case_type.intersection(),
                g.count,
                self.cases.len(),
                percent(g.share_of_cases),
                g.count,
                g.outcome_group_size,
                if g.case_type.is_typical() { ">" } else { "<" },
                percent(g.share_of_outcome_group),
                if g.cases.is_empty() { "" } else { ": " },
                g.cases.join(", ")
            )?;
        }
        writeln!(
            f,
            "  RCR_typ {}  RCR_dev {}  RCC_Rank {}",
            metric(self.rcr_typ),
            metric(self.rcr_dev),
            self.rcc_rank
        )?;
        writeln!(
            f,
            "  robust core min(IS, every test with a solution) (rob.corefit): inclS {}  PRI {}  covS {}",
            metric(self.robust_core_fit.incl),
            metric(self.robust_core_fit.pri),
            metric(self.robust_core_fit.cov)
        )?;
        writeln!(f, "  robustness fit (tests with a solution): {}", self.fit)?;
        if !self.no_solution.is_empty() {
            writeln!(
                f,
                "  robustness fit (tests without a solution as empty sets): {}",
                self.fit_with_no_solution
            )?;
        }
        writeln!(f, "  each test alone (rob.singletest):")?;
        for t in &self.single_tests {
            writeln!(
                f,
                "    {}: RCC_Rank {}  SC {}",
                t.name,
                t.rcc_rank.number(),
                metric(t.coincidence)
            )?;
        }
        Ok(())
    }
}

impl Sweep {
    /// The case-oriented robustness of the baseline's first model (IS) against every variant
    /// that ran (TS, each variant's first model, named `parameter=value`; a variant without a
    /// positive row is a test without a solution; skipped variants are no test).
    ///
    /// # Errors
    /// [`CaseRobustnessError::NoTests`] when no variant ran,
    /// [`CaseRobustnessError::NoTestWithSolution`] when none has a solution.
    ///
    /// # Example
    /// ```
    /// use fsqca::robustness::{Analysis, CaseType, Parameter, ParameterGrid, TestSetReading};
    ///
    /// let data = fsqca::Dataset::from_columns([
    ///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
    ///     ("Y", vec![1.0, 0.7, 0.2, 0.0]),
    /// ])?;
    /// let sweep = Analysis::new(data, "Y")
    ///     .membership_condition("A")
    ///     .membership_condition("B")
    ///     .sweep(&[ParameterGrid::span(Parameter::InclCut, 0.6, 1.0, 5)?])?;
    /// let r = sweep.case_robustness(TestSetReading::AllTests)?;
    /// assert_eq!(r.tests.len(), 5);
    /// assert_eq!(r.group(CaseType::RobustTypical).cases, ["1"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn case_robustness(
        &self,
        reading: TestSetReading,
    ) -> Result<CaseRobustness, CaseRobustnessError> {
        let initial = solution_set(
            "IS",
            self.baseline_models.first(),
            &self.baseline_membership,
        );
        let tests: Vec<SolutionSet> = self
            .variants()
            .iter()
            .filter_map(|v| {
                let membership = v.membership()?;
                let name = v.name();
                let first = v.result().models()?.first();
                let model = first.and_then(|terms| Expression::disjunction(terms.clone()).ok());
                Some(solution_set(&name, model.as_ref(), membership))
            })
            .collect();
        CaseRobustness::new(
            &self.cases,
            &self.outcome_membership,
            &initial,
            &tests,
            reading,
        )
    }
}

fn solution_set(name: &str, model: Option<&Expression>, membership: &[f64]) -> SolutionSet {
    match model {
        Some(e) => SolutionSet::new(name, e.clone(), membership.to_vec()),
        None => SolutionSet::no_solution(name),
    }
}
