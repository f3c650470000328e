// history: pushState/replaceState change the URL without events; back() within the document fires popstate as a
// task (and hashchange when the fragment changed).
// advance: 5
// advance: 5
// expect: pushed
// expect: popstate {"n":1} https://shop.example/step1
// expect: popstate null https://shop.example/page?x=1#h
// expect: hashchange
var startLength = history.length;
assertEq(history.state, null);
window.addEventListener('popstate', function (e) { console.log('popstate', JSON.stringify(e.state), location.href); });
window.addEventListener('hashchange', function () { console.log('hashchange'); });
history.pushState({ n: 1 }, '', '/step1');
assertEq(location.pathname, '/step1');
assertEq(document.URL, 'https://shop.example/step1');
assertEq(history.state.n, 1);
assertEq(history.length, startLength + 1);
var st = { n: 2 };
history.pushState(st, '', 'step2?q=1');
assertEq(location.href, 'https://shop.example/step2?q=1');
assert(history.state !== st && history.state.n === 2, 'state is a structured clone');
history.replaceState({ n: 3 }, '');
assertEq(history.state.n, 3);
assertEq(location.href, 'https://shop.example/step2?q=1', 'replaceState without URL keeps it');
assertEq(history.length, startLength + 2);
assertThrows(function () { history.pushState(null, '', 'https://evil.example/'); }, 'SecurityError');
assertThrows(function () { history.pushState(function () {}, ''); }, undefined, 'uncloneable state');
console.log('pushed');
history.back();
assertEq(location.pathname, '/step2', 'back is asynchronous');
setTimeout(function () { history.go(-1); }, 5);
assertEq(history.scrollRestoration, 'auto');
history.scrollRestoration = 'manual';
assertEq(history.scrollRestoration, 'manual');
