// location: the URL parts, and hash-only navigations in place (popstate at once, hashchange as a task).
// advance: 10
// expect: popstate null https://shop.example/page?x=1#two
// expect: sync done
// expect: hashchange https://shop.example/page?x=1#h -> https://shop.example/page?x=1#two
assertEq(location.href, 'https://shop.example/page?x=1#h');
assertEq(location.protocol, 'https:');
assertEq(location.host, 'shop.example');
assertEq(location.hostname, 'shop.example');
assertEq(location.port, '');
assertEq(location.pathname, '/page');
assertEq(location.search, '?x=1');
assertEq(location.hash, '#h');
assertEq(location.origin, 'https://shop.example');
assertEq(String(location), location.href);
assertEq(location.toString(), location.href);
assertEq(document.location, location);
assertEq(window.location, location);
assertEq(document.URL, location.href);
assertEq(document.documentURI, location.href);
assertEq(document.domain, 'shop.example');
assert(location instanceof Location, 'Location');
assertThrows(function () { location.assign('http://[bad'); }, 'SyntaxError');
window.addEventListener('popstate', function (e) { console.log('popstate', e.state, location.href); });
window.addEventListener('hashchange', function (e) { console.log('hashchange', e.oldURL, '->', e.newURL); });
location.hash = 'two';
assertEq(location.href, 'https://shop.example/page?x=1#two');
assertEq(document.URL, 'https://shop.example/page?x=1#two');
location.hash = '#two';
console.log('sync done');
