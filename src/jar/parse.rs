//! The `Set-Cookie` / `document.cookie` string parser of RFC 6265 section 5.2, with the RFC 6265bis changes browsers
//! ship: a string without `=` is a nameless cookie (`foo` is name `""`, value `foo`), control characters reject the
//! whole string, name plus value may not exceed 4096 bytes, attribute values over 1024 bytes are ignored.
//!
//! This only splits and reads the attributes; scoping the cookie to a URL is [`super::store`]'s job. The `cookie`
//! crate's parser is not used: it rejects nameless cookies, has no 5.1.1 date parser and does not keep the
//! "last attribute wins" rules this needs.

use cookie_store::CookieDomain;

use super::date::parse_cookie_date;
use super::event::SameSite;
use crate::clock::VirtualTime;

/// Name plus value may be at most this many bytes (RFC 6265bis section 5.6 step 6).
const MAX_NAME_VALUE: usize = 4096;
/// Longer attribute values are ignored (RFC 6265bis section 5.6).
const MAX_ATTRIBUTE_VALUE: usize = 1024;

/// A cookie string split into its parts, before it is scoped to a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParsedCookie {
    pub(crate) name: String,
    pub(crate) value: String,
    /// The last valid `Expires`.
    pub(crate) expires: Option<VirtualTime>,
    /// The last valid `Max-Age`, in seconds (wins over `Expires`).
    pub(crate) max_age: Option<i64>,
    /// The last non-empty `Domain`, canonicalised (lowercase, punycode, one leading dot removed; may become empty).
    pub(crate) domain: Option<String>,
    /// The last `Path` if it starts with `/`; `None` means the default path.
    pub(crate) path: Option<String>,
    /// Whether any `Path` attribute was present (the `__Host-` prefix needs one).
    pub(crate) path_attribute: bool,
    pub(crate) secure: bool,
    pub(crate) http_only: bool,
    pub(crate) same_site: Option<SameSite>,
}

/// Parses one cookie string; `None` when a browser would ignore it entirely.
pub(crate) fn parse_cookie(text: &str) -> Option<ParsedCookie> {
    if text.chars().any(|c| c.is_ascii_control() && c != '\t') {
        return None;
    }
    let (pair, attributes) = text.split_once(';').unwrap_or((text, ""));
    let (name, value) = pair.split_once('=').unwrap_or(("", pair));
    let (name, value) = (trim_wsp(name), trim_wsp(value));
    if (name.is_empty() && value.is_empty()) || name.len() + value.len() > MAX_NAME_VALUE {
        return None;
    }
    let mut cookie = ParsedCookie {
        name: name.to_owned(),
        value: value.to_owned(),
        expires: None,
        max_age: None,
        domain: None,
        path: None,
        path_attribute: false,
        secure: false,
        http_only: false,
        same_site: None,
    };
    if !attributes.is_empty() {
        for av in attributes.split(';') {
            let (key, val) = av.split_once('=').unwrap_or((av, ""));
            let (key, val) = (trim_wsp(key), trim_wsp(val));
            if val.len() <= MAX_ATTRIBUTE_VALUE {
                cookie.apply_attribute(key, val);
            }
        }
    }
    Some(cookie)
}

impl ParsedCookie {
    /// RFC 6265 sections 5.2.1 to 5.2.6 (and 6265bis 5.6.7 for `SameSite`); unknown attributes are ignored.
    fn apply_attribute(&mut self, key: &str, val: &str) {
        if key.eq_ignore_ascii_case("expires") {
            if let Some(at) = parse_cookie_date(val) {
                self.expires = Some(at);
            }
        } else if key.eq_ignore_ascii_case("max-age") {
            if let Some(secs) = parse_max_age(val) {
                self.max_age = Some(secs);
            }
        } else if key.eq_ignore_ascii_case("domain") {
            if !val.is_empty() {
                self.domain = Some(canonical_domain(val));
            }
        } else if key.eq_ignore_ascii_case("path") {
            self.path_attribute = true;
            self.path = val.starts_with('/').then(|| val.to_owned());
        } else if key.eq_ignore_ascii_case("secure") {
            self.secure = true;
        } else if key.eq_ignore_ascii_case("httponly") {
            self.http_only = true;
        } else if key.eq_ignore_ascii_case("samesite") {
            self.same_site = if val.eq_ignore_ascii_case("strict") {
                Some(SameSite::Strict)
            } else if val.eq_ignore_ascii_case("lax") {
                Some(SameSite::Lax)
            } else if val.eq_ignore_ascii_case("none") {
                Some(SameSite::None)
            } else {
                None
            };
        }
    }
}

/// Removes leading and trailing WSP (space and horizontal tab), and nothing else.
fn trim_wsp(s: &str) -> &str {
    s.trim_matches([' ', '\t'])
}

/// RFC 6265 section 5.2.2: an optional `-` then digits only; anything else ignores the attribute.
fn parse_max_age(val: &str) -> Option<i64> {
    let (negative, digits) = match val.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, val),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = digits.bytes().fold(0i64, |acc, b| acc.saturating_mul(10).saturating_add(i64::from(b - b'0')));
    Some(if negative { -n } else { n })
}

/// RFC 6265 section 5.2.3: drop one leading dot and lowercase; non-ASCII names become punycode (via
/// `cookie_store::CookieDomain`, which runs IDNA). A value IDNA rejects is kept lowercased: it then matches no host.
fn canonical_domain(val: &str) -> String {
    match CookieDomain::try_from(val) {
        Ok(CookieDomain::Suffix(domain)) => domain,
        Ok(_) => String::new(),
        Err(_) => val.strip_prefix('.').unwrap_or(val).to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> ParsedCookie {
        parse_cookie(text).expect("parses")
    }

    #[test]
    fn splits_name_value_and_trims_only_wsp() {
        let c = parse("  A=== BC  ;foo;;;   bar");
        assert_eq!((c.name.as_str(), c.value.as_str()), ("A", "== BC"));
        let c = parse("foo");
        assert_eq!((c.name.as_str(), c.value.as_str()), ("", "foo"));
        assert_eq!(parse_cookie("="), None);
        assert_eq!(parse_cookie("   "), None);
        assert_eq!(parse_cookie("a=b\u{0}c"), None);
        assert!(parse_cookie(&format!("a={}", "x".repeat(4096))).is_none());
        assert!(parse_cookie(&format!("a={}", "x".repeat(4095))).is_some());
    }

    #[test]
    fn last_valid_attribute_wins() {
        let c = parse("a=b; Max-Age=10; max-age=50,399; Path=/x; path=relative; Domain=.Example.ORG; domain=");
        assert_eq!(c.max_age, Some(10));
        assert_eq!(c.path, None);
        assert!(c.path_attribute);
        assert_eq!(c.domain.as_deref(), Some("example.org"));
        let c = parse("a=b; SameSite=Lax; samesite=bogus; Secure=no; HTTPONLY");
        assert_eq!(c.same_site, None);
        assert!(c.secure && c.http_only);
        assert_eq!(parse("a=b; max-age=-20").max_age, Some(-20));
        assert_eq!(parse("a=b; max-age=-").max_age, None);
        assert_eq!(parse("a=b; domain=..x.org").domain.as_deref(), Some(".x.org"));
        assert_eq!(parse("a=b; domain=bücher.de").domain.as_deref(), Some("xn--bcher-kva.de"));
    }
}
