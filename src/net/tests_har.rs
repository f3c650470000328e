//! HAR 1.2 export (structure, blocked and failed entries, determinism) and the replay transport (record → HAR →
//! replay round trip, occurrence matching, strict and lenient misses, load errors).

use crate::clock::{DEFAULT_START, VirtualTime};
use crate::net::{
    CookieAccess, Egress, Exchange, Initiator, Outcome, Policy, ReplayMode, ReplayTransport, Request, StubRule,
    StubTransport, Transport, TransportError, to_har,
};
use serde_json::{Value, json};
use url::Url;

/// Consent is always visible; no other cookies.
struct Consenting(bool);

impl CookieAccess for Consenting {
    fn visible_cookies(&mut self, _url: &Url, _now: VirtualTime) -> Vec<(String, String)> {
        if self.0 { vec![("ce.tracking-opt-in".into(), "true".into())] } else { Vec::new() }
    }

    fn cookie_header(&mut self, _url: &Url, _same_site: bool, _now: VirtualTime) -> Option<String> {
        Some("ce.tracking-opt-in=true; sid=7".into())
    }

    fn store_set_cookie(&mut self, _url: &Url, _header: &str, _now: VirtualTime) {}
}

fn u(s: &str) -> Url {
    Url::parse(s).expect("test setup")
}

fn requests() -> Vec<Request> {
    let page = u("https://shop.example/");
    let post = |path: &str, body: &str| {
        Request::new("POST", u(&format!("https://t.example{path}")), page.clone(), Initiator::Xhr)
            .with_header("Content-Type", "application/json")
            .with_body(body)
    };
    vec![
        post("/web/k/track", r#"{"n":1}"#),
        post("/web/k/track", r#"{"n":1}"#),
        post("/web/k/track", r#"{"n":2}"#),
        Request::new("GET", u("https://t.example/px.gif?e=view&u=%C3%A9"), page.clone(), Initiator::Image),
        post("/fail", "{}"),
        Request::new("POST", u("https://t.example/bin"), page.clone(), Initiator::Beacon)
            .with_body(vec![0xff, 0xfe, 1]),
        post("/redirect", "{}"),
    ]
}

fn stub() -> StubTransport {
    let rules: Vec<StubRule> = serde_json::from_value(json!([
        {"url": "https://t.example/fail", "network_error": "connection reset", "latency_ms": 3},
        {"url": "https://t.example/redirect", "status": 302, "headers": [["Location", "https://t.example/next"]]},
        {"url": "https://t.example/px.gif*", "headers": [["Content-Type", "image/gif"]], "body": "GIF89a", "latency_ms": 1},
        {"method": "POST", "url": "re:/track$", "status": 201,
         "headers": [["Set-Cookie", "sid=8; Path=/; HttpOnly; Secure"]], "body_json": {"ok": true}, "latency_ms": 35}
    ]))
    .expect("test setup");
    StubTransport::new(rules).expect("test setup")
}

fn run(transport: Box<dyn Transport>, reqs: Vec<Request>) -> Vec<Exchange> {
    let mut egress = Egress::new(Policy::default(), transport);
    let mut jar = Consenting(true);
    reqs.into_iter()
        .enumerate()
        .map(|(i, r)| egress.submit(r, &mut jar, DEFAULT_START.plus_ms(i as i64 * 100)))
        .collect()
}

fn record() -> Vec<Exchange> {
    let mut exchanges = run(Box::new(stub()), requests());
    let mut egress = Egress::new(Policy::default(), Box::new(stub()));
    let blocked =
        Request::new("POST", u("https://t.example/web/k/track"), u("https://shop.example/"), Initiator::Fetch);
    exchanges.push(egress.submit(blocked, &mut Consenting(false), DEFAULT_START.plus_ms(999)));
    exchanges
}

/// Checks the fields HAR 1.2 requires, with their JSON types.
fn assert_har_1_2(har: &Value) {
    let log = &har["log"];
    assert_eq!(log["version"], "1.2");
    assert!(log["creator"]["name"].is_string() && log["creator"]["version"].is_string());
    for (i, e) in log["entries"].as_array().expect("test setup").iter().enumerate() {
        let ctx = format!("entry {i}: {e}");
        let started = e["startedDateTime"].as_str().expect(&ctx);
        assert!(VirtualTime::parse(started).is_ok(), "{ctx}");
        assert!(e["time"].is_number(), "{ctx}");
        let req = &e["request"];
        for key in ["method", "url", "httpVersion"] {
            assert!(req[key].is_string(), "{ctx}: request.{key}");
        }
        for key in ["cookies", "headers", "queryString"] {
            assert!(req[key].is_array(), "{ctx}: request.{key}");
        }
        for key in ["headersSize", "bodySize"] {
            assert!(req[key].is_i64(), "{ctx}: request.{key}");
        }
        for pair in req["headers"]
            .as_array()
            .expect("test setup")
            .iter()
            .chain(req["queryString"].as_array().expect("test setup"))
        {
            assert!(pair["name"].is_string() && pair["value"].is_string(), "{ctx}");
        }
        if let Some(post) = req.get("postData") {
            assert!(post["mimeType"].is_string() && post["text"].is_string(), "{ctx}");
        }
        let res = &e["response"];
        assert!(res["status"].is_u64() && res["statusText"].is_string() && res["httpVersion"].is_string(), "{ctx}");
        assert!(res["cookies"].is_array() && res["headers"].is_array() && res["redirectURL"].is_string(), "{ctx}");
        assert!(res["content"]["size"].is_i64() && res["content"]["mimeType"].is_string(), "{ctx}");
        assert!(res["headersSize"].is_i64() && res["bodySize"].is_i64(), "{ctx}");
        assert!(e["cache"].is_object(), "{ctx}");
        for key in ["send", "wait", "receive"] {
            assert!(e["timings"][key].is_number(), "{ctx}: timings.{key}");
        }
    }
}

#[test]
fn har_export_is_valid_and_deterministic() {
    let exchanges = record();
    let har = to_har(&exchanges, "0.1.0");
    assert_har_1_2(&har);
    assert_eq!(har.to_string(), to_har(&record(), "0.1.0").to_string());
    let entries = har["log"]["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 8);
    let first = &entries[0];
    assert_eq!(first["startedDateTime"], "2026-01-01T00:00:00.000Z");
    assert_eq!((first["time"].as_u64(), first["timings"]["wait"].as_u64()), (Some(35), Some(35)));
    assert_eq!(first["request"]["postData"], json!({"mimeType": "application/json", "text": "{\"n\":1}"}));
    assert_eq!(first["request"]["cookies"], json!([]), "a cross-origin XHR carries no cookies");
    assert_eq!(
        entries[5]["request"]["cookies"],
        json!([{"name": "ce.tracking-opt-in", "value": "true"}, {"name": "sid", "value": "7"}])
    );
    assert_eq!(
        first["response"]["cookies"],
        json!([{"name": "sid", "value": "8", "path": "/", "httpOnly": true, "secure": true}])
    );
    assert_eq!(
        first["response"]["content"],
        json!({"size": 11, "mimeType": "application/json", "text": "{\"ok\":true}"})
    );
    assert_eq!(first["_resourceType"], "xhr");
    assert_eq!(first["_sdkhost"]["note"], "stub rule 4");
    let pixel = &entries[3];
    assert_eq!(pixel["request"]["queryString"], json!([{"name": "e", "value": "view"}, {"name": "u", "value": "é"}]));
    assert!(pixel["request"].get("postData").is_none());
    let failed = &entries[4]["response"];
    assert_eq!((failed["status"].as_u64(), failed["_error"].as_str()), (Some(0), Some("connection reset")));
    assert_eq!(entries[5]["request"]["postData"]["_encoding"], "base64");
    assert_eq!(entries[6]["response"]["redirectURL"], "https://t.example/next");
    let blocked = &entries[7];
    assert_eq!(blocked["_blocked"], json!({"reason": "no_consent", "consent_seen": null}));
    assert_eq!(blocked["response"]["status"], 0);
    assert!(entries[..7].iter().all(|e| e.get("_blocked").is_none()));
}

#[test]
fn record_then_replay_gives_the_same_outcomes() {
    let recorded = record();
    let har_text = serde_json::to_string_pretty(&to_har(&recorded, "0.1.0")).unwrap();
    let replay = ReplayTransport::from_har_str(&har_text, "recorded.har", ReplayMode::Strict).unwrap();
    assert_eq!(replay.len(), 7, "the blocked entry is not replayable");
    let replayed = run(Box::new(replay), requests());
    for (a, b) in recorded.iter().zip(&replayed) {
        assert_eq!((&a.outcome, a.latency_ms), (&b.outcome, b.latency_ms), "request {}", a.request.id);
        assert_eq!(b.transport, "replay");
    }
    let notes: Vec<_> = replayed.iter().map(|e| e.note.clone().unwrap_or_default()).collect();
    assert_eq!(notes[..3], ["entry 1, occurrence 1", "entry 2, occurrence 2", "entry 3, occurrence 1"]);
}

#[test]
fn replay_misses_strict_and_lenient() {
    let har = to_har(&record(), "0.1.0");
    let extra = Request::new("GET", u("https://t.example/unknown"), u("https://shop.example/"), Initiator::Fetch);
    let mut reqs = requests();
    reqs.truncate(1);
    reqs.extend([reqs[0].clone(), extra]);
    let strict = ReplayTransport::from_har_value(&har, "mem", ReplayMode::Strict).unwrap();
    let out = run(Box::new(strict), reqs.clone());
    // The second identical request gets the second entry with that key; here there is one more in the file.
    assert_eq!(out[1].note.as_deref(), Some("entry 2, occurrence 2"));
    assert_eq!(
        out[2].outcome,
        Some(Outcome::NetworkError("replay: no HAR entry for GET https://t.example/unknown (occurrence 1)".into()))
    );
    let lenient = ReplayTransport::from_har_value(&har, "mem", ReplayMode::Lenient).unwrap();
    let out = run(Box::new(lenient), reqs);
    let default = StubTransport::default_answer();
    assert_eq!((out[2].outcome.clone().unwrap(), out[2].latency_ms), (default.outcome, default.latency_ms));
    assert!(out[2].note.as_deref().unwrap().ends_with("(occurrence 1); stub default"));
    // Third occurrence of a key recorded twice: a miss.
    let mut replay = ReplayTransport::from_har_value(&har, "mem", ReplayMode::Strict).unwrap();
    let first = requests().remove(0);
    for _ in 0..2 {
        assert!(matches!(replay.send(&first).outcome, Outcome::Response(_)));
    }
    assert!(matches!(replay.send(&first).outcome, Outcome::NetworkError(_)));
    assert_eq!(replay.unused_entries(), [3, 4, 5, 6, 7]);
}

#[test]
fn bad_har_names_file_line_and_column() {
    let err =
        ReplayTransport::from_har_str("{\n  \"log\": {\n    \"entries\": [1]\n  }\n}", "bad.har", ReplayMode::Strict)
            .err()
            .unwrap();
    assert!(matches!(err, TransportError::HarParse { line: 3, .. }), "{err:?}");
    assert!(err.to_string().starts_with("har bad.har:3:"), "{err}");
    let err = ReplayTransport::from_har_str("{\"log\": ", "trunc.har", ReplayMode::Strict).err().unwrap();
    assert!(err.to_string().starts_with("har trunc.har:1:"), "{err}");
    let missing = std::path::Path::new("/nonexistent/x.har");
    let err = ReplayTransport::from_har_file(missing, ReplayMode::Strict).err().unwrap();
    assert!(err.to_string().starts_with("har /nonexistent/x.har: "), "{err}");
}
