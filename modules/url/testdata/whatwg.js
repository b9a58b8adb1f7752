const { URL, URLSearchParams } = require('url');
const props = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];
function show(input, base) {
  try {
    const u = base === undefined ? new URL(input) : new URL(input, base);
    console.log(JSON.stringify([input, base]), JSON.stringify(props.map(p => u[p])));
  } catch (e) {
    console.log(JSON.stringify([input, base]), 'throws', e.name, e.code, e.message);
  }
}
const cases = [
  ['https://user:pa%20ss@Example.COM:8080/a/b/../c/./d?x=1&y=2#frag'],
  ['http://example.com'], ['http://example.com:80/'], ['https://example.com:443/x'], ['ftp://h:21/'], ['ws://h:80/'], ['wss://h:443/'],
  ['HTTP://EXAMPLE.com/%7Efoo/a b'], ['http://example.com/?q=a b&c=ü#h ash'], ['http://[::1]:3000/'], ['http://[2001:db8::0:1]/'],
  ['http://192.168.0.257/'], ['http://0x7f.1/'], ['http://127.1/'], ['http://example.com./'], ['http://ex%41mple.com/'],
  ['http://xn--nxasmq6b.com/'], ['http://ünicode.de/'], ['file:///etc/passwd'], ['file://host/share/x'], ['mailto:someone@example.com'],
  ['data:text/plain,hello'], ['javascript:alert(1)'], ['urn:isbn:0451450523'], ['blob:https://a.com/uuid'],
  ['/relative', 'https://base.com/dir/file'], ['relative', 'https://base.com/dir/file'], ['../up', 'https://base.com/a/b/c'],
  ['?q=1', 'https://base.com/p?old#h'], ['#new', 'https://base.com/p?q'], ['//other.com/x', 'https://base.com/'],
  ['', 'https://base.com/p?q#h'], ['not a url'], ['http://'], ['http://exa mple.com'], ['https://a.com:99999/'], ['http://a.com:0x50/'],
  ['  http://trim.com/  '], ['http://tab\t.com/\n'], ['http:\\\\backslash.com\\path'], ['HTTPS://A.COM'], ['http://a.com/%zz'],
  ['http://a.com/a%2Fb'], ['http://@a.com/'], ['http://u@a.com/'], ['http://:p@a.com/'], ['non-special://host/path'], ['foo:/bar'],
  ['http://a.com/p;param?q'], ['http://a.com?q'], ['http://a.com#'], ['http://a.com?'], ['sc://ñ.test/'], ['http://[::ffff:1.2.3.4]/'],
];
for (const c of cases) show(...c);
const u = new URL('https://example.com/path?a=1');
u.pathname = '/new path'; u.search = '?b=2 3'; u.hash = 'top'; u.port = '8443'; u.hostname = 'other.org'; u.username = 'me'; u.password = 'p@ss';
console.log(u.href, u.toString(), u.toJSON(), JSON.stringify({ u }));
u.protocol = 'http'; console.log(u.href); u.port = ''; console.log(u.href); u.port = '80'; console.log(u.href);
u.host = 'h.com:81'; console.log(u.href); u.href = 'https://reset.com/'; console.log(u.href);
try { u.href = 'bad'; } catch (e) { console.log(e.name, e.code); }
u.searchParams.append('k', 'v w'); console.log(u.href, u.search);
u.search = ''; console.log(u.href, [...u.searchParams].length);
console.log(URL.canParse ? URL.canParse('x:y') : 'n/a', typeof URL.createObjectURL);
console.log(String(new URL('http://a.com')), `${new URL('http://a.com/x')}`);
const sp = new URLSearchParams('a=1&b=2&a=3&c=%20x+y&d');
console.log(sp.get('a'), sp.getAll('a'), sp.get('c'), sp.get('d'), sp.get('none'), sp.has('b'), sp.toString(), sp.size);
sp.append('e', 'é&='); sp.set('a', 'only'); sp.delete('b'); sp.sort(); console.log(sp.toString(), [...sp.keys()], [...sp.values()], [...sp.entries()]);
const seen = []; sp.forEach((v, k) => seen.push(k + '=' + v)); console.log(seen);
console.log(new URLSearchParams({ x: 1, y: 'two' }).toString(), new URLSearchParams([['p', 'q'], ['r', 's']]).toString(), new URLSearchParams('?lead=1').toString());
console.log(new URLSearchParams('a=b').has('a', 'c'), new URLSearchParams('a=~!*()\'').toString());
try { new URLSearchParams([['only-one']]); } catch (e) { console.log(e.name, e.code); }
console.log(new URL('http://a.com/?x=1').searchParams.get('x'));
