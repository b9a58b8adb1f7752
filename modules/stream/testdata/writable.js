// Writable: back-pressure (write() false, 'drain'), buffering while a write
// is in flight, cork/uncork, _writev, _final, finish/close order, errors.
'use strict';
const { Writable } = require('stream');
const { L, watch, test, run } = require('./_harness');
const EV = ['drain', 'finish', 'close', 'error', 'prefinish'];

test('sync writes, hwm and drain', (done) => {
  const w = new Writable({
    highWaterMark: 6,
    write(chunk, enc, cb) { L('_write', chunk, enc, w.writableLength); cb(); }
  });
  watch('w', w, EV);
  L('write1', w.write('abc'), w.writableLength, w.writableNeedDrain);
  L('write2', w.write('def'), w.writableLength, w.writableNeedDrain);
  L('write3', w.write('g', () => L('cb g')));
  w.end(() => L('end cb'));
  L('ended', w.writableEnded, w.writableFinished, w.writable);
  w.on('close', done);
});

test('async writes buffer and drain', (done) => {
  const w = new Writable({
    highWaterMark: 4,
    write(chunk, enc, cb) { L('_write start', chunk, w.writableLength); setTimeout(() => { L('_write done', chunk); cb(); }, 1); }
  });
  watch('w', w, EV);
  for (const s of ['aa', 'bb', 'cc', 'dd']) L('write', s, w.write(s, () => L('cb', s)), w.writableLength);
  w.once('drain', () => {
    L('drain -> write more', w.write('ee'));
    w.end('ff', () => { L('end cb'); });
  });
  w.on('close', done);
});

test('writev batches buffered chunks', (done) => {
  const w = new Writable({
    write(chunk, enc, cb) { L('_write', chunk); setTimeout(cb, 1); },
    writev(chunks, cb) { L('_writev', chunks.map((c) => c.chunk.toString()).join('|'), chunks.length); setTimeout(cb, 1); }
  });
  watch('w', w, ['finish', 'close']);
  w.write('1'); w.write('2'); w.write('3'); w.write('4', () => L('cb 4'));
  w.end();
  w.on('close', done);
});

test('cork and uncork', (done) => {
  const w = new Writable({
    write(chunk, enc, cb) { L('_write', chunk); cb(); },
    writev(chunks, cb) { L('_writev', chunks.length); cb(); }
  });
  w.cork();
  w.write('a'); w.write('b');
  L('corked', w.writableCorked, w.writableLength);
  process.nextTick(() => { w.uncork(); L('uncorked', w.writableCorked); w.end(); });
  w.on('finish', () => L('finish'));
  w.on('close', done);
});

test('final runs before finish', (done) => {
  const w = new Writable({
    write(chunk, enc, cb) { cb(); },
    final(cb) { L('_final'); setTimeout(() => { L('_final done'); cb(); }, 1); }
  });
  watch('w', w, EV);
  w.end('x');
  w.on('close', done);
});

test('final error', (done) => {
  const w = new Writable({ write(c, e, cb) { cb(); }, final(cb) { cb(new Error('final failed')); } });
  watch('w', w, EV);
  w.end(() => L('end cb'));
  w.on('close', () => { L('errored', w.errored && w.errored.message); done(); });
});

test('write error (sync and async)', (done) => {
  const w = new Writable({ write(chunk, enc, cb) { cb(new Error('bad write ' + chunk)); } });
  watch('w', w, EV);
  L('write ret', w.write('1', (err) => L('cb1', err && err.message)));
  L('write ret2', w.write('2', (err) => L('cb2', err && err.message)));
  w.on('close', () => {
    const w2 = new Writable({ write(chunk, enc, cb) { setTimeout(() => cb(new Error('late')), 1); } });
    watch('w2', w2, EV);
    w2.write('a', (err) => L('w2 cb', err && err.message));
    w2.on('close', done);
  });
});

test('write after end', (done) => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  watch('w', w, EV);
  w.end();
  L('write after end returns', w.write('x', (err) => L('cb', err && err.code)));
  w.on('close', done);
});

test('end twice, end after finish', (done) => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  w.end(() => L('end1 cb'));
  w.end(() => L('end2 cb'));
  w.on('finish', () => { w.end((err) => { L('end3 cb', err && err.code); }); });
  w.on('close', () => setTimeout(done, 2));
});

test('invalid chunks throw', (done) => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  for (const v of [null, 5, {}, undefined]) {
    try { w.write(v); L('no throw', v); } catch (e) { L('threw', String(v), e.name, e.code, e.message); }
  }
  try { w.write('x', 'nope-enc'); } catch (e) { L('bad enc', e.code, e.message); }
  w.end();
  w.on('close', done);
});

test('decodeStrings false keeps strings and encodings', (done) => {
  const w = new Writable({ decodeStrings: false, write(chunk, enc, cb) { L('_write', typeof chunk, chunk, enc); cb(); } });
  w.write('hi');
  w.write('6869', 'hex');
  w.write(Buffer.from('buf'));
  w.write(new Uint8Array([65]));
  w.setDefaultEncoding('latin1');
  w.write('é');
  w.end();
  w.on('close', done);
});

test('default decoding to Buffer', (done) => {
  const w = new Writable({ write(chunk, enc, cb) { L('_write', Buffer.isBuffer(chunk), chunk, enc); cb(); } });
  w.write('6869', 'hex');
  w.write('aGk=', 'base64');
  w.end('end', 'utf8');
  w.on('close', done);
});

test('object mode writable', (done) => {
  const w = new Writable({ objectMode: true, highWaterMark: 2, write(chunk, enc, cb) { L('_write', chunk, enc); setTimeout(cb, 1); } });
  L(w.writableHighWaterMark, w.writableObjectMode);
  L(w.write({ a: 1 }), w.write([1, 2]), w.write(7), w.writableLength);
  w.on('drain', () => L('drain'));
  w.end('last');
  w.on('close', done);
});

test('destroy while writing', (done) => {
  const w = new Writable({ write(chunk, enc, cb) { setTimeout(cb, 2); } });
  watch('w', w, EV);
  w.write('a', (err) => L('cb a', err && err.code));
  w.write('b', (err) => L('cb b', err && err.code));
  w.destroy();
  L('after destroy', w.destroyed, w.writable, w.write('c', (err) => L('cb c', err && err.code)));
  w.on('close', () => setTimeout(done, 5));
});

test('destroy with error', (done) => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  watch('w', w, EV);
  w.destroy(new Error('kaput'));
  w.on('close', () => { L('errored', w.errored && w.errored.message, w.writableAborted); done(); });
});

test('emitClose false and autoDestroy false', (done) => {
  const w = new Writable({ emitClose: false, write(c, e, cb) { cb(); } });
  watch('w', w, EV);
  w.end();
  const w2 = new Writable({ autoDestroy: false, write(c, e, cb) { cb(); } });
  watch('w2', w2, EV);
  w2.end();
  setTimeout(() => { L('destroyed?', w.destroyed, w2.destroyed); done(); }, 3);
});

test('construct delays writes', (done) => {
  const w = new Writable({
    construct(cb) { L('construct'); setTimeout(() => { L('constructed'); cb(); }, 2); },
    write(chunk, enc, cb) { L('_write', chunk); cb(); }
  });
  w.write('early');
  w.end('late');
  watch('w', w, ['finish', 'close']);
  w.on('close', done);
});

test('instanceof and hwm validation', (done) => {
  const { Duplex, Transform, PassThrough, Readable } = require('stream');
  L(new Duplex() instanceof Writable, new Transform() instanceof Writable, new PassThrough() instanceof Readable, new Readable() instanceof Writable);
  try { new Writable({ highWaterMark: -1 }); } catch (e) { L(e.name, e.code, e.message); }
  try { new Writable({ highWaterMark: 1.5 }); } catch (e) { L(e.name, e.code, e.message); }
  const w = new Writable();
  w.on('error', (e) => L('error', e.code, e.message));
  try { w.write('x'); } catch (e) { L('threw', e.code, e.message); }
  done();
});

run();
