//! The data that crosses the gate: [`Request`], [`Response`] and [`Outcome`], with their transcript JSON.
//!
//! Plain data only: no policy, no I/O. Bodies are bytes; in JSON they appear as `body` (UTF-8 text), or
//! `body_base64` when they are not UTF-8, plus `body_json` (the parsed body) when the text is a JSON object or array.
//! An empty body is left out. Headers keep their order and case and appear as `[name, value]` pairs.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use sha2::Digest;
use url::Url;

use crate::clock::VirtualTime;

/// What started a request, as a browser's DevTools would name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Initiator {
    /// `XMLHttpRequest`.
    Xhr,
    /// `fetch()`.
    Fetch,
    /// `navigator.sendBeacon`.
    Beacon,
    /// An image pixel (`new Image().src`, `<img>`).
    Image,
    /// A `<script src>` that is not mapped to a local file.
    Script,
    /// A navigation to another URL.
    Navigation,
    /// A form submission (`form.submit()`, `requestSubmit()`, a submit button's click).
    Form,
    /// A `<link>` (stylesheet, preload, prefetch, modulepreload, icon).
    Link,
    /// The document of an `<iframe>` or `<frame>` (its content is never rendered).
    Iframe,
    /// `<audio>`, `<video>` (`src`, `poster`), their `<source>` and `<track>` children, `new Audio()`.
    Media,
    /// `<embed src>` or `<object data>`.
    Embed,
    /// A followed hyperlink: a click on `<a href>` or `<area href>` (`a.click()`, a dispatched click event).
    Anchor,
    /// The `ping` of a followed hyperlink (a POST to each URL in `<a ping>`).
    Ping,
    /// `<meta http-equiv="refresh">` moving the page to a URL.
    Refresh,
    /// `window.open(url)` (the window is not opened; the request is what counts).
    WindowOpen,
}

impl Initiator {
    /// The credentials mode a browser uses for this initiator when the page does not say otherwise:
    /// `same_origin` for XHR (no `withCredentials`) and fetch, `include` for the rest.
    pub fn default_credentials(self) -> Credentials {
        match self {
            Initiator::Xhr | Initiator::Fetch => Credentials::SameOrigin,
            _ => Credentials::Include,
        }
    }

    /// Whether the request asks for a new top-level document (the page moves, or a window opens).
    pub fn is_top_level_navigation(self) -> bool {
        matches!(
            self,
            Initiator::Navigation | Initiator::Form | Initiator::Anchor | Initiator::Refresh | Initiator::WindowOpen
        )
    }
}

/// Whether cookies go with a request and are taken from its response (the Fetch `credentials` mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Credentials {
    /// Never send or store cookies.
    Omit,
    /// Only when the request URL has the page's origin.
    SameOrigin,
    /// Always.
    Include,
}

/// One outgoing request, as the page built it. `crate::net::Egress::submit` sets `id` and `at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Sequence number in the session: 1, 2, 3, … (0 until submitted).
    pub id: u64,
    /// HTTP method, upper case (`GET`, `POST`, …).
    pub method: String,
    /// Target URL.
    pub url: Url,
    /// Headers in the order the page set them; the gate appends `Cookie`.
    pub headers: Vec<(String, String)>,
    /// Request body (empty for none).
    pub body: Vec<u8>,
    /// What started the request.
    pub initiator: Initiator,
    /// Credentials mode.
    pub credentials: Credentials,
    /// URL of the page that made the request (the consent cookie must be visible to it).
    pub page_url: Url,
    /// Virtual time of submission.
    pub at: VirtualTime,
    /// Set when `body` holds only the first bytes of a longer body (see [`Request::recorded`]).
    pub body_cut: Option<BodyCut>,
}

/// What is left of a body the transcript does not keep whole: its length and digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyCut {
    /// The whole body's length in bytes.
    pub bytes: usize,
    /// SHA-256 of the whole body, lowercase hex.
    pub sha256: String,
}

impl Request {
    /// A request with no headers or body, the initiator's default credentials mode, id 0 and time 0.
    pub fn new(method: &str, url: Url, page_url: Url, initiator: Initiator) -> Self {
        Request {
            id: 0,
            method: method.to_ascii_uppercase(),
            url,
            headers: Vec::new(),
            body: Vec::new(),
            initiator,
            credentials: initiator.default_credentials(),
            page_url,
            at: VirtualTime::default(),
            body_cut: None,
        }
    }

    /// A copy for the record: a body longer than `limit` bytes is cut to its first bytes (at a character boundary
    /// when it is text), with the whole body's length and SHA-256 in [`Request::body_cut`].
    pub fn recorded(&self, limit: usize) -> Request {
        let mut copy = self.clone_without_body();
        if self.body.len() <= limit {
            copy.body.clone_from(&self.body);
            return copy;
        }
        let mut end = limit;
        if let Err(e) = std::str::from_utf8(&self.body[..limit])
            && e.error_len().is_none()
        {
            // The cut fell inside a character: keep the text whole up to it.
            end = e.valid_up_to();
        }
        copy.body = self.body[..end].to_vec();
        let sha256 = sha2::Sha256::digest(&self.body).iter().map(|b| format!("{b:02x}")).collect();
        copy.body_cut = Some(BodyCut { bytes: self.body.len(), sha256 });
        copy
    }

    fn clone_without_body(&self) -> Request {
        Request {
            id: self.id,
            method: self.method.clone(),
            url: self.url.clone(),
            headers: self.headers.clone(),
            body: Vec::new(),
            initiator: self.initiator,
            credentials: self.credentials,
            page_url: self.page_url.clone(),
            at: self.at,
            body_cut: self.body_cut.clone(),
        }
    }

    /// Adds a header (builder style).
    #[must_use]
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Sets the body (builder style).
    #[must_use]
    pub fn with_body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    /// Sets the credentials mode (builder style).
    #[must_use]
    pub fn with_credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = credentials;
        self
    }

    /// The first header with this name (ASCII case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

/// What a server answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// HTTP status code.
    pub status: u16,
    /// Reason phrase (`OK`, `Not Found`, …).
    pub status_text: String,
    /// Headers in the order received.
    pub headers: Vec<(String, String)>,
    /// Response body.
    pub body: Vec<u8>,
}

impl Response {
    /// A response with this status, its standard reason phrase, and no headers or body.
    pub fn new(status: u16) -> Self {
        Response { status, status_text: reason_phrase(status).to_owned(), headers: Vec::new(), body: Vec::new() }
    }

    /// The first header with this name (ASCII case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// Every header with this name (ASCII case-insensitive), in order; e.g. all `Set-Cookie` lines.
    pub fn headers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers.iter().filter(move |(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// How a request ended, as the page will see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The server answered (any status, including 4xx, 5xx and 3xx).
    Response(Response),
    /// No answer: connection refused, timeout, DNS failure, replay miss. The page sees a network error.
    NetworkError(String),
}

impl Outcome {
    /// The response, if there was one.
    pub fn response(&self) -> Option<&Response> {
        match self {
            Outcome::Response(r) => Some(r),
            Outcome::NetworkError(_) => None,
        }
    }
}

/// The first header with this name (ASCII case-insensitive).
pub(crate) fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// The standard reason phrase for a status code ("" when unknown).
pub(crate) fn reason_phrase(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        101 => "Switching Protocols",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        206 => "Partial Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

/// A body as it appears in JSON (`body`, `body_base64`, `body_json`): text or base64, and the parsed JSON when it is
/// an object or array. Flattened into the request, response and collector log records.
#[derive(Serialize)]
pub(crate) struct BodyView<'a> {
    #[serde(rename = "body", skip_serializing_if = "Option::is_none")]
    pub(crate) text: Option<&'a str>,
    #[serde(rename = "body_base64", skip_serializing_if = "Option::is_none")]
    pub(crate) base64: Option<String>,
    #[serde(rename = "body_json", skip_serializing_if = "Option::is_none")]
    pub(crate) json: Option<Value>,
    /// The whole body's length, when `body` holds only its first bytes.
    #[serde(rename = "body_bytes", skip_serializing_if = "Option::is_none")]
    pub(crate) bytes: Option<usize>,
    /// The whole body's SHA-256, when `body` holds only its first bytes.
    #[serde(rename = "body_sha256", skip_serializing_if = "Option::is_none")]
    pub(crate) sha256: Option<&'a str>,
}

impl<'a> BodyView<'a> {
    pub(crate) fn of(body: &'a [u8]) -> Self {
        if body.is_empty() {
            return BodyView { text: None, base64: None, json: None, bytes: None, sha256: None };
        }
        match std::str::from_utf8(body) {
            Ok(text) => {
                let json = serde_json::from_str::<Value>(text).ok().filter(|v| v.is_object() || v.is_array());
                BodyView { text: Some(text), base64: None, json, bytes: None, sha256: None }
            }
            Err(_) => BodyView { text: None, base64: Some(base64_encode(body)), json: None, bytes: None, sha256: None },
        }
    }

    /// The view of the first bytes of a body that was cut: no parsed JSON, and the whole body's length and digest.
    pub(crate) fn of_cut(body: &'a [u8], cut: Option<&'a BodyCut>) -> Self {
        let mut view = BodyView::of(body);
        if let Some(cut) = cut {
            view.json = None;
            view.bytes = Some(cut.bytes);
            view.sha256 = Some(&cut.sha256);
        }
        view
    }
}

#[derive(Serialize)]
struct RequestJson<'a> {
    id: u64,
    at: VirtualTime,
    initiator: Initiator,
    method: &'a str,
    url: &'a str,
    page_url: &'a str,
    credentials: Credentials,
    headers: &'a [(String, String)],
    #[serde(flatten)]
    body: BodyView<'a>,
}

impl Serialize for Request {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let body = BodyView::of_cut(&self.body, self.body_cut.as_ref());
        RequestJson {
            id: self.id,
            at: self.at,
            initiator: self.initiator,
            method: &self.method,
            url: self.url.as_str(),
            page_url: self.page_url.as_str(),
            credentials: self.credentials,
            headers: &self.headers,
            body,
        }
        .serialize(s)
    }
}

#[derive(Serialize)]
struct ResponseJson<'a> {
    status: u16,
    status_text: &'a str,
    headers: &'a [(String, String)],
    #[serde(flatten)]
    body: BodyView<'a>,
}

impl Serialize for Response {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let body = BodyView::of(&self.body);
        ResponseJson { status: self.status, status_text: &self.status_text, headers: &self.headers, body }.serialize(s)
    }
}

/// A body as read back from JSON: the text, or the base64 of bytes that are not UTF-8 (`body_json` is derived from
/// the text, so it is not read), and for a cut body its whole length and digest.
#[derive(Deserialize)]
struct BodyIn {
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    body_base64: Option<String>,
    #[serde(default, rename = "body_json")]
    _json: Option<Value>,
    #[serde(default)]
    body_bytes: Option<usize>,
    #[serde(default)]
    body_sha256: Option<String>,
}

impl BodyIn {
    fn bytes<E: serde::de::Error>(&self) -> Result<Vec<u8>, E> {
        match (&self.body, &self.body_base64) {
            (Some(text), _) => Ok(text.clone().into_bytes()),
            (None, Some(coded)) => base64_decode(coded).ok_or_else(|| E::custom("body_base64: not base64")),
            (None, None) => Ok(Vec::new()),
        }
    }

    fn cut(&self) -> Option<BodyCut> {
        Some(BodyCut { bytes: self.body_bytes?, sha256: self.body_sha256.clone()? })
    }
}

#[derive(Deserialize)]
struct RequestIn {
    id: u64,
    at: VirtualTime,
    initiator: Initiator,
    method: String,
    url: Url,
    page_url: Url,
    credentials: Credentials,
    #[serde(flatten)]
    message: MessageIn,
}

/// Headers and body, as requests and responses both carry them.
#[derive(Deserialize)]
struct MessageIn {
    headers: Vec<(String, String)>,
    #[serde(flatten)]
    body: BodyIn,
}

/// Reads the transcript JSON of a request back (a worker process sends its transcript this way).
impl<'de> Deserialize<'de> for Request {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Request, D::Error> {
        let r = RequestIn::deserialize(d)?;
        Ok(Request {
            id: r.id,
            method: r.method,
            url: r.url,
            body: r.message.body.bytes()?,
            body_cut: r.message.body.cut(),
            headers: r.message.headers,
            initiator: r.initiator,
            credentials: r.credentials,
            page_url: r.page_url,
            at: r.at,
        })
    }
}

#[derive(Deserialize)]
struct ResponseIn {
    status: u16,
    status_text: String,
    #[serde(flatten)]
    message: MessageIn,
}

/// Reads the transcript JSON of a response back.
impl<'de> Deserialize<'de> for Response {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Response, D::Error> {
        let ResponseIn { status, status_text, message } = ResponseIn::deserialize(d)?;
        Ok(Response { status, status_text, body: message.body.bytes()?, headers: message.headers })
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (RFC 4648 §4).
pub(crate) fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(B64[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes standard base64 (padding optional, ASCII whitespace ignored); `None` on any other character.
pub(crate) fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter(|c| !c.is_ascii_whitespace()) {
        if c == b'=' {
            break;
        }
        let v = B64.iter().position(|&x| x == c)?;
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_rfc4648_vectors() {
        for (plain, coded) in
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE=")]
        {
            assert_eq!(base64_encode(plain.as_bytes()), coded);
            assert_eq!(base64_decode(coded).as_deref(), Some(plain.as_bytes()));
        }
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(base64_decode(&base64_encode(&bytes)), Some(bytes));
        assert_eq!(base64_decode("a!b"), None);
    }

    #[test]
    fn request_json_shows_text_and_parsed_body() {
        let page = Url::parse("https://shop.example/").unwrap();
        let mut req = Request::new("post", Url::parse("https://t.example/x").unwrap(), page, Initiator::Xhr)
            .with_header("Content-Type", "application/json")
            .with_body(r#"{"b":1,"a":[true]}"#);
        req.id = 3;
        let json = serde_json::to_string(&req).unwrap();
        assert_eq!(
            json,
            r#"{"id":3,"at":"1970-01-01T00:00:00.000Z","initiator":"xhr","method":"POST","url":"https://t.example/x","page_url":"https://shop.example/","credentials":"same_origin","headers":[["Content-Type","application/json"]],"body":"{\"b\":1,\"a\":[true]}","body_json":{"b":1,"a":[true]}}"#
        );
        req.body = vec![0xff, 0];
        let json = serde_json::to_value(&req).unwrap();
        assert_eq!(json["body_base64"], "/wA=");
        assert!(json.get("body").is_none() && json.get("body_json").is_none());
    }

    #[test]
    fn recorded_copy_keeps_the_first_bytes_the_length_and_the_digest() {
        let page = Url::parse("https://shop.example/").unwrap();
        let req = Request::new("POST", Url::parse("https://t.example/x").unwrap(), page, Initiator::Beacon)
            .with_body("{\"a\":\"\u{e9}\u{e9}\"}");
        assert_eq!(req.recorded(64), req, "short bodies are kept whole");
        // `{"a":"` is 6 bytes; the cut at 7 falls inside the first two-byte character.
        let cut = req.recorded(7);
        assert_eq!(cut.body, b"{\"a\":\"");
        let json = serde_json::to_value(&cut).unwrap();
        assert_eq!(json["body"], "{\"a\":\"");
        assert_eq!(json["body_bytes"], 12);
        assert_eq!(json["body_sha256"].as_str().unwrap().len(), 64);
        assert!(json.get("body_json").is_none());
        let mut other = req.clone();
        other.body[7] = b'x';
        assert_ne!(other.recorded(7).body_cut, cut.body_cut, "the digest covers the whole body");
    }

    #[test]
    fn outcome_json_is_externally_tagged() {
        let mut r = Response::new(204);
        r.headers.push(("Set-Cookie".into(), "a=1".into()));
        r.headers.push(("set-cookie".into(), "b=2".into()));
        assert_eq!(r.headers_named("SET-COOKIE").collect::<Vec<_>>(), ["a=1", "b=2"]);
        let json = serde_json::to_string(&Outcome::Response(r)).unwrap();
        assert_eq!(
            json,
            r#"{"response":{"status":204,"status_text":"No Content","headers":[["Set-Cookie","a=1"],["set-cookie","b=2"]]}}"#
        );
        let json = serde_json::to_string(&Outcome::NetworkError("refused".into())).unwrap();
        assert_eq!(json, r#"{"network_error":"refused"}"#);
    }
}
