//! `performance` (MDN: /en-US/docs/Web/API/Performance): `now()` and `timeOrigin` from the session clock (the page's
//! time origin is the virtual time it opened), `mark`/`measure` accepted, `getEntries*` returning empty lists.

use boa_engine::object::ObjectInitializer;
use boa_engine::object::builtins::JsArray;
use boa_engine::property::Attribute;
use boa_engine::{Context, JsResult, JsValue, NativeFunction, js_string};

use crate::clock::VirtualTime;

/// The page's time origin, kept in the context data.
#[derive(Debug, Clone, Copy)]
struct TimeOrigin(VirtualTime);

/// `performance.now()` for virtual time `at` on this page.
pub(crate) fn page_ms(ctx: &Context, at: VirtualTime) -> f64 {
    let origin = ctx.get_data::<TimeOrigin>().map_or(at, |o| o.0);
    at.ms_since(origin) as f64
}

fn now(_: &JsValue, _: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let at = super::host_of(ctx)?.get().now();
    Ok(page_ms(ctx, at).into())
}

fn empty_list(_: &JsValue, _: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    Ok(JsArray::new(ctx)?.into())
}

fn undefined(_: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    Ok(JsValue::undefined())
}

pub(crate) fn register(ctx: &mut Context) -> JsResult<()> {
    let origin = super::host_of(ctx)?.get().now();
    ctx.insert_data(TimeOrigin(origin));
    let perf = ObjectInitializer::new(ctx)
        .property(js_string!("timeOrigin"), origin.unix_ms() as f64, Attribute::READONLY | Attribute::ENUMERABLE)
        .function(NativeFunction::from_fn_ptr(now), js_string!("now"), 0)
        .function(NativeFunction::from_fn_ptr(undefined), js_string!("mark"), 1)
        .function(NativeFunction::from_fn_ptr(undefined), js_string!("measure"), 1)
        .function(NativeFunction::from_fn_ptr(undefined), js_string!("clearMarks"), 0)
        .function(NativeFunction::from_fn_ptr(undefined), js_string!("clearMeasures"), 0)
        .function(NativeFunction::from_fn_ptr(empty_list), js_string!("getEntries"), 0)
        .function(NativeFunction::from_fn_ptr(empty_list), js_string!("getEntriesByType"), 1)
        .function(NativeFunction::from_fn_ptr(empty_list), js_string!("getEntriesByName"), 1)
        .build();
    ctx.register_global_property(js_string!("performance"), perf, Attribute::CONFIGURABLE | Attribute::WRITABLE)?;
    Ok(())
}
