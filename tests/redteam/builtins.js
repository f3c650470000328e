// Red-team builtins (tests/redteam_builtins.rs): a hostile page replaces the builtins the prelude could be tempted to
// use during an egress, each by a spy that notes its call and answers something wrong, before the request is made.
// Browsers never call page-replaced builtins while loading an image or submitting a form, so any call while
// `rtb.armed` is a fault: it hands the page what the host was working on, and the wrong answer can steer the request.
// `rtb.install(kind)` replaces one family; `rtb.report()` is `calls: N` and what was noted; each call is also logged
// (`rtb ...`), which outlives a navigation.
var rtb = (function () {
  'use strict';
  var RA = Reflect.apply, RC = Reflect.construct, DP = Object.defineProperty, GOPD = Object.getOwnPropertyDescriptor;
  var noted = [], state = { armed: false }, log = console.log;
  function kindOf(x) { return x === null ? 'null' : typeof x === 'object' || typeof x === 'function' ? 'OBJECT' : typeof x; }
  function note(where, self, args) {
    if (!state.armed) return;
    var what = where + '(this ' + kindOf(self);
    for (var i = 0; i < args.length; i++) what += ', ' + kindOf(args[i]);
    noted[noted.length] = what + ')';
    log('rtb ' + what + ')');
  }
  // `obj[name]` becomes a spy answering `answer` (a function of the original's answer), noting each armed call.
  function spy(obj, name, answer) {
    var d = GOPD(obj, name);
    var orig = d && d.value;
    var w = function () {
      note(name, this, arguments);
      var r = new.target ? RC(orig, arguments, new.target) : RA(orig, this, arguments);
      return state.armed ? answer(r) : r;
    };
    DP(obj, name, { __proto__: null, value: w, writable: true, configurable: true });
  }
  var evil = 'https://evil.example/';
  function each(obj, names, answer) { var n = names.split(' '); for (var i = 0; i < n.length; i++) spy(obj, n[i], answer); }
  var kinds = {
    array: function () {
      each(Array.prototype, 'forEach push pop shift unshift splice reverse fill sort', function () { return 0; });
      each(Array.prototype, 'map filter slice concat flat flatMap', function () { return [evil]; });
      each(Array.prototype, 'indexOf lastIndexOf findIndex', function () { return 0; });
      each(Array.prototype, 'some every includes', function () { return true; });
      each(Array.prototype, 'find reduce', function () { return evil; });
      each(Array.prototype, 'join', function () { return evil; });
      each(Array.prototype, 'keys values entries', function (r) { return r; });
      each(Array, 'from of', function () { return [evil]; });
      var it = Array.prototype[Symbol.iterator];
      DP(Array.prototype, Symbol.iterator, { __proto__: null, value: function () { note('@@iterator', this, []); return RA(it, state.armed ? [evil] : this, []); }, writable: true, configurable: true });
    },
    string: function () {
      each(String.prototype, 'split match matchAll', function () { return [evil]; });
      each(String.prototype, 'replace replaceAll toLowerCase toUpperCase trim trimStart trimEnd slice substring substr concat padStart normalize', function () { return evil; });
      each(String.prototype, 'indexOf lastIndexOf charCodeAt codePointAt', function () { return 0; });
      each(String.prototype, 'startsWith endsWith includes', function () { return true; });
      each(RegExp.prototype, 'exec', function () { return null; });
      each(RegExp.prototype, 'test', function () { return false; });
    },
    function: function () {
      each(Function.prototype, 'call apply', function () { return undefined; });
      each(Function.prototype, 'bind', function () { return function () {}; });
    },
    globals: function () {
      var names = 'FormData URLSearchParams URL Blob File Headers Request Response DOMException Map Set WeakMap TextEncoder';
      var n = names.split(' ');
      for (var i = 0; i < n.length; i++) {
        (function (name) {
          var C = globalThis[name];
          var F = function () { note('new ' + name, this, arguments); return RC(C, arguments, new.target || C); };
          F.prototype = C.prototype;
          DP(globalThis, name, { __proto__: null, value: F, writable: true, configurable: true });
        })(n[i]);
      }
      each(JSON, 'stringify parse', function () { return '"evil"'; });
      each(Promise.prototype, 'then catch finally', function (r) { return r; });
      each(Promise, 'resolve reject all race', function (r) { return r; });
      each(Object, 'keys assign create entries values freeze', function (r) { return r; });
      each(Map.prototype, 'get set has delete forEach', function (r) { return r; });
      each(globalThis, 'encodeURIComponent decodeURIComponent String Number', function () { return evil; });
    },
    accessors: function () {
      // Names the prelude reads or writes on its own objects; a getter or setter there sees the object.
      var names = ('k n p c l a d v cur done ok media content type url method body headers entries name value ' +
        'initiator credentials signal mode cache redirect list fn capture once passive removed handler path ' +
        'target currentTarget dispatching stop canceled phase s e u q x prototype').split(' ');
      var protos = [Object.prototype, Array.prototype];
      for (var p = 0; p < protos.length; p++) {
        for (var i = 0; i < names.length; i++) {
          (function (proto, key) {
            if (GOPD(proto, key)) return;
            DP(proto, key, {
              __proto__: null,
              get: function () { note('get ' + key, this, []); return state.armed ? evil : undefined; },
              set: function (v) { note('set ' + key, this, [v]); DP(this, key, { __proto__: null, value: v, writable: true, enumerable: true, configurable: true }); },
              configurable: true
            });
          })(protos[p], names[i]);
        }
      }
    }
  };
  return {
    install: function (kind) { kinds[kind](); },
    arm: function () { state.armed = true; },
    disarm: function () { state.armed = false; },
    report: function () { return 'calls: ' + noted.length + (noted.length ? ' ' + noted.join('; ') : ''); }
  };
})();
