// Web Storage (MDN: /en-US/docs/Web/API/Storage), a lazy module: `localStorage` (per origin, kept for the session and in the
// profile) and `sessionStorage` (per origin, for the session's tab), on the natives of src/web/storage.rs. Named
// properties work (`localStorage.foo = 'x'`, `'foo' in localStorage`, `Object.keys`) through a Proxy; a write over
// the 5 MiB quota throws a QuotaExceededError DOMException (code 22); an opaque origin throws SecurityError.
// `storage` events are never fired at the page that made the change (browser behaviour) and there are no other tabs.
var SA = Symbol('storage'), domError = I.domError;
function storageArea(o) {
  var s = o && o[SA];
  if (s === undefined) throw new TypeError('Illegal invocation');
  return s;
}
class Storage {
  constructor() { I.illegal(); }
  get length() { return H.storageLength(storageArea(this)); }
  key(i) { return H.storageKey(storageArea(this), Number(i)); }
  getItem(k) { return H.storageGet(storageArea(this), String(k)); }
  setItem(k, v) {
    if (arguments.length < 2) throw new TypeError("Failed to execute 'setItem' on 'Storage': 2 arguments required, but only " + arguments.length + ' present.');
    k = String(k);
    if (!H.storageSet(storageArea(this), k, String(v))) {
      throw domError('QuotaExceededError', "Failed to execute 'setItem' on 'Storage': Setting the value of '" + k + "' exceeded the quota.");
    }
  }
  removeItem(k) { H.storageRemove(storageArea(this), String(k)); }
  clear() { H.storageClear(storageArea(this)); }
}
I.expose(Storage);
function makeStorage(local) {
  var target = B.create(Storage.prototype);
  target[SA] = local;
  var own = function (k) { return typeof k === 'string' && !(k in target) && H.storageGet(local, k) !== null; };
  return new Proxy(target, {
    get: function (t, k, r) { return own(k) ? H.storageGet(local, k) : Reflect.get(t, k, r); },
    set: function (t, k, v, r) { if (typeof k !== 'string') return Reflect.set(t, k, v, r); t.setItem(k, v); return true; },
    has: function (t, k) { return k in t || own(k); },
    deleteProperty: function (t, k) { if (typeof k === 'string' && !(k in t)) H.storageRemove(local, k); return Reflect.deleteProperty(t, k); },
    ownKeys: function (t) { return H.storageKeys(local).concat(Reflect.ownKeys(t)); },
    getOwnPropertyDescriptor: function (t, k) {
      if (typeof k === 'string' && !Object.prototype.hasOwnProperty.call(t, k)) {
        var v = H.storageGet(local, k);
        if (v !== null) return { value: v, writable: true, enumerable: true, configurable: true };
      }
      return Reflect.getOwnPropertyDescriptor(t, k);
    },
    defineProperty: function (t, k, d) { if (typeof k !== 'string') return Reflect.defineProperty(t, k, d); t.setItem(k, d.value); return true; }
  });
}
var storageObjects = {};
B.forEach([['localStorage', true], ['sessionStorage', false]], function (a) {
  B.defineProperty(window, a[0], {
    __proto__: null,
    get: function () {
      if (H.storageOrigin === null) throw domError('SecurityError', "Failed to read the '" + a[0] + "' property from 'Window': Storage is disabled inside 'data:' URLs.");
      return storageObjects[a[0]] || (storageObjects[a[0]] = makeStorage(a[1]));
    },
    enumerable: true, configurable: true
  });
});
