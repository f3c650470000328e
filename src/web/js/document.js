// document (MDN: /en-US/docs/Web/API/Document): the document object, its URL, referrer, cookie and the load lifecycle
// (readyState loading -> interactive -> complete with readystatechange, DOMContentLoaded, load, pageshow in browser
// order; beforeunload, pagehide, visibilitychange, unload when the page goes away). The tree
// (`<!DOCTYPE html><html><head><title></title></head><body></body></html>`) and every tree member are the `dom`
// module, loaded the first time one is touched.
// - `cookie` goes through the session jar via `H.cookieGet()` / `H.cookieSet(string)`; without them it is absent.
// - `referrer` is `H.referrer` (default ""), the initial title `H.title` (default "").
// Deviations: `domain` cannot be set; `open`, `close`, `execCommand`, `implementation` and DOMParser are absent
// (`write`/`writeln` are the `html` module's);
// `activeElement` is always the body.
var documentState = { readyState: 'loading', visibilityState: 'visible', currentScript: null };
class Node extends EventTarget { constructor() { super(); illegal(); } }
class Document extends Node {}
class HTMLDocument extends Document {}
// The node type constants: enumerable, read-only, not configurable (a frozen literal's attributes).
var nodeTypes = Object.freeze({ ELEMENT_NODE: 1, ATTRIBUTE_NODE: 2, TEXT_NODE: 3, CDATA_SECTION_NODE: 4,
  PROCESSING_INSTRUCTION_NODE: 7, COMMENT_NODE: 8, DOCUMENT_NODE: 9, DOCUMENT_TYPE_NODE: 10, DOCUMENT_FRAGMENT_NODE: 11 });
H.mixin(Node, nodeTypes);
H.mixin(Node.prototype, nodeTypes);
H.mixin(Document.prototype, {
  get URL() { return docUrl[0]; },
  get documentURI() { return docUrl[0]; },
  get baseURI() { return docUrl[0]; },
  get domain() { return docUrl[5]; },
  get referrer() { return H.referrer ? String(H.referrer) : ''; },
  get location() { return window.location; },
  set location(v) { window.location.href = v; },
  get defaultView() { return window; },
  get readyState() { return documentState.readyState; },
  get visibilityState() { return documentState.visibilityState; },
  get hidden() { return documentState.visibilityState === 'hidden'; },
  get characterSet() { return 'UTF-8'; },
  get charset() { return 'UTF-8'; },
  get inputEncoding() { return 'UTF-8'; },
  get contentType() { return 'text/html'; },
  get compatMode() { return 'CSS1Compat'; },
  get currentScript() { return documentState.currentScript; },
  hasFocus() { return documentState.visibilityState === 'visible'; }
});
if (H.cookieGet && H.cookieSet) {
  Object.defineProperty(Document.prototype, 'cookie', {
    get: function () { return String(H.cookieGet()); },
    set: function (v) { H.cookieSet(String(v)); },
    enumerable: true, configurable: true
  });
}
lazy(Node.prototype, 'nodeType nodeName ownerDocument parentNode parentElement childNodes firstChild lastChild ' +
  'nextSibling previousSibling isConnected nodeValue textContent hasChildNodes contains getRootNode appendChild ' +
  'insertBefore removeChild replaceChild cloneNode isSameNode', 'dom');
lazy(Document.prototype, 'doctype documentElement head body title activeElement scripts images forms links ' +
  'createElement createElementNS createTextNode createComment createDocumentFragment createEvent getElementById ' +
  'getElementsByName importNode adoptNode children firstElementChild lastElementChild childElementCount append ' +
  'prepend replaceChildren getElementsByTagName getElementsByClassName querySelector querySelectorAll', 'dom');
lazy(Document.prototype, 'createTreeWalker', 'selectors');
lazy(Document.prototype, 'write writeln', 'html');
I.documentOnNames = I.globalOnNames + ' onreadystatechange onvisibilitychange';
lazy(Document.prototype, I.documentOnNames, 'events');
expose(Node);
expose(Document);
expose(HTMLDocument);
var document = Object.create(HTMLDocument.prototype);
Object.defineProperty(window, 'document', { get: function () { return document; }, enumerable: true });
B.assign(I, { Node: Node, Document: Document, documentState: documentState });

// Host hook: move the document to `state`, firing what a browser fires on the way.
hooks.setReadyState = function (state) {
  documentState.readyState = state;
  hooks.fire('document', 'readystatechange');
  if (state === 'interactive') hooks.fire('document', 'DOMContentLoaded', true);
  if (state === 'complete') { hooks.fire('window', 'load'); hooks.fire('window', 'pageshow'); }
};
// Host hook: the page is going away (navigation, reload, end of session): beforeunload, pagehide, visibilitychange
// (hidden), unload, as Chrome fires them.
hooks.unload = function () {
  hooks.fire('window', 'beforeunload', false, true);
  hooks.fire('window', 'pagehide');
  if (documentState.visibilityState !== 'hidden') {
    documentState.visibilityState = 'hidden';
    hooks.fire('document', 'visibilitychange', true);
  }
  hooks.fire('window', 'unload');
};
// Host hook: show or hide the page (a tab switch) without unloading it.
hooks.setVisibility = function (state) {
  if (documentState.visibilityState === state) return;
  documentState.visibilityState = state;
  hooks.fire('document', 'visibilitychange', true);
};
// Host hook: the document title (the session's page title).
hooks.setTitle = function (title) { document.title = title; };
// Host hook: the script element whose source runs now (`null` after it).
hooks.setCurrentScript = function (el) { documentState.currentScript = el || null; };
