// Test harness for the browser-surface fixtures (tests/web/*.js): `assert`, `assertEq`, `assertThrows`. Each throws
// on failure, so the runner sees a JsError naming the fixture. Loaded before every fixture in a fresh page.
function fmt(v) {
  try { return typeof v === 'string' ? JSON.stringify(v) : String(v); } catch (e) { return '<unprintable>'; }
}
function assert(cond, msg) {
  if (!cond) throw new Error('assert failed: ' + (msg || ''));
}
function assertEq(a, b, msg) {
  if (a !== b && !(a !== a && b !== b)) throw new Error('assertEq failed: ' + (msg || '') + ': got ' + fmt(a) + ', want ' + fmt(b));
}
function assertJson(a, b, msg) {
  assertEq(JSON.stringify(a), JSON.stringify(b), msg);
}
function assertThrows(fn, name, msg) {
  try { fn(); } catch (e) {
    if (name && e.name !== name) throw new Error('assertThrows failed: ' + (msg || '') + ': threw ' + e.name + ': ' + e.message + ', want ' + name);
    return e;
  }
  throw new Error('assertThrows failed: ' + (msg || '') + ': nothing thrown');
}
