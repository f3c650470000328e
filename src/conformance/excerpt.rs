//! The transcript excerpt a failing check shows: the steps, page loads, requests, console lines, cookie writes and JS
//! errors of the window that failed (from the previous `expect` to the failing one, or to the step that could not be
//! carried out), one short line each, timed from the session start as a duration (`+250 ms`, `+487d 0h`).

use crate::clock::VirtualTime;
use crate::net::Exchange;
use crate::session::RunReport;
use crate::transcript::{Entry, Event};

/// Lines kept at most (the latest ones).
const MAX_LINES: usize = 24;
/// Characters kept of one line.
const MAX_CHARS: usize = 200;

/// The excerpt of the first failing window of `report`, or nothing when it passed.
pub(crate) fn excerpt(report: &RunReport, start: VirtualTime) -> Vec<String> {
    let events = report.transcript.events();
    let failed_at = events.iter().position(|e| match &e.event {
        Event::StepFailed { .. } => true,
        Event::Expectation { passed, .. } => !passed,
        _ => false,
    });
    let Some(end) = failed_at else { return Vec::new() };
    let begin = events[..end].iter().rposition(|e| matches!(e.event, Event::Expectation { .. }));
    let from = begin.map_or(0, |b| b + 1);
    let mut lines: Vec<String> = events[from..=end].iter().filter_map(|e| line(e, start)).collect();
    if lines.len() > MAX_LINES {
        let cut = lines.len() - MAX_LINES;
        lines.drain(..cut);
        lines.insert(0, format!("… {cut} earlier line(s)"));
    }
    lines
}

fn clip(s: &str) -> String {
    let one_line = s.replace('\n', " ⏎ ");
    if one_line.chars().count() > MAX_CHARS {
        format!("{}…", one_line.chars().take(MAX_CHARS).collect::<String>())
    } else {
        one_line
    }
}

/// The name a value has in the transcript JSON (`load`, `log`, `timer`, ...).
fn json_name(value: impl serde::Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn line(e: &Entry, start: VirtualTime) -> Option<String> {
    let at = e.at.unix_ms() - start.unix_ms();
    let body = match &e.event {
        Event::Step { index, summary } => format!("step {index}: {summary}"),
        Event::PageOpened { url, cause } => format!("page {url} ({})", json_name(cause)),
        Event::Console { level, text } => format!("console.{}: {text}", json_name(level)),
        Event::JsError { phase, message, .. } => format!("JS error ({}): {message}", json_name(phase)),
        Event::CookieWrite { text } => format!("document.cookie = {text}"),
        Event::StepFailed { index, error } => format!("step {index} failed: {error}"),
        Event::Expectation { label, .. } => format!("expect {}: failed", label.as_deref().unwrap_or("(unlabelled)")),
        Event::Request(exchange) => request_line(exchange),
        _ => return None,
    };
    Some(clip(&format!("+{} {body}", crate::session::Span(u64::try_from(at).unwrap_or(0)))))
}

fn request_line(x: &Exchange) -> String {
    let req = &x.request;
    let answer = match &x.outcome {
        _ if !x.is_allowed() => "blocked".to_owned(),
        Some(crate::net::Outcome::Response(r)) => format!("allowed → {}", r.status),
        // Quoted as JSON quotes it.
        Some(crate::net::Outcome::NetworkError(err)) => {
            format!("allowed → network error {}", serde_json::Value::String(err.clone()))
        }
        None => "allowed".to_owned(),
    };
    // The body as the transcript shows it: its text, or nothing when it is not UTF-8 (base64 there).
    let body = std::str::from_utf8(&req.body).unwrap_or("");
    format!("request #{} {} {} {} [{answer}] {body}", req.id, json_name(req.initiator), req.method, req.url.as_str())
}
