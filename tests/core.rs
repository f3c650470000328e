//! The core contract of issue 2: virtual time, timer order, seeded entropy, runtime limits, error isolation, fresh JS
//! state per page, and byte-identical `sdkhost run` output.

use sdkhost::Event;
use sdkhost::Session;
use sdkhost::records::ErrorPhase;

fn session() -> Session {
    let mut s = Session::builder().build();
    s.open("https://shop.example/").expect("open");
    s
}

fn logs(s: &Session) -> Vec<String> {
    s.transcript().console_lines().map(|(_, t)| t.to_owned()).collect()
}

fn eval(s: &mut Session, js: &str) -> serde_json::Value {
    s.eval(js).expect("no exception")
}

#[test]
fn timers_and_microtasks_interleave_as_in_browsers() {
    let mut s = session();
    eval(
        &mut s,
        r#"
        var iv = setInterval(function () { console.log('iv@' + performance.now()); }, 40);
        setTimeout(function () {
            console.log('t50');
            Promise.resolve().then(function () { console.log('micro-after-t50'); });
        }, 50);
        setTimeout(function () { console.log('t100'); clearInterval(iv); }, 100);
        var gone = setTimeout(function () { console.log('cleared'); }, 60);
        clearTimeout(gone);
        setTimeout(function (a, b) { console.log('args:' + a + b); }, 0, 'x', 'y');
        queueMicrotask(function () { console.log('micro'); });
        console.log('sync');
        "#,
    );
    assert_eq!(logs(&s), ["sync", "micro"], "nothing fires without advance; microtasks drain after eval");
    s.advance(200).expect("advance");
    assert_eq!(
        logs(&s),
        ["sync", "micro", "args:xy", "iv@40", "t50", "micro-after-t50", "iv@80", "t100"],
        "tasks in (due time, creation order), a checkpoint after each, clears honoured"
    );
}

#[test]
fn nothing_fires_without_advance_and_fires_exactly_at_due_time() {
    let mut s = session();
    eval(&mut s, "setTimeout(function () { console.log('due'); }, 30);");
    assert!(logs(&s).is_empty());
    s.advance(29).expect("advance");
    assert!(logs(&s).is_empty(), "not at 29 ms");
    s.advance(1).expect("advance");
    assert_eq!(logs(&s), ["due"], "at 30 ms");
}

#[test]
fn date_now_is_the_session_clock() {
    let mut s =
        Session::builder().clock_start(sdkhost::VirtualTime::parse("2011-01-01T00:00:00Z").expect("time")).build();
    s.open("https://shop.example/").expect("open");
    assert_eq!(eval(&mut s, "Date.now()"), serde_json::json!(1_293_840_000_000_i64));
    assert_eq!(eval(&mut s, "new Date().toISOString()"), "2011-01-01T00:00:00.000Z");
    s.advance(1500).expect("advance");
    assert_eq!(eval(&mut s, "Date.now()"), serde_json::json!(1_293_840_001_500_i64));
    assert_eq!(eval(&mut s, "performance.now()"), serde_json::json!(1500));
}

fn random_sequence(seed: u64) -> serde_json::Value {
    let mut s = Session::builder().seed(seed).build();
    s.open("https://shop.example/").expect("open");
    eval(
        &mut s,
        "[Math.random(), Math.random(), crypto.randomUUID(), Array.from(crypto.getRandomValues(new Uint8Array(4)))]",
    )
}

#[test]
fn the_same_seed_gives_the_same_randomness_and_another_seed_another() {
    let a = random_sequence(0);
    assert_eq!(a, random_sequence(0));
    assert_ne!(a, random_sequence(1));
    let uuid = a[2].as_str().expect("uuid");
    assert_eq!(&uuid[14..15], "4", "version 4: {uuid}");
}

#[test]
fn a_runaway_loop_ends_with_a_recorded_error_and_the_page_goes_on() {
    let mut s = session();
    let out = s.eval("while (true) {}");
    assert!(out.is_err(), "the loop is stopped");
    let t = s.transcript();
    let err = t.js_errors().next().expect("recorded");
    match &err.event {
        Event::JsError { message, .. } => assert!(message.contains("loop"), "{message}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(eval(&mut s, "1 + 1"), 2, "the page still works");
}

#[test]
fn a_runaway_microtask_chain_is_stopped() {
    let mut s = session();
    let _ = s.eval("(function spin() { Promise.resolve().then(spin); })()");
    let t = s.transcript();
    let found = t.entries().iter().any(|e| {
        matches!(&e.event, Event::JsError { phase: ErrorPhase::Microtask, message, .. } if message.contains("runaway"))
    });
    assert!(found, "runaway chain recorded");
    assert_eq!(eval(&mut s, "'alive'"), "alive");
}

#[test]
fn an_error_in_a_timer_does_not_stop_later_timers() {
    let mut s = session();
    eval(
        &mut s,
        "setTimeout(function () { throw new TypeError('boom'); }, 10); \
         setTimeout(function () { console.log('still running'); }, 20);",
    );
    s.advance(50).expect("advance");
    assert_eq!(logs(&s), ["still running"]);
    let t = s.transcript();
    let e = t.js_errors().next().expect("timer error recorded");
    match &e.event {
        Event::JsError { phase, message, .. } => {
            assert_eq!(*phase, ErrorPhase::Timer);
            assert_eq!(message, "TypeError: boom");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn navigation_drops_js_state_but_keeps_cookies_and_time() {
    let mut s = session();
    eval(
        &mut s,
        "window.answer = 42; document.cookie = 'kept=1; path=/'; setTimeout(function () { console.log('old page'); }, 100);",
    );
    s.advance(10).expect("advance");
    s.open("https://shop.example/next").expect("navigate");
    assert_eq!(eval(&mut s, "typeof window.answer"), "undefined");
    assert_eq!(eval(&mut s, "document.cookie"), "kept=1");
    s.advance(500).expect("advance");
    assert!(logs(&s).is_empty(), "the old page's timers died with it");
    assert_eq!(eval(&mut s, "Date.now() - Date.parse('2026-01-01T00:00:00Z')"), 510);
}

#[test]
fn no_commonjs_or_amd_globals() {
    let mut s = session();
    assert_eq!(
        eval(&mut s, "[typeof exports, typeof module, typeof define]"),
        serde_json::json!(["undefined", "undefined", "undefined"])
    );
    assert_eq!(eval(&mut s, "window === self && self === top && top === globalThis && parent === window"), true);
}

#[test]
fn the_run_command_prints_the_same_bytes_twice() {
    let run = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_sdkhost"))
            .args([
                "run",
                "--url",
                "https://shop.example/",
                "--eval",
                "setTimeout(function () { console.log(Math.random(), crypto.randomUUID(), new Date().toISOString()); }, 5)",
                "--advance",
                "10",
                "--seed",
                "3",
            ])
            .output()
            .expect("run sdkhost")
    };
    let (a, b) = (run(), run());
    assert_eq!(a.status.code(), Some(0), "{}", String::from_utf8_lossy(&a.stderr));
    assert_eq!(a.stdout, b.stdout);
    assert!(String::from_utf8_lossy(&a.stdout).contains("2026-01-01T00:00:00.005Z"));
}

#[test]
fn the_run_command_exits_1_when_the_page_raises_and_names_the_place() {
    let dir = std::env::temp_dir().join(format!("sdkhost-core-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("broken.js");
    std::fs::write(&file, "var a = 1;\nnull.x;\n").expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sdkhost"))
        .args(["run", "--url", "https://shop.example/", "--script"])
        .arg(&file)
        .output()
        .expect("run sdkhost");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("broken.js:2:"), "{text}");
    let missing = std::process::Command::new(env!("CARGO_BIN_EXE_sdkhost"))
        .args(["run", "--url", "https://shop.example/", "--script", "no/such.js"])
        .output()
        .expect("run sdkhost");
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such.js"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_unhandled_rejection_is_recorded_and_a_handled_one_is_not() {
    let mut s = session();
    eval(
        &mut s,
        "Promise.reject(new TypeError('nope')); Promise.reject(new Error('caught')).catch(function () {}); \
         setTimeout(function () { Promise.reject('later'); }, 10);",
    );
    s.advance(20).expect("advance");
    let t = s.transcript();
    let messages: Vec<(ErrorPhase, String)> = t
        .js_errors()
        .map(|e| match &e.event {
            Event::JsError { phase, message, .. } => (*phase, message.clone()),
            _ => unreachable!(),
        })
        .collect();
    assert_eq!(
        messages,
        [
            (ErrorPhase::Microtask, "Uncaught (in promise) TypeError: nope".to_owned()),
            (ErrorPhase::Microtask, "Uncaught (in promise) later".to_owned()),
        ]
    );
}
