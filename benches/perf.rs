//! Where a page's milliseconds go: `cargo bench --features bench-internals --bench perf [-- SECTION...]` (release
//! build, machine-dependent numbers; the feature exposes the page internals this bench times as `sdkhost::bench`).
//! Sections, all by default: `setup`, `modules`, `sdk`, `session`, `parallel`, `suite`, `memory`, `jsdom`.
//!
//! Prints markdown tables (median, min – max over `PERF_RUNS` runs, default 40). Each timed run starts after a forced
//! garbage collection, so it does not pay for the garbage of the run before (in a session, the next page does).
//! - `setup`: a bare Boa context, and an sdkhost page with the whole surface;
//! - `modules`: what the first touch of each lazy prelude module costs in a fresh page (with the modules it loads);
//! - `sdk`: per SDK, the phases parse / compile / evaluate (and six commands) in a bare Boa context and in an sdkhost
//!   page, and the host overhead: sdkhost page load minus the bare context doing the same work;
//! - `session`: a full session (two pages, ten commands, one navigation);
//! - `parallel`: the seven example sessions, each four times, replayed at `--jobs` 1 and 2;
//! - `suite`: the CE v2 conformance suite on the reference SDK at `--jobs` 1 and 2, each run in a child process that
//!   reports its own wall time and peak resident memory (VmHWM), so no external `time` tool is needed;
//! - `memory`: resident memory per live page for the four pages of `jsdom` (one child process each, see `perf/pages.rs`);
//! - `jsdom`: sdkhost next to jsdom (`bench/jsdom/pages.js`, needs `cd bench/jsdom && npm ci`) per page (empty, ce.js,
//!   mixpanel, amplitude) and per session, warm and cold, interleaved, and memory per live page on both sides.
//! - `scale`: hostile volumes, at most 5 runs: 60 000 timers set then cleared, and 100 000 `document.cookie` writes,
//!   each in a page (JS) and on the bare clock or jar (Rust).
//!
//! `SDKHOST_CODE_CACHE=off` runs any section without the code cache (`src/page/code_cache.rs`).
//!
//! `touch EXPR` (not a section) opens one page and evaluates EXPR, and `pages KIND N` loads N pages of a kind, for
//! `valgrind --tool=callgrind` instruction counts.
//!
//! A bench binary rather than a timed test: numbers are reported, never asserted.

#![allow(clippy::disallowed_methods, reason = "a benchmark measures real time")]
#![allow(clippy::print_stdout, reason = "a benchmark prints its table")]
#![allow(missing_docs, reason = "bench binary")]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use boa_engine::{Context, Script, Source};
use sdkhost::batch::prepare;
use sdkhost::bench::Page;
use sdkhost::bench::{BrowserProfile, Host, HostRef};
use sdkhost::sdk;
use sdkhost::suite::{Suite, run_suite};
use sdkhost::{RunOptions, SessionScript};
use sdkhost::{SdkBuild, SuiteOptions};

/// mimalloc: fewer cycles per page than the system allocator for Boa's many small allocations (README, Performance).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "perf/pages.rs"]
mod pages;

const SECTIONS: [&str; 9] = ["setup", "modules", "sdk", "session", "parallel", "suite", "memory", "jsdom", "scale"];

fn runs() -> usize {
    std::env::var("PERF_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(40).max(1)
}

struct Stats {
    median: f64,
    min: f64,
    max: f64,
}

fn stats(mut xs: Vec<f64>) -> Stats {
    xs.sort_by(f64::total_cmp);
    Stats { median: xs[xs.len() / 2], min: xs[0], max: xs[xs.len() - 1] }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn row(name: &str, s: &Stats) {
    println!("| {name} | {:.3} | {:.3} – {:.3} |", s.median, s.min, s.max);
}

fn header(title: &str) {
    println!("\n| {title} | median | min – max |\n|---|---|---|");
}

fn timed(n: usize, mut f: impl FnMut() -> f64) -> Stats {
    stats((0..n).map(|_| f()).collect())
}

fn host() -> HostRef {
    HostRef::new(Host::new(sdkhost::bench::DEFAULT_START, 0, BrowserProfile::default()))
}

fn url() -> url::Url {
    url::Url::parse("https://shop.example/").expect("url")
}

/// A bare context with the parser settings sdkhost pages use, so that the difference is the host's own work.
fn bare_context() -> Context {
    let mut ctx = Context::default();
    ctx.set_optimizer_options(sdkhost::bench::optimizer_options());
    ctx
}

/// Phases in a bare context: (context, parse, compile, evaluate) in ms.
fn bare(source: &str) -> [f64; 4] {
    // The garbage of earlier runs is collected first, so that no phase pays for it (boa_gc's heap is per thread).
    boa_gc::force_collect();
    let t0 = Instant::now();
    let mut ctx = bare_context();
    let t1 = Instant::now();
    let script = Script::parse(Source::from_bytes(source), None, &mut ctx).expect("parse");
    let t2 = Instant::now();
    script.codeblock(&mut ctx).expect("compile");
    let t3 = Instant::now();
    let _ = script.evaluate(&mut ctx);
    let _ = ctx.run_jobs();
    let t4 = Instant::now();
    [ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3)]
}

/// Phases in an sdkhost page: (setup, parse, compile, evaluate, commands) in ms.
fn hosted(source: &str, commands: &str) -> [f64; 5] {
    let h = host();
    boa_gc::force_collect();
    let t0 = Instant::now();
    let mut page = Page::open(&h, url(), sdkhost::records::PageCause::Load).expect("page");
    let t1 = Instant::now();
    let ctx = page.context();
    let script = Script::parse(Source::from_bytes(source), None, ctx).expect("parse");
    let t2 = Instant::now();
    script.codeblock(ctx).expect("compile");
    let t3 = Instant::now();
    let _ = script.evaluate(ctx);
    page.checkpoint();
    let t4 = Instant::now();
    let _ = page.eval_json(commands);
    page.advance(100);
    let t5 = Instant::now();
    [ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4)]
}

fn setup(n: usize) {
    header("page setup (ms)");
    row("bare `Context::default()`", &timed(n, || bare("")[0]));
    row("sdkhost page setup (context + surface)", &timed(n, || hosted("", "")[0]));
}

/// The first touch of each lazy module in a fresh page: what it costs and which modules it brings in.
fn modules(n: usize) {
    let touches = [
        ("window.addEventListener", "events"),
        ("window.MouseEvent", "uievents"),
        ("window.DOMException", "domexception"),
        ("window.URL", "url"),
        ("window.location", "location"),
        ("document.createElement", "dom"),
        ("window.Image", "elements"),
        ("window.Comment", "html"),
        ("window.NodeFilter", "selectors"),
        ("window.localStorage", "storage"),
        ("window.Blob", "blob"),
        ("window.FormData", "formdata"),
        ("window.MutationObserver", "mutationobserver"),
        ("window.screen", "cssom"),
        ("new XMLHttpRequest()", "xhr"),
        ("window.fetch", "fetch"),
    ];
    println!("\n| first touch (ms) | module | median | min – max | modules loaded |\n|---|---|---|---|---|");
    for (expr, module) in touches {
        let mut loaded = Vec::new();
        let s = timed(n, || {
            let h = host();
            let mut page = Page::open(&h, url(), sdkhost::records::PageCause::Load).expect("page");
            boa_gc::force_collect();
            let t = Instant::now();
            page.context().eval(Source::from_bytes(expr)).expect("touch");
            let elapsed = ms(t.elapsed());
            loaded = page.loaded_modules();
            elapsed
        });
        println!("| `{expr}` | {module} | {:.3} | {:.3} – {:.3} | {} |", s.median, s.min, s.max, loaded.join(" "));
    }
}

const CE_COMMANDS: &str = "ce({apiKey: 'k'}); ce({trackingOptIn: true}); ce('track', 'Viewed Page'); \
    ce('identify', 'u-1'); ce('update', {a: 1}); ce('track', 'Added Product', {sku: '1'});";

fn sdk_files() -> Vec<(String, String, &'static str)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![("sdk-js/ce.js".to_owned(), sdk::REFERENCE_SDK.to_owned(), CE_COMMANDS)];
    let optional = [
        ("sdk-js/dist/ce.min.js", CE_COMMANDS),
        ("tests/fixtures/npm/node_modules/mixpanel-browser/dist/mixpanel.min.js", ""),
        ("tests/fixtures/npm/node_modules/@snowplow/browser-tracker/dist/index.umd.min.js", ""),
        ("tests/fixtures/npm/node_modules/@amplitude/analytics-browser/lib/scripts/amplitude-min.js", ""),
        ("tests/fixtures/npm/node_modules/posthog-js/dist/array.js", ""),
    ];
    for (rel, cmds) in optional {
        match std::fs::read_to_string(root.join(rel)) {
            Ok(src) => {
                // mixpanel's snippet stub, so the bundle takes its normal path.
                let src = if rel.contains("mixpanel") {
                    format!("window.mixpanel = []; mixpanel._i = []; mixpanel.__SV = 1.2;\n{src}")
                } else {
                    src
                };
                out.push((rel.rsplit('/').next().unwrap_or(rel).to_owned(), src, cmds));
            }
            Err(_) => println!("(skipped {rel}: not built or not installed)"),
        }
    }
    out
}

fn sdks(n: usize) {
    header("per SDK (ms)");
    for (name, src, cmds) in sdk_files() {
        let kb = src.len() as f64 / 1024.0;
        let b: Vec<[f64; 4]> = (0..n).map(|_| bare(&src)).collect();
        let h: Vec<[f64; 5]> = (0..n).map(|_| hosted(&src, cmds)).collect();
        let col = |i: usize| stats(b.iter().map(|x| x[i]).collect());
        let colh = |i: usize| stats(h.iter().map(|x| x[i]).collect());
        println!("| **{name}** ({kb:.0} KB) | | |");
        for (i, phase) in ["context", "parse", "compile", "evaluate"].iter().enumerate() {
            row(&format!("  bare: {phase}"), &col(i));
        }
        for (i, phase) in ["setup", "parse", "compile", "evaluate"].iter().enumerate() {
            row(&format!("  sdkhost: {phase}"), &colh(i));
        }
        if !cmds.is_empty() {
            row("  sdkhost: six commands + 100 ms", &colh(4));
        }
        let bare_total: Vec<f64> = b.iter().map(|x| x.iter().sum()).collect();
        let host_total: Vec<f64> = h.iter().map(|x| x[..4].iter().sum()).collect();
        let overhead: Vec<f64> = host_total.iter().zip(&bare_total).map(|(h, b)| h - b).collect();
        row("  bare total (context + parse + compile + evaluate)", &stats(bare_total));
        row("  sdkhost page load (setup + parse + compile + evaluate)", &stats(host_total));
        row("  host overhead (sdkhost − bare, paired runs)", &stats(overhead));
    }
}

/// A full session: snippet page, ten commands, one navigation (with its pagehide), ten more virtual seconds.
fn session(n: usize) {
    header("session (ms)");
    let s = timed(n, || {
        boa_gc::force_collect();
        let t = Instant::now();
        let mut s = sdkhost::Session::builder().script(sdk::CE_SCRIPT_URL, "ce.js", sdk::REFERENCE_SDK).build();
        let page =
            sdkhost::PageTemplate { scripts: vec![("snippet.js".into(), sdk::snippet("k"))], title: "Shop".into() };
        s.load_with("https://shop.example/", page.clone(), String::new()).expect("load");
        let _ = s.eval("ce({trackingOptIn: true}); for (var i = 0; i < 5; i++) ce('track', 'E' + i);");
        let _ = s.advance(1000);
        s.navigate("https://shop.example/cart", page).expect("navigate");
        let _ = s.eval("for (var i = 0; i < 4; i++) ce('track', 'C' + i); ce('identify', 'u');");
        let _ = s.advance(10_000);
        ms(t.elapsed())
    });
    row("full session: 2 pages, 10 commands, 1 navigation", &s);
}

fn example_sessions() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sessions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("examples/sessions")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// The example sessions ×4, replayed on 1 and 2 workers (what `sdkhost replay --jobs N` does after parsing).
fn parallel(n: usize) {
    let files = example_sessions();
    let copies = 4;
    header(&format!("replay of {} example sessions ×{copies} (ms)", files.len()));
    let mut medians = Vec::new();
    for jobs in [1, 2] {
        let s = timed(n.div_ceil(4).max(3), || {
            let mut prepared = Vec::new();
            for f in files.iter().cycle().take(files.len() * copies) {
                let script = SessionScript::load(f).expect("session script");
                prepared.push(prepare(script, f, &RunOptions::default()).expect("prepare"));
            }
            let t = Instant::now();
            let reports = sdkhost::batch::map_in_order(prepared, jobs, |p| p.run(), |_, _| {});
            assert!(reports.iter().all(|r| r.passed()), "an example session failed");
            ms(t.elapsed())
        });
        row(&format!("--jobs {jobs}"), &s);
        medians.push(s.median);
    }
    println!("\nspeed-up at --jobs 2: {:.2}× on {} cores", medians[0] / medians[1], cores());
}

fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = status.lines().find(|l| l.starts_with("VmHWM:"));
    field.and_then(|l| l.split_whitespace().nth(1)?.parse().ok()).unwrap_or(0)
}

/// In the child: runs the suite once at `jobs` and prints `wall_ms peak_kib`.
fn suite_child(jobs: usize) {
    let suite = Suite::ce_v2().expect("suite");
    let build = SdkBuild::new("ce.js", sdk::REFERENCE_SDK);
    let opts = SuiteOptions { jobs, ..SuiteOptions::default() };
    let t = Instant::now();
    let report = run_suite(&suite, &build, &opts, |_| Ok(())).expect("suite ran");
    let wall = ms(t.elapsed());
    assert_eq!(report.summary.failed, 0, "the reference SDK failed a check");
    println!("{wall} {}", peak_kib());
}

fn suite(n: usize) {
    let exe = std::env::current_exe().expect("own path");
    header("CE v2 conformance suite, reference SDK (ms; one process per run)");
    let mut peaks = Vec::new();
    for jobs in [1, 2] {
        let mut walls = Vec::new();
        let mut peak = 0u64;
        for _ in 0..n.div_ceil(8).max(3) {
            let out =
                std::process::Command::new(&exe).args(["suite-child", &jobs.to_string()]).output().expect("child");
            let text = String::from_utf8_lossy(&out.stdout);
            let mut fields = text.split_whitespace();
            walls.push(fields.next().and_then(|w| w.parse().ok()).expect("child wall time"));
            peak = peak.max(fields.next().and_then(|p| p.parse().ok()).unwrap_or(0));
        }
        row(&format!("--jobs {jobs}"), &stats(walls));
        peaks.push((jobs, peak));
    }
    for (jobs, peak) in peaks {
        println!("\npeak resident memory of the suite process at --jobs {jobs}: {:.1} MiB", peak as f64 / 1024.0);
    }
}

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = status.lines().find(|l| l.starts_with("VmRSS:"));
    field.and_then(|l| l.split_whitespace().nth(1)?.parse().ok()).unwrap_or(0)
}

/// Milliseconds to evaluate `js` in a fresh page.
fn in_page(js: &str) -> f64 {
    let h = host();
    let mut page = Page::open(&h, url(), sdkhost::records::PageCause::Load).expect("page");
    boa_gc::force_collect();
    let t0 = Instant::now();
    page.context().eval(Source::from_bytes(js)).expect("scale script");
    ms(t0.elapsed())
}

fn scale(n: usize) {
    header("hostile volumes (ms)");
    let timers = "const ids = []; for (let i = 0; i < 60000; i++) ids.push(setTimeout(() => {}, 1000 + i % 977)); \
                  for (const id of ids) clearTimeout(id);";
    row("60 000 `setTimeout` then `clearTimeout` (page)", &timed(n, || in_page(timers)));
    row(
        "60 000 schedule then cancel (`Clock`)",
        &timed(n, || {
            let t0 = Instant::now();
            let mut clock = sdkhost::bench::Clock::new(sdkhost::bench::DEFAULT_START);
            let ids: Vec<_> = (0..60_000).map(|i| clock.schedule(1000 + i % 977)).collect();
            for id in ids {
                clock.cancel(id);
            }
            ms(t0.elapsed())
        }),
    );
    let cookies = "for (let i = 0; i < 100000; i++) document.cookie = 'k' + (i % 5000) + '=v' + i + '; Max-Age=3600';";
    row("100 000 `document.cookie` writes, 5 000 names (page)", &timed(n, || in_page(cookies)));
    row(
        "100 000 `set_from_document`, 5 000 names (`Jar`)",
        &timed(n, || {
            let t0 = Instant::now();
            let (mut jar, page) = (sdkhost::bench::Jar::new(), url());
            for i in 0..100_000 {
                let text = format!("k{}=v{i}; Max-Age=3600", i % 5000);
                jar.set_from_document(&page, &text, sdkhost::bench::DEFAULT_START);
                if i % 1000 == 0 {
                    jar.drain_events();
                }
            }
            ms(t0.elapsed())
        }),
    );
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    // For instruction counts: `valgrind --tool=callgrind <bench binary> touch 'document.createElement' [N]` opens N
    // pages (default 1) on one thread, each evaluating one expression, and nothing else: what the expression's modules
    // cost warm is (`touch EXPR 4` − `touch EXPR 1` − (`touch 0 4` − `touch 0 1`)) ÷ 3.
    if args.first().map(String::as_str) == Some("touch") {
        let h = host();
        for _ in 0..args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1) {
            let mut page = Page::open(&h, url(), sdkhost::records::PageCause::Load).expect("page");
            page.context().eval(Source::from_bytes(args.get(1).map_or("0", String::as_str))).expect("touch");
        }
        return;
    }
    // `valgrind --tool=callgrind <bench binary> pages ce 6` loads six pages of a kind (`empty`, `ce`, `mixpanel`,
    // `amplitude`; `session`: six runs of `bench/jsdom/session.json`) on one thread: the instructions of `pages KIND 6`
    // minus `pages KIND 1`, over 5, are a warm page's.
    if args.first().map(String::as_str) == Some("pages") {
        let kind = args.get(1).map_or("ce", String::as_str);
        for _ in 0..args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1) {
            if kind == "session" { pages::session() } else { drop(pages::page(kind)) }
        }
        return;
    }
    if args.first().map(String::as_str) == Some("memory-child") {
        pages::memory_child(args.get(1).map_or("ce", String::as_str));
        return;
    }
    if args.first().map(String::as_str) == Some("suite-child") {
        suite_child(args.get(1).and_then(|j| j.parse().ok()).unwrap_or(1));
        return;
    }
    let wanted: Vec<&str> = if args.is_empty() { SECTIONS.to_vec() } else { args.iter().map(String::as_str).collect() };
    let n = runs();
    let build = if cfg!(debug_assertions) { "dev build (dependencies at opt-level 2)" } else { "release build" };
    println!("sdkhost perf: {n} runs per row, {} cores, {build}; sections: {}", cores(), wanted.join(" "));
    for section in wanted {
        match section {
            "setup" => setup(n),
            "modules" => modules(n),
            "sdk" => sdks(n),
            "session" => session(n),
            "parallel" => parallel(n),
            "suite" => suite(n),
            "memory" => pages::memory(),
            "jsdom" => pages::compare(n),
            "scale" => scale(n.min(5)),
            other => println!("unknown section {other:?}; sections: {}", SECTIONS.join(" ")),
        }
    }
}
