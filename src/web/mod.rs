//! The browser surface: one file per web API, each thin glue between JS and the pure core (clock, entropy, jar,
//! egress). Nothing here makes a policy decision.
//!
//! Two layers, installed in a fixed order by [`install`]:
//! - native functions (Rust), each file's `register`, reaching the session through [`HostRef`] in the context data;
//!   host primitives that only the prelude may call go on a private object `H` that the page never sees;
//! - the prelude (`js/*.js`), plain JS for the DOM-ish objects and event dispatch, evaluated once per page inside a
//!   closure over `H`. It returns the hooks the host calls (fire an event, change `readyState`, ...).
//!
//! What is not implemented is absent, so feature detection in SDKs takes its fallback path.

mod console;
mod cookie;
mod crypto;
mod events;
mod image;
mod modules;
mod net;
mod performance;
mod script;
mod storage;
mod timers;
mod whatwg_url;
mod window;

use boa_engine::object::ObjectInitializer;
use boa_engine::{Context, JsNativeError, JsObject, JsResult, JsValue, js_string};
use boa_runtime::RuntimeExtension;
use boa_runtime::extensions::{
    AbortControllerExtension, Base64Extension, EncodingExtension, MicrotaskExtension, StructuredCloneExtension,
};

use crate::host::HostRef;

/// The prelude: one closure over the host primitives `H`, returning the hooks object.
const PRELUDE: &str = concat!(
    "(function (H) {\n'use strict';\nvar hooks = {};\n",
    include_str!("js/lazy.js"),
    include_str!("js/window.js"),
    include_str!("js/navigator.js"),
    include_str!("js/document.js"),
    include_str!("js/abort.js"),
    "\nreturn hooks;\n})"
);

/// The hooks the prelude hands back to the host.
#[derive(Debug, Clone)]
pub(crate) struct JsHooks(pub(crate) JsObject);

/// The document's current URL (after `history.pushState`), if the page has one.
pub(crate) fn document_url(ctx: &Context) -> Option<url::Url> {
    net::page_url(ctx).ok()
}

/// Reaches the session from a native function.
///
/// # Errors
/// A TypeError when the context has no host (a bug in page setup).
pub(crate) fn host_of(ctx: &Context) -> JsResult<HostRef> {
    ctx.get_data::<HostRef>()
        .cloned()
        .ok_or_else(|| JsNativeError::typ().with_message("sdkhost: page has no host").into())
}

/// Installs the whole surface into a fresh context for `url`, and returns the prelude's hooks.
pub(crate) fn install(ctx: &mut Context, host: &HostRef, url: &url::Url) -> JsResult<JsHooks> {
    ctx.insert_data(host.clone());
    (Base64Extension, EncodingExtension, MicrotaskExtension, StructuredCloneExtension, AbortControllerExtension)
        .register(None, ctx)?;
    window::register(ctx)?;
    console::register(ctx)?;
    timers::register(ctx)?;
    crypto::register(ctx)?;
    performance::register(ctx)?;

    let natives = ObjectInitializer::new(ctx).build();
    window::add_natives(ctx, &natives, host, url)?;
    window::add_error_native(ctx, &natives)?;
    script::add_natives(ctx, &natives)?;
    net::add_natives(ctx, &natives, url)?;
    cookie::add_natives(ctx, &natives)?;
    image::add_natives(ctx, &natives)?;
    events::add_natives(ctx, &natives)?;
    whatwg_url::add_natives(ctx, &natives)?;
    storage::add_natives(ctx, &natives, url)?;
    modules::add_natives(ctx, &natives)?;
    let prelude = crate::page::code_cache::eval(ctx, PRELUDE, "sdkhost-prelude.js")?;
    let prelude =
        prelude.as_callable().ok_or_else(|| JsNativeError::typ().with_message("sdkhost: prelude is not a function"))?;
    let hooks = prelude.call(&JsValue::undefined(), &[natives.into()], ctx)?;
    let hooks = hooks.as_object().ok_or_else(|| JsNativeError::typ().with_message("sdkhost: prelude hooks"))?;
    Ok(JsHooks(hooks.clone()))
}

impl JsHooks {
    /// Calls hook `name` with `args`.
    pub(crate) fn call(&self, name: &str, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
        let f = self.0.get(js_string!(name), ctx)?;
        match f.as_callable() {
            Some(f) => f.call(&JsValue::undefined(), args, ctx),
            None => Err(JsNativeError::typ().with_message(format!("sdkhost: no prelude hook {name}")).into()),
        }
    }
}
