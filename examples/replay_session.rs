//! Drives a session from Rust instead of a JSON script: load a page with the CrossEngage snippet, track before and
//! after consent, advance virtual time, and read what went through the gate. Offline (stub transport).
//!
//! `cargo run --example replay_session`

#![allow(clippy::print_stdout, reason = "an example prints what it found")]

use sdkhost::Event;
use sdkhost::PageTemplate;
use sdkhost::Session;
use sdkhost::sdk;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut session = Session::builder()
        .seed(7) // the same seed gives the same session ids, message ids and bytes
        .script(sdk::CE_SCRIPT_URL, sdk::REFERENCE_SDK_NAME, sdk::REFERENCE_SDK)
        .build();

    let page = PageTemplate { scripts: vec![("snippet.js".into(), sdk::snippet("demo-key"))], title: "Shop".into() };
    session.load_with("https://shop.example/", page, String::new())?;

    session.call_sdk(&[serde_json::json!("track"), serde_json::json!("Viewed Page")])?;
    session.advance(1_000)?;
    session.call_sdk(&[serde_json::json!({"trackingOptIn": true})])?;
    session.call_sdk(&[serde_json::json!("track"), serde_json::json!("Viewed Page")])?;
    session.advance(1_000)?;

    for entry in session.transcript().entries() {
        match &entry.event {
            Event::Request(ex) => {
                let verdict = if ex.is_allowed() { "allowed" } else { "blocked" };
                println!("{} {verdict} {} {}", entry.at, ex.request.method, ex.request.url);
            }
            Event::Cookie { name, value, .. } => {
                println!("{} cookie {name}={}", entry.at, value.as_deref().unwrap_or(""))
            }
            Event::JsError { message, .. } => println!("{} js error: {message}", entry.at),
            _ => {}
        }
    }
    Ok(())
}
