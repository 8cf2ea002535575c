//! Truth tables against R QCA's `truthTable()` (R 4.2.2, QCA 3.25.1) on every reference data set,
//! for the outcome and its negation, with the cut-offs recorded in each fixture.
//!
//! One difference is by design: where a case has a membership of exactly 0.5 (d.napoleon), R
//! QCA lists the configurations touched only by such cases with n = 0 among the observed rows.
//! They have no case, so here they are remainders (absent from the observed table, `?` with
//! undefined inclusion in the complete one), and the 0.5 cases are reported by
//! `TruthTable::half_membership_cases`.

mod common;

use common::{load_data, load_json, num, options_of, outcome_of, strings, truth_tables, FIT_TOL};
use fsqca::{OutputValue, Row, TruthTable};
use serde_json::Value;

fn close(ours: Option<f64>, theirs: Option<f64>) -> bool {
    match (ours, theirs) {
        (Some(a), Some(b)) => (a - b).abs() <= FIT_TOL,
        (None, None) => true,
        _ => false,
    }
}

fn check_row(what: &str, ours: &Row, theirs: &Value, conditions: &[String]) {
    let id = theirs["id"].as_u64().expect("id");
    assert_eq!(ours.id(), id, "{what}: row order");
    let values: Vec<u8> = conditions
        .iter()
        .map(|c| theirs[c.as_str()].as_u64().expect("value") as u8)
        .collect();
    assert_eq!(ours.values(), values, "{what} row {id}: configuration");
    assert_eq!(
        ours.out().symbol(),
        theirs["OUT"].as_str().expect("OUT"),
        "{what} row {id}: OUT"
    );
    assert_eq!(
        ours.n() as u64,
        theirs["n"].as_u64().expect("n"),
        "{what} row {id}: n"
    );
    assert!(
        close(ours.incl(), num(&theirs["incl"])),
        "{what} row {id}: incl {:?} vs R {:?}",
        ours.incl(),
        theirs["incl"]
    );
    assert!(
        close(ours.pri(), num(&theirs["PRI"])),
        "{what} row {id}: PRI {:?} vs R {:?}",
        ours.pri(),
        theirs["PRI"]
    );
    let cases: Vec<String> = theirs["cases"]
        .as_str()
        .unwrap_or("")
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    assert_eq!(ours.cases(), cases, "{what} row {id}: cases");
}

fn check_table(name: &str, label: &str, tt_json: &Value) -> (usize, usize) {
    let data = load_data(name);
    let conditions = strings(&tt_json["conditions"]);
    let outcome = outcome_of(tt_json);
    let options = options_of(tt_json);
    let what = format!("{name} {label} ({})", tt_json["call"]);
    let tt: TruthTable = options
        .build(&data, &outcome, &conditions)
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    let levels: Vec<u32> = tt_json["noflevels"]
        .as_array()
        .expect("noflevels")
        .iter()
        .map(|v| v.as_u64().expect("level") as u32)
        .collect();
    assert_eq!(tt.levels(), levels, "{what}: levels");

    // Observed rows, in R's printed order; R's n = 0 rows are configurations touched only by
    // 0.5 memberships: remainders here.
    let theirs = tt_json["observed_rows_sorted"].as_array().expect("rows");
    let (observed, half_only): (Vec<&Value>, Vec<&Value>) =
        theirs.iter().partition(|r| r["n"].as_u64() != Some(0));
    assert_eq!(
        tt.rows().len(),
        observed.len(),
        "{what}: number of observed rows"
    );
    for (ours, theirs) in tt.rows().iter().zip(&observed) {
        check_row(&what, ours, theirs, &conditions);
    }
    if !half_only.is_empty() {
        assert!(
            !tt.half_membership_cases().is_empty(),
            "{what}: R lists n = 0 rows, so some case must be at 0.5"
        );
        for r in &half_only {
            let id = r["id"].as_u64().expect("id");
            assert!(tt.row(id).is_none(), "{what}: row {id} has no case");
        }
    }

    // The complete table, in id order.
    let complete = options
        .clone()
        .sort_by([])
        .complete(true)
        .build(&data, &outcome, &conditions)
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    let all = tt_json["all_rows"].as_array().expect("all_rows");
    assert_eq!(
        complete.rows().len(),
        all.len(),
        "{what}: complete table size"
    );
    for (ours, theirs) in complete.rows().iter().zip(all) {
        if theirs["n"].as_u64() == Some(0) {
            assert_eq!(ours.id(), theirs["id"].as_u64().expect("id"));
            assert_eq!(ours.out(), OutputValue::Remainder, "{what}: remainder");
            assert_eq!(ours.n(), 0);
            assert_eq!(ours.incl(), None);
        } else {
            check_row(&format!("{what} complete"), ours, theirs, &conditions);
        }
    }
    (observed.len(), half_only.len())
}

#[test]
fn truth_tables_match_r_qca() {
    let mut checked = 0;
    for name in common::dataset_names() {
        let json = load_json(&name);
        for (label, tt_json) in truth_tables(&json) {
            let (rows, half) = check_table(&name, &label, &tt_json);
            println!("{name} {label}: {rows} observed rows agree ({half} n = 0 rows of R are 0.5-only remainders)");
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} tables checked");
}

#[test]
fn every_table_also_for_the_negated_outcome() {
    // For the fixtures without a negated_outcome entry, the negation must still build and its
    // rows must be those of the outcome (same cases, incl and PRI computed on 1 - Y).
    for name in common::dataset_names() {
        let json = load_json(&name);
        let tt_json = &json["main"]["truth_table"];
        let data = load_data(&name);
        let conditions = strings(&tt_json["conditions"]);
        let outcome = outcome_of(tt_json);
        let negated = format!("~{outcome}");
        let a = options_of(tt_json)
            .sort_by([])
            .build(&data, &outcome, &conditions)
            .unwrap();
        let b = options_of(tt_json)
            .sort_by([])
            .build(&data, &negated, &conditions)
            .unwrap();
        assert_eq!(a.rows().len(), b.rows().len());
        for (ra, rb) in a.rows().iter().zip(b.rows()) {
            assert_eq!((ra.id(), ra.cases()), (rb.id(), rb.cases()));
        }
        assert!(b.is_outcome_negated());
    }
}
