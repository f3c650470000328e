//! The native side of events (MDN: /en-US/docs/Web/API/EventTarget; the JS side is `js/events.js`): `H.queueTask(fn,
//! delayMs?)` runs `fn` as a task of the page's event loop, the way browsers queue `hashchange`, `popstate` after a
//! traversal, script `error` events and `AbortSignal.timeout`, without taking a page-visible timer id. An exception it
//! throws is recorded as an event error.

use boa_engine::object::builtins::JsFunction;
use boa_engine::{Context, JsArgs, JsObject, JsResult, JsValue};

use crate::transcript::ErrorPhase;

fn queue_task(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let Some(f) = args.get_or_undefined(0).as_object().and_then(|o| JsFunction::from_object(o.clone())) else {
        return Ok(JsValue::undefined());
    };
    let delay = args.get_or_undefined(1).to_number(ctx)?;
    let delay = if delay.is_finite() && delay > 0.0 { delay as i64 } else { 0 };
    if let Some(events) = super::tasks_of(ctx) {
        let body = move |ctx: &mut Context| f.call(&JsValue::undefined(), &[], ctx).map(|_| ());
        events.schedule_native(delay, ErrorPhase::Event, Box::new(body));
    }
    Ok(JsValue::undefined())
}

/// Adds `queueTask` to the prelude's private object.
pub(crate) fn add_natives(ctx: &mut Context, h: &JsObject) -> JsResult<()> {
    super::set_natives(ctx, h, &[("queueTask", queue_task)])?;
    Ok(())
}
