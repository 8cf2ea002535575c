//! Terms (cubes): a conjunction of literals, one level of some conditions.

use std::cmp::Ordering;
use std::fmt;

use super::bits::{pack, Planes};

/// How [`Implicant::format_with`] and
/// [`Minimized::model_expression`](crate::minimize::Minimized::model_expression) write a
/// literal: R QCA writes `A` / `~A` while every condition is binary (crisp or fuzzy sets:
/// levels 1 and 0), and `A[l]` for every condition as soon as one condition has more than two
/// levels (multi-value QCA).
///
/// # Example
/// ```
/// use fsqca::minimize::{Implicant, Notation};
/// let not_a = Implicant::from_levels(&[Some(0)]);
/// assert_eq!(not_a.format_with(&["A"], Notation::Binary), "~A");
/// assert_eq!(not_a.format_with(&["A"], Notation::MultiValue), "A[0]");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Notation {
    /// `A` for level 1, `~A` for level 0 (any other level is written as 1 would be): R QCA's
    /// notation when every condition is binary.
    Binary,
    /// `A[l]` for level `l`: R QCA's notation when some condition has more than two levels.
    MultiValue,
}

/// A term: for each condition either one required level (a literal) or "don't care".
///
/// For a binary condition `A`, level 1 is the literal `A` and level 0 is `~A`; for a
/// multi-value condition, level `l` is the literal `A[l]` (as in R QCA). A term *covers* a
/// configuration when the configuration has the term's level at every literal.
///
/// Terms sort by number of literals, then condition by condition on the level, a condition
/// without literal after every level (`~A < A < (no A)`): the order in which R QCA prints
/// prime implicants.
///
/// # Example
/// ```
/// use fsqca::minimize::{Implicant, Notation};
/// let t = Implicant::from_levels(&[Some(1), None, Some(0)]);
/// assert_eq!(t.len(), 2);
/// assert!(t.covers(&[1, 0, 0]) && t.covers(&[1, 1, 0]) && !t.covers(&[0, 1, 0]));
/// assert_eq!(t.to_string(), "1-0");
/// assert_eq!(t.format_with(&["A", "B", "C"], Notation::Binary), "A*~C");
/// assert_eq!(t.format_with(&["A", "B", "C"], Notation::MultiValue), "A[1]*C[0]");
/// // R QCA's order: fewer literals first, then ~A < A < (no A).
/// let (not_a, a) = (Implicant::from_levels(&[Some(0), None]), Implicant::from_levels(&[Some(1), None]));
/// assert!(not_a < a && a < Implicant::from_levels(&[Some(1), Some(1)]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ImplicantData")
)]
pub struct Implicant {
    /// Bit `j` set iff condition `j` has a literal.
    mask: u64,
    /// One value per condition: the literal's level, 0 where there is no literal.
    values: Vec<u8>,
}

/// The serialised fields of an [`Implicant`], checked by `TryFrom` on deserialization.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct ImplicantData {
    mask: u64,
    values: Vec<u8>,
}

#[cfg(feature = "serde")]
impl TryFrom<ImplicantData> for Implicant {
    type Error = super::MinimizeError;

    /// Accepts the fields when the mask has bits only below the number of values (at most 64)
    /// and every value without a literal is 0, as [`Implicant::from_levels`] builds them.
    fn try_from(data: ImplicantData) -> Result<Self, Self::Error> {
        let ImplicantData { mask, values } = data;
        let n = values.len();
        let beyond = n < 64 && mask >> n != 0;
        let stray = values
            .iter()
            .enumerate()
            .any(|(j, &v)| v != 0 && (j >= 64 || mask >> j & 1 == 0));
        if n > 64 || beyond || stray {
            return Err(super::MinimizeError::InvalidImplicant { mask, values });
        }
        Ok(Implicant { mask, values })
    }
}

impl Implicant {
    /// Builds a term from one entry per condition: `Some(level)` for a literal, `None` for
    /// "don't care". At most 64 conditions are used (entries beyond are ignored).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::Implicant;
    /// let t = Implicant::from_levels(&[Some(1), None]);
    /// assert_eq!(t.to_string(), "1-");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_levels(levels: &[Option<u8>]) -> Self {
        let mut mask = 0u64;
        let values = levels
            .iter()
            .take(64)
            .enumerate()
            .map(|(j, l)| match l {
                Some(v) => {
                    mask |= 1 << j;
                    *v
                }
                None => 0,
            })
            .collect();
        Implicant { mask, values }
    }

    /// The term with literals at the positions of `mask`, taking their levels from
    /// `config`.
    pub(crate) fn from_mask(mask: u64, config: &[u8]) -> Self {
        let values = config
            .iter()
            .enumerate()
            .map(|(j, &v)| if mask >> j & 1 == 1 { v } else { 0 })
            .collect();
        Implicant { mask, values }
    }

    pub(crate) fn mask(&self) -> u64 {
        self.mask
    }

    pub(crate) fn planes<const B: usize>(&self) -> Planes<B> {
        pack::<B>(&self.values)
    }

    /// The number of conditions the term is defined over.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::Implicant;
    /// assert_eq!(Implicant::from_levels(&[Some(1), None, None]).n_conditions(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn n_conditions(&self) -> usize {
        self.values.len()
    }

    /// The number of literals.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::Implicant;
    /// assert_eq!(Implicant::from_levels(&[Some(1), None, Some(0)]).len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn len(&self) -> usize {
        self.mask.count_ones() as usize
    }

    /// Whether the term has no literal (the tautology, covering everything).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::Implicant;
    /// assert!(Implicant::from_levels(&[None, None]).is_empty());
    /// assert!(!Implicant::from_levels(&[Some(0), None]).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.mask == 0
    }

    /// The level required for `condition`, or `None` if the term does not constrain it (or
    /// the condition does not exist).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::Implicant;
    /// let t = Implicant::from_levels(&[Some(2), None]);
    /// assert_eq!(t.level(0), Some(2));
    /// assert_eq!(t.level(1), None);
    /// assert_eq!(t.level(5), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn level(&self, condition: usize) -> Option<u8> {
        (condition < self.values.len() && self.mask >> condition & 1 == 1)
            .then(|| self.values[condition])
    }

    /// The literals as `(condition, level)` pairs, in condition order.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::Implicant;
    /// let t = Implicant::from_levels(&[Some(1), None, Some(0)]);
    /// assert_eq!(t.literals().collect::<Vec<_>>(), [(0, 1), (2, 0)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn literals(&self) -> impl Iterator<Item = (usize, u8)> + '_ {
        self.values
            .iter()
            .enumerate()
            .filter(move |(j, _)| self.mask >> j & 1 == 1)
            .map(|(j, &v)| (j, v))
    }

    /// One entry per condition: `Some(level)` or `None` for "don't care".
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::Implicant;
    /// let levels = [Some(1), None, Some(0)];
    /// assert_eq!(Implicant::from_levels(&levels).to_levels(), levels);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_levels(&self) -> Vec<Option<u8>> {
        (0..self.values.len()).map(|j| self.level(j)).collect()
    }

    /// Whether the term covers `config` (one level per condition).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::Implicant;
    /// let t = Implicant::from_levels(&[Some(1), None]);
    /// assert!(t.covers(&[1, 0]) && t.covers(&[1, 1]));
    /// assert!(!t.covers(&[0, 1]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn covers(&self, config: &[u8]) -> bool {
        self.literals()
            .all(|(j, v)| config.get(j).is_some_and(|&c| c == v))
    }

    /// Whether every configuration covered by `self` is covered by `other` (the literals of
    /// `other` are a subset of those of `self`).
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::Implicant;
    /// let ab = Implicant::from_levels(&[Some(1), Some(1)]);
    /// let a = Implicant::from_levels(&[Some(1), None]);
    /// assert!(ab.is_subsumed_by(&a));
    /// assert!(!a.is_subsumed_by(&ab));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_subsumed_by(&self, other: &Implicant) -> bool {
        other.mask & !self.mask == 0 && other.literals().all(|(j, v)| self.values[j] == v)
    }

    /// The term covering exactly the configurations covered by both terms, or `None` if they
    /// share none (some condition has a literal of different levels in each). The terms
    /// should be over the same conditions; the result is over the longer of the two.
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::Implicant;
    /// let a = Implicant::from_levels(&[Some(1), None, None]);
    /// let not_c = Implicant::from_levels(&[None, None, Some(0)]);
    /// assert_eq!(a.intersection(&not_c), Some(Implicant::from_levels(&[Some(1), None, Some(0)])));
    /// let not_a = Implicant::from_levels(&[Some(0), None, None]);
    /// assert_eq!(a.intersection(&not_a), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn intersection(&self, other: &Implicant) -> Option<Implicant> {
        if !self.meets(other) {
            return None;
        }
        let (mut out, add) = if self.values.len() >= other.values.len() {
            (self.clone(), other)
        } else {
            (other.clone(), self)
        };
        for (j, v) in add.literals() {
            out.values[j] = v;
        }
        out.mask |= add.mask;
        Some(out)
    }

    /// Whether the two terms share a configuration (no condition on which their literals
    /// differ): [`Implicant::intersection`] without building it.
    pub(crate) fn meets(&self, other: &Implicant) -> bool {
        let common = self.mask & other.mask;
        !other
            .literals()
            .any(|(j, v)| common >> j & 1 == 1 && self.values[j] != v)
    }

    /// The term without its literal on `condition` (unchanged if it has none).
    pub(crate) fn without(&self, condition: usize) -> Implicant {
        let mut out = self.clone();
        if condition < out.values.len() {
            out.mask &= !(1u64 << condition);
            out.values[condition] = 0;
        }
        out
    }

    /// The term with the literal `condition = level` added (replacing any literal there);
    /// `condition` must be below [`Implicant::n_conditions`] and 64.
    pub(crate) fn with_literal(&self, condition: usize, level: u8) -> Implicant {
        let mut out = self.clone();
        out.mask |= 1u64 << condition;
        out.values[condition] = level;
        out
    }

    /// Writes the term with condition names in `notation`: `A*~B` ([`Notation::Binary`]) or
    /// `A[1]*B[0]` ([`Notation::MultiValue`]). The empty term is written `1`. Missing names
    /// are written `X1`, `X2`, ...
    ///
    /// # Example
    /// ```
    /// use fsqca::minimize::{Implicant, Notation};
    /// let t = Implicant::from_levels(&[Some(1), Some(0)]);
    /// assert_eq!(t.format_with(&["A", "B"], Notation::Binary), "A*~B");
    /// assert_eq!(t.format_with(&["A", "B"], Notation::MultiValue), "A[1]*B[0]");
    /// assert_eq!(t.format_with(&["A"], Notation::Binary), "A*~X2");
    /// assert_eq!(Implicant::from_levels(&[None]).format_with(&["A"], Notation::Binary), "1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn format_with<S: AsRef<str>>(&self, names: &[S], notation: Notation) -> String {
        if self.is_empty() {
            return "1".to_string();
        }
        let mut out = String::new();
        for (i, (j, v)) in self.literals().enumerate() {
            if i > 0 {
                out.push('*');
            }
            let name = names
                .get(j)
                .map_or_else(|| format!("X{}", j + 1), |s| s.as_ref().to_string());
            match notation {
                Notation::MultiValue => out.push_str(&format!("{name}[{v}]")),
                Notation::Binary if v == 0 => {
                    out.push('~');
                    out.push_str(&name);
                }
                Notation::Binary => out.push_str(&name),
            }
        }
        out
    }
}

impl PartialOrd for Implicant {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The order documented on the type (R QCA's): by number of literals, then condition by
/// condition on the level, no literal last; on a tie, the term over fewer conditions first.
impl Ord for Implicant {
    fn cmp(&self, other: &Self) -> Ordering {
        self.len()
            .cmp(&other.len())
            .then_with(|| {
                let n = self.values.len().max(other.values.len());
                let level = |t: &Implicant, j| t.level(j).map_or(u16::MAX, u16::from);
                (0..n)
                    .map(|j| level(self, j).cmp(&level(other, j)))
                    .find(|o| o.is_ne())
                    .unwrap_or(Ordering::Equal)
            })
            .then_with(|| self.values.len().cmp(&other.values.len()))
    }
}

/// Positional notation: one character per condition, the level or `-` (levels above 9 are
/// written in brackets, `[12]`).
impl fmt::Display for Implicant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for j in 0..self.values.len() {
            match self.level(j) {
                None => f.write_str("-")?,
                Some(v) if v < 10 => write!(f, "{v}")?,
                Some(v) => write!(f, "[{v}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_matches_r() {
        // CVF parsimonious PIs in R QCA 3.25 order (DEMOC, ETHFRACT, GEOCON, POLDIS, NATPRIDE).
        let r = [
            [None, None, None, None, Some(0)],
            [Some(0), Some(1), None, Some(1), None],
            [Some(1), Some(1), Some(1), None, None],
            [Some(1), Some(1), None, Some(0), None],
            [Some(1), None, Some(1), Some(1), None],
            [None, Some(1), Some(1), Some(1), None],
        ];
        let terms: Vec<Implicant> = r.iter().map(|l| Implicant::from_levels(l)).collect();
        let mut sorted = terms.clone();
        sorted.reverse();
        sorted.sort();
        assert_eq!(sorted, terms);
    }

    #[test]
    fn subsumption_and_levels() {
        let big = Implicant::from_levels(&[Some(2), None, None]);
        let small = Implicant::from_levels(&[Some(2), Some(0), None]);
        assert!(small.is_subsumed_by(&big));
        assert!(!big.is_subsumed_by(&small));
        assert_eq!(small.to_levels(), vec![Some(2), Some(0), None]);
        assert_eq!(
            Implicant::from_levels(&[None, None]).format_with(&["A", "B"], Notation::Binary),
            "1"
        );
        assert_eq!(
            Implicant::from_levels(&[Some(12), None]).to_string(),
            "[12]-"
        );
    }
}
