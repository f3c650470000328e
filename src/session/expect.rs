//! Expectations: what a session script asserts about requests, cookies, console lines and JS errors. Closed choices
//! are the transcript's own enums and patterns are compiled while parsing, so a typo (`"decision": "alowed"`, a regex
//! that does not compile) is a parse error naming the field, never a check that passes because nothing matches the
//! typo. Combinations that could never be observed (a body on an image request, attributes of an absent cookie) are
//! parse errors too. How each part is judged against the transcript is in `judge.rs`.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};
use serde_json::Value;

pub use super::pattern::{BodyPattern, LinePattern, TextPattern};
use crate::jar::SameSite;
use crate::net::{Credentials, Initiator, Reason};
use crate::transcript::ConsoleLevel;

/// One `expect` step. Every part is optional; all given parts must hold; at least one part must be given.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(try_from = "RawExpectation")]
pub struct Expectation {
    /// A name for the report.
    pub label: Option<String>,
    /// What went through the gate.
    pub requests: Option<RequestsExpect>,
    /// Cookies in the jar now.
    pub cookies: Vec<CookieExpect>,
    /// Console lines.
    pub console: Vec<ConsoleExpect>,
    /// No JS error was recorded in the window.
    pub no_js_errors: bool,
    /// JS expressions and the JSON value each must evaluate to (run in the page by the runner).
    pub js: Vec<JsExpect>,
    /// Which part of the transcript requests, console lines and errors are read from. Defaults to `last_expect`.
    pub since: Since,
}

#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawExpectation {
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    requests: Option<RequestsExpect>,
    #[serde(default)]
    cookies: Vec<CookieExpect>,
    #[serde(default)]
    console: Vec<ConsoleExpect>,
    #[serde(default)]
    no_js_errors: bool,
    #[serde(default)]
    js: Vec<JsExpect>,
    #[serde(default)]
    since: Since,
}

impl TryFrom<RawExpectation> for Expectation {
    type Error = String;

    fn try_from(r: RawExpectation) -> Result<Self, String> {
        if r.requests.is_none() && r.cookies.is_empty() && r.console.is_empty() && !r.no_js_errors && r.js.is_empty() {
            return Err("an expect step checks nothing: give requests, cookies, console, no_js_errors or js".into());
        }
        Ok(Expectation {
            label: r.label,
            requests: r.requests,
            cookies: r.cookies,
            console: r.console,
            no_js_errors: r.no_js_errors,
            js: r.js,
            since: r.since,
        })
    }
}

/// The window of the transcript an expectation reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(try_from = "RawRequestsExpect")]
pub struct RequestsExpect {
    /// Exactly this many requests (allowed or blocked).
    pub count: Option<usize>,
    /// Exactly this many allowed.
    pub allowed: Option<usize>,
    /// Exactly this many blocked.
    pub blocked: Option<usize>,
    /// Each pattern must match (at least one request, or exactly `count`).
    pub matching: Vec<RequestPattern>,
}

#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawRequestsExpect {
    #[serde(default)]
    count: Option<usize>,
    #[serde(default)]
    allowed: Option<usize>,
    #[serde(default)]
    blocked: Option<usize>,
    #[serde(default)]
    matching: Vec<RequestPattern>,
}

impl TryFrom<RawRequestsExpect> for RequestsExpect {
    type Error = String;

    fn try_from(r: RawRequestsExpect) -> Result<Self, String> {
        if let (Some(c), Some(a), Some(b)) = (r.count, r.allowed, r.blocked)
            && c != a + b
        {
            return Err(format!("count {c} can never equal allowed {a} + blocked {b}"));
        }
        if r.count.is_none() && r.allowed.is_none() && r.blocked.is_none() && r.matching.is_empty() {
            return Err("requests checks nothing: give count, allowed, blocked or matching".into());
        }
        for (i, p) in r.matching.iter().enumerate() {
            let most = match p.decision {
                Some(Verdict::Allowed) => r.allowed.or(r.count),
                Some(Verdict::Blocked) => r.blocked.or(r.count),
                None => r.count,
            };
            if let (Some(want), Some(most)) = (p.count, most)
                && want > most
            {
                return Err(format!("matching[{i}]: count {want} can never hold with at most {most} such requests"));
            }
        }
        Ok(RequestsExpect { count: r.count, allowed: r.allowed, blocked: r.blocked, matching: r.matching })
    }
}

/// The gate's verdict on a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Let through to the transport.
    Allowed,
    /// Stopped at the gate.
    Blocked,
}

impl Verdict {
    /// `allowed` or `blocked`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Allowed => "allowed",
            Verdict::Blocked => "blocked",
        }
    }
}

/// A pattern over one request.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(try_from = "RawRequestPattern")]
pub struct RequestPattern {
    /// `xhr`, `fetch`, `beacon`, `image`, `script`, `navigation`, `form`.
    pub initiator: Option<Initiator>,
    /// HTTP method (compared ASCII case-insensitively).
    pub method: Option<String>,
    /// URL: exact, a glob with `*`, or `re:<regex>`.
    pub url: Option<TextPattern>,
    /// `allowed` or `blocked`.
    pub decision: Option<Verdict>,
    /// The gate's reason: `consent`, `no_consent`, `consent_value_mismatch`, `host_not_allowed`, `deny_all`,
    /// `unsupported_scheme`.
    pub reason: Option<Reason>,
    /// The JSON body contains this (see [`BodyPattern`]).
    pub body: Option<BodyPattern>,
    /// Request headers that must be present (name case-insensitive; value exact, glob or `re:`).
    pub headers: BTreeMap<String, TextPattern>,
    /// The credentials mode: `omit`, `same_origin` (XHR without `withCredentials`, fetch's default) or `include`.
    pub credentials: Option<Credentials>,
    /// The response status (0 = network error or blocked).
    pub status: Option<u16>,
    /// Exactly this many requests match (default: at least one).
    pub count: Option<usize>,
    /// The virtual ms between consecutive matching requests, e.g. `[1000, 4000]` for retries.
    pub intervals_ms: Option<Vec<i64>>,
}

#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawRequestPattern {
    #[serde(default)]
    initiator: Option<Initiator>,
    #[serde(default)]
    method: Option<String>,
    #[serde(default)]
    url: Option<TextPattern>,
    #[serde(default)]
    decision: Option<Verdict>,
    #[serde(default)]
    reason: Option<Reason>,
    #[serde(default)]
    body: Option<BodyPattern>,
    #[serde(default)]
    headers: BTreeMap<String, TextPattern>,
    #[serde(default)]
    credentials: Option<Credentials>,
    #[serde(default)]
    status: Option<u16>,
    #[serde(default)]
    count: Option<usize>,
    #[serde(default)]
    intervals_ms: Option<Vec<i64>>,
}

impl TryFrom<RawRequestPattern> for RequestPattern {
    type Error = String;

    fn try_from(r: RawRequestPattern) -> Result<Self, String> {
        let never = |why: String| Err(format!("this pattern can never match: {why}"));
        if let Some(m) = &r.method
            && (m.is_empty() || !m.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)))
        {
            return never(format!("method {m:?} is not an HTTP method token"));
        }
        if let Some(i) = r.initiator {
            let fixed = match i {
                Initiator::Beacon | Initiator::Ping => Some("POST"),
                Initiator::Image
                | Initiator::Script
                | Initiator::Navigation
                | Initiator::Link
                | Initiator::Iframe
                | Initiator::Media
                | Initiator::Embed
                | Initiator::Anchor
                | Initiator::Refresh
                | Initiator::WindowOpen => Some("GET"),
                Initiator::Xhr | Initiator::Fetch | Initiator::Form => None,
            };
            if let (Some(fixed), Some(m)) = (fixed, &r.method)
                && !m.eq_ignore_ascii_case(fixed)
            {
                return never(format!("{} requests are always {fixed}, not {m}", initiator_name(i)));
            }
            if fixed == Some("GET") && r.body.is_some() {
                return never(format!("{} requests have no body", initiator_name(i)));
            }
        }
        if let (Some(reason), Some(d)) = (r.reason, r.decision) {
            let allowed = reason == Reason::Consent;
            if allowed != (d == Verdict::Allowed) {
                return never(format!("reason {} goes with the other decision than {}", reason.as_str(), d.as_str()));
            }
        }
        if let Some(s) = r.status {
            if s != 0 && !(100..=599).contains(&s) {
                return never(format!("status {s} is not 0 or an HTTP status (100-599)"));
            }
            let blocked = r.decision == Some(Verdict::Blocked) || r.reason.is_some_and(|x| x != Reason::Consent);
            if s != 0 && blocked {
                return never(format!("a blocked request gets no response, so its status is 0, never {s}"));
            }
        }
        if let Some(iv) = &r.intervals_ms {
            if let Some(bad) = iv.iter().find(|&&ms| ms < 0) {
                return never(format!("intervals_ms has {bad}: matching requests are in time order"));
            }
            if let Some(n) = r.count
                && iv.len() + 1 != n
            {
                return never(format!("count {n} requests have {} intervals, not {}", n.saturating_sub(1), iv.len()));
            }
        }
        Ok(RequestPattern {
            initiator: r.initiator,
            method: r.method,
            url: r.url,
            decision: r.decision,
            reason: r.reason,
            body: r.body,
            headers: r.headers,
            credentials: r.credentials,
            status: r.status,
            count: r.count,
            intervals_ms: r.intervals_ms,
        })
    }
}

/// The name of an initiator as scripts write it.
pub(crate) fn initiator_name(i: Initiator) -> String {
    serde_json::to_value(i).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// A cookie that must (or must not) be in the jar, visible to a URL.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(try_from = "RawCookieExpect")]
pub struct CookieExpect {
    /// The cookie name.
    pub name: String,
    /// The URL it must be visible to. Defaults to the current page.
    pub url: Option<url::Url>,
    /// Present (default) or absent.
    pub present: Option<bool>,
    /// Value: exact, a glob with `*`, or `re:<regex>`.
    pub value: Option<TextPattern>,
    /// The `Domain` (without dot) or host.
    pub domain: Option<String>,
    /// Host-only (no `Domain` attribute).
    pub host_only: Option<bool>,
    /// The path.
    pub path: Option<String>,
    /// `Secure`.
    pub secure: Option<bool>,
    /// `HttpOnly`.
    pub http_only: Option<bool>,
    /// `Strict`, `Lax`, `None`, or `unset`.
    pub same_site: Option<SameSiteExpect>,
    /// Expiry as seconds after the cookie was last written (session cookies never match).
    pub lifetime_s: Option<i64>,
    /// Each string must be one of the `;`-separated parts of the last `document.cookie` write of this name (ASCII
    /// case-insensitive, spaces trimmed): `Max-Age=39446190` matches that attribute exactly (not `Max-Age=394461900`);
    /// a string without `=` matches an attribute of that name whatever its value (`Secure`, `Max-Age`).
    pub written_with: Vec<String>,
}

#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawCookieExpect {
    name: String,
    #[serde(default)]
    url: Option<url::Url>,
    #[serde(default)]
    present: Option<bool>,
    #[serde(default)]
    value: Option<TextPattern>,
    #[serde(default)]
    domain: Option<String>,
    #[serde(default)]
    host_only: Option<bool>,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    secure: Option<bool>,
    #[serde(default)]
    http_only: Option<bool>,
    #[serde(default)]
    same_site: Option<SameSiteExpect>,
    #[serde(default)]
    lifetime_s: Option<i64>,
    #[serde(default)]
    written_with: Vec<String>,
}

impl TryFrom<RawCookieExpect> for CookieExpect {
    type Error = String;

    fn try_from(r: RawCookieExpect) -> Result<Self, String> {
        if r.name.trim().is_empty() {
            return Err("a cookie check needs a name".into());
        }
        if r.present == Some(false) {
            let attrs = [
                ("value", r.value.is_some()),
                ("domain", r.domain.is_some()),
                ("host_only", r.host_only.is_some()),
                ("path", r.path.is_some()),
                ("secure", r.secure.is_some()),
                ("http_only", r.http_only.is_some()),
                ("same_site", r.same_site.is_some()),
                ("lifetime_s", r.lifetime_s.is_some()),
                ("written_with", !r.written_with.is_empty()),
            ];
            if let Some((field, _)) = attrs.iter().find(|(_, given)| *given) {
                return Err(format!("{field} is never checked on a cookie that must be absent (present: false)"));
            }
        }
        if let Some(s) = r.lifetime_s
            && s <= 0
        {
            return Err(format!("lifetime_s {s}: a cookie with no lifetime left is gone, use present: false"));
        }
        if let Some(w) = r.written_with.iter().find(|w| w.trim().is_empty()) {
            return Err(format!("written_with {w:?} names no attribute"));
        }
        Ok(CookieExpect {
            name: r.name,
            url: r.url,
            present: r.present,
            value: r.value,
            domain: r.domain,
            host_only: r.host_only,
            path: r.path,
            secure: r.secure,
            http_only: r.http_only,
            same_site: r.same_site,
            lifetime_s: r.lifetime_s,
            written_with: r.written_with,
        })
    }
}

/// An expected `SameSite` attribute: the jar's [`SameSite`], or `unset` for none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SameSiteExpect(pub Option<SameSite>);

impl SameSiteExpect {
    /// `Strict`, `Lax`, `None` or `unset`.
    pub fn as_str(self) -> &'static str {
        match self.0 {
            Some(SameSite::Strict) => "Strict",
            Some(SameSite::Lax) => "Lax",
            Some(SameSite::None) => "None",
            None => "unset",
        }
    }
}

impl<'de> Deserialize<'de> for SameSiteExpect {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Ok(SameSiteExpect(match text.as_str() {
            "Strict" => Some(SameSite::Strict),
            "Lax" => Some(SameSite::Lax),
            "None" => Some(SameSite::None),
            "unset" => None,
            _ => {
                return Err(serde::de::Error::unknown_variant(&text, &["Strict", "Lax", "None", "unset"]));
            }
        }))
    }
}

/// Console lines that must (or must not) appear.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsoleExpect {
    /// `debug`, `log`, `info`, `warn`, `error`; any when absent.
    #[serde(default)]
    pub level: Option<ConsoleLevel>,
    /// Text: a substring, or `re:<regex>`; any when absent.
    #[serde(default)]
    pub text: Option<LinePattern>,
    /// Exactly this many lines match (default: at least one). `0` asserts there is none.
    #[serde(default)]
    pub count: Option<usize>,
}

/// A JS expression and its expected JSON value.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsExpect {
    /// The expression.
    pub expr: String,
    /// Its value as JSON (`JSON.stringify` semantics).
    pub equals: Value,
}

/// Whether `actual` contains `expected` (see [`BodyPattern`]); a `re:` string that does not compile matches nothing.
#[cfg(test)]
pub(crate) fn json_subset(expected: &Value, actual: &Value) -> bool {
    BodyPattern::new(expected.clone()).is_ok_and(|p| p.matches(actual))
}
