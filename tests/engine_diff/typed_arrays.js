// Typed arrays, ArrayBuffer, DataView, TextEncoder/TextDecoder, atob/btoa.
var u8 = new Uint8Array([1, 2, 255, 256, -1]);
print('Uint8Array wrap', Array.from(u8).join(','), new Uint8ClampedArray([300, -5, 1.5]).join(','));
var buf = new ArrayBuffer(8); var dv = new DataView(buf);
dv.setUint32(0, 0xdeadbeef); dv.setFloat32(4, 1.5, true);
print('DataView', dv.getUint8(0).toString(16), dv.getUint32(0, true).toString(16), dv.getFloat32(4, true), new Uint8Array(buf).join(','));
print('views share buffer', (function () { var a = new Uint16Array(buf, 0, 2); a[0] = 1; return new Uint8Array(buf)[0] + ',' + new Uint8Array(buf)[1]; })());
print('subarray/slice', u8.subarray(1, 3).join(), u8.slice(-2).join(), Array.prototype.join.call(new Int8Array([-1, 127]), ' '));
print('BigInt64', new BigInt64Array([2n ** 63n - 1n])[0], new BigUint64Array([-1n])[0]);
print('Float64 edge', new Float64Array([NaN, -0, 1e308 * 10]).join(','), new Float32Array([0.1])[0]);
print('from/of/map', Uint8Array.from('123', Number).join(''), Int16Array.of(1, -2).join(), new Uint8Array([1, 2]).map(x => x * 200).join());
var enc = new TextEncoder();
print('TextEncoder', enc.encoding, Array.from(enc.encode('aé😀')).join(','), enc.encode('').length, Object.prototype.toString.call(enc.encode('x')));
print('TextEncoder lone surrogate', Array.from(enc.encode('\ud800')).join(','));
var dec = new TextDecoder();
print('TextDecoder', dec.encoding, dec.decode(enc.encode('héllo 😀')), dec.decode(new Uint8Array([0xff, 0x41])), dec.decode());
print('TextDecoder buffer source', dec.decode(enc.encode('ab').buffer), dec.decode(new DataView(enc.encode('cd').buffer)));
print('btoa/atob', btoa('hello'), atob('aGVsbG8='), btoa(String.fromCharCode(255, 0)), atob(' aGk= '));
try { btoa('é😀'); } catch (e) { print('btoa non-latin1', e.name); }
try { atob('!!!'); } catch (e) { print('atob invalid', e.name); }
print('base64 of utf8 (common SDK idiom)', btoa(unescape(encodeURIComponent('é😀'))), decodeURIComponent(escape(atob('w6nwn5iA'))));
print('ArrayBuffer', new ArrayBuffer(4).byteLength, ArrayBuffer.isView(dv), ArrayBuffer.isView(buf), buf.slice(4).byteLength);
var sorted = new Float64Array([3, -1, NaN, 2]).sort(); print('typed sort', sorted.join());
print('crypto-shaped', typeof crypto === 'object' && typeof crypto.getRandomValues === 'function', crypto.getRandomValues(new Uint8Array(4)).length);
