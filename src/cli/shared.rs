//! What the commands share: the budget, isolation and gate flags, the exit codes, small parsers, and [`Outputs`],
//! which writes what a command made so that one failed write loses nothing else.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use sdkhost::output::write_atomic;
use sdkhost::{Error, UsageError};

/// Exit code: everything went as expected ([`sdkhost::EXIT_OK`]).
pub(crate) const OK: u8 = sdkhost::EXIT_OK as u8;
/// Exit code: the page raised, or a check/expectation failed ([`sdkhost::EXIT_FAILED`]).
pub(crate) const FAILED: u8 = sdkhost::EXIT_FAILED as u8;
/// Exit code: a session or check was cut short ([`sdkhost::EXIT_CUT_SHORT`]).
pub(crate) const CUT_SHORT: u8 = sdkhost::EXIT_CUT_SHORT as u8;

/// The budgets of a session (see the README's "Budgets and isolation").
#[derive(clap::Args)]
pub(crate) struct BudgetArgs {
    /// VM instructions the scripts of one page may run.
    #[arg(long, value_name = "N", default_value_t = sdkhost::batch::DEFAULT_JS_INSTRUCTIONS)]
    pub(crate) max_js_instructions: u64,
    /// Tasks (timer callbacks, deliveries) one clock advance may run.
    #[arg(long, value_name = "N", default_value_t = sdkhost::batch::DEFAULT_TASKS_PER_ADVANCE)]
    pub(crate) max_tasks_per_advance: u64,
    /// Bytes of transcript events one session may record.
    #[arg(long, value_name = "BYTES", default_value_t = sdkhost::batch::DEFAULT_OUTPUT_BYTES)]
    pub(crate) max_output_bytes: u64,
    /// Bytes of a request body the transcript keeps (longer: first bytes, length and SHA-256).
    #[arg(long, value_name = "BYTES", default_value_t = sdkhost::batch::DEFAULT_BODY_RECORD_BYTES)]
    pub(crate) max_body_record_bytes: usize,
}

impl BudgetArgs {
    pub(crate) fn budgets(&self) -> sdkhost::batch::Budgets {
        sdkhost::batch::Budgets {
            js_instructions_per_page: self.max_js_instructions,
            tasks_per_advance: self.max_tasks_per_advance,
            output_bytes: self.max_output_bytes,
            body_record_bytes: self.max_body_record_bytes,
        }
    }
}

/// How sessions (or checks) are isolated in worker processes.
#[derive(clap::Args)]
pub(crate) struct IsolationArgs {
    /// Wall-time limit of one session (or check) in seconds; past it its worker is killed and that is recorded.
    /// Seconds, or a duration such as `500ms`, `90s`, `2m`.
    #[arg(long, value_name = "DURATION", default_value_t = sdkhost::batch::DEFAULT_TIMEOUT.as_secs_f64(),
        value_parser = super::parse_seconds)]
    pub(crate) timeout: f64,
    /// Address space of one worker process in MiB (unix).
    #[arg(long, value_name = "MIB", default_value_t = sdkhost::batch::DEFAULT_MEMORY_MIB)]
    pub(crate) max_memory: u64,
    /// Run in this process instead of one worker process per session: faster, but a crash or hang takes the
    /// whole run with it, and --timeout and --max-memory do not apply.
    #[arg(long)]
    pub(crate) in_process: bool,
}

impl IsolationArgs {
    pub(crate) fn isolation(&self) -> Result<Option<sdkhost::batch::Isolation>, Error> {
        if self.in_process {
            return Ok(None);
        }
        let timeout = std::time::Duration::try_from_secs_f64(self.timeout)
            .ok()
            .filter(|d| !d.is_zero())
            .ok_or_else(|| Error::Usage(UsageError::Timeout { seconds: self.timeout }))?;
        let least = sdkhost::batch::MIN_MEMORY_MIB;
        if self.max_memory < least {
            return Err(Error::Usage(UsageError::MaxMemory { mib: self.max_memory, least }));
        }
        let program = std::env::current_exe().map_err(|source| {
            Error::Worker(sdkhost::batch::WorkerError::Spawn { program: "sdkhost (its own path)".into(), source })
        })?;
        Ok(Some(sdkhost::batch::Isolation { program, timeout, memory_mib: self.max_memory }))
    }
}

/// The consent gate and the profile, for `run` and `replay`.
#[derive(clap::Args)]
pub(crate) struct GateArgs {
    /// The consent cookie that lets requests out, as NAME=VALUE. Defaults to ce.tracking-opt-in=true.
    #[arg(long, value_name = "NAME=VALUE")]
    pub(crate) consent_cookie: Option<String>,
    /// Treat the consent cookie NAME as a prefix (e.g. __mp_opt_in_out_ for Mixpanel's per-token cookie).
    #[arg(long, requires = "consent_cookie")]
    pub(crate) consent_prefix: bool,
    /// Let requests reach only this host (repeatable; `host` or `*.example.com`, any port; an internationalised
    /// name matches its punycode form). Defaults to any host.
    #[arg(long = "allow-host", value_name = "HOST", value_parser = sdkhost::network::host_pattern)]
    pub(crate) allow_hosts: Vec<String>,
    /// Block every request, whatever the consent.
    #[arg(long)]
    pub(crate) deny_all: bool,
    /// CheckProfile file (cookies + localStorage): loaded at the start (missing = empty), saved at the end, also after a
    /// failed step.
    #[arg(long, value_name = "FILE")]
    pub(crate) jar: Option<PathBuf>,
}

impl GateArgs {
    pub(crate) fn consent(&self) -> Result<Option<sdkhost::network::ConsentRule>, Error> {
        let Some(text) = &self.consent_cookie else { return Ok(None) };
        let (name, value) = text
            .split_once('=')
            .filter(|(n, _)| !n.trim().is_empty())
            .ok_or_else(|| Error::Usage(UsageError::ConsentCookie { text: text.clone() }))?;
        Ok(Some(if self.consent_prefix {
            sdkhost::network::ConsentRule::prefix(name.trim(), value.trim())
        } else {
            sdkhost::network::ConsentRule::exact(name.trim(), value.trim())
        }))
    }

    pub(crate) fn policy(&self) -> Result<sdkhost::network::Policy, Error> {
        let mut policy = sdkhost::network::Policy::default();
        if let Some(rule) = self.consent()? {
            policy.consent = rule;
        }
        if !self.allow_hosts.is_empty() {
            policy.allowed_hosts = Some(self.allow_hosts.clone());
        }
        policy.deny_all = self.deny_all;
        Ok(policy)
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum TransportArg {
    Stub,
    Live,
    Replay,
}

/// `--jobs`, or the number of CPUs: the same default for every command.
pub(crate) fn jobs_or_cpus(jobs: Option<u64>) -> usize {
    jobs.and_then(|j| usize::try_from(j).ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
}

pub(crate) fn parse_span(text: &str) -> Result<sdkhost::batch::Span, sdkhost::batch::SpanError> {
    sdkhost::batch::Span::parse(text)
}

/// What a command writes once its work ran: files (atomically) and stdout. A write that fails does not stop the
/// others, so nothing already recorded is lost; [`Outputs::finish`] then ends the command with the first failure
/// ([`Error::Write`], exit 4) and reports any later one on stderr.
#[derive(Default)]
pub(crate) struct Outputs {
    failed: Vec<Error>,
}

impl Outputs {
    /// Writes `bytes` to the output `flag` names (`--out`, `--har`), atomically.
    pub(crate) fn file(&mut self, flag: &str, path: &Path, bytes: &[u8]) {
        if let Err(e) = write_atomic(path, bytes) {
            self.failed.push(Error::write(flag, path, e));
        }
    }

    /// Writes `text` to stdout, as it is (a closed pipe or a full disk is a failed write, not a panic).
    pub(crate) fn stdout(&mut self, text: &str) {
        let mut out = std::io::stdout().lock();
        if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            self.failed.push(Error::write_stdout(e));
        }
    }

    /// Notes an output that failed elsewhere (a profile the session saves).
    pub(crate) fn failed(&mut self, error: Error) {
        self.failed.push(error);
    }

    /// `code` when every output was written, else the first failure (the others printed on stderr first).
    pub(crate) fn finish(self, code: u8) -> Result<u8, Error> {
        let mut failed = self.failed.into_iter();
        let Some(first) = failed.next() else { return Ok(code) };
        for also in failed {
            #[expect(clippy::print_stderr, reason = "a second failed output, reported before the first ends the run")]
            {
                eprintln!("sdkhost: {also}");
            }
        }
        Err(first)
    }
}
