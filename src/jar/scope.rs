//! Where a cookie belongs: domain and path matching (RFC 6265 sections 5.1.3, 5.1.4), the default path, secure
//! URLs, public suffixes.
//!
//! URL-side matching uses `cookie_store`'s `CookieDomain` and `CookiePath`, which are pure (no clock). Public suffixes
//! come from the `psl` crate, whose list is compiled in (`cookie_store` would need a `publicsuffix::List` loaded at
//! run time).

use std::net::IpAddr;

use cookie_store::{CookieDomain, CookiePath};
use url::{Host, Url};

use super::event::CookieView;

/// Whether `cookie` is in scope for `url`: domain, path and `Secure` (not `HttpOnly`, not `SameSite`, not expiry).
pub(crate) fn in_scope(cookie: &CookieView, url: &Url) -> bool {
    let domain = if cookie.host_only {
        CookieDomain::HostOnly(cookie.domain.clone())
    } else {
        CookieDomain::Suffix(cookie.domain.clone())
    };
    domain.matches(url)
        && CookiePath::parse(&cookie.path).is_some_and(|path| path.matches(url))
        && (!cookie.secure || is_secure_url(url))
}

/// The default path of a cookie set from `url` (RFC 6265 section 5.1.4).
pub(crate) fn default_path(url: &Url) -> String {
    CookiePath::default_path(url).into()
}

/// Whether `url` is a secure origin for cookies: https or wss, or any scheme on localhost, `*.localhost` or a
/// loopback address (as Chrome and Firefox treat them as secure contexts). The crate's one secure-URL rule:
/// `window.isSecureContext` is this plus `file:` pages.
pub(crate) fn is_secure_url(url: &Url) -> bool {
    if matches!(url.scheme(), "https" | "wss") {
        return true;
    }
    match url.host() {
        Some(Host::Domain(d)) => d == "localhost" || d.ends_with(".localhost"),
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// Whether `domain` (lowercase ASCII) is itself a public suffix: on the list (ICANN or private section, so `co.uk`
/// and `github.io` are), or a single label under the list's implicit `*` rule (`example`, `localhost`), as browsers'
/// eTLD services treat unknown top-level domains.
pub(crate) fn is_public_suffix(domain: &str) -> bool {
    psl::suffix(domain.as_bytes()).is_some_and(|s| s.as_bytes() == domain.as_bytes())
}

/// RFC 6265 section 5.1.3 on two strings: `string` domain-matches `domain`.
pub(crate) fn domain_matches(string: &str, domain: &str) -> bool {
    if string == domain {
        return true;
    }
    let is_ip = string.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>().is_ok();
    !is_ip && string.strip_suffix(domain).is_some_and(|head| head.ends_with('.'))
}

/// RFC 6265 section 5.1.4 on two strings: `request_path` path-matches `cookie_path`.
pub(crate) fn path_matches(request_path: &str, cookie_path: &str) -> bool {
    request_path == cookie_path
        || request_path
            .strip_prefix(cookie_path)
            .is_some_and(|rest| cookie_path.ends_with('/') || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).expect("test url")
    }

    #[test]
    fn secure_urls_include_localhost() {
        assert!(is_secure_url(&url("https://example.com/")));
        assert!(is_secure_url(&url("http://localhost:8080/")));
        assert!(is_secure_url(&url("http://app.localhost/")));
        assert!(is_secure_url(&url("http://127.0.0.1/")));
        assert!(is_secure_url(&url("http://[::1]/")));
        assert!(!is_secure_url(&url("http://example.com/")));
    }

    #[test]
    fn public_suffixes() {
        assert!(is_public_suffix("com"));
        assert!(is_public_suffix("co.uk"));
        assert!(is_public_suffix("github.io"));
        assert!(is_public_suffix("localhost"));
        assert!(!is_public_suffix("example.co.uk"));
        assert!(!is_public_suffix("shop.example"));
    }

    #[test]
    fn string_matching() {
        assert!(domain_matches("www.example.org", "example.org"));
        assert!(!domain_matches("wwwexample.org", "example.org"));
        assert!(!domain_matches("1.2.3.4", "2.3.4"));
        assert!(path_matches("/a/b", "/a"));
        assert!(path_matches("/a/b", "/a/"));
        assert!(!path_matches("/ab", "/a"));
        assert_eq!(default_path(&url("http://h/a/b?q")), "/a");
        assert_eq!(default_path(&url("http://h/a")), "/");
    }
}
