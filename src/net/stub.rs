//! The default, offline transport: deterministic answers from [`StubRule`]s.
//!
//! The first rule whose method and URL pattern match answers; with no match the answer is `200`,
//! `Content-Type: application/json`, body `{}`, after 20 ms. A URL pattern is a glob over the whole URL where `*`
//! matches any run of characters (`https://trk.example/*/track`), or a regex after `re:` (unanchored, as written).
//! Rules come from the session script as JSON (`deny_unknown_fields`); headers are `[name, value]` pairs:
//!
//! ```json
//! {"method": "POST", "url": "https://trk.example/*", "status": 200,
//!  "headers": [["Set-Cookie", "sid=1; Path=/"]], "body_json": {"xngGlobalUserId": "u-1"}, "latency_ms": 35}
//! ```

use std::any::Any;

use regex::Regex;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::egress::Transport;
use super::error::TransportError;
use super::request::{Outcome, Request, Response, find_header};

/// Latency of the default answer and of rules that do not set one (ms).
pub const DEFAULT_LATENCY_MS: u64 = 20;

/// One canned answer and the requests it applies to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StubRule {
    /// Method to match (case-insensitive); `None` matches any. Defaults to `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// URL pattern: a `*` glob over the full URL, or `re:<regex>`.
    pub url: String,
    /// Status code. Defaults to 200.
    #[serde(default = "default_status")]
    pub status: u16,
    /// Reason phrase. Defaults to the standard one for `status`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_text: Option<String>,
    /// Response headers, `Set-Cookie` included, in order. Defaults to none.
    #[serde(default)]
    pub headers: Vec<(String, String)>,
    /// Body text. Defaults to empty.
    #[serde(default)]
    pub body: String,
    /// Body as JSON (serialised compactly; adds `Content-Type: application/json` unless a content type is given).
    /// Exclusive with `body`. Defaults to `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_json: Option<Value>,
    /// Virtual latency in ms. Defaults to 20.
    #[serde(default = "default_latency")]
    pub latency_ms: u64,
    /// When set, answer with a network error carrying this message instead of a response. Defaults to `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_error: Option<String>,
}

fn default_status() -> u16 {
    200
}

fn default_latency() -> u64 {
    DEFAULT_LATENCY_MS
}

impl StubRule {
    /// A rule for any method on `url_pattern`, answering `200` with an empty body after 20 ms.
    pub fn new(url_pattern: &str) -> Self {
        StubRule {
            method: None,
            url: url_pattern.to_owned(),
            status: 200,
            status_text: None,
            headers: Vec::new(),
            body: String::new(),
            body_json: None,
            latency_ms: DEFAULT_LATENCY_MS,
            network_error: None,
        }
    }

    /// The answer this rule gives.
    pub fn answer(&self) -> (Outcome, u64) {
        if let Some(msg) = &self.network_error {
            return (Outcome::NetworkError(msg.clone()), self.latency_ms);
        }
        let mut response = Response::new(self.status);
        if let Some(text) = &self.status_text {
            response.status_text.clone_from(text);
        }
        response.headers.clone_from(&self.headers);
        match &self.body_json {
            Some(json) => {
                if find_header(&response.headers, "content-type").is_none() {
                    response.headers.push(("Content-Type".into(), "application/json".into()));
                }
                response.body = json.to_string().into_bytes();
            }
            None => response.body = self.body.clone().into_bytes(),
        }
        (Outcome::Response(response), self.latency_ms)
    }
}

/// Compiles a URL pattern into an anchored (glob) or as-written (`re:`) regex.
pub(crate) fn compile_pattern(pattern: &str) -> Result<Regex, String> {
    let source = match pattern.strip_prefix("re:") {
        Some(re) => re.to_owned(),
        None => {
            let parts: Vec<String> = pattern.split('*').map(regex::escape).collect();
            format!("^{}$", parts.join(".*"))
        }
    };
    Regex::new(&source).map_err(|e| e.to_string())
}

/// The stub transport: an ordered list of rules, replaceable mid-session.
#[derive(Debug, Default)]
pub struct StubTransport {
    rules: Vec<StubRule>,
    patterns: Vec<Regex>,
    note: Option<String>,
}

impl StubTransport {
    /// A stub with these rules.
    ///
    /// # Errors
    /// [`TransportError::BadPattern`] or [`TransportError::BadRule`] naming the first bad rule.
    pub fn new(rules: Vec<StubRule>) -> Result<Self, TransportError> {
        let mut stub = StubTransport::default();
        stub.set_rules(rules)?;
        Ok(stub)
    }

    /// Replaces all rules. On error the old rules stay.
    ///
    /// # Errors
    /// As [`StubTransport::new`].
    pub fn set_rules(&mut self, rules: Vec<StubRule>) -> Result<(), TransportError> {
        let mut patterns = Vec::with_capacity(rules.len());
        for (i, rule) in rules.iter().enumerate() {
            let index = i + 1;
            if rule.body_json.is_some() && !rule.body.is_empty() {
                return Err(TransportError::BadRule { index, msg: "both body and body_json are set".into() });
            }
            let re = compile_pattern(&rule.url).map_err(|msg| TransportError::BadPattern {
                index,
                pattern: rule.url.clone(),
                msg,
            })?;
            patterns.push(re);
        }
        self.rules = rules;
        self.patterns = patterns;
        Ok(())
    }

    /// The rules in force.
    pub fn rules(&self) -> &[StubRule] {
        &self.rules
    }

    /// The 0-based index of the first rule matching `req`.
    pub fn matching_rule(&self, req: &Request) -> Option<usize> {
        self.rules.iter().zip(&self.patterns).position(|(rule, re)| {
            rule.method.as_ref().is_none_or(|m| m.eq_ignore_ascii_case(&req.method)) && re.is_match(req.url.as_str())
        })
    }

    /// The answer when no rule matches: `200`, `Content-Type: application/json`, `{}`, after 20 ms.
    pub fn default_answer() -> (Outcome, u64) {
        let mut response = Response::new(200);
        response.headers.push(("Content-Type".into(), "application/json".into()));
        response.body = b"{}".to_vec();
        (Outcome::Response(response), DEFAULT_LATENCY_MS)
    }
}

impl Transport for StubTransport {
    fn name(&self) -> &str {
        "stub"
    }

    fn send(&mut self, req: &Request) -> (Outcome, u64) {
        match self.matching_rule(req) {
            Some(i) => {
                self.note = Some(format!("stub rule {}", i + 1));
                self.rules[i].answer()
            }
            None => {
                self.note = None;
                StubTransport::default_answer()
            }
        }
    }

    fn take_note(&mut self) -> Option<String> {
        self.note.take()
    }

    fn as_any_mut(&mut self) -> Option<&mut dyn Any> {
        Some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::request::Initiator;
    use url::Url;

    fn req(method: &str, url: &str) -> Request {
        let page = Url::parse("https://shop.example/").unwrap();
        Request::new(method, Url::parse(url).unwrap(), page, Initiator::Fetch)
    }

    #[test]
    fn glob_and_regex_patterns() {
        let glob = compile_pattern("https://t.example/*/track?x=*").unwrap();
        assert!(glob.is_match("https://t.example/web/k1/track?x=1"));
        assert!(!glob.is_match("https://t.example/track?x=1"));
        assert!(!glob.is_match("xhttps://t.example/a/track?x=1"));
        let re = compile_pattern("re:/web/[a-z]+/track$").unwrap();
        assert!(re.is_match("https://t.example/web/abc/track"));
        assert!(compile_pattern("re:(").is_err());
    }

    #[test]
    fn first_matching_rule_wins_and_rules_can_change() {
        let mut get_only = StubRule::new("https://t.example/*");
        get_only.method = Some("get".into());
        get_only.status = 204;
        let mut any = StubRule::new("https://t.example/*");
        any.status = 500;
        any.latency_ms = 7;
        let mut stub = StubTransport::new(vec![get_only, any]).unwrap();
        let (out, _) = stub.send(&req("GET", "https://t.example/a"));
        assert_eq!(out.response().map(|r| r.status), Some(204));
        assert_eq!(stub.take_note().as_deref(), Some("stub rule 1"));
        let (out, ms) = stub.send(&req("POST", "https://t.example/a"));
        assert_eq!((out.response().map(|r| r.status), ms), (Some(500), 7));
        let (out, ms) = stub.send(&req("POST", "https://other.example/"));
        assert_eq!((out, ms), StubTransport::default_answer());
        assert_eq!(stub.take_note(), None);
        assert!(stub.set_rules(vec![StubRule::new("re:[")]).is_err());
        assert_eq!(stub.rules().len(), 2, "bad rules leave the old ones");
        stub.set_rules(Vec::new()).unwrap();
        assert_eq!(stub.send(&req("GET", "https://t.example/a")), StubTransport::default_answer());
    }

    #[test]
    fn rules_from_json() {
        let rules: Vec<StubRule> = serde_json::from_str(
            r#"[{"method":"POST","url":"https://t.example/*","headers":[["Set-Cookie","a=1"]],
                 "body_json":{"ok":true},"latency_ms":35},
                {"url":"https://down.example/*","network_error":"connection refused"}]"#,
        )
        .unwrap();
        let mut stub = StubTransport::new(rules).unwrap();
        let (out, ms) = stub.send(&req("POST", "https://t.example/x"));
        let r = out.response().unwrap();
        assert_eq!(ms, 35);
        assert_eq!(
            r.headers,
            [("Set-Cookie".into(), "a=1".into()), ("Content-Type".into(), "application/json".into())]
        );
        assert_eq!(r.body, br#"{"ok":true}"#);
        let (out, _) = stub.send(&req("GET", "https://down.example/x"));
        assert_eq!(out, Outcome::NetworkError("connection refused".into()));
        let typo = serde_json::from_str::<StubRule>(r#"{"url":"*","stauts":200}"#).unwrap_err();
        assert!(typo.to_string().contains("stauts"), "{typo}");
        let both: StubRule = serde_json::from_str(r#"{"url":"*","body":"x","body_json":1}"#).unwrap();
        let err = StubTransport::new(vec![StubRule::new("*"), both]).unwrap_err();
        assert_eq!(err.to_string(), "stub rule 2: both body and body_json are set");
    }
}
