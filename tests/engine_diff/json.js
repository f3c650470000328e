// JSON edge cases.
print(JSON.stringify({ u: undefined, f() {}, s: Symbol('x'), n: null, nan: NaN, inf: -Infinity, neg0: -0, d: new Date(0) }));
print(JSON.stringify([undefined, function () {}, Symbol('y')]));
print(JSON.stringify('\u2028\u2029\ud800 "q" \\ \n\t\u0007'));
print(JSON.stringify({ a: [1, { b: 2 }] }, null, 2));
print(JSON.stringify({ a: 1, b: [1, 2] }, null, '--'));
print(JSON.stringify({ a: 1, b: 2, c: { a: 3, z: 4 } }, ['a', 'c']));
print(JSON.stringify({ a: 1, b: 'x' }, (k, v) => typeof v === 'number' ? v * 10 : v));
print(JSON.stringify({ toJSON() { return { replaced: true }; } }), JSON.stringify({ x: { toJSON(key) { return 'key:' + key; } } }));
print(JSON.stringify(Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } })));
print(JSON.stringify(new Map([[1, 2]])), JSON.stringify(new Set([1])), JSON.stringify(new Uint8Array([1, 2])), JSON.stringify(/re/g));
print(JSON.stringify(1e21), JSON.stringify(0.1 + 0.2), JSON.stringify(-1e-7), JSON.stringify(5e-324), JSON.stringify(2 ** 53 + 2));
try { JSON.stringify(10n); } catch (e) { print('bigint', e.name); }
var cyc = {}; cyc.self = cyc;
try { JSON.stringify(cyc); } catch (e) { print('cyclic', e.name); }
print(JSON.stringify(JSON.parse('{"__proto__": {"x": 1}, "a": [1, 2.5e3, -0, true, null, "\\u00e9\\ud83d\\ude00"]}')));
print(Object.keys(JSON.parse('{"__proto__": 1}')).join(','), JSON.parse('{"a":1,"a":2}').a);
print(JSON.parse('[1, 2, 3]', (k, v) => Array.isArray(v) ? v : v * 2).join(','));
print(JSON.parse(' "\\/" '), JSON.parse('1E3'), JSON.parse('-0') === 0, 1 / JSON.parse('-0'));
['{a:1}', "{'a':1}", '[1,]', '01', 'NaN', '"\t"', '', '1 2', '{"a":1}x', '"\\x41"'].forEach(s => {
  try { JSON.parse(s); print('parsed', JSON.stringify(s)); } catch (e) { print('rejects', JSON.stringify(s), e.name); }
});
print(JSON.stringify({ key: 'v' }, null, 20).split('\n')[1].length, JSON.stringify([], null, 2), JSON.stringify({}, null, 2));
print(JSON[Symbol.toStringTag]);
var big = []; for (var i = 0; i < 5; i++) big.push({ i, s: 'x'.repeat(i) }); print(JSON.stringify(JSON.parse(JSON.stringify(big))) === JSON.stringify(big));
