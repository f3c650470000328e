//! The replay transport: answers from a recorded HAR 1.2 file.
//!
//! A request matches an entry with the same method, URL and body; the Nth identical request gets the Nth matching
//! entry (file order). Entries marked `_blocked` (requests the gate stopped while recording) are skipped. An entry
//! with status 0 (or below) replays as a network error with its `_error` message. Each match is noted as
//! `entry 3, occurrence 1` (1-based, counting every entry in the file). With no match, [`ReplayMode::Strict`] gives
//! `NetworkError("replay: no HAR entry for …")` and [`ReplayMode::Lenient`] the stub's default answer.
//!
//! HAR is an external format, so unknown fields are ignored (no `deny_unknown_fields`).

use std::collections::BTreeMap;
#[cfg(test)]
use std::path::Path;

use serde::{Deserialize, Serialize};
use url::Url;

use super::error::TransportError;
use super::request::{Outcome, Request, Response, base64_decode};
use super::stub::StubTransport;
use super::transport::{Answer, Transport};

/// What to do with a request that has no HAR entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ReplayMode {
    /// Answer with a network error. The default.
    #[default]
    Strict,
    /// Answer with the stub default (`200 {}` after 20 ms).
    Lenient,
}

#[derive(Deserialize)]
struct Har {
    log: HarLog,
}

#[derive(Deserialize)]
struct HarLog {
    entries: Vec<HarEntry>,
}

#[derive(Deserialize)]
struct HarEntry {
    #[serde(default)]
    time: f64,
    request: HarRequest,
    response: HarResponse,
    #[serde(rename = "_blocked", default)]
    blocked: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct HarRequest {
    method: String,
    url: String,
    #[serde(rename = "postData", default)]
    post_data: Option<HarPostData>,
}

#[derive(Deserialize)]
struct HarPostData {
    #[serde(default)]
    text: Option<String>,
    #[serde(rename = "_encoding", default)]
    encoding: Option<String>,
}

#[derive(Deserialize)]
struct HarResponse {
    status: i64,
    #[serde(rename = "statusText", default)]
    status_text: String,
    #[serde(default)]
    headers: Vec<HarHeader>,
    #[serde(default)]
    content: Option<HarContent>,
    #[serde(rename = "_error", default)]
    error: Option<String>,
}

#[derive(Deserialize)]
struct HarHeader {
    name: String,
    value: String,
}

#[derive(Deserialize)]
struct HarContent {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    encoding: Option<String>,
}

/// What a request is matched on: method, normalised URL, body.
type Key = (String, String, Vec<u8>);

struct Recorded {
    /// 1-based position in the file's `entries`.
    index: usize,
    key: Key,
    outcome: Outcome,
    latency_ms: u64,
}

/// The replay transport.
pub(crate) struct ReplayTransport {
    entries: Vec<Recorded>,
    seen: BTreeMap<Key, usize>,
    used: Vec<bool>,
    mode: ReplayMode,
}

impl std::fmt::Debug for ReplayTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReplayTransport").field("entries", &self.entries.len()).field("mode", &self.mode).finish()
    }
}

impl ReplayTransport {
    /// Loads the HAR file at `path`.
    ///
    /// # Errors
    /// [`TransportError::HarRead`] when it cannot be read, [`TransportError::HarParse`] with line and column when it
    /// is not HAR.
    #[cfg(test)]
    pub(crate) fn from_har_file(path: &Path, mode: ReplayMode) -> Result<Self, TransportError> {
        let name = path.display().to_string();
        let text =
            crate::files::read_input(path).map_err(|source| TransportError::HarRead { path: name.clone(), source })?;
        Self::from_har_str(&text, &name, mode)
    }

    /// Loads HAR text; `name` stands for the file in error messages.
    ///
    /// # Errors
    /// [`TransportError::HarParse`] with line and column when `text` is not HAR.
    pub(crate) fn from_har_str(text: &str, name: &str, mode: ReplayMode) -> Result<Self, TransportError> {
        let har: Har = serde_json::from_str(text).map_err(|e| TransportError::HarParse {
            path: name.to_owned(),
            line: e.line(),
            column: e.column(),
            msg: e.to_string(),
        })?;
        let entries: Vec<Recorded> = har
            .log
            .entries
            .into_iter()
            .enumerate()
            .filter(|(_, e)| e.blocked.is_none())
            .map(|(i, e)| recorded(i + 1, e))
            .collect();
        let used = vec![false; entries.len()];
        Ok(ReplayTransport { entries, seen: BTreeMap::new(), used, mode })
    }

    /// Loads a HAR document already in memory (e.g. from [`crate::net::to_har`]).
    ///
    /// # Errors
    /// As [`ReplayTransport::from_har_str`]; `name` stands for the document.
    #[cfg(test)]
    pub(crate) fn from_har_value(
        har: &serde_json::Value,
        name: &str,
        mode: ReplayMode,
    ) -> Result<Self, TransportError> {
        Self::from_har_str(&har.to_string(), name, mode)
    }

    /// How many entries can be replayed (blocked ones excluded).
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The 1-based file positions of the entries no request has used yet.
    #[cfg(test)]
    pub(crate) fn unused_entries(&self) -> Vec<usize> {
        self.entries.iter().zip(&self.used).filter(|(_, used)| !**used).map(|(e, _)| e.index).collect()
    }
}

fn normalise_url(url: &str) -> String {
    Url::parse(url).map(String::from).unwrap_or_else(|_| url.to_owned())
}

fn recorded(index: usize, e: HarEntry) -> Recorded {
    let body = match e.request.post_data {
        Some(HarPostData { text: Some(text), encoding }) => decode(text, encoding.as_deref()),
        _ => Vec::new(),
    };
    let key = (e.request.method.to_ascii_uppercase(), normalise_url(&e.request.url), body);
    let r = e.response;
    let outcome = match u16::try_from(r.status) {
        Ok(status) if status > 0 => {
            let body = match r.content {
                Some(HarContent { text: Some(text), encoding }) => decode(text, encoding.as_deref()),
                _ => Vec::new(),
            };
            let headers = r.headers.into_iter().map(|h| (h.name, h.value)).collect();
            Outcome::Response(Response { status, status_text: r.status_text, headers, body })
        }
        _ => Outcome::NetworkError(r.error.unwrap_or_else(|| "replay: recorded failure".into())),
    };
    // HAR times are fractional ms; the float-to-int cast saturates and maps NaN to 0.
    let latency_ms = e.time.max(0.0).round() as u64;
    Recorded { index, key, outcome, latency_ms }
}

fn decode(text: String, encoding: Option<&str>) -> Vec<u8> {
    match encoding {
        Some("base64") => base64_decode(&text).unwrap_or_else(|| text.into_bytes()),
        _ => text.into_bytes(),
    }
}

impl Transport for ReplayTransport {
    fn name(&self) -> &str {
        "replay"
    }

    fn send(&mut self, req: &Request) -> Answer {
        let key = (req.method.to_ascii_uppercase(), req.url.as_str().to_owned(), req.body.clone());
        let occurrence = {
            let n = self.seen.entry(key.clone()).or_insert(0);
            *n += 1;
            *n
        };
        let found = self.entries.iter().enumerate().filter(|(_, e)| e.key == key).nth(occurrence - 1);
        if let Some((pos, entry)) = found {
            self.used[pos] = true;
            let note = format!("entry {}, occurrence {occurrence}", entry.index);
            return Answer::new(entry.outcome.clone(), entry.latency_ms).with_note(note);
        }
        let miss = format!("replay: no HAR entry for {} {} (occurrence {occurrence})", req.method, req.url);
        match self.mode {
            ReplayMode::Strict => Answer::new(Outcome::NetworkError(miss), 0),
            ReplayMode::Lenient => StubTransport::default_answer().with_note(format!("{miss}; stub default")),
        }
    }
}
