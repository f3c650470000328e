//! The jar's cookie collection: a `BTreeMap` by cookie identity plus the indexes that keep every write and read
//! O(log n) instead of a scan of the whole jar (a hostile page may write `document.cookie` 100 000 times).
//!
//! - the map is ordered by (domain, path, name, host-only), so the cookies of one domain are one range, and a URL's
//!   cookies are the ranges of the host and its dot-suffixes (exactly the domains that can domain-match it);
//! - `by_expiry` finds the expired cookies without looking at the live ones;
//! - `per_site` counts cookies per site (registrable domain, eTLD+1) for the per-domain limit;
//! - `secure_names` counts `Secure` cookies per name, so the "insecure write shadows a secure cookie" check
//!   (RFC 6265bis section 5.7 step 16) looks at the jar only when a secure cookie of that name exists.

use std::collections::{BTreeMap, BTreeSet};

use super::event::CookieView;
use crate::clock::VirtualTime;

/// A cookie's identity: RFC 6265bis section 5.7 step 22 (name, domain, host-only flag, path). The field order gives
/// the (domain, path, name) order of [`super::Jar::all`] and keeps each domain's cookies contiguous.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Key {
    pub(super) domain: String,
    pub(super) path: String,
    pub(super) name: String,
    pub(super) host_only: bool,
}

impl Key {
    pub(super) fn of(c: &CookieView) -> Key {
        Key { domain: c.domain.clone(), path: c.path.clone(), name: c.name.clone(), host_only: c.host_only }
    }

    /// The smallest key of `domain`: where its range starts.
    fn first_of(domain: &str) -> Key {
        Key { domain: domain.to_owned(), path: String::new(), name: String::new(), host_only: false }
    }
}

/// A stored cookie, its creation sequence number (ties on `created` keep insertion order) and when a page or request
/// last read it (the eviction order).
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) cookie: CookieView,
    pub(super) seq: u64,
    pub(super) last_access: VirtualTime,
}

/// The cookies and their indexes; every change goes through [`Cookies::insert`] and [`Cookies::remove`].
#[derive(Debug, Clone, Default)]
pub(super) struct Cookies {
    map: BTreeMap<Key, Entry>,
    by_expiry: BTreeSet<(VirtualTime, Key)>,
    per_site: BTreeMap<String, usize>,
    secure_names: BTreeMap<String, usize>,
}

/// The site a cookie domain belongs to for the per-domain limit: its registrable domain (eTLD+1), or the domain
/// itself when it has none (`localhost`, an IP address, a public suffix), as Chromium keys its per-domain limit.
pub(super) fn site_of(domain: &str) -> &str {
    let is_ip = domain.starts_with('[') || domain.parse::<std::net::IpAddr>().is_ok();
    if is_ip { domain } else { psl::domain_str(domain).unwrap_or(domain) }
}

fn bump(counts: &mut BTreeMap<String, usize>, key: &str, up: bool) {
    if up {
        *counts.entry(key.to_owned()).or_default() += 1;
    } else if let Some(n) = counts.get_mut(key) {
        *n -= 1;
        if *n == 0 {
            counts.remove(key);
        }
    }
}

impl Cookies {
    fn index(&mut self, key: &Key, entry: &Entry, add: bool) {
        if let Some(at) = entry.cookie.expires {
            if add {
                self.by_expiry.insert((at, key.clone()));
            } else {
                self.by_expiry.remove(&(at, key.clone()));
            }
        }
        bump(&mut self.per_site, site_of(&key.domain), add);
        if entry.cookie.secure {
            bump(&mut self.secure_names, &key.name, add);
        }
    }

    /// Stores `entry` under `key`, returning the entry it replaces.
    pub(super) fn insert(&mut self, key: Key, entry: Entry) -> Option<Entry> {
        let old = self.remove(&key);
        self.index(&key, &entry, true);
        self.map.insert(key, entry);
        old
    }

    /// Removes the cookie with this identity.
    pub(super) fn remove(&mut self, key: &Key) -> Option<Entry> {
        let old = self.map.remove(key)?;
        self.index(key, &old, false);
        Some(old)
    }

    pub(super) fn get(&self, key: &Key) -> Option<&Entry> {
        self.map.get(key)
    }

    /// Every cookie in key order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&Key, &Entry)> {
        self.map.iter()
    }

    pub(super) fn len(&self) -> usize {
        self.map.len()
    }

    /// Removes every cookie, returning them in key order.
    pub(super) fn take_all(&mut self) -> BTreeMap<Key, Entry> {
        let map = std::mem::take(&mut self.map);
        *self = Cookies::default();
        map
    }

    /// The keys of the cookies whose expiry is `<= now`, in key order.
    pub(super) fn expired(&self, now: VirtualTime) -> Vec<Key> {
        let mut dead: Vec<Key> =
            self.by_expiry.iter().take_while(|(at, _)| *at <= now).map(|(_, k)| k.clone()).collect();
        dead.sort();
        dead
    }

    /// The cookies stored for exactly `domain`.
    fn on_domain<'a, 'd>(&'a self, domain: &'d str) -> impl Iterator<Item = (&'a Key, &'a Entry)> + use<'a, 'd> {
        self.map.range(Key::first_of(domain)..).take_while(move |(k, _)| k.domain == domain)
    }

    /// Every cookie whose domain could domain-match `host`: those of the host and of each of its dot-suffixes (the
    /// matching rule compares strings, so no other stored domain can match). In key order per domain.
    pub(super) fn for_host<'a, 'h>(
        &'a self,
        host: &'h str,
    ) -> impl Iterator<Item = (&'a Key, &'a Entry)> + use<'a, 'h> {
        let suffixes = std::iter::once(host).chain(host.match_indices('.').map(move |(i, _)| &host[i + 1..]));
        suffixes.flat_map(move |d| self.on_domain(d))
    }

    /// How many cookies the site of `domain` holds.
    pub(super) fn site_len(&self, domain: &str) -> usize {
        self.per_site.get(site_of(domain)).copied().unwrap_or(0)
    }

    /// The cookies of the site of `domain`.
    pub(super) fn of_site(&self, domain: &str) -> Vec<(&Key, &Entry)> {
        let site = site_of(domain);
        self.map.iter().filter(|(k, _)| site_of(&k.domain) == site).collect()
    }

    /// Whether any `Secure` cookie is named `name`.
    pub(super) fn has_secure_named(&self, name: &str) -> bool {
        self.secure_names.contains_key(name)
    }

    /// Marks the cookie as read at `now`.
    pub(super) fn touch(&mut self, key: &Key, now: VirtualTime) {
        if let Some(e) = self.map.get_mut(key) {
            e.last_access = e.last_access.max(now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites_are_registrable_domains() {
        assert_eq!(site_of("a.b.example.co.uk"), "example.co.uk");
        assert_eq!(site_of("example.com"), "example.com");
        assert_eq!(site_of("localhost"), "localhost");
        assert_eq!(site_of("co.uk"), "co.uk");
        assert_eq!(site_of("10.0.0.1"), "10.0.0.1");
    }
}
