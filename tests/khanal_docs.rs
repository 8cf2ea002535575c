//! The Khanal tables and configuration charts in `docs/khanal/` are those the example writes,
//! and the README pictures in `docs/` those `examples/xyplot.rs` draws:
//! regenerated here in memory, byte for byte.

#[allow(dead_code)]
#[path = "../examples/khanal/report.rs"]
mod report;

#[path = "../examples/khanal/docs.rs"]
mod docs;

#[path = "../examples/khanal/readme_pictures.rs"]
mod readme_pictures;

use std::path::Path;

/// The README's XY plot and sweep chart in `docs/` are those `examples/xyplot.rs` writes.
#[test]
fn readme_pictures_match_the_example() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    for (name, svg) in readme_pictures::pictures().expect("the README pictures") {
        let on_disk = std::fs::read_to_string(dir.join(name)).expect("the picture in docs/");
        assert!(
            on_disk == svg,
            "docs/{name} drifted from what the example draws: run `cargo run --example xyplot`"
        );
    }
}

#[test]
fn docs_match_the_example() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(docs::DIR);
    let documents = docs::documents().expect("the Khanal documents");
    assert!(documents
        .iter()
        .any(|(name, _)| name.ends_with("_chart.svg")));
    let mut drifted = Vec::new();
    for (name, content) in &documents {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(on_disk) if on_disk == *content => {}
            Ok(_) => drifted.push(format!("{name} differs")),
            Err(e) => drifted.push(format!("{name}: {e}")),
        }
    }
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| Some(e.ok()?.file_name().to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    on_disk.retain(|n| !documents.iter().any(|(name, _)| name == n));
    drifted.extend(
        on_disk
            .into_iter()
            .map(|n| format!("{n} is written by no one")),
    );
    assert!(
        drifted.is_empty(),
        "docs/khanal/ has drifted from the example: {drifted:?}; regenerate with \
         `cargo run --release --example khanal`"
    );
}

#[test]
fn readme_shows_the_diffusion_chart() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let chart = std::fs::read_to_string(root.join(docs::DIR).join("diffusion_chart.md"))
        .expect("the diffusion chart");
    assert!(
        readme.contains(&chart),
        "README.md does not show docs/khanal/diffusion_chart.md as it is: copy it into the \
         README's section \"Tables and configuration charts for papers\""
    );
}
