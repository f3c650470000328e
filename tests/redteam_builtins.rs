//! Red team, builtins: before each egress path runs, the page replaces the builtins the prelude might use on the way
//! (`tests/redteam/builtins.js`: Array.prototype methods and its iterator, String.prototype and RegExp methods,
//! Function.prototype call/apply/bind, FormData, URLSearchParams, URL, Blob, JSON, Promise, Map and other globals,
//! getters and setters on Object.prototype and Array.prototype) by spies that note each call and answer something
//! wrong. For every path, warm (the lazy modules loaded before the attack) and cold (they load after it):
//! - no spy is called while the path runs: a browser never calls page-replaced builtins to make a request, and a
//!   call would hand the page what the host was working on (an internal array, an element's state);
//! - the transcript records the same requests as on a page that replaced nothing, for the real page URL;
//! - the gate still decides: without consent nothing reaches the transport and each attempt is a blocked record,
//!   with consent each is allowed.

use std::cell::RefCell;
use std::rc::Rc;

use sdkhost::Session;
use sdkhost::network::Exchange;

#[path = "redteam/shared.rs"]
mod shared;
use shared::{Counting, PATHS};

const SPIES: &str = include_str!("redteam/builtins.js");
const PAGE: &str = "https://shop.example/shop/page";
const CONSENT: (&str, &str) = ("https://shop.example/", "ce.tracking-opt-in=true; Path=/");

/// Paths the shared list leaves to other suites: script requests, bodies and modules.
const MORE: &[(&str, &[&str], &str)] = &[
    // (The init has no prototype: a browser reads absent dictionary members through the page's getters too.)
    (
        "fetch",
        &["fetch"],
        "fetch('https://t.example/f?a=1', { __proto__: null, method: 'POST', body: '{\"e\":1}', headers: { __proto__: null, 'X-A': '1' } });",
    ),
    (
        "XMLHttpRequest",
        &["xhr"],
        "var x = new XMLHttpRequest(); x.open('POST', 'https://t.example/x'); x.setRequestHeader('X-B', '2'); x.send('q=1');",
    ),
    ("sendBeacon", &["beacon"], "navigator.sendBeacon('https://t.example/beacon', 'payload');"),
    ("import()", &["script"], "import('https://t.example/m.mjs');"),
    (
        "form GET with a submitter",
        &["form"],
        "document.body.innerHTML = '<form action=\"/s?old=1\"><input name=q value=\"a b\"><input type=checkbox name=c checked value=y><button name=go value=1 id=b>Go</button></form>'; document.getElementById('b').click();",
    ),
    (
        "form multipart",
        &["form"],
        "document.body.innerHTML = '<form action=\"https://t.example/m\" method=post enctype=multipart/form-data><input name=a value=1><textarea name=t>x</textarea></form>'; document.forms[0].submit();",
    ),
    (
        "form text/plain",
        &["form"],
        "document.body.innerHTML = '<form action=\"https://t.example/p\" method=post enctype=text/plain><input name=a value=1><input name=b value=2></form>'; document.forms[0].requestSubmit();",
    ),
    (
        "a ping with several URLs",
        &["ping", "ping", "anchor"],
        "var a = document.createElement('a'); a.href = 'https://t.example/n'; a.ping = ' https://t.example/p1\\nhttps://t.example/p2 '; a.click();",
    ),
];

/// Loads every lazy module an egress path needs without making a request.
const WARM: &str = "document.createElement('img'); document.createElement('video'); document.createElement('a').click(); \
    document.createElement('div').innerHTML = '<b></b>'; new FormData(); new XMLHttpRequest(); new Headers(); \
    document.createElement('form').method; location.href;";

const KINDS: &[&str] = &["array", "string", "function", "globals", "accessors"];

struct Outcomes {
    reached: Vec<String>,
    exchanges: Vec<Exchange>,
    spies: String,
    errors: Vec<String>,
}

/// Runs `js` on a fresh page, `attack` installed just before it (or none), warm or cold.
fn run(js: &str, attack: Option<&str>, consent: bool, warm: bool) -> Outcomes {
    let sent = Rc::new(RefCell::new(Vec::new()));
    let mut s = Session::builder().transport(Box::new(Counting(sent.clone()))).build();
    if consent {
        s.set_cookie(CONSENT.0, CONSENT.1).expect("cookie");
    }
    s.open(PAGE).expect("open");
    let eval = |s: &mut Session, js: &str| s.eval(js).unwrap_or_else(|e| panic!("{js}: {e}"));
    if warm {
        eval(&mut s, WARM);
    }
    eval(&mut s, SPIES);
    if let Some(kind) = attack {
        eval(&mut s, &format!("rtb.install('{kind}'); 0"));
    }
    // Armed for the path and everything it queues (loads, navigations), disarmed before anything reads the report.
    let thrown = match s.eval(&format!("rtb.arm(); {js}\n0")) {
        Ok(_) => None,
        Err(sdkhost::records::SessionError::Script(message)) => Some(message),
        Err(e) => panic!("page: {e}"),
    };
    s.advance(2000).expect("advance");
    eval(&mut s, "typeof rtb === 'object' && rtb.disarm(); 0");
    let calls: Vec<String> =
        s.transcript().console_lines().filter_map(|(_, l)| l.strip_prefix("rtb ").map(str::to_owned)).collect();
    let spies = format!(
        "calls: {}{}",
        calls.len(),
        if calls.is_empty() { String::new() } else { format!(" {}", calls.join("; ")) }
    );
    let mut errors: Vec<String> = s.transcript().js_errors().map(|e| format!("{:?}", e.event)).collect();
    errors.extend(thrown.map(|e| format!("the path threw {e}")));
    let exchanges = s.transcript().exchanges();
    let reached = sent.borrow().clone();
    Outcomes { reached, exchanges, spies, errors }
}

/// What must not change under an attack: each request as recorded, with its decision.
fn record(exchanges: &[Exchange]) -> Vec<serde_json::Value> {
    exchanges.iter().map(|e| serde_json::to_value(e).expect("json")).collect()
}

fn initiators(exchanges: &[Exchange]) -> Vec<String> {
    exchanges
        .iter()
        .map(|e| serde_json::to_value(e.request.initiator).expect("json").as_str().unwrap_or("").to_owned())
        .collect()
}

/// Every path under `kind`, with and without consent, warm or cold: the faults found.
fn faults(kind: &str, warm: bool) -> Vec<String> {
    let mut out = Vec::new();
    for (name, expected, js) in PATHS.iter().chain(MORE) {
        if kind == "function" && js.contains(".call(") {
            continue; // the page calls `call` itself there
        }
        for consent in [false, true] {
            {
                let at = format!("{kind} / {name} / consent {consent} / warm {warm}");
                let honest = run(js, None, consent, warm);
                assert_eq!(initiators(&honest.exchanges), *expected, "{at}: the honest page");
                let attacked = run(js, Some(kind), consent, warm);
                if attacked.spies != "calls: 0" {
                    out.push(format!("{at}: page builtins called: {}", attacked.spies));
                }
                if record(&attacked.exchanges) != record(&honest.exchanges) {
                    out.push(format!(
                        "{at}: recorded {:?}, honest {:?}",
                        record(&attacked.exchanges),
                        record(&honest.exchanges)
                    ));
                }
                if attacked.errors != honest.errors {
                    out.push(format!("{at}: errors {:?}", attacked.errors));
                }
                if attacked.exchanges.iter().any(|e| e.request.page_url.as_str() != PAGE) {
                    out.push(format!("{at}: a request for another page URL"));
                }
                let gate_ok = if consent {
                    attacked.reached.len() == attacked.exchanges.len()
                        && attacked.exchanges.iter().all(Exchange::is_allowed)
                } else {
                    attacked.reached.is_empty() && attacked.exchanges.iter().all(|e| !e.is_allowed())
                };
                if !gate_ok || attacked.exchanges.len() != expected.len() {
                    out.push(format!(
                        "{at}: gate: reached {:?}, recorded {}",
                        attacked.reached,
                        attacked.exchanges.len()
                    ));
                }
            }
        }
    }
    out
}

fn check(kind: &str, warm: bool) {
    let found = faults(kind, warm);
    assert!(found.is_empty(), "{} faults under '{kind}' (warm {warm}):\n{}", found.len(), found.join("\n"));
}

#[test]
fn the_spies_notice_a_call_and_steer_what_they_answer() {
    // The detector must be able to fail: a page calling a spied method while armed is noted and misled.
    let mut s = Session::builder().build();
    s.open(PAGE).expect("open");
    s.eval(SPIES).expect("spies");
    let out = s
        .eval("rtb.install('array'); rtb.install('accessors'); rtb.arm(); var r = [1, 2].join('-'); var o = {}; o.cur = 1; rtb.disarm(); r + ' ' + rtb.report()")
        .expect("no exception");
    assert_eq!(
        out,
        serde_json::json!("https://evil.example/ calls: 2 join(this OBJECT, string); set cur(this OBJECT, number)")
    );
    assert_eq!(KINDS.len(), 5);
}

#[test]
fn page_replaced_array_methods_and_iterator_do_not_reach_egress() {
    check(KINDS[0], true);
}

#[test]
fn page_replaced_string_and_regexp_methods_do_not_reach_egress() {
    check(KINDS[1], true);
}

#[test]
fn page_replaced_call_apply_bind_do_not_reach_egress() {
    check(KINDS[2], true);
}

#[test]
fn page_replaced_globals_do_not_reach_egress() {
    check(KINDS[3], true);
}

#[test]
fn page_accessors_on_prototypes_do_not_reach_egress() {
    check(KINDS[4], true);
}

/// Cold: the page replaces builtins before the modules an egress path needs have loaded, so the modules' own set-up
/// (defining classes and members) runs under the page's builtins too.
#[test]
fn modules_loading_after_the_page_replaced_builtins_are_sealed_too() {
    let found: Vec<String> = KINDS.iter().flat_map(|kind| faults(kind, false)).collect();
    assert!(found.is_empty(), "{} faults (cold):\n{}", found.len(), found.join("\n"));
}
