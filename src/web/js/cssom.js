// CSSOM View for a page without layout (MDN: /en-US/docs/Web/API/Screen, /Window/matchMedia,
// /Window/getComputedStyle), a lazy module: `screen` from the session profile (the taskbar takes 40 px of the
// height), `matchMedia` whose queries never match and never change, `getComputedStyle` giving an empty style.
var illegal = I.illegal, expose = I.expose, EventTarget = I.EventTarget;
I.load('events');
class Screen extends EventTarget { constructor() { super(); illegal(); } }
var screenValues = { width: H.screenWidth, height: H.screenHeight, availWidth: H.screenWidth,
  availHeight: H.screenHeight - 40, availLeft: 0, availTop: 0, colorDepth: 24, pixelDepth: 24,
  orientation: { type: H.screenWidth >= H.screenHeight ? 'landscape-primary' : 'portrait-primary', angle: 0 } };
B.forEach(B.keys(screenValues), function (k) {
  B.defineProperty(Screen.prototype, k, { __proto__: null, get: function () { return screenValues[k]; }, enumerable: true, configurable: true });
});
expose(Screen);
B.defineProperty(window, 'screen', { __proto__: null, value: B.create(Screen.prototype), writable: true, enumerable: true, configurable: true });
class MediaQueryList extends EventTarget {
  constructor() { super(); illegal(); }
  get matches() { return false; }
  addListener(fn) { this.addEventListener('change', fn); }
  removeListener(fn) { this.removeEventListener('change', fn); }
}
I.defineHandlers(MediaQueryList.prototype, 'onchange');
expose(MediaQueryList);
I.define(window, {
  matchMedia: function matchMedia(query) {
    if (arguments.length < 1) throw new TypeError("Failed to execute 'matchMedia' on 'Window': 1 argument required, but only 0 present.");
    var m = B.create(MediaQueryList.prototype);
    B.defineProperty(m, 'media', { __proto__: null, value: String(query), enumerable: true });
    return m;
  },
  getComputedStyle: function getComputedStyle(el) {
    if (!(el instanceof window.Element)) throw new TypeError("Failed to execute 'getComputedStyle' on 'Window': parameter 1 is not of type 'Element'.");
    return B.create(window.CSSStyleDeclaration.prototype);
  }
});
