//! What the jar reports: [`CookieView`] (one stored cookie) and [`CookieEvent`] (one change, for the transcript).
//!
//! These are the jar's own types; nothing of `cookie_store` appears in them.

use serde::{Deserialize, Serialize};

use crate::clock::VirtualTime;

/// The `SameSite` attribute of a cookie (RFC 6265bis section 4.1.2.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SameSite {
    /// Sent only with same-site requests.
    Strict,
    /// Sent with same-site requests (and, in browsers, top-level cross-site navigations; see `crate::jar::Jar`).
    Lax,
    /// Sent with every request.
    None,
}

/// One stored cookie as the jar shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CookieView {
    /// The cookie name (may be empty: `Set-Cookie: foo` stores a nameless cookie with value `foo`).
    pub name: String,
    /// The cookie value, exactly as received (quotes included).
    pub value: String,
    /// The host (host-only cookie) or the `Domain` attribute, lowercase, without a leading dot.
    pub domain: String,
    /// True when the cookie had no `Domain` attribute and is sent to `domain` only, not to its subdomains.
    pub host_only: bool,
    /// The `Path` attribute or the default path of the URL that set it.
    pub path: String,
    /// Sent only to secure URLs (https, or http on localhost).
    pub secure: bool,
    /// Invisible to and not writable from `document.cookie`.
    pub http_only: bool,
    /// The `SameSite` attribute; `None` when absent or not one of `Strict`, `Lax`, `None`.
    pub same_site: Option<SameSite>,
    /// When the cookie expires (already capped at 400 days after it was set); `None` for a session cookie.
    pub expires: Option<VirtualTime>,
    /// When the cookie was first created (an overwrite keeps it, RFC 6265 section 5.3 step 11.3).
    pub created: VirtualTime,
}

/// Who wrote (or tried to write) a cookie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CookieSource {
    /// The page, through `document.cookie` (a non-HTTP API: no `HttpOnly`).
    Document,
    /// A `Set-Cookie` header of an HTTP response.
    Http,
    /// The host itself: the session script, the test harness, `crate::jar::Jar::clear`, or the clock (expiry).
    Host,
}

/// Why the jar ignored a cookie. The page is not told (a browser ignores such cookies silently).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Refusal {
    /// The `Domain` attribute is a public suffix (`com`, `co.uk`, `github.io`) other than the host itself.
    PublicSuffix,
    /// The host does not domain-match the `Domain` attribute.
    DomainMismatch,
    /// A `Secure` cookie from an insecure URL (http other than localhost).
    SecureFromInsecure,
    /// An `HttpOnly` cookie from `document.cookie`.
    HttpOnlyFromDocument,
    /// `document.cookie` tried to overwrite an `HttpOnly` cookie.
    OverwriteHttpOnlyFromDocument,
    /// An insecure URL tried to set a cookie that would shadow a `Secure` one (RFC 6265bis section 5.7 step 16).
    OverwriteSecureFromInsecure,
    /// A `__Secure-` cookie without `Secure`.
    SecurePrefix,
    /// A `__Host-` cookie without `Secure`, with a `Domain` attribute, or with a path other than `Path=/`.
    HostPrefix,
    /// Not a cookie: empty, both name and value empty, a control character, or name and value over 4096 bytes.
    Malformed,
    /// The URL has no host (for example `file:` or `data:`), so nothing can be scoped to it.
    NoHost,
}

/// What happened to a cookie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CookieChange {
    /// A new cookie was stored.
    Set,
    /// A cookie with the same name, domain, host-only flag and path was replaced (its creation time is kept).
    Overwritten,
    /// A cookie was removed: an expired cookie was written over it, or the jar was cleared.
    Deleted,
    /// A cookie's expiry time had passed when the jar next looked at it (`at` is that moment).
    Expired,
    /// A cookie was removed to keep the jar within its limits (180 per site, 3300 in all; see the README).
    Evicted,
    /// A cookie was not stored.
    Refused {
        /// Why.
        reason: Refusal,
    },
}

/// One change to the jar, stamped with the virtual time at which it happened (or was observed, for expiry).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CookieEvent {
    /// When.
    pub at: VirtualTime,
    /// What happened.
    pub change: CookieChange,
    /// The cookie name (empty when a malformed string gave none).
    pub name: String,
    /// The cookie domain (the request host when the cookie was refused before one was known).
    pub domain: String,
    /// The cookie path (empty when the cookie was refused before one was known).
    pub path: String,
    /// The new value for `set` and `overwritten`, the offered value for `refused`, `None` for removals.
    pub value: Option<String>,
    /// Who caused it.
    pub source: CookieSource,
}
