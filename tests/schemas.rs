//! The JSON Schemas in `schemas/` are generated from the types (`sdkhost::schema`): this test fails when a committed
//! file is stale (`SDKHOST_BLESS=1 cargo test --test schemas` rewrites them), and holds every bundled session script
//! and every golden transcript, and a conformance report, to its schema.

#![allow(clippy::unwrap_used, reason = "test helpers: a failure is the test failing")]

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn json_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no JSON files in {dir}");
    files
}

fn validator(name: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&sdkhost::output::schema(name).unwrap()).unwrap()
}

fn check(validator: &jsonschema::Validator, what: &str, doc: &Value) -> Vec<String> {
    validator.iter_errors(doc).map(|e| format!("{what}: {} at {}", e, e.instance_path())).collect()
}

#[test]
fn the_committed_schemas_are_the_generated_ones() {
    let bless = std::env::var_os("SDKHOST_BLESS").is_some();
    let mut stale = Vec::new();
    for (name, file) in sdkhost::output::SCHEMAS {
        let path = root().join("schemas").join(file);
        let fresh = sdkhost::output::schema_text(name).unwrap();
        if bless {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &fresh).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(fresh.as_str()) {
            stale.push(format!("schemas/{file}"));
        }
    }
    assert!(stale.is_empty(), "stale: {} (SDKHOST_BLESS=1 cargo test --test schemas rewrites them)", stale.join(", "));
}

#[test]
fn every_bundled_session_and_golden_transcript_validates() {
    let mut problems = Vec::new();
    let sessions = validator("session");
    for dir in ["examples/sessions", "examples/third-party"] {
        for f in json_files(dir) {
            let doc: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
            problems.extend(check(&sessions, &f.display().to_string(), &doc));
        }
    }
    let transcripts = validator("transcript");
    for f in json_files("tests/golden") {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        problems.extend(check(&transcripts, &f.display().to_string(), &doc));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn run_prints_a_transcript_and_its_evals() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sdkhost"))
        .args(["run", "--url", "https://shop.example/", "--script", "sdk-js/snippet.js"])
        .args(["--eval", "ce({trackingOptIn: true}); ce('track', 'Viewed Page'); 1", "--eval", "null.x"])
        .args(["--advance", "1s", "--leave"])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "the second eval threw: {}", String::from_utf8_lossy(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let problems = check(&validator("run"), "run output", &doc);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The same document `replay --out` writes, and the evals after it.
    let mut transcript = doc.clone();
    let evals = transcript.as_object_mut().unwrap().remove("evals").unwrap();
    let problems = check(&validator("transcript"), "run output without evals", &transcript);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(evals[0], serde_json::json!({"value": 1}));
    assert!(evals[1]["error"].as_str().unwrap().contains("TypeError"), "{evals}");
    assert_eq!((doc["summary"]["requests"].as_u64(), doc["summary"]["js_errors"].as_u64()), (Some(1), Some(1)));
    assert_eq!(doc["name"], "run https://shop.example/");
}

#[test]
fn the_schemas_reject_what_the_parser_rejects() {
    let sessions = validator("session");
    let good: Value = serde_json::json!({"name": "n", "steps": [{"load": {"url": "https://a.example/"}},
        {"advance": "15m"}, {"ce": ["track", "x"]}, {"expect": {"requests": {"count": 0}}}]});
    assert!(sessions.is_valid(&good));
    for bad in [
        serde_json::json!({"name": "n", "steps": [], "stray": 1}),
        serde_json::json!({"name": "n", "steps": [{"lod": {"url": "https://a.example/"}}]}),
        serde_json::json!({"name": "n", "steps": [{"event": "explode"}]}),
        serde_json::json!({"steps": []}),
    ] {
        assert!(!sessions.is_valid(&bad), "{bad}");
    }
}

#[test]
fn a_conformance_report_validates() {
    use sdkhost::suite::{Selection, Suite, run_suite};
    use sdkhost::{SdkBuild, SuiteOptions};
    let opts = SuiteOptions {
        selection: Selection { filter: Some("consent.*".into()), ..Selection::default() },
        jobs: 2,
        ..SuiteOptions::default()
    };
    let build = SdkBuild::new("ce.js", std::fs::read_to_string(root().join("sdk-js/ce.js")).unwrap());
    let report = run_suite(&Suite::ce_v2().unwrap(), &build, &opts, |_| Ok(())).unwrap();
    let doc = serde_json::to_value(&report).unwrap();
    let problems = check(&validator("report"), "report", &doc);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
