// Generators and iterators.
function* g() { var x = yield 1; print('received', x); try { yield 2; } finally { print('cleanup'); } return 3; }
var it = g();
print(JSON.stringify(it.next()), JSON.stringify(it.next('in')), JSON.stringify(it.return(9)), JSON.stringify(it.next()));
function* inner() { yield 'a'; return 'r'; }
function* outer() { var r = yield* inner(); yield r; yield* [1, 2]; }
print('delegation', [...outer()].join(','));
var thrower = g(); thrower.next();
try { thrower.throw(new Error('boom')); } catch (e) { print('throw into generator', e.message); }
function* inf() { var i = 0; while (true) yield i++; }
var taken = []; for (var v of inf()) { if (v > 4) break; taken.push(v); }
print('break out of infinite', taken.join(','));
var custom = { from: 1, to: 3, [Symbol.iterator]() { var c = this.from, t = this.to; return { next: () => c <= t ? { value: c++, done: false } : { value: undefined, done: true }, return() { print('iterator return called'); return { done: true }; } }; } };
print('custom iterable', Array.from(custom).join(','));
for (var x of custom) { break; }
var [first] = custom;
print('destructure closes', first);
print('generator proto chain', Object.getPrototypeOf(g) === Object.getPrototypeOf(function* () {}), typeof it[Symbol.iterator], it[Symbol.iterator]() === it);
print('toStringTag', Object.prototype.toString.call(it), String(g.constructor.name));
var entries = new Map([['k', 1], ['j', 2]]).entries();
print('map iterator', JSON.stringify([...entries]), Object.prototype.toString.call(new Set().values()));
print('spread string with astral', [...'a😀b'].length, Array.from('héllo').join('|'));
