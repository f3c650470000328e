//! What a browser never lets a page put into a request (Fetch standard, "forbidden request-header"): the gate takes
//! these out of page-built requests before deciding, and says so in the record. Pure functions.

/// Header names a page may not set (lowercase), besides the `proxy-` and `sec-` prefixes.
const FORBIDDEN: [&str; 21] = [
    "accept-charset",
    "accept-encoding",
    "access-control-request-headers",
    "access-control-request-method",
    "connection",
    "content-length",
    "cookie",
    "cookie2",
    "date",
    "dnt",
    "expect",
    "host",
    "keep-alive",
    "origin",
    "referer",
    "set-cookie",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "via",
];

/// Headers that override the method: forbidden when they name a forbidden method (CONNECT, TRACE, TRACK).
const METHOD_OVERRIDES: [&str; 3] = ["x-http-method", "x-http-method-override", "x-method-override"];

/// Whether a page may not send header `name` with `value` (Fetch: forbidden request-header), or the pair is not a
/// valid header at all (a name that is not an HTTP token, a value with CR, LF or NUL: `fetch` throws on these).
pub(crate) fn is_forbidden_request_header(name: &str, value: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let token = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
    if !token || value.bytes().any(|b| matches!(b, b'\r' | b'\n' | 0)) {
        return true;
    }
    if FORBIDDEN.contains(&lower.as_str()) || lower.starts_with("proxy-") || lower.starts_with("sec-") {
        return true;
    }
    METHOD_OVERRIDES.contains(&lower.as_str())
        && value.split(',').any(|m| matches!(m.trim().to_ascii_uppercase().as_str(), "CONNECT" | "TRACE" | "TRACK"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fetch_standard_forbidden_names() {
        for name in [
            "Host",
            "ORIGIN",
            "Referer",
            "Content-Length",
            "Cookie",
            "Connection",
            "Sec-Fetch-Site",
            "Proxy-Authorization",
            "Transfer-Encoding",
            "Keep-Alive",
            "DNT",
        ] {
            assert!(is_forbidden_request_header(name, "x"), "{name}");
        }
        for name in ["Content-Type", "Authorization", "X-Requested-With", "Accept", "X-Secret"] {
            assert!(!is_forbidden_request_header(name, "x"), "{name}");
        }
        assert!(is_forbidden_request_header("X-HTTP-Method-Override", "get, trace"));
        assert!(!is_forbidden_request_header("X-HTTP-Method-Override", "PUT"));
        assert!(is_forbidden_request_header("Bad Name", "x"));
        assert!(is_forbidden_request_header("X-Split", "a\r\nHost: evil.example"));
    }
}
