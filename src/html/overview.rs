//! The timeline overview: an inline SVG with one lane per kind of event. Sessions span milliseconds and months at
//! once, so the axis is ordinal: every distinct virtual instant gets one evenly spaced slot, labelled with its offset.
//! Each mark links to its row in the event table and names what happened in its tooltip.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::text::{clip, escape, offset_text};

/// The lanes of the timeline, in display order: (lane class, label).
pub(super) const LANES: [(&str, &str); 7] = [
    ("page", "pages"),
    ("step", "steps"),
    ("req", "requests"),
    ("cookie", "cookies"),
    ("console", "console"),
    ("err", "errors"),
    ("expect", "expectations"),
];

/// One event on the overview.
pub(super) struct Mark<'a> {
    pub(super) at_ms: u64,
    pub(super) lane: &'static str,
    pub(super) extra: &'static str,
    pub(super) line: &'a str,
    /// The element id of its row.
    pub(super) target: String,
}

const LEFT: usize = 110;
const WIDTH: usize = 1000;
const LANE_HEIGHT: usize = 20;
/// Tooltip lines per mark at most.
const TOOLTIP_LINES: usize = 6;
/// Axis labels at most.
const LABELS: usize = 8;

pub(super) fn render(html: &mut String, marks: &[Mark<'_>]) {
    let mut instants: Vec<u64> = marks.iter().map(|m| m.at_ms).collect();
    instants.dedup();
    if instants.is_empty() {
        return;
    }
    let slot_of = |ms: u64| instants.iter().position(|&i| i == ms).unwrap_or(0);
    let x = |slot: usize| {
        if instants.len() == 1 { LEFT + WIDTH / 2 } else { LEFT + slot * WIDTH / (instants.len() - 1) }
    };
    // Several events of one lane at one instant share a mark.
    let mut cells: BTreeMap<(usize, usize), Vec<&Mark<'_>>> = BTreeMap::new();
    for m in marks {
        let lane = LANES.iter().position(|(l, _)| *l == m.lane).unwrap_or(0);
        cells.entry((lane, slot_of(m.at_ms))).or_default().push(m);
    }
    let height = LANES.len() * LANE_HEIGHT + 40;
    let _ = writeln!(
        html,
        "<svg class=\"overview\" viewBox=\"0 0 {} {height}\" role=\"img\" \
         aria-label=\"events by lane over virtual time\">",
        LEFT + WIDTH + 30
    );
    for (i, (lane, label)) in LANES.iter().enumerate() {
        let y = i * LANE_HEIGHT + 14;
        let _ = writeln!(
            html,
            "<text class=\"lane-label\" x=\"4\" y=\"{y}\">{label}</text><line class=\"lane-line {lane}\" x1=\"{LEFT}\" \
             y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            y - 4,
            LEFT + WIDTH,
            y - 4
        );
    }
    for ((lane, slot), group) in &cells {
        let worst = group
            .iter()
            .map(|m| m.extra)
            .find(|e| e.contains("blocked") || e.contains("fail"))
            .unwrap_or(group[0].extra);
        let mut tip = format!("{} ({} event{})", offset_text(instants[*slot]), group.len(), plural(group.len()));
        for m in group.iter().take(TOOLTIP_LINES) {
            let _ = write!(tip, "\n{}", clip(m.line, 140));
        }
        if group.len() > TOOLTIP_LINES {
            let _ = write!(tip, "\n… {} more", group.len() - TOOLTIP_LINES);
        }
        let _ = writeln!(
            html,
            "<a href=\"#{}\"><rect class=\"mark {} {worst}\" x=\"{}\" y=\"{}\" width=\"8\" height=\"14\" rx=\"2\">\
             <title>{}</title></rect></a>",
            group[0].target,
            LANES[*lane].0,
            x(*slot) - 4,
            lane * LANE_HEIGHT + 3,
            escape(&tip)
        );
    }
    let axis_y = LANES.len() * LANE_HEIGHT + 16;
    let step = instants.len().div_ceil(LABELS).max(1);
    let mut labelled: Vec<usize> = (0..instants.len()).step_by(step).collect();
    if labelled.last() != Some(&(instants.len() - 1)) {
        labelled.push(instants.len() - 1);
    }
    for slot in labelled {
        let _ = writeln!(
            html,
            "<text class=\"tick\" x=\"{}\" y=\"{axis_y}\" text-anchor=\"middle\">{}</text>",
            x(slot),
            offset_text(instants[slot])
        );
    }
    let _ = writeln!(
        html,
        "<text class=\"axis-note\" x=\"{LEFT}\" y=\"{}\">one slot per distinct virtual instant (not to scale)</text>\n</svg>",
        axis_y + 18
    );
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
