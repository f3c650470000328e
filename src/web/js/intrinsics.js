// Sealing: why page code cannot reach the prelude's private objects (read this before changing the prelude or a
// module; the Rust side is in src/web/mod.rs).
// The private objects are `H` (host natives, built in Rust), `B` (the builtins below), `I` (the internals the modules
// share) and `hooks` (what the host calls). Page and SDK code are hostile and run before and between module loads;
// they may replace any builtin and put getters, setters or proxies on any prototype. The rules:
// 1. Private objects have no prototype (`H`, `B` are also frozen): reading a property they lack never reaches a
//    getter the page put on Object.prototype, and writing one never reaches a setter.
// 2. A private object is only ever the base of a member access (`H.send(...)`, `I.url()`, `B.keys(x)`) or one of the
//    arguments of a module function (`H.module(name)(H, I, B)`, a function the host compiled). It is never passed to,
//    returned by, or used as `this` of any other function, never stored in an object that has a prototype, and never
//    put in an array.
// 3. The prelude runs before any page script, so the builtins are pristine here: `B` captures every builtin that is
//    called with a private object or with a value a page must not steer (`B.assign(I, ...)`, descriptors, proxy
//    targets). Lazy modules load later, after page code may have tampered with builtins, and use `B` for these.
//    `B.call(f, thisArg, ...args)` style functions are uncurried with the captured `Function.prototype.call`, so they
//    never look anything up on a page-writable object.
// 4. Objects the engine reads options from (property descriptors, proxy handlers) are null-prototype literals
//    (`{ __proto__: null, ... }`) where they carry private functions.
// 5. H itself holds no power the page lacks: every native takes no URL or origin the host already knows (requests,
//    cookies and storage use the page URL the host holds; `historyChange` refuses another origin), and decisions
//    are made in Rust. So even a leak past 1-4 could not forge what the gate sees.
// 6. On the way to a request (what an element loads, a click, a submit, fetch, XHR, beacon) nothing is looked up on a
//    page-writable object: internal arrays are walked with index loops and changed with `B.push`/`B.splice`,
//    strings and regexps go through `B.lower`/`B.exec`/..., `String`, `URLSearchParams` and FormData's work come
//    from `B` or the modules' own internals, and internal state objects (a node's `[NS]`) have no prototype, so a
//    page's getters and setters on Object.prototype never see them. A module's set-up (which may run after page
//    code) defines with `B.defineProperty` and prototype-less descriptors, or copies a class's or literal's members
//    with `H.mixin` (native: it reads the source's own properties, no getter runs), and walks its tables
//    with `B.forEach(B.split(...))`. `tests/redteam_builtins.rs` tries each.
// What page code receives from the prelude (events, nodes, URLs, results) is page-visible by design; listener
// objects, option bags and thenables the page hands in are read as a browser reads them.
var B = (function (O, F, A, R, S) {
  var uncurry = F.bind.bind(F.call);
  var b = O.create(null);
  var own = { create: O.create, defineProperty: O.defineProperty, defineProperties: O.defineProperties,
    getOwnPropertyDescriptor: O.getOwnPropertyDescriptor, getOwnPropertyDescriptors: O.getOwnPropertyDescriptors,
    getPrototypeOf: O.getPrototypeOf, setPrototypeOf: O.setPrototypeOf, keys: O.keys, assign: O.assign,
    freeze: O.freeze, hasOwn: uncurry(O.prototype.hasOwnProperty), apply: R.apply, construct: R.construct,
    get: R.get, set: R.set, has: R.has, ownKeys: R.ownKeys, Proxy: Proxy, forEach: uncurry(A.forEach),
    map: uncurry(A.map), push: uncurry(A.push), sort: uncurry(A.sort), split: uncurry(S.prototype.split),
    then: uncurry(Promise.prototype.then), structuredClone: typeof structuredClone === 'function' ? structuredClone : null,
    iterator: Symbol.iterator,
    // For egress paths (rule 6): internal arrays, strings and regexps without a method lookup on a page-writable
    // prototype, and the globals a request is built with.
    indexOf: uncurry(A.indexOf), splice: uncurry(A.splice), join: uncurry(A.join),
    lower: uncurry(S.prototype.toLowerCase), upper: uncurry(S.prototype.toUpperCase),
    trim: uncurry(S.prototype.trim), slice: uncurry(S.prototype.slice),
    strIndexOf: uncurry(S.prototype.indexOf), exec: uncurry(RegExp.prototype.exec),
    mapGet: uncurry(Map.prototype.get), mapSet: uncurry(Map.prototype.set), mapHas: uncurry(Map.prototype.has),
    mapDelete: uncurry(Map.prototype.delete), mapForEach: uncurry(Map.prototype.forEach), String: S,
    stringify: JSON.stringify, Map: Map, isArray: Array.isArray,
    Promise: Promise, resolve: Promise.resolve.bind(Promise), reject: Promise.reject.bind(Promise),
    weakGet: uncurry(WeakMap.prototype.get), weakSet: uncurry(WeakMap.prototype.set), WeakMap: WeakMap };
  var names = O.keys(own);
  for (var i = 0; i < names.length; i++) O.defineProperty(b, names[i], { __proto__: null, value: own[names[i]] });
  return O.freeze(b);
})(Object, Function.prototype, Array.prototype, Reflect, globalThis.String);
// The prelude's and the modules' `String` (modules.rs): the page may replace the global.
var String = B.String;
var hooks = B.create(null);
hooks.stringify = B.stringify;
