//! Image requests (MDN: /en-US/docs/Web/API/HTMLImageElement): `new Image().src = url` and `<img src>` in the
//! document call `H.requestImage(url, onload, onerror)`, a GET through the egress gate with credentials. A 2xx answer
//! fires `load` (the bytes are not decoded; `naturalWidth` stays 0), anything else `error`.

use boa_engine::object::builtins::JsFunction;
use boa_engine::{Context, JsArgs, JsObject, JsResult, JsValue, NativeFunction, js_string};

use crate::net::{Initiator, Request};

fn request_image(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let url = super::net::resolve(&args.get_or_undefined(0).to_string(ctx)?.to_std_string_escaped(), ctx)?;
    let onload = args.get_or_undefined(1).as_object().and_then(|o| JsFunction::from_object(o.clone()));
    let onerror = args.get_or_undefined(2).as_object().and_then(|o| JsFunction::from_object(o.clone()));
    let req = Request::new("GET", url, super::net::page_url(ctx)?, Initiator::Image);
    let allowed = super::net::submit_and_deliver(req, ctx, move |ex, ctx| {
        let ok = ex.response().is_some_and(|r| (200..300).contains(&r.status));
        if let Some(f) = if ok { onload } else { onerror } {
            f.call(&JsValue::undefined(), &[], ctx)?;
        }
        Ok(())
    })?;
    Ok(allowed.into())
}

pub(crate) fn add_natives(ctx: &mut Context, h: &JsObject) -> JsResult<()> {
    let f = NativeFunction::from_fn_ptr(request_image).to_js_function(ctx.realm());
    h.set(js_string!("requestImage"), f, false, ctx)?;
    Ok(())
}
