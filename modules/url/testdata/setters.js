// URL setters: each assignment printed with the resulting href.
const cases = [
  ['https://a.com/p?q#h', 'protocol', ['http', 'HTTP:', 'ftp', 'file', 'foo', 'wss:', '1bad', '']],
  ['foo://h/p', 'protocol', ['http', 'bar', 'file']],
  ['https://a.com/', 'username', ['user', 'us er@:', '']],
  ['file:///x', 'username', ['nope']],
  ['https://a.com/', 'password', ['p:w', '']],
  ['https://a.com:8080/', 'host', ['b.com', 'c.com:9090', 'd.com:', '[::1]:1', 'e.com:443', 'bad host', '']],
  ['https://a.com:8080/', 'hostname', ['b.com', 'c.com:1', '[::2]', '']],
  ['https://a.com/', 'port', ['8080', '443', '', '12ab', 'abc', '99999', '-1', 0]],
  ['https://a.com/p', 'pathname', ['/x/y', 'no-slash', '/a b/ü', '/../..', '/%2e/x', '']],
  ['mailto:a@b', 'pathname', ['/x']],
  ['https://a.com/?old', 'search', ['?new=1', 'x=y z', '?', '', '#hash?']],
  ['https://a.com/#old', 'hash', ['#new', 'x y', '#', '']],
  ['https://a.com/x', 'href', ['http://b.com/y?z']],
  ['file:///a/b', 'host', ['server', 'localhost']],
  ['http://a.com', 'hostname', ['ÉXAMPLE.com', 'xn--nxasmq6b.com', '0x7f.0.0.1']],
];
for (const [start, prop, values] of cases) {
  for (const v of values) {
    const u = new URL(start);
    try { u[prop] = v; console.log(start, prop, JSON.stringify(v), '=>', u.href, u[prop]); }
    catch (e) { console.log(start, prop, JSON.stringify(v), 'throws', e.code); }
  }
}
const u = new URL('https://a.com/?a=1&b=2');
const sp = u.searchParams;
sp.append('c', '3'); console.log(u.href);
u.search = '?z=9'; console.log(sp.get('z'), sp.get('a'), [...sp].length);
sp.delete('z'); console.log(u.href, JSON.stringify(u.search));
u.href = 'http://b.com/?k=1'; console.log(sp.get('k'));
sp.sort(); sp.set('a', 'x y'); console.log(u.href, u.searchParams === sp);
const t = new URL('http://x.com/'); t.searchParams.set('q', 'a+b=c&d'); console.log(t.href, t.searchParams.toString());
const p = new URLSearchParams('z=1&a=2&z=0&b'); p.sort(); console.log(p.toString(), p.size);
console.log(new URLSearchParams('%zz=%f0%9f%98&+=+').toString(), [...new URLSearchParams('a=%E2%82%AC')]);
console.log(String(new URLSearchParams({ s: '😀 ~*-._!\'()' })));
