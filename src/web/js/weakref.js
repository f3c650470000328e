// WeakRef (ECMAScript, WeakRef objects) whose target lives as long as the WeakRef. The engine's WeakRef shows when the
// garbage collector ran, and that depends on everything the thread ran before (other pages and sessions, the code
// cache), so a transcript would change with `--jobs`, `--shard` or the order of sessions. The spec lets an engine keep
// any object alive, so this is a conforming WeakRef that never lets go early. FinalizationRegistry callbacks never run
// for the same reason (src/page/event_loop.rs). Captured here, in the prelude, where the builtins are pristine.
(function (O, WM, TE, call) {
  var targets = new WM();
  var has = call.bind(WM.prototype.has), get = call.bind(WM.prototype.get), set = call.bind(WM.prototype.set);
  function WeakRef(target) {
    if (new.target === undefined) throw new TE("Constructor WeakRef requires 'new'");
    if ((typeof target !== 'object' || target === null) && typeof target !== 'function') {
      throw new TE('WeakRef: invalid target');
    }
    set(targets, this, target);
  }
  var deref = { deref() {
    if ((typeof this !== 'object' || this === null) || !has(targets, this)) {
      throw new TE('WeakRef.prototype.deref: this is not a WeakRef');
    }
    return get(targets, this);
  } }.deref;
  var proto = WeakRef.prototype;
  O.defineProperty(proto, 'deref', { __proto__: null, value: deref, writable: true, enumerable: false, configurable: true });
  O.defineProperty(proto, Symbol.toStringTag, { __proto__: null, value: 'WeakRef', writable: false, enumerable: false,
    configurable: true });
  O.defineProperty(WeakRef, 'prototype', { __proto__: null, writable: false });
  O.defineProperty(globalThis, 'WeakRef', { __proto__: null, value: WeakRef, writable: true, enumerable: false,
    configurable: true });
})(Object, WeakMap, TypeError, Function.prototype.call);
