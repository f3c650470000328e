//! How a [`Session`]'s pages open: loads, links, reloads, going back, and the navigations a page asks for.

use url::Url;

use super::{PageTemplate, Session, SessionError};
use crate::host::{NavigationKind, PageInit};
use crate::page::Page;
use crate::transcript::PageCause;

pub(super) fn parse_url(text: &str) -> Result<Url, SessionError> {
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
        self.open_page(url, template, referrer, PageCause::Load)?;
        self.follow_navigations()
    }

    /// Closes the current page and opens `url` with `template`: snippet and scripts run while loading. The callers
    /// then follow the navigations the page asks for.
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
        self.open_page(url, template, referrer, PageCause::Navigate)?;
        self.follow_navigations()
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
        self.open_page(&url, template, referrer, PageCause::Reload)?;
        self.follow_navigations()
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
        self.open_page(&prev, template, String::new(), PageCause::Back)?;
        self.follow_navigations()
    }

    /// Carries out a navigation the page asked for (`location.href = ...`, a followed link, a form, a meta refresh).
    /// The gate has already decided on its request (`web/net.rs`): only allowed ones are pending here. A same-site
    /// target loads with the current template (the site's own pages carry the same SDK); a cross-site one is blank.
    pub(super) fn follow_navigations(&mut self) -> Result<(), SessionError> {
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
}
