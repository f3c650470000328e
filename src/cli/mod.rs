//! The vocabulary the commands share: `--sdk URL=FILE` / `--sdk FILE`, durations, stub rules on the command line, and
//! `--script`/`--eval` in the order typed.

pub(crate) mod conform;
pub(crate) mod replay;
pub(crate) mod run;
pub(crate) mod shared;
pub(crate) mod tools;

use std::path::PathBuf;

use sdkhost::UsageError;
use sdkhost::network::StubRule;
use sdkhost::sdk::CE_SCRIPT_URL;

/// One `--sdk` value: serve FILE for URL (`URL=FILE`), or swap the CrossEngage build (`FILE`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SdkArg {
    /// The script URL served from the file.
    pub(crate) url: String,
    /// The local file.
    pub(crate) file: PathBuf,
    /// Whether a URL was given (`URL=FILE`) rather than the CrossEngage shorthand.
    pub(crate) mapped: bool,
}

/// Parses `URL=FILE` (an `http:` or `https:` URL before the last `=`) or `FILE` (the CrossEngage build, served at its
/// script URL).
pub(crate) fn parse_sdk(text: &str) -> Result<SdkArg, String> {
    if let Some((url, file)) = text.rsplit_once('=')
        && let Ok(parsed) = url::Url::parse(url)
        && matches!(parsed.scheme(), "http" | "https")
    {
        if file.is_empty() {
            return Err(format!("{text:?}: expected URL=FILE, and FILE is empty"));
        }
        return Ok(SdkArg { url: parsed.to_string(), file: PathBuf::from(file), mapped: true });
    }
    if text.is_empty() {
        return Err("expected FILE or URL=FILE".into());
    }
    Ok(SdkArg { url: CE_SCRIPT_URL.to_owned(), file: PathBuf::from(text), mapped: false })
}

/// The `--sdk` values as URL → file; an error when one URL is given twice.
pub(crate) fn sdk_files(args: &[SdkArg]) -> Result<Vec<(String, PathBuf)>, sdkhost::Error> {
    let mut out: Vec<(String, PathBuf)> = Vec::new();
    for a in args {
        if out.iter().any(|(u, _)| *u == a.url) {
            return Err(sdkhost::Error::Usage(UsageError::SdkMappedTwice { url: a.url.clone() }));
        }
        out.push((a.url.clone(), a.file.clone()));
    }
    Ok(out)
}

/// A wall-time limit: a number of seconds (`30`, `2.5`) or a duration (`500ms`, `90s`, `15m`, `2h`); in seconds.
pub(crate) fn parse_seconds(text: &str) -> Result<f64, sdkhost::batch::SpanError> {
    if let Ok(secs) = text.trim().parse::<f64>() {
        return Ok(secs);
    }
    let span = sdkhost::batch::Span::parse(text)?;
    Ok(span.0 as f64 / 1000.0)
}

/// Stub rules from `--respond`: a JSON rule object or array of rules, or `@FILE` holding one.
pub(crate) fn parse_rules(text: &str) -> Result<Vec<StubRule>, String> {
    let (json, from) = match text.strip_prefix('@') {
        Some(path) => {
            let body = sdkhost::output::read_input(std::path::Path::new(path))
                .map_err(|e| format!("--respond {path}: {e}"))?;
            (body, format!("--respond {path}"))
        }
        None => (text.to_owned(), "--respond".to_owned()),
    };
    let value: serde_json::Value = serde_json::from_str(&json).map_err(|e| format!("{from}: not JSON: {e}"))?;
    let list = match value {
        serde_json::Value::Array(items) => items,
        other => vec![other],
    };
    list.into_iter()
        .enumerate()
        .map(|(i, v)| {
            serde_json::from_value::<StubRule>(v).map_err(|e| format!("{from}: rule {}: {e}", i + 1)).and_then(|r| {
                if r.latency_ms > MAX_LATENCY_MS {
                    Err(format!(
                        "{from}: rule {}: latency_ms {} is above the limit {MAX_LATENCY_MS}",
                        i + 1,
                        r.latency_ms
                    ))
                } else {
                    Ok(r)
                }
            })
        })
        .collect()
}

/// The longest latency a stub rule may give (as in session scripts).
const MAX_LATENCY_MS: u64 = 9_000_000_000_000_000;

/// What `run` does after the page opens, in the order typed: a script file or a JS snippet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PageInput {
    /// `--script FILE`.
    Script(PathBuf),
    /// `--eval JS`.
    Eval(String),
}

/// `--script` and `--eval` values merged in command-line order (clap keeps each flag's values apart; their indices
/// say how they interleave).
pub(crate) fn page_inputs(matches: Option<&clap::ArgMatches>, scripts: &[PathBuf], evals: &[String]) -> Vec<PageInput> {
    let index =
        |id: &str| -> Vec<usize> { matches.and_then(|m| m.indices_of(id)).map(Iterator::collect).unwrap_or_default() };
    let (si, ei) = (index("scripts"), index("evals"));
    let mut all: Vec<(usize, PageInput)> = Vec::new();
    for (i, s) in scripts.iter().enumerate() {
        all.push((si.get(i).copied().unwrap_or(i), PageInput::Script(s.clone())));
    }
    for (i, e) in evals.iter().enumerate() {
        // Without indices (never from the command line) the evals follow the scripts.
        all.push((ei.get(i).copied().unwrap_or(usize::MAX / 2 + i), PageInput::Eval(e.clone())));
    }
    all.sort_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdk_values_are_a_url_mapping_or_the_crossengage_build() {
        let m = parse_sdk("https://cdn.example/a.js?v=1=build/a.js").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (m.url.as_str(), m.file.to_str(), m.mapped),
            ("https://cdn.example/a.js?v=1", Some("build/a.js"), true)
        );
        let b = parse_sdk("dist/ce.min.js").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((b.url.as_str(), b.mapped), (CE_SCRIPT_URL, false));
        let odd = parse_sdk("out/a=b.js").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(odd.file.to_str(), Some("out/a=b.js"));
        assert!(parse_sdk("https://a.example/x.js=").is_err());
        assert!(sdk_files(&[b.clone(), b]).is_err());
    }

    #[test]
    fn seconds_take_numbers_and_durations() {
        assert_eq!(parse_seconds("30"), Ok(30.0));
        assert_eq!(parse_seconds("500ms"), Ok(0.5));
        assert_eq!(parse_seconds("2m"), Ok(120.0));
        assert!(parse_seconds("soon").is_err());
    }

    #[test]
    fn rules_are_one_object_or_an_array() {
        assert_eq!(parse_rules(r#"{"url": "*", "status": 500}"#).map(|r| r[0].status), Ok(500));
        assert_eq!(parse_rules(r#"[{"url": "a"}, {"url": "b"}]"#).map(|r| r.len()), Ok(2));
        assert!(parse_rules(r#"{"url": "*", "stauts": 500}"#).is_err());
    }
}
