//! Conformance testing of SDK builds (`sdkhost conform`): named checks traced to the contract, run as session
//! scripts against a build, reported as a table, JUnit XML, TAP or JSON.
//!
//! The runner emits [`SuiteEvent`]s and never formats; each reporter consumes them and writes one format.

mod check;
mod event;
mod excerpt;
mod outcome;
pub(crate) mod report;
mod runner;
mod select;
#[cfg(test)]
mod tests_cache_on_off;

pub use check::{Check, Label, Suite, SuiteError};
pub use event::SuiteEvent;
pub use outcome::{CheckReport, CheckResult, REPORT_FORMAT, SdkInfo, SelectionInfo, SuiteReport, Summary};
pub use runner::{CheckRunner, RunError, SdkBuild, SuiteOptions, run_suite};
pub(crate) use runner::{base, run_check};
pub use select::{CheckProfile, NoTests, SelectError, Selection, Shard, ShardError};
