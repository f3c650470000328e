//! Reporters: each turns [`SuiteEvent`](super::SuiteEvent)s into one output format, written to an injected
//! `&mut dyn Write`. The machine formats (JUnit, TAP, JSON) are serialised from the finished
//! [`SuiteReport`](super::SuiteReport); the human table and the progress lines are too, so no format holds state of
//! its own about the run.

mod human;
mod json;
mod junit;
mod progress;
mod reporter;
mod tap;

pub(crate) use human::HumanReporter;
pub(crate) use json::JsonReporter;
pub(crate) use junit::JunitReporter;
pub use progress::ProgressReporter;
pub use reporter::{Format, Reporter, reporter_for};
pub(crate) use tap::TapReporter;

#[cfg(test)]
mod tests;
