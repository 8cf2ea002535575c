//! Benchmarks of the exact minimization engine on the crisp data sets of PERF.md
//! (`../shared/fixtures/perf/crisp_kK.csv`, `crisp_noisy_kK.csv`, K = 8..24) and on a
//! generated 30-condition table; and of the intermediate solution on the same data, with
//! every expectation "present" (its counterfactuals are held as cubes, never listed).
//!
//! Each data set is grouped by configuration; a configuration is positive when the share of
//! its cases with Y = 1 is at least 0.8 (R QCA's `incl.cut = 0.8` on crisp data), forbidden
//! otherwise; unobserved configurations are remainders. Conservative and parsimonious
//! solutions are solved with all minimal models (up to the default cap of 10,000); the
//! parsimonious one twice: listing every prime implicant as R QCA does
//! ([`PrimeMethod::Fast`]) and keeping only those that can be in a minimum model
//! ([`PrimeMethod::Pruned`]).
//!
//! Before the criterion groups, one timed run per problem prints a summary line (observed /
//! positive configurations, prime implicants, models, time); problems that stop on a limit
//! (prime implicants, search nodes) are reported there and not timed further.
//! `FSQCA_BENCH_MAX_K` limits K (default 24); `FSQCA_BENCH_MAX_NODES` the cover search
//! (default 20,000 nodes, so that a problem beyond reach stops in about a minute).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use fsqca::minimize::{EngineOptions, MinimizationProblem, PrimeMethod, Remainders};
use fsqca::solution::{SolutionOptions, SolutionType};
use fsqca::{Dataset, TruthTableOptions};

#[path = "../examples/random_k30/data.rs"]
mod random_k30;

struct Table {
    name: String,
    k: usize,
    observed: usize,
    positive: Vec<Vec<u8>>,
    forbidden: Vec<Vec<u8>>,
}

fn table_from_rows(name: String, k: usize, rows: &[(Vec<u8>, u8)]) -> Table {
    let mut groups: BTreeMap<Vec<u8>, (usize, usize)> = BTreeMap::new();
    for (config, y) in rows {
        let g = groups.entry(config.clone()).or_insert((0, 0));
        g.0 += 1;
        g.1 += usize::from(*y);
    }
    let mut positive = Vec::new();
    let mut forbidden = Vec::new();
    for (config, (n, ones)) in &groups {
        if *ones as f64 / *n as f64 + 1.49e-8 > 0.8 {
            positive.push(config.clone());
        } else {
            forbidden.push(config.clone());
        }
    }
    Table {
        name,
        k,
        observed: groups.len(),
        positive,
        forbidden,
    }
}

/// Cases: the conditions and the outcome of each.
type Cases = Vec<(Vec<u8>, u8)>;

/// The cases of a perf data set.
fn read_rows(file: &str) -> Option<Cases> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/perf")
        .join(file);
    let text = std::fs::read_to_string(&path).ok()?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines
        .next()?
        .split(',')
        .map(|h| h.trim_matches('"'))
        .collect();
    let y = header.iter().position(|h| *h == "Y")?;
    let xs: Vec<usize> = (0..header.len())
        .filter(|&i| header[i].starts_with('X'))
        .collect();
    Some(
        lines
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: Vec<u8> = l.split(',').map(|x| x.trim().parse().unwrap()).collect();
                (xs.iter().map(|&i| v[i]).collect(), v[y])
            })
            .collect(),
    )
}

fn read_perf(file: &str) -> Option<Table> {
    let rows = read_rows(file)?;
    let k = rows.first()?.0.len();
    Some(table_from_rows(
        file.trim_end_matches(".csv").to_string(),
        k,
        &rows,
    ))
}

/// The 30-condition table of the README (`examples/random_k30`).
fn random_k30(n: usize) -> Table {
    table_from_rows("random_k30".to_string(), 30, &random_k30::rows(n))
}

fn problem(t: &Table, remainders: Remainders) -> MinimizationProblem {
    MinimizationProblem::new(
        vec![2; t.k],
        t.positive.clone(),
        t.forbidden.clone(),
        remainders,
    )
    .expect("valid problem")
}

fn tables() -> Vec<Table> {
    let max_k: usize = std::env::var("FSQCA_BENCH_MAX_K")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24);
    let mut out = Vec::new();
    for k in (8..=max_k.min(24)).step_by(2) {
        out.extend(read_perf(&format!("crisp_k{k}.csv")));
        out.extend(read_perf(&format!("crisp_noisy_k{k}.csv")));
    }
    out.push(random_k30(600));
    out
}

fn solutions() -> [(&'static str, Remainders, PrimeMethod); 3] {
    [
        ("conservative", Remainders::None, PrimeMethod::Fast),
        ("parsimonious", Remainders::All, PrimeMethod::Fast),
        ("parsimonious_pruned", Remainders::All, PrimeMethod::Pruned),
    ]
}

fn options(method: PrimeMethod) -> EngineOptions {
    let nodes = std::env::var("FSQCA_BENCH_MAX_NODES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    EngineOptions::default()
        .method(method)
        .max_search_nodes(nodes)
        .max_prime_implicants(5_000_000)
}

/// Prints one timed run per problem; returns the (table, solution) pairs that solved.
fn summary(tables: &[Table]) -> Vec<(String, &'static str)> {
    let mut solved = Vec::new();
    eprintln!(
        "problem            solution      observed/positive     PIs  models  truncated  time"
    );
    for t in tables {
        for (label, remainders, method) in solutions() {
            let p = problem(t, remainders);
            let start = Instant::now();
            let result = p.solve(&options(method));
            let elapsed = start.elapsed();
            if result.is_ok() {
                solved.push((t.name.clone(), label));
            }
            match result {
                Ok(s) => eprintln!(
                    "{:<18} {:<13} {:>4}/{:<4}       {:>9} {:>7}  {:<9}  {:?}",
                    t.name,
                    label,
                    t.observed,
                    t.positive.len(),
                    s.prime_implicants().len(),
                    s.models().len(),
                    s.is_truncated(),
                    elapsed
                ),
                Err(e) => eprintln!(
                    "{:<18} {:<13} error: {e} after {:?}",
                    t.name, label, elapsed
                ),
            }
        }
    }
    solved
}

fn bench(c: &mut Criterion) {
    let tables = tables();
    let solved = summary(&tables);
    for (label, remainders, method) in solutions() {
        let options = options(method);
        let mut group = c.benchmark_group(format!("minimize_{label}"));
        group.warm_up_time(Duration::from_millis(200));
        group.sample_size(10); // some problems take seconds
        for t in &tables {
            if !solved.contains(&(t.name.clone(), label)) {
                continue; // a limit was reached: nothing to time
            }
            let p = problem(t, remainders.clone());
            group.bench_with_input(BenchmarkId::new(&t.name, t.k), &p, |b, p| {
                b.iter(|| p.solve(&options).map(|s| s.models().len()))
            });
        }
        group.finish();
    }
}

/// The cases as a data set: columns `X1`..`XK` and `Y`.
fn dataset_of(rows: &Cases) -> Dataset {
    let k = rows[0].0.len();
    let mut columns: Vec<(String, Vec<f64>)> = (0..k)
        .map(|j| {
            let values = rows.iter().map(|r| f64::from(r.0[j])).collect();
            (format!("X{}", j + 1), values)
        })
        .collect();
    columns.push(("Y".into(), rows.iter().map(|r| f64::from(r.1)).collect()));
    Dataset::from_columns(columns).expect("data")
}

/// The intermediate solution from the data, through the truth table (`incl.cut = 0.8`), with
/// every condition's expectation "present": K = 20 and the 30-condition table, and the
/// other perf tables up to `FSQCA_BENCH_MAX_K`. A summary line per table first (models,
/// easy and difficult counterfactuals, time). The model cap is the library's default
/// (10,000; `FSQCA_BENCH_MAX_MODELS` sets another): it bounds the whole intermediate
/// solution, so random_k30, whose one pair has more minimal models than that, is timed for
/// its first 10,000. A table whose summary run takes more than `FSQCA_BENCH_BUDGET_SECS`
/// (default 30) is not timed further.
fn bench_intermediate(c: &mut Criterion) {
    let max_k: usize = std::env::var("FSQCA_BENCH_MAX_K")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24);
    let mut engine = EngineOptions::default();
    if let Some(cap) = std::env::var("FSQCA_BENCH_MAX_MODELS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        engine = engine.max_models(cap);
    }
    let mut inputs: Vec<(String, Dataset)> = Vec::new();
    for k in (8..=max_k.min(24)).step_by(2) {
        for name in [format!("crisp_k{k}"), format!("crisp_noisy_k{k}")] {
            if let Some(rows) = read_rows(&format!("{name}.csv")) {
                inputs.push((name, dataset_of(&rows)));
            }
        }
    }
    inputs.push(("random_k30".to_string(), random_k30::dataset(600)));
    let budget = Duration::from_secs(
        std::env::var("FSQCA_BENCH_BUDGET_SECS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(30),
    );
    let mut group = c.benchmark_group("intermediate_all_present");
    group.warm_up_time(Duration::from_millis(200));
    group.sample_size(10);
    eprintln!("problem            models  easy (count/cubes)   difficult (count/cubes)  time");
    for (name, data) in &inputs {
        let names: Vec<&str> = data
            .names()
            .iter()
            .map(String::as_str)
            .filter(|n| *n != "Y")
            .collect();
        let k = names.len();
        let tt = TruthTableOptions::default()
            .incl_cutoffs(0.8, 0.8)
            .build(data, "Y", &names)
            .expect("truth table");
        let options = SolutionOptions::new(SolutionType::Intermediate)
            .directional_expectations(names.join(",").parse().expect("expectations"))
            .engine(engine.clone());
        let start = Instant::now();
        let result = options.solve(&tt);
        let elapsed = start.elapsed();
        let solution = match result {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{name:<18} error: {e} after {elapsed:?}");
                continue;
            }
        };
        let first = &solution.models()[0];
        let (easy, difficult) = (
            first.easy_counterfactuals(),
            first.difficult_counterfactuals(),
        );
        eprintln!(
            "{name:<18} {:>6}  {:>10}/{:<8}  {:>12}/{:<8}  {elapsed:?}",
            solution.models().len(),
            easy.count(),
            easy.cube_set().cubes().len(),
            difficult.count(),
            difficult.cube_set().cubes().len(),
        );
        if elapsed > budget {
            continue;
        }
        group.bench_with_input(BenchmarkId::new(name.as_str(), k), &tt, |b, tt| {
            b.iter(|| options.solve(tt).map(|s| s.models().len()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench, bench_intermediate);
criterion_main!(benches);
