// Copyright (C) 2026 the sdkhost authors. All rights reserved.
// This code is governed by the BSD license found in the test262 LICENSE file.
/*---
esid: sec-destructuring-binding-patterns-runtime-semantics-propertybindinginitialization
description: >
  The key of a property whose value is a nested binding pattern is excluded from the object
  rest element, as the key of a single-name property is.
---*/

var { a, b: { c = 5 } = {}, ...rest } = { a: 1, b: { c: 2 }, f: 4 };
assert.sameValue(Object.keys(rest).join(), "f", "literal key with a nested object pattern");

var k = "key";
var { [k]: [x], ...others } = { key: [7], other: 8 };
assert.sameValue(x, 7);
assert.sameValue(Object.keys(others).join(), "other", "computed key with a nested array pattern");
