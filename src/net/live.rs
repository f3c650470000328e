//! The live transport: real HTTP/1.1 with ureq, for runs against a real or local collector.
//!
//! It sends the request exactly as the gate passed it (the `Cookie` header is already there). ureq would add `Host`,
//! the body framing and, for a URL with credentials, `Authorization`; this transport names `Host` and
//! `Content-Length` itself ([`Transport::wire_headers`], so they are in the record) and the gate has removed URL
//! credentials, so ureq adds nothing (no `User-Agent`, `Accept` or `Accept-Encoding` either). Redirects are not followed: a
//! 3xx comes back as is, with a note. Bodies over the cap are truncated, with a note. Connection failures and
//! timeouts (connect and overall, enforced by ureq) become [`Outcome::NetworkError`]s; `send` never panics.
//!
//! The latency reported is the configured fixed value, not the time measured, so a transcript is as deterministic as
//! the server. This is the one file that deals with real time, and only through ureq's socket timeouts.

use std::io::Read;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use ureq::config::AutoHeaderValue;

use super::request::{Outcome, Request, Response, reason_phrase};
use super::transport::{Answer, Transport};

/// Settings of the live transport.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct LiveConfig {
    /// Connection setup timeout (DNS, TCP, TLS), ms. Defaults to 5000.
    pub timeout_connect_ms: u64,
    /// Timeout for the whole exchange, response body included, ms. Defaults to 5000.
    pub timeout_global_ms: u64,
    /// Response bodies longer than this are truncated. Defaults to 1 MiB.
    pub max_body_bytes: u64,
    /// The virtual latency reported for every exchange, ms. Defaults to 20.
    pub latency_ms: u64,
}

impl Default for LiveConfig {
    fn default() -> Self {
        LiveConfig { timeout_connect_ms: 5000, timeout_global_ms: 5000, max_body_bytes: 1 << 20, latency_ms: 20 }
    }
}

/// Real HTTP through one ureq agent (connections are pooled).
pub(crate) struct LiveTransport {
    agent: ureq::Agent,
    config: LiveConfig,
}

impl Default for LiveTransport {
    fn default() -> Self {
        LiveTransport::new(LiveConfig::default())
    }
}

impl LiveTransport {
    /// A live transport with these settings.
    pub(crate) fn new(config: LiveConfig) -> Self {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(AutoHeaderValue::None)
            .accept(AutoHeaderValue::None)
            .accept_encoding(AutoHeaderValue::None)
            .timeout_connect(Some(Duration::from_millis(config.timeout_connect_ms)))
            .timeout_global(Some(Duration::from_millis(config.timeout_global_ms)))
            .build()
            .new_agent();
        LiveTransport { agent, config }
    }

    fn exchange(&self, req: &Request) -> Result<(Response, Vec<String>), String> {
        let mut builder = ureq::http::Request::builder().method(req.method.as_str()).uri(req.url.as_str());
        for (name, value) in &req.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        let result = if req.body.is_empty() {
            builder.body(()).map(|r| self.agent.run(r))
        } else {
            builder.body(req.body.as_slice()).map(|r| self.agent.run(r))
        };
        let response = result.map_err(|e| format!("live: bad request: {e}"))?.map_err(|e| format!("live: {e}"))?;
        let status = response.status();
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
            .collect();
        let mut body = Vec::new();
        let cap = self.config.max_body_bytes;
        response
            .into_body()
            .into_reader()
            .take(cap.saturating_add(1))
            .read_to_end(&mut body)
            .map_err(|e| format!("live: reading body: {e}"))?;
        let mut notes = Vec::new();
        if body.len() as u64 > cap {
            body.truncate(usize::try_from(cap).unwrap_or(usize::MAX));
            notes.push(format!("body truncated at {cap} bytes"));
        }
        let code = status.as_u16();
        if status.is_redirection() {
            let location = headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("location")).map(|(_, v)| v.as_str());
            notes.push(format!("redirect not followed: {code} to {}", location.unwrap_or("(no location)")));
        }
        let known = reason_phrase(code);
        let status_text = if known.is_empty() { status.canonical_reason().unwrap_or("") } else { known }.to_owned();
        Ok((Response { status: code, status_text, headers, body }, notes))
    }
}

impl Transport for LiveTransport {
    fn name(&self) -> &str {
        "live"
    }

    fn send(&mut self, req: &Request) -> Answer {
        let (outcome, notes) = match self.exchange(req) {
            Ok((response, notes)) => (Outcome::Response(response), notes),
            Err(msg) => (Outcome::NetworkError(msg), Vec::new()),
        };
        let answer = Answer::new(outcome, self.config.latency_ms);
        if notes.is_empty() { answer } else { answer.with_note(notes.join("; ")) }
    }

    fn wire_headers(&self, req: &Request) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if let Some(host) = req.url.host_str() {
            // As ureq writes it: the port only when it is not the scheme's default.
            let host = match req.url.port() {
                Some(port) => format!("{host}:{port}"),
                None => host.to_owned(),
            };
            out.push(("Host".to_owned(), host));
        }
        if !req.body.is_empty() {
            out.push(("Content-Length".to_owned(), req.body.len().to_string()));
        }
        out
    }
}
