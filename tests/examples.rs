//! The examples: their numbers, and that they run.
//!
//! How: the Khanal replication lives in `examples/khanal/report.rs`, which this test includes
//! as a module (`#[path]`), so its numbers are checked directly, in process, against the
//! paper's printed tables, whatever was built before. The example programs themselves are run
//! as processes from `target/<profile>/examples/`, where `cargo test` builds them; when one is
//! missing or older than the sources (`cargo test --test examples` builds no example), the
//! test builds it first with the cargo that runs the tests (`cargo build --example NAME`, with
//! the crate features the tests were built with).

#[allow(dead_code)]
#[path = "../examples/khanal/report.rs"]
mod report;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};
use std::time::SystemTime;

use report::{Cell, CellValue, Report, Status, Verdict, TOL};

fn replication() -> &'static Report {
    static REPORT: OnceLock<Report> = OnceLock::new();
    REPORT.get_or_init(|| report::replicate().expect("the replication runs"))
}

fn table(id: &str) -> &'static report::TableCheck {
    replication()
        .tables
        .iter()
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("no table {id}"))
}

/// The misprints of data/khanal/NOTES.md, written out here independently of the example:
/// (table, row, measure, printed, true value).
const EXPECTED_MISPRINTS: &[(&str, &str, &str, f64, f64)] = &[
    ("A3", "0000", "n", 0.0, 9.0),
    ("A3", "0110", "PRI", 0.886, 0.664),
    ("A3", "0101", "incl", 0.635, 0.653),
    ("A4", "0000", "incl", 0.564, 0.546),
    ("A8", "GDPpc", "covN", 0.722, 0.772),
    ("Table 5", "U*G*~P", "incl", 0.867, 0.877),
    ("Table 5", "U*G*~P", "PRI", 0.806, 0.719),
];

const REPRODUCIBLE: [&str; 9] = [
    "A1", "A3", "A4", "A5", "A7", "A8", "Table 3", "Table 5", "Table 6",
];

fn nums(c: &Cell) -> Option<(f64, f64)> {
    match (&c.ours, &c.printed) {
        (CellValue::Num(a), CellValue::Num(b)) => Some((*a, *b)),
        _ => None,
    }
}

#[test]
fn every_printed_cell_agrees_or_is_a_listed_misprint() {
    let paper: serde_json::Value = serde_json::from_str(report::PAPER_TABLES).expect("json");
    for id in REPRODUCIBLE {
        let t = table(id);
        for c in &t.cells {
            let listed = EXPECTED_MISPRINTS
                .iter()
                .find(|m| m.0 == id && m.1 == c.row && m.2 == c.measure);
            match listed {
                None => {
                    assert_eq!(c.status, Status::Agrees, "{id} {} {}", c.row, c.measure);
                    match nums(c) {
                        Some((ours, printed)) => assert!(
                            (ours - printed).abs() <= TOL,
                            "{id} {} {}: ours {ours}, printed {printed}",
                            c.row,
                            c.measure
                        ),
                        None => assert_eq!(c.ours, c.printed, "{id} {} {}", c.row, c.measure),
                    }
                }
                Some(&(_, _, _, printed, true_value)) => {
                    let (ours, p) = nums(c).expect("a misprint is a number");
                    assert_eq!(c.status, Status::Misprint, "{id} {} {}", c.row, c.measure);
                    assert_eq!(p, printed, "{id} {} {}: printed value", c.row, c.measure);
                    assert!(
                        (ours - true_value).abs() <= TOL,
                        "{id} {} {}: true value",
                        c.row,
                        c.measure
                    );
                    assert!(
                        (ours - printed).abs() > TOL,
                        "{id} {} {}: still differs",
                        c.row,
                        c.measure
                    );
                }
            }
        }
    }
    // Every listed misprint was met, and nothing else is one.
    let met: Vec<(String, String, String)> = REPRODUCIBLE
        .iter()
        .flat_map(|id| {
            table(id)
                .cells
                .iter()
                .filter(|c| c.status == Status::Misprint)
                .map(move |c| (id.to_string(), c.row.clone(), c.measure.clone()))
        })
        .collect();
    let expected: Vec<(String, String, String)> = EXPECTED_MISPRINTS
        .iter()
        .map(|m| (m.0.to_owned(), m.1.to_owned(), m.2.to_owned()))
        .collect();
    assert_eq!(
        met.iter().collect::<BTreeSet<_>>(),
        expected.iter().collect::<BTreeSet<_>>()
    );

    // No printed value is skipped: 5 cells (OUT, n, incl, PRI, cases) per printed truth-table
    // row, 3 per necessity row, and for the paths the whole solution plus 3 per path.
    for (id, key) in [("A1", "A1"), ("A3", "A3"), ("A4", "A4")] {
        let rows = paper["truth_tables"][key]["rows"]
            .as_array()
            .expect("rows")
            .len();
        assert_eq!(table(id).cells.len(), 5 * rows, "{id}");
    }
    for id in ["A5", "A7", "A8"] {
        assert_eq!(table(id).cells.len(), 3 * 8, "{id}");
    }
    for (id, key) in [
        ("Table 3", "table3_diffusion"),
        ("Table 5", "table5_intensity"),
        ("Table 6", "table6_breadth"),
    ] {
        let paths = paper["solutions"][key].as_array().expect("paths").len();
        assert_eq!(table(id).cells.len(), 1 + 3 * paths, "{id}");
    }
}

#[test]
fn verdicts() {
    for id in ["A1", "A5", "A7", "Table 3", "Table 6"] {
        assert_eq!(table(id).verdict, Verdict::Reproduced, "{id}");
    }
    for (id, n) in [("A3", 3), ("A4", 1), ("A8", 1), ("Table 5", 2)] {
        match &table(id).verdict {
            Verdict::ReproducedExceptMisprints { misprints } => {
                assert_eq!(misprints.len(), n, "{id}: {misprints:?}")
            }
            other => panic!("{id}: {other:?}"),
        }
    }
    for id in ["A2", "A6", "Table 4"] {
        match &table(id).verdict {
            Verdict::NotReproducible {
                reason,
                disagreeing_cells,
            } => {
                assert!(reason.contains("not describe"), "{id}: {reason}");
                assert!(
                    reason.contains("Shaanxi (rank 3) coded out"),
                    "{id}: {reason}"
                );
                assert!(*disagreeing_cells > 0, "{id}");
            }
            other => panic!("{id}: {other:?}"),
        }
    }
    // The verdict's text names each misprint, printed vs true.
    let text = table("A3").verdict.to_string();
    assert!(
        text.contains("0110 PRI printed 0.886, true 0.664"),
        "{text}"
    );
    let text = table("Table 5").verdict.to_string();
    assert!(
        text.contains("U*G*~P incl printed 0.867, true 0.877"),
        "{text}"
    );
    assert!(
        text.contains("U*G*~P PRI printed 0.806, true 0.719"),
        "{text}"
    );
}

#[test]
fn verdict_is_computed_not_fixed() {
    // An unlisted disagreement turns a table's verdict into "not reproduced".
    let mut cells = table("A1").cells.clone();
    cells[2].status = Status::Disagrees;
    assert!(matches!(
        report::verdict("A1", &cells, None),
        Verdict::NotReproduced { .. }
    ));
}

fn terms(models: &[String]) -> Vec<BTreeSet<String>> {
    models
        .iter()
        .map(|m| m.split(" + ").map(str::to_owned).collect())
        .collect()
}

fn set(paths: &[&str]) -> BTreeSet<String> {
    paths.iter().map(|p| (*p).to_owned()).collect()
}

#[test]
fn conservative_solutions_are_the_printed_paths() {
    let r = replication();
    let expected = [
        ("diffusion", vec!["U", "E*P"]),
        ("intensity", vec!["E*~U*G*P", "U*G*~P"]),
        ("breadth", vec!["E*~U*G*P", "~E*U*G*P"]),
    ];
    let printed_cases: &[(&str, &[&str])] = &[
        (
            "U",
            &[
                "Jilin",
                "Heilongjiang",
                "Tianjin",
                "Shaanxi",
                "Hunan",
                "Sichuan",
                "Liaoning",
                "Hubei",
                "Beijing",
                "Chongqing",
                "Guangdong",
                "Jiangsu",
                "Shanghai",
                "Zhejiang",
            ],
        ),
        (
            "E*P",
            &[
                "Guizhou",
                "Anhui",
                "Fujian",
                "Shandong",
                "Liaoning",
                "Beijing",
                "Chongqing",
                "Guangdong",
                "Jiangsu",
                "Shanghai",
                "Zhejiang",
            ],
        ),
        ("E*~U*G*P", &["Fujian", "Anhui", "Shandong"]),
        ("U*G*~P", &["Tianjin", "Hubei"]),
        ("~E*U*G*P", &["Shaanxi"]),
    ];
    for (outcome, paths) in expected {
        let s = r
            .solutions
            .iter()
            .find(|s| s.outcome == outcome)
            .expect(outcome);
        assert_eq!(terms(&s.conservative), vec![set(&paths)], "{outcome}");
        for p in &s.conservative_paths {
            let (_, cases) = printed_cases
                .iter()
                .find(|(path, _)| p.expression().to_string() == *path)
                .unwrap_or_else(|| panic!("{outcome}: unexpected path {}", p.expression()));
            assert_eq!(
                p.cases()
                    .iter()
                    .map(String::as_str)
                    .collect::<BTreeSet<_>>(),
                cases.iter().copied().collect::<BTreeSet<_>>(),
                "{outcome} {}",
                p.expression()
            );
        }
        // With every condition expected present, the intermediate solution is the conservative
        // one; the parsimonious one is shorter.
        for m in terms(&s.intermediate) {
            assert_eq!(m, set(&paths), "{outcome}: intermediate");
        }
        for m in &s.parsimonious {
            assert!(
                m.len() < s.conservative[0].len(),
                "{outcome}: parsimonious {m}"
            );
        }
    }
    // Table 5's second path, with its true fit.
    let s = r
        .solutions
        .iter()
        .find(|s| s.outcome == "intensity")
        .expect("intensity");
    let p = s
        .conservative_paths
        .iter()
        .find(|p| p.expression().to_string() == "U*G*~P")
        .expect("U*G*~P");
    assert!((p.incl().expect("incl") - 0.877).abs() <= TOL);
    assert!((p.pri().expect("pri") - 0.719).abs() <= TOL);
}

#[test]
fn stated_calibration_changes_the_paths() {
    let r = replication();
    let get = |o: &str| {
        r.calibration_contrast
            .iter()
            .find(|c| c.outcome == o)
            .expect(o)
    };
    let d = get("diffusion");
    assert_eq!(d.survive, ["E*P"]);
    assert_eq!(d.vanish, ["U"]);
    assert_eq!(
        set(&d.appear.iter().map(String::as_str).collect::<Vec<_>>()),
        set(&["U*G", "U*~P"])
    );
    let i = get("intensity");
    assert_eq!(i.vanish.len() + i.appear.len(), 0);
    let b = get("breadth");
    assert!(b.survive.is_empty());
    assert_eq!(
        set(&b.appear.iter().map(String::as_str).collect::<Vec<_>>()),
        set(&["E*G*P", "U*G*P"])
    );
}

#[test]
fn speed_only_table4_path_follows_from_a2() {
    let sp = &replication().speed;
    assert_eq!(sp.from_printed_a2, "E*~U*P");
    assert_eq!(sp.table4_printed, "E*~U*P");
    let misplaced: Vec<&str> = sp.misplaced.iter().map(|m| m.province.as_str()).collect();
    assert_eq!(misplaced, ["Shaanxi", "Liaoning", "Hunan"]);
}

// ---------------------------------------------------------------------------------------------
// Running the example programs

/// `target/<profile>`, from this test binary's path `target/<profile>/deps/examples-<hash>`.
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    exe.parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>")
        .to_path_buf()
}

/// The newest modification time of the files under `dir`.
fn newest(dir: &Path) -> Option<SystemTime> {
    let mut latest = None;
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        let time = if path.is_dir() {
            newest(&path)
        } else {
            entry.metadata().and_then(|m| m.modified()).ok()
        };
        latest = latest.max(time);
    }
    latest
}

/// The example binary, built by `cargo test`; built here when missing or older than the
/// sources (`cargo test --test examples` builds no example).
fn example(name: &str) -> PathBuf {
    static BUILD: Mutex<()> = Mutex::new(());
    let _one_build_at_a_time = BUILD.lock().unwrap_or_else(|e| e.into_inner());
    let dir = profile_dir();
    let bin = dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources = ["src", "examples", "data"]
        .iter()
        .filter_map(|d| newest(&root.join(d)))
        .max();
    let built = std::fs::metadata(&bin).and_then(|m| m.modified()).ok();
    if built.is_none() || built < sources {
        let mut cargo = Command::new(env!("CARGO"));
        cargo
            .args(["build", "--quiet", "--example", name])
            .args(["--no-default-features", "--features", &features().join(",")])
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        if dir.file_name().is_some_and(|d| d == "release") {
            cargo.arg("--release");
        }
        let status = cargo.status().expect("cargo runs");
        assert!(status.success(), "cargo build --example {name}");
    }
    bin
}

/// The crate features these tests were built with, for building an example the same way.
fn features() -> Vec<&'static str> {
    [
        ("cli", cfg!(feature = "cli")),
        ("plot", cfg!(feature = "plot")),
        ("parallel", cfg!(feature = "parallel")),
        ("serde", cfg!(feature = "serde")),
    ]
    .into_iter()
    .filter_map(|(name, on)| on.then_some(name))
    .collect()
}

fn run(name: &str, args: &[&str]) -> std::process::Output {
    let started = std::time::Instant::now();
    let out = Command::new(example(name))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    eprintln!("{name} {args:?}: {:?}", started.elapsed());
    out
}

fn stdout_of(name: &str, args: &[&str]) -> String {
    let out = run(name, args);
    assert!(
        out.status.success(),
        "{name} {args:?} exited with {}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn khanal_example_runs_and_reports_the_verdicts() {
    let text = stdout_of("khanal", &[]);
    for t in &replication().tables {
        let heading = format!("{} {}: {}", t.id, t.title, t.verdict);
        assert!(text.contains(&heading), "not printed: {heading}");
    }
    assert!(text.contains("conservative  U + E*P"), "{text}");
    assert!(
        text.contains("gives E*~U*P ; Table 4 prints E*~U*P (same)"),
        "{text}"
    );
}

#[test]
fn khanal_robustness_section_names_each_paths_robustness() {
    let r = replication();
    assert_eq!(r.robustness.len(), 3);
    for (rob, baseline) in
        r.robustness
            .iter()
            .zip(["U + E*P", "U*G*~P + E*~U*G*P", "~E*U*G*P + E*~U*G*P"])
    {
        // The sweep's baseline is the paper's printed conservative solution.
        assert_eq!(
            rob.summary.baseline,
            [baseline.parse::<fsqca::Expression>().unwrap()],
            "{}",
            rob.outcome
        );
        // One sensitivity range per anchor of E, U, G, P and one for the inclusion cut-off.
        assert_eq!(rob.summary.ranges.len(), 13);
        for range in &rob.summary.ranges {
            assert!(range.low <= range.baseline && range.baseline <= range.high);
        }
        assert_eq!(rob.paths.len(), baseline.split(" + ").count());
        // Beside the grids, the chosen test set of four plausible alternatives.
        assert_eq!(rob.chosen.baseline, rob.summary.baseline);
        assert!(matches!(
            rob.summary.test_set,
            fsqca::robustness::TestSetUsed::Grids { ref grids } if grids.len() == 13
        ));
        let fsqca::robustness::TestSetUsed::Chosen { name, alternatives } = &rob.chosen.test_set
        else {
            panic!("{:?}", rob.chosen.test_set)
        };
        assert_eq!(name, "plausible alternatives");
        assert_eq!(
            alternatives,
            &[
                "stated thresholds 27, 12.5, 3",
                "incl_cut 0.80",
                "incl_cut 0.90",
                "n_cut 2"
            ]
        );
        assert_eq!(rob.chosen.variants, 4);
    }
    let text = stdout_of("khanal", &[]);
    assert!(text.contains("ROBUSTNESS"), "{text}");
    assert!(
        text.contains(
            "    test set: chosen test set `plausible alternatives`: stated thresholds 27, 12.5, 3, \
             incl_cut 0.80, incl_cut 0.90, n_cut 2\n      1 of 4 alternatives keep this solution"
        ),
        "{text}"
    );
    assert!(
        text.contains("solution unchanged for E.crossover (baseline 14.5)"),
        "{text}"
    );
    for rob in &r.robustness {
        for p in &rob.paths {
            let verdict = if p.in_core {
                format!("path {} is robust", p.path)
            } else {
                format!("path {} is not robust", p.path)
            };
            assert!(text.contains(&verdict), "not printed: {verdict}");
        }
        // The case-oriented robustness in plain words, from the sweep's case types.
        let n = |t: fsqca::robustness::CaseType| rob.cases.group(t).count;
        use fsqca::robustness::CaseType::{PossibleTypical, RobustTypical, ShakyTypical};
        let words = format!(
            "cases: of the {} typical cases (in the paths and with the outcome), {} are robust (in every variant's solution) and {} shaky (out of some variant's); {} more cases with the outcome are possible",
            n(RobustTypical) + n(ShakyTypical),
            n(RobustTypical),
            n(ShakyTypical),
            n(PossibleTypical)
        );
        assert!(text.contains(&words), "not printed: {words}");
        assert!(text.contains(&format!("RCC rank {} of 4", rob.cases.rcc_rank.number())));
        for name in &rob.summary.no_solution {
            assert!(
                text.contains(name.as_str()),
                "no-solution variant {name} not named"
            );
        }
    }
    // Section 5 of the methods notes: the diffusion core's own fit (rob.corefit) is 0.973 /
    // 0.277, and intensity has 2 variants without a solution.
    let diffusion = &r.robustness[0].cases.robust_core_fit;
    assert_eq!(fsqca::number::metric(diffusion.incl), "0.973");
    assert_eq!(fsqca::number::metric(diffusion.cov), "0.277");
    assert_eq!(r.robustness[1].summary.no_solution.len(), 2);
}

/// The contradictory simplifying assumptions the example reports are, for each outcome, the
/// remainders that some parsimonious model of the outcome and some of its negation both
/// assume (computed here by intersecting the models' simplifying assumptions, not through
/// `FindRows`), and each path named covers its row.
#[test]
fn khanal_contradictory_assumptions_are_those_of_the_models() {
    use fsqca::minimize::MinimizeError;
    use fsqca::solution::{SolutionError, SolutionOptions, SolutionType};
    use fsqca::TruthTableOptions;

    let r = replication();
    let data = report::khanal_data(report::IMPLIED).expect("data");
    let text = stdout_of("khanal", &[]);
    let parsimonious = SolutionOptions::new(SolutionType::Parsimonious);
    for sol in &r.solutions {
        let build = |outcome: &str| {
            TruthTableOptions::default()
                .incl_cutoff(report::INCL_CUTOFF)
                .build(&data, outcome, &report::CONDITIONS)
                .expect("truth table")
        };
        let y = parsimonious.solve(&build(&sol.outcome)).expect("solution");
        // A negation without positive rows has no solution, so no simplifying assumption.
        let not_y = match parsimonious.solve(&build(&format!("~{}", sol.outcome))) {
            Ok(s) => s.models().to_vec(),
            Err(SolutionError::Minimize(MinimizeError::NoPositiveRows)) => Vec::new(),
            Err(e) => panic!("solution of the negation: {e}"),
        };
        let mut expected = BTreeSet::new();
        for a in y.models() {
            for b in &not_y {
                let both = a
                    .simplifying_assumptions()
                    .intersection(&b.simplifying_assumptions())
                    .expect("same conditions");
                expected.extend(both.rows());
            }
        }
        let reported: BTreeSet<u64> = sol
            .contradictory_assumptions
            .iter()
            .map(|c| c.row)
            .collect();
        assert_eq!(reported, expected, "{}", sol.outcome);
        for c in &sol.contradictory_assumptions {
            // Every model whose simplifying assumptions hold the row is named, through a path.
            let config: Vec<u8> = c
                .configuration
                .split('*')
                .map(|l| u8::from(!l.starts_with('~')))
                .collect();
            for (m, model) in y.models().iter().enumerate() {
                let named = c
                    .paths
                    .iter()
                    .any(|p| p.starts_with(&format!("M{}: ", m + 1)));
                assert_eq!(
                    named,
                    model.simplifying_assumptions().contains(&config),
                    "{} row {}",
                    sol.outcome,
                    c.row
                );
            }
            let line = format!(
                "row {:<3} {:<12} parsimonious paths",
                c.row, c.configuration
            );
            assert!(text.contains(&line), "not printed: {line}");
        }
    }
    // What the crate documentation (src/lib.rs, "Counterfactuals and the Enhanced Standard
    // Analysis") states: none for diffusion and breadth; for intensity rows 4 and 11, each
    // under one parsimonious model.
    // (row, configuration, the one path resting on it)
    type Stated<'a> = &'a [(u64, &'a str, &'a str)];
    let stated: [(&str, Stated); 3] = [
        ("diffusion", &[]),
        (
            "intensity",
            &[
                (4, "~E*~U*G*P", "M2: ~U*G*P"),
                (11, "E*~U*G*~P", "M1: E*~U*G"),
            ],
        ),
        ("breadth", &[]),
    ];
    for (sol, (outcome, rows)) in r.solutions.iter().zip(stated) {
        assert_eq!(sol.outcome, outcome);
        let got: Vec<(u64, &str, Vec<&str>)> = sol
            .contradictory_assumptions
            .iter()
            .map(|c| {
                let paths = c.paths.iter().map(String::as_str).collect();
                (c.row, c.configuration.as_str(), paths)
            })
            .collect();
        let want: Vec<(u64, &str, Vec<&str>)> = rows
            .iter()
            .map(|&(row, config, path)| (row, config, vec![path]))
            .collect();
        assert_eq!(got, want, "{outcome}");
    }
    let intensity = &r.solutions[1];
    assert_eq!(
        intensity.parsimonious,
        ["E*~U*G + U*G*~P", "~U*G*P + U*G*~P"]
    );
}

#[test]
fn khanal_example_writes_json() {
    let json = stdout_of("khanal", &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let tables = v["tables"].as_array().expect("tables");
    assert_eq!(tables.len(), replication().tables.len());
    let a1 = tables.iter().find(|t| t["id"] == "A1").expect("A1");
    assert_eq!(a1["verdict"]["verdict"], "reproduced");
    let a3 = tables.iter().find(|t| t["id"] == "A3").expect("A3");
    assert_eq!(a3["verdict"]["verdict"], "reproduced_except_misprints");
    assert_eq!(v["speed"]["from_printed_a2"], "E*~U*P");
}

#[test]
fn khanal_example_rejects_unknown_arguments() {
    let out = run("khanal", &["--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn small_examples_run() {
    let calibrate = stdout_of("calibrate", &[]);
    assert!(
        calibrate.contains("largest difference from Appendix A"),
        "{calibrate}"
    );
    let tt = stdout_of("truth_table", &[]);
    assert!(tt.contains("BE,CZ,NL,UK"), "{tt}");
    let min = stdout_of("minimize", &[]);
    assert!(min.contains("== Intermediate =="), "{min}");
}
