//! The gate-bypass matrix: ways a page can make a request (XHR, fetch, sendBeacon, `new Image().src`, `<img>` and
//! `<script src>` inserted into the document, `location.href` to another site and to the same site, `srcset`,
//! `<link>`, `<iframe>` from markup, `new Audio`, `innerHTML`, a link click, `form.submit()`, `window.open`) against
//! every consent situation (`tests/redteam_egress.rs` has every path, with and without consent).
//! Without a consent cookie visible to the page URL nothing reaches the transport (a counting double proves it); with
//! one, everything does. What the page sees of a blocked request is what a browser shows for a failed one.

use std::cell::RefCell;
use std::rc::Rc;

use sdkhost::Event;
use sdkhost::Session;
use sdkhost::network::{Request, StubTransport, Transport};

/// A transport that counts what reaches it, answering like the stub.
struct Counting(Rc<RefCell<Vec<String>>>);

impl Transport for Counting {
    fn name(&self) -> &str {
        "counting"
    }
    fn send(&mut self, req: &Request) -> sdkhost::network::Answer {
        self.0.borrow_mut().push(format!("{:?} {}", req.initiator, req.url));
        StubTransport::default_answer()
    }
}

/// Each way out, with what the page reports when it fails (logged as `seen: ...`).
const WAYS: [(&str, &str); 16] = [
    (
        "xhr",
        "var x = new XMLHttpRequest(); x.open('POST', 'https://t.example/x'); x.onload = function () { console.log('seen: xhr ' + x.status); }; x.onerror = function () { console.log('seen: xhr error ' + x.status); }; x.send('{}');",
    ),
    (
        "fetch",
        "fetch('https://t.example/f', {method: 'POST', body: '{}'}).then(function (r) { console.log('seen: fetch ' + r.status); }, function (e) { console.log('seen: fetch rejected ' + e.name); });",
    ),
    ("beacon", "console.log('seen: beacon ' + navigator.sendBeacon('https://t.example/b', 'x'));"),
    (
        "image",
        "var i = new Image(); i.onload = function () { console.log('seen: image load'); }; i.onerror = function () { console.log('seen: image error'); }; i.src = 'https://t.example/i.gif';",
    ),
    (
        "img element",
        "var m = document.createElement('img'); m.onerror = function () { console.log('seen: img error'); }; m.onload = function () { console.log('seen: img load'); }; m.src = 'https://t.example/p.gif'; document.body.appendChild(m);",
    ),
    (
        "script element",
        "var s = document.createElement('script'); s.onerror = function () { console.log('seen: script error'); }; s.onload = function () { console.log('seen: script load'); }; s.src = 'https://t.example/s.js'; document.head.appendChild(s);",
    ),
    ("navigation", "location.href = 'https://t.example/leave?id=42';"),
    ("same-site navigation", "location.href = 'https://trk.shop.example/c?id=42';"),
    ("img srcset", "document.createElement('img').srcset = 'https://t.example/s.gif 1x';"),
    (
        "link",
        "var l = document.createElement('link'); l.rel = 'prefetch'; l.href = 'https://t.example/l'; document.head.appendChild(l);",
    ),
    ("iframe", "document.body.insertAdjacentHTML('beforeend', '<iframe src=\"https://t.example/f\"></iframe>');"),
    ("media", "new Audio('https://t.example/a.mp3');"),
    ("innerHTML img", "document.body.innerHTML = '<img src=https://t.example/h.gif>';"),
    (
        "a.click()",
        "var a = document.createElement('a'); a.href = 'https://t.example/a'; document.body.appendChild(a); a.click();",
    ),
    (
        "form.submit()",
        "document.body.innerHTML = '<form method=post action=\"https://t.example/f\"><input name=e value=1></form>'; document.forms[0].submit();",
    ),
    ("window.open", "window.open('https://t.example/w');"),
];

/// Runs one way with `cookie` (Set-Cookie text for `https://shop.example/`, if any); returns (reached transport,
/// requests recorded, what the page logged).
fn run(way: &str, cookie: Option<(&str, &str)>) -> (usize, usize, Vec<String>) {
    let sent = Rc::new(RefCell::new(Vec::new()));
    let mut s = Session::builder().transport(Box::new(Counting(sent.clone()))).build();
    if let Some((url, text)) = cookie {
        s.set_cookie(url, text).expect("cookie");
    }
    s.open("https://shop.example/shop/page").expect("open");
    s.eval(way).expect("no exception");
    s.advance(100).expect("advance");
    let t = s.transcript();
    let recorded = t.entries().iter().filter(|e| matches!(e.event, Event::Request(_))).count();
    let seen = t.console_lines().map(|(_, l)| l.to_owned()).collect();
    let reached = sent.borrow().len();
    (reached, recorded, seen)
}

#[test]
fn without_consent_nothing_reaches_any_transport() {
    let situations: [(&str, Option<(&str, &str)>); 5] = [
        ("no cookie", None),
        ("opt-out value", Some(("https://shop.example/", "ce.tracking-opt-in=false; Path=/"))),
        ("consent on another path", Some(("https://shop.example/other/", "ce.tracking-opt-in=true; Path=/other"))),
        ("consent for another site", Some(("https://elsewhere.example/", "ce.tracking-opt-in=true; Path=/"))),
        ("consent for a sibling host", Some(("https://blog.shop.example/", "ce.tracking-opt-in=true; Path=/"))),
    ];
    for (situation, cookie) in situations {
        for (name, js) in WAYS {
            let (reached, recorded, seen) = run(js, cookie);
            assert_eq!(reached, 0, "{situation} / {name}: a request reached the transport");
            assert_eq!(recorded, 1, "{situation} / {name}: the attempt is on the record");
            let expected = match name {
                "xhr" => Some("seen: xhr error 0"),
                "fetch" => Some("seen: fetch rejected TypeError"),
                "beacon" => Some("seen: beacon false"),
                "image" => Some("seen: image error"),
                "img element" => Some("seen: img error"),
                "script element" => Some("seen: script error"),
                _ => None,
            };
            if let Some(e) = expected {
                assert_eq!(seen, [e], "{situation} / {name}: what the page sees of a blocked request");
            }
        }
    }
}

#[test]
fn with_consent_every_way_reaches_the_transport() {
    let cookies = [
        ("https://shop.example/", "ce.tracking-opt-in=true; Path=/"),
        ("https://shop.example/shop/", "ce.tracking-opt-in=true; Path=/shop"),
        ("https://www.shop.example/", "ce.tracking-opt-in=true; Path=/; Domain=shop.example"),
    ];
    for cookie in cookies {
        for (name, js) in WAYS {
            let (reached, recorded, seen) = run(js, Some(cookie));
            assert_eq!(reached, 1, "{cookie:?} / {name}: the request must go out");
            assert!(recorded >= 1, "{name}");
            let expected = match name {
                "xhr" => Some("seen: xhr 200"),
                "fetch" => Some("seen: fetch 200"),
                "beacon" => Some("seen: beacon true"),
                "image" => Some("seen: image load"),
                "img element" => Some("seen: img load"),
                "script element" => Some("seen: script load"),
                _ => None,
            };
            if let Some(e) = expected {
                assert_eq!(seen, [e], "{cookie:?} / {name}");
            }
        }
    }
}

#[test]
fn the_allowlist_and_deny_all_block_even_with_consent() {
    use sdkhost::network::Policy;
    for (policy, reason) in [
        (Policy { allowed_hosts: Some(vec!["*.crossengage.io".into()]), ..Policy::default() }, "host_not_allowed"),
        (Policy { deny_all: true, ..Policy::default() }, "deny_all"),
    ] {
        let sent = Rc::new(RefCell::new(Vec::new()));
        let mut s = Session::builder().policy(policy).transport(Box::new(Counting(sent.clone()))).build();
        s.set_cookie("https://shop.example/", "ce.tracking-opt-in=true; Path=/").expect("cookie");
        s.open("https://shop.example/").expect("open");
        s.eval(WAYS[0].1).expect("no exception");
        s.advance(100).expect("advance");
        assert!(sent.borrow().is_empty());
        let t = s.transcript();
        let decision = t
            .entries()
            .iter()
            .find_map(|e| match &e.event {
                Event::Request(ex) => Some(serde_json::to_value(&ex.decision).expect("json")),
                _ => None,
            })
            .expect("recorded");
        assert_eq!(decision["allowed"], false);
        assert_eq!(decision["reason"], reason);
    }
}
