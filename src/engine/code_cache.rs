//! Compile once per thread, run in every page.
//!
//! Parsing and compiling are most of what a page costs (the prelude, its lazy modules, the SDK: about 0.3 ms per KB
//! of JS), and every page of a session, every session of a replay and every check of the suite loads the same
//! sources. So each thread keeps the compiled code of every script it has run, keyed by its text and path, and a page
//! runs that code in its own realm ([`Script::for_realm`], vendored patch 0003).
//!
//! Why a page never sees another page through shared code (each condition has a test in `page/tests_code_cache.rs`):
//! - Code is compiled in a scratch context kept for the thread, never in a page, so a cached script holds the scratch
//!   realm and no page's realm, globals or objects; a page's run binds the code to the page's own realm.
//! - Compiled code is immutable at run time. Functions, template objects and regular expressions are created in the
//!   running realm each time the code runs; a template site is named per thread, not per context (patch 0003).
//! - Inline caches in shared code remember shapes of other pages' objects, but weakly, and a hit needs the very same
//!   live shape: an object of this page never matches a shape of another page, so nothing is misread or kept alive.
//! - Code that depends on the realm it is compiled for is never shared (Boa's `Script::is_realm_independent`): global
//!   `let`/`const`/`class`, sloppy-mode functions declared in top-level blocks, direct `eval`. Such a script is
//!   compiled per page, as is every script of a page that already has global lexical declarations (the shared code
//!   would look those names up on the global object). A script that does not parse is compiled per page too, so its
//!   `SyntaxError` is the page's own.
//! - Thread-local: Boa's heap is per thread and a `Script` cannot cross threads.
//!
//! Transcripts are byte-identical with the cache on and off (tested on every golden and the conformance report).
//! `SDKHOST_CODE_CACHE=off` (or [`set_enabled`]) turns it off, for that test and for debugging.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::atomic::{AtomicU8, Ordering};

use boa_engine::{Context, JsResult, JsValue, Script, Source};

/// The environment variable that turns the cache off: `off`, `0` or `false`.
pub(crate) const ENV_VAR: &str = "SDKHOST_CODE_CACHE";

/// Source bytes of cached scripts per thread before the least recently used ones are dropped. Compiled code takes
/// about 20 times its source, so this bounds the cache near 80 MB per thread.
const MAX_SOURCE_BYTES: usize = 4 << 20;
/// Scripts known not to be shareable, remembered by hash so that they are not compiled twice per load.
const MAX_PER_PAGE_KEYS: usize = 4096;
/// Source bytes compiled in one scratch context before it is replaced: its interner keeps every name it has seen.
const SCRATCH_RENEW_BYTES: usize = 32 << 20;

const UNREAD: u8 = 0;
const ON: u8 = 1;
const OFF: u8 = 2;
static SWITCH: AtomicU8 = AtomicU8::new(UNREAD);

/// Whether pages share compiled code (on unless `SDKHOST_CODE_CACHE` says `off`, `0` or `false`).
pub(crate) fn enabled() -> bool {
    match SWITCH.load(Ordering::Relaxed) {
        ON => true,
        OFF => false,
        _ => {
            let off = std::env::var(ENV_VAR).is_ok_and(|v| matches!(v.trim(), "off" | "0" | "false"));
            SWITCH.store(if off { OFF } else { ON }, Ordering::Relaxed);
            !off
        }
    }
}

/// Turns the cache on or off for the whole process from now on (pages already open keep the code they have).
#[cfg(test)]
pub(crate) fn set_enabled(on: bool) {
    SWITCH.store(if on { ON } else { OFF }, Ordering::Relaxed);
}

/// What this thread's cache has done so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Stats {
    /// Scripts run from code compiled for an earlier page.
    pub hits: u64,
    /// Scripts compiled in the scratch context and then run (first load on this thread).
    pub compiled: u64,
    /// Scripts compiled in the page itself: not shareable, the page has global lexical declarations, or the cache
    /// is off.
    pub per_page: u64,
    /// Cached scripts dropped to stay under the size bound.
    pub evicted: u64,
    /// Scripts in the cache now.
    pub entries: usize,
    /// Their source bytes.
    pub source_bytes: usize,
}

/// This thread's cache counters.
#[cfg(test)]
pub(crate) fn stats() -> Stats {
    CACHE.with_borrow(|c| Stats { entries: c.entries.values().map(Vec::len).sum(), source_bytes: c.bytes, ..c.stats })
}

/// Evaluates `source` (named `path` in errors and stacks) in `ctx`'s realm as a classic script, from code compiled
/// once per thread when it can be shared, else compiled here. Returns the completion value, like `Context::eval`.
pub(crate) fn eval(ctx: &mut Context, source: &str, path: &str) -> JsResult<JsValue> {
    // Pages never switch their context to strict mode (`Context::strict`), so the scratch context parses as they do.
    let shared = if enabled() && ctx.realm().scope().num_bindings() == 0 {
        CACHE.with_borrow_mut(|c| c.compiled(source, path))
    } else {
        None
    };
    match shared {
        Some(script) => script.for_realm(ctx.realm().clone(), ctx)?.evaluate(ctx),
        None => {
            CACHE.with_borrow_mut(|c| c.stats.per_page += 1);
            ctx.eval(Source::from_bytes(source).with_path(Path::new(path)))
        }
    }
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::new());
}

/// One compiled script, with the text it was compiled from (a hash match is checked against it).
struct Entry {
    source: Box<str>,
    path: Box<str>,
    script: Script,
    last_used: u64,
}

struct Cache {
    scratch: Context,
    scratch_bytes: usize,
    /// Compiled scripts by hash of (path, source).
    entries: BTreeMap<u64, Vec<Entry>>,
    /// Hashes of scripts that run per page. A collision only makes a script compile per page.
    per_page: BTreeSet<u64>,
    bytes: usize,
    clock: u64,
    stats: Stats,
}

impl Cache {
    fn new() -> Cache {
        // The scratch context is built here, before the thread-local is registered: Boa's heap (also thread-local)
        // is then registered first and so destroyed after this cache when the thread ends.
        Cache {
            scratch: scratch_context(),
            scratch_bytes: 0,
            entries: BTreeMap::new(),
            per_page: BTreeSet::new(),
            bytes: 0,
            clock: 0,
            stats: Stats::default(),
        }
    }

    /// The shared compiled script for (`source`, `path`), compiling it on first use; `None` when it must be compiled
    /// per page.
    fn compiled(&mut self, source: &str, path: &str) -> Option<Script> {
        let key = key(source, path);
        if self.per_page.contains(&key) {
            return None;
        }
        self.clock += 1;
        let now = self.clock;
        if let Some(entry) = self
            .entries
            .get_mut(&key)
            .and_then(|bucket| bucket.iter_mut().find(|e| &*e.source == source && &*e.path == path))
        {
            entry.last_used = now;
            self.stats.hits += 1;
            return Some(entry.script.clone());
        }
        let Some(script) = self.compile(source, path) else {
            if self.per_page.len() >= MAX_PER_PAGE_KEYS {
                self.per_page.clear();
            }
            self.per_page.insert(key);
            return None;
        };
        self.stats.compiled += 1;
        if source.len() <= MAX_SOURCE_BYTES {
            let entry = Entry { source: source.into(), path: path.into(), script: script.clone(), last_used: now };
            self.entries.entry(key).or_default().push(entry);
            self.bytes += source.len();
            self.evict_to(MAX_SOURCE_BYTES);
        }
        Some(script)
    }

    /// Parses and compiles in the scratch context; `None` if the source does not parse or depends on its realm.
    fn compile(&mut self, source: &str, path: &str) -> Option<Script> {
        if self.scratch_bytes > SCRATCH_RENEW_BYTES {
            self.renew_scratch();
        }
        self.scratch_bytes += source.len();
        let parsed = Script::parse(Source::from_bytes(source).with_path(Path::new(path)), None, &mut self.scratch);
        // A script with global lexical declarations leaves them in the scratch realm's scope, where they would change
        // how later scripts compile: start a clean scratch context.
        if self.scratch.realm().scope().num_bindings() != 0 {
            self.renew_scratch();
        }
        let script = parsed.ok().filter(Script::is_realm_independent)?;
        script.codeblock(&mut self.scratch).ok()?;
        Some(script)
    }

    fn renew_scratch(&mut self) {
        self.scratch = scratch_context();
        self.scratch_bytes = 0;
    }

    /// Drops least recently used scripts until the cached source is at most `cap` bytes.
    fn evict_to(&mut self, cap: usize) {
        while self.bytes > cap {
            let oldest = self
                .entries
                .iter()
                .flat_map(|(k, bucket)| bucket.iter().enumerate().map(move |(i, e)| (e.last_used, *k, i)))
                .min();
            let Some((_, key, index)) = oldest else { break };
            let Some(bucket) = self.entries.get_mut(&key) else { break };
            let entry = bucket.swap_remove(index);
            if bucket.is_empty() {
                self.entries.remove(&key);
            }
            self.bytes -= entry.source.len();
            self.stats.evicted += 1;
        }
    }
}

/// A bare context with the parser settings of pages: compiling needs nothing of the browser surface.
fn scratch_context() -> Context {
    let mut ctx = Context::default();
    ctx.set_optimizer_options(super::optimizer_options());
    ctx
}

fn key(source: &str, path: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    path.hash(&mut h);
    source.hash(&mut h);
    h.finish()
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::{PoisonError, RwLock, RwLockReadGuard};

    use super::*;

    /// Serialises the process-wide switch in the unit tests: a test that counts on the cache holds it for reading
    /// ([`cache_on`]); `conformance/tests_cache_on_off.rs` holds it for writing while it turns the cache off and on.
    pub(crate) static SWITCH_LOCK: RwLock<()> = RwLock::new(());

    /// Keeps the cache on until the guard drops.
    pub(crate) fn cache_on() -> RwLockReadGuard<'static, ()> {
        SWITCH_LOCK.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn run(source: &str) -> JsValue {
        let mut ctx = scratch_context();
        eval(&mut ctx, source, "t.js").expect("runs")
    }

    #[test]
    fn the_same_source_compiles_once_per_thread() {
        let _cache_on = cache_on();
        let before = stats();
        assert_eq!(run("1 + 41 /* once */"), JsValue::from(42));
        assert_eq!(run("1 + 41 /* once */"), JsValue::from(42));
        let after = stats();
        assert_eq!(after.compiled - before.compiled, 1);
        assert_eq!(after.hits - before.hits, 1);
    }

    #[test]
    fn a_different_path_is_a_different_entry() {
        let _cache_on = cache_on();
        let before = stats();
        let mut ctx = scratch_context();
        eval(&mut ctx, "2 /* path */", "a.js").expect("runs");
        eval(&mut ctx, "2 /* path */", "b.js").expect("runs");
        assert_eq!(stats().compiled - before.compiled, 2);
    }

    #[test]
    fn realm_dependent_scripts_compile_per_page_and_leave_the_scratch_clean() {
        let _cache_on = cache_on();
        for source in ["let lexical = 1; lexical", "if (true) { function inBlock() {} } 1", "eval('1')"] {
            let before = stats();
            run(source);
            run(source);
            let after = stats();
            assert_eq!(after.compiled, before.compiled, "{source}");
            assert_eq!(after.per_page - before.per_page, 2, "{source}");
            CACHE.with_borrow(|c| assert_eq!(c.scratch.realm().scope().num_bindings(), 0, "{source}"));
        }
    }

    #[test]
    fn eviction_keeps_the_cached_source_under_the_cap() {
        let mut cache = Cache::new();
        for i in 0..5 {
            cache.compiled(&format!("{i}; {}", " ".repeat(1000)), "e.js").expect("shareable");
        }
        assert_eq!(cache.entries.values().map(Vec::len).sum::<usize>(), 5);
        cache.compiled(&format!("0; {}", " ".repeat(1000)), "e.js").expect("hit");
        cache.evict_to(2100);
        let left: Vec<&str> = cache.entries.values().flatten().map(|e| &e.source[..1]).collect();
        assert_eq!(left.len(), 2, "{left:?}");
        assert!(left.contains(&"0") && left.contains(&"4"), "the two most recently used stay: {left:?}");
        assert_eq!(cache.stats.evicted, 3);
    }
}
