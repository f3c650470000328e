//! # sdkhost
//!
//! Runs browser tracking SDKs, unmodified, inside the Boa JavaScript engine, in a host that owns the clock, the
//! randomness, the cookie jar and the network. One gate decides every outgoing request and lets it out only while the
//! consent (opt-in) cookie is present. The same inputs always give the same bytes out.
//!
//! The pure core (`clock`, `entropy`, `transcript`, ...) never touches Boa; only `page` and `web` do.

#![deny(unsafe_code)]

pub mod budget;
pub mod clock;
pub mod conformance;
pub mod diff;
pub mod entropy;
pub mod files;
pub mod host;
pub mod html;
pub mod jar;
pub mod junit;
pub mod net;
pub mod page;
pub mod parallel;
pub mod replay;
pub mod schema;
pub mod sdk;
pub mod session;
pub mod storage;
pub mod transcript;
mod web;
pub mod worker;

pub use clock::VirtualTime;
pub use page::Page;
pub use session::{Session, SessionBuilder};
pub use transcript::Transcript;
