// Red-team traps (tests/redteam_internals.rs): replace builtins and put getters and setters on prototypes, the ways a
// hostile page would fish for the prelude's private objects; note every object handed to them that looks like one.
// `redteam.report()` says how many were caught; `redteam.forge(url)` / `forgeCookie(text)` use whatever was caught
// to try to move the page URL or write a cookie as the host.
var redteam = (function () {
  var RA = Reflect.apply, GOPN = Object.getOwnPropertyNames, GPO = Object.getPrototypeOf, DP = Object.defineProperty;
  var GOPD = Object.getOwnPropertyDescriptor, caught = [], found = [], busy = false;
  // Member names of H, I, B and hooks: an object with no prototype that has two of them is a private one.
  var marks = ['urlParse', 'send', 'module', 'cookieSet', 'historyChange', 'setUrl', 'isLoaded', 'hooks', 'load',
    'fire', 'setReadyState', 'loadedModules', 'hasOwn', 'structuredClone', 'defineProperty', 'history'];
  // (Only data properties count: the accessors these traps put on prototypes carry the same names.)
  function looksPrivate(x) {
    if (x === null || (typeof x !== 'object' && typeof x !== 'function')) return false;
    var names = GOPN(x), hits = 0;
    for (var i = 0; i < names.length; i++) {
      for (var j = 0; j < marks.length; j++) if (names[i] === marks[j] && 'value' in GOPD(x, names[i])) hits++;
    }
    return hits >= 2 && (GPO(x) === null || hits >= 3);
  }
  function note(x, where) {
    if (busy) return;
    busy = true;
    try {
      if (looksPrivate(x)) {
        var seen = false;
        for (var i = 0; i < caught.length; i++) if (caught[i] === x) seen = true;
        if (!seen) { caught[caught.length] = x; found[found.length] = where + ' {' + GOPN(x).slice(0, 4) + '}'; }
      }
    } catch (e) {} finally { busy = false; }
  }
  function noteAll(self, args, where) { note(self, where); for (var i = 0; i < args.length; i++) note(args[i], where); }
  // 1. Builtins replaced by wrappers that look at their receiver and arguments.
  function wrap(obj, name) {
    var d = GOPD(obj, name);
    if (!d || typeof d.value !== 'function') return;
    var orig = d.value;
    var w = function () {
      noteAll(this, arguments, name);
      return new.target ? Reflect.construct(orig, arguments, new.target) : RA(orig, this, arguments);
    };
    DP(obj, name, { value: w, writable: true, configurable: true });
  }
  var builtins = [
    [Object, 'assign create defineProperty defineProperties getOwnPropertyDescriptor getOwnPropertyDescriptors ' +
      'getOwnPropertyNames getPrototypeOf setPrototypeOf keys values entries freeze seal is fromEntries'],
    [Object.prototype, 'hasOwnProperty isPrototypeOf propertyIsEnumerable toString valueOf toLocaleString'],
    [Function.prototype, 'call apply bind toString'],
    [Array.prototype, 'forEach map filter some every find findIndex indexOf lastIndexOf includes push pop shift ' +
      'unshift splice slice concat join sort reverse reduce fill keys values entries flat flatMap'],
    [Array, 'from of isArray'],
    [Reflect, 'apply construct get set has ownKeys defineProperty deleteProperty getOwnPropertyDescriptor ' +
      'getPrototypeOf setPrototypeOf'],
    [JSON, 'parse stringify'],
    [Promise.prototype, 'then catch finally'],
    [Promise, 'resolve reject all race'],
    [String.prototype, 'split replace slice indexOf toLowerCase toUpperCase trim concat'],
    [Map.prototype, 'get set has delete forEach'],
    [WeakMap.prototype, 'get set has delete'],
    [globalThis, 'structuredClone queueMicrotask setTimeout String Number Boolean']
  ];
  for (var b = 0; b < builtins.length; b++) {
    var names = builtins[b][1].split(' ');
    for (var n = 0; n < names.length; n++) wrap(builtins[b][0], names[n]);
  }
  // 2. Getters and setters on prototypes for names the prelude reads or writes on its private objects (and option
  // names the engine reads from descriptors and proxy handlers).
  var probed = ['historyLength', 'setUrl', 'navigate', 'referrer', 'title', 'url', 'cookieGet', 'cookieSet',
    'storageOrigin', 'sendBeacon', 'fire', 'hooks', 'Node', 'Document', 'documentState', 'ES', 'Event', 'NS', 'ns',
    'querySelect', 'loadImage', 'extractBody', 'Blob', 'File', 'FormData', 'MouseEvent', 'UIEvent', 'location',
    'PopStateEvent', 'HashChangeEvent', 'fireTrusted', 'isLoaded', 'load', 'module', 'send', 'queueTask',
    'reportError', 'requestImage', 'loadScript', 'history', 'ownKeys', 'deleteProperty', 'getOwnPropertyDescriptor',
    'defineProperty', 'apply', 'construct', 'isExtensible', 'preventExtensions', 'setPrototypeOf', 'then',
    'handleEvent', 'toJSON', 'cl', 'st', 'ds', 'content', 'v', 'ch', 'timer', 'response'];
  var protos = [Object.prototype, Function.prototype, Array.prototype, Promise.prototype, Error.prototype,
    String.prototype, Number.prototype, Symbol.prototype, RegExp.prototype, Map.prototype, EventTarget.prototype];
  for (var p = 0; p < protos.length; p++) {
    for (var k = 0; k < probed.length; k++) {
      (function (proto, key) {
        if (GOPD(proto, key)) return;
        DP(proto, key, {
          get: function () { note(this, 'get ' + key); return undefined; },
          set: function (v) { note(this, 'set ' + key); note(v, 'set ' + key); DP(this, key, { value: v, writable: true, enumerable: true, configurable: true }); },
          configurable: true
        });
      })(protos[p], probed[k]);
    }
  }
  // 3. Symbol-keyed hooks: iterator and species on arrays, and stack-trace hooks other engines call.
  var arrayIterator = Array.prototype[Symbol.iterator];
  DP(Array.prototype, Symbol.iterator, { value: function () { note(this, '@@iterator'); return RA(arrayIterator, this, []); }, writable: true, configurable: true });
  DP(Array, Symbol.species, { get: function () { note(this, '@@species'); return Array; }, configurable: true });
  Error.prepareStackTrace = function (e, frames) {
    note(e, 'prepareStackTrace');
    if (frames) for (var i = 0; i < frames.length; i++) note(frames[i], 'prepareStackTrace');
    return '';
  };
  Error.captureStackTrace = function (o) { note(o, 'captureStackTrace'); };
  function forEachCaught(f) { for (var i = 0; i < caught.length; i++) { try { f(caught[i]); } catch (e) {} } }
  return {
    // `leaks: N`, then where each was caught and its first member names.
    report: function () { return 'leaks: ' + caught.length + (found.length ? ' ' + found.join('; ') : ''); },
    forge: function (url) {
      forEachCaught(function (o) {
        if (typeof o.setUrl === 'function') o.setUrl(typeof o.urlParse === 'function' ? url : [url]);
        if (typeof o.history === 'function') o.history('change', url, false);
        if (typeof o.historyChange === 'function') o.historyChange(url, false);
      });
    },
    forgeCookie: function (text) {
      forEachCaught(function (o) { if (typeof o.cookieSet === 'function') o.cookieSet(text); });
    }
  };
})();
