// window (MDN: /en-US/docs/Web/API/Window): the viewport geometry of the session profile, `origin` (the page's, as the
// URL standard serialises it), `isSecureContext`, `name`, `opener`. `screen`, `matchMedia` and `getComputedStyle`
// are the `cssom` module. No layout: scroll positions stay 0 and `scrollTo`/`scrollBy` change nothing. `alert`,
// `open`, `postMessage` and `getSelection` are absent.
var windowValues = { innerWidth: H.innerWidth, innerHeight: H.innerHeight, outerWidth: H.innerWidth,
  outerHeight: H.innerHeight + 87, devicePixelRatio: 1, scrollX: 0, scrollY: 0, pageXOffset: 0, pageYOffset: 0,
  screenX: 0, screenY: 0, screenLeft: 0, screenTop: 0, name: '', opener: null, closed: false, length: 0, status: '',
  origin: docUrl[10] };
H.mixin(window, windowValues);
// A secure context: https/wss/file pages and loopback hosts (decided in src/web/window.rs).
var secure = H.secureContext;
Object.defineProperty(window, 'isSecureContext', { get: function () { return secure; }, enumerable: true, configurable: true });
Object.defineProperty(window, Symbol.toStringTag, { value: 'Window', configurable: true });
window.scrollTo = window.scroll = window.scrollBy = window.focus = window.blur = function () {};
