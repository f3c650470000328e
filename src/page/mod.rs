//! A page: one fresh Boa `Context` with the browser surface installed, bound to one URL, on the session's clock.
//!
//! A navigation drops the whole Context and builds a new one (a second realm in one Context leaks, see the Boa notes):
//! JS state is gone, while the cookie jar, storage, clock and transcript live on in the [`Host`](crate::host::Host).

mod event_loop;
mod hooks;
mod imp;
#[cfg(test)]
mod tests_code_cache;
#[cfg(test)]
mod tests_lazy_modules;

pub use imp::PageError;
#[cfg_attr(not(feature = "bench-internals"), allow(unreachable_pub, reason = "public as `sdkhost::bench`"))]
pub use imp::{EventTarget, Page};
