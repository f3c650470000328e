//! `--format tap`: TAP version 14. The plan comes first (the count is known at the start); each failure carries a
//! YAML diagnostics block (label, spec, failures, transcript excerpt) with JSON-quoted strings, which YAML reads as is;
//! a skipped check is `ok N - id # SKIP`.

use std::io::{self, Write};

use super::Reporter;
use crate::conformance::event::SuiteEvent;
use crate::conformance::outcome::{CheckReport, CheckResult};

/// Writes the plan at the start and one test point per check as it is reported.
pub(crate) struct TapReporter<'a> {
    out: &'a mut dyn Write,
}

impl<'a> TapReporter<'a> {
    /// A TAP reporter writing to `out`.
    pub(crate) fn new(out: &'a mut dyn Write) -> Self {
        TapReporter { out }
    }

    fn point(&mut self, n: usize, c: &CheckReport) -> io::Result<()> {
        match c.result {
            CheckResult::Pass => writeln!(self.out, "ok {n} - {}", c.id),
            CheckResult::Skip => writeln!(self.out, "ok {n} - {} # SKIP not run after an earlier failure", c.id),
            CheckResult::Fail => {
                writeln!(self.out, "not ok {n} - {}", c.id)?;
                writeln!(self.out, "  ---")?;
                writeln!(self.out, "  label: {}", c.label.as_str())?;
                writeln!(self.out, "  spec: {}", quoted(&c.spec))?;
                writeln!(self.out, "  virtual_ms: {}", c.virtual_ms)?;
                self.list("failures", &c.failures)?;
                self.list("excerpt", &c.excerpt)?;
                writeln!(self.out, "  ...")
            }
        }
    }

    fn list(&mut self, key: &str, items: &[String]) -> io::Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        writeln!(self.out, "  {key}:")?;
        for item in items {
            writeln!(self.out, "    - {}", quoted(item))?;
        }
        Ok(())
    }
}

/// A YAML double-quoted scalar (JSON string syntax is valid YAML).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

impl Reporter for TapReporter<'_> {
    fn on_event(&mut self, event: &SuiteEvent<'_>) -> io::Result<()> {
        match event {
            SuiteEvent::Started { suite, sdk, total, .. } => {
                writeln!(self.out, "TAP version 14")?;
                writeln!(self.out, "1..{total}")?;
                writeln!(self.out, "# {suite} against {} (sha256 {})", sdk.name, sdk.sha256)
            }
            SuiteEvent::CheckFinished { index, check, .. } => self.point(index + 1, check),
            SuiteEvent::Finished { report } => {
                let s = &report.summary;
                writeln!(self.out, "# {} passed, {} failed, {} skipped", s.passed, s.failed, s.skipped)
            }
        }
    }
}
