//! Boa plumbing shared by the page and the browser surface: the per-thread code cache and turning a `JsError` into
//! what a transcript records. Below both `page/` and `web/`, it imports neither.
#![cfg_attr(
    not(feature = "bench-internals"),
    allow(unreachable_pub, reason = "public through `sdkhost::bench` with the bench-internals feature")
)]

pub(crate) mod code_cache;
mod errors;
mod host_code;

pub(crate) use errors::{describe, is_out_of_instructions};
pub(crate) use host_code::{PRELUDE_PATH, is_host_function, module_path};

/// The parser settings of every page: Boa's AST optimizer (constant folding) is off. It costs more than it saves on
/// scripts that run once (the prelude modules, SDK bundles), and it never changes what a script does.
pub fn optimizer_options() -> boa_engine::optimizer::OptimizerOptions {
    boa_engine::optimizer::OptimizerOptions::empty()
}
