//! A local tracking collector (`sdkhost collector --port N`): a tiny HTTP server that stands in for a tracking API.
//!
//! - `POST` (any path) → `200 {"xngGlobalUserId": "<id>"}`. The id echoes the body's `xngGlobalUserId` when that is
//!   present and not null; otherwise it is a UUID v4-shaped id derived (SHA-256) from the seed and the body's
//!   `sessionId` (absent counts as empty), so the same session always gets the same id.
//! - `OPTIONS` → `204` with permissive CORS preflight headers.
//! - anything else → `200 {}`.
//!
//! Every response has `Access-Control-Allow-Origin: *`, `Content-Type: application/json` and a fixed `Date` (the
//! default session start), so live transcripts against the collector are as deterministic as the SDK. Each request
//! received is written to the log as one JSON line: method, path, headers (lower-case names, sorted), body (text, or
//! base64), the parsed body when it is JSON, and the status answered.
//!
//! The collector keeps what it received, in order, for tests to query over HTTP (as Snowplow Micro's `/micro/good`
//! and `/micro/reset`). The API is for the test harness, not for the pages whose traffic it records: a request to it
//! must carry the header `Sec-Sdkhost-Api` (any value), which the Fetch standard forbids pages to set
//! (every `Sec-` name), so neither a page in sdkhost (the gate strips it) nor one in a real browser can send it. A
//! request to the API without it is answered `403`, and logged and kept like any other request: a page that tries to
//! erase or read the record leaves its attempt on it. Requests with the header are neither logged nor kept:
//! - `GET /_sdkhost/received` → `200` with a JSON array of the log lines so far; `?path=P` keeps the requests whose
//!   path (without its query) is `P`, or starts with `P` less a final `*`.
//! - `POST /_sdkhost/reset` → `200 {"cleared": N}`: forgets them (the log keeps its lines).
//!
//! Clients are served concurrently, one thread per request, so a slow client never holds up the others. A client
//! that sends nothing for [`READ_TIMEOUT`] in the middle of its body is logged with what arrived and status 408,
//! and gets no answer (its connection is left to close). Log lines are written by the thread that called
//! [`Collector::run`], in the order requests finish.

use std::io::{self, Read, Write};
use std::net::SocketAddr;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use serde::Serialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::request::BodyView;

/// Request bodies are read up to this many bytes.
const MAX_BODY: u64 = 1 << 20;

/// How long a client may send nothing in the middle of a request body.
pub(crate) const READ_TIMEOUT: Duration = Duration::from_secs(10);

/// How often the serving loop looks for finished log lines and a stop request while no request arrives.
const POLL: Duration = Duration::from_millis(20);

/// The fixed `Date` header: the default session start.
const FIXED_DATE: &str = "Thu, 01 Jan 2026 00:00:00 GMT";

/// Stops a running collector from another thread. Clone it before handing it to [`Collector::run`].
#[derive(Clone, Default)]
pub struct CollectorStop {
    state: Arc<Mutex<StopState>>,
}

#[derive(Default)]
struct StopState {
    stopped: bool,
    server: Option<Arc<tiny_http::Server>>,
}

impl CollectorStop {
    /// A handle not yet stopped.
    pub fn new() -> Self {
        CollectorStop::default()
    }

    /// Makes the collector return from `run` once the request in hand (if any) is answered. Works before `run` too.
    pub fn stop(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.stopped = true;
        if let Some(server) = &state.server {
            server.unblock();
        }
    }

    fn is_stopped(&self) -> bool {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).stopped
    }

    /// Registers (or, with `None`, forgets) the running server; returns whether a stop was already asked for.
    fn attach(&self, server: Option<Arc<tiny_http::Server>>) -> bool {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.server = server;
        state.stopped
    }
}

/// A bound collector; [`Collector::run`] serves until stopped.
pub struct Collector {
    server: Arc<tiny_http::Server>,
    addr: SocketAddr,
    seed: u64,
    read_timeout: Duration,
    received: Received,
}

/// The log lines kept for `/_sdkhost/received`, in the order the requests finished.
type Received = Arc<Mutex<Vec<Value>>>;

/// The path prefix of the query and reset API.
const API: &str = "/_sdkhost/";

/// The header (lower case) that opens the API: a forbidden request-header, so no page can send it.
pub(crate) const API_HEADER: &str = "sec-sdkhost-api";

impl Collector {
    /// Binds to `addr` (e.g. `127.0.0.1:0` for any free port).
    ///
    /// # Errors
    /// When the address cannot be bound.
    pub fn bind(addr: &str, seed: u64) -> io::Result<Collector> {
        let server = tiny_http::Server::http(addr).map_err(|e| io::Error::other(format!("collector {addr}: {e}")))?;
        let addr = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| io::Error::other(format!("collector {addr}: not an IP address")))?;
        Ok(Collector {
            server: Arc::new(server),
            addr,
            seed,
            read_timeout: READ_TIMEOUT,
            received: Received::default(),
        })
    }

    /// How long a client may stay silent in the middle of a body. Defaults to 10 s.
    #[must_use]
    pub fn with_read_timeout(mut self, timeout: Duration) -> Collector {
        self.read_timeout = timeout;
        self
    }

    /// The address actually bound (with the real port when bound to port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Answers requests, each on a thread of its own, logging each, until `stop` is stopped.
    ///
    /// # Errors
    /// When writing the log fails.
    pub fn run(&self, log: &mut dyn Write, stop: &CollectorStop) -> io::Result<()> {
        if stop.attach(Some(Arc::clone(&self.server))) {
            stop.attach(None);
            return Ok(());
        }
        let result = self.serve(log, stop);
        stop.attach(None);
        result
    }

    fn serve(&self, log: &mut dyn Write, stop: &CollectorStop) -> io::Result<()> {
        let (lines, finished) = mpsc::channel::<Vec<u8>>();
        loop {
            write_lines(&finished, log)?;
            if stop.is_stopped() {
                // A request answered before the stop has its line in the channel by now.
                return write_lines(&finished, log);
            }
            // Nothing arrived, a failed accept or a broken client: keep serving.
            if let Ok(Some(request)) = self.server.recv_timeout(POLL) {
                let (seed, lines, timeout) = (self.seed, lines.clone(), self.read_timeout);
                let received = Arc::clone(&self.received);
                std::thread::spawn(move || handle(request, seed, &lines, &received, timeout));
            }
        }
    }
}

/// Writes the log lines the request threads have finished so far.
fn write_lines(finished: &Receiver<Vec<u8>>, log: &mut dyn Write) -> io::Result<()> {
    while let Ok(line) = finished.try_recv() {
        log.write_all(&line)?;
        log.flush()?;
    }
    Ok(())
}

/// Reads the body of `rq` on a thread of its own, so that a client silent for `timeout` cannot hold the caller.
/// Returns what arrived and the request to answer, or `None` for the request when the client went silent.
fn read_body(mut rq: tiny_http::Request, timeout: Duration) -> (Vec<u8>, Option<tiny_http::Request>) {
    let (chunks, arrived) = mpsc::channel::<Result<Vec<u8>, ()>>();
    let (back, returned) = mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = rq.as_reader().take(MAX_BODY);
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if chunks.send(Ok(buf[..n].to_vec())).is_err() {
                        return;
                    }
                }
            }
        }
        let _ = back.send(rq);
        let _ = chunks.send(Err(()));
    });
    let mut body = Vec::new();
    loop {
        match arrived.recv_timeout(timeout) {
            Ok(Ok(chunk)) => body.extend_from_slice(&chunk),
            // A client that breaks off mid-body still gets logged with what arrived.
            Ok(Err(())) | Err(RecvTimeoutError::Disconnected) => return (body, returned.recv().ok()),
            Err(RecvTimeoutError::Timeout) => return (body, None),
        }
    }
}

/// Answers one request and sends its log line to the serving loop.
fn handle(rq: tiny_http::Request, seed: u64, lines: &Sender<Vec<u8>>, received: &Received, timeout: Duration) {
    let method = rq.method().as_str().to_owned();
    let path = rq.url().to_owned();
    let mut headers: Vec<(String, String)> = rq
        .headers()
        .iter()
        .map(|h| (h.field.as_str().as_str().to_ascii_lowercase(), h.value.as_str().to_owned()))
        .collect();
    headers.sort();
    let (body, rq) = read_body(rq, timeout);
    let mut reply_headers = vec![("Access-Control-Allow-Origin", "*".to_owned())];
    let to_api = path.starts_with(API) && rq.is_some() && method != "OPTIONS";
    let api = to_api && headers.iter().any(|(n, _)| n == API_HEADER);
    let (status, reply) = match method.as_str() {
        _ if rq.is_none() => (408, String::new()),
        m if api => {
            // The API's answers are for the harness: no CORS grant for a page to read them with.
            reply_headers.clear();
            query(m, &path, received)
        }
        _ if to_api => (
            403,
            json!({"error": "the collector's API needs the Sec-Sdkhost-Api header, which no page can send"})
                .to_string(),
        ),
        "OPTIONS" => {
            let asked = headers.iter().find(|(n, _)| n == "access-control-request-headers");
            reply_headers.push(("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS".into()));
            reply_headers.push(("Access-Control-Allow-Headers", asked.map_or("*".into(), |(_, v)| v.clone())));
            reply_headers.push(("Access-Control-Max-Age", "86400".into()));
            (204, String::new())
        }
        "POST" => (200, json!({"xngGlobalUserId": user_id(seed, &body)}).to_string()),
        _ => (200, "{}".to_owned()),
    };
    if !api {
        let view = BodyView::of(&body);
        let line = LogLine { method: &method, path: &path, headers: &headers, body: view, status };
        let Ok(value) = serde_json::to_value(&line) else { return };
        let Ok(mut text) = serde_json::to_vec(&value) else { return };
        text.push(b'\n');
        // The log line goes first: once a client has its answer, its line is in the log and in `received`.
        let _ = lines.send(text);
        received.lock().unwrap_or_else(PoisonError::into_inner).push(value);
    }
    let Some(rq) = rq else { return };
    reply_headers.push(("Content-Type", "application/json".into()));
    reply_headers.push(("Date", FIXED_DATE.into()));
    reply_headers.push(("Server", "sdkhost-collector".into()));
    let mut response = tiny_http::Response::from_data(reply.into_bytes()).with_status_code(status);
    for (name, value) in reply_headers {
        if let Ok(h) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(h);
        }
    }
    // The client may be gone; that is its problem, not the collector's.
    let _ = rq.respond(response);
}

/// Answers `GET /_sdkhost/received[?path=P]` and `POST /_sdkhost/reset`; anything else there is 404 or 405.
fn query(method: &str, target: &str, received: &Received) -> (u16, String) {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut list = received.lock().unwrap_or_else(PoisonError::into_inner);
    match (path.strip_prefix(API).unwrap_or_default(), method) {
        ("received", "GET") => {
            let filter = url::form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == "path").map(|(_, v)| v);
            let kept: Vec<&Value> = list
                .iter()
                .filter(|line| {
                    let Some(filter) = &filter else { return true };
                    let got = line["path"].as_str().unwrap_or_default();
                    let got = got.split_once('?').map_or(got, |(p, _)| p);
                    match filter.strip_suffix('*') {
                        Some(prefix) => got.starts_with(prefix),
                        None => got == filter,
                    }
                })
                .collect();
            (200, serde_json::to_string(&kept).unwrap_or_default())
        }
        ("reset", "POST") => {
            let cleared = list.len();
            list.clear();
            (200, json!({"cleared": cleared}).to_string())
        }
        ("received", _) | ("reset", _) => {
            (405, json!({"error": "use GET /_sdkhost/received or POST /_sdkhost/reset"}).to_string())
        }
        _ => (
            404,
            json!({"error": "the collector's API is GET /_sdkhost/received and POST /_sdkhost/reset"}).to_string(),
        ),
    }
}

#[derive(Serialize)]
struct LogLine<'a> {
    method: &'a str,
    path: &'a str,
    headers: &'a [(String, String)],
    #[serde(flatten)]
    body: BodyView<'a>,
    status: u16,
}

/// The id the collector answers for this request body: the body's own non-null `xngGlobalUserId`, else one derived
/// from `seed` and the body's `sessionId`.
pub(crate) fn user_id(seed: u64, body: &[u8]) -> Value {
    let parsed: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    match parsed.get("xngGlobalUserId") {
        Some(id) if !id.is_null() => return id.clone(),
        _ => {}
    }
    let session = match parsed.get("sessionId") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    };
    Value::String(derive_uuid(seed, &session))
}

/// A UUID v4-shaped, lower-case id from SHA-256 of a label, the seed and `session`.
fn derive_uuid(seed: u64, session: &str) -> String {
    let digest = Sha256::new()
        .chain_update(b"sdkhost-collector\0")
        .chain_update(seed.to_le_bytes())
        .chain_update(session.as_bytes())
        .finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpStream;

    #[test]
    #[expect(clippy::disallowed_methods, reason = "the test bounds real time to prove a stalled client blocks no one")]
    fn a_stalled_client_blocks_no_one_and_is_logged_after_the_read_timeout() {
        let collector = Collector::bind("127.0.0.1:0", 0).expect("bind").with_read_timeout(Duration::from_millis(300));
        let addr = collector.local_addr();
        let stop = CollectorStop::new();
        let log = Arc::new(Mutex::new(Vec::new()));
        struct Shared(Arc<Mutex<Vec<u8>>>);
        impl Write for Shared {
            fn write(&mut self, b: &[u8]) -> io::Result<usize> {
                self.0.lock().expect("log").extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let server = {
            let (stop, mut shared) = (stop.clone(), Shared(Arc::clone(&log)));
            std::thread::spawn(move || collector.run(&mut shared, &stop))
        };
        let mut stalled = TcpStream::connect(addr).expect("connect");
        stalled.write_all(b"POST /stall HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n0123456789").expect("send");
        std::thread::sleep(Duration::from_millis(50));
        let started = std::time::Instant::now();
        let mut good = TcpStream::connect(addr).expect("connect");
        good.write_all(b"POST /ok HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
            .expect("send");
        let mut answer = String::new();
        good.read_to_string(&mut answer).expect("answer");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(started.elapsed() < Duration::from_millis(250), "{:?}", started.elapsed());
        std::thread::sleep(Duration::from_millis(600));
        stop.stop();
        server.join().expect("join").expect("run");
        let text = String::from_utf8(log.lock().expect("log").clone()).expect("utf8");
        let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).expect("json")).collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert_eq!((lines[0]["path"].as_str(), lines[0]["status"].as_u64()), (Some("/ok"), Some(200)));
        assert_eq!((lines[1]["path"].as_str(), lines[1]["status"].as_u64()), (Some("/stall"), Some(408)));
        assert_eq!(lines[1]["body"], "0123456789");
        drop(stalled);
    }

    #[test]
    fn ids_are_stable_per_seed_and_session() {
        let a = user_id(0, br#"{"sessionId":"s-1","xngGlobalUserId":null}"#);
        assert_eq!(a, user_id(0, br#"{"sessionId":"s-1"}"#));
        assert_ne!(a, user_id(0, br#"{"sessionId":"s-2"}"#));
        assert_ne!(a, user_id(1, br#"{"sessionId":"s-1"}"#));
        let id = a.as_str().unwrap();
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
        assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"), "{id}");
        assert_eq!(user_id(0, br#"{"sessionId":"s","xngGlobalUserId":"known"}"#), "known");
        assert_eq!(user_id(0, b"not json"), user_id(0, b"{}"));
    }
}
