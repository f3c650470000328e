//! Property test of the jar against its own invariants: random `Set-Cookie` and `document.cookie` strings (with
//! the attributes, odd bytes, huge values and dates that break parsers), random hosts and schemes, random reads and
//! clock moves. A small seeded generator, not proptest: it needs no new dependency and every failure prints its
//! seed. `SDKHOST_FUZZ_CASES=N` runs N cases (default 60, a few seconds); `SDKHOST_FUZZ_SEED=S` replays one.

use std::cmp::Reverse;

use rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use url::Url;

use super::index::site_of;
use super::scope::in_scope;
use super::*;
use crate::clock::{DEFAULT_START, VirtualTime};

/// How many cases, and the first seed.
pub(crate) fn cases(default: u64) -> (u64, u64) {
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    match env("SDKHOST_FUZZ_SEED") {
        Some(seed) => (seed, 1),
        None => (0, env("SDKHOST_FUZZ_CASES").unwrap_or(default)),
    }
}

struct Gen(Xoshiro256PlusPlus);

impl Gen {
    fn below(&mut self, n: u64) -> u64 {
        self.0.next_u64() % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    fn token(&mut self) -> String {
        const PIECES: [&str; 24] = [
            "a",
            "b",
            "sid",
            "__Host-",
            "__Secure-",
            "=",
            ";",
            " ",
            "\t",
            "x",
            "ü",
            "\u{7f}",
            "\u{0}",
            ",",
            "\"",
            "0",
            "-1",
            "99999999999999999999",
            "=;",
            ".",
            "/",
            "%",
            "é",
            "ce.tracking-opt-in",
        ];
        let n = self.below(6);
        (0..n).map(|_| self.pick(&PIECES)).collect()
    }

    fn cookie(&mut self) -> String {
        let mut s = match self.below(10) {
            0 => self.token(),
            1 => format!("big={}", "v".repeat(self.below(5000) as usize)),
            _ => format!("{}={}", self.pick(&["a", "b", "sid", "", "__Host-h", "__Secure-s", "ce"]), self.token()),
        };
        for _ in 0..self.below(5) {
            let attr = match self.below(12) {
                0 => format!(
                    "Domain={}",
                    self.pick(&[
                        "example.com",
                        ".example.com",
                        "a.example.com",
                        "com",
                        "co.uk",
                        "",
                        "EXAMPLE.com",
                        "other.org",
                        "127.0.0.1",
                        "bücher.de"
                    ])
                ),
                1 => format!("Path={}", self.pick(&["/", "/a", "/a/b", "", "a", "/a/"])),
                2 => format!(
                    "Max-Age={}",
                    self.pick(&["0", "-1", "10", "3600", "100000000000000", "99999999999999999999", "x"])
                ),
                3 => format!(
                    "Expires={}",
                    self.pick(&[
                        "Wed, 21 Oct 2015 07:28:00 GMT",
                        "Fri, 01 Jan 2100 00:00:00 GMT",
                        "Thu, 01 Jan 1970 00:00:00 GMT",
                        "31 Dec 9999 23:59:59",
                        "junk"
                    ])
                ),
                4 => "Secure".into(),
                5 => "HttpOnly".into(),
                6 => format!("SameSite={}", self.pick(&["Lax", "Strict", "None", "bogus"])),
                7 => format!("Path=/{}", "p".repeat(self.below(1100) as usize)),
                _ => self.token(),
            };
            s.push(';');
            s.push_str(&attr);
        }
        s
    }

    fn url(&mut self) -> Url {
        let scheme = self.pick(&["https", "http"]);
        let host = self.pick(&[
            "example.com",
            "a.example.com",
            "b.a.example.com",
            "other.org",
            "localhost",
            "127.0.0.1",
            "co.uk",
            "x.co.uk",
            "xn--bcher-kva.de",
        ]);
        let path = self.pick(&["/", "/a", "/a/b", "/a/b/c.html", "/b"]);
        Url::parse(&format!("{scheme}://{host}{path}")).expect("generated url")
    }
}

/// What `visible` must return, by brute force over every cookie.
fn visible_by_scan(jar: &Jar, url: &Url) -> Vec<CookieView> {
    let mut hits: Vec<_> = jar.cookies.iter().map(|(_, e)| e).filter(|e| in_scope(&e.cookie, url)).collect();
    hits.sort_by_key(|e| (Reverse(e.cookie.path.len()), e.cookie.created, e.seq));
    hits.into_iter().map(|e| e.cookie.clone()).collect()
}

fn check(jar: &mut Jar, g: &mut Gen, now: VirtualTime) {
    let all = jar.all(now);
    assert!(all.len() <= TOTAL_MAX, "{} cookies", all.len());
    let mut per_site = std::collections::BTreeMap::<&str, usize>::new();
    for c in &all {
        *per_site.entry(site_of(&c.domain)).or_default() += 1;
        assert!(c.expires.is_none_or(|at| at > now), "expired cookie kept: {c:?}");
        assert!(c.name.len() + c.value.len() <= 4096, "oversized cookie kept");
        assert!(!c.name.is_empty() || !c.value.is_empty());
        assert!(c.path.starts_with('/'), "bad path {c:?}");
        assert!(c.expires.is_none_or(|at| at <= VirtualTime::MAX));
    }
    assert!(per_site.values().all(|n| *n <= SITE_MAX), "{per_site:?}");
    let url = g.url();
    assert_eq!(jar.visible(&url, now), visible_by_scan(jar, &url), "index disagrees with a scan for {url}");
    let document = jar.document_cookie(&url, now);
    let shown: Vec<String> = jar
        .visible(&url, now)
        .iter()
        .filter(|c| !c.http_only)
        .map(|c| if c.name.is_empty() { c.value.clone() } else { format!("{}={}", c.name, c.value) })
        .collect();
    assert_eq!(document, shown.join("; "), "document.cookie is the visible non-HttpOnly cookies in order");
    let snapshot = jar.snapshot();
    let text = serde_json::to_string(&snapshot).expect("snapshot serialises");
    let back: JarSnapshot = serde_json::from_str(&text).expect("snapshot parses back");
    assert_eq!(back, snapshot);
    assert_eq!(Jar::from_snapshot(back).all(now), jar.all(now));
}

#[test]
fn the_jar_keeps_its_invariants_under_random_writes() {
    let (first, n) = cases(60);
    for seed in first..first + n {
        let result = std::panic::catch_unwind(|| {
            let mut g = Gen(Xoshiro256PlusPlus::seed_from_u64(seed));
            let mut jar = Jar::new();
            if g.below(3) == 0 {
                jar.set_lifetime_cap(i64::MAX);
            }
            let mut now = DEFAULT_START;
            for step in 0..60 {
                let url = g.url();
                let text = g.cookie();
                match g.below(4) {
                    0 => jar.set_from_document(&url, &text, now),
                    1 => jar.set_from_host(&url, &text, now),
                    _ => jar.store_set_cookie(&url, &text, now),
                }
                if g.below(8) == 0 {
                    now = now.plus_ms(g.below(1 << 40) as i64);
                }
                if step % 10 == 0 || g.below(10) == 0 {
                    check(&mut jar, &mut g, now);
                }
            }
            // Volume: enough writes on one site to trip the per-site limit.
            for i in 0..400 {
                jar.set_from_document(&g.url(), &format!("v{i}=1"), now);
            }
            check(&mut jar, &mut g, now);
        });
        assert!(result.is_ok(), "jar fuzz case failed: rerun with SDKHOST_FUZZ_SEED={seed}");
    }
}

#[test]
fn uncapped_far_future_expiry_saturates_instead_of_wrapping_to_the_past() {
    let (mut jar, url, now) = (Jar::new(), Url::parse("https://example.com/").expect("url"), DEFAULT_START);
    jar.set_lifetime_cap(i64::MAX);
    jar.store_set_cookie(&url, "a=1; Max-Age=100000000000000", now);
    jar.store_set_cookie(&url, "b=1; Max-Age=99999999999999999999", now);
    for name in ["a", "b"] {
        let c = jar.get(&url, name, now).expect("kept");
        assert_eq!(c.expires, Some(VirtualTime::MAX), "{name}");
    }
    let text = serde_json::to_string(&jar.snapshot()).expect("json");
    assert!(text.contains("9999-12-31T23:59:59.999Z") && !text.contains("1970"), "{text}");
}
