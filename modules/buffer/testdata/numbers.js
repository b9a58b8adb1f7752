// Buffer read/write integer, float and BigInt methods, with their errors.
'use strict';
function show(label, f) {
  try {
    const r = f();
    console.log(label, typeof r === 'bigint' ? r + 'n' : r);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message, String(e));
  }
}
const b = Buffer.from([0x01, 0x82, 0xff, 0x7f, 0x80, 0x00, 0xfe, 0x10, 0x42, 0x99]);
const reads = ['readUInt8', 'readInt8', 'readUInt16LE', 'readUInt16BE', 'readInt16LE', 'readInt16BE',
  'readUInt32LE', 'readUInt32BE', 'readInt32LE', 'readInt32BE', 'readFloatLE', 'readFloatBE',
  'readDoubleLE', 'readDoubleBE', 'readBigUInt64LE', 'readBigUInt64BE', 'readBigInt64LE', 'readBigInt64BE',
  'readUint8', 'readUint16LE', 'readUint32BE', 'readBigUint64LE'];
for (const m of reads) {
  for (const off of [undefined, 0, 1, 2, 3, 6, 9, 10, -1, 1.5, '1', NaN, Infinity, null]) show(m + '(' + String(off) + ')', () => b[m](off));
}
for (const m of ['readUIntLE', 'readUIntBE', 'readIntLE', 'readIntBE']) {
  for (const n of [1, 2, 3, 4, 5, 6, 0, 7, undefined, '2', 2.5]) show(m + '(0,' + n + ')', () => b[m](0, n));
  show(m + '(6,6)', () => b[m](6, 6));
  show(m + '(4,6)', () => b[m](4, 6));
}
show('short', () => Buffer.alloc(2).readUInt32LE(0));
show('empty', () => Buffer.alloc(0).readUInt8(0));
const writes = [
  ['writeUInt8', [0, 1, 255, 256, -1, 1.7, '7', 'x']],
  ['writeInt8', [0, -128, 127, 128, -129]],
  ['writeUInt16LE', [0x1234, 65535, 65536, -1]],
  ['writeUInt16BE', [0x1234]],
  ['writeInt16LE', [-2, 32767, -32768, 32768]],
  ['writeInt16BE', [-2, -40000]],
  ['writeUInt32LE', [0xdeadbeef, 2 ** 32, -1, 2 ** 32 - 1]],
  ['writeUInt32BE', [0xdeadbeef, 2 ** 40]],
  ['writeInt32LE', [-1, 2 ** 31, -(2 ** 31), 2 ** 31 - 1]],
  ['writeInt32BE', [-123456789, -(2 ** 31) - 1]],
  ['writeFloatLE', [1.5, -0, NaN, Infinity, 3.4e39, 0.1]],
  ['writeFloatBE', [1.5, 0.1]],
  ['writeDoubleLE', [Math.PI, -0, 1e308]],
  ['writeDoubleBE', [Math.PI, 5e-324]],
  ['writeBigUInt64LE', [0n, 2n ** 64n - 1n, 2n ** 64n, -1n, 0x0102030405060708n]],
  ['writeBigUInt64BE', [0x0102030405060708n]],
  ['writeBigInt64LE', [-1n, -(2n ** 63n), 2n ** 63n, -(2n ** 63n) - 1n]],
  ['writeBigInt64BE', [-2n, 12345678901234567n]],
  ['writeUint32LE', [7]],
  ['writeBigUint64BE', [7n]],
];
for (const [m, vals] of writes) {
  for (const v of vals) {
    const w = Buffer.alloc(10);
    show(m + '(' + (typeof v === 'bigint' ? v + 'n' : String(v)) + ')', () => [w[m](v, 1), w.toString('hex')].join(' '));
  }
  const w = Buffer.alloc(10);
  for (const off of [9, 10, -1, 1.5, '0']) show(m + ' at ' + String(off), () => w[m](typeof vals[0] === 'bigint' ? 1n : 1, off));
}
for (const m of ['writeUIntLE', 'writeUIntBE', 'writeIntLE', 'writeIntBE']) {
  for (const [v, n] of [[0x123456, 3], [0x123456789a, 5], [2 ** 48 - 1, 6], [2 ** 48, 6], [-1, 6], [-(2 ** 47), 6], [2 ** 40, 5], [1, 7], [1, 0], [256, 1], [-129, 1]]) {
    const w = Buffer.alloc(8);
    show(m + '(' + v + ',' + n + ')', () => [w[m](v, 1, n), w.toString('hex')].join(' '));
  }
}
// round trips
const r = Buffer.alloc(8);
for (const v of [0, 1, -1, 0.5, 123.456, -1e-10, 1e100, Number.MAX_VALUE, Number.MIN_VALUE]) {
  r.writeDoubleLE(v); const a = r.readDoubleLE();
  r.writeDoubleBE(v); const c = r.readDoubleBE();
  r.writeFloatLE(v); const f = r.readFloatLE();
  console.log('double', v, a, c, f);
}
for (const v of [0, 1, 255, 65535, 2 ** 24, 2 ** 32 - 1]) {
  r.writeUInt32BE(v >>> 0); const x = r.readUInt32BE(); r.writeUInt32LE(v >>> 0); console.log('u32', v, x, r.readUInt32LE());
}
for (let n = 1; n <= 6; n++) {
  const max = 2 ** (8 * n) - 1, smin = -(2 ** (8 * n - 1));
  r.writeUIntLE(max, 0, n); const a = r.readUIntLE(0, n);
  r.writeUIntBE(max, 0, n); const c = r.readUIntBE(0, n);
  r.writeIntLE(smin, 0, n); const d = r.readIntLE(0, n);
  r.writeIntBE(smin, 0, n); console.log('var', n, a, c, d, r.readIntBE(0, n));
}
