//! Configuration charts as publication tables.

use crate::table::{Align, Cell, Table, TableFormat};

use super::build::ConfigurationChart;
use super::class::ConditionClass;
use super::configuration::Configuration;

/// A measure of a configuration.
type Measure = fn(&Configuration) -> Option<f64>;

impl ConfigurationChart {
    /// The chart as a [`Table`]: one row per condition and one column per configuration, the
    /// fit of each configuration and of the solution below a rule, the legend, the models and
    /// each configuration's term and core in the notes.
    ///
    /// # Example
    /// ```
    /// use fsqca::chart::configuration_charts;
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// use fsqca::table::{Cell, Mark};
    /// use fsqca::{Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let intermediate = SolutionOptions::new(SolutionType::Intermediate)
    ///     .directional_expectations("A, B".parse()?)
    ///     .solve(&tt)?;
    /// let parsimonious = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// let table = configuration_charts(&intermediate, &parsimonious)?[0].to_table();
    /// assert_eq!(table.get_header(), ["", "1"]);
    /// assert_eq!(table.get_body()[0], [Cell::from("A"), Cell::Mark(Mark::LargeFilled)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_table(&self) -> Table {
        let configurations = &self.configurations;
        let header =
            std::iter::once(String::new()).chain(configurations.iter().map(|c| c.label.to_owned()));
        let align =
            std::iter::once(Align::Left).chain(configurations.iter().map(|_| Align::Center));
        let mut table = Table::new(header, align)
            .expect("one alignment per column")
            .with_caption(self.title());
        for (j, condition) in self.conditions.iter().enumerate() {
            let mut row = vec![Cell::from(condition.as_str())];
            row.extend(
                configurations
                    .iter()
                    .map(|c| c.classes[j].mark().map_or(Cell::Empty, Cell::Mark)),
            );
            table.push_row(row).expect("one cell per column");
        }
        let per_configuration: [(&str, Measure); 4] = [
            ("Consistency", |c| c.incl),
            ("PRI", |c| c.pri),
            ("Raw coverage", |c| c.cov),
            ("Unique coverage", |c| c.cov_unique),
        ];
        for (label, value) in per_configuration {
            let mut row = vec![Cell::from(label)];
            row.extend(configurations.iter().map(|c| Cell::Number(value(c))));
            table.push_footer_row(row).expect("one cell per column");
        }
        for (label, value) in [
            ("Solution consistency", self.incl),
            ("Solution PRI", self.pri),
            ("Solution coverage", self.cov),
        ] {
            let mut row = vec![Cell::from(label), Cell::Number(value)];
            row.extend(configurations.iter().skip(1).map(|_| Cell::Empty));
            table.push_footer_row(row).expect("one cell per column");
        }
        for class in ConditionClass::MARKED {
            if let Some(mark) = class.mark() {
                table = table.with_legend(mark, class.meaning());
            }
        }
        let mut table = table.with_note(ConditionClass::NOTE).with_note(format!(
            "Intermediate solution: {}. Parsimonious solution: {}.",
            self.intermediate_expression, self.parsimonious_expression
        ));
        if self.is_ambiguous() {
            table = table.with_note(format!(
                "The intermediate solution has {} models and the parsimonious one {}: this \
                 chart is intermediate model {} with the parsimonious model {} it rests on; \
                 the others have their own charts.",
                self.intermediate_models,
                self.parsimonious_models,
                self.intermediate_model,
                self.parsimonious_model
            ));
        }
        for c in configurations {
            let core = if c.core.is_empty() {
                "no core: it implies no single parsimonious term, only their disjunction, so \
                 every condition is peripheral"
                    .to_owned()
            } else {
                format!("core {}", c.core.join(", "))
            };
            table = table.with_note(format!("{}: {} ({core}).", c.label, c.term));
        }
        table
    }

    /// The chart written in `format` with `digits` decimals (see [`to_table`](Self::to_table)).
    ///
    /// # Example
    /// ```
    /// use fsqca::chart::configuration_charts;
    /// use fsqca::solution::{SolutionOptions, SolutionType};
    /// use fsqca::table::TableFormat;
    /// use fsqca::{Dataset, TruthTableOptions};
    /// let data = Dataset::from_columns([
    ///     ("A", vec![1.0, 1.0, 0.0, 0.0]),
    ///     ("B", vec![1.0, 0.0, 1.0, 0.0]),
    ///     ("Y", vec![1.0, 0.0, 0.0, 0.0]),
    /// ])?;
    /// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
    /// let intermediate = SolutionOptions::new(SolutionType::Intermediate)
    ///     .directional_expectations("A, B".parse()?)
    ///     .solve(&tt)?;
    /// let parsimonious = SolutionOptions::new(SolutionType::Parsimonious).solve(&tt)?;
    /// let chart = &configuration_charts(&intermediate, &parsimonious)?[0];
    /// let latex = chart.render(TableFormat::Latex, 2);
    /// assert!(latex.contains(r"A & {\Large$\bullet$} \\"));
    /// assert!(latex.contains(r"Consistency & 1.00 \\"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render(&self, format: TableFormat, digits: usize) -> String {
        self.to_table().render(format, digits)
    }
}
