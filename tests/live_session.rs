//! The live path end to end over real sockets: the reference SDK in a replayed session, its requests through the gate
//! to the local collector on loopback, the collector's `xngGlobalUserId` adopted into `ce.guid`; and nothing reaches the
//! collector before consent.

use std::path::Path;

use sdkhost::batch::prepare;
use sdkhost::{RunOptions, SessionScript};

#[path = "support/collector.rs"]
mod collector;

#[test]
fn the_sdk_talks_to_the_collector_only_after_consent() {
    let collector = collector::Running::start();
    let port = collector.port;

    let script = format!(
        r#"{{
  "name": "live against the collector",
  "transport": {{"kind": "live", "latency_ms": 30}},
  "steps": [
    {{"load": {{"url": "https://shop.example/", "api_key": "live-key"}}}},
    {{"ce": [{{"apiUrl": "http://127.0.0.1:{port}/api/v1"}}]}},
    {{"ce": ["track", "Before Consent"]}},
    {{"advance": "1s"}},
    {{"expect": {{"label": "silent before consent", "requests": {{"count": 0}}}}}},
    {{"ce": [{{"trackingOptIn": true}}]}},
    {{"ce": ["track", "After Consent", {{"n": 1}}]}},
    {{"advance": "1s"}},
    {{"expect": {{"label": "sent over HTTP, id adopted",
      "requests": {{"count": 1, "allowed": 1, "matching": [{{"url": "http://127.0.0.1:{port}/api/v1/web/live-key/track", "status": 200}}]}},
      "cookies": [{{"name": "ce.guid", "value": "re:^[0-9a-f-]{{36}}$"}}],
      "no_js_errors": true}}}}
  ]
}}"#
    );
    let parsed = SessionScript::parse(&script, Path::new("live.json")).expect("script");
    let report = prepare(parsed, Path::new("live.json"), &RunOptions::default()).expect("setup").run();
    let text = collector.stop();

    assert!(report.passed(), "{}", sdkhost::records::summary_text(&report));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "exactly one request reached the collector: {text}");
    assert!(lines[0].contains("After Consent") && !text.contains("Before Consent"), "{text}");
    let jar = report.transcript.final_jar().expect("the session ran to its end");
    let guid = &jar.iter().find(|c| c.name == "ce.guid").expect("ce.guid").value;
    let exchanges = report.exchanges();
    let delivered = exchanges[0].response().expect("response");
    let body: serde_json::Value = serde_json::from_slice(&delivered.body).expect("json");
    assert_eq!(body["xngGlobalUserId"].as_str(), Some(guid.as_str()), "the collector's id is the one the SDK stored");
}
