//! The session script format (JSON): a header that sets up the browser profile, then steps.
//!
//! Parsing is strict: unknown fields and malformed steps are errors with the file, line and column (serde_json
//! positions) and the field path (serde_path_to_error), before anything runs. No `untagged`/`flatten`: they hide
//! which field was wrong. The README documents every field.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::duration::Span;
use super::expect::Expectation;
use crate::net::StubRule;

/// The script format version this build reads.
pub const SCRIPT_FORMAT: u32 = 1;

/// A whole session script.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionScript {
    /// Format version; 1 when absent.
    #[serde(default)]
    pub format: Option<u32>,
    /// A name for reports.
    pub name: String,
    /// What the session shows, in a sentence.
    #[serde(default)]
    pub description: Option<String>,
    /// Script URL → local file (relative to the script file). Defaults to the reference SDK at its CDN URL.
    #[serde(default)]
    pub sdk: Option<BTreeMap<String, String>>,
    /// Virtual clock start, RFC 3339. Defaults to 2026-01-01T00:00:00Z.
    #[serde(default)]
    pub clock_start: Option<crate::clock::VirtualTime>,
    /// Seed of all randomness. Defaults to 0.
    #[serde(default)]
    pub seed: Option<u64>,
    /// Time zone: `UTC` or a fixed offset such as `+02:00`. Defaults to UTC.
    #[serde(default)]
    pub time_zone: Option<TimeZone>,
    /// `navigator.userAgent`. Defaults to a current desktop Chrome.
    #[serde(default)]
    pub user_agent: Option<String>,
    /// The consent rule of the egress gate.
    #[serde(default)]
    pub consent: Option<ConsentSpec>,
    /// The transport and its rules.
    #[serde(default)]
    pub transport: Option<TransportSpec>,
    /// Hosts requests may go to (exact or `*.example.com`; checked and normalised when read, as
    /// [`crate::net::host_pattern`] says). Defaults to any.
    #[serde(default, deserialize_with = "crate::net::policy_hosts")]
    pub allowed_hosts: Option<Vec<String>>,
    /// Block every request whatever the consent. Defaults to false.
    #[serde(default)]
    pub deny_all: bool,
    /// Cookies present before the first step, each as `Set-Cookie` text for a URL.
    #[serde(default)]
    pub cookies: Vec<CookieSpec>,
    /// The longest lifetime the jar gives a cookie: a duration (`"400d"`, Chrome's and Firefox's cap, the default;
    /// `"7d"`, Safari's cap for script-written cookies) or `"none"` (what the SDK asks for, uncapped).
    #[serde(default)]
    pub cookie_lifetime_cap: Option<LifetimeCap>,
    /// A profile file (cookies + localStorage) to start from and save to at the end.
    #[serde(default)]
    pub jar: Option<String>,
    /// What the visitor does.
    pub steps: Vec<Step>,
}

/// The consent rule: which cookie, with which value, lets requests out.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentSpec {
    /// Cookie name (or name prefix). Defaults to `ce.tracking-opt-in`.
    #[serde(default)]
    pub cookie: Option<String>,
    /// Required value. Defaults to `true`.
    #[serde(default)]
    pub value: Option<String>,
    /// Treat `cookie` as a name prefix (`__mp_opt_in_out_` + token). Defaults to false.
    #[serde(default)]
    pub prefix: bool,
}

/// Which transport answers allowed requests.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TransportSpec {
    /// `stub` (default), `live` or `replay`.
    #[serde(default)]
    pub kind: Option<TransportKind>,
    /// Stub rules, first match wins; unmatched requests get `200 {}` after 20 ms.
    #[serde(default)]
    pub rules: Vec<StubRule>,
    /// HAR file for `replay` (relative to the script).
    #[serde(default)]
    pub har: Option<String>,
    /// Replay: unmatched requests fail (true, default) or get the stub default (false).
    #[serde(default)]
    pub strict: Option<bool>,
    /// Live/replay: the virtual latency of every response in ms. Defaults to 20.
    #[serde(default, deserialize_with = "super::duration::bounded_ms_opt")]
    pub latency_ms: Option<u64>,
}

/// A cookie set before the first step.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CookieSpec {
    /// The URL the cookie is set for (checked when the script is parsed).
    pub url: url::Url,
    /// `Set-Cookie` text, e.g. `ce.tracking-opt-in=true; Path=/; Max-Age=3600`.
    pub set: String,
}

/// Loading a page.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LoadStep {
    /// The page URL.
    pub url: url::Url,
    /// Put the CrossEngage page snippet on the page (with `api_key`). Defaults to true for `load`.
    #[serde(default)]
    pub snippet: Option<bool>,
    /// The key the snippet configures. Defaults to `demo-key`.
    #[serde(default)]
    pub api_key: Option<String>,
    /// Inline scripts, run in order after the snippet.
    #[serde(default)]
    pub scripts: Vec<String>,
    /// `document.title`.
    #[serde(default)]
    pub title: Option<String>,
    /// `document.referrer`.
    #[serde(default)]
    pub referrer: Option<String>,
}

/// Setting a cookie mid-session.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SetCookieStep {
    /// The URL (defaults to the current page; checked when the script is parsed).
    #[serde(default)]
    pub url: Option<url::Url>,
    /// `Set-Cookie` text.
    pub set: String,
}

/// An empty object, for steps without arguments (`{"reload": {}}`).
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoArgs {}

/// One step. Each is an object with exactly one key, the step's name.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Step {
    /// Load a page as a new document (typed URL, link from elsewhere).
    Load(LoadStep),
    /// Navigate the current page to a URL (same as `load`, recorded as a navigation).
    Navigate(LoadStep),
    /// Reload the current page (with the same snippet and scripts).
    Reload(NoArgs),
    /// Go back one page.
    Back(NoArgs),
    /// Call the SDK's global: `["track", "Viewed Page", {"sku": "1"}]`; an object alone is a configuration call.
    Ce(CeCall),
    /// Evaluate JS in the page.
    Eval(String),
    /// Advance the virtual clock: milliseconds or `"15m"`, `"14mo"`.
    Advance(Span),
    /// Dispatch a host event: `pagehide`, `pageshow`, `hidden`, `visible` (each a `visibilitychange`), `online`,
    /// `offline`, `focus`, `blur`, `resize`, `beforeunload`.
    Event(HostEvent),
    /// Set a cookie as an HTTP response would.
    SetCookie(SetCookieStep),
    /// Delete every cookie.
    ClearCookies(NoArgs),
    /// Clear localStorage and sessionStorage of every origin.
    ClearStorage(NoArgs),
    /// Replace the stub transport's rules.
    Respond(Vec<StubRule>),
    /// Check what happened.
    Expect(Box<Expectation>),
}

/// A script that could not be read or parsed.
#[derive(Debug, thiserror::Error)]
#[error("session script {path}:{line}:{column}: {message}")]
pub struct ScriptError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    /// What is wrong, with the field path.
    pub message: String,
}

impl SessionScript {
    /// Reads and parses `path`.
    ///
    /// # Errors
    /// [`ScriptError`] naming the file, line and column.
    pub fn load(path: &Path) -> Result<SessionScript, ScriptError> {
        let text = crate::files::read_input(path).map_err(|e| ScriptError {
            path: path.to_owned(),
            line: 0,
            column: 0,
            message: format!("cannot read: {e}"),
        })?;
        Self::parse(&text, path)
    }

    /// Parses `text` (named `path` in errors) and checks what serde cannot.
    ///
    /// # Errors
    /// [`ScriptError`] naming the file, line and column.
    pub fn parse(text: &str, path: &Path) -> Result<SessionScript, ScriptError> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let script: SessionScript = serde_path_to_error::deserialize(&mut *de).map_err(|e| {
            let at = e.path().to_string();
            let inner = e.into_inner();
            let field = if at == "." { String::new() } else { format!("at {at}: ") };
            // serde_json repeats the position in its message; the error already carries it.
            let text = inner.to_string();
            let text = match text.rfind(" at line ") {
                Some(i) => text[..i].to_owned(),
                None => text,
            };
            ScriptError {
                path: path.to_owned(),
                line: inner.line(),
                column: inner.column(),
                message: format!("{field}{text}"),
            }
        })?;
        // Anything but whitespace after the script is a mistake (two scripts pasted together, a stray bracket).
        de.end().map_err(|e| ScriptError {
            path: path.to_owned(),
            line: e.line(),
            column: e.column(),
            message: "trailing data after the session script's JSON object".into(),
        })?;
        script.validate(text, path)?;
        Ok(script)
    }

    fn validate(&self, text: &str, path: &Path) -> Result<(), ScriptError> {
        // What serde cannot see: point at the first mention of the field.
        let fail = |field: &str, message: String| {
            let (line, column) = position_of(text, &format!("\"{field}\""));
            ScriptError { path: path.to_owned(), line, column, message }
        };
        if let Some(f) = self.format
            && f != SCRIPT_FORMAT
        {
            return Err(fail(
                "format",
                format!("format {f} is not supported (this build reads format {SCRIPT_FORMAT})"),
            ));
        }
        if !self.steps.iter().any(|s| matches!(s, Step::Load(_))) {
            return Err(fail(
                "steps",
                "steps: the script never loads a page (add a {\"load\": {\"url\": ...}} step)".into(),
            ));
        }
        for url in self.sdk.iter().flat_map(BTreeMap::keys) {
            if let Err(e) = url::Url::parse(url) {
                return Err(fail(url, format!("sdk: {url:?} is not a URL: {e}")));
            }
        }
        for (i, step) in self.steps.iter().enumerate() {
            if let Step::Load(l) | Step::Navigate(l) = step
                && let Some(r) = l.referrer.as_deref().filter(|r| !r.is_empty())
                && let Err(e) = url::Url::parse(r)
            {
                return Err(fail(r, format!("steps[{i}]: referrer {r:?} is not a URL: {e}")));
            }
        }
        let rules = self.transport.iter().flat_map(|t| &t.rules).map(|r| ("transport.rules", r));
        let respond = self.steps.iter().filter_map(|s| match s {
            Step::Respond(rules) => Some(rules.iter().map(|r| ("respond", r))),
            _ => None,
        });
        for (at, rule) in rules.chain(respond.flatten()) {
            if rule.latency_ms > super::duration::MAX_MS {
                let msg =
                    format!("{at}: latency_ms {} is above the limit {}", rule.latency_ms, super::duration::MAX_MS);
                return Err(fail("latency_ms", msg));
            }
        }
        // The clock must stay within what a time can show (year 9999): advancing past it would stop time.
        let start = self.clock_start.unwrap_or(crate::clock::DEFAULT_START);
        let mut now = Some(start);
        for step in &self.steps {
            if let Step::Advance(span) = step {
                now = now.and_then(|t| t.checked_plus_ms(span.0));
            }
        }
        if now.is_none() {
            let msg =
                format!("advance: the steps advance the clock past {} (from {start})", crate::clock::VirtualTime::MAX);
            return Err(fail("advance", msg));
        }
        Ok(())
    }
}

/// 1-based line and column of the first `needle` in `text`, or (0, 0).
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let Some(at) = text.find(needle) else { return (0, 0) };
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rfind('\n').map_or(at, |nl| at - nl - 1) + 1;
    (line, column)
}

/// The arguments of one `ce(...)` call: at least one.
#[derive(Debug, Clone)]
pub struct CeCall(pub Vec<serde_json::Value>);

impl<'de> Deserialize<'de> for CeCall {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let args = Vec::<serde_json::Value>::deserialize(d)?;
        if args.is_empty() {
            return Err(serde::de::Error::custom(
                "a ce call needs at least one argument, e.g. [\"track\", \"Viewed Page\"]",
            ));
        }
        Ok(CeCall(args))
    }
}

/// The transports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TransportKind {
    /// Offline answers from rules.
    Stub,
    /// Real HTTP.
    Live,
    /// Answers from a HAR file.
    Replay,
}

/// The host events a script may dispatch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum HostEvent {
    /// `pagehide` on window (the page stays).
    Pagehide,
    /// `pageshow` on window.
    Pageshow,
    /// The page becomes hidden (`visibilitychange`).
    Hidden,
    /// The page becomes visible (`visibilitychange`).
    Visible,
    /// `online` (navigator.onLine = true).
    Online,
    /// `offline` (navigator.onLine = false).
    Offline,
    /// `focus` on window.
    Focus,
    /// `blur` on window.
    Blur,
    /// `resize` on window.
    Resize,
    /// `beforeunload` on window.
    Beforeunload,
}

impl HostEvent {
    /// The DOM event type name.
    pub fn name(self) -> &'static str {
        match self {
            HostEvent::Pagehide => "pagehide",
            HostEvent::Pageshow => "pageshow",
            HostEvent::Hidden | HostEvent::Visible => "visibilitychange",
            HostEvent::Online => "online",
            HostEvent::Offline => "offline",
            HostEvent::Focus => "focus",
            HostEvent::Blur => "blur",
            HostEvent::Resize => "resize",
            HostEvent::Beforeunload => "beforeunload",
        }
    }
}

/// A cookie lifetime cap: a duration, or `none`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LifetimeCap(pub Option<u64>);

impl<'de> Deserialize<'de> for LifetimeCap {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if text.trim().eq_ignore_ascii_case("none") {
            return Ok(LifetimeCap(None));
        }
        Span::parse(&text).map(|s| LifetimeCap(Some(s.0))).map_err(serde::de::Error::custom)
    }
}

/// A time zone: `UTC` or a fixed offset such as `+02:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeZone(pub i32);

impl<'de> Deserialize<'de> for TimeZone {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_time_zone(&text).map(TimeZone).map_err(serde::de::Error::custom)
    }
}

/// `UTC`, `Z` or `±HH:MM` → minutes east of UTC.
///
/// # Errors
/// A [`TimeZoneError`] naming the text.
pub(crate) fn parse_time_zone(text: &str) -> Result<i32, TimeZoneError> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("utc") || t == "Z" {
        return Ok(0);
    }
    let bad = || TimeZoneError { text: text.to_owned() };
    let (sign, rest) = match t.as_bytes().first() {
        Some(b'+') => (1, &t[1..]),
        Some(b'-') => (-1, &t[1..]),
        _ => return Err(bad()),
    };
    let (h, m) = rest.split_once(':').ok_or_else(bad)?;
    let h: i32 = h.parse().map_err(|_| bad())?;
    let m: i32 = m.parse().map_err(|_| bad())?;
    if h > 14 || m > 59 {
        return Err(bad());
    }
    Ok(sign * (h * 60 + m))
}

/// A time zone that is not `UTC`, `Z` or an offset within ±14:59 (`parse_time_zone`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{text:?} is not UTC or an offset such as +02:00")]
pub struct TimeZoneError {
    /// The text as given.
    pub text: String,
}
