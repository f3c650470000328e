//! `Math.random`, `crypto.getRandomValues` and `crypto.randomUUID` (MDN: /en-US/docs/Web/API/Crypto), all from the
//! session's seeded [`Entropy`](crate::entropy::Entropy). `crypto.subtle` is absent.

use boa_engine::builtins::typed_array::TypedArrayKind;
use boa_engine::object::ObjectInitializer;
use boa_engine::object::builtins::{JsArrayBuffer, JsTypedArray};
use boa_engine::property::Attribute;
use boa_engine::{Context, JsArgs, JsNativeError, JsResult, JsString, JsValue, NativeFunction, js_string};

fn math_random(_: &JsValue, _: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    Ok(super::host_of(ctx)?.get_mut().entropy.next_f64().into())
}

fn get_random_values(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let arg = args.get_or_undefined(0).clone();
    let array = arg
        .as_object()
        .and_then(|o| JsTypedArray::from_object(o.clone()).ok())
        .ok_or_else(|| JsNativeError::typ().with_message("Crypto.getRandomValues: argument is not a typed array"))?;
    // Integer arrays only (WebCrypto): every float kind, Float16 included, is a TypeMismatchError.
    let float = array.kind().is_some_and(|k| {
        use TypedArrayKind::*;
        !matches!(k, Int8 | Uint8 | Uint8Clamped | Int16 | Uint16 | Int32 | Uint32 | BigInt64 | BigUint64)
    });
    if float {
        return Err(JsNativeError::typ()
            .with_message("Crypto.getRandomValues: TypeMismatchError: float arrays are not allowed")
            .into());
    }
    let len = array.byte_length(ctx)?;
    if len > 65_536 {
        return Err(JsNativeError::range()
            .with_message(format!("Crypto.getRandomValues: QuotaExceededError: {len} bytes requested, 65536 allowed"))
            .into());
    }
    let offset = array.byte_offset(ctx)?;
    let mut bytes = vec![0u8; len];
    super::host_of(ctx)?.get_mut().entropy.fill(&mut bytes);
    let buffer = array.buffer(ctx)?;
    let buffer = buffer
        .as_object()
        .and_then(|o| JsArrayBuffer::from_object(o.clone()).ok())
        .ok_or_else(|| JsNativeError::typ().with_message("Crypto.getRandomValues: shared buffers are not supported"))?;
    if let Some(mut data) = buffer.data_mut()
        && let Some(dst) = data.get_mut(offset..offset + len)
    {
        dst.copy_from_slice(&bytes);
    }
    Ok(arg)
}

fn random_uuid(_: &JsValue, _: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let uuid = super::host_of(ctx)?.get_mut().entropy.uuid_v4();
    Ok(JsString::from(uuid).into())
}

pub(crate) fn register(ctx: &mut Context) -> JsResult<()> {
    let math = ctx.global_object().get(js_string!("Math"), ctx)?;
    if let Some(math) = math.as_object() {
        let f = NativeFunction::from_fn_ptr(math_random).to_js_function(ctx.realm());
        math.set(js_string!("random"), f, true, ctx)?;
    }
    let crypto = ObjectInitializer::new(ctx)
        .function(NativeFunction::from_fn_ptr(get_random_values), js_string!("getRandomValues"), 1)
        .function(NativeFunction::from_fn_ptr(random_uuid), js_string!("randomUUID"), 0)
        .build();
    ctx.register_global_property(js_string!("crypto"), crypto, Attribute::CONFIGURABLE | Attribute::WRITABLE)?;
    Ok(())
}
