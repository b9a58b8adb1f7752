// Cipheriv/Decipheriv: AES CBC, ECB, CTR, GCM round trips against node's
// ciphertexts, padding, auth tags and errors.
'use strict';
const c = require('crypto');
function show(label, f) {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
}
const key = Buffer.alloc(32, 1), iv = Buffer.alloc(16, 2);
const text = 'hello world, this is longer than a block — ünïcödé';
for (const bits of [128, 192, 256]) {
  for (const mode of ['cbc', 'ecb', 'ctr']) {
    const alg = 'aes-' + bits + '-' + mode;
    const k = key.subarray(0, bits / 8), v = mode === 'ecb' ? null : iv;
    const e = c.createCipheriv(alg, k, v);
    const ct = Buffer.concat([e.update(text.slice(0, 7), 'utf8'), e.update(text.slice(7)), e.final()]);
    const d = c.createDecipheriv(alg, k, v);
    const pt = d.update(ct.subarray(0, 5), undefined, 'utf8') + d.update(ct.subarray(5), undefined, 'utf8') + d.final('utf8');
    console.log(alg, ct.toString('hex'), pt === text);
  }
}
const e2 = c.createCipheriv('aes-128-ctr', Buffer.alloc(16, 3), iv);
console.log('ctr hex', e2.update('abc', 'utf8', 'hex'), e2.final('hex'), e2.update === c.Cipheriv.prototype.update);
const g = c.createCipheriv('aes-256-gcm', key, Buffer.alloc(12, 4));
g.setAAD(Buffer.from('aad'));
const gct = Buffer.concat([g.update('secret msg'), g.final()]);
const tag = g.getAuthTag();
console.log('gcm', gct.toString('hex'), tag.toString('hex'));
const gd = c.createDecipheriv('aes-256-gcm', key, Buffer.alloc(12, 4));
gd.setAAD(Buffer.from('aad'));
gd.setAuthTag(tag);
console.log('gcm open', Buffer.concat([gd.update(gct), gd.final()]).toString());
const gd2 = c.createDecipheriv('aes-256-gcm', key, Buffer.alloc(12, 4));
gd2.setAuthTag(Buffer.alloc(16));
gd2.update(gct);
show('gcm bad tag', () => gd2.final());
show('bad key', () => c.createCipheriv('aes-256-cbc', Buffer.alloc(5), iv));
show('bad iv', () => c.createCipheriv('aes-256-cbc', key, Buffer.alloc(5)));
show('unknown', () => c.createCipheriv('nope', key, iv));
const e3 = c.createCipheriv('aes-256-cbc', key, iv);
const ct3 = Buffer.concat([e3.update('0123456789'), e3.final()]);
const bd = c.createDecipheriv('aes-256-cbc', Buffer.alloc(32, 9), iv);
bd.update(ct3);
show('bad decrypt', () => bd.final());
const np = c.createCipheriv('aes-128-cbc', Buffer.alloc(16), iv);
np.setAutoPadding(false);
np.update('abc');
show('no padding, short', () => np.final());
const np2 = c.createCipheriv('aes-128-cbc', Buffer.alloc(16), iv).setAutoPadding(false);
const raw = Buffer.concat([np2.update(Buffer.alloc(32, 7)), np2.final()]);
const nd = c.createDecipheriv('aes-128-cbc', Buffer.alloc(16), iv).setAutoPadding(false);
console.log('no padding', raw.length, Buffer.concat([nd.update(raw), nd.final()]).equals(Buffer.alloc(32, 7)));
const f = c.createCipheriv('aes-128-cbc', Buffer.alloc(16), iv);
f.final();
show('update after final', () => f.update('x'));
show('final twice', () => f.final());
console.log(c.getCiphers().includes('aes-256-gcm'), c.getCiphers().includes('aes-128-cbc'));
const sk = c.createSecretKey(Buffer.alloc(16, 8));
const ek = c.createCipheriv('aes-128-cbc', sk, iv);
console.log('keyobject', Buffer.concat([ek.update('k'), ek.final()]).toString('base64'));
// ciphers as streams
const { Readable, pipeline, Writable, Transform } = require('stream');
const ce = c.createCipheriv('aes-256-cbc', key, iv);
const cd = c.createDecipheriv('aes-256-cbc', key, iv);
console.log('cipher is Transform', ce instanceof Transform);
let plain = '';
pipeline(Readable.from(['stream ', 'of ', 'plaintext'], { objectMode: false }), ce, cd,
  new Writable({ write(chunk, enc, cb) { plain += chunk; cb(); } }),
  (err) => console.log('pipeline', err, plain));
