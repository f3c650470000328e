//! Lazy modules of the prelude (see `js/lazy.js`): most of the browser surface is JS that Boa would otherwise parse
//! on every page (about 0.2 ms per KB), so it is compiled only when a page first touches it. `H.module(name)`
//! evaluates module `name` and returns its function `(H, I)`, which the prelude's loader calls once per page.

use boa_engine::{Context, JsArgs, JsNativeError, JsObject, JsResult, JsValue, NativeFunction, js_string};

/// Wraps a module file as a function of the private natives `H` and the shared internals `I`.
macro_rules! module {
    ($name:literal) => {
        ($name, concat!("(function (H, I) {\n'use strict';\n", include_str!(concat!("js/", $name, ".js")), "\n})"))
    };
}

/// Every module: (name, source).
const MODULES: [(&str, &str); 17] = [
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
    module!("cssom"),
    module!("xhr"),
    module!("fetch"),
    module!("body"),
];

fn load_module(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let name = args.get_or_undefined(0).to_string(ctx)?.to_std_string_escaped();
    let Some((_, source)) = MODULES.iter().find(|(n, _)| *n == name) else {
        return Err(JsNativeError::typ().with_message(format!("sdkhost: no prelude module {name}")).into());
    };
    let path = format!("sdkhost/{name}.js");
    crate::page::code_cache::eval(ctx, source, &path)
}

/// Adds `module` to the prelude's private object.
pub(crate) fn add_natives(ctx: &mut Context, h: &JsObject) -> JsResult<()> {
    let f = NativeFunction::from_fn_ptr(load_module).to_js_function(ctx.realm());
    h.set(js_string!("module"), f, false, ctx)?;
    Ok(())
}
