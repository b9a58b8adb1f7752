// crypto: hashes and HMACs against known vectors, random sources, errors.
'use strict';
const crypto = require('crypto');
function show(label, f) {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
}
const algs = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'SHA256', 'RSA-SHA1', 'sha512-256', 'sha3-256'];
const inputs = ['', 'abc', 'The quick brown fox jumps over the lazy dog', 'héllo €', 'a'.repeat(1000)];
for (const a of algs) {
  for (const s of inputs) {
    console.log(a, s.length, crypto.createHash(a).update(s).digest('hex'));
  }
  console.log(a, 'base64', crypto.createHash(a).update('x').digest('base64'), crypto.createHash(a).update('x').digest('base64url'), crypto.createHash(a).digest().length);
  console.log(a, 'hmac', crypto.createHmac(a, 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'));
  console.log(a, 'hmac long key', crypto.createHmac(a, Buffer.alloc(200, 7)).update('data').digest('base64'));
}
// chunked updates equal one update; encodings of input
const h = crypto.createHash('sha256');
for (let i = 0; i < 100; i++) h.update('chunk' + i);
let all = ''; for (let i = 0; i < 100; i++) all += 'chunk' + i;
console.log(h.digest('hex') === crypto.createHash('sha256').update(all).digest('hex'));
console.log(crypto.createHash('md5').update('68656c6c6f', 'hex').digest('hex'), crypto.createHash('md5').update('hello').digest('hex'));
console.log(crypto.createHash('md5').update('aGVsbG8=', 'base64').digest('hex'), crypto.createHash('md5').update('héllo', 'latin1').digest('base64'));
console.log(crypto.createHash('sha1').update(new Uint16Array([1, 2])).digest('hex'), crypto.createHash('sha1').update(new DataView(new ArrayBuffer(3))).digest('hex'));
console.log(crypto.createHash('sha256').update('x').digest('latin1').length, crypto.createHash('sha256').digest('nope').length);
const h2 = crypto.createHash('sha1'); h2.update('ab'); const h3 = h2.copy(); h3.update('c');
console.log(h2.digest('hex'), h3.digest('hex'));
console.log(crypto.hash('sha1', 'abc'), crypto.hash('md5', Buffer.from('abc'), 'base64'), crypto.hash('sha256', 'abc', 'buffer').length);
const fin = crypto.createHash('sha256'); fin.digest();
show('update after digest', () => fin.update('x'));
show('digest twice', () => fin.digest());
show('copy after digest', () => fin.copy());
show('bad data', () => crypto.createHash('sha256').update(5));
show('bad alg', () => crypto.createHash('nope'));
show('alg type', () => crypto.createHash(5));
show('hmac no key', () => crypto.createHmac('sha256'));
show('hmac bad alg', () => crypto.createHmac('nope', 'k'));
const hm = crypto.createHmac('sha256', 'k'); hm.digest();
show('hmac digest twice', () => hm.digest('hex'));
show('hmac update after', () => hm.update('x'));
console.log(crypto.createHmac('sha256', new Uint8Array([1, 2])).digest('hex'), crypto.createHmac('sha256', new ArrayBuffer(2)).digest('hex'), crypto.createHmac('md5', '').digest('hex'));
console.log(crypto.getHashes().includes('sha256'), crypto.getHashes().includes('md5'), crypto.getHashes().includes('RSA-SHA256'));
// pbkdf2 (RFC 6070 vectors)
console.log(crypto.pbkdf2Sync('password', 'salt', 1, 20, 'sha1').toString('hex'), crypto.pbkdf2Sync('password', 'salt', 4096, 32, 'sha256').toString('hex'));
show('pbkdf2 digest', () => crypto.pbkdf2Sync('p', 's', 1, 10, 'nope'));
show('pbkdf2 iter', () => crypto.pbkdf2Sync('p', 's', 0, 10, 'sha1'));
// random
const r = crypto.randomBytes(16);
console.log(Buffer.isBuffer(r), r.length, crypto.randomBytes(0).length, crypto.randomBytes(3.9).length);
show('randomBytes -1', () => crypto.randomBytes(-1));
show('randomBytes str', () => crypto.randomBytes('a'));
show('randomBytes huge', () => crypto.randomBytes(2 ** 31));
const uuids = new Set();
for (let i = 0; i < 100; i++) uuids.add(crypto.randomUUID());
console.log(uuids.size, [...uuids].every((u) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u)));
let ok = true;
for (let i = 0; i < 200; i++) { const n = crypto.randomInt(10); if (n < 0 || n >= 10 || !Number.isInteger(n)) ok = false; const m = crypto.randomInt(-5, 5); if (m < -5 || m >= 5) ok = false; }
console.log('randomInt in range', ok);
show('randomInt order', () => crypto.randomInt(5, 5));
show('randomInt unsafe', () => crypto.randomInt(1.5));
console.log(crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')), crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd')), crypto.timingSafeEqual(new Uint16Array([1]), new Uint8Array([1, 0])));
show('tse length', () => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')));
show('tse type', () => crypto.timingSafeEqual('a', 'b'));
const u32 = new Uint32Array(4);
console.log(crypto.getRandomValues(u32) === u32, globalThis.crypto.getRandomValues(new Uint8Array(8)).length, typeof globalThis.crypto.randomUUID());
for (const bad of [new Float64Array(2), new Uint8Array(65537), [1, 2]]) {
  try { crypto.getRandomValues(bad); } catch (e) { console.log('grv', e.name, e.code, e.message); }
}
const filled = crypto.randomFillSync(Buffer.alloc(8), 2, 4);
console.log(filled[0], filled[1], filled[6], filled[7]);
// async results complete in any order (a thread pool in node, goroutines
// here): collect them, print sorted.
const results = [];
let pending = 5;
function done(line) {
  results.push(line);
  if (--pending === 0) console.log(results.sort().join('\n'));
}
crypto.randomBytes(8, (err, buf) => done('async randomBytes ' + err + ' ' + buf.length));
crypto.randomFill(new Uint8Array(4), (err, buf) => done('async randomFill ' + err + ' ' + buf.length));
crypto.randomInt(3, (err, n) => done('async randomInt ' + err + ' ' + (n >= 0 && n < 3)));
crypto.pbkdf2('password', 'salt', 2, 20, 'sha1', (err, key) => done('async pbkdf2 ' + err + ' ' + key.toString('hex')));
crypto.hkdf('sha1', 'k', 's', 'i', 8, (err, ab) => done('async hkdf ' + err + ' ' + Buffer.from(ab).toString('hex')));
// Hash and Hmac as streams
const { Readable, Transform } = require('stream');
const hs = crypto.createHash('sha256');
console.log('hash is Transform', hs instanceof Transform, typeof hs.pipe);
hs.setEncoding('hex');
hs.on('data', (d) => console.log('stream digest', d));
hs.on('end', () => console.log('stream end'));
hs.write('ab');
hs.end('c');
const hms = crypto.createHmac('md5', 'k');
Readable.from(['x', 'y'], { objectMode: false }).pipe(hms);
hms.on('readable', () => { const d = hms.read(); if (d) console.log('hmac stream', d.toString('hex')); });
// hkdf
console.log(Buffer.from(crypto.hkdfSync('sha256', 'key', 'salt', 'info', 16)).toString('hex'), crypto.hkdfSync('sha256', 'key', 'salt', 'info', 16) instanceof ArrayBuffer);
console.log(Buffer.from(crypto.hkdfSync('sha512', Buffer.from('k'), '', '', 64)).toString('hex'));
show('hkdf keylen', () => crypto.hkdfSync('sha256', 'k', 's', 'i', 255 * 32 + 1));
show('hkdf digest', () => crypto.hkdfSync('nope', 'k', 's', 'i', 10));
show('hkdf negative', () => crypto.hkdfSync('sha256', 'k', 's', 'i', -1));
