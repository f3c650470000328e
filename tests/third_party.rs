//! Third-party SDK proof (issues 3 and 15): six real tracking SDKs, unmodified, from the npm fixture in
//! `tests/fixtures/npm` (`npm ci` there; `.ci/run` does it). Each test loads the SDK's single-file build into
//! `https://shop.example/`, initialises it opted out, tracks `rsdk_ev1` and `rsdk_ev2`, opts in (the driver also sets
//! the cookie the session's gate reads as consent), tracks `rsdk_ev3`, flushes, and closes the page. It asserts that
//! no JS error was raised and no `console.error` line written, that the gate let nothing out before consent, and what
//! went out after it. Segment and RudderStack hold what was tracked before consent and send it after (a deferred
//! `load()`, a pre-consent buffer): for them `rsdk_ev1`/`rsdk_ev2` must be sent after consent, for the others never.
//!
//! The fixture is not in the repository (about 10 MB from npm), so these tests are `#[ignore]`d in a plain
//! `cargo test` and `.ci/run` runs them with `cargo test -- --ignored` after installing it; a missing fixture is then a
//! failure, never a pass that ran nothing. Set `SDKHOST_THIRD_PARTY_DUMP=<dir>` to write each run's transcript to
//! `<dir>/<sdk>.json`.

#![expect(clippy::print_stdout, reason = "the summary lines for the README table are test output")]

use std::path::PathBuf;

use sdkhost::Session;
use sdkhost::network::{ConsentRule, Exchange, Policy, StubRule};
use sdkhost::records::ConsoleLevel;
use sdkhost::{Entry, Event};

/// One SDK, the driver steps for it, and what it should send.
struct Driver {
    /// npm package name.
    package: &'static str,
    /// The pinned version (as in `tests/fixtures/npm/package.json`).
    version: &'static str,
    /// The single-file build, inside the package.
    bundle: &'static str,
    /// An inline script run before the bundle ("" for none).
    prelude: &'static str,
    /// The cookie the gate reads as consent.
    consent: ConsentRule,
    /// Stub answers (JSON array of `StubRule`s, "" for the default `200 {}`): what the SDK's server says.
    respond: &'static str,
    /// Init opted out, then track twice.
    init: &'static str,
    /// Opt in (and set the site's consent cookie), then track once more and flush.
    opt_in: &'static str,
    /// The endpoints (`METHOD host/path`) tried before consent: each at least once, and no other.
    before: &'static [&'static str],
    /// The endpoints allowed after consent: each at least once, and no other.
    after: &'static [&'static str],
    /// The fewest requests allowed after consent (what jsdom saw with the same driver).
    min_after: usize,
    /// Event names that must be in the requests allowed after consent.
    events: &'static [&'static str],
    /// Whether the SDK holds what was tracked before consent and sends it after (Segment's deferred `load()`,
    /// RudderStack's pre-consent buffer): then `rsdk_ev1`/`rsdk_ev2` must be sent after consent; otherwise never.
    held_until_consent: bool,
}

/// What a driver run produced.
struct Run {
    /// Requests between page load and the opt-in call.
    before: Vec<Exchange>,
    /// Requests from the opt-in call to the end (page close included).
    after: Vec<Exchange>,
    /// `JsError` events, as `phase: message @ location`.
    errors: Vec<String>,
    /// Console lines at warn or error level, as `Level: text`.
    warnings: Vec<String>,
}

const PAGE: &str = "https://shop.example/";

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/npm/node_modules")
}

/// The bundle's source; a missing fixture fails the test (it only runs when asked for with `--ignored`).
fn bundle(d: &Driver) -> String {
    let path = fixture_dir().join(d.package).join(d.bundle);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("{} fixture missing ({}): {e}; run `npm ci` in tests/fixtures/npm first", d.package, path.display())
    })
}

/// The requests among `entries`.
fn requests(entries: &[Entry]) -> Vec<Exchange> {
    entries
        .iter()
        .filter_map(|e| match &e.event {
            Event::Request(x) => Some((**x).clone()),
            _ => None,
        })
        .collect()
}

/// Runs the driver on a thread with a worker's stack (Boa recurses deeper than a test thread's 2 MiB allows).
fn run(d: &Driver) -> Run {
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new().stack_size(sdkhost::batch::WORKER_STACK);
        let handle = worker.spawn_scoped(scope, || drive(d)).expect("spawn the driver thread");
        handle.join().unwrap_or_else(|p| std::panic::resume_unwind(p))
    })
}

fn drive(d: &Driver) -> Run {
    let source = bundle(d);
    let policy = Policy { consent: d.consent.clone(), ..Policy::default() };
    let mut session = Session::builder().seed(0).policy(policy).build();
    if !d.respond.is_empty() {
        let rules: Vec<StubRule> = serde_json::from_str(d.respond).expect("stub rules parse");
        session.respond(rules).expect("stub transport");
    }
    let mut inline = Vec::new();
    if !d.prelude.is_empty() {
        inline.push(("prelude".to_owned(), d.prelude.to_owned()));
    }
    inline.push((format!("{}/{}", d.package, d.bundle), source));
    session.load(PAGE, &inline).expect("page loads");
    let init = session.eval(d.init);
    assert!(init.is_ok(), "{}: init threw: {init:?}", d.package);
    session.advance(5_000).expect("advance");
    let mark = session.transcript().len();
    let opt_in = session.eval(d.opt_in);
    assert!(opt_in.is_ok(), "{}: opt-in threw: {opt_in:?}", d.package);
    session.advance(5_000).expect("advance"); // flush intervals: 1 to 2 s in these drivers
    session.finish();
    let transcript = session.transcript();
    if let Some(dir) = std::env::var_os("SDKHOST_THIRD_PARTY_DUMP") {
        let name = d.package.replace('/', "_");
        let json = serde_json::to_string_pretty(&transcript).expect("transcript serialises");
        std::fs::write(PathBuf::from(dir).join(format!("{name}.json")), json).expect("dump written");
    }
    let errors = transcript
        .js_errors()
        .map(|e| match &e.event {
            Event::JsError { phase, message, location } => format!("{phase:?}: {message} @ {location:?}"),
            _ => unreachable!("js_errors yields JsError events"),
        })
        .collect();
    let warnings = transcript
        .console_lines()
        .filter(|(level, _)| *level >= ConsoleLevel::Warn)
        .map(|(level, text)| format!("{level:?}: {text}"))
        .collect();
    Run {
        before: requests(&transcript.entries()[..mark]),
        after: requests(&transcript.entries()[mark..]),
        errors,
        warnings,
    }
}

fn allowed(xs: &[Exchange]) -> Vec<&Exchange> {
    xs.iter().filter(|x| x.is_allowed()).collect()
}

/// `N attempted/M allowed`.
fn counts(xs: &[Exchange]) -> String {
    format!("{} attempted/{} allowed", xs.len(), allowed(xs).len())
}

fn describe(xs: &[Exchange]) -> String {
    let lines: Vec<String> = xs
        .iter()
        .map(|x| {
            let r = &x.request;
            let verdict = if x.is_allowed() { "allowed" } else { "blocked" };
            format!("  #{} {:?} {} {} ({verdict})", r.id, r.initiator, r.method, r.url)
        })
        .collect();
    lines.join("\n")
}

/// The standard or URL-safe base64 alphabet, padding and whitespace ignored; `None` on any other byte.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=') {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// What a request says, as text: the URL, the body, the form fields and query values, and each of those decoded
/// from base64 where it decodes, so that a test can look for an event name whatever the SDK's encoding.
fn text_of(x: &Exchange) -> String {
    let r = &x.request;
    let mut values: Vec<String> = url::form_urlencoded::parse(&r.body).map(|(_, v)| v.into_owned()).collect();
    values.extend(r.url.query_pairs().map(|(_, v)| v.into_owned()));
    values.push(String::from_utf8_lossy(&r.body).into_owned());
    let mut text = r.url.to_string();
    for value in values {
        text.push('\n');
        text.push_str(&value);
        if let Some(bytes) = base64_decode(&value) {
            text.push('\n');
            text.push_str(&String::from_utf8_lossy(&bytes));
        }
    }
    text
}

fn carries(x: &Exchange, event: &str) -> bool {
    text_of(x).contains(event)
}

/// `METHOD host/path`.
fn endpoint(x: &Exchange) -> String {
    let url = &x.request.url;
    format!("{} {}{}", x.request.method, url.host_str().unwrap_or_default(), url.path())
}

/// Asserts that the endpoints of `xs` are exactly the set `want`.
fn assert_endpoints(d: &Driver, phase: &str, xs: &[&Exchange], want: &[&str]) {
    let got: std::collections::BTreeSet<String> = xs.iter().map(|x| endpoint(x)).collect();
    let want: std::collections::BTreeSet<String> = want.iter().map(|w| (*w).to_owned()).collect();
    assert_eq!(got, want, "{}: endpoints {phase}", d.package);
}

/// Runs the driver, prints the summary line for the README table, and asserts: no JS error, nothing allowed before
/// consent, the expected endpoints tried before and allowed after it, `rsdk_ev1`/`rsdk_ev2` never sent (not even
/// attempted), and the expected events sent after consent.
fn prove(d: &Driver) {
    let run = run(d);
    let loaded = if run.errors.is_empty() { "loaded ok".to_owned() } else { format!("{} JS errors", run.errors.len()) };
    println!(
        "{} {}: {loaded}, before consent: {}, after: {}",
        d.package,
        d.version,
        counts(&run.before),
        counts(&run.after)
    );
    println!("before consent:\n{}\nafter consent:\n{}", describe(&run.before), describe(&run.after));
    for w in &run.warnings {
        println!("console: {w}");
    }
    assert!(run.errors.is_empty(), "{}: JS errors:\n{}", d.package, run.errors.join("\n"));
    // An SDK that catches its own failure often only logs it (RudderStack under Boa 0.22.0's nested-arrow bug).
    let error_logs: Vec<&String> = run.warnings.iter().filter(|w| w.starts_with("Error:")).collect();
    assert!(error_logs.is_empty(), "{}: console errors: {error_logs:#?}", d.package);
    assert!(allowed(&run.before).is_empty(), "{}: allowed before consent:\n{}", d.package, describe(&run.before));
    assert_endpoints(d, "tried before consent", &run.before.iter().collect::<Vec<_>>(), d.before);
    for ev in ["rsdk_ev1", "rsdk_ev2"] {
        for x in &run.before {
            assert!(!carries(x, ev), "{}: {ev} was tried before consent:\n{}", d.package, text_of(x));
        }
        let after = run.after.iter().filter(|x| carries(x, ev)).count();
        if d.held_until_consent {
            assert!(after > 0, "{}: {ev}, held until consent, was not sent after it", d.package);
        } else {
            assert_eq!(after, 0, "{}: {ev}, tracked before consent, was sent after it", d.package);
        }
    }
    let sent = allowed(&run.after);
    assert_endpoints(d, "allowed after consent", &sent, d.after);
    assert!(sent.len() >= d.min_after, "{}: {} allowed after consent, want >= {}", d.package, sent.len(), d.min_after);
    for ev in d.events {
        assert!(sent.iter().any(|x| carries(x, ev)), "{}: {ev} never sent after consent", d.package);
    }
}

#[test]
#[ignore = "needs the npm fixture (npm ci in tests/fixtures/npm); .ci/run runs it with --ignored"]
fn mixpanel_browser() {
    prove(&Driver {
        package: "mixpanel-browser",
        version: "2.83.0",
        bundle: "dist/mixpanel.min.js",
        prelude: "window.mixpanel = []; mixpanel._i = []; mixpanel.__SV = 1.2;",
        consent: ConsentRule::prefix("__mp_opt_in_out_", "1"),
        respond: r#"[{"url": "https://api-js.mixpanel.com/track/*", "body_json": {"status": 1, "error": null}}]"#,
        init: "mixpanel.init('rsdk_mp_token', {opt_out_tracking_by_default: true, \
               opt_out_tracking_persistence_type: 'cookie', opt_out_persistence_by_default: true, \
               batch_flush_interval_ms: 2000}); \
               mixpanel.track('rsdk_ev1'); mixpanel.track('rsdk_ev2');",
        opt_in: "mixpanel.opt_in_tracking(); mixpanel.track('rsdk_ev3');",
        before: &[],
        after: &["POST api-js.mixpanel.com/track/"],
        min_after: 2,
        events: &["$opt_in", "rsdk_ev3"],
        held_until_consent: false,
    });
}

#[test]
#[ignore = "needs the npm fixture (npm ci in tests/fixtures/npm); .ci/run runs it with --ignored"]
fn posthog_js() {
    prove(&Driver {
        package: "posthog-js",
        version: "1.449.2",
        bundle: "dist/array.js",
        prelude: "",
        consent: ConsentRule::prefix("__ph_opt_in_out_", "1"),
        respond: "",
        init: "posthog.init('phc_rsdk_token', {api_host: 'https://ph.collector.example', \
               opt_out_capturing_by_default: true, opt_out_capturing_persistence_type: 'cookie', \
               opt_out_persistence_by_default: true, request_queue_config: {flush_interval_ms: 1000}}); \
               posthog.capture('rsdk_ev1'); posthog.capture('rsdk_ev2');",
        opt_in: "posthog.opt_in_capturing(); posthog.capture('rsdk_ev3');",
        before: &[
            "GET ph.collector.example/array/phc_rsdk_token/config.js",
            "GET ph.collector.example/array/phc_rsdk_token/config",
            "POST ph.collector.example/flags/",
        ],
        after: &["POST ph.collector.example/e/"],
        min_after: 3,
        events: &["$opt_in", "rsdk_ev3", "$pageleave"],
        held_until_consent: false,
    });
}

#[test]
#[ignore = "needs the npm fixture (npm ci in tests/fixtures/npm); .ci/run runs it with --ignored"]
fn snowplow_browser_tracker() {
    prove(&Driver {
        package: "@snowplow/browser-tracker",
        version: "4.10.1",
        bundle: "dist/index.umd.min.js",
        prelude: "",
        consent: ConsentRule::exact("rsdk_sp_consent", "1"),
        respond: "",
        init: "document.cookie = 'rsdk_sp_optout=1; path=/'; \
               var sp = snowplowBrowserTracking; \
               sp.newTracker('rsdk', 'https://sp.collector.example', {appId: 'rsdk', \
               anonymousTracking: {withServerAnonymisation: true}, stateStorageStrategy: 'none'}); \
               sp.setOptOutCookie('rsdk_sp_optout'); \
               sp.trackStructEvent({category: 'rsdk', action: 'rsdk_ev1'}); \
               sp.trackStructEvent({category: 'rsdk', action: 'rsdk_ev2'});",
        opt_in: "document.cookie = 'rsdk_sp_optout=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'; \
                 document.cookie = 'rsdk_sp_consent=1; path=/'; \
                 sp.disableAnonymousTracking({stateStorageStrategy: 'cookieAndLocalStorage'}); \
                 sp.trackStructEvent({category: 'rsdk', action: 'rsdk_ev3'}); sp.flushBuffer();",
        before: &[],
        after: &["POST sp.collector.example/com.snowplowanalytics.snowplow/tp2"],
        min_after: 1,
        events: &["rsdk_ev3"],
        held_until_consent: false,
    });
}

#[test]
#[ignore = "needs the npm fixture (npm ci in tests/fixtures/npm); .ci/run runs it with --ignored"]
fn amplitude_analytics_browser() {
    prove(&Driver {
        package: "@amplitude/analytics-browser",
        version: "2.48.1",
        bundle: "lib/scripts/amplitude-min.js",
        prelude: "",
        consent: ConsentRule::exact("site_consent", "1"),
        respond: r#"[{"url": "https://api2.amplitude.com/2/httpapi", "body_json": {"code": 200}}]"#,
        init: "amplitude.init('rsdk0123456789abcdef0123456789ab', {optOut: true, flushIntervalMillis: 1000}); \
               amplitude.track('rsdk_ev1'); amplitude.track('rsdk_ev2');",
        opt_in: "document.cookie = 'site_consent=1; path=/'; amplitude.setOptOut(false); \
                 amplitude.track('rsdk_ev3'); amplitude.flush();",
        before: &["GET sr-client-cfg.amplitude.com/config/rsdk0123456789abcdef0123456789ab"],
        after: &["POST api2.amplitude.com/2/httpapi"],
        min_after: 2,
        events: &["rsdk_ev3", "session_start", "[Amplitude] Page Viewed", "$identify"],
        held_until_consent: false,
    });
}

#[test]
#[ignore = "needs the npm fixture (npm ci in tests/fixtures/npm); .ci/run runs it with --ignored"]
fn segment_analytics_next() {
    prove(&Driver {
        package: "@segment/analytics-next",
        version: "1.84.3",
        bundle: "dist/umd/index.js",
        prelude: "",
        consent: ConsentRule::exact("site_consent", "1"),
        respond: "",
        init: "window.analytics = new AnalyticsNext.AnalyticsBrowser(); \
               analytics.track('rsdk_ev1'); analytics.track('rsdk_ev2');",
        opt_in: "document.cookie = 'site_consent=1; path=/'; \
                 analytics.load({writeKey: 'rsdk_seg_key', cdnSettings: {integrations: \
                 {'Segment.io': {apiKey: 'rsdk_seg_key', apiHost: 'api.segment.io/v1'}}}}); \
                 analytics.track('rsdk_ev3');",
        before: &[],
        after: &["POST api.segment.io/v1/t"],
        min_after: 3,
        events: &["rsdk_ev3"],
        held_until_consent: true,
    });
}

#[test]
#[ignore = "needs the npm fixture (npm ci in tests/fixtures/npm); .ci/run runs it with --ignored"]
fn rudderstack_analytics_js() {
    prove(&Driver {
        package: "@rudderstack/analytics-js",
        version: "3.34.1",
        bundle: "dist/npm/modern/bundled/umd/index.js",
        prelude: "",
        consent: ConsentRule::exact("site_consent", "1"),
        respond: "",
        init: "window.ra = new rudderanalytics.RudderAnalytics(); \
               ra.load('rsdk_rs_key', 'https://rs.dataplane.example', { \
               getSourceConfig: function () { return {source: {id: 'rsdk_src', name: 'rsdk', writeKey: 'rsdk_rs_key', \
               enabled: true, workspaceId: 'rsdk_ws', config: {}, destinations: []}}; }, \
               polyfillIfRequired: false, \
               consentManagement: {enabled: true, provider: 'custom'}, \
               preConsent: {enabled: true, storage: {strategy: 'none'}, events: {delivery: 'buffer'}}}); \
               ra.track('rsdk_ev1'); ra.track('rsdk_ev2');",
        opt_in: "document.cookie = 'site_consent=1; path=/'; \
                 ra.consent({consentManagement: {allowedConsentIds: ['analytics'], deniedConsentIds: []}}); \
                 ra.track('rsdk_ev3');",
        before: &[],
        after: &["POST rs.dataplane.example/v1/track"],
        min_after: 3,
        events: &["rsdk_ev3"],
        held_until_consent: true,
    });
}

/// The example sessions in `examples/third-party/` (one per SDK above, each runnable with
/// `sdkhost replay examples/third-party/NAME.json` once the fixture is installed) pass their expectations.
#[test]
#[ignore = "needs the npm fixture (npm ci in tests/fixtures/npm); .ci/run runs it with --ignored"]
fn the_third_party_example_sessions_pass() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/third-party");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).expect("the folder").map(|e| e.expect("entry").path()).collect();
    files.sort();
    assert_eq!(files.len(), 6, "{files:?}");
    for file in files {
        let report = std::thread::scope(|scope| {
            let worker = std::thread::Builder::new().stack_size(sdkhost::batch::WORKER_STACK);
            let run = || {
                let script = sdkhost::SessionScript::load(&file).expect("the script parses");
                let opts = sdkhost::RunOptions::default();
                sdkhost::batch::prepare(script, &file, &opts).expect("the fixture is installed").run()
            };
            worker.spawn_scoped(scope, run).expect("spawn").join().unwrap_or_else(|p| std::panic::resume_unwind(p))
        });
        assert!(report.passed(), "{}", sdkhost::records::summary_text(&report));
    }
}
