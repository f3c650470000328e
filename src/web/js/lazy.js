// Lazy modules: the small core of the prelude, and how the rest of the browser surface loads on first use.
// Boa parses every page's prelude again (~0.2 ms per KB), so most APIs live in modules (src/web/js/*.js listed in
// src/web/modules.rs) that `H.module(name)` compiles the first time the page touches one of their names: a global
// (`URL`, `Blob`, `localStorage`, ...), a member of a prototype (`document.createElement`), or a call from another
// module. Until then the name is answered by a Proxy in the prototype chain, which loads the module and answers;
// `'URL' in window` is true from the start, so feature detection is unaffected. A module runs as
// `function (H, I, B)`: `I` holds the internals the modules share, `B` the captured builtins (js/intrinsics.js).
// Deviations: before its module loads (an on* handler: before it is first read or written), a lazy name is not an own
// property (`window.hasOwnProperty('URL')` is false, `Object.getOwnPropertyNames(window)` omits it); the prototype of
// window (and of Node.prototype, ...) is that Proxy.
var I = B.create(null);
I.hooks = hooks;
var loaded = B.create(null);
function load(name) {
  if (!loaded[name]) {
    loaded[name] = true;
    H.module(name)(H, I, B);
  }
  return I;
}
// Makes each name in `names` (space separated) on `obj` load `module` when first read or written (or, when `module`
// is a function, call `module(obj, name)` to define that one name: the on* handlers, one accessor pair each). The
// names are answered by a Proxy inserted between `obj` and its prototype (one per object, cheaper than an accessor
// per name); the module defines the real properties on `obj` itself, which then shadow the Proxy. (A property
// redefined from inside its own getter reads wrong in Boa 0.22, so the names are never accessors on `obj`.)
var LAYER = Symbol('lazy');
function lazy(obj, names, module) {
  var table = B.hasOwn(obj, LAYER) ? obj[LAYER] : null;
  if (!table) {
    table = B.create(null);
    var has = function (k) { return typeof k === 'string' && table[k] !== undefined; };
    // Loads the module that defines `k` (a module may hand a name on to another), or calls the function a module
    // left in the table to define `k` alone; true once `obj` has it.
    var ready = function (k) {
      for (var m; !B.hasOwn(obj, k) && m !== table[k];) {
        m = table[k];
        if (typeof m === 'function') m(obj, k); else load(m);
      }
      return B.hasOwn(obj, k);
    };
    B.setPrototypeOf(obj, new B.Proxy(B.getPrototypeOf(obj) || B.create(null), {
      __proto__: null,
      get: function (t, k, r) { return has(k) && ready(k) ? r[k] : B.get(t, k, r); },
      set: function (t, k, v, r) {
        if (has(k) && ready(k)) { r[k] = v; return true; }
        return B.set(t, k, v, r);
      },
      has: function (t, k) { return has(k) || B.has(t, k); },
      getPrototypeOf: function (t) { return t; }
    }));
    B.defineProperty(obj, LAYER, { __proto__: null, value: table });
  }
  for (var list = B.split(names, ' '), i = 0; i < list.length; i++) table[list[i]] = module;
}
// Interface objects on window are writable, configurable, not enumerable.
function expose(C, name) {
  B.defineProperty(window, name || C.name, { __proto__: null, value: C, writable: true, configurable: true });
}
function illegal() { throw new TypeError('Illegal constructor'); }
// Defines the members of literal `props` on `obj` as data properties (writable, configurable, enumerable), where
// until then the lazy layer answered.
function define(obj, props) { H.mixin(obj, props); }
function domError(name, message) { return new window.DOMException(message, name); }
// The document URL as components [href, protocol, username, password, host, hostname, port, pathname, search, hash,
// origin]. The host holds the URL (src/web/history.rs); this mirrors what it returns, so `I.history` is the only way
// it changes: `I.history('change', url | null, replace)` and `I.history('go', index)` return the new components, or
// null (another origin) / undefined (not a URL) for a change the host refused.
var urlParts = ['href', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash',
  'origin'];
var docUrl = H.urlParse(H.url);
function parseUrl(url, base) { return H.urlParse(String(url), base === undefined ? undefined : String(base)); }
function moveUrl(op, a, b) {
  var p = op === 'go' ? H.historyGo(a) : H.historyChange(a, b);
  if (p) docUrl = p;
  return p;
}
// EventTarget lives in the core (other prelude files build on its prototype); its methods come with `events`.
class EventTarget {}
B.assign(I, { load: load, isLoaded: function (name) { return !!loaded[name]; }, lazy: lazy, define: define,
  expose: expose, illegal: illegal, domError: domError, urlParts: urlParts, parseUrl: parseUrl,
  EventTarget: EventTarget, url: function () { return docUrl; }, history: moveUrl });
lazy(EventTarget.prototype, 'addEventListener removeEventListener dispatchEvent', 'events');
expose(EventTarget);
// GlobalEventHandlers (window, document, HTML elements) and the window-only WindowEventHandlers, as on* names.
var globalHandlers = 'abort blur change click contextmenu dblclick error focus input keydown keypress keyup load ' +
  'mousedown mousemove mouseout mouseover mouseup pointerdown pointerup reset resize scroll submit touchstart ' +
  'touchend wheel';
// (Made here, where the builtins are pristine, for the `events` and `dom` modules.)
function onNames(types) { return types.split(' ').map(function (t) { return 'on' + t; }).join(' '); }
I.globalOnNames = onNames(globalHandlers);
I.windowOnNames = onNames(globalHandlers + ' afterprint beforeprint beforeunload hashchange languagechange message ' +
  'offline online pagehide pageshow popstate storage unload');
lazy(window, I.windowOnNames, 'events');
lazy(window, 'addEventListener removeEventListener dispatchEvent Event CustomEvent PageTransitionEvent ' +
  'PopStateEvent HashChangeEvent BeforeUnloadEvent', 'events');
lazy(window, 'UIEvent MouseEvent PointerEvent KeyboardEvent FocusEvent InputEvent StorageEvent ErrorEvent ' +
  'MessageEvent', 'uievents');
lazy(window, 'DOMException', 'domexception');
lazy(window, 'URL URLSearchParams', 'url');
lazy(window, 'location Location history History', 'location');
lazy(window, 'CharacterData Text DocumentFragment DocumentType Element HTMLElement HTMLHtmlElement ' +
  'HTMLHeadElement HTMLBodyElement HTMLTitleElement HTMLScriptElement', 'dom');
lazy(window, 'Image HTMLDivElement HTMLSpanElement HTMLParagraphElement HTMLStyleElement HTMLMetaElement ' +
  'HTMLLinkElement HTMLButtonElement HTMLTextAreaElement HTMLSelectElement HTMLIFrameElement HTMLFormElement ' +
  'HTMLInputElement HTMLImageElement HTMLAnchorElement HTMLTemplateElement HTMLPictureElement HTMLSourceElement ' +
  'HTMLTrackElement HTMLEmbedElement HTMLObjectElement HTMLFrameElement HTMLAreaElement HTMLMediaElement ' +
  'HTMLAudioElement HTMLVideoElement Audio', 'elements');
lazy(window, 'open', 'loads');
lazy(window, 'Comment DOMTokenList CSSStyleDeclaration', 'html');
lazy(window, 'NodeFilter TreeWalker', 'selectors');
lazy(window, 'localStorage sessionStorage Storage', 'storage');
lazy(window, 'Blob File', 'blob');
lazy(window, 'FormData', 'formdata');
lazy(window, 'MutationObserver', 'mutationobserver');
lazy(window, 'PerformanceObserver PerformanceObserverEntryList PerformanceEntry PerformanceResourceTiming ' +
  'PerformanceNavigationTiming ResizeObserver ResizeObserverEntry IntersectionObserver IntersectionObserverEntry',
  'observers');
lazy(window, 'screen Screen matchMedia MediaQueryList getComputedStyle', 'cssom');
lazy(window, 'XMLHttpRequest', 'xhr');
lazy(window, 'fetch Headers Request Response', 'fetch');
// Host hook: fire a trusted event at window or document ('window' | 'document'). Without the events module nothing
// can be listening, so nothing is dispatched.
hooks.fire = function (target, type, bubbles, cancelable) {
  return loaded.events ? I.fire(target, type, bubbles, cancelable) : true;
};
// Host hook: the names of the modules loaded so far (for tests and timing).
hooks.loadedModules = function () { return B.sort(B.keys(loaded)); };
