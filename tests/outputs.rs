//! Outputs are never lost and bad inputs are refused before anything runs (issue 13): each case shows the exit
//! code, the message naming the files, and that every input and existing output is unchanged.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("sdkhost-outputs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("dir");
    d
}

fn sdkhost(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sdkhost")).args(args).output().expect("run sdkhost")
}

fn p(s: &str) -> &Path {
    Path::new(s)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const SESSION: &str = r#"{"name": "tiny", "steps": [{"load": {"url": "https://shop.example/", "snippet": false}},
  {"advance": 10}]}"#;

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write");
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read")
}

#[test]
fn two_sessions_with_the_same_file_name_stop_before_running() {
    let d = dir("same-name");
    for sub in ["a", "b"] {
        std::fs::create_dir_all(d.join(sub)).expect("dir");
        write(&d.join(sub).join("s.json"), SESSION);
    }
    let out_dir = d.join("out");
    let out = sdkhost(&[p("replay"), &d.join("a/s.json"), &d.join("b/s.json"), p("--out"), &out_dir]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("a/s.json") && err.contains("b/s.json") && err.contains("same file"), "{err}");
    assert!(out.stdout.is_empty(), "nothing ran");
    assert_eq!(std::fs::read_dir(&out_dir).expect("ls").count(), 0);
    std::fs::remove_dir_all(&d).ok();
}

#[test]
fn an_output_may_not_be_an_input() {
    let d = dir("clash");
    let (session, har, jar) = (d.join("s.json"), d.join("r.har"), d.join("profile.json"));
    write(&session, SESSION);
    let replay_session =
        SESSION.replace("\"steps\"", "\"transport\": {\"kind\": \"replay\", \"har\": \"r.har\"}, \"steps\"");
    let replaying = d.join("replaying.json");
    write(&replaying, &replay_session);
    let har_text = r#"{"log": {"version": "1.2", "creator": {"name": "t", "version": "1"}, "entries": []}}"#;
    write(&har, har_text);
    write(&jar, r#"{"format": 1, "cookies": [], "local_storage": {}}"#);
    let (dotted, t) = (d.join(".").join("s.json"), d.join("t.json"));
    let cases: Vec<(Vec<&Path>, &str)> = vec![
        (vec![p("replay"), &session, p("--out"), &session], "session script"),
        (vec![p("replay"), &session, p("--har"), &dotted], "session script"),
        (vec![p("replay"), &session, p("--jar"), &session], "profile"),
        (vec![p("replay"), &session, p("--out"), &jar, p("--jar"), &jar], "--out"),
        (vec![p("replay"), &replaying, p("--out"), &har], "replay HAR"),
        (vec![p("replay"), &session, p("--out"), &har, p("--transport"), p("replay"), p("--replay-har"), &har], "HAR"),
        (vec![p("replay"), &session, p("--out"), &t, p("--har"), &t], "same file"),
        (
            vec![p("run"), p("--url"), p("https://shop.example/"), p("--script"), &session, p("--har"), &session],
            "--script",
        ),
        (vec![p("conform"), p("--sdk"), &session, p("--out"), &session], "--sdk"),
    ];
    for (args, names) in cases {
        let out = sdkhost(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(names), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{args:?}: nothing ran");
        assert_eq!(read(&session), SESSION);
        assert_eq!(read(&har), har_text);
        assert!(read(&jar).contains("\"format\": 1"));
        assert!(!d.join("t.json").exists());
    }
    std::fs::remove_dir_all(&d).ok();
}

#[test]
fn a_failed_conform_run_leaves_the_report_untouched() {
    let d = dir("conform");
    let report = d.join("report.xml");
    write(&report, "<previous report/>");
    let sdk = Path::new(env!("CARGO_MANIFEST_DIR")).join("sdk-js/ce.js");
    let out = sdkhost(&[p("conform"), p("--sdk"), &sdk, p("--out"), &report, p("--filter"), p("no-such-check")]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(read(&report), "<previous report/>");
    let out = sdkhost(&[p("conform"), p("--sdk"), &d.join("missing.js"), p("--out"), &report]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(read(&report), "<previous report/>");
    std::fs::remove_dir_all(&d).ok();
}

#[test]
fn the_profile_is_saved_after_a_failing_step_and_a_missing_folder_is_refused_first() {
    let d = dir("profile");
    let (session, jar) = (d.join("s.json"), d.join("profile.json"));
    let failing = r#"{"name": "fails", "steps": [{"load": {"url": "https://shop.example/", "snippet": false}},
      {"set_cookie": {"set": "kept=1; Max-Age=3600"}}, {"back": {}}, {"advance": 10}]}"#;
    write(&session, failing);
    let out = sdkhost(&[p("replay"), &session, p("--jar"), &jar]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("step failed"));
    assert!(read(&jar).contains("\"kept\""), "the profile is saved as after a passing run");
    let missing = d.join("missing-dir").join("p.json");
    let out = sdkhost(&[p("run"), p("--url"), p("https://shop.example/"), p("--jar"), &missing]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--jar") && stderr(&out).contains("missing-dir"), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "refused before the run");
    let out = sdkhost(&[p("replay"), &session, p("--jar"), &missing]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "refused before the run");
    std::fs::remove_dir_all(&d).ok();
}

#[test]
fn bad_session_inputs_are_refused_at_parse_time_with_their_position() {
    let d = dir("inputs");
    let session = d.join("s.json");
    let cases = [
        (format!("{SESSION}\n{{\"name\": \"second\"}}"), "s.json:3:1: trailing data"),
        (
            SESSION.replace("\"steps\"", "\"cookies\": [{\"url\": \"not a url\", \"set\": \"a=1\"}], \"steps\""),
            "cookies[0].url",
        ),
        (SESSION.replace("{\"advance\": 10}", "{\"advance\": 18446744073709551615}"), "above the limit"),
        (SESSION.replace("{\"advance\": 10}", "{\"advance\": \"8000y\"}"), "past 9999-12-31"),
        (
            SESSION.replace("\"steps\"", "\"transport\": {\"latency_ms\": 18446744073709551615}, \"steps\""),
            "transport.latency_ms",
        ),
        (
            SESSION.replace("{\"advance\": 10}", "{\"respond\": [{\"url\": \"*\", \"latency_ms\": 9000000000000001}]}"),
            "latency_ms",
        ),
        (SESSION.replace("{\"advance\": 10}", "{\"set_cookie\": {\"url\": \"://\", \"set\": \"a=1\"}}"), "steps[1]"),
    ];
    for (text, needle) in cases {
        write(&session, &text);
        let out = sdkhost(&[p("replay"), &session]);
        assert_eq!(out.status.code(), Some(2), "{text}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{text}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
    std::fs::remove_dir_all(&d).ok();
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_instead_of_blocking() {
    let d = dir("fifo");
    let fifo = d.join("s.json");
    if !Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
        return;
    }
    let out = sdkhost(&[p("replay"), &fifo]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("not a regular file"), "{}", stderr(&out));
    let session = d.join("ok.json");
    write(&session, SESSION);
    let out = sdkhost(&[p("replay"), &session, p("--jar"), &fifo]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = sdkhost(&[p("run"), p("--url"), p("https://shop.example/"), p("--script"), &fifo]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    std::fs::remove_dir_all(&d).ok();
}

/// A folder nothing can be created in, even by root: `/proc` (Linux). The output passes the checks made before the
/// run (its folder exists) and fails when it is written.
#[cfg(target_os = "linux")]
fn unwritable(name: &str) -> PathBuf {
    Path::new("/proc").join(format!("sdkhost-{name}-{}", std::process::id()))
}

#[cfg(target_os = "linux")]
#[test]
fn an_output_that_cannot_be_written_after_the_run_exits_4_and_loses_nothing_else() {
    let d = dir("write-fails");
    let (session, har) = (d.join("s.json"), d.join("s.har"));
    write(&session, SESSION);
    let out_path = unwritable("t.json");
    let out = sdkhost(&[p("replay"), &session, p("--out"), &out_path, p("--har"), &har]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("--out {}: cannot write", out_path.display())), "{err}");
    assert!(read(&har).contains("\"entries\""), "the HAR is still written");
    assert!(String::from_utf8_lossy(&out.stdout).contains("tiny"), "the summary is still printed");

    let har_path = unwritable("run.har");
    let jar = d.join("profile.json");
    let args = [p("run"), p("--url"), p("https://shop.example/"), p("--har"), &har_path, p("--jar"), &jar];
    let out = sdkhost(&args);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("--har {}: cannot write", har_path.display())), "{}", stderr(&out));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("run's JSON is still printed");
    assert_eq!(printed["name"], "run https://shop.example/");
    assert!(read(&jar).contains("\"format\": 1"), "the profile is still saved");
    std::fs::remove_dir_all(&d).ok();
}

#[cfg(target_os = "linux")]
#[test]
fn a_stdout_that_cannot_be_written_exits_4_instead_of_panicking() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else { return };
    let out = Command::new(env!("CARGO_BIN_EXE_sdkhost"))
        .args(["schema", "session"])
        .stdout(full)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("run sdkhost");
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains("stdout: cannot write"), "{}", stderr(&out));
}

/// The child process, killed when dropped (a failed assertion must not leave it spinning).
struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_finished_sessions_transcript_is_written_before_the_run_ends() {
    // The second session does not end for hours (a catastrophic regex: the engine's matcher checks no budget); the
    // run is then killed, as Ctrl-C or a CI time limit would. The first session's transcript and HAR must already be on disk, whole.
    let d = dir("interrupted");
    let (first, second, out_dir, har_dir) = (d.join("first.json"), d.join("second.json"), d.join("out"), d.join("har"));
    write(&first, SESSION);
    write(
        &second,
        r#"{"name": "spins", "steps": [{"load": {"url": "https://shop.example/", "snippet": false}},
  {"eval": "/(a+)+$/.test('a'.repeat(60) + 'b')"}]}"#,
    );
    let child = Command::new(env!("CARGO_BIN_EXE_sdkhost"))
        .args([p("replay"), &first, &second, p("--jobs"), p("1"), p("--in-process"), p("--out"), &out_dir])
        .args([p("--har"), &har_dir])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn sdkhost");
    let mut child = Killed(child);
    let transcript = out_dir.join("first.transcript.json");
    let har = har_dir.join("first.har");
    // Poll (no timing assertion): the run never ends by itself, so only the file's appearance ends the wait.
    for _ in 0..1200 {
        if transcript.exists() && har.exists() {
            break;
        }
        assert!(child.0.try_wait().expect("poll").is_none(), "the run ended although its second session spins");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(
        transcript.exists() && har.exists(),
        "the finished session's outputs are not on disk while the run goes on"
    );
    assert!(child.0.try_wait().expect("poll").is_none(), "still running: the second session spins");
    drop(child);
    let doc: serde_json::Value = serde_json::from_str(&read(&transcript)).expect("a whole transcript");
    assert_eq!(doc["name"], "tiny");
    let har: serde_json::Value = serde_json::from_str(&read(&har)).expect("a whole HAR");
    assert!(har["log"]["entries"].is_array());
    assert!(!out_dir.join("second.transcript.json").exists());
    std::fs::remove_dir_all(&d).ok();
}
