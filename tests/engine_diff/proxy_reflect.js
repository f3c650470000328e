// Proxy traps and Reflect.
var log = [];
var target = { a: 1, nested: { b: 2 } };
var p = new Proxy(target, {
  get(t, k, r) { log.push('get ' + String(k)); return Reflect.get(t, k, r); },
  set(t, k, v, r) { log.push('set ' + String(k)); return Reflect.set(t, k, v, r); },
  has(t, k) { log.push('has ' + String(k)); return k in t; },
  deleteProperty(t, k) { log.push('delete ' + String(k)); return delete t[k]; },
  ownKeys(t) { log.push('ownKeys'); return Reflect.ownKeys(t); },
  getOwnPropertyDescriptor(t, k) { log.push('gopd ' + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
  defineProperty(t, k, d) { log.push('define ' + String(k)); return Reflect.defineProperty(t, k, d); },
});
p.a; p.x = 5; 'a' in p; delete p.x; Object.keys(p); JSON.stringify(p); ({ ...p });
print(log.join('; '));
log.length = 0; Object.assign({}, p); print('assign', log.join('; '));
log.length = 0; for (var k in p) {} print('for-in', log.join('; '));
var fnProxy = new Proxy(function (a, b) { return a + b; }, { apply(t, th, args) { return 'applied:' + t(...args); }, construct(t, args) { return { made: args.length }; } });
print('apply/construct', fnProxy(1, 2), new fnProxy(1, 2, 3).made, typeof fnProxy);
var r = Proxy.revocable({}, {}); r.revoke();
try { r.proxy.x; } catch (e) { print('revoked', e.name); }
print('Reflect', Reflect.has({ a: 1 }, 'a'), Reflect.ownKeys({ b: 1, [Symbol.iterator]: 0 }).length, Reflect.getPrototypeOf([]) === Array.prototype, Reflect.apply(Math.max, null, [1, 3]));
print('Reflect.construct newTarget', Reflect.construct(function () { this.nt = new.target.name; }, [], function Other() {}).nt);
print('Reflect.defineProperty returns bool', Reflect.defineProperty(Object.freeze({}), 'x', { value: 1 }));
try { new Proxy({}, { get() { return 2; } }) ; var inv = new Proxy(Object.defineProperty({}, 'c', { value: 1 }), { get() { return 2; } }); inv.c; } catch (e) { print('invariant', e.name); }
var arrP = new Proxy([1, 2, 3], {});
print('array proxy', Array.isArray(arrP), arrP.length, JSON.stringify(arrP), Object.prototype.toString.call(arrP));
var observed = []; var watched = new Proxy({}, { set(t, k, v) { observed.push(k + '=' + v); t[k] = v; return true; } });
watched.a = 1; watched.b = 2; Object.assign(watched, { c: 3 }); print('set traps', observed.join(','));
