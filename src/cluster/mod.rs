//! Panel cluster diagnostics: does a set relation found on pooled data hold within each unit
//! and in each period (or any other cluster)?
//!
//! Pooled panel data (countries × years, firms × regions) hide variation: a solution consistent
//! over all cases together may fail in some years or for some countries. Garcia-Castro &
//! Ariño (2016) compare the **pooled** consistency with the **between** consistencies (one per
//! cluster, e.g. per year, over its units) and the **within** consistencies (one per unit,
//! over its clusters), and summarise each comparison in a distance. SetMethods' `cluster()`
//! (Oana & Schneider) computes them; fsqca computes the same measures, with the differences
//! listed [below](#differences-from-setmethods).
//!
//! ## Definitions
//!
//! For an expression X (a condition, a term, a solution) and an outcome Y, over a group of
//! cases G (all cases, the cases of cluster j, or those of unit i):
//!
//! | measure | sufficiency (X → Y) | necessity (X ← Y) |
//! |---|---|---|
//! | consistency | Σ_G min(X, Y) / Σ_G X | Σ_G min(X, Y) / Σ_G Y |
//! | coverage | Σ_G min(X, Y) / Σ_G Y | Σ_G min(X, Y) / Σ_G X |
//!
//! - pooled (SetMethods' POCOS): G = all cases; between (BECOS_j): the cases of cluster j;
//!   within (WICONS_i): the cases of unit i;
//! - the distance of the between consistencies from the pooled one,
//!   dBP = √ Σ_j (BECOS_j / Σ_k BECOS_k − 1/J)², over the J clusters; dWP likewise over the
//!   units. A distance is 0 when every group is equally consistent and grows as consistency
//!   concentrates in some groups. For necessity the consistencies are those of necessity.
//!
//! A [`Panel`] reads the unit and the cluster of every case from two columns (text or numbers);
//! [`Panel::fit`] gives the [`ClusterFit`] of one expression, [`Panel::solution`] those of each
//! term of a solution and of the solution as a whole ([`SolutionClusterFit`]),
//! [`Panel::fit_sets`] those of two membership sets.
//!
//! ## Decisions
//!
//! - **Exact ratios, undefined when empty.** A group with no membership in the denominator's
//!   set (Σ X = 0 for sufficiency consistency: the unit never shows the condition) has an
//!   undefined consistency, `None` as everywhere in fsqca, not a number; each [`Measures`]
//!   carries its sums, so the reason is visible. The distances are taken over the groups whose
//!   consistency is defined (a group without evidence neither supports nor contradicts the
//!   relation); a distance is `None` only when no group has a positive consistency. One
//!   group (one cluster, or one unit) is not an error: its consistency is the pooled one and
//!   its distance 0.
//! - **SetMethods' convention on request.** [`Panel::convention`] with
//!   [`RatioConvention::SetMethods`] computes every ratio as SetMethods does,
//!   (num + ε) / (den + ε) with ε = 10⁻¹⁰, and the distances over all groups, so that every
//!   number equals SetMethods' `cluster()` (fsqca's reference tests check all of them to
//!   10⁻⁹ in this mode). Use it to replicate or compare with published SetMethods results;
//!   keep the default otherwise, as it does not count a group without evidence as consistent.
//! - **Each (unit, cluster) pair is one case.** A second case for the same pair is an error
//!   ([`ClusterError::DuplicateCell`]): it is almost always a data-entry slip, and adding the
//!   two cases up, as R's `xtabs` does, makes memberships above 1. An absent pair (an
//!   unbalanced panel) is no error: it adds nothing to any sum, which is what SetMethods'
//!   zero cell does.
//! - **Missing ids are an error** ([`ClusterError::MissingId`], naming the cases).
//! - **Groups are listed in the order they first appear** in the data (years in data order),
//!   not sorted as text (where `"10"` comes before `"2"`).
//!
//! ## Differences from SetMethods
//!
//! Checked against SetMethods 4.0 on its PAYF, SAMF, SCHLF and THOF data (fsqca's
//! `tests/cluster_reference.rs`):
//!
//! - SetMethods adds ε = 10⁻¹⁰ to every numerator and denominator. fsqca does not by
//!   default: the ε makes an empty group perfectly consistent (0/0 becomes 1) and moves every
//!   ratio with a small denominator (a unit with Σ X = 0.03 and no intersection gets
//!   3.3·10⁻⁹ rather than 0). Where every group is defined the two agree to 10⁻⁸ (to 10⁻⁹
//!   unless a denominator is below 0.1); where some group is empty, the distances differ: on
//!   PAYF, with `HW` necessary for `HL`, 21 of 131 countries have no membership in `HL`;
//!   SetMethods counts them as fully consistent (dWP 0.0216), fsqca leaves them out (dWP
//!   0.0257). [`RatioConvention::SetMethods`] gives SetMethods' numbers.
//! - For a `minimize()` result SetMethods ignores `necessity = TRUE` and gives the terms'
//!   sufficiency only, with no value for the solution as a whole (its bug SM5 in fsqca's
//!   reference data). [`Panel::solution`] gives the relation asked for, for each term and for
//!   the solution.
//! - SetMethods' `xtabs` adds duplicate (unit, cluster) cases up; fsqca refuses them.
//!
//! ## Example: Schneider & Makszin's exporting countries (SetMethods' SCHLF)
//!
//! Nineteen OECD countries in 1990, 1995, 1999 and 2003: is the intermediate solution for
//! export performance consistent within each country and in each year?
//!
//! ```
//! use fsqca::cluster::Panel;
//! use fsqca::{Dataset, Expression, Relation};
//!
//! let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/setmethods/SCHLF.csv");
//! let data = Dataset::from_path(path)?;
//! let panel = Panel::from_columns(&data, "COUNTRY", "YEAR")?;
//! assert_eq!(panel.clusters(), ["1990", "1995", "1999", "2003"]);
//! assert_eq!(panel.units().len(), 19);
//! let solution: Expression = "~EMP*~BARGAIN*OCCUP + BARGAIN*UNI*STOCK + ~EMP*UNI*OCCUP*~MA \
//!     + ~EMP*~OCCUP*STOCK*~MA + ~BARGAIN*~OCCUP*STOCK*~MA"
//!     .parse()?;
//! let fits = panel.solution(solution.disjuncts(), &data, "EXPORT", Relation::Sufficiency)?;
//! let whole = &fits.solution.fit;
//! // SetMethods: POCOS 0.803407247161159, dBP 0.0171598098091748, dWP 0.0620331960967547.
//! assert!((whole.pooled.consistency.unwrap() - 0.803407247161159).abs() < 1e-9);
//! assert!((whole.between_distance.unwrap() - 0.0171598098091748).abs() < 1e-9);
//! assert!((whole.within_distance.unwrap() - 0.0620331960967547).abs() < 1e-9);
//! // Consistent in every year, but not within Australia.
//! assert!(whole.between.iter().all(|year| year.measures.consistency.unwrap() > 0.75));
//! let australia = &whole.within[0];
//! assert_eq!(australia.id, "Australia");
//! assert!(australia.measures.consistency.unwrap() < 0.4);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## References
//! - Garcia-Castro, R. & Ariño, M. A. (2016). A general approach to panel data set-theoretic
//!   research. *Journal of Advances in Management Sciences & Information Systems* 2.
//! - Oana, I.-E., Schneider, C. Q. & Thomann, E. (2021). *Qualitative Comparative Analysis
//!   Using R: A Beginner's Guide*. Cambridge University Press (SetMethods' `cluster()`).

mod convention;
mod error;
mod measures;
mod panel;

pub use convention::RatioConvention;
pub use error::ClusterError;
pub use measures::{ClusterFit, ExpressionClusterFit, GroupFit, Measures, SolutionClusterFit};
pub use panel::Panel;

#[cfg(test)]
mod tests;
