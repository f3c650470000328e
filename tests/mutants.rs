//! The mutation score of the conformance suite, measured: each mutant of `tests/mutants/mutants.json` (a small,
//! realistic bug in `sdk-js/ce.js`) is run against the suite, once per profile, and is killed when a check fails. The
//! committed baseline `tests/mutants/killed.json` names, per profile, the check that kills each mutant (or `null`: it
//! survives). `cargo test` runs each killed mutant against its recorded check (and, should that check pass, against the
//! whole profile) and fails when a mutant of the baseline survives: the suite lost a tooth. `SDKHOST_BLESS=1 cargo test
//! --test mutants` runs every mutant against every check of each profile (fail-fast in id order) and rewrites the
//! baseline; the README's figures are generated from the baseline, so they never claim more than a run shows.
//!
//! Cost: a plain run is one check per killed mutant; survivors are not run (their status is the baseline's, which
//! only a blessed full run changes). Two mutants run at once, one JS engine each.
//!
//! The minified build: `mutants_of_the_minified_build` (ignored in a plain `cargo test`: it needs esbuild from
//! `sdk-js/node_modules`, `.ci/run` runs it) minifies every mutant in one esbuild run and holds it to the baseline.

#![allow(clippy::unwrap_used, reason = "test helpers: a failure is the test failing")]
#![expect(clippy::print_stdout, reason = "the score per mutant is the test's output")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use sdkhost::batch::map_in_order;
use sdkhost::suite::{Label, Suite, run_suite};
use sdkhost::{CheckResult, SdkBuild, SuiteOptions};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Mutant {
    id: String,
    /// The contract clause the bug breaks (`§3 opt-out stops at once`).
    clause: String,
    description: String,
    find: String,
    replace: String,
    /// Why no check can kill it (an equivalent mutant), when that is so.
    #[serde(default)]
    equivalent: Option<String>,
}

/// Per profile, the check that kills each mutant (`None`: it survives), as committed.
#[derive(Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Baseline {
    documented: BTreeMap<String, Option<String>>,
    reference: BTreeMap<String, Option<String>>,
}

impl Baseline {
    fn killed(map: &BTreeMap<String, Option<String>>) -> BTreeSet<&str> {
        map.iter().filter(|(_, k)| k.is_some()).map(|(id, _)| id.as_str()).collect()
    }
}

/// The first failing check of each profile, for one mutant (`None`: it survived).
#[derive(Clone)]
struct Kill {
    documented: Option<String>,
    reference: Option<String>,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn mutants() -> Vec<Mutant> {
    let text = std::fs::read_to_string(root().join("tests/mutants/mutants.json")).unwrap();
    let mutants: Vec<Mutant> = serde_json::from_str(&text).unwrap();
    let ids: BTreeSet<&str> = mutants.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids.len(), mutants.len(), "mutant ids are unique");
    mutants
}

fn baseline() -> Baseline {
    let text = std::fs::read_to_string(root().join("tests/mutants/killed.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn mutated_sources(mutants: &[Mutant]) -> Vec<String> {
    let source = std::fs::read_to_string(root().join("sdk-js/ce.js")).unwrap();
    mutants
        .iter()
        .map(|m| {
            assert_eq!(source.matches(&m.find).count(), 1, "mutant {}: `find` must occur exactly once in ce.js", m.id);
            let mutated = source.replacen(&m.find, &m.replace, 1);
            assert_ne!(mutated, source, "mutant {} changes nothing", m.id);
            mutated
        })
        .collect()
}

fn only(suite: &Suite, keep: impl Fn(&sdkhost::suite::Check) -> bool) -> Suite {
    Suite { name: suite.name.clone(), checks: suite.checks.iter().filter(|c| keep(c)).cloned().collect() }
}

fn first_failure(suite: &Suite, sdk: &SdkBuild) -> Option<String> {
    let opts = SuiteOptions { jobs: 1, fail_fast: true, ..SuiteOptions::default() };
    let report = run_suite(suite, sdk, &opts, |_| Ok(())).unwrap();
    report.checks.iter().find(|c| c.result == CheckResult::Fail).map(|c| c.id.clone())
}

/// The documented checks first; a mutant they do not kill runs the reference-only checks (`reference` is every
/// check, so a documented kill is a reference kill too). With `hints` (the baseline), a killed mutant runs its
/// recorded check first and a surviving one is not run at all.
fn kills(builds: Vec<SdkBuild>, hints: Option<&[Kill]>) -> Vec<Kill> {
    let suite = Suite::ce_v2().unwrap();
    let documented = only(&suite, |c| c.label == Label::Documented);
    let reference_only = only(&suite, |c| c.label == Label::Reference);
    let jobs: Vec<(SdkBuild, Option<Kill>)> = match hints {
        Some(h) => builds.into_iter().zip(h.iter().cloned().map(Some)).collect(),
        None => builds.into_iter().map(|b| (b, None)).collect(),
    };
    let full = |sdk: &SdkBuild| {
        let documented = first_failure(&documented, sdk);
        let reference = documented.clone().or_else(|| first_failure(&reference_only, sdk));
        Kill { documented, reference }
    };
    map_in_order(
        jobs,
        2,
        |(sdk, hint)| match hint {
            None => full(&sdk),
            Some(Kill { reference: None, .. }) => Kill { documented: None, reference: None },
            Some(Kill { reference: Some(check), documented }) => {
                let recorded = only(&suite, |c| c.id == check);
                if first_failure(&recorded, &sdk).is_some() {
                    Kill { documented: documented.map(|_| check.clone()), reference: Some(check) }
                } else {
                    full(&sdk)
                }
            }
        },
        |_, _| {},
    )
}

/// Prints the score and compares it with the baseline; returns the problems.
fn judge(build: &str, mutants: &[Mutant], kills: &[Kill], bless: bool) -> Vec<String> {
    let mut measured = Baseline::default();
    for (m, k) in mutants.iter().zip(kills) {
        let show = |k: &Option<String>| k.as_deref().map_or("SURVIVED".to_owned(), |c| format!("by {c}"));
        println!("{:<40} documented {:<48} reference {}", m.id, show(&k.documented), show(&k.reference));
        measured.documented.insert(m.id.clone(), k.documented.clone());
        measured.reference.insert(m.id.clone(), k.reference.clone());
    }
    let n = mutants.len();
    let (doc, reference) = (Baseline::killed(&measured.documented), Baseline::killed(&measured.reference));
    println!("{build}: {n} mutants; documented {}/{n} killed, reference {}/{n} killed", doc.len(), reference.len());
    if bless {
        let text = serde_json::to_string_pretty(&measured).unwrap() + "\n";
        std::fs::write(root().join("tests/mutants/killed.json"), text).unwrap();
        return Vec::new();
    }
    let expected = baseline();
    let mut problems = Vec::new();
    for (profile, was, now) in [
        ("documented", Baseline::killed(&expected.documented), doc),
        ("reference", Baseline::killed(&expected.reference), reference),
    ] {
        for id in was.difference(&now) {
            problems.push(format!("{build} {profile}: {id} was killed and now survives (the suite lost a tooth)"));
        }
    }
    problems
}

/// The baseline as hints for [`kills`], in the order of `mutants`.
fn hints(mutants: &[Mutant]) -> Vec<Kill> {
    let base = baseline();
    let ids: BTreeSet<&str> = mutants.iter().map(|m| m.id.as_str()).collect();
    for map in [&base.documented, &base.reference] {
        let listed: BTreeSet<&str> = map.keys().map(String::as_str).collect();
        assert_eq!(listed, ids, "tests/mutants/killed.json must list every mutant (SDKHOST_BLESS=1 to rebuild it)");
    }
    mutants
        .iter()
        .map(|m| Kill { documented: base.documented[&m.id].clone(), reference: base.reference[&m.id].clone() })
        .collect()
}

#[test]
fn mutants_are_killed_as_the_baseline_says() {
    let mutants = mutants();
    let builds = mutated_sources(&mutants)
        .into_iter()
        .zip(&mutants)
        .map(|(source, m)| SdkBuild::new(&format!("ce.js~{}", m.id), source))
        .collect();
    let bless = std::env::var_os("SDKHOST_BLESS").is_some();
    let hints = if bless { None } else { Some(hints(&mutants)) };
    let problems = judge("ce.js", &mutants, &kills(builds, hints.as_deref()), bless);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
#[ignore = "needs esbuild (cd sdk-js && npm ci); .ci/run runs it with --ignored"]
fn mutants_of_the_minified_build() {
    let mutants = mutants();
    let esbuild = root().join("sdk-js/node_modules/.bin/esbuild");
    assert!(esbuild.exists(), "{} is missing: run `cd sdk-js && npm ci` first", esbuild.display());
    let dir = std::env::temp_dir().join(format!("sdkhost-mutants-min-{}", std::process::id()));
    let (src, out) = (dir.join("src"), dir.join("min"));
    std::fs::create_dir_all(&src).unwrap();
    let mut entries = Vec::new();
    for (source, m) in mutated_sources(&mutants).iter().zip(&mutants) {
        let path = src.join(format!("{}.js", m.id));
        std::fs::write(&path, source).unwrap();
        entries.push(path);
    }
    // One esbuild run for every mutant, with the flags of `npm run build`.
    let status = std::process::Command::new(&esbuild)
        .args(&entries)
        .arg("--minify")
        .arg(format!("--outdir={}", out.display()))
        .arg("--log-level=warning")
        .status()
        .unwrap();
    assert!(status.success(), "esbuild failed");
    let builds = mutants
        .iter()
        .map(|m| {
            let source = std::fs::read_to_string(out.join(format!("{}.js", m.id))).unwrap();
            SdkBuild::new(&format!("ce.min.js~{}", m.id), source)
        })
        .collect();
    let hints = hints(&mutants);
    let problems = judge("ce.min.js", &mutants, &kills(builds, Some(&hints)), false);
    std::fs::remove_dir_all(&dir).ok();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

const START: &str = "<!-- mutation-score:start (generated by tests/mutants.rs from tests/mutants/killed.json; SDKHOST_BLESS=1 to update) -->";
const END: &str = "<!-- mutation-score:end -->";

/// The README's mutation score section, from the committed baseline (which the tests above hold to the truth).
fn score_section(mutants: &[Mutant], base: &Baseline) -> String {
    let n = mutants.len();
    let clauses: BTreeSet<&str> = mutants.iter().map(|m| m.clause.as_str()).collect();
    let mut s = format!(
        "\n{n} mutants over {} contract clauses. Killed, per profile and build:\n\n\
         | Profile | `ce.js` | `dist/ce.min.js` |\n|---|---|---|\n",
        clauses.len()
    );
    for (profile, killed) in [("documented", &base.documented), ("reference", &base.reference)] {
        let k = Baseline::killed(killed).len();
        s.push_str(&format!("| `{profile}` | {k}/{n} | {k}/{n} |\n"));
    }
    s.push_str("\nSurvivors:\n\n| Mutant | Survives | Why |\n|---|---|---|\n");
    for m in mutants {
        let doc = base.documented.get(&m.id).is_some_and(Option::is_some);
        let reference = base.reference.get(&m.id).is_some_and(Option::is_some);
        let why = if let Some(e) = &m.equivalent {
            format!("equivalent: {e}")
        } else if reference && !doc {
            "breaks a decision marked [ours] only: no documented check may fail on it".to_owned()
        } else {
            "a gap in the suite".to_owned()
        };
        let profiles = match (doc, reference) {
            (true, _) => continue,
            (false, true) => "`documented`",
            (false, false) => "`documented`, `reference`",
        };
        s.push_str(&format!("| `{}` ({}) | {profiles} | {why} |\n", m.id, m.description.replace('|', "\\|")));
    }
    s
}

#[test]
fn readme_states_the_baseline_score() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let (Some(a), Some(b)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md lacks the {START} … {END} markers of the mutation score");
    };
    let mutants = mutants();
    let base = baseline();
    hints(&mutants);
    assert!(
        Baseline::killed(&base.documented).is_subset(&Baseline::killed(&base.reference)),
        "a mutant killed by a documented check is killed by reference"
    );
    let wanted = score_section(&mutants, &base);
    if readme[a + START.len()..b] != wanted {
        if std::env::var_os("SDKHOST_BLESS").is_some() {
            std::fs::write(&path, format!("{}{START}{wanted}{}", &readme[..a], &readme[b..])).unwrap();
        } else {
            panic!("README.md's mutation score is out of date; run `SDKHOST_BLESS=1 cargo test --test mutants`.");
        }
    }
}
