//! A session: one browser profile (clock, entropy, jar, network, transcript) that outlives its pages.

mod imp;

pub use imp::{Session, SessionBuilder, SessionError};
