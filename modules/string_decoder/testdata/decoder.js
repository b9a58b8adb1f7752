const { StringDecoder } = require('string_decoder');
function run(enc, chunks) {
  const d = new StringDecoder(enc);
  const out = chunks.map((c) => JSON.stringify(d.write(Buffer.from(c))));
  out.push(JSON.stringify(d.end()));
  console.log(enc, JSON.stringify(chunks), out.join(' '), d.encoding);
}
run('utf8', [[0xe2], [0x82], [0xac, 0x41]]);
run('utf8', [[0xe2], [0x41]]);
run('utf8', [[0xe2, 0x82]]);
run('utf8', [[0xf0, 0x9f], [0x98], [0x80]]);
run('utf8', [[0xe2], [0xe2, 0x82, 0xac]]);
run('utf8', [[0xff, 0xe2]]);
run('utf8', [[0xed], [0xa0, 0x80]]);
run('utf16le', [[0x41], [0x00, 0x3d], [0xd8, 0x00], [0xde]]);
run('utf16le', [[0x3d, 0xd8]]);
run('utf16le', [[0x41]]);
run('base64', [[1], [2, 3, 4], [5]]);
run('base64url', [[1, 2, 3, 4]]);
run('hex', [[1, 255]]);
run('latin1', [[0xe9]]);
run(undefined, [[0x61]]);
try { new StringDecoder('nope'); } catch (e) { console.log(e.name, e.code, e.message); }
const d = new StringDecoder('utf8');
console.log(JSON.stringify(d.write('abc')), JSON.stringify(d.end(Buffer.from([0xe2]))), JSON.stringify(d.text ? 'has text' : 'no text'), d.lastNeed, d.lastTotal);
try { d.write(5) } catch (e) { console.log(e.name, e.code, e.message); }
// every split point of mixed text, in each encoding
const text = 'aé€😀z\u00ff\u0100';
for (const enc of ['utf8', 'utf16le', 'base64', 'hex', 'latin1']) {
  const bytes = Buffer.from(text, enc === 'base64' || enc === 'hex' ? 'utf8' : enc);
  const outs = [];
  for (let i = 0; i <= bytes.length; i++) {
    for (let j = i; j <= bytes.length; j++) {
      const dd = new StringDecoder(enc);
      outs.push(dd.write(bytes.subarray(0, i)) + '|' + dd.write(bytes.subarray(i, j)) + '|' + dd.write(bytes.subarray(j)) + '|' + dd.end());
    }
  }
  console.log(enc, outs.length, JSON.stringify(outs.slice(0, 40)), new Set(outs.map((s) => s.split('|').join(''))).size);
}
const d2 = new StringDecoder('utf-16le');
console.log(d2.encoding, JSON.stringify(d2.write(new Uint16Array([0x41, 0x42]))), JSON.stringify(d2.write(new DataView(new Uint8Array([0x43, 0]).buffer))));
const sd3 = new StringDecoder('utf8');
console.log(Object.keys(sd3), sd3.lastChar, sd3.lastNeed, sd3.lastTotal);
sd3.write(Buffer.from([0xe2]));
console.log(sd3.lastChar, sd3.lastNeed, sd3.lastTotal);
sd3.write(Buffer.from([0x82]));
console.log(sd3.lastChar, sd3.lastNeed, sd3.lastTotal, JSON.stringify(sd3.end()), sd3.lastNeed);
