//! Unit tests of the jar: storage rules, virtual-time expiry, events and order.

use url::Url;

use super::*;
use crate::clock::VirtualTime;

fn url(s: &str) -> Url {
    Url::parse(s).expect("test url")
}

fn t(s: &str) -> VirtualTime {
    VirtualTime::parse(s).expect("test time")
}

const T0: &str = "2026-01-01T00:00:00Z";

fn refusals(jar: &mut Jar) -> Vec<Refusal> {
    jar.drain_events()
        .into_iter()
        .filter_map(|e| match e.change {
            CookieChange::Refused { reason } => Some(reason),
            _ => None,
        })
        .collect()
}

#[test]
fn lifetime_is_capped_at_400_days() {
    let (mut jar, now) = (Jar::new(), t(T0));
    let page = url("https://shop.example/");
    jar.store_set_cookie(&page, "a=1; Max-Age=999999999", now);
    jar.store_set_cookie(&page, "b=1; Expires=Fri, 01 Jan 2100 00:00:00 GMT", now);
    jar.store_set_cookie(&page, "c=1; Max-Age=3600", now);
    let cap = Some(now.plus_ms(MAX_LIFETIME_MS));
    assert_eq!(jar.get(&page, "a", now).expect("a").expires, cap);
    assert_eq!(jar.get(&page, "b", now).expect("b").expires, cap);
    assert_eq!(jar.get(&page, "c", now).expect("c").expires, Some(now.plus_ms(3_600_000)));
    assert_eq!(MAX_LIFETIME_MS, 400 * 86_400_000);
}

#[test]
fn lifetime_cap_is_configurable() {
    let (mut jar, now) = (Jar::new(), t(T0));
    let page = url("https://shop.example/");
    jar.set_lifetime_cap(7 * 86_400_000);
    jar.store_set_cookie(&page, "itp=1; Max-Age=39446190", now);
    assert_eq!(jar.get(&page, "itp", now).expect("itp").expires, Some(now.plus_ms(7 * 86_400_000)));
    jar.set_lifetime_cap(i64::MAX);
    jar.store_set_cookie(&page, "ce=1; Max-Age=39446190", now);
    assert_eq!(jar.get(&page, "ce", now).expect("ce").expires, Some(now.plus_ms(39_446_190_000)));
    assert_eq!(jar.lifetime_cap_ms(), i64::MAX);
}

#[test]
fn public_suffix_domains_are_refused() {
    let (mut jar, now) = (Jar::new(), t(T0));
    let page = url("https://www.example.co.uk/");
    jar.store_set_cookie(&page, "a=1; Domain=co.uk", now);
    jar.store_set_cookie(&page, "b=1; Domain=.uk", now);
    jar.set_from_document(&url("https://www.example.com/"), "c=1; domain=com", now);
    assert_eq!(refusals(&mut jar), [Refusal::PublicSuffix; 3]);
    jar.store_set_cookie(&page, "d=1; Domain=example.co.uk", now);
    let d = jar.get(&url("https://other.example.co.uk/"), "d", now).expect("domain cookie");
    assert_eq!((d.domain.as_str(), d.host_only), ("example.co.uk", false));
    // A Domain equal to a host that is itself a public suffix gives a host-only cookie (RFC 6265 5.3 step 5).
    jar.store_set_cookie(&url("https://github.io/"), "e=1; Domain=github.io", now);
    let e = jar.get(&url("https://github.io/"), "e", now).expect("host-only cookie");
    assert!(e.host_only);
    assert_eq!(jar.get(&url("https://me.github.io/"), "e", now), None);
}

#[test]
fn domain_attribute_must_match_the_host() {
    let (mut jar, now) = (Jar::new(), t(T0));
    jar.store_set_cookie(&url("https://a.shop.example/"), "x=1; Domain=b.shop.example", now);
    assert_eq!(refusals(&mut jar), [Refusal::DomainMismatch]);
    jar.store_set_cookie(&url("https://a.shop.example/"), "x=1; Domain=shop.example", now);
    assert!(jar.get(&url("https://b.shop.example/"), "x", now).is_some());
    jar.store_set_cookie(&url("https://a.shop.example/"), "y=1", now);
    assert!(jar.get(&url("https://b.shop.example/"), "y", now).is_none());
    jar.set_from_host(&url("file:///tmp/x.html"), "z=1", now);
    assert_eq!(refusals(&mut jar), [Refusal::NoHost]);
}

#[test]
fn cookie_prefixes() {
    let (mut jar, now) = (Jar::new(), t(T0));
    let page = url("https://shop.example/cart/");
    jar.store_set_cookie(&page, "__Secure-a=1", now);
    jar.store_set_cookie(&page, "__Host-b=1; Secure", now); // no Path=/
    jar.store_set_cookie(&page, "__Host-c=1; Secure; Path=/; Domain=shop.example", now);
    jar.store_set_cookie(&page, "__host-d=1; Path=/", now); // case-insensitive, not Secure
    jar.set_from_document(&page, "__Secure-e", now); // nameless with a prefix-like value
    let expected = [Refusal::SecurePrefix, Refusal::HostPrefix, Refusal::HostPrefix, Refusal::HostPrefix];
    assert_eq!(refusals(&mut jar), [&expected[..], &[Refusal::SecurePrefix]].concat());
    jar.store_set_cookie(&page, "__Secure-a=1; Secure; Domain=shop.example", now);
    jar.store_set_cookie(&page, "__Host-b=1; Secure; Path=/", now);
    assert!(refusals(&mut jar).is_empty());
    assert_eq!(jar.document_cookie(&page, now), "__Secure-a=1; __Host-b=1");
}

#[test]
fn http_only_is_invisible_and_untouchable_from_document() {
    let (mut jar, now) = (Jar::new(), t(T0));
    let page = url("https://shop.example/");
    jar.store_set_cookie(&page, "sid=s3cret; HttpOnly", now);
    jar.set_from_document(&page, "visible=1", now);
    assert_eq!(jar.document_cookie(&page, now), "visible=1");
    assert_eq!(jar.cookie_header(&page, true, now).as_deref(), Some("sid=s3cret; visible=1"));
    assert_eq!(jar.get(&page, "sid", now).map(|c| c.value), Some("s3cret".into()));
    jar.drain_events();
    jar.set_from_document(&page, "sid=forged", now);
    jar.set_from_document(&page, "other=1; HttpOnly", now);
    jar.set_from_document(&page, "sid=; Max-Age=0", now);
    let expected =
        [Refusal::OverwriteHttpOnlyFromDocument, Refusal::HttpOnlyFromDocument, Refusal::OverwriteHttpOnlyFromDocument];
    assert_eq!(refusals(&mut jar), expected);
    assert_eq!(jar.get(&page, "sid", now).map(|c| c.value), Some("s3cret".into()));
    jar.set_from_host(&page, "sid=rotated; HttpOnly", now);
    assert_eq!(jar.get(&page, "sid", now).map(|c| c.value), Some("rotated".into()));
}

#[test]
fn secure_needs_a_secure_url_except_localhost() {
    let (mut jar, now) = (Jar::new(), t(T0));
    jar.store_set_cookie(&url("http://shop.example/"), "a=1; Secure", now);
    jar.set_from_document(&url("http://shop.example/"), "b=1; Secure", now);
    assert_eq!(refusals(&mut jar), [Refusal::SecureFromInsecure; 2]);
    jar.store_set_cookie(&url("http://localhost:8080/"), "c=1; Secure", now);
    assert_eq!(jar.document_cookie(&url("http://localhost:8080/"), now), "c=1");
    jar.store_set_cookie(&url("https://shop.example/"), "d=1; Secure", now);
    assert_eq!(jar.cookie_header(&url("http://shop.example/"), true, now), None);
    assert_eq!(jar.cookie_header(&url("https://shop.example/"), true, now).as_deref(), Some("d=1"));
    // An insecure page may not shadow the Secure cookie (RFC 6265bis 5.7 step 16).
    jar.drain_events();
    jar.set_from_document(&url("http://shop.example/"), "d=evil", now);
    assert_eq!(refusals(&mut jar), [Refusal::OverwriteSecureFromInsecure]);
}

#[test]
fn same_site_is_kept_and_third_party_requests_withhold_lax_and_strict() {
    let (mut jar, now) = (Jar::new(), t(T0));
    let api = url("https://api.tracker.example/collect");
    for header in ["s=1; SameSite=Strict", "l=1; SameSite=lax", "n=1; SameSite=None; Secure", "u=1", "x=1; SameSite=x"]
    {
        jar.store_set_cookie(&api, header, now);
    }
    assert_eq!(jar.get(&api, "s", now).and_then(|c| c.same_site), Some(SameSite::Strict));
    assert_eq!(jar.get(&api, "l", now).and_then(|c| c.same_site), Some(SameSite::Lax));
    assert_eq!(jar.get(&api, "x", now).and_then(|c| c.same_site), None);
    assert_eq!(jar.cookie_header(&api, true, now).as_deref(), Some("s=1; l=1; n=1; u=1; x=1"));
    assert_eq!(jar.cookie_header(&api, false, now).as_deref(), Some("n=1; u=1; x=1"));
}

#[test]
fn expiry_is_judged_on_virtual_time_at_the_boundary() {
    let (mut jar, now) = (Jar::new(), t(T0));
    let page = url("https://shop.example/");
    jar.store_set_cookie(&page, "a=1; Max-Age=10", now);
    let expiry = now.plus_ms(10_000);
    assert!(jar.get(&page, "a", expiry.plus_ms(-1)).is_some());
    jar.drain_events();
    let later = expiry.plus_ms(50_000);
    assert!(jar.get(&page, "a", later).is_none());
    let events = jar.drain_events();
    assert_eq!(events.len(), 1);
    assert_eq!((events[0].change, events[0].at), (CookieChange::Expired, later));
    // Exactly at the expiry time the cookie is gone.
    jar.store_set_cookie(&page, "b=1; Max-Age=10", now);
    assert!(jar.visible(&page, now.plus_ms(10_000)).is_empty());
}

#[test]
fn virtual_2011_is_not_today() {
    let mut jar = Jar::new();
    let page = url("http://home.example.org/");
    jar.store_set_cookie(&page, "year=1; Max-Age=31536000", t("2011-01-01T00:00:00Z"));
    jar.store_set_cookie(&page, "june=1; Expires=Wed, 01 Jun 2011 00:00:00 GMT", t("2011-01-01T00:00:00Z"));
    assert_eq!(jar.document_cookie(&page, t("2011-05-31T23:59:59Z")), "year=1; june=1");
    assert_eq!(jar.document_cookie(&page, t("2011-12-31T00:00:00Z")), "year=1");
    assert_eq!(jar.document_cookie(&page, t("2012-01-02T00:00:00Z")), "");
}

#[test]
fn expired_events_are_sorted_and_stamped_with_the_observation_time() {
    let (mut jar, now) = (Jar::new(), t(T0));
    jar.store_set_cookie(&url("https://b.example/"), "z=1; Max-Age=1", now);
    jar.store_set_cookie(&url("https://a.example/x/"), "y=1; Max-Age=2", now);
    jar.store_set_cookie(&url("https://a.example/"), "y=1; Max-Age=3", now);
    jar.drain_events();
    let seen = now.plus_ms(3_600_000);
    assert!(jar.all(seen).is_empty());
    let got: Vec<(String, String, VirtualTime)> =
        jar.drain_events().into_iter().map(|e| (e.domain, e.path, e.at)).collect();
    let want = [("a.example", "/"), ("a.example", "/x"), ("b.example", "/")];
    assert_eq!(got, want.map(|(d, p)| (d.to_owned(), p.to_owned(), seen)));
}

#[test]
fn overwrite_keeps_creation_time_and_deletion_is_an_event() {
    let (mut jar, now) = (Jar::new(), t(T0));
    let page = url("https://shop.example/");
    jar.set_from_document(&page, "a=1", now);
    jar.set_from_document(&page, "a=2", now.plus_ms(5));
    let a = jar.get(&page, "a", now.plus_ms(5)).expect("a");
    assert_eq!((a.value.as_str(), a.created), ("2", now));
    jar.set_from_document(&page, "a=; expires=Thu, 01 Jan 1970 00:00:00 GMT", now.plus_ms(6));
    jar.set_from_document(&page, "never=; Max-Age=0", now.plus_ms(7));
    jar.set_from_document(&page, "", now.plus_ms(8));
    let changes: Vec<(CookieChange, Option<String>, VirtualTime)> =
        jar.drain_events().into_iter().map(|e| (e.change, e.value, e.at)).collect();
    let malformed = CookieChange::Refused { reason: Refusal::Malformed };
    let want = [
        (CookieChange::Set, Some("1".to_owned()), now),
        (CookieChange::Overwritten, Some("2".to_owned()), now.plus_ms(5)),
        (CookieChange::Deleted, None, now.plus_ms(6)),
        (malformed, None, now.plus_ms(8)),
    ];
    assert_eq!(changes, want);
    assert!(jar.all(now.plus_ms(9)).is_empty());
}

#[test]
fn document_cookie_is_in_browser_order() {
    let (mut jar, now) = (Jar::new(), t(T0));
    let page = url("https://shop.example/cart/items");
    jar.set_from_document(&page, "late=1; path=/", now.plus_ms(2));
    jar.set_from_document(&page, "deep=1", now.plus_ms(3)); // default path /cart
    jar.set_from_document(&page, "early=1; path=/", now.plus_ms(1));
    jar.set_from_document(&page, "tie=1; path=/", now.plus_ms(1));
    jar.set_from_document(&page, "deeper=1; path=/cart/items", now.plus_ms(4));
    jar.set_from_document(&page, "nameless", now.plus_ms(5));
    let got = jar.document_cookie(&page, now.plus_ms(6));
    assert_eq!(got, "deeper=1; deep=1; nameless; early=1; tie=1; late=1");
    let names: Vec<String> = jar.all(now.plus_ms(6)).into_iter().map(|c| format!("{}{}", c.path, c.name)).collect();
    assert_eq!(names, ["/early", "/late", "/tie", "/cart", "/cartdeep", "/cart/itemsdeeper"]);
}

#[test]
fn clear_deletes_everything_and_snapshot_round_trips() {
    let (mut jar, now) = (Jar::new(), t(T0));
    let page = url("https://shop.example/");
    jar.store_set_cookie(&page, "b=1; Max-Age=60; SameSite=Lax; HttpOnly", now);
    jar.store_set_cookie(&page, "a=1; Domain=shop.example", now);
    let snapshot = jar.snapshot();
    let json = serde_json::to_string(&snapshot).expect("serialise");
    let back: JarSnapshot = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(back, snapshot);
    let mut copy = Jar::from_snapshot(back);
    assert_eq!(copy.all(now), jar.all(now));
    assert!(copy.drain_events().is_empty());
    jar.drain_events();
    jar.clear(now);
    let deleted: Vec<(CookieChange, String)> = jar.drain_events().into_iter().map(|e| (e.change, e.name)).collect();
    assert_eq!(deleted, [(CookieChange::Deleted, "a".to_owned()), (CookieChange::Deleted, "b".to_owned())]);
    assert!(jar.all(now).is_empty());
    assert_eq!(snapshot.persistent_only().cookies.len(), 1);
}

#[test]
fn events_serialise_with_a_kind_tag() {
    let (mut jar, now) = (Jar::new(), t(T0));
    jar.store_set_cookie(&url("https://x.example/"), "a=1; Domain=other.example", now);
    let json = serde_json::to_value(jar.drain_events()).expect("serialise");
    let want = serde_json::json!([{
        "at": "2026-01-01T00:00:00.000Z", "change": {"kind": "refused", "reason": "domain_mismatch"},
        "name": "a", "domain": "other.example", "path": "", "value": "1", "source": "http"
    }]);
    assert_eq!(json, want);
}
