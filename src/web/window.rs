//! `window` (MDN: /en-US/docs/Web/API/Window): the global object under its browser names (`window === self === top
//! === parent === frames === globalThis`), and the profile values the prelude builds `navigator`, `screen` and the
//! window geometry from. No `exports`, `module` or `define` globals, so UMD bundles take their browser path.

use boa_engine::property::Attribute;
use boa_engine::{Context, JsObject, JsResult, JsString, js_string};

use crate::host::HostRef;

pub(crate) fn register(ctx: &mut Context) -> JsResult<()> {
    let global = ctx.global_object();
    for name in ["window", "self", "top", "parent", "frames"] {
        ctx.register_global_property(JsString::from(name), global.clone(), Attribute::CONFIGURABLE)?;
    }
    Ok(())
}

/// Puts the page URL and profile values on the prelude's private object.
pub(crate) fn add_natives(ctx: &mut Context, h: &JsObject, host: &HostRef, url: &url::Url) -> JsResult<()> {
    let host = host.get();
    let p = &host.profile;
    let strings = [
        ("url", url.as_str()),
        ("userAgent", p.user_agent.as_str()),
        ("language", p.language.as_str()),
        ("referrer", host.page_init.referrer.as_str()),
        ("title", host.page_init.title.as_str()),
    ];
    for (k, v) in strings {
        h.set(JsString::from(k), JsString::from(v), false, ctx)?;
    }
    let numbers = [
        ("screenWidth", p.screen.0),
        ("screenHeight", p.screen.1),
        ("innerWidth", p.viewport.0),
        ("innerHeight", p.viewport.1),
    ];
    for (k, v) in numbers {
        h.set(JsString::from(k), v, false, ctx)?;
    }
    h.set(js_string!("tzOffset"), p.tz_offset_minutes, false, ctx)?;
    Ok(())
}

/// `H.reportError(e)`: an exception a listener threw; recorded, and the dispatch goes on (as browsers report it).
fn report_error(
    _: &boa_engine::JsValue,
    args: &[boa_engine::JsValue],
    ctx: &mut Context,
) -> JsResult<boa_engine::JsValue> {
    use boa_engine::JsArgs;
    let err = boa_engine::JsError::from_opaque(args.get_or_undefined(0).clone());
    let (message, location) = crate::page::describe(&err, ctx);
    super::host_of(ctx)?.get_mut().record(crate::transcript::Event::JsError {
        phase: crate::transcript::ErrorPhase::Event,
        message,
        location,
    });
    Ok(boa_engine::JsValue::undefined())
}

/// Adds the error reporter to the prelude's private object.
pub(crate) fn add_error_native(ctx: &mut Context, h: &JsObject) -> JsResult<()> {
    let f = boa_engine::NativeFunction::from_fn_ptr(report_error).to_js_function(ctx.realm());
    h.set(js_string!("reportError"), f, false, ctx)?;
    Ok(())
}
