//! [`UsageError`]: the ways command-line arguments do not fit together, each with the message the command line
//! prints for it (exit code 2: nothing ran).

use std::path::PathBuf;

use crate::clock::VirtualTime;

/// Arguments or options that do not fit together. The message names the flag and says what would fit.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum UsageError {
    /// `sdkhost schema NAME` with a name no schema has.
    #[error("no schema named {name:?}")]
    UnknownSchema {
        /// The name as typed.
        name: String,
    },
    /// Two `--sdk URL=FILE` values for one URL.
    #[error("--sdk: {url} is mapped twice")]
    SdkMappedTwice {
        /// The URL given twice.
        url: String,
    },
    /// `conform --sdk URL=FILE`: conform tests one build, served at the CrossEngage script URL.
    #[error(
        "--sdk {url}={}: conform tests one CrossEngage build, served at its script URL; give --sdk FILE",
        file.display()
    )]
    ConformSdkMapped {
        /// The URL as typed.
        url: String,
        /// The file as typed.
        file: PathBuf,
    },
    /// `run --advance`: the clock would pass [`VirtualTime::MAX`].
    #[error("--advance {advance_ms}: the clock would pass {}", VirtualTime::MAX)]
    AdvancePastClockEnd {
        /// The span asked for, in milliseconds.
        advance_ms: u64,
    },
    /// `--timeout` is not a positive number of seconds.
    #[error("--timeout {seconds}: expected a positive number of seconds")]
    Timeout {
        /// The value as parsed.
        seconds: f64,
    },
    /// `--max-memory` is below what a worker process needs to start.
    #[error("--max-memory {mib}: at least {least} MiB (a worker needs about 150 MiB of address space to start)")]
    MaxMemory {
        /// The value given, in MiB.
        mib: u64,
        /// The least that is accepted, in MiB.
        least: u64,
    },
    /// `--consent-cookie` is not `NAME=VALUE`.
    #[error("--consent-cookie {text:?}: expected NAME=VALUE")]
    ConsentCookie {
        /// The value as typed.
        text: String,
    },
    /// A folder given to `replay` holds no session script.
    #[error("{}: no *.json session scripts in this folder", folder.display())]
    NoSessionScripts {
        /// The folder.
        folder: PathBuf,
    },
    /// `--replay-har` without `--transport replay`.
    #[error("--replay-har needs --transport replay (the HAR is what the replay transport answers from)")]
    ReplayHarWithoutReplay,
    /// `--jar` with several sessions.
    #[error("--jar: one profile file cannot be shared by several sessions; give one session")]
    SharedJar,
    /// `--out` or `--har` names a file while several sessions need a folder.
    #[error("{flag} {}: several sessions need a folder here, not a file", path.display())]
    OutputNotAFolder {
        /// The flag (`--out`, `--har`).
        flag: String,
        /// The path as given.
        path: PathBuf,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_flag() {
        let cases = [
            (UsageError::UnknownSchema { name: "x".into() }, "no schema named \"x\""),
            (UsageError::SdkMappedTwice { url: "https://a/".into() }, "--sdk: https://a/ is mapped twice"),
            (UsageError::Timeout { seconds: 0.0 }, "--timeout 0: expected a positive number of seconds"),
            (
                UsageError::OutputNotAFolder { flag: "--out".into(), path: "t.json".into() },
                "--out t.json: several sessions need a folder here, not a file",
            ),
        ];
        for (error, message) in cases {
            assert_eq!(error.to_string(), message);
        }
    }
}
