//! The transcript document a run writes (`replay --out`), as types: [`Document`] with its [`Inputs`] and
//! [`Summary`]. Serialised field by field in the order of the format (`format`, `name`, `inputs`, `events`,
//! `final_jar`, `summary`), so the bytes are those of `tests/golden/*.transcript.json`.

use serde::{Deserialize, Serialize};

use super::script::TransportKind;
use crate::budget::Exceeded;
use crate::clock::VirtualTime;
use crate::jar::CookieView;
use crate::net::Policy;
use crate::transcript::Entry;

/// One script URL the session maps to a local file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SdkInput {
    /// The script URL.
    pub url: String,
    /// The file's name (as the script gives it).
    pub name: String,
    /// SHA-256 of the source, hex.
    pub sha256: String,
    /// Size of the source in bytes.
    pub bytes: usize,
}

/// What a run started from: everything that decides its bytes.
#[derive(Debug, Clone, Serialize)]
pub struct Inputs {
    /// The seed of `Math.random` and `crypto`.
    pub seed: u64,
    /// The virtual clock's start.
    pub clock_start: VirtualTime,
    /// The time zone, minutes east of UTC.
    pub tz_offset_minutes: i32,
    /// The mapped scripts.
    pub sdk: Vec<SdkInput>,
    /// The gate's policy.
    pub policy: Policy,
    /// The transport.
    pub transport: TransportKind,
}

/// The head of a transcript document: what a worker sends before anything runs.
#[derive(Debug, Clone, Serialize)]
pub struct Head<'a> {
    /// [`crate::transcript::FORMAT`].
    pub format: u32,
    /// The script's name.
    pub name: &'a str,
    /// What the run starts from.
    pub inputs: &'a Inputs,
}

/// The counts and the end of a run, as the transcript's `summary`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Steps carried out (a failed step counts).
    pub steps: usize,
    /// Requests through the gate.
    pub requests: usize,
    /// Of those, allowed.
    pub allowed: usize,
    /// Of those, blocked.
    pub blocked: usize,
    /// JS errors recorded.
    pub js_errors: usize,
    /// Expectations that held.
    pub expectations_passed: usize,
    /// Expectations that did not.
    pub expectations_failed: usize,
    /// The step that could not be carried out (or what cut the session short), if any.
    pub step_error: Option<String>,
    /// `timed_out` or `crashed` when a worker did not finish (absent otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_by: Option<String>,
    /// Virtual time at the end.
    pub ended_at: VirtualTime,
    /// The budget that ended the session (absent otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_exceeded: Option<Exceeded>,
}

/// A whole transcript document.
#[derive(Debug, Clone, Serialize)]
pub struct Document<'a> {
    /// [`crate::transcript::FORMAT`].
    pub format: u32,
    /// The script's name.
    pub name: &'a str,
    /// What the run started from.
    pub inputs: &'a Inputs,
    /// Every event, in order.
    pub events: &'a [Entry],
    /// The cookie jar at the end.
    pub final_jar: &'a [CookieView],
    /// The counts and the end.
    pub summary: &'a Summary,
}
