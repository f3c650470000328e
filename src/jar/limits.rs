//! The jar's size limits and eviction order, Chromium's (`net/cookies/cookie_monster.cc`), which RFC 6265bis
//! section 5.7 leaves to the user agent ("user agents SHOULD ... at least 50 cookies per domain, 3000 cookies
//! total"):
//!
//! - **Per site** (registrable domain, eTLD+1): above [`SITE_MAX`] = 180 cookies, evict down to 150. Expired cookies
//!   are already gone (every write first drops them). Chromium then evicts by priority, least recently accessed
//!   first, non-`Secure` before `Secure`, sparing the 50 most recently accessed cookies of the Medium priority. The
//!   jar does not read the `Priority` attribute (every cookie is Medium, Chromium's default), so this is: spare the
//!   50 most recently accessed, then evict non-`Secure` cookies least recently accessed first, then `Secure` ones.
//! - **In all**: above [`TOTAL_MAX`] = 3300 cookies, evict the least recently accessed down to 3000. Chromium spares
//!   cookies accessed in the last 30 days from this purge (so its jar can grow past the limit); the jar does not,
//!   so its size stays bounded whatever a page does.
//! - **Per cookie**: name plus value at most 4096 bytes, an attribute value at most 1024 bytes (enforced by the
//!   parser, [`super::parse`]).
//!
//! "Accessed" means set, or read by `document.cookie` or sent in a `Cookie` header; ties go to the older cookie.
//! Each eviction is an `evicted` event.

use super::event::{CookieChange, CookieSource};
use super::index::Key;
use super::store::Jar;
use crate::clock::VirtualTime;

/// The most cookies one site may hold (Chromium's `kDomainMaxCookies`).
pub(crate) const SITE_MAX: usize = 180;
/// What a site is purged down to (`kDomainMaxCookies - kDomainPurgeCookies`).
const SITE_PURGED: usize = 150;
/// The most recently accessed cookies of a site spared by its purge (`kDomainCookiesQuotaMedium`).
const SITE_SPARED: usize = 50;
/// The most cookies the jar holds (Chromium's `kMaxCookies`).
pub(crate) const TOTAL_MAX: usize = 3300;
/// What the jar is purged down to (`kMaxCookies - kPurgeCookies`).
const TOTAL_PURGED: usize = 3000;

impl Jar {
    /// Evicts after a new cookie was stored on `domain`, if the site or the jar is over its limit.
    pub(super) fn enforce_limits(&mut self, domain: &str, now: VirtualTime) {
        if self.cookies.site_len(domain) > SITE_MAX {
            let mut site: Vec<(Key, bool, (VirtualTime, u64))> = self
                .cookies
                .of_site(domain)
                .into_iter()
                .map(|(k, e)| (k.clone(), e.cookie.secure, (e.last_access, e.seq)))
                .collect();
            site.sort_by_key(|(_, _, order)| *order);
            let goal = site.len() - SITE_PURGED;
            let candidates = &site[..site.len() - SITE_SPARED];
            let insecure = candidates.iter().filter(|(_, secure, _)| !secure);
            let secure = candidates.iter().filter(|(_, secure, _)| *secure);
            let victims: Vec<Key> = insecure.chain(secure).take(goal).map(|(k, _, _)| k.clone()).collect();
            self.evict(&victims, now);
        }
        if self.cookies.len() > TOTAL_MAX {
            let mut all: Vec<(Key, (VirtualTime, u64))> =
                self.cookies.iter().map(|(k, e)| (k.clone(), (e.last_access, e.seq))).collect();
            all.sort_by_key(|(_, order)| *order);
            let goal = all.len() - TOTAL_PURGED;
            let victims: Vec<Key> = all.into_iter().take(goal).map(|(k, _)| k).collect();
            self.evict(&victims, now);
        }
    }

    fn evict(&mut self, victims: &[Key], now: VirtualTime) {
        for key in victims {
            if let Some(entry) = self.cookies.remove(key) {
                self.record(now, CookieChange::Evicted, &entry.cookie, None, CookieSource::Host);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use url::Url;

    use super::*;
    use crate::clock::DEFAULT_START;

    fn url(s: &str) -> Url {
        Url::parse(s).expect("test url")
    }

    fn evicted(jar: &mut Jar) -> Vec<String> {
        let events = jar.drain_events().into_iter();
        events.filter(|e| e.change == CookieChange::Evicted).map(|e| e.name).collect()
    }

    #[test]
    fn a_site_over_180_cookies_loses_the_least_recently_accessed_non_secure_ones_first() {
        let (mut jar, page) = (Jar::new(), url("https://shop.example.com/"));
        let mut now = DEFAULT_START;
        jar.store_set_cookie(&page, "secure0=1; Secure", now);
        let keep = url("https://keep.example.com/");
        jar.store_set_cookie(&keep, "c1=1", now);
        for i in 2..SITE_MAX {
            now = now.plus_ms(1);
            jar.store_set_cookie(&url("https://a.example.com/"), &format!("c{i}=1"), now);
        }
        assert_eq!(jar.all(now).len(), SITE_MAX);
        // Reading c1 makes it recently accessed: it survives the purge.
        now = now.plus_ms(1);
        assert_eq!(jar.cookie_header(&keep, true, now).as_deref(), Some("c1=1"));
        assert!(evicted(&mut jar).is_empty());
        // Another site's cookies do not count towards this one's limit.
        jar.store_set_cookie(&url("https://other.example/"), "x=1", now);
        now = now.plus_ms(1);
        jar.set_from_document(&page, "last=1", now);
        let gone = evicted(&mut jar);
        assert_eq!(gone.len(), SITE_MAX + 1 - SITE_PURGED);
        assert!(!gone.contains(&"secure0".to_owned()) && !gone.contains(&"c1".to_owned()), "{gone:?}");
        assert!(!gone.contains(&"last".to_owned()), "{gone:?}");
        assert_eq!(gone.first().map(String::as_str), Some("c2"));
        assert_eq!(jar.all(now).len(), SITE_PURGED + 1);
        assert!(jar.get(&url("https://other.example/"), "x", now).is_some());
    }

    #[test]
    fn secure_cookies_go_only_when_no_insecure_one_is_left_to_evict() {
        let (mut jar, page) = (Jar::new(), url("https://example.com/"));
        let mut now = DEFAULT_START;
        for i in 0..=SITE_MAX {
            now = now.plus_ms(1);
            let secure = if i < 170 { "; Secure" } else { "" };
            jar.store_set_cookie(&page, &format!("c{i}=1{secure}"), now);
        }
        let gone = evicted(&mut jar);
        assert_eq!(gone.len(), SITE_MAX + 1 - SITE_PURGED);
        // The 11 insecure cookies are among the 50 spared; so only the oldest secure ones go.
        assert_eq!(gone, (0..31).map(|i| format!("c{i}")).collect::<Vec<_>>());
    }

    #[test]
    fn the_whole_jar_stays_within_3300_cookies() {
        let mut jar = Jar::new();
        let now = DEFAULT_START;
        for site in 0..40 {
            for i in 0..100 {
                jar.store_set_cookie(&url(&format!("https://s{site}.example/")), &format!("c{i}=1"), now);
            }
        }
        let gone = evicted(&mut jar);
        assert_eq!(jar.all(now).len(), 4000 - gone.len());
        assert!(jar.all(now).len() <= TOTAL_MAX);
        // The oldest site went first.
        assert!(jar.get(&url("https://s0.example/"), "c0", now).is_none());
        assert!(jar.get(&url("https://s39.example/"), "c99", now).is_some());
    }

    #[test]
    fn a_hundred_thousand_document_cookie_writes_stay_fast_and_bounded() {
        let (mut jar, page) = (Jar::new(), url("https://shop.example/"));
        let mut now = DEFAULT_START;
        for i in 0..100_000u32 {
            now = now.plus_ms(1);
            jar.set_from_document(&page, &format!("k{}=v{i}; Max-Age=60", i % 5000), now);
            if i % 1000 == 0 {
                jar.document_cookie(&page, now);
                jar.drain_events();
            }
        }
        assert!(jar.all(now).len() <= SITE_MAX);
    }
}
