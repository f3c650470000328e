//! [`Error`]: the one error type of the library's entry points, and the exit code the command line gives each kind.
//!
//! A failing expectation or check is not an error: it is in the report, and the command line exits 1 for it. An
//! error means there is no report (the input is bad, a file cannot be read, or a session could not go on), or, exit
//! code 4, that the work ran but one of its outputs could not be written.

use std::path::PathBuf;

use crate::budget::Exceeded;
use crate::conformance::{RunError, SelectError, SuiteError};
use crate::files::RefusedOutput;
use crate::html::LoadError;
use crate::jar::ProfileError;
use crate::net::TransportError;
use crate::session::{ScriptError, SessionError, SetupError};
use crate::usage::UsageError;
use crate::worker::WorkerError;

/// Exit code of a run that passed.
pub const EXIT_OK: i32 = 0;
/// Exit code of a run whose expectation or check failed (or, for `run`, whose page raised).
pub const EXIT_FAILED: i32 = 1;
/// Exit code of bad usage or bad input: nothing ran.
pub const EXIT_BAD_INPUT: i32 = 2;
/// Exit code of a session cut short: a budget ran out, it timed out, or its worker process crashed.
pub const EXIT_CUT_SHORT: i32 = 3;
/// Exit code of a run whose work was done but one of whose outputs (a file, or stdout) could not be written: the
/// other outputs were still written ([`Error::Write`]).
pub const EXIT_WRITE_FAILED: i32 = 4;

/// The error of a part the [`Error`] wraps when its type is not fixed (the parser of one command-line value).
pub(crate) type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Everything that stops an entry point of this crate before it has a report. Each variant keeps the error of the
/// part that failed as its [`source`](std::error::Error::source); [`Error::exit_code`] says how the command line
/// ends for it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A session script does not parse or check (the message names file, line, column and field). Exit code 2.
    #[error(transparent)]
    Script(#[from] ScriptError),
    /// What a script names is wrong: an SDK or HAR that cannot be read or parsed, a corrupt profile. Exit code 2.
    #[error(transparent)]
    Setup(#[from] SetupError),
    /// Driving a [`Session`](crate::Session) failed: a bad URL, no page, a page that threw (exit code 1), a budget
    /// that ran out (exit code 3). Otherwise exit code 2.
    #[error(transparent)]
    Session(#[from] SessionError),
    /// A transport could not be set up (a stub rule, a HAR file). Exit code 2.
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// A profile file (cookies and localStorage) is corrupt or cannot be written. Exit code 2.
    #[error(transparent)]
    Profile(#[from] ProfileError),
    /// The conformance suite does not load. Exit code 2.
    #[error(transparent)]
    Suite(#[from] SuiteError),
    /// A check selection is unusable (an unknown profile, a filter that matches nothing). Exit code 2.
    #[error(transparent)]
    Select(#[from] SelectError),
    /// A suite could not be run (exit code 2), or a reporter could not write while it ran ([`RunError::Io`], exit
    /// code 4).
    #[error(transparent)]
    Run(#[from] RunError),
    /// A document for the HTML report cannot be read, or is none the report shows. Exit code 2.
    #[error(transparent)]
    Document(#[from] LoadError),
    /// A worker process could not start, or refused its job. Exit code 2.
    #[error(transparent)]
    Worker(#[from] WorkerError),
    /// A command-line value, or the file it names, is unusable: `arg` names the flag (and the file), the source
    /// says why. Exit code 2.
    #[error("{arg}: {source}")]
    Arg {
        /// The flag and its value or file, as typed (`--sdk build/ce.js`, `--clock-start`).
        arg: String,
        /// The typed error of the parser or reader.
        source: Box<dyn std::error::Error + Send + Sync + 'static>,
    },
    /// An output fails its checks before anything runs (its folder is missing, it is an input, two outputs are the
    /// same file). Exit code 2.
    #[error(transparent)]
    RefusedOutput(#[from] RefusedOutput),
    /// The work ran, but an output could not be written (a full disk, a read-only folder, a closed stdout). The
    /// command still wrote its other outputs. Exit code 4.
    #[error("{what}{}: cannot write: {source}", path.as_ref().map(|p| format!(" {}", p.display())).unwrap_or_default())]
    Write {
        /// The flag that named the output (`--out`, `--har`), or `stdout`.
        what: String,
        /// The file (`None` for stdout).
        path: Option<PathBuf>,
        /// Why.
        source: Box<dyn std::error::Error + Send + Sync + 'static>,
    },
    /// The library could not start the thread a session runs on. Exit code 2.
    #[error("cannot start a session thread: {0}")]
    Thread(#[source] std::io::Error),
    /// The arguments or options do not fit together (the message says how). Exit code 2.
    #[error(transparent)]
    Usage(#[from] UsageError),
}

impl Error {
    /// The command line's exit code for this error: [`EXIT_FAILED`] (1) when a page threw, [`EXIT_CUT_SHORT`] (3)
    /// when a budget cut the session short, [`EXIT_WRITE_FAILED`] (4) when an output could not be written once the
    /// work ran (or, for a suite, while it ran), [`EXIT_BAD_INPUT`] (2, bad usage or input: nothing ran) for everything else. See the README's
    /// "Commands".
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Session(SessionError::Script(_)) => EXIT_FAILED,
            Error::Session(SessionError::Budget(_)) => EXIT_CUT_SHORT,
            Error::Write { .. } | Error::Run(RunError::Io(_)) => EXIT_WRITE_FAILED,
            _ => EXIT_BAD_INPUT,
        }
    }

    /// An [`Error::Arg`]: `arg` (a flag, with its value or file) is unusable because of `source`.
    pub fn arg(arg: impl Into<String>, source: impl Into<BoxError>) -> Error {
        Error::Arg { arg: arg.into(), source: source.into() }
    }

    /// An [`Error::Write`]: the output `what` (a flag such as `--out`) at `path` could not be written.
    pub fn write(what: impl Into<String>, path: impl Into<PathBuf>, source: impl Into<BoxError>) -> Error {
        Error::Write { what: what.into(), path: Some(path.into()), source: source.into() }
    }

    /// An [`Error::Write`] of stdout (a closed pipe, a full disk).
    pub fn write_stdout(source: impl Into<BoxError>) -> Error {
        Error::Write { what: "stdout".into(), path: None, source: source.into() }
    }
}

impl From<Exceeded> for Error {
    fn from(e: Exceeded) -> Error {
        Error::Session(SessionError::Budget(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_by_kind() {
        assert_eq!(Error::Usage(UsageError::SharedJar).exit_code(), EXIT_BAD_INPUT);
        assert_eq!(Error::Session(SessionError::Script("boom".into())).exit_code(), EXIT_FAILED);
        assert_eq!(Error::Session(SessionError::NoPage).exit_code(), EXIT_BAD_INPUT);
        let write = Error::write("--out", "a/b.json", std::io::Error::other("gone"));
        assert_eq!(
            (write.exit_code(), write.to_string()),
            (EXIT_WRITE_FAILED, "--out a/b.json: cannot write: gone".into())
        );
        let source = std::error::Error::source(&write).and_then(|s| s.downcast_ref::<std::io::Error>());
        assert!(source.is_some(), "the io error is the source");
        let stdout = Error::write_stdout(std::io::Error::other("closed"));
        assert_eq!(
            (stdout.exit_code(), stdout.to_string()),
            (EXIT_WRITE_FAILED, "stdout: cannot write: closed".into())
        );
        let arg = Error::arg("--shard", "2/1".parse::<crate::conformance::Shard>().expect_err("bad shard"));
        assert_eq!(arg.exit_code(), EXIT_BAD_INPUT);
        assert!(arg.to_string().starts_with("--shard: bad shard \"2/1\""), "{arg}");
        let source = std::error::Error::source(&arg).and_then(|s| s.downcast_ref::<crate::conformance::ShardError>());
        assert!(source.is_some(), "the typed parse error is the source");
    }
}
