//! # sdkhost
//!
//! Runs browser tracking SDKs, unmodified, inside the Boa JavaScript engine, in a host that owns the clock, the
//! randomness, the cookie jar and the network. One gate decides every outgoing request and lets it out only while the
//! consent (opt-in) cookie is present. The same inputs always give the same bytes out.
//!
//! ## The front door
//!
//! | item | what it is |
//! |---|---|
//! | [`replay()`] | run a session script (a file or a parsed [`SessionScript`]) and get its [`RunReport`] |
//! | [`conform()`] | run the CrossEngage v2 checks against an [`SdkBuild`] and get its [`SuiteReport`] |
//! | [`Session`], [`SessionBuilder`] | drive pages from Rust: load, call the SDK, advance virtual time, read the record |
//! | [`PageTemplate`], [`HostEvent`] | what a page runs while it loads; the events a session can dispatch |
//! | [`RunOptions`], [`SuiteOptions`] | overrides of a replay (seed, transport, consent, budgets); how a suite runs |
//! | [`Transcript`], [`Entry`], [`Event`], [`VirtualTime`] | the record: every event at its virtual time |
//! | [`ExpectOutcome`], [`CheckReport`], [`CheckResult`] | the verdicts inside the reports |
//! | [`Error`], [`EXIT_OK`], [`EXIT_FAILED`], [`EXIT_BAD_INPUT`], [`EXIT_CUT_SHORT`], [`EXIT_WRITE_FAILED`] | the one error type, and the exit codes of the command line |
//! | [`sdk`] | the bundled reference SDK and the CrossEngage page snippet |
//!
//! [`replay()`] and [`conform()`] run sessions on a thread of their own with the stack deep SDK code needs; a
//! [`Session`] lives on the thread that built it (Boa is `!Send`) and grows its stack where it must.
//!
//! ## Use it from Rust
//!
//! The README's section of the same name, as a test:
//!
//! ```
//! use serde_json::json;
//! use sdkhost::{Event, PageTemplate, Session, sdk};
//!
//! let mut session = Session::builder()
//!     .seed(7) // the same seed gives the same ids and bytes
//!     .script(sdk::CE_SCRIPT_URL, sdk::REFERENCE_SDK_NAME, sdk::REFERENCE_SDK)
//!     .build();
//! let page = PageTemplate { scripts: vec![("snippet.js".into(), sdk::snippet("demo-key"))], title: "Shop".into() };
//! session.load_with("https://shop.example/", page, String::new())?;
//! session.call_sdk(&[json!("track"), json!("Viewed Page")])?;
//! session.advance(1_000)?;
//! session.call_sdk(&[json!({"trackingOptIn": true})])?;
//! session.call_sdk(&[json!("track"), json!("Viewed Page")])?;
//! session.advance(1_000)?;
//!
//! let transcript = session.transcript();
//! let requests: Vec<bool> = transcript
//!     .entries()
//!     .iter()
//!     .filter_map(|e| match &e.event {
//!         Event::Request(exchange) => Some(exchange.is_allowed()),
//!         _ => None,
//!     })
//!     .collect();
//! assert_eq!(requests, [true], "silent before the opt-in, one request after it");
//! # Ok::<(), sdkhost::Error>(())
//! ```
//!
//! ## Below the front door
//!
//! The modules (`clock`, `jar`, `net`, `session`, `conformance`, ...) stay public for the command line and the
//! integration tests; their items may change between versions. The pure core (`clock`, `entropy`, `transcript`,
//! ...) never touches Boa; only `page` and the private `engine` and `web` do.

#![deny(unsafe_code)]
#![warn(unused_crate_dependencies)]

pub mod budget;
pub mod clock;
pub mod conformance;
pub mod diff;
mod engine;
mod entropy;
pub mod files;
pub mod host;
pub mod html;
pub mod jar;
mod junit;
pub mod net;
pub mod page;
pub mod parallel;
pub mod replay;
pub mod schema;
pub mod sdk;
pub mod session;
mod storage;
pub mod transcript;
mod web;
pub mod worker;

// Dependencies of the `sdkhost` binary only (the command line, the JUnit report of `replay`, its allocator).
use clap as _;
#[cfg(feature = "mimalloc")]
use mimalloc as _;
use quick_junit as _;
// A dev-dependency of tests/schemas.rs, linked into the unit tests too.
#[cfg(test)]
use jsonschema as _;

mod api;
mod error;
mod usage;

pub use api::{ScriptSource, conform, replay};
pub use clock::VirtualTime;
pub use conformance::{CheckReport, CheckResult, SdkBuild, SuiteOptions, SuiteReport};
pub use error::{EXIT_BAD_INPUT, EXIT_CUT_SHORT, EXIT_FAILED, EXIT_OK, EXIT_WRITE_FAILED, Error};
pub use session::{
    ExpectOutcome, HostEvent, PageTemplate, RunOptions, RunReport, Session, SessionBuilder, SessionScript,
};
pub use transcript::{Entry, Event, Transcript};
pub use usage::UsageError;
