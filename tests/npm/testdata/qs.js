const qs = require('qs');
console.log(qs.parse('a[b][c]=d&e=1&e=2&f[]=x&f[]=y'));
console.log(qs.stringify({ a: { b: { c: 'd' } }, e: [1, 2], s: 'a b&c' }));
console.log(qs.stringify({ a: [1, 2] }, { arrayFormat: 'brackets', encode: false }));
console.log(qs.parse('?x=1&y=%20z', { ignoreQueryPrefix: true }));
console.log(qs.parse('a.b=c', { allowDots: true }), qs.stringify({ d: new Date(0) }));
console.log(qs.parse('a=1;b=2', { delimiter: ';' }));
