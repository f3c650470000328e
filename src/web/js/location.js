// location and history (MDN: /en-US/docs/Web/API/Location, /en-US/docs/Web/API/History), a lazy module: the document
// URL and the same-document session history.
// - A navigation to another document (href/assign/replace/reload, or setting a part other than the hash) is recorded
//   with `H.navigate(url, kind)` and carried out by the session after the current step; the page stays as it is.
// - A hash-only change updates location and document.URL in place, adds a history entry (replace: rewrites it),
//   fires `popstate` at once and `hashchange` as a task.
// - pushState/replaceState change the URL without events; back/forward/go run as a task, counted from the entry
//   current then: within these entries it fires `popstate` (and `hashchange` when the fragment changed); back past the
//   first entry calls `H.navigate(null, 'back')`; forward past the last does nothing.
// The host holds the URL and the entries (src/web/history.rs) and refuses a URL of another origin; this module keeps
// only each entry's state object, by entry index.
// Deviations: `history.length` counts this document's entries only; `ancestorOrigins` is absent.
var parseUrl = I.parseUrl, domError = I.domError, illegal = I.illegal, expose = I.expose;
var states = B.create(null), scroll = 'auto';
states[0] = null;
function docUrl() { return I.url(); }
function withoutHash(href) { var i = B.strIndexOf(href, '#'); return i < 0 ? href : B.slice(href, 0, i); }
function resolveOrThrow(url, what) {
  var p = parseUrl(url, docUrl()[0]);
  if (!p) throw domError('SyntaxError', "Failed to execute '" + what + "' on 'Location': '" + url + "' is not a valid URL.");
  return p;
}
// Without the events module nothing listens, so there is nothing to fire.
function firePopState(state) { if (I.isLoaded('events')) I.fireTrusted(window, 'popstate', { __proto__: null, state: state }, I.PopStateEvent); }
function requestNavigation(href, kind) {
  if (H.navigate) H.navigate(href, kind);
}
function fireHashChange(oldURL, newURL) {
  H.queueTask(function () {
    if (I.isLoaded('events')) I.fireTrusted(window, 'hashchange', { __proto__: null, oldURL: oldURL, newURL: newURL }, I.HashChangeEvent);
  });
}
// Navigates to components `p`: in place when only the fragment differs, else through the session.
function navigateTo(p, kind) {
  if (p[1] === 'javascript:') return;
  if (kind !== 'reload' && B.strIndexOf(p[0], '#') >= 0 && withoutHash(p[0]) === withoutHash(docUrl()[0])) {
    if (p[0] === docUrl()[0]) return;
    var old = docUrl()[0];
    if (!I.history('change', p[0], kind === 'replace')) return;
    setState(kind !== 'replace', null);
    firePopState(null);
    if (B.slice(old, withoutHash(old).length) !== B.slice(p[0], withoutHash(p[0]).length)) fireHashChange(old, p[0]);
    return;
  }
  requestNavigation(p[0], kind);
}
class Location {
  constructor() { illegal(); }
  assign(url) { navigateTo(resolveOrThrow(url, 'assign'), 'assign'); }
  replace(url) { navigateTo(resolveOrThrow(url, 'replace'), 'replace'); }
  reload() { requestNavigation(docUrl()[0], 'reload'); }
  toString() { return docUrl()[0]; }
}
// Setting a part navigates (href: to the URL given, resolved; the others: to the URL with that part changed).
function setPart(name, v) {
  if (name === 'href') return navigateTo(resolveOrThrow(v, 'href'), 'assign');
  var p = H.urlSet(docUrl()[0], name, String(v));
  if (p) navigateTo(name === 'hash' && B.strIndexOf(p[0], '#') < 0 ? H.urlSet(p[0], 'hash', '#') : p, 'assign');
}
// The URL parts (I.urlParts order), enumerable and configurable accessors; `origin` is read-only.
H.mixin(Location.prototype, {
  get href() { return docUrl()[0]; }, set href(v) { setPart('href', v); },
  get protocol() { return docUrl()[1]; }, set protocol(v) { setPart('protocol', v); },
  get username() { return docUrl()[2]; }, set username(v) { setPart('username', v); },
  get password() { return docUrl()[3]; }, set password(v) { setPart('password', v); },
  get host() { return docUrl()[4]; }, set host(v) { setPart('host', v); },
  get hostname() { return docUrl()[5]; }, set hostname(v) { setPart('hostname', v); },
  get port() { return docUrl()[6]; }, set port(v) { setPart('port', v); },
  get pathname() { return docUrl()[7]; }, set pathname(v) { setPart('pathname', v); },
  get search() { return docUrl()[8]; }, set search(v) { setPart('search', v); },
  get hash() { return docUrl()[9]; }, set hash(v) { setPart('hash', v); },
  get origin() { return docUrl()[10]; }
});
expose(Location);
var location = B.create(Location.prototype);
B.defineProperty(window, 'location', {
  __proto__: null,
  get: function () { return location; }, set: function (v) { location.href = v; }, enumerable: true
});
I.location = location;

// Moves to history entry `j` of this document (a traversal): popstate, then hashchange as a task.
function traverseTo(j) {
  var old = docUrl()[0];
  if (!I.history('go', j)) return;
  firePopState(states[j] === undefined ? null : states[j]);
  if (old.slice(withoutHash(old).length) !== docUrl()[0].slice(withoutHash(docUrl()[0]).length)) fireHashChange(old, docUrl()[0]);
}
// The state is cloned first, then the host parses the URL and checks its origin (the HTML standard's order).
function changeHistory(state, url, push, what) {
  var target = url === undefined || url === null ? null : String(url);
  state = state === undefined ? null : B.structuredClone(state);
  var old = docUrl(), p = I.history('change', target, !push);
  if (p === undefined) throw domError('SyntaxError', "Failed to execute '" + what + "' on 'History': An history state object with URL '" + target + "' cannot be created.");
  if (p === null) {
    var shown = parseUrl(target, old[0]);
    throw domError('SecurityError', "Failed to execute '" + what + "' on 'History': A history state object with URL '" + (shown ? shown[0] : target) + "' cannot be created in a document with origin '" + old[10] + "' and URL '" + old[0] + "'.");
  }
  setState(push, state);
}
// After the host moved to a new entry (push) or rewrote the current one: that entry's state, and none after it.
function setState(push, state) {
  var i = H.historyIndex();
  if (push) for (var k in states) if (+k > i) delete states[k];
  states[i] = state;
}
class History {
  constructor() { illegal(); }
  get length() { return H.historyLength(); }
  get state() { var s = states[H.historyIndex()]; return s === undefined ? null : s; }
  get scrollRestoration() { return scroll; }
  set scrollRestoration(v) { if (v === 'auto' || v === 'manual') scroll = v; }
  pushState(state, title, url) { changeHistory(state, url, true, 'pushState'); }
  replaceState(state, title, url) { changeHistory(state, url, false, 'replaceState'); }
  back() { this.go(-1); }
  forward() { this.go(1); }
  go(delta) {
    delta = Math.trunc(Number(delta)) || 0;
    if (delta === 0) return location.reload();
    // A traversal is a task; it counts from the entry current when it runs.
    H.queueTask(function () {
      var j = H.historyIndex() + delta;
      if (j < 0) requestNavigation(null, 'back');
      else if (j < H.historyLength()) traverseTo(j);
    });
  }
}
expose(History);
B.defineProperty(window, 'history', { __proto__: null, value: B.create(History.prototype), writable: true, enumerable: true, configurable: true });
