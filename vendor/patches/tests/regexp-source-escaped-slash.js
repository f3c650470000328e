// Copyright (C) 2026 the sdkhost authors. All rights reserved.
// This code is governed by the BSD license found in the test262 LICENSE file.
/*---
esid: sec-escaperegexppattern
description: >
  RegExp.prototype.source escapes a `/` that would end a literal, but not one that is escaped
  already or one inside a character class, so `new RegExp(re.source)` is the same pattern.
---*/

assert.sameValue(/a\/b/.source, "a\\/b", "an escaped slash stays as it is");
assert.sameValue(/^https?:\/\//.source, "^https?:\\/\\/", "URL scheme pattern");
assert.sameValue(/[/]/.source, "[/]", "a slash in a class needs no escape");
assert.sameValue(/[\]/]\//.source, "[\\]/]\\/", "an escaped ] does not end the class");
assert.sameValue(new RegExp("/").source, "\\/", "a bare slash is escaped");
assert(new RegExp(/^https?:\/\//.source).test("https://x"), "source round-trips");
assert(!new RegExp(/a\/b/.source).test("a\\/b"), "source does not gain a literal backslash");
