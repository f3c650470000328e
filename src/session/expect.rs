//! Expectations: what a session script asserts about requests, cookies, console lines and JS errors (the format and
//! the text/JSON matching rules). How each is judged against the transcript is in `judge.rs`.

use std::collections::BTreeMap;

use regex::Regex;
use serde::Deserialize;
use serde_json::Value;

use crate::transcript::ConsoleLevel;

/// One `expect` step. Every part is optional; all given parts must hold.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    /// A name for the report.
    #[serde(default)]
    pub label: Option<String>,
    /// What went through the gate.
    #[serde(default)]
    pub requests: Option<RequestsExpect>,
    /// Cookies in the jar now.
    #[serde(default)]
    pub cookies: Vec<CookieExpect>,
    /// Console lines.
    #[serde(default)]
    pub console: Vec<ConsoleExpect>,
    /// No JS error was recorded in the window.
    #[serde(default)]
    pub no_js_errors: bool,
    /// JS expressions and the JSON value each must evaluate to (run in the page by the runner).
    #[serde(default)]
    pub js: Vec<JsExpect>,
    /// Which part of the transcript requests, console lines and errors are read from. Defaults to `last_expect`.
    #[serde(default)]
    pub since: Since,
}

/// The window of the transcript an expectation reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Since {
    /// Since the previous `expect` step (or the start).
    #[default]
    LastExpect,
    /// The whole session.
    Start,
    /// Since the current page opened.
    Page,
}

/// Counts and patterns over the requests in the window.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestsExpect {
    /// Exactly this many requests (allowed or blocked).
    #[serde(default)]
    pub count: Option<usize>,
    /// Exactly this many allowed.
    #[serde(default)]
    pub allowed: Option<usize>,
    /// Exactly this many blocked.
    #[serde(default)]
    pub blocked: Option<usize>,
    /// Each pattern must match (at least one request, or exactly `count`).
    #[serde(default)]
    pub matching: Vec<RequestPattern>,
}

/// A pattern over one request.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestPattern {
    /// `xhr`, `fetch`, `beacon`, `image`, `script`, `navigation`, `form`.
    #[serde(default)]
    pub initiator: Option<String>,
    /// HTTP method.
    #[serde(default)]
    pub method: Option<String>,
    /// URL: a glob with `*`, or `re:<regex>`.
    #[serde(default)]
    pub url: Option<String>,
    /// `allowed` or `blocked`.
    #[serde(default)]
    pub decision: Option<String>,
    /// The JSON body contains this (objects: these keys with matching values; arrays: equal length, each element
    /// matching; strings may be `re:<regex>`).
    #[serde(default)]
    pub body: Option<Value>,
    /// Request headers that must be present (name case-insensitive; value glob or `re:`).
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// The credentials mode: `omit`, `same_origin` (XHR without `withCredentials`, fetch's default) or `include`.
    #[serde(default)]
    pub credentials: Option<String>,
    /// The response status (0 = network error or blocked).
    #[serde(default)]
    pub status: Option<u16>,
    /// Exactly this many requests match (default: at least one).
    #[serde(default)]
    pub count: Option<usize>,
    /// The virtual ms between consecutive matching requests, e.g. `[1000, 4000]` for retries.
    #[serde(default)]
    pub intervals_ms: Option<Vec<i64>>,
}

/// A cookie that must (or must not) be in the jar, visible to a URL.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CookieExpect {
    /// The cookie name.
    pub name: String,
    /// The URL it must be visible to. Defaults to the current page.
    #[serde(default)]
    pub url: Option<String>,
    /// Present (default) or absent.
    #[serde(default)]
    pub present: Option<bool>,
    /// Exact value, or `re:<regex>`.
    #[serde(default)]
    pub value: Option<String>,
    /// The `Domain` (without dot) or host.
    #[serde(default)]
    pub domain: Option<String>,
    /// Host-only (no `Domain` attribute).
    #[serde(default)]
    pub host_only: Option<bool>,
    /// The path.
    #[serde(default)]
    pub path: Option<String>,
    /// `Secure`.
    #[serde(default)]
    pub secure: Option<bool>,
    /// `HttpOnly`.
    #[serde(default)]
    pub http_only: Option<bool>,
    /// `Strict`, `Lax`, `None`, or `unset`.
    #[serde(default)]
    pub same_site: Option<String>,
    /// Expiry as seconds after the cookie was last written (session cookies never match).
    #[serde(default)]
    pub lifetime_s: Option<i64>,
    /// Each string must be one of the `;`-separated parts of the last `document.cookie` write of this name (ASCII
    /// case-insensitive, spaces trimmed): `Max-Age=39446190` matches that attribute exactly (not `Max-Age=394461900`);
    /// a string without `=` matches an attribute of that name whatever its value (`Secure`, `Max-Age`).
    #[serde(default)]
    pub written_with: Vec<String>,
}

/// Console lines that must (or must not) appear.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsoleExpect {
    /// `debug`, `log`, `info`, `warn`, `error`; any when absent.
    #[serde(default)]
    pub level: Option<ConsoleLevel>,
    /// Text: a substring, or `re:<regex>`; any when absent.
    #[serde(default)]
    pub text: Option<String>,
    /// Exactly this many lines match (default: at least one). `0` asserts there is none.
    #[serde(default)]
    pub count: Option<usize>,
}

/// A JS expression and its expected JSON value.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsExpect {
    /// The expression.
    pub expr: String,
    /// Its value as JSON (`JSON.stringify` semantics).
    pub equals: Value,
}

/// Text matching used by patterns: `re:<regex>`, a glob with `*`, or exact.
///
/// # Errors
/// A bad regex.
pub fn text_matches(pattern: &str, text: &str) -> Result<bool, String> {
    if let Some(re) = pattern.strip_prefix("re:") {
        return Regex::new(re).map(|r| r.is_match(text)).map_err(|e| format!("bad regex {re:?}: {e}"));
    }
    if pattern.contains('*') {
        let parts: Vec<String> = pattern.split('*').map(regex::escape).collect();
        let re = format!("^{}$", parts.join(".*"));
        return Regex::new(&re).map(|r| r.is_match(text)).map_err(|e| e.to_string());
    }
    Ok(pattern == text)
}

/// Whether `actual` contains `expected` (see [`RequestPattern::body`]).
pub fn json_subset(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e.iter().all(|(k, v)| a.get(k).is_some_and(|av| json_subset(v, av))),
        (Value::Array(e), Value::Array(a)) => e.len() == a.len() && e.iter().zip(a).all(|(x, y)| json_subset(x, y)),
        (Value::String(e), Value::String(a)) if e.starts_with("re:") => text_matches(e, a).unwrap_or(false),
        _ => expected == actual,
    }
}
