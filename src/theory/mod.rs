//! Theory evaluation: how a solution relates to the theory the researcher started from.
//!
//! Given a theory T (an expression) and a solution S (a model of a [`Solution`](crate::Solution)
//! or any expression), [`TheoryEvaluation`] gives the four intersections `T*S`, `~T*S`, `T*~S`
//! and `~T*~S` (Ragin 1987, ch. 7; Schneider & Wagemann 2012, ch. 11.3): each written as a sum
//! of products (symbolic negation and intersection, [`SumOfProducts`](crate::expression::SumOfProducts)),
//! its membership, its fit as a sufficient condition of the outcome, and its cases with the
//! outcome above and below 0.5 (covered most and least likely, uncovered, consistent and
//! inconsistent cases). Definitions as the R package SetMethods' `theory.evaluation` (Oana &
//! Schneider), without its bug on the "Inconsistent Most Likely" cases.
//!
//! # References
//! - Ragin, C. C. (1987). *The Comparative Method*. University of California Press.
//! - Schneider, C. Q. & Wagemann, C. (2012). *Set-Theoretic Methods for the Social Sciences*,
//!   ch. 11. Cambridge University Press.
//! - Oana, I.-E., Schneider, C. Q. & Thomann, E. (2021). *Qualitative Comparative Analysis
//!   Using R: A Beginner's Guide*. Cambridge University Press.
//! - Kalman, J. A. (1958). Lattices with involution. *Transactions of the American
//!   Mathematical Society* 87. (The laws of fuzzy sets: Kleene algebras.)

mod error;
mod evaluation;
mod model_choice;

pub use error::TheoryError;
pub use evaluation::{CaseGroup, Intersection, IntersectionKind, SetFit, TheoryEvaluation};
pub use model_choice::ModelChoice;
