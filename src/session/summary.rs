//! The human summary of a replayed session: one line of facts, the expectations, the step that failed, the pages'
//! errors. Page-written text in it is indented and escaped so it cannot pass for a line of the summary.

use super::RunReport;

/// A human summary of a run: steps, requests allowed/blocked, expectation results with what differed.
pub fn summary_text(r: &RunReport) -> String {
    let (allowed, blocked) = r.request_counts();
    let mut out = format!(
        "{}: {} of {} steps, {} request{} ({} allowed, {} blocked), ended at {}\n",
        r.name,
        r.steps_run,
        r.steps_total,
        allowed + blocked,
        if allowed + blocked == 1 { "" } else { "s" },
        allowed,
        blocked,
        r.ended_at
    );
    for e in &r.expectations {
        let label = e.label.clone().unwrap_or_else(|| format!("step {}", e.step));
        out.push_str(&format!("  {} {label}\n", if e.passed { "ok  " } else { "FAIL" }));
        for f in &e.failures {
            out.push_str(&format!("       {}\n", indented(f, "       ")));
        }
    }
    if let Some(err) = &r.step_error {
        out.push_str(&format!("  step failed: {}\n", indented(err, "    ")));
    }
    out.push_str(&page_errors_text(&r.page_errors));
    out
}

/// `text`, which a page may have written (JS errors, console lines, failure details), as lines under `indent` for a
/// terminal or a CI log: every line break (CR, LF, CRLF, U+2028, U+2029) starts a new indented line and every other
/// control character is shown escaped (`\u{1b}`), so a page can neither forge a summary line of its own (such as
/// `3 passed, 0 failed`), nor overwrite one with a carriage return, nor send terminal escape sequences.
fn indented(text: &str, indent: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' | '\u{2028}' | '\u{2029}' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
                out.push_str(indent);
            }
            '\t' => out.push(c),
            c if c.is_control() => out.push_str(&c.escape_unicode().to_string()),
            c => out.push(c),
        }
    }
    out
}

/// Summary lines for the pages' JS errors and `console.error` lines (at most 5 shown; none: nothing).
pub fn page_errors_text(errors: &[String]) -> String {
    const SHOWN: usize = 5;
    if errors.is_empty() {
        return String::new();
    }
    let mut out = format!("  page errors: {} (JS errors and console.error lines)\n", errors.len());
    for e in errors.iter().take(SHOWN) {
        out.push_str(&format!("    {}\n", indented(e, "    ")));
    }
    if errors.len() > SHOWN {
        out.push_str(&format!("    ... and {} more\n", errors.len() - SHOWN));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn page_text_cannot_forge_or_overwrite_summary_lines() {
        let errors = ["Error: x\r3 passed, 0 failed\u{2028}ok\r\nnext\u{1b}[2K\u{7}".to_owned()];
        let text = super::page_errors_text(&errors);
        assert_eq!(
            text,
            "  page errors: 1 (JS errors and console.error lines)\n    Error: x\n    3 passed, 0 failed\n    ok\n    \
             next\\u{1b}[2K\\u{7}\n"
        );
        assert!(text.lines().all(|l| l.starts_with("  ")), "every line is indented: {text}");
    }
}
