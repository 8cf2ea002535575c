//! Text output with columns wider than 65,535 characters (reliability report, D4): since Rust
//! 1.87 a runtime format width above `u16::MAX` panics, so every table pads by hand.

use std::process::Command;

use fsqca::solution::{SolutionOptions, SolutionType};
use fsqca::{Dataset, TruthTableOptions};

const BIN: &str = env!("CARGO_BIN_EXE_fsqca");

/// A condition name longer than any format width allows.
fn long_name() -> String {
    "X".repeat(70_000)
}

fn data_with_long_name() -> Result<Dataset, fsqca::Error> {
    Ok(Dataset::from_columns([
        (long_name().as_str(), vec![0.9, 0.8, 0.1, 0.2]),
        ("B", vec![0.2, 0.7, 0.8, 0.1]),
        ("Y", vec![0.9, 0.9, 0.2, 0.1]),
    ])?)
}

#[test]
fn truth_table_display_with_a_70000_char_condition_name() -> Result<(), fsqca::Error> {
    let data = data_with_long_name()?;
    let name = long_name();
    let tt = TruthTableOptions::default().build(&data, "Y", &[name.as_str(), "B"])?;
    let text = tt.to_string();
    assert!(text.contains(&name));
    Ok(())
}

#[test]
fn solution_display_with_a_70000_char_condition_name() -> Result<(), fsqca::Error> {
    let data = data_with_long_name()?;
    let name = long_name();
    let tt =
        TruthTableOptions::default()
            .incl_cutoff(0.8)
            .build(&data, "Y", &[name.as_str(), "B"])?;
    let solution = SolutionOptions::new(SolutionType::Conservative).solve(&tt)?;
    let text = solution.to_string();
    assert!(text.contains(&name), "{}", &text[..200.min(text.len())]);
    Ok(())
}

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/datasets/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn cli_fit_of_16400_terms_does_not_panic() {
    let expression = vec!["DEV"; 16_400].join("+");
    let out = Command::new(BIN)
        .args([
            "fit",
            &fixture("LF.csv"),
            "--outcome",
            "SURV",
            "--expression",
        ])
        .arg(&expression)
        .output()
        .expect("run fsqca");
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("DEV + DEV + DEV"));
}

#[test]
fn cli_necessity_with_a_70000_char_column_name_does_not_panic() {
    let dir = std::env::temp_dir().join(format!("fsqca-long-names-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("n.csv");
    let csv = format!("case,{},Y\na,0.2,0.3\nb,0.8,0.9\n", long_name());
    std::fs::write(&path, csv).expect("write csv");
    let out = Command::new(BIN)
        .arg("necessity")
        .arg(&path)
        .args(["--outcome", "Y"])
        .output()
        .expect("run fsqca");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("~{}", long_name())));
}
