// DOMException, MutationObserver, and the boa_runtime builtins SDKs rely on (structuredClone, TextEncoder/Decoder,
// atob/btoa, queueMicrotask, AbortController, AbortSignal.timeout on the page's clock).
// advance: 100
// expect: microtask
// expect: abort listener AbortError
// expect: timeout at 50 TimeoutError
var e = new DOMException('m', 'NotFoundError');
assertEq(e.name, 'NotFoundError');
assertEq(e.message, 'm');
assertEq(e.code, 8);
assert(e instanceof Error && e instanceof DOMException, 'DOMException is an Error');
assertEq(String(e), 'NotFoundError: m');
assertEq(new DOMException().name, 'Error');
assertEq(new DOMException('x', 'Custom').code, 0);
assertEq(Object.prototype.toString.call(e), '[object DOMException]');

var mo = new MutationObserver(function () { throw new Error('never called'); });
mo.observe(document.body, { childList: true, subtree: true });
document.body.appendChild(document.createElement('div'));
assertJson(mo.takeRecords(), []);
mo.disconnect();
assertThrows(function () { mo.observe(document.body, {}); }, 'TypeError');
assertThrows(function () { mo.observe({}, { childList: true }); }, 'TypeError');
assertThrows(function () { new MutationObserver(); }, 'TypeError');

var clone = structuredClone({ a: [1, { b: 2 }], d: new Date(0) });
assertEq(clone.a[1].b, 2);
assertEq(new TextDecoder().decode(new TextEncoder().encode('héllo')), 'héllo');
assertEq(btoa('hi'), 'aGk=');
assertEq(atob('aGk='), 'hi');
queueMicrotask(function () { console.log('microtask'); });
var ac = new AbortController();
ac.signal.addEventListener('abort', function () { console.log('abort listener', ac.signal.reason.name); });
ac.abort();
assert(ac.signal.aborted, 'aborted');
assert(ac.signal.reason instanceof DOMException, 'default reason is a DOMException');
var custom = new AbortController();
custom.abort('why');
assertEq(custom.signal.reason, 'why');
assertEq(AbortSignal.abort().aborted, true);
var start = Date.now();
var ts = AbortSignal.timeout(50);
assertEq(ts.aborted, false);
ts.addEventListener('abort', function () { console.log('timeout at', Date.now() - start, ts.reason.name); });

// Boa is built without Temporal (Cargo.toml: boa_engine and boa_runtime without default features): no tracking SDK
// studied uses it, and its ~280 functions cost every page 0.06 - 0.09 MiB. A dependency that turns Boa's default
// features back on would bring it back silently; this catches that. Float16Array and Math.sumPrecise stay.
assertEq(typeof Temporal, 'undefined');
assertEq(typeof Float16Array, 'function');
assertEq(typeof Math.sumPrecise, 'function');
