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
//! | [`Error`], [`UsageError`], [`EXIT_OK`], [`EXIT_FAILED`], [`EXIT_BAD_INPUT`], [`EXIT_CUT_SHORT`], [`EXIT_WRITE_FAILED`] | the one error type (and its usage errors), and the exit codes of the command line |
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
//! Every implementation module is private. What a caller needs beyond the table above is re-exported, item by item,
//! in six facade modules named for what they are for rather than for where the code lives (so the code can move
//! without the API moving):
//!
//! | module | what it holds |
//! |---|---|
//! | [`script`] | the session script format: steps, specs, expectations |
//! | [`records`] | what transcripts, run documents and reports carry; the errors a session reports |
//! | [`network`] | the consent policy, the transports the gate owns (stub rules, one's own [`network::Transport`]), the HAR export, the local collector |
//! | [`suite`] | the conformance suite's checks, selection, events and reporters |
//! | [`batch`] | many sessions at a time, as `replay` runs them: prepare, run on threads or in worker processes, render |
//! | [`output`] | the HTML report, transcript diffs, JSON Schemas, cookie profiles, the command line's file handling |
//!
//! None of them names a Boa type, and none lets a caller send a request that the gate did not decide: the live
//! transport, the gate itself and the pages stay inside. The command line (`src/main.rs`, `src/cli/`) uses only this
//! API. The benchmarks time page internals through `sdkhost::bench`, which exists only with the `bench-internals`
//! feature (off by default). The pure core (`clock`, `entropy`, `transcript`, ...) never touches Boa; only `page`,
//! `engine` and `web` do, and the modules import each other without a cycle (`tests/module_graph.rs` checks it).

#![deny(unsafe_code)]
#![warn(missing_docs)]
#![warn(unnameable_types)]
#![warn(unused_crate_dependencies)]

// The implementation: private. What callers use is re-exported below, at the root (the front door) or in one of
// the facade modules.
mod api;
mod budget;
mod clock;
mod conformance;
mod diff;
mod engine;
mod entropy;
mod error;
mod files;
mod host;
mod html;
mod jar;
mod junit;
mod net;
mod page;
mod parallel;
mod replay;
mod run_many;
mod schema;
pub mod sdk;
mod session;
mod storage;
mod transcript;
mod usage;
mod web;
mod worker;

// Dependencies of the `sdkhost` binary only (the command line, the JUnit report of `replay`, its allocator).
use clap as _;
#[cfg(feature = "mimalloc")]
use mimalloc as _;
use quick_junit as _;
// A dev-dependency of tests/schemas.rs, linked into the unit tests too.
#[cfg(test)]
use jsonschema as _;

pub use api::{ScriptSource, conform, replay};
pub use clock::VirtualTime;
pub use conformance::{CheckReport, CheckResult, SdkBuild, SuiteOptions, SuiteReport};
pub use error::{EXIT_BAD_INPUT, EXIT_CUT_SHORT, EXIT_FAILED, EXIT_OK, EXIT_WRITE_FAILED, Error};
pub use session::{
    ExpectOutcome, HostEvent, PageTemplate, RunOptions, RunReport, Session, SessionBuilder, SessionScript,
};
pub use transcript::{Entry, Event, Transcript};
pub use usage::UsageError;

/// The session script format beyond [`SessionScript`]: its steps, the specs they carry, and the expectations.
pub mod script {
    pub use crate::session::{
        BodyPattern, CeCall, ConsentSpec, ConsoleExpect, CookieExpect, CookieSpec, Expectation, JsExpect, LifetimeCap,
        LinePattern, LoadStep, NoArgs, RequestPattern, RequestsExpect, SCRIPT_FORMAT, SameSiteExpect, ScriptError,
        SetCookieStep, Since, Step, TextPattern, TimeZone, TimeZoneError, TransportSpec,
    };
}

/// The record beyond the front door: what a transcript entry, a run document and the reports carry, and the errors
/// a session reports.
pub mod records {
    pub use crate::budget::{Budget, Cut, Exceeded};
    pub use crate::clock::TimeError;
    pub use crate::jar::{CookieChange, CookieEvent, CookieSource, CookieView, JarSnapshot, Refusal, SameSite};
    pub use crate::page::PageError;
    pub use crate::session::{
        Document, EvalResult, Head, Inputs, Observed, Partial, RunDocument, SdkInput, SessionError, Summary,
        TranscriptDocument, Verdict, page_errors_text, summary_text,
    };
    pub use crate::transcript::{ConsoleLevel, ErrorPhase, FORMAT as TRANSCRIPT_FORMAT, PageCause};
}

/// The network's parts a caller sets: the consent policy, the transport the gate owns (stub rules, a transport of
/// one's own), the HAR export, and the local tracking collector. Nothing here sends a request past the gate.
pub mod network {
    pub use crate::net::{
        Answer, BodyCut, Collector, CollectorStop, ConsentRule, Credentials, Decision, Exchange, HostPatternError,
        HostProblem, Initiator, Outcome, Policy, Reason, Request, Response, StubRule, StubTransport, Transport,
        TransportError, host_pattern, to_har,
    };
    pub use crate::session::TransportKind;
}

/// The CrossEngage v2 conformance suite beyond [`conform()`](crate::conform): its checks, selection, events and
/// reporters.
pub mod suite {
    pub use crate::conformance::report::{Format, ProgressReporter, Reporter, reporter_for};
    pub use crate::conformance::{
        Check, CheckProfile, CheckRunner, Label, NoTests, REPORT_FORMAT, RunError, SdkInfo, SelectError, Selection,
        SelectionInfo, Shard, ShardError, Suite, SuiteError, SuiteEvent, Summary as SuiteSummary, run_suite,
    };
}

/// Many sessions at a time, as `sdkhost replay` runs them: prepare every script first, run them on worker threads
/// or in worker processes, and render the report CI reads.
pub mod batch {
    pub use crate::budget::{
        Budgets, DEFAULT_BODY_RECORD_BYTES, DEFAULT_JS_INSTRUCTIONS, DEFAULT_OUTPUT_BYTES, DEFAULT_TASKS_PER_ADVANCE,
    };
    pub use crate::parallel::{WORKER_STACK, map_in_order};
    pub use crate::replay::{Format as ReportFormat, progress_line, render as render_report};
    pub use crate::run_many::{run_sessions, worker_main};
    pub use crate::session::{Prepared, SetupError, Span, SpanError, prepare};
    pub use crate::worker::{DEFAULT_MEMORY_MIB, DEFAULT_TIMEOUT, Isolation, MIN_MEMORY_MIB, WorkerError};
}

/// The files around a run: the HTML report, transcript diffs, the JSON Schemas, cookie profiles, and how the
/// command line reads inputs and writes outputs.
pub mod output {
    pub use crate::diff::{CountChange, Diff, NotATranscript, ValueChange, check_transcript, diff as diff_transcripts};
    pub use crate::files::{RefusedOutput, RunFiles, read_input, write_atomic};
    pub use crate::html::{Input as HtmlInput, LoadError, load as load_html_inputs, render as render_html};
    pub use crate::jar::{ProfileError, ProfileFile, load_profile, save_profile};
    pub use crate::schema::{DOCUMENTS as SCHEMAS, schema, schema_text};
}

/// The page and host internals the benchmarks time (feature `bench-internals`, off by default). These hold Boa
/// types and change with the engine; nothing else should use them.
#[cfg(feature = "bench-internals")]
pub mod bench {
    pub use crate::clock::{Clock, DEFAULT_START, TimerId};
    pub use crate::engine::optimizer_options;
    pub use crate::host::{BrowserProfile, Host, HostRef, MappedScript, Tap};
    pub use crate::jar::Jar;
    pub use crate::page::{EventTarget, Page};
}
