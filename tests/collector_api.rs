//! `sdkhost collector` as a test would use it: start it on a free port, send it requests, ask what it received,
//! reset it, ask again; the `--out` file holds every request as a JSON line.

#![allow(clippy::unwrap_used, reason = "test helpers: a failure is the test failing")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

/// The collector process, killed when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Sends one HTTP/1.1 request and returns (status, body).
/// Requests to the API carry `Sec-Sdkhost-Api`, as the harness must (tests/redteam_collector.rs: pages cannot).
fn send(addr: &str, method: &str, path: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    let api = if path.starts_with("/_sdkhost/") { "Sec-Sdkhost-Api: 1\r\n" } else { "" };
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\n{api}Content-Type: application/json\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer[9..12].parse().unwrap();
    let body = answer.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    (status, body)
}

fn received(addr: &str, query: &str) -> Vec<Value> {
    let (status, body) = send(addr, "GET", &format!("/_sdkhost/received{query}"), "");
    assert_eq!(status, 200, "{body}");
    serde_json::from_str::<Value>(&body).unwrap().as_array().unwrap().clone()
}

#[test]
fn received_lists_requests_in_order_and_reset_clears_them() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("collector_api");
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("received.jsonl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_sdkhost"))
        .args(["collector", "--port", "0", "--out", out.to_str().unwrap()])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stderr.take().unwrap()).read_line(&mut first).unwrap();
    let _running = Running(child);
    let addr = first.trim().rsplit("http://").next().unwrap().to_owned();
    assert!(addr.starts_with("127.0.0.1:") && !addr.ends_with(":0"), "{first}");

    assert_eq!(received(&addr, ""), Vec::<Value>::new());
    let (status, answer) = send(&addr, "POST", "/api/v1/web/track", r#"{"sessionId": "s-1", "event": "a"}"#);
    assert_eq!(status, 200);
    assert!(answer.contains("xngGlobalUserId"), "{answer}");
    send(&addr, "POST", "/api/v1/web/identify?k=1", r#"{"sessionId": "s-1", "event": "b"}"#);
    send(&addr, "GET", "/health", "");

    let all = received(&addr, "");
    let paths: Vec<&str> = all.iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["/api/v1/web/track", "/api/v1/web/identify?k=1", "/health"]);
    assert_eq!(all[0]["method"], "POST");
    assert_eq!(all[0]["body_json"]["event"], "a");
    assert_eq!(all[0]["status"], 200);

    // ?path= is the path without its query, exactly or as a prefix ending in `*`.
    assert_eq!(received(&addr, "?path=/api/v1/web/identify").len(), 1);
    assert_eq!(received(&addr, "?path=/api/v1/*").len(), 2);
    assert_eq!(received(&addr, "?path=%2Fhealth").len(), 1);

    // Wrong methods and unknown API paths are told so, and not recorded.
    assert_eq!(send(&addr, "GET", "/_sdkhost/reset", "").0, 405);
    assert_eq!(send(&addr, "GET", "/_sdkhost/nothing", "").0, 404);

    let (status, cleared) = send(&addr, "POST", "/_sdkhost/reset", "");
    assert_eq!(status, 200);
    assert_eq!(serde_json::from_str::<Value>(&cleared).unwrap(), serde_json::json!({"cleared": 3}));
    assert_eq!(received(&addr, ""), Vec::<Value>::new());
    send(&addr, "POST", "/api/v1/web/track", r#"{"event": "c"}"#);
    let after = received(&addr, "");
    assert_eq!(after.len(), 1);
    assert_eq!(after[0]["body_json"]["event"], "c");

    // The --out file has every request the collector answered (not the API's own), one JSON line each; the serving
    // loop writes them within a poll interval.
    let mut lines = Vec::new();
    for _ in 0..100 {
        lines = std::fs::read_to_string(&out).unwrap_or_default().lines().map(str::to_owned).collect();
        if lines.len() == 4 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let paths: Vec<String> =
        lines.iter().map(|l| serde_json::from_str::<Value>(l).unwrap()["path"].as_str().unwrap().to_owned()).collect();
    assert_eq!(paths, ["/api/v1/web/track", "/api/v1/web/identify?k=1", "/health", "/api/v1/web/track"]);
}
