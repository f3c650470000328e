//! `localStorage` and `sessionStorage` (MDN: /en-US/docs/Web/API/Web_Storage_API): the natives `js/storage.js`
//! builds the `Storage` objects on, over the session's [`Storage`](crate::storage::Storage) for the page's origin.
//!
//! Natives on `H`, each taking `local` (true: `localStorage`, false: `sessionStorage`) first: `storageGet(local, key)`
//! (string or null), `storageSet(local, key, value)` (false when over the quota: the prelude throws
//! `QuotaExceededError`), `storageRemove`, `storageClear`, `storageLength`, `storageKey(local, index)`,
//! `storageKeys(local)`. `H.storageOrigin` is the origin the areas belong to (`null` for an opaque origin, where the
//! prelude throws `SecurityError`, as Chrome does for `data:` pages).

use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, JsArgs, JsObject, JsResult, JsString, JsValue, js_string};

use crate::storage::Area;

/// The origin of the page's storage areas, in the context data.
#[derive(Debug, Clone)]
struct PageOrigin(String);

fn area(args: &[JsValue]) -> Area {
    if args.get_or_undefined(0).to_boolean() { Area::Local } else { Area::Session }
}

fn origin(ctx: &Context) -> String {
    ctx.get_data::<PageOrigin>().map(|o| o.0.clone()).unwrap_or_default()
}

fn string_arg(args: &[JsValue], i: usize, ctx: &mut Context) -> JsResult<String> {
    Ok(args.get_or_undefined(i).to_string(ctx)?.to_std_string_lossy())
}

fn get(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let key = string_arg(args, 1, ctx)?;
    let host = super::host_of(ctx)?;
    let value = host.get().storage.get(area(args), &origin(ctx), &key).map(JsString::from);
    Ok(value.map_or(JsValue::null(), Into::into))
}

fn set(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let key = string_arg(args, 1, ctx)?;
    let value = string_arg(args, 2, ctx)?;
    let host = super::host_of(ctx)?;
    let stored = host.get_mut().storage.set(area(args), &origin(ctx), &key, &value).is_ok();
    Ok(stored.into())
}

fn remove(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let key = string_arg(args, 1, ctx)?;
    super::host_of(ctx)?.get_mut().storage.remove(area(args), &origin(ctx), &key);
    Ok(JsValue::undefined())
}

fn clear(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    super::host_of(ctx)?.get_mut().storage.clear_area(area(args), &origin(ctx));
    Ok(JsValue::undefined())
}

fn length(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let n = super::host_of(ctx)?.get().storage.len(area(args), &origin(ctx));
    Ok(JsValue::from(n as f64))
}

fn key(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let index = args.get_or_undefined(1).to_number(ctx)?;
    if !(0.0..4_294_967_296.0).contains(&index) {
        return Ok(JsValue::null());
    }
    let host = super::host_of(ctx)?;
    let key = host.get().storage.key(area(args), &origin(ctx), index as usize).map(JsString::from);
    Ok(key.map_or(JsValue::null(), Into::into))
}

fn keys(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let host = super::host_of(ctx)?;
    let keys: Vec<JsValue> =
        host.get().storage.keys(area(args), &origin(ctx)).into_iter().map(|k| JsString::from(k).into()).collect();
    Ok(JsArray::from_iter(keys, ctx).into())
}

/// Adds the storage natives and `storageOrigin` for the page at `url`.
pub(crate) fn add_natives(ctx: &mut Context, h: &JsObject, url: &url::Url) -> JsResult<()> {
    let origin = url.origin();
    let serialized = origin.ascii_serialization();
    let visible = if origin.is_tuple() { JsValue::from(JsString::from(serialized.as_str())) } else { JsValue::null() };
    ctx.insert_data(PageOrigin(serialized));
    h.set(js_string!("storageOrigin"), visible, false, ctx)?;
    let fns: [(&str, boa_engine::native_function::NativeFunctionPointer); 7] = [
        ("storageGet", get),
        ("storageSet", set),
        ("storageRemove", remove),
        ("storageClear", clear),
        ("storageLength", length),
        ("storageKey", key),
        ("storageKeys", keys),
    ];
    super::set_natives(ctx, h, &fns)
}
