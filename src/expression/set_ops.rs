//! The operations on fuzzy sets (negation, intersection, union): their memberships are the
//! standard (Zadeh) ones, and their names are written in the expression grammar, which is why
//! they live beside it (a set's name is parsed to keep the parentheses precedence needs).

use ndarray::Zip;

use super::name::check_name;
use super::tree::Expression;
use crate::sets::{FuzzySet, SetError};

impl FuzzySet {
    /// Negation: `1 - x` for every case, named `~name`, or `~(name)` for a compound name
    /// (`~(A*B)`); the name of a negated name loses its `~` (`~~A` is `A`).
    ///
    /// # Example
    /// ```
    /// let a = fsqca::FuzzySet::new("A", vec![0.25, 1.0])?;
    /// assert_eq!(a.not().values().to_vec(), [0.75, 0.0]);
    /// assert_eq!(a.not().name(), "~A");
    /// let ab = fsqca::FuzzySet::new("A*B", vec![0.25, 1.0])?;
    /// assert_eq!(ab.not().name(), "~(A*B)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[allow(clippy::should_implement_trait)]
    pub fn not(&self) -> Self {
        Self::from_derived(negated_name(self.name()), self.values().mapv(|x| 1.0 - x))
    }

    /// Intersection (logical AND): the minimum of the two memberships, named `A*B`; a
    /// disjunction keeps its parentheses (`(A + B)*C`).
    ///
    /// # Errors
    /// [`SetError::UnequalLengths`] when the sets have different numbers of cases.
    ///
    /// # Example
    /// ```
    /// let a = fsqca::FuzzySet::new("A", vec![0.2, 0.9])?;
    /// let b = fsqca::FuzzySet::new("B", vec![0.7, 0.4])?;
    /// assert_eq!(a.and(&b)?.values().to_vec(), [0.2, 0.4]);
    /// assert_eq!(a.or(&b)?.and(&a)?.name(), "(A + B)*A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn and(&self, other: &Self) -> Result<Self, SetError> {
        self.combine(other, true, f64::min)
    }

    /// Union (logical OR): the maximum of the two memberships, named `A + B`.
    ///
    /// # Errors
    /// [`SetError::UnequalLengths`] when the sets have different numbers of cases.
    ///
    /// # Example
    /// ```
    /// let a = fsqca::FuzzySet::new("A", vec![0.2, 0.9])?;
    /// let b = fsqca::FuzzySet::new("B", vec![0.7, 0.4])?;
    /// assert_eq!(a.or(&b)?.values().to_vec(), [0.7, 0.9]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn or(&self, other: &Self) -> Result<Self, SetError> {
        self.combine(other, false, f64::max)
    }

    fn combine(&self, other: &Self, and: bool, f: fn(f64, f64) -> f64) -> Result<Self, SetError> {
        self.check_same_cases(other)?;
        let values = Zip::from(self.values())
            .and(other.values())
            .map_collect(|&a, &b| f(a, b));
        Ok(Self::from_derived(
            combined_name(self.name(), other.name(), and),
            values,
        ))
    }
}

/// The name of the negation of a set named `name`: through the expression constructors when
/// the name is an expression (`~A`, `~(A*B)`, `~~A` is `A`), else `~(name)` for a name that is
/// not a plain condition name (`~(GDP pc)`).
fn negated_name(name: &str) -> String {
    if check_name(name).is_ok() {
        return format!("~{name}");
    }
    match name.parse::<Expression>().and_then(Expression::negate) {
        Ok(e) => e.to_string(),
        Err(_) => format!("~({name})"),
    }
}

/// The name of the intersection (`and`) or union of sets named `left` and `right`, with the
/// parentheses precedence needs (`(A + B)*C`).
fn combined_name(left: &str, right: &str, and: bool) -> String {
    let both = left
        .parse::<Expression>()
        .and_then(|l| Ok([l, right.parse::<Expression>()?]));
    let combined = both.and_then(|items| {
        if and {
            Expression::conjunction(items)
        } else {
            Expression::disjunction(items)
        }
    });
    if let Ok(e) = combined {
        return e.to_string();
    }
    let operand = |name: &str| {
        if check_name(name).is_ok() {
            name.to_owned()
        } else {
            format!("({name})")
        }
    };
    let op = if and { "*" } else { " + " };
    format!("{}{op}{}", operand(left), operand(right))
}

#[cfg(test)]
mod tests {
    use crate::sets::FuzzySet;

    #[test]
    fn operations_and_names() {
        let a = FuzzySet::new("A", vec![0.2, 0.9]).unwrap();
        let b = FuzzySet::new("B", vec![0.7, 0.4]).unwrap();
        assert_eq!(a.or(&b).unwrap().name(), "A + B");
        assert_eq!(a.and(&b.not()).unwrap().name(), "A*~B");
        assert_eq!(a.not().not().name(), "A");
        assert_eq!(a.to_string(), "A: [0.2, 0.9]");
    }

    /// Compound names keep their parentheses (reliability report, D6).
    #[test]
    fn compound_names_keep_their_parentheses() {
        let set = |name: &str| FuzzySet::new(name, vec![0.2, 0.9]).unwrap();
        assert_eq!(set("A*B").not().name(), "~(A*B)");
        assert_eq!(set("A+B").and(&set("C")).unwrap().name(), "(A + B)*C");
        assert_eq!(set("C").and(&set("A + B")).unwrap().name(), "C*(A + B)");
        assert_eq!(set("A*B").or(&set("C")).unwrap().name(), "A*B + C");
        assert_eq!(set("~(A*B)").not().name(), "A*B");
        assert_eq!(set("GDP pc").not().name(), "~(GDP pc)");
        assert_eq!(set("GDP pc").and(&set("B")).unwrap().name(), "(GDP pc)*B");
    }
}
