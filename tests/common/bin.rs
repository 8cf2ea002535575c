//! Runs the `fsqca` binary under a time limit and checks what it printed; writes input files
//! to a scratch folder. Used by the tests that feed the tool bad input.
#![allow(dead_code)]

use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// The tool built by cargo for the integration tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_fsqca");

/// A run that takes longer than this is killed and fails the test (a hang).
pub const TIME_LIMIT: Duration = Duration::from_secs(20);

/// Only this much of each output stream is kept (the rest is read and counted).
pub const CAPTURE: usize = 8 << 20;

/// A reference data set in `tests/fixtures/datasets` (`LF`, `LM`, `Krook`, `CVF`, ...).
pub fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/datasets")
        .join(format!("{name}.csv"))
        .to_string_lossy()
        .into_owned()
}

/// The raw data of Khanal et al. (Table 2).
pub fn khanal() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data/khanal/table2_raw.csv")
        .to_string_lossy()
        .into_owned()
}

/// `robustness` on the raw Khanal data, two conditions calibrated (the report's `$RB`), with
/// `extra` flags.
pub fn khanal_robustness(extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = [
        "robustness",
        &khanal(),
        "-o",
        "diffusion",
        "-c",
        "enterprise_rank,university_rank",
        "--calibrate",
        "enterprise_rank=25,14.5,6",
        "--calibrate",
        "university_rank=25,14.5,6",
        "--incl-cut",
        "0.85",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

/// The outcome of one run of the tool.
#[derive(Debug)]
pub struct Run {
    /// The exit code (`None` when a signal ended the process).
    pub code: Option<i32>,
    /// Standard output, its first [`CAPTURE`] bytes.
    pub stdout: String,
    /// The length of standard output in bytes.
    pub stdout_len: u64,
    /// Standard error, its first [`CAPTURE`] bytes.
    pub stderr: String,
    pub elapsed: Duration,
}

impl Run {
    /// The first line of standard error (empty if there is none).
    pub fn first_stderr_line(&self) -> &str {
        self.stderr.lines().next().unwrap_or("")
    }

    /// Exit `code`, nothing on standard output, and standard error one line:
    /// `fsqca: error: {message}`.
    pub fn expect_error(&self, code: i32, message: &str) {
        self.expect_error_no_prefix(code, &format!("fsqca: error: {message}"));
    }

    /// Exit `code`, nothing on standard output, and standard error exactly the one `line`.
    pub fn expect_error_no_prefix(&self, code: i32, line: &str) {
        assert_eq!(self.code, Some(code), "exit code: {self:#?}");
        assert_eq!(self.stderr.trim_end(), line, "stderr: {self:#?}");
        assert!(self.stdout.is_empty(), "stdout not empty: {self:#?}");
    }

    /// Exit `code` and a first line of standard error that passes `check`.
    pub fn expect_first_line(&self, code: i32, check: impl FnOnce(&str) -> bool) {
        assert_eq!(self.code, Some(code), "exit code: {self:#?}");
        assert!(check(self.first_stderr_line()), "stderr: {self:#?}");
    }

    /// Exit `code`, nothing on standard output, and standard error one line that starts with
    /// `fsqca: error: {prefix}` and holds each of `parts`.
    pub fn expect_error_containing(&self, code: i32, prefix: &str, parts: &[&str]) {
        assert_eq!(self.code, Some(code), "exit code: {self:#?}");
        let line = self.stderr.trim_end();
        assert!(
            !line.contains('\n')
                && line.starts_with(&format!("fsqca: error: {prefix}"))
                && parts.iter().all(|part| line.contains(part)),
            "stderr: {self:#?}"
        );
        assert!(self.stdout.is_empty(), "stdout not empty: {self:#?}");
    }

    /// A failure that is not a panic: exit 1 or 2, and standard error an `fsqca: error:` line
    /// that names `what` in backquotes.
    pub fn expect_clean_error_naming(&self, what: &str) {
        assert!(matches!(self.code, Some(1 | 2)), "exit code: {self:#?}");
        let line = self.first_stderr_line();
        assert!(
            line.starts_with("fsqca: error: ") && line.contains(&format!("`{what}`")),
            "stderr: {self:#?}"
        );
        assert!(!self.stderr.contains("panicked"), "{self:#?}");
    }

    /// Exit 0 and nothing on standard error.
    pub fn expect_success(&self) {
        assert_eq!(self.code, Some(0), "exit code: {self:#?}");
        assert!(self.stderr.is_empty(), "stderr: {self:#?}");
    }

    /// Exit 0, some output, and standard error exactly the one `warning` line.
    pub fn expect_success_warning(&self, warning: &str) {
        assert_eq!(self.code, Some(0), "exit code: {self:#?}");
        assert_eq!(self.stderr.trim_end(), warning, "stderr: {self:#?}");
        assert!(!self.stdout.is_empty(), "no output: {self:#?}");
    }

    /// The run ended within `limit`.
    pub fn assert_quick(&self, limit: Duration) {
        assert!(
            self.elapsed < limit,
            "took {:?} (limit {limit:?})",
            self.elapsed
        );
    }
}

/// Reads a pipe to its end on another thread, keeping its first [`CAPTURE`] bytes and counting
/// all of them.
fn drain(pipe: Option<impl Read + Send + 'static>) -> thread::JoinHandle<(String, u64)> {
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut total = 0;
        if let Some(mut pipe) = pipe {
            let mut buffer = vec![0; 1 << 16];
            while let Ok(n @ 1..) = pipe.read(&mut buffer) {
                total += n as u64;
                let room = CAPTURE.saturating_sub(kept.len());
                kept.extend_from_slice(&buffer[..n.min(room)]);
            }
        }
        (String::from_utf8_lossy(&kept).into_owned(), total)
    })
}

/// Waits for `child` at most `limit`; kills it and fails the test past that.
fn finish(mut child: Child, what: &str, limit: Duration) -> Run {
    let start = Instant::now();
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for fsqca") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("fsqca {what} still ran after {limit:?}: killed");
        }
        thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    let (stdout, stdout_len) = stdout.join().expect("stdout");
    Run {
        code: status.code(),
        stdout,
        stdout_len,
        stderr: stderr.join().expect("stderr").0,
        elapsed,
    }
}

/// Runs `fsqca ARGS..` with an empty standard input.
pub fn run<S: AsRef<str>>(args: &[S]) -> Run {
    run_stdin(args, Stdio::null())
}

/// Runs `fsqca ARGS..` reading `stdin` (a file, `/dev/zero`, ...).
pub fn run_stdin<S: AsRef<str>>(args: &[S], stdin: Stdio) -> Run {
    run_for(args, stdin, TIME_LIMIT)
}

/// Runs `fsqca ARGS..` reading `stdin`, killed after `limit`.
pub fn run_for<S: AsRef<str>>(args: &[S], stdin: Stdio, limit: Duration) -> Run {
    let args: Vec<&str> = args.iter().map(AsRef::as_ref).collect();
    let child = Command::new(BIN)
        .args(&args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run fsqca");
    finish(child, &shorten(&args), limit)
}

/// Runs `fsqca ARGS.. >&-` (standard output closed) through `sh`.
pub fn run_closed_stdout(args: &[&str]) -> Run {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg("exec \"$0\" \"$@\" >&-")
        .arg(BIN)
        .args(args);
    let child = command
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run fsqca through sh");
    finish(child, &format!("{} >&-", shorten(args)), TIME_LIMIT)
}

/// The arguments, shortened for a message.
fn shorten(args: &[&str]) -> String {
    let text = format!("{args:?}");
    match text.char_indices().nth(200) {
        Some((i, _)) => format!("{}...", &text[..i]),
        None => text,
    }
}

/// A folder of its own in the system's temporary folder, removed when dropped.
pub struct Scratch(PathBuf);

impl Scratch {
    /// A fresh folder named after the test, the process and a counter, so that no two collide.
    pub fn new(test: &str) -> Self {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("fsqca-{}-{n}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{dir:?}: {e}"));
        Self(dir)
    }

    /// The path of `name` in the folder, for a file the tool is to write.
    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    /// Writes `contents` to `name` in the folder and returns its path.
    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        path.to_string_lossy().into_owned()
    }
}

/// Writes `contents` to `name` in a scratch folder, runs `fsqca SUBCOMMAND FILE ARGS..` and
/// expects exit 1 with the one line `fsqca: error: FILE: {message}`.
pub fn file_refused(
    name: &str,
    contents: impl AsRef<[u8]>,
    subcommand: &str,
    args: &[&str],
    message: &str,
) {
    let dir = Scratch::new(name);
    let file = dir.file(name, contents);
    let mut all = vec![subcommand, &file];
    all.extend_from_slice(args);
    run(&all).expect_error(1, &format!("{file}: {message}"));
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
