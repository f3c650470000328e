//! The record of a session: a versioned, typed, append-only list of events, each stamped with virtual time.
//!
//! It holds no wall-clock time, machine path or process id, so two runs of the same inputs compare with `cmp`.

mod event;

pub use event::{ConsoleLevel, Entry, ErrorPhase, Event, PageCause};

use serde::Serialize;

use crate::clock::VirtualTime;

/// The transcript format version, written as `format` and bumped on incompatible changes.
pub const FORMAT: u32 = 1;

/// Everything a session recorded, in the order it happened.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Transcript {
    entries: Vec<Entry>,
}

impl Transcript {
    /// An empty transcript.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `event` at virtual time `at`.
    pub fn record(&mut self, at: VirtualTime, event: Event) {
        self.entries.push(Entry { at, event });
    }

    /// Appends an entry.
    pub fn push(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// All entries, oldest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// How many entries there are; an index to read "what happened since".
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing has been recorded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The console lines recorded so far, as `(level, text)`.
    pub fn console_lines(&self) -> impl Iterator<Item = (ConsoleLevel, &str)> {
        self.entries.iter().filter_map(|e| match &e.event {
            Event::Console { level, text } => Some((*level, text.as_str())),
            _ => None,
        })
    }

    /// Every request that went through the gate, in order (for the HAR export and expectations).
    pub fn exchanges(&self) -> Vec<crate::net::Exchange> {
        self.entries
            .iter()
            .filter_map(|e| match &e.event {
                Event::Request(ex) => Some((**ex).clone()),
                _ => None,
            })
            .collect()
    }

    /// The JS errors recorded so far.
    pub fn js_errors(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| matches!(e.event, Event::JsError { .. }))
    }

    /// What went wrong in the pages, for summaries: each JS error and each `console.error` line (an SDK that catches
    /// its own failure often only logs it), as `<virtual time> JS error: <message>` or
    /// `<virtual time> console.error: <text>`, in order.
    pub fn page_errors(&self) -> Vec<String> {
        self.entries
            .iter()
            .filter_map(|e| match &e.event {
                Event::JsError { message, .. } => Some(format!("{} JS error: {message}", e.at)),
                Event::Console { level: ConsoleLevel::Error, text } => Some(format!("{} console.error: {text}", e.at)),
                _ => None,
            })
            .collect()
    }
}
