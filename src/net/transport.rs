//! [`Transport`]: where the gate sends the requests its policy allowed, and the [`Answer`] it gets back.

use super::error::TransportError;
use super::request::{Outcome, Request};
use super::rule::StubRule;

/// What a transport answered to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The response, or the network error the page sees.
    pub outcome: Outcome,
    /// Virtual milliseconds after which the page sees it.
    pub latency_ms: u64,
    /// A remark for the record: which rule or HAR entry answered, a truncated body.
    pub note: Option<String>,
}

impl Answer {
    /// `outcome` after `latency_ms`, without a note.
    pub fn new(outcome: Outcome, latency_ms: u64) -> Answer {
        Answer { outcome, latency_ms, note: None }
    }

    /// The same answer with `note`.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Answer {
        self.note = Some(note.into());
        self
    }
}

/// Where allowed requests go: stub, live HTTP or HAR replay (or a test double). Only the `Egress` that owns it
/// calls it, for requests its policy allowed.
pub trait Transport {
    /// Short name recorded in each [`Exchange`](super::Exchange) (`stub`, `live`, `replay`).
    fn name(&self) -> &str;
    /// Answers one request. Failures are [`Outcome::NetworkError`]; this must not panic or hang.
    fn send(&mut self, req: &Request) -> Answer;
    /// The headers this transport adds on the wire to `req` as the gate hands it over (`Host`, `Content-Length`, ...),
    /// so that the record shows what is really sent. Defaults to none (a transport that sends nothing).
    fn wire_headers(&self, _req: &Request) -> Vec<(String, String)> {
        Vec::new()
    }
    /// Replaces the rules the transport answers from (the `respond` step). Only the stub has rules: the default is
    /// [`TransportError::NotStub`].
    ///
    /// # Errors
    /// A bad rule, or a transport without rules.
    fn set_rules(&mut self, rules: Vec<StubRule>) -> Result<(), TransportError> {
        drop(rules);
        Err(TransportError::NotStub { transport: self.name().to_owned() })
    }
}
