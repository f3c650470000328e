// The host's functions read as a browser's built-ins under Function.prototype.toString, so an SDK's "is fetch native?"
// check (Sentry's supportsNativeFetch, core-js's and lodash's isNative) sees a native fetch, and no build can read the
// host's JavaScript to tell it is being tested. The page's own functions keep their source.
var sentryNativeFetch = /^function fetch\(\)\s+\{\s+\[native code\]\s+\}$/;
assert(sentryNativeFetch.test(fetch.toString()), 'fetch: ' + fetch.toString());
assertEq(String(document.createElement), 'function createElement() { [native code] }');
assertEq(Function.prototype.toString.call(XMLHttpRequest), 'function XMLHttpRequest() { [native code] }');
assertEq(String(navigator.sendBeacon), 'function sendBeacon() { [native code] }');
assertEq(String(WeakRef), 'function WeakRef() { [native code] }');
var hostFunctions = [setTimeout, addEventListener, EventTarget, Event, Node, Element, URL, URLSearchParams, Headers,
  Request, Response, Blob, FormData, MutationObserver, localStorage.getItem, history.pushState, Image,
  Object.getOwnPropertyDescriptor(Document.prototype, 'cookie').get, Math.random, crypto.getRandomValues];
hostFunctions.forEach(function (f, i) {
  assert(/\{ \[native code\] \}$/.test(String(f)), 'host function ' + i + ': ' + String(f).slice(0, 60));
  assert(String(f).indexOf('H.') < 0 && String(f).indexOf('B.') < 0, 'host source leaked');
});
// Page code is shown as written, as in a browser.
function pageFunction(a, b) { return a + b; }
assertEq(pageFunction.toString(), 'function pageFunction(a, b) { return a + b; }');
assertEq(String(function () { return 1; }), 'function () { return 1; }');
assertEq(String((x) => x * 2), '(x) => x * 2');
// (Boa 0.22 keeps no source text for classes and `new Function`: both read as `[native code]`, page or host; a
// difference from V8 that is the engine's, listed in README "The JS engine".)
assertEq(String(eval('(function e() {})')), 'function e() {}');
