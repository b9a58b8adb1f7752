// Transform, PassThrough and Duplex: flush, object mode, back-pressure
// across the two sides, allowHalfOpen, errors.
'use strict';
const { Transform, PassThrough, Duplex, Readable, Writable } = require('stream');
const { L, watch, test, run } = require('./_harness');

test('upper-case transform with flush', (done) => {
  const t = new Transform({
    transform(chunk, enc, cb) { L('_transform', chunk, enc); cb(null, chunk.toString().toUpperCase()); },
    flush(cb) { L('_flush'); this.push('!'); cb(); }
  });
  watch('t', t, ['data', 'end', 'finish', 'prefinish', 'close']);
  t.write('ab');
  t.write('cd', () => L('write cb'));
  t.end('ef');
  t.on('close', done);
});

test('transform pushing several chunks per input', (done) => {
  const t = new Transform({
    transform(chunk, enc, cb) { for (const c of chunk.toString()) this.push(c); cb(); }
  });
  const got = [];
  t.on('data', (d) => got.push(d.toString()));
  t.on('end', () => { L('got', got); done(); });
  t.end('xyz');
});

test('object mode transform, readableObjectMode only', (done) => {
  const t = new Transform({
    readableObjectMode: true,
    transform(chunk, enc, cb) { cb(null, { len: chunk.length }); }
  });
  L(t.readableObjectMode, t.writableObjectMode, t.readableHighWaterMark, t.writableHighWaterMark);
  watch('t', t, ['data', 'end']);
  t.write('four');
  t.end('sixsix');
  t.on('close', done);
});

test('back-pressure: unread transform output stalls writes', (done) => {
  const t = new Transform({
    highWaterMark: 4,
    transform(chunk, enc, cb) { L('_transform', chunk, 'rlen', this.readableLength); cb(null, chunk); }
  });
  for (let i = 0; i < 6; i++) L('write', i, t.write('ab' + i), t.writableLength, t.readableLength);
  setTimeout(() => {
    L('start reading');
    t.on('data', (d) => L('data', d));
    t.on('drain', () => { L('drain'); t.end(); });
  }, 2);
  t.on('end', done);
});

test('transform error', (done) => {
  const t = new Transform({ transform(chunk, enc, cb) { cb(new Error('bad ' + chunk)); } });
  watch('t', t, ['error', 'close', 'finish', 'end']);
  t.write('x', (err) => L('write cb', err && err.message));
  t.on('close', done);
});

test('flush error', (done) => {
  const t = new Transform({ transform(c, e, cb) { cb(null, c); }, flush(cb) { cb(new Error('flush failed')); } });
  watch('t', t, ['error', 'close', 'finish', 'end', 'data']);
  t.end('q');
  t.on('close', done);
});

test('PassThrough', (done) => {
  const p = new PassThrough();
  watch('p', p, ['data', 'end', 'finish', 'close']);
  p.write('one');
  p.end(Buffer.from('two'));
  p.on('close', done);
});

test('Duplex with independent sides', (done) => {
  const written = [];
  let n = 0;
  const d = new Duplex({
    read() { this.push(n < 2 ? 'r' + n++ : null); },
    write(chunk, enc, cb) { written.push(chunk.toString()); cb(); }
  });
  watch('d', d, ['data', 'end', 'finish', 'close']);
  d.write('w1');
  d.end('w2');
  d.on('close', () => { L('written', written); done(); });
});

test('allowHalfOpen false ends writable side', (done) => {
  const d = new Duplex({
    allowHalfOpen: false,
    read() { this.push(null); },
    write(c, e, cb) { cb(); }
  });
  watch('d', d, ['end', 'finish', 'close']);
  d.resume();
  d.on('close', () => { L('writableEnded', d.writableEnded); done(); });
});

test('readable:false / writable:false duplex', (done) => {
  const d = new Duplex({ readable: false, write(c, e, cb) { cb(); } });
  L(d.readable, d.writable, d.readableEnded);
  const d2 = new Duplex({ writable: false, read() { this.push(null); } });
  L(d2.readable, d2.writable, d2.writableFinished);
  d2.resume();
  d2.on('close', () => { L('d2 closed'); d.end(); });
  d.on('close', () => { L('d closed'); done(); });
});

test('transform destroy mid-stream', (done) => {
  const t = new PassThrough();
  watch('t', t, ['error', 'close', 'end', 'finish']);
  t.write('x');
  t.destroy(new Error('stop'));
  L(t.destroyed, t.readable, t.writable);
  t.on('close', done);
});

test('callback-style Transform subclass', (done) => {
  class Counter extends Transform {
    constructor() { super({ objectMode: true }); this.n = 0; }
    _transform(o, e, cb) { this.n++; cb(null, o); }
    _flush(cb) { cb(null, 'count=' + this.n); }
  }
  const c = new Counter();
  const out = [];
  Readable.from(['a', 'b', 'c']).pipe(c).pipe(new Writable({ objectMode: true, write(o, e, cb) { out.push(o); cb(); } }))
    .on('finish', () => { L('out', out); done(); });
});

run();
