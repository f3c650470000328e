//! The front door: [`replay()`] a session script, [`conform()`] an SDK build. Both run on a thread of their own with the
//! stack deep SDK code needs ([`WORKER_STACK`](crate::parallel::WORKER_STACK)), so a caller's thread may be any.

use std::path::{Path, PathBuf};

use crate::conformance::{SdkBuild, Suite, SuiteOptions, SuiteReport, run_suite};
use crate::error::Error;
use crate::session::{RunOptions, RunReport, SessionScript, prepare};

/// A session script to replay: a file, or a script already parsed together with the path its relative file names
/// (SDK files, the HAR, the profile) resolve against.
#[derive(Debug, Clone)]
pub enum ScriptSource {
    /// The script file.
    File(PathBuf),
    /// A parsed script and the path it stands for (its folder is where relative names resolve).
    Parsed(Box<SessionScript>, PathBuf),
}

impl From<&Path> for ScriptSource {
    fn from(path: &Path) -> ScriptSource {
        ScriptSource::File(path.to_owned())
    }
}

impl From<PathBuf> for ScriptSource {
    fn from(path: PathBuf) -> ScriptSource {
        ScriptSource::File(path)
    }
}

impl From<&str> for ScriptSource {
    fn from(path: &str) -> ScriptSource {
        ScriptSource::File(PathBuf::from(path))
    }
}

/// Replays a session script: parses and checks it, loads every file it names, runs its steps in order and judges
/// its expectations. The report holds the transcript, byte-identical for identical inputs, and the verdicts.
///
/// A step that fails or an expectation that does not hold is in the report ([`RunReport::passed`]), not an error.
///
/// ```
/// let report = sdkhost::replay("examples/sessions/02-consent-on-second-page.json", &sdkhost::RunOptions::default())?;
/// assert!(report.passed());
/// assert_eq!(report.request_counts(), (2, 0)); // two requests, both after the opt-in
/// # Ok::<(), sdkhost::Error>(())
/// ```
///
/// # Errors
/// [`Error::Script`] for a script that does not parse or check, [`Error::Setup`] for a file it names that cannot be
/// read or parsed, [`Error::Thread`] when the session thread cannot start.
pub fn replay(script: impl Into<ScriptSource>, opts: &RunOptions) -> Result<RunReport, Error> {
    let (script, path) = match script.into() {
        ScriptSource::File(path) => (SessionScript::load(&path)?, path),
        ScriptSource::Parsed(script, path) => (*script, path),
    };
    let prepared = prepare(script, &path, opts)?;
    on_session_thread(move || prepared.run())
}

/// Runs the CrossEngage v2 conformance suite (the checks `opts.selection` picks) against an SDK build.
///
/// ```no_run
/// let source = std::fs::read_to_string("sdk-js/dist/ce.min.js").expect("the built SDK");
/// let sdk = sdkhost::SdkBuild::new("ce.min.js", source);
/// let report = sdkhost::conform(&sdk, &sdkhost::SuiteOptions { jobs: 2, ..Default::default() })?;
/// assert_eq!(report.summary.failed, 0);
/// # Ok::<(), sdkhost::Error>(())
/// ```
///
/// # Errors
/// [`Error::Suite`] when the bundled suite does not load, [`Error::Run`] when the selection picks nothing.
pub fn conform(sdk: &SdkBuild, opts: &SuiteOptions) -> Result<SuiteReport, Error> {
    let suite = Suite::ce_v2()?;
    Ok(run_suite(&suite, sdk, opts, |_| Ok(()))?)
}

/// Runs `f` on a new thread with [`WORKER_STACK`](crate::parallel::WORKER_STACK) and returns what it returns (a
/// panic in it goes on in the caller).
fn on_session_thread<T: Send>(f: impl FnOnce() -> T + Send) -> Result<T, Error> {
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .name("sdkhost-session".into())
            .stack_size(crate::parallel::WORKER_STACK)
            .spawn_scoped(scope, f)
            .map_err(Error::Thread)?;
        match handle.join() {
            Ok(value) => Ok(value),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}
