//! The read side of the [`Jar`]: what a URL sees (RFC 6265 section 5.4), `document.cookie`, the `Cookie` header.
//!
//! Browser order (section 5.4 step 2): longer paths first, then earlier creation time, then earlier insertion.
#![cfg_attr(
    not(feature = "bench-internals"),
    allow(unreachable_pub, reason = "public through `sdkhost::bench` with the bench-internals feature")
)]

use std::cmp::Reverse;

use url::Url;

use super::event::{CookieView, SameSite};
use super::index::{Entry, Key};
use super::scope::in_scope;
use super::store::Jar;
use crate::clock::VirtualTime;

impl Jar {
    /// The `document.cookie` getter for a page at `page_url`: the cookies in scope that are not `HttpOnly`, in
    /// browser order, as `name=value` joined by `; ` (a nameless cookie shows only its value).
    pub fn document_cookie(&mut self, page_url: &Url, now: VirtualTime) -> String {
        self.expire(now);
        let text = serialize(self.in_order(page_url).filter(|c| !c.http_only));
        self.touch_in_scope(page_url, now, |c| !c.http_only);
        text
    }

    /// The `Cookie` header value for a request to `request_url`, or `None` when no cookie applies.
    ///
    /// `same_site: false` marks a cross-site (third-party) subresource request: cookies with `SameSite=Lax` or
    /// `SameSite=Strict` are withheld, others (`SameSite=None` or no attribute) are sent. The Lax exception for
    /// top-level cross-site navigations is the caller's to model (pass `true` for a navigation).
    pub fn cookie_header(&mut self, request_url: &Url, same_site: bool, now: VirtualTime) -> Option<String> {
        self.expire(now);
        let sent = |c: &CookieView| same_site || !matches!(c.same_site, Some(SameSite::Lax | SameSite::Strict));
        let header = serialize(self.in_order(request_url).filter(|c| sent(c)));
        self.touch_in_scope(request_url, now, sent);
        Some(header).filter(|h| !h.is_empty())
    }

    /// The cookie named `name` that an HTTP request to `url` would carry (`HttpOnly` included; the first in browser
    /// order when several match).
    pub fn get(&mut self, url: &Url, name: &str, now: VirtualTime) -> Option<CookieView> {
        self.expire(now);
        self.in_order(url).find(|c| c.name == name).cloned()
    }

    /// Every cookie an HTTP request to `url` would carry (`HttpOnly` included, same-site request), in browser order.
    pub fn visible(&mut self, url: &Url, now: VirtualTime) -> Vec<CookieView> {
        self.expire(now);
        self.in_order(url).cloned().collect()
    }

    /// Every unexpired cookie, sorted by (domain, path, name), then host-only last.
    pub fn all(&mut self, now: VirtualTime) -> Vec<CookieView> {
        self.expire(now);
        self.cookies.iter().map(|(_, e)| e.cookie.clone()).collect()
    }

    /// The cookies in scope for `url`, in browser order. Call [`Jar::expire`] first.
    fn in_order<'a>(&'a self, url: &Url) -> impl Iterator<Item = &'a CookieView> + use<'a> {
        let host = url.host_str().unwrap_or_default();
        let mut hits: Vec<&Entry> =
            self.cookies.for_host(host).map(|(_, e)| e).filter(|e| in_scope(&e.cookie, url)).collect();
        hits.sort_by_key(|e| (Reverse(e.cookie.path.len()), e.cookie.created, e.seq));
        hits.into_iter().map(|e| &e.cookie)
    }

    /// Marks the cookies a page or request read as accessed at `now` (the eviction order is least recently
    /// accessed first, as in Chromium).
    fn touch_in_scope(&mut self, url: &Url, now: VirtualTime, read: impl Fn(&CookieView) -> bool) {
        let host = url.host_str().unwrap_or_default();
        let keys: Vec<Key> = self
            .cookies
            .for_host(host)
            .filter(|(_, e)| in_scope(&e.cookie, url) && read(&e.cookie))
            .map(|(k, _)| k.clone())
            .collect();
        for key in &keys {
            self.cookies.touch(key, now);
        }
    }
}

/// `name=value; name=value` (RFC 6265bis section 5.8.3: a nameless cookie is serialised as its value alone).
fn serialize<'a>(cookies: impl Iterator<Item = &'a CookieView>) -> String {
    let mut out = String::new();
    for c in cookies {
        if !out.is_empty() {
            out.push_str("; ");
        }
        if !c.name.is_empty() {
            out.push_str(&c.name);
            out.push('=');
        }
        out.push_str(&c.value);
    }
    out
}
