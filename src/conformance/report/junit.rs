//! `--format junit`: JUnit XML through [`crate::junit`], valid against the Jenkins and Surefire schemas, for CI test
//! dashboards. Deterministic: no timestamps and `time="0"` (a check's virtual time, which can span months, is in its
//! `system-out` with its label and contract clause). One `<testsuite>` named after the suite, with the build, its
//! SHA-256, the profile and the selection as properties; each check a `<testcase>` whose classname is `suite.area`;
//! a failure's `message` is the first failure, whole, and its text holds every failure and the transcript excerpt.

use std::io::{self, Write};

use super::Reporter;
use crate::conformance::event::SuiteEvent;
use crate::conformance::outcome::{CheckReport, CheckResult, SuiteReport};
use crate::junit::{Case, Outcome, Suite};
use crate::session::Span;

/// Writes the XML when the run finishes.
pub(crate) struct JunitReporter<'a> {
    out: &'a mut dyn Write,
}

impl<'a> JunitReporter<'a> {
    /// A JUnit reporter writing to `out`.
    pub(crate) fn new(out: &'a mut dyn Write) -> Self {
        JunitReporter { out }
    }
}

fn test_case(suite: &str, c: &CheckReport) -> Case {
    let outcome = match c.result {
        CheckResult::Pass => Outcome::Pass,
        CheckResult::Skip => Outcome::Skip { message: "not run after an earlier failure".into() },
        CheckResult::Fail => {
            let mut text = c.failures.join("\n");
            if !c.excerpt.is_empty() {
                text.push_str("\n\ntranscript:\n");
                text.push_str(&c.excerpt.join("\n"));
            }
            Outcome::Fail { message: c.failures.first().cloned().unwrap_or_else(|| "failed".into()), text }
        }
    };
    let area = c.id.split_once('.').map_or(c.id.as_str(), |(a, _)| a);
    Case {
        classname: format!("{suite}.{area}"),
        name: c.id.clone(),
        outcome,
        system_out: format!(
            "label: {}\nspec: {}\nvirtual time: {}\nvirtual_ms: {}",
            c.label.as_str(),
            c.spec,
            Span(c.virtual_ms),
            c.virtual_ms
        ),
    }
}

fn to_junit(r: &SuiteReport) -> Suite {
    let mut properties = vec![
        ("sdk".to_owned(), r.sdk.name.clone()),
        ("sdk_sha256".to_owned(), r.sdk.sha256.clone()),
        ("profile".to_owned(), r.profile.to_owned()),
    ];
    if let Some(f) = &r.selection.filter {
        properties.push(("filter".to_owned(), f.clone()));
    }
    if let Some(s) = &r.selection.shard {
        properties.push(("shard".to_owned(), s.clone()));
    }
    Suite { name: r.suite.clone(), properties, cases: r.checks.iter().map(|c| test_case(&r.suite, c)).collect() }
}

impl Reporter for JunitReporter<'_> {
    fn on_event(&mut self, event: &SuiteEvent<'_>) -> io::Result<()> {
        match event {
            SuiteEvent::Started { .. } | SuiteEvent::CheckFinished { .. } => Ok(()),
            SuiteEvent::Finished { report } => self.out.write_all(to_junit(report).to_xml().as_bytes()),
        }
    }
}
