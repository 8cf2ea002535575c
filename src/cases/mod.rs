//! Case selection for set-theoretic multi-method research (SMMR): which cases to study in
//! depth after a QCA, after Schneider & Rohlfing (2013, 2016) and Schneider (2024), as the R
//! package SetMethods 4.0 (Oana & Schneider) selects and ranks them with `smmr()`.
//!
//! Build a [`CaseMemberships`] from the data and a solution's model ([`CaseMemberships::from_model`])
//! or from terms you give ([`CaseMemberships::new`]); its methods select:
//!
//! | method | SetMethods | cases |
//! |---|---|---|
//! | [`typical`](CaseMemberships::typical) | `smmr(match = FALSE, cases = 1)` | X > .5, Y > .5, X ≤ Y, per term |
//! | [`typical_focal_conjuncts`](CaseMemberships::typical_focal_conjuncts) | `cases = 2` | the typical cases of one term, per focal conjunct |
//! | [`deviant_consistency`](CaseMemberships::deviant_consistency) | `cases = 3` | X > .5, Y < .5, per term |
//! | [`deviant_coverage`](CaseMemberships::deviant_coverage) | `cases = 4` | S < .5, Y > .5, by truth-table row |
//! | [`individually_irrelevant`](CaseMemberships::individually_irrelevant) | `cases = 5` | S < .5, Y < .5, by truth-table row |
//! | [`necessity_typical`](CaseMemberships::necessity_typical) | `necessity = TRUE, cases = 1` | N > .5, Y > .5, N ≥ Y |
//! | [`necessity_deviant_consistency`](CaseMemberships::necessity_deviant_consistency) | `necessity = TRUE, cases = 2` | N < .5, Y > .5, w > .5 |
//! | [`necessity_deviant_relevance`](CaseMemberships::necessity_deviant_relevance) | `necessity = TRUE, cases = 3` | N > .5, Y < .5 |
//! | [`typical_pairs`](CaseMemberships::typical_pairs) | `match = TRUE, cases = 1` | two typical cases, per focal conjunct |
//! | [`typical_irrelevant_pairs`](CaseMemberships::typical_irrelevant_pairs) | `match = TRUE, cases = 2` | typical and irrelevant, per focal conjunct |
//! | [`typical_deviant_pairs`](CaseMemberships::typical_deviant_pairs) | `match = TRUE, cases = 3` | typical and deviant consistency, per term |
//! | [`coverage_irrelevant_pairs`](CaseMemberships::coverage_irrelevant_pairs) | `match = TRUE, cases = 4` | deviant coverage and irrelevant, same row |
//! | [`typical_pairs_per_term`](CaseMemberships::typical_pairs_per_term) | `match = TRUE, cases = 5` | two typical cases, per term |
//! | [`typical_irrelevant_pairs_per_term`](CaseMemberships::typical_irrelevant_pairs_per_term) | `match = TRUE, cases = 6` | typical and irrelevant, per term |
//! | [`necessity_typical_relevance_pairs`](CaseMemberships::necessity_typical_relevance_pairs) | `necessity = TRUE, match = TRUE, cases = 1` | typical and deviant relevance |
//! | [`necessity_deviant_pairs`](CaseMemberships::necessity_deviant_pairs) | `necessity = TRUE, match = TRUE, cases = 2` | deviant consistency and typical, same row without N |
//! | [`necessity_irrelevant_pairs`](CaseMemberships::necessity_irrelevant_pairs) | `necessity = TRUE, match = TRUE, cases = 3` | typical and irrelevant |
//! | [`necessity_typical_pairs`](CaseMemberships::necessity_typical_pairs) | `necessity = TRUE, match = TRUE, cases = 4` | two typical cases |
//!
//! Every case carries the score SetMethods ranks by (`best`, smaller first) and its flags, and
//! each list comes in SetMethods' order (R's `order` is stable: ties keep the data's order, or
//! the labels' order where SetMethods merges with the truth table first). Where SetMethods
//! rounds pair scores before ranking them, they are compared here rounded to 9 decimals (which
//! absorbs the rounding error of their sums: scores that differ by it are ties); where it ranks
//! them unrounded (deviant coverage-irrelevant pairs), exactly, and exact ties keep the data's
//! order, since SetMethods' order of them depends on the case labels. Terms and
//! labels are ordered as R collated them for the reference outputs: punctuation (`~`) before
//! digits, digits before letters, letters regardless of case.
//!
//! For pairs of a typical and a deviant consistency case of a necessary condition
//! ([`necessity_deviant_pairs`](CaseMemberships::necessity_deviant_pairs)), SetMethods flags a
//! typical case's unique coverage by its membership in the disjunct being above its membership
//! in every other disjunct (not by the other disjuncts being below 0.5, as for its other
//! necessity types); fsqca flags and ranks these pairs the same way.
//!
//! ## Where fsqca differs from SetMethods 4.0
//! - An empty case type is an empty [`CaseList`] with its [`explanation`](CaseList::explanation);
//!   SetMethods stops with an R error for some of them (its bug SM9).
//! - `smmr(necessity = TRUE, match = FALSE, cases = 4)` (all necessity types) fails in
//!   SetMethods because of a misspelt argument (SM7); here each type is its own method, and
//!   they all work.
//! - A term of a single negated literal (`~A`) is a valid term here (SetMethods fails, SM8).
//! - Tied pairs of deviant coverage and irrelevant cases come in the order of an unstable sort
//!   inside R's `merge` in SetMethods; here by the deviant case's label, then the data's order.
//! - SetMethods' `cases = 2` table reports `MostTypTerm` as FALSE for every case; here
//!   [`FocalConjunctCase::most_typical_term`] says whether the case is among the term's most
//!   typical cases, as SetMethods' own pair tables do.
//!
//! # Example
//! ```
//! use fsqca::cases::CaseMemberships;
//! use fsqca::{Dataset, SolutionOptions, SolutionType, TruthTableOptions};
//!
//! let data = Dataset::from_path("tests/fixtures/setmethods/LIPF.csv")?;
//! let conditions = ["DEVELOPED", "URBAN", "LITERATE", "INDUSTRIAL", "STABLE"];
//! let tt = TruthTableOptions::new().incl_cutoff(0.8).build(&data, "SURVIVED", &conditions)?;
//! let solution = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
//! let cases = CaseMemberships::from_model(&data, &solution, 1)?;
//! let typical = cases.typical();
//! assert_eq!(typical[0].subject.as_ref().map(|t| t.to_string()).as_deref(), Some("DEVELOPED*~INDUSTRIAL"));
//! let names: Vec<&str> = typical[0].cases.iter().map(|c| c.case.as_str()).collect();
//! assert_eq!(names, ["Ireland", "Finland"]);
//! let coverage = cases.deviant_coverage();
//! assert_eq!(coverage.cases[0].case, "France");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;
mod list;
mod memberships;
mod necessity;
mod options;
mod order;
mod pairs;
mod single;
mod sufficiency;

pub use error::CaseSelectionError;
pub use list::{CaseList, CaseType};
pub use memberships::CaseMemberships;
pub use necessity::{
    NecessityDeviantCase, NecessityDeviantPair, NecessityIrrelevantPair, NecessityTypicalPair,
    TypicalRelevancePair,
};
pub use options::SelectionOptions;
pub use pairs::{CoverageIrrelevantPair, PairFlag, TermPair, TypicalIrrelevantPair, TypicalPair};
pub use single::{DeviantCase, TypicalCase};
pub use sufficiency::{FocalConjunctCase, RowCase};
