//! A page: one fresh Boa `Context` with the browser surface installed, bound to one URL, on the session's clock.
//!
//! A navigation drops the whole Context and builds a new one (a second realm in one Context leaks, see the Boa notes):
//! JS state is gone, while the cookie jar, storage, clock and transcript live on in the [`Host`](crate::host::Host).

pub mod code_cache;
mod errors;
mod event_loop;
mod hooks;
mod imp;

pub use imp::{LOOP_LIMIT, Page, PageError, RECURSION_LIMIT, optimizer_options};

pub(crate) use errors::describe;
pub(crate) use event_loop::EventLoop;
