//! The live transport over real loopback sockets: against the collector end to end, a closed port, a server that
//! never answers (timeout), canned 500 / redirect / oversized answers. Every server here is bounded in time.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use crate::clock::{DEFAULT_START, VirtualTime};
use crate::net::{
    Collector, CollectorStop, CookieAccess, Egress, Initiator, LiveConfig, LiveTransport, Outcome, Policy, Request,
    Transport, user_id,
};
use url::Url;

struct Consenting;

impl CookieAccess for Consenting {
    fn visible_cookies(&mut self, _url: &Url, _now: VirtualTime) -> Vec<(String, String)> {
        vec![("ce.tracking-opt-in".into(), "true".into())]
    }

    fn cookie_header(&mut self, _url: &Url, _same_site: bool, _now: VirtualTime) -> Option<String> {
        Some("ce.sid=s-1".into())
    }

    fn store_set_cookie(&mut self, _url: &Url, _header: &str, _now: VirtualTime) {}
}

#[derive(Clone, Default)]
struct SharedLog(Arc<Mutex<Vec<u8>>>);

impl Write for SharedLog {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("test setup").write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn req(method: &str, url: &str, initiator: Initiator) -> Request {
    Request::new(
        method,
        Url::parse(url).expect("test setup"),
        Url::parse("http://shop.example/").expect("test setup"),
        initiator,
    )
}

fn quick() -> LiveConfig {
    LiveConfig { timeout_connect_ms: 300, timeout_global_ms: 300, ..LiveConfig::default() }
}

#[test]
fn live_against_the_collector_end_to_end() {
    let collector = Collector::bind("127.0.0.1:0", 7).unwrap();
    let base = format!("http://{}", collector.local_addr());
    let stop = CollectorStop::new();
    let log = SharedLog::default();
    let server = {
        let (stop, mut log) = (stop.clone(), log.clone());
        thread::spawn(move || collector.run(&mut log, &stop))
    };
    let mut egress = Egress::new(Policy::default(), Box::new(LiveTransport::default()));
    let body = r#"{"type":"track","sessionId":"s-1","xngGlobalUserId":null}"#;
    let track = req("POST", &format!("{base}/web/key/track"), Initiator::Beacon)
        .with_header("Content-Type", "text/plain;charset=UTF-8")
        .with_body(body);
    let ex = egress.submit(track, &mut Consenting, DEFAULT_START);
    assert_eq!((ex.transport.as_str(), ex.latency_ms, ex.note.as_deref()), ("live", 20, None));
    let r = ex.response().expect("collector answers");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert_eq!(r.header("date"), Some("Thu, 01 Jan 2026 00:00:00 GMT"));
    let answer: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(answer["xngGlobalUserId"], user_id(7, body.as_bytes()));
    let known =
        req("POST", &format!("{base}/web/key/update"), Initiator::Xhr).with_body(r#"{"xngGlobalUserId":"g-9"}"#);
    let ex = egress.submit(known, &mut Consenting, DEFAULT_START);
    assert_eq!(ex.response().unwrap().body, br#"{"xngGlobalUserId":"g-9"}"#);
    // A page cannot build a preflight: the gate drops the forbidden header, and the collector answers for any.
    let preflight = req("OPTIONS", &format!("{base}/web/key/track"), Initiator::Xhr)
        .with_header("Access-Control-Request-Headers", "content-type");
    let ex = egress.submit(preflight, &mut Consenting, DEFAULT_START);
    assert_eq!(ex.removed, ["header Access-Control-Request-Headers"]);
    let r = ex.response().unwrap();
    assert_eq!((r.status, r.header("access-control-allow-headers")), (204, Some("*")));
    stop.stop();
    server.join().unwrap().unwrap();
    let text = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!((lines[0]["method"].as_str(), lines[0]["path"].as_str()), (Some("POST"), Some("/web/key/track")));
    assert_eq!(lines[0]["body_json"]["sessionId"], "s-1");
    assert_eq!(lines[0]["status"], 200);
    let headers: Vec<(String, String)> = serde_json::from_value(lines[0]["headers"].clone()).unwrap();
    let mut sorted = headers.clone();
    sorted.sort();
    assert_eq!(headers, sorted);
    assert!(headers.contains(&("cookie".into(), "ce.sid=s-1".into())), "beacons carry cookies: {headers:?}");
    assert!(!headers.iter().any(|(n, _)| n == "user-agent"), "ureq adds no user agent: {headers:?}");
    assert_eq!(lines[2]["method"], "OPTIONS");
}

#[test]
fn stop_before_run_returns_at_once() {
    let collector = Collector::bind("127.0.0.1:0", 0).unwrap();
    let stop = CollectorStop::new();
    stop.stop();
    // On a thread, bounded in time: a run that ignores the early stop would serve forever and hang the test.
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut log = Vec::new();
        let result = collector.run(&mut log, &stop).map_err(|e| e.to_string());
        tx.send((result, log)).ok();
    });
    let (result, log) = rx.recv_timeout(Duration::from_secs(10)).expect("run returns when stopped before it started");
    assert_eq!(result, Ok(()));
    assert!(log.is_empty(), "nothing was served: {}", String::from_utf8_lossy(&log));
}

#[test]
fn closed_port_is_a_network_error() {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut live = LiveTransport::new(quick());
    let crate::net::Answer { outcome: out, latency_ms: latency, .. } =
        live.send(&req("GET", &format!("http://127.0.0.1:{port}/x"), Initiator::Image));
    assert!(matches!(&out, Outcome::NetworkError(m) if m.starts_with("live: ")), "{out:?}");
    assert_eq!(latency, 20);
}

#[test]
#[expect(clippy::disallowed_methods, reason = "the test bounds real time to prove there is no hang")]
fn silent_server_times_out() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let server = thread::spawn(move || {
        let (conn, _) = listener.accept().unwrap();
        thread::sleep(Duration::from_millis(1000));
        drop(conn);
    });
    let started = std::time::Instant::now();
    let mut live = LiveTransport::new(quick());
    let out = live.send(&req("POST", &format!("http://{addr}/t"), Initiator::Xhr).with_body("{}")).outcome;
    let elapsed = started.elapsed();
    assert!(matches!(&out, Outcome::NetworkError(m) if m.contains("timeout")), "{out:?}");
    assert!(elapsed < Duration::from_millis(900), "took {elapsed:?}");
    server.join().unwrap();
}

/// Answers each of `answers` to one connection, in order, and sends back the raw request heads it read.
fn canned(answers: Vec<&'static str>) -> (SocketAddr, mpsc::Receiver<String>, thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("test setup");
    let addr = listener.local_addr().expect("test setup");
    let (tx, rx) = mpsc::channel();
    let handle = thread::spawn(move || {
        for answer in answers {
            let (mut conn, _) = listener.accept().expect("test setup");
            conn.set_read_timeout(Some(Duration::from_secs(2))).expect("test setup");
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && conn.read(&mut byte).unwrap_or(0) == 1 {
                head.push(byte[0]);
            }
            tx.send(String::from_utf8_lossy(&head).into_owned()).expect("test setup");
            conn.write_all(answer.as_bytes()).expect("test setup");
        }
    });
    (addr, rx, handle)
}

#[test]
fn server_errors_redirects_and_big_bodies_come_back_as_is() {
    let (addr, heads, server) = canned(vec![
        "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\nConnection: close\r\n\r\noops",
        "HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 26\r\nConnection: close\r\n\r\nabcdefghijklmnopqrstuvwxyz",
    ]);
    let mut live = LiveTransport::new(LiveConfig { max_body_bytes: 10, latency_ms: 7, ..quick() });
    let get = req("GET", &format!("http://{addr}/a?x=1"), Initiator::Image).with_header("X-Probe", "1");
    let answer = live.send(&get);
    let (out, latency) = (answer.outcome, answer.latency_ms);
    let r = out.response().expect("a 500 is a response");
    assert_eq!(
        (r.status, r.status_text.as_str(), r.body.as_slice(), latency),
        (500, "Internal Server Error", &b"oops"[..], 7)
    );
    assert_eq!(answer.note, None);
    let head = heads.recv().unwrap();
    assert!(head.starts_with("GET /a?x=1 HTTP/1.1\r\n"), "{head}");
    assert!(head.to_ascii_lowercase().contains("x-probe: 1\r\n"), "{head}");
    assert!(!head.to_ascii_lowercase().contains("content-length"), "a GET has no body framing: {head}");
    let a = live.send(&req("GET", &format!("http://{addr}/old"), Initiator::Navigation));
    assert_eq!(a.outcome.response().map(|r| r.status), Some(302));
    assert_eq!(a.note.as_deref(), Some("redirect not followed: 302 to /elsewhere"));
    let a = live.send(&req("GET", &format!("http://{addr}/big"), Initiator::Script));
    assert_eq!(a.outcome.response().map(|r| r.body.clone()), Some(b"abcdefghij".to_vec()));
    assert_eq!(a.note.as_deref(), Some("body truncated at 10 bytes"));
    server.join().unwrap();
}

#[test]
fn the_record_shows_the_headers_the_transport_adds_and_none_the_page_may_not_set() {
    let (addr, heads, server) = canned(vec!["HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"]);
    let mut egress = Egress::new(Policy::default(), Box::new(LiveTransport::new(quick())));
    let page_built = req("POST", &format!("http://user:secret@{addr}/t"), Initiator::Beacon)
        .with_header("Host", "allowed.example")
        .with_header("Content-Length", "99")
        .with_body("{}");
    let ex = egress.submit(page_built, &mut Consenting, DEFAULT_START);
    assert_eq!(ex.removed, ["header Host", "header Content-Length", "url credentials"]);
    let recorded: Vec<(&str, &str)> = ex.request.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    let host = addr.to_string();
    assert_eq!(recorded, [("Cookie", "ce.sid=s-1"), ("Host", host.as_str()), ("Content-Length", "2")]);
    let head = heads.recv().unwrap().to_ascii_lowercase();
    for (name, value) in &recorded {
        let line = format!("\r\n{}: {}\r\n", name.to_ascii_lowercase(), value.to_ascii_lowercase());
        assert_eq!(head.matches(&line).count(), 1, "{line:?} once on the wire: {head}");
    }
    assert!(!head.contains("authorization") && !head.contains("allowed.example"), "{head}");
    assert_eq!(head.lines().filter(|l| !l.is_empty()).count(), 4, "the request line and the recorded headers: {head}");
    server.join().unwrap();
}
