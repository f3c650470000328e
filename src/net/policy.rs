//! The consent policy: whether one request may leave, and why ([`Policy::decide`] → [`Decision`]).
//!
//! Pure: the caller passes the cookies visible to the page at that moment. Checks run in a fixed order, and the first
//! that fails gives the reason: `deny_all`, then the URL scheme (only `http`/`https` leave), then the host allowlist,
//! then the consent cookie. The consent cookie seen is reported whatever the reason, as `name=value`.

use serde::{Deserialize, Serialize};
use url::Url;

use super::request::Request;

/// Why a request was allowed or blocked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Allowed: the consent cookie is present with the expected value.
    Consent,
    /// Blocked: no consent cookie is visible to the page.
    NoConsent,
    /// Blocked: the consent cookie is there with another value (e.g. `false`).
    ConsentValueMismatch,
    /// Blocked: the target host is not on the allowlist.
    HostNotAllowed,
    /// Blocked: the policy denies every request.
    DenyAll,
    /// Blocked: the URL scheme is not `http` or `https`.
    UnsupportedScheme,
}

impl Reason {
    /// The reason as transcripts spell it (`no_consent`), so every report uses one spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Consent => "consent",
            Reason::NoConsent => "no_consent",
            Reason::ConsentValueMismatch => "consent_value_mismatch",
            Reason::HostNotAllowed => "host_not_allowed",
            Reason::DenyAll => "deny_all",
            Reason::UnsupportedScheme => "unsupported_scheme",
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The policy's verdict on one request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Whether the request may go to the transport.
    pub allowed: bool,
    /// Why.
    pub reason: Reason,
    /// The consent cookie visible to the page, as `name=value`, or `None` when there was none.
    pub consent_seen: Option<String>,
}

/// Which cookie means consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentRule {
    /// Cookie name, or its prefix when `name_is_prefix`.
    pub name: String,
    /// The value that means consent (compared exactly).
    pub value: String,
    /// Whether `name` is a prefix (e.g. `__mp_opt_in_out_` + project token). Defaults to `false`.
    #[serde(default)]
    pub name_is_prefix: bool,
}

impl Default for ConsentRule {
    /// `ce.tracking-opt-in=true`.
    fn default() -> Self {
        ConsentRule::exact("ce.tracking-opt-in", "true")
    }
}

impl ConsentRule {
    /// Consent is the cookie `name` with value `value`.
    pub fn exact(name: &str, value: &str) -> Self {
        ConsentRule { name: name.to_owned(), value: value.to_owned(), name_is_prefix: false }
    }

    /// Consent is any cookie whose name starts with `prefix`, with value `value`.
    pub fn prefix(prefix: &str, value: &str) -> Self {
        ConsentRule { name: prefix.to_owned(), value: value.to_owned(), name_is_prefix: true }
    }

    fn names(&self, name: &str) -> bool {
        if self.name_is_prefix { name.starts_with(&self.name) } else { name == self.name }
    }

    /// Looks for consent among `cookies`: whether one carries the value, and the cookie to report as seen (the
    /// matching one, else the first with the name).
    fn find(&self, cookies: &[(String, String)]) -> (bool, Option<String>) {
        let mut named = cookies.iter().filter(|(n, _)| self.names(n));
        let first = named.clone().next();
        match named.find(|(_, v)| *v == self.value).or(first) {
            Some((n, v)) => (*v == self.value, Some(format!("{n}={v}"))),
            None => (false, None),
        }
    }
}

/// The gate's rules.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// The consent cookie. Defaults to `ce.tracking-opt-in=true`.
    pub consent: ConsentRule,
    /// Hosts that may be contacted: exact hosts, or `*.example.com` for any subdomain of `example.com` (not the
    /// domain itself, as in CSP). `None` allows any host. Defaults to `None`. Entries are checked and normalised when
    /// read ([`host_pattern`]).
    #[serde(deserialize_with = "deserialize_host_patterns")]
    pub allowed_hosts: Option<Vec<String>>,
    /// Block everything, consent or not. Defaults to `false`.
    pub deny_all: bool,
}

impl Policy {
    /// Decides on `req`, given the cookies visible to the page URL (`req.page_url`) at this moment.
    pub fn decide(&self, req: &Request, page_cookies: &[(String, String)]) -> Decision {
        let (consented, consent_seen) = self.consent.find(page_cookies);
        let reason = if self.deny_all {
            Reason::DenyAll
        } else if !matches!(req.url.scheme(), "http" | "https") {
            Reason::UnsupportedScheme
        } else if !self.host_allowed(&req.url) {
            Reason::HostNotAllowed
        } else if consented {
            Reason::Consent
        } else if consent_seen.is_some() {
            Reason::ConsentValueMismatch
        } else {
            Reason::NoConsent
        };
        Decision { allowed: reason == Reason::Consent, reason, consent_seen }
    }

    /// Whether the allowlist lets `url`'s host through (always, when there is no allowlist).
    pub fn host_allowed(&self, url: &Url) -> bool {
        let Some(list) = &self.allowed_hosts else { return true };
        let Some(host) = url.host_str() else { return false };
        let host = host.to_ascii_lowercase();
        list.iter().any(|entry| {
            let entry = entry.to_ascii_lowercase();
            match entry.strip_prefix("*.") {
                Some(base) => host.strip_suffix(base).is_some_and(|rest| rest.len() > 1 && rest.ends_with('.')),
                None => host == entry,
            }
        })
    }
}

/// Checks one allowlist entry and returns it normalised: a host (`shop.example`, an IP address, `[::1]`) or
/// `*.` and a domain, with an internationalised name in its ASCII form (punycode) and lowercase, as URLs carry it.
///
/// # Errors
/// A [`HostPatternError`] naming the entry when it is empty, a bare `*`, has a scheme, port, path or user, or is not
/// a valid host.
pub fn host_pattern(entry: &str) -> Result<String, HostPatternError> {
    let bad = |problem: HostProblem| Err(HostPatternError { entry: entry.to_owned(), problem });
    if entry.trim().is_empty() {
        return bad(HostProblem::Empty);
    }
    if entry.contains("://") {
        return bad(HostProblem::Scheme);
    }
    if entry.chars().any(|c| c.is_whitespace() || matches!(c, '/' | '@' | '?' | '#' | '\\')) {
        return bad(HostProblem::PathOrUser);
    }
    let (wildcard, host) = match entry.strip_prefix("*.") {
        Some(rest) => (true, rest),
        None => (false, entry),
    };
    if host.contains('*') {
        return bad(HostProblem::Wildcard);
    }
    if !host.starts_with('[') && host.contains(':') {
        return bad(HostProblem::Port);
    }
    match url::Host::parse(host) {
        Ok(url::Host::Domain(d)) if d.is_empty() || d.starts_with('.') || d.ends_with('.') || d.contains("..") => {
            bad(HostProblem::BadName)
        }
        Ok(url::Host::Domain(d)) => Ok(if wildcard { format!("*.{d}") } else { d }),
        Ok(_) if wildcard => bad(HostProblem::WildcardAddress),
        Ok(ip) => Ok(ip.to_string()),
        Err(e) => bad(HostProblem::Invalid(e)),
    }
}

/// An allowlist entry [`host_pattern`] refuses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("allowed host {entry:?}: {problem}")]
pub struct HostPatternError {
    /// The entry as given.
    pub entry: String,
    /// What is wrong with it.
    pub problem: HostProblem,
}

/// What is wrong with an allowlist entry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HostProblem {
    /// Nothing but white space.
    #[error("empty")]
    Empty,
    /// A URL rather than a host.
    #[error("give the host alone, without a scheme (e.g. `shop.example`)")]
    Scheme,
    /// A path, user, query or white space.
    #[error("give the host alone, without a path or user")]
    PathOrUser,
    /// A `*` anywhere but a leading `*.`.
    #[error("`*` is allowed only as a leading `*.` (e.g. `*.example.com`); omit --allow-host to allow any host")]
    Wildcard,
    /// A port.
    #[error("a port is not part of a host; the allowlist matches any port")]
    Port,
    /// An empty label or a leading or trailing dot.
    #[error("not a valid host name")]
    BadName,
    /// `*.` before an IP address.
    #[error("`*.` goes only before a domain name")]
    WildcardAddress,
    /// What the URL host parser refused.
    #[error("not a valid host ({0})")]
    Invalid(#[source] url::ParseError),
}

/// Deserialises an optional allowlist, checking and normalising each entry with [`host_pattern`].
pub(crate) fn deserialize_host_patterns<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<String>>, D::Error> {
    let list: Option<Vec<String>> = Option::deserialize(d)?;
    list.map(|l| l.iter().map(|e| host_pattern(e)).collect::<Result<Vec<_>, _>>())
        .transpose()
        .map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::request::Initiator;

    fn req(url: &str) -> Request {
        let page = Url::parse("https://shop.example/p").unwrap();
        Request::new("POST", Url::parse(url).unwrap(), page, Initiator::Xhr)
    }

    fn jar(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn matrix() {
        let p = Policy::default();
        let r = req("https://t.example/x");
        let d = p.decide(&r, &[]);
        assert_eq!((d.allowed, d.reason, d.consent_seen), (false, Reason::NoConsent, None));
        let d = p.decide(&r, &jar(&[("other", "1"), ("ce.tracking-opt-in", "true")]));
        assert_eq!((d.allowed, d.reason), (true, Reason::Consent));
        assert_eq!(d.consent_seen.as_deref(), Some("ce.tracking-opt-in=true"));
        let d = p.decide(&r, &jar(&[("ce.tracking-opt-in", "false")]));
        assert_eq!((d.allowed, d.reason), (false, Reason::ConsentValueMismatch));
        assert_eq!(d.consent_seen.as_deref(), Some("ce.tracking-opt-in=false"));
        // Two cookies of the same name (different paths): one with the value is enough.
        let d = p.decide(&r, &jar(&[("ce.tracking-opt-in", "false"), ("ce.tracking-opt-in", "true")]));
        assert!(d.allowed);
        assert_eq!(
            p.decide(&req("data:text/plain,x"), &jar(&[("ce.tracking-opt-in", "true")])).reason,
            Reason::UnsupportedScheme
        );
        let deny = Policy { deny_all: true, ..Policy::default() };
        let d = deny.decide(&r, &jar(&[("ce.tracking-opt-in", "true")]));
        assert_eq!((d.allowed, d.reason), (false, Reason::DenyAll));
        assert_eq!(d.consent_seen.as_deref(), Some("ce.tracking-opt-in=true"));
    }

    #[test]
    fn prefix_rule() {
        let p = Policy { consent: ConsentRule::prefix("__mp_opt_in_out_", "1"), ..Policy::default() };
        let r = req("https://api.mixpanel.example/track");
        assert!(p.decide(&r, &jar(&[("__mp_opt_in_out_abc123", "1")])).allowed);
        let d = p.decide(&r, &jar(&[("__mp_opt_in_out_abc123", "0")]));
        assert_eq!(d.reason, Reason::ConsentValueMismatch);
        assert_eq!(d.consent_seen.as_deref(), Some("__mp_opt_in_out_abc123=0"));
        assert_eq!(p.decide(&r, &jar(&[("__mp_opt_in", "1")])).reason, Reason::NoConsent);
    }

    #[test]
    fn allowlist_exact_and_wildcard() {
        let p =
            Policy { allowed_hosts: Some(vec!["trk.example.io".into(), "*.Cdn.example".into()]), ..Policy::default() };
        let ok = |u: &str| p.host_allowed(&Url::parse(u).unwrap());
        assert!(ok("https://trk.example.io/x"));
        assert!(ok("https://TRK.example.io:8443/x"));
        assert!(!ok("https://evil-trk.example.io/x"));
        assert!(ok("https://a.cdn.example/x") && ok("https://a.b.cdn.example/x"));
        assert!(!ok("https://cdn.example/x") && !ok("https://xcdn.example/x"));
        let d = p.decide(&req("https://other.example/"), &jar(&[("ce.tracking-opt-in", "true")]));
        assert_eq!((d.allowed, d.reason), (false, Reason::HostNotAllowed));
    }

    #[test]
    fn host_patterns_are_checked_and_normalised() {
        assert_eq!(host_pattern("Shop.Example").unwrap(), "shop.example");
        assert_eq!(host_pattern("*.Bücher.example").unwrap(), "*.xn--bcher-kva.example");
        assert_eq!(host_pattern("127.0.0.1").unwrap(), "127.0.0.1");
        assert_eq!(host_pattern("[::1]").unwrap(), "[::1]");
        for bad in [
            "",
            " ",
            "*",
            "*.",
            "**.a.example",
            "a.*.example",
            "shop.example:8080",
            "http://shop.example",
            "shop.example/x",
            "u@shop.example",
            "*.127.0.0.1",
            "a..example",
            "a b",
        ] {
            let err = host_pattern(bad).expect_err(bad);
            assert!(err.to_string().contains(&format!("{bad:?}")), "{err}");
        }
        assert_eq!(host_pattern("shop.example:443").map_err(|e| e.problem), Err(HostProblem::Port));
        let p = Policy { allowed_hosts: Some(vec![host_pattern("bücher.example").unwrap()]), ..Policy::default() };
        assert!(p.host_allowed(&Url::parse("https://BÜCHER.example/x").unwrap()));
        let err = serde_json::from_str::<Policy>(r#"{"allowed_hosts":["ok.example","*"]}"#).unwrap_err();
        assert!(err.to_string().contains(r#"allowed host "*""#), "{err}");
    }

    #[test]
    fn policy_json_defaults_and_rejects_typos() {
        let p: Policy = serde_json::from_str(r#"{"allowed_hosts":["a.example"]}"#).unwrap();
        assert_eq!(p.consent, ConsentRule::default());
        assert!(serde_json::from_str::<Policy>(r#"{"deny_al":true}"#).is_err());
        assert_eq!(
            serde_json::to_string(&Decision { allowed: false, reason: Reason::NoConsent, consent_seen: None }).unwrap(),
            r#"{"allowed":false,"reason":"no_consent","consent_seen":null}"#
        );
    }

    #[test]
    fn reasons_read_as_transcripts_spell_them() {
        use Reason::*;
        for r in [Consent, NoConsent, ConsentValueMismatch, HostNotAllowed, DenyAll, UnsupportedScheme] {
            assert_eq!(serde_json::to_value(r).unwrap(), r.to_string());
        }
    }
}
