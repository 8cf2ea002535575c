//! The class of a condition in a configuration.

use crate::table::Mark;

/// How a condition enters a configuration of a chart (Ragin & Fiss 2008; Fiss 2011).
///
/// A condition of an intermediate term is *core* when it appears, with the same sign, in a
/// term of the parsimonious solution that the intermediate term implies (the evidence for it
/// holds with every simplifying assumption), and *peripheral* when it appears in the
/// intermediate term only. A condition absent from the term is "don't care".
///
/// # Example
/// ```
/// use fsqca::chart::ConditionClass;
/// use fsqca::table::Mark;
/// assert_eq!(ConditionClass::CorePresent.mark(), Some(Mark::LargeFilled));
/// assert_eq!(ConditionClass::DontCare.mark(), None);
/// assert!(ConditionClass::CoreAbsent.is_core());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ConditionClass {
    /// Present in the intermediate term and in a parsimonious term it implies.
    CorePresent,
    /// Present in the intermediate term only.
    PeripheralPresent,
    /// Absent (negated) in the intermediate term and in a parsimonious term it implies.
    CoreAbsent,
    /// Absent (negated) in the intermediate term only.
    PeripheralAbsent,
    /// Not in the term.
    DontCare,
}

impl ConditionClass {
    /// The chart symbol: large circles for core conditions, small ones for peripheral ones,
    /// filled for presence, crossed for absence; none for "don't care".
    ///
    /// # Example
    /// ```
    /// use fsqca::chart::ConditionClass;
    /// use fsqca::table::Mark;
    /// assert_eq!(ConditionClass::PeripheralAbsent.mark(), Some(Mark::SmallCrossed));
    /// ```
    pub fn mark(self) -> Option<Mark> {
        match self {
            ConditionClass::CorePresent => Some(Mark::LargeFilled),
            ConditionClass::PeripheralPresent => Some(Mark::SmallFilled),
            ConditionClass::CoreAbsent => Some(Mark::LargeCrossed),
            ConditionClass::PeripheralAbsent => Some(Mark::SmallCrossed),
            ConditionClass::DontCare => None,
        }
    }

    /// Whether the condition is core (present or absent).
    ///
    /// # Example
    /// ```
    /// use fsqca::chart::ConditionClass;
    /// assert!(!ConditionClass::PeripheralPresent.is_core());
    /// ```
    pub fn is_core(self) -> bool {
        matches!(
            self,
            ConditionClass::CorePresent | ConditionClass::CoreAbsent
        )
    }

    /// Whether the condition is in the term (not "don't care").
    ///
    /// # Example
    /// ```
    /// use fsqca::chart::ConditionClass;
    /// assert!(ConditionClass::PeripheralAbsent.is_in_term());
    /// assert!(!ConditionClass::DontCare.is_in_term());
    /// ```
    pub fn is_in_term(self) -> bool {
        self != ConditionClass::DontCare
    }

    /// The classes with a symbol, in the order of the legend.
    pub(crate) const MARKED: [ConditionClass; 4] = [
        ConditionClass::CorePresent,
        ConditionClass::PeripheralPresent,
        ConditionClass::CoreAbsent,
        ConditionClass::PeripheralAbsent,
    ];

    /// What the class means, for the legend.
    pub(crate) fn meaning(self) -> &'static str {
        match self {
            ConditionClass::CorePresent => "core condition present",
            ConditionClass::PeripheralPresent => "peripheral condition present",
            ConditionClass::CoreAbsent => "core condition absent",
            ConditionClass::PeripheralAbsent => "peripheral condition absent",
            ConditionClass::DontCare => "don't care",
        }
    }

    /// The note below the legend.
    pub(crate) const NOTE: &'static str = "Blank: don't care. Core conditions are in the \
        parsimonious solution, peripheral ones in the intermediate solution only.";
}
