//! The commands as a user types them: `diff` and `report` exit codes and messages, flags that agree across commands
//! (`--jobs`, durations, `--sdk URL=FILE|FILE`), `run` speaking the session scripts' vocabulary (the bundled SDK,
//! `--script`/`--eval` in the order typed, `--respond` stub rules, `--leave`), and flags that need another flag.

#![allow(clippy::unwrap_used, reason = "test helpers: a failure is the test failing")]

use std::path::Path;
use std::process::{Command, Output};

fn sdkhost(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sdkhost")).current_dir(env!("CARGO_MANIFEST_DIR")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const G02: &str = "tests/golden/02-consent-on-second-page.transcript.json";
const G03: &str = "tests/golden/03-opt-out-after-opt-in.transcript.json";

#[test]
fn diff_exits_0_when_equal_1_when_different_2_on_bad_input() {
    let same = sdkhost(&["diff", G02, G02]);
    assert_eq!(same.status.code(), Some(0), "{}", text(&same.stderr));
    assert!(text(&same.stdout).starts_with("same:"));

    let differ = sdkhost(&["diff", G02, G03, "--format", "json"]);
    assert_eq!(differ.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&differ.stdout).unwrap();
    assert!(!v["requests"].as_array().unwrap().is_empty() && !v["expectations"].as_array().unwrap().is_empty());

    let text_out = text(&sdkhost(&["diff", G02, G03]).stdout);
    assert!(text_out.contains("requests:\n") && text_out.contains("expectations:\n"), "{text_out}");

    for (bad, says) in [
        ("Cargo.toml", "Cargo.toml: not JSON"),
        ("examples/sessions/01-first-visit-no-consent.json", "not a transcript"),
        ("no/such/file.json", "no/such/file.json"),
    ] {
        let out = sdkhost(&["diff", G02, bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(text(&out.stderr).contains(says), "{bad}: {}", text(&out.stderr));
    }
}

#[test]
fn report_reads_a_folder_of_transcripts_and_names_what_it_cannot_read() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_report");
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join("r.html");
    let out = sdkhost(&["report", "tests/golden", "--out", html.to_str().unwrap(), "--title", "goldens <7>"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<title>goldens &lt;7&gt;</title>") && page.contains("shop funnel"));
    assert_eq!(page.matches("<section class=\"doc session\"").count(), 7);

    let out = sdkhost(&["report", "Cargo.lock"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("Cargo.lock: not JSON"), "{}", text(&out.stderr));
}

#[test]
fn jobs_0_and_replay_har_without_the_replay_transport_are_usage_errors() {
    let session = "examples/sessions/01-first-visit-no-consent.json";
    assert_eq!(sdkhost(&["replay", "--jobs", "0", session]).status.code(), Some(2));
    assert_eq!(sdkhost(&["conform", "--sdk", "sdk-js/ce.js", "--jobs", "0"]).status.code(), Some(2));
    let out = sdkhost(&["replay", "--replay-har", "x.har", session]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--replay-har needs --transport replay"), "{}", text(&out.stderr));
}

#[test]
fn run_advances_by_a_duration() {
    let out = sdkhost(&["run", "--url", "https://a.example/", "--advance", "15m"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["ended_at"], "2026-01-01T00:15:00.000Z");
}

#[test]
fn replay_shards_split_the_sessions_without_gaps_or_overlaps() {
    let names = |shard: &str| -> Vec<String> {
        let out = sdkhost(&["replay", "examples/sessions", "--shard", shard, "--format", "json"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["sessions"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap().to_owned()).collect()
    };
    let all = names("1/1");
    assert_eq!(all.len(), 7);
    let parts: Vec<Vec<String>> = ["1/3", "2/3", "3/3"].iter().map(|s| names(s)).collect();
    assert_eq!(parts[1], [all[1].clone(), all[4].clone()]);
    let mut joined: Vec<String> = parts.concat();
    joined.sort();
    let mut sorted = all.clone();
    sorted.sort();
    assert_eq!(joined, sorted);
    assert_eq!(sdkhost(&["replay", "examples/sessions", "--shard", "4/3"]).status.code(), Some(2));
}

fn run_json(args: &[&str]) -> serde_json::Value {
    let out = sdkhost(args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn events<'a>(v: &'a serde_json::Value, kind: &str) -> Vec<&'a serde_json::Value> {
    v["events"].as_array().unwrap().iter().filter(|e| e["kind"] == kind).collect()
}

fn tmp_file(name: &str, contents: &str) -> String {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_vocabulary");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn run_serves_the_bundled_sdk_so_the_snippet_loads_it() {
    let v = run_json(&["run", "--url", "https://shop.example/", "--script", "sdk-js/snippet.js", "--advance", "1s"]);
    let runs = events(&v, "script_run");
    assert!(runs.iter().any(|e| e["origin"] == "file:sdk-js/ce.js (bundled)"), "{runs:?}");
    // The SDK defines its queue-draining global: the snippet's stub was replaced.
    let v = run_json(&[
        "run",
        "--url",
        "https://shop.example/",
        "--script",
        "sdk-js/snippet.js",
        "--eval",
        "typeof window.ce === 'function' && !Array.isArray(window.ce.q)",
    ]);
    assert_eq!(v["evals"][0]["value"], true, "{}", v["evals"]);
}

#[test]
fn sdk_swaps_the_crossengage_build_or_maps_any_url() {
    let v =
        run_json(&["run", "--url", "https://shop.example/", "--script", "sdk-js/snippet.js", "--sdk", "sdk-js/ce.js"]);
    assert!(events(&v, "script_run").iter().any(|e| e["origin"] == "file:sdk-js/ce.js"));
    let lib = tmp_file("lib.js", "console.log('lib loaded');");
    let mapping = format!("https://cdn.example/lib.js={lib}");
    let v = run_json(&[
        "run",
        "--url",
        "https://shop.example/",
        "--sdk",
        &mapping,
        "--eval",
        "var s = document.createElement('script'); s.src = 'https://cdn.example/lib.js'; document.head.appendChild(s)",
        "--advance",
        "1s",
    ]);
    assert!(events(&v, "console").iter().any(|c| c["text"] == "lib loaded"), "{}", v["events"]);

    // replay: the flag replaces the script's mapping, and the transcript names the file as typed.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_vocabulary");
    std::fs::create_dir_all(&dir).unwrap();
    let out_path = dir.join("02.transcript.json");
    let session = "examples/sessions/02-consent-on-second-page.json";
    let out = sdkhost(&["replay", session, "--sdk", "sdk-js/ce.js", "--out", out_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let t: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert_eq!(t["inputs"]["sdk"][0]["name"], "sdk-js/ce.js");
    let missing = sdkhost(&["replay", session, "--sdk", "no/such/build.js"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("no/such/build.js"), "{}", text(&missing.stderr));

    // conform tests one build: a URL mapping is refused, and says so.
    let out = sdkhost(&["conform", "--sdk", "https://cdn.example/x.js=sdk-js/ce.js"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("give --sdk FILE"), "{}", text(&out.stderr));
}

#[test]
fn scripts_and_evals_run_in_the_order_typed() {
    let a = tmp_file("a.js", "window.log = ['a'];");
    let b = tmp_file("b.js", "window.log.push('b');");
    let v = run_json(&[
        "run",
        "--url",
        "https://a.example/",
        "--script",
        &a,
        "--eval",
        "log.push('e1'); log.length",
        "--script",
        &b,
        "--eval",
        "log.join()",
    ]);
    assert_eq!(v["evals"], serde_json::json!([{"value": 2}, {"value": "a,e1,b"}]));
}

#[test]
fn run_takes_stub_rules_and_ends_with_a_page_leave() {
    let rule = r#"{"method": "POST", "url": "https://api.example/*", "status": 503, "body": "busy"}"#;
    let v = run_json(&[
        "run",
        "--url",
        "https://a.example/",
        "--respond",
        rule,
        "--eval",
        "document.cookie = 'ce.tracking-opt-in=true'; fetch('https://api.example/x', {method: 'POST', body: '{}'}); 1",
        "--eval",
        "addEventListener('pagehide', function () { console.log('leaving'); }); 1",
        "--advance",
        "1s",
        "--leave",
    ]);
    let requests = events(&v, "request");
    assert_eq!(requests.len(), 1, "{requests:?}");
    assert_eq!(requests[0]["outcome"]["response"]["status"], 503, "{}", requests[0]);
    assert!(events(&v, "console").iter().any(|c| c["text"] == "leaving"), "{}", v["events"]);
    assert_eq!(events(&v, "page_closed").len(), 1);
    let bad = sdkhost(&["run", "--url", "https://a.example/", "--respond", r#"{"url": "*", "stauts": 1}"#]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("stauts"), "{}", text(&bad.stderr));
}

#[test]
fn durations_and_flags_that_need_another_flag() {
    let session = "examples/sessions/01-first-visit-no-consent.json";
    for timeout in ["30", "90s", "2m"] {
        let out = sdkhost(&["replay", session, "--timeout", timeout]);
        assert_eq!(out.status.code(), Some(0), "--timeout {timeout}: {}", text(&out.stderr));
    }
    assert_eq!(sdkhost(&["replay", session, "--timeout", "soon"]).status.code(), Some(2));
    let out = sdkhost(&["run", "--url", "https://a.example/", "--consent-prefix"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--consent-cookie"), "{}", text(&out.stderr));
}
