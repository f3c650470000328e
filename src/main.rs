//! The `sdkhost` command line: parses the arguments, calls the command (`src/cli/`, each a few library calls),
//! and maps its error to an exit code. The only file with the `main` function; `src/cli/` the only place that names
//! clap.
//!
//! Exit codes: 0 success, 1 the page raised / checks or expectations failed, 2 bad usage or bad input (nothing ran),
//! 3 a session was cut short (a budget ran out, it timed out, or its worker crashed), 4 the work ran but an output
//! could not be written (the other outputs were): [`sdkhost::Error::exit_code`] for errors.

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

mod cli;

#[derive(Parser)]
#[command(name = "sdkhost", version, about = "Run browser tracking SDKs in a deterministic, consent-gated host")]
#[command(after_help = "Exit codes: 0 ok, 1 the page raised or a check failed, 2 bad usage or input, 3 a session \
    was cut short (budget exceeded, timed out, crashed), 4 an output could not be written after the work ran.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Replay session scripts: run each, write its transcript, print a summary; exit 1 if an expectation fails.
    Replay(cli::replay::ReplayArgs),
    /// Load one page, run scripts and snippets in order, advance the clock, print its transcript (the document
    /// `replay --out` writes) and the `--eval` values as JSON.
    Run(cli::run::RunArgs),
    /// Serve a local tracking collector on 127.0.0.1 for live-mode sessions; prints each request as a JSON line.
    #[command(after_help = "What it received, for tests: GET /_sdkhost/received[?path=P] and POST /_sdkhost/reset, \
        each with the header `Sec-Sdkhost-Api: 1` (a header no page can send, so pages cannot reach the API).")]
    Collector(cli::tools::CollectorArgs),
    /// Run the CE v2 conformance suite against an SDK build; exit 0 if every selected check passes, 1 if one fails.
    Conform(cli::conform::ConformArgs),
    /// Compare two transcripts (before/after a build): requests by decision, bodies, cookies, errors, console lines,
    /// expectations. Exit 0 when they agree, 1 when they differ, 2 on bad input.
    Diff(cli::tools::DiffArgs),
    /// Write one self-contained HTML report from transcripts, `run` output and conformance reports (JSON).
    Report(cli::tools::ReportArgs),
    /// Print the JSON Schema of a document: `session` (session scripts), `transcript` (`replay --out`), `run` (what
    /// `run` prints) or `report` (`conform --format json`). The same files are in the repository's `schemas/` folder.
    Schema {
        /// Which document.
        #[arg(value_parser = ["session", "transcript", "run", "report"])]
        document: String,
    },
    /// Internal: run one job from stdin in this process and stream its lines to stdout (`sdkhost::batch::worker_main`).
    #[command(name = "__worker", hide = true)]
    Worker {
        /// Address space limit in MiB.
        #[arg(long)]
        memory_mib: Option<u64>,
    },
}

/// mimalloc: fewer cycles per page than the system allocator for Boa's many small allocations (README, Performance).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let result = match cli.command {
        Command::Replay(args) => cli::replay::replay(args),
        Command::Run(args) => {
            let order = cli::page_inputs(matches.subcommand_matches("run"), &args.scripts, &args.evals);
            cli::run::run(args, order)
        }
        Command::Collector(args) => cli::tools::collector(args),
        Command::Conform(args) => cli::conform::conform(args),
        Command::Report(args) => cli::tools::report(args),
        Command::Diff(args) => cli::tools::diff(args),
        Command::Schema { document } => cli::tools::schema(&document),
        Command::Worker { memory_mib } => cli::tools::worker(memory_mib),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            // The error names the flag or file; its kind gives the exit code.
            #[expect(clippy::print_stderr, reason = "the CLI reports its one error")]
            {
                eprintln!("sdkhost: {error}");
            }
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
        }
    }
}
