//! A closed standard output (`fsqca ... >&-`) is never silent.
//!
//! Rust's runtime reopens a standard descriptor that is closed at startup on `/dev/null`, read
//! and write, before `main` runs (so that a file opened later cannot take descriptor 1 and
//! receive the output). Writes then succeed and the output is lost without a word. With safe
//! code only, the reopened descriptor is recognised on Linux from `/proc/self/fdinfo/1`:
//! `/dev/null` opened read-write, which a shell redirection (`> /dev/null`, write-only) never
//! gives. A parent process that itself passes `/dev/null` opened read-write (Python's
//! `subprocess.DEVNULL`, Node's `stdio: "ignore"`) looks the same, and discarding the output on
//! purpose is no error: so that case is a warning, the run goes on and exits 0. Where the runtime
//! leaves a closed descriptor closed, duplicating it fails with `EBADF` (detected on every Unix):
//! that is an error. A closed pipe (`fsqca ... | head`) is neither: it stays a quiet success (see
//! `common::emit`).

use crate::common::CliError;

/// `Err` when standard output is closed; a warning on standard error when it looks closed
/// (reopened on `/dev/null`).
pub fn ensure_open() -> Result<(), CliError> {
    if not_open() {
        return Err(CliError::input(
            "cannot write the output: standard output is closed",
        ));
    }
    if reopened_on_dev_null() {
        eprintln!(
            "fsqca: warning: standard output is closed (`>&-`) or is /dev/null opened for \
             reading and writing: the output is lost (to discard it without this warning, \
             redirect it to /dev/null for writing)"
        );
    }
    Ok(())
}

/// Descriptor 1 is not open (`EBADF`), on a platform whose runtime leaves it so.
#[cfg(unix)]
fn not_open() -> bool {
    use std::os::fd::AsFd;
    /// `EBADF`, 9 on every Unix.
    const EBADF: i32 = 9;
    std::io::stdout()
        .as_fd()
        .try_clone_to_owned()
        .is_err_and(|e| e.raw_os_error() == Some(EBADF))
}

#[cfg(not(unix))]
fn not_open() -> bool {
    false
}

/// Descriptor 1 is `/dev/null` opened read-write: how the runtime reopens a closed one.
#[cfg(target_os = "linux")]
fn reopened_on_dev_null() -> bool {
    /// `O_ACCMODE` and `O_RDWR` of Linux.
    const ACCESS_MODE: u32 = 0o3;
    const READ_WRITE: u32 = 0o2;
    let on_dev_null = std::fs::read_link("/proc/self/fd/1")
        .is_ok_and(|target| target == std::path::Path::new("/dev/null"));
    on_dev_null
        && std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("flags:"))
                .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
                .is_some_and(|flags| flags & ACCESS_MODE == READ_WRITE)
        })
}

#[cfg(not(target_os = "linux"))]
fn reopened_on_dev_null() -> bool {
    false
}
