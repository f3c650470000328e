// A hostile page puts spies where the prelude used to assign: setters on Object.prototype for an XMLHttpRequest's
// field names, and a Proxy in an element's prototype chain. The prelude defines those properties instead, so no spy
// sees an XHR under construction or a node's internal state (the fields are accessors on the prototype in Chrome,
// and a node's state is no page's business). Before the fields and the state were defined, each assignment walked
// the chain: the Object.prototype setters ran 17 times per XHR and the Proxy's `set` trap got the state object.
var seen = [];
['readyState', 'status', 'upload', 'onload', 'withCredentials'].forEach(function (k) {
  Object.defineProperty(Object.prototype, k, {
    get: function () { return undefined; },
    set: function (v) { seen.push('set ' + k); Object.defineProperty(this, k, { value: v, writable: true, enumerable: true, configurable: true }); },
    configurable: true
  });
});
var x = new XMLHttpRequest();
assertEq(seen.join(), '', 'no Object.prototype setter runs while an XHR is built');
assertEq(x.readyState, 0);
x.open('GET', '/x');
assertEq(x.readyState, 1);
assertEq(seen.join(), '', 'nor while it opens');
['readyState', 'status', 'upload', 'onload', 'withCredentials'].forEach(function (k) { delete Object.prototype[k]; });

// A Proxy between HTMLElement.prototype and Element.prototype sees every key a lookup or a write walks past it.
document.createElement('div');
var below = Object.getPrototypeOf(HTMLElement.prototype), symbols = [];
Object.setPrototypeOf(HTMLElement.prototype, new Proxy(below, {
  get: function (t, k, r) { if (typeof k === 'symbol') symbols.push('get ' + String(k)); return Reflect.get(t, k, r); },
  set: function (t, k, v, r) { if (typeof k === 'symbol') symbols.push('set ' + String(k)); return Reflect.set(t, k, v, r); },
  has: function (t, k) { if (typeof k === 'symbol') symbols.push('has ' + String(k)); return Reflect.has(t, k); },
  defineProperty: function (t, k, d) { if (typeof k === 'symbol') symbols.push('define ' + String(k)); return Reflect.defineProperty(t, k, d); }
}));
var el = document.createElement('span');
el.setAttribute('id', 'hostile');
document.body.appendChild(el);
el.dispatchEvent(new Event('ping', { bubbles: true }));
assertEq(document.getElementById('hostile'), el);
assertEq(el.parentNode, document.body);
assertEq(symbols.join(), '', 'no internal symbol walks past the page Proxy');
Object.setPrototypeOf(HTMLElement.prototype, below);
