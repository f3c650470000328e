//! Sharing compiled code changes no byte of output: every example session's transcript (the goldens), the
//! conformance report in every format (for the reference build and for a build that fails checks, so failures and
//! excerpts are compared too), and sessions with third-party SDK bundles (each twice on one thread: compiled, then
//! from the cache) are the same with the code cache off and on. With it on, the first page of each worker thread
//! compiles and the later ones run cached code, so both paths are compared.
//!
//! It turns the process-wide switch (`code_cache::set_enabled`), so it holds `engine::code_cache::tests::SWITCH_LOCK`
//! for writing while the other code cache tests hold it for reading.

#![allow(clippy::unwrap_used, reason = "test helpers: a failure is the test failing")]

use std::path::{Path, PathBuf};

use crate::Session;
use crate::conformance::report::{Format, reporter_for};
use crate::conformance::{SdkBuild, Selection, Suite, SuiteOptions, run_suite};
use crate::engine::code_cache;
use crate::parallel::map_in_order;
use crate::session::{RunOptions, SessionScript, prepare};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn goldens() -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("examples/sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    map_in_order(
        files,
        2,
        |p| prepare(SessionScript::load(&p).unwrap(), &p, &RunOptions::default()).unwrap().run().transcript_text(),
        |_, _| {},
    )
}

fn reports(sdk: &SdkBuild) -> Vec<String> {
    let suite = Suite::ce_v2().unwrap();
    let formats = [Format::Human, Format::Junit, Format::Tap, Format::Json];
    let mut outs: Vec<Vec<u8>> = vec![Vec::new(); formats.len()];
    {
        let mut reporters: Vec<_> = formats.iter().zip(outs.iter_mut()).map(|(f, o)| reporter_for(*f, o)).collect();
        let opts = SuiteOptions { selection: Selection::default(), jobs: 2, ..SuiteOptions::default() };
        run_suite(&suite, sdk, &opts, |e| reporters.iter_mut().try_for_each(|r| r.on_event(&e))).unwrap();
    }
    outs.into_iter().map(|o| String::from_utf8(o).unwrap()).collect()
}

/// A page with a third-party bundle (when the test fixtures are installed), driven for a few virtual seconds.
fn third_party(prelude: &str, bundle: &str, commands: &str) -> Option<String> {
    let source = std::fs::read_to_string(root().join("tests/fixtures/npm/node_modules").join(bundle)).ok()?;
    let mut session = Session::builder().seed(0).build();
    let inline = [("prelude".to_owned(), prelude.to_owned()), (bundle.to_owned(), source)];
    session.load("https://shop.example/", &inline).unwrap();
    session.eval(commands).unwrap();
    session.advance(5_000).unwrap();
    session.finish();
    Some(serde_json::to_string_pretty(&session.transcript()).unwrap())
}

/// Everything compared, in one vector of texts.
fn outputs() -> Vec<String> {
    let reference = SdkBuild::new("ce.js", crate::sdk::REFERENCE_SDK);
    let find = "if (!config.trackingOptIn) return; // consent gate";
    let mutant = SdkBuild::new("ce-mutant.js", crate::sdk::REFERENCE_SDK.replacen(find, "if (false) return;", 1));
    let mut out = goldens();
    out.extend(reports(&reference));
    out.extend(reports(&mutant));
    let sdks = [
        (
            "window.mixpanel = []; mixpanel._i = []; mixpanel.__SV = 1.2;",
            "mixpanel-browser/dist/mixpanel.min.js",
            "mixpanel.init('tok', {opt_out_tracking_by_default: true}); mixpanel.track('ev');",
        ),
        (
            "",
            "@amplitude/analytics-browser/lib/scripts/amplitude-min.js",
            "amplitude.init('0123456789abcdef0123456789abcdef', {optOut: true}); amplitude.track('ev');",
        ),
        ("syntax error here", "mixpanel-browser/dist/mixpanel.min.js", "1"),
    ];
    // Twice on one worker thread: the second run takes its code from the first run's cache.
    std::thread::scope(|s| {
        let worker = std::thread::Builder::new().stack_size(crate::parallel::WORKER_STACK);
        let run = || sdks.iter().chain(&sdks).filter_map(|(p, b, c)| third_party(p, b, c)).collect::<Vec<_>>();
        out.extend(worker.spawn_scoped(s, run).unwrap().join().unwrap());
    });
    out
}

#[test]
fn output_is_byte_identical_with_the_cache_off_and_on() {
    let _switch =
        crate::engine::code_cache::tests::SWITCH_LOCK.write().unwrap_or_else(std::sync::PoisonError::into_inner);
    code_cache::set_enabled(false);
    let before = code_cache::stats();
    let session = || Session::builder().build().load("https://shop.example/", &[]).unwrap();
    session();
    session();
    let after = code_cache::stats();
    assert_eq!((after.hits, after.compiled), (before.hits, before.compiled), "the switch turns the cache off");
    let off = outputs();
    code_cache::set_enabled(true);
    let on = outputs();
    assert!(off.len() >= 7 + 8, "goldens and two suite runs in four formats: {}", off.len());
    assert_eq!(off.len(), on.len());
    for (i, (a, b)) in off.iter().zip(&on).enumerate() {
        assert!(a == b, "output {i} differs between the cache off and on:\n{a}\n----\n{b}");
    }
}
