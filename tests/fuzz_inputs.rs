//! Fuzz-style robustness tests: random and mutated inputs to the expression parser and to the CSV
//! reader must give `Ok` or `Err`, never a panic.
//!
//! The inputs come from a fixed-seed generator, so a failure reproduces. Set `FSQCA_FUZZ_SCALE`
//! (an integer, default 1) to multiply the number of inputs, and `FSQCA_FUZZ_SEED` to explore
//! other inputs.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Once;

use fsqca::{Dataset, Expression, ExpressionError, Literal, Statement};

/// SplitMix64 (Steele, Lea and Flood 2014): small, fast, and good enough to drive a fuzzer.
struct Rng(u64);

impl Rng {
    fn new(stream: u64) -> Self {
        let seed = std::env::var("FSQCA_FUZZ_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0x5eed_f5ca);
        Self(seed ^ stream.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`; the modulo bias is irrelevant here).
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `percent / 100`.
    fn percent(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn scale() -> usize {
    std::env::var("FSQCA_FUZZ_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
}

/// The grammar's characters, repeated to weigh them, and some white space.
const GRAMMAR: &str = "AAABBCXYZabcyz0123456789__..~~~***+++(((]]][[[)))),,,-<>=    \t";

/// Characters that are easy to get wrong: multi-byte letters and digits, combining marks,
/// zero-width and right-to-left characters, a line break, an emoji, a NUL.
const TRICKY: &[char] = &[
    'é',
    'Ω',
    'ж',
    'ß',
    'א',
    '١',
    '٣',
    '\u{301}',
    '\u{200b}',
    '\u{200f}',
    '\u{feff}',
    '\n',
    '\r',
    '😀',
    '\0',
    '→',
    '←',
    '¬',
    '∧',
    '∨',
    '，',
    '（',
    '）',
    '［',
    '\u{10ffff}',
];

fn random_char(rng: &mut Rng) -> char {
    match rng.below(100) {
        0..=79 => {
            let grammar: Vec<char> = GRAMMAR.chars().collect();
            *rng.pick(&grammar)
        }
        80..=91 => *rng.pick(TRICKY),
        _ => loop {
            // Any scalar value, most often from the basic multilingual plane.
            let max = if rng.percent(80) { 0x1_0000 } else { 0x11_0000 };
            if let Some(c) = char::from_u32(rng.below(max) as u32) {
                break c;
            }
        },
    }
}

fn random_string(rng: &mut Rng) -> String {
    let max = if rng.percent(90) { 24 } else { 200 };
    let len = rng.below(max);
    (0..len).map(|_| random_char(rng)).collect()
}

const NAMES: &[&str] = &[
    "A",
    "B",
    "Y",
    "E",
    "U",
    "G",
    "DEV",
    "URB",
    "LIT",
    "GDPpc",
    "Enterprise_capacity",
    "x.1",
    "_tmp",
    "ÉCOLE",
    "Ωmega",
];

/// A random expression built with the canonical constructors.
fn random_expression(rng: &mut Rng, depth: usize) -> Expression {
    if depth == 0 || rng.percent(35) {
        let name = *rng.pick(NAMES);
        let literal = if rng.percent(20) {
            let n = 1 + rng.below(3);
            Literal::with_levels(name, (0..n).map(|_| rng.below(4) as u32))
        } else {
            Literal::new(name)
        }
        .expect("a valid name and levels");
        let literal = if rng.percent(40) {
            literal.negate()
        } else {
            literal
        };
        return Expression::literal(literal);
    }
    let n = 2 + rng.below(3);
    let items: Vec<Expression> = (0..n).map(|_| random_expression(rng, depth - 1)).collect();
    let compound = match rng.below(2) {
        0 => Expression::conjunction(items),
        _ => Expression::disjunction(items),
    }
    .expect("two or more items");
    if rng.percent(20) {
        compound.negate().expect("shallow")
    } else {
        compound
    }
}

/// Valid inputs that the mutations start from.
fn seeds(rng: &mut Rng) -> Vec<String> {
    let mut seeds: Vec<String> = [
        "E*~U + G",
        "GDPpc*~Enterprise_capacity",
        "A*B -> Y",
        "A + B <- ~Y",
        "~(A*B)",
        "DEV[1,2]*~URB",
        "  A  *  B+C ",
        "(A + B)*~(C + D[0])",
        "~~A => Y",
        "A*B + C*D <= ~Y",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for _ in 0..200 {
        let lhs = random_expression(rng, 4);
        if rng.percent(50) {
            let rhs = random_expression(rng, 1);
            let arrow = *rng.pick(&[" -> ", " <- ", "=>", "<="]);
            seeds.push(format!("{lhs}{arrow}{rhs}"));
        } else {
            seeds.push(lhs.to_string());
        }
    }
    seeds
}

/// Applies 1 to 4 random edits to the characters of `input`.
fn mutate(rng: &mut Rng, input: &str) -> String {
    let mut chars: Vec<char> = input.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let len = chars.len();
        match rng.below(6) {
            0 => chars.insert(rng.below(len + 1), random_char(rng)),
            1 if len > 0 => {
                chars.remove(rng.below(len));
            }
            2 if len > 0 => chars[rng.below(len)] = random_char(rng),
            3 if len > 0 => {
                // Duplicate a slice somewhere.
                let start = rng.below(len);
                let end = start + rng.below(len - start + 1);
                let slice: Vec<char> = chars[start..end].to_vec();
                let at = rng.below(len + 1);
                chars.splice(at..at, slice);
            }
            4 if len > 1 => {
                let (i, j) = (rng.below(len), rng.below(len));
                chars.swap(i, j);
            }
            _ => chars.truncate(rng.below(len + 1)),
        }
    }
    chars.into_iter().collect()
}

/// Tally of one fuzz run; the failures hold the offending inputs.
#[derive(Default)]
struct Outcome {
    ok: usize,
    err: usize,
    /// Number of failures; only the first ones are kept in `failures`.
    failed: usize,
    failures: Vec<String>,
}

impl Outcome {
    fn fail(&mut self, message: String) {
        self.failed += 1;
        if self.failures.len() < 20 {
            self.failures.push(message);
        }
    }

    fn assert_clean(&self, what: &str) {
        eprintln!("{what}: {} ok, {} err", self.ok, self.err);
        assert!(
            self.failures.is_empty(),
            "{what}: {} failure(s), first ones:\n{}",
            self.failed,
            self.failures.join("\n")
        );
    }
}

thread_local! {
    /// Set while [`caught`] runs a closure on this thread.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    /// The message and location of the last panic caught on this thread.
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Runs `f`, turning a panic into `Err` with its message and location (not printed: the test
/// reports it once, with the input that caused it).
fn caught<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CATCHING.with(Cell::get) {
                LAST_PANIC.with(|last| *last.borrow_mut() = info.to_string());
            } else {
                default(info);
            }
        }));
    });
    CATCHING.with(|c| c.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(false));
    result.map_err(|_| LAST_PANIC.with(|last| last.borrow().clone()))
}

/// Parses `input` as `T`: no panic, an error position inside the input, and for `Ok` a value
/// that prints and parses back to itself.
fn check_parse<T>(input: &str, outcome: &mut Outcome)
where
    T: std::str::FromStr<Err = ExpressionError> + std::fmt::Display + PartialEq + std::fmt::Debug,
{
    let kind = std::any::type_name::<T>();
    match caught(|| input.parse::<T>()) {
        Err(panic) => outcome.fail(format!("{kind}: panic on {input:?}: {panic}")),
        Ok(Ok(value)) => {
            outcome.ok += 1;
            let printed = value.to_string();
            match printed.parse::<T>() {
                Ok(back) if back == value => {}
                Ok(back) => outcome.fail(format!(
                    "{kind}: {input:?} parsed to {value:?}, printed as {printed:?}, re-parsed to {back:?}"
                )),
                Err(e) => outcome.fail(format!(
                    "{kind}: {input:?} printed as {printed:?}, which does not parse: {e}"
                )),
            }
        }
        Ok(Err(error)) => {
            outcome.err += 1;
            let n = input.chars().count();
            if error.position() > n {
                outcome.fail(format!(
                    "{kind}: {input:?} ({n} characters): error position beyond the input: {error}"
                ));
            }
            match caught(|| error.display_with(input)) {
                Ok(rendered) if rendered.contains(&error.to_string()) => {}
                _ => outcome.fail(format!("{kind}: display_with failed on {input:?}")),
            }
        }
    }
}

fn check_both(input: &str, expressions: &mut Outcome, statements: &mut Outcome) {
    check_parse::<Expression>(input, expressions);
    check_parse::<Statement>(input, statements);
}

#[test]
fn expression_parser_on_random_strings() {
    let mut rng = Rng::new(1);
    let (mut expressions, mut statements) = (Outcome::default(), Outcome::default());
    for _ in 0..60_000 * scale() {
        let input = random_string(&mut rng);
        check_both(&input, &mut expressions, &mut statements);
    }
    expressions.assert_clean("random strings as expressions");
    statements.assert_clean("random strings as statements");
}

#[test]
fn expression_parser_on_mutated_expressions() {
    let mut rng = Rng::new(2);
    let seeds = seeds(&mut rng);
    let (mut expressions, mut statements) = (Outcome::default(), Outcome::default());
    for seed in &seeds {
        check_both(seed, &mut expressions, &mut statements);
    }
    for _ in 0..60_000 * scale() {
        let seed = rng.pick(&seeds).clone();
        let input = mutate(&mut rng, &seed);
        check_both(&input, &mut expressions, &mut statements);
    }
    expressions.assert_clean("mutated inputs as expressions");
    statements.assert_clean("mutated inputs as statements");
    // The mutations must keep a good share of inputs valid, or the round trip goes untested.
    assert!(
        expressions.ok > 2_000,
        "only {} valid expressions",
        expressions.ok
    );
    assert!(
        statements.ok > 2_000,
        "only {} valid statements",
        statements.ok
    );
}

#[test]
fn expression_parser_on_pathological_inputs() {
    let mut rng = Rng::new(3);
    let (mut expressions, mut statements) = (Outcome::default(), Outcome::default());
    for n in [255, 256, 257, 1_000, 100_000] {
        for unit in [
            "(", "~(", "~", "(~", "A*(", "A+(", "[", "A[", "(A", "->", ")",
        ] {
            let prefix = unit.repeat(n);
            check_both(&prefix, &mut expressions, &mut statements);
            check_both(&format!("{prefix}A"), &mut expressions, &mut statements);
            let close = ")".repeat(n);
            check_both(
                &format!("{prefix}A{close}"),
                &mut expressions,
                &mut statements,
            );
            check_both(
                &format!("{prefix}A{close} -> Y"),
                &mut expressions,
                &mut statements,
            );
        }
        let long = vec!["A"; n].join(if rng.percent(50) { "*" } else { " + " });
        check_both(&long, &mut expressions, &mut statements);
        check_both(
            &format!("A[{}]", "9".repeat(n)),
            &mut expressions,
            &mut statements,
        );
        check_both(&"é".repeat(n), &mut expressions, &mut statements);
    }
    expressions.assert_clean("pathological expressions");
    statements.assert_clean("pathological statements");
}

/// The CSV files shipped with the tests, plus a few edge cases written here.
fn csv_seeds() -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = [
        "case,A,Y\nSE,0.9,1\nFI,0.2,\n",
        "A,B\n0.1,0.9\n0.6,0.4\n",
        ",A,B\nx,NA,1\ny,0.5,\n",
        "\"case\",\"A\"\n\"a, b\",0.5\n\"c\"\"d\",1e-3\n",
        "A;B\n1;2\n",
        "A\n",
        "\n\n",
        "case\nx\ny\n",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/datasets");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for path in files {
        if path.extension().is_some_and(|e| e == "csv") {
            if let Ok(bytes) = std::fs::read(&path) {
                seeds.push(bytes);
            }
        }
    }
    seeds
}

/// Bytes that matter to CSV and to number parsing, repeated to weigh them.
const CSV_BYTES: &[u8] = b",,,,\"\"\n\n\n\r0123456789....---+eEEN NAAaninf;\t x";

fn random_csv_byte(rng: &mut Rng) -> u8 {
    if rng.percent(85) {
        *rng.pick(CSV_BYTES)
    } else {
        rng.below(256) as u8
    }
}

/// Cell contents that are easy to get wrong: non-finite or out-of-range numbers, quotes,
/// invalid UTF-8.
const TRICKY_CELLS: &[&[u8]] = &[
    b"NaN",
    b"inf",
    b"-inf",
    b"1e999",
    b"-0",
    b"",
    b"\"",
    b"\"\"",
    b"NA",
    b"case",
    b"\xff\xfe",
    b"\xc3",
    b"1e-400",
];

/// Applies 1 to 8 random byte edits (some line-wise) to a CSV file.
fn mutate_csv(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut bytes = input.to_vec();
    for _ in 0..1 + rng.below(8) {
        let len = bytes.len();
        match rng.below(7) {
            0 => bytes.insert(rng.below(len + 1), random_csv_byte(rng)),
            1 if len > 0 => {
                bytes.remove(rng.below(len));
            }
            2 if len > 0 => bytes[rng.below(len)] = random_csv_byte(rng),
            3 => {
                // Duplicate or drop a line.
                let mut lines: Vec<Vec<u8>> =
                    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
                let i = rng.below(lines.len());
                if rng.percent(50) {
                    let line = lines[i].clone();
                    lines.insert(i, line);
                } else if lines.len() > 1 {
                    lines.remove(i);
                }
                bytes = lines.join(&b'\n');
            }
            4 if len > 0 => {
                // Replace a cell-sized run with a tricky value.
                let start = rng.below(len);
                let end = (start + rng.below(6)).min(len);
                let value = rng.pick(TRICKY_CELLS);
                bytes.splice(start..end, value.iter().copied());
            }
            5 => bytes.truncate(rng.below(len + 1)),
            _ => {
                let at = rng.below(len + 1);
                bytes.insert(at, if rng.percent(50) { b',' } else { b'\n' });
            }
        }
    }
    bytes
}

/// Reads `input`: no panic, and an `Ok` data set that is consistent and can be printed and
/// queried.
fn check_csv(input: &[u8], outcome: &mut Outcome) {
    let result = caught(|| {
        let data = Dataset::from_reader(input)?;
        let consistent = data.cases().len() == data.n_cases()
            && data.names().len() == data.n_columns()
            && data.numeric_names().len() + data.text_names().len() == data.n_columns();
        let _ = data.to_string();
        let _ = data.missing();
        for name in data.names() {
            let _ = data.fuzzy_set(name);
        }
        Ok::<bool, fsqca::DataError>(consistent)
    });
    let show = || String::from_utf8_lossy(input).into_owned();
    match result {
        Err(panic) => outcome.fail(format!("panic on {:?} (bytes {input:?}): {panic}", show())),
        Ok(Ok(true)) => outcome.ok += 1,
        Ok(Ok(false)) => outcome.fail(format!("inconsistent data set from {:?}", show())),
        Ok(Err(_)) => outcome.err += 1,
    }
}

#[test]
fn csv_reader_on_random_bytes() {
    let mut rng = Rng::new(4);
    let mut outcome = Outcome::default();
    for _ in 0..20_000 * scale() {
        let max = if rng.percent(80) { 64 } else { 600 };
        let len = rng.below(max);
        let raw = rng.percent(30);
        let input: Vec<u8> = (0..len)
            .map(|_| {
                if raw {
                    rng.below(256) as u8
                } else {
                    random_csv_byte(&mut rng)
                }
            })
            .collect();
        check_csv(&input, &mut outcome);
    }
    outcome.assert_clean("random CSV bytes");
}

#[test]
fn csv_reader_on_mutated_files() {
    let mut rng = Rng::new(5);
    let seeds = csv_seeds();
    assert!(seeds.len() > 8, "the CSV fixtures were not found");
    let mut outcome = Outcome::default();
    for seed in &seeds {
        check_csv(seed, &mut outcome);
    }
    for _ in 0..20_000 * scale() {
        let seed = rng.pick(&seeds);
        let input = mutate_csv(&mut rng, seed);
        check_csv(&input, &mut outcome);
    }
    outcome.assert_clean("mutated CSV files");
    assert!(outcome.ok > 1_000, "only {} valid CSV inputs", outcome.ok);
}
