//! Modules for page code (MDN: /en-US/docs/Web/JavaScript/Reference/Operators/import): what `import()` in a page
//! script, and `import` in a module loaded that way, fetch. Never the filesystem: a specifier is resolved as a URL
//! against the importing module's URL (a script: the document URL), then
//! - a URL the session maps to a local source (as the SDK script is mapped) loads that source;
//! - an http(s) URL is a GET through the egress gate (initiator `script`, recorded, blocked without consent); a 2xx
//!   answer is the module (JavaScript, or JSON with `with { type: 'json' }`);
//! - anything else, a blocked request or a failed one rejects with the TypeError a browser gives for a network error
//!   (`Failed to fetch dynamically imported module: URL`), whatever is or is not on the disk.
//!
//! `import.meta.url` is the module's URL. A module is loaded once per page and URL (the same module object after).
//! Deviations: the answer is used at once, without the exchange's latency; classic scripts resolve against the
//! document URL, not their own; `<script type=module>` does not run (js/dom.js), so static `import` is only in
//! imported modules; no import maps, no `data:`/`blob:` modules.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;
use std::path::Path;
use std::rc::Rc;

use boa_engine::module::{Module, ModuleLoader, ModuleRequest, Referrer};
use boa_engine::{Context, JsNativeError, JsObject, JsResult, JsString, Source, js_string};
use url::Url;

use crate::net::{Initiator, Request};
use crate::transcript::Event;

/// The module loader of one page.
#[derive(Debug, Default)]
pub(crate) struct PageModuleLoader {
    /// Modules loaded so far, by URL and type (`""` for JavaScript).
    loaded: RefCell<BTreeMap<(String, String), Module>>,
}

/// What a browser says when a module cannot be fetched.
fn fetch_failed(url: &str) -> boa_engine::JsError {
    JsNativeError::typ().with_message(format!("Failed to fetch dynamically imported module: {url}")).into()
}

/// Resolves `specifier` as a browser does: an absolute URL, or `/`, `./`, `../` relative to `base`.
fn resolve(specifier: &str, base: &Url) -> JsResult<Url> {
    let relative = ["/", "./", "../"].iter().any(|p| specifier.starts_with(p));
    let parsed = if relative { base.join(specifier) } else { Url::parse(specifier) };
    parsed.map_err(|_| {
        JsNativeError::typ()
            .with_message(format!(
                "Failed to resolve module specifier \"{specifier}\". Relative references must start with either \
                 \"/\", \"./\", or \"../\"."
            ))
            .into()
    })
}

/// The URL the importer's specifiers are relative to: a module's own URL, else the document URL.
fn base_of(referrer: &Referrer, ctx: &Context) -> JsResult<Url> {
    let own = match referrer {
        Referrer::Module(m) => m.path().and_then(|p| p.to_str()).and_then(|p| Url::parse(p).ok()),
        _ => None,
    };
    match own {
        Some(u) => Ok(u),
        None => super::net::page_url(ctx),
    }
}

impl PageModuleLoader {
    fn load(&self, referrer: &Referrer, request: &ModuleRequest, ctx: &mut Context) -> JsResult<Module> {
        let specifier = request.specifier().to_std_string_lossy();
        let url = resolve(&specifier, &base_of(referrer, ctx)?)?;
        let kind = request
            .attributes()
            .iter()
            .find(|a| a.key() == &js_string!("type"))
            .map(|a| a.value().to_std_string_lossy())
            .unwrap_or_default();
        if !kind.is_empty() && kind != "json" {
            return Err(JsNativeError::typ().with_message(format!("\"{kind}\" is not a valid module type.")).into());
        }
        let key = (url.to_string(), kind);
        if let Some(m) = self.loaded.borrow().get(&key) {
            return Ok(m.clone());
        }
        let source = fetch(&url, ctx)?;
        let module = if key.1 == "json" {
            Module::parse_json(JsString::from(source.as_str()), ctx)?
        } else {
            Module::parse(Source::from_bytes(source.as_bytes()).with_path(Path::new(url.as_str())), None, ctx)?
        };
        self.loaded.borrow_mut().insert(key, module.clone());
        Ok(module)
    }
}

/// The source of the module at `url`: the session's mapped source, or a 2xx answer through the gate.
fn fetch(url: &Url, ctx: &mut Context) -> JsResult<String> {
    let host = super::host_of(ctx)?;
    let mapped = host.get().profile.scripts.get(url.as_str()).cloned();
    if let Some(script) = mapped {
        host.get_mut().record(Event::ScriptRun {
            name: url.to_string(),
            origin: format!("file:{}", script.name),
            sha256: Some(script.sha256.clone()),
            bytes: script.source.len(),
        });
        return Ok(script.source.to_string());
    }
    if !matches!(url.scheme(), "http" | "https") {
        return Err(fetch_failed(url.as_str()));
    }
    let req = Request::new("GET", url.clone(), super::net::page_url(ctx)?, Initiator::Script);
    let exchange = host.get_mut().submit(req);
    host.get_mut().deliver(&exchange);
    let body = exchange.response().filter(|r| (200..300).contains(&r.status)).map(|r| r.body.clone());
    let Some(body) = body else { return Err(fetch_failed(url.as_str())) };
    let source = String::from_utf8_lossy(&body).into_owned();
    host.get_mut().record(Event::ScriptRun {
        name: url.to_string(),
        origin: "network".into(),
        sha256: None,
        bytes: source.len(),
    });
    Ok(source)
}

impl ModuleLoader for PageModuleLoader {
    fn load_imported_module(
        self: Rc<Self>,
        referrer: Referrer,
        request: ModuleRequest,
        context: &RefCell<&mut Context>,
    ) -> impl Future<Output = JsResult<Module>> {
        std::future::ready(self.load(&referrer, &request, &mut context.borrow_mut()))
    }

    fn init_import_meta(self: Rc<Self>, import_meta: &JsObject, module: &Module, context: &mut Context) {
        if let Some(url) = module.path().and_then(|p| p.to_str()) {
            // A fresh ordinary object: the write cannot fail.
            let _ = import_meta.set(js_string!("url"), JsString::from(url), false, context);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn specifiers_resolve_as_urls_never_as_paths() {
        let base = url::Url::parse("https://shop.example/app/page").expect("url");
        let ok = |s: &str| resolve(s, &base).map(|u| u.to_string()).ok();
        assert_eq!(ok("./m.js").as_deref(), Some("https://shop.example/app/m.js"));
        assert_eq!(ok("../m.js").as_deref(), Some("https://shop.example/m.js"));
        assert_eq!(ok("/etc/passwd").as_deref(), Some("https://shop.example/etc/passwd"));
        assert_eq!(ok("https://cdn.example/x.js").as_deref(), Some("https://cdn.example/x.js"));
        assert_eq!(ok("file:///etc/passwd").as_deref(), Some("file:///etc/passwd"));
        assert!(ok("Cargo.toml").is_none() && ok("lodash").is_none() && ok("").is_none());
    }
}
