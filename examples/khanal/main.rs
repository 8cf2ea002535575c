//! Replicates the fsQCA of Khanal, Zhang & Taeihagh, *Development of New Generation of
//! Artificial Intelligence in China: When Beijing's Global Ambitions Meet Local Realities*
//! (30 provinces; conditions E enterprise capacity, U university capacity, G GDP per capita,
//! P political power; outcomes diffusion, speed, intensity, breadth), from the raw data of its
//! Table 2 to the diffusion paths, with fsqca's public API.
//!
//! Every printed value of the paper's tables is shown beside ours, with the difference, and each
//! table gets a verdict computed from the comparison: reproduced, reproduced except named
//! misprints (printed vs true), or not reproducible (why). See data/khanal/NOTES.md.
//!
//! ```text
//! cargo run --release --example khanal                  # the report
//! cargo run --release --example khanal -- --format json # the same results as JSON
//! ```
//!
//! Either run also writes the truth tables, necessity tables and configuration charts to
//! `docs/khanal/` (Markdown, LaTeX, SVG).

mod docs;
mod report;

use std::fmt::Write as _;
use std::process::ExitCode;

use fsqca::number::metric;

use report::{Cell, CellValue, Report, Solutions, Status, TableCheck, Verdict, INCL_CUTOFF};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        [] | ["--format", "text"] | ["--format=text"] => false,
        ["--format", "json"] | ["--format=json"] => true,
        _ => {
            eprintln!("usage: khanal [--format text|json]");
            return ExitCode::from(2);
        }
    };
    let report = match report::replicate() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = write_docs() {
        eprintln!("error: cannot write {}: {e}", docs::DIR);
        return ExitCode::FAILURE;
    }
    if json {
        match serde_json::to_string_pretty(&report) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{}", render(&report));
    }
    ExitCode::SUCCESS
}

/// Writes the documents of [`docs::documents`] to `docs/khanal/` in the crate.
fn write_docs() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(docs::DIR);
    std::fs::create_dir_all(&dir)?;
    for (name, content) in docs::documents()? {
        std::fs::write(dir.join(name), content)?;
    }
    Ok(())
}

fn render(r: &Report) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_report(&mut out, r);
    out
}

fn write_report(o: &mut String, r: &Report) -> std::fmt::Result {
    let (i, s) = (r.implied, r.stated);
    writeln!(
        o,
        "Khanal, Zhang & Taeihagh: fsQCA of AI policy diffusion in {} Chinese provinces",
        r.n_cases
    )?;
    writeln!(
        o,
        "replicated with fsqca {} from the paper's raw Table 2",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(o)?;
    writeln!(o, "DATA")?;
    writeln!(
        o,
        "  E, U, G, P: ranks (1 = best; ties at their highest position; GDPpc ranked from the"
    )?;
    writeln!(
        o,
        "  highest), direct logistic calibration (idm 0.95) with exclusion {}, crossover {},",
        i.exclusion, i.crossover
    )?;
    writeln!(
        o,
        "  inclusion {} (the thresholds the tables imply; the text states {} / {} / {}),",
        i.inclusion, s.exclusion, s.crossover, s.inclusion
    )?;
    writeln!(o, "  memberships rounded to 5 decimals.")?;
    writeln!(
        o,
        "  Outcomes: diffusion crisp (Table 2); intensity as printed in Appendix A; breadth from"
    )?;
    writeln!(
        o,
        "  Table 2's count coded 0,1 -> 0, 2 -> 0.33, 3 -> 0.67, 4 -> 0.9, 5 -> 1."
    )?;
    writeln!(
        o,
        "  Truth tables: inclusion cut-off {INCL_CUTOFF}, n cut-off 1, no PRI cut-off."
    )?;
    let agreement: Vec<String> = r
        .appendix_a_agreement
        .iter()
        .map(|(c, k)| format!("{c} {k}/{}", r.n_cases))
        .collect();
    writeln!(
        o,
        "  Appendix A's printed conditions are not these data (values agreeing: {}).",
        agreement.join(", ")
    )?;
    writeln!(o)?;

    writeln!(
        o,
        "VERDICTS (cells agree within {}; misprints are listed with printed and true value)",
        report::TOL
    )?;
    for t in &r.tables {
        writeln!(o, "  {:<8} {:<42} {}", t.id, t.title, short(t))?;
    }
    writeln!(o)?;

    writeln!(
        o,
        "TABLES: ours | printed (difference); OUT and n exact; `cases ok` = same cases"
    )?;
    for t in &r.tables {
        write_table(o, t)?;
    }

    writeln!(o, "SOLUTIONS (the paper prints the conservative ones; intermediate: E, U, G, P expected present)")?;
    for sol in &r.solutions {
        writeln!(o, "  {} ({})", sol.outcome, sol.table)?;
        writeln!(o, "    conservative  {}", sol.conservative.join(" | "))?;
        writeln!(
            o,
            "    intermediate  {}",
            unique(&sol.intermediate).join(" | ")
        )?;
        writeln!(
            o,
            "    parsimonious  {}   (remainders M1 assumes: {})",
            sol.parsimonious.join(" | "),
            list_or_none(&sol.simplifying_assumptions)
        )?;
        for p in &sol.conservative_paths {
            writeln!(
                o,
                "      {:<10} incl {}  PRI {}  cov {}  covU {}  {}",
                p.expression().to_string(),
                metric(p.incl()),
                metric(p.pri()),
                metric(p.cov()),
                metric(p.cov_unique()),
                p.cases().join(", ")
            )?;
        }
        write_contradictory(o, sol)?;
    }
    writeln!(o)?;

    writeln!(
        o,
        "STATED ({} / {} / {}) vs IMPLIED ({} / {} / {}) CALIBRATION: conservative paths",
        s.exclusion, s.crossover, s.inclusion, i.exclusion, i.crossover, i.inclusion
    )?;
    for c in &r.calibration_contrast {
        writeln!(
            o,
            "  {:<10} implied {:<24} stated {}",
            c.outcome, c.implied, c.stated
        )?;
        writeln!(
            o,
            "             survive: {}; vanish: {}; new: {}",
            list_or_none(&c.survive),
            list_or_none(&c.vanish),
            list_or_none(&c.appear)
        )?;
    }
    writeln!(o)?;

    write_robustness(o, r)?;

    let sp = &r.speed;
    writeln!(o, "SPEED (A2, A6, Table 4)")?;
    writeln!(
        o,
        "  Attempt: the conditions above on the 24 provinces with a plan; outcome Appendix A's"
    )?;
    writeln!(
        o,
        "  printed speed membership. The paper's recalibration on the 24 is not described."
    )?;
    let misplaced: Vec<String> = sp
        .misplaced
        .iter()
        .map(|m| {
            format!(
                "{} rank {:.0} coded {}",
                m.province,
                m.rank,
                if m.printed_p == 1 { "in" } else { "out" }
            )
        })
        .collect();
    writeln!(
        o,
        "  A2's Power column vs Table 2's Power rank: the best cut (in = rank <= {:.0}) still",
        sp.best_power_cut
    )?;
    writeln!(
        o,
        "  misplaces {}: {}.",
        sp.misplaced.len(),
        misplaced.join(", ")
    )?;
    writeln!(
        o,
        "  What does follow: minimizing A2's printed rows (out 1 vs out 0, no remainders)"
    )?;
    writeln!(
        o,
        "  gives {} ; Table 4 prints {} ({}).",
        sp.from_printed_a2,
        sp.table4_printed,
        if sp.from_printed_a2 == sp.table4_printed {
            "same"
        } else {
            "DIFFERENT"
        }
    )?;
    Ok(())
}

/// The contradictory simplifying assumptions of an outcome's parsimonious solutions.
fn write_contradictory(o: &mut String, sol: &Solutions) -> std::fmt::Result {
    let csa = &sol.contradictory_assumptions;
    if csa.is_empty() {
        return writeln!(
            o,
            "    contradictory simplifying assumptions (find-rows csa): none"
        );
    }
    let rows: Vec<String> = csa.iter().map(|c| c.row.to_string()).collect();
    writeln!(
        o,
        "    contradictory simplifying assumptions (find-rows csa): row{} {}, assumed for the",
        if csa.len() == 1 { "" } else { "s" },
        rows.join(", ")
    )?;
    writeln!(o, "      outcome and for its negation:")?;
    for c in csa {
        writeln!(
            o,
            "      row {:<3} {:<12} parsimonious paths resting on it: {}",
            c.row,
            c.configuration,
            list_or_none(&c.paths)
        )?;
    }
    Ok(())
}

fn write_robustness(o: &mut String, r: &Report) -> std::fmt::Result {
    let (lo, hi, n) = report::INCL_SWEEP;
    writeln!(
        o,
        "ROBUSTNESS (each anchor of E, U, G, P moved over ±{:.0}% of the rank range in {} steps, the",
        100.0 * report::SWEEP_FRACTION,
        report::SWEEP_POINTS - 1
    )?;
    writeln!(
        o,
        "  inclusion cut-off over {lo}..{hi} in {} steps; one parameter at a time)",
        n - 1
    )?;
    for rob in &r.robustness {
        let s = &rob.summary;
        writeln!(
            o,
            "  {} ({}): paths {}; {} of {} variants keep this solution",
            rob.outcome,
            rob.table,
            s.baseline
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" | "),
            s.same,
            s.variants
        )?;
        for range in &s.ranges {
            writeln!(o, "    solution unchanged for {range}")?;
        }
        for p in &rob.paths {
            if p.in_core {
                writeln!(
                    o,
                    "    path {} is robust: it is in the solution of every variant.",
                    p.path
                )?;
            } else {
                writeln!(
                    o,
                    "    path {} is not robust: it is in {:.0}% of the variants and holds only for {}.",
                    p.path,
                    100.0 * p.share,
                    p.limits.join("; ")
                )?;
            }
        }
        writeln!(o, "    robustness fit (Oana & Schneider): {}", s.fit)?;
        let c = &rob.chosen;
        writeln!(o, "    {}", c.test_set)?;
        writeln!(
            o,
            "      {} of {} alternatives keep this solution; robustness fit: {}",
            c.same, c.variants, c.fit
        )?;
        write_case_robustness(o, rob)?;
    }
    writeln!(o)
}

/// The case-oriented robustness of one outcome's paths, in plain words.
fn write_case_robustness(o: &mut String, rob: &report::Robustness) -> std::fmt::Result {
    use fsqca::robustness::{CaseType, RccRank};
    let c = &rob.cases;
    let n = |t: CaseType| c.group(t).count;
    let (robust, shaky, possible) = (
        n(CaseType::RobustTypical),
        n(CaseType::ShakyTypical),
        n(CaseType::PossibleTypical),
    );
    let s = &rob.summary;
    if !s.no_solution.is_empty() {
        writeln!(
            o,
            "    {} variant(s) have no solution (no positive row): {}; without them the fit is {}",
            s.no_solution.len(),
            s.no_solution.join(", "),
            s.fit_without_no_solution
        )?;
    }
    writeln!(
        o,
        "    cases: of the {} typical cases (in the paths and with the outcome), {robust} are robust (in every variant's solution) and {shaky} shaky (out of some variant's); {possible} more cases with the outcome are possible (in some variant's solution, not in the paths).",
        robust + shaky
    )?;
    let rank = match c.rcc_rank {
        RccRank::NoShakyNoPossible => "no case changes side: the paths' case coverage is robust",
        RccRank::PossibleOnly => "only possible cases: other choices add cases but lose none",
        RccRank::ShakyOnly => "only shaky cases: other choices lose cases but add none",
        _ => "shaky and possible cases: other choices both lose and add cases",
    };
    writeln!(
        o,
        "    robust case ratio of the typical cases RCR_typ {}, of the deviant ones RCR_dev {}; RCC rank {} of 4, {rank}; robust core fit inclS {}, covS {}.",
        metric(c.rcr_typ),
        metric(c.rcr_dev),
        c.rcc_rank.number(),
        metric(c.robust_core_fit.incl),
        metric(c.robust_core_fit.cov)
    )
}

fn write_table(o: &mut String, t: &TableCheck) -> std::fmt::Result {
    writeln!(o, "{} {}: {}", t.id, t.title, t.verdict)?;
    // Group the cells by row, in order.
    let mut rows: Vec<(&str, Vec<&Cell>)> = Vec::new();
    for c in &t.cells {
        match rows.iter_mut().find(|(r, _)| *r == c.row) {
            Some((_, v)) => v.push(c),
            None => rows.push((&c.row, vec![c])),
        }
    }
    let width = rows.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
    let mut notes = Vec::new();
    for (row, cells) in rows {
        // Padded by hand: a format width above 65,535 panics.
        let pad = width.saturating_sub(row.chars().count());
        let mut line = format!("  {row}{}", " ".repeat(pad));
        for c in cells {
            line.push_str("  ");
            line.push_str(&cell_text(c));
            match c.status {
                Status::Agrees => {}
                Status::Misprint => line.push_str(" MISPRINT"),
                Status::Disagrees => line.push_str(" DIFFERS"),
            }
            if c.status != Status::Agrees && c.measure != "row" && c.measure != "path" {
                if let (CellValue::Text(a), CellValue::Text(b)) = (&c.ours, &c.printed) {
                    notes.push(format!(
                        "    {row} {}: ours [{a}]; printed [{b}]",
                        c.measure
                    ));
                }
            }
        }
        writeln!(o, "{}", line.trim_end())?;
    }
    for n in notes {
        writeln!(o, "{n}")?;
    }
    writeln!(o)
}

fn cell_text(c: &Cell) -> String {
    match (&c.ours, &c.printed, c.diff) {
        (CellValue::Num(a), CellValue::Num(b), _) if c.measure == "n" || c.measure == "OUT" => {
            format!("{} {a:.0}|{b:.0}", c.measure)
        }
        (CellValue::Num(a), CellValue::Num(b), Some(d)) => {
            // No "-0.0000".
            let d = if d.abs() < 5e-5 { 0.0 } else { d };
            format!("{} {a:.4}|{b:.3} ({d:+.4})", c.measure)
        }
        (CellValue::Text(t), CellValue::Text(_), _)
            if c.status == Status::Agrees && c.measure == "paths" =>
        {
            format!("paths {t} (the printed set)")
        }
        (CellValue::Text(_), CellValue::Text(_), _) if c.status == Status::Agrees => {
            format!("{} ok", c.measure)
        }
        (CellValue::Text(_), CellValue::Text(_), _)
            if c.measure == "row" || c.measure == "path" =>
        {
            format!("{}: ours {}, paper {}", c.measure, c.ours, c.printed)
        }
        _ => format!("{} differ", c.measure),
    }
}

/// The verdict in a few words, for the summary.
fn short(t: &TableCheck) -> String {
    match &t.verdict {
        Verdict::Reproduced => "reproduced".into(),
        Verdict::ReproducedExceptMisprints { misprints } => {
            let n = misprints.len();
            format!(
                "reproduced except {n} named misprint{}",
                if n == 1 { "" } else { "s" }
            )
        }
        Verdict::NotReproducible {
            disagreeing_cells, ..
        } => format!(
            "not reproducible (our attempt: {disagreeing_cells} of {} cells differ)",
            t.cells.len()
        ),
        Verdict::NotReproduced { disagreements } => {
            format!(
                "NOT reproduced ({} unlisted cells differ)",
                disagreements.len()
            )
        }
    }
}

/// Models without repetition (an intermediate model is derived once per pair of a
/// conservative and a parsimonious model, so the same one can come twice).
fn unique(models: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in models {
        if !out.contains(m) {
            out.push(m.clone());
        }
    }
    out
}

fn list_or_none(v: &[String]) -> String {
    if v.is_empty() {
        "none".to_owned()
    } else {
        v.join(", ")
    }
}
