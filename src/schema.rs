//! JSON Schemas of the documents sdkhost reads and writes, generated from the types (`schemars`): the session script
//! (what `replay` reads, from [`SessionScript`]), the transcript (what `replay --out` writes), `run`'s output (the
//! transcript and its `evals`) and the conformance report (`conform --format json`, from [`SuiteReport`]).
//! `sdkhost schema NAME` prints one; `schemas/` in the repository holds them all, and a test fails when they are
//! stale.
//!
//! The transcript's schema comes from [`TranscriptDoc`], a struct that mirrors the document
//! ([`crate::session::Document`]): the head, summary and final jar field by field, each event by its time and `kind`
//! (the event bodies are not spelt out field by field, so the schema stays readable).

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use crate::clock::VirtualTime;
use crate::conformance::SuiteReport;
use crate::session::{
    BodyPattern, CeCall, LifetimeCap, LinePattern, SameSiteExpect, SessionScript, Span, TextPattern, TimeZone,
};

/// The documents with a schema: (name for `sdkhost schema NAME`, file name under `schemas/`).
pub const DOCUMENTS: [(&str, &str); 4] = [
    ("session", "session.schema.json"),
    ("transcript", "transcript.schema.json"),
    ("run", "run.schema.json"),
    ("report", "conform-report.schema.json"),
];

/// The schema of document `name` (one of [`DOCUMENTS`]), or `None`.
pub fn schema(name: &str) -> Option<Value> {
    let schema = match name {
        "session" => schemars::schema_for!(SessionScript),
        "transcript" => schemars::schema_for!(TranscriptDoc),
        "run" => schemars::schema_for!(RunDoc),
        "report" => {
            // The report is only ever written: its schema is what serialising gives.
            let settings = schemars::generate::SchemaSettings::draft2020_12().for_serialize();
            settings.into_generator().into_root_schema_for::<SuiteReport>()
        }
        _ => return None,
    };
    Some(schema.to_value())
}

/// The schema of `name` as the committed file holds it: pretty JSON and a final newline.
pub fn schema_text(name: &str) -> Option<String> {
    schema(name).map(|v| serde_json::to_string_pretty(&v).unwrap_or_default() + "\n")
}

/// A transcript (`replay --out`), as [`crate::session::Prepared::run`] assembles it.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code, reason = "only its schema is used")]
pub(crate) struct TranscriptDoc {
    /// The transcript format version.
    format: u32,
    /// The session script's name.
    name: String,
    /// What the run started from.
    inputs: TranscriptInputs,
    /// Every event, in the order it happened.
    events: Vec<EventDoc>,
    /// The cookies left in the jar at the end.
    final_jar: Vec<CookieDoc>,
    /// The counts.
    summary: TranscriptSummary,
}

/// What `sdkhost run` prints: a transcript, as [`TranscriptDoc`], then the value of each `--eval`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code, reason = "only its schema is used")]
pub(crate) struct RunDoc {
    #[schemars(flatten)]
    transcript: TranscriptDoc,
    /// Each `--eval` in order: `{"value": ...}`, or `{"error": "..."}` when it threw.
    evals: Vec<crate::session::EvalResult>,
}

/// The inputs of a run.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code, reason = "only its schema is used")]
struct TranscriptInputs {
    seed: u64,
    clock_start: VirtualTime,
    tz_offset_minutes: i32,
    /// Each script URL served from a file: the URL, the file's name, SHA-256 and size.
    sdk: Vec<SdkDoc>,
    /// The gate's policy (consent rule, hosts, deny_all).
    policy: serde_json::Map<String, Value>,
    /// `stub`, `live` or `replay`.
    transport: crate::session::TransportKind,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code, reason = "only its schema is used")]
struct SdkDoc {
    url: String,
    name: String,
    sha256: String,
    bytes: u64,
}

/// One event: its virtual time and kind; the other fields depend on the kind (see the README's "The transcript").
#[derive(JsonSchema)]
#[allow(dead_code, reason = "only its schema is used")]
struct EventDoc {
    at: VirtualTime,
    kind: EventKind,
}

/// The kinds of transcript events.
#[derive(JsonSchema)]
#[schemars(rename_all = "snake_case")]
#[allow(dead_code, reason = "only its schema is used")]
enum EventKind {
    SessionStarted,
    PageOpened,
    PageClosed,
    ScriptRun,
    Console,
    JsError,
    Cookie,
    CookieWrite,
    Request,
    Delivered,
    BudgetExceeded,
    StepFailed,
    Expectation,
    Step,
}

/// A cookie of the final jar.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code, reason = "only its schema is used")]
struct CookieDoc {
    name: String,
    value: String,
    domain: String,
    host_only: bool,
    path: String,
    secure: bool,
    http_only: bool,
    /// `Strict`, `Lax`, `None`, or null when absent.
    same_site: Option<String>,
    /// Null for a session cookie.
    expires: Option<VirtualTime>,
    created: VirtualTime,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code, reason = "only its schema is used")]
struct TranscriptSummary {
    steps: u64,
    requests: u64,
    allowed: u64,
    blocked: u64,
    js_errors: u64,
    expectations_passed: u64,
    expectations_failed: u64,
    /// The step that could not be carried out, or null.
    step_error: Option<String>,
    ended_at: VirtualTime,
    /// The budget that ended the session, when one did.
    #[schemars(default)]
    budget_exceeded: Option<Value>,
}

/// Implements [`JsonSchema`] for a type read from text (or, for some, a number) by hand.
macro_rules! by_hand {
    ($ty:ty, $name:literal, $schema:tt) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

by_hand!(VirtualTime, "VirtualTime", {
    "type": "string",
    "description": "An RFC 3339 instant between 1970 and 9999, e.g. 2026-01-01T00:00:00Z"
});
by_hand!(Span, "Duration", {
    "description": "Milliseconds, or a number with ms, s, m, h, d, w, mo or y (e.g. \"15m\", \"14mo\")",
    "anyOf": [
        {"type": "integer", "minimum": 0, "maximum": 9_000_000_000_000_000_u64},
        {"type": "string", "pattern": "^\\s*[0-9.]+\\s*(ms|s|m|h|d|w|mo|y)?\\s*$"}
    ]
});
by_hand!(LifetimeCap, "LifetimeCap", {
    "type": "string",
    "description": "A duration such as \"400d\", or \"none\""
});
by_hand!(TimeZone, "TimeZone", {
    "type": "string",
    "description": "UTC, Z or a fixed offset such as +02:00",
    "pattern": "^\\s*([Uu][Tt][Cc]|Z|[+-][0-9]+:[0-9]+)\\s*$"
});
by_hand!(CeCall, "CeCall", {
    "type": "array",
    "description": "The arguments of one call of the SDK's global, e.g. [\"track\", \"Viewed Page\", {\"sku\": \"1\"}]",
    "minItems": 1
});
by_hand!(TextPattern, "TextPattern", {
    "type": "string",
    "description": "Exact text, a glob with *, or re:<regex>"
});
by_hand!(LinePattern, "LinePattern", {
    "type": "string",
    "description": "A substring, or re:<regex>"
});
by_hand!(BodyPattern, "BodyPattern", {
    "description": "A JSON subset: objects by key, arrays element-wise, re: strings"
});
by_hand!(SameSiteExpect, "SameSite", {
    "type": "string",
    "enum": ["Strict", "Lax", "None", "unset"]
});

#[cfg(test)]
mod tests {
    #[test]
    fn every_document_has_a_schema() {
        for (name, _) in super::DOCUMENTS {
            let schema = super::schema(name).unwrap_or_default();
            assert!(schema.get("$schema").is_some(), "{name}");
        }
        assert!(super::schema("nothing").is_none());
    }
}
