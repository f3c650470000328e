// document (MDN: /en-US/docs/Web/API/Document): the load lifecycle (readyState loading -> interactive -> complete,
// with readystatechange, DOMContentLoaded, load, pageshow in browser order) and page visibility.
var documentState = { readyState: 'loading', visibilityState: 'visible' };
var document = Object.create(EventTarget.prototype);
Object.defineProperty(document, 'readyState', { get: function () { return documentState.readyState; }, enumerable: true });
Object.defineProperty(document, 'visibilityState', { get: function () { return documentState.visibilityState; }, enumerable: true });
Object.defineProperty(document, 'hidden', { get: function () { return documentState.visibilityState === 'hidden'; }, enumerable: true });
document.onreadystatechange = null;
document.onvisibilitychange = null;
window.document = document;

// Host hook: move the document to `state`, firing what a browser fires on the way.
hooks.setReadyState = function (state) {
  documentState.readyState = state;
  hooks.fire('document', 'readystatechange');
  if (state === 'interactive') hooks.fire('document', 'DOMContentLoaded', true);
  if (state === 'complete') { hooks.fire('window', 'load'); hooks.fire('window', 'pageshow'); }
};
// Host hook: the page is going away (navigation, reload): pagehide then visibilitychange (hidden), as Chrome does.
hooks.unload = function () {
  hooks.fire('window', 'beforeunload', false, true);
  hooks.fire('window', 'pagehide');
  documentState.visibilityState = 'hidden';
  hooks.fire('document', 'visibilitychange', true);
  hooks.fire('window', 'unload');
};
// Host hook: show or hide the page (a tab switch) without unloading it.
hooks.setVisibility = function (state) {
  if (documentState.visibilityState === state) return;
  documentState.visibilityState = state;
  hooks.fire('document', 'visibilitychange', true);
};
