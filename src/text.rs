//! Padding of text columns by hand.
//!
//! Since Rust 1.87 a runtime format width above `u16::MAX` (`{x:>w$}` with `w > 65_535`) panics
//! with "Formatting argument out of range". A column as wide as its longest cell reaches that
//! width with one long condition name, so every text table pads with these functions instead.
//! Widths count `char`s, as the standard formatter does.
//!
//! The command-line tool includes this file as its own module (`#[path]`), so both crates share
//! one implementation.

use std::fmt;

/// Writes `s` right-aligned in `width` characters: spaces, then `s` (no truncation).
pub(crate) fn pad_left<W: fmt::Write + ?Sized>(out: &mut W, s: &str, width: usize) -> fmt::Result {
    push_spaces(out, width.saturating_sub(s.chars().count()))?;
    out.write_str(s)
}

/// Writes `s` left-aligned in `width` characters: `s`, then spaces (no truncation).
pub(crate) fn pad_right<W: fmt::Write + ?Sized>(out: &mut W, s: &str, width: usize) -> fmt::Result {
    out.write_str(s)?;
    push_spaces(out, width.saturating_sub(s.chars().count()))
}

fn push_spaces<W: fmt::Write + ?Sized>(out: &mut W, n: usize) -> fmt::Result {
    const SPACES: &str = "                                ";
    let mut left = n;
    while left > 0 {
        let k = left.min(SPACES.len());
        out.write_str(&SPACES[..k])?;
        left -= k;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_like_the_formatter() {
        let mut s = String::new();
        pad_left(&mut s, "ab", 5).unwrap();
        assert_eq!(s, format!("{:>5}", "ab"));
        s.clear();
        pad_right(&mut s, "ab", 5).unwrap();
        assert_eq!(s, format!("{:<5}", "ab"));
        s.clear();
        pad_left(&mut s, "é", 3).unwrap();
        assert_eq!(s, format!("{:>3}", "é"));
        s.clear();
        pad_right(&mut s, "abcdef", 2).unwrap();
        assert_eq!(s, "abcdef");
    }

    #[test]
    fn widths_beyond_u16_do_not_panic() {
        let mut s = String::new();
        pad_left(&mut s, "x", 70_000).unwrap();
        assert_eq!(s.len(), 70_000);
        assert!(s.ends_with('x'));
        s.clear();
        pad_right(&mut s, "x", 70_000).unwrap();
        assert!(s.starts_with('x'));
        assert_eq!(s.len(), 70_000);
    }
}
