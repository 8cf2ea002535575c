//! Which remainders a solution may use: the solution type.

use std::fmt;
use std::str::FromStr;

/// Which remainders a solution may use.
///
/// # Example
/// ```
/// use fsqca::solution::SolutionType;
///
/// let t: SolutionType = "parsimonious".parse()?;
/// assert_eq!(t, SolutionType::Parsimonious);
/// assert_eq!(t.to_string(), "parsimonious");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum SolutionType {
    /// No remainder is used (the complex solution).
    #[default]
    Conservative,
    /// Any remainder may be used.
    Parsimonious,
    /// Only remainders consistent with directional expectations (easy counterfactuals).
    Intermediate,
}

impl fmt::Display for SolutionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Conservative => "conservative",
            Self::Parsimonious => "parsimonious",
            Self::Intermediate => "intermediate",
        })
    }
}

impl FromStr for SolutionType {
    type Err = String;

    /// Accepts `conservative` (or `complex`), `parsimonious`, `intermediate`, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "conservative" | "complex" => Ok(Self::Conservative),
            "parsimonious" => Ok(Self::Parsimonious),
            "intermediate" => Ok(Self::Intermediate),
            other => Err(format!(
                "unknown solution type `{other}` (expected conservative, parsimonious or intermediate)"
            )),
        }
    }
}
