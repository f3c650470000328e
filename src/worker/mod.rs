//! Isolation: each session (and each conformance check) can run in a worker process, a re-run of the same binary
//! with a hidden subcommand, much as nextest runs tests in processes of their own. What the engine cannot stop (a
//! catastrophic regex, native recursion that overflows the Rust stack, an allocation that aborts) then ends that
//! worker only, and becomes a recorded outcome: "timed out after 60 s", "crashed: stack overflow". The worker streams
//! every transcript entry as it is recorded, so the transcript is complete up to the end whatever ended it.
//!
//! A worker serves the jobs of one parent thread in turn (its code cache stays warm, as in one process) until one
//! times out or kills it; then the next job gets a fresh worker. Output does not depend on which worker ran a job.
//!
//! The parent side is here and in `process.rs`; the worker side is [`serve`] (`child.rs`); how an end is named is
//! `ending.rs`.

mod child;
mod ending;
mod process;

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub(crate) use crate::budget::Cut;
pub(crate) use child::{limit_memory, serve};

use crate::budget::Exceeded;
use crate::clock::{DEFAULT_START, VirtualTime};
use crate::conformance::{Check, CheckReport, CheckResult, CheckRunner, SdkBuild};
use crate::jar::CookieView;
use crate::session::{Document, ExpectOutcome, Head, Partial, RunOptions, RunReport, Summary, TranscriptDocument};
use crate::transcript::{Entry, Event, Transcript};

/// The hidden subcommand that makes the binary a worker.
pub(crate) const WORKER_SUBCOMMAND: &str = "__worker";
/// Default wall time of one session or check in a worker.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Default address space of one worker, in MiB.
pub const DEFAULT_MEMORY_MIB: u64 = 2048;
/// The least address space a worker is given, in MiB: below about 150 it cannot map its binary, job thread stack
/// and allocator arena, and would die before its job, which would read as the job's crash.
pub const MIN_MEMORY_MIB: u64 = 256;
/// The most of a worker's stderr kept to name a crash.
const STDERR_TAIL: usize = 16 * 1024;

/// How to start workers and what bounds them.
#[derive(Debug, Clone)]
pub struct Isolation {
    /// The sdkhost binary (`std::env::current_exe()` in the CLI).
    pub program: PathBuf,
    /// Wall time of one job; past it the worker is killed.
    pub timeout: Duration,
    /// Address space of one worker in MiB (unix; an allocation past it ends the worker).
    pub memory_mib: u64,
}

impl Isolation {
    /// Workers of `program` with the default timeout and memory.
    pub fn new(program: impl Into<PathBuf>) -> Self {
        Isolation { program: program.into(), timeout: DEFAULT_TIMEOUT, memory_mib: DEFAULT_MEMORY_MIB }
    }
}

/// What a worker is asked to do (one JSON line on its stdin).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Job {
    /// Run the session script at `path`.
    Session { path: PathBuf, opts: Box<RunOptions> },
    /// Run the CE v2 check `id` against an SDK build.
    Check { id: String, sdk_name: String, sdk_source: String },
}

/// One line a worker writes on its stdout.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Line {
    /// The transcript's head (`format`, `name`, `inputs`) and the number of steps, before anything runs.
    Head(Box<Head>, usize),
    /// A transcript entry, as it is recorded.
    Event(Box<Entry>),
    /// The session ran to its end (maybe a budget's).
    Done(Box<Done>),
    /// The check's report.
    Check(CheckReport),
    /// The job could not start (a bad script or a file it names).
    Setup(String),
}

/// A finished session: what its [`RunReport`] holds beyond the head and the entries already streamed.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Done {
    final_jar: Vec<CookieView>,
    summary: Summary,
    expectations: Vec<ExpectOutcome>,
    steps_run: usize,
    steps_total: usize,
    step_error: Option<String>,
    ended_at: VirtualTime,
    budget: Option<Exceeded>,
    page_errors: Vec<String>,
}

impl Done {
    pub(crate) fn of(report: &RunReport) -> Done {
        Done {
            final_jar: report.transcript.final_jar().unwrap_or_default().to_vec(),
            summary: report.transcript.summary().clone(),
            expectations: report.expectations.clone(),
            steps_run: report.steps_run,
            steps_total: report.steps_total,
            step_error: report.step_error.clone(),
            ended_at: report.ended_at,
            budget: match &report.cut {
                Some(Cut::Budget(e)) => Some(e.clone()),
                _ => None,
            },
            page_errors: report.page_errors.clone(),
        }
    }

    /// The report of the session: its head, every entry streamed, and this.
    fn into_report(self, head: Head, events: Vec<Entry>) -> RunReport {
        let document = Document {
            format: head.format,
            name: head.name.clone(),
            inputs: head.inputs,
            events,
            final_jar: self.final_jar,
            summary: self.summary,
        };
        RunReport {
            name: head.name,
            transcript: TranscriptDocument::Whole(document),
            expectations: self.expectations,
            steps_run: self.steps_run,
            steps_total: self.steps_total,
            step_error: self.step_error,
            ended_at: self.ended_at,
            cut: self.budget.map(Cut::Budget),
            page_errors: self.page_errors,
        }
    }
}

/// Why a job could not be run at all (bad input: nothing ran).
#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    /// The worker could not be started.
    #[error("cannot start a worker process ({program}): {source}")]
    Spawn {
        /// The binary.
        program: String,
        /// Why.
        source: std::io::Error,
    },
    /// The job's input is bad (the worker said so before running anything).
    #[error("{0}")]
    Setup(String),
}

/// What came back from one worker.
#[derive(Default)]
struct Stream {
    head: Option<(Head, usize)>,
    events: Vec<Entry>,
    done: Option<Done>,
    check: Option<CheckReport>,
    setup: Option<String>,
}

/// Runs `job` in this thread's worker and collects its stream. Returns the stream and, when the worker did not
/// finish the job, what ended it. A worker that had run jobs before and dies in this one is replaced, and the job
/// run again in the fresh worker, so a crash is recorded only when the job causes it on its own (not, say, memory an
/// earlier job left behind).
fn run_job(iso: &Isolation, job: &Job) -> Result<(Stream, Option<Cut>), WorkerError> {
    let mut outcome = process::run_in_worker(iso, job)?;
    if outcome.reused && matches!(outcome.ended, process::Ended::Died(..)) {
        outcome = process::run_in_worker(iso, job)?;
    }
    let mut stream = Stream::default();
    for line in outcome.lines {
        match line {
            Line::Head(h, steps) => stream.head = Some((*h, steps)),
            Line::Event(e) => stream.events.push(*e),
            Line::Done(d) => stream.done = Some(*d),
            Line::Check(c) => stream.check = Some(c),
            Line::Setup(s) => stream.setup = Some(s),
        }
    }
    if let Some(message) = &stream.setup {
        return Err(WorkerError::Setup(message.clone()));
    }
    let cut = match outcome.ended {
        process::Ended::Finished => None,
        process::Ended::TimedOut => Some(Cut::TimedOut(iso.timeout)),
        process::Ended::Died(status, stderr) => Some(ending::crashed(status, &stderr, iso.memory_mib)),
    };
    Ok((stream, cut))
}

/// Runs the session script at `path` in a worker. A worker that does not finish gives a report whose transcript
/// holds every event recorded before the end, and whose `cut` says what ended it.
///
/// # Errors
/// [`WorkerError`] when the worker cannot start, or the script or a file it names is bad (nothing ran).
pub(crate) fn run_session(iso: &Isolation, path: &Path, opts: &RunOptions) -> Result<RunReport, WorkerError> {
    let job = Job::Session { path: path.to_path_buf(), opts: Box::new(opts.clone()) };
    let (stream, cut) = run_job(iso, &job)?;
    match (stream.done, stream.head, cut) {
        (Some(done), Some((head, _)), None) => Ok(done.into_report(head, stream.events)),
        (_, head, cut) => {
            let cut = cut.unwrap_or_else(|| Cut::Crashed("the worker ended without a report".into()));
            Ok(partial(head, stream.events, cut))
        }
    }
}

/// The report of a session whose worker did not finish: the transcript up to its last recorded entry, ended by
/// `cut`, with a summary counted from those entries.
fn partial(head: Option<(Head, usize)>, events: Vec<Entry>, cut: Cut) -> RunReport {
    let (head, steps_total) = match head {
        Some((head, steps)) => (Some(head), steps),
        None => (None, 0),
    };
    let name = head.as_ref().map_or_else(|| "session".to_owned(), |h| h.name.clone());
    let mut record = Transcript::new();
    for entry in events {
        record.push(entry);
    }
    let expectations: Vec<ExpectOutcome> = record
        .entries()
        .iter()
        .filter_map(|e| match &e.event {
            Event::Expectation { index, label, passed, failures } => {
                Some(ExpectOutcome { step: *index, label: label.clone(), passed: *passed, failures: failures.clone() })
            }
            _ => None,
        })
        .collect();
    let steps = record.entries().iter().filter(|e| matches!(e.event, Event::Step { .. })).count();
    let ended_at = record.entries().last().map_or(DEFAULT_START, |e| e.at);
    let message = cut.to_string();
    let summary = Summary {
        ended_by: Some(cut.kind().to_owned()),
        ..Summary::of(&record, steps, &expectations, Some(message.clone()), ended_at)
    };
    let page_errors = record.page_errors();
    let (format, inputs) = match head {
        Some(h) => (h.format, Some(h.inputs)),
        None => (crate::transcript::FORMAT, None),
    };
    let name_in_document = inputs.as_ref().map(|_| name.clone());
    let document =
        Partial { format, name: name_in_document, inputs, summary, events: record.entries().to_vec(), final_jar: None };
    RunReport {
        name,
        transcript: TranscriptDocument::Partial(document),
        expectations,
        steps_run: steps,
        steps_total,
        step_error: Some(message),
        ended_at,
        cut: Some(cut),
        page_errors,
    }
}

impl CheckRunner for Isolation {
    fn run_check(&self, check: &Check, sdk: &SdkBuild) -> CheckReport {
        let failed = crate::conformance::base(check, CheckResult::Fail);
        run_check(self, failed.clone(), &sdk.name, &sdk.source)
            .unwrap_or_else(|e| CheckReport { failures: vec![e.to_string()], ..failed })
    }
}

/// Runs the CE v2 check `id` against `sdk` in a worker; a worker that does not finish is a failing check whose
/// failure says what ended it.
///
/// # Errors
/// [`WorkerError`] when the worker cannot start or does not know the check.
pub(crate) fn run_check(
    iso: &Isolation,
    base: CheckReport,
    sdk_name: &str,
    sdk_source: &str,
) -> Result<CheckReport, WorkerError> {
    let job = Job::Check { id: base.id.clone(), sdk_name: sdk_name.to_owned(), sdk_source: sdk_source.to_owned() };
    let (stream, cut) = run_job(iso, &job)?;
    Ok(match (stream.check, cut) {
        (Some(report), None) => report,
        (_, cut) => {
            let cut = cut.unwrap_or_else(|| Cut::Crashed("the worker ended without a report".into()));
            CheckReport { result: CheckResult::Fail, failures: vec![cut.to_string()], ..base }
        }
    })
}
