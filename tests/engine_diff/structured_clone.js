// structuredClone.
var src = { n: 1, s: 's', d: new Date(0), r: /x/gi, m: new Map([['k', { v: 1 }]]), set: new Set([1, 2]), a: [1, , 3], nested: { deep: [{ x: 1 }] }, u8: new Uint8Array([1, 2]), big: 10n, und: undefined, nul: null, neg0: -0 };
src.self = src;
var c = structuredClone(src);
print('deep copy', c !== src, c.self === c, c.nested.deep[0].x, c.nested !== src.nested);
print('types', c.d instanceof Date, c.d.getTime(), c.r instanceof RegExp, c.r.flags, c.r.lastIndex, c.m.get('k').v, c.set.has(2), c.u8 instanceof Uint8Array, c.u8.join(), c.big);
print('holes and undefined', 1 in c.a, c.a.length, 'und' in c, c.und, c.nul, Object.is(c.neg0, -0));
try { structuredClone({ f() {} }); } catch (e) { print('function', e.name); }
try { structuredClone(Symbol('s')); } catch (e) { print('symbol', e.name); }
var withProto = structuredClone(new (class P { constructor() { this.x = 1; } })());
print('class instance becomes plain', Object.getPrototypeOf(withProto) === Object.prototype, withProto.x);
var withGetter = structuredClone({ get g() { return 'got'; } });
print('getter becomes value', Object.getOwnPropertyDescriptor(withGetter, 'g').value);
var shared = { v: 1 }; var two = structuredClone([shared, shared]); print('shared refs kept', two[0] === two[1]);
print('primitives', structuredClone('str'), structuredClone(5), structuredClone(null), structuredClone(undefined), structuredClone(true));
try { var wrapped = structuredClone(new String('boxed')); print('boxed primitive', typeof wrapped, String(wrapped)); } catch (e) { print('threw', e.name); }
var ab = new ArrayBuffer(2); var cab = structuredClone(ab); print('array buffer copied', cab !== ab, cab.byteLength);
try { print('symbol keys dropped', Object.getOwnPropertySymbols(structuredClone({ [Symbol('k')]: 1 })).length); } catch (e) { print('threw', e.name); }
try { print('non-enumerable dropped', Object.keys(structuredClone(Object.defineProperty({ e: 1 }, 'h', { value: 2 }))).join(',')); } catch (e) { print('threw', e.name); }
// Last: Boa's structuredClone does not clone Error objects (it throws).
var err = structuredClone(new TypeError('bad'));
print('error', err instanceof TypeError, err.name, err.message);
