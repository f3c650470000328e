// Inline caches against later changes to the same object (Boa patch 0008): a store or read cached at one site must
// see the property made read-only, the object frozen, an own property that shadows the prototype's, a property
// deleted and re-added, a prototype changed. Objects of 4, 20 and 1100 properties (shared shapes, and shapes of their
// own past Boa's limit), and the global object.
function make(n, proto) {
  var o = Object.create(proto || Object.prototype);
  for (var i = 0; i < n; i++) o['p' + i] = i;
  return o;
}
[4, 20, 1100].forEach(function (n) {
  var ro = make(n);
  var writeRo = function (v) { ro.p1 = v; };
  writeRo('a'); writeRo('b');
  Object.defineProperty(ro, 'p1', { writable: false });
  writeRo('c');
  var frozen = make(n);
  var writeFrozen = function (v) { frozen.p2 = v; };
  writeFrozen('a'); writeFrozen('b');
  Object.freeze(frozen);
  writeFrozen('c');
  var shadowed = make(n, { x: 'prototype' });
  var readX = function () { return shadowed.x; };
  readX(); readX();
  shadowed.x = 'own';
  var readdX = readX();
  var gone = make(n);
  var readLast = function () { return gone['p' + (n - 1)]; };
  readLast(); readLast();
  delete gone['p' + (n - 1)];
  var afterDelete = readLast();
  gone['p' + (n - 1)] = 'back';
  var moved = make(n, { y: 'first' });
  var readY = function () { return moved.y; };
  readY(); readY();
  Object.setPrototypeOf(moved, { y: 'second' });
  print(n + ' properties', ro.p1, frozen.p2, Object.isFrozen(frozen), readdX, afterDelete, readLast(), readY());
});
globalThis.icGlobal = 1;
function writeGlobal(v) { globalThis.icGlobal = v; }
writeGlobal(2); writeGlobal(3);
Object.defineProperty(globalThis, 'icGlobal', { writable: false });
writeGlobal(4);
function readGlobalShadow() { return globalThis.icShadow; }
Object.getPrototypeOf(globalThis).icShadow = 'prototype';
readGlobalShadow(); readGlobalShadow();
globalThis.icShadow = 'own';
print('global object', icGlobal, readGlobalShadow());
