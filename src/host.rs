//! The state a session shares with its pages: clock, entropy, transcript and the browser profile settings.
//!
//! Pure Rust. Pages reach it through one typed handle, [`HostRef`], kept in the Boa context (see `web/`); the handle
//! is borrowed only for short, JS-free stretches, never while a script runs.
#![cfg_attr(
    not(feature = "bench-internals"),
    allow(unreachable_pub, reason = "public through `sdkhost::bench` with the bench-internals feature")
)]

use std::cell::{Ref, RefCell, RefMut};
use std::collections::BTreeMap;
use std::rc::Rc;

use sha2::{Digest, Sha256};

use crate::budget::{Budget, Budgets, Exceeded};
use crate::clock::{Clock, VirtualTime};
use crate::entropy::Entropy;
use crate::jar::Jar;
use crate::net::{CookieAccess, Egress, Exchange, Policy, StubTransport, Transport};
use crate::transcript::{Entry, Event, Transcript};

/// A current desktop Chrome on Windows, the default `navigator.userAgent`.
pub(crate) const DEFAULT_USER_AGENT: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

/// A script the session serves from a local file instead of the network (the SDK under test).
#[derive(Debug, Clone)]
pub struct MappedScript {
    /// A name for messages and stack traces (usually the file path as given).
    pub name: String,
    /// The source text.
    pub source: Rc<str>,
    /// SHA-256 of the source, lowercase hex.
    pub sha256: String,
}

impl MappedScript {
    /// A mapped script from its name and source.
    pub fn new(name: impl Into<String>, source: impl Into<Rc<str>>) -> Self {
        let source: Rc<str> = source.into();
        let sha256 = sha256_hex(&source);
        MappedScript { name: name.into(), source, sha256 }
    }
}

/// Sources hashed on this thread, with their SHA-256, up to this many bytes of source.
const SHA_MEMO_BYTES: usize = 8 << 20;

thread_local! {
    /// Every session of a suite or a replay maps the same SDK build, and hashing it again took a fortieth of a warm
    /// page (0.7 M instructions for ce.js): each thread remembers the digests of the sources it has hashed, matched
    /// on the whole text.
    static SHA_MEMO: RefCell<ShaMemo> = const { RefCell::new(ShaMemo { entries: Vec::new(), bytes: 0 }) };
}

/// Sources with their digests, oldest first, and the bytes of source they hold.
struct ShaMemo {
    entries: Vec<(Rc<str>, String)>,
    bytes: usize,
}

/// The SHA-256 of `source` as lowercase hex, from this thread's memo when it has hashed the same text before.
fn sha256_hex(source: &Rc<str>) -> String {
    SHA_MEMO.with_borrow_mut(|memo| {
        if let Some((_, digest)) = memo.entries.iter().find(|(known, _)| **known == **source) {
            return digest.clone();
        }
        let digest = hex(&Sha256::digest(source.as_bytes()));
        while memo.bytes + source.len() > SHA_MEMO_BYTES && !memo.entries.is_empty() {
            memo.bytes -= memo.entries.remove(0).0.len();
        }
        if source.len() <= SHA_MEMO_BYTES {
            memo.bytes += source.len();
            memo.entries.push((source.clone(), digest.clone()));
        }
        digest
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The browser profile: what the page sees of the browser itself.
#[derive(Debug, Clone)]
pub struct BrowserProfile {
    /// `navigator.userAgent`.
    pub user_agent: String,
    /// `navigator.language` (and first of `languages`).
    pub language: String,
    /// Time zone offset in minutes east of UTC (0 = UTC).
    pub tz_offset_minutes: i32,
    /// `screen.width` × `screen.height`.
    pub screen: (u32, u32),
    /// `innerWidth` × `innerHeight`.
    pub viewport: (u32, u32),
    /// Script URLs served from local sources.
    pub scripts: BTreeMap<String, MappedScript>,
}

impl Default for BrowserProfile {
    fn default() -> Self {
        BrowserProfile {
            user_agent: DEFAULT_USER_AGENT.to_owned(),
            language: "en-US".to_owned(),
            tz_offset_minutes: 0,
            screen: (1920, 1080),
            viewport: (1280, 720),
            scripts: BTreeMap::new(),
        }
    }
}

/// The state of one session, shared by its pages.
#[derive(Debug)]
pub struct Host {
    /// The virtual clock and its task queue.
    pub(crate) clock: Clock,
    /// All randomness.
    pub(crate) entropy: Entropy,
    /// What happened.
    pub(crate) transcript: Transcript,
    /// The browser profile.
    pub(crate) profile: BrowserProfile,
    /// The cookie jar.
    pub(crate) jar: Jar,
    /// The one door to the network.
    pub(crate) egress: Egress,
    /// A navigation the page asked for (`location.href = ...`), carried out by the session after the current step.
    pub(crate) pending_navigation: Option<PendingNavigation>,
    /// `localStorage` and `sessionStorage` of every origin.
    pub(crate) storage: crate::storage::Storage,
    /// What the next page to open starts with (referrer, title).
    pub(crate) page_init: PageInit,
    /// The limits of this session.
    pub(crate) budgets: Budgets,
    /// The budget that ended the session, once one has: pages stop running scripts, the session ends.
    pub(crate) stopped: Option<Exceeded>,
    /// Bytes of events recorded so far (as JSON), against [`Budgets::output_bytes`].
    output_bytes: u64,
    /// Sees every entry as it is recorded (the worker process streams them to its parent).
    tap: Option<Tap>,
}

/// A function that sees every transcript entry as it is recorded.
pub struct Tap(pub Box<dyn FnMut(&Entry)>);

impl std::fmt::Debug for Tap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tap")
    }
}

/// Counts the bytes written to it.
struct ByteCount(u64);

impl std::io::Write for ByteCount {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The document-level values a page starts with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PageInit {
    /// `document.referrer` (empty for a typed URL).
    pub referrer: String,
    /// `document.title` (empty when absent).
    pub title: String,
}

/// A navigation requested by the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PendingNavigation {
    /// Where to (`None` for `history.back()` past the first entry).
    pub url: Option<url::Url>,
    /// How.
    pub kind: NavigationKind,
}

/// How the page asked to navigate (`kind` of `H.navigate`; `open`, a new window, is never pending).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NavigationKind {
    /// `location.assign`, `location.href = ...`, a link, a form, a meta refresh to a URL.
    Assign,
    /// `location.replace`: the new document takes the current history entry.
    Replace,
    /// `location.reload()`, or a meta refresh without a URL.
    Reload,
    /// `history.back()` past the first entry of the page.
    Back,
}

impl Host {
    /// A host at `start` with `seed`, the stub transport and the default consent policy.
    pub fn new(start: VirtualTime, seed: u64, profile: BrowserProfile) -> Self {
        Host {
            clock: Clock::new(start),
            entropy: Entropy::new(seed),
            transcript: Transcript::new(),
            profile,
            jar: Jar::new(),
            egress: Egress::new(Policy::default(), Box::new(StubTransport::default())),
            pending_navigation: None,
            storage: crate::storage::Storage::new(),
            page_init: PageInit::default(),
            budgets: Budgets::default(),
            stopped: None,
            output_bytes: 0,
            tap: None,
        }
    }

    /// Lets `tap` see every entry recorded from now on.
    pub fn set_tap(&mut self, tap: Tap) {
        self.tap = Some(tap);
    }

    /// Ends the session on `budget`: records it (once: the first budget to run out is the one that ended it).
    pub fn exceed(&mut self, budget: Budget) {
        if self.stopped.is_some() {
            return;
        }
        let limit = budget.limit(&self.budgets);
        self.stopped = Some(Exceeded { budget, limit });
        let at = self.clock.now();
        self.store(Entry { at, event: Event::BudgetExceeded { budget, limit } });
    }

    /// Records an entry within the output budget; past it, the session is stopped and later entries are dropped.
    fn push(&mut self, at: VirtualTime, event: Event) {
        if matches!(self.stopped, Some(Exceeded { budget: Budget::OutputBytes, .. })) {
            return;
        }
        let entry = Entry { at, event };
        let mut count = ByteCount(0);
        // Serialising into a counter cannot fail (the events are plain data).
        let _ = serde_json::to_writer(&mut count, &entry);
        self.output_bytes += count.0;
        if self.output_bytes > self.budgets.output_bytes {
            self.exceed(Budget::OutputBytes);
            return;
        }
        self.store(entry);
    }

    fn store(&mut self, entry: Entry) {
        if let Some(tap) = &mut self.tap {
            (tap.0)(&entry);
        }
        self.transcript.push(entry);
    }

    /// Replaces the policy and transport of the gate.
    pub fn set_network(&mut self, policy: Policy, transport: Box<dyn Transport>) {
        self.egress = Egress::new(policy, transport);
    }

    /// Moves the jar's change events into the transcript, each at the virtual time it happened.
    pub fn flush_cookie_events(&mut self) {
        for e in self.jar.drain_events() {
            let event = Event::Cookie {
                change: e.change,
                name: e.name,
                domain: e.domain,
                path: e.path,
                value: e.value,
                source: e.source,
            };
            self.push(e.at, event);
        }
    }

    /// Submits a request through the gate, recording the decision (and the cookie changes it caused).
    pub fn submit(&mut self, req: crate::net::Request) -> Exchange {
        let now = self.clock.now();
        let exchange = self.egress.submit(req, &mut JarAccess(&mut self.jar), now);
        self.flush_cookie_events();
        // The transcript keeps a bounded copy of the body: 20 blocked 16 MiB beacons must not need GBs.
        let recorded = exchange.recorded(self.budgets.body_record_bytes);
        self.push(now, Event::Request(Box::new(recorded)));
        exchange
    }

    /// Delivers an exchange's outcome to the page's side: stores its `Set-Cookie` headers and records the delivery.
    pub fn deliver(&mut self, exchange: &Exchange) {
        let now = self.clock.now();
        self.egress.accept_response(exchange, &mut JarAccess(&mut self.jar), now);
        self.flush_cookie_events();
        let (status, error) = match &exchange.outcome {
            Some(crate::net::Outcome::Response(r)) => (Some(r.status), None),
            Some(crate::net::Outcome::NetworkError(e)) => (None, Some(e.clone())),
            None => (None, Some("blocked by the consent gate".to_owned())),
        };
        self.push(now, Event::Delivered { id: exchange.request.id, status, error });
    }

    /// The current virtual time.
    pub fn now(&self) -> VirtualTime {
        self.clock.now()
    }

    /// Records `event` at the current virtual time.
    pub fn record(&mut self, event: Event) {
        let now = self.clock.now();
        self.push(now, event);
    }
}

/// The shared handle to a session's [`Host`].
#[derive(Debug, Clone)]
pub struct HostRef(Rc<RefCell<Host>>);

impl HostRef {
    /// Wraps a host.
    pub fn new(host: Host) -> Self {
        HostRef(Rc::new(RefCell::new(host)))
    }

    /// Borrows the host for reading.
    ///
    /// # Panics
    /// If it is borrowed for writing (a bug: borrows never span JS).
    pub fn get(&self) -> Ref<'_, Host> {
        self.0.borrow()
    }

    /// Borrows the host for writing.
    ///
    /// # Panics
    /// If it is borrowed already (a bug: borrows never span JS).
    pub fn get_mut(&self) -> RefMut<'_, Host> {
        self.0.borrow_mut()
    }

    /// Whether a budget has ended the session (false while the host is borrowed for writing).
    pub fn is_stopped(&self) -> bool {
        self.0.try_borrow().is_ok_and(|h| h.stopped.is_some())
    }

    /// The current virtual time, or `None` while the host is borrowed for writing.
    pub fn try_now(&self) -> Option<VirtualTime> {
        self.0.try_borrow().ok().map(|h| h.now())
    }
}

/// The jar as the gate sees it.
struct JarAccess<'a>(&'a mut Jar);

impl CookieAccess for JarAccess<'_> {
    fn visible_cookies(&mut self, url: &url::Url, now: VirtualTime) -> Vec<(String, String)> {
        self.0.visible(url, now).into_iter().map(|c| (c.name, c.value)).collect()
    }

    fn cookie_header(&mut self, url: &url::Url, same_site: bool, now: VirtualTime) -> Option<String> {
        self.0.cookie_header(url, same_site, now)
    }

    fn store_set_cookie(&mut self, url: &url::Url, header: &str, now: VirtualTime) {
        self.0.store_set_cookie(url, header, now);
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::{MappedScript, SHA_MEMO, SHA_MEMO_BYTES};

    const ABC: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    #[test]
    fn digests_come_from_the_memo_only_for_the_same_text() {
        assert_eq!(MappedScript::new("a.js", "abc").sha256, ABC);
        // Another allocation of the same text: the memo's digest; another text of the same length: its own.
        assert_eq!(MappedScript::new("b.js", String::from("abc")).sha256, ABC);
        assert_eq!(
            MappedScript::new("c.js", "abd").sha256,
            "a52d159f262b2c6ddb724a61840befc36eb30c88877a4030b65cbe86298449c9"
        );
        assert_eq!(
            MappedScript::new("d.js", "").sha256,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn the_memo_stays_under_its_byte_bound() {
        let big: Rc<str> = "x".repeat(SHA_MEMO_BYTES / 3).into();
        for i in 0..5 {
            MappedScript::new("big.js", format!("{i}{big}"));
        }
        let (memo, bytes) = SHA_MEMO.with_borrow(|m| (m.entries.len(), m.bytes));
        assert!(bytes <= SHA_MEMO_BYTES, "{bytes} bytes remembered");
        assert_eq!(bytes, SHA_MEMO.with_borrow(|m| m.entries.iter().map(|(s, _)| s.len()).sum::<usize>()));
        assert!(memo >= 2, "the newest sources stay");
        assert_eq!(MappedScript::new("abc.js", "abc").sha256, ABC, "still right after evictions");
    }
}
