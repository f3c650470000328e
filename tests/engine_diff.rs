//! Engine differential corpus (issue 15): every `tests/engine_diff/*.js` program runs in an sdkhost page and in Node
//! (the oracle), and the printed lines must agree, but for the known engine deviations listed in [`DEVIATIONS`].
//!
//! A program prints with `print(...)` (its arguments `String`ed and joined by spaces; a console line in sdkhost, a
//! stdout line in Node). Both sides run it as a classic script in the global scope, with `Date` reading the virtual
//! clock's start (2026-01-01T00:00:00Z; Node gets a `Date` wrapper for that), and both report an uncaught exception
//! as a line `uncaught: <ErrorName>`. Directives in a program's comments:
//! - `// tz: +02:00`: the page's time zone (Node runs with the matching `TZ=Etc/GMT-2`); UTC otherwise;
//! - `// advance: <ms>`: virtual time the page runs after loading (default 1000; Node runs until its queue is empty).
//!
//! A difference is one line `(program, Node's line, sdkhost's line)`. The test fails on a difference not in the list,
//! and on a listed deviation that no longer happens (fixed engines should shrink the list). Without `node` on the
//! PATH the test prints `SKIPPED` and passes, except under `CI`, where Node is required.
//!
//! `SDKHOST_ENGINE_DIFF_SHOW=1 cargo test --test engine_diff -- --nocapture` prints every difference as a
//! `DEVIATIONS` entry, to review (and paste) after an engine change.

use std::path::{Path, PathBuf};
use std::process::Command;

use sdkhost::Event;
use sdkhost::Session;
use sdkhost::batch::map_in_order;

const PAGE_URL: &str = "https://shop.example/";

/// The virtual clock's start in the sessions here (the session default), as Node's `Date` wrapper uses it.
const CLOCK_START_MS: i64 = 1_767_225_600_000;

/// `print` for sdkhost pages.
const PRINT: &str = "function print() { console.log(Array.prototype.map.call(arguments, String).join(' ')); }";

/// The Node side: runs the program in this context (a classic script, global `this`), with `Date` fixed at the clock
/// start for `new Date()`, `Date()` and `Date.now()`.
const NODE_DRIVER: &str = r#"
const fs = require('fs'), vm = require('vm');
const [file, start] = [process.argv[1], Number(process.argv[2])];
globalThis.print = (...a) => process.stdout.write(a.map(String).join(' ') + '\n');
const RealDate = Date;
function VirtualDate(...a) {
  if (!new.target) return new RealDate(start).toString();
  return a.length ? new RealDate(...a) : new RealDate(start);
}
Object.setPrototypeOf(VirtualDate, RealDate);
VirtualDate.prototype = RealDate.prototype;
VirtualDate.now = () => start;
Object.defineProperty(VirtualDate, 'name', { value: 'Date' });
globalThis.Date = VirtualDate;
const report = e => print('uncaught: ' + (e && e.name ? e.name : typeof e));
process.on('uncaughtException', report);
process.on('unhandledRejection', report);
vm.runInThisContext(fs.readFileSync(file, 'utf8'), { filename: file });
"#;

/// Known engine deviations: `(program, Node's line, sdkhost's line)`, each a line the two print differently. The
/// README lists them with their effect on SDKs.
const DEVIATIONS: &[(&str, &str, &str)] = &[
    // No Intl (Boa is built without it): no zone name after `GMT+hhmm`; `toLocale*String` falls back to `toString`.
    (
        "dates_offset.js",
        "string Thu Feb 29 2024 15:05:09 GMT+0200 (GMT+02:00)",
        "string Thu Feb 29 2024 15:05:09 GMT+0200",
    ),
    (
        "dates_offset.js",
        "date string Thu Feb 29 2024 | 15:05:09 GMT+0200 (GMT+02:00)",
        "date string Thu Feb 29 2024 | 15:05:09 GMT+0200",
    ),
    (
        "dates_offset.js",
        "locale 2/29/2024 | 3:05:09 PM | 2/29/2024, 3:05:09 PM",
        "locale Thu Feb 29 2024 15:05:09 GMT+0200 | Thu Feb 29 2024 15:05:09 GMT+0200 | Thu Feb 29 2024 15:05:09 GMT+0200",
    ),
    (
        "dates_utc.js",
        "string Thu Feb 29 2024 13:05:09 GMT+0000 (Coordinated Universal Time)",
        "string Thu Feb 29 2024 13:05:09 GMT+0000",
    ),
    (
        "dates_utc.js",
        "date string Thu Feb 29 2024 | 13:05:09 GMT+0000 (Coordinated Universal Time)",
        "date string Thu Feb 29 2024 | 13:05:09 GMT+0000",
    ),
    (
        "dates_utc.js",
        "locale 2/29/2024 | 1:05:09 PM | 2/29/2024, 1:05:09 PM",
        "locale Thu Feb 29 2024 13:05:09 GMT+0000 | Thu Feb 29 2024 13:05:09 GMT+0000 | Thu Feb 29 2024 13:05:09 GMT+0000",
    ),
    // Date.parse accepts only ISO 8601 and the toString/toUTCString forms; V8's legacy formats give NaN.
    ("dates_offset.js", "parse \"Feb 29, 2024\" 1709157600000", "parse \"Feb 29, 2024\" NaN"),
    ("dates_offset.js", "parse \"2024/02/29 13:05:09\" 1709204709000", "parse \"2024/02/29 13:05:09\" NaN"),
    ("dates_offset.js", "parse \"2024-02-29 13:05:09\" 1709204709000", "parse \"2024-02-29 13:05:09\" NaN"),
    ("dates_offset.js", "parse \"29 Feb 2024\" 1709157600000", "parse \"29 Feb 2024\" NaN"),
    ("dates_utc.js", "parse \"Feb 29, 2024\" 1709164800000", "parse \"Feb 29, 2024\" NaN"),
    ("dates_utc.js", "parse \"2024/02/29 13:05:09\" 1709211909000", "parse \"2024/02/29 13:05:09\" NaN"),
    ("dates_utc.js", "parse \"2024-02-29 13:05:09\" 1709211909000", "parse \"2024-02-29 13:05:09\" NaN"),
    ("dates_utc.js", "parse \"29 Feb 2024\" 1709164800000", "parse \"29 Feb 2024\" NaN"),
    // V8's Error.captureStackTrace / stackTraceLimit do not exist (SDKs feature-detect them).
    ("errors.js", "captureStackTrace function number", "captureStackTrace undefined undefined"),
    // sdkhost's recursion limit (1,000 frames) is an uncatchable runtime limit, not V8's catchable RangeError.
    ("errors.js", "recursion RangeError", "uncaught: RuntimeLimitError"),
    // No Intl: toLocaleString without grouping, `Intl` undefined.
    ("numbers_strings.js", "locale-less 1,234,567.891 object", "locale-less 1234567.891 undefined"),
    // Function.prototype.toString of a class does not give its source text.
    ("private_fields.js", "toString of class class X {", "toString of class function "),
    // Non-unicode case-insensitive regexps fold `ſ` to `s` (V8 does not, per Canonicalize).
    ("regex.js", "case insensitive unicode false true true", "case insensitive unicode true true true"),
    // boa_runtime's structuredClone: plain Error instead of DataCloneError; boxed primitives, symbol keys,
    // non-enumerable properties and Error objects handled differently.
    ("structured_clone.js", "function DataCloneError", "function Error"),
    ("structured_clone.js", "symbol DataCloneError", "symbol Error"),
    ("structured_clone.js", "boxed primitive object boxed", "boxed primitive object [object Object]"),
    ("structured_clone.js", "symbol keys dropped 0", "threw Error"),
    ("structured_clone.js", "non-enumerable dropped e", "non-enumerable dropped e,h"),
    ("structured_clone.js", "error true TypeError bad", "uncaught: TypeError"),
    // boa_runtime's atob/btoa throw a value without `name` instead of DOMException InvalidCharacterError.
    ("typed_arrays.js", "btoa non-latin1 InvalidCharacterError", "btoa non-latin1 undefined"),
    ("typed_arrays.js", "atob invalid InvalidCharacterError", "atob invalid undefined"),
];

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/engine_diff");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/engine_diff exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "js"))
        .collect();
    files.sort();
    files
}

fn name_of(path: &Path) -> String {
    path.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_owned()
}

/// The value of the `// <key>: value` comment line, if any.
fn directive<'a>(source: &'a str, key: &str) -> Option<&'a str> {
    let prefix = format!("// {key}:");
    source.lines().find_map(|l| l.trim().strip_prefix(prefix.as_str())).map(str::trim)
}

/// `+02:00` → 120 minutes east of UTC.
fn tz_minutes(name: &str, tz: &str) -> i32 {
    let sign = match tz.as_bytes().first() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => panic!("{name}: tz {tz:?} is not ±HH:MM"),
    };
    let (h, m) = tz[1..].split_once(':').unwrap_or_else(|| panic!("{name}: tz {tz:?} is not ±HH:MM"));
    let parse = |s: &str| s.parse::<i32>().unwrap_or_else(|_| panic!("{name}: tz {tz:?} is not ±HH:MM"));
    sign * (parse(h) * 60 + parse(m))
}

/// Node's `TZ` for a whole-hour offset east of UTC (POSIX `Etc/` zones count the other way).
fn node_tz(name: &str, minutes: i32) -> String {
    assert!(minutes % 60 == 0, "{name}: Node's Etc/ zones need a whole-hour offset");
    match minutes / 60 {
        0 => "UTC".to_owned(),
        h if h > 0 => format!("Etc/GMT-{h}"),
        h => format!("Etc/GMT+{}", -h),
    }
}

/// The first word of an error message (`TypeError: x` → `TypeError`), as Node's side reports `e.name`.
fn error_name(message: &str) -> &str {
    let message = message.strip_prefix("Uncaught (in promise) ").unwrap_or(message);
    message.split(':').next().unwrap_or(message).trim()
}

fn run_sdkhost(name: &str, source: &str, tz: i32, advance: u64) -> Vec<String> {
    let mut session = Session::builder().tz_offset_minutes(tz).build();
    let scripts = [("print.js".to_owned(), PRINT.to_owned()), (name.to_owned(), source.to_owned())];
    session.load(PAGE_URL, &scripts).unwrap_or_else(|e| panic!("{name}: page load: {e}"));
    session.advance(advance).unwrap_or_else(|e| panic!("{name}: advance: {e}"));
    session
        .transcript()
        .entries()
        .iter()
        .flat_map(|e| match &e.event {
            // One console call may print several lines, as Node's stdout shows them.
            Event::Console { text, .. } => text.split('\n').map(str::to_owned).collect(),
            Event::JsError { message, .. } => vec![format!("uncaught: {}", error_name(message))],
            _ => Vec::new(),
        })
        .collect()
}

fn run_node(path: &Path, tz: &str) -> Vec<String> {
    let out = Command::new("node")
        .arg("-e")
        .arg(NODE_DRIVER)
        .arg(path)
        .arg(CLOCK_START_MS.to_string())
        .env("TZ", tz)
        .output()
        .unwrap_or_else(|e| panic!("{}: node: {e}", path.display()));
    assert!(out.status.success(), "{}: node failed: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("node prints UTF-8").lines().map(str::to_owned).collect()
}

/// One program's differing lines, as `(Node's line, sdkhost's line)`; a missing line is `<none>`.
fn differences(node: &[String], ours: &[String]) -> Vec<(String, String)> {
    let none = "<none>".to_owned();
    (0..node.len().max(ours.len()))
        .filter_map(|i| {
            let (n, o) = (node.get(i).unwrap_or(&none), ours.get(i).unwrap_or(&none));
            (n != o).then(|| (n.clone(), o.clone()))
        })
        .collect()
}

struct Outcome {
    name: String,
    lines: usize,
    diffs: Vec<(String, String)>,
}

fn run_program(path: &Path) -> Outcome {
    let name = name_of(path);
    let source = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let tz = directive(&source, "tz").map_or(0, |tz| tz_minutes(&name, tz));
    let advance = directive(&source, "advance")
        .map_or(1000, |ms| ms.parse().unwrap_or_else(|_| panic!("{name}: advance {ms:?} is not a number of ms")));
    let node = run_node(path, &node_tz(&name, tz));
    let ours = run_sdkhost(&name, &source, tz, advance);
    assert!(!node.is_empty(), "{name}: Node printed nothing");
    Outcome { name, lines: node.len(), diffs: differences(&node, &ours) }
}

fn node_available() -> bool {
    Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success())
}

#[test]
fn engine_matches_node_but_for_listed_deviations() {
    if !node_available() {
        assert!(std::env::var_os("CI").is_none(), "node is required under CI for the engine differential corpus");
        println!("SKIPPED: engine differential corpus: `node` is not on the PATH");
        return;
    }
    let files = programs();
    assert!(!files.is_empty(), "no programs in tests/engine_diff");
    let outcomes = map_in_order(files.clone(), 2, |f| run_program(&f), |_, _| {});
    let mut unexpected = Vec::new();
    let mut seen = vec![false; DEVIATIONS.len()];
    for o in &outcomes {
        for (node, ours) in &o.diffs {
            let known = DEVIATIONS.iter().position(|(p, n, s)| *p == o.name && n == node && s == ours);
            match known {
                Some(i) => seen[i] = true,
                None => unexpected.push(format!("{}:\n    node:    {node}\n    sdkhost: {ours}", o.name)),
            }
        }
    }
    let gone: Vec<String> = DEVIATIONS
        .iter()
        .zip(&seen)
        .filter(|(_, seen)| !**seen)
        .map(|((p, n, s), _)| format!("{p}:\n    node:    {n}\n    sdkhost: {s}"))
        .collect();
    if std::env::var_os("SDKHOST_ENGINE_DIFF_SHOW").is_some() {
        for o in &outcomes {
            for (node, ours) in &o.diffs {
                println!("    ({:?}, {node:?}, {ours:?}),", o.name);
            }
        }
    }
    let lines: usize = outcomes.iter().map(|o| o.lines).sum();
    println!("engine corpus: {} programs, {lines} lines, {} known deviations", outcomes.len(), DEVIATIONS.len());
    assert!(
        unexpected.is_empty(),
        "{} lines differ from Node and are not listed:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
    assert!(
        gone.is_empty(),
        "listed deviations that no longer happen (remove them and the README lines):\n{}",
        gone.join("\n")
    );
}

#[test]
fn differences_pair_lines_and_mark_missing_ones() {
    let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
    let d = differences(&s(&["a", "b", "c"]), &s(&["a", "x"]));
    assert_eq!(d, vec![("b".to_owned(), "x".to_owned()), ("c".to_owned(), "<none>".to_owned())]);
    assert_eq!(node_tz("t", 120), "Etc/GMT-2");
    assert_eq!(node_tz("t", -300), "Etc/GMT+5");
    assert_eq!(tz_minutes("t", "+02:00"), 120);
    assert_eq!(error_name("Uncaught (in promise) TypeError: x"), "TypeError");
}
