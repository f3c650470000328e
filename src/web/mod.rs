//! The browser surface: one file per web API, each thin glue between JS and the pure core (clock, entropy, jar,
//! egress). Nothing here makes a policy decision.
//!
//! Two layers, installed in a fixed order by [`install`]:
//! - native functions (Rust), each file's `register`, reaching the session through [`HostRef`] in the context data;
//!   host primitives that only the prelude may call go on a private object `H` that the page never sees;
//! - the prelude (`js/*.js`), plain JS for the DOM-ish objects and event dispatch, evaluated once per page inside a
//!   closure over `H`. It returns the hooks the host calls (fire an event, change `readyState`, ...).
//!
//! What is not implemented is absent, so feature detection in SDKs takes its fallback path.
//!
//! Sealing (page and SDK code are hostile; the JS half of these rules heads `js/intrinsics.js`):
//! - `H` has no prototype and is frozen before the prelude runs, so no page getter on `Object.prototype` ever sees
//!   it and nothing can be added to it; the prelude keeps it in closures and hands it only to module functions.
//! - Host state is Rust's: the page URL and its history entries (`history.rs`), the cookie jar, storage. No native
//!   takes a URL or origin from JS that the host already knows: requests, cookies and storage use the page URL the
//!   host holds, and the only way to change it in place is `historyChange`, which refuses another origin. Even a
//!   leaked `H` could do nothing a page cannot already do through web APIs.
//! - Modules a page imports never come from the filesystem (`module_loader.rs`).

mod console;
mod console_format;
mod cookie;
mod crypto;
mod events;
mod history;
mod html_parse;
mod module_loader;
mod modules;
mod net;
mod performance;
mod resource;
mod script;
mod storage;
mod timers;
mod whatwg_url;
mod window;

use boa_engine::object::IntegrityLevel;
use boa_engine::{Context, JsError, JsNativeError, JsObject, JsResult, JsValue, js_string};
use boa_runtime::RuntimeExtension;
use boa_runtime::extensions::{
    AbortControllerExtension, Base64Extension, EncodingExtension, MicrotaskExtension, StructuredCloneExtension,
};

use crate::host::HostRef;

/// The prelude: one closure over the host primitives `H`, returning the hooks object.
const PRELUDE: &str = concat!(
    "(function (H) {\n'use strict';\n",
    include_str!("js/intrinsics.js"),
    include_str!("js/weakref.js"),
    include_str!("js/lazy.js"),
    include_str!("js/window.js"),
    include_str!("js/navigator.js"),
    include_str!("js/document.js"),
    include_str!("js/abort.js"),
    "\nreturn hooks;\n})"
);

/// A native task body: Rust code run later as a task, which may call into JS.
pub(crate) type NativeTask = Box<dyn FnOnce(&mut Context) -> boa_engine::JsResult<()>>;

/// What the surface needs from the page's event loop. `page/` implements it and hands it to [`install`], which keeps
/// it in the context's data, where natives reach it (as `boa_runtime`'s fetch reaches its fetcher): `web/` never
/// names the page's types.
pub(crate) trait TaskQueue {
    /// Schedules a host task `delay_ms` from now.
    fn schedule_native(&self, delay_ms: i64, phase: crate::transcript::ErrorPhase, body: NativeTask);
    /// Schedules a page timer and returns the id the page sees.
    fn schedule_callback(
        &self,
        f: boa_engine::object::builtins::JsFunction,
        args: Vec<JsValue>,
        delay_ms: i64,
        repeat: bool,
    ) -> u32;
    /// Cancels a page timer by the id the page sees.
    fn clear_callback(&self, public_id: u32);
}

/// The page's task queue, as kept in the context's data.
#[derive(Clone)]
struct Tasks(std::rc::Rc<dyn TaskQueue>);

/// The task queue of the page `ctx` belongs to (`None` before [`install`]).
pub(crate) fn tasks_of(ctx: &Context) -> Option<std::rc::Rc<dyn TaskQueue>> {
    ctx.get_data::<Tasks>().map(|t| t.0.clone())
}

/// The hooks the prelude hands back to the host.
#[derive(Debug, Clone)]
pub(crate) struct JsHooks(pub(crate) JsObject);

/// The document's current URL (after `history.pushState`), if the page has one.
pub(crate) fn document_url(ctx: &Context) -> Option<url::Url> {
    history::page_url(ctx).ok()
}

pub(crate) use module_loader::PageModuleLoader;

/// Reaches the session from a native function.
///
/// # Errors
/// A TypeError when the context has no host (a bug in page setup). Once a budget has ended the session, the
/// engine's uncatchable "no instructions remain": the script that called the native ends there (a console flood past
/// the output budget stops at its next `console.log`).
pub(crate) fn host_of(ctx: &Context) -> JsResult<HostRef> {
    let host = ctx
        .get_data::<HostRef>()
        .cloned()
        .ok_or_else(|| JsError::from(JsNativeError::typ().with_message("sdkhost: page has no host")))?;
    if host.is_stopped() {
        return Err(boa_engine::error::EngineError::NoInstructionsRemain.into());
    }
    Ok(host)
}

/// Puts native functions on the private object `h`, each under its name (non-enumerable, not writable).
pub(crate) fn set_natives(
    ctx: &mut Context,
    h: &JsObject,
    fns: &[(&str, boa_engine::native_function::NativeFunctionPointer)],
) -> JsResult<()> {
    for &(name, f) in fns {
        let f = boa_engine::NativeFunction::from_fn_ptr(f).to_js_function(ctx.realm());
        h.set(boa_engine::JsString::from(name), f, false, ctx)?;
    }
    Ok(())
}

/// Installs the whole surface into a fresh context for `url`, and returns the prelude's hooks.
pub(crate) fn install(
    ctx: &mut Context,
    host: &HostRef,
    tasks: std::rc::Rc<dyn TaskQueue>,
    url: &url::Url,
) -> JsResult<JsHooks> {
    ctx.insert_data(host.clone());
    ctx.insert_data(Tasks(tasks));
    (Base64Extension, EncodingExtension, MicrotaskExtension, StructuredCloneExtension, AbortControllerExtension)
        .register(None, ctx)?;
    window::register(ctx)?;
    console::register(ctx)?;
    timers::register(ctx)?;
    crypto::register(ctx)?;
    performance::register(ctx)?;

    let natives = JsObject::with_null_proto();
    window::add_natives(ctx, &natives, host, url)?;
    window::add_error_native(ctx, &natives)?;
    script::add_natives(ctx, &natives)?;
    history::add_natives(ctx, &natives, url)?;
    net::add_natives(ctx, &natives)?;
    cookie::add_natives(ctx, &natives)?;
    resource::add_natives(ctx, &natives)?;
    html_parse::add_natives(ctx, &natives)?;
    events::add_natives(ctx, &natives)?;
    whatwg_url::add_natives(ctx, &natives)?;
    storage::add_natives(ctx, &natives, url)?;
    modules::add_natives(ctx, &natives)?;
    natives.set_integrity_level(IntegrityLevel::Frozen, ctx)?;
    let prelude = crate::engine::code_cache::eval(ctx, PRELUDE, crate::engine::PRELUDE_PATH)?;
    let prelude =
        prelude.as_callable().ok_or_else(|| JsNativeError::typ().with_message("sdkhost: prelude is not a function"))?;
    let hooks = prelude.call(&JsValue::undefined(), &[natives.into()], ctx)?;
    let hooks = hooks.as_object().ok_or_else(|| JsNativeError::typ().with_message("sdkhost: prelude hooks"))?;
    Ok(JsHooks(hooks.clone()))
}

impl JsHooks {
    /// Calls hook `name` with `args`.
    pub(crate) fn call(&self, name: &str, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
        let f = self.0.get(js_string!(name), ctx)?;
        match f.as_callable() {
            Some(f) => f.call(&JsValue::undefined(), args, ctx),
            None => Err(JsNativeError::typ().with_message(format!("sdkhost: no prelude hook {name}")).into()),
        }
    }
}

#[cfg(test)]
mod tests {
    /// Sealing rule 2 of `js/intrinsics.js`, checked on the sources: a private object (`H`, `I`, `B`, `hooks`) is
    /// never an argument, a returned value or a stored value, except in the lines that start as listed here: the
    /// function heads, the module call, `load`, the prelude's return to the host, and the captured `B.assign`.
    #[test]
    fn private_objects_are_never_handed_out() {
        let allowed = [
            "(function (H) {",
            "(function (H, I, B) {",
            "H.module(name)(H, I, B);",
            "I.hooks = hooks;",
            "return I;",
            "return hooks;",
            "B.assign(I, {",
        ];
        let handed =
            regex::Regex::new(r"(?:[(,\[]\s*|return\s+|[=:]\s*)(?:H|I|B|hooks)\s*(?:[,);}\]]|$)").expect("regex");
        let mut sources = vec![("prelude", super::PRELUDE)];
        sources.extend(super::modules::MODULES.iter().map(|(name, source)| (*name, *source)));
        let mut found = Vec::new();
        for (name, source) in sources {
            for line in source.lines() {
                let code = line.split(" // ").next().unwrap_or_default().trim();
                if !code.starts_with("//") && handed.is_match(code) && !allowed.iter().any(|a| code.starts_with(a)) {
                    found.push(format!("{name}: {code}"));
                }
            }
        }
        assert!(found.is_empty(), "a private object is handed out (see js/intrinsics.js): {found:#?}");
    }

    /// Sealing rule 6 of `js/intrinsics.js`, checked on the sources of the egress paths (all of `loads` and `body`, and
    /// the functions of other modules a request goes through): no method call on a value a page could have given a
    /// replaced method (`list.push(...)`, `s.toLowerCase()`, `re.test(...)`; `B.push(list, ...)` is the way), no
    /// `for...of` (the page's `Array.prototype[Symbol.iterator]`), no global the page can replace (`window.FormData`,
    /// `new URLSearchParams`, `Object.keys`, `JSON`, ...).
    #[test]
    fn egress_paths_call_no_page_replaceable_builtin() {
        let whole = ["loads", "body"];
        let functions: &[(&str, &[&str])] = &[
            (
                "dom",
                &[
                    "copy",
                    "elementChildren",
                    "sibling",
                    "descendants",
                    "detach",
                    "insertNode",
                    "childNamed",
                    "makeNode",
                    "setAttr",
                    "createElement",
                    "prepareScript",
                    "fireElement",
                ],
            ),
            ("events", &["addListener", "invoke", "eventPath", "parentOf", "dispatchAt", "activate", "fireTrusted"]),
            ("html", &["fragmentFrom", "documentWrite"]),
            ("formdata", &["formEntries"]),
            ("fetch", &["Request", "Response", "fetch", "sendBeacon"]),
            (
                "xhr",
                &[
                    "XMLHttpRequest.prototype.send",
                    "XMLHttpRequest.prototype.open",
                    "XMLHttpRequest.prototype.setRequestHeader",
                ],
            ),
            ("location", &["withoutHash", "navigateTo", "requestNavigation"]),
        ];
        let method = regex::Regex::new(
            r"(\w+|\)|\])\.(forEach|push|pop|shift|unshift|map|filter|indexOf|lastIndexOf|includes|slice|join|splice|some|every|find|findIndex|reduce|concat|sort|split|replace|toLowerCase|toUpperCase|trim|test|exec|call|apply|bind|then|get|set|has|delete)\(",
        )
        .expect("regex");
        let global = regex::Regex::new(
            r"\bfor \([^;]* of |window\.(FormData|URLSearchParams|URL|Blob|Headers|Request|Response)\b|new (URLSearchParams|FormData|URL|Map|Set)\b|\b(Object|Array|JSON|Reflect|Promise)\.",
        )
        .expect("regex");
        let mut found = Vec::new();
        for (name, source) in super::modules::MODULES {
            let picked = functions.iter().find(|(m, _)| *m == name).map_or(&[][..], |(_, f)| *f);
            let mut inside = whole.contains(&name);
            for line in source.lines() {
                let code = line.split(" // ").next().unwrap_or_default();
                if !whole.contains(&name) {
                    if picked.iter().any(|f| {
                        code.starts_with(&format!("function {f}(")) || code.starts_with(&format!("{f} = function"))
                    }) {
                        inside = true;
                    } else if code.starts_with('}') || code.starts_with("function ") {
                        inside = false;
                    }
                }
                let code = code.trim();
                if !inside || code.starts_with("//") || code.contains("throw ") {
                    continue;
                }
                let calls = method.captures_iter(code).any(|c| &c[1] != "B" && &c[1] != "H" && &c[1] != "I");
                if calls || global.is_match(code) {
                    found.push(format!("{name}: {code}"));
                }
            }
        }
        assert!(
            found.is_empty(),
            "a page-replaceable builtin on an egress path (see js/intrinsics.js rule 6): {found:#?}"
        );
    }
}
