//! The JUnit reports of `replay` and `conform` against the schemas CI servers read them with: Jenkins' xUnit plugin
//! (`junit-10.xsd`) and Maven Surefire's (`surefire-test-report-3.0.xsd`), both in `tests/schemas/` with their source
//! and licence. Reports with failures and passes, from real runs.
//!
//! Needs `xmllint` (Debian: `apt-get install -y libxml2-utils`); `.ci/run` installs it and runs this test with
//! `cargo test --test junit_schemas -- --ignored`.

#![allow(clippy::unwrap_used, reason = "test helpers: a failure is the test failing")]

use std::path::{Path, PathBuf};
use std::process::Command;

use sdkhost::batch::prepare;
use sdkhost::suite::{Format, reporter_for};
use sdkhost::suite::{Selection, Suite, SuiteEvent, run_suite};
use sdkhost::{RunOptions, SessionScript};
use sdkhost::{SdkBuild, SuiteOptions};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn assert_valid(name: &str, xml: &str) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("junit_schemas");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(name);
    std::fs::write(&file, xml).unwrap();
    for schema in ["jenkins-junit-10.xsd", "surefire-test-report-3.0.xsd"] {
        let out = Command::new("xmllint")
            .args(["--noout", "--schema"])
            .arg(root().join("tests/schemas").join(schema))
            .arg(&file)
            .output()
            .expect("xmllint not found: apt-get install -y libxml2-utils");
        assert!(
            out.status.success(),
            "{name} is not valid against {schema}:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
#[ignore = "needs xmllint (apt-get install -y libxml2-utils); .ci/run runs it with --ignored"]
fn replay_junit_is_valid_for_jenkins_and_surefire() {
    let mut reports = Vec::new();
    for name in ["02-consent-on-second-page.json", "03-opt-out-after-opt-in.json"] {
        let path = root().join("examples/sessions").join(name);
        let mut script = SessionScript::load(&path).unwrap();
        if name.starts_with("03") {
            // One expectation that cannot hold, so the report has a failure with a multi-line message.
            script.name.push_str(" <mutated & \"quoted\">");
        }
        reports.push(
            prepare(script, &path, &RunOptions { deny_all: name.starts_with("03"), ..RunOptions::default() })
                .unwrap()
                .run(),
        );
    }
    assert!(reports[0].passed() && !reports[1].passed(), "one passing and one failing session");
    let xml = sdkhost::batch::render_report(sdkhost::batch::ReportFormat::Junit, &reports);
    assert!(xml.contains("<failure "));
    assert_valid("replay.xml", &xml);
}

#[test]
#[ignore = "needs xmllint (apt-get install -y libxml2-utils); .ci/run runs it with --ignored"]
fn conform_junit_is_valid_for_jenkins_and_surefire() {
    let source = std::fs::read_to_string(root().join("sdk-js/ce.js")).unwrap();
    let broken = source.replacen("if (!config.trackingOptIn) return; // consent gate", "if (false) return;", 1);
    assert_ne!(source, broken);
    let opts = SuiteOptions {
        selection: Selection { filter: Some("consent.*".into()), ..Selection::default() },
        jobs: 2,
        ..SuiteOptions::default()
    };
    let report = run_suite(&Suite::ce_v2().unwrap(), &SdkBuild::new("no-gate.js", broken), &opts, |_| Ok(())).unwrap();
    assert!(report.summary.failed > 0);
    let mut out = Vec::new();
    let mut junit = reporter_for(Format::Junit, &mut out);
    junit.on_event(&SuiteEvent::Finished { report: &report }).unwrap();
    drop(junit);
    assert_valid("conform.xml", &String::from_utf8(out).unwrap());
}
