//! The HTML report in a real browser: every golden transcript and a failing conformance run rendered into one page,
//! loaded in headless Chromium. The page's own self-check (rows shown agree with the documents' counts, no error,
//! no `console.error`) must pass, and the totals it reports must equal those counted here from the JSON.
//!
//! Needs Chromium (Debian: `apt-get install -y chromium`); `.ci/run` installs it and runs this test with
//! `cargo test --test html_report -- --ignored`. `SDKHOST_CHROMIUM` names another binary.

#![allow(clippy::unwrap_used, reason = "test helpers: a failure is the test failing")]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_json::Value;

use sdkhost::output::{HtmlInput as Input, render_html as render};
use sdkhost::suite::{Selection, Suite, run_suite};
use sdkhost::{SdkBuild, SuiteOptions};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn chromium() -> PathBuf {
    if let Some(p) = std::env::var_os("SDKHOST_CHROMIUM") {
        return PathBuf::from(p);
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .map(|name| Path::new("/usr/bin").join(name))
        .find(|p| p.exists())
        .expect("Chromium not found: `apt-get install -y chromium`, or set SDKHOST_CHROMIUM")
}

/// The golden transcripts, by name.
fn goldens() -> Vec<Value> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(root().join("tests/golden")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files.iter().map(|f| serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap()).collect()
}

/// The consent checks against the build with its consent gate removed: several fail.
fn failing_conform_report() -> Value {
    let mutants: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tests/mutants/mutants.json")).unwrap()).unwrap();
    let m = mutants.as_array().unwrap().iter().find(|m| m["id"] == "sends-before-consent").unwrap();
    let source = std::fs::read_to_string(root().join("sdk-js/ce.js")).unwrap();
    let broken = source.replacen(m["find"].as_str().unwrap(), m["replace"].as_str().unwrap(), 1);
    assert_ne!(source, broken);
    let opts = SuiteOptions {
        selection: Selection { filter: Some("consent.*".into()), ..Selection::default() },
        jobs: 2,
        ..SuiteOptions::default()
    };
    let report =
        run_suite(&Suite::ce_v2().unwrap(), &SdkBuild::new("ce-no-gate.js", broken), &opts, |_| Ok(())).unwrap();
    assert!(report.summary.failed > 0);
    serde_json::to_value(&report).unwrap()
}

fn count(events: &Value, pred: impl Fn(&Value) -> bool) -> usize {
    events["events"].as_array().unwrap().iter().filter(|e| pred(e)).count()
}

/// Runs Chromium on `page` with `extra` flags and returns (stdout, stderr); fails after a minute.
fn chromium_on(page: &Path, extra: &[String]) -> (String, String) {
    let profile = page.with_extension("profile");
    let mut child = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        // Files, not pipes: the dumped DOM is larger than a pipe holds while we wait.
        .stdout(std::fs::File::create(page.with_extension("stdout")).unwrap())
        .stderr(std::fs::File::create(page.with_extension("stderr")).unwrap())
        .spawn()
        .unwrap();
    // A minute at most, counted in sleeps (the wall clock is banned in this crate).
    let mut waits = 0;
    while child.try_wait().unwrap().is_none() {
        waits += 1;
        if waits > 600 {
            child.kill().unwrap();
            panic!("Chromium did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let read = |ext| String::from_utf8_lossy(&std::fs::read(page.with_extension(ext)).unwrap()).into_owned();
    (read("stdout"), read("stderr"))
}

/// The value of `name` on the self-check marker in the dumped DOM.
fn marker<'a>(dom: &'a str, name: &str) -> &'a str {
    let at = dom.find("id=\"self-check\"").unwrap_or_else(|| panic!("no self-check marker in:\n{dom}"));
    let open = &dom[dom[..at].rfind('<').unwrap()..];
    let tag = &open[..open.find('>').unwrap()];
    let from = tag.find(&format!(" {name}=\"")).unwrap_or_else(|| panic!("no {name} on {tag}")) + name.len() + 3;
    &tag[from..from + tag[from..].find('"').unwrap()]
}

#[test]
#[ignore = "needs Chromium (apt-get install -y chromium); .ci/run runs it with --ignored"]
fn the_report_renders_in_chromium_and_its_numbers_match_the_documents() {
    let transcripts = goldens();
    let conform = failing_conform_report();
    let mut inputs: Vec<Input> = transcripts.iter().cloned().map(Input::Transcript).collect();
    inputs.push(Input::Conform(conform.clone()));
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("html_report");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("report.html");
    std::fs::write(&page, render("sdkhost report", &inputs)).unwrap();

    let (dom, log) = chromium_on(&page, &["--dump-dom".into(), "--virtual-time-budget=2000".into()]);
    assert_eq!(marker(&dom, "data-ok"), "true", "self-check: {}\nbrowser log:\n{log}", marker(&dom, "data-problems"));
    assert!(!log.contains(":CONSOLE"), "the page wrote to the console (it never should):\n{log}");

    let requests: usize = transcripts.iter().map(|t| count(t, |e| e["kind"] == "request")).sum();
    let blocked: usize =
        transcripts.iter().map(|t| count(t, |e| e["kind"] == "request" && e["decision"]["allowed"] != true)).sum();
    let failed_checks = conform["checks"].as_array().unwrap().iter().filter(|c| c["result"] == "fail").count();
    assert!(blocked > 0 && requests > blocked, "the goldens show both decisions");
    assert_eq!(marker(&dom, "data-sessions"), transcripts.len().to_string());
    assert_eq!(marker(&dom, "data-requests"), requests.to_string());
    assert_eq!(marker(&dom, "data-blocked"), blocked.to_string());
    assert_eq!(marker(&dom, "data-checks"), conform["checks"].as_array().unwrap().len().to_string());
    assert_eq!(marker(&dom, "data-checks-failed"), failed_checks.to_string());

    // It paints: a screenshot is written and is a real PNG of some size.
    let shot = dir.join("report.png");
    let flags = [
        format!("--screenshot={}", shot.display()),
        "--window-size=1280,900".into(),
        "--virtual-time-budget=2000".into(),
    ];
    let (_, log) = chromium_on(&page, &flags);
    let png = std::fs::read(&shot).unwrap_or_else(|e| panic!("no screenshot ({e}); browser log:\n{log}"));
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "{} bytes", png.len());
}

/// Runs without a browser: a session whose page logs a `console.error` and throws shows both as page errors, above
/// the timeline, counted in a tile and in `data-page-errors`, as `replay`'s summary lists them.
#[test]
fn page_errors_are_shown_js_errors_and_console_error_lines() {
    let script = r#"{"name": "noisy page", "steps": [
        {"load": {"url": "https://shop.example/", "snippet": false,
                  "scripts": ["console.error('sdk: <config> missing')", "null.boom"]}}]}"#;
    let path = root().join("tests/noisy.json");
    let parsed = sdkhost::SessionScript::parse(script, &path).unwrap();
    let report = sdkhost::batch::prepare(parsed, &path, &sdkhost::RunOptions::default()).unwrap().run();
    assert_eq!(report.page_errors.len(), 2, "{:?}", report.page_errors);
    let html = render("noisy", &[Input::Transcript(report.transcript_value())]);
    assert!(html.contains("data-page-errors=\"2\""));
    assert!(html.contains("<b>2</b> page errors"));
    assert!(html.contains("<h3>Expectations and page errors</h3>"));
    assert!(html.contains("CONSOLE.ERROR</span>") && html.contains("sdk: &lt;config&gt; missing"));
    assert!(html.contains("JS ERROR</span>"));
    assert_eq!(html.matches("class=\"fail page-error\"").count(), 2);
    // A clean journey has none.
    let clean = render("clean", &[Input::Transcript(goldens()[1].clone())]);
    assert!(clean.contains("data-page-errors=\"0\"") && !clean.contains("page-error\""));
}
