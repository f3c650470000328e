//! A conformance report (`conform --format json`) as a report section: the build, the counts, and every check with
//! its verdict, label, spec clause and virtual time; a failing check opens to what it checks, what did not hold and
//! the transcript excerpt of the failing window.

use std::fmt::Write as _;

use serde_json::Value;

use super::text::{escape, offset_text, plain, str_at, u64_at};

fn checks(r: &Value) -> &[Value] {
    r.get("checks").and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn count(r: &Value, result: &str) -> usize {
    checks(r).iter().filter(|c| str_at(c, "result") == result).count()
}

/// Whether every selected check passed.
pub(super) fn passed(r: &Value) -> bool {
    checks(r).iter().all(|c| str_at(c, "result") == "pass")
}

pub(super) fn render(html: &mut String, id: &str, r: &Value) {
    let ok = passed(r);
    let (total, pass, fail, skip) = (checks(r).len(), count(r, "pass"), count(r, "fail"), count(r, "skip"));
    let _ = writeln!(
        html,
        "<section class=\"doc conform\" id=\"{id}\" data-total=\"{total}\" data-passed=\"{pass}\" data-failed=\"{fail}\" \
         data-skipped=\"{skip}\">\n<h2>Conformance: {} <span class=\"badge {}\">{}</span></h2>",
        escape(str_at(r, "suite")),
        if ok { "pass" } else { "fail" },
        if ok { "pass" } else { "FAIL" },
    );
    let sdk = r.get("sdk").unwrap_or(&Value::Null);
    let _ = writeln!(
        html,
        "<dl class=\"facts\"><dt>build</dt><dd>{} (sha256 {})</dd><dt>profile</dt><dd>{}</dd>",
        escape(str_at(sdk, "name")),
        escape(str_at(sdk, "sha256")),
        escape(str_at(r, "profile"))
    );
    for key in ["filter", "shard"] {
        if let Some(v) = r.pointer(&format!("/selection/{key}")).filter(|v| !v.is_null()) {
            let _ = writeln!(html, "<dt>{key}</dt><dd>{}</dd>", escape(&plain(v)));
        }
    }
    html.push_str("</dl>\n<div class=\"tiles\">");
    let _ = write!(html, "<div class=\"tile\"><b>{total}</b> check{}</div>", if total == 1 { "" } else { "s" });
    let _ = write!(html, "<div class=\"tile ok\"><b>{pass}</b> passed</div>");
    let _ = write!(html, "<div class=\"tile {}\"><b>{fail}</b> failed</div>", if fail > 0 { "fail" } else { "" });
    let _ = write!(html, "<div class=\"tile\"><b>{skip}</b> skipped</div>");
    html.push_str(
        "</div>\n<table class=\"checks\">\n<thead><tr><th>check</th><th>label</th><th>result</th>\
                   <th>virtual time</th><th>contract</th></tr></thead>\n<tbody>\n",
    );
    for c in checks(r) {
        check_row(html, c);
    }
    html.push_str("</tbody>\n</table>\n</section>\n");
}

fn check_row(html: &mut String, c: &Value) {
    let result = str_at(c, "result");
    let (class, word) = match result {
        "pass" => ("pass", "pass"),
        "fail" => ("fail", "FAIL"),
        _ => ("skip", "skip"),
    };
    let _ = write!(
        html,
        "<tr class=\"check {class}\"><td><code>{}</code></td><td>{}</td><td><span class=\"badge {class}\">{word}</span>\
         </td><td class=\"at\">{}</td><td>{}",
        escape(str_at(c, "id")),
        escape(str_at(c, "label")),
        offset_text(u64_at(c, "virtual_ms")),
        escape(str_at(c, "spec"))
    );
    let failures = c.get("failures").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    let excerpt = c.get("excerpt").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    if result == "fail" || !failures.is_empty() {
        let _ = write!(html, "<details open><summary>{}</summary>", escape(str_at(c, "description")));
        if !failures.is_empty() {
            html.push_str("<h4>expected, and what happened</h4>");
            for f in failures {
                let _ = write!(html, "<pre class=\"failure\">{}</pre>", escape(&plain(f)));
            }
        }
        if !excerpt.is_empty() {
            let lines: Vec<String> = excerpt.iter().map(|l| escape(&plain(l)).into_owned()).collect();
            let _ = write!(
                html,
                "<h4>transcript (the failing window)</h4><pre class=\"excerpt\">{}</pre>",
                lines.join("\n")
            );
        }
        html.push_str("</details>");
    } else {
        let _ = write!(html, "<div class=\"desc\">{}</div>", escape(str_at(c, "description")));
    }
    html.push_str("</td></tr>\n");
}
