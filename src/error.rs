//! [`Error`]: the one error type of the library's entry points, and the exit code the command line gives each kind.
//!
//! A failing expectation or check is not an error: it is in the report, and the command line exits 1 for it. An
//! error means there is no report: the input is bad, a file cannot be read or written, or a session could not go on.

use std::path::PathBuf;

use crate::budget::Exceeded;
use crate::conformance::{RunError, SelectError, SuiteError};
use crate::jar::ProfileError;
use crate::net::TransportError;
use crate::session::{ScriptError, SessionError, SetupError};
use crate::worker::WorkerError;

/// Exit code of a run that passed.
pub const EXIT_OK: i32 = 0;
/// Exit code of a run whose expectation or check failed (or, for `run`, whose page raised).
pub const EXIT_FAILED: i32 = 1;
/// Exit code of bad usage or bad input: nothing ran.
pub const EXIT_BAD_INPUT: i32 = 2;
/// Exit code of a session cut short: a budget ran out, it timed out, or its worker process crashed.
pub const EXIT_CUT_SHORT: i32 = 3;

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
    /// A suite could not be run or its report written. Exit code 2.
    #[error(transparent)]
    Run(#[from] RunError),
    /// A worker process could not start, or refused its job. Exit code 2.
    #[error(transparent)]
    Worker(#[from] WorkerError),
    /// A file could not be read or written. Exit code 2.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The library could not start the thread a session runs on. Exit code 2.
    #[error("cannot start a session thread: {0}")]
    Thread(#[source] std::io::Error),
    /// The arguments or options do not fit together (the message says how). Exit code 2.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// The command line's exit code for this error: `1` when a page threw, `3` when a budget cut the session short,
    /// `2` (bad usage or input) for everything else. See the README's "Commands".
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Session(SessionError::Script(_)) => EXIT_FAILED,
            Error::Session(SessionError::Budget(_)) => EXIT_CUT_SHORT,
            _ => EXIT_BAD_INPUT,
        }
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
        assert_eq!(Error::Usage("x".into()).exit_code(), EXIT_BAD_INPUT);
        assert_eq!(Error::Session(SessionError::Script("boom".into())).exit_code(), EXIT_FAILED);
        assert_eq!(Error::Session(SessionError::NoPage).exit_code(), EXIT_BAD_INPUT);
        let io = Error::Io { path: "a/b.json".into(), source: std::io::Error::other("gone") };
        assert_eq!((io.exit_code(), io.to_string()), (EXIT_BAD_INPUT, "a/b.json: gone".to_owned()));
        assert!(std::error::Error::source(&io).is_some(), "the io error is the source");
    }
}
