//! The transcript document a run writes (`replay --out`), as types: [`Document`] with its [`Inputs`] and
//! [`Summary`], or the [`Partial`] one of a worker that did not finish. Serialised field by field in the order of
//! the format (`format`, `name`, `inputs`, `events`, `final_jar`, `summary`), so the bytes are those of
//! `tests/golden/*.transcript.json`; read back the same way (a worker process sends its document so).

use serde::{Deserialize, Serialize};

use super::script::TransportKind;
use super::steps::ExpectOutcome;
use crate::budget::Exceeded;
use crate::clock::VirtualTime;
use crate::jar::CookieView;
use crate::net::{Exchange, Policy};
use crate::transcript::{Entry, Event, Transcript};

/// One script URL the session maps to a local file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SdkInput {
    /// The script URL.
    pub url: String,
    /// The file's name (as the script gives it).
    pub name: String,
    /// SHA-256 of the source, hex.
    pub sha256: String,
    /// Size of the source in bytes.
    pub bytes: usize,
}

/// What a run started from: everything that decides its bytes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Inputs {
    /// The seed of `Math.random` and `crypto`.
    pub seed: u64,
    /// The virtual clock's start.
    pub clock_start: VirtualTime,
    /// The time zone, minutes east of UTC.
    pub tz_offset_minutes: i32,
    /// The mapped scripts.
    pub sdk: Vec<SdkInput>,
    /// The gate's policy.
    pub policy: Policy,
    /// The transport.
    pub transport: TransportKind,
}

impl Inputs {
    /// The inputs of a run: `sdk` lists the mapped scripts as (URL, name, source), in order.
    pub fn new(
        seed: u64,
        clock_start: VirtualTime,
        tz_offset_minutes: i32,
        sdk: &[(String, String, String)],
        policy: Policy,
        transport: TransportKind,
    ) -> Inputs {
        let sdk = sdk
            .iter()
            .map(|(url, name, source)| {
                let m = crate::host::MappedScript::new(name.clone(), source.as_str());
                SdkInput { url: url.clone(), name: name.clone(), sha256: m.sha256, bytes: source.len() }
            })
            .collect();
        Inputs { seed, clock_start, tz_offset_minutes, sdk, policy, transport }
    }
}

/// The head of a transcript document: what a worker sends before anything runs.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Head {
    /// [`crate::transcript::FORMAT`].
    pub format: u32,
    /// The script's name.
    pub name: String,
    /// What the run starts from.
    pub inputs: Inputs,
}

/// The counts and the end of a run, as the transcript's `summary`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Steps carried out (a failed step counts).
    pub steps: usize,
    /// Requests through the gate.
    pub requests: usize,
    /// Of those, allowed.
    pub allowed: usize,
    /// Of those, blocked.
    pub blocked: usize,
    /// JS errors recorded.
    pub js_errors: usize,
    /// Expectations that held.
    pub expectations_passed: usize,
    /// Expectations that did not.
    pub expectations_failed: usize,
    /// The step that could not be carried out (or what cut the session short), if any.
    pub step_error: Option<String>,
    /// `timed_out` or `crashed` when a worker did not finish (absent otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_by: Option<String>,
    /// Virtual time at the end.
    pub ended_at: VirtualTime,
    /// The budget that ended the session (absent otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_exceeded: Option<Exceeded>,
}

impl Summary {
    /// The counts of `transcript`, after `steps` steps with these `expectations`, ended at `ended_at` (by
    /// `step_error` when one failed). No budget ran out ([`Summary::budget`] says otherwise).
    pub fn of(
        transcript: &Transcript,
        steps: usize,
        expectations: &[ExpectOutcome],
        step_error: Option<String>,
        ended_at: VirtualTime,
    ) -> Summary {
        let exchanges = transcript.exchanges();
        let allowed = exchanges.iter().filter(|e| e.is_allowed()).count();
        let passed = expectations.iter().filter(|e| e.passed).count();
        Summary {
            steps,
            requests: exchanges.len(),
            allowed,
            blocked: exchanges.len() - allowed,
            js_errors: transcript.js_errors().count(),
            expectations_passed: passed,
            expectations_failed: expectations.len() - passed,
            step_error,
            ended_by: None,
            ended_at,
            budget_exceeded: None,
        }
    }

    /// The same summary, ended by `budget` when one ran out.
    #[must_use]
    pub fn budget(self, budget: Option<Exceeded>) -> Summary {
        Summary { budget_exceeded: budget, ..self }
    }
}

/// A whole transcript document: the session ran to its end (maybe a budget's).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    /// [`crate::transcript::FORMAT`].
    pub format: u32,
    /// The script's name.
    pub name: String,
    /// What the run started from.
    pub inputs: Inputs,
    /// Every event, in order.
    pub events: Vec<Entry>,
    /// The cookie jar at the end.
    pub final_jar: Vec<CookieView>,
    /// The counts and the end.
    pub summary: Summary,
}

/// What `sdkhost run` prints: a transcript document of the same types as `replay --out` (named after the page, no
/// steps or expectations), then the value of each `--eval` in order.
#[derive(Debug, Clone, Serialize)]
pub struct RunDocument {
    /// The transcript.
    #[serde(flatten)]
    pub document: Document,
    /// Each `--eval`'s value, or the error it threw.
    pub evals: Vec<EvalResult>,
}

/// What one `--eval` gave: `{"value": ...}` or `{"error": "..."}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvalResult {
    /// The snippet's completion value, as JSON.
    Value(serde_json::Value),
    /// The page threw (also recorded as a `js_error` event).
    Error(String),
}

/// The transcript of a session whose worker process did not finish (timed out, crashed): the head if it came, the
/// summary counted from the events that did, the events, and `final_jar: null` (the jar died with the worker).
#[derive(Debug, Clone, Serialize)]
pub struct Partial {
    /// [`crate::transcript::FORMAT`].
    pub format: u32,
    /// The script's name, when the head came.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What the run started from, when the head came.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inputs: Option<Inputs>,
    /// The counts and what ended it.
    pub summary: Summary,
    /// Every event recorded before the end.
    pub events: Vec<Entry>,
    /// Always `None` (`null`): unknown.
    pub final_jar: Option<Vec<CookieView>>,
}

/// The transcript document of a run (`replay --out`), whole or partial.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum TranscriptDocument {
    /// The session ran to its end.
    Whole(Document),
    /// Its worker did not finish.
    Partial(Partial),
}

impl TranscriptDocument {
    /// Every event recorded, in order.
    pub fn events(&self) -> &[Entry] {
        match self {
            TranscriptDocument::Whole(d) => &d.events,
            TranscriptDocument::Partial(p) => &p.events,
        }
    }

    /// The counts and the end.
    pub fn summary(&self) -> &Summary {
        match self {
            TranscriptDocument::Whole(d) => &d.summary,
            TranscriptDocument::Partial(p) => &p.summary,
        }
    }

    /// The cookie jar at the end (`None` when the worker did not finish).
    pub fn final_jar(&self) -> Option<&[CookieView]> {
        match self {
            TranscriptDocument::Whole(d) => Some(&d.final_jar),
            TranscriptDocument::Partial(_) => None,
        }
    }

    /// Every request that went through the gate, in order.
    pub fn exchanges(&self) -> impl Iterator<Item = &Exchange> {
        self.events().iter().filter_map(|e| match &e.event {
            Event::Request(exchange) => Some(&**exchange),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::{Decision, Initiator, Outcome, Reason, Request, Response};

    /// Serialises, reads back and serialises again: the bytes must not move.
    fn round_trip<T: Serialize + for<'de> Deserialize<'de>>(value: &T) -> (String, T) {
        let text = serde_json::to_string_pretty(value).expect("serialise");
        let back: T = serde_json::from_str(&text).expect("read back");
        assert_eq!(serde_json::to_string_pretty(&back).expect("serialise again"), text);
        (text, back)
    }

    #[test]
    fn golden_transcripts_read_back_to_the_same_bytes() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
        let mut read = 0;
        for file in std::fs::read_dir(&dir).expect("tests/golden") {
            let path = file.expect("entry").path();
            if !path.to_string_lossy().ends_with(".transcript.json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("golden");
            let doc: Document = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let again = serde_json::to_string_pretty(&doc).expect("serialise") + "\n";
            assert!(again == text, "{}: the bytes moved", path.display());
            read += 1;
        }
        assert!(read >= 7, "read {read} golden transcripts");
    }

    #[test]
    fn exchanges_with_binary_cut_and_failed_bodies_read_back_whole() {
        let url = url::Url::parse("https://t.example/e?x=1").expect("url");
        let page = url::Url::parse("https://shop.example/").expect("url");
        let request = |body: Vec<u8>| {
            Request::new("POST", url.clone(), page.clone(), Initiator::Beacon).with_header("X-A", "b").with_body(body)
        };
        let decision = Decision { allowed: true, reason: Reason::Consent, consent_seen: Some("c=1".into()) };
        let mut response = Response::new(200);
        response.body = vec![0xff, 0x00, 0x7f];
        let exchanges = [
            Exchange {
                request: request(vec![0xc3, 0x28, 0xff]),
                removed: vec!["header Cookie".into()],
                decision: decision.clone(),
                outcome: Some(Outcome::Response(response)),
                latency_ms: 20,
                transport: "stub".into(),
                note: Some("rule 1".into()),
            },
            Exchange {
                request: request("é".repeat(40).into_bytes()).recorded(15),
                removed: Vec::new(),
                decision: decision.clone(),
                outcome: Some(Outcome::NetworkError("connection refused".into())),
                latency_ms: 0,
                transport: "live".into(),
                note: None,
            },
            Exchange {
                request: request(br#"{"event": "Viewed Page"}"#.to_vec()),
                removed: Vec::new(),
                decision: Decision { allowed: false, reason: Reason::NoConsent, consent_seen: None },
                outcome: None,
                latency_ms: 0,
                transport: "none".into(),
                note: None,
            },
        ];
        for exchange in exchanges {
            let entry = Entry { at: VirtualTime::from_unix_ms(5), event: Event::Request(Box::new(exchange.clone())) };
            let (text, back) = round_trip(&entry);
            let Event::Request(read) = back.event else { panic!("not a request: {text}") };
            assert_eq!(*read, exchange, "{text}");
        }
    }
}
