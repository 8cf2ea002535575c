//! Rendering checks of the SVG pictures (issue 19, acceptance point 2): each SVG parses as XML
//! (roxmltree) with an `<svg>` root and holds every label asked for as the text of a `<text>`
//! element; rendered by headless Chromium (Debian's `chromium`) its plot area is not blank and
//! every one of those labels is drawn: a `<text>` box of non-zero size inside the picture.
//!
//! Chromium runs twice per batch: [`assert_svgs_render`] lays the SVGs out in a grid of images
//! on one HTML page, takes one screenshot and checks each cell; then it inlines them in a page
//! whose script lists, per picture, the texts whose rendered box is inside it
//! (`--dump-dom`). Where Chromium is missing or
//! cannot run, the rendering part is skipped with the reason on standard error, unless
//! `FSQCA_REQUIRE_CHROMIUM=1` (set by `.ci/run` after installing it), where it fails.
//!
//! Use it with `#[path = "common/svg.rs"] mod svg_check;`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The browser.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Side of one cell of the grid, in CSS pixels; each SVG is scaled into it.
const CELL: u32 = 420;

/// Cells per row of the grid.
const COLUMNS: u32 = 4;

/// A browser run that takes longer is killed and counts as failed.
const TIME_LIMIT: Duration = Duration::from_secs(90);

/// Parses `svg` and checks that it is an SVG document whose `<text>` elements include every
/// one of `labels`, then renders it ([`assert_svgs_render`] with one picture).
pub fn assert_svg_renders(svg: &str, labels: &[&str]) {
    assert_svgs_render(&[("picture", svg, labels)]);
}

/// Checks every `(name, svg, labels)` as [`assert_svg_renders`] does, then renders them all
/// with one Chromium run and checks that the middle of each picture (its plot area) has
/// non-white pixels.
pub fn assert_svgs_render(batch: &[(&str, &str, &[&str])]) {
    for (name, svg, labels) in batch {
        assert_svg_parses(name, svg, labels);
    }
    let Some(png) = screenshot(batch) else {
        return;
    };
    let (width, height, pixels) = decode(&png);
    for (i, (name, _, _)) in batch.iter().enumerate() {
        let (col, row) = (i as u32 % COLUMNS, i as u32 / COLUMNS);
        // The middle 60% of the cell: the plot area, away from the title and the margins.
        let (x0, y0) = (col * CELL + CELL / 5, row * CELL + CELL / 5);
        let mut ink = 0usize;
        for y in y0..(y0 + CELL * 3 / 5).min(height) {
            for x in x0..(x0 + CELL * 3 / 5).min(width) {
                let p = &pixels[(y * width + x) as usize];
                if p.iter().any(|&c| c < 230) {
                    ink += 1;
                }
            }
        }
        assert!(
            ink >= 200,
            "{name}: the rendered plot area is blank ({ink} non-white pixels)"
        );
    }
    let Some(drawn) = drawn_texts(batch) else {
        return;
    };
    for ((name, _, labels), drawn) in batch.iter().zip(&drawn) {
        for label in labels.iter() {
            assert!(
                drawn.iter().any(|t| t == label),
                "{name}: {label:?} is not drawn inside the rendered picture"
            );
        }
    }
}

/// Per picture of the batch, the trimmed texts whose box, as Chromium renders the SVG inline,
/// has a non-zero size and lies inside the picture; `None` (skipped) where Chromium cannot
/// run.
fn drawn_texts(batch: &[(&str, &str, &[&str])]) -> Option<Vec<Vec<String>>> {
    let dir = scratch();
    let mut page = String::from("<!DOCTYPE html><html><body>");
    for (_, svg, _) in batch {
        page.push_str("<div class=\"picture\">");
        page.push_str(svg.trim_start_matches(|c| c != '<').trim());
        page.push_str("</div>");
    }
    page.push_str(
        "<pre id=\"drawn\"></pre><script>\
         const out = [...document.querySelectorAll('div.picture > svg')].map(svg => {\
           const frame = svg.getBoundingClientRect();\
           return [...svg.querySelectorAll('text')].filter(t => {\
             const r = t.getBoundingClientRect();\
             return r.width > 0 && r.height > 0 && r.left >= frame.left - 1 &&\
               r.right <= frame.right + 1 && r.top >= frame.top - 1 &&\
               r.bottom <= frame.bottom + 1;\
           }).map(t => t.textContent.trim());\
         });\
         document.getElementById('drawn').textContent = JSON.stringify(out);\
         </script></body></html>",
    );
    let html = dir.join("texts.html");
    std::fs::write(&html, page).expect("write the page");
    let output = chromium(&dir)
        .arg("--dump-dom")
        .arg(&html)
        .stderr(Stdio::null())
        .output();
    let _ = std::fs::remove_dir_all(&dir);
    let dom = match output {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
        Ok(o) => {
            skip(&format!("{CHROMIUM} --dump-dom exited with {}", o.status));
            return None;
        }
        Err(e) => {
            skip(&format!("{CHROMIUM} --dump-dom does not start: {e}"));
            return None;
        }
    };
    let open = "<pre id=\"drawn\">";
    let start = dom.find(open).expect("the result element") + open.len();
    let end = start + dom[start..].find("</pre>").expect("its end");
    let json = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let drawn: Vec<Vec<String>> = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("the drawn texts are not JSON ({e}): {json}"));
    assert_eq!(drawn.len(), batch.len(), "one list per picture");
    Some(drawn)
}

/// The title of the sufficiency XY plot of `x` against `y` with fit `s`: its inclusion, PRI
/// and coverage to 3 decimals.
pub fn sufficiency_title(x: &str, y: &str, s: &fsqca::fit::Sufficiency) -> String {
    format!(
        "{x} -> {y}: inclS {:.3}, PRI {:.3}, covS {:.3}",
        s.incl.expect("defined"),
        s.pri.expect("defined"),
        s.cov.expect("defined")
    )
}

/// The XML check of one picture.
fn assert_svg_parses(name: &str, svg: &str, labels: &[&str]) {
    let doc = roxmltree::Document::parse(svg)
        .unwrap_or_else(|e| panic!("{name}: the SVG does not parse: {e}"));
    assert_eq!(doc.root_element().tag_name().name(), "svg", "{name}: root");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .map(str::trim)
        .collect();
    for label in labels {
        assert!(
            texts.contains(label),
            "{name}: no text element says {label:?}"
        );
    }
}

/// Whether the rendering must run (in CI).
fn required() -> bool {
    std::env::var("FSQCA_REQUIRE_CHROMIUM").is_ok_and(|v| v == "1")
}

/// Skips the rendering with `reason`, or fails where it is required.
fn skip(reason: &str) -> Option<Vec<u8>> {
    assert!(!required(), "FSQCA_REQUIRE_CHROMIUM=1 but {reason}");
    eprintln!("skipping the Chromium rendering check: {reason}");
    None
}

/// A fresh scratch directory under the target's temporary directory.
fn scratch() -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "fsqca-svg-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("profile")).expect("scratch directory");
    dir
}

/// Headless Chromium with the flags a closed machine needs (no sandbox, GPU or background
/// networking) and a fresh profile in `dir`.
fn chromium(dir: &Path) -> Command {
    let mut command = Command::new(CHROMIUM);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=3000",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()));
    command
}

/// The PNG screenshot of the batch laid out in a grid, or `None` (skipped).
fn screenshot(batch: &[(&str, &str, &[&str])]) -> Option<Vec<u8>> {
    if !Path::new(CHROMIUM).exists() {
        return skip(&format!(
            "{CHROMIUM} is not installed (apt-get install chromium)"
        ));
    }
    let dir = scratch();
    let mut page = String::from(
        "<!DOCTYPE html><html><head><style>body{margin:0;background:#fff}\
         img{position:absolute;object-fit:contain}</style></head><body>",
    );
    for (i, (_, svg, _)) in batch.iter().enumerate() {
        std::fs::write(dir.join(format!("{i}.svg")), svg).expect("write the SVG");
        let (col, row) = (i as u32 % COLUMNS, i as u32 / COLUMNS);
        page.push_str(&format!(
            "<img src=\"{i}.svg\" style=\"left:{}px;top:{}px;width:{CELL}px;height:{CELL}px\">",
            col * CELL,
            row * CELL
        ));
    }
    page.push_str("</body></html>");
    let html = dir.join("batch.html");
    std::fs::write(&html, page).expect("write the page");
    let rows = (batch.len() as u32).div_ceil(COLUMNS);
    let png = dir.join("batch.png");
    let mut child = match chromium(&dir)
        .arg("--hide-scrollbars")
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("--window-size={},{}", COLUMNS * CELL, rows * CELL))
        .arg(&html)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => return skip(&format!("{CHROMIUM} does not start: {e}")),
    };
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() < TIME_LIMIT => {
                std::thread::sleep(Duration::from_millis(50));
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return skip(&format!("{CHROMIUM} took more than {TIME_LIMIT:?}"));
            }
        }
    };
    let bytes = std::fs::read(&png).ok();
    let _ = std::fs::remove_dir_all(&dir);
    match bytes {
        Some(bytes) if status.success() => Some(bytes),
        _ => skip(&format!(
            "{CHROMIUM} exited with {status} and no screenshot"
        )),
    }
}

/// Decodes a PNG into (width, height, RGB pixels).
fn decode(png: &[u8]) -> (u32, u32, Vec<[u8; 3]>) {
    let mut reader = png::Decoder::new(png).read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let channels = match info.color_type {
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        other => panic!("unexpected PNG colour type {other:?}"),
    };
    assert_eq!(info.bit_depth, png::BitDepth::Eight, "8-bit PNG");
    let pixels = buf[..info.buffer_size()]
        .chunks_exact(channels)
        .map(|c| [c[0], c[1], c[2]])
        .collect();
    (info.width, info.height, pixels)
}
