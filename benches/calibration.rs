//! Calibrating 1,000,000 values: direct (logistic, linear, ecdf), crisp and ranks.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use fsqca::calibration::{rank, Crisp, Curve, DirectOptions, RankOrder, Thresholds, Ties};
use ndarray::Array1;

const N: usize = 1_000_000;

/// Deterministic values spread over 140..210 (a linear congruential sequence, no dependency).
fn values() -> Array1<f64> {
    let mut state: u64 = 12345;
    Array1::from_iter((0..N).map(|_| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        140.0 + 70.0 * ((state >> 11) as f64 / (1u64 << 53) as f64)
    }))
}

fn calibration(c: &mut Criterion) {
    let x = values();
    let th = Thresholds::new(165.0, 175.0, 185.0).expect("valid thresholds");
    let mut group = c.benchmark_group("calibrate_1e6");
    group.throughput(Throughput::Elements(N as u64));
    group.sample_size(10);
    for (name, curve) in [
        ("logistic", Curve::Logistic),
        ("linear", Curve::Linear),
        ("ecdf", Curve::Ecdf),
    ] {
        let options = DirectOptions::new().curve(curve);
        group.bench_function(name, |b| {
            b.iter(|| options.calibrate(black_box(&x), th).expect("calibrates"))
        });
    }
    let crisp = Crisp::new([170.0, 180.0]).expect("valid thresholds");
    group.bench_function("crisp", |b| {
        b.iter(|| crisp.calibrate(black_box(&x)).expect("calibrates"))
    });
    group.bench_function("rank_average", |b| {
        b.iter(|| rank(black_box(&x), RankOrder::HighestFirst, Ties::Average).expect("ranks"))
    });
    group.finish();
}

criterion_group!(benches, calibration);
criterion_main!(benches);
