//! The cookie jar: RFC 6265 (with the RFC 6265bis parts browsers ship) on virtual time, plus the profile file.
//!
//! Pure Rust: no JS engine. `web/` turns `document.cookie` into [`Jar::set_from_document`] and
//! [`Jar::document_cookie`]; the network turns responses into [`Jar::store_set_cookie`] and requests into
//! [`Jar::cookie_header`]; the gate asks [`Jar::get`]. Every change is a [`CookieEvent`] for the transcript.
//!
//! # What `cookie_store` is used for
//! Only its pure helpers: `CookieDomain` and `CookiePath` for URL domain and path matching (RFC 6265 sections 5.1.3,
//! 5.1.4), the default path, and IDNA canonicalisation of `Domain`. Its `CookieStore` is not used: it computes
//! `Max-Age` from the wall clock and filters with the wall clock in `insert`, `matches`, `get` and `iter_unexpired`
//! (a cookie alive in virtual 2011 could not even be inserted today). The jar keeps its own `BTreeMap` and judges
//! expiry against the `now` every method takes. The `Set-Cookie` parser (RFC 6265 section 5.2) and the date parser
//! (section 5.1.1) are our own, because the `cookie` crate's rejects nameless cookies and most cookie date forms.

mod date;
mod event;
#[cfg(test)]
mod fuzz;
mod index;
mod limits;
mod parse;
mod profile;
mod query;
mod scope;
mod store;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_http_state;

#[cfg(test)]
pub(crate) use date::parse_cookie_date;
pub use event::{CookieChange, CookieEvent, CookieSource, CookieView, Refusal, SameSite};
#[cfg(test)]
pub(crate) use limits::{SITE_MAX, TOTAL_MAX};
pub use profile::{ProfileError, ProfileFile, load_profile, save_profile};
pub(crate) use scope::is_secure_url;
#[cfg_attr(not(feature = "bench-internals"), allow(unreachable_pub, reason = "public as `sdkhost::bench`"))]
pub use store::Jar;
pub use store::JarSnapshot;
#[cfg(test)]
pub(crate) use store::MAX_LIFETIME_MS;
