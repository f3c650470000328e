//! Timers (MDN: /en-US/docs/Web/API/setTimeout): `setTimeout`, `setInterval`, their clears, `requestAnimationFrame`
//! (every 16 ms), `requestIdleCallback` (1 ms, with a 50 ms deadline). All fire only when the page advances the
//! session clock, in (due time, creation order). String callbacks (eval) are not supported and throw.

use boa_engine::object::builtins::JsFunction;
use boa_engine::{Context, JsArgs, JsNativeError, JsResult, JsValue, NativeFunction, js_string};

fn event_loop(ctx: &Context) -> JsResult<std::rc::Rc<dyn super::TaskQueue>> {
    super::tasks_of(ctx).ok_or_else(|| JsNativeError::typ().with_message("sdkhost: no event loop").into())
}

fn callback(args: &[JsValue], api: &str) -> JsResult<JsFunction> {
    args.get_or_undefined(0)
        .as_callable()
        .and_then(|f| JsFunction::from_object(f.clone()))
        .ok_or_else(|| JsNativeError::typ().with_message(format!("{api}: callback is not a function")).into())
}

fn delay(args: &[JsValue], ctx: &mut Context) -> JsResult<i64> {
    let ms = args.get_or_undefined(1).to_number(ctx)?;
    Ok(if ms.is_finite() && ms > 0.0 { ms as i64 } else { 0 })
}

fn schedule(args: &[JsValue], ctx: &mut Context, repeat: bool, api: &str) -> JsResult<JsValue> {
    let f = callback(args, api)?;
    let ms = delay(args, ctx)?;
    let extra = args.iter().skip(2).cloned().collect();
    Ok(event_loop(ctx)?.schedule_callback(f, extra, ms, repeat).into())
}

fn set_timeout(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    schedule(args, ctx, false, "setTimeout")
}

fn set_interval(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    schedule(args, ctx, true, "setInterval")
}

fn clear(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let id = args.get_or_undefined(0).to_number(ctx)?;
    if id.is_finite() && id >= 1.0 && id <= f64::from(u32::MAX) {
        event_loop(ctx)?.clear_callback(id as u32);
    }
    Ok(JsValue::undefined())
}

fn request_animation_frame(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let f = callback(args, "requestAnimationFrame")?;
    let now = super::host_of(ctx)?.get().now();
    // The callback gets a DOMHighResTimeStamp: performance.now() of the frame.
    let stamp = super::performance::page_ms(ctx, now.plus_ms(16));
    Ok(event_loop(ctx)?.schedule_callback(f, vec![stamp.into()], 16, false).into())
}

fn request_idle_callback(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let f = callback(args, "requestIdleCallback")?;
    let deadline =
        ctx.eval(boa_engine::Source::from_bytes("({didTimeout: false, timeRemaining: function () { return 50; }})"))?;
    Ok(event_loop(ctx)?.schedule_callback(f, vec![deadline], 1, false).into())
}

pub(crate) fn register(ctx: &mut Context) -> JsResult<()> {
    let fns: [(&str, boa_engine::native_function::NativeFunctionPointer, usize); 8] = [
        ("setTimeout", set_timeout, 2),
        ("setInterval", set_interval, 2),
        ("clearTimeout", clear, 1),
        ("clearInterval", clear, 1),
        ("requestAnimationFrame", request_animation_frame, 1),
        ("cancelAnimationFrame", clear, 1),
        ("requestIdleCallback", request_idle_callback, 1),
        ("cancelIdleCallback", clear, 1),
    ];
    for (name, f, len) in fns {
        ctx.register_global_builtin_callable(js_string!(name), len, NativeFunction::from_fn_ptr(f))?;
    }
    Ok(())
}
