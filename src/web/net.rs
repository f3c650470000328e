//! The one native door from page JS to the network: `H.send(spec, callback)`. XMLHttpRequest, fetch, sendBeacon,
//! images and scripts (js/xhr.js, js/fetch.js, image.rs, script.rs) are built on it. Glue only: the decision is made by
//! the egress gate (`net::Egress`, through `Host::submit`); the outcome reaches the page as a task after the
//! exchange's latency (a blocked request fails at the next task turn, like a browser's network error).
//!
//! Also `H.navigate(url, kind)` (location/history asking for a new document). Requests are made for the page URL the
//! host holds (`history.rs`), never for one page JS names.

use boa_engine::object::ObjectInitializer;
use boa_engine::object::builtins::{JsArray, JsArrayBuffer, JsFunction, JsTypedArray};
use boa_engine::property::Attribute;
use boa_engine::{Context, JsArgs, JsNativeError, JsObject, JsResult, JsString, JsValue, js_string};
use url::Url;

use crate::host::{NavigationKind, PendingNavigation};
use crate::net::{Credentials, Exchange, Initiator, Outcome, Request};
use crate::transcript::ErrorPhase;

pub(crate) use super::history::page_url;

/// Resolves `text` against the page URL, as `new URL(text, document.baseURI)`.
pub(crate) fn resolve(text: &str, ctx: &Context) -> JsResult<Url> {
    let base = page_url(ctx)?;
    base.join(text.trim())
        .map_err(|e| JsNativeError::syntax().with_message(format!("invalid URL {text:?}: {e}")).into())
}

fn string_prop(obj: &JsObject, key: &str, ctx: &mut Context) -> JsResult<Option<String>> {
    let v = obj.get(JsString::from(key), ctx)?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    Ok(Some(v.to_string(ctx)?.to_std_string_escaped()))
}

/// The bytes of a body: a string (UTF-8), a typed array, an ArrayBuffer, or nothing.
pub(crate) fn body_bytes(v: &JsValue, ctx: &mut Context) -> JsResult<Vec<u8>> {
    if v.is_undefined() || v.is_null() {
        return Ok(Vec::new());
    }
    if let Some(obj) = v.as_object() {
        if let Ok(ta) = JsTypedArray::from_object(obj.clone()) {
            let offset = ta.byte_offset(ctx)?;
            let len = ta.byte_length(ctx)?;
            let buffer = ta.buffer(ctx)?;
            if let Some(buf) = buffer.as_object().and_then(|b| JsArrayBuffer::from_object(b.clone()).ok())
                && let Some(data) = buf.data()
            {
                return Ok(data.get(offset..offset + len).map(<[u8]>::to_vec).unwrap_or_default());
            }
            return Ok(Vec::new());
        }
        if let Ok(buf) = JsArrayBuffer::from_object(obj.clone()) {
            return Ok(buf.data().map(|d| d.to_vec()).unwrap_or_default());
        }
    }
    Ok(v.to_string(ctx)?.to_std_string_escaped().into_bytes())
}

pub(crate) fn initiator(name: &str) -> JsResult<Initiator> {
    Ok(match name {
        "xhr" => Initiator::Xhr,
        "fetch" => Initiator::Fetch,
        "beacon" => Initiator::Beacon,
        "image" => Initiator::Image,
        "script" => Initiator::Script,
        "navigation" => Initiator::Navigation,
        "form" => Initiator::Form,
        "link" => Initiator::Link,
        "iframe" => Initiator::Iframe,
        "media" => Initiator::Media,
        "embed" => Initiator::Embed,
        "anchor" => Initiator::Anchor,
        "ping" => Initiator::Ping,
        "refresh" => Initiator::Refresh,
        "window_open" => Initiator::WindowOpen,
        other => return Err(JsNativeError::typ().with_message(format!("sdkhost: unknown initiator {other}")).into()),
    })
}

fn credentials(name: Option<&str>, init: Initiator) -> Credentials {
    match name {
        Some("omit") => Credentials::Omit,
        Some("include") => Credentials::Include,
        Some("same-origin") => Credentials::SameOrigin,
        _ => init.default_credentials(),
    }
}

/// Builds the request a spec object describes: `{method, url, headers: [[k, v]], body, initiator, credentials}`.
fn request_from_spec(spec: &JsObject, ctx: &mut Context) -> JsResult<Request> {
    let url_text = string_prop(spec, "url", ctx)?.unwrap_or_default();
    let url = resolve(&url_text, ctx)?;
    let init = initiator(&string_prop(spec, "initiator", ctx)?.unwrap_or_else(|| "fetch".into()))?;
    if init == Initiator::Fetch && (!url.username().is_empty() || url.password().is_some()) {
        // What fetch() rejects with; checked here too so that no path around the JS check sends credentials.
        return Err(JsNativeError::typ()
            .with_message(format!("Request cannot be constructed from a URL that includes credentials: {url_text}"))
            .into());
    }
    let method = string_prop(spec, "method", ctx)?.unwrap_or_else(|| "GET".into()).to_ascii_uppercase();
    let creds = credentials(string_prop(spec, "credentials", ctx)?.as_deref(), init);
    let mut req = Request::new(&method, url, page_url(ctx)?, init).with_credentials(creds);
    let headers = spec.get(js_string!("headers"), ctx)?;
    if let Some(list) = headers.as_object() {
        let len = list.get(js_string!("length"), ctx)?.to_length(ctx)?;
        for i in 0..len {
            let pair = list.get(i, ctx)?;
            if let Some(pair) = pair.as_object() {
                let k = pair.get(0, ctx)?.to_string(ctx)?.to_std_string_escaped();
                let v = pair.get(1, ctx)?.to_string(ctx)?.to_std_string_escaped();
                req = req.with_header(&k, &v);
            }
        }
    }
    let body = spec.get(js_string!("body"), ctx)?;
    Ok(req.with_body(body_bytes(&body, ctx)?))
}

/// The page-side view of an exchange's outcome: `{ok, status, statusText, headers, body, url}` or `{ok: false, error,
/// blocked}`.
fn result_object(ex: &Exchange, ctx: &mut Context) -> JsResult<JsValue> {
    let mut o = ObjectInitializer::new(ctx);
    match &ex.outcome {
        Some(Outcome::Response(r)) => {
            let headers: Vec<JsValue> = r
                .headers
                .iter()
                .map(|(k, v)| {
                    let pair = [JsString::from(k.as_str()).into(), JsString::from(v.as_str()).into()];
                    JsArray::from_iter(pair, o.context()).into()
                })
                .collect();
            let headers = JsArray::from_iter(headers, o.context());
            let body = String::from_utf8_lossy(&r.body).into_owned();
            o.property(js_string!("ok"), true, Attribute::all())
                .property(js_string!("status"), r.status, Attribute::all())
                .property(js_string!("statusText"), JsString::from(r.status_text.as_str()), Attribute::all())
                .property(js_string!("headers"), headers, Attribute::all())
                .property(js_string!("body"), JsString::from(body), Attribute::all())
                .property(js_string!("url"), JsString::from(ex.request.url.as_str()), Attribute::all());
        }
        Some(Outcome::NetworkError(e)) => {
            o.property(js_string!("ok"), false, Attribute::all())
                .property(js_string!("error"), JsString::from(e.as_str()), Attribute::all())
                .property(js_string!("blocked"), false, Attribute::all());
        }
        None => {
            o.property(js_string!("ok"), false, Attribute::all())
                .property(js_string!("error"), js_string!("blocked by the consent gate"), Attribute::all())
                .property(js_string!("blocked"), true, Attribute::all());
        }
    }
    Ok(o.build().into())
}

/// Submits `req` and, after the exchange's latency, delivers the outcome to `then` (Rust) as a task.
/// Returns whether the gate let the request out.
pub(crate) fn submit_and_deliver(
    req: Request,
    ctx: &mut Context,
    then: impl FnOnce(&Exchange, &mut Context) -> JsResult<()> + 'static,
) -> JsResult<bool> {
    let host = super::host_of(ctx)?;
    let exchange = host.get_mut().submit(req);
    let allowed = exchange.is_allowed();
    let events = super::tasks_of(ctx).ok_or_else(|| JsNativeError::typ().with_message("sdkhost: no event loop"))?;
    // A latency beyond i64 saturates (delivered at the end of time), never wraps to "at once".
    let delay = i64::try_from(exchange.latency_ms).unwrap_or(i64::MAX);
    events.schedule_native(
        delay,
        ErrorPhase::Task,
        Box::new(move |ctx: &mut Context| {
            host.get_mut().deliver(&exchange);
            then(&exchange, ctx)
        }),
    );
    Ok(allowed)
}

/// `H.send(spec, callback)`: returns whether the gate allowed the request; `callback(result)` runs later.
fn send(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let spec = args
        .get_or_undefined(0)
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("sdkhost: send needs a spec"))?;
    let callback = args.get_or_undefined(1).as_object().and_then(|o| JsFunction::from_object(o.clone()));
    let req = request_from_spec(&spec, ctx)?;
    let allowed = submit_and_deliver(req, ctx, move |ex, ctx| {
        if let Some(cb) = callback {
            let result = result_object(ex, ctx)?;
            cb.call(&JsValue::undefined(), &[result], ctx)?;
        }
        Ok(())
    })?;
    Ok(allowed.into())
}

/// `H.navigate(url | null, kind, initiator, method, body, contentType)`: the page asks for a new document. Every such
/// request goes through the gate at once (recorded with its initiator, `navigation` by default); only when it is
/// allowed does the session carry the navigation out, after the current step (`kind` `open`: a new window, which is
/// never opened). `back` (to an earlier document of the session) is not a request. Returns whether it was allowed.
fn navigate(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let target = args.get_or_undefined(0);
    let kind = args.get_or_undefined(1).to_string(ctx)?.to_std_string_escaped();
    let host = super::host_of(ctx)?;
    // Only the prelude calls `H.navigate`; a kind it never passes navigates as `assign` would.
    let (kind, new_window) = match kind.as_str() {
        "back" => (NavigationKind::Back, false),
        "replace" => (NavigationKind::Replace, false),
        "reload" => (NavigationKind::Reload, false),
        "open" => (NavigationKind::Assign, true),
        _ => (NavigationKind::Assign, false),
    };
    if kind == NavigationKind::Back {
        host.get_mut().pending_navigation = Some(PendingNavigation { url: None, kind });
        return Ok(true.into());
    }
    let url = if target.is_null() || target.is_undefined() {
        page_url(ctx)?
    } else {
        resolve(&target.to_string(ctx)?.to_std_string_escaped(), ctx)?
    };
    let init = match args.get_or_undefined(2) {
        v if v.is_undefined() => Initiator::Navigation,
        v => initiator(&v.to_string(ctx)?.to_std_string_escaped())?,
    };
    let method = match args.get_or_undefined(3) {
        v if v.is_undefined() => "GET".to_owned(),
        v => v.to_string(ctx)?.to_std_string_escaped(),
    };
    let body = body_bytes(args.get_or_undefined(4), ctx)?;
    let mut req = Request::new(&method, url, page_url(ctx)?, init).with_body(body);
    if let Some(t) = args.get_or_undefined(5).as_string() {
        req = req.with_header("Content-Type", &t.to_std_string_escaped());
    }
    let exchange = host.get_mut().submit(req);
    host.get_mut().deliver(&exchange);
    let allowed = exchange.is_allowed();
    if allowed && !new_window {
        // The URL as the gate let it out (without credentials).
        host.get_mut().pending_navigation = Some(PendingNavigation { url: Some(exchange.request.url.clone()), kind });
    }
    Ok(allowed.into())
}

pub(crate) fn add_natives(ctx: &mut Context, h: &JsObject) -> JsResult<()> {
    let fns: [(&str, boa_engine::native_function::NativeFunctionPointer); 2] = [("send", send), ("navigate", navigate)];
    super::set_natives(ctx, h, &fns)
}
