//! The errors of the minimization engine.

use std::fmt;

/// Which list of configurations an offending configuration came from.
///
/// Carried by [`MinimizeError`] so that a message can say where the bad value is.
///
/// # Example
/// ```
/// use fsqca::minimize::ConfigurationSet;
/// assert_eq!(ConfigurationSet::Positive.to_string(), "positive");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ConfigurationSet {
    /// The positive configurations (the minterms to cover).
    Positive,
    /// The forbidden configurations (negative rows and contradictions).
    Forbidden,
    /// The remainders listed in [`Remainders::Only`](crate::minimize::Remainders::Only).
    Remainder,
    /// The excluded remainders (untenable assumptions).
    Excluded,
    /// The cubes or configurations given to a [`CubeSet`](crate::minimize::CubeSet).
    Cubes,
}

impl fmt::Display for ConfigurationSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ConfigurationSet::Positive => "positive",
            ConfigurationSet::Forbidden => "forbidden",
            ConfigurationSet::Remainder => "remainder",
            ConfigurationSet::Excluded => "excluded",
            ConfigurationSet::Cubes => "cube set",
        })
    }
}

/// Errors raised by Boolean minimization.
///
/// Every variant carries the offending value. Input is checked once, when a
/// [`MinimizationProblem`](crate::minimize::MinimizationProblem) is built; solving a valid
/// problem fails only on invalid options ([`InvalidLimit`](Self::InvalidLimit)) and on the
/// explicit size limits ([`TooLarge`](Self::TooLarge),
/// [`TooManyPrimeImplicants`](Self::TooManyPrimeImplicants)).
///
/// # Example
/// ```
/// use fsqca::minimize::{MinimizationProblem, MinimizeError, Remainders};
/// let err = MinimizationProblem::new(vec![2, 2], vec![vec![1, 2]], vec![], Remainders::None)
///     .unwrap_err();
/// assert!(matches!(err, MinimizeError::LevelOutOfRange { condition: 1, value: 2, .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum MinimizeError {
    /// There is no positive configuration to cover.
    #[error("no positive rows to minimize")]
    NoPositiveRows,
    /// The problem has no condition.
    #[error("no conditions given")]
    NoConditions,
    /// More conditions than the engine supports.
    #[error("too many conditions: {n} (at most {max})")]
    TooManyConditions {
        /// The number of conditions given.
        n: usize,
        /// The largest number supported.
        max: usize,
    },
    /// A condition has fewer than two levels.
    #[error("condition {condition} has {levels} level(s); at least 2 are needed")]
    InvalidLevels {
        /// The condition (0-based).
        condition: usize,
        /// Its number of levels.
        levels: u8,
    },
    /// A configuration does not have one value per condition.
    #[error("{set} configuration {index} has {len} values, expected {expected}")]
    UnequalLengths {
        /// The list it came from.
        set: ConfigurationSet,
        /// Its position in that list (0-based).
        index: usize,
        /// The number of conditions.
        expected: usize,
        /// The number of values it has.
        len: usize,
    },
    /// A configuration has a level outside `0..levels` for some condition.
    #[error(
        "{set} configuration {index}: condition {condition} has level {value}, \
         outside 0..{levels}"
    )]
    LevelOutOfRange {
        /// The list it came from.
        set: ConfigurationSet,
        /// Its position in that list (0-based).
        index: usize,
        /// The condition (0-based).
        condition: usize,
        /// The offending level.
        value: u8,
        /// The number of levels of that condition.
        levels: u8,
    },
    /// The same configuration is in two lists that exclude each other.
    #[error("configuration {configuration:?} is both {first} and {second}")]
    Conflict {
        /// The configuration.
        configuration: Vec<u8>,
        /// One list holding it.
        first: ConfigurationSet,
        /// The other list holding it.
        second: ConfigurationSet,
    },
    /// The configuration space (the product of the levels) has more than 2^63
    /// configurations, so its counts and R QCA's row numbers would not fit a `u64`.
    #[error("the levels {levels:?} give more than 2^63 configurations")]
    SpaceTooLarge {
        /// The number of levels of each condition.
        levels: Vec<u8>,
    },
    /// Two [`CubeSet`](crate::minimize::CubeSet)s combined by a set operation are over
    /// different levels.
    #[error("cube sets over different levels: {left:?} and {right:?}")]
    LevelsDiffer {
        /// The levels of the set the operation was called on.
        left: Vec<u8>,
        /// The levels of the other set.
        right: Vec<u8>,
    },
    /// The plain Quine-McCluskey reference enumerates every configuration and was given too
    /// many.
    #[error(
        "{configurations} configurations are too many for plain Quine-McCluskey (at most {max})"
    )]
    TooLarge {
        /// The number of configurations of the problem (saturating).
        configurations: u64,
        /// The largest number supported.
        max: u64,
    },
    /// A limit of [`EngineOptions`](crate::minimize::EngineOptions) is 0, which no
    /// minimization could meet ([`EngineOptions::validate`](crate::minimize::EngineOptions::validate)).
    #[error("{option} is {value}: it must be at least 1")]
    InvalidLimit {
        /// The option, named as its setter: `max_models`, `max_prime_implicants` or
        /// `max_search_nodes`.
        option: &'static str,
        /// The value given.
        value: u64,
    },
    /// More prime implicants than the configured limit
    /// ([`EngineOptions::max_prime_implicants`](crate::minimize::EngineOptions::max_prime_implicants)).
    #[error(
        "more than {max} prime implicants (limit reached); for minimum models, keep only those that can be in one (PrimeMethod::Pruned; `--pruned` in the command), or raise the limit (max_prime_implicants; `--max-prime-implicants` in the command)"
    )]
    TooManyPrimeImplicants {
        /// The limit that was reached.
        max: usize,
    },
    /// More prime implicants that can be in a minimum model
    /// ([`PrimeMethod::Pruned`](crate::minimize::PrimeMethod::Pruned)) than the configured
    /// limit
    /// ([`EngineOptions::max_prime_implicants`](crate::minimize::EngineOptions::max_prime_implicants)).
    #[error(
        "more than {max} prime implicants can be in a minimum model (limit reached); raise the limit (max_prime_implicants; `--max-prime-implicants` in the command)"
    )]
    TooManyUsefulPrimeImplicants {
        /// The limit that was reached.
        max: usize,
    },
    /// The search for irredundant covers
    /// ([`CoverSearch::Irredundant`](crate::minimize::CoverSearch::Irredundant)) reached its
    /// node limit
    /// ([`EngineOptions::max_search_nodes`](crate::minimize::EngineOptions::max_search_nodes))
    /// before it found a model.
    #[error(
        "the model search gave up after {nodes} nodes without a model; raise the node limit (max_search_nodes; `--max-nodes` in the command)"
    )]
    SearchLimit {
        /// The node limit.
        nodes: u64,
    },
    /// The cover search reached its node limit
    /// ([`EngineOptions::max_search_nodes`](crate::minimize::EngineOptions::max_search_nodes))
    /// while proving the minimum model size: a model of `best` prime implicants was found,
    /// and none has fewer than `lower_bound`, but whether a model of size between them exists
    /// is not settled. With
    /// [`EngineOptions::accept_unproven`](crate::minimize::EngineOptions::accept_unproven),
    /// that model is returned instead.
    #[error(
        "the model search gave up after {nodes} nodes without a proven minimum: the smallest model found has {best} prime implicants and none has fewer than {lower_bound}; raise the node limit (max_search_nodes; `--max-nodes` in the command), or accept that model unproven (accept_unproven; `--accept-unproven`)"
    )]
    MinimumNotProven {
        /// The node limit.
        nodes: u64,
        /// The size of the smallest model found.
        best: usize,
        /// A proven lower bound on the size of a model.
        lower_bound: usize,
    },
    /// Deciding which prime implicants are in some minimum model
    /// ([`MinimizationProblem::implicants_in_minimum_models`](crate::minimize::MinimizationProblem::implicants_in_minimum_models))
    /// reached the node limit
    /// ([`EngineOptions::max_search_nodes`](crate::minimize::EngineOptions::max_search_nodes))
    /// in the listing of the minimum models and in the tests of the implicants: whether
    /// some of them are in a minimum model is not settled.
    #[error(
        "deciding which prime implicants are in some minimum model gave up after {nodes} search nodes; raise the node limit (max_search_nodes; `--max-nodes` in the command)"
    )]
    MembershipNotDecided {
        /// The node limit.
        nodes: u64,
    },
    /// A prime implicant chart was given an implicant that does not have one entry per
    /// condition of its columns ([`PiChart::new`](crate::minimize::PiChart::new)).
    #[error("implicant {index} has {len} conditions, expected {expected}")]
    ImplicantLength {
        /// Its position in the list (0-based).
        index: usize,
        /// The number of conditions of the columns.
        expected: usize,
        /// The number of conditions it has.
        len: usize,
    },
    /// A row index that is not a row of the prime implicant chart.
    #[error("row {row} is not a row of the chart (it has {n_rows})")]
    RowOutOfRange {
        /// The index given.
        row: usize,
        /// The number of rows of the chart.
        n_rows: usize,
    },
    /// A deserialized [`Implicant`](crate::minimize::Implicant) whose mask and values
    /// disagree: a literal beyond its values, a level where it has no literal, or more than 64
    /// conditions.
    #[error("inconsistent implicant: mask {mask:#x} with values {values:?}")]
    InvalidImplicant {
        /// The mask of conditions with a literal.
        mask: u64,
        /// The values.
        values: Vec<u8>,
    },
    /// A deserialized [`PiChart`](crate::minimize::PiChart) or
    /// [`Minimized`](crate::minimize::Minimized) whose parts disagree (sizes, indices).
    #[error("inconsistent {what}: {reason}")]
    Inconsistent {
        /// What was deserialized: `prime implicant chart` or `minimization`.
        what: &'static str,
        /// The disagreement, with the values.
        reason: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_autotraits<T: Send + Sync + Sized + Unpin + 'static>() {}

    #[test]
    fn autotraits() {
        has_autotraits::<MinimizeError>();
        has_autotraits::<ConfigurationSet>();
    }

    #[test]
    fn messages_are_lowercase_without_period() {
        let errors = [
            MinimizeError::NoPositiveRows,
            MinimizeError::NoConditions,
            MinimizeError::TooManyConditions { n: 65, max: 64 },
            MinimizeError::InvalidLevels {
                condition: 0,
                levels: 1,
            },
            MinimizeError::UnequalLengths {
                set: ConfigurationSet::Forbidden,
                index: 3,
                expected: 4,
                len: 2,
            },
            MinimizeError::LevelOutOfRange {
                set: ConfigurationSet::Remainder,
                index: 0,
                condition: 1,
                value: 3,
                levels: 2,
            },
            MinimizeError::Conflict {
                configuration: vec![0, 1],
                first: ConfigurationSet::Positive,
                second: ConfigurationSet::Forbidden,
            },
            MinimizeError::SpaceTooLarge {
                levels: vec![3; 40],
            },
            MinimizeError::LevelsDiffer {
                left: vec![2, 2],
                right: vec![2, 3],
            },
            MinimizeError::TooLarge {
                configurations: 1 << 20,
                max: 1 << 16,
            },
            MinimizeError::InvalidLimit {
                option: "max_models",
                value: 0,
            },
            MinimizeError::TooManyPrimeImplicants { max: 10 },
            MinimizeError::TooManyUsefulPrimeImplicants { max: 10 },
            MinimizeError::SearchLimit { nodes: 10 },
            MinimizeError::MinimumNotProven {
                nodes: 10,
                best: 5,
                lower_bound: 3,
            },
            MinimizeError::MembershipNotDecided { nodes: 10 },
            MinimizeError::ImplicantLength {
                index: 1,
                expected: 3,
                len: 2,
            },
            MinimizeError::RowOutOfRange { row: 99, n_rows: 2 },
            MinimizeError::InvalidImplicant {
                mask: 1 << 40,
                values: vec![1],
            },
            MinimizeError::Inconsistent {
                what: "prime implicant chart",
                reason: "1 words of bits for 2 rows of 1 words".into(),
            },
        ];
        for e in errors {
            let s = e.to_string();
            assert!(!s.ends_with('.'), "{s}");
            assert!(s.chars().next().is_some_and(|c| !c.is_uppercase()), "{s}");
        }
    }
}
