//! The cluster plot of panel diagnostics: the consistency of each cluster (or unit) against
//! the pooled one.

use plotters::prelude::*;

use super::svg::{chart_frame, drawing};
use super::PlotError;
use crate::cluster::{ClusterFit, GroupFit};
use crate::expression::Relation;

/// Which groups a cluster plot shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum ClusterGroups {
    /// The between consistencies, one per cluster (SetMethods' `cluster.plot` default).
    #[default]
    Between,
    /// The within consistencies, one per unit (SetMethods' `wicons = TRUE`).
    Within,
}

/// The cluster plot of a [`ClusterFit`] (SetMethods' `cluster.plot`): one point per cluster (or
/// unit) at its consistency, in the fit's order, on [0, 1], with a horizontal line at the
/// pooled consistency; the title names the relation and gives the distance (dBP or dWP). A
/// group whose consistency is undefined (no membership in its denominator) gets no point, a
/// grey cross on the axis.
///
/// # Errors
/// [`PlotError::Drawing`] if the drawing fails.
///
/// # Example
/// ```
/// use fsqca::cluster::Panel;
/// use fsqca::plot::{cluster_plot, ClusterGroups};
/// use fsqca::{Dataset, Expression, Relation};
///
/// let data = Dataset::from_reader(
///     "case,unit,year,X,Y\na,fr,1990,0.8,0.9\nb,fr,1995,0.8,0.2\nc,de,1990,0.6,0.7\n".as_bytes(),
/// )?;
/// let panel = Panel::from_columns(&data, "unit", "year")?;
/// let fit = panel.fit(&"X".parse::<Expression>()?, &data, "Y", Relation::Sufficiency)?;
/// let svg = cluster_plot(&fit, ClusterGroups::Between)?;
/// assert!(svg.starts_with("<svg") && svg.contains("1995") && svg.contains("dBP"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn cluster_plot(fit: &ClusterFit, groups: ClusterGroups) -> Result<String, PlotError> {
    let (list, kind, distance_name, distance): (&[GroupFit], _, _, _) = match groups {
        ClusterGroups::Between => (&fit.between, "cluster", "dBP", fit.between_distance),
        ClusterGroups::Within => (&fit.within, "unit", "dWP", fit.within_distance),
    };
    let relation = match fit.relation {
        Relation::Sufficiency => "sufficiency",
        Relation::Necessity => "necessity",
    };
    let distance = distance.map_or_else(|| "undefined".to_owned(), |d| format!("{d:.3}"));
    let title = format!("{relation} consistency per {kind}; {distance_name} {distance}");
    let n = list.len();
    let ids: Vec<String> = list.iter().map(|g| g.id.clone()).collect();
    let label = move |x: &f64| -> String {
        let i = x.round();
        if (x - i).abs() > 1e-9 || i < 0.0 {
            return String::new();
        }
        ids.get(i as usize).cloned().unwrap_or_default()
    };
    let mut svg = String::new();
    {
        let width = (120 + 40 * n).clamp(640, 4000) as u32;
        let root = SVGBackend::with_string(&mut svg, (width, 480)).into_drawing_area();
        let mut chart = chart_frame(&root, &title, -0.5..(n as f64 - 0.5), -0.05..1.05)?;
        chart
            .configure_mesh()
            .x_labels(n.max(1))
            .x_label_formatter(&label)
            .x_desc(kind)
            .y_desc("consistency")
            .disable_x_mesh()
            .disable_y_mesh()
            .draw()
            .map_err(drawing)?;
        if let Some(pooled) = fit.pooled.consistency {
            chart
                .draw_series(LineSeries::new(
                    [(-0.5, pooled), (n as f64 - 0.5, pooled)],
                    BLACK.stroke_width(1),
                ))
                .map_err(drawing)?
                .label("pooled")
                .legend(|(x, y)| PathElement::new([(x, y), (x + 20, y)], BLACK.stroke_width(1)));
        }
        let points = list.iter().enumerate().filter_map(|(i, g)| {
            g.measures
                .consistency
                .map(|c| Circle::new((i as f64, c), 5, BLUE.filled()))
        });
        chart
            .draw_series(points)
            .map_err(drawing)?
            .label(kind)
            .legend(|(x, y)| Circle::new((x + 10, y), 5, BLUE.filled()));
        let undefined = list
            .iter()
            .enumerate()
            .filter(|(_, g)| g.measures.consistency.is_none())
            .map(|(i, _)| Cross::new((i as f64, 0.0), 5, BLACK.mix(0.4).stroke_width(2)));
        chart.draw_series(undefined).map_err(drawing)?;
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .position(SeriesLabelPosition::LowerRight)
            .draw()
            .map_err(drawing)?;
        root.present().map_err(drawing)?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::Panel;
    use crate::data::Dataset;

    #[test]
    fn within_plot_marks_undefined_units_and_is_valid_svg() {
        let data = Dataset::from_reader(
            "case,unit,year,X,Y\na,fr,1990,0.8,0.9\nb,de,1990,0,0.2\nc,it,1990,0.5,0.1\n"
                .as_bytes(),
        )
        .unwrap();
        let panel = Panel::from_columns(&data, "unit", "year").unwrap();
        let x = data.fuzzy_set("X").unwrap();
        let y = data.fuzzy_set("Y").unwrap();
        let fit = panel.fit_sets(&x, &y, Relation::Sufficiency).unwrap();
        let svg = cluster_plot(&fit, ClusterGroups::Within).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
        for id in ["fr", "de", "it"] {
            assert!(texts.iter().any(|t| t.trim() == id), "{id} labelled");
        }
        assert!(texts.iter().any(|t| t.contains("dWP")));
        // Two defined units, two points; `de` (no X) a cross, not a point.
        let circles = doc
            .descendants()
            .filter(|n| n.has_tag_name("circle"))
            .count();
        assert_eq!(circles, 2 + 1, "two units and the legend's marker");
    }
}
