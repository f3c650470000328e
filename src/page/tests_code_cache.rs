//! The code cache (`src/engine/code_cache.rs`) shares compiled code between the pages of a thread. Each safety
//! condition written there has a test here: a page never sees another page's globals, prototypes, objects or
//! template objects through shared code, inline caches never misread, realm-dependent code is compiled per page, and
//! a thread that ends with a full cache ends cleanly. `src/conformance/tests_cache_on_off.rs` compares whole
//! transcripts and reports with the cache on and off.

use serde_json::{Value, json};

use crate::engine::code_cache;
use crate::engine::code_cache::tests::cache_on;
use crate::host::{BrowserProfile, Host, HostRef};
use crate::page::Page;
use crate::sdk;

fn page() -> Page {
    let host = HostRef::new(Host::new(crate::clock::DEFAULT_START, 0, BrowserProfile::default()));
    Page::open(&host, url::Url::parse("https://shop.example/").expect("url"), crate::transcript::PageCause::Load)
        .expect("page")
}

/// Runs `source` as a page script in two fresh pages (the second from cached code) and returns both completions.
fn twice(source: &str) -> [Value; 2] {
    [page().eval_json(source).expect("page 1"), page().eval_json(source).expect("page 2")]
}

/// Runs `test` on a thread of its own, so its cache starts empty.
fn on_fresh_thread<T: Send>(test: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| {
        let worker = std::thread::Builder::new().stack_size(crate::parallel::WORKER_STACK);
        worker.spawn_scoped(s, test).expect("spawn").join().unwrap_or_else(|p| std::panic::resume_unwind(p))
    })
}

#[test]
fn a_script_compiles_once_per_thread_and_runs_in_every_page() {
    let _cache_on = cache_on();
    on_fresh_thread(|| {
        let mut first = page();
        assert!(first.run_script("ce.js", sdk::REFERENCE_SDK, "inline", None));
        let before = code_cache::stats();
        let mut second = page();
        assert!(second.run_script("ce.js", sdk::REFERENCE_SDK, "inline", None));
        let after = code_cache::stats();
        assert_eq!(after.compiled, before.compiled, "nothing compiled again: prelude, modules and ce.js are cached");
        assert!(after.hits >= before.hits + 3, "prelude, events module and ce.js came from the cache: {after:?}");
        assert_eq!(second.eval_json("typeof ce").expect("eval"), json!("function"));
    });
}

#[test]
fn a_page_does_not_see_another_pages_globals_or_prototypes() {
    let _cache_on = cache_on();
    let source = "var seen = [typeof leakedGlobal, typeof [].leakedProto, typeof Object.prototype.leaked2];\n\
        window.leakedGlobal = 1; Array.prototype.leakedProto = 1; Object.prototype.leaked2 = 1;\n\
        var counter = (typeof counter === 'number' ? counter : 0) + 1; seen.concat([counter])";
    let want = json!(["undefined", "undefined", "undefined", 1]);
    assert_eq!(twice(source), [want.clone(), want]);
}

#[test]
fn functions_regexps_and_templates_are_the_pages_own() {
    let _cache_on = cache_on();
    let source = "function f() {} var re = /a/g; var before = re.lastIndex; re.test('xa');\n\
        function tag(s) { return s; } function site() { return tag`one${1}two`; }\n\
        var t = site();\n\
        [Object.getPrototypeOf(f) === Function.prototype, re instanceof RegExp, before, re.lastIndex,\n\
         Object.getPrototypeOf(t) === Array.prototype, Object.isFrozen(t), t === site(), t.join('|')]";
    let want = json!([true, true, 0, 2, true, true, true, "one|two"]);
    assert_eq!(twice(source), [want.clone(), want]);
    // One page's objects are not another's: a value stored on a shared function's object stays in its page.
    let marks = "function g() {} var fresh = g.mark === undefined; g.mark = 1; fresh";
    assert_eq!(twice(marks), [json!(true), json!(true)]);
}

#[test]
fn template_sites_of_shared_code_never_collide_with_the_pages_own() {
    let _cache_on = cache_on();
    // Boa caches template objects per realm by site, and named sites per context: code compiled in the scratch
    // context and code the page compiles itself (direct eval) could name the same site, and the page would get the
    // other template's strings. Sites are named per thread now (vendored patch 0003).
    on_fresh_thread(|| {
        let mut p = page();
        let shared = "function tag(s) { return s[0]; } tag`shared`";
        assert_eq!(p.eval_json(shared).expect("shared"), json!("shared"));
        let own = "var out = []; for (var i = 0; i < 40; i++) out.push(eval('tag`e' + i + '`')); out";
        let want: Vec<String> = (0..40).map(|i| format!("e{i}")).collect();
        assert_eq!(p.eval_json(own).expect("own"), json!(want));
    });
}

#[test]
fn inline_caches_read_each_pages_own_objects() {
    let _cache_on = cache_on();
    // The same property-access sites see objects of different layouts in each page; a cache entry from one page
    // must never answer for an object of another.
    let define = "function getX(o) { return o.x; }";
    let mut a = page();
    let mut b = page();
    a.eval_json(define).expect("define a");
    b.eval_json(define).expect("define b");
    assert_eq!(a.eval_json("[getX({x: 1, y: 2}), getX({x: 3, y: 4})]").expect("a"), json!([1, 3]));
    assert_eq!(b.eval_json("[getX({y: 'b', x: 'bx'}), getX({x: 'c'})]").expect("b"), json!(["bx", "c"]));
    assert_eq!(a.eval_json("[getX({x: 5, y: 6}), getX({z: 0})]").expect("a again"), json!([5, null]));
}

#[test]
fn global_lexical_declarations_are_compiled_per_page() {
    let _cache_on = cache_on();
    let lexical = "let lexicalA = 1; const lexicalB = 2; class LexicalC {} lexicalA + lexicalB";
    let before = code_cache::stats();
    assert_eq!(twice(lexical), [json!(3), json!(3)]);
    assert!(code_cache::stats().per_page >= before.per_page + 2);
    // A page with global lexical declarations compiles every later script itself, so that script sees them, even
    // when another page (without them) has the same script cached.
    let probe = "typeof secretLet + ':' + typeof secretConst";
    assert_eq!(page().eval_json(probe).expect("cached in a clean page"), json!("undefined:undefined"));
    let mut p = page();
    p.eval_json("let secretLet = 1; const secretConst = 2;").expect("declare");
    assert_eq!(p.eval_json(probe).expect("probe"), json!("number:number"));
}

#[test]
fn block_functions_and_direct_eval_behave_as_in_a_page_of_their_own() {
    let _cache_on = cache_on();
    // Annex B: a sloppy function declared in a top-level block is a global (undefined) before the block runs; Boa
    // creates that binding while compiling, so the script must be compiled for the page that runs it.
    let block = "var seen = ('blockFn' in window); if (true) { function blockFn() {} } [seen, typeof blockFn]";
    assert_eq!(twice(block), [json!([true, "function"]), json!([true, "function"])]);
    // Direct eval adds its declarations to the calling function's compiled scope.
    let eval = "function withEval(declare) { if (declare) eval('var added = 1'); return typeof added; }\n\
        [withEval(false), withEval(true)]";
    assert_eq!(twice(eval), [json!(["undefined", "number"]), json!(["undefined", "number"])]);
}

#[test]
fn a_syntax_error_is_the_pages_own_each_time() {
    let _cache_on = cache_on();
    let mut a = page();
    let mut b = page();
    let ea = a.eval_json("var = 1;").expect_err("syntax error");
    let eb = b.eval_json("var = 1;").expect_err("syntax error");
    assert!(ea.starts_with("SyntaxError"), "{ea}");
    assert_eq!(ea, eb);
}

#[test]
fn a_thread_ends_cleanly_with_cached_code() {
    let _cache_on = cache_on();
    // The cache and Boa's heap are both thread-local; the heap must outlive the cache when the thread ends.
    for _ in 0..3 {
        on_fresh_thread(|| {
            let mut p = page();
            assert!(p.run_script("ce.js", sdk::REFERENCE_SDK, "inline", None));
            assert!(code_cache::stats().entries >= 2);
        });
    }
}
