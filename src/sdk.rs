//! The bundled reference SDK (`sdk-js/ce.js`) and its page snippet, compiled into the binary so that sessions and the
//! conformance suite run on a fresh machine without the source tree.

/// The URL the page snippet loads the SDK from; sessions map it to a local build.
pub const CE_SCRIPT_URL: &str = "https://app.crossengage.io/xng/ce.js";

/// The reference build, `sdk-js/ce.js`.
pub const REFERENCE_SDK: &str = include_str!("../sdk-js/ce.js");

/// The name transcripts give the bundled build.
pub const REFERENCE_SDK_NAME: &str = "sdk-js/ce.js (bundled)";

const SNIPPET: &str = include_str!("../sdk-js/snippet.js");

/// The page snippet with `api_key` in place of its placeholder (escaped as a JS string).
pub fn snippet(api_key: &str) -> String {
    let quoted = serde_json::to_string(api_key).unwrap_or_else(|_| "\"\"".to_owned());
    SNIPPET.replace("'YOUR_API_KEY'", &quoted)
}

#[cfg(test)]
mod tests {
    #[test]
    fn snippet_gets_the_key_once() {
        let s = super::snippet("k'1");
        assert!(s.contains("apiKey: \"k'1\""));
        assert!(!s.contains("YOUR_API_KEY"));
    }
}
