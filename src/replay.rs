//! The report of a `replay` run in the format CI reads: `human` (the summary), `junit`, `tap` or `json`. Each
//! expectation of each session is one test; a step that could not be carried out is one more, failed. Built from the
//! finished [`RunReport`]s in input order, so the bytes do not depend on `--jobs`.

use serde_json::{Value, json};

use crate::junit;
use crate::session::{RunReport, summary_text};

/// The version of the `--format json` document.
pub(crate) const REPORT_FORMAT: u32 = 1;

/// A report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The summary for people.
    Human,
    /// JUnit XML (Jenkins and Surefire schemas).
    Junit,
    /// TAP version 14.
    Tap,
    /// One JSON document, schema version `REPORT_FORMAT`.
    Json,
}

/// One test of the run: an expectation, or the step that failed.
struct Test<'a> {
    session: &'a str,
    name: String,
    failures: Vec<String>,
}

fn tests(r: &RunReport) -> Vec<Test<'_>> {
    let mut out: Vec<Test<'_>> = r
        .expectations
        .iter()
        .map(|e| Test {
            session: &r.name,
            name: e.label.clone().map_or_else(|| format!("step {}", e.step), |l| format!("{l} (step {})", e.step)),
            failures: if e.passed { Vec::new() } else { e.failures.clone() },
        })
        .collect();
    if let Some(err) = &r.step_error {
        out.push(Test {
            session: &r.name,
            name: "every step ran".into(),
            failures: vec![format!("step failed: {err}")],
        });
    }
    out
}

/// The progress line for the `n`th of `total` sessions to finish: `[ 3/42] pass  shop funnel  (1.2 s)`, where the
/// time is wall-clock time since the run started (stderr only; it never reaches a report).
pub fn progress_line(n: usize, total: usize, report: &RunReport, elapsed: std::time::Duration) -> String {
    let width = total.to_string().len();
    let verdict = if report.passed() { "pass" } else { "FAIL" };
    format!("[{n:>width$}/{total}] {verdict}  {}  ({:.1} s)", report.name, elapsed.as_secs_f64())
}

/// The whole report of `reports` (in the order they were given).
pub fn render(format: Format, reports: &[RunReport]) -> String {
    match format {
        Format::Human => human(reports),
        Format::Junit => junit_suite(reports).to_xml(),
        Format::Tap => tap(reports),
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&json_report(reports)).unwrap_or_default();
            text.push('\n');
            text
        }
    }
}

fn human(reports: &[RunReport]) -> String {
    let mut out: String = reports.iter().map(summary_text).collect();
    let passed = reports.iter().filter(|r| r.passed()).count();
    out.push_str(&format!("{} passed, {} failed\n", passed, reports.len() - passed));
    out
}

fn facts(r: &RunReport) -> String {
    let (allowed, blocked) = r.request_counts();
    format!(
        "session: {}\nsteps: {} of {}\nrequests: {} allowed, {} blocked\nended at: {}",
        r.name, r.steps_run, r.steps_total, allowed, blocked, r.ended_at
    )
}

fn junit_suite(reports: &[RunReport]) -> junit::Suite {
    let mut cases = Vec::new();
    for r in reports {
        for t in tests(r) {
            let outcome = match t.failures.first() {
                None => junit::Outcome::Pass,
                Some(first) => junit::Outcome::Fail { message: first.clone(), text: t.failures.join("\n") },
            };
            cases.push(junit::Case { classname: t.session.to_owned(), name: t.name, outcome, system_out: facts(r) });
        }
    }
    junit::Suite { name: "sdkhost replay".into(), properties: Vec::new(), cases }
}

/// A YAML double-quoted scalar (JSON string syntax is valid YAML).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

fn tap(reports: &[RunReport]) -> String {
    let all: Vec<Test<'_>> = reports.iter().flat_map(tests).collect();
    let mut out = format!("TAP version 14\n1..{}\n", all.len());
    for (i, t) in all.iter().enumerate() {
        let n = i + 1;
        // `#` starts a directive in TAP and must not appear in a description; a line break would end the test point.
        let description = format!("{}: {}", t.session, t.name).replace('#', "\\#").replace(['\r', '\n'], " ");
        if t.failures.is_empty() {
            out.push_str(&format!("ok {n} - {description}\n"));
        } else {
            out.push_str(&format!("not ok {n} - {description}\n  ---\n  failures:\n"));
            for f in &t.failures {
                out.push_str(&format!("    - {}\n", quoted(f)));
            }
            out.push_str("  ...\n");
        }
    }
    let failed = all.iter().filter(|t| !t.failures.is_empty()).count();
    out.push_str(&format!("# {} passed, {failed} failed\n", all.len() - failed));
    out
}

fn json_report(reports: &[RunReport]) -> Value {
    let sessions: Vec<Value> = reports
        .iter()
        .map(|r| {
            let (allowed, blocked) = r.request_counts();
            json!({
                "name": r.name,
                "passed": r.passed(),
                "steps_run": r.steps_run,
                "steps_total": r.steps_total,
                "requests": {"allowed": allowed, "blocked": blocked},
                "ended_at": r.ended_at,
                "step_error": r.step_error,
                "expectations": r.expectations,
            })
        })
        .collect();
    let passed = reports.iter().filter(|r| r.passed()).count();
    json!({
        "format": REPORT_FORMAT,
        "sessions": sessions,
        "summary": {"total": reports.len(), "passed": passed, "failed": reports.len() - passed},
    })
}

#[cfg(test)]
mod tests {
    use super::{Format, render};
    use crate::VirtualTime;
    use crate::session::{ExpectOutcome, RunReport};

    fn report(name: &str, failures: &[&str], step_error: Option<&str>) -> RunReport {
        RunReport {
            name: name.into(),
            transcript: crate::session::TranscriptDocument::Partial(crate::session::Partial {
                format: crate::transcript::FORMAT,
                name: None,
                inputs: None,
                events: Vec::new(),
                final_jar: None,
                summary: crate::session::Summary {
                    steps: 4,
                    requests: 0,
                    allowed: 0,
                    blocked: 0,
                    js_errors: 0,
                    expectations_passed: 0,
                    expectations_failed: 0,
                    step_error: step_error.map(str::to_owned),
                    ended_by: None,
                    ended_at: VirtualTime::from_unix_ms(1_767_225_600_000),
                    budget_exceeded: None,
                },
            }),
            expectations: vec![
                ExpectOutcome { step: 1, label: Some("silent".into()), passed: true, failures: Vec::new() },
                ExpectOutcome {
                    step: 3,
                    label: None,
                    passed: failures.is_empty(),
                    failures: failures.iter().map(|f| (*f).to_owned()).collect(),
                },
            ],
            steps_run: 4,
            steps_total: 5,
            step_error: step_error.map(str::to_owned),
            ended_at: VirtualTime::from_unix_ms(1_767_225_600_000),
            page_errors: Vec::new(),
            cut: None,
        }
    }

    fn reports() -> Vec<RunReport> {
        vec![
            report("first", &[], None),
            report(
                "second # odd",
                &["expected 0 requests, got 7:\n    #1 POST https://t/ [blocked, no_consent]"],
                Some("boom"),
            ),
        ]
    }

    #[test]
    fn junit_has_one_case_per_expectation_and_failed_step_with_whole_messages() {
        let xml = render(Format::Junit, &reports());
        assert!(
            xml.contains("<testsuite name=\"sdkhost replay\" tests=\"5\" failures=\"2\" errors=\"0\" skipped=\"0\"")
        );
        assert!(xml.contains("<testcase name=\"silent (step 1)\" classname=\"first\" time=\"0\">"));
        assert!(
            xml.contains("message=\"expected 0 requests, got 7:&#10;    #1 POST https://t/ [blocked, no_consent]\"")
        );
        assert!(xml.contains("<testcase name=\"every step ran\" classname=\"second # odd\""));
        assert!(xml.contains("step failed: boom"));
    }

    #[test]
    fn tap_numbers_every_test_and_escapes_hashes() {
        let tap = render(Format::Tap, &reports());
        assert!(tap.starts_with("TAP version 14\n1..5\nok 1 - first: silent (step 1)\nok 2 - first: step 3\n"));
        assert!(tap.contains("not ok 4 - second \\# odd: step 3\n  ---\n  failures:\n    - \"expected 0 requests"));
        assert!(tap.ends_with("# 3 passed, 2 failed\n"));
        // A session name with a line break cannot start a test point of its own.
        let mut odd = reports();
        odd[0].name = "first\nok 9 - forged".into();
        let tap = render(Format::Tap, &odd);
        assert!(tap.contains("ok 1 - first ok 9 - forged: silent (step 1)\n"), "{tap}");
        assert!(!tap.contains("\nok 9"), "{tap}");
    }

    #[test]
    fn json_and_human_count_sessions() {
        let v: serde_json::Value = serde_json::from_str(&render(Format::Json, &reports())).unwrap();
        assert_eq!(v["summary"], serde_json::json!({"total": 2, "passed": 1, "failed": 1}));
        assert_eq!(v["sessions"][1]["step_error"], "boom");
        assert_eq!(v["sessions"][1]["expectations"][1]["failures"][0].as_str().unwrap().lines().count(), 2);
        assert!(render(Format::Human, &reports()).ends_with("1 passed, 1 failed\n"));
    }
}
