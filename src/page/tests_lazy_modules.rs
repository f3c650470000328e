//! What a page compiles: the surface beyond the always-present core is lazy modules (`src/web/modules.rs`), each
//! compiled on a page's first touch of one of its names. These tests pin the modules that a fresh page and the
//! reference SDK's page need, so that a change which makes every page compile more JS (each KB costs ~0.2 ms per
//! page) shows up here rather than only in `cargo bench --features bench-internals --bench perf`.

use crate::Session;
use crate::host::{BrowserProfile, Host, HostRef};
use crate::page::Page;
use crate::sdk;

fn page() -> Page {
    let host = HostRef::new(Host::new(crate::clock::DEFAULT_START, 0, BrowserProfile::default()));
    Page::open(&host, url::Url::parse("https://shop.example/").expect("url"), crate::transcript::PageCause::Load)
        .expect("page")
}

#[test]
fn a_fresh_page_compiles_no_module() {
    assert_eq!(page().loaded_modules(), Vec::<String>::new());
}

#[test]
fn loading_the_reference_sdk_compiles_only_events() {
    let mut page = page();
    assert!(page.run_script("ce.js", sdk::REFERENCE_SDK, "inline", None));
    assert_eq!(page.loaded_modules(), ["events"]);
}

#[test]
fn a_tracking_page_compiles_what_it_uses() {
    let mut session = Session::builder().script(sdk::CE_SCRIPT_URL, "ce.js", sdk::REFERENCE_SDK).build();
    let snippet = [("snippet.js".to_owned(), sdk::snippet("k"))];
    session.load("https://shop.example/", &snippet).expect("load");
    let page = session.page().expect("page");
    assert_eq!(page.loaded_modules(), ["dom", "events"], "snippet: createElement('script') and its load event");
    session.eval("ce({trackingOptIn: true}); ce('track', 'Viewed Page');").expect("no exception");
    let page = session.page().expect("page");
    assert_eq!(page.loaded_modules(), ["body", "cssom", "dom", "events", "location", "xhr"]);
}
