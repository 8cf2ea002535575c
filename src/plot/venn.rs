//! The Venn diagram of a truth table: one set per condition, each zone a row.
//!
//! The shapes are built here from formulas, all star-shaped around the origin, so that a ray
//! from the origin at angle θ meets each set's boundary once: a set is either a sector of the
//! plane (θ in an interval: a half-plane) or the region inside a curve r = f(θ). Along one
//! ray the sets are then left one at a time as r grows, so each zone is, at each θ, one
//! interval of r between two boundaries; a zone's region is the union over θ of those
//! intervals, and its polygon follows the two boundaries over the run of angles where the zone
//! exists. A zone met over one run of angles is connected.

use std::collections::HashMap;
use std::f64::consts::{FRAC_PI_2, PI, TAU};

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::svg::drawing;
use super::PlotError;
use crate::{OutputValue, TruthTable};

/// Fewest and most sets of a Venn diagram.
const SETS: std::ops::RangeInclusive<usize> = 2..=7;

/// Half the side of the square universe the sets live in.
const FRAME: f64 = 1.4;

/// One set's shape.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// The points at angles in (from, to), a half-plane through the origin.
    Sector { from: f64, to: f64 },
    /// The disc of centre (cx, cy) and radius `radius`; the origin must lie inside it.
    Circle { cx: f64, cy: f64, radius: f64 },
    /// Edwards' cogwheel: inside r = radius + amplitude · sin(teeth · θ).
    Cog {
        radius: f64,
        amplitude: f64,
        teeth: f64,
    },
}

impl Shape {
    /// The boundary's distance from the origin along the ray at angle `theta` (radial shapes).
    fn radius_at(self, theta: f64) -> Option<f64> {
        let (ux, uy) = (theta.cos(), theta.sin());
        match self {
            Shape::Sector { .. } => None,
            Shape::Circle { cx, cy, radius } => {
                // |r u - c| = radius, the positive root (the origin is inside).
                let b = ux * cx + uy * cy;
                Some(b + (b * b - cx * cx - cy * cy + radius * radius).sqrt())
            }
            Shape::Cog {
                radius,
                amplitude,
                teeth,
            } => Some(radius + amplitude * (teeth * theta).sin()),
        }
    }

    /// Whether the ray at angle `theta` lies in the sector (sectors only).
    fn sector_contains(self, theta: f64) -> Option<bool> {
        match self {
            Shape::Sector { from, to } => Some(theta > from && theta < to),
            _ => None,
        }
    }

    /// The closed outline, clipped to the frame for a half-plane.
    fn outline(self) -> Vec<(f64, f64)> {
        match self {
            Shape::Sector { from, .. } if from < PI - 1e-9 => {
                // x < 0: the left half of the frame.
                vec![
                    (0.0, -FRAME),
                    (0.0, FRAME),
                    (-FRAME, FRAME),
                    (-FRAME, -FRAME),
                ]
            }
            Shape::Sector { .. } => {
                // y < 0: the lower half of the frame.
                vec![
                    (-FRAME, 0.0),
                    (FRAME, 0.0),
                    (FRAME, -FRAME),
                    (-FRAME, -FRAME),
                ]
            }
            _ => {
                let points = match self {
                    Shape::Cog { teeth, .. } => (teeth as usize * 64).max(720),
                    _ => 720,
                };
                (0..points)
                    .map(|i| {
                        let theta = TAU * i as f64 / points as f64;
                        let r = self.radius_at(theta).unwrap_or(0.0);
                        polar(r, theta)
                    })
                    .collect()
            }
        }
    }
}

/// The shapes of `k` sets: circles for 2 and 3 sets; for 4 to 7, Edwards' construction (Edwards
/// 2004, *Cogwheels of the Mind*): two half-planes (left, lower), a circle, then cogwheels
/// around it whose teeth double from one set to the next (4, 8, 16, 32) and whose amplitudes
/// shrink, each less than half the previous, so that every cogwheel cuts each zone of the sets
/// before it, on both sides of the circle, in one run.
fn shapes(k: usize) -> Vec<Shape> {
    let circle = |angle: f64, distance: f64, radius: f64| Shape::Circle {
        cx: distance * angle.cos(),
        cy: distance * angle.sin(),
        radius,
    };
    match k {
        2 => vec![circle(PI, 0.45, 0.8), circle(0.0, 0.45, 0.8)],
        3 => [
            FRAC_PI_2,
            FRAC_PI_2 + TAU / 3.0,
            FRAC_PI_2 + 2.0 * TAU / 3.0,
        ]
        .iter()
        .map(|&a| circle(a, 0.42, 0.78))
        .collect(),
        _ => {
            let mut out = vec![
                Shape::Sector {
                    from: FRAC_PI_2,
                    to: PI + FRAC_PI_2,
                },
                Shape::Sector { from: PI, to: TAU },
                Shape::Circle {
                    cx: 0.0,
                    cy: 0.0,
                    radius: 0.8,
                },
            ];
            let mut amplitude = 0.3;
            let mut teeth = 4.0;
            for _ in 3..k {
                out.push(Shape::Cog {
                    radius: 0.8,
                    amplitude,
                    teeth,
                });
                amplitude *= 0.45;
                teeth *= 2.0;
            }
            out
        }
    }
}

/// The colours of the sets' outlines, in the conditions' order.
const SET_COLOURS: [RGBColor; 7] = [
    RGBColor(214, 39, 40),
    RGBColor(31, 119, 180),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
    RGBColor(255, 127, 14),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
];

/// The fill of a zone by its row's output value (the colours of Dușa's `venn` package).
fn out_colour(out: OutputValue) -> RGBColor {
    match out {
        OutputValue::Negative => RGBColor(0xff, 0xd8, 0x85),
        OutputValue::Positive => RGBColor(0x96, 0xbc, 0x72),
        OutputValue::Contradiction => RGBColor(0x1c, 0x8a, 0xc9),
        OutputValue::Remainder => WHITE,
    }
}

/// The Venn diagram of a truth table of 2 to 7 binary conditions (Dușa's `venn` package for R
/// QCA draws the same picture with its own shapes): one set per condition, each of the 2^k
/// zones one row of the truth table (inside the sets whose condition is 1), filled by the
/// row's output value — 1 green (#96bc72), 0 yellow (#ffd885), C blue (#1c8ac9), ? (a
/// remainder or a row without cases) white — and labelled with the row's number of cases. The
/// shapes are those of [`VennLayout`]: circles for 2 and 3 conditions, Edwards' construction
/// for 4 to 7 (the first condition the left half of the square, the second the lower half, the
/// third the circle, the others cogwheels); a legend names each set's outline and the colours.
///
/// # Errors
/// [`PlotError::VennSets`] for fewer than 2 or more than 7 conditions;
/// [`PlotError::NotBinary`] for a multi-value condition;
/// [`PlotError::Drawing`] if the drawing fails.
///
/// # Example
/// ```
/// use fsqca::plot::venn_diagram;
/// use fsqca::{Dataset, TruthTableOptions};
///
/// let data = Dataset::from_columns([
///     ("A", vec![1.0, 1.0, 0.0, 0.0, 1.0]),
///     ("B", vec![1.0, 0.0, 1.0, 0.0, 1.0]),
///     ("Y", vec![1.0, 0.0, 0.0, 0.0, 1.0]),
/// ])?;
/// let tt = TruthTableOptions::default().build(&data, "Y", &["A", "B"])?;
/// let svg = venn_diagram(&tt)?;
/// // The zone A*B (two cases, OUT 1) in green.
/// assert!(svg.contains("#96BC72") && svg.contains(">\n2\n</text>"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn venn_diagram(tt: &TruthTable) -> Result<String, PlotError> {
    let conditions = tt.conditions();
    if let Some((j, &levels)) = tt.levels().iter().enumerate().find(|(_, &l)| l != 2) {
        return Err(PlotError::NotBinary {
            condition: conditions[j].clone(),
            levels,
        });
    }
    let layout = VennLayout::new(conditions.len())?;
    let rows: HashMap<&[u8], (OutputValue, usize)> = tt
        .rows()
        .iter()
        .map(|r| (r.values(), (r.out(), r.n())))
        .collect();
    let k = conditions.len();
    let font_size = [14, 14, 14, 13, 11, 9, 7][k - 1];
    let title = format!("Venn diagram of the truth table for {}", tt.outcome_label());
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (860, 680)).into_drawing_area();
        root.fill(&WHITE).map_err(drawing)?;
        let (left, right) = root.split_horizontally(680);
        let mut chart = ChartBuilder::on(&left)
            .caption(&title, ("sans-serif", 18))
            .margin(12)
            .build_cartesian_2d(-FRAME..FRAME, -FRAME..FRAME)
            .map_err(drawing)?;
        let mut labels = Vec::with_capacity(layout.zones.len());
        for zone in &layout.zones {
            let values: Vec<u8> = zone.members.iter().map(|&m| u8::from(m)).collect();
            let (out, n) = rows
                .get(values.as_slice())
                .copied()
                .unwrap_or((OutputValue::Remainder, 0));
            let fill = out_colour(out);
            chart
                .draw_series(
                    zone.polygons
                        .iter()
                        .map(|p| Polygon::new(p.clone(), fill.filled())),
                )
                .map_err(drawing)?;
            labels.push((zone.label_at, n));
        }
        for (set, colour) in layout.sets.iter().zip(SET_COLOURS) {
            let mut closed = set.outline.clone();
            closed.extend(set.outline.first().copied());
            chart
                .draw_series(std::iter::once(PathElement::new(
                    closed,
                    colour.stroke_width(2),
                )))
                .map_err(drawing)?;
        }
        let centred = TextStyle::from(("sans-serif", font_size).into_font())
            .pos(Pos::new(HPos::Center, VPos::Center));
        chart
            .draw_series(
                labels
                    .iter()
                    .map(|&(at, n)| Text::new(n.to_string(), at, centred.clone())),
            )
            .map_err(drawing)?;
        let text = ("sans-serif", 14).into_font();
        let mut y = 60;
        for (j, (name, colour)) in conditions.iter().zip(SET_COLOURS).enumerate() {
            let place = match (k, j) {
                (4.., 0) => "the left half",
                (4.., 1) => "the lower half",
                _ => "",
            };
            right
                .draw(&PathElement::new(
                    [(10, y), (40, y)],
                    colour.stroke_width(3),
                ))
                .map_err(drawing)?;
            right
                .draw(&Text::new(name.as_str(), (48, y - 8), text.clone()))
                .map_err(drawing)?;
            if !place.is_empty() {
                right
                    .draw(&Text::new(place, (48, y + 8), ("sans-serif", 11)))
                    .map_err(drawing)?;
                y += 14;
            }
            y += 26;
        }
        y += 20;
        for out in [
            OutputValue::Positive,
            OutputValue::Negative,
            OutputValue::Contradiction,
            OutputValue::Remainder,
        ] {
            right
                .draw(&Rectangle::new(
                    [(10, y - 9), (40, y + 9)],
                    out_colour(out).filled(),
                ))
                .map_err(drawing)?;
            right
                .draw(&Rectangle::new(
                    [(10, y - 9), (40, y + 9)],
                    BLACK.stroke_width(1),
                ))
                .map_err(drawing)?;
            right
                .draw(&Text::new(format!("OUT {out}"), (48, y - 8), text.clone()))
                .map_err(drawing)?;
            y += 26;
        }
        right
            .draw(&Text::new("numbers: cases", (10, y), text.clone()))
            .map_err(drawing)?;
        root.present().map_err(drawing)?;
    }
    Ok(svg)
}

/// Where a ray's interval of r ends: the origin, a set's boundary or the frame.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    Origin,
    Set(usize),
    Frame,
}

/// One set of a [`VennLayout`]: its closed outline, in the layout's coordinates.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct VennSet {
    /// The outline's vertices (the last joins the first); a half-plane is clipped to the frame.
    pub outline: Vec<(f64, f64)>,
}

/// One zone of a [`VennLayout`]: the points inside exactly the sets `members` says.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct VennZone {
    /// For each set, whether the zone lies inside it.
    pub members: Vec<bool>,
    /// The zone's region as polygons (one per run of angles; one for a connected zone).
    pub polygons: Vec<Vec<(f64, f64)>>,
    /// A point well inside the zone, where its label goes.
    pub label_at: (f64, f64),
}

/// The geometry of a Venn diagram of 2 to 7 sets in the square [-1.4, 1.4]²: each set's
/// outline and each of the 2^k zones (including the one outside every set) with its polygons
/// and a point for its label. Circles for 2 and 3 sets; for 4 to 7, Edwards' construction: the
/// left and the lower half of the square, a circle, and cogwheels with 4, 8, 16, 32 teeth.
///
/// # Errors
/// [`PlotError::VennSets`] for fewer than 2 or more than 7 sets.
///
/// # Example
/// ```
/// use fsqca::plot::VennLayout;
///
/// let venn = VennLayout::new(5)?;
/// assert_eq!(venn.sets().len(), 5);
/// assert_eq!(venn.zones().len(), 32);
/// assert!(venn.zones().iter().all(|z| z.polygons.len() == 1));
/// assert!(VennLayout::new(8).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct VennLayout {
    sets: Vec<VennSet>,
    zones: Vec<VennZone>,
}

impl VennLayout {
    /// Builds the layout of `k` sets.
    ///
    /// # Errors
    /// [`PlotError::VennSets`] unless 2 ≤ k ≤ 7.
    ///
    /// # Example
    /// ```
    /// let venn = fsqca::plot::VennLayout::new(2)?;
    /// // The zone in the first set only.
    /// assert!(venn.zones().iter().any(|z| z.members == [true, false]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(k: usize) -> Result<Self, PlotError> {
        if !SETS.contains(&k) {
            return Err(PlotError::VennSets { count: k });
        }
        let shapes = shapes(k);
        // Cells of angle, a multiple of 4 so that the half-planes' edges fall on cell edges,
        // and 64 per period of the finest cogwheel.
        let cells = 256usize << k.saturating_sub(3);
        let edge = |c: usize| TAU * c as f64 / cells as f64;
        let bound_at = |b: Bound, theta: f64| match b {
            Bound::Origin => 0.0,
            Bound::Frame => FRAME / theta.cos().abs().max(theta.sin().abs()),
            Bound::Set(j) => shapes[j].radius_at(theta).unwrap_or(0.0),
        };
        // For each zone, for each cell where it exists, the bounds of its interval of r.
        let mut runs: HashMap<usize, Vec<(usize, Bound, Bound)>> = HashMap::new();
        for c in 0..cells {
            let theta = (edge(c) + edge(c + 1)) / 2.0;
            let mut zone = 0usize;
            let mut radial: Vec<(f64, usize)> = Vec::new();
            for (j, shape) in shapes.iter().enumerate() {
                match shape.sector_contains(theta) {
                    Some(true) => zone |= 1 << j,
                    Some(false) => {}
                    None => radial.push((shape.radius_at(theta).unwrap_or(0.0), j)),
                }
            }
            radial.sort_by(|a, b| a.0.total_cmp(&b.0));
            // From the origin outwards: inside every radial set, then leaving them in turn.
            for &(_, j) in &radial {
                zone |= 1 << j;
            }
            let mut lo = Bound::Origin;
            for &(_, j) in &radial {
                runs.entry(zone).or_default().push((c, lo, Bound::Set(j)));
                zone &= !(1 << j);
                lo = Bound::Set(j);
            }
            runs.entry(zone).or_default().push((c, lo, Bound::Frame));
        }
        let zones: Vec<VennZone> = (0..1usize << k)
            .map(|z| {
                let cells_of = runs.remove(&z).unwrap_or_default();
                let zone_runs = split_runs(cells_of, cells);
                let polygons = zone_runs
                    .iter()
                    .map(|run| {
                        let ends = |pick: fn(&(usize, Bound, Bound)) -> Bound| {
                            let last = run.last().map(|r| (edge(r.0 + 1), pick(r)));
                            run.iter()
                                .map(move |r| (edge(r.0), pick(r)))
                                .chain(last)
                                .map(|(t, b)| polar(bound_at(b, t), t))
                                .collect::<Vec<_>>()
                        };
                        let mut points = ends(|r| r.2);
                        points.extend(ends(|r| r.1).into_iter().rev());
                        points.dedup();
                        points
                    })
                    .collect();
                let label_at = label_point(&zone_runs, cells, &bound_at);
                VennZone {
                    members: (0..k).map(|j| z & (1 << j) != 0).collect(),
                    polygons,
                    label_at,
                }
            })
            .collect();
        Ok(Self {
            sets: shapes
                .iter()
                .map(|s| VennSet {
                    outline: s.outline(),
                })
                .collect(),
            zones,
        })
    }

    /// The sets, in the order of the conditions.
    ///
    /// # Example
    /// ```
    /// let venn = fsqca::plot::VennLayout::new(3)?;
    /// assert!(venn.sets().iter().all(|s| s.outline.len() > 100));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sets(&self) -> &[VennSet] {
        &self.sets
    }

    /// The 2^k zones, the zone of bits b (bit j for set j) at index b.
    ///
    /// # Example
    /// ```
    /// let venn = fsqca::plot::VennLayout::new(3)?;
    /// assert_eq!(venn.zones()[0b101].members, [true, false, true]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn zones(&self) -> &[VennZone] {
        &self.zones
    }
}

/// The point at distance `r` from the origin at angle `theta`.
fn polar(r: f64, theta: f64) -> (f64, f64) {
    (r * theta.cos(), r * theta.sin())
}

/// The cells of one zone (in increasing order) as runs of consecutive cells, a run through
/// the angle 0 joined across it.
fn split_runs<T: Copy>(cells_of: Vec<(usize, T, T)>, cells: usize) -> Vec<Vec<(usize, T, T)>> {
    let mut runs: Vec<Vec<(usize, T, T)>> = Vec::new();
    for cell in cells_of {
        match runs.last_mut() {
            Some(run) if run.last().is_some_and(|r| r.0 + 1 == cell.0) => run.push(cell),
            _ => runs.push(vec![cell]),
        }
    }
    let wraps = runs.len() > 1
        && runs[0].first().is_some_and(|r| r.0 == 0)
        && runs
            .last()
            .and_then(|r| r.last())
            .is_some_and(|r| r.0 + 1 == cells);
    if wraps {
        if let Some(mut last) = runs.pop() {
            last.append(&mut runs[0]);
            runs[0] = last;
        }
    }
    runs
}

/// The point of a zone farthest from its edges, approximately: over the middle of each cell,
/// the middle of the zone's interval of r where the smaller of its radial thickness and its
/// angular width to the ends of the run is the largest.
fn label_point(
    runs: &[Vec<(usize, Bound, Bound)>],
    cells: usize,
    bound_at: &dyn Fn(Bound, f64) -> f64,
) -> (f64, f64) {
    let step = TAU / cells as f64;
    let mut best = (f64::NEG_INFINITY, (0.0, 0.0));
    for run in runs {
        let len = run.len();
        for (i, &(c, lo, hi)) in run.iter().enumerate() {
            let theta = (c as f64 + 0.5) * step;
            let (lo, hi) = (bound_at(lo, theta), bound_at(hi, theta));
            let r = (lo + hi) / 2.0;
            let angular = if len == cells {
                f64::INFINITY
            } else {
                (i.min(len - 1 - i) as f64 + 0.5) * step * r * 2.0
            };
            let score = (hi - lo).min(angular);
            if score > best.0 {
                best = (score, polar(r, theta));
            }
        }
    }
    best.1
}
