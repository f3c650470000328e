// Classes with private fields, methods, static blocks and brand checks.
class Counter {
  #count = 0;
  static #instances = 0;
  static { Counter.#instances = 100; }
  #bump() { return ++this.#count; }
  get #twice() { return this.#count * 2; }
  inc() { this.#bump(); return this; }
  get value() { return this.#count + '/' + this.#twice; }
  static made() { return Counter.#instances; }
  static has(o) { return #count in o; }
}
var c = new Counter().inc().inc();
print('private state', c.value, Counter.made());
print('brand check', Counter.has(c), Counter.has({}));
try { Counter.prototype.inc.call({}); } catch (e) { print('foreign receiver', e.name); }
print('private not in keys', Object.keys(c).length, JSON.stringify(c), Object.getOwnPropertyNames(c).length);
class Base { #x = 'base'; getX() { return this.#x; } }
class Derived extends Base { #x = 'derived'; getDX() { return this.#x; } }
var dd = new Derived();
print('same name, separate slots', dd.getX(), dd.getDX());
class Acc { accessor = 1; static name2 = 'static-field'; ['comp' + 'uted'] = 2; }
print('public fields', new Acc().accessor, Acc.name2, new Acc().computed);
class Init { a = this.constructor.name; b = this.a + '!'; }
print('field initialiser order', new Init().b);
var C2 = class Named { who() { return Named.name; } };
print('class expression name', C2.name, new C2().who());
print('class typeof and strict', typeof Counter, (function () { try { Counter(); } catch (e) { return e.name; } })());
class S { static #p() { return 'sp'; } static call() { return S.#p(); } }
print('static private method', S.call());
class G { *[Symbol.iterator]() { yield 1; yield 2; } }
print('class generator method', [...new G()].join(','));
print('toString of class', String(class X { m() {} }).slice(0, 9));
