//! A session: one browser profile (clock, entropy, jar, network, transcript) that outlives its pages; the session
//! script format, its runner and expectations.

mod document;
mod duration;
mod expect;
mod imp;
mod judge;
mod pattern;
mod record;
mod runner;
mod script;
mod steps;
mod summary;
#[cfg(test)]
mod tests_fuzz;

pub use document::{Document, EvalResult, Head, Inputs, Partial, RunDocument, SdkInput, Summary, TranscriptDocument};
pub use duration::{Span, SpanError};
#[cfg(test)]
pub(crate) use expect::json_subset;
pub use expect::{
    BodyPattern, ConsoleExpect, CookieExpect, Expectation, JsExpect, LinePattern, RequestPattern, RequestsExpect,
    SameSiteExpect, Since, TextPattern, Verdict,
};
pub use imp::{PageTemplate, Session, SessionBuilder, SessionError};
pub use judge::Observed;
pub use runner::{Prepared, RunOptions, RunReport, SetupError, prepare};
pub use script::{
    CeCall, ConsentSpec, CookieSpec, HostEvent, LifetimeCap, LoadStep, NoArgs, SCRIPT_FORMAT, ScriptError,
    SessionScript, SetCookieStep, Step, TimeZone, TimeZoneError, TransportKind, TransportSpec,
};
pub use steps::ExpectOutcome;
pub use summary::{page_errors_text, summary_text};
