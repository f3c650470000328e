//! Runs the selected checks of a suite against one SDK build, on worker threads (`parallel::map_in_order`), and tells
//! the caller what happens through [`SuiteEvent`]s. It never formats: reporters do. `CheckFinished` events come in
//! check-id order whatever the number of workers, so every report is the same bytes for any `jobs`.

use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use super::check::{Check, Suite};
use super::event::SuiteEvent;
use super::excerpt::excerpt;
use super::outcome::{CheckReport, CheckResult, SdkInfo, SuiteReport};
use super::select::{NoTests, SelectError, Selection};
use crate::clock::DEFAULT_START;
use crate::session::{RunOptions, RunReport, prepare};

/// The SDK build under test: its file name and source.
#[derive(Debug, Clone)]
pub struct SdkBuild {
    /// The file name shown in reports (no directories).
    pub name: String,
    /// The source text.
    pub source: String,
}

impl SdkBuild {
    /// A build named `name` (any directories are dropped) with `source`.
    pub fn new(name: &str, source: impl Into<String>) -> SdkBuild {
        let name = Path::new(name).file_name().map_or_else(|| name.to_owned(), |n| n.to_string_lossy().into_owned());
        SdkBuild { name, source: source.into() }
    }

    /// The name and SHA-256 for reports.
    pub fn info(&self) -> SdkInfo {
        let mapped = crate::host::MappedScript::new(self.name.clone(), self.source.as_str());
        SdkInfo { name: self.name.clone(), sha256: mapped.sha256 }
    }
}

/// Somewhere else to run one check: the worker processes of [`crate::worker::Isolation`] implement it. Kept behind
/// this trait so that the conformance runner never names the worker module (which runs checks itself).
pub trait CheckRunner: std::fmt::Debug + Send + Sync {
    /// Runs `check` against `sdk`; a check that cannot finish is a failing report saying why.
    fn run_check(&self, check: &Check, sdk: &SdkBuild) -> CheckReport;
}

/// How to run a suite.
#[derive(Debug, Clone, Default)]
pub struct SuiteOptions {
    /// Which checks.
    pub selection: Selection,
    /// Checks run at once (one thread and one JS engine each); at least 1. Output does not depend on it.
    pub jobs: usize,
    /// Skip the checks after the first failing one (in id order; the report is the same for any `jobs`). Defaults
    /// to false.
    pub fail_fast: bool,
    /// Run each check elsewhere, e.g. in a worker process ([`crate::worker::Isolation`]: a crash or hang fails that
    /// check only). Defaults to none: in this process.
    pub isolation: Option<std::sync::Arc<dyn CheckRunner>>,
    /// What a selection with no check means. Defaults to an error.
    pub no_tests: NoTests,
}

/// The suite could not be run or reported.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RunError {
    /// The selection is unusable.
    #[error(transparent)]
    Select(#[from] SelectError),
    /// A reporter could not write.
    #[error("writing the report: {0}")]
    Io(#[from] io::Error),
}

/// Runs the checks `opts.selection` picks from `suite` against `sdk`, calling `emit` with each [`SuiteEvent`] in
/// order, and returns the report.
///
/// # Errors
/// [`RunError::Select`] before anything runs (no check selected, with [`NoTests::Fail`]); [`RunError::Io`] when `emit` fails (the remaining checks are skipped).
pub fn run_suite(
    suite: &Suite,
    sdk: &SdkBuild,
    opts: &SuiteOptions,
    mut emit: impl FnMut(SuiteEvent<'_>) -> io::Result<()>,
) -> Result<SuiteReport, RunError> {
    let checks = suite.select(&opts.selection);
    if checks.is_empty() && opts.no_tests == NoTests::Fail {
        return Err(RunError::Select(opts.selection.empty_error()));
    }
    let info = sdk.info();
    let total = checks.len();
    emit(SuiteEvent::Started { suite: &suite.name, sdk: &info, selection: &opts.selection, total })?;
    let first_failure = AtomicUsize::new(usize::MAX);
    let cancelled = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<(usize, CheckReport)>();
    let mut pending: Vec<Option<CheckReport>> = vec![None; total];
    let mut emit_error = None;
    let items: Vec<(usize, &Check)> = checks.iter().copied().enumerate().collect();
    std::thread::scope(|scope| {
        let (first_failure, cancelled) = (&first_failure, &cancelled);
        let workers = scope.spawn(move || {
            let job = |(i, check): (usize, &Check)| {
                let skip =
                    cancelled.load(Ordering::SeqCst) || (opts.fail_fast && i > first_failure.load(Ordering::SeqCst));
                let report = match (&opts.isolation, skip) {
                    (_, true) => skipped(check),
                    (None, false) => run_check(check, sdk),
                    (Some(iso), false) => iso.run_check(check, sdk),
                };
                if report.result == CheckResult::Fail {
                    first_failure.fetch_min(i, Ordering::SeqCst);
                }
                // The receiver only goes away once every result is in, so a send cannot fail.
                let _ = tx.send((i, report));
            };
            crate::parallel::map_in_order(items, opts.jobs, job, |_, _| {});
        });
        let (mut next, mut failed) = (0, false);
        for (i, report) in rx {
            pending[i] = Some(report);
            while let Some(Some(check)) = pending.get_mut(next) {
                // With fail-fast, whatever ran after the first failure (another worker was ahead) is reported as
                // skipped, so the report does not depend on the number of workers or their timing.
                if opts.fail_fast && failed {
                    *check = skipped(checks[next]);
                }
                failed |= check.result == CheckResult::Fail;
                if emit_error.is_none()
                    && let Err(e) = emit(SuiteEvent::CheckFinished { index: next, total, check })
                {
                    emit_error = Some(e);
                    cancelled.store(true, Ordering::SeqCst);
                }
                next += 1;
            }
        }
        // Every result came through the channel; a worker panic is re-raised here.
        workers.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
    });
    if let Some(e) = emit_error {
        return Err(RunError::Io(e));
    }
    let results: Vec<CheckReport> = pending.into_iter().flatten().collect();
    let report = SuiteReport::new(&suite.name, info, &opts.selection, results);
    emit(SuiteEvent::Finished { report: &report })?;
    Ok(report)
}

pub(crate) fn base(check: &Check, result: CheckResult) -> CheckReport {
    CheckReport {
        id: check.id.clone(),
        label: check.label,
        spec: check.spec.clone(),
        description: check.description.clone(),
        result,
        virtual_ms: 0,
        failures: Vec::new(),
        excerpt: Vec::new(),
    }
}

fn skipped(check: &Check) -> CheckReport {
    base(check, CheckResult::Skip)
}

/// Runs one check's session against `sdk`. A host panic is a failure of that check, not of the run.
pub(crate) fn run_check(check: &Check, sdk: &SdkBuild) -> CheckReport {
    let start = check.session.clock_start.unwrap_or(DEFAULT_START);
    let opts = RunOptions { sdk: Some((sdk.name.clone(), sdk.source.clone())), ..RunOptions::default() };
    let path = Path::new("conformance").join(format!("{}.json", check.id));
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        prepare(check.session.clone(), &path, &opts).map(crate::session::Prepared::run)
    }));
    let mut out = base(check, CheckResult::Fail);
    match run {
        Err(panic) => {
            let what = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            out.failures.push(format!("the host panicked (a bug in sdkhost): {what}"));
        }
        Ok(Err(setup)) => out.failures.push(format!("setup: {setup}")),
        Ok(Ok(report)) => {
            out.virtual_ms = u64::try_from(report.ended_at.unix_ms() - start.unix_ms()).unwrap_or(0);
            out.failures = failures(&report);
            if out.failures.is_empty() {
                out.result = CheckResult::Pass;
            } else {
                out.excerpt = excerpt(&report, start);
            }
        }
    }
    out
}

fn failures(report: &RunReport) -> Vec<String> {
    let mut out = Vec::new();
    for e in report.expectations.iter().filter(|e| !e.passed) {
        let name = e.label.as_deref().map_or_else(|| "expect".to_owned(), |l| format!("expect {l:?}"));
        for f in &e.failures {
            out.push(format!("{name} (step {}): {f}", e.step));
        }
    }
    if let Some(err) = &report.step_error {
        out.push(err.clone());
    }
    if report.steps_run < report.steps_total && report.step_error.is_none() {
        out.push(format!("only {} of {} steps ran", report.steps_run, report.steps_total));
    }
    out
}
