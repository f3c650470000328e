//! HAR 1.2 export of exchanges ([`to_har`]): a pure, deterministic function of the exchanges.
//!
//! `startedDateTime` is the virtual submission time, `time` and `timings.wait` are the virtual latency. Every
//! exchange becomes one entry, in order, so the file loads in browser DevTools:
//! - an answered request has its response;
//! - a network error has a response with status 0 and `_error` (as Chrome writes it);
//! - a blocked request has a response with status 0 and `_error: "net::ERR_BLOCKED_BY_CLIENT"` (what Chrome writes for a
//!   request an extension blocked, so DevTools shows it as blocked), and an entry-level
//!   `_blocked: {reason, consent_seen}` with the gate's reason;
//! - `pages` has one page per run of requests made by the same page URL, and each entry its `pageref`.
//!
//! Each entry also carries `_resourceType` (DevTools' name for the initiator) and `_sdkhost` (request id, initiator,
//! credentials, page URL, transport, note). Bodies that are not UTF-8 are base64 (`content.encoding`, and
//! `postData._encoding` for requests). [`crate::net::ReplayTransport`] reads these files back.

use serde_json::{Map, Value, json};

use super::egress::Exchange;
use super::request::{Initiator, Outcome, Request, Response, base64_encode, find_header};

/// Builds a HAR 1.2 document (`{"log": {..}}`) from `exchanges`, with creator `sdkhost` `creator_version`.
pub fn to_har(exchanges: &[Exchange], creator_version: &str) -> Value {
    let mut pages: Vec<Value> = Vec::new();
    let mut entries: Vec<Value> = Vec::new();
    let mut current_page: Option<&str> = None;
    for ex in exchanges {
        // A new page each time the page that made the request changes (DevTools groups entries by `pageref`).
        let page_url = ex.request.page_url.as_str();
        if current_page != Some(page_url) {
            pages.push(json!({
                "startedDateTime": ex.request.at.to_string(),
                "id": format!("page_{}", pages.len() + 1),
                "title": page_url,
                "pageTimings": {"onContentLoad": -1, "onLoad": -1},
            }));
            current_page = Some(page_url);
        }
        let mut e = entry(ex);
        e["pageref"] = json!(format!("page_{}", pages.len()));
        entries.push(e);
    }
    json!({
        "log": {
            "version": "1.2",
            "creator": {"name": "sdkhost", "version": creator_version},
            "pages": pages,
            "entries": entries,
        }
    })
}

/// The `_error` of a request the gate blocked.
pub(crate) const BLOCKED_ERROR: &str = "net::ERR_BLOCKED_BY_CLIENT";

fn entry(ex: &Exchange) -> Value {
    let req = &ex.request;
    let mut sdkhost = Map::new();
    sdkhost.insert("id".into(), json!(req.id));
    sdkhost.insert("initiator".into(), json!(req.initiator));
    sdkhost.insert("credentials".into(), json!(req.credentials));
    sdkhost.insert("page_url".into(), json!(req.page_url.as_str()));
    sdkhost.insert("transport".into(), json!(ex.transport));
    if let Some(note) = &ex.note {
        sdkhost.insert("note".into(), json!(note));
    }
    let response = match &ex.outcome {
        Some(Outcome::Response(r)) => response(r),
        Some(Outcome::NetworkError(msg)) => failed_response(Some(msg)),
        // Blocked by the gate: what Chrome's own HAR export writes for a request an extension blocked, so DevTools
        // shows it as blocked, not as a bare status 0.
        None => failed_response(Some(BLOCKED_ERROR)),
    };
    let mut entry = json!({
        "startedDateTime": req.at.to_string(),
        "time": ex.latency_ms,
        "request": request(req),
        "response": response,
        "cache": {},
        "timings": {"send": 0, "wait": ex.latency_ms, "receive": 0},
        "_resourceType": resource_type(req.initiator),
        "_sdkhost": sdkhost,
    });
    if !ex.decision.allowed {
        entry["_blocked"] = json!({"reason": ex.decision.reason, "consent_seen": ex.decision.consent_seen});
    }
    entry
}

fn resource_type(initiator: Initiator) -> &'static str {
    match initiator {
        Initiator::Xhr => "xhr",
        Initiator::Fetch => "fetch",
        Initiator::Beacon => "ping",
        Initiator::Image => "image",
        Initiator::Script => "script",
        Initiator::Navigation
        | Initiator::Form
        | Initiator::Anchor
        | Initiator::Refresh
        | Initiator::WindowOpen
        | Initiator::Iframe
        | Initiator::Embed => "document",
        Initiator::Link => "other",
        Initiator::Media => "media",
        Initiator::Ping => "ping",
    }
}

fn pairs(headers: &[(String, String)]) -> Vec<Value> {
    headers.iter().map(|(name, value)| json!({"name": name, "value": value})).collect()
}

/// Body as HAR text: the UTF-8 text, or base64 and `true` when it is not UTF-8.
fn body_text(body: &[u8]) -> (String, bool) {
    match std::str::from_utf8(body) {
        Ok(text) => (text.to_owned(), false),
        Err(_) => (base64_encode(body), true),
    }
}

fn request(req: &Request) -> Value {
    let cookies: Vec<Value> = req
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("cookie"))
        .flat_map(|(_, v)| v.split(';'))
        .filter_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            Some(json!({"name": name, "value": value}))
        })
        .collect();
    let query: Vec<Value> = req.url.query_pairs().map(|(n, v)| json!({"name": n, "value": v})).collect();
    let mut out = json!({
        "method": req.method,
        "url": req.url.as_str(),
        "httpVersion": "HTTP/1.1",
        "cookies": cookies,
        "headers": pairs(&req.headers),
        "queryString": query,
        "headersSize": -1,
        "bodySize": req.body.len(),
    });
    if !req.body.is_empty() {
        let (text, binary) = body_text(&req.body);
        let mime = find_header(&req.headers, "content-type").unwrap_or("");
        let mut post = json!({"mimeType": mime, "text": text});
        if binary {
            post["_encoding"] = json!("base64");
        }
        out["postData"] = post;
    }
    out
}

fn response(r: &Response) -> Value {
    let cookies: Vec<Value> = r.headers_named("set-cookie").filter_map(set_cookie).collect();
    let mime = r.header("content-type").unwrap_or("x-unknown");
    let mut content = json!({"size": r.body.len(), "mimeType": mime});
    if !r.body.is_empty() {
        let (text, binary) = body_text(&r.body);
        content["text"] = json!(text);
        if binary {
            content["encoding"] = json!("base64");
        }
    }
    json!({
        "status": r.status,
        "statusText": r.status_text,
        "httpVersion": "HTTP/1.1",
        "cookies": cookies,
        "headers": pairs(&r.headers),
        "content": content,
        "redirectURL": r.header("location").unwrap_or(""),
        "headersSize": -1,
        "bodySize": r.body.len(),
    })
}

/// A HAR cookie from one `Set-Cookie` value: name, value, and `path`, `domain`, `httpOnly`, `secure` when given.
fn set_cookie(header: &str) -> Option<Value> {
    let mut parts = header.split(';');
    let (name, value) = parts.next()?.trim().split_once('=')?;
    let mut cookie = json!({"name": name.trim(), "value": value.trim()});
    for attr in parts {
        let (key, val) = attr.trim().split_once('=').unwrap_or((attr.trim(), ""));
        match key.to_ascii_lowercase().as_str() {
            "path" => cookie["path"] = json!(val),
            "domain" => cookie["domain"] = json!(val),
            "httponly" => cookie["httpOnly"] = json!(true),
            "secure" => cookie["secure"] = json!(true),
            _ => {}
        }
    }
    Some(cookie)
}

/// The status-0 response HAR needs for a request that got no answer (`_error` for a network error).
fn failed_response(error: Option<&str>) -> Value {
    let mut out = json!({
        "status": 0,
        "statusText": "",
        "httpVersion": "",
        "cookies": [],
        "headers": [],
        "content": {"size": 0, "mimeType": "x-unknown"},
        "redirectURL": "",
        "headersSize": -1,
        "bodySize": -1,
    });
    if let Some(msg) = error {
        out["_error"] = json!(msg);
    }
    out
}
