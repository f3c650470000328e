//! Budgets: what page code may make one session do before the host ends it. Hostile or broken code (an endless loop,
//! a 0 ms interval over a day of virtual time, a console flood, a 16 MiB beacon) ends as a recorded outcome instead
//! of a hang or a run out of memory. Each budget that ends a session is named in the transcript and the summary.
//!
//! Pure data: the page enforces the JS and task budgets, the host the output and body ones. What the engine cannot
//! stop (a catastrophic regex, native recursion, a huge allocation) is bounded by the worker process instead (see
//! [`crate::worker`]).

use std::time::Duration;

use serde::Serialize;

/// The limits of one session. `Budgets::default()` suits CI: generous for real SDK bundles, small enough that a
/// runaway ends within seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Budgets {
    /// VM instructions the scripts of one page may run (all its scripts, timers and events together).
    pub js_instructions_per_page: u64,
    /// Tasks (timer callbacks, deliveries, script loads) one advance of the clock may run.
    pub tasks_per_advance: u64,
    /// Bytes of the transcript's events (as JSON) one session may record.
    pub output_bytes: u64,
    /// Bytes of a request body the transcript keeps; a longer body is recorded as its first bytes, its length and
    /// its SHA-256. It is not an ending: the session goes on.
    pub body_record_bytes: usize,
}

/// Default of [`Budgets::js_instructions_per_page`]: a few seconds of Boa; real SDK bundles load in a few million.
pub const DEFAULT_JS_INSTRUCTIONS: u64 = 1_000_000_000;
/// Default of [`Budgets::tasks_per_advance`].
pub const DEFAULT_TASKS_PER_ADVANCE: u64 = 1_000_000;
/// Default of [`Budgets::output_bytes`]: 64 MiB.
pub const DEFAULT_OUTPUT_BYTES: u64 = 64 * 1024 * 1024;
/// Default of [`Budgets::body_record_bytes`]: 64 KiB.
pub const DEFAULT_BODY_RECORD_BYTES: usize = 64 * 1024;

impl Default for Budgets {
    fn default() -> Self {
        Budgets {
            js_instructions_per_page: DEFAULT_JS_INSTRUCTIONS,
            tasks_per_advance: DEFAULT_TASKS_PER_ADVANCE,
            output_bytes: DEFAULT_OUTPUT_BYTES,
            body_record_bytes: DEFAULT_BODY_RECORD_BYTES,
        }
    }
}

/// A budget that can end a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Budget {
    /// [`Budgets::js_instructions_per_page`].
    JsInstructions,
    /// [`Budgets::tasks_per_advance`].
    TasksPerAdvance,
    /// [`Budgets::output_bytes`].
    OutputBytes,
}

impl Budget {
    /// The name in transcripts and messages: `js_instructions`, `tasks_per_advance`, `output_bytes`.
    pub fn name(self) -> &'static str {
        match self {
            Budget::JsInstructions => "js_instructions",
            Budget::TasksPerAdvance => "tasks_per_advance",
            Budget::OutputBytes => "output_bytes",
        }
    }

    /// The command-line flag that sets it.
    pub fn flag(self) -> &'static str {
        match self {
            Budget::JsInstructions => "--max-js-instructions",
            Budget::TasksPerAdvance => "--max-tasks-per-advance",
            Budget::OutputBytes => "--max-output-bytes",
        }
    }

    /// Its limit in `budgets`.
    pub fn limit(self, budgets: &Budgets) -> u64 {
        match self {
            Budget::JsInstructions => budgets.js_instructions_per_page,
            Budget::TasksPerAdvance => budgets.tasks_per_advance,
            Budget::OutputBytes => budgets.output_bytes,
        }
    }
}

/// A budget ran out: the session ends here.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, serde::Deserialize)]
#[error("budget exceeded: {} (limit {limit}, {})", budget.name(), budget.flag())]
pub struct Exceeded {
    /// Which one.
    pub budget: Budget,
    /// Its limit.
    pub limit: u64,
}

/// What cut a session (or check) short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cut {
    /// A budget ran out (the worker, or this process, ended the session cleanly).
    Budget(Exceeded),
    /// It ran past the wall-time limit and its worker was killed.
    TimedOut(Duration),
    /// Its worker died: stack overflow, out of memory, a signal, a panic.
    Crashed(String),
}

impl Cut {
    /// `budget_exceeded`, `timed_out` or `crashed`, as transcripts name it.
    pub fn kind(&self) -> &'static str {
        match self {
            Cut::Budget(_) => "budget_exceeded",
            Cut::TimedOut(_) => "timed_out",
            Cut::Crashed(_) => "crashed",
        }
    }
}

impl std::fmt::Display for Cut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cut::Budget(e) => write!(f, "{e}"),
            Cut::TimedOut(d) => write!(f, "timed out after {} (--timeout)", seconds(*d)),
            Cut::Crashed(why) => write!(f, "crashed: {why}"),
        }
    }
}

fn seconds(d: Duration) -> String {
    if d.subsec_millis() == 0 { format!("{} s", d.as_secs()) } else { format!("{:.1} s", d.as_secs_f64()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_the_budget_its_limit_and_flag() {
        let e = Exceeded { budget: Budget::TasksPerAdvance, limit: 10 };
        assert_eq!(e.to_string(), "budget exceeded: tasks_per_advance (limit 10, --max-tasks-per-advance)");
    }

    #[test]
    fn budgets_parse_partially_and_reject_unknown_fields() {
        let b: Budgets = serde_json::from_str(r#"{"tasks_per_advance": 5}"#).unwrap();
        assert_eq!(b, Budgets { tasks_per_advance: 5, ..Budgets::default() });
        assert!(serde_json::from_str::<Budgets>(r#"{"tasks": 5}"#).is_err());
    }
}
