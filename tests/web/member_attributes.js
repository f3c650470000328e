// The attributes of members the prelude and the modules copy from literals and classes (H.mixin, src/web/modules.rs)
// and of the on* handlers defined on first touch: what a page reads through property descriptors, as in Chrome.
function desc(o, k) { var d = Object.getOwnPropertyDescriptor(o, k); assert(d, 'own ' + String(k)); return d; }
function accessor(o, k, enumerable, setter) {
  var d = desc(o, k);
  assertEq(typeof d.get, 'function', k + ' getter');
  assertEq(typeof d.set, setter ? 'function' : 'undefined', k + ' setter');
  assertEq(d.enumerable, enumerable, k + ' enumerable');
  assertEq(d.configurable, true, k + ' configurable');
}
function data(o, k, writable, enumerable, configurable) {
  var d = desc(o, k);
  assert('value' in d, k + ' is a data property');
  assertEq([d.writable, d.enumerable, d.configurable].join(), [writable, enumerable, configurable].join(), k);
}

// window's values: writable, enumerable, configurable data properties.
data(window, 'innerWidth', true, true, true);
data(window, 'name', true, true, true);
// navigator's values: enumerable getters on the prototype, named as Chrome names them, not constructors.
accessor(Navigator.prototype, 'userAgent', true, false);
assertEq(desc(Navigator.prototype, 'userAgent').get.name, 'get userAgent');
assert(!('prototype' in desc(Navigator.prototype, 'language').get), 'a getter has no prototype');
// The node type constants: enumerable, read-only, not configurable, on Node and Node.prototype.
data(Node, 'ELEMENT_NODE', false, true, false);
data(Node.prototype, 'DOCUMENT_FRAGMENT_NODE', false, true, false);
assertEq(Node.COMMENT_NODE, 8);
// Document.prototype: getters from a literal are enumerable; hasFocus a method.
accessor(Document.prototype, 'readyState', true, false);
accessor(Document.prototype, 'location', true, true);
data(Document.prototype, 'hasFocus', true, true, true);
// Members from a class body (the dom module, loaded here): accessors and methods are not enumerable, and no
// `constructor` comes along.
document.createElement('div');
accessor(Node.prototype, 'textContent', false, true);
data(Node.prototype, 'appendChild', true, false, true);
assertEq(Node.prototype.constructor, Node);
assertEq(Element.prototype.constructor, Element);
// From a literal in the dom module: enumerable.
accessor(HTMLScriptElement.prototype, 'async', true, true);
// Location and URL: the parts are enumerable accessors; origin has no setter.
accessor(Location.prototype, 'href', true, true);
accessor(Location.prototype, 'origin', true, false);
accessor(URL.prototype, 'search', true, true);
accessor(URL.prototype, 'origin', true, false);
var u = new URL('https://a.example/p?q=1');
u.search = '?r=2';
assertEq(u.href, 'https://a.example/p?r=2');
assertEq(u.searchParams.get('r'), '2');
// EventTarget's methods (events, loaded by the first read): writable, enumerable, configurable data properties.
assertEq(typeof EventTarget.prototype.addEventListener, 'function');
data(EventTarget.prototype, 'addEventListener', true, true, true);
// An XMLHttpRequest's fields are its own data properties from the start.
var x = new XMLHttpRequest();
data(x, 'readyState', true, true, true);
data(x, 'onload', true, true, true);
assertEq(x.readyState, 0);
assertEq(x.upload instanceof EventTarget, true);
// on* handlers: an accessor pair once touched, enumerable and configurable, kept in the listener order.
var b = document.body;
assertEq(b.onclick, null);
accessor(HTMLElement.prototype, 'onclick', true, true);
var order = [];
b.addEventListener('click', function () { order.push('listener 1'); });
b.onclick = function () { order.push('handler'); };
b.addEventListener('click', function () { order.push('listener 2'); });
b.dispatchEvent(new Event('click'));
assertEq(order.join(), 'listener 1,handler,listener 2');
assert('onpointerdown' in window && 'onvisibilitychange' in document, 'untouched handlers are there');
window.onmessage = function () {};
accessor(window, 'onmessage', true, true);
assertEq(typeof window.onmessage, 'function');
window.onmessage = 'not a function';
assertEq(window.onmessage, null);
// The event phase and XHR state constants: enumerable, read-only, not configurable, as in Chrome.
data(Event, 'AT_TARGET', false, true, false);
data(Event.prototype, 'BUBBLING_PHASE', false, true, false);
data(XMLHttpRequest, 'DONE', false, true, false);
data(XMLHttpRequest.prototype, 'OPENED', false, true, false);
assertEq([Event.NONE, Event.CAPTURING_PHASE, XMLHttpRequest.UNSENT, XMLHttpRequest.LOADING].join(), '0,1,0,3');
