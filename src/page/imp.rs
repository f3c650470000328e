//! [`Page`]: building the context, running scripts and tasks, and closing the page.
#![cfg_attr(
    not(feature = "bench-internals"),
    allow(unreachable_pub, reason = "public through `sdkhost::bench` with the bench-internals feature")
)]

use std::rc::Rc;

use boa_engine::context::ContextBuilder;
use boa_engine::{Context, JsError, JsValue};
use url::Url;

use super::event_loop::EventLoop;
use super::hooks::{PageHooks, VirtualClock};
use crate::budget::Budget;
use crate::clock::VirtualTime;
use crate::engine::{code_cache, describe, is_out_of_instructions, optimizer_options};
use crate::host::HostRef;
use crate::transcript::{ErrorPhase, Event, PageCause};
use crate::web::{self, JsHooks};

/// Loop iterations one call frame may run before the page is stopped (`while (true) {}`).
pub(crate) const LOOP_LIMIT: u64 = 10_000_000;
/// Nested calls before the page is stopped.
pub(crate) const RECURSION_LIMIT: usize = 1_000;

/// Stack a page's JS needs below each entry point from the host: Boa recurses deeply on nested JS (the
/// [`RECURSION_LIMIT`] frames of a real SDK need more than a default 2 MiB thread stack). An entry point with less
/// left runs on a fresh stack segment of [`crate::parallel::WORKER_STACK`], so a page works on any thread.
const STACK_NEEDED: usize = 12 * 1024 * 1024;

/// Runs `f` where at least [`STACK_NEEDED`] bytes of stack are left.
pub(crate) fn with_stack<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(STACK_NEEDED, crate::parallel::WORKER_STACK, f)
}

/// Where [`Page::fire`] dispatches an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventTarget {
    /// `window`.
    Window,
    /// `document`.
    #[cfg_attr(not(feature = "bench-internals"), allow(dead_code, reason = "no session fires at the document yet"))]
    Document,
}

impl EventTarget {
    /// The prelude's name of the target.
    fn name(self) -> &'static str {
        match self {
            EventTarget::Window => "window",
            EventTarget::Document => "document",
        }
    }
}

/// A page could not be built (a bug in the surface, not in the page's scripts).
#[derive(Debug, thiserror::Error)]
#[error("could not set up page {url}: {message}")]
pub struct PageError {
    url: String,
    message: String,
}

/// One loaded document: a fresh Boa context with the browser surface, bound to one URL.
pub struct Page {
    ctx: Context,
    events: Rc<EventLoop>,
    hooks: JsHooks,
    engine_hooks: Rc<PageHooks>,
    host: HostRef,
    url: Url,
}

impl std::fmt::Debug for Page {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Page").field("url", &self.url.as_str()).finish_non_exhaustive()
    }
}

impl Page {
    /// Opens `url` in a fresh context (readyState `loading`). `cause` is recorded.
    ///
    /// # Errors
    /// [`PageError`] when the surface cannot be installed.
    pub fn open(host: &HostRef, url: Url, cause: PageCause) -> Result<Page, PageError> {
        with_stack(|| Page::open_here(host, url, cause))
    }

    fn open_here(host: &HostRef, url: Url, cause: PageCause) -> Result<Page, PageError> {
        let fail = |e: String| PageError { url: url.to_string(), message: e };
        host.get_mut().record(Event::PageOpened { url: url.to_string(), cause });
        let events = Rc::new(EventLoop::new(host.clone()));
        let tz = host.get().profile.tz_offset_minutes * 60;
        let engine_hooks = Rc::new(PageHooks::new(tz));
        let instructions = host.get().budgets.js_instructions_per_page;
        let mut ctx = ContextBuilder::new()
            .instructions_remaining(usize::try_from(instructions).unwrap_or(usize::MAX))
            .clock(Rc::new(VirtualClock::new(host.clone())))
            .job_executor(events.clone())
            .host_hooks(engine_hooks.clone())
            .module_loader(Rc::new(web::PageModuleLoader::default()))
            .build()
            .map_err(|e| fail(e.to_string()))?;
        ctx.set_optimizer_options(optimizer_options());
        let limits = ctx.runtime_limits_mut();
        limits.set_loop_iteration_limit(LOOP_LIMIT);
        limits.set_recursion_limit(RECURSION_LIMIT);
        let hooks = web::install(&mut ctx, host, events.clone(), &url).map_err(|e| fail(e.to_string()))?;
        Ok(Page { ctx, events, hooks, engine_hooks, host: host.clone(), url })
    }

    /// The document's current URL: the opened one, or what `history.pushState`/`replaceState` made it.
    pub fn current_url(&self) -> Url {
        web::document_url(&self.ctx).unwrap_or_else(|| self.url.clone())
    }

    /// Runs a classic script, then a microtask checkpoint. An exception is recorded and the page goes on.
    /// Returns whether the script completed without an exception.
    pub fn run_script(&mut self, name: &str, source: &str, origin: &str, sha256: Option<String>) -> bool {
        if self.halted() {
            return false;
        }
        with_stack(|| self.run_script_here(name, source, origin, sha256))
    }

    fn run_script_here(&mut self, name: &str, source: &str, origin: &str, sha256: Option<String>) -> bool {
        self.host.get_mut().record(Event::ScriptRun {
            name: name.to_owned(),
            origin: origin.to_owned(),
            sha256,
            bytes: source.len(),
        });
        let result = code_cache::eval(&mut self.ctx, source, name);
        let ok = match result {
            Ok(_) => true,
            Err(e) => {
                self.record_error(ErrorPhase::Script, &e);
                false
            }
        };
        self.checkpoint();
        ok
    }

    /// Evaluates `source` and returns its completion value as JSON (`undefined` and functions become `null`), or
    /// the exception, which is also recorded.
    pub fn eval_json(&mut self, source: &str) -> Result<serde_json::Value, String> {
        if self.halted() {
            return Err(self.halt_message());
        }
        with_stack(|| self.eval_json_here(source))
    }

    fn eval_json_here(&mut self, source: &str) -> Result<serde_json::Value, String> {
        let result = code_cache::eval(&mut self.ctx, source, "eval");
        let out = match result {
            Ok(v) => Ok(self.js_to_json(&v)),
            Err(e) => {
                let (message, _) = describe(&e, &mut self.ctx);
                self.record_error(ErrorPhase::Script, &e);
                Err(message)
            }
        };
        self.checkpoint();
        out
    }

    fn js_to_json(&mut self, v: &JsValue) -> serde_json::Value {
        // JSON.stringify in JS, then serde: the faithful route (see the Boa notes on to_json). The prelude's captured
        // one, as the page may replace the global.
        let text = self
            .hooks
            .clone()
            .call("stringify", std::slice::from_ref(v), &mut self.ctx)
            .ok()
            .and_then(|s| s.as_string().map(|s| s.to_std_string_escaped()));
        text.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or(serde_json::Value::Null)
    }

    /// Runs the microtask checkpoint.
    pub fn checkpoint(&mut self) {
        if self.halted() {
            return;
        }
        with_stack(|| {
            for (phase, e) in self.events.checkpoint(&mut self.ctx) {
                self.record_error(phase, &e);
            }
            self.report_unhandled_rejections();
        });
    }

    /// Whether a budget has ended the session; if so, the page runs no more JS: its tasks are dropped and its
    /// instruction budget is emptied (so a script in progress ends at its next instruction too).
    pub fn halted(&mut self) -> bool {
        if self.host.get().stopped.is_none() {
            return false;
        }
        self.ctx.set_instructions_remaining(0);
        self.events.clear();
        true
    }

    fn halt_message(&self) -> String {
        self.host.get().stopped.as_ref().map(ToString::to_string).unwrap_or_default()
    }

    /// Records each promise rejected with no handler by the end of a checkpoint, as a browser's console shows
    /// `Uncaught (in promise)`. A handler added later does not undo the record (browsers log it too).
    fn report_unhandled_rejections(&mut self) {
        for reason in self.engine_hooks.take_unhandled() {
            let (message, location) = describe(&JsError::from_opaque(reason), &mut self.ctx);
            let message = format!("Uncaught (in promise) {message}");
            self.host.get_mut().record(Event::JsError { phase: ErrorPhase::Microtask, message, location });
        }
    }

    /// Runs every task due up to `until`, one at a time in (due time, creation order), each followed by a
    /// checkpoint, then leaves the clock at `until`.
    ///
    /// More than [`Budgets::tasks_per_advance`](crate::budget::Budgets::tasks_per_advance) tasks end the session
    /// (a 0 ms interval over a day of virtual time); the clock then stays where the last task ran.
    pub fn run_until(&mut self, until: VirtualTime) {
        let limit = self.host.get().budgets.tasks_per_advance;
        let mut ran = 0u64;
        with_stack(|| {
            loop {
                if self.halted() {
                    return;
                }
                let next = self.host.get_mut().clock.pop_due(until);
                let Some(id) = next else { break };
                ran += 1;
                if ran > limit {
                    self.host.get_mut().exceed(Budget::TasksPerAdvance);
                    self.halted();
                    return;
                }
                for (phase, e) in self.events.run_task(id, &mut self.ctx) {
                    self.record_error(phase, &e);
                }
                self.report_unhandled_rejections();
            }
            self.host.get_mut().clock.advance_to(until);
        });
    }

    /// Advances the session clock by `ms`, running what falls due.
    pub fn advance(&mut self, ms: u64) {
        let until = self.host.get().now().plus_ms(i64::try_from(ms).unwrap_or(i64::MAX));
        self.run_until(until);
    }

    /// Runs the tasks due at the current time (0 ms timers, local script loads) without moving the clock.
    pub fn settle(&mut self) {
        let now = self.host.get().now();
        self.run_until(now);
    }

    /// Calls a prelude hook (`setReadyState`, `fire`, `setVisibility`, ...), then a checkpoint.
    pub(crate) fn call_hook(&mut self, name: &str, args: &[JsValue]) {
        if self.halted() {
            return;
        }
        with_stack(|| {
            if let Err(e) = self.hooks.clone().call(name, args, &mut self.ctx) {
                self.record_error(ErrorPhase::Event, &e);
            }
            self.checkpoint();
        });
    }

    /// Finishes loading: `interactive` + DOMContentLoaded, the tasks due now (async script loads), then `complete`
    /// + `load` + `pageshow`.
    pub fn finish_loading(&mut self) {
        self.call_hook("setReadyState", &[boa_engine::js_string!("interactive").into()]);
        self.settle();
        self.call_hook("setReadyState", &[boa_engine::js_string!("complete").into()]);
        self.settle();
    }

    /// Dispatches a plain event of `event_type` at `target`.
    pub fn fire(&mut self, target: EventTarget, event_type: &str) {
        let args = [boa_engine::JsString::from(target.name()).into(), boa_engine::JsString::from(event_type).into()];
        self.call_hook("fire", &args);
    }

    /// Shows (`visible`) or hides (`hidden`) the page without unloading it, firing `visibilitychange`.
    pub fn set_visibility(&mut self, state: &str) {
        self.call_hook("setVisibility", &[boa_engine::JsString::from(state).into()]);
    }

    /// Puts the browser on- or offline: `navigator.onLine` and the `online`/`offline` event.
    pub fn set_online(&mut self, online: bool) {
        self.call_hook("setOnline", &[online.into()]);
    }

    /// Closes the page as a navigation does: `beforeunload`, `pagehide`, `visibilitychange` (hidden), `unload`,
    /// what they trigger (sendBeacon), then drops every pending task and the context.
    pub fn close(mut self) {
        with_stack(move || {
            self.call_hook("unload", &[]);
            self.settle();
            self.events.clear();
            let url = self.url.to_string();
            self.host.get_mut().record(Event::PageClosed { url });
            // The context (and its heap) is dropped here too, on the big stack.
            drop(self);
        });
    }

    /// Records a JS error from `phase`; running out of instructions ends the session instead (it is not the page's
    /// error, and every later instruction would raise it again).
    pub(crate) fn record_error(&mut self, phase: ErrorPhase, e: &JsError) {
        if is_out_of_instructions(e) {
            self.host.get_mut().exceed(Budget::JsInstructions);
            return;
        }
        if self.host.get().stopped.is_some() {
            return;
        }
        let (message, location) = describe(e, &mut self.ctx);
        self.host.get_mut().record(Event::JsError { phase, message, location });
    }

    /// The lazy prelude modules this page has compiled so far, sorted (`events`, `dom`, ...): what a page's scripts
    /// cost beyond the always-present surface. For tests and the perf bench.
    #[cfg(any(test, feature = "bench-internals"))]
    pub fn loaded_modules(&mut self) -> Vec<String> {
        with_stack(|| self.loaded_modules_here())
    }

    #[cfg(any(test, feature = "bench-internals"))]
    fn loaded_modules_here(&mut self) -> Vec<String> {
        let names = self.hooks.clone().call("loadedModules", &[], &mut self.ctx).ok();
        let json = names.map(|v| self.js_to_json(&v)).unwrap_or_default();
        json.as_array().into_iter().flatten().filter_map(|n| n.as_str().map(str::to_owned)).collect()
    }

    /// The Boa context: `benches/perf.rs` uses it to time parse, compile and evaluate apart inside a real page.
    #[cfg(feature = "bench-internals")]
    pub fn context(&mut self) -> &mut Context {
        &mut self.ctx
    }
}
