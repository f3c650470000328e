// Destructuring, spread, rest and default parameters.
var { a, b: { c = 5, ...restInner } = {}, ...rest } = { a: 1, b: { d: 2, e: 3 }, f: 4, g: 5 };
print('object destructuring', a, c, JSON.stringify(restInner), JSON.stringify(rest));
var [x, , y = 'def', ...ys] = [1, 2, undefined, 4, 5];
print('array destructuring', x, y, ys.join(','));
function f({ p = 'dp', q } = {}, [r, s] = [7, 8], ...more) { return [p, q, r, s, more.length].join(','); }
print('param defaults', f(), f({ q: 1 }, [1], 1, 2));
var swap1 = 1, swap2 = 2; [swap1, swap2] = [swap2, swap1];
print('swap', swap1, swap2);
print('spread object order', JSON.stringify({ ...{ a: 1, b: 2 }, b: 3, ...null, ...undefined, ...'hi' }));
print('spread array holes', JSON.stringify([...[1, , 3]]), [...new Set([3, 3, 1])].join(','));
print('spread args', Math.max(...[1, 9, 3], ...new Set([12])));
var getterCalls = 0; var src = { get v() { getterCalls++; return 'g'; } };
var { v } = src; var copy = { ...src };
print('spread calls getters', getterCalls, Object.getOwnPropertyDescriptor(copy, 'v').value);
try { var { z } = null; } catch (e) { print('destructure null', e.name); }
try { var [w] = {}; } catch (e) { print('destructure non-iterable', e.name); }
var { ['comp' + 'uted']: cv = 'none' } = { computed: 'yes' };
print('computed key', cv);
function len(a, b = 1, ...c) {} print('function length', len.length, ((...a) => 0).length);
var nested = [[1, [2, [3]]]]; var [[n1, [n2, [n3]]]] = nested; print('nested', n1 + n2 + n3);
for (var [k, val] of Object.entries({ k1: 'v1' })) print('for-of entries', k, val);
var ar; ({ p: { q: ar }, ...arRest } = { p: { q: 3 }, s: 9 }); print('assignment rest after nested pattern', ar, JSON.stringify(arRest));
var { [`k${1}`]: [ck], ...ckRest } = { k1: [7], other: 8 }; print('computed key nested pattern rest', ck, JSON.stringify(ckRest));
