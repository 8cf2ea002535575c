//! Symbolic negation, intersection and union of expressions written as sums of products, with
//! two kinds of simplification: the laws valid for fuzzy sets, and Boolean minimization.
//!

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use ndarray::Array1;

use super::error::ExpressionError;
use super::literal::Literal;
use super::tree::{Expression, ExpressionKind};
use crate::data::{DataError, Dataset};
use crate::minimize::{
    CubeSet, EngineOptions, Implicant, MinimizationProblem, MinimizeError, Remainders,
};
use crate::sets::FuzzySet;

/// The most products a [`SumOfProducts`] may have while it is built (distributing `*` over `+`
/// multiplies the numbers of products); more is [`ExpressionError::TooManyProducts`].
pub const MAX_PRODUCTS: usize = 20_000;

/// The most conditions [`SumOfProducts::boolean_minimized`] minimizes over (it lists the
/// 2^k configurations).
pub const MAX_BOOLEAN_CONDITIONS: usize = 16;

/// A literal of a product: the index of its condition in the atoms, and whether it is negated.
type Lit = (usize, bool);
/// A product: its literals, sorted, each at most once (`X` and `~X` may both be there).
type Product = Vec<Lit>;

/// A disjunction of conjunctions of literals (`A*~B + C`), built symbolically: the sum of
/// products of an expression, its negation, the intersection and union of two.
///
/// Conditions are printed in the order they were first met (the order given to
/// [`with_condition_order`](Self::with_condition_order) first); products with fewer literals
/// come first. The empty sum (the empty set) prints as `0`, the sum holding the empty product
/// (the universe) as `1`, and both parse back. Equality compares the sets of products. With the
/// `serde` feature, the value serialises as its text.
///
/// # Which laws hold for fuzzy sets
/// Fuzzy sets with `min`, `max` and `1 - x` form a Kleene algebra (Kalman 1958): commutativity,
/// associativity, idempotence (`A*A = A`), absorption (`A + A*B = A`), distributivity, De Morgan
/// and double negation hold, but the laws of the excluded middle do not: `A*~A` is not empty
/// (0.5 at A = 0.5) and `A*B + A*~B` is not `A` (0.5 at A = 1, B = 0.5). Boolean minimization
/// uses both, so it is exact on crisp data only.
///
/// [`SumOfProducts::from_expression`], [`negate`](SumOfProducts::negate),
/// [`and`](SumOfProducts::and) and [`or`](SumOfProducts::or) use the Kleene laws only, and their
/// result has, on every fuzzy data set, exactly the membership of its definition. They also drop
/// a product `P` when the other products `R` contain it (`P ≤ R` for every membership), which
/// keeps the value. Among products, `P ≤ Q` holds exactly when Q's literals are among P's
/// (absorption). A product with a contradiction (`X*~X`) can be dropped in more cases: since
/// the identities of Kleene algebras are those of the three values {0, ½, 1}, `P ≤ R` holds
/// exactly when no assignment makes P = ½ and R = 0. Such an assignment sets P's contradictory
/// conditions to ½ and its other literals true (a crisp value kills more products than ½), so
/// `P ≤ R` exactly when R, with P's literals true and every literal of P's contradictory
/// conditions non-zero, is a Boolean tautology of the other conditions. For example
/// `(G + H)*(~G + ~H)` is `G*~G + G*~H + ~G*H + H*~H`, and both contradictions go:
/// `G*~G ≤ G*~H + ~G*H` because at G = ½ the rest is `~H + H`.
///
/// [`SumOfProducts::boolean_minimized`] gives the shortest sum of products equal on crisp data
/// (contradictions are empty, `A*B + A*~B` is `A`): what R's `admisc::intersection` and
/// `invert` print after `simplify`, and what SetMethods' `theory.evaluation` shows.
///
/// # Example
/// ```
/// use fsqca::expression::SumOfProducts;
///
/// let t: SumOfProducts = "A*B + C".parse()?;
/// let s: SumOfProducts = "A + D".parse()?;
/// // ~T*S, exact for fuzzy sets: A*~A*~C stays (it is 0.5 at A = 0.5, C = 0).
/// let fuzzy = t.negate()?.and(&s)?;
/// assert_eq!(fuzzy.to_string(), "~A*~C*D + A*~B*~C + A*~A*~C + ~B*~C*D");
/// // Its Boolean minimization, exact for crisp sets only.
/// assert_eq!(fuzzy.boolean_minimized()?.to_string(), "~A*~C*D + A*~B*~C");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct SumOfProducts {
    /// The conditions, each as its plain (not negated) literal, in printing order.
    atoms: Vec<Literal>,
    products: Vec<Product>,
}

impl SumOfProducts {
    /// The sum of products of an expression, by De Morgan and distributivity, simplified by the
    /// laws valid for fuzzy sets only (see [`SumOfProducts`]): its membership is the
    /// expression's on every data set.
    ///
    /// # Errors
    /// [`ExpressionError::TooManyProducts`] when distributing would give more than
    /// [`MAX_PRODUCTS`] products.
    ///
    /// # Example
    /// ```
    /// use fsqca::{expression::SumOfProducts, Expression};
    ///
    /// let e: Expression = "~(A*~B)*(A + C)".parse()?;
    /// let sop = SumOfProducts::from_expression(&e)?;
    /// assert_eq!(sop.to_string(), "~A*C + A*B + A*~A + B*C");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_expression(expression: &Expression) -> Result<Self, ExpressionError> {
        let mut atoms = Vec::new();
        let products = products_of(expression, false, &mut atoms)?;
        Ok(Self::reduced(atoms, products))
    }

    /// Puts the conditions in `names` first, in that order, for printing (the others follow in
    /// their current order). The value is unchanged.
    ///
    /// # Example
    /// ```
    /// let sop: fsqca::expression::SumOfProducts = "B*A + C".parse()?;
    /// assert_eq!(sop.to_string(), "C + B*A");
    /// assert_eq!(sop.with_condition_order(&["A", "B"]).to_string(), "C + A*B");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_condition_order<S: AsRef<str>>(self, names: &[S]) -> Self {
        let rank = |atom: &Literal| {
            names
                .iter()
                .position(|n| n.as_ref() == atom.name())
                .unwrap_or(names.len())
        };
        let mut order: Vec<usize> = (0..self.atoms.len()).collect();
        order.sort_by_key(|&i| rank(&self.atoms[i]));
        let mut new_index = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let atoms = order.iter().map(|&i| self.atoms[i].clone()).collect();
        let products = self
            .products
            .into_iter()
            .map(|p| normalized(p.into_iter().map(|(a, n)| (new_index[a], n)).collect()))
            .collect();
        Self::sorted(atoms, products)
    }

    /// The negation, by De Morgan and distributivity, with the fuzzy-valid simplifications:
    /// exact for fuzzy sets.
    ///
    /// # Errors
    /// [`ExpressionError::TooManyProducts`] beyond [`MAX_PRODUCTS`] products.
    ///
    /// # Example
    /// ```
    /// let sop: fsqca::expression::SumOfProducts = "A*B + ~A*C".parse()?;
    /// // Boolean algebra would give `~A*~C + A*~B`; A*~A and ~B*~C stay for fuzzy sets.
    /// assert_eq!(sop.negate()?.to_string(), "~A*~C + A*~B + A*~A + ~B*~C");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn negate(&self) -> Result<Self, ExpressionError> {
        let mut acc: Vec<Product> = vec![Vec::new()];
        for product in &self.products {
            let factor: Vec<Product> = product.iter().map(|&(a, n)| vec![(a, !n)]).collect();
            acc = absorbed(cross(&acc, &factor)?);
        }
        Ok(Self::reduced(self.atoms.clone(), acc))
    }

    /// The intersection (`*`), distributed, with the fuzzy-valid simplifications.
    ///
    /// # Errors
    /// [`ExpressionError::TooManyProducts`] beyond [`MAX_PRODUCTS`] products.
    ///
    /// # Example
    /// ```
    /// let a: fsqca::expression::SumOfProducts = "A + B".parse()?;
    /// let b: fsqca::expression::SumOfProducts = "A + C".parse()?;
    /// assert_eq!(a.and(&b)?.to_string(), "A + B*C");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn and(&self, other: &Self) -> Result<Self, ExpressionError> {
        let (atoms, other_products) = self.merged_atoms(other);
        let products = cross(&self.products, &other_products)?;
        Ok(Self::reduced(atoms, products))
    }

    /// The union (`+`), with the fuzzy-valid simplifications.
    ///
    /// # Example
    /// ```
    /// let a: fsqca::expression::SumOfProducts = "A*B".parse()?;
    /// let b: fsqca::expression::SumOfProducts = "A".parse()?;
    /// assert_eq!(a.or(&b).to_string(), "A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn or(&self, other: &Self) -> Self {
        let (atoms, mut products) = self.merged_atoms(other);
        products.extend(self.products.iter().cloned());
        Self::reduced(atoms, products)
    }

    /// The shortest sum of products with the same membership on crisp data (Boolean
    /// minimization: `X*~X` is empty, `A*B + A*~B` is `A`), the first of R QCA's order when
    /// several are as short. It may differ from `self` on fuzzy data.
    ///
    /// # Errors
    /// [`MinimizeError::TooManyConditions`] for more than [`MAX_BOOLEAN_CONDITIONS`]
    /// conditions in non-contradictory products, and the engine's errors when its limits stop
    /// the search for the shortest form.
    ///
    /// # Example
    /// ```
    /// let sop: fsqca::expression::SumOfProducts = "A*B + A*~B + C*~C".parse()?;
    /// assert_eq!(sop.to_string(), "A*~B + A*B + C*~C");
    /// assert_eq!(sop.boolean_minimized()?.to_string(), "A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn boolean_minimized(&self) -> Result<Self, MinimizeError> {
        let consistent: Vec<&Product> = self
            .products
            .iter()
            .filter(|p| !is_contradictory(p))
            .collect();
        let mut used: Vec<usize> = consistent
            .iter()
            .flat_map(|p| p.iter().map(|l| l.0))
            .collect();
        used.sort_unstable();
        used.dedup();
        let atoms: Vec<Literal> = used.iter().map(|&a| self.atoms[a].clone()).collect();
        if consistent.is_empty() || consistent.iter().any(|p| p.is_empty()) {
            let products = if consistent.is_empty() {
                vec![]
            } else {
                vec![vec![]]
            };
            return Ok(Self { atoms, products });
        }
        if used.len() > MAX_BOOLEAN_CONDITIONS {
            return Err(MinimizeError::TooManyConditions {
                n: used.len(),
                max: MAX_BOOLEAN_CONDITIONS,
            });
        }
        let position = |atom: usize| used.binary_search(&atom).unwrap_or(0);
        let cubes = consistent
            .iter()
            .map(|p| {
                let mut levels = vec![None; used.len()];
                for &(a, negated) in p.iter() {
                    levels[position(a)] = Some(u8::from(!negated));
                }
                Implicant::from_levels(&levels)
            })
            .collect();
        let levels = vec![2; used.len()];
        let set = CubeSet::new(levels.clone(), cubes)?;
        let forbidden: Vec<Vec<u8>> = set.complement().configurations().collect();
        if forbidden.is_empty() {
            return Ok(Self {
                atoms,
                products: vec![vec![]],
            });
        }
        let positive: Vec<Vec<u8>> = set.configurations().collect();
        let minimized = MinimizationProblem::new(levels, positive, forbidden, Remainders::None)?
            .solve(&EngineOptions::default())?;
        let products = minimized
            .model_terms(0)
            .into_iter()
            .map(|term| normalized(term.literals().map(|(j, level)| (j, level == 0)).collect()))
            .collect();
        Ok(Self::sorted(atoms, products))
    }

    /// The number of products (0 for the empty set).
    ///
    /// # Example
    /// ```
    /// let sop: fsqca::expression::SumOfProducts = "A*B + C".parse()?;
    /// assert_eq!(sop.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn len(&self) -> usize {
        self.products.len()
    }

    /// True for the empty sum, the empty set (printed `0`).
    ///
    /// # Example
    /// ```
    /// let sop: fsqca::expression::SumOfProducts = "A*~A".parse()?;
    /// assert!(!sop.is_empty()); // not for fuzzy sets
    /// assert!(sop.boolean_minimized()?.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.products.is_empty()
    }

    /// The products, each as an expression (a literal or a conjunction of literals); the
    /// universe `1` is the one product with no literal, which no expression writes, so it gives
    /// `None`.
    ///
    /// # Example
    /// ```
    /// let sop: fsqca::expression::SumOfProducts = "C + A*B".parse()?;
    /// let terms: Vec<String> = sop.products().ok_or("not 1")?.iter().map(|t| t.to_string()).collect();
    /// assert_eq!(terms, ["C", "A*B"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn products(&self) -> Option<Vec<Expression>> {
        self.products
            .iter()
            .map(|p| {
                let literals = p.iter().map(|&l| Expression::literal(self.literal(l)));
                Expression::conjunction(literals).ok()
            })
            .collect()
    }

    /// The membership of every case of `data`: the max over the products of the min of their
    /// literals (0 for the empty sum, 1 for the universe).
    ///
    /// # Errors
    /// As [`Expression::evaluate`].
    ///
    /// # Example
    /// ```
    /// let data = fsqca::Dataset::from_columns([("A", vec![0.5, 1.0])])?;
    /// let sop: fsqca::expression::SumOfProducts = "A*~A".parse()?;
    /// assert_eq!(sop.evaluate(&data)?.values().to_vec(), [0.5, 0.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn evaluate(&self, data: &Dataset) -> Result<FuzzySet, DataError> {
        let Some(products) = self.products() else {
            return Ok(FuzzySet::from_derived(
                self.to_string(),
                Array1::ones(data.n_cases()),
            ));
        };
        match Expression::disjunction(products) {
            Ok(e) => e.evaluate(data),
            Err(_) => Ok(FuzzySet::from_derived(
                self.to_string(),
                Array1::zeros(data.n_cases()),
            )),
        }
    }

    fn literal(&self, (atom, negated): Lit) -> Literal {
        let l = self.atoms[atom].clone();
        if negated {
            l.negate()
        } else {
            l
        }
    }

    /// The atoms of both, and `other`'s products renumbered to them.
    fn merged_atoms(&self, other: &Self) -> (Vec<Literal>, Vec<Product>) {
        let mut atoms = self.atoms.clone();
        let map: Vec<usize> = other
            .atoms
            .iter()
            .map(|a| atom_index(&mut atoms, a))
            .collect();
        let products = other
            .products
            .iter()
            .map(|p| normalized(p.iter().map(|&(a, n)| (map[a], n)).collect()))
            .collect();
        (atoms, products)
    }

    /// The sum with absorbed and contained products dropped, sorted.
    fn reduced(atoms: Vec<Literal>, products: Vec<Product>) -> Self {
        let mut products = absorbed(products);
        // Longest contradictory products first: each is dropped when the others (as they are
        // then) contain it.
        let mut i = products.len();
        while i > 0 {
            i -= 1;
            if is_contradictory(&products[i]) {
                let (before, rest) = products.split_at(i);
                if entailed(&rest[0], before.iter().chain(&rest[1..])) {
                    products.remove(i);
                }
            }
        }
        Self::sorted(atoms, products)
    }

    fn sorted(atoms: Vec<Literal>, mut products: Vec<Product>) -> Self {
        products.sort_by_cached_key(|p| (p.len(), sort_key(p, atoms.len())));
        products.dedup();
        Self { atoms, products }
    }

    /// The products as sets of literals, for equality.
    fn literal_sets(&self) -> std::collections::HashSet<Vec<Literal>> {
        self.products
            .iter()
            .map(|p| {
                let mut ls: Vec<Literal> = p.iter().map(|&l| self.literal(l)).collect();
                ls.sort_by_key(ToString::to_string);
                ls
            })
            .collect()
    }
}

impl PartialEq for SumOfProducts {
    /// Equal when they have the same products (in any order).
    fn eq(&self, other: &Self) -> bool {
        self.literal_sets() == other.literal_sets()
    }
}

impl Eq for SumOfProducts {}

/// The index of `atom` (a plain literal) in `atoms`, added at the end when new.
fn atom_index(atoms: &mut Vec<Literal>, atom: &Literal) -> usize {
    let plain = if atom.is_negated() {
        atom.clone().negate()
    } else {
        atom.clone()
    };
    match atoms.iter().position(|a| *a == plain) {
        Some(i) => i,
        None => {
            atoms.push(plain);
            atoms.len() - 1
        }
    }
}

/// The products of `expression` (negated when `negated`), by De Morgan and distributivity,
/// with absorption at every step.
fn products_of(
    expression: &Expression,
    negated: bool,
    atoms: &mut Vec<Literal>,
) -> Result<Vec<Product>, ExpressionError> {
    match expression.kind() {
        ExpressionKind::Literal(l) => {
            let atom = atom_index(atoms, l);
            Ok(vec![vec![(atom, l.is_negated() != negated)]])
        }
        ExpressionKind::Not(inner) => products_of(inner, !negated, atoms),
        ExpressionKind::And(items) | ExpressionKind::Or(items) => {
            let conjunction = matches!(expression.kind(), ExpressionKind::And(_)) != negated;
            let mut acc: Vec<Product> = if conjunction { vec![vec![]] } else { vec![] };
            for item in items {
                let next = products_of(item, negated, atoms)?;
                if conjunction {
                    acc = cross(&acc, &next)?;
                } else {
                    acc.extend(next);
                }
                acc = absorbed(acc);
            }
            Ok(acc)
        }
    }
}

/// A product's literals sorted, each once.
fn normalized(mut product: Product) -> Product {
    product.sort_unstable();
    product.dedup();
    product
}

/// Every product of one product of `a` and one of `b` (idempotence: each literal once).
fn cross(a: &[Product], b: &[Product]) -> Result<Vec<Product>, ExpressionError> {
    if a.len().saturating_mul(b.len()) > MAX_PRODUCTS {
        return Err(ExpressionError::TooManyProducts {
            limit: MAX_PRODUCTS,
        });
    }
    Ok(a.iter()
        .flat_map(|p| {
            b.iter()
                .map(move |q| normalized(p.iter().chain(q).copied().collect()))
        })
        .collect())
}

/// True when every literal of `small` is in `large` (both sorted).
fn is_subset(small: &[Lit], large: &[Lit]) -> bool {
    let mut rest = large.iter();
    small.iter().all(|l| rest.any(|m| m == l))
}

/// The products with duplicates and the products containing another one dropped
/// (absorption: `A + A*B = A`).
fn absorbed(mut products: Vec<Product>) -> Vec<Product> {
    products.sort_unstable_by(|p, q| p.len().cmp(&q.len()).then_with(|| p.cmp(q)));
    products.dedup();
    let mut kept: Vec<Product> = Vec::with_capacity(products.len());
    for p in products {
        if !kept.iter().any(|k| is_subset(k, &p)) {
            kept.push(p);
        }
    }
    kept
}

/// True when the product holds a condition and its negation.
fn is_contradictory(product: &[Lit]) -> bool {
    product.windows(2).any(|w| w[0].0 == w[1].0)
}

/// Whether `product` is at most the sum of `rest` for every fuzzy membership (the Kleene
/// criterion of the module docs): `rest`, with the product's literals true and the literals of
/// its contradictory conditions non-zero, is a Boolean tautology of the other conditions.
fn entailed<'a>(product: &[Lit], rest: impl Iterator<Item = &'a Product>) -> bool {
    let mut fixed: HashMap<usize, Option<bool>> = HashMap::new();
    for &(atom, negated) in product {
        fixed
            .entry(atom)
            .and_modify(|v| *v = None)
            .or_insert(Some(negated));
    }
    let mut reduced: Vec<Product> = Vec::new();
    'products: for q in rest {
        let mut free = Vec::new();
        for &(atom, negated) in q {
            match fixed.get(&atom) {
                // A contradictory condition is ½: its literals are non-zero.
                Some(None) => {}
                Some(&Some(n)) if n == negated => {}
                // The opposite of a literal of the product: 0.
                Some(Some(_)) => continue 'products,
                None => free.push((atom, negated)),
            }
        }
        if free.is_empty() {
            return true;
        }
        reduced.push(free);
    }
    is_tautology(&reduced)
}

/// Whether a sum of products is true for every crisp assignment (Shannon expansion).
fn is_tautology(products: &[Product]) -> bool {
    if products.iter().any(Vec::is_empty) {
        return true;
    }
    let Some(&(atom, _)) = products.first().and_then(|p| p.first()) else {
        return false;
    };
    [false, true].into_iter().all(|value| {
        let cofactor: Vec<Product> = products
            .iter()
            .filter(|p| !p.iter().any(|&(a, n)| a == atom && n == value))
            .map(|p| p.iter().copied().filter(|&(a, _)| a != atom).collect())
            .collect();
        is_tautology(&cofactor)
    })
}

/// The order of products of the same length: condition by condition, `~X < X < X*~X <
/// (no X)`.
fn sort_key(product: &[Lit], n_atoms: usize) -> Vec<u8> {
    let mut key = vec![3u8; n_atoms];
    for &(atom, negated) in product {
        key[atom] = match (key[atom], negated) {
            (3, true) => 0,
            (3, false) => 1,
            _ => 2,
        };
    }
    key
}

impl fmt::Display for SumOfProducts {
    /// `A*~B + C`; `0` for the empty set, `1` for the universe; a contradictory product prints
    /// both literals, `A*~A`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.products.is_empty() {
            return write!(f, "0");
        }
        for (i, p) in self.products.iter().enumerate() {
            if i > 0 {
                write!(f, " + ")?;
            }
            if p.is_empty() {
                write!(f, "1")?;
            }
            for (j, &l) in p.iter().enumerate() {
                if j > 0 {
                    write!(f, "*")?;
                }
                write!(f, "{}", self.literal(l))?;
            }
        }
        Ok(())
    }
}

impl FromStr for SumOfProducts {
    type Err = ExpressionError;

    /// Parses an expression (or `0`, `1`) and writes it as a sum of products with
    /// [`SumOfProducts::from_expression`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "0" => Ok(Self {
                atoms: vec![],
                products: vec![],
            }),
            "1" => Ok(Self {
                atoms: vec![],
                products: vec![vec![]],
            }),
            text => Self::from_expression(&text.parse()?),
        }
    }
}

text_form! {
    /// Parses the text of a sum of products, as [`str::parse`] does.
    ///
    /// # Example
    /// ```
    /// let sop = fsqca::expression::SumOfProducts::try_from("A*B + A".to_owned())?;
    /// assert_eq!(String::from(sop), "A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    SumOfProducts
}
