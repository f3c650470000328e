//! Malformed session scripts: each is an error that names the file, line and column (and the field), before anything
//! runs; and the CLI exits 2 on them.

use std::path::Path;

use sdkhost::SessionScript;

fn err(text: &str) -> String {
    SessionScript::parse(text, Path::new("journeys/bad.json")).expect_err("must be rejected").to_string()
}

const LOAD: &str = r#"{"load": {"url": "https://shop.example/"}}"#;

fn with_steps(steps: &str) -> String {
    format!("{{\n  \"name\": \"t\",\n  \"steps\": [\n    {LOAD},\n    {steps}\n  ]\n}}")
}

#[test]
fn unknown_header_field_names_file_line_column_and_field() {
    let e = err("{\n  \"name\": \"t\",\n  \"sead\": 1,\n  \"steps\": []\n}");
    assert!(e.starts_with("session script journeys/bad.json:3:"), "{e}");
    assert!(e.contains("unknown field `sead`"), "{e}");
    assert!(e.contains("expected one of"), "{e}");
}

#[test]
fn unknown_step_is_named_with_its_position() {
    let e = err(&with_steps(r#"{"teleport": {}}"#));
    assert!(e.starts_with("session script journeys/bad.json:5:"), "{e}");
    assert!(e.contains("steps[1]"), "{e}");
    assert!(e.contains("unknown variant `teleport`"), "{e}");
}

#[test]
fn unknown_field_inside_a_step() {
    let e = err(&with_steps(r#"{"load": {"url": "https://a.example/", "snipet": false}}"#));
    assert!(e.contains("steps[1].load"), "{e}");
    assert!(e.contains("unknown field `snipet`"), "{e}");
}

#[test]
fn bad_duration() {
    let e = err(&with_steps(r#"{"advance": "3 fortnights"}"#));
    assert!(e.contains(":5:"), "{e}");
    assert!(e.contains("bad duration \"3 fortnights\""), "{e}");
}

#[test]
fn bad_url() {
    let e = err(&with_steps(r#"{"navigate": {"url": "not a url"}}"#));
    assert!(e.contains("steps[1].navigate.url"), "{e}");
    assert!(e.contains("relative URL without a base"), "{e}");
}

#[test]
fn bad_event_name() {
    let e = err(&with_steps(r#"{"event": "explode"}"#));
    assert!(e.contains("unknown variant `explode`"), "{e}");
    assert!(e.contains("pagehide"), "{e}");
}

#[test]
fn empty_ce_call() {
    let e = err(&with_steps(r#"{"ce": []}"#));
    assert!(e.contains("steps[1].ce"), "{e}");
    assert!(e.contains("needs at least one argument"), "{e}");
}

#[test]
fn wrong_type() {
    let e = err("{\"name\": \"t\", \"seed\": \"seven\", \"steps\": []}");
    assert!(e.contains("journeys/bad.json:1:"), "{e}");
    assert!(e.contains("seed"), "{e}");
    assert!(e.contains("invalid type: string \"seven\", expected u64"), "{e}");
}

#[test]
fn bad_expectation_field() {
    let e = err(&with_steps(r#"{"expect": {"requests": {"cnt": 1}}}"#));
    assert!(e.contains("steps[1].expect.requests"), "{e}");
    assert!(e.contains("unknown field `cnt`"), "{e}");
}

#[test]
fn bad_time_zone_and_clock_start() {
    let e = err("{\"name\": \"t\", \"time_zone\": \"Mars/Olympus\", \"steps\": []}");
    assert!(e.contains("time_zone") && e.contains("Mars/Olympus"), "{e}");
    let e = err("{\"name\": \"t\", \"clock_start\": \"yesterday\", \"steps\": []}");
    assert!(e.contains("clock_start") && e.contains("RFC 3339"), "{e}");
}

#[test]
fn a_script_that_never_loads_a_page() {
    let e = err("{\n  \"name\": \"t\",\n  \"steps\": [{\"advance\": 5}]\n}");
    assert!(e.starts_with("session script journeys/bad.json:3:3:"), "{e}");
    assert!(e.contains("never loads a page"), "{e}");
}

#[test]
fn not_json_at_all() {
    let e = err("name: t\n");
    assert!(e.starts_with("session script journeys/bad.json:1:2:"), "{e}");
    assert!(e.contains("expected ident"), "{e}");
    assert!(!e.contains(" at line "), "the position is said once: {e}");
}

#[test]
fn unreadable_file_names_it() {
    let e = SessionScript::load(Path::new("no/such/session.json")).expect_err("missing").to_string();
    assert!(e.contains("no/such/session.json") && e.contains("cannot read"), "{e}");
}

#[test]
fn cli_exits_2_on_bad_input_and_runs_nothing() {
    let dir = std::env::temp_dir().join(format!("sdkhost-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let good = dir.join("a-good.json");
    std::fs::write(&good, with_steps(r#"{"advance": 5}"#)).expect("write");
    let bad = dir.join("b-bad.json");
    std::fs::write(&bad, with_steps(r#"{"advance": "soon"}"#)).expect("write");
    let replay = |second: &Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_sdkhost"))
            .args(["replay", good.to_str().expect("utf8"), second.to_str().expect("utf8"), "--out"])
            .arg(&dir)
            .output()
            .expect("run sdkhost")
    };
    let written = dir.join("a-good.transcript.json");
    let out = replay(&bad);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("b-bad.json:5:") && stderr.contains("bad duration \"soon\""), "{stderr}");
    assert!(!written.exists(), "nothing may run when any input is bad");
    // The control: with both inputs good, the same command writes that very file.
    let also_good = dir.join("c-good.json");
    std::fs::write(&also_good, with_steps(r#"{"advance": 10}"#)).expect("write");
    let out = replay(&also_good);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(written.exists(), "a good run writes {}", written.display());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_failing_step_still_writes_the_transcript_up_to_that_point() {
    let dir = std::env::temp_dir().join(format!("sdkhost-step-fails-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let script = dir.join("throws.json");
    std::fs::write(
        &script,
        r#"{"name": "throws", "steps": [
  {"load": {"url": "https://shop.example/"}},
  {"eval": "console.log('before')"},
  {"eval": "null.boom"},
  {"eval": "console.log('never')"}
]}"#,
    )
    .expect("write");
    let out_file = dir.join("t.json");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sdkhost"))
        .args(["replay", script.to_str().expect("utf8"), "--out", out_file.to_str().expect("utf8")])
        .output()
        .expect("run sdkhost");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("3 of 4 steps") && stdout.contains("step failed: step 2"), "{stdout}");
    let t: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_file).expect("written")).expect("json");
    let kinds: Vec<&str> = t["events"].as_array().expect("events").iter().filter_map(|e| e["kind"].as_str()).collect();
    assert!(kinds.contains(&"js_error") && kinds.contains(&"step_failed"), "{kinds:?}");
    let text = t.to_string();
    assert!(text.contains("before") && !text.contains("never"));
    assert!(t["summary"]["step_error"].as_str().expect("step error").contains("null"), "{}", t["summary"]);
    std::fs::remove_dir_all(&dir).ok();
}

/// The typos of issue 14: each would make a negative check (`count: 0`) pass on any transcript.
#[test]
fn typos_in_expectations_are_errors_naming_the_field() {
    let cases = [
        (
            r#"{"requests": {"matching": [{"decision": "alowed", "count": 0}]}}"#,
            "requests.matching[0].decision",
            "alowed",
        ),
        (r#"{"requests": {"matching": [{"initiator": "XHR", "count": 0}]}}"#, "requests.matching[0].initiator", "XHR"),
        (
            r#"{"requests": {"matching": [{"credentials": "omitted", "count": 0}]}}"#,
            "requests.matching[0].credentials",
            "omitted",
        ),
        (
            r#"{"requests": {"matching": [{"reason": "consent_missing", "count": 0}]}}"#,
            "requests.matching[0].reason",
            "consent_missing",
        ),
        (
            r#"{"requests": {"matching": [{"url": "re:([", "count": 0}]}}"#,
            "requests.matching[0].url",
            "bad regex \"re:([\"",
        ),
        (
            r#"{"requests": {"matching": [{"headers": {"content-type": "re:a{2,1}"}, "count": 0}]}}"#,
            "requests.matching[0].headers",
            "bad regex",
        ),
        (
            r#"{"requests": {"matching": [{"body": {"event": "re:(("}, "count": 0}]}}"#,
            "requests.matching[0].body",
            "at event",
        ),
        (r#"{"console": [{"text": "re:([", "count": 0}]}"#, "console[0].text", "bad regex \"re:([\""),
        (r#"{"console": [{"level": "warning", "count": 0}]}"#, "console[0].level", "warning"),
        (r#"{"cookies": [{"name": "ce.sid", "same_site": "lax"}]}"#, "cookies[0].same_site", "unknown variant `lax`"),
        (r#"{"cookies": [{"name": "ce.sid", "value": "re:([", "present": true}]}"#, "cookies[0].value", "bad regex"),
    ];
    for (expect, field, says) in cases {
        let e = err(&with_steps(&format!(r#"{{"expect": {expect}}}"#)));
        assert!(e.starts_with("session script journeys/bad.json:5:"), "{expect}: {e}");
        assert!(e.contains(&format!("steps[1].expect.{field}")), "{expect}: {e}");
        assert!(e.contains(says), "{expect}: {e}");
    }
}

/// Checks that could never observe anything, so that `count: 0` (or `present: false`) would pass whatever happened.
#[test]
fn checks_that_cannot_observe_anything_are_errors() {
    let cases = [
        (
            r#"{"requests": {"matching": [{"initiator": "image", "body": {"event": "x"}, "count": 0}]}}"#,
            "image requests have no body",
        ),
        (r#"{"requests": {"matching": [{"initiator": "beacon", "method": "GET", "count": 0}]}}"#, "always POST"),
        (
            r#"{"requests": {"matching": [{"decision": "blocked", "status": 200, "count": 0}]}}"#,
            "status is 0, never 200",
        ),
        (
            r#"{"requests": {"matching": [{"decision": "allowed", "reason": "no_consent", "count": 0}]}}"#,
            "reason no_consent",
        ),
        (r#"{"requests": {"matching": [{"status": 2000, "count": 0}]}}"#, "status 2000"),
        (r#"{"requests": {"matching": [{"method": "GE T", "count": 0}]}}"#, "not an HTTP method token"),
        (r#"{"requests": {"matching": [{"count": 3, "intervals_ms": [1000]}]}}"#, "count 3 requests have 2 intervals"),
        (r#"{"requests": {"count": 1, "matching": [{"count": 2}]}}"#, "count 2 can never hold"),
        (r#"{"requests": {"count": 1, "allowed": 1, "blocked": 1}}"#, "count 1 can never equal"),
        (r#"{"requests": {}}"#, "requests checks nothing"),
        (r#"{"label": "only a label"}"#, "checks nothing"),
        (r#"{"cookies": [{"name": "ce.sid", "present": false, "value": "x"}]}"#, "value is never checked"),
        (r#"{"cookies": [{"name": "ce.sid", "lifetime_s": 0}]}"#, "lifetime_s 0"),
        (r#"{"cookies": [{"name": "ce.sid", "url": "shop.example"}]}"#, "cookies[0].url"),
    ];
    for (expect, says) in cases {
        let e = err(&with_steps(&format!(r#"{{"expect": {expect}}}"#)));
        assert!(e.starts_with("session script journeys/bad.json:5:"), "{expect}: {e}");
        assert!(e.contains("steps[1].expect"), "{expect}: {e}");
        assert!(e.contains(says), "{expect}: {e}");
    }
}

#[test]
fn a_typo_in_an_expectation_is_exit_2_before_anything_runs() {
    let dir = std::env::temp_dir().join(format!("sdkhost-typo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let script = dir.join("typo.json");
    std::fs::write(
        &script,
        with_steps(r#"{"expect": {"requests": {"matching": [{"decision": "alowed", "count": 0}]}}}"#),
    )
    .expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sdkhost"))
        .args(["replay", script.to_str().expect("utf8")])
        .output()
        .expect("run sdkhost");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("typo.json:5:") && stderr.contains("steps[1].expect.requests.matching[0].decision"),
        "{stderr}"
    );
    assert!(stderr.contains("unknown variant `alowed`, expected `allowed` or `blocked`"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}
