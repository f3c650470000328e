// Regular expressions: named groups, lookbehind, sticky, unicode, flags, replace forms.
var m = /(?<year>\d{4})-(?<month>\d{2})/.exec('on 2024-02-29');
print('named groups', m.groups.year, m.groups.month, m.index, JSON.stringify(Object.keys(m.groups)));
print('named replace', '2024-02'.replace(/(?<y>\d+)-(?<m>\d+)/, '$<m>/$<y>'), 'ab'.replace(/(a)(b)/, "$2$1$$$&$'$`"));
print('lookbehind', 'price $42 and €7'.match(/(?<=\$)\d+/)[0], 'x1 y2'.replace(/(?<!x)\d/g, '#'));
print('lookahead', 'abc'.replace(/b(?=c)/, 'B'), 'abd'.replace(/b(?!c)/, 'B'));
var sticky = /foo/y; sticky.lastIndex = 3;
print('sticky', sticky.test('barfoo'), sticky.lastIndex, sticky.test('barfoo'), sticky.lastIndex);
print('unicode', /^.$/u.test('😀'), /^.$/.test('😀'), '😀'.match(/./gu).length, /\u{1F600}/u.test('😀'), /\p{L}+/u.exec('héllo!')[0]);
print('dotAll', /a.b/s.test('a\nb'), /a.b/.test('a\nb'), /a.b/s.flags, /x/gimsuy.flags);
print('matchAll', [...'a1b22c333'.matchAll(/(\d+)/g)].map(x => x[1] + '@' + x.index).join(','));
print('split', 'a, b,c'.split(/\s*,\s*/).join('|'), 'abc'.split('').length, 'a1b2'.split(/(\d)/).join('|'));
print('replace fn', 'a-b-c'.replace(/-(\w)/g, (all, ch, off) => ch.toUpperCase() + off));
print('lastIndex global', (function () { var r = /a/g; r.test('aa'); return r.lastIndex; })());
print('source and toString', /a\/b[/]/.source, String(/x/gi), new RegExp('/', 'g').source, RegExp('a|b').source);
print('escapes', /\bword\b/.test('a word here'), /[\w-]+@[\w.]+/.exec('mail me: j-d@ex.co now')[0], /\d{2,}?/.exec('12345')[0]);
print('case insensitive unicode', /ſ/i.test('s'), /ſ/iu.test('s'), /[a-z]/i.test('K'));
print('backreference', /(\w)\1/.exec('hello')[0], /(?<c>\w)\k<c>/.exec('aabb')[0]);
print('hasIndices', (function () { try { var r = /(?<n>b)/d.exec('ab'); return JSON.stringify(r.indices) + JSON.stringify(r.indices.groups); } catch (e) { return e.name; } })());
try { new RegExp('('); } catch (e) { print('bad pattern', e.name); }
print('symbol.replace on strings', 'aaa'.replaceAll(/a/g, 'b'), 'x.y.z'.split('.', 2).join());
print('url-ish parse', /^(?:([A-Za-z]+):)?(\/{0,3})([0-9.\-A-Za-z]+)(?::(\d+))?(?:\/([^?#]*))?(?:\?([^#]*))?(?:#(.*))?$/.exec('https://ex.com:8080/p/a?q=1#h').slice(1).join('|'));
