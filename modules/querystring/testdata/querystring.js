const qs = require('querystring');
const show = (label, fn) => { try { console.log(label, fn()); } catch (e) { console.log(label, 'throws', e.name, e.code, e.message); } };
const inputs = ['', 'a=1', 'a=1&b=2', 'a=1&a=2&a=3', 'a', 'a=', '=x', '&&a=1&&', 'a=1=2', 'sp=a+b%20c', 'k+ey=v',
  'pct=%E2%82%AC', 'bad=%E2%82', 'bad2=%zz', 'bad3=%', 'bad4=%4', 'latin=%E9', 'arr=1&arr=&arr=x', '__proto__=1&constructor=2',
  'hasOwnProperty=x', 'a=%F0%9F%98%80', 'u=%u0041'];
for (const s of inputs) show('parse ' + JSON.stringify(s), () => qs.parse(s));
show('parse sep/eq', () => qs.parse('a:1;b:2', ';', ':'));
show('parse maxKeys', () => qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 }));
show('parse maxKeys 0', () => qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 0 }));
show('parse custom decode', () => qs.parse('a=%41&b=c', null, null, { decodeURIComponent: s => s.toLowerCase() }));
show('parse non-string', () => qs.parse(42));
show('proto', () => Object.getPrototypeOf(qs.parse('a=1')) === null);
const objs = [{}, { a: 1, b: 'x y', c: true, d: false }, { arr: [1, 'two', null, undefined, 3.5] }, { n: NaN, i: Infinity, z: -0, big: 10n },
  { u: undefined, nl: null, o: { x: 1 }, f() {} }, { 'k e&y': 'v=al/ue?#' }, { uni: '€😀', emoji: '\u00e9' }, { s: "!'()*-._~" }];
for (const o of objs) show('stringify', () => qs.stringify(o));
show('stringify sep/eq', () => qs.stringify({ a: 1, b: 2 }, ';', ':'));
show('stringify custom encode', () => qs.stringify({ a: 'x y' }, null, null, { encodeURIComponent: s => s.toUpperCase() }));
show('stringify non-object', () => [qs.stringify('abc'), qs.stringify(null), qs.stringify(5)]);
show('stringify lone surrogate', () => qs.stringify({ a: '\ud800' }));
show('escape', () => [qs.escape('a b&c/d?é'), qs.escape(12), qs.escape({ toString() { return 'o k'; } })]);
show('unescape', () => [qs.unescape('a%20b'), qs.unescape('%E2%82'), qs.unescape('a+b'), qs.unescape('%zz%41')]);
show('aliases', () => qs.encode === qs.stringify && qs.decode === qs.parse);
show('roundtrip', () => qs.parse(qs.stringify({ x: ['1', '2'], y: 'a&b=c' })));
