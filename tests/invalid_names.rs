//! Names the expression grammar cannot write back are refused where they would become
//! conditions or outcomes (reliability report, D10).

use std::process::Command;

use fsqca::{fit, Dataset, Expression, ExpressionError};

const BIN: &str = env!("CARGO_BIN_EXE_fsqca");

#[test]
fn fit_refuses_an_outcome_the_grammar_cannot_write() -> Result<(), Box<dyn std::error::Error>> {
    let data = Dataset::from_columns([
        ("A", vec![0.2, 0.8]),
        ("Y Z", vec![0.3, 0.9]),
        ("A*B", vec![0.3, 0.9]),
    ])?;
    let a: Expression = "A".parse()?;
    for outcome in ["Y Z", "A*B", "~A*B"] {
        let err = fit::sufficiency_of(&a, &data, outcome).unwrap_err();
        assert!(
            matches!(
                err,
                fit::FitError::Expression(ExpressionError::InvalidName { .. })
            ),
            "{outcome}: {err:?}"
        );
        assert!(fit::necessity_of(&a, &data, outcome).is_err());
    }
    Ok(())
}

fn calibrate(name: &str) -> std::process::Output {
    let raw = format!("{}/data/khanal/table2_raw.csv", env!("CARGO_MANIFEST_DIR"));
    Command::new(BIN)
        .args(["calibrate", &raw, "--column", "gdppc"])
        .args(["--thresholds", "6000,12000,20000", "--name", name])
        .output()
        .expect("run fsqca")
}

#[test]
fn cli_calibrate_refuses_a_name_the_grammar_cannot_write() {
    for name in ["A*B", "GDP pc", "~G", "", "G[1]", "a->b"] {
        let out = calibrate(name);
        assert_eq!(out.status.code(), Some(2), "--name {name:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("--name: invalid name"), "{stderr}");
    }
    for name in ["G", "gdp.cal", "G_1"] {
        let out = calibrate(name);
        assert!(out.status.success(), "--name {name:?}");
    }
}
