// A Duplex's whole life as net.Socket runs it (allowHalfOpen false,
// emitClose false, autoDestroy, _final done later, 'close' emitted by the
// stream itself), with the state at each step; and the things stream.js
// makes lazily or skips when nobody can tell (the _write callback, end()
// callbacks, the buffered-write list, the default high-water mark, the
// emit shortcut), checked where someone can tell.
'use strict';
const stream = require('stream');
const EventEmitter = require('events');
const { Duplex, Writable, Readable } = stream;
const { L, watch, test, run } = require('./_harness');
const EV = ['resume', 'pause', 'data', 'end', 'prefinish', 'finish', 'drain', 'error', 'close'];

function sockLike(log) {
  const d = new Duplex({ allowHalfOpen: false, emitClose: false, autoDestroy: true, decodeStrings: false });
  d._read = function () { log('_read'); };
  d._write = function (data, enc, cb) { log('_write', data, enc); cb(); };
  d._final = function (cb) { log('_final'); setImmediate(() => { log('_final done'); cb(); }); };
  d._destroy = function (err, cb) {
    log('_destroy', err);
    cb(err);
    process.nextTick(() => d.emit('close', false));
  };
  return d;
}

function flags(d) {
  const r = d._readableState, w = d._writableState;
  return [r.flowing, r.ended, r.endEmitted, r.reading, r.length, w.ending, w.finalCalled, w.prefinished,
    w.finished, w.pendingcb, w.destroyed, w.closed, w.closeEmitted, r.closeEmitted, r.highWaterMark, w.highWaterMark].join(',');
}

test('socket-like life cycle, state at each step', (done) => {
  const d = sockLike(L);
  watch('d', d, EV);
  d.read(0);
  L('built', flags(d));
  d.on('data', (c) => { L('echo', d.write(c), flags(d)); });
  process.nextTick(() => L('tick after on(data)', flags(d)));
  setImmediate(() => {
    L('push', d.push(Buffer.from('hi')), flags(d));
    process.nextTick(() => L('tick after push', flags(d)));
    setImmediate(() => {
      d.push(null);
      d.read(0);
      L('after EOF', flags(d));
      process.nextTick(() => L('tick 1 after EOF', flags(d)));
      setImmediate(() => L('next turn', flags(d)));
    });
  });
  d.on('close', () => {
    L('closed', flags(d), d.destroyed, d.writable, d.readable);
    setImmediate(done);
  });
});

test('the _write callback: one function per stream, a second call is an error', (done) => {
  const cbs = [];
  const w = new Writable({
    write(c, e, cb) {
      cbs.push(cb);
      if (cbs.length === 2) {
        L('same callback', cbs[0] === cbs[1], typeof cb, cb.length);
        cb();
        cb();
        return;
      }
      cb();
    }
  });
  watch('w', w, ['error', 'close', 'finish']);
  w.write('a');
  w.write('b');
  w.on('close', done);
});

test('end() callbacks: several, after finish, after destroy', (done) => {
  const w = new Writable({ write(c, e, cb) { setTimeout(cb, 1); } });
  watch('w', w, ['finish', 'close', 'error']);
  w.write('x');
  w.end(() => L('end cb 1'));
  w.end((err) => L('end cb 2', err));
  w.on('finish', () => w.end((err) => L('end cb after finish', err)));
  const v = new Writable({ write(c, e, cb) { setTimeout(cb, 5); } });
  v.write('y');
  v.end((err) => L('v end cb', err));
  v.destroy();
  v.on('close', () => L('v closed', v.writableFinished));
  w.on('close', () => setTimeout(done, 10));
});

test('buffered writes: writableBuffer, writev, destroy with pending', (done) => {
  const w = new Writable({
    highWaterMark: 3,
    write(c, e, cb) { L('_write', c); setTimeout(cb, 1); },
    writev(cs, cb) { L('_writev', cs.length, cs.map((x) => String(x.chunk)).join('|')); setTimeout(cb, 1); }
  });
  L('empty buffer', JSON.stringify(w.writableBuffer), w._writableState.bufferedRequestCount);
  L('w1', w.write('a'), 'w2', w.write('bb'), 'w3', w.write('c', (err) => L('cb c', err)));
  L('buffer', w.writableBuffer.length, w._writableState.bufferedRequestCount, w.writableLength);
  w.once('drain', () => {
    L('drained', w.writableBuffer.length, w.writableLength);
    w.cork();
    w.write('d', (err) => L('cb d', err));
    w.write('e', (err) => L('cb e', err));
    L('corked buffer', w.writableBuffer.length);
    w.destroy();
    L('destroyed', w.writableBuffer.length);
  });
  watch('w', w, ['close', 'error', 'finish']);
  w.on('close', () => setTimeout(done, 10));
});

test('high-water marks: default, changed default, object mode', (done) => {
  const a = new Duplex();
  L('default', a.readableHighWaterMark, a.writableHighWaterMark, stream.getDefaultHighWaterMark(false));
  stream.setDefaultHighWaterMark(false, 1000);
  const b = new Duplex();
  L('changed', a.readableHighWaterMark, b.readableHighWaterMark, b.writableHighWaterMark);
  stream.setDefaultHighWaterMark(false, 16384);
  const c = new Readable({ read() {} });
  L('restored', b.readableHighWaterMark, c.readableHighWaterMark);
  const o = new Duplex({ objectMode: true });
  const h = new Duplex({ highWaterMark: 16384, readableHighWaterMark: 5 });
  const z = new Writable({ highWaterMark: 0 });
  L('others', o.readableHighWaterMark, o.writableHighWaterMark, h.readableHighWaterMark, z.writableHighWaterMark);
  c.read(20000);
  L('grown by read', c.readableHighWaterMark);
  done();
});

test('readableBuffer: empty, filled, drained', (done) => {
  const r = new Readable({ read() {} });
  L('empty', r.readableBuffer.length, r.readableLength);
  r.push('ab');
  r.push('cd');
  L('filled', r.readableBuffer.length, r.readableLength);
  L('read', r.read());
  L('drained', r.readableBuffer.length, r.readableLength);
  r.unshift('zz');
  L('unshifted', r.readableBuffer.length, String(r.read()));
  done();
});

test('an emit override sees every machinery event', (done) => {
  class Loud extends Duplex {
    emit(ev, ...args) {
      L('emit', typeof ev === 'string' ? ev : 'symbol', args.length);
      return super.emit(ev, ...args);
    }
  }
  const d = new Loud({
    read() {},
    write(c, e, cb) { cb(); },
    final(cb) { cb(); }
  });
  d.on('data', () => {});
  setImmediate(() => {
    d.push('x');
    d.write('y');
    d.push(null);
    d.end();
  });
  d.on('close', () => setImmediate(done));
});

test('EventEmitter.prototype.emit patched after stream loaded', (done) => {
  const orig = EventEmitter.prototype.emit;
  EventEmitter.prototype.emit = function (ev, ...args) {
    if (ev === 'end' || ev === 'finish' || ev === 'prefinish' || ev === 'resume') L('patched emit', ev);
    return orig.apply(this, [ev, ...args]);
  };
  const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
  d.resume();
  d.push(null);
  d.end();
  d.on('close', () => {
    EventEmitter.prototype.emit = orig;
    setImmediate(done);
  });
});

test('listeners: arguments count, once on streams, removed then re-added', (done) => {
  const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
  d.once('custom', function (...a) { L('once args', a.length, this === d); });
  d.emit('custom');
  d.once('custom', function () { L('once arguments', arguments.length); });
  d.emit('custom', 1, 2, 3, 4);
  const e = new EventEmitter();
  e.once('x', function (...a) { L('ee once args', a.length, this === e); });
  L('raw', e.rawListeners('x')[0].listener !== undefined, e.listeners('x').length);
  e.emit('x', undefined);
  e.emit('x');
  const f = () => L('end listener');
  d.on('end', f);
  d.removeListener('end', f);
  d.on('end', () => L('end listener 2'));
  d.once('data', (c) => L('once data', c));
  d.push('q');
  d.push(null);
  d.on('close', () => setImmediate(done));
  d.end();
});

test("'data' added in the tick a 'readable' listener was removed", (done) => {
  const r = new Readable({ read() {} });
  const f = () => {};
  r.on('readable', f);
  r.removeListener('readable', f);
  r.on('data', (c) => L('data', c));
  L('flowing', r.readableFlowing, r._readableState.readableListening);
  r.push('a');
  setTimeout(() => {
    L('later', r.readableFlowing, r.readableLength, r._readableState.readableListening);
    r.push('b');
    setTimeout(done, 5);
  }, 5);
});

test('destroy with the stock _destroy: callbacks, errors, a throwing callback', (done) => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  watch('w', w, ['close', 'error']);
  try {
    w.destroy(null, () => { L('w destroy cb'); throw new Error('from cb'); });
    L('no throw');
  } catch (e) {
    L('caught', e.message);
  }
  const r = new Readable({ read() {} });
  watch('r', r, ['close', 'error']);
  r.destroy(new Error('boom'), (err) => L('r destroy cb', err));
  L('r', r.destroyed, r.closed, r.errored);
  const p = new stream.PassThrough();
  watch('p', p, ['close', 'error']);
  p.destroy();
  p.destroy(null, () => L('p second destroy cb'));
  L('p', p.destroyed, p.closed, JSON.stringify(Readable.prototype._destroy.name));
  setTimeout(() => { L('w', w.destroyed, w.closed); done(); }, 5);
});

run();
