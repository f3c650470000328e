//! Script loading (MDN: /en-US/docs/Web/HTML/Element/script): what happens when a `<script src>` is inserted into
//! the document. A URL the session maps to a local file is a load, not egress: it runs as a task (at the current
//! virtual time, like an async script that is already cached), then `load` fires. Any other URL is a GET through the
//! egress gate: a 2xx answer is evaluated as the script, then `load` fires; anything else (blocked, network error,
//! other status) fires `error`.

use boa_engine::object::builtins::JsFunction;
use boa_engine::{Context, JsArgs, JsObject, JsResult, JsValue};

use crate::net::{Initiator, Request};
use crate::transcript::{ErrorPhase, Event};

fn call_back(f: Option<JsFunction>, ctx: &mut Context) -> JsResult<()> {
    if let Some(f) = f {
        f.call(&JsValue::undefined(), &[], ctx)?;
    }
    Ok(())
}

/// `H.loadScript(url, onload, onerror, onstart)`.
fn load_script(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let url = args.get_or_undefined(0).to_string(ctx)?.to_std_string_escaped();
    let onload = args.get_or_undefined(1).as_object().and_then(|o| JsFunction::from_object(o.clone()));
    let onerror = args.get_or_undefined(2).as_object().and_then(|o| JsFunction::from_object(o.clone()));
    // Called just before the source runs: the prelude makes the element `document.currentScript`.
    let onstart = args.get_or_undefined(3).as_object().and_then(|o| JsFunction::from_object(o.clone()));
    let host = super::host_of(ctx)?;
    let mapped = host.get().profile.scripts.get(&url).cloned();
    let Some(events) = super::tasks_of(ctx) else { return Ok(JsValue::undefined()) };
    match mapped {
        Some(script) => {
            events.schedule_native(
                0,
                ErrorPhase::Script,
                Box::new(move |ctx: &mut Context| {
                    host.get_mut().record(Event::ScriptRun {
                        name: url.clone(),
                        origin: format!("file:{}", script.name),
                        sha256: Some(script.sha256.clone()),
                        bytes: script.source.len(),
                    });
                    call_back(onstart, ctx)?;
                    if let Err(e) = crate::engine::code_cache::eval(ctx, &script.source, &script.name) {
                        let (message, location) = crate::engine::describe(&e, ctx);
                        host.get_mut().record(Event::JsError { phase: ErrorPhase::Script, message, location });
                    }
                    call_back(onload, ctx)
                }),
            );
        }
        None => {
            let target = super::net::resolve(&url, ctx)?;
            let req = Request::new("GET", target, super::net::page_url(ctx)?, Initiator::Script);
            super::net::submit_and_deliver(req, ctx, move |ex, ctx| {
                let body = ex.response().filter(|r| (200..300).contains(&r.status)).map(|r| r.body.clone());
                let Some(body) = body else { return call_back(onerror, ctx) };
                let name = ex.request.url.to_string();
                let source = String::from_utf8_lossy(&body).into_owned();
                host.get_mut().record(Event::ScriptRun {
                    name: name.clone(),
                    origin: "network".into(),
                    sha256: None,
                    bytes: source.len(),
                });
                call_back(onstart, ctx)?;
                if let Err(e) = crate::engine::code_cache::eval(ctx, &source, &name) {
                    let (message, location) = crate::engine::describe(&e, ctx);
                    host.get_mut().record(Event::JsError { phase: ErrorPhase::Script, message, location });
                }
                call_back(onload, ctx)
            })?;
        }
    }
    Ok(JsValue::undefined())
}

pub(crate) fn add_natives(ctx: &mut Context, h: &JsObject) -> JsResult<()> {
    super::set_natives(ctx, h, &[("loadScript", load_script)])?;
    Ok(())
}
