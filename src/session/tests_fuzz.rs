//! Seeded fuzzing of the inputs a user or a page controls: the session script parser (mutated example scripts),
//! HAR import (mutated HAR documents, then requests against what loaded), and the gate's policy (random requests,
//! cookies and rules against the rule it must implement). The jar has its own property test (`src/jar/fuzz.rs`).
//!
//! A small seeded generator rather than proptest or cargo-fuzz: no new dependency, runs inside `cargo test` in a
//! few seconds, and every failure names the seed that replays it. `SDKHOST_FUZZ_CASES=N` runs N cases per target
//! (longer runs on demand); `SDKHOST_FUZZ_SEED=S` replays one case.

use std::path::Path;

use rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use url::Url;

use crate::net::{ConsentRule, Initiator, Policy, Reason, ReplayMode, ReplayTransport, Request, Transport};
use crate::session::SessionScript;

fn cases(default: u64) -> std::ops::Range<u64> {
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    match env("SDKHOST_FUZZ_SEED") {
        Some(seed) => seed..seed + 1,
        None => 0..env("SDKHOST_FUZZ_CASES").unwrap_or(default),
    }
}

/// Runs `case` for each seed, naming the seed of a failure.
fn each_case(default: u64, case: impl Fn(&mut Gen) + std::panic::RefUnwindSafe) {
    for seed in cases(default) {
        let result = std::panic::catch_unwind(|| case(&mut Gen(Xoshiro256PlusPlus::seed_from_u64(seed))));
        assert!(result.is_ok(), "fuzz case failed: rerun with SDKHOST_FUZZ_SEED={seed}");
    }
}

struct Gen(Xoshiro256PlusPlus);

impl Gen {
    fn below(&mut self, n: usize) -> usize {
        (self.0.next_u64() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// A mutated copy of `text`: a few splices of JSON-ish tokens, deletions, duplications and truncation.
    fn mutate(&mut self, text: &str) -> String {
        const TOKENS: [&str; 22] = [
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"",
            "null",
            "true",
            "-1",
            "1e999",
            "18446744073709551616",
            "9223372036854775808",
            "\"x\"",
            "\"\\u0000\"",
            "\"15mo\"",
            "\"-1s\"",
            "\"http://\"",
            "\"::\"",
            "\"https://a.example/\"",
            " ",
            "\"9999999999y\"",
        ];
        let mut bytes = text.as_bytes().to_vec();
        for _ in 0..1 + self.below(4) {
            let at = self.below(bytes.len() + 1);
            match self.below(4) {
                0 => {
                    let token = self.pick(&TOKENS).as_bytes().to_vec();
                    bytes.splice(at..at, token);
                }
                1 => {
                    let end = (at + self.below(12)).min(bytes.len());
                    bytes.drain(at..end);
                }
                2 => {
                    let end = (at + self.below(40)).min(bytes.len());
                    let copy = bytes[at..end].to_vec();
                    bytes.splice(at..at, copy);
                }
                _ => bytes.truncate(at.max(bytes.len().saturating_sub(self.below(8)))),
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

fn example_scripts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sessions");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("examples").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("read")).collect()
}

#[test]
fn the_session_script_parser_never_panics_and_points_inside_the_text() {
    let scripts = example_scripts();
    each_case(3000, |g| {
        let which = g.below(scripts.len());
        let text = g.mutate(&scripts[which]);
        match SessionScript::parse(&text, Path::new("fuzz.json")) {
            Ok(script) => assert!(!script.steps.is_empty()),
            Err(e) => {
                let lines = text.lines().count().max(1);
                assert!(e.line <= lines + 1, "line {} of {lines}: {e}", e.line);
                assert!(e.to_string().starts_with("session script fuzz.json:"), "{e}");
            }
        }
    });
}

const HAR: &str = r#"{"log": {"version": "1.2", "creator": {"name": "t", "version": "1"}, "entries": [
  {"startedDateTime": "2026-01-01T00:00:00.000Z", "time": 20,
   "request": {"method": "POST", "url": "https://trk.example/api/track?x=1", "httpVersion": "HTTP/1.1",
     "cookies": [], "headers": [{"name": "Content-Type", "value": "text/plain"}], "queryString": [],
     "postData": {"mimeType": "text/plain", "text": "{\"a\":1}"}, "headersSize": -1, "bodySize": 7},
   "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": [],
     "headers": [{"name": "Set-Cookie", "value": "sid=1; Path=/"}],
     "content": {"size": 2, "mimeType": "application/json", "text": "{}"}, "redirectURL": "", "headersSize": -1,
     "bodySize": 2},
   "cache": {}, "timings": {"send": 0, "wait": 20, "receive": 0}},
  {"startedDateTime": "2026-01-01T00:00:01.000Z", "time": 5,
   "request": {"method": "GET", "url": "https://trk.example/pixel.gif", "httpVersion": "HTTP/1.1", "cookies": [],
     "headers": [], "queryString": [], "headersSize": -1, "bodySize": 0},
   "response": {"status": 204, "statusText": "", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [],
     "content": {"size": 0, "mimeType": "", "encoding": "base64", "text": "AAEC"}, "redirectURL": "",
     "headersSize": -1, "bodySize": 0},
   "cache": {}, "timings": {"send": 0, "wait": 5, "receive": 0}}
]}}"#;

#[test]
fn har_import_never_panics_and_what_loads_answers_requests() {
    assert!(ReplayTransport::from_har_str(HAR, "seed.har", ReplayMode::Strict).is_ok(), "the seed HAR loads");
    each_case(3000, |g| {
        let text = g.mutate(HAR);
        let mode = if g.below(2) == 0 { ReplayMode::Strict } else { ReplayMode::Lenient };
        let Ok(mut replay) = ReplayTransport::from_har_str(&text, "fuzz.har", mode) else { return };
        let page = Url::parse("https://shop.example/").expect("url");
        for _ in 0..4 {
            let url =
                g.pick(&["https://trk.example/api/track?x=1", "https://trk.example/pixel.gif", "https://x.example/"]);
            let method = g.pick(&["GET", "POST", "PUT"]);
            let req = Request::new(method, Url::parse(url).expect("url"), page.clone(), Initiator::Xhr);
            let _ = replay.send(&req);
        }
    });
}

#[test]
fn the_policy_allows_exactly_what_its_rule_says() {
    each_case(5000, |g| {
        let consent = match g.below(3) {
            0 => ConsentRule::default(),
            1 => ConsentRule::exact(g.pick(&["c", "ce.tracking-opt-in", ""]), g.pick(&["true", "1", ""])),
            _ => ConsentRule::prefix(g.pick(&["__mp_opt_in_out_", "c", ""]), g.pick(&["1", "true"])),
        };
        let allowed_hosts = match g.below(3) {
            0 => None,
            1 => Some(vec![g.pick(&["trk.example", "*.example", "*.trk.example", "TRK.example", "*."]).to_owned()]),
            _ => Some(vec![]),
        };
        let policy =
            Policy { consent: consent.clone(), allowed_hosts: allowed_hosts.clone(), deny_all: g.below(5) == 0 };
        let url = g.pick(&[
            "https://trk.example/a",
            "http://a.trk.example/",
            "https://example/",
            "ftp://trk.example/",
            "data:,x",
            "https://TRK.EXAMPLE/",
            "https://xtrk.example/",
            "https://127.0.0.1/",
        ]);
        let page = Url::parse("https://shop.example/").expect("url");
        let req = Request::new("POST", Url::parse(url).expect("url"), page, Initiator::Beacon);
        let names = ["ce.tracking-opt-in", "c", "__mp_opt_in_out_abc", "x", ""];
        let values = ["true", "1", "false", ""];
        let cookies: Vec<(String, String)> =
            (0..g.below(4)).map(|_| (g.pick(&names).to_owned(), g.pick(&values).to_owned())).collect();
        let decision = policy.decide(&req, &cookies);
        let names_match =
            |n: &str| if consent.name_is_prefix { n.starts_with(&consent.name) } else { n == consent.name };
        let consented = cookies.iter().any(|(n, v)| names_match(n) && *v == consent.value);
        let host = req.url.host_str().unwrap_or_default().to_ascii_lowercase();
        let host_ok = allowed_hosts.as_ref().is_none_or(|list| {
            list.iter().any(|e| {
                let e = e.to_ascii_lowercase();
                match e.strip_prefix("*.") {
                    Some(base) => host.len() > base.len() + 1 && host.ends_with(&format!(".{base}")),
                    None => host == e,
                }
            })
        });
        let scheme_ok = matches!(req.url.scheme(), "http" | "https");
        let expected = !policy.deny_all && scheme_ok && host_ok && consented;
        assert_eq!(decision.allowed, expected, "{policy:?} {url} {cookies:?} → {decision:?}");
        assert_eq!(decision.allowed, decision.reason == Reason::Consent);
        if policy.deny_all {
            assert_eq!(decision.reason, Reason::DenyAll);
        }
    });
}
