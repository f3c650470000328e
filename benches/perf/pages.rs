//! sdkhost next to jsdom, per page and per session, in one command
//! (`cargo bench --features bench-internals --bench perf -- jsdom`), and resident memory per live page (`memory`).
//!
//! The four pages, the same work on both sides (the jsdom side is `bench/jsdom/pages.js`):
//! - `empty`: a document loads and nothing runs;
//! - `ce`: the snippet and `sdk-js/ce.js`, opted in, one track (its request answered at once);
//! - `mixpanel`: the snippet stub and `mixpanel.min.js` (mixpanel-browser, from the test fixtures);
//! - `amplitude`: `amplitude-min.js` (@amplitude/analytics-browser, from the test fixtures).
//!
//! Warm: pages after the first on one thread (sdkhost: compiled code cached) or in one Node process (jsdom: JIT
//! warm). Cold: the first page of a fresh thread (sdkhost: empty code cache; the process is warm) or of a fresh
//! `node` process (jsdom; loading jsdom itself is not timed). Rounds alternate between the two sides.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::Instant;

use sdkhost::PageTemplate;
use sdkhost::Session;
use sdkhost::sdk;

use super::{ms, rss_kib, stats};

/// The pages compared, in table order.
pub(crate) const KINDS: [&str; 4] = ["empty", "ce", "mixpanel", "amplitude"];
const MIXPANEL_STUB: &str = "window.mixpanel = []; mixpanel._i = []; mixpanel.__SV = 1.2;";
const URL: &str = "https://shop.example/";

fn fixture(rel: &str) -> Option<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/npm/node_modules");
    std::fs::read_to_string(root.join(rel)).ok()
}

/// The inline scripts of a page kind; `None` when its SDK is not installed.
fn scripts(kind: &str) -> Option<Vec<(String, String)>> {
    Some(match kind {
        "empty" => Vec::new(),
        "ce" => vec![("snippet.js".into(), sdk::snippet("bench-key"))],
        "mixpanel" => vec![
            ("stub.js".into(), MIXPANEL_STUB.into()),
            ("mixpanel.min.js".into(), fixture("mixpanel-browser/dist/mixpanel.min.js")?),
        ],
        "amplitude" => {
            vec![("amplitude-min.js".into(), fixture("@amplitude/analytics-browser/lib/scripts/amplitude-min.js")?)]
        }
        _ => return None,
    })
}

/// Loads one page of `kind` in a new session (what `sdkhost replay` does for a `load` step) and returns it open.
pub(crate) fn page(kind: &str) -> Session {
    let inline = scripts(kind).expect("page kind available");
    let mut s = Session::builder().script(sdk::CE_SCRIPT_URL, "ce.js", sdk::REFERENCE_SDK).build();
    s.load(URL, &inline).expect("page loads");
    if kind == "ce" {
        let r = s.eval("ce({trackingOptIn: true}); ce('track', 'Viewed Page');");
        assert!(r.is_ok(), "ce page: {r:?}");
    }
    s
}

/// `bench/jsdom/session.json` in process: snippet + ce.js, opt-in, ten commands, one navigation.
pub(crate) fn session() {
    let mut s = Session::builder().script(sdk::CE_SCRIPT_URL, "ce.js", sdk::REFERENCE_SDK).build();
    let template = |title: &str| PageTemplate {
        scripts: vec![("snippet.js".into(), sdk::snippet("bench-key"))],
        title: title.into(),
    };
    s.load_with(URL, template("Shop"), String::new()).expect("load");
    let _ = s.eval("ce({trackingOptIn: true}); for (var i = 0; i < 5; i++) ce('track', 'Event ' + i, {i: i});");
    let _ = s.advance(1000);
    s.navigate("https://shop.example/cart", template("Cart")).expect("navigate");
    let _ = s.eval("for (var i = 0; i < 4; i++) ce('track', 'Cart ' + i, {i: i}); ce('identify', 'customer-42');");
    let _ = s.advance(10_000);
    s.finish();
}

/// Wall time of one page (or session, `kind` = `session`) on this thread, in ms.
fn time_one(kind: &str) -> f64 {
    boa_gc::force_collect();
    let t = Instant::now();
    if kind == "session" {
        session();
    } else {
        drop(page(kind));
    }
    ms(t.elapsed())
}

/// The first page of `kind` on a fresh thread (empty code cache).
fn time_cold(kind: &str) -> f64 {
    std::thread::scope(|s| {
        let worker = std::thread::Builder::new().stack_size(sdkhost::batch::WORKER_STACK);
        worker.spawn_scoped(s, || time_one(kind)).expect("spawn").join().expect("cold page")
    })
}

/// A `node pages.js` process answering one request per line.
struct Jsdom {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Jsdom {
    fn start() -> Option<Jsdom> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/jsdom");
        if !dir.join("node_modules/jsdom").exists() {
            println!("\n(jsdom comparison skipped: run `cd bench/jsdom && npm ci` first)");
            return None;
        }
        let mut child = Command::new("node")
            .args(["--expose-gc", "pages.js"])
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| println!("\n(jsdom comparison skipped: cannot run node: {e})"))
            .ok()?;
        let stdin = child.stdin.take()?;
        let stdout = BufReader::new(child.stdout.take()?);
        Some(Jsdom { child, stdin, stdout })
    }

    fn ask(&mut self, request: &str) -> String {
        writeln!(self.stdin, "{request}").expect("write to node");
        let mut line = String::new();
        self.stdout.read_line(&mut line).expect("read from node");
        line.trim().to_owned()
    }

    /// Wall times (ms) of `n` pages of `kind`.
    fn times(&mut self, kind: &str, n: usize) -> Vec<f64> {
        self.ask(&format!("{kind} {n}")).split_whitespace().map(|t| t.parse().expect("a time")).collect()
    }
}

impl Drop for Jsdom {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn cell(xs: Vec<f64>) -> (f64, String) {
    let s = stats(xs);
    (s.median, format!("{:.2} ({:.2} – {:.2})", s.median, s.min, s.max))
}

/// The `jsdom` section: per page kind and per session, warm and cold, both sides interleaved; then memory.
pub(crate) fn compare(n: usize) {
    let Some(mut jsdom) = Jsdom::start() else { return };
    let mut kinds: Vec<&str> = KINDS.iter().copied().filter(|k| scripts(k).is_some()).collect();
    kinds.push("session");
    let rounds = n.div_ceil(5).max(3);
    let batch = 5;
    let cold_samples = n.div_ceil(8).max(3);
    println!(
        "\n| jsdom vs sdkhost (ms per page; median (min – max); warm: {rounds} alternating rounds of {batch}, cold: \
         {cold_samples} samples) | jsdom warm | sdkhost warm | sdkhost ÷ jsdom | jsdom cold | sdkhost cold | \
         sdkhost ÷ jsdom |\n|---|---|---|---|---|---|---|"
    );
    for kind in kinds {
        time_one(kind); // warm-up: the code cache and the allocator
        jsdom.times(kind, 2);
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            ours.extend((0..batch).map(|_| time_one(kind)));
            theirs.extend(jsdom.times(kind, batch));
        }
        let (mut ours_cold, mut theirs_cold) = (Vec::new(), Vec::new());
        for _ in 0..cold_samples {
            ours_cold.push(time_cold(kind));
            if let Some(mut fresh) = Jsdom::start() {
                theirs_cold.extend(fresh.times(kind, 1));
            }
        }
        let ((j, jt), (s, st)) = (cell(theirs), cell(ours));
        let ((jc, jct), (sc, sct)) = (cell(theirs_cold), cell(ours_cold));
        println!("| {kind} | {jt} | {st} | {:.2} | {jct} | {sct} | {:.2} |", s / j, sc / jc);
    }
    println!("\n| resident memory per live page (MiB) | jsdom window | sdkhost page |\n|---|---|---|");
    for kind in KINDS.iter().filter(|k| scripts(k).is_some()) {
        let theirs: f64 = jsdom.ask(&format!("memory {kind} 40")).parse().unwrap_or(f64::NAN);
        println!("| {kind} | {theirs:.2} | {:.2} |", memory_of(kind));
    }
}

/// Resident memory per live page of `kind`, measured in a child process (see [`memory_child`]).
pub(crate) fn memory_of(kind: &str) -> f64 {
    let exe = std::env::current_exe().expect("own path");
    let out = Command::new(exe).args(["memory-child", kind]).output().expect("memory child");
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap_or(f64::NAN)
}

/// In a fresh process: three pages of `kind` opened and closed (one-time costs: code cache, allocator arenas, Boa's
/// interned names), ten kept open, then 40 more; prints the resident memory growth over those 40, in MiB per page.
pub(crate) fn memory_child(kind: &str) {
    for _ in 0..3 {
        drop(page(kind));
    }
    let mut open: Vec<Session> = (0..10).map(|_| page(kind)).collect();
    boa_gc::force_collect();
    let base = rss_kib();
    open.extend((0..40).map(|_| page(kind)));
    boa_gc::force_collect();
    let per_page = rss_kib().saturating_sub(base) as f64 / 1024.0 / 40.0;
    println!("{per_page:.3}");
    drop(open);
}

/// The `memory` section: resident memory per live page of each kind (sdkhost only; `jsdom` adds jsdom's).
pub(crate) fn memory() {
    println!(
        "\n| resident memory per live page (MiB): RSS growth from 10 to 50 open pages, fresh process after a \
         warm-up | MiB |\n|---|---|"
    );
    for kind in KINDS.iter().filter(|k| scripts(k).is_some()) {
        println!("| {kind} | {:.2} |", memory_of(kind));
    }
}
