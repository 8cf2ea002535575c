//! A list of selected cases of one type, with the explanation of an empty one.

use std::fmt;

use crate::expression::Expression;

/// The case types of set-theoretic multi-method research (Schneider & Rohlfing 2013, 2016;
/// Schneider 2024), each with its selection rule.
///
/// # Example
/// ```
/// use fsqca::cases::CaseType;
/// assert_eq!(CaseType::Typical.rule(), "X > 0.5, Y > 0.5 and X <= Y");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CaseType {
    /// Sufficiency: typical cases of a term.
    Typical,
    /// Sufficiency: typical cases of a term, for one focal conjunct.
    TypicalFocalConjunct,
    /// Sufficiency: deviant cases consistency of a term.
    DeviantConsistency,
    /// Sufficiency: deviant cases coverage of the solution.
    DeviantCoverage,
    /// Sufficiency: individually irrelevant cases of the solution.
    IndividuallyIrrelevant,
    /// Necessity: typical cases of a necessary condition.
    NecessityTypical,
    /// Necessity: deviant cases consistency of a necessary condition.
    NecessityDeviantConsistency,
    /// Necessity: deviant cases relevance of a necessary condition.
    NecessityDeviantRelevance,
    /// Sufficiency pairs: two typical cases, per focal conjunct.
    TypicalPairs,
    /// Sufficiency pairs: a typical and an individually irrelevant case, per focal conjunct.
    TypicalIrrelevantPairs,
    /// Sufficiency pairs: a typical case and a deviant case consistency, per term.
    TypicalDeviantPairs,
    /// Sufficiency pairs: a deviant case coverage and an individually irrelevant case of the
    /// same truth-table row.
    CoverageIrrelevantPairs,
    /// Sufficiency pairs: two typical cases, per term.
    TypicalPairsPerTerm,
    /// Sufficiency pairs: a typical and an individually irrelevant case, per term.
    TypicalIrrelevantPairsPerTerm,
    /// Necessity pairs: a typical case and a deviant case relevance.
    NecessityTypicalRelevancePairs,
    /// Necessity pairs: a typical case and a deviant case consistency in the same truth-table
    /// row of the conditions outside the necessary condition.
    NecessityDeviantPairs,
    /// Necessity pairs: two typical cases.
    NecessityTypicalPairs,
    /// Necessity pairs: a typical and an individually irrelevant case.
    NecessityIrrelevantPairs,
}

impl CaseType {
    /// The selection rule, with X the term's (or focal term's) membership, S the solution's, N
    /// the necessary condition's, w the membership in the case's truth-table row and Y the
    /// outcome's.
    ///
    /// # Example
    /// ```
    /// use fsqca::cases::CaseType;
    /// assert_eq!(CaseType::DeviantCoverage.rule(), "S < 0.5 and Y > 0.5");
    /// ```
    pub fn rule(self) -> &'static str {
        match self {
            Self::Typical | Self::TypicalFocalConjunct => "X > 0.5, Y > 0.5 and X <= Y",
            Self::DeviantConsistency => "X > 0.5 and Y < 0.5",
            Self::DeviantCoverage => "S < 0.5 and Y > 0.5",
            Self::IndividuallyIrrelevant => "S < 0.5 and Y < 0.5",
            Self::NecessityTypical => "N > 0.5, Y > 0.5 and N >= Y",
            Self::NecessityDeviantConsistency => "N < 0.5, Y > 0.5 and w > 0.5",
            Self::NecessityDeviantRelevance => "N > 0.5 and Y < 0.5",
            Self::TypicalPairs | Self::TypicalPairsPerTerm => {
                "two typical cases (X > 0.5, Y > 0.5, X <= Y)"
            }
            Self::TypicalIrrelevantPairs | Self::TypicalIrrelevantPairsPerTerm => {
                "a typical case (X > 0.5, Y > 0.5, X <= Y) and an irrelevant one (X < 0.5, Y < 0.5)"
            }
            Self::TypicalDeviantPairs => {
                "a typical case (X > 0.5, Y > 0.5, X <= Y) and a deviant one (X > 0.5, Y < 0.5)"
            }
            Self::CoverageIrrelevantPairs => {
                "a deviant case coverage (S < 0.5, Y > 0.5) and an irrelevant case (S < 0.5, Y < 0.5) in the same truth-table row"
            }
            Self::NecessityTypicalRelevancePairs => {
                "a typical case (N > 0.5, Y > 0.5, N >= Y) and a deviant case relevance (N > 0.5, Y < 0.5)"
            }
            Self::NecessityDeviantPairs => {
                "a typical case (N > 0.5, Y > 0.5, N >= Y) and a deviant case consistency (N < 0.5, Y > 0.5, w > 0.5) in the same truth-table row of the conditions outside N"
            }
            Self::NecessityTypicalPairs => "two typical cases (N > 0.5, Y > 0.5, N >= Y)",
            Self::NecessityIrrelevantPairs => {
                "a typical case (N > 0.5, Y > 0.5, N >= Y) and an irrelevant one (N < 0.5, Y < 0.5, N >= Y)"
            }
        }
    }

    /// Whether the type selects pairs of cases.
    ///
    /// # Example
    /// ```
    /// use fsqca::cases::CaseType;
    /// assert!(CaseType::TypicalPairs.is_pair());
    /// assert!(!CaseType::Typical.is_pair());
    /// ```
    pub fn is_pair(self) -> bool {
        matches!(
            self,
            Self::TypicalPairs
                | Self::TypicalIrrelevantPairs
                | Self::TypicalDeviantPairs
                | Self::CoverageIrrelevantPairs
                | Self::TypicalPairsPerTerm
                | Self::TypicalIrrelevantPairsPerTerm
                | Self::NecessityTypicalRelevancePairs
                | Self::NecessityDeviantPairs
                | Self::NecessityTypicalPairs
                | Self::NecessityIrrelevantPairs
        )
    }

    /// The name of the case type, as SetMethods titles its tables.
    ///
    /// # Example
    /// ```
    /// use fsqca::cases::CaseType;
    /// assert_eq!(CaseType::IndividuallyIrrelevant.to_string(), "individually irrelevant cases");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Self::Typical => "typical cases",
            Self::TypicalFocalConjunct => "typical cases per focal conjunct",
            Self::DeviantConsistency => "deviant cases consistency",
            Self::DeviantCoverage => "deviant cases coverage",
            Self::IndividuallyIrrelevant => "individually irrelevant cases",
            Self::NecessityTypical => "typical cases (necessity)",
            Self::NecessityDeviantConsistency => "deviant cases consistency (necessity)",
            Self::NecessityDeviantRelevance => "deviant cases relevance (necessity)",
            Self::TypicalPairs => "pairs of typical cases per focal conjunct",
            Self::TypicalIrrelevantPairs => {
                "pairs of typical and irrelevant cases per focal conjunct"
            }
            Self::TypicalDeviantPairs => "pairs of typical and deviant cases consistency",
            Self::CoverageIrrelevantPairs => "pairs of deviant cases coverage and irrelevant cases",
            Self::TypicalPairsPerTerm => "pairs of typical cases per term",
            Self::TypicalIrrelevantPairsPerTerm => "pairs of typical and irrelevant cases per term",
            Self::NecessityTypicalRelevancePairs => {
                "pairs of typical and deviant cases relevance (necessity)"
            }
            Self::NecessityDeviantPairs => {
                "pairs of typical and deviant cases consistency (necessity)"
            }
            Self::NecessityTypicalPairs => "pairs of typical cases (necessity)",
            Self::NecessityIrrelevantPairs => "pairs of typical and irrelevant cases (necessity)",
        }
    }
}

impl fmt::Display for CaseType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The selected cases of one type for one subject (a term, a focal conjunct, a necessary
/// condition, or the whole solution), in SetMethods' ranking. An empty list is a result, not
/// an error: [`explanation`](Self::explanation) says why it is empty.
///
/// # Example
/// ```
/// use fsqca::cases::{CaseMemberships, CaseType};
/// use fsqca::{Dataset, Expression};
///
/// let data = Dataset::from_columns([("A", vec![0.8, 0.7]), ("Y", vec![0.9, 0.6])])?;
/// let terms: Vec<Expression> = vec!["A".parse()?];
/// let cases = CaseMemberships::new(&data, "Y", &["A"], &terms)?;
/// let lists = cases.deviant_consistency();
/// assert!(lists[0].cases.is_empty());
/// assert_eq!(
///     lists[0].explanation.as_deref(),
///     Some("no deviant cases consistency for A: no case has X > 0.5 and Y < 0.5")
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CaseList<T> {
    /// The case type.
    pub case_type: CaseType,
    /// The term, focal conjunct or necessary condition the cases are selected for; `None` for
    /// the whole solution (deviant coverage, individually irrelevant).
    pub subject: Option<Expression>,
    /// The cases, best first.
    pub cases: Vec<T>,
    /// Why the list is empty (`None` when it is not).
    pub explanation: Option<String>,
}

impl<T> CaseList<T> {
    /// A list; an empty one gets its explanation from the case type's rule.
    pub(crate) fn new(case_type: CaseType, subject: Option<Expression>, cases: Vec<T>) -> Self {
        let explanation = cases.is_empty().then(|| {
            let of = subject
                .as_ref()
                .map_or_else(|| " of the solution".to_owned(), |s| format!(" for {s}"));
            if case_type.is_pair() {
                format!("no {case_type}{of}: a pair needs {}", case_type.rule())
            } else {
                format!("no {case_type}{of}: no case has {}", case_type.rule())
            }
        });
        Self {
            case_type,
            subject,
            cases,
            explanation,
        }
    }
}
