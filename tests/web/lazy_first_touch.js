// The first touch of a lazy module may be a write, a member another module defines, or a deep property path.
// expect: onload set first
window.onload = function () { console.log('onload set first'); };
localStorage.firstTouch = 'w';
assertEq(localStorage.getItem('firstTouch'), 'w');
localStorage.removeItem('firstTouch');
var c = document.createComment('x');
assertEq(c.nodeType, 8);
assertEq(c instanceof Comment, true);
var e = document.createEvent('MouseEvent');
assert(e instanceof MouseEvent && e instanceof UIEvent && e instanceof Event, 'event classes from two modules');
assertEq(typeof window.URLSearchParams.prototype.get, 'function');
window.Blob = 'replaced';
assertEq(Blob, 'replaced', 'a page may replace a lazy global');
var h = history;
assertEq(h, window.history);
assertEq(new Text('t').wholeText, 't');
document.body.append('x', document.createElement('b'));
assertEq(document.body.innerHTML, 'x<b></b>');
