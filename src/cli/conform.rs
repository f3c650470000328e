//! `sdkhost conform`: run the conformance suite against an SDK build and report it.

use std::path::PathBuf;

use sdkhost::output::{RunFiles, read_input};
use sdkhost::{Error, UsageError};

use super::shared::*;

#[derive(clap::Args)]
#[command(after_help = "Exit codes: 0 every selected check passed, 1 a check failed, 2 bad usage or input \
    (e.g. a missing --sdk file, a --filter or --shard that selects no check, unless --no-tests says otherwise), \
    4 the checks ran but the report could not be written.")]
pub(crate) struct ConformArgs {
    /// The SDK build to test (served at the CrossEngage script URL), e.g. sdk-js/ce.js or sdk-js/dist/ce.min.js.
    /// The checks load that one script, so the `URL=FILE` form of `run` and `replay` is refused here.
    #[arg(long, value_name = "BUILD.js", value_parser = super::parse_sdk)]
    pub(crate) sdk: super::SdkArg,
    /// `documented`: only checks any faithful build must pass; `reference`: also the reference build's decisions.
    #[arg(long, value_enum, default_value_t = ProfileArg::Reference)]
    pub(crate) profile: ProfileArg,
    /// Report format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub(crate) format: FormatArg,
    /// Write the report to this file instead of stdout (progress lines still go to stderr).
    #[arg(long, value_name = "FILE")]
    pub(crate) out: Option<PathBuf>,
    /// Checks run at once (one thread and one JS engine each). Defaults to the number of CPUs. Output does not
    /// depend on it.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) jobs: Option<u64>,
    /// Only checks whose id contains PATTERN, or matches it as a glob (`*`, `?`), e.g. `consent.*`.
    #[arg(long, value_name = "PATTERN")]
    pub(crate) filter: Option<String>,
    /// Only shard K of N (1-based) of the sorted, filtered checks: check i runs in shard i % N + 1.
    #[arg(long, value_name = "K/N")]
    pub(crate) shard: Option<String>,
    /// Also write the report as one self-contained HTML file (checks, verdicts, spec clauses, excerpts).
    #[arg(long, value_name = "FILE")]
    pub(crate) html: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) isolation: IsolationArgs,
    /// What a run that selects no check means (after --profile, --filter and --shard): `fail` is exit 2, `warn`
    /// passes with a warning on stderr, `pass` passes quietly.
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = NoTestsArg::Fail)]
    pub(crate) no_tests: NoTestsArg,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum NoTestsArg {
    Fail,
    Warn,
    Pass,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum ProfileArg {
    Documented,
    Reference,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum FormatArg {
    Human,
    Junit,
    Tap,
    Json,
}

pub(crate) fn conform(args: ConformArgs) -> Result<u8, Error> {
    use sdkhost::suite::{CheckProfile, NoTests, Selection, Suite, run_suite};
    use sdkhost::{SdkBuild, SuiteOptions, suite as report};
    use std::io::Write;
    let shard = args.shard.as_deref().map(str::parse).transpose().map_err(|e| Error::arg("--shard", e))?;
    if args.sdk.mapped {
        return Err(Error::Usage(UsageError::ConformSdkMapped { url: args.sdk.url, file: args.sdk.file }));
    }
    let build = &args.sdk.file;
    let source = read_input(build).map_err(|e| Error::arg(format!("--sdk {} (the build)", build.display()), e))?;
    let mut files = RunFiles::new();
    files.input("--sdk", build);
    for (flag, path) in [("--out", &args.out), ("--html", &args.html)] {
        if let Some(path) = path {
            files.output(flag, path)?;
        }
    }
    let suite = Suite::ce_v2()?;
    let profile = match args.profile {
        ProfileArg::Documented => CheckProfile::Documented,
        ProfileArg::Reference => CheckProfile::Reference,
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
    let isolation = isolation.map(|i| std::sync::Arc::new(i) as std::sync::Arc<dyn sdkhost::suite::CheckRunner>);
    let opts = SuiteOptions { selection, jobs, fail_fast: false, isolation, no_tests };
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
    let flushed = out.flush();
    drop(out);
    let report = result?;
    // The suite ran: from here a failed write is reported (exit 4) after the other outputs are written.
    let mut outputs = Outputs::default();
    if let Err(e) = flushed {
        outputs.failed(Error::write_stdout(e));
    }
    if let Some(path) = &args.out {
        outputs.file("--out", path, &buffer);
    }
    if let Some(path) = &args.html {
        match serde_json::to_value(&report) {
            Ok(value) => {
                let html =
                    sdkhost::output::render_html("sdkhost conform", &[sdkhost::output::HtmlInput::Conform(value)]);
                outputs.file("--html", path, html.as_bytes());
            }
            Err(e) => outputs.failed(Error::write("--html", path, e)),
        }
    }
    if report.checks.is_empty() && no_tests == NoTests::Warn {
        #[expect(clippy::print_stderr, reason = "the warning --no-tests=warn asks for")]
        {
            eprintln!("warning: {}", opts.selection.empty_error());
        }
    }
    outputs.finish(if report.passed() { OK } else { FAILED })
}
