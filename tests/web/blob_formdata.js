// Blob, File and FormData, including the hidden byte and entry stores the network glue reads.
// expect: text héllo!
// expect: bytes 104,195,169,108
// expect: slice llo!
var b = new Blob(['h', 'éllo', new Uint8Array([33])], { type: 'Text/Plain' });
assertEq(b.size, 7);
assertEq(b.type, 'text/plain');
assert(b.__bytes instanceof Uint8Array && b.__bytes.length === 7, '__bytes');
assertEq(Object.keys(b).length, 0, '__bytes is hidden');
assertEq(new Blob().size, 0);
assertEq(new Blob(['x'], { type: 'bad\u0001' }).type, '');
var nested = new Blob([b, new ArrayBuffer(2), new DataView(new ArrayBuffer(1))]);
assertEq(nested.size, 10);
assertThrows(function () { new Blob('not a sequence'); }, 'TypeError');
b.text().then(function (t) { console.log('text', t); });
b.slice(0, 4).arrayBuffer().then(function (ab) { console.log('bytes', Array.from(new Uint8Array(ab)).join()); });
b.slice(-4).text().then(function (t) { console.log('slice', t); });
assertEq(b.slice(2, 1).size, 0);
assertEq(b.slice(1, 3, 'A/B').type, 'a/b');
var f = new File(['abc'], 'a.txt', { type: 'text/plain', lastModified: 5 });
assertEq(f.name, 'a.txt');
assertEq(f.lastModified, 5);
assertEq(f.size, 3);
assert(f instanceof Blob && f instanceof File, 'File is a Blob');
assertThrows(function () { new File(['x']); }, 'TypeError');
assertEq(Object.prototype.toString.call(b), '[object Blob]');

var fd = new FormData();
fd.append('a', 1);
fd.append('a', '2');
fd.append('blob', new Blob(['zz']));
fd.append('file', f, 'renamed.txt');
assertEq(fd.get('a'), '1');
assertJson(fd.getAll('a'), ['1', '2']);
assert(fd.get('blob') instanceof File, 'a Blob becomes a File');
assertEq(fd.get('blob').name, 'blob');
assertEq(fd.get('file').name, 'renamed.txt');
assert(fd.has('a') && !fd.has('z'), 'has');
fd.set('a', 'only');
assertJson(fd.getAll('a'), ['only']);
fd.delete('blob');
assertEq(fd.has('blob'), false);
assertJson(Array.from(fd.keys()), ['a', 'file']);
assertEq(fd.__entries.length, 2);
assertEq(fd.__entries[0][1], 'only');
assertEq(Object.keys(fd).length, 0, '__entries is hidden');
var pairs = [];
fd.forEach(function (v, k) { pairs.push(k); });
for (var e of fd) pairs.push(e[0]);
assertEq(pairs.join(), 'a,file,a,file');
assertThrows(function () { fd.append('x'); }, 'TypeError');
var form = document.createElement('form');
form.innerHTML = '';
[['input', { name: 'q', value: 'shoes' }], ['input', { name: 'agree', type: 'checkbox' }],
  ['input', { name: 'news', type: 'checkbox', checked: '' }], ['input', { type: 'text', value: 'unnamed' }],
  ['input', { name: 'off', disabled: '' }], ['input', { name: 'go', type: 'submit', value: 'Go' }]].forEach(function (d) {
  var el = document.createElement(d[0]);
  for (var k in d[1]) el.setAttribute(k, d[1][k]);
  form.appendChild(el);
});
assertJson(Array.from(new FormData(form)), [['q', 'shoes'], ['news', 'on']]);
assertThrows(function () { new FormData({}); }, 'TypeError');
