//! `sdkhost run`: one page, its scripts and snippets in the order typed, the clock advanced, optionally a page
//! leave; what happened printed as JSON.

use std::path::PathBuf;

use sdkhost::network::TransportKind;
use sdkhost::output::{RunFiles, read_input};
use sdkhost::records::{EvalResult, Inputs, RunDocument, SessionError};
use sdkhost::{Error, UsageError, VirtualTime};

use super::shared::{BudgetArgs, CUT_SHORT, FAILED, GateArgs, OK, Outputs};
use super::{PageInput, SdkArg};

#[derive(clap::Args)]
pub(crate) struct RunArgs {
    /// The page URL.
    #[arg(long)]
    url: String,
    /// A script file to run in the page (repeatable). `--script` and `--eval` run in the order given: scripts before
    /// the first `--eval` run while the page loads, the rest in the loaded page.
    #[arg(long = "script", value_name = "FILE")]
    pub(crate) scripts: Vec<PathBuf>,
    /// JS to evaluate in the loaded page (repeatable); its value goes into `evals`.
    #[arg(long = "eval", value_name = "JS")]
    pub(crate) evals: Vec<String>,
    /// Serve FILE for the script URL (`URL=FILE`, repeatable), or swap the CrossEngage build (`FILE`). The bundled
    /// reference build is served at the CrossEngage script URL unless replaced.
    #[arg(long = "sdk", value_name = "URL=FILE|FILE", value_parser = super::parse_sdk)]
    sdk: Vec<SdkArg>,
    /// Stub rules answering allowed requests, as in a session's `transport.rules`: a JSON rule object, an array of
    /// rules, or `@FILE` holding either (repeatable; first match wins). Defaults to `200 {}` after 20 ms.
    #[arg(long = "respond", value_name = "JSON|@FILE", value_parser = super::parse_rules)]
    respond: Vec<Vec<sdkhost::network::StubRule>>,
    /// Virtual time to advance at the end: milliseconds, or a duration such as `500ms`, `15m`, `2h`, `14mo`.
    #[arg(long, default_value = "0", value_parser = super::shared::parse_span)]
    advance: sdkhost::batch::Span,
    /// End with a page leave, after `--advance`: the page closes as on a navigation away (`pagehide`,
    /// `visibilitychange` to hidden, `unload`), and what that sends is recorded.
    #[arg(long)]
    leave: bool,
    /// Seed of all randomness.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Virtual clock start, RFC 3339.
    #[arg(long, value_name = "ISO", default_value = "2026-01-01T00:00:00Z")]
    clock_start: String,
    /// Also write the requests as HAR 1.2 to FILE.
    #[arg(long, value_name = "FILE")]
    har: Option<PathBuf>,
    #[command(flatten)]
    gate: GateArgs,
    #[command(flatten)]
    budgets: BudgetArgs,
}

/// Runs `run`; `order` is `--script`/`--eval` in command-line order ([`super::page_inputs`]).
pub(crate) fn run(args: RunArgs, order: Vec<PageInput>) -> Result<u8, Error> {
    let start = VirtualTime::parse(&args.clock_start).map_err(|e| Error::arg("--clock-start", e))?;
    let mut files = RunFiles::new();
    // Scripts before the first --eval are the page's own (run while it loads); the rest run in the loaded page.
    let mut inline = Vec::new();
    let mut after = Vec::new();
    for item in order {
        let item = match item {
            PageInput::Script(path) => {
                let source = read_input(&path).map_err(|e| Error::arg(format!("--script {}", path.display()), e))?;
                files.input("--script", &path);
                Ok((path.display().to_string(), source))
            }
            PageInput::Eval(js) => Err(js),
        };
        match item {
            Ok(script) if after.is_empty() => inline.push(script),
            other => after.push(other),
        }
    }
    let mut sdk = vec![(
        sdkhost::sdk::CE_SCRIPT_URL.to_owned(),
        sdkhost::sdk::REFERENCE_SDK_NAME.to_owned(),
        sdkhost::sdk::REFERENCE_SDK.to_owned(),
    )];
    for (url, path) in super::sdk_files(&args.sdk)? {
        let source = read_input(&path).map_err(|e| Error::arg(format!("--sdk {}", path.display()), e))?;
        files.input("--sdk", &path);
        sdk.retain(|(u, _, _)| *u != url);
        sdk.push((url, path.display().to_string(), source));
    }
    let rules: Vec<_> = args.respond.iter().flatten().cloned().collect();
    let stub = sdkhost::network::StubTransport::new(rules).map_err(|e| Error::arg("--respond", e))?;
    // Every output is checked before anything runs: a run is never lost to a bad output path at the end.
    if let Some(path) = &args.gate.jar {
        files.output("--jar", path)?;
    }
    if let Some(path) = &args.har {
        files.output("--har", path)?;
    }
    if start.checked_plus_ms(args.advance.0).is_none() {
        return Err(Error::Usage(UsageError::AdvancePastClockEnd { advance_ms: args.advance.0 }));
    }
    let profile = match &args.gate.jar {
        Some(p) => sdkhost::output::load_profile(p).map_err(|e| Error::arg("--jar", e))?,
        None => None,
    };
    let policy = args.gate.policy()?;
    let inputs = Inputs::new(args.seed, start, 0, &sdk, policy.clone(), TransportKind::Stub);
    let mut builder = sdkhost::Session::builder()
        .seed(args.seed)
        .clock_start(start)
        .policy(policy)
        .transport(Box::new(stub))
        .budgets(args.budgets.budgets());
    for (url, name, source) in sdk {
        builder = builder.script(url, name, source);
    }
    let mut session = builder.build();
    if let Some(p) = profile {
        session.restore_profile(&p);
    }
    // A budget that runs out ends the run early; what happened up to there is still printed (exit 3).
    let ended = |r: Result<(), SessionError>, flag: &str| match r {
        Err(SessionError::Budget(_)) => Ok(false),
        Err(e) => Err(Error::arg(flag, e)),
        Ok(()) => Ok(true),
    };
    let mut evals = Vec::new();
    if ended(session.load(&args.url, &inline), "--url")? {
        let mut going = true;
        for item in after {
            going = match item {
                Ok((name, source)) => ended(session.run_script(&name, &source), &format!("--script {name}"))?,
                Err(js) => match session.eval(&js) {
                    Ok(v) => {
                        evals.push(EvalResult::Value(v));
                        true
                    }
                    Err(SessionError::Script(e)) => {
                        evals.push(EvalResult::Error(e));
                        true
                    }
                    Err(e) => ended(Err(e), "--eval")?,
                },
            };
            if !going {
                break;
            }
        }
        if going && session.budget_exceeded().is_none() {
            going = ended(session.advance(args.advance.0), "--advance")?;
        }
        if going && args.leave && session.budget_exceeded().is_none() {
            session.finish();
        }
    }
    // The page ran: from here a failed write is reported (exit 4) after the other outputs are written.
    let mut outputs = Outputs::default();
    if let Some(path) = &args.gate.jar
        && let Err(e) = sdkhost::output::save_profile(path, &session.profile())
    {
        outputs.failed(Error::write("--jar", path, e));
    }
    // The record is a transcript document, as `replay --out` writes: no steps, no expectations; then the evals.
    let document = session.document(format!("run {}", args.url), inputs);
    let transcript = session.transcript();
    if let Some(path) = &args.har {
        let exchanges = transcript.exchanges();
        let har = sdkhost::network::to_har(&exchanges, env!("CARGO_PKG_VERSION"));
        match serde_json::to_string_pretty(&har) {
            Ok(text) => outputs.file("--har", path, (text + "\n").as_bytes()),
            Err(e) => outputs.failed(Error::write("--har", path, e)),
        }
    }
    let budget = session.budget_exceeded();
    let js_errors = document.summary.js_errors;
    match serde_json::to_string_pretty(&RunDocument { document, evals }) {
        Ok(text) => outputs.stdout(&(text + "\n")),
        Err(e) => outputs.failed(Error::write_stdout(e)),
    }
    // The summary goes to stderr so that stdout stays one JSON document.
    let exchanges = transcript.exchanges();
    let allowed = exchanges.iter().filter(|x| x.is_allowed()).count();
    let summary = format!(
        "{}: {} requests ({allowed} allowed, {} blocked), ended at {}\n{}",
        args.url,
        exchanges.len(),
        exchanges.len() - allowed,
        session.now(),
        sdkhost::records::page_errors_text(&transcript.page_errors())
    );
    #[expect(clippy::print_stderr, reason = "the CLI's summary")]
    {
        eprint!("{summary}");
    }
    outputs.finish(if budget.is_some() {
        CUT_SHORT
    } else if js_errors == 0 {
        OK
    } else {
        FAILED
    })
}
