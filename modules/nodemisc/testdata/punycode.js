const p = require('punycode');
console.log(p.version, Object.keys(p));
for (const s of ['mañana', 'bücher', '☃-⌘', '😀', 'abc', '', 'ü', 'Hello-Another-Way-それぞれの場所', '3年B組金八先生']) {
  const e = p.encode(s); console.log(JSON.stringify(s), e, p.decode(e) === s);
}
console.log(p.toASCII('mañana.com'), p.toASCII('user@bücher.example'), p.toASCII('ex。ample.com'), p.toUnicode('xn--maana-pta.com'), p.toUnicode('XN--bcher-kva.EXAMPLE'));
console.log(p.ucs2.decode('😀a\ud800'), p.ucs2.encode([0x1f600, 97]));
try { p.decode('ü'); } catch (e) { console.log(e.name, e.message); }
try { p.decode('a-!!'); } catch (e) { console.log(e.name, e.message); }
const c = require('constants');
console.log(c.O_RDONLY, c.O_CREAT, c.SIGINT, c.SIGTERM, c.ENOENT, c.EACCES, c.S_IFMT, c.S_IFDIR, c.RTLD_LAZY, c.PRIORITY_HIGH, 'UV_UDP_REUSEADDR' in c);
