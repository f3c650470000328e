//! The events of a transcript. Serialised with a `kind` tag; new kinds are added, old ones never change meaning.

use serde::{Deserialize, Serialize};

use crate::clock::VirtualTime;

/// One event and when it happened.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// Virtual time of the event.
    pub at: VirtualTime,
    /// What happened.
    #[serde(flatten)]
    pub event: Event,
}

/// Why a page opened (serialised in lowercase: `load`, `navigate`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PageCause {
    /// A typed URL: the script's `load` step, or [`Session::load`](crate::Session::load).
    Load,
    /// A followed link (`navigate` step).
    Navigate,
    /// A reload.
    Reload,
    /// Back one entry in the session history.
    Back,
    /// A navigation the page asked for (`location.href = ...`, a link, a form, a meta refresh).
    Location,
}

/// The level of a console line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ConsoleLevel {
    /// `console.debug` and `console.trace`.
    Debug,
    /// `console.log`.
    Log,
    /// `console.info`.
    Info,
    /// `console.warn`.
    Warn,
    /// `console.error`.
    Error,
}

/// Where a JS exception escaped to the host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorPhase {
    /// A classic script (file, inline or `--eval`) at the top level.
    Script,
    /// A `setTimeout`/`setInterval`/`requestAnimationFrame`/`requestIdleCallback` callback.
    Timer,
    /// An event listener.
    Event,
    /// A promise job or `queueMicrotask` callback (also runaway microtask chains).
    Microtask,
    /// A host task such as a network response delivery.
    Task,
}

/// What can happen in a session. Read back with [`Deserialize`] from the JSON it writes (a worker process streams
/// its transcript so), so a field renamed on one side is a compile error on the other, not a silently empty read.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// The session started with these inputs.
    SessionStarted {
        /// The seed of all randomness.
        seed: u64,
        /// The clock at the start.
        clock_start: crate::clock::VirtualTime,
        /// Time zone offset, in minutes east of UTC.
        tz_offset_minutes: i32,
        /// `navigator.userAgent`.
        user_agent: String,
    },
    /// A page started loading (a fresh JS realm).
    PageOpened {
        /// The page URL.
        url: String,
        /// Why it opened.
        cause: PageCause,
    },
    /// The previous page was unloaded and its JS state dropped.
    PageClosed {
        /// The page URL.
        url: String,
    },
    /// A script ran in the page.
    ScriptRun {
        /// Its URL or name.
        name: String,
        /// Where the source came from: `inline` (a page's inline script), `file:NAME` (a script URL mapped to the
        /// local file NAME) or `network` (fetched through the gate).
        origin: String,
        /// SHA-256 of the source, hex (files only).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sha256: Option<String>,
        /// Size of the source in bytes.
        bytes: usize,
    },
    /// A line the page wrote to the console.
    Console {
        /// The level.
        level: ConsoleLevel,
        /// The formatted text.
        text: String,
    },
    /// A JS exception that reached the host (the page goes on, as in a browser).
    JsError {
        /// Where it escaped.
        phase: ErrorPhase,
        /// The message, e.g. `TypeError: x is not a function`.
        message: String,
        /// `file:line:column` when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        location: Option<String>,
    },
    /// A cookie changed (set, overwritten, deleted, expired) or was refused.
    Cookie {
        /// What happened.
        change: crate::jar::CookieChange,
        /// The cookie name.
        name: String,
        /// The cookie domain.
        domain: String,
        /// The cookie path.
        path: String,
        /// The new or offered value; absent for removals.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        value: Option<String>,
        /// Who caused it.
        source: crate::jar::CookieSource,
    },
    /// The page wrote `document.cookie` (the raw text; what the jar made of it follows as `cookie` events).
    CookieWrite {
        /// The string assigned.
        text: String,
    },
    /// A request went through the gate: the request, the decision, and what the transport answered.
    Request(Box<crate::net::Exchange>),
    /// The outcome of a request reached the page (after its latency).
    Delivered {
        /// The request id.
        id: u64,
        /// The HTTP status, when there was a response.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        status: Option<u16>,
        /// The network error (or the block), when there was no response.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        error: Option<String>,
    },
    /// A budget ran out (see `crate::budget`): the page stops running scripts and the session ends here.
    BudgetExceeded {
        /// Which budget: `js_instructions`, `tasks_per_advance`, `output_bytes`.
        budget: crate::budget::Budget,
        /// Its limit.
        limit: u64,
    },
    /// A step of a session script could not be carried out; the session stops here.
    StepFailed {
        /// Index of the step.
        index: usize,
        /// Why.
        error: String,
    },
    /// The verdict of an `expect` step.
    Expectation {
        /// Index of the step.
        index: usize,
        /// Its label.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
        /// Whether every part held.
        passed: bool,
        /// What did not hold.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        failures: Vec<String>,
    },
    /// A free-form host note (a step of a session script, an event dispatched by the host).
    Step {
        /// Index of the step in the script, from 0.
        index: usize,
        /// What the step does, in short.
        summary: String,
    },
}
