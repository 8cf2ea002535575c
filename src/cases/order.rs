//! The orderings SetMethods' tables use: R's stable `order` and its collation of names, and
//! each case (or pair) type's ranking stated once, as a sort key ([`Ranked`]).

use std::cmp::{Ordering, Reverse};

/// Compares two names as R's `order` ranked them in the reference outputs (ICU's root
/// collation): punctuation (`~`, `*`, spaces) before digits, digits before letters, letters
/// case-insensitive, then lower case before upper case, then by code point.
pub(crate) fn collate(a: &str, b: &str) -> Ordering {
    fn key(c: char) -> (u8, char) {
        if c.is_alphabetic() {
            (2, c.to_lowercase().next().unwrap_or(c))
        } else if c.is_numeric() {
            (1, c)
        } else {
            (0, c)
        }
    }
    a.chars()
        .map(key)
        .cmp(b.chars().map(key))
        .then_with(|| {
            a.chars()
                .map(|c| c.is_uppercase())
                .cmp(b.chars().map(|c| c.is_uppercase()))
        })
        .then_with(|| a.cmp(b))
}

/// Marks (with `set`) the items whose `best` is the smallest of all (exactly, as SetMethods
/// compares them).
pub(crate) fn mark_min<T>(items: &mut [T], best: impl Fn(&T) -> f64, mut set: impl FnMut(&mut T)) {
    let min = items.iter().map(&best).fold(f64::INFINITY, f64::min);
    for item in items.iter_mut() {
        if best(item) == min {
            set(item);
        }
    }
}

/// Marks (with `set`) the items whose `best` is the smallest of their truth-table row.
pub(crate) fn mark_min_per_row<T>(
    items: &mut [T],
    row: impl Fn(&T) -> &Option<Vec<u8>>,
    best: impl Fn(&T) -> f64,
    mut set: impl FnMut(&mut T),
) {
    let rows: Vec<Option<Vec<u8>>> = items.iter().map(|i| row(i).clone()).collect();
    for (k, r) in rows.iter().enumerate() {
        let min = items
            .iter()
            .filter(|i| row(i) == r)
            .map(&best)
            .fold(f64::INFINITY, f64::min);
        if best(&items[k]) == min {
            set(&mut items[k]);
        }
    }
}

/// A type whose items SetMethods ranks: its key states the whole ranking once, compared part
/// by part (a tuple), smallest first. Items with equal keys keep the order they come in, as
/// with R's stable `order`.
pub(crate) trait Ranked {
    /// The key: a total order (flags as [`first`], memberships as [`Exact`], pair scores as
    /// [`Score`], rows as [`row`]).
    type Key: Ord;

    /// The item's key.
    fn rank_key(&self) -> Self::Key;
}

/// Sorts `items` by their [`Ranked::rank_key`], stably (each key computed once).
pub(crate) fn rank<T: Ranked>(items: &mut [T]) {
    items.sort_by_cached_key(T::rank_key);
}

/// The first `max` of `items` once ranked.
pub(crate) fn top<T: Ranked>(mut items: Vec<T>, max: usize) -> Vec<T> {
    rank(&mut items);
    items.truncate(max);
    items
}

/// A key part that puts `true` before `false`, as R's `order(1 - flag)`.
pub(crate) type First = Reverse<bool>;

/// The key part of `flag`: `true` first.
pub(crate) fn first(flag: bool) -> First {
    Reverse(flag)
}

/// A key part for a truth-table row: rows in ascending order (first condition most
/// significant), a case in no row (at 0.5 in some condition) last.
pub(crate) fn row(row: &Option<Vec<u8>>) -> (bool, Option<Vec<u8>>) {
    (row.is_none(), row.clone())
}

/// A membership or a single case's score in ascending order, compared exactly
/// ([`f64::total_cmp`]: a total order).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Exact(pub(crate) f64);

impl Ord for Exact {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl PartialOrd for Exact {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Exact {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Exact {}

/// A pair's score in ascending order, compared as SetMethods compares the pair scores it
/// rounds before ranking them: rounded to the nearest multiple of 1e-9 (the grid absorbs the
/// rounding error of the score's sums, ~1e-15), so that two scores that differ only by that
/// error are a tie. Unlike "equal within 1e-9", which is not transitive (a ~ b and b ~ c
/// without a ~ c), the grid is a total order, as sorting needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Score(i64);

impl Score {
    /// The grid step.
    const STEP: f64 = 1e-9;

    /// The score `best` on the grid (scores are finite: sums of memberships).
    pub(crate) fn of(best: f64) -> Self {
        // `as` saturates: a score beyond ±9.2e9 (none is: memberships are in [0, 1]) would
        // tie with the largest.
        Self((best / Self::STEP).round() as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negations_sort_before_letters_and_case_is_secondary() {
        assert_eq!(collate("~EMP*OCCUP", "BARGAIN*UNI"), Ordering::Less);
        assert_eq!(collate("~CONFORM*~CAPAB", "IDENTMASS"), Ordering::Less);
        assert_eq!(collate("E47", "E5"), Ordering::Less);
        assert_eq!(collate("a", "B"), Ordering::Less);
        assert_eq!(collate("b", "B"), Ordering::Less);
        assert_eq!(collate("abc", "abc"), Ordering::Equal);
    }

    #[test]
    fn flags_come_true_first_and_rows_none_last() {
        assert!(first(true) < first(false));
        let (a, b, none) = (Some(vec![0, 1]), Some(vec![1, 0]), None);
        assert!(row(&a) < row(&b));
        assert!(row(&b) < row(&none));
        assert!(Exact(0.1) < Exact(0.2));
        assert_eq!(Exact(0.3), Exact(0.3));
    }

    #[test]
    fn scores_differing_by_rounding_error_tie() {
        assert_eq!(Score::of(0.1 + 0.2), Score::of(0.3));
        assert!(Score::of(0.3) < Score::of(0.31));
        assert!(Score::of(1.0 - 1e-8) < Score::of(1.0));
    }

    /// Three scores in a chain, each within 1e-9 of the next but the ends 1.4e-9 apart: "equal
    /// within 1e-9" is not transitive (a ~ b, b ~ c, a < c), which made the old comparator no
    /// total order; the grid ranks them consistently, and a stable sort keeps their order.
    #[test]
    fn a_chain_of_near_scores_sorts_consistently() {
        let (a, b, c): (f64, f64, f64) = (1.0, 1.0 + 0.7e-9, 1.0 + 1.4e-9);
        assert!((b - a).abs() < 1e-9 && (c - b).abs() < 1e-9 && (c - a).abs() >= 1e-9);
        let keys = [Score::of(a), Score::of(b), Score::of(c)];
        struct Scored(&'static str, f64);
        impl Ranked for Scored {
            type Key = Score;
            fn rank_key(&self) -> Score {
                Score::of(self.1)
            }
        }
        let mut items = vec![
            Scored("c", c),
            Scored("a", a),
            Scored("b", b),
            Scored("c2", c),
        ];
        rank(&mut items);
        let names: Vec<&str> = items.iter().map(|s| s.0).collect();
        // a is on the grid, b and c round to its next step: a first, then c, b and c2 in
        // the order they came
        assert_eq!(keys[1], keys[2]);
        assert_eq!(names, ["a", "c", "b", "c2"]);
        let kept: Vec<&str> = top(items, 2).iter().map(|s| s.0).collect();
        assert_eq!(kept, ["a", "c"]);
    }
}
