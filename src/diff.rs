//! What changed between two transcripts (before and after a new SDK build): requests by gate decision, the bodies
//! of requests found in both, the final cookie jar, JS errors, console lines and expectation verdicts. Read as
//! [`serde_json::Value`], so transcripts from older or newer builds compare too.
//!
//! Requests are matched by their key (decision and reason, initiator, method, URL); the n-th request of a key in one
//! transcript is compared with the n-th of the same key in the other, body by JSON path (or as text).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

/// One difference of a counted thing (a request key, an error, a console line): how often each side has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountChange {
    /// What is counted.
    pub what: String,
    /// How often in A.
    pub a: usize,
    /// How often in B.
    pub b: usize,
}

/// One value that differs at a place (a body's JSON path, a cookie's attribute, an expectation's verdict).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValueChange {
    /// Where: `request key #n $.path`, `cookie name (domain/path) attribute`, `expectation label`.
    pub at: String,
    /// The value in A (`null` when absent).
    pub a: Value,
    /// The value in B (`null` when absent).
    pub b: Value,
}

/// Every difference, by area; all empty when the transcripts agree on what is compared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// Requests whose count differs, by `decision (reason) initiator METHOD url`.
    pub requests: Vec<CountChange>,
    /// Bodies of requests present in both that differ.
    pub bodies: Vec<ValueChange>,
    /// Cookies of the final jar added, removed or changed.
    pub cookies: Vec<ValueChange>,
    /// JS errors and failed steps whose count differs.
    pub errors: Vec<CountChange>,
    /// Console lines whose count differs.
    pub console: Vec<CountChange>,
    /// Expectations whose verdict differs (by label, or step index).
    pub expectations: Vec<ValueChange>,
}

impl Diff {
    /// Whether nothing differs.
    pub fn is_empty(&self) -> bool {
        self.requests.is_empty()
            && self.bodies.is_empty()
            && self.cookies.is_empty()
            && self.errors.is_empty()
            && self.console.is_empty()
            && self.expectations.is_empty()
    }

    /// The differences as text, one line each under a heading per area; `same` when there are none.
    pub fn text(&self) -> String {
        if self.is_empty() {
            return "same: requests, bodies, cookies, errors, console lines and expectations agree\n".into();
        }
        let mut out = String::new();
        let counts = |out: &mut String, title: &str, items: &[CountChange]| {
            if !items.is_empty() {
                out.push_str(&format!("{title}:\n"));
                for c in items {
                    let sign = if c.b > c.a { '+' } else { '-' };
                    out.push_str(&format!("  {sign} {} ({} → {})\n", c.what, c.a, c.b));
                }
            }
        };
        let values = |out: &mut String, title: &str, items: &[ValueChange]| {
            if !items.is_empty() {
                out.push_str(&format!("{title}:\n"));
                for v in items {
                    out.push_str(&format!("  ~ {}: {} → {}\n", v.at, v.a, v.b));
                }
            }
        };
        counts(&mut out, "requests", &self.requests);
        values(&mut out, "bodies", &self.bodies);
        values(&mut out, "cookies (final jar)", &self.cookies);
        counts(&mut out, "errors", &self.errors);
        counts(&mut out, "console", &self.console);
        values(&mut out, "expectations", &self.expectations);
        out
    }
}

fn events(t: &Value) -> &[Value] {
    t.get("events").and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn s<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer).and_then(Value::as_str).unwrap_or("")
}

/// Checks that `value` is a transcript (an object with an `events` array).
///
/// # Errors
/// [`NotATranscript`] (the caller names the document).
pub fn check_transcript(value: &Value) -> Result<(), NotATranscript> {
    if value.get("events").is_some_and(Value::is_array) { Ok(()) } else { Err(NotATranscript) }
}

/// A document [`diff`] cannot compare: it has no `events` array.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a transcript (no \"events\" array)")]
pub struct NotATranscript;

fn request_key(e: &Value) -> String {
    let decision =
        if e.pointer("/decision/allowed").and_then(Value::as_bool) == Some(true) { "allowed" } else { "blocked" };
    format!(
        "{decision} ({}) {} {} {}",
        s(e, "/decision/reason"),
        s(e, "/request/initiator"),
        s(e, "/request/method"),
        s(e, "/request/url")
    )
}

/// Requests grouped by key, in order, each as its body (parsed JSON when it was JSON, else the text).
fn requests(t: &Value) -> BTreeMap<String, Vec<Value>> {
    let mut by_key: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for e in events(t).iter().filter(|e| s(e, "/kind") == "request") {
        let body = e
            .pointer("/request/body_json")
            .cloned()
            .or_else(|| e.pointer("/request/body").cloned())
            .unwrap_or(Value::Null);
        by_key.entry(request_key(e)).or_default().push(body);
    }
    by_key
}

fn count_changes(a: BTreeMap<String, usize>, b: BTreeMap<String, usize>) -> Vec<CountChange> {
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let (x, y) = (a.get(k).copied().unwrap_or(0), b.get(k).copied().unwrap_or(0));
            (x != y).then(|| CountChange { what: k.clone(), a: x, b: y })
        })
        .collect()
}

fn tally(t: &Value, line: impl Fn(&Value) -> Option<String>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for l in events(t).iter().filter_map(line) {
        *counts.entry(l).or_insert(0) += 1;
    }
    counts
}

/// Every place where `a` and `b` differ, as JSON paths under `at`.
fn json_changes(at: &str, a: &Value, b: &Value, out: &mut Vec<ValueChange>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let (va, vb) = (x.get(k).unwrap_or(&Value::Null), y.get(k).unwrap_or(&Value::Null));
                json_changes(&format!("{at}.{k}"), va, vb, out);
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                json_changes(&format!("{at}[{i}]"), va, vb, out);
            }
        }
        _ if a != b => out.push(ValueChange { at: at.to_owned(), a: a.clone(), b: b.clone() }),
        _ => {}
    }
}

fn final_jar(t: &Value) -> BTreeMap<String, Value> {
    t.get("final_jar")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|c| (format!("{} ({}{})", s(c, "/name"), s(c, "/domain"), s(c, "/path")), c.clone()))
        .collect()
}

fn expectations(t: &Value) -> BTreeMap<String, Value> {
    events(t)
        .iter()
        .filter(|e| s(e, "/kind") == "expectation")
        .map(|e| {
            let label = e.get("label").and_then(Value::as_str).map_or_else(
                || format!("step {}", e.get("index").unwrap_or(&Value::Null)),
                |l| format!("{l} (step {})", e.get("index").unwrap_or(&Value::Null)),
            );
            (label, e.get("passed").cloned().unwrap_or(Value::Null))
        })
        .collect()
}

/// What changed from transcript `a` to transcript `b`.
pub fn diff(a: &Value, b: &Value) -> Diff {
    let (ra, rb) = (requests(a), requests(b));
    let count_of = |r: &BTreeMap<String, Vec<Value>>| r.iter().map(|(k, v)| (k.clone(), v.len())).collect();
    let mut bodies = Vec::new();
    for (key, xs) in &ra {
        let Some(ys) = rb.get(key) else { continue };
        for (i, (x, y)) in xs.iter().zip(ys).enumerate() {
            json_changes(&format!("{key} #{} $", i + 1), x, y, &mut bodies);
        }
    }
    let mut cookies = Vec::new();
    let (ja, jb) = (final_jar(a), final_jar(b));
    let mut names: Vec<&String> = ja.keys().chain(jb.keys()).collect();
    names.sort();
    names.dedup();
    for name in names {
        json_changes(name, ja.get(name).unwrap_or(&Value::Null), jb.get(name).unwrap_or(&Value::Null), &mut cookies);
    }
    let error_line = |e: &Value| match s(e, "/kind") {
        "js_error" => Some(format!("JS error ({}): {}", s(e, "/phase"), s(e, "/message"))),
        "step_failed" => Some(format!("step {} failed: {}", e.get("index").unwrap_or(&Value::Null), s(e, "/error"))),
        _ => None,
    };
    let console_line =
        |e: &Value| (s(e, "/kind") == "console").then(|| format!("console.{}: {}", s(e, "/level"), s(e, "/text")));
    let mut verdicts = Vec::new();
    let (ea, eb) = (expectations(a), expectations(b));
    let mut labels: Vec<&String> = ea.keys().chain(eb.keys()).collect();
    labels.sort();
    labels.dedup();
    for label in labels {
        let (x, y) = (ea.get(label).cloned().unwrap_or(Value::Null), eb.get(label).cloned().unwrap_or(Value::Null));
        if x != y {
            verdicts.push(ValueChange { at: label.clone(), a: x, b: y });
        }
    }
    Diff {
        requests: count_changes(count_of(&ra), count_of(&rb)),
        bodies,
        cookies,
        errors: count_changes(tally(a, error_line), tally(b, error_line)),
        console: count_changes(tally(a, console_line), tally(b, console_line)),
        expectations: verdicts,
    }
}

#[cfg(test)]
mod tests;
