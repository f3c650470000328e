//! The neutral result of a suite run, [`SuiteReport`]: what every report format is serialised from. Its JSON form
//! (`serde`) *is* the `--format json` schema, version [`REPORT_FORMAT`]; fields are only ever added.

use serde::Serialize;

use super::check::Label;
use super::select::Selection;

/// The version of the JSON report schema.
pub const REPORT_FORMAT: u32 = 1;

/// The SDK build under test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct SdkInfo {
    /// The build's file name (no directories, so reports do not depend on the machine).
    pub name: String,
    /// SHA-256 of its source, lowercase hex.
    pub sha256: String,
}

/// The verdict of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CheckResult {
    /// Every expectation held.
    Pass,
    /// An expectation failed, or a step could not be carried out.
    Fail,
    /// Not run (fail-fast stopped the suite after an earlier failure).
    Skip,
}

impl CheckResult {
    /// `pass`, `fail` or `skip`.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckResult::Pass => "pass",
            CheckResult::Fail => "fail",
            CheckResult::Skip => "skip",
        }
    }
}

/// One check's result. Deserialisable: a worker process sends it to the CLI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct CheckReport {
    /// The check id.
    pub id: String,
    /// Its label.
    pub label: Label,
    /// The contract line it traces to.
    pub spec: String,
    /// What it checks.
    pub description: String,
    /// The verdict.
    pub result: CheckResult,
    /// Virtual time the session took, in ms (0 when skipped).
    pub virtual_ms: u64,
    /// What did not hold: `expect "label" (step N): expected …, got …`, or the step that failed.
    pub failures: Vec<String>,
    /// A short transcript excerpt of the failing window (steps, requests, console lines, errors); empty on a pass.
    pub excerpt: Vec<String>,
}

/// Counts over the checks that were selected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Summary {
    /// Checks selected.
    pub total: usize,
    /// Passed.
    pub passed: usize,
    /// Failed.
    pub failed: usize,
    /// Skipped.
    pub skipped: usize,
    /// Sum of the checks' virtual ms.
    pub virtual_ms: u64,
}

/// A whole run, in check-id order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct SuiteReport {
    /// Always [`REPORT_FORMAT`].
    pub format: u32,
    /// The suite's name, e.g. `ce-v2`.
    pub suite: String,
    /// The build under test.
    pub sdk: SdkInfo,
    /// `documented` or `reference`.
    pub profile: &'static str,
    /// The filter and shard used (`null` when not given).
    pub selection: SelectionInfo,
    /// One entry per selected check, in id order.
    pub checks: Vec<CheckReport>,
    /// The counts.
    pub summary: Summary,
}

/// The filter and shard of a run, as given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct SelectionInfo {
    /// `--filter`.
    pub filter: Option<String>,
    /// `--shard`, as `K/N`.
    pub shard: Option<String>,
}

impl SuiteReport {
    /// A report of `checks` (summary computed here).
    pub fn new(suite: &str, sdk: SdkInfo, selection: &Selection, checks: Vec<CheckReport>) -> SuiteReport {
        let count = |r: CheckResult| checks.iter().filter(|c| c.result == r).count();
        let summary = Summary {
            total: checks.len(),
            passed: count(CheckResult::Pass),
            failed: count(CheckResult::Fail),
            skipped: count(CheckResult::Skip),
            virtual_ms: checks.iter().map(|c| c.virtual_ms).sum(),
        };
        SuiteReport {
            format: REPORT_FORMAT,
            suite: suite.to_owned(),
            sdk,
            profile: selection.profile.as_str(),
            selection: SelectionInfo {
                filter: selection.filter.clone(),
                shard: selection.shard.map(|s| s.to_string()),
            },
            checks,
            summary,
        }
    }

    /// Whether every selected check passed (nothing failed or was skipped).
    pub fn passed(&self) -> bool {
        self.summary.failed == 0 && self.summary.skipped == 0
    }
}
