//! Which checks of a suite run: the profile (`documented` leaves out `reference` checks), a filter over ids
//! (substring, or a glob with `*` and `?`), and a shard `K/N` of the sorted, filtered list (check `i` goes to shard
//! `i % N == K - 1`), so that a CI matrix can split the suite without overlap or gaps. A selection that leaves no
//! check is an error by default, whichever option emptied it ([`NoTests`], nextest's `--no-tests` model).

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::check::{Check, Label, Suite};

/// Which labels run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckProfile {
    /// Only `documented` checks: what any faithful build must pass.
    Documented,
    /// Every check (the reference build's decisions too).
    #[default]
    Reference,
}

impl CheckProfile {
    /// `documented` or `reference`.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckProfile::Documented => "documented",
            CheckProfile::Reference => "reference",
        }
    }

    fn admits(self, label: Label) -> bool {
        self == CheckProfile::Reference || label == Label::Documented
    }
}

/// Shard `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based: 1 ..= count.
    pub index: usize,
    /// How many shards there are (at least 1).
    pub count: usize,
}

/// A shard that is not `K/N` with `1 <= K <= N`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad shard {text:?}: use K/N with 1 <= K <= N, e.g. 2/4")]
pub struct ShardError {
    /// The text as given.
    pub text: String,
}

impl FromStr for Shard {
    type Err = ShardError;

    /// Parses `K/N` with `1 <= K <= N`.
    fn from_str(text: &str) -> Result<Shard, ShardError> {
        let bad = || ShardError { text: text.to_owned() };
        let (k, n) = text.trim().split_once('/').ok_or_else(bad)?;
        let index: usize = k.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// The items of this shard, in order: item `i` (0-based) goes to shard `i % count + 1`.
    pub fn pick<T>(self, items: impl IntoIterator<Item = T>) -> Vec<T> {
        items.into_iter().enumerate().filter(|(i, _)| i % self.count + 1 == self.index).map(|(_, item)| item).collect()
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// The checks to run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Selection {
    /// Which labels.
    pub profile: CheckProfile,
    /// Only ids containing this (or matching it, when it has `*` or `?`).
    pub filter: Option<String>,
    /// Only this shard of what the profile and filter leave.
    #[serde(serialize_with = "shard_text")]
    pub shard: Option<Shard>,
}

fn shard_text<S: serde::Serializer>(shard: &Option<Shard>, s: S) -> Result<S::Ok, S::Error> {
    match shard {
        Some(sh) => s.serialize_str(&sh.to_string()),
        None => s.serialize_none(),
    }
}

/// What a selection that leaves no check means (nextest's `--no-tests`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum NoTests {
    /// An error: most likely a typo in `--filter` or a shard count above the number of checks.
    #[default]
    Fail,
    /// Run nothing, pass, and say so on stderr.
    Warn,
    /// Run nothing and pass quietly.
    Pass,
}

/// The selection is unusable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectError {
    /// The profile, filter and shard leave no check (and [`NoTests::Fail`] is in force).
    #[error("no {profile} check is selected{by} (--no-tests=warn or --no-tests=pass allows an empty run)")]
    NoChecks {
        /// The options that emptied the selection, as ` by --filter "x" and --shard 9/9`, or empty.
        by: String,
        /// The profile.
        profile: &'static str,
    },
}

impl Selection {
    /// The error for a selection that left nothing, naming the options given.
    pub fn empty_error(&self) -> SelectError {
        let mut parts = Vec::new();
        if let Some(f) = &self.filter {
            parts.push(format!("--filter {f:?}"));
        }
        if let Some(sh) = self.shard {
            parts.push(format!("--shard {sh}"));
        }
        let by = if parts.is_empty() { String::new() } else { format!(" by {}", parts.join(" and ")) };
        SelectError::NoChecks { by, profile: self.profile.as_str() }
    }
}

/// Whether `id` matches `filter`: a glob (`*` any run, `?` one character) over the whole id when the filter has one of
/// them, else a substring.
pub(crate) fn id_matches(filter: &str, id: &str) -> bool {
    if !filter.contains(['*', '?']) {
        return id.contains(filter);
    }
    glob(filter.as_bytes(), id.as_bytes())
}

fn glob(p: &[u8], s: &[u8]) -> bool {
    // Iterative wildcard matching with one backtrack point: linear enough for ids.
    let (mut pi, mut si) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        match p.get(pi) {
            Some(b'*') => {
                star = Some((pi, si));
                pi += 1;
            }
            Some(&c) if c == b'?' || c == s[si] => {
                pi += 1;
                si += 1;
            }
            _ => match star {
                Some((sp, ss)) => {
                    pi = sp + 1;
                    si = ss + 1;
                    star = Some((sp, ss + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

impl Suite {
    /// The checks `selection` picks, in id order (possibly none: the runner decides what that means).
    pub fn select(&self, selection: &Selection) -> Vec<&Check> {
        let picked = self
            .checks
            .iter()
            .filter(|c| selection.profile.admits(c.label))
            .filter(|c| selection.filter.as_deref().is_none_or(|f| id_matches(f, &c.id)));
        match selection.shard {
            Some(sh) => sh.pick(picked),
            None => picked.collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{CheckProfile, Selection, Shard, id_matches};
    use crate::conformance::check::Suite;

    #[test]
    fn shard_parses_and_rejects() {
        assert_eq!("2/4".parse::<Shard>(), Ok(Shard { index: 2, count: 4 }));
        for bad in ["0/4", "5/4", "1/0", "x/2", "3", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn shards_pick_every_item_once_in_order() {
        let picks: Vec<Vec<u32>> = (1..=3).map(|index| Shard { index, count: 3 }.pick(0..8)).collect();
        assert_eq!(picks, [vec![0, 3, 6], vec![1, 4, 7], vec![2, 5]]);
        assert_eq!(Shard { index: 1, count: 1 }.pick(["a", "b"]), ["a", "b"]);
    }

    #[test]
    fn filter_is_substring_or_glob() {
        assert!(id_matches("consent", "consent.no-egress-before-optin"));
        assert!(id_matches("consent.*", "consent.no-egress-before-optin"));
        assert!(id_matches("*.no-?gress*", "consent.no-egress-before-optin"));
        assert!(!id_matches("consent.", "cookies.no-sid"));
        assert!(!id_matches("*.x", "consent.xy"));
    }

    #[test]
    fn shards_partition_the_selection() {
        let suite = Suite::ce_v2().unwrap();
        let all = suite.select(&Selection::default());
        let mut seen = Vec::new();
        for k in 1..=3 {
            let sel = Selection { shard: Some(Shard { index: k, count: 3 }), ..Selection::default() };
            seen.extend(suite.select(&sel).into_iter().map(|c| c.id.clone()));
        }
        seen.sort();
        assert_eq!(seen, all.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
        let documented = suite.select(&Selection { profile: CheckProfile::Documented, ..Selection::default() });
        assert!(!documented.is_empty() && documented.len() < all.len());
        let none = Selection { filter: Some("no-such-check".into()), ..Selection::default() };
        assert!(suite.select(&none).is_empty());
    }

    #[test]
    fn an_empty_selection_names_what_emptied_it() {
        let both = Selection {
            filter: Some("x".into()),
            shard: Some(Shard { index: 9, count: 9 }),
            profile: CheckProfile::Documented,
        };
        assert_eq!(
            both.empty_error().to_string(),
            "no documented check is selected by --filter \"x\" and --shard 9/9 (--no-tests=warn or --no-tests=pass \
             allows an empty run)"
        );
    }
}
