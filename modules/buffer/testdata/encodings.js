// Buffer encodings: round trips, odd inputs, write() limits.
'use strict';
const { Buffer: B2, kMaxLength, constants, atob, btoa } = require('buffer');
console.log(B2 === Buffer, kMaxLength, constants.MAX_STRING_LENGTH);
const encs = ['utf8', 'utf-8', 'UTF8', 'ucs2', 'utf16le', 'latin1', 'binary', 'ascii', 'base64', 'base64url', 'hex'];
const samples = ['', 'hi', 'héllo wörld', '€ and 😀 and \u00ff', 'a\u0000b', '\ud83d', 'xyz\udc00', '>>>???'];
for (const e of encs) {
  for (const s of samples) {
    const b = Buffer.from(s, e);
    console.log(e, JSON.stringify(s), b, b.length, Buffer.byteLength(s, e), JSON.stringify(b.toString(e)));
  }
}
const bytes = Buffer.from([0, 1, 0x7f, 0x80, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xff, 0xfe]);
for (const e of encs) console.log('toString', e, JSON.stringify(bytes.toString(e)));
// invalid utf8 -> U+FFFD per maximal subpart
const bad = [[0xe2, 0x82, 0x41], [0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98], [0xf4, 0x90, 0x80, 0x80], [0xe0, 0x80, 0x80], [0x80, 0x80], [0xc2]];
for (const b of bad) console.log('bad', JSON.stringify(Buffer.from(b).toString()), Buffer.from(b).toString().length);
// lenient base64 / hex decoding
for (const s of ['aGk=', 'aGk', 'aG k=\n', 'a-_/+b', 'aGk=aGk=', '=', 'a', 'ab', 'abc', '!!!!', 'SGVsbG8gV29ybGQ']) {
  console.log('b64', JSON.stringify(s), Buffer.from(s, 'base64'), Buffer.byteLength(s, 'base64'), Buffer.from(s, 'base64url'));
}
for (const s of ['abcd', 'ABCD', 'abc', 'abzz12', 'zz', '0', '']) console.log('hex', JSON.stringify(s), Buffer.from(s, 'hex'), Buffer.byteLength(s, 'hex'));
// toString ranges
const t = Buffer.from('hello world');
console.log(t.toString('utf8', 2), t.toString('utf8', 2, 5), t.toString(undefined, -3, 4), JSON.stringify(t.toString('utf8', 5, 2)), t.toString('hex', 0, 100), JSON.stringify(t.toString('utf8', 20)));
console.log(t.utf8Slice(1, 3), t.latin1Slice(0, 2), t.hexSlice(0, 2), t.base64Slice(0, 3), t.asciiSlice(0, 4));
// write
const w = Buffer.alloc(10);
console.log(w.write('héllo'), w);
console.log(w.write('abc', 8), w);
console.log(w.write('ffee', 1, 'hex'), w);
console.log(w.write('zz', 'latin1'), w);
console.log(w.write('€€€€', 0, 5), w);
console.log(w.write('abcdef', 2, 3, 'ascii'), w);
console.log(w.write('aGVsbG8=', 4, 'base64'), w);
console.log(w.write('x', 'ucs2'), w);
console.log(w.write('€€', 9, 'ucs2'), w);
console.log(w.write('abc', 10), w);
console.log(w.utf8Write('QQ', 0), w.latin1Write('é', 3), w);
// encodings list
for (const e of ['utf8', 'UTF-8', 'hex', 'HEX', 'Base64', 'binary', 'ucs-2', 'UTF-16LE', 'nope', '', null, undefined, 1]) console.log('isEncoding', e, Buffer.isEncoding(e));
console.log(btoa('hello'), atob('aGVsbG8='), atob(' aGVs bG8 '), btoa('\u00ff\u00fe'));
for (const f of [() => btoa('€'), () => atob('a'), () => atob('*abc')]) { try { f(); } catch (e) { console.log(e.name, e.message); } }
console.log(require('buffer').isUtf8(Buffer.from('héllo')), require('buffer').isUtf8(Buffer.from([0xff])), require('buffer').isAscii(Buffer.from('abc')));
