//! `--format human`: a header, a table (check, label, result, virtual ms), then each failure with its check's
//! description and spec line, what was expected and what happened (the expectation failures), and a transcript
//! excerpt, and a summary line. No colour and no wall-clock time, so the bytes are the same on every run.

use std::io::{self, Write};

use super::Reporter;
use crate::conformance::event::SuiteEvent;
use crate::conformance::outcome::{CheckResult, SuiteReport};

/// Writes the whole report when the run finishes.
pub(crate) struct HumanReporter<'a> {
    out: &'a mut dyn Write,
}

impl<'a> HumanReporter<'a> {
    /// A human reporter writing to `out`.
    pub(crate) fn new(out: &'a mut dyn Write) -> Self {
        HumanReporter { out }
    }

    fn write_report(&mut self, r: &SuiteReport) -> io::Result<()> {
        let o = &mut *self.out;
        writeln!(o, "suite {} against {} (sha256 {}), profile {}", r.suite, r.sdk.name, r.sdk.sha256, r.profile)?;
        if let Some(f) = &r.selection.filter {
            writeln!(o, "filter {f}")?;
        }
        if let Some(s) = &r.selection.shard {
            writeln!(o, "shard {s}")?;
        }
        let width = r.checks.iter().map(|c| c.id.len()).max().unwrap_or(0).max("CHECK".len());
        writeln!(o)?;
        writeln!(o, "{:<width$}  {:<10}  {:<6}  {:>12}", "CHECK", "LABEL", "RESULT", "VIRTUAL MS")?;
        for c in &r.checks {
            let result = match c.result {
                CheckResult::Pass => "pass",
                CheckResult::Fail => "FAIL",
                CheckResult::Skip => "skip",
            };
            writeln!(o, "{:<width$}  {:<10}  {:<6}  {:>12}", c.id, c.label.as_str(), result, c.virtual_ms)?;
        }
        for c in r.checks.iter().filter(|c| c.result == CheckResult::Fail) {
            writeln!(o)?;
            writeln!(o, "FAIL {} ({})", c.id, c.label.as_str())?;
            writeln!(o, "  checks:   {}", c.description)?;
            writeln!(o, "  contract: {}", c.spec)?;
            writeln!(o, "  expected, and what happened:")?;
            for f in &c.failures {
                writeln!(o, "    {}", f.replace('\n', "\n      "))?;
            }
            if !c.excerpt.is_empty() {
                writeln!(o, "  transcript (the failing window):")?;
                for line in &c.excerpt {
                    writeln!(o, "    {line}")?;
                }
            }
        }
        let s = &r.summary;
        writeln!(o)?;
        writeln!(
            o,
            "{}: {} check(s), {} passed, {} failed, {} skipped",
            if r.passed() { "PASSED" } else { "FAILED" },
            s.total,
            s.passed,
            s.failed,
            s.skipped
        )
    }
}

impl Reporter for HumanReporter<'_> {
    fn on_event(&mut self, event: &SuiteEvent<'_>) -> io::Result<()> {
        match event {
            SuiteEvent::Started { .. } | SuiteEvent::CheckFinished { .. } => Ok(()),
            SuiteEvent::Finished { report } => self.write_report(report),
        }
    }
}
