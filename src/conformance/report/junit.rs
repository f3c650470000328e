//! `--format junit`: JUnit XML through `quick-junit` (what nextest writes), for CI test dashboards. Deterministic: no
//! timestamps, no report UUID, no times (a check's virtual time is a property, `virtual_ms`, since a lifetime check
//! spans virtual months). One `<testsuite>` named after the suite; each check a `<testcase>` whose classname is
//! `suite.area`; a failure's text holds every failure and the transcript excerpt.

use std::io::{self, Write};

use quick_junit::{NonSuccessKind, Property, Report, TestCase, TestCaseStatus, TestSuite};

use super::Reporter;
use crate::conformance::event::SuiteEvent;
use crate::conformance::outcome::{CheckReport, CheckResult, SuiteReport};

/// Writes the XML when the run finishes.
pub struct JunitReporter<'a> {
    out: &'a mut dyn Write,
}

impl<'a> JunitReporter<'a> {
    /// A JUnit reporter writing to `out`.
    pub fn new(out: &'a mut dyn Write) -> Self {
        JunitReporter { out }
    }
}

fn test_case(suite: &str, c: &CheckReport) -> TestCase {
    let status = match c.result {
        CheckResult::Pass => TestCaseStatus::success(),
        CheckResult::Skip => {
            let mut s = TestCaseStatus::skipped();
            s.set_message("not run after an earlier failure");
            s
        }
        CheckResult::Fail => {
            let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
            s.set_message(c.failures.first().and_then(|f| f.lines().next()).unwrap_or("failed"));
            s.set_type("check failed");
            let mut text = c.failures.join("\n");
            if !c.excerpt.is_empty() {
                text.push_str("\n\ntranscript:\n");
                text.push_str(&c.excerpt.join("\n"));
            }
            s.set_description(text);
            s
        }
    };
    let mut case = TestCase::new(c.id.as_str(), status);
    let area = c.id.split_once('.').map_or(c.id.as_str(), |(a, _)| a);
    case.set_classname(format!("{suite}.{area}"));
    case.add_property(Property::new("label", c.label.as_str()));
    case.add_property(Property::new("spec", c.spec.as_str()));
    case.add_property(Property::new("virtual_ms", c.virtual_ms.to_string()));
    case
}

fn to_junit(r: &SuiteReport) -> Report {
    let mut suite = TestSuite::new(r.suite.as_str());
    suite.add_property(Property::new("sdk", r.sdk.name.as_str()));
    suite.add_property(Property::new("sdk_sha256", r.sdk.sha256.as_str()));
    suite.add_property(Property::new("profile", r.profile));
    if let Some(f) = &r.selection.filter {
        suite.add_property(Property::new("filter", f.as_str()));
    }
    if let Some(s) = &r.selection.shard {
        suite.add_property(Property::new("shard", s.as_str()));
    }
    suite.add_test_cases(r.checks.iter().map(|c| test_case(&r.suite, c)));
    let mut report = Report::new("sdkhost conform");
    report.add_test_suite(suite);
    report
}

impl Reporter for JunitReporter<'_> {
    fn on_event(&mut self, event: &SuiteEvent<'_>) -> io::Result<()> {
        match event {
            SuiteEvent::Started { .. } | SuiteEvent::CheckFinished { .. } => Ok(()),
            SuiteEvent::Finished { report } => {
                to_junit(report).serialize(&mut *self.out).map_err(|e| io::Error::other(e.to_string()))
            }
        }
    }
}
