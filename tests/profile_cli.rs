//! The profile file from the command line (`--jar FILE`): a returning visitor across two runs keeps consent and ids;
//! a missing file starts empty; a corrupt file is an error that names it, and it is never overwritten. Also the gate
//! flags of `replay` and `run`.

use std::path::PathBuf;
use std::process::Command;

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("sdkhost-profile-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("dir");
    d
}

fn sdkhost(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sdkhost")).args(args).output().expect("run sdkhost")
}

const FIRST: &str = r#"{"name": "first visit", "steps": [
  {"load": {"url": "https://shop.example/"}},
  {"ce": [{"trackingOptIn": true}]},
  {"eval": "localStorage.setItem('seen', 'yes')"},
  {"advance": "1s"}
]}"#;

const RETURN: &str = r#"{"name": "return visit", "steps": [
  {"load": {"url": "https://shop.example/"}},
  {"ce": ["track", "Welcome Back"]},
  {"advance": "1s"},
  {"expect": {"label": "consent and storage carried over", "requests": {"count": 1, "allowed": 1},
    "cookies": [{"name": "ce.tracking-opt-in", "value": "true"}, {"name": "ce.sid"}],
    "js": [{"expr": "localStorage.getItem('seen')", "equals": "yes"}]}}
]}"#;

#[test]
fn a_returning_visitor_across_two_runs() {
    let d = dir("return");
    let (first, again, jar) = (d.join("first.json"), d.join("again.json"), d.join("profile.json"));
    std::fs::write(&first, FIRST).expect("write");
    std::fs::write(&again, RETURN).expect("write");
    let jar_arg = jar.to_str().expect("utf8");
    let out = sdkhost(&["replay", again.to_str().expect("utf8"), "--jar", jar_arg]);
    assert_eq!(out.status.code(), Some(1), "a missing profile starts empty: the return visit is a stranger");
    std::fs::remove_file(&jar).expect("the run saved a profile");
    let out = sdkhost(&["replay", first.to_str().expect("utf8"), "--jar", jar_arg]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let saved = std::fs::read_to_string(&jar).expect("profile written");
    assert!(saved.contains("ce.tracking-opt-in") && saved.contains("\"seen\""), "{saved}");
    let out = sdkhost(&["replay", again.to_str().expect("utf8"), "--jar", jar_arg]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    std::fs::remove_dir_all(&d).ok();
}

#[test]
fn a_corrupt_profile_is_named_and_never_overwritten() {
    let d = dir("corrupt");
    let (first, jar) = (d.join("first.json"), d.join("profile.json"));
    std::fs::write(&first, FIRST).expect("write");
    std::fs::write(&jar, "{\"format\": 1, \"cookies\": [oops").expect("write");
    for args in [
        vec!["replay", first.to_str().expect("utf8"), "--jar", jar.to_str().expect("utf8")],
        vec!["run", "--url", "https://shop.example/", "--jar", jar.to_str().expect("utf8")],
    ] {
        let out = sdkhost(&args);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("profile.json:1:"), "{err}");
        assert_eq!(std::fs::read_to_string(&jar).expect("still there"), "{\"format\": 1, \"cookies\": [oops");
    }
    std::fs::remove_dir_all(&d).ok();
}

#[test]
fn gate_flags_override_the_script() {
    let d = dir("flags");
    let s = d.join("s.json");
    std::fs::write(
        &s,
        r#"{"name": "flags", "cookies": [{"url": "https://shop.example/", "set": "ce.tracking-opt-in=true; Path=/"}],
  "steps": [{"load": {"url": "https://shop.example/"}}, {"ce": ["track", "X"]}, {"advance": "1s"},
  {"expect": {"requests": {"count": 1, "allowed": 1}}}]}"#,
    )
    .expect("write");
    let path = s.to_str().expect("utf8");
    assert_eq!(sdkhost(&["replay", path]).status.code(), Some(0));
    for flags in [vec!["--deny-all"], vec!["--allow-host", "*.example.org"], vec!["--consent-cookie", "cmp_ok=1"]] {
        let mut args = vec!["replay", path];
        args.extend(flags.iter());
        let out = sdkhost(&args);
        assert_eq!(out.status.code(), Some(1), "{flags:?} must block the request");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("(0 allowed, ") && !text.contains(", 0 blocked)"), "{flags:?}: {text}");
    }
    let out = sdkhost(&["run", "--url", "https://shop.example/", "--consent-cookie", "oops"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("NAME=VALUE"));
    std::fs::remove_dir_all(&d).ok();
}
