//! Truth table construction on large fuzzy data (the inputs of PERF.md): k = 10 conditions with
//! uniform memberships rounded to 2 decimals (0.5 replaced by 0.51), outcome
//! max(min(X1, X2), min(X3, 1 - X4), X5 * X6) plus noise, clipped to [0, 1].
//! R QCA 3.25.1 needs 24-32 s for 100,000 cases and fails for 1,000,000. The second group reads
//! the same data from CSV text first (`Dataset::from_reader`), as the command-line tool does.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use fsqca::{Dataset, SortKey, TruthTableOptions};

/// A small deterministic generator (SplitMix64), so the bench needs no extra dependency.
struct SplitMix(u64);

impl SplitMix {
    fn next_f64(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn generate(n: usize, k: usize) -> (Dataset, Vec<String>) {
    let mut rng = SplitMix(42);
    let names: Vec<String> = (1..=k).map(|j| format!("X{j}")).collect();
    let mut columns: Vec<Vec<f64>> = vec![Vec::with_capacity(n); k];
    let mut y = Vec::with_capacity(n);
    for _ in 0..n {
        let mut x = [0.0f64; 16];
        for (j, col) in columns.iter_mut().enumerate() {
            let mut v = (rng.next_f64() * 100.0).round() / 100.0;
            if v == 0.5 {
                v = 0.51;
            }
            x[j] = v;
            col.push(v);
        }
        let rule = x[0].min(x[1]).max(x[2].min(1.0 - x[3])).max(x[4] * x[5]);
        let noise = (rng.next_f64() - 0.5) * 0.2;
        y.push((rule + noise).clamp(0.0, 1.0));
    }
    let mut cols: Vec<(String, Vec<f64>)> = names.iter().cloned().zip(columns).collect();
    cols.push(("Y".into(), y));
    (Dataset::from_columns(cols).expect("valid data"), names)
}

/// The number of rows of the truth table of `Y` on `names`.
fn rows(options: &TruthTableOptions, data: &Dataset, names: &[String]) -> usize {
    options
        .build(data, "Y", names)
        .expect("truth table")
        .rows()
        .len()
}

fn truth_table(c: &mut Criterion) {
    let mut group = c.benchmark_group("truth_table_fuzzy_k10");
    group.sample_size(10);
    let options = TruthTableOptions::default()
        .incl_cutoff(0.8)
        .sort_by([SortKey::Incl, SortKey::N]);
    for n in [100_000usize, 1_000_000] {
        let (data, names) = generate(n, 10);
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| rows(&options, &data, &names));
        });
    }
    group.finish();
}

/// The same data as CSV text (labels `r1`, `r2`, ..., two decimals), as the report's generator
/// writes it.
fn csv_text(data: &Dataset, names: &[String]) -> String {
    let mut columns: Vec<&str> = names.iter().map(String::as_str).collect();
    columns.push("Y");
    let cols: Vec<Vec<f64>> = columns
        .iter()
        .map(|c| data.column(c).expect("column").to_vec())
        .collect();
    let mut text = format!("case,{}\n", columns.join(","));
    for i in 0..data.n_cases() {
        text.push_str(&format!("r{}", i + 1));
        for col in &cols {
            text.push_str(&format!(",{:.2}", col[i]));
        }
        text.push('\n');
    }
    text
}

/// Reading the CSV and building the truth table: what `fsqca truth-table` does before printing.
fn ingest(c: &mut Criterion) {
    let mut group = c.benchmark_group("csv_to_truth_table_fuzzy_k10");
    group.sample_size(10);
    let options = TruthTableOptions::default().incl_cutoff(0.8);
    for n in [100_000usize, 1_000_000] {
        let (data, names) = generate(n, 10);
        let text = csv_text(&data, &names);
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                let data = Dataset::from_reader(text.as_bytes()).expect("CSV");
                rows(&options, &data, &names)
            });
        });
    }
    group.finish();
}

criterion_group!(benches, truth_table, ingest);
criterion_main!(benches);
