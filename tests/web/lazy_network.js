// XMLHttpRequest, fetch (with Headers, Request, Response) and the work of navigator.sendBeacon are lazy modules, as are
// the element classes of tags other than the document's own: present to feature detection before their first touch.
var own = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
assert('XMLHttpRequest' in window && 'fetch' in window && 'Headers' in window, 'detectable before loading');
assert(!own(window, 'XMLHttpRequest') && !own(window, 'fetch'), 'not compiled before the first touch');
assertEq(typeof navigator.sendBeacon, 'function');
assertEq(navigator.sendBeacon.length, 2);
var beacon = navigator.sendBeacon;
assertEq(navigator.sendBeacon('https://t.example/b', 'x'), false, 'no consent: the gate blocks it');
assertEq(navigator.sendBeacon, beacon, 'sendBeacon keeps its identity once its module is loaded');
assert(!own(navigator, 'sendBeacon') && own(Navigator.prototype, 'sendBeacon'), 'a method of Navigator.prototype, as in browsers');
var x = new XMLHttpRequest();
assert(x instanceof EventTarget && own(window, 'XMLHttpRequest'));
assertEq(Object.getOwnPropertyDescriptor(window, 'XMLHttpRequest').enumerable, true);
assertEq(XMLHttpRequest.DONE, 4);
assert(typeof fetch === 'function' && new Headers({ A: '1' }).get('a') === '1', 'fetch module');
var div = document.createElement('div');
assert(div instanceof HTMLDivElement && div instanceof HTMLElement, 'div from the elements module');
var img = new Image(3, 4);
assert(img instanceof HTMLImageElement && img.width === 3 && img.height === 4, 'Image');
assertEq(document.createElement('script') instanceof HTMLScriptElement, true);
