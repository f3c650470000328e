//! Record → replay: a session recorded with the stub, exported as HAR 1.2, and replayed from that HAR with the replay
//! transport gives the same transcript (but for which transport answered and its match note). The HAR has the
//! structure HAR 1.2 requires, and blocked requests carry `_blocked`.

use std::path::{Path, PathBuf};

use serde_json::Value;

use sdkhost::batch::prepare;
use sdkhost::network::TransportKind;
use sdkhost::{RunOptions, SessionScript};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sessions").join(name)
}

fn run(path: &Path, opts: &RunOptions) -> sdkhost::RunReport {
    prepare(SessionScript::load(path).expect("parse"), path, opts).expect("setup").run()
}

/// The transcript without what necessarily differs between transports.
fn comparable(mut t: Value) -> Value {
    t["inputs"]["transport"] = Value::Null;
    for e in t["events"].as_array_mut().expect("events") {
        if e["kind"] == "request" {
            e.as_object_mut().expect("object").remove("transport");
            e.as_object_mut().expect("object").remove("note");
        }
    }
    t
}

#[test]
fn a_recorded_session_replays_to_the_same_transcript() {
    for name in ["07-shop-funnel.json", "03-opt-out-after-opt-in.json"] {
        let path = example(name);
        let recorded = run(&path, &RunOptions::default());
        assert!(recorded.passed());
        let har_path = std::env::temp_dir().join(format!("sdkhost-roundtrip-{}-{name}.har", std::process::id()));
        std::fs::write(&har_path, recorded.har_text()).expect("write HAR");

        let opts = RunOptions {
            transport: Some(TransportKind::Replay),
            replay_har: Some(har_path.clone()),
            ..RunOptions::default()
        };
        let replayed = run(&path, &opts);
        assert!(replayed.passed(), "{}", sdkhost::records::summary_text(&replayed));
        assert_eq!(comparable(recorded.transcript_value()), comparable(replayed.transcript_value()), "{name}");
        assert!(replayed.exchanges().iter().filter(|e| e.is_allowed()).all(|e| e.transport == "replay"));
        std::fs::remove_file(&har_path).ok();
    }
}

#[test]
fn the_har_export_has_the_har_1_2_structure() {
    let report = run(&example("03-opt-out-after-opt-in.json"), &RunOptions::default());
    let har: Value = serde_json::from_str(&report.har_text()).expect("json");
    let log = &har["log"];
    assert_eq!(log["version"], "1.2");
    assert!(log["creator"]["name"].is_string() && log["creator"]["version"].is_string());
    let entries = log["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), report.exchanges().len());
    for e in entries {
        for key in ["startedDateTime", "time", "request", "response", "cache", "timings"] {
            assert!(!e[key].is_null(), "entry lacks {key}: {e}");
        }
        for key in ["method", "url", "httpVersion", "cookies", "headers", "queryString", "headersSize", "bodySize"] {
            assert!(!e["request"][key].is_null(), "request lacks {key}");
        }
        for key in [
            "status",
            "statusText",
            "httpVersion",
            "cookies",
            "headers",
            "content",
            "redirectURL",
            "headersSize",
            "bodySize",
        ] {
            assert!(!e["response"][key].is_null(), "response lacks {key}");
        }
        for key in ["send", "wait", "receive"] {
            assert!(e["timings"][key].is_number(), "timings lack {key}");
        }
    }
    let blocked: Vec<&Value> = entries.iter().filter(|e| !e["_blocked"].is_null()).collect();
    assert_eq!(blocked.len(), 1, "the page's own XHR after the opt-out is blocked");
    assert_eq!(blocked[0]["response"]["status"], 0);
    assert_eq!(blocked[0]["response"]["_error"], "net::ERR_BLOCKED_BY_CLIENT");
    // Every entry names a page of `pages`, which are in order of their first request.
    let pages = log["pages"].as_array().expect("pages");
    assert!(!pages.is_empty());
    for e in entries {
        let pageref = e["pageref"].as_str().expect("pageref");
        let page = pages.iter().find(|p| p["id"] == pageref).expect("pageref names a page");
        assert_eq!(page["title"], e["_sdkhost"]["page_url"]);
    }
}
