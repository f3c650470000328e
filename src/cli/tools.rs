//! `sdkhost diff`, `report`, `collector`, `schema` and the hidden worker subcommand.

use std::path::{Path, PathBuf};

use sdkhost::output::RunFiles;
use sdkhost::{Error, UsageError};

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

pub(crate) fn diff(args: DiffArgs) -> Result<u8, Error> {
    let read = |path: &Path| -> Result<serde_json::Value, Error> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| Error::arg(&shown, e))?;
        let value = serde_json::from_str(&text).map_err(|e| Error::arg(format!("{shown}: not JSON"), e))?;
        sdkhost::output::check_transcript(&value).map_err(|e| Error::arg(&shown, e))?;
        Ok(value)
    };
    let changes = sdkhost::output::diff_transcripts(&read(&args.a)?, &read(&args.b)?);
    let mut outputs = Outputs::default();
    match args.format {
        DiffFormat::Text => outputs.stdout(&changes.text()),
        DiffFormat::Json => match serde_json::to_string_pretty(&changes) {
            Ok(text) => outputs.stdout(&(text + "\n")),
            Err(e) => outputs.failed(Error::write_stdout(e)),
        },
    }
    outputs.finish(if changes.is_empty() { OK } else { FAILED })
}

pub(crate) fn report(args: ReportArgs) -> Result<u8, Error> {
    if let Some(out) = &args.out {
        let mut files = RunFiles::new();
        for path in args.inputs.iter().filter(|p| p.is_file()) {
            files.input("input", path);
        }
        files.output("--out", out)?;
    }
    let mut inputs = Vec::new();
    for path in &args.inputs {
        inputs.extend(sdkhost::output::load_html_inputs(path)?);
    }
    let html = sdkhost::output::render_html(&args.title, &inputs);
    let mut outputs = Outputs::default();
    match &args.out {
        Some(path) => outputs.file("--out", path, html.as_bytes()),
        None => outputs.stdout(&html),
    }
    outputs.finish(OK)
}

pub(crate) fn collector(args: CollectorArgs) -> Result<u8, Error> {
    let addr = format!("127.0.0.1:{}", args.port);
    let collector = sdkhost::network::Collector::bind(&addr, args.seed).map_err(|e| Error::arg("--port", e))?;
    #[expect(clippy::print_stderr, reason = "tells the user where it listens")]
    {
        eprintln!("sdkhost collector listening on http://{}", collector.local_addr());
    }
    let stop = sdkhost::network::CollectorStop::new();
    let mut log: Box<dyn std::io::Write> = match &args.out {
        Some(path) => {
            Box::new(std::fs::File::create(path).map_err(|e| Error::arg(format!("--out {}", path.display()), e))?)
        }
        None => Box::new(std::io::stdout()),
    };
    collector.run(&mut log, &stop).map_err(|e| match &args.out {
        Some(path) => Error::write("--out", path, e),
        None => Error::write_stdout(e),
    })?;
    Ok(OK)
}

/// The hidden worker subcommand: one job from stdin, its lines on stdout.
pub(crate) fn worker(memory_mib: Option<u64>) -> Result<u8, Error> {
    sdkhost::batch::worker_main(memory_mib)?;
    Ok(OK)
}

pub(crate) fn schema(document: &str) -> Result<u8, Error> {
    let text = sdkhost::output::schema_text(document)
        .ok_or_else(|| Error::Usage(UsageError::UnknownSchema { name: document.into() }))?;
    let mut outputs = Outputs::default();
    outputs.stdout(&text);
    outputs.finish(OK)
}
