use serde_json::json;

use super::{Input, render};

fn golden(name: &str) -> serde_json::Value {
    let text = match name {
        "03" => include_str!("../../tests/golden/03-opt-out-after-opt-in.transcript.json"),
        _ => include_str!("../../tests/golden/07-shop-funnel.transcript.json"),
    };
    serde_json::from_str(text).unwrap()
}

fn attr<'a>(html: &'a str, section: &str, name: &str) -> &'a str {
    let at = html.find(&format!("id=\"{section}\"")).unwrap();
    let rest = &html[at..];
    let from = rest.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    &rest[from..from + rest[from..].find('"').unwrap()]
}

#[test]
fn a_transcript_shows_its_requests_with_the_gate_decision() {
    let html = render("t", &[Input::from_json("03.json", golden("03")).unwrap()]);
    assert_eq!(attr(&html, "d0", "data-requests"), "2");
    assert_eq!(attr(&html, "d0", "data-blocked"), "1");
    assert_eq!(html.matches("class=\"ev req blocked\"").count(), 1);
    assert!(html.contains("BLOCKED (consent_value_mismatch)"), "the reason is spelt as in transcripts");
    assert!(html.contains("ALLOWED (consent) → 200"));
    // Offsets are durations from the clock start: the blocked request is at 10.100 s.
    assert!(html.contains(">+10.100 s<"));
    // The jar over time ends with the opt-out value.
    assert!(html.contains("ce.tracking-opt-in (shop.example/)"));
    assert!(html.contains("<h4>Final jar (2 cookies)</h4>"));
}

#[test]
fn hostile_text_from_the_page_is_shown_not_run() {
    let transcript = json!({
        "name": "<b>bold</b>",
        "events": [
            {"at": "2026-01-01T00:00:00.000Z", "kind": "console", "level": "log",
             "text": "</script><script>alert(1)</script>"},
            {"at": "2026-01-01T00:00:01.000Z", "kind": "cookie", "change": {"kind": "set"}, "name": "x\"><img src=x>",
             "domain": "a.example", "path": "/", "value": "' onmouseover='alert(2)", "source": "document"},
            {"at": "2026-01-01T00:00:01.000Z", "kind": "request", "decision": {"allowed": false, "reason": "no_consent"},
             "request": {"id": 1, "initiator": "beacon", "method": "POST", "url": "https://t.example/<svg onload=alert(3)>"}}
        ]
    });
    let html = render("x", &[Input::from_json("hostile.json", transcript).unwrap()]);
    for raw in ["<script>alert", "<img src=x>", "' onmouseover='", "<svg onload", "<b>bold"] {
        assert!(!html.contains(raw), "{raw} must be escaped");
    }
    assert!(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("BLOCKED (no_consent)"));
}

#[test]
fn run_output_and_conform_reports_are_recognised_and_anything_else_is_named() {
    let run = json!({"url": "https://a.example/", "transcript": [
        {"at": "2026-01-01T00:00:00.000Z", "kind": "js_error", "phase": "script", "message": "TypeError: boom"}
    ]});
    let html = render("r", &[Input::from_json("run.json", run).unwrap()]);
    assert_eq!(attr(&html, "d0", "data-js-errors"), "1");
    assert!(html.contains("run https://a.example/"));

    let err = Input::from_json("notes/todo.json", json!({"hello": 1})).unwrap_err().to_string();
    assert!(err.starts_with("notes/todo.json: not a transcript"), "{err}");
}

#[test]
fn a_failing_check_opens_to_its_failures_and_excerpt() {
    let report = json!({
        "format": 1, "suite": "ce-v2", "sdk": {"name": "bad.js", "sha256": "ab"}, "profile": "reference",
        "selection": {"filter": "consent.*", "shard": null},
        "checks": [
            {"id": "consent.a", "label": "must", "spec": "§1 consent", "description": "stays silent",
             "result": "fail", "virtual_ms": 42_075_936_000_u64,
             "failures": ["expect \"x\" (step 3): expected 0 requests, got 7:\n  #1 POST https://t/"],
             "excerpt": ["+0 ms step 0: load <https://a/>"]},
            {"id": "consent.b", "label": "must", "spec": "§2", "description": "d", "result": "pass",
             "virtual_ms": 5, "failures": [], "excerpt": []}
        ],
        "summary": {"total": 2, "passed": 1, "failed": 1, "skipped": 0, "virtual_ms": 5}
    });
    let html = render("c", &[Input::from_json("c.json", report).unwrap()]);
    assert_eq!((attr(&html, "d0", "data-passed"), attr(&html, "d0", "data-failed")), ("1", "1"));
    assert!(html.contains("got 7:\n  #1 POST https://t/"), "the whole failure message, not its first line");
    assert!(html.contains("load &lt;https://a/&gt;"));
    assert!(html.contains(">+486d 23h<"));
    assert!(html.contains("<p class=\"verdict fail\">1 of 1 failed</p>"));
}
