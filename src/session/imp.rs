//! [`Session`]: one browser profile driven step by step. Its by-value [`SessionBuilder`] is in `builder.rs`, how
//! pages open, navigate and go back in `navigation.rs`.

mod builder;
mod navigation;

pub use builder::SessionBuilder;
use navigation::parse_url;

use url::Url;

use super::script::HostEvent;
use crate::budget::Exceeded;
use crate::clock::VirtualTime;
use crate::host::{Host, HostRef};
use crate::jar::ProfileFile;
use crate::net::{StubRule, TransportError};
use crate::page::{EventTarget, Page, PageError};
use crate::transcript::Transcript;

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

/// One browser profile driven step by step: pages come and go, the clock, jar and transcript carry on.
#[derive(Debug)]
pub struct Session {
    host: HostRef,
    page: Option<Page>,
    history: Vec<Url>,
    template: PageTemplate,
}

impl Session {
    /// A session over `host`, no page open yet (the builder's last step).
    fn over(host: Host) -> Session {
        Session { host: HostRef::new(host), page: None, history: Vec::new(), template: PageTemplate::default() }
    }

    /// A builder with every default.
    pub fn builder() -> SessionBuilder {
        SessionBuilder::default()
    }

    /// The shared host state.
    pub(crate) fn host(&self) -> &HostRef {
        &self.host
    }

    /// The open page, if any.
    #[cfg(test)]
    pub(crate) fn page(&mut self) -> Option<&mut Page> {
        self.page.as_mut()
    }

    fn page_or_err(&mut self) -> Result<&mut Page, SessionError> {
        self.page.as_mut().ok_or(SessionError::NoPage)
    }

    /// The URL of the open page.
    pub fn url(&self) -> Option<Url> {
        self.page.as_ref().map(Page::current_url)
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

    /// The cookie jar now (for a document's `final_jar`), after recording the cookie events still pending (the
    /// expiries due by now).
    pub fn final_jar(&mut self) -> Vec<crate::jar::CookieView> {
        let mut host = self.host.get_mut();
        let now = host.now();
        let jar = host.jar.all(now);
        host.flush_cookie_events();
        jar
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
