// readFile/writeFile in every encoding, including invalid UTF-8 and lone
// surrogates, and files whose stat size is 0 (/proc).
const fs = require('fs');
const { log, p } = require('./_h');
const bytes = Buffer.from([0x61, 0xff, 0xc3, 0x28, 0xe2, 0x82, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xf0, 0x9f, 0x98, 0xed, 0xa0, 0x80, 0xc0, 0xaf, 0x80, 0xf4, 0x90, 0x80, 0x80, 0x7f]);
fs.writeFileSync(p('bin'), bytes);
for (const enc of ['utf8', 'utf-8', 'ascii', 'latin1', 'binary', 'hex', 'base64', 'base64url', 'ucs2', 'utf16le']) {
  log(enc, JSON.stringify(fs.readFileSync(p('bin'), enc)));
}
const s = 'a\u00e9\u20ac\ud83d\ude00\ud800x\udc00y';
for (const enc of ['utf8', 'ascii', 'latin1', 'hex', 'base64', 'ucs2']) {
  try {
    fs.writeFileSync(p('out'), enc === 'hex' ? '00ff7g' : enc === 'base64' ? 'aGk=\n d29y bGQ' : s, enc);
    log('write', enc, fs.readFileSync(p('out')).toString('hex'));
  } catch (e) { log('write', enc, 'ERR', e.message); }
}
const st = fs.readFileSync('/proc/self/stat', 'utf8');
log('proc file read', st.length > 10, fs.statSync('/proc/self/stat').size);
// a partial character split across createReadStream chunks
fs.writeFileSync(p('split'), Buffer.from('€€€€€'));
const parts = [];
fs.createReadStream(p('split'), { encoding: 'utf8', highWaterMark: 4 })
  .on('data', (d) => parts.push(d))
  .on('end', () => log('split chunks', JSON.stringify(parts)));
