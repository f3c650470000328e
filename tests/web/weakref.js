// WeakRef and FinalizationRegistry must not show when the garbage collector ran: that depends on what the thread ran
// before (other pages, other sessions, the code cache), so a transcript would change with `--jobs`, `--shard` or the
// order of sessions. A WeakRef keeps its target for as long as the WeakRef lives (the spec lets an engine keep any
// object alive), and cleanup callbacks never run. Before the fix, `alive` below depended on the garbage of the
// first 30 000 objects.
// advance: 10
// advance: 10
// expect: alive 50
// expect: same target true
window.refs = [];
for (var i = 0; i < 50; i++) refs.push(new WeakRef({ i: i }));
var garbage = [];
for (var k = 0; k < 30000; k++) garbage.push({ k: k });
garbage = null;
var registry = new FinalizationRegistry(function (held) { console.log('cleanup ' + held); });
for (var j = 0; j < 50; j++) registry.register({ j: j }, j);
var kept = { name: 'kept' };
var keptRef = new WeakRef(kept);
setTimeout(function () {
  var more = [];
  for (var k = 0; k < 30000; k++) more.push({ k: k });
  more = null;
}, 5);
setTimeout(function () {
  console.log('alive ' + refs.filter(function (r) { return r.deref() !== undefined; }).length);
  console.log('same target ' + (keptRef.deref() === kept));
}, 15);

// The constructor as the spec has it.
assertEq(typeof WeakRef, 'function');
assertEq(WeakRef.length, 1);
assertEq(WeakRef.name, 'WeakRef');
assertEq(Object.prototype.toString.call(keptRef), '[object WeakRef]');
assertEq(Object.getPrototypeOf(keptRef), WeakRef.prototype);
assertEq(WeakRef.prototype.constructor, WeakRef);
assertEq(WeakRef.prototype.deref.length, 0);
assertEq(Object.getOwnPropertyDescriptor(WeakRef, 'prototype').writable, false);
assertEq(Object.keys(WeakRef.prototype).length, 0, 'deref is not enumerable');
assertThrows(function () { WeakRef({}); }, 'TypeError', 'call without new');
assertThrows(function () { new WeakRef(1); }, 'TypeError', 'a primitive target');
assertThrows(function () { new WeakRef(null); }, 'TypeError', 'null target');
assertThrows(function () { WeakRef.prototype.deref.call({}); }, 'TypeError', 'deref on another object');
var fn = function () {};
assertEq(new WeakRef(fn).deref(), fn, 'functions are objects');
class Sub extends WeakRef { }
var sub = new Sub(kept);
assertEq(sub.deref(), kept, 'subclass');
assert(sub instanceof WeakRef && sub instanceof Sub);
