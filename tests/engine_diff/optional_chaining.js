// Optional chaining, nullish coalescing and logical assignment.
var o = { a: { b: null, f() { return this === o.a; } }, arr: [1], fn: null };
print('chain', o?.a?.b?.c, o.x?.y.z, o.a.f?.(), o.fn?.(), o.arr?.[0], o.nope?.[0]);
print('call keeps this', o.a?.f(), (o?.a).f());
print('nullish', null ?? 'd', 0 ?? 'd', '' ?? 'd', false ?? 'd', undefined ?? null ?? 'last');
var la = { n: null, z: 0, s: 'set' };
la.n ??= 'filled'; la.z ||= 'or'; la.s &&= 'and'; la.missing ??= 1;
print('logical assignment', JSON.stringify(la));
var count = 0; var sideEffect = null; sideEffect?.[count++];
print('short circuit no side effect', count);
print('delete optional', delete o?.a.b, 'b' in o.a, delete o.none?.x);
print('optional with template', o?.a ? `yes ${o.a.b ?? 'null'}` : 'no');
print('numbers', 1_000_000, 0b101, 0o17, 0x1f, 2 ** 10, 10n ** 20n, typeof 1n, 5n / 2n);
print('string methods', 'abc'.at(-1), 'a-b-c'.replaceAll('-', '+'), ' x '.trimEnd() + '|', 'x'.padStart(3, '0'));
print('array methods', [1, [2, [3, [4]]]].flat(2).length, [3, 1, 2].toSorted().join(''), [1, 2, 3].findLast(x => x < 3), [1, 2].at(-1));
print('object methods', JSON.stringify(Object.fromEntries([['a', 1]])), Object.hasOwn({ h: 1 }, 'h')));
print('globalThis', typeof globalThis, globalThis === this);
