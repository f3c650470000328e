//! Carrying out the steps of a session script on a [`Session`], and judging its `expect` steps against the
//! transcript (the parts that need the page: cookies now in the jar, `js` expressions).
//!
//! The seam with `runner.rs`: the runner prepares the session and drives [`Runner`] step by step; this file knows
//! nothing of the runner.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::expect::{Expectation, Since};
use super::imp::{PageTemplate, Session, SessionError};
use super::judge::Observed;
use super::script::{LoadStep, Step};
use crate::jar::CookieView;
use crate::sdk;
use crate::transcript::{Entry, Event};

/// The verdict of one `expect` step.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExpectOutcome {
    /// Index of the step.
    pub step: usize,
    /// Its label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Whether every part held.
    pub passed: bool,
    /// What did not hold ("expected …, got …").
    pub failures: Vec<String>,
}

/// The state of a run between steps.
pub(super) struct Runner {
    pub(super) session: Session,
    pub(super) expectations: Vec<ExpectOutcome>,
    pub(super) last_expect: usize,
    pub(super) error: Option<String>,
    pub(super) steps_run: usize,
}

pub(super) fn template(l: &LoadStep) -> PageTemplate {
    let mut scripts = Vec::new();
    if l.snippet.unwrap_or(true) {
        scripts.push(("snippet.js".to_owned(), sdk::snippet(l.api_key.as_deref().unwrap_or("demo-key"))));
    }
    for (i, s) in l.scripts.iter().enumerate() {
        scripts.push((format!("inline-{}.js", i + 1), s.clone()));
    }
    PageTemplate { scripts, title: l.title.clone().unwrap_or_default() }
}

pub(super) fn summarize(step: &Step) -> String {
    let short = |s: &str| -> String {
        let one_line = s.replace('\n', " ");
        if one_line.chars().count() > 80 {
            format!("{}…", one_line.chars().take(80).collect::<String>())
        } else {
            one_line
        }
    };
    match step {
        Step::Load(l) => format!("load {}", l.url),
        Step::Navigate(l) => format!("navigate {}", l.url),
        Step::Reload(_) => "reload".into(),
        Step::Back(_) => "back".into(),
        Step::Ce(c) => format!("ce({})", short(&c.0.iter().map(Value::to_string).collect::<Vec<_>>().join(", "))),
        Step::Eval(js) => format!("eval {}", short(js)),
        Step::Advance(s) => format!("advance {} ms", s.0),
        Step::Event(e) => format!("event {e:?}").to_lowercase(),
        Step::SetCookie(c) => format!("set_cookie {}", short(&c.set)),
        Step::ClearCookies(_) => "clear_cookies".into(),
        Step::ClearStorage(_) => "clear_storage".into(),
        Step::Respond(r) => format!("respond ({} rules)", r.len()),
        Step::Expect(e) => format!("expect {}", e.label.clone().unwrap_or_default()).trim().to_owned(),
    }
}

impl Runner {
    /// A run about to carry out its first step on `session`.
    pub(super) fn new(session: Session) -> Runner {
        Runner { session, expectations: Vec::new(), last_expect: 0, error: None, steps_run: 0 }
    }

    pub(super) fn step(&mut self, index: usize, step: &Step) -> Result<(), SessionError> {
        match step {
            Step::Load(l) => {
                let referrer = l.referrer.clone().unwrap_or_default();
                self.session.load_with(l.url.as_str(), template(l), referrer)?;
            }
            Step::Navigate(l) => {
                self.session.navigate(l.url.as_str(), template(l))?;
            }
            Step::Reload(_) => self.session.reload()?,
            Step::Back(_) => self.session.back()?,
            Step::Ce(c) => {
                self.session.call_sdk(&c.0)?;
            }
            Step::Eval(js) => {
                self.session.eval(js)?;
            }
            Step::Advance(span) => self.session.advance(span.0)?,
            Step::Event(e) => {
                self.session.dispatch(*e)?;
            }
            Step::SetCookie(c) => {
                let url = match &c.url {
                    Some(u) => u.to_string(),
                    None => self.session.url().map(|u| u.to_string()).ok_or(SessionError::NoPage)?,
                };
                self.session.set_cookie(&url, &c.set)?;
            }
            Step::ClearCookies(_) => self.session.clear_cookies(),
            Step::ClearStorage(_) => self.session.clear_storage(),
            Step::Respond(rules) => self.session.respond(rules.clone())?,
            Step::Expect(e) => self.expect(index, e)?,
        }
        Ok(())
    }

    fn expect(&mut self, index: usize, e: &Expectation) -> Result<(), SessionError> {
        let transcript = self.session.transcript();
        let entries = transcript.entries();
        let from = match e.since {
            Since::LastExpect => self.last_expect,
            Since::Start => 0,
            Since::Page => entries.iter().rposition(|x| matches!(x.event, Event::PageOpened { .. })).unwrap_or(0),
        };
        let window: &[Entry] = &entries[from.min(entries.len())..];
        let page_url = self.session.url();
        let host = self.session.host().clone();
        let mut lookup = |name: &str, url: Option<&str>| -> Option<CookieView> {
            let url = match url {
                Some(u) => url::Url::parse(u).ok()?,
                None => page_url.clone()?,
            };
            let mut h = host.get_mut();
            let now = h.now();
            let view = h.jar.get(&url, name, now);
            h.flush_cookie_events();
            view
        };
        let last_write = |name: &str| {
            let prefix = format!("{name}=");
            let text = entries.iter().rev().find_map(|x| match &x.event {
                Event::CookieWrite { text } if text.trim_start().starts_with(&prefix) => Some(text.clone()),
                _ => None,
            });
            let set_at = entries.iter().rev().find_map(|x| match &x.event {
                Event::Cookie {
                    change: crate::jar::CookieChange::Set | crate::jar::CookieChange::Overwritten,
                    name: n,
                    ..
                } if n == name => Some(x.at),
                _ => None,
            });
            (text, set_at)
        };
        let mut failures = e.judge(Observed { entries: window, cookie: &mut lookup, last_write: &last_write });
        for (i, js) in e.js.iter().enumerate() {
            match self.session.eval(&js.expr) {
                Ok(v) if v == js.equals => {}
                Ok(v) => failures.push(format!("js[{i}] {}: expected {}, got {}", js.expr, js.equals, v)),
                Err(SessionError::Script(err)) => {
                    failures.push(format!("js[{i}] {}: expected {}, got exception {err}", js.expr, js.equals));
                }
                Err(e) => return Err(e),
            }
        }
        let passed = failures.is_empty();
        self.session.host().get_mut().record(Event::Expectation {
            index,
            label: e.label.clone(),
            passed,
            failures: failures.clone(),
        });
        self.last_expect = self.session.transcript().len();
        self.expectations.push(ExpectOutcome { step: index, label: e.label.clone(), passed, failures });
        Ok(())
    }
}
