use serde_json::{Value, json};

use super::diff;

fn golden(name: &str) -> Value {
    let text = match name {
        "02" => include_str!("../../tests/golden/02-consent-on-second-page.transcript.json"),
        _ => include_str!("../../tests/golden/03-opt-out-after-opt-in.transcript.json"),
    };
    serde_json::from_str(text).unwrap()
}

#[test]
fn a_transcript_equals_itself() {
    let t = golden("03");
    let d = diff(&t, &t);
    assert!(d.is_empty(), "{d:?}");
    assert!(d.text().starts_with("same:"));
}

#[test]
fn a_build_that_ignores_the_opt_out_shows_as_a_blocked_request_gone_and_an_allowed_one_added() {
    let before = golden("03");
    let mut after = before.clone();
    // The second request went out with consent instead of being blocked, with another event name.
    let events = after["events"].as_array_mut().unwrap();
    let blocked = events.iter_mut().find(|e| e["kind"] == "request" && e["decision"]["allowed"] == false).unwrap();
    blocked["decision"] = json!({"allowed": true, "reason": "consent", "consent_seen": "ce.tracking-opt-in=true"});
    events.push(json!({"at": "2026-01-01T00:00:11.100Z", "kind": "js_error", "phase": "timer", "message": "boom"}));
    let first = events.iter_mut().find(|e| e["kind"] == "request").unwrap();
    first["request"]["body_json"]["userId"] = json!("someone-else");
    after["final_jar"][1]["value"] = json!("true");

    let d = diff(&before, &after);
    let url = "https://trk-api.crossengage.io/api/v1/web/demo-key/track";
    assert_eq!(d.requests.len(), 2, "{:?}", d.requests);
    assert!(
        d.requests
            .iter()
            .any(|c| c.what == format!("blocked (consent_value_mismatch) xhr POST {url}") && c.a == 1 && c.b == 0)
    );
    assert!(d.requests.iter().any(|c| c.what == format!("allowed (consent) xhr POST {url}") && c.a == 0 && c.b == 1));
    assert_eq!(d.bodies.len(), 1);
    assert!(d.bodies[0].at.ends_with("#1 $.userId"), "{}", d.bodies[0].at);
    assert_eq!(d.cookies.len(), 1);
    assert_eq!(d.cookies[0].at, "ce.tracking-opt-in (shop.example/).value");
    assert_eq!((d.cookies[0].a.clone(), d.cookies[0].b.clone()), (json!("false"), json!("true")));
    assert_eq!(d.errors[0].what, "JS error (timer): boom");
    let text = d.text();
    assert!(text.contains(&format!("  - blocked (consent_value_mismatch) xhr POST {url} (1 → 0)\n")), "{text}");
    assert!(text.contains(&format!("  + allowed (consent) xhr POST {url} (0 → 1)\n")), "{text}");
}

#[test]
fn different_sessions_differ_in_expectations_and_requests() {
    let d = diff(&golden("02"), &golden("03"));
    assert!(!d.requests.is_empty() && !d.expectations.is_empty());
    // Verdicts of expectations only one side has are shown as null on the other.
    assert!(d.expectations.iter().any(|v| v.a.is_null() || v.b.is_null()));
}
