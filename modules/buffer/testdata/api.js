// Buffer construction, comparison, search, views, copy and fill.
'use strict';
function show(label, f) {
  try {
    const r = f();
    console.log(label, r);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const a = Buffer.from('hello');
console.log(a instanceof Buffer, a instanceof Uint8Array, Buffer.isBuffer(a), Buffer.isBuffer(new Uint8Array(2)), Buffer.isBuffer('x'));
console.log(a.constructor === Buffer, a.constructor.name, Object.getPrototypeOf(Buffer) === Uint8Array, typeof Buffer.from);
console.log(JSON.stringify(a), JSON.stringify({ b: Buffer.from([1, 2]) }), a.toJSON());
console.log(Buffer.from(JSON.parse(JSON.stringify(a))).toString());
// from
const ab = new ArrayBuffer(8);
const v = Buffer.from(ab, 2, 4);
v[0] = 9;
console.log(v, new Uint8Array(ab), v.byteOffset, v.buffer === ab);
show('ab off', () => Buffer.from(ab, 9));
show('ab len', () => Buffer.from(ab, 2, 7));
show('ab NaN', () => Buffer.from(ab, NaN, -1));
console.log(Buffer.from([1, 2, 256, -1, 3.7, '4', 'x']), Buffer.from(new Uint16Array([1, 258])), Buffer.from({ length: 2, 0: 5, 1: 6 }));
console.log(Buffer.from(new String('str')), Buffer.from({ type: 'Buffer', data: [7, 8] }), Buffer.from({ [Symbol.toPrimitive]() { return 'prim'; } }));
const copy = Buffer.from(a); copy[0] = 72; console.log(a.toString(), copy.toString());
for (const bad of [undefined, null, 5, {}, true, Symbol('s'), () => 1, 'ok']) show('from ' + typeof bad, () => Buffer.from(bad));
// alloc
console.log(Buffer.alloc(3), Buffer.alloc(5, 'ab'), Buffer.alloc(5, 'aGk=', 'base64'), Buffer.alloc(4, 257), Buffer.alloc(3, true), Buffer.alloc(4, Buffer.from([1, 2, 3])));
console.log(Buffer.allocUnsafe(3).length, Buffer.allocUnsafeSlow(2).length, Buffer.of(1, 2, 3));
for (const s of [-1, 'a', 2 ** 33, NaN, 1.5]) show('alloc ' + s, () => Buffer.alloc(s).length);
show('alloc bad fill', () => Buffer.alloc(4, 'zz', 'hex'));
show('alloc bad enc', () => Buffer.alloc(4, 'a', 'nope'));
// byteLength
console.log(Buffer.byteLength('héllo'), Buffer.byteLength('héllo', 'latin1'), Buffer.byteLength(a), Buffer.byteLength(new ArrayBuffer(7)), Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength('abc', 'nope'));
show('byteLength 5', () => Buffer.byteLength(5));
// concat
console.log(Buffer.concat([a, Buffer.from(' '), Buffer.from('world')]).toString(), Buffer.concat([]), Buffer.concat([a, a], 7).toString(), Buffer.concat([a], 8));
console.log(Buffer.concat([new Uint8Array([65, 66])]).toString());
show('concat notarray', () => Buffer.concat('x'));
show('concat bad item', () => Buffer.concat([a, 'x']));
show('concat bad len', () => Buffer.concat([a], -1));
// compare / equals
const x = Buffer.from('abc'), y = Buffer.from('abd'), z = Buffer.from('ab');
console.log(Buffer.compare(x, y), Buffer.compare(y, x), Buffer.compare(x, x), Buffer.compare(z, x), Buffer.compare(x, Buffer.from('abc')));
console.log([y, x, z].sort(Buffer.compare).map(String));
console.log(x.equals(Buffer.from('abc')), x.equals(y), x.equals(new Uint8Array([97, 98, 99])), Buffer.alloc(0).equals(Buffer.alloc(0)));
console.log(x.compare(y), x.compare(y, 0, 2, 0, 2), x.compare(y, 2), x.compare(y, 0, 0), x.compare(y, 0, 1, 1, 1));
show('equals bad', () => x.equals('abc'));
show('compare bad', () => Buffer.compare(x, 'a'));
show('compare range', () => x.compare(y, 0, 9));
// search
const h = Buffer.from('this is a buffer is it');
for (const args of [['is'], ['is', 3], ['is', -5], ['is', 100], [''], ['', 5], ['', 100], [105], [105, 3], [Buffer.from('buf')], ['zz'], ['aXM=', 'base64'], ['6973', 0, 'hex'], ['is', 'latin1'], ['is', -100], [361], [new Uint8Array([32, 97])]]) {
  console.log('search', JSON.stringify(args), h.indexOf(...args), h.lastIndexOf(...args), h.includes(...args));
}
show('indexOf bad', () => h.indexOf({}));
show('indexOf enc', () => h.indexOf('a', 0, 'nope'));
console.log(Buffer.alloc(0).indexOf(0), Buffer.alloc(0).indexOf(''), Buffer.from('aaa').lastIndexOf('a', 1), Buffer.from('abc').lastIndexOf('c', -2));
// slice / subarray views
const s = Buffer.from('0123456789');
const sl = s.slice(2, 5), sub = s.subarray(-3), sl2 = s.slice(-100, 3), sl3 = s.slice(5, 2), sl4 = s.slice(1.7, '4');
sl[0] = 65;
console.log(String(sl), String(sub), String(sl2), sl3.length, String(sl4), s.toString(), sl instanceof Buffer, sub instanceof Buffer);
console.log(s.slice().length, s.subarray(3).toString(), s.slice(NaN, 2).toString());
const mapped = s.map((c) => c + 1);
console.log(mapped instanceof Buffer, mapped.toString(), s.filter((c) => c % 2).toString());
// copy
const t = Buffer.alloc(6, '.');
console.log(a.copy(t), t.toString(), a.copy(t, 4), t.toString(), a.copy(t, 1, 3), t.toString(), a.copy(t, 0, 1, 2), t.toString(), a.copy(t, 10));
const ov = Buffer.from('abcdef'); ov.copy(ov, 2, 0, 4); console.log(ov.toString());
show('copy bad', () => a.copy('x'));
show('copy neg', () => a.copy(t, -1));
show('copy src', () => a.copy(t, 0, 9));
// fill
const f = Buffer.alloc(8);
console.log(f.fill('ab'), f.fill(0), f.fill('é', 1, 5), f.fill(7, 6), f.fill('00ff', 'hex'), f.fill(Buffer.from('xyz'), 2, 7), f.fill(''), f.fill('x', 2, 'latin1'));
show('fill bad hex', () => f.fill('zz', 'hex'));
show('fill range', () => f.fill(1, 0, 20));
show('fill enc', () => f.fill('a', 0, 2, 'nope'));
// swaps
console.log(Buffer.from([1, 2, 3, 4]).swap16(), Buffer.from([1, 2, 3, 4]).swap32(), Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64());
show('swap16 odd', () => Buffer.from([1, 2, 3]).swap16());
// iteration and misc
console.log([...Buffer.from('ab')], Array.from(Buffer.from('ab').entries()), Buffer.from('ab').keys().next());
console.log(Buffer.poolSize, typeof Buffer.from('x').readUInt8, Buffer.from('abc').toLocaleString());
console.log(Buffer.alloc(60, 1));
console.log(Buffer.alloc(51, 2));
console.log(require('util').inspect(Buffer.from('hi')), String(Buffer.from('hi')), `${Buffer.from('x')}`);
const old = new Buffer('legacy'); const old2 = Buffer(3);
console.log(old.toString(), old2.length);
