// `this` in arrows, methods, classes and callbacks at every nesting (the Boa 0.22 nested-arrow bug and its kin).
var o = {
  name: 'o',
  m() { return [1].map(k => [2].map(j => this))[0][0] === o; },
  deep() { return (() => () => () => () => this)()()()() === o; },
  arrowInCallback() { var r; [1].forEach(function () { r = [1].map(x => [1].map(y => this))[0][0]; }, { tag: 'cb' }); return r.tag; },
  mixed() { var self = this; return [1].map(function () { return [1].map(() => [1].map(() => this === self)); })[0][0][0]; },
  timer() { var me = this; return new Promise(res => setTimeout(() => [1].forEach(() => res([1].map(() => this)[0] === me)), 0)); },
};
print('method nested arrows', o.m());
print('four-deep arrows', o.deep());
print('callback thisArg through arrows', o.arrowInCallback());
print('function between arrows', o.mixed());
o.timer().then(v => print('timer then nested arrows', v));

function Strict() { 'use strict'; var v = 1; return [1].map(() => [1].map(() => this))[0][0]; }
print('strict function, plain call', Strict());
print('strict function, call()', Strict.call('s') === 's', typeof Strict.call(5));
function Sloppy() { return [1].map(() => [1].map(() => this))[0][0]; }
print('sloppy function, plain call is global', Sloppy() === globalThis);
print('sloppy function, primitive boxed', typeof Sloppy.call(5));

class A {
  #secret = 'p';
  field = () => [1].map(() => this)[0];
  constructor() { this.fromCtor = [1].map(() => [1].map(() => this))[0][0]; }
  method() { return [1].map(() => [1].map(() => this.#secret))[0][0]; }
  static s() { return [1].map(() => [1].map(() => this))[0][0] === A; }
  get g() { return (() => (() => this)())() === this; }
}
var a = new A();
print('class field arrow', a.field() === a);
print('class constructor nested', a.fromCtor === a);
print('class method private through arrows', a.method());
print('class static nested', A.s());
print('class getter nested', a.g);
class B extends A { constructor() { var f = () => () => this; super(); this.inner = f()(); } }
var b = new B();
print('derived ctor arrow after super', b.inner === b);
try { class C extends A { constructor() { var f = () => this; f(); super(); } } new C(); print('no error'); } catch (e) { print('this before super', e.name); }

var bound = function () { return [1].map(() => () => this)[0](); }.bind({ k: 'bound' });
print('bound function nested', bound().k);
var obj2 = { f() { return { g: () => [1].map(() => this)[0] }; } };
print('arrow returned in object literal', obj2.f().g() === obj2);
async function asyncThis() { await null; return [1].map(() => [1].map(() => this))[0][0]; }
asyncThis.call({ t: 'async' }).then(v => print('async nested arrows', v.t));
function* genThis() { yield [1].map(() => () => this)[0](); }
print('generator nested arrows', genThis.call({ t: 'gen' }).next().value.t);
var evalThis = { e() { return [1].map(() => eval('[1].map(() => this)[0]'))[0]; } };
print('eval inside arrows', evalThis.e() === evalThis);
var withArgs = { m() { return [1].map(() => [1].map(() => arguments[0]))[0][0]; } };
print('arguments through arrows', withArgs.m('arg0'));
var nt = { m() { function F() { this.made = [1].map(() => new.target === F)[0]; } return new F().made; } };
print('new.target through arrow', nt.m());
