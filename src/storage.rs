//! Web Storage (`localStorage`, `sessionStorage`) as plain data: one key/value area per origin and kind, with the
//! browser's quota. Pure Rust; `web/storage.rs` is the JS glue.
//!
//! - `localStorage` lives as long as the session and is saved in the profile file ([`Storage::local_snapshot`],
//!   [`Storage::restore_local`]); `sessionStorage` belongs to the session's one tab and is never saved.
//! - Keys iterate in code point order (`key(i)`, `length`), which is what Chrome's sorted map gives for all but
//!   astral keys; the order is deterministic either way.
//! - The quota is Chrome's: 5 MiB per origin and area, counting 2 bytes per UTF-16 code unit of every key and value.
//! - Values are Rust strings: a lone surrogate in a JS string is stored as U+FFFD.

use std::collections::BTreeMap;

/// Bytes one origin may keep in one area (Chrome: 5 MiB, UTF-16).
pub(crate) const QUOTA_BYTES: usize = 5 * 1024 * 1024;

/// Which storage area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Area {
    /// `localStorage`: per origin, for the whole session, saved in the profile.
    Local,
    /// `sessionStorage`: per origin, for the session's tab.
    Session,
}

/// A `setItem` that would pass the quota (a `QuotaExceededError` in the page); nothing was stored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("quota exceeded: {needed} bytes needed, {QUOTA_BYTES} allowed")]
pub(crate) struct QuotaExceeded {
    /// What the origin's area would hold after the write, in bytes.
    pub needed: usize,
}

/// The key/value pairs of one origin in one area.
type Items = BTreeMap<String, String>;

/// Every storage area of a session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Storage {
    local: BTreeMap<String, Items>,
    session: BTreeMap<String, Items>,
}

/// The size Chrome charges for a string: 2 bytes per UTF-16 code unit.
fn cost(s: &str) -> usize {
    s.encode_utf16().count() * 2
}

fn used(items: &Items) -> usize {
    items.iter().map(|(k, v)| cost(k) + cost(v)).sum()
}

impl Storage {
    /// Empty storage.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    fn areas(&self, area: Area) -> &BTreeMap<String, Items> {
        match area {
            Area::Local => &self.local,
            Area::Session => &self.session,
        }
    }

    fn areas_mut(&mut self, area: Area) -> &mut BTreeMap<String, Items> {
        match area {
            Area::Local => &mut self.local,
            Area::Session => &mut self.session,
        }
    }

    /// `getItem(key)`.
    pub(crate) fn get(&self, area: Area, origin: &str, key: &str) -> Option<&str> {
        self.areas(area).get(origin)?.get(key).map(String::as_str)
    }

    /// `setItem(key, value)`.
    ///
    /// # Errors
    /// [`QuotaExceeded`] when the origin's area would pass [`QUOTA_BYTES`]; the area is left unchanged.
    pub(crate) fn set(&mut self, area: Area, origin: &str, key: &str, value: &str) -> Result<(), QuotaExceeded> {
        let items = self.areas_mut(area).entry(origin.to_owned()).or_default();
        let old = items.get(key).map_or(0, |v| cost(key) + cost(v));
        let needed = used(items) - old + cost(key) + cost(value);
        if needed > QUOTA_BYTES {
            return Err(QuotaExceeded { needed });
        }
        items.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    /// `removeItem(key)`.
    pub(crate) fn remove(&mut self, area: Area, origin: &str, key: &str) {
        let areas = self.areas_mut(area);
        if let Some(items) = areas.get_mut(origin) {
            items.remove(key);
            if items.is_empty() {
                areas.remove(origin);
            }
        }
    }

    /// `clear()` of one origin's area.
    pub(crate) fn clear_area(&mut self, area: Area, origin: &str) {
        self.areas_mut(area).remove(origin);
    }

    /// The keys of an origin's area, in `key(i)` order.
    pub(crate) fn keys(&self, area: Area, origin: &str) -> Vec<&str> {
        self.areas(area).get(origin).map(|items| items.keys().map(String::as_str).collect()).unwrap_or_default()
    }

    /// `length`.
    pub(crate) fn len(&self, area: Area, origin: &str) -> usize {
        self.areas(area).get(origin).map_or(0, BTreeMap::len)
    }

    /// `key(index)`.
    pub(crate) fn key(&self, area: Area, origin: &str, index: usize) -> Option<&str> {
        self.areas(area).get(origin)?.keys().nth(index).map(String::as_str)
    }

    /// Bytes an origin's area uses against the quota.
    #[cfg(test)]
    pub(crate) fn used_bytes(&self, area: Area, origin: &str) -> usize {
        self.areas(area).get(origin).map_or(0, used)
    }

    /// Clears both areas of `origin` (`https://shop.example`), or of every origin with `None` (the session's
    /// "clear storage" step).
    pub(crate) fn clear(&mut self, origin: Option<&str>) {
        match origin {
            Some(origin) => {
                self.local.remove(origin);
                self.session.remove(origin);
            }
            None => {
                self.local.clear();
                self.session.clear();
            }
        }
    }

    /// `localStorage` of every origin, for the profile file: origin to key to value.
    pub(crate) fn local_snapshot(&self) -> BTreeMap<String, BTreeMap<String, String>> {
        self.local.clone()
    }

    /// Replaces `localStorage` with a profile's (`sessionStorage` is untouched). Empty origins are dropped.
    pub(crate) fn restore_local(&mut self, local: BTreeMap<String, BTreeMap<String, String>>) {
        self.local = local.into_iter().filter(|(_, items)| !items.is_empty()).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const O: &str = "https://shop.example";

    #[test]
    fn set_get_remove_and_order() {
        let mut s = Storage::new();
        s.set(Area::Local, O, "b", "2").unwrap();
        s.set(Area::Local, O, "a", "1").unwrap();
        assert_eq!(s.get(Area::Local, O, "a"), Some("1"));
        assert_eq!(s.keys(Area::Local, O), ["a", "b"]);
        assert_eq!(s.key(Area::Local, O, 1), Some("b"));
        assert_eq!(s.key(Area::Local, O, 2), None);
        assert_eq!(s.len(Area::Local, O), 2);
        s.remove(Area::Local, O, "a");
        assert_eq!(s.get(Area::Local, O, "a"), None);
        assert_eq!(s.len(Area::Local, O), 1);
    }

    #[test]
    fn areas_and_origins_are_separate() {
        let mut s = Storage::new();
        s.set(Area::Local, O, "k", "local").unwrap();
        s.set(Area::Session, O, "k", "session").unwrap();
        s.set(Area::Local, "https://other.example", "k", "other").unwrap();
        assert_eq!(s.get(Area::Local, O, "k"), Some("local"));
        assert_eq!(s.get(Area::Session, O, "k"), Some("session"));
        assert_eq!(s.get(Area::Local, "https://other.example", "k"), Some("other"));
        s.clear_area(Area::Session, O);
        assert_eq!(s.get(Area::Session, O, "k"), None);
        assert_eq!(s.get(Area::Local, O, "k"), Some("local"));
    }

    #[test]
    fn quota_counts_utf16_code_units_twice() {
        let mut s = Storage::new();
        s.set(Area::Local, O, "ab", "é😀").unwrap();
        assert_eq!(s.used_bytes(Area::Local, O), (2 + 3) * 2);
        let half = "x".repeat(QUOTA_BYTES / 2 - 1);
        s.clear(None);
        s.set(Area::Local, O, "k", &half).unwrap();
        assert_eq!(s.used_bytes(Area::Local, O), QUOTA_BYTES);
        let err = s.set(Area::Local, O, "k2", "y").unwrap_err();
        assert_eq!(err.needed, QUOTA_BYTES + 6);
        assert_eq!(s.get(Area::Local, O, "k2"), None, "a refused write stores nothing");
        // Replacing a value is charged only the difference; other origins have their own quota.
        s.set(Area::Local, O, "k", "small").unwrap();
        s.set(Area::Local, "https://other.example", "k", &half).unwrap();
        assert!(s.set(Area::Session, O, "k", &half).is_ok());
    }

    #[test]
    fn clear_one_origin_or_all_and_snapshot() {
        let mut s = Storage::new();
        s.set(Area::Local, O, "k", "v").unwrap();
        s.set(Area::Session, O, "k", "v").unwrap();
        s.set(Area::Local, "https://other.example", "k", "v").unwrap();
        s.clear(Some(O));
        assert_eq!(s.len(Area::Local, O), 0);
        assert_eq!(s.len(Area::Session, O), 0);
        let snap = s.local_snapshot();
        assert_eq!(snap.keys().collect::<Vec<_>>(), ["https://other.example"]);
        let mut restored = Storage::new();
        restored.set(Area::Session, O, "tab", "1").unwrap();
        let mut with_empty = snap.clone();
        with_empty.insert("https://empty.example".into(), BTreeMap::new());
        restored.restore_local(with_empty);
        assert_eq!(restored.local_snapshot(), snap);
        assert_eq!(restored.get(Area::Session, O, "tab"), Some("1"));
        s.clear(None);
        assert_eq!(s, Storage::new());
    }
}
