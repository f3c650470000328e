//! The conformance suite has teeth: every mutant of `tests/mutants/mutants.json` (a small, realistic bug in
//! `sdk-js/ce.js`) must fail at least one check. Each mutant's `find` must occur exactly once in ce.js. The suite stops
//! at a mutant's first failing check (fail-fast, in check-id order); two mutants run at once, one per worker thread, so
//! no worker runs a check past a mutant's first failure.
//!
//! Prints the mutation score and, per mutant, the first check that killed it.

use std::path::Path;

use sdkhost::conformance::{CheckResult, RunOpts, SdkBuild, Selection, Suite, run_suite};
use sdkhost::parallel::map_in_order;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Mutant {
    id: String,
    description: String,
    find: String,
    replace: String,
}

#[test]
fn every_mutant_is_killed_by_a_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(root.join("sdk-js/ce.js")).unwrap();
    let text = std::fs::read_to_string(root.join("tests/mutants/mutants.json")).unwrap();
    let mutants: Vec<Mutant> = serde_json::from_str(&text).unwrap();
    let mut ids: Vec<&str> = mutants.iter().map(|m| m.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), mutants.len(), "mutant ids are unique");
    let builds: Vec<SdkBuild> = mutants
        .iter()
        .map(|m| {
            assert_eq!(source.matches(&m.find).count(), 1, "mutant {}: `find` must occur exactly once in ce.js", m.id);
            let mutated = source.replacen(&m.find, &m.replace, 1);
            assert_ne!(mutated, source, "mutant {} changes nothing", m.id);
            SdkBuild::new(&format!("ce.js~{}", m.id), mutated)
        })
        .collect();
    let suite = Suite::ce_v2().unwrap();
    let opts = RunOpts { selection: Selection::default(), jobs: 1, fail_fast: true, ..RunOpts::default() };
    let killers = map_in_order(
        builds,
        2,
        |sdk| {
            let report = run_suite(&suite, &sdk, &opts, |_| Ok(())).unwrap();
            report.checks.iter().find(|c| c.result == CheckResult::Fail).map(|c| c.id.clone())
        },
        |_, _| {},
    );
    let mut survivors = Vec::new();
    for (m, killer) in mutants.iter().zip(&killers) {
        match killer {
            Some(check) => println!("killed   {:<36} by {check}", m.id),
            None => {
                println!("SURVIVED {:<36} ({})", m.id, m.description);
                survivors.push(m.id.as_str());
            }
        }
    }
    println!("mutation score: {}/{} killed", mutants.len() - survivors.len(), mutants.len());
    assert!(survivors.is_empty(), "mutants survived (the suite has a hole: add a check): {survivors:?}");
}
