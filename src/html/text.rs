//! Small text helpers of the HTML report: escaping, virtual offsets, reading fields of JSON documents.

use std::borrow::Cow;

use serde_json::Value;

use crate::clock::VirtualTime;
use crate::session::Span;

/// Escapes `&`, `<`, `>`, `"` and `'`, so any text is safe in element content and in quoted attribute values.
pub(crate) fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The string at `key`, or `""`.
pub(super) fn str_at<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The number at `key`, or 0.
pub(super) fn u64_at(v: &Value, key: &str) -> u64 {
    v.get(key).and_then(Value::as_u64).unwrap_or(0)
}

/// A value as short text: strings bare, everything else as JSON.
pub(super) fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Milliseconds from `start` to the instant written in `at` (0 when either is missing or `at` is earlier).
pub(super) fn offset_ms(start: Option<VirtualTime>, at: &str) -> u64 {
    match (start, VirtualTime::parse(at)) {
        (Some(s), Ok(t)) => u64::try_from(t.unix_ms() - s.unix_ms()).unwrap_or(0),
        _ => 0,
    }
}

/// An offset as a duration: `+0 ms`, `+5 s`, `+487d 0h`.
pub(super) fn offset_text(ms: u64) -> String {
    format!("+{}", Span(ms))
}

/// Text cut to `max` characters with an ellipsis.
pub(super) fn clip(text: &str, max: usize) -> Cow<'_, str> {
    if text.chars().count() <= max {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(format!("{}…", text.chars().take(max).collect::<String>()))
    }
}
