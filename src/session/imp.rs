//! [`Session`] and its by-value [`SessionBuilder`].

use url::Url;

use crate::clock::{DEFAULT_START, VirtualTime};
use crate::host::{Host, HostRef, MappedScript, Profile};
use crate::page::{Page, PageError};
use crate::transcript::{Event, Transcript};

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
    /// The page could not be set up.
    #[error(transparent)]
    Page(#[from] PageError),
}

/// Builds a [`Session`]. Every setter documents its default.
#[derive(Debug, Clone)]
pub struct SessionBuilder {
    seed: u64,
    start: VirtualTime,
    profile: Profile,
}

impl Default for SessionBuilder {
    fn default() -> Self {
        SessionBuilder { seed: 0, start: DEFAULT_START, profile: Profile::default() }
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
    pub fn script(
        mut self,
        url: impl Into<String>,
        name: impl Into<String>,
        source: impl Into<std::rc::Rc<str>>,
    ) -> Self {
        self.profile.scripts.insert(url.into(), MappedScript::new(name, source));
        self
    }

    /// Builds the session (no page is open yet).
    pub fn build(self) -> Session {
        let host = Host::new(self.start, self.seed, self.profile);
        let host = HostRef::new(host);
        {
            let mut h = host.get_mut();
            let event = Event::SessionStarted {
                seed: self.seed,
                clock_start: self.start,
                tz_offset_minutes: h.profile.tz_offset_minutes,
                user_agent: h.profile.user_agent.clone(),
            };
            h.record(event);
        }
        Session { host, page: None, history: Vec::new() }
    }
}

/// One browser profile driven step by step: pages come and go, the clock, jar and transcript carry on.
#[derive(Debug)]
pub struct Session {
    host: HostRef,
    page: Option<Page>,
    history: Vec<Url>,
}

fn parse_url(text: &str) -> Result<Url, SessionError> {
    Url::parse(text).map_err(|e| SessionError::BadUrl { url: text.to_owned(), reason: e.to_string() })
}

impl Session {
    /// A builder with every default.
    pub fn builder() -> SessionBuilder {
        SessionBuilder::default()
    }

    /// The shared host state.
    pub fn host(&self) -> &HostRef {
        &self.host
    }

    /// The open page, if any.
    pub fn page(&mut self) -> Option<&mut Page> {
        self.page.as_mut()
    }

    fn page_or_err(&mut self) -> Result<&mut Page, SessionError> {
        self.page.as_mut().ok_or(SessionError::NoPage)
    }

    /// Loads `url` as a new document, runs `inline` scripts in order (name, source), and finishes loading.
    ///
    /// # Errors
    /// A bad URL, or a page that cannot be set up.
    pub fn load(&mut self, url: &str, inline: &[(String, String)], cause: &str) -> Result<(), SessionError> {
        let url = parse_url(url)?;
        if let Some(old) = self.page.take() {
            old.close();
        }
        let mut page = Page::open(&self.host, url.clone(), cause)?;
        for (name, source) in inline {
            page.run_script(name, source, "inline", None);
        }
        page.finish_loading();
        self.page = Some(page);
        self.history.push(url);
        Ok(())
    }

    /// Opens `url` with no scripts of its own.
    ///
    /// # Errors
    /// As [`Session::load`].
    pub fn open(&mut self, url: &str) -> Result<(), SessionError> {
        self.load(url, &[], "load")
    }

    /// Reloads the current page (without its inline scripts).
    ///
    /// # Errors
    /// [`SessionError::NoPage`] when nothing is open.
    pub fn reload(&mut self) -> Result<(), SessionError> {
        let url = self.page_or_err()?.url().to_string();
        self.history.pop();
        self.load(&url, &[], "reload")
    }

    /// Goes back one entry in the session history; with none, stays.
    ///
    /// # Errors
    /// [`SessionError::NoPage`] when there is no history.
    pub fn back(&mut self) -> Result<(), SessionError> {
        if self.history.len() < 2 {
            return Err(SessionError::NoPage);
        }
        self.history.pop();
        let prev = self.history.pop().map(|u| u.to_string()).unwrap_or_default();
        self.load(&prev, &[], "back")
    }

    /// Evaluates JS in the page and returns its completion value as JSON (or the exception message).
    ///
    /// # Errors
    /// [`SessionError::NoPage`] when nothing is open.
    pub fn eval(&mut self, source: &str) -> Result<Result<serde_json::Value, String>, SessionError> {
        Ok(self.page_or_err()?.eval_json(source))
    }

    /// Advances the virtual clock by `ms`, running the timers and deliveries that fall due.
    pub fn advance(&mut self, ms: u64) {
        match self.page.as_mut() {
            Some(page) => page.advance(ms),
            None => {
                let mut host = self.host.get_mut();
                let until = host.now().plus_ms(ms as i64);
                host.clock.advance_to(until);
            }
        }
    }

    /// The current virtual time.
    pub fn now(&self) -> VirtualTime {
        self.host.get().now()
    }

    /// A copy of the transcript so far.
    pub fn transcript(&self) -> Transcript {
        self.host.get().transcript.clone()
    }

    /// Closes the open page (firing pagehide and friends) and ends the session.
    pub fn finish(&mut self) {
        if let Some(page) = self.page.take() {
            page.close();
        }
    }
}
