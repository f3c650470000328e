// Event, CustomEvent, EventTarget: construction, listener options, phases, propagation, on* handlers.
// expect-error: listener boom
assertThrows(function () { new Event(); }, 'TypeError');
assertThrows(function () { Event('x'); }, 'TypeError', 'needs new');
var e = new Event('ping', { bubbles: true, cancelable: true });
assertEq(e.type, 'ping');
assertEq(e.bubbles, true);
assertEq(e.cancelable, true);
assertEq(e.isTrusted, false);
assertEq(e.eventPhase, Event.NONE);
assertEq(e.defaultPrevented, false);
e.preventDefault();
assertEq(e.defaultPrevented, true);
assertEq(e.returnValue, false);
var ce = new CustomEvent('c', { detail: { n: 1 } });
assertEq(ce.detail.n, 1);
assert(ce instanceof Event, 'CustomEvent is an Event');
assertEq(new CustomEvent('c').detail, null);
class MyEvent extends Event { constructor() { super('mine'); this.extra = 1; } }
assertEq(new MyEvent().type, 'mine');

// A plain EventTarget: once, duplicates, removal, handleEvent objects, signal.
var t = new EventTarget(), log = [];
function f(ev) { log.push('f:' + ev.type + ':' + (this === t)); }
t.addEventListener('x', f);
t.addEventListener('x', f);
t.addEventListener('x', { handleEvent: function (ev) { log.push('obj:' + ev.currentTarget.constructor.name); } });
t.addEventListener('x', function () { log.push('once'); }, { once: true });
assertEq(t.dispatchEvent(new Event('x')), true);
t.dispatchEvent(new Event('x'));
assertEq(log.join(' '), 'f:x:true obj:EventTarget once f:x:true obj:EventTarget');
t.removeEventListener('x', f);
log = [];
t.dispatchEvent(new Event('x'));
assertEq(log.join(' '), 'obj:EventTarget');
var ac = new AbortController();
t.addEventListener('y', function () { log.push('y'); }, { signal: ac.signal });
t.dispatchEvent(new Event('y'));
assertEq(log.pop(), 'y');
// Passive listeners cannot cancel; others can; the return value of dispatchEvent says so.
t.addEventListener('z', function (ev) { ev.preventDefault(); }, { passive: true });
assertEq(t.dispatchEvent(new Event('z', { cancelable: true })), true);
t.addEventListener('z', function (ev) { ev.preventDefault(); });
assertEq(t.dispatchEvent(new Event('z', { cancelable: true })), false);
assertEq(t.dispatchEvent(new Event('z')), true, 'not cancelable');
assertThrows(function () { t.dispatchEvent({ type: 'x' }); }, 'TypeError');
// A listener that throws is reported; the others still run.
t.addEventListener('boom', function () { throw new Error('listener boom'); });
t.addEventListener('boom', function () { log.push('after boom'); });
t.dispatchEvent(new Event('boom'));
assertEq(log.pop(), 'after boom');

// Phases through the document: capture down, target (capture first), bubble up to window.
var outer = document.body.appendChild(document.createElement('div'));
var inner = outer.appendChild(document.createElement('span'));
var order = [];
function rec(name) { return function (ev) { order.push(name + ev.eventPhase); }; }
window.addEventListener('tap', rec('wc'), true);
window.addEventListener('tap', rec('wb'));
document.addEventListener('tap', rec('dc'), { capture: true });
document.addEventListener('tap', rec('db'));
outer.addEventListener('tap', rec('oc'), true);
outer.addEventListener('tap', rec('ob'));
inner.addEventListener('tap', rec('ib'));
inner.addEventListener('tap', rec('ic'), true);
inner.dispatchEvent(new Event('tap', { bubbles: true }));
assertEq(order.join(' '), 'wc1 dc1 oc1 ic2 ib2 ob3 db3 wb3');
order = [];
inner.dispatchEvent(new Event('tap'));
assertEq(order.join(' '), 'wc1 dc1 oc1 ic2 ib2', 'no bubbling');
order = [];
outer.addEventListener('tap', function (ev) { ev.stopPropagation(); order.push('stop'); });
inner.dispatchEvent(new Event('tap', { bubbles: true }));
assertEq(order.join(' '), 'wc1 dc1 oc1 ic2 ib2 ob3 stop');
order = [];
inner.addEventListener('tap2', function (ev) { order.push('a'); ev.stopImmediatePropagation(); });
inner.addEventListener('tap2', function () { order.push('b'); });
inner.dispatchEvent(new Event('tap2', { bubbles: true }));
assertEq(order.join(' '), 'a');
// target/currentTarget/composedPath during and after dispatch.
var seen;
outer.addEventListener('look', function (ev) { seen = [ev.target === inner, ev.currentTarget === outer, ev.composedPath().length]; });
var look = new Event('look', { bubbles: true });
inner.dispatchEvent(look);
assertJson(seen, [true, true, 6]);
assertEq(look.currentTarget, null);
assertEq(look.composedPath().length, 0);
assertEq(look.target, inner);
// A detached tree does not reach document or window.
var lone = document.createElement('div'), got = [];
document.addEventListener('solo', function () { got.push('doc'); });
lone.addEventListener('solo', function () { got.push('lone'); });
lone.dispatchEvent(new Event('solo', { bubbles: true }));
assertEq(got.join(), 'lone');

// on* handlers keep their registration position; false cancels; null removes.
var h = [];
var btn = document.body.appendChild(document.createElement('button'));
btn.addEventListener('click', function () { h.push('first'); });
btn.onclick = function () { h.push('handler'); return false; };
btn.addEventListener('click', function () { h.push('last'); });
var click = new MouseEvent('click', { bubbles: true, cancelable: true, clientX: 5 });
assertEq(btn.dispatchEvent(click), false);
assertEq(click.clientX, 5);
assertEq(h.join(' '), 'first handler last');
btn.onclick = function () { h.push('replaced'); };
h = [];
btn.click();
assertEq(h.join(' '), 'first replaced last');
btn.onclick = null;
assertEq(btn.onclick, null);
h = [];
btn.click();
assertEq(h.join(' '), 'first last');
assert('onload' in window && 'onpagehide' in window && 'onvisibilitychange' in document, 'handler properties exist');
assertEq(window.onload, null);
var wl = 0;
window.onmessage = function () { wl++; };
window.dispatchEvent(new Event('message'));
assertEq(wl, 1);
// document.createEvent + initEvent.
var old = document.createEvent('CustomEvent');
assertThrows(function () { document.dispatchEvent(old); }, 'InvalidStateError', 'uninitialised event');
old.initCustomEvent('legacy', true, false, 7);
var legacyDetail;
document.addEventListener('legacy', function (ev) { legacyDetail = ev.detail; });
document.dispatchEvent(old);
assertEq(legacyDetail, 7);
assertThrows(function () { document.createEvent('Nope'); }, 'NotSupportedError');
// Other event classes carry their init fields.
assertEq(new KeyboardEvent('keydown', { key: 'a' }).key, 'a');
assertEq(new PopStateEvent('popstate', { state: 3 }).state, 3);
assertEq(new HashChangeEvent('hashchange', { newURL: 'u' }).newURL, 'u');
assertEq(new PageTransitionEvent('pageshow').persisted, false);
assertEq(new StorageEvent('storage', { key: 'k' }).key, 'k');
