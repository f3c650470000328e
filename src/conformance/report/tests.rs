//! Every format rendered from one small synthetic run (a pass, a failure, a skip), compared byte for byte.

use super::{Format, ProgressReporter, Reporter, reporter_for};
use crate::conformance::event::SuiteEvent;
use crate::conformance::outcome::{CheckReport, CheckResult, SdkInfo, SuiteReport};
use crate::conformance::{CheckProfile, Label, Selection, Shard};

fn check(id: &str, label: Label, result: CheckResult) -> CheckReport {
    CheckReport {
        id: id.into(),
        label,
        spec: "§3 \"no network request\"".into(),
        description: "Nothing is sent before opt-in.".into(),
        result,
        virtual_ms: if result == CheckResult::Skip { 0 } else { 1500 },
        failures: Vec::new(),
        excerpt: Vec::new(),
    }
}

fn sample() -> (SuiteReport, Selection) {
    let pass = check("consent.a-pass", Label::Documented, CheckResult::Pass);
    let mut fail = check("consent.b-fail", Label::Reference, CheckResult::Fail);
    fail.failures = vec![
        "expect \"none\" (step 2): expected 0 requests, got 1: \n    #1 xhr POST https://t.example/ [allowed]".into(),
    ];
    fail.excerpt = vec![
        "+0 ms step 1: ce(\"track\", \"A\")".into(),
        "+0 ms request #1 xhr POST https://t.example/ [allowed → 200] {}".into(),
    ];
    let skip = check("cookies.c-skip", Label::Documented, CheckResult::Skip);
    let selection = Selection {
        profile: CheckProfile::Reference,
        filter: Some("c*".into()),
        shard: Some(Shard { index: 1, count: 2 }),
    };
    let sdk = SdkInfo { name: "ce.js".into(), sha256: "ab".repeat(32) };
    (SuiteReport::new("ce-v2", sdk, &selection, vec![pass, fail, skip]), selection)
}

fn render(make: impl FnOnce(&mut Vec<u8>) -> Box<dyn Reporter + '_>) -> String {
    let (report, selection) = sample();
    let mut out = Vec::new();
    {
        let mut r = make(&mut out);
        let total = report.checks.len();
        r.on_event(&SuiteEvent::Started { suite: &report.suite, sdk: &report.sdk, selection: &selection, total })
            .unwrap();
        for (index, check) in report.checks.iter().enumerate() {
            r.on_event(&SuiteEvent::CheckFinished { index, total, check }).unwrap();
        }
        r.on_event(&SuiteEvent::Finished { report: &report }).unwrap();
    }
    String::from_utf8(out).unwrap()
}

fn format(f: Format) -> String {
    render(|out| reporter_for(f, out))
}

#[test]
fn human() {
    let sha = "ab".repeat(32);
    let expected = format!(
        "suite ce-v2 against ce.js (sha256 {sha}), profile reference
filter c*
shard 1/2

CHECK           LABEL       RESULT    VIRTUAL MS
consent.a-pass  documented  pass            1500
consent.b-fail  reference   FAIL            1500
cookies.c-skip  documented  skip               0

FAIL consent.b-fail (reference)
  checks:   Nothing is sent before opt-in.
  contract: §3 \"no network request\"
  expected, and what happened:
    expect \"none\" (step 2): expected 0 requests, got 1: 
          #1 xhr POST https://t.example/ [allowed]
  transcript (the failing window):
    +0 ms step 1: ce(\"track\", \"A\")
    +0 ms request #1 xhr POST https://t.example/ [allowed → 200] {{}}

FAILED: 3 check(s), 1 passed, 1 failed, 1 skipped
"
    );
    assert_eq!(format(Format::Human), expected);
}

#[test]
fn progress() {
    let out = render(|out| Box::new(ProgressReporter::new(out)));
    let expected = "conform: 3 reference check(s) of ce-v2 against ce.js (sha256 abababababab)
[1/3] pass  consent.a-pass
[2/3] fail  consent.b-fail
[3/3] skip  cookies.c-skip
";
    assert_eq!(out, expected);
}

#[test]
fn tap() {
    let sha = "ab".repeat(32);
    let expected = format!(
        "TAP version 14
1..3
# ce-v2 against ce.js (sha256 {sha})
ok 1 - consent.a-pass
not ok 2 - consent.b-fail
  ---
  label: reference
  spec: \"§3 \\\"no network request\\\"\"
  virtual_ms: 1500
  failures:
    - \"expect \\\"none\\\" (step 2): expected 0 requests, got 1: \\n    #1 xhr POST https://t.example/ [allowed]\"
  excerpt:
    - \"+0 ms step 1: ce(\\\"track\\\", \\\"A\\\")\"
    - \"+0 ms request #1 xhr POST https://t.example/ [allowed → 200] {{}}\"
  ...
ok 3 - cookies.c-skip # SKIP not run after an earlier failure
# 1 passed, 1 failed, 1 skipped
"
    );
    assert_eq!(format(Format::Tap), expected);
}

#[test]
fn json_is_the_versioned_report() {
    let out = format(Format::Json);
    assert!(out.ends_with("}\n"));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["format"], 1);
    assert_eq!(v["suite"], "ce-v2");
    assert_eq!(v["sdk"]["name"], "ce.js");
    assert_eq!(v["profile"], "reference");
    assert_eq!(v["selection"], serde_json::json!({"filter": "c*", "shard": "1/2"}));
    assert_eq!(
        v["summary"],
        serde_json::json!({"total": 3, "passed": 1, "failed": 1, "skipped": 1, "virtual_ms": 3000})
    );
    let keys: Vec<&str> = v["checks"][1].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["id", "label", "spec", "description", "result", "virtual_ms", "failures", "excerpt"]);
    assert_eq!(v["checks"][1]["result"], "fail");
    assert_eq!(v["checks"][2]["result"], "skip");
    assert_eq!(v["checks"][0]["label"], "documented");
}

#[test]
fn junit() {
    let sha = "ab".repeat(32);
    let expected = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="ce-v2" tests="3" failures="1" errors="0" skipped="1" time="0">
    <properties>
        <property name="sdk" value="ce.js"/>
        <property name="sdk_sha256" value="{sha}"/>
        <property name="profile" value="reference"/>
        <property name="filter" value="c*"/>
        <property name="shard" value="1/2"/>
    </properties>
    <testcase name="consent.a-pass" classname="ce-v2.consent" time="0">
        <system-out>label: documented
spec: §3 &quot;no network request&quot;
virtual time: 1.500 s
virtual_ms: 1500</system-out>
    </testcase>
    <testcase name="consent.b-fail" classname="ce-v2.consent" time="0">
        <failure message="expect &quot;none&quot; (step 2): expected 0 requests, got 1: &#10;    #1 xhr POST https://t.example/ [allowed]" type="failure">expect &quot;none&quot; (step 2): expected 0 requests, got 1: 
    #1 xhr POST https://t.example/ [allowed]

transcript:
+0 ms step 1: ce(&quot;track&quot;, &quot;A&quot;)
+0 ms request #1 xhr POST https://t.example/ [allowed → 200] {{}}</failure>
        <system-out>label: reference
spec: §3 &quot;no network request&quot;
virtual time: 1.500 s
virtual_ms: 1500</system-out>
    </testcase>
    <testcase name="cookies.c-skip" classname="ce-v2.cookies" time="0">
        <skipped message="not run after an earlier failure"/>
        <system-out>label: documented
spec: §3 &quot;no network request&quot;
virtual time: 0 ms
virtual_ms: 0</system-out>
    </testcase>
</testsuite>
"#
    );
    assert_eq!(format(Format::Junit), expected);
}
