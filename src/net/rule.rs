//! A stub rule: one canned answer and the requests it applies to (the format is in `stub.rs`).

use regex::Regex;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::request::{Outcome, Response, find_header};

/// Latency of the default answer and of rules that do not set one (ms).
pub(crate) const DEFAULT_LATENCY_MS: u64 = 20;

/// One canned answer and the requests it applies to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StubRule {
    /// Method to match (case-insensitive); `None` matches any. Defaults to `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// URL pattern: a `*` glob over the full URL, or `re:<regex>`.
    pub url: String,
    /// Status code. Defaults to 200.
    #[serde(default = "default_status")]
    pub status: u16,
    /// Reason phrase. Defaults to the standard one for `status`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_text: Option<String>,
    /// Response headers, `Set-Cookie` included, in order. Defaults to none.
    #[serde(default)]
    pub headers: Vec<(String, String)>,
    /// Body text. Defaults to empty.
    #[serde(default)]
    pub body: String,
    /// Body as JSON (serialised compactly; adds `Content-Type: application/json` unless a content type is given).
    /// Exclusive with `body`. Defaults to `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_json: Option<Value>,
    /// Virtual latency in ms. Defaults to 20.
    #[serde(default = "default_latency")]
    pub latency_ms: u64,
    /// When set, answer with a network error carrying this message instead of a response. Defaults to `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_error: Option<String>,
}

fn default_status() -> u16 {
    200
}

fn default_latency() -> u64 {
    DEFAULT_LATENCY_MS
}

impl StubRule {
    /// A rule for any method on `url_pattern`, answering `200` with an empty body after 20 ms.
    pub fn new(url_pattern: &str) -> Self {
        StubRule {
            method: None,
            url: url_pattern.to_owned(),
            status: 200,
            status_text: None,
            headers: Vec::new(),
            body: String::new(),
            body_json: None,
            latency_ms: DEFAULT_LATENCY_MS,
            network_error: None,
        }
    }

    /// The answer this rule gives.
    pub fn answer(&self) -> (Outcome, u64) {
        if let Some(msg) = &self.network_error {
            return (Outcome::NetworkError(msg.clone()), self.latency_ms);
        }
        let mut response = Response::new(self.status);
        if let Some(text) = &self.status_text {
            response.status_text.clone_from(text);
        }
        response.headers.clone_from(&self.headers);
        match &self.body_json {
            Some(json) => {
                if find_header(&response.headers, "content-type").is_none() {
                    response.headers.push(("Content-Type".into(), "application/json".into()));
                }
                response.body = json.to_string().into_bytes();
            }
            None => response.body = self.body.clone().into_bytes(),
        }
        (Outcome::Response(response), self.latency_ms)
    }
}

/// Compiles a URL pattern into an anchored (glob) or as-written (`re:`) regex.
pub(crate) fn compile_pattern(pattern: &str) -> Result<Regex, String> {
    let source = match pattern.strip_prefix("re:") {
        Some(re) => re.to_owned(),
        None => {
            let parts: Vec<String> = pattern.split('*').map(regex::escape).collect();
            format!("^{}$", parts.join(".*"))
        }
    };
    Regex::new(&source).map_err(|e| e.to_string())
}
