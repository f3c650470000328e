//! One session transcript as a report section: its inputs, counts, expectations, a timeline overview, every event on
//! virtual time (requests with their gate decision, blocked ones in red), and the cookie jar over time.

use std::fmt::Write as _;

use serde_json::Value;

use super::jar;
use super::overview::{self, LANES, Mark};
use super::text::{clip, escape, offset_ms, offset_text, plain, str_at, u64_at};
use crate::clock::VirtualTime;

/// One event, ready to show.
pub(super) struct Row {
    /// Offset from the clock start, in ms.
    pub(super) at_ms: u64,
    /// The transcript's `at`.
    pub(super) at: String,
    /// Lane class (one of [`LANES`]).
    pub(super) lane: &'static str,
    /// Extra classes: `blocked`, `fail`, `ok`, `minor`.
    pub(super) extra: &'static str,
    /// One line of plain text (for the overview's tooltips).
    pub(super) line: String,
    /// The cell's HTML.
    pub(super) html: String,
}

/// Counts of what a transcript holds, from its events (so `run` output, which has no summary, gets them too).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Counts {
    pub(super) steps: u64,
    pub(super) requests: u64,
    pub(super) blocked: u64,
    pub(super) js_errors: u64,
    /// `console.error` lines: with the JS errors, the page errors of `replay`'s summary.
    pub(super) console_errors: u64,
    pub(super) console: u64,
    pub(super) cookie_changes: u64,
    pub(super) expect_passed: u64,
    pub(super) expect_failed: u64,
    pub(super) step_failed: u64,
}

fn events(t: &Value) -> &[Value] {
    t.get("events").and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

pub(super) fn counts(t: &Value) -> Counts {
    let mut c = Counts::default();
    for e in events(t) {
        match str_at(e, "kind") {
            "step" => c.steps += 1,
            "request" => {
                c.requests += 1;
                if e.pointer("/decision/allowed").and_then(Value::as_bool) != Some(true) {
                    c.blocked += 1;
                }
            }
            "js_error" => c.js_errors += 1,
            "console" => {
                c.console += 1;
                if str_at(e, "level") == "error" {
                    c.console_errors += 1;
                }
            }
            "cookie" => c.cookie_changes += 1,
            "expectation" if e.get("passed").and_then(Value::as_bool) == Some(true) => c.expect_passed += 1,
            "expectation" => c.expect_failed += 1,
            "step_failed" => c.step_failed += 1,
            _ => {}
        }
    }
    c
}

/// Whether every expectation held and no step failed.
pub(super) fn passed(t: &Value) -> bool {
    let c = counts(t);
    c.expect_failed == 0 && c.step_failed == 0
}

fn clock_start(t: &Value) -> Option<VirtualTime> {
    let text = t.pointer("/inputs/clock_start").and_then(Value::as_str).or_else(|| {
        events(t).iter().find(|e| str_at(e, "kind") == "session_started").map(|e| str_at(e, "clock_start"))
    })?;
    VirtualTime::parse(text).ok()
}

pub(super) fn render(html: &mut String, id: &str, t: &Value) {
    let start = clock_start(t);
    let c = counts(t);
    let ok = passed(t);
    let rows: Vec<Row> = events(t).iter().filter_map(|e| row(e, start)).collect();
    let ended = rows.last().map_or(0, |r| r.at_ms);
    let _ = writeln!(
        html,
        "<section class=\"doc session\" id=\"{id}\" data-requests=\"{}\" data-blocked=\"{}\" data-js-errors=\"{}\" \
         data-page-errors=\"{}\" data-expect-passed=\"{}\" data-expect-failed=\"{}\">\n\
         <h2>{} <span class=\"badge {}\">{}</span></h2>",
        c.requests,
        c.blocked,
        c.js_errors,
        c.js_errors + c.console_errors,
        c.expect_passed,
        c.expect_failed,
        escape(t.get("name").and_then(Value::as_str).unwrap_or("(unnamed session)")),
        if ok { "pass" } else { "fail" },
        if ok { "pass" } else { "FAIL" },
    );
    facts(html, t, ended);
    tiles(html, &c);
    problems(html, t, start);
    html.push_str("<h3>Timeline</h3>\n");
    let marks: Vec<Mark<'_>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| Mark {
            at_ms: r.at_ms,
            lane: r.lane,
            extra: r.extra,
            line: &r.line,
            target: format!("{id}-e{i}"),
        })
        .collect();
    overview::render(html, &marks);
    timeline(html, id, &rows);
    jar::render(html, events(t), t.get("final_jar"), start);
    html.push_str("</section>\n");
}

fn facts(html: &mut String, t: &Value, ended_ms: u64) {
    let Some(inputs) = t.get("inputs") else { return };
    html.push_str("<dl class=\"facts\">\n");
    let mut fact = |name: &str, value: &str| {
        let _ = writeln!(html, "<dt>{name}</dt><dd>{}</dd>", escape(value));
    };
    fact("seed", &plain(inputs.get("seed").unwrap_or(&Value::Null)));
    fact("clock start", str_at(inputs, "clock_start"));
    fact(
        "ended",
        &format!("{} ({})", offset_text(ended_ms), t.pointer("/summary/ended_at").map_or(String::new(), plain)),
    );
    fact("transport", &plain(inputs.get("transport").unwrap_or(&Value::Null)));
    if let Some(p) = inputs.get("policy") {
        let consent = p.get("consent").unwrap_or(&Value::Null);
        let prefix =
            if consent.get("name_is_prefix").and_then(Value::as_bool) == Some(true) { " (prefix)" } else { "" };
        let mut gate = format!("consent cookie {}{prefix} = {}", str_at(consent, "name"), str_at(consent, "value"));
        if let Some(hosts) = p.get("allowed_hosts").and_then(Value::as_array) {
            let hosts: Vec<String> = hosts.iter().map(plain).collect();
            let _ = write!(gate, "; only hosts {}", hosts.join(", "));
        }
        if p.get("deny_all").and_then(Value::as_bool) == Some(true) {
            gate.push_str("; deny all");
        }
        fact("gate", &gate);
    }
    for sdk in inputs.get("sdk").and_then(Value::as_array).into_iter().flatten() {
        let sha = str_at(sdk, "sha256");
        fact(
            "sdk",
            &format!(
                "{} → {} ({} bytes, sha256 {})",
                str_at(sdk, "url"),
                str_at(sdk, "name"),
                u64_at(sdk, "bytes"),
                sha
            ),
        );
    }
    html.push_str("</dl>\n");
}

fn tiles(html: &mut String, c: &Counts) {
    let tile = |html: &mut String, class: &str, n: u64, what: &str| {
        let _ = write!(html, "<div class=\"tile {class}\"><b>{n}</b> {what}</div>");
    };
    html.push_str("<div class=\"tiles\">");
    tile(html, "", c.steps, "steps");
    tile(html, "", c.requests, if c.requests == 1 { "request" } else { "requests" });
    tile(html, "allowed", c.requests - c.blocked, "allowed");
    tile(html, if c.blocked > 0 { "blocked" } else { "" }, c.blocked, "blocked");
    tile(html, "", c.cookie_changes, if c.cookie_changes == 1 { "cookie change" } else { "cookie changes" });
    tile(html, "", c.console, if c.console == 1 { "console line" } else { "console lines" });
    tile(
        html,
        if c.js_errors > 0 { "fail" } else { "" },
        c.js_errors,
        if c.js_errors == 1 { "JS error" } else { "JS errors" },
    );
    let page_errors = c.js_errors + c.console_errors;
    tile(
        html,
        if page_errors > 0 { "fail" } else { "" },
        page_errors,
        if page_errors == 1 { "page error" } else { "page errors" },
    );
    tile(
        html,
        if c.expect_failed > 0 { "fail" } else { "ok" },
        c.expect_passed,
        &format!("of {} expectations held", c.expect_passed + c.expect_failed),
    );
    html.push_str("</div>\n");
}

/// Expectations with their verdicts, and anything that went wrong, above the timeline so it cannot be missed.
fn problems(html: &mut String, t: &Value, start: Option<VirtualTime>) {
    let mut list = String::new();
    for e in events(t) {
        let at = offset_text(offset_ms(start, str_at(e, "at")));
        match str_at(e, "kind") {
            "expectation" => {
                let held = e.get("passed").and_then(Value::as_bool) == Some(true);
                let label = e
                    .get("label")
                    .and_then(Value::as_str)
                    .map_or_else(|| format!("step {}", u64_at(e, "index")), str::to_owned);
                let _ = write!(
                    list,
                    "<li class=\"{}\"><span class=\"badge {}\">{}</span> <span class=\"at\">{at}</span> {}",
                    if held { "ok" } else { "fail" },
                    if held { "pass" } else { "fail" },
                    if held { "ok" } else { "FAIL" },
                    escape(&label)
                );
                failures(&mut list, e);
                list.push_str("</li>\n");
            }
            "step_failed" => {
                let _ = writeln!(
                    list,
                    "<li class=\"fail\"><span class=\"badge fail\">STEP FAILED</span> <span class=\"at\">{at}</span> \
                     step {}: <pre>{}</pre></li>",
                    u64_at(e, "index"),
                    escape(str_at(e, "error"))
                );
            }
            "js_error" => {
                let _ = writeln!(
                    list,
                    "<li class=\"fail page-error\"><span class=\"badge fail\">JS ERROR</span> <span class=\"at\">{at}</span> \
                     {} <code>{}</code></li>",
                    escape(str_at(e, "message")),
                    escape(str_at(e, "location"))
                );
            }
            "console" if str_at(e, "level") == "error" => {
                let _ = writeln!(
                    list,
                    "<li class=\"fail page-error\"><span class=\"badge fail\">CONSOLE.ERROR</span> \
                     <span class=\"at\">{at}</span> <pre>{}</pre></li>",
                    escape(str_at(e, "text"))
                );
            }
            _ => {}
        }
    }
    if !list.is_empty() {
        // Page errors: every JS error and every console.error line (an SDK that catches its own failure often only
        // logs it), as in `replay`'s summary.
        let _ = writeln!(html, "<h3>Expectations and page errors</h3>\n<ul class=\"verdicts\">\n{list}</ul>");
    }
}

fn failures(html: &mut String, e: &Value) {
    let items = e.get("failures").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    if items.is_empty() {
        return;
    }
    html.push_str("<ul class=\"failures\">");
    for f in items {
        let _ = write!(html, "<li><pre>{}</pre></li>", escape(&plain(f)));
    }
    html.push_str("</ul>");
}

fn timeline(html: &mut String, id: &str, rows: &[Row]) {
    html.push_str("<p class=\"lanes\">show: ");
    for (lane, label) in LANES {
        let _ = write!(html, "<label><input type=\"checkbox\" data-lane=\"{lane}\" checked> {label}</label> ");
    }
    html.push_str("</p>\n<table class=\"timeline\">\n<thead><tr><th>virtual time</th><th>what</th><th>detail</th></tr></thead>\n<tbody>\n");
    for (i, r) in rows.iter().enumerate() {
        let lane_label = LANES.iter().find(|(l, _)| *l == r.lane).map_or(r.lane, |(_, label)| label);
        let _ = writeln!(
            html,
            "<tr id=\"{id}-e{i}\" class=\"ev {} {}\"><td class=\"at\" title=\"{}\">{}</td><td class=\"lane\">{}</td>\
             <td>{}</td></tr>",
            r.lane,
            r.extra,
            escape(&r.at),
            offset_text(r.at_ms),
            lane_label,
            r.html
        );
    }
    html.push_str("</tbody>\n</table>\n");
}

fn row(e: &Value, start: Option<VirtualTime>) -> Option<Row> {
    let at = str_at(e, "at").to_owned();
    let at_ms = offset_ms(start, &at);
    let (lane, extra, line) = match str_at(e, "kind") {
        "step" => ("step", "", format!("step {}: {}", u64_at(e, "index"), str_at(e, "summary"))),
        "page_opened" => ("page", "open", format!("page {} ({})", str_at(e, "url"), str_at(e, "cause"))),
        "page_closed" => ("page", "minor", format!("left {}", str_at(e, "url"))),
        "script_run" => (
            "page",
            "minor",
            format!("script {} ({}, {} bytes)", str_at(e, "name"), str_at(e, "origin"), u64_at(e, "bytes")),
        ),
        "console" => ("console", "", format!("console.{}: {}", str_at(e, "level"), str_at(e, "text"))),
        "js_error" => (
            "err",
            "fail",
            format!("JS error ({}): {} {}", str_at(e, "phase"), str_at(e, "message"), str_at(e, "location")),
        ),
        "step_failed" => {
            ("err", "fail stepfail", format!("step {} failed: {}", u64_at(e, "index"), str_at(e, "error")))
        }
        "cookie_write" => ("cookie", "minor", format!("document.cookie = {}", str_at(e, "text"))),
        "cookie" => return Some(cookie_row(e, at, at_ms)),
        "request" => return Some(request_row(e, at, at_ms)),
        "delivered" => ("req", "minor", delivered_line(e)),
        "expectation" => {
            let held = e.get("passed").and_then(Value::as_bool) == Some(true);
            let label = e.get("label").and_then(Value::as_str).unwrap_or("(unlabelled)");
            let mut html = format!(
                "<span class=\"badge {}\">{}</span> expect {}",
                if held { "pass" } else { "fail" },
                if held { "ok" } else { "FAIL" },
                escape(label)
            );
            failures(&mut html, e);
            let line = format!("expect {label}: {}", if held { "ok" } else { "FAILED" });
            return Some(Row { at_ms, at, lane: "expect", extra: if held { "ok" } else { "fail" }, line, html });
        }
        _ => return None,
    };
    let html = escape(&line).into_owned();
    Some(Row { at_ms, at, lane, extra, line, html })
}

fn delivered_line(e: &Value) -> String {
    let id = plain(e.get("id").unwrap_or(&Value::Null));
    match (e.get("status"), e.get("error")) {
        (Some(s), _) => format!("delivered #{id} to the page: status {s}"),
        (None, Some(err)) => format!("delivered #{id} to the page: error {}", plain(err)),
        (None, None) => format!("delivered #{id} to the page"),
    }
}

fn cookie_row(e: &Value, at: String, at_ms: u64) -> Row {
    let change = e.pointer("/change/kind").and_then(Value::as_str).unwrap_or("?");
    let reason = e.pointer("/change/reason").map(plain);
    let value = e.get("value").map(plain);
    let mut line = format!("cookie {change} {}", str_at(e, "name"));
    if let Some(v) = &value {
        let _ = write!(line, "={v}");
    }
    let _ = write!(line, " ({}{}) by {}", str_at(e, "domain"), str_at(e, "path"), str_at(e, "source"));
    if let Some(r) = &reason {
        let _ = write!(line, ": {r}");
    }
    let extra = if change == "refused" { "fail" } else { "" };
    let html = escape(&line).into_owned();
    Row { at_ms, at, lane: "cookie", extra, line, html }
}

fn request_row(e: &Value, at: String, at_ms: u64) -> Row {
    let req = e.get("request").unwrap_or(&Value::Null);
    let allowed = e.pointer("/decision/allowed").and_then(Value::as_bool) == Some(true);
    let reason = e.pointer("/decision/reason").map(plain).unwrap_or_default();
    let answer = match e.get("outcome") {
        Some(o) => match (o.pointer("/response/status"), o.get("network_error")) {
            (Some(s), _) => format!(" → {s}"),
            (None, Some(err)) => format!(" → network error {}", plain(err)),
            (None, None) => String::new(),
        },
        None => String::new(),
    };
    let verdict = if allowed { format!("ALLOWED ({reason}){answer}") } else { format!("BLOCKED ({reason})") };
    let head = format!(
        "#{} {} {} {}",
        plain(req.get("id").unwrap_or(&Value::Null)),
        str_at(req, "initiator"),
        str_at(req, "method"),
        str_at(req, "url")
    );
    let line = format!("request {head} {verdict}");
    let mut html = format!(
        "<details><summary><span class=\"badge {}\">{}</span> {}</summary>",
        if allowed { "pass" } else { "blocked" },
        escape(&verdict),
        escape(&clip(&head, 160))
    );
    let mut detail = |name: &str, v: Option<&Value>| {
        if let Some(v) = v.filter(|v| !v.is_null()) {
            let text = serde_json::to_string_pretty(v).unwrap_or_default();
            let _ = write!(html, "<h4>{name}</h4><pre>{}</pre>", escape(&text));
        }
    };
    detail("request", Some(req));
    detail("gate decision", e.get("decision"));
    detail("answer", e.get("outcome"));
    if let Some(note) = e.get("note") {
        let _ = write!(html, "<p>note: {}</p>", escape(&plain(note)));
    }
    html.push_str("</details>");
    Row { at_ms, at, lane: "req", extra: if allowed { "allowed" } else { "blocked" }, line, html }
}
