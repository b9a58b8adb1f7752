// Readable stream helpers (map, filter, flatMap, take, drop, forEach, some,
// every, find, reduce, toArray, asIndexedPairs) and duplexPair.
'use strict';
const { Readable, duplexPair, isDestroyed } = require('stream');
const { L, test, run } = require('./_harness');
const nums = () => Readable.from([1, 2, 3, 4, 5]);

test('map / filter / flatMap / asIndexedPairs', (done) => {
  nums().map((x) => x * 2).toArray()
    .then((a) => { L('map', a); return nums().map((x) => Promise.resolve('p' + x)).toArray(); })
    .then((a) => { L('async map', a); return nums().filter((x) => x % 2).toArray(); })
    .then((a) => { L('filter', a); return nums().flatMap((x) => [x, -x]).toArray(); })
    .then((a) => { L('flatMap', a); return nums().flatMap((x) => Readable.from(['s' + x])).toArray(); })
    .then((a) => { L('flatMap stream', a); return Readable.from(['a', 'b']).asIndexedPairs().toArray(); })
    .then((a) => { L('pairs', a); done(); });
});

test('take / drop', (done) => {
  nums().take(2).toArray()
    .then((a) => { L('take 2', a); return nums().drop(3).toArray(); })
    .then((a) => { L('drop 3', a); return nums().take(0).toArray(); })
    .then((a) => { L('take 0', a); return nums().drop(10).toArray(); })
    .then((a) => { L('drop 10', a); return nums().drop(1).take(2).map((x) => x * 10).toArray(); })
    .then((a) => { L('chain', a); done(); });
  try { nums().take(-1); } catch (e) { L('take -1', e.name, e.code); }
});

test('forEach / some / every / find / reduce', (done) => {
  const seen = [];
  nums().forEach((x) => { seen.push(x); })
    .then((r) => { L('forEach', r, seen); return nums().some((x) => x > 3); })
    .then((r) => { L('some', r); return nums().some((x) => x > 9); })
    .then((r) => { L('some none', r); return nums().every((x) => x > 0); })
    .then((r) => { L('every', r); return nums().every((x) => x < 3); })
    .then((r) => { L('every not', r); return nums().find((x) => x > 2); })
    .then((r) => { L('find', r); return nums().find((x) => x > 20); })
    .then((r) => { L('find none', r); return nums().reduce((a, b) => a + b, 0); })
    .then((r) => { L('reduce', r); return nums().reduce((a, b) => a * b); })
    .then((r) => { L('reduce no init', r); return Readable.from([]).reduce((a, b) => a + b); })
    .then((r) => L('unexpected', r), (e) => { L('reduce empty', e.name, e.code, e.message); })
    .then(() => {
      try { nums().map(5); } catch (e) { L('map 5', e.name, e.code, e.message); }
      done();
    });
});

test('errors propagate through helpers', (done) => {
  nums().map((x) => { if (x === 3) throw new Error('map threw'); return x; }).toArray()
    .then((a) => L('unexpected', a), (e) => { L('rejected', e.message); done(); });
});

test('duplexPair', (done) => {
  const [a, b] = duplexPair();
  b.setEncoding('utf8');
  b.on('data', (d) => L('b got', d));
  a.on('data', (d) => L('a got', String(d)));
  a.write('hello b');
  b.write('hello a');
  a.end();
  b.on('end', () => { L('b end', isDestroyed(a)); b.end(); });
  a.on('end', () => { L('a end'); done(); });
});

test('compose', (done) => {
  const { Transform, compose } = require('stream');
  const up = new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } });
  const ex = new Transform({ transform(c, e, cb) { cb(null, c + '!'); } });
  const both = compose(up, ex);
  const got = [];
  both.on('data', (d) => got.push(String(d)));
  both.on('end', () => {
    L('compose', got);
    Readable.from(['q'], { objectMode: false }).compose(new Transform({ transform(c, e, cb) { cb(null, c + '?'); } })).toArray().then((a) => {
      L('Readable.compose', a.map(String));
      done();
    });
  });
  both.write('a');
  both.end('b');
});

run();
