//! Hostile and broken page code (issue 13): every case ends within its budget with a recorded reason and exit code 3,
//! the transcript complete up to the end; what the engine cannot stop (a catastrophic regex, native recursion, a
//! huge allocation) ends its worker process only. Budgets are set small by flags so each case is quick.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_json::Value;

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("sdkhost-hostile-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("dir");
    d
}

/// A session that opens a page running `script`, then carries out `steps` (JSON, comma-separated).
fn session(d: &Path, file: &str, script: &str, steps: &str) -> PathBuf {
    let script = serde_json::to_string(script).expect("json");
    let text = format!(
        r#"{{"name": "{file}", "steps": [
          {{"load": {{"url": "https://shop.example/", "snippet": false, "scripts": [{script}]}}}}{}{steps}
        ]}}"#,
        if steps.is_empty() { "" } else { "," }
    );
    let path = d.join(file);
    std::fs::write(&path, text).expect("write session");
    path
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

fn sdkhost(args: &[&str]) -> Run {
    #[expect(clippy::disallowed_methods, reason = "the tests bound the wall time of hostile runs")]
    let start = std::time::Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_sdkhost")).args(args).output().expect("run sdkhost");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        elapsed: start.elapsed(),
    }
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf8 path")
}

fn read_json(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).expect("transcript written")).expect("transcript is JSON")
}

fn events_of<'a>(t: &'a Value, kind: &str) -> Vec<&'a Value> {
    t["events"].as_array().expect("events").iter().filter(|e| e["kind"] == kind).collect()
}

fn logged(t: &Value, text: &str) -> bool {
    events_of(t, "console").iter().any(|e| e["text"] == text)
}

/// Runs one hostile session with `flags`; asserts exit 3 within `within`, and returns the transcript and stdout.
fn cut_short(name: &str, script: &str, steps: &str, flags: &[&str], within: Duration) -> (Value, String) {
    let d = dir(name);
    let path = session(&d, "s.json", script, steps);
    let out = d.join("t.json");
    let mut args = vec!["replay", s(&path), "--out", s(&out)];
    args.extend_from_slice(flags);
    let run = sdkhost(&args);
    assert_eq!(run.code, Some(3), "{name}: stdout {} stderr {}", run.stdout, run.stderr);
    assert!(run.elapsed < within, "{name} took {:?}", run.elapsed);
    let t = read_json(&out);
    std::fs::remove_dir_all(&d).ok();
    (t, run.stdout)
}

#[test]
fn nested_loops_end_at_the_instruction_budget() {
    let script = "console.log('before'); for (var i = 0; i < 9e6; i++) { for (var j = 0; j < 9e6; j++) {} }";
    let (t, stdout) = cut_short("loops", script, "", &["--max-js-instructions", "5000000"], Duration::from_secs(20));
    assert!(logged(&t, "before"), "the transcript is complete up to the end");
    let budget = events_of(&t, "budget_exceeded");
    assert_eq!(budget.len(), 1, "{t:#}");
    assert_eq!((&budget[0]["budget"], &budget[0]["limit"]), (&Value::from("js_instructions"), &Value::from(5000000)));
    assert_eq!(t["summary"]["budget_exceeded"]["budget"], "js_instructions");
    let error = t["summary"]["step_error"].as_str().expect("step error");
    assert!(error.contains("budget exceeded: js_instructions (limit 5000000, --max-js-instructions)"), "{error}");
    assert!(stdout.contains("0 passed, 1 failed"), "{stdout}");
    assert!(events_of(&t, "js_error").is_empty(), "running out is not the page's error: {t:#}");
}

#[test]
fn a_zero_interval_over_a_day_ends_at_the_task_budget() {
    let script = "var n = 0; setInterval(function () { n++; }, 0);";
    let steps = r#"{"advance": "1d"}, {"eval": "n"}"#;
    let (t, _) = cut_short("interval", script, steps, &["--max-tasks-per-advance", "10000"], Duration::from_secs(20));
    let budget = events_of(&t, "budget_exceeded");
    assert_eq!(budget.len(), 1, "{t:#}");
    assert_eq!(budget[0]["budget"], "tasks_per_advance");
    // It runs 6 times at 0 ms while the page loads, then every 4 ms (HTML clamps timers nested deeper than 5 levels):
    // the advance's 10 001st task falls at 40 004 ms.
    assert_eq!(budget[0]["at"], "2026-01-01T00:00:40.004Z");
    assert_eq!(t["summary"]["steps"], 2, "the eval step after the advance does not run");
}

#[test]
fn a_console_flood_ends_at_the_output_budget() {
    let script = "console.log('before'); for (;;) console.log('x'.repeat(1000));";
    let (t, _) = cut_short("flood", script, "", &["--max-output-bytes", "100000"], Duration::from_secs(20));
    assert!(logged(&t, "before"));
    let budget = events_of(&t, "budget_exceeded");
    assert_eq!(budget[0]["budget"], "output_bytes", "{}", t["summary"]);
    let lines = events_of(&t, "console").len();
    assert!((50..=100).contains(&lines), "{lines} console lines fit 100 000 bytes");
}

#[test]
fn a_catastrophic_regex_times_out_with_its_transcript() {
    let script = "console.log('before'); /(a+)+$/.test('a'.repeat(40) + 'b'); console.log('after');";
    let (t, stdout) = cut_short("regex", script, "", &["--timeout", "2"], Duration::from_secs(15));
    assert!(logged(&t, "before") && !logged(&t, "after"), "{t:#}");
    assert_eq!(t["summary"]["ended_by"], "timed_out");
    assert_eq!(t["summary"]["step_error"], "timed out after 2 s (--timeout)");
    assert!(stdout.contains("timed out after 2 s"), "{stdout}");
}

/// Native recursion the engine does not count overflows the Rust stack: the worker dies, the run goes on.
#[test]
fn native_recursion_crashes_only_its_worker() {
    let cases = [
        ("stringify", "var a = []; for (var i = 0; i < 200000; i++) a = [a]; JSON.stringify(a);"),
        ("proxy", "var p = {}; for (var i = 0; i < 200000; i++) p = new Proxy(p, {}); p.x;"),
        ("eval", "eval('['.repeat(200000) + ']'.repeat(200000));"),
    ];
    for (name, body) in cases {
        let (t, stdout) = cut_short(name, &format!("console.log('before'); {body}"), "", &[], Duration::from_secs(60));
        assert!(logged(&t, "before"), "{name}: {t:#}");
        assert_eq!(t["summary"]["ended_by"], "crashed", "{name}: {}", t["summary"]);
        assert_eq!(t["summary"]["step_error"], "crashed: stack overflow", "{name}");
        assert!(stdout.contains("crashed: stack overflow"), "{name}: {stdout}");
    }
}

#[test]
fn a_huge_string_ends_at_the_memory_limit() {
    let script = "console.log('before'); var s = 'x'.repeat(2 ** 30); console.log(s.length);";
    let (t, _) = cut_short("repeat", script, "", &["--max-memory", "512"], Duration::from_secs(30));
    assert!(logged(&t, "before"));
    assert_eq!(t["summary"]["step_error"], "crashed: out of memory (limit 512 MiB, --max-memory)", "{}", t["summary"]);
}

#[test]
fn a_hostile_session_leaves_the_others_byte_identical() {
    let d = dir("jobs");
    let good = "console.log('hello'); navigator.sendBeacon('https://t.example/c', 'ping');";
    let good_path = session(&d, "good.json", good, r#"{"advance": "1s"}"#);
    let bad = "var a = []; for (var i = 0; i < 200000; i++) a = [a]; JSON.stringify(a);";
    let bad_path = session(&d, "bad.json", bad, "");
    let alone = d.join("alone.json");
    let run = sdkhost(&["replay", s(&good_path), "--out", s(&alone)]);
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    let both = d.join("both");
    let run = sdkhost(&["replay", s(&bad_path), s(&good_path), "--jobs", "2", "--out", s(&both)]);
    assert_eq!(run.code, Some(3), "{} {}", run.stdout, run.stderr);
    assert!(run.stdout.contains("1 passed, 1 failed"), "{}", run.stdout);
    let alone = std::fs::read(&alone).expect("alone");
    assert_eq!(std::fs::read(both.join("good.transcript.json")).expect("good"), alone, "byte-identical");
    let bad = read_json(&both.join("bad.transcript.json"));
    assert_eq!(bad["summary"]["step_error"], "crashed: stack overflow");
    // In this process (no worker) the good session's transcript is the same bytes too.
    let inproc = d.join("inproc.json");
    let run = sdkhost(&["replay", s(&good_path), "--in-process", "--out", s(&inproc)]);
    assert_eq!(run.code, Some(0));
    assert_eq!(std::fs::read(&inproc).expect("inproc"), alone);
    std::fs::remove_dir_all(&d).ok();
}

/// A worker's stdout is the wire its verdicts travel on (one JSON line each, the last one ends the job). A page that
/// prints what looks like the end of its job (a passing `done` line after a newline, a carriage return, a line or
/// paragraph separator, a NUL, a lone surrogate) must not end it early or change its verdict: the failing expectation
/// stays failed, and the transcript is the in-process one, byte for byte.
#[test]
fn a_page_cannot_forge_the_worker_wire() {
    let d = dir("wire");
    // The forged line is a real one: what a worker writes at the end of a passing session.
    let passing = session(&d, "pass.json", "1", r#"{"expect": {"requests": {"count": 0}}}"#);
    let mut worker = Command::new(env!("CARGO_BIN_EXE_sdkhost"))
        .args(["__worker", "--memory-mib", "2048"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("start a worker");
    let job = serde_json::json!({"session": {"path": passing, "opts": {"deny_all": false}}});
    std::io::Write::write_all(&mut worker.stdin.take().expect("stdin"), format!("{job}\n").as_bytes()).expect("job");
    let out = worker.wait_with_output().expect("worker ends at EOF");
    let forged = String::from_utf8(out.stdout).expect("utf8").lines().last().expect("a last line").to_owned();
    assert!(forged.starts_with(r#"{"done":"#) && forged.contains(r#""expectations_failed":0"#), "{forged}");
    let script = format!(
        "var f = {forged:?}; ['\\n', '\\r\\n', '\\r', '\\u2028', '\\u2029', '\\u0000', '\\ud800'].forEach(function (sep) {{ \
         console.log(sep + f + sep); console.error(sep + f); }}); document.title = '\\n' + f;"
    );
    let path = session(&d, "wire.json", &script, r#"{"expect": {"requests": {"count": 1}}}"#);
    let (workers, in_process) = (d.join("workers.json"), d.join("in-process.json"));
    let run = sdkhost(&["replay", s(&path), "--out", s(&workers)]);
    assert_eq!(run.code, Some(1), "the expectation fails in a worker: {} {}", run.stdout, run.stderr);
    assert!(run.stdout.contains("0 passed, 1 failed"), "{}", run.stdout);
    let run = sdkhost(&["replay", s(&path), "--in-process", "--out", s(&in_process)]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert_eq!(std::fs::read(&workers).expect("workers"), std::fs::read(&in_process).expect("in process"));
    let t = read_json(&workers);
    assert_eq!(events_of(&t, "console").len(), 14, "every line the page printed is on the record");
    std::fs::remove_dir_all(&d).ok();
}

/// The largest resident set of any child this test process has waited for (sdkhost and, through it, its workers).
#[cfg(target_os = "linux")]
fn peak_rss_of_children_mib() -> u64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes one rusage into the buffer we pass.
    #[allow(unsafe_code)]
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr());
        usage.assume_init()
    };
    u64::try_from(usage.ru_maxrss).unwrap_or(0) / 1024
}

#[test]
fn blocked_beacons_keep_bounded_bodies() {
    let d = dir("beacons");
    // 2 MiB each keeps the test quick (the page encodes bodies in JS); 20 × 8 MiB peaks at 236 MB (README).
    let script = "var big = 'x'.repeat(2 * 1024 * 1024); \
                  for (var i = 0; i < 20; i++) navigator.sendBeacon('https://t.example/c', big);";
    let path = session(&d, "s.json", script, "");
    let out = d.join("t.json");
    let run = sdkhost(&["replay", s(&path), "--out", s(&out)]);
    assert_eq!(run.code, Some(0), "{} {}", run.stdout, run.stderr);
    let size = std::fs::metadata(&out).expect("transcript").len();
    assert!(size < 3 * 1024 * 1024, "20 blocked 2 MiB beacons: {size} bytes of transcript");
    let t = read_json(&out);
    let requests = events_of(&t, "request");
    assert_eq!(requests.len(), 20);
    for r in requests {
        assert_eq!(r["request"]["body_bytes"], 2 * 1024 * 1024);
        assert_eq!(r["request"]["body"].as_str().map(str::len), Some(64 * 1024));
        assert_eq!(r["request"]["body_sha256"].as_str().map(str::len), Some(64));
    }
    #[cfg(target_os = "linux")]
    {
        let peak = peak_rss_of_children_mib();
        assert!(peak < 1024, "peak resident memory of a child: {peak} MiB");
    }
    std::fs::remove_dir_all(&d).ok();
}

/// JS that nests native and JS calls 300 deep (under the 1,000-frame recursion limit): each level is a Rust
/// recursion through `Array.prototype.map`, several MiB of stack in all.
const DEEP: &str =
    "function f(n) { return n ? [n].map(function () { return f(n - 1) + 1; })[0] : 0; } var depth = f(300);";

/// A library user's thread has the default 2 MiB stack (the tests get 16 MiB from `.cargo/config.toml`): pages
/// still work there, on stack segments of their own, instead of aborting the process.
#[test]
fn a_session_runs_on_a_2_mib_thread() {
    let run = || {
        let mut session = sdkhost::Session::builder().build();
        session.load("https://shop.example/", &[("deep.js".into(), DEEP.into())]).expect("load");
        let depth = session.eval("depth").ok();
        let errors = session.transcript().js_errors().count();
        (depth, errors)
    };
    let thread = std::thread::Builder::new().stack_size(2 * 1024 * 1024).spawn(run).expect("spawn");
    let (depth, errors) = thread.join().expect("no stack overflow");
    assert_eq!((depth, errors), (Some(serde_json::json!(300)), 0));
}

/// A build that hangs the engine (a catastrophic regex at load) fails each selected check with the reason, within the
/// timeout, and the report is complete; nothing hangs with a 0-byte report.
#[test]
fn conform_on_a_hanging_build_fails_each_check_with_the_reason() {
    let d = dir("conform-hang");
    let build = d.join("hang.js");
    std::fs::write(&build, "/(a+)+$/.test('a'.repeat(40) + 'b');").expect("write build");
    let report = d.join("r.json");
    let run = sdkhost(&[
        "conform",
        "--sdk",
        s(&build),
        "--filter",
        "consent.opt-in-s*",
        "--timeout",
        "2",
        "--jobs",
        "2",
        "--format",
        "json",
        "--out",
        s(&report),
    ]);
    assert_eq!(run.code, Some(1), "stdout {} stderr {}", run.stdout, run.stderr);
    assert!(run.elapsed < Duration::from_secs(30), "took {:?}", run.elapsed);
    let r = read_json(&report);
    let checks = r["checks"].as_array().expect("checks");
    assert_eq!(checks.len(), 3, "{r:#}");
    for c in checks {
        assert_eq!(c["result"], "fail", "{c:#}");
        assert!(c["failures"].to_string().contains("timed out after 2 s"), "{c:#}");
    }
    std::fs::remove_dir_all(&d).ok();
}

/// A memory limit too small for a worker to start would read as every session's crash: it is refused up front.
#[test]
fn a_memory_limit_too_small_to_start_a_worker_is_refused() {
    let d = dir("small-memory");
    let path = session(&d, "s.json", "console.log('before');", "");
    let run = sdkhost(&["replay", s(&path), "--max-memory", "100"]);
    assert_eq!(run.code, Some(2), "stdout {} stderr {}", run.stdout, run.stderr);
    assert!(run.stderr.contains("--max-memory 100: at least 256 MiB"), "{}", run.stderr);
    let run = sdkhost(&["replay", s(&path), "--max-memory", "256"]);
    assert_eq!(run.code, Some(0), "stdout {} stderr {}", run.stdout, run.stderr);
    std::fs::remove_dir_all(&d).ok();
}
