//! `sdkhost diff`, `report`, `collector`, `schema` and the hidden worker subcommand.

use std::path::{Path, PathBuf};

use sdkhost::files::RunFiles;

use super::shared::*;

#[derive(clap::Args)]
pub(crate) struct DiffArgs {
    /// The transcript before (`replay --out`).
    #[arg(value_name = "A")]
    pub(crate) a: PathBuf,
    /// The transcript after.
    #[arg(value_name = "B")]
    pub(crate) b: PathBuf,
    /// `text` (one line per difference) or `json`.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub(crate) format: DiffFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum DiffFormat {
    Text,
    Json,
}

#[derive(clap::Args)]
pub(crate) struct ReportArgs {
    /// Transcripts (`replay --out`), `run` output or conformance reports (`conform --format json`), or folders of
    /// them (every *.json inside, sorted by name; session scripts there are passed over).
    #[arg(required = true, value_name = "JSON")]
    pub(crate) inputs: Vec<PathBuf>,
    /// Where to write the HTML (default: stdout).
    #[arg(long, value_name = "FILE")]
    pub(crate) out: Option<PathBuf>,
    /// The page title.
    #[arg(long, default_value = "sdkhost report")]
    pub(crate) title: String,
}

#[derive(clap::Args)]
pub(crate) struct CollectorArgs {
    /// Port on 127.0.0.1 (0 picks a free one, printed on stderr).
    #[arg(long, default_value_t = 8787)]
    pub(crate) port: u16,
    /// Seed of the ids it hands out.
    #[arg(long, default_value_t = 0)]
    pub(crate) seed: u64,
    /// Write the JSON lines to FILE (created or emptied) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub(crate) out: Option<PathBuf>,
}

pub(crate) fn diff(args: DiffArgs) -> Result<u8, String> {
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

pub(crate) fn report(args: ReportArgs) -> Result<u8, String> {
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

pub(crate) fn collector(args: CollectorArgs) -> Result<u8, String> {
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
pub(crate) fn worker(memory_mib: Option<u64>) -> Result<u8, String> {
    if let Some(mib) = memory_mib {
        sdkhost::worker::limit_memory(mib).map_err(|e| format!("--memory-mib {mib}: {e}"))?;
    }
    sdkhost::worker::serve().map_err(|e| format!("worker: {e}"))?;
    Ok(OK)
}

pub(crate) fn schema(document: &str) -> Result<u8, String> {
    let text = sdkhost::schema::schema_text(document).ok_or_else(|| format!("no schema named {document:?}"))?;
    #[expect(clippy::print_stdout, reason = "the CLI's output")]
    {
        print!("{text}");
    }
    Ok(OK)
}
