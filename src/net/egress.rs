//! The gate: [`Egress`], the one function through which every request leaves, and its record, [`Exchange`].
//!
//! `Egress` is a concrete struct on purpose: the page glue cannot reach a [`Transport`] except through
//! [`Egress::submit`], which asks the [`Policy`] first and never calls the transport for a blocked request. Cookies go
//! through [`CookieAccess`] (the session's jar); the gate decides *whether* cookies travel (the credentials mode), the
//! jar decides *which* (domain, path, `Secure`, `SameSite`, expiry).
//!
//! Deviation: a navigation is treated as same-site for `SameSite` purposes, so `Lax` and `Strict` cookies go with a
//! cross-site navigation (a browser sends only `Lax` ones).

use serde::Serialize;
use url::{Host, Url};

use super::error::TransportError;
use super::policy::{Decision, Policy};
use super::request::{Credentials, Outcome, Request, Response};
use super::rule::StubRule;
use super::transport::{Answer, Transport};
use crate::clock::VirtualTime;

/// The cookie jar as the gate sees it. The session's jar implements it.
pub(crate) trait CookieAccess {
    /// Name/value pairs of the cookies visible to `url` at `now`, including `HttpOnly` ones.
    fn visible_cookies(&mut self, url: &Url, now: VirtualTime) -> Vec<(String, String)>;
    /// The `Cookie` header value to send to `url`, or `None` when no cookie applies. `same_site` tells whether the
    /// request is same-site with the page (for the `SameSite` attribute).
    fn cookie_header(&mut self, url: &Url, same_site: bool, now: VirtualTime) -> Option<String>;
    /// Stores one `Set-Cookie` header value received from `url`.
    fn store_set_cookie(&mut self, url: &Url, header: &str, now: VirtualTime);
}

/// One request through the gate: what was asked, what the policy said, and what came back.
///
/// JSON: `{"request": {..}, "removed": [".."], "decision": {..}, "outcome": {"response": {..}} | {"network_error":
/// ".."}, "latency_ms": 20, "transport": "stub", "note": ".."}`; `removed`, `outcome` and `note` are left out when
/// absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Exchange {
    /// The request as sent (with its id, time and the `Cookie` header the gate added).
    pub request: Request,
    /// What the gate took out of the page's request before deciding, as a browser would never send it: `header NAME`
    /// for each forbidden header (Fetch standard), `url credentials` for a user name or password in the URL.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
    /// The policy's verdict.
    pub decision: Decision,
    /// What came back; `None` when blocked (the page then sees a network error).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// Virtual milliseconds between submission and delivery (0 when blocked).
    pub latency_ms: u64,
    /// The transport's name, or `none` when blocked.
    pub transport: String,
    /// The transport's remark, e.g. the replay match `entry 3, occurrence 1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Exchange {
    /// Whether the policy let the request out.
    pub fn is_allowed(&self) -> bool {
        self.decision.allowed
    }

    /// The response, when the request was allowed and answered.
    pub fn response(&self) -> Option<&Response> {
        self.outcome.as_ref().and_then(Outcome::response)
    }

    /// A copy for the transcript whose request body is cut to `body_limit` bytes (see [`Request::recorded`]).
    pub fn recorded(&self, body_limit: usize) -> Exchange {
        Exchange {
            request: self.request.recorded(body_limit),
            removed: self.removed.clone(),
            decision: self.decision.clone(),
            outcome: self.outcome.clone(),
            latency_ms: self.latency_ms,
            transport: self.transport.clone(),
            note: self.note.clone(),
        }
    }

    /// When the page should see the outcome: submission time plus latency.
    pub fn delivered_at(&self) -> VirtualTime {
        self.request.at.plus_ms(i64::try_from(self.latency_ms).unwrap_or(i64::MAX))
    }
}

/// The gate: policy plus transport, and the session's request counter.
pub(crate) struct Egress {
    policy: Policy,
    transport: Box<dyn Transport>,
    next_id: u64,
}

impl std::fmt::Debug for Egress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Egress")
            .field("policy", &self.policy)
            .field("transport", &self.transport.name())
            .field("next_id", &self.next_id)
            .finish()
    }
}

impl Egress {
    /// A gate with this policy and transport; the first request gets id 1.
    pub(crate) fn new(policy: Policy, transport: Box<dyn Transport>) -> Egress {
        Egress { policy, transport, next_id: 1 }
    }

    /// Submits one request at `now`: assigns its id and time, asks the policy with the cookies visible to the page,
    /// and, only when allowed, adds the `Cookie` header (per credentials mode) and calls the transport.
    ///
    /// First the request is made what a browser would send: forbidden headers (`Host`, `Origin`, `Cookie`, ...) and
    /// URL credentials are removed, and listed in [`Exchange::removed`]. The transport's own headers
    /// ([`Transport::wire_headers`]) are added last, so the record is what goes on the wire. A blocked request gets
    /// no outcome, latency 0 and transport `none`.
    pub(crate) fn submit(&mut self, mut req: Request, cookies: &mut dyn CookieAccess, now: VirtualTime) -> Exchange {
        req.id = self.next_id;
        self.next_id += 1;
        req.at = now;
        let removed = sanitize(&mut req);
        let page_cookies = cookies.visible_cookies(&req.page_url, now);
        let decision = self.policy.decide(&req, &page_cookies);
        if !decision.allowed {
            return Exchange {
                request: req,
                removed,
                decision,
                outcome: None,
                latency_ms: 0,
                transport: "none".into(),
                note: None,
            };
        }
        if credentials_apply(&req) {
            let same_site = req.initiator.is_top_level_navigation() || same_site(&req.url, &req.page_url);
            if let Some(header) = cookies.cookie_header(&req.url, same_site, now).filter(|h| !h.is_empty()) {
                req.headers.push(("Cookie".into(), header));
            }
        }
        let wire = self.transport.wire_headers(&req);
        req.headers.extend(wire);
        let Answer { outcome, latency_ms, note } = self.transport.send(&req);
        let transport = self.transport.name().to_owned();
        Exchange { request: req, removed, decision, outcome: Some(outcome), latency_ms, transport, note }
    }

    /// Delivers the response's cookies at delivery time `now`: stores each `Set-Cookie` header when the credentials
    /// mode allows cookies for this request. Does nothing for blocked requests and network errors.
    pub(crate) fn accept_response(&mut self, ex: &Exchange, cookies: &mut dyn CookieAccess, now: VirtualTime) {
        let Some(response) = ex.response() else { return };
        if !credentials_apply(&ex.request) {
            return;
        }
        for header in response.headers_named("set-cookie") {
            cookies.store_set_cookie(&ex.request.url, header, now);
        }
    }

    /// The policy in force.
    #[cfg(test)]
    pub(crate) fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The policy, to change mid-session.
    #[cfg(test)]
    pub(crate) fn policy_mut(&mut self) -> &mut Policy {
        &mut self.policy
    }

    /// The transport's name (`stub`, `live`, `replay`, ...).
    #[cfg(test)]
    pub(crate) fn transport_name(&self) -> &str {
        self.transport.name()
    }

    /// Replaces the stub transport's rules (the `respond` step).
    ///
    /// # Errors
    /// A bad rule, or a transport that is not the stub ([`TransportError::NotStub`]).
    pub(crate) fn set_stub_rules(&mut self, rules: Vec<StubRule>) -> Result<(), TransportError> {
        self.transport.set_rules(rules)
    }
}

/// Removes what a page may not send: forbidden headers and URL credentials (which no record may keep: a password).
/// Returns what was removed, in order.
fn sanitize(req: &mut Request) -> Vec<String> {
    let mut removed = Vec::new();
    req.headers.retain(|(name, value)| {
        let forbidden = super::forbidden::is_forbidden_request_header(name, value);
        if forbidden {
            removed.push(format!("header {}", name.escape_debug()));
        }
        !forbidden
    });
    for (url, what) in [(&mut req.url, "url credentials"), (&mut req.page_url, "page url credentials")] {
        if !url.username().is_empty() || url.password().is_some() {
            // Cannot fail for http(s) URLs, the only ones with credentials; other schemes keep theirs and never leave.
            let _ = url.set_username("");
            let _ = url.set_password(None);
            removed.push(what.to_owned());
        }
    }
    removed
}

/// Whether cookies travel with `req` (and are taken from its response) under its credentials mode.
pub(crate) fn credentials_apply(req: &Request) -> bool {
    match req.credentials {
        Credentials::Include => true,
        Credentials::SameOrigin => req.url.origin() == req.page_url.origin(),
        Credentials::Omit => false,
    }
}

/// Whether two URLs are on the same site: the same registrable domain (public suffix list), or the same host when
/// there is none (IP addresses, `localhost`).
pub(crate) fn same_site(a: &Url, b: &Url) -> bool {
    match (site(a), site(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

fn site(url: &Url) -> Option<String> {
    match url.host()? {
        Host::Domain(domain) => {
            let domain = domain.to_ascii_lowercase();
            let registrable = psl::domain_str(&domain).map(str::to_owned);
            Some(registrable.unwrap_or(domain))
        }
        Host::Ipv4(_) | Host::Ipv6(_) => url.host_str().map(str::to_owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::Initiator;

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn same_site_uses_registrable_domain() {
        assert!(same_site(&u("https://a.shop.example.co.uk/"), &u("http://b.shop.example.co.uk/")));
        assert!(!same_site(&u("https://a.example.co.uk/"), &u("https://b.co.uk/")));
        assert!(same_site(&u("https://trk.shop.com/"), &u("https://www.shop.com/")));
        assert!(!same_site(&u("https://shop.com/"), &u("https://other.com/")));
        assert!(same_site(&u("http://127.0.0.1:1/"), &u("http://127.0.0.1:2/")));
        assert!(!same_site(&u("http://127.0.0.1/"), &u("http://127.0.0.2/")));
    }

    #[test]
    fn sanitize_removes_forbidden_headers_and_credentials() {
        let page = u("https://shop.example/");
        let mut req = Request::new("POST", u("https://user:secret@t.example/x"), page, Initiator::Fetch)
            .with_header("Host", "allowed.example")
            .with_header("Content-Type", "text/plain")
            .with_header("sec-fetch-site", "none");
        let removed = sanitize(&mut req);
        assert_eq!(removed, ["header Host", "header sec-fetch-site", "url credentials"]);
        assert_eq!(req.headers, [("Content-Type".to_owned(), "text/plain".to_owned())]);
        assert_eq!(req.url.as_str(), "https://t.example/x");
    }

    #[test]
    fn credentials_modes() {
        let page = u("https://shop.com/p");
        let mk = |url: &str, c| Request::new("GET", u(url), page.clone(), Initiator::Fetch).with_credentials(c);
        assert!(credentials_apply(&mk("https://other.com/", Credentials::Include)));
        assert!(credentials_apply(&mk("https://shop.com/api", Credentials::SameOrigin)));
        assert!(!credentials_apply(&mk("https://www.shop.com/api", Credentials::SameOrigin)));
        assert!(!credentials_apply(&mk("http://shop.com/api", Credentials::SameOrigin)));
        assert!(!credentials_apply(&mk("https://shop.com/api", Credentials::Omit)));
    }
}
