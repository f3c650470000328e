//! Lazy modules of the prelude (see `js/lazy.js`): most of the browser surface is JS that Boa would otherwise parse
//! on every page (about 0.2 ms per KB), so it is compiled only when a page first touches it. `H.module(name)`
//! evaluates module `name` and returns its function `(H, I, B)`, which the prelude's loader calls once per page.
//! A module loads after page code may have tampered with builtins: it follows the sealing rules of
//! `js/intrinsics.js` (the captured builtins `B` for anything that touches a private object).

use boa_engine::property::PropertyKey;
use boa_engine::{Context, JsArgs, JsNativeError, JsObject, JsResult, JsValue, js_string};

/// Wraps a module file as a function of the private natives `H`, the shared internals `I` and the captured builtins
/// `B`; `String` is the captured one, as a page may replace the global (intrinsics.js rule 6).
macro_rules! module {
    ($name:literal) => {
        (
            $name,
            concat!(
                "(function (H, I, B) {\n'use strict';\nvar String = B.String;\n",
                include_str!(concat!("js/", $name, ".js")),
                "\n})"
            ),
        )
    };
}

/// Every module: (name, source).
pub(super) const MODULES: [(&str, &str); 19] = [
    module!("events"),
    module!("uievents"),
    module!("domexception"),
    module!("url"),
    module!("location"),
    module!("dom"),
    module!("elements"),
    module!("html"),
    module!("selectors"),
    module!("storage"),
    module!("blob"),
    module!("formdata"),
    module!("mutationobserver"),
    module!("observers"),
    module!("cssom"),
    module!("xhr"),
    module!("fetch"),
    module!("body"),
    module!("loads"),
];

fn load_module(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let name = args.get_or_undefined(0).to_string(ctx)?.to_std_string_escaped();
    let Some((_, source)) = MODULES.iter().find(|(n, _)| *n == name) else {
        return Err(JsNativeError::typ().with_message(format!("sdkhost: no prelude module {name}")).into());
    };
    let path = crate::engine::module_path(&name);
    crate::engine::code_cache::eval(ctx, source, &path)
}

/// `H.mixin(target, source)`: defines each own property of `source` but `constructor` on `target`, attributes and
/// all, in `source`'s key order. It is `Object.defineProperties(target, Object.getOwnPropertyDescriptors(source))`
/// without a descriptor object per property: the modules add their members to the prototypes of the core this way
/// (`dom`'s alone once cost a warm page 2.5 M instructions in descriptor objects). `source` must be an ordinary
/// object (a module's class prototype or literal): its properties are read from its property map, so no getter or
/// proxy trap runs. A property `target` refuses (non-configurable, not extensible) throws a TypeError, as
/// `defineProperties` does.
fn mixin(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let (Some(target), Some(source)) = (args.get_or_undefined(0).as_object(), args.get_or_undefined(1).as_object())
    else {
        return Err(JsNativeError::typ().with_message("sdkhost: mixin(target, source) takes two objects").into());
    };
    if !source.is_ordinary() {
        return Err(JsNativeError::typ().with_message("sdkhost: mixin source is not an ordinary object").into());
    }
    let constructor = PropertyKey::from(js_string!("constructor"));
    for key in source.own_property_keys(ctx)? {
        if key == constructor {
            continue;
        }
        let desc = source.borrow().properties().get(&key);
        if let Some(desc) = desc {
            target.define_property_or_throw(key, desc, ctx)?;
        }
    }
    Ok(JsValue::undefined())
}

/// Adds `module` and `mixin` to the prelude's private object.
pub(crate) fn add_natives(ctx: &mut Context, h: &JsObject) -> JsResult<()> {
    super::set_natives(ctx, h, &[("module", load_module), ("mixin", mixin)])?;
    Ok(())
}
