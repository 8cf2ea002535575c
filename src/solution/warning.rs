//! What a solution warns about, as typed values.

use std::fmt;

use crate::minimize::{EngineWarning, Minimized};

/// A warning attached to a [`Solution`](crate::solution::Solution): the listing of models is
/// incomplete, or the minimum is not proven. Its `Display` is the message [`Solution::warning`] joins with `"; "`.
///
/// [`Solution::warning`]: crate::solution::Solution::warning
///
/// # Example
/// ```
/// use fsqca::minimize::{EngineOptions, EngineWarning};
/// use fsqca::solution::{SolutionOptions, SolutionType, SolutionWarning};
/// use fsqca::{Dataset, TruthTableOptions};
///
/// // Σ m(0, 1, 2, 5, 6, 7) over A, B, C: two minimum models; list one.
/// let bit = |b: u32| (0..8).map(|m| f64::from((m >> b) & 1)).collect::<Vec<_>>();
/// let data = Dataset::from_columns([
///     ("A", bit(2)),
///     ("B", bit(1)),
///     ("C", bit(0)),
///     ("Y", vec![1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0]),
/// ])?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B", "C"])?;
/// let solution = SolutionOptions::new(SolutionType::Conservative)
///     .engine(EngineOptions::new().max_models(1))
///     .solve(&tt)?;
/// let cap = EngineWarning::ModelCap { listed: 1 };
/// assert_eq!(solution.warnings(), [SolutionWarning::Engine(cap)]);
/// assert_eq!(
///     solution.warnings()[0].to_string(),
///     "model cap reached: the first 1 minimum models are listed, and there are more \
///      (raise max_models to list more)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum SolutionWarning {
    /// The engine's warning about a minimization behind the solution: the model cap or the
    /// search node limit stopped the listing, or the minimum is not proven.
    Engine(EngineWarning),
}

impl SolutionWarning {
    /// The warning a minimization calls for, if any ([`Minimized::warning`]).
    pub(crate) fn of_minimized(minimized: &Minimized) -> Option<Self> {
        minimized.warning().map(Self::from)
    }

    /// Whether the warning says that not every model is listed (the model cap or the node
    /// limit stopped the listing).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineWarning;
    /// use fsqca::solution::SolutionWarning;
    ///
    /// let cap = EngineWarning::ModelCap { listed: 3 };
    /// assert!(SolutionWarning::Engine(cap).is_truncation());
    /// let unproven = EngineWarning::MinimumNotProven { size: 4, lower_bound: 3 };
    /// assert!(!SolutionWarning::Engine(unproven).is_truncation());
    /// ```
    pub fn is_truncation(&self) -> bool {
        matches!(
            self,
            Self::Engine(EngineWarning::ModelCap { .. } | EngineWarning::NodeLimit { .. })
        )
    }
}

impl From<EngineWarning> for SolutionWarning {
    /// The engine's warning, as a solution's.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::EngineWarning;
    /// use fsqca::solution::SolutionWarning;
    ///
    /// let w = SolutionWarning::from(EngineWarning::NodeLimit { listed: 2 });
    /// assert_eq!(w, SolutionWarning::Engine(EngineWarning::NodeLimit { listed: 2 }));
    /// ```
    fn from(warning: EngineWarning) -> Self {
        Self::Engine(warning)
    }
}

impl fmt::Display for SolutionWarning {
    /// The message shown to the user: the engine's ([`EngineWarning`]) for the model listing
    /// and the minimum.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Engine(warning) => fmt::Display::fmt(warning, f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minimize::EngineOptions;
    use crate::solution::{SolutionOptions, SolutionType};
    use crate::{Dataset, TruthTableOptions};

    /// Σ m(0, 1, 2, 5, 6, 7) over A, B, C: a cyclic chart with two minimum models.
    fn cyclic() -> crate::TruthTable {
        let bit = |b: u32| (0..8).map(|m| f64::from((m >> b) & 1)).collect::<Vec<_>>();
        let data = Dataset::from_columns([
            ("A", bit(2)),
            ("B", bit(1)),
            ("C", bit(0)),
            ("Y", vec![1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0]),
        ])
        .unwrap();
        TruthTableOptions::default()
            .build(&data, "Y", &["A", "B", "C"])
            .unwrap()
    }

    #[test]
    fn a_model_cap_truncates_the_listing() {
        let tt = cyclic();
        let all = SolutionOptions::new(SolutionType::Conservative)
            .solve(&tt)
            .unwrap();
        assert_eq!(all.models().len(), 2);
        assert!(!all.is_truncated() && all.warnings().is_empty() && all.warning().is_none());

        let one = SolutionOptions::new(SolutionType::Conservative)
            .engine(EngineOptions::new().max_models(1))
            .solve(&tt)
            .unwrap();
        assert_eq!(one.models().len(), 1);
        assert!(one.is_truncated());
        assert!(one.is_minimum_proven());
        assert_eq!(one.lower_bound(), None);
        assert_eq!(
            one.warnings(),
            [SolutionWarning::Engine(EngineWarning::ModelCap {
                listed: 1
            })]
        );
        assert_eq!(
            one.warning().as_deref(),
            Some(
                "model cap reached: the first 1 minimum models are listed, and there are more \
                 (raise max_models to list more)"
            )
        );
        assert!(one
            .to_string()
            .ends_with(&format!("warning: {}\n", one.warning().unwrap())));
    }

    /// The engine's [`noisy_cases`](crate::minimize::noisy_cases) as a data set: conditions
    /// `X1` to `X12`, outcome `Y`.
    fn noisy() -> Dataset {
        let mut columns = vec![Vec::new(); 13];
        for (x, y) in crate::minimize::noisy_cases() {
            for (j, v) in x.into_iter().enumerate() {
                columns[j].push(f64::from(v));
            }
            columns[12].push(f64::from(u8::from(y)));
        }
        let names: Vec<String> = (1..=12)
            .map(|j| format!("X{j}"))
            .chain(["Y".to_owned()])
            .collect();
        Dataset::from_columns(names.into_iter().zip(columns)).unwrap()
    }

    #[test]
    fn an_unproven_minimum_gives_its_lower_bound() {
        let data = noisy();
        let conditions: Vec<String> = (1..=12).map(|j| format!("X{j}")).collect();
        let tt = TruthTableOptions::default()
            .build(&data, "Y", &conditions)
            .unwrap();
        let solution = SolutionOptions::new(SolutionType::Parsimonious)
            .engine(
                EngineOptions::new()
                    .max_search_nodes(1)
                    .accept_unproven(true),
            )
            .solve(&tt)
            .unwrap();
        assert!(!solution.is_minimum_proven());
        let size = solution.models()[0].terms().len();
        let bound = solution.lower_bound().unwrap();
        assert!(bound < size, "{bound} < {size}");
        assert_eq!(
            solution.warnings()[0],
            SolutionWarning::Engine(EngineWarning::MinimumNotProven {
                size,
                lower_bound: bound
            })
        );
        assert!(!solution.is_truncated());
        assert!(solution
            .warning()
            .unwrap()
            .starts_with("the minimum model size is not proven"));
    }

    /// The engine's warnings become the solution's, with the same text.
    #[test]
    fn engine_warnings_keep_their_text() {
        for w in [
            EngineWarning::ModelCap { listed: 1 },
            EngineWarning::NodeLimit { listed: 2 },
            EngineWarning::MinimumNotProven {
                size: 5,
                lower_bound: 3,
            },
        ] {
            assert_eq!(SolutionWarning::from(w).to_string(), w.to_string());
        }
    }

    #[test]
    fn display_gives_each_message() {
        assert_eq!(
            SolutionWarning::Engine(EngineWarning::NodeLimit { listed: 2 }).to_string(),
            "the search node limit stopped the listing: the 2 minimum models listed are not \
             all of them (raise max_search_nodes to list more)"
        );
        assert_eq!(
            SolutionWarning::Engine(EngineWarning::MinimumNotProven {
                size: 5,
                lower_bound: 3
            })
            .to_string(),
            "the minimum model size is not proven: the search node limit stopped the search, \
             and the model given is the smallest found, with 5 prime implicants; no model has \
             fewer than 3 (raise max_search_nodes to prove the minimum)"
        );
        assert!(SolutionWarning::Engine(EngineWarning::NodeLimit { listed: 2 }).is_truncation());
    }
}
