//! Unit tests of the pure matching helpers of `expect.rs` and `judge.rs`.

use super::written_with;
use crate::session::json_subset;

#[test]
fn written_with_matches_whole_attributes() {
    let w = "ce.sid=abc; path=/; SameSite=Lax; Max-Age=39446190000; Secure";
    assert!(written_with(w, "path=/"));
    assert!(written_with(w, "samesite=lax"));
    assert!(written_with(w, "Secure"));
    assert!(written_with(w, "Max-Age"));
    assert!(written_with(w, " Max-Age=39446190000 "));
    assert!(!written_with(w, "Max-Age=39446190"), "a prefix of the value is not the attribute");
    assert!(!written_with(w, "HttpOnly"));
    assert!(!written_with(w, "path=/x"));
}

#[test]
fn json_subset_is_recursive_with_exact_arrays() {
    let actual = serde_json::json!({"a": {"b": [1, {"c": "x-1", "d": 2}]}, "e": null});
    assert!(json_subset(&serde_json::json!({"a": {"b": [1, {"c": "re:^x-\\d$"}]}}), &actual));
    assert!(json_subset(&serde_json::json!({"e": null}), &actual));
    assert!(!json_subset(&serde_json::json!({"a": {"b": [1]}}), &actual));
    assert!(!json_subset(&serde_json::json!({"f": null}), &actual));
}
