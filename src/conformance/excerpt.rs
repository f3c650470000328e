//! The transcript excerpt a failing check shows: the steps, page loads, requests, console lines, cookie writes and JS
//! errors of the window that failed (from the previous `expect` to the failing one, or to the step that could not be
//! carried out), one short line each, timed from the session start as a duration (`+250 ms`, `+487d 0h`).

use serde_json::Value;

use crate::clock::VirtualTime;
use crate::session::RunReport;

/// Lines kept at most (the latest ones).
const MAX_LINES: usize = 24;
/// Characters kept of one line.
const MAX_CHARS: usize = 200;

/// The excerpt of the first failing window of `report`, or nothing when it passed.
pub(crate) fn excerpt(report: &RunReport, start: VirtualTime) -> Vec<String> {
    let Some(events) = report.transcript.get("events").and_then(Value::as_array) else { return Vec::new() };
    let failed_at = events.iter().position(|e| {
        let kind = e.get("kind").and_then(Value::as_str);
        kind == Some("step_failed") || (kind == Some("expectation") && e.get("passed") == Some(&Value::Bool(false)))
    });
    let Some(end) = failed_at else { return Vec::new() };
    let begin = events[..end].iter().rposition(|e| e.get("kind").and_then(Value::as_str) == Some("expectation"));
    let from = begin.map_or(0, |b| b + 1);
    let mut lines: Vec<String> = events[from..=end].iter().filter_map(|e| line(e, start)).collect();
    if lines.len() > MAX_LINES {
        let cut = lines.len() - MAX_LINES;
        lines.drain(..cut);
        lines.insert(0, format!("… {cut} earlier line(s)"));
    }
    lines
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn clip(s: &str) -> String {
    let one_line = s.replace('\n', " ⏎ ");
    if one_line.chars().count() > MAX_CHARS {
        format!("{}…", one_line.chars().take(MAX_CHARS).collect::<String>())
    } else {
        one_line
    }
}

fn line(e: &Value, start: VirtualTime) -> Option<String> {
    let at = VirtualTime::parse(text(e, "at")).map_or(0, |t| t.unix_ms() - start.unix_ms());
    let body = match text(e, "kind") {
        "step" => format!("step {}: {}", e.get("index")?, text(e, "summary")),
        "page_opened" => format!("page {} ({})", text(e, "url"), text(e, "cause")),
        "console" => format!("console.{}: {}", text(e, "level"), text(e, "text")),
        "js_error" => format!("JS error ({}): {}", text(e, "phase"), text(e, "message")),
        "cookie_write" => format!("document.cookie = {}", text(e, "text")),
        "step_failed" => format!("step {} failed: {}", e.get("index")?, text(e, "error")),
        "expectation" => format!("expect {}: failed", e.get("label").and_then(Value::as_str).unwrap_or("(unlabelled)")),
        "request" => request_line(e),
        _ => return None,
    };
    Some(clip(&format!("+{} {body}", crate::session::Span(u64::try_from(at).unwrap_or(0)))))
}

fn request_line(e: &Value) -> String {
    let req = e.get("request").unwrap_or(&Value::Null);
    let allowed = e.pointer("/decision/allowed").and_then(Value::as_bool).unwrap_or(false);
    let answer = match e.get("outcome") {
        _ if !allowed => "blocked".to_owned(),
        Some(o) => match (o.pointer("/response/status"), o.get("network_error")) {
            (Some(s), _) => format!("allowed → {s}"),
            (None, Some(err)) => format!("allowed → network error {err}"),
            (None, None) => "allowed".to_owned(),
        },
        None => "allowed".to_owned(),
    };
    format!(
        "request #{} {} {} {} [{answer}] {}",
        req.get("id").unwrap_or(&Value::Null),
        text(req, "initiator"),
        text(req, "method"),
        text(req, "url"),
        text(req, "body")
    )
}
