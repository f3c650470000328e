// Symbol.toStringTag, Object.prototype.toString and well-known symbols.
var ts = x => Object.prototype.toString.call(x);
print(ts(null), ts(undefined), ts([]), ts(function () {}), ts(async function () {}), ts(function* () {}), ts(new Date(0)), ts(/x/));
print(ts(new Map()), ts(new Set()), ts(new WeakMap()), ts(Promise.resolve()), ts(Symbol()), ts(1n), ts(JSON), ts(Math));
print(ts(new ArrayBuffer(1)), ts(new Uint8Array(1)), ts(new DataView(new ArrayBuffer(1))), ts(arguments0()), ts(new Error('e')));
function arguments0() { return arguments; }
print(ts({ [Symbol.toStringTag]: 'Custom' }), String(new (class Tagged { get [Symbol.toStringTag]() { return 'T'; } })()));
print(ts(Reflect), ts(globalThis.Atomics || {}), typeof Symbol.asyncIterator, Symbol.iterator.toString(), Symbol('d').description);
var prim = { [Symbol.toPrimitive](hint) { return hint === 'number' ? 42 : 'str:' + hint; } };
print('toPrimitive', +prim, `${prim}`, prim + '', prim * 1);
var hasInst = { [Symbol.hasInstance](v) { return v === 1; } };
print('hasInstance', 1 instanceof hasInst, 2 instanceof hasInst);
var spreadable = { length: 2, 0: 'a', 1: 'b', [Symbol.isConcatSpreadable]: true };
print('isConcatSpreadable', [0].concat(spreadable).join(','));
class MyArr extends Array { static get [Symbol.species]() { return Array; } }
print('species', new MyArr(1, 2, 3).map(x => x) instanceof MyArr, MyArr.from([1]) instanceof MyArr);
print('Symbol.for', Symbol.for('k') === Symbol.for('k'), Symbol.keyFor(Symbol.for('k')), Symbol.keyFor(Symbol('k')));
print('symbol keys hidden', JSON.stringify({ [Symbol('a')]: 1, b: 2 }), Object.getOwnPropertySymbols({ [Symbol('a')]: 1 }).length);
try { Symbol() + ''; } catch (e) { print('symbol to string', e.name); }
print('unscopables', Array.prototype[Symbol.unscopables].flat, typeof Array.prototype[Symbol.unscopables]);
print('function toString native', /\{\s*\[native code\]\s*\}/.test(String(Math.max)), Math.max.name, (function namedFn() {}).name, (() => {}).name, ({ m() {} }).m.name);
print('bound name', (function f() {}).bind().name, new Function('a', 'return a').name);
