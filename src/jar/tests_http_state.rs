//! The IETF http-state test corpus (the suite RFC 6265 was checked against) run through [`Jar`] on virtual time.
//!
//! The corpus is in `tests/corpora/http-state` (see its README for source and licence). Each parser case
//! feeds `Set-Cookie` headers from `http://home.example.org:8888/cookie-parser?<test>` into a fresh jar with the clock
//! at 2011-01-01T00:00:00Z and compares the `Cookie` header of the follow-up request. `DISABLED_` cases are counted
//! separately and not asserted. Where Chrome and Firefox behave differently from the corpus, the jar follows the
//! browsers: those cases are listed, with the reason, in [`PARSER_DEVIATIONS`] and [`DATE_DEVIATIONS`].
#![allow(clippy::print_stdout, reason = "the corpus summary lines are this test's report")]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::clock::VirtualTime;
use crate::jar::{Jar, parse_cookie_date};
use serde::Deserialize;
use time::macros::format_description;
use url::Url;

/// RFC 6265bis section 5.6 step 3, shipped by Chrome, Firefox and Safari: a cookie string without `=` is a cookie
/// with an empty name (`Set-Cookie: foo` stores `foo`, sent as `Cookie: foo`), and `=x` is the nameless cookie `x`.
/// The corpus predates this and expects such strings to be ignored.
const NAMELESS: &str = "nameless cookie (RFC 6265bis 5.6 step 3; Chrome/Firefox store it, the corpus ignores it)";

/// Parser cases where the jar follows Chrome and Firefox rather than the corpus: (case, reason).
const PARSER_DEVIATIONS: &[(&str, &str)] = &[
    ("0004", NAMELESS),
    ("0021", NAMELESS),
    ("0023", NAMELESS),
    ("0024", NAMELESS),
    ("0025", NAMELESS),
    ("0026", NAMELESS),
    ("0027", NAMELESS),
    ("0028", NAMELESS),
    ("CHROMIUM0009", NAMELESS),
    ("CHROMIUM0010", NAMELESS),
    ("CHROMIUM0012", NAMELESS),
    ("MOZILLA0012", NAMELESS),
    ("MOZILLA0014", NAMELESS),
    ("MOZILLA0015", NAMELESS),
    ("MOZILLA0016", NAMELESS),
    ("MOZILLA0017", NAMELESS),
    ("NAME0017", NAMELESS),
    ("NAME0023", NAMELESS),
    ("NAME0025", NAMELESS),
    ("NAME0028", NAMELESS),
    ("NAME0031", NAMELESS),
    ("NAME0032", NAMELESS),
    ("NAME0033", NAMELESS),
];

/// Date cases where the jar's RFC 6265 section 5.1.1 parser differs from the corpus: (case, reason).
const DATE_DEVIATIONS: &[(&str, &str)] = &[];

const REQUEST_BASE: &str = "http://home.example.org:8888/cookie-parser";
const RESULT_BASE: &str = "http://home.example.org:8888/cookie-parser-result";

#[derive(Deserialize)]
struct ParserCase {
    test: String,
    received: Vec<String>,
    #[serde(rename = "sent-to")]
    sent_to: Option<String>,
    sent: Vec<SentCookie>,
}

#[derive(Deserialize)]
struct SentCookie {
    name: String,
    value: String,
}

#[derive(Deserialize)]
struct DateCase {
    test: String,
    expected: Option<String>,
}

fn corpus_dir() -> PathBuf {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpora/http-state"));
    assert!(dir.join("parser.json").is_file(), "http-state corpus missing: expected {}", dir.display());
    dir.to_owned()
}

/// Reads a corpus file, dropping `//` comment lines (the BSD date file starts with a licence comment).
fn read_json<T: for<'de> Deserialize<'de>>(file: &str) -> T {
    let path = corpus_dir().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let json: String = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("cannot parse {}: {e}", path.display()))
}

/// What the jar sends for one parser case, and what the corpus expects, as `Cookie` header values.
fn run_parser_case(case: &ParserCase) -> (Option<String>, Option<String>) {
    let now = VirtualTime::parse("2011-01-01T00:00:00Z").expect("clock start");
    let base = Url::parse(&format!("{REQUEST_BASE}?{}", case.test)).expect("request url");
    let mut jar = Jar::new();
    for header in &case.received {
        jar.store_set_cookie(&base, header, now);
    }
    let target = match &case.sent_to {
        Some(to) => base.join(to).expect("sent-to url"),
        None => Url::parse(&format!("{RESULT_BASE}?{}", case.test)).expect("result url"),
    };
    let got = jar.cookie_header(&target, true, now);
    let pairs: Vec<String> = case
        .sent
        .iter()
        .map(|c| if c.name.is_empty() { c.value.clone() } else { format!("{}={}", c.name, c.value) })
        .collect();
    let expected = Some(pairs.join("; ")).filter(|h| !h.is_empty());
    (got, expected)
}

/// Counts passes and failures of `(name, passed)` results, printing the summary lines; returns the failed names of
/// the non-`DISABLED_` cases.
fn summarize(file: &str, results: Vec<(String, bool)>) -> BTreeSet<String> {
    let (disabled, enabled): (Vec<_>, Vec<_>) =
        results.into_iter().partition(|(name, _)| name.starts_with("DISABLED_"));
    let count = |rs: &[(String, bool)]| {
        let passed = rs.iter().filter(|(_, ok)| *ok).count();
        (passed, rs.len() - passed)
    };
    let (passed, failed) = count(&enabled);
    println!("{file}: {passed} passed, {failed} failed");
    let (passed, failed) = count(&disabled);
    println!("{file} DISABLED_: {passed} passed, {failed} failed");
    enabled.into_iter().filter(|(_, ok)| !ok).map(|(name, _)| name).collect()
}

/// Asserts that the failures are exactly the listed deviations (a deviation that starts passing must be removed).
fn assert_only_deviations(
    file: &str,
    failed: &BTreeSet<String>,
    deviations: &[(&str, &str)],
    detail: &dyn Fn(&str) -> String,
) {
    let listed: BTreeSet<String> = deviations.iter().map(|(name, _)| (*name).to_owned()).collect();
    let unexpected: Vec<String> = failed.difference(&listed).map(|name| detail(name)).collect();
    let fixed: Vec<&String> = listed.difference(failed).collect();
    assert!(unexpected.is_empty(), "{file}: unexpected failures:\n{}", unexpected.join("\n"));
    assert!(fixed.is_empty(), "{file}: listed deviations that now pass (remove them): {fixed:?}");
}

#[test]
fn parser_corpus() {
    let cases: Vec<ParserCase> = read_json("parser.json");
    assert_eq!(cases.len(), 222, "parser.json should hold 222 cases");
    let results = cases.iter().map(|c| {
        let (got, expected) = run_parser_case(c);
        (c.test.clone(), got == expected)
    });
    let failed = summarize("parser.json", results.collect());
    let detail = |name: &str| {
        let case = cases.iter().find(|c| c.test == name).expect("case");
        let (got, expected) = run_parser_case(case);
        format!("  {name}: received {:?}, sent {got:?}, expected {expected:?}", case.received)
    };
    assert_only_deviations("parser.json", &failed, PARSER_DEVIATIONS, &detail);
}

/// Formats a parsed date like the corpus: `Wed, 18 Apr 2007 22:50:12 GMT`.
fn http_date(at: VirtualTime) -> String {
    let format =
        format_description!("[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT");
    at.to_offset_date_time().format(format).expect("formattable date")
}

fn run_date_corpus(file: &str) {
    let cases: Vec<DateCase> = read_json(file);
    let got = |c: &DateCase| parse_cookie_date(&c.test).map(http_date);
    let failed = summarize(file, cases.iter().map(|c| (c.test.clone(), got(c) == c.expected)).collect());
    let detail = |name: &str| {
        let case = cases.iter().find(|c| c.test == name).expect("case");
        format!("  {name:?}: parsed {:?}, expected {:?}", got(case), case.expected)
    };
    assert_only_deviations(file, &failed, DATE_DEVIATIONS, &detail);
}

#[test]
fn dates_examples_corpus() {
    run_date_corpus("dates-examples.json");
}

#[test]
fn dates_bsd_examples_corpus() {
    run_date_corpus("dates-bsd-examples.json");
}
