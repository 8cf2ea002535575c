//! Printing a truth table as R QCA users know it.

use std::fmt;

use super::table::TruthTable;
use crate::number::metric;
use crate::text::pad_left;

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
        // Padded by hand: a format width above 65,535 panics (a long condition name).
        pad_left(f, "", id_w)?;
        f.write_str(" ")?;
        for c in &self.conditions {
            f.write_str(" ")?;
            pad_left(f, c, c.len().max(1))?;
        }
        f.write_str("  OUT  ")?;
        pad_left(f, "n", n_w)?;
        writeln!(f, "  incl   PRI    cases")?;
        for r in &self.rows {
            pad_left(f, &r.id.to_string(), id_w)?;
            f.write_str(" ")?;
            for (c, v) in self.conditions.iter().zip(&r.values) {
                f.write_str(" ")?;
                pad_left(f, &v.to_string(), c.len().max(1))?;
            }
            write!(f, "  {:>3}  ", r.out)?;
            pad_left(f, &r.n.to_string(), n_w)?;
            writeln!(
                f,
                "  {:>5}  {:>5}  {}",
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
