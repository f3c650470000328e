//! The `sdkhost` command line: the only file that names clap. Each subcommand is a few library calls.
//!
//! Exit codes: 0 success, 1 the page raised / checks or expectations failed, 2 bad usage or bad input, 3 a session
//! was cut short (a budget ran out, it timed out, or its worker crashed).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use sdkhost::files::{RunFiles, read_input, write_atomic};

mod cli;

/// Everything went as expected.
const OK: u8 = 0;
/// The page raised, or a check/expectation failed.
const FAILED: u8 = 1;
/// Bad usage or bad input.
const USAGE_OR_INPUT: u8 = 2;
/// A session or check was cut short: a budget ran out, it timed out, or its worker process crashed.
const CUT_SHORT: u8 = 3;

#[derive(Parser)]
#[command(name = "sdkhost", version, about = "Run browser tracking SDKs in a deterministic, consent-gated host")]
#[command(after_help = "Exit codes: 0 ok, 1 the page raised or a check failed, 2 bad usage or input, 3 a session \
    was cut short (budget exceeded, timed out, crashed).")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Replay session scripts: run each, write its transcript, print a summary; exit 1 if an expectation fails.
    Replay(ReplayArgs),
    /// Load one page, run scripts and snippets in order, advance the clock, print what happened as JSON.
    Run(cli::run::RunArgs),
    /// Serve a local tracking collector on 127.0.0.1 for live-mode sessions; prints each request as a JSON line.
    Collector(CollectorArgs),
    /// Run the CE v2 conformance suite against an SDK build; exit 0 if every selected check passes, 1 if one fails.
    Conform(ConformArgs),
    /// Compare two transcripts (before/after a build): requests by decision, bodies, cookies, errors, console lines,
    /// expectations. Exit 0 when they agree, 1 when they differ, 2 on bad input.
    Diff(DiffArgs),
    /// Write one self-contained HTML report from transcripts, `run` output and conformance reports (JSON).
    Report(ReportArgs),
    /// Print the JSON Schema of a document: `session` (session scripts), `transcript` (`replay --out`) or `report`
    /// (`conform --format json`). The same files are in the repository's `schemas/` folder.
    Schema {
        /// Which document.
        #[arg(value_parser = ["session", "transcript", "report"])]
        document: String,
    },
    /// Internal: run one job from stdin in this process and stream its lines to stdout (see `sdkhost::worker`).
    #[command(name = "__worker", hide = true)]
    Worker {
        /// Address space limit in MiB.
        #[arg(long)]
        memory_mib: Option<u64>,
    },
}

/// The budgets of a session (see the README's "Budgets and isolation").
#[derive(clap::Args)]
struct BudgetArgs {
    /// VM instructions the scripts of one page may run.
    #[arg(long, value_name = "N", default_value_t = sdkhost::budget::DEFAULT_JS_INSTRUCTIONS)]
    max_js_instructions: u64,
    /// Tasks (timer callbacks, deliveries) one clock advance may run.
    #[arg(long, value_name = "N", default_value_t = sdkhost::budget::DEFAULT_TASKS_PER_ADVANCE)]
    max_tasks_per_advance: u64,
    /// Bytes of transcript events one session may record.
    #[arg(long, value_name = "BYTES", default_value_t = sdkhost::budget::DEFAULT_OUTPUT_BYTES)]
    max_output_bytes: u64,
    /// Bytes of a request body the transcript keeps (longer: first bytes, length and SHA-256).
    #[arg(long, value_name = "BYTES", default_value_t = sdkhost::budget::DEFAULT_BODY_RECORD_BYTES)]
    max_body_record_bytes: usize,
}

impl BudgetArgs {
    fn budgets(&self) -> sdkhost::budget::Budgets {
        sdkhost::budget::Budgets {
            js_instructions_per_page: self.max_js_instructions,
            tasks_per_advance: self.max_tasks_per_advance,
            output_bytes: self.max_output_bytes,
            body_record_bytes: self.max_body_record_bytes,
        }
    }
}

/// How sessions (or checks) are isolated in worker processes.
#[derive(clap::Args)]
struct IsolationArgs {
    /// Wall-time limit of one session (or check) in seconds; past it its worker is killed and that is recorded.
    /// Seconds, or a duration such as `500ms`, `90s`, `2m`.
    #[arg(long, value_name = "DURATION", default_value_t = sdkhost::worker::DEFAULT_TIMEOUT.as_secs_f64(),
        value_parser = cli::parse_seconds)]
    timeout: f64,
    /// Address space of one worker process in MiB (unix).
    #[arg(long, value_name = "MIB", default_value_t = sdkhost::worker::DEFAULT_MEMORY_MIB)]
    max_memory: u64,
    /// Run in this process instead of one worker process per session: faster, but a crash or hang takes the
    /// whole run with it, and --timeout and --max-memory do not apply.
    #[arg(long)]
    in_process: bool,
}

impl IsolationArgs {
    fn isolation(&self) -> Result<Option<sdkhost::worker::Isolation>, String> {
        if self.in_process {
            return Ok(None);
        }
        let timeout = std::time::Duration::try_from_secs_f64(self.timeout)
            .ok()
            .filter(|d| !d.is_zero())
            .ok_or_else(|| format!("--timeout {}: expected a positive number of seconds", self.timeout))?;
        let least = sdkhost::worker::MIN_MEMORY_MIB;
        if self.max_memory < least {
            return Err(format!(
                "--max-memory {}: at least {least} MiB (a worker needs about 150 MiB of address space to start)",
                self.max_memory
            ));
        }
        let program = std::env::current_exe().map_err(|e| format!("cannot find the sdkhost binary: {e}"))?;
        Ok(Some(sdkhost::worker::Isolation { program, timeout, memory_mib: self.max_memory }))
    }
}

#[derive(clap::Args)]
struct DiffArgs {
    /// The transcript before (`replay --out`).
    #[arg(value_name = "A")]
    a: PathBuf,
    /// The transcript after.
    #[arg(value_name = "B")]
    b: PathBuf,
    /// `text` (one line per difference) or `json`.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    format: DiffFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum DiffFormat {
    Text,
    Json,
}

#[derive(clap::Args)]
struct ReportArgs {
    /// Transcripts (`replay --out`), `run` output or conformance reports (`conform --format json`), or folders of
    /// them (every *.json inside, sorted by name; session scripts there are passed over).
    #[arg(required = true, value_name = "JSON")]
    inputs: Vec<PathBuf>,
    /// Where to write the HTML (default: stdout).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// The page title.
    #[arg(long, default_value = "sdkhost report")]
    title: String,
}

#[derive(clap::Args)]
struct ReplayArgs {
    /// Session script files, or folders of them (every *.json inside, sorted by name).
    #[arg(required = true, value_name = "SESSION")]
    sessions: Vec<PathBuf>,
    /// Where to write the transcript: a file for one session, a folder for several (NAME.transcript.json).
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// Also write the requests as HAR 1.2: a file for one session, a folder for several (NAME.har).
    #[arg(long, value_name = "PATH")]
    har: Option<PathBuf>,
    /// Serve FILE for the script URL (`URL=FILE`, repeatable), or swap the CrossEngage build (`FILE`): replaces the
    /// script's `sdk` mapping of that URL, or adds one.
    #[arg(long = "sdk", value_name = "URL=FILE|FILE", value_parser = cli::parse_sdk)]
    sdk: Vec<cli::SdkArg>,
    /// Replace every script's seed.
    #[arg(long)]
    seed: Option<u64>,
    /// Replace every script's transport.
    #[arg(long, value_enum)]
    transport: Option<TransportArg>,
    /// The HAR file the replay transport answers from (instead of the script's transport.har); needs
    /// `--transport replay`.
    #[arg(long, value_name = "FILE")]
    replay_har: Option<PathBuf>,
    /// Sessions run at once (one thread and one JS engine each). Defaults to the number of CPUs. Output does not
    /// depend on it.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    jobs: Option<u64>,
    /// Only shard K of N (1-based) of the sessions, sorted as given and expanded: session i runs in shard i % N + 1
    /// (as `conform --shard`). A shard may be empty.
    #[arg(long, value_name = "K/N")]
    shard: Option<String>,
    /// Report format of the expectations: `human` (the summary), `junit`, `tap` or `json`.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// Write that report to this file instead of stdout (progress lines still go to stderr).
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// Also write one self-contained HTML report of every session (timeline, requests, gate decisions, cookie jar).
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    #[command(flatten)]
    gate: GateArgs,
    #[command(flatten)]
    budgets: BudgetArgs,
    #[command(flatten)]
    isolation: IsolationArgs,
}

/// The consent gate and the profile, for `run` and `replay`.
#[derive(clap::Args)]
struct GateArgs {
    /// The consent cookie that lets requests out, as NAME=VALUE. Defaults to ce.tracking-opt-in=true.
    #[arg(long, value_name = "NAME=VALUE")]
    consent_cookie: Option<String>,
    /// Treat the consent cookie NAME as a prefix (e.g. __mp_opt_in_out_ for Mixpanel's per-token cookie).
    #[arg(long, requires = "consent_cookie")]
    consent_prefix: bool,
    /// Let requests reach only this host (repeatable; `host` or `*.example.com`, any port; an internationalised
    /// name matches its punycode form). Defaults to any host.
    #[arg(long = "allow-host", value_name = "HOST", value_parser = sdkhost::net::host_pattern)]
    allow_hosts: Vec<String>,
    /// Block every request, whatever the consent.
    #[arg(long)]
    deny_all: bool,
    /// Profile file (cookies + localStorage): loaded at the start (missing = empty), saved at the end, also after a
    /// failed step.
    #[arg(long, value_name = "FILE")]
    jar: Option<PathBuf>,
}

impl GateArgs {
    fn consent(&self) -> Result<Option<sdkhost::net::ConsentRule>, String> {
        let Some(text) = &self.consent_cookie else { return Ok(None) };
        let (name, value) = text
            .split_once('=')
            .filter(|(n, _)| !n.trim().is_empty())
            .ok_or_else(|| format!("--consent-cookie {text:?}: expected NAME=VALUE"))?;
        Ok(Some(if self.consent_prefix {
            sdkhost::net::ConsentRule::prefix(name.trim(), value.trim())
        } else {
            sdkhost::net::ConsentRule::exact(name.trim(), value.trim())
        }))
    }

    fn policy(&self) -> Result<sdkhost::net::Policy, String> {
        let mut policy = sdkhost::net::Policy::default();
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
enum TransportArg {
    Stub,
    Live,
    Replay,
}

#[derive(clap::Args)]
struct CollectorArgs {
    /// Port on 127.0.0.1 (0 picks a free one, printed on stderr).
    #[arg(long, default_value_t = 8787)]
    port: u16,
    /// Seed of the ids it hands out.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Write the JSON lines to FILE (created or emptied) instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// mimalloc: fewer cycles per page than the system allocator for Boa's many small allocations (README, Performance).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let result = match cli.command {
        Command::Replay(args) => replay(args),
        Command::Run(args) => {
            let order = cli::page_inputs(matches.subcommand_matches("run"), &args.scripts, &args.evals);
            cli::run::run(args, order)
        }
        Command::Collector(args) => collector(args),
        Command::Conform(args) => conform(args),
        Command::Report(args) => report(args),
        Command::Diff(args) => diff(args),
        Command::Schema { document } => schema(&document),
        Command::Worker { memory_mib } => worker(memory_mib),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            #[expect(clippy::print_stderr, reason = "the CLI reports its one error")]
            {
                eprintln!("sdkhost: {message}");
            }
            ExitCode::from(USAGE_OR_INPUT)
        }
    }
}

/// Expands folders into their `*.json` files (but `*.transcript.json`), sorted by name.
fn session_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = std::fs::read_dir(input).map_err(|e| format!("{}: {e}", input.display()))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                // Transcripts written into the same folder by `--out` are not session scripts.
                .filter(|p| !p.to_string_lossy().ends_with(".transcript.json"))
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(format!("{}: no *.json session scripts in this folder", input.display()));
            }
            files.extend(found);
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

fn output_path(base: &Path, many: bool, session: &Path, suffix: &str) -> PathBuf {
    if many {
        let stem = session.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        base.join(format!("{stem}{suffix}"))
    } else {
        base.to_path_buf()
    }
}

fn replay(args: ReplayArgs) -> Result<u8, String> {
    use sdkhost::session::{Prepared, RunOptions, SessionScript, TransportKind, prepare};
    if args.replay_har.is_some() && !matches!(args.transport, Some(TransportArg::Replay)) {
        return Err("--replay-har needs --transport replay (the HAR is what the replay transport answers from)".into());
    }
    let mut files = session_files(&args.sessions)?;
    // Outputs go into folders whenever several sessions were given, whatever a shard keeps.
    let many = files.len() > 1;
    if let Some(text) = &args.shard {
        let shard: sdkhost::conformance::Shard = text.parse().map_err(|e| format!("--shard: {e}"))?;
        files =
            files.into_iter().enumerate().filter(|(i, _)| i % shard.count + 1 == shard.index).map(|(_, f)| f).collect();
    }
    let opts = RunOptions {
        seed: args.seed,
        transport: args.transport.map(|t| match t {
            TransportArg::Stub => TransportKind::Stub,
            TransportArg::Live => TransportKind::Live,
            TransportArg::Replay => TransportKind::Replay,
        }),
        replay_har: args.replay_har.clone(),
        sdk: None,
        sdk_files: cli::sdk_files(&args.sdk)?,
        consent: args.gate.consent()?,
        allowed_hosts: (!args.gate.allow_hosts.is_empty()).then(|| args.gate.allow_hosts.clone()),
        deny_all: args.gate.deny_all,
        jar: args.gate.jar.clone(),
        budgets: args.budgets.budgets(),
    };
    let isolation = args.isolation.isolation()?;
    if args.gate.jar.is_some() && files.len() > 1 {
        return Err("--jar: one profile file cannot be shared by several sessions; give one session".into());
    }
    // Bad input anywhere stops everything before anything runs.
    let mut prepared = Vec::new();
    for f in &files {
        let script = SessionScript::load(f).map_err(|e| e.to_string())?;
        prepared.push(prepare(script, f, &opts).map_err(|e| e.to_string())?);
    }
    check_replay_outputs(&args, &files, &prepared, many)?;
    let total = prepared.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    #[expect(clippy::disallowed_methods, reason = "elapsed wall time on the progress lines (stderr), never in output")]
    let started = std::time::Instant::now();
    // Each session runs in its own worker process (unless --in-process): a hang or crash is that session's outcome.
    let jobs: Vec<(&PathBuf, Prepared)> = files.iter().zip(prepared).collect();
    let run = |(file, prepared): (&PathBuf, Prepared)| match &isolation {
        None => Ok(prepared.run()),
        Some(iso) => sdkhost::worker::run_session(iso, file, &opts).map_err(|e| e.to_string()),
    };
    let results = sdkhost::parallel::map_in_order(jobs, jobs_or_cpus(args.jobs), run, |_, result| {
        let n = done.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
        if let Ok(report) = result {
            let line = sdkhost::replay::progress_line(n, total, report, started.elapsed());
            #[expect(clippy::print_stderr, reason = "progress lines, as conform prints them")]
            {
                eprintln!("{line}");
            }
        }
    });
    let reports = results.into_iter().collect::<Result<Vec<_>, String>>()?;
    for (file, report) in files.iter().zip(&reports) {
        if let Some(base) = &args.out {
            let path = output_path(base, many, file, ".transcript.json");
            write_atomic(&path, report.transcript_text().as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        if let Some(base) = &args.har {
            let path = output_path(base, many, file, ".har");
            write_atomic(&path, report.har_text().as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    if let Some(path) = &args.html {
        let inputs: Vec<_> = reports.iter().map(|r| sdkhost::html::Input::Transcript(r.transcript.clone())).collect();
        write_html("--html", path, &sdkhost::html::render("sdkhost replay", &inputs))?;
    }
    let format = match args.format {
        FormatArg::Human => sdkhost::replay::Format::Human,
        FormatArg::Junit => sdkhost::replay::Format::Junit,
        FormatArg::Tap => sdkhost::replay::Format::Tap,
        FormatArg::Json => sdkhost::replay::Format::Json,
    };
    let text = sdkhost::replay::render(format, &reports);
    match &args.report {
        Some(path) => write_atomic(path, text.as_bytes()).map_err(|e| format!("--report {}: {e}", path.display()))?,
        None => {
            #[expect(clippy::print_stdout, reason = "the CLI's output")]
            {
                print!("{text}");
            }
        }
    }
    let failed = reports.iter().any(|r| !r.passed());
    Ok(if reports.iter().any(|r| r.cut.is_some()) {
        CUT_SHORT
    } else if failed {
        FAILED
    } else {
        OK
    })
}

/// Checks every output of a replay before anything runs: folders exist (created for several sessions), no output is
/// an input (a session script, an SDK file, a HAR, `--replay-har`), and no two sessions write the same file.
fn check_replay_outputs(
    args: &ReplayArgs,
    files: &[PathBuf],
    prepared: &[sdkhost::session::Prepared],
    // Whether several sessions were given (outputs go into folders), whatever a shard kept.
    many: bool,
) -> Result<(), String> {
    let mut run_files = RunFiles::new();
    for p in prepared {
        for (label, path) in p.input_files() {
            run_files.input(label.clone(), path);
        }
    }
    if let Some(har) = &args.replay_har {
        run_files.input("--replay-har", har);
    }
    for (flag, base, suffix) in [("--out", &args.out, ".transcript.json"), ("--har", &args.har, ".har")] {
        let Some(base) = base else { continue };
        if many {
            if base.exists() && !base.is_dir() {
                return Err(format!("{flag} {}: several sessions need a folder here, not a file", base.display()));
            }
            std::fs::create_dir_all(base).map_err(|e| format!("{flag} {}: {e}", base.display()))?;
        }
        for file in files {
            let label = if many { format!("{flag} of {}", file.display()) } else { flag.to_owned() };
            run_files.output(label, &output_path(base, many, file, suffix))?;
        }
    }
    for (flag, path) in [("--report", &args.report), ("--html", &args.html)] {
        if let Some(path) = path {
            run_files.output(flag, path)?;
        }
    }
    for (file, p) in files.iter().zip(prepared) {
        if let Some(profile) = p.profile_path() {
            run_files.output(format!("profile of {}", file.display()), profile)?;
        }
    }
    Ok(())
}

#[derive(clap::Args)]
#[command(after_help = "Exit codes: 0 every selected check passed, 1 a check failed, 2 bad usage or input \
    (e.g. a missing --sdk file, a --filter or --shard that selects no check, unless --no-tests says otherwise).")]
struct ConformArgs {
    /// The SDK build to test (served at the CrossEngage script URL), e.g. sdk-js/ce.js or sdk-js/dist/ce.min.js.
    /// The checks load that one script, so the `URL=FILE` form of `run` and `replay` is refused here.
    #[arg(long, value_name = "BUILD.js", value_parser = cli::parse_sdk)]
    sdk: cli::SdkArg,
    /// `documented`: only checks any faithful build must pass; `reference`: also the reference build's decisions.
    #[arg(long, value_enum, default_value_t = ProfileArg::Reference)]
    profile: ProfileArg,
    /// Report format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// Write the report to this file instead of stdout (progress lines still go to stderr).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Checks run at once (one thread and one JS engine each). Defaults to the number of CPUs. Output does not
    /// depend on it.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    jobs: Option<u64>,
    /// Only checks whose id contains PATTERN, or matches it as a glob (`*`, `?`), e.g. `consent.*`.
    #[arg(long, value_name = "PATTERN")]
    filter: Option<String>,
    /// Only shard K of N (1-based) of the sorted, filtered checks: check i runs in shard i % N + 1.
    #[arg(long, value_name = "K/N")]
    shard: Option<String>,
    /// Also write the report as one self-contained HTML file (checks, verdicts, spec clauses, excerpts).
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    #[command(flatten)]
    isolation: IsolationArgs,
    /// What a run that selects no check means (after --profile, --filter and --shard): `fail` is exit 2, `warn`
    /// passes with a warning on stderr, `pass` passes quietly.
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = NoTestsArg::Fail)]
    no_tests: NoTestsArg,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum NoTestsArg {
    Fail,
    Warn,
    Pass,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ProfileArg {
    Documented,
    Reference,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Human,
    Junit,
    Tap,
    Json,
}

fn conform(args: ConformArgs) -> Result<u8, String> {
    use sdkhost::conformance::{NoTests, Profile, RunOpts, SdkBuild, Selection, Suite, report, run_suite};
    use std::io::Write;
    let shard = args.shard.as_deref().map(str::parse).transpose().map_err(|e| format!("--shard: {e}"))?;
    if args.sdk.mapped {
        return Err(format!(
            "--sdk {}={}: conform tests one CrossEngage build, served at its script URL; give --sdk FILE",
            args.sdk.url,
            args.sdk.file.display()
        ));
    }
    let build = &args.sdk.file;
    let source = read_input(build).map_err(|e| format!("--sdk {}: cannot read the build: {e}", build.display()))?;
    let mut files = RunFiles::new();
    files.input("--sdk", build);
    for (flag, path) in [("--out", &args.out), ("--html", &args.html)] {
        if let Some(path) = path {
            files.output(flag, path)?;
        }
    }
    let suite = Suite::ce_v2().map_err(|e| e.to_string())?;
    let profile = match args.profile {
        ProfileArg::Documented => Profile::Documented,
        ProfileArg::Reference => Profile::Reference,
    };
    let format = match args.format {
        FormatArg::Human => report::Format::Human,
        FormatArg::Junit => report::Format::Junit,
        FormatArg::Tap => report::Format::Tap,
        FormatArg::Json => report::Format::Json,
    };
    let jobs = jobs_or_cpus(args.jobs);
    let isolation = args.isolation.isolation()?;
    let no_tests = match args.no_tests {
        NoTestsArg::Fail => NoTests::Fail,
        NoTestsArg::Warn => NoTests::Warn,
        NoTestsArg::Pass => NoTests::Pass,
    };
    let selection = Selection { profile, filter: args.filter.clone(), shard };
    let opts = RunOpts { selection, jobs, fail_fast: false, isolation, no_tests };
    let sdk = SdkBuild::new(&build.to_string_lossy(), source);
    // A report for --out is kept in memory and written atomically once the run is over, so a failed run (even a
    // --filter that matches nothing) leaves an existing report as it was.
    let mut buffer = Vec::new();
    let mut out: Box<dyn Write> = match &args.out {
        Some(_) => Box::new(&mut buffer),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut stderr = std::io::stderr();
    let mut progress = report::ProgressReporter::new(&mut stderr);
    let mut reporter = report::reporter_for(format, &mut *out);
    let result = run_suite(&suite, &sdk, &opts, |event| {
        report::Reporter::on_event(&mut progress, &event)?;
        reporter.on_event(&event)
    });
    drop(reporter);
    out.flush().map_err(|e| format!("writing the report: {e}"))?;
    drop(out);
    let report = result.map_err(|e| e.to_string())?;
    if let Some(path) = &args.out {
        write_atomic(path, &buffer).map_err(|e| format!("--out {}: {e}", path.display()))?;
    }
    if let Some(path) = &args.html {
        let value = serde_json::to_value(&report).map_err(|e| e.to_string())?;
        write_html("--html", path, &sdkhost::html::render("sdkhost conform", &[sdkhost::html::Input::Conform(value)]))?;
    }
    if report.checks.is_empty() && no_tests == NoTests::Warn {
        #[expect(clippy::print_stderr, reason = "the warning --no-tests=warn asks for")]
        {
            eprintln!("warning: {}", opts.selection.empty_error());
        }
    }
    Ok(if report.passed() { OK } else { FAILED })
}

fn diff(args: DiffArgs) -> Result<u8, String> {
    let read = |path: &Path| -> Result<serde_json::Value, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let value = serde_json::from_str(&text).map_err(|e| format!("{}: not JSON: {e}", path.display()))?;
        sdkhost::diff::check_transcript(&path.display().to_string(), &value)?;
        Ok(value)
    };
    let changes = sdkhost::diff::diff(&read(&args.a)?, &read(&args.b)?);
    let text = match args.format {
        DiffFormat::Text => changes.text(),
        DiffFormat::Json => serde_json::to_string_pretty(&changes).map_err(|e| e.to_string())? + "\n",
    };
    #[expect(clippy::print_stdout, reason = "the CLI's output")]
    {
        print!("{text}");
    }
    Ok(if changes.is_empty() { OK } else { FAILED })
}

fn report(args: ReportArgs) -> Result<u8, String> {
    if let Some(out) = &args.out {
        let mut files = RunFiles::new();
        for path in args.inputs.iter().filter(|p| p.is_file()) {
            files.input("input", path);
        }
        files.output("--out", out)?;
    }
    let mut inputs = Vec::new();
    for path in &args.inputs {
        inputs.extend(sdkhost::html::load(path)?);
    }
    let html = sdkhost::html::render(&args.title, &inputs);
    match &args.out {
        Some(path) => write_html("--out", path, &html)?,
        None => {
            #[expect(clippy::print_stdout, reason = "the CLI's output")]
            {
                print!("{html}");
            }
        }
    }
    Ok(OK)
}

/// `--jobs`, or the number of CPUs: the same default for every command.
fn jobs_or_cpus(jobs: Option<u64>) -> usize {
    jobs.and_then(|j| usize::try_from(j).ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
}

fn parse_span(text: &str) -> Result<sdkhost::session::Span, String> {
    sdkhost::session::Span::parse(text)
}

fn write_html(flag: &str, path: &Path, html: &str) -> Result<(), String> {
    write_atomic(path, html.as_bytes()).map_err(|e| format!("{flag} {}: {e}", path.display()))
}

fn collector(args: CollectorArgs) -> Result<u8, String> {
    let addr = format!("127.0.0.1:{}", args.port);
    let collector = sdkhost::net::Collector::bind(&addr, args.seed).map_err(|e| e.to_string())?;
    #[expect(clippy::print_stderr, reason = "tells the user where it listens")]
    {
        eprintln!("sdkhost collector listening on http://{}", collector.local_addr());
    }
    let stop = sdkhost::net::CollectorStop::new();
    let mut log: Box<dyn std::io::Write> = match &args.out {
        Some(path) => Box::new(std::fs::File::create(path).map_err(|e| format!("--out {}: {e}", path.display()))?),
        None => Box::new(std::io::stdout()),
    };
    collector.run(&mut log, &stop).map_err(|e| e.to_string())?;
    Ok(OK)
}

/// The hidden worker subcommand: one job from stdin, its lines on stdout.
fn worker(memory_mib: Option<u64>) -> Result<u8, String> {
    if let Some(mib) = memory_mib {
        sdkhost::worker::limit_memory(mib).map_err(|e| format!("--memory-mib {mib}: {e}"))?;
    }
    sdkhost::worker::serve().map_err(|e| format!("worker: {e}"))?;
    Ok(OK)
}

fn schema(document: &str) -> Result<u8, String> {
    let text = sdkhost::schema::schema_text(document).ok_or_else(|| format!("no schema named {document:?}"))?;
    #[expect(clippy::print_stdout, reason = "the CLI's output")]
    {
        print!("{text}");
    }
    Ok(OK)
}
