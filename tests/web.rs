//! The browser surface as a page script sees it: every `tests/web/*.js` fixture runs in a fresh page of a fresh
//! [`Session`] at `https://shop.example/page?x=1#h`, after `tests/web/harness.js`.
//!
//! Directives in a fixture's comments:
//! - `// url: <url>`: load the page at this URL instead;
//! - `// map: <url> <source>`: the session serves `<url>` from the one-line script `<source>`;
//! - `// advance: <ms>`: advance the virtual clock after loading (repeatable);
//! - `// expect: <line>`: the console lines of the whole session (load, advances, then closing the page) are exactly
//!   these lines in order;
//! - `// expect-error: <text>`: the session records exactly these JS errors, in order, each containing `<text>`
//!   (without it, any JS error fails the fixture).
//!
//! Failures name the fixture and list the recorded errors and console lines.

use std::path::{Path, PathBuf};

use sdkhost::Event;
use sdkhost::Session;
use sdkhost::batch::map_in_order;

const PAGE_URL: &str = "https://shop.example/page?x=1#h";

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/web");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/web exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "js") && !p.ends_with("harness.js"))
        .collect();
    files.sort();
    files
}

/// The values of `// <key>: value` comment lines.
fn directives<'a>(source: &'a str, key: &str) -> Vec<&'a str> {
    let prefix = format!("// {key}:");
    source.lines().filter_map(|l| l.trim().strip_prefix(prefix.as_str())).map(str::trim).collect()
}

/// Runs one fixture; `Err` describes the failure.
fn run_fixture(path: &Path) -> Result<(), String> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_owned();
    let harness = std::fs::read_to_string(path.with_file_name("harness.js")).map_err(|e| e.to_string())?;
    let source = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let mut builder = Session::builder();
    for map in directives(&source, "map") {
        let (url, script) = map.split_once(' ').ok_or_else(|| format!("{name}: bad map {map:?}"))?;
        builder = builder.script(url, url, script);
    }
    let mut session = builder.build();
    let url = directives(&source, "url").first().copied().unwrap_or(PAGE_URL);
    let scripts = [("harness.js".to_owned(), harness), (name.clone(), source.clone())];
    session.load(url, &scripts).map_err(|e| e.to_string())?;
    for ms in directives(&source, "advance") {
        session.advance(ms.parse().map_err(|_| format!("{name}: bad advance {ms:?}"))?).map_err(|e| e.to_string())?;
    }
    session.finish();
    let transcript = session.transcript();
    let errors: Vec<String> = transcript
        .entries()
        .iter()
        .filter_map(|e| match &e.event {
            Event::JsError { message, location, .. } => {
                Some(format!("{message} at {}", location.as_deref().unwrap_or("?")))
            }
            _ => None,
        })
        .collect();
    let console: Vec<&str> = transcript.console_lines().map(|(_, text)| text).collect();
    let expected = directives(&source, "expect");
    let expected_errors = directives(&source, "expect-error");
    let errors_ok = errors.len() == expected_errors.len()
        && errors.iter().zip(&expected_errors).all(|(got, want)| got.contains(want));
    if !errors_ok || (!expected.is_empty() && console != expected) {
        return Err(format!(
            "{name}:\n  errors: {errors:#?}\n  expected errors: {expected_errors:#?}\n  console: {console:#?}\n  expected console: {expected:#?}"
        ));
    }
    Ok(())
}

#[test]
fn web_fixtures() {
    let files = fixtures();
    assert!(!files.is_empty(), "no fixtures in tests/web");
    // Boa's parser recurses deeply: pages run on worker-sized stacks, as the CLI runs them.
    let results = map_in_order(files.clone(), 2, |f| run_fixture(&f), |_, _| {});
    let failures: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    assert!(failures.is_empty(), "{} of {} fixtures failed:\n{}", failures.len(), files.len(), failures.join("\n"));
}

/// Touches one name of every lazy prelude module, so that all of them are loaded.
const TOUCH_ALL: &str = "[Event, KeyboardEvent, DOMException, URL, location, document.body, document.body.classList, \
    NodeFilter, localStorage, Blob, FormData, MutationObserver, screen].length";

/// Page creation time: `cargo test --release --test web -- --ignored --nocapture`. Reports the median of 200 loads
/// of an empty page (close the previous page, build the context and the surface, fire the load events), and of the
/// same with every lazy module loaded by a one-line script.
#[test]
#[ignore = "timing, run by hand in release mode"]
#[expect(clippy::disallowed_methods, reason = "measures real elapsed time")]
fn page_creation_time() {
    let report = on_worker(|| {
        let mut out = String::new();
        for (label, scripts) in
            [("empty page", vec![]), ("every module loaded", vec![("all.js".into(), TOUCH_ALL.into())])]
        {
            let mut session = Session::builder().build();
            let mut samples = Vec::new();
            for _ in 0..200 {
                let start = std::time::Instant::now();
                session.load(PAGE_URL, &scripts).expect("page loads");
                samples.push(start.elapsed());
            }
            samples.sort();
            out += &format!("{label}: median {:?} over 200 loads\n", samples[samples.len() / 2]);
        }
        out
    });
    println!("{report}");
}

#[test]
fn touching_every_module_raises_nothing() {
    on_worker(|| {
        let mut session = Session::builder().build();
        let scripts = [("all.js".to_owned(), TOUCH_ALL.to_owned())];
        session.load(PAGE_URL, &scripts).unwrap();
        assert_eq!(session.transcript().js_errors().count(), 0);
        assert_eq!(eval(&mut session, TOUCH_ALL), 13);
    });
}

/// Runs `f` on a worker-sized stack (pages parse their prelude there).
fn on_worker<R: Send>(f: impl Fn() -> R + Sync) -> R {
    map_in_order(vec![()], 1, |()| f(), |_, _| {}).pop().expect("one result")
}

fn eval(session: &mut Session, js: &str) -> serde_json::Value {
    session.eval(js).expect("no exception")
}

#[test]
fn local_storage_outlives_pages_per_origin_and_session_storage_the_tab() {
    on_worker(|| {
        let mut session = Session::builder().build();
        session.open("https://shop.example/a").unwrap();
        eval(&mut session, "localStorage.setItem('id', 'u1'); sessionStorage.setItem('tab', 't1')");
        session.open("https://shop.example/b").unwrap();
        assert_eq!(eval(&mut session, "localStorage.getItem('id')"), "u1");
        assert_eq!(eval(&mut session, "sessionStorage.getItem('tab')"), "t1");
        session.open("https://other.example/").unwrap();
        assert_eq!(eval(&mut session, "localStorage.length + sessionStorage.length"), 0);
        eval(&mut session, "localStorage.setItem('x', 'other')");
        let snapshot = session.profile().local_storage;
        assert_eq!(snapshot.keys().collect::<Vec<_>>(), ["https://other.example", "https://shop.example"]);
        session.clear_storage();
        assert_eq!(eval(&mut session, "localStorage.length"), 0);
        session.open("https://shop.example/").unwrap();
        assert_eq!(eval(&mut session, "localStorage.getItem('id')"), serde_json::Value::Null);
    });
}

#[test]
fn opaque_origins_have_no_storage() {
    on_worker(|| {
        let mut session = Session::builder().build();
        session.open("data:text/html,hi").unwrap();
        let got = session.eval("localStorage");
        assert!(
            got.as_ref().is_err_and(|e| e.to_string().contains("Storage is disabled")),
            "localStorage on data: throws, got {got:?}"
        );
    });
}

#[test]
fn the_host_online_hook_toggles_navigator_and_fires_events() {
    on_worker(|| {
        let mut session = Session::builder().build();
        session.open("https://shop.example/").unwrap();
        eval(
            &mut session,
            "window.log = []; addEventListener('offline', function () { log.push('off:' + navigator.onLine); }); window.ononline = function () { log.push('on:' + navigator.onLine); };",
        );
        session.dispatch(sdkhost::HostEvent::Offline).unwrap();
        session.dispatch(sdkhost::HostEvent::Offline).unwrap();
        session.dispatch(sdkhost::HostEvent::Online).unwrap();
        assert_eq!(eval(&mut session, "log.join()"), "off:false,on:true");
    });
}

#[test]
fn host_events_reach_the_page_and_the_title_comes_from_the_template() {
    on_worker(|| {
        let mut session = Session::builder().build();
        let template = sdkhost::PageTemplate { scripts: Vec::new(), title: "  Shop \n home ".into() };
        session.load_with("https://shop.example/", template, "https://ref.example/".into()).unwrap();
        assert_eq!(eval(&mut session, "document.title"), "Shop home");
        assert_eq!(eval(&mut session, "document.referrer"), "https://ref.example/");
        eval(
            &mut session,
            "window.log = []; ['focus', 'blur'].forEach(function (t) { addEventListener(t, function (e) { \
             log.push(t + ':' + e.constructor.name); }); }); document.addEventListener('visibilitychange', \
             function () { log.push(document.visibilityState + ':' + document.hidden); });",
        );
        use sdkhost::HostEvent::{Blur, Focus, Hidden, Visible};
        for event in [Blur, Hidden, Hidden, Visible, Focus] {
            session.dispatch(event).unwrap();
        }
        assert_eq!(eval(&mut session, "log.join()"), "blur:FocusEvent,hidden:true,visible:false,focus:FocusEvent");
        eval(&mut session, "document.title = 'Cart'");
        assert_eq!(eval(&mut session, "document.querySelector('head > title').textContent"), "Cart");
    });
}

#[test]
fn feature_detection_sees_every_lazy_name_before_it_loads() {
    on_worker(|| {
        let mut session = Session::builder().build();
        session.open(PAGE_URL).unwrap();
        let names = "['URL', 'URLSearchParams', 'Blob', 'File', 'FormData', 'localStorage', 'sessionStorage', \
                     'MutationObserver', 'DOMException', 'Node', 'Element', 'HTMLElement', 'Image', 'CustomEvent', \
                     'KeyboardEvent', 'NodeFilter', 'matchMedia', 'screen', 'history', 'location', 'navigator', \
                     'addEventListener', 'onload', 'onpagehide']";
        let missing = eval(&mut session, &format!("{names}.filter(function (n) {{ return !(n in window); }})"));
        assert_eq!(missing, serde_json::json!([]));
        let types = eval(&mut session, &format!("{names}.map(function (n) {{ return typeof window[n]; }}).join()"));
        assert_eq!(
            types,
            "function,function,function,function,function,object,object,function,function,function,function,\
             function,function,function,function,object,function,object,object,object,object,function,object,object"
        );
        assert_eq!(eval(&mut session, "typeof window.DOMParser + typeof window.fetchLater"), "undefinedundefined");
    });
}

#[test]
fn location_and_history_ask_the_session_to_navigate() {
    on_worker(|| {
        let mut session = Session::builder().build();
        // A navigation the page asks for is a request through the gate: with consent it goes.
        session.set_cookie("https://shop.example/", "ce.tracking-opt-in=true; Path=/").unwrap();
        session.open("https://shop.example/a").unwrap();
        session.open("https://shop.example/b").unwrap();
        eval(&mut session, "location.hash = 'x'; history.pushState(null, '', '/b2')");
        assert_eq!(session.url().unwrap().as_str(), "https://shop.example/b2", "same document, new URL");
        eval(&mut session, "history.go(-1); history.go(-1); history.back()");
        assert_eq!(session.url().unwrap().as_str(), "https://shop.example/b2", "traversals are tasks");
        session.advance(0).unwrap();
        assert_eq!(session.url().unwrap().as_str(), "https://shop.example/a", "back past the first entry");
        eval(&mut session, "location.assign('/c?q=1')");
        assert_eq!(session.url().unwrap().as_str(), "https://shop.example/c?q=1");
        eval(&mut session, "location.search = '?q=2'");
        assert_eq!(session.url().unwrap().as_str(), "https://shop.example/c?q=2");
        eval(&mut session, "window.location = '/d'");
        assert_eq!(session.url().unwrap().as_str(), "https://shop.example/d");
        eval(&mut session, "document.location.href = 'e'");
        assert_eq!(session.url().unwrap().as_str(), "https://shop.example/e");
    });
}
