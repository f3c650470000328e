// Number and string conversions SDKs use for ids, hashes and encodings.
print('toString radix', (255).toString(16), (255).toString(2), (0.5).toString(36), Math.pow(2, 53).toString(36), (-255).toString(36));
print('toFixed/precision', (1.005).toFixed(2), (1.45).toFixed(1), (123.456).toPrecision(4), (0.000001234).toPrecision(2), (1e21).toFixed(2), (12345.6789).toExponential(2));
print('number to string', 0.1 + 0.2, 1e21, 1e-7, 123e-20, -0, 2 ** 53, 5e-324, 1 / 3, 100 / 3);
print('parseInt/Float', parseInt('08'), parseInt('0x1f'), parseInt('1e3'), parseFloat('1e3'), parseFloat('.5x'), parseInt(' 42abc '), parseInt(''), Number(''), Number(' 12 '), Number('0b11'), Number('1_0'));
print('bitwise hashing', 'hello'.split('').reduce((h, c) => ((h << 5) - h + c.charCodeAt(0)) | 0, 0), -1 >>> 0, (2 ** 32 + 5) | 0, Math.imul(0x5bd1e995, 0x12345678), 1 << 31);
print('Math', Math.round(-0.5), Math.round(2.5), Math.max(), Math.min(), Math.sign(-3), Math.trunc(-4.7), Math.cbrt(27), Math.hypot(3, 4), Math.clz32(1), Math.fround(5.5));
print('string ops', 'abc'.charCodeAt(1), String.fromCharCode(0xd83d, 0xde00).codePointAt(0), 'é'.normalize('NFD').length, 'ß'.toUpperCase(), 'İ'.toLowerCase().length, 'a,b'.split(',', 1));
print('uri', encodeURIComponent('a b&c=d/é😀?'), encodeURI('http://x/a b?c=d#e'), decodeURIComponent('%E2%82%AC'), escape('€'));
print('compare', 'a' < 'B', 'a'.localeCompare('b'), ['b', 'a', 'C'].sort().join(), [10, 9, 1].sort().join(), [10, 9, 1].sort((a, b) => a - b).join());
print('coercion', [] + {}, [1] == 1, null == undefined, null == 0, NaN == NaN, Object.is(NaN, NaN), '2' * '3', true + 1, [2] * [3], typeof (1 + '1'));
print('BigInt', BigInt('0x' + 'ff'), BigInt.asUintN(8, 257n), (2n ** 64n).toString(16), typeof BigInt(1), 7n % 3n);
print('Number statics', Number.isInteger(5.0), Number.isSafeInteger(2 ** 53), Number.EPSILON > 0, Number.MAX_SAFE_INTEGER, Number.parseFloat === parseFloat);
print('locale-less', (1234567.891).toLocaleString(), new Intl_check().v);
function Intl_check() { this.v = typeof Intl; }
print('namespaces', typeof Temporal, typeof Math, typeof Reflect, typeof Atomics);
print('string raw access', 'abc'[1], 'abc'.at(5), Object.keys('ab').join(), 'a\u0000b'.length, '\x41\u{1F600}'.length);
print('repeat/pad/trim', 'ab'.repeat(3), 'x'.padEnd(4, 'yz'), '\t a \n'.trim(), ' a'.trimStart());
print('array from length', Array.from({ length: 3 }, (_, i) => i * i).join(), Array(3).join('-'), [, 1].length, Array.apply(null, Array(2)).length);
print('date hash id', (1767225600000).toString(36), Math.floor(1767225600000 / 1000));
