//! What the suite runner tells its reporters, in order: [`SuiteEvent::Started`], one [`SuiteEvent::CheckFinished`] per
//! selected check in check-id order (whatever order the workers finished in), then [`SuiteEvent::Finished`].

use super::outcome::{CheckReport, SdkInfo, SuiteReport};
use super::select::Selection;

/// One step of a suite run. Reporters match it exhaustively, so a new variant makes each of them decide.
#[derive(Debug, Clone, Copy)]
pub enum SuiteEvent<'a> {
    /// The run is about to start.
    Started {
        /// The suite's name.
        suite: &'a str,
        /// The build under test.
        sdk: &'a SdkInfo,
        /// What was selected.
        selection: &'a Selection,
        /// How many checks will be reported.
        total: usize,
    },
    /// A check has a verdict (emitted in check-id order).
    CheckFinished {
        /// 0-based position in the run.
        index: usize,
        /// How many checks the run has.
        total: usize,
        /// The result.
        check: &'a CheckReport,
    },
    /// Every check has a verdict.
    Finished {
        /// The whole run.
        report: &'a SuiteReport,
    },
}
