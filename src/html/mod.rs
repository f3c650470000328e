//! The HTML report: one self-contained file (inline CSS and JS, no network, no external font) that shows session
//! transcripts on a virtual-time timeline and conformance reports check by check.
//!
//! It is rendered from the JSON documents the other commands write (a transcript, `conform --format json`, or
//! `run`'s output), read as [`serde_json::Value`], so `sdkhost report` works on files from any run and a field this
//! build does not know is simply not shown. Every text from a page, an SDK or an input file is HTML-escaped: a
//! hostile console line or cookie value shows as text and never runs.

mod conform;
mod jar;
mod overview;
mod session;
mod text;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

pub(crate) use text::escape;

/// One document to show.
#[derive(Debug, Clone)]
pub enum Input {
    /// A session transcript (`replay --out`), or `run`'s output.
    Transcript(Value),
    /// A conformance report (`conform --format json`).
    Conform(Value),
}

impl Input {
    /// Recognises a transcript (`events`; `run` prints one too), a conformance report (`checks`), or the output of
    /// an older `run` (`transcript`).
    ///
    /// # Errors
    /// [`LoadError::Unknown`] naming `source` (a file path): the document is none of the three.
    pub fn from_json(source: &str, value: Value) -> Result<Input, LoadError> {
        let has_array = |key: &str| value.get(key).is_some_and(Value::is_array);
        if has_array("events") {
            Ok(Input::Transcript(value))
        } else if has_array("checks") && value.get("suite").is_some() {
            Ok(Input::Conform(value))
        } else if has_array("transcript") {
            Ok(Input::Transcript(run_output_as_transcript(value)))
        } else {
            Err(LoadError::Unknown { file: source.into() })
        }
    }

    fn title(&self) -> String {
        match self {
            Input::Transcript(t) => t.get("name").and_then(Value::as_str).unwrap_or("(unnamed session)").to_owned(),
            Input::Conform(r) => format!(
                "conformance: {} against {}",
                r.get("suite").and_then(Value::as_str).unwrap_or("?"),
                r.pointer("/sdk/name").and_then(Value::as_str).unwrap_or("?")
            ),
        }
    }

    fn passed(&self) -> bool {
        match self {
            Input::Transcript(t) => session::passed(t),
            Input::Conform(r) => conform::passed(r),
        }
    }
}

/// Reads the documents at `path`: one JSON file, or every `*.json` in a folder (sorted by name; session scripts
/// there, which have `steps`, are passed over so a folder holding both scripts and their transcripts works).
///
/// # Errors
/// A [`LoadError`] naming the file: unreadable, not JSON (with line and column), or not a document the report shows.
pub fn load(path: &Path) -> Result<Vec<Input>, LoadError> {
    let read = |file: &Path| -> Result<Value, LoadError> {
        let text = std::fs::read_to_string(file).map_err(|source| LoadError::Read { file: file.into(), source })?;
        serde_json::from_str(&text).map_err(|source| LoadError::Json { file: file.into(), source })
    };
    if !path.is_dir() {
        return Ok(vec![Input::from_json(&path.display().to_string(), read(path)?)?]);
    }
    let entries = std::fs::read_dir(path).map_err(|source| LoadError::Read { file: path.into(), source })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut inputs = Vec::new();
    for file in files {
        let value = read(&file)?;
        if value.get("steps").is_some() {
            continue;
        }
        inputs.push(Input::from_json(&file.display().to_string(), value)?);
    }
    if inputs.is_empty() {
        return Err(LoadError::EmptyFolder { folder: path.into() });
    }
    Ok(inputs)
}

/// Why [`load`] or [`Input::from_json`] cannot read a document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The file or folder cannot be read.
    #[error("{}: {source}", file.display())]
    Read {
        /// The file or folder.
        file: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not JSON.
    #[error("{}: not JSON: {source}", file.display())]
    Json {
        /// The file.
        file: PathBuf,
        /// Where and why (line and column).
        source: serde_json::Error,
    },
    /// The JSON is none of the documents a report shows.
    #[error(
        "{}: not a transcript (no \"events\" array), a conformance report (no \"checks\" array) or `sdkhost run` \
         output (no \"transcript\" array)",
        file.display()
    )]
    Unknown {
        /// The file.
        file: PathBuf,
    },
    /// A folder holds no transcript or report.
    #[error("{}: no transcript or conformance report (*.json) in this folder", folder.display())]
    EmptyFolder {
        /// The folder.
        folder: PathBuf,
    },
}

/// `run` printed `{url, now, console, errors, evals, transcript: [entries]}` before it printed a transcript document;
/// the report still reads such a file, its entries as events.
fn run_output_as_transcript(mut value: Value) -> Value {
    let events = value.get_mut("transcript").map(Value::take).unwrap_or_default();
    let name = format!("run {}", value.get("url").and_then(Value::as_str).unwrap_or(""));
    serde_json::json!({"name": name, "events": events})
}

/// The whole HTML document for `inputs`, in the order given. The same inputs give the same bytes.
pub fn render(title: &str, inputs: &[Input]) -> String {
    let mut html = String::with_capacity(64 * 1024);
    let failed = inputs.iter().filter(|i| !i.passed()).count();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"sdkhost {version}\">\n<title>{title}</title>\n\
         <style>\n{css}</style>\n<script>\n{guard}</script>\n</head>\n<body>\n\
         <header class=\"top\"><h1>{title}</h1><p class=\"verdict {class}\">{verdict}</p>\n",
        version = env!("CARGO_PKG_VERSION"),
        title = escape(title),
        css = include_str!("report.css"),
        guard = include_str!("guard.js"),
        class = if failed == 0 { "pass" } else { "fail" },
        verdict = if failed == 0 {
            format!("{} of {} passed", inputs.len(), inputs.len())
        } else {
            format!("{failed} of {} failed", inputs.len())
        },
    );
    html.push_str(
        "<p class=\"controls\"><label><input type=\"checkbox\" id=\"only-problems\"> only blocked requests, \
         failures and errors</label></p>\n",
    );
    if inputs.len() > 1 {
        html.push_str("<nav><ol>\n");
        for (i, input) in inputs.iter().enumerate() {
            let (class, word) = if input.passed() { ("pass", "pass") } else { ("fail", "FAIL") };
            let _ = writeln!(
                html,
                "<li><a href=\"#d{i}\">{}</a> <span class=\"badge {class}\">{word}</span></li>",
                escape(&input.title())
            );
        }
        html.push_str("</ol></nav>\n");
    }
    html.push_str("</header>\n<main>\n");
    for (i, input) in inputs.iter().enumerate() {
        let id = format!("d{i}");
        match input {
            Input::Transcript(t) => session::render(&mut html, &id, t),
            Input::Conform(r) => conform::render(&mut html, &id, r),
        }
    }
    let _ = write!(
        html,
        "</main>\n<footer>sdkhost {} · all times are virtual; offsets count from each session's clock start\
         </footer>\n<div id=\"self-check\" hidden></div>\n<script>\n{}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        include_str!("report.js")
    );
    html
}

#[cfg(test)]
mod tests;
