//! A robustness sweep of 1,000 variants of Khanal et al.'s analysis, all four outcomes
//! (diffusion, intensity, breadth on 30 provinces; the speed attempt on 24): per outcome the
//! 12 anchors of E, U, G, P over ±20% of the rank range in 20 points each, and the inclusion
//! cut-off over 0.75 to 0.95 in 10 points: 4 × (12 × 20 + 10) = 1,000 variants; each sweep's
//! summary, and (the second benchmark) its case-oriented robustness as well.

#[allow(dead_code)]
#[path = "../examples/khanal/report.rs"]
mod report;

use criterion::{criterion_group, criterion_main, Criterion};
use fsqca::robustness::{Analysis, Parameter, ParameterGrid, TestSetReading};

fn analyses() -> Vec<(Analysis, Vec<ParameterGrid>)> {
    let data = report::rank_data().expect("Khanal data");
    let mut analyses: Vec<Analysis> = ["diffusion", "intensity", "breadth"]
        .into_iter()
        .map(|o| report::analysis(data.clone(), o).expect("analysis"))
        .collect();
    analyses.push(report::speed_analysis().expect("speed analysis"));
    analyses
        .into_iter()
        .map(|a| {
            let mut grids = a.threshold_grids(0.2, 20).expect("grids");
            grids.push(ParameterGrid::span(Parameter::InclCut, 0.75, 0.95, 10).expect("grid"));
            (a, grids)
        })
        .collect()
}

fn sweep(c: &mut Criterion) {
    let analyses = analyses();
    let variants: usize = analyses
        .iter()
        .map(|(_, g)| g.iter().map(|g| g.values().len()).sum::<usize>())
        .sum();
    assert_eq!(variants, 1000);
    let mut group = c.benchmark_group("robustness");
    group.sample_size(20);
    group.bench_function("khanal_1000_variants_4_outcomes", |b| {
        b.iter(|| {
            for (a, grids) in &analyses {
                let sweep = a.sweep(grids).expect("sweep");
                std::hint::black_box(sweep.summary());
            }
        })
    });
    group.bench_function("khanal_1000_variants_4_outcomes_with_cases", |b| {
        b.iter(|| {
            for (a, grids) in &analyses {
                let sweep = a.sweep(grids).expect("sweep");
                std::hint::black_box(sweep.summary());
                std::hint::black_box(
                    sweep
                        .case_robustness(TestSetReading::AllTests)
                        .expect("cases"),
                );
            }
        })
    });
    group.finish();
}

criterion_group!(benches, sweep);
criterion_main!(benches);
