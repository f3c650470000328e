//! Judging an [`Expectation`] against the transcript window it reads and the jar as it is now. Pure: reads
//! transcript entries and jar views, never a JS context (the `js` part is evaluated by the runner).

use serde_json::Value;

use super::expect::{CookieExpect, Expectation, RequestPattern, Verdict, initiator_name};
use crate::jar::CookieView;
use crate::net::Exchange;
use crate::transcript::{ConsoleLevel, Entry, Event};

fn status_of(ex: &Exchange) -> u16 {
    ex.response().map_or(0, |r| r.status)
}

fn request_summary(ex: &Exchange) -> String {
    let d = if ex.is_allowed() { "allowed" } else { "blocked" };
    let body = String::from_utf8_lossy(&ex.request.body);
    let body: String = body.chars().take(160).collect();
    format!(
        "#{} {} {} {} [{d}, {}] {body}",
        ex.request.id,
        initiator_name(ex.request.initiator),
        ex.request.method,
        ex.request.url,
        ex.decision.reason
    )
}

impl RequestPattern {
    fn matches(&self, ex: &Exchange) -> bool {
        let r = &ex.request;
        let verdict = if ex.is_allowed() { Verdict::Allowed } else { Verdict::Blocked };
        self.initiator.is_none_or(|i| i == r.initiator)
            && self.method.as_ref().is_none_or(|m| m.eq_ignore_ascii_case(&r.method))
            && self.url.as_ref().is_none_or(|u| u.is_match(r.url.as_str()))
            && self.decision.is_none_or(|d| d == verdict)
            && self.reason.is_none_or(|x| x == ex.decision.reason)
            && self.body.as_ref().is_none_or(|expected| {
                serde_json::from_slice::<Value>(&r.body).is_ok_and(|actual| expected.matches(&actual))
            })
            && self.headers.iter().all(|(name, pattern)| r.header(name).is_some_and(|v| pattern.is_match(v)))
            && self.credentials.is_none_or(|c| c == r.credentials)
            && self.status.is_none_or(|s| s == status_of(ex))
    }
}

/// For a cookie name: the text of its last `document.cookie` write, and when a cookie of that name was last set.
pub(crate) type LastWrite<'a> = dyn Fn(&str) -> (Option<String>, Option<crate::clock::VirtualTime>) + 'a;

/// What an expectation reads: the entries of its window, and the jar as it is now.
pub struct Observed<'a> {
    /// The transcript entries in the window.
    pub entries: &'a [Entry],
    /// Every unexpired cookie visible to the cookie's URL is asked through this.
    pub cookie: &'a mut dyn FnMut(&str, Option<&str>) -> Option<CookieView>,
    /// The last `document.cookie` write text for a name, and when the cookie of that name was last set.
    pub last_write: &'a LastWrite<'a>,
}

impl std::fmt::Debug for Observed<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Observed").field("entries", &self.entries.len()).finish_non_exhaustive()
    }
}

impl Expectation {
    /// Judges every part except `js` (which needs the page). Returns the failures, each "expected …, got …".
    pub fn judge(&self, seen: Observed<'_>) -> Vec<String> {
        let mut failures = Vec::new();
        let exchanges: Vec<(&Exchange, i64)> = seen
            .entries
            .iter()
            .filter_map(|e| match &e.event {
                Event::Request(ex) => Some((ex.as_ref(), e.at.unix_ms())),
                _ => None,
            })
            .collect();
        let listing = || {
            if exchanges.is_empty() {
                "no requests".to_owned()
            } else {
                exchanges.iter().map(|(ex, _)| format!("\n    {}", request_summary(ex))).collect::<String>()
            }
        };
        if let Some(req) = &self.requests {
            let allowed = exchanges.iter().filter(|(e, _)| e.is_allowed()).count();
            let checks = [
                ("requests", req.count, exchanges.len()),
                ("allowed requests", req.allowed, allowed),
                ("blocked requests", req.blocked, exchanges.len() - allowed),
            ];
            for (what, want, got) in checks {
                if let Some(want) = want
                    && want != got
                {
                    failures.push(format!("expected {want} {what}, got {got}: {}", listing()));
                }
            }
            for (i, p) in req.matching.iter().enumerate() {
                let hits: Vec<i64> = exchanges.iter().filter(|(ex, _)| p.matches(ex)).map(|(_, at)| *at).collect();
                let ok = match p.count {
                    Some(n) => hits.len() == n,
                    None => !hits.is_empty(),
                };
                if !ok {
                    let want = p.count.map_or("at least 1".to_owned(), |n| n.to_string());
                    failures.push(format!(
                        "requests.matching[{i}]: expected {want} matching {}, got {}: {}",
                        serde_json::to_string(&pattern_json(p)).unwrap_or_default(),
                        hits.len(),
                        listing()
                    ));
                }
                if let Some(want) = &p.intervals_ms {
                    let got: Vec<i64> = hits.windows(2).map(|w| w[1] - w[0]).collect();
                    if &got != want {
                        failures.push(format!("requests.matching[{i}]: expected intervals {want:?} ms, got {got:?}"));
                    }
                }
            }
        }
        for (i, c) in self.cookies.iter().enumerate() {
            let view = (seen.cookie)(&c.name, c.url.as_ref().map(url::Url::as_str));
            let (text, set_at) = (seen.last_write)(&c.name);
            let found = judge_cookie(c, view, text, set_at);
            failures.extend(found.into_iter().map(|f| format!("cookies[{i}] {}: {f}", c.name)));
        }
        let lines: Vec<(ConsoleLevel, &str)> = seen
            .entries
            .iter()
            .filter_map(|e| match &e.event {
                Event::Console { level, text } => Some((*level, text.as_str())),
                _ => None,
            })
            .collect();
        for (i, c) in self.console.iter().enumerate() {
            let mut n = 0;
            for (level, text) in &lines {
                let level_ok = c.level.is_none_or(|l| l == *level);
                let text_ok = c.text.as_ref().is_none_or(|p| p.is_match(text));
                if level_ok && text_ok {
                    n += 1;
                }
            }
            let ok = c.count.map_or(n > 0, |want| want == n);
            if !ok {
                let want = c.count.map_or("at least 1".to_owned(), |n| n.to_string());
                let got: String = lines.iter().map(|(l, t)| format!("\n    {l:?}: {t}")).collect();
                failures.push(format!(
                    "console[{i}]: expected {want} line(s) level {:?} text {:?}, got {n}:{}",
                    c.level,
                    c.text.as_ref().map(super::expect::LinePattern::as_str),
                    if got.is_empty() { " no console lines".to_owned() } else { got }
                ));
            }
        }
        if self.no_js_errors {
            for e in seen.entries {
                if let Event::JsError { phase, message, location } = &e.event {
                    failures.push(format!(
                        "expected no JS errors, got {phase:?} error at {}: {message} ({})",
                        e.at,
                        location.as_deref().unwrap_or("unknown location")
                    ));
                }
            }
        }
        failures
    }
}

fn pattern_json(p: &RequestPattern) -> Value {
    let mut m = serde_json::Map::new();
    let mut put = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            m.insert(k.into(), Value::String(v));
        }
    };
    put("initiator", p.initiator.map(initiator_name));
    put("method", p.method.clone());
    put("url", p.url.as_ref().map(|u| u.as_str().to_owned()));
    put("decision", p.decision.map(|d| d.as_str().to_owned()));
    put("reason", p.reason.map(|r| r.as_str().to_owned()));
    put("credentials", p.credentials.and_then(|c| serde_json::to_value(c).ok()?.as_str().map(str::to_owned)));
    if let Some(b) = &p.body {
        m.insert("body".into(), b.as_value().clone());
    }
    if let Some(s) = p.status {
        m.insert("status".into(), s.into());
    }
    Value::Object(m)
}

fn judge_cookie(
    c: &CookieExpect,
    view: Option<CookieView>,
    last_write: Option<String>,
    set_at: Option<crate::clock::VirtualTime>,
) -> Vec<String> {
    let mut f = Vec::new();
    let want_present = c.present.unwrap_or(true);
    let Some(v) = view else {
        if want_present {
            f.push("expected present, got absent".to_owned());
        }
        return f;
    };
    if !want_present {
        f.push(format!("expected absent, got {}={} (domain {}, path {})", v.name, v.value, v.domain, v.path));
        return f;
    }
    if let Some(p) = &c.value
        && !p.is_match(&v.value)
    {
        f.push(format!("expected value {:?}, got {:?}", p.as_str(), v.value));
    }
    let eq = |what: &str, want: Option<String>, got: String, f: &mut Vec<String>| {
        if let Some(w) = want
            && w != got
        {
            f.push(format!("expected {what} {w:?}, got {got:?}"));
        }
    };
    eq("domain", c.domain.clone(), v.domain.clone(), &mut f);
    eq("path", c.path.clone(), v.path.clone(), &mut f);
    eq("host_only", c.host_only.map(|b| b.to_string()), v.host_only.to_string(), &mut f);
    eq("secure", c.secure.map(|b| b.to_string()), v.secure.to_string(), &mut f);
    eq("http_only", c.http_only.map(|b| b.to_string()), v.http_only.to_string(), &mut f);
    eq(
        "same_site",
        c.same_site.map(|s| s.as_str().to_owned()),
        super::expect::SameSiteExpect(v.same_site).as_str().to_owned(),
        &mut f,
    );
    if let Some(want) = c.lifetime_s {
        match v.expires {
            None => f.push(format!("expected a lifetime of {want} s, got a session cookie")),
            Some(exp) => {
                // Lifetime is measured from the last time the cookie was set (an overwrite renews it).
                let got = (exp.unix_ms() - set_at.unwrap_or(v.created).unix_ms()) / 1000;
                if got != want {
                    f.push(format!("expected a lifetime of {want} s, got {got} s"));
                }
            }
        }
    }
    if !c.written_with.is_empty() {
        match last_write {
            None => f.push("expected a document.cookie write, got none".to_owned()),
            Some(text) => {
                for attr in &c.written_with {
                    if !written_with(&text, attr) {
                        f.push(format!("expected the write to contain {attr:?}, got {text:?}"));
                    }
                }
            }
        }
    }
    f
}

/// Whether the `document.cookie` write `text` has the part `attr` (see [`CookieExpect::written_with`]).
fn written_with(text: &str, attr: &str) -> bool {
    let want = attr.trim();
    text.split(';').map(str::trim).any(|part| {
        part.eq_ignore_ascii_case(want)
            || (!want.contains('=')
                && part.split_once('=').is_some_and(|(name, _)| name.trim().eq_ignore_ascii_case(want)))
    })
}

#[cfg(test)]
#[path = "judge_tests.rs"]
mod tests;
