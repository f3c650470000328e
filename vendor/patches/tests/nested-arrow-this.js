// Copyright (C) 2026 the sdkhost authors. All rights reserved.
// This code is governed by the BSD license found in the test262 LICENSE file.
/*---
esid: sec-ordinarycallbindthis
description: >
  An arrow function nested in an arrow function resolves `this` to the nearest enclosing
  non-arrow function, however deep the nesting (ThisMode lexical).
flags: [noStrict]
---*/

var o = { m() { return [1].map(k => [2].map(j => this))[0][0]; } };
assert.sameValue(o.m(), o, "arrow in arrow in a method");

var p = { m() { let v = 1; return (() => () => () => [this, v])()()(); } };
assert.sameValue(p.m()[0], p, "three arrows deep, with an escaping binding");

class C { m() { return (() => (() => this)())(); } }
var c = new C();
assert.sameValue(c.m(), c, "arrows in a class method");

function F() { this.f = () => () => this; }
var f = new F();
assert.sameValue(f.f()(), f, "arrows created in a constructor");
