// <script> elements: a mapped src loads as a task with currentScript set, then load fires; an unmapped src goes to the
// network (blocked without consent) and fires error; inline text runs at once; other types never run.
// map: https://cdn.example/late.js console.log('late src ran, currentScript', document.currentScript.id);
// map: https://cdn.example/lib.js console.log('lib ran, currentScript', document.currentScript && document.currentScript.id); window.libLoaded = true;
// expect: inline ran, currentScript inline
// expect: appended
// expect: lib ran, currentScript lib
// expect: lib load event, currentScript null libLoaded true
// expect: lib onload
// expect: blocked error event
// expect: late src ran, currentScript late
// expect: late load
assertEq(document.currentScript, null);
var inline = document.createElement('script');
inline.id = 'inline';
inline.text = "console.log('inline ran, currentScript', document.currentScript.id)";
document.head.appendChild(inline);
var data = document.createElement('script');
data.type = 'application/ld+json';
data.text = 'console.log("must not run")';
document.head.appendChild(data);
var s = document.createElement('script');
s.id = 'lib';
s.src = 'https://cdn.example/lib.js';
s.addEventListener('load', function (e) {
  console.log('lib load event, currentScript', document.currentScript, 'libLoaded', window.libLoaded);
});
s.onload = function () { console.log('lib onload'); };
var detached = document.createElement('script');
detached.src = 'https://cdn.example/lib.js';
detached.onload = function () { console.log('detached script must not load'); };
var container = document.createElement('div');
container.appendChild(s);
document.body.appendChild(container);
var blocked = document.createElement('script');
blocked.src = 'https://tracker.example/t.js';
blocked.onerror = function () { console.log('blocked error event'); };
blocked.onload = function () { console.log('blocked must not load'); };
document.getElementsByTagName('script')[0].parentNode.insertBefore(blocked, null);
// A script connected without src starts when it gets one.
var late = document.createElement('script');
late.id = 'late';
document.body.appendChild(late);
late.src = 'https://cdn.example/late.js';
late.onload = function () { console.log('late load'); };
console.log('appended');
