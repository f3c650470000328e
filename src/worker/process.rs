//! One worker process, kept for the jobs of one parent thread in turn: spawning costs a process start and, worse, a
//! cold code cache (every page of a fresh process compiles the prelude and the SDK again), so a worker that finished
//! its job cleanly takes the next one. A worker that timed out or died is dropped; the next job gets a fresh one.
//!
//! Jobs go in as one JSON line each on the worker's stdin; [`Line`]s come back on its stdout, read by a thread that
//! forwards them over a channel, so the parent can wait for them with a deadline.

use std::cell::RefCell;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use super::{Isolation, Job, Line, STDERR_TAIL, WORKER_SUBCOMMAND, WorkerError};

thread_local! {
    /// This thread's idle worker, if it has one.
    static IDLE: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// How a job ended in its worker.
pub(super) enum Ended {
    /// The worker sent the job's last line (a report or a setup error) and is kept for the next job.
    Finished,
    /// The wall-time limit passed; the worker was killed.
    TimedOut,
    /// The worker died: its exit status and the end of its stderr.
    Died(ExitStatus, String),
}

/// Where [`Worker::run`] stopped reading (a dead worker is then reaped to name its end).
enum Stop {
    Finished,
    TimedOut,
    Died,
}

/// A job's lines as they came, and how it ended. `reused`: the worker had run jobs before this one.
pub(super) struct Outcome {
    pub lines: Vec<Line>,
    pub ended: Ended,
    pub reused: bool,
}

/// A running worker process.
struct Worker {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<Line>,
    stdout_reader: Option<JoinHandle<()>>,
    stderr_tail: Arc<Mutex<Vec<u8>>>,
    stderr_reader: Option<JoinHandle<()>>,
    /// What it was started with: a job asking for other limits needs another worker.
    key: (std::path::PathBuf, u64),
    jobs_done: usize,
}

impl Worker {
    fn spawn(iso: &Isolation) -> Result<Worker, WorkerError> {
        let mut child = Command::new(&iso.program)
            .arg(WORKER_SUBCOMMAND)
            .arg("--memory-mib")
            .arg(iso.memory_mib.to_string())
            // mimalloc (the binary's allocator) reserves 1 GiB of address space up front by default, which a
            // `--max-memory` below that refuses: the worker would die before its job. Reserve in small steps.
            .env("MIMALLOC_ARENA_RESERVE", "64MiB")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|source| WorkerError::Spawn { program: iso.program.display().to_string(), source })?;
        let stdin = child.stdin.take();
        let (tx, lines) = mpsc::channel();
        let stdout_reader = child.stdout.take().map(|stdout| {
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines() {
                    // Half a line, or one that is not a `Line`: the worker died while writing it.
                    let Some(line) = line.ok().and_then(|l| serde_json::from_str::<Line>(&l).ok()) else { break };
                    if tx.send(line).is_err() {
                        break;
                    }
                }
            })
        });
        let stderr_tail = Arc::new(Mutex::new(Vec::new()));
        let stderr_reader = child.stderr.take().map(|stderr| {
            let tail = Arc::clone(&stderr_tail);
            std::thread::spawn(move || keep_tail(stderr, &tail))
        });
        Ok(Worker {
            child,
            stdin,
            lines,
            stdout_reader,
            stderr_tail,
            stderr_reader,
            key: (iso.program.clone(), iso.memory_mib),
            jobs_done: 0,
        })
    }

    /// Sends `job` and collects its lines until its last one, the deadline, or the worker's death.
    fn run(&mut self, job: &Job, timeout: Duration) -> (Vec<Line>, Stop) {
        if let Ok(mut tail) = self.stderr_tail.lock() {
            tail.clear();
        }
        let mut input = serde_json::to_vec(job).unwrap_or_default();
        input.push(b'\n');
        // A worker that died already fails the write; the exit status then says why.
        let written = self.stdin.as_mut().is_some_and(|s| s.write_all(&input).and_then(|()| s.flush()).is_ok());
        let mut lines = Vec::new();
        if !written {
            return (lines, Stop::Died);
        }
        #[expect(clippy::disallowed_methods, reason = "the wall-time limit of a worker's job is real time")]
        let deadline = std::time::Instant::now() + timeout;
        loop {
            #[expect(clippy::disallowed_methods, reason = "the wall-time limit of a worker's job is real time")]
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let last = matches!(line, Line::Done(_) | Line::Check(_) | Line::Setup(_));
                    lines.push(line);
                    if last {
                        self.jobs_done += 1;
                        return (lines, Stop::Finished);
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    let _ = self.child.kill();
                    // What it wrote before the kill is the transcript up to the end.
                    lines.extend(self.lines.iter());
                    return (lines, Stop::TimedOut);
                }
                Err(RecvTimeoutError::Disconnected) => return (lines, Stop::Died),
            }
        }
    }

    /// Waits for a dead (or killed) worker and names its end from its status and stderr.
    fn reap(mut self) -> (ExitStatus, String) {
        self.stdin = None;
        let status = self.child.wait();
        if let Some(r) = self.stdout_reader.take() {
            let _ = r.join();
        }
        if let Some(r) = self.stderr_reader.take() {
            let _ = r.join();
        }
        let tail = self.stderr_tail.lock().map(|t| String::from_utf8_lossy(&t).into_owned()).unwrap_or_default();
        match status {
            Ok(status) => (status, tail),
            Err(e) => (exit_status_of_error(), format!("{tail}\ncannot wait for the worker: {e}")),
        }
    }
}

impl Drop for Worker {
    /// Kills the worker (idle, it has nothing to lose; busy, the parent is unwinding) and reaps it.
    fn drop(&mut self) {
        self.stdin = None;
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An exit status for a worker whose real one could not be read.
fn exit_status_of_error() -> ExitStatus {
    #[cfg(unix)]
    {
        std::os::unix::process::ExitStatusExt::from_raw(1 << 8)
    }
    #[cfg(not(unix))]
    {
        std::os::windows::process::ExitStatusExt::from_raw(1)
    }
}

/// Keeps the last [`STDERR_TAIL`] bytes of `stderr` in `tail`.
fn keep_tail(mut stderr: impl Read, tail: &Mutex<Vec<u8>>) {
    let mut buf = [0u8; 8192];
    while let Ok(n) = stderr.read(&mut buf) {
        if n == 0 {
            break;
        }
        if let Ok(mut tail) = tail.lock() {
            tail.extend_from_slice(&buf[..n]);
            if tail.len() > STDERR_TAIL {
                let cut = tail.len() - STDERR_TAIL;
                tail.drain(..cut);
            }
        }
    }
}

/// Runs `job` in this thread's worker (started when there is none, or it has other limits), and keeps the worker
/// for the next job when it finished this one.
pub(super) fn run_in_worker(iso: &Isolation, job: &Job) -> Result<Outcome, WorkerError> {
    let key = (iso.program.clone(), iso.memory_mib);
    let idle = IDLE.with(|w| w.borrow_mut().take()).filter(|w| w.key == key);
    let mut worker = match idle {
        Some(w) => w,
        None => Worker::spawn(iso)?,
    };
    let reused = worker.jobs_done > 0;
    let (lines, ended) = worker.run(job, iso.timeout);
    let ended = match ended {
        Stop::Finished => {
            IDLE.with(|w| *w.borrow_mut() = Some(worker));
            Ended::Finished
        }
        Stop::TimedOut => {
            worker.reap();
            Ended::TimedOut
        }
        Stop::Died => {
            let (status, stderr) = worker.reap();
            Ended::Died(status, stderr)
        }
    };
    Ok(Outcome { lines, ended, reused })
}
