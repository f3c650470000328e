//! Golden transcripts: every example session under `examples/sessions/` is replayed and its transcript compared byte
//! for byte with `tests/golden/<name>.transcript.json`; the expectations inside each session must hold too.
//! Determinism: one session run 20 times on one worker and on two gives identical bytes.
//!
//! After an intended change, regenerate with `UPDATE_GOLDEN=1 cargo test --test golden` and review the diff.

use std::path::{Path, PathBuf};

use sdkhost::batch::map_in_order;
use sdkhost::batch::prepare;
use sdkhost::{RunOptions, RunReport, SessionScript};

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sessions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/sessions")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "at least five example journeys");
    files
}

fn run(path: &Path) -> RunReport {
    let script = SessionScript::load(path).expect("example parses");
    prepare(script, path, &RunOptions::default()).expect("example sets up").run()
}

#[test]
fn examples_match_their_golden_transcripts_and_expectations() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let golden_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let files = examples();
    let reports = map_in_order(files.clone(), 2, |p| run(&p), |_, _| {});
    let mut problems = Vec::new();
    for (file, report) in files.iter().zip(&reports) {
        let stem = file.file_stem().expect("stem").to_string_lossy().into_owned();
        if !report.passed() {
            problems.push(format!("{stem}: expectations failed:\n{}", sdkhost::records::summary_text(report)));
        }
        let golden = golden_dir.join(format!("{stem}.transcript.json"));
        let text = report.transcript_text();
        if update {
            std::fs::write(&golden, &text).expect("write golden");
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(want) if want == text => {}
            Ok(want) => {
                let line = want.lines().zip(text.lines()).position(|(a, b)| a != b).map_or(0, |i| i + 1);
                problems.push(format!(
                    "{stem}: transcript differs from {} (first at line {line}); rerun with UPDATE_GOLDEN=1 to review",
                    golden.display()
                ));
            }
            Err(_) => problems.push(format!("{stem}: no golden file {} (UPDATE_GOLDEN=1 makes it)", golden.display())),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn twenty_runs_on_one_and_two_workers_give_identical_bytes() {
    let file = examples().into_iter().find(|p| p.to_string_lossy().contains("shop-funnel")).expect("funnel example");
    let first = run(&file).transcript_text();
    for jobs in [1, 2] {
        let texts = map_in_order(vec![file.clone(); 20], jobs, |p| run(&p).transcript_text(), |_, _| {});
        for (i, t) in texts.iter().enumerate() {
            assert!(t == &first, "run {i} with --jobs {jobs} differs");
        }
    }
}

#[test]
fn the_cli_writes_the_same_transcript_and_har_for_any_jobs() {
    let dir = std::env::temp_dir().join(format!("sdkhost-golden-cli-{}", std::process::id()));
    let examples_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sessions");
    let mut outputs = Vec::new();
    for jobs in ["1", "2"] {
        let out = dir.join(format!("jobs{jobs}"));
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_sdkhost"))
            .args(["replay", "--jobs", jobs, "--out"])
            .arg(&out)
            .arg("--har")
            .arg(&out)
            .arg(&examples_dir)
            .output()
            .expect("run sdkhost");
        assert_eq!(status.status.code(), Some(0), "{}", String::from_utf8_lossy(&status.stdout));
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&out)
            .expect("out dir")
            .map(|e| e.expect("entry").path())
            .map(|p| (p.file_name().expect("name").to_string_lossy().into_owned(), std::fs::read(&p).expect("read")))
            .collect();
        files.sort();
        outputs.push((files, status.stdout));
    }
    assert_eq!(outputs[0], outputs[1], "--jobs 1 and --jobs 2 must write the same bytes and print the same summary");
    assert!(outputs[0].0.iter().any(|(n, _)| n.ends_with(".har")));
    std::fs::remove_dir_all(&dir).ok();
}
