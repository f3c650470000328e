//! The `sdkhost` command line: the only file that names clap. Each subcommand is a few library calls.
//!
//! Exit codes: 0 success, 1 the page raised / checks or expectations failed, 2 bad usage or bad input.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde_json::json;

use sdkhost::VirtualTime;
use sdkhost::transcript::Event;

/// Everything went as expected.
const OK: u8 = 0;
/// The page raised, or a check/expectation failed.
const FAILED: u8 = 1;
/// Bad usage or bad input.
const USAGE_OR_INPUT: u8 = 2;

#[derive(Parser)]
#[command(name = "sdkhost", version, about = "Run browser tracking SDKs in a deterministic, consent-gated host")]
#[command(after_help = "Exit codes: 0 ok, 1 the page raised or a check failed, 2 bad usage or input.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load one page, run scripts and snippets in order, advance the clock, print what happened as JSON.
    Run(RunArgs),
}

#[derive(clap::Args)]
struct RunArgs {
    /// The page URL.
    #[arg(long)]
    url: String,
    /// A script file to run in the page (repeatable; runs in order, before --eval).
    #[arg(long = "script", value_name = "FILE")]
    scripts: Vec<PathBuf>,
    /// JS to evaluate after the scripts (repeatable).
    #[arg(long = "eval", value_name = "JS")]
    evals: Vec<String>,
    /// Milliseconds of virtual time to advance at the end.
    #[arg(long, default_value_t = 0)]
    advance: u64,
    /// Seed of all randomness.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Virtual clock start, RFC 3339.
    #[arg(long, value_name = "ISO", default_value = "2026-01-01T00:00:00Z")]
    clock_start: String,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run(args) => run(args),
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

fn run(args: RunArgs) -> Result<u8, String> {
    let start = VirtualTime::parse(&args.clock_start).map_err(|e| format!("--clock-start: {e}"))?;
    let mut inline = Vec::new();
    for path in &args.scripts {
        let source = std::fs::read_to_string(path).map_err(|e| format!("--script {}: {e}", path.display()))?;
        inline.push((path.display().to_string(), source));
    }
    let mut session = sdkhost::Session::builder().seed(args.seed).clock_start(start).build();
    session.load(&args.url, &inline, "load").map_err(|e| format!("--url: {e}"))?;
    let mut evals = Vec::new();
    for js in &args.evals {
        let value = session.eval(js).map_err(|e| e.to_string())?;
        evals.push(match value {
            Ok(v) => json!({"value": v}),
            Err(e) => json!({"error": e}),
        });
    }
    session.advance(args.advance);
    let transcript = session.transcript();
    let mut console = Vec::new();
    let mut errors = Vec::new();
    for entry in transcript.entries() {
        match &entry.event {
            Event::Console { level, text } => console.push(json!({"at": entry.at, "level": level, "text": text})),
            Event::JsError { phase, message, location } => {
                errors.push(json!({"at": entry.at, "phase": phase, "message": message, "location": location}))
            }
            _ => {}
        }
    }
    let out = json!({
        "url": args.url,
        "now": session.now(),
        "console": console,
        "errors": errors,
        "evals": evals,
        "transcript": transcript.entries(),
    });
    let text = serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?;
    #[expect(clippy::print_stdout, reason = "the CLI's output")]
    {
        println!("{text}");
    }
    Ok(if errors.is_empty() { OK } else { FAILED })
}
