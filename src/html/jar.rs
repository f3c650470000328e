//! The cookie jar over time: replays the transcript's `cookie` events into a table with one row per instant at which
//! the jar changed (one column per cookie, changed cells marked), then the final jar with every attribute.

use std::fmt::Write as _;

use serde_json::Value;

use super::text::{clip, escape, offset_ms, offset_text, plain, str_at};
use crate::clock::VirtualTime;

/// Characters of a value shown in the table (the full value is in the cell's tooltip).
const VALUE_CHARS: usize = 40;

/// The jar after the changes made at one instant.
struct Snapshot {
    at_ms: u64,
    /// What happened, one line each.
    changes: Vec<String>,
    /// Value per column (`None`: absent).
    values: Vec<Option<String>>,
    /// Columns changed at this instant.
    changed: Vec<bool>,
}

pub(super) fn render(html: &mut String, events: &[Value], final_jar: Option<&Value>, start: Option<VirtualTime>) {
    let mut columns: Vec<String> = Vec::new();
    let mut current: Vec<Option<String>> = Vec::new();
    let mut snapshots: Vec<Snapshot> = Vec::new();
    for e in events.iter().filter(|e| str_at(e, "kind") == "cookie") {
        let at_ms = offset_ms(start, str_at(e, "at"));
        let key = format!("{} ({}{})", str_at(e, "name"), str_at(e, "domain"), str_at(e, "path"));
        let change = e.pointer("/change/kind").and_then(Value::as_str).unwrap_or("?");
        let col = match columns.iter().position(|c| *c == key) {
            Some(i) => i,
            None if change == "refused" => usize::MAX,
            None => {
                columns.push(key.clone());
                current.push(None);
                columns.len() - 1
            }
        };
        if snapshots.last().is_none_or(|s| s.at_ms != at_ms) {
            let changed = vec![false; columns.len()];
            snapshots.push(Snapshot { at_ms, changes: Vec::new(), values: Vec::new(), changed });
        }
        let Some(snap) = snapshots.last_mut() else { continue };
        let mut line = format!("{change} {key}");
        if let Some(r) = e.pointer("/change/reason") {
            let _ = write!(line, ": {}", plain(r));
        }
        snap.changes.push(line);
        if col != usize::MAX {
            current[col] = match change {
                "set" | "overwritten" => Some(e.get("value").map(plain).unwrap_or_default()),
                "deleted" | "expired" => None,
                _ => current[col].clone(),
            };
            snap.changed.resize(columns.len(), false);
            snap.changed[col] |= change != "refused";
        }
        snap.values = current.clone();
    }
    html.push_str("<h3>Cookie jar over time</h3>\n");
    if snapshots.is_empty() {
        html.push_str("<p class=\"empty\">No cookie was set, changed or refused.</p>\n");
    } else {
        table(html, &columns, &snapshots);
    }
    final_table(html, final_jar);
}

fn table(html: &mut String, columns: &[String], snapshots: &[Snapshot]) {
    html.push_str("<div class=\"scroll\"><table class=\"jar\">\n<thead><tr><th>virtual time</th><th>change</th>");
    for c in columns {
        let _ = write!(html, "<th>{}</th>", escape(c));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for s in snapshots {
        let _ = write!(
            html,
            "<tr><td class=\"at\">{}</td><td>{}</td>",
            offset_text(s.at_ms),
            s.changes.iter().map(|c| escape(c).into_owned()).collect::<Vec<_>>().join("<br>")
        );
        for (i, _) in columns.iter().enumerate() {
            let changed = s.changed.get(i).copied().unwrap_or(false);
            let class = if changed { " class=\"chg\"" } else { "" };
            match s.values.get(i).cloned().flatten() {
                Some(v) => {
                    let _ = write!(html, "<td{class} title=\"{}\">{}</td>", escape(&v), escape(&clip(&v, VALUE_CHARS)));
                }
                None => {
                    let _ = write!(html, "<td{class}><span class=\"absent\">—</span></td>");
                }
            }
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table></div>\n");
}

fn final_table(html: &mut String, final_jar: Option<&Value>) {
    let Some(cookies) = final_jar.and_then(Value::as_array) else { return };
    let _ =
        writeln!(html, "<h4>Final jar ({} cookie{})</h4>", cookies.len(), if cookies.len() == 1 { "" } else { "s" });
    if cookies.is_empty() {
        return;
    }
    html.push_str(
        "<div class=\"scroll\"><table class=\"jar final\">\n<thead><tr><th>name</th><th>value</th><th>domain</th>\
         <th>path</th><th>expires</th><th>flags</th></tr></thead>\n<tbody>\n",
    );
    for c in cookies {
        let mut flags = Vec::new();
        for (key, word) in [("host_only", "host-only"), ("secure", "Secure"), ("http_only", "HttpOnly")] {
            if c.get(key).and_then(Value::as_bool) == Some(true) {
                flags.push(word.to_owned());
            }
        }
        if let Some(s) = c.get("same_site").filter(|s| !s.is_null()) {
            flags.push(format!("SameSite={}", plain(s)));
        }
        let expires = c.get("expires").map(plain).filter(|s| !s.is_empty()).unwrap_or_else(|| "session".to_owned());
        let value = plain(c.get("value").unwrap_or(&Value::Null));
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td title=\"{}\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(str_at(c, "name")),
            escape(&value),
            escape(&clip(&value, VALUE_CHARS)),
            escape(str_at(c, "domain")),
            escape(str_at(c, "path")),
            escape(&expires),
            escape(&flags.join(", "))
        );
    }
    html.push_str("</tbody>\n</table></div>\n");
}
