//! The [`Jar`]: cookie storage on virtual time, and the write side (RFC 6265 section 5.3 with RFC 6265bis).
//!
//! # Why the jar keeps its own map
//! `cookie_store::CookieStore` judges expiry against the wall clock: it turns `Max-Age` into a wall-clock instant,
//! its `insert` refuses a cookie that is already expired by today's date (so a cookie valid in virtual 2011 could
//! never be stored), and `matches`, `get` and `iter_unexpired` hide wall-expired cookies. Its store cannot be given a
//! `now`. So the jar keeps its cookies in a `BTreeMap` keyed by (domain, path, name, host-only flag) with indexes
//! ([`super::index`]), enforces the browser's size limits ([`super::limits`]), computes every expiry from the
//! session clock, and uses `cookie_store` only for what is pure: URL domain and path matching, the
//! default path and IDNA canonicalisation of `Domain` (see [`super::scope`], [`super::parse`]).
//!
//! Every method that judges expiry takes `now`, and first removes the cookies whose expiry is `<= now`, recording an
//! [`CookieChange::Expired`] event at `now` for each, in key order.
#![cfg_attr(
    not(feature = "bench-internals"),
    allow(unreachable_pub, reason = "public through `sdkhost::bench` with the bench-internals feature")
)]

use serde::{Deserialize, Serialize};
use url::Url;

use super::event::{CookieChange, CookieEvent, CookieSource, CookieView, Refusal};
use super::index::{Cookies, Entry, Key};
use super::parse::{ParsedCookie, parse_cookie};
use super::scope::{default_path, domain_matches, is_public_suffix, is_secure_url, path_matches};
use crate::clock::VirtualTime;

/// The longest lifetime a cookie can get: 400 days (RFC 6265bis section 5.5).
pub(crate) const MAX_LIFETIME_MS: i64 = 400 * 24 * 60 * 60 * 1000;

/// A browser cookie jar judged on virtual time. Rejections are events, never errors.
///
/// Limits as in Chromium (`jar/limits.rs`): 180 cookies per site, 3300 in all, 4096 bytes of name plus value,
/// 1024 bytes per attribute value. Simplifications, on purpose: `SameSite` is stored and enforced only
/// through the `same_site` flag of [`Jar::cookie_header`] (cookies without `SameSite` are sent everywhere, as
/// Firefox does, not Lax-by-default as Chrome does); `SameSite=None` without `Secure` is accepted (Firefox).
#[derive(Debug, Clone, Default)]
pub struct Jar {
    pub(super) cookies: Cookies,
    events: Vec<CookieEvent>,
    next_seq: u64,
    /// The longest lifetime a cookie may get; `None` = [`MAX_LIFETIME_MS`] (400 days, as browsers cap it).
    lifetime_cap_ms: Option<i64>,
}

/// Every cookie of a jar, for persistence and transcripts: serialises as a JSON array of [`CookieView`] in creation
/// order. Expired cookies may be in it; a jar built from it drops them (with an `expired` event) when next used.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JarSnapshot {
    /// The cookies, oldest first.
    pub cookies: Vec<CookieView>,
}

impl JarSnapshot {
    /// Drops session cookies (no expiry), as a browser does when it closes.
    #[must_use]
    pub fn persistent_only(mut self) -> JarSnapshot {
        self.cookies.retain(|c| c.expires.is_some());
        self
    }
}

impl Jar {
    /// An empty jar.
    pub fn new() -> Jar {
        Jar::default()
    }

    /// Caps cookie lifetimes at `cap_ms` (Safari's ITP caps script-written cookies at 7 days) instead of the
    /// 400 days of RFC 6265bis; `i64::MAX` lifts the cap (a pre-2023 browser, or to see what an SDK asks for).
    pub fn set_lifetime_cap(&mut self, cap_ms: i64) {
        self.lifetime_cap_ms = Some(cap_ms.max(0));
    }

    /// The lifetime cap in force, in ms.
    pub fn lifetime_cap_ms(&self) -> i64 {
        self.lifetime_cap_ms.unwrap_or(MAX_LIFETIME_MS)
    }

    /// `document.cookie = text` on a page at `page_url`: a non-HTTP write (no `HttpOnly`).
    pub fn set_from_document(&mut self, page_url: &Url, text: &str, now: VirtualTime) {
        self.write(CookieSource::Document, page_url, text, now);
    }

    /// Stores one `Set-Cookie` header value received in a response to `request_url`.
    pub fn store_set_cookie(&mut self, request_url: &Url, header: &str, now: VirtualTime) {
        self.write(CookieSource::Http, request_url, header, now);
    }

    /// Stores a cookie on behalf of the session script or test harness, with `Set-Cookie` rules (HTTP API).
    pub fn set_from_host(&mut self, url: &Url, text: &str, now: VirtualTime) {
        self.write(CookieSource::Host, url, text, now);
    }

    /// Deletes every cookie, recording a `deleted` event for each (in (domain, path, name) order).
    pub fn clear(&mut self, now: VirtualTime) {
        self.expire(now);
        for entry in self.cookies.take_all().into_values() {
            self.record(now, CookieChange::Deleted, &entry.cookie, None, CookieSource::Host);
        }
    }

    /// Takes the events recorded since the last call, oldest first.
    pub fn drain_events(&mut self) -> Vec<CookieEvent> {
        std::mem::take(&mut self.events)
    }

    /// Every stored cookie (including any whose expiry has passed but has not been observed yet), oldest first.
    pub fn snapshot(&self) -> JarSnapshot {
        let mut entries: Vec<&Entry> = self.cookies.iter().map(|(_, e)| e).collect();
        entries.sort_by_key(|e| (e.cookie.created, e.seq));
        JarSnapshot { cookies: entries.into_iter().map(|e| e.cookie.clone()).collect() }
    }

    /// A jar holding the cookies of `snapshot` (a later duplicate replaces an earlier one), with no events.
    pub fn from_snapshot(snapshot: JarSnapshot) -> Jar {
        let mut jar = Jar::new();
        for cookie in snapshot.cookies {
            let seq = jar.next_seq;
            jar.next_seq += 1;
            let last_access = cookie.created;
            jar.cookies.insert(Key::of(&cookie), Entry { cookie, seq, last_access });
        }
        jar
    }

    /// Removes the cookies whose expiry is `<= now`, recording `expired` events at `now` in key order.
    pub(super) fn expire(&mut self, now: VirtualTime) {
        for key in self.cookies.expired(now) {
            if let Some(entry) = self.cookies.remove(&key) {
                self.record(now, CookieChange::Expired, &entry.cookie, None, CookieSource::Host);
            }
        }
    }

    /// The storage model (RFC 6265 section 5.3 with the RFC 6265bis steps browsers ship), in the spec's order.
    fn write(&mut self, source: CookieSource, url: &Url, text: &str, now: VirtualTime) {
        self.expire(now);
        let host = url.host_str().unwrap_or_default().to_owned();
        let Some(parsed) = parse_cookie(text) else {
            return self.refuse(now, source, Refusal::Malformed, ("", &host, ""), None);
        };
        let value = Some(parsed.value.clone());
        if host.is_empty() {
            return self.refuse(now, source, Refusal::NoHost, (&parsed.name, "", ""), value);
        }
        let (domain, host_only) = match parsed.domain.as_deref() {
            Some(d) if !d.is_empty() && is_public_suffix(d) && d != host => {
                return self.refuse(now, source, Refusal::PublicSuffix, (&parsed.name, d, ""), value);
            }
            Some(d) if !d.is_empty() && d != host && !domain_matches(&host, d) => {
                return self.refuse(now, source, Refusal::DomainMismatch, (&parsed.name, d, ""), value);
            }
            // A public suffix equal to the host makes a host-only cookie (RFC 6265 section 5.3 step 5).
            Some(d) if !d.is_empty() && !is_public_suffix(d) => (d.to_owned(), false),
            _ => (host, true),
        };
        let path = parsed.path.clone().unwrap_or_else(|| default_path(url));
        let secure_url = is_secure_url(url);
        let refusal = if parsed.secure && !secure_url {
            Some(Refusal::SecureFromInsecure)
        } else if parsed.http_only && source == CookieSource::Document {
            Some(Refusal::HttpOnlyFromDocument)
        } else if !parsed.secure && !secure_url && self.shadows_secure(&parsed.name, &domain, &path) {
            Some(Refusal::OverwriteSecureFromInsecure)
        } else {
            prefix_refusal(&parsed, host_only, &path)
        };
        if let Some(reason) = refusal {
            return self.refuse(now, source, reason, (&parsed.name, &domain, &path), value);
        }
        let expires = expiry(&parsed, now, self.lifetime_cap_ms());
        let mut cookie = CookieView {
            name: parsed.name,
            value: parsed.value,
            domain,
            host_only,
            path,
            secure: parsed.secure,
            http_only: parsed.http_only,
            same_site: parsed.same_site,
            expires,
            created: now,
        };
        let key = Key::of(&cookie);
        let old = self.cookies.get(&key).map(|e| (e.cookie.http_only, e.cookie.created, e.seq));
        if old.is_some_and(|(http_only, _, _)| http_only) && source == CookieSource::Document {
            let at = (cookie.name.as_str(), cookie.domain.as_str(), cookie.path.as_str());
            return self.refuse(now, source, Refusal::OverwriteHttpOnlyFromDocument, at, Some(cookie.value));
        }
        if expires.is_some_and(|at| at <= now) {
            if let Some(entry) = self.cookies.remove(&key) {
                self.record(now, CookieChange::Deleted, &entry.cookie, None, source);
            }
            return;
        }
        let (change, seq) = match old {
            Some((_, created, seq)) => {
                cookie.created = created;
                (CookieChange::Overwritten, seq)
            }
            None => {
                self.next_seq += 1;
                (CookieChange::Set, self.next_seq - 1)
            }
        };
        self.record(now, change, &cookie, Some(cookie.value.clone()), source);
        let domain = cookie.domain.clone();
        self.cookies.insert(key, Entry { cookie, seq, last_access: now });
        if change == CookieChange::Set {
            self.enforce_limits(&domain, now);
        }
    }

    /// RFC 6265bis section 5.7 step 16: an insecure write may not shadow a `Secure` cookie of the same name whose
    /// domain domain-matches the new one's (or vice versa) and whose path the new path path-matches.
    fn shadows_secure(&self, name: &str, domain: &str, path: &str) -> bool {
        if !self.cookies.has_secure_named(name) {
            return false;
        }
        self.cookies.iter().map(|(_, e)| &e.cookie).any(|c| {
            c.secure
                && c.name == name
                && (domain_matches(&c.domain, domain) || domain_matches(domain, &c.domain))
                && path_matches(path, &c.path)
        })
    }

    fn refuse(
        &mut self,
        now: VirtualTime,
        source: CookieSource,
        reason: Refusal,
        (name, domain, path): (&str, &str, &str),
        value: Option<String>,
    ) {
        self.events.push(CookieEvent {
            at: now,
            change: CookieChange::Refused { reason },
            name: name.to_owned(),
            domain: domain.to_owned(),
            path: path.to_owned(),
            value,
            source,
        });
    }

    pub(super) fn record(
        &mut self,
        now: VirtualTime,
        change: CookieChange,
        c: &CookieView,
        value: Option<String>,
        source: CookieSource,
    ) {
        self.events.push(CookieEvent {
            at: now,
            change,
            name: c.name.clone(),
            domain: c.domain.clone(),
            path: c.path.clone(),
            value,
            source,
        });
    }
}

/// `__Secure-` and `__Host-` (RFC 6265bis section 4.1.3, matched case-insensitively as in section 5.7 steps 20-21;
/// a nameless cookie whose value starts with either prefix is refused too).
fn prefix_refusal(c: &ParsedCookie, host_only: bool, path: &str) -> Option<Refusal> {
    let starts = |s: &str, prefix: &str| s.get(..prefix.len()).is_some_and(|h| h.eq_ignore_ascii_case(prefix));
    if c.name.is_empty() && starts(&c.value, "__Secure-") {
        Some(Refusal::SecurePrefix)
    } else if c.name.is_empty() && starts(&c.value, "__Host-") {
        Some(Refusal::HostPrefix)
    } else if starts(&c.name, "__Secure-") && !c.secure {
        Some(Refusal::SecurePrefix)
    } else if starts(&c.name, "__Host-") && !(c.secure && host_only && c.path_attribute && path == "/") {
        Some(Refusal::HostPrefix)
    } else {
        None
    }
}

/// `Max-Age` (seconds from `now`; `<= 0` means already expired) wins over `Expires`; both are capped at `cap_ms`
/// (400 days by default).
fn expiry(c: &ParsedCookie, now: VirtualTime, cap_ms: i64) -> Option<VirtualTime> {
    let at = match (c.max_age, c.expires) {
        (Some(secs), _) if secs <= 0 => return Some(VirtualTime::from_unix_ms(i64::MIN)),
        (Some(secs), _) => now.plus_ms(secs.min(cap_ms / 1000).saturating_mul(1000)),
        (None, Some(at)) => at,
        (None, None) => return None,
    };
    Some(at.min(now.plus_ms(cap_ms)))
}
