const { MIMEType, MIMEParams } = require('util');
for (const s of ['text/html; charset=UTF-8', 'Text/HTML;Charset="utf-8"', 'application/json', ' text/plain ; a=b ; a=c ; d="q\\"x" ; e=', 'image/svg+xml;x="a b"', 'bad', 'text/', 'a/b;=c;d', 'a/b;c="unterminated', 'a/b ;c=d', 'x/y;A=B;b=" spaced "', '/b', 'a b/c']) {
  try { const m = new MIMEType(s); console.log(JSON.stringify(s), m.type, m.subtype, m.essence, String(m), [...m.params], m.params.get('charset'), JSON.stringify(m)); }
  catch (e) { console.log(JSON.stringify(s), e.name, e.code, e.message); }
}
const m = new MIMEType('text/plain;a=1'); m.type = 'application'; m.subtype = 'JSON'; m.params.set('b', 'x y'); m.params.delete('a');
console.log(String(m), m.params.has('b'), [...m.params.keys()], [...m.params.values()], String(m.params), m.params.get('zz'));
try { m.type = 'a b'; } catch (e) { console.log(e.code, e.message); }
try { m.params.set('bad name', 'v'); } catch (e) { console.log(e.code, e.message); }
const p = new MIMEParams(); p.set('k', ''); p.set('q', 'a"b'); console.log(p.toString(), JSON.stringify(p));
