//! `sdkhost conform` end to end: the reference build `sdk-js/ce.js` and its minified build `sdk-js/dist/ce.min.js`
//! (built by `cd sdk-js && npm ci && npm run build`, so that test is `#[ignore]`d and `.ci/run` runs it with
//! `--ignored`; a missing build fails it) pass every check; reports are the same bytes for any number of workers; the CLI's exit codes; and
//! the README's check list matches the embedded suite (`SDKHOST_BLESS=1 cargo test --test conform` rewrites it).

#![allow(clippy::unwrap_used, reason = "test helpers: a failure is the test failing")]

use std::path::{Path, PathBuf};
use std::process::Command;

use sdkhost::suite::{Format, Reporter, reporter_for};
use sdkhost::suite::{Selection, Suite, run_suite};
use sdkhost::{CheckResult, SdkBuild, SuiteOptions, SuiteReport};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn human(report: &SuiteReport) -> String {
    let mut out = Vec::new();
    let mut r = reporter_for(Format::Human, &mut out);
    r.on_event(&sdkhost::suite::SuiteEvent::Finished { report }).unwrap();
    drop(r);
    String::from_utf8(out).unwrap()
}

fn assert_all_pass(path: &Path) {
    let source = std::fs::read_to_string(path).unwrap();
    let suite = Suite::ce_v2().unwrap();
    let opts = SuiteOptions { jobs: 2, ..SuiteOptions::default() };
    let report = run_suite(&suite, &SdkBuild::new(&path.to_string_lossy(), source), &opts, |_| Ok(())).unwrap();
    assert!(report.summary.total >= 40);
    assert!(report.passed(), "{} fails checks:\n{}", path.display(), human(&report));
}

#[test]
fn reference_build_passes_every_check() {
    assert_all_pass(&root().join("sdk-js/ce.js"));
}

#[test]
#[ignore = "needs sdk-js/dist/ce.min.js (cd sdk-js && npm ci && npm run build); .ci/run runs it with --ignored"]
fn minified_build_passes_every_check() {
    let path = root().join("sdk-js/dist/ce.min.js");
    assert!(path.exists(), "{} is missing: run `cd sdk-js && npm ci && npm run build` first", path.display());
    assert_all_pass(&path);
}

/// Runs `filter` against `sdk` and renders every format from the one event stream.
fn render_all(sdk: &SdkBuild, filter: &str, jobs: usize) -> Vec<Vec<u8>> {
    let suite = Suite::ce_v2().unwrap();
    let formats = [Format::Human, Format::Junit, Format::Tap, Format::Json];
    let mut outs: Vec<Vec<u8>> = vec![Vec::new(); formats.len()];
    {
        let mut reporters: Vec<Box<dyn Reporter + '_>> =
            formats.iter().zip(outs.iter_mut()).map(|(f, o)| reporter_for(*f, o)).collect();
        let opts = SuiteOptions {
            selection: Selection { filter: Some(filter.into()), ..Selection::default() },
            jobs,
            ..SuiteOptions::default()
        };
        run_suite(&suite, sdk, &opts, |e| reporters.iter_mut().try_for_each(|r| r.on_event(&e))).unwrap();
    }
    outs
}

#[test]
fn reports_are_the_same_bytes_for_any_jobs() {
    // A build that fails some of these checks, so failure details and excerpts are compared too.
    let source = std::fs::read_to_string(root().join("sdk-js/ce.js")).unwrap();
    let find = "if (!config.trackingOptIn) return; // consent gate";
    let sdk = SdkBuild::new("ce-mutant.js", source.replacen(find, "if (false) return; // consent gate", 1));
    let one = render_all(&sdk, "consent.*", 1);
    let two = render_all(&sdk, "consent.*", 2);
    for (a, b) in one.iter().zip(&two) {
        assert_eq!(String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    }
    let json: serde_json::Value = serde_json::from_slice(&one[3]).unwrap();
    assert!(json["summary"]["failed"].as_u64().unwrap() > 0);
    let failed = json["checks"].as_array().unwrap().iter().find(|c| c["result"] == "fail").unwrap();
    assert!(!failed["failures"].as_array().unwrap().is_empty() && !failed["excerpt"].as_array().unwrap().is_empty());
}

#[test]
fn fail_fast_stops_after_the_first_failure() {
    let source = std::fs::read_to_string(root().join("sdk-js/ce.js")).unwrap();
    let sdk = SdkBuild::new("ce.js", source.replacen("var LIFETIME = 39446190;", "var LIFETIME = 31536000;", 1));
    let suite = Suite::ce_v2().unwrap();
    let opts = SuiteOptions {
        selection: Selection { filter: Some("cookies.*".into()), ..Selection::default() },
        jobs: 2,
        fail_fast: true,
        ..SuiteOptions::default()
    };
    let report = run_suite(&suite, &sdk, &opts, |_| Ok(())).unwrap();
    let first = report.checks.iter().position(|c| c.result == CheckResult::Fail).unwrap();
    assert_eq!(report.checks[first].id, "cookies.alive-at-14-months");
    assert!(report.checks[..first].iter().all(|c| c.result == CheckResult::Pass));
    assert!(report.checks[first + 1..].iter().all(|c| c.result == CheckResult::Skip), "fail-fast skips the rest");
}

fn sdkhost(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sdkhost")).args(args).current_dir(root()).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn cli_exit_codes_and_outputs() {
    let (code, _, err) = sdkhost(&["conform", "--sdk", "no/such/build.js"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no/such/build.js"), "{err}");
    let (code, _, err) = sdkhost(&["conform", "--sdk", "sdk-js/ce.js", "--filter", "no-such-check"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no reference check is selected by --filter \"no-such-check\""), "{err}");
    let (code, _, err) = sdkhost(&["conform", "--sdk", "sdk-js/ce.js", "--shard", "3/2"]);
    assert_eq!(code, 2, "{err}");
    // An empty shard is treated like an empty filter: an error unless --no-tests says otherwise.
    let (code, out, err) = sdkhost(&["conform", "--sdk", "sdk-js/ce.js", "--shard", "999/999"]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("no reference check is selected by --shard 999/999"), "{err}");
    let (code, out, err) =
        sdkhost(&["conform", "--sdk", "sdk-js/ce.js", "--shard", "999/999", "--no-tests=warn", "--format", "tap"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("TAP version 14\n1..0\n") && err.contains("warning: no reference check"), "{out}{err}");
    let (code, _, err) = sdkhost(&["conform", "--sdk", "sdk-js/ce.js", "--filter", "zzz", "--no-tests=pass"]);
    assert_eq!((code, err.contains("warning")), (0, false), "{err}");

    let dir = std::env::temp_dir().join(format!("sdkhost-conform-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let junit: PathBuf = dir.join("conform.xml");
    let args = ["conform", "--sdk", "sdk-js/ce.js", "--filter", "consent.opt-in-*", "--format", "junit", "--out"];
    let (code, out, err) = sdkhost(&[&args[..], &[junit.to_str().unwrap()]].concat());
    assert_eq!(code, 0, "{out}{err}");
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(xml.contains("<testcase name=\"consent.opt-in-sends\"") && !xml.contains("<failure"), "{xml}");
    assert!(err.contains("pass  consent.opt-in-sends"), "progress on stderr: {err}");

    let mutant = dir.join("ce-no-secure.js");
    let source = std::fs::read_to_string(root().join("sdk-js/ce.js")).unwrap();
    std::fs::write(&mutant, source.replacen("w.location.protocol === 'https:'", "w.location.protocol === 'https'", 1))
        .unwrap();
    let (code, out, _) =
        sdkhost(&["conform", "--sdk", mutant.to_str().unwrap(), "--filter", "cookies.attributes-*", "--format", "tap"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.starts_with("TAP version 14\n1..2\n") && out.contains("not ok 2 - cookies.attributes-on-https"),
        "{out}"
    );
    let (code, out, _) =
        sdkhost(&["conform", "--sdk", mutant.to_str().unwrap(), "--filter", "cookies.attributes-*", "--shard", "1/2"]);
    assert_eq!(code, 0, "shard 1/2 holds only the http check: {out}");
    std::fs::remove_dir_all(&dir).ok();
}

/// One worker runs every check of a thread in turn (and keeps the parsed suite from its first check on): its report
/// must be the in-process report, byte for byte, failures and excerpts included.
#[test]
fn a_worker_running_many_checks_reports_what_in_process_reports() {
    let dir = std::env::temp_dir().join(format!("sdkhost-conform-workers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A build that sends before opt-in: some consent checks fail (with excerpts), the rest pass.
    let mutant = dir.join("ce-no-gate.js");
    let source = std::fs::read_to_string(root().join("sdk-js/ce.js")).unwrap();
    let gate = "if (!config.trackingOptIn) return; // consent gate";
    assert!(source.contains(gate), "the mutation no longer applies to sdk-js/ce.js");
    std::fs::write(&mutant, source.replace(gate, "// no consent gate")).unwrap();
    let base =
        ["conform", "--sdk", mutant.to_str().unwrap(), "--filter", "consent.*", "--jobs", "1", "--format", "json"];
    let (code, workers, err) = sdkhost(&base);
    let (code_in, in_process, _) = sdkhost(&[&base[..], &["--in-process"]].concat());
    assert_eq!((code, code_in), (1, 1), "{err}");
    assert!(workers.contains("\"result\": \"fail\"") && workers.contains("\"result\": \"pass\""), "{workers}");
    assert_eq!(workers, in_process);
    std::fs::remove_dir_all(&dir).ok();
}

const START: &str = "<!-- conform-checks:start (generated by tests/conform.rs; SDKHOST_BLESS=1 to update) -->";
const END: &str = "<!-- conform-checks:end -->";

fn check_table() -> String {
    let mut t = String::from("| Check | Label | Traces to |\n|---|---|---|\n");
    for c in Suite::ce_v2().unwrap().checks {
        t.push_str(&format!("| `{}` | {} | {} |\n", c.id, c.label.as_str(), c.spec.replace('|', "\\|")));
    }
    t
}

#[test]
fn readme_lists_the_embedded_checks() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let (Some(a), Some(b)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md lacks the {START} … {END} markers of the conformance check list");
    };
    let current = &readme[a + START.len()..b];
    let wanted = format!("\n{}", check_table());
    if current != wanted {
        if std::env::var_os("SDKHOST_BLESS").is_some() {
            let updated = format!("{}{START}{wanted}{}", &readme[..a], &readme[b..]);
            std::fs::write(&path, updated).unwrap();
        } else {
            panic!(
                "README.md's check list is out of date; run `SDKHOST_BLESS=1 cargo test --test conform`.\nWanted:\n{wanted}"
            );
        }
    }
}
