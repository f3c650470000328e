// navigator (MDN: /en-US/docs/Web/API/Navigator): read-only values derived from the session profile (user agent,
// language). `platform` and `vendor` follow the user agent (Windows: "Win32"; Chrome: "Google Inc."). `onLine`
// follows the host's `setOnline` hook. `userAgentData`, `deviceMemory`, `connection`, `serviceWorker`, `locks` are
// absent; `sendBeacon` is a method of Navigator.prototype whose work is the `fetch` module's, loaded on the first call.
// (`platform`, `vendor`, `productSub` and `appVersion` come derived from the user agent: src/web/window.rs.)
var ua = String(H.userAgent), online = true;
var languages = Object.freeze(H.language.indexOf('-') > 0 ? [H.language, H.language.split('-')[0]] : [H.language]);
var navigatorValues = { userAgent: ua, appVersion: H.appVersion, appName: 'Netscape',
  appCodeName: 'Mozilla', product: 'Gecko', productSub: H.productSub, vendor: H.vendor,
  vendorSub: '', language: languages[0], languages: languages, platform: H.platform, cookieEnabled: true,
  doNotTrack: null, hardwareConcurrency: 8, maxTouchPoints: 0, webdriver: false, pdfViewerEnabled: true };
class Navigator { constructor() { illegal(); } get onLine() { return online; } javaEnabled() { return false; } }
// Enumerable, configurable getters named "get userAgent", ... as Chrome's.
H.mixin(Navigator.prototype, {
  get userAgent() { return navigatorValues.userAgent; }, get appVersion() { return navigatorValues.appVersion; },
  get appName() { return navigatorValues.appName; }, get appCodeName() { return navigatorValues.appCodeName; },
  get product() { return navigatorValues.product; }, get productSub() { return navigatorValues.productSub; },
  get vendor() { return navigatorValues.vendor; }, get vendorSub() { return navigatorValues.vendorSub; },
  get language() { return navigatorValues.language; }, get languages() { return navigatorValues.languages; },
  get platform() { return navigatorValues.platform; }, get cookieEnabled() { return navigatorValues.cookieEnabled; },
  get doNotTrack() { return navigatorValues.doNotTrack; },
  get hardwareConcurrency() { return navigatorValues.hardwareConcurrency; },
  get maxTouchPoints() { return navigatorValues.maxTouchPoints; }, get webdriver() { return navigatorValues.webdriver; },
  get pdfViewerEnabled() { return navigatorValues.pdfViewerEnabled; }
});
expose(Navigator);
var navigator = window.navigator = Object.create(Navigator.prototype);
// A method of Navigator.prototype (so `Navigator.prototype.sendBeacon.call(navigator, ...)` works, as in browsers).
function sendBeacon(url, data) { return B.apply(load('fetch').sendBeacon, this, arguments); }
B.defineProperty(Navigator.prototype, 'sendBeacon', { __proto__: null, value: sendBeacon, writable: true, enumerable: true, configurable: true });
// Host hook: put sendBeacon back (a page may have replaced or deleted it).
hooks.installBeacon = function () {
  B.defineProperty(Navigator.prototype, 'sendBeacon', { __proto__: null, value: sendBeacon, writable: true, enumerable: true, configurable: true });
  if (window.navigator && B.hasOwn(window.navigator, 'sendBeacon')) delete window.navigator.sendBeacon;
};
// Host hook: the network goes on- or offline: `navigator.onLine` changes, then `online`/`offline` fires at window.
hooks.setOnline = function (on) {
  if (online === !!on) return;
  online = !!on;
  hooks.fire('window', online ? 'online' : 'offline');
};
