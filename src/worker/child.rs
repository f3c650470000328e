//! The worker side: read [`Job`]s from stdin, one JSON line each, run them in turn on one thread (so its compiled
//! code cache stays warm from job to job), and stream [`Line`]s to stdout (flushed one by one, so the parent has
//! everything recorded up to the moment the process dies). EOF on stdin ends the worker.

use std::io::{BufRead, Write};

use super::{Done, Job, Line};
use crate::conformance::{SdkBuild, Suite};
use crate::host::Tap;
use crate::session::{SessionScript, prepare};

/// Writes one line to stdout and flushes it. A parent that went away leaves nothing to do but stop.
fn send(line: &Line) {
    let mut text = serde_json::to_string(line).unwrap_or_default();
    text.push('\n');
    let mut out = std::io::stdout().lock();
    if out.write_all(text.as_bytes()).and_then(|()| out.flush()).is_err() {
        std::process::exit(1);
    }
}

/// Runs the jobs on stdin until it ends, streaming their lines to stdout. Runs them on a thread with
/// [`WORKER_STACK`](crate::parallel::WORKER_STACK), so a stack overflow is reported as one by the runtime.
///
/// # Errors
/// stdin cannot be read, or a line is not a job.
pub(crate) fn serve() -> std::io::Result<()> {
    let handle = std::thread::Builder::new()
        .name("sdkhost-job".into())
        .stack_size(crate::parallel::WORKER_STACK)
        .spawn(|| -> std::io::Result<()> {
            // The suite is parsed at the first check, then kept: parsing it is ~10 M instructions, a quarter of a
            // check's own work, and it is the same for every check (it is built into the binary).
            let mut suite = None;
            for line in std::io::stdin().lock().lines() {
                let job: Job = serde_json::from_str(&line?).map_err(std::io::Error::other)?;
                run(job, &mut suite);
            }
            Ok(())
        })?;
    // A panic in a job was printed on stderr; the parent names it from there.
    handle.join().map_err(|_| std::io::Error::other("the job panicked"))?
}

fn run(job: Job, suite: &mut Option<Result<Suite, String>>) {
    match job {
        Job::Session { path, opts } => {
            let prepared = SessionScript::load(&path)
                .map_err(|e| e.to_string())
                .and_then(|script| prepare(script, &path, &opts).map_err(|e| e.to_string()));
            let prepared = match prepared {
                Ok(p) => p,
                Err(message) => return send(&Line::Setup(message)),
            };
            send(&Line::Head(Box::new(prepared.transcript_head()), prepared.steps_total()));
            let tap = Tap(Box::new(|entry: &crate::transcript::Entry| send(&Line::Event(Box::new(entry.clone())))));
            let report = prepared.run_with_tap(Some(tap));
            send(&Line::Done(Box::new(Done::of(&report))));
        }
        Job::Check { id, sdk_name, sdk_source } => {
            let suite = match suite.get_or_insert_with(|| Suite::ce_v2().map_err(|e| e.to_string())) {
                Ok(s) => s,
                Err(e) => return send(&Line::Setup(e.clone())),
            };
            let Some(check) = suite.checks.iter().find(|c| c.id == id) else {
                return send(&Line::Setup(format!("no check {id:?} in the suite")));
            };
            let sdk = SdkBuild { name: sdk_name, source: sdk_source };
            send(&Line::Check(crate::conformance::run_check(check, &sdk)));
        }
    }
}

/// Limits this process's address space to `mib` MiB (unix; elsewhere it does nothing): an allocation past it fails,
/// and the process ends with "memory allocation of N bytes failed", which the parent reports as out of memory.
///
/// # Errors
/// The limit cannot be set.
#[cfg(unix)]
#[allow(unsafe_code, reason = "setrlimit has no safe wrapper in std")]
pub(crate) fn limit_memory(mib: u64) -> std::io::Result<()> {
    let bytes = mib.saturating_mul(1024 * 1024);
    let limit = libc::rlimit { rlim_cur: bytes as libc::rlim_t, rlim_max: bytes as libc::rlim_t };
    // SAFETY: setrlimit reads the struct we pass and touches no other memory.
    let rc = unsafe { libc::setrlimit(libc::RLIMIT_AS, &limit) };
    if rc == 0 { Ok(()) } else { Err(std::io::Error::last_os_error()) }
}

/// Limits this process's address space (unix only; here it does nothing).
///
/// # Errors
/// Never.
#[cfg(not(unix))]
pub(crate) fn limit_memory(_mib: u64) -> std::io::Result<()> {
    Ok(())
}
