//! Benchmarks of counterfactual analysis on the crisp data of PERF.md
//! (`../shared/fixtures/perf/crisp_k12.csv`, `crisp_k16.csv`, `crisp_k20.csv`) and on a
//! generated 30-condition data set (the rule and generator of `examples/random_k30`):
//! contradictory simplifying assumptions (`FindRows`, R QCA's findRows type 2: the
//! parsimonious solutions of Y and ~Y), and the parsimonious and intermediate solutions with
//! the exclusions of the Enhanced Standard Analysis (every condition's expectation
//! "present"; the exclusions: `~NEC` for each condition necessary at inclN 0.9, and an
//! untenable combination of three conditions).
//!
//! Contradictory simplifying assumptions pool the assumptions of every minimum model of
//! each side without listing the models (the prime implicants in some minimum model), so they
//! are exact or a typed error, never cut short by a model cap; only the classes of prime
//! implicants whose answer can change the result are decided (`FindRows`): from the minimum
//! covers of the classes no other contains, listed in full where they are few enough, else by
//! tests of the classes left together. Measured with `fsqca find-rows --type csa --pruned`
//! (one run each, a shared 2-core machine): crisp_k12 0.11 s (1,191 rows), crisp_k16 0.52 s
//! (15,653 rows), crisp_k14 19 s (5,302 rows: the list needs more than the default 100,000
//! nodes, and one test rules out the classes left); crisp_k18 and crisp_k20 run out of the
//! default nodes. On these inputs the side of `~Y` is what fails. On crisp_k20 the side of
//! `Y` has 3 prime implicants, all essential, assuming 345,990 remainders; the chart of `~Y`
//! has 158,850 prime implicants in 90,095 classes (37,002 that no other contains), one block
//! of 277 configurations, with a minimum of 14 far above its linear bound (11.98): an
//! NP-hard set cover whose minimum alone takes the HiGHS 1.16 MIP solver 84 s to prove (60 s
//! on crisp_k18), and 90,057 classes meet the remainders `Y` assumes. On random_k30 the side
//! of `~Y` keeps more than 2,000,000 prime implicants: its linear bound, found by the column
//! generation of `useful_prime_implicants`, converges to about 12.9 where the smallest cover
//! known has 17, so no implicant can be ruled out.
//!
//! The truth table: `incl.cut = 0.8`, `n.cut = 1`. Every minimization keeps only the prime
//! implicants that can be in a minimum model (`PrimeMethod::Pruned`: the 30-condition table
//! has more than 2,000,000 prime implicants). ESA on random_k30: parsimonious 0.13 s,
//! intermediate (10 models) 1.6 s; on crisp_k20: 36 ms and 75 ms. The ESA solutions list at most 10 models
//! (`EngineOptions::max_models(10)`): an exclusion breaks the large prime implicants of these
//! rule-generated tables into many equally short ones (on crisp_k20, `X1*X2*X3` alone gives
//! 75 parsimonious models and `X1*X2*X3*X4` more than 10,000), and every pair of models is an
//! intermediate minimization. One timed run per task prints a summary
//! line first; a task slower than `FSQCA_BENCH_BUDGET_SECS` (default 30) or failing is not
//! timed further.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use fsqca::counterfactual::{Esa, FindRows, RowType};
use fsqca::minimize::{EngineOptions, PrimeMethod};
use fsqca::solution::{DirectionalExpectations, SolutionOptions, SolutionType};
use fsqca::{Dataset, Expression, TruthTable, TruthTableOptions};

#[path = "../examples/random_k30/data.rs"]
mod random_k30;

/// The search-node limit of the CSA task on the inputs it cannot decide (crisp_k20 and
/// random_k30): with the default (100,000) the crisp_k20 task spends about 7 minutes
/// before its typed error (the listing of the minimum covers, then the tests, each up to
/// the limit); this limit gives an error (the minimum of `~Y` not proven) in 11 to 16 s.
/// The smaller tables use the default.
const CSA_MAX_NODES_UNDECIDED: u64 = 5_000;

/// A data set: its name, conditions, truth table, and the node limit of its CSA task.
struct Input {
    name: String,
    conditions: Vec<String>,
    tt: TruthTable,
    csa_nodes: u64,
}

fn input(name: &str, data: &Dataset, csa_nodes: u64) -> Input {
    let conditions: Vec<String> = data
        .names()
        .iter()
        .filter(|c| c.starts_with('X'))
        .cloned()
        .collect();
    let tt = TruthTableOptions::default()
        .incl_cutoff(0.8)
        .build(data, "Y", &conditions)
        .expect("truth table");
    Input {
        name: name.to_owned(),
        conditions,
        tt,
        csa_nodes,
    }
}

fn inputs() -> Vec<Input> {
    let mut out = Vec::new();
    let default_nodes = EngineOptions::new().get_max_search_nodes();
    for (name, nodes) in [
        ("crisp_k12", default_nodes),
        ("crisp_k16", default_nodes),
        ("crisp_k20", CSA_MAX_NODES_UNDECIDED),
    ] {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join(format!("../shared/fixtures/perf/{name}.csv"));
        match Dataset::from_path(&path) {
            Ok(data) => out.push(input(name, &data, nodes)),
            Err(e) => eprintln!("{}: {e} (skipped)", path.display()),
        }
    }
    out.push(input(
        "random_k30",
        &random_k30::dataset(600),
        CSA_MAX_NODES_UNDECIDED,
    ));
    out
}

/// The ESA exclusions of an input: `~NEC` for the necessary conditions, and the
/// untenable `X1*X2*X3`.
fn exclusions(input: &Input) -> Vec<Expression> {
    let mut out: Vec<Expression> = Esa::new()
        .exclusions(input.tt.data(), "Y", &input.conditions)
        .expect("ESA")
        .expressions()
        .to_vec();
    out.push("X1*X2*X3".parse().expect("expression"));
    out
}

fn solution_options(input: &Input, solution_type: SolutionType) -> SolutionOptions {
    let expectations: DirectionalExpectations =
        input.conditions.join(", ").parse().expect("expectations");
    SolutionOptions::new(solution_type)
        .directional_expectations(expectations)
        .exclude_expressions(exclusions(input))
        .engine(
            EngineOptions::new()
                .method(PrimeMethod::Pruned)
                .max_models(10),
        )
}

/// One task: its label and a run giving a size to print.
type Task = (&'static str, Box<dyn Fn(&Input) -> Result<u64, String>>);

fn tasks() -> Vec<Task> {
    vec![
        (
            "csa",
            Box::new(|i: &Input| {
                FindRows::new()
                    .engine(
                        EngineOptions::new()
                            .method(PrimeMethod::Pruned)
                            .max_search_nodes(i.csa_nodes),
                    )
                    .row_limit(1000)
                    .find(&i.tt, RowType::Csa)
                    .map(|r| r.count())
                    .map_err(|e| e.to_string())
            }),
        ),
        (
            "esa_parsimonious",
            Box::new(|i: &Input| {
                solution_options(i, SolutionType::Parsimonious)
                    .solve(&i.tt)
                    .map(|s| s.models().len() as u64)
                    .map_err(|e| e.to_string())
            }),
        ),
        (
            "esa_intermediate",
            Box::new(|i: &Input| {
                solution_options(i, SolutionType::Intermediate)
                    .solve(&i.tt)
                    .map(|s| s.models().len() as u64)
                    .map_err(|e| e.to_string())
            }),
        ),
    ]
}

fn bench(c: &mut Criterion) {
    let budget = Duration::from_secs(
        std::env::var("FSQCA_BENCH_BUDGET_SECS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(30),
    );
    let inputs = inputs();
    let tasks = tasks();
    let mut timed = Vec::new();
    eprintln!("input        task              result      time");
    for input in &inputs {
        for (label, run) in &tasks {
            let start = Instant::now();
            let result = run(input);
            let elapsed = start.elapsed();
            eprintln!(
                "{:<12} {:<17} {:<11} {elapsed:?}",
                input.name,
                label,
                match &result {
                    Ok(n) => n.to_string(),
                    Err(e) => format!("error: {e}"),
                }
            );
            if result.is_ok() && elapsed <= budget {
                timed.push((input.name.clone(), *label));
            }
        }
    }
    for (label, run) in &tasks {
        let mut group = c.benchmark_group(format!("counterfactuals_{label}"));
        group.warm_up_time(Duration::from_millis(200));
        group.sample_size(10);
        for input in &inputs {
            if !timed.contains(&(input.name.clone(), *label)) {
                continue;
            }
            group.bench_with_input(
                BenchmarkId::new(&input.name, input.conditions.len()),
                input,
                |b, i| b.iter(|| run(i)),
            );
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
