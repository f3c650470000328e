//! Subresource loads (MDN: /en-US/docs/Web/HTML/Element/img, /link, /iframe, /audio, /video, /embed, /object):
//! `H.requestResource(url, initiator, onload, onerror)`, a GET through the egress gate with credentials, recorded with
//! the initiator the prelude names (`image`, `link`, `iframe`, `media`, `embed`). A 2xx answer calls `onload` (the
//! bytes are not decoded or rendered), anything else (blocked, network error, other status) `onerror`. Returns
//! whether the gate let the request out.

use boa_engine::object::builtins::JsFunction;
use boa_engine::{Context, JsArgs, JsObject, JsResult, JsValue};

use crate::net::Request;

fn request_resource(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let url = super::net::resolve(&args.get_or_undefined(0).to_string(ctx)?.to_std_string_escaped(), ctx)?;
    let initiator = super::net::initiator(&args.get_or_undefined(1).to_string(ctx)?.to_std_string_escaped())?;
    let onload = args.get_or_undefined(2).as_object().and_then(|o| JsFunction::from_object(o.clone()));
    let onerror = args.get_or_undefined(3).as_object().and_then(|o| JsFunction::from_object(o.clone()));
    let req = Request::new("GET", url, super::net::page_url(ctx)?, initiator);
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
    super::set_natives(ctx, h, &[("requestResource", request_resource)])?;
    Ok(())
}
