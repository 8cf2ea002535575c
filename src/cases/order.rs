//! The orderings SetMethods' tables use: R's stable `order` and its collation of names.

use std::cmp::Ordering;

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

/// Ascending order of two memberships or scores (never NaN).
pub(crate) fn ascending(a: f64, b: f64) -> Ordering {
    a.total_cmp(&b)
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

/// Scores in ascending order, compared as SetMethods compares them after rounding them: equal
/// within 1e-9 (the rounding error of their sums) is a tie.
pub(crate) fn scores(a: f64, b: f64) -> Ordering {
    if (a - b).abs() < 1e-9 {
        Ordering::Equal
    } else {
        ascending(a, b)
    }
}

/// `true` before `false`, as R's `order(1 - flag)`.
pub(crate) fn true_first(a: bool, b: bool) -> Ordering {
    b.cmp(&a)
}

/// Truth-table rows in ascending order (first condition most significant), a case in no row
/// (at 0.5 in some condition) last.
pub(crate) fn rows(a: &Option<Vec<u8>>, b: &Option<Vec<u8>>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
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
        assert_eq!(true_first(true, false), Ordering::Less);
        assert_eq!(ascending(0.1, 0.2), Ordering::Less);
    }
}
