// A navigation to another document: the old page unloads in browser order, the new page loads (same template).
// expect: page /page
// expect: beforeunload /page
// expect: pagehide /page
// expect: visibilitychange /page
// expect: unload /page
// expect: page /next
// expect: beforeunload /next
// expect: pagehide /next
// expect: visibilitychange /next
// expect: unload /next
// A navigation the page asks for is a request through the gate: the consent cookie lets it out.
document.cookie = 'ce.tracking-opt-in=true; path=/';
console.log('page', location.pathname);
['beforeunload', 'pagehide', 'unload'].forEach(function (t) {
  window.addEventListener(t, function () { console.log(t, location.pathname); });
});
document.addEventListener('visibilitychange', function () { console.log('visibilitychange', location.pathname); });
if (location.pathname === '/page') {
  location.href = '/next';
  assertEq(location.pathname, '/page', 'navigation happens after the script');
} else {
  assert(document.referrer.indexOf('https://shop.example/page?x=1') === 0, 'same-origin referrer: the full URL');
}
