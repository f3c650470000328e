//! `sdkhost replay`: run session scripts, write transcripts and HARs, report the expectations.

use std::path::{Path, PathBuf};

use sdkhost::output::RunFiles;
use sdkhost::{Error, UsageError};

use super::conform::FormatArg;
use super::shared::*;

#[derive(clap::Args)]
pub(crate) struct ReplayArgs {
    /// Session script files, or folders of them (every *.json inside, sorted by name).
    #[arg(required = true, value_name = "SESSION")]
    pub(crate) sessions: Vec<PathBuf>,
    /// Where to write the transcript: a file for one session, a folder for several (NAME.transcript.json).
    #[arg(long, value_name = "PATH")]
    pub(crate) out: Option<PathBuf>,
    /// Also write the requests as HAR 1.2: a file for one session, a folder for several (NAME.har).
    #[arg(long, value_name = "PATH")]
    pub(crate) har: Option<PathBuf>,
    /// Serve FILE for the script URL (`URL=FILE`, repeatable), or swap the CrossEngage build (`FILE`): replaces the
    /// script's `sdk` mapping of that URL, or adds one.
    #[arg(long = "sdk", value_name = "URL=FILE|FILE", value_parser = super::parse_sdk)]
    pub(crate) sdk: Vec<super::SdkArg>,
    /// Replace every script's seed.
    #[arg(long)]
    pub(crate) seed: Option<u64>,
    /// Replace every script's transport.
    #[arg(long, value_enum)]
    pub(crate) transport: Option<TransportArg>,
    /// The HAR file the replay transport answers from (instead of the script's transport.har); needs
    /// `--transport replay`.
    #[arg(long, value_name = "FILE")]
    pub(crate) replay_har: Option<PathBuf>,
    /// Sessions run at once (one thread and one JS engine each). Defaults to the number of CPUs. Output does not
    /// depend on it.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) jobs: Option<u64>,
    /// Only shard K of N (1-based) of the sessions, sorted as given and expanded: session i runs in shard i % N + 1
    /// (as `conform --shard`). A shard may be empty.
    #[arg(long, value_name = "K/N")]
    pub(crate) shard: Option<String>,
    /// Report format of the expectations: `human` (the summary), `junit`, `tap` or `json`.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub(crate) format: FormatArg,
    /// Write that report to this file instead of stdout (progress lines still go to stderr).
    #[arg(long, value_name = "FILE")]
    pub(crate) report: Option<PathBuf>,
    /// Also write one self-contained HTML report of every session (timeline, requests, gate decisions, cookie jar).
    #[arg(long, value_name = "FILE")]
    pub(crate) html: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) gate: GateArgs,
    #[command(flatten)]
    pub(crate) budgets: BudgetArgs,
    #[command(flatten)]
    pub(crate) isolation: IsolationArgs,
}

/// Expands folders into their `*.json` files (but `*.transcript.json`), sorted by name.
pub(crate) fn session_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = std::fs::read_dir(input).map_err(|e| Error::arg(input.display().to_string(), e))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                // Transcripts written into the same folder by `--out` are not session scripts.
                .filter(|p| !p.to_string_lossy().ends_with(".transcript.json"))
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(Error::Usage(UsageError::NoSessionScripts { folder: input.clone() }));
            }
            files.extend(found);
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

pub(crate) fn output_path(base: &Path, many: bool, session: &Path, suffix: &str) -> PathBuf {
    if many {
        let stem = session.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        base.join(format!("{stem}{suffix}"))
    } else {
        base.to_path_buf()
    }
}

pub(crate) fn replay(args: ReplayArgs) -> Result<u8, Error> {
    use sdkhost::batch::{Prepared, prepare, run_sessions};
    use sdkhost::network::TransportKind;
    use sdkhost::{RunOptions, SessionScript};
    if args.replay_har.is_some() && !matches!(args.transport, Some(TransportArg::Replay)) {
        return Err(Error::Usage(UsageError::ReplayHarWithoutReplay));
    }
    let mut files = session_files(&args.sessions)?;
    // Outputs go into folders whenever several sessions were given, whatever a shard keeps.
    let many = files.len() > 1;
    if let Some(text) = &args.shard {
        let shard: sdkhost::suite::Shard = text.parse().map_err(|e| Error::arg("--shard", e))?;
        files = shard.pick(files);
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
        sdk_files: super::sdk_files(&args.sdk)?,
        consent: args.gate.consent()?,
        allowed_hosts: (!args.gate.allow_hosts.is_empty()).then(|| args.gate.allow_hosts.clone()),
        deny_all: args.gate.deny_all,
        jar: args.gate.jar.clone(),
        budgets: args.budgets.budgets(),
    };
    let isolation = args.isolation.isolation()?;
    if args.gate.jar.is_some() && files.len() > 1 {
        return Err(Error::Usage(UsageError::SharedJar));
    }
    // Bad input anywhere stops everything before anything runs.
    let mut prepared = Vec::new();
    for f in &files {
        let script = SessionScript::load(f)?;
        prepared.push(prepare(script, f, &opts)?);
    }
    check_replay_outputs(&args, &files, &prepared, many)?;
    let total = prepared.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    #[expect(clippy::disallowed_methods, reason = "elapsed wall time on the progress lines (stderr), never in output")]
    let started = std::time::Instant::now();
    // Each session runs in its own worker process (unless --in-process): a hang or crash is that session's outcome.
    let sessions: Vec<(PathBuf, Prepared)> = files.iter().cloned().zip(prepared).collect();
    // Each session's transcript and HAR are written as soon as it finishes, so a run that is interrupted (Ctrl-C, a
    // CI time limit, a later session that takes the process down) keeps what it recorded so far.
    let outputs = std::sync::Mutex::new(Outputs::default());
    let results = run_sessions(sessions, &opts, isolation.as_ref(), jobs_or_cpus(args.jobs), |i, report| {
        let n = done.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
        let mut outputs = outputs.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(base) = &args.out {
            let path = output_path(base, many, &files[i], ".transcript.json");
            outputs.file("--out", &path, report.transcript_text().as_bytes());
        }
        if let Some(base) = &args.har {
            let path = output_path(base, many, &files[i], ".har");
            outputs.file("--har", &path, report.har_text().as_bytes());
        }
        let line = sdkhost::batch::progress_line(n, total, report, started.elapsed());
        #[expect(clippy::print_stderr, reason = "progress lines, as conform prints them")]
        {
            eprintln!("{line}");
        }
    });
    let mut outputs = outputs.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    // A session that could not be run at all ends the command, after the others' outputs were written.
    let reports = results?;
    // Every session ran: from here a failed write is reported (exit 4) after the other outputs are written.
    if let Some(path) = &args.html {
        let inputs: Vec<_> =
            reports.iter().map(|r| sdkhost::output::HtmlInput::Transcript(r.transcript_value())).collect();
        outputs.file("--html", path, sdkhost::output::render_html("sdkhost replay", &inputs).as_bytes());
    }
    let format = match args.format {
        FormatArg::Human => sdkhost::batch::ReportFormat::Human,
        FormatArg::Junit => sdkhost::batch::ReportFormat::Junit,
        FormatArg::Tap => sdkhost::batch::ReportFormat::Tap,
        FormatArg::Json => sdkhost::batch::ReportFormat::Json,
    };
    let text = sdkhost::batch::render_report(format, &reports);
    match &args.report {
        Some(path) => outputs.file("--report", path, text.as_bytes()),
        None => outputs.stdout(&text),
    }
    let failed = reports.iter().any(|r| !r.passed());
    outputs.finish(if reports.iter().any(|r| r.cut.is_some()) {
        CUT_SHORT
    } else if failed {
        FAILED
    } else {
        OK
    })
}

/// Checks every output of a replay before anything runs: folders exist (created for several sessions), no output is
/// an input (a session script, an SDK file, a HAR, `--replay-har`), and no two sessions write the same file.
pub(crate) fn check_replay_outputs(
    args: &ReplayArgs,
    files: &[PathBuf],
    prepared: &[sdkhost::batch::Prepared],
    // Whether several sessions were given (outputs go into folders), whatever a shard kept.
    many: bool,
) -> Result<(), Error> {
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
                return Err(Error::Usage(UsageError::OutputNotAFolder { flag: flag.into(), path: base.clone() }));
            }
            std::fs::create_dir_all(base).map_err(|e| Error::arg(format!("{flag} {}", base.display()), e))?;
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
