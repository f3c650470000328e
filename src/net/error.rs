//! [`TransportError`]: what can go wrong while setting up a transport (bad stub pattern, unreadable HAR).
//!
//! Failures of a single request are not errors: they are an [`crate::net::Outcome::NetworkError`].

/// A transport could not be built or configured.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TransportError {
    /// A stub rule's URL pattern is not a valid glob or regex.
    #[error("stub rule {index}: bad url pattern {pattern:?}: {msg}")]
    BadPattern {
        /// 1-based position of the rule.
        index: usize,
        /// The pattern as written.
        pattern: String,
        /// What is wrong with it.
        msg: String,
    },
    /// A stub rule is inconsistent (e.g. both `body` and `body_json`).
    #[error("stub rule {index}: {msg}")]
    BadRule {
        /// 1-based position of the rule.
        index: usize,
        /// What is wrong with it.
        msg: String,
    },
    /// The `respond` step needs the stub transport.
    #[error("respond needs the stub transport, not {transport}")]
    NotStub {
        /// The transport in use.
        transport: String,
    },
    /// A HAR file could not be read.
    #[error("har {path}: {source}")]
    HarRead {
        /// The file.
        path: String,
        /// The I/O error (not part of the sdkhost API).
        source: std::io::Error,
    },
    /// A HAR file is not valid JSON or not HAR 1.x.
    #[error("har {path}:{line}:{column}: {msg}")]
    HarParse {
        /// The file (or the name given to in-memory text).
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        msg: String,
    },
}
