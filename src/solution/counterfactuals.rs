//! Sets of counterfactuals (remainders assumed positive), held as cubes.

use std::sync::{Arc, OnceLock};

use crate::expression::{Expression, Literal};
use crate::minimize::{CubeSet, Implicant};
use crate::truth_table::{RowIds, TruthTable};

use super::error::SolutionError;

/// The default of [`SolutionOptions::row_limit`](crate::solution::SolutionOptions::row_limit):
/// the most row ids [`Counterfactuals::rows`] lists.
///
/// A thousand rows are more than a reader checks one by one, and more than any solution of
/// the R QCA and SetMethods reference data needs (their largest list has a few dozen); the
/// count and the cubes are exact whatever the limit.
///
/// # Example
/// ```
/// use fsqca::solution::{SolutionOptions, DEFAULT_ROW_LIMIT};
/// assert_eq!(DEFAULT_ROW_LIMIT, 1000);
/// assert_eq!(SolutionOptions::default().get_row_limit(), DEFAULT_ROW_LIMIT);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const DEFAULT_ROW_LIMIT: usize = 1000;

/// The default of [`SolutionOptions::cube_limit`](crate::solution::SolutionOptions::cube_limit):
/// the most cubes [`Counterfactuals::cubes`] lists.
///
/// A model's simplifying assumptions have one cube per term, a few dozen at most on the R
/// QCA and SetMethods reference data and about 200 on a 30-condition table; a difference of
/// cubes (the difficult counterfactuals of such a table) can hold a hundred thousand, which
/// nobody reads and which would make the output of every model that large. The number of
/// cubes and the count of rows are exact whatever the limit.
///
/// # Example
/// ```
/// use fsqca::solution::{SolutionOptions, DEFAULT_CUBE_LIMIT};
/// assert_eq!(DEFAULT_CUBE_LIMIT, 1000);
/// assert_eq!(SolutionOptions::default().get_cube_limit(), DEFAULT_CUBE_LIMIT);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const DEFAULT_CUBE_LIMIT: usize = 1000;

/// How the terms of a truth table are written: its condition names, and whether each
/// condition's literals carry their level (`A[1]`, as R QCA writes every crisp condition
/// once one condition is multi-value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Names {
    pub(crate) conditions: Vec<String>,
    pub(crate) bracketed: Vec<bool>,
}

impl Names {
    /// How the terms of `tt` are written: R QCA writes literals with levels (`A[1]`) as soon
    /// as one condition is multi-value, for every crisp (0/1) condition too.
    pub(crate) fn of(tt: &TruthTable) -> Self {
        let any_multi_value = tt.levels().iter().any(|&l| l > 2);
        let data = tt.data();
        let bracketed = tt
            .conditions()
            .iter()
            .zip(tt.levels())
            .map(|(name, &l)| {
                l > 2
                    || (any_multi_value
                        && data
                            .column(name)
                            .is_ok_and(|c| c.iter().all(|&v| v == 0.0 || v == 1.0)))
            })
            .collect();
        Names {
            conditions: tt.conditions().to_vec(),
            bracketed,
        }
    }

    /// A term as an expression, literals in condition order.
    pub(crate) fn term(&self, implicant: &Implicant) -> Result<Expression, SolutionError> {
        let literals = implicant.literals().map(|(j, v)| {
            let name = self.conditions.get(j).map_or("", String::as_str);
            let literal = if self.bracketed.get(j).copied().unwrap_or(true) {
                Literal::with_levels(name, [u32::from(v)])
            } else if v == 1 {
                Literal::new(name)
            } else {
                Literal::new(name).map(Literal::negate)
            };
            literal.map(Expression::literal)
        });
        let literals = literals.collect::<Result<Vec<_>, _>>()?;
        if literals.is_empty() {
            return Err(SolutionError::Tautology);
        }
        Ok(Expression::conjunction(literals)?)
    }
}

/// A set of counterfactuals: remainders (configurations that are not positive rows of the
/// truth table) assumed positive, such as a model's simplifying assumptions or an
/// intermediate model's easy and difficult counterfactuals.
///
/// The set is held as cubes, never as a list of rows, so its memory grows with the cubes and
/// not with the `2^K` configurations of `K` conditions: the remainders are the
/// configurations inside the [`cubes`](Self::cubes) that are not observed positive rows. For
/// a model's simplifying assumptions the cubes are the model's terms; for easy
/// counterfactuals, the terms of the conservative model relaxed by the directional
/// expectations, within the parsimonious terms (see the [module](crate::solution)'s
/// "Intermediate solutions"). The [`count`](Self::count) is exact; the
/// [`rows`](Self::rows) (R QCA's row ids) are listed in ascending order up to the
/// [row limit](crate::solution::SolutionOptions::row_limit), and
/// [`is_complete`](Self::is_complete) says whether that is all of them.
///
/// Two sets over the same conditions intersect
/// ([`intersection`](Self::intersection)): with the observed rows `O1` and `O2` of two truth
/// tables (an outcome and its negation), `(R1 \ O1) ∩ (R2 \ O2) = (R1 ∩ R2) \ (O1 ∪ O2)`,
/// which finds the contradictory simplifying assumptions and SetMethods' `LR.intersect`.
///
/// The same type holds the rows that [`FindRows`](crate::counterfactual::FindRows) and
/// [`common_counterfactuals`](crate::counterfactual::common_counterfactuals) find: there the
/// cubes hold exactly the rows found (no observed row is left out of them, so the
/// simultaneous subset relations, which are observed rows, are sets of this type too), listed
/// up to the search's limit.
///
/// The cubes are listed likewise, as expressions, up to the
/// [cube limit](crate::solution::SolutionOptions::cube_limit) ([`cubes`](Self::cubes)), with
/// their exact number ([`cube_count`](Self::cube_count)); [`cube_set`](Self::cube_set) gives
/// them all.
///
/// With the `serde` feature it serialises as what it lists, as the command line writes it:
/// `{"count": 12, "cube_count": 2, "cubes": ["A*~B", "C"], "rows": [3, 4, ..], "complete":
/// true}` (`count` rows in `cube_count` cubes; `cubes` and `rows` up to their limits;
/// `complete`: whether `rows` lists all of them). That is a report, not the set: it is not
/// read back.
///
/// # Example
/// ```
/// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
///
/// // A*B and A*~B positive, ~A*~B negative; ~A*B (row 2) is a remainder.
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 1.0, 0.0]),
///     ("B", vec![1.0, 0.0, 0.0]),
///     ("Y", vec![1.0, 1.0, 0.0]),
/// ])?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
/// let solution = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
/// let model = &solution.models()[0];
/// assert_eq!(model.expression().to_string(), "A");
/// let sa = model.simplifying_assumptions();
/// assert_eq!(sa.count(), 0); // A holds two positive rows, no remainder
/// assert_eq!(sa.cubes()[0].to_string(), "A");
/// assert!(sa.rows().is_empty() && sa.is_complete());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Counterfactuals {
    parts: Parts,
    /// The number of configurations in the region that are not positive rows.
    count: u64,
}

/// What a [`Counterfactuals`] is made of: its count follows from them.
#[derive(Debug, Clone)]
struct Parts {
    names: Arc<Names>,
    /// The row ids of the observed positive rows (sorted): never counterfactuals.
    positive: Arc<Vec<u64>>,
    /// Shared: the models of one pair share their easy and difficult counterfactuals.
    region: Arc<CubeSet>,
    limits: Limits,
    /// The listings, made once for the set and its clones (the models of a pair share them).
    listed: Arc<Listed>,
}

impl PartialEq for Parts {
    /// The listings follow from the rest.
    fn eq(&self, other: &Self) -> bool {
        self.names == other.names
            && self.positive == other.positive
            && self.region == other.region
            && self.limits == other.limits
    }
}

/// The row ids and the written cubes of a set up to its limits, made when first asked for.
#[derive(Debug, Default)]
struct Listed {
    rows: OnceLock<Vec<u64>>,
    cubes: OnceLock<Vec<String>>,
}

/// How many row ids and cubes a set of counterfactuals lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    pub(crate) rows: usize,
    pub(crate) cubes: usize,
}

#[cfg(feature = "serde")]
impl serde::Serialize for Counterfactuals {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let cubes = self
            .parts
            .listed
            .cubes
            .get_or_init(|| self.cubes().iter().map(ToString::to_string).collect());
        let mut out = serializer.serialize_struct("Counterfactuals", 5)?;
        out.serialize_field("count", &self.count)?;
        out.serialize_field("cube_count", &self.cube_count())?;
        out.serialize_field("cubes", cubes)?;
        out.serialize_field("rows", &self.rows())?;
        out.serialize_field("complete", &self.is_complete())?;
        out.end()
    }
}

impl Counterfactuals {
    /// The remainders inside `region`: its configurations that are not in `positive` (row
    /// ids, sorted), listed up to `limits`.
    pub(crate) fn new(
        names: Arc<Names>,
        positive: Arc<Vec<u64>>,
        region: CubeSet,
        limits: Limits,
    ) -> Result<Self, SolutionError> {
        // Every cube can be written (`cubes` writes them on demand): one valid name per
        // condition, and no cube without literal.
        for name in &names.conditions {
            Literal::new(name)?;
        }
        if names.conditions.len() != region.levels().len() {
            return Err(SolutionError::DifferentConditions {
                left: names.conditions.clone(),
                right: (1..=region.levels().len())
                    .map(|j| format!("X{j}"))
                    .collect(),
            });
        }
        if region.cubes().iter().any(Implicant::is_empty) {
            return Err(SolutionError::Tautology);
        }
        let ids = row_ids(&region)?;
        let inside = positive
            .iter()
            .filter_map(|&id| ids.configuration(id))
            .filter(|c| region.contains(c))
            .count() as u64;
        let count = region.count() - inside;
        Ok(Counterfactuals {
            parts: Parts {
                names,
                positive,
                region: Arc::new(region),
                limits,
                listed: Arc::default(),
            },
            count,
        })
    }

    /// The set over the same table (names, observed positive rows, limits) whose cubes are
    /// the implicants of `terms`, written as their texts, and whose count, known to the
    /// caller, is `count`: a model's simplifying assumptions, whose cubes are its terms,
    /// made when they are asked for.
    pub(crate) fn with_terms<'t>(
        &self,
        terms: impl IntoIterator<Item = (&'t Implicant, &'t str)>,
        count: u64,
    ) -> Counterfactuals {
        let mut written: Vec<(&Implicant, &str)> = terms.into_iter().collect();
        let cubes = written.iter().map(|(c, _)| (*c).clone()).collect();
        let region = CubeSet::new(self.parts.region.levels().to_vec(), cubes)
            .expect("a model's terms are cubes over its table's levels");
        // The cubes in the set's order, written as the terms are.
        written.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let texts = region
            .cubes()
            .iter()
            .take(self.parts.limits.cubes)
            .filter_map(|c| {
                let at = written.binary_search_by(|w| w.0.cmp(c)).ok()?;
                Some(written[at].1.to_owned())
            })
            .collect();
        let listed = Listed::default();
        // A new lock: it cannot be set already.
        let _ = listed.cubes.set(texts);
        Counterfactuals {
            parts: Parts {
                region: Arc::new(region),
                listed: Arc::new(listed),
                ..self.parts.clone()
            },
            count,
        }
    }

    /// The configurations inside `region` exactly (none left out), as found by a search
    /// over `tt`, listed up to `limit`. Every configuration (the remainders of a table
    /// without observed rows) is written as one cube per level of the first condition
    /// (`A + ~A`), as a cube needs a literal to be written. Row ids and cubes are listed up
    /// to `limits`.
    pub(crate) fn found(
        tt: &TruthTable,
        region: CubeSet,
        limits: Limits,
    ) -> Result<Self, SolutionError> {
        let region = if region.cubes().iter().any(Implicant::is_empty) {
            let levels = region.levels().to_vec();
            let first = levels.first().copied().unwrap_or(0);
            let cubes = (0..first)
                .map(|level| {
                    let mut cube = vec![None; levels.len()];
                    cube[0] = Some(level);
                    Implicant::from_levels(&cube)
                })
                .collect();
            CubeSet::new(levels, cubes)?
        } else {
            region
        };
        Counterfactuals::new(Arc::new(Names::of(tt)), Arc::default(), region, limits)
    }

    /// The cubes whose remainders are the counterfactuals, written over the truth table's
    /// conditions (`A*~B`), none contained in another, at most the cube limit of the options
    /// that derived them ([`SolutionOptions::cube_limit`](crate::solution::SolutionOptions::cube_limit);
    /// [`cube_count`](Self::cube_count) gives their number). They are written on each call:
    /// the set holds them as [`cube_set`](Self::cube_set), all of them. A cube may also hold
    /// observed positive rows, which are not counterfactuals.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// let sa = solution.models()[0].simplifying_assumptions();
    /// assert_eq!(sa.cubes().iter().map(|c| c.to_string()).collect::<Vec<_>>(), ["A"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cubes(&self) -> Vec<Expression> {
        self.cubes_up_to(self.parts.limits.cubes)
    }

    /// The first `n` cubes, written as [`cubes`](Self::cubes) writes them (whatever the cube
    /// limit).
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let options = SolutionOptions::new(SolutionType::Parsimonious).cube_limit(0);
    /// let sa = options.solve(&tt)?.models()[0].simplifying_assumptions();
    /// assert!(sa.cubes().is_empty());
    /// assert_eq!(sa.cubes_up_to(5)[0].to_string(), "A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cubes_up_to(&self, n: usize) -> Vec<Expression> {
        self.parts
            .region
            .cubes()
            .iter()
            .take(n)
            .filter_map(|c| self.parts.names.term(c).ok())
            .collect()
    }

    /// The number of cubes (of [`cube_set`](Self::cube_set)), whatever the cube limit.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let options = SolutionOptions::new(SolutionType::Parsimonious).cube_limit(0);
    /// let sa = options.solve(&tt)?.models()[0].simplifying_assumptions();
    /// assert_eq!(sa.cube_count(), 1); // the model's one term, A
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cube_count(&self) -> usize {
        self.parts.region.cubes().len()
    }

    /// The most cubes [`cubes`](Self::cubes) lists.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Parsimonious).cube_limit(5).solve(&tt)?;
    /// assert_eq!(solution.models()[0].simplifying_assumptions().cube_limit(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cube_limit(&self) -> usize {
        self.parts.limits.cubes
    }

    /// The same cubes as configurations' levels ([`CubeSet`]), for further set operations.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// let sa = solution.models()[0].simplifying_assumptions();
    /// assert_eq!(sa.cube_set().count(), 2); // A*~B and A*B; A*B is observed
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cube_set(&self) -> &CubeSet {
        &self.parts.region
    }

    /// The exact number of counterfactuals (remainders in the cubes), computed on the cubes.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// assert_eq!(solution.models()[0].simplifying_assumptions().count(), 1); // A*~B
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Whether there is no counterfactual.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    /// assert!(solution.models()[0].simplifying_assumptions().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The counterfactuals' R QCA row ids (1-based, first condition most significant), in
    /// ascending order, at most the row limit of the options that derived them
    /// ([`SolutionOptions::row_limit`](crate::solution::SolutionOptions::row_limit)), listed
    /// lazily from the cubes: the cost grows with the rows listed, not with the set.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// assert_eq!(solution.models()[0].simplifying_assumptions().rows(), [3]); // A*~B
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rows(&self) -> Vec<u64> {
        self.parts
            .listed
            .rows
            .get_or_init(|| self.rows_up_to(self.parts.limits.rows))
            .clone()
    }

    /// The first `n` row ids of the counterfactuals, ascending (whatever the row limit).
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// assert!(solution.models()[0].simplifying_assumptions().rows_up_to(0).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rows_up_to(&self, n: usize) -> Vec<u64> {
        let Ok(ids) = row_ids(&self.parts.region) else {
            return Vec::new();
        };
        self.configurations()
            .filter_map(|c| ids.id(&c))
            .take(n)
            .collect()
    }

    /// Every counterfactual as a configuration (one level per condition), in ascending
    /// row-id order, listed lazily from the cubes (whatever the row limit): taking the
    /// first few costs a few steps, whatever the size of the set.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// let sa = solution.models()[0].simplifying_assumptions();
    /// assert_eq!(sa.configurations().collect::<Vec<_>>(), [vec![1, 0]]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn configurations(&self) -> impl Iterator<Item = Vec<u8>> + '_ {
        let ids = row_ids(&self.parts.region).ok();
        self.parts.region.configurations().filter(move |c| {
            ids.as_ref()
                .and_then(|ids| ids.id(c))
                .is_some_and(|id| self.parts.positive.binary_search(&id).is_err())
        })
    }

    /// Whether [`rows`](Self::rows) lists every counterfactual (the count is within the row
    /// limit).
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let options = SolutionOptions::new(SolutionType::Parsimonious).row_limit(0);
    /// let sa = options.solve(&tt)?.models()[0].simplifying_assumptions().clone();
    /// assert!(!sa.is_complete() && sa.rows().is_empty() && sa.count() == 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_complete(&self) -> bool {
        self.count <= self.parts.limits.rows as u64
    }

    /// The most rows [`rows`](Self::rows) lists.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Parsimonious).row_limit(5).solve(&tt)?;
    /// assert_eq!(solution.models()[0].simplifying_assumptions().row_limit(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn row_limit(&self) -> usize {
        self.parts.limits.rows
    }

    /// Whether the configuration `config` (one level per condition) is a counterfactual of
    /// the set.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let solution = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// let sa = solution.models()[0].simplifying_assumptions();
    /// assert!(sa.contains(&[1, 0]));
    /// assert!(!sa.contains(&[1, 1])); // observed positive
    /// assert!(!sa.contains(&[0, 0]) && !sa.contains(&[1]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains(&self, config: &[u8]) -> bool {
        self.parts.region.contains(config)
            && row_ids(&self.parts.region)
                .ok()
                .and_then(|ids| ids.id(config))
                .is_some_and(|id| self.parts.positive.binary_search(&id).is_err())
    }

    /// The counterfactuals in both sets: `(R1 ∩ R2) \ (O1 ∪ O2)` for the cubes `R` and the
    /// observed positive rows `O` of each (two solutions of one truth table, or of an outcome
    /// and its negation). Listed up to this set's row limit.
    ///
    /// # Errors
    /// [`SolutionError::DifferentConditions`] if the sets are over different conditions;
    /// [`SolutionError::Minimize`] with
    /// [`MinimizeError::LevelsDiffer`](crate::minimize::MinimizeError::LevelsDiffer) if their
    /// conditions have different levels.
    ///
    /// # Example
    /// ```
    /// use fsqca::{solution::{SolutionOptions, SolutionType}, Dataset, TruthTableOptions};
    /// // Y: A*B positive, ~A*~B negative; ~Y the other way round. Rows 2 (~A*B) and 3
    /// // (A*~B) are remainders of both.
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 0.0]),
    ///     ("B", vec![1.0, 0.0]),
    ///     ("Y", vec![1.0, 0.0]),
    /// ])?;
    /// let options = SolutionOptions::new(SolutionType::Parsimonious);
    /// let y = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let not_y = TruthTableOptions::default().build(&data, "~Y", &["A", "B"])?;
    /// let for_y = options.solve(&y)?;
    /// let for_not_y = options.solve(&not_y)?;
    /// // Y's models A and B: B assumes row 2; ~Y's models ~A and ~B: ~A assumes row 2 too.
    /// let b = for_y.models().iter().find(|m| m.expression().to_string() == "B");
    /// # let b = b.unwrap();
    /// let not_a = &for_not_y.models()[0];
    /// let csa = b.simplifying_assumptions().intersection(&not_a.simplifying_assumptions())?;
    /// assert_eq!(csa.rows(), [2]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn intersection(&self, other: &Counterfactuals) -> Result<Counterfactuals, SolutionError> {
        if self.parts.names.conditions != other.parts.names.conditions {
            return Err(SolutionError::DifferentConditions {
                left: self.parts.names.conditions.clone(),
                right: other.parts.names.conditions.clone(),
            });
        }
        let region = self.parts.region.intersection(&other.parts.region)?;
        let mut positive: Vec<u64> = self
            .parts
            .positive
            .iter()
            .chain(other.parts.positive.iter())
            .copied()
            .collect();
        positive.sort_unstable();
        positive.dedup();
        Counterfactuals::new(
            self.parts.names.clone(),
            Arc::new(positive),
            region,
            self.parts.limits,
        )
    }

    /// The counterfactuals of `self` outside the cubes of `other`, for two sets of the same
    /// truth table (same observed rows): a parsimonious model's simplifying assumptions
    /// minus the easy counterfactuals are the difficult ones.
    pub(crate) fn difference(
        &self,
        other: &Counterfactuals,
    ) -> Result<Counterfactuals, SolutionError> {
        let region = self.parts.region.difference(&other.parts.region)?;
        Counterfactuals::new(
            self.parts.names.clone(),
            self.parts.positive.clone(),
            region,
            self.parts.limits,
        )
    }
}

/// The row numbering of the set's conditions.
fn row_ids(region: &CubeSet) -> Result<RowIds, SolutionError> {
    let levels: Vec<u32> = region.levels().iter().map(|&l| u32::from(l)).collect();
    Ok(RowIds::new(&levels)?)
}
