// Inputs near the edges of the URL fast path, each compared with node.
const abs = ['http://example.com', 'http://example.com/', 'http://example.com:080/x', 'http://example.com:80', 'https://example.com:443/',
  'http://example.com:65535/', 'http://example.com:65536/', 'http://example.com?x', 'http://example.com#f', 'http://example.com/a//b/',
  'http://example.com/a/./b', 'http://example.com/a/.hidden', 'http://example.com/..', "http://example.com/?q='x'", 'http://example.com/?a=1?b',
  'http://example.com/#a?b#c', 'http://1.2.3.4/', 'http://example.123/', 'http://ex-ample.co.uk/', 'http://a.b.c.d.e/', 'ws://h/', 'wss://h:443/x',
  'http://example.com/a b', 'http://example.com/%41', 'http://xn--nxasmq6b.com/', 'http://exa_mple.com/', 'http://example.com./', 'http://0x10/',
  'http://example.com/:@!$&()*+,;=~', 'http://example.com/?:@/?!$&()*+,;=~', 'ftp://example.com/', 'http://-a.com/', 'http://a-.com/'];
for (const s of abs) { try { const u = new URL(s); console.log(s, u.href, u.host, u.port, u.pathname, u.search, u.hash); } catch (e) { console.log(s, e.code); } }
const rel = ['/', '/a', '/a?b=1', '/a#h', '//other.com/x', '/a/../b', '/a/./b', "/q?x='y'", '/a b', '/%zz', '/?', '/#'];
for (const base of ['http://localhost:8080', 'https://u:p@host.com/base/path?q#f', 'file:///tmp/x', 'foo://bar/baz', 'http://[::1]:3000/']) {
  for (const r of rel) { try { console.log(base, r, new URL(r, base).href); } catch (e) { console.log(base, r, e.code); } }
}
