//! The pictures of issue 19: the Venn layouts' zones, the zones of the XY plots, pimplot's
//! panels and the distribution plot, checked on their SVG and geometry.
#![cfg(feature = "plot")]

use fsqca::plot::VennLayout;

/// Whether `p` lies inside the closed polygon `poly` (even-odd rule).
fn inside(p: (f64, f64), poly: &[(f64, f64)]) -> bool {
    let mut inside = false;
    let mut j = poly.len() - 1;
    for i in 0..poly.len() {
        let (a, b) = (poly[i], poly[j]);
        if (a.1 > p.1) != (b.1 > p.1) && p.0 < (b.0 - a.0) * (p.1 - a.1) / (b.1 - a.1) + a.0 {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// The signed area of a polygon (shoelace).
fn area(poly: &[(f64, f64)]) -> f64 {
    let n = poly.len();
    (0..n)
        .map(|i| {
            let (a, b) = (poly[i], poly[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum::<f64>()
        / 2.0
}

#[test]
fn every_venn_zone_is_one_region_with_its_label_inside_exactly_its_sets() {
    for k in 2..=7 {
        let venn = VennLayout::new(k).expect("2 to 7 sets");
        assert_eq!(venn.sets().len(), k);
        assert_eq!(venn.zones().len(), 1 << k);
        for (bits, zone) in venn.zones().iter().enumerate() {
            let expected: Vec<bool> = (0..k).map(|j| bits & (1 << j) != 0).collect();
            assert_eq!(zone.members, expected, "k {k}: zone {bits} in order");
            assert_eq!(zone.polygons.len(), 1, "k {k}: zone {bits} is one region");
            assert!(
                area(&zone.polygons[0]).abs() > 1e-5,
                "k {k}: zone {bits} not empty"
            );
            // The label point, against the sets' drawn outlines (not the construction's
            // formulas): inside exactly the zone's sets, and inside the zone's own polygon.
            for (j, set) in venn.sets().iter().enumerate() {
                assert_eq!(
                    inside(zone.label_at, &set.outline),
                    zone.members[j],
                    "k {k}: label of zone {bits:b} at {:?}, set {j}",
                    zone.label_at
                );
            }
            assert!(
                inside(zone.label_at, &zone.polygons[0]),
                "k {k} zone {bits}"
            );
        }
    }
}

#[test]
fn venn_layout_refuses_fewer_than_two_or_more_than_seven_sets() {
    for k in [0, 1, 8, 20] {
        assert!(matches!(
            VennLayout::new(k),
            Err(fsqca::plot::PlotError::VennSets { count }) if count == k
        ));
    }
}
