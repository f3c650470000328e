//! Runs a [`SessionScript`]: sets up the session from its header, carries out the steps, judges the expectations, and
//! returns a [`RunReport`] whose transcript is complete up to the point where a step failed (if one did).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::document::{Document, Head, Inputs, Summary, TranscriptDocument};
use super::imp::Session;
use super::script::{SessionScript, TransportKind};
use super::steps::{ExpectOutcome, Runner, summarize};
use crate::budget::Budgets;
use crate::clock::{DEFAULT_START, VirtualTime};
use crate::host::Tap;
use crate::jar::{ProfileFile, load_profile, save_profile};
use crate::net::{
    ConsentRule, Exchange, LiveConfig, LiveTransport, Policy, ReplayMode, ReplayTransport, StubTransport,
};
use crate::net::{Transport, to_har};
use crate::sdk;
use crate::transcript::Event;

/// Overrides from the command line (or the conformance runner). Serialisable: the CLI hands it to a worker process.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RunOptions {
    /// Replaces the script's seed.
    pub seed: Option<u64>,
    /// Replaces the script's transport kind.
    pub transport: Option<TransportKind>,
    /// HAR file to replay from (with `replay`), replacing the script's.
    pub replay_har: Option<PathBuf>,
    /// Replaces the SDK at the CrossEngage script URL: (name for the transcript, source).
    pub sdk: Option<(String, String)>,
    /// Script URL → local file (relative to the working directory), from `--sdk URL=FILE` and `--sdk FILE`: each
    /// replaces the script's mapping of that URL or adds one. Defaults to none.
    #[serde(default)]
    pub sdk_files: Vec<(String, PathBuf)>,
    /// Replaces the script's consent rule.
    pub consent: Option<ConsentRule>,
    /// Replaces the script's host allowlist.
    pub allowed_hosts: Option<Vec<String>>,
    /// Blocks every request, whatever the script says.
    pub deny_all: bool,
    /// Replaces the script's profile file (cookies + localStorage, loaded at the start, saved at the end).
    pub jar: Option<PathBuf>,
    /// The limits of the session. Defaults to [`Budgets::default()`].
    #[serde(default)]
    pub budgets: Budgets,
}

/// Something about the setup is wrong; nothing ran.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct SetupError {
    /// The script (or the file it names).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// What a run produced.
#[derive(Debug, Clone)]
pub struct RunReport {
    /// The script's name.
    pub name: String,
    /// The transcript document, byte-identical for identical inputs ([`RunReport::transcript_text`]); its summary
    /// has the counts and how the run ended.
    pub transcript: TranscriptDocument,
    /// The verdict of each `expect` step.
    pub expectations: Vec<ExpectOutcome>,
    /// Steps carried out (a failed step counts).
    pub steps_run: usize,
    /// Steps in the script.
    pub steps_total: usize,
    /// The step that could not be carried out, if any.
    pub step_error: Option<String>,
    /// Virtual time at the end.
    pub ended_at: VirtualTime,
    /// JS errors and `console.error` lines of the pages ([`crate::transcript::Transcript::page_errors`]).
    pub page_errors: Vec<String>,
    /// What cut the session short, if anything did: a budget, or (in a worker process) the timeout or a crash.
    /// `step_error` says so too.
    pub cut: Option<crate::budget::Cut>,
}

impl RunReport {
    /// Whether every expectation held and every step ran.
    pub fn passed(&self) -> bool {
        self.step_error.is_none() && self.expectations.iter().all(|e| e.passed)
    }

    /// Allowed and blocked request counts (from the summary, so a partial report from a worker has them too).
    pub fn request_counts(&self) -> (usize, usize) {
        let summary = self.transcript.summary();
        (summary.allowed, summary.blocked)
    }

    /// Every request that went through the gate, in order.
    pub fn exchanges(&self) -> Vec<Exchange> {
        self.transcript.exchanges().cloned().collect()
    }

    /// The transcript document as JSON (for the HTML report, which reads any document as JSON).
    pub fn transcript_value(&self) -> serde_json::Value {
        serde_json::to_value(&self.transcript).unwrap_or_default()
    }

    /// The transcript as pretty JSON with a final newline.
    pub fn transcript_text(&self) -> String {
        let mut s = serde_json::to_string_pretty(&self.transcript).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The HAR 1.2 export of the exchanges, as pretty JSON (without entries when the worker did not finish).
    pub fn har_text(&self) -> String {
        let exchanges = match &self.transcript {
            TranscriptDocument::Whole(_) => self.exchanges(),
            TranscriptDocument::Partial(_) => Vec::new(),
        };
        let mut s = serde_json::to_string_pretty(&to_har(&exchanges, env!("CARGO_PKG_VERSION"))).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// A session ready to run: the script and everything it reads from disk, already loaded and checked.
#[derive(Debug)]
pub struct Prepared {
    script: SessionScript,
    sdk: Vec<(String, String, String)>,
    policy: Policy,
    transport: TransportPlan,
    profile_path: Option<PathBuf>,
    profile: Option<ProfileFile>,
    seed: u64,
    inputs: Vec<(String, PathBuf)>,
    budgets: Budgets,
}

/// The transport a prepared run will use, built and checked once by [`prepare`].
#[derive(Debug)]
enum TransportPlan {
    /// The stub with the script's rules.
    Stub(StubTransport),
    /// Live HTTP (the agent is made when the run starts).
    Live(LiveConfig),
    /// The parsed HAR.
    Replay(ReplayTransport),
}

impl TransportPlan {
    fn kind(&self) -> TransportKind {
        match self {
            TransportPlan::Stub(_) => TransportKind::Stub,
            TransportPlan::Live(_) => TransportKind::Live,
            TransportPlan::Replay(_) => TransportKind::Replay,
        }
    }

    fn into_transport(self) -> Box<dyn Transport> {
        match self {
            TransportPlan::Stub(t) => Box::new(t),
            TransportPlan::Live(cfg) => Box::new(LiveTransport::new(cfg)),
            TransportPlan::Replay(t) => Box::new(t),
        }
    }
}

fn base_dir(path: &Path) -> PathBuf {
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Loads every file the script names, checks the setup, and builds nothing yet.
///
/// # Errors
/// [`SetupError`] naming the file: an SDK or HAR that cannot be read, a corrupt profile.
pub fn prepare(script: SessionScript, path: &Path, opts: &RunOptions) -> Result<Prepared, SetupError> {
    let dir = base_dir(path);
    let fail = |p: &Path, m: String| SetupError { path: p.display().to_string(), message: m };
    let mut inputs = vec![("session script".to_owned(), path.to_owned())];
    let mut sdk_files = Vec::new();
    match (&opts.sdk, &script.sdk) {
        (Some((name, source)), _) => sdk_files.push((sdk::CE_SCRIPT_URL.to_owned(), name.clone(), source.clone())),
        (None, Some(map)) => {
            // A URL the command line maps is not read from the script's mapping.
            for (url, file) in map.iter().filter(|(u, _)| !opts.sdk_files.iter().any(|(o, _)| o == *u)) {
                let p = dir.join(file);
                inputs.push((format!("sdk {url} of {}", path.display()), p.clone()));
                let source = crate::files::read_input(&p)
                    .map_err(|e| fail(path, format!("sdk {url}: cannot read {file}: {e}")))?;
                sdk_files.push((url.clone(), file.clone(), source));
            }
        }
        (None, None) => {
            sdk_files.push((sdk::CE_SCRIPT_URL.into(), sdk::REFERENCE_SDK_NAME.into(), sdk::REFERENCE_SDK.into()))
        }
    }
    for (url, file) in &opts.sdk_files {
        inputs.push((format!("--sdk {url}"), file.clone()));
        let source =
            crate::files::read_input(file).map_err(|e| fail(file, format!("--sdk {url}: cannot read: {e}")))?;
        let entry = (url.clone(), file.display().to_string(), source);
        match sdk_files.iter_mut().find(|(u, _, _)| u == url) {
            Some(slot) => *slot = entry,
            None => sdk_files.push(entry),
        }
    }
    let mut policy = Policy::default();
    if let Some(c) = &script.consent {
        let name = c.cookie.clone().unwrap_or_else(|| policy.consent.name.clone());
        let value = c.value.clone().unwrap_or_else(|| policy.consent.value.clone());
        policy.consent = if c.prefix { ConsentRule::prefix(&name, &value) } else { ConsentRule::exact(&name, &value) };
    }
    if let Some(rule) = &opts.consent {
        policy.consent = rule.clone();
    }
    policy.allowed_hosts = opts.allowed_hosts.clone().or_else(|| script.allowed_hosts.clone());
    policy.deny_all = opts.deny_all || script.deny_all;
    let spec = script.transport.clone().unwrap_or(super::script::TransportSpec {
        kind: None,
        rules: Vec::new(),
        har: None,
        strict: None,
        latency_ms: None,
    });
    let transport_kind = opts.transport.or(spec.kind).unwrap_or(TransportKind::Stub);
    // The rules are checked whatever the transport (a `respond` step may need them valid later).
    let stub = StubTransport::new(spec.rules.clone()).map_err(|e| fail(path, format!("transport.rules: {e}")))?;
    let transport = match transport_kind {
        TransportKind::Stub => TransportPlan::Stub(stub),
        TransportKind::Live => {
            let mut cfg = LiveConfig::default();
            if let Some(l) = spec.latency_ms {
                cfg.latency_ms = l;
            }
            TransportPlan::Live(cfg)
        }
        TransportKind::Replay => {
            let har = opts.replay_har.clone().or_else(|| spec.har.as_ref().map(|h| dir.join(h)));
            let har = har.ok_or_else(|| {
                fail(path, "transport replay needs a HAR file (transport.har or --replay-har)".into())
            })?;
            inputs.push((format!("replay HAR of {}", path.display()), har.clone()));
            let text = crate::files::read_input(&har).map_err(|e| fail(&har, format!("cannot read HAR: {e}")))?;
            let name = har.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let mode = if spec.strict.unwrap_or(true) { ReplayMode::Strict } else { ReplayMode::Lenient };
            let replay = ReplayTransport::from_har_str(&text, &name, mode).map_err(|e| fail(&har, e.to_string()))?;
            TransportPlan::Replay(replay)
        }
    };
    let profile_path = opts.jar.clone().or_else(|| script.jar.as_ref().map(|j| dir.join(j)));
    let profile = match &profile_path {
        Some(p) => load_profile(p).map_err(|e| fail(p, e.to_string()))?,
        None => None,
    };
    let seed = opts.seed.or(script.seed).unwrap_or(0);
    let budgets = opts.budgets;
    Ok(Prepared { script, sdk: sdk_files, policy, transport, profile_path, profile, seed, inputs, budgets })
}

impl Prepared {
    /// The files the run reads, each with a label for errors: the script, its SDK files, the HAR it replays.
    pub fn input_files(&self) -> &[(String, PathBuf)] {
        &self.inputs
    }

    /// The profile file the run loads and saves at the end, if any.
    pub fn profile_path(&self) -> Option<&Path> {
        self.profile_path.as_deref()
    }

    fn inputs(&self, start: VirtualTime, tz: i32) -> Inputs {
        Inputs::new(self.seed, start, tz, &self.sdk, self.policy.clone(), self.transport.kind())
    }

    /// The script's name.
    pub fn name(&self) -> &str {
        &self.script.name
    }

    /// How many steps the script has.
    pub fn steps_total(&self) -> usize {
        self.script.steps.len()
    }

    /// The head of the transcript document (`format`, `name`, `inputs`): what a run's transcript starts with.
    pub fn transcript_head(&self) -> Head {
        let start = self.script.clock_start.unwrap_or(DEFAULT_START);
        let tz = self.script.time_zone.map_or(0, |t| t.0);
        Head { format: crate::transcript::FORMAT, name: self.script.name.clone(), inputs: self.inputs(start, tz) }
    }

    /// Runs the session to the end (or to the first step that cannot be carried out).
    pub fn run(self) -> RunReport {
        self.run_with_tap(None)
    }

    /// As [`Prepared::run`], with `tap` seeing every transcript entry as it is recorded (a worker process streams
    /// them, so a crash loses nothing recorded before it).
    pub(crate) fn run_with_tap(mut self, tap: Option<Tap>) -> RunReport {
        let start = self.script.clock_start.unwrap_or(DEFAULT_START);
        let tz = self.script.time_zone.map_or(0, |t| t.0);
        let inputs = self.inputs(start, tz);
        let transport = std::mem::replace(&mut self.transport, TransportPlan::Stub(StubTransport::default()));
        let s = &self.script;
        let mut b = Session::builder()
            .seed(self.seed)
            .clock_start(start)
            .tz_offset_minutes(tz)
            .policy(self.policy.clone())
            .budgets(self.budgets)
            .transport(transport.into_transport());
        if let Some(ua) = &s.user_agent {
            b = b.user_agent(ua.clone());
        }
        if let Some(cap) = s.cookie_lifetime_cap {
            b = b.cookie_lifetime_cap_ms(cap.0.map_or(i64::MAX, |ms| i64::try_from(ms).unwrap_or(i64::MAX)));
        }
        for (url, name, source) in &self.sdk {
            b = b.script(url.clone(), name.clone(), source.as_str());
        }
        let session = b.build();
        if let Some(mut tap) = tap {
            // The session-started event is recorded by `build`; the tap sees it first.
            let mut host = session.host().get_mut();
            if let Some(first) = host.transcript.entries().first() {
                (tap.0)(first);
            }
            host.set_tap(tap);
        }
        let mut session = session;
        if let Some(p) = &self.profile {
            session.restore_profile(p);
        }
        let mut runner = Runner::new(session);
        for c in &s.cookies {
            if let Err(e) = runner.session.set_cookie(c.url.as_str(), &c.set) {
                runner.error = Some(format!("cookies: {e}"));
            }
        }
        for (i, step) in s.steps.iter().enumerate() {
            if runner.error.is_some() {
                break;
            }
            runner.steps_run += 1;
            runner.session.host().get_mut().record(Event::Step { index: i, summary: summarize(step) });
            if let Err(e) = runner.step(i, step) {
                runner.session.host().get_mut().record(Event::StepFailed { index: i, error: e.to_string() });
                runner.error = Some(format!("step {i} ({}): {e}", summarize(step)));
            }
        }
        let ended_at = runner.session.now();
        let final_jar = runner.session.final_jar();
        let mut error = runner.error.take();
        // The profile is saved whether or not a step failed: it holds what the browser would keep.
        if let Some(path) = &self.profile_path
            && let Err(e) = save_profile(path, &runner.session.profile())
        {
            error = Some(match error {
                Some(step) => format!("{step}; then {e}"),
                None => e.to_string(),
            });
        }
        let transcript = runner.session.transcript();
        let budget = runner.session.budget_exceeded();
        let summary = Summary::of(&transcript, runner.steps_run, &runner.expectations, error.clone(), ended_at)
            .budget(budget.clone());
        let page_errors = transcript.page_errors();
        let doc = Document {
            format: crate::transcript::FORMAT,
            name: s.name.clone(),
            inputs,
            events: transcript.entries().to_vec(),
            final_jar,
            summary,
        };
        RunReport {
            name: s.name.clone(),
            transcript: TranscriptDocument::Whole(doc),
            expectations: runner.expectations,
            steps_run: runner.steps_run,
            steps_total: s.steps.len(),
            step_error: error,
            ended_at,
            page_errors,
            cut: budget.map(crate::budget::Cut::Budget),
        }
    }
}
