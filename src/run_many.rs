//! Many sessions at a time, as `sdkhost replay` runs them: prepared sessions on worker threads, each in a worker
//! process of its own when isolation is on; and the worker process's side of that.

use std::path::PathBuf;

use crate::error::Error;
use crate::parallel::map_in_order;
use crate::session::{Prepared, RunOptions, RunReport};
use crate::worker::{Isolation, limit_memory, run_session, serve};

/// Runs `sessions` (each script's path with its prepared run) on up to `jobs` threads and returns their reports in
/// input order, whatever order they finish in. With `isolation`, each session runs in a worker process of its own
/// (re-prepared there from its path and `opts`), so a hang or a crash is that session's outcome (its report's `cut`),
/// not the caller's. `on_done(index, &report)` is called as each session finishes, from the thread that ran it: for
/// progress lines, and for outputs written before the others finish.
///
/// # Errors
/// [`Error::Worker`] for the first session, in input order, whose worker process could not start or refused its job
/// (the other sessions still ran, and `on_done` saw them).
pub fn run_sessions(
    sessions: Vec<(PathBuf, Prepared)>,
    opts: &RunOptions,
    isolation: Option<&Isolation>,
    jobs: usize,
    on_done: impl Fn(usize, &RunReport) + Sync,
) -> Result<Vec<RunReport>, Error> {
    let run = |(path, prepared): (PathBuf, Prepared)| match isolation {
        None => Ok(prepared.run()),
        Some(iso) => run_session(iso, &path, opts),
    };
    let results = map_in_order(sessions, jobs, run, |i, result| {
        if let Ok(report) = result {
            on_done(i, report);
        }
    });
    Ok(results.into_iter().collect::<Result<Vec<_>, _>>()?)
}

/// The worker process's main: limits its address space to `memory_mib` MiB when given, then runs the jobs its parent
/// sends on stdin, streaming each one's lines to stdout, until stdin ends. What `sdkhost`'s hidden worker subcommand
/// runs; [`run_sessions`] with an [`Isolation`] starts it.
///
/// # Errors
/// [`Error::Arg`] when the limit cannot be set, or stdin cannot be read or holds a line that is not a job.
pub fn worker_main(memory_mib: Option<u64>) -> Result<(), Error> {
    if let Some(mib) = memory_mib {
        limit_memory(mib).map_err(|e| Error::arg(format!("--memory-mib {mib}"), e))?;
    }
    serve().map_err(|e| Error::arg("worker", e))
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Mutex;

    use super::*;
    use crate::session::{SessionScript, prepare};

    #[test]
    fn reports_come_back_in_input_order_and_each_is_seen_once() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sessions");
        let files = ["07-shop-funnel.json", "01-first-visit-no-consent.json", "02-consent-on-second-page.json"];
        let opts = RunOptions::default();
        let sessions: Vec<(PathBuf, Prepared)> = files
            .iter()
            .map(|f| {
                let path = dir.join(f);
                let prepared = prepare(SessionScript::load(&path).expect("script"), &path, &opts).expect("prepare");
                (path, prepared)
            })
            .collect();
        let seen = Mutex::new(Vec::new());
        let reports = run_sessions(sessions, &opts, None, 2, |i, report| {
            seen.lock().expect("lock").push((i, report.transcript_text()));
        })
        .expect("in-process runs start");
        let mut seen = seen.into_inner().expect("lock");
        seen.sort();
        let texts: Vec<String> = reports.iter().map(RunReport::transcript_text).collect();
        assert_eq!(seen.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [0, 1, 2]);
        assert_eq!(seen.into_iter().map(|(_, t)| t).collect::<Vec<_>>(), texts);
        let one = prepare(SessionScript::load(&dir.join(files[1])).expect("script"), &dir.join(files[1]), &opts)
            .expect("prepare")
            .run();
        assert_eq!(texts[1], one.transcript_text(), "the second report is the second file's");
    }
}
