// pipe(): back-pressure ordering between a fast source and a slow sink,
// unpipe, several destinations, {end:false}, errors on the destination.
'use strict';
const { Readable, Writable, PassThrough } = require('stream');
const { L, watch, test, run } = require('./_harness');

function source(n, size, opts) {
  let i = 0;
  return new Readable(Object.assign({
    read() {
      if (i >= n) { this.push(null); return; }
      const chunk = String(i++).padStart(size, '.');
      L('src push', chunk, this.push(chunk), this.readableLength);
    }
  }, opts));
}
function sink(name, delay, opts) {
  return new Writable(Object.assign({
    write(chunk, enc, cb) {
      L(name, 'write', chunk, this.writableLength);
      if (delay === 0) cb(); else setTimeout(cb, delay);
    }
  }, opts));
}

test('slow sink applies back-pressure', (done) => {
  const src = source(8, 4, { highWaterMark: 8 });
  const dst = sink('dst', 1, { highWaterMark: 8 });
  watch('src', src, ['pause', 'resume', 'end', 'close']);
  watch('dst', dst, ['drain', 'pipe', 'unpipe', 'finish', 'close']);
  src.pipe(dst);
  dst.on('close', done);
});

test('sync sink', (done) => {
  const src = source(4, 2);
  const dst = sink('dst', 0);
  watch('dst', dst, ['drain', 'finish', 'close']);
  src.pipe(dst);
  dst.on('close', done);
});

test('two destinations, one slow', (done) => {
  const src = source(6, 3, { highWaterMark: 3 });
  const a = sink('a', 0, { highWaterMark: 3 });
  const b = sink('b', 2, { highWaterMark: 3 });
  watch('b', b, ['drain']);
  src.pipe(a);
  src.pipe(b);
  let n = 0;
  const fin = () => { if (++n === 2) done(); };
  a.on('finish', () => { L('a finish'); fin(); });
  b.on('finish', () => { L('b finish'); fin(); });
});

test('end:false leaves destination open', (done) => {
  const src = Readable.from(['x', 'y']);
  const dst = sink('dst', 0);
  src.pipe(dst, { end: false });
  src.on('end', () => {
    L('src end, dst writable', dst.writable, dst.writableEnded);
    dst.end('z');
  });
  dst.on('finish', () => { L('dst finish'); done(); });
});

test('unpipe stops the flow', (done) => {
  const src = new Readable({ read() {} });
  const dst = sink('dst', 0);
  watch('dst', dst, ['pipe', 'unpipe']);
  src.pipe(dst);
  src.push('one');
  setTimeout(() => {
    src.unpipe(dst);
    L('flowing after unpipe', src.readableFlowing);
    src.push('two');
    setTimeout(() => { L('buffered', src.readableLength); done(); }, 2);
  }, 2);
});

test('destination error unpipes', (done) => {
  const src = source(5, 1);
  const dst = new Writable({ write(chunk, enc, cb) { L('dst write', chunk); cb(chunk.toString() === '2' ? new Error('sink broke') : null); } });
  watch('dst', dst, ['error', 'unpipe', 'close']);
  watch('src', src, ['end', 'close']);
  src.pipe(dst);
  dst.on('close', () => setTimeout(() => { L('src flowing', src.readableFlowing, src.destroyed); done(); }, 2));
});

test('pipe chain through PassThrough, object mode', (done) => {
  const src = Readable.from([{ n: 1 }, { n: 2 }, { n: 3 }]);
  const mid = new PassThrough({ objectMode: true });
  const out = [];
  const dst = new Writable({ objectMode: true, write(o, e, cb) { out.push(o.n); cb(); } });
  src.pipe(mid).pipe(dst);
  dst.on('finish', () => { L('got', out); done(); });
});

test('pipe returns destination, emits pipe', (done) => {
  const src = Readable.from(['a']);
  const dst = new PassThrough();
  dst.on('pipe', (s) => L('pipe event from src', s === src));
  L('returns dst', src.pipe(dst) === dst);
  dst.resume();
  dst.on('end', done);
});

test('large transfer keeps memory bounded', (done) => {
  let produced = 0, maxBuffered = 0;
  const total = 2000;
  const src = new Readable({
    highWaterMark: 1024,
    read() {
      if (produced >= total) { this.push(null); return; }
      produced++;
      this.push(Buffer.alloc(100, 97));
    }
  });
  let got = 0;
  const dst = new Writable({
    highWaterMark: 1024,
    write(chunk, enc, cb) {
      got += chunk.length;
      maxBuffered = Math.max(maxBuffered, src.readableLength + this.writableLength);
      if (got % 20000 === 0) setTimeout(cb, 1); else cb();
    }
  });
  src.pipe(dst);
  dst.on('finish', () => { L('bytes', got, 'bounded', maxBuffered <= 4096); done(); });
});

run();
