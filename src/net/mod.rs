//! The network: every request a page makes goes through the [`Egress`] gate, which asks the consent [`Policy`] and
//! only then hands it to a [`Transport`] (`stub`, `live` or `replay`). Also the HAR 1.2 export ([`to_har`]) and the
//! local tracking collector ([`serve_collector`]).
//!
//! Pure Rust: nothing here knows about JavaScript. The page glue builds [`Request`]s, calls [`Egress::submit`], and
//! delivers the [`Exchange`]'s outcome as a task after its `latency_ms`. Only `live.rs` and `collector.rs` touch
//! sockets; nothing reads the wall clock.

mod collector;
mod egress;
mod error;
mod forbidden;
mod har;
mod live;
mod policy;
mod replay;
mod request;
mod rule;
mod stub;
#[cfg(test)]
mod tests_gate;
#[cfg(test)]
mod tests_har;
#[cfg(test)]
mod tests_live;
mod transport;

#[cfg(test)]
pub(crate) use collector::user_id;
pub use collector::{Collector, CollectorStop};
pub use egress::Exchange;
pub(crate) use egress::{CookieAccess, Egress, same_site};
pub use error::TransportError;
pub use har::to_har;
pub(crate) use live::{LiveConfig, LiveTransport};
pub(crate) use policy::deserialize_host_patterns as policy_hosts;
pub use policy::{ConsentRule, Decision, HostPatternError, HostProblem, Policy, Reason, host_pattern};
pub(crate) use replay::{ReplayMode, ReplayTransport};
pub use request::{BodyCut, Credentials, Initiator, Outcome, Request, Response};
pub use rule::StubRule;
pub use stub::StubTransport;
pub use transport::{Answer, Transport};
