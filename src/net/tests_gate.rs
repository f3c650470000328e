//! The gate end to end, offline: the policy matrix through `Egress` (a blocked request never reaches the transport),
//! the `Cookie` header per credentials mode, `Set-Cookie` delivery, stub rules, and the Exchange JSON.

use std::cell::RefCell;
use std::rc::Rc;

use crate::clock::{DEFAULT_START, VirtualTime};
use crate::net::{
    ConsentRule, CookieAccess, Credentials, Egress, Initiator, Outcome, Policy, Reason, Request, StubRule,
    StubTransport, Transport,
};
use url::Url;

/// A toy jar: cookies are per host (no domain, path or expiry logic); records `cookie_header` calls.
#[derive(Default)]
struct FakeJar {
    cookies: Vec<(String, String, String)>,
    header_calls: Vec<(String, bool)>,
    stored: Vec<(String, String)>,
}

impl FakeJar {
    fn with(host: &str, name: &str, value: &str) -> Self {
        let mut jar = FakeJar::default();
        jar.cookies.push((host.into(), name.into(), value.into()));
        jar
    }
}

impl CookieAccess for FakeJar {
    fn visible_cookies(&mut self, url: &Url, _now: VirtualTime) -> Vec<(String, String)> {
        let host = url.host_str().unwrap_or_default();
        self.cookies.iter().filter(|(h, _, _)| h == host).map(|(_, n, v)| (n.clone(), v.clone())).collect()
    }

    fn cookie_header(&mut self, url: &Url, same_site: bool, now: VirtualTime) -> Option<String> {
        self.header_calls.push((url.to_string(), same_site));
        let pairs = self.visible_cookies(url, now);
        let text: Vec<String> = pairs.iter().map(|(n, v)| format!("{n}={v}")).collect();
        (!text.is_empty()).then(|| text.join("; "))
    }

    fn store_set_cookie(&mut self, url: &Url, header: &str, _now: VirtualTime) {
        self.stored.push((url.to_string(), header.to_owned()));
    }
}

/// Counts `send` calls and answers 204.
struct Counting(Rc<RefCell<Vec<Request>>>);

impl Transport for Counting {
    fn name(&self) -> &str {
        "counting"
    }

    fn send(&mut self, req: &Request) -> crate::net::Answer {
        self.0.borrow_mut().push(req.clone());
        crate::net::Answer::new(Outcome::Response(crate::net::Response::new(204)), 5)
    }
}

fn counting(policy: Policy) -> (Egress, Rc<RefCell<Vec<Request>>>) {
    let sent = Rc::new(RefCell::new(Vec::new()));
    (Egress::new(policy, Box::new(Counting(Rc::clone(&sent)))), sent)
}

fn u(s: &str) -> Url {
    Url::parse(s).expect("test setup")
}

fn track(url: &str) -> Request {
    Request::new("POST", u(url), u("https://shop.example/cart"), Initiator::Xhr).with_body(r#"{"type":"track"}"#)
}

#[test]
fn policy_matrix_and_transport_never_called_when_blocked() {
    let consent = |v: &str| FakeJar::with("shop.example", "ce.tracking-opt-in", v);
    let allow = |hosts: &[&str]| Some(hosts.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>());
    let cases: Vec<(&str, Policy, FakeJar, &str, Reason)> = vec![
        ("no consent", Policy::default(), FakeJar::default(), "https://t.example/", Reason::NoConsent),
        ("consent", Policy::default(), consent("true"), "https://t.example/", Reason::Consent),
        ("wrong value", Policy::default(), consent("false"), "https://t.example/", Reason::ConsentValueMismatch),
        (
            "consent on another host only",
            Policy::default(),
            FakeJar::with("t.example", "ce.tracking-opt-in", "true"),
            "https://t.example/",
            Reason::NoConsent,
        ),
        (
            "prefix",
            Policy { consent: ConsentRule::prefix("__mp_opt_in_out_", "1"), ..Policy::default() },
            FakeJar::with("shop.example", "__mp_opt_in_out_tok", "1"),
            "https://t.example/",
            Reason::Consent,
        ),
        (
            "allowlisted by wildcard",
            Policy { allowed_hosts: allow(&["*.t.example"]), ..Policy::default() },
            consent("true"),
            "https://api.t.example/",
            Reason::Consent,
        ),
        (
            "not allowlisted",
            Policy { allowed_hosts: allow(&["*.t.example", "x.example"]), ..Policy::default() },
            consent("true"),
            "https://t.example/",
            Reason::HostNotAllowed,
        ),
        (
            "deny all",
            Policy { deny_all: true, ..Policy::default() },
            consent("true"),
            "https://t.example/",
            Reason::DenyAll,
        ),
    ];
    for (label, policy, mut jar, url, reason) in cases {
        let (mut egress, sent) = counting(policy);
        let ex = egress.submit(track(url), &mut jar, DEFAULT_START);
        assert_eq!(ex.decision.reason, reason, "{label}");
        let allowed = reason == Reason::Consent;
        assert_eq!(ex.is_allowed(), allowed, "{label}");
        assert_eq!(sent.borrow().len(), usize::from(allowed), "{label}: transport calls");
        if allowed {
            assert_eq!((ex.transport.as_str(), ex.latency_ms), ("counting", 5), "{label}");
        } else {
            assert_eq!((ex.outcome.as_ref(), ex.transport.as_str(), ex.latency_ms), (None, "none", 0), "{label}");
            assert!(jar.header_calls.is_empty(), "{label}: no cookie header for a blocked request");
        }
    }
}

#[test]
fn ids_count_up_and_time_is_the_submission_time() {
    let (mut egress, _) = counting(Policy::default());
    let mut jar = FakeJar::default();
    let a = egress.submit(track("https://t.example/"), &mut jar, DEFAULT_START);
    let b = egress.submit(track("https://t.example/"), &mut jar, DEFAULT_START.plus_ms(1500));
    assert_eq!((a.request.id, b.request.id), (1, 2));
    assert_eq!(b.request.at.to_string(), "2026-01-01T00:00:01.500Z");
    egress.policy_mut().deny_all = true;
    assert!(egress.policy().deny_all);
    assert_eq!(egress.submit(track("https://t.example/"), &mut jar, DEFAULT_START).request.id, 3);
}

#[test]
fn cookie_header_follows_credentials_mode() {
    let page = u("https://shop.example/p");
    // (target, credentials, initiator, cookie expected, same_site flag expected)
    let cases = [
        ("https://t.example/x", Credentials::Include, Initiator::Fetch, true, false),
        ("https://www.shop.example/x", Credentials::Include, Initiator::Fetch, true, true),
        ("https://shop.example/x", Credentials::SameOrigin, Initiator::Xhr, true, true),
        ("https://t.example/x", Credentials::SameOrigin, Initiator::Xhr, false, false),
        ("http://shop.example/x", Credentials::SameOrigin, Initiator::Xhr, false, false),
        ("https://shop.example/x", Credentials::Omit, Initiator::Fetch, false, false),
        ("https://t.example/next", Credentials::Include, Initiator::Navigation, true, true),
    ];
    for (target, credentials, initiator, expect_cookie, expect_same_site) in cases {
        let (mut egress, sent) = counting(Policy::default());
        let mut jar = FakeJar::with("shop.example", "ce.tracking-opt-in", "true");
        for host in ["t.example", "www.shop.example"] {
            jar.cookies.push((host.into(), "sid".into(), "42".into()));
        }
        let req = Request::new("GET", u(target), page.clone(), initiator)
            .with_credentials(credentials)
            .with_header("Cookie", "forged=1");
        let ex = egress.submit(req, &mut jar, DEFAULT_START);
        let cookie = ex.request.header("cookie").map(str::to_owned);
        let label = format!("{target} {credentials:?}");
        assert_eq!(cookie.is_some(), expect_cookie, "{label}: {cookie:?}");
        assert!(cookie.is_none_or(|c| !c.contains("forged")), "{label}: page-set Cookie is dropped");
        assert_eq!(sent.borrow()[0], ex.request, "{label}: the transport sees what is recorded");
        if expect_cookie {
            assert_eq!(jar.header_calls, [(target.to_owned(), expect_same_site)], "{label}");
        } else {
            assert!(jar.header_calls.is_empty(), "{label}");
        }
    }
}

#[test]
fn set_cookie_is_stored_at_delivery_only_when_credentials_allow() {
    let rule: StubRule = serde_json::from_str(
        r#"{"url":"https://*","headers":[["Set-Cookie","a=1; Path=/"],["set-cookie","b=2"]],"body":"ok"}"#,
    )
    .unwrap();
    let stub = StubTransport::new(vec![rule]).unwrap();
    let mut egress = Egress::new(Policy::default(), Box::new(stub));
    let mut jar = FakeJar::with("shop.example", "ce.tracking-opt-in", "true");
    let page = u("https://shop.example/");
    let omit = Request::new("GET", u("https://t.example/"), page.clone(), Initiator::Fetch)
        .with_credentials(Credentials::Omit);
    let ex = egress.submit(omit, &mut jar, DEFAULT_START);
    egress.accept_response(&ex, &mut jar, ex.delivered_at());
    assert!(jar.stored.is_empty());
    let beacon = Request::new("POST", u("https://t.example/b"), page, Initiator::Beacon);
    let ex = egress.submit(beacon, &mut jar, DEFAULT_START);
    assert_eq!(ex.note.as_deref(), Some("stub rule 1"));
    egress.accept_response(&ex, &mut jar, ex.delivered_at());
    assert_eq!(
        jar.stored,
        [("https://t.example/b".to_owned(), "a=1; Path=/".to_owned()), ("https://t.example/b".into(), "b=2".into())]
    );
}

#[test]
fn stub_rules_can_be_replaced_through_the_gate() {
    let mut egress = Egress::new(Policy::default(), Box::new(StubTransport::default()));
    let mut jar = FakeJar::with("shop.example", "ce.tracking-opt-in", "true");
    let ex = egress.submit(track("https://t.example/a"), &mut jar, DEFAULT_START);
    let r = ex.response().unwrap();
    assert_eq!((r.status, r.body.as_slice(), ex.latency_ms), (200, &b"{}"[..], 20));
    assert_eq!(r.header("content-type"), Some("application/json"));
    let mut rule = StubRule::new("re:^https://t\\.example/");
    rule.method = Some("POST".into());
    rule.status = 503;
    egress.set_stub_rules(vec![rule]).unwrap();
    let ex = egress.submit(track("https://t.example/a"), &mut jar, DEFAULT_START);
    assert_eq!(ex.response().map(|r| (r.status, r.status_text.as_str())), Some((503, "Service Unavailable")));
    assert_eq!(egress.transport_name(), "stub");
}

#[test]
fn exchange_json_shape() {
    let mut egress = Egress::new(Policy::default(), Box::new(StubTransport::default()));
    let mut jar = FakeJar::with("shop.example", "ce.tracking-opt-in", "true");
    let req = track("https://t.example/web/k/track").with_header("Content-Type", "application/json");
    let allowed = egress.submit(req, &mut jar, DEFAULT_START);
    assert_eq!(
        serde_json::to_string(&allowed).unwrap(),
        concat!(
            r#"{"request":{"id":1,"at":"2026-01-01T00:00:00.000Z","initiator":"xhr","method":"POST","#,
            r#""url":"https://t.example/web/k/track","page_url":"https://shop.example/cart","credentials":"same_origin","#,
            r#""headers":[["Content-Type","application/json"]],"body":"{\"type\":\"track\"}","body_json":{"type":"track"}},"#,
            r#""decision":{"allowed":true,"reason":"consent","consent_seen":"ce.tracking-opt-in=true"},"#,
            r#""outcome":{"response":{"status":200,"status_text":"OK","headers":[["Content-Type","application/json"]],"#,
            r#""body":"{}","body_json":{}}},"latency_ms":20,"transport":"stub"}"#
        )
    );
    let blocked = egress.submit(track("https://t.example/"), &mut FakeJar::default(), DEFAULT_START);
    let json = serde_json::to_value(&blocked).unwrap();
    assert_eq!(json["decision"], serde_json::json!({"allowed": false, "reason": "no_consent", "consent_seen": null}));
    assert!(json.get("outcome").is_none() && json.get("note").is_none());
    assert_eq!((json["transport"].as_str(), json["latency_ms"].as_u64()), (Some("none"), Some(0)));
}
