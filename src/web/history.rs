//! The document URL and its same-document history entries, held by the host (MDN: /en-US/docs/Web/API/History).
//! The gate, `document.cookie` and every request the page makes read the page URL from here, so page JS can move it
//! only the ways a browser lets it: `pushState`/`replaceState` and fragment navigations to a URL of the same origin
//! (HTML "can have its URL rewritten"), and traversals between entries it made that way. `js/location.js` keeps only
//! the state objects of the entries and mirrors the URL this returns.
//!
//! Natives on `H` (components as `H.urlParse` returns them):
//! - `historyChange(url | null, replace)`: pushes (or replaces the current entry with) `url` resolved against the
//!   current URL (`null`: the current URL); the new components, `null` when the origin differs (the prelude throws
//!   SecurityError), `undefined` when `url` does not parse (SyntaxError);
//! - `historyGo(index)`: makes entry `index` current; its components, or `null` outside the entries;
//! - `historyIndex()`, `historyLength()`: the current entry and how many there are.

use std::cell::RefCell;

use boa_engine::{Context, JsArgs, JsNativeError, JsObject, JsResult, JsValue};
use url::Url;

/// The entries of one document's session history; the current one is the document URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DocumentHistory {
    entries: Vec<Url>,
    index: usize,
}

/// `pushState`/`replaceState` to a URL the document cannot have (another origin, or an opaque one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CrossOrigin;

impl DocumentHistory {
    /// A document opened at `url`: one entry.
    pub(crate) fn new(url: Url) -> Self {
        DocumentHistory { entries: vec![url], index: 0 }
    }

    /// The document URL.
    pub(crate) fn current(&self) -> &Url {
        &self.entries[self.index]
    }

    pub(crate) fn index(&self) -> usize {
        self.index
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Pushes `target` (dropping the entries after the current one) or replaces the current entry with it, if the
    /// document may have that URL: same scheme, credentials, host and port (HTML "can have its URL rewritten").
    pub(crate) fn change(&mut self, target: Url, replace: bool) -> Result<&Url, CrossOrigin> {
        if !can_rewrite(self.current(), &target) {
            return Err(CrossOrigin);
        }
        if replace {
            self.entries[self.index] = target;
        } else {
            self.entries.truncate(self.index + 1);
            self.entries.push(target);
            self.index += 1;
        }
        Ok(self.current())
    }

    /// Makes entry `index` current (a traversal); `None` outside the entries.
    pub(crate) fn go_to(&mut self, index: usize) -> Option<&Url> {
        if index >= self.entries.len() {
            return None;
        }
        self.index = index;
        Some(self.current())
    }
}

/// HTML's "can have its URL rewritten", for documents whose URL is their creation URL: an opaque origin (file:,
/// data:, ...) may change nothing but the fragment, a tuple origin may change path, query and fragment.
fn can_rewrite(document: &Url, target: &Url) -> bool {
    let same_credentials = document.username() == target.username() && document.password() == target.password();
    if !same_credentials || document.scheme() != target.scheme() {
        return false;
    }
    if document.origin().is_tuple() {
        return document.origin() == target.origin();
    }
    let mut without_fragment = target.clone();
    without_fragment.set_fragment(document.fragment());
    &without_fragment == document
}

/// The page's history in its context.
#[derive(Debug)]
pub(crate) struct PageHistory(pub(crate) RefCell<DocumentHistory>);

fn history_of(ctx: &Context) -> JsResult<&PageHistory> {
    ctx.get_data::<PageHistory>().ok_or_else(|| JsNativeError::typ().with_message("sdkhost: page has no URL").into())
}

/// The current document URL of the page in `ctx`.
pub(crate) fn page_url(ctx: &Context) -> JsResult<Url> {
    Ok(history_of(ctx)?.0.borrow().current().clone())
}

fn history_change(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let current = page_url(ctx)?;
    let target = match args.get_or_undefined(0) {
        v if v.is_null() || v.is_undefined() => current,
        v => {
            let text = v.to_string(ctx)?.to_std_string_lossy();
            match Url::options().base_url(Some(&current)).parse(&text) {
                Ok(u) => u,
                Err(_) => return Ok(JsValue::undefined()),
            }
        }
    };
    let replace = args.get_or_undefined(1).to_boolean();
    let changed = history_of(ctx)?.0.borrow_mut().change(target, replace).cloned();
    Ok(match changed {
        Ok(url) => super::whatwg_url::components(&url, ctx),
        Err(CrossOrigin) => JsValue::null(),
    })
}

fn history_go(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let index = args.get_or_undefined(0).to_number(ctx)?;
    if !index.is_finite() || index < 0.0 || index.fract() != 0.0 {
        return Ok(JsValue::null());
    }
    let url = history_of(ctx)?.0.borrow_mut().go_to(index as usize).cloned();
    Ok(url.map_or(JsValue::null(), |u| super::whatwg_url::components(&u, ctx)))
}

fn history_index(_: &JsValue, _: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    Ok(JsValue::from(history_of(ctx)?.0.borrow().index() as u32))
}

fn history_length(_: &JsValue, _: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    Ok(JsValue::from(history_of(ctx)?.0.borrow().len() as u32))
}

/// Holds the history of a document opened at `url` and adds its natives to the prelude's private object.
pub(crate) fn add_natives(ctx: &mut Context, h: &JsObject, url: &Url) -> JsResult<()> {
    ctx.insert_data(PageHistory(RefCell::new(DocumentHistory::new(url.clone()))));
    let fns: [(&str, boa_engine::native_function::NativeFunctionPointer); 4] = [
        ("historyChange", history_change),
        ("historyGo", history_go),
        ("historyIndex", history_index),
        ("historyLength", history_length),
    ];
    super::set_natives(ctx, h, &fns)
}

#[cfg(test)]
mod tests {
    use super::{CrossOrigin, DocumentHistory};

    fn url(s: &str) -> url::Url {
        url::Url::parse(s).expect("url")
    }

    #[test]
    fn push_and_replace_stay_within_the_origin() {
        let mut h = DocumentHistory::new(url("https://shop.example/a"));
        assert_eq!(
            h.change(url("https://shop.example/b?q=1#x"), false).map(|u| u.as_str()),
            Ok("https://shop.example/b?q=1#x")
        );
        assert_eq!((h.index(), h.len()), (1, 2));
        for forged in [
            "https://evil.example/",
            "http://shop.example/b",
            "https://shop.example:444/",
            "https://u:p@shop.example/",
            "https://sub.shop.example/",
        ] {
            assert_eq!(h.change(url(forged), false), Err(CrossOrigin), "{forged}");
            assert_eq!(h.change(url(forged), true), Err(CrossOrigin), "{forged}");
        }
        assert_eq!(h.current().as_str(), "https://shop.example/b?q=1#x");
        h.change(url("https://shop.example/c"), true).expect("same origin");
        assert_eq!((h.index(), h.len(), h.current().as_str()), (1, 2, "https://shop.example/c"));
    }

    #[test]
    fn a_push_drops_the_forward_entries_and_traversal_stays_in_range() {
        let mut h = DocumentHistory::new(url("https://shop.example/0"));
        h.change(url("https://shop.example/1"), false).expect("push");
        h.change(url("https://shop.example/2"), false).expect("push");
        assert_eq!(h.go_to(0).map(url::Url::as_str), Some("https://shop.example/0"));
        assert_eq!(h.go_to(3), None);
        assert_eq!(h.index(), 0);
        h.change(url("https://shop.example/x"), false).expect("push");
        assert_eq!((h.index(), h.len()), (1, 2));
    }

    #[test]
    fn opaque_origins_may_change_only_the_fragment() {
        let mut h = DocumentHistory::new(url("file:///tmp/page.html"));
        assert!(h.change(url("file:///tmp/page.html#frag"), false).is_ok());
        assert_eq!(h.change(url("file:///etc/passwd"), false), Err(CrossOrigin));
        let mut d = DocumentHistory::new(url("data:text/html,hi"));
        assert_eq!(d.change(url("https://shop.example/"), false), Err(CrossOrigin));
    }
}
