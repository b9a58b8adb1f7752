// pipeline (callback and stream/promises), finished, error propagation,
// function stages, async iteration of a Readable (explicit next(): goja
// has no for-await).
'use strict';
const stream = require('stream');
const { Readable, Writable, Transform, PassThrough, pipeline, finished } = stream;
const promises = require('stream/promises');
const { L, watch, test, run } = require('./_harness');

function upper() {
  return new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } });
}
function collect(out) {
  return new Writable({ write(c, e, cb) { out.push(c.toString()); cb(); } });
}

test('pipeline success', (done) => {
  const out = [];
  const src = Readable.from(['a', 'b', 'c'], { objectMode: false });
  const t = upper(), w = collect(out);
  watch('w', w, ['finish', 'close']);
  const ret = pipeline(src, t, w, (err) => {
    L('callback', err, out, src.destroyed, t.destroyed, w.destroyed);
    done();
  });
  L('returns last', ret === w);
});

test('pipeline error in the middle destroys all', (done) => {
  const src = new Readable({ read() {} });
  const t = new Transform({ transform(c, e, cb) { cb(c.toString() === 'bad' ? new Error('transform failed') : null, c); } });
  const w = collect([]);
  watch('src', src, ['close', 'error']);
  watch('t', t, ['close', 'error']);
  watch('w', w, ['close', 'error', 'finish']);
  pipeline(src, t, w, (err) => {
    L('callback', err && err.message, src.destroyed, t.destroyed, w.destroyed);
    setTimeout(done, 2);
  });
  src.push('ok');
  src.push('bad');
});

test('pipeline source error', (done) => {
  const src = new Readable({ read() { this.destroy(new Error('source failed')); } });
  const w = collect([]);
  pipeline(src, w, (err) => { L('callback', err && err.message, w.destroyed); setTimeout(done, 2); });
});

test('pipeline destination error', (done) => {
  const src = Readable.from(['1', '2', '3'], { objectMode: false });
  const w = new Writable({ write(c, e, cb) { cb(new Error('sink failed')); } });
  pipeline(src, w, (err) => { L('callback', err && err.message, src.destroyed); setTimeout(done, 2); });
});

test('pipeline premature close', (done) => {
  const src = new Readable({ read() {} });
  const w = collect([]);
  pipeline(src, w, (err) => { L('callback', err && err.code); setTimeout(done, 2); });
  src.push('x');
  setTimeout(() => src.destroy(), 1);
});

test('pipeline with function stages', (done) => {
  const out = [];
  pipeline(
    Readable.from(['x', 'y']),
    function (source) {
      const it = source[Symbol.asyncIterator]();
      return {
        [Symbol.asyncIterator]() { return this; },
        next() { return it.next().then((r) => (r.done ? r : { value: r.value + '!', done: false })); },
        return() { return it.return(); }
      };
    },
    collect(out),
    (err) => { L('callback', err, out); done(); }
  );
});

test('pipeline ending in a function returning a promise', (done) => {
  pipeline(
    Readable.from(['p', 'q']),
    function (source) {
      const it = source[Symbol.asyncIterator]();
      let acc = '';
      function step() {
        return it.next().then((r) => { if (r.done) return acc; acc += r.value; return step(); });
      }
      return step();
    },
    (err, value) => { L('callback', err, value); done(); }
  );
});

test('pipeline argument errors', (done) => {
  try { pipeline(Readable.from(['a'])); } catch (e) { L(e.name, e.code, e.message); }
  try { pipeline(Readable.from(['a']), (err) => {}); } catch (e) { L(e.name, e.code, e.message); }
  pipeline([Readable.from(['a'], { objectMode: false }), new PassThrough()], (err) => { L('array form', err); done(); }).resume();
});

test('stream/promises pipeline', (done) => {
  const out = [];
  promises.pipeline(Readable.from(['m', 'n'], { objectMode: false }), upper(), collect(out)).then((v) => {
    L('resolved', v, out);
    const bad = new Readable({ read() { this.destroy(new Error('nope')); } });
    return promises.pipeline(bad, collect([]));
  }).catch((err) => { L('rejected', err.message); }).then(() => {
    L('same object', stream.promises === promises, typeof promises.finished);
    done();
  });
});

test('finished on readable, writable, errors', (done) => {
  const r = Readable.from(['a']);
  finished(r, (err) => L('readable finished', err));
  r.resume();
  const w = collect([]);
  const cleanup = finished(w, (err) => L('writable finished', err));
  L('cleanup is function', typeof cleanup);
  w.end('x');
  const e = new Readable({ read() {} });
  finished(e, (err) => L('errored finished', err && err.message));
  e.destroy(new Error('e-err'));
  const p = new Readable({ read() {} });
  finished(p, (err) => L('premature', err && err.code));
  p.destroy();
  const already = Readable.from([]);
  already.resume();
  already.on('close', () => {
    finished(already, (err) => { L('already closed', err); });
    promises.finished(Readable.from(['z']).resume()).then(() => { L('promise finished'); done(); });
  });
});

test('finished with readable:false on a duplex', (done) => {
  const t = new PassThrough();
  finished(t, { readable: false }, (err) => L('writable side done', err));
  t.end('data');
  setTimeout(() => { L('readable side still open', t.readableEnded); t.resume(); t.on('end', done); }, 2);
});

test('async iterator over a readable', (done) => {
  const r = Readable.from(['i1', 'i2', 'i3']);
  const it = r[Symbol.asyncIterator]();
  const seen = [];
  function step() {
    it.next().then((res) => {
      if (res.done) { L('iterated', seen, r.destroyed); done(); return; }
      seen.push(res.value);
      step();
    });
  }
  step();
});

test('async iterator return() destroys the stream', (done) => {
  const r = new Readable({ read() { this.push('chunk'); } });
  const it = r[Symbol.asyncIterator]();
  it.next().then((res) => {
    L('first', res.value, res.done);
    return it.return();
  }).then((res) => {
    L('returned', res.done);
    setTimeout(() => { L('destroyed', r.destroyed); done(); }, 2);
  });
});

test('async iterator rejects on error', (done) => {
  const r = new Readable({ read() {} });
  const it = r[Symbol.asyncIterator]();
  it.next().then(() => L('unexpected'), (err) => { L('rejected', err.message); done(); });
  setTimeout(() => r.destroy(new Error('iter-err')), 1);
});

test('toArray and addAbortSignal', (done) => {
  Readable.from([1, 2, 3]).toArray().then((arr) => {
    L('toArray', arr);
    const ac = new AbortController();
    const r = stream.addAbortSignal(ac.signal, new Readable({ read() {} }));
    r.on('error', (e) => L('aborted', e.name, e.code));
    r.on('close', done);
    ac.abort();
  });
});

test('utilities', (done) => {
  const r = Readable.from(['a']);
  L(stream.isReadable(r), stream.isErrored(r), stream.isDisturbed(r), stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true));
  r.resume();
  r.on('end', () => { L(stream.isDisturbed(r)); done(); });
  L(typeof stream.Stream, stream.Stream === stream, new stream.Stream() instanceof require('events'), typeof stream.compose);
});

run();
