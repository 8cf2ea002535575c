//! Boolean expressions over sets, written as QCA users write them.
//!
//! The notation is the one of R's QCA package (Dușa 2019) and of most of the QCA literature:
//!
//! | written | meaning | membership |
//! |---|---|---|
//! | `A` | the condition A | `A` |
//! | `~A` | the negation of A | `1 - A` |
//! | `A*B` | A and B (intersection) | `min(A, B)` |
//! | `A + B` | A or B (union) | `max(A, B)` |
//! | `~(A*B)` | negation of a compound | `1 - min(A, B)` |
//! | `A[2]`, `A[1,2]` | a multi-value condition at level 2 (or 1 or 2) | 1 if A is at one of the levels, else 0 |
//! | `A*~B -> Y` | `A*~B` is sufficient for Y | (a [`Statement`]) |
//! | `A + B <- Y` | `A + B` is necessary for Y | (a [`Statement`]) |
//!
//! `*` binds tighter than `+`; spaces are allowed anywhere; names are made of letters, digits,
//! `_` and `.`, and start with a letter or `_` (`GDPpc`, `Enterprise_capacity`).
//!
//! [`Expression`] and [`Statement`] implement [`FromStr`](std::str::FromStr) and
//! [`Display`](std::fmt::Display); printing then parsing gives back the same value. Expressions
//! built with the constructors here are kept in a canonical form (nested conjunctions and
//! disjunctions are flattened, a negated literal is a [`Literal`] with `negated = true`, double
//! negations cancel), so that this round trip is the identity.

/// Gives a type that prints as its text and parses it back ([`Display`](std::fmt::Display) and
/// [`FromStr`](std::str::FromStr) with [`ExpressionError`]) the conversions of that text:
/// `TryFrom<String>` (documented by the doc comments given before the type's name), `From<T> for
/// String` and, with the `serde` feature, serialisation as the text, parsed back (and so checked)
/// on deserialisation.
macro_rules! text_form {
    ($(#[$try_from_doc:meta])* $type:ident) => {
        impl TryFrom<String> for $type {
            type Error = ExpressionError;

            $(#[$try_from_doc])*
            fn try_from(text: String) -> Result<Self, Self::Error> {
                text.parse()
            }
        }

        impl From<$type> for String {
            /// The text, as [`Display`](std::fmt::Display) prints it.
            fn from(value: $type) -> Self {
                value.to_string()
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $type {
            /// Serialises the text, as [`Display`](std::fmt::Display) prints it.
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $type {
            /// Parses a string, failing with the parse error's message.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <String as serde::Deserialize>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

mod error;
mod literal;
mod name;
mod outcome;
mod parse;
mod set_ops;
mod statement;
mod sum_of_products;
mod tree;

pub use error::ExpressionError;
pub use literal::Literal;
pub use name::check_name;
pub use outcome::Outcome;
pub use statement::{Relation, Statement};
pub use sum_of_products::{SumOfProducts, MAX_BOOLEAN_CONDITIONS, MAX_PRODUCTS};
pub use tree::{Expression, ExpressionKind, MAX_NESTING};

#[cfg(test)]
mod tests;
