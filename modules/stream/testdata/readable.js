// Readable: flowing and paused modes, push/read, 'readable', encodings,
// object mode, unshift, errors and destroy, with the order of events.
'use strict';
const { Readable } = require('stream');
const log = [];
function L(...a) { log.push(a.map((x) => (Buffer.isBuffer(x) ? '<' + x.toString() + '>' : typeof x === 'object' && x !== null && !(x instanceof Error) ? JSON.stringify(x) : x instanceof Error ? x.code || x.message : String(x))).join(' ')); }
function watch(name, s, events) {
  for (const ev of events || ['data', 'end', 'close', 'error', 'pause', 'resume']) s.on(ev, (x) => L(name, ev, x === undefined ? '' : x));
}
const tests = [];
function test(name, fn) { tests.push([name, fn]); }

test('flowing from array', (done) => {
  const r = Readable.from(['a', 'b', 'c']);
  watch('r', r);
  r.on('close', done);
});

test('push in _read, sync and async', (done) => {
  let n = 0;
  const r = new Readable({
    read(size) {
      L('read called', size, r.readableLength);
      n++;
      if (n === 1) { this.push('one'); this.push('two'); }
      else if (n === 2) setTimeout(() => this.push('three'), 1);
      else if (n === 3) process.nextTick(() => this.push(null));
    }
  });
  watch('r', r);
  r.on('close', done);
});

test('paused mode with readable event', (done) => {
  const r = new Readable({ read() {} });
  r.push('hello ');
  r.push('world');
  r.on('readable', () => {
    let chunk;
    L('readable', r.readableLength);
    while ((chunk = r.read(3)) !== null) L('read3', chunk);
    L('after loop', r.readableLength, r.readableEnded);
  });
  r.on('end', () => L('end'));
  r.on('close', done);
  setTimeout(() => r.push(null), 5);
});

test('read(n) larger than buffer and hwm growth', (done) => {
  const r = new Readable({ read() {}, highWaterMark: 4 });
  L('push1', r.push('abc'));
  L('push2', r.push('defgh'));
  L('len', r.readableLength, r.readableHighWaterMark);
  L('read(20)', r.read(20));
  L('hwm now', r.readableHighWaterMark);
  r.push(null);
  L('read(20) after end', r.read(20));
  r.on('end', () => { L('end'); done(); });
  r.read();
});

test('setEncoding splits multibyte safely', (done) => {
  const r = new Readable({ read() {} });
  r.setEncoding('utf8');
  const euro = Buffer.from('€uro');
  r.push(euro.subarray(0, 1));
  r.push(euro.subarray(1, 2));
  r.push(euro.subarray(2));
  r.push(null);
  watch('r', r, ['data', 'end']);
  r.on('close', () => { L('encoding', r.readableEncoding); done(); });
});

test('encoding option, hex', (done) => {
  const r = new Readable({ read() {}, encoding: 'hex' });
  r.push(Buffer.from([1, 2, 255]));
  r.push(null);
  watch('r', r, ['data', 'end']);
  r.on('close', done);
});

test('object mode', (done) => {
  const r = new Readable({ objectMode: true, read() {} });
  L('hwm', r.readableHighWaterMark, r.readableObjectMode);
  for (const v of [1, 'two', { three: 3 }, [4], false, 0, '']) L('push', JSON.stringify(v), r.push(v));
  r.push(null);
  watch('r', r, ['data', 'end']);
  r.on('close', done);
});

test('back-pressure: push returns false at hwm', (done) => {
  const r = new Readable({ read() {}, highWaterMark: 5 });
  L(r.push('ab'), r.push('cd'), r.push('ef'), r.push('gh'), r.readableLength);
  r.push(null);
  r.resume();
  r.on('end', () => { L('end', r.readableLength); done(); });
});

test('unshift', (done) => {
  const r = new Readable({ read() {} });
  r.push('world');
  r.unshift('hello ');
  r.push(null);
  let s = '';
  r.on('data', (c) => { s += c; });
  r.on('end', () => { L('got', s); done(); });
});

test('pause and resume', (done) => {
  const r = Readable.from(['1', '2', '3', '4']);
  r.on('data', (d) => {
    L('data', d, r.isPaused());
    if (d === '2') {
      r.pause();
      L('paused', r.readableFlowing);
      setTimeout(() => { L('resuming'); r.resume(); }, 2);
    }
  });
  watch('r', r, ['end', 'pause', 'resume', 'close']);
  r.on('close', done);
});

test('errors: invalid chunk, push after EOF', (done) => {
  const r = new Readable({ read() {} });
  watch('r', r, ['error', 'close']);
  L('push num', (() => { try { return r.push(5); } catch (e) { return 'threw ' + e.code; } })());
  L('destroyed', r.destroyed, r.errored && r.errored.code);
  const r2 = new Readable({ read() {} });
  watch('r2', r2, ['error', 'close', 'end']);
  r2.push(null);
  r2.push('late');
  r2.on('close', () => setTimeout(done, 1));
});

test('destroy with error, no data after', (done) => {
  const r = new Readable({ read() {} });
  watch('r', r);
  r.push('x');
  r.destroy(new Error('boom'));
  L('push after destroy', r.push('y'), r.destroyed, r.readable);
  r.on('close', () => { L('closed', r.closed, r.readableAborted); done(); });
});

test('destroy without error, custom _destroy', (done) => {
  const r = new Readable({
    read() {},
    destroy(err, cb) { L('_destroy', err); setTimeout(() => cb(err), 1); }
  });
  watch('r', r);
  r.destroy();
  r.destroy();
  r.on('close', done);
});

test('_read throws', (done) => {
  const r = new Readable({ read() { throw new Error('in read'); } });
  watch('r', r, ['error', 'close']);
  r.resume();
  r.on('close', done);
});

test('not implemented _read', (done) => {
  const r = new Readable();
  r.on('error', (e) => L('error', e.code, e.message));
  r.on('close', done);
  r.read();
});

test('construct', (done) => {
  const r = new Readable({
    construct(cb) { L('construct'); setTimeout(() => { L('constructed'); cb(); }, 1); },
    read() { L('read'); this.push('z'); this.push(null); }
  });
  watch('r', r, ['data', 'end', 'close']);
  r.on('close', done);
});

test('Readable.from variants', (done) => {
  const parts = [];
  const r1 = Readable.from('whole string');
  const r2 = Readable.from(Buffer.from('buf'));
  const r3 = Readable.from({ [Symbol.iterator]: function* () { yield 1; yield 2; } });
  const r4 = Readable.from([Promise.resolve('p1'), 'p2']);
  const asyncIt = { i: 0, [Symbol.asyncIterator]() { return this; }, next() { return Promise.resolve(this.i < 2 ? { value: 'a' + this.i++, done: false } : { done: true }); } };
  const r5 = Readable.from(asyncIt);
  const r6 = Readable.from(['x'], { objectMode: false });
  let left = 6;
  [r1, r2, r3, r4, r5, r6].forEach((r, i) => {
    const got = [];
    r.on('data', (d) => got.push(Buffer.isBuffer(d) ? 'buf:' + d : d));
    r.on('end', () => { parts[i] = i + ':' + JSON.stringify(got) + ':' + r.readableObjectMode; if (--left === 0) { parts.forEach((p) => L(p)); done(); } });
  });
  try { Readable.from(5); } catch (e) { L('from 5', e.code); }
});

test('getters', (done) => {
  const r = new Readable({ read() {}, highWaterMark: 100 });
  L(r.readable, r.readableFlowing, r.readableLength, r.readableHighWaterMark, r.readableEnded, r.destroyed, r.readableDidRead);
  r.push('abc');
  r.on('data', () => {});
  L(r.readableFlowing, r.readableLength);
  r.push(null);
  r.on('end', () => { L(r.readable, r.readableEnded, r.readableDidRead); });
  r.on('close', () => { L('close', r.destroyed, r.closed); done(); });
});

test('read(0) and readable after end', (done) => {
  const r = new Readable({ read() {} });
  r.push(null);
  r.on('readable', () => { L('readable', r.read()); });
  r.on('end', () => { L('end'); done(); });
});

test('removing readable switches back to flowing', (done) => {
  const r = new Readable({ read() {} });
  const onr = () => L('readable fired');
  r.on('readable', onr);
  r.on('data', (d) => L('data', d));
  r.push('a');
  setTimeout(() => {
    L('flowing before', r.readableFlowing);
    r.removeListener('readable', onr);
    process.nextTick(() => { L('flowing after', r.readableFlowing); r.push('b'); r.push(null); });
  }, 2);
  r.on('end', () => { L('end'); done(); });
});

let i = 0;
function next() {
  if (i >= tests.length) {
    console.log(log.join('\n'));
    return;
  }
  const [name, fn] = tests[i++];
  L('### ' + name);
  fn(() => setTimeout(next, 5));
}
next();
