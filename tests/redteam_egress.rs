//! Red team, egress: every way a page can make the browser send something, tried as an SDK would to track around the
//! gate. Without consent nothing may reach the transport (a counting double proves it) and each attempt must be on
//! the record, blocked, with its initiator; with consent each must go out, recorded and allowed. Also what a page may
//! not put into a request (forbidden headers, URL credentials), and the paths that are absent on purpose.
//!
//! Add a case whenever a new way out is found.

use std::cell::RefCell;
use std::rc::Rc;

use sdkhost::Session;
use sdkhost::network::{Exchange, Policy};

#[path = "redteam/shared.rs"]
mod shared;
use shared::{Counting, PATHS};

const PAGE: &str = "https://shop.example/shop/page";
const CONSENT: (&str, &str) = ("https://shop.example/", "ce.tracking-opt-in=true; Path=/");

/// Runs `js` on a fresh page with consent or not; returns (what reached the transport, the exchanges recorded).
fn run(js: &str, consent: bool, policy: Policy) -> (Vec<String>, Vec<Exchange>, Session) {
    let sent = Rc::new(RefCell::new(Vec::new()));
    let mut s = Session::builder().policy(policy).transport(Box::new(Counting(sent.clone()))).build();
    if consent {
        s.set_cookie(CONSENT.0, CONSENT.1).expect("cookie");
    }
    s.open(PAGE).expect("open");
    let out = s.eval(js);
    assert!(out.is_ok(), "{js}: {out:?}");
    s.advance(2000).expect("advance");
    let exchanges = s.transcript().exchanges();
    let reached = sent.borrow().clone();
    (reached, exchanges, s)
}

fn initiators(exchanges: &[Exchange]) -> Vec<String> {
    exchanges
        .iter()
        .map(|e| serde_json::to_value(e.request.initiator).expect("json").as_str().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn without_consent_no_path_reaches_the_transport_and_each_is_recorded() {
    for (name, expected, js) in PATHS {
        let (reached, exchanges, s) = run(js, false, Policy::default());
        assert!(reached.is_empty(), "{name}: reached the transport: {reached:?}");
        assert_eq!(initiators(&exchanges), *expected, "{name}: the blocked attempts on the record");
        assert!(exchanges.iter().all(|e| !e.is_allowed()), "{name}");
        assert_eq!(s.url().expect("page").as_str(), PAGE, "{name}: a blocked navigation leaves the page where it is");
    }
}

#[test]
fn with_consent_every_path_goes_out_recorded_and_allowed() {
    for (name, expected, js) in PATHS {
        let (reached, exchanges, _) = run(js, true, Policy::default());
        assert_eq!(reached.len(), expected.len(), "{name}: {reached:?}");
        assert_eq!(initiators(&exchanges), *expected, "{name}");
        assert!(exchanges.iter().all(Exchange::is_allowed), "{name}");
    }
}

#[test]
fn what_the_page_sees_of_allowed_and_blocked_loads() {
    let js = "['link', 'iframe', 'embed'].forEach(function (t) { var e = document.createElement(t); if (t === 'link') e.rel = 'stylesheet'; e.onload = function () { console.log(t + ' load'); }; e.onerror = function () { console.log(t + ' error'); }; e[t === 'link' ? 'href' : 'src'] = 'https://t.example/' + t; document.body.appendChild(e); });";
    for (consent, want) in
        [(false, ["link error", "iframe load", "embed error"]), (true, ["link load", "iframe load", "embed load"])]
    {
        let (_, _, s) = run(js, consent, Policy::default());
        let seen: Vec<String> = s.transcript().console_lines().map(|(_, l)| l.to_owned()).collect();
        assert_eq!(seen, want, "consent {consent}: iframes fire load either way, as browsers do");
    }
}

#[test]
fn an_allowed_navigation_moves_the_page_and_a_new_window_does_not() {
    let (_, _, s) = run("location.href = 'https://trk.shop.example/c?e=1';", true, Policy::default());
    assert_eq!(s.url().expect("page").as_str(), "https://trk.shop.example/c?e=1");
    let (_, exchanges, s) = run("var r = window.open('/popup'); console.log(String(r));", true, Policy::default());
    assert_eq!(s.url().expect("page").as_str(), PAGE);
    assert_eq!(exchanges[0].request.url.as_str(), "https://shop.example/popup");
    let (_, exchanges, _) = run(
        "var f = document.createElement('form'); f.action = '/search?old=1'; f.innerHTML = '<input name=q value=\"a b\"><input type=checkbox name=c>'; document.body.appendChild(f); f.submit();",
        true,
        Policy::default(),
    );
    assert_eq!(exchanges[0].request.url.as_str(), "https://shop.example/search?q=a+b", "GET forms replace the query");
}

#[test]
fn canceled_clicks_and_submits_make_no_request() {
    let js = "var a = document.createElement('a'); a.href = 'https://t.example/x'; a.onclick = function (e) { e.preventDefault(); }; a.click(); \
              var f = document.createElement('form'); f.action = 'https://t.example/f'; f.onsubmit = function (e) { e.preventDefault(); }; document.body.appendChild(f); f.requestSubmit(); f.remove(); f.submit(); \
              var b = document.createElement('a'); b.href = 'https://t.example/y'; b.dispatchEvent(new Event('click'));";
    let (reached, exchanges, _) = run(js, true, Policy::default());
    assert!(reached.is_empty() && exchanges.is_empty(), "{exchanges:?}");
}

#[test]
fn inert_markup_loads_nothing() {
    // Template content and iframe srcdoc are never rendered; innerHTML scripts never run.
    let js = "var t = document.createElement('template'); t.innerHTML = '<img src=\"https://t.example/t.gif\">'; \
              document.body.innerHTML = '<iframe srcdoc=\"<img src=https://t.example/sd.gif>\"></iframe><script>fetch(\"https://t.example/run\")</script>'; \
              document.body.appendChild(t.content.cloneNode(false));";
    let (reached, exchanges, _) = run(js, true, Policy::default());
    assert!(reached.is_empty() && exchanges.is_empty(), "{exchanges:?}");
}

#[test]
fn absent_on_purpose() {
    let mut s = Session::builder().build();
    s.open(PAGE).expect("open");
    let out = s
        .eval("['WebSocket', 'EventSource', 'Worker', 'SharedWorker', 'RTCPeerConnection', 'WebTransport', 'DOMParser'].filter(function (n) { return typeof window[n] !== 'undefined'; }).join()")
        .expect("no exception");
    assert_eq!(out, serde_json::json!(""), "present: {out:?}");
    let out = s.eval("typeof navigator.serviceWorker").expect("no exception");
    assert_eq!(out, serde_json::json!("undefined"));
}

#[test]
fn forbidden_headers_are_dropped_and_noted() {
    let js = "var x = new XMLHttpRequest(); x.open('POST', 'https://t.example/x'); \
              ['Host', 'Origin', 'Referer', 'Content-Length', 'Cookie', 'Connection', 'Sec-Fetch-Site', 'Proxy-Authorization', 'X-Ok'].forEach(function (h) { x.setRequestHeader(h, '1'); }); \
              x.send('{}'); \
              fetch('https://t.example/f', {method: 'POST', body: 'x', headers: {'Host': 'allowed.example', 'X-Fine': 'y'}});";
    let (_, exchanges, _) = run(js, true, Policy::default());
    let names = |e: &Exchange| e.request.headers.iter().map(|(n, _)| n.to_ascii_lowercase()).collect::<Vec<_>>();
    assert_eq!(names(&exchanges[0]), ["x-ok", "content-type"]);
    assert_eq!(
        exchanges[0].removed,
        [
            "header Host",
            "header Origin",
            "header Referer",
            "header Content-Length",
            "header Cookie",
            "header Connection",
            "header Sec-Fetch-Site",
            "header Proxy-Authorization"
        ]
    );
    assert_eq!(names(&exchanges[1]), ["x-fine", "content-type"]);
    let json = serde_json::to_value(&exchanges[1]).expect("json");
    assert_eq!(json["removed"], serde_json::json!(["header host"]));
}

#[test]
fn the_allowlist_decides_on_the_host_really_contacted() {
    let policy = Policy { allowed_hosts: Some(vec!["allowed.example".into()]), ..Policy::default() };
    let js = "var x = new XMLHttpRequest(); x.open('GET', 'https://t.example/x'); x.setRequestHeader('Host', 'allowed.example'); x.send();";
    let (reached, exchanges, _) = run(js, true, policy);
    assert!(reached.is_empty());
    assert_eq!(serde_json::to_value(exchanges[0].decision.reason).expect("json"), "host_not_allowed");
}

#[test]
fn credentials_in_urls_never_leave_nor_reach_the_record() {
    let js = "fetch('https://user:hunter2@t.example/f').then(null, function (e) { console.log('fetch ' + e.name); }); \
              try { new Request('https://u:hunter2@t.example/'); } catch (e) { console.log('request ' + e.name); } \
              var x = new XMLHttpRequest(); x.open('GET', 'https://user:hunter2@t.example/x'); x.send(); \
              new Image().src = 'https://user:hunter2@t.example/i.gif';";
    let (reached, exchanges, s) = run(js, true, Policy::default());
    let seen: Vec<String> = s.transcript().console_lines().map(|(_, l)| l.to_owned()).collect();
    assert_eq!(seen, ["request TypeError", "fetch TypeError"]);
    assert_eq!(reached, ["Xhr https://t.example/x", "Image https://t.example/i.gif"]);
    assert!(exchanges.iter().all(|e| e.removed == ["url credentials"]));
    let transcript = serde_json::to_string(&s.transcript()).expect("json");
    let har = serde_json::to_string(&sdkhost::network::to_har(&exchanges, "test")).expect("json");
    assert!(!transcript.contains("hunter2") && !har.contains("hunter2"));
}

fn sdkhost(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_sdkhost")).args(args).output().expect("run sdkhost")
}

#[test]
fn allow_host_entries_are_checked_on_the_command_line() {
    for bad in ["*", "shop.example:443", "http://shop.example", "", "shop.example/path", "*.", "a.*.example"] {
        for command in ["run", "replay"] {
            let mut args = vec![command, "--allow-host", bad];
            if command == "replay" {
                args.push("missing-session.json");
            }
            let out = sdkhost(&args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{command} --allow-host {bad:?}: {stderr}");
            assert!(stderr.contains(&format!("allowed host {bad:?}")), "{command} --allow-host {bad:?}: {stderr}");
        }
    }
}

#[test]
fn allowed_hosts_in_a_session_script_are_checked_and_idn_normalised() {
    let dir = std::env::temp_dir().join(format!("sdkhost-redteam-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"name": "bad", "allowed_hosts": ["ok.example", "*"], "steps": []}"#).expect("write");
    let out = sdkhost(&["replay", bad.to_str().expect("utf8")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(r#"allowed host "*""#) && stderr.contains("bad.json"), "{stderr}");
    // An IDN entry matches the punycode host a URL carries.
    let idn = dir.join("idn.json");
    std::fs::write(
        &idn,
        r#"{"name": "idn", "allowed_hosts": ["Bücher.example"], "cookies": [{"url": "https://shop.example/", "set": "ce.tracking-opt-in=true"}],
           "steps": [{"load": {"url": "https://shop.example/"}}, {"eval": "new Image().src = 'https://bücher.example/p.gif'"}, {"advance": "1s"},
                     {"expect": {"label": "allowed", "requests": {"count": 1, "allowed": 1}}}]}"#,
    )
    .expect("write");
    let out = sdkhost(&["replay", idn.to_str().expect("utf8")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
