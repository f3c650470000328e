// navigator (MDN: /en-US/docs/Web/API/Navigator): read-only values derived from the session profile (user agent,
// language). `platform` and `vendor` follow the user agent (Windows: "Win32"; Chrome: "Google Inc."). `onLine`
// follows the host's `setOnline` hook. `userAgentData`, `deviceMemory`, `connection`, `serviceWorker`, `locks` are
// absent; `sendBeacon` is the network glue's (js/fetch.js).
var ua = String(H.userAgent), online = true;
var languages = Object.freeze(H.language.indexOf('-') > 0 ? [H.language, H.language.split('-')[0]] : [H.language]);
var platform = /Windows/.test(ua) ? 'Win32' : /iPhone/.test(ua) ? 'iPhone' : /iPad/.test(ua) ? 'iPad' :
  /Macintosh|Mac OS X/.test(ua) ? 'MacIntel' : /Android/.test(ua) ? 'Linux armv81' : /Linux|X11/.test(ua) ? 'Linux x86_64' : '';
var vendor = /Chrome\/|CriOS\//.test(ua) ? 'Google Inc.' : /Safari\//.test(ua) && !/Firefox\//.test(ua) ? 'Apple Computer, Inc.' : '';
var navigatorValues = { userAgent: ua, appVersion: ua.replace(/^Mozilla\//, ''), appName: 'Netscape',
  appCodeName: 'Mozilla', product: 'Gecko', productSub: /Firefox\//.test(ua) ? '20100101' : '20030107', vendor: vendor,
  vendorSub: '', language: languages[0], languages: languages, platform: platform, cookieEnabled: true,
  doNotTrack: null, hardwareConcurrency: 8, maxTouchPoints: 0, webdriver: false, pdfViewerEnabled: true };
class Navigator { constructor() { illegal(); } get onLine() { return online; } javaEnabled() { return false; } }
Object.keys(navigatorValues).forEach(function (k) {
  Object.defineProperty(Navigator.prototype, k, { get: function () { return navigatorValues[k]; }, enumerable: true, configurable: true });
});
expose(Navigator);
var navigator = window.navigator = Object.create(Navigator.prototype);
// Host hook: the network goes on- or offline: `navigator.onLine` changes, then `online`/`offline` fires at window.
hooks.setOnline = function (on) {
  if (online === !!on) return;
  online = !!on;
  hooks.fire('window', online ? 'online' : 'offline');
};
