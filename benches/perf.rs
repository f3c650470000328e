//! Where a page's milliseconds go: `cargo bench --bench perf` (release build, machine-dependent numbers).
//!
//! Prints a markdown table: page setup with the full surface, then per SDK the phases parse / compile / evaluate /
//! commands both in a bare Boa context and in an sdkhost page, the host overhead (sdkhost total minus bare total), a
//! full session (two pages, ten commands, one navigation), and resident memory per live page.
//! A bench binary rather than a timed test: numbers are reported, never asserted.

#![allow(clippy::disallowed_methods, reason = "a benchmark measures real time")]
#![allow(clippy::print_stdout, reason = "a benchmark prints its table")]
#![allow(missing_docs, reason = "bench binary")]

use std::path::Path;
use std::time::{Duration, Instant};

use boa_engine::{Context, Script, Source};
use sdkhost::host::{Host, HostRef, Profile};
use sdkhost::page::Page;
use sdkhost::sdk;

const RUNS: usize = 40;

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

fn host() -> HostRef {
    HostRef::new(Host::new(sdkhost::clock::DEFAULT_START, 0, Profile::default()))
}

fn url() -> url::Url {
    url::Url::parse("https://shop.example/").expect("url")
}

/// Phases in a bare context: (parse, compile, evaluate) in ms.
fn bare(source: &str) -> [f64; 4] {
    let t0 = Instant::now();
    let mut ctx = Context::default();
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
    let t0 = Instant::now();
    let mut page = Page::open(&h, url(), "bench").expect("page");
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

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
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
                // The CE snippet's stub, or mixpanel's, so the bundles take their normal path.
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

fn main() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("sdkhost perf, {RUNS} runs each, {cores} cores, release build; times in ms\n");

    println!("| measurement | median | min – max |\n|---|---|---|");
    row("bare `Context::default()`", &stats((0..RUNS).map(|_| bare("")[0]).collect()));
    row("sdkhost page setup (context + full surface)", &stats((0..RUNS).map(|_| hosted("", "")[0]).collect()));

    for (name, src, cmds) in sdk_files() {
        let kb = src.len() as f64 / 1024.0;
        let b: Vec<[f64; 4]> = (0..RUNS).map(|_| bare(&src)).collect();
        let h: Vec<[f64; 5]> = (0..RUNS).map(|_| hosted(&src, cmds)).collect();
        let col = |v: &Vec<[f64; 4]>, i: usize| stats(v.iter().map(|x| x[i]).collect());
        let colh = |v: &Vec<[f64; 5]>, i: usize| stats(v.iter().map(|x| x[i]).collect());
        println!("| **{name}** ({kb:.0} KB) | | |");
        row("  bare: context", &col(&b, 0));
        row("  bare: parse", &col(&b, 1));
        row("  bare: compile", &col(&b, 2));
        row("  bare: evaluate", &col(&b, 3));
        row("  sdkhost: setup", &colh(&h, 0));
        row("  sdkhost: parse", &colh(&h, 1));
        row("  sdkhost: compile", &colh(&h, 2));
        row("  sdkhost: evaluate", &colh(&h, 3));
        if !cmds.is_empty() {
            row("  sdkhost: six commands + 100 ms", &colh(&h, 4));
        }
        let bare_total: Vec<f64> = b.iter().map(|x| x.iter().sum()).collect();
        let host_total: Vec<f64> = h.iter().map(|x| x[..4].iter().sum()).collect();
        let overhead: Vec<f64> = host_total.iter().zip(&bare_total).map(|(h, b)| h - b).collect();
        row("  bare total (context + parse + compile + evaluate)", &stats(bare_total));
        row("  sdkhost page load (setup + parse + compile + evaluate)", &stats(host_total));
        row("  host overhead (sdkhost − bare)", &stats(overhead));
    }

    // A full session: snippet page, ten commands, one navigation (with its pagehide), ten more virtual seconds.
    let session_runs: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            let mut s = sdkhost::Session::builder().script(sdk::CE_SCRIPT_URL, "ce.js", sdk::REFERENCE_SDK).build();
            let page = sdkhost::session::PageTemplate {
                scripts: vec![("snippet.js".into(), sdk::snippet("k"))],
                title: "Shop".into(),
            };
            s.load_with("https://shop.example/", page.clone(), String::new(), "load").expect("load");
            let _ = s.eval("ce({trackingOptIn: true}); for (var i = 0; i < 5; i++) ce('track', 'E' + i);");
            let _ = s.advance(1000);
            s.navigate("https://shop.example/cart", page).expect("navigate");
            let _ = s.eval("for (var i = 0; i < 4; i++) ce('track', 'C' + i); ce('identify', 'u');");
            let _ = s.advance(10_000);
            ms(t.elapsed())
        })
        .collect();
    row("full session: 2 pages, 10 commands, 1 navigation", &stats(session_runs));

    // Resident memory per live page with the reference SDK loaded (pages kept alive at once).
    let before = rss_kib();
    let mut pages = Vec::new();
    for _ in 0..50 {
        let h = host();
        let mut p = Page::open(&h, url(), "bench").expect("page");
        p.run_script("ce.js", &format!("{}\n{}", sdk::snippet("k"), sdk::REFERENCE_SDK), "inline", None);
        pages.push((h, p));
    }
    let after = rss_kib();
    println!(
        "\nresident memory: {:.2} MB per live page with ce.js (50 pages: {} KiB → {} KiB)",
        (after.saturating_sub(before)) as f64 / 1024.0 / 50.0,
        before,
        after
    );
    drop(pages);
}
