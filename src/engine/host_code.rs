//! Which compiled code is the host's own: the prelude and its lazy modules. `Function.prototype.toString` shows their
//! functions as a browser shows its built-ins, `function fetch() { [native code] }` (vendored patch 0007 asks the
//! host, as the spec's HostHasSourceTextAvailable does). Otherwise an SDK's "is `fetch` native?" check (Sentry,
//! core-js and lodash's `isNative` test for `[native code]`) would take the host's surface for a polyfill, and a
//! build could read the host's JavaScript to tell it is being tested and behave only then.
//!
//! Host code is recognised by the path it is compiled under. Page scripts are compiled under their URL (with a
//! scheme), `eval` code under none, and session scripts under the file name the user gave; only a user file named
//! exactly like a host path would be shown as native too.

use boa_engine::builtins::function::OrdinaryFunction;
use boa_engine::object::builtins::JsFunction;
use boa_engine::vm::SourcePath;

/// The path the prelude is compiled under.
pub(crate) const PRELUDE_PATH: &str = "sdkhost-prelude.js";

/// The prefix of the paths the lazy modules are compiled under (`sdkhost/dom.js`).
const MODULE_PREFIX: &str = "sdkhost/";

/// The path lazy module `name` is compiled under.
pub(crate) fn module_path(name: &str) -> String {
    format!("{MODULE_PREFIX}{name}.js")
}

/// Whether `path` is one the host compiles its own code under.
fn is_host_path(path: &str) -> bool {
    path == PRELUDE_PATH
        || path.strip_prefix(MODULE_PREFIX).is_some_and(|rest| {
            rest.strip_suffix(".js")
                .is_some_and(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase()))
        })
}

/// Whether `function` was compiled from the host's own source (so its text stays hidden).
pub(crate) fn is_host_function(function: &JsFunction) -> bool {
    let Some(ordinary) = function.downcast_ref::<OrdinaryFunction>() else { return false };
    match ordinary.codeblock().path() {
        SourcePath::Path(path) => path.to_str().is_some_and(is_host_path),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_paths_are_the_prelude_and_the_modules_only() {
        assert!(is_host_path(PRELUDE_PATH));
        assert!(is_host_path(&module_path("dom")));
        assert!(is_host_path(&module_path("mutationobserver")));
        for page in [
            "https://shop.example/sdkhost-prelude.js",
            "sdkhost/",
            "sdkhost/.js",
            "sdkhost/../x.js",
            "snippet.js",
            "eval",
        ] {
            assert!(!is_host_path(page), "{page}");
        }
    }
}
