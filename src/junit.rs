//! JUnit XML that both schemas CI servers check against accept: Jenkins' (xunit-plugin `junit-10.xsd`) and Maven
//! Surefire's (`surefire-test-report-3.0.xsd`); both are in `tests/schemas/`. That means one `<testsuite>` as the
//! root (Surefire has no `<testsuites>`), `properties` only on the suite (Jenkins allows none on a test case), a
//! `time` on every test case (Surefire requires it) and `skipped` on the suite (Surefire requires it).
//!
//! Written by hand rather than with `quick-junit`, which always writes a `<testsuites>` root with a `skipped`
//! attribute that Jenkins' schema rejects. No timestamp, host name or wall-clock time: `time` is always `0`, since
//! what the cases measure is virtual time (given in each case's `system-out`), so the bytes are the same on every run.

use std::fmt::Write as _;

/// The outcome of one test case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// It passed.
    Pass,
    /// It failed: a one-line `message` (the first failure, whole) and the full `text`.
    Fail {
        /// The `message` attribute.
        message: String,
        /// The element's text: every failure, and what else helps (an excerpt).
        text: String,
    },
    /// It did not run.
    Skip {
        /// Why.
        message: String,
    },
}

/// One `<testcase>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Case {
    /// `classname`: the group it belongs to (a session, a conformance area).
    pub classname: String,
    /// `name`.
    pub name: String,
    /// The verdict.
    pub outcome: Outcome,
    /// `system-out`: facts about the case (label, spec clause, virtual time), one per line; empty for none.
    pub system_out: String,
}

/// One `<testsuite>`, the document's root.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Suite {
    /// `name`.
    pub name: String,
    /// `<properties>`, in order.
    pub properties: Vec<(String, String)>,
    /// The cases, in order.
    pub cases: Vec<Case>,
}

impl Suite {
    /// The XML document, with a final newline.
    pub(crate) fn to_xml(&self) -> String {
        let count = |f: fn(&Outcome) -> bool| self.cases.iter().filter(|c| f(&c.outcome)).count();
        let failures = count(|o| matches!(o, Outcome::Fail { .. }));
        let skipped = count(|o| matches!(o, Outcome::Skip { .. }));
        let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            x,
            "<testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\" time=\"0\">",
            escape(&self.name),
            self.cases.len()
        );
        if !self.properties.is_empty() {
            x.push_str("    <properties>\n");
            for (name, value) in &self.properties {
                let _ = writeln!(x, "        <property name=\"{}\" value=\"{}\"/>", escape(name), escape(value));
            }
            x.push_str("    </properties>\n");
        }
        for c in &self.cases {
            let _ = write!(
                x,
                "    <testcase name=\"{}\" classname=\"{}\" time=\"0\"",
                escape(&c.name),
                escape(&c.classname)
            );
            if c.outcome == Outcome::Pass && c.system_out.is_empty() {
                x.push_str("/>\n");
                continue;
            }
            x.push_str(">\n");
            match &c.outcome {
                Outcome::Pass => {}
                Outcome::Fail { message, text } => {
                    let _ = writeln!(
                        x,
                        "        <failure message=\"{}\" type=\"failure\">{}</failure>",
                        escape(message),
                        escape_text(text)
                    );
                }
                Outcome::Skip { message } => {
                    let _ = writeln!(x, "        <skipped message=\"{}\"/>", escape(message));
                }
            }
            if !c.system_out.is_empty() {
                let _ = writeln!(x, "        <system-out>{}</system-out>", escape_text(&c.system_out));
            }
            x.push_str("    </testcase>\n");
        }
        x.push_str("</testsuite>\n");
        x
    }
}

/// Escapes text for an attribute value or element content; characters XML 1.0 cannot hold at all (most control
/// characters) become U+FFFD, so a page that logs a NUL cannot make the report unreadable.
fn escape(text: &str) -> String {
    escape_as(text, true)
}

/// [`escape`] for element content, where newlines and tabs stay as they are.
fn escape_text(text: &str) -> String {
    escape_as(text, false)
}

fn escape_as(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' if !attribute => out.push(c),
            // In attributes a raw newline would be read back as a space.
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Case, Outcome, Suite};

    #[test]
    fn counts_escapes_and_keeps_whole_messages() {
        let suite = Suite {
            name: "s".into(),
            properties: vec![("sdk".into(), "a\"b".into())],
            cases: vec![
                Case { classname: "c".into(), name: "ok".into(), outcome: Outcome::Pass, system_out: String::new() },
                Case {
                    classname: "c".into(),
                    name: "<bad>".into(),
                    outcome: Outcome::Fail { message: "expected 0, got 7:\n  #1 POST".into(), text: "a\u{0}b".into() },
                    system_out: "virtual time: +5 s".into(),
                },
                Case {
                    classname: "c".into(),
                    name: "later".into(),
                    outcome: Outcome::Skip { message: "not run".into() },
                    system_out: String::new(),
                },
            ],
        };
        let xml = suite.to_xml();
        assert!(
            xml.contains("<testsuite name=\"s\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\" time=\"0\">")
        );
        assert!(xml.contains("<property name=\"sdk\" value=\"a&quot;b\"/>"));
        assert!(xml.contains("name=\"&lt;bad&gt;\""));
        assert!(xml.contains("message=\"expected 0, got 7:&#10;  #1 POST\""), "{xml}");
        assert!(xml.contains(">a\u{FFFD}b</failure>"));
        assert!(xml.contains("<system-out>virtual time: +5 s</system-out>"));
        assert!(!xml.contains("<testsuites"));
    }
}
