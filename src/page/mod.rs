//! A page: one fresh Boa `Context` with the browser surface installed, bound to one URL, on the session's clock.
//!
//! A navigation drops the whole Context and builds a new one (a second realm in one Context leaks, see the Boa notes):
//! JS state is gone, while the cookie jar, storage, clock and transcript live on in the [`Host`](crate::host::Host).

pub use crate::engine::code_cache;
mod event_loop;
mod hooks;
mod imp;
#[cfg(test)]
mod tests_code_cache;
#[cfg(test)]
mod tests_lazy_modules;

pub use crate::engine::optimizer_options;
pub use imp::{EventTarget, LOOP_LIMIT, Page, PageError, RECURSION_LIMIT};
