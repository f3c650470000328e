// Labelled breaks and continues, switch, try/finally ordering, with, var hoisting and TDZ.
var out = [];
outer: for (var i = 0; i < 3; i++) { inner: for (var j = 0; j < 3; j++) { if (j === 1) continue outer; if (i === 2) break outer; out.push(i + '' + j); } }
print('labelled loops', out.join(','));
blk: { out.push('in block'); if (out.length) break blk; out.push('never'); }
print('labelled block', out[out.length - 1]);
function fin() { try { return 'try'; } finally { print('finally runs before return'); } }
print('finally', fin());
function finOverride() { try { throw new Error('x'); } catch (e) { return 'catch'; } finally { return 'finally wins'; } }
print('finally override', finOverride());
function loopFinally() { var r = []; for (var k = 0; k < 3; k++) { try { if (k === 1) continue; if (k === 2) break; r.push(k); } finally { r.push('f' + k); } } return r.join(); }
print('finally in loop', loopFinally());
function sw(x) { switch (x) { case 1: return 'one'; case '1': return 'string one'; default: return 'default'; case 2: return 'two'; } }
print('switch strict', sw(1), sw('1'), sw(2), sw(3));
function fall(x) { var r = ''; switch (x) { case 0: r += '0'; case 1: r += '1'; break; case 2: r += '2'; } return r; }
print('fallthrough', fall(0), fall(1), fall(2));
print('hoisting', typeof hoistedFn, typeof hoistedVar, (function () { try { tdz; } catch (e) { return e.name; } let tdz; })());
function hoistedFn() {} var hoistedVar = 1;
with ({ wx: 'with-scope' }) { print('with', wx); }
var closures = []; for (let n = 0; n < 3; n++) closures.push(() => n); print('let per iteration', closures.map(f => f()).join());
var vclosures = []; for (var vn = 0; vn < 3; vn++) vclosures.push(() => vn); print('var shared', vclosures.map(f => f()).join());
print('comma and void', (1, 2), void 0, typeof void 0);
print('in operator and delete', 'length' in [], delete [].length, (function () { 'use strict'; try { delete Object.prototype; } catch (e) { return e.name; } })());
do { print('do-while once'); } while (false);
print('label on for-of', (function () { var r = []; lbl: for (var a of [1, 2, 3]) { for (var b of [1, 2]) { if (b === 2) continue lbl; if (a === 3) break lbl; r.push(a + ':' + b); } } return r.join(); })());
print('getter in switch discriminant', (function () { var n = 0; var o = { get v() { n++; return 2; } }; switch (o.v) { case 1: case 2: break; } return n; })());
print('annex-b', typeof escape, escape('a b+é'), unescape('%u00e9%20'), 'abc'.substr(-2, 1), typeof ''.anchor, 'x'.bold());
