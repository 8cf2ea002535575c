//! Printing a truth table as R QCA users know it.

use std::fmt;

use super::TruthTable;

fn metric(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"))
}

impl fmt::Display for TruthTable {
    /// Prints a legend, then one line per row: id, the configuration, OUT, n, incl, PRI (3
    /// decimals, `-` when undefined) and the cases; then the cases at 0.5, if any.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "  OUT: output value")?;
        writeln!(f, "    n: number of cases in configuration")?;
        writeln!(f, " incl: sufficiency inclusion score")?;
        writeln!(f, "  PRI: proportional reduction in inconsistency")?;
        writeln!(f, "outcome: {}", self.outcome_label())?;
        writeln!(f)?;
        let id_w = self
            .rows
            .iter()
            .map(|r| r.id.to_string().len())
            .max()
            .unwrap_or(1);
        let n_w = self
            .rows
            .iter()
            .map(|r| r.n.to_string().len())
            .max()
            .unwrap_or(1)
            .max(1);
        write!(f, "{:id_w$} ", "")?;
        for c in &self.conditions {
            write!(f, " {c:>w$}", w = c.len().max(1))?;
        }
        writeln!(f, "  OUT  {:>n_w$}  incl   PRI    cases", "n")?;
        for r in &self.rows {
            write!(f, "{:>id_w$} ", r.id)?;
            for (c, v) in self.conditions.iter().zip(&r.values) {
                write!(f, " {v:>w$}", w = c.len().max(1))?;
            }
            writeln!(
                f,
                "  {:>3}  {:>n_w$}  {:>5}  {:>5}  {}",
                r.out,
                r.n,
                metric(r.incl),
                metric(r.pri),
                r.cases().join(",")
            )?;
        }
        if !self.half_cases.is_empty() {
            writeln!(f)?;
            writeln!(
                f,
                "cases with a membership of 0.5 (in no row): {}",
                self.half_cases.join(",")
            )?;
        }
        Ok(())
    }
}
