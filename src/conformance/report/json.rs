//! `--format json`: the [`SuiteReport`](crate::conformance::SuiteReport) as pretty JSON with a final newline (schema
//! version 1, documented in the README).

use std::io::{self, Write};

use super::Reporter;
use crate::conformance::event::SuiteEvent;

/// Writes the whole report when the run finishes.
pub(crate) struct JsonReporter<'a> {
    out: &'a mut dyn Write,
}

impl<'a> JsonReporter<'a> {
    /// A JSON reporter writing to `out`.
    pub(crate) fn new(out: &'a mut dyn Write) -> Self {
        JsonReporter { out }
    }
}

impl Reporter for JsonReporter<'_> {
    fn on_event(&mut self, event: &SuiteEvent<'_>) -> io::Result<()> {
        match event {
            SuiteEvent::Started { .. } | SuiteEvent::CheckFinished { .. } => Ok(()),
            SuiteEvent::Finished { report } => {
                serde_json::to_writer_pretty(&mut *self.out, report)?;
                writeln!(self.out)
            }
        }
    }
}
