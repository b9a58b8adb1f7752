const url = require('url');
const inputs = ['http://user:pass@host.com:8080/p/a/t/h?query=string#hash', 'https://example.com', 'HTTP://EXAMPLE.COM/Path',
  '/just/a/path?x=1', 'relative/path', '//host/no-proto', 'mailto:joe@example.com', 'javascript:alert("x y")',
  'http://a.com/with space/and"quote', 'http://[::1]:3000/x', 'file:///etc/hosts', 'http://host.com?q=1', 'http://host.com#frag',
  'http://ünicode.com/', 'http://a_b.com/', 'http://x.com/a\\b\\c?d\\e', '  http://trim.me/  ', 'http://host:/path', 'foo:bar',
  'http://a.com/p?a=1&a=2&b=%20', 'http://inv@lid@host.com/', 'http://host.com:65536/', 'http://h.com/\u00e9', '?only=query', '#onlyhash', ''];
for (const s of inputs) {
  console.log(JSON.stringify(s));
  console.log(url.parse(s));
}
console.log(url.parse('http://a.com/p?a=1&a=2&b=x', true).query);
console.log(url.parse('/p?x=1', true));
console.log(url.parse('//host/p', false, true));
console.log(url.format({ protocol: 'https', hostname: 'example.com', pathname: '/some/path', query: { page: 1, format: 'json' } }));
console.log(url.format({ protocol: 'http:', host: 'a.com:80', pathname: 'x', search: 'q=1', hash: 'h' }));
console.log(url.format({ protocol: 'file', pathname: '/tmp/x' }), url.format({ protocol: 'mailto', pathname: 'a@b.c' }));
console.log(url.format({ hostname: '::1', port: 8080, pathname: '/x#y?z' }), url.format({ auth: 'u:p w', host: 'h' }));
console.log(url.format('http://A.com/x'), url.format(url.parse('http://x.com/a b')));
const u = new URL('https://user:pw@測試.com:8443/p?q=1#f');
console.log(url.format(u), url.format(u, { auth: false, fragment: false, search: false }), url.format(u, { unicode: true }));
const pairs = [['http://a.com/b/c/d;p?q', 'g'], ['http://a.com/b/c/d;p?q', './g'], ['http://a.com/b/c/d;p?q', 'g/'], ['http://a.com/b/c/d;p?q', '/g'],
  ['http://a.com/b/c/d;p?q', '//g'], ['http://a.com/b/c/d;p?q', '?y'], ['http://a.com/b/c/d;p?q', 'g?y'], ['http://a.com/b/c/d;p?q', '#s'],
  ['http://a.com/b/c/d;p?q', '../g'], ['http://a.com/b/c/d;p?q', '../../../g'], ['http://a.com/b/c/d;p?q', '.'], ['http://a.com/b/c/d;p?q', ''],
  ['/one/two/three', 'four'], ['http://example.com/', '/one'], ['http://example.com/one', '/two'], ['http://example.com/one', 'https://other.com/x'],
  ['mailto:a@b.com', 'c@d.com'], ['http://a.com', 'mailto:x@y.z'], ['http://u:p@a.com/x', '//b.com/y'], ['http://a.com/x/', '..'], ['a/b', '../../c']];
for (const [a, b] of pairs) console.log(a, '+', b, '=>', url.resolve(a, b));
console.log(url.resolveObject('http://a.com/b', 'c').href);
console.log(url.fileURLToPath('file:///tmp/a%20b/c'), url.fileURLToPath(new URL('file:///x/y')), url.pathToFileURL('/tmp/a b#c?d%e').href, url.pathToFileURL('/x/').href);
for (const bad of ['http://x/y', 'file://host/x', 'file:///a%2fb']) { try { url.fileURLToPath(bad); } catch (e) { console.log(e.name, e.code); } }
console.log(url.urlToHttpOptions(new URL('https://u:p@[::1]:99/a?b#c')));
console.log(url.domainToASCII('español.com'), url.domainToASCII('xn--iñvalid.com'), url.domainToUnicode('xn--espaol-zwa.com'), url.domainToASCII('EXAMPLE.com'));
console.log(new URL('https://a.com/x?y=1#z'));
console.log([new URL('http://a.com')], { u: new URL('http://b.com/?k=v') });
console.log(new URLSearchParams('a=1&b=2'), new URLSearchParams(), new URL('http://a.com/?x=1').searchParams);
console.log(typeof URL, typeof URLSearchParams, URL === url.URL, URLSearchParams === url.URLSearchParams);
console.log(Object.keys(url).sort());
