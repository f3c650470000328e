//! Conformance checks and the embedded CE v2 suite: each check is a session script with an id, a label and the line
//! of the contract it traces to. The suite's JSON files are compiled into the binary (`include_str!`) and parsed on
//! first use; a mistake in them is a [`SuiteError`] that names the file, the check and the field path.
//!
//! Pure: parsing and validation only, nothing runs here (see `runner.rs`).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::session::{SessionScript, Step, TransportKind};

/// The files of the CE v2 suite, one per area of the contract (the area is the id prefix of its checks).
const CE_V2_FILES: [(&str, &str); 9] = [
    ("loading.json", include_str!("checks/loading.json")),
    ("config.json", include_str!("checks/config.json")),
    ("consent.json", include_str!("checks/consent.json")),
    ("cookies.json", include_str!("checks/cookies.json")),
    ("payload.json", include_str!("checks/payload.json")),
    ("identity.json", include_str!("checks/identity.json")),
    ("retry.json", include_str!("checks/retry.json")),
    ("beacon.json", include_str!("checks/beacon.json")),
    ("logging.json", include_str!("checks/logging.json")),
];

/// The name of the CE v2 suite in reports.
pub(crate) const CE_V2: &str = "ce-v2";

/// What a check's verdict rests on (see the contract's introduction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// Follows from a documented statement: any faithful build must pass it.
    Documented,
    /// Follows from a decision the contract marks \[ours\] (wire format, retries, log texts).
    Reference,
}

impl Label {
    /// `documented` or `reference`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Documented => "documented",
            Label::Reference => "reference",
        }
    }
}

/// One named check: a session script whose expectations must all hold.
#[derive(Debug, Clone)]
pub struct Check {
    /// `area.name`, e.g. `consent.no-egress-before-optin`.
    pub id: String,
    /// What the verdict rests on.
    pub label: Label,
    /// The line of the contract it traces to (section and a few quoted words).
    pub spec: String,
    /// What it does, in a sentence or two.
    pub description: String,
    /// The session it runs (its `name` is the id).
    pub session: SessionScript,
}

impl Check {
    /// The area: the id up to the first dot.
    pub fn area(&self) -> &str {
        self.id.split_once('.').map_or(self.id.as_str(), |(a, _)| a)
    }
}

/// A named, ordered set of checks (sorted by id).
#[derive(Debug, Clone)]
pub struct Suite {
    /// The suite's name, e.g. `ce-v2`.
    pub name: String,
    /// The checks, sorted by id.
    pub checks: Vec<Check>,
}

/// The embedded suite is malformed (a bug in sdkhost, caught by its tests).
#[derive(Debug, thiserror::Error)]
#[error("conformance suite {file}: {message}")]
pub struct SuiteError {
    /// The suite file.
    pub file: String,
    /// What is wrong, naming the check and field.
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckDef {
    id: String,
    label: Label,
    spec: String,
    description: String,
    session: SessionScript,
}

impl Suite {
    /// The CE v2 suite compiled into this binary.
    ///
    /// # Errors
    /// [`SuiteError`] when an embedded file is malformed (caught by the crate's tests, so not in a release).
    pub fn ce_v2() -> Result<Suite, SuiteError> {
        Suite::from_files(CE_V2, &CE_V2_FILES)
    }

    /// Parses a suite from `(file name, JSON text)` pairs: each file an array of checks whose ids start with the
    /// file's stem and a dot.
    ///
    /// # Errors
    /// [`SuiteError`] naming the file, the check and the field: bad JSON, unknown fields, a bad session script, an id
    /// outside its area or used twice, empty `spec`/`description`, a session without a page load or an `expect`.
    pub fn from_files(name: &str, files: &[(&str, &str)]) -> Result<Suite, SuiteError> {
        let mut checks = Vec::new();
        for (file, text) in files {
            checks.extend(parse_file(file, text)?);
        }
        checks.sort_by(|a, b| a.id.cmp(&b.id));
        if let Some(w) = checks.windows(2).find(|w| w[0].id == w[1].id) {
            return Err(SuiteError { file: "(suite)".into(), message: format!("check id {} is used twice", w[0].id) });
        }
        Ok(Suite { name: name.to_owned(), checks })
    }
}

fn parse_file(file: &str, text: &str) -> Result<Vec<Check>, SuiteError> {
    let fail = |message: String| SuiteError { file: file.to_owned(), message };
    let area = file.strip_suffix(".json").unwrap_or(file);
    let items: Vec<Value> =
        serde_json::from_str(text).map_err(|e| fail(format!("{}:{}: {e}", e.line(), e.column())))?;
    let mut checks = Vec::with_capacity(items.len());
    for (i, mut item) in items.into_iter().enumerate() {
        let id = item.get("id").and_then(Value::as_str).map_or_else(|| format!("[{i}]"), str::to_owned);
        // The session's name is the check id; writing it twice in the file would only let them drift apart.
        if let Some(session) = item.get_mut("session").and_then(Value::as_object_mut)
            && !session.contains_key("name")
        {
            session.insert("name".into(), Value::String(id.clone()));
        }
        let def: CheckDef = serde_path_to_error::deserialize(item).map_err(|e| {
            let at = e.path().to_string();
            fail(format!("check {id}: at {at}: {}", e.into_inner()))
        })?;
        validate(&def, area).map_err(|m| fail(format!("check {id}: {m}")))?;
        checks.push(Check {
            id: def.id,
            label: def.label,
            spec: def.spec,
            description: def.description,
            session: def.session,
        });
    }
    Ok(checks)
}

fn validate(def: &CheckDef, area: &str) -> Result<(), String> {
    let Some(rest) = def.id.strip_prefix(area).and_then(|r| r.strip_prefix('.')) else {
        return Err(format!("the id must start with {area:?} and a dot"));
    };
    let kebab = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !kebab(rest) {
        return Err("the name after the dot must be kebab-case (a-z, 0-9, -)".into());
    }
    if def.spec.trim().is_empty() || !def.spec.starts_with('§') {
        return Err("spec must name the contract section it traces to (\"§3 ...\")".into());
    }
    if def.description.trim().is_empty() {
        return Err("description is empty".into());
    }
    let session = &def.session;
    if session.jar.is_some() || session.sdk.is_some() {
        return Err(
            "session.jar and session.sdk are not allowed: a check is self-contained and runs the build under test"
                .into(),
        );
    }
    if session.transport.as_ref().and_then(|t| t.kind).is_some_and(|k| k != TransportKind::Stub) {
        return Err("session.transport.kind must be stub: checks run offline".into());
    }
    let steps = &session.steps;
    if !matches!(steps.first(), Some(Step::Load(_))) {
        return Err("session.steps must start with a load step".into());
    }
    if !steps.iter().any(|s| matches!(s, Step::Expect(_))) {
        return Err("session.steps has no expect step, so the check could never fail".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{Label, Suite};

    const ONE: &str = r#"[{"id": "demo.one", "label": "documented", "spec": "§3 \"opted out\"", "description": "d",
        "session": {"steps": [{"load": {"url": "https://shop.example/"}}, {"expect": {"requests": {"count": 0}}}]}}]"#;

    #[test]
    fn parses_and_names_sessions_after_ids() {
        let suite = Suite::from_files("t", &[("demo.json", ONE)]).unwrap();
        assert_eq!(suite.checks.len(), 1);
        assert_eq!(suite.checks[0].label, Label::Documented);
        assert_eq!(suite.checks[0].session.name, "demo.one");
        assert_eq!(suite.checks[0].area(), "demo");
    }

    #[test]
    fn errors_name_file_check_and_field() {
        let bad = ONE.replace("\"count\": 0", "\"cuont\": 0");
        let e = Suite::from_files("t", &[("demo.json", &bad)]).unwrap_err().to_string();
        assert!(e.contains("demo.json") && e.contains("demo.one") && e.contains("cuont"), "{e}");
        let e = Suite::from_files("t", &[("other.json", ONE)]).unwrap_err().to_string();
        assert!(e.contains("must start with \"other\""), "{e}");
        let e = Suite::from_files("t", &[("demo.json", ONE), ("demo.json", ONE)]).unwrap_err().to_string();
        assert!(e.contains("used twice"), "{e}");
        let no_expect = ONE.replace(r#", {"expect": {"requests": {"count": 0}}}"#, "");
        let e = Suite::from_files("t", &[("demo.json", &no_expect)]).unwrap_err().to_string();
        assert!(e.contains("no expect step"), "{e}");
        let live = ONE.replace(r#""session": {"#, r#""session": {"transport": {"kind": "live"}, "#);
        let e = Suite::from_files("t", &[("demo.json", &live)]).unwrap_err().to_string();
        assert!(e.contains("must be stub"), "{e}");
        let e = Suite::from_files("t", &[("demo.json", "[{]")]).unwrap_err().to_string();
        assert!(e.contains("demo.json: 1:"), "{e}");
    }

    #[test]
    fn embedded_suite_loads() {
        let suite = Suite::ce_v2().unwrap();
        assert!(suite.checks.len() >= 40, "{} checks", suite.checks.len());
        assert!(suite.checks.windows(2).all(|w| w[0].id < w[1].id));
    }
}
