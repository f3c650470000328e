//! The [`Reporter`] trait and the report [`Format`]s, with [`reporter_for`] to pick one.

use std::io::{self, Write};

use super::{HumanReporter, JsonReporter, JunitReporter, TapReporter};
use crate::conformance::event::SuiteEvent;

/// Consumes suite events in order and writes its format to the writer it was built with.
pub trait Reporter {
    /// Handles one event.
    ///
    /// # Errors
    /// The writer failed.
    fn on_event(&mut self, event: &SuiteEvent<'_>) -> io::Result<()>;
}

/// The report formats of `sdkhost conform --format`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// A table of checks, then the failures with what was expected, what happened and a transcript excerpt.
    #[default]
    Human,
    /// JUnit XML (as nextest writes it; no timestamps, no ids that change between runs).
    Junit,
    /// TAP version 14, with a YAML block for each failure.
    Tap,
    /// The versioned JSON report (`format: 1`).
    Json,
}

/// The reporter for `format`, writing to `out`.
pub fn reporter_for<'a>(format: Format, out: &'a mut dyn Write) -> Box<dyn Reporter + 'a> {
    match format {
        Format::Human => Box::new(HumanReporter::new(out)),
        Format::Junit => Box::new(JunitReporter::new(out)),
        Format::Tap => Box::new(TapReporter::new(out)),
        Format::Json => Box::new(JsonReporter::new(out)),
    }
}
