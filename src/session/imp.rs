//! [`Session`] and its by-value [`SessionBuilder`].

use std::rc::Rc;

use url::Url;

use super::script::HostEvent;
use crate::budget::{Budgets, Exceeded};
use crate::clock::{DEFAULT_START, VirtualTime};
use crate::host::{BrowserProfile, Host, HostRef, MappedScript, NavigationKind, PageInit};
use crate::jar::ProfileFile;
use crate::net::{Policy, StubRule, StubTransport, Transport, TransportError};
use crate::page::{EventTarget, Page, PageError};
use crate::transcript::{Event, PageCause, Transcript};

/// What can go wrong driving a session (page scripts that throw are not errors: they are transcript events).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SessionError {
    /// A URL could not be parsed.
    #[error("bad url {url:?}: {reason}")]
    BadUrl {
        /// The input.
        url: String,
        /// Why.
        reason: String,
    },
    /// A step needs a page and none is open.
    #[error("no page is open: load a URL first")]
    NoPage,
    /// There is no earlier page to go back to.
    #[error("no earlier page to go back to")]
    NoHistory,
    /// The stub rules could not be used, or the transport is not the stub.
    #[error("transport: {0}")]
    Transport(#[from] TransportError),
    /// `respond` needs the stub transport.
    #[error("respond: the session's transport is {0}, not stub")]
    NotStub(String),
    /// The page could not be set up.
    #[error(transparent)]
    Page(#[from] PageError),
    /// A budget ran out: the session ends here (recorded as a `budget_exceeded` event).
    #[error(transparent)]
    Budget(#[from] Exceeded),
    /// A script the step ran threw (recorded in the transcript too).
    #[error("the page threw: {0}")]
    Script(String),
}

/// How pages of a site are set up: inline scripts that run on every load of that site (the SDK snippet).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageTemplate {
    /// Inline scripts (name, source), run in order while the document is loading.
    pub scripts: Vec<(String, String)>,
    /// `document.title`.
    pub title: String,
}

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

    /// The limits of the session (see [`crate::budget`]). Defaults to [`Budgets::default()`].
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
        Session { host: HostRef::new(host), page: None, history: Vec::new(), template: PageTemplate::default() }
    }
}

/// One browser profile driven step by step: pages come and go, the clock, jar and transcript carry on.
#[derive(Debug)]
pub struct Session {
    host: HostRef,
    page: Option<Page>,
    history: Vec<Url>,
    template: PageTemplate,
}

fn parse_url(text: &str) -> Result<Url, SessionError> {
    Url::parse(text).map_err(|e| SessionError::BadUrl { url: text.to_owned(), reason: e.to_string() })
}

/// `document.referrer` for a link from `from` to `to` (strict-origin-when-cross-origin, the browsers' default).
fn referrer(from: &Url, to: &Url) -> String {
    if from.scheme() == "https" && to.scheme() == "http" {
        String::new()
    } else if from.origin() == to.origin() {
        // The referrer never carries the fragment or credentials.
        let mut clean = from.clone();
        clean.set_fragment(None);
        let _ = clean.set_username("");
        let _ = clean.set_password(None);
        clean.to_string()
    } else {
        format!("{}/", from.origin().ascii_serialization())
    }
}

impl Session {
    /// A builder with every default.
    pub fn builder() -> SessionBuilder {
        SessionBuilder::default()
    }

    /// The shared host state.
    pub(crate) fn host(&self) -> &HostRef {
        &self.host
    }

    /// The open page, if any.
    pub fn page(&mut self) -> Option<&mut Page> {
        self.page.as_mut()
    }

    fn page_or_err(&mut self) -> Result<&mut Page, SessionError> {
        self.page.as_mut().ok_or(SessionError::NoPage)
    }

    /// The URL of the open page.
    pub fn url(&self) -> Option<Url> {
        self.page.as_ref().map(Page::current_url)
    }

    /// Loads `url` as a new document, runs `inline` scripts in order (name, source), and finishes loading.
    /// The scripts become the template for later reloads and same-site navigations the page makes.
    ///
    /// # Errors
    /// A bad URL, or a page that cannot be set up.
    pub fn load(&mut self, url: &str, inline: &[(String, String)]) -> Result<(), SessionError> {
        let template = PageTemplate { scripts: inline.to_vec(), title: self.template.title.clone() };
        self.load_with(url, template, String::new())
    }

    /// Loads `url` with a page template and referrer.
    ///
    /// # Errors
    /// A bad URL, or a page that cannot be set up.
    pub fn load_with(&mut self, url: &str, template: PageTemplate, referrer: String) -> Result<(), SessionError> {
        self.go(url, template, referrer, PageCause::Load)
    }

    /// Opens `url` for `cause`, then follows the navigations its page asks for.
    fn go(
        &mut self,
        url: &str,
        template: PageTemplate,
        referrer: String,
        cause: PageCause,
    ) -> Result<(), SessionError> {
        self.open_page(url, template, referrer, cause)?;
        self.follow_navigations()
    }

    /// Closes the current page and opens `url` with `template`: snippet and scripts run while loading.
    fn open_page(
        &mut self,
        url: &str,
        template: PageTemplate,
        referrer: String,
        cause: PageCause,
    ) -> Result<(), SessionError> {
        let url = parse_url(url)?;
        if let Some(old) = self.page.take() {
            old.close();
        }
        self.host.get_mut().page_init = PageInit { referrer, title: template.title.clone() };
        let mut page = Page::open(&self.host, url.clone(), cause)?;
        for (name, source) in &template.scripts {
            page.run_script(name, source, "inline", None);
        }
        page.finish_loading();
        self.page = Some(page);
        self.template = template;
        self.history.push(url);
        Ok(())
    }

    /// Follows a link from the current page to `url` (referrer set), with `template` for the new page.
    ///
    /// # Errors
    /// As [`Session::load_with`].
    pub fn navigate(&mut self, url: &str, template: PageTemplate) -> Result<(), SessionError> {
        let to = parse_url(url)?;
        let referrer = self.url().map(|from| referrer(&from, &to)).unwrap_or_default();
        self.go(url, template, referrer, PageCause::Navigate)
    }

    /// Opens `url` with no scripts of its own.
    ///
    /// # Errors
    /// As [`Session::load`].
    pub fn open(&mut self, url: &str) -> Result<(), SessionError> {
        self.load(url, &[])
    }

    /// Reloads the current page with the same template.
    ///
    /// # Errors
    /// [`SessionError::NoPage`] when nothing is open.
    pub fn reload(&mut self) -> Result<(), SessionError> {
        let url = self.page_or_err()?.current_url().to_string();
        let referrer = self.host.get().page_init.referrer.clone();
        self.history.pop();
        let template = self.template.clone();
        self.go(&url, template, referrer, PageCause::Reload)
    }

    /// Goes back one entry in the session history.
    ///
    /// # Errors
    /// [`SessionError::NoHistory`] when there is no earlier page.
    pub fn back(&mut self) -> Result<(), SessionError> {
        if self.history.len() < 2 {
            return Err(SessionError::NoHistory);
        }
        self.history.pop();
        let prev = self.history.pop().map(|u| u.to_string()).unwrap_or_default();
        let template = self.template.clone();
        self.go(&prev, template, String::new(), PageCause::Back)
    }

    /// Carries out a navigation the page asked for (`location.href = ...`, a followed link, a form, a meta refresh).
    /// The gate has already decided on its request (`web/net.rs`): only allowed ones are pending here. A same-site
    /// target loads with the current template (the site's own pages carry the same SDK); a cross-site one is blank.
    fn follow_navigations(&mut self) -> Result<(), SessionError> {
        // A page that navigates on every load would loop; a browser would too, but a session must end.
        for _ in 0..16 {
            self.check_budgets()?;
            let pending = self.host.get_mut().pending_navigation.take();
            let Some(nav) = pending else { return Ok(()) };
            let Some(from) = self.url() else { return Ok(()) };
            let target = match (&nav.url, nav.kind) {
                (_, NavigationKind::Back) => {
                    // No earlier page: the page stays, as in a browser. A budget that ran out still ends the session.
                    return match self.back() {
                        Err(e @ SessionError::Budget(_)) => Err(e),
                        _ => Ok(()),
                    };
                }
                (_, NavigationKind::Reload) => return self.reload(),
                (Some(u), _) => u.clone(),
                (None, _) => return Ok(()),
            };
            let referrer = referrer(&from, &target);
            if crate::net::same_site(&from, &target) {
                let template = self.template.clone();
                if nav.kind == NavigationKind::Replace {
                    self.history.pop();
                }
                self.open_page(target.as_str(), template, referrer, PageCause::Location)?;
            } else {
                self.open_page(target.as_str(), PageTemplate::default(), referrer, PageCause::Location)?;
            }
        }
        self.check_budgets()
    }

    /// The budget that ended the session, as an error, once one has.
    fn check_budgets(&self) -> Result<(), SessionError> {
        match &self.host.get().stopped {
            Some(e) => Err(SessionError::Budget(e.clone())),
            None => Ok(()),
        }
    }

    /// The budget that ended the session, if one has.
    pub fn budget_exceeded(&self) -> Option<Exceeded> {
        self.host.get().stopped.clone()
    }

    /// Evaluates JS in the page and returns its completion value as JSON. The navigations the page asked for are
    /// carried out before it returns, whether or not the script threw.
    ///
    /// # Errors
    /// [`SessionError::Script`] with the exception's message when the script threw (it is in the transcript too),
    /// [`SessionError::NoPage`] when nothing is open, or what a navigation it asked for ran into.
    pub fn eval(&mut self, source: &str) -> Result<serde_json::Value, SessionError> {
        let out = self.page_or_err()?.eval_json(source);
        self.follow_navigations()?;
        out.map_err(SessionError::Script)
    }

    /// Runs a classic script named `name` in the loaded page (as `run --script` after an `--eval` does); an exception
    /// is recorded as a JS error, as for the page's own scripts.
    ///
    /// # Errors
    /// [`SessionError::NoPage`] when nothing is open; a navigation it asked for that cannot be carried out.
    pub fn run_script(&mut self, name: &str, source: &str) -> Result<(), SessionError> {
        let page = self.page_or_err()?;
        page.run_script(name, source, "inline", None);
        page.settle();
        self.follow_navigations()
    }

    /// Calls the SDK's global (`window[CrossEngageObject || 'ce']`) with JSON arguments.
    ///
    /// # Errors
    /// As [`Session::eval`]: [`SessionError::Script`] when the SDK (or its absence) threw.
    pub fn call_sdk(&mut self, args: &[serde_json::Value]) -> Result<serde_json::Value, SessionError> {
        let args = serde_json::to_string(args).unwrap_or_else(|_| "[]".into());
        let js = format!(
            "(function () {{ var n = window.CrossEngageObject || 'ce', f = window[n]; \
             if (typeof f !== 'function') throw new ReferenceError(n + ' is not defined'); \
             f.apply(window, {args}); }})()"
        );
        self.eval(&js)
    }

    /// Advances the virtual clock by `ms`, running the timers and deliveries that fall due.
    ///
    /// # Errors
    /// A navigation the page asked for could not be carried out.
    pub fn advance(&mut self, ms: u64) -> Result<(), SessionError> {
        match self.page.as_mut() {
            Some(page) => page.advance(ms),
            None => {
                let mut host = self.host.get_mut();
                let until = host.now().plus_ms(i64::try_from(ms).unwrap_or(i64::MAX));
                host.clock.advance_to(until);
            }
        }
        self.follow_navigations()
    }

    /// Dispatches a host event at the page: `pagehide`, `pageshow`, `hidden`, `visible`, `online`, `offline`, `focus`,
    /// `blur`, `resize`, `beforeunload`.
    ///
    /// # Errors
    /// [`SessionError::NoPage`] when nothing is open.
    pub fn dispatch(&mut self, event: HostEvent) -> Result<(), SessionError> {
        let page = self.page_or_err()?;
        match event {
            HostEvent::Hidden => page.set_visibility("hidden"),
            HostEvent::Visible => page.set_visibility("visible"),
            HostEvent::Online | HostEvent::Offline => page.set_online(event == HostEvent::Online),
            other => page.fire(EventTarget::Window, other.name()),
        }
        page.settle();
        self.follow_navigations()
    }

    /// Sets a cookie as an HTTP response from `url` would (`Set-Cookie` rules).
    ///
    /// # Errors
    /// A bad URL.
    pub fn set_cookie(&mut self, url: &str, text: &str) -> Result<(), SessionError> {
        let url = parse_url(url)?;
        let mut host = self.host.get_mut();
        let now = host.now();
        host.jar.set_from_host(&url, text, now);
        host.flush_cookie_events();
        Ok(())
    }

    /// Deletes every cookie.
    pub fn clear_cookies(&mut self) {
        let mut host = self.host.get_mut();
        let now = host.now();
        host.jar.clear(now);
        host.flush_cookie_events();
    }

    /// Replaces the cookie jar and localStorage with a saved profile's (a returning visitor).
    pub fn restore_profile(&mut self, profile: &ProfileFile) {
        let mut host = self.host.get_mut();
        host.jar = crate::jar::Jar::from_snapshot(profile.cookies.clone());
        host.storage.restore_local(profile.local_storage.clone());
    }

    /// What a browser would keep of this session for a returning visitor: the persistent cookies and localStorage.
    pub fn profile(&self) -> ProfileFile {
        let host = self.host.get();
        ProfileFile::new(host.jar.snapshot().persistent_only(), host.storage.local_snapshot())
    }

    /// Clears localStorage and sessionStorage of every origin.
    pub fn clear_storage(&mut self) {
        self.host.get_mut().storage.clear(None);
    }

    /// Replaces the stub transport's rules.
    ///
    /// # Errors
    /// Bad rules, or a session whose transport is not the stub.
    pub fn respond(&mut self, rules: Vec<StubRule>) -> Result<(), SessionError> {
        self.host.get_mut().egress.set_stub_rules(rules).map_err(|e| match e {
            TransportError::NotStub { transport } => SessionError::NotStub(transport),
            e => SessionError::Transport(e),
        })
    }

    /// The current virtual time.
    pub fn now(&self) -> VirtualTime {
        self.host.get().now()
    }

    /// A copy of the transcript so far.
    pub fn transcript(&self) -> Transcript {
        self.host.get().transcript.clone()
    }

    /// Closes the open page (firing pagehide and friends), running what that triggers.
    pub fn finish(&mut self) {
        if let Some(page) = self.page.take() {
            page.close();
        }
    }
}
