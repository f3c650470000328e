//! The reference SDK is opted out by default, proven: a page that calls every command with every argument shape —
//! valid and malformed, before and after `apiKey`, with callbacks, configuration of every key but an opt-in, page
//! hide/show and visibility changes that switch the SDK to `sendBeacon` — and never opts in, attempts no request of any
//! kind and writes no `ce.sid`/`ce.guid` cookie; and it never throws into the page.

use sdkhost::Event;
use sdkhost::PageTemplate;
use sdkhost::{Session, sdk};

const EVERY_SHAPE: &str = r#"
  var shapes = [
    ['identify', 'customer-42'], ['identify', 'customer-42', {tier: 'gold'}], ['identify', {email: 'a@b.example'}],
    ['identify', {email: 'a@b.example', businessUnit: 'DE'}, {x: 1}], ['identify'], ['identify', 42], ['identify', {}],
    ['identify', {email: 'a@b.example', businessUnit: 7}], ['identify', 'id', 'not traits'], ['identify', ''],
    ['update', {name: 'Jeff', age: 59}], ['update'], ['update', 'x'], ['update', [1, 2]], ['update', null],
    ['track', 'Viewed Page'], ['track', 'Added Product', {sku: 'E1', cart: {products: [{sku: 'E1', price: 1}]}}],
    ['track'], ['track', ''], ['track', 42], ['track', 'X', 'props'], ['track', 'X', [1]], ['track', 'X', null],
    ['page'], ['page', {section: 'a'}], ['page', 'x'], ['nonsense'], [42], [null], [undefined], [[1, 2]], [true]
  ];
  shapes.forEach(function (s) { ce.apply(window, s); });
  ce({globalEventProperties: {shop: 'DE'}, globalUserId: 'crm-7', sessionId: 'sess-1', silentLogs: false,
      rootDomain: true, forceEnablePolling: true, apiUrl: 'https://collector.example/api', unknownKey: 1});
  ce({trackingOptIn: 'true'}); ce({trackingOptIn: 1}); ce({trackingOptIn: null}); ce({trackingOptIn: false});
  ce(function (c) { window.__seen = c.trackingOptIn; }); ce(function () { throw new Error('callback boom'); });
  shapes.forEach(function (s) { ce.apply(window, s); });
"#;

#[test]
fn never_opting_in_means_no_egress_attempt_and_no_id_cookie() {
    let mut s = Session::builder().script(sdk::CE_SCRIPT_URL, sdk::REFERENCE_SDK_NAME, sdk::REFERENCE_SDK).build();
    // Commands queued before the SDK loads (the stub) and after, before the apiKey and after it.
    let pre = "ce('track', 'Before Key'); ce('identify', 'early');".to_owned();
    let page = PageTemplate {
        scripts: vec![
            (
                "pre.js".into(),
                format!(
                    "window.CrossEngageObject = 'ce'; window.ce = function () {{ (ce.q = ce.q || []).push(arguments); }}; {pre}"
                ),
            ),
            ("snippet.js".into(), sdk::snippet("demo-key")),
        ],
        title: "Shop".into(),
    };
    s.load_with("https://shop.example/", page.clone(), String::new()).expect("load");
    s.eval(EVERY_SHAPE).expect("the SDK never throws into the page");
    s.advance(10_000).expect("advance");
    s.dispatch(sdkhost::HostEvent::Pagehide).expect("pagehide");
    s.eval(EVERY_SHAPE).expect("no throw after pagehide");
    s.dispatch(sdkhost::HostEvent::Pageshow).expect("pageshow");
    s.dispatch(sdkhost::HostEvent::Hidden).expect("hidden");
    s.eval(EVERY_SHAPE).expect("no throw while hidden");
    s.dispatch(sdkhost::HostEvent::Visible).expect("visible");
    s.advance(60_000).expect("advance");
    s.reload().expect("reload");
    s.eval(EVERY_SHAPE).expect("no throw after reload");
    s.navigate("https://shop.example/cart", page).expect("navigate");
    s.eval(EVERY_SHAPE).expect("no throw on another page");
    s.advance(60_000).expect("advance");
    s.finish();

    let t = s.transcript();
    let requests = t.entries().iter().filter(|e| matches!(e.event, Event::Request(_))).count();
    assert_eq!(requests, 0, "not a single request may even be attempted");
    let ids: Vec<String> = t
        .entries()
        .iter()
        .filter_map(|e| match &e.event {
            Event::Cookie { name, .. } if name == "ce.sid" || name == "ce.guid" => Some(name.clone()),
            _ => None,
        })
        .collect();
    assert!(ids.is_empty(), "no id cookie: {ids:?}");
    let errors: Vec<String> = t
        .js_errors()
        .map(|e| match &e.event {
            Event::JsError { message, .. } => message.clone(),
            _ => String::new(),
        })
        .collect();
    assert!(errors.is_empty(), "the SDK never throws into the page: {errors:?}");
    let logged = t.console_lines().filter(|(_, l)| l.starts_with("[ce] ")).count();
    assert!(logged > 20, "misuse is logged, not thrown ({logged} lines)");
    let consent_writes: Vec<String> = t
        .entries()
        .iter()
        .filter_map(|e| match &e.event {
            Event::CookieWrite { text } if !text.starts_with("ce.probe=") => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert!(
        consent_writes.iter().all(|w| w.starts_with("ce.tracking-opt-in=false;")),
        "the only cookie an opted-out SDK writes is the explicit opt-out: {consent_writes:?}"
    );
}
