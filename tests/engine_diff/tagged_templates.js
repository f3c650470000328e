// Tagged templates and template literals.
function tag(strings, ...vals) { return JSON.stringify({ s: strings, raw: strings.raw, v: vals, frozen: Object.isFrozen(strings) }); }
print(tag`a${1}b${'two'}c`);
print(tag`\n\u0041${0}\x41`);
print(tag`\unicode bad escape ${1}`);
var cache = []; function same(s) { cache.push(s); return s; } for (var i = 0; i < 2; i++) same`x`;
print('call-site object cached', cache[0] === cache[1], same`x` === cache[0]);
print(String.raw`C:\new\path${1 + 1}\u`, String.raw({ raw: ['a', 'b', 'c'] }, 1, 2, 3));
print(`multi
line ${'ok'}`.split('\n').length, `${{ toString() { return 'ts'; } }}`, `${[1, 2]}`, `${null} ${undefined}`);
var member = { t(s, v) { return this === member && s[0] + v; } }; print('tag as method keeps this', member.t`m${1}`);
print('nested templates', `a${`b${`c${1}`}`}`);
function html(s, ...v) { return s.reduce((acc, part, i) => acc + part + (i < v.length ? String(v[i]).replace(/</g, '&lt;') : ''), ''); }
print('escaping tag', html`<p>${'<b>'}</p>`);
print('template toString order', (function () { var log = []; var o = { toString() { log.push('toString'); return 's'; }, valueOf() { log.push('valueOf'); return 'v'; } }; `${o}`; '' + o; return log.join(); })());
