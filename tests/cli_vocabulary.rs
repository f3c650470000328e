//! The commands as a user types them: `diff` and `report` exit codes and messages, flags that agree across commands
//! (`--jobs`, durations), and flags that need another flag.

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
    assert_eq!(v["now"], "2026-01-01T00:15:00.000Z");
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
