//! [`SessionBuilder`]: the settings of a [`Session`] before it starts, each with its default.

use std::rc::Rc;

use super::Session;
use crate::budget::Budgets;
use crate::clock::{DEFAULT_START, VirtualTime};
use crate::host::{BrowserProfile, Host, MappedScript};
use crate::net::{Policy, StubTransport, Transport};
use crate::transcript::Event;

/// Builds a [`Session`]. Every setter documents its default.
pub struct SessionBuilder {
    seed: u64,
    start: VirtualTime,
    profile: BrowserProfile,
    policy: Policy,
    transport: Box<dyn Transport>,
    lifetime_cap_ms: Option<i64>,
    budgets: Budgets,
}

impl std::fmt::Debug for SessionBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionBuilder").field("seed", &self.seed).field("start", &self.start).finish_non_exhaustive()
    }
}

impl Default for SessionBuilder {
    fn default() -> Self {
        SessionBuilder {
            seed: 0,
            start: DEFAULT_START,
            profile: BrowserProfile::default(),
            policy: Policy::default(),
            transport: Box::new(StubTransport::default()),
            lifetime_cap_ms: None,
            budgets: Budgets::default(),
        }
    }
}

impl SessionBuilder {
    /// The seed of all randomness. Defaults to 0.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// The virtual clock at the start. Defaults to 2026-01-01T00:00:00Z.
    pub fn clock_start(mut self, start: VirtualTime) -> Self {
        self.start = start;
        self
    }

    /// Time zone offset in minutes east of UTC. Defaults to 0 (UTC).
    pub fn tz_offset_minutes(mut self, minutes: i32) -> Self {
        self.profile.tz_offset_minutes = minutes;
        self
    }

    /// `navigator.userAgent`. Defaults to a current desktop Chrome.
    pub fn user_agent(mut self, ua: impl Into<String>) -> Self {
        self.profile.user_agent = ua.into();
        self
    }

    /// Serves `url` from `source` instead of the network (the SDK under test). Defaults to none.
    pub fn script(mut self, url: impl Into<String>, name: impl Into<String>, source: impl Into<Rc<str>>) -> Self {
        self.profile.scripts.insert(url.into(), MappedScript::new(name, source));
        self
    }

    /// The consent policy of the gate. Defaults to cookie `ce.tracking-opt-in` = `true`, any host.
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// Where allowed requests go. Defaults to the stub (`200 {}` after 20 ms).
    pub fn transport(mut self, transport: Box<dyn Transport>) -> Self {
        self.transport = transport;
        self
    }

    /// The longest cookie lifetime, in ms. Defaults to 400 days (RFC 6265bis, as Chrome and Firefox cap it).
    pub fn cookie_lifetime_cap_ms(mut self, cap_ms: i64) -> Self {
        self.lifetime_cap_ms = Some(cap_ms);
        self
    }

    /// The limits of the session (see `crate::budget`). Defaults to [`Budgets::default()`].
    pub fn budgets(mut self, budgets: Budgets) -> Self {
        self.budgets = budgets;
        self
    }

    /// Builds the session (no page is open yet).
    pub fn build(self) -> Session {
        let mut host = Host::new(self.start, self.seed, self.profile);
        host.budgets = self.budgets;
        host.set_network(self.policy, self.transport);
        if let Some(cap) = self.lifetime_cap_ms {
            host.jar.set_lifetime_cap(cap);
        }
        let event = Event::SessionStarted {
            seed: self.seed,
            clock_start: self.start,
            tz_offset_minutes: host.profile.tz_offset_minutes,
            user_agent: host.profile.user_agent.clone(),
        };
        host.record(event);
        Session::over(host)
    }
}
