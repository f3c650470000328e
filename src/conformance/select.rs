//! Which checks of a suite run: the profile (`documented` leaves out `reference` checks), a filter over ids
//! (substring, or a glob with `*` and `?`), and a shard `K/N` of the sorted, filtered list (check `i` goes to shard
//! `i % N == K - 1`), so that a CI matrix can split the suite without overlap or gaps.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::check::{Check, Label, Suite};

/// Which labels run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// Only `documented` checks: what any faithful build must pass.
    Documented,
    /// Every check (the reference build's decisions too).
    #[default]
    Reference,
}

impl Profile {
    /// `documented` or `reference`.
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Documented => "documented",
            Profile::Reference => "reference",
        }
    }

    fn admits(self, label: Label) -> bool {
        self == Profile::Reference || label == Label::Documented
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

impl FromStr for Shard {
    type Err = String;

    /// Parses `K/N` with `1 <= K <= N`.
    fn from_str(text: &str) -> Result<Shard, String> {
        let bad = || format!("bad shard {text:?}: use K/N with 1 <= K <= N, e.g. 2/4");
        let (k, n) = text.trim().split_once('/').ok_or_else(bad)?;
        let index: usize = k.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
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
    pub profile: Profile,
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

/// The selection is unusable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectError {
    /// The filter matches no check of the profile (most likely a typo).
    #[error("no {profile} check matches --filter {filter:?}")]
    NoMatch {
        /// The filter.
        filter: String,
        /// The profile.
        profile: &'static str,
    },
}

/// Whether `id` matches `filter`: a glob (`*` any run, `?` one character) over the whole id when the filter has one of
/// them, else a substring.
pub fn id_matches(filter: &str, id: &str) -> bool {
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
    /// The checks `selection` picks, in id order.
    ///
    /// # Errors
    /// [`SelectError::NoMatch`] when a filter leaves nothing (an empty shard is fine: more shards than checks).
    pub fn select(&self, selection: &Selection) -> Result<Vec<&Check>, SelectError> {
        let picked: Vec<&Check> = self
            .checks
            .iter()
            .filter(|c| selection.profile.admits(c.label))
            .filter(|c| selection.filter.as_deref().is_none_or(|f| id_matches(f, &c.id)))
            .collect();
        if let Some(filter) = &selection.filter
            && picked.is_empty()
        {
            return Err(SelectError::NoMatch { filter: filter.clone(), profile: selection.profile.as_str() });
        }
        Ok(match selection.shard {
            Some(sh) => {
                picked.into_iter().enumerate().filter(|(i, _)| i % sh.count == sh.index - 1).map(|(_, c)| c).collect()
            }
            None => picked,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Profile, Selection, Shard, id_matches};
    use crate::conformance::check::Suite;

    #[test]
    fn shard_parses_and_rejects() {
        assert_eq!("2/4".parse::<Shard>(), Ok(Shard { index: 2, count: 4 }));
        for bad in ["0/4", "5/4", "1/0", "x/2", "3", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
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
        let all = suite.select(&Selection::default()).unwrap();
        let mut seen = Vec::new();
        for k in 1..=3 {
            let sel = Selection { shard: Some(Shard { index: k, count: 3 }), ..Selection::default() };
            seen.extend(suite.select(&sel).unwrap().into_iter().map(|c| c.id.clone()));
        }
        seen.sort();
        assert_eq!(seen, all.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
        let documented = suite.select(&Selection { profile: Profile::Documented, ..Selection::default() }).unwrap();
        assert!(!documented.is_empty() && documented.len() < all.len());
        let none = Selection { filter: Some("no-such-check".into()), ..Selection::default() };
        assert!(suite.select(&none).is_err());
    }
}
