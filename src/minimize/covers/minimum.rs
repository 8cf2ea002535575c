//! Every minimum cover of a chart.

use std::collections::{HashMap, HashSet};

use super::reduce::Reduced;
use super::{sort_models, Covers};
use crate::minimize::error::MinimizeError;
use crate::minimize::pi_chart::PiChart;
use crate::minimize::set_cover::{enumerate, minimum_size, SetFamily};

/// Every minimum cover, exactly.
///
/// Rows with the same columns are solved as one class (a cover of classes stands for
/// every choice of one row per class). After essential classes and column dominance, the
/// classes that no other class contains form the core; every minimum cover of the core
/// is listed by the branch and bound of [`enumerate`]. Every minimum cover of the whole chart
/// comes from one of the core: replace each of its classes by a containing core class,
/// and the result still covers with as many classes, so it is a minimum cover of the
/// core. So the minimum covers of the chart are found by replacing, in each minimum
/// cover of the core, each class by one it contains, keeping the choices that still
/// cover (duplicates, reached from two core covers, are listed once).
///
/// At most `max_models` covers, within `max_nodes` search nodes; when the node limit stops
/// the proof of the minimum size, `best_effort` returns the smallest cover found with its
/// lower bound instead of [`MinimizeError::MinimumNotProven`].
pub(crate) fn minimum_covers(
    chart: &PiChart,
    max_models: usize,
    max_nodes: u64,
    best_effort: bool,
) -> Result<Covers, MinimizeError> {
    let (classes, members) = row_classes(chart);
    let Some(reduced) = Reduced::new(&classes) else {
        return Ok(Covers::none());
    };
    let dominated = reduced.as_chart().dominated_rows();
    let core_rows: Vec<usize> = (0..reduced.rows.len())
        .filter(|r| dominated.binary_search(r).is_err())
        .collect();
    let core = SetFamily::new(
        reduced.col_rows.len(),
        core_rows.iter().map(|&r| reduced.row(r).to_vec()),
    );
    let within = reduced.rows_within(&core_rows);
    // The covers of the whole chart that a cover of the core stands for, through `emit`
    // (which stops them by returning `false`): each core class replaced by a class it
    // contains (`rows`), then with the essential classes, the rows of each (`chosen`).
    let classes_of = |cover: &[u32], emit: &mut ChoiceSink<'_>| {
        let tops: Vec<usize> = cover.iter().map(|&c| c as usize).collect();
        reduced.replacements(&tops, &core_rows, &within, &mut |rows| {
            let chosen: Vec<&[usize]> = reduced
                .essential
                .iter()
                .copied()
                .chain(rows.iter().map(|&r| reduced.rows[r]))
                .map(|class| members[class].as_slice())
                .collect();
            emit(rows, &chosen)
        });
    };
    // The first model a cover of the core stands for.
    let first_model = |cover: &[u32]| {
        let mut models = Vec::new();
        classes_of(cover, &mut |_, chosen| expand(chosen, &mut models, 1));
        models
    };
    let fixed = reduced.essential.len();
    let minimum = match minimum_size(&core, max_nodes) {
        Ok(minimum) => minimum.expect("every column of the reduced chart has a row"),
        Err(unproven) if best_effort => {
            return Ok(Covers {
                models: first_model(&unproven.best),
                truncated: false,
                lower_bound: Some(fixed + unproven.lower_bound),
            });
        }
        Err(unproven) => {
            return Err(MinimizeError::MinimumNotProven {
                nodes: max_nodes,
                best: fixed + unproven.best.len(),
                lower_bound: fixed + unproven.lower_bound,
            })
        }
    };
    let mut seen: HashSet<Vec<usize>> = HashSet::new();
    let mut models: Vec<Vec<usize>> = Vec::new();
    let mut truncated = false;
    let listed = enumerate(&core, &minimum, max_nodes, &mut |cover| {
        let mut complete = true;
        classes_of(cover, &mut |rows, chosen| {
            let mut key = rows.to_vec();
            key.sort_unstable();
            if !seen.insert(key) {
                return true;
            }
            complete = expand(chosen, &mut models, max_models);
            complete
        });
        truncated |= !complete;
        complete
    });
    if listed.is_err() {
        if models.is_empty() {
            // The proof's own cover is a minimum one.
            models = first_model(&minimum.cover);
        }
        truncated = true;
    }
    sort_models(&mut models);
    Ok(Covers {
        models,
        truncated,
        lower_bound: None,
    })
}

/// The rows grouped by the columns they cover: a chart with one row per distinct set of
/// columns (in order of first occurrence), and each class's rows, ascending.
pub(super) fn row_classes(chart: &PiChart) -> (PiChart, Vec<Vec<usize>>) {
    let mut index: HashMap<&[u64], usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut bits = Vec::new();
    for r in 0..chart.n_rows() {
        let row = chart.row_bits(r);
        let class = *index.entry(row).or_insert_with(|| {
            members.push(Vec::new());
            bits.extend_from_slice(row);
            members.len() - 1
        });
        members[class].push(r);
    }
    (
        PiChart::from_words(chart.n_cols(), chart.words(), bits),
        members,
    )
}

/// Receives the covers of a chart that one cover of its core stands for: the reduced-chart
/// rows chosen, then the chart's rows of every class chosen (essential ones first); returns
/// `false` to stop.
type ChoiceSink<'a> = dyn FnMut(&[usize], &[&[usize]]) -> bool + 'a;

/// Pushes every choice of one row per class onto `models` (an odometer over the classes);
/// `false` if `max_models` was reached first.
fn expand(classes: &[&[usize]], models: &mut Vec<Vec<usize>>, max_models: usize) -> bool {
    let mut pick = vec![0usize; classes.len()];
    loop {
        if models.len() == max_models {
            return false;
        }
        let mut model: Vec<usize> = classes
            .iter()
            .zip(&pick)
            .map(|(rows, &i)| rows[i])
            .collect();
        model.sort_unstable();
        models.push(model);
        let mut d = 0;
        while d < pick.len() {
            pick[d] += 1;
            if pick[d] < classes[d].len() {
                break;
            }
            pick[d] = 0;
            d += 1;
        }
        if d == pick.len() {
            return true;
        }
    }
}
