// Blob and File (MDN: /en-US/docs/Web/API/Blob, /en-US/docs/Web/API/File), a lazy module: parts may be strings (UTF-8), ArrayBuffers,
// typed arrays or DataViews, and Blobs. The bytes are kept in a hidden (non-enumerable) property `__bytes`, a
// Uint8Array the network glue reads for request bodies; never change it. Deviations: no `stream()`, no blob: URLs,
// `endings: 'native'` is treated as 'transparent'.
var blobEncoder = new TextEncoder();
function blobType(t) { t = t === undefined ? '' : String(t); return /^[\x20-\x7e]*$/.test(t) ? t.toLowerCase() : ''; }
function blobBytes(parts) {
  if (parts === undefined) return new Uint8Array(0);
  if (parts === null || typeof parts !== 'object' || typeof parts[Symbol.iterator] !== 'function') {
    throw new TypeError("Failed to construct 'Blob': The provided value cannot be converted to a sequence.");
  }
  var chunks = [], n = 0, out, at = 0;
  for (var p of parts) {
    var b = p instanceof Blob ? p.__bytes : p instanceof ArrayBuffer ? new Uint8Array(p.slice(0)) :
      ArrayBuffer.isView(p) ? new Uint8Array(p.buffer.slice(p.byteOffset, p.byteOffset + p.byteLength)) :
      blobEncoder.encode(String(p));
    chunks.push(b);
    n += b.length;
  }
  out = new Uint8Array(n);
  chunks.forEach(function (c) { out.set(c, at); at += c.length; });
  return out;
}
var BT = Symbol('blob');
function makeBlob(blob, bytes, type) {
  B.defineProperty(blob, '__bytes', { __proto__: null, value: bytes });
  blob[BT] = { type: type };
  return blob;
}
class Blob {
  constructor(parts, options) { makeBlob(this, blobBytes(parts), blobType(options && options.type)); }
  get size() { return this.__bytes.length; }
  get type() { return this[BT].type; }
  slice(start, end, type) {
    var n = this.__bytes.length;
    function clamp(i, d) { i = i === undefined ? d : Math.trunc(Number(i)) || 0; return i < 0 ? Math.max(n + i, 0) : Math.min(i, n); }
    var a = clamp(start, 0), b = clamp(end, n);
    return makeBlob(B.create(Blob.prototype), this.__bytes.slice(a, Math.max(a, b)), blobType(type));
  }
  text() { return Promise.resolve(new TextDecoder().decode(this.__bytes)); }
  arrayBuffer() { return Promise.resolve(this.__bytes.slice().buffer); }
  bytes() { return Promise.resolve(this.__bytes.slice()); }
}
B.defineProperty(Blob.prototype, Symbol.toStringTag, { __proto__: null, value: 'Blob', configurable: true });
class File extends Blob {
  constructor(bits, name, options) {
    if (arguments.length < 2) throw new TypeError("Failed to construct 'File': 2 arguments required, but only " + arguments.length + ' present.');
    super(bits, options);
    this[BT].name = String(name);
    this[BT].lastModified = options && options.lastModified !== undefined ? Number(options.lastModified) : Date.now();
  }
  get name() { return this[BT].name; }
  get lastModified() { return this[BT].lastModified; }
  get webkitRelativePath() { return ''; }
}
B.defineProperty(File.prototype, Symbol.toStringTag, { __proto__: null, value: 'File', configurable: true });
I.expose(Blob);
I.expose(File);
I.Blob = Blob;
I.File = File;
