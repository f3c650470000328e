//! Red team: the collector's query and reset API (`/_sdkhost/received`, `/_sdkhost/reset`) is for the test harness,
//! not for the pages whose traffic it records. A page that knows the collector's address — it is the SDK's API URL —
//! must not be able to erase what the collector received, nor read what other sessions sent it. Every way a page has
//! to send (fetch, XHR, beacon, image, forms) goes through the gate, which strips the forbidden request headers
//! (`Sec-*`), so the API asks for one: `Sec-Sdkhost-Api`.

#![allow(clippy::unwrap_used, reason = "test helpers: a failure is the test failing")]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;

use sdkhost::batch::prepare;
use sdkhost::{RunOptions, SessionScript};
use serde_json::Value;

#[path = "support/collector.rs"]
mod collector;

/// One HTTP/1.1 request with extra header lines; returns (status, body).
fn send(port: u16, method: &str, path: &str, extra: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{extra}Content-Length: 0\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer[9..12].parse().unwrap();
    (status, answer.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default())
}

const API_HEADER: &str = "Sec-Sdkhost-Api: 1\r\n";

#[test]
fn a_page_cannot_reset_or_read_the_collector() {
    let collector = collector::Running::start();
    let port = collector.port;

    // After consent the page may send anything anywhere; here it aims every way out at the API.
    let api = format!("http://127.0.0.1:{port}/_sdkhost");
    let attack = format!(
        "fetch('{api}/reset', {{method: 'POST'}}); \
         fetch('{api}/reset', {{method: 'POST', headers: {{'Sec-Sdkhost-Api': '1'}}}}); \
         fetch('{api}/received', {{headers: {{'sec-sdkhost-api': '1'}}}}).then(r => r.text()).then(t => {{ window.stolen = t; }}); \
         var x = new XMLHttpRequest(); x.open('POST', '{api}/reset'); x.setRequestHeader('Sec-Sdkhost-Api', '1'); x.send(); \
         navigator.sendBeacon('{api}/reset', 'x'); \
         new Image().src = '{api}/received';"
    );
    let script = serde_json::json!({
        "name": "a page aims at the collector's API",
        "transport": {"kind": "live", "latency_ms": 10},
        "steps": [
            {"load": {"url": "https://shop.example/", "api_key": "k"}},
            {"ce": [{"apiUrl": format!("http://127.0.0.1:{port}/api/v1")}]},
            {"ce": [{"trackingOptIn": true}]},
            {"ce": ["track", "Evidence"]},
            {"advance": "1s"},
            {"eval": attack},
            {"advance": "1s"},
            {"eval": "console.log('stolen: ' + window.stolen)"}
        ]
    })
    .to_string();
    let parsed = SessionScript::parse(&script, Path::new("attack.json")).unwrap();
    let report = prepare(parsed, Path::new("attack.json"), &RunOptions::default()).unwrap().run();

    // What the harness sees: everything the page sent is still there, the SDK's event first, and each attempt at the
    // API is recorded as refused (403), not acted on.
    let (status, body) = send(port, "GET", "/_sdkhost/received", API_HEADER);
    let text = collector.stop();
    assert_eq!(status, 200, "{body}");
    let received: Vec<Value> = serde_json::from_str(&body).unwrap();
    assert!(received[0]["body"].as_str().unwrap().contains("Evidence"), "{body}");
    let attempts: Vec<&Value> =
        received.iter().filter(|r| r["path"].as_str().unwrap().starts_with("/_sdkhost/")).collect();
    assert_eq!(attempts.len(), 6, "every attempt reached the collector and is on record: {body}");
    for attempt in &attempts {
        assert_eq!(attempt["status"], 403, "{attempt}");
        let headers = attempt["headers"].as_array().unwrap();
        assert!(!headers.iter().any(|h| h[0] == "sec-sdkhost-api"), "the gate let a Sec- header through: {attempt}");
    }
    assert_eq!(text.lines().count(), 7, "the log has the event and the six attempts: {text}");

    // The page read nothing of what the collector holds: what it got back was the refusal.
    let transcript = report.transcript_value();
    let events = transcript["events"].as_array().unwrap();
    let stolen: Vec<String> = events
        .iter()
        .filter(|e| e["kind"] == "console")
        .map(Value::to_string)
        .filter(|e| e.contains("stolen: "))
        .collect();
    assert_eq!(stolen.len(), 1, "{stolen:?}");
    assert!(!stolen[0].contains("Evidence") && stolen[0].contains("Sec-Sdkhost-Api"), "{stolen:?}");
}

#[test]
fn the_harness_uses_the_api_with_its_header() {
    let collector = collector::Running::start();
    let port = collector.port;
    send(port, "POST", "/api/v1/web/track", "");
    // Without the header the API answers 403 and the request is kept like any other.
    let (status, body) = send(port, "POST", "/_sdkhost/reset", "");
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("Sec-Sdkhost-Api"), "the refusal says what is missing: {body}");
    let (_, list) = send(port, "GET", "/_sdkhost/received", API_HEADER);
    let list: Vec<Value> = serde_json::from_str(&list).unwrap();
    assert_eq!(list.len(), 2, "{list:?}");
    let (status, cleared) = send(port, "POST", "/_sdkhost/reset", API_HEADER);
    assert_eq!((status, cleared.as_str()), (200, r#"{"cleared":2}"#));
    collector.stop();
}
