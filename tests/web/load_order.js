// The events of loading and leaving a page, in browser order, with readyState and visibility at each step.
// expect: script loading visible
// expect: readystatechange interactive
// expect: DOMContentLoaded interactive target=document trusted=true
// expect: readystatechange complete
// expect: window load complete target=document
// expect: onload handler
// expect: pageshow persisted=false
// expect: beforeunload cancelable=true
// expect: pagehide persisted=false
// expect: visibilitychange hidden hidden=true
// expect: unload
console.log('script', document.readyState, document.visibilityState);
document.addEventListener('readystatechange', function () { console.log('readystatechange', document.readyState); });
document.addEventListener('DOMContentLoaded', function (e) {
  console.log('DOMContentLoaded', document.readyState, 'target=' + (e.target === document ? 'document' : e.target), 'trusted=' + e.isTrusted);
});
window.addEventListener('load', function (e) { console.log('window load', document.readyState, 'target=' + (e.target === document ? 'document' : e.target)); });
window.onload = function () { console.log('onload handler'); };
window.addEventListener('pageshow', function (e) { console.log('pageshow persisted=' + e.persisted); });
window.addEventListener('beforeunload', function (e) { console.log('beforeunload cancelable=' + e.cancelable); });
window.addEventListener('pagehide', function (e) { console.log('pagehide persisted=' + e.persisted); });
document.addEventListener('visibilitychange', function () { console.log('visibilitychange', document.visibilityState, 'hidden=' + document.hidden); });
window.addEventListener('unload', function () { console.log('unload'); });
