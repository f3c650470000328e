//! One line per finished check (`[ 3/52] pass  consent.opt-in-sends`), for a terminal while the suite runs.

use std::io::{self, Write};

use super::Reporter;
use crate::conformance::event::SuiteEvent;

/// Writes a start line and one line per check as it is reported.
pub struct ProgressReporter<'a> {
    out: &'a mut dyn Write,
}

impl<'a> ProgressReporter<'a> {
    /// A progress reporter writing to `out` (usually stderr).
    pub fn new(out: &'a mut dyn Write) -> Self {
        ProgressReporter { out }
    }
}

impl Reporter for ProgressReporter<'_> {
    fn on_event(&mut self, event: &SuiteEvent<'_>) -> io::Result<()> {
        match event {
            SuiteEvent::Started { suite, sdk, selection, total } => writeln!(
                self.out,
                "conform: {total} {} check(s) of {suite} against {} (sha256 {})",
                selection.profile.as_str(),
                sdk.name,
                sdk.sha256.get(..12).unwrap_or(&sdk.sha256)
            ),
            SuiteEvent::CheckFinished { index, total, check } => {
                let width = total.to_string().len();
                writeln!(self.out, "[{:>width$}/{total}] {:<4}  {}", index + 1, check.result.as_str(), check.id)
            }
            SuiteEvent::Finished { .. } => Ok(()),
        }
    }
}
