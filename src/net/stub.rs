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

use regex::Regex;

use super::error::TransportError;
use super::request::{Outcome, Request, Response};
use super::rule::compile_pattern;
use super::rule::{DEFAULT_LATENCY_MS, StubRule};
use super::transport::{Answer, Transport};

/// The stub transport: an ordered list of rules, replaceable mid-session.
#[derive(Debug, Default)]
pub struct StubTransport {
    rules: Vec<StubRule>,
    patterns: Vec<Regex>,
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
    pub fn default_answer() -> Answer {
        let mut response = Response::new(200);
        response.headers.push(("Content-Type".into(), "application/json".into()));
        response.body = b"{}".to_vec();
        Answer::new(Outcome::Response(response), DEFAULT_LATENCY_MS)
    }
}

impl Transport for StubTransport {
    fn name(&self) -> &str {
        "stub"
    }

    fn send(&mut self, req: &Request) -> Answer {
        match self.matching_rule(req) {
            Some(i) => {
                let (outcome, latency_ms) = self.rules[i].answer();
                Answer::new(outcome, latency_ms).with_note(format!("stub rule {}", i + 1))
            }
            None => StubTransport::default_answer(),
        }
    }

    fn set_rules(&mut self, rules: Vec<StubRule>) -> Result<(), TransportError> {
        StubTransport::set_rules(self, rules)
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
        let a = stub.send(&req("GET", "https://t.example/a"));
        assert_eq!(a.outcome.response().map(|r| r.status), Some(204));
        assert_eq!(a.note.as_deref(), Some("stub rule 1"));
        let a = stub.send(&req("POST", "https://t.example/a"));
        assert_eq!((a.outcome.response().map(|r| r.status), a.latency_ms), (Some(500), 7));
        let a = stub.send(&req("POST", "https://other.example/"));
        assert_eq!(a, StubTransport::default_answer());
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
        let a = stub.send(&req("POST", "https://t.example/x"));
        let r = a.outcome.response().unwrap();
        assert_eq!(a.latency_ms, 35);
        assert_eq!(
            r.headers,
            [("Set-Cookie".into(), "a=1".into()), ("Content-Type".into(), "application/json".into())]
        );
        assert_eq!(r.body, br#"{"ok":true}"#);
        let out = stub.send(&req("GET", "https://down.example/x")).outcome;
        assert_eq!(out, Outcome::NetworkError("connection refused".into()));
        let typo = serde_json::from_str::<StubRule>(r#"{"url":"*","stauts":200}"#).unwrap_err();
        assert!(typo.to_string().contains("stauts"), "{typo}");
        let both: StubRule = serde_json::from_str(r#"{"url":"*","body":"x","body_json":1}"#).unwrap();
        let err = StubTransport::new(vec![StubRule::new("*"), both]).unwrap_err();
        assert_eq!(err.to_string(), "stub rule 2: both body and body_json are set");
    }
}
