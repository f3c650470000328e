//! `document.cookie` (MDN: /en-US/docs/Web/API/Document/cookie): natives `H.cookieGet()` and `H.cookieSet(text)` over
//! the session's jar, for the page's current URL. The jar parses like a browser and ignores bad input silently (the
//! refusal is still recorded in the transcript).

use boa_engine::{Context, JsArgs, JsObject, JsResult, JsString, JsValue};

fn cookie_get(_: &JsValue, _: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let url = super::net::page_url(ctx)?;
    let host = super::host_of(ctx)?;
    let mut h = host.get_mut();
    let now = h.now();
    let text = h.jar.document_cookie(&url, now);
    h.flush_cookie_events();
    Ok(JsString::from(text).into())
}

fn cookie_set(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let text = args.get_or_undefined(0).to_string(ctx)?.to_std_string_escaped();
    let url = super::net::page_url(ctx)?;
    let host = super::host_of(ctx)?;
    let mut h = host.get_mut();
    let now = h.now();
    h.record(crate::transcript::Event::CookieWrite { text: text.clone() });
    h.jar.set_from_document(&url, &text, now);
    h.flush_cookie_events();
    Ok(JsValue::undefined())
}

pub(crate) fn add_natives(ctx: &mut Context, h: &JsObject) -> JsResult<()> {
    let fns: [(&str, boa_engine::native_function::NativeFunctionPointer); 2] =
        [("cookieGet", cookie_get), ("cookieSet", cookie_set)];
    super::set_natives(ctx, h, &fns)
}
