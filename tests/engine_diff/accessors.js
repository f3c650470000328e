// Getters, setters, defineProperty and property enumeration order.
var log = [];
var o = { _v: 1, get v() { log.push('get'); return this._v; }, set v(x) { log.push('set ' + x); this._v = x; } };
o.v = 5; print('getter/setter', o.v, log.join(','));
var d = Object.getOwnPropertyDescriptor(o, 'v');
print('accessor descriptor', typeof d.get, typeof d.set, d.enumerable, d.configurable, 'value' in d);
var p = {};
Object.defineProperty(p, 'ro', { value: 1 });
p.ro = 2;
print('non-writable sloppy assign ignored', p.ro, Object.keys(p).length, JSON.stringify(Object.getOwnPropertyDescriptor(p, 'ro')));
try { (function () { 'use strict'; p.ro = 3; })(); } catch (e) { print('strict assign to read-only', e.name); }
try { Object.defineProperty(p, 'ro', { value: 9 }); } catch (e) { print('redefine non-configurable', e.name); }
Object.defineProperty(p, 'acc', { get() { return 'a'; }, enumerable: true, configurable: true });
print('defined accessor', p.acc, Object.keys(p).join(','));
Object.defineProperties(p, { x: { value: 'x', enumerable: true }, y: { value: 'y' } });
print('defineProperties keys', Object.keys(p).join(','), Object.getOwnPropertyNames(p).join(','));
var order = { b: 1, 2: 1, a: 1, 1: 1, [Symbol('s')]: 1, '-1': 1, '01': 1 };
print('key order', Object.keys(order).join(','), Reflect.ownKeys(order).length);
var frozen = Object.freeze({ a: { b: 1 } });
frozen.a.b = 2; frozen.c = 3;
print('freeze is shallow', frozen.a.b, 'c' in frozen, Object.isFrozen(frozen), Object.isFrozen(frozen.a));
var sealed = Object.seal({ a: 1 }); sealed.a = 2; delete sealed.a;
print('seal', sealed.a, Object.isSealed(sealed), Object.isExtensible(sealed));
class K { get x() { return 1; } static get y() { return 2; } }
print('class accessors on prototype', Object.getOwnPropertyNames(K.prototype).join(','), K.y, Object.getOwnPropertyDescriptor(K.prototype, 'x').enumerable);
var inherited = Object.create({ get z() { return this.w * 2; } }, { w: { value: 21, enumerable: true } });
print('inherited getter this', inherited.z, JSON.stringify(inherited), Object.assign({}, inherited).z);
var counter = 0; var lazy = { get once() { counter++; Object.defineProperty(this, 'once', { value: 'cached' }); return 'first'; } };
print('self-replacing getter', lazy.once, lazy.once, counter);
print('__proto__ literal', Object.getPrototypeOf({ __proto__: null }) === null, ({ ['__proto__']: 1 }).hasOwnProperty('__proto__'));
print('__defineGetter__', typeof Object.prototype.__defineGetter__, typeof Object.prototype.__lookupGetter__);
var gs = {}; gs.__defineGetter__('q', function () { return 'q!'; }); print('legacy getter works', gs.q);
